//! The dictionaries' own stems, for suggestions the frequency list cannot give: a rare
//! word two edits away (`hypvisor` -> `hypervisor`) or its inflection (`abbrievating` ->
//! `abbreviating`). `build.rs` takes the stems from the embedded `.dic` files and groups
//! them by shape (see `tables`), so using them costs no parsing.

use super::distance::typing_cost;
use super::lexicon::same_shape;
use super::tables::{Shapes, table};
use crate::config::Language;

/// Stems of a `.dic` file (`abbreviate/DSGNX` -> `abbreviate`), distinct, grouped by
/// shape; the first line (the entry count) and entries with digits or spaces are left
/// out.
fn stems(language: Language) -> Shapes {
    match language {
        Language::EnUs => Shapes::new(super::speller::EN_US_DIC, table!("en_US.stems")),
        Language::EnGb => Shapes::new(super::speller::EN_GB_DIC, table!("en_GB.stems")),
    }
}

/// Endings stripped from the typed word before it is compared with stems, and given
/// back to each stem near it: the regular suffixes of the dictionaries' affix rules.
const ENDINGS: &[&str] = &[
    "", "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ion", "ions", "ness", "ment", "ments",
    "able", "ies", "ied", "ity",
];

/// Forms within `max_cost` of `typed` (lower case) made from a dictionary stem of about
/// the length of `typed` or of `typed` without one of [`ENDINGS`], with that ending put
/// back the ways English spells it (`abbreviate` + `ing` -> `abbreviating`; `carry` +
/// `ies` -> `carries`). The forms are unchecked: the caller asks the dictionary.
pub fn near_forms(language: Language, typed: &str, max_cost: f32) -> Vec<String> {
    let groups = stems(language);
    let mut out = Vec::new();
    for ending in ENDINGS {
        let Some(typed_stem) = typed.strip_suffix(ending) else {
            continue;
        };
        if typed_stem.chars().count() < 4 {
            continue;
        }
        for stem in same_shape(groups, typed_stem, 2) {
            // A cheap bound before any form is built: putting the ending back changes
            // at most a letter at the join (`abbreviat|ing`), which costs at most 1.
            if typing_cost(typed_stem, stem, max_cost + 1.0).is_none() {
                continue;
            }
            // In lower case: the caller finds the case the dictionary wants, and a
            // proper noun's stem (`Android`) must not outrank the common word.
            let forms = with_ending(&stem.to_lowercase(), ending);
            out.extend(
                forms
                    .into_iter()
                    .filter(|form| typing_cost(typed, form, max_cost).is_some()),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `stem` + `ending` as spelt: as is, without a final `e` before a vowel (`abbreviat` +
/// `ing`), with `y` as `i` (`carri` + `es`).
fn with_ending(stem: &str, ending: &str) -> Vec<String> {
    let mut out = vec![format!("{stem}{ending}")];
    if ending.starts_with(['a', 'e', 'i', 'o', 'u'])
        && let Some(bare) = stem.strip_suffix('e')
    {
        out.push(format!("{bare}{ending}"));
    }
    if let Some(bare) = stem.strip_suffix('y')
        && !ending.is_empty()
        && !ending.starts_with('i')
    {
        out.push(format!("{bare}i{ending}"));
    }
    if let (Some(bare), Some(rest)) = (stem.strip_suffix('y'), ending.strip_prefix("ie")) {
        out.push(format!("{bare}ie{rest}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prebuilt_stem_tables_hold_the_dictionaries_stems() {
        for language in [Language::EnUs, Language::EnGb] {
            let dic = super::super::speller::dic_text(language);
            let expected =
                super::super::lexicon::tests::by_shape(dic.lines().skip(1).filter_map(|line| {
                    let stem = line.split('/').next()?.trim();
                    (stem.chars().count() >= 3
                        && stem.chars().all(|c| c.is_alphabetic() || c == '\''))
                    .then_some(stem)
                }));
            assert!(expected.len() > 40_000);
            assert_eq!(stems(language).all().collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn rare_words_and_their_inflections_are_found() {
        let forms = near_forms(Language::EnUs, "abbrievating", 2.0);
        assert!(forms.iter().any(|f| f == "abbreviating"), "{forms:?}");
        let forms = near_forms(Language::EnUs, "aggrators", 2.0);
        assert!(forms.iter().any(|f| f == "aggregators"), "{forms:?}");
    }
}
