//! A namespace-aware walk over the XML of a part, and its errors.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{MC_NS, W_NS, W_NS_STRICT};
use crate::error::Error;

/// A malformed XML part, before the file and part names are known.
pub(super) struct XmlError {
    /// Byte offset of the error in the part.
    pub(super) offset: usize,
    /// 1-based line of that byte.
    pub(super) line: usize,
    /// 1-based column (in characters) of that byte.
    pub(super) column: usize,
    pub(super) message: String,
}

impl XmlError {
    /// An error at byte `offset` of `xml`.
    fn at(xml: &[u8], offset: usize, message: String) -> Self {
        let before = xml.get(..offset).unwrap_or(xml);
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        // Characters, not bytes: count the bytes that start a UTF-8 sequence.
        let column = 1 + before[line_start..].iter().filter(|&&b| b & 0xc0 != 0x80).count();
        XmlError {
            offset: before.len(),
            line: 1 + memchr::memchr_iter(b'\n', before).count(),
            column,
            message,
        }
    }
}

/// What goes wrong inside one part, before the file and part names are known.
pub(super) enum PartError {
    /// Malformed XML.
    Xml(XmlError),
    /// Well-formed, but not what a `.docx` may hold.
    Invalid(String),
    /// Past a limit of [`ReadOptions`]; `what` reads after the part's name.
    Limit {
        what: String,
        limit: u64,
        unit: &'static str,
    },
}

impl From<XmlError> for PartError {
    fn from(e: XmlError) -> Self {
        PartError::Xml(e)
    }
}

impl PartError {
    pub(super) fn into_error(self, part: &str) -> Error {
        match self {
            PartError::Xml(e) => Error::Docx {
                path: None,
                reason: format!(
                    "{part}:{}:{}: malformed XML (byte offset {} of the part): {}",
                    e.line, e.column, e.offset, e.message
                ),
            },
            PartError::Invalid(reason) => Error::Docx {
                path: None,
                reason: format!("{part}: {reason}"),
            },
            PartError::Limit { what, limit, unit } => Error::Limit {
                path: None,
                what: format!("{part}: {what}"),
                limit,
                unit,
            },
        }
    }
}

/// The elements this module cares about, by namespace and local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
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
pub(super) enum Ns {
    W,
    Mc,
    Other,
}

pub(super) fn ns_of(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(n) if n.0 == W_NS || n.0 == W_NS_STRICT => Ns::W,
        ResolveResult::Bound(n) if n.0 == MC_NS => Ns::Mc,
        _ => Ns::Other,
    }
}

/// Classifies an element, telling `mc:Choice` and `mc:Fallback` apart.
pub(super) fn tag_of(ns: Ns, local: &str) -> Tag {
    match (ns, local) {
        (Ns::W, _) => Tag::W,
        (Ns::Mc, "Choice") => Tag::McChoice,
        (Ns::Mc, "Fallback") => Tag::McFallback,
        _ => Tag::Other,
    }
}

/// The value of the attribute with local name `name` (any prefix), unescaped.
pub(super) fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
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
pub(super) fn attr_num(e: &BytesStart<'_>, name: &str) -> Option<i64> {
    attr(e, name).and_then(|v| v.trim().parse().ok())
}

/// `w:val` of an on/off property: present without a value, or not false.
pub(super) fn attr_on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off" | "none"))
}

/// One element event, flattened: `Start` and `Empty` both open an element.
pub(super) enum Ev<'a> {
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
pub(super) struct Walker<'a> {
    xml: &'a str,
    reader: NsReader<&'a [u8]>,
    skip: Tag,
    skipping: usize,
    /// Elements open, to tell a truncated part from a whole one.
    depth: usize,
    /// Byte offset where the event being read starts.
    event_start: usize,
}

impl<'a> Walker<'a> {
    pub(super) fn new(xml: &'a str, skip: Tag) -> Self {
        let reader = NsReader::from_str(xml);
        Walker {
            xml,
            reader,
            skip,
            skipping: 0,
            depth: 0,
            event_start: 0,
        }
    }

    /// An error of the XML reader, where it found it.
    fn reader_err(&self, e: &quick_xml::Error) -> XmlError {
        // The reader's own words, without its category ("syntax error: ",
        // "ill-formed document: "), which "malformed XML" already says.
        let message = match e {
            quick_xml::Error::Syntax(e) => e.to_string(),
            quick_xml::Error::IllFormed(e) => e.to_string(),
            e => e.to_string(),
        };
        let offset = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
        XmlError::at(self.xml.as_bytes(), offset, message)
    }

    /// An error in the event being read (an unknown entity), at its start.
    fn event_err(&self, message: String) -> XmlError {
        XmlError::at(self.xml.as_bytes(), self.event_start, message)
    }

    /// An opened element, or `None` when it starts a skipped subtree.
    pub(super) fn open(&mut self, ns: Ns, start: BytesStart<'a>, empty: bool) -> Option<Ev<'a>> {
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

    pub(super) fn next(&mut self) -> Result<Ev<'a>, XmlError> {
        loop {
            self.event_start = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
            let (ns, event) = match self.reader.read_resolved_event() {
                Ok((ns, event)) => (ns_of(&ns), event),
                Err(e) => return Err(self.reader_err(&e)),
            };
            match event {
                Event::Start(_) => self.depth += 1,
                Event::End(_) => self.depth = self.depth.saturating_sub(1),
                Event::Eof if self.depth > 0 => {
                    return Err(XmlError::at(
                        self.xml.as_bytes(),
                        self.xml.len(),
                        "the part ends before its elements are closed (truncated?)".to_owned(),
                    ));
                }
                _ => {}
            }
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
                                return Err(self.event_err(format!("unknown entity `&{other};`")));
                            }
                        },
                        Err(e) => return Err(self.event_err(e.to_string())),
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
