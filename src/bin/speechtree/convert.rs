//! The default command: read every input (files, folders, standard input),
//! parse, render, and write the results in a stable order.
//!
//! Inputs are processed in parallel (rayon) in chunks, and each chunk is
//! written in input order before the next one starts, so memory stays
//! bounded and output never depends on scheduling. Folder arguments are
//! walked recursively for `.txt`, `.md` and `.docx` files (hidden files,
//! Word lock files `~$…` and symlinked folders skipped), sorted by path.
//!
//! Exit status: 0 when every input was read; 1 when the run was a batch
//! (several inputs, or a folder) and some inputs failed — the others are
//! written and the failures listed on stderr at the end; 2 for usage errors
//! (including an unknown `--encoding`), when the only input (one file or
//! standard input) cannot be read or decoded, and when stdout cannot be
//! written.

#[path = "formats.rs"]
mod formats;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use speechtree::input::{ReadOptions, ReadResult, read_path_with_hints, read_reader_with_hints};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    #[arg(long, value_enum, value_name = "KIND", default_value_t = FromKind::Auto)]
    from: FromKind,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
    /// Files and folders (.txt, .md, .markdown, .html, .htm, .docx, recursively); `-` or none reads
    /// standard input.
    files: Vec<PathBuf>,
}

/// `--from`: the kind of the inputs (pandoc's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FromKind {
    /// By extension; a zip is a .docx, `<!doctype html`/`<html` HTML.
    Auto,
    /// Plain text.
    Text,
    /// Markdown: its headings are heading evidence, its markup not text.
    Markdown,
    /// An HTML page: the text a reader sees, its main content.
    Html,
    /// A Word .docx.
    Docx,
}

impl FromKind {
    /// The kind for [`ReadOptions::from`].
    pub fn kind(self) -> Option<speechtree::input::InputKind> {
        use speechtree::input::InputKind;
        match self {
            FromKind::Auto => None,
            FromKind::Text => Some(InputKind::Text),
            FromKind::Markdown => Some(InputKind::Markdown),
            FromKind::Html => Some(InputKind::Html),
            FromKind::Docx => Some(InputKind::Docx),
        }
    }
}

/// What the command writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The outline format of eval/README.md.
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

/// Where one input's text comes from.
#[derive(Clone, Debug)]
enum Source {
    Stdin,
    Sample,
    File(PathBuf),
    /// An argument or folder entry that failed before reading (message).
    Failed(String),
}

/// One input: its name in outputs and errors, and its source.
#[derive(Clone, Debug)]
struct Input {
    name: String,
    source: Source,
}

/// Extensions read from folders.
const FOLDER_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "docx"];

/// Runs the default command and returns its exit status.
pub fn run(args: Args) -> ExitCode {
    let opts = ReadOptions {
        encoding: args.encoding.clone(),
        from: args.from.kind(),
        ..ReadOptions::default()
    };
    if let Some(label) = &args.encoding {
        // Validate the label once, before any input is read.
        if let Err(e) = speechtree::input::decode(b"", Some(label), Path::new("")) {
            eprintln!("speechtree: {e}");
            return ExitCode::from(2);
        }
    }
    let (inputs, batch) = match expand(&args) {
        Ok(x) => x,
        Err(msg) => {
            eprintln!("speechtree: {msg}");
            return ExitCode::from(2);
        }
    };
    let progress = progress_bar(inputs.len(), args.quiet);
    let mut writer = Writer::new(args.format, batch);
    let mut failures: Vec<String> = Vec::new();
    let chunk = (rayon::current_num_threads() * 4).max(16);
    let mut stdout = std::io::stdout().lock();
    let mut write_error = None;
    'chunks: for group in inputs.chunks(chunk) {
        let outcomes: Vec<(&str, Result<Rendered, String>)> = group
            .par_iter()
            .map(|input| {
                let out = process(input, args.format, batch, &opts);
                progress.inc(1);
                (input.name.as_str(), out)
            })
            .collect();
        for (name, outcome) in outcomes {
            if let Err(msg) = &outcome {
                failures.push(msg.clone());
            }
            if let Err(e) = writer.write(&mut stdout, name, outcome) {
                write_error = Some(e);
                break 'chunks;
            }
        }
    }
    progress.finish_and_clear();
    if write_error.is_none()
        && let Err(e) = writer.finish(&mut stdout).and_then(|_| stdout.flush())
    {
        write_error = Some(e);
    }
    if let Some(e) = write_error {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("speechtree: cannot write output: {e}");
        }
        return ExitCode::from(2);
    }
    if failures.is_empty() {
        return ExitCode::SUCCESS;
    }
    if !batch {
        for f in &failures {
            eprintln!("speechtree: {f}");
        }
        return ExitCode::from(2);
    }
    eprintln!(
        "speechtree: {} of {} inputs failed:",
        failures.len(),
        inputs.len()
    );
    for f in &failures {
        eprintln!("  {f}");
    }
    ExitCode::from(1)
}

