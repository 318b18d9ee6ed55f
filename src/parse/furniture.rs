//! Pass 0: the speech's furniture — page boilerplate, title, subtitle,
//! date and speaker lines, salutation — at the front, and the closing.
//!
//! The front is read up to the salutation (同志们： 各位代表：) when there is
//! one near the top. A title is a line that names a speech or document
//! (……的讲话, 政府工作报告, ……的意见); lines before it are page boilerplate.
//! Text whose line breaks were lost is cut at the same words.

use super::text::{is_blank, is_inline_space, is_line_break};
use crate::ast::FurnitureKind;
use crate::span::Span;

/// A piece of furniture found in the source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Item<'a> {
    pub kind: FurnitureKind,
    pub span: Span,
    pub value: &'a str,
}

/// How far into the text (bytes) the front matter is looked for.
const FRONT_REACH: usize = 6_000;

const SALUTATIONS: [&str; 14] = [
    "同志们",
    "各位代表",
    "各位委员",
    "各位领导",
    "各位来宾",
    "各位嘉宾",
    "各位同志",
    "女士们、先生们",
    "女士们，先生们",
    "女士们",
    "先生们",
    "朋友们",
    "同学们",
    "老师们",
];

/// Words that end a title: what kind of text this is.
const TITLE_WORDS: [&str; 25] = [
    "讲话",
    "工作报告",
    "报告",
    "意见",
    "决定",
    "决议",
    "通知",
    "规定",
    "发言",
    "致辞",
    "贺词",
    "纪要",
    "办法",
    "条例",
    "方案",
    "公报",
    "講話",
    "報告",
    "決定",
    "決議",
    "規定",
    "發言",
    "致辭",
    "賀詞",
    "紀要",
];

/// Prefixes of a title line on scraped pages.
const TITLE_PREFIXES: [&str; 4] = ["文章标题:", "文章标题：", "标题:", "标题："];

pub(crate) fn detect(src: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let front_end = floor_char(src, FRONT_REACH.min(src.len()));
    let salutation = find_salutation(src, front_end);
    // The title is looked for before the salutation, or in the first lines.
    let title_reach = salutation.map_or(front_end.min(floor_char(src, 1_500)), |s| s.start);
    let title = find_title(src, title_reach);
    if let Some((line_start, prefix_end, title_end)) = title {
        if line_start > 0 && !is_blank(&src[..line_start]) {
            push_lines(src, &mut items, 0, line_start, FurnitureKind::Noise);
        }
        if prefix_end > line_start {
            items.push(item(src, FurnitureKind::Noise, line_start, prefix_end));
        }
        let title_stop = salutation.map_or(title_end, |s| title_end.min(s.start));
        let end = line_end_or(src, title_stop, salutation.map(|s| s.start));
        items.push(Item {
            kind: FurnitureKind::Title,
            span: Span::new(prefix_end, end),
            value: src[prefix_end..title_stop].trim_matches(|c: char| is_inline_space(c) || is_line_break(c)),
        });
        // Lines between the title and the salutation: subtitle, date, speaker.
        if let Some(s) = salutation
            && end < s.start
            && s.start - end < 600
        {
            push_lines(src, &mut items, end, s.start, FurnitureKind::Byline);
        }
    }
    if let Some(s) = salutation {
        let already = items.last().is_some_and(|i| i.span.end > s.start);
        if !already {
            items.push(Item {
                kind: FurnitureKind::Salutation,
                span: s.span,
                value: s.value,
            });
        }
    }
    if let Some(notes) = find_notes(src)
        && items.last().is_none_or(|i| i.span.end <= notes.span.start)
    {
        items.push(notes);
    }
    if let Some(closing) = find_closing(src)
        && items.last().is_none_or(|i| i.span.end <= closing.span.start)
    {
        items.push(closing);
    }
    items
}

#[derive(Clone, Copy)]
struct Salutation<'a> {
    start: usize,
    span: Span,
    value: &'a str,
}

