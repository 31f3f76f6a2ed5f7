//! One paragraph laid out, and every question the reader asks of it in
//! logical char offsets: where the caret before a char is drawn, which
//! char a point is on, the rows, the rectangles covering a range of chars.
//!
//! A paragraph with no right-to-left character is one egui galley, asked
//! directly, as before. One with some (see `docs/rtl.md`) goes through
//! [`crate::text::BidiParagraph`]: its units are laid out in logical order
//! with egui's wrapping only to find where lines break, then each line's
//! units are laid out again in visual order, one egui section per unit (so
//! egui's shaper never reverses anything itself: a right-to-left unit is a
//! single cluster), lines of a right-to-left paragraph moved to the right
//! edge. What each unit covers on screen is read back from the glyphs, so
//! hit-testing, highlights and carets map to logical offsets exactly.

use crate::text::{
    BidiParagraph, CaretBox, Unit, caret_boundary, caret_boxes, caret_stops, has_rtl,
};
use egui::epaint::text::{
    ByteIndex, CharIndex as GlyphIndex, Galley, LayoutJob, LayoutSection, TextFormat, TextWrapping,
};
use egui::text::CCursor;
use egui::{Rect, Ui, Vec2, pos2};
use std::ops::Range;
use std::sync::Arc;

/// A laid-out paragraph.
pub(crate) struct ParagraphLayout {
    /// What is painted.
    pub galley: Arc<Galley>,
    /// The logical↔visual maps of a paragraph drawn through the bidi step.
    bidi: Option<BidiRows>,
}

/// The rows of a paragraph drawn in visual order.
struct BidiRows {
    rtl: bool,
    rows: Vec<BidiRow>,
}

/// One row: the paragraph's chars on it, its caret boxes from left to
/// right, their boundaries on screen and the row's vertical extent.
struct BidiRow {
    logical: Range<usize>,
    boxes: Vec<CaretBox>,
    /// `boxes.len() + 1` x positions (galley coordinates).
    xs: Vec<f32>,
    top: f32,
    bottom: f32,
}

impl BidiRow {
    fn y_centre(&self) -> f32 {
        (self.top + self.bottom) / 2.0
    }
}

/// Lays out a paragraph's text at `width` in `format`.
pub(crate) fn lay_out(ui: &Ui, text: &str, format: TextFormat, width: f32) -> ParagraphLayout {
    if !has_rtl(text) {
        let mut job = LayoutJob::single_section(text.to_owned(), format);
        job.wrap = TextWrapping::wrap_at_width(width);
        return ParagraphLayout {
            galley: ui.painter().layout_job(job),
            bidi: None,
        };
    }
    let paragraph = BidiParagraph::new(text);
    let len = text.chars().count();
    let lines = line_breaks(ui, &paragraph, &format, width, len);
    let mut job = LayoutJob::default();
    let mut visual: Vec<Vec<Unit>> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            push_section(&mut job, "\n", &format);
        }
        let units = paragraph.line(line.clone());
        for unit in &units {
            push_section(&mut job, &unit.display, &format);
        }
        visual.push(units);
    }
    let galley = ui.painter().layout_job(job);
    let ppp = ui.ctx().pixels_per_point();
    place(galley, &lines, &visual, paragraph.rtl, width, ppp)
}

/// `text` as a section of its own (`LayoutJob::append` would merge it with
/// the one before: egui shapes a section as one run, and would then run a
/// right-to-left word right to left again).
fn push_section(job: &mut LayoutJob, text: &str, format: &TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(LayoutSection {
        leading_space: 0.0,
        byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
        format: format.clone(),
    });
}

/// Where the lines of a paragraph break at `width`: its units laid out in
/// logical order and wrapped by egui (each unit measured as it is drawn).
fn line_breaks(
    ui: &Ui,
    paragraph: &BidiParagraph,
    format: &TextFormat,
    width: f32,
    len: usize,
) -> Vec<Range<usize>> {
    let mut job = LayoutJob::default();
    // The logical offset each glyph stands at (a unit's glyphs all at its
    // start, but for a run's, one per char).
    let mut offsets = Vec::new();
    for unit in &paragraph.units {
        push_section(&mut job, &unit.display, format);
        let n = unit.display.chars().count();
        if unit.run {
            offsets.extend(unit.logical.start..unit.logical.start + n);
        } else {
            offsets.extend(std::iter::repeat_n(unit.logical.start, n));
        }
    }
    job.wrap = TextWrapping::wrap_at_width(width);
    let galley = ui.painter().layout_job(job);
    let mut starts = vec![0];
    let mut glyphs = 0;
    for placed in galley.rows.iter().take(galley.rows.len().saturating_sub(1)) {
        glyphs += placed.row.glyphs.len();
        let start = offsets.get(glyphs).copied().unwrap_or(len);
        if start > *starts.last().unwrap_or(&0) && start < len {
            starts.push(start);
        }
    }
    let mut lines: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    lines.push(*starts.last().unwrap_or(&0)..len);
    lines
}

