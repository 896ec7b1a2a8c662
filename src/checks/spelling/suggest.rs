//! Suggestions ranked the way a writer means them.
//!
//! The candidates are every dictionary word one edit away, common words within two
//! edits, and any the caller adds (places, the draft's own words); for a word that is
//! reported, also dictionary words two edits away and their inflections, and common
//! words further off when few are near. (The plain speller's own suggestion algorithm
//! takes ~40 ms a word, too slow for a draft.) Each is scored by
//! [`distance::typing_cost`] (swaps, neighbouring keys, doubled letters), how common the
//! word is (a word the frequency list lacks pays a penalty), and whether it sounds the
//! same; the best five are kept.

use super::distance::{phonetic_key, typing_cost};
use super::lexicon::{self, frequent_by_shape};
use crate::config::Language;
use crate::hash::FastMap as HashMap;
use spellbook::Dictionary;
use std::sync::{LazyLock, Mutex};

/// At most this many suggestions are offered.
pub const MAX_SUGGESTIONS: usize = 5;

/// Candidates further than this (in [`typing_cost`] units) are not offered.
const MAX_COST: f32 = 2.5;
/// A candidate that sounds the same may be further off.
const MAX_SOUND_COST: f32 = 4.0;
/// When few candidates are near, how far (per letter of the typed word) to look.
const FAR_COST_PER_LETTER: f32 = 0.4;
/// How much commonness (0..1) is worth against edit cost.
const COMMONNESS_WEIGHT: f32 = 1.9;
/// Bonus for a candidate that sounds the same (typed words longer than [`SHORT_WORD`]).
const SAME_SOUND_BONUS: f32 = 0.4;
/// Up to this many letters, sounding the same earns nothing.
const SHORT_WORD: usize = 4;
/// Penalty for a dictionary word the frequency list lacks: rare words (`baaed`, `Assyr`)
/// one cheap edit away should not push out a common word a dearer edit away (`based`).
const RARE_PENALTY: f32 = 0.3;
/// Typed words at least this long also get candidates from the dictionary's stems.
const STEM_SEARCH_MIN_LENGTH: usize = 5;

/// The plain speller's own suggestions, in its order.
pub fn plain(dictionary: &Dictionary, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    dictionary.suggest(word, &mut out);
    out
}

/// Ranked suggestions for a word the dictionary rejects, best first, in the word's case.
/// `extra` adds candidates known from elsewhere (a place, a word of the same draft).
pub fn ranked(language: Language, word: &str, extra: &[&str]) -> Vec<String> {
    cached(language, word, extra, Search::Full)
}

/// The best candidates among the near ones only (one edit, common words two edits, the
/// same sound): enough to decide whether a word is one slip from a known word, at a
/// fraction of the cost of [`ranked`], which the words that end up flagged get.
pub fn near(language: Language, word: &str) -> Vec<String> {
    cached(language, word, &[], Search::Near)
}

/// How far [`rank`] looks.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Search {
    Near,
    Full,
}

fn cached(language: Language, word: &str, extra: &[&str], search: Search) -> Vec<String> {
    let key = || (language == Language::EnGb, search, word.to_string());
    if extra.is_empty()
        && let Some(hit) = cache().get(&key())
    {
        return hit.clone();
    }
    let suggestions = rank(language, word, extra, search);
    if extra.is_empty() {
        let mut cache = cache();
        // Bound memory for a long-running server; a miss only costs time.
        if cache.len() > 50_000 {
            cache.clear();
        }
        cache.insert(key(), suggestions.clone());
    }
    suggestions
}

/// (en-GB, search, word): `Language` is not `Hash`.
type Cache = HashMap<(bool, Search, String), Vec<String>>;

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);

