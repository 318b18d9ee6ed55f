//! The outline format (that of the corpus's `.outline` files): one node a
//! line, two spaces per depth, the marker as written (or `-` for a heading
//! without an ordinal), a tab, the heading text. `#` lines carry the title
//! and salutation.

use crate::ast::{Document, Node};
use std::fmt;
use std::io;

/// Render the outline of `doc`.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n（一）指导思想。正文。\n");
/// assert_eq!(speechtree::outline(&doc), "一、\t总体要求\n  （一）\t指导思想\n");
/// ```
pub fn outline(doc: &Document<'_>) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail.
    let _ = write_outline(&mut out, doc);
    // What was written is UTF-8: the document's own text and ASCII.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Write the outline of `doc` to `out` line by line, as [`outline`] renders
/// it: a long document's outline is never held whole in memory.
///
/// # Errors
///
/// The first error of `out`.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n（一）指导思想。正文。\n");
/// let mut out = Vec::new();
/// speechtree::write_outline(&mut out, &doc)?;
/// assert_eq!(out, speechtree::outline(&doc).as_bytes());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_outline<W: io::Write>(mut out: W, doc: &Document<'_>) -> io::Result<()> {
    if let Some(title) = doc.title() {
        writeln!(out, "# title: {}", OneLine(title))?;
    }
    if let Some(s) = doc.salutation() {
        writeln!(out, "# salutation: {s}")?;
    }
    for (depth, node) in doc.walk() {
        let (marker, heading) = match node {
            Node::Section(s) => (s.marker().map_or("-", |m| m.text), s.title()),
            Node::Point(p) => (p.marker().text, p.title()),
            _ => continue,
        };
        for _ in 0..depth {
            out.write_all(b"  ")?;
        }
        writeln!(out, "{}\t{}", marker.trim(), OneLine(heading))?;
    }
    Ok(())
}

/// Headings are single-line in the outline: each line trimmed, and joined
/// by a space.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.0.split(['\n', '\r']).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(line.trim())?;
        }
        Ok(())
    }
}