/// The visual galley placed (rows of a right-to-left paragraph moved to
/// the right edge) and its boxes read from the glyphs.
fn place(
    galley: Arc<Galley>,
    lines: &[Range<usize>],
    visual: &[Vec<Unit>],
    rtl: bool,
    width: f32,
    ppp: f32,
) -> ParagraphLayout {
    let mut galley = Arc::unwrap_or_clone(galley);
    let mut rows = Vec::with_capacity(lines.len());
    let mut mesh_bounds = Rect::NOTHING;
    for (i, placed) in galley.rows.iter_mut().enumerate() {
        let (Some(line), Some(units)) = (lines.get(i), visual.get(i)) else {
            break;
        };
        if rtl {
            let shift = ((width - placed.row.size.x).max(0.0) * ppp).round() / ppp;
            placed.pos.x += shift;
        }
        mesh_bounds = mesh_bounds.union(
            placed
                .row
                .visuals
                .mesh_bounds
                .translate(placed.pos.to_vec2()),
        );
        let rect = placed.rect();
        let boxes = caret_boxes(units);
        let xs = box_edges(&placed.row.glyphs, units, placed.pos.x, rect.width());
        rows.push(BidiRow {
            logical: line.clone(),
            boxes,
            xs,
            top: rect.min.y,
            bottom: rect.max.y,
        });
    }
    if rtl {
        galley.rect.min.x = 0.0;
        galley.rect.max.x = galley.rect.max.x.max(width);
    }
    galley.mesh_bounds = mesh_bounds;
    ParagraphLayout {
        galley: Arc::new(galley),
        bidi: Some(BidiRows { rtl, rows }),
    }
}

/// The x of each caret box's left edge and of the last one's right edge,
/// from the row's glyphs (one section per unit, a glyph per drawn char;
/// when the shaper gave a different count, the row's width is shared out
/// by chars instead).
fn box_edges(glyphs: &[egui::epaint::text::Glyph], units: &[Unit], x: f32, width: f32) -> Vec<f32> {
    let counts: Vec<usize> = units.iter().map(|u| u.display.chars().count()).collect();
    let total: usize = counts.iter().sum();
    let mut xs = Vec::new();
    if total != glyphs.len() || total == 0 {
        let step = width / total.max(1) as f32;
        let mut at = 0;
        for (unit, n) in units.iter().zip(&counts) {
            if unit.run {
                xs.extend((0..*n).map(|k| x + (at + k) as f32 * step));
            } else {
                xs.push(x + at as f32 * step);
            }
            at += n;
        }
        xs.push(x + width);
        return xs;
    }
    let mut g = 0;
    let mut right = x;
    for (unit, n) in units.iter().zip(&counts) {
        let own = &glyphs[g..g + n];
        g += n;
        if unit.run {
            xs.extend(own.iter().map(|glyph| x + glyph.pos.x));
        } else {
            let left = own
                .iter()
                .map(|glyph| glyph.pos.x)
                .fold(f32::INFINITY, f32::min);
            xs.push(x + left);
        }
        right = own
            .iter()
            .map(|glyph| x + glyph.pos.x + glyph.advance_width)
            .fold(right, f32::max);
    }
    xs.push(right);
    xs
}

impl ParagraphLayout {
    pub fn size(&self) -> Vec2 {
        self.galley.size()
    }

    /// Whether the paragraph was drawn through the bidi step, and whether
    /// it runs right to left as a whole.
    pub fn direction(&self) -> Option<bool> {
        self.bidi.as_ref().map(|b| b.rtl)
    }

    fn bidi_row(&self, local: usize) -> Option<(usize, &BidiRow)> {
        let bidi = self.bidi.as_ref()?;
        let index = bidi
            .rows
            .iter()
            .position(|r| local < r.logical.end)
            .unwrap_or(bidi.rows.len().saturating_sub(1));
        bidi.rows.get(index).map(|row| (index, row))
    }

