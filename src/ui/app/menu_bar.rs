//! The menu bar: File, Edit, View and Help, every entry an [`Action`] from
//! the one table (label and shortcut), plus Open recent and the theme.

use super::{FactbenchApp, Intent, RightTab};
use crate::ui::actions::Action;
use crate::ui::services::files::ThemeChoice;

impl FactbenchApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::containers::menu::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_item(ui, Action::New, true);
                self.menu_item(ui, Action::Open, true);
                self.recent_menu(ui);
                ui.separator();
                self.menu_item(ui, Action::Save, true);
                self.menu_item(ui, Action::SaveAs, true);
                ui.separator();
                self.menu_item(ui, Action::ImportArticle, true);
                self.menu_item(ui, Action::NewArticleFromClipboard, true);
                ui.menu_button("Export", |ui| {
                    for format in crate::export::Format::ALL {
                        self.menu_item(ui, Action::Export(format), true);
                    }
                    ui.separator();
                    ui.checkbox(
                        &mut self.services.settings.open_report_after_export,
                        "Open the HTML report in the browser afterwards",
                    );
                });
                ui.separator();
                self.menu_item(ui, Action::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                self.menu_item(ui, Action::Undo, self.doc.can_undo());
                self.menu_item(ui, Action::Redo, self.doc.can_redo());
                ui.separator();
                self.menu_item(
                    ui,
                    Action::MarkClaim,
                    self.panels.reader.selection().is_some(),
                );
                let selected = self.view.selected_claim.is_some();
                self.menu_item(ui, Action::DeleteClaim, selected);
                self.menu_item(ui, Action::ClearVerdict, selected);
                ui.separator();
                self.menu_item(
                    ui,
                    Action::CopySelection,
                    self.panels.reader.selection().is_some(),
                );
                self.menu_item(ui, Action::Find, true);
                self.menu_item(ui, Action::NextClaim, true);
                self.menu_item(ui, Action::PreviousClaim, true);
                ui.separator();
                self.menu_item(
                    ui,
                    Action::ArticleDetails,
                    self.view.shown_article.is_some(),
                );
                self.menu_item(ui, Action::WorkspaceDetails, true);
                self.menu_item(ui, Action::ShowProblems, true);
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                for (choice, label) in [
                    (ThemeChoice::System, "Follow the system"),
                    (ThemeChoice::Light, "Light"),
                    (ThemeChoice::Dark, "Dark"),
                ] {
                    if ui
                        .radio(self.services.settings.theme == choice, label)
                        .clicked()
                    {
                        self.services.settings.theme = choice;
                        self.save_settings();
                        ui.close();
                    }
                }
                ui.separator();
                ui.label(format!(
                    "Article text: {} pt",
                    self.services.settings.text_size
                ));
                self.menu_item(ui, Action::TextLarger, true);
                self.menu_item(ui, Action::TextSmaller, true);
                self.menu_item(ui, Action::TextReset, true);
                ui.separator();
                if ui.button("Claim inspector").clicked() {
                    self.view.right_tab = RightTab::Claim;
                    ui.close();
                }
                if ui.button("Source library").clicked() {
                    self.view.right_tab = RightTab::Sources;
                    ui.close();
                }
                ui.separator();
                if ui.button("Preferences…").clicked() {
                    self.modals.show_preferences = true;
                    ui.close();
                }
            });
            ui.menu_button("Help", |ui| {
                self.menu_item(ui, Action::ShowShortcuts, true);
                self.menu_item(ui, Action::About, true);
            });
        });
    }

    /// A menu entry for an action, with its shortcut from the table.
    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, action: Action, enabled: bool) {
        let button =
            egui::Button::new(action.label()).shortcut_text(action.shortcut_text(ui.ctx()));
        let response = ui
            .add_enabled(enabled, button)
            .on_hover_text(action.info().help);
        if response.clicked() {
            self.intents.push(Intent::Action(action));
            ui.close();
        }
    }

    pub(super) fn recent_menu(&mut self, ui: &mut egui::Ui) {
        ui.menu_button("Open recent", |ui| {
            if self.services.settings.recent.is_empty() {
                ui.weak("No recent workspaces");
            }
            for path in self.services.settings.recent.clone() {
                if ui.button(path.display().to_string()).clicked() {
                    self.request_open_path(path);
                    ui.close();
                }
            }
            if !self.services.settings.recent.is_empty() {
                ui.separator();
                if ui.button("Clear the list").clicked() {
                    self.services.settings.recent.clear();
                    self.save_settings();
                    ui.close();
                }
            }
        });
    }
}
