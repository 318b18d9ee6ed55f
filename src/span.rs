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
/// offset past the end is clamped to the end.
///
/// ```
/// use speechtree::line_col;
/// let text = "标题\n一、总体要求";
/// let at = line_col(text, text.find("总").unwrap());
/// assert_eq!((at.line, at.column), (2, 3));
/// ```
pub fn line_col(source: &str, offset: usize) -> LineCol {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source.as_bytes()[..offset];
    let mut line = 1;
    let mut line_start = 0;
    let mut i = 0;
    while i < before.len() {
        match before[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r'
                if before.get(i + 1) != Some(&b'\n')
                // A lone `\r` ends a line; `\r\n` is counted at its `\n`.
                // A `\r` that is the last byte before `offset` may still be
                // followed by `\n` in the source.
                && source.as_bytes().get(i + 1) != Some(&b'\n') =>
            {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    let column = source[line_start..offset].chars().count() + 1;
    LineCol { line, column }
}

/// Line starts of a text, for many line/column look-ups at once.
///
/// [`line_col`] scans from the beginning; `LineIndex` is built once and then
/// answers in `O(log lines)`.
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
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Index the line starts of `source`.
    pub fn new(source: &'a str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { source, starts }
    }

    /// Line and column of byte `offset` (see [`line_col`]).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let column = self.source[start..offset].chars().count() + 1;
        LineCol { line, column }
    }

    /// Byte span of line `line` (1-based) without its line terminator.
    pub fn line_span(&self, line: usize) -> Option<Span> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self.starts.get(line).copied().unwrap_or(self.source.len());
        let bytes = self.source.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Some(Span::new(start, end))
    }
}
