//! Criterion benchmarks: analysis, each check family, and the whole pipeline, on the seed
//! draft and on generated 1, 2 and 4 MB drafts (benches/inputs.rs).

mod inputs;

use copydesk::checks::{self, ALL};
use copydesk::{Analysis, Config, Context, Markup};
use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn drafts() -> Vec<(String, String)> {
    let mut out = vec![("seed".to_string(), inputs::seed())];
    for mb in [1, 2, 4] {
        out.push((format!("{mb}MB"), inputs::draft(mb * inputs::MB)));
    }
    out
}

fn benches(c: &mut Criterion) {
    let config = Config::default();
    let ctx = Context::new(&config);
    for (name, text) in drafts() {
        let mut group = c.benchmark_group(name.clone());
        group.sample_size(if text.len() > 100_000 { 10 } else { 50 });
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("analysis", |b| {
            b.iter(|| Analysis::new(black_box(&text), Markup::Plain))
        });
        for check in ALL {
            let family = checks::family_of_check(*check);
            // A fresh analysis each time (not timed): one reused would answer from the
            // paragraph memos a previous iteration filled, as a server does after an edit.
            group.bench_function(BenchmarkId::new("check", family), |b| {
                b.iter_batched_ref(
                    || Analysis::new(&text, Markup::Plain),
                    |analysis| checks::run_check(*check, black_box(analysis), &ctx),
                    BatchSize::LargeInput,
                )
            });
        }
        group.bench_function("all", |b| {
            b.iter(|| copydesk::check(black_box(&text), Markup::Plain, &ctx))
        });
        group.finish();
    }
}

criterion_group!(copydesk_benches, benches);
criterion_main!(copydesk_benches);
