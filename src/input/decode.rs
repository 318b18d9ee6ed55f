//! Text decoding: bytes in an unknown or named encoding to a `String`.
//!
//! Detection, in order, when no encoding is named:
//!
//! 1. a byte-order mark: `EF BB BF` is UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE;
//! 2. bytes that are valid UTF-8 are UTF-8;
//! 3. anything else is tried as GB18030 (a superset of GBK and GB2312).
//!
//! The mark itself is not part of the returned text: spans of a parse index
//! the text this module returns, not the file's bytes.
//!
//! When no candidate explains the bytes the error reports the candidate that
//! decoded furthest, with the byte offset, line and column of the first bad
//! byte. UTF-16 without a byte-order mark is not detected; name it with an
//! explicit encoding (`utf-16le`, `utf-16be`).

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};

use crate::error::{Error, Result};

/// Decodes `bytes` to text, detecting the encoding unless `encoding` names one.
///
/// `encoding` is a WHATWG label such as `utf-8`, `gbk`, `gb18030`, `big5`,
/// `utf-16le` (case-insensitive). With a named encoding, a leading byte-order
/// mark of that same encoding is dropped and no other detection happens.
/// `path` is only used to name the input in errors.
///
/// # Errors
///
/// [`Error::UnknownEncoding`] for a label that names no encoding, and
/// [`Error::Decode`] with the byte offset, line and column of the first bytes
/// that the encoding cannot explain.
///
/// # Examples
///
/// ```
/// use std::path::Path;
/// use speechtree::input::decode;
///
/// // "一、总体要求" in GBK: not UTF-8, so detected as GB18030.
/// let gbk = b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3";
/// assert_eq!(decode(gbk, None, Path::new("a.txt"))?, "一、总体要求");
///
/// // A UTF-8 byte-order mark is detected and left out of the text.
/// assert_eq!(decode("\u{feff}一是".as_bytes(), None, Path::new("b.txt"))?, "一是");
///
/// // An explicit encoding wins over detection.
/// assert_eq!(decode(b"\xd2\xbb", Some("gbk"), Path::new("c.txt"))?, "一");
///
/// // Bytes no encoding explains: an error with file, line, column and offset.
/// let err = decode(b"ok\n\xff", None, Path::new("d.txt")).unwrap_err();
/// assert!(err.to_string().starts_with("d.txt:2:1:"));
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn decode(bytes: &[u8], encoding: Option<&str>, path: &Path) -> Result<String> {
    if let Some(label) = encoding {
        let enc = encoding_for_label(label)?;
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        return decode_strict(enc, body)
            .map_err(|bad| decode_error(enc, bytes, bytes.len() - body.len(), bad, path));
    }
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        let body = &bytes[len..];
        return decode_strict(enc, body).map_err(|bad| decode_error(enc, bytes, len, bad, path));
    }
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    let utf8_bad = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s.to_owned()),
        Err(e) => BadBytes {
            offset: e.valid_up_to(),
            len: e.error_len().unwrap_or(bytes.len() - e.valid_up_to()),
        },
    };
    match decode_strict(GB18030, bytes) {
        Ok(s) => Ok(s),
        // Report the candidate that explained more of the input (UTF-8 on a tie).
        Err(gb_bad) if gb_bad.offset > utf8_bad.offset => Err(decode_error(GB18030, bytes, 0, gb_bad, path)),
        Err(_) => Err(decode_error(UTF_8, bytes, 0, utf8_bad, path)),
    }
}

/// [`decode`] taking the bytes by value, with a fast path for valid UTF-8
/// without a byte-order mark (the common case).
pub(crate) fn decode_owned(bytes: Vec<u8>, encoding: Option<&str>, path: &Path) -> Result<String> {
    if encoding.is_none() && Encoding::for_bom(&bytes).is_none() {
        // simdutf8 checks Chinese text many times faster than the standard
        // library; copying the checked text costs less than checking it again.
        if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
            return Ok(text.to_owned());
        }
    }
    decode(&bytes, encoding, path)
}

/// Looks up an encoding by WHATWG label, refusing the `replacement` pseudo-encoding.
fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(enc),
        _ => Err(Error::UnknownEncoding {
            label: label.to_owned(),
        }),
    }
}

