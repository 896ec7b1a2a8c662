//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and brackets after it)
//! when whitespace and a plausible sentence start follow. Not a boundary: a title or month
//! abbreviation (`Mr.`, `Jan.`), an initial (`John M. Curtis`), dotted initials before a
//! name (`U.S. officials`, but `in the U.S. The` is a boundary), a lower-case or numeric
//! continuation, and decimals (no space follows their dot).

use crate::data::{ABBREVIATIONS, SENTENCE_STARTERS};
use std::ops::Range;

/// Sentence spans in `text[range]`, trimmed of surrounding whitespace. Absolute offsets.
pub fn split(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    let mut spans = Vec::new();
    // Where the current sentence may start: its first non-space character at or after.
    let mut from = 0;
    let mut i = 0;
    // Terminators are ASCII or `…` (0xE2 0x80 0xA6): look at those bytes only.
    while let Some(found) = bytes[i..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        i += found;
        let Some(ch) = slice[i..].chars().next() else {
            break;
        };
        if !matches!(ch, '.' | '!' | '?' | '…') {
            i += ch.len_utf8();
            continue;
        }
        // Swallow further terminators and closing punctuation: `?!`, `.”`, `.)`.
        let end = i + slice[i..]
            .char_indices()
            .find(|&(_, c)| {
                !matches!(
                    c,
                    '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
                )
            })
            .map_or(slice.len() - i, |(k, _)| k);
        let terminator = i;
        i = end;
        let rest = &slice[end..];
        let after = rest.trim_start_matches(is_space);
        if after.len() == rest.len() && !after.is_empty() {
            continue; // no space follows: "3.5", "(OC).–Meeting", "U.S.-Russian"
        }
        if ch == '.' && !ends_sentence(&slice[..terminator], after) {
            continue;
        }
        let start = first_non_space(slice, from);
        if start < end {
            spans.push(range.start + start..range.start + end);
        }
        from = end;
    }
    let start = first_non_space(slice, from);
    let trimmed = slice[start..].trim_end_matches(is_space);
    if !trimmed.is_empty() {
        spans.push(range.start + start..range.start + start + trimmed.len());
    }
    spans
}

fn first_non_space(slice: &str, from: usize) -> usize {
    let rest = &slice[from..];
    from + rest.len() - rest.trim_start_matches(is_space).len()
}

/// Unicode whitespace, no-break spaces included.
pub fn is_space(ch: char) -> bool {
    ch.is_whitespace() || matches!(ch, '\u{200B}' | '\u{FEFF}')
}

/// Whether a period after `before` ends the sentence, given the text `after` it.
fn ends_sentence(before: &str, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return true;
    };
    if next.is_lowercase()
        || next.is_ascii_digit() && !before.ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_initial || ABBREVIATIONS.contains(word) {
        return false;
    }
    // Dotted initials such as "U.S": a boundary only if a typical sentence opener follows.
    if word.contains('.') {
        let next_word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        return SENTENCE_STARTERS.contains(next_word.as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn not_fooled_by_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Mr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol. John M. Curtis wrote 3.5 pages. It rained."
            ),
            vec![
                "Mr. Smith met Sen. Jones on Jan. 5 in the U.S. Capitol.",
                "John M. Curtis wrote 3.5 pages.",
                "It rained."
            ]
        );
    }

    #[test]
    fn dotted_initials_end_a_sentence_before_an_opener() {
        assert_eq!(
            sentences("He flew to the U.S. The talks failed."),
            vec!["He flew to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“It is new.”  Rubio said so!  Really?"),
            vec!["“It is new.”", "Rubio said so!", "Really?"]
        );
    }

    #[test]
    fn no_break_spaces_count_as_space() {
        assert_eq!(
            sentences("It ended.\u{a0}\u{a0}Then it rained"),
            vec!["It ended.", "Then it rained"]
        );
    }

    #[test]
    fn lower_case_continuation_is_not_a_boundary() {
        assert_eq!(
            sentences("He left at 9 a.m. and came back."),
            vec!["He left at 9 a.m. and came back."]
        );
    }
}
