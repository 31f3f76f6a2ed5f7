//! The article reader: metadata, then the text with every claim
//! highlighted in its verdict colour, text selection by mouse and keyboard,
//! and the "Mark claim" button beside the selection.
//!
//! Built for long articles: the text is split into paragraphs, only the
//! paragraphs in view are laid out, and laid-out paragraphs (galleys) are
//! kept across frames, keyed by width, text size and theme. Heights of
//! paragraphs never laid out are estimated from their length. Highlights are
//! painted as rectangles under the text, so a verdict change only recomputes
//! rectangles, never the layout. Overlapping and nested claims each get their
//! own underline lane, so every one stays visible.
//!
//! The files: this one holds the [`Reader`], its public API and the frame
//! ([`Reader::show`]); `layout` the laid-out article (`ArticleView`:
//! paragraphs, galleys, heights, the char index); `spans` the claim
//! highlights and lanes; `paint` the painting; `input` the mouse and
//! keyboard; `header` the metadata above the text; `find` the find bar;
//! `access` the text and highlights as screen readers get them; `margin`
//! a transcript's time codes and speaker names. Text logic with no
//! window in it (paragraphs, words, caret steps) is in [`crate::text`].

mod access;
mod find;
mod header;
mod input;
mod layout;
mod margin;
mod paint;
pub(crate) mod paragraph_layout;
mod span_drag;
mod spans;
mod text_edit;
mod text_runs;

pub(crate) use header::heading;
pub use text_edit::EDITING_HINT;

use crate::anchor::CharIndex;
use crate::model::{Article, ArticleId, Claim, ClaimId, Workspace};
use crate::text::one_line;
use egui::{Color32, CornerRadius, Rect, Sense, Ui, pos2, vec2};
use layout::{ArticleView, LayoutKey, MAX_COLUMN_WIDTH};
use std::collections::HashSet;
use std::time::Duration;

/// How long a claim flashes after it is picked in the list.
const FLASH_SECONDS: f64 = 1.4;

/// What the reader asks the window to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderIntent {
    SelectClaim(ClaimId),
    MarkClaim,
    /// Copy this text to the clipboard.
    Copy(String),
    /// Open the article's details for editing.
    EditDetails,
    /// Put the claim on the chars `start..end` (an end of its highlight
    /// was dragged).
    SetSpan {
        claim: ClaimId,
        start: usize,
        end: usize,
    },
    /// Edit mode: the chars `start..end` of the shown article become `text`.
    EditText {
        start: usize,
        end: usize,
        text: String,
    },
    /// Edit mode was left (Escape in the text).
    StopEditing,
}

/// Text selection in article chars: `anchor` stays, `cursor` moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Selection {
    anchor: usize,
    cursor: usize,
}

impl Selection {
    fn range(self) -> (usize, usize) {
        (self.anchor.min(self.cursor), self.anchor.max(self.cursor))
    }
}

/// The reader panel's state.
#[derive(Default)]
pub struct Reader {
    view: Option<ArticleView>,
    /// Where the floating Mark claim button was drawn last frame: a press
    /// there is the button's, never a new caret in the text under it.
    mark_button_at: Option<Rect>,
    selection: Option<Selection>,
    /// Scroll so that this char is in view on the next frame.
    scroll_to: Option<usize>,
    flash: Option<(ClaimId, f64)>,
    frame: u64,
    /// Whether the text area had the keyboard last frame.
    focused: bool,
    /// Give the text area the keyboard on the next frame (after a click).
    request_focus: bool,
    /// Whether the text area has had the keyboard once (it takes it at start).
    had_focus: bool,
    /// The selection last put in the PRIMARY selection (middle-click paste).
    reported: Option<(usize, usize)>,
    find: find::FindBar,
    /// An end of the selected claim's highlight being dragged.
    span_drag: Option<span_drag::SpanDrag>,
    /// The selection was made by words (a double-click): Shift+click
    /// extends it by words too.
    by_words: bool,
    /// Edit mode: typing corrects the article's text.
    editing: bool,
    /// Where the caret goes once the edited text is shown again.
    edit_caret: Option<usize>,
    /// The article last shown (edit mode ends when another is shown).
    view_article: Option<ArticleId>,
}

