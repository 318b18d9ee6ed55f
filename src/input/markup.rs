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

use crate::HeadingHint;
use crate::ast::{Document, Node, Section};

/// Moves the sections a marked heading holds under it (see the module's
/// notes). `hints` are in the document's source, sorted by start.
pub(crate) fn nest_under_headings(doc: &mut Document<'_>, hints: &[HeadingHint]) {
    if hints.is_empty() {
        return;
    }
    nest(&mut doc.children, hints);
}

/// Whether a node starting at `at` is on a marked heading's line.
fn marked(hints: &[HeadingHint], at: usize) -> bool {
    let i = hints.partition_point(|h| h.span.start <= at);
    i > 0
        && hints
            .get(i - 1)
            .is_some_and(|h| at < h.span.end.max(h.span.start + 1))
}

fn nest(nodes: &mut Vec<Node<'_>>, hints: &[HeadingHint]) {
    for node in nodes.iter_mut() {
        match node {
            Node::Section(s) => nest(&mut s.children, hints),
            Node::Point(p) => nest(&mut p.children, hints),
            _ => {}
        }
    }
    nest_list(nodes, hints);
}

/// Moves the sections each marked heading of `nodes` holds under it, the
/// nodes' own children already done (see the module's notes).
pub(crate) fn nest_list(nodes: &mut Vec<Node<'_>>, hints: &[HeadingHint]) {
    let mut i = 0;
    while i < nodes.len() {
        // A numbered section followed by a lower one can hold it; only
        // then is it looked up among the marked headings.
        let Some(Node::Section(s)) = nodes.get(i) else {
            i += 1;
            continue;
        };
        let Some(style) = s.marker.as_ref().map(|m| m.style) else {
            i += 1;
            continue;
        };
        let lower = |t: &Section<'_>| {
            t.marker
                .as_ref()
                .is_some_and(|m| m.style.standard_rank() > style.standard_rank())
        };
        let next = nodes
            .iter()
            .skip(i + 1)
            .find(|n| matches!(n, Node::Section(_) | Node::Furniture(_)));
        if !matches!(next, Some(Node::Section(t)) if lower(t)) || !marked(hints, s.span.start) {
            i += 1;
            continue;
        }
        // The run of siblings it holds: up to its last lower section.
        let mut take = 0;
        for (k, next) in nodes.iter().enumerate().skip(i + 1) {
            match next {
                Node::Section(t) => {
                    if !lower(t) || marked(hints, t.span.start) {
                        break;
                    }
                    take = k - i;
                }
                Node::Furniture(_) => break,
                Node::Point(_) | Node::Paragraph(_) | Node::Space(_) => {}
            }
        }
        if take > 0 {
            let moved: Vec<Node<'_>> = nodes.drain(i + 1..=i + take).collect();
            if let Some(Node::Section(s)) = nodes.get_mut(i) {
                let level = s.level + 1;
                for mut node in moved {
                    relevel(&mut node, level);
                    s.span.end = s.span.end.max(node.span().end);
                    s.children.push(node);
                }
            }
        }
        i += 1;
    }
}

/// Puts a section (and its sections) at `level`.
fn relevel(node: &mut Node<'_>, level: u32) {
    let Node::Section(s) = node else {
        return;
    };
    let delta = i64::from(level) - i64::from(s.level);
    let mut stack: Vec<&mut Node<'_>> = vec![node];
    while let Some(n) = stack.pop() {
        if let Node::Section(s) = n {
            s.level = u32::try_from(i64::from(s.level) + delta).unwrap_or(1).max(1);
            stack.extend(s.children.iter_mut());
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
                Node::Section(s) => Some((s.level, s.marker.as_ref().map_or("", |m| m.text))),
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
