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
//! - Headings, for [`docx_text_with_hints`]: a paragraph with `w:outlineLvl`
//!   0–8, or whose style has one or is a heading style (`heading 1`…`9`,
//!   `标题 1`…`9` by name or id), through `w:basedOn`; the nearest wins, and
//!   the paragraph's own `w:outlineLvl` over its style's.
//!
//! Limits: no part may decompress to more than
//! [`ReadOptions::max_entry_size`] bytes and all parts read together to more
//! than [`ReadOptions::max_decompressed_size`]; reading stops one byte past a
//! limit, so an archive bomb cannot exhaust memory.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use zip::ZipArchive;
use zip::result::ZipError;

use super::{ReadOptions, ReadResult};
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

/// Extracts the text of a `.docx`, one line per paragraph, with the markers of
/// Word's automatic numbering written out.
///
/// `path` only names the input in errors. The limits of `opts` bound how much
/// is decompressed; its encoding is not used (XML parts declare their own).
///
/// # Errors
///
/// [`Error::Docx`] when `bytes` are not a zip archive, `word/document.xml` is
/// missing or its XML is malformed, or a part is encrypted or compressed with
/// an unsupported method; [`Error::Limit`] when a part is too large.
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// use std::path::Path;
/// use speechtree::input::{ReadOptions, docx_text};
///
/// // Build a one-paragraph document.
/// let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())?;
/// zip.write_all(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
///   <w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p></w:body></w:document>"#.as_bytes())?;
/// let bytes = zip.finish()?.into_inner();
///
/// let text = docx_text(&bytes, Path::new("a.docx"), &ReadOptions::default())?;
/// assert_eq!(text, "一、总体要求\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn docx_text(bytes: &[u8], path: &Path, opts: &ReadOptions) -> Result<String> {
    docx_text_with_hints(bytes, path, opts).map(|r| r.text)
}

/// [`docx_text`], with the paragraphs Word marks as headings: a heading
/// style (`Heading 1`…`9`, `标题 1`…`9`, or a style with `w:outlineLvl`,
/// through `w:basedOn`) or a `w:outlineLvl` on the paragraph. Each becomes a
/// [`HeadingHint`](crate::HeadingHint) spanning its line (marker included,
/// line break not) at its 0-based outline level; level 9 (body text) is no
/// heading.
///
/// # Errors
///
/// As [`docx_text`].
///
/// # Examples
///
/// ```
/// use std::io::Write;
/// use std::path::Path;
/// use speechtree::input::{ReadOptions, docx_text_with_hints};
///
/// let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
/// zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())?;
/// zip.write_all(r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
///   <w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>过去五年的回顾</w:t></w:r></w:p>
///   <w:p><w:r><w:t>一、经济平稳发展</w:t></w:r></w:p></w:body></w:document>"#.as_bytes())?;
/// let bytes = zip.finish()?.into_inner();
///
/// let read = docx_text_with_hints(&bytes, Path::new("a.docx"), &ReadOptions::default())?;
/// assert_eq!(read.text, "过去五年的回顾\n一、经济平稳发展\n");
/// assert_eq!(read.headings.len(), 1);
/// assert_eq!(read.headings[0].span.slice(&read.text), "过去五年的回顾");
/// assert_eq!(read.headings[0].level, 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn docx_text_with_hints(bytes: &[u8], path: &Path, opts: &ReadOptions) -> Result<ReadResult> {
    let mut archive = Archive::open(bytes, path, opts)?;
    let document = archive.part("word/document.xml")?.ok_or_else(|| Error::Docx {
        path: path.to_owned(),
        reason: "word/document.xml is missing".to_owned(),
    })?;
    let numbering = match archive.part("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml).map_err(|e| e.into_error(path, "word/numbering.xml"))?,
        None => Numbering::default(),
    };
    let styles = match archive.part("word/styles.xml")? {
        Some(xml) => Styles::parse(&xml).map_err(|e| e.into_error(path, "word/styles.xml"))?,
        None => Styles::default(),
    };
    let paragraphs = parse_document(&document).map_err(|e| e.into_error(path, "word/document.xml"))?;
    let mut lists = ListState::default();
    let mut out = String::with_capacity(document.len() / 4);
    let mut headings = Vec::new();
    for para in paragraphs {
        let start = out.len();
        if let Some(marker) = lists.marker(&para, &numbering, &styles) {
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
            headings.push(HeadingHint {
                span: Span::new(start, out.len()),
                level,
            });
        }
        out.push('\n');
    }
    Ok(ReadResult {
        text: out,
        headings,
        kind: super::InputKind::Docx,
        ..ReadResult::default()
    })
}

/// A zip archive with a running count of decompressed bytes.
struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    path: &'a Path,
    opts: &'a ReadOptions,
    total: u64,
}

impl<'a> Archive<'a> {
    fn open(bytes: &'a [u8], path: &'a Path, opts: &'a ReadOptions) -> Result<Self> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::Docx {
            path: path.to_owned(),
            reason: format!("not a zip archive ({e})"),
        })?;
        Ok(Archive {
            zip,
            path,
            opts,
            total: 0,
        })
    }

    /// Reads a part as text; `None` when the archive has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>> {
        let path = self.path;
        let docx_err = |reason: String| Error::Docx {
            path: path.to_owned(),
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
            path: path.to_owned(),
            what,
            limit,
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
fn xml_text(bytes: Vec<u8>) -> Result<String, String> {
    if let Some((enc, len)) = encoding_rs::Encoding::for_bom(&bytes) {
        return enc
            .decode_without_bom_handling_and_without_replacement(&bytes[len..])
            .map(|s| s.into_owned())
            .ok_or_else(|| format!("not valid {}", enc.name()));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))
}

