//! The menu bar: File, Edit, View and Help, every entry an [`Action`] from
//! the one table (label, shortcut, help, whether it can be done now, and
//! whether a choice is checked).

use super::{FactbenchApp, Intent, RightTab};
use crate::export::Format;
use crate::ui::actions::{Action, ActionContext, SpanMove};
use crate::ui::services::files::ThemeChoice;

impl FactbenchApp {
    /// What the window shows now, for greying out menu entries.
    pub(super) fn action_context(&self) -> ActionContext {
        let ws = self.doc.workspace();
        let selected = self.view.selected_claim.and_then(|id| ws.claim(id));
        ActionContext {
            can_undo: self.doc.can_undo(),
            can_redo: self.doc.can_redo(),
            selected_claim_rated: selected.map(|c| c.verdict.is_some()),
            selected_claim_shown: selected
                .is_some_and(|c| Some(c.article) == self.view.shown_article),
            selected_claim_orphaned: selected.is_some_and(|c| c.is_orphaned()),
            selected_claim_published: selected
                .is_some_and(crate::model::PublicField::needs_correction),
            has_claims: !ws.claims.is_empty(),
            has_shown_article: self
                .view
                .shown_article
                .and_then(|id| ws.article(id))
                .is_some(),
            shown_article_has_versions: self
                .view
                .shown_article
                .and_then(|id| ws.article(id))
                .is_some_and(|a| !a.versions.is_empty()),
            has_text_selection: self.panels.reader.selection().is_some(),
            dirty: self.doc.is_dirty(),
            has_path: self.doc.path().is_some(),
            editing_text: self.panels.reader.is_editing(),
            recent_count: self.services.settings.recent.len(),
            theme: self.services.settings.theme,
            open_report_after_export: self.services.settings.open_report_after_export,
            right_tab: self.view.right_tab,
        }
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let cx = self.action_context();
        egui::containers::menu::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                self.menu_items(ui, &cx, &[Action::New, Action::Open]);
                self.recent_menu(ui, &cx);
                ui.separator();
                self.menu_items(ui, &cx, &[Action::Save, Action::SaveAs]);
                ui.separator();
                self.menu_items(
                    ui,
                    &cx,
                    &[
                        Action::ImportArticle,
                        Action::NewArticleFromClipboard,
                        Action::CompareWith,
                    ],
                );
                ui.menu_button("Export", |ui| {
                    for format in Format::ALL {
                        self.menu_item(ui, &cx, Action::Export(format));
                    }
                    ui.separator();
                    self.menu_item(ui, &cx, Action::ToggleOpenReportAfterExport);
                });
                ui.separator();
                self.menu_item(ui, &cx, Action::Quit);
            });
            ui.menu_button("Edit", |ui| {
                self.menu_items(ui, &cx, &[Action::Undo, Action::Redo]);
                ui.separator();
                self.menu_items(
                    ui,
                    &cx,
                    &[
                        Action::MarkClaim,
                        Action::DeleteClaim,
                        Action::PublishClaim,
                        Action::ReattachClaim,
                        Action::ClearVerdict,
                        Action::PickVerdict,
                    ],
                );
                ui.menu_button("Adjust quote", |ui| {
                    self.menu_item(ui, &cx, Action::ReanchorToSelection);
                    ui.separator();
                    for step in SpanMove::ALL {
                        self.menu_item(ui, &cx, Action::AdjustSpan(step));
                    }
                });
                ui.separator();
                self.menu_items(
                    ui,
                    &cx,
                    &[
                        Action::CopySelection,
                        Action::FindInArticle,
                        Action::FindNext,
                        Action::FindPrevious,
                        Action::Find,
                        Action::NextClaim,
                        Action::PreviousClaim,
                    ],
                );
                ui.separator();
                self.menu_items(
                    ui,
                    &cx,
                    &[
                        Action::WorkspaceDetails,
                        Action::EditScale,
                        Action::ShowProblems,
                        Action::ShowConflicts,
                    ],
                );
            });
            ui.menu_button("Article", |ui| {
                self.menu_item(ui, &cx, Action::EditArticleText);
                ui.separator();
                self.menu_items(
                    ui,
                    &cx,
                    &[
                        Action::UpdateArticle,
                        Action::UpdateArticleFromClipboard,
                        Action::CompareVersions,
                        Action::ShowOrphans,
                    ],
                );
                ui.separator();
                self.menu_item(ui, &cx, Action::ArticleDetails);
            });
            ui.menu_button("View", |ui| {
                ui.label("Theme");
                for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
                    self.menu_item(ui, &cx, Action::Theme(theme));
                }
                ui.separator();
                ui.label(format!(
                    "Article text: {} pt",
                    self.services.settings.text_size
                ));
                self.menu_items(
                    ui,
                    &cx,
                    &[Action::TextLarger, Action::TextSmaller, Action::TextReset],
                );
                ui.separator();
                for tab in [RightTab::Claim, RightTab::Sources] {
                    self.menu_item(ui, &cx, Action::ShowTab(tab));
                }
                self.menu_items(ui, &cx, &[Action::NextPane, Action::PreviousPane]);
                ui.separator();
                self.menu_item(ui, &cx, Action::Preferences);
            });
            ui.menu_button("Help", |ui| {
                self.menu_items(ui, &cx, &[Action::ShowShortcuts, Action::About]);
            });
        });
    }

    fn menu_items(&mut self, ui: &mut egui::Ui, cx: &ActionContext, actions: &[Action]) {
        for action in actions {
            self.menu_item(ui, cx, *action);
        }
    }

    /// A menu entry for an action: its label, shortcut and help from the
    /// table, greyed out when it cannot be done, a check box or radio
    /// button for a choice.
    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, cx: &ActionContext, action: Action) {
        let label = match action {
            Action::OpenRecent(n) => self
                .services
                .settings
                .recent
                .get(n)
                .map_or_else(|| action.label().into_owned(), |p| p.display().to_string()),
            _ => action.label().into_owned(),
        };
        self.menu_entry(ui, cx, action, label);
    }

    fn menu_entry(&mut self, ui: &mut egui::Ui, cx: &ActionContext, action: Action, label: String) {
        let enabled = action.enabled(cx);
        let shortcut = action.shortcut_text(ui.ctx());
        let response = match (action, action.checked(cx)) {
            (Action::ToggleOpenReportAfterExport, Some(mut on)) => {
                ui.add_enabled(enabled, egui::Checkbox::new(&mut on, label.as_str()))
            }
            (_, Some(on)) => ui.add_enabled(enabled, egui::RadioButton::new(on, label.as_str())),
            (_, None) => ui.add_enabled(
                enabled,
                egui::Button::new(label.as_str()).shortcut_text(shortcut.as_str()),
            ),
        };
        // Screen readers (and tests) get the label alone, the keys apart.
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(label);
            if !shortcut.is_empty() {
                node.set_keyboard_shortcut(shortcut);
            }
        });
        let response = response.on_hover_text(action.help());
        if response.clicked() {
            self.intents.push_back(Intent::Action(action));
            ui.close();
        }
    }

    fn recent_menu(&mut self, ui: &mut egui::Ui, cx: &ActionContext) {
        ui.menu_button("Open recent", |ui| {
            if cx.recent_count == 0 {
                ui.weak("No recent workspaces");
                return;
            }
            for n in 0..cx.recent_count.min(crate::ui::services::files::MAX_RECENT) {
                self.menu_item(ui, cx, Action::OpenRecent(n));
            }
            ui.separator();
            self.menu_item(ui, cx, Action::ClearRecent);
        });
    }
}
