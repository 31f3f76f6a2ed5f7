//! Adjusting a claim's quote in the window: either end widened or narrowed
//! by a word or a character from the keyboard and the inspector's buttons,
//! re-anchoring to the reader's selection, every field kept, and each step
//! undone by Ctrl+Z.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::edit::Command;
use factbench::model::{ClaimId, Workspace};

const TEXT: &str = "Xi said 29 heads of state will attend, officials confirmed.";

fn at(needle: &str) -> usize {
    TEXT[..TEXT.find(needle).unwrap()].chars().count()
}

/// The window on one article with a rated claim quoting "29 heads",
/// selected.
fn with_claim() -> (
    egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    ClaimId,
) {
    let ws: Workspace = one_article("Span", TEXT);
    let article = ws.articles[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    let (start, end) = (at("29"), at(" of"));
    harness.state_mut().execute(
        &ctx,
        Command::MarkClaim {
            article,
            start,
            end,
        },
    );
    let claim = harness.state().workspace().claims[0].id;
    let verdict = harness.state().workspace().scale.verdicts[4].key.clone();
    harness
        .state_mut()
        .execute(&ctx, Command::set_verdict(claim, Some(verdict)));
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(2);
    (harness, claim)
}

fn quote(harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>) -> String {
    harness.state().workspace().claims[0].anchor.exact.clone()
}

const ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::NONE
};

#[test]
fn keys_widen_by_a_word_narrow_by_a_character_and_undo_step_by_step() {
    let (mut harness, _) = with_claim();
    let before = harness.state().workspace().clone();
    press(
        &mut harness,
        Modifiers::COMMAND.plus(ALT_SHIFT),
        Key::ArrowRight,
        1,
    );
    assert_eq!(quote(&harness), "29 heads of", "the end moved a word later");
    press(&mut harness, ALT_SHIFT, Key::ArrowLeft, 1);
    assert_eq!(quote(&harness), "29 heads o", "then a character earlier");
    press(&mut harness, Modifiers::ALT, Key::ArrowLeft, 1);
    assert_eq!(
        quote(&harness),
        " 29 heads o",
        "the start a character earlier"
    );
    let claim = &harness.state().workspace().claims[0];
    assert_eq!(claim.verdict, before.claims[0].verdict, "the verdict stays");
    assert_eq!(claim.anchor.suffix, "f state will attend, officials c");
    assert_eq!(harness.state().workspace().claims.len(), 1);
    for _ in 0..3 {
        press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    }
    assert_eq!(quote(&harness), "29 heads");
    assert_eq!(harness.state().workspace().claims, before.claims);
}

#[test]
fn the_inspector_buttons_adjust_the_quote_and_grey_out_at_the_edge() {
    let (mut harness, _) = with_claim();
    harness.get_by_label("Quote ends a word later").click();
    harness.run_steps(2);
    assert_eq!(quote(&harness), "29 heads of");
    harness.get_by_label("Quote starts a word later").click();
    harness.run_steps(2);
    assert_eq!(quote(&harness), "heads of");
    harness.get_by_label("Quote starts a word earlier").click();
    harness.run_steps(2);
    harness.get_by_label("Quote starts a word earlier").click();
    harness.run_steps(2);
    assert_eq!(quote(&harness), "said 29 heads of");
    assert!(
        is_disabled(&harness, "Re-anchor to selection"),
        "nothing is selected in the article"
    );
    assert!(harness.state().errors().next().is_none());
}

#[test]
fn re_anchor_to_selection_keeps_every_field_and_undoes_in_one_step() {
    let (mut harness, claim) = with_claim();
    let before = harness.state().workspace().claims[0].clone();
    click_text_start(&mut harness);
    // "Xi said" and the space after it: the space is trimmed.
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 8);
    assert_eq!(harness.state().text_selection(), Some((0, 8)));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(1);
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::M,
        1,
    );
    let after = harness.state().workspace().claims[0].clone();
    assert_eq!(after.anchor.exact, "Xi said");
    assert_eq!((after.anchor.start, after.anchor.end), (0, 7));
    assert_eq!(after.anchor.prefix, "");
    assert_eq!(after.id, before.id);
    assert_eq!(after.verdict, before.verdict);
    assert_eq!(after.statement, before.statement);
    assert_eq!(harness.state().workspace().claims.len(), 1, "no new claim");
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert_eq!(harness.state().workspace().claims[0], before);
}

#[test]
fn span_keys_are_listed_in_help_and_greyed_without_a_claim() {
    let mut harness = harness(app(one_article("Span", TEXT), vec![]));
    press(&mut harness, Modifiers::NONE, Key::F1, 1);
    for label in [
        "Quote ends a word later",
        "Re-anchor to selection",
        "Give a verdict…",
    ] {
        assert!(
            harness.query_by_label_contains(label).is_some(),
            "{label} is listed in Help"
        );
    }
    press(&mut harness, Modifiers::ALT, Key::ArrowRight, 1);
    assert!(
        harness.state().errors().next().is_none(),
        "no claim, nothing done"
    );
}
