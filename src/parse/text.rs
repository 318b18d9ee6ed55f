//! Character classes of Chinese text: sentence boundaries in both widths,
//! white space, line breaks. Small predicates shared by the passes.

use super::bytes::{ASCII_BLANK, ByteClass};

/// Characters after which a new sentence (and so a marker) may start.
pub(crate) fn is_boundary(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':' | '…')
}

/// Characters that end a heading or a point's lead: sentence ends,
/// semicolons and colons, in both widths.
pub(crate) fn ends_heading(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':')
}

/// Commas, after which only a point continuing its enumeration may start
/// (一要抓项目建设，二要……).
pub(crate) fn is_comma(c: char) -> bool {
    matches!(c, '，' | ',')
}

/// Closing quotes and brackets that may stand between a boundary and a marker.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | '）' | ')' | '"' | '\'')
}

/// White space within a line, including the ideographic space and NBSP.
pub(crate) fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{feff}' | '\u{200b}')
}

/// The most ASCII spaces [`lost_break_space`] reads as one lost line
/// break: a blank line turned into spaces, CRLF, and the `#### ` of a
/// Markdown heading blanked after them (`要求\r\n\r\n#### （一）` is nine).
const MAX_BREAK_SPACES: usize = 10;

/// The fewest ASCII spaces [`lost_break_space`] reads as a lost line
/// break after an ASCII letter or digit.
const MIN_SPACES_AFTER_ASCII: usize = 3;

/// Whether the byte at `at` starts a run of ASCII spaces (up to ten)
/// between two pieces of Chinese text: a 汉字 or full-width punctuation
/// (lead byte E3 to E9, or EF) before it (or an ASCII letter or digit
/// before three or more), and after it a character of
/// three or more bytes (汉字, full-width punctuation, “), an ordinal
/// (`1.`, `2、`, `(3)`, `（一）`) or a year (`2025年`). Such a run is the
/// trace of a line break that a page or a copy turned into spaces
/// (……面临的形势 近年来，……); spaces around numbers in running text (项目
/// 200 个, 增长 5.2%) and before a bracketed abbreviation (（GDP）) are not.
pub(crate) fn lost_break_space(bytes: &[u8], at: usize) -> bool {
    if at < 3 || bytes.get(at) != Some(&b' ') {
        return false;
    }
    let spaces = bytes[at..]
        .iter()
        .take(MAX_BREAK_SPACES + 1)
        .take_while(|&&b| b == b' ')
        .count();
    // After a number or a word of ASCII, only a blank line's run (or a
    // Markdown mark's: `| 98 |## 三、`) of three or more.
    let after_text = matches!(bytes[at - 3], 0xE3..=0xE9 | 0xEF)
        || (spaces >= MIN_SPACES_AFTER_ASCII && bytes[at - 1].is_ascii_alphanumeric());
    if !after_text || spaces > MAX_BREAK_SPACES {
        return false;
    }
    let rest = &bytes[at + spaces..];
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    // A bracket opens an ordinal: a digit or a 汉字 (一, not GDP) follows.
    let ordinal_in = |inner: &[u8]| inner.first().is_some_and(|&b| b.is_ascii_digit() || b >= 0xE4);
    match rest {
        [b'(', inner @ ..] | [0xEF, 0xBC, 0x88, inner @ ..] => ordinal_in(inner),
        [b, ..] if *b >= 0xE2 => true,
        // 1. 2、 3) 4．(not 5.2 or 5.%), or a year (2025年).
        _ if digits > 0 => match &rest[digits..] {
            [b'.', next, ..] => !next.is_ascii_digit() && *next != b'%',
            [b')', ..] | [0xE3, 0x80, 0x81, ..] | [0xEF, 0xBC, 0x8E, ..] | [0xE5, 0xB9, 0xB4, ..] => true,
            _ => false,
        },
        _ => false,
    }
}

/// Line-break characters.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// White space or a line break: what [`trim_blank`] takes off.
pub(crate) fn is_blank_char(c: char) -> bool {
    is_inline_space(c) || is_line_break(c)
}

/// Whether `c` is a 汉字 of the CJK Unified Ideographs block (U+4E00 to
/// U+9FFF).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `s` is only white space.
pub(crate) fn is_blank(s: &str) -> bool {
    blank_prefix(s) == s.len()
}

/// A searcher for a constant word, built once: building one costs more
/// than searching a short text.
pub(crate) type Finder = std::sync::LazyLock<memchr::memmem::Finder<'static>>;

