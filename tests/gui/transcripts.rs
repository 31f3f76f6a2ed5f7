//! Transcripts in the window: a WebVTT file imported through File ›
//! Import gives an article whose claims show when and by whom they were
//! said; Go to time… selects the cue said then; the inspector's *Watch
//! at* link opens the recording at the moment and offers the speaker as
//! claimant; speakers are renamed once per article; an update keeps the
//! cue times; and a claim marked in a Cyrillic transcript keeps exact
//! char offsets beside the painted margin.

use crate::support::*;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::find_quote;
use factbench::import::{ImportOptions, import_file};
use factbench::model::{Claim, Workspace};
use factbench::ui::{Action, FactbenchApp};
use std::path::PathBuf;

type Harness = egui_kittest::Harness<'static, FactbenchApp>;

const YOUTUBE: &str = "https://www.youtube.com/watch?v=abc123";

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts")
        .join(name)
}

/// A workspace holding the transcript `name`, imported as the command
/// line imports it.
fn transcript_workspace(name: &str) -> Workspace {
    let article = import_file(&fixture(name), &ImportOptions::default()).unwrap();
    assert!(
        article.transcript.is_some(),
        "{name} is read as a transcript"
    );
    let mut ws = Workspace::new("Transcripts");
    ws.articles.push(article);
    ws
}

/// The chars of `quote` in the workspace's first article.
fn span_of(ws: &Workspace, quote: &str) -> (usize, usize) {
    let anchor = find_quote(&ws.articles[0].text, quote, 0).expect("the quote is in the text");
    (anchor.start, anchor.end)
}

fn run(harness: &mut Harness, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, action);
    harness.run_steps(3);
}

#[test]
fn a_vtt_imported_through_the_window_gives_claims_with_their_moment() {
    let mut harness = harness(app(
        Workspace::new("Debate"),
        vec![Some(fixture("debate.vtt"))],
    ));
    run(&mut harness, Action::ImportArticle);
    harness.get_by_label_contains("WebVTT transcript, 6 cues, 3 speakers");
    type_into(&mut harness, "Media URL", YOUTUBE);
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(3);
    let ws = harness.state().workspace().clone();
    let article = &ws.articles[0];
    assert_eq!(article.media_url.as_deref(), Some(YOUTUBE));
    assert!(
        article
            .text
            .starts_with("Welcome to the debate & thank you")
    );
    assert!(!article.text.contains("-->") && !article.text.contains("SPEAKER_00"));

    let (start, end) = span_of(&ws, "Unemployment fell by half since 2019");
    harness.state_mut().reader_mut().set_selection(start, end);
    run(&mut harness, Action::MarkClaim);
    let claim = harness.state().workspace().claims[0].clone();
    assert_eq!((claim.anchor.start, claim.anchor.end), (start, end));
    harness.get_by_label_contains("(12:03–12:10, SPEAKER_00)");
    harness.get_by_label("Said 12:03–12:10, SPEAKER_00");
}

#[test]
fn go_to_time_selects_the_cue_said_then_and_explains_bad_times() {
    let ws = transcript_workspace("debate.vtt");
    let homes = span_of(&ws, "We built 40\u{a0}000 homes last year.");
    let mut harness = harness(app(ws, vec![]));
    run(&mut harness, Action::GoToTime);
    type_into(&mut harness, "Time", "12:75");
    harness.get_by_label("Go").click();
    harness.run_steps(2);
    harness.get_by_label_contains("the seconds must be under 60");
    retype_time(&mut harness, "30:00");
    harness.get_by_label("Go").click();
    harness.run_steps(2);
    harness.get_by_label_contains("after the end of the transcript, which ends at 12:27");
    retype_time(&mut harness, "12:12");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(harness.query_by_label("Go").is_none(), "the dialog closed");
    assert_eq!(harness.state().text_selection(), Some(homes));
}

/// Replaces the text of the dialog's Time field.
fn retype_time(harness: &mut Harness, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(role, "Time").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness.get_by_role_and_label(role, "Time").type_text(text);
    harness.run_steps(1);
}

/// The debate with a YouTube address and one claim, without a claimant,
/// on what SPEAKER_00 said at 12:03, selected.
fn claim_on_debate() -> (Harness, factbench::model::ClaimId) {
    let mut ws = transcript_workspace("debate.vtt");
    ws.articles[0].media_url = Some(YOUTUBE.to_owned());
    let (start, end) = span_of(&ws, "fell by half since 2019");
    let anchor = find_quote(&ws.articles[0].text, "fell by half since 2019", 0).unwrap();
    assert_eq!((anchor.start, anchor.end), (start, end));
    let claim = Claim::new(ws.articles[0].id, anchor, "");
    let id = claim.id;
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(3);
    (harness, id)
}

