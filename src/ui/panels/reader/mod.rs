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

use crate::anchor::CharIndex;
use crate::model::{Article, ArticleId, Claim, ClaimId, Workspace};
use egui::epaint::text::{CharIndex as GlyphIndex, Galley, LayoutJob, TextFormat, TextWrapping};
use egui::text::CCursor;
use egui::{
    Color32, CornerRadius, FontId, Key, Modifiers, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2,
    vec2,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

/// Line height as a multiple of the text size (leaves room for underline lanes).
const LINE_HEIGHT: f32 = 1.65;
/// Widest text column, in points; wider lines are hard to read.
const MAX_COLUMN_WIDTH: f32 = 760.0;
/// Space after each paragraph, as a multiple of the text size.
const PARAGRAPH_GAP: f32 = 0.45;
/// How long a claim flashes after it is picked in the list.
const FLASH_SECONDS: f64 = 1.4;
/// Underline lanes drawn; deeper nesting shares the last lane.
const MAX_LANES: usize = 4;
/// Paragraph galleys unused for this many frames are dropped.
const CACHE_FRAMES: u64 = 600;
/// At most this many laid-out paragraphs are kept.
const MAX_CACHED_PARAGRAPHS: usize = 400;

/// What the reader asks the window to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReaderIntent {
    SelectClaim(ClaimId),
    MarkClaim,
    /// Copy this text to the clipboard.
    Copy(String),
    /// Open the article's details for editing.
    EditDetails,
}

/// One paragraph (a line of the text): char and byte ranges, and an
/// estimate of its width in ems for guessing its height unseen.
#[derive(Clone, Debug)]
struct Paragraph {
    chars: std::ops::Range<usize>,
    bytes: std::ops::Range<usize>,
    ems: f32,
}

/// A claim's stretch within one paragraph.
#[derive(Clone, Debug)]
struct Span {
    claim: ClaimId,
    /// Paragraph-relative chars.
    start: usize,
    end: usize,
    lane: usize,
    colour: Option<Color32>,
    problem: bool,
    /// Length of the whole claim in chars (shorter wins a click).
    len: usize,
    claim_start: usize,
}

/// A laid-out paragraph kept across frames.
struct CachedParagraph {
    galley: Arc<Galley>,
    /// Highlight rectangles (span index, rect relative to the galley), for
    /// the highlight revision `rects_revision`.
    rects: Vec<(usize, Rect)>,
    rects_revision: u64,
    last_used: u64,
}

/// The layout parameters galleys depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LayoutKey {
    article: ArticleId,
    width: f32,
    text_size: f32,
    dark: bool,
}

/// Everything the reader keeps about the article it shows.
struct ArticleView {
    article: ArticleId,
    text_len: usize,
    paragraphs: Vec<Paragraph>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    tops: Vec<f32>,
    tops_stale: bool,
    spans: Vec<Vec<Span>>,
    spans_revision: Option<u64>,
    galleys: HashMap<usize, CachedParagraph>,
    key: Option<LayoutKey>,
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
    selection: Option<Selection>,
    /// Scroll so that this char is in view on the next frame.
    scroll_to: Option<usize>,
    flash: Option<(ClaimId, f64)>,
    frame: u64,
    /// Paragraphs drawn last frame, with their galley rect on screen.
    visible: Vec<(usize, Rect)>,
    /// Whether the text area had the keyboard last frame.
    focused: bool,
    request_focus: bool,
}

