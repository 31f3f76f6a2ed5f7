//! Keyboard and window input that is not a panel's: shortcuts from the
//! action table, verdict digits (also right after marking, and Alt+digit
//! while typing), moving the keyboard between the panes (F6, Shift+F6,
//! Escape back to the article), the find bar's actions, files dropped on
//! the window, and the request to close it.

use super::*;

/// The panes F6 moves the keyboard between, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Claims,
    Article,
    Inspector,
}

const PANE_ORDER: [Pane; 3] = [Pane::Claims, Pane::Article, Pane::Inspector];

/// Where each pane was drawn last frame.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct PaneRects {
    pub(super) claims: Option<egui::Rect>,
    pub(super) inspector: Option<egui::Rect>,
    pub(super) article: Option<egui::Rect>,
}

impl FactbenchApp {
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        self.verdict_key_after_marking(ctx);
        self.escape_to_article(ctx);
        let typing = ctx.text_edit_focused() || self.panels.reader.is_typing();
        let pressed = ctx.input_mut(|i| actions::pressed(i, typing));
        self.intents.extend(pressed.into_iter().map(Intent::Action));
        let verdict = ctx.input_mut(|i| {
            actions::verdict_key_pressed(i, egui::Modifiers::ALT).or_else(|| {
                (!typing)
                    .then(|| actions::verdict_key_pressed(i, egui::Modifiers::NONE))
                    .flatten()
            })
        });
        if let Some(n) = verdict {
            self.intents.push_back(Intent::VerdictNumber(n));
            // Alt+4 in a field gives the verdict; its "4" is not typed.
            self.keys.swallow = Some(((n + 1).to_string(), 3));
            self.swallow_digit_text(ctx);
        }
    }

    /// Escape in a field or the claims list gives the article the keyboard
    /// back (the field lets go of it itself).
    fn escape_to_article(&mut self, ctx: &egui::Context) {
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        // egui has already taken the keyboard from a field on Escape: ask
        // whether the article had it last frame.
        let elsewhere = !self.panels.reader.has_focus();
        // Popups are only known once drawn: one open last frame is what
        // this Escape closes.
        let on_top = ctx.memory(|m| m.top_modal_layer().is_some())
            || ctx.any_popup_open()
            || self.window.popup_was_open;
        if escape && elsewhere && !on_top && self.view.shown_article.is_some() {
            self.panels.reader.focus();
        }
    }

    /// The pane holding the keyboard (as F6 sees it), from where its
    /// focused widget is.
    pub fn focused_pane(&self, ctx: &egui::Context) -> Option<Pane> {
        if self.panels.reader.has_focus() {
            return Some(Pane::Article);
        }
        let focused = ctx.memory(|m| m.focused())?;
        let at = ctx.read_response(focused)?.rect.center();
        let rects = self.panes;
        [
            (Pane::Claims, rects.claims),
            (Pane::Inspector, rects.inspector),
            (Pane::Article, rects.article),
        ]
        .into_iter()
        .find(|(_, rect)| rect.is_some_and(|r| r.contains(at)))
        .map(|(pane, _)| pane)
    }

    /// F6 / Shift+F6: the keyboard to the next (or previous) pane that can
    /// take it; from nowhere, to the article.
    pub(super) fn cycle_pane(&mut self, ctx: &egui::Context, forward: bool) {
        let mut at = match self.focused_pane(ctx) {
            Some(pane) => PANE_ORDER.iter().position(|p| *p == pane).unwrap_or(1),
            None => {
                self.focus_pane(Pane::Article);
                return;
            }
        };
        for _ in 0..PANE_ORDER.len() {
            at = if forward { (at + 1) % 3 } else { (at + 2) % 3 };
            if self.focus_pane(PANE_ORDER[at]) {
                return;
            }
        }
    }

    /// Gives `pane` the keyboard on the next frame; false when it has
    /// nothing to take it (no article shown, no claim to inspect).
    pub(super) fn focus_pane(&mut self, pane: Pane) -> bool {
        match pane {
            Pane::Article => {
                self.panels.reader.focus();
                self.view.shown_article.is_some()
            }
            Pane::Claims => {
                self.panels.list.focus_rows();
                self.panels.list.scroll_to_selected();
                true
            }
            Pane::Inspector => {
                if self.view.selected_claim.is_none() {
                    return false;
                }
                self.view.right_tab = RightTab::Claim;
                self.panels.inspector.focus_statement();
                true
            }
        }
    }

    /// Ctrl+F: the find bar over the shown article.
    pub(super) fn find_in_article(&mut self) {
        let ws = self.doc.workspace();
        if let Some(article) = self.view.shown_article.and_then(|id| ws.article(id)) {
            self.panels.reader.open_find(article);
        }
    }

    /// F3 / Shift+F3: the next or previous match in the shown article.
    pub(super) fn find_step(&mut self, forward: bool) {
        let ws = self.doc.workspace();
        let revision = self.doc.text_revision();
        if let Some(article) = self.view.shown_article.and_then(|id| ws.article(id)) {
            self.panels.reader.find_step(article, revision, forward);
        }
    }

    /// Right after marking, the statement has the keyboard, yet the very
    /// next key may be a verdict digit (select, Ctrl+M, 4). Such a digit
    /// gives the verdict instead of typing; any other input ends this.
    pub(super) fn verdict_key_after_marking(&mut self, ctx: &egui::Context) {
        self.swallow_digit_text(ctx);
        if !self.keys.armed {
            return;
        }
        let digit = ctx.input_mut(|i| {
            let n = first_input(&i.events)?.ok()?;
            let key = actions::VERDICT_KEYS[n];
            let text = (n + 1).to_string();
            i.events.retain(|e| match e {
                egui::Event::Key { key: k, .. } => *k != key,
                egui::Event::Text(t) => *t != text,
                _ => true,
            });
            Some(n)
        });
        if let Some(n) = digit {
            self.intents.push_back(Intent::VerdictNumber(n));
            // The digit's text may arrive a frame after its key.
            self.keys.swallow = Some(((n + 1).to_string(), 3));
        }
        if digit.is_some() || ctx.input(|i| first_input(&i.events).is_some()) {
            self.keys.armed = false;
        }
    }

    /// Drops the text of a digit taken as a verdict, if it comes late.
    pub(super) fn swallow_digit_text(&mut self, ctx: &egui::Context) {
        let Some((text, frames)) = self.keys.swallow.take() else {
            return;
        };
        let found = ctx.input_mut(|i| {
            let at = i
                .events
                .iter()
                .position(|e| matches!(e, egui::Event::Text(t) if *t == text));
            at.map(|at| i.events.remove(at)).is_some()
        });
        if !found && frames > 1 {
            self.keys.swallow = Some((text, frames - 1));
        }
    }

    /// Files dropped on the window this frame, as an intent.
    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let paths: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !paths.is_empty() {
            let on_article = self.dropped_on_article(ctx);
            self.intents
                .push_back(Intent::Dropped { paths, on_article });
        }
    }

    /// Opens what was dropped: one article file on the article's text is a
    /// newer version of it; other articles are imported; workspaces open.
    pub(super) fn open_dropped(&mut self, paths: Vec<PathBuf>, on_article: Option<ArticleId>) {
        let (articles, others): (Vec<PathBuf>, Vec<PathBuf>) =
            paths.into_iter().partition(|p| files::is_article_file(p));
        if let ([file], Some(article)) = (articles.as_slice(), on_article) {
            self.prepare_update(article, file);
        } else if !articles.is_empty() {
            let dialog = import_dialog::ImportDialog::open(articles);
            self.modals.push(super::modal::Modal::Import(dialog));
        }
        for path in others {
            self.request_open_path(path);
        }
    }

    /// The shown article, when the pointer is over its text (where a file
    /// dropped is taken for a newer version of it).
    fn dropped_on_article(&self, ctx: &egui::Context) -> Option<crate::model::ArticleId> {
        let pos = ctx.input(|i| i.pointer.latest_pos())?;
        let over = self.panes.article.is_some_and(|rect| rect.contains(pos));
        self.view.shown_article.filter(|_| over)
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modals
                .ask(super::modal::Prompt::Unsaved(super::modal::Pending::Quit));
        } else {
            self.allow_close = true;
        }
    }
}

/// The first input that ends "just marked": `Ok(n)` for the n-th verdict
/// digit pressed alone, `Err(())` for any other key, text or click.
fn first_input(events: &[egui::Event]) -> Option<Result<usize, ()>> {
    events.iter().find_map(|event| match event {
        egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => Some(
            actions::VERDICT_KEYS
                .iter()
                .position(|k| k == key)
                .filter(|_| modifiers.is_none())
                .ok_or(()),
        ),
        egui::Event::Text(text) => Some(verdict_digit(text).ok_or(())),
        egui::Event::Paste(_) | egui::Event::PointerButton { pressed: true, .. } => Some(Err(())),
        _ => None,
    })
}

/// `Some(n)` when `text` is the single digit of the n-th verdict key (1–9).
fn verdict_digit(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let digit = chars.next()?.to_digit(10)?;
    (chars.next().is_none() && (1..=9).contains(&digit)).then(|| digit as usize - 1)
}