#[test]
fn the_watch_link_opens_youtube_at_the_moment() {
    let (mut harness, _) = claim_on_debate();
    harness.get_by_label("Said 12:03–12:10, SPEAKER_00");
    let link = harness.get_by_role_and_label(egui::accesskit::Role::Link, "Watch at 12:03");
    link.click();
    harness.run_steps(1);
    let sent = harness.output().platform_output.commands.clone();
    let want = "https://www.youtube.com/watch?v=abc123&t=723s";
    assert!(
        sent.iter()
            .any(|c| matches!(c, OutputCommand::OpenUrl(open) if open.url == want)),
        "{sent:?}"
    );
}

#[test]
fn the_speaker_is_offered_as_claimant_and_renamed_once_per_article() {
    let (mut harness, id) = claim_on_debate();
    harness.get_by_label("Claimant: SPEAKER_00").click();
    harness.run_steps(3);
    let claimant = |h: &Harness| h.state().workspace().claim(id).unwrap().claimant.clone();
    assert_eq!(claimant(&harness), "SPEAKER_00");
    assert!(harness.query_by_label("Claimant: SPEAKER_00").is_none());

    run(&mut harness, Action::RenameSpeaker);
    harness.get_by_label("Speaker to rename").click();
    harness.run_steps(2);
    harness.get_by_label("SPEAKER_00 (2 cues)").click();
    harness.run_steps(2);
    type_into(&mut harness, "Name", "Ольга Петрова");
    harness.get_by_label("Rename").click();
    harness.run_steps(3);
    let ws = harness.state().workspace();
    let transcript = ws.articles[0].transcript.as_ref().unwrap();
    let renamed = transcript.speakers.iter().find(|s| s.label == "SPEAKER_00");
    assert_eq!(renamed.unwrap().name, "Ольга Петрова");
    assert_eq!(claimant(&harness), "Ольга Петрова", "a draft claim follows");
    harness.get_by_label("Said 12:03–12:10, Ольга Петрова");
    run(&mut harness, Action::Undo);
    let ws = harness.state().workspace();
    assert_eq!(
        ws.articles[0].transcript.as_ref().unwrap().speakers[1].name,
        ""
    );
}

#[test]
fn an_update_with_a_longer_file_keeps_cue_times() {
    let dir = tempfile::tempdir().unwrap();
    let longer = dir.path().join("debate-later.vtt");
    let mut text = std::fs::read_to_string(fixture("debate.vtt")).unwrap();
    text.push_str("\n00:12:30.000 --> 00:12:34.000\n<v SPEAKER_00>Let me answer that.</v>\n");
    std::fs::write(&longer, text).unwrap();
    let ws = transcript_workspace("debate.vtt");
    let mut harness = harness(app(ws, vec![Some(longer)]));
    run(&mut harness, Action::UpdateArticle);
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let article = &harness.state().workspace().articles[0];
    assert!(article.text.ends_with("Let me answer that."));
    let transcript = article
        .transcript
        .as_ref()
        .expect("the update kept a side table");
    let last = transcript.cues.last().unwrap();
    assert_eq!((last.from_ms, last.to_ms), (750_000, 754_000));
    assert_eq!(
        article.moment(last.start, last.end).unwrap().range_label(),
        "12:30–12:34"
    );
}

/// Clicks inside the first row of a transcript's text (right of the time
/// margin), goes to the row's start, selects `chars` chars with
/// Shift+Right and marks them; the new claim.
fn mark_start_of(name: &str, chars: usize) -> (Claim, Harness) {
    let mut harness = harness(app(transcript_workspace(name), vec![]));
    let rect = harness.get_by_label("Article text").rect();
    let pos = rect.min + egui::vec2(160.0, 32.0);
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    press(&mut harness, Modifiers::NONE, Key::Home, 1);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, chars);
    assert_eq!(harness.state().text_selection(), Some((0, chars)));
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    let claim = harness.state().workspace().claims.last().unwrap().clone();
    (claim, harness)
}

#[test]
fn a_claim_marked_on_a_cyrillic_transcript_has_exact_offsets_and_its_moment() {
    let (claim, harness) = mark_start_of("elephants-dream.ru.vtt", 14);
    assert_eq!((claim.anchor.start, claim.anchor.end), (0, 14));
    assert_eq!(claim.anchor.exact, "Слева мы видим");
    harness.get_by_label_contains("(0:14–0:17)");
}

#[test]
fn a_txt_transcript_can_be_read_as_text_in_the_import_dialog() {
    let mut harness = harness(app(
        Workspace::new("Press"),
        vec![Some(fixture("press.txt"))],
    ));
    run(&mut harness, Action::ImportArticle);
    harness.get_by_label_contains("text transcript, ");
    let field = egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(field, "Media URL");
    harness.run_steps(2); // the modal settles where it is centred
    harness.get_by_label("Read the file as").click();
    harness.run_steps(2);
    harness.get_by_label("Text").click();
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("text transcript").is_none());
    let media = harness.query_by_role_and_label(field, "Media URL");
    assert!(media.is_none(), "only for transcripts");
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(3);
    let article = &harness.state().workspace().articles[0];
    assert!(article.transcript.is_none());
    assert!(
        article.text.contains("[00:00:12] MINISTER:"),
        "read as it is"
    );
}
