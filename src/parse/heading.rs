//! Where a heading or a point's lead ends.
//!
//! A heading ends at the first 。！？；： (either width), at the end of its
//! line, or where the next point of its enumeration starts. A marker alone
//! on its line takes its heading from the next line. Text whose line breaks
//! were lost needs the end inferred: see [`infer_end`].

use super::text::{ends_heading, is_inline_space, is_line_break, skip_line_break};
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
const SHORT_HEADING: usize = 8;

pub(crate) fn heading_end(src: &str, start: usize, limit: usize, infer: bool) -> HeadingEnd {
    let limit = limit.min(src.len()).max(start);
    let mut at = skip_spaces(src, start, limit);
    // A marker alone on its line: the heading is the next line.
    if let Some(next) = skip_line_break(src, at).filter(|&n| n <= limit) {
        at = skip_spaces(src, next, limit);
    }
    let title_start = at;
    let mut chars = 0usize;
    let mut first_comma_like = None;
    for (i, c) in src[title_start..limit].char_indices() {
        let pos = title_start + i;
        if ends_heading(c) {
            let end = after_blank_rest(src, pos + c.len_utf8(), limit);
            return finish(src, title_start, pos, end, chars, infer);
        }
        if is_line_break(c) {
            let end = skip_line_break(src, pos).unwrap_or(pos + c.len_utf8()).min(limit);
            return finish(src, title_start, pos, end, chars, infer);
        }
        if first_comma_like.is_none() && matches!(c, '，' | ',') {
            first_comma_like = Some(pos);
        }
        chars += 1;
    }
    finish(src, title_start, limit, limit, chars, infer)
}

fn finish(src: &str, start: usize, title_end: usize, end: usize, chars: usize, infer: bool) -> HeadingEnd {
    if infer && chars > SHORT_HEADING {
        if let Some(cut) = infer_end(&src[start..title_end]) {
            let cut = start + cut;
            return HeadingEnd {
                title: trim(src, start, cut),
                end: cut,
                inferred: true,
            };
        }
    }
    HeadingEnd {
        title: trim(src, start, title_end),
        end,
        inferred: false,
    }
}

/// Where body text most likely starts inside a run-on heading, as a byte
/// offset into `run`: before a year (2023年), or a phrase that opens a
/// paragraph (一年来, 过去一年, 近年来), not in the first few characters.
pub(crate) fn infer_end(run: &str) -> Option<usize> {
    const OPENERS: [&str; 10] = [
        "一年来",
        "过去一年",
        "过去五年",
        "近年来",
        "近几年",
        "多年来",
        "今年以来",
        "去年以来",
        "当前，",
        "目前，",
    ];
    let min = run.char_indices().nth(4).map_or(run.len(), |(i, _)| i);
    let mut best: Option<usize> = None;
    for o in OPENERS {
        if let Some(i) = run[min..].find(o) {
            best = Some(best.map_or(min + i, |b: usize| b.min(min + i)));
        }
    }
    // A four-digit year followed by 年.
    let bytes = run.as_bytes();
    let mut i = min;
    while i + 7 <= bytes.len() {
        if bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && run[i + 4..].starts_with('年')
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
        {
            best = Some(best.map_or(i, |b| b.min(i)));
            break;
        }
        i += 1;
    }
    best.filter(|&b| b < run.len())
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
