//! Web archives as snapshots (issue 23 step d): a page saved by headless
//! Chromium as MHTML, WARC files written by `warcio` (plain, and gzipped
//! with the page sent chunked and gzip-encoded) and a WACZ written by
//! `wacz create` (`tests/fixtures/archives/`, made by `make_fixtures.py`
//! there). The address and capture time come from the archive, the text
//! is the page's main text as article import takes it; a changed stored
//! copy is noticed by `verify`; truncated, malformed, damaged archives,
//! bombs and path tricks are refused, naming the file, with nothing stored.

mod fresh_home;

use factbench::evidence::{self, Request};
use factbench::model::{CaptureMethod, CapturedFrom, Workspace};
use factbench::sample::sample_workspace;
use factbench::store::{self, snapshots};
use jiff::Timestamp;
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

const URL: &str = "https://news.example.org/2026/05/reservoir-levels";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/archives")
        .join(name)
}

fn request(path: &Path) -> Request<'_> {
    Request {
        path,
        url: None,
        captured: None,
        by: "Ana Lima".to_owned(),
        source_url: "https://source.example/".to_owned(),
        now: "2026-12-01T00:00:00Z".parse().unwrap(),
    }
}

fn time(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// The text article import takes out of the page the archives were made of.
fn page_text() -> String {
    factbench::import::import_file(&fixture("page.html"), &Default::default())
        .unwrap()
        .text
}

#[test]
fn each_archive_gives_its_address_capture_time_and_the_page_s_main_text() {
    let expected = page_text();
    for (name, media_type, url, captured) in [
        (
            "reservoir.warc",
            "application/warc",
            URL,
            "2026-05-09T10:31:07Z",
        ),
        (
            "reservoir.warc.gz",
            "application/warc",
            URL,
            "2026-05-09T10:31:07Z",
        ),
        (
            "reservoir.wacz",
            "application/wacz",
            URL,
            "2026-05-09T10:31:07Z",
        ),
        // Chromium saved it from the page served as http://news.example.org/…
        (
            "reservoir.mhtml",
            "multipart/related",
            "http://news.example.org/2026/05/reservoir-levels",
            "2026-12-07T14:29:50Z",
        ),
    ] {
        let path = fixture(name);
        let captured_snapshot = evidence::capture(&request(&path)).unwrap();
        let snap = captured_snapshot.snapshot;
        assert_eq!(snap.media_type, media_type, "{name}");
        assert_eq!(snap.url, url, "{name}");
        assert_eq!(snap.captured, time(captured), "{name}");
        assert_eq!(snap.captured_from, CapturedFrom::File, "{name}");
        assert_eq!(snap.method, CaptureMethod::SavedPage, "{name}");
        assert_eq!(snap.file_name, name);
        assert_eq!(
            captured_snapshot.bytes,
            fs::read(&path).unwrap(),
            "{name}: bytes as they were"
        );
        let text = snap
            .text
            .as_deref()
            .unwrap_or_else(|| panic!("{name}: {}", snap.note));
        assert_eq!(
            text, expected,
            "{name}: the page's main text as import takes it"
        );
        // The article, in every script, NFC (the combining diaeresis composed),
        // and none of the page's navigation or footer.
        for words in [
            "41 per cent",
            "«Вода — это жизнь»",
            "水は命です",
            "الماء هو الحياة",
            "Zo\u{eb}",
            "🚰",
        ] {
            assert!(text.contains(words), "{name}: {words} in {text}");
        }
        assert!(!text.contains("All rights reserved"), "{name}: {text}");
        assert!(snap.note.is_empty(), "{name}: {}", snap.note);
    }
}

#[test]
fn archives_are_known_by_their_content_whatever_their_name() {
    let dir = tempfile::tempdir().unwrap();
    for (name, renamed, media_type) in [
        ("reservoir.wacz", "download.bin", "application/wacz"),
        ("reservoir.warc.gz", "capture", "application/warc"),
        ("reservoir.mhtml", "saved.txt", "multipart/related"),
        ("reservoir.warc", "page.html", "application/warc"),
    ] {
        let path = dir.path().join(renamed);
        fs::copy(fixture(name), &path).unwrap();
        let snap = evidence::capture(&request(&path)).unwrap().snapshot;
        assert_eq!(snap.media_type, media_type, "{name} as {renamed}");
        assert!(snap.text.is_some(), "{name} as {renamed}: {}", snap.note);
    }
}

#[test]
fn a_given_address_and_time_win_and_the_archive_s_are_kept_beside_them() {
    let path = fixture("reservoir.wacz");
    let mut asked = request(&path);
    asked.url = Some("https://mirror.example/reservoir".to_owned());
    asked.captured = Some(time("2026-05-10T08:00:00Z"));
    let snap = evidence::capture(&asked).unwrap().snapshot;
    assert_eq!(snap.url, "https://mirror.example/reservoir");
    assert_eq!(snap.url_in_file, URL);
    assert_eq!(snap.captured, time("2026-05-10T08:00:00Z"));
    assert_eq!(snap.captured_from, CapturedFrom::Given);
    assert_eq!(snap.captured_in_file, Some(time("2026-05-09T10:31:07Z")));
    // Agreeing with the file: nothing kept twice.
    asked.url = Some(URL.to_owned());
    asked.captured = Some(time("2026-05-09T10:31:07Z"));
    let snap = evidence::capture(&asked).unwrap().snapshot;
    assert_eq!(snap.url_in_file, "");
    assert_eq!(snap.captured_in_file, None);
}

/// Writes `bytes` as `name` in `dir` and tries to make a snapshot of it:
/// the refusal, which must name the file.
fn refusal(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    let why = match evidence::capture(&request(&path)) {
        Ok(c) => panic!("{name} was taken: {:?}", c.snapshot.note),
        Err(why) => why,
    };
    assert!(why.contains(path.to_str().unwrap()), "{why}");
    assert!(why.ends_with("nothing stored"), "{why}");
    why
}

#[test]
fn truncated_and_malformed_archives_are_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let warc = fs::read(fixture("reservoir.warc")).unwrap();
    let gz = fs::read(fixture("reservoir.warc.gz")).unwrap();
    let wacz = fs::read(fixture("reservoir.wacz")).unwrap();
    let mhtml = fs::read(fixture("reservoir.mhtml")).unwrap();
    let why = refusal(dir, "cut.warc", &warc[..warc.len() * 2 / 3]);
    assert!(why.contains("truncated"), "{why}");
    let why = refusal(dir, "cut.warc.gz", &gz[..gz.len() * 2 / 3]);
    assert!(
        why.contains("truncated") || why.contains("damaged"),
        "{why}"
    );
    let why = refusal(dir, "cut.wacz", &wacz[..wacz.len() / 2]);
    assert!(why.contains("not a readable ZIP archive"), "{why}");
    let why = refusal(dir, "cut.mhtml", &mhtml[..mhtml.len() - 300]);
    assert!(why.contains("closing MIME boundary (truncated)"), "{why}");
    // Junk where the second record should start.
    let first_end = memchr_find(&warc, b"\r\n\r\nWARC/").unwrap() + 4;
    let mut junk = warc[..first_end].to_vec();
    junk.extend_from_slice(b"GARBAGE 42\r\n");
    junk.extend_from_slice(&warc[first_end..]);
    let why = refusal(dir, "junk.warc", &junk);
    assert!(
        why.contains("\"GARBAGE 42\"") && why.contains("malformed"),
        "{why}"
    );
    // A record without its length.
    let no_length = String::from_utf8_lossy(&warc).replacen("Content-Length:", "Content-Lost:", 1);
    let why = refusal(dir, "nolength.warc", no_length.as_bytes());
    assert!(why.contains("no Content-Length"), "{why}");
    // A WACZ without any WARC in it.
    let why = refusal(
        dir,
        "empty.wacz",
        &zip_of(&[("datapackage.json", b"{}".as_slice())]),
    );
    assert!(why.contains("no WARC file"), "{why}");
}

