//! Unnumbered headings: headings without an ordinal, found by their shape
//! and place. Three kinds, one module each:
//!
//! - [`annex`]: annex labels (附件1) and their titles;
//! - [`own_line`]: short titles on a line of their own between body text;
//! - [`run_in`]: titles whose ordinals and line breaks were both lost,
//!   inside flattened lines, before a list;
//! - [`parallel`]: such titles without a list, beside a sibling written to
//!   the same pattern;
//! - [`topic`]: such titles opening their paragraphs where the line breaks
//!   were kept, a set of them written to one pattern.
//!
//! The input's heading hints ([`crate::Options::heading_hints`]) add
//! more and override the level the text's shape suggested.

mod annex;
mod own_line;
mod parallel;
mod run_in;
mod sentences;
mod topic;

use super::clues::Clues;
use super::furniture::Item;
use super::scan::{Candidate, Position};
use super::text::{blank_prefix, trim_blank};
use crate::span::Span;
use sentences::Sentences;

/// A heading without an ordinal: its line (or sentence) and its title.
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnnumberedHeading {
    /// Where the heading starts (its line, label or sentence).
    pub start: usize,
    /// The title (for an annex, the rest of the label line or the next line).
    pub title: Span,
    /// Where the heading ends, line breaks included.
    pub end: usize,
}

/// The unnumbered headings of a text, each list in order of start without
/// two at one place.
pub(crate) struct Unnumbered {
    /// Headings at the top level (annexes, own-line titles, hints of level
    /// 0): each closes everything open and holds what follows, so numbering
    /// restarts inside it.
    pub top: Vec<UnnumberedHeading>,
    /// Headings nested where they stand, under the innermost numbered
    /// section (run-in titles, hints of a deeper level).
    pub nested: Vec<UnnumberedHeading>,
}

/// Find the unnumbered headings of `src`.
pub(crate) fn detect(
    src: &str,
    cands: &[Candidate],
    furniture: &[Item<'_>],
    clues: &Clues<'_>,
) -> Unnumbered {
    let mut top = annex::at_line_starts(src);
    top.extend(annex::in_flattened_lines(src, &clues.flattened));
    let (own_top, own_nested) = own_line::titles(src, cands, furniture, &clues.flattened);
    top.extend(own_top);
    let mut nested = own_nested;
    for range in &clues.flattened {
        let first = cands.partition_point(|c| c.start() < range.start);
        let last = cands.partition_point(|c| c.start() < range.end);
        let line_cands = &cands[first..last];
        // Where parallel titles are looked for, every sentence of the line
        // is read: split once, for both passes.
        match parallel::outer_style(line_cands, (&clues.successors, first)) {
            Some(outer) => {
                let mut sentences = Sentences::of(src, range.clone());
                run_in::titles_in_sentences(src, &mut sentences, &clues.list_starts, &mut nested);
                parallel::titles_in(src, range.clone(), line_cands, outer, &mut sentences, &mut nested);
            }
            None => run_in::titles_in(src, range.clone(), &clues.list_starts, &mut nested),
        }
    }
    for (heading, level) in hinted(src, clues, cands, furniture) {
        // The source's outline level overrides what the text's shape said.
        if level == 0 {
            nested.retain(|h| h.start != heading.start);
            top.push(heading);
        } else {
            top.retain(|h| h.start != heading.start);
            nested.push(heading);
        }
    }
    for list in [&mut top, &mut nested] {
        list.sort_by_key(|h| h.start);
        list.dedup_by_key(|h| h.start);
    }
    Unnumbered { top, nested }
}

/// Unnumbered headings the input marks ([`crate::Options::heading_hints`]),
/// with their outline levels: hinted lines with text that do not start with
/// a marker (a marker makes the section anyway) and are not furniture.
fn hinted(
    src: &str,
    clues: &Clues<'_>,
    cands: &[Candidate],
    furniture: &[Item<'_>],
) -> Vec<(UnnumberedHeading, u8)> {
    let mut out = Vec::new();
    for hint in clues.hints.iter() {
        let Span { start, end } = hint.span();
        let Some(line) = src.get(start..end) else {
            continue;
        };
        let lead = blank_prefix(line);
        let title = trim_blank(line);
        let content = start + lead;
        let first = cands.partition_point(|c| c.start() < start);
        let starts_marker = cands
            .get(first)
            .is_some_and(|c| c.start() <= content && c.position() == Position::LineStart);
        let in_furniture = furniture
            .iter()
            .any(|f| f.span.start <= content && content < f.span.end);
        if title.is_empty() || starts_marker || in_furniture {
            continue;
        }
        let line_end = src[end..]
            .strip_prefix("\r\n")
            .or_else(|| src[end..].strip_prefix('\n'))
            .map_or(end, |rest| src.len() - rest.len());
        out.push((
            UnnumberedHeading {
                start,
                title: Span::new(content, content + title.len()),
                end: line_end,
            },
            hint.level(),
        ));
    }
    out
}
