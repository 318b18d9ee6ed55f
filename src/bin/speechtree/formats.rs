//! The batch output formats of the command: `jsonl`, `markdown` and `csv`.
//!
//! The outline and JSON renderers live in the library (`speechtree::outline`,
//! `serde`); these are the ones the command adds for pipelines and reading.

use serde::Serialize;
use speechtree::{Document, FurnitureKind, Node};
use std::fmt::Write as _;

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
pub fn jsonl_document(path: &str, doc: &Document<'_>) -> Result<String, serde_json::Error> {
    jsonl(&JsonLine {
        path,
        document: Some(doc),
        error: None,
    })
}

/// `{"path": …, "error": …}` on one line, newline included.
pub fn jsonl_error(path: &str, error: &str) -> Result<String, serde_json::Error> {
    jsonl(&JsonLine {
        path,
        document: None,
        error: Some(error),
    })
}

fn jsonl(line: &JsonLine<'_, '_>) -> Result<String, serde_json::Error> {
    let mut s = serde_json::to_string(line)?;
    s.push('\n');
    Ok(s)
}

/// `{"path": …, "document": …}`, pretty, for `--format json` over several inputs.
pub fn json_entry(path: &str, doc: &Document<'_>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&JsonLine {
        path,
        document: Some(doc),
        error: None,
    })
}

/// `{"path": …, "error": …}`, pretty, for `--format json` over several inputs.
pub fn json_error_entry(path: &str, error: &str) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(&JsonLine {
        path,
        document: None,
        error: Some(error),
    })
}

/// The snake_case name of a furniture kind, as in JSON.
fn furniture_name(kind: FurnitureKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_else(|| format!("{kind:?}").to_lowercase())
}

/// One `csv` row per node (white space excepted), without the header.
///
/// `kind` is the node's JSON type; furniture rows say which piece it is
/// (`furniture:title`) and carry its clean text in `heading`. `start` and
/// `end` are byte offsets into the decoded text.
pub fn csv_rows(path: &str, doc: &Document<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for (depth, node) in doc.walk() {
        let kind = match node {
            Node::Space(_) => continue,
            Node::Furniture(f) => format!("furniture:{}", furniture_name(f.kind)),
            other => other.kind().to_owned(),
        };
        let marker = node.marker();
        let heading = match node {
            Node::Furniture(f) => f.value,
            other => other.heading().map_or("", |h| h.title),
        };
        let span = node.span();
        w.write_record([
            path,
            &depth.to_string(),
            &kind,
            marker.map_or("", |m| m.text.trim()),
            &marker.map_or(String::new(), |m| m.value.to_string()),
            heading,
            &span.start.to_string(),
            &span.end.to_string(),
        ])?;
    }
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// The `csv` header line.
pub fn csv_header() -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Markdown: the title as `#`, sections as `#` levels below it (level 1 is
/// `##`, capped at `######`), points as list items nested by point depth,
/// body text as paragraphs (under a point: continuation lines of its item).
/// Page boilerplate is left out.
pub fn markdown(doc: &Document<'_>) -> String {
    let mut md = Markdown::default();
    // Kinds of the ancestors of the node being rendered, by depth.
    let mut points_above: Vec<bool> = Vec::new();
    for (depth, node) in doc.walk() {
        points_above.truncate(depth);
        let list_depth = points_above.iter().filter(|p| **p).count();
        match node {
            Node::Section(s) => {
                let hashes = "#".repeat((s.level as usize + 1).clamp(2, 6));
                let marker = s.marker.as_ref().map_or("", |m| m.text.trim());
                md.block(&format!("{hashes} {marker}{}", one_line(s.heading.title)));
            }
            Node::Point(p) => {
                let lead = one_line(p.lead.text.trim());
                md.item(
                    list_depth,
                    &format!("**{}**{}", p.marker.text.trim(), escape_inline(&lead)),
                );
            }
            Node::Paragraph(p) => {
                let text = p.text.trim();
                if text.is_empty() {
                } else if list_depth > 0 {
                    md.continuation(list_depth, text);
                } else {
                    md.block(&escape_line_start(&one_line(text)));
                }
            }
            Node::Furniture(f) => match f.kind {
                FurnitureKind::Noise => {}
                FurnitureKind::Title => md.block(&format!("# {}", one_line(f.value))),
                FurnitureKind::Subtitle => md.block(&format!("*{}*", one_line(f.text.trim()))),
                _ => md.block(&escape_line_start(&one_line(f.text.trim()))),
            },
            Node::Space(_) => {}
        }
        points_above.push(matches!(node, Node::Point(_)));
    }
    md.out
}

/// Markdown under construction: blocks separated by blank lines, list items
/// and their continuation lines by single newlines.
#[derive(Default)]
struct Markdown {
    out: String,
    in_list: bool,
}

impl Markdown {
    fn block(&mut self, line: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(line);
        self.out.push('\n');
        self.in_list = false;
    }

    fn item(&mut self, list_depth: usize, content: &str) {
        if !self.in_list && !self.out.is_empty() {
            self.out.push('\n');
        }
        let _ = writeln!(self.out, "{}- {content}", "  ".repeat(list_depth));
        self.in_list = true;
    }

    fn continuation(&mut self, list_depth: usize, text: &str) {
        if !self.in_list {
            return self.block(&escape_line_start(&one_line(text)));
        }
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let _ = writeln!(self.out, "{}{}", "  ".repeat(list_depth), escape_inline(line));
        }
    }
}

/// Line breaks inside a heading become spaces.
fn one_line(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
        let rows = String::from_utf8(csv_rows("a,\"b\".txt", &doc).unwrap()).unwrap();
        let first = rows.lines().next().unwrap();
        assert!(
            first.starts_with("\"a,\"\"b\"\".txt\","),
            "path with comma and quotes must be quoted: {first}"
        );
        let sections = rows.lines().filter(|l| l.contains(",section,")).count();
        assert_eq!(sections, doc.sections().count());
        assert_eq!(
            String::from_utf8(csv_header().unwrap()).unwrap(),
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
        let line = jsonl_document("x.txt", &doc).unwrap();
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.starts_with("{\"path\":\"x.txt\",\"document\":{"));
        let err = jsonl_error("y.txt", "y.txt: boom").unwrap();
        assert_eq!(err, "{\"path\":\"y.txt\",\"error\":\"y.txt: boom\"}\n");
    }

    #[test]
    fn line_starts_are_escaped() {
        assert_eq!(escape_line_start("1.5亿元"), "1\\.5亿元");
        assert_eq!(escape_line_start("# x"), "\\# x");
        assert_eq!(escape_line_start("正文"), "正文");
    }
}
