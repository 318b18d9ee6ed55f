//! The first pass: the speech's furniture — page boilerplate, title, subtitle,
//! date and speaker lines, salutation — at the front, and the closing.
//!
//! The front is read up to the salutation (同志们： 各位代表：) when there is
//! one near the top. A title is a line that names a speech or document
//! (……的讲话, 政府工作报告, ……的意见); lines before it are page boilerplate.
//! Text whose line breaks were lost is cut at the same words.

use super::text::{Finder, floor_char, is_blank, is_blank_char, is_inline_space, is_line_break, trim_blank};
use crate::ast::FurnitureKind;
use crate::span::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;
use std::sync::LazyLock;

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
const TITLE_WORDS: [&str; 45] = [
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
    "法典",
    "方案",
    "公报",
    "解释",
    "批复",
    "通报",
    "通告",
    "公告",
    "请示",
    "议案",
    "细则",
    "章程",
    "准则",
    "规则",
    "纲要",
    "规划",
    "答复",
    "复函",
    "命令",
    "的函",
    "汇编",
    "汇纂",
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

/// A scraped page's label before its title (文章标题：, 标题:): where the
/// first one starts and ends.
fn title_label(front: &str) -> Option<(usize, usize)> {
    static LABEL: Finder = LazyLock::new(|| memmem::Finder::new("标题"));
    LABEL.find_iter(front.as_bytes()).find_map(|i| {
        let after = i + "标题".len();
        let colon = [":", "："].into_iter().find(|c| front[after..].starts_with(c))?;
        let start = if front[..i].ends_with("文章") {
            i - "文章".len()
        } else {
            i
        };
        Some((start, after + colon.len()))
    })
}

/// The furniture of `src` ([`detect_with`] after finding where 附 stands).
#[cfg(test)]
pub(crate) fn detect(src: &str) -> Vec<Item<'_>> {
    detect_with(src, &super::text::annex_label_starts(src))
}

/// The furniture of `src`: title, salutation, bylines, contents, the list
/// of attachments, notes, closing and page boilerplate, in text order;
/// `annex_labels` are where 附 stands ([`super::text::annex_label_starts`]).
pub(crate) fn detect_with<'s>(src: &'s str, annex_labels: &[usize]) -> Vec<Item<'s>> {
    let mut items = Vec::new();
    let front_end = floor_char(src, FRONT_REACH.min(src.len()));
    let salutation = find_salutation(src, front_end)
        .or_else(|| find_addressee(src, front_end))
        .or_else(|| find_glued_addressee(src, front_end));
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
        let mut end = line_end_or(src, title_stop, salutation.map(|s| s.start));
        // A line that runs on far past its title, or into sentences, lost
        // its line breaks: the title's line is the title and a dated note
        // glued to it (a short text that lost them is no title line).
        if end - title_stop > FLAT_TITLE_REACH || src[title_stop..end].contains(['。', '！', '？']) {
            end = glued_note_end(src, title_stop);
        }
        // A byline glued to the title, where the line breaks were lost
        // (……的讲话县委书记 王五), is a byline of its own.
        let glued = !is_blank(&src[title_stop..end]) && opens_byline(&src[title_stop..end]);
        let title_end = if glued { title_stop } else { end };
        items.push(Item {
            kind: FurnitureKind::Title,
            span: Span::new(prefix_end, title_end),
            value: trim_blank(&src[prefix_end..title_stop]),
        });
        if glued {
            // As on a line of its own: a glued ——… is the subtitle.
            push_lines(src, &mut items, title_stop, end, FurnitureKind::Byline);
        }
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
    if let Some(contents) = find_contents(src, items.last().map_or(0, |i| i.span.end)) {
        items.push(contents);
    }
    let tail = find_trailing_noise(src);
    let body_end = tail.map_or(src.len(), |t| t.span.start);
    if let Some(mut list) = find_attachment_list(
        src,
        items.last().map_or(0, |i| i.span.end),
        body_end,
        annex_labels,
    ) && tail.is_none_or(|t| list.span.start < t.span.start)
    {
        // A list that ran into the page's boilerplate (its line breaks
        // lost) ends where the boilerplate starts.
        if let Some(t) = tail {
            list.span.end = list.span.end.min(t.span.start);
            list.value = trim_blank(&src[list.span.range()]);
        }
        items.push(list);
    }
    let notes = find_notes(src).or_else(|| find_run_in_notes(src, tail.map_or(src.len(), |t| t.span.start)));
    if let Some(notes) = notes
        && items.last().is_none_or(|i| i.span.end <= notes.span.start)
        && tail.is_none_or(|t| notes.span.end <= t.span.start)
    {
        items.push(notes);
    }
    if let Some(closing) = find_closing(src)
        && items.last().is_none_or(|i| i.span.end <= closing.span.start)
        && tail.is_none_or(|t| closing.span.start < t.span.start)
    {
        let mut closing = closing;
        if let Some(t) = tail {
            closing.span.end = closing.span.end.min(t.span.start);
        }
        items.push(closing);
    }
    if let Some(t) = tail
        && items.last().is_none_or(|i| i.span.end <= t.span.start)
    {
        items.push(t);
    }
    items
}

/// Words of page boilerplate and licence notes after a document.
const TRAILING_NOISE: [&str; 23] = [
    "本作品",
    "相关链接",
    "相关阅读",
    "相关文章",
    "延伸阅读",
    "著作权法",
    "公有领域",
    "Public domain",
    "维基文库",
    "相关报道",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "版权所有",
    "扫一扫",
    "分享到",
    "Copyright",
    "ICP备",
    "联系我们",
    "网站地图",
    "主办单位",
    "技术支持",
    "返回顶部",
];

/// How long (in chars) a line may be and still be page chrome, unless it
/// starts with its boilerplate word (a licence note: 本作品……).
const CHROME_LINE_CHARS: usize = 80;

/// How long (in chars) a line that ends a sentence must be to read as the
/// document's body rather than a fragment of a page's notes.
const BODY_LINE_CHARS: usize = 60;

