//! The inputs of both commands, `speechtree` and `speechtree lint`: the
//! arguments expanded into a list of inputs, each read the same way (with the
//! heading hints a `.docx` gives), and the work on them run in parallel with
//! its output written in input order.
//!
//! - **Arguments**: a file is read whatever its extension; a folder is
//!   walked recursively ([`walkdir`]) for [`FOLDER_EXTENSIONS`], skipping
//!   hidden entries, Word lock files (`~$…`) and every symbolic link (with a
//!   note on stderr: a link inside a folder may point anywhere on the
//!   machine; name it as an argument to read it), in sorted path order; `-`
//!   is standard input, at most once.
//! - **Kinds**: what an input is (text, Markdown, HTML, `.docx`) is the
//!   library's decision ([`speechtree::input::InputKind::detect`]), or the
//!   user's (`--from`, in [`read_options`]); [`Input::read`] reads and
//!   [`parse`] parses it the same way for both commands.
//! - **Order and memory**: [`in_order`] processes inputs a chunk at a time,
//!   in parallel, each into its own buffer, and writes each chunk in order
//!   before the next one starts, so output never depends on scheduling and
//!   at most a chunk of small results is held; a large input (or the only
//!   one) is written straight to the output.
//! - **Names** in outputs and messages are [`display_name`]s: control
//!   characters escaped, bytes that are not UTF-8 shown as `\xFF`.

use rayon::prelude::*;
use speechtree::input::{InputKind, ReadOptions, ReadResult, read_path_with_hints, read_reader};
// The command's only other use of `speechtree::input` is `ReadOptions` in
// signatures: every call into the reading API is in this module.
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Extensions read from folders (any case).
pub const FOLDER_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "docx"];

/// Where one input's text comes from.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    Sample,
    File(PathBuf),
    /// An argument or folder entry that failed before reading (the message).
    Failed(String),
}

/// One input: its name in outputs and messages, and its source.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub source: Source,
}

impl Input {
    fn file(path: PathBuf) -> Input {
        Input {
            name: display_name(&path),
            source: Source::File(path),
        }
    }

    fn failed(path: &Path, message: String) -> Input {
        Input {
            name: display_name(path),
            source: Source::Failed(message),
        }
    }

    /// Reads the input's text and heading hints; `Err` is the message to
    /// report, naming the input.
    pub fn read(&self, opts: &ReadOptions) -> Result<ReadResult, String> {
        let read = match &self.source {
            Source::Sample => return Ok(ReadResult::from(speechtree::sample::SPEECH.to_owned())),
            Source::Failed(msg) => return Err(msg.clone()),
            Source::Stdin => read_reader(io::stdin().lock(), opts).map_err(|e| e.with_path("<stdin>")),
            Source::File(path) => read_path_with_hints(path, opts),
        };
        read.map_err(|e| self.message(&e))
    }

    /// The library's message for `e`, with the input's display name in place
    /// of the path it printed and control characters escaped.
    fn message(&self, e: &speechtree::Error) -> String {
        let text = e.to_string();
        let rest = match &self.source {
            Source::File(path) => text.strip_prefix(&path.display().to_string()),
            Source::Stdin => text.strip_prefix("<stdin>"),
            _ => None,
        };
        match rest {
            Some(rest) => format!("{}{}", self.name, escape_controls(rest)),
            None => escape_controls(&text),
        }
    }
}

/// `--from`: the kind of the inputs (pandoc's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
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
    fn kind(self) -> Option<InputKind> {
        match self {
            FromKind::Auto => None,
            FromKind::Text => Some(InputKind::Text),
            FromKind::Markdown => Some(InputKind::Markdown),
            FromKind::Html => Some(InputKind::Html),
            FromKind::Docx => Some(InputKind::Docx),
        }
    }
}

/// Parses what was read with its heading evidence (a `.docx`'s heading
/// styles, Markdown and HTML headings), the same for both commands.
pub fn parse(read: &ReadResult) -> speechtree::Document<'_> {
    read.parse(&speechtree::Options::default())
}