fn memchr_find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A ZIP of the given entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn a_flipped_byte_inside_a_wacz_is_refused_as_damage() {
    let dir = tempfile::tempdir().unwrap();
    let wacz = fs::read(fixture("reservoir.wacz")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&wacz[..])).unwrap();
    let start = archive
        .by_name("archive/reservoir.warc.gz")
        .unwrap()
        .data_start()
        .unwrap() as usize;
    let mut flipped = wacz.clone();
    flipped[start + 200] ^= 0x20;
    let why = refusal(dir.path(), "flipped.wacz", &flipped);
    assert!(why.contains("archive/reservoir.warc.gz"), "{why}");
    assert!(why.contains("damaged"), "{why}");
    // The package's title altered (and the package zipped again, every CRC
    // right): datapackage.json no longer matches its digest.
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive.by_index(index).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
        if name == "datapackage.json" {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains("\"title\": \"Reservoir levels"));
            bytes = text
                .replace("\"title\": \"Reservoir", "\"title\": \"Dam")
                .into_bytes();
        }
        entries.push((name, bytes));
    }
    let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), &b[..])).collect();
    let why = refusal(dir.path(), "altered.wacz", &zip_of(&entries));
    assert!(why.contains("datapackage.json"), "{why}");
}

#[test]
fn zip_and_gzip_bombs_and_path_tricks_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let zeros = vec![0u8; 40 * 1024 * 1024];
    // A WACZ entry of 40 MB of zeros (40 KB packed).
    let why = refusal(
        dir,
        "bomb.wacz",
        &zip_of(&[
            ("datapackage.json", b"{}".as_slice()),
            ("archive/a.warc", &zeros),
        ]),
    );
    assert!(
        why.contains("archive/a.warc") && why.contains("zip bomb"),
        "{why}"
    );
    // A gzipped WARC record of 40 MB of zeros.
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: {URL}\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
        zeros.len()
    )
    .into_bytes();
    record.extend_from_slice(&zeros);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&record).unwrap();
    let why = refusal(dir, "bomb.warc.gz", &gz.finish().unwrap());
    assert!(why.contains("gzip bomb"), "{why}");
    // Entries whose names would leave the folder they were unpacked in.
    for name in [
        "../../evil.warc",
        "/etc/evil.warc",
        "archive/../../evil.warc",
        "C:/evil.warc",
    ] {
        let why = refusal(
            dir,
            "trick.wacz",
            &zip_of(&[
                ("datapackage.json", b"{}".as_slice()),
                (name, b"WARC/1.1\r\n"),
            ]),
        );
        assert!(why.contains("path trick"), "{name}: {why}");
    }
    assert!(!dir.join("evil.warc").exists());
    assert!(!dir.parent().unwrap().join("evil.warc").exists());
}

