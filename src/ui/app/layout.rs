//! One frame of the window: the order things happen in (settings, input,
//! panels, windows, the modal on top, then the intents they all produced,
//! applied in `intents.rs`), and the panels laid out around the article,
//! each handing back intents.

use super::*;

/// The article's column keeps at least this width (points) while the
/// window is wide enough for it and the side panels' smallest widths.
const MIN_ARTICLE_WIDTH: f32 = 300.0;

impl FactbenchApp {
    /// Draws one frame and handles its input.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_settings(&ctx);
        self.poll_picker();
        self.take_open_failures();
        self.take_evidence_results(&ctx);
        self.handle_dropped_files(&ctx);
        // Files chosen or dropped open before drawing, so this frame shows them.
        self.apply_queued(&ctx);
        self.handle_close_request(&ctx);
        if !self.modals.takes_keyboard() {
            self.handle_shortcuts(&ctx);
        }
        self.refresh_problems();
        self.panels(ui);
        let windows = self.show_windows(&ctx);
        self.intents.extend(windows);
        let answer = self.show_modal(&ctx);
        self.intents.extend(answer);
        self.apply_queued(&ctx);
        let library = self.library_tick(&ctx);
        self.intents.extend(library);
        self.apply_queued(&ctx);
        self.check_disk_on_focus(&ctx);
        self.autosave_tick(&ctx);
        self.update_title(&ctx);
        self.window.popup_was_open = ctx.any_popup_open();
    }

    pub(super) fn apply_settings(&mut self, ctx: &egui::Context) {
        if self.window.applied_theme == Some(self.remembered.settings.theme) {
            return;
        }
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_theme(match self.remembered.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
        self.window.applied_theme = Some(self.remembered.settings.theme);
    }

    pub(super) fn refresh_problems(&mut self) {
        let generation = self.doc.problems().generation();
        if self.problems.generation == Some(generation) {
            return;
        }
        let ws = self.doc.workspace();
        let problems = self.doc.problems().problems(ws);
        self.problems.lines = problems
            .iter()
            .map(|p| ProblemLine {
                claim: p.claim(),
                message: problem_message(ws, p),
            })
            .collect();
        self.problems.generation = Some(generation);
    }

    pub(super) fn panels(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("menu-bar").show(ui, |ui| self.menu_bar(ui));
        let conflicts = self.doc.workspace().conflicts.len();
        if conflicts > 0 {
            let banner = egui::Panel::top("conflict-banner").show(ui, |ui| {
                crate::ui::dialogs::conflicts::conflict_banner(ui, conflicts)
            });
            self.intents.extend(banner.inner.map(Intent::Conflict));
        }
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            let intent = status_bar::show(
                ui,
                self.doc.workspace(),
                self.doc.path(),
                self.doc.is_dirty(),
                self.problems.lines.len(),
                self.files.last_export.as_deref(),
                self.window.announcement.as_deref(),
            );
            self.intents.extend(intent.map(Intent::Status));
        });
        // The article keeps a readable column: in a small window (800
        // wide) the side panels start narrower, and however they were
        // dragged they give way to it first.
        let window = ui.available_width();
        let room = (window - MIN_ARTICLE_WIDTH).max(480.0);
        let claims = egui::Panel::left("claims-panel")
            .default_size((window * 0.24).clamp(220.0, 330.0))
            .size_range(220.0..=(room * 0.45).clamp(220.0, 600.0))
            .show(ui, |ui| self.left_panel(ui));
        let inspector = egui::Panel::right("inspector-panel")
            .default_size((window * 0.3).clamp(260.0, 400.0))
            .size_range(260.0..=(room * 0.55).clamp(260.0, 720.0))
            .show(ui, |ui| self.right_panel(ui));
        let article = egui::CentralPanel::default().show(ui, |ui| self.central_panel(ui));
        self.panes = keyboard::PaneRects {
            claims: Some(claims.response.rect),
            inspector: Some(inspector.response.rect),
            article: Some(article.response.rect),
        };
    }

    pub(super) fn left_panel(&mut self, ui: &mut egui::Ui) {
        let numbers = self.panels.numbers.all(&self.doc);
        let cx = ListContext {
            numbers,
            workspace: self.doc.workspace(),
            revision: self.doc.revision(),
            shown_article: self.view.shown_article,
            selected_claim: self.view.selected_claim,
            problem_claims: self.doc.problems().claims_with_problems(),
        };
        for intent in self.panels.list.show(ui, &cx) {
            self.intents.push_back(match intent {
                ListIntent::ShowArticle(id) => Intent::ShowArticle(id),
                ListIntent::SelectClaim(claim) => Intent::SelectClaim {
                    claim,
                    reveal: true,
                },
                ListIntent::ImportArticle => Intent::Action(Action::ImportArticle),
            });
        }
    }

    pub(super) fn right_panel(&mut self, ui: &mut egui::Ui) {
        let ui = &mut crate::ui::widgets::steady_width_child(ui);
        ui.horizontal(|ui| {
            for (tab, short) in [
                (RightTab::Claim, "Claim"),
                (RightTab::Sources, "Source library"),
            ] {
                let action = Action::ShowTab(tab);
                let tab_button = ui.selectable_label(self.view.right_tab == tab, short);
                if tab_button.on_hover_text(action.tooltip(ui.ctx())).clicked() {
                    self.intents.push_back(Intent::Action(action));
                }
            }
        });
        ui.separator();
        let ws = self.doc.workspace();
        match self.view.right_tab {
            RightTab::Sources => {
                let cx = SnapshotsContext {
                    ws,
                    selected_claim: self.view.selected_claim,
                    busy: self.evidence.is_busy(),
                };
                for intent in self.panels.sources.show(ui, &cx) {
                    self.intents.push_back(match intent {
                        LibraryIntent::Command(c) => Intent::Command(c),
                        LibraryIntent::SelectClaim(claim) => Intent::SelectClaim {
                            claim,
                            reveal: true,
                        },
                        LibraryIntent::Snapshot(s) => Intent::Snapshot(s),
                    });
                }
            }
            RightTab::Claim => match self.view.selected_claim.and_then(|id| ws.claim(id)) {
                Some(claim) => {
                    let problems: Vec<String> = self
                        .doc
                        .problems()
                        .for_claim(claim.id)
                        .iter()
                        .map(|p| problem_message(ws, p))
                        .collect();
                    let cx = self.action_context();
                    let number = self.panels.numbers.of(&self.doc, claim.id);
                    self.panels
                        .inspector
                        .set_context(&self.remembered.settings.your_name, number);
                    for intent in self.panels.inspector.show(ui, ws, claim, &problems, &cx) {
                        self.intents.push_back(match intent {
                            InspectorIntent::Command(c) => Intent::Command(c),
                            InspectorIntent::ShowSource(id) => Intent::ShowSource(id),
                            InspectorIntent::Action(action) => Intent::Action(action),
                            InspectorIntent::Reveal(claim) => Intent::SelectClaim {
                                claim,
                                reveal: true,
                            },
                            InspectorIntent::CheckedBefore(i) => Intent::CheckedBefore(i),
                        });
                    }
                }
                None => no_claim_selected(ui, ws),
            },
        }
    }

    pub(super) fn central_panel(&mut self, ui: &mut egui::Ui) {
        let ws = self.doc.workspace();
        let Some(article) = self.view.shown_article.and_then(|id| ws.article(id)) else {
            ui.centered_and_justified(|ui| {
                ui.label("No article yet. Use File › Import article… (Ctrl+I) or drop a .txt, .md, .html, .vtt or .srt file on the window.");
            });
            return;
        };
        let mark_label = format!(
            "{} ({})",
            Action::MarkClaim.label(),
            Action::MarkClaim.shortcut_text(ui.ctx())
        );
        let numbers = self.panels.numbers.all(&self.doc);
        let cx = ReaderContext {
            numbers,
            workspace: ws,
            revision: self.doc.revision(),
            text_revision: self.doc.text_revision(),
            selected_claim: self.view.selected_claim,
            problem_claims: self.doc.problems().claims_with_problems(),
            text_size: self.remembered.settings.text_size,
            mark_label: &mark_label,
        };
        for intent in self.panels.reader.show(ui, article, &cx) {
            self.intents.push_back(match intent {
                ReaderIntent::SelectClaim(claim) => Intent::SelectClaim {
                    claim,
                    reveal: false,
                },
                ReaderIntent::MarkClaim => Intent::Action(Action::MarkClaim),
                ReaderIntent::Copy(text) => Intent::Copy(text),
                ReaderIntent::EditDetails => Intent::Action(Action::ArticleDetails),
                ReaderIntent::EditText { start, end, text } => {
                    Intent::Command(Command::EditArticleText {
                        article: article.id,
                        start,
                        end,
                        text,
                    })
                }
                ReaderIntent::StopEditing => Intent::Action(Action::EditArticleText),
                ReaderIntent::SetSpan { claim, start, end } => {
                    Intent::Command(Command::EditClaim {
                        claim,
                        change: crate::edit::ClaimChange::SetSpan { start, end },
                    })
                }
            });
        }
    }

    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let dirty = self.doc.is_dirty();
        let marker = if dirty { "• " } else { "" };
        let name = self.document_name();
        let title = format!("{marker}{name} — Factbench");
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        // The window as screen readers name it (its "frame"): the title
        // in words, not with the bullet.
        let unsaved = if dirty { ", unsaved changes" } else { "" };
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(format!("{name} — Factbench{unsaved}"));
        });
    }

    pub(super) fn document_name(&self) -> String {
        let title = self.workspace().title.trim();
        if !title.is_empty() {
            return title.to_owned();
        }
        self.doc.path().and_then(|p| p.file_name()).map_or_else(
            || "Untitled".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

fn no_claim_selected(ui: &mut egui::Ui, ws: &Workspace) {
    // A right-to-left title laid out as the reader lays out its title.
    let colour = ui.visuals().text_color();
    crate::ui::panels::reader::heading(ui, &ws.title, colour);
    if !ws.description.is_empty() {
        ui.label(&ws.description);
    }
    let summary = ws.summary();
    use crate::text::counted;
    ui.label(format!(
        "{}, {}, {} rated, {}.",
        counted(summary.articles, "article", "articles"),
        counted(summary.claims, "claim", "claims"),
        summary.rated,
        counted(summary.sources, "source", "sources")
    ));
    ui.add_space(8.0);
    ui.label("No claim selected. Click a highlight in the article or a row of the claims list; or select text and press Ctrl+M to mark a new claim.");
}

/// A problem in words, naming its claim by statement rather than by id.
fn problem_message(ws: &Workspace, problem: &crate::model::Problem) -> String {
    let message = problem.to_string();
    let Some(claim) = problem.claim().and_then(|id| ws.claim(id)) else {
        return message;
    };
    let mut statement: String = claim.statement.chars().take(60).collect();
    if claim.statement.chars().count() > 60 {
        statement.push('…');
    }
    message.replacen(
        &format!("claim {}", claim.id),
        &format!("the claim “{statement}”"),
        1,
    )
}
