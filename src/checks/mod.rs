//! The check registry. A check is a pure function of the analysed draft and its context:
//! no I/O, no state between runs, no protocol types.
//!
//! To add a check: write `src/checks/<family>/...` implementing [`Check`], add one line to
//! [`ALL`], a section to the config if it needs settings, and its tests.

pub mod ages;
pub mod attribution;
pub mod names;
pub mod spelling;

use crate::config::Config;
use crate::facts::{Date, Facts};
use crate::finding::{Finding, Severity};
use crate::text::Analysis;
use std::collections::HashSet;
use std::ops::Range;

/// One thing a check can report. `id` is stable: users write it in config and comments.
#[derive(Debug)]
pub struct Rule {
    /// `family.name`, naming the fault.
    pub id: &'static str,
    pub default_severity: Severity,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// Markdown for hovers and docs: why it matters, how to fix it, an example.
    pub explanation: &'static str,
    /// Families whose finding on the same span wins over this rule's (one finding per
    /// word: a misspelt person's name is `names`, not `spelling`).
    pub yields_to: &'static [&'static str],
}

/// Everything a check may read besides the draft.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    pub config: &'a Config,
    pub facts: Option<&'a Facts>,
    /// Publication date given by the user (`--published`); checks fall back to the
    /// draft's front matter, the facts file, a dateline, then today.
    pub published: Option<Date>,
    pub suggestions: Suggestions,
}

impl<'a> Context<'a> {
    pub fn new(config: &'a Config) -> Self {
        Self {
            config,
            facts: None,
            published: None,
            suggestions: Suggestions::default(),
        }
    }
}

/// How far the suggestions of a reported misspelling are searched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Suggestions {
    /// The full ranking (the command line: its output is final).
    #[default]
    Ranked,
    /// The near candidates only (one slip, common words two slips away, same sound), the
    /// full ranking being left to when an editor asks for quick fixes: typing makes a new
    /// unknown word on most keystrokes, and its full search cost more than the rest of
    /// the check.
    Near,
}

/// A family of rules.
///
/// Work is split in two so that a server can cache per paragraph: [`Check::paragraph`]
/// must depend only on that paragraph (its text, tokens, sentences, quotes, names) and the
/// context; [`Check::document`] sees the whole draft for what crosses paragraphs.
pub trait Check: Sync {
    fn rules(&self) -> &'static [Rule];

    /// Findings local to one paragraph (index into `doc.paragraphs`).
    fn paragraph(&self, _doc: &Analysis, _paragraph: usize, _ctx: &Context) -> Vec<Finding> {
        Vec::new()
    }

    /// Findings that need the whole draft.
    fn document(&self, _doc: &Analysis, _ctx: &Context) -> Vec<Finding> {
        Vec::new()
    }
}

/// Every check, sorted by name.
pub static ALL: &[&dyn Check] = &[
    &ages::Ages,
    &attribution::Attribution,
    &names::Names,
    &spelling::Spelling,
];

/// Every rule of every check.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    ALL.iter().flat_map(|c| c.rules().iter())
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    all_rules().find(|r| r.id == id)
}

/// The four families; config may name them before their checks exist.
pub const FAMILIES: &[&str] = &["ages", "attribution", "names", "spelling"];

pub fn is_known_rule_or_family(id: &str) -> bool {
    FAMILIES.contains(&id) || rule(id).is_some()
}

/// Runs every enabled check and returns raw findings at the user's severities, before
/// ignore comments. Sorted by start, then rule.
pub fn run(doc: &Analysis, ctx: &Context) -> Vec<Finding> {
    run_with(doc, ctx, &mut |_, check, paragraph| {
        check.paragraph(doc, paragraph, ctx)
    })
}

/// [`run`], with the per-paragraph findings supplied by `paragraph_findings(index of the
/// check in ALL, check, paragraph)`: a server answers from its cache where it can.
pub fn run_with(
    doc: &Analysis,
    ctx: &Context,
    paragraph_findings: &mut dyn FnMut(usize, &dyn Check, usize) -> Vec<Finding>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, check) in ALL.iter().enumerate() {
        let enabled = check
            .rules()
            .iter()
            .any(|r| ctx.config.level(r.id, r.default_severity).is_some());
        if !enabled {
            continue;
        }
        for paragraph in 0..doc.paragraphs.len() {
            findings.extend(paragraph_findings(index, *check, paragraph));
        }
        findings.extend(check.document(doc, ctx));
    }
    findings.retain_mut(|f| {
        // The user's setting wins; without one, the severity the check chose stands (a
        // check may lower its own, e.g. an opinion sentence reported only as a hint).
        match ctx.config.level(f.rule, f.severity) {
            Some(severity) => {
                f.severity = severity;
                true
            }
            None => false,
        }
    });
    settle_overlaps(&mut findings);
    sort(&mut findings);
    findings
}

/// One check over a whole draft: every paragraph, then the document pass. Raw findings at
/// default severities.
pub fn run_check(check: &dyn Check, doc: &Analysis, ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    for paragraph in 0..doc.paragraphs.len() {
        findings.extend(check.paragraph(doc, paragraph, ctx));
    }
    findings.extend(check.document(doc, ctx));
    findings
}

/// The family a check reports under (from its first rule).
pub fn family_of_check(check: &dyn Check) -> &'static str {
    check
        .rules()
        .first()
        .map_or("unknown", |r| crate::finding::family_of(r.id))
}

/// Drops findings whose rule yields to another family reporting on an overlapping span.
/// Only the findings of families something yields to (a few names findings) are compared
/// against: a large draft has thousands of findings, and comparing all pairs was the
/// slowest step of a keystroke.
fn settle_overlaps(findings: &mut Vec<Finding>) {
    let yields = |f: &Finding| rule(f.rule).map_or(&[][..], |r| r.yields_to);
    let yielded_to: HashSet<&str> = findings.iter().flat_map(&yields).copied().collect();
    if yielded_to.is_empty() {
        return;
    }
    let winners: Vec<(Range<usize>, &str)> = findings
        .iter()
        .filter(|f| yielded_to.contains(f.family()))
        .map(|f| (f.span.clone(), f.family()))
        .collect();
    let keep: Vec<bool> = findings
        .iter()
        .map(|f| {
            let families = yields(f);
            !winners.iter().any(|(span, family)| {
                families.contains(family) && span.start < f.span.end && f.span.start < span.end
            })
        })
        .collect();
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// The frozen output order: by start offset, then rule id, then end.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.span.start, a.rule, a.span.end).cmp(&(b.span.start, b.rule, b.span.end))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static str, span: Range<usize>) -> Finding {
        Finding::new(
            self::rule(rule).expect("a registered rule"),
            span,
            String::new(),
        )
    }

    #[test]
    fn a_word_gets_one_finding_the_names_family_wins() {
        let mut findings = vec![
            finding("spelling.unknown-word", 10..19),
            finding("names.variant-spelling", 10..19),
            finding("spelling.unknown-word", 30..35),
            finding("attribution.weasel", 0..40),
        ];
        settle_overlaps(&mut findings);
        let left: Vec<(&str, usize)> = findings.iter().map(|f| (f.rule, f.span.start)).collect();
        assert_eq!(
            left,
            vec![
                ("names.variant-spelling", 10),
                ("spelling.unknown-word", 30),
                ("attribution.weasel", 0),
            ]
        );
    }
}
