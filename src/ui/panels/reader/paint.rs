//! Painting the laid-out paragraphs in view: claim fills, underline lanes
//! (dashed for unrated claims), problem and selected-claim outlines, the
//! flash of a revealed claim, the find bar's matches, the text selection
//! and the caret. One function per paint pass, called in the order they
//! stack up.

use super::layout::{ArticleView, CachedParagraph};
use super::spans::Span;
use super::{FLASH_SECONDS, Reader, ReaderContext};
use crate::model::ClaimId;
use crate::text::Paragraph;
use egui::{Color32, CornerRadius, Rect, Stroke, StrokeKind, Ui};

/// What every paint pass of a frame draws with: the painter, the theme
/// and the colours and sizes worked out from them once.
struct Pens<'a> {
    painter: &'a egui::Painter,
    visuals: &'a egui::Visuals,
    /// The distance between two underline lanes.
    lane_gap: f32,
    /// Underlines and outlines of unrated claims.
    outline: Color32,
    selection_fill: Color32,
    selected_claim: Option<ClaimId>,
    /// The claim flashing, and how strongly this frame.
    flash: Option<(ClaimId, f32)>,
}

impl<'a> Pens<'a> {
    fn new(ui: &'a Ui, cx: &ReaderContext, flash: Option<(ClaimId, f32)>) -> Self {
        let visuals = ui.visuals();
        Pens {
            painter: ui.painter(),
            visuals,
            lane_gap: (cx.text_size * 0.13).max(2.0),
            outline: visuals.text_color().gamma_multiply(0.75),
            selection_fill: visuals.selection.bg_fill.gamma_multiply(0.55),
            selected_claim: cx.selected_claim,
            flash,
        }
    }
}

/// One paragraph in view: its text, its claim spans, its layout and where
/// it is on screen.
struct InView<'a> {
    paragraph: &'a Paragraph,
    spans: &'a [Span],
    cached: &'a CachedParagraph,
    rect: Rect,
}

impl InView<'_> {
    /// Each highlight rectangle on screen, with the span it belongs to.
    fn span_rects(&self) -> impl Iterator<Item = (&Span, Rect)> {
        let offset = self.rect.min.to_vec2();
        self.cached
            .rects
            .iter()
            .map(move |&(span_index, r)| (&self.spans[span_index], r.translate(offset)))
    }

    /// Rectangles on screen covering chars `from..to` of the article
    /// (clipped to this paragraph).
    fn char_rects(&self, from: usize, to: usize, out: &mut Vec<Rect>) {
        let (p_start, p_end) = (self.paragraph.chars.start, self.paragraph.chars.end);
        let (from, to) = (from.max(p_start), to.min(p_end));
        if from >= to {
            return;
        }
        let first = out.len();
        self.cached
            .layout
            .range_rects(from - p_start, to - p_start, out);
        for r in &mut out[first..] {
            *r = r.translate(self.rect.min.to_vec2());
        }
    }
}

impl Reader {
    pub(super) fn paint(&self, ui: &Ui, view: &ArticleView, cx: &ReaderContext, now: f64) {
        let pens = Pens::new(ui, cx, self.flash_strength(now));
        for &(index, rect) in &view.visible {
            let Some(cached) = view.galleys.get(&index) else {
                continue;
            };
            let shown = InView {
                paragraph: &view.paragraphs[index],
                spans: &view.spans[index],
                cached,
                rect,
            };
            // Fills first (nested claims darken where they overlap), then
            // underlines per lane, then outlines, then the text.
            paint_fills(&pens, &shown);
            paint_marks(&pens, &shown);
            paint_matches(&pens, self.find_matches(), &shown);
            paint_selection(&pens, self.selection(), &shown);
            let text_colour = pens.visuals.text_color();
            pens.painter
                .galley(rect.min, cached.layout.galley.clone(), text_colour);
        }
        self.paint_caret(&pens, view);
    }

    /// The claim flashing at `now` and how strongly (1 fading to 0, pulsing).
    fn flash_strength(&self, now: f64) -> Option<(ClaimId, f32)> {
        self.flash.and_then(|(claim, started)| {
            let t = ((now - started) / FLASH_SECONDS) as f32;
            (t < 1.0).then(|| (claim, (1.0 - t) * (0.5 + 0.5 * (t * 18.0).cos().abs())))
        })
    }

