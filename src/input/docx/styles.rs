//! `word/styles.xml`: what paragraph styles say about numbering and headings.

use std::collections::HashMap;

use super::xml::{Ev, PartError, Tag, Walker, attr, attr_num};

/// What a paragraph style says about numbering and outline level.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct StyleDef {
    pub(super) based_on: Option<String>,
    pub(super) num_id: Option<String>,
    pub(super) ilvl: Option<i64>,
    /// Outline level from the style's name or id (heading 1 / 标题 1 → 0).
    pub(super) heading: Option<i64>,
    /// `w:outlineLvl` of the style's paragraph properties.
    pub(super) outline_lvl: Option<i64>,
}

/// The outline level a style name or id stands for: `heading 1`…`heading 9`
/// (Word's built-in names, any case, ids like `Heading1`) and `标题 1`…`标题 9`.
pub(super) fn heading_level(name: &str) -> Option<i64> {
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
pub(super) fn outline_level(v: i64) -> Option<u8> {
    u8::try_from(v).ok().filter(|&v| v < 9)
}

/// Paragraph styles of `styles.xml`, as far as numbering and outline levels go.
#[derive(Debug, Default)]
pub(super) struct Styles {
    pub(super) styles: HashMap<String, StyleDef>,
    pub(super) default_paragraph: Option<String>,
}

impl Styles {
    pub(super) fn parse(xml: &str) -> Result<Self, PartError> {
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
    pub(super) fn numbering(&self, id: &str) -> (Option<String>, Option<i64>) {
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
    pub(super) fn outline_level(&self, id: &str) -> Option<u8> {
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
