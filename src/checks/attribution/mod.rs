//! The `attribution` family: the "who says?" an editor asks of every sentence.
//!
//! Per sentence: find the attributions (a reporting verb and its source, [`sources`]), mark
//! the words they cover (the whole sentence, less a trailing comment clause such as
//! ", leaving Putin no choice"), carry coverage to the next sentence when it continues the
//! same account (a pronoun subject, a following quotation), then look for claim cues in
//! the words left uncovered and unquoted ([`claims`]). The writer's own opinion ("should",
//! "needs to", "I think") is left alone below `strict`. Quotations without a speaker
//! ([`quotes`]) need the neighbouring sentences, even across paragraphs, so they are
//! found in [`Check::document`].

mod citations;
mod claims;
mod lexicon;
mod orphans;
mod phrases;
mod quotes;
mod rules;
mod sentence;
mod sources;
#[cfg(test)]
mod tests;

use super::{Check, Context, Rule};
use crate::config::Sensitivity;
use crate::finding::Finding;
use crate::text::{Analysis, Quote};
use claims::{Claim, ClaimKind};
use lexicon::{LEXICON, Lexicon, List};
use sentence::SentenceView;
use sources::Attribution as Source;
use std::ops::Range;

pub use rules::RULES;

pub struct Attribution;

impl Check for Attribution {
    fn rules(&self) -> &'static [Rule] {
        RULES
    }

    fn paragraph(&self, doc: &Analysis, paragraph: usize, ctx: &Context) -> Vec<Finding> {
        claims_in_paragraph(doc, paragraph, ctx.config.sensitivity)
    }

    fn document(&self, doc: &Analysis, _ctx: &Context) -> Vec<Finding> {
        orphans::find(doc)
    }
}

/// Pronouns that continue the previous sentence's account: "Lavrov said ... He added ...".
const CONTINUING_PRONOUNS: &[&str] = &["he", "she", "they"];

/// Connectives a continuing sentence may open with before its pronoun: "But he added ...".
const CONNECTIVES: &[&str] = &[
    "and", "but", "however", "also", "still", "yet", "so", "then",
];

/// The first word after any opening connectives.
fn opener(view: &SentenceView) -> usize {
    (0..view.words.len())
        .find(|&i| !CONNECTIVES.contains(&view.word(i)))
        .unwrap_or(0)
}

fn claims_in_paragraph(doc: &Analysis, paragraph: usize, sensitivity: Sensitivity) -> Vec<Finding> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let lexicon = &*LEXICON;
    let statements = statements(doc, &doc.quotes[para.quotes.clone()], lexicon);
    let quoted = sentence::quoted_tokens(doc, paragraph, &statements);
    let mut findings = Vec::new();
    let mut previous_attributed = false;
    // Sentences since the last unsourced claim that opened an account, while it runs.
    let mut account_run: Option<usize> = None;
    for index in para.sentences.clone() {
        let view = SentenceView::new(doc, index, &quoted, lexicon);
        let sources = sources::find(&view);
        let continues = previous_attributed
            && (view.opens_with_quote || CONTINUING_PRONOUNS.contains(&view.word(opener(&view))));
        let mut covered = coverage(&view, &sources);
        if continues {
            covered.iter_mut().for_each(|c| *c = true);
        }
        // "... leading to many other performances. [2]": a reference marker cites a document.
        let cited = citations::cited_prefix(&view, doc.prose());
        covered[..cited].iter_mut().for_each(|c| *c = true);
        previous_attributed = continues || sources.iter().any(|s| !s.weasel);
        let opinion = is_opinion(&view);
        let skip_all = view.question || (opinion && sensitivity < Sensitivity::Strict);
        let eligible: Vec<bool> = view
            .words
            .iter()
            .zip(&covered)
            .map(|(w, &c)| !w.quoted && !c && !skip_all)
            .collect();
        let unquoted: Vec<bool> = view.words.iter().map(|w| !w.quoted && !skip_all).collect();
        let mut found = claims::find(&view, &eligible, &unquoted, sensitivity);
        if is_hypothetical(&view) {
            // A condition asserts nothing but a prediction stated as certain ("If he signs,
            // Trump would certainly set back peace talks", which the guide flags) or a weasel.
            found.retain(|c| matches!(c.kind, ClaimKind::Certainty | ClaimKind::Weasel));
        }
        found.extend(
            sources
                .iter()
                .filter(|s| s.weasel && !view.words[s.verb].quoted)
                .map(|s| {
                    // The cue is "critics said"; a subject far from its verb is named alone.
                    let words = if s.verb.abs_diff(s.source.start) <= 3 {
                        s.source.start.min(s.verb)..s.source.end.max(s.verb + 1)
                    } else {
                        s.source.clone()
                    };
                    Claim {
                        kind: ClaimKind::Weasel,
                        words,
                        subject: None,
                    }
                }),
        );
        // Figures, superlatives and causes are one detail of a scene ("The attention led to
        // an invitation. He was a guest at the fair."); accusations, intents and
        // predictions open an account that the next sentences may carry on.
        let own_claim = found.iter().any(|c| {
            matches!(
                c.kind,
                ClaimKind::Contested
                    | ClaimKind::MentalState
                    | ClaimKind::Intent
                    | ClaimKind::Certainty
                    | ClaimKind::Hedge
            )
        });
        if found.is_empty()
            && account_run.is_some_and(|n| n < MAX_ACCOUNT_RUN)
            && !skip_all
            && cited == 0
            && continues_account(&view, &sources)
        {
            found.push(Claim {
                kind: ClaimKind::Account,
                words: 0..view.words.len(),
                subject: None,
            });
        }
        account_run = if skip_all {
            None
        } else if own_claim {
            Some(0)
        } else if !found.is_empty() {
            // A figure or the carried-on account itself keeps the account running.
            account_run.map(|n| n + 1)
        } else {
            None
        };
        findings.extend(to_findings(doc, &view, found, opinion));
    }
    findings
}