    /// The caret before char `local`, as a zero-width rect the row's
    /// height (at a soft line wrap, on the next row when `next_row`).
    pub fn caret_rect(&self, local: usize, next_row: bool) -> Rect {
        let Some((_, row)) = self.bidi_row(local) else {
            let cursor = CCursor {
                prefer_next_row: next_row,
                ..CCursor::new(local)
            };
            return self.galley.pos_from_cursor(cursor);
        };
        let at = local.clamp(row.logical.start, row.logical.end);
        let boundary = caret_boundary(&row.boxes, at).or_else(|| {
            // Inside a ligature: at the edge of the box holding it.
            let i = row.boxes.iter().position(|b| b.logical.contains(&at))?;
            Some(if row.boxes[i].rtl { i + 1 } else { i })
        });
        let x = boundary.and_then(|b| row.xs.get(b)).copied().unwrap_or(0.0);
        Rect::from_min_max(pos2(x, row.top), pos2(x, row.bottom))
    }

    /// The char offset nearest to `pos` (galley coordinates).
    pub fn char_at(&self, pos: Vec2) -> usize {
        let Some(bidi) = &self.bidi else {
            return self.galley.cursor_from_pos(pos).index.0;
        };
        let Some(row) = bidi
            .rows
            .iter()
            .find(|r| pos.y < r.bottom)
            .or(bidi.rows.last())
        else {
            return 0;
        };
        let (Some(first), Some(last)) = (row.boxes.first(), row.boxes.last()) else {
            return row.logical.start;
        };
        let n = row.boxes.len();
        if pos.x < row.xs[0] {
            return first.edges().0;
        }
        if pos.x >= row.xs[n] {
            return last.edges().1;
        }
        let i = row.xs[..n]
            .partition_point(|x| *x <= pos.x)
            .saturating_sub(1);
        let (left, right) = row.boxes[i].edges();
        if pos.x < (row.xs[i] + row.xs[i + 1]) / 2.0 {
            left
        } else {
            right
        }
    }

    /// The chars drawn on each row, in order (together the whole
    /// paragraph).
    pub fn row_chars(&self) -> Vec<Range<usize>> {
        match &self.bidi {
            Some(bidi) => bidi.rows.iter().map(|r| r.logical.clone()).collect(),
            None => {
                let mut at = 0;
                self.galley
                    .rows
                    .iter()
                    .map(|placed| {
                        let n = placed.row.char_count_excluding_newline().0;
                        at += n;
                        at - n..at
                    })
                    .collect()
            }
        }
    }

    /// Where row `row` is drawn (galley coordinates).
    pub fn row_rect(&self, row: usize) -> Rect {
        match &self.bidi {
            Some(bidi) => bidi.rows.get(row).map_or(Rect::NOTHING, |r| {
                let left = r.xs.first().copied().unwrap_or(0.0);
                let right = r.xs.last().copied().unwrap_or(left);
                Rect::from_min_max(pos2(left, r.top), pos2(right, r.bottom))
            }),
            None => self
                .galley
                .rows
                .get(row)
                .map_or(Rect::NOTHING, |r| r.rect()),
        }
    }

    /// Where each char of row `row` is drawn: its left edge from the
    /// row's left ([`Self::row_rect`]) and its advance. `None` for a row
    /// drawn through the bidi step (its chars are not in logical order on
    /// screen).
    pub fn row_char_metrics(&self, row: usize) -> Option<Vec<(f32, f32)>> {
        if self.bidi.is_some() {
            return None;
        }
        let placed = self.galley.rows.get(row)?;
        Some(
            placed
                .glyphs
                .iter()
                .map(|glyph| (glyph.pos.x, glyph.advance_width))
                .collect(),
        )
    }

    pub fn row_count(&self) -> usize {
        match &self.bidi {
            Some(bidi) => bidi.rows.len(),
            None => self.galley.rows.len(),
        }
    }

    /// The row the caret before `local` is drawn on.
    pub fn row_of(&self, local: usize) -> usize {
        match self.bidi_row(local) {
            Some((index, _)) => index,
            None => {
                let cursor = CCursor {
                    prefer_next_row: true,
                    ..CCursor::new(local)
                };
                self.galley.layout_from_cursor(cursor).row
            }
        }
    }

    /// The middle of row `row`, vertically.
    pub fn row_centre_y(&self, row: usize) -> f32 {
        match &self.bidi {
            Some(bidi) => bidi.rows.get(row).map_or(0.0, BidiRow::y_centre),
            None => self
                .galley
                .rows
                .get(row)
                .map_or(0.0, |r| r.rect().center().y),
        }
    }

