//! The window: Article › Edit article text (Ctrl+Shift+E) corrects the
//! article's text in place. Typing goes into the text at the caret (not to
//! shortcuts), claims follow each edit, Escape leaves the mode, and one
//! Ctrl+Z takes back a word's typing with every claim as it was.

use crate::support::{app, harness, one_article, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::find_quote;
use factbench::model::{Claim, ClaimId, Workspace};
use factbench::ui::{Action, EDITING_HINT};

const TEXT: &str = "Тбе мэр заявил, что 2450 жителей эвакуированы.\n\n中国外交部表示 👩‍👩‍👧 café.";

fn workspace() -> (Workspace, ClaimId) {
    let mut ws = one_article("Эвакуация", TEXT);
    let article = ws.articles[0].id;
    let claim = Claim::new(
        article,
        find_quote(TEXT, "2450 жителей эвакуированы", 0).unwrap(),
        "Outlet",
    );
    let id = claim.id;
    ws.claims.push(claim);
    (ws, id)
}

type Harness = egui_kittest::Harness<'static, factbench::ui::FactbenchApp>;

fn editing() -> (Harness, ClaimId) {
    let (ws, claim) = workspace();
    let mut harness = harness(app(ws, vec![]));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::E);
    harness.run_steps(3);
    (harness, claim)
}

fn text(harness: &Harness) -> String {
    harness.state().workspace().articles[0].text.clone()
}

#[test]
fn the_shortcut_turns_edit_mode_on_visibly_and_escape_turns_it_off() {
    let (mut harness, _) = editing();
    assert!(harness.state_mut().reader_mut().is_editing());
    assert!(
        harness.query_by_label(EDITING_HINT).is_some(),
        "the mode says so"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert!(!harness.state_mut().reader_mut().is_editing());
    assert!(harness.query_by_label(EDITING_HINT).is_none());
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::EditArticleText);
    harness.run_steps(2);
    assert!(
        harness.state_mut().reader_mut().is_editing(),
        "the action toggles it"
    );
}

#[test]
fn typing_corrects_the_text_and_the_claim_follows_then_undo_restores_both() {
    let (mut harness, claim) = editing();
    let before = harness.state().workspace().clone();
    // An OCR error: select "б" and type "е".
    harness.state_mut().reader_mut().set_selection(1, 2);
    harness.run_steps(1);
    harness.event(egui::Event::Text("е".into()));
    harness.run_steps(2);
    assert!(text(&harness).starts_with("Тее мэр"), "{}", text(&harness));
    // J is typed into the text, not taken as "next claim".
    harness.event(egui::Event::Text("j".into()));
    harness.run_steps(2);
    assert!(text(&harness).starts_with("Теjе мэр"), "{}", text(&harness));
    press(&mut harness, Modifiers::NONE, Key::Backspace, 1);
    assert!(text(&harness).starts_with("Тее мэр"));
    // Text typed before the claim moves it; its quote stays exact.
    let at = text(&harness).find("2450").unwrap();
    let at = text(&harness)[..at].chars().count();
    harness.state_mut().reader_mut().set_selection(at, at);
    harness.run_steps(1);
    harness.event(egui::Event::Paste("около ".into()));
    harness.run_steps(2);
    let ws = harness.state().workspace();
    let anchor = &ws.claim(claim).unwrap().anchor;
    assert_eq!(anchor.exact, "2450 жителей эвакуированы");
    assert_eq!(anchor.start, at + "около ".chars().count());
    assert!(anchor.prefix.ends_with("около "));
    assert!(harness.state().document().is_dirty());
    // Undo everything: text and claim exactly as they were.
    let ctx = harness.ctx.clone();
    while harness.state().document().can_undo() {
        harness.state_mut().perform(&ctx, Action::Undo);
        harness.run_steps(1);
    }
    assert_eq!(*harness.state().workspace(), before);
}

#[test]
fn deleting_a_claims_whole_quote_keeps_it_as_an_orphan() {
    let (mut harness, claim) = editing();
    let anchor = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .anchor
        .clone();
    harness
        .state_mut()
        .reader_mut()
        .set_selection(anchor.start, anchor.end);
    harness.run_steps(1);
    press(&mut harness, Modifiers::NONE, Key::Delete, 1);
    let ws = harness.state().workspace();
    assert!(!ws.articles[0].text.contains("2450"));
    let orphan = ws.claim(claim).unwrap();
    assert!(orphan.is_orphaned());
    assert_eq!(orphan.anchor, anchor, "it keeps its quote");
    assert_eq!(ws.claims.len(), 1, "never deleted");
}

#[test]
fn what_an_input_method_commits_is_typed_at_the_caret() {
    let (mut harness, claim) = editing();
    let at = TEXT.find("表示").unwrap();
    let at = TEXT[..at].chars().count();
    harness.state_mut().reader_mut().set_selection(at, at);
    harness.run_steps(1);
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("发言人".into())));
    harness.run_steps(2);
    assert!(
        text(&harness).contains("中国外交部发言人表示"),
        "{}",
        text(&harness)
    );
    let anchor = &harness.state().workspace().claim(claim).unwrap().anchor;
    assert_eq!(
        anchor.exact, "2450 жителей эвакуированы",
        "a claim before it stays"
    );
}