/// How many sentences an unsourced account may carry on for: a narrative such as the
/// steps of a plot runs a few sentences; beyond that the writer is usually telling
/// undisputed events.
const MAX_ACCOUNT_RUN: usize = 4;

/// Whether a sentence with no cue of its own carries on the account of an unsourced claim
/// in the sentence before: a report of past events ("Libya's agents then planted the
/// bomb.") with nothing attributed, quoted or sourced in it, and no first or second person
/// (the speaker's own doings and the audience are not an account needing a source).
fn continues_account(view: &SentenceView, sources: &[Source]) -> bool {
    const PERSONAL: &[&str] = &["i", "we", "me", "us", "my", "our", "you", "your"];
    !view.words.is_empty()
        && sources.is_empty()
        && !view.opens_with_quote
        && view.words.iter().all(|w| !w.quoted)
        && (0..view.words.len()).all(|i| {
            !PERSONAL.contains(&view.word(i))
                && !view.is(
                    i,
                    lexicon::class::SOURCE_NOUN | lexicon::class::REPORTING_VERB,
                )
        })
        && (0..view.words.len()).any(|i| is_past_tense(view, i))
}

/// A past-tense verb form: a lower-case word in -ed, or a common irregular past.
fn is_past_tense(view: &SentenceView, i: usize) -> bool {
    let word = view.word(i);
    let w = &view.words[i];
    if (w.capitalised && i > 0) || w.kind != crate::text::TokenKind::Word {
        return false;
    }
    // "has earned the right": a present perfect sums up; it does not narrate.
    let perfect = i > 0 && matches!(view.word(i - 1), "has" | "have");
    !perfect
        && ((word.len() > 4 && word.ends_with("ed")) || view.is(i, lexicon::class::IRREGULAR_PAST))
}

/// The quotations of a paragraph that are statements.
fn statements<'a>(doc: &Analysis, quotes: &'a [Quote], lexicon: &Lexicon) -> Vec<&'a Quote> {
    let is_verb = |w: &str| lexicon.class_of(w) & lexicon::class::REPORTING_VERB != 0;
    quotes
        .iter()
        .filter(|q| quotes::is_statement(doc, q, &is_verb))
        .collect()
}

