//! A transcript through the command line, as a desk would run it on a
//! debate night: import with the video's address, mark claims by script
//! (each gets its time range and speaker, the claimant from the speaker),
//! name a diarised speaker, update with the longer live file (times and
//! names kept), check, and export reports that link to the moment.

mod fresh_home;

use factbench::store;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const VIDEO: &str = "https://www.youtube.com/watch?v=abc123";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = fresh_home::factbench().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}\nstdout: {out}\nstderr: {err}");
    out
}

fn debate() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/transcripts/debate.vtt");
    fs::read_to_string(path).unwrap()
}

/// A workspace with the debate imported, and its path as text.
fn imported(dir: &Path) -> (PathBuf, String) {
    let vtt = dir.join("debate.vtt");
    fs::write(&vtt, debate()).unwrap();
    let ws = dir.join("debate.ron");
    let p = ws.to_str().unwrap().to_owned();
    let out = ok(&[
        "import",
        vtt.to_str().unwrap(),
        "--into",
        &p,
        "--title",
        "Дебаты 2026",
        "--media-url",
        VIDEO,
    ]);
    assert!(
        out.contains("WebVTT transcript, 6 cues, 3 speakers"),
        "{out}"
    );
    (ws, p)
}

fn claims(p: &str) -> Vec<Value> {
    ok(&["claims", p, "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn marked_claims_carry_their_moment_and_speaker() {
    let dir = tempfile::tempdir().unwrap();
    let (_, p) = imported(dir.path());
    let out = ok(&[
        "mark",
        &p,
        "--quote",
        "We built 40 000 homes last year",
        "--json",
    ]);
    let claim: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(claim["location"]["start_s"], 730.5);
    assert_eq!(claim["location"]["end_s"], 739.0);
    assert_eq!(claim["location"]["speaker"], "SPEAKER_00");
    assert_eq!(claim["claimant"], "SPEAKER_00", "offered from the speaker");
    // Across two cues of one speaker: the first start, the last end.
    let out = ok(&["mark", &p, "--quote", "half since 2019. We built", "--json"]);
    let claim: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(claim["location"]["start_s"], 723.0);
    assert_eq!(claim["location"]["end_s"], 739.0);
    // A claimant given wins over the speaker.
    let out = ok(&[
        "mark",
        &p,
        "--quote",
        "it fell by a third",
        "--claimant",
        "Иван",
        "--json",
    ]);
    let claim: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(claim["claimant"], "Иван");
    assert_eq!(claim["location"]["speaker"], "SPEAKER_01");
    assert_eq!(claims(&p).len(), 3);
}

#[test]
fn a_speaker_is_named_once_for_the_article_and_drafts_follow() {
    let dir = tempfile::tempdir().unwrap();
    let (_, p) = imported(dir.path());
    ok(&["mark", &p, "--quote", "Unemployment fell by half"]);
    ok(&[
        "mark",
        &p,
        "--quote",
        "That is not true",
        "--claimant",
        "Someone",
    ]);
    let out = ok(&["speaker", "rename", &p, "SPEAKER_00", "Ольга Петрова"]);
    assert!(out.contains("Ольга Петрова"), "{out}");
    let all = claims(&p);
    assert_eq!(all[0]["claimant"], "Ольга Петрова");
    assert_eq!(all[0]["location"]["speaker"], "Ольга Петрова");
    assert_eq!(all[1]["claimant"], "Someone");
    let list = ok(&["speaker", "list", &p]);
    assert!(list.contains("SPEAKER_00\tОльга Петрова\t2 cues"), "{list}");
    let (code, _, err) = run(&["speaker", "rename", &p, "SPEAKER_09", "X"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("SPEAKER_09") && err.contains("unchanged"),
        "{err}"
    );
}

#[test]
fn a_live_transcript_updated_with_the_longer_file_keeps_times_and_names() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, p) = imported(dir.path());
    ok(&["mark", &p, "--quote", "We built 40 000 homes"]);
    ok(&["speaker", "rename", &p, "SPEAKER_00", "Ольга"]);
    let longer = dir.path().join("debate-later.vtt");
    let more = "\n\n00:13:00.000 --> 00:13:05.000\n<v SPEAKER_00>And we will build more.\n";
    fs::write(&longer, format!("{}{more}", debate())).unwrap();
    ok(&["update", &p, longer.to_str().unwrap()]);
    let all = claims(&p);
    assert_eq!(all[0]["location"]["start_s"], 730.5);
    assert_eq!(all[0]["location"]["speaker"], "Ольга");
    let loaded = store::load(&ws).unwrap().workspace;
    let article = &loaded.articles[0];
    assert_eq!(article.transcript.as_ref().unwrap().cues.len(), 7);
    assert!(article.text.ends_with("And we will build more."));
    assert_eq!(article.versions.len(), 1);
    assert_eq!(
        article.versions[0].transcript.as_ref().unwrap().cues.len(),
        6
    );
}

#[test]
fn check_finds_a_broken_side_table() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, p) = imported(dir.path());
    ok(&["check", &p]);
    let mut loaded = store::load(&ws).unwrap().workspace;
    let len = loaded.articles[0].char_len();
    let table = loaded.articles[0].transcript.as_mut().unwrap();
    table.cues[5].end = len + 10;
    table.cues[2].start = 0;
    store::save(&ws, &loaded).unwrap();
    let (code, out, _) = run(&["check", &p]);
    assert_eq!(code, 1);
    assert!(
        out.contains("cue 6 is reversed or past the end of the text"),
        "{out}"
    );
    assert!(
        out.contains("cue 3 starts before the previous cue ends"),
        "{out}"
    );
}

