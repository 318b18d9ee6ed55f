//! HTML pages: the text a reader sees, the page's headings, and the block
//! that holds the speech.
//!
//! The page is decoded (byte-order mark, then [`ReadOptions::encoding`],
//! then `<meta charset>` / `http-equiv`, then detection as for text), parsed
//! with html5ever (through `scraper`), and its text extracted as a browser
//! lays it out: block elements end lines, `<br>` breaks one, table cells of
//! a row share its line, runs of white space collapse (a line break between
//! two Chinese characters disappears), entities are decoded, and `script`,
//! `style`, `template`, `noscript` and the `head` are left out. `h1`–`h6`
//! are heading evidence at their level.
//!
//! The page's furniture (navigation, header, footer, 版权所有 and ICP lines,
//! share buttons) is set aside: the speech is read from the main content
//! element, an `article` or `main` holding most of the page's text, or else
//! the block found by descending from `body` into the child that holds most
//! of the text that is not links; a heading just before that block (the
//! page's `<h1>` title) is kept with it. When no block stands out the whole
//! page is read, so the body is never dropped.

use encoding_rs::Encoding;
use html5ever::tendril::{StrTendril, TendrilSink};

use crate::HeadingHint;
use crate::error::{Error, Result};
use crate::input::decode::decode_borrowed;
use crate::input::{InputKind, ReadOptions, ReadResult};
use crate::span::Span;

mod layout;
mod sink;

use layout::{Info, MAX_PAGE};
use sink::{Laid, Sink};

/// An HTML page's text, the part of it that is the speech, and its headings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct HtmlPage {
    /// The whole page's text, one line per block.
    pub text: String,
    /// The part of `text` that holds the speech: the main content element
    /// (with the heading just before it). The rest is page furniture.
    pub main: Span,
    /// The page's `h1`–`h6` in `text`, at their levels counted from the
    /// shallowest (a single `h1` that opens the speech is its title and left
    /// to title detection).
    pub headings: Vec<HeadingHint>,
}

/// Reads an HTML page's speech: [`html_page`]'s main content, with its
/// headings, for the parser. Offsets index this extracted text, not the
/// HTML source.
///
/// # Errors
///
/// As [`html_page`].
///
/// ```
/// use speechtree::input::{ReadOptions, html_text};
///
/// let page = "<html><head><title>t</title><script>var x = '一、';</script></head><body>\
///   <ul class=nav><li><a href=/>首页</a></li><li><a href=/news>新闻</a></li></ul>\
///   <div class=article><h1>在全市工作会议上的讲话</h1>\
///   <div id=zoom><p>同志们：</p><p><strong>一、总体要求</strong></p><p>一是加强领导。二是狠抓落实。</p>\
///   <p>二、主要任务</p><p>做好各项工作。</p></div></div>\
///   <div class=footer>版权所有 某某市人民政府 ICP备00000000号</div></body></html>";
/// let read = html_text(page.as_bytes(), &ReadOptions::default())?;
/// assert_eq!(read.text, "在全市工作会议上的讲话\n同志们：\n一、总体要求\n一是加强领导。二是狠抓落实。\n二、主要任务\n做好各项工作。\n");
/// let doc = read.parse(&speechtree::Options::default());
/// assert_eq!(doc.title(), Some("在全市工作会议上的讲话"));
/// assert_eq!(speechtree::outline(&doc), "# title: 在全市工作会议上的讲话\n# salutation: 同志们\n一、\t总体要求\n  一是\t加强领导\n  二是\t狠抓落实\n二、\t主要任务\n");
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn html_text(bytes: &[u8], opts: &ReadOptions) -> Result<ReadResult> {
    let page = html_page(bytes, opts)?;
    let Span { start, end } = page.main;
    let mut text = page.text;
    // The main span is on the text's character boundaries (`on_chars`).
    if text.get(start..end).is_some() {
        text.truncate(end);
        text.drain(..start);
    }
    let headings = page
        .headings
        .iter()
        .filter(|h| h.span().start >= start && h.span().end <= end)
        .map(|h| HeadingHint::new(Span::new(h.span().start - start, h.span().end - start), h.level()))
        .collect();
    Ok(ReadResult {
        text,
        headings: normalise(headings),
        kind: InputKind::Html,
        ..ReadResult::default()
    })
}

