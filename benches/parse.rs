//! Throughput of `parse`, parse + JSON and parse + outline on real-shaped
//! text, beside the baseline users write today: a line-based regex
//! extractor (a port of `../shared/eval/regex_baseline.py` to the regex
//! crate), so the ratios come from one run on one machine.
//!
//! `cargo bench --bench parse`; `cargo bench --bench parse -- seed` for one input.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use regex::Regex;
use std::hint::black_box;
use std::time::Duration;

/// The regex baseline of `eval/regex_baseline.py`: GB/T 9704 levels at line
/// starts plus inline 一是/一要 anywhere, printed in the outline format.
struct RegexBaseline {
    levels: [Regex; 4],
    inline: Regex,
    heading_end: Regex,
}

impl RegexBaseline {
    fn new() -> Self {
        const CN: &str = "一二三四五六七八九十";
        let re = |s: &str| Regex::new(s).expect("baseline regex compiles");
        RegexBaseline {
            levels: [
                re(&format!(r"^\s*([{CN}]+、)(.*)$")),
                re(&format!(r"^\s*([（(][{CN}]+[）)])(.*)$")),
                re(r"^\s*(\d+[.．、])(.*)$"),
                re(r"^\s*([（(]\d+[）)])(.*)$"),
            ],
            inline: re(&format!(r"([{CN}]+[是要])([^。；;]*)")),
            heading_end: re(r"[。；;：:]"),
        }
    }

    fn outline(&self, text: &str) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut depth = 0;
        for line in text.lines() {
            for (level, rx) in self.levels.iter().enumerate() {
                if let Some(m) = rx.captures(line) {
                    let rest = m.get(2).map_or("", |g| g.as_str());
                    let heading = self.heading_end.split(rest).next().unwrap_or("");
                    let marker = m.get(1).map_or("", |g| g.as_str());
                    out.push(format!("{}{marker}\t{}", "  ".repeat(level), heading.trim()));
                    depth = level + 1;
                    break;
                }
            }
            for m in self.inline.captures_iter(line) {
                let marker = m.get(1).map_or("", |g| g.as_str());
                let lead = m.get(2).map_or("", |g| g.as_str());
                out.push(format!("{}{marker}\t{}", "  ".repeat(depth), lead.trim()));
            }
        }
        out.join("\n")
    }
}

fn inputs() -> Vec<(&'static str, String)> {
    let mut v = vec![("sample", speechtree::sample::SPEECH.to_string())];
    if let Some(t) = common::corpus_file(common::SEED) {
        v.push(("seed", t));
    }
    if let Some(t) = common::corpus_file(common::LONG) {
        v.push(("long_report", t));
    }
    v.push(("mix_10mb", common::mix(10_000_000)));
    v
}

fn bench_parse(c: &mut Criterion) {
    let baseline = RegexBaseline::new();
    let mut group = c.benchmark_group("parse");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", name), &text, |b, t| {
            b.iter(|| speechtree::parse(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("parse+json", name), &text, |b, t| {
            b.iter(|| serde_json::to_string(&speechtree::parse(black_box(t))).map(|s| s.len()))
        });
        group.bench_with_input(BenchmarkId::new("parse+outline", name), &text, |b, t| {
            b.iter(|| speechtree::outline(&speechtree::parse(black_box(t))))
        });
        group.bench_with_input(BenchmarkId::new("regex_baseline", name), &text, |b, t| {
            b.iter(|| baseline.outline(black_box(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
