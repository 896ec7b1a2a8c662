//! The attribution word lists (src/data/attribution/), loaded once.

use super::phrases::{PhraseSet, WordSet};
use crate::data::lines;
use std::sync::LazyLock;

/// The phrase lists, matched together in one pass per sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Weasel,
    Contested,
    Hedge,
    Causal,
    Superlative,
    Figure,
    Certainty,
    Opinion,
}

/// Every list the attribution rules read.
pub struct Lexicon {
    pub phrases: PhraseSet<List>,
    pub reporting_verbs: WordSet,
    pub source_nouns: WordSet,
    pub weasel_subjects: WordSet,
    pub mental_verbs: WordSet,
    pub mental_adjectives: WordSet,
    pub comment_participles: WordSet,
    pub consequence_participles: WordSet,
    pub count_nouns: WordSet,
    pub not_superlatives: WordSet,
    pub evaluative_superlatives: WordSet,
}

macro_rules! data {
    ($file:literal) => {
        lines(include_str!(concat!("../../data/attribution/", $file)))
    };
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    phrases: PhraseSet::from_lists([
        (List::Weasel, data!("weasel.txt").collect()),
        (List::Contested, data!("contested.txt").collect()),
        (List::Hedge, data!("hedges.txt").collect()),
        (List::Causal, data!("causal.txt").collect()),
        (List::Superlative, data!("superlatives.txt").collect()),
        (List::Figure, data!("figures.txt").collect()),
        (List::Certainty, data!("certainty.txt").collect()),
        (List::Opinion, data!("opinion.txt").collect()),
    ]),
    reporting_verbs: data!("reporting_verbs.txt").collect(),
    source_nouns: data!("source_nouns.txt").collect(),
    weasel_subjects: data!("weasel_subjects.txt").collect(),
    mental_verbs: data!("mental_verbs.txt").collect(),
    mental_adjectives: data!("mental_adjectives.txt").collect(),
    comment_participles: data!("comment_participles.txt").collect(),
    consequence_participles: data!("consequence_participles.txt").collect(),
    count_nouns: data!("count_nouns.txt").collect(),
    not_superlatives: data!("not_superlatives.txt").collect(),
    evaluative_superlatives: data!("evaluative_superlatives.txt").collect(),
});