/// A malformed XML part, before the file and part names are known.
struct XmlError {
    position: u64,
    message: String,
}

impl XmlError {
    fn into_error(self, path: &Path, part: &str) -> Error {
        Error::Docx {
            path: path.to_owned(),
            reason: format!(
                "{part}: malformed XML at byte offset {}: {}",
                self.position, self.message
            ),
        }
    }
}

/// The elements this module cares about, by namespace and local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// An element of the WordprocessingML namespace.
    W,
    /// `mc:Choice`.
    McChoice,
    /// `mc:Fallback`.
    McFallback,
    /// Anything else.
    Other,
}

/// The namespaces this module tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

fn ns_of(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(n) if n.0 == W_NS || n.0 == W_NS_STRICT => Ns::W,
        ResolveResult::Bound(n) if n.0 == MC_NS => Ns::Mc,
        _ => Ns::Other,
    }
}

/// Classifies an element, telling `mc:Choice` and `mc:Fallback` apart.
fn tag_of(ns: Ns, local: &str) -> Tag {
    match (ns, local) {
        (Ns::W, _) => Tag::W,
        (Ns::Mc, "Choice") => Tag::McChoice,
        (Ns::Mc, "Fallback") => Tag::McFallback,
        _ => Tag::Other,
    }
}

/// The value of the attribute with local name `name` (any prefix), unescaped.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        if a.key.local_name().as_ref() == name {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        } else {
            None
        }
    })
}

/// `w:val` as a number, when present and numeric.
fn attr_num(e: &BytesStart<'_>, name: &str) -> Option<i64> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

/// `w:val` of an on/off property: present without a value, or not false.
fn attr_on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// One element event, flattened: `Start` and `Empty` both open an element.
enum Ev<'a> {
    Open {
        tag: Tag,
        local: String,
        start: BytesStart<'a>,
        empty: bool,
    },
    Close {
        tag: Tag,
        local: String,
    },
    Text(String),
    Eof,
}

/// A namespace-aware XML walker that hides the elements under
/// `mc:AlternateContent` choices we do not want (`skip`).
struct Walker<'a> {
    reader: NsReader<&'a [u8]>,
    skip: Tag,
    skipping: usize,
}

impl<'a> Walker<'a> {
    fn new(xml: &'a str, skip: Tag) -> Self {
        let reader = NsReader::from_str(xml);
        Walker {
            reader,
            skip,
            skipping: 0,
        }
    }

    fn err(&self, e: impl std::fmt::Display) -> XmlError {
        XmlError {
            position: self.reader.error_position(),
            message: e.to_string(),
        }
    }

    /// An opened element, or `None` when it starts a skipped subtree.
    fn open(&mut self, ns: Ns, start: BytesStart<'a>, empty: bool) -> Option<Ev<'a>> {
        let local = start.local_name().as_ref().to_owned();
        let tag = tag_of(ns, &local);
        if tag == self.skip {
            if !empty {
                self.skipping = 1;
            }
            return None;
        }
        Some(Ev::Open {
            tag,
            local,
            start,
            empty,
        })
    }

    fn next(&mut self) -> Result<Ev<'a>, XmlError> {
        loop {
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((ns, event)) => (ns_of(&ns), event),
                Err(e) => return Err(self.err(e)),
            };
            if self.skipping > 0 {
                match event {
                    Event::Start(_) => self.skipping += 1,
                    Event::End(_) => self.skipping -= 1,
                    Event::Eof => return Ok(Ev::Eof),
                    _ => {}
                }
                continue;
            }
            let ev = match event {
                Event::Start(start) => match self.open(ns, start, false) {
                    Some(ev) => ev,
                    None => continue,
                },
                Event::Empty(start) => match self.open(ns, start, true) {
                    Some(ev) => ev,
                    None => continue,
                },
                Event::End(end) => {
                    let local = end.local_name().as_ref().to_owned();
                    Ev::Close {
                        tag: tag_of(ns, &local),
                        local,
                    }
                }
                Event::Text(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::CData(t) => Ev::Text(t.xml10_content().into_owned()),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match &*r {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "apos" => '\'',
                            "quot" => '"',
                            other => {
                                return Err(self.err(format!("unknown entity &{other};")));
                            }
                        },
                        Err(e) => return Err(self.err(e)),
                    };
                    Ev::Text(c.to_string())
                }
                Event::Eof => Ev::Eof,
                _ => continue,
            };
            return Ok(ev);
        }
    }
}

/// A paragraph of `document.xml`: its text and numbering properties.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<i64>,
    /// `w:outlineLvl` set on the paragraph itself.
    outline_lvl: Option<i64>,
}

