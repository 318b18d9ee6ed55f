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
//! - parallel to another such sentence of the same section (among the
//!   eight title-shaped sentences before or after it): of the two clauses'
//!   first characters (the second's unless it opens running text: 我们……)
//!   and a shared two-character word, at least two agree ([`parallel`]).
//!
//! Text after the line's last sentence end (a text cut short) counts as
//! a last sentence: it may take up the title before it. Only lines with a
//! single numbered heading style are read, so the pass costs nothing on
//! most long lines; where it reads, one pass over the sections' sentence
//! ends.

use super::UnnumberedHeading;
use super::sentences::Sentences;
use crate::ast::MarkerStyle;
use crate::parse::scan::{Candidate, Position};
use crate::parse::successors::Successors;
use crate::span::Span;

/// Among how many title-shaped sentences before and after one its
/// sibling is looked for.
const SIBLINGS: usize = 8;

/// The style of the headings whose sections [`titles_in`] reads in a
/// flattened line, if it reads the line: the line's outermost heading
/// style, when every sequence of heading style in it (a first item with a
/// successor) is of that style. `cands` are the line's candidates, the
/// first of them candidate `offset` of the text (for `successors`).
pub(super) fn outer_style(
    cands: &[Candidate],
    (successors, offset): (&Successors, usize),
) -> Option<MarkerStyle> {
    // First items of sequences of heading style (1 with a successor).
    let mut firsts = cands
        .iter()
        .enumerate()
        .filter(|&(i, c)| {
            c.raw().style.is_heading() && c.value() == 1 && successors.get(offset + i).is_some()
        })
        .map(|(_, c)| c);
    // The style of the first that opens a sequence where a heading may
    // stand: the line's outermost.
    let outer = firsts
        .clone()
        .find(|c| matches!(c.position(), Position::LineStart | Position::RunIn))
        .map(|c| c.raw().style)?;
    // A level is lost throughout a text: a line that numbers headings of
    // a second style kept its ordinals.
    (!firsts.any(|c| c.raw().style != outer)).then_some(outer)
}

/// Parallel run-in titles within one flattened line (see the module docs),
/// whose outermost heading style is `outer` ([`outer_style`]) and whose
/// sentences are `sentences`; `cands` are the line's candidates. Only the
/// sections opened by a heading of that style are read.
pub(super) fn titles_in(
    src: &str,
    range: std::ops::Range<usize>,
    cands: &[Candidate],
    outer: MarkerStyle,
    line: &mut Sentences<'_>,
    out: &mut Vec<UnnumberedHeading>,
) {
    // Heading-style markers where a heading may stand.
    let mut heads = cands
        .iter()
        .filter(|c| {
            c.raw().style.is_heading() && matches!(c.position(), Position::LineStart | Position::RunIn)
        })
        .peekable();
    let mut sentences = Vec::new();
    let mut shaped = Vec::new();
    let mut taken: Vec<Option<bool>> = Vec::new();
    let mut titles = Vec::new();
    let mut keys = Vec::new();
    while let Some(head) = heads.next() {
        if head.raw().style != outer {
            continue;
        }
        let section = head.start()..heads.peek().map_or(range.end, |c| c.start());
        // The line's sentence that the section's second sentence is.
        let first = split(src, section, line, &mut sentences);
        // The sentences shaped like titles (indices into `sentences`); the
        // first holds the section's heading. Each of the others ends with
        // a mark, and is the line's sentence `first + k - 1`.
        shaped.clear();
        shaped.extend((1..sentences.len().saturating_sub(1)).filter(|&k| {
            let (_, e, after) = sentences[k];
            // A title runs on into its body: not at the line's end.
            e != after && !src[e..].starts_with('\n') && line.is_shaped(first + k - 1)
        }));
        let text = |i: usize| {
            let (s, e, _) = sentences[shaped[i]];
            &src[s..e]
        };
        keys.clear();
        keys.extend((0..shaped.len()).map(|i| openers(text(i))));
        // Two sentences are titles when they are parallel and each is taken
        // up by its next sentence. Siblings stand near each other:
        // comparing with the nearest few keeps a section of many such
        // sentences linear. The openers first (cheap), then whether each is
        // taken up (once a sentence), and only for two taken up sentences
        // whether they share a word, where the openers leave it open.
        taken.clear();
        taken.resize(shaped.len(), None);
        let mut is_taken = |i: usize, line: &mut Sentences<'_>| {
            *taken[i].get_or_insert_with(|| {
                let k = shaped[i];
                let (ns, ne, _) = sentences[k + 1];
                // Past the section's first sentence, and before its last
                // when that has no mark, the sentences around are the
                // line's: what the line knows of them holds.
                if k > 1
                    && line
                        .sentence(first + k)
                        .is_some_and(|(s, e, _)| (s, e) == (ns, ne))
                {
                    return line.taken_up(first + k - 1);
                }
                // A child title may repeat its parent's words.
                let before = match sentences[k - 1] {
                    _ if k == 1 => "",
                    (bs, be, _) => &src[bs..be],
                };
                line.taken_up_by(first + k - 1, &src[ns..ne], before)
            })
        };
        titles.clear();
        titles.resize(shaped.len(), false);
        for i in 0..shaped.len() {
            for j in i + 1..shaped.len().min(i + SIBLINGS + 1) {
                if !may_be_parallel(keys[i], keys[j]) || !is_taken(i, line) || !is_taken(j, line) {
                    continue;
                }
                if parallel(keys[i], keys[j], || {
                    line.words(first + shaped[i] - 1).shared_with(text(j)) > 0
                }) {
                    (titles[i], titles[j]) = (true, true);
                }
            }
        }
        for (i, _) in titles.iter().enumerate().filter(|&(_, &t)| t) {
            let (s, e, after) = sentences[shaped[i]];
            out.push(UnnumberedHeading {
                start: s,
                title: Span::new(s, e),
                end: after,
            });
        }
    }
}

