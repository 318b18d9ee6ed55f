//! Numbering oddities found while parsing. Parsing never fails; what looks
//! wrong is recorded here with a span, for callers and for `speechtree lint`.

use crate::ast::Nodes;
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

/// A document's diagnostics as kept: 12 bytes each, the messages that are
/// the same kept once (text dense with numbering faults has a diagnostic
/// on every line, most of them saying the same). A diagnostic's span and
/// its related span are, almost always, the marker of a node of the tree:
/// their starts are kept, and their ends read from that node. The few
/// spans that are not a marker (a heading without an ordinal past the depth
/// limit, the share of boilerplate) have no related span: their end is
/// kept where a related span's start would be.
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
    /// The related span's start ([`HAS_RELATED`]), or the span's own end
    /// ([`OWN_END`]), or nothing.
    other: u32,
    /// The message's number (the low [`MESSAGE_BITS`] bits), the code's
    /// index in [`DiagnosticCode::ALL`] (three bits), [`OWN_END`] and
    /// [`HAS_RELATED`].
    word: u32,
}

const _: () = assert!(std::mem::size_of::<Stored>() == 12);

/// The bits of a message's number: room for 134 million distinct messages.
const MESSAGE_BITS: u32 = 27;
const MESSAGE_MASK: u32 = (1 << MESSAGE_BITS) - 1;
/// The span is not a marker: its end is kept in [`Stored::other`].
const OWN_END: u32 = 1 << 30;
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
        DiagnosticCode::MarkupAsText as usize + 1 == DiagnosticCode::ALL.len(),
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

    /// Adds a diagnostic after the others, at `marker`, the marker of a node
    /// of the tree (its end is read from there). `related` is the marker of
    /// a node too.
    pub(crate) fn push_at_marker(
        &mut self,
        code: DiagnosticCode,
        marker: Span,
        message: String,
        related: Option<Span>,
    ) {
        let stored = self.stored(code, marker, message, related);
        self.list.push(stored);
    }

    /// Adds a diagnostic after the others, at a span that is not a marker.
    pub(crate) fn push(&mut self, code: DiagnosticCode, span: Span, message: String) {
        let stored = self.stored_own_end(code, span, message);
        self.list.push(stored);
    }

    /// Adds a diagnostic among the others in the order of their starts, at
    /// a span that is not a marker.
    pub(crate) fn insert_in_order(&mut self, code: DiagnosticCode, span: Span, message: String) {
        let stored = self.stored_own_end(code, span, message);
        let i = self.list.partition_point(|d| d.start as usize <= span.start);
        self.list.insert(i, stored);
    }

    /// A diagnostic at a span that is not a marker, its end kept.
    fn stored_own_end(&mut self, code: DiagnosticCode, span: Span, message: String) -> Stored {
        let stored = self.stored(code, span, message, None);
        Stored {
            other: at(span.end),
            word: stored.word | OWN_END,
            ..stored
        }
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
        let code_bits = code as u32;
        Stored {
            start: at(span.start),
            other: related.map_or(0, |r| at(r.start)),
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
    /// list is in the order of starts), in the tree of `nodes`.
    pub(crate) fn has_at(&self, span: Span, codes: &[DiagnosticCode], nodes: &Nodes) -> bool {
        let from = self.list.partition_point(|d| (d.start as usize) < span.start);
        self.list[from..]
            .iter()
            .take_while(|d| d.start as usize == span.start)
            .any(|d| codes.contains(&d.code()) && d.span(nodes) == span)
    }

    /// The diagnostics, their related spans read from `nodes` (the tree
    /// they were found in).
    pub(crate) fn iter<'d>(&'d self, nodes: &'d Nodes) -> Diagnostics<'d> {
        Diagnostics {
            store: self,
            nodes,
            range: 0..self.list.len(),
        }
    }

    fn get(&self, i: usize, nodes: &Nodes) -> Option<Diagnostic<'_>> {
        let d = self.list.get(i)?;
        Some(Diagnostic {
            code: d.code(),
            span: d.span(nodes),
            message: self
                .messages
                .get((d.word & MESSAGE_MASK) as usize)
                .map_or("", String::as_str),
            related: (d.word & HAS_RELATED != 0).then(|| marker_at(nodes, d.other)),
        })
    }
}

impl Stored {
    /// Its span, in the tree of `nodes`.
    fn span(&self, nodes: &Nodes) -> Span {
        if self.word & OWN_END != 0 {
            Span::new(self.start as usize, self.other as usize)
        } else {
            marker_at(nodes, self.start)
        }
    }

    fn code(&self) -> DiagnosticCode {
        let index = (self.word >> MESSAGE_BITS & 7) as usize;
        DiagnosticCode::ALL
            .get(index)
            .copied()
            .unwrap_or(DiagnosticCode::SkippedOrdinal)
    }
}

