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
pub(super) struct Sentences<'a> {
    src: &'a str,
    /// Where the line starts.
    start: usize,
    /// The end marks of the line, as offsets in the text, in order.
    ends: Vec<usize>,
    /// What is known of each sentence: its shape and marker test once
    /// asked, and its words once asked.
    known: Vec<Known>,
    /// The words of the sentences asked for ([`Known::words`]).
    words: Vec<Words>,
}

/// What is known of a sentence (all unknown at first).
#[derive(Clone, Copy, Default)]
struct Known {
    /// Whether it has the shape of a title ([`is_run_in_title`]), once asked.
    shaped: Option<bool>,
    /// Whether it opens with a marker, once asked.
    marked: Option<bool>,
    /// Whether it is a run-in title taken up by the next sentence
    /// ([`Sentences::taken_up`]), once asked.
    taken: Option<bool>,
    /// One more than the index of its words in [`Sentences::words`], once
    /// asked.
    words: usize,
}

impl<'a> Sentences<'a> {
    /// The sentences of `line`, a line of `src`.
    pub(super) fn of(src: &'a str, line: std::ops::Range<usize>) -> Self {
        let bytes = &src.as_bytes()[line.clone()];
        let mut ends = Vec::new();
        ends_from(bytes, 0, usize::MAX, bytes.len(), &mut ends);
        for e in &mut ends {
            *e += line.start;
        }
        let n = ends.len();
        Sentences {
            src,
            start: line.start,
            ends,
            known: vec![Known::default(); n],
            words: Vec::new(),
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

    /// Just past end mark `k` (after `\n`, one byte; after 。！？, three).
    fn past(&self, k: usize) -> usize {
        let e = self.ends[k];
        e + if self.src.as_bytes()[e] == b'\n' { 1 } else { 3 }
    }

    /// Sentence `k`: where it starts, where its end mark stands, and just
    /// past the mark.
    pub(super) fn sentence(&self, k: usize) -> Option<(usize, usize, usize)> {
        let end = *self.ends.get(k)?;
        let start = match k {
            0 => self.start,
            _ => self.past(k - 1),
        };
        Some((start, end, self.past(k)))
    }

    /// The text of sentence `k` (without its end mark).
    fn text(&self, k: usize) -> &'a str {
        self.sentence(k).map_or("", |(s, e, _)| &self.src[s..e])
    }

    /// Whether sentence `k` has the shape of a run-in title
    /// ([`is_run_in_title`]).
    pub(super) fn is_shaped(&mut self, k: usize) -> bool {
        let text = self.text(k);
        *self.known[k].shaped.get_or_insert_with(|| is_run_in_title(text))
    }

    /// The words of sentence `k` ([`Words::of`]).
    pub(super) fn words(&mut self, k: usize) -> &Words {
        if self.known[k].words == 0 {
            self.words.push(Words::of(self.text(k)));
            self.known[k].words = self.words.len();
        }
        &self.words[self.known[k].words - 1]
    }

    /// Whether sentence `k` is a run-in title taken up by the next sentence
    /// more than by the one before (none before the line's first): see
    /// [`super::run_in::taken_up`]. `false` for the line's last sentence.
    pub(super) fn taken_up(&mut self, k: usize) -> bool {
        if let Some(taken) = self.known[k].taken {
            return taken;
        }
        let next = match self.sentence(k + 1) {
            Some(_) => self.text(k + 1),
            None => return false,
        };
        let before = match k {
            0 => "",
            _ => self.text(k - 1),
        };
        let taken = self.taken_up_by(k, next, before);
        self.known[k].taken = Some(taken);
        taken
    }

    /// Whether sentence `k` is a run-in title taken up by `next` more than
    /// by `before` ([`super::run_in::taken_up`]).
    pub(super) fn taken_up_by(&mut self, k: usize, next: &str, before: &str) -> bool {
        if !self.is_shaped(k) {
            return false;
        }
        let text = self.text(k);
        if *self.known[k].marked.get_or_insert_with(|| marker(text).is_some()) {
            return false;
        }
        taken_up_words(self.words(k), next, before)
    }
}
