//! Parallel run-in titles: headings whose ordinals and line breaks were
//! both lost, found by their siblings instead of by a list after them.
//!
//! A lost level leaves its titles as the first sentences of paragraphs
//! run together, directly under a numbered heading of the text's outermost
//! style. What tells them from the first sentences of ordinary paragraphs
//! is that they come in sets written to one pattern:
//!
//! ```text
//! 二、……（the section's heading and opening）。
//! 要加强组织领导,增加工作合力。各级要加强组织领导……。……
//! 要完善工作机制,增加发展动力。完善工作机制……。……
//! ```
//!
//! Grammar of a title (all must hold):
//!
//! - the shape of a run-in title ([`is_run_in_title`]): 8 to 34 汉字, two
//!   clauses, no marker;
//! - taken up by the next sentence, word for word ([`taken_up`]); the
//!   sentence before may repeat it as much when it holds the section's
//!   heading (a child title repeats its parent's words);
//! - in a flattened line whose sequences of heading style (a first item
//!   with a successor) are all of one style, the outermost: a text that
//!   numbers a second heading level kept its ordinals, and its
//!   unnumbered first sentences are paragraph leads;
//! - in a section opened by a heading of that style, with no other
//!   heading-style marker between the section's start and it;
//! - parallel to another such sentence of the same section: of the two
//!   clauses' first characters (the second's unless it opens running
//!   text: 我们……) and a shared two-character word, at least two agree
//!   ([`parallel`]).
//!
//! Text after the line's last sentence end (a text cut short) counts as
//! a last sentence: it may take up the title before it. Only lines with a
//! single numbered heading style are read, so the pass costs nothing on
//! most long lines; where it reads, one pass over the sections' sentence
//! ends.

use super::UnnumberedHeading;
use super::run_in::{Words, ends_from, is_run_in_title, taken_up};
use crate::parse::scan::{Candidate, Position};
use crate::parse::successors::Successors;
use crate::span::Span;

/// Parallel run-in titles of the flattened lines of `src` (see the module
/// docs); `cands` are the text's marker candidates, in order of start, and
/// `successors` the next item of each one's sequence.
pub(super) fn titles(
    src: &str,
    flattened: &[std::ops::Range<usize>],
    cands: &[Candidate],
    successors: &Successors,
) -> Vec<UnnumberedHeading> {
    let mut out = Vec::new();
    for range in flattened {
        let first = cands.partition_point(|c| c.start() < range.start);
        let last = cands.partition_point(|c| c.start() < range.end);
        titles_in(
            src,
            range.clone(),
            &cands[first..last],
            (successors, first),
            &mut out,
        );
    }
    out
}

/// [`titles`] within one flattened line; `cands` are the line's candidates,
/// the first of them candidate `offset` of the text (for `successors`).
/// Only the sections opened by a heading of the outermost style are read.
fn titles_in(
    src: &str,
    range: std::ops::Range<usize>,
    cands: &[Candidate],
    (successors, offset): (&Successors, usize),
    out: &mut Vec<UnnumberedHeading>,
) {
    // Heading-style markers where a heading may stand, and the style of
    // the first that opens a sequence: the line's outermost.
    let mut heads = cands
        .iter()
        .filter(|c| c.raw.style.is_heading() && matches!(c.position, Position::LineStart | Position::RunIn))
        .peekable();
    // First items of sequences of heading style (1 with a successor).
    let mut firsts = cands
        .iter()
        .enumerate()
        .filter(|&(i, c)| c.raw.style.is_heading() && c.value() == 1 && successors.get(offset + i).is_some())
        .map(|(_, c)| c);
    let Some(outer) = firsts
        .clone()
        .find(|c| matches!(c.position, Position::LineStart | Position::RunIn))
        .map(|c| c.raw.style)
    else {
        return;
    };
    // A level is lost throughout a text: a line that numbers headings of
    // a second style kept its ordinals.
    if firsts.any(|c| c.raw.style != outer) {
        return;
    }
    let mut ends = Vec::new();
    let mut sentences = Vec::new();
    let mut found = Vec::new();
    while let Some(head) = heads.next() {
        if head.raw.style != outer {
            continue;
        }
        let section = head.start()..heads.peek().map_or(range.end, |c| c.start());
        found.clear();
        candidates(src, section, &mut ends, &mut sentences, &mut found);
        for &(s, e, after) in &found {
            let has_sibling = found
                .iter()
                .any(|&(t, f, _)| t != s && parallel(&src[s..e], &src[t..f]));
            if has_sibling {
                out.push(UnnumberedHeading {
                    start: s,
                    title: Span::new(s, e),
                    end: after,
                });
            }
        }
    }
}

