//! `attribution.orphan-quote`: a quoted statement with no speaker in its sentences or the
//! sentence before or after, even across paragraphs.
//!
//! What a paragraph says of its own quotations is kept with it ([`Analysis::paragraph_memo`]):
//! after an edit only the changed paragraphs are read again, and the draft-wide pass joins
//! each quotation to the paragraphs beside it.

use super::lexicon::{self, LEXICON, Lexicon};
use super::sentence::{self, SentenceView};
use super::{rules, sources, statements};
use crate::finding::Finding;
use crate::text::{Analysis, Quote};
use std::ops::Range;

/// Quoted statements with no speaker.
pub fn find(doc: &Analysis) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut previous_paragraph_quote_attributed = false;
    for (paragraph, para) in doc.paragraphs.iter().enumerate() {
        let local = doc.paragraph_memo(paragraph, || ParagraphQuotes::read(doc, paragraph));
        let base = para.span.start;
        let mut last_attributed = false;
        for quote in &local.quotes {
            let has_speaker = (quote.at_paragraph_start && previous_paragraph_quote_attributed)
                || quote.speaker_here
                || (quote.reaches_back && edge_attributed(doc, para.sentences.start, Edge::Before))
                || (quote.reaches_forward && edge_attributed(doc, para.sentences.end, Edge::After));
            last_attributed = has_speaker;
            if !has_speaker {
                let inner = quote.inner.start + base..quote.inner.end + base;
                findings.push(Finding::new(
                    &rules::ORPHAN_QUOTE,
                    quote.span.start + base..quote.span.end + base,
                    rules::orphan_message(&excerpt(doc.slice(inner))),
                ));
            }
        }
        previous_paragraph_quote_attributed = last_attributed;
    }
    findings
}

/// Which side of a paragraph a neighbouring sentence lies on.
#[derive(Clone, Copy)]
enum Edge {
    Before,
    After,
}

/// Whether the sentence just before `boundary` (the last of the previous paragraph) or at
/// it (the first of the next) is attributed.
fn edge_attributed(doc: &Analysis, boundary: usize, edge: Edge) -> bool {
    let sentence = match edge {
        Edge::Before => boundary.checked_sub(1),
        Edge::After => Some(boundary),
    };
    let Some(paragraph) = sentence
        .and_then(|s| doc.sentences.get(s))
        .map(|s| s.paragraph)
    else {
        return false;
    };
    let edges = doc.paragraph_memo(paragraph, || Edges::read(doc, paragraph));
    match edge {
        Edge::Before => edges.last,
        Edge::After => edges.first,
    }
}

/// A paragraph's statements and what the paragraph alone says of their speakers; offsets
/// relative to the paragraph's start.
struct ParagraphQuotes {
    quotes: Vec<LocalQuote>,
}

struct LocalQuote {
    span: Range<usize>,
    inner: Range<usize>,
    /// A speaker within the paragraph: an attributed sentence among its own and the ones
    /// beside them, or a speech verb beside it.
    speaker_here: bool,
    /// It opens the paragraph: a paragraph continuing an attributed quotation needs no
    /// speaker of its own.
    at_paragraph_start: bool,
    /// Its first sentence opens the paragraph, so the sentence before is the previous
    /// paragraph's last.
    reaches_back: bool,
    /// Its last sentence ends the paragraph, so the sentence after is the next one's first.
    reaches_forward: bool,
}

impl ParagraphQuotes {
    fn read(doc: &Analysis, paragraph: usize) -> Self {
        let mut reader = Reader::new(doc, paragraph);
        let para = &doc.paragraphs[paragraph];
        let sentences = para.sentences.clone();
        let statements = reader.statements.clone();
        let quotes = statements
            .into_iter()
            .filter_map(|quote| {
                let first = doc.sentence_at(quote.span.start)?;
                let last = doc.sentence_at(quote.span.end.saturating_sub(1))?;
                let reaches_back = first == sentences.start;
                let reaches_forward = last + 1 == sentences.end;
                let neighbours =
                    first.saturating_sub(1).max(sentences.start)..(last + 2).min(sentences.end);
                let speaker_here = neighbours.clone().any(|s| reader.attributed(s))
                    || reader.speech_verb_beside(first, last, quote);
                let relative =
                    |r: &Range<usize>| r.start - para.span.start..r.end - para.span.start;
                Some(LocalQuote {
                    span: relative(&quote.span),
                    inner: relative(&quote.inner),
                    speaker_here,
                    at_paragraph_start: quote.span.start == para.span.start,
                    reaches_back,
                    reaches_forward,
                })
            })
            .collect();
        Self { quotes }
    }
}

