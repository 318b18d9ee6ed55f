//! The parser, in named passes:
//!
//! 0. `furniture`: page boilerplate, title, byline, salutation, closing;
//! 1. `scan`: candidate markers where a marker can stand (`marker` reads one);
//! 2. `build`: decide which candidates continue a sequence and build the tree
//!    with a stack, inferring heading ends (`heading`).

mod build;
mod furniture;
mod heading;
mod infer;
pub(crate) mod marker;
mod parts;
mod scan;
pub(crate) mod text;

use crate::ast::Document;
use crate::span::Span;
use crate::{HeadingHint, Options};
use scan::{Candidate, Position};
use text::trim_blank;

pub(crate) fn parse<'a>(src: &'a str, options: &Options) -> Document<'a> {
    let items = furniture::detect(src);
    let cands = scan::candidates(src);
    let long = text::long_lines(src);
    let succ = build::successors(&cands);
    let list_starts: Vec<usize> = cands
        .iter()
        .enumerate()
        .filter(|&(i, c)| !c.raw.style.is_heading() && c.value() == 1 && succ.get(i).is_some())
        .map(|(_, c)| c.start())
        .collect();
    let mut parts = parts::annexes(src);
    parts.extend(parts::run_in_annexes(src, &long));
    parts.extend(parts::own_line_titles(src, &cands, &items));
    let mut run_in = parts::run_in_titles(src, &long, &list_starts);
    for (part, level) in hinted_parts(src, &options.heading_hints, &cands, &items) {
        // The source's outline level overrides what the text's shape said.
        if level == 0 {
            run_in.retain(|p| p.start != part.start);
            parts.push(part);
        } else {
            parts.retain(|p| p.start != part.start);
            run_in.push(part);
        }
    }
    parts.sort_by_key(|p| p.start);
    parts.dedup_by_key(|p| p.start);
    run_in.sort_by_key(|p| p.start);
    run_in.dedup_by_key(|p| p.start);
    let (children, diagnostics) =
        build::Builder::new(src, options, long).build(&cands, &items, &parts, &run_in, &succ);
    Document {
        source: src,
        span: Span::new(0, src.len()),
        children,
        diagnostics,
    }
}

/// Unnumbered headings the input marks ([`Options::heading_hints`]), with
/// their outline levels: hinted lines with text that do not start with a
/// marker (a marker makes the section anyway) and are not furniture.
fn hinted_parts(
    src: &str,
    hints: &[HeadingHint],
    cands: &[Candidate],
    furniture: &[furniture::Item<'_>],
) -> Vec<(parts::Part, u8)> {
    let mut out = Vec::new();
    for hint in hints {
        let Span { start, end } = hint.span;
        let Some(line) = src.get(start..end) else {
            continue;
        };
        let lead = text::blank_prefix(line);
        let title = trim_blank(line);
        let content = start + lead;
        let first = cands.partition_point(|c| c.start() < start);
        let starts_marker = cands
            .get(first)
            .is_some_and(|c| c.start() <= content && c.position == Position::LineStart);
        let in_furniture = furniture
            .iter()
            .any(|f| f.span.start <= content && content < f.span.end);
        if title.is_empty() || starts_marker || in_furniture {
            continue;
        }
        let line_end = src[end..]
            .strip_prefix("\r\n")
            .or_else(|| src[end..].strip_prefix('\n'))
            .map_or(end, |rest| src.len() - rest.len());
        out.push((
            parts::Part {
                start,
                title: Span::new(content, content + title.len()),
                end: line_end,
            },
            hint.level,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{HeadingHint, Options, Span, outline, parse, parse_with};

    fn hinted(text: &str, hints: &[(&str, u8)]) -> String {
        let options = Options {
            heading_hints: hints
                .iter()
                .map(|&(line, level)| {
                    let start = text.find(line).expect("hinted line in text");
                    HeadingHint {
                        span: Span::new(start, start + line.len()),
                        level,
                    }
                })
                .collect(),
            ..Options::default()
        };
        outline(&parse_with(text, &options))
    }

    #[test]
    fn hints_on_marker_lines_and_furniture_change_nothing() {
        let text = "关于加强管理的通知\n各单位：\n一、总体要求。做好工作。\n（一）加强领导。\n二、主要任务。抓好落实。\n";
        let plain = outline(&parse(text));
        assert_eq!(
            hinted(
                text,
                &[
                    ("关于加强管理的通知", 0),
                    ("一、总体要求。", 0),
                    ("（一）加强领导。", 1)
                ]
            ),
            plain
        );
    }

    #[test]
    fn deeper_hints_nest_and_bad_spans_are_ignored() {
        let text = "一、总体要求。做好工作。\n工作目标\n（一）加强领导。\n细则\n1.明确分工。\n2.压实责任。\n二、主要任务。\n";
        assert_eq!(
            hinted(text, &[("工作目标", 1), ("细则", 2)]),
            "一、\t总体要求\n  -\t工作目标\n    （一）\t加强领导\n      -\t细则\n        1.\t明确分工\n        2.\t压实责任\n二、\t主要任务\n"
        );
        let options = Options {
            heading_hints: vec![
                HeadingHint {
                    span: Span::new(1, 4),
                    level: 1,
                },
                HeadingHint {
                    span: Span::new(0, 10_000),
                    level: 0,
                },
            ],
            ..Options::default()
        };
        assert_eq!(outline(&parse_with(text, &options)), outline(&parse(text)));
    }
}
