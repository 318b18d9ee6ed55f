//! Sequence and level rules: the parser's diagnostics as findings, and
//! numbering read off the tree (mixed styles, levels out of order).

use super::{Collect, Rule};
use crate::ast::{Children, Document, Marker, MarkerStyle, Node};
use crate::diagnostic::{Diagnostic, DiagnosticCode};
use crate::span::Span;
use std::collections::{HashMap, HashSet};

pub(super) fn from_diagnostic(source: &str, d: &Diagnostic<'_>, out: &mut Collect) {
    let rule = Rule::from(d.code);
    if rule == Rule::SkippedOrdinal
        && let Some(prev) = d.related
        && mixed_styles_between(source, prev, d.span, out)
    {
        return;
    }
    if rule == Rule::NotStartingAtOne
        && let Some(message) = dropped_first_item(source, d.span)
    {
        out.push(Rule::SkippedOrdinal, d.span, message);
        return;
    }
    out.push(rule, d.span, d.message.to_string());
}

/// For a sequence that seems to start at `at` (3. with no 1. or 2. taken
/// for markers), the line before it that starts with a lower ordinal of the
/// same style (1., which the parser left as text for want of its 2.): the
/// sequence did start, and skipped. Looks back at most 40 lines, and no
/// further than a line that starts with a marker of another heading style.
pub(super) fn dropped_first_item(source: &str, at: Span) -> Option<String> {
    let text = source.get(at.range())?;
    // Read from the source, not the span: a decimal marker (3) is only one
    // with the space after it.
    let (_, style, value) = read_marker(source.get(at.start..)?)?;
    let before = source.get(..at.start)?;
    let before = &before[..before.rfind('\n').map_or(0, |i| i + 1)];
    for line in before.lines().rev().take(40) {
        let body = line.trim_start_matches([' ', '\t', '\u{3000}']);
        let Some((prev, other, w)) = read_marker(body) else {
            continue;
        };
        if other != style {
            if other.is_heading() {
                return None;
            }
            continue;
        }
        if w >= value || body[prev.len()..].trim().is_empty() {
            return None;
        }
        return Some(format!(
            "expected {} after {}, found {}",
            renumbered(prev, w, w + 1),
            prev.trim(),
            text.trim()
        ));
    }
    None
}

/// A marker read at the start of `text`, as the parser reads one: its text,
/// style and value.
pub(super) fn read_marker(text: &str) -> Option<(&str, MarkerStyle, u32)> {
    let raw = crate::parse::marker::marker(text)?;
    let len = usize::from(raw.len);
    Some((text.get(..len)?, raw.style, u32::from(raw.value)))
}

