//! Reading inputs: text in some encoding, Markdown, HTML pages or a
//! `.docx`, to text and the headings the source marks.
//!
//! [`read_path`] and [`read_reader`] are what a command-line tool calls
//! ([`read_path_with_hints`] and [`read_reader_with_hints`] also report the
//! headings the source marks, and [`ReadResult::parse`] builds the tree with
//! them): they read within a size limit and dispatch on the kind of input
//! ([`InputKind::detect`], or [`ReadOptions::from`]). A `.docx` (by
//! extension, or any input starting with a zip signature) goes to
//! [`docx_text`]; Markdown (`.md`, `.markdown`) to [`markdown_text`]; an
//! HTML page (`.html`, `.htm`, or starting `<!doctype html` / `<html`) to
//! [`html_text`]; everything else is text for [`decode`], which detects
//! UTF-8, UTF-16 with a byte-order mark and GB18030 unless
//! [`ReadOptions::encoding`] names the encoding. A legacy binary `.doc` is
//! refused with [`Error::Unsupported`].
//!
//! The text returned is what the parser should be given: spans index it, not
//! the bytes of the file (a byte-order mark is not part of it, a `.docx`
//! becomes one line per paragraph, an HTML page the text of its main
//! content). Markdown is the exception that keeps the file's own text: its
//! spans index the Markdown source (see [`parse_markdown`]).

mod decode;
mod docx;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "markdown")]
mod markdown;
mod markup;

use std::io::Read;
use std::path::Path;

pub use decode::{decode, detect_encoding};
pub use docx::{docx_text, docx_text_with_hints};
#[cfg(feature = "html")]
pub use html::{HtmlPage, html_page, html_text};
#[cfg(feature = "markdown")]
pub use markdown::{markdown_text, parse_markdown};

use crate::error::{Error, Result};
use crate::{Document, HeadingHint, Options};

/// Default for [`ReadOptions::max_file_size`]: 256 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;
/// Default for [`ReadOptions::max_entry_size`]: 128 MiB.
pub const DEFAULT_MAX_ENTRY_SIZE: u64 = 128 << 20;
/// Default for [`ReadOptions::max_decompressed_size`]: 256 MiB.
pub const DEFAULT_MAX_DECOMPRESSED_SIZE: u64 = 256 << 20;

/// How inputs are read.
///
/// # Examples
///
/// ```
/// use speechtree::input::ReadOptions;
///
/// let opts = ReadOptions { encoding: Some("gbk".into()), ..ReadOptions::default() };
/// assert_eq!(opts.max_file_size, 256 << 20);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// A WHATWG encoding label (`gbk`, `gb18030`, `utf-16le`, `big5`, …) that
    /// overrides detection for text inputs; `None` detects.
    pub encoding: Option<String>,
    /// The most bytes read from one file or stream.
    pub max_file_size: u64,
    /// The most bytes one part of a `.docx` may decompress to.
    pub max_entry_size: u64,
    /// The most bytes all parts read from one `.docx` may decompress to.
    pub max_decompressed_size: u64,
    /// What kind of input to read it as; `None` tells by extension (and
    /// first bytes), as [`InputKind::detect`].
    pub from: Option<InputKind>,
}

/// The kinds of input (named as pandoc's `--from`).
///
/// ```
/// use std::path::Path;
/// use speechtree::input::InputKind;
///
/// assert_eq!(InputKind::detect(Path::new("law.md"), b"# x"), InputKind::Markdown);
/// assert_eq!(InputKind::detect(Path::new("<stdin>"), b"\xef\xbb\xbf <!DOCTYPE html>"), InputKind::Html);
/// assert_eq!("markdown".parse::<InputKind>(), Ok(InputKind::Markdown));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum InputKind {
    /// Plain text in some encoding (`.txt`, and anything not recognised).
    #[default]
    Text,
    /// Markdown (`.md`, `.markdown`): headings are heading evidence, markup
    /// is not text (see [`parse_markdown`]). Read as text without the
    /// `markdown` feature.
    Markdown,
    /// An HTML page (`.html`, `.htm`, or starting `<!doctype html` /
    /// `<html`): the text a reader sees (see [`html_text`]). Read as text
    /// without the `html` feature.
    Html,
    /// A Word `.docx` (or anything starting with a zip signature).
    Docx,
}

impl InputKind {
    /// The kind of an input named `path` that starts with `bytes`: by
    /// extension, else a zip signature is a `.docx` and `<!doctype html` or
    /// `<html` (after a byte-order mark and white space, any case) is HTML.
    pub fn detect(path: &Path, bytes: &[u8]) -> InputKind {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "docx" => return InputKind::Docx,
            "md" | "markdown" => return InputKind::Markdown,
            "html" | "htm" | "xhtml" => return InputKind::Html,
            _ => {}
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return InputKind::Docx;
        }
        let head = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..head.len().min(start + 14)];
        if head.len() >= 5 {
            let lower = head.to_ascii_lowercase();
            if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
                return InputKind::Html;
            }
        }
        InputKind::Text
    }
}