fn cache() -> std::sync::MutexGuard<'static, Cache> {
    // A panic elsewhere while holding the lock leaves a usable map.
    CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn rank(language: Language, word: &str, extra: &[&str], search: Search) -> Vec<String> {
    let dictionary = super::speller::dictionary(language);
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    // Many short words share a sound key (`nees`: `ness`, `noes`), so it says little.
    let sound_bonus = if length <= SHORT_WORD {
        0.0
    } else {
        SAME_SOUND_BONUS
    };
    let mut scored: Vec<(f32, String)> = Vec::new();
    let sound = phonetic_key(word);
    let consider = |scored: &mut Vec<(f32, String)>, candidate: &str, far: Option<f32>| {
        if candidate.to_lowercase() == lower || scored.iter().any(|s| s.1 == candidate) {
            return;
        }
        let same_sound = phonetic_key(candidate) == sound;
        let max = if same_sound { MAX_SOUND_COST } else { MAX_COST };
        let max = far.map_or(max, |far| far.max(max));
        let Some(cost) = typing_cost(word, candidate, max) else {
            return;
        };
        let common = lexicon::commonness(candidate);
        let mut score = cost - COMMONNESS_WEIGHT * common;
        if common == 0.0 {
            score += RARE_PENALTY;
        }
        if same_sound {
            score -= sound_bonus;
        }
        scored.push((score, candidate.to_string()));
    };
    for candidate in extra {
        consider(&mut scored, candidate, None);
    }
    // Every word one edit away that the dictionary knows: rare words and slips of the
    // first letter, which the frequency list below misses.
    // For a word typed in lower case, a proper noun one edit away is offered only when
    // the frequency list has it (`christmas`): half the dictionary lookups of the ~50 a
    // letter this makes, and rare names (`Assyr`, `Osages`) are seldom what was meant.
    let typed_lower = word == lower;
    for candidate in edits1(&lower) {
        let known = if typed_lower && !lexicon::is_frequent(&candidate) {
            dictionary.check(&candidate).then(|| candidate.clone())
        } else {
            known_form(dictionary, &candidate)
        };
        if let Some(known) = known {
            consider(&mut scored, &known, None);
        }
    }
    // Common words up to two edits away (same first letter).
    for candidate in lexicon::same_shape(frequent_by_shape(), &lower, 2) {
        if typing_cost(&lower, candidate, 2.0).is_none() {
            continue;
        }
        if let Some(known) = known_form(dictionary, candidate) {
            consider(&mut scored, &known, None);
        }
    }
    // Dictionary words two edits away that the frequency list lacks, and their
    // inflections (`hypvisor` -> `hypervisor`, `abbrievating` -> `abbreviating`). Short
    // words have plenty of near candidates already.
    if search == Search::Full && length >= STEM_SEARCH_MIN_LENGTH {
        for form in super::stems::near_forms(language, &lower, 2.0) {
            if let Some(known) = known_form(dictionary, &form) {
                consider(&mut scored, &known, None);
            }
        }
    }
    // Words that sound the same, however far the letters (`sacreligious`).
    for candidate in lexicon::frequent_by_sound(&sound) {
        if let Some(known) = known_form(dictionary, candidate) {
            consider(&mut scored, &known, None);
        }
    }
    // Few candidates: a long word mangled in several places (`nessecarry`,
    // `speficifed`). Look further among common words with the same first letter: up to
    // a quarter of the length longer or shorter, at a cost of up to 0.4 a letter.
    if search == Search::Full && scored.len() < MAX_SUGGESTIONS && length >= 5 {
        let far = FAR_COST_PER_LETTER * length as f32;
        let reach = (length / 4).max(3);
        // Also under the letters that sound like the first (`karisma`, `sintakts`).
        let first = lower.chars().next().unwrap_or(' ');
        let alike: &[&str] = match first {
            'k' => &["c"],
            'c' => &["k", "s"],
            's' => &["c", "p"],
            'f' => &["p"],
            'n' => &["k"],
            'r' => &["w"],
            _ => &[],
        };
        let firsts = std::iter::once(lower.clone()).chain(
            alike
                .iter()
                .map(|l| format!("{l}{}", &lower[first.len_utf8()..])),
        );
        for key in firsts {
            for candidate in lexicon::same_shape(frequent_by_shape(), &key, reach) {
                if typing_cost(&lower, candidate, far).is_none() {
                    continue;
                }
                if let Some(known) = known_form(dictionary, candidate) {
                    consider(&mut scored, &known, Some(far));
                }
            }
        }
    }
    // Other forms of the best candidates, which the frequency list may lack
    // (`authenticators` beside `authenticator`, `reconnects` beside `reconnect`).
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let stems: Vec<String> = scored
        .iter()
        .take(MAX_SUGGESTIONS)
        .map(|s| s.1.clone())
        .collect();
    let far = (FAR_COST_PER_LETTER * length as f32).max(MAX_COST);
    for stem in stems.iter().filter(|_| search == Search::Full) {
        for form in inflections(stem) {
            if dictionary.check(&form) {
                consider(&mut scored, &form, Some(far));
            }
        }
    }
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, candidate) in scored {
        let candidate = in_case_of(word, &candidate);
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&candidate)) {
            out.push(candidate);
        }
        if out.len() == MAX_SUGGESTIONS {
            break;
        }
    }
    out
}

