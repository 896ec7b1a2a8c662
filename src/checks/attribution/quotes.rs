//! Quotations: which are statements (not scare-quoted terms or titles), and whether each
//! statement has a speaker.

use crate::text::{Analysis, Quote, QuoteKind};

/// Words a quoted term may have and still be a term in the middle of a sentence:
/// "called the memorandum “blackmail”", "a “substantive and frank exchange”".
const LONGEST_TERM_WORDS: usize = 8;

/// A quotation this short needs sentence punctuation inside to count as a statement.
const SHORT_PHRASE_WORDS: usize = 3;

/// Whether a quotation is someone's statement rather than a term, title or scare quote.
///
/// A statement stands where speech stands: at the start of a sentence or paragraph, after
/// a colon or comma, or after a reporting verb or "that". A quotation glued into a noun
/// phrase ("the “memorandum”", "at the “Top of the Spear.”") is a term, unless it is long.
pub fn is_statement(doc: &Analysis, quote: &Quote, reporting_verbs: &dyn Fn(&str) -> bool) -> bool {
    if quote.kind != QuoteKind::Double {
        return false;
    }
    let inner = doc.prose().get(quote.inner.clone()).unwrap_or("");
    let n_words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if n_words < 2 {
        return false;
    }
    let ends_like_speech = inner
        .trim_end()
        .ends_with(['.', '!', '?', ',', '…', ';', ':']);
    // A title ("The Jenna Julien Podcast", "Adam vs. Eve") or a short phrase without
    // sentence punctuation ("think again") is named, not said.
    let capitalised = inner
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if !ends_like_speech && (capitalised * 3 >= n_words * 2 || n_words <= SHORT_PHRASE_WORDS) {
        return false;
    }
    if n_words > LONGEST_TERM_WORDS {
        return true;
    }
    // Only the quotation's own paragraph is read, so that a paragraph's findings depend on
    // that paragraph alone: its start counts as the start of speech.
    let following = doc
        .paragraphs
        .partition_point(|p| p.span.start <= quote.span.start);
    let paragraph_start = following
        .checked_sub(1)
        .and_then(|i| doc.paragraphs.get(i))
        .map_or(0, |p| p.span.start);
    let before = doc
        .prose()
        .get(paragraph_start..quote.span.start)
        .unwrap_or("");
    let before = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
    match before.chars().next_back() {
        None | Some('\n' | ':' | ',' | '.' | '!' | '?' | '—' | '–' | ';') => true,
        Some(_) => {
            let last_word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            last_word == "that" || reporting_verbs(&last_word)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Markup;

    fn statements(text: &str) -> Vec<bool> {
        let doc = Analysis::new(text, Markup::Plain);
        doc.quotes
            .iter()
            .map(|q| is_statement(&doc, q, &|w| w == "said"))
            .collect()
    }

    #[test]
    fn scare_quotes_and_titles_are_terms() {
        assert_eq!(
            statements(
                "Putin revealed his “memorandum” and called it a “substantive and frank exchange.”"
            ),
            vec![false, false]
        );
    }

    #[test]
    fn quotations_in_speech_positions_are_statements() {
        assert_eq!(
            statements(
                "“This changes everything.” Then he said “we are done here.” His book titled “The Long Road Home” sold."
            ),
            vec![true, true, false]
        );
    }
}
