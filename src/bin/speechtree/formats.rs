//! The batch output formats of the command: `jsonl`, `markdown` and `csv`.
//!
//! The outline and JSON renderers live in the library (`speechtree::outline`,
//! `serde`); these are the ones the command adds for pipelines and reading.

use serde::Serialize;
use speechtree::{Document, FurnitureKind, Node};
use std::borrow::Cow;
use std::io::{self, Write};

/// The columns of the `csv` format, in order.
pub const CSV_HEADER: [&str; 8] = [
    "path", "depth", "kind", "marker", "value", "heading", "start", "end",
];

/// One `jsonl` line: a parsed input, or one that failed.
#[derive(Serialize)]
struct JsonLine<'d, 'a> {
    path: &'d str,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'d Document<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'d str>,
}

/// `{"path": …, "document": …}` on one line, newline included.
pub fn write_jsonl_document(out: &mut dyn Write, path: &str, doc: &Document<'_>) -> io::Result<()> {
    let line = JsonLine {
        path,
        document: Some(doc),
        error: None,
    };
    serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// `{"path": …, "error": …}` on one line, newline included.
pub fn write_jsonl_error(out: &mut dyn Write, path: &str, error: &str) -> io::Result<()> {
    let line = JsonLine {
        path,
        document: None,
        error: Some(error),
    };
    serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// `{"path": …, "document": …}`, pretty, for `--format json` over several inputs.
pub fn write_json_entry(out: &mut dyn Write, path: &str, doc: &Document<'_>) -> io::Result<()> {
    let entry = JsonLine {
        path,
        document: Some(doc),
        error: None,
    };
    serde_json::to_writer_pretty(out, &entry).map_err(io::Error::from)
}

/// `{"path": …, "error": …}`, pretty, for `--format json` over several inputs.
pub fn write_json_error_entry(out: &mut dyn Write, path: &str, error: &str) -> io::Result<()> {
    let entry = JsonLine {
        path,
        document: None,
        error: Some(error),
    };
    serde_json::to_writer_pretty(out, &entry).map_err(io::Error::from)
}

/// A write error of the `csv` crate as the I/O error it wraps.
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("csv: {other:?}")),
    }
}

/// A cell that a spreadsheet would not take for a formula: one that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a `'` in front
/// (OWASP, "CSV Injection").
fn cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// One `csv` row per node (white space excepted), without the header.
///
/// `kind` is the node's JSON type; furniture rows say which piece it is
/// (`furniture:title`) and carry its clean text in `heading`. `start` and
/// `end` are byte offsets into the decoded text. Text cells go through
/// [`cell`].
pub fn write_csv_rows(out: &mut dyn Write, path: &str, doc: &Document<'_>) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(out);
    let path = cell(path);
    for (depth, node) in doc.walk() {
        let kind = match node {
            Node::Space(_) => continue,
            Node::Furniture(f) => format!("furniture:{}", f.kind.name()),
            other => other.kind().to_owned(),
        };
        let marker = node.marker();
        let heading = match node {
            Node::Furniture(f) => f.value,
            other => other.title().unwrap_or(""),
        };
        let span = node.span();
        w.write_record([
            &*path,
            &depth.to_string(),
            &kind,
            &cell(marker.map_or("", |m| m.text.trim())),
            &marker.map_or(String::new(), |m| m.value.to_string()),
            &cell(heading),
            &span.start.to_string(),
            &span.end.to_string(),
        ])
        .map_err(csv_io)?;
    }
    w.flush()
}

/// The `csv` header line.
pub fn write_csv_header(out: &mut dyn Write) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER).map_err(csv_io)?;
    w.flush()
}