impl std::str::FromStr for InputKind {
    type Err = String;

    /// `text`, `markdown` (or `md`), `html`, `docx`.
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(InputKind::Text),
            "markdown" | "md" | "commonmark" | "gfm" => Ok(InputKind::Markdown),
            "html" | "htm" => Ok(InputKind::Html),
            "docx" => Ok(InputKind::Docx),
            _ => Err(format!("unknown input kind `{s}` (text, markdown, html, docx)")),
        }
    }
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_entry_size: DEFAULT_MAX_ENTRY_SIZE,
            max_decompressed_size: DEFAULT_MAX_DECOMPRESSED_SIZE,
            from: None,
        }
    }
}

/// What [`read_path_with_hints`] and [`read_reader_with_hints`] read: the
/// text, and the lines its source marks as headings, for
/// [`Options::heading_hints`](crate::Options::heading_hints).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReadResult {
    /// The text, as [`read_path`] returns it.
    pub text: String,
    /// Lines of `text` that are headings in the source, in order: a `.docx`'s
    /// paragraphs with a heading style or outline level (see
    /// [`docx_text_with_hints`]); none for plain text.
    pub headings: Vec<HeadingHint>,
    /// What the input was read as.
    pub kind: InputKind,
    /// For Markdown, the masked copy the parser reads (see
    /// [`markdown_text`]); `text` is then the Markdown source.
    pub(crate) masked: Option<String>,
}

impl ReadResult {
    /// Parses what was read with `options` and the input's heading
    /// evidence: for Markdown, the tree of the masked copy over the source
    /// (as [`parse_markdown`]); for the rest, `text` with `headings` added to
    /// [`Options::heading_hints`]. Numbered sections that follow a marked,
    /// numbered heading of a higher style (`第十二条` paragraphs after a
    /// `第一节` heading) are put under it, as the source's outline says.
    ///
    /// ```
    /// use std::path::Path;
    /// use speechtree::input::{ReadOptions, read_reader_with_hints};
    ///
    /// let src = "## 第一章 总则\n\n第一条 为了规范管理，制定本法。\n";
    /// let read = read_reader_with_hints(src.as_bytes(), Path::new("law.md"), &ReadOptions::default())?;
    /// let doc = read.parse(&speechtree::Options::default());
    /// assert_eq!(speechtree::outline(&doc), "第一章\t总则\n  第一条\t为了规范管理，制定本法\n");
    /// assert_eq!(doc.source(), src);
    /// # Ok::<(), speechtree::Error>(())
    /// ```
    pub fn parse(&self, options: &Options) -> Document<'_> {
        #[cfg(feature = "markdown")]
        if let Some(masked) = &self.masked {
            return markdown::parse_masked(&self.text, masked, &self.headings, options);
        }
        if self.headings.is_empty() {
            return crate::parse_with(&self.text, options);
        }
        let mut options = options.clone();
        options.heading_hints.extend_from_slice(&self.headings);
        options.heading_hints.sort_by_key(|h| h.span.start);
        let mut doc = crate::parse_with(&self.text, &options);
        markup::nest_under_headings(&mut doc, &options.heading_hints);
        doc
    }
}

impl From<String> for ReadResult {
    /// Text without heading hints.
    fn from(text: String) -> Self {
        ReadResult {
            text,
            ..ReadResult::default()
        }
    }
}

/// Reads the file at `path` as text: a `.docx` through [`docx_text`],
/// anything else through [`decode`].
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::Limit`] when it is
/// larger than [`ReadOptions::max_file_size`], and the errors of
/// [`read_reader`].
///
/// # Examples
///
/// ```
/// use speechtree::input::{ReadOptions, read_path};
///
/// let dir = std::env::temp_dir().join(format!("speechtree-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("speech.txt");
/// std::fs::write(&file, b"\xd2\xbb\xa1\xa2")?; // "一、" in GBK
/// assert_eq!(read_path(&file, &ReadOptions::default())?, "一、");
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<String> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    read_reader(file, path, opts)
}

/// [`read_path`], with the headings the source marks (Word heading styles
/// and outline levels of a `.docx`), ready for
/// [`Options::heading_hints`](crate::Options::heading_hints).
///
/// # Errors
///
/// As [`read_path`].
///
/// # Examples
///
/// ```
/// use speechtree::input::{ReadOptions, read_path_with_hints};
///
/// let dir = std::env::temp_dir().join(format!("speechtree-hints-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let file = dir.join("speech.txt");
/// std::fs::write(&file, "一、总体要求\n")?;
/// let read = read_path_with_hints(&file, &ReadOptions::default())?;
/// assert_eq!(read.text, "一、总体要求\n");
/// assert!(read.headings.is_empty(), "plain text has no heading styles");
///
/// let mut options = speechtree::Options::default();
/// options.heading_hints = read.headings;
/// let doc = speechtree::parse_with(&read.text, &options);
/// assert_eq!(doc.sections().count(), 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_path_with_hints(path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    let file = std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    // Knowing the size saves growing the buffer (and copying it) as it fills.
    let size = file.metadata().map_or(0, |m| m.len()).min(opts.max_file_size);
    let bytes = read_bytes(file, path, opts, size)?;
    from_bytes(bytes, path, opts)
}

