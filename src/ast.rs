//! The tree: one struct per node kind, wrapped in [`Node`].
//!
//! Every node keeps its [`Span`] into the source. The tree is lossless: the
//! leaves ([`Marker`], [`Heading`], [`Paragraph`], [`Furniture`], [`Space`])
//! cover every byte of the input exactly once, in order, so
//! [`Document::leaves`] rebuilds the source.

use crate::diagnostic::Diagnostic;
use crate::span::Span;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;

/// A parsed document: the source it borrows, its top-level nodes and the
/// numbering diagnostics found while parsing.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n正文。\n二、重点任务\n");
/// assert_eq!(doc.sections().count(), 2);
/// assert_eq!(doc.source(), "一、总体要求\n正文。\n二、重点任务\n");
/// ```
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename = "document"))]
pub struct Document<'a> {
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(crate) source: &'a str,
    /// The whole source.
    pub(crate) span: Span,
    /// Top-level nodes in document order.
    pub(crate) children: Vec<Node<'a>>,
    /// Numbering oddities found while parsing, in document order.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// A node of the tree.
///
/// Serialises with a `"type"` tag: `"section"`, `"point"`, `"paragraph"`,
/// `"furniture"`, `"space"`.
///
/// Sections and points are boxed: most nodes of a document are paragraphs
/// and spaces, and a node is then 56 bytes rather than the 144 of a section
/// held inline. Match them as `Node::Section(s)` and use `s` as a
/// `&Section` (fields and methods reach through the box).
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "type", rename_all = "snake_case"))]
pub enum Node<'a> {
    /// A numbered (or unnumbered) heading and everything under it.
    Section(Box<Section<'a>>),
    /// An inline enumeration item (一是, 一要, 第一，, 首先，…) with its lead.
    Point(Box<Point<'a>>),
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
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Section<'a> {
    /// From the marker (or heading) to the end of the last child.
    pub span: Span,
    /// Depth in the document's heading hierarchy, 1 for the outermost style
    /// met. Levels are relative to the document: a two-level document may use
    /// 一、 then 1..
    pub level: u32,
    /// The ordinal as written; `None` for a heading whose ordinal was lost.
    pub marker: Option<Marker<'a>>,
    /// The heading text.
    pub heading: Heading<'a>,
    /// Nodes under the heading.
    pub children: Vec<Node<'a>>,
}

/// An inline enumeration item and what belongs to it.
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Point<'a> {
    /// From the marker to the end of the last child.
    pub span: Span,
    /// The ordinal as written (一是, 二要, 第三，, 首先，…).
    pub marker: Marker<'a>,
    /// The point's lead: its first clause, up to 。；：！？, the line's end or
    /// the next point of the same enumeration.
    pub lead: Heading<'a>,
    /// The rest of the point: body text and sub-points.
    pub children: Vec<Node<'a>>,
}

/// An ordinal as written, with its numeric value and style.
#[derive(Clone)]
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

/// The ordinal forms recognised (their grammar is in `src/parse/marker.rs`).
///
/// (The parser indexes tables by these discriminants: keep fewer than 32.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MarkerStyle {
    /// 一、 二、 … 二十三、 (GB/T 9704 level 1; also 一. and 一， as written).
    Dun,
    /// （一） (一) … (GB/T 9704 level 2).
    ParenHan,
    /// 1. 1． 1、 1) (GB/T 9704 level 3).
    Dot,
    /// （1） (1) （１） (GB/T 9704 level 4).
    ParenDigit,
    /// ① ② … ㊿.
    Circled,
    /// ⑴ ⑵ … ⒇.
    ParenNumber,
    /// ㈠ ㈡ … ㈩.
    ParenIdeograph,
    /// 第一章.
    Chapter,
    /// 第一节.
    ChapterSection,
    /// 第一条.
    Article,
    /// 第一部分.
    Part,
    /// 第一， 第一、 第一是 (inline ordinal).
    Ordinal,
    /// 其一， 其二，.
    Qi,
    /// 一是 二是 (also 一是要).
    Shi,
    /// 一要 二要, and other verbs in the same slot: 一抓 一靠 一看 一讲.
    Yao,
    /// 首先 其次 再次 最后.
    Sequence,
    /// `1 总则`: the first level of decimal 章条 numbering (GB/T 1.1), at a
    /// line start with a space after the number. The marker is the number
    /// alone; `value` is the number.
    Decimal,
    /// `1.1 范围`: decimal numbering, second level. The marker text is the
    /// numeric path (`3.1`); `value` is its last component.
    Decimal2,
    /// `1.1.1`: decimal numbering, third level.
    Decimal3,
    /// `1.1.1.1`: decimal numbering, fourth level.
    Decimal4,
    /// ⒈ ⒉ … ⒛ (digits with a full stop, one character each).
    DigitStop,
    /// A. B. or A、 A． at line starts (a capital letter; A → 1).
    Letter,
    /// a) b) or a. a） at line starts (a small letter; a → 1).
    SmallLetter,
    /// § 1, §2 at line starts.
    SectionSign,
    /// 第一编 (a code's book: 民法典, 刑法).
    Book,
    /// 第一分编 (a book's part).
    SubBook,
}

