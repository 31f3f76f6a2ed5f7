//! Keyboard and window input that is not a panel's: shortcuts from the
//! action table, verdict digits (also right after marking), files dropped
//! on the window, and the request to close it.

use super::*;

impl FactbenchApp {
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        self.verdict_key_after_marking(ctx);
        let typing = ctx.text_edit_focused();
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
            self.intents.push(Intent::VerdictNumber(n));
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
            self.intents.push(Intent::VerdictNumber(n));
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

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let (articles, others): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|p| files::is_article_file(p));
        if !articles.is_empty() {
            self.modals.import_dialog = Some(import_dialog::ImportDialog::open(articles));
        }
        for path in others {
            self.request_open_path(path);
        }
    }

    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        if self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modals.prompt = Some(Prompt::Unsaved(Pending::Quit));
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
