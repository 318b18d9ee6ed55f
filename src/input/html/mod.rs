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

use ego_tree::iter::Edge;
use encoding_rs::Encoding;
use scraper::{Html, Node};

use crate::HeadingHint;
use crate::error::{Error, Result};
use crate::input::decode::decode_borrowed;
use crate::input::{InputKind, ReadOptions, ReadResult};
use crate::span::Span;

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
    let html = Html::parse_document(&source);
    let page = extract(&html, source.len());
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

/// What the extraction knows of an element. The elements read (those not
/// hidden) are kept in document order (as they open), so an element's
/// descendants follow it up to `last`.
#[derive(Clone, Copy, Debug)]
struct Info {
    /// Its text in the page's text.
    start: usize,
    end: usize,
    /// The index of its last descendant (itself when it has none).
    last: usize,
    /// Characters of its text outside links.
    plain: usize,
    /// `h1`…`h6` as 1…6, else 0.
    heading: u8,
    /// `article`, `main` or `role=main`.
    main: bool,
    /// Inside a `nav`, `header`, `footer`, `aside` or `a`: not a place for
    /// the title.
    in_furniture: bool,
}

/// Elements that start and end lines.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Elements whose content a reader never sees.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "select"
            | "textarea"
    )
}

/// Characters of the CJK ranges, between which a collapsed line break is
/// no space.
fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// The text being laid out.
#[derive(Default)]
struct Layout {
    out: String,
    /// White space seen since the last character (and whether it held a
    /// line break).
    space: Option<bool>,
    plain: usize,
}

impl Layout {
    fn end_line(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.space = None;
    }

    fn text(&mut self, text: &str, pre: bool, link: bool) {
        if pre {
            self.out.extend(text.split('\r'));
            return;
        }
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii_whitespace() {
                let newline = b == b'\n' || b == b'\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
                at += 1;
                continue;
            }
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |n| at + n);
            // Split at ASCII white space: on character boundaries.
            self.word(text.get(at..end).unwrap_or_default(), link);
            at = end;
        }
    }

    /// A run of text without ASCII white space.
    fn word(&mut self, word: &str, link: bool) {
        let Some(first) = word.chars().next() else {
            return;
        };
        if let Some(newline) = self.space.take() {
            let prev = self.out.chars().next_back();
            let at_line_start = prev.is_none_or(|p| p == '\n');
            let joined = newline && prev.is_some_and(is_cjk) && is_cjk(first);
            if !at_line_start && !joined {
                self.out.push(' ');
            }
        }
        if word.contains('\u{a0}') {
            for c in word.chars() {
                let c = if c == '\u{a0}' { ' ' } else { c };
                self.out.push(c);
                if c != ' ' && c != '\u{3000}' && !link {
                    self.plain += 1;
                }
            }
            return;
        }
        self.out.push_str(word);
        if !link {
            self.plain += word.chars().count() - word.matches('\u{3000}').count();
        }
    }
}

