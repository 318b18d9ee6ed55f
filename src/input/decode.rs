//! Text decoding: bytes in an unknown or named encoding to a `String`.
//!
//! Detection, in order, when no encoding is named (the policy is written
//! out in `docs/input.md`):
//!
//! 1. a byte-order mark: `EF BB BF` is UTF-8, `FF FE` UTF-16LE, `FE FF`
//!    UTF-16BE; the rest must be valid in that encoding;
//! 2. bytes that are valid UTF-8 without NUL bytes are UTF-8;
//! 3. UTF-16 without a byte-order mark: an input of even length with at
//!    least two NUL bytes (the high bytes of ASCII characters) that decodes
//!    in one byte order to text nine tenths ASCII or Chinese and in the
//!    other not (when both read well, NULs all at odd offsets mean UTF-16LE,
//!    all at even offsets UTF-16BE);
//! 4. valid UTF-8 with NUL bytes is UTF-8;
//! 5. *corrupt UTF-8*: bytes that are not valid UTF-8 but hold at least two
//!    well-formed UTF-8 Chinese characters (CJK ideographs, CJK and
//!    full-width punctuation, general punctuation, enclosed numbers) for
//!    every invalid sequence are UTF-8 with bad bytes: a stray byte, a
//!    character cut in half at the end. That is an [`Error::Decode`] for
//!    UTF-8 at the first bad byte, not a GB18030 guess: GB18030 text read as
//!    UTF-8 is invalid every character or two;
//! 6. anything else is GB18030 (a superset of GBK and GB2312) when it
//!    decodes cleanly as GB18030.
//!
//! The mark itself is not part of the returned text: spans of a parse index
//! the text this module returns, not the file's bytes.
//!
//! When neither UTF-8 nor GB18030 explains the bytes, the error reports the
//! one that decoded further (UTF-8 on a tie), with the byte offset, line and
//! column of its first bad byte.

use std::borrow::Cow;

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};

use super::ReadOptions;
use crate::error::{Error, Result};

/// Decodes `bytes` to text, in [`ReadOptions::encoding`] or else in the
/// encoding detected.
///
/// The encoding is a WHATWG label such as `utf-8`, `gbk`, `gb18030`,
/// `big5`, `utf-16le` (case-insensitive). With a named encoding, a leading
/// byte-order mark of that same encoding is dropped and no other detection
/// happens.
///
/// Detection: a byte-order mark, then UTF-8, UTF-16 without a mark (by its
/// NUL bytes), and GB18030; bytes that are mostly UTF-8 with a few bad
/// sequences are an error at the first bad byte rather than a GB18030 guess
/// (the policy in full is in the crate's `docs/input.md`).
///
/// # Errors
///
/// [`Error::UnknownEncoding`] for a label that names no encoding, and
/// [`Error::Decode`] with the byte offset, line and column of the first bytes
/// that the encoding cannot explain. The errors name no file: attach one
/// with [`Error::with_path`].
///
/// # Examples
///
/// ```
/// use speechtree::input::{ReadOptions, decode};
///
/// let detect = ReadOptions::default();
/// // "一、总体要求" in GBK: not UTF-8, so detected as GB18030.
/// let gbk = b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xd2\xaa\xc7\xf3";
/// assert_eq!(decode(gbk, &detect)?, "一、总体要求");
///
/// // A UTF-8 byte-order mark is detected and left out of the text.
/// assert_eq!(decode("\u{feff}一是".as_bytes(), &detect)?, "一是");
///
/// // An explicit encoding wins over detection.
/// let gbk_opts = ReadOptions { encoding: Some("gbk".into()), ..ReadOptions::default() };
/// assert_eq!(decode(b"\xd2\xbb", &gbk_opts)?, "一");
///
/// // UTF-8 with a stray byte: an error at that byte, not a GB18030 guess.
/// let mut bytes = "一、总体要求\n二、重点".as_bytes().to_vec();
/// bytes.push(0x80);
/// bytes.extend_from_slice("任务\n".as_bytes());
/// let err = decode(&bytes, &detect).unwrap_err().with_path("d.txt");
/// assert_eq!(err.to_string(), "d.txt:2:5: invalid UTF-8 byte sequence 80 at byte offset 31");
/// # Ok::<(), speechtree::Error>(())
/// ```
pub fn decode(bytes: &[u8], opts: &ReadOptions) -> Result<String> {
    decode_with(bytes, opts.encoding.as_deref())
}

