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

/// Maps byte offsets to line and column.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let prefix = self.text.get(line_start..offset).unwrap_or_default();
        Position {
            line,
            column: prefix.encode_utf16().count() + 1,
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
    fn crlf_line_text_has_no_carriage_return() {
        let index = LineIndex::new("a\r\nb");
        assert_eq!(index.line_text(1), "a");
        assert_eq!(index.position(3).line, 2);
    }
}
