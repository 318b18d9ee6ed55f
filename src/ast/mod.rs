//! The tree: a [`Document`] stores its nodes in one vector, in document
//! order, and hands out small views of them ([`Node`], [`Section`],
//! [`Point`]) that borrow it, in the manner of `roxmltree`.
//!
//! Every node keeps its [`Span`] into the source. The tree is lossless: the
//! leaves ([`Marker`], [`Heading`], [`Paragraph`], [`Furniture`], [`Space`])
//! cover every byte of the input exactly once, in order, so
//! [`Document::leaves`] rebuilds the source.
//!
//! A node is a [`NodeData`] of 32 bytes (offsets of 32 bits into the
//! source, its kind, style and level in one byte each, and where its
//! subtree ends), stored packed in 12 where its heading and children's text
//! are short ([`Nodes`]), so a text of short headings takes a few times its
//! own size; the texts of a node (its marker, heading, title) are sliced
//! from the source when asked for. Spaces are not stored: they are the blank text between the stored
//! nodes' own leaves, made into [`Space`] nodes when the tree is read.

pub(crate) mod data;
pub(crate) mod nodes;
#[cfg(feature = "serde")]
mod serialize;
mod style;

use crate::diagnostic::{DiagnosticStore, Diagnostics};
use crate::span::Span;
pub(crate) use data::{NodeData, NodeKind};
pub(crate) use nodes::Nodes;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;
pub use style::{FurnitureKind, MarkerStyle};

/// A parsed document: the source it borrows, its nodes and the numbering
/// diagnostics found while parsing.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n正文。\n二、重点任务\n");
/// assert_eq!(doc.sections().count(), 2);
/// assert_eq!(doc.source(), "一、总体要求\n正文。\n二、重点任务\n");
/// ```
#[derive(Clone)]
pub struct Document<'a> {
    pub(crate) source: &'a str,
    /// Every node in document order (pre-order); each knows where its
    /// subtree ends ([`NodeData::next`]).
    pub(crate) nodes: Nodes,
    /// How many nodes the tree holds that are not stored. Spaces are not
    /// stored: the stored nodes' own leaves stand back to back but for
    /// blank runs, and each such gap is a space, given back by
    /// [`Children`], [`Walk`] and [`Document::leaves`] (the blank line
    /// after a heading or between paragraphs: on Markdown of headings,
    /// every other node). Paragraphs back to back, each ending a line, are
    /// one node (flagged [`NodeData::RUN`]), given back one a line: only
    /// the first of a run is stored.
    ///
    /// [`Walk`]: crate::visit::Walk
    pub(crate) unstored: usize,
    /// Numbering oddities found while parsing, in document order.
    pub(crate) diagnostics: DiagnosticStore,
    /// The titles whose source holds markup inside them (Markdown's
    /// `一、加强**党的**领导`), without it, by node index in order: see
    /// [`Section::title`]. Empty but for Markdown.
    pub(crate) plain_titles: Vec<(u32, Box<str>)>,
}

