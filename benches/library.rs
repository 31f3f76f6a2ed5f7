//! The claim library on a generated library of 100,000 claims in 200
//! workspaces (500 claims each, statements in English, Russian, Ukrainian
//! and Chinese from templates × actors × numbers × years). Budgets
//! (docs/budgets.md): full index ≤ 30 s; refresh after one workspace
//! changed ≤ 300 ms; a query ≤ 20 ms, median and p99.
//!
//! Also 250,000 published reviews in ClaimReview JSON Lines files
//! (`external_benches`: index ≤ 60 s and ≤ 1 GB, query median ≤ 20 ms
//! and p99 ≤ 50 ms, refresh after one file changed ≤ 300 ms).
//!
//! The same 1,000 queries are timed again with an embedding model
//! configured (the re-ranker, same budget): the model in the folder named
//! by `FACTBENCH_EMBEDDING_MODEL` (a real one, e.g. WordLlama's), else a
//! tiny generated one (`sample::write_synonym_embedding_model`).
//!
//! The full index is timed once (a run takes seconds, too long for
//! Criterion's samples); refresh and query are Criterion benchmarks, and
//! the query's p99 is taken over 1,000 timed queries.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::library::{EmbeddingModel, Library, Query};
use factbench::sample::{generated_workspace, write_synonym_embedding_model};
use factbench::store;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const WORKSPACES: usize = 200;
const CLAIMS_EACH: usize = 500;

const ACTORS_EN: [&str; 8] = [
    "Russia", "China", "Ukraine", "Germany", "France", "India", "Poland", "Turkey",
];
const ACTORS_RU: [&str; 8] = [
    "Россия",
    "Китай",
    "Украина",
    "Германия",
    "Франция",
    "Индия",
    "Польша",
    "Турция",
];
const ACTORS_UK: [&str; 8] = [
    "Росія",
    "Китай",
    "Україна",
    "Німеччина",
    "Франція",
    "Індія",
    "Польща",
    "Туреччина",
];
const ACTORS_ZH: [&str; 8] = [
    "俄罗斯",
    "中国",
    "乌克兰",
    "德国",
    "法国",
    "印度",
    "波兰",
    "土耳其",
];
const GOODS_EN: [&str; 6] = ["gas", "grain", "oil", "steel", "microchips", "fertiliser"];

/// The `n`th generated statement: language, actor, goods, amount and year vary.
fn statement(n: usize) -> String {
    let actor = n % 8;
    let other = (n / 8 + 1 + actor) % 8;
    let amount = 10 + (n / 64) % 490;
    let year = 2000 + (n / 7) % 25;
    let goods = GOODS_EN[(n / 3) % 6];
    match n % 4 {
        0 => format!(
            "{} exported ${amount}bn of {goods} to {} in {year}.",
            ACTORS_EN[actor], ACTORS_EN[other]
        ),
        1 => format!(
            "{} экспортировала в {} товаров на {amount} млрд долларов в {year} году.",
            ACTORS_RU[actor], ACTORS_RU[other]
        ),
        2 => format!(
            "{} експортувала до {} товарів на {amount} мільярдів доларів у {year} році.",
            ACTORS_UK[actor], ACTORS_UK[other]
        ),
        _ => format!(
            "{year}年{}向{}出口了{amount}亿美元的商品。",
            ACTORS_ZH[actor], ACTORS_ZH[other]
        ),
    }
}

fn write_library(folder: &Path) -> Vec<PathBuf> {
    (0..WORKSPACES)
        .map(|w| {
            let mut workspace = generated_workspace(1, 20_000, CLAIMS_EACH);
            for (i, claim) in workspace.claims.iter_mut().enumerate() {
                claim.statement = statement(w * CLAIMS_EACH + i);
            }
            let path = folder.join(format!("desk-{w:03}.ron"));
            store::save(&path, &workspace).unwrap();
            path
        })
        .collect()
}

