//! The second pass: find candidate markers.
//!
//! A marker may stand at the start of a line (after indentation), or after a
//! sentence boundary (。！？；： and their half-width forms, optionally followed
//! by a closing quote and white space). A point that continues its
//! enumeration may also stand after a comma. Whether a candidate is real is
//! decided by `build`, from the sequence it belongs to.

use super::bytes::{ByteClass, SCAN_STOP};
use super::marker::{RawMarker, Reader, may_start_marker};
use super::text::{
    is_boundary, is_closer, is_comma, is_han, is_inline_space, is_line_break, lost_break_space,
    page_number_len,
};
use crate::ast::MarkerStyle;

/// Where a candidate stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    /// At the start of a line, after indentation.
    LineStart,
    /// After a sentence boundary within a line.
    RunIn,
    /// After a comma: only good for a continuing point.
    AfterComma,
    /// Right after other text, with no boundary (a heading whose line break
    /// was lost: "……总体要求（一）指导思想"). Looked for here: bracketed
    /// ordinals and 1. (scan), statute units (`add_glued_units`, or after a
    /// space left for a line break) and the first point of a list glued to
    /// its heading (`add_glued_first_points`); each must belong to a
    /// sequence.
    Glued,
}

/// A marker read at a position where markers may stand. Eight bytes:
/// hostile text has millions, one every few bytes. The marker's style,
/// its position and whether it is 最后 share one byte.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    /// Where the marker starts: markers are looked for in the first 4 GiB
    /// of a text (their offsets are kept in 32 bits); beyond, the text is
    /// plain text.
    at: u32,
    value: u16,
    len: u8,
    /// The style's index in [`MarkerStyle::ALL`] (five bits), the
    /// position (two bits) and [`RawMarker::last`] (the top bit).
    tag: u8,
}

const _: () = assert!(std::mem::size_of::<Candidate>() == 8);
const _: () = assert!(
    MarkerStyle::ALL.len() <= 32,
    "a marker style's index needs more than five bits"
);

/// The positions by their two bits in [`Candidate::tag`].
const POSITIONS: [Position; 4] = [
    Position::LineStart,
    Position::RunIn,
    Position::AfterComma,
    Position::Glued,
];

impl Candidate {
    /// A marker read at `start`, if that is within the first 4 GiB.
    fn new(start: usize, raw: RawMarker, position: Position) -> Option<Self> {
        Some(Candidate {
            at: u32::try_from(start).ok()?,
            value: raw.value,
            len: raw.len,
            tag: raw.style as u8 | (position as u8) << 5 | u8::from(raw.last) << 7,
        })
    }

    /// The marker read.
    #[inline]
    pub fn raw(&self) -> RawMarker {
        RawMarker {
            value: self.value,
            len: self.len,
            style: MarkerStyle::ALL[usize::from(self.tag & 31)],
            last: self.tag & 128 != 0,
        }
    }

    /// Where the marker stands.
    #[inline]
    pub fn position(&self) -> Position {
        POSITIONS[usize::from(self.tag >> 5 & 3)]
    }

    /// Where the marker starts.
    pub fn start(&self) -> usize {
        self.at as usize
    }

    /// Where the marker ends.
    pub fn end(&self) -> usize {
        self.start() + usize::from(self.len)
    }

    /// The marker's value.
    pub fn value(&self) -> u32 {
        u32::from(self.value)
    }
}

/// Whether `c` after `prev` may start a glued marker: a bracket or a digit
/// right after a 汉字.
fn glued_start(prev: char, c: char) -> bool {
    let han = is_han(prev);
    // Not a reference (见（二）, 第3.) or a range (至3.).
    let bracket =
        matches!(c, '（' | '(') && !matches!(prev, '第' | '见' | '和' | '及' | '或' | '至' | '按' | '依');
    let digit = (c.is_ascii_digit() || ('１'..='９').contains(&c))
        && !matches!(prev, '第' | '和' | '及' | '或' | '至');
    han && (bracket || digit)
}

/// Whether `c` may start a glued marker after some character: a bracket or a
/// digit (see [`glued_start`]).
fn may_glue(c: char) -> bool {
    matches!(c, '（' | '(' | '0'..='9' | '１'..='９')
}

/// Whether the character at `i` of running text, whose first byte is
/// [`is_interesting`], may end the run ([`boundary_after`]) or start a glued
/// marker: a test of its bytes before decoding it. Of the characters led by
/// E2 and E3 only … 。 the ideographic space and the line separators can
/// (not 、 “ ” 《 》, which are frequent); of those led by EF only ！（，／１–９：；？ (not ） ．).
fn may_end_run(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xE2 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA6 | 0xA8 | 0xA9])),
        0xE3 => matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x82 | 0x80])),
        0xEF => matches!(
            bytes.get(i + 1..i + 3),
            Some([0xBC, 0x81 | 0x88 | 0x8C | 0x8F | 0x91..=0x9B | 0x9F])
        ),
        _ => true,
    }
}