/// A node of the tree: a view into its [`Document`], cheap to copy.
///
/// Sections and points are handles with methods ([`Section::heading`],
/// [`Section::children`] …); the leaves are small values with public fields.
///
/// Serialises with a `"type"` tag: `"section"`, `"point"`, `"paragraph"`,
/// `"furniture"`, `"space"`.
#[derive(Clone, Copy)]
pub enum Node<'d, 'a> {
    /// A numbered (or unnumbered) heading and everything under it.
    Section(Section<'d, 'a>),
    /// An inline enumeration item (一是, 一要, 第一，, 首先，…) with its lead.
    Point(Point<'d, 'a>),
    /// Body text: one line, or the run of text between two markers when
    /// line breaks were lost.
    Paragraph(Paragraph<'a>),
    /// Title, date line, salutation, closing, or page boilerplate.
    Furniture(Furniture<'a>),
    /// White space between structure (blank lines, indentation before a marker).
    Space(Space<'a>),
}

/// A heading of the document's own hierarchy (一、 （一） 1. （1） ① 第一章 …)
/// and the nodes under it, up to the next heading of the same or a higher level.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n（一）指导思想\n");
/// let s = doc.sections().next().unwrap();
/// assert_eq!(s.marker().map(|m| m.text), Some("一、"));
/// assert_eq!(s.heading().title, "总体要求");
/// assert_eq!((s.level(), s.children().count()), (1, 1));
/// ```
#[derive(Clone, Copy)]
pub struct Section<'d, 'a> {
    doc: &'d Document<'a>,
    id: usize,
}

/// An inline enumeration item and what belongs to it.
///
/// ```
/// let doc = speechtree::parse("一是加强领导。二是狠抓落实。\n");
/// let p = doc.points().next().unwrap();
/// assert_eq!((p.marker().text, p.lead().title), ("一是", "加强领导"));
/// ```
#[derive(Clone, Copy)]
pub struct Point<'d, 'a> {
    doc: &'d Document<'a>,
    id: usize,
}

/// An ordinal as written, with its numeric value and style.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Marker<'a> {
    /// Exactly the marker's bytes, delimiter included (`（一）`, `1.`, `一是`, `第二，`).
    pub span: Span,
    /// The marker as written.
    pub text: &'a str,
    /// Numeric value: 一 → 1, （十二） → 12, ③ → 3, 其次 → 2. 最后 takes the
    /// value after the one it follows.
    pub value: u32,
    /// Which ordinal form this is.
    pub style: MarkerStyle,
}

/// A heading or a point's lead.
///
/// `text` is exactly the source at `span`: any white space after the marker,
/// the closing punctuation and the line break are included, so the tree stays
/// lossless. [`Heading::title`] gives the clean text.
///
/// Serialises as `span`, `text`, `title` and `evidence` (when not plain).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Heading<'a> {
    /// The heading's bytes.
    pub span: Span,
    /// The heading as written.
    pub text: &'a str,
    /// The heading without surrounding white space and closing punctuation:
    /// the source from its first character of text to its last, so any
    /// markup inside it stays ([`Section::title`] and [`Point::title`] give
    /// it as text, without that markup).
    pub title: &'a str,
    /// Why the heading was accepted when that was a judgement call.
    pub evidence: Evidence,
}

/// How sure the parser is of a heading, for callers that want to filter.
///
/// A plain line-initial marker whose heading ends at punctuation or a line
/// break has every field `false`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Evidence {
    /// The heading's end was inferred (no punctuation or line break ended it,
    /// as in text whose line breaks were lost).
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub inferred_end: bool,
    /// The marker stood after a sentence boundary, not at a line start.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub run_in: bool,
    /// The heading has no ordinal; it was recognised from its shape.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "std::ops::Not::not"))]
    pub unnumbered: bool,
}

impl Evidence {
    /// Whether nothing about the heading was a judgement call.
    pub fn is_plain(&self) -> bool {
        *self == Evidence::default()
    }
}

/// Body text.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Paragraph<'a> {
    /// The text's bytes, line break included.
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
}

/// White space between structure.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Space<'a> {
    /// The white space's bytes.
    pub span: Span,
    /// The white space as written.
    pub text: &'a str,
}

/// A piece of a speech's furniture, or page boilerplate around it.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Furniture<'a> {
    /// What this piece is.
    pub kind: FurnitureKind,
    /// Its bytes (line break included).
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
    /// The clean text: for a title, the title itself; for a salutation,
    /// without the colon.
    pub value: &'a str,
}

/// The nodes of one level of the tree (a document's top level, or a
/// section's or point's children), in order. Made by the `children`
/// methods.
#[derive(Clone)]
pub struct Children<'d, 'a> {
    doc: &'d Document<'a>,
    /// The next stored child's index; `end` when done.
    next: usize,
    end: usize,
    /// Where the next child starts: a stored child that starts later has
    /// a space before it that is not stored (see `Document::gaps`).
    at: usize,
    /// Where the last child ends: the parent's end.
    until: usize,
}

