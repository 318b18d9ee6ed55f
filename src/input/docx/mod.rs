//! Word documents (`.docx`): paragraphs to lines, with Word's automatic numbering.
//!
//! What is read:
//!
//! - `word/document.xml`: every `w:p` of the body (tables and text boxes
//!   included) becomes one line ending in `\n`. Text comes from `w:t` runs;
//!   `w:tab` and `w:ptab` become `\t`; `w:br` and `w:cr` (manual line,
//!   page and column breaks) become `\n`, since a reader sees a new line
//!   there; `w:noBreakHyphen` becomes `-`. Deleted and moved-away text of
//!   tracked changes, field instructions and the fallback copy of
//!   `mc:AlternateContent` are left out.
//! - `word/numbering.xml` and `word/styles.xml`: when a paragraph is numbered
//!   by Word (`w:numPr` on the paragraph or on its style, through
//!   `w:basedOn`), the marker is not in the text. It is rendered as Word shows
//!   it, from the level's `w:lvlText` (`%1、`, `（%2）`, `%3.`) and `w:numFmt`
//!   (`chineseCounting`, `decimal`, `decimalEnclosedCircle`, …), and put in
//!   front of the paragraph's text. Counters are kept per list as Word does:
//!   per `w:abstractNum`, or per `w:num` when it overrides a level
//!   (`w:lvlOverride`, `w:startOverride`); lower levels restart when a higher
//!   one advances (`w:lvlRestart` honoured), `w:start` and `w:isLgl` too.
//!   The suffix Word puts after a marker (`w:suff`, a tab by default) is
//!   dropped after a marker that ends in punctuation (`一、`, `（一）`, `1.`)
//!   and becomes one space otherwise (`第一章 总则`).
//! - Headings, for [`ReadResult::headings`]: a paragraph with `w:outlineLvl`
//!   0–8, or whose style has one or is a heading style (`heading 1`…`9`,
//!   `标题 1`…`9` by name or id), through `w:basedOn`; the nearest wins, and
//!   the paragraph's own `w:outlineLvl` over its style's.
//!
//! Limits: no part may decompress to more than
//! [`ReadOptions::max_entry_size`] bytes and all parts read together to more
//! than [`ReadOptions::max_decompressed_size`]; reading stops one byte past a
//! limit, so an archive bomb cannot exhaust memory. A number format may have
//! at most [`ReadOptions::max_number_format_len`] characters (checked when
//! `numbering.xml` is read), the document at most
//! [`ReadOptions::max_paragraphs`] paragraphs, and the text at most
//! [`ReadOptions::max_text_size`] bytes (both checked paragraph by
//! paragraph, as the text is written out).
//!
//! The parts: `archive` opens the zip and reads parts within the limits,
//! `xml` walks a part's XML, `document`, `styles` and `numbering` read the
//! parts of those names, and `number_format` writes numbers as `w:numFmt`
//! asks.

mod archive;
mod document;
mod number_format;
mod numbering;
mod styles;
#[cfg(test)]
pub(crate) mod tests;
mod xml;

use archive::Archive;
pub(crate) use archive::is_ole;
use document::{Para, parse_document};
use numbering::{ListState, Numbering};
use styles::{Styles, outline_level};
use xml::PartError;

use super::{InputKind, ReadOptions, ReadResult};
use crate::error::{Error, Result};
use crate::{HeadingHint, Span};

/// Main WordprocessingML namespace (transitional, as Word writes it).
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Main WordprocessingML namespace of strict OOXML.
const W_NS_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
/// Markup compatibility namespace (`mc:AlternateContent`).
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Number of list levels Word supports.
const LEVELS: usize = 9;

/// Extracts the text of a `.docx`, one line per paragraph, with the markers
/// of Word's automatic numbering written out, and the paragraphs Word marks
/// as headings: a heading style (`Heading 1`…`9`, `标题 1`…`9`, or a style
/// with `w:outlineLvl`, through `w:basedOn`) or a `w:outlineLvl` on the
/// paragraph. Each becomes a [`HeadingHint`] spanning its line (marker
/// included, line break not) at its 0-based outline level; level 9 (body
/// text) is no heading.
///
/// The limits of `opts` bound what is decompressed and extracted; its
/// encoding is not used (XML parts declare their own). Errors name no file.
pub(crate) fn read(bytes: &[u8], opts: &ReadOptions) -> Result<ReadResult> {
    let mut archive = Archive::open(bytes, opts)?;
    let document = archive.part("word/document.xml")?.ok_or_else(|| Error::Docx {
        path: None,
        reason: "word/document.xml is missing".to_owned(),
    })?;
    let numbering = match archive.part("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml, opts.max_number_format_len)
            .map_err(|e| e.into_error("word/numbering.xml"))?,
        None => Numbering::default(),
    };
    let styles = match archive.part("word/styles.xml")? {
        Some(xml) => Styles::parse(&xml).map_err(|e| e.into_error("word/styles.xml"))?,
        None => Styles::default(),
    };
    let mut lists = ListState::default();
    let mut out = String::with_capacity(document.len() / 4);
    let mut headings = Vec::new();
    let max_text = usize::try_from(opts.max_text_size).unwrap_or(usize::MAX);
    // Paragraphs are written out as the walker closes them, so memory grows
    // with the text, not with a list of paragraphs.
    let mut write = |para: Para| -> Result<(), PartError> {
        let start = out.len();
        let marker = lists.marker(&para, &numbering, &styles);
        let len = marker.as_ref().map_or(0, String::len) + para.text.len() + 1;
        if start.saturating_add(len) > max_text {
            return Err(PartError::Limit {
                what: "extracted text".to_owned(),
                limit: opts.max_text_size,
                unit: "bytes",
            });
        }
        if let Some(marker) = marker {
            out.push_str(&marker);
        }
        out.push_str(&para.text);
        let level = match para.outline_lvl {
            Some(v) => outline_level(v),
            None => para
                .style
                .as_deref()
                .or(styles.default_paragraph.as_deref())
                .and_then(|s| styles.outline_level(s)),
        };
        if let Some(level) = level {
            headings.push(HeadingHint::new(Span::new(start, out.len()), level));
        }
        out.push('\n');
        Ok(())
    };
    parse_document(&document, opts.max_paragraphs, &mut write)
        .map_err(|e| e.into_error("word/document.xml"))?;
    Ok(ReadResult {
        text: out,
        headings,
        kind: InputKind::Docx,
        ..ReadResult::default()
    })
}
