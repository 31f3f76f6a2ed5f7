//! The three-way merge on two 10 MB workspaces of 5,000 claims (10
//! articles of 230,000 chars of mixed scripts), each side with 500 changes
//! of its own
//! (`sample::merge_sides`). The budget (docs/budgets.md) is for the whole
//! `factbench merge` process, ≤ 500 ms; the library merge is timed here,
//! and the three files are left in `$CARGO_TARGET_DIR/merge-bench/` (or
//! `target/merge-bench/`) to time the process with `hyperfine`. A second
//! group times the text merge's bound: a 10 MB rewrite against a one-line
//! fix, the same ≤ 500 ms budget.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::merge::merge;
use factbench::sample::{generated_workspace, merge_sides, rewrite_against_fix};
use factbench::store;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

fn bench_folder() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("merge-bench")
}

fn merge_benches(c: &mut Criterion) {
    let base = generated_workspace(10, 230_000, 5_000);
    let [ours, theirs] = merge_sides(&base, 500);
    let folder = bench_folder();
    std::fs::create_dir_all(&folder).unwrap();
    for (name, ws) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        std::fs::write(folder.join(name), store::to_ron(ws).unwrap()).unwrap();
    }
    let merged = merge(base.clone(), ours.clone(), theirs.clone()).unwrap();
    let size = std::fs::metadata(folder.join("ours.ron")).unwrap().len();
    eprintln!(
        "merge: {:.1} MB sides, {} claims out, {} conflicts; files in {}",
        size as f64 / 1e6,
        merged.workspace.claims.len(),
        merged.new_conflicts,
        folder.display()
    );

    let mut group = c.benchmark_group("merge_10MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("merge 500 + 500 changes (library, inputs cloned)", |b| {
        b.iter(|| {
            black_box(merge(
                black_box(base.clone()),
                black_box(ours.clone()),
                black_box(theirs.clone()),
            ))
        })
    });
    group.bench_function("reference: cloning the three inputs", |b| {
        b.iter(|| black_box((base.clone(), ours.clone(), theirs.clone())))
    });
    group.finish();
}

/// Row 9 of issue 19: a 100,000-line (10 MB) rewrite of an article on one
/// side against a one-line fix on the other. No line diff finishes that in
/// time; the merge gives up at its deadline with a conflict on the text.
fn rewrite_bench(c: &mut Criterion) {
    let [base, ours, theirs] = rewrite_against_fix(100_000);
    let merged = merge(base.clone(), ours.clone(), theirs.clone()).unwrap();
    eprintln!(
        "rewrite: {:.1} MB article, {} conflict(s)",
        base.articles[0].text.len() as f64 / 1e6,
        merged.new_conflicts
    );
    let mut group = c.benchmark_group("merge_rewrite_10MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("100,000-line rewrite against a one-line fix", |b| {
        b.iter(|| {
            black_box(merge(
                black_box(base.clone()),
                black_box(ours.clone()),
                black_box(theirs.clone()),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, merge_benches, rewrite_bench);
criterion_main!(benches);
