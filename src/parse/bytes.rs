//! Classes of characters known by their UTF-8 bytes, and the one vector
//! search over them.
//!
//! The parser's hot loops look for a few characters in long runs of 汉字:
//! where a marker may stand ([`SCAN_STOP`]), where a heading may end
//! ([`HEADING_END`]), where a sentence ends ([`SENTENCE_END`]) and where a
//! run of ASCII white space stops ([`ASCII_BLANK`]). Each is a [`Class`]:
//! a list of byte patterns, written once. The same patterns give the
//! byte-at-a-time test ([`Class::at`], with a table of first bytes) and the
//! sixteen-at-a-time test ([`Class::block`], vector compares with `wide`,
//! SSE2 on x86-64), so the two cannot disagree.

use wide::u8x16;

/// Bytes in one of a few inclusive ranges.
type Set = &'static [(u8, u8)];

/// Every byte.
const ANY: Set = &[(0x00, 0xFF)];

/// A character (or the start of one) by its bytes: the first byte in
/// `bytes[0]`, the next in `bytes[1]`, …; optionally with the byte three
/// before it in `back` (the lead byte of the 汉字 before it).
#[derive(Clone, Copy)]
pub(crate) struct Pattern {
    bytes: [Set; 3],
    /// How many of `bytes` are tested.
    len: usize,
    back: Option<Set>,
}

impl Pattern {
    /// A byte in `first`.
    pub(crate) const fn byte(first: Set) -> Self {
        Pattern {
            bytes: [first, ANY, ANY],
            len: 1,
            back: None,
        }
    }

    /// Two bytes.
    pub(crate) const fn two(first: Set, second: Set) -> Self {
        Pattern {
            bytes: [first, second, ANY],
            len: 2,
            back: None,
        }
    }

    /// Three bytes.
    pub(crate) const fn three(first: Set, second: Set, third: Set) -> Self {
        Pattern {
            bytes: [first, second, third],
            len: 3,
            back: None,
        }
    }

    /// This pattern, only where the byte three before it is in `back`.
    pub(crate) const fn after(self, back: Set) -> Self {
        Pattern {
            back: Some(back),
            ..self
        }
    }
}

/// A class of characters: any of its patterns.
pub(crate) struct Class<const N: usize> {
    patterns: [Pattern; N],
    /// The bytes a pattern starts with.
    first: [bool; 256],
    /// How many bytes a block test reads past its sixteen.
    reach: usize,
    /// Whether a pattern looks at the bytes before.
    looks_back: bool,
}

impl<const N: usize> Class<N> {
    pub(crate) const fn new(patterns: [Pattern; N]) -> Self {
        let mut first = [false; 256];
        let mut reach = 0;
        let mut looks_back = false;
        let mut p = 0;
        while p < N {
            let pattern = patterns[p];
            let mut r = 0;
            while r < pattern.bytes[0].len() {
                let (lo, hi) = pattern.bytes[0][r];
                let mut b = lo as usize;
                while b <= hi as usize {
                    first[b] = true;
                    b += 1;
                }
                r += 1;
            }
            if pattern.len - 1 > reach {
                reach = pattern.len - 1;
            }
            looks_back |= pattern.back.is_some();
            p += 1;
        }
        Class {
            patterns,
            first,
            reach,
            looks_back,
        }
    }

    /// Whether a character of the class starts at byte `i`.
    #[inline]
    pub(crate) fn at(&self, bytes: &[u8], i: usize) -> bool {
        bytes.get(i).is_some_and(|&b| self.first[usize::from(b)])
            && self.patterns.iter().any(|p| matches(p, bytes, i))
    }

    /// Which of the sixteen bytes from `at` start a character of the class,
    /// one bit each, the first byte lowest; bytes past the end are not.
    #[inline(always)]
    pub(crate) fn block(&self, bytes: &[u8], at: usize) -> u16 {
        let vector = at + 16 + self.reach <= bytes.len() && (!self.looks_back || at >= 3);
        if !vector {
            return (0..16)
                .filter(|&k| self.at(bytes, at + k))
                .fold(0, |m, k| m | 1 << k);
        }
        let lane = |k: usize| {
            if k <= self.reach {
                lanes(bytes, at + k)
            } else {
                u8x16::splat(0)
            }
        };
        let lanes = [lane(0), lane(1), lane(2)];
        let mut found = u8x16::splat(0);
        for p in &self.patterns {
            let mut hit = u8x16::splat(0xFF);
            for (lane, set) in lanes.iter().zip(p.bytes).take(p.len) {
                hit &= within(*lane, set);
            }
            if let Some(back) = p.back {
                hit &= within(self::lanes(bytes, at - 3), back);
            }
            found |= hit;
        }
        found.move_mask() as u16
    }

