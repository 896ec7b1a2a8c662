//! A sentence as the attribution rules see it: its words in lower case, which of them are
//! inside a quoted statement, which clause each belongs to, and which start a name.

use super::lexicon::{Lexicon, List};
use super::phrases::PhraseMatch;
use crate::text::tokens::{TokenKind, is_apostrophe};
use crate::text::{Analysis, Quote};
use std::ops::Range;

/// One word of a sentence.
#[derive(Clone, Debug)]
pub struct Word {
    /// Byte span in the draft.
    pub span: Range<usize>,
    pub kind: TokenKind,
    /// Starts with a capital letter.
    pub capitalised: bool,
    /// Inside a quoted statement (not a scare-quoted term).
    pub quoted: bool,
    /// Part of a name candidate (person, title, organisation), from the shared analysis.
    pub name: bool,
    /// Clause number within the sentence: clauses are separated by , ; : ( ) and dashes.
    pub clause: usize,
}

/// The words of one sentence, with a lower-case copy for list lookups.
#[derive(Debug)]
pub struct SentenceView {
    pub span: Range<usize>,
    pub words: Vec<Word>,
    /// Lower case, curly apostrophes made straight: `zelensky's`.
    pub lower: Vec<String>,
    /// Each word's [`super::lexicon::class`] bits from the single-word lists.
    pub classes: Vec<u16>,
    /// Word ranges of the clauses, by clause number.
    pub clauses: Vec<Range<usize>>,
    /// Every phrase of the lists found in the sentence (quoted words included).
    pub phrases: Vec<(List, PhraseMatch)>,
    /// Whether the sentence ends with a question mark (it asserts nothing).
    pub question: bool,
    /// Whether the sentence opens with a quotation mark.
    pub opens_with_quote: bool,
}

impl SentenceView {
    /// Builds the view of sentence `index`; `quoted` says, for each token of its paragraph,
    /// whether a quoted statement holds it (see [`quoted_tokens`]).
    pub fn new(doc: &Analysis, index: usize, quoted: &[bool], lexicon: &Lexicon) -> Self {
        let sentence = &doc.sentences[index];
        let text = doc.prose();
        let paragraph = &doc.paragraphs[sentence.paragraph];
        let names = &doc.names[paragraph.names.clone()];
        let mut words = Vec::new();
        let mut lower = Vec::new();
        let mut clause = 0;
        let mut previous_end = sentence.span.start;
        // Names are in token order: start at the first that does not end before us, so a
        // long paragraph costs no more than its sentences.
        let mut name_cursor = names.partition_point(|n| n.tokens.end <= sentence.tokens.start);
        for token_index in sentence.tokens.clone() {
            let token = &doc.tokens[token_index];
            let gap = text.get(previous_end..token.span.start).unwrap_or("");
            if !words.is_empty() && gap.chars().any(is_clause_break) {
                clause += 1;
            }
            previous_end = token.span.end;
            let word_text = text.get(token.span.clone()).unwrap_or("");
            while name_cursor < names.len() && names[name_cursor].tokens.end <= token_index {
                name_cursor += 1;
            }
            let name = names
                .get(name_cursor)
                .is_some_and(|n| n.tokens.contains(&token_index));
            let quoted = quoted
                .get(token_index - paragraph.tokens.start)
                .copied()
                .unwrap_or(false);
            words.push(Word {
                span: token.span.clone(),
                kind: token.kind,
                capitalised: word_text.chars().next().is_some_and(char::is_uppercase),
                quoted,
                name,
                clause,
            });
            lower.push(normalise(word_text));
        }
        let sentence_text = text.get(sentence.span.clone()).unwrap_or("");
        let trimmed = sentence_text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '”' | '"' | '’' | '\'' | ')')
        });
        let mut clauses: Vec<Range<usize>> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            match clauses.get_mut(word.clause) {
                Some(range) => range.end = i + 1,
                None => clauses.push(i..i + 1),
            }
        }
        let classes = lower.iter().map(|w| lexicon.class_of(w)).collect();
        let refs: Vec<&str> = lower.iter().map(String::as_str).collect();
        let phrases = lexicon.phrases.find_all(&refs);
        Self {
            classes,
            clauses,
            phrases,
            span: sentence.span.clone(),
            words,
            lower,
            question: trimmed.ends_with('?'),
            opens_with_quote: sentence_text.starts_with(['“', '"', '‘', '\'']),
        }
    }

    /// Whether word `index` is in a single-word list ([`super::lexicon::class`] bits).
    pub fn is(&self, index: usize, class: u16) -> bool {
        self.classes.get(index).is_some_and(|c| c & class != 0)
    }

    pub fn word(&self, index: usize) -> &str {
        self.lower.get(index).map_or("", String::as_str)
    }

    /// Word indices of the clause holding word `index`.
    pub fn clause_of(&self, index: usize) -> Range<usize> {
        self.words
            .get(index)
            .and_then(|w| self.clauses.get(w.clause))
            .cloned()
            .unwrap_or(index..index)
    }

    /// For each word, whether one of `markers` comes before it in its clause ("if" before
    /// "wants"). One sweep, so a long clause costs no more than its words.
    pub fn after_in_clause(&self, markers: &[&str]) -> Vec<bool> {
        let mut seen = false;
        let mut clause = usize::MAX;
        self.words
            .iter()
            .zip(&self.lower)
            .map(|(word, lower)| {
                if word.clause != clause {
                    clause = word.clause;
                    seen = false;
                }
                let before = seen;
                seen |= markers.contains(&lower.as_str());
                before
            })
            .collect()
    }

    /// Byte span from the start of word `start` to the end of word `end - 1`.
    pub fn byte_span(&self, words: Range<usize>) -> Range<usize> {
        match (
            self.words.get(words.start),
            self.words.get(words.end.saturating_sub(1)),
        ) {
            (Some(first), Some(last)) if words.start < words.end => first.span.start..last.span.end,
            _ => self.span.clone(),
        }
    }
}

/// For each token of a paragraph, whether it lies inside one of `statements` (sorted by
/// start). Costs the tokens inside quotations, found by binary search.
pub fn quoted_tokens(doc: &Analysis, paragraph: usize, statements: &[&Quote]) -> Vec<bool> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let tokens = &doc.tokens[para.tokens.clone()];
    let mut quoted = vec![false; tokens.len()];
    for quote in statements {
        let first = tokens.partition_point(|t| t.span.start < quote.inner.start);
        for (offset, token) in tokens[first..].iter().enumerate() {
            if token.span.end > quote.inner.end {
                break;
            }
            quoted[first + offset] = true;
        }
    }
    quoted
}

/// Punctuation that separates clauses.
fn is_clause_break(ch: char) -> bool {
    matches!(ch, ',' | ';' | ':' | '(' | ')' | '—' | '–')
}

/// Lower case, with curly apostrophes straightened so lists need one spelling.
fn normalise(word: &str) -> String {
    // Most words are ASCII: lower-case them byte by byte.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.chars()
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}