/// Whether the character before `i` may be a 汉字 (U+4E00 to U+9FFF, led by
/// the bytes E4 to E9): only then can a marker at `i` be glued to it.
fn after_han(bytes: &[u8], i: usize) -> bool {
    i >= 3 && (0xE4..=0xE9).contains(&bytes[i - 3])
}

/// Bytes that may change where a marker can stand: line breaks, sentence
/// boundaries and commas in both widths, brackets and digits (glued markers),
/// the slash of a photo credit, the space (a stop only where it stands for a
/// lost line break, [`lost_break_space`]); and the lead bytes of U+0085, of general
/// punctuation and circled numbers (…, U+2028), of CJK punctuation (。) and of
/// full-width forms (！？；：，（１). Every other byte (汉字, letters, UTF-8
/// continuation bytes) is skipped without decoding.
const fn is_interesting(b: u8) -> bool {
    matches!(
        b,
        b'\n' | b'\r' | b' ' | b'!' | b'?' | b';' | b':' | b',' | b'(' | b'/' | b'0'
            ..=b'9' | 0xC2 | 0xE2 | 0xE3 | 0xEF
    )
}

/// Whether the byte at `i` is a place `next_place` must look at: an
/// [`is_interesting`] byte that, if it leads a character, leads one that
/// [`may_end_run`]; a digit or bracket ([`glues_alone`]) only after a 汉字;
/// a space only where it stands for a lost line break; not a boundary that
/// [`leads_nowhere`].
fn is_stop(bytes: &[u8], i: usize) -> bool {
    // The most frequent case first.
    !leads_nowhere(bytes, i)
        && is_interesting(bytes[i])
        && may_end_run(bytes, i)
        && (!glues_alone(bytes, i) || after_han(bytes, i))
        && (bytes[i] != b' ' || lost_break_space(bytes, i))
}

/// Whether the character at `i` is an ASCII digit or a bracket (either
/// width): a stop only after a 汉字 (elsewhere it glues to nothing, and the
/// other digits of a number follow a digit).
fn glues_alone(bytes: &[u8], i: usize) -> bool {
    matches!(bytes[i..], [b'0'..=b'9' | b'(', ..] | [0xEF, 0xBC, 0x88, ..])
}

/// Whether the character at `i` is a comma, a sentence boundary (not …) or
/// a line break whose place (the character after it) no marker can take: a
/// 汉字 that cannot start one, or, after the comma or boundary, a line
/// break (which is a stop of its own). [`next_place`] would look at that place and move
/// on; most stops of running text are these, so they are known here by
/// their bytes.
fn leads_nowhere(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i..) {
        // ，！？；： and 。 in full width, , ! ? ; : in ASCII (mixed-width
        // text has as many of these).
        Some(
            [0xEF, 0xBC, 0x8C | 0x81 | 0x9F | 0x9B | 0x9A, next @ ..]
            | [0xE3, 0x80, 0x82, next @ ..]
            | [b',' | b'!' | b'?' | b';' | b':', next @ ..],
        ) => matches!(next.first(), Some(b'\n' | b'\r')) || plain_han(next),
        Some([b'\n', next @ ..]) => plain_han(next),
        _ => false,
    }
}

/// Whether `bytes` start with a 汉字 (led by E4 to E9: U+4000 to U+9FFF)
/// that cannot start a marker, nor is white space or a closing quote.
fn plain_han(bytes: &[u8]) -> bool {
    match *bytes {
        [lead @ 0xE4..=0xE9, b1, b2, ..] => {
            let code = (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            char::from_u32(code).is_some_and(|c| !may_start_marker(c))
        }
        _ => false,
    }
}

/// The [`is_stop`] bytes of a text, found 64 at a time: each block of 64
/// bytes becomes one bit mask of the bytes that may stop ([`SCAN_STOP`]),
/// each then checked by [`is_stop`]. Runs of 汉字 are passed over without
/// a branch per character.
struct Stops<'a> {
    bytes: &'a [u8],
    /// The start of the block `bits` describes.
    block: usize,
    /// The bytes of the block that may stop, not yet passed.
    bits: u64,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        let mut stops = Stops {
            bytes,
            block: 0,
            bits: 0,
        };
        stops.load(0);
        stops
    }

    /// Describe the block that starts at `block`.
    fn load(&mut self, block: usize) {
        self.block = block;
        self.bits = (0..4).fold(0, |bits, n| {
            bits | u64::from(SCAN_STOP.block(self.bytes, block + 16 * n)) << (16 * n)
        });
    }

    /// The first interesting byte at `i` or after, or the text's length.
    fn next_from(&mut self, i: usize) -> usize {
        if !(self.block..self.block + 64).contains(&i) {
            self.load(i & !63);
        }
        // Forget the bytes before `i`.
        let mut bits = self.bits & u64::MAX.checked_shl((i - self.block) as u32).unwrap_or(0);
        loop {
            while bits != 0 {
                let at = self.block + bits.trailing_zeros() as usize;
                if is_stop(self.bytes, at) {
                    self.bits = bits;
                    return at;
                }
                bits &= bits - 1;
            }
            if self.block + 64 >= self.bytes.len() {
                self.bits = 0;
                return self.bytes.len();
            }
            self.load(self.block + 64);
            bits = self.bits;
        }
    }
}

