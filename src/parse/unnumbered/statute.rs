//! A statute's units without an ordinal, in lines that lost their breaks:
//! the 附则 (or 总则, 分则) that a code (法典) puts after its last 编, run
//! in between the last article's sentence and the next article
//! (……罚款。附　　则第十八条……). On a line of its own, [`super::own_line`]
//! finds it.

use super::UnnumberedHeading;
use crate::MarkerStyle;
use crate::parse::scan::Candidate;
use crate::parse::text::{floor_char, is_inline_space};
use crate::span::Span;
use std::ops::Range;

/// The titles a statute gives its units without an ordinal.
const UNIT_TITLES: [&str; 3] = ["附则", "总则", "分则"];

/// Whether `text`, spaces aside, is one of [`UNIT_TITLES`] (附　　则).
pub(super) fn is_unit_title(text: &str) -> bool {
    let letters = text.chars().filter(|&c| !is_inline_space(c));
    UNIT_TITLES.iter().any(|t| letters.clone().eq(t.chars()))
}

/// The most bytes between a sentence's end and the article a unit title
/// stands before (附, 则 and the spaces between: 附　　　　则 is 18).
const REACH: usize = 32;

/// Where a statute's first unit above its articles (章, 编) starts, if any.
pub(super) fn first_unit(cands: &[Candidate]) -> Option<usize> {
    cands
        .iter()
        .find(|c| {
            matches!(
                c.raw().style,
                MarkerStyle::Chapter | MarkerStyle::Book | MarkerStyle::SubBook
            )
        })
        .map(Candidate::start)
}

/// The units without an ordinal in `range` (a flattened line, `cands` its
/// candidates): a title of [`UNIT_TITLES`] between a sentence's end and an
/// article, after the statute's first unit (at `units_from`, see
/// [`first_unit`]). At the top level: the articles after it are its own.
pub(super) fn units_in(
    src: &str,
    range: Range<usize>,
    cands: &[Candidate],
    units_from: usize,
    out: &mut Vec<UnnumberedHeading>,
) {
    for c in cands {
        if c.raw().style != MarkerStyle::Article || c.start() < units_from {
            continue;
        }
        let from = floor_char(src, c.start().saturating_sub(REACH).max(range.start));
        let before = &src[from..c.start()];
        let Some(stop) = before.rfind(['。', '！', '？', '；']) else {
            continue;
        };
        let stop = from + stop + '。'.len_utf8();
        let text = &src[stop..c.start()];
        if !is_unit_title(text) {
            continue;
        }
        let start = stop + (text.len() - text.trim_start_matches(is_inline_space).len());
        let end = c.start() - (text.len() - text.trim_end_matches(is_inline_space).len());
        out.push(UnnumberedHeading {
            start,
            title: Span::new(start, end),
            end: c.start(),
        });
    }
}
