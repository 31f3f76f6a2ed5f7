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
use egui::epaint::text::{Galley, LayoutJob, TextFormat};
use egui::text::{CCursor, CCursorRange};
use egui::{Id, Response, Sense, Ui, Vec2, vec2};
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

/// The inner margin of a text field (egui's `TextEdit` default).
const FIELD_MARGIN: Vec2 = vec2(4.0, 2.0);

/// A text of one or more paragraphs, each laid out by the reader's
/// paragraph layout, stacked.
struct LaidOutText {
    /// Each paragraph's layout, its top and its first char.
    paragraphs: Vec<(ParagraphLayout, f32, usize)>,
    size: Vec2,
}

/// Texts laid out lately, by what they were laid out from, so that a
/// label or field shown frame after frame goes through the bidi step and
/// shaping once, not every frame (the inspector of a right-to-left claim
/// holds several). Kept to [`LAYOUT_CACHE_ENTRIES`]; entries unused since
/// the last frame go first.
#[derive(Default)]
struct LayoutCache {
    entries: HashMap<u64, (Arc<LaidOutText>, u64)>,
}

const LAYOUT_CACHE_ENTRIES: usize = 256;

impl LaidOutText {
    /// [`LaidOutText::new`], or the same layout made in an earlier frame.
    fn cached(ui: &Ui, text: &str, format: &TextFormat, width: f32) -> Arc<LaidOutText> {
        let key = layout_key(ui, text, format, width);
        let frame = ui.ctx().cumulative_pass_nr();
        let cache = ui.data_mut(|d| {
            d.get_temp_mut_or_default::<Arc<Mutex<LayoutCache>>>(Id::unique("bidi-layout-cache"))
                .clone()
        });
        let Ok(mut cache) = cache.lock() else {
            return Arc::new(LaidOutText::new(ui, text, format, width));
        };
        if let Some((laid, used)) = cache.entries.get_mut(&key) {
            *used = frame;
            return laid.clone();
        }
        if cache.entries.len() >= LAYOUT_CACHE_ENTRIES {
            cache.entries.retain(|_, (_, used)| *used + 1 >= frame);
            if cache.entries.len() >= LAYOUT_CACHE_ENTRIES {
                cache.entries.clear();
            }
        }
        let laid = Arc::new(LaidOutText::new(ui, text, format, width));
        cache.entries.insert(key, (laid.clone(), frame));
        laid
    }

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

impl LaidOutText {
    /// The caret before char `at`, relative to the text's top left.
    fn caret_rect(&self, at: usize) -> egui::Rect {
        let index = self
            .paragraphs
            .iter()
            .rposition(|(_, _, first)| *first <= at)
            .unwrap_or(0);
        self.paragraphs
            .get(index)
            .map_or(egui::Rect::NOTHING, |(layout, top, first)| {
                layout
                    .caret_rect(at - first, true)
                    .translate(vec2(0.0, *top))
            })
    }

    /// The rectangles covering chars `range`, relative to the text's top
    /// left.
    fn range_rects(&self, range: std::ops::Range<usize>) -> Vec<egui::Rect> {
        let mut rects = Vec::new();
        for (layout, top, first) in &self.paragraphs {
            let len = layout.row_chars().last().map_or(0, |r| r.end);
            let (start, end) = (range.start.max(*first), range.end.min(first + len));
            if start >= end {
                continue;
            }
            let before = rects.len();
            layout.range_rects(start - first, end - first, &mut rects);
            for r in &mut rects[before..] {
                *r = r.translate(vec2(0.0, *top));
            }
        }
        rects
    }