/// [`decode`] with the encoding label given directly.
pub(crate) fn decode_with(bytes: &[u8], encoding: Option<&str>) -> Result<String> {
    decode_borrowed(bytes, encoding).map(Cow::into_owned)
}

/// [`decode_with`], borrowing `bytes` when they are the text as they stand
/// (UTF-8 without a byte-order mark, or ASCII in an ASCII-compatible
/// encoding): for a reader that only looks at the text, no copy of it.
pub(crate) fn decode_borrowed<'b>(bytes: &'b [u8], encoding: Option<&str>) -> Result<Cow<'b, str>> {
    if let Some(label) = encoding {
        let enc = encoding_for_label(label)?;
        let body = match Encoding::for_bom(bytes) {
            Some((bom_enc, len)) if bom_enc == enc => &bytes[len..],
            _ => bytes,
        };
        return decode_strict(enc, body)
            .map_err(|bad| decode_error(enc, bytes, bytes.len() - body.len(), bad));
    }
    decode_detected(bytes)
        .map(|(text, _)| text)
        .map_err(|f| decode_error(f.encoding, bytes, f.start, f.bad))
}

/// Where detection gave up: the encoding chosen, where its text starts (after
/// a byte-order mark) and the first bytes it cannot explain.
struct Failure {
    encoding: &'static Encoding,
    start: usize,
    bad: BadBytes,
}

/// Detects the encoding of `bytes` and decodes them (see the module
/// documentation for the order of the checks).
fn decode_detected(bytes: &[u8]) -> Result<(Cow<'_, str>, &'static Encoding), Failure> {
    if let Some((enc, len)) = Encoding::for_bom(bytes) {
        return decode_strict(enc, &bytes[len..])
            .map(|s| (s, enc))
            .map_err(|bad| Failure {
                encoding: enc,
                start: len,
                bad,
            });
    }
    let utf8 = simdutf8::basic::from_utf8(bytes).ok();
    let has_nul = memchr::memchr(0, bytes).is_some();
    if let (Some(text), false) = (utf8, has_nul) {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    if has_nul && let Some(enc) = utf16_without_bom(bytes) {
        return decode_strict(enc, bytes)
            .map(|s| (s, enc))
            .map_err(|bad| Failure {
                encoding: enc,
                start: 0,
                bad,
            });
    }
    if let Some(text) = utf8 {
        return Ok((Cow::Borrowed(text), UTF_8));
    }
    let evidence = Utf8Evidence::of(bytes);
    let utf8_failure = Failure {
        encoding: UTF_8,
        start: 0,
        bad: evidence.first_bad,
    };
    if evidence.is_corrupt_utf8() {
        return Err(utf8_failure);
    }
    match decode_strict(GB18030, bytes) {
        Ok(s) => Ok((s, GB18030)),
        // Neither explains the bytes: report the one that explained more of
        // them (UTF-8 on a tie).
        Err(bad) if bad.offset > evidence.first_bad.offset => Err(Failure {
            encoding: GB18030,
            start: 0,
            bad,
        }),
        Err(_) => Err(utf8_failure),
    }
}

/// What the bytes of an input that is not valid UTF-8 say about whether it
/// is UTF-8 with a few bad bytes or text in another encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Utf8Evidence {
    /// Well-formed multi-byte sequences that decode to characters of Chinese
    /// text: CJK ideographs and punctuation, full-width forms, general
    /// punctuation and enclosed numbers (U+2000–U+2BFF, U+3000–U+9FFF,
    /// U+F900–U+FAFF, U+FE30–U+FE4F, U+FF00–U+FFEF, U+20000–U+3FFFF).
    chinese: usize,
    /// Maximal invalid sequences, as the standard library counts them.
    bad: usize,
    /// The first invalid sequence.
    first_bad: BadBytes,
}

