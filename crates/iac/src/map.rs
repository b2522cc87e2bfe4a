//! The way back from a document ramplan extracted to the file the user has.
//!
//! Every byte of an extracted JSON text knows where it came from: a byte copied from the file
//! maps to that byte, a byte ramplan wrote itself (the `"Statement"` key of a `jsonencode`
//! object written `Statement = [...]`, a `{` for an HCL block) maps to the whole piece of the
//! file it stands for. The table is kept as runs, one per copied stretch or written piece, so
//! a plain JSON file of any size costs one run, not two offsets per byte; a look-up is a
//! binary search over the runs.

use std::ops::Range;

/// Where each byte of an extracted text came from in the original file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// The runs in text order; together they cover the text from 0 without gaps.
    runs: Vec<Run>,
    /// The text length the runs cover.
    len: usize,
}

/// `len` bytes of text from `at`, either copied from the file at `file.start` byte for byte
/// (`verbatim`) or all standing for the whole of `file`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Run {
    at: usize,
    len: usize,
    file: Range<usize>,
    verbatim: bool,
}

impl Run {
    /// The file offsets text byte `i` (inside this run) begins at and stands for up to.
    fn byte(&self, i: usize) -> (usize, usize) {
        if self.verbatim {
            let start = self.file.start + (i - self.at);
            (start, start + 1)
        } else {
            (self.file.start, self.file.end)
        }
    }
}

impl OffsetMap {
    /// A text copied verbatim from the file at `file_start`.
    pub(crate) fn verbatim(file_start: usize, len: usize) -> OffsetMap {
        let mut map = OffsetMap::default();
        map.push_verbatim(file_start, len);
        map
    }

    pub(crate) fn push_verbatim(&mut self, file_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if last.verbatim && last.file.end == file_start {
                last.len += len;
                last.file.end += len;
                self.len += len;
                return;
            }
        }
        self.push_run(len, file_start..file_start + len, true);
    }

    /// `len` bytes that all stand for the file range `file`.
    pub(crate) fn push_whole(&mut self, file: &Range<usize>, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if !last.verbatim && last.file == *file {
                last.len += len;
                self.len += len;
                return;
            }
        }
        self.push_run(len, file.clone(), false);
    }

    pub(crate) fn push_one(&mut self, start: usize, end: usize) {
        self.push_whole(&(start..end), 1);
    }

    fn push_run(&mut self, len: usize, file: Range<usize>, verbatim: bool) {
        self.runs.push(Run {
            at: self.len,
            len,
            file,
            verbatim,
        });
        self.len += len;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True when the text is the file's first `len` bytes, copied: every offset maps to
    /// itself.
    pub fn is_identity(&self) -> bool {
        match self.runs.as_slice() {
            [] => true,
            [run] => run.verbatim && run.at == 0 && run.file.start == 0,
            _ => false,
        }
    }

    /// The file offsets text byte `i` begins at and stands for up to, if the text has it.
    fn byte(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.len {
            return None;
        }
        let run = self.runs.partition_point(|run| run.at + run.len <= i);
        self.runs.get(run).map(|run| run.byte(i))
    }

    /// The file range a range of the extracted text stands for. An empty range maps to the
    /// place its start stands for; offsets past the end map to the end of the last byte.
    pub fn file_range(&self, text_range: Range<usize>) -> Range<usize> {
        let last_end = self
            .len
            .checked_sub(1)
            .and_then(|i| self.byte(i))
            .map_or(0, |(_, end)| end);
        let start = self
            .byte(text_range.start)
            .map_or(last_end, |(start, _)| start);
        let end = if text_range.end <= text_range.start {
            start
        } else {
            self.byte(text_range.end - 1)
                .map_or(last_end, |(_, end)| end)
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

    /// The runs agree with the dense table they replaced (two offsets per byte) for every range
    /// of many pseudo-random push sequences, merges of adjacent runs included.
    #[test]
    fn runs_agree_with_a_dense_table() {
        let mut seed = 0x2545_f491_u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..300 {
            let mut map = OffsetMap::default();
            let (mut starts, mut ends) = (Vec::new(), Vec::new());
            for _ in 0..next(6) {
                let (file, len) = (next(40), next(4));
                match next(3) {
                    0 => {
                        map.push_verbatim(file, len);
                        starts.extend(file..file + len);
                        ends.extend(file + 1..=file + len);
                    }
                    1 => {
                        let end = file + next(5);
                        map.push_whole(&(file..end), len);
                        starts.extend(std::iter::repeat_n(file, len));
                        ends.extend(std::iter::repeat_n(end, len));
                    }
                    _ => {
                        map.push_one(file, file + 1);
                        starts.push(file);
                        ends.push(file + 1);
                    }
                }
            }
            assert_eq!(map.len(), starts.len());
            let last_end = ends.last().copied().unwrap_or(0);
            for a in 0..starts.len() + 2 {
                for b in 0..starts.len() + 2 {
                    let start = starts.get(a).copied().unwrap_or(last_end);
                    let end = if b <= a {
                        start
                    } else {
                        ends.get(b - 1).copied().unwrap_or(last_end)
                    };
                    assert_eq!(map.file_range(a..b), start..end.max(start), "{a}..{b}");
                }
            }
        }
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
