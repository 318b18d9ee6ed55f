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

use crate::Options;
use crate::ast::Document;
use crate::span::Span;

pub(crate) fn parse<'a>(src: &'a str, options: &Options) -> Document<'a> {
    let items = furniture::detect(src);
    let cands = scan::candidates(src, 0..src.len());
    let mut parts = parts::annexes(src);
    parts.extend(parts::own_line_titles(src, &cands, &items));
    parts.sort_by_key(|p| p.start);
    parts.dedup_by_key(|p| p.start);
    let long = text::long_lines(src);
    let succ = build::successors(&cands);
    let list_starts: Vec<usize> = cands
        .iter()
        .zip(&succ)
        .filter(|(c, s)| !c.raw.style.is_heading() && c.raw.value == 1 && s.is_some())
        .map(|(c, _)| c.start)
        .collect();
    let run_in = parts::run_in_titles(src, |at| long.iter().any(|r| r.contains(&at)), &list_starts);
    let (children, diagnostics) =
        build::Builder::new(src, options).build(&cands, &items, &parts, &run_in, &succ);
    Document {
        source: src,
        span: Span::new(0, src.len()),
        children,
        diagnostics,
    }
}