impl Utf8Evidence {
    /// Scans `bytes` (which must not be valid UTF-8) sequence by sequence.
    fn of(bytes: &[u8]) -> Self {
        let mut chinese = 0;
        let mut bad = 0;
        let mut first_bad = None;
        let mut at = 0;
        while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
            let (valid, error) = match std::str::from_utf8(rest) {
                Ok(s) => (s, None),
                Err(e) => (
                    std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or_default(),
                    Some(e),
                ),
            };
            chinese += valid.chars().filter(|&c| is_chinese_text(c)).count();
            let Some(e) = error else { break };
            let len = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
            bad += 1;
            first_bad.get_or_insert(BadBytes {
                offset: at + e.valid_up_to(),
                len,
            });
            at += e.valid_up_to() + len.max(1);
        }
        Utf8Evidence {
            chinese,
            bad,
            first_bad: first_bad.unwrap_or(BadBytes {
                offset: bytes.len(),
                len: 0,
            }),
        }
    }

    /// UTF-8 with bad bytes, rather than another encoding: at least two
    /// Chinese characters well-formed in UTF-8 for every invalid sequence.
    ///
    /// GB18030 text read as UTF-8 is invalid every character or two, and the
    /// few sequences that happen to be well-formed decode to Latin, Cyrillic
    /// or Hangul letters rather than Chinese; UTF-8 text with a stray or cut
    /// byte has one invalid sequence among many Chinese characters.
    fn is_corrupt_utf8(&self) -> bool {
        self.chinese > 0 && self.bad.saturating_mul(2) <= self.chinese
    }
}

/// Whether `c` is a character of Chinese text beyond ASCII (see
/// [`Utf8Evidence::chinese`]).
fn is_chinese_text(c: char) -> bool {
    matches!(
        u32::from(c),
        0x2000..=0x2bff | 0x3000..=0x9fff | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xffef | 0x2_0000..=0x3_ffff
    )
}

