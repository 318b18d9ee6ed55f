//! Annexes: a label line (附件, 附件1, 附件二：, 附：) and the title it
//! introduces, at a line start or, in text whose line breaks were lost,
//! right after a sentence end.

use super::UnnumberedHeading;
use crate::parse::furniture::{Item, annex_after_list, lists_attachments, names_last_attachment};
use crate::parse::text::{blank_suffix, is_inline_space, line_end_after_break, trim_blank};
use crate::span::Span;

/// Annex labels at line starts; `labels` are where 附, the first
/// character of a label, stands ([`crate::parse::text::annex_label_starts`]).
pub(super) fn at_line_starts(src: &str, labels: &[usize]) -> Vec<UnnumberedHeading> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut labels = labels.iter().copied();
    while at < src.len() {
        // Jump to the next line that may hold a label.
        let Some(next) = labels.find(|&i| i >= at).map(|i| i - at) else {
            break;
        };
        // `at` is a line start: look back no further than it, and only over
        // the inline space before the label (a long line is not read back
        // to its start).
        let before = src[at..at + next].trim_end_matches(is_inline_space);
        if !before.is_empty() && !before.ends_with(['\n', '\r']) {
            at = line_end_after_break(src, at + next);
            continue;
        }
        at += before.len();
        let end = crate::parse::text::line_end_after_break(src, at);
        let line = &src[at..end];
        let content = line.trim_start_matches(is_inline_space);
        // A list of attachments (附件：1.检查表) is furniture, not an annex.
        if let Some(rest) = content
            .strip_prefix("附件")
            .filter(|rest| !lists_attachments(rest) && !names_last_attachment(src, rest, end, src.len()))
            .or_else(|| content.strip_prefix("附："))
        {
            let label = rest.trim_start_matches(|c: char| {
                c.is_ascii_digit()
                    || crate::numerals::digit(c).is_some()
                    || matches!(c, '：' | ':' | ' ' | '\u{3000}')
            });
            let title = &label[..label.len() - blank_suffix(label)];
            if title.chars().count() <= 30 {
                let start = at;
                if title.is_empty() {
                    // The title is on the next line, maybe after a blank one.
                    let line = crate::parse::text::skip_blank_lines(src, end, src.len());
                    let next_end = crate::parse::text::line_end_after_break(src, line);
                    let next = &src[line..next_end];
                    let t = trim_blank(next);
                    if !t.is_empty() && t.chars().count() <= 30 && !next.contains('。') {
                        let t_start = line + (next.len() - next.trim_start_matches(is_inline_space).len());
                        out.push(UnnumberedHeading {
                            start,
                            title: Span::new(t_start, t_start + t.len()),
                            end: next_end,
                        });
                        at = next_end;
                        continue;
                    }
                    out.push(UnnumberedHeading {
                        start,
                        title: Span::new(end, end),
                        end,
                    });
                } else {
                    let t_start = end - label.len();
                    out.push(UnnumberedHeading {
                        start,
                        title: Span::new(t_start, t_start + title.len()),
                        end,
                    });
                }
            }
        }
        at = end;
    }
    out
}

/// Annexes in text whose line breaks were lost: 附件 (and one digit) right
/// after a sentence boundary inside a flattened line (see `text::flattened_lines`),
/// or the first one after the `furniture`'s list of attachments (after the
/// signature and date, no sentence's end). The title is what the list
/// names it, else it runs to the first marker glued to it, or to where
/// [`crate::parse::infer::infer_end`] finds its body.
pub(super) fn in_flattened_lines(
    src: &str,
    flattened: &[std::ops::Range<usize>],
    labels: &[usize],
    furniture: &[Item<'_>],
) -> Vec<UnnumberedHeading> {
    // The list of attachments, where one was found: the first annex after
    // it follows the signature and date, no sentence's end; each annex is
    // titled as the list names it.
    let list = furniture
        .iter()
        .find(|f| f.kind == crate::FurnitureKind::Attachments);
    let first_annex = list.and_then(|l| annex_after_list(src, l.span.end, src.len()));
    let mut out = Vec::new();
    let found = flattened.iter().flat_map(|r| {
        let first = labels.partition_point(|&i| i < r.start);
        labels[first..]
            .iter()
            .copied()
            .take_while(|&i| i < r.end)
            .filter(|&i| src.as_bytes()[i..r.end].starts_with("附件".as_bytes()))
    });
    for i in found {
        let before = src[..i].trim_end_matches(is_inline_space).chars().next_back();
        if !(before.is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?')) || first_annex == Some(i))
            || lists_attachments(&src[i + "附件".len()..])
        {
            continue;
        }
        let number = src[i + "附件".len()..].chars().next();
        let mut at = i + "附件".len();
        // One number: 附件1 2026年…, not 附件12026年.
        if let Some(c) = src[at..]
            .chars()
            .next()
            .filter(|c| c.is_ascii_digit() || crate::numerals::digit(*c).is_some())
        {
            at += c.len_utf8();
        }
        at += src[at..].len() - src[at..].trim_start_matches(['：', ':', ' ', '\u{3000}']).len();
        let run_end = src[at..]
            .find(['。', '；', '：', ':', ';', '！', '？'])
            .map_or(src.len(), |j| at + j);
        let run = &src[at..run_end];
        // A list glued to the title ends it (名词解释1.……).
        let glued = run
            .char_indices()
            .skip(2)
            .find(|&(_, c)| c.is_ascii_digit() || matches!(c, '（' | '('))
            .map(|(j, _)| j)
            .filter(|&j| !run[j..].chars().take(4).any(|c| c == '年'));
        // Spaces left for a line break end it too (附件1 十件民生实事 坚持……).
        let spaced = (0..run.len()).find(|&j| crate::parse::text::lost_break_space(src.as_bytes(), at + j));
        let listed = list.zip(number).and_then(|(l, n)| listed_title(l.value, n, run));
        let title_len = listed
            .or_else(|| [spaced, glued].into_iter().flatten().min())
            .or_else(|| crate::parse::infer::infer_end(run, &Default::default()))
            .unwrap_or(0);
        let end = at + title_len;
        out.push(UnnumberedHeading {
            start: i,
            title: Span::new(at, end),
            end,
        });
    }
    out
}

/// The fewest characters an annex's title shares with the list's entry
/// for it to be taken as that entry's title.
const LISTED_TITLE_CHARS: usize = 4;

/// How long (bytes) the title at the start of `run` is that the list of
/// attachments `list` (附件：1.……2.……) names for the annex numbered `n`:
/// what the entry and `run` share from their starts, at least
/// [`LISTED_TITLE_CHARS`] characters.
fn listed_title(list: &str, n: char, run: &str) -> Option<usize> {
    let value = n.to_digit(10).or_else(|| crate::numerals::digit(n))?;
    let entry = list
        .match_indices(|c: char| c.is_ascii_digit())
        .find_map(|(i, d)| {
            let rest = &list[i + d.len()..];
            let before_digit = list[..i].ends_with(|c: char| c.is_ascii_digit());
            (d.chars().next()?.to_digit(10)? == value && !before_digit)
                .then(|| rest.strip_prefix(['.', '．', '、']))
                .flatten()
        })?;
    let entry = entry.trim_start_matches(is_inline_space);
    let shared: usize = entry
        .chars()
        .zip(run.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (run[..shared].chars().count() >= LISTED_TITLE_CHARS).then_some(shared)
}
