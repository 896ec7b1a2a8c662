//! The `ages` family: one person, one age, and the right one.
//!
//! Reads the ages and birth dates that [`People`] attaches to each person; ages are
//! checked at the publication date ([`published::publication_date`]).

mod birth_date;
mod conflict;
mod fact_mismatch;
mod facts_match;
mod published;

use super::{Check, Context, Rule};
use crate::finding::Finding;
use crate::text::Analysis;
use crate::text::people::People;

pub use published::{Source as DateSource, publication_date};

pub struct Ages;

static RULES: &[Rule] = &[birth_date::RULE, conflict::RULE, fact_mismatch::RULE];

impl Check for Ages {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn document(&self, doc: &Analysis, ctx: &Context) -> Vec<Finding> {
        let people = People::of(doc);
        if people.ages.is_empty() {
            return Vec::new();
        }
        let mut findings = conflict::check(doc, &people);
        let (published, _) = publication_date(doc, ctx);
        findings.extend(birth_date::check(doc, &people, published));
        if let Some(facts) = ctx.facts {
            findings.extend(fact_mismatch::check(doc, &people, facts, published));
        }
        findings
    }
}

/// `53` or `74 or 75`.
fn list_ages(ages: &[i32]) -> String {
    ages.iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(" or ")
}
