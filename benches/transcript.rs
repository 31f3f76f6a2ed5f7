//! Importing transcripts from their bytes (`import::import_bytes`, what
//! `factbench import` and the window do after reading the file). Budget
//! (docs/transcripts.md, issue 25): a 3-hour debate, about 4,000 WebVTT cues
//! with voices, tags and entities, imported in ≤ 100 ms. A 100,000-cue
//! file is measured beside it, for information.

use criterion::{Criterion, criterion_group, criterion_main};
use factbench::import::transcript::debate_vtt;
use factbench::import::{ImportOptions, import_bytes};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn transcript_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("import_transcript");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (label, cues) in [
        ("3-hour debate (4,000 cues)", 4_000),
        ("100,000 cues", 100_000),
    ] {
        let bytes = debate_vtt(cues).into_bytes();
        let path = Path::new("debate.vtt");
        group.bench_function(label, |b| {
            b.iter(|| {
                let imported = import_bytes(path, black_box(&bytes), &ImportOptions::default());
                black_box(imported.map(|i| i.article.char_len()).unwrap_or(0))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, transcript_benches);
criterion_main!(benches);
