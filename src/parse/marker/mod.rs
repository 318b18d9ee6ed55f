//! The marker grammar: one small nom parser per ordinal form, built bottom up.
//!
//! ```text
//! numeral     = han-numeral / digits          ; 一 … 九十九 一百, 貳 參; 1 … 999 (half or full width)
//! dun         = han-numeral ("、" / "．" / "." / "，" / ",") !han-numeral     ; 一、  (not 三、四月份)
//! paren-han   = open han-numeral close [ "、" / "．" / "." ]                 ; （一） (一)
//! dot         = digits ("." / "．" / "、" / ")" / "）") (year / !digit)      ; 1.  1.2026年 (not 1.5亿)
//! paren-digit = open digits close [ "、" / "．" / "." ]                      ; （1） (１)
//! circled     = "①" … "㊿" ; paren-number = "⑴" … "⒇" ; paren-ideograph = "㈠" … "㈩"
//! unit        = ("第" / "弟") han-numeral ("章" / "节" / "條" / "条" / "部分" / "编" / "分编") ; 第一章
//! ordinal     = "第" han-numeral ("，" / "," / "、" / "是" / "：" / ":"     ; 第一，  (not 第一要务)
//!               / "步，" / space)                                           ; 第一步， 第一　(bare, for the lint)
//! qi          = "其" han-numeral ("，" / "," / "、" / "是")                  ; 其一，
//! shi         = han-numeral "是" !same-numeral                               ; 一是  (not 一是一，二是二)
//! yao         = han-numeral ("要" / "抓" / "靠" / "看" / "讲")              ; 一要 一抓
//! sequence    = ("首先" / "其次" / "再次" / "最后") ("，" / "," / "、")       ; 首先，
//! decimal     = part *3("." part) &(space heading-char)                     ; 1 总则  3.1.2 要求  (not 1.5亿, 2025.1)
//! year        = ("19" / "20") 2DIGIT "年"                                  ; 1.2026年，完成……
//! part        = 1*2DIGIT !DIGIT                                            ; 1 … 99, ASCII, not 0
//! space       = " " / "  " / "　" ; heading-char = a 汉字 not a unit (个 年 月 % …)
//! digit-stop  = "⒈" … "⒛"
//! letter      = %x41-5A ("." / "．" / "、") !alnum                          ; A.  (capital)
//! small       = %x61-7A (")" / "）" / "." / "．") !alnum                     ; a)  (small)
//! section     = "§" [" "] digits !("." / DIGIT)                             ; § 1
//! open = "（" / "(" ; close = "）" / ")"
//! ```
//!
//! Where a marker may stand and whether it continues its sequence is decided
//! elsewhere (`scan`, `build`); this module only reads one marker at a given
//! position. nom's character classes are ASCII, so the predicates for 汉字
//! numerals and full-width digits are written here.

use crate::ast::MarkerStyle;
use crate::numerals;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{anychar, satisfy};
use nom::combinator::{map, map_opt, not, opt, peek, recognize, verify};
use nom::{IResult, Parser};

/// A marker read at some position: its length in bytes, style and value.
///
/// Kept small (6 bytes): text with a marker every few characters makes
/// millions of candidates. Values are at most 999 and markers at most a few
/// dozen bytes long.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawMarker {
    pub value: u16,
    pub len: u8,
    pub style: MarkerStyle,
    /// 最后: continues whatever value came before.
    pub last: bool,
}

/// Whether `c` is a 汉字 numeral ([`numerals::digit`]): one bit for the CJK block.
#[inline]
fn is_han_numeral(c: char) -> bool {
    cjk_bit(&CJK_NUMERALS, c).unwrap_or_else(|| numerals::digit(c).is_some())
}

