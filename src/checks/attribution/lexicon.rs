//! The attribution word lists (src/data/attribution/), loaded once.

use super::phrases::PhraseSet;
use crate::data::lines;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Every list the attribution rules read.
pub struct Lexicon {
    pub reporting_verbs: HashSet<&'static str>,
    pub source_nouns: HashSet<&'static str>,
    pub weasel_subjects: HashSet<&'static str>,
    pub weasel: PhraseSet,
    pub mental_verbs: HashSet<&'static str>,
    pub mental_adjectives: HashSet<&'static str>,
    pub causal: PhraseSet,
    pub superlatives: PhraseSet,
    pub certainty: PhraseSet,
    pub contested: PhraseSet,
    pub opinion: PhraseSet,
    pub comment_participles: HashSet<&'static str>,
    pub count_nouns: HashSet<&'static str>,
    pub hedges: PhraseSet,
    pub consequence_participles: HashSet<&'static str>,
    pub not_superlatives: HashSet<&'static str>,
    pub evaluative_superlatives: HashSet<&'static str>,
    pub figures: PhraseSet,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    reporting_verbs: lines(include_str!("../../data/attribution/reporting_verbs.txt")).collect(),
    source_nouns: lines(include_str!("../../data/attribution/source_nouns.txt")).collect(),
    weasel_subjects: lines(include_str!("../../data/attribution/weasel_subjects.txt")).collect(),
    weasel: PhraseSet::from_lines(lines(include_str!("../../data/attribution/weasel.txt"))),
    mental_verbs: lines(include_str!("../../data/attribution/mental_verbs.txt")).collect(),
    mental_adjectives: lines(include_str!("../../data/attribution/mental_adjectives.txt"))
        .collect(),
    causal: PhraseSet::from_lines(lines(include_str!("../../data/attribution/causal.txt"))),
    superlatives: PhraseSet::from_lines(lines(include_str!(
        "../../data/attribution/superlatives.txt"
    ))),
    certainty: PhraseSet::from_lines(lines(include_str!("../../data/attribution/certainty.txt"))),
    contested: PhraseSet::from_lines(lines(include_str!("../../data/attribution/contested.txt"))),
    opinion: PhraseSet::from_lines(lines(include_str!("../../data/attribution/opinion.txt"))),
    comment_participles: lines(include_str!(
        "../../data/attribution/comment_participles.txt"
    ))
    .collect(),
    count_nouns: lines(include_str!("../../data/attribution/count_nouns.txt")).collect(),
    hedges: PhraseSet::from_lines(lines(include_str!("../../data/attribution/hedges.txt"))),
    consequence_participles: lines(include_str!(
        "../../data/attribution/consequence_participles.txt"
    ))
    .collect(),
    not_superlatives: lines(include_str!("../../data/attribution/not_superlatives.txt")).collect(),
    figures: PhraseSet::from_lines(lines(include_str!("../../data/attribution/figures.txt"))),
    evaluative_superlatives: lines(include_str!(
        "../../data/attribution/evaluative_superlatives.txt"
    ))
    .collect(),
});