/// Inputs the reader needs each frame.
pub struct ReaderContext<'a> {
    pub workspace: &'a Workspace,
    pub revision: u64,
    pub selected_claim: Option<ClaimId>,
    pub problem_claims: &'a HashSet<ClaimId>,
    pub text_size: f32,
    pub mark_label: &'a str,
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

    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// The article shown, once it has been drawn.
    pub fn article(&self) -> Option<ArticleId> {
        self.view.as_ref().map(|v| v.article)
    }

    /// The first char of the first paragraph drawn last frame.
    pub fn first_visible_char(&self) -> Option<usize> {
        let (index, _) = self.visible.first()?;
        self.view
            .as_ref()
            .and_then(|v| v.paragraphs.get(*index))
            .map(|p| p.chars.start)
    }

    /// The chars drawn last frame (from the first paragraph in view to the
    /// end of the last).
    pub fn visible_chars(&self) -> Option<std::ops::Range<usize>> {
        let view = self.view.as_ref()?;
        let first = view.paragraphs.get(self.visible.first()?.0)?;
        let last = view.paragraphs.get(self.visible.last()?.0)?;
        Some(first.chars.start..last.chars.end)
    }

    /// Whether the article text has the keyboard.
    pub fn has_focus(&self) -> bool {
        self.focused
    }

    /// Gives the text area the keyboard on the next frame.
    pub fn focus(&mut self) {
        self.request_focus = true;
    }

    /// Scrolls to a claim and flashes it; `now` is the input clock.
    pub fn reveal(&mut self, claim: &Claim, now: f64) {
        self.scroll_to = Some(claim.anchor.start);
        self.flash = Some((claim.id, now));
    }

    /// The selected text, if any.
    pub fn selected_text(&self, article: &Article) -> Option<String> {
        let (start, end) = self.selection()?;
        CharIndex::new(&article.text)
            .slice(start, end)
            .map(str::to_owned)
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
        self.prepare(article, cx);
        if article_header(ui, article) {
            intents.push(ReaderIntent::EditDetails);
        }
        ui.separator();
        self.selection_bar(ui, article, cx, &mut intents);
        self.text_area(ui, article, cx, &mut intents);
        intents
    }

    /// (Re)builds the paragraph index and highlights when the article or
    /// the workspace changed.
    fn prepare(&mut self, article: &Article, cx: &ReaderContext) {
        let stale = self
            .view
            .as_ref()
            .is_none_or(|v| v.article != article.id || v.text_len != article.text.len());
        if stale {
            self.view = Some(ArticleView::new(article));
            self.selection = None;
        }
        if let Some(view) = &mut self.view
            && view.spans_revision != Some(cx.revision)
        {
            view.spans = claim_spans(cx.workspace, article, &view.paragraphs, cx.problem_claims);
            view.spans_revision = Some(cx.revision);
        }
    }

    /// The line under the header: what is selected and the Mark claim button.
    fn selection_bar(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        ui.horizontal(|ui| {
            let selected = self.selected_text(article);
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
                    ui.add(egui::Label::new(format!("“{}”", one_line(&text))).truncate());
                }
                None => {
                    let hint = "Select a passage (drag, double-click a word, Shift+click or Shift+arrows), then mark it.";
                    ui.add(egui::Label::new(egui::RichText::new(hint).weak()).truncate());
                }
            }
        });
    }

    fn text_area(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        let Some(mut view) = self.view.take() else {
            return;
        };
        let width = (ui.available_width() - 24.0).clamp(80.0, MAX_COLUMN_WIDTH);
        let key = LayoutKey {
            article: article.id,
            width: width.round(),
            text_size: cx.text_size,
            dark: ui.visuals().dark_mode,
        };
        if view.key.is_some_and(|old| old != key) {
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
            let y = view.y_of_char(char_pos);
            let offset = (y - ui.available_height() / 3.0).max(0.0);
            area = area.vertical_scroll_offset(offset);
        }
        let total = view.total_height();
        let now = ui.input(|i| i.time);
        area.show_viewport(ui, |ui, viewport| {
            let origin = ui.max_rect().min;
            let (_, response) = ui.allocate_exact_size(
                vec2(ui.available_width().max(width), total),
                Sense::click_and_drag(),
            );
            let response = response.on_hover_cursor(egui::CursorIcon::Text);
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Document, true, "Article text")
            });
            self.layout_visible(ui, &mut view, &article.text, origin, viewport, key);
            self.paint(ui, &view, cx, now);
            self.handle_pointer(ui, &view, &response, cx, intents);
            self.handle_focus(ui, &response);
            self.handle_keys(ui, &view, article, intents);
            self.mark_button(ui, &view, cx, intents, &response);
        });
        view.prune(self.frame);
        self.view = Some(view);
        if let Some((_, started)) = self.flash {
            let left = FLASH_SECONDS - (now - started);
            if left > 0.0 {
                ui.ctx().request_repaint_after(Duration::from_millis(33));
            } else {
                self.flash = None;
            }
        }
    }

    /// Lays out the paragraphs in view (reusing cached galleys) and
    /// records where each is drawn.
    fn layout_visible(
        &mut self,
        ui: &Ui,
        view: &mut ArticleView,
        text: &str,
        origin: Pos2,
        viewport: Rect,
        key: LayoutKey,
    ) {
        self.visible.clear();
        if view.paragraphs.is_empty() {
            return;
        }
        let mut index = view.paragraph_at_y(viewport.min.y);
        // Measuring may change heights; redo the positions as we go.
        while index < view.paragraphs.len() {
            view.update_tops();
            let top = view.tops[index];
            if top > viewport.max.y {
                break;
            }
            if let Some(galley) = view.galley(ui, text, index, key, self.frame) {
                let pos = origin + vec2(0.0, top);
                self.visible
                    .push((index, Rect::from_min_size(pos, galley.size())));
            }
            index += 1;
        }
    }

    fn paint(&self, ui: &Ui, view: &ArticleView, cx: &ReaderContext, now: f64) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let lane_gap = (cx.text_size * 0.13).max(2.0);
        let selection_fill = visuals.selection.bg_fill.gamma_multiply(0.55);
        let outline = visuals.text_color().gamma_multiply(0.75);
        let flash = self.flash.and_then(|(claim, started)| {
            let t = ((now - started) / FLASH_SECONDS) as f32;
            (t < 1.0).then(|| (claim, (1.0 - t) * (0.5 + 0.5 * (t * 18.0).cos().abs())))
        });
        for &(index, rect) in &self.visible {
            let Some(cached) = view.galleys.get(&index) else {
                continue;
            };
            let spans = &view.spans[index];
            let paragraph = &view.paragraphs[index];
            // Fills first (nested claims darken where they overlap), then
            // underlines per lane, then outlines, then the text.
            for &(span_index, r) in &cached.rects {
                let span = &spans[span_index];
                let r = r.translate(rect.min.to_vec2());
                if let Some(colour) = span.colour {
                    painter.rect_filled(
                        r,
                        CornerRadius::same(2),
                        fill_colour(colour, visuals.dark_mode),
                    );
                }
            }
            for &(span_index, r) in &cached.rects {
                let span = &spans[span_index];
                let r = r.translate(rect.min.to_vec2());
                let lane_y = r.max.y - 1.5 - span.lane as f32 * lane_gap;
                let colour = span.colour.unwrap_or(outline);
                let stroke = if span.colour.is_some() {
                    Stroke::new(2.0, colour)
                } else {
                    Stroke::new(1.5, outline)
                };
                if span.colour.is_none() {
                    dashed_line(painter, r.min.x, r.max.x, lane_y, stroke);
                    painter.rect_stroke(
                        r,
                        CornerRadius::same(2),
                        Stroke::new(1.0, outline.gamma_multiply(0.6)),
                        StrokeKind::Inside,
                    );
                } else {
                    painter.hline(r.x_range(), lane_y, stroke);
                }
                if span.problem {
                    painter.rect_stroke(
                        r,
                        CornerRadius::same(2),
                        Stroke::new(1.5, visuals.error_fg_color),
                        StrokeKind::Outside,
                    );
                }
                if Some(span.claim) == cx.selected_claim {
                    painter.rect_stroke(
                        r.expand(1.5),
                        CornerRadius::same(3),
                        Stroke::new(2.0, visuals.strong_text_color()),
                        StrokeKind::Outside,
                    );
                }
                if let Some((claim, strength)) = flash
                    && claim == span.claim
                {
                    painter.rect_filled(
                        r.expand(2.0),
                        CornerRadius::same(3),
                        visuals.warn_fg_color.gamma_multiply(0.6 * strength),
                    );
                }
            }
            if let Some((start, end)) = self.selection() {
                let from = start.max(paragraph.chars.start);
                let to = end.min(paragraph.chars.end);
                if from < to {
                    let mut rects = Vec::new();
                    range_rects(
                        &cached.galley,
                        from - paragraph.chars.start,
                        to - paragraph.chars.start,
                        &mut rects,
                    );
                    for r in rects {
                        painter.rect_filled(
                            r.translate(rect.min.to_vec2()),
                            CornerRadius::ZERO,
                            selection_fill,
                        );
                    }
                }
            }
            painter.galley(rect.min, cached.galley.clone(), visuals.text_color());
        }
        if self.focused
            && let Some(selection) = self.selection
            && let Some(caret) = self.caret_rect(view, selection.cursor)
        {
            painter.vline(
                caret.min.x,
                caret.y_range(),
                Stroke::new(1.5, visuals.text_cursor.stroke.color),
            );
        }
    }

    /// The screen rect of the caret before char `pos`, when it is in view.
    fn caret_rect(&self, view: &ArticleView, pos: usize) -> Option<Rect> {
        let (index, rect) = self.visible.iter().find(|(i, _)| {
            let p = &view.paragraphs[*i];
            p.chars.start <= pos && pos <= p.chars.end
        })?;
        let cached = view.galleys.get(index)?;
        let local = pos - view.paragraphs[*index].chars.start;
        Some(
            cached
                .galley
                .pos_from_cursor(CCursor::new(local))
                .translate(rect.min.to_vec2()),
        )
    }

    /// The article char under a screen position (nearest paragraph in view).
    fn char_at(&self, view: &ArticleView, pos: Pos2) -> Option<usize> {
        let (index, rect) = self
            .visible
            .iter()
            .min_by(|a, b| distance_y(a.1, pos).total_cmp(&distance_y(b.1, pos)))?;
        let cached = view.galleys.get(index)?;
        let paragraph = &view.paragraphs[*index];
        if pos.y > rect.max.y && *index + 1 == view.paragraphs.len() {
            return Some(paragraph.chars.end);
        }
        let cursor = cached.galley.cursor_from_pos(pos - rect.min);
        Some(paragraph.chars.start + cursor.index.0.min(paragraph.chars.len()))
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        response: &egui::Response,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if let Some(hover) = response.hover_pos()
            && !response.dragged()
            && let Some(at) = self.char_at(view, hover)
        {
            claims_tooltip(view, response, cx, at);
        }
        let Some(pos) = response.interact_pointer_pos() else {
            return;
        };
        let Some(at) = self.char_at(view, pos) else {
            return;
        };
        let shift = ui.input(|i| i.modifiers.shift);
        // A quick click can press and release within one frame, so a click
        // counts as a press too.
        let pressed = ui.input(|i| i.pointer.primary_pressed())
            && (response.is_pointer_button_down_on() || response.clicked());
        if pressed {
            self.request_focus = true;
            match (shift, self.selection) {
                (true, Some(selection)) => {
                    self.selection = Some(Selection {
                        cursor: at,
                        ..selection
                    })
                }
                _ => {
                    self.selection = Some(Selection {
                        anchor: at,
                        cursor: at,
                    })
                }
            }
        } else if response.dragged()
            && let Some(selection) = &mut self.selection
        {
            selection.cursor = at;
            self.autoscroll(ui, pos, response);
        }
        if response.triple_clicked() {
            let p = view.paragraph_of_char(at);
            let range = view.paragraphs[p].chars.clone();
            self.set_selection(range.start, range.end);
        } else if response.double_clicked() {
            let text = &view_article_text(cx, view.article);
            let (start, end) = word_around(text, at);
            self.set_selection(start, end);
        } else if response.clicked()
            && !shift
            && self.selection().is_none()
            && let Some(claim) = claim_to_select(view, at, cx.selected_claim)
        {
            intents.push(ReaderIntent::SelectClaim(claim));
        }
    }

    /// Scrolls while a drag selection reaches the top or bottom edge.
    fn autoscroll(&self, ui: &Ui, pos: Pos2, response: &egui::Response) {
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

    fn handle_focus(&mut self, ui: &Ui, response: &egui::Response) {
        if self.request_focus {
            response.request_focus();
            self.request_focus = false;
        }
        self.focused = response.has_focus();
        if self.focused {
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

    /// Keyboard selection, select-all and copy while the text has focus.
    fn handle_keys(
        &mut self,
        ui: &Ui,
        view: &ArticleView,
        article: &Article,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if !self.focused {
            return;
        }
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                egui::Event::Copy => {
                    if let Some(text) = self.selected_text(article) {
                        intents.push(ReaderIntent::Copy(text));
                    }
                }
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => self.on_key(key, modifiers, view, &article.text),
                _ => {}
            }
        }
    }

    fn on_key(&mut self, key: Key, modifiers: Modifiers, view: &ArticleView, text: &str) {
        let len = view.paragraphs.last().map_or(0, |p| p.chars.end);
        if key == Key::A && modifiers.command {
            self.set_selection(0, len);
            return;
        }
        if key == Key::Escape {
            self.selection = None;
            return;
        }
        let cursor = self.selection.map_or(0, |s| s.cursor);
        let moved = match key {
            Key::ArrowLeft if modifiers.command || modifiers.alt => word_start_before(text, cursor),
            Key::ArrowRight if modifiers.command || modifiers.alt => {
                word_end_after(text, cursor, len)
            }
            Key::ArrowLeft => cursor.saturating_sub(1),
            Key::ArrowRight => (cursor + 1).min(len),
            Key::ArrowUp => self.vertical_move(view, cursor, true),
            Key::ArrowDown => self.vertical_move(view, cursor, false),
            Key::Home => view.paragraphs[view.paragraph_of_char(cursor)].chars.start,
            Key::End => view.paragraphs[view.paragraph_of_char(cursor)].chars.end,
            _ => return,
        };
        self.selection = Some(match (modifiers.shift, self.selection) {
            (true, Some(s)) => Selection { cursor: moved, ..s },
            _ => Selection {
                anchor: moved,
                cursor: moved,
            },
        });
        self.scroll_to_caret_if_hidden(view, moved);
    }

    /// The char one visual row up or down from `cursor`.
    fn vertical_move(&self, view: &ArticleView, cursor: usize, up: bool) -> usize {
        let index = view.paragraph_of_char(cursor);
        let paragraph = &view.paragraphs[index];
        let Some(cached) = view.galleys.get(&index) else {
            return if up {
                paragraph.chars.start
            } else {
                paragraph.chars.end
            };
        };
        let local = CCursor::new(cursor - paragraph.chars.start);
        let layout = cached.galley.layout_from_cursor(local);
        let last_row = cached.galley.rows.len().saturating_sub(1);
        if up && layout.row == 0 {
            return match index.checked_sub(1) {
                Some(prev) => view.paragraphs[prev].chars.end,
                None => 0,
            };
        }
        if !up && layout.row >= last_row {
            return view
                .paragraphs
                .get(index + 1)
                .map_or(paragraph.chars.end, |next| next.chars.start);
        }
        let x = cached.galley.pos_from_cursor(local).min.x;
        let row = if up { layout.row - 1 } else { layout.row + 1 };
        let y = cached.galley.rows[row].rect().center().y;
        let target = cached.galley.cursor_from_pos(vec2(x, y));
        paragraph.chars.start + target.index.0.min(paragraph.chars.len())
    }

    fn scroll_to_caret_if_hidden(&mut self, view: &ArticleView, pos: usize) {
        if self.caret_rect(view, pos).is_none() {
            self.scroll_to = Some(pos);
        }
    }

    /// The floating "Mark claim" button just below the end of the selection.
    fn mark_button(
        &self,
        ui: &mut Ui,
        view: &ArticleView,
        cx: &ReaderContext,
        intents: &mut Vec<ReaderIntent>,
        text: &egui::Response,
    ) {
        let content = text.rect;
        let Some((_, end)) = self.selection() else {
            return;
        };
        if text.is_pointer_button_down_on() {
            return;
        }
        let Some(caret) = self.caret_rect(view, end) else {
            return;
        };
        let font = egui::TextStyle::Button.resolve(ui.style());
        let text_width = ui
            .painter()
            .layout_no_wrap(cx.mark_label.to_owned(), font, Color32::WHITE)
            .size()
            .x;
        let size = vec2(text_width + 2.0 * ui.spacing().button_padding.x + 4.0, 26.0);
        let min = pos2(
            caret.max.x.min(content.max.x - size.x).max(content.min.x),
            caret.max.y + 2.0,
        );
        let button = egui::Button::new(cx.mark_label.to_owned())
            .fill(ui.visuals().selection.bg_fill)
            .corner_radius(CornerRadius::same(4));
        let response = ui.put(Rect::from_min_size(min, size), button);
        if response
            .on_hover_text("Mark the selection as a claim (Ctrl+M)")
            .clicked()
        {
            intents.push(ReaderIntent::MarkClaim);
        }
    }
}

