//! Incremental edits and position conversion: a document edited through LSP positions
//! stays equal to a string edited at the same offsets, and positions round-trip.
#![no_main]

use copydesk::document::{Document, LineCol, PositionEncoding, TextChange, offset_at, position_at};
use libfuzzer_sys::fuzz_target;
use ropey::Rope;

const INSERTS: [&str; 8] = ["", "a", "“", "😀", "\r\n", "\r", "Зе", "e\u{301}"];

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xff).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..split]).into_owned();
    let ops = data.get(split + 1..).unwrap_or(&[]);
    let mut doc = Document::new(&text, 0);
    let mut mirror = text;
    for (version, op) in ops.chunks_exact(6).enumerate() {
        let [enc, l1, c1, l2, c2, ins] = *op else {
            break;
        };
        let encoding = [
            PositionEncoding::Utf8,
            PositionEncoding::Utf16,
            PositionEncoding::Utf32,
        ][enc as usize % 3];
        let start = LineCol {
            line: u32::from(l1 % 8),
            col: u32::from(c1),
        };
        let end = LineCol {
            line: u32::from(l2 % 8),
            col: u32::from(c2),
        };
        let rope = Rope::from_str(&mirror);
        let a = offset_at(&rope, start, encoding);
        let b = offset_at(&rope, end, encoding).max(a);
        let insert = INSERTS[ins as usize % INSERTS.len()];
        mirror.replace_range(a..b, insert);
        doc.apply_changes(
            &[TextChange {
                range: Some((start, end)),
                text: insert.to_string(),
            }],
            version as i32 + 1,
            encoding,
        );
        assert_eq!(doc.text(), mirror);
        let rope = Rope::from_str(&mirror);
        for (offset, _) in mirror.char_indices() {
            if offset > 0
                && mirror.as_bytes()[offset - 1] == b'\r'
                && mirror.as_bytes()[offset] == b'\n'
            {
                continue;
            }
            let p = position_at(&rope, offset, encoding);
            assert_eq!(offset_at(&rope, p, encoding), offset);
        }
    }
});