// Discriminants run 0.. in declaration order: a style added at the end and
// not to `MarkerStyle::ALL` fails to compile here.
const _: () = assert!(MarkerStyle::SubBook as usize + 1 == MarkerStyle::ALL.len());

impl MarkerStyle {
    /// Whether this style is decimal 章条 numbering (`1`, `1.1`, `1.1.1` …).
    pub const fn is_decimal(self) -> bool {
        matches!(
            self,
            MarkerStyle::Decimal | MarkerStyle::Decimal2 | MarkerStyle::Decimal3 | MarkerStyle::Decimal4
        )
    }

    /// Whether this style numbers a statute's units (第一编 第一分编 第一章
    /// 第一节 第一条 第一部分), whose order is fixed whatever the document.
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert!(MarkerStyle::ChapterSection.is_statute_unit());
    /// assert!(!MarkerStyle::Dun.is_statute_unit());
    /// ```
    pub const fn is_statute_unit(self) -> bool {
        matches!(
            self,
            MarkerStyle::Book
                | MarkerStyle::SubBook
                | MarkerStyle::Chapter
                | MarkerStyle::ChapterSection
                | MarkerStyle::Article
                | MarkerStyle::Part
        )
    }

    /// Whether this style numbers headings of the document's hierarchy
    /// (sections) rather than inline enumerations (points).
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert!(MarkerStyle::ParenHan.is_heading());
    /// assert!(!MarkerStyle::Shi.is_heading());
    /// ```
    pub const fn is_heading(self) -> bool {
        !matches!(
            self,
            MarkerStyle::Ordinal
                | MarkerStyle::Qi
                | MarkerStyle::Shi
                | MarkerStyle::Yao
                | MarkerStyle::Sequence
        )
    }

    /// Rank in the standard order (GB/T 9704 7.3.3, GB/T 15834 B.3), used to
    /// break ties between styles: lower ranks are higher levels.
    pub const fn standard_rank(self) -> u8 {
        match self {
            MarkerStyle::Part => 0,
            MarkerStyle::Book => 1,
            MarkerStyle::SubBook => 2,
            MarkerStyle::Chapter => 3,
            MarkerStyle::ChapterSection => 4,
            MarkerStyle::Article => 5,
            MarkerStyle::Dun => 6,
            MarkerStyle::ParenHan => 7,
            MarkerStyle::Dot => 8,
            MarkerStyle::ParenDigit => 9,
            MarkerStyle::Circled => 10,
            MarkerStyle::ParenNumber => 11,
            MarkerStyle::ParenIdeograph => 12,
            MarkerStyle::Ordinal => 13,
            MarkerStyle::Qi => 14,
            MarkerStyle::Sequence => 15,
            MarkerStyle::Shi => 16,
            MarkerStyle::Yao => 17,
            MarkerStyle::Decimal => 18,
            MarkerStyle::Decimal2 => 19,
            MarkerStyle::Decimal3 => 20,
            MarkerStyle::Decimal4 => 21,
            MarkerStyle::DigitStop => 22,
            MarkerStyle::Letter => 23,
            MarkerStyle::SmallLetter => 24,
            MarkerStyle::SectionSign => 25,
        }
    }

    /// Every style, in declaration order.
    pub const ALL: [MarkerStyle; 26] = [
        MarkerStyle::Dun,
        MarkerStyle::ParenHan,
        MarkerStyle::Dot,
        MarkerStyle::ParenDigit,
        MarkerStyle::Circled,
        MarkerStyle::ParenNumber,
        MarkerStyle::ParenIdeograph,
        MarkerStyle::Chapter,
        MarkerStyle::ChapterSection,
        MarkerStyle::Article,
        MarkerStyle::Part,
        MarkerStyle::Ordinal,
        MarkerStyle::Qi,
        MarkerStyle::Shi,
        MarkerStyle::Yao,
        MarkerStyle::Sequence,
        MarkerStyle::Decimal,
        MarkerStyle::Decimal2,
        MarkerStyle::Decimal3,
        MarkerStyle::Decimal4,
        MarkerStyle::DigitStop,
        MarkerStyle::Letter,
        MarkerStyle::SmallLetter,
        MarkerStyle::SectionSign,
        MarkerStyle::Book,
        MarkerStyle::SubBook,
    ];