/// A run of 汉字 numerals with a well-formed value ([`numerals::value`]). Written
/// by hand on bytes rather than with `take_while1`: it is read at every
/// candidate, and every numeral is three bytes long in UTF-8.
fn han_number(i: &str) -> IResult<&str, u32> {
    let bytes = i.as_bytes();
    let mut end = 0;
    while let Some(c) = han_numeral_at(bytes, end) {
        end += 3;
        if end == 3 && han_numeral_at(bytes, 3).is_none() {
            // One numeral, the usual case: its value without a second reading.
            return numerals::value_of_one(c)
                .map(|v| (&i[3..], v))
                .ok_or_else(|| failure(i));
        }
    }
    match numerals::value(&i[..end]) {
        Some(v) => Ok((&i[end..], v)),
        None => Err(failure(i)),
    }
}

/// The 汉字 numeral whose three bytes start at `at`, if one does.
#[inline]
fn han_numeral_at(bytes: &[u8], at: usize) -> Option<char> {
    let &[b0, b1, b2] = bytes.get(at..at + 3)? else {
        return None;
    };
    // Numerals are 〇 (E3 80 87) or in the CJK block (E4 to E9): three
    // bytes each, in text that is valid UTF-8.
    if !(0xE3..=0xE9).contains(&b0) {
        return None;
    }
    let c =
        char::from_u32((u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F))?;
    is_han_numeral(c).then_some(c)
}

/// nom's error for a form that does not match at `i`.
fn failure(i: &str) -> nom::Err<nom::error::Error<&str>> {
    nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify))
}

const fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

const fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// 1 to 3 digits, half or full width, not starting with 0.
fn digits(i: &str) -> IResult<&str, u32> {
    map_opt(take_while_m_n(1, 3, is_digit), |s: &str| {
        let mut v = 0;
        for c in s.chars() {
            v = v * 10 + digit_value(c)?;
        }
        (v > 0 && !s.starts_with(['0', '０'])).then_some(v)
    })
    .parse(i)
}

fn open(i: &str) -> IResult<&str, &str> {
    recognize(satisfy(|c| matches!(c, '（' | '('))).parse(i)
}

fn close(i: &str) -> IResult<&str, &str> {
    recognize(satisfy(|c| matches!(c, '）' | ')'))).parse(i)
}

/// Punctuation that GB/T 15834 B.3.4 says should not follow a bracketed
/// ordinal, but that documents write anyway: kept in the marker.
fn after_bracket(i: &str) -> IResult<&str, Option<&str>> {
    opt(recognize(satisfy(|c| matches!(c, '、' | '．' | '.')))).parse(i)
}

fn dun(i: &str) -> IResult<&str, u32> {
    let (i, v) = han_number(i)?;
    let (i, _) = satisfy(|c| matches!(c, '、' | '．' | '.' | '，' | ',')).parse(i)?;
    // 三、四月份, 一、二线城市: a numeral right after the comma is a list of numbers.
    let (i, _) = not(peek(verify(anychar, |&c| {
        matches!(numerals::digit(c), Some(1..=10)) && !matches!(c, '两' | '兩')
    })))
    .parse(i)?;
    Ok((i, v))
}

fn paren_han(i: &str) -> IResult<&str, u32> {
    let (i, (_, v, _, _)) = (open, han_number, close, after_bracket).parse(i)?;
    Ok((i, v))
}

fn dot(i: &str) -> IResult<&str, u32> {
    let (i, v) = digits(i)?;
    let (i, _) = satisfy(|c| matches!(c, '.' | '．' | '、' | ')' | '）')).parse(i)?;
    if !opens_with_year(i) {
        let (_, _) = not(peek(verify(anychar, |&c| is_digit(c) || c == '%'))).parse(i)?;
    }
    Ok((i, v))
}

/// Whether `i` opens with a year (19xx年, 20xx年): after `1.` it is an
/// item's text (1.2026年，完成……), as no number has four decimals then 年.
fn opens_with_year(i: &str) -> bool {
    let b = i.as_bytes();
    b.len() > 4
        && (b.starts_with(b"19") || b.starts_with(b"20"))
        && b[2..4].iter().all(u8::is_ascii_digit)
        && i[4..].starts_with('年')
}

fn paren_digit(i: &str) -> IResult<&str, u32> {
    let (i, (_, v, _, _)) = (open, digits, close, after_bracket).parse(i)?;
    Ok((i, v))
}