/// The index of the first [`is_stop`] byte of `bytes` from `i`, or
/// `bytes.len()`.
#[cfg(test)]
fn first_stop(bytes: &[u8], i: usize) -> usize {
    Stops::new(bytes).next_from(i)
}

/// All candidates in `text`, in order.
pub(crate) fn candidates(text: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut stops = Stops::new(text.as_bytes());
    let mut reader = Reader::default();
    let mut place = Some((0, Position::LineStart));
    while let Some((mut i, mut pos)) = place {
        // At a place where a marker may stand: pass over white space (and
        // closing quotes after a boundary), then read a marker.
        place = loop {
            let Some(c) = text[i..].chars().next() else {
                break None;
            };
            if matches!(c, '\n' | '\r') {
                (i, pos) = (after_breaks(text.as_bytes(), i), Position::LineStart);
                continue;
            }
            if is_inline_space(c) || (is_closer(c) && pos != Position::LineStart) {
                i += c.len_utf8();
                continue;
            }
            // A page number between pages (……。－ 2 －二、……) is passed over.
            if let Some(n) = page_number_len(&text[i..]) {
                i += n;
                continue;
            }
            if may_start_marker(c)
                && let Some(raw) = reader.read(text, i)
                && !(pos == Position::Glued && closes_bracket(text, i, &raw))
                && let Some(pos) = unit_position(text, i, &raw, pos)
            {
                let Some(cand) = Candidate::new(i, raw, pos) else {
                    // Past the first 4 GiB: no more markers.
                    break None;
                };
                out.push(cand);
                // A marker that ends in a comma or a boundary (最后，) may be
                // followed by another (最后，第四，).
                let end = cand.end();
                let after_marker = if text.as_bytes()[..end].ends_with("，".as_bytes()) {
                    // The usual end (第一，一是，): known by its bytes.
                    Some((end, Position::AfterComma))
                } else {
                    let last = text[..end].chars().next_back().unwrap_or(c);
                    boundary_after(text, end, last)
                };
                break after_marker.or_else(|| next_place(text, &mut stops, end));
            }
            // A note in brackets after a sentence is part of it (……。（省民
            // 政厅负责）（二）……): a marker may stand after it.
            if matches!(c, '（' | '(')
                && let Some(close) = note_end(text, i)
            {
                i = close;
                continue;
            }
            let after = i + c.len_utf8();
            match boundary_after(text, after, c) {
                Some((next, p)) => (i, pos) = (next, p),
                None => break next_place(text, &mut stops, after),
            }
        };
    }
    add_glued_units(text, &mut out);
    add_glued_first_points(text, &mut out);
    add_glued_sentence_points(text, &mut out);
    add_glued_first_headings(text, &mut out);
    out
}

/// How many characters before a glued `1）` [`closes_bracket`] reads.
const BRACKET_REACH: usize = 20;

/// Whether the glued marker `raw` at `at` ends with the bracket that closes
/// one opened before it in its sentence (（见附件1）逐项……): a reference in
/// brackets, not a marker.
fn closes_bracket(text: &str, at: usize, raw: &RawMarker) -> bool {
    let marker = &text[at..at + usize::from(raw.len)];
    if !marker.ends_with(['）', ')']) {
        return false;
    }
    for c in text[..at].chars().rev().take(BRACKET_REACH) {
        match c {
            '（' | '(' => return true,
            '）' | ')' | '。' | '！' | '？' | '；' | '\n' | '\r' => return false,
            _ => {}
        }
    }
    false
}

/// The most characters inside a note in brackets that [`note_end`] reads.
const NOTE_CHARS: usize = 80;

/// Where a note in brackets opening at `at` ends (past its closing
/// bracket): a bracket closed within [`NOTE_CHARS`] characters, with no
/// bracket, sentence end or line break inside.
fn note_end(text: &str, at: usize) -> Option<usize> {
    let mut chars = text[at..].char_indices().skip(1);
    for (j, c) in chars.by_ref().take(NOTE_CHARS + 1) {
        match c {
            '）' | ')' => return (j > 3).then_some(at + j + c.len_utf8()),
            '（' | '(' | '。' | '！' | '？' | '\n' | '\r' => return None,
            _ => {}
        }
    }
    None
}