fn library_benches(c: &mut Criterion) {
    let folder = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let paths = write_library(folder.path());
    let folders = vec![folder.path().to_owned()];

    let mut library = Library::open(cache.path()).unwrap();
    let started = Instant::now();
    let report = library.refresh(&folders).unwrap();
    eprintln!(
        "full index: {} workspaces, {} claims in {:.2} s (budget 30 s)",
        report.indexed.len(),
        library.claim_count(),
        started.elapsed().as_secs_f64()
    );

    let changed = &paths[WORKSPACES / 2];
    let mut workspace = store::load(changed).unwrap().workspace;
    let mut group = c.benchmark_group("library_100k");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    let mut round = 0usize;
    group.bench_function(
        "refresh after one workspace changed (incl. its save)",
        |b| {
            b.iter(|| {
                round += 1;
                workspace.claims[0].statement = format!("Edited claim number {round}.");
                store::save(changed, &workspace).unwrap();
                black_box(library.refresh(&folders).unwrap())
            })
        },
    );

    let query = Query {
        text: "Germany exported $245bn of gas to China in 2019".into(),
        folders: library.folders(&folders).unwrap(),
        exclude: None,
        copies_of: None,
        scale: None,
        top: 10,
    };
    group.bench_function("query (top 10)", |b| {
        b.iter(|| black_box(library.similar(&query).unwrap()))
    });
    group.finish();

    let texts = [
        "Germany exported $245bn of gas to China in 2019",
        "Россия экспортировала в Китай товаров на 120 млрд долларов в 2021 году",
        "Україна експортувала до Польщі товарів на 33 мільярди доларів у 2015 році",
        "2020年中国向俄罗斯出口了2450亿美元的商品",
    ];
    let times = query_times(&library, &query, &texts);
    eprintln!(
        "query over 1,000 runs: median {:.2} ms, p99 {:.2} ms (budget 20 ms)",
        times[500].as_secs_f64() * 1e3,
        times[990].as_secs_f64() * 1e3
    );

    let model_dir = tempfile::tempdir().unwrap();
    let (model, label) = embedding_model(model_dir.path());
    library.set_embedding_model(Some(std::sync::Arc::new(model)));
    let times = query_times(&library, &query, &texts);
    eprintln!(
        "query with the embedding model {label}, over 1,000 runs: median {:.2} ms, p99 {:.2} ms (budget 20 ms, 50 ms)",
        times[500].as_secs_f64() * 1e3,
        times[990].as_secs_f64() * 1e3
    );
}

