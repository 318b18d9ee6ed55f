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
//!   were kept, a set of them written to one pattern;
//! - [`statute`]: a statute's 附则 without an ordinal, inside flattened
//!   lines.
//!
//! The input's heading hints ([`crate::Options::heading_hints`]) add
//! more and override the level the text's shape suggested.

mod annex;
mod own_line;
mod parallel;
mod run_in;
mod sentences;
mod statute;
mod topic;

use super::clues::Clues;
use super::furniture::Item;
use super::scan::{Candidate, Position};
use super::text::{blank_prefix, trim_blank};
use crate::HeadingHint;
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
    let mut top = annex::at_line_starts(src, &clues.annex_labels);
    top.extend(annex::in_flattened_lines(
        src,
        &clues.flattened,
        &clues.annex_labels,
        furniture,
    ));
    let (own_top, own_nested) = own_line::titles(src, cands, furniture, &clues.flattened);
    top.extend(own_top);
    let mut nested = own_nested;
    let units_from = statute::first_unit(cands);
    for range in &clues.flattened {
        let first = cands.partition_point(|c| c.start() < range.start);
        let last = cands.partition_point(|c| c.start() < range.end);
        let line_cands = &cands[first..last];
        if let Some(units_from) = units_from {
            statute::units_in(src, range.clone(), line_cands, units_from, &mut top);
        }
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
    for list in [&mut top, &mut nested] {
        list.sort_by_key(|h| h.start);
        list.dedup_by_key(|h| h.start);
    }
    // The input's outline level overrides what the text's shape said: a
    // hinted heading takes the place of one found at its start in the other
    // list (and in its own, where the hints there disagree). The hinted
    // headings themselves are not listed (on Markdown of headings there
    // are millions): the tree reads them from the hints ([`Hinted`]).
    let mut drop_top = Vec::new();
    let mut drop_nested = Vec::new();
    let found_at =
        |list: &[UnnumberedHeading], at: usize| list.binary_search_by_key(&at, |h| h.start).is_ok();
    for group in Hinted::new(src, clues.hints.as_slice(), cands, furniture) {
        let at = group.heading.start;
        if (!group.top || group.mixed) && found_at(&top, at) {
            drop_top.push(at);
        }
        if (group.top || group.mixed) && found_at(&nested, at) {
            drop_nested.push(at);
        }
    }
    top.retain(|h| drop_top.binary_search(&h.start).is_err());
    nested.retain(|h| drop_nested.binary_search(&h.start).is_err());
    Unnumbered { top, nested }
}

/// The unnumbered headings the input's hints ([`crate::Options::heading_hints`])
/// mark, in order of start, read from the hints as they are wanted: hinted
/// lines with text that do not start with a marker (a marker makes the
/// section anyway) and are not furniture. Where several hints mark one
/// start, the last decides the level, as it does for [`super::clues::Hints::level_at`].
pub(crate) struct Hinted<'h, 'c> {
    src: &'c str,
    hints: &'h [HeadingHint],
    cands: &'c [Candidate],
    furniture: &'c [Item<'c>],
}

/// The heading that the hints at one start mark.
#[derive(Clone, Copy)]
pub(crate) struct HintedHeading {
    /// The heading (of the first hint of the last level given there).
    pub heading: UnnumberedHeading,
    /// Whether it is at the top level (the last hint there has level 0).
    pub top: bool,
    /// Whether hints there gave both a top and a deeper level.
    pub mixed: bool,
}

impl<'h, 'c> Hinted<'h, 'c> {
    /// The headings `hints` (in order of start) mark in `src`.
    pub(crate) fn new(
        src: &'c str,
        hints: &'h [HeadingHint],
        cands: &'c [Candidate],
        furniture: &'c [Item<'c>],
    ) -> Self {
        Hinted {
            src,
            hints,
            cands,
            furniture,
        }
    }

    /// The heading the hint `hint` marks, if any. Hints come in order of
    /// start: the candidates and furniture items before it are passed for
    /// good (a cursor, not a search from the first at every hint).
    fn heading(&mut self, hint: &HeadingHint) -> Option<UnnumberedHeading> {
        let src = self.src;
        let Span { start, end } = hint.span();
        let line = src.get(start..end)?;
        let lead = blank_prefix(line);
        let title = trim_blank(line);
        let content = start + lead;
        let first = self.cands.iter().take_while(|c| c.start() < start).count();
        self.cands = &self.cands[first..];
        let starts_marker = self
            .cands
            .first()
            .is_some_and(|c| c.start() <= content && c.position() == Position::LineStart);
        // Furniture items are in order and do not overlap: the one that
        // could hold `content` is the first not ending at or before it
        // (items passed here end before every later hint's content).
        let passed = self
            .furniture
            .iter()
            .take_while(|f| f.span.end <= content)
            .count();
        self.furniture = &self.furniture[passed..];
        let in_furniture = self
            .furniture
            .first()
            .is_some_and(|f| f.span.start <= content && content < f.span.end);
        if title.is_empty() || starts_marker || in_furniture {
            return None;
        }
        let line_end = src[end..]
            .strip_prefix("\r\n")
            .or_else(|| src[end..].strip_prefix('\n'))
            .map_or(end, |rest| src.len() - rest.len());
        Some(UnnumberedHeading {
            start,
            title: Span::new(content, content + title.len()),
            end: line_end,
        })
    }
}

