//! The Help menu's windows: Keyboard shortcuts (every action of the one
//! table) and About.

use crate::ui::actions::{Action, Scope};
use egui::RichText;

/// Help › Keyboard shortcuts: every action of the table, with its keys.
pub fn shortcuts_window(ctx: &egui::Context, open: &mut bool) {
    close_on_escape(ctx, open);
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .default_width(460.0)
        .vscroll(true)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).num_columns(3).show(ui, |ui| {
                for action in Action::all().iter().filter(|a| a.listed_in_help()) {
                    let keys: Vec<String> =
                        action.shortcuts().map(|s| ctx.format_shortcut(&s)).collect();
                    let label = match action {
                        Action::OpenRecent(_) => "Open recent › a workspace".into(),
                        _ => action.label(),
                    };
                    ui.label(RichText::new(label).strong());
                    ui.monospace(if keys.is_empty() { "—".to_owned() } else { keys.join(" or ") });
                    ui.weak(match action.scope() {
                        Scope::Global => action.help().to_owned(),
                        Scope::Reading => format!("{} (outside text fields)", action.help()),
                    });
                    ui.end_row();
                }
                ui.label(RichText::new("Set verdict").strong());
                ui.monospace("1 … 9 or Alt+1 … 9");
                ui.weak("Give the selected claim the n-th verdict of the scale (plain digits outside text fields)");
                ui.end_row();
            });
        });
}

/// Help › About.
pub fn about_window(ctx: &egui::Context, open: &mut bool) {
    close_on_escape(ctx, open);
    egui::Window::new("About Factbench")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading(format!("Factbench {}", env!("CARGO_PKG_VERSION")));
            ui.label("A desktop workbench for fact-checkers: mark the claims in news articles, judge them, cite sources, publish the checks.");
            ui.label("Chinese text uses Droid Sans Fallback (Apache License 2.0), bundled with Factbench.");
        });
}

/// Escape closes a Help window, as it leaves a field: the window is read,
/// not edited, so nothing is lost.
fn close_on_escape(ctx: &egui::Context, open: &mut bool) {
    if *open && !ctx.any_popup_open() && ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        *open = false;
    }
}
