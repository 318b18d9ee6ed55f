//! Rules on how ordinals are written: delimiters, punctuation after simple
//! ordinals, single items and widths.

use super::sequence::{read_marker, renumbered};
use super::{Collect, Rule};
use crate::ast::{Children, Document, Marker, MarkerStyle, Node};
use crate::span::Span;
use std::collections::HashMap;

/// The delimiter of each marker, as written.
pub(super) fn delimiters(doc: &Document<'_>, out: &mut Collect) {
    let source = doc.source();
    for (_, node) in doc.walk() {
        let Some(m) = node.marker() else { continue };
        let text = m.text.trim_end();
        let last = text.chars().last().unwrap_or(' ');
        let fix: Option<(String, &str)> = match m.style {
            MarkerStyle::Dun if last != '、' => {
                Some((format!("{}、", text.trim_end_matches(last)), "GB/T 9704 7.3.3"))
            }
            MarkerStyle::Dot if matches!(last, '、' | ')' | '）') => {
                Some((format!("{}.", text.trim_end_matches(last)), "GB/T 9704 7.3.3"))
            }
            MarkerStyle::ParenHan | MarkerStyle::ParenDigit if !matches!(last, ')' | '）') => Some((
                text.trim_end_matches(last).to_string(),
                "no punctuation after a bracketed ordinal, GB/T 15834 B.3.4",
            )),
            MarkerStyle::Ordinal | MarkerStyle::Qi | MarkerStyle::Sequence if last == '、' => {
                Some((format!("{}，", text.trim_end_matches(last)), "GB/T 15834 B.3.1"))
            }
            // 第一 with no delimiter at all.
            MarkerStyle::Ordinal if crate::numerals::digit(last).is_some() => {
                Some((format!("{text}，"), "GB/T 15834 B.3.1"))
            }
            MarkerStyle::Circled | MarkerStyle::ParenNumber | MarkerStyle::ParenIdeograph => {
                // The parser keeps no punctuation in these markers; look after them.
                let after = source.get(m.span.end..).unwrap_or("");
                if let Some(p) = after.chars().next().filter(|c| matches!(c, '、' | '．' | '.')) {
                    let span = Span::new(m.span.start, m.span.end + p.len_utf8());
                    out.push(
                        Rule::NonStandardDelimiter,
                        span,
                        format!(
                            "write {} instead of {}{p} (no punctuation after a bracketed ordinal, GB/T 15834 B.3.4)",
                            text, text
                        ),
                    );
                }
                None
            }
            _ => None,
        };
        if let Some((right, why)) = fix {
            out.push(
                Rule::NonStandardDelimiter,
                m.span,
                format!("write {right} instead of {text} ({why})"),
            );
        }
    }
}

/// Punctuation after a simple, narrative ordinal (GB/T 15834 B.3.7): 一是，
/// 二要， 第一是，. The parser keeps no punctuation in these markers; look
/// after them.
pub(super) fn punctuation_after_ordinals(doc: &Document<'_>, out: &mut Collect) {
    let source = doc.source();
    for (_, node) in doc.walk() {
        let Some(m) = node.marker() else { continue };
        let simple = match m.style {
            MarkerStyle::Shi | MarkerStyle::Yao => true,
            MarkerStyle::Ordinal | MarkerStyle::Qi => m.text.ends_with('是'),
            _ => false,
        };
        if !simple {
            continue;
        }
        let after = source.get(m.span.end..).unwrap_or("");
        let Some(p) = after
            .chars()
            .next()
            .filter(|c| matches!(c, '，' | ',' | '：' | ':' | '、'))
        else {
            continue;
        };
        let span = Span::new(m.span.start, m.span.end + p.len_utf8());
        out.push(
            Rule::PunctuationAfterOrdinal,
            span,
            format!(
                "write {} instead of {}{p} (no punctuation after a simple ordinal, GB/T 15834 B.3.7)",
                m.text, m.text
            ),
        );
    }
}

