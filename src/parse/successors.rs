//! Successors: for each candidate, the next item of its enumeration (二
//! after 一), the evidence that a candidate starts a sequence.

use super::scan::Candidate;
use crate::ast::MarkerStyle;
use std::num::NonZeroU32;

/// For each candidate, the index of the next item of its enumeration, if
/// one follows ([`successors`]). Stored as index + 1 in a non-zero 32-bit
/// word: four bytes per candidate, not sixteen (hostile text has millions).
/// Every index fits: candidates lie in the first 4 GiB of a text and are at
/// least two bytes long.
pub(crate) struct Successors(Vec<Option<NonZeroU32>>);

impl Successors {
    /// The next item after candidate `i`.
    pub fn get(&self, i: usize) -> Option<usize> {
        self.0.get(i).copied().flatten().map(unlink)
    }
}

/// Room for every marker style (twenty-four, `SectionSign` the last), indexed by
/// discriminant, with some to spare.
pub(super) const STYLES: usize = 32;
const _: () = assert!(
    (MarkerStyle::SectionSign as usize) < STYLES,
    "a marker style without a slot"
);

/// A value for each marker style: an array indexed by the style's
/// discriminant, cheaper than hashing on every candidate.
pub(super) struct ByStyle<T>([Option<T>; STYLES]);

impl<T: Copy> Default for ByStyle<T> {
    fn default() -> Self {
        ByStyle([None; STYLES])
    }
}

impl<T: Copy> ByStyle<T> {
    pub(super) fn get(&self, style: MarkerStyle) -> Option<T> {
        self.0[style as usize]
    }

    pub(super) fn set(&mut self, style: MarkerStyle, value: T) {
        self.0[style as usize] = Some(value);
    }

    /// Set the style's value unless it has one.
    pub(super) fn set_once(&mut self, style: MarkerStyle, value: T) {
        self.0[style as usize].get_or_insert(value);
    }
}

/// For each candidate, the index of the next candidate of the same style
/// with the next value, before the style's current value comes again.
pub(crate) fn successors(cands: &[Candidate]) -> Successors {
    // A table indexed by style and value is cheaper than hashing on every
    // candidate; values are small (at most 999), so it is sized to the
    // largest one met. Its entries are links as in `Successors`.
    let values = cands.iter().map(|c| c.value() as usize).max().unwrap_or(0) + 3;
    let slot = |style: MarkerStyle, value: u32| style as usize * values + (value as usize).min(values - 1);
    let mut next: Vec<Option<NonZeroU32>> = vec![None; STYLES * values];
    let mut last_of_style: ByStyle<usize> = ByStyle::default();
    let mut out: Vec<Option<NonZeroU32>> = vec![None; cands.len()];
    for (i, c) in cands.iter().enumerate().rev() {
        let style = c.raw().style;
        let v = c.value();
        let next_at = |value: u32| next[slot(style, value)].map(unlink);
        // An enumeration that skips one item (一是 … 三是) is still one, for
        // points; the gap is reported when the later item is accepted.
        let by_value = next_at(v + 1).or_else(|| (!style.is_heading()).then(|| next_at(v + 2)).flatten());
        // 最后 closes any list of its style.
        let by_last = last_of_style
            .get(style)
            .filter(|&j| cands[j].raw().last && v >= 2);
        let again = next_at(v);
        out[i] = match (by_value, by_last) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
        .filter(|&j| again.is_none_or(|k| j < k))
        .and_then(link);
        if !c.raw().last {
            next[slot(style, v)] = link(i);
        }
        last_of_style.set(style, i);
    }
    Successors(out)
}

/// Candidate `i` as a link: `i + 1` in a non-zero 32-bit word (see
/// [`Successors`]).
pub(super) fn link(i: usize) -> Option<NonZeroU32> {
    u32::try_from(i + 1).ok().and_then(NonZeroU32::new)
}

/// The candidate a link stands for.
pub(super) fn unlink(link: NonZeroU32) -> usize {
    link.get() as usize - 1
}
