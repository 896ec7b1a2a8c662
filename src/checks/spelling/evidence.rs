//! Is a capitalised word the dictionary does not know a name, or a misspelling?
//!
//! It is a name unless the typo evidence outweighs the name evidence by
//! [`TYPO_MARGIN`]. Typo evidence: a word one edit away that the draft itself uses (the
//! draft contradicts itself), a notable place one edit away, or a common word one swap or
//! doubled letter away; long words and the slips people make (swaps, doubled letters) count
//! more. Name evidence: a title or first name before it, the word in the census names
//! lists, the same spelling used again. Closeness alone is weak on purpose: `Merz` (Metz),
//! `Lavrov` (Lavov), `Macron` (Macon), `Biden` (Baden) are real names.

use super::distance::{Edit, damerau, may_be_within_one_edit, single_edit};
use super::lexicon::{self, frequent_by_shape, places_by_shape};
use crate::hash::FastMap as HashMap;
use std::sync::{LazyLock, Mutex};

/// How much typo evidence must exceed name evidence for the word to be flagged.
pub const TYPO_MARGIN: f32 = 2.0;

/// What the draft says about one capitalised unknown word.
#[derive(Clone, Debug, Default)]
pub struct NameSigns {
    /// A title (`President`) or a first name stands before it.
    pub introduced: bool,
    /// How many times the draft uses this exact spelling.
    pub uses: usize,
}

/// Why a word looks like a misspelling, and of what.
#[derive(Clone, Debug, PartialEq)]
pub struct TypoEvidence {
    pub correction: String,
    pub source: Source,
    pub score: f32,
}

impl TypoEvidence {
    /// Puts the offer in `best` if it scores higher than what is there.
    fn keep_best(best: &mut Option<Self>, correction: &str, source: Source, score: f32) {
        if best.as_ref().is_none_or(|b| score > b.score) {
            *best = Some(Self {
                correction: correction.to_string(),
                source,
                score,
            });
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The draft spells it this way elsewhere.
    Draft,
    /// A place in the gazetteer.
    Place,
    /// A common word.
    Word,
}

/// The draft's capitalised words with their counts, and whether the speller knows them.
#[derive(Default)]
pub struct DraftWords<'a> {
    pub counts: HashMap<&'a str, (usize, bool)>,
    /// The same words by (first letter, length), built by [`DraftWords::index`].
    shapes: HashMap<(char, usize), Vec<&'a str>>,
}

impl<'a> DraftWords<'a> {
    /// Indexes the counted words; call once all are counted.
    pub fn index(&mut self) {
        self.shapes.clear();
        for &word in self.counts.keys() {
            if let Some(first) = word.chars().next() {
                self.shapes
                    .entry((first, word.chars().count()))
                    .or_default()
                    .push(word);
            }
        }
    }