fn view_article_text<'a>(cx: &'a ReaderContext, article: ArticleId) -> &'a str {
    cx.workspace
        .article(article)
        .map_or("", |a| a.text.as_str())
}

fn distance_y(rect: Rect, pos: Pos2) -> f32 {
    if pos.y < rect.min.y {
        rect.min.y - pos.y
    } else if pos.y > rect.max.y {
        pos.y - rect.max.y
    } else {
        0.0
    }
}

/// The claim a click at char `at` selects: the shortest claim there, or,
/// when the selected claim is there already, the next one (so repeated
/// clicks reach every nested or overlapping claim).
fn claim_to_select(view: &ArticleView, at: usize, selected: Option<ClaimId>) -> Option<ClaimId> {
    let here = claims_at(view, at);
    let current = here.iter().position(|s| Some(s.claim) == selected);
    let next = current.map_or(0, |i| (i + 1) % here.len().max(1));
    here.get(next).map(|s| s.claim)
}

/// The claims covering char `at`, shortest first.
fn claims_at(view: &ArticleView, at: usize) -> Vec<&Span> {
    let index = view.paragraph_of_char(at);
    let Some(paragraph) = view.paragraphs.get(index) else {
        return Vec::new();
    };
    let local = at.saturating_sub(paragraph.chars.start);
    let mut here: Vec<&Span> = view.spans[index]
        .iter()
        .filter(|s| s.start <= local && local < s.end)
        .collect();
    here.sort_by_key(|s| (s.len, s.claim_start));
    here.dedup_by_key(|s| s.claim);
    here
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
            let verdict = claim
                .verdict
                .as_deref()
                .and_then(|k| cx.workspace.scale.get(k))
                .map_or("Unrated", |v| v.label.as_str());
            ui.label(egui::RichText::new(verdict).strong());
            ui.label(&claim.statement);
        }
        if here.len() > 1 {
            ui.weak("Click to select the first; click again for the next.");
        }
    });
}