/// Reads the paragraphs of `document.xml`, in document order of their ends.
fn parse_document(xml: &str) -> Result<Vec<Para>, XmlError> {
    let mut w = Walker::new(xml, Tag::McFallback);
    let mut out = Vec::new();
    let mut stack: Vec<Para> = Vec::new();
    // Depth inside elements whose content is ignored (tracked deletions,
    // property change records).
    let mut ignored = 0usize;
    let mut in_ppr = false;
    let mut in_numpr = false;
    let mut in_t = false;
    loop {
        match w.next()? {
            Ev::Eof => break,
            Ev::Open {
                tag, empty, local, ..
            } if ignored > 0 => {
                let _ = (tag, local);
                if !empty {
                    ignored += 1;
                }
            }
            Ev::Close { .. } if ignored > 0 => ignored -= 1,
            Ev::Text(_) if ignored > 0 => {}
            Ev::Open {
                tag: Tag::W,
                local,
                start,
                empty,
            } => match local.as_str() {
                "pPrChange" | "rPrChange" | "moveFrom" | "del" | "instrText" | "delText" if !empty => {
                    ignored = 1;
                }
                "p" => {
                    if empty {
                        out.push(Para::default());
                    } else {
                        stack.push(Para::default());
                    }
                }
                "pPr" if !empty => in_ppr = true,
                "numPr" if in_ppr && !empty => in_numpr = true,
                "pStyle" if in_ppr => {
                    if let Some(p) = stack.last_mut() {
                        p.style = attr(&start, "val");
                    }
                }
                "numId" if in_numpr => {
                    if let Some(p) = stack.last_mut() {
                        p.num_id = attr(&start, "val").map(|v| v.trim().to_owned());
                    }
                }
                "ilvl" if in_numpr => {
                    if let Some(p) = stack.last_mut() {
                        p.ilvl = attr_num(&start, "val");
                    }
                }
                "outlineLvl" if in_ppr => {
                    if let Some(p) = stack.last_mut() {
                        p.outline_lvl = attr_num(&start, "val");
                    }
                }
                "t" if !in_ppr && !empty => in_t = true,
                "tab" | "ptab" if !in_ppr => push_text(&mut stack, "\t"),
                "br" | "cr" if !in_ppr => push_text(&mut stack, "\n"),
                "noBreakHyphen" if !in_ppr => push_text(&mut stack, "-"),
                _ => {}
            },
            Ev::Close {
                tag: Tag::W, local, ..
            } => match local.as_str() {
                "p" => {
                    if let Some(p) = stack.pop() {
                        out.push(p);
                    }
                    in_ppr = false;
                    in_numpr = false;
                    in_t = false;
                }
                "pPr" => {
                    in_ppr = false;
                    in_numpr = false;
                }
                "numPr" => in_numpr = false,
                "t" => in_t = false,
                _ => {}
            },
            Ev::Text(t) if in_t => push_text(&mut stack, &t),
            _ => {}
        }
    }
    Ok(out)
}

fn push_text(stack: &mut [Para], s: &str) {
    if let Some(p) = stack.last_mut() {
        p.text.push_str(s);
    }
}

/// What a paragraph style says about numbering and outline level.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct StyleDef {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<i64>,
    /// Outline level from the style's name or id (heading 1 / 标题 1 → 0).
    heading: Option<i64>,
    /// `w:outlineLvl` of the style's paragraph properties.
    outline_lvl: Option<i64>,
}

/// The outline level a style name or id stands for: `heading 1`…`heading 9`
/// (Word's built-in names, any case, ids like `Heading1`) and `标题 1`…`标题 9`.
fn heading_level(name: &str) -> Option<i64> {
    let name: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let digit = name
        .strip_prefix("heading")
        .or_else(|| name.strip_prefix("标题"))?;
    let n: i64 = digit.parse().ok()?;
    (1..=9).contains(&n).then_some(n - 1)
}

/// An outline level as a heading level: 0…8; 9 is body text.
fn outline_level(v: i64) -> Option<u8> {
    u8::try_from(v).ok().filter(|&v| v < 9)
}

/// Paragraph styles of `styles.xml`, as far as numbering and outline levels go.
#[derive(Debug, Default)]
struct Styles {
    styles: HashMap<String, StyleDef>,
    default_paragraph: Option<String>,
}

