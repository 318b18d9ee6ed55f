//! Markdown: the source's own markup is evidence, never noise.
//!
//! The Markdown is read with pulldown-cmark (a CommonMark parser that reports
//! where every event stands in the source). From its events comes a *masked*
//! copy of the source, of the same byte length, where every byte of markup
//! (`## `, `**`, `- `, link targets, front matter, HTML comments, code
//! blocks, link definitions) is an ASCII space and line breaks stay where
//! they are; text stays as written, and so do the numbers of ordered list
//! items (`1.` is the Chinese ordinal `1.`). ATX and setext headings become
//! [`HeadingHint`]s at their level. The speech parser reads the masked copy,
//! so markers hidden behind markup (`## **一、总体要求**`, `**一是**加强领导`)
//! are at their line's start as in plain text; the tree is then presented
//! over the Markdown source itself: offsets are identical, so every span
//! indexes the file and the leaves rebuild it byte for byte.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options as CmarkOptions, Parser, Tag, TagEnd};

use crate::ast::{Document, NodeKind};
use crate::input::{InputKind, ReadResult};
use crate::span::Span;
use crate::{HeadingHint, Options};

mod plain;
use plain::Compact;

/// The text the parser reads for a Markdown source, and its headings.
///
/// `text` is the source with every byte of markup replaced by an ASCII space
/// (line breaks kept), so it has the source's length and its offsets are the
/// source's; `headings` are the source's ATX and setext headings, as
/// [`HeadingHint`]s. A document's single leading `#` heading is its title: it
/// is left to the parser's title detection, and the other headings' levels
/// count from the shallowest one left (so `##` sections under a `#` title
/// are at level 0).
///
/// [`parse_markdown`] parses this and presents the tree over the source;
/// use this function to see what the parser sees.
///
/// ```
/// use speechtree::input::markdown_text;
///
/// let src = "# 关于加强管理的通知\n\n## **一、总体要求**\n\n**一是**加强领导。\n";
/// let read = markdown_text(src);
/// assert_eq!(read.text.len(), src.len());
/// assert_eq!(read.text, "  关于加强管理的通知\n\n     一、总体要求  \n\n  一是  加强领导。\n");
/// let heading = read.headings[0];
/// assert_eq!(heading.span().slice(src), "## **一、总体要求**");
/// assert_eq!(heading.level(), 0);
/// ```
pub fn markdown_text(src: &str) -> ReadResult {
    let Masked {
        text,
        headings,
        as_text,
    } = mask(src);
    ReadResult {
        text,
        headings,
        kind: InputKind::Markdown,
        as_text,
        ..ReadResult::default()
    }
}

/// A Markdown source read: [`markdown_text`]'s masked copy to parse, the
/// source kept beside it to present the tree over.
pub(crate) fn read_markdown(src: String) -> ReadResult {
    let mut read = markdown_text(&src);
    read.masked = Some(std::mem::replace(&mut read.text, src));
    read
}

/// Parses a Markdown source: the tree of [`markdown_text`]'s masked copy,
/// with the source's headings as evidence, over the source itself.
///
/// Every span indexes `src`, and the leaves rebuild it exactly; the markup
/// is in the leaves around the structure (a heading's `## ` is in its
/// [`Heading::text`](crate::Heading::text), a front matter block in a [`Space`](crate::Space)). Titles and point
/// leads are trimmed of markup at their ends (`## **一、总体要求**` has the
/// title `总体要求`); markup inside a title (`## 一、加强**党的**领导`) stays
/// in [`Heading::title`](crate::Heading::title), a slice of the source, and
/// [`Section::title`](crate::Section::title) gives the title without it
/// (`加强党的领导`). `options.heading_hints` are added to the
/// Markdown's own headings.
///
/// ```
/// use speechtree::{Options, outline};
/// use speechtree::input::parse_markdown;
///
/// let src = "# 某某管理条例\n\n## 第一章  总则\n\n第一条 为了规范管理，制定本法。\n\n## 第二章  管理\n\n第二条 单位应当加强管理。\n";
/// let doc = parse_markdown(src, &Options::default());
/// assert_eq!(doc.title(), Some("某某管理条例"));
/// assert_eq!(
///     outline(&doc),
///     "# title: 某某管理条例\n第一章\t总则\n  第一条\t为了规范管理，制定本法\n第二章\t管理\n  第二条\t单位应当加强管理\n"
/// );
/// assert_eq!(doc.leaves().map(|(_, t)| t).collect::<String>(), src);
///
/// let doc = parse_markdown("**一是**加强领导。**二是**狠抓落实。\n", &Options::default());
/// let leads: Vec<&str> = doc.points().map(|p| p.lead().title).collect();
/// assert_eq!(leads, ["加强领导", "狠抓落实"]);
/// ```
pub fn parse_markdown<'a>(src: &'a str, options: &Options) -> Document<'a> {
    let masked = mask(src);
    parse_masked(src, &masked.text, &masked.headings, &masked.as_text, options)
}

/// Parses `masked` (a masked copy of `src`, see [`markdown_text`]) with
/// `headings` and `options`' hints, and presents the tree over `src`: the
/// offsets are the same, so the tree only changes the text it reads, and
/// sections are nested under the marked headings. The pieces `as_text`
/// (read as plain text, see [`mask`]) are reported as
/// [`DiagnosticCode::MarkupAsText`](crate::DiagnosticCode::MarkupAsText).
pub(crate) fn parse_masked<'a>(
    src: &'a str,
    masked: &str,
    headings: &[HeadingHint],
    as_text: &[crate::Span],
    options: &Options,
) -> Document<'a> {
    let mut doc = masked_tree(src, masked, headings, options);
    for &span in as_text {
        doc.diagnostics.insert_in_order(
            crate::DiagnosticCode::MarkupAsText,
            span,
            format!(
                "{} bytes of Markdown read as plain text: too dense in markup to read within the memory bound",
                span.len()
            ),
        );
    }
    doc
}

/// [`parse_masked`]'s tree, before the pieces read as text are reported.
fn masked_tree<'a>(src: &'a str, masked: &str, headings: &[HeadingHint], options: &Options) -> Document<'a> {
    if masked.len() != src.len() {
        return crate::parse_with(src, options);
    }
    let hints = super::markup::merged_hints(&options.heading_hints, headings);
    let doc = crate::parse::parse_read_back(masked, src, options, &hints);
    // Spans of the masked copy fall on its character boundaries, which are
    // the source's wherever text was kept; a span inside blanked markup
    // that was not ASCII (a Chinese link target, code block) could in
    // principle split a character of the source. Then the source is read
    // as plain text rather than risk a tree that does not rebuild it. (A
    // copy that blanked only ASCII is known to fit by one pass over the
    // bytes; another, or a source changed after it was masked, is checked
    // node by node.)
    // A run of paragraphs and spaces is split into lines and blank lines
    // when read, in the source: they are the masked copy's, as the masked
    // copy is the source with hidden bytes blanked and line breaks kept (a
    // line not blank in it is not blank in the source), and the builder
    // takes in a space only where it is blank in the source too.
    debug_assert!(
        doc.nodes
            .iter()
            .all(|n| n.flags & crate::ast::NodeData::RUN == 0 || same_pieces(masked, src, n.span()))
    );
    let fits = same_wide_bytes(masked.as_bytes(), src.as_bytes())
        || doc.nodes.iter().all(|n| {
            [n.start, n.end, n.heading_end, n.title_start, n.title_end]
                .iter()
                .all(|&at| src.is_char_boundary(at as usize))
                && src.is_char_boundary(n.marker_end())
        });
    if !fits {
        return crate::parse_with(src, options);
    }
    let mut doc = Document {
        source: src,
        nodes: doc.nodes,
        unstored: doc.unstored,
        diagnostics: doc.diagnostics,
        plain_titles: Vec::new(),
    };
    super::markup::nest_under_headings(&mut doc, &hints);
    doc.plain_titles = plain_titles(src, masked, &doc);
    doc
}

/// The titles of `doc`'s sections and points (a tree over `src`, read from
/// its masked copy `masked`) that hold markup inside them, without it: the
/// source's bytes where the masked copy kept them. A blanked character is
/// blanked whole (every byte of it differs from the copy's space), so what
/// is kept is whole characters.
fn plain_titles(src: &str, masked: &str, doc: &Document<'_>) -> Vec<(u32, Box<str>)> {
    let (src_bytes, masked_bytes) = (src.as_bytes(), masked.as_bytes());
    let mut plain = Vec::new();
    for id in 0..doc.nodes.len() {
        let n = doc.nodes.at(id);
        if !matches!(n.kind, NodeKind::Section | NodeKind::Point) {
            continue;
        }
        let title = n.title();
        let (Some(s), Some(m)) = (
            src_bytes.get(title.start..title.end),
            masked_bytes.get(title.start..title.end),
        ) else {
            continue;
        };
        if s == m {
            continue;
        }
        let kept: Vec<u8> = s.iter().zip(m).filter(|(a, b)| a == b).map(|(&a, _)| a).collect();
        let text = String::from_utf8(kept);
        debug_assert!(text.is_ok(), "whole characters are kept");
        if let Ok(text) = text {
            plain.push((crate::ast::data::index(id), text.into_boxed_str()));
        }
    }
    plain
}