/// Page boilerplate after the document: from a line, in the last few
/// kilobytes, that carries a boilerplate word and reads as page chrome, to
/// the end, when no line of the body follows it. A line of the body is one
/// that opens with an ordinal (第二十一条, 三、, （二）, 2.), which continues the
/// document's numbering, or a long sentence without a boilerplate word: the
/// noise starts after the last of them, so it never holds the body.
fn find_trailing_noise(src: &str) -> Option<Item<'_>> {
    let tail_start = floor_char(src, src.len().saturating_sub(3_000));
    let mut at =
        memchr::memchr(b'\n', &src.as_bytes()[tail_start..]).map_or(src.len(), |i| tail_start + i + 1);
    if tail_start == 0 {
        at = 0;
    }
    // Only a tail holding a boilerplate word is read line by line, from
    // the line of the first one (no noise can start before it).
    let first = at + noise_word(&src[at..])?;
    at = memchr::memrchr(b'\n', &src.as_bytes()[at..first]).map_or(at, |i| at + i + 1);
    let mut start = None;
    // A line after a back-link (↑) is a note of the page's notes.
    let mut after_backlink = false;
    // Whether the lines read are the numbered links under a label of the
    // page's (相关链接： 1.…… 2.……), not the document's numbering.
    let mut in_links = false;
    let mut after_links = false;
    while at < src.len() {
        let end = super::text::line_end_after_break(src, at);
        let line = trim_blank(&src[at..end]);
        if line.is_empty() {
            at = end;
            continue;
        }
        let link = in_links
            && start.is_some()
            && line.chars().count() <= CHROME_LINE_CHARS
            && !line.contains(['。', '；', '！', '？']);
        let chrome = is_chrome_line(line);
        // Links are followed by the page's chrome or nothing: a line of
        // text after them makes them the body's lines.
        if (!after_backlink && !link && is_body_line(line)) || (after_links && !link && !chrome) {
            start = None;
        } else if start.is_none() && chrome {
            start = Some(at);
        }
        after_links = link;
        in_links = link || LINK_LABELS.iter().any(|w| line.starts_with(w));
        after_backlink = line == "↑";
        at = end;
    }
    start.map(|s| item(src, FurnitureKind::Noise, s, src.len()))
}

/// Labels of a page's list of links to other pages, after the document.
const LINK_LABELS: [&str; 4] = ["相关链接", "相关阅读", "相关文章", "延伸阅读"];

/// Whether a line carries a boilerplate word and is short enough to be page
/// chrome (or opens with the word, as licence notes do).
fn is_chrome_line(line: &str) -> bool {
    let Some(found) = noise_word(line) else {
        return false;
    };
    found == 0 || line.chars().count() <= CHROME_LINE_CHARS
}

/// Whether a line is the document's body: it opens with an ordinal, or it
/// is a long sentence that carries no boilerplate word and is no fragment.
fn is_body_line(line: &str) -> bool {
    if opens_with_ordinal(line) {
        return true;
    }
    // A fragment that opens with punctuation continues a note cut by links.
    !line.starts_with(['，', '、', '。', '）', '》', '；', '：'])
        && line.chars().count() >= BODY_LINE_CHARS
        && line.contains(['。', '；', '！', '？'])
        && noise_word(line).is_none()
}

/// Whether `line` opens with an ordinal of the document's numbering: 第X条
/// (章 节 编 款), 一、 （一） 1. 1、 (1).
fn opens_with_ordinal(line: &str) -> bool {
    let is_numeral = |c: char| {
        crate::numerals::digit(c).is_some() || c == '千' || c.is_ascii_digit() || ('０'..='９').contains(&c)
    };
    if let Some(rest) = line.strip_prefix('第') {
        let after = rest.trim_start_matches(is_numeral);
        return after.len() < rest.len() && after.starts_with(['条', '章', '节', '编', '款']);
    }
    let rest = line.trim_start_matches(['（', '(']);
    let bracketed = rest.len() < line.len();
    let after = rest.trim_start_matches(is_numeral);
    if after.len() == rest.len() || rest.len() - after.len() > 12 {
        return false;
    }
    if bracketed {
        after.starts_with(['）', ')'])
    } else {
        after.starts_with(['、', '.', '．'])
    }
}

/// A searcher for all of `words` at once, built on first use.
type Words = LazyLock<AhoCorasick>;

/// A searcher for `words`. Leftmost match kinds let aho-corasick use its
/// vector prefilter (Teddy); overlapping search needs the standard kind.
fn searcher(words: &[&str], kind: MatchKind) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(kind)
        .build(words)
        .expect("a few short constant words make a small automaton")
}

static SALUTATION_WORDS: Words = LazyLock::new(|| searcher(&SALUTATIONS, MatchKind::LeftmostLongest));
static TRAILING_NOISE_WORDS: Words = LazyLock::new(|| searcher(&TRAILING_NOISE, MatchKind::LeftmostFirst));

/// The copyright sign, a word of page boilerplate like [`TRAILING_NOISE`]'s
/// but searched on its own: in the automaton, a word of two bytes would
/// make its vector search match on two bytes, which in 汉字 text are
/// common (the sample speech's parse took 11% more instructions).
const COPYRIGHT_SIGN: &str = "©";