/// The first heading of a list glued to the title of the heading before
/// it, where the line break between them was lost (第二部分　总体要求和
/// 主要目标一、总体要求……。二、主要预期目标……): an 一、 glued to a 汉字 in
/// the heading's own words (before their first sentence end), where the
/// next candidate of its style is its second item, and no candidate of the
/// heading's own style comes first. It joins the candidates as
/// [`Position::Glued`]; `build` keeps it when that second item follows.
fn add_glued_first_headings(text: &str, out: &mut Vec<Candidate>) {
    let mut glued = Vec::new();
    let mut reader = Reader::default();
    for (i, heading) in out.iter().enumerate() {
        let style = heading.raw().style;
        if !style.is_heading() || style == MarkerStyle::Dun || heading.position() == Position::Glued {
            continue;
        }
        // The next 一、-style candidate, before the heading's next sibling.
        let Some(second) = out[i + 1..]
            .iter()
            .take_while(|c| c.raw().style != style)
            .find(|c| c.raw().style == MarkerStyle::Dun)
        else {
            continue;
        };
        if second.value() != 2 {
            continue;
        }
        glued.extend(glued_first(text, &mut reader, heading.end(), second, |c| {
            c == '一'
        }));
    }
    if glued.is_empty() {
        return;
    }
    out.extend(glued);
    out.sort_by_key(Candidate::start);
}

/// The first point of a list glued to the heading before it, where the line
/// break between them was lost (二、扎实推进各项任务落地见效一要抓产业发展。
/// 要……。二要……): a point of value 1 in the heading's own words, before
/// their first sentence end, glued to a 汉字, whose second item is the next
/// point candidate. It joins the candidates as [`Position::Glued`]; `build`
/// keeps it when that second item follows, and the heading ends before it.
fn add_glued_first_points(text: &str, out: &mut Vec<Candidate>) {
    let mut glued = Vec::new();
    let mut reader = Reader::default();
    let mut i = 0;
    while i < out.len() {
        let heading = out[i];
        i += 1;
        if !heading.raw().style.is_heading() || heading.position() == Position::Glued {
            continue;
        }
        // The next point of value 2 before any heading, with no first item
        // of its own (a later heading looks from itself: each stretch of
        // text is read once).
        let mut second = None;
        while let Some(c) = out.get(i) {
            if c.raw().style.is_heading() {
                break;
            }
            i += 1;
            if c.value() == 1 {
                break;
            }
            if c.value() == 2 {
                second = Some(*c);
                break;
            }
        }
        let Some(second) = second else {
            continue;
        };
        glued.extend(glued_first(text, &mut reader, heading.end(), &second, |c| {
            matches!(c, '一' | '首' | '第' | '其')
        }));
    }
    if glued.is_empty() {
        return;
    }
    out.extend(glued);
    out.sort_by_key(Candidate::start);
}

/// How far back (bytes) from a list's second item the sentence that
/// holds its glued first item is read.
const SENTENCE_REACH: usize = 300;

/// The first point of a list glued to the subject of its sentence, where
/// the second follows a comma in that sentence (下半年，我们一要稳住……，
/// 二要扩大……): read as [`add_glued_first_points`] does, from the
/// sentence's start (its last boundary or line break, within
/// [`SENTENCE_REACH`]) or the candidate before, when that is not the
/// list's own first item. Each stretch of text is read once: between two
/// candidates.
fn add_glued_sentence_points(text: &str, out: &mut Vec<Candidate>) {
    let mut glued = Vec::new();
    let mut reader = Reader::default();
    for (i, second) in out.iter().enumerate() {
        if second.raw().style.is_heading() || second.value() != 2 || second.position() != Position::AfterComma
        {
            continue;
        }
        let before = i.checked_sub(1).map(|p| &out[p]);
        if before.is_some_and(|p| p.raw().style == second.raw().style && p.value() == 1) {
            continue;
        }
        let floor = second
            .start()
            .saturating_sub(SENTENCE_REACH)
            .max(before.map_or(0, Candidate::end));
        let floor = super::text::floor_char(text, floor);
        let from = text[floor..second.start()]
            .rfind(|c| is_boundary(c) || is_line_break(c))
            .map_or(floor, |at| {
                floor + at + text[floor + at..].chars().next().map_or(1, char::len_utf8)
            });
        glued.extend(glued_first(text, &mut reader, from, second, |c| c == '一'));
    }
    if glued.is_empty() {
        return;
    }
    out.extend(glued);
    out.sort_by_key(Candidate::start);
}

