//! Publishing in the window: Ctrl+Shift+P in the name of Preferences › Your
//! name, refusing a claim without a rationale, a verdict click on a
//! published claim opening a correction that asks for its public note (its
//! public fields read-only outside it), and the claims list's numbers and
//! Publication filter.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::edit::{ClaimChange, ClaimText, Command};
use factbench::sample::sample_workspace;

const COMMAND_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// The sample with its first draft selected, given a verdict and a rationale.
fn draft_ready_to_publish() -> (
    egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    factbench::ClaimId,
) {
    let ws = sample_workspace();
    let claim = ws.claims.iter().find(|c| !c.is_published()).unwrap().id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.state_mut().execute(
        &ctx,
        Command::EditClaim {
            claim,
            change: ClaimChange::SetVerdict(Some("mostly-true".into())),
        },
    );
    harness.run_steps(3);
    (harness, claim)
}

#[test]
fn ctrl_shift_p_publishes_in_your_name_once_there_is_a_rationale() {
    let (mut harness, claim) = draft_ready_to_publish();
    harness.state_mut().settings_mut().your_name = "Ольга Редактор".into();
    press(&mut harness, COMMAND_SHIFT, Key::P, 1);
    assert!(
        !harness
            .state()
            .workspace()
            .claim(claim)
            .unwrap()
            .is_published()
    );
    let refused: Vec<String> = harness.state().errors().map(|(_, m)| m.clone()).collect();
    assert!(
        refused.iter().any(|m| m.contains("needs a rationale")),
        "{refused:?}"
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    let ctx = harness.ctx.clone();
    harness.state_mut().execute(
        &ctx,
        Command::set_claim_text(claim, ClaimText::Rationale, "Зеленский предложил 30 дней."),
    );
    harness.run_steps(2);
    press(&mut harness, COMMAND_SHIFT, Key::P, 1);
    let published = harness.state().workspace().claim(claim).unwrap().clone();
    assert!(published.is_published());
    assert_eq!(published.approved_by(), Some("Ольга Редактор"));
    assert!(
        harness
            .query_by_label_contains("approved by Ольга Редактор")
            .is_some()
    );
}

#[test]
fn publishing_without_your_name_opens_preferences_first() {
    let (mut harness, claim) = draft_ready_to_publish();
    let ctx = harness.ctx.clone();
    harness.state_mut().execute(
        &ctx,
        Command::set_claim_text(claim, ClaimText::Rationale, "Because."),
    );
    harness.run_steps(2);
    press(&mut harness, COMMAND_SHIFT, Key::P, 1);
    assert!(
        !harness
            .state()
            .workspace()
            .claim(claim)
            .unwrap()
            .is_published()
    );
    assert!(
        harness.query_all_by_label("Your name").next().is_some(),
        "Preferences are open"
    );
}

/// The sample in a window tall enough that the inspector's correction
/// form is in view, and its first published claim.
fn tall_window_on_a_published_claim() -> (
    egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    factbench::ClaimId,
) {
    let ws = sample_workspace();
    let claim = ws.claims.iter().find(|c| c.is_published()).unwrap().id;
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 2400.0))
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(
            |ui, app: &mut factbench::ui::FactbenchApp| app.show(ui),
            app(ws, vec![]),
        );
    harness.run_steps(3);
    (harness, claim)
}

/// Selects `claim` as a click in the list would.
fn select(
    harness: &mut egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    claim: factbench::ClaimId,
) {
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(3);
}

#[test]
fn withdrawing_without_your_name_opens_preferences_and_keeps_the_claim_published() {
    let (mut harness, claim) = tall_window_on_a_published_claim();
    assert!(harness.state_mut().settings_mut().your_name.is_empty());
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(3);
    harness.get_by_label("Unpublish").click();
    harness.run_steps(3);
    let kept = harness.state().workspace().claim(claim).unwrap();
    assert!(
        kept.is_published(),
        "an unsigned withdrawal is not recorded"
    );
    assert!(
        harness.query_all_by_label("Your name").next().is_some(),
        "Preferences are open"
    );
    assert!(
        harness
            .query_by_label_contains("recorded with your name")
            .is_some(),
        "the reason is given"
    );
}

#[test]
fn a_verdict_click_on_a_published_claim_asks_for_a_correction_note() {
    let (mut harness, claim) = tall_window_on_a_published_claim();
    harness.state_mut().settings_mut().your_name = "Desk".into();
    select(&mut harness, claim);
    let label = {
        let scale = &harness.state().workspace().scale;
        format!("3 {}", scale.verdicts[2].label)
    };
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .workspace()
            .claim(claim)
            .unwrap()
            .verdict
            .as_deref(),
        Some("true"),
        "not changed before the note is written"
    );
    // The public fields are read-only outside the correction form.
    let role = egui::accesskit::Role::TextInput;
    for field in ["Statement", "Claimant", "Rationale"] {
        assert!(
            harness.query_by_role_and_label(role, field).is_none(),
            "{field} is not editable once published"
        );
    }
    assert!(
        harness
            .query_by_role_and_label(role, "Reported by")
            .is_some()
    );
    {
        use egui_kittest::kittest::NodeT as _;
        assert!(
            harness
                .get_by_label("Corrected statement")
                .accesskit_node()
                .is_focused(),
            "the opened correction form's statement has the keyboard"
        );
    }
    harness.get_by_label("Corrected statement").click();
    harness.run_steps(2);
    harness
        .get_by_label("Corrected statement")
        .type_text(" (уточнено)");
    harness.run_steps(2);
    harness.get_by_label("Public correction note").click();
    harness.run_steps(2);
    harness
        .get_by_label("Public correction note")
        .type_text("Новые данные: визит сократили.");
    harness.run_steps(2);
    harness.get_by_label("Record correction").click();
    harness.run_steps(2);
    let corrected = harness.state().workspace().claim(claim).unwrap();
    assert_eq!(corrected.verdict.as_deref(), Some("mixed"));
    assert_eq!(corrected.corrections.len(), 1);
    assert_eq!(
        corrected.corrections[0].note,
        "Новые данные: визит сократили."
    );
    assert_eq!(corrected.corrections[0].by, "Desk");
    assert!(
        corrected.statement.contains(" (уточнено)"),
        "{}",
        corrected.statement
    );
    let fields: Vec<_> = corrected.corrections[0]
        .changes
        .iter()
        .map(|c| c.field)
        .collect();
    use factbench::model::PublicField;
    assert_eq!(fields, [PublicField::Statement, PublicField::Verdict]);
}

#[test]
fn the_list_numbers_claims_as_the_report_and_filters_published_ones() {
    let ws = sample_workspace();
    let numbers = ws.claim_numbers();
    let first = ws.claims[0].clone();
    let mut harness = harness(app(ws, vec![]));
    // The working number in text order, and the public one beside it.
    let name = format!(
        "{}. True — {}, published as number {}",
        numbers[&first.id],
        first.statement,
        first
            .public_number
            .expect("the sample's published claims have public numbers")
    );
    assert!(harness.query_by_label(&name).is_some(), "{name}");
    harness.state_mut().list_mut().filter.published = Some(false);
    harness.run_steps(2);
    assert!(harness.query_by_label(&name).is_none(), "drafts only");
    let revision = harness.state().document().revision();
    let shown = harness
        .state_mut()
        .list_mut()
        .visible_claims(&sample_workspace(), revision);
    assert_eq!(shown.len(), 6, "the sample's six drafts");
}