#[test]
fn an_archive_without_a_page_s_text_is_kept_as_bytes_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    // A WARC whose only response is an image.
    let png = b"\x89PNG\r\n\x1a\nnot really";
    let mut body = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n".to_vec();
    body.extend_from_slice(png);
    let mut warc = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/a.png\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    warc.extend_from_slice(&body);
    warc.extend_from_slice(b"\r\n\r\n");
    let path = dir.path().join("image.warc");
    fs::write(&path, &warc).unwrap();
    let snap = evidence::capture(&request(&path)).unwrap().snapshot;
    assert_eq!(snap.text, None);
    assert!(snap.note.contains("hold no HTML page"), "{}", snap.note);
    // A page sent compressed with Brotli, which is not decoded.
    let body =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n\x1b\x03";
    let mut warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: <{URL}>\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    warc.extend_from_slice(body);
    warc.extend_from_slice(b"\r\n\r\n");
    let path = dir.path().join("brotli.warc");
    fs::write(&path, &warc).unwrap();
    let snap = evidence::capture(&request(&path)).unwrap().snapshot;
    assert_eq!(snap.text, None);
    assert_eq!(snap.url, URL, "WARC 1.0's <…> round the address left out");
    assert_eq!(snap.captured, time("2026-01-02T03:04:05Z"));
    assert!(snap.note.contains("compressed with br"), "{}", snap.note);
}

