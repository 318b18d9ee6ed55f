//! Run-in titles: headings whose ordinals were lost, in text whose line
//! breaks were lost too, found by the sentences around them.

use super::UnnumberedHeading;
use super::sentences::Sentences;
use crate::parse::bytes::{ByteClass, SENTENCE_END};
use crate::parse::text::is_han;
use crate::span::Span;

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
/// follows within three sentences. Only looked for in flattened lines
/// (`text::flattened_lines`), one line at a time: [`titles_in`], or
/// [`titles_in_sentences`] where the line's sentences were split already.
/// How many sentence ends [`titles_in`] looks at before a list start (and
/// before the line's end): a title stands at most three sentences before
/// the list, and the sentence before the title is compared with it.
const ENDS_BEFORE: usize = 6;

/// How many sentence ends [`titles_in`] looks at from a list start on: the
/// title's next sentence, and the fourth sentence after the title, which
/// bounds where its list may start.
const ENDS_FROM: usize = 4;

/// Run-in titles within one flattened line. A title needs a list start
/// within the three sentences after it (or the line's end within four), so
/// only the sentences around each list start of the line and at its end are
/// split, not the whole line.
pub(super) fn titles_in(
    src: &str,
    range: std::ops::Range<usize>,
    list_starts: &[usize],
    out: &mut Vec<UnnumberedHeading>,
) {
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
                out.push(UnnumberedHeading {
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

/// [`titles_in`] by its definition, on a line whose sentences were all
/// split: every sentence of the line, no windows (the same titles: see the
/// tests).
pub(super) fn titles_in_sentences(
    src: &str,
    sentences: &mut Sentences<'_>,
    list_starts: &[usize],
    out: &mut Vec<UnnumberedHeading>,
) {
    // The first list start not before the sentence at hand: sentences come
    // in order, so it only moves on.
    let first = sentences.sentence(0).map_or(0, |(s, _, _)| s);
    let mut list = list_starts.partition_point(|&l| l < first);
    for k in 0..sentences.len().saturating_sub(1) {
        let Some((s, e, after)) = sentences.sentence(k) else {
            continue;
        };
        if src[e..].starts_with('\n') {
            continue;
        }
        let within = sentences.sentence(k + 4).map_or(src.len(), |(s, _, _)| s);
        while list_starts.get(list).is_some_and(|&l| l < after) {
            list += 1;
        }
        let list_follows = list_starts.get(list).is_some_and(|&l| l < within);
        if list_follows && sentences.taken_up(k) {
            out.push(UnnumberedHeading {
                start: s,
                title: Span::new(s, e),
                end: after,
            });
        }
    }
}

/// Consecutive sentences of a line, by the offsets of their end marks in
/// the line ([`SENTENCE_END`]).
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

/// The first `n` sentence ends of `bytes` from `from` on, pushed in order,
/// searching up to `limit` (a little past: a block at a time); returns how
/// far the search went.
pub(super) fn ends_from(bytes: &[u8], from: usize, n: usize, limit: usize, out: &mut Vec<usize>) -> usize {
    let goal = out.len().saturating_add(n);
    let mut at = from;
    while out.len() < goal && at < limit {
        match bytes.get(at..).and_then(|b| b.first_chunk::<18>()) {
            Some(_) => {
                let mut mask = u32::from(SENTENCE_END.block(bytes, at));
                while mask != 0 && out.len() < goal {
                    out.push(at + mask.trailing_zeros() as usize);
                    mask &= mask - 1;
                }
                at += 16;
            }
            None => {
                out.extend(
                    (at..bytes.len())
                        .filter(|&k| SENTENCE_END.at(bytes, k))
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
        // The bits of the bytes before `at`.
        let mut mask = u32::from(SENTENCE_END.block(bytes, from)) & ((1 << (at - from)) - 1);
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
pub(super) fn taken_up(title: &str, next: &str, before: &str) -> bool {
    if !is_run_in_title(title) || crate::parse::marker::marker(title).is_some() {
        return false;
    }
    taken_up_words(&Words::of(title), next, before)
}

/// [`taken_up`] on the words of a title whose shape and lack of a marker
/// are known.
pub(super) fn taken_up_words(words: &Words, next: &str, before: &str) -> bool {
    let shared = words.shared_with(next);
    shared >= 3 && shared > words.shared_with(before)
}

/// Whether `s` has the shape of a run-in title: 8 to 34 汉字 in two
/// clauses (one comma), nothing but 汉字 and 、, no narrative (了) or
/// definition (是), not opening as running text does.
pub(super) fn is_run_in_title(s: &str) -> bool {
    // Every character allowed takes three bytes but a half-width comma
    // (one): 8 to 34 characters are 22 to 102 bytes, three to a character
    // or two fewer. Most sentences fail there, or at their first character
    // of another kind.
    let len = s.len();
    if !(22..=34 * 3).contains(&len) || len % 3 == 2 {
        return false;
    }
    let b = s.as_bytes();
    // Read on the bytes, without decoding: a character of three bytes as
    // one number, in the order of its code point (UTF-8 keeps it): 汉字
    // U+4E00..=U+9FFF are E4B880 to E9BFBF; ，is EFBC8C and 、E38081.
    let (mut chars, mut commas, mut at) = (0, 0, 0);
    while at < b.len() {
        if b[at] == b',' {
            // A second comma: a third clause (most sentences end here).
            if commas > 0 {
                return false;
            }
            commas += 1;
            chars += 1;
            at += 1;
            continue;
        }
        let Some(&[lead, b1, b2]) = b.get(at..at + 3) else {
            return false;
        };
        match u32::from_be_bytes([0, lead, b1, b2]) {
            // Narrative (了) and definitions (是) are body text.
            0xE4_BA_86 | 0xE6_98_AF => return false,
            0xE4_B8_80..=0xE9_BF_BF | 0xE3_80_81 => {}
            0xEF_BC_8C if commas == 0 => commas += 1,
            _ => return false,
        }
        chars += 1;
        at += 3;
    }
    (8..=34).contains(&chars)
        && commas == 1
        && !s.starts_with(['，', ','])
        && !s.ends_with(['，', ','])
        && !opens_running_text(s)
}

/// The first character of each of [`CONNECTIVES`] (all 汉字 of three
/// bytes), its bytes as one number.
const CONNECTIVE_LEADS: [u32; CONNECTIVES.len()] = {
    let mut leads = [0; CONNECTIVES.len()];
    let mut i = 0;
    while i < CONNECTIVES.len() {
        let b = CONNECTIVES[i].as_bytes();
        leads[i] = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        i += 1;
    }
    leads
};

/// Whether `s` opens with a word of running text ([`CONNECTIVES`]): its
/// first three bytes against each word's first character
/// ([`CONNECTIVE_LEADS`], in place of a call to compare each word), then
/// the words that open alike.
pub(super) fn opens_running_text(s: &str) -> bool {
    let Some(&[a, b, c]) = s.as_bytes().first_chunk::<3>() else {
        return false;
    };
    let lead = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
    CONNECTIVE_LEADS
        .iter()
        .zip(CONNECTIVES)
        .any(|(&l, w)| l == lead && s.starts_with(w))
}

/// The distinct two-character words of a sentence: each pair of
/// neighbouring 汉字 (other characters left out), to count how many of them
/// another text repeats.
///
/// A word is kept as the six bytes of its two characters' UTF-8 (see
/// [`Words::word_at`]), so that another text is read on its bytes,
/// without decoding: its words are the six bytes from each byte E4 to E9
/// (a 汉字's first byte, never a following one) on.
pub(super) struct Words {
    /// The words, sorted.
    sorted: Vec<u64>,
    /// One bit per word, by a hash of its bytes (see [`Words::bit`]): most
    /// pairs of another text are passed on it alone.
    filter: [u64; 8],
}

/// Whether a byte leads a 汉字 (U+4E00 to U+9FFF lead with E4 to E9; E4
/// also leads U+4000 to U+4DFF, which no word holds).
fn leads_han(b: u8) -> bool {
    (0xE4..=0xE9).contains(&b)
}

impl Words {
    pub(super) fn of(s: &str) -> Self {
        let b = s.as_bytes();
        let mut sorted = Vec::with_capacity(s.len() / 3);
        let mut prev = None;
        for (i, c) in s.char_indices() {
            if !is_han(c) {
                continue;
            }
            let code = (u64::from(b[i]) << 16) | (u64::from(b[i + 1]) << 8) | u64::from(b[i + 2]);
            if let Some(p) = prev {
                sorted.push((p << 24) | code);
            }
            prev = Some(code);
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

    /// The six bytes of `b` from `i` as a word (`i + 6` at most `b.len()`).
    fn word_at(b: &[u8], i: usize) -> u64 {
        b[i..i + 6].iter().fold(0, |w, &x| (w << 8) | u64::from(x))
    }

    /// A word's place in the filter: one of 512 bits, from all its bytes.
    fn bit(word: u64) -> (usize, u64) {
        let h = (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize;
        (h >> 6, 1 << (h & 63))
    }

    /// How many of the words `other` holds.
    pub(super) fn shared_with(&self, other: &str) -> usize {
        // A title's words fit in one word of bits; longer texts take a vector.
        let mut small = 0u64;
        let mut large = if self.sorted.len() > 64 {
            vec![false; self.sorted.len()]
        } else {
            Vec::new()
        };
        let b = other.as_bytes();
        let mut i = 0;
        // A 汉字 takes three bytes: from its first byte to the next
        // character's; any other byte, on to the next.
        while i + 6 <= b.len() {
            if !leads_han(b[i]) {
                i += 1;
                continue;
            }
            let word = Self::word_at(b, i);
            let (k, bit) = Self::bit(word);
            if self.filter[k] & bit != 0
                && let Ok(k) = self.sorted.binary_search(&word)
            {
                match large.get_mut(k) {
                    Some(found) => *found = true,
                    None => small |= 1 << k,
                }
            }
            i += 3;
        }
        small.count_ones() as usize + large.iter().filter(|&&f| f).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut next = crate::parse::test_random(7);
        let key = |p: &UnnumberedHeading| (p.start, p.title.start, p.title.end, p.end);
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
            let mut sentences = Sentences::of(&text, range);
            titles_in_sentences(&text, &mut sentences, &list_starts, &mut every);
            found += every.len();
            assert_eq!(
                windows.iter().map(key).collect::<Vec<_>>(),
                every.iter().map(key).collect::<Vec<_>>(),
                "{text:?} {list_starts:?}"
            );
        }
        assert!(found > 1_000, "the lines hold titles: {found}");
    }

    /// `is_run_in_title` against its definition, without the byte-level
    /// shortcuts: texts of every length around the bounds, with full- and
    /// half-width commas, other punctuation and ASCII.
    #[test]
    fn run_in_title_shape_matches_its_definition() {
        let by_definition = |s: &str| {
            let chars = s.chars().count();
            let commas = s.chars().filter(|c| matches!(c, '，' | ',')).count();
            (8..=34).contains(&chars)
                && commas == 1
                && !s.starts_with(['，', ','])
                && !s.ends_with(['，', ','])
                && s.chars().all(|c| is_han(c) || matches!(c, '，' | ',' | '、'))
                && !s.contains(['了', '是'])
                && !opens_running_text(s)
        };
        let pieces = [
            "加", "强", "，", ",", "、", "a", "。", "了", "是", "丌", "我们", "Ì", "䷀", "㐀", "鿿", "ꀀ",
        ];
        let mut next = crate::parse::test_random(11);
        let mut shaped = 0;
        for _ in 0..50_000 {
            let len = next(40);
            // Mostly 汉字, so that many texts have the shape.
            let s: String = (0..len)
                .map(|_| {
                    if next(4) > 0 {
                        pieces[next(2)]
                    } else {
                        pieces[next(pieces.len())]
                    }
                })
                .collect();
            assert_eq!(is_run_in_title(&s), by_definition(&s), "{s:?}");
            shaped += usize::from(by_definition(&s));
        }
        assert!(shaped > 100, "some texts have the shape: {shaped}");
    }

    /// `Words::shared_with` against its definition: each distinct pair of
    /// neighbouring 汉字 of `s` (other characters left out) that `other`
    /// holds side by side.
    #[test]
    fn words_shared_with_count_distinct_pairs_the_other_text_holds() {
        let by_definition = |s: &str, other: &str| {
            let chars: Vec<char> = s.chars().filter(|&c| is_han(c)).collect();
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
            // More words than one word of bits holds.
            "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光",
            "寒来暑往秋收冬藏，金生丽水玉出昆冈",
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