impl<'d, 'a> Iterator for Children<'d, 'a> {
    type Item = Node<'d, 'a>;

    fn next(&mut self) -> Option<Self::Item> {
        let stored = (self.next < self.end).then_some(self.next);
        let start = stored
            .and_then(|id| self.doc.nodes.start(id))
            .map_or(self.until, |s| s as usize);
        if self.at < start {
            let gap = self.doc.gap(self.at, start);
            self.at = start;
            return Some(gap);
        }
        let n = self.doc.nodes.get(stored?)?;
        let id = self.next;
        if n.flags & NodeData::RUN != 0 {
            let (end, piece) = self.doc.run_piece(n, self.at);
            self.at = end;
            if end >= n.end as usize {
                self.next = n.next as usize;
            }
            return Some(piece);
        }
        self.next = n.next as usize;
        self.at = resolve(self.doc.source, n.span()).end;
        Some(self.doc.node(id, n))
    }
}

impl std::iter::FusedIterator for Children<'_, '_> {}

impl<'d, 'a> Children<'d, 'a> {
    /// The nodes with the indices they are stored at (a space that is not
    /// stored comes with the index of the node after it: it has no
    /// children to look up).
    pub(crate) fn with_ids(mut self) -> impl Iterator<Item = (usize, Node<'d, 'a>)> {
        std::iter::from_fn(move || {
            let id = self.next;
            self.next().map(|node| (id, node))
        })
    }
}

impl<'a> Document<'a> {
    /// The source the tree was built from.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The whole source's span.
    pub fn span(&self) -> Span {
        Span::new(0, self.source.len())
    }

    /// Top-level nodes in document order.
    pub fn children(&self) -> Children<'_, 'a> {
        Children {
            doc: self,
            next: 0,
            end: self.nodes.len(),
            at: 0,
            until: self.source.len(),
        }
    }

    /// How many nodes the tree has, at every depth.
    ///
    /// ```
    /// let doc = speechtree::parse("一、总体要求\n正文。\n");
    /// assert_eq!(doc.len(), 2);
    /// assert_eq!(doc.len(), doc.walk().count());
    /// ```
    pub fn len(&self) -> usize {
        self.nodes.len() + self.unstored
    }