    /// One galley of every paragraph, as drawn, whose rows hold one glyph
    /// per char in logical order, each at the x of the caret before its
    /// char (and, between paragraphs, a row end that stands for the
    /// newline), so that egui's `TextEdit` answers every cursor question
    /// in logical chars: where to insert, what Backspace takes, where a
    /// row starts and ends. What is painted is the laid-out rows' meshes.
    fn editing_galley(&self, text: &str, format: &TextFormat) -> Arc<Galley> {
        let chars: Vec<char> = text.chars().collect();
        let mut galley = (*self.paragraphs[0].0.galley).clone();
        galley.rows.clear();
        let (mut vertices, mut indices) = (0, 0);
        let mut mesh_bounds = egui::Rect::NOTHING;
        let last = self.paragraphs.len() - 1;
        for (p, (layout, top, first)) in self.paragraphs.iter().enumerate() {
            let ranges = layout.row_chars();
            for (r, placed) in layout.galley.rows.iter().enumerate() {
                let Some(range) = ranges.get(r) else {
                    break;
                };
                let mut placed = placed.clone();
                placed.pos.y += top;
                placed.ends_with_newline = p < last && r + 1 == ranges.len();
                logical_glyphs(&mut placed, layout, range, &chars[*first..]);
                vertices += placed.row.visuals.mesh.vertices.len();
                indices += placed.row.visuals.mesh.indices.len();
                let bounds = placed.row.visuals.mesh_bounds;
                mesh_bounds = mesh_bounds.union(bounds.translate(placed.pos.to_vec2()));
                galley.rows.push(placed);
            }
        }
        galley.job = Arc::new(LayoutJob::simple_format(text.to_owned(), format.clone()));
        galley.rect = egui::Rect::from_min_size(egui::Pos2::ZERO, self.size);
        galley.mesh_bounds = mesh_bounds;
        galley.num_vertices = vertices;
        galley.num_indices = indices;
        Arc::new(galley)
    }
}

/// The glyphs of one laid-out row replaced by one per char of `range`
/// (offsets in the paragraph `chars`), in logical order, at their carets;
/// none of them owns vertices, so selecting recolours nothing.
fn logical_glyphs(
    placed: &mut egui::epaint::text::PlacedRow,
    layout: &ParagraphLayout,
    range: &std::ops::Range<usize>,
    chars: &[char],
) {
    let row = Arc::make_mut(&mut placed.row);
    let Some(&template) = row.glyphs.first() else {
        return;
    };
    let no_vertices = row.visuals.glyph_vertex_range.end as u32;
    let left = placed.pos.x;
    row.glyphs = range
        .clone()
        .map(|at| {
            let mut glyph = template;
            glyph.chr = chars.get(at).copied().unwrap_or(' ');
            let x = layout.caret_rect(at, true).min.x - left;
            let next = layout.caret_rect(at + 1, false).min.x - left;
            glyph.pos.x = x;
            glyph.advance_width = (next - x).abs();
            glyph.uv_rect = Default::default();
            glyph.first_vertex = no_vertices;
            glyph
        })
        .collect();
}

/// The body text's format in `colour`.
/// What a layout depends on: the text, the width, the font and colour,
/// and the screen's scale.
fn layout_key(ui: &Ui, text: &str, format: &TextFormat, width: f32) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    width.to_bits().hash(&mut hasher);
    format.font_id.hash(&mut hasher);
    format.color.hash(&mut hasher);
    ui.ctx().pixels_per_point().to_bits().hash(&mut hasher);
    hasher.finish()
}

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
    let laid = LaidOutText::cached(ui, text, &body_format(ui, colour), width);
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
    let laid = LaidOutText::cached(ui, text, &body_format(ui, colour), width);
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
    if !has_rtl(text) {
        return ui.add(text_edit(text, id, rows, hint));
    }
    if !editing {
        return laid_out_field(ui, id, text, rows);
    }
    editing_field(ui, id, text, rows, hint)
}

/// egui's text field on `id`, full width, `rows` lines high (one when
/// `None`).
fn text_edit<'t>(
    text: &'t mut String,
    id: Id,
    rows: Option<usize>,
    hint: &str,
) -> egui::TextEdit<'t> {
    let editor = match rows {
        Some(rows) => egui::TextEdit::multiline(text).desired_rows(rows),
        None => egui::TextEdit::singleline(text),
    };
    editor.id(id).hint_text(hint).desired_width(f32::INFINITY)
}

