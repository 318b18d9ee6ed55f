//! Where a heading or a point's lead ends.
//!
//! A heading ends at the first 。！？；： (either width), at the end of its
//! line (of its last line, in text hard-wrapped at one width), or where the
//! next point of its enumeration starts. A marker alone
//! on its line takes its heading from the next line. Text whose line breaks
//! were lost needs the end inferred: see [`infer_end`].

use super::bytes::{ByteClass, HEADING_END};
use super::text::{
    ends_heading, fills_wrap, is_inline_space, is_line_break, lost_break_space, skip_line_break,
};
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
    /// How the body after the previous sibling opened, where its end was
    /// inferred (else empty).
    pub previous_body: &'a str,
    /// The previous sibling's heading (else empty).
    pub previous_title: &'a str,
    /// Whether that heading is the one before in this heading's own list
    /// (not the last of an earlier list of the style).
    pub previous_in_list: bool,
    /// The text after the next sibling's marker.
    pub next_run: &'a str,
}

/// `infer`: the end may be inferred ([`infer_end`]); `flat`: the heading
/// lies in a line that lost its breaks, where indentation ends it.
///
/// `wrap`: the text is hard-wrapped at that width ([`super::text::wrap_width`]): a line
/// break after a full line is inside the heading.
///
/// `indented`: the text's own spaces are the writer's, so that a sentence's
/// end followed by an indentation ends its paragraph; not so in a masked
/// Markdown copy, whose spaces after a sentence are the next block's
/// blanked markup (`### `), left where a line break was lost before it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn heading_end(
    src: &str,
    start: usize,
    limit: usize,
    infer: bool,
    flat: bool,
    indented: bool,
    wrap: Option<usize>,
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
        let next = next_possible_end(bytes, pos, limit);
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
            let after = pos + c.len_utf8();
            let end = after_blank_rest(src, after, limit);
            // A sentence followed by a paragraph's indentation was its whole
            // line: nothing to infer.
            let whole_line = flat && indented && starts_indented(&src[after..]);
            return finish(src, title_start, pos, end, chars, infer && !whole_line, siblings);
        }
        if is_line_break(c) {
            let end = skip_line_break(src, pos).unwrap_or(pos + c.len_utf8()).min(limit);
            // (Not where the next line opens indented: a new paragraph.)
            if wrap.is_some_and(|w| fills_wrap(src, pos, w))
                && end < limit
                && pos > title_start
                && !starts_indented(&src[end..])
            {
                // A hard-wrapped line: the heading goes on after the break.
                pos = end;
                continue;
            }
            return finish(src, title_start, pos, end, chars, infer, siblings);
        }
        // Where line breaks were lost, a paragraph's indentation is left
        // between the heading and its body, whatever the marker's style.
        if (infer || flat)
            && chars >= 2
            && (c == '\u{3000}'
                || c == '\t'
                || src[pos..].starts_with("  ")
                // One space, only where the end may be inferred (not in
                // an article's lead, a sentence: 依照第四条 确定人选), and
                // not between short phrases (突出重点 精准发力 推动……).
                || (infer && lost_break_space(bytes, pos) && !between_phrases(src, title_start, pos)))
            // (Not inside a title of two characters spread with spaces, as
            // statutes set them: 总　　则.)
            && src[title_start..pos]
                .trim_end_matches(is_inline_space)
                .chars()
                .nth(1)
                .is_some()
        {
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
/// character that may end a heading ([`HEADING_END`]), or `limit`. The
/// heading's other characters are passed without decoding.
fn next_possible_end(bytes: &[u8], from: usize, limit: usize) -> usize {
    HEADING_END.find(bytes, from, limit)
}

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

/// The most characters of a phrase that a heading sets apart with spaces.
const PHRASE_CHARS: usize = 8;

/// Whether the space at `at` (in a heading from `start`) stands between
/// short phrases: the words before it, since the heading's start or an
/// earlier space, or the words after it, up to the next space, are a
/// phrase of at most [`PHRASE_CHARS`] characters without punctuation, with
/// a space on its other side (words after it that open with a marker are
/// no phrase).
fn between_phrases(src: &str, start: usize, at: usize) -> bool {
    let is_stop = |c: char| ends_heading(c) || matches!(c, '，' | '、' | ',') || is_line_break(c);
    let before = src[start..at].trim_end_matches(' ');
    let before_phrase = before
        .rfind(' ')
        .map(|i| &before[i + 1..])
        .is_some_and(|p| p.chars().count() <= PHRASE_CHARS && !p.contains(is_stop));
    let after = src[at..].trim_start_matches(' ');
    // What opens with a marker (第一条 为了……) is the next unit, no phrase.
    if super::marker::marker(after).is_some() {
        return before_phrase;
    }
    let after_phrase = after
        .char_indices()
        .take(PHRASE_CHARS + 1)
        .find(|&(_, c)| c == ' ' || is_stop(c))
        .is_some_and(|(_, c)| c == ' ');
    before_phrase || after_phrase
}

/// Whether `s` opens with a paragraph's indentation: an ideographic space
/// or two spaces.
pub(crate) fn starts_indented(s: &str) -> bool {
    s.trim_start_matches(' ').starts_with('\u{3000}') || s.starts_with("  ")
}

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

    /// Every character the heading loop tests for is found by `next_possible_end`,
    /// and from and to every place of a text, the first of them.
    #[test]
    fn next_possible_end_keeps_every_character_that_ends_a_heading() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if ends_heading(c) || is_line_break(c) || matches!(c, '\u{3000}' | '\t' | ' ') {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert_eq!(next_possible_end(bytes, 0, bytes.len()), 0, "{c:?}");
            }
        }
        let text = "一、总体要求。 我们要坚持，稳中求进（2025年）“工作”…\r\n附件：①３．第一条ab;c《》　\u{2028}\u{85}—、。！要求：和？(2)a\t；!?".repeat(3);
        let bytes = text.as_bytes();
        let by_char = |from: usize, limit: usize| {
            (from..limit)
                .find(|&p| {
                    text.get(p..).and_then(|s| s.chars().next()).is_some_and(|c| {
                        ends_heading(c) || is_line_break(c) || matches!(c, '\u{3000}' | '\t' | ' ')
                    })
                })
                .unwrap_or(limit)
        };
        for from in (0..bytes.len()).filter(|&i| text.is_char_boundary(i)) {
            for limit in [from, from + 1, from + 17, from + 40, bytes.len()] {
                let limit = limit.min(bytes.len());
                assert_eq!(
                    next_possible_end(bytes, from, limit),
                    by_char(from, limit),
                    "{from}..{limit}"
                );
            }
        }
        let text = "汉（一）①“”、　是".as_bytes();
        assert_eq!(next_possible_end(text, 0, text.len()), text.len() - "　是".len());
        assert_eq!(next_possible_end(text, 0, 6), 6);
    }
}