    /// Whether the tree has no nodes (the source is empty).
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.unstored == 0
    }

    /// Numbering oddities found while parsing, in document order.
    ///
    /// ```
    /// let doc = speechtree::parse("一、总体要求\n三、重点任务\n");
    /// assert_eq!(doc.diagnostics().len(), 1);
    /// assert!(doc.diagnostics().all(|d| d.code.id() == "skipped-ordinal"));
    /// ```
    pub fn diagnostics(&self) -> Diagnostics<'_> {
        self.diagnostics.iter(&self.nodes)
    }

    /// The title, when one was recognised.
    ///
    /// ```
    /// let doc = speechtree::parse("在全市工作会议上的讲话\n同志们：\n今天开会。\n");
    /// assert_eq!(doc.title(), Some("在全市工作会议上的讲话"));
    /// assert_eq!(doc.salutation(), Some("同志们"));
    /// ```
    pub fn title(&self) -> Option<&'a str> {
        self.furniture(FurnitureKind::Title)
    }

    /// The salutation without its colon, when one was recognised.
    pub fn salutation(&self) -> Option<&'a str> {
        self.furniture(FurnitureKind::Salutation)
    }

    fn furniture(&self, kind: FurnitureKind) -> Option<&'a str> {
        self.children().find_map(|n| match n {
            Node::Furniture(f) if f.kind == kind => Some(f.value),
            _ => None,
        })
    }

    /// All sections, at any depth, in document order.
    pub fn sections(&self) -> impl Iterator<Item = Section<'_, 'a>> + '_ {
        (0..self.nodes.len())
            .filter(|&id| self.data(id).kind == NodeKind::Section)
            .map(|id| Section { doc: self, id })
    }

    /// All points, at any depth, in document order.
    pub fn points(&self) -> impl Iterator<Item = Point<'_, 'a>> + '_ {
        (0..self.nodes.len())
            .filter(|&id| self.data(id).kind == NodeKind::Point)
            .map(|id| Point { doc: self, id })
    }

    /// Every node in document order with its depth (0 for top-level nodes).
    ///
    /// ```
    /// let doc = speechtree::parse("一、总体要求\n（一）指导思想\n");
    /// let depths: Vec<usize> = doc.walk().map(|(depth, _)| depth).collect();
    /// assert_eq!(depths, [0, 1]);
    /// ```
    pub fn walk(&self) -> crate::visit::Walk<'_, 'a> {
        crate::visit::Walk::new(self)
    }

    /// The leaves in order: `(span, text)`. Their texts concatenated give the
    /// source back.
    ///
    /// ```
    /// let text = "同志们：\n一、总体要求\n　　一是加强领导。二是狠抓落实。\n";
    /// let doc = speechtree::parse(text);
    /// let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
    /// assert_eq!(rebuilt, text);
    /// ```
    pub fn leaves(&self) -> impl Iterator<Item = (Span, &'a str)> + '_ {
        let source = self.source;
        // The spaces not stored are the text between the leaves stored.
        let mut at = 0;
        let stored = self
            .nodes
            .iter()
            .flat_map(move |n| n.own_leaves(source))
            .map(Some);
        stored
            .chain([None])
            .flat_map(move |span| {
                let span = span.map(|s| resolve(source, s));
                let start = span.map_or(source.len(), |s| s.start);
                let gap = Some(Span::new(at, start)).filter(|g| !g.is_empty());
                at = at.max(span.map_or(start, |s| s.end));
                gap.into_iter().chain(span)
            })
            .map(move |span| (span, span.slice(source)))
    }

    /// Line and column of a byte offset of the source.
    pub fn line_col(&self, offset: usize) -> crate::LineCol {
        crate::span::line_col(self.source, offset)
    }

    /// The space not stored from `start` to `end`.
    pub(crate) fn gap(&self, start: usize, end: usize) -> Node<'_, 'a> {
        let span = Span::new(start, end);
        Node::Space(Space {
            span,
            text: self.source.get(start..end).unwrap_or_default(),
        })
    }

    /// The paragraph or space of the run `n` that starts at `at` (or at
    /// the run's start, when `at` is before it), and where it ends.
    pub(crate) fn run_piece(&self, n: NodeData, at: usize) -> (usize, Node<'_, 'a>) {
        let (span, blank) = data::run_piece(self.source, n.span(), at.max(n.start as usize));
        let text = self.source.get(span.range()).unwrap_or_default();
        let node = if blank {
            Node::Space(Space { span, text })
        } else {
            Node::Paragraph(Paragraph { span, text })
        };
        (span.end, node)
    }

    /// The node `n` stored at `id` (not a run's: see
    /// [`Document::run_piece`]).
    pub(crate) fn node(&self, id: usize, n: NodeData) -> Node<'_, 'a> {
        let span = resolve(self.source, n.span());
        let text = span.slice(self.source);
        match n.kind {
            NodeKind::Section => Node::Section(Section { doc: self, id }),
            NodeKind::Point => Node::Point(Point { doc: self, id }),
            NodeKind::Paragraph => Node::Paragraph(Paragraph { span, text }),
            NodeKind::Furniture => Node::Furniture(Furniture {
                kind: n.furniture_kind(),
                span,
                text,
                value: n.title().slice(self.source),
            }),
        }
    }

    /// The node stored at `id` as stored (a default node past the end).
    fn data(&self, id: usize) -> NodeData {
        self.nodes.at(id)
    }

    /// Whether the node at `id` has children.
    fn has_children_at(&self, id: usize) -> bool {
        let n = self.data(id);
        n.next as usize > id + 1 || n.end > n.heading_end
    }

    /// The children of the node at `id`.
    pub(crate) fn children_of(&self, id: usize) -> Children<'_, 'a> {
        // (Past the end, a default node: no children.)
        let n = self.data(id);
        Children {
            doc: self,
            next: id + 1,
            end: n.next as usize,
            at: n.own_end(),
            until: resolve(self.source, n.span()).end,
        }
    }

    pub(crate) fn marker_at(&self, id: usize) -> Option<Marker<'a>> {
        let n = self.nodes.get(id)?;
        let span = n.marker()?;
        Some(Marker {
            span,
            text: span.slice(self.source),
            value: u32::from(n.value),
            style: n.marker_style(),
        })
    }

    /// The title of node `id` as text: its [`Heading::title`], without the
    /// markup inside it where it holds some.
    fn title_at(&self, id: usize) -> &str {
        match self.plain_titles.binary_search_by_key(&id, |&(i, _)| i as usize) {
            Ok(k) => &self.plain_titles[k].1,
            Err(_) => self.heading_at(id).title,
        }
    }

    fn heading_at(&self, id: usize) -> Heading<'a> {
        let Some(n) = self.nodes.get(id) else {
            return Heading {
                span: Span::default(),
                text: "",
                title: "",
                evidence: Evidence::default(),
            };
        };
        let span = n.heading();
        Heading {
            span,
            text: span.slice(self.source),
            title: n.title().slice(self.source),
            evidence: n.evidence(),
        }
    }
}