/// A field with right-to-left text being typed in: egui's `TextEdit`
/// over the [`LaidOutText::editing_galley`], its own caret and selection
/// hidden and drawn from the laid-out text instead, the pointer's place
/// read from it too; in a right-to-left paragraph Left and Right are
/// swapped, so that Left goes forward (leftwards) as in the reader.
fn editing_field(
    ui: &mut Ui,
    id: Id,
    text: &mut String,
    rows: Option<usize>,
    hint: &str,
) -> Response {
    let colour = ui.visuals().text_color();
    let format = body_format(ui, colour);
    let inner_width = (ui.available_width() - 2.0 * FIELD_MARGIN.x).max(10.0);
    if is_rtl_paragraph(text) {
        swap_left_and_right(ui);
    }
    let mut laid: Option<Arc<LaidOutText>> = None;
    let mut layouter = |ui: &Ui, buffer: &dyn egui::TextBuffer, wrap_width: f32| {
        let width = if wrap_width.is_finite() {
            wrap_width
        } else {
            inner_width
        };
        let shown = LaidOutText::cached(ui, buffer.as_str(), &format, width);
        let galley = shown.editing_galley(buffer.as_str(), &format);
        laid = Some(shown);
        galley
    };
    let behind = ui.painter().add(egui::Shape::Noop);
    let caret_stroke = ui.visuals().text_cursor.stroke;
    let selection = ui.visuals().selection.bg_fill;
    let mut output = ui
        .scope(|ui| {
            let visuals = ui.visuals_mut();
            visuals.text_cursor.stroke.color = egui::Color32::TRANSPARENT;
            visuals.selection.bg_fill = egui::Color32::TRANSPARENT;
            text_edit(text, id, rows, hint)
                .layouter(&mut layouter)
                .show(ui)
        })
        .inner;
    let Some(laid) = laid else {
        return output.response.response;
    };
    let origin = output.galley_pos.to_vec2();
    if let Some(range) = pointer_selection(ui, &output, &laid) {
        output.state.cursor.set_char_range(Some(range));
        output.state.clone().store(ui.ctx(), id);
    }
    if let Some(range) = output.state.cursor.char_range() {
        let [start, end] = range.sorted_cursors();
        let rects: Vec<egui::Shape> = laid
            .range_rects(start.index.0..end.index.0)
            .into_iter()
            .map(|r| egui::Shape::rect_filled(r.translate(origin), 0.0, selection))
            .collect();
        ui.painter().set(behind, egui::Shape::Vec(rects));
        if output.response.response.has_focus() {
            let caret = laid.caret_rect(range.primary.index.0).translate(origin);
            ui.painter()
                .with_clip_rect(output.text_clip_rect)
                .line_segment([caret.center_top(), caret.center_bottom()], caret_stroke);
        }
    }
    output.response.response
}

/// In a right-to-left paragraph, Left moves forward and Right back: the
/// arrow keys are swapped before egui's `TextEdit` (which moves by
/// logical chars) sees them.
fn swap_left_and_right(ui: &Ui) {
    ui.input_mut(|input| {
        for event in &mut input.events {
            if let egui::Event::Key { key, .. } = event {
                *key = match *key {
                    egui::Key::ArrowLeft => egui::Key::ArrowRight,
                    egui::Key::ArrowRight => egui::Key::ArrowLeft,
                    other => other,
                };
            }
        }
    });
}

/// The selection a press, drag or double click on the field makes, read
/// from the laid-out text (egui's own reading of the pointer walks the
/// glyphs from left to right, which a right-to-left row is not).
fn pointer_selection(
    ui: &Ui,
    output: &egui::text_edit::TextEditOutput,
    laid: &LaidOutText,
) -> Option<CCursorRange> {
    let response = &output.response.response;
    let pointer = response.interact_pointer_pos()?;
    let at = laid.char_at(pointer - output.galley_pos);
    let anchor_id = response.id.with("bidi-anchor");
    let pressed = ui.input(|i| i.pointer.any_pressed());
    if response.double_clicked() {
        let index = crate::anchor::CharIndex::new(output.galley.text());
        let (start, end) = crate::text::word_around(&index, at);
        return Some(CCursorRange::two(CCursor::new(start), CCursor::new(end)));
    }
    if pressed {
        let shift = ui.input(|i| i.modifiers.shift);
        let kept = output.state.cursor.char_range().map(|r| r.secondary);
        let anchor = match (shift, kept) {
            (true, Some(kept)) => kept.index.0,
            _ => at,
        };
        ui.data_mut(|d| d.insert_temp(anchor_id, anchor));
        return Some(CCursorRange::two(CCursor::new(anchor), CCursor::new(at)));
    }
    if response.dragged() {
        let anchor = ui.data(|d| d.get_temp::<usize>(anchor_id)).unwrap_or(at);
        return Some(CCursorRange::two(CCursor::new(anchor), CCursor::new(at)));
    }
    None
}

/// A field's text laid out right to left, framed as egui frames a text
/// field, with the accessible role and value of one.
fn laid_out_field(ui: &mut Ui, id: Id, text: &str, rows: Option<usize>) -> Response {
    let colour = ui.visuals().text_color();
    let format = body_format(ui, colour);
    let row_height = ui.fonts_mut(|f| f.row_height(&format.font_id));
    let width = ui.available_width();
    let inner_width = (width - 2.0 * FIELD_MARGIN.x).max(10.0);
    let laid = LaidOutText::cached(ui, text, &format, inner_width);
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
