//! Numbering oddities found while parsing. Parsing never fails; what looks
//! wrong is recorded here with a span, for callers and for `speechtree lint`.

use crate::ast::NodeData;
use crate::span::Span;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;

/// One numbering oddity: a view of what the [`Document`](crate::Document)
/// keeps, made by [`Document::diagnostics`](crate::Document::diagnostics).
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n三、重点任务\n");
/// let d = doc.diagnostics().next().unwrap();
/// assert_eq!(d.code, speechtree::DiagnosticCode::SkippedOrdinal);
/// assert_eq!(d.span.slice(doc.source()), "三、");
/// assert_eq!(d.message, "expected 二、 after 一、, found 三、");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Diagnostic<'d> {
    /// What kind of oddity.
    pub code: DiagnosticCode,
    /// Where it is (usually the marker).
    pub span: Span,
    /// A one-line message, lowercase, without a trailing period.
    pub message: &'d str,
    /// A related place, such as the marker the sequence continued from.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub related: Option<Span>,
}

/// A document's diagnostics as kept: 16 bytes each, the messages that are
/// the same kept once (text dense with numbering faults has a diagnostic
/// on every line, most of them saying the same). A related span is the
/// marker of a node of the tree: its start is kept, and its end is read
/// from that node.
#[derive(Clone, Debug, Default)]
pub(crate) struct DiagnosticStore {
    list: Vec<Stored>,
    messages: Vec<String>,
    /// Each message's number while diagnostics are added.
    ids: Option<std::collections::HashMap<String, u32>>,
}

#[derive(Clone, Copy, Debug)]
struct Stored {
    start: u32,
    end: u32,
    related_start: u32,
    /// The message's number (the low [`MESSAGE_BITS`] bits), the code's
    /// index in [`DiagnosticCode::ALL`] (three bits) and, in the top bit,
    /// whether there is a related span.
    word: u32,
}

const _: () = assert!(std::mem::size_of::<Stored>() == 16);

/// The bits of a message's number: room for 268 million distinct messages.
const MESSAGE_BITS: u32 = 28;
const MESSAGE_MASK: u32 = (1 << MESSAGE_BITS) - 1;
const HAS_RELATED: u32 = 1 << 31;
const _: () = assert!(
    DiagnosticCode::ALL.len() <= 8,
    "a code needs more than three bits"
);
// Every code is in `ALL`, at its own number (a code left out would be
// stored as another).
const _: () = {
    let mut i = 0;
    while i < DiagnosticCode::ALL.len() {
        assert!(
            DiagnosticCode::ALL[i] as usize == i,
            "DiagnosticCode::ALL out of order"
        );
        i += 1;
    }
    assert!(
        DiagnosticCode::BoilerplateShare as usize + 1 == DiagnosticCode::ALL.len(),
        "a code missing from DiagnosticCode::ALL"
    );
};

impl DiagnosticStore {
    /// No diagnostics.
    pub(crate) const EMPTY: DiagnosticStore = DiagnosticStore {
        list: Vec::new(),
        messages: Vec::new(),
        ids: None,
    };

    /// Adds a diagnostic after the others. `related` is the marker of a
    /// node of the tree (only its start is kept).
    pub(crate) fn push(&mut self, code: DiagnosticCode, span: Span, message: String, related: Option<Span>) {
        let stored = self.stored(code, span, message, related);
        self.list.push(stored);
    }

    /// Adds a diagnostic among the others in the order of their starts.
    pub(crate) fn insert_in_order(&mut self, code: DiagnosticCode, span: Span, message: String) {
        let stored = self.stored(code, span, message, None);
        let at = self.list.partition_point(|d| d.start as usize <= span.start);
        self.list.insert(at, stored);
    }

    fn stored(&mut self, code: DiagnosticCode, span: Span, message: String, related: Option<Span>) -> Stored {
        let next = u32::try_from(self.messages.len()).unwrap_or(u32::MAX);
        let ids = self.ids.get_or_insert_with(Default::default);
        let id = match ids.get(&message) {
            Some(&id) => id,
            // More distinct messages than a number holds (a text of
            // gigabytes, all faults, each different): the last one kept
            // stands for the rest.
            None if next > MESSAGE_MASK => MESSAGE_MASK,
            None => {
                ids.insert(message.clone(), next);
                self.messages.push(message);
                next
            }
        };
        // Diagnostics stand at markers, which lie in the first 4 GiB.
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let code_bits = code as u32;
        Stored {
            start: at(span.start),
            end: at(span.end),
            related_start: related.map_or(0, |r| at(r.start)),
            word: id | code_bits << MESSAGE_BITS | if related.is_some() { HAS_RELATED } else { 0 },
        }
    }

    /// Done adding: the look-up table of messages is dropped.
    pub(crate) fn finish(mut self) -> Self {
        self.ids = None;
        self.list.shrink_to_fit();
        self
    }

