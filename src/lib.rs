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
//! let headings: Vec<&str> = doc.sections().map(|s| s.heading.title).collect();
//! assert_eq!(headings, ["充分肯定成绩", "明确今年任务"]);
//! let leads: Vec<&str> = doc.points().map(|p| p.lead.title).collect();
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
mod outline;
mod parse;
pub mod sample;
mod span;
pub mod visit;

pub use ast::{
    Document, Evidence, Furniture, FurnitureKind, Heading, Marker, MarkerStyle, Node, Paragraph, Point,
    Section, Space,
};
pub use diagnostic::{Diagnostic, DiagnosticCode};
pub use error::{Error, Result};
pub use outline::outline;
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
    /// walk the tree recursively (serialisation, visitors).
    pub max_depth: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_depth: 32 }
    }
}

/// Parse `text` with the default [`Options`].
///
/// ```
/// let doc = speechtree::parse("（一）加强领导。各级要……\n（二）狠抓落实。\n");
/// assert_eq!(doc.sections().map(|s| s.heading.title).collect::<Vec<_>>(), ["加强领导", "狠抓落实"]);
/// ```
pub fn parse(text: &str) -> Document<'_> {
    parse_with(text, &Options::default())
}

/// Parse `text` with `options`.
pub fn parse_with<'a>(text: &'a str, options: &Options) -> Document<'a> {
    parse::parse(text, options)
}

/// The README's examples, run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