fn in_range(c: char, first: char, last: char, base: u32) -> Option<u32> {
    (first..=last)
        .contains(&c)
        .then(|| c as u32 - first as u32 + base)
}

fn circled(i: &str) -> IResult<&str, u32> {
    map_opt(anychar, |c| {
        in_range(c, '①', '⑳', 1)
            .or_else(|| in_range(c, '㉑', '㉟', 21))
            .or_else(|| in_range(c, '㊱', '㊿', 36))
    })
    .parse(i)
}

fn paren_number(i: &str) -> IResult<&str, u32> {
    map_opt(anychar, |c| in_range(c, '⑴', '⒇', 1)).parse(i)
}

fn paren_ideograph(i: &str) -> IResult<&str, u32> {
    map_opt(anychar, |c| in_range(c, '㈠', '㈩', 1)).parse(i)
}

/// 第 (or 弟, as OCR reads it) and a numeral, read once, then a unit
/// (第一章 …) or, after 第 only, an ordinal's delimiter (第一，). Matched on
/// characters by hand: with `第一，` repeated, this runs at every third
/// character.
fn di(i: &str) -> IResult<&str, (u32, MarkerStyle)> {
    use MarkerStyle as S;
    let (rest, ordinal) = match i.strip_prefix('第') {
        Some(rest) => (rest, true),
        None => (i.strip_prefix('弟').ok_or_else(|| failure(i))?, false),
    };
    let (rest, v) = han_number(rest)?;
    let mut chars = rest.chars();
    let next = chars.next();
    let after = chars.as_str();
    let unit = match next {
        Some('章') => Some(S::Chapter),
        Some('节' | '節') => Some(S::ChapterSection),
        Some('条' | '條') => Some(S::Article),
        Some('部') if after.starts_with('分') => Some(S::Part),
        Some('编' | '編') => Some(S::Book),
        Some('分') if after.starts_with(['编', '編']) => Some(S::SubBook),
        _ => None,
    };
    if let Some(style) = unit {
        // The second character of 部分 and 分编.
        let second = match style {
            S::Part => '分'.len_utf8(),
            S::SubBook => '编'.len_utf8(),
            _ => 0,
        };
        let len = rest.len() - after.len() + second;
        return Ok((&rest[len..], (v, style)));
    }
    let len = match next {
        Some(c @ ('，' | ',' | '、' | '是' | '：' | ':')) => c.len_utf8(),
        // 第一步，第二步， count steps the same way.
        Some('步') if after.starts_with(['，', ',']) => {
            rest.len() - after.len() + after.chars().next().map_or(0, char::len_utf8)
        }
        // 第一 followed by a space, without its comma (GB/T 15834 B.3.1
        // wants one): kept for the lint, accepted at line starts only.
        Some('\u{3000}' | ' ') => 0,
        _ => return Err(failure(i)),
    };
    if !ordinal {
        return Err(failure(i));
    }
    Ok((&rest[len..], (v, S::Ordinal)))
}

fn qi(i: &str) -> IResult<&str, u32> {
    let (i, (_, v, _)) = (
        tag("其"),
        han_number,
        satisfy(|c| matches!(c, '，' | ',' | '、' | '是')),
    )
        .parse(i)?;
    Ok((i, v))
}

fn shi(i: &str) -> IResult<&str, u32> {
    let (rest, numeral) = recognize(han_number).parse(i)?;
    let (rest, _) = tag("是").parse(rest)?;
    // 一是一，二是二: the numeral repeated after 是 is an idiom, not a list.
    let (rest, _) = not(peek(tag(numeral))).parse(rest)?;
    // 一是要……: 要 opens the lead, as after 第一，.
    Ok((rest, numerals::value(numeral).unwrap_or(0)))
}

/// Whether `c` after 要 makes a word (要素 要求 要点 要件 要害 要务):
/// then 要 is no part of an ordinal (一要, 一是要).
fn forms_word_with_yao(c: char) -> bool {
    matches!(c, '素' | '求' | '点' | '件' | '害' | '务')
}