/// Inputs the reader needs each frame.
pub struct ReaderContext<'a> {
    pub workspace: &'a Workspace,
    pub revision: u64,
    /// Changes whenever an article's text may have changed
    /// ([`crate::edit::Document::text_revision`]).
    pub text_revision: u64,
    pub selected_claim: Option<ClaimId>,
    pub problem_claims: &'a HashSet<ClaimId>,
    pub text_size: f32,
    pub mark_label: &'a str,
    /// Each claim's number, as the reports show it.
    pub numbers: &'a std::collections::HashMap<ClaimId, usize>,
}

impl Reader {
    /// The selected chars of the shown article, ordered and non-empty.
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.selection
            .map(Selection::range)
            .filter(|(start, end)| start < end)
    }

    /// Selects chars `start..end` of the shown article.
    pub fn set_selection(&mut self, start: usize, end: usize) {
        self.selection = Some(Selection {
            anchor: start,
            cursor: end,
        });
    }

    /// Selects chars `start..end` and scrolls them into view.
    pub fn select_and_reveal(&mut self, start: usize, end: usize) {
        self.set_selection(start, end);
        self.scroll_to = Some(start);
    }

    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Gives the article text the keyboard on the next frame.
    pub fn focus(&mut self) {
        self.request_focus = true;
    }

    /// Whether the article text had the keyboard last frame.
    pub fn has_focus(&self) -> bool {
        self.focused
    }

    /// The caret (the moving end of the selection), in article chars.
    pub fn caret(&self) -> Option<usize> {
        self.selection.map(|s| s.cursor)
    }

    /// The article shown, once it has been drawn.
    pub fn article(&self) -> Option<ArticleId> {
        self.view.as_ref().map(|v| v.article)
    }

    /// The first char of the first paragraph drawn last frame.
    pub fn first_visible_char(&self) -> Option<usize> {
        let view = self.view.as_ref()?;
        let (index, _) = view.visible.first()?;
        view.paragraphs.get(*index).map(|p| p.chars.start)
    }

    /// How many paragraphs (long ones counted by their pieces) the shown
    /// article has, and how many of them are laid out now: only those
    /// recently in view are.
    pub fn pieces_laid_out(&self) -> Option<(usize, usize)> {
        let view = self.view.as_ref()?;
        Some((view.paragraphs.len(), view.galleys.len()))
    }

    /// The chars drawn last frame (from the first paragraph in view to the
    /// end of the last).
    pub fn visible_chars(&self) -> Option<std::ops::Range<usize>> {
        let view = self.view.as_ref()?;
        let first = view.paragraphs.get(view.visible.first()?.0)?;
        let last = view.paragraphs.get(view.visible.last()?.0)?;
        Some(first.chars.start..last.chars.end)
    }

    /// Scrolls to a claim and flashes it; `now` is the input clock.
    pub fn reveal(&mut self, claim: &Claim, now: f64) {
        self.scroll_to = Some(claim.anchor.start);
        self.flash = Some((claim.id, now));
    }

    /// The selected text of `article`, if any. Uses the shown article's
    /// char index; an article not shown (yet) gets a one-off index.
    pub fn selected_text(&self, article: &Article) -> Option<String> {
        match &self.view {
            Some(view) if view.shows(article) => self.selected_in(view, &article.text),
            _ => {
                let (start, end) = self.selection()?;
                CharIndex::new(&article.text)
                    .slice(start, end)
                    .map(str::to_owned)
            }
        }
    }

    /// The selected text, through the view's char index.
    fn selected_in(&self, view: &ArticleView, text: &str) -> Option<String> {
        let (start, end) = self.selection()?;
        view.chars(text).slice(start, end).map(str::to_owned)
    }

    /// Draws the article (header, text and highlights) and handles the
    /// mouse and keyboard in it.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        cx: &ReaderContext,
    ) -> Vec<ReaderIntent> {
        self.frame += 1;
        let mut intents = Vec::new();
        let mut view = self.prepare(article, cx);
        if header::article_header(ui, article) {
            intents.push(ReaderIntent::EditDetails);
        }
        ui.separator();
        if self.editing {
            self.editing_bar(ui);
        }
        self.find_bar(ui, article, cx.text_revision, &mut intents);
        self.selection_bar(ui, &view, &article.text, cx, &mut intents);
        self.text_area(ui, &mut view, article, cx, &mut intents);
        self.view = Some(view);
        intents
    }

    /// The view of `article`, (re)built when the article or its text
    /// changed (which drops the selection), with current highlights.
    fn prepare(&mut self, article: &Article, cx: &ReaderContext) -> ArticleView {
        let kept = self
            .view
            .take()
            .filter(|view| view.fits(article, cx.text_revision));
        let mut view = kept.unwrap_or_else(|| {
            self.selection = None;
            ArticleView::new(article, cx.text_revision)
        });
        if self.view_article != Some(article.id) {
            self.view_article = Some(article.id);
            self.editing = false;
        }
        if self.selection.is_none() {
            self.restore_edit_caret();
        }
        view.update_spans(article, cx);
        view
    }

    /// The line under the header: what is selected and the Mark claim button.
    fn selection_bar(
        &mut self,
        ui: &mut Ui,
        view: &ArticleView,
        text: &str,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        ui.horizontal(|ui| {
            let selected = self.selected_in(view, text);
            let button = egui::Button::new(cx.mark_label.to_owned());
            let hint = "Mark the selected text as a claim";
            if ui
                .add_enabled(selected.is_some(), button)
                .on_hover_text(hint)
                .on_disabled_hover_text("Select text in the article first")
                .clicked()
            {
                intents.push(ReaderIntent::MarkClaim);
            }
            match selected {
                Some(text) => {
                    let count = text.chars().count();
                    ui.weak(format!("{count} characters selected:"));
                    let quoted = format!("“{}”", one_line(&text, 120));
                    let shown = crate::text::display_order(&quoted);
                    let response = ui.add(egui::Label::new(shown.as_ref()).truncate());
                    if shown != quoted.as_str() {
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &quoted)
                        });
                    }
                }
                None => selection_hint(ui),
            }
        });
    }

    fn text_area(
        &mut self,
        ui: &mut Ui,
        view: &mut ArticleView,
        article: &Article,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        let margin = margin::Margin::of(article, cx.text_size);
        let width = (ui.available_width() - 24.0 - margin.width).clamp(80.0, MAX_COLUMN_WIDTH);
        let key = LayoutKey {
            article: article.id,
            width: width.round(),
            text_size: cx.text_size,
            dark: ui.visuals().dark_mode,
        };
        if view.key_changes(key) {
            // Panels may still be settling: draw once more at the new width.
            ui.ctx().request_repaint();
        }
        view.set_layout_key(key);
        view.update_tops();

        let mut area = egui::ScrollArea::vertical()
            .id_salt(("reader", article.id))
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible);
        if let Some(char_pos) = self.scroll_to.take() {
            let y = view.y_of_char(char_pos) + margin.top;
            let offset = (y - ui.available_height() / 3.0).max(0.0);
            area = area.vertical_scroll_offset(offset);
        }
        let total = view.total_height() + margin.top;
        let now = ui.input(|i| i.time);
        area.show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min + margin.offset();
            let full = vec2(ui.available_width().max(width + margin.width), total);
            let (rect, _) = ui.allocate_exact_size(full, Sense::hover());
            // An id of its own, so the keyboard stays with the text when the
            // find bar above it opens or closes.
            let id = egui::Id::unique(("article-text", article.id));
            let response = ui.interact(rect, id, Sense::click_and_drag());
            let response = response.on_hover_cursor(egui::CursorIcon::Text);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
            });
            let viewport = viewport.translate(vec2(0.0, -margin.top));
            view.layout_visible(ui, &article.text, origin, viewport, self.frame);
            self.paint(ui, view, cx, now);
            margin::paint(ui, view, article, cx.text_size, width);
            self.handle_pointer(ui, view, &article.text, &response, cx, intents);
            self.handle_focus(ui, view, &response);
            self.handle_edit_input(ui, view, &article.text, intents);
            self.handle_keys(ui, view, &article.text, intents);
            if self.editing {
                self.paint_edit_frame(ui, ui.clip_rect());
            }
            self.report_settled_selection(ui, view, &article.text, &response);
            self.accessibility_nodes(ui, view, article, cx, &response);
            let column = Rect::from_min_size(origin, vec2(width, total));
            self.mark_button(ui, view, cx, intents, column, &response);
        });
        view.prune(self.frame);
        if let Some((_, started)) = self.flash {
            let left = FLASH_SECONDS - (now - started);
            if left > 0.0 {
                ui.ctx().request_repaint_after(Duration::from_millis(33));
            } else {
                self.flash = None;
            }
        }
    }

    /// The floating "Mark claim" button beside the end of the selection,
    /// never over the text: in the margin right of the column when it
    /// fits there, else in the free end of the selection's last row; where
    /// neither has room (a narrow window, a full row) only the bar above
    /// the text offers Mark claim.
    fn mark_button(
        &mut self,
        ui: &mut Ui,
        view: &ArticleView,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
        column: Rect,
        text: &egui::Response,
    ) {
        self.mark_button_at = None;
        let Some((_, end)) = self.selection() else {
            return;
        };
        // The find bar has its own Mark claim, and edit mode marks nothing:
        // one button for one thing.
        if self.find_open() || self.editing {
            return;
        }
        let Some(caret) = view.caret_rect(end) else {
            return;
        };
        // The selection's last char decides the row (the caret after it
        // may stand at the next row's start).
        let last = end.saturating_sub(1);
        let row_x = view.row_extent(last).unwrap_or((caret.min.x, caret.max.x));
        let caret = view.caret_rect(last).map_or(caret, |c| {
            Rect::from_min_max(pos2(caret.min.x, c.min.y), pos2(caret.max.x, c.max.y))
        });
        let font = egui::TextStyle::Button.resolve(ui.style());
        let text_width = ui
            .painter()
            .layout_no_wrap(cx.mark_label.to_owned(), font, Color32::WHITE)
            .size()
            .x;
        let size = vec2(text_width + 2.0 * ui.spacing().button_padding.x + 4.0, 24.0);
        let Some(place) = mark_button_place(
            caret,
            row_x,
            column.x_range(),
            text.rect.max.x,
            view.is_rtl_at(end),
            size,
        ) else {
            return;
        };
        // Hidden while a selection is being dragged, not while it is pressed.
        let pressed_here = ui
            .input(|i| i.pointer.press_origin())
            .is_some_and(|p| place.contains(p));
        if text.is_pointer_button_down_on() && !pressed_here {
            return;
        }
        let button = egui::Button::new(cx.mark_label.to_owned())
            .fill(ui.visuals().selection.bg_fill)
            .corner_radius(CornerRadius::same(4));
        let response = ui.put(place, button);
        self.mark_button_at = Some(place);
        if response
            .on_hover_text("Mark the selection as a claim (Ctrl+M)")
            .clicked()
        {
            intents.push(ReaderIntent::MarkClaim);
        }
    }
}

