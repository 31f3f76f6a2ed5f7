//! The reader's edit mode, for correcting the article's text in place (a
//! paste or OCR error). Article › *Edit article text* (Ctrl+Shift+E) turns
//! it on; Escape in the text or the same action turns it off. While it is
//! on, the text is framed in the selection colour with a line above it
//! saying so, and typing, pasting, cutting, Backspace, Delete and Enter
//! edit the text at the caret (and what an input method commits). Each edit goes out as
//! [`ReaderIntent::EditText`]; the window makes it a command, so the claims
//! follow each edit and typing is undone a word (or a pause) at a time.
//! Caret motions and selection work as when reading.

use super::layout::ArticleView;
use super::{Reader, ReaderIntent, Selection};
use crate::text::{
    next_cluster_boundary, prev_cluster_boundary, word_end_after, word_start_before,
};
use egui::{Event, Key, Modifiers, Stroke, StrokeKind, Ui};

/// What the line above the text says while editing.
pub const EDITING_HINT: &str = "Editing the article text: claims follow every change. \
                                Esc or Ctrl+Shift+E to finish.";

impl Reader {
    /// Turns edit mode on or off; on, the text takes the keyboard.
    pub fn set_editing(&mut self, on: bool) {
        self.editing = on;
        if on {
            self.request_focus = true;
        }
    }

    pub fn is_editing(&self) -> bool {
        self.editing
    }

    /// Whether keys pressed now are typed into the article (edit mode on
    /// and the text has the keyboard): shortcuts of single keys stay off.
    pub fn is_typing(&self) -> bool {
        self.editing && self.focused
    }

    /// The text was edited: the caret goes to `caret` once the text is
    /// shown again.
    pub fn text_edited(&mut self, caret: usize) {
        self.edit_caret = Some(caret);
        self.set_caret(caret);
    }

    fn set_caret(&mut self, caret: usize) {
        self.selection = Some(Selection {
            anchor: caret,
            cursor: caret,
        });
    }

    /// After the text changed and its view was rebuilt: the caret where
    /// the last edit left it.
    pub(super) fn restore_edit_caret(&mut self) {
        if let Some(caret) = self.edit_caret.take() {
            self.set_caret(caret);
        }
    }

    /// The line above the text while editing.
    pub(super) fn editing_bar(&self, ui: &mut Ui) {
        let colour = ui.visuals().selection.stroke.color;
        ui.label(egui::RichText::new(EDITING_HINT).strong().color(colour));
    }

    /// The frame around the text while editing.
    pub(super) fn paint_edit_frame(&self, ui: &Ui, rect: egui::Rect) {
        let stroke = Stroke::new(2.0, ui.visuals().selection.bg_fill);
        ui.painter()
            .rect_stroke(rect.shrink(1.0), 4.0, stroke, StrokeKind::Inside);
    }

    /// Typing, pasting, cutting and deleting while editing; consumes the
    /// keys it uses, so caret motion and shortcuts do not see them.
    pub(super) fn handle_edit_input(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        text: &str,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if !self.is_typing() {
            return;
        }
        self.ask_for_ime(ui, view);
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                Event::Text(typed)
                | Event::Paste(typed)
                | Event::Ime(egui::ImeEvent::Commit(typed))
                    if !typed.is_empty() =>
                {
                    self.replace_selection(typed, intents);
                }
                Event::Cut => {
                    if let Some(selected) = self.selected_in(view, text) {
                        intents.push(ReaderIntent::Copy(selected));
                        self.replace_selection(String::new(), intents);
                    }
                }
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => self.on_edit_key(key, modifiers, view, text, intents),
                _ => {}
            }
        }
        ui.input_mut(|i| {
            for key in [Key::Backspace, Key::Delete, Key::Enter, Key::Escape] {
                for modifiers in [Modifiers::NONE, Modifiers::COMMAND, Modifiers::SHIFT] {
                    i.consume_key(modifiers, key);
                }
            }
        });
    }

    /// Tells the platform where the caret is, so an input method (Chinese,
    /// Japanese…) opens there; what it commits is typed.
    fn ask_for_ime(&self, ui: &Ui, view: &ArticleView) {
        let Some(caret) = self.caret().and_then(|c| view.caret_rect(c)) else {
            return;
        };
        let to_global = ui
            .ctx()
            .layer_transform_to_global(ui.layer_id())
            .unwrap_or_default();
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * ui.clip_rect(),
                cursor_rect: to_global * caret,
                should_interrupt_composition: false,
            });
        });
    }

    fn on_edit_key(
        &mut self,
        key: Key,
        modifiers: Modifiers,
        view: &ArticleView,
        text: &str,
        intents: &mut Vec<ReaderIntent>,
    ) {
        match key {
            Key::Escape => intents.push(ReaderIntent::StopEditing),
            Key::Enter => self.replace_selection("\n".to_owned(), intents),
            Key::Backspace | Key::Delete => {
                let range = match self.selection() {
                    Some(range) => Some(range),
                    None => self.deleted_by(key, modifiers, view, text),
                };
                if let Some((start, end)) = range {
                    intents.push(ReaderIntent::EditText {
                        start,
                        end,
                        text: String::new(),
                    });
                    self.set_caret(start);
                }
            }
            _ => {}
        }
    }

    /// What Backspace (before the caret) or Delete (after it) removes
    /// without a selection: a character with its accents, or with Ctrl a
    /// word; `None` at the text's start or end.
    fn deleted_by(
        &self,
        key: Key,
        modifiers: Modifiers,
        view: &ArticleView,
        text: &str,
    ) -> Option<(usize, usize)> {
        let chars = view.chars(text);
        let caret = self.caret()?.min(chars.char_len());
        let (start, end) = match (key, modifiers.command) {
            (Key::Backspace, true) => (word_start_before(&chars, caret), caret),
            (Key::Backspace, false) => (prev_cluster_boundary(&chars, caret), caret),
            (_, true) => (caret, word_end_after(&chars, caret)),
            (_, false) => (caret, next_cluster_boundary(&chars, caret)),
        };
        (start < end).then_some((start, end))
    }

    /// The selection (or the caret) replaced by `typed`.
    fn replace_selection(&mut self, typed: String, intents: &mut Vec<ReaderIntent>) {
        let Some(selection) = self.selection else {
            return;
        };
        let (start, end) = selection.range();
        let caret = start + typed.chars().count();
        intents.push(ReaderIntent::EditText {
            start,
            end,
            text: typed,
        });
        self.set_caret(caret);
    }
}