    /// The style's name in JSON and in the Python package (`dun`,
    /// `paren_han`, `chapter_section` …).
    ///
    /// ```
    /// use speechtree::MarkerStyle;
    /// assert_eq!(MarkerStyle::ParenHan.name(), "paren_han");
    /// assert_eq!(MarkerStyle::SubBook.name(), "sub_book");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            MarkerStyle::Dun => "dun",
            MarkerStyle::ParenHan => "paren_han",
            MarkerStyle::Dot => "dot",
            MarkerStyle::ParenDigit => "paren_digit",
            MarkerStyle::Circled => "circled",
            MarkerStyle::ParenNumber => "paren_number",
            MarkerStyle::ParenIdeograph => "paren_ideograph",
            MarkerStyle::Chapter => "chapter",
            MarkerStyle::ChapterSection => "chapter_section",
            MarkerStyle::Article => "article",
            MarkerStyle::Part => "part",
            MarkerStyle::Ordinal => "ordinal",
            MarkerStyle::Qi => "qi",
            MarkerStyle::Shi => "shi",
            MarkerStyle::Yao => "yao",
            MarkerStyle::Sequence => "sequence",
            MarkerStyle::Decimal => "decimal",
            MarkerStyle::Decimal2 => "decimal2",
            MarkerStyle::Decimal3 => "decimal3",
            MarkerStyle::Decimal4 => "decimal4",
            MarkerStyle::DigitStop => "digit_stop",
            MarkerStyle::Letter => "letter",
            MarkerStyle::SmallLetter => "small_letter",
            MarkerStyle::SectionSign => "section_sign",
            MarkerStyle::Book => "book",
            MarkerStyle::SubBook => "sub_book",
        }
    }
}

/// A heading or a point's lead.
///
/// `text` is exactly the source at `span`: any white space after the marker,
/// the closing punctuation and the line break are included, so the tree stays
/// lossless. [`Heading::title`] gives the clean text.
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Heading<'a> {
    /// The heading's bytes.
    pub span: Span,
    /// The heading as written.
    pub text: &'a str,
    /// The heading without surrounding white space and closing punctuation.
    pub title: &'a str,
    /// Why the heading was accepted when that was a judgement call.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Evidence::is_plain"))]
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
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Paragraph<'a> {
    /// The text's bytes, line break included.
    pub span: Span,
    /// The text as written.
    pub text: &'a str,
}

/// White space between structure.
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Space<'a> {
    /// The white space's bytes.
    pub span: Span,
    /// The white space as written.
    pub text: &'a str,
}

/// A piece of a speech's furniture, or page boilerplate around it.
#[derive(Clone)]
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

/// Kinds of furniture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum FurnitureKind {
    /// The title (……在……会议上的讲话, 政府工作报告).
    Title,
    /// A subtitle, often after ——.
    Subtitle,
    /// A date or speaker line ((2023年5月26日), 国务院总理 李强).
    Byline,
    /// A salutation (同志们： 各位代表：).
    Salutation,
    /// The closing (谢谢大家！).
    Closing,
    /// Web-page boilerplate, menus, captions, licence notes.
    Noise,
    /// A block of notes (注： ① …), whose numbers are footnote references,
    /// not headings.
    Notes,
    /// A table of contents (目录 and its 章/节 lines): its entries repeat
    /// the document's units and are not headings.
    Contents,
}

impl FurnitureKind {
    /// Every kind, in declaration order.
    pub const ALL: [FurnitureKind; 8] = [
        FurnitureKind::Title,
        FurnitureKind::Subtitle,
        FurnitureKind::Byline,
        FurnitureKind::Salutation,
        FurnitureKind::Closing,
        FurnitureKind::Noise,
        FurnitureKind::Notes,
        FurnitureKind::Contents,
    ];