/// How to select, as long as the bar has room for: the whole hint, a
/// short one, or none (never a hint cut off mid-word).
fn selection_hint(ui: &mut Ui) {
    const HINTS: [&str; 3] = [
        "Select a passage (drag, double-click a word, Shift+click or Shift+arrows), then mark it.",
        "Select a passage, then mark it.",
        "Select text first.",
    ];
    let font = egui::TextStyle::Body.resolve(ui.style());
    let room = ui.available_width();
    let fits = HINTS.into_iter().find(|hint| {
        let width = ui
            .painter()
            .layout_no_wrap((*hint).to_owned(), font.clone(), Color32::WHITE)
            .size()
            .x;
        width <= room
    });
    if let Some(hint) = fits {
        ui.label(egui::RichText::new(hint).weak())
            .on_hover_text(HINTS[0]);
    }
}

/// Gap between the text and the floating Mark claim button.
const MARK_BUTTON_GAP: f32 = 10.0;

/// Where the floating Mark claim button goes for a selection ending at
/// `caret` on a row spanning `row_x` of a text column spanning `column`,
/// with free space up to `right` beyond the column: on the caret's row,
/// in the margin right of the column when it fits, else in the row's free
/// end (after its last glyph, or before its first in a right-to-left
/// row); `None` when the button would cover text.
pub(crate) fn mark_button_place(
    caret: Rect,
    row_x: (f32, f32),
    column: egui::Rangef,
    right: f32,
    rtl: bool,
    size: egui::Vec2,
) -> Option<Rect> {
    let top = caret.center().y - size.y / 2.0;
    let fits = |from: f32, to: f32| to - from >= size.x + 2.0 * MARK_BUTTON_GAP;
    let x = if fits(column.max, right) {
        column.max + MARK_BUTTON_GAP
    } else if !rtl && fits(row_x.1, column.max) {
        row_x.1 + MARK_BUTTON_GAP
    } else if rtl && fits(column.min, row_x.0) {
        row_x.0 - MARK_BUTTON_GAP - size.x
    } else {
        return None;
    };
    Some(Rect::from_min_size(pos2(x, top), size))
}