/// The sentences of `section` (a section's heading and its text up to the
/// next heading) shaped like run-in titles and taken up by the next
/// sentence, as (start, end mark, just past the mark), pushed on `found`;
/// `ends` and `sentences` are buffers.
fn candidates(
    src: &str,
    section: std::ops::Range<usize>,
    ends: &mut Vec<usize>,
    sentences: &mut Vec<(usize, usize, usize)>,
    found: &mut Vec<(usize, usize, usize)>,
) {
    let bytes = &src.as_bytes()[section.clone()];
    ends.clear();
    ends_from(bytes, 0, usize::MAX, bytes.len(), ends);
    // Sentences as (start, end mark, just past the mark); text after the
    // last mark (up to the next heading, or a line cut short) is a last
    // sentence without a mark.
    sentences.clear();
    let mut start = section.start;
    for &e in ends.iter() {
        let end = section.start + e;
        let after = end + if bytes[e] == b'\n' { 1 } else { 3 };
        sentences.push((start, end, after));
        start = after;
    }
    if start < section.end {
        sentences.push((start, section.end, section.end));
    }
    // The first sentence holds the section's heading; a title after it may
    // repeat its parent's words.
    for k in 1..sentences.len().saturating_sub(1) {
        let (s, e, after) = sentences[k];
        // A title runs on into its body: not at the line's end.
        if e == after || src[e..].starts_with('\n') || !is_run_in_title(&src[s..e]) {
            continue;
        }
        let (ns, ne, _) = sentences[k + 1];
        let before = match sentences[k - 1] {
            _ if k == 1 => "",
            (bs, be, _) => &src[bs..be],
        };
        if taken_up(&src[s..e], &src[ns..ne], before) {
            found.push((s, e, after));
        }
    }
}

/// Whether two two-clause titles are written to one pattern: at least two
/// of the three agree: the first clauses' first characters, the second
/// clauses' first characters (unless a word of running text, 我们…), and a
/// two-character word both hold.
fn parallel(a: &str, b: &str) -> bool {
    let Some((a1, a2)) = a.split_once(['，', ',']) else {
        return false;
    };
    let Some((b1, b2)) = b.split_once(['，', ',']) else {
        return false;
    };
    let first = |s: &str| s.chars().next();
    let same_first = first(a1).is_some() && first(a1) == first(b1);
    let same_second = first(a2).is_some() && first(a2) == first(b2) && !super::run_in::opens_running_text(a2);
    let shared_word = Words::of(a).shared_with(b) > 0;
    usize::from(same_first) + usize::from(same_second) + usize::from(shared_word) >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_titles_share_two_of_openers_and_a_word() {
        assert!(
            parallel("要加强组织领导,增加工作合力", "要完善工作机制,增加发展动力"),
            "both openers agree"
        );
        assert!(
            parallel(
                "继续深化改革,在重点领域取得突破",
                "全面扩大开放,在重点领域迈出新步"
            ),
            "the second opener and a shared word"
        );
        assert!(
            !parallel("尽管如此,我们仍然继续努力", "近年来,我们同各国往来增加"),
            "a pronoun opening both second clauses is running text"
        );
        assert!(
            !parallel("加快发展化肥工业,逐步提高产量", "国家规定的任务,一切单位都上交"),
            "nothing agrees"
        );
    }
}
