//! File › Import Meedan Check export…: the chosen ZIP is read (a bad one
//! is an error naming the file inside), the dialog confirms the statuses,
//! scale and folder, and the workspaces are written as new files beside
//! the open one, which stays as it is; a notice lists what was written.

use super::*;
use crate::import::check_export::{self, read_export};
use crate::ui::dialogs::import_check::{ImportCheckDialog, ImportCheckRequest, StatusChoice};

impl FactbenchApp {
    /// Reads the export at `path` and opens the mapping dialog.
    pub(super) fn open_check_export(&mut self, path: &Path) {
        match read_export(path) {
            Ok(read) => self.open_modal(Modal::ImportCheck(Box::new(ImportCheckDialog::new(
                path.to_owned(),
                read,
            )))),
            Err(e) => self.error("Could not read the Check export", e),
        }
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
