//! Reading inputs: bytes in some encoding, or a `.docx`, to text.
//!
//! [`read_path`] and [`read_reader`] are what a command-line tool calls
//! ([`read_path_with_hints`] and [`read_reader_with_hints`] also report a
//! `.docx`'s heading styles, for
//! [`Options::heading_hints`](crate::Options::heading_hints)): they
//! read within a size limit and dispatch on the kind of input. A `.docx`
//! (by extension, or any input starting with a zip signature) goes to
//! [`docx_text`]; everything else is text for [`decode`], which detects
//! UTF-8, UTF-16 with a byte-order mark and GB18030 unless
//! [`ReadOptions::encoding`] names the encoding. A legacy binary `.doc` is
//! refused with [`Error::Unsupported`].
//!
//! The text returned is what the parser should be given: spans index it, not
//! the bytes of the file (a byte-order mark is not part of it, a `.docx`
//! becomes one line per paragraph).

mod decode;
mod docx;

use std::io::Read;
use std::path::Path;

pub use decode::{decode, detect_encoding};
pub use docx::{docx_text, docx_text_with_hints};

use crate::HeadingHint;
use crate::error::{Error, Result};

/// Default for [`ReadOptions::max_file_size`]: 256 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 << 20;
/// Default for [`ReadOptions::max_entry_size`]: 128 MiB.
pub const DEFAULT_MAX_ENTRY_SIZE: u64 = 128 << 20;
/// Default for [`ReadOptions::max_decompressed_size`]: 256 MiB.
pub const DEFAULT_MAX_DECOMPRESSED_SIZE: u64 = 256 << 20;
/// Default for [`ReadOptions::max_text_size`]: 256 MiB.
pub const DEFAULT_MAX_TEXT_SIZE: u64 = 256 << 20;
/// Default for [`ReadOptions::max_paragraphs`]: 4 million.
pub const DEFAULT_MAX_PARAGRAPHS: u64 = 4_000_000;
/// Default for [`ReadOptions::max_number_format_len`]: 1,000 characters.
pub const DEFAULT_MAX_NUMBER_FORMAT_LEN: u64 = 1_000;

/// How inputs are read, and the limits that keep a small hostile input from
/// exhausting memory.
///
/// The size limits bound the bytes read and decompressed. A `.docx` has three
/// more, because a few kilobytes of XML can ask for gigabytes of text: a
/// number format of 100,000 characters reused by 30,000 numbered paragraphs,
/// or 20 million empty paragraphs (`<w:p/>` compresses to almost nothing).
/// They are checked as the document is read, and passing one is an
/// [`Error::Limit`] naming the file and the part.
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
    /// The most bytes of text one `.docx` may give (markers and line breaks
    /// included).
    pub max_text_size: u64,
    /// The most paragraphs (`w:p`) one `.docx` may have.
    pub max_paragraphs: u64,
    /// The most characters in one number format of a `.docx` (the
    /// `w:lvlText` of a list level, such as `（%2）`), checked before the
    /// document is read.
    pub max_number_format_len: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            encoding: None,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_entry_size: DEFAULT_MAX_ENTRY_SIZE,
            max_decompressed_size: DEFAULT_MAX_DECOMPRESSED_SIZE,
            max_text_size: DEFAULT_MAX_TEXT_SIZE,
            max_paragraphs: DEFAULT_MAX_PARAGRAPHS,
            max_number_format_len: DEFAULT_MAX_NUMBER_FORMAT_LEN,
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
}

impl From<String> for ReadResult {
    /// Text without heading hints.
    fn from(text: String) -> Self {
        ReadResult {
            text,
            headings: Vec::new(),
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
            unit: "bytes",
        });
    }
    Ok(bytes)
}

/// Text (with any heading hints) from the bytes of one input.
fn from_bytes(bytes: Vec<u8>, path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    if docx::is_ole(&bytes) {
        return Err(docx::ole_error(&bytes, path));
    }
    let is_docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx || bytes.starts_with(b"PK\x03\x04") {
        return docx_text_with_hints(&bytes, path, opts);
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
    fn encrypted_docx_is_recognised_whatever_the_name() {
        let bytes = docx::tests::encrypted_docx();
        for name in ["secret.docx", "<stdin>", "secret.doc"] {
            let e = read_reader(&bytes[..], Path::new(name), &ReadOptions::default()).unwrap_err();
            assert!(matches!(e, Error::Encrypted { .. }), "{name}: {e:?}");
        }
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
