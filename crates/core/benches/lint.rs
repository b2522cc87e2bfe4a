//! Lint throughput on the real-policy corpus, beside the cost of merely parsing the same
//! bytes as JSON. Run: `cargo bench -p ramplan-core --bench lint`.

// A benchmark whose corpus is missing should stop loudly.
#![allow(clippy::expect_used)]

use std::fs;
use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use ramplan_core::{json, lint, LintOptions};

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus");
    let mut paths: Vec<_> = fs::read_dir(dir)
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    ramplan_core::sort::sort(&mut paths);
    paths
        .iter()
        .map(|p| fs::read_to_string(p).expect("corpus file"))
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json::Value parse", |b| {
        b.iter(|| {
            for doc in &docs {
                let value: serde_json::Value =
                    serde_json::from_str(black_box(doc)).expect("corpus is JSON");
                black_box(value);
            }
        })
    });
    group.bench_function("ramplan json::parse (spans)", |b| {
        b.iter(|| {
            for doc in &docs {
                black_box(json::parse(black_box(doc)).ok());
            }
        })
    });
    group.bench_function("ramplan lint (all rules)", |b| {
        let options = LintOptions::default();
        b.iter(|| {
            for doc in &docs {
                black_box(lint(black_box(doc), &options));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