/// Whether `a` and `b` (of one length) differ only where both bytes are
/// ASCII: then a character of `a` starts wherever one of `b` does (a byte
/// that continues a character is the same in both), and every span of
/// `a` falls on `b`'s character boundaries. A masked copy that blanked
/// only ASCII markup is such a copy of its source: its tree needs no
/// check node by node. A pass over the bytes the compiler vectorises.
fn same_wide_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len()
        && a.chunks(1 << 12).zip(b.chunks(1 << 12)).all(|(x, y)| {
            let odd = x
                .iter()
                .zip(y)
                .fold(0u8, |acc, (&p, &q)| acc | (u8::from(p != q) & ((p | q) >> 7)));
            odd == 0
        })
}

/// Whether the run over `run` splits into the same paragraphs and spaces
/// in the masked copy and in the source.
fn same_pieces(masked: &str, src: &str, run: crate::Span) -> bool {
    let mut at = run.start;
    while at < run.end {
        let piece = crate::ast::data::run_piece(masked, run, at);
        if piece != crate::ast::data::run_piece(src, run, at) {
            return false;
        }
        at = piece.0.end;
    }
    true
}

/// How much Markdown pulldown-cmark is given at once: its tree of a whole
/// file of headings would take about 12 times the file.
const CHUNK: usize = 256 << 10;

/// About how many events a piece should give: pulldown-cmark's tree grows
/// with the blocks and inlines, and 256 KiB of `# x` lines are 65,536
/// headings (a tree of 6 MB, and the memory it leaves behind as the file is
/// read). A piece after one denser in events than this allows is smaller.
const PIECE_EVENTS: usize = 16_384;

/// Bytes of pulldown-cmark's memory to count for each mark of markup in a
/// piece (see [`marks`]): its tree and links took 35 to 135 bytes a mark
/// on text that was nothing but code spans, emphasis, links, block quote
/// lines, setext headings or tables.
const MARK_COST: usize = 128;

/// How much of pulldown-cmark's memory a piece may take, by [`MARK_COST`]:
/// six times the source, or 16 MiB on a smaller one.
fn mark_budget(src: &str) -> usize {
    src.len().saturating_mul(6).max(16 << 20)
}

/// The marks of markup in `bytes`, for pulldown-cmark's memory: line breaks
/// and the bytes that open or close an inline or a table cell. A line of a
/// fenced code block, of an HTML block that a line opening with a block
/// tag (`<table>`, `<div>`, `</td>` …, CommonMark's sixth kind), a comment
/// or `<script>`, `<pre>`, `<style>`, `<textarea>` starts (taken to run to
/// the next blank line), or of an indented code block after a blank line,
/// is one mark: pulldown-cmark keeps one event for it whatever it holds (a
/// raw HTML table of 10 MB took 26 MB, a code block of 8.3 MB 10 MB, where
/// counting their `<`, `(` and `*` said 499 and 384).
fn marks(bytes: &[u8]) -> usize {
    let mut total = 0;
    // The fence's character and length while in a fenced code block.
    let mut fence: Option<(u8, usize)> = None;
    let mut html = false;
    let mut after_blank = true;
    let mut code = false;
    for line in bytes.split_inclusive(|&b| b == b'\n') {
        let indent = line.iter().take_while(|&&b| b == b' ').count();
        let rest = &line[indent.min(line.len())..];
        let blank = rest.iter().all(|b| b.is_ascii_whitespace());
        let run = |c: u8| rest.iter().take_while(|&&b| b == c).count();
        let opens_fence = (indent < 4)
            .then(|| rest.first().copied())
            .flatten()
            .filter(|&c| (c == b'`' || c == b'~') && run(c) >= 3);
        let one = if let Some((c, n)) = fence {
            if opens_fence == Some(c) && run(c) >= n {
                fence = None;
            }
            true
        } else if let Some(c) = opens_fence {
            fence = Some((c, run(c)));
            true
        } else if html {
            html = !blank;
            true
        } else if indent < 4 && opens_html_block(rest) {
            html = true;
            true
        } else {
            code = !blank && indent >= 4 && (after_blank || code);
            code
        };
        after_blank = blank;
        total += if one {
            1
        } else {
            line.iter().filter(|&&b| is_mark(b)).count()
        };
    }
    total
}

/// Whether `rest` (a line without its indentation) opens an HTML block
/// that runs to a blank line: CommonMark's block tags (its sixth kind), or
/// a comment, `<script`, `<pre`, `<style`, `<textarea` (which run to their
/// end, taken as the blank line).
fn opens_html_block(rest: &[u8]) -> bool {
    const BLOCK_TAGS: [&str; 62] = [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let Some(tag) = rest.strip_prefix(b"<") else {
        return false;
    };
    if tag.starts_with(b"!--") {
        return true;
    }
    let tag = tag.strip_prefix(b"/").unwrap_or(tag);
    let name_len = tag.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
    let name = tag[..name_len].to_ascii_lowercase();
    let ends = matches!(
        tag.get(name_len),
        None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')
    );
    let raw = ["script", "pre", "style", "textarea"]
        .iter()
        .any(|t| t.as_bytes() == name);
    ends && (raw || BLOCK_TAGS.iter().any(|t| t.as_bytes() == name))
}

/// Whether `b` is a mark of markup for [`marks`].
#[inline(always)]
fn is_mark(b: u8) -> bool {
    (b == b'\n')
        | (b == b'*')
        | (b == b'_')
        | (b == b'`')
        | (b == b'[')
        | (b == b']')
        | (b == b'(')
        | (b == b')')
        | (b == b'<')
        | (b == b'&')
        | (b == b'\\')
        | (b == b'~')
        | (b == b'|')
        | (b == b'>')
}

/// What [`mask`] makes of a Markdown source.
pub(crate) struct Masked {
    /// The masked copy.
    pub text: String,
    /// The source's headings as hints.
    pub headings: Vec<HeadingHint>,
    /// Pieces read as plain text (shown whole in the masked copy): pieces
    /// that no place to end a piece made small enough for pulldown-cmark's
    /// tree of them to fit [`mark_budget`] (a paragraph of a million code
    /// spans, a block quote of a million lines).
    pub as_text: Vec<crate::Span>,
}

/// The masked copy of `src` and its headings (see [`markdown_text`]).
fn mask(src: &str) -> Masked {
    mask_in_chunks(src, CHUNK, mark_budget(src), true)
}

/// [`markdown_text`]'s text and headings, pulldown-cmark given pieces of
/// about `chunk` bytes: the fuzz targets check that it is the same for
/// every `chunk` (built by cargo-fuzz, with `--cfg fuzzing`, and for the
/// tests).
#[cfg(any(fuzzing, test))]
pub fn masked_in_pieces(src: &str, chunk: usize) -> (String, Vec<HeadingHint>) {
    let masked = mask_in_chunks(src, chunk, mark_budget(src), true);
    (masked.text, masked.headings)
}

/// [`masked_in_pieces`] with every block given to pulldown-cmark as
/// written (no plain block's stand-in, see [`plain`]): the fuzz targets
/// check that it is the same.
#[cfg(any(fuzzing, test))]
pub fn masked_as_written(src: &str, chunk: usize) -> (String, Vec<HeadingHint>) {
    let masked = mask_in_chunks(src, chunk, mark_budget(src), false);
    (masked.text, masked.headings)
}

/// [`mask`], pulldown-cmark given pieces of about `chunk` bytes that end
/// where every block is closed whatever follows (see [`split_after`]); a
/// piece whose last block could be open (a fenced code block, an HTML
/// block) is grown, doubling, until it is not or reaches the end. A source
/// with a link reference definition (`]:`) is read whole: a definition
/// anywhere gives links everywhere their meaning. A piece whose marks of
/// markup, at [`MARK_COST`] each, are over `budget` is first cut as short
/// as it can be; if it is still over, it is read as plain text.
fn mask_in_chunks(src: &str, chunk: usize, budget: usize, plain: bool) -> Masked {
    let whole = memchr::memmem::find(src.as_bytes(), b"]:").is_some();
    // Pieces cut about `chunk` long are not counted (counting every piece
    // added 2 to 3% to the instructions of reading Markdown): pulldown-cmark's
    // tree of one takes some megabytes, whatever the file's size, and is
    // dropped before the next.
    let over = |piece: Range<usize>| {
        piece.len() > (budget / MARK_COST).max(chunk.saturating_mul(2))
            && marks(&src.as_bytes()[piece]).saturating_mul(MARK_COST) > budget
    };
    let mut as_text = Vec::new();
    let mut out = String::with_capacity(src.len());
    let mut found: Vec<HeadingHint> = Vec::new();
    let mut shown: Vec<Range<usize>> = Vec::new();
    let mut compact = Compact::default();
    // Front matter is hidden; pulldown-cmark reads what follows it.
    let mut start = front_matter(src);
    masked_into(&mut out, src, &mut shown, start);
    // The size of the next piece: `chunk`, or less after a piece dense in
    // events.
    let mut size = chunk.max(1);
    // Where a piece over the budget ended: the pieces before it are cut as
    // short as they can be (counted once, not again at every piece).
    let mut short_until = 0;
    while start < src.len() || start == 0 {
        let mut shortest = start < short_until;
        let mut want = if shortest { 0 } else { size };
        let mut end;
        loop {
            let before_item;
            (end, before_item) = if whole {
                (src.len(), false)
            } else {
                split_after(src, start.saturating_add(want))
            };
            shown.clear();
            let too_dense = over(start..end);
            if too_dense && !whole && !shortest {
                // As short as it can be (once: a piece that is then grown
                // is not cut again). From `start` itself, so that a
                // heading on its line still ends the piece.
                shortest = true;
                short_until = end;
                want = 0;
                continue;
            }
            if too_dense {
                shown.push(start..end);
                as_text.push(crate::Span::new(start, end));
                break;
            }
            let heads = found.len();
            let last = mask_piece(
                src,
                start..end,
                &mut shown,
                &mut found,
                plain.then_some(&mut compact),
            );
            // Before a list item, the piece must end in a list (see
            // `split_after`).
            if (!last.runs_on && (!before_item || last.is_list)) || end == src.len() {
                let per_event = (end - start) / last.events.max(1);
                size = chunk.max(1).min(PIECE_EVENTS.saturating_mul(per_event.max(1)));
                break;
            }
            found.truncate(heads);
            // At least twice the piece it had: each try parses past the last.
            want = want.max(end - start).saturating_mul(2);
        }
        if !masked_into(&mut out, src, &mut shown, end) {
            return Masked {
                text: String::new(),
                headings: Vec::new(),
                as_text: Vec::new(),
            };
        }
        start = end;
        if end == src.len() {
            break;
        }
    }
    blank_cjk_strong(&mut out);
    hints(&mut found);
    Masked {
        text: out,
        headings: found,
        as_text,
    }
}

/// Blanks in the masked copy the strong emphasis that pulldown-cmark leaves
/// as text: CommonMark's `**` closes only before a space or a punctuation
/// mark when it follows one, so `**一是加强领导。**支持……` keeps its
/// asterisks (commonmark-spec issue 650; pulldown-cmark 0.13 has no option
/// for it), and they would hide the marker. In a line whose `**` runs
/// (exactly two asterisks, or four: a closing and an opening run
/// together) are even in number and each touches a CJK
/// character or CJK punctuation (not the ideographic space) or stands at
/// the line's start or end, they are read as the writer meant them.
fn blank_cjk_strong(out: &mut String) {
    let finder = memchr::memmem::Finder::new(b"**");
    let cjk = |c: char| c != '\u{3000}' && super::markup::is_cjk(c);
    let mut at = 0;
    let mut runs: Vec<usize> = Vec::new();
    while let Some(i) = finder.find(&out.as_bytes()[at..]).map(|i| at + i) {
        let bytes = out.as_bytes();
        let line_start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
        let line_end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |j| i + j);
        let line = &out[line_start..line_end];
        runs.clear();
        let mut from = 0;
        let mut all_cjk = true;
        // Where the line's words start and end, found once for its runs.
        let lead = line.len() - line.trim_start().len();
        let trail = line.trim_end().len();
        while let Some(k) = finder.find(&line.as_bytes()[from..]).map(|k| from + k) {
            let run = line.as_bytes()[k..].iter().take_while(|&&b| b == b'*').count();
            // `****` is one strong closing and the next opening, run
            // together where a line break between them was lost.
            if run == 2 || run == 4 {
                let before = line[..k].chars().next_back();
                let after = line[k + run..].chars().next();
                // (At the line's start or end it can only open or close:
                // `**1.加强政治建设。**坚持……`.)
                let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
                let at_edge = (k <= lead && word(after)) || (k + run >= trail && word(before));
                all_cjk &= at_edge || before.is_some_and(cjk) || after.is_some_and(cjk);
                runs.extend((0..run / 2).map(|j| line_start + k + 2 * j));
            }
            from = k + run;
        }
        if all_cjk && !runs.is_empty() && runs.len().is_multiple_of(2) {
            for &k in &runs {
                out.replace_range(k..k + 2, "  ");
            }
        }
        at = line_end;
    }
}