    /// The draft's words that could be one edit from `word`: same first letter, length
    /// within one.
    fn near(&self, word: &str) -> Vec<(&'a str, usize, bool)> {
        let length = word.chars().count();
        let Some(first) = word.chars().next() else {
            return Vec::new();
        };
        (length.saturating_sub(1)..=length + 1)
            .filter_map(|l| self.shapes.get(&(first, l)))
            .flatten()
            .filter_map(|w| self.counts.get(w).map(|&(n, k)| (*w, n, k)))
            .collect()
    }
}

/// Name evidence in points: title or first name 3, census name 2, used three times 2,
/// twice 1.
pub fn name_score(word: &str, signs: &NameSigns) -> f32 {
    let mut score = 0.0;
    if signs.introduced {
        score += 3.0;
    }
    if lexicon::is_census_name(word) {
        score += 2.0;
    }
    score += match signs.uses {
        0 | 1 => 0.0,
        2 => 1.0,
        _ => 2.0,
    };
    score
}

/// The strongest typo evidence for `word`, if any.
pub fn typo_evidence(word: &str, draft: &DraftWords) -> Option<TypoEvidence> {
    let length = word.chars().count();
    let mut best: Option<TypoEvidence> = None;
    let mut offer = |correction: &str, source: Source, score: f32| {
        TypoEvidence::keep_best(&mut best, correction, source, score)
    };
    let own_uses = draft.counts.get(word).map_or(1, |c| c.0);
    if length >= 5 {
        for (other, uses, known) in draft.near(word) {
            if other == word {
                continue;
            }
            let Some(edit) = one_edit(word, other) else {
                continue;
            };
            // `Zelenskys` beside `Zelensky` is a plural, not a slip.
            if is_plural_pair(word, other)
                || matches!(edit, Edit::TrailingInsertion | Edit::TrailingDeletion)
            {
                continue;
            }
            if known || uses > own_uses {
                let base = 2.0 + if known { 1.0 } else { 0.0 };
                offer(other, Source::Draft, base + edit_score(edit).min(0.0) * 3.0);
            }
        }
    }
    if let Some(known) = word_list_evidence(word) {
        offer(&known.correction, known.source, known.score);
    }
    best
}

/// Typo evidence from the word lists alone (places, common words), which does not
/// depend on the draft and so is remembered per word.
fn word_list_evidence(word: &str) -> Option<TypoEvidence> {
    static CACHE: LazyLock<Mutex<HashMap<String, Option<TypoEvidence>>>> =
        LazyLock::new(Mutex::default);
    let lock = || {
        CACHE
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    if let Some(hit) = lock().get(word) {
        return hit.clone();
    }
    let length = word.chars().count();
    let mut best: Option<TypoEvidence> = None;
    let mut offer = |correction: &str, source: Source, score: f32| {
        TypoEvidence::keep_best(&mut best, correction, source, score)
    };
    if length >= 6 {
        for place in lexicon::same_shape(places_by_shape(), word, 1) {
            let Some(edit) = one_edit(word, place) else {
                continue;
            };
            let weight = lexicon::place_weight(place).unwrap_or(0);
            if weight < 5 || is_plural_pair(word, place) {
                continue;
            }
            let notable = if weight >= 7 && edit != Edit::Substitution {
                0.5
            } else {
                0.0
            };
            offer(
                place,
                Source::Place,
                length_score(length) + edit_score(edit) + notable,
            );
        }
        for common in lexicon::same_shape(frequent_by_shape(), word, 1) {
            let Some(edit) = one_edit(word, common) else {
                continue;
            };
            if !matches!(edit, Edit::Transposition | Edit::Doubling)
                || lexicon::commonness(common) < 0.35
            {
                continue;
            }
            // The word list is lower case; the typed word is capitalised.
            offer(
                &super::suggest::capitalise(common),
                Source::Word,
                length_score(length) + edit_score(edit),
            );
        }
    }
    let mut cache = lock();
    // Bound memory for a long-running server; a miss only costs time.
    if cache.len() > 100_000 {
        cache.clear();
    }
    cache.insert(word.to_string(), best.clone());
    best
}

fn one_edit(word: &str, other: &str) -> Option<Edit> {
    if !super::distance::may_be_one_edit(word, other)
        || !super::distance::letter_counts_within(word, other, 2)
    {
        return None;
    }
    // Case-sensitive first (`Instanbul`, `Istanbul`), then folded: a capitalised word
    // against a common lower-case word (`Becuase`, `because`) differs in case at the
    // first letter, which is no slip.
    // The one-pass test first: the table runs only for the few it lets through.
    let as_written =
        || may_be_within_one_edit(word, other, false) && damerau(word, other, 1) == Some(1);
    let folded = || {
        may_be_within_one_edit(word, other, true)
            && damerau(&word.to_lowercase(), &other.to_lowercase(), 1) == Some(1)
    };
    if !as_written() && !folded() {
        return None;
    }
    single_edit(word, other)
}

fn is_plural_pair(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// A random name rarely lands one edit from a long word; it often does from a short one.
fn length_score(length: usize) -> f32 {
    match length {
        0..=5 => f32::NEG_INFINITY,
        6 => 0.5,
        7 | 8 => 1.0,
        _ => 2.0,
    }
}

fn edit_score(edit: Edit) -> f32 {
    match edit {
        Edit::Transposition | Edit::Doubling => 1.0,
        Edit::Insertion | Edit::Deletion => 0.5,
        // Transliterations differ by a letter (`Byzantion`, `Byzantian`).
        Edit::Substitution => -0.5,
        Edit::TrailingInsertion | Edit::TrailingDeletion => -1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft<'a>(words: &[(&'a str, usize, bool)]) -> DraftWords<'a> {
        let mut d = DraftWords {
            counts: words.iter().map(|&(w, n, k)| (w, (n, k))).collect(),
            ..DraftWords::default()
        };
        d.index();
        d
    }

    fn is_typo(word: &str, signs: &NameSigns, d: &DraftWords) -> Option<String> {
        let evidence = typo_evidence(word, d)?;
        (evidence.score - name_score(word, signs) >= TYPO_MARGIN).then_some(evidence.correction)
    }

    #[test]
    fn long_word_one_edit_from_a_place_is_a_typo() {
        let d = draft(&[("Zaporizhizhia", 1, false)]);
        assert_eq!(
            is_typo(
                "Zaporizhizhia",
                &NameSigns {
                    introduced: false,
                    uses: 1
                },
                &d
            )
            .as_deref(),
            Some("Zaporizhzhia")
        );
    }

    #[test]
    fn word_spelled_otherwise_in_the_draft_is_a_typo() {
        let d = draft(&[("Instanbul", 1, false), ("Istanbul", 2, true)]);
        let signs = NameSigns {
            introduced: false,
            uses: 1,
        };
        assert_eq!(
            is_typo("Instanbul", &signs, &d).as_deref(),
            Some("Istanbul")
        );
    }

    #[test]
    fn real_names_near_places_are_names() {
        let lone = NameSigns {
            introduced: false,
            uses: 1,
        };
        let introduced = NameSigns {
            introduced: true,
            uses: 1,
        };
        for word in ["Merz", "Lavrov", "Macron", "Biden", "Starmer", "Rubio"] {
            let d = draft(&[(word, 1, false)]);
            assert_eq!(is_typo(word, &lone, &d), None, "{word}");
        }
        let d = draft(&[("Zelensky", 5, false)]);
        assert_eq!(is_typo("Zelensky", &introduced, &d), None);
    }

    #[test]
    fn two_real_names_in_one_draft_are_both_names() {
        let d = draft(&[("Hansen", 2, false), ("Hanson", 1, false)]);
        assert_eq!(
            is_typo(
                "Hanson",
                &NameSigns {
                    introduced: false,
                    uses: 1
                },
                &d
            ),
            None
        );
    }
}