/// The first item of `second`'s list glued to a 汉字 in the words from
/// `from` (a heading's end or a sentence's start) up to their first
/// sentence end before `second`, not after a 汉字 that makes a word with
/// 一 (统一, 唯一): read where a character `leads` a marker of `second`'s
/// style and value 1.
fn glued_first(
    text: &str,
    reader: &mut Reader,
    from: usize,
    second: &Candidate,
    leads: impl Fn(char) -> bool,
) -> Option<Candidate> {
    let words = text.get(from..second.start())?;
    let words = &words[..words
        .find(|c| is_boundary(c) || is_line_break(c))
        .unwrap_or(words.len())];
    let mut prev = None;
    for (at, c) in words.char_indices() {
        let glued_to_word = prev.is_some_and(|p| is_han(p) && !forms_word_with_one(p));
        prev = Some(c);
        if !(glued_to_word && leads(c)) {
            continue;
        }
        let start = from + at;
        if let Some(raw) = reader.read(text, start)
            && raw.style == second.raw().style
            && raw.value == 1
            && !raw.last
        {
            return Candidate::new(start, raw, Position::Glued);
        }
    }
    None
}

/// 汉字 that make a word with a following 一 (统一 唯一 进一步 之一), after
/// which 一要 or 一是 is no glued point.
fn forms_word_with_one(c: char) -> bool {
    matches!(
        c,
        '统' | '唯'
            | '同'
            | '单'
            | '划'
            | '逐'
            | '进'
            | '第'
            | '之'
            | '专'
            | '万'
            | '整'
            | '归'
            | '其'
            | '每'
            | '任'
            | '这'
            | '那'
            | '某'
            | '另'
            | '不'
            | '又'
            | '再'
            | '数'
            | '如'
            | '合'
            | '齐'
            | '纯'
            | '均'
            | '初'
            | '择'
            | '星'
            | '周'
            | '年'
            | '月'
            | '个'
    )
}

/// Where a marker read at `at` stands: a statute's unit after a space left
/// for a lost line break (……总则 第一条 为了……; see [`lost_break_space`])
/// stands as a unit glued to the text does ([`add_glued_units`]), and is no
/// unit at all where it reads as a reference: after a word that names a law
/// (违反本条例 第十二条规定的), or not followed by the space before its text
/// (依照本法 第三章规定).
fn unit_position(text: &str, at: usize, raw: &RawMarker, pos: Position) -> Option<Position> {
    if raw.style.is_statute_unit() && names_clause(&text[at + usize::from(raw.len)..], raw.style) {
        return None;
    }
    if pos != Position::RunIn || !raw.style.is_statute_unit() {
        return Some(pos);
    }
    let before = text[..at].trim_end_matches(' ');
    let prev = before.chars().next_back();
    if before.len() == at || !prev.is_some_and(is_han) {
        return Some(pos);
    }
    let spaced = text[at + usize::from(raw.len)..].starts_with(is_inline_space);
    (spaced && prev.is_some_and(|p| unit_after(raw.style, p))).then_some(Position::Glued)
}

/// What follows a unit that a sentence refers to (第二条规定的, 第五条所称):
/// no unit's text opens so.
const REFERRING: [&str; 6] = ["规定", "所称", "所列", "所指", "的规定", "之规定"];

/// Whether `rest`, what follows a statute's unit, names a paragraph or an
/// item of it (第十二条第一款所列, 第五条第（二）项) or goes on as a
/// reference does ([`REFERRING`]): the unit is a reference, wherever it
/// stands; so does an article followed by 、 and the next (第三条、第四条;
/// not 第一条、为了……, an article written with 、).
fn names_clause(rest: &str, style: MarkerStyle) -> bool {
    let listed = rest.strip_prefix('、').is_some_and(|next| next.starts_with('第'));
    if REFERRING.iter().any(|w| rest.starts_with(w)) || (style == MarkerStyle::Article && listed) {
        return true;
    }
    let Some(number) = rest.strip_prefix('第') else {
        return false;
    };
    let after = number.trim_start_matches(|c: char| {
        c.is_ascii_digit()
            || crate::numerals::digit(c).is_some()
            || matches!(c, '十' | '百' | '（' | '）' | '(' | ')')
    });
    after.len() < number.len() && after.starts_with(['款', '项'])
}

/// Whether a unit of `style` read after `prev` (glued to it, or after a
/// space) is a unit and not a reference: articles are what references
/// name (本法第十条); a chapter or a book glued to a title that names the
/// text (……条例第一章, ……法典第一编) is no reference.
fn unit_after(style: crate::ast::MarkerStyle, prev: char) -> bool {
    use crate::ast::MarkerStyle as S;
    match style {
        S::Article => !refers_before(prev),
        // A 编 glued to the code's name (……法典第一编　总则) as a chapter is;
        // a reference to one runs on (本法典第一编规定) and is dropped
        // below.
        S::Book | S::SubBook | S::Chapter | S::ChapterSection | S::Part => true,
        _ => false,
    }
}

