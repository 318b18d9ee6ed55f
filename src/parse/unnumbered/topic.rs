//! Topic sentences: titles of a level whose ordinals were lost, each the
//! first sentence of its paragraph, in text that kept its line breaks.
//!
//! ```text
//! 一、……（the section's heading）
//! 坚持精准治污，持续改善空气质量。要聚焦细颗粒物……
//! 坚持系统治理，巩固提升水环境质量。要统筹……
//! 坚持防控结合，守牢土壤环境安全底线。……
//! ```
//!
//! A paragraph's first sentence is such a title when (all must hold):
//!
//! - it has the shape of a run-in title ([`is_run_in_title`]): 8 to 34
//!   汉字 in two clauses, no marker, not opening as running text does;
//! - body text follows it on its line;
//! - it stands in a section opened by a line-start heading of the text's
//!   first heading style, a section without line-start headings of its
//!   own (a text that numbers its second level kept its ordinals);
//! - at least [`SET`] such sentences of that section have first clauses
//!   of one length: a set written to one pattern, as siblings are. The
//!   others of the section are paragraph leads;
//! - no two of the set open with the same clause: that is a figure of
//!   speech (实现伟大梦想，必须进行伟大斗争。/ 实现伟大梦想，必须建设伟大
//!   工程。), where siblings' titles name each its own topic.
//!
//! Lines that lost their breaks are read by [`super::parallel`] instead.

use super::UnnumberedHeading;
use super::run_in::is_run_in_title;
use crate::parse::scan::{Candidate, Position};
use crate::parse::text::{blank_prefix, line_end_after_break};
use crate::span::Span;

/// How many topic sentences of one pattern a section needs.
const SET: usize = 3;

/// How far into a line a topic sentence's end mark may stand (bytes).
const TITLE_BYTES: usize = 34 * 3 + 3;

/// Topic sentences of the sections of `src` outside `flattened` lines
/// (see the module's notes), in order.
pub(super) fn titles(
    src: &str,
    cands: &[Candidate],
    flattened: &[std::ops::Range<usize>],
    out: &mut Vec<UnnumberedHeading>,
) {
    let line_start_headings = || {
        cands
            .iter()
            .filter(|c| c.position() == Position::LineStart && c.raw().style.is_heading())
    };
    let Some(outer) = line_start_headings().next().map(|c| c.raw().style) else {
        return;
    };
    let mut heads = line_start_headings().peekable();
    // The sentences shaped like titles in the section being read, with
    // the length of their first clause.
    let mut found: Vec<(UnnumberedHeading, usize)> = Vec::new();
    while let Some(head) = heads.next() {
        if head.raw().style != outer {
            continue;
        }
        let end = heads.peek().map_or(src.len(), |c| c.start());
        // A section that numbers a level of its own kept its ordinals.
        if heads.peek().is_some_and(|c| c.raw().style != outer) {
            continue;
        }
        found.clear();
        let mut at = line_end_after_break(src, head.start());
        while at < end {
            let line_end = line_end_after_break(src, at).min(end);
            let i = flattened.partition_point(|r| r.end <= at);
            let flat = flattened.get(i).is_some_and(|r| r.contains(&at));
            if !flat && let Some(title) = topic_sentence(src, at, line_end) {
                found.push(title);
            }
            at = line_end;
        }
        keep_set(src, &found, out);
    }
}

