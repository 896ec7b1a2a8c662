//! The `spelling` family: words that are not what the writer meant.

mod repeated_word;

use super::{Check, Context, Rule};
use crate::finding::Finding;
use crate::text::Analysis;

pub struct Spelling;

static RULES: &[Rule] = &[repeated_word::RULE];

impl Check for Spelling {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn paragraph(&self, doc: &Analysis, paragraph: usize, _ctx: &Context) -> Vec<Finding> {
        repeated_word::check(doc, paragraph)
    }
}