/// Decodes and reads a whole HTML page (see the module's notes).
///
/// # Errors
///
/// [`Error::Decode`] naming the file, line, column and byte offset of bytes
/// the page's encoding (declared or detected) cannot explain,
/// [`Error::UnknownEncoding`] for an unknown [`ReadOptions::encoding`], and
/// [`Error::Unsupported`] for a page without text.
///
/// ```
/// use speechtree::input::{ReadOptions, html_page};
///
/// // GBK bytes for "一、总体要求", declared by a meta tag.
/// let mut page = b"<meta charset=\"gbk\"><p>".to_vec();
/// page.extend_from_slice(b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3</p>");
/// let read = html_page(&page, &ReadOptions::default())?;
/// assert_eq!(read.text, "一、总体要求\n");
///
/// let err = html_page(b"<p> </p>", &ReadOptions::default()).unwrap_err().with_path("empty.html");
/// assert_eq!(err.to_string(), "empty.html: unsupported format: an HTML page without text");
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn html_page(bytes: &[u8], opts: &ReadOptions) -> Result<HtmlPage> {
    let label = if Encoding::for_bom(bytes).is_some() {
        None
    } else {
        opts.encoding.clone().or_else(|| declared_charset(bytes))
    };
    // html5ever copies what it keeps: UTF-8 bytes are parsed in place.
    let source = decode_borrowed(bytes, label.as_deref())?;
    if source.len() > MAX_PAGE {
        return Err(Error::Limit {
            path: None,
            what: "an HTML page's size".to_owned(),
            limit: MAX_PAGE as u64,
            unit: "bytes",
        });
    }
    let page = extract(&source)?;
    if page.text.trim().is_empty() {
        return Err(Error::Unsupported {
            path: None,
            reason: "an HTML page without text".to_owned(),
        });
    }
    Ok(page)
}

/// The charset a `<meta>` of the page's first 4 KiB declares, when
/// encoding_rs knows it.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes
        .get(..bytes.len().min(4096))
        .unwrap_or(bytes)
        .to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = find(&head[at..], b"<meta") {
        let tag_start = at + i;
        let tag_end = find(&head[tag_start..], b">").map_or(head.len(), |j| tag_start + j);
        let tag = &head[tag_start..tag_end];
        if let Some(j) = find(tag, b"charset") {
            let rest = &tag[j + 7..];
            let rest = rest
                .trim_ascii_start()
                .strip_prefix(b"=")
                .unwrap_or(rest)
                .trim_ascii_start();
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let len = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .count();
            let label = String::from_utf8_lossy(&rest[..len]).into_owned();
            if Encoding::for_label(label.as_bytes()).is_some_and(|e| e != encoding_rs::REPLACEMENT) {
                // A page that says UTF-16 in a meta tag is ASCII-compatible
                // in fact (the spec reads it as UTF-8).
                return Some(if label.starts_with("utf-16") {
                    "utf-8".to_owned()
                } else {
                    label
                });
            }
        }
        at = tag_end.max(tag_start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Pieces of the source fed to html5ever at a time: it keeps each until it
/// has read it, not the whole page; its work is checked after each.
const CHUNK: usize = 1 << 14;

/// The tree builder's work allowed per byte of source, beyond
/// [`BASE_STEPS`]: pages ask it one or two questions a byte (their elements
/// nest a few dozen deep); each tag among elements nested thousands deep
/// asks thousands, so the work grows with the square of the page's size.
const STEPS_PER_BYTE: u64 = 128;

/// The work any page is allowed (elements nested about ten thousand deep;
/// a fraction of a second).
const BASE_STEPS: u64 = 1 << 26;

/// The elements a page may make, beyond [`BASE_ELEMENTS`]: one for every
/// [`BYTES_PER_ELEMENT`] bytes of source. A page's elements are each at least
/// a tag (`<p>`, three bytes), and pages have one every 20 to 50 bytes; but
/// the tree builder reopens the inline elements left open (`<b>`, `<i>`, a
/// `<font>` with its own attributes) in every new paragraph, so `<p><b>x`
/// repeated made 4.4 elements every 7 bytes (27 times the page in memory),
/// and `<p><b class=N>x` with a new N each time more with every paragraph
/// (250 KB took 3 GB and 20 seconds before the work limit stopped it).
const BYTES_PER_ELEMENT: usize = 8;

/// The elements any page may make (64 when built for fuzzing, so that the
/// fuzzer's small pages reach the limit).
#[cfg(not(fuzzing))]
const BASE_ELEMENTS: usize = 1 << 16;
#[cfg(fuzzing)]
const BASE_ELEMENTS: usize = 64;

/// Lays out the page's text as html5ever builds it (see [`sink`]), then
/// finds its main block and headings.
fn extract(source: &str) -> Result<HtmlPage> {
    let max_elements = source.len() / BYTES_PER_ELEMENT + BASE_ELEMENTS;
    let sink = Sink::new(source.len(), max_elements);
    let mut parser = html5ever::parse_document(sink, html5ever::ParseOpts::default());
    let budget = STEPS_PER_BYTE * source.len() as u64 + BASE_STEPS;
    let over = |at: usize| Error::Limit {
        path: None,
        what: format!(
            "the elements the HTML tree builder made by byte {at} of the decoded page (one every {BYTES_PER_ELEMENT} bytes and {BASE_ELEMENTS} more, a template counting as {})",
            sink::TEMPLATE_WEIGHT
        ),
        limit: max_elements as u64,
        unit: "elements",
    };
    let too_deep = |at: usize| Error::Limit {
        path: None,
        what: format!("the nesting of elements by byte {at} of the decoded page"),
        limit: sink::MAX_DEPTH as u64,
        unit: "levels",
    };
    let mut at = 0;
    while at < source.len() {
        let mut end = (at + CHUNK).min(source.len());
        while !source.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&source[at..end]));
        at = end;
        let sink = &parser.tokenizer.sink.sink;
        if sink.over() {
            return Err(over(at));
        }
        if sink.too_deep() {
            return Err(too_deep(at));
        }
        let steps = sink.steps();
        if steps > budget {
            return Err(Error::Limit {
                path: None,
                what: format!(
                    "the HTML tree builder's work by byte {at} of the decoded page (elements nested too deeply)"
                ),
                limit: budget,
                unit: "steps",
            });
        }
    }
    // The end of the page closes what is open, and can make elements too.
    let Laid {
        text,
        infos,
        body,
        over: refused,
        too_deep: deep,
    } = parser.finish();
    if refused {
        return Err(over(at));
    }
    if deep {
        return Err(too_deep(at));
    }
    let headings = page_headings(&text, &infos);
    let main = on_chars(&text, main_span(body, &infos, text.len()));
    Ok(HtmlPage { text, main, headings })
}

