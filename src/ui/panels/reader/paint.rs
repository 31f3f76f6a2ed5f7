//! Painting the laid-out paragraphs in view: claim fills, underline lanes
//! (dashed for unrated claims), problem and selected-claim outlines, the
//! flash of a revealed claim, the find bar's matches, the text selection
//! and the caret.

use super::layout::{ArticleView, range_rects};
use super::{FLASH_SECONDS, Reader, ReaderContext};
use egui::{Color32, CornerRadius, Stroke, StrokeKind, Ui};

impl Reader {
    pub(super) fn paint(&self, ui: &Ui, view: &ArticleView, cx: &ReaderContext, now: f64) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let lane_gap = (cx.text_size * 0.13).max(2.0);
        let selection_fill = visuals.selection.bg_fill.gamma_multiply(0.55);
        let outline = visuals.text_color().gamma_multiply(0.75);
        let flash = self.flash.and_then(|(claim, started)| {
            let t = ((now - started) / FLASH_SECONDS) as f32;
            (t < 1.0).then(|| (claim, (1.0 - t) * (0.5 + 0.5 * (t * 18.0).cos().abs())))
        });
        for &(index, rect) in &view.visible {
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
                if span.published && span.starts_here {
                    // A published claim: a dot in the verdict colour, ringed, where it starts.
                    let centre = egui::pos2(r.min.x + 1.0, r.min.y + 1.0);
                    painter.circle_filled(centre, 3.5, visuals.strong_text_color());
                    painter.circle_filled(centre, 2.2, colour);
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
            paint_matches(
                painter,
                self.find_matches(),
                paragraph,
                cached,
                rect,
                visuals,
            );
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
            && let Some(caret) = view.caret_rect(selection.cursor)
        {
            painter.vline(
                caret.min.x,
                caret.y_range(),
                Stroke::new(2.0, visuals.text_cursor.stroke.color),
            );
        }
    }
}

/// The find bar's matches in one paragraph: a yellow fill and outline,
/// the same in both themes (the current match also carries the selection).
fn paint_matches(
    painter: &egui::Painter,
    matches: &[(usize, usize)],
    paragraph: &crate::text::Paragraph,
    cached: &super::layout::CachedParagraph,
    rect: egui::Rect,
    visuals: &egui::Visuals,
) {
    let (p_start, p_end) = (paragraph.chars.start, paragraph.chars.end);
    let first = matches.partition_point(|(_, end)| *end <= p_start);
    let fill = Color32::from_rgba_unmultiplied(255, 210, 0, 110);
    let stroke = Stroke::new(1.0, visuals.warn_fg_color);
    let mut rects = Vec::new();
    for &(start, end) in matches[first..].iter().take_while(|(s, _)| *s < p_end) {
        rects.clear();
        let (from, to) = (start.max(p_start) - p_start, end.min(p_end) - p_start);
        range_rects(&cached.galley, from, to, &mut rects);
        for r in &rects {
            let r = r.translate(rect.min.to_vec2());
            painter.rect_filled(r, CornerRadius::same(2), fill);
            painter.rect_stroke(r, CornerRadius::same(2), stroke, StrokeKind::Inside);
        }
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