/// Characters after which 第X条 is a reference, not a marker:
/// 依照本法第十条, 前款第三条, 第二条、第三条, 至第五条.
fn refers_before(c: char) -> bool {
    matches!(
        c,
        '法' | '例'
            | '款'
            | '项'
            | '照'
            | '据'
            | '按'
            | '见'
            | '和'
            | '及'
            | '或'
            | '至'
            | '、'
            | '与'
            | '同'
            | '本'
            | '即'
            | '经'
            | '由'
            | '在'
            | '于'
            | '从'
            | '自'
            | '的'
            | '第'
            | '称'
            | '列'
            | '述'
            | '将'
            | '把'
            | '对'
            | '是'
            | '《'
            | '“'
            | '"'
    )
}

/// Units of a statute glued to the text before them where the line breaks
/// were lost (第一章 总则第一条 为了……): 第X章, 第X节, 第X条 and 第X部分 not
/// already candidates, after a 汉字 or a space that is not a reference's
/// lead (or a closing bracket), and followed by the space before their text.
/// They join the candidates as [`Position::Glued`]; `build` keeps those
/// that continue their sequence.
fn add_glued_units(text: &str, out: &mut Vec<Candidate>) {
    use crate::ast::MarkerStyle as S;
    // Only a text with units of its own, at line starts or after sentence
    // ends, is a statute: elsewhere (speeches, 第一， repeated) nothing is read.
    if !out.iter().any(|c| {
        matches!(
            c.raw().style,
            S::Book | S::SubBook | S::Chapter | S::ChapterSection | S::Article | S::Part
        )
    }) {
        return;
    }
    static DI: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("第"));
    let mut glued = Vec::new();
    let mut reader = Reader::default();
    let mut known = out.iter().copied().peekable();
    // The candidate before `at`, found or glued.
    let mut before: Option<Candidate> = None;
    for at in DI.find_iter(text.as_bytes()) {
        while let Some(k) = known.next_if(|k| k.start() < at) {
            before = Some(k);
        }
        if known.peek().is_some_and(|k| k.start() == at) {
            continue;
        }
        let Some(prev) = text[..at].chars().next_back() else {
            continue;
        };
        let han = is_han(prev);
        // After a closing bracket: a note glued to the title (……条例（2024年
        // ……通过）第一章　总则), taken only with the space after the unit.
        let bracket = matches!(prev, '）' | ')');
        if !(han || bracket || is_inline_space(prev)) {
            continue;
        }
        let Some(raw) = reader.read(text, at) else {
            continue;
        };
        // Articles are what references name (本法第十条); a chapter glued
        // to a title that names the text (……条例第一章) is no reference.
        if !unit_after(raw.style, prev) {
            continue;
        }
        // A unit is mostly followed by the space before its text (第一条　为了),
        // and a reference runs on (第三条规定, 第四章已经): a unit glued on
        // both sides is one only right after the short title of a larger
        // unit (总则第一条为了).
        let Some(c) = Candidate::new(at, raw, Position::Glued) else {
            continue;
        };
        let spaced = text[c.end()..].starts_with(is_inline_space);
        if spaced || (!bracket && before.is_some_and(|b| titled_by(text, &b, &c))) {
            glued.push(c);
            before = Some(c);
        }
    }
    if glued.is_empty() {
        return;
    }
    out.extend(glued);
    out.sort_by_key(Candidate::start);
}

/// After the run of `\n` and `\r` at `i`: a run of blank lines, where only
/// the last break starts a line at which a marker may stand.
fn after_breaks(bytes: &[u8], i: usize) -> usize {
    i + bytes[i..]
        .iter()
        .take_while(|b| matches!(b, b'\n' | b'\r'))
        .count()
}

/// When `c`, ending at `after`, lets a marker stand after it: where, and how.
#[inline(always)]
fn boundary_after(text: &str, after: usize, c: char) -> Option<(usize, Position)> {
    if is_line_break(c) {
        Some((after, Position::LineStart))
    } else if is_boundary(c) {
        Some((after, Position::RunIn))
    } else if is_comma(c) {
        Some((after, Position::AfterComma))
    } else if c == '\u{3000}' || (c == ' ' && lost_break_space(text.as_bytes(), after - 1)) {
        // An ideographic space inside a line is a paragraph's indentation
        // left where the line breaks were lost ("……问题　　第一，……"), and
        // so is one space between words of Chinese ("……发力 （一）……").
        Some((after, Position::RunIn))
    } else if matches!(c, '/' | '／') && text[after..].starts_with('摄') {
        // A news photo's credit (新华社记者 X/摄) ends its caption.
        Some((after + '摄'.len_utf8(), Position::RunIn))
    } else {
        None
    }
}

