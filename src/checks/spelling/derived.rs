//! Real words the dictionary does not list: a lower-case word is taken as meant when the
//! word-frequency list records it (evidence of use in print: `javascript`, `spinoff`) or
//! it is a known word of six letters or more with `-ish`, `-like` or `-wise`
//! (`commercialish`), or the American `e` for a known word's `ae` / `oe`
//! (`archeological`); and, when no known word is one slip away, when it is a known word
//! with a productive prefix (`reinterred`, `mistruth`) or a verb closed up with its
//! particle (`leadoff`).
//!
//! Measured on the 52,665 codespell misspelling pairs: the frequency list accepts 38
//! (`instal`, `despatch`: variants in print), the prefix and particle rules without a
//! near slip about 80 (`deattach`, `uncognized`); prefixes alone would accept 474
//! (`cofiguration` is `co` + `figuration`), hence the slip condition.

use super::lexicon;
use super::speller::accepts;
use spellbook::Dictionary;

/// Prefixes that make new words from whole words (`re` + `interred`).
const PREFIXES: &[&str] = &[
    "anti", "co", "counter", "de", "hyper", "inter", "mega", "micro", "mini", "mis", "multi",
    "non", "out", "over", "post", "pre", "re", "semi", "sub", "super", "un", "under",
];

/// Suffixes that make new words from whole words (`commercial` + `ish`).
/// (`-ness` and `-less` are not here: `lazyness`, `seemless` are common slips.)
const SUFFIXES: &[&str] = &["ish", "like", "wise"];

/// Particles closed up with a verb into a noun (`leadoff`, `spinoff`).
const PARTICLES: &[&str] = &["off", "out", "up", "down", "back", "away", "over"];

/// Why a lower-case word the dictionary rejects is a real word, if it is one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// In the word-frequency list.
    Frequent,
    /// American `e` for `ae` / `oe` (`archeological`, `maneuver`).
    Simplified,
    Prefixed,
    Suffixed,
    Particle,
}

impl Derivation {
    /// Whether the word is taken as meant even when a known word is one slip away.
    pub fn despite_slips(self) -> bool {
        matches!(
            self,
            Derivation::Frequent | Derivation::Suffixed | Derivation::Simplified
        )
    }
}

/// Whether (and why) a lower-case word the dictionary rejects is still a real word.
pub fn derivation(dict: &Dictionary, word: &str) -> Option<Derivation> {
    if lexicon::is_frequent(word) {
        return Some(Derivation::Frequent);
    }
    let stem =
        |part: &str| part.chars().count() >= 6 && !part.ends_with('y') && accepts(dict, part);
    if SUFFIXES
        .iter()
        .any(|s| word.strip_suffix(s).is_some_and(stem))
    {
        return Some(Derivation::Suffixed);
    }
    if simplified(dict, word) {
        return Some(Derivation::Simplified);
    }
    if prefixed_stem(dict, word).is_some() {
        return Some(Derivation::Prefixed);
    }
    let verb = |part: &str| part.chars().count() >= 3 && accepts(dict, part);
    if PARTICLES
        .iter()
        .any(|s| word.strip_suffix(s).is_some_and(verb))
    {
        return Some(Derivation::Particle);
    }
    None
}

/// The known word of four letters or more after a productive prefix (`fund` in
/// `defund`), if there is one.
pub fn prefixed_stem<'a>(dict: &Dictionary, word: &'a str) -> Option<&'a str> {
    PREFIXES.iter().find_map(|p| {
        word.strip_prefix(p)
            .filter(|stem| stem.chars().count() >= 4 && accepts(dict, stem))
    })
}

/// Whether restoring an `ae` or `oe` for one `e` gives a known word (one codespell pair
/// of 52,665 is such: `amebae`).
fn simplified(dict: &Dictionary, word: &str) -> bool {
    word.len() >= 6
        && word.match_indices('e').any(|(at, _)| {
            ["ae", "oe"].iter().any(|digraph| {
                let restored = format!("{}{digraph}{}", &word[..at], &word[at + 1..]);
                accepts(dict, &restored)
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn derived_words_are_words() {
        let dict = super::super::speller::dictionary(Language::EnUs);
        for word in [
            "reinterred",
            "mistruth",
            "commercialish",
            "leadoff",
            "javascript",
            "archeological",
        ] {
            assert!(derivation(dict, word).is_some(), "{word}");
        }
        for word in ["recieve", "definately", "seperate", "alot"] {
            assert_eq!(derivation(dict, word), None, "{word}");
        }
        // `un` + `till`: accepted only when no known word is a slip away, and `until` is.
        assert!(derivation(dict, "untill").is_some_and(|d| !d.despite_slips()));
    }
}
