//! Find in the article on the window bench's 1 MB article (mixed scripts:
//! English, Russian, Chinese, emoji and combining marks). Budgets
//! (docs/budgets.md): folding the article for finding, done once when the
//! find bar first searches a text (or its options change), ≤ 50 ms; every
//! match of a new phrase in the folded article, the work of one keystroke
//! in the find field, ≤ 5 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::sample::generated_workspace;
use factbench::text::{FindOptions, FoldedText};
use std::hint::black_box;
use std::time::Duration;

fn find_benches(c: &mut Criterion) {
    let workspace = generated_workspace(1, 1_000_000, 0);
    let text = &workspace.articles[0].text;
    let options = FindOptions::default();
    let folded = FoldedText::new(text, options);
    for phrase in ["machine tools", "торговли", "贸易额", "cafe"] {
        eprintln!("{phrase}: {} matches", folded.find_all(phrase).len());
    }

    let mut group = c.benchmark_group("find_1MB");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8));
    group.bench_function("fold the article (once per text)", |b| {
        b.iter(|| black_box(FoldedText::new(black_box(text), options)))
    });
    group.bench_function("all matches of a Latin phrase", |b| {
        b.iter(|| black_box(folded.find_all(black_box("machine tools"))))
    });
    group.bench_function("all matches of a Cyrillic phrase", |b| {
        b.iter(|| black_box(folded.find_all(black_box("торговли"))))
    });
    group.bench_function("all matches of a Chinese phrase", |b| {
        b.iter(|| black_box(folded.find_all(black_box("贸易额"))))
    });
    group.bench_function("all matches of one letter", |b| {
        b.iter(|| black_box(folded.find_all(black_box("e"))))
    });
    group.finish();
}

criterion_group!(benches, find_benches);
criterion_main!(benches);
