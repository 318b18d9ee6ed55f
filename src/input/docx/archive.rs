//! The zip archive of a `.docx`: its parts as text, within the size limits.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use crate::error::{Error, Result};
use crate::input::ReadOptions;

/// A zip archive with a running count of decompressed bytes.
pub(super) struct Archive<'a> {
    pub(super) zip: ZipArchive<Cursor<&'a [u8]>>,
    pub(super) opts: &'a ReadOptions,
    pub(super) total: u64,
}

impl<'a> Archive<'a> {
    pub(super) fn open(bytes: &'a [u8], opts: &'a ReadOptions) -> Result<Self> {
        if is_ole(bytes) {
            return Err(ole_error(bytes));
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            let reason = match e {
                // The zip reader's own words name its internals (records and
                // Rust types); say what a user can act on.
                ZipError::InvalidArchive(_) if !bytes.starts_with(b"PK") => "not a zip archive".to_owned(),
                ZipError::InvalidArchive(_) => {
                    "a damaged zip archive (truncated, or its directory is corrupt)".to_owned()
                }
                ZipError::UnsupportedArchive(what) => format!("an unsupported zip archive ({what})"),
                ZipError::Io(e) => format!("cannot read the zip archive ({e})"),
                e => format!("an unreadable zip archive ({e})"),
            };
            Error::Docx { path: None, reason }
        })?;
        Ok(Archive { zip, opts, total: 0 })
    }

    /// Reads a part as text; `None` when the archive has no such part.
    pub(super) fn part(&mut self, name: &str) -> Result<Option<String>> {
        let docx_err = |reason: String| Error::Docx {
            path: None,
            reason: format!("{name}: {reason}"),
        };
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(docx_err(e.to_string())),
        };
        if file.encrypted() {
            return Err(docx_err("encrypted".to_owned()));
        }
        let entry_limit = self.opts.max_entry_size;
        let total_limit = self.opts.max_decompressed_size;
        let limit_err = |what: String, limit: u64| Error::Limit {
            path: None,
            what,
            limit,
            unit: "bytes",
        };
        if file.size() > entry_limit {
            return Err(limit_err(format!("{name} (decompressed)"), entry_limit));
        }
        let room = total_limit.saturating_sub(self.total);
        let cap = entry_limit.min(room);
        let hint = usize::try_from(file.size().min(cap).min(1 << 24)).unwrap_or(0);
        let mut buf = Vec::with_capacity(hint);
        (&mut file)
            .take(cap.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| docx_err(e.to_string()))?;
        let len = buf.len() as u64;
        if len > entry_limit {
            return Err(limit_err(format!("{name} (decompressed)"), entry_limit));
        }
        if len > cap {
            return Err(limit_err(
                "decompressed size of the archive parts".to_owned(),
                total_limit,
            ));
        }
        self.total += len;
        xml_text(buf).map(Some).map_err(docx_err)
    }
}

/// An XML part's bytes as text: UTF-8 (a BOM dropped) or UTF-16 with a BOM.
pub(super) fn xml_text(bytes: Vec<u8>) -> Result<String, String> {
    if let Some((enc, len)) = encoding_rs::Encoding::for_bom(&bytes) {
        return enc
            .decode_without_bom_handling_and_without_replacement(&bytes[len..])
            .map(|s| s.into_owned())
            .ok_or_else(|| format!("not valid {}", enc.name()));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))
}

/// The signature of an OLE compound file: a legacy `.doc`, or a `.docx`
/// encrypted with a password (Word wraps it in one).
const OLE_SIGNATURE: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// Whether `bytes` are an OLE compound file.
pub(crate) fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&OLE_SIGNATURE)
}

/// The error for an OLE compound file: [`Error::Encrypted`] when it holds
/// an `EncryptedPackage` stream (a password-protected `.docx`, as Word and
/// WPS write it), [`Error::Unsupported`] otherwise (a legacy `.doc`).
fn ole_error(bytes: &[u8]) -> Error {
    // Stream names are UTF-16LE in the compound file's directory.
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if memchr::memmem::find(bytes, &name).is_some() {
        Error::Encrypted { path: None }
    } else {
        Error::Unsupported {
            path: None,
            reason: "legacy Word .doc (or other OLE) file; save it as .docx".to_owned(),
        }
    }
}
