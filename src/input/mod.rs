//! Reading inputs: text in some encoding, Markdown, HTML pages or a
//! `.docx`, to text and the headings the source marks.
//!
//! Five functions, from bytes to files:
//!
//! - [`decode`]: bytes of text to a `String`, detecting UTF-8, UTF-16 and
//!   GB18030 unless [`ReadOptions::encoding`] names the encoding;
//! - [`read_bytes`]: the bytes of an input of a given [`InputKind`] (text,
//!   Markdown, HTML or `.docx`) to its text and the headings it marks
//!   ([`ReadResult`]), which [`ReadResult::parse`] turns into the tree;
//! - [`read_reader`]: the same from a reader (standard input), within
//!   [`ReadOptions::max_file_size`], the kind told by the bytes;
//! - [`read_path`] and [`read_path_with_hints`]: a file, the kind told by its
//!   extension and bytes.
//!
//! Functions given bytes or a reader know no file name: their errors have no
//! path, and [`Error::with_path`] attaches one. Functions given a path attach
//! it themselves.
//!
//! The text returned is what the parser should be given: spans index it, not
//! the bytes of the file (a byte-order mark is not part of it, a `.docx`
//! becomes one line per paragraph, an HTML page the text of its main
//! content). Markdown is the exception that keeps the file's own text: its
//! spans index the Markdown source (see [`parse_markdown`]). The limits of [`ReadOptions`] keep a
//! small hostile input from exhausting memory; the decoding policy and the
//! limits are written out in the crate's `docs/input.md`.

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
#[cfg(feature = "html")]
pub use html::{HtmlPage, html_page, html_text};
#[cfg(feature = "markdown")]
pub use markdown::{markdown_text, parse_markdown};
#[cfg(all(fuzzing, feature = "markdown"))]
#[doc(hidden)]
pub use markdown::{masked_as_written, masked_in_pieces};

use crate::error::{Error, Result};
use crate::{Document, HeadingHint, Options};

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
    /// What kind of input to read it as; `None` tells by extension (and
    /// first bytes), as [`InputKind::detect`].
    pub from: Option<InputKind>,
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
            from: None,
        }
    }
}

/// What [`read_bytes`], [`read_reader`] and [`read_path_with_hints`] read:
/// the text, and the lines its source marks as headings, for
/// [`Options::heading_hints`](crate::Options::heading_hints).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ReadResult {
    /// The text, as [`read_path`] returns it.
    pub text: String,
    /// Lines of `text` that are headings in the source, in order: a `.docx`'s
    /// paragraphs with a heading style or outline level (see
    /// [`read_bytes`]); none for plain text.
    pub headings: Vec<HeadingHint>,
    /// What the input was read as.
    pub kind: InputKind,
    /// For Markdown, the masked copy the parser reads (see
    /// [`markdown_text`]); `text` is then the Markdown source.
    pub(crate) masked: Option<String>,
    /// For Markdown, the pieces read as plain text (see
    /// [`DiagnosticCode::MarkupAsText`](crate::DiagnosticCode::MarkupAsText)).
    pub(crate) as_text: Vec<crate::Span>,
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
    /// use speechtree::input::{InputKind, ReadOptions, read_bytes};
    ///
    /// let src = "## 第一章 总则\n\n第一条 为了规范管理，制定本法。\n";
    /// let read = read_bytes(src.as_bytes(), InputKind::Markdown, &ReadOptions::default())?;
    /// let doc = read.parse(&speechtree::Options::default());
    /// assert_eq!(speechtree::outline(&doc), "第一章\t总则\n  第一条\t为了规范管理，制定本法\n");
    /// assert_eq!(doc.source(), src);
    /// # Ok::<(), speechtree::Error>(())
    /// ```
    pub fn parse(&self, options: &Options) -> Document<'_> {
        #[cfg(feature = "markdown")]
        if let Some(masked) = &self.masked {
            return markdown::parse_masked(&self.text, masked, &self.headings, &self.as_text, options);
        }
        if self.headings.is_empty() {
            return crate::parse_with(&self.text, options);
        }
        let hints = markup::merged_hints(&options.heading_hints, &self.headings);
        let mut doc = crate::parse::parse(&self.text, options, &hints);
        markup::nest_under_headings(&mut doc, &hints);
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

