//! Linear growth and hostile input.
//!
//! - `scaling`: `parse` on 1, 2, 20 MB of real text (and 100 MB with
//!   `SPEECHTREE_BENCH_100MB=1`); time per byte should stay flat, so the
//!   reported throughputs should be about equal.
//! - `hostile`: 10 MB of each hostile input of `benches/common`, beside 10 MB
//!   of real text (`real`); each should take at most 3× the time of `real`.
//!
//! `cargo bench --bench scaling`.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bench_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    let mut sizes = vec![1, 2, 20];
    if std::env::var_os("SPEECHTREE_BENCH_100MB").is_some() {
        sizes.push(100);
    }
    let real = common::real_text();
    for mb in sizes {
        let text = common::repeat_to(&real, mb * 1_000_000);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", format!("{mb}MB")), &text, |b, t| {
            b.iter(|| speechtree::parse(black_box(t)))
        });
    }
    group.finish();
}

fn bench_hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    const SIZE: usize = 10_000_000;
    let mut inputs = vec![("real", common::mix(SIZE))];
    inputs.extend(common::hostile(SIZE));
    for (name, text) in inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", name), &text, |b, t| {
            b.iter(|| speechtree::parse(black_box(t)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_scaling, bench_hostile);
criterion_main!(benches);
