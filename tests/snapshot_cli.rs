//! `factbench snapshot`, `verify`, `cite --excerpt` and `check`, driven as
//! a checker's script drives them: a real saved page, a real photograph
//! with EXIF and a real screenshot added to sources (`tests/fixtures/
//! snapshots/README.md`); excerpts cited and anchored in the page's text;
//! snapshots tampered with (a flipped byte, a deleted file, a replaced
//! file) and each change noticed, named and recorded; bad files refused
//! with nothing stored.

mod fresh_home;

use factbench::model::{ByteCheck, CustodyEvent, ExcerptCheck, Workspace};
use factbench::sample::sample_workspace;
use factbench::store::{self, snapshots};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const PAGE: &str = "tests/fixtures/pages/tofugu-dezuka-suisan.html";
const PHOTO: &str = "tests/fixtures/snapshots/tower.jpg";
const SCREENSHOT: &str = "tests/fixtures/snapshots/screenshot.png";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

/// A desk: a temporary folder with the sample workspace saved in it and
/// a config folder of its own (no Preferences › Your name unless written).
struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Desk {
            dir: tempfile::tempdir().unwrap(),
        };
        store::save(&desk.workspace(), &sample_workspace()).unwrap();
        desk
    }

    fn workspace(&self) -> PathBuf {
        self.dir.path().join("case.ron")
    }

    fn ws(&self) -> String {
        self.workspace().to_str().unwrap().to_owned()
    }

    fn load(&self) -> Workspace {
        store::load(&self.workspace()).unwrap().workspace
    }

    fn source(&self, n: usize) -> String {
        self.load().sources[n].id.to_string()
    }

    /// Exit code, standard output and standard error.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let config = self.dir.path().join("config");
        let out = fresh_home::factbench()
            .args(args)
            .env("XDG_CONFIG_HOME", &config)
            .env("HOME", self.dir.path())
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn snapshot(&self, file: &Path, source: &str, extra: &[&str]) -> (i32, String, String) {
        let ws = self.ws();
        let mut args = vec!["snapshot", &ws[..], file.to_str().unwrap()];
        args.extend(["--source", source]);
        args.extend(extra);
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        self.run(&refs)
    }

    fn snapshot_json(&self, file: &Path, source: &str, extra: &[&str]) -> Value {
        let mut extra = extra.to_vec();
        extra.extend(["--json", "--by", "Ana Lima"]);
        let (code, out, err) = self.snapshot(file, source, &extra);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"))
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::write(&path, text).unwrap();
        path
    }

    fn snapshot_file(&self, sha: &str) -> PathBuf {
        snapshots::snapshot_path(&self.workspace(), sha).unwrap()
    }

    /// A claim not yet published (evidence is added to it freely), by id.
    fn draft_claim(&self) -> String {
        let ws = self.load();
        ws.claims
            .iter()
            .find(|c| !c.is_published())
            .unwrap()
            .id
            .to_string()
    }
}

fn make_writable(path: &Path) {
    let mut permissions = fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    fs::set_permissions(path, permissions).unwrap();
}

#[test]
fn a_saved_page_is_kept_hashed_with_its_text_and_added_once() {
    let desk = Desk::new();
    let source = desk.source(0);
    let page = fixture(PAGE);
    let bytes = fs::read(&page).unwrap();
    let json = desk.snapshot_json(&page, &source, &["--captured", "2020-02-05T09:00:00Z"]);
    let sha = snapshots::sha256_hex(&bytes);
    assert_eq!(json["sha256"], sha.as_str());
    assert_eq!(json["size"], bytes.len());
    assert_eq!(json["media_type"], "text/html");
    assert_eq!(json["file_name"], "tofugu-dezuka-suisan.html");
    assert_eq!(json["url"], "https://www.tofugu.com/travel/dezuka-suisan/");
    assert_eq!(json["captured"], "2020-02-05T09:00:00Z");
    assert_eq!(json["captured_from"], "given");
    assert_eq!(json["by"], "Ana Lima");
    assert_eq!(json["source"], source.as_str());
    assert_eq!(json["replaced"], Value::Null);
    assert_eq!(json["duplicate"], false);
    // The bytes beside the workspace, as they were; the text in it.
    assert_eq!(fs::read(desk.snapshot_file(&sha)).unwrap(), bytes);
    let ws = desk.load();
    let snap = &ws.sources[0].snapshots[0];
    let text = snap.text.as_deref().unwrap();
    assert!(text.contains("While they were cooking"), "{text}");
    assert!(
        !text.contains("View larger map"),
        "the page's main text only"
    );
    assert!(matches!(ws.custody[0].event, CustodyEvent::Added));
    assert_eq!(ws.custody[0].by, "Ana Lima");
    // The same bytes again: nothing changes, and it says so.
    let before = fs::read(desk.workspace()).unwrap();
    let again = desk.snapshot_json(&page, &source, &[]);
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["sha256"], sha.as_str());
    assert_eq!(fs::read(desk.workspace()).unwrap(), before);
    // Without --json, the hash alone.
    let (code, out, _) = desk.snapshot(&page, &source, &["--by", "Bo"]);
    assert_eq!((code, out.trim()), (0, sha.as_str()));
}