impl ArticleView {
    fn new(article: &Article) -> Self {
        let paragraphs = split_paragraphs(&article.text);
        let n = paragraphs.len();
        ArticleView {
            article: article.id,
            text_len: article.text.len(),
            paragraphs,
            heights: vec![0.0; n],
            measured: vec![false; n],
            tops: vec![0.0; n + 1],
            tops_stale: true,
            spans: vec![Vec::new(); n],
            spans_revision: None,
            galleys: HashMap::new(),
            key: None,
        }
    }

    /// Drops galleys and re-estimates heights when the layout parameters change.
    fn set_layout_key(&mut self, key: LayoutKey) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.galleys.clear();
        let row = key.text_size * LINE_HEIGHT;
        let gap = key.text_size * PARAGRAPH_GAP;
        let per_row = (key.width / key.text_size).max(1.0);
        for (i, p) in self.paragraphs.iter().enumerate() {
            self.heights[i] = if p.chars.is_empty() {
                row * 0.5
            } else {
                (p.ems / per_row).ceil().max(1.0) * row + gap
            };
            self.measured[i] = false;
        }
        self.tops_stale = true;
    }

    fn update_tops(&mut self) {
        if !self.tops_stale {
            return;
        }
        let mut y = 0.0;
        for (i, h) in self.heights.iter().enumerate() {
            self.tops[i] = y;
            y += h;
        }
        if let Some(last) = self.tops.last_mut() {
            *last = y;
        }
        self.tops_stale = false;
    }

    fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The paragraph whose box contains `y` (content coordinates).
    fn paragraph_at_y(&self, y: f32) -> usize {
        let n = self.paragraphs.len();
        self.tops[..n]
            .partition_point(|top| *top <= y)
            .saturating_sub(1)
    }

    fn paragraph_of_char(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.chars.end < pos)
            .min(self.paragraphs.len().saturating_sub(1))
    }

    /// Content y of a char (its paragraph's top, plus its row when laid out).
    fn y_of_char(&mut self, pos: usize) -> f32 {
        self.update_tops();
        if self.paragraphs.is_empty() {
            return 0.0;
        }
        let index = self.paragraph_of_char(pos);
        let top = self.tops[index];
        let within = self.galleys.get(&index).map_or(0.0, |cached| {
            let local = pos.saturating_sub(self.paragraphs[index].chars.start);
            cached.galley.pos_from_cursor(CCursor::new(local)).min.y
        });
        top + within
    }

    /// The galley of paragraph `index`, laid out now if not cached; keeps
    /// its highlight rectangles current.
    fn galley(
        &mut self,
        ui: &Ui,
        text: &str,
        index: usize,
        key: LayoutKey,
        frame: u64,
    ) -> Option<Arc<Galley>> {
        let paragraph = self.paragraphs.get(index)?;
        if paragraph.chars.is_empty() {
            return None;
        }
        let revision = self.spans_revision.unwrap_or(0);
        if !self.galleys.contains_key(&index) {
            let paragraph_text = text.get(paragraph.bytes.clone()).unwrap_or_default();
            let galley = ui
                .painter()
                .layout_job(paragraph_job(ui, paragraph_text, key));
            let gap = key.text_size * PARAGRAPH_GAP;
            let height = galley.size().y + gap;
            if (self.heights[index] - height).abs() > 0.01 {
                self.heights[index] = height;
                self.tops_stale = true;
            }
            self.measured[index] = true;
            self.galleys.insert(
                index,
                CachedParagraph {
                    galley,
                    rects: Vec::new(),
                    rects_revision: u64::MAX,
                    last_used: frame,
                },
            );
        }
        let spans = &self.spans[index];
        let cached = self.galleys.get_mut(&index)?;
        cached.last_used = frame;
        if cached.rects_revision != revision {
            cached.rects.clear();
            let mut rects = Vec::new();
            for (i, span) in spans.iter().enumerate() {
                rects.clear();
                range_rects(&cached.galley, span.start, span.end, &mut rects);
                cached.rects.extend(rects.iter().map(|r| (i, *r)));
            }
            cached.rects_revision = revision;
        }
        Some(cached.galley.clone())
    }

    /// Forgets galleys not drawn for a while (they are cheap to redo), and
    /// all but the ones in view once there are many (scrolling through a
    /// long article must not keep its whole layout in memory).
    fn prune(&mut self, frame: u64) {
        if self.galleys.len() > MAX_CACHED_PARAGRAPHS {
            self.galleys.retain(|_, cached| cached.last_used == frame);
        } else if frame.is_multiple_of(120) {
            self.galleys
                .retain(|_, cached| frame.saturating_sub(cached.last_used) < CACHE_FRAMES);
        }
    }
}

