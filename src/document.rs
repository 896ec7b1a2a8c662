//! An open document: a rope plus a version, with edits and position conversion.
//!
//! Everything inside copydesk speaks UTF-8 byte offsets into the document text. Editors
//! speak (line, column) positions whose column unit is negotiated: UTF-8 bytes, UTF-16
//! code units (the LSP default) or Unicode scalar values (UTF-32, also what the CLI shows).
//! This module is the one place that translates between the two; it never panics on a
//! position or offset that is out of range, it clamps.
//!
//! Lines break at `\n`, `\r\n` and `\r`, as LSP says (ropey's `cr_lines` feature), and
//! nowhere else: U+2028 and form feed are ordinary characters here.

use ropey::Rope;
use std::ops::Range;

/// The unit in which a column counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16: a character outside the BMP (an emoji) counts two.
    #[default]
    Utf16,
    /// Unicode scalar values.
    Utf32,
}

/// A zero-based line and a zero-based column in some [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// One content change from an editor: replace `range` (or the whole text when `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextChange {
    pub range: Option<(LineCol, LineCol)>,
    pub text: String,
}

/// The text of an open draft and the editor's version number for it.
#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    version: i32,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Self {
        Self {
            rope: Rope::from_str(text),
            version,
        }
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn text(&self) -> String {
        self.rope.to_string()
    }

    /// Applies changes in order, each against the text as already changed (LSP semantics),
    /// then takes the new version. A range outside the text is clamped to it; a range whose
    /// end comes before its start is treated as the empty range at the start.
    pub fn apply_changes(
        &mut self,
        changes: &[TextChange],
        version: i32,
        encoding: PositionEncoding,
    ) {
        for change in changes {
            match change.range {
                None => self.rope = Rope::from_str(&change.text),
                Some((start, end)) => {
                    let start_byte = offset_at(&self.rope, start, encoding);
                    let end_byte = offset_at(&self.rope, end, encoding).max(start_byte);
                    self.replace(start_byte..end_byte, &change.text);
                }
            }
        }
        self.version = version;
    }

    /// Replaces a byte range (char boundaries, in range) with `text`.
    pub fn replace(&mut self, byte_range: Range<usize>, text: &str) {
        let start_char = self
            .rope
            .byte_to_char(byte_range.start.min(self.rope.len_bytes()));
        let end_char = self
            .rope
            .byte_to_char(byte_range.end.min(self.rope.len_bytes()));
        self.rope.remove(start_char..end_char);
        self.rope.insert(start_char, text);
    }
}

/// The position of a byte offset. An offset past the end maps to the end; an offset inside
/// a multi-byte character maps to that character's start.
pub fn position_at(rope: &Rope, byte_offset: usize, encoding: PositionEncoding) -> LineCol {
    let byte_offset = byte_offset.min(rope.len_bytes());
    let char_idx = rope.byte_to_char(byte_offset);
    let line_idx = rope.char_to_line(char_idx);
    let line_start_char = rope.line_to_char(line_idx);
    let col = match encoding {
        PositionEncoding::Utf8 => rope.char_to_byte(char_idx) - rope.char_to_byte(line_start_char),
        PositionEncoding::Utf16 => {
            rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(line_start_char)
        }
        PositionEncoding::Utf32 => char_idx - line_start_char,
    };
    LineCol {
        line: saturating_u32(line_idx),
        col: saturating_u32(col),
    }
}

/// The positions of many byte offsets, as [`position_at`] gives them, in one pass over
/// the text: a long draft's hundreds of diagnostics cost one scan, not five rope lookups
/// (each counting inside its chunk) per end.
pub fn positions_at(text: &str, offsets: &[usize], encoding: PositionEncoding) -> Vec<LineCol> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![LineCol::default(); offsets.len()];
    let bytes = text.as_bytes();
    // The scan's state: the line it is on, where that line starts, and how far into it
    // columns have been counted.
    let (mut line, mut line_start, mut counted, mut col) = (0usize, 0usize, 0usize, 0usize);
    for i in order {
        let mut target = offsets[i].min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        let from = counted;
        for brk in memchr::memchr2_iter(b'\n', b'\r', &bytes[from..target]) {
            let at = from + brk;
            // `\r\n` is one break, met at its `\r` (the line after it starts past the
            // `\n`); its `\n` alone counts only when the last offset fell between the two.
            if bytes[at] == b'\n' && at > from && bytes[at - 1] == b'\r' {
                continue;
            }
            let end = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            if end <= target {
                line += 1;
                line_start = end;
            }
        }
        if line_start > counted {
            counted = line_start;
            col = 0;
        }
        col += units(&text[counted..target], encoding);
        counted = target;
        out[i] = LineCol {
            line: saturating_u32(line),
            col: saturating_u32(col),
        };
    }
    out
}

/// The length of `text` in columns of `encoding`.
fn units(text: &str, encoding: PositionEncoding) -> usize {
    match encoding {
        PositionEncoding::Utf8 => text.len(),
        _ if text.is_ascii() => text.len(),
        PositionEncoding::Utf16 => text.chars().map(char::len_utf16).sum(),
        PositionEncoding::Utf32 => text.chars().count(),
    }
}

