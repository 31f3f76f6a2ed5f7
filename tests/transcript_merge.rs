//! Merging transcripts: a speaker named on one side and the live file
//! updated on the other both land; cue times survive; a transcript set on
//! one side and dropped on the other is a recorded conflict, not a crash.

use factbench::edit::{ArticleUpdate, Command, Document};
use factbench::import::transcript::{assemble, read_cues};
use factbench::merge::merge;
use factbench::model::{Article, TranscriptFormat, Workspace};

const VTT: &str = "WEBVTT\n\n00:12:03.000 --> 00:12:10.000\n<v SPEAKER_00>Мы снизили налоги вдвое.\n\n00:12:10.000 --> 00:12:19.000\n<v SPEAKER_01>不是这样 🙅.\n";
const MORE: &str = "\n00:13:00.000 --> 00:13:04.000\n<v SPEAKER_02>Next question.\n";

fn article_of(vtt: &str) -> Article {
    let (text, table) = assemble(
        TranscriptFormat::WebVtt,
        read_cues(TranscriptFormat::WebVtt, vtt).unwrap(),
    );
    let mut article = Article::new("Дебаты", text);
    article.transcript = Some(table);
    article
}

fn base() -> Workspace {
    let mut ws = Workspace::new("t");
    ws.articles.push(article_of(VTT));
    ws
}

fn rename(ws: Workspace, who: &str, name: &str) -> Workspace {
    let id = ws.articles[0].id;
    let mut doc = Document::new(ws, None);
    let command = Command::RenameSpeaker {
        article: id,
        speaker: who.into(),
        name: name.into(),
    };
    doc.execute(command, 0.0).unwrap();
    doc.workspace().clone()
}

fn updated(ws: Workspace) -> Workspace {
    let longer = article_of(&format!("{VTT}{MORE}"));
    let id = ws.articles[0].id;
    let mut doc = Document::new(ws, None);
    let update = ArticleUpdate::prepare(doc.workspace(), id, longer.text, "later.vtt", None)
        .unwrap()
        .with_transcript(doc.workspace(), longer.transcript);
    doc.execute(update.into_command(), 0.0).unwrap();
    doc.workspace().clone()
}

#[test]
fn a_name_given_on_one_side_and_a_longer_file_on_the_other_both_land() {
    let base = base();
    let ours = rename(base.clone(), "SPEAKER_00", "Ольга");
    let theirs = updated(base.clone());
    let merged = merge(base, ours, theirs).unwrap();
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.workspace.conflicts);
    let article = &merged.workspace.articles[0];
    let table = article.transcript.as_ref().unwrap();
    assert_eq!(table.cues.len(), 3);
    assert_eq!(table.speakers.len(), 3);
    assert_eq!(table.speakers[0].shown(), "Ольга");
    assert!(article.text.ends_with("Next question."));
    let m = article.moment(0, 5).unwrap();
    assert_eq!(
        (m.from_ms, m.to_ms, m.speaker.as_deref()),
        (723_000, 730_000, Some("Ольга"))
    );
    assert!(table.faults(article.char_len()).is_empty());
}

#[test]
fn both_sides_naming_one_speaker_differently_is_a_conflict() {
    let base = base();
    let ours = rename(base.clone(), "SPEAKER_01", "Li");
    let theirs = rename(base.clone(), "SPEAKER_01", "李");
    let merged = merge(base, ours, theirs).unwrap();
    assert_eq!(merged.new_conflicts, 1);
    assert!(
        merged.workspace.conflicts[0]
            .field
            .contains("speakers[SPEAKER_01]")
    );
}

#[test]
fn a_transcript_dropped_on_one_side_and_changed_on_the_other_is_recorded() {
    let base = base();
    let mut ours = base.clone();
    ours.articles[0].transcript = None;
    let theirs = rename(base.clone(), "SPEAKER_00", "Ольга");
    let merged = merge(base, ours, theirs).unwrap();
    assert_eq!(merged.new_conflicts, 1);
    assert_eq!(merged.workspace.conflicts[0].field, "transcript");
}
