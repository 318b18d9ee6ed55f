//! The one error type of the crate: what can really fail (reading, decoding, limits).
//!
//! Parsing text never fails; numbering oddities are [`crate::Diagnostic`]s.

use std::fmt;
use std::path::{Path, PathBuf};

/// What can go wrong while reading or decoding an input.
///
/// Messages are lowercase, without a trailing period, and name the file and
/// position where one is known. Functions that read bytes
/// ([`input::decode`](crate::input::decode),
/// [`input::read_bytes`](crate::input::read_bytes)) know no file: their
/// errors have no `path` until one is attached with [`Error::with_path`],
/// which the functions that read files do themselves.
///
/// # Examples
///
/// ```
/// use speechtree::input::{ReadOptions, decode};
///
/// let err = decode(b"ok\n\xff", &ReadOptions::default()).unwrap_err();
/// assert_eq!(err.path(), None);
/// assert_eq!(err.to_string(), "2:1: invalid UTF-8 byte sequence ff at byte offset 3");
/// let err = err.with_path("a.txt");
/// assert_eq!(err.to_string(), "a.txt:2:1: invalid UTF-8 byte sequence ff at byte offset 3");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{}cannot read: {source}", In(path))]
    Io {
        /// The file that failed, when known.
        path: Option<PathBuf>,
        /// The underlying I/O error.
        source: std::io::Error,
    },

    /// The bytes are not valid in the encoding that was given or detected.
    ///
    /// `offset` counts bytes from the start of the input (a byte-order mark
    /// included); `line` and `column` are 1-based, the column counted in
    /// characters of the text decoded before the offending bytes.
    #[error(
        "{}{line}:{column}: invalid {encoding} byte sequence {} at byte offset {offset}",
        At(path),
        Hex(bytes)
    )]
    Decode {
        /// The file that failed, when known.
        path: Option<PathBuf>,
        /// The name of the encoding tried, such as `UTF-8` or `gb18030`.
        encoding: &'static str,
        /// Byte offset of the first byte the encoding cannot explain.
        offset: usize,
        /// 1-based line of that byte.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
        /// The offending bytes (at most four).
        bytes: Vec<u8>,
    },

    /// An encoding label (such as `--encoding`) that names no known encoding.
    #[error("unknown encoding `{label}`")]
    UnknownEncoding {
        /// The label as given.
        label: String,
    },

    /// A `.docx` that is not a readable Word document: not a zip archive, a
    /// damaged one, a missing or malformed part (named, with the line and
    /// column in it), an unsupported compression method.
    #[error("{}not a readable .docx: {reason}", In(path))]
    Docx {
        /// The file that failed, when known.
        path: Option<PathBuf>,
        /// What is wrong with it, naming the part.
        reason: String,
    },

    /// A password-protected Word document: Word writes it as an OLE compound
    /// file holding the encrypted `.docx`, which cannot be read without the
    /// password.
    #[error(
        "{}encrypted (password-protected) .docx: remove the password in Word and save it again",
        In(path)
    )]
    Encrypted {
        /// The file that failed, when known.
        path: Option<PathBuf>,
    },

    /// An input past a limit of [`crate::input::ReadOptions`]: too many
    /// bytes, paragraphs or characters.
    #[error("{}{what} exceeds the limit of {limit} {unit}", In(path))]
    Limit {
        /// The file that failed, when known.
        path: Option<PathBuf>,
        /// What was too large, naming the part of a `.docx`, such as
        /// `word/document.xml (decompressed)`.
        what: String,
        /// The limit.
        limit: u64,
        /// What the limit counts: `bytes`, `paragraphs`, `characters`.
        unit: &'static str,
    },

    /// A file format this crate does not read, such as a legacy `.doc`.
    #[error("{}unsupported format: {reason}", In(path))]
    Unsupported {
        /// The file that failed, when known.
        path: Option<PathBuf>,
        /// What the format is and what to do instead.
        reason: String,
    },
}

