//! One analysis pass per document version: prose, paragraphs, sentences, tokens,
//! quotations and name candidates. Every check reads this one structure.
//!
//! All spans are byte ranges into the original text; see [`markup`] for how non-prose is
//! hidden without moving offsets.

pub mod markup;
pub mod memo;
pub mod names;
pub mod people;
pub mod quotes;
pub mod sentences;
pub mod tokens;

pub use markup::{Markup, Prose};
pub use names::NameCandidate;
pub use quotes::{Quote, QuoteKind};
pub use tokens::{Token, TokenKind};

use std::ops::Range;
use std::sync::Arc;

/// A paragraph: a run of prose between blank lines or Markdown block boundaries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
    /// Indices into [`Analysis::sentences`].
    pub sentences: Range<usize>,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Indices into [`Analysis::quotes`].
    pub quotes: Range<usize>,
    /// Indices into [`Analysis::names`].
    pub names: Range<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Indices into [`Analysis::tokens`].
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// Everything the checks need to know about one version of a draft.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// The draft as written.
    pub text: String,
    pub markup: Markup,
    /// The prose view: `text` with non-prose blanked (same length).
    pub prose: Prose,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub names: Vec<NameCandidate>,
    /// Each paragraph's own parts (offsets relative to its start), shared with a
    /// server's cache; their memos outlive this analysis.
    parts: Vec<Arc<ParagraphParts>>,
    /// Values derived from the whole of this version (shared by checks within one run).
    memo: memo::Memo,
}

impl Analysis {
    pub fn new(text: &str, markup: Markup) -> Self {
        Self::build(text, markup, |prose| {
            Arc::new(ParagraphParts::analyse(prose))
        })
    }

    /// Builds the analysis from per-paragraph parts supplied by `parts_for`, given each
    /// paragraph's prose. A server passes a cache here so that only changed paragraphs are
    /// analysed again; the result is the same as [`Analysis::new`].
    pub fn build(
        text: &str,
        markup: Markup,
        parts_for: impl FnMut(&str) -> Arc<ParagraphParts>,
    ) -> Self {
        Self::build_reusing(Buffers::default(), text, markup, parts_for)
    }

    /// [`Analysis::build`] into the buffers of an earlier analysis
    /// ([`Analysis::into_buffers`]): a long draft's arrays are then not allocated and
    /// faulted in again on every keystroke.
    pub fn build_reusing(
        buffers: Buffers,
        text: &str,
        markup: Markup,
        mut parts_for: impl FnMut(&str) -> Arc<ParagraphParts>,
    ) -> Self {
        let Buffers {
            text: mut own_text,
            prose,
            mut paragraphs,
            mut sentences,
            mut tokens,
            mut quotes,
            mut names,
            parts: mut all_parts,
        } = buffers;
        own_text.clear();
        own_text.push_str(text);
        let prose = Prose::from_text_into(prose, text, markup);
        let spans = paragraph_spans(&prose);
        paragraphs.clear();
        sentences.clear();
        tokens.clear();
        quotes.clear();
        names.clear();
        all_parts.clear();
        all_parts.extend(
            spans
                .iter()
                .map(|span| parts_for(&prose.text[span.clone()])),
        );
        // Sized once: growing these while copying a long draft's paragraphs in was a
        // tenth of a keystroke's work.
        let total = |count: fn(&ParagraphParts) -> usize| all_parts.iter().map(|p| count(p)).sum();
        paragraphs.reserve_exact(spans.len());
        tokens.reserve_exact(total(|p| p.tokens.len()));
        sentences.reserve_exact(total(|p| p.sentences.len()));
        quotes.reserve_exact(total(|p| p.quotes.len()));
        names.reserve_exact(total(|p| p.names.len()));
        let mut analysis = Analysis {
            text: own_text,
            markup,
            prose,
            paragraphs,
            sentences,
            tokens,
            quotes,
            names,
            parts: Vec::new(),
            memo: memo::Memo::default(),
        };
        for (span, parts) in spans.into_iter().zip(&all_parts) {
            analysis.push_paragraph(span, parts);
        }
        analysis.parts = all_parts;
        analysis
    }