/// Lays out the page's text, then finds its main block. The text is
/// rarely longer than the page's source (`len` bytes): reserved at once, it
/// is never copied as it grows.
fn extract(html: &Html, len: usize) -> HtmlPage {
    let mut layout = Layout {
        out: String::with_capacity(len),
        ..Layout::default()
    };
    let mut infos: Vec<Info> = Vec::new();
    // Open elements: index in `infos`, plain characters before it.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let (mut hidden, mut pre, mut links, mut furniture) = (0usize, 0usize, 0usize, 0usize);
    let mut body = None;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if hidden > 0 || is_hidden(name) {
                        hidden += 1;
                        continue;
                    }
                    match name {
                        "br" => {
                            let trimmed = layout.out.trim_end_matches([' ', '\t']).len();
                            layout.out.truncate(trimmed);
                            layout.out.push('\n');
                            layout.space = None;
                        }
                        "td" | "th" if !layout.out.is_empty() && !layout.out.ends_with('\n') => {
                            layout.space = Some(false);
                        }
                        "pre" => pre += 1,
                        "a" => links += 1,
                        "body" => body = Some(infos.len()),
                        _ => {}
                    }
                    if is_block(name) {
                        layout.end_line();
                    }
                    open.push((infos.len(), layout.plain));
                    infos.push(Info {
                        start: layout.out.len(),
                        end: layout.out.len(),
                        last: infos.len(),
                        plain: 0,
                        heading: 0,
                        main: false,
                        in_furniture: furniture > 0,
                    });
                    if is_furniture(name) {
                        furniture += 1;
                    }
                }
                Node::Text(text) if hidden == 0 => layout.text(text, pre > 0, links > 0),
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                if is_block(name) {
                    layout.end_line();
                }
                match name {
                    "pre" => pre = pre.saturating_sub(1),
                    "a" => links = links.saturating_sub(1),
                    _ => {}
                }
                if is_furniture(name) {
                    furniture = furniture.saturating_sub(1);
                }
                let last = infos.len().saturating_sub(1);
                let Some((at, plain)) = open.pop() else {
                    continue;
                };
                if let Some(info) = infos.get_mut(at) {
                    info.end = layout.out.len();
                    info.last = last;
                    info.plain = layout.plain - plain;
                    info.heading = match name.as_bytes() {
                        [b'h', d @ b'1'..=b'6'] => d - b'0',
                        _ => 0,
                    };
                    info.main = matches!(name, "article" | "main") || el.attr("role") == Some("main");
                }
            }
        }
    }
    layout.end_line();
    let mut text = layout.out;
    // A page mostly of markup: give back what its text did not use.
    if text.capacity() / 2 > text.len() {
        text.shrink_to_fit();
    }
    let headings = page_headings(&text, &infos);
    let main = on_chars(&text, main_span(body, &infos, text.len()));
    HtmlPage { text, main, headings }
}

/// `nav`, `header`, `footer`, `aside`, `a`: not a place for the title.
fn is_furniture(name: &str) -> bool {
    matches!(name, "nav" | "header" | "footer" | "aside" | "a")
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
            let s = text.get(i.start..i.end)?;
            let lead = s.len() - s.trim_start().len();
            let body = s.trim();
            // One line: the heading's first.
            let first = body.split('\n').next().unwrap_or(body);
            (!first.is_empty()).then(|| {
                HeadingHint::new(
                    Span::new(i.start + lead, i.start + lead + first.len()),
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
    let total = body_info.plain;
    if total == 0 {
        return whole;
    }
    // An article or main holding most of the text.
    let marked = infos
        .iter()
        .enumerate()
        .filter(|(_, i)| i.main && i.plain * 2 >= total)
        .max_by_key(|(_, i)| (i.plain, std::cmp::Reverse(i.start)));
    let chosen = if let Some((at, _)) = marked {
        at
    } else {
        // Descend into the child holding most of the text outside links.
        let mut cur = body_at;
        while let Some(here) = infos.get(cur) {
            let best = children(infos, cur).max_by_key(|&(_, i)| i.plain);
            match best {
                Some((at, info)) if here.plain > 0 && info.plain * 10 >= here.plain * 6 => cur = at,
                _ => break,
            }
        }
        cur
    };
    let Some(info) = infos.get(chosen) else {
        return whole;
    };
    // Content with hardly any text of its own is no better than the page.
    if info.plain * 10 < total * 3 {
        return whole;
    }
    let mut start = info.start;
    // A heading just before the block (the page's title) opens it.
    let title = infos
        .iter()
        .filter(|i| {
            i.heading > 0
                && i.heading <= 3
                && i.end <= info.start
                && info.start - i.end <= 300
                && i.plain > 0
                && !i.in_furniture
        })
        .map(|i| i.start)
        .max();
    if let Some(t) = title {
        start = t;
    }
    Span::new(start, info.end)
}

/// The children of the element at `at`, with their indices.
fn children(infos: &[Info], at: usize) -> impl Iterator<Item = (usize, &Info)> {
    let last = infos.get(at).map_or(at, |i| i.last);
    let mut next = at + 1;
    std::iter::from_fn(move || {
        let info = infos.get(next).filter(|_| next <= last)?;
        let here = next;
        next = info.last.max(next) + 1;
        Some((here, info))
    })
}

#[cfg(test)]
mod tests;
