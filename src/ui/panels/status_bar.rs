//! The status bar: where the workspace is saved, whether it has unsaved
//! changes, how many claims carry each verdict, and the problem count;
//! after an export, where the file went, with *Open* and *Show in folder*;
//! and the last announcement ("Claim 3: False" after a verdict given by
//! key), a polite live region screen readers speak when it changes.

use crate::model::Workspace;
use egui::{Color32, CornerRadius, RichText, Sense, Ui, vec2};
use std::path::Path;

/// What the status bar asks the window to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusIntent {
    ShowProblems,
    /// Open the file last exported with its usual program.
    OpenExport,
    /// Open the folder the file last exported is in.
    ShowExportFolder,
    /// Stop showing where the last export went.
    DismissExport,
}

pub fn show(
    ui: &mut Ui,
    ws: &Workspace,
    path: Option<&Path>,
    dirty: bool,
    problem_count: usize,
    exported: Option<&Path>,
    announcement: Option<&str>,
) -> Option<StatusIntent> {
    let mut intent = None;
    if let Some(exported) = exported {
        intent = export_row(ui, exported);
    }
    ui.horizontal(|ui| {
        match path {
            Some(path) => ui.label(path.display().to_string()),
            None => ui.weak("not saved to a file yet"),
        };
        if dirty {
            ui.label(RichText::new("• Unsaved changes").color(ui.visuals().warn_fg_color));
        } else {
            ui.weak("No unsaved changes");
        }
        ui.separator();
        let (counts, unrated) = ws.verdict_counts();
        for (verdict, count) in ws.scale.verdicts.iter().zip(counts) {
            if count == 0 {
                continue;
            }
            chip(
                ui,
                Some(Color32::from_rgb(
                    verdict.colour.0,
                    verdict.colour.1,
                    verdict.colour.2,
                )),
            );
            ui.label(format!("{} {count}", verdict.label));
        }
        // An empty workspace has nothing unrated to count.
        if !ws.claims.is_empty() {
            chip(ui, None);
            ui.label(format!("Unrated {unrated}"));
        }
        if problem_count > 0 {
            ui.separator();
            let problems = crate::text::counted(problem_count, "problem", "problems");
            let text = RichText::new(problems).color(ui.visuals().warn_fg_color);
            if ui
                .button(text)
                .on_hover_text("Show the problems panel")
                .clicked()
            {
                intent = Some(StatusIntent::ShowProblems);
            }
        }
        if let Some(announcement) = announcement {
            ui.separator();
            announce(ui, announcement);
        }
    });
    intent
}

/// Shows `text` as a polite live region: a screen reader speaks it when it
/// appears or changes, without moving the keyboard.
fn announce(ui: &mut Ui, text: &str) {
    let response = ui.add(egui::Label::new(RichText::new(text).strong()).truncate());
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}

/// "Exported to PATH" with its buttons.
fn export_row(ui: &mut Ui, exported: &Path) -> Option<StatusIntent> {
    let mut intent = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new("✔ Exported to").strong());
        ui.add(
            egui::Label::new(exported.display().to_string())
                .truncate()
                .selectable(true),
        );
        for (label, help, asked) in [
            ("Open", "Open the exported file", StatusIntent::OpenExport),
            (
                "Show in folder",
                "Open the folder the file was exported to",
                StatusIntent::ShowExportFolder,
            ),
            ("×", "Stop showing this", StatusIntent::DismissExport),
        ] {
            let button = ui.small_button(label).on_hover_text(help);
            crate::ui::widgets::name_widget(
                ui,
                &button,
                if label == "×" { "Dismiss" } else { label },
            );
            if button.clicked() {
                intent = Some(asked);
            }
        }
    });
    ui.separator();
    intent
}

fn chip(ui: &mut Ui, colour: Option<Color32>) {
    let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
    match colour {
        Some(c) => {
            ui.painter().rect_filled(rect, CornerRadius::same(2), c);
        }
        None => {
            ui.painter().rect_stroke(
                rect,
                CornerRadius::same(2),
                egui::Stroke::new(1.2, ui.visuals().text_color()),
                egui::StrokeKind::Inside,
            );
        }
    }
}