/// Where the first word of page boilerplate ([`TRAILING_NOISE`],
/// [`COPYRIGHT_SIGN`]) starts in `s`.
fn noise_word(s: &str) -> Option<usize> {
    let word = TRAILING_NOISE_WORDS.find(s).map(|m| m.start());
    static SIGN: Finder = LazyLock::new(|| memmem::Finder::new(COPYRIGHT_SIGN));
    let sign = SIGN.find(s.as_bytes());
    word.into_iter().chain(sign).min()
}
static TITLE_WORD_SEARCH: Words = LazyLock::new(|| searcher(&TITLE_WORDS, MatchKind::Standard));
static CLOSING_WORD_SEARCH: Words = LazyLock::new(|| searcher(&CLOSING_WORDS, MatchKind::LeftmostFirst));

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
    // Leftmost-longest matches, in order: the first one followed by a colon
    // is the salutation (女士们、先生们 is taken whole).
    for found in SALUTATION_WORDS.find_iter(front) {
        let start = found.start();
        // Extend over 、 or ， and more salutation words.
        let mut end = found.end();
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
            best = Some((start, end + colon.len()));
            break;
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

/// The title: `(start of its first line, start of the title after any
/// prefix, end of the title)`. A line with a scraped page's 文章标题: prefix
/// wins; otherwise the first line that names a kind of text (……的讲话,
/// 政府工作报告), when nothing before it reads like body text. A line that
/// starts with —— is a subtitle: the title is the short lines above it.
fn find_title(src: &str, reach: usize) -> Option<(usize, usize, usize)> {
    let lines = front_lines(src, reach);
    // A scraped page's label, wherever it stands in the front.
    let labelled = title_label(&src[..reach]);
    if let Some((label, body_start)) = labelled {
        let end = line_end_or(src, body_start, Some(reach));
        let visible = trim_blank(&src[body_start..end]);
        let stop = title_end(visible, true)?;
        return Some((
            label,
            body_start,
            body_start + leading_blank(&src[body_start..end]) + stop,
        ));
    }
    for (k, &(start, end)) in lines.iter().enumerate() {
        let content = src[start..end].trim_start_matches(|c: char| is_inline_space(c) || c == '#');
        let body_start = end - content.len();
        let visible = trim_blank(content);
        // A page's breadcrumb trail is no title: it is set aside with the
        // page boilerplate above the title.
        if visible.is_empty() || is_breadcrumb(visible) {
            continue;
        }
        // The body has begun: what stands above a later title-like line
        // would be set aside as page boilerplate, so no title is taken;
        // unless the text lost its line breaks and opens with its title.
        if is_body_line(visible) {
            // A line that lost its breaks: the text's only line, or a long one.
            let line_len = line_end_or(src, start, None) - start;
            let flattened = line_len >= FLAT_LINE || is_blank(&src[start + line_len..]);
            let stop = flat_title_end(visible).filter(|_| flattened)?;
            return Some((start, body_start, body_start + leading_blank(content) + stop));
        }
        // Body text, a caption or a date line is no title.
        if visible.contains('。') || opens_with_date(visible) {
            continue;
        }
        let Some(stop) = title_end(visible, false) else {
            continue;
        };
        let next_starts_with_punctuation = lines[k + 1..]
            .iter()
            .map(|&(s, e)| trim_blank(&src[s..e]))
            .find(|l| !l.is_empty())
            .is_some_and(|l| l.starts_with(['。', '，', '、', '；', '：']));
        if next_starts_with_punctuation {
            continue;
        }
        if visible.starts_with("——") {
            // The title is the short lines just above the subtitle.
            let above: Vec<(usize, usize)> = lines[..k]
                .iter()
                .rev()
                .skip_while(|&&(s, e)| trim_blank(&src[s..e]).is_empty())
                .take_while(|&&(s, e)| {
                    let l = trim_blank(&src[s..e]);
                    l.is_empty() || (l.chars().count() <= 30 && !l.contains(['。', '，', '：']))
                })
                .copied()
                .collect();
            if let (Some(&(first, first_end)), Some(&(last, last_end))) = (above.last(), above.first()) {
                let title_start = first
                    + (src[first..first_end].len()
                        - src[first..first_end].trim_start_matches(is_inline_space).len());
                let title_end =
                    last + leading_blank(&src[last..last_end]) + trim_blank(&src[last..last_end]).len();
                return Some((first, title_start, title_end));
            }
        }
        return Some((start, body_start, body_start + leading_blank(content) + stop));
    }
    None
}

/// Separators of a breadcrumb trail's steps.
const BREADCRUMB_SEPARATORS: [char; 5] = ['>', '＞', '»', '›', '→'];

/// Whether `line` is a scraped page's breadcrumb trail: 当前位置：首页 >
/// 新闻, or short steps between separators (首页 > 政务公开 > 政府工作报告).
fn is_breadcrumb(line: &str) -> bool {
    const LABELS: [&str; 4] = ["当前位置", "您的位置", "您现在的位置", "你的位置"];
    if LABELS.iter().any(|l| line.starts_with(l)) {
        return true;
    }
    // A trail's first step is short: a line with more than 20 characters
    // that are not blank before its first separator is none (and is not
    // searched to its end, as most lines of a text's front are long).
    let mut seen = 0;
    for c in line.chars() {
        if BREADCRUMB_SEPARATORS.contains(&c) {
            break;
        }
        seen += usize::from(!is_blank_char(c));
        if seen > 20 {
            return false;
        }
    }
    let mut steps = 0;
    for step in line.split(BREADCRUMB_SEPARATORS) {
        let step = trim_blank(step);
        if step.is_empty() || step.chars().count() > 20 || step.contains(['。', '，', '；']) {
            return false;
        }
        steps += 1;
    }
    steps >= 3 || (steps == 2 && line.starts_with(['首', '主']))
}

/// Lines `(start, end)` of the front, up to `reach` and 40 lines.
fn front_lines(src: &str, reach: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < reach && out.len() < 40 {
        let end = line_end_or(src, at, Some(reach.max(at + 1)));
        let end = floor_char(src, end);
        if end <= at {
            break;
        }
        out.push((at, end));
        at = end;
    }
    out
}

/// Bytes that [`trim_line`] takes off the start of `s`: offsets into
/// `trim_blank(s)` are offsets into `s` after these.
fn leading_blank(s: &str) -> usize {
    super::text::blank_prefix(s)
}

/// Where a title ends in `line`, if the line is a title: it names a kind of
/// text and is short, or runs on (glued to what follows) right after the name.
fn title_end(line: &str, prefixed: bool) -> Option<usize> {
    if line.is_empty() || line.contains(['。', '，']) && !prefixed {
        return None;
    }
    // File names, links and breadcrumbs are page furniture, not titles.
    if line.contains(".doc") || line.contains(".pdf") || line.contains("http") || line.contains('|') {
        return None;
    }
    let chars = line.chars().count();
    // The last word that names the text ends the title (……关于政府工作报告的决议).
    let named = named_ends(line).max();
    let Some(end) = named else {
        // A law's name names its kind by its last character.
        return law_name_end(line).filter(|_| !prefixed && chars <= LAW_NAME_CHARS);
    };
    // A date or a name glued after the title: 讲话（2020年1月8日）习近平.
    let rest = &line[end..];
    if chars <= 60 && !opens_dated_note(rest) && !prefixed && !opens_byline(rest) {
        // A short line that names its kind is a title as a whole.
        return Some(line.len());
    }
    Some(end)
}

/// How far into a text that lost its line breaks (in bytes) its title may
/// end.
const FLAT_TITLE_REACH: usize = 240;

/// How long a first line (bytes) must be to have lost its line breaks,
/// unless it is the text's only one.
const FLAT_LINE: usize = 2_000;

/// How a first sentence opens that names another text, not its own title
/// (本办法第二条所称……, 根据《……条例》……).
const NAMES_ANOTHER: [&str; 7] = ["本", "该", "此", "依据", "根据", "按照", "经"];

/// Where the title ends in the first line of a text that lost its line
/// breaks (某某市养犬管理条例（2025年…通过）目录第一章 总则第一条……): the
/// first word naming a kind of text before the first comma or sentence end
/// that is followed by what follows titles (a dated note, a byline, 目录, the
/// first unit or section).
fn flat_title_end(line: &str) -> Option<usize> {
    let head = &line[..floor_char(line, FLAT_TITLE_REACH.min(line.len()))];
    let head = &head[..head
        .find(['，', '。', '：', '；', ',', ':', ';'])
        .unwrap_or(head.len())];
    // A text that opens with its first unit (第一编　总则第一章　一般规定第一条……)
    // has no title there.
    if NAMES_ANOTHER.iter().any(|w| head.starts_with(w)) || opens_with_unit(head) {
        return None;
    }
    // The first such word: a unit's title may name a kind of text too
    // (……通过）第一章　基本规定第一条……).
    // A status note (（试行）) is the title's own.
    named_ends(head).find_map(|named| {
        let rest = after_short_notes(&head[named..]);
        let first_unit = rest.starts_with("一、")
            || rest.strip_prefix('第').is_some_and(|r| {
                r.chars()
                    .next()
                    .is_some_and(|c| crate::numerals::digit(c).is_some())
            });
        (opens_dated_note(rest)
            || opens_byline(rest)
            || rest.starts_with("目录")
            || rest.starts_with("目　录")
            || first_unit)
            .then_some(head.len() - rest.len())
    })
}

/// Whether `text` opens with a unit of a statute or a plan: 第, a number,
/// and 编, 章, 节, 条 or 部分.
fn opens_with_unit(text: &str) -> bool {
    text.strip_prefix('第').is_some_and(|rest| {
        let number =
            rest.trim_start_matches(|c: char| crate::numerals::digit(c).is_some() || c == '十' || c == '百');
        number.len() < rest.len()
            && (number.starts_with(['编', '章', '节', '条']) || number.starts_with("部分"))
    })
}

/// How long (in chars) a bracketed note of a title's status may be
/// (（草案）, （试行）, （示范文本）).
const STATUS_NOTE_CHARS: usize = 8;

/// `rest` past the short undated notes it opens with (（试行）（2025年……通过）
/// → （2025年……通过）).
fn after_short_notes(mut rest: &str) -> &str {
    while !opens_dated_note(rest)
        && let Some(inner) = rest.strip_prefix(['（', '('])
        && let Some(close) = inner.find(['）', ')'])
        && inner[..close].chars().count() <= STATUS_NOTE_CHARS
    {
        rest = &inner[close..];
        rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    }
    rest
}

/// Where a bracketed note glued at `at` ends (（2025年10月20日……通过）),
/// or `at` when none is.
fn glued_note_end(src: &str, at: usize) -> usize {
    let rest = &src[at..];
    if !rest.starts_with(['（', '(']) {
        return at;
    }
    let window = &rest[..floor_char(rest, FLAT_TITLE_REACH.min(rest.len()))];
    window.find(['）', ')']).map_or(at, |i| {
        at + i + window[i..].chars().next().map_or(0, char::len_utf8)
    })
}

/// Words of a speaker's office (县委书记 王五, 市长 李四).
const OFFICES: [&str; 16] = [
    "书记", "市长", "县长", "区长", "省长", "州长", "镇长", "乡长", "主席", "主任", "部长", "厅长", "局长",
    "总理", "院长", "委员",
];

/// Whether the text glued after a title's naming word is a byline, where
/// the line breaks were lost: a subtitle (——), a date, or a speaker's
/// office and name (县委书记 王五).
fn opens_byline(rest: &str) -> bool {
    let rest = trim_blank(rest);
    let office = rest
        .char_indices()
        .take(8)
        .any(|(at, _)| OFFICES.iter().any(|o| rest[at..].starts_with(o)));
    rest.starts_with('—') || opens_with_date(rest) || office
}

/// Where each word of `text` that names a kind of text ends (讲话, 通知,
/// 条例 …), a word inside 《》 aside (it names another text:
/// ……《关于修改……的决定》修正), in order of their ends.
fn named_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    TITLE_WORD_SEARCH
        .find_overlapping_iter(text)
        .filter(|m| !inside_book_title(text, m.start()))
        .map(|m| m.end())
}

