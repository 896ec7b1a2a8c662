//! The `names` family: one person, one spelling, introduced by full name.
//!
//! All four rules read the grouped mentions of [`People`]; only `names.unnamed-person`
//! is local to a paragraph.

mod conflict;
mod first_reference;
mod unnamed_person;
mod variant_spelling;

use super::{Check, Context, Rule};
use crate::finding::Finding;
use crate::text::Analysis;
use crate::text::people::{People, paragraph_unnamed};
use std::ops::Range;

#[cfg(test)]
pub(crate) use variant_spelling::one_edit_apart;

pub struct Names;

static RULES: &[Rule] = &[
    conflict::RULE,
    first_reference::RULE,
    unnamed_person::RULE,
    variant_spelling::RULE,
];

impl Check for Names {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn paragraph(&self, doc: &Analysis, paragraph: usize, _ctx: &Context) -> Vec<Finding> {
        unnamed_person::check(doc, &paragraph_unnamed(doc, paragraph))
    }

    fn document(&self, doc: &Analysis, _ctx: &Context) -> Vec<Finding> {
        let people = People::of(doc);
        let mut findings = variant_spelling::check(doc, &people);
        let variants: Vec<Range<usize>> = findings.iter().map(|f| f.span.clone()).collect();
        findings.extend(conflict::check(doc, &people));
        findings.extend(
            first_reference::check(doc, &people)
                .into_iter()
                .filter(|f| !variants.contains(&f.span)),
        );
        findings
    }
}

/// Where `there` lies as seen from `here`, for messages: `earlier in this paragraph`,
/// `in paragraph 4`.
pub(crate) fn relative_place(doc: &Analysis, here: usize, there: usize) -> String {
    let paragraph_of = |offset: usize| {
        doc.paragraphs
            .partition_point(|p| p.span.end <= offset)
            .min(doc.paragraphs.len().saturating_sub(1))
    };
    let (p_here, p_there) = (paragraph_of(here), paragraph_of(there));
    if p_here != p_there {
        return format!("in paragraph {}", p_there + 1);
    }
    match (doc.sentence_at(here), doc.sentence_at(there)) {
        (Some(a), Some(b)) if a == b => "in this sentence".to_string(),
        _ if there < here => "earlier in this paragraph".to_string(),
        _ => "later in this paragraph".to_string(),
    }
}
