//! speechtree reads Chinese speeches, government work reports and official
//! documents (讲话稿, 政府工作报告, 公文) as text and builds a typed, lossless
//! tree of their structure: sections (一、 （一） 1. （1） …), inline points
//! (一是 / 一要 / 第一， / 首先…) with their leads, and the speech's furniture
//! (title, salutation, closing).
//!
//! ```
//! use speechtree::{parse, Node};
//!
//! let text = "在全市工作会议上的讲话\n同志们：\n一、充分肯定成绩\n一是领导机构进一步健全。二是制度逐步完善。\n二、明确今年任务\n";
//! let doc = parse(text);
//! assert_eq!(doc.title(), Some("在全市工作会议上的讲话"));
//! let headings: Vec<&str> = doc.sections().map(|s| s.title()).collect();
//! assert_eq!(headings, ["充分肯定成绩", "明确今年任务"]);
//! let leads: Vec<&str> = doc.points().map(|p| p.title()).collect();
//! assert_eq!(leads, ["领导机构进一步健全", "制度逐步完善"]);
//! // Lossless: the leaves rebuild the source.
//! assert_eq!(doc.leaves().map(|(_, t)| t).collect::<String>(), text);
//! ```
//!
//! Parsing never fails: numbering oddities become [`Diagnostic`]s. Reading
//! files (encodings, `.docx`) is in [`input`] and may fail with [`Error`].
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod ast;
mod diagnostic;
pub mod error;
pub mod input;
pub mod lint;
mod numerals;
mod outline;
mod parse;
pub mod sample;
mod span;
pub mod visit;

pub use ast::{
    Children, Document, Evidence, Furniture, FurnitureKind, Heading, Marker, MarkerStyle, Node, Paragraph,
    Point, Section, Space,
};
pub use diagnostic::{Diagnostic, DiagnosticCode, Diagnostics};
pub use error::{Error, Result};
pub use outline::{outline, write_outline};
pub use span::{LineCol, LineIndex, Span, line_col};

/// Parsing options. `Options::default()` is what [`parse`] uses.
///
/// ```
/// let mut options = speechtree::Options::default();
/// options.max_depth = 4;
/// let doc = speechtree::parse_with("一、总体要求\n", &options);
/// assert_eq!(doc.sections().count(), 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The deepest nesting of sections and points. A marker that would nest
    /// deeper is kept as a sibling and reported as
    /// [`DiagnosticCode::DepthLimit`]. Bounds the recursion of callers that
    /// walk the tree recursively (serialisation, visitors). At most 200:
    /// a larger value is read as 200.
    pub max_depth: usize,
    /// Lines the input marks as headings, with their outline level: Word's
    /// heading styles and outline levels, as [`input::read_path_with_hints`]
    /// reports them. A hinted line that starts with a marker is a section
    /// anyway; one without a marker becomes an unnumbered section: at level
    /// 0, a top-level part that closes what is open (like an annex), deeper,
    /// nested under the innermost numbered section or hinted heading of a
    /// lower level. Hints inside furniture (the title) or off the text's
    /// character boundaries are ignored. Empty for plain text.
    ///
    /// ```
    /// use speechtree::{HeadingHint, Options, Span, parse_with};
    ///
    /// let text = "过去五年的回顾\n一、经济平稳发展\n二、民生持续改善\n";
    /// let mut options = Options::default();
    /// options.heading_hints = vec![HeadingHint::new(Span::new(0, 21), 0)];
    /// let doc = parse_with(text, &options);
    /// let titles: Vec<&str> = doc.sections().map(|s| s.title()).collect();
    /// assert_eq!(titles, ["过去五年的回顾", "经济平稳发展", "民生持续改善"]);
    /// assert!(doc.sections().next().unwrap().heading().evidence.unnumbered);
    /// assert!(speechtree::outline(&doc).starts_with("-\t过去五年的回顾\n  一、"));
    /// ```
    pub heading_hints: Vec<HeadingHint>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_depth: 32,
            heading_hints: Vec::new(),
        }
    }
}

/// A line of the text that its source marks as a heading (a Word paragraph
/// styled Heading 1…9 / 标题 1…9, or with an outline level).
///
/// Kept in 8 bytes, since a Markdown file of headings has one hint every
/// few bytes: the start as an offset of 32 bits (the tree's own: a text of
/// 4 GiB or more is one paragraph), the length in 26 bits and the level in
/// 6. A hint that starts at 4 GiB or more or is 64 MiB long or longer is
/// ignored (its span is read as an empty one at `u32::MAX`); levels above
/// 63 are read as 63 (Word's outline levels are 0 to 8, Markdown's and
/// HTML's 0 to 5).
///
/// ```
/// use speechtree::{HeadingHint, Span};
/// let hint = HeadingHint::new(Span::new(0, 21), 0);
/// assert_eq!(hint.span().slice("过去五年的回顾\n"), "过去五年的回顾");
/// assert_eq!(hint.level(), 0);
/// assert_eq!(HeadingHint::new(Span::new(0, 21), 200).level(), 63);
/// assert_eq!(std::mem::size_of::<HeadingHint>(), 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct HeadingHint {
    start: u32,
    /// The length (the low [`HeadingHint::LEN_BITS`]) and the level above it.
    len_level: u32,
}

impl HeadingHint {
    /// Bits of the length; the level has the rest.
    const LEN_BITS: u32 = 26;
    /// The deepest level kept.
    const MAX_LEVEL: u8 = (u32::MAX >> Self::LEN_BITS) as u8;

    /// A hint that the line at `span` is a heading at outline `level`,
    /// 0-based as Word's `w:outlineLvl` (Heading 1 is 0).
    pub fn new(span: Span, level: u8) -> Self {
        let len = span.end.saturating_sub(span.start);
        let (start, len) = match u32::try_from(span.start) {
            Ok(start) if len < 1 << Self::LEN_BITS => (start, len as u32),
            _ => (u32::MAX, 0),
        };
        HeadingHint {
            start,
            len_level: len | u32::from(level.min(Self::MAX_LEVEL)) << Self::LEN_BITS,
        }
    }

    /// The heading's line in the text, without its line break.
    pub fn span(&self) -> Span {
        let start = self.start as usize;
        Span::new(
            start,
            start + (self.len_level & ((1 << Self::LEN_BITS) - 1)) as usize,
        )
    }

    /// Its outline level, 0-based (Heading 1 is 0).
    pub fn level(&self) -> u8 {
        (self.len_level >> Self::LEN_BITS) as u8
    }

    /// The same line at another level.
    pub(crate) fn at_level(self, level: u8) -> Self {
        HeadingHint::new(self.span(), level)
    }
}

/// Parse `text` with the default [`Options`].
///
/// ```
/// let doc = speechtree::parse("（一）加强领导。各级要……\n（二）狠抓落实。\n");
/// assert_eq!(doc.sections().map(|s| s.title()).collect::<Vec<_>>(), ["加强领导", "狠抓落实"]);
/// ```
pub fn parse(text: &str) -> Document<'_> {
    parse_with(text, &Options::default())
}

/// Parse `text` with `options`.
///
/// Parsing never fails. The tree stores offsets in 32 bits: a text of
/// 4 GiB or more is kept as one paragraph. Nesting stops at
/// `options.max_depth` or 200, whichever is smaller.
pub fn parse_with<'a>(text: &'a str, options: &Options) -> Document<'a> {
    parse::parse(text, options, &options.heading_hints)
}

/// The README's examples, run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// docs/lint.md's examples, run as doctests.
#[doc = include_str!("../docs/lint.md")]
#[cfg(doctest)]
pub struct LintDocDoctests;
