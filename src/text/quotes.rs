//! Quotations: curly and straight, double and single, possibly spanning sentences.
//!
//! Quotes are paired inside one paragraph. A quotation still open at the end of its
//! paragraph runs to that end (`closed = false`): news style opens each paragraph of a
//! long quotation without closing the one before.

use super::tokens::is_word_char;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Double,
    Single,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark to the end of the closing mark (or the paragraph).
    pub span: Range<usize>,
    /// Between the marks.
    pub inner: Range<usize>,
    pub kind: QuoteKind,
    pub closed: bool,
}

/// Quotations in `text[range]`, in order of their opening mark. Absolute offsets.
pub fn find(text: &str, range: Range<usize>) -> Vec<Quote> {
    let slice = &text[range.clone()];
    let mut quotes = Vec::new();
    // Open quotations: (kind, offset of the opening mark, its byte length).
    let mut open: Vec<(QuoteKind, usize, usize)> = Vec::new();
    // Every mark is `"`, `'` or a three-byte character starting 0xE2 (“ ” „ ‘ ’): jump
    // between those bytes instead of decoding every character.
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, slice.as_bytes()) {
        let Some(ch) = slice.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let prev = slice[..i].chars().next_back();
        let next = slice[i + ch.len_utf8()..].chars().next();
        let after_space = || prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"'".contains(p));
        let before_word_end = || next.is_none_or(|n| !is_word_char(n));
        let event = match ch {
            '“' | '„' => Some((QuoteKind::Double, true)),
            '”' => Some((QuoteKind::Double, false)),
            '"' => Some((
                QuoteKind::Double,
                !is_open(&open, QuoteKind::Double) && after_space(),
            )),
            '‘' => Some((QuoteKind::Single, true)),
            // An apostrophe inside or at the end of a word (it’s, students’) is not a quote
            // unless a single quotation is open and it is followed by a non-letter.
            '’' | '\'' if is_open(&open, QuoteKind::Single) && before_word_end() => {
                Some((QuoteKind::Single, false))
            }
            '\'' if after_space()
                && next.is_some_and(is_word_char)
                && !is_open(&open, QuoteKind::Single) =>
            {
                Some((QuoteKind::Single, true))
            }
            _ => None,
        };
        let Some((kind, opening)) = event else {
            continue;
        };
        let offset = range.start + i;
        if opening {
            open.push((kind, offset, ch.len_utf8()));
            continue;
        }
        // Close the innermost open quotation of this kind, and any opened inside it.
        if let Some(pos) = open.iter().rposition(|q| q.0 == kind) {
            let (_, start, mark_len) = open[pos];
            open.truncate(pos);
            let end = offset + ch.len_utf8();
            quotes.push(Quote {
                span: start..end,
                inner: start + mark_len..offset,
                kind,
                closed: true,
            });
        }
    }
    for (kind, start, mark_len) in open {
        if kind == QuoteKind::Double {
            let end = range.start + slice.trim_end().len();
            quotes.push(Quote {
                span: start..end,
                inner: start + mark_len..end,
                kind,
                closed: false,
            });
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

fn is_open(open: &[(QuoteKind, usize, usize)], kind: QuoteKind) -> bool {
    open.iter().any(|q| q.0 == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        find(text, 0..text.len())
            .into_iter()
            .map(|q| (&text[q.inner], q.closed))
            .collect()
    }

    #[test]
    fn curly_quotes_span_sentences() {
        assert_eq!(
            quotes("“I think it’s new.  Again, it is.” Rubio said."),
            vec![("I think it’s new.  Again, it is.", true)]
        );
    }

    #[test]
    fn straight_quotes_and_nested_singles() {
        assert_eq!(
            quotes(r#"He said "call it 'blackmail' now" and left."#),
            vec![("call it 'blackmail' now", true), ("blackmail", true)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("Ukraine’s president’s and the students’ books").is_empty());
    }

    #[test]
    fn open_quote_runs_to_paragraph_end() {
        assert_eq!(quotes("“We will go on. "), vec![("We will go on.", false)]);
    }
}
