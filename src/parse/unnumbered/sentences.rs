//! The sentences of a flattened line, split once for the passes that read
//! all of them: [`super::parallel`], and [`super::run_in`] on the lines
//! that parallel reads. What the two ask of a sentence (its shape as a
//! title, its words) is worked out once, when first asked.
//!
//! Sentence `k` runs from just past end mark `k - 1` (or the line's start)
//! to end mark `k` ([`SENTENCE_END`]); text after the last mark belongs to
//! no sentence here.

use super::run_in::{Words, is_run_in_title, taken_up_words};
use crate::parse::bytes::{ByteClass, SENTENCE_END, SentenceEnd};
use crate::parse::marker::marker;

/// The sentences of one line and what is known of each.
pub(super) struct Sentences {
    /// Where the line starts.
    start: usize,
    /// The end marks of the line, as offsets in the text, in order.
    ends: Vec<usize>,
    /// Just past each end mark (after `\n`, one byte; after 。！？, three).
    past: Vec<usize>,
    /// Whether each sentence has the shape of a title ([`is_run_in_title`]),
    /// once asked.
    shaped: Vec<Option<bool>>,
    /// Whether each sentence opens with a marker, once asked.
    marked: Vec<Option<bool>>,
    /// Each sentence's words ([`Words::of`]), once asked.
    words: Vec<Option<Words>>,
}

impl Sentences {
    /// The sentences of `line`, a line of `src`.
    pub(super) fn of(src: &str, line: std::ops::Range<usize>) -> Self {
        let mut ends = Vec::new();
        all_ends(&src.as_bytes()[line.clone()], line.start, &mut ends);
        let past = ends
            .iter()
            .map(|&e| e + if src.as_bytes()[e] == b'\n' { 1 } else { 3 })
            .collect();
        let n = ends.len();
        Sentences {
            start: line.start,
            ends,
            past,
            shaped: vec![None; n],
            marked: vec![None; n],
            words: std::iter::repeat_with(|| None).take(n).collect(),
        }
    }

    /// How many sentences (end marks) the line has.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The end marks, as offsets in the text, in order.
    pub(super) fn ends(&self) -> &[usize] {
        &self.ends
    }

    /// Sentence `k`: where it starts, where its end mark stands, and just
    /// past the mark.
    pub(super) fn sentence(&self, k: usize) -> Option<(usize, usize, usize)> {
        let end = *self.ends.get(k)?;
        let start = match k {
            0 => self.start,
            _ => self.past[k - 1],
        };
        Some((start, end, self.past[k]))
    }

    /// The text of sentence `k` (without its end mark).
    fn text<'s>(&self, src: &'s str, k: usize) -> &'s str {
        self.sentence(k).map_or("", |(s, e, _)| &src[s..e])
    }

    /// Whether sentence `k` has the shape of a run-in title
    /// ([`is_run_in_title`]).
    pub(super) fn is_shaped(&mut self, src: &str, k: usize) -> bool {
        let text = self.text(src, k);
        *self.shaped[k].get_or_insert_with(|| is_run_in_title(text))
    }

    /// The words of sentence `k` ([`Words::of`]).
    pub(super) fn words(&mut self, src: &str, k: usize) -> &Words {
        let text = self.text(src, k);
        self.words[k].get_or_insert_with(|| Words::of(text))
    }

    /// Whether sentence `k` is a run-in title taken up by `next` more than
    /// by `before` ([`super::run_in::taken_up`]).
    pub(super) fn taken_up(&mut self, src: &str, k: usize, next: &str, before: &str) -> bool {
        if !self.is_shaped(src, k) {
            return false;
        }
        let text = self.text(src, k);
        if *self.marked[k].get_or_insert_with(|| marker(text).is_some()) {
            return false;
        }
        taken_up_words(self.words(src, k), next, before)
    }
}

/// Every sentence end of `bytes` ([`SENTENCE_END`]), pushed in order as
/// offsets from `base`: 64 bytes at a time (four vector tests to one mask),
/// then 16 at a time to the end.
fn all_ends(bytes: &[u8], base: usize, out: &mut Vec<usize>) {
    let mut at = 0;
    while at + 64 + SentenceEnd::REACH <= bytes.len() {
        let mut mask = (0..4).fold(0u64, |mask, n| {
            mask | u64::from(SentenceEnd::vector(bytes, at + 16 * n).move_mask() as u16) << (16 * n)
        });
        while mask != 0 {
            out.push(base + at + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        at += 64;
    }
    while at < bytes.len() {
        let mut mask = SENTENCE_END.block(bytes, at);
        while mask != 0 {
            out.push(base + at + mask.trailing_zeros() as usize);
            mask &= mask - 1;
        }
        at += 16;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `all_ends` against the byte test, on texts of every length around
    /// the 64- and 16-byte blocks, with every mark and its look-alikes.
    #[test]
    fn all_ends_are_the_sentence_ends() {
        let pieces = [
            "。", "！", "？", "\n", "，", "汉", "a", "、", "\u{ff81}", "\u{3082}",
        ];
        let mut next = crate::parse::test_random(21);
        for _ in 0..3_000 {
            let text: String = (0..next(80)).map(|_| pieces[next(pieces.len())]).collect();
            let bytes = text.as_bytes();
            let mut found = Vec::new();
            all_ends(bytes, 7, &mut found);
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&i| SENTENCE_END.at(bytes, i))
                .map(|i| i + 7)
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
