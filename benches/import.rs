//! Importing awkward web pages, from their bytes (`import::import_bytes`,
//! what `factbench import` and the window do after reading the file).
//! Budgets (docs/budgets.md): 20,000 nested `<div>`s, one `<p>` with
//! 200,000 attributes, 500 formatting tags reopened in 100,000 paragraphs
//! and a 2 MB paragraph of `&` and `«»`, each ≤ 1 s (peak memory of the
//! release binary on those pages is measured with `/usr/bin/time`, see
//! docs/budgets.md). Every other page of the pathological
//! corpus (`import::pathological`) is measured beside them, for
//! information.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::import::pathological::{Scale, corpus};
use factbench::import::{ImportOptions, import_bytes};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn import_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_pathological");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for page in corpus(Scale::Full) {
        let path = Path::new(page.name);
        let label = format!("{} ({:.1} MB)", page.name, page.bytes.len() as f64 / 1e6);
        group.bench_function(label, |b| {
            b.iter(|| {
                let outcome = import_bytes(path, black_box(&page.bytes), &ImportOptions::default());
                black_box(outcome.is_ok())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
