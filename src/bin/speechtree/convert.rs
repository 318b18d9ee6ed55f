//! The default command: read every input (files, folders, standard input),
//! parse, render, and write the results in a stable order.
//!
//! Inputs are expanded, read and scheduled by [`crate::inputs`], as for
//! `speechtree lint`. Each document is rendered straight into a buffered
//! stdout (JSON through `serde_json::to_writer`, CSV through a `csv`
//! writer), so memory is the tree and a buffer; a batch holds at most one
//! chunk of rendered documents.
//!
//! Exit status: 0 when every input was read and written; 1 when the run was
//! a batch (several inputs, or a folder) and some inputs failed — the others
//! are written and the failures listed on stderr at the end; 2 for usage
//! errors (including an unknown `--encoding`), when the only input (one file
//! or standard input) cannot be read or decoded, and when stdout cannot be
//! written (full, closed, a write error), said on stderr when stderr works.

use crate::formats;

use crate::inputs::{self, Input, note};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use speechtree::Document;
use speechtree::input::ReadOptions;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of the default command.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Outline)]
    format: Format,
    /// Parse the built-in sample speech instead of files.
    #[arg(long, conflicts_with = "files")]
    sample: bool,
    /// Text encoding of text inputs (gbk, gb18030, utf-16le, big5, …),
    /// overriding detection of UTF-8, UTF-16 with BOM and GB18030.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Read inputs as this kind instead of telling by extension (and, for
    /// `auto`, by a `.docx`'s or an HTML page's first bytes).
    #[arg(long, value_enum, value_name = "KIND", default_value_t = inputs::FromKind::Auto)]
    from: inputs::FromKind,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Files and folders (.txt, .md, .docx, recursively); `-` or none reads
    /// standard input.
    files: Vec<PathBuf>,
}

/// What the command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One node a line: two spaces a depth, the marker, a tab, the heading.
    Outline,
    /// The tree as JSON (an array of {path, document} for several inputs).
    Json,
    /// One {"path", "document"} or {"path", "error"} object per line.
    Jsonl,
    /// Headings as # levels, points as list items.
    Markdown,
    /// One row per node: path,depth,kind,marker,value,heading,start,end.
    Csv,
}

/// The program's name in messages.
const PROGRAM: &str = "speechtree";

/// Runs the default command and returns its exit status.
pub fn run(args: Args) -> ExitCode {
    let opts = match inputs::read_options(args.encoding.as_deref(), args.from) {
        Ok(opts) => opts,
        Err(msg) => {
            note(format_args!("{PROGRAM}: {msg}\n"));
            return ExitCode::from(2);
        }
    };
    let expanded = match inputs::expand(&args.files, args.sample, PROGRAM) {
        Ok(x) => x,
        Err(msg) => {
            note(format_args!("{PROGRAM}: {msg}\n"));
            return ExitCode::from(2);
        }
    };
    if let Some(status) = inputs::refuse_closed_stdout(PROGRAM) {
        return status;
    }
    let (list, batch) = (expanded.list, expanded.batch);
    let progress = progress_bar(list.len(), args.quiet);
    let mut writer = Writer::new(args.format, batch);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = writer.start(&mut out).and_then(|()| {
        inputs::in_order(&list, &mut out, &mut writer, |input, sink| {
            let converted = convert(input, args.format, batch, &opts, sink);
            progress.inc(1);
            converted
        })
    });
    progress.finish_and_clear();
    if let Err(e) = written
        .and_then(|()| writer.finish(&mut out))
        .and_then(|()| out.flush())
    {
        inputs::write_failed(PROGRAM, &e);
        return ExitCode::from(2);
    }
    let failures = writer.failures;
    if failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    if !batch {
        for f in &failures {
            note(format_args!("{PROGRAM}: {f}\n"));
        }
        return ExitCode::from(2);
    }
    note(format_args!(
        "{PROGRAM}: {} of {} inputs failed:\n",
        failures.len(),
        list.len()
    ));
    for f in &failures {
        note(format_args!("  {f}\n"));
    }
    ExitCode::from(1)
}

