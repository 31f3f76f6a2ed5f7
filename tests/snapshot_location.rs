//! Location data in published images (issue 23, item 6): an image
//! snapshot holding an EXIF GPS position is published by `export
//! --with-snapshots` as a copy without it — JPEG, PNG (`eXIf`) and WebP
//! (`EXIF`) — its pixels' bytes untouched, the evidentiary copy beside the
//! workspace unchanged, and the report says so. The images were made by
//! `tests/fixtures/gps/make_gps_images.py` (Pillow and piexif).

mod fresh_home;

use factbench::evidence::image::image_meta;
use factbench::evidence::location::{Published, published_copy};
use factbench::evidence::{Request, capture};
use factbench::export::{self, ExportOptions, Format};
use factbench::sample::sample_workspace;
use factbench::store::{self, snapshots};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gps")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn stripped(name: &str) -> (Vec<u8>, Vec<u8>) {
    let original = fixture(name);
    let at = image_meta(&original)
        .and_then(|m| m.location)
        .expect("the fixture holds a position");
    assert!(
        (at.latitude - 55.75).abs() < 1e-9 && (at.longitude - (37.0 + 37.0 / 60.0)).abs() < 1e-9
    );
    let Published::LocationRemoved(copy) = published_copy(name, &original).unwrap() else {
        panic!("{name}: nothing taken out");
    };
    // Read back with the reader that found it: no position (no EXIF left).
    assert_eq!(image_meta(&copy).and_then(|m| m.location), None, "{name}");
    assert!(
        image_meta(&copy).is_none(),
        "{name}: the whole EXIF block goes"
    );
    // The same pixels, decoded.
    let pixels = |bytes: &[u8]| {
        image::load_from_memory(bytes)
            .unwrap()
            .to_rgba8()
            .into_raw()
    };
    assert_eq!(pixels(&copy), pixels(&original), "{name}");
    // Taking it out again changes nothing.
    assert_eq!(
        published_copy(name, &copy).unwrap(),
        Published::Unchanged(copy.clone())
    );
    (original, copy)
}

/// The bytes from the first `marker` on.
fn from<'a>(bytes: &'a [u8], marker: &[u8]) -> &'a [u8] {
    let at = bytes
        .windows(marker.len())
        .position(|w| w == marker)
        .unwrap();
    &bytes[at..]
}

/// A RIFF chunk's payload.
fn riff_chunk<'a>(bytes: &'a [u8], id: &[u8; 4]) -> &'a [u8] {
    let chunk = from(bytes, id);
    let size = u32::from_le_bytes(chunk[4..8].try_into().unwrap()) as usize;
    &chunk[8..8 + size]
}

#[test]
fn a_jpeg_loses_its_position_and_keeps_its_scan_byte_for_byte() {
    let (original, copy) = stripped("gps.jpg");
    assert!(copy.len() < original.len());
    // Quantisation tables, frame header, Huffman tables and the scan:
    // everything from the first DQT segment on is the same bytes.
    assert_eq!(from(&copy, &[0xff, 0xdb]), from(&original, &[0xff, 0xdb]));
}

#[test]
fn a_png_loses_its_exif_chunk_and_keeps_its_image_data() {
    let (original, copy) = stripped("gps.png");
    assert!(original.windows(4).any(|w| w == b"eXIf"));
    assert!(!copy.windows(4).any(|w| w == b"eXIf"));
    assert_eq!(from(&copy, b"IDAT"), from(&original, b"IDAT"));
    assert_eq!(from(&copy, b"IHDR")[..17], from(&original, b"IHDR")[..17]);
}

#[test]
fn a_webp_loses_its_exif_chunk_and_keeps_its_bitstream() {
    let (original, copy) = stripped("gps.webp");
    assert!(!copy.windows(4).any(|w| w == b"EXIF"));
    assert_eq!(riff_chunk(&copy, b"VP8L"), riff_chunk(&original, b"VP8L"));
    // The container's size is right for what is left.
    let declared = u32::from_le_bytes(copy[4..8].try_into().unwrap()) as usize;
    assert_eq!(declared + 8, copy.len());
}

#[test]
fn a_damaged_image_is_refused_by_name() {
    let original = fixture("gps.jpg");
    let why = published_copy("photo.jpg", &original[..40]).unwrap_err();
    assert!(why.starts_with("photo.jpg: "), "{why}");
    assert!(published_copy("notes.txt", b"plain text").is_err());
}

#[test]
fn export_with_snapshots_publishes_a_copy_without_location_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = sample_workspace();
    let mut public = Vec::new();
    export::write(Format::Html, &ws, &ExportOptions::public(), &mut public).unwrap();
    let public = String::from_utf8(public).unwrap();
    let index = ws
        .sources
        .iter()
        .position(|s| !s.url.is_empty() && public.contains(&s.url))
        .unwrap();
    let path = dir.path().join("case.ron");
    let photo = dir.path().join("фото.jpg");
    std::fs::write(&photo, fixture("gps.jpg")).unwrap();
    let request = Request {
        path: &photo,
        url: Some("https://example.org/photo".into()),
        captured: Some("2026-05-09T10:30:00Z".parse().unwrap()),
        by: "Ana".into(),
        source_url: String::new(),
        now: "2026-05-10T08:00:00Z".parse().unwrap(),
    };
    let captured = capture(&request).unwrap();
    let sha = captured.snapshot.sha256.clone();
    snapshots::store_snapshot(&path, &sha, &captured.bytes).unwrap();
    ws.sources[index].snapshots.push(captured.snapshot);
    store::save(&path, &ws).unwrap();

    let report = dir.path().join("report.html");
    let out = fresh_home::factbench()
        .args([
            "export".as_ref(),
            path.as_os_str(),
            "-f".as_ref(),
            "html".as_ref(),
        ])
        .args([
            "-o".as_ref(),
            report.as_os_str(),
            "--with-snapshots".as_ref(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let folder = dir.path().join("report_files");
    let name = format!("{sha}-location-removed.jpg");
    let published = std::fs::read(folder.join(&name)).unwrap();
    assert!(!folder.join(format!("{sha}.jpg")).exists());
    assert_eq!(image_meta(&published).and_then(|m| m.location), None);
    assert_ne!(snapshots::sha256_hex(&published), sha);
    // The evidentiary copy is as it was.
    let kept = std::fs::read(snapshots::snapshot_path(&path, &sha).unwrap()).unwrap();
    assert_eq!(snapshots::sha256_hex(&kept), sha);
    assert!(image_meta(&kept).and_then(|m| m.location).is_some());

    let html = std::fs::read_to_string(&report).unwrap();
    assert!(
        html.contains(&format!("href=\"report_files/{name}\"")),
        "{html}"
    );
    assert!(html.contains("location data removed from the published copy"));
    let mut md = Vec::new();
    let options = ExportOptions {
        snapshots: export::SnapshotLinks::Folder("report_files".into()),
        ..ExportOptions::public()
    };
    export::write(Format::Markdown, &ws, &options, &mut md).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(md.contains(&format!("(<report_files/{name}>)")), "{md}");
    assert!(md.contains("(location data removed from the published copy)"));
    // Without --with-snapshots nothing is published, so nothing is said.
    let mut plain = Vec::new();
    export::write(Format::Markdown, &ws, &ExportOptions::public(), &mut plain).unwrap();
    assert!(
        !String::from_utf8(plain)
            .unwrap()
            .contains("location data removed")
    );
}