/// Whether the character at `at`, a place at `pos`, may start a marker or
/// the white space and closing quotes that `candidates` passes over first.
/// When it may not, the place is of no use: `candidates` would only move on.
fn may_follow(text: &str, at: usize, pos: Position) -> bool {
    text[at..].chars().next().is_some_and(|c| {
        is_inline_space(c)
            || (is_closer(c) && pos != Position::LineStart)
            || may_start_marker(c)
            || page_number_len(&text[at..]).is_some()
    })
}

/// From `i` in running text, the next place where a marker may stand: after
/// a line break, a boundary or a comma, or a glued marker's first character.
fn next_place(text: &str, stops: &mut Stops<'_>, mut i: usize) -> Option<(usize, Position)> {
    let bytes = text.as_bytes();
    loop {
        // Interesting bytes are ASCII or lead bytes, so `i` stays on a char
        // boundary.
        i = stops.next_from(i);
        // The most frequent stops, known by their bytes (， 。 and \n), and
        // the other characters through their classes.
        let (c, boundary) = match bytes.get(i..)? {
            [b'\n', ..] => ('\n', Some((after_breaks(bytes, i), Position::LineStart))),
            [0xEF, 0xBC, 0x8C, ..] => ('，', Some((i + 3, Position::AfterComma))),
            [0xE3, 0x80, 0x82, ..] => ('。', Some((i + 3, Position::RunIn))),
            _ => {
                let c = text[i..].chars().next()?;
                (c, boundary_after(text, i + c.len_utf8(), c))
            }
        };
        let after = i + c.len_utf8();
        if let Some((at, pos)) = boundary {
            // Most boundaries are followed by plain text: stop only where
            // a marker may follow.
            if may_follow(text, at, pos) {
                return Some((at, pos));
            }
            i = at;
            continue;
        }
        // A bracket or a digit right after a word: a marker glued to the
        // heading before it, where line breaks were lost.
        if may_glue(c) && after_han(bytes, i) && glued_start(text[..i].chars().next_back().unwrap_or('\n'), c)
        {
            return Some((i, Position::Glued));
        }
        i = after;
    }
}

/// How long (in chars) the title of a statute's unit may be.
const UNIT_TITLE_CHARS: usize = 30;

/// Whether `title` reads as the title of a statute's unit (总则, 民事权利
///能力): short, with no sentence or clause in it.
pub(crate) fn is_unit_title(title: &str) -> bool {
    let title = title.trim_matches(|c: char| c.is_whitespace());
    !title.is_empty()
        && title.chars().count() <= UNIT_TITLE_CHARS
        && !title.contains(|c: char| is_boundary(c) || is_comma(c) || is_line_break(c))
}

/// Whether statute unit `c` follows `outer` (a candidate) with nothing but
/// `outer`'s short title between them (自然人第一节).
pub(crate) fn titled_by(src: &str, outer: &Candidate, c: &Candidate) -> bool {
    unit_title(src, outer.raw().style, outer.end(), c)
}

