//! Multi-word phrase lists matched against a sentence's words.
//!
//! Every list is loaded into one map keyed by a phrase's first word, each phrase tagged
//! with its list, so a sentence costs one hash lookup per word plus the few phrases that
//! start with it: linear in the text whatever the length of the lists, one pass for all
//! of them. A `*` in a phrase stands for one to three words (`leaving * no choice`),
//! bounded so that no phrase can scan far.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Most words a `*` may stand for.
const MAX_GAP: usize = 3;

/// A fast hasher for short keys (the multiply-rotate hash rustc uses): word lookups are
/// the hot path of the family, and the keys come from our own lists, so SipHash's
/// protection against chosen keys buys nothing here.
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut buffer = [0u8; 8];
            buffer[..chunk.len()].copy_from_slice(chunk);
            let word = u64::from_le_bytes(buffer);
            self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type BuildWordHasher = BuildHasherDefault<WordHasher>;

/// Phrases from several lists, each tagged with its list.
#[derive(Debug)]
pub struct PhraseSet<T> {
    by_first_word: HashMap<&'static str, Vec<(T, Vec<&'static str>)>, BuildWordHasher>,
}

/// A phrase found in a sentence: word indices `start..end` (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
}

impl<T: Copy + PartialEq> PhraseSet<T> {
    /// Builds the set from `(tag, lines of a data file)` pairs (see [`crate::data::lines`]).
    pub fn from_lists(lists: impl IntoIterator<Item = (T, Vec<&'static str>)>) -> Self {
        let mut by_first_word: HashMap<&'static str, Vec<(T, Vec<&'static str>)>, BuildWordHasher> =
            HashMap::default();
        for (tag, lines) in lists {
            for line in lines {
                let words: Vec<&'static str> = line.split_whitespace().collect();
                // A phrase may not start with a gap: it would match everywhere.
                let Some(first) = words.first().filter(|w| **w != "*") else {
                    continue;
                };
                by_first_word.entry(first).or_default().push((tag, words));
            }
        }
        // Longest first, so the first phrase of a list that matches is its longest.
        for phrases in by_first_word.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.1.len()));
        }
        Self { by_first_word }
    }

    /// Every match in `words`, left to right: per list the longest at each start, and
    /// matches of one list never overlap.
    pub fn find_all(&self, words: &[&str]) -> Vec<(T, PhraseMatch)> {
        let mut found: Vec<(T, PhraseMatch)> = Vec::new();
        for start in 0..words.len() {
            let Some(phrases) = self.by_first_word.get(words[start]) else {
                continue;
            };
            for (tag, phrase) in phrases {
                let overlapped = found
                    .iter()
                    .rev()
                    .take_while(|(_, m)| m.end > start)
                    .any(|(t, _)| t == tag);
                if overlapped {
                    continue;
                }
                if let Some(end) = match_from(phrase, words, start) {
                    found.push((*tag, PhraseMatch { start, end }));
                }
            }
        }
        found
    }
}

/// The end (exclusive) of `phrase` matched at `words[start..]`, trying the shortest gap
/// first.
fn match_from(phrase: &[&str], words: &[&str], start: usize) -> Option<usize> {
    let Some((first, rest)) = phrase.split_first() else {
        return Some(start);
    };
    if *first == "*" {
        // The gap takes 1..=MAX_GAP words; the rest of the phrase must follow.
        return (1..=MAX_GAP)
            .filter(|gap| start + gap <= words.len())
            .find_map(|gap| match_from(rest, words, start + gap));
    }
    if words.get(start) != Some(first) {
        return None;
    }
    match_from(rest, words, start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(lines: &'static str) -> PhraseSet<u8> {
        PhraseSet::from_lists([(0, lines.lines().collect())])
    }

    fn matches(set: &PhraseSet<u8>, words: &[&str]) -> Vec<PhraseMatch> {
        set.find_all(words).into_iter().map(|(_, m)| m).collect()
    }

    #[test]
    fn finds_longest_phrase_and_gaps() {
        let s = set("some say\nsome people say\nleaving * no choice");
        let words = [
            "some", "people", "say", "it", "is", "leaving", "putin", "no", "choice",
        ];
        assert_eq!(
            matches(&s, &words),
            vec![
                PhraseMatch { start: 0, end: 3 },
                PhraseMatch { start: 5, end: 9 }
            ]
        );
    }

    #[test]
    fn gap_is_bounded() {
        let s = set("leaving * no choice");
        let words = ["leaving", "a", "b", "c", "d", "no", "choice"];
        assert!(matches(&s, &words).is_empty());
    }

    #[test]
    fn single_words_and_leading_gaps() {
        let s = set("coup\n* said");
        assert_eq!(
            matches(&s, &["a", "coup"]),
            vec![PhraseMatch { start: 1, end: 2 }]
        );
        assert!(matches(&s, &["he", "said"]).is_empty());
    }

    #[test]
    fn lists_match_independently() {
        let s = PhraseSet::from_lists([(1u8, vec!["most"]), (2u8, vec!["the most"])]);
        assert_eq!(
            s.find_all(&["the", "most"]),
            vec![
                (2, PhraseMatch { start: 0, end: 2 }),
                (1, PhraseMatch { start: 1, end: 2 })
            ]
        );
    }

    #[test]
    fn word_hasher_separates_words() {
        use std::hash::BuildHasher;
        let build = BuildWordHasher::default();
        assert_ne!(build.hash_one("coup"), build.hash_one("coups"));
    }
}
