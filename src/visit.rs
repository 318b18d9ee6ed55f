//! Walking the tree: a [`Visit`] trait in the style of `syn::visit`, and the
//! [`Walk`] iterator over all nodes with their depth.

use crate::ast::{Document, Furniture, Node, Paragraph, Point, Section, Space};

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
    /// The next node's index.
    next: usize,
    /// Where the subtrees of the open ancestors of the next node end.
    open: Vec<usize>,
}

impl<'d, 'a> Walk<'d, 'a> {
    pub(crate) fn new(doc: &'d Document<'a>) -> Self {
        Walk {
            doc,
            next: 0,
            open: Vec::new(),
        }
    }
}

impl<'d, 'a> Iterator for Walk<'d, 'a> {
    type Item = (usize, Node<'d, 'a>);

    fn next(&mut self) -> Option<Self::Item> {
        let id = self.next;
        let data = self.doc.nodes.get(id)?;
        while self.open.last().is_some_and(|&end| end <= id) {
            self.open.pop();
        }
        let depth = self.open.len();
        let subtree_end = data.next as usize;
        if subtree_end > id + 1 {
            self.open.push(subtree_end);
        }
        self.next = id + 1;
        Some((depth, self.doc.node(id)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.doc.nodes.len().saturating_sub(self.next);
        (left, Some(left))
    }
}

impl ExactSizeIterator for Walk<'_, '_> {}
impl std::iter::FusedIterator for Walk<'_, '_> {}