impl<'d, 'a> Section<'d, 'a> {
    /// From the marker (or heading) to the end of the last child.
    pub fn span(&self) -> Span {
        self.doc.data(self.id).span()
    }

    /// Depth in the document's heading hierarchy, 1 for the outermost style
    /// met. Levels are relative to the document: a two-level document may use
    /// 一、 then 1.. An unnumbered top-level part (附件1) is at level 0.
    pub fn level(&self) -> u32 {
        u32::from(self.doc.data(self.id).level)
    }

    /// The ordinal as written; `None` for a heading whose ordinal was lost.
    pub fn marker(&self) -> Option<Marker<'a>> {
        self.doc.marker_at(self.id)
    }

    /// The heading text.
    pub fn heading(&self) -> Heading<'a> {
        self.doc.heading_at(self.id)
    }

    /// The heading's title as text: [`Heading::title`], which is the source
    /// between the title's first and last character, without any markup
    /// inside it (in Markdown, `## 一、加强**党的**领导` has the title
    /// `加强党的领导`; its `Heading::title` is `加强**党的**领导`). It borrows
    /// the document (where it differs from the source it is kept there);
    /// `Heading::title` borrows only the source.
    pub fn title(&self) -> &'d str {
        self.doc.title_at(self.id)
    }

    /// Nodes under the heading.
    pub fn children(&self) -> Children<'d, 'a> {
        self.doc.children_of(self.id)
    }

    /// Whether any node is under the heading.
    pub fn has_children(&self) -> bool {
        self.doc.has_children_at(self.id)
    }

    /// This section as a [`Node`].
    pub fn node(&self) -> Node<'d, 'a> {
        Node::Section(*self)
    }
}

impl<'d, 'a> Point<'d, 'a> {
    /// From the marker to the end of the last child.
    pub fn span(&self) -> Span {
        self.doc.data(self.id).span()
    }

    /// The ordinal as written (一是, 二要, 第三，, 首先，…).
    pub fn marker(&self) -> Marker<'a> {
        self.doc.marker_at(self.id).unwrap_or(Marker {
            span: Span::default(),
            text: "",
            value: 0,
            style: MarkerStyle::Shi,
        })
    }

    /// The point's lead: its first clause, up to 。；：！？, the line's end or
    /// the next point of the same enumeration.
    pub fn lead(&self) -> Heading<'a> {
        self.doc.heading_at(self.id)
    }

    /// The lead's title as text, without any markup inside it (see
    /// [`Section::title`]).
    pub fn title(&self) -> &'d str {
        self.doc.title_at(self.id)
    }

    /// The rest of the point: body text and sub-points.
    pub fn children(&self) -> Children<'d, 'a> {
        self.doc.children_of(self.id)
    }

    /// Whether the point has body text or sub-points.
    pub fn has_children(&self) -> bool {
        self.doc.has_children_at(self.id)
    }

    /// This point as a [`Node`].
    pub fn node(&self) -> Node<'d, 'a> {
        Node::Point(*self)
    }
}