/// Article text: a little stronger than egui's body text, for long reading.
fn reading_colour(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(215)
    } else {
        Color32::from_gray(25)
    }
}

#[cfg(test)]
mod mark_button_tests {
    use super::*;

    const SIZE: egui::Vec2 = vec2(120.0, 24.0);

    fn caret_at(x: f32, y: f32) -> Rect {
        Rect::from_min_size(pos2(x, y), vec2(1.0, 20.0))
    }

    #[test]
    fn a_wide_window_puts_the_button_in_the_margin_on_the_caret_row() {
        let caret = caret_at(300.0, 100.0);
        let place = mark_button_place(
            caret,
            (20.0, 690.0),
            egui::Rangef::new(20.0, 700.0),
            1000.0,
            false,
            SIZE,
        )
        .unwrap();
        assert!(place.min.x >= 700.0, "right of the column: {place:?}");
        assert!(place.center().y > caret.min.y && place.center().y < caret.max.y);
    }

    #[test]
    fn without_a_margin_the_button_takes_the_free_end_of_the_row() {
        let caret = caret_at(200.0, 100.0);
        let column = egui::Rangef::new(20.0, 700.0);
        let place = mark_button_place(caret, (20.0, 400.0), column, 705.0, false, SIZE).unwrap();
        assert!(place.min.x > 400.0 && place.max.x <= 700.0, "{place:?}");
        // A right-to-left row's free end is on its left.
        let place = mark_button_place(caret, (300.0, 700.0), column, 705.0, true, SIZE).unwrap();
        assert!(place.max.x < 300.0 && place.min.x >= 20.0, "{place:?}");
    }

    #[test]
    fn a_full_row_in_a_narrow_window_gets_no_button_over_the_text() {
        let caret = caret_at(200.0, 100.0);
        let column = egui::Rangef::new(20.0, 400.0);
        assert_eq!(
            mark_button_place(caret, (20.0, 395.0), column, 410.0, false, SIZE),
            None
        );
        assert_eq!(
            mark_button_place(caret, (25.0, 400.0), column, 410.0, true, SIZE),
            None
        );
    }
}
