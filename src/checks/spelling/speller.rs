//! The Hunspell dictionaries (en_US, en_GB), embedded and parsed once on first use, and
//! the user's own words.
//!
//! A word is checked as written; typographic apostrophes are folded to `'`, a possessive
//! `’s` is tried without it, and a hyphenated compound is correct when every part is.

use crate::config::Language;
use crate::hash::{FastMap as HashMap, FastSet as HashSet};
use spellbook::Dictionary;
use std::sync::LazyLock;

/// The word lists, shared with the stem tables (`stems`).
pub(super) static EN_US_DIC: &str = include_str!("../../data/spelling/en_US.dic");
pub(super) static EN_GB_DIC: &str = include_str!("../../data/spelling/en_GB.dic");

/// The `.dic` text of a language's dictionary.
#[cfg(test)]
pub(super) fn dic_text(language: Language) -> &'static str {
    match language {
        Language::EnUs => EN_US_DIC,
        Language::EnGb => EN_GB_DIC,
    }
}

static EN_US: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::new(include_str!("../../data/spelling/en_US.aff"), EN_US_DIC)
        .expect("the embedded en_US dictionary parses")
});

static EN_GB: LazyLock<Dictionary> = LazyLock::new(|| {
    Dictionary::new(include_str!("../../data/spelling/en_GB.aff"), EN_GB_DIC)
        .expect("the embedded en_GB dictionary parses")
});

/// The dictionary for a language, parsed on first use.
pub fn dictionary(language: Language) -> &'static Dictionary {
    match language {
        Language::EnUs => &EN_US,
        Language::EnGb => &EN_GB,
    }
}

/// `’` and `ʼ` as `'`, the form the dictionaries list.
pub fn fold_apostrophes(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains(['’', 'ʼ']) {
        word.replace(['’', 'ʼ'], "'").into()
    } else {
        word.into()
    }
}

/// Whether the language's dictionary accepts a word, remembered per word: a draft repeats
/// its words, and a cache lookup is several times cheaper than a dictionary check. Each
/// thread keeps its own: every word of every draft passes here, and one shared, locked
/// map made the command line's checking threads queue for each other.
pub fn known(language: Language, word: &str) -> bool {
    KNOWN.with_borrow_mut(|caches| {
        let cache = match language {
            Language::EnUs => &mut caches.0,
            Language::EnGb => &mut caches.1,
        };
        if let Some(&hit) = cache.get(word) {
            return hit;
        }
        let verdict = accepts_with(word, |w| super::prechecked::check(language, w));
        // Bound memory for a long-running server; a miss only costs time.
        if cache.len() > 200_000 {
            cache.clear();
        }
        cache.insert(word.to_string(), verdict);
        verdict
    })
}

type KnownCache = HashMap<String, bool>;

thread_local! {
    static KNOWN: std::cell::RefCell<(KnownCache, KnownCache)> = Default::default();
}

/// Whether the dictionary accepts a single word (no hyphen handling).
pub fn accepts(dictionary: &Dictionary, word: &str) -> bool {
    accepts_with(word, |w| dictionary.check(w))
}

/// [`accepts`], with `check` answering for the dictionary.
fn accepts_with(word: &str, check: impl Fn(&str) -> bool) -> bool {
    let word = fold_apostrophes(word);
    if check(&word) {
        return true;
    }
    // Hunspell lists few possessives; `Ukraine's` is right when `Ukraine` is.
    match word.strip_suffix("'s").or_else(|| word.strip_suffix("s'")) {
        Some(stem) if !stem.is_empty() => check(stem) || check(&word[..word.len() - 1]),
        _ => false,
    }
}

/// The user's words (`copydesk.toml` `words` and the workspace dictionary), matched the
/// way Hunspell matches its own entries: `gazump` also accepts `Gazump` and `GAZUMP`;
/// `Zaporizhzhia` accepts itself and `ZAPORIZHZHIA` only.
#[derive(Debug, Default)]
pub struct UserWords {
    /// Words added in lower case, stored lower-case.
    any_case: HashSet<String>,
    /// Words added with a capital, stored as added.
    exact: HashSet<String>,
    /// Upper-case forms of every entry, for ALL-CAPS text.
    upper: HashSet<String>,
}

impl UserWords {
    pub fn new(words: &[String]) -> Self {
        let mut user = UserWords::default();
        for word in words {
            let word = fold_apostrophes(word.trim()).into_owned();
            if word.is_empty() {
                continue;
            }
            user.upper.insert(word.to_uppercase());
            if word.chars().any(char::is_uppercase) {
                user.exact.insert(word);
            } else {
                user.any_case.insert(word);
            }
        }
        user
    }

    pub fn accepts(&self, word: &str) -> bool {
        let word = fold_apostrophes(word);
        let word = word.strip_suffix("'s").unwrap_or(&word);
        if self.exact.contains(word) || self.upper.contains(word) {
            return true;
        }
        // A lower-case entry accepts the word in lower case and with an initial capital.
        let mut chars = word.chars();
        let rest_lower = chars.next().is_some() && chars.all(|c| !c.is_uppercase());
        rest_lower && self.any_case.contains(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_accepts_words_and_possessives() {
        let en = dictionary(Language::EnUs);
        assert!(accepts(en, "receive"));
        assert!(accepts(en, "Ukraine’s"));
        assert!(!accepts(en, "recieve"));
    }

    #[test]
    fn british_dictionary_is_selectable() {
        assert!(accepts(dictionary(Language::EnGb), "colour"));
        assert!(accepts(dictionary(Language::EnGb), "organise"));
        assert!(!accepts(dictionary(Language::EnUs), "organise"));
    }

    #[test]
    fn user_words_follow_hunspell_case_rules() {
        let user = UserWords::new(&["gazump".into(), "Zaporizhzhia".into()]);
        assert!(user.accepts("gazump"));
        assert!(user.accepts("Gazump"));
        assert!(user.accepts("GAZUMP"));
        assert!(!user.accepts("gaZump"));
        assert!(user.accepts("Zaporizhzhia"));
        assert!(user.accepts("Zaporizhzhia’s"));
        assert!(user.accepts("ZAPORIZHZHIA"));
        assert!(!user.accepts("zaporizhzhia"));
    }
}