/// The layout job for one paragraph: its text in the reading font.
fn paragraph_job(ui: &Ui, text: &str, key: LayoutKey) -> LayoutJob {
    let format = TextFormat {
        font_id: FontId::proportional(key.text_size),
        color: reading_colour(ui.visuals()),
        line_height: Some(key.text_size * LINE_HEIGHT),
        valign: egui::Align::Center,
        ..Default::default()
    };
    let mut job = LayoutJob::single_section(text.to_owned(), format);
    job.wrap = TextWrapping::wrap_at_width(key.width);
    job
}

/// Splits a text at `\n` into paragraphs, with an em-width estimate each.
fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut char_start = 0;
    let mut byte_start = 0;
    let mut chars = 0;
    let mut ems = 0.0;
    for (byte, c) in text.char_indices() {
        if c == '\n' {
            paragraphs.push(Paragraph {
                chars: char_start..chars,
                bytes: byte_start..byte,
                ems,
            });
            char_start = chars + 1;
            byte_start = byte + 1;
            ems = 0.0;
        } else {
            ems += em_width(c);
        }
        chars += 1;
    }
    paragraphs.push(Paragraph {
        chars: char_start..chars,
        bytes: byte_start..text.len(),
        ems,
    });
    paragraphs
}

/// A rough width of a char in ems, for estimating unseen paragraph heights.
fn em_width(c: char) -> f32 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 't' | 'f' | 'r' | '.' | ',' | '\'' => 0.3,
        'A'..='Z' | 'm' | 'w' => 0.68,
        c if c.is_ascii() => 0.52,
        '\u{0400}'..='\u{04ff}' => 0.58,
        c if c >= '\u{2e80}' => 1.0,
        _ => 0.6,
    }
}