/// A salutation near the top: a run of salutation words joined by 、，
/// followed by a colon, at a line start or after text that is not a sentence.
fn find_salutation(src: &str, reach: usize) -> Option<Salutation<'_>> {
    let front = &src[..reach];
    let mut best: Option<(usize, usize)> = None;
    for word in SALUTATIONS {
        let mut from = 0;
        while let Some(i) = front[from..].find(word) {
            let start = from + i;
            let after = start + word.len();
            from = after;
            // Extend over 、 or ， and more salutation words.
            let mut end = after;
            loop {
                let rest = &src[end..];
                let sep = ["、", "，", ","].into_iter().find(|s| rest.starts_with(s));
                let next = sep.and_then(|s| {
                    SALUTATIONS
                        .iter()
                        .find(|w| rest[s.len()..].starts_with(**w))
                        .map(|w| s.len() + w.len())
                });
                match next {
                    Some(n) => end += n,
                    None => break,
                }
            }
            let rest = &src[end..];
            let colon = ["：", ":"].into_iter().find(|c| rest.starts_with(c));
            if let Some(colon) = colon {
                if best.is_none_or(|(b, _)| start < b) {
                    best = Some((start, end + colon.len()));
                }
                break;
            }
        }
    }
    let (start, mut end) = best?;
    let value = &src[start..end].trim_end_matches(['：', ':']);
    // Take the rest of the line when it is blank.
    let rest_end = line_end_or(src, end, None);
    if is_blank(&src[end..rest_end]) {
        end = rest_end;
    }
    Some(Salutation {
        start,
        span: Span::new(start, end),
        value,
    })
}

/// The title line: `(line start, start of the title after any prefix, end of the title)`.
fn find_title(src: &str, reach: usize) -> Option<(usize, usize, usize)> {
    let mut line_start = 0;
    let mut lines = 0;
    while line_start < reach && lines < 40 {
        let line_end = line_end_or(src, line_start, None);
        let line = &src[line_start..line_end];
        lines += 1;
        let content = line.trim_start_matches(|c: char| is_inline_space(c) || c == '#');
        let indent = line.len() - content.len();
        let prefix = TITLE_PREFIXES
            .iter()
            .find(|p| content.starts_with(**p))
            .map_or(0, |p| p.len());
        let body_start = line_start + indent + prefix;
        let visible = src[body_start..line_end.min(reach.max(body_start))]
            .trim_end_matches(|c: char| is_inline_space(c) || is_line_break(c));
        if let Some(end) = title_end(visible, prefix > 0) {
            return Some((line_start, body_start, body_start + end));
        }
        line_start = line_end;
    }
    None
}

/// Where a title ends in `line`, if the line is a title: it names a kind of
/// text and is short, or runs on (glued to what follows) right after the name.
fn title_end(line: &str, prefixed: bool) -> Option<usize> {
    if line.is_empty() || line.contains(['。', '，']) && !prefixed {
        return None;
    }
    // File names and links are page furniture, not titles.
    if line.contains(".doc") || line.contains(".pdf") || line.contains("http") {
        return None;
    }
    let chars = line.chars().count();
    let mut first: Option<usize> = None;
    for w in TITLE_WORDS {
        if let Some(i) = line.find(w) {
            let end = i + w.len();
            first = Some(first.map_or(end, |f| f.min(end)));
        }
    }
    let end = first?;
    if chars <= 60 {
        // A short line that names its kind is a title as a whole.
        return Some(line.len());
    }
    (prefixed || chars > 60).then_some(end)
}

