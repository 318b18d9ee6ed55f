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
    /// Right after other text, with no boundary (a heading whose line break
    /// was lost: "……总体要求（一）指导思想"). Only bracketed ordinals and
    /// 1. are looked for here, and they must belong to a sequence.
    Glued,
}

/// A marker read at a position where markers may stand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    pub start: usize,
    pub end: usize,
    pub raw: RawMarker,
    pub position: Position,
}

/// Whether `c` after `prev` may start a glued marker: a bracket or a digit
/// right after a 汉字.
fn glued_start(prev: char, c: char) -> bool {
    let han = ('\u{4e00}'..='\u{9fff}').contains(&prev);
    // Not a reference (见（二）, 第3.) or a range (至3.).
    let bracket =
        matches!(c, '（' | '(') && !matches!(prev, '第' | '见' | '和' | '及' | '或' | '至' | '按' | '依');
    let digit = (c.is_ascii_digit() || ('１'..='９').contains(&c))
        && !matches!(prev, '第' | '和' | '及' | '或' | '至');
    han && (bracket || digit)
}

/// Bytes that may change where a marker can stand: line breaks, sentence
/// boundaries and commas in both widths, brackets and digits (glued markers),
/// and the slash of a photo credit. Every other byte (汉字, letters, UTF-8
/// continuation bytes) is skipped without decoding.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let ascii = b"\n\r!?;:,(/0123456789";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = true;
        i += 1;
    }
    // Lead bytes of U+0085, of general punctuation and circled numbers
    // (…, U+2028), of CJK punctuation (。) and of full-width forms (！？；：，（１).
    t[0xC2] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// All candidates in `range` of `src`, in order.
pub(crate) fn candidates(src: &str, range: Range<usize>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut pos = Some(Position::LineStart);
    let text = &src[range.clone()];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if pos.is_none() {
            // Nothing can start here: skip to the next byte that matters.
            // Interesting bytes are ASCII or lead bytes, so `i` stays on a
            // char boundary.
            while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
                i += 1;
            }
        }
        // Runs of blank lines: each break only starts a line again.
        while pos.is_some() && i < bytes.len() && matches!(bytes[i], b'\n' | b'\r') {
            pos = Some(Position::LineStart);
            i += 1;
        }
        let Some(c) = text[i..].chars().next() else { break };
        let prev = text[..i].chars().next_back().unwrap_or('\n');
        // A bracket or a digit right after a word: a marker glued to the
        // heading before it, where line breaks were lost.
        if pos.is_none() && glued_start(prev, c) {
            pos = Some(Position::Glued);
        }
        if let Some(p) = pos {
            if is_inline_space(c) || (is_closer(c) && p != Position::LineStart) {
                i += c.len_utf8();
                continue;
            }
            if may_start_marker(c)
                && let Some(raw) = marker(&text[i..])
            {
                let start = range.start + i;
                out.push(Candidate {
                    start,
                    end: start + raw.len,
                    raw,
                    position: p,
                });
                // A marker that ends in a comma or a boundary (最后，) may be
                // followed by another (最后，第四，).
                let last = text[i..i + raw.len].chars().next_back().unwrap_or(c);
                pos = if is_boundary(last) {
                    Some(Position::RunIn)
                } else if is_comma(last) {
                    Some(Position::AfterComma)
                } else {
                    None
                };
                i += raw.len;
                continue;
            }
        }
        i += c.len_utf8();
        // A news photo's credit (新华社记者 X/摄) ends its caption.
        if matches!(c, '/' | '／') && text[i..].starts_with('摄') {
            i += '摄'.len_utf8();
            pos = Some(Position::RunIn);
            continue;
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