    /// The first byte from `from` to `limit` that starts a character of the
    /// class, or `limit`.
    pub(crate) fn find(&self, bytes: &[u8], from: usize, limit: usize) -> usize {
        let mut at = from;
        while at + 16 <= limit && at + 16 + self.reach <= bytes.len() {
            match self.block(bytes, at) {
                0 => at += 16,
                mask => return at + mask.trailing_zeros() as usize,
            }
        }
        (at..limit).find(|&i| self.at(bytes, i)).unwrap_or(limit)
    }
}

/// Whether pattern `p` matches at `i` (byte by byte).
#[inline]
fn matches(p: &Pattern, bytes: &[u8], i: usize) -> bool {
    (0..p.len).all(|k| bytes.get(i + k).is_some_and(|&b| holds(p.bytes[k], b)))
        && p.back.is_none_or(|back| i >= 3 && holds(back, bytes[i - 3]))
}

/// Whether `b` is in `set`.
#[inline]
fn holds(set: Set, b: u8) -> bool {
    set.iter().any(|&(lo, hi)| (lo..=hi).contains(&b))
}

/// The lanes of `x` that are in `set`, all ones each.
#[inline(always)]
fn within(x: u8x16, set: Set) -> u8x16 {
    let mut hit = u8x16::splat(0);
    for &(lo, hi) in set {
        hit |= match (lo, hi) {
            (0x00, 0xFF) => u8x16::splat(0xFF),
            (lo, hi) if lo == hi => x.cmp_eq(u8x16::splat(lo)),
            (lo, hi) => x.max(u8x16::splat(lo)).cmp_eq(x) & x.min(u8x16::splat(hi)).cmp_eq(x),
        };
    }
    hit
}

/// Sixteen bytes of `bytes` from `at` as one vector.
#[inline(always)]
fn lanes(bytes: &[u8], at: usize) -> u8x16 {
    let mut lanes = [0; 16];
    lanes.copy_from_slice(&bytes[at..at + 16]);
    u8x16::new(lanes)
}

/// One byte.
macro_rules! is {
    ($($b:expr),+) => {
        &[$(($b, $b)),+]
    };
}

/// Where the candidate scan must look (`scan`): ASCII other than digits
/// and `(`; a digit or `(` right after a 汉字 (whose lead byte, three
/// back, is E4 to E9: a glued marker); the lead byte C2 (U+0085); … and
/// the line and paragraph separators (E2 80 A6/A8/A9); 。 (E3 80 82); and
/// the full-width forms led by EF BC (！（，：；？１–９ among them). The
/// frequent characters that never matter (、 “ ” 《 》, the other 汉字)
/// are left out; the scan checks each byte found.
pub(crate) const SCAN_STOP: Class<7> = Class::new([
    Pattern::byte(&[(0x00, 0x27), (0x29, 0x2F), (0x3A, 0x7F)]),
    Pattern::byte(&[(b'0', b'9')]).after(&[(0xE4, 0xE9)]),
    Pattern::byte(is!(b'(')).after(&[(0xE4, 0xE9)]),
    Pattern::byte(is!(0xC2)),
    Pattern::three(is!(0xE2), is!(0x80), is!(0xA6, 0xA8, 0xA9)),
    Pattern::three(is!(0xE3), is!(0x80), is!(0x82)),
    Pattern::two(is!(0xEF), is!(0xBC)),
]);

/// The characters that may end a heading (`heading`): 。！？；： in both
/// widths, line breaks (`\n`, `\r`, U+0085, U+2028, U+2029), and the
/// indentation left where line breaks were lost (tab, space, U+3000).
pub(crate) const HEADING_END: Class<5> = Class::new([
    Pattern::byte(is!(b'!', b'?', b';', b':', b'\n', b'\r', b'\t', b' ')),
    Pattern::three(is!(0xEF), is!(0xBC), is!(0x81, 0x9A, 0x9B, 0x9F)),
    Pattern::three(is!(0xE3), is!(0x80), is!(0x80, 0x82)),
    Pattern::three(is!(0xE2), is!(0x80), is!(0xA8, 0xA9)),
    Pattern::two(is!(0xC2), is!(0x85)),
]);

