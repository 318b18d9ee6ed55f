//! The `speechtree` command: print the structure of speeches and documents
//! (`speechtree [FILE…]`), or check their numbering (`speechtree lint FILE…`).

mod convert;
mod lint;
mod serve;

use clap::{Parser, Subcommand};
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
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Lint(args)) => lint::run(args),
        Some(Command::Serve(args)) => serve::run(args),
        None => convert::run(cli.convert),
    }
}