    /// The first char of the row holding `local`.
    pub fn row_start(&self, local: usize) -> usize {
        match self.bidi_row(local) {
            Some((_, row)) => row.logical.start,
            None => {
                self.galley
                    .cursor_begin_of_row(&CCursor::new(local))
                    .index
                    .0
            }
        }
    }

    /// The end of the row holding `local` (before its trailing space when
    /// the paragraph goes on below it).
    pub fn row_end(&self, local: usize) -> usize {
        match self.bidi_row(local) {
            Some((index, row)) => {
                let last = self.row_count() == index + 1;
                let wrapped = !last && row.logical.end > row.logical.start;
                row.logical.end - usize::from(wrapped)
            }
            None => self.galley.cursor_end_of_row(&CCursor::new(local)).index.0,
        }
    }

    /// One caret step on screen from `local`, left or right, within its
    /// row; `None` for a paragraph with no bidi step (the caret then moves
    /// by chars) or at the row's edge.
    pub fn visual_step(&self, local: usize, left: bool) -> Option<usize> {
        let bidi = self.bidi.as_ref()?;
        let (index, row) = self.bidi_row(local)?;
        let last = index + 1 == bidi.rows.len();
        let stops = caret_stops(&row.boxes, row.logical.clone(), last);
        crate::text::visual_step(&stops, local, left)
    }

    /// The rectangles covering chars `start..end`, one per row (or, on a
    /// row drawn through the bidi step, one per stretch of adjacent boxes).
    pub fn range_rects(&self, start: usize, end: usize, out: &mut Vec<Rect>) {
        match &self.bidi {
            Some(bidi) => bidi_range_rects(bidi, start, end, out),
            None => galley_range_rects(&self.galley, start, end, out),
        }
    }
}

fn bidi_range_rects(bidi: &BidiRows, start: usize, end: usize, out: &mut Vec<Rect>) {
    for row in &bidi.rows {
        if row.logical.end <= start || row.logical.start >= end {
            continue;
        }
        let mut open: Option<(f32, f32)> = None;
        for (i, b) in row.boxes.iter().enumerate() {
            let inside = b.logical.start < end && b.logical.end > start;
            let (x0, x1) = (row.xs[i], row.xs[i + 1]);
            open = match (inside, open) {
                (true, Some((from, _))) => Some((from, x1)),
                (true, None) => Some((x0, x1)),
                (false, Some((from, to))) => {
                    out.push(row_rect(row, from, to));
                    None
                }
                (false, None) => None,
            };
        }
        if let Some((from, to)) = open {
            out.push(row_rect(row, from, to));
        }
    }
}

fn row_rect(row: &BidiRow, from: f32, to: f32) -> Rect {
    Rect::from_min_max(pos2(from, row.top), pos2(to.max(from + 2.0), row.bottom))
}