/// The first bytes a decoder rejected, relative to the slice it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct BadBytes {
    offset: usize,
    len: usize,
}

/// Decodes `bytes` with `enc`, without BOM handling and without replacement.
fn decode_strict(enc: &'static Encoding, bytes: &[u8]) -> Result<String, BadBytes> {
    if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(s.into_owned());
    }
    // Find where it failed: run a streaming decoder that stops at the first
    // malformed sequence.
    let mut decoder = enc.new_decoder_without_bom_handling();
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut out = String::with_capacity(cap);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        DecoderResult::Malformed(bad_len, after) => {
            let bad_len = usize::from(bad_len);
            let offset = read.saturating_sub(usize::from(after) + bad_len);
            Err(BadBytes {
                offset,
                len: bad_len.max(1),
            })
        }
        // Cannot happen with a buffer of the maximum length, but never panic.
        DecoderResult::OutputFull | DecoderResult::InputEmpty => Err(BadBytes {
            offset: read.min(bytes.len()),
            len: 1,
        }),
    }
}

/// Builds the error for bad bytes found `start` bytes into `bytes`.
fn decode_error(enc: &'static Encoding, bytes: &[u8], start: usize, bad: BadBytes, path: &Path) -> Error {
    let offset = (start + bad.offset).min(bytes.len());
    let prefix = bytes.get(start..offset).unwrap_or_default();
    // The prefix decoded cleanly, so replacement never happens here.
    let (text, _) = enc.decode_without_bom_handling(prefix);
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let end = offset + bad.len.clamp(1, 4);
    let shown = bytes.get(offset..end.min(bytes.len())).unwrap_or_default();
    Error::Decode {
        path: path.to_owned(),
        encoding: enc.name(),
        offset,
        line,
        column,
        bytes: shown.to_vec(),
    }
}

/// The encoding `decode` would use for `bytes` with no label, by name.
///
/// Returns `None` when no candidate explains the bytes.
///
/// # Examples
///
/// ```
/// use speechtree::input::detect_encoding;
///
/// assert_eq!(detect_encoding("一、".as_bytes()), Some("UTF-8"));
/// assert_eq!(detect_encoding(b"\xff\xfe\x00\x4e"), Some("UTF-16LE"));
/// assert_eq!(detect_encoding(b"\xd2\xbb\xa1\xa2"), Some("gb18030"));
/// assert_eq!(detect_encoding(b"\xff"), None);
/// ```
pub fn detect_encoding(bytes: &[u8]) -> Option<&'static str> {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return decode_strict(enc, &bytes[len..]).ok().map(|_| enc.name());
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Some(UTF_8.name());
    }
    decode_strict(GB18030, bytes).ok().map(|_| GB18030.name())
}

