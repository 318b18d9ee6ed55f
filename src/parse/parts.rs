//! Unnumbered headings that open a part of the document: annexes (附件1)
//! and part titles on their own line ("过去五年的回顾"). Each closes what is
//! open and holds what follows, so numbering restarts inside it.

use super::furniture::Item;
use super::infer::pair;
use super::scan::{Candidate, Position};
use super::text::{
    Finder, blank_suffix, is_inline_space, is_line_break, lanes, line_end_after_break, trim_blank,
};
use crate::span::Span;
use std::sync::LazyLock;

/// An annex label line (附件, 附件1, 附件二：, 附：) and the title it introduces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    /// Start of the label line.
    pub start: usize,
    /// The annex's title (the rest of the label line, or the next line).
    pub title: Span,
    /// End of the label (and title) lines, line breaks included.
    pub end: usize,
}

/// The first character of an annex label: [`annexes`] jumps from one to the
/// next.
static ANNEX: Finder = LazyLock::new(|| memchr::memmem::Finder::new("附"));

/// An annex label in running text.
static RUN_IN_ANNEX: Finder = LazyLock::new(|| memchr::memmem::Finder::new("附件"));

/// Annex labels at line starts.
pub(crate) fn annexes(src: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < src.len() {
        // Jump to the next line that may hold a label.
        // memmem on the whole character: its last byte alone is common in 汉字.
        let Some(next) = ANNEX.find(&src.as_bytes()[at..]) else {
            break;
        };
        // `at` is a line start: look back no further than it.
        let line_start = src[at..at + next].rfind(['\n', '\r']).map_or(at, |i| at + i + 1);
        if !is_blank_prefix(&src[line_start..at + next]) {
            at = line_end_after_break(src, at + next);
            continue;
        }
        at = line_start;
        let end = super::text::line_end_after_break(src, at);
        let line = &src[at..end];
        let content = line.trim_start_matches(is_inline_space);
        if let Some(rest) = content
            .strip_prefix("附件")
            .or_else(|| content.strip_prefix("附："))
        {
            let label = rest.trim_start_matches(|c: char| {
                c.is_ascii_digit()
                    || super::marker::han_digit(c).is_some()
                    || matches!(c, '：' | ':' | ' ' | '\u{3000}')
            });
            let title = &label[..label.len() - blank_suffix(label)];
            if title.chars().count() <= 30 {
                let start = at;
                if title.is_empty() {
                    // The title is on the next line.
                    let next_end = super::text::line_end_after_break(src, end);
                    let next = &src[end..next_end];
                    let t = trim_blank(next);
                    if !t.is_empty() && t.chars().count() <= 30 && !next.contains('。') {
                        let t_start = end + (next.len() - next.trim_start_matches(is_inline_space).len());
                        out.push(Part {
                            start,
                            title: Span::new(t_start, t_start + t.len()),
                            end: next_end,
                        });
                        at = next_end;
                        continue;
                    }
                    out.push(Part {
                        start,
                        title: Span::new(end, end),
                        end,
                    });
                } else {
                    let t_start = end - label.len();
                    out.push(Part {
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
/// after a sentence boundary inside a long line. The title runs to the first
/// marker glued to it, or to where [`super::infer::infer_end`] finds its body.
pub(crate) fn run_in_annexes(src: &str, long: &[std::ops::Range<usize>]) -> Vec<Part> {
    let mut out = Vec::new();
    let found = long.iter().flat_map(|r| {
        RUN_IN_ANNEX
            .find_iter(&src.as_bytes()[r.clone()])
            .map(move |i| r.start + i)
    });
    for i in found {
        let before = src[..i].chars().next_back();
        if !before.is_some_and(|c| matches!(c, '。' | '！' | '？' | '!' | '?')) {
            continue;
        }
        let mut at = i + "附件".len();
        // One number: 附件1 2026年…, not 附件12026年.
        if let Some(c) = src[at..]
            .chars()
            .next()
            .filter(|c| c.is_ascii_digit() || super::marker::han_digit(*c).is_some())
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
        let title_len = glued
            .or_else(|| super::infer::infer_end(run, &Default::default()))
            .unwrap_or(0);
        let end = at + title_len;
        out.push(Part {
            start: i,
            title: Span::new(at, end),
            end,
        });
    }
    out
}

/// Characters a title never ends with: it would be a sentence cut by a
/// line break (……已经缔结了 / ……发展的).
const OPEN_ENDS: &[char] = &[
    '的', '了', '和', '与', '及', '在', '对', '把', '被', '是', '为', '等', '或', '从', '向', '将',
];

/// Part titles on their own line: short, without sentence punctuation, after
/// a finished sentence, before body text, not furniture, and followed by
/// numbering that starts afresh (or none).
pub(crate) fn own_line_titles(src: &str, cands: &[Candidate], furniture: &[Item<'_>]) -> Vec<Part> {
    let mut out = Vec::new();
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
    let mut at = body_start;
    let mut next_cand = 0;
    while at < body_end {
        let end = line_end_after_break(src, at);
        let line = trim_blank(&src[at..end]);
        if line.is_empty() {
            at = end.max(super::text::skip_blank_lines(src, at, body_end));
            continue;
        }
        while next_cand < cands.len() && cands[next_cand].start() < at {
            next_cand += 1;
        }
        let starts_marker = cands
            .get(next_cand)
            .is_some_and(|c| c.start() < end && c.position == Position::LineStart);
        // Characters counted only for a line that may be a title; one of
        // more than 100 bytes has more than 25.
        let chars = || {
            if line.len() > 100 {
                26
            } else {
                line.chars().count()
            }
        };
        let is_title = !starts_marker
            && (2..=25).contains(&chars())
            && line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
            && !line.contains([
                '。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?', '.', '．',
            ])
            && !line.ends_with(OPEN_ENDS)
            && prev_line.ends_with(['。', '！', '？', '”', '…', '：'])
            && (next_body_is_longer(src, end, body_end, chars())
                || next_starts_list(src, end, &cands[next_cand..]))
            && numbering_restarts(&cands[next_cand..]);
        if is_title {
            let start = at + (src[at..end].len() - src[at..end].trim_start_matches(is_inline_space).len());
            out.push(Part {
                start: at,
                title: Span::new(start, start + line.len()),
                end,
            });
        }
        prev_line = line;
        at = end;
    }
    out
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

/// Whether the next heading-style marker at a line start (if any) starts a
/// sequence: a title in the middle of a numbered run would break it.
fn numbering_restarts(rest: &[Candidate]) -> bool {
    rest.iter()
        .find(|c| c.raw.style.is_heading() && c.position == Position::LineStart)
        .is_none_or(|c| c.value() == 1)
}

/// Whether the next non-blank line starts with the first item of a list.
fn next_starts_list(src: &str, end: usize, rest: &[Candidate]) -> bool {
    let next = src[end..]
        .find(|c: char| !is_inline_space(c) && !is_line_break(c))
        .map(|i| end + i);
    rest.iter()
        .find(|c| c.start() >= end)
        .is_some_and(|c| Some(c.start()) == next && c.value() == 1 && c.position == Position::LineStart)
}

/// Words that open a sentence of running text, not a heading.
const CONNECTIVES: &[&str] = &[
    "我们",
    "我",
    "这",
    "那",
    "但",
    "同时",
    "因此",
    "所以",
    "其中",
    "他",
    "她",
    "它",
    "而",
    "并且",
    "此外",
    "另外",
    "总之",
    "可见",
    "如果",
    "因为",
    "虽然",
    "对",
    "只有",
    "只要",
    "就是",
    "也",
    "还",
    "又",
    "都",
    "特别是",
    "尤其",
    "各级",
];

/// Headings whose ordinals were lost, in text whose line breaks were lost
/// too: a short two-clause sentence ("……全面贯彻落实，……进一步推动。")
/// that the next sentence takes up word for word, and that a list (一是……)
/// follows within three sentences. Only looked for in lines long enough to
/// have lost their breaks (`long_line`).
pub(crate) fn run_in_titles(src: &str, long: &[std::ops::Range<usize>], list_starts: &[usize]) -> Vec<Part> {
    let mut out = Vec::new();
    for range in long {
        titles_in(src, range.clone(), list_starts, &mut out);
    }
    out
}

/// How many sentence ends [`titles_in`] looks at before a list start (and
/// before the line's end): a title stands at most three sentences before
/// the list, and the sentence before the title is compared with it.
const ENDS_BEFORE: usize = 6;

/// How many sentence ends [`titles_in`] looks at from a list start on: the
/// title's next sentence, and the fourth sentence after the title, which
/// bounds where its list may start.
const ENDS_FROM: usize = 4;

/// [`run_in_titles`] within one long line. A title needs a list start
/// within the three sentences after it (or the line's end within four), so
/// only the sentences around each list start of the line and at its end are
/// split, not the whole line.
fn titles_in(src: &str, range: std::ops::Range<usize>, list_starts: &[usize], out: &mut Vec<Part>) {
    let bytes = &src.as_bytes()[range.clone()];
    let first = list_starts.partition_point(|&l| l < range.start);
    let targets = list_starts[first..]
        .iter()
        .map(|&l| l - range.start)
        .take_while(|&t| t < bytes.len())
        .chain([bytes.len()]);
    let mut window = Window {
        src,
        line: range.clone(),
        ends: Vec::new(),
        first_known: false,
        last_known: false,
    };
    // The first list start not before the sentence at hand: sentences are
    // taken in order, so it only moves on.
    let mut list = 0;
    // The end of the last sentence looked at: windows overlap.
    let mut done = None;
    // The windows may search half the line's bytes in all: beyond (list
    // starts in every sentence, or no sentence ends to stop a search), one
    // window of the whole line is cheaper, and keeps the work linear.
    let mut budget = bytes.len() / 2;
    for t in targets {
        window.ends.clear();
        let (from, to) = (t.saturating_sub(budget), t.saturating_add(budget));
        let from = ends_before(bytes, t, ENDS_BEFORE, from, &mut window.ends);
        let before = window.ends.len();
        let to = ends_from(bytes, t, ENDS_FROM, to, &mut window.ends);
        let after = window.ends.len() - before;
        budget = budget.saturating_sub(to - from);
        // Fewer ends than asked for: the line's start or end, or the budget's.
        window.first_known = before < ENDS_BEFORE;
        window.last_known = after < ENDS_FROM;
        let whole = (window.first_known && from > 0) || (window.last_known && to < bytes.len());
        if whole {
            window.ends.clear();
            ends_from(bytes, 0, usize::MAX, bytes.len(), &mut window.ends);
            (window.first_known, window.last_known) = (true, true);
        }
        for k in 0..window.ends.len() {
            let Some((s, e, after)) = window.sentence(k) else {
                continue;
            };
            if done.is_some_and(|d| e <= d) {
                continue;
            }
            // The sentence before (none before the line's first), the next
            // one, and where the fourth after starts (the text's end when
            // the line has no fourth): not all known at a window's edges.
            let before = match k {
                0 => Some(""),
                _ => window.sentence(k - 1).map(|(s, e, _)| &src[s..e]),
            };
            let within = match window.sentence(k + 4) {
                Some((s, _, _)) => Some(s),
                None if window.last_known => Some(src.len()),
                None => None,
            };
            let (Some(before), Some((ns, ne, _)), Some(within)) = (before, window.sentence(k + 1), within)
            else {
                continue;
            };
            done = Some(e);
            if src[e..].starts_with('\n') {
                continue;
            }
            while list_starts.get(list).is_some_and(|&l| l < after) {
                list += 1;
            }
            let list_follows = list_starts.get(list).is_some_and(|&l| l < within);
            if list_follows && taken_up(&src[s..e], &src[ns..ne], before) {
                out.push(Part {
                    start: s,
                    title: Span::new(s, e),
                    end: after,
                });
            }
        }
        if whole {
            break;
        }
    }
}

/// Consecutive sentences of a line, by the offsets of their end marks in
/// the line (see [`ends_at`]).
struct Window<'a> {
    src: &'a str,
    line: std::ops::Range<usize>,
    ends: Vec<usize>,
    /// Whether the first sentence is the line's first (it starts where the
    /// line does); otherwise its start is not known and its end only starts
    /// the second.
    first_known: bool,
    /// Whether the last end is the line's last.
    last_known: bool,
}

impl Window<'_> {
    /// Just past the end mark of sentence `k`.
    fn past(&self, k: usize) -> usize {
        let at = self.line.start + self.ends[k];
        at + if self.src.as_bytes()[at] == b'\n' { 1 } else { 3 }
    }

    /// Sentence `k`: where it starts, where its end mark stands, and just
    /// past the mark; `None` when the window does not know it.
    fn sentence(&self, k: usize) -> Option<(usize, usize, usize)> {
        let end = self.line.start + *self.ends.get(k)?;
        let start = match k {
            0 if self.first_known => self.line.start,
            0 => return None,
            _ => self.past(k - 1),
        };
        Some((start, end, self.past(k)))
    }
}

/// Whether a sentence ends at `k`: 。 (E3 80 82), ！ or ？ (EF BC 81/9F), or
/// a line break.
fn ends_at(bytes: &[u8], k: usize) -> bool {
    matches!(
        bytes[k..],
        [b'\n', ..] | [0xE3, 0x80, 0x82, ..] | [0xEF, 0xBC, 0x81 | 0x9F, ..]
    )
}

/// Which of the first sixteen bytes of `block` start a sentence end
/// ([`ends_at`]), one bit each: vector compares with the two bytes after
/// each in view (`wide`, as in `scan`).
fn end_marks(block: &[u8; 18]) -> u32 {
    use wide::u8x16;
    let (v, v1, v2) = (lanes(block, 0), lanes(block, 1), lanes(block, 2));
    let is = |x: u8x16, b: u8| x.cmp_eq(u8x16::splat(b));
    let full_stop = is(v, 0xE3) & is(v1, 0x80) & is(v2, 0x82);
    let marks = is(v, 0xEF) & is(v1, 0xBC) & (is(v2, 0x81) | is(v2, 0x9F));
    (full_stop | marks | is(v, b'\n')).move_mask() as u32 & 0xFFFF
}

/// The first `n` sentence ends of `bytes` from `from` on, pushed in order,
/// searching up to `limit` (a little past: a block at a time); returns how
/// far the search went.
fn ends_from(bytes: &[u8], from: usize, n: usize, limit: usize, out: &mut Vec<usize>) -> usize {
    let goal = out.len().saturating_add(n);
    let mut at = from;
    while out.len() < goal && at < limit {
        match bytes.get(at..).and_then(|b| b.first_chunk::<18>()) {
            Some(block) => {
                let mut mask = end_marks(block);
                while mask != 0 && out.len() < goal {
                    out.push(at + mask.trailing_zeros() as usize);
                    mask &= mask - 1;
                }
                at += 16;
            }
            None => {
                out.extend(
                    (at..bytes.len())
                        .filter(|&k| ends_at(bytes, k))
                        .take(goal - out.len()),
                );
                return bytes.len();
            }
        }
    }
    at
}

/// The last `n` sentence ends of `bytes` before `to`, pushed in order,
/// searching back to `floor` (a little past); returns how far back the
/// search went.
fn ends_before(bytes: &[u8], to: usize, n: usize, floor: usize, out: &mut Vec<usize>) -> usize {
    let first = out.len();
    let mut at = to;
    while at > floor && out.len() - first < n {
        let from = at.saturating_sub(16);
        let mask = match bytes.get(from..).and_then(|b| b.first_chunk::<18>()) {
            // The bits of the bytes before `at`.
            Some(block) => end_marks(block) & ((1 << (at - from)) - 1),
            None => (from..at)
                .filter(|&k| ends_at(bytes, k))
                .fold(0, |m, k| m | 1 << (k - from)),
        };
        let mut mask: u32 = mask;
        while mask != 0 && out.len() - first < n {
            let top = 31 - mask.leading_zeros() as usize;
            out.push(from + top);
            mask &= !(1 << top);
        }
        at = from;
    }
    out[first..].reverse();
    at
}

/// Whether `title`, a sentence a list follows, is a run-in title: short,
/// of two clauses ([`is_run_in_title`]), no marker, and taken up word for
/// word by the next sentence, more than by the one before (a body sentence
/// takes up the one before it instead).
fn taken_up(title: &str, next: &str, before: &str) -> bool {
    if !is_run_in_title(title) || super::marker::marker(title).is_some() {
        return false;
    }
    let words = Words::of(title);
    let shared = words.shared_with(next);
    shared >= 3 && shared > words.shared_with(before)
}

fn is_run_in_title(s: &str) -> bool {
    // 34 characters of three bytes at most: no need to count longer ones.
    if s.len() > 34 * 3 {
        return false;
    }
    let chars = s.chars().count();
    let commas = s.chars().filter(|c| matches!(c, '，' | ',')).count();
    (8..=34).contains(&chars)
        && commas == 1
        && !s.starts_with(['，', ','])
        && !s.ends_with(['，', ','])
        && s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || matches!(c, '，' | ',' | '、'))
        // Narrative (了) and definitions (是) are body text.
        && !s.contains(['了', '是'])
        && !CONNECTIVES.iter().any(|w| s.starts_with(w))
}

/// The distinct two-character words of a sentence: each pair of
/// neighbouring 汉字 (other characters left out), to count how many of them
/// another text repeats.
struct Words {
    /// The words (see [`pair`]), sorted.
    sorted: Vec<u64>,
    /// One bit per word, by a hash of its two characters (see
    /// [`Words::bit`]): most pairs of another text are passed on it alone.
    filter: [u64; 8],
}

impl Words {
    fn of(s: &str) -> Self {
        let mut sorted = Vec::new();
        let mut prev = None;
        for c in s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) {
            if let Some(p) = prev {
                sorted.push(pair(p, c));
            }
            prev = Some(c);
        }
        sorted.sort_unstable();
        sorted.dedup();
        let mut filter = [0; 8];
        for &w in &sorted {
            let (k, bit) = Self::bit(w);
            filter[k] |= bit;
        }
        Words { sorted, filter }
    }

    /// A word's place in the filter: one of 512 bits, from both characters.
    fn bit(word: u64) -> (usize, u64) {
        let h = (word >> 32).wrapping_mul(31).wrapping_add(word) as usize;
        ((h >> 6) & 7, 1 << (h & 63))
    }

    /// How many of the words `other` holds.
    fn shared_with(&self, other: &str) -> usize {
        let mut found = vec![false; self.sorted.len()];
        let mut prev = None;
        for c in other.chars() {
            if let Some(p) = prev {
                let word = pair(p, c);
                let (k, bit) = Self::bit(word);
                if self.filter[k] & bit != 0
                    && let Ok(k) = self.sorted.binary_search(&word)
                {
                    found[k] = true;
                }
            }
            prev = Some(c);
        }
        found.iter().filter(|&&f| f).count()
    }
}

/// Whether `s` is only inline white space.
fn is_blank_prefix(s: &str) -> bool {
    s.chars().all(is_inline_space)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `titles_in` of before the windows: every sentence of the line.
    fn titles_in_every_sentence(
        src: &str,
        range: std::ops::Range<usize>,
        list_starts: &[usize],
        out: &mut Vec<Part>,
    ) {
        let bytes = &src.as_bytes()[range.clone()];
        let mut ends = Vec::new();
        ends_from(bytes, 0, usize::MAX, bytes.len(), &mut ends);
        // Sentence k: from the end of the one before (or the line's start) to its
        // end mark, and on past the mark.
        let past = |k: usize| range.start + ends[k] + if bytes[ends[k]] == b'\n' { 1 } else { 3 };
        let sentence = |k: usize| {
            let start = k.checked_sub(1).map_or(range.start, past);
            (start, range.start + ends[k], past(k))
        };
        // The first list start not before the sentence at hand: sentences come
        // in order, so it only moves on.
        let mut list = 0;
        for k in 0..ends.len().saturating_sub(1) {
            if bytes[ends[k]] == b'\n' {
                continue;
            }
            let (s, e, after) = sentence(k);
            let within = if k + 4 < ends.len() {
                sentence(k + 4).0
            } else {
                src.len()
            };
            while list_starts.get(list).is_some_and(|&l| l < after) {
                list += 1;
            }
            let list_follows = list_starts.get(list).is_some_and(|&l| l < within);
            let before = k.checked_sub(1).map_or("", |j| {
                let (s, e, _) = sentence(j);
                &src[s..e]
            });
            let (ns, ne, _) = sentence(k + 1);
            if list_follows && taken_up(&src[s..e], &src[ns..ne], before) {
                out.push(Part {
                    start: s,
                    title: Span::new(s, e),
                    end: after,
                });
            }
        }
    }

    /// The windows' searches (`ends_from`, `ends_before`) against their
    /// definition, from and to every place of texts around the sixteen-byte
    /// blocks, with every mark and its look-alikes.
    #[test]
    fn sentence_ends_are_the_full_stops_marks_and_line_breaks() {
        let by_definition = |s: &str| -> Vec<usize> {
            s.char_indices()
                .filter(|&(_, c)| matches!(c, '。' | '！' | '？' | '\n'))
                .map(|(i, _)| i)
                .collect()
        };
        let pieces = [
            "。", "！", "？", "\n", "，", "；", "汉", "a", "、", "“", "\u{ff81}", "\u{3082}",
        ];
        for n in 0..40 {
            for p in pieces {
                for q in pieces {
                    let s = format!("{}{p}{}{q}", "字".repeat(n % 7), "b".repeat(n));
                    let (bytes, all) = (s.as_bytes(), by_definition(&s));
                    // The windows' searches, from and to every place, for
                    // two ends and for all.
                    for at in 0..=bytes.len() {
                        let (before, from) = all.split_at(all.partition_point(|&k| k < at));
                        for want in [2, usize::MAX] {
                            let mut found = Vec::new();
                            ends_from(bytes, at, want, bytes.len(), &mut found);
                            assert_eq!(found, &from[..from.len().min(want)], "{s:?} from {at}");
                            found.clear();
                            ends_before(bytes, at, want, 0, &mut found);
                            let last = &before[before.len().saturating_sub(want)..];
                            assert_eq!(found, last, "{s:?} before {at}");
                        }
                    }
                }
            }
        }
    }

    /// The windows of `titles_in` find what every sentence of the line
    /// finds: random lines of titles, the sentences that take them up, body
    /// sentences and every end mark, with list starts anywhere.
    #[test]
    fn titles_in_windows_find_what_every_sentence_finds() {
        let pieces = [
            "全面加强党的领导，推进全面改革",
            "全面加强党的领导要坚定不移，推进全面改革",
            "深化改革开放，增强发展活力",
            "深化改革开放增强发展活力的任务很重",
            "我们要坚持稳中求进工作总基调",
            "一是加强领导",
            "二是推进改革",
            "2025年经济运行总体平稳",
            "",
            "改革",
        ];
        let marks = ["。", "！", "？", "\n", "。", "。"];
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let key = |p: &Part| (p.start, p.title.start, p.title.end, p.end);
        let mut found = 0;
        for round in 0..20_000 {
            let mut text = String::from(if round % 3 == 0 { "前言\n" } else { "" });
            let line_start = text.len();
            for _ in 0..next(40) {
                text.push_str(pieces[next(pieces.len())]);
                text.push_str(marks[next(marks.len())]);
            }
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            // Dense list starts make the windows give way to one window of
            // the whole line.
            let lists = if round % 5 == 0 { next(60) } else { next(8) };
            let mut list_starts: Vec<usize> = (0..lists).map(|_| bounds[next(bounds.len())]).collect();
            list_starts.sort_unstable();
            list_starts.dedup();
            let range = line_start..text.len();
            let (mut windows, mut every) = (Vec::new(), Vec::new());
            titles_in(&text, range.clone(), &list_starts, &mut windows);
            titles_in_every_sentence(&text, range, &list_starts, &mut every);
            found += every.len();
            assert_eq!(
                windows.iter().map(key).collect::<Vec<_>>(),
                every.iter().map(key).collect::<Vec<_>>(),
                "{text:?} {list_starts:?}"
            );
        }
        assert!(found > 1_000, "the lines hold titles: {found}");
    }

    /// `Words::shared_with` against its definition: each distinct pair of
    /// neighbouring 汉字 of `s` (other characters left out) that `other`
    /// holds side by side.
    #[test]
    fn words_shared_with_count_distinct_pairs_the_other_text_holds() {
        let by_definition = |s: &str, other: &str| {
            let chars: Vec<char> = s
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .collect();
            let mut pairs: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
            pairs.sort();
            pairs.dedup();
            pairs.iter().filter(|p| other.contains(p.as_str())).count()
        };
        let texts = [
            "",
            "加",
            "全面加强党的领导，推进全面改革",
            "党的领导是根本。全面改革要推进，全面加强",
            "加强，党的a领导（全面）",
            "强党 的领导加强党的领导",
            "abc，",
        ];
        for s in texts {
            for other in texts {
                assert_eq!(
                    Words::of(s).shared_with(other),
                    by_definition(s, other),
                    "{s:?} in {other:?}"
                );
            }
        }
        assert_eq!(
            Words::of("全面加强党的领导，推进全面改革").shared_with("党的领导是根本，全面改革要推进"),
            7
        );
    }
}