/// 一抓 二抓, 一靠 二靠, 一看 二看, 一讲 二讲: other verbs in 要's slot
/// (一抓班子建设，二抓制度建设). 一抓到底, 一看就知道 are words.
fn verb_slot(i: &str) -> IResult<&str, u32> {
    let (rest, v) = han_number(i)?;
    let (rest, _) = satisfy(|c| matches!(c, '抓' | '靠' | '看' | '讲')).parse(rest)?;
    let (rest, _) = not(peek(satisfy(|c| matches!(c, '就' | '到' | '了' | '过' | '着')))).parse(rest)?;
    Ok((rest, v))
}

fn yao(i: &str) -> IResult<&str, u32> {
    let (i, (v, _)) = (han_number, tag("要")).parse(i)?;
    // 一要素, 一要求 are words, not ordinals.
    let (i, _) = not(peek(satisfy(forms_word_with_yao))).parse(i)?;
    Ok((i, v))
}

fn sequence(i: &str) -> IResult<&str, (u32, bool)> {
    let (i, word) = alt((tag("首先"), tag("其次"), tag("再次"), tag("最后"), tag("最後"))).parse(i)?;
    let (i, _) = satisfy(|c| matches!(c, '，' | ',' | '、')).parse(i)?;
    let v = match word {
        "首先" => (1, false),
        "其次" => (2, false),
        "再次" => (3, false),
        _ => (0, true),
    };
    Ok((i, v))
}

/// A component of a decimal number: 1 to 99 in ASCII digits, not starting
/// with 0, and no third digit (2025.1 is a date).
fn path_part(i: &str) -> IResult<&str, u32> {
    let (rest, s) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit()).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) || s.starts_with('0') {
        return Err(failure(i));
    }
    let v = s.parse().map_err(|_| failure(i))?;
    Ok((rest, v))
}

/// Whether `c` may start the heading after a decimal number: a 汉字 that is
/// not a unit or a numeral (2 个月后, 3 月, 1 万元 start sentences).
fn heading_char(c: char) -> bool {
    crate::parse::text::is_han(c)
        && numerals::digit(c).is_none()
        && !"个年月日号时天周次岁万亿千百倍米吨元余至到或及斤亩克升件辆户座篇届份批".contains(c)
}

/// Decimal 章条 numbering: 1, 1.1, 1.1.1, 1.1.1.1 followed by a space and
/// a heading. The marker is the number; the space belongs to the heading.
fn decimal(i: &str) -> IResult<&str, (u32, MarkerStyle)> {
    use MarkerStyle as S;
    let (mut rest, mut v) = path_part(i)?;
    let mut depth = 1;
    while depth < 4 {
        let Some(Ok((r, part))) = rest.strip_prefix('.').map(path_part) else {
            break;
        };
        (rest, v, depth) = (r, part, depth + 1);
    }
    let after = rest
        .strip_prefix('\u{3000}')
        .or_else(|| rest.strip_prefix("  "))
        .or_else(|| rest.strip_prefix(' '))
        .ok_or_else(|| failure(i))?;
    let mut starts = after.chars();
    let first = starts.next();
    // Below the first level (4.2 Ⅳ级响应, 4.2 四级响应, 3.1 《规范》的适用):
    // a Roman numeral, a quotation, or a numeral that is no count (一个,
    // 三万, 十三五).
    let sub_heading = depth > 1
        && first.is_some_and(|c| {
            ('\u{2160}'..='\u{217f}').contains(&c)
                || matches!(c, '《' | '“')
                || (numerals::digit(c).is_some() && starts.next().is_some_and(heading_char))
        });
    if !(first.is_some_and(heading_char) || sub_heading) {
        return Err(failure(i));
    }
    let style = match depth {
        1 => S::Decimal,
        2 => S::Decimal2,
        3 => S::Decimal3,
        _ => S::Decimal4,
    };
    Ok((rest, (v, style)))
}

fn digit_stop(i: &str) -> IResult<&str, u32> {
    map_opt(anychar, |c| in_range(c, '⒈', '⒛', 1)).parse(i)
}

