//! What Markdown and HTML inputs share: their headings' levels order the
//! numbered sections they mark.
//!
//! The parser takes a marked heading that starts with a marker as a section
//! of that marker's style, and places it by its numbering. A source whose
//! headings say more than the numbering (a `### 第一节` under `## 第三章`,
//! followed by `第十二条` paragraphs) puts the numbered text after such a
//! heading under it: the sections that follow a marked, numbered heading
//! as its siblings, are not marked headings themselves and are of a style
//! ranked below its style (GB/T 9704 order, [`MarkerStyle::standard_rank`])
//! become its children, with the text between them.

use std::borrow::Cow;

use crate::ast::{Document, NodeData, NodeKind, Nodes};
use crate::{HeadingHint, Span};

/// The caller's hints and an input's own, sorted by start (hints at one
/// start keep that order): the input's slice itself when the caller gave
/// none and it is sorted, as an input's hints are, so that a document
/// marking a heading every few bytes does not hold its hints twice.
pub(crate) fn merged_hints<'h>(callers: &'h [HeadingHint], own: &'h [HeadingHint]) -> Cow<'h, [HeadingHint]> {
    if callers.is_empty() && own.is_sorted_by_key(|h| h.span().start) {
        return Cow::Borrowed(own);
    }
    let mut hints = Vec::with_capacity(callers.len() + own.len());
    hints.extend_from_slice(callers);
    hints.extend_from_slice(own);
    hints.sort_by_key(|h| h.span().start);
    Cow::Owned(hints)
}

/// Moves the sections a marked heading holds under it (see the module's
/// notes). `hints` are in the document's source, sorted by start.
///
/// The tree is stored in document order, and the siblings a section takes
/// stand right after its subtree: taking them is extending its subtree over
/// them, and nothing moves.
pub(crate) fn nest_under_headings(doc: &mut Document<'_>, hints: &[HeadingHint]) {
    if hints.is_empty() {
        return;
    }
    let nodes = &mut doc.nodes;
    // Only a node on a marked heading's line takes siblings: which they
    // are, found once (node starts and hints are both in order).
    let marked = Marked::of(nodes, hints);
    // Each list of children once the lists below it are done: a node's
    // descendants stand after it, so parents are taken from the last.
    for parent in (0..nodes.len()).rev() {
        let end = nodes.next(parent);
        if end > parent + 1 {
            nest_list(nodes, parent + 1..end, &marked);
        }
    }
    let all = 0..nodes.len();
    nest_list(nodes, all, &marked);
}

/// Which nodes start on a marked heading's line, a bit a node.
struct Marked(Vec<u64>);

impl Marked {
    /// The nodes that start on a marked heading's line (a hint's span, or
    /// its start when it is empty: the last hint starting at or before the
    /// node decides). `hints` are sorted by start, as node starts are.
    fn of(nodes: &Nodes, hints: &[HeadingHint]) -> Marked {
        let mut bits = vec![0u64; nodes.len().div_ceil(64)];
        let mut h = 0;
        let mut last = 0;
        for id in 0..nodes.len() {
            let at = nodes.start(id).map_or(0, |s| s as usize);
            debug_assert!(at >= last, "node starts in order");
            last = at;
            while hints.get(h + 1).is_some_and(|n| n.span().start <= at) {
                h += 1;
            }
            let on = hints.get(h).is_some_and(|m| {
                let Span { start, end } = m.span();
                start <= at && at < end.max(start + 1)
            });
            if let (true, Some(w)) = (on, bits.get_mut(id / 64)) {
                *w |= 1 << (id % 64);
            }
        }
        Marked(bits)
    }

    /// Whether the node at `id` starts on a marked heading's line.
    fn has(&self, id: usize) -> bool {
        self.0.get(id / 64).is_some_and(|w| w >> (id % 64) & 1 == 1)
    }
}

/// The style rank of a numbered section's marker.
fn numbered_rank(n: &NodeData) -> Option<u8> {
    (n.kind == NodeKind::Section && n.marker().is_some()).then(|| n.marker_style().standard_rank())
}

