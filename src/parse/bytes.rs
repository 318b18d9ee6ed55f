//! Classes of characters known by their UTF-8 bytes, and the one vector
//! search over them.
//!
//! The parser's hot loops look for a few characters in long runs of 汉字:
//! where a marker may stand ([`SCAN_STOP`]), where a heading may end
//! ([`HEADING_END`]), where a sentence ends ([`SENTENCE_END`]) and where a
//! run of ASCII white space stops ([`ASCII_BLANK`]). Each is a
//! [`ByteClass`]: a list of byte patterns, written once in [`byte_class!`],
//! which makes from it both the byte-at-a-time test ([`ByteClass::at`],
//! with a table of first bytes) and the sixteen-at-a-time test
//! ([`ByteClass::block`], straight-line vector compares with `wide`), so
//! the two cannot disagree.

use wide::u8x16;

/// Bytes in one of a few inclusive ranges.
type Set = &'static [(u8, u8)];

/// A character (or the start of one) by its bytes: the first byte in
/// `bytes[0]`, the next in `bytes[1]`, ….
#[derive(Clone, Copy)]
pub(crate) struct Pattern {
    bytes: &'static [Set],
}

/// A class of characters known by their bytes: any of its [`Pattern`]s.
/// Written with [`byte_class!`], which gives the byte test and the vector
/// test from one list of patterns.
pub(crate) trait ByteClass {
    /// The patterns, for the byte-at-a-time test.
    const PATTERNS: &'static [Pattern];
    /// The bytes a pattern starts with.
    const FIRST: [bool; 256] = first_bytes(Self::PATTERNS);
    /// How many bytes a pattern reads past its first.
    const REACH: usize = reach(Self::PATTERNS);

    /// The lanes of the sixteen bytes from `at` that start a character of
    /// the class; `bytes` holds [`ByteClass::REACH`] more.
    fn vector(bytes: &[u8], at: usize) -> u8x16;

    /// Whether a character of the class starts at byte `i`.
    #[inline(always)]
    fn at(&self, bytes: &[u8], i: usize) -> bool {
        bytes.get(i).is_some_and(|&b| Self::FIRST[usize::from(b)])
            && Self::PATTERNS.iter().any(|p| matches(p, bytes, i))
    }

    /// Which of the sixteen bytes from `at` start a character of the class,
    /// one bit each, the first byte lowest; bytes past the end are not.
    #[inline(always)]
    fn block(&self, bytes: &[u8], at: usize) -> u16 {
        if at + 16 + Self::REACH <= bytes.len() {
            Self::vector(bytes, at).move_mask() as u16
        } else {
            (0..16)
                .filter(|&k| self.at(bytes, at + k))
                .fold(0, |m, k| m | 1 << k)
        }
    }

    /// The first byte from `from` to `limit` that starts a character of the
    /// class, or `limit`.
    #[inline(always)]
    fn find(&self, bytes: &[u8], from: usize, limit: usize) -> usize {
        let mut at = from;
        while at + 16 <= limit && at + 16 + Self::REACH <= bytes.len() {
            match Self::vector(bytes, at).move_mask() {
                0 => at += 16,
                mask => return at + mask.trailing_zeros() as usize,
            }
        }
        (at..limit).find(|&i| self.at(bytes, i)).unwrap_or(limit)
    }
}

const fn first_bytes(patterns: &[Pattern]) -> [bool; 256] {
    let mut first = [false; 256];
    let mut p = 0;
    while p < patterns.len() {
        let set = patterns[p].bytes[0];
        let mut r = 0;
        while r < set.len() {
            let mut b = set[r].0 as usize;
            while b <= set[r].1 as usize {
                first[b] = true;
                b += 1;
            }
            r += 1;
        }
        p += 1;
    }
    first
}

const fn reach(patterns: &[Pattern]) -> usize {
    let (mut most, mut p) = (0, 0);
    while p < patterns.len() {
        if patterns[p].bytes.len() - 1 > most {
            most = patterns[p].bytes.len() - 1;
        }
        p += 1;
    }
    most
}

/// Whether pattern `p` matches at `i` (byte by byte).
#[inline(always)]
fn matches(p: &Pattern, bytes: &[u8], i: usize) -> bool {
    p.bytes
        .iter()
        .enumerate()
        .all(|(k, set)| bytes.get(i + k).is_some_and(|&b| holds(set, b)))
}

/// Whether `b` is in `set`.
#[inline(always)]
fn holds(set: Set, b: u8) -> bool {
    set.iter().any(|&(lo, hi)| (lo..=hi).contains(&b))
}

