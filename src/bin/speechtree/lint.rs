//! `speechtree lint FILE…`: numbering findings, one per line.
//!
//! Text output (the form editors and CI systems parse), on stdout:
//!
//! ```text
//! path:line:column: severity[rule-id]: message
//! ```
//!
//! with the column in characters, 1-based, followed by the source line and a
//! caret under the marker when stdout is a terminal (coloured unless
//! `NO_COLOR` is set). `--format json` prints
//! one JSON array of findings instead. A summary (`3 findings (1 error,
//! 2 warnings) in 1 of 2 files`) goes to stderr when something was found or
//! a file could not be read; a clean run prints nothing.
//!
//! Exit status: 0 no findings, 1 findings, 2 an input could not be read (the
//! other inputs are still checked).

use crate::inputs::{self, Input, note};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::ValueEnum;
use serde::Serialize;
use speechtree::LineIndex;
use speechtree::input::ReadOptions;
use speechtree::lint::{self, Finding, LintOptions, Rule, Severity};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `speechtree lint`.
#[derive(clap::Args, Debug)]
#[command(after_help = rules_help())]
pub struct Args {
    /// Files to check; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Do not report RULE (repeatable).
    #[arg(long, short = 'A', value_name = "RULE", value_parser = parse_rule)]
    allow: Vec<Rule>,
    /// Report RULE as an error, even when allowed (repeatable).
    #[arg(long, short = 'D', value_name = "RULE", value_parser = parse_rule)]
    deny: Vec<Rule>,
    /// Encoding of text inputs (a WHATWG label such as gbk); detected when absent.
    #[arg(long, value_name = "LABEL")]
    encoding: Option<String>,
    /// Read inputs as this kind instead of telling by extension (and, for
    /// `auto`, by a `.docx`'s or an HTML page's first bytes).
    #[arg(long, value_enum, value_name = "KIND", default_value_t = inputs::FromKind::Auto)]
    from: inputs::FromKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `path:line:column: severity[rule]: message`, one finding per line.
    Text,
    /// A JSON array of findings.
    Json,
}

fn parse_rule(s: &str) -> Result<Rule, String> {
    s.parse::<Rule>().map_err(|e| {
        let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        format!("{e}; rules are {}", ids.join(", "))
    })
}

fn rules_help() -> String {
    let mut s = String::from("Rules (all on by default):\n");
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0) + 2;
    for r in Rule::ALL {
        s.push_str(&format!(
            "  {:<width$}{:<9}{}\n",
            r.id(),
            r.default_severity(),
            r.description()
        ));
    }
    s
}

/// A finding as printed by `--format json` (and by `speechtree serve`).
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    path: &'a str,
    rule: Rule,
    severity: Severity,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Byte offsets into the decoded text.
    start: usize,
    end: usize,
    message: &'a str,
}

impl<'a> JsonFinding<'a> {
    /// `f` of the input `path`, its positions from `index` of its text.
    pub fn new(path: &'a str, index: &LineIndex, f: &'a Finding) -> Self {
        let a = index.line_col(f.span.start);
        let b = index.line_col(f.span.end);
        JsonFinding {
            path,
            rule: f.rule,
            severity: f.severity,
            line: a.line,
            column: a.column,
            end_line: b.line,
            end_column: b.column,
            start: f.span.start,
            end: f.span.end,
            message: &f.message,
        }
    }
}

/// The program's name in messages.
const PROGRAM: &str = "speechtree lint";

/// What was found in one input.
#[derive(Clone, Copy, Default)]
struct Counts {
    errors: usize,
    warnings: usize,
}

impl Counts {
    fn total(self) -> usize {
        self.errors + self.warnings
    }
}

/// What was found in all inputs, for the summary and the exit status.
#[derive(Default)]
struct Tally {
    findings: Counts,
    with_findings: usize,
    checked: usize,
    unreadable: usize,
    /// Whether findings are written as JSON (entries after the first
    /// need a comma).
    json: bool,
}

impl inputs::Sink for Tally {
    type Result = Result<Counts, String>;

    /// Each input's JSON findings start with a line break; the array's
    /// entries are separated by commas.
    fn lead(&self) -> &'static [u8] {
        if self.json && self.findings.total() > 0 {
            b","
        } else {
            b""
        }
    }

    fn done(&mut self, _out: &mut dyn Write, _input: &Input, result: Self::Result) -> std::io::Result<()> {
        match result {
            Ok(counts) => {
                self.checked += 1;
                if counts.total() > 0 {
                    self.with_findings += 1;
                    self.findings.errors += counts.errors;
                    self.findings.warnings += counts.warnings;
                }
            }
            Err(msg) => {
                self.unreadable += 1;
                note(format_args!("{PROGRAM}: {msg}\n"));
            }
        }
        Ok(())
    }
}