/// Whether `rest` opens with a bracketed note that starts with a number
/// (（2020年1月8日）, （2025年……通过）), glued after a title.
fn opens_dated_note(rest: &str) -> bool {
    rest.starts_with(['（', '(']) && rest.chars().nth(1).is_some_and(|c| c.is_ascii_digit())
}

/// How long (in chars) a law's name may be.
const LAW_NAME_CHARS: usize = 40;

/// Where the law's name in `line` ends, if the line is one: ……法 or ……法典,
/// maybe followed by brackets (……法（修正草案）); a date in them is left
/// out of the title as after other titles (……法（2019年修正）).
fn law_name_end(line: &str) -> Option<usize> {
    let (name, bracket) = match line.strip_suffix(['）', ')']) {
        Some(rest) => match rest.rfind(['（', '(']) {
            Some(open) => (&rest[..open], &line[open..]),
            None => (line, ""),
        },
        None => (line, ""),
    };
    // 方法, 做法, 办法 … are everyday words, not laws: a law's name is long.
    let law = name.chars().count() >= 5
        && (name.ends_with('法') || name.ends_with("法典"))
        && !name.contains(['，', '、', '；', '：', '。', '《', ' ', '\u{3000}']);
    let dated = bracket.chars().nth(1).is_some_and(|c| c.is_ascii_digit());
    law.then_some(if dated { name.len() } else { line.len() })
}