/// What an input is, which decides how its bytes become text (named as
/// pandoc's `--from`).
///
/// # Examples
///
/// ```
/// use std::path::Path;
/// use speechtree::input::InputKind;
///
/// assert_eq!(InputKind::detect(Some(Path::new("a.DOCX")), b""), InputKind::Docx);
/// assert_eq!(InputKind::detect(None, b"PK\x03\x04..."), InputKind::Docx);
/// assert_eq!(InputKind::detect(Some(Path::new("a.txt")), "一、".as_bytes()), InputKind::Text);
/// assert_eq!(InputKind::detect(Some(Path::new("law.md")), b"# x"), InputKind::Markdown);
/// assert_eq!(InputKind::detect(None, b"\xef\xbb\xbf <!DOCTYPE html>"), InputKind::Html);
/// assert_eq!("markdown".parse::<InputKind>(), Ok(InputKind::Markdown));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum InputKind {
    /// Text in some encoding, read by [`decode`] (`.txt`, and anything not
    /// recognised).
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
    /// A Word document: a zip archive of XML parts. An OLE compound file (a
    /// legacy `.doc`, or a password-protected `.docx`) is this kind too, so
    /// that it is refused with an error that says what it is.
    Docx,
}

impl InputKind {
    /// The kind of an input named `path` (when it has a name) whose bytes
    /// are `bytes`: by extension (any case: `.docx`, `.md`/`.markdown`,
    /// `.html`/`.htm`/`.xhtml`), else a `.docx` by the zip signature
    /// `PK\x03\x04` or the OLE signature, HTML by `<!doctype html` or
    /// `<html` (after a byte-order mark and white space, any case); text
    /// otherwise.
    pub fn detect(path: Option<&Path>, bytes: &[u8]) -> InputKind {
        let ext = path
            .and_then(Path::extension)
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "docx" => return InputKind::Docx,
            "md" | "markdown" => return InputKind::Markdown,
            "html" | "htm" | "xhtml" => return InputKind::Html,
            _ => {}
        }
        if bytes.starts_with(b"PK\x03\x04") || docx::is_ole(bytes) {
            return InputKind::Docx;
        }
        let head = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let start = head
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(head.len());
        let head = &head[start..head.len().min(start + 14)];
        let lower = head.to_ascii_lowercase();
        if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
            return InputKind::Html;
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

/// Reads the bytes of an input of the given kind: text through [`decode`], a
/// `.docx` to one line per paragraph (with Word's automatic numbering
/// written out) and its heading styles.
///
/// What is read of a `.docx`: the paragraphs of `word/document.xml` (tables
/// and text boxes included; tracked deletions, field codes and fallback
/// copies left out), the list definitions of `word/numbering.xml` and the
/// paragraph styles of `word/styles.xml`. A paragraph whose style is a
/// heading style (`Heading 1`…`9`, `标题 1`…`9`, or a style with
/// `w:outlineLvl`, through `w:basedOn`) or that has a `w:outlineLvl` becomes
/// a [`HeadingHint`] in [`ReadResult::headings`].
///
/// # Errors
///
/// For text, those of [`decode`]. For a `.docx`: [`Error::Docx`] when the
/// bytes are not a zip archive or a damaged one, `word/document.xml` is
/// missing, a part's XML is malformed (the part, line and column named) or a
/// part is compressed with an unsupported method; [`Error::Encrypted`] for a
/// password-protected `.docx`; [`Error::Unsupported`] for a legacy `.doc`;
/// [`Error::Limit`] past a limit of `opts`. The errors name no file: attach
/// one with [`Error::with_path`].
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// use speechtree::input::{InputKind, ReadOptions, read_bytes};
///
/// let opts = ReadOptions::default();
/// let read = read_bytes("一、总体要求\n".as_bytes(), InputKind::Text, &opts)?;
/// assert_eq!(read.text, "一、总体要求\n");
///
/// // A two-paragraph document, the first with an outline level.
/// let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())?;
/// zip.write_all(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
///   <w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>过去五年的回顾</w:t></w:r></w:p>
///   <w:p><w:r><w:t>一、经济平稳发展</w:t></w:r></w:p></w:body></w:document>"#.as_bytes())?;
/// let bytes = zip.finish()?.into_inner();
///
/// let read = read_bytes(&bytes, InputKind::Docx, &opts)?;
/// assert_eq!(read.text, "过去五年的回顾\n一、经济平稳发展\n");
/// assert_eq!(read.headings.len(), 1);
/// assert_eq!(read.headings[0].span().slice(&read.text), "过去五年的回顾");
/// assert_eq!(read.headings[0].level(), 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_bytes(bytes: &[u8], kind: InputKind, opts: &ReadOptions) -> Result<ReadResult> {
    match kind {
        InputKind::Docx => docx::read(bytes, opts),
        #[cfg(feature = "html")]
        InputKind::Html => html::html_text(bytes, opts),
        #[cfg(feature = "markdown")]
        InputKind::Markdown => decode(bytes, opts).map(markdown::read_markdown),
        _ => decode(bytes, opts).map(ReadResult::from),
    }
}

