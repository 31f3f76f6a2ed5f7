//! PDF articles in the window (issue 24, step d): a PDF imported through
//! File › Import keeps its pages; the reader shows a quiet page marker
//! ("p. 2", a node screen readers name "Page 2") where each page starts;
//! Article › Go to page… scrolls to a page typed as printed or by number
//! and explains a page the document lacks; the claim list shows the pages
//! of a claim ("p. 1–2" for a quote across a page break).

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::find_quote;
use factbench::import::{ImportOptions, import_file};
use factbench::model::Workspace;
use factbench::ui::{Action, FactbenchApp};
use std::path::PathBuf;

type Harness = egui_kittest::Harness<'static, FactbenchApp>;

fn pdf() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/japanese-and-two-column.pdf")
}

/// A workspace holding the three-page PDF, imported as the command line
/// imports it.
fn pdf_workspace() -> Workspace {
    let article = import_file(&pdf(), &ImportOptions::default()).unwrap();
    assert_eq!(article.pages.len(), 3);
    let mut ws = Workspace::new("Notice");
    ws.articles.push(article);
    ws
}

fn run(harness: &mut Harness, action: Action) {
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, action);
    harness.run_steps(3);
}

/// Whether the marker named `name` is drawn inside the reader's view.
fn marker_in_view(harness: &Harness, name: &str) -> bool {
    let text = harness.get_by_label("Article text").rect();
    let view = harness.ctx.viewport_rect();
    harness.query_by_label(name).is_some_and(|marker| {
        let y = marker.rect().center().y;
        y >= text.min.y.max(view.min.y) && y <= view.max.y
    })
}

#[test]
fn a_pdf_imported_through_the_window_keeps_its_pages_and_claims_show_theirs() {
    let mut harness = harness(app(Workspace::new("Notice"), vec![Some(pdf())]));
    run(&mut harness, Action::ImportArticle);
    // The PDF is read on a worker: wait for it by the clock, then import.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness.state().workspace().articles.is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.run_steps(1);
        let ready = harness.query_by_label("Import 1 article").is_some()
            && !is_disabled(&harness, "Import 1 article");
        if ready {
            harness.get_by_label("Import 1 article").click();
            harness.run_steps(2);
        }
    }
    harness.run_steps(3);
    let ws = harness.state().workspace().clone();
    let article = &ws.articles[0];
    assert_eq!(article.pages.len(), 3);
    let across = find_quote(&article.text, "ケーブル関係\n\nTwo-Column Document", 0).unwrap();
    harness
        .state_mut()
        .reader_mut()
        .set_selection(across.start, across.end);
    run(&mut harness, Action::MarkClaim);
    let claim = harness.state().workspace().claims[0].clone();
    assert_eq!(
        (claim.anchor.start, claim.anchor.end),
        (across.start, across.end)
    );
    harness.get_by_label_contains("(p. 1–2)");
    let japanese = find_quote(&article.text, "絶縁電線に該当しない", 0).unwrap();
    harness
        .state_mut()
        .reader_mut()
        .set_selection(japanese.start, japanese.end);
    run(&mut harness, Action::MarkClaim);
    harness.get_by_label_contains("(p. 1)");
}

#[test]
fn page_markers_stand_where_pages_start_and_go_to_page_scrolls_to_one() {
    let ws = pdf_workspace();
    let third = ws.articles[0].pages[2].start;
    let mut harness = harness(app(ws, vec![]));
    harness.run_steps(3);
    assert!(marker_in_view(&harness, "Page 1"));
    assert!(marker_in_view(&harness, "Page 2"));
    assert!(
        !marker_in_view(&harness, "Page 3"),
        "page 3 is further down"
    );

    run(&mut harness, Action::GoToPage);
    type_into(&mut harness, "Page", "9");
    harness.get_by_label("Go").click();
    harness.run_steps(2);
    harness.get_by_label_contains("This document has no page “9”: its pages are 1–3");
    let role = egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(role, "Page").focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness.get_by_role_and_label(role, "Page").type_text("3");
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(4);
    assert!(harness.query_by_label("Go").is_none(), "the dialog closed");
    assert!(
        marker_in_view(&harness, "Page 3"),
        "page 3's marker on screen"
    );
    assert!(!marker_in_view(&harness, "Page 1"), "scrolled past page 1");
    // The caret waits at the page's first char: Shift+Right selects it.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(harness.state().text_selection(), Some((third, third + 1)));
}

#[test]
fn go_to_page_is_offered_only_for_a_paged_article() {
    let mut harness = harness(app(one_article("Plain", "Один абзац без страниц."), vec![]));
    run(&mut harness, Action::GoToPage);
    assert!(
        harness
            .query_by_role_and_label(egui::Role::Dialog, "Go to page")
            .is_none()
    );
    assert!(harness.query_by_label("Page 1").is_none());
    let mut paged = harness_for_pdf();
    run(&mut paged, Action::GoToPage);
    paged.get_by_role_and_label(egui::Role::Dialog, "Go to page");
}

fn harness_for_pdf() -> Harness {
    harness(app(pdf_workspace(), vec![]))
}