/// Whether `at` in `line` stands inside 《》 (the name of another text).
fn inside_book_title(line: &str, at: usize) -> bool {
    let before = &line[..at];
    before.matches('《').count() > before.matches('》').count()
}

/// Whether `line` opens with a date (2019年4月23日 …, （2023年5月26日）,
/// 二〇二五年十二月): a byline, never the title. A year alone
/// (2024年政府工作报告) is no date.
pub(crate) fn opens_with_date(line: &str) -> bool {
    fn digits(s: &str, is_digit: fn(char) -> bool) -> (usize, &str) {
        let n = s.chars().take_while(|&c| is_digit(c)).count();
        let bytes: usize = s.chars().take(n).map(char::len_utf8).sum();
        (n, &s[bytes..])
    }
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    // 〇, or the circle ○ that often stands for it.
    let han = |c: char| "〇○零一二三四五六七八九十".contains(c);
    let line = line.trim_start_matches(['（', '(']);
    [arabic as fn(char) -> bool, han].into_iter().any(|is_digit| {
        let (year, rest) = digits(line, is_digit);
        let Some(rest) = rest.strip_prefix('年') else {
            return false;
        };
        let (month, rest) = digits(rest, is_digit);
        year == 4 && (1..=2).contains(&month) && rest.starts_with('月')
    })
}

/// Last words of an organisation's name (……人民政府, 各部门, 各直属机构).
const ORGANISATION_ENDS: [&str; 22] = [
    "政府",
    "部门",
    "单位",
    "机构",
    "机关",
    "委员会",
    "党委",
    "党组",
    "部委",
    "企业",
    "学校",
    "组织",
    "团体",
    "公司",
    "中心",
    "办公厅",
    "办公室",
    // 市人大常委会, 各委、办、局: a list's short names.
    "会",
    "委",
    "办",
    "局",
    "厅",
];

/// How long (in chars) an addressee line may be.
const ADDRESSEE_CHARS: usize = 120;

/// Whether every name of an addressee list (split at 、 and ，) ends as an
/// organisation's does.
fn names_organisations(names: &str) -> bool {
    names
        .split(['、', '，', ','])
        .all(|name| ORGANISATION_ENDS.iter().any(|end| name.trim().ends_with(end)))
}

/// The addressees glued to the title where the line breaks were lost
/// (……工作的通知各乡镇人民政府，县政府各部门：为切实……): after the last
/// word naming the kind of text before the first colon of the front, and
/// before any sentence end, names of organisations up to that colon.
fn find_glued_addressee(src: &str, reach: usize) -> Option<Salutation<'_>> {
    // Asked of every text without a salutation: only as far as a title and
    // its addressees reach.
    let front = &src[..floor_char(src, reach.min(FLAT_TITLE_REACH + 3 * ADDRESSEE_CHARS))];
    let colon = front.find(['：', ':'])?;
    if front[..colon].contains(['。', '！', '？', '；', '\n']) {
        return None;
    }
    // The first word naming the text after which the rest up to the colon
    // is names of organisations, none with a 的 (……规划编制工作的通知各区人民
    // 政府，市规划和自然资源委员会： holds 规划 twice).
    let mut ends: Vec<usize> = named_ends(&front[..colon]).collect();
    ends.sort_unstable();
    let named = ends.into_iter().find(|&end| {
        let names = &front[end..colon];
        (2..=ADDRESSEE_CHARS).contains(&names.chars().count())
            && !names.contains('的')
            && names_organisations(names)
    })?;
    // (A space left for the line break before them is not theirs.)
    let named = named + leading_blank(&front[named..colon]);
    let names = &front[named..colon];
    let end = colon + front[colon..].chars().next().map_or(0, char::len_utf8);
    Some(Salutation {
        start: named,
        span: Span::new(named, end),
        value: names,
    })
}

/// The addressees of an official document (主送机关: 各区人民政府，市政府各
/// 部门：), on a line of their own near the top, before the body: the
/// document's salutation. Each name ends as an organisation's does.
fn find_addressee(src: &str, reach: usize) -> Option<Salutation<'_>> {
    let lines = front_lines(src, reach);
    // Most texts have no line ending in a colon up front: then there is no
    // addressee, and no line needs the body-line test (a word search).
    let colon = |&(start, end): &(usize, usize)| trim_blank(&src[start..end]).ends_with(['：', ':']);
    if !lines.iter().any(colon) {
        return None;
    }
    for (start, end) in lines {
        let line = trim_blank(&src[start..end]);
        if line.is_empty() {
            continue;
        }
        if is_body_line(line) || opens_with_ordinal(line) {
            return None;
        }
        let Some(names) = line.strip_suffix(['：', ':']) else {
            continue;
        };
        if names_organisations(names) && !names.contains('。') && names.chars().count() <= ADDRESSEE_CHARS {
            let at = start + leading_blank(&src[start..end]);
            return Some(Salutation {
                start: at,
                span: Span::new(at, end),
                value: names,
            });
        }
    }
    None
}

/// How many lines from `from` the 目录 line of a table of contents may stand.
const CONTENTS_REACH_LINES: usize = 12;

/// How long (in chars) an entry of a table of contents may be.
const CONTENTS_ENTRY_CHARS: usize = 60;

/// A table of contents near the front (a 目录 line, then a line for each
/// 编, 章, 节 or 部分 with its title and no sentence), up to the line where
/// the body repeats the first entry's ordinal (第一章 again, however its
/// title is spaced) or anything else stands. Its entries would otherwise
/// read as the document's own units, numbered twice. A list that runs to
/// the end of the text has no body after it, and is no table of contents.
fn find_contents(src: &str, from: usize) -> Option<Item<'_>> {
    // Lines (start, end) from `from`, each with its line break: found with
    // the memchr crate's vector search, several times faster than std's on
    // the long lines of a text whose line breaks were lost.
    let mut at = from;
    let mut lines = std::iter::from_fn(|| {
        let start = at;
        at = memchr::memchr(
            b'\n',
            src.as_bytes().get(start..).filter(|rest| !rest.is_empty())?,
        )
        .map_or(src.len(), |i| start + i + 1);
        Some((start, at))
    });
    let Some((start, header_end)) = lines
        .by_ref()
        .take(CONTENTS_REACH_LINES)
        .find(|&(s, e)| is_contents_label(&src[s..e]))
    else {
        return find_run_in_contents(src, from);
    };
    let mut first: Option<&str> = None;
    let mut entries = 0;
    let mut end = header_end;
    for (s, e) in lines {
        let line = trim_blank(&src[s..e]);
        if line.is_empty() {
            continue;
        }
        let ordinal = contents_ordinal(line);
        if !is_contents_entry(line) || (first.is_some() && first == ordinal) {
            return (entries >= 2).then(|| item(src, FurnitureKind::Contents, start, end));
        }
        if first.is_none() {
            first = Some(ordinal?);
        }
        entries += 1;
        end = e;
    }
    None
}

