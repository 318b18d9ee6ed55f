//! The `speechtree._speechtree` extension: the Rust parser behind the Python
//! package.
//!
//! It is deliberately small. Each call parses (or reads and parses) and hands
//! Python a compact representation of the tree: a flat table of integers, one
//! row of [`STRIDE`] per node in document order (see [`Row`]), with positions
//! both as byte offsets and as Python `str` indices. The Python classes in
//! `python/speechtree/` wrap that table, so they pickle without help.
//!
//! Serialisation (`to_json`), linting and the outline parse the text again,
//! through the library's own path for the kind of input it was read as
//! ([`with_document`]): parsing is deterministic, so the tree is the one the
//! table describes, and the JSON is exactly what the command prints.

use std::path::{Path, PathBuf};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use speechtree::input::{InputKind, ReadOptions, ReadResult, parse_markdown, read_path_with_hints};
use speechtree::{Document, FurnitureKind, HeadingHint, MarkerStyle, Node, Options, Span};

/// Integers per node in the table.
const STRIDE: usize = 22;

/// The columns of a node's row (each an `i64`; `-1` where it does not apply).
#[allow(dead_code)]
#[repr(usize)]
enum Row {
    Kind,
    Depth,
    Parent,
    /// Index of the first row after this node's subtree.
    SubtreeEnd,
    Start,
    End,
    ByteStart,
    ByteEnd,
    /// A section's level, or a furniture's kind code.
    Level,
    MarkerStart,
    MarkerEnd,
    MarkerValue,
    MarkerStyle,
    MarkerByteStart,
    MarkerByteEnd,
    HeadingStart,
    HeadingEnd,
    HeadingByteStart,
    HeadingByteEnd,
    /// A heading's title, or a furniture's clean value (`str` indices).
    TitleStart,
    TitleEnd,
    /// Bits: 1 inferred end, 2 run in, 4 unnumbered.
    Evidence,
}

/// A style's code: its index in [`MarkerStyle::ALL`] (and in `STYLES`).
fn style_code(style: MarkerStyle) -> i64 {
    MarkerStyle::ALL
        .iter()
        .position(|&s| s == style)
        .map_or(-1, |i| i as i64)
}

/// A furniture kind's code: its index in [`FurnitureKind::ALL`] (and in
/// `FURNITURE`).
fn furniture_code(kind: FurnitureKind) -> i64 {
    FurnitureKind::ALL
        .iter()
        .position(|&k| k == kind)
        .map_or(-1, |i| i as i64)
}

/// Byte offsets to `str` (code point) indices: a count every 64 bytes, and
/// the continuation bytes counted from there.
struct CharIndex<'a> {
    bytes: &'a [u8],
    blocks: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / 64 + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(64) {
            blocks.push(count);
            count += chunk.iter().filter(|&&b| (b as i8) >= -0x40).count() as u32;
        }
        blocks.push(count);
        CharIndex { bytes, blocks }
    }

    fn at(&self, byte: usize) -> i64 {
        let byte = byte.min(self.bytes.len());
        let block = byte / 64;
        let base = self.blocks.get(block).copied().unwrap_or(0);
        let within = self.bytes[block * 64..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count() as u32;
        i64::from(base + within)
    }
}