/// The lanes of `x` that are in `set`, all ones each.
#[inline(always)]
fn within<const K: usize>(x: u8x16, set: [(u8, u8); K]) -> u8x16 {
    let mut hit = u8x16::splat(0);
    for (lo, hi) in set {
        hit |= if lo == hi {
            x.cmp_eq(u8x16::splat(lo))
        } else if lo == 0 {
            x.min(u8x16::splat(hi)).cmp_eq(x)
        } else {
            // lo..=hi as one unsigned compare: x - lo wraps past hi - lo below lo.
            let d = x - u8x16::splat(lo);
            d.min(u8x16::splat(hi - lo)).cmp_eq(d)
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

/// Bytes: single values, or inclusive ranges `lo..=hi`.
macro_rules! set {
    ($($lo:literal $(..= $hi:literal)?),+) => {
        [$(($lo, set!(@hi $lo $(, $hi)?))),+]
    };
    (@hi $lo:literal) => { $lo };
    (@hi $lo:literal, $hi:literal) => { $hi };
}

/// A [`ByteClass`] from its patterns, each `[first bytes] [second bytes]
/// [third bytes]` (one to three sets of [`set!`]).
macro_rules! byte_class {
    ($(#[$doc:meta])* $name:ident: $ty:ident = $( $([$($set:tt)+])+ ),+ $(,)?) => {
        $(#[$doc])*
        pub(crate) struct $ty;
        $(#[$doc])*
        pub(crate) const $name: $ty = $ty;
        impl ByteClass for $ty {
            const PATTERNS: &'static [Pattern] = &[$(Pattern {
                bytes: &[$(&set!($($set)+)),+],
            }),+];

            #[inline(always)]
            fn vector(bytes: &[u8], at: usize) -> u8x16 {
                let lane = |k: usize| if k <= Self::REACH { lanes(bytes, at + k) } else { u8x16::splat(0) };
                let (l0, l1, l2) = (lane(0), lane(1), lane(2));
                let _ = (l1, l2);
                let mut found = u8x16::splat(0);
                $(
                    found |= byte_class!(@hit [l0, l1, l2]; $([$($set)+])+);
                )+
                found
            }
        }
    };
    (@hit [$l0:ident, $l1:ident, $l2:ident]; [$($a:tt)+]) => {
        within($l0, set!($($a)+))
    };
    (@hit [$l0:ident, $l1:ident, $l2:ident]; [$($a:tt)+] [$($b:tt)+]) => {
        within($l0, set!($($a)+)) & within($l1, set!($($b)+))
    };
    (@hit [$l0:ident, $l1:ident, $l2:ident]; [$($a:tt)+] [$($b:tt)+] [$($c:tt)+]) => {
        within($l0, set!($($a)+)) & within($l1, set!($($b)+)) & within($l2, set!($($c)+))
    };
}

byte_class! {
    /// Where the candidate scan must look (`scan`): ASCII; the lead byte C2
    /// (U+0085); … and the line and paragraph separators (E2 80
    /// A6/A8/A9); 。 and the ideographic space (E3 80 82/80); and the
    /// full-width forms led by EF BC
    /// (！（，：；？１–９ among them). The frequent characters that never
    /// matter (、 “ ” 《 》, the other 汉字) are left out; the scan checks
    /// each byte found (a digit, say, matters only after a 汉字).
    SCAN_STOP: ScanStop =
        [0x00..=0x7F],
        [0xC2],
        [0xE2] [0x80] [0xA6, 0xA8, 0xA9],
        [0xE3] [0x80] [0x80, 0x82],
        [0xEF] [0xBC],
}

byte_class! {
    /// The characters that may end a heading (`heading`): 。！？；： in both
    /// widths, line breaks (`\n`, `\r`, U+0085, U+2028, U+2029), and the
    /// indentation left where line breaks were lost (tab, space, U+3000).
    HEADING_END: HeadingEnd =
        [0x21, 0x3F, 0x3B, 0x3A, 0x0A, 0x0D, 0x09, 0x20],
        [0xEF] [0xBC] [0x81, 0x9A, 0x9B, 0x9F],
        [0xE3] [0x80] [0x80, 0x82],
        [0xE2] [0x80] [0xA8, 0xA9],
        [0xC2] [0x85],
}

byte_class! {
    /// The marks that end a sentence of a flattened line: 。！？ and a line
    /// break.
    SENTENCE_END: SentenceEnd =
        [0x0A],
        [0xE3] [0x80] [0x82],
        [0xEF] [0xBC] [0x81, 0x9F],
}

byte_class! {
    /// ASCII white space and line breaks: space, tab, `\n`, `\r`.
    ASCII_BLANK: AsciiBlank = [0x20, 0x09, 0x0A, 0x0D],
}

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
        let mut next = crate::parse::test_random(14);
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
        assert!(!SCAN_STOP.at("汉字".as_bytes(), 3));
        assert!(SCAN_STOP.at("，".as_bytes(), 0));
        assert!(!SCAN_STOP.at("、".as_bytes(), 0));
    }
}