/// Which words the attributions of a sentence cover. An attribution covers its sentence,
/// except a clause after it that opens with a comment participle (", leaving ...",
/// ", showing ...") and everything after that: that is the writer talking again.
fn coverage(view: &SentenceView, sources: &[Source]) -> Vec<bool> {
    let n_words = view.words.len();
    // The first comment clause at or after each word, found in one sweep from the right so
    // that many attributions in one long sentence stay linear.
    let mut next_comment = vec![n_words; n_words + 1];
    for i in (1..n_words).rev() {
        let opens_clause = view.words[i].clause != view.words[i - 1].clause;
        next_comment[i] = if opens_clause && view.is(i, lexicon::class::COMMENT_PARTICIPLE) {
            i
        } else {
            next_comment[i + 1]
        };
    }
    let end = sources
        .iter()
        .filter(|s| !s.weasel)
        .map(|s| next_comment[(s.verb + 1).min(n_words)])
        .max()
        .unwrap_or(0);
    let mut covered = vec![false; n_words];
    covered[..end].iter_mut().for_each(|c| *c = true);
    covered
}

/// Whether the sentence is the writer's opinion: a recommendation or judgement marker
/// outside quotations.
fn is_opinion(view: &SentenceView) -> bool {
    let mut markers = view
        .phrases
        .iter()
        .filter(|(l, _)| *l == List::Opinion)
        .peekable();
    if markers.peek().is_none() {
        return false;
    }
    // "before the conflict itself should cease": a modal in a subordinate clause is not the
    // writer recommending anything.
    let subordinate = view.after_in_clause(SUBORDINATORS);
    markers.any(|(_, m)| !subordinate[m.start] && (m.start..m.end).all(|i| !view.words[i].quoted))
}

/// Conjunctions that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "that", "if", "before", "after", "until", "unless", "lest", "whether", "when", "while",
    "though", "although", "because", "since",
];

/// One finding per clause: the most specific kind wins when a clause has several cues.
fn to_findings(
    doc: &Analysis,
    view: &SentenceView,
    mut found: Vec<Claim>,
    opinion: bool,
) -> Vec<Finding> {
    let clause_span = |claim: &Claim| -> Range<usize> {
        let first = view.clause_of(claim.words.start);
        let last = view.clause_of(claim.words.end.saturating_sub(1).max(claim.words.start));
        first.start..last.end.max(first.end)
    };
    found.sort_by_key(|c| (clause_span(c).start, c.kind));
    let mut findings = Vec::new();
    let mut last_clause: Option<Range<usize>> = None;
    for claim in found {
        let clause = clause_span(&claim);
        if last_clause
            .as_ref()
            .is_some_and(|l| l.start <= clause.start && clause.start < l.end)
        {
            continue;
        }
        let cue = doc.slice(view.byte_span(claim.words.clone()));
        let subject = claim
            .subject
            .and_then(|s| view.words.get(s))
            .filter(|w| w.name)
            .map(|w| doc.slice(w.span.clone()));
        let rule = rules::rule_for(claim.kind);
        let mut message = rules::message(claim.kind, cue, subject);
        if opinion {
            // Only strict sensitivity gets here: say why a reader may leave it alone.
            message.push_str(" (in a sentence of opinion; reported at strict sensitivity only)");
        }
        findings.push(Finding::new(rule, view.byte_span(clause.clone()), message));
        last_clause = Some(clause);
    }
    findings
}

/// The weasel-list baseline for the evaluation: every weasel phrase, with no context.
pub fn weasel_baseline(doc: &Analysis) -> Vec<Range<usize>> {
    let lexicon = &*LEXICON;
    let mut spans = Vec::new();
    for index in 0..doc.sentences.len() {
        let view = SentenceView::new(doc, index, &[], lexicon);
        for (_, m) in view.phrases.iter().filter(|(l, _)| *l == List::Weasel) {
            spans.push(view.byte_span(m.start..m.end));
        }
    }
    spans
}

/// Whether the sentence is a hypothetical: it opens with "If" or "Unless" (after any
/// connectives) and its main clause has a modal of condition ("If someone were able to
/// shut the system down, or hack inside and corrupt the data, it could affect the
/// prosecution"). Its cues, other than certainty, are left alone.
fn is_hypothetical(view: &SentenceView) -> bool {
    let first = opener(view);
    if !matches!(view.word(first), "if" | "unless") {
        return false;
    }
    let clause = view.words.get(first).map_or(0, |w| w.clause);
    (first..view.words.len()).any(|i| {
        view.words[i].clause != clause && matches!(view.word(i), "would" | "could" | "might")
    })
}