/// Encodes `text` as UTF-16 with a byte-order mark (test helper).
#[cfg(test)]
pub(crate) fn utf16_with_bom(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        let b = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEECH: &str = "在全市工作会议上的讲话\n（2023年5月26日）\n同志们：\n一、总体要求\n（一）加强领导。一是健全机构；二是压实责任。\n1.抓好落实，①②，１２３，“引号”—— ㈠ ⑴ 〇\r\n谢谢大家！\n";

    fn p() -> &'static Path {
        Path::new("t.txt")
    }

    #[test]
    fn utf8_without_bom_is_returned_as_is() {
        assert_eq!(decode(SPEECH.as_bytes(), None, p()).unwrap(), SPEECH);
    }

    #[test]
    fn utf8_bom_is_detected_and_dropped() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(SPEECH.as_bytes());
        assert_eq!(
            decode(&bytes, None, p()).unwrap(),
            SPEECH,
            "should drop the BOM and keep the rest"
        );
    }

    #[test]
    fn utf16_le_and_be_with_bom_decode_to_the_utf8_text() {
        for be in [false, true] {
            let bytes = utf16_with_bom(SPEECH, be);
            assert_eq!(
                decode(&bytes, None, p()).unwrap(),
                SPEECH,
                "should decode UTF-16 (big endian: {be})"
            );
        }
    }

    #[test]
    fn gb18030_copy_decodes_to_exactly_the_utf8_original() {
        let (gb, _, unmappable) = GB18030.encode(SPEECH);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&gb).is_err(), "fixture must not be UTF-8");
        assert_eq!(decode(&gb, None, p()).unwrap(), SPEECH);
        assert_eq!(detect_encoding(&gb), Some("gb18030"));
    }

    #[test]
    fn gbk_label_overrides_detection() {
        let (gb, _, _) = GB18030.encode("一是");
        assert_eq!(decode(&gb, Some("GBK"), p()).unwrap(), "一是");
        assert_eq!(decode(&gb, Some(" gb2312 "), p()).unwrap(), "一是");
    }

    #[test]
    fn explicit_utf16_without_bom() {
        let bytes = utf16_with_bom("一是", false);
        assert_eq!(decode(&bytes[2..], Some("utf-16le"), p()).unwrap(), "一是");
        assert_eq!(
            decode(&bytes, Some("utf-16le"), p()).unwrap(),
            "一是",
            "should drop a BOM of the named encoding"
        );
    }

    #[test]
    fn explicit_label_does_not_sniff_other_boms() {
        // A UTF-8 BOM read as windows-1252 is three characters, kept.
        let bytes = b"\xef\xbb\xbfa";
        assert_eq!(decode(bytes, Some("latin1"), p()).unwrap(), "ï»¿a");
    }

    #[test]
    fn unknown_label_is_an_error() {
        let e = decode(b"a", Some("klingon"), p()).unwrap_err();
        assert_eq!(e.to_string(), "unknown encoding `klingon`");
        let e = decode(b"a", Some("iso-2022-kr"), p()).unwrap_err();
        assert!(
            matches!(e, Error::UnknownEncoding { .. }),
            "replacement is refused"
        );
    }

    #[test]
    fn undecodable_bytes_name_offset_line_and_column() {
        let bytes = "一、\n二、ab\n".bytes().chain([0xff, b'x']).collect::<Vec<_>>();
        let e = decode(&bytes, None, Path::new("dir/bad.txt")).unwrap_err();
        match &e {
            Error::Decode {
                offset,
                line,
                column,
                bytes: shown,
                ..
            } => {
                assert_eq!(*offset, 16, "offset of the 0xff byte");
                assert_eq!(*line, 3);
                assert_eq!(*column, 1);
                assert_eq!(shown, &[0xff]);
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        let msg = e.to_string();
        assert!(msg.contains("dir/bad.txt:3:1"), "{msg}");
        assert!(msg.contains("byte offset 16"), "{msg}");
    }

    #[test]
    fn mostly_utf8_file_reports_the_utf8_error() {
        // Valid UTF-8 Chinese text, then a stray 0xff: GB18030 fails earlier
        // (UTF-8 Chinese is rarely valid GB18030 for long), or at the same byte.
        let text = "一、总体要求\n（一）加强领导\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(0xff);
        let e = decode(&bytes, None, p()).unwrap_err();
        match e {
            Error::Decode {
                encoding,
                offset,
                line,
                ..
            } => {
                assert_eq!(offset, text.len());
                assert_eq!(line, 3);
                assert!(encoding == "UTF-8" || encoding == "gb18030");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn gb18030_error_column_counts_characters() {
        let (gb, _, _) = GB18030.encode("一是\n二是");
        let mut gb = gb.into_owned();
        gb.push(0xff);
        let e = decode(&gb, None, p()).unwrap_err();
        match e {
            Error::Decode {
                encoding,
                offset,
                line,
                column,
                ..
            } => {
                assert_eq!(encoding, "gb18030");
                assert_eq!(offset, 9);
                assert_eq!((line, column), (2, 3));
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn unpaired_surrogate_in_utf16_is_an_error() {
        let bytes = [0xff, 0xfe, b'a', 0, 0x00, 0xd8, b'b', 0];
        let e = decode(&bytes, None, p()).unwrap_err();
        match e {
            Error::Decode { encoding, offset, .. } => {
                assert_eq!(encoding, "UTF-16LE");
                assert_eq!(offset, 4, "offset counts the BOM");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn truncated_gb18030_at_end_is_an_error() {
        let e = decode(b"ab\xd2", None, p()).unwrap_err();
        assert!(matches!(e, Error::Decode { offset: 2, .. }), "{e:?}");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", None, p()).unwrap(), "");
        assert_eq!(decode(b"\xef\xbb\xbf", None, p()).unwrap(), "");
    }
}
