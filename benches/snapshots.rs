//! Snapshots (docs/evidence.md). Budgets (docs/budgets.md): adding a 20 MB
//! snapshot ≤ 1 s — read, hashed, sniffed, its text or EXIF read, written
//! beside the workspace (synced) and recorded by `Command::AddSnapshot` —
//! and `verify` of 1,000 snapshots totalling 1 GB ≤ 10 s (every file
//! re-hashed, one thread per core). Set `FACTBENCH_VERIFY_MB` to verify
//! fewer megabytes (1,000 files either way) where the disk is short.
//!
//! The files are in the page cache after they are written, so `verify`
//! is timed hashing at memory speed; from a cold disk it is bounded by the
//! disk's read speed instead.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use factbench::edit::{Command, Document};
use factbench::evidence::{Request, capture};
use factbench::model::{CaptureMethod, CapturedFrom, Snapshot, Source, SourceKind, Workspace};
use factbench::store::snapshots::{sha256_hex, store_snapshot};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// `len` bytes that do not compress or repeat (a xorshift stream).
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// A 20 MB PNG as a screenshot tool writes one: signature, chunks, end.
fn big_png() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(noise(20 * 1024 * 1024, 7));
    png.extend_from_slice(&[0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    png
}

/// 20 MB of plain text in paragraphs, mixed scripts.
fn big_text() -> String {
    let paragraph = "The ministry said exports rose by 5 per cent in May. Министерство заявило о росте экспорта. 北京时间五月九日。\n\n";
    paragraph.repeat(20 * 1024 * 1024 / paragraph.len())
}

/// One snapshot added as `factbench snapshot` adds it, in a new folder.
fn add_once(file: &Path, dir: &Path) {
    let ws_path = dir.join("case.ron");
    let mut ws = Workspace::new("bench");
    let source = Source::new("s", "https://example.org/page", SourceKind::Other);
    let id = source.id;
    ws.sources.push(source);
    let request = Request {
        path: file,
        url: None,
        captured: None,
        by: "bench".into(),
        source_url: String::new(),
        now: factbench::model::now(),
    };
    let captured = capture(&request).unwrap();
    store_snapshot(&ws_path, &captured.snapshot.sha256, &captured.bytes).unwrap();
    let mut doc = Document::new(ws, None);
    doc.execute(Command::add_snapshot(id, captured.snapshot), 0.0)
        .unwrap();
    black_box(doc.workspace());
}

fn add_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("screenshot.png");
    std::fs::write(&png, big_png()).unwrap();
    let text = dir.path().join("report.txt");
    std::fs::write(&text, big_text()).unwrap();
    let mut group = c.benchmark_group("snapshot_add_20MB");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (name, file) in [
        ("png (hash, store, sync)", &png),
        ("text (also its text)", &text),
    ] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || tempfile::tempdir().unwrap(),
                |target| add_once(file, target.path()),
                BatchSize::PerIteration,
            )
        });
    }
    group.finish();
}

fn verify_benches(c: &mut Criterion) {
    let total_mb: usize = std::env::var("FACTBENCH_VERIFY_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let files = 1000;
    let size = total_mb * 1024 * 1024 / files;
    let dir = tempfile::tempdir().unwrap();
    let ws_path = dir.path().join("case.ron");
    let mut ws = Workspace::new("bench");
    for n in 0..files {
        if n % 10 == 0 {
            ws.sources
                .push(Source::new(format!("s{n}"), "", SourceKind::Other));
        }
        let bytes = noise(size, n as u64 + 1);
        let sha256 = sha256_hex(&bytes);
        store_snapshot(&ws_path, &sha256, &bytes).unwrap();
        let snapshot = Snapshot {
            sha256,
            size: bytes.len() as u64,
            media_type: "application/octet-stream".into(),
            file_name: format!("{n}.bin"),
            url: String::new(),
            captured: jiff::Timestamp::UNIX_EPOCH,
            captured_from: CapturedFrom::Given,
            captured_in_file: None,
            url_in_file: String::new(),
            method: CaptureMethod::Document,
            by: "bench".into(),
            added: jiff::Timestamp::UNIX_EPOCH,
            text: None,
            note: String::new(),
            image: None,
            replaces: None,
            pages: Vec::new(),
        };
        if let Some(source) = ws.sources.last_mut() {
            source.snapshots.push(snapshot);
        }
    }
    eprintln!("verify: {files} snapshots, {total_mb} MB");
    let mut group = c.benchmark_group(format!("verify_{files}_snapshots_{total_mb}MB"));
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(30));
    group.bench_function("re-hash every file, check every excerpt", |b| {
        b.iter(|| {
            let findings = factbench::evidence::verify(&ws, &ws_path);
            assert!(findings.iter().all(|f| f.label() == "ok"));
            black_box(findings)
        })
    });
    group.finish();
}

criterion_group!(benches, add_benches, verify_benches);
criterion_main!(benches);
