//! Walking the tree: a [`Visit`] trait in the style of `syn::visit`, and the
//! [`Walk`] iterator over all nodes with their depth.

use crate::ast::{Document, Furniture, Node, NodeData, Paragraph, Point, Section, Space};

/// A visitor over the tree. Each method's default walks into the node's
/// children through the free function of the same name, so an implementation
/// overrides only what it needs and calls the free function to keep going.
///
/// ```
/// use speechtree::visit::{self, Visit};
/// use speechtree::Point;
///
/// struct Leads(Vec<String>);
/// impl<'a> Visit<'a> for Leads {
///     fn visit_point(&mut self, p: &Point<'_, 'a>) {
///         self.0.push(p.lead().title.to_string());
///         visit::visit_point(self, p);
///     }
/// }
///
/// let doc = speechtree::parse("一、总体要求\n一是加强领导。二是狠抓落实。\n");
/// let mut leads = Leads(Vec::new());
/// leads.visit_document(&doc);
/// assert_eq!(leads.0, ["加强领导", "狠抓落实"]);
/// ```
pub trait Visit<'a> {
    /// Visit the document.
    fn visit_document(&mut self, doc: &Document<'a>) {
        visit_document(self, doc)
    }
    /// Visit any node.
    fn visit_node(&mut self, node: &Node<'_, 'a>) {
        visit_node(self, node)
    }
    /// Visit a section.
    fn visit_section(&mut self, section: &Section<'_, 'a>) {
        visit_section(self, section)
    }
    /// Visit a point.
    fn visit_point(&mut self, point: &Point<'_, 'a>) {
        visit_point(self, point)
    }
    /// Visit a paragraph.
    fn visit_paragraph(&mut self, _paragraph: &Paragraph<'a>) {}
    /// Visit furniture.
    fn visit_furniture(&mut self, _furniture: &Furniture<'a>) {}
    /// Visit white space.
    fn visit_space(&mut self, _space: &Space<'a>) {}
}

/// Visit each top-level node.
pub fn visit_document<'a, V: Visit<'a> + ?Sized>(v: &mut V, doc: &Document<'a>) {
    for child in doc.children() {
        v.visit_node(&child);
    }
}

/// Dispatch on the node's kind.
pub fn visit_node<'a, V: Visit<'a> + ?Sized>(v: &mut V, node: &Node<'_, 'a>) {
    match node {
        Node::Section(n) => v.visit_section(n),
        Node::Point(n) => v.visit_point(n),
        Node::Paragraph(n) => v.visit_paragraph(n),
        Node::Furniture(n) => v.visit_furniture(n),
        Node::Space(n) => v.visit_space(n),
    }
}

/// Visit a section's children.
pub fn visit_section<'a, V: Visit<'a> + ?Sized>(v: &mut V, section: &Section<'_, 'a>) {
    for child in section.children() {
        v.visit_node(&child);
    }
}

/// Visit a point's children.
pub fn visit_point<'a, V: Visit<'a> + ?Sized>(v: &mut V, point: &Point<'_, 'a>) {
    for child in point.children() {
        v.visit_node(&child);
    }
}

/// Every node in document order (pre-order) with its depth, without
/// recursion. Made by [`Document::walk`].
#[derive(Clone, Debug)]
pub struct Walk<'d, 'a> {
    doc: &'d Document<'a>,
    /// The next stored node's index.
    next: usize,
    /// The open ancestors of the next node: where each one's stored
    /// subtree ends (an index) and where its text ends (an offset).
    open: Vec<(usize, usize)>,
    /// Where the next node starts: a stored node that starts later has a
    /// space before it that is not stored.
    at: usize,
    /// How many nodes were given.
    given: usize,
}

impl<'d, 'a> Walk<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        Walk {
            doc,
            next: 0,
            open: Vec::new(),
            at: 0,
            given: 0,
        }
    }

    /// The space not stored from `self.at` to `end`, at the depth of the
    /// next node.
    fn gap(&mut self, end: usize) -> (usize, Node<'d, 'a>) {
        let gap = self.doc.gap(self.at, end);
        self.at = end;
        self.given += 1;
        (self.open.len(), gap)
    }
}

impl<'d, 'a> Iterator for Walk<'d, 'a> {
    type Item = (usize, Node<'d, 'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let id = self.next;
        while let Some(&(subtree_end, end)) = self.open.last()
            && subtree_end <= id
        {
            if self.at < end {
                return Some(self.gap(end));
            }
            self.open.pop();
        }
        let start = self
            .doc
            .nodes
            .start(id)
            .map_or(self.doc.source().len(), |s| s as usize);
        if self.at < start {
            return Some(self.gap(start));
        }
        let data = self.doc.nodes.get(id)?;
        let depth = self.open.len();
        if data.flags & NodeData::RUN != 0 {
            let (end, piece) = self.doc.run_piece(data, self.at);
            self.at = end;
            if end >= data.end as usize {
                self.next = id + 1;
            }
            self.given += 1;
            return Some((depth, piece));
        }
        let end = crate::ast::resolve(self.doc.source(), data.span()).end;
        if data.is_branch() {
            self.open.push((data.next as usize, end));
            self.at = data.own_end();
        } else {
            self.at = end;
        }
        self.next = id + 1;
        self.given += 1;
        Some((depth, self.doc.node(id, data)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.doc.len().saturating_sub(self.given);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Walk<'_, '_> {}
impl std::iter::FusedIterator for Walk<'_, '_> {}
