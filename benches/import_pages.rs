//! Importing real saved pages (the excerpts in `tests/fixtures/pages/`,
//! see its README for their sources), each from its bytes, and a 2 MB page
//! made of one of them with its article repeated. Budgets (issue 22): the
//! median page ≤ 30 ms, a 2 MB page ≤ 1 s.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::import::{ImportOptions, import_bytes};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture_pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    pages.retain(|p| p.extension().is_some_and(|e| e == "html"));
    pages.sort();
    pages
}

/// A page of about 2 MB: a real page whose article paragraphs are
/// repeated before `</body>`.
fn two_megabyte_page(page: &str) -> String {
    let paragraphs: String = page
        .match_indices("<p")
        .take(20)
        .filter_map(|(at, _)| page[at..].find("</p>").map(|end| &page[at..at + end + 4]))
        .collect();
    let filler = if paragraphs.is_empty() {
        "<p>Ein Absatz mit Text — Текст 文 👋 e\u{301}.</p>".to_owned()
    } else {
        paragraphs
    };
    let times = (2_000_000 / filler.len().max(1)).max(1);
    let body_end = page.rfind("</body>").unwrap_or(page.len());
    format!(
        "{}{}{}",
        &page[..body_end],
        filler.repeat(times),
        &page[body_end..]
    )
}

fn import_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_pages");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(3));
    let pages = fixture_pages();
    for path in &pages {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        group.bench_function(name, |b| {
            b.iter(|| {
                black_box(import_bytes(path, black_box(&bytes), &ImportOptions::default()).is_ok())
            })
        });
    }
    if let Some(path) = pages
        .iter()
        .find(|p| p.to_string_lossy().contains("piratenpartei"))
    {
        let page = std::fs::read_to_string(path).unwrap_or_default();
        let large = two_megabyte_page(&page);
        let label = format!("2 MB page ({:.1} MB)", large.len() as f64 / 1e6);
        group.bench_function(label, |b| {
            b.iter(|| {
                black_box(
                    import_bytes(path, black_box(large.as_bytes()), &ImportOptions::default())
                        .is_ok(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
