//! `ages.conflict`: one person given two different ages.
//!
//! Flags `53-year-old Marco Rubio` ... `Rubio, 54,`: both places are reported, each
//! pointing at the other, since the draft does not say which is right. Ages belong to
//! the person of the name they are attached to (see `text::people`), so two people who
//! share a surname (`John Smith, 70, and his son Paul Smith, 40`) keep their own ages.

use crate::checks::Rule;
use crate::checks::names::relative_place;
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use crate::text::people::People;

pub const RULE: Rule = Rule {
    id: "ages.conflict",
    default_severity: Severity::Warning,
    summary: "one person given two different ages",
    explanation: "The draft gives the same person two ages (`53-year-old Marco Rubio` ... \
`Rubio, 54,`): at least one is wrong.\n\n**Fix:** check the date of birth and use one age \
throughout. Both places are reported, each pointing at the other.",
    yields_to: &[],
};

pub fn check(doc: &Analysis, people: &People) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (person_index, person) in people.persons.iter().enumerate() {
        let ages: Vec<_> = people.ages_of(person_index).collect();
        if ages.len() < 2 {
            continue;
        }
        let name = people
            .mentions
            .get(person.mentions[0])
            .map_or("", |m| doc.slice(m.surname.clone()));
        for age in &ages {
            // Point at the nearest age that differs, so that each of a pair names the other.
            let Some(other) = ages
                .iter()
                .filter(|o| o.years != age.years)
                .min_by_key(|o| o.number.start.abs_diff(age.number.start))
            else {
                continue;
            };
            findings.push(
                Finding::new(
                    &RULE,
                    age.number.clone(),
                    format!(
                        "{name} is {} here but {} {}",
                        age.years,
                        other.years,
                        relative_place(doc, age.number.start, other.number.start)
                    ),
                )
                .with_related(
                    other.number.clone(),
                    format!("{name} is {} here", other.years),
                ),
            );
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_findings, assert_no_findings};

    #[test]
    fn flags_both_ages_of_one_person() {
        assert_findings(
            "The 53-year-old Marco Rubio flew in.\n\nLater Rubio, 54, said no.",
            &[("ages.conflict", "53", None), ("ages.conflict", "54", None)],
        );
    }

    #[test]
    fn each_points_at_the_other() {
        let config = crate::Config::default();
        let text = "Ann Lee, 40, spoke. Lee (41) left.";
        let found = crate::check(text, crate::Markup::Plain, &crate::Context::new(&config));
        let spans: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (&text[f.span.clone()], &text[f.related[0].span.clone()]))
            .collect();
        assert_eq!(spans, vec![("40", "41"), ("41", "40")]);
        assert_eq!(
            found[0].message,
            "Lee is 40 here but 41 later in this paragraph"
        );
    }

    #[test]
    fn message_names_the_paragraph() {
        let config = crate::Config::default();
        let text = "Rubio, 53, spoke.\n\nOther news.\n\nMarco Rubio, 54, left.";
        let found = crate::check(text, crate::Markup::Plain, &crate::Context::new(&config));
        assert!(
            found
                .iter()
                .any(|f| f.message == "Rubio is 53 here but 54 in paragraph 3"),
            "{found:?}"
        );
    }

    #[test]
    fn allows_same_age_twice_and_relatives() {
        assert_no_findings("Ann Lee, 40, spoke. Lee, who is 40, left.");
        assert_no_findings("John Smith, 70, and his son Paul Smith, 40, came.");
    }

    #[test]
    fn non_ascii_names() {
        assert_findings(
            "Recep Tayyip Erdoğan, 71, spoke. Erdogan, 70, left.",
            &[("ages.conflict", "71", None), ("ages.conflict", "70", None)],
        );
    }
}
