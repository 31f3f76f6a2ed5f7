//! A transcript corrected in place (Edit mode's `EditArticleText`): the
//! cues after the edit move with the text, the cue holding it grows or
//! shrinks, the table stays sound, and undo gives it back exactly, even
//! after a deletion across cues.

use factbench::edit::{Command, Document};
use factbench::import::transcript::{assemble, read_cues};
use factbench::model::{Article, TranscriptFormat, Workspace};

const VTT: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Мы снизили налоги.\n\n00:00:02.000 --> 00:00:03.000\n<v A>На 👩‍👩‍👧 семью.\n\n00:00:03.000 --> 00:00:04.000\n<v B>不是这样。\n";

fn document() -> Document {
    let (text, table) = assemble(
        TranscriptFormat::WebVtt,
        read_cues(TranscriptFormat::WebVtt, VTT).unwrap(),
    );
    let mut article = Article::new("t", text);
    article.transcript = Some(table);
    let mut ws = Workspace::new("t");
    ws.articles.push(article);
    Document::new(ws, None)
}

fn edit(doc: &mut Document, start: usize, end: usize, text: &str) {
    let article = doc.workspace().articles[0].id;
    let command = Command::EditArticleText {
        article,
        start,
        end,
        text: text.into(),
    };
    doc.execute(command, 0.0).unwrap();
}

fn ranges(doc: &Document) -> Vec<(usize, usize)> {
    let table = doc.workspace().articles[0].transcript.as_ref().unwrap();
    table.cues.iter().map(|c| (c.start, c.end)).collect()
}

#[test]
fn cues_follow_an_edit_inside_one_and_undo_restores_them() {
    let mut doc = document();
    let before = ranges(&doc);
    assert_eq!(before, [(0, 18), (19, 34), (36, 41)]);
    // "налоги" → "подоходные налоги" inside the first cue.
    edit(&mut doc, 11, 11, "подоходные ");
    assert_eq!(ranges(&doc), [(0, 29), (30, 45), (47, 52)]);
    let article = &doc.workspace().articles[0];
    let m = article.moment(47, 49).unwrap();
    assert_eq!((m.from_ms, m.speaker.as_deref()), (3000, Some("B")));
    assert!(
        article
            .transcript
            .as_ref()
            .unwrap()
            .faults(article.char_len())
            .is_empty()
    );
    doc.undo();
    assert_eq!(ranges(&doc), before);
}

#[test]
fn a_deletion_across_cues_keeps_the_table_sound() {
    let mut doc = document();
    edit(&mut doc, 15, 38, "");
    let article = &doc.workspace().articles[0];
    let table = article.transcript.as_ref().unwrap();
    assert!(
        table.faults(article.char_len()).is_empty(),
        "{:?}",
        table.cues
    );
    assert_eq!(article.text, "Мы снизили нало这样。");
    assert_eq!(
        article.moment(16, 17).unwrap().speaker.as_deref(),
        Some("B")
    );
    let edited = doc.workspace().clone();
    doc.undo();
    assert_eq!(ranges(&doc), [(0, 18), (19, 34), (36, 41)], "undo is exact");
    doc.redo();
    assert_eq!(doc.workspace(), &edited);
}