/// Where `part` (a slice of `source`) starts in it.
fn offset_in(source: &str, part: &str) -> Option<usize> {
    let start = (part.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (start + part.len() <= source.len()).then_some(start)
}

/// Heading hints as `(byte start, byte end, level)`.
type Hints = Vec<(usize, usize, u8)>;

/// One diagnostic: code, message, byte span, `str` span, related byte span.
type RawDiagnostic = (String, String, (i64, i64), (i64, i64), Option<(i64, i64)>);

/// A parsed document, ready to become Python objects.
struct Raw {
    table: Vec<i64>,
    diagnostics: Vec<RawDiagnostic>,
    /// `(row, title)` of the headings whose title holds markup inside it
    /// (Markdown's `**`), given without it ([`Node::title`]); the table's
    /// title range is the source's.
    plain: Vec<(i64, String)>,
}

/// A read and parsed file: its text, heading hints, kind and tree.
struct RawRead {
    text: String,
    hints: Hints,
    kind: &'static str,
    raw: Raw,
}

/// A read error: kind (`"decode"` or `"read"`), message, path, line, column, offset.
type RawError = (
    &'static str,
    String,
    String,
    Option<usize>,
    Option<usize>,
    Option<usize>,
);

fn options(max_depth: usize) -> Options {
    let mut options = Options::default();
    options.max_depth = max_depth;
    options
}

fn heading_hints(hints: &[(usize, usize, u8)]) -> Vec<HeadingHint> {
    hints
        .iter()
        .map(|&(start, end, level)| HeadingHint::new(Span::new(start, end), level))
        .collect()
}

fn table(doc: &Document<'_>) -> Raw {
    let source = doc.source();
    let chars = CharIndex::new(source);
    let mut table: Vec<i64> = Vec::new();
    let mut plain = Vec::new();
    // Rows of the open ancestors, by depth.
    let mut stack: Vec<usize> = Vec::new();
    for (depth, node) in doc.walk() {
        let row = table.len() / STRIDE;
        while stack.len() > depth {
            if let Some(done) = stack.pop() {
                table[done * STRIDE + Row::SubtreeEnd as usize] = row as i64;
            }
        }
        let mut r = [-1i64; STRIDE];
        let span = node.span();
        r[Row::Kind as usize] = match node {
            Node::Section(_) => 0,
            Node::Point(_) => 1,
            Node::Paragraph(_) => 2,
            Node::Furniture(_) => 3,
            Node::Space(_) => 4,
        };
        r[Row::Depth as usize] = depth as i64;
        r[Row::Parent as usize] = stack.last().map_or(-1, |&p| p as i64);
        r[Row::Start as usize] = chars.at(span.start);
        r[Row::End as usize] = chars.at(span.end);
        r[Row::ByteStart as usize] = span.start as i64;
        r[Row::ByteEnd as usize] = span.end as i64;
        r[Row::Evidence as usize] = 0;
        match node {
            Node::Section(s) => r[Row::Level as usize] = i64::from(s.level()),
            Node::Furniture(f) => {
                r[Row::Level as usize] = furniture_code(f.kind);
                let (start, end) =
                    offset_in(source, f.value).map_or((span.start, span.end), |o| (o, o + f.value.len()));
                r[Row::TitleStart as usize] = chars.at(start);
                r[Row::TitleEnd as usize] = chars.at(end);
            }
            _ => {}
        }
        if let Some(m) = node.marker() {
            r[Row::MarkerStart as usize] = chars.at(m.span.start);
            r[Row::MarkerEnd as usize] = chars.at(m.span.end);
            r[Row::MarkerByteStart as usize] = m.span.start as i64;
            r[Row::MarkerByteEnd as usize] = m.span.end as i64;
            r[Row::MarkerValue as usize] = i64::from(m.value);
            r[Row::MarkerStyle as usize] = style_code(m.style);
        }
        if let Some(h) = node.heading() {
            r[Row::HeadingStart as usize] = chars.at(h.span.start);
            r[Row::HeadingEnd as usize] = chars.at(h.span.end);
            r[Row::HeadingByteStart as usize] = h.span.start as i64;
            r[Row::HeadingByteEnd as usize] = h.span.end as i64;
            let (start, end) =
                offset_in(source, h.title).map_or((h.span.start, h.span.end), |o| (o, o + h.title.len()));
            r[Row::TitleStart as usize] = chars.at(start);
            r[Row::TitleEnd as usize] = chars.at(end);
            if let Some(title) = node.title().filter(|&t| t != h.title) {
                plain.push((row as i64, title.to_owned()));
            }
            let e = h.evidence;
            r[Row::Evidence as usize] =
                i64::from(e.inferred_end) | i64::from(e.run_in) << 1 | i64::from(e.unnumbered) << 2;
        }
        table.extend_from_slice(&r);
        if node.has_children() {
            stack.push(row);
        } else {
            table[row * STRIDE + Row::SubtreeEnd as usize] = row as i64 + 1;
        }
    }
    let rows = (table.len() / STRIDE) as i64;
    for done in stack {
        table[done * STRIDE + Row::SubtreeEnd as usize] = rows;
    }
    let diagnostics = doc
        .diagnostics()
        .map(|d| {
            (
                d.code.id().to_owned(),
                d.message.to_owned(),
                (d.span.start as i64, d.span.end as i64),
                (chars.at(d.span.start), chars.at(d.span.end)),
                d.related.map(|r| (r.start as i64, r.end as i64)),
            )
        })
        .collect();
    Raw {
        table,
        diagnostics,
        plain,
    }
}

/// The name of an input kind, as `read`'s `from_` spells it.
fn kind_name(kind: InputKind) -> &'static str {
    match kind {
        InputKind::Markdown => "markdown",
        InputKind::Html => "html",
        InputKind::Docx => "docx",
        _ => "text",
    }
}

/// The input kind a name of [`kind_name`] (or `auto`) stands for.
fn kind_of(name: &str) -> PyResult<Option<InputKind>> {
    match name {
        "auto" => Ok(None),
        _ => name.parse().map(Some).map_err(PyValueError::new_err),
    }
}