/// Markdown: the title as `#`, sections as `#` levels below it (level 1 is
/// `##`, capped at `######`), points as list items nested by point depth,
/// body text as paragraphs (under a point: continuation lines of its item).
/// Page boilerplate is left out.
pub fn write_markdown(out: &mut dyn Write, doc: &Document<'_>) -> io::Result<()> {
    let mut md = Markdown {
        out,
        started: false,
        in_list: false,
    };
    // Kinds of the ancestors of the node being rendered, by depth.
    let mut points_above: Vec<bool> = Vec::new();
    for (depth, node) in doc.walk() {
        points_above.truncate(depth);
        let list_depth = points_above.iter().filter(|p| **p).count();
        match node {
            Node::Section(s) => {
                let hashes = "#".repeat((s.level() as usize + 1).clamp(2, 6));
                let (marker, heading) = match s.marker() {
                    Some(m) => (m.text.trim(), s.title()),
                    // An unnumbered heading keeps the label its title
                    // leaves out (附件1, 附件：).
                    None => ("", split_at_title(s.heading().text, s.heading().title).0),
                };
                // 第一章 总则 and 1 范围 are written with a space between
                // the number and the title; 一、 and （一） carry their own
                // delimiter.
                let gap = s.marker().is_some_and(|m| {
                    (m.style.is_statute_unit() || m.style.is_decimal()) && !heading.is_empty()
                });
                let gap = if gap { " " } else { "" };
                md.block(&format!("{hashes} {marker}{gap}{}", one_line(heading)))?;
            }
            Node::Point(p) => {
                let lead = one_line(p.lead().text.trim());
                md.item(
                    list_depth,
                    &format!("**{}**{}", p.marker().text.trim(), escape_inline(&lead)),
                )?;
            }
            Node::Paragraph(p) => {
                let text = p.text.trim();
                if text.is_empty() {
                } else if list_depth > 0 {
                    md.continuation(list_depth, text)?;
                } else {
                    md.block(&escape_line_start(&one_line(text)))?;
                }
            }
            Node::Furniture(f) => match f.kind {
                FurnitureKind::Noise => {}
                FurnitureKind::Title => {
                    // The date or byline after the title on its line is kept
                    // as a paragraph, like a byline on a line of its own.
                    let (title, rest) = split_at_title(f.text, f.value);
                    md.block(&format!("# {}", one_line(title)))?;
                    if !rest.trim().is_empty() {
                        md.block(&escape_line_start(&one_line(rest)))?;
                    }
                }
                FurnitureKind::Subtitle => md.block(&format!("*{}*", one_line(f.text.trim())))?,
                // A table of contents and a list of attachments keep their
                // lines (hard breaks).
                FurnitureKind::Contents | FurnitureKind::Attachments => {
                    let lines: Vec<String> = f
                        .text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(escape_line_start)
                        .collect();
                    md.block(&lines.join("  \n"))?;
                }
                _ => md.block(&escape_line_start(&one_line(f.text.trim())))?,
            },
            Node::Space(_) => {}
        }
        points_above.push(matches!(node, Node::Point(_)));
    }
    Ok(())
}

/// Markdown being written: blocks separated by blank lines, list items and
/// their continuation lines by single newlines.
struct Markdown<'w> {
    out: &'w mut dyn Write,
    /// Whether anything was written.
    started: bool,
    in_list: bool,
}

impl Markdown<'_> {
    fn block(&mut self, line: &str) -> io::Result<()> {
        if self.started {
            self.out.write_all(b"\n")?;
        }
        writeln!(self.out, "{line}")?;
        self.started = true;
        self.in_list = false;
        Ok(())
    }

    fn item(&mut self, list_depth: usize, content: &str) -> io::Result<()> {
        if !self.in_list && self.started {
            self.out.write_all(b"\n")?;
        }
        writeln!(self.out, "{}- {content}", "  ".repeat(list_depth))?;
        self.started = true;
        self.in_list = true;
        Ok(())
    }

    fn continuation(&mut self, list_depth: usize, text: &str) -> io::Result<()> {
        if !self.in_list {
            return self.block(&escape_line_start(&one_line(text)));
        }
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            writeln!(
                self.out,
                "{}{}",
                "  ".repeat(list_depth),
                escape_inline(&escape_html(line))
            )?;
        }
        Ok(())
    }
}

/// `text` split after `title`: what precedes the title in `text` (a label)
/// with the title, and what follows it. When `title` is not a slice of
/// `text`, the title and nothing.
fn split_at_title<'t>(text: &'t str, title: &'t str) -> (&'t str, &'t str) {
    let offset = (title.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    let end = offset.checked_add(title.len());
    match end.and_then(|end| Some((text.get(..end)?, text.get(end..)?))) {
        Some(split) => split,
        None => (title, ""),
    }
}

/// Line breaks inside a heading become spaces; `&`, `<` and `>` become
/// entities, so text is never taken for HTML.
fn one_line(s: &str) -> String {
    let line = s
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    escape_html(&line)
}

