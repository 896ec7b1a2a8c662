//! Word lists and other data, embedded in the binary. Each file names its source and
//! licence in its header; `THIRD_PARTY.md` lists them all.

use crate::hash::FastSet;
use std::sync::LazyLock;

/// Lines of a list file, without comments (`#` at the start) and blank lines.
pub fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(file: &'static str) -> FastSet<&'static str> {
    lines(file).collect()
}

/// Words that take a period and rarely end a sentence (`Mr`, `Jan`, `Sen`).
pub static ABBREVIATIONS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("abbreviations.txt")));

/// Capitalised function words that typically start a sentence (`The`, `However`).
pub static SENTENCE_STARTERS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("sentence_starters.txt")));

/// A title written before a name, as a word sequence (`["Secretary", "of", "State"]`).
#[derive(Debug)]
pub struct Title {
    pub words: Vec<&'static str>,
    /// Also a common surname (`King`): a title only where a name starts.
    pub leading_only: bool,
}

/// Titles, longest first so that a greedy match takes the longest.
pub static TITLES: LazyLock<Vec<Title>> = LazyLock::new(|| {
    let mut titles: Vec<Title> = lines(include_str!("titles.txt"))
        .map(|l| {
            let (phrase, leading_only) = match l.strip_suffix(" *") {
                Some(p) => (p, true),
                None => (l, false),
            };
            Title {
                words: phrase.split(' ').collect(),
                leading_only,
            }
        })
        .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
    titles
});

/// Words English legitimately doubles (`had had`).
pub static LEGIT_DOUBLES: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| set(include_str!("legit_doubles.txt")));
