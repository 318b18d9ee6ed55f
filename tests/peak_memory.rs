//! Output is written as a stream: the peak memory of `--format json`,
//! `jsonl` and `csv` is that of the outline (the tree and a buffer), not
//! the tree plus the whole rendered output. Measured as the child's maximum
//! resident set size with GNU time; no time is measured. `scripts/peak-memory`
//! prints the ratios to the input's size.

use std::path::Path;
use std::process::Command;

/// The child's peak resident set size in KiB, through `/usr/bin/time`;
/// the child must succeed.
fn peak_kib(args: &[&str], dir: &Path) -> u64 {
    let (peak, success) = peak_kib_any_status(args, dir);
    assert!(success, "{args:?} should succeed");
    peak
}

#[test]
fn json_jsonl_and_csv_take_no_more_memory_than_the_outline() {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("skipped: /usr/bin/time (GNU time) is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dense.txt");
    // 1 MiB of headings: the rendered JSON is three times the tree.
    std::fs::write(&file, "一、x\n".repeat((1 << 20) / 8)).unwrap();
    let file = file.to_str().unwrap();
    let outline = peak_kib(&[file], dir.path());
    for format in ["json", "jsonl", "csv"] {
        let peak = peak_kib(&["-f", format, file], dir.path());
        assert!(
            peak * 4 <= outline * 5,
            "--format {format} should stream: peak {peak} KiB against {outline} KiB for the outline"
        );
    }
}

/// Issue 19's bound: on text that is nothing but headings, what a
/// megabyte more of input adds to the peak is at most eight megabytes,
/// for the outline and for `lint`.
#[test]
fn heading_dense_text_costs_at_most_eight_times_its_size() {
    peak_slope_at_most("一、x\n", "txt", 8);
}

/// Markdown that is nothing but headings (`## 一、x` and a blank line,
/// every one a numbering fault) is read in pieces, a heading is one node
/// (the blank line is kept in its end) and a hint 8 bytes: a megabyte
/// more adds at most eight to the peak too, for the outline and for `lint`
/// (it was eleven and a half; pulldown-cmark's tree of the whole file took
/// it past seventeen).
#[test]
fn markdown_of_headings_costs_at_most_eight_times_its_size() {
    peak_slope_at_most("## 一、x\n\n", "md", 8);
}

/// ATX headings of four bytes with no blank line between them, at one
/// level and at two: a hinted heading is read from its hint as the tree is
/// built, not listed again (a list of them took 32 bytes a heading, and a
/// list of the ones to add 40: `# x` lines took 24 times the text); a hint
/// is 8 bytes, and the lists of children `lint` reads are walked depth
/// first. Alternating levels also took time growing with the square of
/// the headings (each hint was looked for in the other level's list).
#[test]
fn markdown_headings_with_no_blank_line_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("# x\n", "md", 8);
    peak_slope_at_most("# x\n## y\n", "md", 8);
}

/// A Markdown list with no blank line between its items: a piece may end
/// before an item where the piece ends in a list (the whole list was given
/// to pulldown-cmark at once: `1. x` lines took 36 times the text).
#[test]
fn markdown_lists_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("1. x\n", "md", 8);
    peak_slope_at_most("- x\n", "md", 8);
}

/// Text of one-letter lines: a paragraph a line was a 32-byte node for
/// every 2 bytes (17 times the text); paragraphs back to back are one node
/// now, given back one a line.
#[test]
fn one_letter_lines_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("x\n", "txt", 8);
}

/// Headings of one short line each, with no body: `1.x` lines (4 bytes a
/// heading) took 12.4 times the text and `一、` lines 9.4 (`lint` 11.2)
/// when every node was 32 bytes; a node whose heading and children's text
/// are short is 12 bytes now, and a `lint` finding 8. `一、x` / `1.z` /
/// `2.z` repeated nests each 一、 in the 2. before it, down to the depth
/// limit: 11.1 times (`lint` 12.0) with 32-byte nodes.
#[test]
fn headings_of_four_to_seven_bytes_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("1.x\n2.x\n", "txt", 8);
    peak_slope_at_most("一、\n", "txt", 8);
    peak_slope_at_most("一、x\n1.z\n2.z\n", "txt", 8);
}

