//! Pass 1: find candidate markers.
//!
//! A marker may stand at the start of a line (after indentation), or after a
//! sentence boundary (。！？；： and their half-width forms, optionally followed
//! by a closing quote and white space). A point that continues its
//! enumeration may also stand after a comma. Whether a candidate is real is
//! decided by `build`, from the sequence it belongs to.

use super::marker::{RawMarker, marker, may_start_marker};
use super::text::{is_boundary, is_closer, is_comma, is_inline_space, is_line_break};
use std::ops::Range;

/// Where a candidate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    /// At the start of a line, after indentation.
    LineStart,
    /// After a sentence boundary within a line.
    RunIn,
    /// After a comma: only good for a continuing point.
    AfterComma,
}

/// A marker read at a position where markers may stand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub raw: RawMarker,
    pub position: Position,
}

/// All candidates in `range` of `src`, in order.
pub(crate) fn candidates(src: &str, range: Range<usize>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut pos = Some(Position::LineStart);
    let text = &src[range.clone()];
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if let Some(p) = pos {
            if is_inline_space(c) {
                continue;
            }
            if is_closer(c) && p != Position::LineStart {
                continue;
            }
            if may_start_marker(c) {
                if let Some(raw) = marker(&text[i..]) {
                    let start = range.start + i;
                    out.push(Candidate {
                        start,
                        end: start + raw.len,
                        raw,
                        position: p,
                    });
                    // Skip the marker's own characters.
                    while iter.peek().is_some_and(|&(j, _)| j < i + raw.len) {
                        iter.next();
                    }
                    pos = None;
                    continue;
                }
            }
        }
        pos = if is_line_break(c) {
            Some(Position::LineStart)
        } else if is_boundary(c) {
            Some(Position::RunIn)
        } else if is_comma(c) {
            Some(Position::AfterComma)
        } else {
            None
        };
    }
    out
}
