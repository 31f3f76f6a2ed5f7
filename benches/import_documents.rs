//! Importing PDF and Word documents (issue 24), each from its bytes:
//! a 100-page text PDF (`import::pdf::make::report`, with a running header
//! and page numbers) and a 20-page DOCX (`import::docx::make::report`, with
//! tracked insertions and tables). Budgets: the PDF ≤ 2 s, the DOCX
//! ≤ 200 ms (`docs/budgets.md`). Also the PDF imported into a workspace
//! and saved with its page starts (format 11), and a workspace holding a
//! 300-page article saved and opened with its pages and without them:
//! keeping the pages must leave both about where they were.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::import::{ImportOptions, docx, import_bytes, pdf};
use factbench::model::Workspace;
use factbench::store;
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
    let dir = tempfile::tempdir().expect("a temporary folder");
    let saved = dir.path().join("report.ron");
    group.bench_function("pdf_100_pages_imported_and_saved_with_pages", |b| {
        b.iter(|| {
            let imported = import_bytes(
                Path::new("report.pdf"),
                black_box(&report),
                &ImportOptions::default(),
            )
            .expect("the report imports");
            let mut ws = Workspace::new("Report");
            ws.articles.push(imported.article);
            store::save(&saved, &ws).expect("it saves");
        })
    });
    group.finish();
    paged_store_benches(c, dir.path());
}

/// Saving and opening a workspace of one 300-page article, with its page
/// starts and (the same text) without them.
fn paged_store_benches(c: &mut Criterion, dir: &Path) {
    let mut group = c.benchmark_group("store_paged");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let imported = import_bytes(
        Path::new("long.pdf"),
        &pdf::make::report(300),
        &ImportOptions::default(),
    )
    .expect("the 300-page report imports");
    assert_eq!(imported.article.pages.len(), 300);
    let mut paged = Workspace::new("Long report");
    paged.articles.push(imported.article);
    let mut bare = paged.clone();
    bare.articles[0].pages.clear();
    for (name, ws) in [("with_pages", &paged), ("without_pages", &bare)] {
        let path = dir.join(format!("{name}.ron"));
        group.bench_function(format!("save_300_pages_{name}"), |b| {
            b.iter(|| store::save(&path, black_box(ws)).expect("it saves"))
        });
        group.bench_function(format!("open_300_pages_{name}"), |b| {
            b.iter(|| {
                black_box(
                    store::load(&path)
                        .expect("it opens")
                        .workspace
                        .articles
                        .len(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, document_benches);
criterion_main!(benches);
