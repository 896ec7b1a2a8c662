//! `names.first-reference`: a surname used as a person before the full name.
//!
//! Flags `Lavrov told Rubio ...` when no `Sergey Lavrov` (or other full name with that
//! surname) comes before it: news style gives the full name at first reference. A word
//! counts as used for a person when a speaking or thinking verb follows it (`Lavrov
//! told`, from `src/data/names/person_verbs.txt`), when it follows `said` or `told`
//! (`said Lavrov`), or when it is possessive before a word such as `wife` or `plan`
//! (`Lavrov’s plan`, from `src/data/names/possessed_nouns.txt`).
//!
//! Leaves alone: words inside quotations, words after `the` (`the Sams said`), places (`Russia said`), first names (`Hugh said`), titled surnames
//! (`President Trump said`: the title introduces the person), words that start a sentence
//! by habit, and any surname after its full name.

use super::relative_place;
use crate::checks::Rule;
use crate::data::lines;
use crate::finding::{Finding, Severity};
use crate::hash::FastSet;
use crate::text::people::{Mention, MentionKind, People};
use crate::text::{Analysis, TokenKind};
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    id: "names.first-reference",
    default_severity: Severity::Warning,
    summary: "a surname used before the person's full name",
    explanation: "News style names a person in full at first reference (`Russian Foreign \
Minister Sergey Lavrov`) and by surname after that. A bare surname the reader has not met \
(`Lavrov told Rubio`) leaves them guessing who it is.\n\n**Fix:** give the full name, with \
a title or role, where the person first appears.\n\nNot flagged: places, first names, \
surnames with a title (`President Trump`), and surnames after the full name.",
    yields_to: &[],
};

static POSSESSED_NOUNS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/possessed_nouns.txt")).collect());
static PERSON_VERBS: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/person_verbs.txt")).collect());

pub fn check(doc: &Analysis, people: &People) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut reported = vec![false; people.persons.len()];
    for (index, mention) in people.mentions.iter().enumerate() {
        if mention.kind != MentionKind::Single || mention.titled || mention.quoted {
            continue;
        }
        let person = &people.persons[mention.person];
        if person.introduction.is_some_and(|i| i < index)
            || reported[mention.person]
            || mention.surname_ambiguous
            || !used_as_person(doc, mention)
        {
            continue;
        }
        reported[mention.person] = true;
        let word = doc.slice(mention.surname.clone());
        let mut finding = Finding::new(
            &RULE,
            mention.surname.clone(),
            format!(
                "\"{word}\" is used before the person's full name: name them in full at first reference"
            ),
        );
        if let Some(later) = person.introduction {
            let later = &people.mentions[later];
            finding = finding
                .with_suggestions([doc.slice(later.span.clone()).to_string()])
                .with_related(
                    later.span.clone(),
                    format!(
                        "the full name comes only {}",
                        relative_place(doc, mention.surname.start, later.span.start)
                    ),
                );
        }
        findings.push(finding);
    }
    findings
}

/// Whether the text uses the mention as a person: subject of a speaking or thinking verb,
/// object of `said` / `told`, or possessive before a common noun.
fn used_as_person(doc: &Analysis, mention: &Mention) -> bool {
    let candidate = &doc.names[mention.candidate];
    let word_at = |i: usize| {
        doc.tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| doc.slice(t.span.clone()))
    };
    let sentence_start = doc
        .sentences
        .get(mention.sentence)
        .map_or(0, |s| s.tokens.start);
    let next = candidate.tokens.end;
    // `the Sams continued`, `the Senator’s name`: a family, an office or a thing.
    if candidate.tokens.start > sentence_start
        && word_at(candidate.tokens.start - 1)
            // No other letter lower-cases to an ASCII one of these, so an ASCII case-blind
            // comparison equals lower-casing first, without building a string per mention.
            .is_some_and(|w| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a)))
    {
        return false;
    }
    if candidate.possessive {
        return word_at(next).is_some_and(|w| POSSESSED_NOUNS.contains(w));
    }
    // Only spaces between the name and its verb: not `Fayetteville, said`.
    let touching = doc.tokens.get(next).is_some_and(|t| {
        doc.slice(mention.span.end..t.span.start)
            .chars()
            .all(char::is_whitespace)
    });
    // `Lavrov told`, `Lavrov later said`, `Lavrov also told`.
    let verb_follows = touching && word_at(next).is_some_and(|w| PERSON_VERBS.contains(w))
        || (word_at(next).is_some_and(|w| w.ends_with("ly") || w == "also" || w == "later")
            && word_at(next + 1).is_some_and(|w| PERSON_VERBS.contains(w)));
    let object_of = candidate.tokens.start > sentence_start
        && word_at(candidate.tokens.start - 1)
            .is_some_and(|w| matches!(w, "said" | "told" | "asked"));
    verb_follows || object_of
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_surname_before_any_full_name() {
        assert_findings(
            "Lavrov told Marco Rubio that talks would go on. Lavrov said more.",
            &[("names.first-reference", "Lavrov", None)],
        );
    }

    #[test]
    fn suggests_the_later_full_name() {
        assert_findings(
            "“Yes,” said Lavrov. Foreign Minister Sergey Lavrov left.",
            &[("names.first-reference", "Lavrov", Some("Sergey Lavrov"))],
        );
    }

    #[test]
    fn flags_possessive_before_a_noun() {
        assert_findings(
            "They rejected Shmyhal’s plan.",
            &[("names.first-reference", "Shmyhal", None)],
        );
    }

    #[test]
    fn allows_surname_after_full_name_places_and_first_names() {
        assert_no_findings("Sergey Lavrov arrived. Lavrov told reporters he was ready.");
        assert_no_findings("Russia said it was ready. Ukraine’s army waited.");
        assert_no_findings("Hugh said the project was growing.");
        assert_no_findings("President Trump said he was ready.");
    }

    #[test]
    fn non_ascii_surname_after_full_name() {
        assert_no_findings("Recep Tayyip Erdoğan arrived. Erdogan said he was ready.");
        assert_findings(
            "Зеленський said he was ready.",
            &[("names.first-reference", "Зеленський", None)],
        );
    }
}
