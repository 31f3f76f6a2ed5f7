//! Re-anchoring after the outlet changed its article: 5,000 claims on a
//! 1 MB article (`generated_workspace(1, 1_000_000, 5_000)`) followed into a
//! version in which about 1% of the text changed — a hundred edits spread
//! through it, each inserting, deleting or rewriting about 100 chars.
//! Budget (docs/budgets.md): ≤ 200 ms for the whole re-anchoring, the diff
//! included. Preparing the update command (the same plus the fingerprint of
//! the article and its claims) is measured for information, and so is one
//! keystroke correcting that article's text in place
//! (`Command::EditArticleText`: the claims following it, the problems of
//! the article checked again, and its undo).

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::edit::{ArticleUpdate, Command, Document};
use factbench::model::Anchor;
use factbench::reanchor::{Outcome, reanchor_all};
use factbench::sample::{edited_about_one_percent, generated_workspace};
use std::hint::black_box;
use std::time::Duration;

fn reanchor_benches(c: &mut Criterion) {
    let ws = generated_workspace(1, 1_000_000, 5_000);
    let article = &ws.articles[0];
    let new = edited_about_one_percent(&article.text);
    let anchors: Vec<&Anchor> = ws.claims.iter().map(|c| &c.anchor).collect();
    let results = reanchor_all(&article.text, &new, &anchors);
    let count = |o: Outcome| results.iter().filter(|r| r.outcome == o).count();
    eprintln!(
        "{} chars → {} chars; {} unchanged, {} moved, {} edited, {} orphaned",
        article.char_len(),
        new.chars().count(),
        count(Outcome::Unchanged),
        count(Outcome::Moved),
        count(Outcome::Edited),
        count(Outcome::Orphaned),
    );

    let mut group = c.benchmark_group("reanchor_1MB_5000_claims");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("re-anchor after a 1% edit", |b| {
        b.iter(|| black_box(reanchor_all(&article.text, &new, &anchors)))
    });
    group.bench_function("prepare the update command", |b| {
        b.iter(|| {
            black_box(ArticleUpdate::prepare(&ws, article.id, new.clone(), "v2.txt", None).unwrap())
        })
    });
    let mut doc = Document::new(ws.clone(), None);
    let middle = article.char_len() / 2;
    group.bench_function("one keystroke correcting the text, and its undo", |b| {
        b.iter(|| {
            let typed = Command::EditArticleText {
                article: article.id,
                start: middle,
                end: middle,
                text: "x".into(),
            };
            black_box(doc.execute(typed, 0.0).unwrap());
            black_box(doc.undo());
        })
    });
    group.finish();
}

criterion_group!(benches, reanchor_benches);
criterion_main!(benches);
