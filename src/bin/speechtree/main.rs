//! The `speechtree` command: print the structure of speeches and documents
//! (`speechtree [FILE…]`), or check their numbering (`speechtree lint FILE…`).

mod convert;
mod formats;
mod inputs;
mod lint;
mod serve;

use clap::{Parser, Subcommand};
use std::io::Write;
use std::process::ExitCode;

/// Print the structure of Chinese speeches, work reports and official documents.
#[derive(Parser, Debug)]
#[command(name = "speechtree", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    convert: convert::Args,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the numbering of documents as a proofreader would.
    Lint(lint::Args),
    /// Serve a local page and an HTTP API (parse, lint, convert).
    Serve(serve::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    match cli.command {
        Some(Command::Lint(args)) => lint::run(args),
        Some(Command::Serve(args)) => serve::run(args),
        None => convert::run(cli.convert),
    }
}

/// Prints a usage error, or the help or version asked for; status 2 when
/// that cannot be written.
fn usage(e: &clap::Error) -> ExitCode {
    let to_stdout = !e.use_stderr();
    if to_stdout && inputs::stdout_was_closed() {
        return ExitCode::from(2);
    }
    let printed = e.print().and_then(|()| {
        if to_stdout {
            std::io::stdout().flush()
        } else {
            std::io::stderr().flush()
        }
    });
    match printed {
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
        Err(_) => ExitCode::from(2),
    }
}