impl Iterator for Hinted<'_, '_> {
    type Item = HintedHeading;

    fn next(&mut self) -> Option<HintedHeading> {
        loop {
            let start = self.hints.first()?.span().start;
            let n = self.hints.iter().take_while(|h| h.span().start == start).count();
            let (here, rest) = self.hints.split_at(n);
            self.hints = rest;
            let mut out: Option<HintedHeading> = None;
            for hint in here {
                let Some(heading) = self.heading(hint) else {
                    continue;
                };
                let top = hint.level() == 0;
                match out {
                    Some(ref mut o) if o.top != top => {
                        *o = HintedHeading {
                            heading,
                            top,
                            mixed: true,
                        }
                    }
                    Some(_) => {}
                    None => {
                        out = Some(HintedHeading {
                            heading,
                            top,
                            mixed: false,
                        })
                    }
                }
            }
            if out.is_some() {
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{clues::Clues, furniture, scan, test_random};

    /// The top-level and nested lists, as (start, title, end).
    type Lists = (Vec<(usize, Span, usize)>, Vec<(usize, Span, usize)>);

    /// The lists as they were made before hinted headings were read from
    /// the hints: each hinted heading added to its list, taking the place
    /// of one found at its start in the other list, then each list sorted
    /// with one heading a start (the first).
    fn listed(src: &str, hints: &[HeadingHint]) -> Lists {
        let cands = scan::candidates(src);
        let furniture = furniture::detect(src);
        let clues = Clues::gather(src, &cands, hints);
        let found = detect(src, &cands, &furniture, &Clues::gather(src, &cands, &[]));
        let (mut top, mut nested) = (found.top, found.nested);
        for hint in clues.hints.as_slice() {
            // A fresh reader each time: no cursor carried from hint to hint.
            let mut hinted = Hinted::new(src, clues.hints.as_slice(), &cands, &furniture);
            let Some(heading) = hinted.heading(hint) else {
                continue;
            };
            if hint.level() == 0 {
                nested.retain(|h| h.start != heading.start);
                top.push(heading);
            } else {
                top.retain(|h| h.start != heading.start);
                nested.push(heading);
            }
        }
        let key = |list: &mut Vec<UnnumberedHeading>| {
            list.sort_by_key(|h| h.start);
            list.dedup_by_key(|h| h.start);
            list.iter().map(|h| (h.start, h.title, h.end)).collect()
        };
        (key(&mut top), key(&mut nested))
    }

    /// The lists as the tree reads them now: [`detect`]'s, and the hinted
    /// headings that stand.
    fn read(src: &str, hints: &[HeadingHint]) -> Lists {
        let cands = scan::candidates(src);
        let furniture = furniture::detect(src);
        let clues = Clues::gather(src, &cands, hints);
        let found = detect(src, &cands, &furniture, &clues);
        let (mut top, mut nested) = (found.top.clone(), found.nested.clone());
        for h in Hinted::new(src, clues.hints.as_slice(), &cands, &furniture) {
            let list = if h.top { &found.top } else { &found.nested };
            if list.binary_search_by_key(&h.heading.start, |u| u.start).is_err() {
                if h.top { &mut top } else { &mut nested }.push(h.heading);
            }
        }
        let key = |list: &mut Vec<UnnumberedHeading>| {
            list.sort_by_key(|h| h.start);
            list.iter().map(|h| (h.start, h.title, h.end)).collect()
        };
        (key(&mut top), key(&mut nested))
    }

    /// Hints at any level on lines that are also found by their shape
    /// (annex labels, own-line titles), several at one line, at levels that
    /// disagree: the headings the tree reads are the ones listed before.
    #[test]
    fn hinted_headings_read_from_the_hints_are_the_ones_listed() {
        const LINES: [&str; 8] = [
            "附件1",
            "关于加强管理的意见",
            "各级各部门要提高认识，加强领导，狠抓落实，确保各项任务按时完成。",
            "一、总体要求",
            "（一）指导思想",
            "工作目标",
            "",
            "版权所有",
        ];
        let mut next = test_random(11);
        for _ in 0..2000 {
            let mut src = String::new();
            let mut hints = Vec::new();
            for _ in 0..next(14) {
                let start = src.len();
                src.push_str(LINES[next(LINES.len())]);
                for _ in 0..next(4).saturating_sub(1) {
                    hints.push(HeadingHint::new(Span::new(start, src.len()), next(3) as u8));
                }
                src.push('\n');
            }
            assert_eq!(read(&src, &hints), listed(&src, &hints), "{src:?} {hints:?}");
        }
    }
}