/// Front matter: a block at the very start of `src` from a line of exactly
/// `---` to the next line of `---` or `...` (YAML), or between lines of
/// `+++` (TOML), its first line neither blank nor closing; where it ends
/// (past its closing line), or 0. Read here as pulldown-cmark reads a
/// metadata block, but only at the start: pulldown-cmark 0.13 takes such a
/// block anywhere (`---` after a blank line, text, and a later `---` line),
/// which hid the text between a thematic break and the next one.
fn front_matter(src: &str) -> usize {
    let bytes = src.as_bytes();
    let Some(&c @ (b'-' | b'+')) = bytes.first() else {
        return 0;
    };
    let line_end = |at: usize| memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |i| at + i + 1);
    let run = |at: usize, c: u8| bytes[at..].iter().take_while(|&&b| b == c).count();
    // Exactly three of `c` (or `.` after `-`), spaces, then a line break
    // or the end.
    let closes = |at: usize| {
        let three = run(at, c) == 3 || (c == b'-' && run(at, b'.') == 3);
        three && matches!(bytes.get(at + 3 + run(at + 3, b' ')), None | Some(b'\n' | b'\r'))
    };
    // Spaces, tabs, form feeds and vertical tabs to the line's end.
    let blank = |at: usize| {
        let spaces = bytes[at..]
            .iter()
            .take_while(|&&b| matches!(b, b' ' | b'\t' | 0x0b | 0x0c))
            .count();
        matches!(bytes.get(at + spaces), None | Some(b'\n' | b'\r'))
    };
    let first = line_end(0);
    if run(0, c) != 3 || !bytes[3..first].iter().all(u8::is_ascii_whitespace) {
        return 0;
    }
    if first >= bytes.len() || blank(first) || closes(first) {
        return 0;
    }
    let mut line = first;
    while line < bytes.len() {
        if closes(line) {
            return line_end(line);
        }
        line = line_end(line);
    }
    0
}

/// The first place at or after `at` where a piece of `src` may end, and
/// whether it is before a list item. A piece may end at the start of a line
/// that follows a blank line and opens with a character that is not ASCII
/// (Chinese text), an ASCII letter or a punctuation mark that cannot go on a
/// list or a block quote (not `-`, `+`, `*`, `>`, nor a digit, `|`, `[`,
/// `\`; no space or tab), so that nothing before it but a fenced code block
/// or an HTML block can run on into it (a list, a block quote, a table, an
/// indented code block and a paragraph all end at the blank line); at the
/// start of any line after an ATX heading that stands at the line's start
/// (`# `…`###### `: it ends every block before it but a fenced code block
/// or an HTML block, and no block runs on from it); or before a list item at
/// a line's start ([`list_item`]), but only where the piece before it ends
/// in a list: a list item with no indentation starts an item, of that list
/// or of a new one, whatever the list's last item held (its paragraph, code
/// or table cannot take an unindented line that starts an item), so the
/// item and what follows it are read alike whether the list is given or
/// not. (After a paragraph, `2. x` would go on with it.) The end of `src`
/// if there is none.
fn split_after(src: &str, at: usize) -> (usize, bool) {
    let bytes = src.as_bytes();
    let mut from = at;
    while from < bytes.len() {
        let Some(i) = memchr::memchr(b'\n', &bytes[from..]) else {
            break;
        };
        let line = from + i + 1;
        // `from` starts the line before `line` (but where `at` is inside a
        // line).
        let whole_line = from == 0 || bytes[from - 1] == b'\n';
        if whole_line && line < bytes.len() && atx_heading(&bytes[from..line]) {
            return (line, false);
        }
        if list_item(&bytes[line..]) {
            return (line, true);
        }
        let opens = bytes.get(line).is_some_and(|&b| {
            b >= 0x80
                || b.is_ascii_alphabetic()
                || (b.is_ascii_punctuation() && !matches!(b, b'-' | b'+' | b'*' | b'>' | b'|' | b'[' | b'\\'))
        });
        if opens {
            // The line before `line` (its break at `line - 1`) is blank.
            let before = &bytes[..line - 1];
            let prev = memchr::memrchr(b'\n', before).map_or(0, |j| j + 1);
            let blank = prev > 0
                && before[prev..]
                    .iter()
                    .all(|&b| b == b' ' || b == b'\t' || b == b'\r');
            if blank {
                return (line, false);
            }
        }
        from = line;
    }
    (bytes.len(), false)
}

/// Whether `rest` starts with a line that opens a list item with no
/// indentation and text after its marker: one to nine digits and `.` or
/// `)`, or a `-`, `+` or `*`, then a space or a tab, then a character that
/// is not ASCII or a letter or digit (so that the line is no thematic break
/// or setext underline: `- - -`, `* * *`).
fn list_item(rest: &[u8]) -> bool {
    let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match rest.get(digits) {
        Some(b'.' | b')') if (1..=9).contains(&digits) => digits + 1,
        Some(b'-' | b'+' | b'*') if digits == 0 => 1,
        _ => return false,
    };
    matches!(rest.get(marker), Some(b' ' | b'\t'))
        && rest
            .get(marker + 1)
            .is_some_and(|&b| b >= 0x80 || b.is_ascii_alphanumeric())
}

