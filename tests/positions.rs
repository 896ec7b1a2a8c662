//! Property tests for the document model: incremental edits and position conversion on
//! text full of curly quotes, dashes, Cyrillic, emoji, combining marks and mixed line
//! breaks.

use copydesk::document::{Document, LineCol, PositionEncoding, TextChange, offset_at, position_at};
use proptest::prelude::*;
use ropey::Rope;

const ENCODINGS: [PositionEncoding; 3] = [
    PositionEncoding::Utf8,
    PositionEncoding::Utf16,
    PositionEncoding::Utf32,
];

/// Pieces drafts are made of, the awkward ones over-represented.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("word ".to_string()),
        Just("“quoted”".to_string()),
        Just("’s".to_string()),
        Just(" — ".to_string()),
        Just("Зеленський".to_string()),
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{a0}".to_string()),
        "[a-z ]{0,6}",
    ]
}

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|v| v.concat())
}

/// The reference: positions computed by walking the string from the top.
fn naive_position(text: &str, byte_offset: usize, encoding: PositionEncoding) -> LineCol {
    let mut line = 0;
    let mut col = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if i >= byte_offset {
            break;
        }
        match ch {
            '\n' => (line, col) = (line + 1, 0),
            '\r' if chars.peek().is_some_and(|&(_, c)| c == '\n') => {}
            '\r' => (line, col) = (line + 1, 0),
            _ => {
                col += match encoding {
                    PositionEncoding::Utf8 => ch.len_utf8(),
                    PositionEncoding::Utf16 => ch.len_utf16(),
                    PositionEncoding::Utf32 => 1,
                } as u32
            }
        }
    }
    LineCol { line, col }
}

/// Where a byte offset lands: a char boundary at or before it (ropey never splits a char).
fn floor_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_char_boundary_round_trips_and_matches_the_reference(text in draft()) {
        let rope = Rope::from_str(&text);
        for encoding in ENCODINGS {
            for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                // The middle of a CRLF pair is not a position an editor can name.
                if offset > 0 && text.as_bytes()[offset - 1] == b'\r' && text.as_bytes().get(offset) == Some(&b'\n') {
                    continue;
                }
                let position = position_at(&rope, offset, encoding);
                prop_assert_eq!(position, naive_position(&text, offset, encoding), "offset {} in {:?}", offset, text);
                prop_assert_eq!(offset_at(&rope, position, encoding), offset, "{:?} {:?}", encoding, position);
            }
        }
    }

    #[test]
    fn incremental_edits_match_edits_on_a_string(
        text in draft(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), draft()), 1..12),
        encoding_index in 0usize..3,
    ) {
        let encoding = ENCODINGS[encoding_index];
        let mut doc = Document::new(&text, 1);
        let mut expected = text.clone();
        for (version, (a, b, insert)) in edits.into_iter().enumerate() {
            let len = expected.len() + 1;
            let (mut start, mut end) = (floor_boundary(&expected, a.index(len)), floor_boundary(&expected, b.index(len)));
            if start > end {
                std::mem::swap(&mut start, &mut end);
            }
            // Positions as an editor would send them, in the negotiated encoding.
            let rope = Rope::from_str(&expected);
            let range = (position_at(&rope, start, encoding), position_at(&rope, end, encoding));
            // Re-derive offsets the way the server will, so CRLF midpoints resolve alike.
            let (start, end) = (offset_at(&rope, range.0, encoding), offset_at(&rope, range.1, encoding));
            expected.replace_range(start..end, &insert);
            doc.apply_changes(&[TextChange { range: Some(range), text: insert }], version as i32 + 2, encoding);
            prop_assert_eq!(doc.text(), expected.clone());
        }
    }
}

#[test]
fn curly_quotes_em_dash_cyrillic_and_emoji_positions() {
    let text = "“Зеленський” — 😀 as as\r\nnext";
    let rope = Rope::from_str(text);
    let offset = text.find("as as").unwrap();
    assert_eq!(
        position_at(&rope, offset, PositionEncoding::Utf16),
        LineCol { line: 0, col: 18 }
    );
    assert_eq!(
        position_at(&rope, offset, PositionEncoding::Utf32),
        LineCol { line: 0, col: 17 }
    );
    assert_eq!(
        position_at(&rope, offset, PositionEncoding::Utf8),
        LineCol {
            line: 0,
            col: offset as u32
        }
    );
    assert_eq!(
        position_at(&rope, text.find("next").unwrap(), PositionEncoding::Utf16),
        LineCol { line: 1, col: 0 }
    );
}
