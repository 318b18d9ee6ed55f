//! The sentences of a flattened line, split once for the passes that read
//! all of them: [`super::parallel`], and [`super::run_in`] on the lines
//! that parallel reads. What the two ask of a sentence (its shape as a
//! title, its words) is worked out once, when first asked.
//!
//! Sentence `k` runs from just past end mark `k - 1` (or the line's start)
//! to end mark `k` (see [`ends_from`]); text after the last mark belongs to
//! no sentence here.

use super::run_in::{Words, ends_from, is_run_in_title, taken_up_words};
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
        let bytes = &src.as_bytes()[line.clone()];
        let mut ends = Vec::new();
        ends_from(bytes, 0, usize::MAX, bytes.len(), &mut ends);
        for e in &mut ends {
            *e += line.start;
        }
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
