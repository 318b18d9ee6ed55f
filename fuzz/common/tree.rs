//! The tree's shape, checked by the fuzz targets that parse.

use speechtree::{Document, Node};

/// The walk meets every node once; a node's children follow each other
/// from its heading's end to its own end; the leaves rebuild the source;
/// with `blank_spaces`, spaces are blank (in Markdown they also hold the
/// markup that was masked: `## `, front matter).
pub fn check_shape(doc: &Document<'_>, blank_spaces: bool) {
    let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    assert_eq!(rebuilt, doc.source(), "the leaves should rebuild the source");
    assert_eq!(doc.walk().count(), doc.len());
    for (_, node) in doc.walk() {
        let span = node.span();
        assert!(
            doc.source().get(span.start..span.end).is_some(),
            "spans fall on characters"
        );
        let mut end = node.heading().map_or(span.start, |h| h.span.end);
        for child in node.children() {
            let c = child.span();
            assert!(
                end == c.start && c.end <= span.end,
                "{c:?} in {span:?} after {end}"
            );
            end = c.end;
        }
        if node.has_children() {
            assert_eq!(end, span.end, "the children of {span:?} reach its end");
        }
        if let Node::Space(s) = node
            && blank_spaces
        {
            let blank = |c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}');
            assert!(s.text.chars().all(blank), "space {:?} is blank", s.text);
        }
    }
}