/// Reads, parses and renders one input into `out`. The outer `Err` is a
/// write error; the inner one the message for an input that failed (nothing
/// written).
fn convert(
    input: &Input,
    format: Format,
    batch: bool,
    opts: &ReadOptions,
    out: &mut dyn Write,
) -> io::Result<Result<(), String>> {
    let read = match input.read(opts) {
        Ok(read) => read,
        Err(msg) => return Ok(Err(msg)),
    };
    // A .docx's heading styles, Markdown and HTML headings are evidence too.
    let doc = inputs::parse(&read);
    render(out, &input.name, &doc, format, batch)?;
    Ok(Ok(()))
}

/// Writes one document in `format`; in a batch, with what names it.
fn render(
    out: &mut dyn Write,
    name: &str,
    doc: &Document<'_>,
    format: Format,
    batch: bool,
) -> io::Result<()> {
    match format {
        Format::Outline => {
            if batch {
                writeln!(out, "# file: {name}")?;
            }
            speechtree::write_outline(out, doc)
        }
        Format::Json if batch => formats::write_json_entry(out, name, doc),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, doc).map_err(io::Error::from)?;
            out.write_all(b"\n")
        }
        Format::Jsonl => formats::write_jsonl_document(out, name, doc),
        Format::Markdown => {
            if batch {
                write!(out, "<!-- file: {} -->\n\n", name.replace("--", "- -"))?;
            }
            formats::write_markdown(out, doc)
        }
        Format::Csv => formats::write_csv_rows(out, name, doc),
    }
}

/// Writes what goes between and around the rendered inputs, and the entries
/// for failed inputs in the formats that can say so.
struct Writer {
    format: Format,
    batch: bool,
    entries: usize,
    /// Messages of the inputs that failed, in input order.
    failures: Vec<String>,
}

impl inputs::Sink for Writer {
    type Result = Result<(), String>;

    fn lead(&self) -> &'static [u8] {
        self.separator()
    }

    /// Counts a written input; writes the entry of a failed one in the
    /// formats that can say so.
    fn done(&mut self, out: &mut dyn Write, input: &Input, result: Self::Result) -> io::Result<()> {
        if let Err(msg) = result {
            match self.format {
                Format::Jsonl => formats::write_jsonl_error(out, &input.name, &msg)?,
                Format::Json if self.batch => {
                    out.write_all(self.separator())?;
                    formats::write_json_error_entry(out, &input.name, &msg)?;
                }
                _ => {
                    self.failures.push(msg);
                    return Ok(());
                }
            }
            self.failures.push(msg);
        }
        self.entries += 1;
        Ok(())
    }
}

impl Writer {
    fn new(format: Format, batch: bool) -> Self {
        Writer {
            format,
            batch,
            entries: 0,
            failures: Vec::new(),
        }
    }

    /// The opening: the CSV header, or `[` of a JSON array.
    fn start(&mut self, out: &mut impl Write) -> io::Result<()> {
        match self.format {
            Format::Csv => formats::write_csv_header(out),
            Format::Json if self.batch => out.write_all(b"[\n"),
            _ => Ok(()),
        }
    }

    /// What goes before every entry but the first.
    fn separator(&self) -> &'static [u8] {
        if self.entries == 0 || !self.batch {
            return b"";
        }
        match self.format {
            Format::Json => b",\n",
            Format::Outline | Format::Markdown => b"\n",
            Format::Jsonl | Format::Csv => b"",
        }
    }

    fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.format == Format::Json && self.batch {
            out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

/// A progress bar on stderr for more than one input when stderr is a
/// terminal, unless `--quiet`; hidden otherwise.
fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}") {
        bar.set_style(style);
    }
    bar
}
