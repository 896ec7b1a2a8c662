//! Reference markers: a bracketed number ("[4]", "[13,14]") or note letter ("[a]") after a
//! clause cites a document for it, as footnotes do in encyclopedias and papers. The words
//! before the last marker of a sentence are attributed, and all of them when a marker
//! follows the sentence ("... in 1883. [2]").

use super::sentence::SentenceView;
use crate::text::TokenKind;

/// How many leading words of the sentence a reference marker covers: 0 when it has none.
/// `text` is the draft's prose, which the sentence's spans index.
pub fn cited_prefix(view: &SentenceView, text: &str) -> usize {
    if follows(text, view.span.end) {
        return view.words.len();
    }
    let mut covered = 0;
    let mut previous_end = view.span.start;
    for (i, word) in view.words.iter().enumerate() {
        let before = text.get(previous_end..word.span.start).unwrap_or("");
        previous_end = word.span.end;
        if !before.trim_end().ends_with('[') || !is_marker_body(view, i) {
            continue;
        }
        let after = text.get(word.span.end..).unwrap_or("");
        if after.starts_with(']') || after.starts_with(',') {
            covered = i + 1;
        }
    }
    covered
}

/// Whether the marker's inside is a number or a single lower-case note letter.
fn is_marker_body(view: &SentenceView, i: usize) -> bool {
    let word = view.word(i);
    match view.words[i].kind {
        TokenKind::Number => true,
        TokenKind::Word => word.len() == 1 && !view.words[i].capitalised,
        _ => false,
    }
}

/// Whether a reference marker ("[2]", "[13,14]") starts right after byte `end`, past
/// spaces. Bounded: a marker is a few characters long.
fn follows(text: &str, end: usize) -> bool {
    const MAX_MARKER: usize = 12;
    let rest = text
        .get(end..)
        .unwrap_or("")
        .trim_start_matches([' ', '\t']);
    let Some(inner) = rest.strip_prefix('[') else {
        return false;
    };
    let body: String = inner
        .chars()
        .take(MAX_MARKER)
        .take_while(|&c| c != ']')
        .collect();
    !body.is_empty()
        && body.len() < MAX_MARKER
        && inner[body.len()..].starts_with(']')
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')
        && body.chars().any(|c| c.is_ascii_digit())
}
