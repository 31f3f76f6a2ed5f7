//! What changed between two versions of an article (`reanchor::compare`,
//! behind `factbench diff` and the window's *Compare versions*), on two
//! 1 MB articles. Budget (docs/budgets.md): ≤ 1 s for any two 1 MB
//! articles. Measured: the 1 MB generated article against a version with
//! about 1 % edited (the everyday case); the same article rewritten line by
//! line, no removed sentence like any added one (was quadratic: every
//! removed sentence scored against every added one); every line rewritten
//! with a one-word change (each pair is alike and is diffed word by word);
//! two 1 MB "sentences" without a full stop.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::reanchor::compare;
use factbench::sample::{edited_about_one_percent, generated_workspace};
use std::hint::black_box;
use std::time::Duration;

/// About `bytes` bytes of numbered lines, each a sentence, worded by `line`.
fn lines(bytes: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 100);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&line(i));
        text.push('\n');
        i += 1;
    }
    text
}

fn diff_benches(c: &mut Criterion) {
    let ws = generated_workspace(1, 1_000_000, 0);
    let article = ws.articles[0].text.clone();
    let edited = edited_about_one_percent(&article);
    let old_lines = lines(1_000_000, |i| {
        format!("Строка {i}: 会谈 👋 in the old wording, line number {i}.")
    });
    let rewritten = lines(1_000_000, |i| {
        format!("Quite another sentence {}, written anew 🌍 {i}?", i * 7)
    });
    let one_word = lines(1_000_000, |i| {
        format!("Строка {i}: 会谈 👋 in the new wording, line number {i}.")
    });
    let long_old = "word & «слово» 字 ".repeat(50_000);
    let long_new = "slovo & «word» 词 ".repeat(50_000);
    let cases: [(&str, &str, &str); 4] = [
        ("1 MB article, about 1 % edited", &article, &edited),
        ("1 MB rewritten line by line", &old_lines, &rewritten),
        (
            "1 MB, one word changed in every line",
            &old_lines,
            &one_word,
        ),
        ("1 MB without a sentence boundary", &long_old, &long_new),
    ];

    let mut group = c.benchmark_group("diff_1MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (label, old, new) in cases {
        eprintln!("{label}: {} changes", compare(old, new).len());
        group.bench_function(label, |b| {
            b.iter(|| black_box(compare(black_box(old), black_box(new)).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, diff_benches);
criterion_main!(benches);
