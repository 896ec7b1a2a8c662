//! The words the speller looks at: word tokens, split at hyphens, without a possessive
//! ending, each with its letter case and where it sits (sentence start, quotation).

use crate::text::Analysis;
use crate::text::names::strip_possessive;
use crate::text::tokens::{TokenKind, is_hyphen};
use std::ops::Range;

/// The letter case of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `receive`
    Lower,
    /// `Istanbul`
    Capitalised,
    /// `NATO`
    AllCaps,
    /// `iPhone`, `McGuire`: brands and names; the speller leaves them alone.
    Mixed,
}

#[derive(Clone, Debug)]
pub struct Word<'a> {
    /// The word's bytes in the draft (possessive ending excluded).
    pub span: Range<usize>,
    pub text: &'a str,
    pub shape: Shape,
    /// First word of its sentence (or of a quotation): a capital there says nothing.
    pub sentence_initial: bool,
    /// Inside a quotation, where foreign words are quoted as spoken.
    pub in_quote: bool,
    /// Part of a hyphenated compound.
    pub in_compound: bool,
    /// The whole word token (the compound, possessive excluded).
    pub token: Range<usize>,
}

/// The words of a paragraph, in order. Tokens that are not words (URLs, e-mail
/// addresses, domains, handles, tags, numbers, `5km`) never appear.
pub fn of_paragraph(doc: &Analysis, paragraph: usize) -> Vec<Word<'_>> {
    let Some(para) = doc.paragraphs.get(paragraph) else {
        return Vec::new();
    };
    let quotes = &doc.quotes[para.quotes.clone()];
    let mut out = Vec::new();
    for sentence in &doc.sentences[para.sentences.clone()] {
        let mut first = true;
        for token in &doc.tokens[sentence.tokens.clone()] {
            if token.kind != TokenKind::Word {
                first = false;
                continue;
            }
            let opens_quote = quotes.iter().any(|q| {
                q.inner.start <= token.span.start
                    && doc.prose()[q.inner.start..token.span.start]
                        .trim()
                        .is_empty()
            });
            let in_quote = quotes
                .iter()
                .any(|q| q.inner.start <= token.span.start && token.span.end <= q.inner.end);
            let token_text = doc.slice(token.span.clone());
            let text = strip_possessive(token_text);
            let in_compound = text.contains(is_hyphen);
            let mut offset = token.span.start;
            for part in text.split(is_hyphen) {
                let span = offset..offset + part.len();
                offset = span.end + part_separator_len(&text[span.end - token.span.start..]);
                if part.is_empty() {
                    continue;
                }
                out.push(Word {
                    span,
                    text: part,
                    shape: shape(part),
                    sentence_initial: first || opens_quote,
                    in_quote,
                    in_compound,
                    token: token.span.start..token.span.start + text.len(),
                });
            }
            first = false;
        }
    }
    out
}

fn part_separator_len(rest: &str) -> usize {
    rest.chars()
        .next()
        .filter(|c| is_hyphen(*c))
        .map_or(0, char::len_utf8)
}

pub fn shape(word: &str) -> Shape {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return Shape::Lower;
    };
    // Counted, not collected: this runs for every word of every draft.
    let (rest, rest_upper) = letters.fold((0usize, 0usize), |(n, upper), c| {
        (n + 1, upper + usize::from(c.is_uppercase()))
    });
    match (first.is_uppercase(), rest_upper) {
        (true, n) if n == rest && rest > 0 => Shape::AllCaps,
        (true, 0) => Shape::Capitalised,
        (false, 0) => Shape::Lower,
        _ => Shape::Mixed,
    }
}

/// Latin letters (with accents) and apostrophes only: the dictionaries are English, so a
/// word in another script is left alone.
pub fn is_latin(word: &str) -> bool {
    word.chars().all(|c| {
        c.is_ascii_alphabetic()
            || matches!(c, '\'' | '’' | 'ʼ')
            || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Markup;

    #[test]
    fn words_split_compounds_and_mark_position() {
        let text = "Zelensky’s pro-Western stance. “Nyet,” he said to NATO.";
        let doc = Analysis::new(text, Markup::Plain);
        let words = of_paragraph(&doc, 0);
        let seen: Vec<(&str, Shape, bool, bool)> = words
            .iter()
            .map(|w| {
                (
                    &text[w.span.clone()],
                    w.shape,
                    w.sentence_initial,
                    w.in_quote,
                )
            })
            .collect();
        assert_eq!(
            seen,
            vec![
                ("Zelensky", Shape::Capitalised, true, false),
                ("pro", Shape::Lower, false, false),
                ("Western", Shape::Capitalised, false, false),
                ("stance", Shape::Lower, false, false),
                ("Nyet", Shape::Capitalised, true, true),
                ("he", Shape::Lower, false, false),
                ("said", Shape::Lower, false, false),
                ("to", Shape::Lower, false, false),
                ("NATO", Shape::AllCaps, false, false),
            ]
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("iPhone"), Shape::Mixed);
        assert_eq!(shape("McGuire"), Shape::Mixed);
        assert_eq!(shape("EU"), Shape::AllCaps);
        assert_eq!(shape("I"), Shape::Capitalised);
        assert!(is_latin("Erdoğan"));
        assert!(!is_latin("Зеленський"));
    }
}
