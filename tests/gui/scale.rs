//! The verdict scale in the window: Edit › Verdict scale… (presets, a
//! renamed verdict, a removed verdict in use and what its claims become),
//! one undo step each; File › New asks for the new workspace's scale; the
//! verdict picker reaches verdicts past the ninth.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::edit::Command;
use factbench::model::VerdictScale;
use factbench::sample::sample_workspace;
use factbench::ui::Action;

#[test]
fn a_preset_replaces_the_scale_in_one_undoable_step() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    let before = harness.state().workspace().clone();
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::EditScale);
    harness.run_steps(2);
    assert!(harness.state().scale_editor_open());
    harness.get_by_label("PolitiFact").click();
    harness.run_steps(2);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    assert!(!harness.state().scale_editor_open());
    assert_eq!(
        harness.state().workspace().scale,
        VerdictScale::politifact()
    );
    assert_eq!(
        harness.state().workspace().claims,
        before.claims,
        "every verdict of the sample is on PolitiFact's scale too"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace(), &before);
}

#[test]
fn renaming_and_removing_a_verdict_in_use_asks_what_its_claims_become() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    let before = harness.state().workspace().clone();
    let scale = &before.scale;
    let (n, used) = scale
        .verdicts
        .iter()
        .enumerate()
        .find(|(_, v)| {
            before
                .claims
                .iter()
                .any(|c| c.verdict.as_ref() == Some(&v.key))
        })
        .map(|(n, v)| (n + 1, v.key.clone()))
        .unwrap();
    let rated = before
        .claims
        .iter()
        .filter(|c| c.verdict.as_ref() == Some(&used))
        .count();
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::EditScale);
    harness.run_steps(2);
    let other = if n == 1 { 2 } else { 1 };
    let label = format!("Name of verdict {other}");
    harness.get_by_label(&label).focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(&label).type_text("Правда 真");
    harness.run_steps(1);
    harness.get_by_label(&format!("Remove verdict {n}")).click();
    harness.run_steps(2);
    assert!(
        is_disabled(&harness, "Apply"),
        "Apply waits until the claims of the removed verdict have a new home"
    );
    assert!(
        harness
            .query_by_label_contains(&format!("{rated} claim(s) rated"))
            .is_some()
    );
    harness
        .get_by_label(&format!("New verdict for {used}"))
        .click();
    harness.run_steps(2);
    harness.get_by_label("Unrated").click();
    harness.run_steps(2);
    assert!(!is_disabled(&harness, "Apply"));
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    let ws = harness.state().workspace();
    assert!(ws.scale.get(&used).is_none());
    assert_eq!(ws.scale.verdicts.len(), scale.verdicts.len() - 1);
    assert!(ws.scale.verdicts.iter().any(|v| v.label == "Правда 真"));
    assert!(ws.claims.iter().all(|c| c.verdict.as_ref() != Some(&used)));
    assert!(harness.state().document().problems().is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(
        harness.state().workspace(),
        &before,
        "one step undoes it all"
    );
}

#[test]
fn a_new_workspace_asks_for_its_scale() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    press(&mut harness, Modifiers::COMMAND, Key::N, 1);
    assert!(harness.state().new_workspace_prompt_open());
    assert!(
        !harness.state().workspace().claims.is_empty(),
        "nothing replaced yet"
    );
    harness.get_by_label("FEVER").click();
    harness.run_steps(1);
    harness.get_by_label("Create").click();
    harness.run_steps(2);
    assert!(harness.state().workspace().claims.is_empty());
    assert_eq!(harness.state().workspace().scale, VerdictScale::fever());
}

#[test]
fn a_new_workspace_can_copy_the_scale_of_another_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("снопс.ron");
    let mut ws = factbench::model::Workspace::new("Other");
    ws.scale = VerdictScale::snopes_style();
    ws.scale.verdicts[0].label = "Вполне верно".into();
    factbench::store::save(&other, &ws).unwrap();
    let mut harness = harness(app(sample_workspace(), vec![Some(other)]));
    press(&mut harness, Modifiers::COMMAND, Key::N, 1);
    harness
        .get_by_label("The scale of another workspace…")
        .click();
    harness.run_steps(1);
    harness.get_by_label("Create").click();
    harness.run_steps(3);
    assert_eq!(harness.state().workspace().scale, ws.scale);
    assert!(harness.state().workspace().claims.is_empty());
}

#[test]
fn the_verdict_picker_reaches_the_tenth_verdict_by_typing() {
    let mut ws = sample_workspace();
    ws.scale = VerdictScale::snopes_style();
    for claim in &mut ws.claims {
        claim.publication.clear();
        claim.verdict = None;
    }
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(1);
    press(&mut harness, Modifiers::COMMAND, Key::R, 1);
    let before = harness.get_by_label("Find verdict").rect();
    harness.get_by_label("Find verdict").type_text("sati");
    harness.run_steps(2);
    // One match left of eleven: the field stays under the typing.
    assert_eq!(harness.get_by_label("Find verdict").rect(), before);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    let given = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .verdict
        .clone();
    assert_eq!(given.as_deref(), Some("satire"));
    press(&mut harness, Modifiers::COMMAND, Key::R, 1);
    press(&mut harness, Modifiers::NONE, Key::ArrowDown, 2);
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    let given = harness
        .state()
        .workspace()
        .claim(claim)
        .unwrap()
        .verdict
        .clone();
    assert_eq!(
        given.as_deref(),
        Some("mixture"),
        "the third with the arrows"
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .execute(&ctx, Command::set_verdict(claim, None));
    assert!(harness.state().errors().next().is_none());
}
