//! Titles on their own line ("过去五年的回顾"): short, without sentence
//! punctuation, between finished sentences and body text.

use super::UnnumberedHeading;
use super::topic::Topics;
use crate::MarkerStyle;
use crate::parse::furniture::Item;
use crate::parse::scan::{Candidate, Position};
use crate::parse::text::{is_han, is_inline_space, is_line_break, line_end_after_break, trim_blank};
use crate::span::Span;

/// Characters a title never ends with: it would be a sentence cut by a
/// line break (……已经缔结了 / ……发展的).
const OPEN_ENDS: &[char] = &[
    '的', '了', '和', '与', '及', '在', '对', '把', '被', '是', '为', '等', '或', '从', '向', '将',
];

/// Titles on their own line: short, without sentence punctuation, after
/// a finished sentence, before body text (not a line that is only a date:
/// the line above it is a signature), not furniture. Returns those at the
/// top level, followed by numbering that starts afresh (or none), and
/// those nested in a numbered section whose numbering goes on after them:
/// a level whose ordinals were lost (一、…… / 强化思想认识 / …… / 客观看待
/// 成绩 / …… / 二、……), taken only where a section holds two or more,
/// the first of them maybe right under the section's heading line; in a
/// statute, one followed by an article is a unit at the top level.
/// The same walk finds the topic sentences of lines outside `flattened`
/// ([`super::topic`]), nested too.
pub(super) fn titles(
    src: &str,
    cands: &[Candidate],
    furniture: &[Item<'_>],
    flattened: &[std::ops::Range<usize>],
) -> (Vec<UnnumberedHeading>, Vec<UnnumberedHeading>) {
    let mut out = Vec::new();
    let mut nested = Vec::new();
    let mut topics = Topics::default();
    // Whether a line-start heading opened a section, and the titles that
    // may nest in the one being read (each with whether it may stand at
    // the top level instead).
    let mut in_section = false;
    // Where a statute's units above its articles begin.
    let units_from = super::statute::first_unit(cands);
    let mut pending: Vec<(UnnumberedHeading, bool)> = Vec::new();
    let body_start = furniture
        .iter()
        .filter(|f| {
            !matches!(
                f.kind,
                crate::FurnitureKind::Closing | crate::FurnitureKind::Notes | crate::FurnitureKind::Noise
            ) || f.span.start == 0
        })
        .map(|f| f.span.end)
        .max()
        .unwrap_or(0);
    let body_end = furniture
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                crate::FurnitureKind::Closing | crate::FurnitureKind::Notes
            ) || (f.kind == crate::FurnitureKind::Noise && f.span.start > 0)
        })
        .map(|f| f.span.start)
        .filter(|&s| s > body_start)
        .min()
        .unwrap_or(src.len());
    let mut prev_line = "";
    let mut prev_is_heading = false;
    let mut at = body_start;
    let mut next_cand = 0;
    while at < body_end {
        let end = line_end_after_break(src, at);
        let line = trim_blank(&src[at..end]);
        if line.is_empty() {
            at = end.max(crate::parse::text::skip_blank_lines(src, at, body_end));
            continue;
        }
        while next_cand < cands.len() && cands[next_cand].start() < at {
            next_cand += 1;
        }
        let starts_marker = cands
            .get(next_cand)
            .is_some_and(|c| c.start() < end && c.position() == Position::LineStart);
        let starts_heading = starts_marker && cands[next_cand].raw().style.is_heading();
        if starts_heading {
            settle(&mut pending, &mut out, &mut nested);
            in_section = true;
            topics.heading(src, cands[next_cand].raw().style, &mut nested);
        } else {
            topics.line(src, at, end, || {
                let i = flattened.partition_point(|r| r.end <= at);
                flattened.get(i).is_some_and(|r| r.contains(&at))
            });
        }
        // Characters counted only for a line that may be a title; one of
        // more than 100 bytes has more than 25.
        let chars = || {
            if line.len() > 100 {
                26
            } else {
                line.chars().count()
            }
        };
        // A title follows a finished sentence, or a section's heading line
        // (most lines do neither: they are passed on that alone).
        let after_sentence = prev_line.ends_with(['。', '！', '？', '”', '…', '：']);
        let shaped = (after_sentence || prev_is_heading)
            && !starts_marker
            && (2..=MAX_TITLE_CHARS).contains(&chars())
            && line.chars().any(is_han)
            && !line.contains(['。', '；', '：', '！', '？', ',', ';', ':', '!', '?', '.', '．'])
            && (!line.contains('，')
                || (two_clauses(line) && next_body_is_longer(src, end, body_end, MAX_TITLE_CHARS)))
            && !line.ends_with(OPEN_ENDS)
            && (next_body_is_longer(src, end, body_end, chars())
                || next_starts_list(src, end, &cands[next_cand..]))
            && !next_is_date(src, end, body_end);
        let title = || {
            let start = at + (src[at..end].len() - src[at..end].trim_start_matches(is_inline_space).len());
            UnnumberedHeading {
                start: at,
                title: Span::new(start, start + line.len()),
                end,
            }
        };
        // The next heading at a line start: numbering that starts afresh
        // there (or none) leaves a title at the top level; numbering that
        // goes on keeps it in its section (after the last section, only
        // where earlier sections held such titles: else titles there close
        // the numbered part, 在工人中的宣传工作 after 三、).
        // A statute numbers its articles on through its units: its 附则
        // between articles (after the last 编) is a unit of its own.
        let next = shaped.then(|| next_heading(&cands[next_cand..])).flatten();
        let unit = units_from.is_some_and(|u| u < at)
            && next.is_some_and(|c| c.raw().style == MarkerStyle::Article)
            && super::statute::is_unit_title(line);
        let top = shaped && after_sentence && (unit || next.is_none_or(|c| c.value() == 1));
        let nests = shaped && in_section && !unit && next.map_or(!nested.is_empty(), |c| c.value() > 1);
        if nests {
            pending.push((title(), top));
        } else if top {
            out.push(title());
        }
        prev_is_heading = starts_heading;
        prev_line = line;
        at = end;
    }
    settle(&mut pending, &mut out, &mut nested);
    topics.finish(src, &mut nested);
    out.sort_by_key(|t| t.start);
    nested.sort_by_key(|t| t.start);
    (out, nested)
}