/// Markdown whose blocks cannot be cut into pieces and are dense in
/// markup: a paragraph of code spans with no line break, a block quote of
/// one-line paragraphs, setext headings with no blank line. pulldown-cmark's
/// tree of such a block took 36, 13 and 31 times the text; a block whose
/// marks of markup would take its tree over six times the file is read as
/// plain text (and reported as `markup-as-text`).
#[test]
fn markdown_too_dense_in_markup_costs_at_most_eight_times_its_size() {
    peak_slope_at_most("`x`", "md", 8);
    peak_slope_at_most("> 一、x\n", "md", 8);
    peak_slope_at_most("x\n=\n", "md", 8);
}

/// One-letter paragraphs each followed by a blank line, as text and as
/// Markdown: a paragraph and a space a line took 12 times the text (runs
/// of paragraphs did not cross blank lines), and pulldown-cmark's tree of
/// the whole Markdown file 38 times (it was given no pieces: a piece could
/// only end before a heading or Chinese text).
#[test]
fn blank_separated_letters_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("x\n\n", "txt", 8);
    peak_slope_at_most("x\n\n", "md", 8);
}

/// An HTML page of paragraphs: html5ever's tree builder lays the text out
/// as it goes (no DOM is kept; a node is 16 bytes while the page is read).
/// It took thirty times the page's size when scraper's DOM was built first.
#[test]
fn html_pages_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("<p>一、x</p>\n", "html", 8);
}

/// Pages whose elements multiply or nest: `<b>` repeated nests one more
/// every 3 bytes (24 times the page before failing as a page without
/// text); `<p><b>x` reopens the open `<b>`s in every paragraph (27 times);
/// nested `<template>`s are never laid out (8.7 times). Past one element
/// every 8 bytes, or 10,000 deep, the page is refused as it is read.
#[test]
fn html_pages_of_multiplying_or_nesting_elements_cost_at_most_eight_times_their_size() {
    peak_slope_at_most("<b>", "html", 8);
    peak_slope_at_most("<p><b>x", "html", 8);
    peak_slope_at_most("<template>", "html", 8);
}

/// Asserts that 2 MiB more of `unit` repeated (a file with extension
/// `ext`) adds at most `times` × 2 MiB to the peak of the outline and of
/// `lint`: the slope between a 1 MiB and a 3 MiB input, so that the
/// program's own fixed size does not count.
fn peak_slope_at_most(unit: &str, ext: &str, times: u64) {
    if !Path::new("/usr/bin/time").exists() {
        eprintln!("skipped: /usr/bin/time (GNU time) is absent");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join(format!("small.{ext}"));
    let large = dir.path().join(format!("large.{ext}"));
    std::fs::write(&small, unit.repeat((1 << 20) / unit.len())).unwrap();
    std::fs::write(&large, unit.repeat((3 << 20) / unit.len())).unwrap();
    let (small, large) = (small.to_str().unwrap(), large.to_str().unwrap());
    for args in [&[][..], &["lint"][..]] {
        let run = |file: &str| {
            let mut all = args.to_vec();
            all.push(file);
            // `lint` exits 1 on findings: the status is not the point here.
            peak_kib_any_status(&all, dir.path()).0
        };
        let added = run(large).saturating_sub(run(small));
        assert!(
            added <= times * 2048,
            "{args:?}: 2 MiB more of {unit:?} added {added} KiB to the peak (at most {} KiB)",
            times * 2048
        );
    }
}

/// The child's peak resident set size in KiB and whether it succeeded.
fn peak_kib_any_status(args: &[&str], dir: &Path) -> (u64, bool) {
    let report = dir.join("peak");
    let status = Command::new("/usr/bin/time")
        .arg("-o")
        .arg(&report)
        .args(["-f", "%M", env!("CARGO_BIN_EXE_speechtree")])
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run /usr/bin/time");
    let text = std::fs::read_to_string(&report).expect("time's report");
    let peak = text
        .lines()
        .rev()
        .find_map(|l| l.trim().parse().ok())
        .unwrap_or_else(|| panic!("a number of KiB: {text}"));
    (peak, status.success())
}
