//! Format 7 (transcripts): a version 6 file opens unchanged but for its
//! version, and a transcript's side table and media address survive a save.

use factbench::model::{Article, Cue, FORMAT_VERSION, Speaker, Transcript, TranscriptFormat};
use factbench::sample::sample_workspace;
use factbench::store;
use std::path::Path;

#[test]
fn version_six_file_opens_as_todays_sample() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v6-workspace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Workspace(\n    format_version: 6,\n"));
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, Some(6));
    assert_eq!(loaded.workspace.format_version, FORMAT_VERSION);
    assert_eq!(
        FORMAT_VERSION, 12,
        "version 7 added transcripts; 8 media claims; 9 snapshots; 10 protected sources; 11 page starts; 12 public claim numbers"
    );
    assert_eq!(loaded.workspace, sample_workspace());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

#[test]
fn a_transcript_survives_a_save_and_plain_articles_say_they_have_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("debate.ron");
    let mut ws = sample_workspace();
    let plain = store::to_ron(&ws).unwrap();
    assert!(plain.contains("            media_url: None,\n            transcript: None,\n"));
    let mut article = Article::new("Дебаты 辩论", "Мы снизили налоги.\n\n不是这样。");
    article.media_url = Some("https://www.youtube.com/watch?v=abc".into());
    article.transcript = Some(Transcript {
        format: TranscriptFormat::WebVtt,
        speakers: vec![
            Speaker {
                label: "SPEAKER_00".into(),
                name: "Ольга".into(),
            },
            Speaker {
                label: "SPEAKER_01".into(),
                name: String::new(),
            },
        ],
        cues: vec![
            Cue {
                start: 0,
                end: 18,
                from_ms: 723_000,
                to_ms: 739_000,
                speaker: Some(0),
            },
            Cue {
                start: 20,
                end: 25,
                from_ms: 740_000,
                to_ms: 741_500,
                speaker: Some(1),
            },
        ],
    });
    ws.articles.push(article);
    store::save(&path, &ws).unwrap();
    let loaded = store::load(&path).unwrap();
    assert_eq!(loaded.migrated_from, None);
    assert_eq!(loaded.workspace, ws);
    let moment = loaded
        .workspace
        .articles
        .last()
        .unwrap()
        .moment(3, 10)
        .unwrap();
    assert_eq!((moment.from_ms, moment.to_ms), (723_000, 739_000));
    assert_eq!(moment.speaker.as_deref(), Some("Ольга"));
}
