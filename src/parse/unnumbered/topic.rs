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
//! The lines are read in the walk of [`super::own_line`], once.

use super::UnnumberedHeading;
use super::run_in::is_run_in_title;
use crate::ast::MarkerStyle;
use crate::parse::text::blank_prefix;
use crate::span::Span;

/// How many topic sentences of one pattern a section needs.
const SET: usize = 3;

/// How far into a line a topic sentence's end mark may stand (bytes).
const TITLE_BYTES: usize = 34 * 3 + 3;

/// How many bytes a title of eight characters takes at the least.
const MIN_TITLE_BYTES: usize = 22;

/// The topic sentences of a text, read a line at a time by the walk over
/// its lines in [`super::own_line`]: each line-start heading with
/// [`Topics::heading`], every other line with [`Topics::line`], and
/// [`Topics::finish`] at the end.
#[derive(Default)]
pub(super) struct Topics {
    /// The style of the text's first line-start heading.
    outer: Option<MarkerStyle>,
    /// Whether the section being read may hold topic sentences: opened by
    /// a heading of the outer style, no line-start heading of another
    /// style in it so far.
    open: bool,
    /// The sentences shaped like titles in that section, each with where
    /// its first clause ends.
    found: Vec<(UnnumberedHeading, usize)>,
}

impl Topics {
    /// A heading of `style` at a line start.
    pub(super) fn heading(&mut self, src: &str, style: MarkerStyle, out: &mut Vec<UnnumberedHeading>) {
        let outer = *self.outer.get_or_insert(style);
        if style == outer {
            self.finish(src, out);
            self.open = true;
        } else {
            // A section that numbers a level of its own kept its ordinals.
            self.open = false;
            self.found.clear();
        }
    }

    /// The line from `start` to `end`, not a heading's; `flattened` says
    /// whether it lost its line breaks ([`super::parallel`] reads those).
    pub(super) fn line(&mut self, src: &str, start: usize, end: usize, flattened: impl FnOnce() -> bool) {
        if self.open
            && let Some(title) = topic_sentence(src, start, end)
            && !flattened()
        {
            self.found.push(title);
        }
    }

    /// The end of the section being read: its topic sentences to `out`.
    pub(super) fn finish(&mut self, src: &str, out: &mut Vec<UnnumberedHeading>) {
        if self.open {
            keep_set(src, &self.found, out);
        }
        self.open = false;
        self.found.clear();
    }
}

/// The first sentence of the line from `start` to `end`, when it is shaped
/// like a title and body text follows it, with where its first clause
/// ends.
fn topic_sentence(src: &str, start: usize, end: usize) -> Option<(UnnumberedHeading, usize)> {
    let from = start + blank_prefix(&src[start..end]);
    let line = &src[from..end];
    // A title opens with a 汉字 and has 8 to 34 characters (22 to 102
    // bytes) before its 。 (E3 80 82; a sentence that ends otherwise first
    // is no title): only the line's opening is searched, on its bytes.
    let opening = &line.as_bytes()[..line.len().min(TITLE_BYTES)];
    if !opening.first().is_some_and(|b| (0xE4..=0xE9).contains(b)) || opening.len() < MIN_TITLE_BYTES {
        return None;
    }
    let stop = MIN_TITLE_BYTES
        + memchr::memchr_iter(0xE3, &opening[MIN_TITLE_BYTES..]).find(|&i| {
            opening.get(MIN_TITLE_BYTES + i + 1..MIN_TITLE_BYTES + i + 3) == Some(&[0x80, 0x82])
        })?;
    let sentence = &line[..stop];
    let past = stop + '。'.len_utf8();
    // Body text follows on the line, and the sentence is a title's shape.
    if line[past..].trim().is_empty() || !is_run_in_title(sentence) {
        return None;
    }
    if crate::parse::marker::marker(sentence).is_some() {
        return None;
    }
    // (A title's shape has one comma.)
    let clause_end = from + sentence.find(['，', ',']).unwrap_or(stop);
    Some((
        UnnumberedHeading {
            start: from,
            title: Span::new(from, from + stop),
            end: from + past,
        },
        clause_end,
    ))
}

/// The sentences of `found` (one section's) whose first clauses share the
/// length most of them have, when at least [`SET`] do and no two of them
/// are the same. Linear but for a sort of the set (a section may hold
/// any number of lines).
fn keep_set(src: &str, found: &[(UnnumberedHeading, usize)], out: &mut Vec<UnnumberedHeading>) {
    if found.len() < SET {
        return;
    }
    let clause = |&(t, end): &(UnnumberedHeading, usize)| &src[t.start..end];
    // How many first clauses have each length (a title has at most 34
    // characters).
    let mut by_length = [0usize; 35];
    for f in found {
        by_length[clause(f).chars().count().min(34)] += 1;
    }
    let Some((common, &count)) = by_length.iter().enumerate().max_by_key(|&(_, &n)| n) else {
        return;
    };
    if count < SET {
        return;
    }
    let set: Vec<&(UnnumberedHeading, usize)> = found
        .iter()
        .filter(|f| clause(f).chars().count() == common)
        .collect();
    let mut clauses: Vec<&str> = set.iter().map(|f| clause(f)).collect();
    clauses.sort_unstable();
    if clauses.windows(2).all(|w| w[0] != w[1]) {
        out.extend(set.into_iter().map(|&(t, _)| t));
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