#[test]
fn excerpts_are_anchored_refused_when_absent_unless_unverified_and_verified() {
    let desk = Desk::new();
    let source = desk.source(0);
    let claim = desk.draft_claim();
    let json = desk.snapshot_json(&fixture(PAGE), &source, &[]);
    let sha = json["sha256"].as_str().unwrap().to_owned();
    let ws = desk.ws();
    let cite = |excerpt: &str, extra: &[&str]| {
        let mut args = vec!["cite", &ws[..], "--claim", &claim, "--source", &source];
        args.extend(["--stance", "supports", "--excerpt", excerpt]);
        args.extend(extra);
        desk.run(&args)
    };
    // Folded as `mark` folds: curly quotes and dashes need not match.
    let (code, _, err) = cite("While they were cooking", &[]);
    assert_eq!(code, 0, "{err}");
    let before = fs::read(desk.workspace()).unwrap();
    let (code, _, err) = cite("The fish was never served", &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("not found in the source's latest text snapshot"),
        "{err}"
    );
    assert!(err.contains("--unverified"), "{err}");
    assert_eq!(fs::read(desk.workspace()).unwrap(), before, "nothing saved");
    let (code, _, err) = cite("The fish was never served", &["--unverified", "--by", "Bo"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("cited unverified"), "{err}");

    let loaded = desk.load();
    let evidence: Vec<_> = loaded.claims.iter().flat_map(|c| &c.evidence).collect();
    let found = evidence
        .iter()
        .find(|e| e.excerpt == "While they were cooking")
        .unwrap();
    let anchored = found.anchor.as_ref().unwrap();
    assert_eq!(anchored.snapshot, sha);
    let anchor = anchored.anchor.as_ref().unwrap();
    let text = loaded.sources[0].snapshots[0].text.as_deref().unwrap();
    let at = text.find("While they were cooking").unwrap();
    assert_eq!(anchor.start, text[..at].chars().count());
    assert_eq!(anchor.exact, "While they were cooking");
    let unverified = evidence
        .iter()
        .find(|e| e.excerpt.starts_with("The fish"))
        .unwrap();
    assert!(unverified.anchor.as_ref().unwrap().unverified);
    assert!(
        loaded
            .custody
            .iter()
            .any(|e| e.by == "Bo" && matches!(e.event, CustodyEvent::CitedUnverified { .. }))
    );

    // verify: the page ok, one excerpt ok, one unverified; exit 0; recorded.
    let (code, out, err) = desk.run(&["verify", &ws, "--by", "Cy"]);
    assert_eq!(code, 0, "{out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].starts_with("ok") && lines[0].contains(&sha) && lines[0].contains(&source));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ok ") && l.contains("claim ")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("unverified") && l.contains("claim ")),
        "{out}"
    );
    let custody = desk.load().custody;
    let by_cy: Vec<_> = custody.iter().filter(|e| e.by == "Cy").collect();
    assert_eq!(by_cy.len(), 3);
    assert!(
        by_cy
            .iter()
            .any(|e| e.event == CustodyEvent::Verified(ByteCheck::Ok))
    );
    assert!(by_cy.iter().any(|e| matches!(
        e.event,
        CustodyEvent::ExcerptVerified {
            result: ExcerptCheck::Unverified,
            ..
        }
    )));
    let (code, out, _) = desk.run(&["verify", &ws, "--json", "--by", "Cy"]);
    assert_eq!(code, 0);
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["result"], "ok");
    assert_eq!(first["sha256"], sha.as_str());
}

