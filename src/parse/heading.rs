//! Where a heading or a point's lead ends.
//!
//! A heading ends at the first 。！？；： (either width), at the end of its
//! line, or where the next point of its enumeration starts. A marker alone
//! on its line takes its heading from the next line. Text whose line breaks
//! were lost needs the end inferred: see [`infer_end`].

use super::text::{ends_heading, is_inline_space, is_line_break, lanes, skip_line_break};
use crate::span::Span;

pub(crate) struct HeadingEnd {
    /// The clean heading text.
    pub title: Span,
    /// End of the heading's bytes (closing punctuation and line break included).
    pub end: usize,
    /// Whether the end was inferred.
    pub inferred: bool,
}

/// In text whose line breaks were lost, a heading longer than this (chars)
/// is cut by [`infer_end`] when that finds where the body starts.
const SHORT_HEADING: usize = 3;

/// What is known of a heading's siblings, for inferring where it ends.
#[derive(Default)]
pub(crate) struct Siblings<'a> {
    /// How the previous sibling's heading ended (its last characters).
    pub previous_end: Option<&'a str>,
    /// The text after the next sibling's marker.
    pub next_run: &'a str,
}

pub(crate) fn heading_end(
    src: &str,
    start: usize,
    limit: usize,
    infer: bool,
    siblings: &Siblings<'_>,
) -> HeadingEnd {
    let limit = limit.min(src.len()).max(start);
    let mut at = skip_spaces(src, start, limit);
    // A marker alone on its line: the heading is the next line.
    if let Some(next) = skip_line_break(src, at).filter(|&n| n <= limit) {
        at = skip_spaces(src, next, limit);
    }
    let title_start = at;
    let bytes = src.as_bytes();
    // Characters passed so far; only small counts matter (see below).
    let mut chars = 0usize;
    let mut pos = title_start;
    while pos < limit {
        let next = next_stop(bytes, pos, limit);
        if chars <= SHORT_HEADING {
            // Sixteen bytes hold at least four characters: enough to count.
            let counted = &bytes[pos..next.min(pos + 16)];
            chars += counted.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        }
        pos = next;
        let Some(c) = src[pos..limit].chars().next() else {
            break;
        };
        if ends_heading(c) {
            let end = after_blank_rest(src, pos + c.len_utf8(), limit);
            return finish(src, title_start, pos, end, chars, infer, siblings);
        }
        if is_line_break(c) {
            let end = skip_line_break(src, pos).unwrap_or(pos + c.len_utf8()).min(limit);
            return finish(src, title_start, pos, end, chars, infer, siblings);
        }
        // Where line breaks were lost, a paragraph's indentation is left
        // between the heading and its body.
        if infer && chars >= 2 && (c == '\u{3000}' || c == '\t' || src[pos..].starts_with("  ")) {
            return HeadingEnd {
                title: trim(src, title_start, pos),
                end: pos,
                inferred: true,
            };
        }
        chars += 1;
        pos += c.len_utf8();
    }
    finish(src, title_start, limit, limit, chars, infer, siblings)
}

/// Where the loop of [`heading_end`] must look next, from `from`: the first
/// character that may end a heading, or `limit`. The heading's other
/// characters (汉字, their continuation bytes, most punctuation) are passed
/// without decoding: sixteen bytes at a time by [`stops_in`], the last few
/// by a table of first bytes.
fn next_stop(bytes: &[u8], from: usize, limit: usize) -> usize {
    let mut at = from;
    // Sixteen bytes at a time (and the two after them, to see whole
    // characters), until a block holds a stop.
    while at + 16 <= limit
        && let Some(block) = bytes.get(at..).and_then(|rest| rest.first_chunk::<18>())
    {
        match stops_in(block) {
            0 => at += 16,
            mask => return at + mask.trailing_zeros() as usize,
        }
    }
    while let Some(k) = bytes[at..limit].iter().position(|&b| MAY_END[usize::from(b)]) {
        if may_end_at(bytes, at + k) {
            return at + k;
        }
        // Not one of them (（ ） “ ① …): on after its first byte.
        at += k + 1;
    }
    limit
}

/// Which of the first sixteen bytes of `block` start a character that may
/// end a heading (a [`MAY_END`] byte that passes [`may_end_at`]), one bit
/// each, the first byte lowest: vector compares (`wide`, SSE2 on x86-64).
fn stops_in(block: &[u8; 18]) -> u32 {
    use wide::u8x16;
    let (v, v1, v2) = (lanes(block, 0), lanes(block, 1), lanes(block, 2));
    let is = |x: u8x16, b: u8| x.cmp_eq(u8x16::splat(b));
    let ascii = is(v, b'!')
        | is(v, b'?')
        | is(v, b';')
        | is(v, b':')
        | is(v, b'\n')
        | is(v, b'\r')
        | is(v, b'\t')
        | is(v, b' ');
    // ！ ： ； ？ (EF BC 81/9A/9B/9F)
    let ef = is(v, 0xEF) & is(v1, 0xBC) & (is(v2, 0x81) | is(v2, 0x9A) | is(v2, 0x9B) | is(v2, 0x9F));
    // 。 and the ideographic space (E3 80 82/80); U+2028, U+2029 (E2 80 A8/A9)
    let e3 = is(v, 0xE3) & (is(v2, 0x82) | is(v2, 0x80));
    let e2 = is(v, 0xE2) & is(v2 | u8x16::splat(1), 0xA9);
    let c2 = is(v, 0xC2) & is(v1, 0x85);
    let mask = ascii | ef | c2 | ((e3 | e2) & is(v1, 0x80));
    mask.move_mask() as u32 & 0xFFFF
}