/// Where 附 stands in `src`, in order: the labels of attachments and
/// annexes (附件, 附：) start with it, and the passes that read them (the
/// list of attachments, annexes at line starts and in flattened lines)
/// share one search of the text.
pub(crate) fn annex_label_starts(src: &str) -> Vec<usize> {
    static FU: Finder = std::sync::LazyLock::new(|| memchr::memmem::Finder::new("附"));
    FU.find_iter(src.as_bytes()).collect()
}

/// Whether the byte is ASCII white space or a line break.
fn is_ascii_blank(b: Option<&u8>) -> bool {
    matches!(b, Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// Whether a character whose first byte is `b` may be blank
/// ([`is_blank_char`]): an ASCII blank, or the lead byte of U+0085, U+00A0
/// (C2), U+200B, U+2028, U+2029 (E2), U+3000 (E3) or U+FEFF (EF). Most
/// lines start with a character that fails this test without decoding.
pub(crate) const fn may_start_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// Whether a character whose last byte is `b` may be blank: an ASCII blank,
/// or the last byte of one of the others (see [`may_start_blank`]).
const fn may_end_blank(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\n' | b'\r' | 0x80 | 0x85 | 0x8B | 0xA0 | 0xA8 | 0xA9 | 0xBF
    )
}

/// The length in bytes of the blank run ([`is_blank_char`]) that starts `s`.
/// An ASCII blank is known by its byte; after one, ASCII blanks are passed
/// sixteen at a time: a text of empty lines is walked once, fast, and text
/// that starts with a word costs one byte's test.
#[inline]
pub(crate) fn blank_prefix(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut at = 0;
    loop {
        match bytes.get(at) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => {
                at += 1;
                // Sixteen at a time only in a run of ASCII blanks (not for
                // the one line break before a paragraph).
                while is_ascii_blank(bytes.get(at)) && bytes.len() >= at + 16 {
                    let run = ASCII_BLANK.block(bytes, at).trailing_ones() as usize;
                    at += run;
                    if run < 16 {
                        break;
                    }
                }
            }
            Some(&b) if may_start_blank(b) => {
                match s
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .filter(|&c| is_blank_char(c))
                {
                    Some(c) => at += c.len_utf8(),
                    None => return at,
                }
            }
            _ => return at,
        }
    }
}

/// The length in bytes of the blank run that ends `s` (see [`blank_prefix`]).
#[inline]
pub(crate) fn blank_suffix(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut end = s.len();
    loop {
        match end.checked_sub(1).map(|i| bytes[i]) {
            Some(b' ' | b'\t' | b'\n' | b'\r') => {
                end -= 1;
                while is_ascii_blank(end.checked_sub(1).and_then(|i| bytes.get(i))) && end >= 16 {
                    let run = ASCII_BLANK.block(bytes, end - 16).leading_ones() as usize;
                    end -= run;
                    if run < 16 {
                        break;
                    }
                }
            }
            Some(b) if may_end_blank(b) => {
                match s
                    .get(..end)
                    .and_then(|head| head.chars().next_back())
                    .filter(|&c| is_blank_char(c))
                {
                    Some(c) => end -= c.len_utf8(),
                    None => break,
                }
            }
            _ => break,
        }
    }
    s.len() - end
}

/// The end of the line that contains byte `at`, after its line break
/// (`\n`, `\r\n` or a lone `\r`). Looks no further than that line, so
/// callers that walk line by line stay linear.
#[inline]
pub(crate) fn line_end_after_break(src: &str, at: usize) -> usize {
    let bytes = src.as_bytes();
    // A blank line's break is at hand: no search.
    match bytes.get(at) {
        Some(b'\n') => return at + 1,
        Some(b'\r') => return at + 1 + usize::from(bytes.get(at + 1) == Some(&b'\n')),
        _ => {}
    }
    match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
        Some(i) if bytes[at + i] == b'\r' && bytes.get(at + i + 1) == Some(&b'\n') => at + i + 2,
        Some(i) => at + i + 1,
        None => src.len(),
    }
}