/// `text` (an ordinal as written, of value `from`) with its numeral written
/// for `to`: （二） → （三）, 2. → 3..
pub(super) fn renumbered(text: &str, from: u32, to: u32) -> String {
    let han = crate::numerals::chinese(from);
    if !han.is_empty() && text.contains(&han) {
        return text.replacen(&han, &crate::numerals::chinese(to), 1);
    }
    // A decimal path (4.1 → 4.2): its last component.
    if let Some(dot) = text.rfind('.')
        && text[dot + 1..] == from.to_string()
    {
        return format!("{}{to}", &text[..=dot]);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits == from.to_string() {
        return text.replacen(&digits, &to.to_string(), 1);
    }
    format!("no. {to}")
}

/// Between the marker at `prev` and the one at `next` of the same style
/// (whose values skip), the lines that start with a marker of another style
/// carrying exactly the missing values (⑶ between （二） and （四）): each is
/// reported as `mixed-style`. Whether they were found (and the gap is thus
/// explained).
pub(super) fn mixed_styles_between(source: &str, prev: Span, next: Span, out: &mut Collect) -> bool {
    let (Some(prev_text), Some(next_text)) = (source.get(prev.range()), source.get(next.range())) else {
        return false;
    };
    let (Some((_, style, from)), Some((_, next_style, to))) =
        (read_marker(prev_text), read_marker(next_text))
    else {
        return false;
    };
    if style != next_style || to <= from + 1 {
        return false;
    }
    let mut want = from + 1;
    let mut odd = Vec::new();
    let mut at = prev.end;
    for line in source
        .get(prev.end..next.start)
        .unwrap_or("")
        .split_inclusive('\n')
    {
        let line_at = at;
        at += line.len();
        if line_at == prev.end {
            // The rest of the line of `prev`.
            continue;
        }
        let body = line.trim_start_matches([' ', '\t', '\u{3000}']);
        let Some((text, other, value)) = read_marker(body) else {
            continue;
        };
        let after = body[text.len()..].trim();
        if other == style
            || !other.is_heading()
            || (other.is_decimal() && style.is_decimal())
            || value != want
            || after.is_empty()
        {
            continue;
        }
        let start = line_at + (line.len() - body.len());
        odd.push((Span::new(start, start + text.len()), text, value));
        want += 1;
    }
    if want != to {
        return false;
    }
    for (span, text, value) in odd {
        out.push(
            Rule::MixedStyle,
            span,
            format!(
                "write {} instead of {text}: the level is numbered {} {}",
                renumbered(prev_text, from, value),
                prev_text.trim(),
                next_text.trim()
            ),
        );
    }
    true
}

/// Rank for the order of levels. ㈠ is a typographic form of （一） and ⑴ of
/// （1）, so they share their rank.
pub(super) fn level_rank(style: MarkerStyle) -> u8 {
    match style {
        MarkerStyle::ParenIdeograph => MarkerStyle::ParenHan.standard_rank(),
        MarkerStyle::ParenNumber => MarkerStyle::ParenDigit.standard_rank(),
        MarkerStyle::DigitStop => MarkerStyle::Dot.standard_rank(),
        s => s.standard_rank(),
    }
}

/// Restarts among sibling sections, and levels out of order.
pub(super) fn sequences_and_levels(doc: &Document<'_>, out: &mut Collect) {
    // Each list with the index of its nearest enclosing section with a
    // marker (`None` for none).
    let enclosing = |enclosing: Option<usize>, at: usize, node: Node<'_, '_>| match node {
        Node::Section(s) if s.marker().is_some() => Some(at),
        _ => enclosing,
    };
    super::lists_depth_first(
        doc,
        None,
        |children, at| sequences_in(doc, children, at, out),
        enclosing,
    );
}

/// [`sequences_and_levels`] among `children`, whose nearest enclosing
/// section with a marker is at `enclosing`.
fn sequences_in<'d>(
    doc: &'d Document<'_>,
    children: Children<'d, '_>,
    enclosing: Option<usize>,
    out: &mut Collect,
) {
    let parent = enclosing.and_then(|at| doc.marker_at(at));
    let mut last_of_style: HashMap<MarkerStyle, Marker<'_>> = HashMap::new();
    // The lowest level (highest rank) met so far in this unit, and where.
    let mut lowest: Option<Marker<'_>> = None;
    let mut reported_back: HashSet<MarkerStyle> = HashSet::new();
    for node in children.clone() {
        let section_marker = match node {
            Node::Section(s) => s.marker(),
            _ => None,
        };
        if let Some(m) = section_marker {
            let nested = parent
                .filter(|p| level_rank(m.style) < level_rank(p.style))
                .map(|p| {
                    format!(
                        "{} is nested under {}: the standard order is 一、 （一） 1. （1）",
                        m.text.trim(),
                        p.text.trim()
                    )
                });
            let back = lowest
                .filter(|low| level_rank(m.style) < level_rank(low.style))
                .map(|low| {
                    format!(
                        "{} comes after the lower-level {} in the same unit (GB/T 15834 B.3.8)",
                        m.text.trim(),
                        low.text.trim()
                    )
                });
            if let Some(message) = nested.or(back)
                && reported_back.insert(m.style)
            {
                out.push(Rule::LevelOrder, m.span, message);
            }
            if lowest.is_none_or(|low| level_rank(m.style) > level_rank(low.style)) {
                lowest = Some(m);
            }
            if let Some(prev) = last_of_style.get(&m.style) {
                sibling_sequence(doc.source(), prev, &m, out);
            }
            last_of_style.insert(m.style, m);
        }
    }
    trailing_mixed_styles(children, out);
}