/// 首先是， 其次是， 再次是， 最后是，: sequence words with 是 are simple
/// ordinals too (B.3.7), but the parser reads 首先 其次 only with their
/// comma. Read here, where they start a sentence or a line, in documents
/// that use at least two of them so.
pub(super) fn sequence_words_with_shi(source: &str, out: &mut Collect) {
    const WORDS: [&str; 4] = ["首先是", "其次是", "再次是", "最后是"];
    let mut hits: Vec<(usize, &str, char)> = Vec::new();
    let mut words_used = 0;
    for word in WORDS {
        let mut used = false;
        for (at, _) in source.match_indices(word) {
            let starts = source[..at]
                .trim_end_matches([' ', '\t', '\u{3000}'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '\n' | '\r') || crate::parse::text::is_boundary(c));
            if !starts {
                continue;
            }
            used = true;
            if let Some(p) = source[at + word.len()..]
                .chars()
                .next()
                .filter(|c| matches!(c, '，' | ',' | '：' | ':' | '、'))
            {
                hits.push((at, word, p));
            }
        }
        words_used += usize::from(used);
    }
    if words_used < 2 {
        return;
    }
    for (at, word, p) in hits {
        out.push(
            Rule::PunctuationAfterOrdinal,
            Span::new(at, at + word.len() + p.len_utf8()),
            format!(
                "write {word} instead of {word}{p} (no punctuation after a simple ordinal, GB/T 15834 B.3.7)"
            ),
        );
    }
}

/// Heading ordinals with no sibling of their style under their parent: a
/// list of one. Only markers under a heading (a document's outermost 一、
/// alone is more often an excerpt cut short than a list of one), at a line
/// start with a heading's text, not 第一条 (articles are numbered through the
/// whole statute), and not already reported otherwise (a level out of order
/// explains itself).
pub(super) fn single_items(doc: &Document<'_>, out: &mut Collect) {
    out.sort_so_far();
    // Each list with whether it is under a heading.
    let heading = |nested: bool, _, node: Node<'_, '_>| {
        nested || matches!(node, Node::Section(s) if s.marker().is_some() || s.heading().evidence.unnumbered)
    };
    super::lists_depth_first(
        doc,
        false,
        |children, nested| single_items_in(doc, children, nested, out),
        heading,
    );
}

/// [`single_items`] among `children`, a list under a heading if `nested`.
fn single_items_in<'d>(doc: &'d Document<'_>, children: Children<'d, '_>, nested: bool, out: &mut Collect) {
    if !nested {
        return;
    }
    let mut by_style: HashMap<MarkerStyle, (usize, Option<Node<'_, '_>>)> = HashMap::new();
    // Lines of text that start with an ordinal the parser left as text
    // (1. with no 2.): style → (count, span and text of the first).
    let mut as_text: HashMap<MarkerStyle, (usize, Span, &str, u32)> = HashMap::new();
    for node in children {
        if let Node::Section(s) = node
            && let Some(m) = s.marker()
        {
            let e = by_style.entry(m.style).or_insert((0, Some(node)));
            e.0 += 1;
        }
        if let Node::Paragraph(p) = node
            && (p.span.start == 0 || doc.source()[..p.span.start].ends_with('\n'))
            && let Some((span, text, style, value)) = text_ordinal(p.text, p.span.start)
        {
            as_text.entry(style).or_insert((0, span, text, value)).0 += 1;
        }
    }
    for (style, (count, span, text, value)) in as_text {
        if count != 1 || value != 1 || by_style.contains_key(&style) || out.reported(span) {
            continue;
        }
        out.push(
            Rule::SingleItem,
            span,
            format!(
                "{text} has no sibling: number a list of one item not at all, or add {}",
                renumbered(text, 1, 2)
            ),
        );
    }
    for (count, node) in by_style.into_values() {
        let Some(Node::Section(s)) = node else { continue };
        let Some(m) = s.marker() else { continue };
        // A statute numbers its articles through the whole text: a
        // chapter holding only 第一条 is no list of one.
        if count != 1
            || m.value != 1
            || m.style == MarkerStyle::Article
            || s.heading().evidence.run_in
            || s.heading().title.is_empty()
            || out.reported(m.span)
        {
            continue;
        }
        out.push(
            Rule::SingleItem,
            m.span,
            format!(
                "{} has no sibling: number a list of one item not at all, or add {}",
                m.text.trim(),
                renumbered(m.text.trim(), 1, 2)
            ),
        );
    }
}