/// How far (bytes) from the front furniture a run-in 目录 may start, and how
/// long its entries may run.
const RUN_IN_CONTENTS_REACH: usize = 600;
const RUN_IN_CONTENTS_BYTES: usize = 6_000;

/// A table of contents whose line breaks were lost (目录第一章 总则第二章 附则
/// 第一章 总则第一条……): from a 目录 right before a unit's ordinal to where
/// that ordinal comes again, with no sentence or clause between and at
/// least two entries.
fn find_run_in_contents(src: &str, from: usize) -> Option<Item<'_>> {
    let front_end = floor_char(src, (from + RUN_IN_CONTENTS_REACH).min(src.len()));
    src[from..front_end]
        .match_indices('目')
        .find_map(|(i, _)| run_in_contents_at(src, from + i))
}

/// The run-in table of contents whose 目 stands at `label`, if it is one.
fn run_in_contents_at(src: &str, label: usize) -> Option<Item<'_>> {
    let after = src[label + '目'.len_utf8()..].trim_start_matches(char::is_whitespace);
    let after = after.strip_prefix('录')?.trim_start_matches(char::is_whitespace);
    let entries = src.len() - after.len();
    if !opens_contents_entry(after) {
        return None;
    }
    let first = contents_ordinal(after)?;
    let listing = &after[..floor_char(after, RUN_IN_CONTENTS_BYTES.min(after.len()))];
    let again = first.len() + listing[first.len()..].find(first)?;
    let listing = &listing[..again];
    if listing.contains(['。', '，', '；', '：', '！', '？']) || listing.matches('第').count() < 2 {
        return None;
    }
    Some(item(src, FurnitureKind::Contents, label, entries + again))
}

/// The ordinal an entry of a table of contents opens with (第一章, 第一篇).
fn contents_ordinal(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('第')?;
    let numeral = rest.trim_start_matches(|c| crate::numerals::digit(c).is_some());
    let unit = numeral.chars().next()?;
    let unit_len = if numeral.starts_with("部分") || numeral.starts_with("分编") {
        "部分".len()
    } else {
        unit.len_utf8()
    };
    line.get(..line.len() - numeral.len() + unit_len)
}

/// 目录 alone on its line, however spaced (目  录, 目　　录).
fn is_contents_label(line: &str) -> bool {
    let mut chars = line.chars().filter(|&c| !c.is_whitespace());
    chars.next() == Some('目') && chars.next() == Some('录') && chars.next().is_none()
}

/// A line of a table of contents: a unit above the article (第一编, 第二章,
/// 第三节, 第一部分) and its title, or 附则 / 附录, with no sentence in it.
fn is_contents_entry(line: &str) -> bool {
    if line.chars().count() > CONTENTS_ENTRY_CHARS || line.contains(['。', '；', '，']) {
        return false;
    }
    matches!(line, "附则" | "附录" | "附件") || opens_contents_entry(line)
}

/// Whether `text` opens with the ordinal of a unit above the article (第一编,
/// 第二章, 第三节, 第一部分), or with 第一篇 above the chapters of a plan
/// (规划纲要: an entry, not a unit the parser reads).
fn opens_contents_entry(text: &str) -> bool {
    use crate::ast::MarkerStyle as S;
    if let Some(rest) = text.strip_prefix('第') {
        let unit = rest.trim_start_matches(|c| crate::numerals::digit(c).is_some());
        if unit.len() < rest.len() && unit.starts_with('篇') {
            return true;
        }
    }
    super::marker::marker(text).is_some_and(|m| {
        matches!(
            m.style,
            S::Book | S::SubBook | S::Chapter | S::ChapterSection | S::Part
        )
    })
}

/// Words of a closing: an address that opens the last paragraph (the first
/// [`ADDRESSES`]), then thanks that end it, in the order they are tried.
const CLOSING_WORDS: [&str; 7] = [
    "同志们，",
    "同志们,",
    "同志们！",
    "同志们!",
    "谢谢大家",
    "谢谢！",
    "谢谢!",
];

/// How many of [`CLOSING_WORDS`] are addresses.
const ADDRESSES: usize = 4;

/// The closing: a last paragraph opening with 同志们， or ending with 谢谢大家.
fn find_closing(src: &str) -> Option<Item<'_>> {
    let tail_start = floor_char(src, src.len().saturating_sub(1_500));
    let tail = &src[tail_start..];
    // The last occurrence of each closing word, found in one pass (no two
    // of them can overlap, so none hides another).
    let mut last = [None; CLOSING_WORDS.len()];
    for found in CLOSING_WORD_SEARCH.find_iter(tail) {
        last[found.pattern().as_usize()] = Some(found.start());
    }
    let (addresses, thanks) = last.split_at(ADDRESSES);
    let mut start = None;
    for &i in addresses.iter().flatten() {
        let at = tail_start + i;
        let before = src[..at].chars().rev().find(|c| !is_inline_space(*c));
        if before.is_none_or(|c| is_line_break(c) || super::text::is_boundary(c)) {
            start = Some(start.map_or(at, |s: usize| s.max(at)));
        }
    }
    if start.is_none() {
        for &i in thanks.iter().flatten() {
            let at = tail_start + i;
            let line_start = memchr::memrchr(b'\n', &src.as_bytes()[..at]).map_or(0, |n| n + 1);
            let sentence = src[..at]
                .rfind(|c: char| super::text::is_boundary(c))
                .map_or(0, |n| n + src[n..].chars().next().map_or(1, char::len_utf8));
            start = Some(line_start.max(sentence));
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
        value: trim_blank(&src[start..end]),
    }
}

