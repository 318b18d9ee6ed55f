//! `speechtree lint`: numbering findings (being written; see issue 5).

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `speechtree lint`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files to check.
    files: Vec<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    eprintln!(
        "speechtree lint: not available yet ({} files given)",
        args.files.len()
    );
    ExitCode::from(2)
}