/// Reads text from `reader` (a file, standard input, a buffer), with `path`
/// naming it in errors and telling its kind by extension.
///
/// An input is a `.docx` when `path` ends in `.docx` (any case) or the bytes
/// start with a zip signature (`PK\x03\x04`), so a Word document piped on
/// standard input is recognised too.
///
/// # Errors
///
/// [`Error::Io`] on a read error, [`Error::Limit`] past
/// [`ReadOptions::max_file_size`], [`Error::Unsupported`] for a legacy `.doc`,
/// and the errors of [`decode`] and [`docx_text`].
///
/// # Examples
///
/// ```
/// use std::path::Path;
/// use speechtree::input::{ReadOptions, read_reader};
///
/// let input: &[u8] = "\u{feff}（一）加强领导".as_bytes();
/// let text = read_reader(input, Path::new("<stdin>"), &ReadOptions::default())?;
/// assert_eq!(text, "（一）加强领导");
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn read_reader(reader: impl Read, path: &Path, opts: &ReadOptions) -> Result<String> {
    read_reader_with_hints(reader, path, opts).map(|r| r.text)
}

/// [`read_reader`], with the headings the source marks (see
/// [`read_path_with_hints`]).
///
/// # Errors
///
/// As [`read_reader`].
pub fn read_reader_with_hints(reader: impl Read, path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    let bytes = read_bytes(reader, path, opts, 0)?;
    from_bytes(bytes, path, opts)
}

/// Read at most `opts.max_file_size` bytes, refusing more.
fn read_bytes(reader: impl Read, path: &Path, opts: &ReadOptions, size_hint: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint).unwrap_or(0).saturating_add(1));
    reader
        .take(opts.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > opts.max_file_size {
        return Err(Error::Limit {
            path: path.to_owned(),
            what: "file size".to_owned(),
            limit: opts.max_file_size,
        });
    }
    Ok(bytes)
}

/// Text (with any heading hints) from the bytes of one input.
fn from_bytes(bytes: Vec<u8>, path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    let kind = opts.from.unwrap_or_else(|| InputKind::detect(path, &bytes));
    match kind {
        InputKind::Docx => return docx_text_with_hints(&bytes, path, opts),
        #[cfg(feature = "html")]
        InputKind::Html => return html::html_text(&bytes, path, opts),
        #[cfg(feature = "markdown")]
        InputKind::Markdown => {
            let text = decode::decode_owned(bytes, opts.encoding.as_deref(), path)?;
            let mut read = markdown::markdown_text(&text);
            read.masked = Some(std::mem::replace(&mut read.text, text));
            return Ok(read);
        }
        _ => {}
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        return Err(Error::Unsupported {
            path: path.to_owned(),
            reason: "legacy Word .doc (or other OLE) file; save it as .docx".to_owned(),
        });
    }
    decode::decode_owned(bytes, opts.encoding.as_deref(), path).map(ReadResult::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_size_limit_is_enforced() {
        let opts = ReadOptions {
            max_file_size: 4,
            ..ReadOptions::default()
        };
        let e = read_reader(&b"12345"[..], Path::new("f.txt"), &opts).unwrap_err();
        assert_eq!(e.to_string(), "f.txt: file size exceeds the limit of 4 bytes");
        assert_eq!(
            read_reader(&b"1234"[..], Path::new("f.txt"), &opts).unwrap(),
            "1234"
        );
    }

    #[test]
    fn zip_signature_means_docx_whatever_the_name() {
        let doc = docx::tests::document(&docx::tests::para("一是", None));
        let bytes = docx::tests::build_zip(&[("word/document.xml", &doc)]);
        let text = read_reader(&bytes[..], Path::new("<stdin>"), &ReadOptions::default()).unwrap();
        assert_eq!(text, "一是\n");
    }

    #[test]
    fn docx_extension_means_docx() {
        let e = read_reader(&b"plain"[..], Path::new("A.DOCX"), &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Docx { .. }), "{e:?}");
    }

    #[test]
    fn legacy_doc_is_refused_clearly() {
        let bytes = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
        let e = read_reader(&bytes[..], Path::new("old.doc"), &ReadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("save it as .docx"), "{e}");
    }

    #[test]
    fn encoding_option_is_used_for_text() {
        let opts = ReadOptions {
            encoding: Some("big5".into()),
            ..ReadOptions::default()
        };
        // "一" in Big5 is A4 40.
        assert_eq!(
            read_reader(&b"\xa4\x40"[..], Path::new("b.txt"), &opts).unwrap(),
            "一"
        );
    }

    #[test]
    fn missing_file_is_an_io_error_naming_it() {
        let e = read_path(Path::new("/nonexistent/x.txt"), &ReadOptions::default()).unwrap_err();
        assert!(
            e.to_string().starts_with("/nonexistent/x.txt: cannot read"),
            "{e}"
        );
    }
}
