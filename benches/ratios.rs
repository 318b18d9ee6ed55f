//! Hostile input against real text, interleaved.
//!
//! criterion's `hostile` group (in `scaling.rs`) measures each input in turn,
//! a few seconds apart; on a shared machine whose speed drifts from one
//! minute to the next, its ratios move with the drift. This bench times
//! every input in rounds, one after the other within each round, and keeps
//! each input's best time: the ratios compare like with like.
//!
//! Then each corpus document on its own, as many runs as fit in about
//! 50 ms per round, best and median: what a caller parsing one document at
//! a time sees, fixed costs (furniture, the tree) included.
//!
//! `cargo bench --bench ratios [-- ROUNDS]` (default 10 rounds of 2 runs).
//! "real" is the corpus of `../shared` repeated; without it, the built-in
//! sample repeated, which is far denser in headings than the corpus and
//! parses several times slower per byte (about 35–40 MB/s here), so the
//! ratios are then not the issue's.

mod common;

use std::hint::black_box;
use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10);
    const SIZE: usize = 10_000_000;
    let mut inputs = vec![("real", common::mix(SIZE))];
    inputs.extend(common::hostile(SIZE));
    let mut best = vec![f64::MAX; inputs.len()];
    for _ in 0..rounds {
        for ((_, text), best) in inputs.iter().zip(&mut best) {
            for _ in 0..2 {
                let start = Instant::now();
                drop(black_box(speechtree::parse(black_box(text))));
                *best = best.min(start.elapsed().as_secs_f64());
            }
        }
    }
    println!(
        "best of {} runs each, about 10 MB each; time relative to real text",
        rounds * 2
    );
    let real = best[0];
    for ((name, text), best) in inputs.iter().zip(&best) {
        println!(
            "{name:<28} {:>8.1} ms {:>7.0} MB/s {:>6.2}x",
            best * 1e3,
            text.len() as f64 / best / 1e6,
            best / real,
        );
    }
    documents(rounds);
}

/// Each corpus document parsed on its own: best and median time per parse.
/// On a shared machine the median carries the other tenants' load (here,
/// stretches of a few milliseconds at half speed); the best is the code's.
fn documents(rounds: usize) {
    let docs = common::corpus();
    if docs.is_empty() {
        return;
    }
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); docs.len()];
    for _ in 0..rounds {
        for ((_, text), times) in docs.iter().zip(&mut times) {
            // Enough parses to take about 50 ms (at 200 MB/s).
            let runs = (10_000_000 / text.len().max(1)).clamp(1, 10_000);
            for _ in 0..runs {
                let start = Instant::now();
                drop(black_box(speechtree::parse(black_box(text))));
                times.push(start.elapsed().as_secs_f64());
            }
        }
    }
    println!("\neach corpus document on its own, {rounds} rounds: best and median parse");
    for ((name, text), times) in docs.iter().zip(&mut times) {
        times.sort_by(f64::total_cmp);
        let (best, median) = (times[0], times[times.len() / 2]);
        let mb_s = |t: f64| text.len() as f64 / t / 1e6;
        println!(
            "{name:<66} {:>8} bytes {:>9.1} µs {:>7.0} MB/s   median {:>9.1} µs {:>7.0} MB/s",
            text.len(),
            best * 1e6,
            mb_s(best),
            median * 1e6,
            mb_s(median),
        );
    }
}
