//! The default command: parse inputs and print them in a format.

use clap::ValueEnum;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of the default command.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Outline)]
    format: Format,
    /// Parse the built-in sample speech instead of a file.
    #[arg(long)]
    sample: bool,
    /// Input file; `-` or none reads standard input.
    file: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// The outline format of eval/README.md.
    Outline,
    /// The tree as JSON.
    Json,
}

pub fn run(args: Args) -> ExitCode {
    let text = if args.sample {
        speechtree::sample::SPEECH.to_string()
    } else {
        match read_input(args.file.as_deref()) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("speechtree: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let doc = speechtree::parse(&text);
    let out = match args.format {
        Format::Outline => speechtree::outline(&doc),
        Format::Json => match serde_json::to_string_pretty(&doc) {
            Ok(mut s) => {
                s.push('\n');
                s
            }
            Err(e) => {
                eprintln!("speechtree: cannot serialise: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn read_input(path: Option<&std::path::Path>) -> Result<String, String> {
    let (name, bytes) = match path {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()))?,
        ),
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        format!("{name}: not valid UTF-8 at byte {offset}")
    })
}

fn read_stdin() -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("<stdin>: cannot read: {e}"))?;
    Ok(("<stdin>".to_string(), bytes))
}
