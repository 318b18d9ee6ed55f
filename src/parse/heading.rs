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
    let mut chars = 0usize;
    for (i, c) in src[title_start..limit].char_indices() {
        let pos = title_start + i;
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
    }
    finish(src, title_start, limit, limit, chars, infer, siblings)
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