    /// Whether a diagnostic of one of `codes` is exactly at `span` (the
    /// list is in the order of starts).
    pub(crate) fn has_at(&self, span: Span, codes: &[DiagnosticCode]) -> bool {
        let from = self.list.partition_point(|d| (d.start as usize) < span.start);
        self.list[from..]
            .iter()
            .take_while(|d| d.start as usize == span.start)
            .any(|d| d.end as usize == span.end && codes.contains(&d.code()))
    }

    /// The diagnostics, their related spans read from `nodes` (the tree
    /// they were found in).
    pub(crate) fn iter<'d>(&'d self, nodes: &'d [NodeData]) -> Diagnostics<'d> {
        Diagnostics {
            store: self,
            nodes,
            range: 0..self.list.len(),
        }
    }

    fn get(&self, i: usize, nodes: &[NodeData]) -> Option<Diagnostic<'_>> {
        let d = self.list.get(i)?;
        Some(Diagnostic {
            code: d.code(),
            span: Span::new(d.start as usize, d.end as usize),
            message: self
                .messages
                .get((d.word & MESSAGE_MASK) as usize)
                .map_or("", String::as_str),
            related: (d.word & HAS_RELATED != 0).then(|| marker_at(nodes, d.related_start)),
        })
    }
}

impl Stored {
    fn code(&self) -> DiagnosticCode {
        let index = (self.word >> MESSAGE_BITS & 7) as usize;
        DiagnosticCode::ALL
            .get(index)
            .copied()
            .unwrap_or(DiagnosticCode::SkippedOrdinal)
    }
}

/// The marker that starts at `start`: that of the first node there with one
/// (nodes are in document order), or an empty span.
fn marker_at(nodes: &[NodeData], start: u32) -> Span {
    let from = nodes.partition_point(|n| n.start < start);
    nodes[from..]
        .iter()
        .take_while(|n| n.start == start)
        .find_map(NodeData::marker)
        .unwrap_or(Span::new(start as usize, start as usize))
}

/// A document's diagnostics in document order: made by
/// [`Document::diagnostics`](crate::Document::diagnostics).
#[derive(Clone, Debug)]
pub struct Diagnostics<'d> {
    store: &'d DiagnosticStore,
    nodes: &'d [NodeData],
    range: std::ops::Range<usize>,
}

impl Diagnostics<'_> {
    /// How many diagnostics are left.
    pub fn len(&self) -> usize {
        self.range.len()
    }

    /// Whether no diagnostic is left.
    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }
}

impl<'d> Iterator for Diagnostics<'d> {
    type Item = Diagnostic<'d>;

    fn next(&mut self) -> Option<Diagnostic<'d>> {
        let i = self.range.next()?;
        self.store.get(i, self.nodes)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Diagnostics<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.store.get(i, self.nodes)
    }
}

impl ExactSizeIterator for Diagnostics<'_> {}
impl std::iter::FusedIterator for Diagnostics<'_> {}

#[cfg(feature = "serde")]
impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.clone())
    }
}

/// Kinds of diagnostics. Each has a stable id ([`DiagnosticCode::id`]).
///
/// Serialises as its id; the lint rules that report diagnostics
/// ([`crate::lint::Rule`]) take their ids from here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum DiagnosticCode {
    /// An ordinal skips one or more values (一、 then 三、).
    SkippedOrdinal,
    /// An ordinal repeats or goes back where the sequence should continue.
    DuplicateOrdinal,
    /// A sequence that does not start at one.
    NotStartingAtOne,
    /// A heading with no text.
    EmptyHeading,
    /// Nesting deeper than [`crate::Options::max_depth`]; deeper headings
    /// were kept as siblings.
    DepthLimit,
    /// More than a small share of the text (over 5% or 2 KB) was set aside
    /// as page boilerplate (`furniture: noise`); the span runs over it.
    BoilerplateShare,
}

impl DiagnosticCode {
    /// Every code, in declaration order.
    pub const ALL: [DiagnosticCode; 6] = [
        DiagnosticCode::SkippedOrdinal,
        DiagnosticCode::DuplicateOrdinal,
        DiagnosticCode::NotStartingAtOne,
        DiagnosticCode::EmptyHeading,
        DiagnosticCode::DepthLimit,
        DiagnosticCode::BoilerplateShare,
    ];

    /// The stable id, as used by `speechtree lint` (`skipped-ordinal`, …).
    pub const fn id(self) -> &'static str {
        match self {
            DiagnosticCode::SkippedOrdinal => "skipped-ordinal",
            DiagnosticCode::DuplicateOrdinal => "duplicate-ordinal",
            DiagnosticCode::NotStartingAtOne => "not-starting-at-one",
            DiagnosticCode::EmptyHeading => "empty-heading",
            DiagnosticCode::DepthLimit => "depth-limit",
            DiagnosticCode::BoilerplateShare => "boilerplate-share",
        }
    }
}

#[cfg(feature = "serde")]
impl Serialize for DiagnosticCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl fmt::Display for DiagnosticCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