#[test]
fn an_excerpt_found_twice_is_listed_until_nth_picks_one() {
    let desk = Desk::new();
    let source = desk.source(0);
    let claim = desk.draft_claim();
    let text = "Экспорт вырос снова. Затем — пауза. Экспорт вырос снова.";
    let file = desk.write("report.txt", text);
    desk.snapshot_json(&file, &source, &[]);
    let ws = desk.ws();
    let base = [
        "cite",
        &ws[..],
        "--claim",
        &claim,
        "--source",
        &source,
        "--stance",
        "context",
    ];
    let mut args = base.to_vec();
    args.extend(["--excerpt", "Экспорт вырос снова"]);
    let (code, _, err) = desk.run(&args);
    assert_eq!(code, 1);
    assert!(err.contains("occurs 2 times"), "{err}");
    assert!(
        err.contains("1: chars 0–19") && err.contains("2: chars 36–55"),
        "{err}"
    );
    args.extend(["--nth", "2"]);
    let (code, _, err) = desk.run(&args);
    assert_eq!(code, 0, "{err}");
    let ws = desk.load();
    let anchor = ws
        .claims
        .iter()
        .flat_map(|c| &c.evidence)
        .find_map(|e| e.anchor.as_ref()?.anchor.clone())
        .unwrap();
    assert_eq!((anchor.start, anchor.end), (36, 55));
}

/// The text of source 0's snapshot and its hash, the claim citing it
/// with an anchored excerpt.
fn desk_with_anchored_text(text: &str, excerpt: &str) -> (Desk, String, String) {
    let desk = Desk::new();
    let source = desk.source(0);
    let claim = desk.draft_claim();
    let file = desk.write("v1.txt", text);
    let json = desk.snapshot_json(&file, &source, &["--url", "https://example.org/report"]);
    let ws = desk.ws();
    let (code, _, err) = desk.run(&[
        "cite",
        &ws,
        "--claim",
        &claim,
        "--source",
        &source,
        "--stance",
        "refutes",
        "--excerpt",
        excerpt,
    ]);
    assert_eq!(code, 0, "{err}");
    (desk, source, json["sha256"].as_str().unwrap().to_owned())
}

fn anchored_in(ws: &Workspace, excerpt: &str) -> factbench::model::ExcerptAnchor {
    ws.claims
        .iter()
        .flat_map(|c| &c.evidence)
        .find(|e| e.excerpt == excerpt)
        .and_then(|e| e.anchor.clone())
        .map(|a| *a)
        .unwrap()
}

#[test]
fn a_new_capture_of_the_page_replaces_the_old_one_and_excerpts_follow_or_are_flagged() {
    let excerpt = "the plan costs 5 billion";
    let v1 = "Budget news.\n\nAlpha said the plan costs 5 billion over ten years.";
    let (desk, source, old) = desk_with_anchored_text(v1, excerpt);
    let v2 = "Updated 10 May.\n\nBudget news, 习近平 visit.\n\nAlpha said the plan costs 5 billion over ten years.";
    let file = desk.write("v2.txt", v2);
    let url = ["--url", "https://example.org/report/#top"];
    let json = desk.snapshot_json(&file, &source, &url);
    assert_eq!(json["replaced"], old.as_str());
    let new = json["sha256"].as_str().unwrap().to_owned();
    let ws = desk.load();
    assert_eq!(ws.sources[0].snapshots.len(), 2, "the old one is kept");
    assert!(desk.snapshot_file(&old).exists());
    assert!(
        ws.custody
            .iter()
            .any(|e| e.snapshot == new && e.event == CustodyEvent::Replaced { old: old.clone() })
    );
    let anchored = anchored_in(&ws, excerpt);
    assert_eq!(anchored.snapshot, new);
    let anchor = anchored.anchor.unwrap();
    let at = v2.find(excerpt).unwrap();
    assert_eq!(anchor.start, v2[..at].chars().count());

    // A capture without the sentence: the excerpt is flagged, verify fails.
    let v3 = "Updated 11 May.\n\nBudget news. Alpha declined to comment.";
    let file = desk.write("v3.txt", v3);
    let (code, _, err) = desk.snapshot(&file, &source, &[url[0], url[1], "--by", "Ana"]);
    assert_eq!(code, 0);
    assert!(err.contains("1 not found"), "{err}");
    let anchored = anchored_in(&desk.load(), excerpt);
    assert!(anchored.anchor.is_none() && !anchored.unverified);
    let (code, out, _) = desk.run(&["verify", &desk.ws(), "--by", "Cy"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("excerpt-not-found") && l.contains("claim ")),
        "{out}"
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("ok ")).count(),
        3,
        "{out}"
    );
}

