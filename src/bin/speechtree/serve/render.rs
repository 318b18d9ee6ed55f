//! The one place where `speechtree serve` calls into the library's input
//! functions and the rest of the command line (the renderers of
//! `--format`, the lint JSON). When those APIs move, only this file changes.

use crate::formats;
use serde::Serialize;
use speechtree::input::{InputKind, ReadOptions, ReadResult, read_bytes};
use speechtree::lint::{Finding, LintOptions, Severity, lint_with};
use speechtree::{Document, LineIndex};
use std::path::Path;

/// Text read from a request, ready to parse: `text` is what spans index
/// (the Markdown source for Markdown, the extracted text for HTML and
/// `.docx`).
pub type Read = ReadResult;

/// Reads the bytes of one upload or body as the command reads a file named
/// `name`: by extension (`.docx`, `.md`, `.html`, or their first bytes) and
/// otherwise by detecting UTF-8, UTF-16 and GB18030, unless `encoding`
/// names the encoding.
pub fn read(
    bytes: &[u8],
    name: &str,
    encoding: Option<String>,
    max_bytes: u64,
) -> Result<Read, speechtree::Error> {
    let opts = ReadOptions {
        encoding,
        max_file_size: max_bytes,
        ..ReadOptions::default()
    };
    let kind = InputKind::detect(Some(Path::new(name)), bytes);
    read_bytes(bytes, kind, &opts).map_err(|e| e.with_path(name))
}

/// Parses what was read with its heading evidence, as the command does.
pub fn parse(read: &Read) -> Document<'_> {
    read.parse(&speechtree::Options::default())
}

/// The tree as `speechtree --format json` prints it.
pub fn json(doc: &Document<'_>) -> Result<String, String> {
    let mut s = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

/// `--format outline`.
pub fn outline(doc: &Document<'_>) -> String {
    speechtree::outline(doc)
}

/// `--format markdown`.
pub fn markdown(doc: &Document<'_>) -> Result<String, String> {
    let mut out = Vec::new();
    formats::write_markdown(&mut out, doc).map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

/// `--format csv`, header included.
pub fn csv(name: &str, doc: &Document<'_>) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    formats::write_csv_header(&mut out).map_err(|e| e.to_string())?;
    formats::write_csv_rows(&mut out, name, doc).map_err(|e| e.to_string())?;
    Ok(out)
}

/// `--format jsonl` (one line).
pub fn jsonl(name: &str, doc: &Document<'_>) -> Result<String, String> {
    let mut out = Vec::new();
    formats::write_jsonl_document(&mut out, name, doc).map_err(|e| e.to_string())?;
    String::from_utf8(out).map_err(|e| e.to_string())
}

pub use crate::lint::JsonFinding;

/// The lint findings of `doc` (the rules on by default).
pub fn findings(doc: &Document<'_>) -> Vec<Finding> {
    lint_with(doc, &LintOptions::default())
}

/// `findings` of the input `name` as `speechtree lint --format json` prints
/// them.
pub fn json_findings<'a>(name: &'a str, text: &str, findings: &'a [Finding]) -> Vec<JsonFinding<'a>> {
    let index = LineIndex::new(text);
    findings
        .iter()
        .map(|f| JsonFinding::new(name, &index, f))
        .collect()
}

/// Counts shown on the page.
#[derive(Serialize, Default)]
pub struct Counts {
    sections: usize,
    points: usize,
    diagnostics: usize,
    findings: usize,
    errors: usize,
    warnings: usize,
    bytes: usize,
    lines: usize,
}

/// Counts of sections, points, diagnostics and findings.
pub fn counts(text: &str, doc: &Document<'_>, findings: &[Finding]) -> Counts {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    Counts {
        sections: doc.sections().count(),
        points: doc.points().count(),
        diagnostics: doc.diagnostics().len(),
        findings: findings.len(),
        errors,
        warnings: findings.len() - errors,
        bytes: text.len(),
        lines: text.lines().count(),
    }
}
