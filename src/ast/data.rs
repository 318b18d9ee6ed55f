//! A node's fields: offsets of 32 bits into the source and a few bytes of
//! kind, style and level (stored packed where they fit: see
//! [`Nodes`](super::Nodes)).

use super::{Evidence, FurnitureKind, MarkerStyle};
use crate::span::Span;

/// The kinds of stored nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum NodeKind {
    Section,
    Point,
    #[default]
    Paragraph,
    Furniture,
}

/// One node as the document stores it.
///
/// A section or point is its marker (`marker_len` bytes from `start`; none
/// when it has no marker), then its heading or lead up to `heading_end`
/// (whose title is `title_start..title_end`), then its children up to
/// `end`. Furniture keeps
/// its clean value in `title_start..title_end`. An offset is `u32`: the
/// parser keeps a text of 4 GiB or more as one paragraph, whose end is
/// written as [`NodeData::TO_END`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NodeData {
    pub start: u32,
    pub end: u32,
    /// The index of the first node after this node's subtree: its children
    /// are the nodes from the next index up to this one.
    pub next: u32,
    pub heading_end: u32,
    pub title_start: u32,
    pub title_end: u32,
    /// The marker's numeric value (saturated at `u16::MAX`, as the parser
    /// reads no larger ordinal).
    pub value: u16,
    /// The marker's length in bytes (a marker is at most 255 bytes long).
    pub marker_len: u8,
    pub kind: NodeKind,
    /// The marker's style (sections and points) or the furniture's kind,
    /// as its index in [`MarkerStyle::ALL`] or [`FurnitureKind::ALL`].
    pub style: u8,
    /// [`NodeData::INFERRED_END`] and the other flags.
    pub flags: u8,
    /// A section's level.
    pub level: u8,
}

// The size the module's documentation promises.
const _: () = assert!(std::mem::size_of::<NodeData>() == 32);

impl NodeData {
    pub const INFERRED_END: u8 = 1;
    pub const RUN_IN: u8 = 2;
    pub const UNNUMBERED: u8 = 4;
    pub const HAS_MARKER: u8 = 8;
    /// A paragraph that is a run of paragraphs, one a line, and of the
    /// blank lines between them: split when read ([`run_piece`]; see
    /// `Document::unstored`).
    pub const RUN: u8 = 16;

    /// An end offset that stands for the end of the source.
    pub const TO_END: u32 = u32::MAX;

    /// A leaf (paragraph, space) over `span`.
    pub fn leaf(kind: NodeKind, span: Span, next: usize) -> NodeData {
        NodeData {
            start: offset(span.start),
            end: offset(span.end),
            next: index(next),
            kind,
            ..NodeData::default()
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The marker's span, when there is a marker.
    pub fn marker(&self) -> Option<Span> {
        (self.flags & Self::HAS_MARKER != 0).then(|| Span::new(self.start as usize, self.marker_end()))
    }

    /// Where the marker ends and the heading starts.
    pub fn marker_end(&self) -> usize {
        self.start as usize + usize::from(self.marker_len)
    }

    pub fn heading(&self) -> Span {
        Span::new(self.marker_end(), self.heading_end as usize)
    }

    pub fn title(&self) -> Span {
        Span::new(self.title_start as usize, self.title_end as usize)
    }

    pub fn marker_style(&self) -> MarkerStyle {
        MarkerStyle::ALL
            .get(usize::from(self.style))
            .copied()
            .unwrap_or(MarkerStyle::Dun)
    }

    pub fn furniture_kind(&self) -> FurnitureKind {
        FurnitureKind::ALL
            .get(usize::from(self.style))
            .copied()
            .unwrap_or(FurnitureKind::Noise)
    }

    pub fn evidence(&self) -> Evidence {
        Evidence {
            inferred_end: self.flags & Self::INFERRED_END != 0,
            run_in: self.flags & Self::RUN_IN != 0,
            unnumbered: self.flags & Self::UNNUMBERED != 0,
        }
    }

    pub fn evidence_flags(evidence: Evidence) -> u8 {
        (u8::from(evidence.inferred_end) * Self::INFERRED_END)
            | (u8::from(evidence.run_in) * Self::RUN_IN)
            | (u8::from(evidence.unnumbered) * Self::UNNUMBERED)
    }

    /// Whether the node can hold children (a section or point).
    pub fn is_branch(&self) -> bool {
        matches!(self.kind, NodeKind::Section | NodeKind::Point)
    }

    /// Where the leaves this node holds itself end: its heading's end for
    /// a section or point, its end for a leaf (unresolved: see `TO_END`).
    pub fn own_end(&self) -> usize {
        if self.is_branch() {
            self.heading_end as usize
        } else {
            self.end as usize
        }
    }

    /// The spans of the leaves this node holds itself (not its
    /// children's): a run's paragraphs and spaces one by one. `src` is the
    /// source the node's offsets index.
    pub fn own_leaves<'s>(self, src: &'s str) -> impl Iterator<Item = Span> + 's {
        let (a, b) = match self.kind {
            NodeKind::Section | NodeKind::Point => (self.marker(), Some(self.heading())),
            NodeKind::Paragraph | NodeKind::Furniture => (Some(self.span()), None),
        };
        let run = self.flags & Self::RUN != 0;
        a.into_iter().chain(b).flat_map(move |span| {
            let mut at = Some(span.start);
            std::iter::from_fn(move || {
                let from = at?;
                let piece = if run { run_piece(src, span, from).0 } else { span };
                at = (run && piece.end < span.end).then_some(piece.end);
                Some(piece)
            })
        })
    }
}

/// The piece of a run over `run` that starts at `at`, and whether it is a
/// space: a line that is not blank (up to and with its line break, or to
/// the run's end) is a paragraph; blank lines, as many as follow one
/// another, are one space. The builder extends a run only where this gives
/// back the paragraphs and spaces it would have made (`Builder::paragraph`).
pub(crate) fn run_piece(src: &str, run: Span, at: usize) -> (Span, bool) {
    let Some(rest) = src.get(at..run.end) else {
        return (Span::new(at, run.end.max(at)), false);
    };
    let bytes = rest.as_bytes();
    // Up to and with the line break (a run's lines are short but for its
    // first: a loop before a search).
    let line = |bytes: &[u8]| {
        let head = bytes.len().min(64);
        let found = bytes[..head]
            .iter()
            .position(|&b| b == b'\n')
            .or_else(|| memchr::memchr(b'\n', &bytes[head..]).map(|i| head + i));
        (Span::new(at, found.map_or(run.end, |i| at + i + 1)), false)
    };
    // Most pieces are paragraphs that start with a character that cannot
    // be blank.
    if bytes
        .first()
        .is_some_and(|&b| !crate::parse::text::may_start_blank(b))
    {
        return line(bytes);
    }
    // The blank lines from `at`: up to the last line break before the
    // first character that is not blank.
    let blank = crate::parse::text::blank_prefix(rest);
    let space_end = if blank == rest.len() {
        Some(run.end)
    } else {
        bytes[..blank]
            .iter()
            .rposition(|&b| b == b'\n')
            .map(|i| at + i + 1)
    };
    match space_end {
        Some(end) if end > at => (Span::new(at, end), true),
        _ => line(bytes),
    }
}

/// A source offset as stored. The parser gives offsets past 4 GiB to no
/// node but the paragraph of a text too long to parse, whose end is
/// [`NodeData::TO_END`]; this saturates rather than wraps.
pub(crate) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(NodeData::TO_END)
}

/// A node index as stored (a document has fewer nodes than bytes).
pub(crate) fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
