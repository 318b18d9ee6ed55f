//! Numbering oddities found while parsing. Parsing never fails; what looks
//! wrong is recorded here with a span, for callers and for `speechtree lint`.

use crate::span::Span;
#[cfg(feature = "serde")]
use serde::Serialize;
use std::fmt;

/// One numbering oddity.
///
/// ```
/// let doc = speechtree::parse("一、总体要求\n三、重点任务\n");
/// let d = &doc.diagnostics()[0];
/// assert_eq!(d.code, speechtree::DiagnosticCode::SkippedOrdinal);
/// assert_eq!(d.span.slice(doc.source()), "三、");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct Diagnostic {
    /// What kind of oddity.
    pub code: DiagnosticCode,
    /// Where it is (usually the marker).
    pub span: Span,
    /// A one-line message, lowercase, without a trailing period.
    pub message: String,
    /// A related place, such as the marker the sequence continued from.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub related: Option<Span>,
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