/// `span` within `text` and on its character boundaries. Offsets are taken
/// as elements open and close, and the layout may later trim white space
/// before them (a `<br>`, a line's end), so an offset can point past the
/// trimmed text or, once more text follows, inside a character.
fn on_chars(text: &str, span: Span) -> Span {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let end = floor(span.end);
    Span::new(floor(span.start).min(end), end)
}

/// The page's headings in document order, their spans trimmed to the text.
fn page_headings(text: &str, infos: &[Info]) -> Vec<HeadingHint> {
    let mut out: Vec<HeadingHint> = infos
        .iter()
        .filter(|i| i.heading > 0)
        .filter_map(|i| {
            let s = text.get(i.start()..i.end())?;
            let lead = s.len() - s.trim_start().len();
            let body = s.trim();
            // One line: the heading's first.
            let first = body.split('\n').next().unwrap_or(body);
            (!first.is_empty()).then(|| {
                HeadingHint::new(
                    Span::new(i.start() + lead, i.start() + lead + first.len()),
                    i.heading - 1,
                )
            })
        })
        .collect();
    out.sort_by_key(|h| h.span().start);
    out.dedup_by_key(|h| h.span().start);
    out
}

/// Levels counted from the shallowest heading, a single leading `h1` (the
/// page's title) left out.
fn normalise(mut headings: Vec<HeadingHint>) -> Vec<HeadingHint> {
    let h1s = headings.iter().filter(|h| h.level() == 0).count();
    if h1s == 1 && headings.first().is_some_and(|h| h.level() == 0) {
        headings.remove(0);
    }
    let base = headings.iter().map(|h| h.level()).min().unwrap_or(0);
    for h in &mut headings {
        *h = h.at_level(h.level() - base);
    }
    headings
}

/// The span of the page's speech (see the module's notes). `body` is the
/// `body` element's index in `infos`.
fn main_span(body: Option<usize>, infos: &[Info], len: usize) -> Span {
    let whole = Span::new(0, len);
    let Some((body_at, body_info)) = body.and_then(|at| Some((at, infos.get(at)?))) else {
        return whole;
    };
    let total = body_info.plain();
    if total == 0 {
        return whole;
    }
    // An article or main holding most of the text.
    let marked = infos
        .iter()
        .enumerate()
        .filter(|(_, i)| i.main && i.plain() * 2 >= total)
        .max_by_key(|(_, i)| (i.plain(), std::cmp::Reverse(i.start())));
    let chosen = if let Some((at, _)) = marked {
        at
    } else {
        // Descend into the child holding most of the text outside links.
        let mut cur = body_at;
        while let Some(here) = infos.get(cur) {
            let best = children(infos, cur).max_by_key(|&(_, i)| i.plain());
            match best {
                Some((at, info)) if here.plain() > 0 && info.plain() * 10 >= here.plain() * 6 => cur = at,
                _ => break,
            }
        }
        cur
    };
    let Some(info) = infos.get(chosen) else {
        return whole;
    };
    // Content with hardly any text of its own is no better than the page.
    if info.plain() * 10 < total * 3 {
        return whole;
    }
    let mut start = info.start();
    // A heading just before the block (the page's title) opens it.
    let title = infos
        .iter()
        .filter(|i| {
            i.heading > 0
                && i.heading <= 3
                && i.end() <= info.start()
                && info.start() - i.end() <= 300
                && i.plain() > 0
                && !i.in_furniture
        })
        .map(|i| i.start())
        .max();
    if let Some(t) = title {
        start = t;
    }
    Span::new(start, info.end())
}

/// The children of the element at `at`, with their indices.
fn children(infos: &[Info], at: usize) -> impl Iterator<Item = (usize, &Info)> {
    let last = infos.get(at).map_or(at, |i| i.last());
    let mut next = at + 1;
    std::iter::from_fn(move || {
        let info = infos.get(next).filter(|_| next <= last)?;
        let here = next;
        next = info.last().max(next) + 1;
        Some((here, info))
    })
}

#[cfg(test)]
mod tests;