/// Whether a paragraph's first and last sentences are attributed (read only when a
/// quotation in the paragraph before or after needs it).
struct Edges {
    first: bool,
    last: bool,
}

impl Edges {
    fn read(doc: &Analysis, paragraph: usize) -> Self {
        let sentences = doc.paragraphs[paragraph].sentences.clone();
        let mut reader = Reader::new(doc, paragraph);
        Self {
            first: !sentences.is_empty() && reader.attributed(sentences.start),
            last: !sentences.is_empty() && reader.attributed(sentences.end - 1),
        }
    }
}

/// One paragraph's sentences read for attributions, each at most once.
struct Reader<'a> {
    doc: &'a Analysis,
    lexicon: &'a Lexicon,
    paragraph: usize,
    statements: Vec<&'a Quote>,
    quoted: Option<Vec<bool>>,
    /// Per sentence of the paragraph, from its first.
    attributed: Vec<Option<bool>>,
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Analysis, paragraph: usize) -> Self {
        let lexicon = &*LEXICON;
        let para = &doc.paragraphs[paragraph];
        Self {
            doc,
            lexicon,
            paragraph,
            statements: statements(doc, &doc.quotes[para.quotes.clone()], lexicon),
            quoted: None,
            attributed: vec![None; para.sentences.len()],
        }
    }

    fn view(&mut self, sentence: usize) -> SentenceView {
        let (doc, paragraph, statements) = (self.doc, self.paragraph, &self.statements);
        let quoted = self
            .quoted
            .get_or_insert_with(|| sentence::quoted_tokens(doc, paragraph, statements));
        SentenceView::new(doc, sentence, quoted, self.lexicon)
    }

    fn attributed(&mut self, sentence: usize) -> bool {
        let index = sentence - self.doc.paragraphs[self.paragraph].sentences.start;
        if let Some(Some(known)) = self.attributed.get(index) {
            return *known;
        }
        let view = self.view(sentence);
        let attributed = sources::find(&view).iter().any(|s| !s.weasel);
        if let Some(slot) = self.attributed.get_mut(index) {
            *slot = Some(attributed);
        }
        attributed
    }

    /// Whether a speech verb stands right beside the quotation in its own sentences, with
    /// any subject: the guide takes "“This is blackmail,” the letter continued." as
    /// attributed though a letter is no named source.
    fn speech_verb_beside(&mut self, first: usize, last: usize, quote: &Quote) -> bool {
        (first..=last).any(|sentence| {
            let view = self.view(sentence);
            let is_speech_verb = |i: usize| {
                !view.words[i].quoted
                    && (view.is(i, lexicon::class::REPORTING_VERB)
                        || SPEECH_VERBS.contains(&view.word(i)))
                    && !(i > 0 && matches!(view.word(i - 1), "is" | "was" | "were" | "be"))
            };
            let after = view
                .words
                .iter()
                .position(|w| w.span.start >= quote.span.end)
                .map_or(0..0, |a| a..(a + SPEECH_VERB_AFTER).min(view.words.len()));
            let before_end = view
                .words
                .iter()
                .position(|w| w.span.end > quote.span.start)
                .unwrap_or(view.words.len());
            let before = before_end.saturating_sub(SPEECH_VERB_BEFORE)..before_end;
            after.chain(before).any(is_speech_verb)
        })
    }
}

/// Verbs that introduce a quotation though they report no claim of their own: "the
/// letter continued", "the sign read", "one poster writing".
const SPEECH_VERBS: &[&str] = &[
    "continued",
    "continues",
    "reasoned",
    "reads",
    "read",
    "posted",
    "posting",
    "wrote",
    "writing",
    "went",
    "goes",
    "added",
    "asked",
    "exclaimed",
    "shouted",
    "chanted",
];

/// How near a quotation its speech verb stands: "“...,” the letter continued" (after),
/// "one poster on the forum writing: “...”" (before).
const SPEECH_VERB_AFTER: usize = 4;
const SPEECH_VERB_BEFORE: usize = 6;

/// The first words of a quotation, for a message.
fn excerpt(inner: &str) -> String {
    const WORDS: usize = 6;
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}
