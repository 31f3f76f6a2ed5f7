//! Judging claims in the window: verdicts by click and by key, field edits
//! with undo and redo, deleting with undo, and filtering the claims list.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::sample::sample_workspace;

/// The sample workspace with its first unrated claim selected.
fn with_unrated_claim_selected() -> (
    egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    factbench::ClaimId,
) {
    let ws = sample_workspace();
    let claim = ws
        .claims
        .iter()
        .find(|c| c.verdict.is_none())
        .expect("the sample has unrated claims")
        .id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(3);
    (harness, claim)
}

fn verdict_of(
    harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    claim: factbench::ClaimId,
) -> Option<String> {
    harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .verdict
        .clone()
}

#[test]
fn clicking_a_verdict_button_sets_it() {
    let (mut harness, claim) = with_unrated_claim_selected();
    let label = {
        let scale = &harness.state().workspace().scale;
        format!("2 {}", scale.verdicts[1].label)
    };
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    let expected = harness.state().workspace().scale.verdicts[1].key.clone();
    assert_eq!(verdict_of(&harness, claim), Some(expected));
    assert!(harness.state().document().is_dirty());
    assert!(
        harness.state().window_title().starts_with("• "),
        "unsaved marker in the title: {}",
        harness.state().window_title()
    );
}

#[test]
fn number_keys_set_the_nth_verdict_and_zero_clears_it() {
    let (mut harness, claim) = with_unrated_claim_selected();
    press(&mut harness, Modifiers::NONE, Key::Num5, 1);
    let fifth = harness.state().workspace().scale.verdicts[4].key.clone();
    assert_eq!(verdict_of(&harness, claim), Some(fifth.clone()));
    press(&mut harness, Modifiers::NONE, Key::Num3, 1);
    let third = harness.state().workspace().scale.verdicts[2].key.clone();
    assert_eq!(verdict_of(&harness, claim), Some(third));
    let corrections = &harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .corrections;
    assert!(
        corrections.is_empty(),
        "changing the verdict of a draft is drafting, not a correction"
    );
    press(&mut harness, Modifiers::NONE, Key::Num0, 1);
    assert_eq!(verdict_of(&harness, claim), None);
    press(&mut harness, Modifiers::COMMAND, Key::Z, 2);
    assert_eq!(verdict_of(&harness, claim), Some(fifth));
}

#[test]
fn digits_typed_in_a_field_are_text_not_verdicts() {
    let (mut harness, claim) = with_unrated_claim_selected();
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Claimant")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Claimant")
        .type_text("G7");
    harness.run_steps(2);
    let edited = harness.state().workspace().claim(claim).unwrap().clone();
    assert!(
        edited.claimant.ends_with("G7"),
        "claimant is {:?}",
        edited.claimant
    );
    assert_eq!(edited.verdict, None);
}

#[test]
fn editing_a_field_can_be_undone_and_redone() {
    let (mut harness, claim) = with_unrated_claim_selected();
    let before = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .rationale
        .clone();
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Rationale")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Rationale")
        .type_text("Customs data show no such exports.");
    harness.run_steps(2);
    let typed = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .rationale
        .clone();
    assert!(
        typed.ends_with("Customs data show no such exports."),
        "rationale is {typed:?}"
    );
    // Leave the field, then undo with the menu's shortcut.
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(
        harness.state().workspace().claim(claim).unwrap().rationale,
        before
    );
    assert!(
        !harness.state().document().is_dirty(),
        "undone back to the opened state"
    );
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
        1,
    );
    assert_eq!(
        harness.state().workspace().claim(claim).unwrap().rationale,
        typed
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    press(&mut harness, Modifiers::COMMAND, Key::Y, 1);
    assert_eq!(
        harness.state().workspace().claim(claim).unwrap().rationale,
        typed,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn delete_key_removes_the_claim_and_undo_restores_it() {
    let (mut harness, claim) = with_unrated_claim_selected();
    let before = harness.state().workspace().clone();
    press(&mut harness, Modifiers::NONE, Key::Delete, 1);
    assert!(harness.state().workspace().claim(claim).is_none());
    assert_eq!(harness.state().selected_claim(), None);
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace(), &before);
    assert_eq!(
        harness.state().selected_claim(),
        Some(claim),
        "the restored claim is selected"
    );
}

#[test]
fn the_claims_list_filters_by_search_and_verdict() {
    let ws = sample_workspace();
    let total = ws.claims.len();
    let unrated = ws.claims.iter().filter(|c| c.verdict.is_none()).count();
    let mut harness = harness(app(ws, vec![]));
    assert!(
        harness
            .query_by_label_contains(&format!("{total} of {total} claims"))
            .is_some()
    );
    harness.get_by_label("Search claims").click();
    harness.run_steps(1);
    harness.get_by_label("Search claims").type_text("ceasefire");
    harness.run_steps(2);
    let ws = harness.state().workspace().clone();
    let revision = harness.state().document().revision();
    let visible = harness.state_mut().list_mut().visible_claims(&ws, revision);
    assert!(
        !visible.is_empty() && visible.len() < total,
        "{} of {total}",
        visible.len()
    );
    for id in &visible {
        let c = ws.claim(*id).unwrap();
        let haystack = format!(
            "{} {} {} {} {} {}",
            c.statement,
            c.anchor.exact,
            c.rationale,
            c.claimant,
            c.reported_by,
            c.tags.join(" ")
        )
        .to_lowercase();
        assert!(haystack.contains("ceasefire"), "{haystack}");
    }
    assert!(
        harness
            .query_by_label_contains(&format!("{} of {total} claims", visible.len()))
            .is_some()
    );
    harness.state_mut().list_mut().filter = Default::default();
    harness.state_mut().list_mut().filter.verdict = factbench::ui::VerdictFilter::Unrated;
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains(&format!("{unrated} of {total} claims"))
            .is_some()
    );
}