/// Whether the text from `from` to statute unit `c` is the title of a unit
/// of style `outer` that holds `c`'s kind.
pub(crate) fn unit_title(src: &str, outer: crate::ast::MarkerStyle, from: usize, c: &Candidate) -> bool {
    outer.is_statute_unit()
        && c.raw().style.is_statute_unit()
        && outer.standard_rank() < c.raw().style.standard_rank()
        && src.get(from..c.start()).is_some_and(is_unit_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-level shortcuts agree with the character classes: every
    /// character that can end a run of text or start a glued marker has an
    /// interesting first byte and passes `may_end_run`.
    #[test]
    fn byte_shortcuts_keep_every_character_that_matters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let matters =
                is_line_break(c) || is_boundary(c) || is_comma(c) || may_glue(c) || c == '/' || c == '／';
            if matters {
                let mut buf = [0; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                assert!(is_interesting(bytes[0]), "{c:?} has a skipped first byte");
                assert!(may_end_run(bytes, 0), "{c:?} is skipped by may_end_run");
            }
        }
    }

    /// A stop passed by [`leads_nowhere`] is one whose place `next_place`
    /// would reject: no marker, white space or closing quote follows it.
    #[test]
    fn stops_that_lead_nowhere_are_places_no_marker_can_take() {
        let after = ('\u{4000}'..='\u{9fff}').chain(['\n', '\r', '一', '　', '”', '（', '1', 'a']);
        for c in after {
            for (stop, pos) in [
                ("，", Position::AfterComma),
                (",", Position::AfterComma),
                ("。", Position::RunIn),
                ("！", Position::RunIn),
                ("？", Position::RunIn),
                ("；", Position::RunIn),
                ("：", Position::RunIn),
                ("!", Position::RunIn),
                ("?", Position::RunIn),
                (";", Position::RunIn),
                (":", Position::RunIn),
                ("\n", Position::LineStart),
            ] {
                let text = format!("{stop}{c}");
                let first = stop.chars().next().unwrap_or('\n');
                assert_eq!(boundary_after(&text, stop.len(), first), Some((stop.len(), pos)));
                if leads_nowhere(text.as_bytes(), 0) {
                    assert!(!may_follow(&text, stop.len(), pos), "{text:?}");
                }
            }
        }
        // A run of line breaks is passed by `after_breaks`, not here.
        for text in [
            "，一", "。第", "\n其", "，　", "。”", "\n（", "\n\n", "\n\r", ",一", ":1", "；”", "…全",
        ] {
            assert!(!leads_nowhere(text.as_bytes(), 0), "{text:?}");
        }
        for text in ["，全", "。\n", "，\r\n", "\n我", ",全", "：我", ";\n"] {
            assert!(leads_nowhere(text.as_bytes(), 0), "{text:?}");
        }
    }

    #[test]
    fn every_han_character_is_led_by_e4_to_e9() {
        for c in '\u{4e00}'..='\u{9fff}' {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert!(after_han(&[bytes, b"x"].concat(), 3), "{c}");
        }
    }

    #[test]
    fn the_frequent_stops_known_by_their_bytes_are_what_their_classes_say() {
        for (c, pos) in [
            ('\n', Position::LineStart),
            ('，', Position::AfterComma),
            ('。', Position::RunIn),
        ] {
            let text = format!("{c}x");
            assert_eq!(boundary_after(&text, c.len_utf8(), c), Some((c.len_utf8(), pos)));
        }
    }

    #[test]
    fn the_vector_search_finds_what_a_byte_loop_finds() {
        let text = "一、总体要求。 我们要坚持，稳中求进（2025年）“工作”…\r\n附件：①３．第一条ab;c《》　\u{2028}\u{85}—、。要求1.和(2)a3(4)12。（一）a（b（（、1龥2ꀀ3丂4㐀5/0:9".repeat(5);
        let bytes = text.as_bytes();
        let mut stops = Stops::new(bytes);
        for i in 0..=bytes.len() {
            let expected = (i..bytes.len())
                .find(|&k| is_stop(bytes, k))
                .unwrap_or(bytes.len());
            assert_eq!(first_stop(bytes, i), expected, "from {i}");
            // The same, asked of one searcher in order, and again.
            assert_eq!(stops.next_from(i), expected, "from {i}, in order");
            assert_eq!(stops.next_from(i), expected, "from {i}, again");
        }
        // Asked for an earlier place, it starts over.
        assert_eq!(stops.next_from(0), first_stop(bytes, 0));
    }

    #[test]
    fn words_with_and_without_interesting_bytes() {
        let text = "我们要坚持稳中求进工作总基调，全面深化改革。".repeat(3);
        let bytes = text.as_bytes();
        // The commas and full stops before plain 汉字 are passed over: the
        // first stop is the last full stop, before the end of the text.
        assert_eq!(first_stop(bytes, 0), bytes.len() - "。".len());
        let text = "我们要坚持稳中求进工作总基调，一是全面深化改革。";
        let first = first_stop(text.as_bytes(), 0);
        assert_eq!(&text[first..first + 3], "，");
        assert_eq!(first_stop(b"abcdefghijklmnop", 0), 16);
        assert_eq!(first_stop(b"abcdefghijk\nmnop", 0), 11);
    }

    /// A statute whose line breaks were lost keeps the outline it has with
    /// them; references to articles stay text.
    #[test]
    fn flattened_statutes_keep_their_units() {
        let broken = "第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 专门委员会是常设机构。\n第三条 依照本法第十条第二款的规定执行，第三条规定的期限除外。\n第二章 机构\n第四条 委员会由主任组成。\n第五条 依照第四条 确定人选。\n";
        let flat: String = broken.chars().filter(|&c| c != '\n').collect();
        let want = "第一章\t总则\n  第一条\t为了规范管理，制定本条例\n  第二条\t专门委员会是常设机构\n  第三条\t依照本法第十条第二款的规定执行，第三条规定的期限除外\n第二章\t机构\n  第四条\t委员会由主任组成\n  第五条\t依照第四条 确定人选\n";
        assert_eq!(crate::outline(&crate::parse(broken)), want);
        assert_eq!(crate::outline(&crate::parse(&flat)), want);
        // Titled, with the chapter glued to the title.
        let titled = format!("某某条例{flat}");
        assert!(crate::outline(&crate::parse(&titled)).ends_with(want));
    }
}