/// Where each claim of the article falls in each paragraph.
fn claim_spans(
    ws: &Workspace,
    article: &Article,
    paragraphs: &[Paragraph],
    problems: &HashSet<ClaimId>,
) -> Vec<Vec<Span>> {
    let len = paragraphs.last().map_or(0, |p| p.chars.end);
    let mut claims: Vec<&Claim> = ws
        .claims_in(article.id)
        .filter(|c| c.anchor.start < c.anchor.end && c.anchor.end <= len)
        .collect();
    claims.sort_by_key(|c| (c.anchor.start, std::cmp::Reverse(c.anchor.end)));
    let mut spans = vec![Vec::new(); paragraphs.len()];
    let mut lane_ends: Vec<usize> = Vec::new();
    for claim in claims {
        let (start, end) = (claim.anchor.start, claim.anchor.end);
        let lane = match lane_ends.iter().position(|e| *e <= start) {
            Some(lane) => {
                lane_ends[lane] = end;
                lane
            }
            None => {
                lane_ends.push(end);
                lane_ends.len() - 1
            }
        };
        let colour = claim
            .verdict
            .as_deref()
            .and_then(|key| ws.scale.get(key))
            .map(|v| Color32::from_rgb(v.colour.0, v.colour.1, v.colour.2));
        let first = paragraphs.partition_point(|p| p.chars.end <= start);
        for (index, p) in paragraphs.iter().enumerate().skip(first) {
            if p.chars.start >= end {
                break;
            }
            let from = start.max(p.chars.start) - p.chars.start;
            let to = end.min(p.chars.end) - p.chars.start;
            if from < to {
                spans[index].push(Span {
                    claim: claim.id,
                    start: from,
                    end: to,
                    lane: lane.min(MAX_LANES - 1),
                    colour,
                    problem: problems.contains(&claim.id),
                    len: end - start,
                    claim_start: start,
                });
            }
        }
    }
    spans
}

