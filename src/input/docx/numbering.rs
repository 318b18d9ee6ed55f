//! `word/numbering.xml`: list definitions, and the counters that render each
//! numbered paragraph's marker.

use std::collections::HashMap;

use super::LEVELS;
use super::document::Para;
use super::number_format::format_number;
use super::styles::Styles;
use super::xml::{Ev, PartError, Tag, Walker, attr, attr_num, attr_on};

/// What Word puts between a marker and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Suffix {
    #[default]
    Tab,
    Space,
    Nothing,
}

/// One level of a list definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Level {
    pub(super) start: i64,
    pub(super) format: String,
    pub(super) text: String,
    pub(super) suffix: Suffix,
    pub(super) legal: bool,
    pub(super) restart: Option<i64>,
    pub(super) style: Option<String>,
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
pub(super) struct AbstractNum {
    pub(super) levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the levels live in a numbering style's list.
    pub(super) style_link: Option<String>,
}

/// `w:lvlOverride` of a `w:num`.
#[derive(Debug, Default, Clone)]
pub(super) struct LevelOverride {
    pub(super) start: Option<i64>,
    pub(super) level: Option<Level>,
}

/// `w:num`: a list instance pointing at an abstract definition.
#[derive(Debug, Default, Clone)]
pub(super) struct Num {
    pub(super) abstract_id: String,
    pub(super) overrides: [Option<LevelOverride>; LEVELS],
}

impl Num {
    pub(super) fn has_overrides(&self) -> bool {
        self.overrides.iter().any(Option::is_some)
    }
}

/// The definitions of `numbering.xml`.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    pub(super) abstracts: HashMap<String, AbstractNum>,
    pub(super) nums: HashMap<String, Num>,
}

pub(super) fn level_index(v: Option<i64>) -> Option<usize> {
    v.and_then(|v| usize::try_from(v).ok()).filter(|&i| i < LEVELS)
}

impl Numbering {
    /// Parses `numbering.xml`, refusing a number format (`w:lvlText`) of
    /// more than `max_format_len` characters.
    pub(super) fn parse(xml: &str, max_format_len: u64) -> Result<Self, PartError> {
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
                            if l.text.chars().count() as u64 > max_format_len {
                                return Err(PartError::Limit {
                                    what: format!(
                                        "number format (w:lvlText) of {} characters",
                                        l.text.chars().count()
                                    ),
                                    limit: max_format_len,
                                    unit: "characters",
                                });
                            }
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
    pub(super) fn abstract_of(&self, num: &Num, styles: &Styles) -> Option<(&str, &AbstractNum)> {
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
pub(super) enum ListKey {
    Abstract(String),
    Num(String),
}

/// Running counters of every list met so far.
#[derive(Debug, Default)]
pub(super) struct ListState {
    pub(super) counters: HashMap<ListKey, [Option<i64>; LEVELS]>,
}

impl ListState {
    /// Advances the paragraph's list and renders its marker, if it has one.
    pub(super) fn marker(&mut self, para: &Para, numbering: &Numbering, styles: &Styles) -> Option<String> {
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
