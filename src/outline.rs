//! The outline format (that of the corpus's `.outline` files): one node a
//! line, two spaces per depth, the marker as written (or `-` for a heading
//! without an ordinal), a tab, the heading text. `#` lines carry the title
//! and salutation.

use crate::ast::{Document, Node};
use std::fmt::Write;

/// Render the outline of `doc`.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n（一）指导思想。正文。\n");
/// assert_eq!(speechtree::outline(&doc), "一、\t总体要求\n  （一）\t指导思想\n");
/// ```
pub fn outline(doc: &Document<'_>) -> String {
    let mut out = String::new();
    if let Some(title) = doc.title() {
        let _ = writeln!(out, "# title: {}", one_line(title));
    }
    if let Some(s) = doc.salutation() {
        let _ = writeln!(out, "# salutation: {s}");
    }
    for (depth, node) in doc.walk() {
        let (marker, heading) = match node {
            Node::Section(s) => (s.marker().map_or("-", |m| m.text), s.heading().title),
            Node::Point(p) => (p.marker().text, p.lead().title),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "{}{}\t{}",
            "  ".repeat(depth),
            marker.trim(),
            one_line(heading)
        );
    }
    out
}

/// Headings are single-line in the outline: line breaks become spaces.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r']).map(str::trim).collect::<Vec<_>>().join(" ")
}