pub fn run(args: Args) -> ExitCode {
    let read_opts = match inputs::read_options(args.encoding.as_deref(), args.from) {
        Ok(opts) => opts,
        Err(msg) => {
            note(format_args!("{PROGRAM}: {msg}\n"));
            return ExitCode::from(2);
        }
    };
    let options = LintOptions {
        allow: args.allow.iter().copied().collect(),
        deny: args.deny.iter().copied().collect(),
    };
    let list = match inputs::expand(&args.files, false, PROGRAM) {
        Ok(expanded) => expanded.list,
        Err(msg) => {
            note(format_args!("{PROGRAM}: {msg}\n"));
            return ExitCode::from(2);
        }
    };
    if let Some(status) = inputs::refuse_closed_stdout(PROGRAM) {
        return status;
    }
    let snippets = args.format == Format::Text && std::io::stdout().is_terminal();
    let renderer = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Renderer::plain()
    } else {
        Renderer::styled()
    };
    let mut tally = Tally {
        json: args.format == Format::Json,
        ..Tally::default()
    };
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if args.format == Format::Json {
        out.write_all(b"[")
    } else {
        Ok(())
    }
    .and_then(|()| {
        inputs::in_order(&list, &mut out, &mut tally, |input, sink| {
            check(
                input,
                &read_opts,
                &options,
                args.format,
                snippets.then_some(&renderer),
                sink,
            )
        })
    })
    .and_then(|()| match args.format {
        Format::Json if tally.findings.total() > 0 => out.write_all(b"\n]\n"),
        Format::Json => out.write_all(b"]\n"),
        Format::Text => Ok(()),
    })
    .and_then(|()| out.flush());
    if let Err(e) = written {
        inputs::write_failed(PROGRAM, &e);
        return ExitCode::from(2);
    }
    if tally.findings.total() > 0 || tally.unreadable > 0 {
        note(format_args!("{PROGRAM}: {}\n", summary(&tally)));
    }
    if tally.unreadable > 0 {
        ExitCode::from(2)
    } else if tally.findings.total() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads, parses and lints one input, writing its findings to `out`. The
/// outer `Err` is a write error; the inner one the message for an input that
/// could not be read.
fn check(
    input: &Input,
    read_opts: &ReadOptions,
    options: &LintOptions,
    format: Format,
    snippets: Option<&Renderer>,
    out: &mut dyn Write,
) -> std::io::Result<Result<Counts, String>> {
    let read = match input.read(read_opts) {
        Ok(read) => read,
        Err(msg) => return Ok(Err(msg)),
    };
    let doc = inputs::parse(&read);
    // The findings are kept compact until each is written, and the tree is
    // gone by then.
    let mut findings = lint::findings(&doc, options);
    drop(doc);
    let text = read.text.as_str();
    let mut counts = Counts::default();
    let mut counted = findings.by_ref().inspect(|f| match f.severity {
        Severity::Error => counts.errors += 1,
        Severity::Warning => counts.warnings += 1,
    });
    match format {
        Format::Text => write_text(out, &input.name, text, &mut counted, snippets)?,
        Format::Json => write_json(out, &input.name, text, &mut counted)?,
    }
    Ok(Ok(counts))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn summary(tally: &Tally) -> String {
    let Counts { errors, warnings } = tally.findings;
    let mut s = format!(
        "{} ({}, {}) in {} of {}",
        plural(errors + warnings, "finding"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        tally.with_findings,
        plural(tally.checked + tally.unreadable, "file"),
    );
    if tally.unreadable > 0 {
        s.push_str(&format!(", {} unreadable", tally.unreadable));
    }
    s
}

/// One line per finding, each followed by the source line with a caret
/// under the marker when `snippets` renders them.
fn write_text(
    out: &mut dyn Write,
    name: &str,
    text: &str,
    findings: &mut dyn Iterator<Item = Finding>,
    snippets: Option<&Renderer>,
) -> std::io::Result<()> {
    let index = LineIndex::new(text);
    for f in findings {
        let at = index.line_col(f.span.start);
        writeln!(
            out,
            "{name}:{}:{}: {}[{}]: {}",
            at.line,
            at.column,
            f.severity,
            f.rule.id(),
            f.message
        )?;
        if let Some(renderer) = snippets
            && let Some(line) = index.line_span(at.line)
        {
            let source = line.slice(text);
            let start = f.span.start.saturating_sub(line.start).min(source.len());
            let end = f.span.end.saturating_sub(line.start).clamp(start, source.len());
            let level = match f.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
            };
            let report = [Group::with_level(level).element(
                Snippet::source(source)
                    .line_start(at.line)
                    .annotation(AnnotationKind::Primary.span(start..end)),
            )];
            writeln!(out, "{}", renderer.render(&report))?;
        }
    }
    Ok(())
}

/// The findings as entries of the JSON array, pretty-printed as
/// `serde_json` prints an array: each entry after a line break, the
/// entries after the first after a comma, indented by two spaces.
fn write_json(
    out: &mut dyn Write,
    name: &str,
    text: &str,
    findings: &mut dyn Iterator<Item = Finding>,
) -> std::io::Result<()> {
    let index = LineIndex::new(text);
    let mut entry = Vec::new();
    for (i, f) in findings.enumerate() {
        let finding = JsonFinding::new(name, &index, &f);
        entry.clear();
        serde_json::to_writer_pretty(&mut entry, &finding).map_err(std::io::Error::from)?;
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        // JSON strings hold no raw line breaks, so every line is indented.
        for (n, line) in entry.split(|&b| b == b'\n').enumerate() {
            out.write_all(if n == 0 { b"  " } else { b"\n  " })?;
            out.write_all(line)?;
        }
    }
    Ok(())
}
