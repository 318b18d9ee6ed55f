//! Numbering oddities found while parsing. Parsing never fails; what looks
//! wrong is recorded here with a span, for callers and for `speechtree lint`.

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

/// A document's diagnostics as kept: 24 bytes each, the messages that are
/// the same kept once (text dense with numbering faults has a diagnostic
/// on every line, most of them saying the same).
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
    related_end: u32,
    message: u32,
    code: DiagnosticCode,
    has_related: bool,
}

impl DiagnosticStore {
    /// No diagnostics.
    pub(crate) const EMPTY: DiagnosticStore = DiagnosticStore {
        list: Vec::new(),
        messages: Vec::new(),
        ids: None,
    };

    /// Adds a diagnostic after the others.
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
            None => {
                ids.insert(message.clone(), next);
                self.messages.push(message);
                next
            }
        };
        // Diagnostics stand at markers, which lie in the first 4 GiB.
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let related_span = related.unwrap_or_default();
        Stored {
            start: at(span.start),
            end: at(span.end),
            related_start: at(related_span.start),
            related_end: at(related_span.end),
            message: id,
            code,
            has_related: related.is_some(),
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
            .any(|d| d.end as usize == span.end && codes.contains(&d.code))
    }

    pub(crate) fn iter(&self) -> Diagnostics<'_> {
        Diagnostics {
            store: self,
            range: 0..self.list.len(),
        }
    }

    fn get(&self, i: usize) -> Option<Diagnostic<'_>> {
        let d = self.list.get(i)?;
        Some(Diagnostic {
            code: d.code,
            span: Span::new(d.start as usize, d.end as usize),
            message: self.messages.get(d.message as usize).map_or("", String::as_str),
            related: d
                .has_related
                .then(|| Span::new(d.related_start as usize, d.related_end as usize)),
        })
    }
}

/// A document's diagnostics in document order: made by
/// [`Document::diagnostics`](crate::Document::diagnostics).
#[derive(Clone, Debug)]
pub struct Diagnostics<'d> {
    store: &'d DiagnosticStore,
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
        self.store.get(i)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Diagnostics<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let i = self.range.next_back()?;
        self.store.get(i)
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
