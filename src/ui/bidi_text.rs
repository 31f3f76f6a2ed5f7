//! Right-to-left text outside the article — statements, claimants,
//! rationales, notes, source titles, verdict names — drawn as the reader
//! draws its paragraphs (`panels::reader::paragraph_layout`: the bidi
//! step, Arabic joining forms, rows right-aligned), with accessible names
//! and values in logical order. Text with no right-to-left character goes
//! to egui's own widgets, unchanged.
//!
//! Text fields: egui's `TextEdit` has no bidi step, and its cursor maps
//! one glyph to one char in logical order, which a visually ordered galley
//! cannot give. So a field holding right-to-left text is drawn laid out
//! (rows right-aligned, visual order, joined letters) while it does not
//! have the keyboard; a click on it gives the keyboard to egui's own
//! `TextEdit` on the same id, its caret at the char clicked. While it has
//! the keyboard the field is egui's: typing, selection, undo and the text
//! stored are exact (logical order), but the words are drawn as egui lays
//! them out (see `docs/rtl.md`).

use crate::text::{has_rtl, is_rtl_paragraph};
use crate::ui::panels::reader::paragraph_layout::{ParagraphLayout, lay_out};
use egui::epaint::text::TextFormat;
use egui::text::{CCursor, CCursorRange};
use egui::{Id, Response, Sense, Ui, Vec2, vec2};

/// The inner margin of a text field (egui's `TextEdit` default).
const FIELD_MARGIN: Vec2 = vec2(4.0, 2.0);

/// A text of one or more paragraphs, each laid out by the reader's
/// paragraph layout, stacked.
struct LaidOutText {
    /// Each paragraph's layout, its top and its first char.
    paragraphs: Vec<(ParagraphLayout, f32, usize)>,
    size: Vec2,
}

impl LaidOutText {
    fn new(ui: &Ui, text: &str, format: &TextFormat, width: f32) -> Self {
        let mut paragraphs = Vec::new();
        let (mut top, mut first) = (0.0, 0);
        let mut widest: f32 = 0.0;
        for line in text.split('\n') {
            let layout = lay_out(ui, line, format.clone(), width);
            let size = layout.size();
            widest = widest.max(size.x);
            paragraphs.push((layout, top, first));
            top += size.y;
            first += line.chars().count() + 1;
        }
        LaidOutText {
            paragraphs,
            size: vec2(widest.max(width), top),
        }
    }

    fn paint(&self, painter: &egui::Painter, at: egui::Pos2, colour: egui::Color32) {
        for (layout, top, _) in &self.paragraphs {
            painter.galley(at + vec2(0.0, *top), layout.galley.clone(), colour);
        }
    }

    /// The logical char offset nearest to `local` (relative to the text's
    /// top left).
    fn char_at(&self, local: Vec2) -> usize {
        let index = self
            .paragraphs
            .iter()
            .rposition(|(_, top, _)| *top <= local.y)
            .unwrap_or(0);
        self.paragraphs
            .get(index)
            .map_or(0, |(layout, top, first)| {
                first + layout.char_at(local - vec2(0.0, *top))
            })
    }
}

/// The body text's format in `colour`.
fn body_format(ui: &Ui, colour: egui::Color32) -> TextFormat {
    TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: colour,
        ..Default::default()
    }
}

