//! Export benchmarks. Budget (docs/budgets.md): the HTML report of a
//! workspace with 5,000 claims in ≤ 200 ms. The workspace is `generated_workspace(10,
//! 100_000, 5_000)`: ten articles of 100,000 chars in mixed scripts (1 M
//! chars in all), 5,000 claims with every tenth overlapping its neighbour,
//! 500 sources. Every format is measured on it, writing to memory.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::export::{self, ExportOptions, Format};
use factbench::sample::generated_workspace;
use std::hint::black_box;

fn exports(c: &mut Criterion) {
    let workspace = generated_workspace(10, 100_000, 5_000);
    let options = ExportOptions::default();
    let mut group = c.benchmark_group("export 5,000 claims");
    group.sample_size(20);
    for format in Format::ALL {
        group.bench_function(format.cli_name(), |b| {
            let mut out = Vec::with_capacity(8 << 20);
            b.iter(|| {
                out.clear();
                export::write(format, black_box(&workspace), &options, &mut out)
                    .expect("the generated workspace exports");
                black_box(out.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
