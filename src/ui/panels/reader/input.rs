//! The mouse and the keyboard in the article text: click, drag, Shift+click,
//! double-click (a word) and triple-click (a paragraph) select; arrows
//! (Left and Right move on screen, also in right-to-left text, where the
//! selection they extend stays a logical range), Ctrl/Alt+arrows (by word), Home/End and Ctrl+A move or extend the
//! selection; PageUp/PageDown move by a screenful, Home/End to the ends of
//! the row, Ctrl+Home/End to the ends of the article; Escape leaves only
//! the caret; Copy copies; a settled selection becomes the PRIMARY
//! selection. The text takes the keyboard at start (with a caret), so a
//! claim can be marked without the mouse. A plain click on a claim
//! selects the claim, and hovering one names it.

use super::layout::ArticleView;
use super::spans::{claim_to_select, claims_at};
use super::{Reader, ReaderContext, ReaderIntent, Selection};
use crate::text::{
    next_cluster_boundary, prev_cluster_boundary, snap_to_words, word_around, word_end_after,
    word_start_before,
};
use egui::{Key, Modifiers, Pos2, Ui, vec2};
use std::time::Duration;

impl Reader {
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        text: &str,
        response: &egui::Response,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if let Some(hover) = response.hover_pos()
            && !response.dragged()
            && let Some(at) = view.char_at(hover)
        {
            claims_tooltip(view, response, cx, at);
        }
        if let Some(hover) = response.hover_pos() {
            self.hint_span_ends(ui, view, cx, hover);
        }
        let pointer_at = response.interact_pointer_pos();
        let held = ui.input(|i| i.pointer.primary_down());
        let dragged_to = pointer_at.and_then(|pos| view.char_at(pos));
        if self.follow_span_drag(held, dragged_to, intents) {
            return;
        }
        let Some(pos) = pointer_at else {
            return;
        };
        let on_mark_button = ui
            .input(|i| i.pointer.press_origin())
            .is_some_and(|p| self.mark_button_at.is_some_and(|r| r.contains(p)));
        if on_mark_button {
            return;
        }
        let Some(at) = view.char_at(pos) else {
            return;
        };
        let shift = ui.input(|i| i.modifiers.shift);
        // A quick click can press and release within one frame, so a click
        // counts as a press too.
        let pressed = ui.input(|i| i.pointer.primary_pressed())
            && (response.is_pointer_button_down_on() || response.clicked());
        if pressed && !shift && self.grab_span_end(view, cx, response, pos) {
            self.request_focus = true;
            return;
        }
        if pressed {
            self.request_focus = true;
            self.press_at(view, text, at, shift);
        } else if response.dragged()
            && let Some(selection) = &mut self.selection
        {
            selection.cursor = at;
            autoscroll(ui, pos, response);
        }
        if response.drag_stopped() && !ui.input(|i| i.modifiers.alt) {
            self.snap_selection_to_words(&view.chars(text));
        }
        if response.triple_clicked() {
            let range = view.whole_paragraph(at);
            self.set_selection(range.start, range.end);
        } else if response.double_clicked() {
            let (start, end) = word_around(&view.chars(text), at);
            self.set_selection(start, end);
            self.by_words = true;
        } else if response.clicked()
            && !shift
            && self.selection().is_none()
            && let Some(claim) = claim_to_select(view, at, cx.selected_claim)
        {
            intents.push(ReaderIntent::SelectClaim(claim));
        }
    }

    /// A press at `at`: with Shift it extends the selection (by whole words
    /// when it was made by words), else it puts the caret there.
    fn press_at(&mut self, view: &ArticleView, text: &str, at: usize, shift: bool) {
        self.selection = Some(match (shift, self.selection) {
            (true, Some(selection)) if self.by_words => {
                extended_by_words(&view.chars(text), selection, at)
            }
            (true, Some(selection)) => Selection {
                cursor: at,
                ..selection
            },
            _ => {
                self.by_words = false;
                Selection {
                    anchor: at,
                    cursor: at,
                }
            }
        });
    }

    /// A dragged selection widened to whole words (Alt while dragging
    /// keeps it to the character); its direction is kept.
    fn snap_selection_to_words(&mut self, chars: &crate::anchor::CharIndex) {
        let Some(selection) = self.selection else {
            return;
        };
        let (start, end) = snap_to_words(chars, selection.anchor, selection.cursor);
        let (anchor, cursor) = if selection.anchor <= selection.cursor {
            (start, end)
        } else {
            (end, start)
        };
        self.selection = Some(Selection { anchor, cursor });
    }

    pub(super) fn handle_focus(&mut self, ui: &Ui, view: &ArticleView, response: &egui::Response) {
        let first_time = !self.had_focus && ui.memory(|m| m.focused().is_none());
        if self.request_focus || first_time {
            response.request_focus();
            self.request_focus = false;
        }
        self.focused = response.has_focus();
        if self.focused {
            self.had_focus = true;
            if self.selection.is_none() {
                // A visible caret where the reader is looking.
                let at = view
                    .visible
                    .first()
                    .map_or(0, |(i, _)| view.paragraphs[*i].chars.start);
                self.selection = Some(Selection {
                    anchor: at,
                    cursor: at,
                });
            }
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        tab: false,
                        escape: true,
                    },
                );
            });
        }
    }

    /// Once a selection settles (the button is up), hands it to the
    /// platform as the PRIMARY selection on X11 and Wayland, so a
    /// middle-click pastes it in another program, as in any Linux application.
    pub(super) fn report_settled_selection(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        text: &str,
        response: &egui::Response,
    ) {
        if response.is_pointer_button_down_on() || self.selection() == self.reported {
            return;
        }
        self.reported = self.selection();
        if let Some(selected) = self.selected_in(view, text) {
            ui.ctx()
                .send_cmd(egui::OutputCommand::TextSelectionSettled(selected));
        }
    }

    /// Keyboard selection, select-all and copy while the text has focus.
    pub(super) fn handle_keys(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        text: &str,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if !self.focused {
            return;
        }
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                egui::Event::Copy => {
                    if let Some(selected) = self.selected_in(view, text) {
                        intents.push(ReaderIntent::Copy(selected));
                    }
                }
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => self.on_key(key, modifiers, view, text, ui.clip_rect().height()),
                _ => {}
            }
        }
    }

    fn on_key(
        &mut self,
        key: Key,
        modifiers: Modifiers,
        view: &ArticleView,
        text: &str,
        page: f32,
    ) {
        let len = view.char_len();
        if key == Key::A && modifiers.command {
            self.set_selection(0, len);
            return;
        }
        if key == Key::Escape {
            // Keep the caret where it is.
            self.selection = self.selection.map(|s| Selection {
                anchor: s.cursor,
                cursor: s.cursor,
            });
            return;
        }
        let chars = view.chars(text);
        let cursor = self.selection.map_or(0, |s| s.cursor).min(len);
        let by_word = modifiers.command || modifiers.alt;
        let moved = match key {
            Key::ArrowLeft | Key::ArrowRight => {
                horizontal_move(view, &chars, cursor, key == Key::ArrowLeft, by_word)
            }
            Key::ArrowUp => view.vertical_move(cursor, true),
            Key::ArrowDown => view.vertical_move(cursor, false),
            Key::Home if modifiers.command => 0,
            Key::End if modifiers.command => len,
            Key::Home => view.row_start(cursor),
            Key::End => view.row_end(cursor),
            Key::PageUp => view.page_move(cursor, -page * 0.9),
            Key::PageDown => view.page_move(cursor, page * 0.9),
            _ => return,
        };
        self.selection = Some(match (modifiers.shift, self.selection) {
            (true, Some(s)) => Selection { cursor: moved, ..s },
            _ => Selection {
                anchor: moved,
                cursor: moved,
            },
        });
        if view.caret_rect(moved).is_none() {
            self.scroll_to = Some(moved);
        }
    }
}

