//! `word/document.xml`: its paragraphs, with their text and properties.

use super::xml::{Ev, PartError, Tag, Walker, attr, attr_num};

/// A paragraph of `document.xml`: its text and numbering properties.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Para {
    pub(super) text: String,
    pub(super) style: Option<String>,
    pub(super) num_id: Option<String>,
    pub(super) ilvl: Option<i64>,
    /// `w:outlineLvl` set on the paragraph itself.
    pub(super) outline_lvl: Option<i64>,
}

/// How deep paragraphs may nest (a text box in a paragraph holds
/// paragraphs): Word documents nest two or three deep.
pub(super) const MAX_NESTING: usize = 64;

/// Reads the paragraphs of `document.xml`, giving each to `out` in document
/// order of their ends; at most `max_paragraphs` of them.
pub(super) fn parse_document(
    xml: &str,
    max_paragraphs: u64,
    out: &mut impl FnMut(Para) -> Result<(), PartError>,
) -> Result<(), PartError> {
    let mut w = Walker::new(xml, Tag::McFallback);
    let mut stack: Vec<Para> = Vec::new();
    let mut count = 0u64;
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
                    count += 1;
                    if count > max_paragraphs {
                        return Err(PartError::Limit {
                            what: "paragraph count".to_owned(),
                            limit: max_paragraphs,
                            unit: "paragraphs",
                        });
                    }
                    if empty {
                        out(Para::default())?;
                    } else if stack.len() >= MAX_NESTING {
                        return Err(PartError::Invalid(format!(
                            "paragraphs nested more than {MAX_NESTING} deep"
                        )));
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
                        out(p)?;
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
    Ok(())
}

pub(super) fn push_text(stack: &mut [Para], s: &str) {
    if let Some(p) = stack.last_mut() {
        p.text.push_str(s);
    }
}