/// A wrapped label: egui's own for left-to-right text; for text with
/// right-to-left characters, each paragraph laid out by the bidi step
/// (a right-to-left one right-aligned), named as written.
pub(crate) fn label(ui: &mut Ui, text: &str) -> Response {
    if !has_rtl(text) {
        return ui.add(egui::Label::new(text).wrap());
    }
    let colour = ui.visuals().text_color();
    let width = ui.available_width();
    let laid = LaidOutText::new(ui, text, &body_format(ui, colour), width);
    let (rect, response) = ui.allocate_exact_size(vec2(width, laid.size.y), Sense::hover());
    laid.paint(ui.painter(), rect.min, colour);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// A wrapped label with the chars of each of `highlights` on a coloured
/// `ground` (a quote in its context, the changed words of a sentence),
/// laid out by the bidi step; named as written.
pub(crate) fn highlighted_label(
    ui: &mut Ui,
    text: &str,
    highlights: &[std::ops::Range<usize>],
    ground: egui::Color32,
) -> Response {
    let colour = ui.visuals().text_color();
    let width = ui.available_width();
    let laid = LaidOutText::new(ui, text, &body_format(ui, colour), width);
    let (rect, response) = ui.allocate_exact_size(vec2(width, laid.size.y), Sense::hover());
    let mut rects = Vec::new();
    for (layout, top, first) in &laid.paragraphs {
        for highlight in highlights {
            let start = highlight.start.saturating_sub(*first);
            let end = highlight.end.saturating_sub(*first);
            let before = rects.len();
            layout.range_rects(start, end, &mut rects);
            for r in &mut rects[before..] {
                *r = r.translate(rect.min.to_vec2() + vec2(0.0, *top));
            }
        }
    }
    for r in rects {
        ui.painter().rect_filled(r, 0.0, ground);
    }
    laid.paint(ui.painter(), rect.min, colour);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// `text` for a one-line widget egui draws (a link, a button, a list
/// entry): in display order when it holds right-to-left characters (see
/// [`crate::text::display_order`]; isolates from [`isolate`] obeyed and
/// not drawn), as it is otherwise. The widget's accessible name must then
/// be set to [`logical`] of it ([`name_as_written`]).
pub(crate) fn one_line(text: &str) -> String {
    crate::text::display_order(text).into_owned()
}

/// User text to put in a line of the window's own words: between a
/// first-strong isolate and its end (U+2068, U+2069) when it has
/// right-to-left characters, so that the words around keep their order,
/// as `<bdi>` does in the report.
pub(crate) fn isolate(user: &str) -> std::borrow::Cow<'_, str> {
    if has_rtl(user) {
        format!("\u{2068}{user}\u{2069}").into()
    } else {
        user.into()
    }
}

/// A line as written, without the isolates [`isolate`] put in.
pub(crate) fn logical(line: &str) -> String {
    line.chars()
        .filter(|c| !crate::text::is_bidi_control(*c))
        .collect()
}

/// A label for a line mixing the window's words and [`isolate`]d user
/// text, `dress`ed (strong, weak…): drawn in display order, named as
/// written.
pub(crate) fn line_label(
    ui: &mut Ui,
    line: &str,
    dress: impl FnOnce(egui::RichText) -> egui::RichText,
) -> Response {
    if !has_rtl(line) {
        return ui.label(dress(egui::RichText::new(line)));
    }
    let response = ui.label(dress(egui::RichText::new(one_line(line))));
    name_as_written(ui, &response, &logical(line));
    response
}

/// Names the widget of `response` with `written`, the logical text of
/// what it shows in display order: its label, and its value when it has
/// one (egui gives a label's node its shown text as value).
pub(crate) fn name_as_written(ui: &Ui, response: &Response, written: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_label(written);
        if node.value().is_some() {
            node.set_value(written);
        }
    });
}

/// Whether a one-line text should be drawn from the right edge: its first
/// strong character is right to left.
pub(crate) fn starts_right_to_left(text: &str) -> bool {
    is_rtl_paragraph(text)
}

/// A text field on `id`, full width, `rows` lines high (one line when
/// `None`): egui's `TextEdit` while it has the keyboard or while `text`
/// has no right-to-left character; otherwise `text` laid out by the bidi
/// step, which a click (or the keyboard focus) turns into the `TextEdit`.
pub(crate) fn text_field(
    ui: &mut Ui,
    id: Id,
    text: &mut String,
    rows: Option<usize>,
    hint: &str,
) -> Response {
    let editing = ui.memory(|m| m.has_focus(id));
    if editing || !has_rtl(text) {
        let editor = match rows {
            Some(rows) => egui::TextEdit::multiline(text).desired_rows(rows),
            None => egui::TextEdit::singleline(text),
        };
        return ui.add(editor.id(id).hint_text(hint).desired_width(f32::INFINITY));
    }
    laid_out_field(ui, id, text, rows)
}

/// A field's text laid out right to left, framed as egui frames a text
/// field, with the accessible role and value of one.
fn laid_out_field(ui: &mut Ui, id: Id, text: &str, rows: Option<usize>) -> Response {
    let colour = ui.visuals().text_color();
    let format = body_format(ui, colour);
    let row_height = ui.fonts_mut(|f| f.row_height(&format.font_id));
    let width = ui.available_width();
    let inner_width = (width - 2.0 * FIELD_MARGIN.x).max(10.0);
    let laid = LaidOutText::new(ui, text, &format, inner_width);
    let text_height = match rows {
        Some(rows) => laid.size.y.max(rows as f32 * row_height),
        None => row_height,
    };
    let size = vec2(width, text_height + 2.0 * FIELD_MARGIN.y);
    let (_, rect) = ui.allocate_space(size);
    let response = ui.interact(rect, id, Sense::click());
    let role = if rows.is_some() {
        egui::Role::MultilineTextInput
    } else {
        egui::Role::TextInput
    };
    response.widget_info(|| egui::WidgetInfo::text_edit(ui.is_enabled(), text, text, ""));
    ui.ctx()
        .accesskit_node_builder(id, |node| node.set_role(role));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        ui.painter().rect(
            rect,
            visuals.corner_radius,
            ui.visuals().text_edit_bg_color(),
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
        let inner = rect.shrink2(FIELD_MARGIN);
        let painter = ui.painter().with_clip_rect(inner.intersect(ui.clip_rect()));
        laid.paint(&painter, inner.min, colour);
    }
    if response.clicked() {
        let caret = response
            .interact_pointer_pos()
            .map(|pos| laid.char_at(pos - rect.min - FIELD_MARGIN));
        place_caret(ui, id, caret);
        response.request_focus();
    }
    response.on_hover_cursor(egui::CursorIcon::Text)
}

/// Puts the caret of the `TextEdit` on `id` before char `caret` (at the
/// end when `None`, as egui does).
fn place_caret(ui: &Ui, id: Id, caret: Option<usize>) {
    let Some(caret) = caret else {
        return;
    };
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(CCursorRange::one(CCursor::new(caret))));
    state.store(ui.ctx(), id);
}
