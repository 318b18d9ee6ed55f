//! The one error type of the crate: what can really fail (reading, decoding, limits).
//!
//! Parsing text never fails; numbering oddities are [`crate::Diagnostic`]s.

use std::fmt;
use std::path::PathBuf;

/// What can go wrong while reading or decoding an input.
///
/// Messages are lowercase, without a trailing period, and name the file and
/// position where one is known.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file could not be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },

    /// The bytes are not valid in the encoding that was given or detected.
    ///
    /// `offset` counts bytes from the start of the input (a byte-order mark
    /// included); `line` and `column` are 1-based, the column counted in
    /// characters of the text decoded before the offending bytes.
    #[error(
        "{}:{line}:{column}: invalid {encoding} byte sequence {} at byte offset {offset}",
        path.display(),
        Hex(bytes)
    )]
    Decode {
        /// The file that failed.
        path: PathBuf,
        /// The name of the encoding tried, such as `UTF-8` or `gb18030`.
        encoding: &'static str,
        /// Byte offset of the first byte no encoding explains.
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
    /// missing or malformed part, an unsupported compression method.
    #[error("{}: not a readable .docx: {reason}", path.display())]
    Docx {
        /// The file that failed.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },

    /// An input past a limit of [`crate::input::ReadOptions`]: too many
    /// bytes, paragraphs or characters.
    #[error("{}: {what} exceeds the limit of {limit} {unit}", path.display())]
    Limit {
        /// The file that failed.
        path: PathBuf,
        /// What was too large, naming the part of a `.docx`, such as
        /// `word/document.xml (decompressed)`.
        what: String,
        /// The limit.
        limit: u64,
        /// What the limit counts: `bytes`, `paragraphs`, `characters`.
        unit: &'static str,
    },

    /// A password-protected Word document: Word writes it as an OLE compound
    /// file holding the encrypted `.docx`, which cannot be read without the
    /// password.
    #[error(
        "{}: encrypted (password-protected) .docx: remove the password in Word and save it again",
        path.display()
    )]
    Encrypted {
        /// The file that failed.
        path: PathBuf,
    },

    /// A file format this crate does not read, such as a legacy `.doc`.
    #[error("{}: unsupported format: {reason}", path.display())]
    Unsupported {
        /// The file that failed.
        path: PathBuf,
        /// What the format is and what to do instead.
        reason: String,
    },
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
            path: "a/b.txt".into(),
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
            path: "x.docx".into(),
            what: "word/document.xml".into(),
            limit: 10,
            unit: "bytes",
        };
        let s = e.to_string();
        assert_eq!(s, "x.docx: word/document.xml exceeds the limit of 10 bytes");
        assert!(!s.ends_with('.'), "should have no trailing period");
    }
}
