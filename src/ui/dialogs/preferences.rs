//! View › Preferences.

use crate::ui::widgets::name_widget;

/// View › Preferences: your name (who publishes, reviews and corrects),
/// the autosave interval, then what `more` draws (the claim library
/// folders). Returns true when the name or the interval changed.
pub fn preferences_window(
    ctx: &egui::Context,
    open: &mut bool,
    your_name: &mut String,
    autosave_secs: &mut u32,
    overridden: Option<f64>,
    more: impl FnOnce(&mut egui::Ui),
) -> bool {
    let mut changed = false;
    egui::Window::new("Preferences")
        .open(open)
        .resizable(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.label("Your name");
                let response = ui.add(
                    egui::TextEdit::singleline(your_name)
                        .hint_text("Recorded when you publish, review or correct a claim"),
                );
                name_widget(ui, &response, "Your name");
                changed |= response.changed();
            });
            ui.weak("Shown as “approved by” on published claims, and on reviews and corrections.");
            ui.separator();
            ui.horizontal(|ui| {
                ui.label("Autosave unsaved work every");
                let response = ui.add(egui::DragValue::new(autosave_secs).range(1..=3600));
                name_widget(ui, &response, "Autosave interval in seconds");
                changed |= response.changed();
                ui.label("seconds");
            });
            ui.weak("Unsaved work goes to a recovery file beside the workspace, offered back after a crash.");
            if let Some(secs) = overridden {
                ui.weak(format!(
                    "{} is set: autosaving every {secs} s for now.",
                    crate::ui::services::autosave::INTERVAL_VARIABLE
                ));
            }
            ui.separator();
            more(ui);
        });
    changed
}
