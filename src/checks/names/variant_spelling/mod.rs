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
use crate::finding::{Finding, Severity};
use crate::hash::PrehashedMap;
use crate::text::Analysis;
use crate::text::people::{MentionKind, People, given_names_agree};
use std::sync::Arc;

mod lower_case;

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
    /// How many mentions have this key.
    count: usize,
    /// The first of them.
    first: usize,
    /// Folded first names given with it in full names, each once (a few at most).
    given: Vec<&'a str>,
    /// First mention with a first name or a title: the introduction.
    introduced: Option<usize>,
}

pub fn check(doc: &Analysis, people: &People) -> Vec<Finding> {
    // By key number ([`People::keys`]), which follows the order of first mention.
    let mut spellings: Vec<Spelling> = people.keys.iter().map(|_| Spelling::default()).collect();
    for (index, mention) in people.mentions.iter().enumerate() {
        let entry = &mut spellings[mention.key_id];
        if entry.count == 0 {
            entry.first = index;
        }
        entry.count += 1;
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
    let mut index: PrehashedMap<Vec<usize>> = PrehashedMap::default();
    let mut deletions = Deletions::default();
    for (id, spelling) in spellings.iter().enumerate() {
        let key = &people.keys[id];
        if spelling.introduced.is_some() && key.chars().count() >= 5 {
            for &variant in deletions.of(key) {
                index.entry(variant).or_default().push(id);
            }
        }
    }
    let variants: Vec<(usize, usize)> = (0..spellings.len())
        .filter_map(|id| {
            let reference = reference_for(id, &people.keys, &spellings, &index, &mut deletions)?;
            Some((id, reference))
        })
        .collect();
    // Words the draft also writes in lower case are ordinary words (`Case` in a title),
    // not misspelt names. Only the few variant spellings are looked for.
    let wanted: Vec<&str> = variants.iter().map(|&(id, _)| &*people.keys[id]).collect();
    let lower_case = lower_case::written(doc, &wanted);
    // The mentions of each variant spelling, gathered only for the few variants.
    let mut slot: Vec<Option<usize>> = vec![None; spellings.len()];
    for (i, &(id, _)) in variants.iter().enumerate() {
        slot[id] = Some(i);
    }
    let mut variant_mentions: Vec<Vec<usize>> = vec![Vec::new(); variants.len()];
    for (index, mention) in people.mentions.iter().enumerate() {
        if let Some(i) = slot[mention.key_id] {
            variant_mentions[i].push(index);
        }
    }
    let mut findings = Vec::new();
    for ((id, reference), mentions) in variants.into_iter().zip(variant_mentions) {
        let Some(introduction) = spellings[reference].introduced else {
            continue;
        };
        let intro = &people.mentions[introduction];
        let correct = doc.slice(intro.surname.clone());
        for m in mentions {
            let mention = &people.mentions[m];
            let written = doc.slice(mention.surname.clone());
            if lower_case.contains(&*people.keys[id])
                || (mention.kind == MentionKind::Single && mention.surname_ambiguous)
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

/// The spelling `key` should have been, if it is a rarer variant of an introduced one.
///
/// Keys are numbers into `keys` and `spellings`. When several introduced spellings
/// qualify, the last one found wins: buckets are read in order of deleted letter, each
/// bucket in order of first mention.
fn reference_for(
    id: usize,
    keys: &[Arc<str>],
    spellings: &[Spelling],
    index: &PrehashedMap<Vec<usize>>,
    deletions: &mut Deletions,
) -> Option<usize> {
    let key = &*keys[id];
    if key.chars().count() < 4 {
        return None;
    }
    let spelling = &spellings[id];
    let mut found: Option<usize> = None;
    for variant in deletions.of(key) {
        for &other in index.get(variant).into_iter().flatten() {
            if other == id || found == Some(other) || !one_edit_apart(key, &keys[other]) {
                continue;
            }
            if derived_form(key, &keys[other]) {
                continue;
            }
            let reference = &spellings[other];
            let (ours, theirs) = (spelling.count, reference.count);
            let rarer = ours < theirs || (ours == theirs && spelling.first > reference.first);
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

/// `kennedys` from `kennedy`, `russian` from `russia`: one added ending, not a typo.
fn derived_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short).is_some_and(|ending| match ending {
        "s" | "'" => true,
        "n" => short.ends_with('a'),
        _ => false,
    })
}

/// Hashes of a word with each letter left out, and of the word itself: two words one
/// edit apart share one. Hashes, not strings, because this runs over every surname on
/// every keystroke; a collision only adds a candidate that `one_edit_apart` then rejects.
/// The buffers are kept between words, and each deletion resumes from the hash of the
/// letters before it (FNV-1a over whole letters), so only the letters after it are
/// hashed again.
#[derive(Default)]
struct Deletions {
    letters: Vec<u32>,
    prefixes: Vec<u64>,
    keys: Vec<u64>,
}

impl Deletions {
    fn of(&mut self, word: &str) -> &[u64] {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        let step = |hash: u64, c: &u32| (hash ^ u64::from(*c)).wrapping_mul(0x0100_0000_01b3);
        self.letters.clear();
        self.letters.extend(word.chars().map(u32::from));
        self.prefixes.clear();
        let mut hash = OFFSET;
        self.prefixes.push(hash);
        for c in &self.letters {
            hash = step(hash, c);
            self.prefixes.push(hash);
        }
        self.keys.clear();
        for (skip, &prefix) in self.prefixes.iter().enumerate() {
            let rest = self.letters.get(skip + 1..).unwrap_or(&[]);
            self.keys.push(rest.iter().fold(prefix, step));
        }
        &self.keys
    }
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