/// End of the line containing `at` (after its break), or `stop` if earlier.
fn line_end_or(src: &str, at: usize, stop: Option<usize>) -> usize {
    match stop {
        Some(stop) => super::text::line_end_within(src, at, stop),
        None => super::text::line_end_after_break(src, at),
    }
}

/// A 公文's list of its attachments (附件说明) after `from`: a line that
/// starts 附件： and a numbered item (附件：1.检查表), and the lines of
/// the next items under it (2.统计表), each line starting with its number.
/// `annex_labels` are where 附 stands.
fn find_attachment_list<'s>(
    src: &'s str,
    from: usize,
    body_end: usize,
    annex_labels: &[usize],
) -> Option<Item<'s>> {
    // The line of the last label (its start and end): labels on one line
    // share it (text whose line breaks were lost is one line).
    let mut line = 0..0;
    let first = annex_labels.partition_point(|&i| i < from);
    let labels = annex_labels[first..]
        .iter()
        .copied()
        .filter(|&i| src[i..].starts_with("附件"));
    for hit in labels {
        // The next label may be on this line (……（见附件2）……。附件：1.……
        // where the line breaks were lost).
        let search = hit + "附件".len();
        if hit >= line.end {
            let start = memchr::memrchr2(b'\n', b'\r', &src.as_bytes()[..hit]).map_or(0, |j| j + 1);
            line = start..super::text::line_end_after_break(src, hit);
        }
        // At a line start, after its indentation, or after a sentence end
        // near the end where the line breaks were lost.
        let at_line_start = line.start >= from && src[line.start..hit].chars().all(is_inline_space);
        let rest = &src[search..line.end];
        let single = !at_line_start && hit >= from && flat_last_attachment(src, hit, search, body_end);
        let labels_list = lists_attachments(rest)
            || (at_line_start && names_last_attachment(src, rest, line.end, body_end))
            || single;
        if !labels_list {
            continue;
        }
        if !at_line_start {
            if hit < from || !(single || flattened_list_at_end(src, hit, rest, body_end)) {
                continue;
            }
            // Annexes after it (附件1……) are the body's: the list ends
            // before them, at its last item's end where spaces show it.
            let end = annex_after_list(src, search, line.end)
                .map_or(line.end, |annex| flat_list_end(src, search, annex));
            return Some(item(src, FurnitureKind::Attachments, hit, end));
        }
        let mut end = line.end;
        while end < src.len() {
            let e = super::text::line_end_after_break(src, end);
            if !starts_with_item_number(trim_blank(&src[end..e])) {
                break;
            }
            end = e;
        }
        return Some(item(src, FurnitureKind::Attachments, line.start, end));
    }
    None
}

/// How near the end (in bytes) a list of attachments that lost its line
/// breaks may start: the list, the signature and the date.
const FLAT_ATTACHMENTS_REACH: usize = 600;

/// Whether the 附件 label at `hit`, followed by `rest` (to its line's end),
/// is a list of attachments whose line breaks were lost: right after a
/// sentence end, near `body_end` (the end of the text, or where the page's
/// boilerplate starts), with a second item glued after the first
/// (附件：1.检查表2.统计表).
fn flattened_list_at_end(src: &str, hit: usize, rest: &str, body_end: usize) -> bool {
    let near_end = hit < body_end
        && (body_end - hit <= FLAT_ATTACHMENTS_REACH || annex_after_list(src, hit, body_end).is_some());
    let after_sentence = || {
        src[..hit]
            .trim_end_matches(is_inline_space)
            .ends_with(['。', '！', '？', '；'])
    };
    let second = || {
        ["2.", "2．", "2、", "２.", "２．", "２、"]
            .iter()
            .any(|n| rest[..floor_char(rest, FLAT_ATTACHMENTS_REACH)].contains(n))
    };
    near_end && after_sentence() && second()
}

/// Whether the 附件 label at `hit` (its colon at `after`) names the one
/// attachment of a 公文 whose line breaks were lost (……。附件：某某名单某某
/// 办公室2024年7月2日): right after a sentence's end, near `body_end`, a
/// name, then no sentence's end before `body_end` but a date (the
/// signature's).
fn flat_last_attachment(src: &str, hit: usize, after: usize, body_end: usize) -> bool {
    if body_end < after || body_end - hit > FLAT_ATTACHMENTS_REACH {
        return false;
    }
    let rest = &src[after..body_end];
    let Some(named) = rest.trim_start_matches(is_inline_space).strip_prefix(['：', ':']) else {
        return false;
    };
    src[..hit]
        .trim_end_matches(is_inline_space)
        .ends_with(['。', '！', '？', '；'])
        && !trim_blank(named).is_empty()
        && !named.contains(['。', '！', '？', '；', '\n', '\r'])
        && named
            .char_indices()
            .any(|(i, c)| (c.is_ascii_digit() || c == '二') && opens_with_date(&named[i..]))
}

/// Where the first annex's label (附件1, 附件一) stands after a list of
/// attachments that starts at `at`, within [`FLAT_ATTACHMENTS_REACH`] twice
/// over (the list, the signature, the date and a note), before `limit`.
pub(crate) fn annex_after_list(src: &str, at: usize, limit: usize) -> Option<usize> {
    let to = floor_char(src, at.saturating_add(2 * FLAT_ATTACHMENTS_REACH).min(limit));
    let window = src.get(at..to)?;
    window
        .match_indices("附件")
        .find(|&(i, label)| {
            let rest = window[i + label.len()..].trim_start_matches(is_inline_space);
            rest.starts_with(['1', '１', '一'])
                && !lists_attachments(&rest[rest.chars().next().map_or(0, char::len_utf8)..])
        })
        .map(|(i, _)| at + i)
}

/// Where a list of attachments that lost its line breaks ends, an annex at
/// `annex` after it: at the first gap of two spaces or an ideographic
/// space after its last item's number (the signature follows), else at the
/// annex.
fn flat_list_end(src: &str, from: usize, annex: usize) -> usize {
    let list = &src[from..annex];
    // The last item's number: a digit followed by . ． or 、.
    let last = list
        .char_indices()
        .filter(|&(i, c)| {
            c.is_ascii_digit()
                && list[i + 1..].starts_with(['.', '．', '、'])
                && !list[..i].ends_with(|p: char| p.is_ascii_digit())
        })
        .map(|(i, _)| i)
        .next_back()
        .unwrap_or(0);
    list[last..]
        .find(['\u{3000}'])
        .into_iter()
        .chain(list[last..].find("  "))
        .min()
        .map_or(annex, |gap| from + last + gap)
}