    /// Gives back this analysis's allocations for [`Analysis::build_reusing`]. The
    /// paragraphs' parts are let go (a cache keeps the ones it wants), their list kept.
    pub fn into_buffers(self) -> Buffers {
        let mut parts = self.parts;
        parts.clear();
        Buffers {
            text: self.text,
            prose: self.prose.text,
            paragraphs: self.paragraphs,
            sentences: self.sentences,
            tokens: self.tokens,
            quotes: self.quotes,
            names: self.names,
            parts,
        }
    }

    /// A value computed from paragraph `paragraph` alone and kept with its parts, so that
    /// a server computes it once per version of the paragraph, not once per keystroke.
    ///
    /// `compute` must depend only on that paragraph's prose (its tokens, sentences,
    /// quotes, names) and on the configuration (a server drops its parts when that
    /// changes), and the value must hold offsets relative to the paragraph's start and
    /// indices relative to its first token, sentence, quote and name: the same paragraph
    /// may sit elsewhere in the next version. One value per type `T` per paragraph.
    pub fn paragraph_memo<T: std::any::Any + Send + Sync>(
        &self,
        paragraph: usize,
        compute: impl FnOnce() -> T,
    ) -> Arc<T> {
        match self.parts.get(paragraph) {
            Some(parts) => parts.memo.get_or_insert(compute),
            None => Arc::new(compute()),
        }
    }

    /// A value derived from the whole draft, computed once per analysis (checks that
    /// need the same draft-wide structure share it).
    pub fn document_memo<T: std::any::Any + Send + Sync>(
        &self,
        compute: impl FnOnce() -> T,
    ) -> Arc<T> {
        self.memo.get_or_insert(compute)
    }

    /// The prose view of the text (non-prose blanked).
    pub fn prose(&self) -> &str {
        &self.prose.text
    }

    /// The original text of a span.
    pub fn slice(&self, span: Range<usize>) -> &str {
        self.text.get(span).unwrap_or("")
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .map_or("", |t| self.slice(t.span.clone()))
    }

    /// The sentence that contains a byte offset.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.span.end <= offset);
        (idx < self.sentences.len() && self.sentences[idx].span.start <= offset).then_some(idx)
    }

    /// Tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        self.sentences
            .get(sentence)
            .map_or(&[], |s| &self.tokens[s.tokens.clone()])
    }

    /// Appends one paragraph's parts, moving their offsets to the paragraph's place.
    fn push_paragraph(&mut self, span: Range<usize>, parts: &ParagraphParts) {
        let index = self.paragraphs.len();
        let (base, token_base) = (span.start, self.tokens.len());
        let (first_sentence, first_quote, first_name) =
            (self.sentences.len(), self.quotes.len(), self.names.len());
        let at = |r: &Range<usize>| r.start + base..r.end + base;
        let tok = |r: &Range<usize>| r.start + token_base..r.end + token_base;
        self.tokens.extend(parts.tokens.iter().map(|t| Token {
            span: at(&t.span),
            kind: t.kind,
        }));
        self.sentences
            .extend(parts.sentences.iter().map(|s| Sentence {
                span: at(&s.span),
                tokens: tok(&s.tokens),
                paragraph: index,
            }));
        self.quotes.extend(parts.quotes.iter().map(|q| Quote {
            span: at(&q.span),
            inner: at(&q.inner),
            kind: q.kind,
            closed: q.closed,
        }));
        self.names.extend(parts.names.iter().map(|n| NameCandidate {
            span: at(&n.span),
            title: n.title.as_ref().map(at),
            name: n.name.as_ref().map(at),
            name_words: n.name_words.iter().map(at).collect(),
            possessive: n.possessive,
            sentence_initial: n.sentence_initial,
            tokens: tok(&n.tokens),
        }));
        self.paragraphs.push(Paragraph {
            span,
            sentences: first_sentence..self.sentences.len(),
            tokens: token_base..self.tokens.len(),
            quotes: first_quote..self.quotes.len(),
            names: first_name..self.names.len(),
        });
    }
}

