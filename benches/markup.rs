//! Reading Markdown and HTML against the same text as `.txt`.
//!
//! The built-in sample speech repeated to about 20 MB, written three ways:
//! as plain text; as Markdown (`##` and `###` headings on the 一、 and （一）
//! lines, emphasis on the 一是 points, paragraphs between blank lines); and
//! as an HTML page (navigation and footer around a content `div`, `h2`/`h3`
//! headings, `p` paragraphs). Each is read and parsed as the command line
//! does (`read_bytes`, then `ReadResult::parse`).
//!
//! First the three are timed in rounds, one after the other within each
//! round, keeping each one's best time, and printed with their ratio to the
//! text (the figures to quote: the machine is shared and its speed drifts),
//! beside the third-party parser alone; then, in rounds of their own, the
//! speech parser alone on the text it is given (the masked copy, the page's
//! main text; the .txt's own text, decoded; that text with a blank line
//! between every two paragraphs, as the Markdown has it); then criterion's
//! group `markup`.
//!
//! `cargo bench --bench markup` (`MARKUP_ROUNDS=N` sets the rounds, 5 by
//! default).
//!
//! Timings on a shared machine drift; instruction counts do not. With
//! `MARKUP_ONE=PART` the bench runs one part once and exits, for
//! `valgrind --tool=callgrind` to count: `none` (only the inputs are made),
//! `txt`, `markdown`, `html` (read + parse), `markdown-alone`, `html-alone`
//! (the third-party parser alone), `txt-spaced` (the .txt with a blank line
//! between paragraphs, as the Markdown has them, made and parsed);
//! `MARKUP_SIZE=BYTES` sets the size (20 MB
//! by default). `scripts/count-instructions` runs them all and prints what
//! each part adds to `none`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use speechtree::input::{InputKind, ReadOptions, read_bytes};

const SIZE: usize = 20_000_000;

fn size() -> usize {
    std::env::var("MARKUP_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(SIZE)
}

fn is_dun(line: &str) -> bool {
    line.split_once('、')
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)))
}

fn is_paren(line: &str) -> bool {
    line.starts_with('（')
        && line
            .chars()
            .nth(1)
            .is_some_and(|c| "一二三四五六七八九十".contains(c))
}

/// The three forms of the same text, each about `SIZE` bytes of text.
fn inputs() -> [(&'static str, &'static str, Vec<u8>); 3] {
    let speech = speechtree::sample::SPEECH;
    let size = size();
    let copies = size / speech.len() + 1;
    let txt = speech.repeat(copies);
    let mut md = String::with_capacity(size * 11 / 10);
    let mut html = String::with_capacity(size * 12 / 10);
    html.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>讲话</title><script>var a = 1;</script></head><body>\n<ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zw\">政务公开</a></li></ul>\n<div id=\"zoom\">\n");
    for _ in 0..copies {
        for line in speech.lines().filter(|l| !l.trim().is_empty()) {
            if is_dun(line) {
                md.push_str("## ");
                md.push_str(line);
                html.push_str(&format!("<h2>{line}</h2>\n"));
            } else if is_paren(line) && line.len() < 60 {
                md.push_str("### ");
                md.push_str(line);
                html.push_str(&format!("<h3>{line}</h3>\n"));
            } else {
                let emphasised = line
                    .replacen("一是", "**一是**", 1)
                    .replacen("二是", "**二是**", 1);
                md.push_str(&emphasised);
                let strong = line.replacen("一是", "<strong>一是</strong>", 1);
                html.push_str(&format!("<p>{strong}</p>\n"));
            }
            md.push_str("\n\n");
        }
    }
    html.push_str(
        "</div>\n<div class=\"footer\">版权所有：某某市人民政府 ICP备00000000号</div></body></html>\n",
    );
    [
        ("txt", "speech.txt", txt.into_bytes()),
        ("markdown", "speech.md", md.into_bytes()),
        ("html", "speech.html", html.into_bytes()),
    ]
}

fn read_and_parse(name: &str, bytes: &[u8]) -> usize {
    let kind = InputKind::detect(Some(Path::new(name)), bytes);
    let read = read_bytes(bytes, kind, &ReadOptions::default()).expect("reads");
    let doc = read.parse(&speechtree::Options::default());
    doc.len()
}

/// The third-party parser alone: pulldown-cmark's events with offsets, all
/// consumed, with the options the reader gives it; or html5ever's tree
/// (through scraper: html5ever building its DOM, where the reader lays the
/// text out as the tree is built); on the decoded text.
fn parser_alone(kind: &str, bytes: &[u8]) -> usize {
    let text = std::str::from_utf8(bytes).expect("UTF-8");
    match kind {
        "markdown" => {
            use pulldown_cmark::Options as O;
            let opts = O::ENABLE_TABLES | O::ENABLE_STRIKETHROUGH;
            pulldown_cmark::Parser::new_ext(text, opts)
                .into_offset_iter()
                .count()
        }
        _ => scraper::Html::parse_document(text).tree.nodes().count(),
    }
}

/// The text the speech parser is given for an input, with its headings:
/// the text itself, the masked copy of the Markdown, the page's main text.
fn given_text(name: &str, bytes: &[u8]) -> (String, Vec<speechtree::HeadingHint>) {
    let kind = InputKind::detect(Some(Path::new(name)), bytes);
    let read = if kind == InputKind::Markdown {
        speechtree::input::markdown_text(std::str::from_utf8(bytes).expect("UTF-8"))
    } else {
        read_bytes(bytes, kind, &ReadOptions::default()).expect("reads")
    };
    (read.text, read.headings)
}