/// The rectangles covering chars `start..end` of a galley, one per row.
fn galley_range_rects(galley: &Galley, start: usize, end: usize, out: &mut Vec<Rect>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `f` with a `Ui` whose fonts are the window's (Arabic and Hebrew in).
    fn with_ui(f: impl FnOnce(&Ui)) {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        let mut f = Some(f);
        ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(f) = f.take() {
                f(ui);
            }
        })
        .drop_without_applying_deltas();
    }

    fn layout(ui: &Ui, text: &str, width: f32) -> ParagraphLayout {
        let format = TextFormat {
            font_id: egui::FontId::proportional(16.0),
            ..Default::default()
        };
        lay_out(ui, text, format, width)
    }

    fn glyphs(layout: &ParagraphLayout) -> usize {
        layout.galley.rows.iter().map(|r| r.row.glyphs.len()).sum()
    }

    /// Every offset (but those inside a cluster or ligature, where no caret
    /// stands) has a point beside its caret that maps back to it.
    fn assert_round_trips(layout: &ParagraphLayout, len: usize) {
        let inside = |at: usize| {
            layout.bidi.iter().flat_map(|b| &b.rows).any(|r| {
                r.boxes
                    .iter()
                    .any(|b| b.logical.start < at && at < b.logical.end)
            })
        };
        for at in (0..=len).filter(|at| !inside(*at)) {
            let caret = layout.caret_rect(at, true);
            let y = caret.center().y;
            let found = [-1.5, 1.5].map(|dx| layout.char_at(Vec2::new(caret.min.x + dx, y)));
            assert!(
                found.contains(&at),
                "offset {at}: caret at {caret:?} finds {found:?}"
            );
        }
    }

    #[test]
    fn arabic_with_a_number_draws_a_glyph_per_cluster_right_aligned() {
        with_ui(|ui| {
            let text = "عدد 123 مرحبا";
            let laid = layout(ui, text, 400.0);
            assert_eq!(laid.direction(), Some(true));
            assert_eq!(glyphs(&laid), 13, "egui alone drew 25");
            // The logical start (عدد) is at the right edge, the end at the left.
            let start = laid.caret_rect(0, true).min.x;
            let end = laid.caret_rect(13, true).min.x;
            assert!((start - 400.0).abs() < 1.0, "right-aligned: {start}");
            assert!(end < start - 60.0, "{end}");
            // The digits read left to right: 1 left of 2 left of 3.
            let x = |at| laid.caret_rect(at, true).min.x;
            assert!(x(4) < x(5) && x(5) < x(6), "{} {} {}", x(4), x(5), x(6));
            assert_round_trips(&laid, 13);
            // A highlight of "123" is one rectangle between the two words.
            let mut rects = Vec::new();
            laid.range_rects(4, 7, &mut rects);
            assert_eq!(rects.len(), 1);
            assert!(rects[0].min.x > end && rects[0].max.x < start);
        });
    }

    #[test]
    fn a_latin_name_and_hebrew_keep_their_order() {
        with_ui(|ui| {
            let laid = layout(ui, "مرحبا World", 400.0);
            assert_eq!(glyphs(&laid), 11);
            let x = |at| laid.caret_rect(at, true).min.x;
            assert!(x(6) < x(10), "World left to right");
            assert!(x(10) < x(4), "World left of مرحبا");
            assert_round_trips(&laid, 11);

            let hebrew = layout(ui, "שלום 42 עולם", 400.0);
            assert_eq!(glyphs(&hebrew), 12);
            let x = |at| hebrew.caret_rect(at, true).min.x;
            assert!(x(0) > x(4) && x(4) > x(8), "שלום right of 42 right of עולם");
            assert!(x(5) < x(6), "4 left of 2");
            assert_round_trips(&hebrew, 12);
            // Selecting "42 עולם" covers the number and the word left of it.
            let mut rects = Vec::new();
            hebrew.range_rects(5, 12, &mut rects);
            assert_eq!(rects.len(), 1, "{rects:?}");
        });
    }

    #[test]
    fn a_long_arabic_paragraph_wraps_into_right_aligned_rows() {
        with_ui(|ui| {
            let text =
                "قال المتحدث باسم الوزارة إن عدد الضحايا بلغ 123 شخصاً وفقاً للأمم المتحدة ".repeat(4);
            let text = text.trim_end();
            let len = text.chars().count();
            let laid = layout(ui, text, 300.0);
            assert!(laid.row_count() > 3, "{}", laid.row_count());
            let mut seen = 0;
            for row in 0..laid.row_count() {
                let start = laid.row_start(seen);
                assert_eq!(start, seen, "rows follow each other");
                // The row's text ends at the right edge (a row may start with
                // a number, whose caret is at the number's left).
                let mut rects = Vec::new();
                laid.range_rects(start, laid.row_end(start), &mut rects);
                let right = rects.iter().map(|r| r.max.x).fold(0.0, f32::max);
                assert!(
                    (right - 300.0).abs() < 1.5,
                    "row {row} is right-aligned: {right}"
                );
                assert_eq!(laid.row_of(start), row);
                seen = laid.row_end(start) + usize::from(row + 1 < laid.row_count());
            }
            assert_eq!(seen, len);
            // lam-alef ligatures (للأمم, وفقاً has none) make fewer glyphs than chars.
            let clusters = unicode_segmentation::UnicodeSegmentation::graphemes(text, true).count();
            assert!(glyphs(&laid) < clusters + laid.row_count());
            assert_round_trips(&laid, len);
        });
    }

    #[test]
    fn text_with_no_right_to_left_char_is_one_plain_galley() {
        with_ui(|ui| {
            let laid = layout(ui, "Путин сказал 习近平 123", 400.0);
            assert_eq!(laid.direction(), None);
            assert_eq!(laid.visual_step(3, true), None);
            assert!(laid.caret_rect(0, true).min.x < 1.0);
        });
    }
}
