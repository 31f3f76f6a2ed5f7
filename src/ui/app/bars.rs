//! What the bars around the work ask for: the merge-conflict banner (and
//! the conflict list, whose buttons are the same) and the status bar's
//! buttons (problems, the last export: open it, show its folder, dismiss).

use super::windows::Window;
use super::{FactbenchApp, Intent};
use crate::ui::panels::status_bar::StatusIntent;

impl FactbenchApp {
    /// What the conflict banner or list asked for.
    pub(super) fn on_conflict_intent(
        &mut self,
        intent: crate::ui::dialogs::conflicts::ConflictIntent,
    ) {
        use super::RightTab;
        use crate::edit::Command;
        use crate::model::ConflictItem;
        use crate::ui::actions::Action;
        use crate::ui::dialogs::conflicts::ConflictIntent;
        let intent = match intent {
            ConflictIntent::ShowList => {
                self.windows.open(Window::Conflicts);
                return;
            }
            ConflictIntent::Resolve { index, resolution } => {
                Intent::Command(Command::ResolveConflict { index, resolution })
            }
            ConflictIntent::Show(ConflictItem::Claim(claim))
            | ConflictIntent::Show(ConflictItem::Evidence { claim, .. }) => Intent::SelectClaim {
                claim,
                reveal: true,
            },
            ConflictIntent::Show(ConflictItem::Article(id)) => Intent::ShowArticle(id),
            ConflictIntent::Show(ConflictItem::Source(_)) => {
                Intent::Action(Action::ShowTab(RightTab::Sources))
            }
            ConflictIntent::Show(ConflictItem::Workspace) => {
                Intent::Action(Action::WorkspaceDetails)
            }
        };
        self.intents.push_back(intent);
    }

    /// The status bar's buttons about the last export.
    pub(super) fn on_status_intent(&mut self, ctx: &egui::Context, intent: StatusIntent) {
        let exported = self.files.last_export.clone();
        let target = match (intent, exported) {
            (StatusIntent::ShowProblems, _) => {
                self.windows.open(Window::Problems);
                return;
            }
            (StatusIntent::DismissExport, _) | (_, None) => {
                self.files.last_export = None;
                return;
            }
            (StatusIntent::OpenExport, Some(path)) => path,
            (StatusIntent::ShowExportFolder, Some(path)) => match path.parent() {
                Some(folder) => folder.to_owned(),
                None => path,
            },
        };
        self.open_in_other_program(ctx, &target);
    }
}