/// The last section of each style among `children`: a line of its text
/// that starts with a marker of another heading style carrying the next
/// value (（二） then ⑶ at the end of the list, with no （三） after it) is
/// reported as `mixed-style`.
pub(super) fn trailing_mixed_styles(children: Children<'_, '_>, out: &mut Collect) {
    let mut last: HashMap<MarkerStyle, Node<'_, '_>> = HashMap::new();
    for node in children {
        if let Node::Section(s) = node
            && let Some(m) = s.marker()
            && m.style.is_heading()
        {
            last.insert(m.style, node);
        }
    }
    for node in last.into_values() {
        let Node::Section(s) = node else { continue };
        let Some(m) = s.marker() else { continue };
        for child in s.children() {
            let Node::Paragraph(p) = child else { continue };
            let body = p.text.trim_start_matches([' ', '\t', '\u{3000}']);
            let Some((text, other, value)) = read_marker(body) else {
                continue;
            };
            if other == m.style
                || !other.is_heading()
                || (other.is_decimal() && m.style.is_decimal())
                || value != m.value + 1
                || body[text.len()..].trim().is_empty()
            {
                continue;
            }
            let start = p.span.start + (p.text.len() - body.len());
            out.push(
                Rule::MixedStyle,
                Span::new(start, start + text.len()),
                format!(
                    "write {} instead of {text}: the level is numbered {}",
                    renumbered(m.text.trim(), m.value, value),
                    m.text.trim()
                ),
            );
            break;
        }
    }
}

/// Two consecutive sections of one style under the same parent.
pub(super) fn sibling_sequence(source: &str, prev: &Marker<'_>, m: &Marker<'_>, out: &mut Collect) {
    if out.diagnostics.has_at(
        m.span,
        &[
            DiagnosticCode::SkippedOrdinal,
            DiagnosticCode::DuplicateOrdinal,
            DiagnosticCode::NotStartingAtOne,
        ],
        out.nodes,
    ) {
        return;
    }
    if let Some(message) = decimal_under_another(prev, m) {
        out.push(Rule::SkippedOrdinal, m.span, message);
        return;
    }
    if m.value == 1 && appendix_between(source, prev.span.end, m.span.start) {
        // An appendix (附件) numbers its items afresh.
        return;
    }
    if m.value <= prev.value {
        let what = if m.value == 1 && prev.value > 1 {
            "restarts"
        } else {
            "repeats"
        };
        out.push(
            Rule::DuplicateOrdinal,
            m.span,
            format!("{} {what} the sequence after {}", m.text.trim(), prev.text.trim()),
        );
    } else if m.value > prev.value + 1 && !mixed_styles_between(source, prev.span, m.span, out) {
        out.push(
            Rule::SkippedOrdinal,
            m.span,
            format!(
                "{} follows {}: {} skipped",
                m.text.trim(),
                prev.text.trim(),
                if m.value == prev.value + 2 {
                    "one ordinal"
                } else {
                    "ordinals"
                }
            ),
        );
    }
}

/// Two decimal numbers in one list whose paths part (2.1 after 1.2 under
/// 1): the number that should have opened the new branch (2) is missing.
pub(super) fn decimal_under_another(prev: &Marker<'_>, m: &Marker<'_>) -> Option<String> {
    if !m.style.is_decimal() {
        return None;
    }
    let (before, _) = prev.text.rsplit_once('.')?;
    let (path, _) = m.text.rsplit_once('.')?;
    (before != path).then(|| {
        format!(
            "{} follows {}: {path} skipped (expected {} or {path} before it)",
            m.text,
            prev.text,
            renumbered(prev.text, prev.value, prev.value + 1)
        )
    })
}

/// Whether a line between `from` and `to` starts an appendix (附件, 附录, 附表).
pub(super) fn appendix_between(source: &str, from: usize, to: usize) -> bool {
    source.get(from..to).unwrap_or("").lines().skip(1).any(|line| {
        let line = line.trim_start();
        ["附件", "附录", "附表"].iter().any(|p| line.starts_with(p))
    })
}