/// Whether what follows a 附件 label lists a document's attachments: a
/// colon, then a numbered item (`：1.检查表`), not an annex's own label
/// (附件1, 附件：检查表).
pub(crate) fn lists_attachments(rest: &str) -> bool {
    rest.trim_start_matches(is_inline_space)
        .strip_prefix(['：', ':'])
        .is_some_and(|items| starts_with_item_number(items.trim_start_matches(is_inline_space)))
}

/// The most lines of a signature and date that may follow a lone
/// attachment's name ([`names_last_attachment`]).
const SIGNATURE_LINES: usize = 4;

/// The most characters of a line of a signature or date.
const SIGNATURE_CHARS: usize = 40;

/// Whether a 附件 label followed by `rest` (to its line's end, `line_end`)
/// names the one attachment of a 公文 (附件：某某管理办法): a name after the
/// colon, then nothing before `end`, or a few short lines without a
/// sentence end or a marker, the last a date (the issuer, the date). An
/// annex labelled so is followed by its text.
pub(crate) fn names_last_attachment(src: &str, rest: &str, line_end: usize, end: usize) -> bool {
    let named = rest
        .trim_start_matches(is_inline_space)
        .strip_prefix(['：', ':'])
        .is_some_and(|name| !trim_blank(name).is_empty());
    let Some(after) = src.get(line_end..end.max(line_end)) else {
        return false;
    };
    let lines: Vec<&str> = after
        .lines()
        .map(trim_blank)
        .filter(|l| !l.is_empty())
        .take(SIGNATURE_LINES + 1)
        .collect();
    named
        && lines.len() <= SIGNATURE_LINES
        && lines.last().is_none_or(|l| opens_with_date(l))
        && lines.iter().all(|l| {
            l.chars().count() <= SIGNATURE_CHARS
                && !l.contains(['。', '！', '？', '；'])
                && super::marker::marker(l).is_none()
        })
}

/// Whether `line` starts with an item's number: digits, then `.`, `．` or `、`.
fn starts_with_item_number(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    rest.len() < line.len() && rest.starts_with(['.', '．', '、'])
}

/// Labels of a block of notes.
const NOTES_LABELS: [&str; 6] = ["注：", "注:", "注释：", "注释:", "注", "注释"];

/// The label of notes, in [`find_notes`] and [`find_run_in_notes`].
static NOTE: Finder = LazyLock::new(|| memmem::Finder::new("注"));

/// A block of notes near the end: a line that is only 注： (or 注释：),
/// followed by lines that start with a circled or bracketed number.
fn find_notes(src: &str) -> Option<Item<'_>> {
    let half = floor_char(src, src.len() / 2);
    let first = memchr::memchr(b'\n', &src.as_bytes()[half..]).map(|i| half + i + 1)?;
    // Only lines holding 注 can be labels: jump from one to the next.
    let mut from = first;
    while let Some(i) = NOTE.find(&src.as_bytes()[from..]) {
        let hit = from + i;
        // `from` is a line start: look back no further than it.
        let at = memchr::memrchr(b'\n', &src.as_bytes()[from..hit]).map_or(from, |j| from + j + 1);
        let end = super::text::line_end_after_break(src, hit);
        from = end;
        let line = trim_blank(&src[at..end]);
        if NOTES_LABELS.contains(&line) {
            // The block runs over note lines and blank lines.
            let mut block_end = end;
            let mut notes = 0;
            let mut next = end;
            while next < src.len() {
                let e = super::text::line_end_after_break(src, next);
                let l = trim_blank(&src[next..e]);
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
    }
    None
}

/// A block of notes in text whose line breaks were lost: 注：① … in the
/// second half, running to `end` (the page boilerplate after it, or the end).
fn find_run_in_notes(src: &str, end: usize) -> Option<Item<'_>> {
    let half = floor_char(src, src.len() / 2);
    let region = &src[half..end.max(half)];
    // The first 注：① wherever a 注:① stands; else the first 注:①.
    let mut half_width = None;
    for i in NOTE.find_iter(region.as_bytes()) {
        let rest = &region[i + "注".len()..];
        let (full_width, after) = match (rest.strip_prefix('：'), rest.strip_prefix(':')) {
            (Some(after), _) => (true, after),
            (None, Some(after)) => (false, after),
            (None, None) => continue,
        };
        if !after.trim_start_matches(is_inline_space).starts_with('①') {
            continue;
        }
        if full_width {
            return Some(item(src, FurnitureKind::Notes, half + i, end));
        }
        half_width.get_or_insert(half + i);
    }
    half_width.map(|at| item(src, FurnitureKind::Notes, at, end))
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

/// How many bytes set aside as page boilerplate are worth a diagnostic.
const NOISE_BYTES_REPORTED: usize = 2_048;

/// The share of a document (percent) set aside as page boilerplate that is
/// worth a diagnostic.
const NOISE_PERCENT_REPORTED: usize = 5;

/// A diagnostic when more than a small share of `src` (over 5% or 2 KB) was
/// set aside as page boilerplate, spanning the boilerplate from its first to
/// its last byte, so that a user sees what the tree left out of the body.
pub(crate) fn boilerplate_share(src: &str, items: &[Item<'_>]) -> Option<(Span, String)> {
    let noise = items.iter().filter(|i| i.kind == FurnitureKind::Noise);
    let bytes: usize = noise.clone().map(|i| i.span.end - i.span.start).sum();
    if bytes == 0 || (bytes <= NOISE_BYTES_REPORTED && bytes * 100 <= src.len() * NOISE_PERCENT_REPORTED) {
        return None;
    }
    let start = noise.clone().map(|i| i.span.start).min()?;
    let end = noise.map(|i| i.span.end).max()?;
    let percent = bytes * 100 / src.len().max(1);
    Some((
        Span::new(start, end),
        format!("{bytes} bytes ({percent}% of the text) set aside as page boilerplate"),
    ))
}

#[cfg(test)]
mod tests;