impl Styles {
    fn parse(xml: &str) -> Result<Self, XmlError> {
        let mut w = Walker::new(xml, Tag::McChoice);
        let mut styles = Styles::default();
        let mut current: Option<(String, StyleDef)> = None;
        let mut in_ppr = false;
        let mut in_numpr = false;
        loop {
            match w.next()? {
                Ev::Eof => break,
                Ev::Open {
                    tag: Tag::W,
                    local,
                    start,
                    empty,
                } => match local.as_str() {
                    "style" => {
                        let paragraph = attr(&start, "type").is_none_or(|t| t == "paragraph");
                        let id = attr(&start, "styleId");
                        if let (true, Some(id)) = (paragraph, id) {
                            if attr(&start, "default").is_some_and(|v| v == "1" || v == "true") {
                                styles.default_paragraph = Some(id.clone());
                            }
                            if !empty {
                                let def = StyleDef {
                                    heading: heading_level(&id),
                                    ..StyleDef::default()
                                };
                                current = Some((id, def));
                            }
                        }
                    }
                    "basedOn" => {
                        if let Some((_, def)) = current.as_mut() {
                            def.based_on = attr(&start, "val");
                        }
                    }
                    "name" => {
                        if let Some((_, def)) = current.as_mut()
                            && let Some(level) = attr(&start, "val").as_deref().and_then(heading_level)
                        {
                            def.heading = Some(level);
                        }
                    }
                    "outlineLvl" if in_ppr => {
                        if let Some((_, def)) = current.as_mut() {
                            def.outline_lvl = attr_num(&start, "val");
                        }
                    }
                    "pPr" if !empty => in_ppr = true,
                    "numPr" if in_ppr && !empty => in_numpr = true,
                    "numId" if in_numpr => {
                        if let Some((_, def)) = current.as_mut() {
                            def.num_id = attr(&start, "val").map(|v| v.trim().to_owned());
                        }
                    }
                    "ilvl" if in_numpr => {
                        if let Some((_, def)) = current.as_mut() {
                            def.ilvl = attr_num(&start, "val");
                        }
                    }
                    _ => {}
                },
                Ev::Close {
                    tag: Tag::W, local, ..
                } => match local.as_str() {
                    "style" => {
                        if let Some((id, def)) = current.take() {
                            styles.styles.insert(id, def);
                        }
                        in_ppr = false;
                        in_numpr = false;
                    }
                    "pPr" => {
                        in_ppr = false;
                        in_numpr = false;
                    }
                    "numPr" => in_numpr = false,
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(styles)
    }

    /// The numbering a style gives through its `w:basedOn` chain:
    /// the nearest `numId` and the nearest `ilvl`.
    fn numbering(&self, id: &str) -> (Option<String>, Option<i64>) {
        let mut num_id = None;
        let mut ilvl = None;
        let mut next = Some(id);
        // Bounded walk: a cycle of basedOn must not loop forever.
        for _ in 0..16 {
            let Some(def) = next.and_then(|id| self.styles.get(id)) else {
                break;
            };
            num_id = num_id.or_else(|| def.num_id.clone());
            ilvl = ilvl.or(def.ilvl);
            if num_id.is_some() && ilvl.is_some() {
                break;
            }
            next = def.based_on.as_deref();
        }
        (num_id, ilvl)
    }

    /// The outline level a style gives through its `w:basedOn` chain: the
    /// nearest `w:outlineLvl`, or a heading style's level (heading 1 → 0).
    fn outline_level(&self, id: &str) -> Option<u8> {
        let mut next = Some(id);
        for _ in 0..16 {
            let def = next.and_then(|id| self.styles.get(id))?;
            if let Some(v) = def.outline_lvl {
                return outline_level(v);
            }
            if let Some(v) = def.heading {
                return outline_level(v);
            }
            next = def.based_on.as_deref();
        }
        None
    }
}

/// What Word puts between a marker and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Level {
    start: i64,
    format: String,
    text: String,
    suffix: Suffix,
    legal: bool,
    restart: Option<i64>,
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Self {
        Level {
            start: 1,
            format: "decimal".to_owned(),
            text: String::new(),
            suffix: Suffix::Tab,
            legal: false,
            restart: None,
            style: None,
        }
    }
}

/// `w:abstractNum`: the levels of a list.
#[derive(Debug, Default, Clone)]
struct AbstractNum {
    levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels live in a numbering style's list.
    style_link: Option<String>,
}

/// `w:lvlOverride` of a `w:num`.
#[derive(Debug, Default, Clone)]
struct LevelOverride {
    start: Option<i64>,
    level: Option<Level>,
}

/// `w:num`: a list instance pointing at an abstract definition.
#[derive(Debug, Default, Clone)]
struct Num {
    abstract_id: String,
    overrides: [Option<LevelOverride>; LEVELS],
}

impl Num {
    fn has_overrides(&self) -> bool {
        self.overrides.iter().any(Option::is_some)
    }
}

/// The definitions of `numbering.xml`.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, AbstractNum>,
    nums: HashMap<String, Num>,
}

fn level_index(v: Option<i64>) -> Option<usize> {
    v.and_then(|v| usize::try_from(v).ok()).filter(|&i| i < LEVELS)
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, XmlError> {
        // Newer Word writes `w:numFmt w:val="custom"` in an mc:Choice with a
        // plain format in mc:Fallback: read the fallback.
        let mut w = Walker::new(xml, Tag::McChoice);
        let mut numbering = Numbering::default();
        let mut abs: Option<(String, AbstractNum)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut override_ilvl: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            match w.next()? {
                Ev::Eof => break,
                Ev::Open {
                    tag: Tag::W,
                    local,
                    start,
                    empty,
                } => match local.as_str() {
                    "abstractNum" if !empty => {
                        let id = attr(&start, "abstractNumId").unwrap_or_default();
                        abs = Some((id.trim().to_owned(), AbstractNum::default()));
                    }
                    "num" if !empty => {
                        let id = attr(&start, "numId").unwrap_or_default();
                        num = Some((id.trim().to_owned(), Num::default()));
                    }
                    "abstractNumId" => {
                        if let Some((_, n)) = num.as_mut() {
                            n.abstract_id = attr(&start, "val").unwrap_or_default().trim().to_owned();
                        }
                    }
                    "lvlOverride" if !empty => {
                        override_ilvl = level_index(attr_num(&start, "ilvl"));
                        if let (Some((_, n)), Some(i)) = (num.as_mut(), override_ilvl) {
                            n.overrides[i] = Some(LevelOverride::default());
                        }
                    }
                    "startOverride" => {
                        if let (Some((_, n)), Some(i)) = (num.as_mut(), override_ilvl)
                            && let Some(o) = n.overrides[i].as_mut()
                        {
                            o.start = attr_num(&start, "val");
                        }
                    }
                    "lvl" if !empty => {
                        let i = level_index(attr_num(&start, "ilvl"));
                        level = i.map(|i| (i, Level::default()));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr_num(&start, "val").unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(&start, "val").unwrap_or_else(|| "decimal".to_owned());
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(&start, "val").unwrap_or_default();
                        }
                    }
                    "suff" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.suffix = match attr(&start, "val").as_deref() {
                                Some("space") => Suffix::Space,
                                Some("nothing") => Suffix::Nothing,
                                _ => Suffix::Tab,
                            };
                        }
                    }
                    "isLgl" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.legal = attr_on(&start);
                        }
                    }
                    "lvlRestart" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.restart = attr_num(&start, "val");
                        }
                    }
                    "pStyle" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.style = attr(&start, "val");
                        }
                    }
                    "numStyleLink" => {
                        if let Some((_, a)) = abs.as_mut() {
                            a.style_link = attr(&start, "val");
                        }
                    }
                    _ => {}
                },
                Ev::Close {
                    tag: Tag::W, local, ..
                } => match local.as_str() {
                    "lvl" => {
                        if let Some((i, l)) = level.take() {
                            if let Some((_, o)) = override_ilvl
                                .zip(num.as_mut())
                                .and_then(|(oi, (_, n))| n.overrides[oi].as_mut().map(|o| (oi, o)))
                            {
                                o.level = Some(l);
                            } else if let Some((_, a)) = abs.as_mut() {
                                a.levels[i] = Some(l);
                            }
                        }
                    }
                    "lvlOverride" => override_ilvl = None,
                    "abstractNum" => {
                        if let Some((id, a)) = abs.take() {
                            numbering.abstracts.insert(id, a);
                        }
                    }
                    "num" => {
                        if let Some((id, n)) = num.take() {
                            numbering.nums.insert(id, n);
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        Ok(numbering)
    }

    /// The abstract definition of a list, following one `w:numStyleLink`.
    fn abstract_of(&self, num: &Num, styles: &Styles) -> Option<(&str, &AbstractNum)> {
        let (id, abs) = self.abstracts.get_key_value(&num.abstract_id)?;
        if let Some(link) = &abs.style_link {
            let (linked_num, _) = styles.numbering(link);
            if let Some(target) = linked_num
                .and_then(|n| self.nums.get(&n))
                .and_then(|n| self.abstracts.get_key_value(&n.abstract_id))
            {
                return Some((target.0.as_str(), target.1));
            }
        }
        Some((id.as_str(), abs))
    }
}

/// Where the counters of a list live.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ListKey {
    Abstract(String),
    Num(String),
}

