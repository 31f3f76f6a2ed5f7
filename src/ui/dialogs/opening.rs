//! The progress window of a large workspace being opened: the file, how
//! much of it has been read, then that it is being checked, the time so
//! far, and *Cancel*. Modal: the open work cannot change underneath.

use std::path::Path;
use std::time::Duration;

/// How far an open has come.
pub struct OpeningProgress<'a> {
    pub path: &'a Path,
    pub size: u64,
    pub read: u64,
    pub elapsed: Duration,
}

/// Draws the window; true when the user cancelled.
pub fn opening_window(ctx: &egui::Context, progress: &OpeningProgress<'_>) -> bool {
    let mut cancel = false;
    let name = progress.path.file_name().map_or_else(
        || progress.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Modal::new(egui::Id::unique("opening-workspace")).show(ctx, |ui| {
        ui.set_width(420.0);
        let title = format!("Opening {name}");
        crate::ui::widgets::name_dialog(ui, &title);
        ui.heading(title);
        ui.label(progress.path.display().to_string());
        ui.add_space(6.0);
        let megabytes = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
        if progress.read < progress.size {
            let fraction = progress.read as f32 / progress.size.max(1) as f32;
            ui.add(
                egui::ProgressBar::new(fraction)
                    .text(format!(
                        "Reading: {:.0} of {:.0} MB",
                        megabytes(progress.read),
                        megabytes(progress.size)
                    ))
                    .animate(true),
            );
        } else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "Read {:.0} MB; checking the articles, claims and sources…",
                    megabytes(progress.size)
                ));
            });
        }
        ui.label(format!("{:.1} s", progress.elapsed.as_secs_f32()));
        ui.add_space(6.0);
        ui.label("The open workspace stays as it is until this one is ready.");
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            cancel = true;
        }
    });
    cancel
}
