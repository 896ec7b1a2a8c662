//! Re-checking a draft after an edit without redoing the work for paragraphs that did not
//! change.
//!
//! A [`Session`] keeps, per paragraph, its analysis (keyed by the paragraph's prose) and
//! each check's paragraph findings (keyed by the paragraph's text and prose, under one
//! context). Document-wide passes run every time on the reassembled analysis, reading
//! what they need per paragraph from the memos kept with the cached parts
//! ([`Analysis::paragraph_memo`]). The result
//! is, by construction and by property test, the same as [`crate::check`].

use crate::checks::{self, Check};
use crate::finding::Finding;
use crate::hash::PrehashedMap;
use crate::text::{Analysis, Buffers, Markup, ParagraphParts};
use crate::{Context, suppress};
use std::hash::{BuildHasher, DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// Caches for one open draft.
#[derive(Default)]
pub struct Session {
    parts: PrehashedMap<Arc<ParagraphParts>>,
    findings: PrehashedMap<Arc<Vec<Finding>>>,
    /// What the cached findings were computed under; a change empties them.
    context_key: u64,
    /// The last analysis's allocations, reused by the next.
    buffers: Buffers,
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks `text` like [`crate::check`], reusing what earlier calls computed for
    /// paragraphs that are unchanged.
    pub fn check(&mut self, text: &str, markup: Markup, ctx: &Context) -> Vec<Finding> {
        crate::fault_injection::maybe_panic(text);
        let context_key = hash(&format!(
            "{:?}|{:?}|{:?}|{:?}|{markup:?}",
            ctx.config, ctx.facts, ctx.published, ctx.suggestions
        ));
        if context_key != self.context_key {
            // Paragraph memos may depend on the configuration too.
            self.parts.clear();
            self.findings.clear();
            self.context_key = context_key;
        }
        let mut parts_now =
            PrehashedMap::with_capacity_and_hasher(self.parts.len(), Default::default());
        let mut prose_keys = Vec::with_capacity(self.parts.len());
        let buffers = std::mem::take(&mut self.buffers);
        let analysis = Analysis::build_reusing(buffers, text, markup, |prose| {
            let key = text_hash(prose);
            prose_keys.push(key);
            let parts = self
                .parts
                .get(&key)
                .cloned()
                .unwrap_or_else(|| Arc::new(ParagraphParts::analyse(prose)));
            parts_now.insert(key, Arc::clone(&parts));
            parts
        });
        self.parts = parts_now;

        let mut findings_now =
            PrehashedMap::with_capacity_and_hasher(self.findings.len(), Default::default());
        let cached = &self.findings;
        // A paragraph's findings depend on its text and its prose; they differ only where
        // markup or comments were blanked, so the prose's key usually serves for both.
        let paragraph_keys: Vec<u64> = analysis
            .paragraphs
            .iter()
            .zip(&prose_keys)
            .map(|(paragraph, &prose_key)| {
                let span = paragraph.span.clone();
                let written = analysis.slice(span.clone());
                if written == &analysis.prose()[span] {
                    prose_key
                } else {
                    hash(&(prose_key, text_hash(written)))
                }
            })
            .collect();
        let mut paragraph_findings =
            |index: usize, check: &dyn Check, paragraph: usize| -> Vec<Finding> {
                let span = analysis.paragraphs[paragraph].span.clone();
                // Each check's findings of one paragraph version: the check's index mixed
                // into the paragraph's (random) key.
                let key = paragraph_keys[paragraph]
                    ^ (index as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let relative = match cached.get(&key) {
                    Some(found) => Arc::clone(found),
                    None => Arc::new(
                        check
                            .paragraph(&analysis, paragraph, ctx)
                            .into_iter()
                            .map(|f| shift(f, span.start, false))
                            .collect(),
                    ),
                };
                let absolute = relative
                    .iter()
                    .cloned()
                    .map(|f| shift(f, span.start, true))
                    .collect();
                findings_now.insert(key, relative);
                absolute
            };
        let mut findings = checks::run_with(&analysis, ctx, &mut paragraph_findings);
        self.findings = findings_now;
        suppress::apply(&analysis.text, &mut findings);
        self.buffers = analysis.into_buffers();
        findings
    }
}

/// Moves a finding's spans to (`forward`) or from its paragraph's start.
fn shift(mut finding: Finding, base: usize, forward: bool) -> Finding {
    let move_by = |n: usize| {
        if forward {
            n + base
        } else {
            n.saturating_sub(base)
        }
    };
    finding.span = move_by(finding.span.start)..move_by(finding.span.end);
    for related in &mut finding.related {
        related.span = move_by(related.span.start)..move_by(related.span.end);
    }
    finding
}

/// A paragraph's cache key: a fast hash of good quality, as a whole draft is hashed on
/// every keystroke (an accidental collision would reuse another paragraph's results).
fn text_hash(text: &str) -> u64 {
    foldhash::quality::FixedState::default().hash_one(text)
}

fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
