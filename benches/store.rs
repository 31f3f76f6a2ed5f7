//! Loading and saving a large workspace: 10 articles of about 1 MB each (450,000 chars of mixed scripts) and
//! 5,000 claims with sources (about 10 MB of RON). Budgets (DESIGN.md):
//! load ≤ 200 ms, save ≤ 150 ms. serde_json of the same model is timed as a
//! reference point.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::sample::generated_workspace;
use factbench::store;
use std::hint::black_box;
use std::time::Duration;

fn store_benches(c: &mut Criterion) {
    let workspace = generated_workspace(10, 450_000, 5_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.ron");
    store::save(&path, &workspace).unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len();
    eprintln!(
        "workspace file: {:.1} MB, {} claims",
        bytes as f64 / 1e6,
        workspace.claims.len()
    );

    let mut group = c.benchmark_group("store_10MB");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("load (read, parse, validate)", |b| {
        b.iter(|| black_box(store::load(&path).unwrap()))
    });
    group.bench_function("save (serialise, write, sync, rename, .bak)", |b| {
        b.iter(|| store::save(&path, black_box(&workspace)).unwrap())
    });
    group.bench_function("serialise to RON only", |b| {
        b.iter(|| black_box(store::to_ron(&workspace).unwrap()))
    });
    group.bench_function("validate only (problems)", |b| {
        b.iter(|| black_box(workspace.problems()))
    });
    let json = serde_json::to_string_pretty(&workspace).unwrap();
    group.bench_function("reference: serde_json serialise", |b| {
        b.iter(|| black_box(serde_json::to_string_pretty(&workspace).unwrap()))
    });
    group.bench_function("reference: serde_json parse", |b| {
        b.iter(|| black_box(serde_json::from_str::<factbench::Workspace>(&json).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, store_benches);
criterion_main!(benches);