/// [`line_end_after_break`], or `limit` if that comes first: looks no
/// further than `limit` (a heading or a piece of furniture ends there, and
/// the line may run on for the rest of a text that lost its breaks).
pub(crate) fn line_end_within(src: &str, at: usize, limit: usize) -> usize {
    let bytes = src.as_bytes();
    let limit = limit.clamp(at, bytes.len());
    match memchr::memchr2(b'\n', b'\r', &bytes[at..limit]) {
        Some(i) if bytes[at + i] == b'\r' && bytes.get(at + i + 1) == Some(&b'\n') => (at + i + 2).min(limit),
        Some(i) => at + i + 1,
        None => limit,
    }
}

/// Byte offset just after the line break that starts at `at`, if one does.
/// The breaks are told by their bytes ([`is_line_break`]: `\r\n`, `\n`,
/// `\r`, U+0085, U+2028, U+2029).
#[inline]
pub(crate) fn skip_line_break(src: &str, at: usize) -> Option<usize> {
    match src.as_bytes().get(at..)? {
        [b'\r', b'\n', ..] => Some(at + 2),
        [b'\n' | b'\r', ..] => Some(at + 1),
        [0xC2, 0x85, ..] => Some(at + 2),
        [0xE2, 0x80, 0xA8 | 0xA9, ..] => Some(at + 3),
        _ => None,
    }
}

/// How many lines [`wrap_width`] reads.
const WRAP_SAMPLE_LINES: usize = 120;
/// How many bytes short of the wrap a full line may end (three 汉字: a
/// line that does not fit its next character ends short of the width).
const WRAP_SLACK: usize = 9;
/// The narrowest wrap taken (in bytes: twenty-five 汉字).
const WRAP_MIN: usize = 75;

/// The length (in bytes) at which a hard-wrapped text (copied from a PDF,
/// or saved with fixed-width lines) breaks its lines, if it is one: a third
/// of its long lines or more are of one length (give or take
/// [`WRAP_SLACK`]), and almost none is longer. In such a text a line break
/// after a full line is no end. Read on line lengths alone, without
/// decoding.
pub(crate) fn wrap_width(src: &str) -> Option<usize> {
    // On the stack: this is asked of every text, however short.
    let mut sample = [0usize; WRAP_SAMPLE_LINES];
    let mut n = 0;
    let mut at = 0;
    for end in memchr::memchr_iter(b'\n', src.as_bytes()).take(WRAP_SAMPLE_LINES) {
        // Trimming only shortens a line: a short one is passed untrimmed.
        if end - at >= WRAP_MIN {
            let line = trim_blank(&src[at..end]).len();
            if line >= WRAP_MIN {
                sample[n] = line;
                n += 1;
            }
        }
        at = end + 1;
    }
    if n < 5 {
        return None;
    }
    sample[..n].sort_unstable();
    let lengths = &sample[..n];
    // For each length, how many lines end within the slack below it: the
    // longest length that most lines reach. The lengths are sorted: one
    // pass, the lowest length within the slack moving up with each.
    let (mut mode, mut full, mut low) = (0, 0, 0);
    for (i, &w) in lengths.iter().enumerate() {
        while lengths[low] + WRAP_SLACK < w {
            low += 1;
        }
        // Lines of one length count once, at the last of them.
        let last = lengths.get(i + 1) != Some(&w);
        if last && i + 1 - low >= full {
            (mode, full) = (w, i + 1 - low);
        }
    }
    let longer = lengths.len() - lengths.partition_point(|&x| x <= mode);
    (full * 3 >= lengths.len() && full >= 5 && longer * 10 <= lengths.len()).then_some(mode)
}

/// Whether the line that ends at `at` fills a wrap of `wrap` bytes.
/// Only the last `wrap + WRAP_SLACK` bytes before `at` are read: a longer
/// line is no wrapped line.
pub(crate) fn fills_wrap(src: &str, at: usize, wrap: usize) -> bool {
    let from = at.saturating_sub(wrap + WRAP_SLACK + 1);
    let window = &src.as_bytes()[from..at];
    let Some(start) = memchr::memrchr2(b'\n', b'\r', window).map(|i| from + i + 1) else {
        // No line start within reach: the line is longer than the wrap,
        // unless it is the text's first.
        return from == 0 && wrap_len(trim_blank(&src[..at])) + WRAP_SLACK >= wrap;
    };
    wrap_len(trim_blank(&src[start..at])) + WRAP_SLACK >= wrap
}

/// How many ASCII characters of a line [`wrap_len`] counts as 汉字.
const WRAP_FIGURES: usize = 4;

