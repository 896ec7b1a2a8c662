//! `ages.fact-mismatch`: an age that contradicts the newsroom's facts file.
//!
//! Flags `53-year-old Secretary of State Marco Rubio` when the facts file says Rubio was
//! born 1971-05-28 and the story is published on 2025-07-11 (he is 54). The fix replaces
//! the number. People are matched as `facts_match` says: full name or alias, or a
//! surname unique in both the draft and the file.

use super::birth_date::{describe, ranked};
use super::facts_match::match_people;
use super::list_ages;
use crate::checks::Rule;
use crate::facts::{Date, Facts};
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use crate::text::people::People;

pub const RULE: Rule = Rule {
    id: "ages.fact-mismatch",
    default_severity: Severity::Warning,
    summary: "an age that contradicts the facts file",
    explanation: "The newsroom's facts file (`--facts FILE` or `facts = \"...\"` in \
copydesk.toml) gives this person's date of birth, and the age in the draft does not match \
it at the publication date.\n\n**Fix:** use the age offered. A birth year alone allows two \
ages; either passes.",
    yields_to: &[],
};

pub fn check(doc: &Analysis, people: &People, facts: &Facts, published: Date) -> Vec<Finding> {
    let matched = match_people(people, facts);
    let mut findings = Vec::new();
    for age in &people.ages {
        let person = people.mentions[age.mention].person;
        let Some(entry) = matched.get(person).copied().flatten() else {
            continue;
        };
        let Some(born) = entry.born else {
            continue;
        };
        let expected = born.ages_on(published);
        if expected.contains(&age.years) {
            continue;
        }
        let name = doc.slice(people.mentions[age.mention].surname.clone());
        findings.push(
            Finding::new(
                &RULE,
                age.number.clone(),
                format!(
                    "{name} is {} here but {} on {published}: the facts file has {} {}",
                    age.years,
                    list_ages(&expected),
                    entry.name,
                    describe(born)
                ),
            )
            .with_suggestions(ranked(&expected, age.years)),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use crate::facts::Facts;
    use crate::{Config, Context, Markup, check};
    use std::path::Path;

    const FACTS: &str = "published = 2025-07-11\n\
        [[person]]\nname = \"Marco Rubio\"\nborn = 1971-05-28\n\
        [[person]]\nname = \"Recep Tayyip Erdogan\"\nborn = 1954-02-26\n\
        [[person]]\nname = \"Volodymyr Zelensky\"\naliases = [\"Володимир Зеленський\"]\nborn = 1978-01-25\n\
        [[person]]\nname = \"Joe Bloggs\"\nborn = 1950\n";

    fn findings(text: &str) -> Vec<(String, String, Vec<String>)> {
        let config = Config::default();
        let facts = Facts::parse(FACTS, Path::new("facts.toml")).unwrap();
        let mut ctx = Context::new(&config);
        ctx.facts = Some(&facts);
        check(text, Markup::Plain, &ctx)
            .into_iter()
            .map(|f| (f.rule.to_string(), text[f.span].to_string(), f.suggestions))
            .collect()
    }

    fn one(rule: &str, span: &str, fix: &str) -> Vec<(String, String, Vec<String>)> {
        vec![(rule.to_string(), span.to_string(), vec![fix.to_string()])]
    }

    #[test]
    fn flags_wrong_age_with_right_one_as_fix() {
        assert_eq!(
            findings("The 53-year-old Secretary of State Marco Rubio spoke."),
            one("ages.fact-mismatch", "53", "54")
        );
        assert!(findings("Marco Rubio, 54, spoke.").is_empty());
    }

    #[test]
    fn matches_folded_names_and_aliases() {
        assert_eq!(
            findings("Recep Tayyip Erdoğan, 70, spoke."),
            one("ages.fact-mismatch", "70", "71")
        );
        assert_eq!(
            findings("Володимир Зеленський, 46, spoke. Зеленський left."),
            one("ages.fact-mismatch", "46", "47")
        );
    }

    #[test]
    fn surname_alone_only_when_unique() {
        assert_eq!(
            findings("Rubio, 50, spoke."),
            one("ages.fact-mismatch", "50", "54")
        );
        // Two Rubios in the draft: the surname alone is ambiguous.
        let found = findings("Mark Rubio, 50, met Ann Rubio. Rubio, 50, spoke.");
        assert!(
            found.iter().all(|f| f.0 != "ages.fact-mismatch"),
            "{found:?}"
        );
    }

    #[test]
    fn birth_year_allows_two_ages() {
        assert!(findings("Joe Bloggs, 74, spoke.").is_empty());
        assert!(findings("Joe Bloggs, 75, spoke.").is_empty());
        assert_eq!(findings("Joe Bloggs, 80, spoke.")[0].2, vec!["75", "74"]);
    }
}
