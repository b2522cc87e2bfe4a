//! The way back from a document ramplan extracted to the file the user has.
//!
//! Every byte of an extracted JSON text knows where it came from: a byte copied from the file
//! maps to that byte, a byte ramplan wrote itself (the `"Statement"` key of a `jsonencode`
//! object written `Statement = [...]`, a `{` for an HCL block) maps to the whole piece of the
//! file it stands for. A dense table keeps the look-up trivial; policies are small (RAM takes
//! 6,144 characters) and the core refuses documents over 4 MiB before this matters.

use std::ops::Range;

/// Where each byte of an extracted text came from in the original file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// `starts[i]`: the file offset where JSON byte `i` begins.
    starts: Vec<usize>,
    /// `ends[i]`: the file offset just after what JSON byte `i` stands for.
    ends: Vec<usize>,
}

impl OffsetMap {
    /// A text copied verbatim from the file at `file_start`.
    pub(crate) fn verbatim(file_start: usize, len: usize) -> OffsetMap {
        OffsetMap {
            starts: (file_start..file_start + len).collect(),
            ends: (file_start + 1..=file_start + len).collect(),
        }
    }

    pub(crate) fn push_verbatim(&mut self, file_start: usize, len: usize) {
        self.starts.extend(file_start..file_start + len);
        self.ends.extend(file_start + 1..=file_start + len);
    }

    /// `len` bytes that all stand for the file range `file`.
    pub(crate) fn push_whole(&mut self, file: &Range<usize>, len: usize) {
        self.starts.extend(std::iter::repeat_n(file.start, len));
        self.ends.extend(std::iter::repeat_n(file.end, len));
    }

    pub(crate) fn push_one(&mut self, start: usize, end: usize) {
        self.starts.push(start);
        self.ends.push(end);
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The file range a range of the extracted text stands for. An empty range maps to the
    /// place its start stands for; offsets past the end map to the end of the last byte.
    pub fn file_range(&self, text_range: Range<usize>) -> Range<usize> {
        let last_end = self.ends.last().copied().unwrap_or(0);
        let start = self
            .starts
            .get(text_range.start)
            .copied()
            .unwrap_or(last_end);
        let end = if text_range.end <= text_range.start {
            start
        } else {
            self.ends
                .get(text_range.end - 1)
                .copied()
                .unwrap_or(last_end)
        };
        start..end.max(start)
    }
}

/// Builds a JSON text and its offset map together.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
}

impl Writer {
    /// Writes `s`, every byte standing for the file range `file`.
    pub(crate) fn whole(&mut self, s: &str, file: &Range<usize>) {
        self.text.push_str(s);
        self.map.push_whole(file, s.len());
    }

    /// Writes a JSON string literal for `pieces`, each piece a part of the value with the file
    /// range it came from; a piece whose text is exactly the file's bytes maps byte for byte.
    pub(crate) fn string(&mut self, pieces: &[Piece], whole: &Range<usize>, source: &str) {
        self.whole(
            "\"",
            &(whole.start..whole.start.saturating_add(1).min(whole.end)),
        );
        for piece in pieces {
            let escaped = escape(&piece.text);
            let copied = escaped == piece.text
                && source.get(piece.file.clone()) == Some(piece.text.as_str());
            self.text.push_str(&escaped);
            if copied {
                self.map.push_verbatim(piece.file.start, escaped.len());
            } else {
                self.map.push_whole(&piece.file, escaped.len());
            }
        }
        self.whole(
            "\"",
            &(whole.end.saturating_sub(1).max(whole.start)..whole.end),
        );
    }
}

/// A part of a string value and where in the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) text: String,
    pub(crate) file: Range<usize>,
}

/// JSON string escaping (RFC 8259), the way serde_json writes it.
pub(crate) fn escape(s: &str) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_written_bytes() {
        let mut map = OffsetMap::verbatim(10, 3);
        map.push_whole(&(20..30), 4);
        assert_eq!(map.file_range(0..3), 10..13);
        assert_eq!(map.file_range(1..2), 11..12);
        assert_eq!(map.file_range(3..5), 20..30);
        assert_eq!(map.file_range(2..4), 12..30);
        assert_eq!(map.file_range(5..5), 20..20);
        assert_eq!(map.file_range(50..60), 30..30);
        assert_eq!(OffsetMap::default().file_range(0..4), 0..0);
    }

    #[test]
    fn writes_strings_with_escapes() {
        let source = "x = \"a\\\"b\"";
        let mut w = Writer::default();
        w.string(
            &[Piece {
                text: "a\"b".to_owned(),
                file: 5..9,
            }],
            &(4..10),
            source,
        );
        assert_eq!(w.text, "\"a\\\"b\"");
        assert_eq!(w.map.file_range(1..5), 5..9);
        assert_eq!(w.map.file_range(0..6), 4..10);
    }
}