/// How inputs are read: `encoding` (a WHATWG label) overrides detection,
/// `from` the kind told by extension; `Err` for an unknown label, a usage
/// error found before any input is read.
pub fn read_options(encoding: Option<&str>, from: FromKind) -> Result<ReadOptions, String> {
    let opts = ReadOptions {
        encoding: encoding.map(str::to_owned),
        from: from.kind(),
        ..ReadOptions::default()
    };
    if encoding.is_some() {
        speechtree::input::decode(b"", &opts).map_err(|e| e.to_string())?;
    }
    Ok(opts)
}

/// The inputs in output order, and whether they make a batch (several
/// inputs, or a folder).
pub struct Inputs {
    pub list: Vec<Input>,
    pub batch: bool,
}

/// Expands the command line's inputs (`files` empty: standard input, or the
/// sample with `sample`); `Err` is a usage error. `program` prefixes the
/// notes written to stderr about skipped links.
pub fn expand(files: &[PathBuf], sample: bool, program: &str) -> Result<Inputs, String> {
    let stdin = || Input {
        name: "<stdin>".to_owned(),
        source: Source::Stdin,
    };
    if sample {
        let sample = Input {
            name: "<sample>".to_owned(),
            source: Source::Sample,
        };
        return Ok(Inputs {
            list: vec![sample],
            batch: false,
        });
    }
    if files.is_empty() {
        return Ok(Inputs {
            list: vec![stdin()],
            batch: false,
        });
    }
    let mut list = Vec::new();
    let mut batch = files.len() > 1;
    let mut seen_stdin = false;
    for arg in files {
        if arg.as_os_str() == "-" {
            if seen_stdin {
                return Err("standard input (`-`) given more than once".to_owned());
            }
            seen_stdin = true;
            list.push(stdin());
        } else if arg.is_dir() {
            batch = true;
            let found = walk(arg, program);
            if found.is_empty() {
                let extensions = FOLDER_EXTENSIONS.map(|e| format!(".{e}")).join(", ");
                let message = format!("{}: no files in this folder ({extensions})", display_name(arg));
                list.push(Input::failed(arg, message));
            }
            list.extend(found);
        } else {
            list.push(Input::file(arg.clone()));
        }
    }
    Ok(Inputs { list, batch })
}

/// The wanted files under `dir`, sorted by path; entries that cannot be read
/// become failed inputs.
fn walk(dir: &Path, program: &str) -> Vec<Input> {
    let skipped = |name: &std::ffi::OsStr| {
        let name = name.to_string_lossy();
        name.starts_with('.') || name.starts_with("~$")
    };
    let entries = WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(e.file_name()));
    let mut found: Vec<(PathBuf, Input)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_owned();
                let reason = e.io_error().map_or_else(|| e.to_string(), io::Error::to_string);
                let message = format!("{}: cannot read folder: {reason}", display_name(&path));
                found.push((path.clone(), Input::failed(&path, message)));
                continue;
            }
        };
        let path = entry.path();
        if entry.depth() > 0 && entry.path_is_symlink() {
            note(format_args!(
                "{program}: skipping symbolic link {} (links inside a folder are not followed; \
                 name it as an argument to read it)\n",
                display_name(path)
            ));
            continue;
        }
        let wanted = path.extension().is_some_and(|ext| {
            FOLDER_EXTENSIONS
                .iter()
                .any(|want| ext.eq_ignore_ascii_case(want))
        });
        if entry.file_type().is_file() && wanted {
            found.push((path.to_owned(), Input::file(path.to_owned())));
        }
    }
    // Byte order of the whole path, as `sort` would print them.
    found.sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    found.into_iter().map(|(_, input)| input).collect()
}

/// The most inputs processed together: enough to keep every thread busy.
fn chunk_len() -> usize {
    (rayon::current_num_threads() * 2).max(2)
}

