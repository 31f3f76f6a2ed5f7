//! Claims about media through the command line: `mark --media` with a
//! kind and a time range prints the claim like `mark` does, `claims
//! --json` gives its `media`, bad targets are refused with what is wrong
//! and nothing written, `check` names a bad target in a file, and `export
//! --format mediareview` writes the reviews.

mod fresh_home;

use factbench::model::{Claim, MediaKind, MediaTarget};
use factbench::sample::sample_workspace;
use factbench::store;
use serde_json::{Value, json};
use std::path::Path;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = fresh_home::factbench().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample_file(dir: &Path) -> String {
    let path = dir.join("ws.ron");
    store::save(&path, &sample_workspace()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn mark_media_prints_the_claim_and_claims_json_gives_its_media() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_file(dir.path());
    let url = "https://media.example.org/parade.mp4";
    let (code, out, err) = run(&[
        "mark",
        &ws,
        "--media",
        url,
        "--kind",
        "video",
        "--start",
        "12:03",
        "--end",
        "12:19.5",
        "--article",
        "1",
        "--claimant",
        "A viral post",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let claim: Value = serde_json::from_str(out.trim()).unwrap();
    let media = json!({"url": url, "kind": "video", "start_s": 723.0, "end_s": 739.5});
    assert_eq!(claim["media"], media);
    assert_eq!(claim["exact"], "");
    assert_eq!(
        (claim["start"].clone(), claim["end"].clone()),
        (json!(0), json!(0))
    );
    assert_eq!(claim["claimant"], "A viral post");
    let (_, listed, _) = run(&["claims", &ws, "--json"]);
    let records: Vec<Value> = listed
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let found = records.iter().find(|r| r["id"] == claim["id"]).unwrap();
    assert_eq!(found["media"], media);
    assert!(
        records
            .iter()
            .filter(|r| r["id"] != claim["id"])
            .all(|r| r["media"].is_null())
    );
    let (_, plain, _) = run(&["claims", &ws]);
    assert!(
        plain.contains(&format!("Video 12:03–12:19: {url}")),
        "{plain}"
    );
    // A whole image, printed by id; `check` finds nothing wrong.
    let (code, out, err) = run(&[
        "mark",
        &ws,
        "--media",
        "https://x.example/a.png",
        "--kind",
        "image",
        "--article",
        "1",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim().len(), 36, "the claim's id: {out}");
    let (code, out, err) = run(&["check", &ws]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn bad_targets_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_file(dir.path());
    let before = std::fs::read(&ws).unwrap();
    for (args, said) in [
        (
            vec![
                "--media",
                "https://x.example/a.png",
                "--kind",
                "image",
                "--start",
                "1",
                "--end",
                "2",
            ],
            "an image has no time range",
        ),
        (
            vec![
                "--media",
                "https://x.example/a.mp4",
                "--kind",
                "video",
                "--start",
                "0:20",
                "--end",
                "0:10",
            ],
            "must start before it ends",
        ),
        (
            vec!["--media", "file:///etc/passwd", "--kind", "image"],
            "is not an http:// or https:// address",
        ),
        (
            vec!["--media", "https://x.example/a.mp4", "--kind", "gif"],
            "--kind \"gif\": use image, video or audio",
        ),
        (
            vec![
                "--media",
                "https://x.example/a.mp4",
                "--kind",
                "video",
                "--start",
                "12:75",
                "--end",
                "13:00",
            ],
            "not a time",
        ),
    ] {
        let mut all = vec!["mark", ws.as_str(), "--article", "1"];
        all.extend(args);
        let (code, _, err) = run(&all);
        assert_ne!(code, 0, "{all:?}");
        assert!(err.contains(said), "{all:?}: {err}");
    }
    let (code, _, _) = run(&["mark", &ws, "--media", "https://x.example/a.mp4"]);
    assert_eq!(code, 2, "--media needs --kind");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn check_names_a_bad_target_and_export_writes_mediareview() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ws.ron");
    let mut ws = sample_workspace();
    let article = ws.articles[0].id;
    let mut bad = MediaTarget::whole("https://x.example/a.mp4", MediaKind::Video);
    bad.start_s = Some(5.0);
    ws.claims.push(Claim::on_media(article, bad, "Outlet"));
    store::save(&path, &ws).unwrap();
    let p = path.to_str().unwrap();
    let (code, out, err) = run(&["check", p]);
    assert_ne!(code, 0);
    assert!(
        format!("{out}{err}")
            .contains("is about media: a time range needs both a start and an end"),
        "{out}{err}"
    );
    let (code, out, err) = run(&[
        "export",
        p,
        "--format",
        "mediareview",
        "--audience",
        "internal",
    ]);
    assert_eq!(code, 0, "{err}");
    let reviews: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(reviews.is_empty(), "the media claim is unrated: {out}");
}