/// Runs the command line in a desk of its own.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = fresh_home::factbench()
        .args(args)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_wacz_snapshot_is_stored_verified_and_its_changed_copy_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("case.ron");
    store::save(&workspace, &sample_workspace()).unwrap();
    let ws = workspace.to_str().unwrap();
    let load = || -> Workspace { store::load(&workspace).unwrap().workspace };
    let source = load().sources[0].id.to_string();
    let wacz = fixture("reservoir.wacz");
    let (code, out, err) = run(
        dir.path(),
        &[
            "snapshot",
            ws,
            wacz.to_str().unwrap(),
            "--source",
            &source,
            "--by",
            "Ana",
            "--json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(json["media_type"], "application/wacz");
    assert_eq!(json["url"], URL);
    assert_eq!(json["captured"], "2026-05-09T10:31:07Z");
    assert_eq!(json["captured_from"], "file");
    let sha = json["sha256"].as_str().unwrap().to_owned();
    let stored = snapshots::snapshot_path(&workspace, &sha).unwrap();
    assert_eq!(fs::read(&stored).unwrap(), fs::read(&wacz).unwrap());
    assert_eq!(
        load().sources[0].snapshots[0].text.as_deref(),
        Some(page_text().as_str())
    );
    let (code, out, _) = run(dir.path(), &["verify", ws, "--by", "Cy"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ok "), "{out}");

    // One byte of the stored copy flipped.
    let mut bytes = fs::read(&stored).unwrap();
    let mut permissions = fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    fs::set_permissions(&stored, permissions).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    fs::write(&stored, &bytes).unwrap();
    let (code, out, _) = run(dir.path(), &["verify", ws, "--by", "Cy"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.starts_with("changed ") && out.contains(&sha[..12]),
        "{out}"
    );

    // A damaged archive given to `snapshot`: refused, named, nothing stored.
    let before = fs::read(&workspace).unwrap();
    let cut = dir.path().join("cut.wacz");
    let whole = fs::read(&wacz).unwrap();
    fs::write(&cut, &whole[..whole.len() - 100]).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &[
            "snapshot",
            ws,
            cut.to_str().unwrap(),
            "--source",
            &source,
            "--by",
            "Ana",
        ],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(cut.to_str().unwrap()) && err.contains("nothing stored"),
        "{err}"
    );
    assert_eq!(fs::read(&workspace).unwrap(), before);
    let held: Vec<_> = fs::read_dir(snapshots::snapshots_dir(&workspace))
        .unwrap()
        .collect();
    assert_eq!(held.len(), 1, "only the WACZ added first");
}

/// Standard base64 with line breaks every 76 chars, as MIME writes it.
fn base64_lines(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            let shown = i <= chunk.len();
            out.push(if shown {
                ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out.as_bytes()
        .chunks(76)
        .map(|line| String::from_utf8_lossy(line).into_owned() + "\r\n")
        .collect()
}

#[test]
fn an_older_browser_s_mhtml_in_base64_and_windows_1251_is_read_from_its_root_part() {
    // As Internet Explorer and the old Edge wrote "Web Archive, single file":
    // no Snapshot-Content-Location, the page in base64 in a legacy charset,
    // the root part named by `start`, an image part before it.
    let page = "<!DOCTYPE html><html><head><title>Заявление</title></head><body><article>\
        <h1>Заявление пресс-службы</h1><p>Министерство сообщает, что урожай 2025 года был на 18 процентов ниже среднего.</p>\
        <p>Ёлки и ели растут у плотины; «вода — это жизнь».</p></article></body></html>";
    let (cp1251, _, bad) = encoding_rs::WINDOWS_1251.encode(page);
    assert!(!bad);
    let mhtml = format!(
        "From: <Saved by Windows Internet Explorer 8>\r\nSubject: =?windows-1251?B?x+Dx4uvl7ejl?=\r\n\
         Date: Sat, 9 May 2026 12:00:00 +0200\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tstart=\"<root@mid.example>\";\r\n\tboundary=\"----=_NextPart_000_0000\"\r\n\r\n\
         This is a multi-part message in MIME format.\r\n\r\n\
         ------=_NextPart_000_0000\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://mid.example/logo.gif\r\n\r\nR0lGODlhAQABAAAAACw=\r\n\r\n\
         ------=_NextPart_000_0000\r\nContent-Type: text/html;\r\n\tcharset=\"windows-1251\"\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <root@mid.example>\r\nContent-Location: https://mid.example/ru/press/1\r\n\r\n{}\r\n\
         ------=_NextPart_000_0000--\r\n",
        base64_lines(&cp1251)
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("press.mht");
    fs::write(&path, mhtml).unwrap();
    let snap = evidence::capture(&request(&path)).unwrap().snapshot;
    assert_eq!(snap.media_type, "multipart/related");
    assert_eq!(snap.url, "https://mid.example/ru/press/1");
    assert_eq!(snap.captured, time("2026-05-09T10:00:00Z"));
    let text = snap.text.unwrap_or_else(|| panic!("{}", snap.note));
    assert!(
        text.contains("урожай 2025 года был на 18 процентов ниже"),
        "{text}"
    );
    assert!(
        text.contains("Ёлки и ели растут у плотины; «вода — это жизнь»."),
        "{text}"
    );
}