/// Left or Right from `cursor`: on screen, in the direction of the arrow
/// (a step within a row drawn through the bidi step; past its edge, or in
/// a paragraph with no right-to-left text, a char or word forward or back,
/// Left meaning forward in a right-to-left paragraph).
fn horizontal_move(
    view: &ArticleView,
    chars: &crate::anchor::CharIndex,
    cursor: usize,
    left: bool,
    by_word: bool,
) -> usize {
    if !by_word && let Some(moved) = view.visual_step(cursor, left) {
        return moved;
    }
    let forward = left == view.is_rtl_at(cursor);
    let moved = match (forward, by_word) {
        (true, true) => word_end_after(chars, cursor),
        (false, true) => word_start_before(chars, cursor),
        (true, false) => next_cluster_boundary(chars, cursor),
        (false, false) => prev_cluster_boundary(chars, cursor),
    };
    view.out_of_breaks(moved, forward)
}

/// Scrolls while a drag selection reaches the top or bottom edge.
fn autoscroll(ui: &Ui, pos: Pos2, response: &egui::Response) {
    let clip = ui.clip_rect();
    let margin = 24.0;
    let delta = if pos.y < clip.min.y + margin {
        (clip.min.y + margin - pos.y).min(40.0)
    } else if pos.y > clip.max.y - margin {
        -(pos.y - (clip.max.y - margin)).min(40.0)
    } else {
        0.0
    };
    if delta != 0.0 {
        ui.scroll_with_delta(vec2(0.0, delta));
        response
            .ctx
            .request_repaint_after(Duration::from_millis(16));
    }
}

/// A tooltip naming the claims under the pointer, with their verdicts.
fn claims_tooltip(view: &ArticleView, response: &egui::Response, cx: &ReaderContext, at: usize) {
    let here = claims_at(view, at);
    if here.is_empty() {
        return;
    }
    response.clone().on_hover_ui_at_pointer(|ui| {
        ui.set_max_width(360.0);
        for span in &here {
            let Some(claim) = cx.workspace.claim(span.claim) else {
                continue;
            };
            let verdict = cx.workspace.scale.label_of(claim.verdict.as_deref());
            ui.label(egui::RichText::new(verdict).strong());
            ui.label(&claim.statement);
        }
        if here.len() > 1 {
            ui.weak("Click to select the first; click again for the next.");
        }
    });
}

/// A selection made by words, extended by Shift+click at `at` to the
/// whole word clicked, the words first chosen kept: forward to the clicked
/// word's end, or back to its start.
fn extended_by_words(
    chars: &crate::anchor::CharIndex,
    selection: Selection,
    at: usize,
) -> Selection {
    let (start, end) = word_around(chars, at);
    let (first, last) = (
        selection.anchor.min(selection.cursor),
        selection.anchor.max(selection.cursor),
    );
    if at >= first {
        Selection {
            anchor: first,
            cursor: end.max(last),
        }
    } else {
        Selection {
            anchor: last,
            cursor: start,
        }
    }
}