/// Whether the character at `p`, whose first byte is in [`MAY_END`], is one
/// of those that may end a heading, by its other bytes.
fn may_end_at(bytes: &[u8], p: usize) -> bool {
    match bytes[p] {
        // ！ ： ； ？
        0xEF => matches!(bytes.get(p + 1..p + 3), Some([0xBC, 0x81 | 0x9A | 0x9B | 0x9F])),
        // 。 and the ideographic space
        0xE3 => matches!(bytes.get(p + 1..p + 3), Some([0x80, 0x80 | 0x82])),
        // U+2028, U+2029
        0xE2 => matches!(bytes.get(p + 1..p + 3), Some([0x80, 0xA8 | 0xA9])),
        // U+0085
        0xC2 => bytes.get(p + 1) == Some(&0x85),
        _ => true,
    }
}

/// The first bytes of the characters that may end a heading in
/// [`heading_end`]: 。！？；： (lead bytes E3 and EF) and their ASCII forms,
/// line breaks (`\n`, `\r`, C2 85, E2 80 A8/A9), and the indentation
/// left where line breaks were lost (tab, space, E3 80 80).
static MAY_END: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = [
        b'!', b'?', b';', b':', b'\n', b'\r', b'\t', b' ', 0xC2, 0xE2, 0xE3, 0xEF,
    ];
    let mut k = 0;
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

fn finish(
    src: &str,
    start: usize,
    title_end: usize,
    end: usize,
    chars: usize,
    infer: bool,
    siblings: &Siblings<'_>,
) -> HeadingEnd {
    if infer
        && chars > SHORT_HEADING
        && let Some(cut) = infer_end(&src[start..title_end], siblings)
    {
        let cut = start + cut;
        return HeadingEnd {
            title: trim(src, start, cut),
            end: cut,
            inferred: true,
        };
    }
    HeadingEnd {
        title: trim(src, start, title_end),
        end,
        inferred: false,
    }
}

pub(crate) use super::infer::infer_end;

fn skip_spaces(src: &str, mut at: usize, limit: usize) -> usize {
    while let Some(c) = src[at..limit].chars().next() {
        if !is_inline_space(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// After closing punctuation: take a closing quote and, when only white space
/// follows on the line, the rest of the line and its break.
fn after_blank_rest(src: &str, at: usize, limit: usize) -> usize {
    let at = skip_spaces(src, at, limit);
    match skip_line_break(src, at) {
        Some(next) if next <= limit => next,
        _ => at,
    }
}

fn trim(src: &str, start: usize, end: usize) -> Span {
    let s = &src[start..end];
    let trimmed = s
        .trim_end_matches(|c: char| is_inline_space(c) || is_line_break(c) || matches!(c, '，' | ',' | '、'));
    Span::new(start, start + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the heading loop tests for is found by `next_stop`:
    /// its first byte is in `MAY_END` and its other bytes pass `may_end_at`.
    #[test]
    fn next_stop_keeps_every_character_that_ends_a_heading() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if ends_heading(c) || is_line_break(c) || matches!(c, '\u{3000}' | '\t' | ' ') {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert!(MAY_END[usize::from(bytes[0])], "{c:?}");
                assert!(may_end_at(bytes, 0), "{c:?}");
            }
        }
        // The vector search finds what the table and `may_end_at` find.
        let text = "一、总体要求。 我们要坚持，稳中求进（2025年）“工作”…\r\n附件：①３．第一条ab;c《》　\u{2028}\u{85}—、。！要求：和？(2)a\t；!?".repeat(3);
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            for limit in [from, from + 1, from + 17, from + 40, bytes.len()] {
                let limit = limit.min(bytes.len());
                let expected = (from..limit)
                    .find(|&p| MAY_END[usize::from(bytes[p])] && may_end_at(bytes, p))
                    .unwrap_or(limit);
                assert_eq!(next_stop(bytes, from, limit), expected, "{from}..{limit}");
            }
        }
        let text = "汉（一）①“”、　是".as_bytes();
        assert_eq!(next_stop(text, 0, text.len()), text.len() - "　是".len());
        assert_eq!(next_stop(text, 0, 6), 6);
    }
}