impl<'d, 'a> Node<'d, 'a> {
    /// The node's span.
    pub fn span(&self) -> Span {
        match self {
            Node::Section(n) => n.span(),
            Node::Point(n) => n.span(),
            Node::Paragraph(n) => n.span,
            Node::Furniture(n) => n.span,
            Node::Space(n) => n.span,
        }
    }

    /// The node's children (none for leaves).
    pub fn children(&self) -> Children<'d, 'a> {
        match self {
            Node::Section(n) => n.children(),
            Node::Point(n) => n.children(),
            Node::Paragraph(_) | Node::Furniture(_) | Node::Space(_) => Children {
                doc: EMPTY_DOCUMENT,
                next: 0,
                end: 0,
                at: 0,
                until: 0,
            },
        }
    }

    /// Whether the node has children.
    pub fn has_children(&self) -> bool {
        match self {
            Node::Section(n) => n.has_children(),
            Node::Point(n) => n.has_children(),
            Node::Paragraph(_) | Node::Furniture(_) | Node::Space(_) => false,
        }
    }

    /// The node's kind as a lowercase word (`"section"`, `"point"`, …), the
    /// same as its JSON `"type"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Section(_) => "section",
            Node::Point(_) => "point",
            Node::Paragraph(_) => "paragraph",
            Node::Furniture(_) => "furniture",
            Node::Space(_) => "space",
        }
    }

    /// The marker, for sections and points that have one.
    pub fn marker(&self) -> Option<Marker<'a>> {
        match self {
            Node::Section(s) => s.marker(),
            Node::Point(p) => Some(p.marker()),
            _ => None,
        }
    }

    /// The title of a section's heading or a point's lead as text, without
    /// any markup inside it ([`Section::title`]).
    pub fn title(&self) -> Option<&'d str> {
        match self {
            Node::Section(s) => Some(s.title()),
            Node::Point(p) => Some(p.title()),
            _ => None,
        }
    }

    /// The heading of a section or the lead of a point.
    pub fn heading(&self) -> Option<Heading<'a>> {
        match self {
            Node::Section(s) => Some(s.heading()),
            Node::Point(p) => Some(p.lead()),
            _ => None,
        }
    }
}

/// `span` with an end of [`NodeData::TO_END`] read as the source's end.
pub(crate) fn resolve(source: &str, span: Span) -> Span {
    if span.end == NodeData::TO_END as usize {
        Span::new(span.start, source.len())
    } else {
        span
    }
}

/// What leaves' [`Node::children`] iterate over: nothing.
static EMPTY_DOCUMENT: &Document<'static> = &Document {
    source: "",
    nodes: Nodes::EMPTY,
    unstored: 0,
    diagnostics: DiagnosticStore::EMPTY,
    plain_titles: Vec::new(),
};

impl fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Document@{:?} ", self.span())?;
        f.debug_list().entries(self.children()).finish()
    }
}

impl fmt::Debug for Node<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            Node::Section(_) => "Section",
            Node::Point(_) => "Point",
            Node::Paragraph(_) => "Paragraph",
            Node::Furniture(_) => "Furniture",
            Node::Space(_) => "Space",
        };
        write!(f, "{name}@{:?}", self.span())?;
        if let Some(m) = self.marker() {
            write!(f, " {:?}", m.text)?;
        }
        if let Some(h) = self.heading() {
            write!(f, " {:?}", h.title)?;
        }
        if let Node::Furniture(x) = self {
            write!(f, " {:?} {:?}", x.kind, x.value)?;
        }
        if self.has_children() {
            write!(f, " ")?;
            f.debug_list().entries(self.children()).finish()?;
        }
        Ok(())
    }
}

impl fmt::Debug for Section<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node().fmt(f)
    }
}

impl fmt::Debug for Point<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node().fmt(f)
    }
}

