//! File › Import Meedan Check export…: the chosen ZIP is read on a worker
//! (the window keeps drawing; a bad one is an error naming the file
//! inside), the dialog confirms the statuses,
//! scale and folder, and the workspaces are written as new files beside
//! the open one, which stays as it is; a notice lists what was written.

use super::modals::Shown;
use super::*;
use crate::import::background::Job;
use crate::import::check_export::{self, Read, read_export};
use crate::ui::dialogs::import_check::{ImportCheckDialog, ImportCheckRequest, StatusChoice};
use crate::ui::widgets::{PromptFrame, modal_prompt};

/// An export being read on a worker.
pub(super) struct CheckReading {
    path: PathBuf,
    job: Job<Result<Read, String>>,
}

const READ_FAILED: &str = "Could not read the Check export";

impl FactbenchApp {
    /// Starts reading the export at `path`; the mapping dialog opens when
    /// it is read.
    pub(super) fn open_check_export(&mut self, path: &Path) {
        let owned = path.to_owned();
        let job = Job::spawn(move |_| read_export(&owned));
        self.open_modal(Modal::CheckReading(CheckReading {
            path: path.to_owned(),
            job,
        }));
    }

    /// While the export is read: a line saying so, with *Cancel*; then
    /// the mapping dialog, or the error.
    pub(super) fn draw_check_reading(
        &mut self,
        ctx: &egui::Context,
        reading: CheckReading,
    ) -> Shown {
        match reading.job.poll() {
            Some(Some(Ok(read))) => {
                let dialog = ImportCheckDialog::new(reading.path, read);
                return Shown::Open(Modal::ImportCheck(Box::new(dialog)));
            }
            Some(Some(Err(e))) => return Shown::Open(Modal::Error((READ_FAILED.into(), e))),
            Some(None) => {
                let message = format!("{}: reading stopped unexpectedly.", reading.path.display());
                return Shown::Open(Modal::Error((READ_FAILED.into(), message)));
            }
            None => {}
        }
        let frame = PromptFrame {
            id: "check-reading",
            title: "Reading the Check export",
            width: 420.0,
        };
        let cancelled = modal_prompt(ctx, frame, Some(()), |ui| {
            ui.label(format!("Reading {}…", reading.path.display()));
            ui.button("Cancel").clicked().then_some(())
        });
        if cancelled.is_some() {
            return Shown::Closed(None);
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        Shown::Open(Modal::CheckReading(reading))
    }

    /// Writes the workspaces the user confirmed.
    pub(super) fn import_check(&mut self, request: ImportCheckRequest) {
        let label = request
            .export
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let planned = match check_export::plan_workspaces(
            &request.read,
            &request.map,
            &request.scale,
            &label,
        ) {
            Ok(Ok(planned)) => planned,
            Ok(Err(e)) => return self.error("Could not import the Check export", e),
            Err(unmapped) => {
                let statuses: Vec<&str> = unmapped.iter().map(|u| u.status.as_str()).collect();
                let message = format!("No verdict chosen for: {}", statuses.join(", "));
                return self.error("Could not import the Check export", message);
            }
        };
        match check_export::write_workspaces(&request.folder, &planned) {
            Ok(written) => {
                let lines: Vec<String> = planned
                    .iter()
                    .zip(&written)
                    .map(|(plan, path)| {
                        format!(
                            "{}: {} claims ({} published)",
                            path.display(),
                            plan.counts.claims,
                            plan.counts.published
                        )
                    })
                    .collect();
                let message = format!(
                    "{} workspace(s) written; open them with File › Open.\n\n{}",
                    written.len(),
                    lines.join("\n")
                );
                self.open_modal(Modal::Notice(("Check export imported".into(), message)));
            }
            Err(e) => self.error(
                "Could not import the Check export",
                format!("{e}. Nothing was written."),
            ),
        }
    }

    /// The statuses of the open Check import dialog, with their verdicts.
    pub fn check_import_statuses(&self) -> Option<Vec<StatusChoice>> {
        self.modals.iter().find_map(|m| match m {
            Modal::ImportCheck(dialog) => Some(dialog.statuses().to_vec()),
            _ => None,
        })
    }

    /// The notices on screen: title and message.
    pub fn notices(&self) -> impl Iterator<Item = &(String, String)> {
        self.modals.iter().filter_map(|m| match m {
            Modal::Notice(notice) => Some(notice),
            _ => None,
        })
    }
}