/// The byte offset of a position. A line past the end maps to the end of the text; a column
/// past the end of its line clamps to the line's end (before its line break); a column in
/// the middle of a character (a UTF-8 continuation byte, the second half of a surrogate
/// pair) maps to that character's start.
pub fn offset_at(rope: &Rope, position: LineCol, encoding: PositionEncoding) -> usize {
    let line_idx = position.line as usize;
    if line_idx >= rope.len_lines() {
        return rope.len_bytes();
    }
    let line_start_char = rope.line_to_char(line_idx);
    let line_end_char = line_start_char + line_content_chars(rope, line_idx);
    let col = position.col as usize;
    let char_idx = match encoding {
        PositionEncoding::Utf8 => {
            let line_start_byte = rope.char_to_byte(line_start_char);
            let byte = (line_start_byte + col).min(rope.char_to_byte(line_end_char));
            rope.byte_to_char(byte)
        }
        PositionEncoding::Utf16 => {
            let line_start_cu = rope.char_to_utf16_cu(line_start_char);
            let line_end_cu = rope.char_to_utf16_cu(line_end_char);
            rope.utf16_cu_to_char((line_start_cu + col).min(line_end_cu))
        }
        PositionEncoding::Utf32 => (line_start_char + col).min(line_end_char),
    };
    rope.char_to_byte(char_idx.min(line_end_char))
}

/// Byte range -> (start, end) positions.
pub fn range_at(
    rope: &Rope,
    byte_range: Range<usize>,
    encoding: PositionEncoding,
) -> (LineCol, LineCol) {
    (
        position_at(rope, byte_range.start, encoding),
        position_at(rope, byte_range.end, encoding),
    )
}

/// Chars on a line, not counting its line break.
fn line_content_chars(rope: &Rope, line_idx: usize) -> usize {
    let line = rope.line(line_idx);
    let mut n = line.len_chars();
    if n > 0 && line.char(n - 1) == '\n' {
        n -= 1;
    }
    if n > 0 && line.char(n - 1) == '\r' {
        n -= 1;
    }
    n
}

fn saturating_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    proptest::proptest! {
        /// The one-pass conversion agrees with the rope's, offset by offset, on text
        /// mixing line breaks of every kind with multi-byte and astral characters.
        #[test]
        fn positions_at_agrees_with_position_at(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec!["a", "é", "😀", "“", "\n", "\r", "\r\n", " "]),
                0..60,
            ),
            offsets in proptest::collection::vec(0usize..200, 0..30),
        ) {
            let text: String = pieces.concat();
            let rope = Rope::from_str(&text);
            for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16, PositionEncoding::Utf32] {
                let swept = positions_at(&text, &offsets, encoding);
                for (offset, got) in offsets.iter().zip(swept) {
                    proptest::prop_assert_eq!(got, position_at(&rope, *offset, encoding), "offset {} in {:?}", offset, text);
                }
            }
        }
    }

    #[test]
    fn utf16_counts_emoji_as_two_units() {
        let rope = Rope::from_str("“Hi” 😀 as as\n");
        let byte = "“Hi” 😀 ".len();
        assert_eq!(position_at(&rope, byte, PositionEncoding::Utf16), lc(0, 8));
        assert_eq!(position_at(&rope, byte, PositionEncoding::Utf32), lc(0, 7));
        assert_eq!(
            position_at(&rope, byte, PositionEncoding::Utf8),
            lc(0, byte as u32)
        );
        assert_eq!(offset_at(&rope, lc(0, 8), PositionEncoding::Utf16), byte);
        assert_eq!(
            offset_at(&rope, lc(0, 6), PositionEncoding::Utf16),
            byte - 5
        );
    }

    #[test]
    fn lines_break_at_cr_lf_and_crlf_only() {
        let rope = Rope::from_str("a\rb\r\nc\nd\u{2028}e");
        assert_eq!(position_at(&rope, 2, PositionEncoding::Utf8), lc(1, 0));
        assert_eq!(position_at(&rope, 5, PositionEncoding::Utf8), lc(2, 0));
        assert_eq!(position_at(&rope, 7, PositionEncoding::Utf8), lc(3, 0));
        assert_eq!(
            position_at(&rope, "a\rb\r\nc\nd\u{2028}".len(), PositionEncoding::Utf32),
            lc(3, 2)
        );
    }

    #[test]
    fn clamps_out_of_range_positions() {
        let rope = Rope::from_str("ab\r\ncd");
        assert_eq!(offset_at(&rope, lc(0, 99), PositionEncoding::Utf16), 2);
        assert_eq!(offset_at(&rope, lc(9, 0), PositionEncoding::Utf16), 6);
        assert_eq!(position_at(&rope, 99, PositionEncoding::Utf16), lc(1, 2));
    }

    #[test]
    fn middle_of_surrogate_pair_maps_to_char_start() {
        let rope = Rope::from_str("x😀y");
        assert_eq!(offset_at(&rope, lc(0, 2), PositionEncoding::Utf16), 1);
        assert_eq!(offset_at(&rope, lc(0, 3), PositionEncoding::Utf16), 5);
    }

    #[test]
    fn applies_changes_in_order() {
        let mut doc = Document::new("Zelensky’s as as\n", 1);
        let changes = [
            TextChange {
                range: Some((lc(0, 11), lc(0, 11))),
                text: "word ".into(),
            },
            TextChange {
                range: Some((lc(0, 0), lc(0, 8))),
                text: "Зеленський".into(),
            },
        ];
        doc.apply_changes(&changes, 2, PositionEncoding::Utf16);
        assert_eq!(doc.text(), "Зеленський’s word as as\n");
        assert_eq!(doc.version(), 2);
    }

    #[test]
    fn reversed_range_inserts_at_start() {
        let mut doc = Document::new("abc", 1);
        doc.apply_changes(
            &[TextChange {
                range: Some((lc(0, 2), lc(0, 1))),
                text: "X".into(),
            }],
            2,
            PositionEncoding::Utf16,
        );
        assert_eq!(doc.text(), "abXc");
    }
}
