//! A dictionary check that parses the dictionary only when it must. Parsing one costs
//! ~17 ms, and a draft in one variety asks the other's (is `colour` a slip in an en-US
//! draft?) for each lower-case word its own rejects; most such words are either in the
//! frequency list, whose verdicts are listed ahead (`rejected_*.txt`, checked by a test
//! against the dictionary), or made of no entry at all (a slip such as `recieve`), which
//! the affix rules alone can show. Every answer is the one `Dictionary::check` gives.

use super::lexicon;
use super::tables::{WordMap, table};
use crate::config::Language;

mod en_us {
    include!(concat!(env!("OUT_DIR"), "/spelling/en_US_affixes.rs"));
}
mod en_gb {
    include!(concat!(env!("OUT_DIR"), "/spelling/en_GB_affixes.rs"));
}

/// (added text, the texts the rule may have stripped), for prefixes then suffixes.
type Affixes = &'static [(&'static str, &'static [&'static str])];

struct Tables {
    /// One bit per frequency rank: whether the dictionary accepts that word.
    verdicts: &'static [u8],
    /// The dictionary's entries (as words; the numbers are unused).
    entries: WordMap,
    prefixes: Affixes,
    suffixes: Affixes,
}

fn tables(language: Language) -> Tables {
    match language {
        Language::EnUs => Tables {
            verdicts: table!("en_US.verdicts"),
            entries: WordMap::new(super::speller::EN_US_DIC, table!("en_US.entries")),
            prefixes: en_us::PREFIXES,
            suffixes: en_us::SUFFIXES,
        },
        Language::EnGb => Tables {
            verdicts: table!("en_GB.verdicts"),
            entries: WordMap::new(super::speller::EN_GB_DIC, table!("en_GB.entries")),
            prefixes: en_gb::PREFIXES,
            suffixes: en_gb::SUFFIXES,
        },
    }
}

/// Whether the language's dictionary accepts `word`, as `Dictionary::check` answers.
pub fn check(language: Language, word: &str) -> bool {
    let tables = tables(language);
    let listed = lexicon::frequency_rank(word).and_then(|rank| {
        let byte = tables.verdicts.get(rank as usize / 8)?;
        Some(byte >> (rank % 8) & 1 == 1)
    });
    if let Some(verdict) = listed {
        return verdict;
    }
    may_derive(&tables, word) && super::speller::dictionary(language).check(word)
}

/// Whether some entry of the dictionary, with at most one prefix and one suffix rule,
/// could make `word`. False only for a word of lower-case ASCII letters, which Hunspell
/// checks in that case alone and accepts only so made: these dictionaries' affixes do
/// not stack (`build.rs` checks), and their compound rules join only entries with
/// digits. The rules' flags and conditions are ignored, so this errs towards "maybe".
fn may_derive(tables: &Tables, word: &str) -> bool {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return true;
    }
    let bare: (&str, &[&str]) = ("", &[""]);
    let mut stem = String::with_capacity(word.len() + 8);
    for (added, stripped) in std::iter::once(&bare).chain(tables.prefixes) {
        let Some(rest) = word.strip_prefix(added) else {
            continue;
        };
        for (s_added, s_stripped) in std::iter::once(&bare).chain(tables.suffixes) {
            let Some(core) = rest.strip_suffix(s_added) else {
                continue;
            };
            for before in *stripped {
                for after in *s_stripped {
                    stem.clear();
                    stem.push_str(before);
                    stem.push_str(core);
                    stem.push_str(after);
                    if tables.entries.get(&stem).is_some() {
                        return true;
                    }
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_name(language: Language) -> &'static str {
        match language {
            Language::EnUs => "en_US",
            Language::EnGb => "en_GB",
        }
    }

    /// The listed verdicts are the dictionaries' own. With `COPYDESK_WRITE_DATA=1` the
    /// lists are rewritten from the dictionaries instead (then rebuild and rerun).
    #[test]
    fn listed_verdicts_are_the_dictionaries() {
        let words: Vec<&str> =
            crate::data::lines(include_str!("../../data/spelling/frequency.txt")).collect();
        for language in [Language::EnUs, Language::EnGb] {
            let dictionary = super::super::speller::dictionary(language);
            let rejected: std::collections::BTreeSet<&str> = words
                .iter()
                .copied()
                .filter(|w| !dictionary.check(w))
                .collect();
            let name = language_name(language);
            let path = format!(
                "{}/src/data/spelling/rejected_{name}.txt",
                env!("CARGO_MANIFEST_DIR")
            );
            if std::env::var_os("COPYDESK_WRITE_DATA").is_some() {
                let listed = std::fs::read_to_string(&path).unwrap_or_default();
                let header: String = listed
                    .lines()
                    .take_while(|l| l.starts_with('#'))
                    .map(|l| format!("{l}\n"))
                    .collect();
                let body: String = words
                    .iter()
                    .filter(|w| rejected.contains(*w))
                    .map(|w| format!("{w}\n"))
                    .collect();
                std::fs::write(&path, header + &body).unwrap_or_else(|e| panic!("{path}: {e}"));
                continue;
            }
            for word in &words {
                assert_eq!(
                    check(language, word),
                    !rejected.contains(word),
                    "{name}: {word}: `rejected_{name}.txt` is stale; regenerate it with \
                     COPYDESK_WRITE_DATA=1 cargo test --lib verdicts"
                );
            }
        }
    }

    /// The entries table holds every entry of the `.dic` file, as the parser reads it.
    #[test]
    fn entries_table_holds_every_entry() {
        for language in [Language::EnUs, Language::EnGb] {
            let tables = tables(language);
            let dic = super::super::speller::dic_text(language);
            let mut n = 0;
            for line in dic.lines().skip(1) {
                let word = line.trim().split(['/', '\\', ' ', '\t']).next();
                if let Some(word) = word.filter(|w| !w.is_empty()) {
                    assert!(tables.entries.get(word).is_some(), "{word}");
                    n += 1;
                }
            }
            assert!(n > 50_000 && tables.entries.len() <= n + 1, "{n}");
        }
    }

    /// Every word the dictionary accepts passes the derivation test: the dictionaries'
    /// entries, some of their regular forms, and both sides of the misspelling pairs.
    #[test]
    fn words_the_dictionary_accepts_may_be_derived() {
        let pairs = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/corpus/misspellings/pairs.tsv"
        ))
        .unwrap_or_default();
        for language in [Language::EnUs, Language::EnGb] {
            let dictionary = super::super::speller::dictionary(language);
            let tables = tables(language);
            let dic = super::super::speller::dic_text(language);
            let entries = dic.lines().filter_map(|l| l.split(['/', '\t']).next());
            let forms = entries.clone().flat_map(|w| {
                ["s", "ed", "ing", "ly", "'s"].map(|ending| format!("{}{ending}", w.to_lowercase()))
            });
            let mut words: Vec<String> = entries.map(str::to_lowercase).chain(forms).collect();
            words.extend(pairs.split(['\t', '\n']).map(str::to_string));
            words.extend(["un", "re", "colour", "recieve", "unrecieve"].map(String::from));
            let mut accepted = 0;
            // Every fourth word the test can tell apart (the test runs unoptimised).
            let testable = words
                .iter()
                .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()));
            for word in testable.step_by(4) {
                if dictionary.check(word) {
                    accepted += 1;
                    assert!(may_derive(&tables, word), "{word}");
                }
            }
            assert!(accepted > 25_000, "{accepted}");
            assert!(!may_derive(&tables, "recieve"));
        }
    }
}