/// Whether `line` (up to and with its `\n`) is one line that is an ATX
/// heading with no indentation: one to six `#`, then a space, a tab or the
/// line's end (a carriage return not before the `\n` ends a line too).
fn atx_heading(line: &[u8]) -> bool {
    let hashes = line.iter().take_while(|&&b| b == b'#').count();
    let body = line.strip_suffix(b"\n").unwrap_or(line);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    (1..=6).contains(&hashes)
        && matches!(line.get(hashes), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        && !body.contains(&b'\r')
}

/// What a piece's last top-level block is.
struct LastBlock {
    /// A fenced code block or an HTML block that reaches the piece's end:
    /// it may run on past it.
    runs_on: bool,
    /// A list.
    is_list: bool,
    /// How many events pulldown-cmark gave for the piece.
    events: usize,
}

/// Reads the piece `range` of `src` with pulldown-cmark: the ranges of text
/// it shows into `shown` and its headings into `found` (levels as written,
/// 1 to 6), and what its last top-level block is. With `compact` (a buffer
/// kept from piece to piece), pulldown-cmark is given the piece with its
/// plain blocks' stand-ins (see [`plain`]) when it has enough of them, and
/// the piece as written if it did not report a stand-in as the block it
/// stands for.
fn mask_piece(
    src: &str,
    range: Range<usize>,
    shown: &mut Vec<Range<usize>>,
    found: &mut Vec<HeadingHint>,
    compact: Option<&mut Compact>,
) -> LastBlock {
    if let Some(compact) = compact
        && compact.fill(src, range.clone())
    {
        let (shown_len, found_len) = (shown.len(), found.len());
        let compact = &*compact;
        if let Some(last) = read_events(src, &compact.text, range.end, Some(compact), shown, found) {
            return last;
        }
        shown.truncate(shown_len);
        found.truncate(found_len);
    }
    let piece = src.get(range.clone()).unwrap_or_default();
    read_events(src, piece, range.end, None, shown, found).unwrap_or(LastBlock {
        runs_on: false,
        is_list: false,
        events: 0,
    })
}

/// [`mask_piece`]'s reading of `piece`, which ends at `end` in `src`: the
/// piece as written (its offsets `src`'s less its length from `end`), or
/// `compact`'s text. `None` when a stand-in of `compact` was not reported
/// as the block it stands for.
fn read_events(
    src: &str,
    piece: &str,
    end: usize,
    compact: Option<&Compact>,
    shown: &mut Vec<Range<usize>>,
    found: &mut Vec<HeadingHint>,
) -> Option<LastBlock> {
    let bytes = src.as_bytes();
    let base = end - piece.len();
    let to_source = |at: usize| compact.map_or(base + at, |c| c.to_source(at));
    let (blocks, stand_ins) = compact.map_or((&[][..], &[][..]), |c| (&c.blocks[..], &c.stand_ins[..]));
    let mut opts = CmarkOptions::empty();
    opts.insert(CmarkOptions::ENABLE_TABLES);
    opts.insert(CmarkOptions::ENABLE_STRIKETHROUGH);
    // Inside a code block or raw HTML: not text.
    let mut hidden = 0usize;
    let mut depth = 0usize;
    // Whether the last top-level block is one that runs on until it is
    // closed, and where it ended.
    let mut last_runs_on = false;
    let mut last_is_list = false;
    let mut last_end = 0;
    let mut lists: Vec<bool> = Vec::new();
    let mut heading: Option<(HeadingLevel, Option<usize>)> = None;
    // Inside a link to a place on the page (a table of contents' entry),
    // whose text is navigation.
    let mut in_page_link = false;
    // Whether the heading open is as short as a line: its own link to
    // itself is its text.
    let mut heading_line = false;
    // The next stand-in, and the one being read.
    let mut next_stand_in = 0;
    // The stand-in being read, and where its block may end at the latest
    // (after its line break).
    let mut in_stand_in: Option<(&plain::StandIn, usize)> = None;
    let mut events = 0;
    for (event, range) in Parser::new_ext(piece, opts).into_offset_iter() {
        events += 1;
        let (at, raw_end) = (range.start, range.end);
        let range = to_source(range.start)..to_source(range.end);
        match &event {
            Event::Start(tag) => {
                if depth == 0 {
                    last_runs_on = matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock);
                    last_is_list = matches!(tag, Tag::List(_));
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    last_end = range.end;
                }
            }
            _ => {}
        }
        if let Some((stand_in, latest)) = in_stand_in {
            // The stand-in's own events: its paragraph's `x`, and its end
            // where the blocks end.
            let is_heading = stand_in.is_heading(blocks);
            match event {
                Event::Text(_) if !is_heading => continue,
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if raw_end <= latest => {
                    for block in blocks.get(stand_in.blocks.clone()).unwrap_or_default() {
                        match &block.heading {
                            None => shown.push(block.span.clone()),
                            Some((level, text)) if !text.is_empty() => {
                                shown.push(text.clone());
                                found.push(HeadingHint::new(line_at(bytes, text.start), *level));
                            }
                            Some(_) => {}
                        }
                    }
                    in_stand_in = None;
                    continue;
                }
                _ => return None,
            }
        }
        if let Some(stand_in) = stand_ins.get(next_stand_in)
            && stand_in.at == at
        {
            match (&event, stand_in.is_heading(blocks)) {
                (Event::Start(Tag::Paragraph), false) | (Event::Start(Tag::Heading { .. }), true) => {}
                _ => return None,
            }
            let after = piece.as_bytes().get(at + 1..).unwrap_or_default();
            let line_break = if after.starts_with(b"\r\n") {
                2
            } else {
                usize::from(matches!(after.first(), Some(b'\n' | b'\r')))
            };
            in_stand_in = Some((stand_in, at + 1 + line_break));
            next_stand_in += 1;
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => hidden += 1,
            Event::End(TagEnd::CodeBlock) => hidden = hidden.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) => {
                reveal_html(src, range, shown);
                hidden += 1;
            }
            Event::End(TagEnd::HtmlBlock) => hidden = hidden.saturating_sub(1),
            Event::Start(Tag::List(first)) => lists.push(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) if lists.last() == Some(&true) => {
                // The item's number and delimiter: `1.` or `1)`.
                let at = range.start + blank_len(&bytes[range.clone()]);
                let digits = bytes[at..range.end]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let delim = bytes.get(at + digits).is_some_and(|&b| b == b'.' || b == b')');
                if digits > 0 && delim {
                    shown.push(at..at + digits + 1);
                }
            }
            // A link to a place on the page (`[第一章 总则](#第一章-总则)`)
            // is navigation: its text names a heading that stands below.
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_page_link = dest_url.starts_with('#') && !(heading.is_some() && heading_line);
            }
            Event::End(TagEnd::Link) => in_page_link = false,
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level, None));
                heading_line = range.len() <= HEADING_LINE;
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, Some(at))) = heading.take() {
                    // Its line, found now while the heading is in cache.
                    found.push(HeadingHint::new(line_at(bytes, at), level as u8));
                }
            }
            Event::Text(_) if hidden == 0 && !in_page_link => {
                if let Some((_, first @ None)) = &mut heading {
                    *first = Some(range.start);
                }
                show_text(bytes, range, shown);
            }
            Event::Code(_) if hidden == 0 => {
                if let Some((_, first @ None)) = &mut heading {
                    *first = Some(range.start);
                }
                let code = &bytes[range.clone()];
                let open = code.iter().take_while(|&&b| b == b'`').count();
                let close = code[open..].iter().rev().take_while(|&&b| b == b'`').count();
                shown.push(range.start + open..range.end - close);
            }
            _ => {}
        }
    }
    if next_stand_in < stand_ins.len() || in_stand_in.is_some() {
        return None;
    }
    // Open at the piece's end: it reaches it (a closed block ends before
    // the blank line the piece ends with).
    Some(LastBlock {
        runs_on: last_runs_on && last_end >= end,
        is_list: last_is_list,
        events,
    })
}

/// The longest heading (bytes of source) whose links to places on the page
/// are its own text: a longer one is a file run into one `# ` line.
const HEADING_LINE: usize = 512;