impl Error {
    /// The error with `path` naming its input, unless it names one already
    /// (an encoding label has none).
    ///
    /// # Examples
    ///
    /// ```
    /// use std::path::Path;
    /// use speechtree::input::{InputKind, ReadOptions, read_bytes};
    ///
    /// let err = read_bytes(b"not a zip", InputKind::Docx, &ReadOptions::default())
    ///     .map_err(|e| e.with_path("<stdin>"))
    ///     .unwrap_err();
    /// assert_eq!(err.path(), Some(Path::new("<stdin>")));
    /// assert_eq!(err.to_string(), "<stdin>: not a readable .docx: not a zip archive");
    /// ```
    #[must_use]
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        if let Some(slot @ None) = self.path_slot() {
            *slot = Some(path.into());
        }
        self
    }

    /// The input the error is about, when known.
    ///
    /// # Examples
    ///
    /// ```
    /// use std::path::Path;
    /// use speechtree::input::{ReadOptions, read_path};
    ///
    /// let err = read_path(Path::new("/nonexistent/a.txt"), &ReadOptions::default()).unwrap_err();
    /// assert_eq!(err.path(), Some(Path::new("/nonexistent/a.txt")));
    /// ```
    pub fn path(&self) -> Option<&Path> {
        match self {
            Error::Io { path, .. }
            | Error::Decode { path, .. }
            | Error::Docx { path, .. }
            | Error::Encrypted { path }
            | Error::Limit { path, .. }
            | Error::Unsupported { path, .. } => path.as_deref(),
            Error::UnknownEncoding { .. } => None,
        }
    }

    fn path_slot(&mut self) -> Option<&mut Option<PathBuf>> {
        match self {
            Error::Io { path, .. }
            | Error::Decode { path, .. }
            | Error::Docx { path, .. }
            | Error::Encrypted { path }
            | Error::Limit { path, .. }
            | Error::Unsupported { path, .. } => Some(path),
            Error::UnknownEncoding { .. } => None,
        }
    }
}

/// Displays a known path as `path: `, the start of a message about it.
struct In<'a>(&'a Option<PathBuf>);

impl fmt::Display for In<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(path) => write!(f, "{}: ", path.display()),
            None => Ok(()),
        }
    }
}

/// Displays a known path as `path:`, before a line and column.
struct At<'a>(&'a Option<PathBuf>);

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(path) => write!(f, "{}:", path.display()),
            None => Ok(()),
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Displays bytes as lowercase hex pairs separated by spaces (`ff 80`).
struct Hex<'a>(&'a [u8]);

impl fmt::Display for Hex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, b) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_error_names_file_line_column_and_offset() {
        let e = Error::Decode {
            path: Some("a/b.txt".into()),
            encoding: "gb18030",
            offset: 17,
            line: 3,
            column: 2,
            bytes: vec![0xff, 0x80],
        };
        assert_eq!(
            e.to_string(),
            "a/b.txt:3:2: invalid gb18030 byte sequence ff 80 at byte offset 17",
            "should name the file, line, column, bytes and offset"
        );
    }

    #[test]
    fn limit_error_is_lowercase_without_period() {
        let e = Error::Limit {
            path: Some("x.docx".into()),
            what: "word/document.xml".into(),
            limit: 10,
            unit: "bytes",
        };
        let s = e.to_string();
        assert_eq!(s, "x.docx: word/document.xml exceeds the limit of 10 bytes");
        assert!(!s.ends_with('.'), "should have no trailing period");
    }

    #[test]
    fn with_path_names_the_input_once() {
        let e = Error::Limit {
            path: None,
            what: "file size".into(),
            limit: 4,
            unit: "bytes",
        };
        assert_eq!(e.to_string(), "file size exceeds the limit of 4 bytes");
        let e = e.with_path("a.txt").with_path("b.txt");
        assert_eq!(e.to_string(), "a.txt: file size exceeds the limit of 4 bytes");
        let e = Error::UnknownEncoding { label: "x".into() }.with_path("a.txt");
        assert_eq!(e.path(), None, "an encoding label is about no file");
    }
}
