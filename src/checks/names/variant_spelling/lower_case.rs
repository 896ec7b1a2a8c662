//! Which of a few words the draft writes as words of its own (`case` beside a misspelt
//! `Case`), without reading every word of a long draft on every keystroke.
//!
//! Each paragraph's memo keeps a small Bloom filter of the words that could equal a
//! surname key; only a paragraph whose filter lets a wanted word through is read, so a
//! false positive costs one paragraph's read, never a wrong answer. A filter is a fixed
//! array built in one pass, so a cold check of a long draft pays little for it.

use crate::hash::{FastHash, FastSet};
use crate::text::Analysis;
use std::hash::BuildHasher;

/// Bits of a paragraph's filter: with three bits a word, about one paragraph in a
/// thousand lets an absent word through.
const BITS: usize = 1024;

/// A Bloom filter of a paragraph's words that could be a key.
struct Words([u64; BITS / 64]);

impl Words {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> Self {
        let mut bits = [0; BITS / 64];
        for word in words.filter(|w| could_be_key(w)) {
            for bit in bits_of(word) {
                bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        Words(bits)
    }

    fn may_contain(&self, bits: [usize; 3]) -> bool {
        bits.iter()
            .all(|&bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }
}

/// A word that could equal a variant's key: keys are folded (no ASCII capital) and at
/// least four letters (so four bytes) long. Skipping the rest keeps the filters sparse.
fn could_be_key(word: &str) -> bool {
    word.len() >= 4 && !word.bytes().any(|b| b.is_ascii_uppercase())
}

fn bits_of(word: &str) -> [usize; 3] {
    let hash = FastHash::default().hash_one(word);
    let bit = |shift: u32| usize::try_from((hash >> shift) % BITS as u64).unwrap_or(0);
    [bit(64 - 10), bit(64 - 20), bit(64 - 30)]
}

/// The words of `wanted` that some word token of the draft spells exactly. `wanted` are
/// surname keys of four letters or more (see [`could_be_key`]).
pub fn written<'w>(doc: &Analysis, wanted: &[&'w str]) -> FastSet<&'w str> {
    let mut found = FastSet::default();
    if wanted.is_empty() {
        return found;
    }
    let bits: Vec<[usize; 3]> = wanted.iter().map(|w| bits_of(w)).collect();
    for (paragraph, para) in doc.paragraphs.iter().enumerate() {
        let tokens = &doc.tokens[para.tokens.clone()];
        // Words of the prose, which the memo is kept for: a word's bytes are never
        // blanked, so they equal the original text's.
        let words = doc.paragraph_memo(paragraph, || {
            Words::new(
                tokens
                    .iter()
                    .filter(|t| t.is_word())
                    .map(|t| doc.prose().get(t.span.clone()).unwrap_or("")),
            )
        });
        for (&word, &bits) in wanted.iter().zip(&bits) {
            if words.may_contain(bits)
                && !found.contains(word)
                && tokens.iter().any(|t| {
                    t.span.len() == word.len() && t.is_word() && doc.slice(t.span.clone()) == word
                })
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