impl fmt::Debug for Marker<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Marker@{:?} {:?} {:?}={}",
            self.span, self.text, self.style, self.value
        )
    }
}

impl fmt::Debug for Heading<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Heading@{:?} {:?}", self.span, self.title)
    }
}

macro_rules! leaf_debug {
    ($($t:ident),*) => {$(
        impl fmt::Debug for $t<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "@{:?} {:?}"), self.span, self.text)
            }
        }
    )*};
}
leaf_debug!(Paragraph, Space, Furniture);

#[cfg(test)]
mod tests {
    use super::NodeData;
    use crate::{Node, Span};

    /// Spaces are not stored, yet the sections' children, the walk, the
    /// leaves and the count all have them.
    #[test]
    fn spaces_are_given_back() {
        let text = "一、甲\n\n（一）乙\n\n\n二、丙\n";
        let doc = crate::parse(text);
        assert_eq!(doc.nodes.len() + doc.unstored, doc.len());
        // The blank line before （一）, and the two before 二、 (in （一）).
        assert_eq!(doc.unstored, 2);
        assert_eq!(doc.nodes.len(), 3);
        let first = doc.sections().next().expect("一、");
        let kinds: Vec<(&str, Span)> = first.children().map(|n| (n.kind(), n.span())).collect();
        assert_eq!(
            kinds,
            [("space", Span::new(10, 11)), ("section", Span::new(11, 26))]
        );
        let inner = doc.sections().nth(1).expect("（一）");
        let spaces: Vec<&str> = inner
            .children()
            .filter_map(|n| match n {
                Node::Space(s) => Some(s.text),
                _ => None,
            })
            .collect();
        assert_eq!(spaces, ["\n\n"]);
        let walked: Vec<(usize, &str)> = doc.walk().map(|(d, n)| (d, n.kind())).collect();
        assert_eq!(
            walked,
            [
                (0, "section"),
                (1, "space"),
                (1, "section"),
                (2, "space"),
                (0, "section")
            ]
        );
        assert_eq!(doc.walk().len(), doc.len());
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, text);
    }

    /// Paragraphs back to back, each ending a line, and the blank lines
    /// between them are one stored node, given back one a line (blank lines
    /// together) everywhere; a section or the end of a line's part before a
    /// marker ends a run.
    #[test]
    fn runs_of_paragraphs_are_given_back_one_a_line() {
        let text = "甲\n乙\n丙\n\n丁\n一、总体要求\n戊\n己。一是加强领导，二是狠抓落实。\n庚\n";
        let doc = crate::parse(text);
        let runs = doc.nodes.iter().filter(|n| n.flags & NodeData::RUN != 0).count();
        assert_eq!(runs, 2, "甲乙丙丁, and 戊己 under 一、");
        assert_eq!(doc.data(0).span().slice(text), "甲\n乙\n丙\n\n丁\n");
        assert_eq!(doc.nodes.len() + doc.unstored, doc.len());
        let top: Vec<(&str, &str)> = doc.children().map(|n| (n.kind(), n.span().slice(text))).collect();
        assert_eq!(
            top,
            [
                ("paragraph", "甲\n"),
                ("paragraph", "乙\n"),
                ("paragraph", "丙\n"),
                ("space", "\n"),
                ("paragraph", "丁\n"),
                ("section", &text[17..])
            ]
        );
        let section = doc.sections().next().expect("一、");
        let inner: Vec<(&str, &str)> = section
            .children()
            .map(|n| (n.kind(), n.span().slice(text)))
            .collect();
        assert_eq!(
            inner,
            [
                ("paragraph", "戊\n"),
                ("paragraph", "己。"),
                ("point", "一是加强领导，"),
                ("point", "二是狠抓落实。\n庚\n")
            ]
        );
        assert_eq!(doc.walk().count(), doc.len());
        let leaves: Vec<&str> = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(leaves[..3], ["甲\n", "乙\n", "丙\n"]);
        assert_eq!(leaves.concat(), text);
    }
}
