//! Text positions. Offsets are UTF-8 byte offsets into the source text; lines and columns
//! are 1-based, and columns count UTF-16 code units, as JavaScript strings, browser
//! editors and LSP clients do. For ASCII text (nearly every policy) all three agree.

use serde::Serialize;

/// A half-open byte range `[start, end)` in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column in UTF-16 code units.
    pub column: usize,
    /// 0-based UTF-8 byte offset.
    pub offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextRange {
    pub start: Position,
    pub end: Position,
}

/// Maps byte offsets to line and column in time that does not grow with the line's length:
/// a policy on one line (minified, or pasted from an API response) may carry thousands of
/// findings, each needing its column.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// For text that is not all ASCII: `(byte offset, UTF-16 units before it)` at char
    /// boundaries about every `CHECKPOINT` bytes, so a column is counted from the nearest
    /// checkpoint rather than from the start of its line. Empty for ASCII text, where bytes
    /// and UTF-16 units agree.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 256;

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut units = 0;
            let mut next = 0;
            for (at, c) in text.char_indices() {
                if at >= next {
                    checkpoints.push((at, units));
                    next = at + CHECKPOINT;
                }
                units += c.len_utf16();
            }
        }
        LineIndex {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// The UTF-16 index of a byte offset, as JavaScript's `setSelectionRange` counts: an
    /// offset inside a character rounds down to its start; past the end is the end.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        self.units_before(self.clamp(offset))
    }

    /// UTF-16 units in the text before a char-boundary byte offset.
    fn units_before(&self, offset: usize) -> usize {
        if self.checkpoints.is_empty() {
            return offset;
        }
        let at = self.checkpoints.partition_point(|&(o, _)| o <= offset);
        let (from, units) = self
            .checkpoints
            .get(at.saturating_sub(1))
            .copied()
            .unwrap_or((0, 0));
        units
            + self
                .text
                .get(from..offset)
                .unwrap_or_default()
                .encode_utf16()
                .count()
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        Position {
            line,
            column: self.units_before(offset) - self.units_before(line_start) + 1,
            offset,
        }
    }

    pub fn range(&self, span: Span) -> TextRange {
        TextRange {
            start: self.position(span.start),
            end: self.position(span.end),
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &'a str {
        let start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let end = self
            .line_starts
            .get(line)
            .map(|&next| next.saturating_sub(1))
            .unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or_default()
            .trim_end_matches('\r')
    }

    /// Rounds an offset down to the nearest char boundary inside the text.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based() {
        let index = LineIndex::new("ab\ncd\n");
        assert_eq!(
            index.position(0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        assert_eq!(
            index.position(4),
            Position {
                line: 2,
                column: 2,
                offset: 4
            }
        );
        assert_eq!(index.position(6).line, 3);
        assert_eq!(index.line_text(2), "cd");
        assert_eq!(index.line_text(3), "");
    }

    #[test]
    fn columns_count_utf16_units() {
        // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 units.
        let text = "é😀x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(x, 6);
        assert_eq!(index.position(x).column, 4);
    }

    #[test]
    fn offsets_inside_a_char_or_past_the_end_are_clamped() {
        let index = LineIndex::new("é");
        assert_eq!(index.position(1).offset, 0);
        assert_eq!(index.position(99).offset, 2);
    }

    #[test]
    fn utf16_offsets_are_what_javascript_counts() {
        // `策` is 3 bytes and 1 unit; `😀` is 4 bytes and 2 units.
        let text = "策😀x";
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_offset(0), 0);
        assert_eq!(index.utf16_offset(3), 1);
        assert_eq!(index.utf16_offset(7), 3);
        assert_eq!(index.utf16_offset(8), 4);
        // Inside a character rounds down; past the end is the end.
        assert_eq!(index.utf16_offset(1), 0);
        assert_eq!(index.utf16_offset(100), 4);
        assert_eq!(LineIndex::new("abc").utf16_offset(2), 2);
        assert_eq!(LineIndex::new("").utf16_offset(5), 0);
    }

    #[test]
    fn crlf_line_text_has_no_carriage_return() {
        let index = LineIndex::new("a\r\nb");
        assert_eq!(index.line_text(1), "a");
        assert_eq!(index.position(3).line, 2);
    }

    #[test]
    fn columns_agree_with_counting_from_the_line_start() {
        let mut text = String::new();
        for i in 0..400 {
            text.push_str(["a", "é", "😀", "中", "\n", "bc"][i % 6]);
            if i % 37 == 0 {
                text.push_str(&"x".repeat(300));
            }
        }
        let index = LineIndex::new(&text);
        let slow = LineIndex {
            text: &text,
            line_starts: index.line_starts.clone(),
            checkpoints: Vec::new(),
        };
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            let line = index.position(offset).line;
            let start = slow.line_start(line);
            let expected = text[start..offset].encode_utf16().count() + 1;
            assert_eq!(index.position(offset).column, expected, "offset {offset}");
        }
    }
}