/// The speech parser alone on the text it is given.
fn parse_given((text, headings): &(String, Vec<speechtree::HeadingHint>)) -> usize {
    let mut options = speechtree::Options::default();
    options.heading_hints.clone_from(headings);
    speechtree::parse_with(text, &options).len()
}

/// `text`'s paragraphs (its lines that are not blank), each followed by a
/// blank line.
fn spaced_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 11 / 10);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push_str("\n\n");
    }
    out
}

fn interleaved(inputs: &[(&str, &str, Vec<u8>)], rounds: usize) {
    let n = inputs.len();
    let (mut best, mut alone, mut parse) = (vec![f64::MAX; n], vec![f64::MAX; n], vec![f64::MAX; n]);
    let time = |slot: &mut f64, f: &mut dyn FnMut() -> usize| {
        let start = Instant::now();
        black_box(f());
        *slot = slot.min(start.elapsed().as_secs_f64());
    };
    for _ in 0..rounds {
        for (i, (kind, name, bytes)) in inputs.iter().enumerate() {
            time(&mut best[i], &mut || read_and_parse(name, black_box(bytes)));
            if *kind != "txt" {
                time(&mut alone[i], &mut || parser_alone(kind, black_box(bytes)));
            }
        }
    }
    // Apart, so that holding the given texts leaves the rounds above as
    // they were (the allocator's state moves the figures).
    let given: Vec<_> = inputs
        .iter()
        .map(|(_, name, bytes)| given_text(name, bytes))
        .collect();
    // The .txt's paragraphs with a blank line between every two, as the
    // Markdown has them: how much of the masked copy's time is that.
    let spaced = (spaced_paragraphs(&given[0].0), Vec::new());
    let mut spaced_time = f64::MAX;
    for _ in 0..rounds {
        for (slot, given) in parse.iter_mut().zip(&given) {
            time(slot, &mut || parse_given(black_box(given)));
        }
        time(&mut spaced_time, &mut || parse_given(black_box(&spaced)));
    }
    drop(given);
    drop(spaced);
    println!("best of {rounds} interleaved runs each (read + parse); time relative to .txt");
    for ((kind, _, bytes), t) in inputs.iter().zip(&best) {
        println!(
            "{kind:<10} {:>6.1} MB {:>9.1} ms {:>7.1} MB/s {:>6.2}x",
            bytes.len() as f64 / 1e6,
            t * 1e3,
            bytes.len() as f64 / t / 1e6,
            t / best[0]
        );
    }
    println!("the markup parser alone, and what reading adds beyond it and the .txt time");
    for ((kind, _, _), (t, a)) in inputs.iter().zip(best.iter().zip(&alone)).skip(1) {
        println!(
            "{kind:<10} parser alone {:>7.1} ms ({:.2}x .txt); read + parse - parser - .txt = {:>7.1} ms ({:.2}x .txt)",
            a * 1e3,
            a / best[0],
            (t - a - best[0]) * 1e3,
            (t - a - best[0]) / best[0]
        );
    }
    println!(
        "where that goes: the speech parser on the text it is given (with the headings), and the rest of reading"
    );
    println!(
        "{:<10} .txt with a blank line between paragraphs (as the Markdown) parsed {:>7.1} ms ({:+.1} ms)",
        "",
        spaced_time * 1e3,
        (spaced_time - parse[0]) * 1e3
    );
    for (i, (kind, _, _)) in inputs.iter().enumerate().skip(1) {
        println!(
            "{kind:<10} its text parsed {:>7.1} ms (.txt parsed {:>7.1} ms, {:+.1} ms); the rest of reading {:>7.1} ms ({:.2}x .txt)",
            parse[i] * 1e3,
            parse[0] * 1e3,
            (parse[i] - parse[0]) * 1e3,
            (best[i] - alone[i] - parse[i]) * 1e3,
            (best[i] - alone[i] - parse[i]) / best[0]
        );
    }
}

fn main() {
    let rounds: usize = std::env::var("MARKUP_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let inputs = inputs();
    if let Ok(part) = std::env::var("MARKUP_ONE") {
        let n = match part.as_str() {
            "none" => 0,
            "txt" => read_and_parse(inputs[0].1, black_box(&inputs[0].2)),
            "markdown" => read_and_parse(inputs[1].1, black_box(&inputs[1].2)),
            "html" => read_and_parse(inputs[2].1, black_box(&inputs[2].2)),
            "markdown-alone" => parser_alone("markdown", black_box(&inputs[1].2)),
            "html-alone" => parser_alone("html", black_box(&inputs[2].2)),
            "txt-spaced" => {
                let spaced = spaced_paragraphs(&given_text(inputs[0].1, &inputs[0].2).0);
                parse_given(black_box(&(spaced, Vec::new())))
            }
            other => panic!("MARKUP_ONE={other}: not a part"),
        };
        black_box(n);
        return;
    }
    interleaved(&inputs, rounds);
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    let mut group = c.benchmark_group("markup");
    for (kind, name, bytes) in &inputs {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*kind, |b| b.iter(|| read_and_parse(name, black_box(bytes))));
    }
    group.finish();
    c.final_summary();
}