/// The most input bytes processed together, and the size from which an
/// input is processed alone and written straight to the output, so that no
/// large document's output is ever held in memory.
const CHUNK_BYTES: u64 = 16 << 20;
const ALONE_BYTES: u64 = 4 << 20;

/// An input's size in bytes, as far as known before reading; standard
/// input may be anything.
fn size(input: &Input) -> u64 {
    match &input.source {
        Source::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        Source::Stdin => u64::MAX,
        Source::Sample | Source::Failed(_) => 0,
    }
}

/// `inputs` cut into consecutive chunks of at most [`chunk_len`] inputs and
/// [`CHUNK_BYTES`] bytes; an input of [`ALONE_BYTES`] or more is a chunk of
/// its own.
fn chunks(inputs: &[Input]) -> Vec<&[Input]> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, input) in inputs.iter().enumerate() {
        let size = size(input);
        let full = i - start == chunk_len() || bytes.saturating_add(size) > CHUNK_BYTES;
        if i > start && (full || size >= ALONE_BYTES) {
            chunks.push(&inputs[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes = bytes.saturating_add(size);
        if size >= ALONE_BYTES {
            chunks.push(&inputs[i..=i]);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < inputs.len() {
        chunks.push(&inputs[start..]);
    }
    chunks
}

/// What a command does around each input's output, in input order.
pub trait Sink {
    /// What the work on one input tells the command.
    type Result: Send;
    /// The bytes written before an input's output when it writes any (a
    /// separator after earlier entries).
    fn lead(&self) -> &'static [u8];
    /// Takes an input's result, after its output was written.
    fn done(&mut self, out: &mut dyn Write, input: &Input, result: Self::Result) -> io::Result<()>;
}

/// Runs `work` on every input, writing its output to `out` in input order,
/// and hands each result to `sink`.
///
/// Inputs are taken a chunk at a time ([`chunks`]). A chunk of one input
/// (the only input, or a large one) writes straight to `out`; the inputs of
/// a larger chunk are worked on in parallel, each writing into its own
/// buffer, and the buffers are copied to `out` in order before the next
/// chunk starts. The first write error stops the run.
pub fn in_order<S: Sink>(
    inputs: &[Input],
    out: &mut dyn Write,
    sink: &mut S,
    work: impl Fn(&Input, &mut dyn Write) -> io::Result<S::Result> + Sync,
) -> io::Result<()> {
    for chunk in chunks(inputs) {
        if let [input] = chunk {
            let mut lead = Lead {
                out: &mut *out,
                lead: sink.lead(),
            };
            let result = work(input, &mut lead)?;
            sink.done(out, input, result)?;
            continue;
        }
        let done: Vec<(io::Result<S::Result>, Vec<u8>)> = chunk
            .par_iter()
            .map(|input| {
                let mut buffer = Vec::new();
                let result = work(input, &mut buffer);
                (result, buffer)
            })
            .collect();
        for (input, (result, buffer)) in chunk.iter().zip(done) {
            let result = result?;
            if !buffer.is_empty() {
                out.write_all(sink.lead())?;
                out.write_all(&buffer)?;
            }
            sink.done(out, input, result)?;
        }
    }
    Ok(())
}

/// A writer that writes `lead` before the first bytes written through it.
struct Lead<'a> {
    out: &'a mut dyn Write,
    lead: &'static [u8],
}

impl Write for Lead<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !buf.is_empty() && !self.lead.is_empty() {
            self.out.write_all(self.lead)?;
            self.lead = b"";
        }
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A path as printed: control characters escaped as Rust escapes them
/// (`\n`, `\t`, `\u{1b}`), a backslash doubled, and bytes that are not UTF-8
/// as `\xFF`, so that no name can forge a line and different names print
/// differently.
pub fn display_name(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str());
    #[cfg(not(unix))]
    let lossy = path.to_string_lossy();
    #[cfg(not(unix))]
    let bytes = lossy.as_bytes();
    let mut name = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' if cfg!(unix) => name.push_str("\\\\"),
                c if needs_escape(c) => name.extend(c.escape_debug()),
                c => name.push(c),
            }
        }
        for byte in chunk.invalid() {
            name.push_str(&format!("\\x{byte:02X}"));
        }
    }
    name
}

