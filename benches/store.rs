//! Loading and saving a large workspace: 10 articles of about 1 MB each
//! (450,000 chars of mixed scripts) and 5,000 claims with sources (about
//! 10 MB of RON). Budgets (docs/budgets.md): load ≤ 200 ms, save ≤ 150 ms.
//! serde_json of the same model is timed as a reference point.
//!
//! Then the problem index on the window bench's 1 MB article with 5,000
//! claims: built in full, and updated after single changes. No budget of its
//! own: the update after one claim's edit is part of the ≤ 2 ms keystroke
//! frame (docs/budgets.md) and should take microseconds.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::model::{ProblemIndex, Touched};
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

fn problem_index_benches(c: &mut Criterion) {
    let mut workspace = generated_workspace(1, 1_000_000, 5_000);
    let mut group = c.benchmark_group("problems_1MB_5000_claims");
    group.sample_size(20);
    group.bench_function("full check (Workspace::problems)", |b| {
        b.iter(|| black_box(workspace.problems()))
    });
    group.bench_function("ProblemIndex::new", |b| {
        b.iter(|| black_box(ProblemIndex::new(&workspace)))
    });

    let mut index = ProblemIndex::new(&workspace);
    let middle = workspace.claims.len() / 2;
    let typed_in = workspace.claims[middle].id;
    let mut keystrokes = 0u64;
    group.bench_function("update after one claim's rationale changed", |b| {
        b.iter(|| {
            keystrokes += 1;
            workspace.claims[middle].rationale = if keystrokes.is_multiple_of(2) {
                "a".into()
            } else {
                "ab".into()
            };
            index.update(&workspace, &Touched::claim(typed_in));
            black_box(index.generation())
        })
    });
    group.bench_function("update after a claim is removed, then put back", |b| {
        b.iter(|| {
            let claim = workspace.claims.remove(middle);
            index.update(&workspace, &Touched::claim(claim.id));
            workspace.claims.insert(middle, claim);
            index.update(&workspace, &Touched::claim(typed_in));
            black_box(index.generation())
        })
    });
    let article = Touched {
        articles: vec![workspace.articles[0].id],
        ..Touched::default()
    };
    group.bench_function("update after an article's text changed", |b| {
        b.iter(|| {
            index.update(&workspace, &article);
            black_box(index.generation())
        })
    });
    group.finish();
}

criterion_group!(benches, store_benches, problem_index_benches);
criterion_main!(benches);