/// Regular inflections and derivations of a word, and the word without them: `s`, `es`,
/// `ed`, `d`, `ing`, `er`, `ers`, `ly`, `ally`, `ment(s)`, `ation(s)`, `y`/`ies`.
fn inflections(word: &str) -> Vec<String> {
    const ENDINGS: &[&str] = &[
        "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ally", "ment", "ments", "ation", "ations",
    ];
    let mut out = Vec::new();
    // `property` -> `properties`, `properties` -> `property`.
    if let Some(stem) = word.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    if let Some(stem) = word.strip_suffix("ies") {
        out.push(format!("{stem}y"));
    }
    for ending in ENDINGS {
        out.push(format!("{word}{ending}"));
        if let Some(stem) = word.strip_suffix(ending)
            && stem.chars().count() >= 3
        {
            out.push(stem.to_string());
        }
    }
    out
}

/// The form in which the dictionary accepts a lower-case candidate: as is, or
/// capitalised (`christmas` -> `Christmas`). The frequency list holds some non-words; the
/// dictionary decides.
fn known_form(dictionary: &Dictionary, candidate: &str) -> Option<String> {
    if candidate.contains('-') {
        return None;
    }
    if dictionary.check(candidate) {
        return Some(candidate.to_string());
    }
    let capital = capitalise(candidate);
    dictionary.check(&capital).then_some(capital)
}

/// Every string one deletion, swap, replacement or insertion (of `a`-`z` or `'`) away
/// from `word`. No hyphen: the dictionary accepts any two of its words hyphenated, which
/// would make `ab-orb` a suggestion for `aborb`.
fn edits1(word: &str) -> Vec<String> {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz'";
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    let join = |parts: &[char]| parts.iter().collect::<String>();
    for i in 0..chars.len() {
        let mut deleted = chars.clone();
        deleted.remove(i);
        out.push(join(&deleted));
        if i + 1 < chars.len() && chars[i] != chars[i + 1] {
            let mut swapped = chars.clone();
            swapped.swap(i, i + 1);
            out.push(join(&swapped));
        }
        for letter in LETTERS.chars().filter(|&l| l != chars[i]) {
            let mut replaced = chars.clone();
            replaced[i] = letter;
            out.push(join(&replaced));
        }
    }
    for i in 0..=chars.len() {
        for letter in LETTERS.chars() {
            let mut inserted = chars.clone();
            inserted.insert(i, letter);
            out.push(join(&inserted));
        }
    }
    out.retain(|c| !c.is_empty() && !c.starts_with(['\'', '-']) && !c.ends_with(['\'', '-']));
    out.sort_unstable();
    out.dedup();
    out
}

/// `paris` -> `Paris`.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A suggestion in the typed word's case: a capitalised word gets capitalised suggestions,
/// an ALL-CAPS word upper-case ones; otherwise the suggestion's own case.
fn in_case_of(typed: &str, suggestion: &str) -> String {
    let letters: Vec<char> = typed.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        suggestion.to_uppercase()
    } else if typed.starts_with(char::is_uppercase) {
        capitalise(suggestion)
    } else {
        suggestion.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_misspellings_get_the_right_word_first() {
        for (typo, want) in [
            ("recieve", "receive"),
            ("teh", "the"),
            ("definately", "definitely"),
        ] {
            let got = ranked(Language::EnUs, typo, &[]);
            assert_eq!(
                got.first().map(String::as_str),
                Some(want),
                "{typo}: {got:?}"
            );
            assert!(got.len() <= MAX_SUGGESTIONS);
        }
    }

    #[test]
    fn capitalised_words_get_capitalised_suggestions() {
        let got = ranked(Language::EnUs, "Recieve", &[]);
        assert_eq!(got.first().map(String::as_str), Some("Receive"));
        let got = ranked(Language::EnUs, "RECIEVE", &[]);
        assert_eq!(got.first().map(String::as_str), Some("RECEIVE"));
    }

    #[test]
    fn rare_sound_alikes_do_not_push_out_common_words() {
        // `ness` and `noes` sound like `nees` and are one edit away, but rare.
        let got = ranked(Language::EnUs, "nees", &[]);
        assert!(got.iter().any(|s| s == "needs"), "{got:?}");
    }

    #[test]
    fn words_the_frequency_list_lacks_are_offered_when_flagged() {
        // `abbreviating` is two edits away and not in the frequency list: only the full
        // search, which flagged words get, finds it.
        let got = ranked(Language::EnUs, "abbrievating", &[]);
        assert!(got.iter().any(|s| s == "abbreviating"), "{got:?}");
        let near = near(Language::EnUs, "abbrievating");
        assert!(!near.iter().any(|s| s == "abbreviating"), "{near:?}");
    }

    #[test]
    fn extra_candidates_compete() {
        let got = ranked(Language::EnUs, "Instanbul", &["Istanbul"]);
        assert_eq!(got.first().map(String::as_str), Some("Istanbul"));
    }
}