/// The marks that end a sentence of a flattened line: 。！？ and a line
/// break.
pub(crate) const SENTENCE_END: Class<3> = Class::new([
    Pattern::byte(is!(b'\n')),
    Pattern::three(is!(0xE3), is!(0x80), is!(0x82)),
    Pattern::three(is!(0xEF), is!(0xBC), is!(0x81, 0x9F)),
]);

/// ASCII white space and line breaks: space, tab, `\n`, `\r`.
pub(crate) const ASCII_BLANK: Class<1> = Class::new([Pattern::byte(is!(b' ', b'\t', b'\n', b'\r'))]);

#[cfg(test)]
mod tests {
    use super::*;

    /// Each class's block test against its byte test, at every offset of
    /// texts with each of its characters, their look-alikes and 汉字.
    #[test]
    fn block_and_byte_tests_agree() {
        let pieces = [
            "。", "！", "？", "；", "：", "，", "（", "１", "\n", "\r", "\t", " ", "\u{3000}", "\u{2028}",
            "\u{2029}", "…", "\u{85}", "、", "“", "《", "汉", "字", "a", "1", "(", "!", "\u{ff81}",
            "\u{3082}", "）",
        ];
        let mut seed = 14u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for _ in 0..300 {
            let text: String = (0..next(40)).map(|_| pieces[next(pieces.len())]).collect();
            let bytes = text.as_bytes();
            for at in 0..bytes.len() {
                let by_byte = |at_: &dyn Fn(usize) -> bool| {
                    (0..16).filter(|&k| at_(at + k)).fold(0u16, |m, k| m | 1 << k)
                };
                assert_eq!(
                    SCAN_STOP.block(bytes, at),
                    by_byte(&|i| SCAN_STOP.at(bytes, i)),
                    "{text:?} {at}"
                );
                assert_eq!(
                    HEADING_END.block(bytes, at),
                    by_byte(&|i| HEADING_END.at(bytes, i)),
                    "{text:?} {at}"
                );
                assert_eq!(
                    SENTENCE_END.block(bytes, at),
                    by_byte(&|i| SENTENCE_END.at(bytes, i)),
                    "{text:?} {at}"
                );
                assert_eq!(
                    ASCII_BLANK.block(bytes, at),
                    by_byte(&|i| ASCII_BLANK.at(bytes, i)),
                    "{text:?} {at}"
                );
                let found = HEADING_END.find(bytes, at, bytes.len());
                assert_eq!(
                    found,
                    (at..bytes.len())
                        .find(|&i| HEADING_END.at(bytes, i))
                        .unwrap_or(bytes.len())
                );
            }
        }
    }

    /// The classes hold what their documentation says, by character.
    #[test]
    fn classes_hold_their_characters() {
        let class_of = |c: char, class: &dyn Fn(&[u8]) -> bool| class(c.to_string().as_bytes());
        for c in ['。', '！', '？', '\n'] {
            assert!(class_of(c, &|b| SENTENCE_END.at(b, 0)), "{c:?}");
        }
        for c in ['；', '，', '、', '汉', '\r'] {
            assert!(!class_of(c, &|b| SENTENCE_END.at(b, 0)), "{c:?}");
        }
        for c in [
            '。', '！', '？', '；', '：', '!', '?', ';', ':', '\n', '\r', '\t', ' ', '\u{3000}', '\u{85}',
            '\u{2028}', '\u{2029}',
        ] {
            assert!(class_of(c, &|b| HEADING_END.at(b, 0)), "{c:?}");
        }
        for c in ['，', '、', '（', '“', '汉', 'a'] {
            assert!(!class_of(c, &|b| HEADING_END.at(b, 0)), "{c:?}");
        }
        assert!(SCAN_STOP.at("汉1".as_bytes(), 3));
        assert!(!SCAN_STOP.at("a 1".as_bytes(), 2));
        assert!(SCAN_STOP.at("，".as_bytes(), 0));
        assert!(!SCAN_STOP.at("、".as_bytes(), 0));
    }
}