/// The length of `line` for [`fills_wrap`] (the wrap is read on lines of
/// 汉字, three bytes each): its bytes, with three for each of its first
/// [`WRAP_FIGURES`] ASCII characters and one and a half for the others. A
/// text may be wrapped at a number of characters, where a figure fills as
/// much as a 汉字, or at a width, where it fills half as much: a line with a
/// few figures (一要稳面积……53亿斤……) is full either way, one of many figures
/// ((一)2024年1-12月与2023年1-12月……, a short title) no fuller than its
/// width.
fn wrap_len(line: &str) -> usize {
    let ascii = line.bytes().filter(u8::is_ascii).count();
    let few = ascii.min(WRAP_FIGURES);
    line.len() + 2 * few + (ascii - few) / 2
}

/// A line at least this long (bytes, about 1,300 characters) is taken to be
/// text whose line breaks were lost.
pub(crate) const FLATTENED_LINE: usize = 4_000;

/// Flattened lines: the byte ranges of lines that lost their line breaks, at least
/// [`FLATTENED_LINE`] long, or the only line of a text of some length.
pub(crate) fn flattened_lines(src: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut line_start = 0;
    while bytes.len() - line_start >= FLATTENED_LINE {
        // The last line break within reach: every line before it is short.
        let window = &bytes[line_start..line_start + FLATTENED_LINE];
        match memchr::memrchr(b'\n', window) {
            Some(i) => line_start += i + 1,
            None => {
                let end = memchr::memchr(b'\n', &bytes[line_start + FLATTENED_LINE..])
                    .map_or(bytes.len(), |i| line_start + FLATTENED_LINE + i + 1);
                out.push(line_start..end);
                line_start = end;
            }
        }
    }
    if out.is_empty() && src.len() >= SINGLE_LINE {
        let start = blank_prefix(src);
        let trimmed = trim_blank(&src[start..]);
        if trimmed.len() >= SINGLE_LINE && memchr::memchr2(b'\n', b'\r', trimmed.as_bytes()).is_none() {
            out.push(start..src.len());
        }
    }
    out
}

/// From `at`, the start of the first line that is not blank, or `to`.
#[inline]
pub(crate) fn skip_blank_lines(src: &str, at: usize, to: usize) -> usize {
    let rest = &src[at..to];
    let blank = blank_prefix(rest);
    if at + blank == to {
        return to;
    }
    // Back to the start of the line where text resumes: most blank runs
    // are a line break or two, too short to be worth a vector search.
    let head = &rest.as_bytes()[..blank];
    let found = if head.len() < 32 {
        head.iter().rposition(|&b| b == b'\n' || b == b'\r')
    } else {
        memchr::memrchr2(b'\n', b'\r', head)
    };
    found.map_or(at, |i| at + i + 1)
}

/// A text of one line this long (bytes, about 100 characters) lost its breaks.
const SINGLE_LINE: usize = 300;

/// The dashes around a page number: full-width, ASCII, em and en.
fn is_page_dash(c: char) -> bool {
    matches!(c, '－' | '-' | '—' | '–')
}

/// The length of the page number at the start of `s`, as a PDF or a
/// printed 公文 prints it at a page's foot (－ 2 －, - 12 -, —3—): a dash,
/// one to three digits and the same dash, with spaces inside or not.
#[inline]
pub(crate) fn page_number_len(s: &str) -> Option<usize> {
    // Known by its first byte: most text here opens with a 汉字 (E4 to E9).
    if matches!(s.as_bytes().first(), Some(b'-' | 0xE2 | 0xEF)) {
        page_number_after_dash(s)
    } else {
        None
    }
}

/// [`page_number_len`] of `s`, which opens with a byte of a dash.
fn page_number_after_dash(s: &str) -> Option<usize> {
    let dash = s.chars().next().filter(|&c| is_page_dash(c))?;
    let inner = s[dash.len_utf8()..].trim_start_matches(is_inline_space);
    let digits = inner.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let count = inner[..inner.len() - digits.len()].chars().count();
    if !(1..=3).contains(&count) {
        return None;
    }
    let rest = digits.trim_start_matches(is_inline_space).strip_prefix(dash)?;
    Some(s.len() - rest.len())
}