/// The model in `FACTBENCH_EMBEDDING_MODEL`, else a tiny one written
/// into `scratch`; and how to name it.
/// 1,000 queries cycling through `texts`, each timed, sorted.
fn query_times(library: &Library, query: &Query, texts: &[&str]) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..1000)
        .map(|i| {
            let query = Query {
                text: texts[i % texts.len()].into(),
                ..query.clone()
            };
            let started = Instant::now();
            black_box(library.similar(&query).unwrap());
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn embedding_model(scratch: &Path) -> (EmbeddingModel, String) {
    if let Some(dir) = std::env::var_os("FACTBENCH_EMBEDDING_MODEL") {
        let model = EmbeddingModel::load(Path::new(&dir)).unwrap();
        let label = format!("{} ({} × {})", model.name(), model.vocab(), model.dim());
        return (model, label);
    }
    let groups: Vec<Vec<String>> = ACTORS_EN
        .iter()
        .zip(ACTORS_RU)
        .zip(ACTORS_UK)
        .map(|((en, ru), uk)| vec![en.to_string(), ru.to_owned(), uk.to_owned()])
        .chain(GOODS_EN.iter().map(|g| vec![g.to_string()]))
        .collect();
    let groups: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| g.iter().map(String::as_str).collect())
        .collect();
    let groups: Vec<&[&str]> = groups.iter().map(Vec::as_slice).collect();
    write_synonym_embedding_model(scratch, &groups).unwrap();
    let model = EmbeddingModel::load(scratch).unwrap();
    (model, "tiny (generated)".to_owned())
}

/// Published reviews in the library: 250,000 ClaimReview items in 25
/// JSON Lines files of 10,000, with varied claims. Budgets: index ≤ 60 s
/// and ≤ 1 GB on disk; a query's median ≤ 20 ms and p99 ≤ 50 ms; refresh
/// after one file changed ≤ 300 ms. Timed by hand (printed), once.
fn external_benches(_: &mut Criterion) {
    const FILES: usize = 25;
    const EACH: usize = 10_000;
    let folder = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let write = |file: usize, edit: usize| {
        let mut lines = String::new();
        for i in 0..EACH {
            let n = file * EACH + i;
            let rating = ["False", "Mostly false", "True", "Misleading"][n % 4];
            let review = serde_json::json!({
                "@type": "ClaimReview",
                "claimReviewed": review_claim(n, edit),
                "url": format!("https://checks.example/{n}"),
                "datePublished": "2024-03-01",
                "author": {"name": format!("Checker {}", n % 40)},
                "reviewRating": {"alternateName": rating,
                                  "ratingValue": 1 + n % 5, "bestRating": 5, "worstRating": 1}
            });
            lines.push_str(&review.to_string());
            lines.push('\n');
        }
        std::fs::write(
            folder.path().join(format!("reviews-{file:02}.jsonl")),
            lines,
        )
        .unwrap();
    };
    for file in 0..FILES {
        write(file, 0);
    }
    let folders = vec![folder.path().to_owned()];
    let mut library = Library::open(cache.path()).unwrap();
    let started = Instant::now();
    library.refresh(&folders).unwrap();
    let size: u64 = walk_size(cache.path());
    eprintln!(
        "external: index of {} published reviews in {:.2} s (budget 60 s), {:.0} MB on disk (budget 1 GB)",
        library.claim_count(),
        started.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );
    let folders_in = library.folders(&folders).unwrap();
    let texts = [
        "Vaccines given to children in Kenya contain microchips, posts claim",
        "A photo shows floods in the Berlin subway in 2021",
        "The minister said unemployment fell by 12 percent last year",
        "Pfizer's vaccine makes people magnetic",
    ];
    let mut times: Vec<Duration> = (0..1000)
        .map(|i| {
            let query = Query {
                text: texts[i % 4].into(),
                folders: folders_in.clone(),
                top: 10,
                ..Query::default()
            };
            let started = Instant::now();
            black_box(library.similar(&query).unwrap());
            started.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "external: query over 1,000 runs: median {:.2} ms, p99 {:.2} ms (budget 20 / 50 ms)",
        times[500].as_secs_f64() * 1e3,
        times[990].as_secs_f64() * 1e3
    );
    let mut refreshes: Vec<Duration> = (1..=5)
        .map(|edit| {
            write(FILES / 2, edit);
            let started = Instant::now();
            black_box(library.refresh(&folders).unwrap());
            started.elapsed()
        })
        .collect();
    refreshes.sort();
    eprintln!(
        "external: refresh after one file of 10,000 reviews changed: median {:.0} ms of 5 (budget 300 ms)",
        refreshes[2].as_secs_f64() * 1e3
    );
}

/// The `n`th generated published claim (`edit` varies one file's wording).
fn review_claim(n: usize, edit: usize) -> String {
    const SUBJECTS: [&str; 10] = [
        "Vaccines given to children",
        "A photo of floods",
        "The minister",
        "A video of a protest",
        "Pfizer's vaccine",
        "The central bank",
        "Wind turbines",
        "A viral post about the election",
        "Imported grain",
        "The new law",
    ];
    const PLACES: [&str; 12] = [
        "Kenya", "Berlin", "Brazil", "India", "Texas", "Nigeria", "Paris", "Manila", "Ontario",
        "Lagos", "Madrid", "Jakarta",
    ];
    const PREDICATES: [&str; 8] = [
        "contain microchips",
        "shows the subway flooded",
        "said unemployment fell",
        "makes people magnetic",
        "cut interest rates",
        "kill thousands of birds",
        "was rigged",
        "bans cash payments",
    ];
    format!(
        "{} in {} {} by {} percent in {} (edit {edit})",
        SUBJECTS[n % 10],
        PLACES[(n / 10) % 12],
        PREDICATES[(n / 120) % 8],
        n % 97,
        2000 + n % 25
    )
}

fn walk_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| match e.file_type() {
                    Ok(t) if t.is_dir() => walk_size(&e.path()),
                    _ => e.metadata().map_or(0, |m| m.len()),
                })
                .sum()
        })
        .unwrap_or(0)
}

criterion_group!(benches, external_benches, library_benches);
criterion_main!(benches);
