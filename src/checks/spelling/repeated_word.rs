//! `spelling.repeated-word`: the same word twice in a row.
//!
//! Flags `her as as soon`: a doubled word is almost always a slip made while revising.
//! The fix deletes the second word. Leaves alone the doubles English allows (`had had`,
//! `that that`, `is is`; list in `src/data/legit_doubles.txt`), names that repeat
//! (`Sirhan Sirhan`: both capitalised), and words separated by punctuation (`no, no`).

use crate::checks::Rule;
use crate::data::LEGIT_DOUBLES;
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use crate::text::sentences::is_space;

pub const RULE: Rule = Rule {
    id: "spelling.repeated-word",
    default_severity: Severity::Warning,
    summary: "the same word twice in a row",
    explanation: "A word typed twice (`as as`) is almost always a slip made while revising, and \
spell checkers miss it because each word is spelt right.\n\n**Fix:** delete one of them.\n\n\
**Example:** `take it back to the president today and her as as soon as I finish` → `... her as soon as ...`\n\n\
Not flagged: doubles English allows (`she had had enough`, `he said that that was wrong`) and repeated names.",
    yields_to: &[],
};

/// Intensifiers doubled for emphasis in speech (`really really funny`).
const EMPHATIC: &[&str] = &[
    "very", "really", "many", "so", "much", "more", "far", "long", "way",
];

pub fn check(doc: &Analysis, paragraph: usize) -> Vec<Finding> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let tokens = &doc.tokens[para.tokens.clone()];
    let mut findings = Vec::new();
    for pair in tokens.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        if !first.is_word() || !second.is_word() {
            continue;
        }
        let (a, b) = (
            doc.slice(first.span.clone()),
            doc.slice(second.span.clone()),
        );
        let gap = doc.slice(first.span.end..second.span.start);
        // The length test first: most neighbours differ, and lower-casing allocates.
        if a.len() != b.len()
            || gap.is_empty()
            || !gap.chars().all(is_space)
            || a.to_lowercase() != b.to_lowercase()
        {
            continue;
        }
        let lower = a.to_lowercase();
        let both_capitalised = starts_upper(a) && starts_upper(b);
        // `first FIRST` (a name in capitals) and `many many` (spoken emphasis) are meant.
        let same_case = a == b || (starts_upper(a) && a[1..] == b[1..]);
        if LEGIT_DOUBLES.contains(lower.as_str())
            || EMPHATIC.contains(&lower.as_str())
            || both_capitalised
            || !same_case
        {
            continue;
        }
        findings.push(
            Finding::new(
                &RULE,
                first.span.start..second.span.end,
                format!(
                    "\"{a}\" is repeated: a doubled word is usually a slip made while revising"
                ),
            )
            .with_suggestions([a.to_string()]),
        );
    }
    findings
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_doubled_word_with_fix() {
        assert_findings(
            "I’ll take it back today and—her as as soon as I finish.",
            &[("spelling.repeated-word", "as as", Some("as"))],
        );
    }

    #[test]
    fn flags_across_line_break_and_case() {
        assert_findings(
            "The the talks\nfailed and\nand ended.",
            &[
                ("spelling.repeated-word", "The the", Some("The")),
                ("spelling.repeated-word", "and\nand", Some("and")),
            ],
        );
    }

    #[test]
    fn allows_emphasis_and_words_in_other_case() {
        assert_no_findings("It was really really funny, the first FIRST contest.");
    }

    #[test]
    fn allows_legitimate_doubles() {
        assert_no_findings(
            "She had had enough. He said that that was wrong. What it is is a mess.",
        );
    }

    #[test]
    fn allows_punctuation_between_and_repeated_names() {
        assert_no_findings("No, no, it was Sirhan Sirhan. “Go.” Go home.");
    }

    #[test]
    fn ignores_code_between_words_in_markdown() {
        crate::testing::assert_no_findings_md("Run the `the` command.");
    }
}