#[test]
fn exports_show_speaker_and_time_and_link_to_the_moment() {
    let dir = tempfile::tempdir().unwrap();
    let (ws, p) = imported(dir.path());
    ok(&[
        "mark",
        &p,
        "--quote",
        "We built 40 000 homes last year",
        "--verdict",
        "false",
    ]);
    ok(&["speaker", "rename", &p, "SPEAKER_00", "Ольга Петрова"]);
    let mut loaded = store::load(&ws).unwrap().workspace;
    loaded.report_url = "https://checks.example.org/debate".into();
    loaded.publisher.name = "Проверка фактов".into();
    store::save(&ws, &loaded).unwrap();
    let export = |format: &str| {
        let out = dir.path().join(format!("out.{format}"));
        ok(&[
            "export",
            &p,
            "-f",
            format,
            "-o",
            out.to_str().unwrap(),
            "--audience",
            "internal",
            "--force",
        ]);
        fs::read_to_string(out).unwrap()
    };
    let html = export("html");
    assert!(html.contains("12:10–12:19, Ольга Петрова"), "html");
    assert!(
        html.contains("href=\"https://www.youtube.com/watch?v=abc123&amp;t=730s\""),
        "html"
    );
    assert!(html.contains("Watch at 12:10"));
    let md = export("md");
    assert!(md.contains("*Said 12:10–12:19, Ольга Петрова*"), "{md}");
    assert!(md.contains("[Watch at 12:10](<https://www.youtube.com/watch?v=abc123&t=730s>)"));
    let csv = export("csv");
    let header = csv.lines().next().unwrap();
    assert!(
        header.ends_with("Start (s),End (s),Speaker,Watch at"),
        "{header}"
    );
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .ends_with("730.5,739,Ольга Петрова,https://www.youtube.com/watch?v=abc123&t=730s")
    );
    let review: Value = serde_json::from_str(&export("claimreview")).unwrap();
    let appearance = &review[0]["itemReviewed"]["appearance"];
    assert_eq!(appearance["@type"], "VideoObject");
    assert_eq!(appearance["url"], VIDEO);
    assert_eq!(appearance["hasPart"]["@type"], "Clip");
    assert_eq!(appearance["hasPart"]["startOffset"], 730.5);
    assert_eq!(appearance["hasPart"]["endOffset"], 739.0);
    assert_eq!(appearance["hasPart"]["actor"]["name"], "Ольга Петрова");
    let anno: Value = serde_json::from_str(&export("webanno")).unwrap();
    let selectors = anno["first"]["items"][0]["target"]["selector"]
        .as_array()
        .unwrap();
    assert_eq!(selectors.len(), 3);
    assert_eq!(selectors[2]["type"], "FragmentSelector");
    assert_eq!(
        selectors[2]["conformsTo"],
        "http://www.w3.org/TR/media-frags/"
    );
    assert_eq!(selectors[2]["value"], "t=730.5,739");
    assert_eq!(selectors[2]["refinedBy"]["type"], "TextQuoteSelector");
    assert_eq!(selectors[2]["refinedBy"]["exact"], selectors[0]["exact"]);
}