/// Reads an input from `reader` (standard input, a buffer), at most
/// [`ReadOptions::max_file_size`] bytes, its kind told by its bytes (see
/// [`InputKind::detect`]): a Word document piped in is recognised too.
///
/// # Errors
///
/// [`Error::Io`] on a read error, [`Error::Limit`] past
/// [`ReadOptions::max_file_size`], and the errors of [`read_bytes`]. The
/// errors name no file: attach one with [`Error::with_path`].
///
/// # Examples
///
/// ```
/// use speechtree::input::{ReadOptions, read_reader};
///
/// let input: &[u8] = "\u{feff}（一）加强领导".as_bytes();
/// let read = read_reader(input, &ReadOptions::default()).map_err(|e| e.with_path("<stdin>"))?;
/// assert_eq!(read.text, "（一）加强领导");
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn read_reader(reader: impl Read, opts: &ReadOptions) -> Result<ReadResult> {
    let bytes = read_limited(reader, opts, 0)?;
    let kind = opts.from.unwrap_or_else(|| InputKind::detect(None, &bytes));
    read_owned(bytes, kind, opts)
}

/// [`read_bytes`] on bytes read here: a plain or Markdown text that is
/// UTF-8 as it stands becomes the text without a copy. (A copy of a large
/// input, freed at once, also costs more than its size: the allocator then
/// keeps the vectors of the parse that follows in its heap, holes and all.)
fn read_owned(bytes: Vec<u8>, kind: InputKind, opts: &ReadOptions) -> Result<ReadResult> {
    match kind {
        InputKind::Text => decode_owned(bytes, opts).map(ReadResult::from),
        #[cfg(feature = "markdown")]
        InputKind::Markdown => decode_owned(bytes, opts).map(markdown::read_markdown),
        _ => read_bytes(&bytes, kind, opts),
    }
}

/// [`decode`], keeping `bytes` as the text when they are UTF-8 as they stand.
fn decode_owned(bytes: Vec<u8>, opts: &ReadOptions) -> Result<String> {
    let as_is = match decode::decode_borrowed(&bytes, opts.encoding.as_deref())? {
        std::borrow::Cow::Borrowed(text) => text.len() == bytes.len(),
        std::borrow::Cow::Owned(text) => return Ok(text),
    };
    if !as_is {
        return decode(&bytes, opts);
    }
    // Checked again by the standard library: a check, not a copy.
    String::from_utf8(bytes).or_else(|e| decode(e.as_bytes(), opts))
}

/// Reads the file at `path` as text (see [`read_path_with_hints`]).
///
/// # Errors
///
/// As [`read_path_with_hints`].
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
    read_path_with_hints(path, opts).map(|r| r.text)
}

/// Reads the file at `path`, at most [`ReadOptions::max_file_size`] bytes,
/// its kind told by its extension and bytes (see [`InputKind::detect`]), to
/// its text and the headings it marks, ready for
/// [`Options::heading_hints`](crate::Options::heading_hints).
///
/// # Errors
///
/// [`Error::Io`] when the file cannot be read, [`Error::Limit`] when it is
/// larger than [`ReadOptions::max_file_size`], and the errors of
/// [`read_bytes`], all naming `path`.
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
    let read = || {
        let file = std::fs::File::open(path).map_err(|source| Error::Io { path: None, source })?;
        // Knowing the size saves growing the buffer (and copying it) as it fills.
        let size = file.metadata().map_or(0, |m| m.len()).min(opts.max_file_size);
        let bytes = read_limited(file, opts, size)?;
        let kind = opts.from.unwrap_or_else(|| InputKind::detect(Some(path), &bytes));
        read_owned(bytes, kind, opts)
    };
    read().map_err(|e| e.with_path(path))
}

