//! Export benchmarks. Budget (docs/budgets.md): the HTML report of a
//! workspace with 5,000 claims in ≤ 200 ms. The workspace is `generated_workspace(10,
//! 100_000, 5_000)`: ten articles of 100,000 chars in mixed scripts (1 M
//! chars in all), 5,000 claims with every tenth overlapping its neighbour,
//! 500 sources. Every format is measured on it, writing to memory, for the
//! internal review copy (every claim, full text); the public report is
//! measured too, with every rated claim published and the articles shown
//! as their claims in context.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::export::{self, ExportOptions, Format};
use factbench::model::{PublicationAction, PublicationEvent};
use factbench::sample::generated_workspace;
use std::hint::black_box;

fn exports(c: &mut Criterion) {
    let workspace = generated_workspace(10, 100_000, 5_000);
    let options = ExportOptions::internal();
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
    let mut published = workspace.clone();
    for claim in published.claims.iter_mut().filter(|c| c.is_rated()) {
        claim.publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date: claim.updated,
            by: "Bench".into(),
        });
    }
    group.bench_function("html public", |b| {
        let mut out = Vec::with_capacity(8 << 20);
        b.iter(|| {
            out.clear();
            export::write(
                Format::Html,
                black_box(&published),
                &ExportOptions::public(),
                &mut out,
            )
            .expect("the generated workspace exports");
            black_box(out.len())
        });
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