/// Parses a document's text as the command parses the file it was read
/// from, and hands the tree to `f`: Markdown source through
/// [`parse_markdown`] (the masked copy, the tree over the source), the rest
/// through [`ReadResult::parse`] with the heading `hints` the reader found.
fn with_document<T>(
    text: String,
    max_depth: usize,
    hints: &[(usize, usize, u8)],
    kind: Option<InputKind>,
    f: impl FnOnce(&Document<'_>) -> T,
) -> T {
    let opts = options(max_depth);
    if kind == Some(InputKind::Markdown) {
        return f(&parse_markdown(&text, &opts));
    }
    let mut read = ReadResult::from(text);
    read.headings = heading_hints(hints);
    read.kind = kind.unwrap_or_default();
    f(&read.parse(&opts))
}

/// The one place the library's reader is called: `from` is `None` for
/// `auto` (by extension and content).
fn read_document(
    path: &Path,
    encoding: Option<&str>,
    from: Option<InputKind>,
) -> Result<ReadResult, RawError> {
    let opts = ReadOptions {
        encoding: encoding.map(str::to_owned),
        from,
        ..ReadOptions::default()
    };
    read_path_with_hints(path, &opts).map_err(|e| raw_error(path, &e))
}

fn raw_error(path: &Path, e: &speechtree::Error) -> RawError {
    use speechtree::Error as E;
    let message = e.to_string();
    let path = e.path().unwrap_or(path).display().to_string();
    match e {
        E::Decode {
            line, column, offset, ..
        } => ("decode", message, path, Some(*line), Some(*column), Some(*offset)),
        E::UnknownEncoding { .. } => ("decode", message, path, None, None, None),
        _ => ("read", message, path, None, None, None),
    }
}

fn read_raw(
    path: &Path,
    encoding: Option<&str>,
    from: Option<InputKind>,
    max_depth: usize,
) -> Result<RawRead, RawError> {
    let read = read_document(path, encoding, from)?;
    let raw = table(&read.parse(&options(max_depth)));
    let hints = read
        .headings
        .iter()
        .map(|h| (h.span().start, h.span().end, h.level()))
        .collect();
    Ok(RawRead {
        kind: kind_name(read.kind),
        text: read.text,
        hints,
        raw,
    })
}

type PyRaw<'py> = (Bound<'py, PyBytes>, Vec<RawDiagnostic>, Vec<(i64, String)>);

fn to_py(py: Python<'_>, raw: Raw) -> PyRaw<'_> {
    let mut bytes = Vec::with_capacity(raw.table.len() * 8);
    for v in &raw.table {
        bytes.extend_from_slice(&v.to_ne_bytes());
    }
    (PyBytes::new(py, &bytes), raw.diagnostics, raw.plain)
}

type PyRead<'py> = (bool, Bound<'py, PyAny>);

fn read_to_py(py: Python<'_>, result: Result<RawRead, RawError>) -> PyResult<PyRead<'_>> {
    Ok(match result {
        Ok(read) => {
            let (table, diagnostics, plain) = to_py(py, read.raw);
            (
                true,
                (read.text, read.hints, read.kind, table, diagnostics, plain)
                    .into_pyobject(py)?
                    .into_any(),
            )
        }
        Err(e) => (false, e.into_pyobject(py)?.into_any()),
    })
}

/// Runs `f` on a pool of `threads` threads, or on rayon's global pool.
fn on_pool<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    match threads {
        None => Ok(f()),
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(format!("cannot start threads: {e}")))?;
            Ok(pool.install(f))
        }
    }
}

/// Parses `text`, read as `kind` (`text`, `markdown`, `html`, `docx`) with
/// heading `hints`: `(table, diagnostics)`.
#[pyfunction]
#[pyo3(signature = (text, max_depth, hints=Vec::new(), kind="text"))]
fn parse<'py>(
    py: Python<'py>,
    text: String,
    max_depth: usize,
    hints: Vec<(usize, usize, u8)>,
    kind: &str,
) -> PyResult<PyRaw<'py>> {
    let kind = kind_of(kind)?;
    let raw = py.detach(|| with_document(text, max_depth, &hints, kind, table));
    Ok(to_py(py, raw))
}

/// Parses every text in parallel, without the GIL.
#[pyfunction]
#[pyo3(signature = (texts, max_depth, threads=None))]
fn parse_many(
    py: Python<'_>,
    texts: Vec<String>,
    max_depth: usize,
    threads: Option<usize>,
) -> PyResult<Vec<PyRaw<'_>>> {
    let raws = py.detach(|| {
        on_pool(threads, || {
            texts
                .par_iter()
                .map(|t| table(&speechtree::parse_with(t, &options(max_depth))))
                .collect::<Vec<_>>()
        })
    })?;
    Ok(raws.into_iter().map(|r| to_py(py, r)).collect())
}