    /// The caret, while the reader has the keyboard.
    fn paint_caret(&self, pens: &Pens, view: &ArticleView) {
        if self.focused
            && let Some(selection) = self.selection
            && let Some(caret) = view.caret_rect(selection.cursor)
        {
            pens.painter.vline(
                caret.min.x,
                caret.y_range(),
                Stroke::new(2.0, pens.visuals.text_cursor.stroke.color),
            );
        }
    }
}

/// The verdict-coloured fills of rated claims.
fn paint_fills(pens: &Pens, shown: &InView) {
    for (span, r) in shown.span_rects() {
        if let Some(colour) = span.colour {
            let fill = fill_colour(colour, pens.visuals.dark_mode);
            pens.painter.rect_filled(r, CornerRadius::same(2), fill);
        }
    }
}

/// Over the fills, span by span: the underline in its lane, the dot of a
/// published claim, the problem and selected-claim outlines and the flash.
fn paint_marks(pens: &Pens, shown: &InView) {
    for (span, r) in shown.span_rects() {
        let colour = span.colour.unwrap_or(pens.outline);
        paint_underline(pens, span, r);
        if span.published && span.starts_here {
            // A published claim: a dot in the verdict colour, ringed, where it starts.
            let centre = egui::pos2(r.min.x + 1.0, r.min.y + 1.0);
            pens.painter
                .circle_filled(centre, 3.5, pens.visuals.strong_text_color());
            pens.painter.circle_filled(centre, 2.2, colour);
        }
        paint_outlines(pens, span, r);
    }
}

/// A span's underline in its lane: solid in the verdict colour, or dashed
/// with a faint box while the claim is unrated.
fn paint_underline(pens: &Pens, span: &Span, r: Rect) {
    let lane_y = r.max.y - 1.5 - span.lane as f32 * pens.lane_gap;
    match span.colour {
        Some(colour) => {
            pens.painter
                .hline(r.x_range(), lane_y, Stroke::new(2.0, colour));
        }
        None => {
            let stroke = Stroke::new(1.5, pens.outline);
            dashed_line(pens.painter, r.min.x, r.max.x, lane_y, stroke);
            pens.painter.rect_stroke(
                r,
                CornerRadius::same(2),
                Stroke::new(1.0, pens.outline.gamma_multiply(0.6)),
                StrokeKind::Inside,
            );
        }
    }
}

/// The problem outline, the selected claim's outline and the flash of a
/// claim just revealed.
fn paint_outlines(pens: &Pens, span: &Span, r: Rect) {
    let visuals = pens.visuals;
    if span.problem {
        let stroke = Stroke::new(1.5, visuals.error_fg_color);
        let radius = CornerRadius::same(2);
        pens.painter
            .rect_stroke(r, radius, stroke, StrokeKind::Outside);
    }
    if Some(span.claim) == pens.selected_claim {
        let stroke = Stroke::new(2.0, visuals.strong_text_color());
        let radius = CornerRadius::same(3);
        pens.painter
            .rect_stroke(r.expand(1.5), radius, stroke, StrokeKind::Outside);
    }
    if let Some((claim, strength)) = pens.flash
        && claim == span.claim
    {
        let fill = visuals.warn_fg_color.gamma_multiply(0.6 * strength);
        pens.painter
            .rect_filled(r.expand(2.0), CornerRadius::same(3), fill);
    }
}

/// The find bar's matches in one paragraph: a yellow fill and outline,
/// the same in both themes (the current match also carries the selection).
fn paint_matches(pens: &Pens, matches: &[(usize, usize)], shown: &InView) {
    let (p_start, p_end) = (shown.paragraph.chars.start, shown.paragraph.chars.end);
    let first = matches.partition_point(|(_, end)| *end <= p_start);
    let fill = Color32::from_rgba_unmultiplied(255, 210, 0, 110);
    let stroke = Stroke::new(1.0, pens.visuals.warn_fg_color);
    let mut rects = Vec::new();
    for &(start, end) in matches[first..].iter().take_while(|(s, _)| *s < p_end) {
        rects.clear();
        shown.char_rects(start, end, &mut rects);
        for &r in &rects {
            pens.painter.rect_filled(r, CornerRadius::same(2), fill);
            pens.painter
                .rect_stroke(r, CornerRadius::same(2), stroke, StrokeKind::Inside);
        }
    }
}

/// The text selection's part in one paragraph.
fn paint_selection(pens: &Pens, selection: Option<(usize, usize)>, shown: &InView) {
    let Some((start, end)) = selection else {
        return;
    };
    let mut rects = Vec::new();
    shown.char_rects(start, end, &mut rects);
    for r in rects {
        pens.painter
            .rect_filled(r, CornerRadius::ZERO, pens.selection_fill);
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