/// Control characters and line separators, which could start a new line or
/// rewrite a terminal.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `s` with control characters escaped (a message that quotes a name).
pub fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes a note to stderr; a stderr that cannot be written is ignored
/// (the exit status still says what happened).
pub fn note(args: std::fmt::Arguments<'_>) {
    let _ = io::stderr().lock().write_fmt(args);
}

/// Says on stderr that standard output is closed and gives status 2, when
/// it is (see [`stdout_was_closed`]): nothing written would reach anyone.
pub fn refuse_closed_stdout(program: &str) -> Option<std::process::ExitCode> {
    stdout_was_closed().then(|| {
        note(format_args!(
            "{program}: cannot write output: standard output is closed\n"
        ));
        std::process::ExitCode::from(2)
    })
}

/// Whether standard output was closed when the program started (`>&-`).
///
/// The Rust runtime opens `/dev/null` read-write in place of a closed
/// standard stream, so a stdout that is `/dev/null` opened for reading and
/// writing was closed (a shell's `>/dev/null` opens it write-only). Known on
/// Linux only; elsewhere `false`.
pub fn stdout_was_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let Ok(target) = std::fs::read_link("/proc/self/fd/1") else {
        return false;
    };
    if target != Path::new("/dev/null") {
        return false;
    }
    let Ok(info) = std::fs::read_to_string("/proc/self/fdinfo/1") else {
        return false;
    };
    info.lines()
        .find_map(|line| line.strip_prefix("flags:"))
        .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
        .is_some_and(|flags| flags & 0o3 == 0o2)
}

/// Reports a failed write of the output on stderr (not for a closed pipe,
/// the ordinary end of `| head`).
pub fn write_failed(program: &str, e: &io::Error) {
    if e.kind() != io::ErrorKind::BrokenPipe {
        note(format_args!("{program}: cannot write output: {e}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_forge_lines() {
        assert_eq!(display_name(Path::new("a\n一、伪造.txt")), "a\\n一、伪造.txt");
        assert_eq!(display_name(Path::new("a\tb\u{1b}[31m")), "a\\tb\\u{1b}[31m");
        assert_eq!(display_name(Path::new("讲话.txt")), "讲话.txt");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_print_distinctly() {
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(std::ffi::OsStr::from_bytes(b"a\xff.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"a\xfe.txt"));
        assert_eq!(display_name(a), "a\\xFF.txt");
        assert_eq!(display_name(b), "a\\xFE.txt");
        assert_eq!(display_name(Path::new("a\\xFF.txt")), "a\\\\xFF.txt");
    }

    #[test]
    fn large_inputs_are_chunks_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Vec::new();
        for (name, len) in [("a", 10), ("b", ALONE_BYTES), ("c", 10), ("d", 10)] {
            let path = dir.path().join(name);
            std::fs::File::create(&path).unwrap().set_len(len).unwrap();
            inputs.push(Input::file(path));
        }
        let names: Vec<Vec<&str>> = chunks(&inputs)
            .iter()
            .map(|c| c.iter().map(|i| i.name.rsplit('/').next().unwrap()).collect())
            .collect();
        assert_eq!(names, [vec!["a"], vec!["b"], vec!["c", "d"]]);
        let many = vec![inputs[0].clone(); 3 * chunk_len() + 1];
        let lens: Vec<usize> = chunks(&many).iter().map(|c| c.len()).collect();
        assert_eq!(lens, [chunk_len(), chunk_len(), chunk_len(), 1]);
    }

    #[test]
    fn kinds_by_extension() {}
}
