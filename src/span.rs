//! Byte spans into the source, and line/column positions computed on demand.

#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;
use std::ops::Range;

/// A half-open range of byte offsets into the source text.
///
/// Spans are `Copy`, always lie on `char` boundaries of the text they were
/// made from, and serialise as `{"start": …, "end": …}`.
///
/// ```
/// use speechtree::Span;
/// let text = "一、总体要求";
/// let span = Span::new(0, 6);
/// assert_eq!(span.slice(text), "一、");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `source`.
    ///
    /// Returns `""` when the span does not fit `source` (e.g. a span taken
    /// from another text), rather than panicking.
    pub fn slice(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }

    /// Whether `other` lies within this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The range of bytes, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A 1-based line and column; the column counts `char`s, not bytes.
///
/// Characters rather than grapheme clusters: the column is what editors and
/// compilers show for the same place (Chinese text has few clusters of
/// more than one character), and it is cheap to count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct LineCol {
    /// Line number, starting at 1. `\n`, `\r\n` and a lone `\r` end a line.
    pub line: usize,
    /// Column in characters, starting at 1.
    pub column: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Line and column of byte `offset` in `source`.
///
/// An offset inside a character is moved back to that character's start; an
/// offset past the end is clamped to the end. For many look-ups in one text,
/// build a [`LineIndex`] once.
///
/// ```
/// use speechtree::line_col;
/// let text = "标题\n一、总体要求";
/// let at = line_col(text, text.find("总").unwrap());
/// assert_eq!((at.line, at.column), (2, 3));
/// ```
pub fn line_col(source: &str, offset: usize) -> LineCol {
    let offset = char_floor(source, offset);
    let (line, start) = line_starts(source)
        .take_while(|&s| s <= offset)
        .enumerate()
        .last()
        .unwrap_or((0, 0));
    at(source, line + 1, start, offset)
}

/// The start of every line of `source`, the first (0) included: just after
/// each `\n`, and after each `\r` not followed by `\n`.
fn line_starts(source: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = source.as_bytes();
    std::iter::once(0).chain(
        memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
            .map(|i| i + 1),
    )
}

/// `offset`, clamped to `source` and moved back to a character start.
fn char_floor(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The position of `offset` on line `line`, which starts at `start`.
fn at(source: &str, line: usize, start: usize, offset: usize) -> LineCol {
    let column = source[start..offset].chars().count() + 1;
    LineCol { line, column }
}

/// Line starts of a text, for many line/column look-ups at once.
///
/// [`line_col`] scans from the beginning; `LineIndex` is built once and then
/// answers in `O(log lines)`. Both count lines and columns alike.
///
/// ```
/// use speechtree::LineIndex;
/// let text = "一\n二\r\n三";
/// let index = LineIndex::new(text);
/// assert_eq!(index.line_col(text.find('三').unwrap()).line, 3);
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    source: &'a str,
    starts: Starts,
}

/// Line starts: 4 bytes a line where the text is shorter than 4 GiB (text
/// of short lines would otherwise take more than its size in starts).
#[derive(Clone, Debug)]
enum Starts {
    Short(Vec<u32>),
    Long(Vec<usize>),
}

impl Starts {
    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Starts::Short(v) => v.get(i).map(|&s| s as usize),
            Starts::Long(v) => v.get(i).copied(),
        }
    }

    /// How many lines start at or before `offset`.
    fn count_to(&self, offset: usize) -> usize {
        match self {
            Starts::Short(v) => v.partition_point(|&s| s as usize <= offset),
            Starts::Long(v) => v.partition_point(|&s| s <= offset),
        }
    }
}

impl<'a> LineIndex<'a> {
    /// Index the line starts of `source`.
    pub fn new(source: &'a str) -> Self {
        let starts = if u32::try_from(source.len()).is_ok() {
            // Every start is at most the length.
            Starts::Short(line_starts(source).map(|s| s as u32).collect())
        } else {
            Starts::Long(line_starts(source).collect())
        };
        LineIndex { source, starts }
    }

    /// Line and column of byte `offset` (see [`line_col`]).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = char_floor(self.source, offset);
        // The first line starts at 0, at or before every offset.
        let line = self.starts.count_to(offset).max(1);
        at(self.source, line, self.starts.get(line - 1).unwrap_or(0), offset)
    }

    /// Byte span of line `line` (1-based) without its line terminator.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).unwrap_or(self.source.len());
        let bytes = self.source.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `line_col` and `LineIndex` against a character-by-character count,
    /// at every offset of texts with every kind of line end.
    #[test]
    fn both_line_col_apis_count_lines_and_characters() {
        for text in ["", "a", "一\n二\r\n三\r四\r", "\r\n\r\r\n\n字", "ab\rcd\r\nef\n"] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                let floor = char_floor(text, offset);
                // A line ends at each \n and at each \r not followed by \n.
                let (mut line, mut start) = (1, 0);
                for (i, c) in text[..floor].char_indices() {
                    if c == '\n' || (c == '\r' && !text[i + 1..].starts_with('\n')) {
                        (line, start) = (line + 1, i + 1);
                    }
                }
                let expected = LineCol {
                    line,
                    column: text[start..floor].chars().count() + 1,
                };
                assert_eq!(line_col(text, offset), expected, "{text:?} at {offset}");
                assert_eq!(index.line_col(offset), expected, "{text:?} at {offset}");
            }
        }
    }
}
