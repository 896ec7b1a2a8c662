//! `names.variant-spelling`: a surname spelled one letter away from a person named
//! elsewhere in the draft.
//!
//! Flags `Yanukoych` after `Viktor Yanukovych`: one letter dropped, doubled, swapped or
//! changed. The fix is the introduced spelling; the introduction is related information.
//! Compares surnames of five letters or more only, and only within buckets of the
//! surname index (all one-letter deletions of each spelling), never all pairs.
//!
//! Leaves alone: the more frequent or earlier spelling (it is the reference); two full
//! names with different first names (`John Smith`, `Jane Smyth` are two people); plurals
//! and demonym-like endings (`Kennedy`/`Kennedys`, `Russia`/`Russian`); places and first
//! names used alone, words the draft also writes in lower case (`Case` after `Coase`).

use super::relative_place;
use crate::checks::Rule;
use crate::data::SENTENCE_STARTERS;
use crate::finding::{Finding, Severity};
use crate::hash::{FastMap, FastSet, Fnv};
use crate::text::Analysis;
use crate::text::people::{MentionKind, People, given_names_agree, is_given_name, is_place};
use std::hash::Hasher;

pub const RULE: Rule = Rule {
    id: "names.variant-spelling",
    default_severity: Severity::Warning,
    summary: "a name spelled one letter away from a person named elsewhere in the draft",
    explanation: "The same person spelled two ways (`Viktor Yanukovych` ... `Yanukoych`) is \
almost always a typo, and a spell checker cannot catch it: neither spelling is in its \
dictionary.\n\n**Fix:** use the spelling of the introduction, offered as the fix.\n\n\
Not flagged: two people with different first names, plurals (`the Kennedys`), \
adjectives (`Russian`), and the more frequent spelling.",
    yields_to: &[],
};

/// What the draft says about one spelling of a surname.
#[derive(Default)]
struct Spelling<'a> {
    /// Mentions with this key, in order.
    mentions: Vec<usize>,
    /// Folded first names given with it in full names, each once (a few at most).
    given: Vec<&'a str>,
    /// First mention with a first name or a title: the introduction.
    introduced: Option<usize>,
}

pub fn check(doc: &Analysis, people: &People) -> Vec<Finding> {
    let mut spellings: FastMap<&str, Spelling> = FastMap::default();
    // Keys in order of first mention (sorting by a map lookup per comparison cost more
    // than the rest of the check).
    let mut keys: Vec<&str> = Vec::new();
    for (index, mention) in people.mentions.iter().enumerate() {
        let entry = spellings.entry(&*mention.key).or_default();
        if entry.mentions.is_empty() {
            keys.push(&mention.key);
        }
        entry.mentions.push(index);
        // Only a sure full name or a title introduces a spelling: `Endless Light` (a
        // title of a work) must not make `Flight` a typo.
        if mention.kind == MentionKind::Full || mention.titled {
            entry.introduced.get_or_insert(index);
            if let Some(given) = mention.given_key.as_deref()
                && !entry.given.contains(&given)
            {
                entry.given.push(given);
            }
        }
    }
    // Index every introduced spelling by its one-letter deletions: two words one edit
    // apart always share an entry.
    let mut index: FastMap<u64, Vec<&str>> = FastMap::default();
    for (&key, spelling) in &spellings {
        if spelling.introduced.is_some() && key.chars().count() >= 5 {
            for variant in deletion_keys(key) {
                index.entry(variant).or_default().push(key);
            }
        }
    }
    let variants: Vec<(&str, &str)> = keys
        .into_iter()
        .filter_map(|key| {
            Some((
                key,
                reference_for(key, &spellings[key], &spellings, &index)?,
            ))
        })
        .collect();
    // Words the draft also writes in lower case are ordinary words (`Case` in a title),
    // not misspelt names. Only the few variant spellings are looked for.
    let wanted: FastSet<&str> = variants.iter().map(|(key, _)| *key).collect();
    let lower_case: FastSet<&str> = if wanted.is_empty() {
        FastSet::default()
    } else {
        // Compare length and first byte before hashing: every word of the draft is
        // scanned on every keystroke.
        let lengths = wanted.iter().fold(0u128, |mask, w| mask | bit(w.len()));
        let firsts = wanted
            .iter()
            .fold(0u128, |mask, w| mask | bit(first_byte(w)));
        doc.tokens
            .iter()
            .filter(|t| t.is_word() && lengths & bit(t.span.len()) != 0)
            .map(|t| doc.slice(t.span.clone()))
            .filter(|w| firsts & bit(first_byte(w)) != 0 && wanted.contains(w))
            .collect()
    };
    let mut findings = Vec::new();
    for (key, reference) in variants {
        let spelling = &spellings[key];
        let Some(introduction) = spellings[reference].introduced else {
            continue;
        };
        let intro = &people.mentions[introduction];
        let correct = doc.slice(intro.surname.clone());
        for &m in &spelling.mentions {
            let mention = &people.mentions[m];
            let written = doc.slice(mention.surname.clone());
            if lower_case.contains(key)
                || (mention.kind == MentionKind::Single && !plausible_surname_use(written))
            {
                continue;
            }
            let place = relative_place(doc, mention.surname.start, intro.span.start);
            findings.push(
                Finding::new(
                    &RULE,
                    mention.surname.clone(),
                    format!(
                        "\"{written}\" differs from \"{correct}\" ({} {place}) by one letter",
                        doc.slice(intro.span.clone())
                    ),
                )
                .with_suggestions([correct.to_string()])
                .with_related(
                    intro.span.clone(),
                    format!("{} is introduced here", doc.slice(intro.span.clone())),
                ),
            );
        }
    }
    findings
}