/// The rectangles covering chars `start..end` of a galley, one per row.
fn range_rects(galley: &Galley, start: usize, end: usize, out: &mut Vec<Rect>) {
    let mut row_start = 0;
    for placed in &galley.rows {
        let count =
            placed.row.char_count_excluding_newline().0 + usize::from(placed.ends_with_newline);
        let row_end = row_start + count;
        let from = start.max(row_start);
        let to = end.min(row_end);
        if from < to {
            let x0 = placed.row.x_offset(GlyphIndex(from - row_start));
            let x1 = placed.row.x_offset(GlyphIndex(to - row_start));
            let rect = placed.rect();
            out.push(Rect::from_min_max(
                pos2(placed.pos.x + x0, rect.min.y),
                pos2(placed.pos.x + x1.max(x0 + 2.0), rect.max.y),
            ));
        }
        row_start = row_end;
        if row_start >= end {
            break;
        }
    }
}

/// Article text: a little stronger than egui's body text, for long reading.
fn reading_colour(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(215)
    } else {
        Color32::from_gray(25)
    }
}

fn fill_colour(colour: Color32, dark: bool) -> Color32 {
    let alpha = if dark { 0.42 } else { 0.32 };
    colour.gamma_multiply(alpha)
}

fn dashed_line(painter: &egui::Painter, x0: f32, x1: f32, y: f32, stroke: Stroke) {
    let mut x = x0;
    while x < x1 {
        let end = (x + 4.0).min(x1);
        painter.hline(x..=end, y, stroke);
        x += 7.0;
    }
}

