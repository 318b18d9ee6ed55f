//! Clues: what the text says beyond each candidate, gathered once before
//! the unnumbered headings and the tree are decided.

use super::scan::{Candidate, Position};
use super::successors::{Successors, successors};
use super::text::{annex_label_starts, flattened_lines, wrap_width};
use crate::HeadingHint;
use std::borrow::Cow;
use std::ops::Range;

/// What the passes after the candidate scan consult.
pub(crate) struct Clues<'h> {
    /// The next item of each candidate's enumeration.
    pub successors: Successors,
    /// Lines that lost their line breaks ([`flattened_lines`]): heading ends
    /// are inferred there, and run-in titles looked for.
    pub flattened: Vec<Range<usize>>,
    /// Where lists of points start: a first item with a successor.
    pub list_starts: Vec<usize>,
    /// Where lone first sections stand (一、 （一） after a sentence, with no
    /// second) whose own sections follow them: the next list of sections
    /// (a first item with a successor) is of the level under theirs, within
    /// [`LONE_SECTIONS_REACH`] (一、……（一）……（二）……: a text cut after its
    /// part 一).
    pub lone_sections: Vec<usize>,
    /// The input's heading hints.
    pub hints: Hints<'h>,
    /// The width a hard-wrapped text breaks its lines at ([`wrap_width`]).
    pub wrap: Option<usize>,
    /// Where 附 stands ([`annex_label_starts`]).
    pub annex_labels: Vec<usize>,
}

impl<'h> Clues<'h> {
    /// Gather the clues of `src` from its candidates and the input's hints.
    pub(crate) fn gather(src: &str, cands: &[Candidate], hints: &'h [HeadingHint]) -> Self {
        let successors = successors(cands);
        let list_starts = cands
            .iter()
            .enumerate()
            .filter(|&(i, c)| !c.raw().style.is_heading() && c.value() == 1 && successors.get(i).is_some())
            .map(|(_, c)| c.start())
            .collect();
        let lone_sections = lone_sections(cands, &successors);
        Clues {
            successors,
            flattened: flattened_lines(src),
            list_starts,
            lone_sections,
            hints: Hints::new(src, hints),
            wrap: wrap_width(src),
            annex_labels: annex_label_starts(src),
        }
    }

    /// Whether `at` lies in a flattened line.
    pub(crate) fn in_flattened_line(&self, at: usize) -> bool {
        let i = self.flattened.partition_point(|r| r.end <= at);
        self.flattened.get(i).is_some_and(|r| r.contains(&at))
    }
}

/// How far after a lone first section (bytes) the first list of its own
/// sections may start (the part's opening paragraphs between).
const LONE_SECTIONS_REACH: usize = 8192;

/// [`Clues::lone_sections`], read from the end: each candidate meets the
/// nearest list of sections after it.
fn lone_sections(cands: &[Candidate], successors: &Successors) -> Vec<usize> {
    let mut next: Option<(usize, crate::MarkerStyle)> = None;
    let mut lone = Vec::new();
    for (i, c) in cands.iter().enumerate().rev() {
        let style = c.raw().style;
        if c.value() != 1 || !style.is_heading() {
            continue;
        }
        if successors.get(i).is_some() {
            next = Some((c.start(), style));
        } else if c.position() == Position::RunIn
            && matches!(style, crate::MarkerStyle::Dun | crate::MarkerStyle::ParenHan)
            && next.is_some_and(|(at, below)| {
                at - c.start() <= LONE_SECTIONS_REACH && below.standard_rank() == style.standard_rank() + 1
            })
        {
            lone.push(c.start());
        }
    }
    lone.reverse();
    lone
}

/// The input's heading hints that lie in the text, in order of start (hints
/// at one start keep the input's order). The caller's slice is borrowed
/// when it is already so (an input's hints are), not copied.
pub(crate) struct Hints<'h>(Cow<'h, [HeadingHint]>);

impl<'h> Hints<'h> {
    fn new(src: &str, hints: &'h [HeadingHint]) -> Self {
        let valid = |h: &HeadingHint| src.get(h.span().range()).is_some();
        if hints.iter().all(valid) && hints.is_sorted_by_key(|h| h.span().start) {
            return Hints(Cow::Borrowed(hints));
        }
        let mut hints = hints.to_vec();
        hints.retain(valid);
        hints.sort_by_key(|h| h.span().start);
        Hints(Cow::Owned(hints))
    }

    /// The hints, in order of start.
    pub(crate) fn as_slice(&self) -> &[HeadingHint] {
        &self.0
    }

    /// The outline level a hint gives the line at `at`.
    pub(crate) fn level_at(&self, at: usize) -> Option<u8> {
        let i = self.0.partition_point(|h| h.span().start <= at);
        let h = self.0.get(i.checked_sub(1)?)?;
        (at < h.span().end || at == h.span().start).then_some(h.level())
    }
}