/// Reads and parses a file: `(True, (text, hints, table, diagnostics))` or
/// `(False, (kind, message, path, line, column, offset))`.
#[pyfunction]
#[pyo3(signature = (path, encoding, from_, max_depth))]
fn read<'py>(
    py: Python<'py>,
    path: PathBuf,
    encoding: Option<String>,
    from_: &str,
    max_depth: usize,
) -> PyResult<PyRead<'py>> {
    let from = kind_of(from_)?;
    let result = py.detach(|| read_raw(&path, encoding.as_deref(), from, max_depth));
    read_to_py(py, result)
}

/// [`read`] for every path, in parallel, without the GIL.
#[pyfunction]
#[pyo3(signature = (paths, encoding, from_, max_depth, threads=None))]
fn read_many<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    encoding: Option<String>,
    from_: &str,
    max_depth: usize,
    threads: Option<usize>,
) -> PyResult<Vec<PyRead<'py>>> {
    let from = kind_of(from_)?;
    let results = py.detach(|| {
        on_pool(threads, || {
            paths
                .par_iter()
                .map(|p| read_raw(p, encoding.as_deref(), from, max_depth))
                .collect::<Vec<_>>()
        })
    })?;
    results.into_iter().map(|r| read_to_py(py, r)).collect()
}

/// The document's JSON, exactly as `speechtree --format json` prints it
/// (`pretty`) or as the `document` of a `jsonl` line.
#[pyfunction]
#[pyo3(signature = (text, max_depth, hints, kind, pretty))]
fn to_json(
    text: String,
    max_depth: usize,
    hints: Vec<(usize, usize, u8)>,
    kind: &str,
    pretty: bool,
) -> PyResult<String> {
    let json = with_document(text, max_depth, &hints, kind_of(kind)?, |doc| {
        if pretty {
            serde_json::to_string_pretty(doc)
        } else {
            serde_json::to_string(doc)
        }
    });
    json.map_err(|e| PyValueError::new_err(format!("cannot serialise: {e}")))
}

/// The outline, as `speechtree` prints it.
#[pyfunction]
#[pyo3(signature = (text, max_depth, hints, kind))]
fn outline(text: String, max_depth: usize, hints: Vec<(usize, usize, u8)>, kind: &str) -> PyResult<String> {
    Ok(with_document(
        text,
        max_depth,
        &hints,
        kind_of(kind)?,
        speechtree::outline,
    ))
}

/// One lint finding: rule id, severity, message, byte span, `str` span.
type RawFinding = (&'static str, String, String, (i64, i64), (i64, i64));

/// The findings of the rules on by default.
#[pyfunction]
#[pyo3(signature = (text, max_depth, hints, kind))]
fn lint(
    text: String,
    max_depth: usize,
    hints: Vec<(usize, usize, u8)>,
    kind: &str,
) -> PyResult<Vec<RawFinding>> {
    Ok(with_document(text, max_depth, &hints, kind_of(kind)?, |doc| {
        let chars = CharIndex::new(doc.source());
        speechtree::lint::lint(doc)
            .into_iter()
            .map(|f| {
                (
                    f.rule.id(),
                    f.severity.to_string(),
                    f.message,
                    (f.span.start as i64, f.span.end as i64),
                    (chars.at(f.span.start), chars.at(f.span.end)),
                )
            })
            .collect()
    }))
}

/// Parses `text` and only counts its nodes: the Rust side alone, for
/// measuring what building Python objects costs on top.
#[pyfunction]
fn parse_only(py: Python<'_>, text: String, max_depth: usize) -> usize {
    py.detach(|| {
        let doc = speechtree::parse_with(&text, &options(max_depth));
        doc.walk().count()
    })
}

/// The extension module.
#[pymodule]
fn _speechtree(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("STRIDE", STRIDE)?;
    m.add(
        "STYLES",
        MarkerStyle::ALL.iter().map(|s| s.name()).collect::<Vec<_>>(),
    )?;
    m.add(
        "FURNITURE",
        FurnitureKind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>(),
    )?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(read_many, m)?)?;
    m.add_function(wrap_pyfunction!(to_json, m)?)?;
    m.add_function(wrap_pyfunction!(outline, m)?)?;
    m.add_function(wrap_pyfunction!(lint, m)?)?;
    m.add_function(wrap_pyfunction!(parse_only, m)?)?;
    Ok(())
}
