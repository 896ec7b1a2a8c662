//! `names.unnamed-person`: an age given to a title with no name.
//!
//! Flags `75-year-old Russian Foreign Minister discussed ...`: the reader learns the
//! official's age but not who it is; usually the name was lost in editing. Leaves alone
//! ages given to common nouns (`a 54-year-old man`), which newsrooms use on purpose for
//! people they do not name.

use crate::checks::Rule;
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use crate::text::people::Unnamed;

pub const RULE: Rule = Rule {
    id: "names.unnamed-person",
    default_severity: Severity::Warning,
    summary: "an age given to a title with no name after it",
    explanation: "An age next to a title (`75-year-old Russian Foreign Minister`) describes one \
person, but the name is missing: the reader cannot tell who it is. Usually the name was lost \
while editing.\n\n**Fix:** add the name after the title (`75-year-old Russian Foreign Minister \
Sergey Lavrov`).\n\nNot flagged: ages given to common nouns (`a 54-year-old man`).",
    yields_to: &[],
};

pub fn check(doc: &Analysis, unnamed: &[Unnamed]) -> Vec<Finding> {
    unnamed
        .iter()
        .map(|u| {
            let title = doc.slice(u.title.clone());
            Finding::new(
                &RULE,
                u.span.clone(),
                format!(
                    "the {}-year-old {title} is given an age but no name: name the person after the title",
                    u.years
                ),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_age_with_title_and_no_name() {
        assert_findings(
            "Rubio and the 75-year-old Russian Foreign Minister discussed peace.",
            &[(
                "names.unnamed-person",
                "75-year-old Russian Foreign Minister",
                None,
            )],
        );
    }

    #[test]
    fn allows_named_official_and_common_noun() {
        assert_no_findings("The 75-year-old Foreign Minister Sergey Lavrov spoke.");
        assert_no_findings("A 54-year-old man was arrested.");
    }
}
