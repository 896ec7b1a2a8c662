//! The `spelling` family: words that are not what the writer meant.

mod derived;
pub(crate) mod distance;
mod evidence;
mod inconsistent;
mod keys;
mod lexicon;
mod prechecked;
mod repeated_word;
mod speller;
mod stems;
mod suggest;
mod tables;
mod unknown_word;
mod words;

use super::{Check, Context, Rule};
use crate::finding::Finding;
use crate::text::Analysis;

pub struct Spelling;

static RULES: &[Rule] = &[inconsistent::RULE, repeated_word::RULE, unknown_word::RULE];

impl Check for Spelling {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn paragraph(&self, doc: &Analysis, paragraph: usize, ctx: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        if enabled(ctx, &repeated_word::RULE) {
            findings.extend(repeated_word::check(doc, paragraph));
        }
        if enabled(ctx, &unknown_word::RULE) {
            findings.extend(unknown_word::paragraph(doc, paragraph, ctx));
        }
        findings
    }

    fn document(&self, doc: &Analysis, ctx: &Context) -> Vec<Finding> {
        let mut findings = Vec::new();
        if enabled(ctx, &unknown_word::RULE) {
            findings.extend(unknown_word::document(doc, ctx));
        }
        if enabled(ctx, &inconsistent::RULE) {
            findings.extend(inconsistent::check(doc));
        }
        findings
    }
}

/// Skips the work of a rule the user turned off.
fn enabled(ctx: &Context, rule: &Rule) -> bool {
    ctx.config.level(rule.id, rule.default_severity).is_some()
}

/// Whether the language's dictionary accepts a word (for the evaluation command).
pub fn dictionary_accepts(language: crate::config::Language, word: &str) -> bool {
    speller::accepts(speller::dictionary(language), word)
}

/// Most suggestions a misspelling is offered (and an editor shows as quick fixes).
pub use suggest::MAX_SUGGESTIONS;

/// The full ranked suggestions for a misspelt word, best first, at most five: what an
/// editor's quick fixes offer when the diagnostic carried only the near ones.
pub fn ranked_suggestions(language: crate::config::Language, word: &str) -> Vec<String> {
    let mut ranked = suggest::ranked(language, word, &[]);
    ranked.truncate(MAX_SUGGESTIONS);
    ranked
}

/// The plain speller's own suggestions, in its order (for comparison with copydesk's).
pub fn plain_suggestions(language: crate::config::Language, word: &str) -> Vec<String> {
    suggest::plain(speller::dictionary(language), word)
}

/// Parses both dictionaries, so that their one-off cost is paid (or timed) apart from
/// the checking. The other word lists' tables are prebuilt (`build.rs`) and need no
/// loading.
pub fn load_dictionaries() {
    let _ = (
        speller::dictionary(crate::config::Language::EnUs),
        speller::dictionary(crate::config::Language::EnGb),
    );
}
