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

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::ValueEnum;
use serde::Serialize;
use speechtree::LineIndex;
use speechtree::input::{ReadOptions, read_path_with_hints, read_reader_with_hints};
use speechtree::lint::{Finding, LintOptions, Rule, Severity, lint_with};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// Read inputs as this kind instead of telling by extension. Findings
    /// point into the Markdown source, and into the extracted text of HTML.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = crate::convert::FromKind::Auto)]
    from: crate::convert::FromKind,
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
    for r in Rule::ALL {
        s.push_str(&format!(
            "  {:<24}{:<9}{}\n",
            r.id(),
            r.default_severity(),
            r.description()
        ));
    }
    s
}

/// A finding as printed by `--format json`.
#[derive(Serialize)]
struct JsonFinding<'a> {
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

struct Checked {
    name: String,
    text: String,
    findings: Vec<Finding>,
}

pub fn run(args: Args) -> ExitCode {
    let read_opts = ReadOptions {
        encoding: args.encoding.clone(),
        from: args.from.kind(),
        ..ReadOptions::default()
    };
    let options = LintOptions {
        allow: args.allow.iter().copied().collect(),
        deny: args.deny.iter().copied().collect(),
    };
    let mut unreadable = 0usize;
    let mut checked = Vec::new();
    for path in &args.files {
        let (name, text) = if path.as_os_str() == "-" {
            let name = "<stdin>".to_string();
            (
                name,
                read_reader_with_hints(std::io::stdin().lock(), Path::new("<stdin>"), &read_opts),
            )
        } else {
            (path.display().to_string(), read_path_with_hints(path, &read_opts))
        };
        match text {
            Ok(read) => {
                let findings = lint_with(&read.parse(&speechtree::Options::default()), &options);
                let text = read.text;
                checked.push(Checked { name, text, findings });
            }
            Err(e) => {
                unreadable += 1;
                eprintln!("speechtree lint: {e}");
            }
        }
    }
    let out = match args.format {
        Format::Text => text_report(&checked, std::io::stdout().is_terminal()),
        Format::Json => json_report(&checked),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    let total: usize = checked.iter().map(|c| c.findings.len()).sum();
    if total > 0 || unreadable > 0 {
        eprintln!("speechtree lint: {}", summary(&checked, unreadable));
    }
    if unreadable > 0 {
        ExitCode::from(2)
    } else if total > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn summary(checked: &[Checked], unreadable: usize) -> String {
    let all = || checked.iter().flat_map(|c| &c.findings);
    let total = all().count();
    let errors = all().filter(|f| f.severity == Severity::Error).count();
    let warnings = total - errors;
    let with = checked.iter().filter(|c| !c.findings.is_empty()).count();
    let mut s = format!(
        "{} ({}, {}) in {} of {}",
        plural(total, "finding"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        with,
        plural(checked.len() + unreadable, "file"),
    );
    if unreadable > 0 {
        s.push_str(&format!(", {} unreadable", unreadable));
    }
    s
}

fn text_report(checked: &[Checked], snippets: bool) -> String {
    let renderer = if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Renderer::plain()
    } else {
        Renderer::styled()
    };
    let mut out = String::new();
    for c in checked {
        let index = LineIndex::new(&c.text);
        for f in &c.findings {
            let at = index.line_col(f.span.start);
            out.push_str(&format!(
                "{}:{}:{}: {}[{}]: {}\n",
                c.name,
                at.line,
                at.column,
                f.severity,
                f.rule.id(),
                f.message
            ));
            if snippets && let Some(line) = index.line_span(at.line) {
                let text = line.slice(&c.text);
                let start = f.span.start.saturating_sub(line.start).min(text.len());
                let end = f.span.end.saturating_sub(line.start).clamp(start, text.len());
                let level = match f.severity {
                    Severity::Error => Level::ERROR,
                    Severity::Warning => Level::WARNING,
                };
                let report = [Group::with_level(level).element(
                    Snippet::source(text)
                        .line_start(at.line)
                        .annotation(AnnotationKind::Primary.span(start..end)),
                )];
                out.push_str(&renderer.render(&report));
                out.push('\n');
            }
        }
    }
    out
}

fn json_report(checked: &[Checked]) -> String {
    let mut list = Vec::new();
    for c in checked {
        let index = LineIndex::new(&c.text);
        for f in &c.findings {
            let a = index.line_col(f.span.start);
            let b = index.line_col(f.span.end);
            list.push(JsonFinding {
                path: &c.name,
                rule: f.rule,
                severity: f.severity,
                line: a.line,
                column: a.column,
                end_line: b.line,
                end_column: b.column,
                start: f.span.start,
                end: f.span.end,
                message: &f.message,
            });
        }
    }
    match serde_json::to_string_pretty(&list) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => {
            eprintln!("speechtree lint: cannot serialise: {e}");
            String::new()
        }
    }
}