#[test]
fn picking_a_claim_in_the_list_selects_it_and_shows_its_article() {
    let ws = sample_workspace();
    let target = ws.claims.last().unwrap().clone();
    let mut harness = harness(app(ws, vec![]));
    let row = harness.get_by_label_contains(&target.statement);
    row.scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label_contains(&target.statement).click();
    harness.run_steps(3);
    assert_eq!(harness.state().selected_claim(), Some(target.id));
    assert_eq!(harness.state().shown_article(), Some(target.article));
}

#[test]
fn tags_are_added_with_enter_and_removed_with_their_chip() {
    let (mut harness, claim) = with_unrated_claim_selected();
    let field = harness.get_by_role_and_label(egui::Role::TextInput, "Add tag");
    field.click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Add tag")
        .type_text("weapons supply");
    harness.run_steps(1);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    let tags = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .tags
        .clone();
    assert!(tags.contains(&"weapons supply".to_owned()), "{tags:?}");
    harness.get_by_label("weapons supply  ×").click();
    harness.run_steps(2);
    let tags = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .tags
        .clone();
    assert!(!tags.contains(&"weapons supply".to_owned()), "{tags:?}");
}

#[test]
fn an_idle_window_stops_repainting_even_after_a_flash() {
    let ws = sample_workspace();
    let claim = ws.claims[3].id;
    let mut harness = harness(app(ws, vec![]));
    assert!(harness.try_run().is_ok(), "idle: no repaint requested");
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    // The flash animates for a moment, then the window goes quiet again.
    let steps = harness.try_run().expect("the flash ends");
    assert!(steps > 1, "the flash repainted ({steps} steps)");
}

#[test]
fn a_new_source_is_created_in_place_and_cited() {
    let (mut harness, claim) = with_unrated_claim_selected();
    let sources_before = harness.state().workspace().sources.len();
    let evidence_before = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .evidence
        .clone();
    // A tall window, so the whole form fits in the inspector.
    harness.set_size(egui::vec2(1400.0, 2000.0));
    harness.run_steps(2);
    harness.get_by_label("New source…").click();
    harness.run_steps(2);
    let title = harness.get_by_role_and_label(egui::Role::TextInput, "Title");
    title.click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Title")
        .type_text("Customs statistics 2024");
    harness.run_steps(1);
    assert_eq!(
        harness
            .get_by_role_and_label(egui::Role::TextInput, "Title")
            .value()
            .as_deref(),
        Some("Customs statistics 2024")
    );
    harness.get_by_label("Add to library and cite").click();
    harness.run_steps(2);
    let ws = harness.state().workspace();
    assert_eq!(ws.sources.len(), sources_before + 1);
    let source = ws.sources.last().unwrap();
    assert_eq!(source.title, "Customs statistics 2024");
    let cited = &ws.claim(claim).unwrap().evidence;
    assert_eq!(cited.last().map(|e| e.source), Some(source.id));
    // One undo takes back both the source and the citation.
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace().sources.len(), sources_before);
    assert_eq!(
        harness.state().workspace().claim(claim).unwrap().evidence,
        evidence_before
    );
}

#[test]
fn article_details_are_edited_in_their_window_and_undone() {
    let mut ws = factbench::sample::sample_workspace();
    ws.articles[0].outlet.clear();
    ws.articles[0].published = None;
    let mut harness = harness(app(ws, vec![]));
    harness.get_by_label("Details…").click();
    harness.run_steps(3);
    let outlet = harness.get_by_role_and_label(egui::Role::TextInput, "Outlet");
    outlet.click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Outlet")
        .type_text("Reuters");
    harness.run_steps(2);
    assert_eq!(harness.state().workspace().articles[0].outlet, "Reuters");
    assert!(
        harness
            .query_by_label_contains("Reuters  ·  language")
            .is_some(),
        "the reader's header shows the outlet"
    );
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace().articles[0].outlet, "");
}

#[test]
fn a_large_workspace_is_idle_too() {
    let ws = factbench::sample::generated_workspace(1, 300_000, 2_000);
    let claim = ws.claims[1_500].id;
    let mut harness = harness(app(ws, vec![]));
    assert!(harness.try_run().is_ok(), "idle: no repaint requested");
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    assert!(
        harness.try_run().is_ok(),
        "quiet again after revealing a claim"
    );
}

#[test]
fn shortcuts_switch_the_right_panel_between_claim_and_sources() {
    let (mut harness, _claim) = with_unrated_claim_selected();
    assert!(harness.query_all_by_label("Statement").count() > 0);
    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::L,
        1,
    );
    assert!(
        harness.query_all_by_label("Statement").count() == 0,
        "the source library replaces the inspector"
    );
    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT,
        Key::I,
        1,
    );
    assert!(harness.query_all_by_label("Statement").count() > 0);
    assert_eq!(harness.state().errors().count(), 0);
}

#[test]
fn the_source_form_marks_a_source_protected() {
    let (mut harness, _claim) = with_unrated_claim_selected();
    harness.set_size(egui::vec2(1400.0, 2000.0));
    harness.run_steps(2);
    harness.get_by_label("New source…").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Title")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Title")
        .type_text("A witness");
    harness.run_steps(1);
    harness
        .get_by_label("Protected source (withheld from public reports)")
        .click();
    harness.run_steps(1);
    harness.get_by_label("Add to library and cite").click();
    harness.run_steps(2);
    let ws = harness.state().workspace();
    let source = ws.sources.last().unwrap();
    assert_eq!(source.title, "A witness");
    assert!(source.protected, "the checkbox marks the new source");
}