#[test]
fn a_flipped_byte_a_deleted_file_and_a_replaced_file_are_each_noticed() {
    let desk = Desk::new();
    let source = desk.source(0);
    let text = desk.write("statement.txt", "We never said that. — The Ministry");
    let page = desk.snapshot_json(&text, &source, &[]);
    let photo = desk.snapshot_json(&fixture(PHOTO), &source, &[]);
    let shot = desk.snapshot_json(&fixture(SCREENSHOT), &desk.source(1), &[]);
    let [page, photo, shot] = [page, photo, shot].map(|j| j["sha256"].as_str().unwrap().to_owned());
    let ws = desk.ws();
    let (code, out, _) = desk.run(&["verify", &ws, "--by", "Cy"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out.lines().filter(|l| l.starts_with("ok ")).count(), 3);

    // One flipped byte.
    let path = desk.snapshot_file(&page);
    make_writable(&path);
    let mut bytes = fs::read(&path).unwrap();
    bytes[3] ^= 0x01;
    fs::write(&path, &bytes).unwrap();
    // A deleted file.
    fs::remove_file(desk.snapshot_file(&photo)).unwrap();
    // A file replaced by another's bytes.
    let shot_path = desk.snapshot_file(&shot);
    make_writable(&shot_path);
    fs::copy(fixture(PAGE), &shot_path).unwrap();

    // check: the problems, named, and nothing recorded.
    let before = fs::read(desk.workspace()).unwrap();
    let (code, out, _) = desk.run(&["check", &ws]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("snapshot {} of source", &page[..12])),
        "{out}"
    );
    assert!(out.contains("has changed: its file now hashes to"), "{out}");
    assert!(out.contains("is missing from"), "{out}");
    assert!(out.contains("3 problems"), "{out}");
    assert_eq!(
        fs::read(desk.workspace()).unwrap(),
        before,
        "check records nothing"
    );

    let (code, out, err) = desk.run(&["verify", &ws, "--by", "Cy"]);
    assert_eq!(code, 1, "{out}{err}");
    let result_of = |sha: &str| {
        out.lines()
            .find(|l| l.contains(sha))
            .and_then(|l| l.split_whitespace().next())
            .unwrap()
            .to_owned()
    };
    assert_eq!(result_of(&page), "changed");
    assert_eq!(result_of(&photo), "missing");
    assert_eq!(result_of(&shot), "changed");
    let changed_to = snapshots::sha256_hex(&bytes);
    let custody = desk.load().custody;
    assert!(custody.iter().any(|e| e.snapshot == page
        && e.event == CustodyEvent::Verified(ByteCheck::Changed(changed_to.clone()))));
    assert!(
        custody
            .iter()
            .any(|e| e.snapshot == photo && e.event == CustodyEvent::Verified(ByteCheck::Missing))
    );
}

#[test]
fn images_keep_their_exif_and_no_text() {
    let desk = Desk::new();
    let source = desk.source(0);
    let json = desk.snapshot_json(&fixture(PHOTO), &source, &[]);
    assert_eq!(json["media_type"], "image/jpeg");
    let png = desk.snapshot_json(&fixture(SCREENSHOT), &source, &[]);
    assert_eq!(png["media_type"], "image/png");
    assert_eq!(png["replaced"], json["sha256"], "same page, same kind");
    let ws = desk.load();
    let [photo, shot] = [&ws.sources[0].snapshots[0], &ws.sources[0].snapshots[1]];
    assert!(photo.text.is_none() && shot.text.is_none());
    let meta = photo.image.as_ref().unwrap();
    assert_eq!(meta.taken, "2019-11-09 10:59:36");
    assert_eq!(meta.camera, "OnePlus ONEPLUS A5010");
    let at = meta.location.unwrap();
    assert!((at.latitude - 48.8545535).abs() < 1e-4, "{at:?}");
    assert!((at.longitude - 2.3002900).abs() < 1e-4, "{at:?}");
    assert!(
        shot.image.is_none() && shot.note.contains("no EXIF"),
        "{}",
        shot.note
    );
}