    /// The kind's name in JSON and in the Python package (`title`,
    /// `salutation`, `contents` …).
    ///
    /// ```
    /// assert_eq!(speechtree::FurnitureKind::Contents.name(), "contents");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            FurnitureKind::Title => "title",
            FurnitureKind::Subtitle => "subtitle",
            FurnitureKind::Byline => "byline",
            FurnitureKind::Salutation => "salutation",
            FurnitureKind::Closing => "closing",
            FurnitureKind::Noise => "noise",
            FurnitureKind::Notes => "notes",
            FurnitureKind::Contents => "contents",
        }
    }
}

// As for `MarkerStyle::ALL`: a kind added at the end and not to `ALL` fails here.
const _: () = assert!(FurnitureKind::Contents as usize + 1 == FurnitureKind::ALL.len());

impl<'a> Document<'a> {
    /// The source the tree was built from.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The whole source's span.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Top-level nodes in document order.
    pub fn children(&self) -> &[Node<'a>] {
        &self.children
    }

    /// Numbering oddities found while parsing, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
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
        self.children.iter().find_map(|n| match n {
            Node::Furniture(f) if f.kind == kind => Some(f.value),
            _ => None,
        })
    }

    /// All sections, at any depth, in document order.
    pub fn sections(&self) -> impl Iterator<Item = &Section<'a>> + '_ {
        self.walk().filter_map(|(_, n)| match n {
            Node::Section(s) => Some(&**s),
            _ => None,
        })
    }

    /// All points, at any depth, in document order.
    pub fn points(&self) -> impl Iterator<Item = &Point<'a>> + '_ {
        self.walk().filter_map(|(_, n)| match n {
            Node::Point(p) => Some(&**p),
            _ => None,
        })
    }

    /// Every node in document order with its depth (0 for top-level nodes).
    ///
    /// ```
    /// let doc = speechtree::parse("一、总体要求\n（一）指导思想\n");
    /// let depths: Vec<usize> = doc.walk().map(|(depth, _)| depth).collect();
    /// assert_eq!(depths, [0, 1]);
    /// ```
    pub fn walk(&self) -> crate::visit::Walk<'_, 'a> {
        crate::visit::Walk::new(&self.children)
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
        self.walk()
            .flat_map(|(_, node)| node.own_leaves())
            .map(move |span| (span, span.slice(source)))
    }

    /// Line and column of a byte offset of the source.
    pub fn line_col(&self, offset: usize) -> crate::LineCol {
        crate::span::line_col(self.source, offset)
    }
}

impl<'a> Node<'a> {
    /// The node's span.
    pub fn span(&self) -> Span {
        match self {
            Node::Section(n) => n.span,
            Node::Point(n) => n.span,
            Node::Paragraph(n) => n.span,
            Node::Furniture(n) => n.span,
            Node::Space(n) => n.span,
        }
    }

    /// The node's children (empty for leaves).
    pub fn children(&self) -> &[Node<'a>] {
        match self {
            Node::Section(n) => &n.children,
            Node::Point(n) => &n.children,
            _ => &[],
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
    pub fn marker(&self) -> Option<&Marker<'a>> {
        match self {
            Node::Section(s) => s.marker.as_ref(),
            Node::Point(p) => Some(&p.marker),
            _ => None,
        }
    }

    /// The heading of a section or the lead of a point.
    pub fn heading(&self) -> Option<&Heading<'a>> {
        match self {
            Node::Section(s) => Some(&s.heading),
            Node::Point(p) => Some(&p.lead),
            _ => None,
        }
    }

    /// The spans of the leaves this node holds itself (not its children's).
    fn own_leaves(&self) -> impl Iterator<Item = Span> {
        let (a, b) = match self {
            Node::Section(s) => (s.marker.as_ref().map(|m| m.span), Some(s.heading.span)),
            Node::Point(p) => (Some(p.marker.span), Some(p.lead.span)),
            Node::Paragraph(n) => (Some(n.span), None),
            Node::Furniture(n) => (Some(n.span), None),
            Node::Space(n) => (Some(n.span), None),
        };
        a.into_iter().chain(b)
    }
}

impl fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Document@{:?} ", self.span)?;
        f.debug_list().entries(&self.children).finish()
    }
}

impl fmt::Debug for Node<'_> {
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
        if !self.children().is_empty() {
            write!(f, " ")?;
            f.debug_list().entries(self.children()).finish()?;
        }
        Ok(())
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

macro_rules! container_debug {
    ($($t:ident),*) => {$(
        impl fmt::Debug for $t<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($t), "@{:?} "), self.span)?;
                f.debug_list().entries(&self.children).finish()
            }
        }
    )*};
}
container_debug!(Section, Point);
