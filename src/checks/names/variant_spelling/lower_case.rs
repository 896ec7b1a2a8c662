//! Which of a few words the draft writes as words of its own (`case` beside a misspelt
//! `Case`), without reading every word of a long draft on every keystroke.
//!
//! Each paragraph's memo keeps the hashes of its words; a paragraph whose hashes include
//! a wanted word's is then read to confirm, so a hash collision costs a read, never a
//! wrong answer.

use crate::hash::{FastSet, Fnv, Prehashed};
use crate::text::Analysis;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The hashes ([`hash`]) of a paragraph's words.
struct WordHashes(HashSet<u64, BuildHasherDefault<Prehashed>>);

fn hash(word: &str) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

/// The words of `wanted` that some word token of the draft spells exactly.
pub fn written<'w>(doc: &Analysis, wanted: &[&'w str]) -> FastSet<&'w str> {
    let mut found = FastSet::default();
    if wanted.is_empty() {
        return found;
    }
    let hashes: Vec<u64> = wanted.iter().map(|w| hash(w)).collect();
    for (paragraph, para) in doc.paragraphs.iter().enumerate() {
        // The prose, which the memo is kept for: a word's bytes are never blanked, so
        // they equal the original text's.
        let words = doc.paragraph_memo(paragraph, || {
            WordHashes(
                doc.tokens[para.tokens.clone()]
                    .iter()
                    .filter(|t| t.is_word())
                    .map(|t| hash(doc.prose().get(t.span.clone()).unwrap_or("")))
                    .collect(),
            )
        });
        for (&word, h) in wanted.iter().zip(&hashes) {
            if words.0.contains(h)
                && !found.contains(word)
                && doc.tokens[para.tokens.clone()]
                    .iter()
                    .any(|t| t.is_word() && doc.slice(t.span.clone()) == word)
            {
                found.insert(word);
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::written;
    use crate::text::{Analysis, Markup};

    #[test]
    fn finds_only_whole_words_in_any_paragraph() {
        let doc = Analysis::new(
            "Ronald Coase wrote.\n\nIn that case, Case left.",
            Markup::Plain,
        );
        let found = written(&doc, &["case", "coas", "wrote"]);
        let mut found: Vec<&str> = found.into_iter().collect();
        found.sort_unstable();
        assert_eq!(found, ["case", "wrote"]);
    }
}
