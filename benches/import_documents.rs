//! Importing PDF and Word documents (issue 24), each from its bytes:
//! a 100-page text PDF (`import::pdf::make::report`, with a running header
//! and page numbers) and a 20-page DOCX (`import::docx::make::report`, with
//! tracked insertions and tables). Budgets: the PDF ≤ 2 s, the DOCX
//! ≤ 200 ms (`docs/budgets.md`).

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::import::{ImportOptions, docx, import_bytes, pdf};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn document_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_documents");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let report = pdf::make::report(100);
    group.bench_function("pdf_100_pages", |b| {
        b.iter(|| {
            let imported = import_bytes(
                Path::new("report.pdf"),
                black_box(&report),
                &ImportOptions::default(),
            );
            black_box(imported.map(|i| i.pages.len()).unwrap_or(0))
        })
    });
    let word = docx::make::report(20);
    group.bench_function("docx_20_pages", |b| {
        b.iter(|| {
            let imported = import_bytes(
                Path::new("report.docx"),
                black_box(&word),
                &ImportOptions::default(),
            );
            black_box(imported.map(|i| i.pages.len()).unwrap_or(0))
        })
    });
    group.finish();
}

criterion_group!(benches, document_benches);
criterion_main!(benches);