/// Moves the sections each marked heading of the sibling list `list` (the
/// nodes from its first up to its end, stepping over subtrees) holds under
/// it, the siblings' own children already done (see the module's notes).
fn nest_list(nodes: &mut Nodes, list: std::ops::Range<usize>, marked: &Marked) {
    let end = list.end;
    let mut i = list.start;
    while i < end {
        // Only a marked, numbered section followed by a lower one can hold
        // it.
        if !marked.has(i) {
            i = nodes.next(i);
            continue;
        }
        let n = nodes.at(i);
        let after = n.next as usize;
        let Some(rank) = numbered_rank(&n) else {
            i = after;
            continue;
        };
        let lower = |t: &NodeData| numbered_rank(t).is_some_and(|r| r > rank);
        let mut k = after;
        while k < end && !matches!(nodes.at(k).kind, NodeKind::Section | NodeKind::Furniture) {
            k = nodes.next(k);
        }
        if !(k < end && lower(&nodes.at(k))) {
            i = after;
            continue;
        }
        // The run of siblings it holds: up to its last lower section.
        let mut taken_to = after;
        let mut k = after;
        while k < end {
            let t = nodes.at(k);
            match t.kind {
                NodeKind::Section => {
                    if !lower(&t) || marked.has(k) {
                        break;
                    }
                    taken_to = t.next as usize;
                }
                NodeKind::Furniture => break,
                NodeKind::Point | NodeKind::Paragraph => {}
            }
            k = t.next as usize;
        }
        if taken_to > after {
            let level = i64::from(n.level) + 1;
            let mut k = after;
            let mut last_end = n.end;
            while k < taken_to {
                let t = nodes.at(k);
                if t.kind == NodeKind::Section {
                    relevel(nodes, k, level - i64::from(t.level));
                }
                last_end = last_end.max(t.end);
                k = t.next as usize;
            }
            nodes.set(
                i,
                NodeData {
                    next: taken_to as u32,
                    end: last_end,
                    ..n
                },
            );
            i = taken_to;
        } else {
            i = after;
        }
    }
}

/// Moves the section at `id` and the sections under it (not those under
/// its points) `delta` levels, to no higher than level 1.
fn relevel(nodes: &mut Nodes, id: usize, delta: i64) {
    let end = nodes.at(id).next as usize;
    let mut k = id;
    while let Some(n) = nodes.get(k).filter(|_| k < end) {
        if n.kind == NodeKind::Section {
            let level = u8::try_from((i64::from(n.level) + delta).max(1)).unwrap_or(u8::MAX);
            nodes.set(k, NodeData { level, ..n });
            k += 1;
        } else {
            k = n.next as usize;
        }
    }
}

#[cfg(all(test, feature = "markdown"))]
mod tests {
    use crate::input::parse_markdown;
    use crate::{Node, Options, outline};

    #[test]
    fn articles_after_a_marked_section_nest_under_it() {
        let src = "## 第一章 总则\n\n第一条 为了规范。\n\n## 第二章 仲裁\n\n### 第一节 仲裁员\n\n第二条 应当聘任。\n\n（一）从事工作；\n\n### 第二节 受理\n\n第三条 应当受理。\n\n## 第三章 附则\n\n第四条 施行。\n";
        let doc = parse_markdown(src, &Options::default());
        assert_eq!(
            outline(&doc),
            "第一章\t总则\n  第一条\t为了规范\n第二章\t仲裁\n  第一节\t仲裁员\n    第二条\t应当聘任\n      （一）\t从事工作\n  第二节\t受理\n    第三条\t应当受理\n第三章\t附则\n  第四条\t施行\n"
        );
        let levels: Vec<(u32, &str)> = doc
            .walk()
            .filter_map(|(_, n)| match n {
                Node::Section(s) => Some((s.level(), s.marker().map_or("", |m| m.text))),
                _ => None,
            })
            .collect();
        assert!(
            levels.contains(&(3, "第二条")) && levels.contains(&(4, "（一）")),
            "{levels:?}"
        );
        assert_eq!(doc.leaves().map(|(_, t)| t).collect::<String>(), src);
    }

    #[test]
    fn sections_of_the_same_or_a_higher_style_stay_siblings() {
        let src = "## 一、总体要求\n\n正文。\n\n二、主要任务\n\n正文。\n";
        let doc = parse_markdown(src, &Options::default());
        assert_eq!(outline(&doc), "一、\t总体要求\n二、\t主要任务\n");
    }
}

/// Characters of the CJK ranges (ideographs, their punctuation, the
/// full-width forms).
#[cfg(any(feature = "html", feature = "markdown"))]
pub(crate) fn is_cjk(c: char) -> bool {
    ('\u{2e80}'..='\u{9fff}').contains(&c)
        || ('\u{f900}'..='\u{faff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}
