//! File › Import Meedan Check export…: after the ZIP is chosen and read,
//! every status the export uses with a verdict picker each (prefilled
//! with the best guess from its label, to confirm), the verdict scale of
//! the new workspaces, and the folder they go to; *Import* hands all of
//! it back to be written (`import::check_export`, `docs/import-check.md`).

use crate::import::check_export::{Read, StatusMap, best_guess, statuses_seen};
use crate::model::VerdictScale;
use crate::ui::widgets::{PromptFrame, modal_prompt, name_widget};
use std::path::PathBuf;

/// One status of the export and the verdict chosen for it (`None`: unrated).
#[derive(Clone, Debug, PartialEq)]
pub struct StatusChoice {
    pub status: String,
    pub uses: usize,
    pub verdict: Option<String>,
}

/// The dialog's state while it is open.
pub struct ImportCheckDialog {
    export: PathBuf,
    read: Read,
    scales: Vec<VerdictScale>,
    scale: usize,
    statuses: Vec<StatusChoice>,
    folder: String,
}

/// What the user confirmed: everything the import needs.
pub struct ImportCheckRequest {
    pub export: PathBuf,
    pub read: Read,
    pub scale: VerdictScale,
    pub map: StatusMap,
    pub folder: PathBuf,
}

/// What the dialog answers.
pub enum ImportCheckAnswer {
    Import(Box<ImportCheckRequest>),
    Cancel,
}

impl ImportCheckDialog {
    /// The dialog for the export read from `export`; the folder proposed
    /// is one named after the ZIP, beside it.
    pub fn new(export: PathBuf, read: Read) -> Self {
        let stem = export.file_stem().map_or_else(
            || "check-export".into(),
            |s| s.to_string_lossy().into_owned(),
        );
        let folder = export.with_file_name(stem).display().to_string();
        let mut dialog = ImportCheckDialog {
            export,
            read,
            scales: VerdictScale::presets(),
            scale: 0,
            statuses: Vec::new(),
            folder,
        };
        dialog.guess_all();
        dialog
    }

    /// The statuses with their current choice.
    pub fn statuses(&self) -> &[StatusChoice] {
        &self.statuses
    }

    /// Every status's verdict set to the best guess on the chosen scale.
    fn guess_all(&mut self) {
        let scale = &self.scales[self.scale];
        self.statuses = statuses_seen(&self.read)
            .into_iter()
            .map(|(status, uses)| StatusChoice {
                verdict: best_guess(&status, scale),
                status,
                uses,
            })
            .collect();
    }

    pub fn show(&mut self, ctx: &egui::Context) -> Option<ImportCheckAnswer> {
        let frame = PromptFrame {
            id: "import-check",
            title: "Import Meedan Check export",
            width: 620.0,
        };
        modal_prompt(ctx, frame, Some(ImportCheckAnswer::Cancel), |ui| {
            ui.label(format!(
                "{}: {}, {}, {}.",
                self.export.display(),
                counted(self.read.items.len(), "item"),
                counted(self.read.fact_checks.len(), "fact-check"),
                counted(self.read.explainers.len(), "explainer")
            ));
            for warning in &self.read.warnings {
                ui.colored_label(ui.visuals().warn_fg_color, warning);
            }
            ui.add_space(6.0);
            self.scale_choice(ui);
            ui.add_space(6.0);
            self.status_choices(ui);
            ui.add_space(6.0);
            self.folder_field(ui);
            ui.add_space(8.0);
            self.answer_buttons(ui)
        })
    }

    fn scale_choice(&mut self, ui: &mut egui::Ui) {
        let before = self.scale;
        ui.horizontal(|ui| {
            ui.label("Verdict scale of the new workspaces:");
            let combo = egui::ComboBox::from_id_salt("check-scale")
                .selected_text(&self.scales[self.scale].name);
            let scales = &self.scales;
            let chosen = &mut self.scale;
            let shown = crate::ui::widgets::combo(ui, combo, |ui| {
                for (i, scale) in scales.iter().enumerate() {
                    ui.selectable_value(chosen, i, &scale.name);
                }
            });
            name_widget(ui, &shown.response, "Verdict scale");
        });
        if self.scale != before {
            self.guess_all();
        }
    }

    /// One row per status: its label, how many records use it, its verdict.
    fn status_choices(&mut self, ui: &mut egui::Ui) {
        ui.strong("What each Check status becomes (best guesses; check them):");
        let scale = &self.scales[self.scale];
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .show(ui, |ui| {
                egui::Grid::new("check-statuses")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (i, choice) in self.statuses.iter_mut().enumerate() {
                            ui.label(format!("{} ({})", choice.status, choice.uses));
                            verdict_picker(ui, i, scale, choice);
                            ui.end_row();
                        }
                    });
            });
    }

    fn folder_field(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("Into folder:");
            let response =
                ui.add(egui::TextEdit::singleline(&mut self.folder).desired_width(420.0));
            name_widget(ui, &response, "Into folder");
        });
        ui.weak("One workspace per Check workspace; an existing file is never replaced.");
    }

    fn answer_buttons(&self, ui: &mut egui::Ui) -> Option<ImportCheckAnswer> {
        let mut answer = None;
        ui.horizontal(|ui| {
            let ready = !self.folder.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new("Import")).clicked() {
                answer = Some(ImportCheckAnswer::Import(Box::new(self.request())));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(ImportCheckAnswer::Cancel);
            }
        });
        answer
    }

    /// The confirmed mapping, scale and folder.
    pub fn request(&self) -> ImportCheckRequest {
        let mut map = StatusMap::default();
        for choice in &self.statuses {
            map.set(&choice.status, choice.verdict.clone());
        }
        ImportCheckRequest {
            export: self.export.clone(),
            read: self.read.clone(),
            scale: self.scales[self.scale].clone(),
            map,
            folder: PathBuf::from(self.folder.trim()),
        }
    }
}

/// A drop-down of *Unrated* and every verdict of the scale.
fn verdict_picker(ui: &mut egui::Ui, row: usize, scale: &VerdictScale, choice: &mut StatusChoice) {
    let shown = scale.label_of(choice.verdict.as_deref()).to_owned();
    let combo = egui::ComboBox::from_id_salt(("check-status", row)).selected_text(shown);
    let response = crate::ui::widgets::combo(ui, combo, |ui| {
        ui.selectable_value(&mut choice.verdict, None, "Unrated");
        for verdict in &scale.verdicts {
            ui.selectable_value(
                &mut choice.verdict,
                Some(verdict.key.clone()),
                &verdict.label,
            );
        }
    });
    name_widget(
        ui,
        &response.response,
        &format!("Verdict for {}", choice.status),
    );
}

/// `1 item`, `2 items`.
fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}