#[test]
fn who_adds_comes_from_by_or_preferences_and_is_refused_without_either() {
    let desk = Desk::new();
    let source = desk.source(0);
    let file = desk.write("note.txt", "A note.");
    let (code, _, err) = desk.snapshot(&file, &source, &[]);
    assert_eq!(code, 1);
    assert!(
        err.contains("who adds the snapshot? Give --by NAME"),
        "{err}"
    );
    assert!(!snapshots::snapshots_dir(&desk.workspace()).exists());
    let settings = desk.dir.path().join("config/factbench");
    fs::create_dir_all(&settings).unwrap();
    fs::write(
        settings.join("settings.ron"),
        "Settings(recent: [], theme: Dark, your_name: \"Dana Ortiz\")",
    )
    .unwrap();
    let (code, out, err) = desk.snapshot(&file, &source, &["--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"by\":\"Dana Ortiz\""), "{out}");
}

#[test]
fn bad_files_are_refused_naming_them_and_nothing_is_stored() {
    let desk = Desk::new();
    let source = desk.source(0);
    let before = fs::read(desk.workspace()).unwrap();
    let photo = fs::read(fixture(PHOTO)).unwrap();
    let truncated = desk.dir.path().join("cut.jpg");
    fs::write(&truncated, &photo[..photo.len() / 2]).unwrap();
    let huge = desk.dir.path().join("huge.html");
    fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024 + 1)
        .unwrap();
    let junk = desk.dir.path().join("junk.bin");
    fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let empty = desk.write("empty.txt", "");
    for (file, why) in [
        (&truncated, "truncated"),
        (&huge, "a snapshot may be up to 200 MB"),
        (&junk, "is not a file Factbench keeps"),
        (&empty, "is empty"),
    ] {
        let (code, _, err) = desk.snapshot(file, &source, &["--by", "Ana"]);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains(file.to_str().unwrap()), "{err}");
        assert!(err.contains(why), "{err}");
    }
    assert_eq!(fs::read(desk.workspace()).unwrap(), before);
    assert!(!snapshots::snapshots_dir(&desk.workspace()).exists());
    // A page with no text: kept as bytes, with a note why.
    let page = desk.write(
        "blank.html",
        "<!DOCTYPE html><html><body><script>x()</script></body></html>",
    );
    let json = desk.snapshot_json(&page, &source, &[]);
    let ws = desk.load();
    let snap = &ws.sources[0].snapshots[0];
    assert_eq!(json["sha256"], snap.sha256.as_str());
    assert!(snap.text.is_none());
    assert!(
        snap.note.contains("no text could be taken out of it"),
        "{}",
        snap.note
    );
}