/// Reads at most `opts.max_file_size` bytes, refusing more.
fn read_limited(reader: impl Read, opts: &ReadOptions, size_hint: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(size_hint).unwrap_or(0).saturating_add(1));
    reader
        .take(opts.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| Error::Io { path: None, source })?;
    if bytes.len() as u64 > opts.max_file_size {
        return Err(Error::Limit {
            path: None,
            what: "file size".to_owned(),
            limit: opts.max_file_size,
            unit: "bytes",
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_named(bytes: &[u8], name: &str, opts: &ReadOptions) -> Result<String> {
        read_bytes(bytes, InputKind::detect(Some(Path::new(name)), bytes), opts)
            .map(|r| r.text)
            .map_err(|e| e.with_path(name))
    }

    #[test]
    fn file_size_limit_is_enforced() {
        let opts = ReadOptions {
            max_file_size: 4,
            ..ReadOptions::default()
        };
        let e = read_reader(&b"12345"[..], &opts).unwrap_err().with_path("f.txt");
        assert_eq!(e.to_string(), "f.txt: file size exceeds the limit of 4 bytes");
        assert_eq!(read_reader(&b"1234"[..], &opts).unwrap().text, "1234");
    }

    #[test]
    fn file_size_limit_names_the_file() {
        let dir = std::env::temp_dir().join(format!("speechtree-limit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("big.txt");
        std::fs::write(&file, "12345").unwrap();
        let opts = ReadOptions {
            max_file_size: 4,
            ..ReadOptions::default()
        };
        let e = read_path(&file, &opts).unwrap_err();
        assert_eq!(e.path(), Some(file.as_path()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn zip_signature_means_docx_whatever_the_name() {
        let doc = docx::tests::document(&docx::tests::para("一是", None));
        let bytes = docx::tests::build_zip(&[("word/document.xml", &doc)]);
        let read = read_reader(&bytes[..], &ReadOptions::default()).unwrap();
        assert_eq!(read.text, "一是\n");
        assert_eq!(
            read_named(&bytes, "a.txt", &ReadOptions::default()).unwrap(),
            "一是\n"
        );
    }

    #[test]
    fn docx_extension_means_docx() {
        let e = read_named(b"plain", "A.DOCX", &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Docx { .. }), "{e:?}");
        assert_eq!(e.to_string(), "A.DOCX: not a readable .docx: not a zip archive");
    }

    #[test]
    fn legacy_doc_is_refused_clearly() {
        let bytes = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
        let e = read_named(&bytes, "old.doc", &ReadOptions::default()).unwrap_err();
        assert!(e.to_string().contains("save it as .docx"), "{e}");
    }

    #[test]
    fn encrypted_docx_is_recognised_whatever_the_name() {
        let bytes = docx::tests::encrypted_docx();
        for name in ["secret.docx", "<stdin>", "secret.doc"] {
            let e = read_named(&bytes, name, &ReadOptions::default()).unwrap_err();
            assert!(matches!(e, Error::Encrypted { .. }), "{name}: {e:?}");
        }
        let e = read_reader(&bytes[..], &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Encrypted { .. }), "{e:?}");
    }

    #[test]
    fn encoding_option_is_used_for_text() {
        let opts = ReadOptions {
            encoding: Some("big5".into()),
            ..ReadOptions::default()
        };
        // "一" in Big5 is A4 40.
        assert_eq!(read_named(b"\xa4\x40", "b.txt", &opts).unwrap(), "一");
    }

    #[test]
    fn missing_file_is_an_io_error_naming_it() {
        let e = read_path(Path::new("/nonexistent/x.txt"), &ReadOptions::default()).unwrap_err();
        assert!(
            e.to_string().starts_with("/nonexistent/x.txt: cannot read"),
            "{e}"
        );
    }

    #[test]
    fn decode_errors_of_a_file_name_it() {
        let dir = std::env::temp_dir().join(format!("speechtree-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bad.txt");
        std::fs::write(&file, b"ok\n\xff").unwrap();
        let e = read_path(&file, &ReadOptions::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "{}:2:1: invalid UTF-8 byte sequence ff at byte offset 3",
                file.display()
            )
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