/// The article's title, outlet, author, dates and URL; true when its
/// "Details…" button was clicked.
fn article_header(ui: &mut Ui, article: &Article) -> bool {
    ui.add(egui::Label::new(egui::RichText::new(&article.title).heading().strong()).wrap());
    let mut facts: Vec<String> = Vec::new();
    if !article.outlet.is_empty() {
        facts.push(article.outlet.clone());
    }
    if !article.author.is_empty() {
        facts.push(format!("by {}", article.author));
    }
    if let Some(date) = article.published {
        facts.push(format!("published {date}"));
    }
    if let Some(date) = article.retrieved {
        facts.push(format!("retrieved {date}"));
    }
    if !article.language.is_empty() {
        facts.push(format!("language: {}", article.language));
    }
    let mut edit = false;
    ui.horizontal_wrapped(|ui| {
        if facts.is_empty() {
            ui.weak("No outlet, author or date recorded");
        } else {
            ui.label(facts.join("  ·  "));
        }
        if !article.url.is_empty() {
            ui.hyperlink_to(&article.url, &article.url);
        }
        edit = ui
            .small_button("Details…")
            .on_hover_text("Edit the title, outlet, author, URL and dates")
            .clicked();
    });
    edit
}

fn one_line(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.chars();
    let head: String = chars.by_ref().take(120).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Chars of one word: letters and digits, or a run of one CJK script.
fn word_class(c: char) -> u8 {
    if c.is_whitespace() {
        0
    } else if c >= '\u{2e80}' && c.is_alphanumeric() {
        2
    } else if c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' {
        1
    } else {
        3
    }
}

/// The word around char `at` (the chars of one class on both sides).
pub fn word_around(text: &str, at: usize) -> (usize, usize) {
    let index = CharIndex::new(text);
    let len = index.char_len();
    let at = at.min(len);
    let byte = index.byte_of(at).unwrap_or(text.len());
    let after = text[byte..].chars().next();
    let before = text[..byte].chars().next_back();
    let class = match (after, before) {
        (Some(c), _) if word_class(c) != 0 && word_class(c) != 3 => word_class(c),
        (_, Some(c)) if word_class(c) != 0 && word_class(c) != 3 => word_class(c),
        (Some(c), _) => return (at, (at + usize::from(c != '\n')).min(len)),
        _ => return (at, at),
    };
    let left = text[..byte]
        .chars()
        .rev()
        .take_while(|c| word_class(*c) == class)
        .count();
    let right = text[byte..]
        .chars()
        .take_while(|c| word_class(*c) == class)
        .count();
    (at - left, at + right)
}

fn word_start_before(text: &str, at: usize) -> usize {
    let index = CharIndex::new(text);
    let byte = index.byte_of(at).unwrap_or(text.len());
    let head = &text[..byte];
    let spaces = head
        .chars()
        .rev()
        .take_while(|c| word_class(*c) == 0)
        .count();
    let word = head
        .chars()
        .rev()
        .skip(spaces)
        .take_while(|c| word_class(*c) != 0)
        .count();
    at - spaces - word
}

fn word_end_after(text: &str, at: usize, len: usize) -> usize {
    let index = CharIndex::new(text);
    let byte = index.byte_of(at).unwrap_or(text.len());
    let tail = &text[byte..];
    let spaces = tail.chars().take_while(|c| word_class(*c) == 0).count();
    let word = tail
        .chars()
        .skip(spaces)
        .take_while(|c| word_class(*c) != 0)
        .count();
    (at + spaces + word).min(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_cover_the_text_in_chars_and_bytes() {
        let text = "Первый абзац.\n\n第二段。\nlast";
        let paragraphs = split_paragraphs(text);
        assert_eq!(paragraphs.len(), 4);
        for p in &paragraphs {
            let by_bytes = &text[p.bytes.clone()];
            let by_chars: String = text
                .chars()
                .skip(p.chars.start)
                .take(p.chars.len())
                .collect();
            assert_eq!(by_bytes, by_chars);
        }
        assert_eq!(paragraphs[1].chars.len(), 0);
        assert_eq!(paragraphs[3].chars.end, text.chars().count());
    }

    #[test]
    fn words_are_found_around_a_char_in_any_script() {
        let text = "Zelenskyy accused China; Путин ответил.";
        assert_eq!(word_around(text, 3), (0, 9));
        let start = text.chars().position(|c| c == 'П').unwrap();
        assert_eq!(word_around(text, start + 2), (start, start + 5));
        assert_eq!(word_around("", 5), (0, 0));
        let cjk = "中国外交部 表示";
        assert_eq!(word_around(cjk, 1), (0, 5));
    }

    #[test]
    fn word_steps_skip_spaces() {
        let text = "one two  three";
        assert_eq!(word_end_after(text, 0, 14), 3);
        assert_eq!(word_end_after(text, 3, 14), 7);
        assert_eq!(word_start_before(text, 14), 9);
        assert_eq!(word_start_before(text, 9), 4);
        assert_eq!(word_start_before(text, 0), 0);
    }
}