/// The closing: a last paragraph opening with 同志们， or ending with 谢谢大家.
fn find_closing(src: &str) -> Option<Item<'_>> {
    let tail_start = floor_char(src, src.len().saturating_sub(1_500));
    let tail = &src[tail_start..];
    let mut start = None;
    for key in ["同志们，", "同志们,", "同志们！", "同志们!"] {
        if let Some(i) = tail.rfind(key) {
            let at = tail_start + i;
            let before = src[..at].chars().rev().find(|c| !is_inline_space(*c));
            if before.is_none_or(|c| is_line_break(c) || super::text::is_boundary(c)) {
                start = Some(start.map_or(at, |s: usize| s.max(at)));
            }
        }
    }
    if start.is_none() {
        for key in ["谢谢大家", "谢谢！", "谢谢!"] {
            if let Some(i) = tail.rfind(key) {
                let at = tail_start + i;
                let line_start = src[..at].rfind('\n').map_or(0, |n| n + 1);
                let sentence = src[..at]
                    .rfind(|c: char| super::text::is_boundary(c))
                    .map_or(0, |n| n + src[n..].chars().next().map_or(1, char::len_utf8));
                start = Some(line_start.max(sentence));
            }
        }
    }
    let start = start?;
    let end = line_end_or(src, start, None);
    // Only when nothing but white space or boilerplate-free text follows within the line.
    let text = &src[start..end];
    Some(Item {
        kind: FurnitureKind::Closing,
        span: Span::new(start, end),
        value: text.trim_end(),
    })
}

fn push_lines<'a>(src: &'a str, items: &mut Vec<Item<'a>>, from: usize, to: usize, kind: FurnitureKind) {
    let mut at = from;
    while at < to {
        let end = line_end_or(src, at, Some(to));
        if !is_blank(&src[at..end]) {
            let kind = if kind == FurnitureKind::Byline && src[at..end].trim_start().starts_with("——") {
                FurnitureKind::Subtitle
            } else {
                kind
            };
            items.push(item(src, kind, at, end));
        } else if let Some(last) = items.last_mut().filter(|l| l.span.end == at) {
            // Blank lines join the item before them.
            last.span.end = end;
        } else {
            items.push(item(src, kind, at, end));
        }
        at = end;
    }
}

fn item(src: &str, kind: FurnitureKind, start: usize, end: usize) -> Item<'_> {
    Item {
        kind,
        span: Span::new(start, end),
        value: src[start..end].trim_matches(|c: char| is_inline_space(c) || is_line_break(c)),
    }
}

/// End of the line containing `at` (after its break), or `stop` if earlier.
fn line_end_or(src: &str, at: usize, stop: Option<usize>) -> usize {
    let end = super::text::line_end_after_break(src, at);
    stop.map_or(end, |s| end.min(s.max(at)))
}

fn floor_char(src: &str, mut at: usize) -> usize {
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Labels of a block of notes.
const NOTES_LABELS: [&str; 6] = ["注：", "注:", "注释：", "注释:", "注", "注释"];

/// A block of notes near the end: a line that is only 注： (or 注释：),
/// followed by lines that start with a circled or bracketed number.
fn find_notes(src: &str) -> Option<Item<'_>> {
    let half = floor_char(src, src.len() / 2);
    let mut at = src[half..].find('\n').map(|i| half + i + 1)?;
    while at < src.len() {
        let end = super::text::line_end_after_break(src, at);
        let line = src[at..end].trim_matches(|c: char| is_inline_space(c) || is_line_break(c));
        if NOTES_LABELS.contains(&line) {
            // The block runs over note lines and blank lines.
            let mut block_end = end;
            let mut notes = 0;
            let mut next = end;
            while next < src.len() {
                let e = super::text::line_end_after_break(src, next);
                let l = src[next..e].trim_matches(|c: char| is_inline_space(c) || is_line_break(c));
                if l.is_empty() {
                    next = e;
                    continue;
                }
                if !starts_with_note_number(l) {
                    break;
                }
                notes += 1;
                block_end = e;
                next = e;
            }
            if notes > 0 {
                return Some(item(src, FurnitureKind::Notes, at, block_end));
            }
        }
        at = end;
    }
    None
}

fn starts_with_note_number(line: &str) -> bool {
    line.chars()
        .next()
        .is_some_and(|c| ('①'..='⒇').contains(&c) || ('㉑'..='㊿').contains(&c))
        || line.starts_with('[')
        || line.starts_with('［')
}

/// Whether the document's notes block numbers its notes with circled
/// numbers: then circled numbers in running text are references to them.
pub(crate) fn has_circled_notes(items: &[Item<'_>]) -> bool {
    items
        .iter()
        .any(|i| i.kind == FurnitureKind::Notes && i.value.chars().any(|c| ('①'..='⒇').contains(&c)))
}