/// `&`, `<` and `>` as entities.
fn escape_html(s: &str) -> String {
    if !s.contains(['&', '<', '>']) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes what would make a line start a Markdown construct
/// (`#`, `>`, `-`, `+`, `*`, `=`, `1.` `1)`).
fn escape_line_start(line: &str) -> String {
    let starts_block = line.starts_with(['#', '>', '-', '+', '*', '=', '|']) || {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'))
    };
    if starts_block {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let (head, tail) = line.split_at(digits);
        if digits > 0 {
            format!("{head}\\{tail}")
        } else {
            format!("\\{line}")
        }
    } else {
        line.to_owned()
    }
}

/// Escapes `*` and `_` inside list content so the bold marker stays intact.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "在全市工作会议上的讲话\n同志们：\n一、总体要求\n（一）加强领导。各级要重视。\n一是领导机构进一步健全。二是制度逐步完善。\n二、主要任务\n1.做好准备\n谢谢大家！\n";

    #[test]
    fn csv_has_one_row_per_node_with_quoting() {
        let doc = speechtree::parse(TEXT);
        let rows = String::from_utf8(csv_rows("a,\"b\".txt", &doc)).unwrap();
        let first = rows.lines().next().unwrap();
        assert!(
            first.starts_with("\"a,\"\"b\"\".txt\","),
            "path with comma and quotes must be quoted: {first}"
        );
        let sections = rows.lines().filter(|l| l.contains(",section,")).count();
        assert_eq!(sections, doc.sections().count());
        let mut header = Vec::new();
        write_csv_header(&mut header).unwrap();
        assert_eq!(
            String::from_utf8(header).unwrap(),
            "path,depth,kind,marker,value,heading,start,end\n"
        );
    }

    #[test]
    fn markdown_headings_and_points() {
        let doc = speechtree::parse(TEXT);
        let md = markdown(&doc);
        assert!(md.starts_with("# 在全市工作会议上的讲话\n"), "{md}");
        assert!(md.contains("\n## 一、总体要求\n"), "{md}");
        assert!(md.contains("\n### （一）加强领导\n"), "{md}");
        assert!(md.contains("- **一是**领导机构进一步健全。"), "{md}");
    }

    #[test]
    fn jsonl_is_one_line() {
        let doc = speechtree::parse(TEXT);
        let mut line = Vec::new();
        write_jsonl_document(&mut line, "x.txt", &doc).unwrap();
        let line = String::from_utf8(line).unwrap();
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.starts_with("{\"path\":\"x.txt\",\"document\":{"));
        let mut err = Vec::new();
        write_jsonl_error(&mut err, "y.txt", "y.txt: boom").unwrap();
        assert_eq!(err, b"{\"path\":\"y.txt\",\"error\":\"y.txt: boom\"}\n");
    }

    fn markdown(doc: &Document<'_>) -> String {
        let mut md = Vec::new();
        write_markdown(&mut md, doc).unwrap();
        String::from_utf8(md).unwrap()
    }

    fn csv_rows(path: &str, doc: &Document<'_>) -> Vec<u8> {
        let mut rows = Vec::new();
        write_csv_rows(&mut rows, path, doc).unwrap();
        rows
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let doc = speechtree::parse("一、=HYPERLINK(\"x\")\n二、+1\n三、@SUM(A1)\n四、-2\n五、正文\n");
        let rows = String::from_utf8(csv_rows("=cmd.txt", &doc)).unwrap();
        for row in rows.lines() {
            assert!(
                row.starts_with("'=cmd.txt,"),
                "the path cell should be guarded: {row}"
            );
        }
        assert!(rows.contains(",\"'=HYPERLINK(\"\"x\"\")\","), "{rows}");
        assert!(rows.contains(",'+1,"), "{rows}");
        assert!(rows.contains(",'@SUM(A1),"), "{rows}");
        assert!(rows.contains(",'-2,"), "{rows}");
        assert!(rows.contains(",正文,"), "ordinary cells are unchanged: {rows}");
    }

    #[test]
    fn markdown_escapes_html() {
        let doc =
            speechtree::parse("一、<script>alert(1)</script>\n正文<b>粗</b> & 细。\n一是<i>要点</i>；\n");
        let md = markdown(&doc);
        assert!(!md.contains('<'), "no raw HTML should pass through: {md}");
        assert!(
            md.contains("## 一、&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{md}"
        );
        assert!(md.contains("&lt;b&gt;粗&lt;/b&gt; &amp; 细"), "{md}");
    }

    #[test]
    fn markdown_keeps_the_date_on_the_title_line_and_annex_labels() {
        let doc = speechtree::parse(
            "在全市工作会议上的讲话（2023年5月26日）\n同志们：\n一、总体要求\n正文。\n附件1\n重点任务分工\n一、组织领导\n",
        );
        let md = markdown(&doc);
        assert!(
            md.starts_with("# 在全市工作会议上的讲话\n\n（2023年5月26日）\n"),
            "{md}"
        );
        assert!(md.contains("\n## 附件1 重点任务分工\n"), "{md}");
    }

    #[test]
    fn line_starts_are_escaped() {
        assert_eq!(escape_line_start("1.5亿元"), "1\\.5亿元");
        assert_eq!(escape_line_start("# x"), "\\# x");
        assert_eq!(escape_line_start("正文"), "正文");
    }
}
