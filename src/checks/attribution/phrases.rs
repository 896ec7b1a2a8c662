//! Multi-word phrase lists matched against a sentence's words.
//!
//! Phrases are indexed by their first word in a hash map, so matching a sentence costs one
//! lookup per word plus the few phrases that start with it: linear in the text, whatever
//! the length of the lists. A `*` in a phrase stands for one to three words
//! (`leaving * no choice`), bounded so that no phrase can scan far.

use std::collections::HashMap;

/// Most words a `*` may stand for.
const MAX_GAP: usize = 3;

/// A list of phrases, each a sequence of lower-case words and `*` gaps.
#[derive(Debug, Default)]
pub struct PhraseSet {
    by_first_word: HashMap<&'static str, Vec<Vec<&'static str>>>,
}

/// A phrase found in a sentence: word indices `start..end` (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
}

impl PhraseSet {
    /// Builds the set from the lines of a data file (see [`crate::data::lines`]).
    pub fn from_lines(lines: impl Iterator<Item = &'static str>) -> Self {
        let mut by_first_word: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for line in lines {
            let words: Vec<&'static str> = line.split_whitespace().collect();
            let Some(first) = words.first() else {
                continue;
            };
            // A phrase may not start with a gap: it would match everywhere.
            if *first == "*" {
                continue;
            }
            by_first_word.entry(first).or_default().push(words);
        }
        // Longest first, so the first phrase that matches at a word is the longest one.
        for phrases in by_first_word.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        Self { by_first_word }
    }

    /// The longest phrase starting at word `start`, if any.
    pub fn match_at(&self, words: &[&str], start: usize) -> Option<PhraseMatch> {
        let phrases = self.by_first_word.get(words.get(start)?)?;
        phrases.iter().find_map(|phrase| {
            match_from(phrase, words, start).map(|end| PhraseMatch { start, end })
        })
    }

    /// Every match in `words`, left to right, not overlapping.
    pub fn find_all(&self, words: &[&str]) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.match_at(words, i) {
                Some(m) => {
                    found.push(m);
                    i = m.end.max(i + 1);
                }
                None => i += 1,
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

    fn set(lines: &'static str) -> PhraseSet {
        PhraseSet::from_lines(lines.lines())
    }

    #[test]
    fn finds_longest_phrase_and_gaps() {
        let s = set("some say\nsome people say\nleaving * no choice");
        let words = [
            "some", "people", "say", "it", "is", "leaving", "putin", "no", "choice",
        ];
        assert_eq!(
            s.find_all(&words),
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
        assert!(s.find_all(&words).is_empty());
    }

    #[test]
    fn single_words_and_leading_gaps() {
        let s = set("coup\n* said");
        assert_eq!(
            s.find_all(&["a", "coup"]),
            vec![PhraseMatch { start: 1, end: 2 }]
        );
        assert!(s.find_all(&["he", "said"]).is_empty());
    }
}