/// The allocations of a finished [`Analysis`], kept for the next one.
#[derive(Default)]
pub struct Buffers {
    text: String,
    prose: String,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    quotes: Vec<Quote>,
    names: Vec<NameCandidate>,
    parts: Vec<Arc<ParagraphParts>>,
}

/// One paragraph analysed on its own, offsets relative to its start. It depends only on
/// the paragraph's prose, which is what lets a server cache it by that text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphParts {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub names: Vec<NameCandidate>,
    /// What checks derived from this paragraph ([`Analysis::paragraph_memo`]).
    pub memo: memo::Memo,
}

impl ParagraphParts {
    /// Analyses the prose of one paragraph.
    pub fn analyse(prose: &str) -> Self {
        let mut parts = Self::default();
        for sentence_span in sentences::split(prose, 0..prose.len()) {
            let token_start = parts.tokens.len();
            tokens::tokenize(prose, sentence_span.clone(), &mut parts.tokens);
            parts.sentences.push(Sentence {
                span: sentence_span,
                tokens: token_start..parts.tokens.len(),
                paragraph: 0,
            });
        }
        parts.quotes = quotes::find(prose, 0..prose.len());
        for sentence in &parts.sentences {
            names::find(
                prose,
                &parts.tokens,
                sentence.tokens.clone(),
                &mut parts.names,
            );
        }
        parts
    }
}

/// Paragraph spans: prose split at blank lines and block boundaries, trimmed, non-empty.
fn paragraph_spans(prose: &Prose) -> Vec<Range<usize>> {
    let text = prose.text.as_str();
    let mut spans = Vec::new();
    let mut breaks = prose.block_breaks.iter().copied().peekable();
    let mut start = 0;
    let mut line_start = 0;
    let push = |from: usize, to: usize, spans: &mut Vec<Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start_matches(sentences::is_space).len();
        let body = piece.trim_matches(sentences::is_space);
        if !body.is_empty() {
            spans.push(from + lead..from + lead + body.len());
        }
    };
    let mut take_breaks_upto = |offset: usize, start: &mut usize, spans: &mut Vec<Range<usize>>| {
        while let Some(&b) = breaks.peek() {
            if b > offset {
                break;
            }
            breaks.next();
            if b > *start {
                push(*start, b, spans);
                *start = b;
            }
        }
    };
    // Only line ends matter: jump between them.
    for offset in memchr::memchr2_iter(b'\n', b'\r', text.as_bytes()) {
        take_breaks_upto(offset, &mut start, &mut spans);
        // A blank (whitespace-only) line ends the paragraph.
        if text[line_start..offset]
            .trim_matches(sentences::is_space)
            .is_empty()
            && line_start > start
        {
            push(start, line_start, &mut spans);
            start = offset;
        }
        line_start = offset + 1;
    }
    take_breaks_upto(text.len().saturating_sub(1), &mut start, &mut spans);
    push(start, text.len(), &mut spans);
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_blank_lines_with_indentation() {
        let text = "One. Two.\n\n            Three “four.\nFive.”\n   \nSix";
        let a = Analysis::new(text, Markup::Plain);
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| &text[p.span.clone()]).collect();
        assert_eq!(paras, vec!["One. Two.", "Three “four.\nFive.”", "Six"]);
        assert_eq!(a.sentences.len(), 5);
        assert_eq!(a.quotes.len(), 1);
    }

    #[test]
    fn markdown_blocks_are_paragraphs() {
        let text = "# Title here\nBody text.\n\n- one item\n- two item\n";
        let a = Analysis::new(text, Markup::Markdown);
        let paras: Vec<&str> = a.paragraphs.iter().map(|p| &text[p.span.clone()]).collect();
        assert_eq!(
            paras,
            vec!["Title here", "Body text.", "one item", "two item"]
        );
    }

    #[test]
    fn sentence_at_finds_containing_sentence() {
        let a = Analysis::new("One two. Three four.", Markup::Plain);
        assert_eq!(a.sentence_at(0), Some(0));
        assert_eq!(a.sentence_at(10), Some(1));
        assert_eq!(a.sentence_at(8), None);
    }
}