/// A small number as one bit of a mask; numbers past 127 share the last bit.
fn bit(n: usize) -> u128 {
    1 << n.min(127)
}

fn first_byte(word: &str) -> usize {
    word.bytes().next().map_or(0, usize::from)
}

/// The spelling `key` should have been, if it is a rarer variant of an introduced one.
fn reference_for<'a>(
    key: &str,
    spelling: &Spelling,
    spellings: &FastMap<&'a str, Spelling>,
    index: &FastMap<u64, Vec<&'a str>>,
) -> Option<&'a str> {
    if key.chars().count() < 4 {
        return None;
    }
    let mut found: Option<&'a str> = None;
    for variant in deletion_keys(key) {
        for &other in index.get(&variant).into_iter().flatten() {
            if other == key || found == Some(other) || !one_edit_apart(key, other) {
                continue;
            }
            if derived_form(key, other) {
                continue;
            }
            let reference = &spellings[other];
            let (ours, theirs) = (spelling.mentions.len(), reference.mentions.len());
            let rarer =
                ours < theirs || (ours == theirs && spelling.mentions[0] > reference.mentions[0]);
            // Two full names with different first names are two people, unless the
            // variant is a one-off beside a surname the draft uses three times or more
            // (`Sherri Padaleecki` in a profile of Jared Padalecki).
            let one_off = ours == 1 && theirs >= 3;
            let same_person = one_off
                || spelling.given.is_empty()
                || reference.given.is_empty()
                || spelling
                    .given
                    .iter()
                    .any(|a| reference.given.iter().any(|b| given_names_agree(a, b)));
            if rarer && same_person {
                found = Some(other);
            }
        }
    }
    found
}

/// A word used alone that can be a surname here: not a place, a first name or a word
/// that merely starts a sentence.
fn plausible_surname_use(word: &str) -> bool {
    !is_place(word) && !is_given_name(word) && !SENTENCE_STARTERS.contains(word)
}

/// `kennedys` from `kennedy`, `russian` from `russia`: one added ending, not a typo.
fn derived_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|ending| match ending {
        "s" | "'" => true,
        "n" => short.ends_with('a'),
        _ => false,
    })
}

/// Every string made by deleting one char of `word`.
/// Hashes of the word with each letter left out, and of the word itself: two words one
/// edit apart share one. Hashes, not strings, because this runs over every surname on
/// every keystroke; a collision only adds a candidate that `one_edit_apart` then rejects.
fn deletion_keys(word: &str) -> impl Iterator<Item = u64> + '_ {
    let n = word.chars().count();
    (0..=n).map(move |skip| {
        let mut hasher = Fnv::default();
        for (i, c) in word.chars().enumerate() {
            if i != skip {
                hasher.write_u32(u32::from(c));
            }
        }
        hasher.finish()
    })
}

pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    crate::checks::spelling::distance::single_edit(a, b).is_some()
}

#[cfg(test)]
mod tests {
    use super::one_edit_apart;
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_dropped_letter_after_full_name() {
        assert_findings(
            "Protesters toppled Viktor Yanukovych. Yanukovych fled. Officials never ousted Yanukoych from power.",
            &[("names.variant-spelling", "Yanukoych", Some("Yanukovych"))],
        );
    }

    #[test]
    fn flags_swapped_doubled_and_changed_letters() {
        for typo in ["Zelesnky", "Zelenskky", "Zelenzky"] {
            assert_findings(
                &format!("President Volodymyr Zelensky spoke. Later {typo} left the room."),
                &[("names.variant-spelling", typo, Some("Zelensky"))],
            );
        }
    }

    #[test]
    fn flags_typo_inside_a_later_full_name() {
        assert_findings(
            "Marco Rubio arrived. Rubio spoke. Then Marco Rubioo left.",
            &[("names.variant-spelling", "Rubioo", Some("Rubio"))],
        );
    }

    #[test]
    fn flags_non_ascii_spelling() {
        assert_findings(
            "Володимир Зеленський said so. Зеленський left. Then Зеленскький spoke.",
            &[("names.variant-spelling", "Зеленскький", Some("Зеленський"))],
        );
    }

    #[test]
    fn accents_are_not_a_variant() {
        assert_no_findings("Recep Tayyip Erdoğan spoke. Later Erdogan left.");
    }

    #[test]
    fn allows_two_people_plurals_and_adjectives() {
        assert_no_findings("John Smith met Jane Smyth. Smith left and Smyth stayed.");
        assert_findings(
            "Jared Padalecki spoke. Padalecki left. Padalecki won. His mother Sherri Padaleecki came.",
            &[("names.variant-spelling", "Padaleecki", Some("Padalecki"))],
        );
        assert_no_findings("John Kennedy spoke. The Kennedys left.");
        assert_no_findings("Mary Russia spoke. Russian troops left.");
        assert_no_findings("Ronald Coase won. The Case was closed, in any case.");
    }

    #[test]
    fn edit_distance_one() {
        assert!(one_edit_apart("yanukovych", "yanukoych"));
        assert!(one_edit_apart("abcd", "abdc"));
        assert!(one_edit_apart("rubio", "rubia"));
        assert!(!one_edit_apart("rubio", "rbuoi"));
        assert!(!one_edit_apart("smith", "smythe"));
    }
}
