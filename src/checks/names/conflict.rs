//! `names.conflict`: one surname with two first names.
//!
//! Flags `Mark Rubio` after `Marco Rubio`: the draft most likely means one person and
//! got the first name wrong. The fix is the first name of the introduction.
//!
//! Leaves alone: relatives and namesakes the text explains (a kinship word such as
//! `wife`, `brother`, `related` or `relation` in either sentence, from
//! `src/data/names/kinship.txt`); two people each named in full at least twice; an
//! initial or short form that fits (`J. Smith`, `Larry` for `Lawrence`, from
//! `src/data/names/nicknames.txt`); a surname shared by three first names or more (a
//! common surname, such as `Chan` in a Hong Kong election story).

use super::relative_place;
use crate::checks::Rule;
use crate::data::lines;
use crate::finding::{Finding, Severity};
use crate::hash::FastSet;
use crate::text::Analysis;
use crate::text::people::{Mention, MentionKind, People, fold, given_names_agree, is_given_name};
use std::sync::LazyLock;

pub const RULE: Rule = Rule {
    id: "names.conflict",
    default_severity: Severity::Warning,
    summary: "the same surname with two different first names",
    explanation: "`Marco Rubio` in one paragraph and `Mark Rubio` in another: unless the story \
is about two people, one first name is wrong.\n\n**Fix:** use the first name of the \
introduction, offered as the fix; if they are two people, say how they are related \
(`his brother Mark Rubio`, `no relation`).\n\nNot flagged: relatives named as such, two \
people each named in full at least twice, initials that fit (`J. Smith`).",
    yields_to: &[],
};

static KINSHIP: LazyLock<FastSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("../../data/names/kinship.txt")).collect());

pub fn check(doc: &Analysis, people: &People) -> Vec<Finding> {
    // Full names per surname key number, in order; `keys` in order of first full name.
    let mut by_key: Vec<Vec<usize>> = vec![Vec::new(); people.keys.len()];
    let mut keys: Vec<usize> = Vec::new();
    for (index, mention) in people.mentions.iter().enumerate() {
        if mention.kind == MentionKind::Full && mention.given_key.is_some() {
            let full = &mut by_key[mention.key_id];
            if full.is_empty() {
                keys.push(mention.key_id);
            }
            full.push(index);
        }
    }
    let mut findings = Vec::new();
    for key in keys {
        let full = &by_key[key];
        let reference = &people.mentions[full[0]];
        let Some(reference_given) = reference.given_key.as_deref() else {
            continue;
        };
        let count = |given: &str| {
            full.iter()
                .filter(|&&m| people.mentions[m].given_key.as_deref() == Some(given))
                .count()
        };
        // A surname shared by three or more first names is a common one (`Chan` in a
        // Hong Kong election story), not one person's.
        let distinct: FastSet<&str> = full
            .iter()
            .map(|&m| &people.mentions[m])
            .filter(|m| m.given_listed)
            .filter_map(|m| m.given_key.as_deref())
            .collect();
        if distinct.len() >= 3 {
            continue;
        }
        for &m in &full[1..] {
            let mention = &people.mentions[m];
            let Some(given) = mention.given_key.as_deref() else {
                continue;
            };
            // Both first names must be known first names: `Together Bernoulli` and
            // `Administrator Bolden` are a sentence's first word and a job, not names.
            // (`given_listed` judged the word in the prose, whose words are the original
            // bytes, so it stands for the text as written.)
            if !mention.given_listed
                || !(reference.given_listed || reference.titled)
                || given_names_agree(given, reference_given)
                || (count(given) >= 2 && count(reference_given) >= 2)
                || explains_relation(doc, reference)
                || explains_relation(doc, mention)
            {
                continue;
            }
            let Some(given_span) = mention.given.clone() else {
                continue;
            };
            let introduced_as = doc.slice(reference.span.clone());
            findings.push(
                Finding::new(
                    &RULE,
                    given_span,
                    format!(
                        "\"{}\" has the surname of {introduced_as} ({}) but another first name: if they are two people, say how they are related",
                        doc.slice(mention.span.clone()),
                        relative_place(doc, mention.span.start, reference.span.start)
                    ),
                )
                .with_suggestions(reference.given.clone().map(|g| doc.slice(g).to_string()))
                .with_related(
                    reference.span.clone(),
                    format!("introduced as {introduced_as}"),
                ),
            );
        }
    }
    findings
}

/// A kinship word or `no relation` in the mention's sentence or the next, or a couple
/// named together (`to Gerald and Sherri Padalecki`).
fn explains_relation(doc: &Analysis, mention: &Mention) -> bool {
    let kinship = (mention.sentence..mention.sentence + 2).any(|s| {
        doc.sentences.get(s).is_some_and(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .any(|t| t.is_word() && KINSHIP.contains(fold(doc.slice(t.span.clone())).as_str()))
        })
    });
    let start = doc.names[mention.candidate].tokens.start;
    let word = |i: Option<usize>| {
        i.and_then(|i| doc.tokens.get(i))
            .map_or("", |t| doc.slice(t.span.clone()))
    };
    let couple = matches!(word(start.checked_sub(1)), "and" | "&")
        && is_given_name(word(start.checked_sub(2)));
    kinship || couple
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_second_first_name() {
        assert_findings(
            "Marco Rubio met the aides. Rubio spoke.\n\nLater Mark Rubio left.",
            &[("names.conflict", "Mark", Some("Marco"))],
        );
    }

    #[test]
    fn allows_relatives_and_initials() {
        assert_no_findings("George Bush spoke. His son Jeb Bush listened.");
        assert_no_findings("Jane Doe spoke. John Doe, no relation, listened.");
        assert_no_findings("John Curtis spoke. Later J. Curtis left.");
        assert_no_findings("Lawrence Lessig spoke. Lessig wrote. Then Larry Lessig left.");
        assert_no_findings("Jared Padalecki was born to Gerald and Sherri Padalecki.");
    }

    #[test]
    fn allows_two_established_people() {
        assert_no_findings(
            "Hillary Clinton spoke. Bill Clinton listened. Hillary Clinton left. Bill Clinton stayed.",
        );
    }

    #[test]
    fn non_ascii_first_names() {
        assert_findings(
            "Recep Tayyip Erdoğan spoke. Later Recep Erdogan left. Then Ahmed Erdoğan came.",
            &[("names.conflict", "Ahmed", Some("Recep"))],
        );
    }
}
