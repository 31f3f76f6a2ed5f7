//! Shared set-up for the window tests: a harness around [`FactbenchApp`]
//! with the real fonts (so missing glyphs fail the test) and scripted file
//! dialogs.

#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::model::{Article, Workspace};
use factbench::ui::FactbenchApp;
use factbench::ui::ScriptedPicker;
use std::path::PathBuf;

/// A window of a typical laptop size.
pub const WINDOW: egui::Vec2 = egui::vec2(1400.0, 900.0);

/// A harness running `app` with the bundled fonts installed.
pub fn harness(app: FactbenchApp) -> Harness<'static, FactbenchApp> {
    let mut harness = Harness::builder()
        .with_size(WINDOW)
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(|ui, app: &mut FactbenchApp| app.show(ui), app);
    harness.run_steps(3);
    harness
}

/// The app on `workspace`, answering file dialogs with `answers`.
pub fn app(workspace: Workspace, answers: Vec<Option<PathBuf>>) -> FactbenchApp {
    FactbenchApp::new(workspace, Box::new(ScriptedPicker::answering(answers)))
}

/// A workspace holding one article with `text`.
pub fn one_article(title: &str, text: &str) -> Workspace {
    let mut ws = Workspace::new(title);
    let mut article = Article::new(title, text);
    article.outlet = "Test Outlet".into();
    ws.articles.push(article);
    ws
}

/// Clicks at the start of the article text (its first char).
pub fn click_text_start(harness: &mut Harness<'static, FactbenchApp>) {
    let rect = harness.get_by_label("Article text").rect();
    let pos = rect.min + egui::vec2(1.0, 10.0);
    harness.hover_at(pos);
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(1);
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(2);
}

/// Presses a key `times` times with `modifiers`.
pub fn press(
    harness: &mut Harness<'static, FactbenchApp>,
    modifiers: egui::Modifiers,
    key: egui::Key,
    times: usize,
) {
    for _ in 0..times {
        harness.key_press_modifiers(modifiers, key);
        harness.run_steps(1);
    }
    harness.run_steps(1);
}

/// Whether the one widget labelled `label` is greyed out.
pub fn is_disabled(harness: &Harness<'static, FactbenchApp>, label: &str) -> bool {
    use egui_kittest::kittest::NodeT as _;
    harness.get_by_label(label).accesskit_node().is_disabled()
}

/// Clicks into the one-line text field named `label` and types `text`.
pub fn type_into(harness: &mut Harness<'static, FactbenchApp>, label: &str, text: &str) {
    let role = egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(role, label).focus();
    harness.run_steps(1);
    harness.get_by_role_and_label(role, label).type_text(text);
    harness.run_steps(1);
}

/// The sample investigation published under a desk of its own (exporting
/// the sample as it is warns that its publisher is the sample's).
#[allow(dead_code)]
pub fn desk_workspace() -> factbench::model::Workspace {
    let mut workspace = factbench::sample::sample_workspace();
    workspace.publisher.name = "Northern Verification Desk".into();
    workspace
}

/// Where the article's paragraph `paragraph` is drawn, from the text runs
/// screen readers get (the union of its rows' bounds).
pub fn paragraph_rect(harness: &Harness<'static, FactbenchApp>, paragraph: &str) -> egui::Rect {
    use egui_kittest::kittest::NodeT as _;
    let document = harness.get_by_role_and_label(egui::Role::Document, "Article text");
    let mut text = String::new();
    let mut rect = egui::Rect::NOTHING;
    let document = document.accesskit_node();
    for node in text_runs_under(document) {
        let value = node.value().unwrap_or_default();
        text.push_str(&value);
        if let Some(b) = node.bounding_box() {
            let run = egui::Rect::from_min_max(
                egui::pos2(b.x0 as f32, b.y0 as f32),
                egui::pos2(b.x1 as f32, b.y1 as f32),
            );
            rect = rect.union(run);
        }
        if value.ends_with('\n') || text.trim_end() == paragraph {
            if text.trim_end_matches('\n') == paragraph {
                return rect;
            }
            text.clear();
            rect = egui::Rect::NOTHING;
        }
    }
    panic!("no paragraph {paragraph:?} among the article's text runs");
}

/// The text runs under `node`, in order.
fn text_runs_under(
    node: egui_kittest::kittest::AccessKitNode<'_>,
) -> Vec<egui_kittest::kittest::AccessKitNode<'_>> {
    if node.role() == egui::accesskit::Role::TextRun {
        return vec![node];
    }
    node.children().flat_map(text_runs_under).collect()
}

/// The article's text as screen readers get it (the "Article text"
/// document's text), and the text of its selection.
pub fn article_text_for_screen_readers(
    harness: &Harness<'static, FactbenchApp>,
) -> (String, Option<String>) {
    use egui_kittest::kittest::NodeT as _;
    let document = harness.get_by_role_and_label(egui::Role::Document, "Article text");
    let node = document.accesskit_node();
    let text = node.document_range().text();
    let selection = node.text_selection().map(|range| range.text());
    (text, selection)
}