/// UTF-16 without a byte-order mark, recognised by its NUL bytes: ASCII
/// characters (line breaks, digits, Latin letters) have a zero high byte, so
/// UTF-16 text has NUL bytes; text in UTF-8 or GB18030 has none. Chosen for
/// an input of even length with at least two NULs when it decodes in one
/// byte order to text nine tenths ASCII or [Chinese](is_chinese_text) and
/// in the other not (read in the wrong order, Chinese text turns into
/// Hangul, Tifinagh and other scripts, line breaks into U+0A00). When both
/// orders read well (ASCII-only text), the NULs decide: all at odd offsets
/// is little endian, all at even offsets big endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for i in memchr::memchr_iter(0, bytes) {
        if i.is_multiple_of(2) {
            even += 1;
        } else {
            odd += 1;
        }
    }
    if even + odd < 2 {
        return None;
    }
    let reads_well = |enc: &'static Encoding| {
        let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) else {
            return false;
        };
        let (mut chars, mut plausible) = (0usize, 0usize);
        for c in text.chars() {
            chars += 1;
            if c.is_ascii() || is_chinese_text(c) {
                plausible += 1;
            }
        }
        plausible.saturating_mul(10) >= chars.saturating_mul(9)
    };
    let (le, be) = (encoding_rs::UTF_16LE, encoding_rs::UTF_16BE);
    match (reads_well(le), reads_well(be)) {
        (true, false) => Some(le),
        (false, true) => Some(be),
        (true, true) if even == 0 => Some(le),
        (true, true) if odd == 0 => Some(be),
        _ => None,
    }
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
fn decode_strict<'b>(enc: &'static Encoding, bytes: &'b [u8]) -> Result<Cow<'b, str>, BadBytes> {
    if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(s);
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
fn decode_error(enc: &'static Encoding, bytes: &[u8], start: usize, bad: BadBytes) -> Error {
    let offset = (start + bad.offset).min(bytes.len());
    let prefix = bytes.get(start..offset).unwrap_or_default();
    // The prefix decoded cleanly, so replacement never happens here.
    let (text, _) = enc.decode_without_bom_handling(prefix);
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    let end = offset + bad.len.clamp(1, 4);
    let shown = bytes.get(offset..end.min(bytes.len())).unwrap_or_default();
    Error::Decode {
        path: None,
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
    decode_detected(bytes).ok().map(|(_, enc)| enc.name())
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

    #[test]
    fn utf8_without_bom_is_returned_as_is() {
        assert_eq!(decode_with(SPEECH.as_bytes(), None).unwrap(), SPEECH);
    }

    #[test]
    fn utf8_bom_is_detected_and_dropped() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(SPEECH.as_bytes());
        assert_eq!(
            decode_with(&bytes, None).unwrap(),
            SPEECH,
            "should drop the BOM and keep the rest"
        );
    }

    #[test]
    fn utf16_le_and_be_with_bom_decode_to_the_utf8_text() {
        for be in [false, true] {
            let bytes = utf16_with_bom(SPEECH, be);
            assert_eq!(
                decode_with(&bytes, None).unwrap(),
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
        assert_eq!(decode_with(&gb, None).unwrap(), SPEECH);
        assert_eq!(detect_encoding(&gb), Some("gb18030"));
    }

    #[test]
    fn gbk_label_overrides_detection() {
        let (gb, _, _) = GB18030.encode("一是");
        assert_eq!(decode_with(&gb, Some("GBK")).unwrap(), "一是");
        assert_eq!(decode_with(&gb, Some(" gb2312 ")).unwrap(), "一是");
    }

    #[test]
    fn explicit_utf16_without_bom() {
        let bytes = utf16_with_bom("一是", false);
        assert_eq!(decode_with(&bytes[2..], Some("utf-16le")).unwrap(), "一是");
        assert_eq!(
            decode_with(&bytes, Some("utf-16le")).unwrap(),
            "一是",
            "should drop a BOM of the named encoding"
        );
    }

    #[test]
    fn explicit_label_does_not_sniff_other_boms() {
        // A UTF-8 BOM read as windows-1252 is three characters, kept.
        let bytes = b"\xef\xbb\xbfa";
        assert_eq!(decode_with(bytes, Some("latin1")).unwrap(), "ï»¿a");
    }

    #[test]
    fn unknown_label_is_an_error() {
        let e = decode_with(b"a", Some("klingon")).unwrap_err();
        assert_eq!(e.to_string(), "unknown encoding `klingon`");
        let e = decode_with(b"a", Some("iso-2022-kr")).unwrap_err();
        assert!(
            matches!(e, Error::UnknownEncoding { .. }),
            "replacement is refused"
        );
    }

    #[test]
    fn undecodable_bytes_name_offset_line_and_column() {
        let bytes = "一、\n二、ab\n".bytes().chain([0xff, b'x']).collect::<Vec<_>>();
        let e = decode_with(&bytes, None)
            .map_err(|e| e.with_path("dir/bad.txt"))
            .unwrap_err();
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

    /// The decode error's encoding, offset, line and column.
    fn failure(bytes: &[u8]) -> (&'static str, usize, usize, usize) {
        match decode_with(bytes, None) {
            Err(Error::Decode {
                encoding,
                offset,
                line,
                column,
                ..
            }) => (encoding, offset, line, column),
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn mostly_utf8_file_reports_the_utf8_error() {
        // Valid UTF-8 Chinese text, then a stray 0xff.
        let text = "一、总体要求\n（一）加强领导\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.push(0xff);
        assert_eq!(failure(&bytes), ("UTF-8", text.len(), 3, 1));
    }

    #[test]
    fn a_stray_byte_in_utf8_is_an_error_not_gb18030() {
        // GB18030 reads these bytes without complaint (as mojibake).
        let bytes = b"\xe4\xb8\x80\xe3\x80\x81\xe6\x80\xbb\xe4\xbd\x93\xe8\xa6\x81\xe6\xb1\x82\n\xe4\xba\x8c\xe3\x80\x81\xe9\x87\x8d\xe7\x82\xb9\x80\xe4\xbb\xbb\xe5\x8a\xa1\n";
        assert_eq!(&bytes[..19], "一、总体要求\n".as_bytes());
        assert!(
            decode_strict(GB18030, bytes).is_ok(),
            "the fixture is valid GB18030"
        );
        let offset = "一、总体要求\n二、重点".len();
        assert_eq!(failure(bytes), ("UTF-8", offset, 2, 5));
        assert_eq!(detect_encoding(bytes), None);
        let e = decode_with(bytes, None)
            .map_err(|e| e.with_path("s.txt"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("s.txt:2:5: invalid UTF-8 byte sequence 80 at byte offset {offset}")
        );
    }

    #[test]
    fn the_first_bad_utf8_byte_is_reported_not_where_gb18030_fails() {
        // Issue 19.3: GB18030 got further (to the 0xff) and its failure was
        // reported, at line 3 instead of line 2.
        let mut bytes = "一、总体要求\n二、重点".as_bytes().to_vec();
        let offset = bytes.len();
        bytes.push(0x80);
        bytes.extend_from_slice("任务\n三、保障".as_bytes());
        bytes.extend_from_slice(b"\xff\n");
        assert_eq!(failure(&bytes), ("UTF-8", offset, 2, 5));
    }

    #[test]
    fn utf8_cut_in_the_last_character_is_an_error() {
        let text = "一、总体要求\n二、重点任务";
        let cut = &text.as_bytes()[..text.len() - 1];
        assert!(
            decode_strict(GB18030, cut).is_ok(),
            "the fixture is valid GB18030"
        );
        let (encoding, offset, line, column) = failure(cut);
        assert_eq!((encoding, offset), ("UTF-8", text.len() - 3));
        assert_eq!((line, column), (2, 6));
    }

    #[test]
    fn a_few_bad_bytes_among_much_utf8_are_still_corrupt_utf8() {
        let mut bytes = Vec::new();
        for _ in 0..3 {
            bytes.extend_from_slice(SPEECH.as_bytes());
            bytes.push(0xa1);
        }
        assert_eq!(failure(&bytes).1, SPEECH.len(), "the first bad byte");
    }

    #[test]
    fn gb18030_whose_first_character_is_valid_utf8_is_gb18030() {
        // "一、" in GBK is d2 bb a1 a2, and d2 bb is a valid UTF-8 sequence
        // (U+04BB): a file starting so must still be read as GB18030.
        for text in ["一、总体要求\n（一）加强领导。", "一是", "宜加快发展", SPEECH] {
            let (gb, _, _) = GB18030.encode(text);
            assert!(std::str::from_utf8(&gb).is_err());
            assert_eq!(decode_with(&gb, None).unwrap(), text);
            assert_eq!(detect_encoding(&gb), Some("gb18030"));
        }
    }

    #[test]
    fn encoding_option_overrides_the_corrupt_utf8_verdict() {
        let bytes = "一、总体要求\n二、重点任务".as_bytes();
        let cut = &bytes[..bytes.len() - 1];
        assert!(decode_with(cut, None).is_err());
        assert!(decode_with(cut, Some("gb18030")).is_ok());
    }

    #[test]
    fn utf16_without_bom_is_detected_by_its_nul_bytes() {
        for be in [false, true] {
            let bytes = utf16_with_bom(SPEECH, be);
            let body = &bytes[2..];
            assert_eq!(decode_with(body, None).unwrap(), SPEECH, "big endian: {be}");
            let name = if be { "UTF-16BE" } else { "UTF-16LE" };
            assert_eq!(detect_encoding(body), Some(name));
        }
        // ASCII-only UTF-16 is valid UTF-8 too (with NULs): still UTF-16.
        for be in [false, true] {
            let bytes = utf16_with_bom("ab\n", be);
            assert_eq!(decode_with(&bytes[2..], None).unwrap(), "ab\n");
            let bytes = utf16_with_bom("ab", be);
            assert_eq!(decode_with(&bytes[2..], None).unwrap(), "ab");
        }
        // Many 一 (U+4E00, a zero low byte) and few ASCII characters: more
        // NULs on the wrong side than on the right one.
        let text = "一是进一步统一思想，一要抓落实，一以贯之，一体推进，一抓到底。\n";
        for be in [false, true] {
            let bytes = utf16_with_bom(text, be);
            assert_eq!(decode_with(&bytes[2..], None).unwrap(), text, "big endian: {be}");
        }
    }

    #[test]
    fn nul_bytes_on_both_sides_are_not_utf16() {
        let bytes = b"a\0\0b";
        assert_eq!(decode_with(bytes, None).unwrap(), "a\0\0b");
        // One NUL is too little evidence.
        assert_eq!(decode_with(b"ab\0c", None).unwrap(), "ab\0c");
    }

    #[test]
    fn gb18030_error_column_counts_characters() {
        let (gb, _, _) = GB18030.encode("一是\n二是");
        let mut gb = gb.into_owned();
        gb.push(0xff);
        let e = decode_with(&gb, None).unwrap_err();
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
        let e = decode_with(&bytes, None).unwrap_err();
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
        let e = decode_with(b"ab\xd2", None).unwrap_err();
        assert!(matches!(e, Error::Decode { offset: 2, .. }), "{e:?}");
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode_with(b"", None).unwrap(), "");
        assert_eq!(decode_with(b"\xef\xbb\xbf", None).unwrap(), "");
    }
}
