//! The attribution word lists (src/data/attribution/), loaded once.

use super::phrases::{BuildWordHasher, PhraseSet};
use crate::data::lines;
use std::collections::HashMap;
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
    Intent,
    Speculation,
}

/// What a single word can be, as bits: one hash lookup per word gives them all.
pub mod class {
    pub const REPORTING_VERB: u16 = 1;
    pub const SOURCE_NOUN: u16 = 1 << 1;
    pub const WEASEL_SUBJECT: u16 = 1 << 2;
    pub const MENTAL_VERB: u16 = 1 << 3;
    pub const MENTAL_ADJECTIVE: u16 = 1 << 4;
    pub const COMMENT_PARTICIPLE: u16 = 1 << 5;
    pub const CONSEQUENCE_PARTICIPLE: u16 = 1 << 6;
    pub const COUNT_NOUN: u16 = 1 << 7;
    pub const NOT_SUPERLATIVE: u16 = 1 << 8;
    pub const EVALUATIVE_SUPERLATIVE: u16 = 1 << 9;
    pub const IRREGULAR_PAST: u16 = 1 << 10;
    pub const CHANGE_VERB: u16 = 1 << 11;
    pub const QUANTITY_NOUN: u16 = 1 << 12;
}

/// Every list the attribution rules read.
pub struct Lexicon {
    pub phrases: PhraseSet<List>,
    /// Single-word lists: each word's [`class`] bits.
    pub classes: HashMap<&'static str, u16, BuildWordHasher>,
}

impl Lexicon {
    /// The [`class`] bits of a lower-case word (0 for a word in no list).
    pub fn class_of(&self, word: &str) -> u16 {
        self.classes.get(word).copied().unwrap_or(0)
    }
}

macro_rules! data {
    ($file:literal) => {
        lines(include_str!(concat!("../../data/attribution/", $file)))
    };
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut classes: HashMap<&'static str, u16, BuildWordHasher> = HashMap::default();
    let word_lists = [
        (
            class::REPORTING_VERB,
            data!("reporting_verbs.txt").collect::<Vec<_>>(),
        ),
        (class::SOURCE_NOUN, data!("source_nouns.txt").collect()),
        (
            class::WEASEL_SUBJECT,
            data!("weasel_subjects.txt").collect(),
        ),
        (class::MENTAL_VERB, data!("mental_verbs.txt").collect()),
        (
            class::MENTAL_ADJECTIVE,
            data!("mental_adjectives.txt").collect(),
        ),
        (
            class::COMMENT_PARTICIPLE,
            data!("comment_participles.txt").collect(),
        ),
        (
            class::CONSEQUENCE_PARTICIPLE,
            data!("consequence_participles.txt").collect(),
        ),
        (class::COUNT_NOUN, data!("count_nouns.txt").collect()),
        (
            class::NOT_SUPERLATIVE,
            data!("not_superlatives.txt").collect(),
        ),
        (
            class::EVALUATIVE_SUPERLATIVE,
            data!("evaluative_superlatives.txt").collect(),
        ),
        (class::IRREGULAR_PAST, data!("irregular_past.txt").collect()),
        (class::CHANGE_VERB, data!("change_verbs.txt").collect()),
        (class::QUANTITY_NOUN, data!("quantity_nouns.txt").collect()),
    ];
    for (bit, words) in word_lists {
        for word in words {
            *classes.entry(word).or_default() |= bit;
        }
    }
    Lexicon {
        phrases: PhraseSet::from_lists([
            (List::Weasel, data!("weasel.txt").collect()),
            (List::Contested, data!("contested.txt").collect()),
            (List::Hedge, data!("hedges.txt").collect()),
            (List::Causal, data!("causal.txt").collect()),
            (List::Superlative, data!("superlatives.txt").collect()),
            (List::Figure, data!("figures.txt").collect()),
            (List::Figure, data!("casualties.txt").collect()),
            (List::Certainty, data!("certainty.txt").collect()),
            (List::Opinion, data!("opinion.txt").collect()),
            (List::Intent, data!("intent.txt").collect()),
            (List::Speculation, data!("speculation.txt").collect()),
        ]),
        classes,
    }
});