/// The inputs in output order, and whether this is a batch (several inputs
/// or a folder). `Err` is a usage error.
fn expand(args: &Args) -> Result<(Vec<Input>, bool), String> {
    if args.sample {
        let sample = Input {
            name: "<sample>".to_owned(),
            source: Source::Sample,
        };
        return Ok((vec![sample], false));
    }
    let stdin = || Input {
        name: "<stdin>".to_owned(),
        source: Source::Stdin,
    };
    if args.files.is_empty() {
        return Ok((vec![stdin()], false));
    }
    let mut inputs = Vec::new();
    let mut batch = args.files.len() > 1;
    let mut seen_stdin = false;
    for arg in &args.files {
        if arg.as_os_str() == "-" {
            if seen_stdin {
                return Err("standard input (`-`) given more than once".to_owned());
            }
            seen_stdin = true;
            inputs.push(stdin());
        } else if arg.is_dir() {
            batch = true;
            let mut found = Vec::new();
            walk_dir(arg, &mut found);
            found.sort_by(|a, b| a.name.cmp(&b.name));
            if found.is_empty() {
                inputs.push(Input {
                    name: arg.display().to_string(),
                    source: Source::Failed(format!(
                        "{}: no .txt, .md or .docx files in this folder",
                        arg.display()
                    )),
                });
            }
            inputs.extend(found);
        } else {
            inputs.push(Input {
                name: arg.display().to_string(),
                source: Source::File(arg.clone()),
            });
        }
    }
    Ok((inputs, batch))
}

/// Collects the readable files under `dir` (recursively, not following
/// symlinked folders); unreadable folders become failed inputs.
fn walk_dir(dir: &Path, out: &mut Vec<Input>) {
    let failed = |path: &Path, e: std::io::Error| Input {
        name: path.display().to_string(),
        source: Source::Failed(format!("{}: cannot read folder: {e}", path.display())),
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return out.push(failed(dir, e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(failed(dir, e));
                continue;
            }
        };
        let path = entry.path();
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if file_name.starts_with('.') || file_name.starts_with("~$") {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let wanted = path.extension().is_some_and(|ext| {
            FOLDER_EXTENSIONS
                .iter()
                .any(|want| ext.eq_ignore_ascii_case(want))
        });
        if file_type.is_dir() {
            walk_dir(&path, out);
        } else if wanted && (file_type.is_file() || (file_type.is_symlink() && path.is_file())) {
            out.push(Input {
                name: path.display().to_string(),
                source: Source::File(path),
            });
        }
    }
}

/// One input rendered in the output format.
enum Rendered {
    Text(String),
    Bytes(Vec<u8>),
}

/// Reads, parses and renders one input; `Err` is the message to report.
fn process(input: &Input, format: Format, batch: bool, opts: &ReadOptions) -> Result<Rendered, String> {
    let read = match &input.source {
        Source::Sample => ReadResult::from(speechtree::sample::SPEECH.to_owned()),
        Source::Stdin => read_reader_with_hints(std::io::stdin().lock(), Path::new("<stdin>"), opts)
            .map_err(|e| e.to_string())?,
        Source::File(path) => read_path_with_hints(path, opts).map_err(|e| e.to_string())?,
        Source::Failed(msg) => return Err(msg.clone()),
    };
    // Heading styles of a .docx, headings of Markdown and HTML are evidence
    // too; Markdown is parsed with its markup blanked, over its source.
    let doc = read.parse(&speechtree::Options::default());
    let name = input.name.as_str();
    let serialise = |e: serde_json::Error| format!("{name}: cannot serialise: {e}");
    Ok(match format {
        Format::Outline if batch => Rendered::Text(format!("# file: {name}\n{}", speechtree::outline(&doc))),
        Format::Outline => Rendered::Text(speechtree::outline(&doc)),
        Format::Json if batch => Rendered::Text(formats::json_entry(name, &doc).map_err(serialise)?),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&doc).map_err(serialise)?;
            s.push('\n');
            Rendered::Text(s)
        }
        Format::Jsonl => Rendered::Text(formats::jsonl_document(name, &doc).map_err(serialise)?),
        Format::Markdown if batch => Rendered::Text(format!(
            "<!-- file: {} -->\n\n{}",
            name.replace("--", "- -"),
            formats::markdown(&doc)
        )),
        Format::Markdown => Rendered::Text(formats::markdown(&doc)),
        Format::Csv => {
            Rendered::Bytes(formats::csv_rows(name, &doc).map_err(|e| format!("{name}: csv: {e}"))?)
        }
    })
}

/// Writes rendered inputs with what goes between and around them.
struct Writer {
    format: Format,
    batch: bool,
    started: bool,
    entries: usize,
}

impl Writer {
    fn new(format: Format, batch: bool) -> Self {
        Writer {
            format,
            batch,
            started: false,
            entries: 0,
        }
    }

    fn write(
        &mut self,
        out: &mut impl Write,
        name: &str,
        outcome: Result<Rendered, String>,
    ) -> std::io::Result<()> {
        self.start(out)?;
        let body = match outcome {
            Ok(Rendered::Text(s)) => s.into_bytes(),
            Ok(Rendered::Bytes(b)) => b,
            // Failed inputs appear in the formats that can say so.
            Err(msg) => match self.format {
                Format::Jsonl => formats::jsonl_error(name, &msg)
                    .map_err(std::io::Error::other)?
                    .into_bytes(),
                Format::Json if self.batch => formats::json_error_entry(name, &msg)
                    .map_err(std::io::Error::other)?
                    .into_bytes(),
                _ => return Ok(()),
            },
        };
        if self.entries > 0 && self.batch {
            match self.format {
                Format::Json => out.write_all(b",\n")?,
                Format::Outline | Format::Markdown => out.write_all(b"\n")?,
                Format::Jsonl | Format::Csv => {}
            }
        }
        out.write_all(&body)?;
        self.entries += 1;
        Ok(())
    }

    /// The opening, once: the CSV header, or `[` of a JSON array.
    fn start(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        match self.format {
            Format::Csv => out.write_all(&formats::csv_header().map_err(std::io::Error::other)?),
            Format::Json if self.batch => out.write_all(b"[\n"),
            _ => Ok(()),
        }
    }

    fn finish(&mut self, out: &mut impl Write) -> std::io::Result<()> {
        self.start(out)?;
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