/// Shows the text `range` of `bytes` but the marks of ATX headings whose
/// line breaks were lost: a Markdown file run into one line (`……制定本方
/// 案。## 一、总体要求### （一）指导思想……`) is one paragraph to CommonMark,
/// and its `#`s are text, before the very markers they announce. A run of
/// one to six `#`s followed by a space, after a character that is no ASCII
/// letter or digit (a table's `|`, a 汉字; blanks between them aside) or at
/// a line's start, is hidden: the
/// spaces left stand where the line breaks were, as the parser reads them
/// in text whose line breaks became spaces. `C# 语言`, a hashtag's opening
/// `#话题`, `第#1号`, an escaped `\## ` and inline code keep theirs.
fn show_text(bytes: &[u8], range: Range<usize>, shown: &mut Vec<Range<usize>>) {
    let mut from = range.start;
    let mut at = range.start;
    while let Some(i) = memchr::memchr3(b'#', b'-', b'*', &bytes[at..range.end]).map(|i| at + i) {
        if bytes[i] != b'#' {
            // A list item's bullet whose line break was lost (……绿地：-
            // （一）……；- （二）……): after words that are no ASCII, before
            // an item that is.
            at = i + 1;
            let before = bytes[..i].iter().rposition(|&b| b != b' ');
            if bytes.get(at) == Some(&b' ')
                && bytes.get(at + 1).is_some_and(|&b| b >= 0xC0 || b == b'(')
                && before.is_some_and(|j| bytes[j] >= 0x80)
            {
                if from < i {
                    shown.push(from..i);
                }
                from = at;
            }
            continue;
        }
        let run = bytes[i..range.end].iter().take_while(|&&b| b == b'#').count();
        at = i + run;
        if run > 6 || bytes.get(at) != Some(&b' ') {
            continue;
        }
        let before = bytes[..i].iter().rposition(|&b| b != b' ');
        // Not after an escaped `\#` (its `#` is the event before).
        if before.is_none_or(|j| !bytes[j].is_ascii_alphanumeric() && !matches!(bytes[j], b'#' | b'\\')) {
            // The end of a table's last row run on before it (…… | 中心 |##
            // 二、) is hidden with it: the row's text then ends the line.
            let row_end = bytes[from..i]
                .iter()
                .rposition(|&b| b != b' ' && b != b'|')
                .map_or(from, |j| from + j + 1);
            if from < row_end {
                shown.push(from..row_end);
            }
            from = at;
        }
    }
    if from < range.end {
        shown.push(from..range.end);
    }
}

/// Writes `src` from where `out` ends up to `to` onto `out`, every byte
/// outside the `shown` ranges an ASCII space, line breaks kept. False when
/// a range does not fall on the source's character boundaries (the caller
/// then reads the source as plain text); ranges past `to` are ignored.
fn masked_into(out: &mut String, src: &str, shown: &mut [Range<usize>], to: usize) -> bool {
    if !shown.is_sorted_by_key(|r| r.start) {
        shown.sort_unstable_by_key(|r| r.start);
    }
    let bytes = src.as_bytes();
    let blank = |out: &mut String, to: usize| {
        let gap = bytes.get(out.len()..to).unwrap_or_default();
        out.extend(gap.iter().map(|&b| match b {
            b'\n' | b'\r' => char::from(b),
            _ => ' ',
        }));
    };
    for r in shown.iter() {
        let start = r.start.max(out.len());
        if r.end <= start || r.end > to {
            continue;
        }
        blank(out, start);
        let Some(text) = src.get(start..r.end) else {
            return false;
        };
        out.push_str(text);
    }
    blank(out, to);
    true
}

/// Turns the headings found (levels as written, 1 to 6) into hints: the
/// levels counted from the shallowest heading, a single leading `#`
/// heading left out for title detection.
fn hints(found: &mut Vec<HeadingHint>) {
    let h1s = found.iter().filter(|h| h.level() == 1).count();
    if h1s == 1 && found.first().is_some_and(|h| h.level() == 1) {
        found.remove(0);
    }
    let base = found.iter().map(|h| h.level()).min().unwrap_or(1);
    for h in found.iter_mut() {
        *h = h.at_level(h.level() - base);
    }
}

/// The line of `bytes` that holds offset `at`, without its line break
/// (`\n`, or the `\r` of `\r\n` or of a lone `\r`).
fn line_at(bytes: &[u8], at: usize) -> Span {
    let start = memchr::memrchr(b'\n', bytes.get(..at).unwrap_or_default()).map_or(0, |i| i + 1);
    let end = bytes
        .get(at..)
        .and_then(|rest| memchr::memchr2(b'\n', b'\r', rest))
        .map_or(bytes.len(), |i| at + i);
    Span::new(start, end)
}

/// Leading spaces and tabs.
fn blank_len(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&b| b == b' ' || b == b'\t').count()
}