/// `at`, moved back to the nearest char boundary of `src`.
pub(crate) fn floor_char(src: &str, mut at: usize) -> usize {
    at = at.min(src.len());
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `s` without white space or line breaks at either end.
#[inline]
pub(crate) fn trim_blank(s: &str) -> &str {
    let rest = &s[blank_prefix(s)..];
    &rest[..rest.len() - blank_suffix(rest)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_stand_for_line_breaks_only_between_chinese_text() {
        let lost = |s: &str| lost_break_space(s.as_bytes(), s.find(' ').expect("a space"));
        for s in [
            "面临的形势 近年来",
            "持续发力 （一）深化",
            "应急准备 1.完善",
            "工作回顾 2025年是",
            "重点任务  第一，",
            // A table's last cell before a Markdown heading's blanked mark.
            "可办率98     三、重点任务",
        ] {
            assert!(lost(s), "{s}");
        }
        for s in [
            "增长 5.2%",
            "增长 5.%",
            "国内生产总值 (GDP)",
            "国内生产总值 （GDP）",
            "重点项目 200 个",
            "abc 一",
            "2025年 GDP  增长",
        ] {
            assert!(!lost(s), "{s}");
        }
    }

    /// A wrapped text's full lines are looked at only as far back as the
    /// wrap, and a lone carriage return starts a line too.
    #[test]
    fn a_line_past_the_wrap_or_after_a_carriage_return_is_not_full() {
        let line = "各地区各部门要认真贯彻落实中央决策部署，扎实推进各项工作。";
        let wrap = line.len();
        let text = format!("{line}\n{}\r一是a\r", "很".repeat(200));
        assert!(fills_wrap(&text, line.len(), wrap));
        let cr = text.rfind('\r').expect("a carriage return");
        assert!(!fills_wrap(&text, cr, wrap), "一是a is short");
        let long_end = line.len() + 1 + "很".len() * 200;
        assert!(!fills_wrap(&text, long_end, wrap), "a line longer than the wrap");
    }

    #[test]
    fn a_line_end_within_a_limit_is_the_line_end_or_the_limit() {
        let text = "ab\r\n汉\rc\n\n\r\rd";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for limit in 0..=text.len() + 2 {
                let expected = line_end_after_break(text, at).min(limit.max(at)).min(text.len());
                assert_eq!(line_end_within(text, at, limit), expected, "{at} {limit}");
            }
        }
    }

    #[test]
    fn a_line_break_is_skipped_as_its_characters_say() {
        let text = "a\r\n\u{85}汉\u{2028}\r\u{2029}\n\u{2027}\u{a0}\r";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let rest = &text[at..];
            let expected = if rest.starts_with("\r\n") {
                Some(at + 2)
            } else {
                rest.chars()
                    .next()
                    .filter(|&c| is_line_break(c))
                    .map(|c| at + c.len_utf8())
            };
            assert_eq!(skip_line_break(text, at), expected, "{at}");
        }
    }

    #[test]
    fn a_line_ends_after_its_first_break() {
        let text = "ab\r\n汉\rc\n\n\r\r\n\rd\r";
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let rest = &text[at..];
            let expected = match rest.find(['\n', '\r']) {
                Some(i) if rest[i..].starts_with("\r\n") => at + i + 2,
                Some(i) => at + i + 1,
                None => text.len(),
            };
            assert_eq!(line_end_after_break(text, at), expected, "{at}");
        }
    }

    #[test]
    fn every_blank_character_passes_the_byte_tests() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_blank_char(c))
        {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(may_start_blank(bytes[0]), "{c:?}");
            assert!(may_end_blank(bytes[bytes.len() - 1]), "{c:?}");
        }
    }

    #[test]
    fn blank_runs_agree_with_trimming_by_characters() {
        let pieces = [
            "", " ", "\n", "\r\n", "\t", "\u{3000}", "\u{a0}", "\u{2028}", "\u{85}", "a", "汉", "\u{feff}",
            "\u{200b}", "\u{2029}", "、", "。", "…", "©", "ｈ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for n in [1, 7, 17, 40] {
                        let s = format!("{}{b}{}", a.repeat(n), c.repeat(n));
                        let by_char = |s: &str| s.trim_start_matches(is_blank_char).len();
                        assert_eq!(blank_prefix(&s), s.len() - by_char(&s), "{s:?}");
                        assert_eq!(
                            blank_suffix(&s),
                            s.len() - s.trim_end_matches(is_blank_char).len(),
                            "{s:?}"
                        );
                        assert_eq!(trim_blank(&s), s.trim_matches(is_blank_char), "{s:?}");
                        assert_eq!(is_blank(&s), s.chars().all(is_blank_char), "{s:?}");
                    }
                }
            }
        }
    }
}