/// Running counters of every list met so far.
#[derive(Debug, Default)]
struct ListState {
    counters: HashMap<ListKey, [Option<i64>; LEVELS]>,
}

impl ListState {
    /// Advances the paragraph's list and renders its marker, if it has one.
    fn marker(&mut self, para: &Para, numbering: &Numbering, styles: &Styles) -> Option<String> {
        let style_id = para.style.as_deref().or(styles.default_paragraph.as_deref());
        let (style_num, style_ilvl) = style_id.map(|s| styles.numbering(s)).unwrap_or_default();
        let num_id = para.num_id.clone().or(style_num)?;
        let num = numbering.nums.get(&num_id)?;
        let (abs_id, abs) = numbering.abstract_of(num, styles)?;
        let ilvl = para
            .ilvl
            .or(style_ilvl)
            .and_then(|v| level_index(Some(v)))
            .or_else(|| {
                // A level tied to the paragraph's style (w:lvl/w:pStyle).
                let s = style_id?;
                abs.levels
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| l.style.as_deref()) == Some(s))
            })
            .unwrap_or(0);
        let levels: [Option<&Level>; LEVELS] = std::array::from_fn(|i| {
            num.overrides[i]
                .as_ref()
                .and_then(|o| o.level.as_ref())
                .or(abs.levels[i].as_ref())
        });
        let start_of = |i: usize| -> i64 {
            num.overrides[i]
                .as_ref()
                .and_then(|o| o.start)
                .or(levels[i].map(|l| l.start))
                .unwrap_or(1)
        };
        let level = levels[ilvl]?;
        let key = if num.has_overrides() {
            ListKey::Num(num_id)
        } else {
            ListKey::Abstract(abs_id.to_owned())
        };
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        counters[ilvl] = Some(match counters[ilvl] {
            Some(v) => v.saturating_add(1),
            None => start_of(ilvl),
        });
        for (k, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            // w:lvlRestart n (1-based): restart when a level up to n advances;
            // 0: never restart. Default: restart when any higher level advances.
            let restart = levels[k].and_then(|l| l.restart);
            if restart.is_none_or(|n| n > 0 && (ilvl as i64) < n) {
                *counter = None;
            }
        }
        let mut marker = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let referenced = match (c, chars.peek()) {
                ('%', Some(d)) => d.to_digit(10).filter(|d| (1..=9).contains(d)),
                _ => None,
            };
            match referenced {
                Some(d) => {
                    chars.next();
                    let i = d as usize - 1;
                    let value = counters[i].unwrap_or_else(|| start_of(i));
                    let format = match levels[i] {
                        Some(_) if level.legal && i != ilvl => "decimal",
                        Some(l) => l.format.as_str(),
                        None => "decimal",
                    };
                    marker.push_str(&format_number(value, format));
                }
                None if level.format == "bullet" && ('\u{f000}'..='\u{f0ff}').contains(&c) => {
                    // Symbol-font bullets live in the private use area.
                    marker.push('•');
                }
                None => marker.push(c),
            }
        }
        if marker.is_empty() {
            return None;
        }
        let ends_in_punctuation = marker
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
        if level.suffix != Suffix::Nothing && !ends_in_punctuation {
            marker.push(' ');
        }
        Some(marker)
    }
}

