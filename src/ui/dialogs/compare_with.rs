//! File › Compare with…: what differs between another workspace file (a
//! colleague's copy, an older commit) and the open workspace — items
//! added, removed and changed, article text by sentence.

use crate::merge::Difference;
use std::path::PathBuf;

/// The comparison of the open workspace with a file.
pub struct CompareWithDialog {
    pub path: PathBuf,
    pub differences: Vec<Difference>,
}

impl CompareWithDialog {
    /// Shows the window; false once it was closed.
    pub fn show(&self, ctx: &egui::Context) -> bool {
        let mut open = true;
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        egui::Window::new(format!("Compared with {name}"))
            .open(&mut open)
            .default_width(620.0)
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(format!(
                    "From {} to the open workspace:",
                    self.path.display()
                ));
                ui.separator();
                if self.differences.is_empty() {
                    ui.label("No differences.");
                }
                for difference in &self.differences {
                    match difference {
                        Difference::Added(item) => {
                            ui.label(format!("Added: {item}"));
                        }
                        Difference::Removed(item) => {
                            ui.label(format!("Removed: {item}"));
                        }
                        Difference::Changed { item, lines } => {
                            ui.label(format!("Changed: {item}"));
                            ui.indent(item, |ui| {
                                for line in lines {
                                    ui.label(line);
                                }
                            });
                        }
                    }
                }
            });
        open
    }
}