/// A list ordinal (1. （1） ① ⑴ ⒈) at the start of a line of text that
/// begins at `start`, with text after it: its span, text, style and value.
pub(super) fn text_ordinal(line: &str, start: usize) -> Option<(Span, &str, MarkerStyle, u32)> {
    let body = line.trim_start_matches([' ', '\t', '\u{3000}']);
    let (text, style, value) = read_marker(body)?;
    let listy = matches!(
        style,
        MarkerStyle::Dot
            | MarkerStyle::ParenDigit
            | MarkerStyle::Circled
            | MarkerStyle::ParenNumber
            | MarkerStyle::DigitStop
    );
    if !listy || body[text.len()..].trim().is_empty() {
        return None;
    }
    let at = start + (line.len() - body.len());
    Some((Span::new(at, at + text.len()), text, style, value))
}

/// Width of one feature of a marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Width {
    Full,
    Half,
    Mixed,
}

impl Width {
    fn name(self) -> &'static str {
        match self {
            Width::Full => "full-width",
            Width::Half => "half-width",
            Width::Mixed => "mixed-width",
        }
    }
}

pub(super) fn width_of(chars: impl Iterator<Item = char>) -> Option<Width> {
    let mut w = None;
    for c in chars {
        let this = if (c as u32) < 0x80 {
            Width::Half
        } else {
            Width::Full
        };
        w = match w {
            None => Some(this),
            Some(prev) if prev == this => Some(prev),
            Some(_) => Some(Width::Mixed),
        };
    }
    w
}

/// The features of a marker whose width can vary: brackets, digits, the dot.
pub(super) fn width_features(m: &Marker<'_>) -> Vec<(&'static str, Width)> {
    let text = m.text.trim();
    let mut out = Vec::new();
    let brackets = text.chars().filter(|c| matches!(c, '(' | ')' | '（' | '）'));
    let digits = text
        .chars()
        .filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c));
    let dot = text.chars().filter(|c| matches!(c, '.' | '．'));
    match m.style {
        MarkerStyle::ParenHan => out.extend(width_of(brackets).map(|w| ("brackets", w))),
        MarkerStyle::ParenDigit => {
            out.extend(width_of(brackets).map(|w| ("brackets", w)));
            out.extend(width_of(digits).map(|w| ("digits", w)));
        }
        MarkerStyle::Dot => {
            out.extend(width_of(digits).map(|w| ("digits", w)));
            out.extend(width_of(dot).map(|w| ("dot", w)));
        }
        _ => {}
    }
    out
}

/// Full- and half-width forms mixed within one level (one style of the
/// document): the markers that depart from the level's usual form.
pub(super) fn widths(doc: &Document<'_>, out: &mut Collect) {
    // Two walks over the tree rather than a list of its markers, which on
    // text dense with headings would cost more than the tree.
    let markers = || {
        doc.walk()
            .filter_map(|(_, n)| n.marker())
            .filter(|m| m.style.is_heading())
    };
    // (style, feature) -> (count of full, count of half, first seen)
    let mut usual: HashMap<(MarkerStyle, &'static str), (usize, usize, Width)> = HashMap::new();
    for m in markers() {
        for (feature, w) in width_features(&m) {
            let e = usual.entry((m.style, feature)).or_insert((0, 0, w));
            match w {
                Width::Full => e.0 += 1,
                Width::Half => e.1 += 1,
                Width::Mixed => {}
            }
        }
    }
    for m in markers() {
        let mut odd = Vec::new();
        for (feature, w) in width_features(&m) {
            let Some(&(full, half, first)) = usual.get(&(m.style, feature)) else {
                continue;
            };
            let majority = if full > half {
                Width::Full
            } else if half > full {
                Width::Half
            } else {
                first
            };
            if w == Width::Mixed {
                odd.push(format!("mixed-width {feature}"));
            } else if w != majority && majority != Width::Mixed {
                odd.push(format!(
                    "{} {feature} where the level uses {}",
                    w.name(),
                    majority.name()
                ));
            }
        }
        if !odd.is_empty() {
            out.push(
                Rule::MixedWidth,
                m.span,
                format!("{}: {}", m.text.trim(), odd.join(", ")),
            );
        }
    }
}