/// Renders `n` in a `w:numFmt` format, as Word shows it; unknown formats
/// and values a format cannot show fall back to decimal.
fn format_number(n: i64, format: &str) -> String {
    let decimal = || n.to_string();
    let from_table = |table: &[char]| {
        usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| table.get(i))
            .map_or_else(decimal, |c| c.to_string())
    };
    let from_ranges = |ranges: &[(i64, i64, u32)]| {
        ranges
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&n))
            .and_then(|(lo, _, base)| char::from_u32(base + (n - lo) as u32))
            .map_or_else(decimal, |c| c.to_string())
    };
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xff10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
            from_ranges(&[(1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32b1)])
        }
        "decimalEnclosedParen" => from_ranges(&[(1, 20, 0x2474)]),
        "decimalEnclosedFullstop" => from_ranges(&[(1, 20, 0x2488)]),
        "ideographEnclosedCircle" => from_ranges(&[(1, 10, 0x3280)]),
        "ideographTraditional" => from_table(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']),
        "ideographZodiac" => from_table(&[
            '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
        ]),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, &COUNTING).unwrap_or_else(decimal),
        "chineseLegalSimplified" => chinese(n, &LEGAL_SIMPLIFIED).unwrap_or_else(decimal),
        "ideographLegalTraditional" => chinese(n, &LEGAL_TRADITIONAL).unwrap_or_else(decimal),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" if n >= 0 => n
            .to_string()
            .chars()
            .map(|c| c.to_digit(10).map_or(c, |d| COUNTING.digits[d as usize]))
            .collect(),
        "upperLetter" | "lowerLetter" if n >= 1 => {
            let i = (n - 1) as u64;
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = char::from(base + (i % 26) as u8);
            let times = usize::try_from(i / 26 + 1).unwrap_or(1).min(64);
            std::iter::repeat_n(letter, times).collect()
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "ordinal" if n >= 0 => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => decimal(),
    }
}

/// Digits and units of a Chinese numeral system.
struct Numerals {
    digits: [char; 10],
    units: [char; 4],
    /// Whether 10–19 drop the leading 一 (十一, not 一十一).
    short_teens: bool,
}

const COUNTING: Numerals = Numerals {
    digits: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
    units: ['十', '百', '千', '万'],
    short_teens: true,
};

const LEGAL_SIMPLIFIED: Numerals = Numerals {
    digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '万'],
    short_teens: false,
};

const LEGAL_TRADITIONAL: Numerals = Numerals {
    digits: ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'],
    units: ['拾', '佰', '仟', '萬'],
    short_teens: false,
};

/// `n` (0..10^8) as a Chinese numeral: 十一, 二十, 一百零一, 一万零五.
fn chinese(n: i64, sys: &Numerals) -> Option<String> {
    if !(0..100_000_000).contains(&n) {
        return None;
    }
    if n == 0 {
        return Some(sys.digits[0].to_string());
    }
    // Zero inside a number is written 零 in counting numerals too.
    let zero = if sys.digits[0] == '〇' {
        '零'
    } else {
        sys.digits[0]
    };
    let section = |n: i64, out: &mut String| {
        let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let units = [Some(sys.units[2]), Some(sys.units[1]), Some(sys.units[0]), None];
        let mut started = false;
        let mut pending_zero = false;
        for (d, unit) in digits.into_iter().zip(units) {
            if d == 0 {
                pending_zero |= started;
                continue;
            }
            if pending_zero {
                out.push(zero);
                pending_zero = false;
            }
            out.push(sys.digits[d as usize]);
            out.extend(unit);
            started = true;
        }
    };
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        section(high, &mut out);
        out.push(sys.units[3]);
        if low > 0 && low < 1000 {
            out.push(zero);
        }
    }
    if low > 0 {
        section(low, &mut out);
    }
    if sys.short_teens && (10..20).contains(&n) {
        out.remove(0);
    }
    Some(out)
}