/// The sentences of `section` (a section's heading and its text up to the
/// next heading) as (start, end mark, just past the mark), in `sentences`;
/// text after the last mark (up to the next heading, or a line cut short)
/// is a last sentence without a mark. `line` holds the line's sentences:
/// returns which of them is the section's second.
fn split(
    src: &str,
    section: std::ops::Range<usize>,
    line: &Sentences<'_>,
    sentences: &mut Vec<(usize, usize, usize)>,
) -> usize {
    let ends = line.ends();
    let first = ends.partition_point(|&e| e < section.start);
    let last = ends.partition_point(|&e| e < section.end);
    sentences.clear();
    let mut start = section.start;
    for &end in &ends[first..last] {
        let after = end + if src.as_bytes()[end] == b'\n' { 1 } else { 3 };
        sentences.push((start, end, after));
        start = after;
    }
    if start < section.end {
        sentences.push((start, section.end, section.end));
    }
    first + 1
}

/// Whether two two-clause titles are written to one pattern: at least two
/// of the three agree: the first clauses' first characters, the second
/// clauses' first characters (unless a word of running text, 我们…), and a
/// two-character word both hold (`shared_word`, asked only when it
/// decides).
fn parallel(a: Openers, b: Openers, shared_word: impl FnOnce() -> bool) -> bool {
    let same_first = a.0.is_some() && a.0 == b.0;
    let same_second = a.1.is_some() && a.1 == b.1;
    // The shared word decides only when one opener agrees.
    match (same_first, same_second) {
        (true, true) => true,
        (false, false) => false,
        _ => shared_word(),
    }
}

/// Whether two titles may be [`parallel`]: whether one of their openers
/// agrees (else no shared word makes them so).
fn may_be_parallel(a: Openers, b: Openers) -> bool {
    (a.0.is_some() && a.0 == b.0) || (a.1.is_some() && a.1 == b.1)
}

/// The first characters of a title's two clauses (the second's `None`
/// when it opens running text: 我们……).
type Openers = (Option<char>, Option<char>);

/// The [`Openers`] of a title.
fn openers(title: &str) -> Openers {
    let (first, second) = title.split_once(['，', ',']).unwrap_or((title, ""));
    let second = (!super::run_in::opens_running_text(second))
        .then(|| second.chars().next())
        .flatten();
    (first.chars().next(), second)
}

#[cfg(test)]
mod tests {
    use super::super::run_in::Words;
    use super::*;

    #[test]
    fn parallel_titles_share_two_of_openers_and_a_word() {
        let parallel =
            |a: &str, b: &str| parallel(openers(a), openers(b), || Words::of(a).shared_with(b) > 0);
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