/// Shows the text of a raw HTML block between its tags; comments, tags
/// and the contents of `<script>`/`<style>` stay masked.
fn reveal_html(src: &str, range: Range<usize>, shown: &mut Vec<Range<usize>>) {
    let Some(block) = src.get(range.clone()) else {
        return;
    };
    let lower = block.to_ascii_lowercase();
    let mut at = 0;
    while at < block.len() {
        let rest = &lower[at..];
        let skip_to = if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<script") || rest.starts_with("<style") {
            let close = if rest.starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            rest.find(close).map(|i| i + close.len())
        } else if rest.starts_with('<') {
            rest.find('>').map(|i| i + 1)
        } else {
            let text = rest.find('<').unwrap_or(rest.len());
            shown.push(range.start + at..range.start + at + text);
            Some(text)
        };
        at += skip_to.unwrap_or(block.len() - at).max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Node;
    use crate::outline;

    fn md(src: &str) -> String {
        let doc = parse_markdown(src, &Options::default());
        let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
        assert_eq!(rebuilt, src, "leaves rebuild the Markdown source");
        outline(&doc)
    }

    #[test]
    fn chapters_under_atx_headings_hold_their_articles() {
        let src = "# 某某管理条例\n\n1990年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章  总则\n\n第一条 为了加强管理，制定本条例。\n\n第二条 本条例适用于本市。\n\n## 第二章  管理\n\n### 第一节 一般规定\n\n第三条 单位应当：\n\n（一）建立制度；\n\n（二）落实责任。\n";
        assert_eq!(
            md(src),
            "# title: 某某管理条例\n第一章\t总则\n  第一条\t为了加强管理，制定本条例\n  第二条\t本条例适用于本市\n第二章\t管理\n  第一节\t一般规定\n    第三条\t单位应当\n      （一）\t建立制度\n      （二）\t落实责任\n"
        );
    }

    #[test]
    fn emphasis_never_hides_a_marker_or_enters_a_title() {
        let src =
            "## **一、总体要求**\n\n**一是**加强领导。**二是**狠抓落实。\n\n### （一）*压实责任*\n\n正文。\n";
        let doc = parse_markdown(src, &Options::default());
        let titles: Vec<&str> = doc.sections().map(|s| s.heading().title).collect();
        assert_eq!(titles, ["总体要求", "压实责任"]);
        let leads: Vec<&str> = doc.points().map(|p| p.lead().title).collect();
        assert_eq!(leads, ["加强领导", "狠抓落实"]);
        let markers: Vec<&str> = doc.points().map(|p| p.marker().text).collect();
        assert_eq!(markers, ["一是", "二是"]);
        assert_eq!(md(src), outline(&doc));
    }

    /// Markup inside a title stays in `Heading::title`, the source's slice;
    /// the title as text (`Section::title`, the outline, the JSON) has it
    /// not.
    #[test]
    fn titles_as_text_leave_out_the_markup_inside_them() {
        let src = "## 一、加强**党的**领导\n\n**第一条** 任何单位**不得**泄露[数据](https://example.org/d)。\n\n第二条 本办法自公布之日起施行。\n";
        let doc = parse_markdown(src, &Options::default());
        let sections: Vec<_> = doc.sections().collect();
        let as_text: Vec<&str> = sections.iter().map(|s| s.title()).collect();
        assert_eq!(
            as_text,
            ["加强党的领导", "任何单位不得泄露数据", "本办法自公布之日起施行"]
        );
        let as_written: Vec<&str> = sections.iter().map(|s| s.heading().title).collect();
        assert_eq!(
            as_written,
            [
                "加强**党的**领导",
                "任何单位**不得**泄露[数据",
                "本办法自公布之日起施行"
            ]
        );
        assert!(md(src).contains("一、\t加强党的领导\n"));
        #[cfg(feature = "serde")]
        {
            let json = serde_json::to_string(&doc).unwrap_or_default();
            assert!(json.contains("\"title\":\"任何单位不得泄露数据\""), "{json}");
            assert!(
                json.contains("任何单位**不得**泄露"),
                "the heading's text is the source's"
            );
        }
    }

    /// A table of contents of links to places on the page names the
    /// chapters that stand below: its entries are no chapters.
    #[test]
    fn links_to_places_on_the_page_are_navigation() {
        // The sections' lines of the outline (the title line is furniture).
        let sections = |src: &str| {
            md(src)
                .lines()
                .filter(|l| !l.starts_with('#'))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let expected = [
            "第一章\t总则",
            "  第一条\t为了保护，制定本法",
            "第二章\t管理",
            "  第二条\t应当管理",
        ];
        let src = "# 某某保护法\n\n- [第一章 总则](#第一章-总则)\n- [第二章 管理](#第二章-管理)\n\n## 第一章 总则\n\n第一条　为了保护，制定本法。\n\n## 第二章 管理\n\n第二条　应当管理。详见[第二章](https://example.com/2)。\n";
        assert_eq!(sections(src), expected);
        // A heading that links to itself is still the heading.
        let src = "# 某某保护法\n\n## [第一章 总则](#第一章-总则)\n\n第一条　为了保护，制定本法。\n\n## [第二章 管理](#第二章-管理)\n\n第二条　应当管理。\n";
        assert_eq!(sections(src), expected);
    }

    #[test]
    fn setext_headings_and_unnumbered_headings_are_sections() {
        let src = "一、回顾\n========\n\n正文。\n\n结束语\n------\n\n谢谢。\n";
        let doc = parse_markdown(src, &Options::default());
        let titles: Vec<&str> = doc.sections().map(|s| s.heading().title).collect();
        assert_eq!(titles, ["回顾", "结束语"]);
        assert!(
            doc.sections()
                .nth(1)
                .is_some_and(|s| s.heading().evidence.unnumbered)
        );
    }

    /// A Markdown file run into one line, or with its line breaks turned
    /// into spaces: its headings' `#`s are text to CommonMark, and are
    /// hidden before the markers they announce; `C# 语言`, a hashtag and
    /// inline code keep theirs.
    #[test]
    fn headings_marks_that_lost_their_line_breaks_hide_no_marker() {
        let src = "# 某县实施方案\n\n为做好工作，制定本方案。\n\n## 一、总体要求\n\n### （一）指导思想\n\n坚持以人民为中心。\n\n### （二）主要目标\n\n到2026年，基本建成体系。\n\n## 二、重点任务\n\n推进建设。\n";
        let expected = "一、\t总体要求\n  （一）\t指导思想\n  （二）\t主要目标\n二、\t重点任务\n";
        // The sections (the title line is furniture).
        let sections = |src: &str| {
            md(src)
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(|l| [l, "\n"])
                .collect::<String>()
        };
        assert_eq!(sections(src), expected);
        // Run into one line, the headings' ends are inferred (重点任务|推进
        // 建设 is not); the markers and their nesting are the file's.
        let markers = |outline: &str| {
            outline
                .lines()
                .map(|l| l.split('\t').next().unwrap_or_default().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            markers(&sections(&src.replace('\n', ""))),
            markers(expected),
            "run into one line"
        );
        assert_eq!(
            sections(&src.replace('\n', " ")),
            expected,
            "line breaks as spaces"
        );
        assert_eq!(
            sections(&src.replace('\n', "\r\n").replace(['\r', '\n'], " ")),
            expected,
            "CRLF line breaks as spaces"
        );
        // A heading's body of one sentence before the next heading: the
        // blanked `### ` after its 。 is no paragraph's indentation, so the
        // heading's end is still inferred.
        let one = "## 四、保障措施\n\n### （一）加强组织领导\n\n成立由分管副市长任组长的工作专班，统筹推进数字乡村建设各项工作，定期研究解决重大问题。\n\n### （二）严格考核评估\n\n各区县要对照本方案制定具体措施，于2025年4月底前报市专班备案，确保各项任务落到实处。\n";
        assert_eq!(
            sections(&one.replace('\n', "")),
            "四、\t保障措施\n  （一）\t加强组织领导\n  （二）\t严格考核评估\n"
        );
        // A list's bullets whose line breaks were lost hide no item's
        // marker; a hyphen between words of ASCII stays.
        let list = "## 第一章　管理\n\n第一条　应当按照下列标准配套建设绿地：\n\n- （一）居住区不低于百分之三十；\n- （二）学校不低于百分之三十五。\n\n第二条　配套绿化工程应当同步验收。\n";
        let expected = "第一章\t管理\n  第一条\t应当按照下列标准配套建设绿地\n    （一）\t居住区不低于百分之三十\n    （二）\t学校不低于百分之三十五\n  第二条\t配套绿化工程应当同步验收\n";
        assert_eq!(sections(list), expected);
        for form in [list.replace('\n', ""), list.replace('\n', " ")] {
            assert_eq!(sections(&form), expected, "{form}");
        }
        let (text, _) = masked_in_pieces("采用 A - B 两种方案。\n", 1 << 16);
        assert!(text.contains("A - B"), "{text}");
        // A table run on before the next heading: its row's last `|` goes.
        let table = "## 一、重点项目\n\n| 序号 | 项目 |\n|---|---|\n| 1 | 快速路工程 |\n\n## 二、民生服务\n\n1. 优化公交。\n2. 推进一体化。\n";
        assert_eq!(
            markers(&sections(&table.replace('\n', ""))),
            ["一、", "二、", "  1.", "  2."]
        );
        // Its last cell a number: the heading's mark stood for a line break.
        let numbers = table.replace("快速路工程", "98");
        for form in [numbers.replace('\n', ""), numbers.replace('\n', " ")] {
            assert_eq!(
                markers(&sections(&form)),
                ["一、", "二、", "  1.", "  2."],
                "{form}"
            );
        }
        // Bold lines for chapters run together: `办法****第一章` closes one
        // and opens the next.
        let bold = "**某市管理办法**\n\n**第一章　总则**\n\n第一条　为规范管理，制定本办法。\n\n**第二章　管理**\n\n第二条　应当管理。\n";
        assert_eq!(
            markers(&sections(&bold.replace('\n', ""))),
            ["第一章", "  第一条", "第二章", "  第二条"]
        );
        // An escaped `\#` keeps the `#` after it: no heading.
        let (text, _) = masked_in_pieces("\\## 三、这是正文里的一句话。\n", 1 << 16);
        assert!(text.contains("##"), "{text}");
        for kept in ["学习 C# 语言。一、", "话题 #一、 热议", "代码 `## 一、不是` 结束"]
        {
            let (text, _) = masked_in_pieces(kept, 1 << 16);
            assert!(text.contains('#'), "{kept}: {text}");
        }
    }

    #[test]
    fn front_matter_comments_definitions_and_code_are_not_structure() {
        let src = "---\ntitle: 一、不是标题\n---\n\n<!-- 二、注释 -->\n\n[一]: http://example.com/一、\n\n```\n三、代码\n（一）代码\n```\n\n    四、缩进代码\n\n一、真正的标题\n\n正文。\n";
        assert_eq!(md(src), "一、\t真正的标题\n");
    }

    #[test]
    fn links_and_inline_code_keep_their_text_only() {
        let src = "一、[总体要求](http://example.com/（二）)\n\n`二、`加强领导。\n";
        let read = markdown_text(src);
        assert!(!read.text.contains("http"), "{}", read.text);
        assert_eq!(md(src), "一、\t总体要求\n二、\t加强领导\n");
    }

    #[test]
    fn ordered_items_are_dot_ordinals_and_bullets_are_not() {
        let src = "一、主要任务\n\n1. 明确分工。\n2. 压实责任。\n\n- 第一项\n- 第二项\n";
        let read = markdown_text(src);
        assert!(read.text.contains("1. 明确分工"), "{}", read.text);
        assert!(read.text.contains("  第一项"), "{}", read.text);
        assert_eq!(md(src), "一、\t主要任务\n  1.\t明确分工\n  2.\t压实责任\n");
    }

    #[test]
    fn hard_breaks_are_line_breaks() {
        let src = "一、总体要求  \n二、主要任务\\\n三、保障措施\n";
        assert_eq!(md(src), "一、\t总体要求\n二、\t主要任务\n三、\t保障措施\n");
    }

    #[test]
    fn non_ascii_markup_keeps_the_tree_lossless() {
        for src in [
            "[链接](http://例子.中国/一、)一、标题\n",
            "```\n中文代码一、\n```\n一是中文。\n",
            "<div>一、总体要求</div>\n\n<!-- 注释😀 -->\n二、😀任务\n",
            "---\n标题: 😀\n---\n# 😀\n## 😀一、\n",
            "",
            "#",
            "**",
        ] {
            md(src);
        }
    }

    #[test]
    fn a_read_file_is_moved_onto_its_source_as_parse_markdown_rebuilds_it() {
        for src in [
            "# 某某管理条例\n\n## 第一章 总则\n\n第一条 为了规范。\n\n## 第二章 仲裁\n\n### 第一节 仲裁员\n\n第二条 应当聘任。\n\n（一）从事工作；\n\n## 第三章 附则\n\n第四条 施行。\n",
            "## **一、总体要求**\n\n**一是**加强领导。**二是**狠抓落实。\n\n### （一）*压实责任*\n\n正文。\n",
            "[链接](http://例子.中国/一、)一、标题\n",
            "<div>一、总体要求</div>\n\n<!-- 注释😀 -->\n二、😀任务\n",
        ] {
            let read = crate::input::read_bytes(
                src.as_bytes(),
                InputKind::Markdown,
                &crate::input::ReadOptions::default(),
            )
            .expect("reads");
            let moved = read.parse(&Options::default());
            let rebuilt = parse_markdown(src, &Options::default());
            assert_eq!(
                format!("{moved:?}"),
                format!("{rebuilt:?}"),
                "the same tree either way"
            );
            assert_eq!(moved.leaves().map(|(_, t)| t).collect::<String>(), src);
            assert!(
                texts_in(&read.text, &moved),
                "every text of the tree is a slice of the source"
            );
        }
    }

    /// Whether every text, title and value of `doc` points into `src`.
    pub(super) fn texts_in(src: &str, doc: &Document<'_>) -> bool {
        let range = src.as_bytes().as_ptr_range();
        let inside = |part: &str| part.is_empty() || range.contains(&part.as_ptr());
        doc.walk().all(|(_, node)| match node {
            Node::Section(s) => {
                inside(s.heading().text)
                    && inside(s.heading().title)
                    && s.marker().is_none_or(|m| inside(m.text))
            }
            Node::Point(p) => inside(p.lead().text) && inside(p.lead().title) && inside(p.marker().text),
            Node::Paragraph(p) => inside(p.text),
            Node::Furniture(f) => inside(f.text) && inside(f.value),
            Node::Space(s) => inside(s.text),
        })
    }

    #[test]
    fn front_matter_is_only_at_the_start_and_rules_hide_no_text() {
        // A thematic break, text right under it, and a later break: the
        // text between is the document's (pulldown-cmark alone reads a
        // metadata block there).
        let src = "## 第一章 总则\n\n第一条 为了规范管理。\n\n---\n第二条 本条例适用于本市。\n\n第三条 单位应当加强管理。\n\n---\n\n## 第二章 附则\n\n第四条 施行。\n";
        assert_eq!(
            md(src),
            "第一章\t总则\n  第一条\t为了规范管理\n  第二条\t本条例适用于本市\n  第三条\t单位应当加强管理\n第二章\t附则\n  第四条\t施行\n"
        );
        for front in [
            "---\ntitle: 一、标题\n...\n",
            "+++\ntitle = \"一、标题\"\n+++\n",
            "---\n一、: x\n--- \r\n",
        ] {
            let src = format!("{front}\n一、正文\n");
            let read = markdown_text(&src);
            assert_eq!(read.text.trim(), "一、正文", "{front:?}");
            assert_eq!(md(&src), "一、\t正文\n");
        }
        // Not front matter: not at the start, unclosed, or a blank first line.
        for src in [
            "\n---\n一、标题\n---\n",
            "---\n一、标题\n",
            "---\n\n一、标题\n---\n",
        ] {
            assert!(markdown_text(src).text.contains("一、标题"), "{src:?}");
        }
    }

    #[test]
    fn pieces_end_only_where_every_block_has_closed() {
        for src in [
            "```\n一、代码\n\n二、代码\n```\n\n三、标题\n",
            "<!--\n一、注释\n\n二、注释\n-->\n\n三、标题\n",
            "<pre>\n一、\n\n二、\n</pre>\n\n三、标题\n",
            "---\ntitle: 一、\n\n二、: x\n---\n\n三、标题\n",
            "- 一、项目\n\n  二、续行\n\n三、标题\n",
            "> 一、引文\n\n二、标题\n",
            "一、见[附件]\n\n二、标题\n\n[附件]: http://example.com/三、\n",
            "## 第一章 总则\n\n第一条 为了规范。\n\n## 第二章 附则\n\n第二条 施行。\n",
        ] {
            let whole = masked_in_pieces(src, usize::MAX);
            assert_eq!(masked_in_pieces(src, 1), whole, "{src:?}");
            assert_eq!(masked_in_pieces(src, CHUNK), whole, "{src:?}");
        }
        // Split at every blank line before Chinese text, the headings keep
        // their levels.
        let src = "# 标题\n\n## 第一章 总则\n\n第一条 为了规范。\n\n### 第一节 一般规定\n\n第二条 施行。\n";
        let (_, headings) = masked_in_pieces(src, 1);
        let levels: Vec<(&str, u8)> = headings
            .iter()
            .map(|h| (h.span().slice(src), h.level()))
            .collect();
        assert_eq!(levels, [("## 第一章 总则", 0), ("### 第一节 一般规定", 1)]);
    }

    /// Strong emphasis that CommonMark leaves as text before CJK text
    /// (`**一是加强领导。**支持……`) hides no marker; a lone `**`, or two about
    /// an ideographic space, is text.
    #[test]
    fn strong_emphasis_against_cjk_punctuation_hides_no_marker() {
        let out = md("一、总体要求\n\n**一是加强领导。**各级要负责。**二是狠抓落实。**各部门要推进。\n");
        assert!(
            out.contains("一是\t加强领导") && out.contains("二是\t狠抓落实"),
            "{out}"
        );
        let (masked, _) = masked_in_pieces("注**：甲。\n**一是**加强。\n\n**\u{3000}**\n", CHUNK);
        assert_eq!(masked, "注**：甲。\n  一是  加强。\n\n**\u{3000}**\n");
        // At a line's start, before an ordinal (and a Markdown heading is a
        // section where its numbering does not start at 一, as in an excerpt).
        let out = md(
            "## 五、加强自身建设\n\n**1.加强政治建设。**坚持把政治建设摆在首位。\n\n**2.加强作风建设。**持续深化三服务活动。\n",
        );
        assert_eq!(
            out,
            "五、\t加强自身建设\n  1.\t加强政治建设\n  2.\t加强作风建设\n"
        );
    }

    /// A run of paragraphs goes on across blank lines, but not across a
    /// line that only the masked copy has blank (a link definition, a
    /// comment): read back in the source, that line would be a paragraph.
    #[test]
    fn runs_cross_only_lines_blank_in_the_source() {
        let src = "a\n\n[x]: http://e\n\nb\n\n<!-- c -->\n\nd\n  \n\ne\n";
        let doc = parse_markdown(src, &Options::default());
        let top: Vec<(&str, &str)> = doc.children().map(|n| (n.kind(), n.span().slice(src))).collect();
        assert_eq!(
            top,
            [
                ("paragraph", "a\n"),
                ("space", "\n[x]: http://e\n\n"),
                ("paragraph", "b\n"),
                ("space", "\n<!-- c -->\n\n"),
                ("paragraph", "d\n"),
                ("space", "  \n\n"),
                ("paragraph", "e\n")
            ]
        );
        // d, the space and e are one stored node.
        assert_eq!(doc.nodes.len(), 3);
        assert_eq!(doc.len(), top.len());
    }

    /// A long Markdown file of short paragraphs is given to pulldown-cmark
    /// in pieces (its tree of the whole took 38 times the text): a piece
    /// may end before a line of ASCII letters after a blank line.
    #[test]
    fn pieces_end_before_lines_of_ascii_letters() {
        let src = "a\n\n".repeat(100);
        assert_eq!(split_after(&src, 10), (12, false));
        let list = "> d\n\n    e\n\n-a\n\n- \n\n1.c\n\n- - -\n\n1234567890. f\n";
        assert_eq!(
            split_after(list, 0),
            (list.len(), false),
            "none of these lines may start a piece"
        );
        assert_eq!(masked_in_pieces(&src, 16), masked_in_pieces(&src, 1 << 20));
    }

    /// Headings with no blank line between them: a piece may end after any
    /// ATX heading at a line's start (a file of `# x` lines was given to
    /// pulldown-cmark whole: 32 times the text).
    #[test]
    fn pieces_end_after_atx_headings() {
        let src = "# x\n".repeat(100);
        assert_eq!(split_after(&src, 8), (12, false));
        // (A heading that started before `at` is not looked at.)
        assert_eq!(split_after(&src, 10), (16, false));
        for not in [
            "- a\n  # b\nc\n",
            "    # b\nc\n",
            "#b\nc\n",
            "####### b\nc\n",
            " # b\nc\n",
            "# b\r\\\n\\\n",
        ] {
            assert_eq!(split_after(not, 0), (not.len(), false), "{not:?}");
        }
        let mixed = "# 一、x\n1. a\n- b\n> c\n## （一）y\n```\n# 不是标题\n```\n| a |\n|---|\n# z\n    d\n"
            .repeat(20);
        assert_read_alike_in_pieces(&mixed);
    }

    /// `src` read in pieces of a few sizes is read as it is whole.
    fn assert_read_alike_in_pieces(src: &str) {
        let whole = masked_in_pieces(src, usize::MAX);
        for chunk in [1, 7, 30, 100] {
            assert_eq!(masked_in_pieces(src, chunk), whole, "{chunk}");
        }
    }

    /// A list with no blank line between its items: a piece may end before
    /// an item with no indentation where the piece ends in a list (a file
    /// of `1. x` lines was given to pulldown-cmark whole: 36 times the
    /// text); not after a paragraph (`2. x` goes on with it, and a `---`
    /// under both makes them a heading), a block quote or a table.
    #[test]
    fn pieces_end_before_list_items_after_a_list() {
        let src = "1. x\n".repeat(100);
        assert_eq!(split_after(&src, 3), (5, true));
        assert_eq!(split_after(&src, 5), (10, true));
        assert_eq!(split_after("- 一\n+ b\n* 3\n2) c\n", 0), (6, true));
        let (masked, _) = masked_in_pieces(&src, 1);
        assert_eq!(masked, src, "the items' numbers are shown");
        assert_eq!(masked_in_pieces(&src, 1), masked_in_pieces(&src, usize::MAX));
        for not_a_list in [
            "段落\n2. x\n---\n",
            "> a\n2. b\n---\n",
            "| a |\n|---|\n2. b\n---\n",
        ] {
            let whole = masked_in_pieces(not_a_list, usize::MAX);
            assert_eq!(masked_in_pieces(not_a_list, 1), whole, "{not_a_list:?}");
        }
        let (_, headings) = masked_in_pieces("段落\n2. x\n---\n", 1);
        assert_eq!(headings.len(), 1, "a setext heading of two lines");
        let mixed = "1. a\n   b\nlazy\n2. c\n   ```\n   code\n3. d\n   | t |\n   |---|\n4) e\n- f\n> g\n5. h\n\n    i\n* j\n- - -\n"
            .repeat(20);
        assert_read_alike_in_pieces(&mixed);
    }

    /// A piece whose markup would make pulldown-cmark's tree too large is
    /// first cut as short as it can be, and read as plain text only where
    /// it cannot be cut (one paragraph): that piece is shown whole and
    /// reported, the rest is read as Markdown.
    #[test]
    fn pieces_too_dense_in_markup_are_cut_short_or_read_as_text() {
        // Paragraphs of code spans, cut at the Chinese lines after blank lines.
        let spans = "`x`".repeat(40);
        let cuttable = format!("{spans}\n\n中文\n\n{spans}\n\n## 一、标题\n");
        // Room for one paragraph of them, not two.
        let budget = 100 * MARK_COST;
        let masked = mask_in_chunks(&cuttable, 16, budget, true);
        assert!(masked.as_text.is_empty());
        assert_eq!((masked.text, masked.headings), masked_in_pieces(&cuttable, CHUNK));
        // One paragraph of them: read as text, the heading after it still
        // read as Markdown.
        let dense = format!("{spans}{spans}\n\n## 一、标题\n");
        let masked = mask_in_chunks(&dense, 16, budget, true);
        let piece = masked.as_text[..].to_vec();
        assert_eq!(piece.len(), 1);
        assert_eq!(piece[0].slice(&dense), format!("{spans}{spans}\n\n"));
        assert_eq!(
            &masked.text[..piece[0].end],
            piece[0].slice(&dense),
            "shown as it is"
        );
        assert_eq!(masked.headings.len(), 1);
        // Reported, and the tree still rebuilds the source.
        let doc = parse_masked(
            &dense,
            &masked.text,
            &masked.headings,
            &piece,
            &Options::default(),
        );
        let codes: Vec<_> = doc.diagnostics().map(|d| (d.code, d.span)).collect();
        assert_eq!(codes, [(crate::DiagnosticCode::MarkupAsText, piece[0])]);
        assert_eq!(doc.leaves().map(|(_, t)| t).collect::<String>(), dense);
        assert_eq!(marks(b"a\n*_`[]()<&\\~|> b"), 14);
        // A line of code or of an HTML block is one mark, whatever it holds.
        assert_eq!(marks(b"```\n*p = (a < b);\n```\n"), 3);
        assert_eq!(marks(b"<table>\n<tr><td>(1)</td></tr>\n\n*a*\n"), 6);
        assert_eq!(marks(b"\n    *p = (a < b);\n"), 2);
        assert_eq!(marks(b"<b>*a*</b>\n"), 7, "inline HTML is no block");
        // The headings before a block too dense for the budget are read,
        // the last one too (a piece cut as short as it can be ends after
        // the heading on its first line); the block is counted once.
        let src = format!("{}{spans}{spans}", "# 一、x\n".repeat(100));
        let masked = mask_in_chunks(&src, 16, budget, true);
        assert_eq!(masked.headings.len(), 100);
        assert_eq!(masked.as_text.len(), 1);
        assert_eq!(masked.as_text[0].slice(&src), format!("{spans}{spans}"));
    }

    #[test]
    fn a_source_changed_after_masking_still_rebuilds() {
        use crate::input::{InputKind, ReadOptions, read_bytes};
        let src = "## 第一章 总则\n\n第一条 甲。\nab\n第二条 乙。\n";
        let mut read =
            read_bytes(src.as_bytes(), InputKind::Markdown, &ReadOptions::default()).expect("reads");
        // The same length, a character where ASCII was: the masked copy's
        // spans may now split it.
        read.text = read.text.replace("\nab", "字");
        assert_eq!(read.text.len(), src.len());
        let doc = read.parse(&Options::default());
        assert_eq!(doc.leaves().map(|(_, t)| t).collect::<String>(), read.text);
        assert!(same_wide_bytes(b"  a*b", b"**a b"));
        assert!(!same_wide_bytes("字".as_bytes(), b"  \n"));
        assert!(!same_wide_bytes("字a".as_bytes(), "字".as_bytes()));
        let long = "一".repeat(5000);
        let mut other = long.clone();
        other.replace_range(9000..9003, "二");
        assert!(same_wide_bytes(long.as_bytes(), long.as_bytes()));
        assert!(!same_wide_bytes(long.as_bytes(), other.as_bytes()));
    }

    #[test]
    fn plain_blocks_stand_in_where_pulldown_cmark_reads_them() {
        let src = "# 标题\n\n## 第一章 总则\n第一条 为了规范管理。\n\n- 项\n\n第二条 正文。\n\n> 引文\n\n\
                   第三条 正文。\n| 表 | 格 |\n|---|---|\n\n2026年\n\n1. 项\n\n(一)正文。\r\n";
        let mut compact = Compact::default();
        assert!(compact.fill(src, 0..src.len()));
        assert_eq!(compact.blocks.len(), 6);
        let (mut shown, mut found) = (Vec::new(), Vec::new());
        let read = read_events(
            src,
            &compact.text,
            src.len(),
            Some(&compact),
            &mut shown,
            &mut found,
        );
        assert!(read.is_some());
        assert_eq!(found.len(), 2);
        assert_eq!(masked_in_pieces(src, CHUNK), masked_as_written(src, CHUNK));
    }

    #[test]
    fn html_blocks_keep_their_text() {
        let src = "<div>\n一、总体要求\n</div>\n\n二、主要任务\n";
        assert_eq!(md(src), "一、\t总体要求\n二、\t主要任务\n");
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of Markdown and of Chinese numbering, in any order.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "# ",
            "## ",
            "### ",
            "\n",
            "\n\n",
            "  \n",
            "\\\n",
            "**",
            "*",
            "_",
            "`",
            "```\n",
            "~~~",
            "    ",
            "> ",
            "- ",
            "1. ",
            "2) ",
            "[",
            "](",
            ")",
            "http://例子.中国/",
            "<!--",
            "-->",
            "<div>",
            "</div>",
            "---\n",
            "===\n",
            "&amp;",
            "&ldquo;",
            "\\*",
            "|",
            "一、",
            "（一）",
            "第一章",
            "第二条",
            "一是",
            "1.",
            "总体要求",
            "。",
            "：",
            "😀",
            "é",
            "\r\n",
            "\t",
            " ",
            "中文",
            "#",
            "<script>",
            "</script>",
            "<pre>",
            "</pre>",
            "[x]",
            "]: /u",
            "+++\n",
            "...\n",
            "--- \r",
            "> ```\n",
            "1. a\n",
            "2) 二\n",
            "- b\n",
            "* 中\n",
            "+ 3\n",
            "   ",
            "1234567890. ",
        ])
    }

    /// Pieces of Markdown where plain blocks abound: lines of text, ATX
    /// headings and the blocks that could take a line after them, with no
    /// `<` or fence (which would have the piece read as written).
    fn plain_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\n",
            "\n\n",
            " \n",
            "\r\n",
            "\r",
            "正文。",
            "第一条 为了规范管理。",
            "## 一、总体要求",
            "### （一）",
            "# ",
            "#",
            "a",
            "1. ",
            "1)",
            "2026年",
            "(一)",
            "+ ",
            "=",
            "- ",
            "* ",
            "> ",
            "    ",
            "   ",
            "---",
            "===",
            "|",
            "**",
            "_",
            "[x]",
            "]: /u",
            "\u{3000}",
            "\u{feff}",
            "\u{a0}",
            "\t",
            "\u{b}",
            "\u{c}",
            "\0",
            " ",
            "  ",
            "&amp;",
            "\\",
            "~",
            "`",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn plain_blocks_read_as_pulldown_cmark_reads_them(pieces in prop::collection::vec(plain_piece(), 0..60)) {
            let src: String = pieces.concat();
            for chunk in [1, CHUNK] {
                prop_assert_eq!(masked_in_pieces(&src, chunk), masked_as_written(&src, chunk), "{:?}", src);
            }
        }

        #[test]
        fn markdown_trees_rebuild_their_source(pieces in prop::collection::vec(piece(), 0..40)) {
            let src: String = pieces.concat();
            let read = markdown_text(&src);
            prop_assert_eq!(read.text.len(), src.len());
            // Read in pieces as small as they come, it is read the same.
            let whole = masked_in_pieces(&src, usize::MAX);
            prop_assert_eq!(&masked_in_pieces(&src, 1), &whole);
            prop_assert_eq!(&(read.text.clone(), read.headings.clone()), &whole);
            prop_assert_eq!(&masked_as_written(&src, CHUNK), &whole);
            for h in &read.headings {
                prop_assert!(src.get(h.span().range()).is_some());
            }
            let doc = parse_markdown(&src, &Options::default());
            let rebuilt: String = doc.leaves().map(|(_, t)| t).collect();
            prop_assert_eq!(rebuilt, src.clone());
            // A read file's tree is moved onto its source in place: the same tree.
            let read = crate::input::read_bytes(
                src.as_bytes(),
                InputKind::Markdown,
                &crate::input::ReadOptions::default(),
            );
            if let Ok(read) = read {
                let moved = read.parse(&Options::default());
                prop_assert_eq!(format!("{moved:?}"), format!("{doc:?}"));
                prop_assert!(super::tests::texts_in(&read.text, &moved));
            }
            for (_, node) in doc.walk() {
                let span = node.span();
                prop_assert!(src.get(span.start..span.end).is_some());
            }
        }
    }
}