fn roman(mut n: i64) -> String {
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// Builds a `.docx` (a zip) from `(part name, content)` pairs.
    pub(crate) fn build_zip(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .expect("start zip entry");
            zip.write_all(content.as_bytes()).expect("write zip entry");
        }
        zip.finish().expect("finish zip").into_inner()
    }

    /// Wraps paragraphs' XML in a `w:document`.
    pub(crate) fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W_NS}" xmlns:mc="{MC_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
        )
    }

    /// A paragraph with text runs, numbered by `num` = `(numId, ilvl)`.
    pub(crate) fn para(text: &str, num: Option<(u32, u32)>) -> String {
        let ppr = num.map_or(String::new(), |(id, lvl)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        format!(r#"<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    /// `numbering.xml` with one abstract list (levels `(numFmt, lvlText)`) used by numId 1.
    pub(crate) fn numbering(levels: &[(&str, &str)]) -> String {
        let lvls: String = levels
            .iter()
            .enumerate()
            .map(|(i, (fmt, text))| {
                format!(
                    r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"#
                )
            })
            .collect();
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        )
    }

    fn text_of(parts: &[(&str, &str)]) -> Result<String> {
        docx_text(&build_zip(parts), Path::new("t.docx"), &ReadOptions::default())
    }

    const GOV_LEVELS: [(&str, &str); 4] = [
        ("chineseCounting", "%1、"),
        ("chineseCounting", "（%2）"),
        ("decimal", "%3."),
        ("decimal", "（%4）"),
    ];

    #[test]
    fn paragraphs_become_lines() {
        let doc = document(&(para("同志们：", None) + &para("下面，我讲几点意见。", None)));
        assert_eq!(
            text_of(&[("word/document.xml", &doc)]).unwrap(),
            "同志们：\n下面，我讲几点意见。\n"
        );
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        let doc = document(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>
<w:r><w:t>一是</w:t></w:r><w:r><w:tab/><w:t>A&amp;B &lt;c&gt; &#x4E8C;</w:t></w:r><w:r><w:br/><w:t>次行</w:t></w:r>
<w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del>
<w:ins><w:r><w:t>增</w:t></w:r></w:ins></w:p><w:p/>"#,
        );
        assert_eq!(
            text_of(&[("word/document.xml", &doc)]).unwrap(),
            "一是\tA&B <c> 二\n次行增\n\n",
            "tab stops in pPr are not text; instrText and deletions are dropped"
        );
    }

    #[test]
    fn alternate_content_is_read_once() {
        let doc = document(
            r#"<w:p><w:r><w:t>前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            text_of(&[("word/document.xml", &doc)]).unwrap(),
            "框\n前后\n",
            "text box paragraph comes out once, before its anchor paragraph"
        );
    }

    #[test]
    fn automatic_numbering_renders_government_markers() {
        let body = [
            para("总体要求", Some((1, 0))),
            para("加强领导。正文。", Some((1, 1))),
            para("抓好落实。", Some((1, 2))),
            para("细化分工。", Some((1, 3))),
            para("压实责任。", Some((1, 3))),
            para("完善制度。", Some((1, 2))),
            para("强化保障。", Some((1, 1))),
            para("抓紧推进。", Some((1, 2))),
            para("主要任务", Some((1, 0))),
            para("无编号段落。", None),
            para("深化改革。", Some((1, 1))),
        ]
        .concat();
        let text = text_of(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering(&GOV_LEVELS)),
        ])
        .unwrap();
        assert_eq!(
            text,
            "一、总体要求\n（一）加强领导。正文。\n1.抓好落实。\n（1）细化分工。\n（2）压实责任。\n\
             2.完善制度。\n（二）强化保障。\n1.抓紧推进。\n二、主要任务\n无编号段落。\n（一）深化改革。\n",
            "lower levels restart when a higher one advances"
        );
    }

    #[test]
    fn compound_lvl_text_and_start_and_legal() {
        let numbering_xml = format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="7">
<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1章"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
        );
        let body = [
            para("总则", Some((4, 0))),
            para("目的", Some((4, 1))),
            para("依据", Some((4, 1))),
        ]
        .concat();
        let text = text_of(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering_xml),
        ])
        .unwrap();
        assert_eq!(text, "第三章 总则\n3.1 目的\n3.2 依据\n");
    }

    #[test]
    fn start_override_restarts_a_list_and_shared_abstract_continues() {
        let numbering_xml = format!(
            r#"<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#
        );
        let body = [
            para("a", Some((1, 0))),
            para("b", Some((2, 0))),
            para("c", Some((3, 0))),
            para("d", Some((3, 0))),
            para("e", Some((1, 0))),
        ]
        .concat();
        let text = text_of(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering_xml),
        ])
        .unwrap();
        assert_eq!(text, "1.a\n2.b\n1.c\n2.d\n3.e\n");
    }

    #[test]
    fn style_numbering_through_based_on() {
        let styles = format!(
            r#"<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#
        );
        let styled = |text: &str, style: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        let body = [
            styled("总体要求", "H1"),
            styled("加强领导", "H2"),
            styled("健全机制", "H2"),
            styled("普通", "Normal"),
            // numId 0 on the paragraph switches numbering off.
            r#"<w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.to_owned(),
            styled("主要任务", "H1"),
        ]
        .concat();
        let text = text_of(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering(&GOV_LEVELS)),
            ("word/styles.xml", &styles),
        ])
        .unwrap();
        assert_eq!(
            text,
            "一、总体要求\n（一）加强领导\n（二）健全机制\n普通\n不编号\n二、主要任务\n"
        );
    }

    #[test]
    fn heading_styles_and_outline_levels_become_hints() {
        let styles = format!(
            r#"<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="My second"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="wps3"><w:name w:val="标题 3"/></w:style>
<w:style w:type="paragraph" w:styleId="Part"><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Lvl"><w:basedOn w:val="Part"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Heading4"><w:name w:val="heading 4"/></w:style>
</w:styles>"#
        );
        let styled = |text: &str, style: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        let body = [
            styled("甲", "1"),
            styled("乙", "Heading2"),
            styled("丙", "wps3"),
            styled("丁", "Part"),
            styled("戊", "Lvl"),
            styled("己", "Body"),
            styled("庚", "a"),
            para("辛", None),
            styled("壬", "Heading4"),
            r#"<w:p><w:pPr><w:pStyle w:val="a"/><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>癸</w:t></w:r></w:p>"#.to_owned(),
            r#"<w:p><w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>子</w:t></w:r></w:p>"#.to_owned(),
            styled("丑", "1"),
        ]
        .concat();
        let bytes = build_zip(&[
            ("word/document.xml", &document(&body)),
            ("word/styles.xml", &styles),
        ]);
        let read = docx_text_with_hints(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap();
        let got: Vec<(&str, u8)> = read
            .headings
            .iter()
            .map(|h| (h.span.slice(&read.text), h.level))
            .collect();
        assert_eq!(
            got,
            [
                ("甲", 0), // name "heading 1" (Chinese Word's id is "1")
                ("乙", 1), // id Heading2
                ("丙", 2), // WPS name 标题 3
                ("丁", 0), // basedOn a heading style
                ("戊", 1), // the nearest outlineLvl wins over the base's
                ("癸", 2), // outlineLvl on the paragraph
                ("丑", 0),
            ],
            "outlineLvl 9 is body text; character styles and Normal are no headings"
        );
    }

    #[test]
    fn heading_hints_span_the_rendered_marker() {
        let styles = format!(
            r#"<w:styles xmlns:w="{W_NS}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>"#
        );
        let body = [
            para("前言", None),
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>总体要求</w:t></w:r></w:p>"#
                .to_owned(),
        ]
        .concat();
        let bytes = build_zip(&[
            ("word/document.xml", &document(&body)),
            ("word/numbering.xml", &numbering(&GOV_LEVELS)),
            ("word/styles.xml", &styles),
        ]);
        let read = docx_text_with_hints(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap();
        assert_eq!(read.text, "前言\n一、总体要求\n");
        assert_eq!(
            read.headings,
            [HeadingHint {
                span: Span::new(7, 7 + "一、总体要求".len()),
                level: 0
            }]
        );
        assert_eq!(
            docx_text(&bytes, Path::new("h.docx"), &ReadOptions::default()).unwrap(),
            read.text
        );
    }

    #[test]
    fn number_formats() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCountingThousand", "十一"),
            (20, "japaneseCounting", "二十"),
            (21, "chineseCounting", "二十一"),
            (100, "chineseCounting", "一百"),
            (101, "chineseCounting", "一百零一"),
            (110, "chineseCounting", "一百一十"),
            (10005, "chineseCounting", "一万零五"),
            (10, "chineseLegalSimplified", "壹拾"),
            (3, "chineseLegalSimplified", "叁"),
            (2, "ideographTraditional", "乙"),
            (11, "ideographTraditional", "11"),
            (10, "ideographDigital", "一〇"),
            (1, "ideographEnclosedCircle", "㊀"),
            (1, "decimalEnclosedCircle", "①"),
            (20, "decimalEnclosedCircleChinese", "⑳"),
            (21, "decimalEnclosedCircle", "㉑"),
            (50, "decimalEnclosedCircle", "㊿"),
            (51, "decimalEnclosedCircle", "51"),
            (1, "decimalEnclosedParen", "⑴"),
            (2, "decimalEnclosedFullstop", "⒉"),
            (12, "decimalFullWidth", "１２"),
            (3, "decimalZero", "03"),
            (28, "lowerLetter", "bb"),
            (1, "upperLetter", "A"),
            (14, "upperRoman", "XIV"),
            (4, "lowerRoman", "iv"),
            (22, "ordinal", "22nd"),
            (5, "none", ""),
            (7, "somethingNew", "7"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} as {fmt}");
        }
    }

    #[test]
    fn bullets_keep_their_glyph() {
        let text = text_of(&[
            ("word/document.xml", &document(&para("要点", Some((1, 0))))),
            ("word/numbering.xml", &numbering(&[("bullet", "\u{f0b7}")])),
        ])
        .unwrap();
        assert_eq!(text, "•要点\n");
    }

    #[test]
    fn not_a_zip_is_a_docx_error() {
        let e = docx_text(b"hello", Path::new("x.docx"), &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, Error::Docx { .. }), "{e:?}");
        assert!(e.to_string().starts_with("x.docx: not a readable .docx"), "{e}");
    }

    #[test]
    fn missing_document_part_is_an_error() {
        let e = text_of(&[("word/other.xml", "<a/>")]).unwrap_err();
        assert!(e.to_string().contains("word/document.xml is missing"), "{e}");
    }

    #[test]
    fn malformed_xml_is_an_error_with_offset() {
        let e = text_of(&[("word/document.xml", "<w:document><w:body></w:document>")]).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("word/document.xml: malformed XML at byte offset"),
            "{msg}"
        );
    }

    #[test]
    fn oversized_part_is_refused() {
        let big = document(&para(&"一".repeat(10_000), None));
        let bytes = build_zip(&[("word/document.xml", &big)]);
        let opts = ReadOptions {
            max_entry_size: 1000,
            ..ReadOptions::default()
        };
        let e = docx_text(&bytes, Path::new("big.docx"), &opts).unwrap_err();
        assert!(
            matches!(e, Error::Limit { limit: 1000, .. }),
            "should refuse a part past the entry limit: {e:?}"
        );
        let opts = ReadOptions {
            max_decompressed_size: 1000,
            ..ReadOptions::default()
        };
        let e = docx_text(&bytes, Path::new("big.docx"), &opts).unwrap_err();
        assert!(
            matches!(e, Error::Limit { limit: 1000, .. }),
            "should refuse past the total limit: {e:?}"
        );
    }

    #[test]
    fn zip_bomb_stops_at_the_limit() {
        // 8 MiB of spaces compresses to a few KiB; the reader must stop at 1 MiB.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..8 {
            zip.write_all(&chunk).unwrap();
        }
        let bytes = zip.finish().unwrap().into_inner();
        assert!(bytes.len() < 1 << 20);
        let opts = ReadOptions {
            max_entry_size: 1 << 20,
            ..ReadOptions::default()
        };
        let e = docx_text(&bytes, Path::new("bomb.docx"), &opts).unwrap_err();
        assert!(matches!(e, Error::Limit { .. }), "{e:?}");
    }

    #[test]
    fn utf16_xml_part_is_read() {
        let doc = document(&para("一是", None));
        let mut bytes = vec![0xff, 0xfe];
        for u in doc.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/document.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(&bytes).unwrap();
        let z = zip.finish().unwrap().into_inner();
        // The XML declaration says UTF-8 but the BOM wins.
        assert_eq!(
            docx_text(&z, Path::new("u.docx"), &ReadOptions::default()).unwrap(),
            "一是\n"
        );
    }
}