/// An offset as kept: diagnostics stand at markers, which lie in the first
/// 4 GiB (the share of boilerplate of a longer text saturates).
fn at(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// The marker that starts at `start`: that of the first node there with one
/// (nodes are in document order), or an empty span.
fn marker_at(nodes: &Nodes, start: u32) -> Span {
    (nodes.first_from(start)..nodes.len())
        .take_while(|&id| nodes.start(id) == Some(start))
        .find_map(|id| nodes.get(id)?.marker())
        .unwrap_or(Span::new(start as usize, start as usize))
}

/// A document's diagnostics in document order: made by
/// [`Document::diagnostics`](crate::Document::diagnostics).
#[derive(Clone, Debug)]
pub struct Diagnostics<'d> {
    store: &'d DiagnosticStore,
    nodes: &'d Nodes,
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
    /// A piece of a Markdown source was read as plain text (its markup
    /// shown to the parser as it is): no place to end a piece made it small
    /// enough for pulldown-cmark's tree of it to fit the memory bound (a
    /// paragraph of a million code spans). Markers behind markup there are
    /// not found; the span runs over the piece.
    MarkupAsText,
}

impl DiagnosticCode {
    /// Every code, in declaration order.
    pub const ALL: [DiagnosticCode; 7] = [
        DiagnosticCode::SkippedOrdinal,
        DiagnosticCode::DuplicateOrdinal,
        DiagnosticCode::NotStartingAtOne,
        DiagnosticCode::EmptyHeading,
        DiagnosticCode::DepthLimit,
        DiagnosticCode::BoilerplateShare,
        DiagnosticCode::MarkupAsText,
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
            DiagnosticCode::MarkupAsText => "markup-as-text",
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans read back: at a node's marker, and kept with the diagnostic,
    /// several at one start and one inserted among them.
    #[test]
    fn spans_are_read_from_markers_and_from_the_own_ends() {
        let text = "一、甲\n二、乙\n";
        let doc = crate::parse(text);
        let nodes = &doc.nodes;
        let (first, second) = (Span::new(0, 6), Span::new(10, 16));
        let mut store = DiagnosticStore::default();
        store.push_at_marker(DiagnosticCode::SkippedOrdinal, first, "a".into(), None);
        store.push(DiagnosticCode::DepthLimit, Span::new(6, 9), "b".into());
        store.push(DiagnosticCode::DepthLimit, Span::new(6, 8), "c".into());
        store.push_at_marker(DiagnosticCode::DuplicateOrdinal, second, "d".into(), Some(first));
        store.insert_in_order(DiagnosticCode::BoilerplateShare, Span::new(6, 7), "e".into());
        store.insert_in_order(DiagnosticCode::BoilerplateShare, Span::new(0, 20), "f".into());
        let store = store.finish();
        let got: Vec<(Span, &str, Option<Span>)> = store
            .iter(nodes)
            .map(|d| (d.span, d.message, d.related))
            .collect();
        assert_eq!(
            got,
            [
                (first, "a", None),
                (Span::new(0, 20), "f", None),
                (Span::new(6, 9), "b", None),
                (Span::new(6, 8), "c", None),
                (Span::new(6, 7), "e", None),
                (second, "d", Some(first)),
            ]
        );
        let back: Vec<Span> = store.iter(nodes).rev().map(|d| d.span).collect();
        assert_eq!(back.len(), 6);
        assert_eq!(back[3], Span::new(6, 9));
        assert!(store.has_at(Span::new(6, 8), &[DiagnosticCode::DepthLimit], nodes));
        assert!(!store.has_at(Span::new(6, 10), &[DiagnosticCode::DepthLimit], nodes));
        assert!(store.has_at(second, &[DiagnosticCode::DuplicateOrdinal], nodes));
        assert!(!store.has_at(second, &[DiagnosticCode::SkippedOrdinal], nodes));
    }

    /// A heading without an ordinal past the depth limit: the diagnostic
    /// stands at its title, which is no marker.
    #[test]
    fn depth_limit_at_a_heading_without_an_ordinal_keeps_its_title() {
        let text = "一、总体要求\n  加强组织领导\n正文。\n";
        let title = text.find("加强").map(|s| Span::new(s, s + "加强组织领导".len()));
        let title = title.unwrap_or_default();
        let options = crate::Options {
            max_depth: 1,
            heading_hints: vec![crate::HeadingHint::new(Span::new(title.start - 2, title.end), 1)],
            ..crate::Options::default()
        };
        let doc = crate::parse_with(text, &options);
        let found: Vec<(DiagnosticCode, Span)> = doc.diagnostics().map(|d| (d.code, d.span)).collect();
        assert_eq!(found, [(DiagnosticCode::DepthLimit, title)]);
    }
}