#[test]
fn verify_takes_the_workspace_lock_and_refuses_while_a_window_holds_it() {
    let desk = Desk::new();
    let source = desk.source(0);
    let file = desk.write("note.txt", "A note kept.");
    desk.snapshot_json(&file, &source, &[]);
    let before = fs::read(desk.workspace()).unwrap();
    let held = match store::lock(&desk.workspace()).unwrap() {
        store::LockOutcome::Acquired { lock, .. } => lock,
        other => panic!("{other:?}"),
    };
    let (code, out, err) = desk.run(&["verify", &desk.ws(), "--by", "Cy"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("unchanged"), "{err}");
    assert_eq!(
        fs::read(desk.workspace()).unwrap(),
        before,
        "nothing recorded"
    );
    drop(held);
    let (code, out, _) = desk.run(&["verify", &desk.ws(), "--by", "Cy"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("ok "), "{out}");
    assert!(fs::read(desk.workspace()).unwrap() != before, "recorded");
}

#[test]
fn given_address_and_time_win_and_the_file_s_are_kept_when_they_differ() {
    let desk = Desk::new();
    let source = desk.source(0);
    let page = fixture(PAGE);
    let json = desk.snapshot_json(&page, &source, &["--url", "https://example.org/mirror"]);
    assert_eq!(json["url"], "https://example.org/mirror");
    assert_eq!(json["captured_from"], "file-time");
    let ws = desk.load();
    let snap = &ws.sources[0].snapshots[0];
    assert_eq!(
        snap.url_in_file,
        "https://www.tofugu.com/travel/dezuka-suisan/"
    );
    assert!(
        snap.note.contains("the file's modification time"),
        "{}",
        snap.note
    );
    let (code, _, err) = desk.snapshot(&page, &source, &["--captured", "yesterday", "--by", "A"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--captured \"yesterday\": not an RFC 3339 time"),
        "{err}"
    );
    let (code, _, err) = desk.snapshot(&page, "no-such-source", &["--by", "A"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("--source \"no-such-source\": no source"),
        "{err}"
    );
}

#[test]
fn a_workspace_moved_with_its_snapshot_folder_finds_them() {
    let desk = Desk::new();
    let source = desk.source(0);
    let sha = desk.snapshot_json(&fixture(PHOTO), &source, &[])["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    let moved = desk.dir.path().join("archive 2026");
    fs::create_dir(&moved).unwrap();
    fs::rename(desk.workspace(), moved.join("case.ron")).unwrap();
    fs::rename(
        snapshots::snapshots_dir(&desk.workspace()),
        moved.join("case.snapshots"),
    )
    .unwrap();
    let ws = moved.join("case.ron");
    let (code, out, err) = desk.run(&["verify", ws.to_str().unwrap(), "--by", "Cy"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("ok ") && out.contains(&sha), "{out}");
}

#[test]
fn excerpts_in_five_scripts_anchor_at_char_offsets_and_verify() {
    let desk = Desk::new();
    let source = desk.source(0);
    let claim = desk.draft_claim();
    let text = "Министр сказал: «экспорт вырос на 5 %».\n\n\
                北京时间五月九日，习近平抵达莫斯科。\n\n\
                قال الرئيس إن النمو بلغ خمسة بالمئة.\n\n\
                A 👩‍👩‍👧 family in Kyiv 🇺🇦 said prices had doubled.\n\n\
                The q\u{307}uark report called it cre\u{300}me de la cre\u{300}me.";
    let file = desk.write("five.txt", text);
    desk.snapshot_json(&file, &source, &[]);
    // Import keeps the text in NFC: the decomposed è is composed there.
    let stored = desk.load().sources[0].snapshots[0].text.clone().unwrap();
    assert!(stored.contains("crème de la crème") && stored.contains("q\u{307}uark"));
    let excerpts = [
        "«экспорт вырос на 5 %»",
        "习近平抵达莫斯科",
        "النمو بلغ خمسة",
        "👩‍👩‍👧 family in Kyiv 🇺🇦",
        "q\u{307}uark report called it cre\u{300}me",
    ];
    let ws = desk.ws();
    for excerpt in excerpts {
        let (code, _, err) = desk.run(&[
            "cite",
            &ws,
            "--claim",
            &claim,
            "--source",
            &source,
            "--stance",
            "context",
            "--excerpt",
            excerpt,
        ]);
        assert_eq!(code, 0, "{excerpt}: {err}");
    }
    let loaded = desk.load();
    for excerpt in excerpts {
        let anchor = anchored_in(&loaded, excerpt).anchor.unwrap();
        let composed: String = {
            use unicode_normalization::UnicodeNormalization;
            excerpt.nfc().collect()
        };
        let at = stored.find(&composed).unwrap();
        assert_eq!(anchor.start, stored[..at].chars().count(), "{excerpt}");
        assert_eq!(
            anchor.end,
            anchor.start + composed.chars().count(),
            "{excerpt}"
        );
        assert_eq!(anchor.exact, composed);
    }
    let (code, out, _) = desk.run(&["verify", &ws, "--by", "Cy"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines()
            .filter(|l| l.starts_with("ok ") && l.contains("claim "))
            .count(),
        5
    );
}

#[test]
fn a_correction_citing_an_excerpt_anchors_it_or_flags_it() {
    let desk = Desk::new();
    let source = desk.source(0);
    let file = desk.write("record.txt", "The record shows 26 per cent, not 40.");
    desk.snapshot_json(&file, &source, &[]);
    let published = desk
        .load()
        .claims
        .iter()
        .find(|c| c.is_published())
        .unwrap()
        .id
        .to_string();
    let ws = desk.ws();
    let correct = |excerpt: &str| {
        desk.run(&[
            "correct",
            &ws,
            "--claim",
            &published,
            "--cite",
            &source,
            "--stance",
            "refutes",
            "--excerpt",
            excerpt,
            "--note",
            "Source added.",
            "--by",
            "Ed",
        ])
    };
    let (code, _, err) = correct("26 per cent");
    assert_eq!(code, 0, "{err}");
    let anchor = anchored_in(&desk.load(), "26 per cent").anchor.unwrap();
    assert_eq!((anchor.start, anchor.end), (17, 28));
    let (code, _, err) = correct("41 per cent");
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("not found once in snapshot"), "{err}");
    assert!(anchored_in(&desk.load(), "41 per cent").anchor.is_none());
    let (code, out, _) = desk.run(&["verify", &ws, "--by", "Cy"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("excerpt-not-found")),
        "{out}"
    );
}
