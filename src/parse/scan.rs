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

/// Whether a byte of `word` may be [`INTERESTING`]: an ASCII byte, or one of
/// the lead bytes C2, E2, E3, EF. Eight bytes at a time (SWAR), so that runs
/// of 汉字 (lead bytes E4–E9 and continuation bytes) are passed over quickly;
/// the caller checks the bytes of a word that may hold one.
fn may_be_interesting(word: u64) -> bool {
    const LO: u64 = u64::from_ne_bytes([0x01; 8]);
    const HI: u64 = u64::from_ne_bytes([0x80; 8]);
    const fn splat(b: u8) -> u64 {
        u64::from_ne_bytes([b; 8])
    }
    // Whether some byte of `v` is zero (exact for "any", Mycroft's test).
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v & HI != 0;
    let ascii = !word & HI != 0;
    // E2 and E3 differ in the lowest bit only.
    let e2_e3 = has_zero((word ^ splat(0xE2)) & splat(0xFE));
    ascii || e2_e3 || has_zero(word ^ splat(0xEF)) || has_zero(word ^ splat(0xC2))
}

/// The index of the first [`INTERESTING`] byte of `bytes` from `i`, or
/// `bytes.len()`.
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        if may_be_interesting(u64::from_ne_bytes(word)) {
            if let Some(k) = chunk.iter().position(|&b| INTERESTING[b as usize]) {
                return i + k;
            }
        }
        i += 8;
    }
    while i < bytes.len() && !INTERESTING[bytes[i] as usize] {
        i += 1;
    }
    i
}

/// All candidates in `range` of `src`, in order.
pub(crate) fn candidates(src: &str, range: Range<usize>) -> Vec<Candidate> {
    let text = &src[range.clone()];
    let mut out = Vec::new();
    let mut place = Some((0, Position::LineStart));
    while let Some((mut i, mut pos)) = place {
        // At a place where a marker may stand: pass over white space (and
        // closing quotes after a boundary), then read a marker.
        place = loop {
            let Some(c) = text[i..].chars().next() else {
                break None;
            };
            if is_inline_space(c) || (is_closer(c) && pos != Position::LineStart) {
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
                    position: pos,
                });
                // A marker that ends in a comma or a boundary (最后，) may be
                // followed by another (最后，第四，).
                let end = i + raw.len;
                let last = text[..end].chars().next_back().unwrap_or(c);
                break boundary_after(text, end, last).or_else(|| next_place(text, end));
            }
            let after = i + c.len_utf8();
            match boundary_after(text, after, c) {
                Some((next, p)) => (i, pos) = (next, p),
                None => break next_place(text, after),
            }
        };
    }
    out
}

/// When `c`, ending at `after`, lets a marker stand after it: where, and how.
fn boundary_after(text: &str, after: usize, c: char) -> Option<(usize, Position)> {
    if is_line_break(c) {
        Some((after, Position::LineStart))
    } else if is_boundary(c) {
        Some((after, Position::RunIn))
    } else if is_comma(c) {
        Some((after, Position::AfterComma))
    } else if matches!(c, '/' | '／') && text[after..].starts_with('摄') {
        // A news photo's credit (新华社记者 X/摄) ends its caption.
        Some((after + '摄'.len_utf8(), Position::RunIn))
    } else {
        None
    }
}

/// From `i` in running text, the next place where a marker may stand: after
/// a line break, a boundary or a comma, or a glued marker's first character.
fn next_place(text: &str, mut i: usize) -> Option<(usize, Position)> {
    let bytes = text.as_bytes();
    loop {
        // Interesting bytes are ASCII or lead bytes, so `i` stays on a char
        // boundary.
        i = next_interesting(bytes, i);
        let c = text[i..].chars().next()?;
        let after = i + c.len_utf8();
        if let Some(place) = boundary_after(text, after, c) {
            return Some(place);
        }
        // A bracket or a digit right after a word: a marker glued to the
        // heading before it, where line breaks were lost.
        if glued_start(text[..i].chars().next_back().unwrap_or('\n'), c) {
            return Some((i, Position::Glued));
        }
        i = after;
    }
}