/// The most characters of a title on its own line.
const MAX_TITLE_CHARS: usize = 25;

/// The fewest characters of each clause of a title of two
/// ([`two_clauses`]).
const CLAUSE_CHARS: usize = 4;

/// Whether `line` is two clauses of [`CLAUSE_CHARS`] 汉字 or more about one
/// comma: a topic title of two clauses (坚持问题导向，着力补齐民生短板). Such a
/// title is taken only before a line longer than any title: the first line
/// of a paragraph wrapped at a width of 25 characters or fewer is as
/// short as a title, and often holds a comma.
fn two_clauses(line: &str) -> bool {
    let mut clauses = line.split('，');
    match (clauses.next(), clauses.next(), clauses.next()) {
        (Some(first), Some(second), None) => [first, second]
            .iter()
            .all(|c| c.chars().filter(|&c| is_han(c)).count() >= CLAUSE_CHARS),
        _ => false,
    }
}

/// The titles `pending` in a section, settled when it ends: two or more
/// nest in it; one alone stands at the top level if it may.
fn settle(
    pending: &mut Vec<(UnnumberedHeading, bool)>,
    out: &mut Vec<UnnumberedHeading>,
    nested: &mut Vec<UnnumberedHeading>,
) {
    if pending.len() >= 2 {
        nested.extend(pending.drain(..).map(|(t, _)| t));
    } else {
        out.extend(pending.drain(..).filter(|&(_, top)| top).map(|(t, _)| t));
    }
}

/// The next heading-style marker at a line start, if any.
fn next_heading(rest: &[Candidate]) -> Option<&Candidate> {
    rest.iter()
        .find(|c| c.raw().style.is_heading() && c.position() == Position::LineStart)
}

/// Whether the next non-blank line is longer than `chars` characters.
fn next_body_is_longer(src: &str, mut at: usize, limit: usize, chars: usize) -> bool {
    while at < limit {
        let end = line_end_after_break(src, at);
        let line = trim_blank(&src[at..end]);
        if !line.is_empty() {
            return line.chars().count() > chars;
        }
        at = end;
    }
    false
}

/// The most characters of a line that is only a date (（2026年12月31日）).
const DATE_LINE_CHARS: usize = 16;

/// Whether the next non-blank line is only a date (2026年6月1日): the line
/// above it is a signature (某某市人民政府), not a title. (A dated line that
/// goes on, 2026年1月10日在……会议上, follows titles.)
fn next_is_date(src: &str, mut at: usize, limit: usize) -> bool {
    while at < limit {
        let end = line_end_after_break(src, at);
        let line = trim_blank(&src[at..end]);
        if !line.is_empty() {
            return crate::parse::furniture::opens_with_date(line)
                && line.chars().take(DATE_LINE_CHARS + 1).count() <= DATE_LINE_CHARS;
        }
        at = end;
    }
    false
}

/// Whether the next non-blank line starts with the first item of a list.
fn next_starts_list(src: &str, end: usize, rest: &[Candidate]) -> bool {
    let next = src[end..]
        .find(|c: char| !is_inline_space(c) && !is_line_break(c))
        .map(|i| end + i);
    rest.iter()
        .find(|c| c.start() >= end)
        .is_some_and(|c| Some(c.start()) == next && c.value() == 1 && c.position() == Position::LineStart)
}
