//! The menu bar: File, Edit, View and Help, every entry an [`Action`] from
//! the one table (label, shortcut, help, whether it can be done now, and
//! whether a choice is checked).

use super::{FactbenchApp, Intent};
use crate::ui::actions::menus::{Entry, MENUS};
use crate::ui::actions::{Action, ActionContext};

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
            shown_article_is_transcript: self
                .view
                .shown_article
                .and_then(|id| ws.article(id))
                .is_some_and(|a| a.transcript.is_some()),
            shown_article_has_pages: self
                .view
                .shown_article
                .and_then(|id| ws.article(id))
                .is_some_and(|a| !a.pages.is_empty()),
            has_text_selection: self.panels.reader.selection().is_some(),
            dirty: self.doc.is_dirty(),
            has_path: self.doc.path().is_some(),
            editing_text: self.panels.reader.is_editing(),
            recent_count: self.remembered.settings.recent.len(),
            theme: self.remembered.settings.theme,
            open_report_after_export: self.remembered.settings.open_report_after_export,
            right_tab: self.view.right_tab,
        }
    }

    /// The menu bar, drawn from the one table of menus.
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let cx = self.action_context();
        egui::containers::menu::MenuBar::new().ui(ui, |ui| {
            for (title, entries) in MENUS {
                ui.menu_button(*title, |ui| self.menu_entries(ui, &cx, entries));
            }
        });
    }

    fn menu_entries(&mut self, ui: &mut egui::Ui, cx: &ActionContext, entries: &[Entry]) {
        for entry in entries {
            match entry {
                Entry::Action(action) => self.menu_item(ui, cx, *action),
                Entry::Separator => {
                    ui.separator();
                }
                Entry::Heading(text) => {
                    ui.label(*text);
                }
                Entry::Submenu(title, inner) => {
                    ui.menu_button(*title, |ui| self.menu_entries(ui, cx, inner));
                }
                Entry::Recent => self.recent_menu(ui, cx),
                Entry::TextSize => {
                    let size = self.remembered.settings.text_size;
                    ui.label(format!("Article text: {size} pt"));
                }
            }
        }
    }

    /// A menu entry for an action: its label, shortcut and help from the
    /// table, greyed out when it cannot be done, a check box or radio
    /// button for a choice.
    pub(super) fn menu_item(&mut self, ui: &mut egui::Ui, cx: &ActionContext, action: Action) {
        let label = match action {
            Action::OpenRecent(n) => self
                .remembered
                .settings
                .recent
                .get(n)
                .map_or_else(|| action.label().into_owned(), |p| p.display().to_string()),
            Action::Undo => match self.doc.undo_what() {
                Some(what) => format!("Undo {what}"),
                None => action.label().into_owned(),
            },
            Action::Redo => match self.doc.redo_what() {
                Some(what) => format!("Redo {what}"),
                None => action.label().into_owned(),
            },
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
            // A choice with keys (Edit article text, the right panel's
            // tabs) shows them like any other entry.
            (_, Some(on)) if !shortcut.is_empty() => ui.add_enabled(
                enabled,
                egui::Button::selectable(on, label.as_str()).shortcut_text(shortcut.as_str()),
            ),
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
            for n in 0..cx
                .recent_count
                .min(crate::ui::services::settings::MAX_RECENT)
            {
                self.menu_item(ui, cx, Action::OpenRecent(n));
            }
            ui.separator();
            self.menu_item(ui, cx, Action::ClearRecent);
        });
    }
}
