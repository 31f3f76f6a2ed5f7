//! The window at the sizes fact-checkers use: at 800×600 the article keeps
//! a readable column, and side panels dragged wide give way to it.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::ui::FactbenchApp;

fn at_size(size: egui::Vec2) -> Harness<'static, FactbenchApp> {
    let app = app(factbench::sample::sample_workspace(), vec![]);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(|ui, app: &mut FactbenchApp| app.show(ui), app);
    harness.run_steps(3);
    harness
}

fn article_width(harness: &Harness<'static, FactbenchApp>) -> f32 {
    harness.get_by_label("Article text").rect().width()
}

#[test]
fn at_800_by_600_the_article_keeps_a_readable_column() {
    let harness = at_size(egui::vec2(800.0, 600.0));
    let width = article_width(&harness);
    assert!(width >= 260.0, "the article is {width} points wide");
}

#[test]
fn a_side_panel_dragged_wide_gives_way_to_the_article() {
    let mut harness = at_size(egui::vec2(800.0, 600.0));
    // Drag the inspector's left edge (the central panel's margin past the
    // article's text) far to the left.
    let edge = harness.get_by_label("Article text").rect().right() + 8.5;
    let y = 300.0;
    harness.drag_at(egui::pos2(edge, y));
    harness.run_steps(1);
    for x in [edge - 40.0, edge - 120.0, edge - 250.0, 100.0] {
        harness.hover_at(egui::pos2(x, y));
        harness.run_steps(1);
    }
    harness.drop_at(egui::pos2(100.0, y));
    harness.run_steps(3);
    let width = article_width(&harness);
    assert!(
        width >= 260.0,
        "after the drag the article is {width} points wide"
    );
}

/// The hint over the article is whole or short, never cut off mid-word.
#[test]
fn the_selection_hint_is_shortened_not_cut_off_in_a_small_window() {
    let long =
        "Select a passage (drag, double-click a word, Shift+click or Shift+arrows), then mark it.";
    let shorter = ["Select a passage, then mark it.", "Select text first."];
    let harness = at_size(WINDOW);
    assert!(
        harness.query_by_label(long).is_some(),
        "the whole hint at 1400×900"
    );
    let harness = at_size(egui::vec2(800.0, 600.0));
    assert!(harness.query_by_label(long).is_none());
    let hint = shorter
        .iter()
        .find_map(|hint| harness.query_by_label(hint))
        .expect("a shorter hint")
        .rect();
    let text = harness.get_by_label("Article text").rect();
    assert!(
        hint.right() <= text.right() + 24.0,
        "the short hint {hint:?} fits over the article {text:?}"
    );
}

#[test]
fn at_1400_by_900_the_panels_keep_their_usual_widths() {
    let harness = at_size(WINDOW);
    let width = article_width(&harness);
    assert!(width > 550.0, "the article is {width} points wide");
}

#[test]
fn an_empty_workspace_counts_no_unrated_claims_and_plurals_read_right() {
    let mut harness = harness(app(factbench::Workspace::new("Empty"), vec![]));
    harness.run_steps(2);
    assert!(harness.query_by_label("Unrated 0").is_none());
    assert!(
        harness
            .query_by_label_contains("0 articles, 0 claims, 0 rated, 0 sources.")
            .is_some()
    );
    let mut harness = harness_with_one_claim();
    harness.run_steps(2);
    assert!(harness.query_by_label("Unrated 1").is_some());
}

fn harness_with_one_claim() -> Harness<'static, FactbenchApp> {
    let mut ws = one_article("One", "The ministry said exports rose by 38 per cent.");
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(&ws.articles[0].text, 0, 12).unwrap();
    ws.claims
        .push(factbench::Claim::new(article, anchor, "Test Outlet"));
    harness(app(ws, vec![]))
}

#[test]
fn showing_another_article_lets_go_of_the_claim_of_the_first() {
    let mut ws = one_article(
        "First article",
        "The ministry said exports rose by 38 per cent.",
    );
    let second = factbench::Article::new("Second article", "Another text entirely.");
    ws.articles.push(second);
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(&ws.articles[0].text, 0, 12).unwrap();
    let claim = factbench::Claim::new(article, anchor, "Test Outlet");
    let id = claim.id;
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(2);
    assert_eq!(harness.state().selected_claim(), Some(id));
    harness.get_by_label_contains("Second article").click();
    harness.run_steps(3);
    let second = harness.state().workspace().articles[1].id;
    assert_eq!(harness.state().shown_article(), Some(second));
    assert_eq!(
        harness.state().selected_claim(),
        None,
        "the inspector no longer shows the first article's claim"
    );
}