/// The first sentence of the line from `start` to `end`, when it is shaped
/// like a title and body text follows it, with its first clause's length.
fn topic_sentence(src: &str, start: usize, end: usize) -> Option<(UnnumberedHeading, usize)> {
    let from = start + blank_prefix(&src[start..end]);
    let line = &src[from..end];
    // A title is at most 34 characters of three bytes and its end mark:
    // only the line's opening is searched.
    let opening = &line[..crate::parse::text::floor_char(line, line.len().min(TITLE_BYTES))];
    let stop = opening.find(['。', '！', '？'])?;
    let sentence = &line[..stop];
    let past = stop + '。'.len_utf8();
    // Body text follows on the line, and the sentence is a title's shape.
    if line[past..].trim().is_empty() || !is_run_in_title(sentence) {
        return None;
    }
    if crate::parse::marker::marker(sentence).is_some() {
        return None;
    }
    let first = sentence
        .split(['，', ','])
        .next()
        .unwrap_or(sentence)
        .chars()
        .count();
    Some((
        UnnumberedHeading {
            start: from,
            title: Span::new(from, from + stop),
            end: from + past,
        },
        first,
    ))
}

/// The sentences of `found` (one section's) whose first clauses share the
/// length most of them have, when at least [`SET`] do.
fn keep_set(src: &str, found: &[(UnnumberedHeading, usize)], out: &mut Vec<UnnumberedHeading>) {
    if found.len() < SET {
        return;
    }
    let count = |n: usize| found.iter().filter(|&&(_, f)| f == n).count();
    let Some(common) = found.iter().map(|&(_, f)| f).max_by_key(|&n| count(n)) else {
        return;
    };
    if count(common) < SET {
        return;
    }
    let set: Vec<UnnumberedHeading> = found
        .iter()
        .filter(|&&(_, f)| f == common)
        .map(|&(t, _)| t)
        .collect();
    let first_clause = |t: &UnnumberedHeading| {
        let title = t.title.slice(src);
        title.split(['，', ',']).next().unwrap_or(title)
    };
    let repeats = set
        .iter()
        .enumerate()
        .any(|(i, a)| set[i + 1..].iter().any(|b| first_clause(a) == first_clause(b)));
    if set.len() >= SET && !repeats {
        out.extend(set);
    }
}

#[cfg(test)]
mod tests {
    use crate::{outline, parse};

    /// Three paragraphs of a section open with titles of one pattern: a
    /// level whose ordinals were lost. A list in one of them nests in it.
    #[test]
    fn paragraphs_opening_with_titles_of_one_pattern_are_headings() {
        let text = "一、突出重点任务\n\
            加强源头管控，推动产业绿色转型。要严格项目准入，新建项目一律进园区。\n\
            深化系统治理，改善河湖生态质量。要统筹上下游，一是清理排污口，二是修复岸线。\n\
            完善监测体系，提升预警处置能力。要加密站点布局，做到早发现早处置。\n\
            二、强化组织保障\n各级要加强领导。\n";
        assert_eq!(
            outline(&parse(text)),
            "一、\t突出重点任务\n  -\t加强源头管控，推动产业绿色转型\n  -\t深化系统治理，改善河湖生态质量\n    一是\t清理排污口\n    二是\t修复岸线\n  -\t完善监测体系，提升预警处置能力\n二、\t强化组织保障\n"
        );
    }

    /// Two are too few; a set whose sentences open with one clause is a
    /// figure of speech; a section that numbers its own level kept it.
    #[test]
    fn no_topic_sentences_without_a_set_of_distinct_titles() {
        let two = "一、突出重点任务\n加强源头管控，推动产业绿色转型。要严格准入。\n深化系统治理，改善河湖生态质量。要统筹上下游。\n二、强化保障\n";
        let figure = "一、新的使命\n建设美丽家园，必须坚持绿色发展。这是根本。\n建设美丽家园，必须加强生态保护。这是关键。\n建设美丽家园，必须依靠人民群众。这是基础。\n二、强化保障\n";
        let numbered = "一、突出重点任务\n（一）源头管控\n加强源头管控，推动产业绿色转型。要严格准入。\n深化系统治理，改善河湖生态质量。要统筹上下游。\n完善监测体系，提升预警处置能力。要加密站点。\n（二）组织保障\n二、强化保障\n";
        for text in [two, figure, numbered] {
            assert!(!outline(&parse(text)).contains('-'), "{text}");
        }
    }
}
