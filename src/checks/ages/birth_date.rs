//! `ages.birth-date`: an age that the draft's own birth date contradicts.
//!
//! Flags `Ann Lee, born March 3, 1980, ... Lee, 43,` when the story is published in 2025:
//! she is 45 then. Ages are completed years at the publication date; a birth year alone
//! allows the two ages possible in that year. The fix is the computed age.

use super::list_ages;
use crate::checks::Rule;
use crate::facts::{Born, Date};
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use crate::text::people::People;

pub const RULE: Rule = Rule {
    id: "ages.birth-date",
    default_severity: Severity::Warning,
    summary: "an age that contradicts a birth date given in the draft",
    explanation: "The draft says when the person was born (`born March 3, 1980`) and gives an \
age that does not follow from it at the publication date.\n\n**Fix:** use the age offered \
(completed years on the publication date: `--published`, front matter `date:`, the facts \
file, a dateline, else today).",
    yields_to: &[],
};

pub fn check(doc: &Analysis, people: &People, published: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    for birth in &people.births {
        let person = people.mentions[birth.mention].person;
        let expected = birth.born.ages_on(published);
        for age in people.ages_of(person) {
            if expected.contains(&age.years) {
                continue;
            }
            let name = doc.slice(people.mentions[age.mention].surname.clone());
            findings.push(
                Finding::new(
                    &RULE,
                    age.number.clone(),
                    format!(
                        "{name} is {} here but was {}: {} on {published}",
                        age.years,
                        doc.slice(birth.span.clone()),
                        list_ages(&expected)
                    ),
                )
                .with_suggestions(ranked(&expected, age.years))
                .with_related(birth.span.clone(), format!("{name}'s birth date")),
            );
        }
    }
    findings
}

/// Possible ages as fixes, the nearest to the written one first.
pub(super) fn ranked(expected: &[i32], written: i32) -> Vec<String> {
    let mut ages = expected.to_vec();
    ages.sort_by_key(|a| (a.abs_diff(written), *a));
    ages.into_iter().map(|a| a.to_string()).collect()
}

/// A birth as written in messages.
pub(super) fn describe(born: Born) -> String {
    match born {
        Born::Date(date) => format!("born {date}"),
        Born::Year(year) => format!("born in {year}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::facts::Date;
    use crate::{Config, Context, Markup, check};

    fn findings(text: &str) -> Vec<(String, String, Vec<String>)> {
        let config = Config::default();
        let mut ctx = Context::new(&config);
        ctx.published = Date::new(2025, 7, 11);
        check(text, Markup::Plain, &ctx)
            .into_iter()
            .map(|f| (f.rule.to_string(), text[f.span].to_string(), f.suggestions))
            .collect()
    }

    #[test]
    fn flags_age_contradicting_birth_date() {
        assert_eq!(
            findings("Ann Lee, born March 3, 1980, spoke. Lee, 43, left."),
            vec![(
                "ages.birth-date".to_string(),
                "43".to_string(),
                vec!["45".to_string()]
            )]
        );
    }

    #[test]
    fn birth_year_allows_two_ages() {
        assert!(findings("Ann Lee (born 1980) spoke. Lee, 44, left.").is_empty());
        assert!(findings("Ann Lee (born 1980) spoke. Lee, 45, left.").is_empty());
        assert_eq!(
            findings("Ann Lee (born 1980) spoke. Lee, 47, left.")[0].2,
            vec!["45".to_string(), "44".to_string()]
        );
    }

    #[test]
    fn allows_matching_age() {
        assert!(findings("Ann Lee, born March 3, 1980, spoke. Lee, 45, left.").is_empty());
    }
}
