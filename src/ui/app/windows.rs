//! The windows that float beside the work without holding it: problems,
//! merge conflicts, Compare with…, article and workspace details, orphans,
//! keyboard shortcuts, about, preferences and the earlier check. Any number
//! may be open; each is drawn every frame and hands back what the user
//! asked for as [`Intent`]s, applied after drawing with the panels' own.

use super::*;
use crate::ui::dialogs::compare_with::CompareWithDialog;
use crate::ui::dialogs::embedding_model::{ModelChange, embedding_model_section};
use crate::ui::dialogs::library_folders::{FoldersChange, library_folders_section};
use crate::ui::dialogs::orphans::OrphansView;
use std::collections::BTreeSet;

/// A window that is open or closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Window {
    Problems,
    Conflicts,
    Shortcuts,
    About,
    ArticleDetails,
    WorkspaceDetails,
    Preferences,
    Orphans,
}

/// Which windows are open, and the state of those that keep one.
#[derive(Default)]
pub(super) struct Windows {
    open: BTreeSet<Window>,
    /// File › Compare with…: the differences from a file to the workspace.
    pub(super) compare_with: Option<CompareWithDialog>,
    /// Article › Orphans…: the passages nearest to the orphans' old quotes.
    orphans: OrphansView,
}

impl Windows {
    pub(super) fn open(&mut self, window: Window) {
        self.open.insert(window);
    }

    pub(super) fn is_open(&self, window: Window) -> bool {
        self.open.contains(&window)
    }

    /// Runs `show` with the window's open flag, which the window's close
    /// button (or Escape) clears.
    fn with_flag<T>(&mut self, window: Window, show: impl FnOnce(&mut bool) -> T) -> T {
        let mut open = self.is_open(window);
        let answer = show(&mut open);
        if open {
            self.open.insert(window);
        } else {
            self.open.remove(&window);
        }
        answer
    }
}

impl FactbenchApp {
    /// Draws the open windows; returns what they asked for.
    pub(super) fn show_windows(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let mut intents = Vec::new();
        intents.extend(self.problems_window(ctx));
        intents.extend(self.conflicts_window(ctx));
        if let Some(dialog) = &self.windows.compare_with
            && !dialog.show(ctx)
        {
            self.windows.compare_with = None;
        }
        intents.extend(self.details_windows(ctx));
        intents.extend(self.orphans_window(ctx));
        let windows = &mut self.windows;
        windows.with_flag(Window::Shortcuts, |open| {
            dialogs::shortcuts_window(ctx, open)
        });
        windows.with_flag(Window::About, |open| dialogs::about_window(ctx, open));
        intents.extend(self.preferences_window(ctx));
        self.earlier_check_window(ctx);
        intents
    }

    fn problems_window(&mut self, ctx: &egui::Context) -> Option<Intent> {
        if !self.windows.is_open(Window::Problems) {
            return None;
        }
        let library_lines = self.library_conflict_lines();
        if self.problems.unready_revision != Some(self.doc.revision()) {
            let numbers = self.panels.numbers.all(&self.doc);
            self.problems.unready = dialogs::unready_lines(self.doc.workspace(), numbers);
            self.problems.unready_revision = Some(self.doc.revision());
        }
        let problems = &self.problems;
        let claim = self.windows.with_flag(Window::Problems, |open| {
            let (lines, unready) = (&problems.lines, &problems.unready);
            dialogs::problems_window(ctx, open, lines, &library_lines, unready)
        })?;
        Some(Intent::SelectClaim {
            claim,
            reveal: true,
        })
    }

    fn conflicts_window(&mut self, ctx: &egui::Context) -> Option<Intent> {
        let ws = self.doc.workspace();
        self.windows
            .with_flag(Window::Conflicts, |open| {
                crate::ui::dialogs::conflicts::conflicts_window(ctx, open, ws)
            })
            .map(Intent::Conflict)
    }

    fn details_windows(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let ws = self.doc.workspace();
        let article = self.view.shown_article.and_then(|id| ws.article(id));
        let mut commands = Vec::new();
        if let Some(article) = article {
            commands.extend(self.windows.with_flag(Window::ArticleDetails, |open| {
                details::article_window(ctx, open, article)
            }));
        }
        commands.extend(self.windows.with_flag(Window::WorkspaceDetails, |open| {
            details::workspace_window(ctx, open, ws)
        }));
        commands.into_iter().map(Intent::Command).collect()
    }

    /// The orphans window; a passage clicked there is selected in the
    /// reader with its claim.
    fn orphans_window(&mut self, ctx: &egui::Context) -> Option<Intent> {
        let article = self.view.shown_article?;
        let (ws, revision) = (self.doc.workspace(), self.doc.text_revision());
        let Windows { open, orphans, .. } = &mut self.windows;
        let mut shown = open.contains(&Window::Orphans);
        let picked = orphans.show(ctx, &mut shown, ws, article, revision);
        if !shown {
            open.remove(&Window::Orphans);
        }
        match picked? {
            dialogs::orphans::OrphansAnswer::Picked(picked) => Some(Intent::RevealPassage {
                claim: picked.claim,
                start: picked.start,
                end: picked.end,
            }),
            dialogs::orphans::OrphansAnswer::RemovedByOutlet(claim, removed) => {
                Some(Intent::Command(Command::EditClaim {
                    claim,
                    change: crate::edit::ClaimChange::SetRemovedByOutlet(removed),
                }))
            }
        }
    }

    /// Preferences: your name, autosave, the claim library's folders and
    /// its optional embedding model.
    fn preferences_window(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        if !self.windows.is_open(Window::Preferences) {
            return Vec::new(); // Nothing copied for a closed window, frame after frame.
        }
        let settings = &self.remembered.settings;
        let mut your_name = settings.your_name.clone();
        let mut autosave_secs = settings.autosave_secs;
        let mut folders = settings.library_folders.clone();
        let (overridden, default_folder) = (self.safety.autosave_override, self.workspace_folder());
        let mut folders_change = None;
        let mut model_change = None;
        let model_status = self.embedding_model_status();
        let changed = self.windows.with_flag(Window::Preferences, |open| {
            dialogs::preferences_window(
                ctx,
                open,
                &mut your_name,
                &mut autosave_secs,
                overridden,
                |ui| {
                    folders_change =
                        library_folders_section(ui, &mut folders, default_folder.as_deref());
                    ui.separator();
                    model_change = embedding_model_section(ui, &model_status);
                },
            )
        });
        let mut intents = Vec::new();
        if changed {
            intents.push(Intent::SetPreferences {
                your_name,
                autosave_secs,
            });
        }
        match folders_change {
            Some(FoldersChange::Changed) => intents.push(Intent::SetLibraryFolders(folders)),
            Some(FoldersChange::Choose) => {
                let request = PathRequest::library_folder(self.dialog_folder());
                intents.push(Intent::RequestPath(request));
            }
            None => {}
        }
        match model_change {
            Some(ModelChange::Choose) => {
                let request = PathRequest::embedding_model(self.dialog_folder());
                intents.push(Intent::RequestPath(request));
            }
            Some(ModelChange::Use(folder)) => {
                let folder = std::path::absolute(&folder).unwrap_or(folder);
                intents.push(Intent::SetEmbeddingModel(Some(folder)));
            }
            Some(ModelChange::Clear) => intents.push(Intent::SetEmbeddingModel(None)),
            None => {}
        }
        intents
    }
}