/// A. or a): a letter and its delimiter, not followed by a letter or digit
/// (e.g., B.3.7, A股).
fn letter(i: &str) -> IResult<&str, (u32, MarkerStyle)> {
    let (rest, c) = satisfy(|c| c.is_ascii_alphabetic()).parse(i)?;
    let (rest, d) = anychar(rest)?;
    let style = match (c.is_ascii_uppercase(), d) {
        (true, '.' | '．' | '、') => MarkerStyle::Letter,
        (false, ')' | '）' | '.' | '．') => MarkerStyle::SmallLetter,
        _ => return Err(failure(i)),
    };
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
        return Err(failure(i));
    }
    let v = u32::from(c.to_ascii_lowercase() as u8 - b'a' + 1);
    Ok((rest, (v, style)))
}

/// § 1: the section sign and a number.
fn section_sign(i: &str) -> IResult<&str, u32> {
    let (rest, _) = (tag("§"), opt(tag(" "))).parse(i)?;
    let (rest, v) = digits(rest)?;
    if rest.starts_with(|c: char| is_digit(c) || matches!(c, '.' | '．')) {
        return Err(failure(i));
    }
    Ok((rest, v))
}

/// Read one marker at the start of `i`.
pub(crate) fn marker(i: &str) -> Option<RawMarker> {
    use MarkerStyle as S;
    let plain = |s| move |v| (v, s, false);
    // Each form starts with its own kind of character: try only the forms
    // that can start with this one.
    let first = i.chars().next()?;
    let parsed: IResult<&str, (u32, MarkerStyle, bool)> = match first {
        '（' | '(' => alt((
            map(paren_han, plain(S::ParenHan)),
            map(paren_digit, plain(S::ParenDigit)),
        ))
        .parse(i),
        '第' | '弟' => map(di, |(v, s)| (v, s, false)).parse(i),
        '其' | '首' | '再' | '最' => alt((
            map(qi, plain(S::Qi)),
            map(sequence, |(v, last)| (v, S::Sequence, last)),
        ))
        .parse(i),
        // The character after the number tells the form (1. 1、 1）; 一是,
        // 一要, 一、): most numbers in running text have none (2025年, 一个).
        c if is_digit(c) => match i.trim_start_matches(is_digit).chars().next() {
            Some('.') => alt((map(dot, plain(S::Dot)), map(decimal, |(v, s)| (v, s, false)))).parse(i),
            Some('．' | '、' | ')' | '）') => map(dot, plain(S::Dot)).parse(i),
            Some(' ' | '\u{3000}') => map(decimal, |(v, s)| (v, s, false)).parse(i),
            _ => return None,
        },
        c if c.is_ascii_alphabetic() => map(letter, |(v, s)| (v, s, false)).parse(i),
        '§' => map(section_sign, plain(S::SectionSign)).parse(i),
        c if is_han_numeral(c) => match i.trim_start_matches(is_han_numeral).chars().next() {
            Some('是') => map(shi, plain(S::Shi)).parse(i),
            Some('要') => map(yao, plain(S::Yao)).parse(i),
            Some('抓' | '靠' | '看' | '讲') => map(verb_slot, plain(S::Yao)).parse(i),
            Some('、' | '．' | '.' | '，' | ',') => map(dun, plain(S::Dun)).parse(i),
            _ => return None,
        },
        _ => alt((
            map(circled, plain(S::Circled)),
            map(paren_number, plain(S::ParenNumber)),
            map(paren_ideograph, plain(S::ParenIdeograph)),
            map(digit_stop, plain(S::DigitStop)),
        ))
        .parse(i),
    };
    let (rest, (value, style, last)) = parsed.ok()?;
    Some(RawMarker {
        len: u8::try_from(i.len() - rest.len()).ok()?,
        style,
        value: u16::try_from(value).ok()?,
        last,
    })
}

/// How many bytes from its start a marker read as `len` bytes depends on:
/// its own and what the grammar looks at after it (one character after most
/// forms; after 一是, the numeral again, no longer than the marker; after
/// a decimal number, its space and the next character).
fn window(len: u8) -> usize {
    // After a decimal number, up to two spaces (or one of three bytes) and
    // the heading's first character.
    usize::from(len) * 2 + 7
}

