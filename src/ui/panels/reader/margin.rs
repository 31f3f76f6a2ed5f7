//! A transcript's margin: the time each cue was said (`12:03`) beside the
//! row where it starts, and the speaker's name over the first row of each
//! turn. A paged document's margin: a quiet page marker (`p. 12`, the
//! printed label) beside the row where each page starts, under a hairline
//! across the column from the second page on (each marker also a node
//! screen readers find, "Page 12"). These are painted decorations only:
//! the article's text, its
//! paragraphs and every char offset (selection, marking, find) are the
//! same as without them; the text is just drawn a margin to the right and
//! a line lower, so the first turn's speaker has room.

use super::layout::ArticleView;
use crate::model::{Article, PageStart, Transcript, clock};
use egui::{Align2, FontId, Rect, Ui, pos2, vec2};

/// Space the text is moved by: `width` to the right, `top` down.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Margin {
    pub width: f32,
    pub top: f32,
}

impl Margin {
    /// The margin of `article` at `text_size`: none unless it is a
    /// transcript.
    pub fn of(article: &Article, text_size: f32) -> Self {
        match &article.transcript {
            Some(t) if !t.cues.is_empty() => Margin {
                width: (text_size * 3.9).round(),
                top: (text_size * 1.2).round(),
            },
            _ if !article.pages.is_empty() => Margin {
                width: (text_size * 3.9).round(),
                top: 0.0,
            },
            _ => Margin::default(),
        }
    }

    pub fn offset(self) -> egui::Vec2 {
        vec2(self.width, self.top)
    }
}

/// Paints the time codes and speaker names (or the page markers) of the
/// paragraphs in view.
/// `width` is the text column's.
pub(super) fn paint(
    ui: &mut Ui,
    view: &ArticleView,
    article: &Article,
    text_size: f32,
    width: f32,
) {
    let Some(transcript) = &article.transcript else {
        paint_pages(ui, view, &article.pages, text_size, width);
        return;
    };
    let painter = ui.painter();
    let time_font = FontId::monospace((text_size * 0.72).max(9.0));
    let name_font = FontId::proportional((text_size * 0.78).max(9.0));
    let weak = ui.visuals().weak_text_color();
    let strong = ui.visuals().strong_text_color();
    for &(index, rect) in &view.visible {
        let Some(paragraph) = view.paragraphs.get(index) else {
            continue;
        };
        let Some((cue_index, row)) = first_cue_row(view, transcript, index, rect) else {
            continue;
        };
        let cue = &transcript.cues[cue_index];
        let time_pos = pos2(rect.min.x - text_size * 0.6, row.center().y);
        painter.text(
            time_pos,
            Align2::RIGHT_CENTER,
            clock(cue.from_ms),
            time_font.clone(),
            weak,
        );
        let previous = cue_index.checked_sub(1).map(|i| transcript.cues[i].speaker);
        let turn = previous != Some(cue.speaker) && !paragraph.chars.is_empty();
        if let Some(name) = cue
            .speaker
            .and_then(|s| transcript.speaker_name(s))
            .filter(|_| turn)
        {
            let pos = pos2(rect.min.x, row.min.y - 1.0);
            painter.text(pos, Align2::LEFT_BOTTOM, name, name_font.clone(), strong);
        }
    }
}

/// Paints a marker beside the first row of each page starting in a
/// paragraph in view: its label in the margin and, from the second page
/// on, a hairline in the gap above.
fn paint_pages(ui: &mut Ui, view: &ArticleView, pages: &[PageStart], text_size: f32, width: f32) {
    if pages.is_empty() {
        return;
    }
    let font = FontId::proportional((text_size * 0.72).max(9.0));
    let weak = ui.visuals().weak_text_color();
    let rule = ui.visuals().widgets.noninteractive.bg_stroke.color;
    let column = ui.clip_rect();
    for &(index, rect) in &view.visible {
        let Some((page, row)) = page_row(view, pages, index, rect) else {
            continue;
        };
        let label = format!("p. {}", page.label);
        let pos = pos2(rect.min.x - text_size * 0.6, row.center().y);
        let drawn = ui
            .painter()
            .text(pos, Align2::RIGHT_CENTER, &label, font.clone(), weak);
        if page.page > 1 && row.min.y - rect.min.y < 1.0 {
            let y = rect.min.y - text_size * 0.25;
            let x = (column.min.x.max(drawn.min.x))..=(rect.min.x + width);
            ui.painter().hline(x, y, egui::Stroke::new(1.0, rule));
        }
        let id = egui::Id::unique(("page-marker", page.page));
        let node = ui.interact(drawn, id, egui::Sense::hover());
        let name = format!("Page {}", page.label);
        node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
    }
}

/// The last page starting in paragraph `index` (drawn at `rect`) — pages
/// without text start where the next one does — and the screen rect of
/// the row it starts on.
fn page_row<'p>(
    view: &ArticleView,
    pages: &'p [PageStart],
    index: usize,
    rect: Rect,
) -> Option<(&'p PageStart, Rect)> {
    let chars = &view.paragraphs.get(index)?.chars;
    let first = pages.partition_point(|p| p.start < chars.start);
    let last = pages.partition_point(|p| p.start < chars.end.max(chars.start + 1));
    let page = pages.get(first..last)?.last()?;
    let layout = &view.galleys.get(&index)?.layout;
    let local = page.start - chars.start;
    Some((
        page,
        layout
            .caret_rect(local, false)
            .translate(rect.min.to_vec2()),
    ))
}

/// The first cue starting in paragraph `index` (drawn at `rect`) and the
/// screen rect of the row it starts on.
fn first_cue_row(
    view: &ArticleView,
    transcript: &Transcript,
    index: usize,
    rect: Rect,
) -> Option<(usize, Rect)> {
    let chars = &view.paragraphs.get(index)?.chars;
    let cue_index = transcript.cues.partition_point(|c| c.start < chars.start);
    let cue = transcript.cues.get(cue_index)?;
    if cue.start >= chars.end || cue.start == cue.end {
        return None;
    }
    let layout = &view.galleys.get(&index)?.layout;
    let local = cue.start - chars.start;
    Some((
        cue_index,
        layout
            .caret_rect(local, false)
            .translate(rect.min.to_vec2()),
    ))
}