/// Reads markers, remembering the last one read: the same bytes again (第一，
/// repeated a million times in hostile text) are the same marker, known by
/// comparing bytes instead of parsing.
#[derive(Default)]
pub(crate) struct Reader {
    last: Option<(usize, RawMarker)>,
}

impl Reader {
    /// [`marker`] at byte `at` of `text` (a char boundary).
    pub fn read(&mut self, text: &str, at: usize) -> Option<RawMarker> {
        let bytes = text.as_bytes();
        if let Some((before, raw)) = self.last {
            let w = window(raw.len);
            if let (Some(old), Some(new)) = (bytes.get(before..before + w), bytes.get(at..at + w))
                && same_bytes(old, new)
            {
                return Some(raw);
            }
        }
        let raw = marker(&text[at..])?;
        self.last = Some((at, raw));
        Some(raw)
    }
}

/// Whether two short byte strings of the same length are equal: eight
/// bytes at a time (the last word overlapping the one before), without a
/// call to memcmp.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let word = |s: &[u8], at: usize| s.get(at..at + 8).and_then(|w| w.first_chunk::<8>()).copied();
    if a.len() != b.len() || a.len() < 8 {
        return a == b;
    }
    (0..a.len()).step_by(8).all(|at| {
        let at = at.min(a.len() - 8);
        word(a, at) == word(b, at)
    })
}

/// Whether `c` may begin a marker: a cheap filter before [`marker`].
#[inline]
pub(crate) fn may_start_marker(c: char) -> bool {
    // Most characters asked about are 汉字: one bit each.
    cjk_bit(&CJK_STARTS, c).unwrap_or_else(|| starts_by_class(c))
}

/// [`may_start_marker`], from the character classes of the grammar.
const fn starts_by_class(c: char) -> bool {
    numerals::digit(c).is_some()
        || is_digit(c)
        || matches!(c, '（' | '(' | '第' | '弟' | '其' | '首' | '再' | '最')
        || matches!(c, '①'..='⒛' | '㈠'..='㈩' | '㉑'..='㉟' | '㊱'..='㊿' | '§')
        || c.is_ascii_alphabetic()
}

/// For each 汉字 of the CJK Unified Ideographs block, one bit: whether it is
/// a numeral ([`numerals::digit`]).
static CJK_NUMERALS: [u64; 328] = cjk_bitmap(true);

/// `c`'s bit in a bitmap of the CJK Unified Ideographs block ([`cjk_bitmap`]),
/// or `None` when `c` lies outside the block.
#[inline]
fn cjk_bit(bits: &[u64; 328], c: char) -> Option<bool> {
    let k = (c as usize).checked_sub(CJK_FIRST)?;
    bits.get(k / 64).map(|word| word & (1 << (k % 64)) != 0)
}

/// The first code point of the CJK Unified Ideographs block.
const CJK_FIRST: usize = 0x4E00;

/// For each 汉字 of the CJK Unified Ideographs block (U+4E00 to U+9FFF), one
/// bit: whether a marker may start with it (a numeral, or 第 弟 其 首 再 最).
static CJK_STARTS: [u64; 328] = cjk_bitmap(false);

/// One bit for each character of the CJK Unified Ideographs block (U+4E00 to
/// U+9FFF): whether it is a numeral (`numerals`) or may start a marker.
/// (A `const fn` cannot call a function pointer, hence the flag.)
const fn cjk_bitmap(numerals: bool) -> [u64; 328] {
    let mut bits = [0u64; 328];
    let mut k = 0;
    while k < 328 * 64 {
        if let Some(c) = char::from_u32((CJK_FIRST + k) as u32)
            && (if numerals {
                numerals::digit(c).is_some()
            } else {
                starts_by_class(c)
            })
        {
            bits[k / 64] |= 1 << (k % 64);
        }
        k += 1;
    }
    bits
}

#[cfg(test)]
mod tests;
