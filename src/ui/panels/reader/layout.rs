//! The laid-out article: its paragraphs, the galleys of those in view (kept
//! across frames), paragraph heights (measured or estimated), where each
//! paragraph is drawn, and the conversions between chars and screen
//! positions. Paragraphs longer than a few thousand chars are laid out in
//! pieces (`text::cut_long_paragraphs`): `paragraphs` holds those pieces,
//! drawn one under the other with no paragraph gap between the pieces of
//! one paragraph, so only the pieces in view are ever laid out. Also the one [`CharIndex`] of the article, kept as
//! [`CharCheckpoints`] for as long as the text stays the same.

use super::paragraph_layout::{ParagraphLayout, lay_out};
use super::spans::{Span, claim_spans};
use super::{ReaderContext, reading_colour};
use crate::anchor::{CharCheckpoints, CharIndex};
use crate::model::{Article, ArticleId};
use crate::text::{
    Paragraph, continues_paragraph, cut_long_paragraphs, paragraph_of_char, split_paragraphs,
};
use egui::epaint::text::TextFormat;
use egui::{FontId, Pos2, Rect, Ui, vec2};
use std::collections::HashMap;

/// Line height as a multiple of the text size (leaves room for underline lanes).
const LINE_HEIGHT: f32 = 1.65;
/// Widest text column, in points; wider lines are hard to read.
pub(super) const MAX_COLUMN_WIDTH: f32 = 760.0;
/// Space after each paragraph, as a multiple of the text size.
const PARAGRAPH_GAP: f32 = 0.45;
/// Paragraph galleys unused for this many frames are dropped.
const CACHE_FRAMES: u64 = 600;
/// At most this many laid-out paragraphs are kept.
const MAX_CACHED_PARAGRAPHS: usize = 400;

/// A laid-out paragraph kept across frames.
pub(super) struct CachedParagraph {
    pub layout: ParagraphLayout,
    /// Highlight rectangles (span index, rect relative to the galley), for
    /// the highlight revision `rects_revision`.
    pub rects: Vec<(usize, Rect)>,
    rects_revision: u64,
    last_used: u64,
}

/// The layout parameters galleys depend on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LayoutKey {
    pub article: ArticleId,
    pub width: f32,
    pub text_size: f32,
    pub dark: bool,
}

/// The text a view was built for: its article, the document's text
/// revision (which changes with any change of an article's text) and the
/// text's length in bytes (a cheap second check).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TextKey {
    article: ArticleId,
    text_revision: u64,
    len: usize,
}

impl TextKey {
    fn of(article: &Article, text_revision: u64) -> Self {
        TextKey {
            article: article.id,
            text_revision,
            len: article.text.len(),
        }
    }
}

/// Everything the reader keeps about the article it shows.
pub(super) struct ArticleView {
    pub article: ArticleId,
    text_key: TextKey,
    /// The article's char index, built once per text.
    marks: CharCheckpoints,
    /// The paragraphs of the text, long ones cut into pieces: what is laid
    /// out and drawn as one galley.
    pub paragraphs: Vec<Paragraph>,
    heights: Vec<f32>,
    tops: Vec<f32>,
    tops_stale: bool,
    pub spans: Vec<Vec<Span>>,
    spans_revision: Option<u64>,
    pub galleys: HashMap<usize, CachedParagraph>,
    key: Option<LayoutKey>,
    /// Paragraphs drawn this frame, with their galley rect on screen.
    pub visible: Vec<(usize, Rect)>,
}

impl ArticleView {
    pub fn new(article: &Article, text_revision: u64) -> Self {
        let paragraphs = cut_long_paragraphs(&article.text, split_paragraphs(&article.text));
        let n = paragraphs.len();
        ArticleView {
            article: article.id,
            text_key: TextKey::of(article, text_revision),
            marks: CharCheckpoints::new(&article.text),
            paragraphs,
            heights: vec![0.0; n],
            tops: vec![0.0; n + 1],
            tops_stale: true,
            spans: vec![Vec::new(); n],
            spans_revision: None,
            galleys: HashMap::new(),
            key: None,
            visible: Vec::new(),
        }
    }

    /// Whether the view was built for this article's text as it is at
    /// `text_revision` (its galleys and char index stay valid).
    pub fn fits(&self, article: &Article, text_revision: u64) -> bool {
        self.text_key == TextKey::of(article, text_revision)
    }

    /// Whether the view was built for this article (between frames, when
    /// the text revision is not at hand: the id and length must agree).
    pub fn shows(&self, article: &Article) -> bool {
        self.article == article.id && self.text_key.len == article.text.len()
    }

    /// The article's char index over `text`, the text the view was built
    /// for (see [`ArticleView::fits`]); another text gets an index of its
    /// own, correct but built afresh.
    pub fn chars<'a>(&'a self, text: &'a str) -> CharIndex<'a> {
        self.marks
            .index(text)
            .unwrap_or_else(|| CharIndex::new(text))
    }

    /// Length of the text in chars.
    pub fn char_len(&self) -> usize {
        self.marks.char_len()
    }

    /// Recomputes the claim highlights when the workspace changed.
    pub fn update_spans(&mut self, article: &Article, cx: &ReaderContext) {
        if self.spans_revision != Some(cx.revision) {
            self.spans = claim_spans(cx.workspace, article, &self.paragraphs, cx.problem_claims);
            self.spans_revision = Some(cx.revision);
        }
    }

    /// Drops galleys and re-estimates heights when the layout parameters change.
    pub fn set_layout_key(&mut self, key: LayoutKey) {
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.galleys.clear();
        let row = key.text_size * LINE_HEIGHT;
        let gap = key.text_size * PARAGRAPH_GAP;
        let per_row = (key.width / key.text_size).max(1.0);
        for i in 0..self.paragraphs.len() {
            let p = &self.paragraphs[i];
            self.heights[i] = if p.chars.is_empty() {
                row * 0.5
            } else {
                (p.ems / per_row).ceil().max(1.0) * row + self.gap_after(i, gap)
            };
        }
        self.tops_stale = true;
    }

    /// Whether the layout parameters differ from the ones in use.
    pub fn key_changes(&self, key: LayoutKey) -> bool {
        self.key.is_some_and(|old| old != key)
    }

    pub fn update_tops(&mut self) {
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

    pub fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The paragraph whose box contains `y` (content coordinates).
    fn paragraph_at_y(&self, y: f32) -> usize {
        let n = self.paragraphs.len();
        self.tops[..n]
            .partition_point(|top| *top <= y)
            .saturating_sub(1)
    }

    /// The paragraph (or piece) whose range holds caret position `pos`; a
    /// position between two pieces of one paragraph belongs to the first
    /// (the end of its last row).
    pub fn paragraph_of_char(&self, pos: usize) -> usize {
        paragraph_of_char(&self.paragraphs, pos)
    }

    /// The paragraph (or piece) holding the char at `pos` itself: at the
    /// start of a piece, that piece rather than the one before it.
    pub fn paragraph_holding_char(&self, pos: usize) -> usize {
        let index = self.paragraphs.partition_point(|p| p.chars.end <= pos);
        match self.paragraphs.get(index) {
            Some(p) if p.chars.start <= pos => index,
            _ => self.paragraph_of_char(pos),
        }
    }

    /// The chars of the whole paragraph around `pos`, across its pieces.
    pub fn whole_paragraph(&self, pos: usize) -> std::ops::Range<usize> {
        let index = self.paragraph_holding_char(pos);
        let mut first = index;
        while first > 0 && continues_paragraph(&self.paragraphs[first - 1], &self.paragraphs[first])
        {
            first -= 1;
        }
        let mut last = index;
        while last + 1 < self.paragraphs.len()
            && continues_paragraph(&self.paragraphs[last], &self.paragraphs[last + 1])
        {
            last += 1;
        }
        self.paragraphs[first].chars.start..self.paragraphs[last].chars.end
    }

    /// The space drawn after paragraph (or piece) `index`: `gap` after a
    /// paragraph, none between two pieces of one.
    fn gap_after(&self, index: usize, gap: f32) -> f32 {
        match self.paragraphs.get(index + 1) {
            Some(next) if continues_paragraph(&self.paragraphs[index], next) => 0.0,
            _ => gap,
        }
    }

    /// Content y of a char (its paragraph's top, plus its row when laid out).
    pub fn y_of_char(&mut self, pos: usize) -> f32 {
        self.update_tops();
        if self.paragraphs.is_empty() {
            return 0.0;
        }
        let index = self.paragraph_of_char(pos);
        let top = self.tops[index];
        let within = self.galleys.get(&index).map_or(0.0, |cached| {
            let local = pos.saturating_sub(self.paragraphs[index].chars.start);
            cached.layout.caret_rect(local, false).min.y
        });
        top + within
    }

    /// Lays out the paragraphs in view (reusing cached galleys) and
    /// records where each is drawn.
    pub fn layout_visible(
        &mut self,
        ui: &Ui,
        text: &str,
        origin: Pos2,
        viewport: Rect,
        frame: u64,
    ) {
        self.visible.clear();
        let Some(key) = self.key else {
            return;
        };
        if self.paragraphs.is_empty() {
            return;
        }
        let mut index = self.paragraph_at_y(viewport.min.y);
        // Measuring may change heights; redo the positions as we go.
        while index < self.paragraphs.len() {
            self.update_tops();
            let top = self.tops[index];
            if top > viewport.max.y {
                break;
            }
            if let Some(size) = self.galley(ui, text, index, key, frame) {
                let pos = origin + vec2(0.0, top);
                self.visible.push((index, Rect::from_min_size(pos, size)));
            }
            index += 1;
        }
        self.lay_out_neighbours(ui, text, index, key, frame);
    }

    /// Lays out the paragraph just above the view and the one just below
    /// (`after`), without drawing them: the caret moving up or down off the
    /// rows in view keeps its column ([`ArticleView::vertical_move`]).
    fn lay_out_neighbours(
        &mut self,
        ui: &Ui,
        text: &str,
        after: usize,
        key: LayoutKey,
        frame: u64,
    ) {
        if let Some(before) = self.visible.first().and_then(|(i, _)| i.checked_sub(1)) {
            self.galley(ui, text, before, key, frame);
        }
        if after < self.paragraphs.len() {
            self.galley(ui, text, after, key, frame);
        }
    }

    /// The size of paragraph `index`, laid out now if not cached; keeps
    /// its highlight rectangles current.
    fn galley(
        &mut self,
        ui: &Ui,
        text: &str,
        index: usize,
        key: LayoutKey,
        frame: u64,
    ) -> Option<egui::Vec2> {
        let paragraph = self.paragraphs.get(index)?;
        if paragraph.chars.is_empty() {
            return None;
        }
        let revision = self.spans_revision.unwrap_or(0);
        if !self.galleys.contains_key(&index) {
            let paragraph_text = text.get(paragraph.bytes.clone()).unwrap_or_default();
            let layout = lay_out(ui, paragraph_text, paragraph_format(ui, key), key.width);
            let height = layout.size().y + self.gap_after(index, key.text_size * PARAGRAPH_GAP);
            if (self.heights[index] - height).abs() > 0.01 {
                self.heights[index] = height;
                self.tops_stale = true;
            }
            self.galleys.insert(
                index,
                CachedParagraph {
                    layout,
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
                cached.layout.range_rects(span.start, span.end, &mut rects);
                cached.rects.extend(rects.iter().map(|r| (i, *r)));
            }
            cached.rects_revision = revision;
        }
        Some(cached.layout.size())
    }

    /// Forgets galleys not drawn for a while (they are cheap to redo), and
    /// all but the ones in view once there are many (scrolling through a
    /// long article must not keep its whole layout in memory).
    pub fn prune(&mut self, frame: u64) {
        if self.galleys.len() > MAX_CACHED_PARAGRAPHS {
            self.galleys.retain(|_, cached| cached.last_used == frame);
        } else if frame.is_multiple_of(120) {
            self.galleys
                .retain(|_, cached| frame.saturating_sub(cached.last_used) < CACHE_FRAMES);
        }
    }

    /// The screen rect of the caret before char `pos`, when it is in view.
    pub fn caret_rect(&self, pos: usize) -> Option<Rect> {
        let (index, rect) = self.visible.iter().find(|(i, _)| {
            let p = &self.paragraphs[*i];
            p.chars.start <= pos && pos <= p.chars.end
        })?;
        let cached = self.galleys.get(index)?;
        let local = pos - self.paragraphs[*index].chars.start;
        Some(
            cached
                .layout
                .caret_rect(local, true)
                .translate(rect.min.to_vec2()),
        )
    }

    /// The screen x-range the text of the visual row holding char `pos`
    /// covers, when that row is in view.
    pub fn row_extent(&self, pos: usize) -> Option<(f32, f32)> {
        let (index, rect) = self.visible.iter().find(|(i, _)| {
            let p = &self.paragraphs[*i];
            p.chars.start <= pos && pos <= p.chars.end
        })?;
        let layout = &self.galleys.get(index)?.layout;
        let local = pos - self.paragraphs[*index].chars.start;
        let mut rects = Vec::new();
        layout.range_rects(layout.row_start(local), layout.row_end(local), &mut rects);
        let left = rects.iter().map(|r| r.min.x).reduce(f32::min)?;
        let right = rects.iter().map(|r| r.max.x).reduce(f32::max)?;
        Some((left + rect.min.x, right + rect.min.x))
    }

    /// `pos`, or — when it falls between two paragraphs (in the line breaks
    /// and blank lines that part them, which show as space, not as lines
    /// a caret can stand on) — the next paragraph's start going forward,
    /// the previous one's end going back: a paragraph break is one step.
    pub fn out_of_breaks(&self, pos: usize, forward: bool) -> usize {
        let has_text = |p: &&Paragraph| !p.chars.is_empty();
        let first = self.paragraphs.partition_point(|p| p.chars.end < pos);
        let holder = self.paragraphs[first..]
            .iter()
            .take_while(|p| p.chars.start <= pos)
            .find(has_text);
        if holder.is_some() {
            return pos;
        }
        let target = if forward {
            let after = self.paragraphs[first..].iter().find(has_text);
            after.map(|p| p.chars.start)
        } else {
            let before = self.paragraphs[..first.min(self.paragraphs.len())]
                .iter()
                .rev()
                .find(has_text);
            before.map(|p| p.chars.end)
        };
        target.unwrap_or(pos)
    }

    /// The article char under a screen position (nearest paragraph in view).
    pub fn char_at(&self, pos: Pos2) -> Option<usize> {
        let (index, rect) = self
            .visible
            .iter()
            .min_by(|a, b| distance_y(a.1, pos).total_cmp(&distance_y(b.1, pos)))?;
        let cached = self.galleys.get(index)?;
        let paragraph = &self.paragraphs[*index];
        if pos.y > rect.max.y && *index + 1 == self.paragraphs.len() {
            return Some(paragraph.chars.end);
        }
        let local = cached.layout.char_at(pos - rect.min);
        Some(paragraph.chars.start + local.min(paragraph.chars.len()))
    }

    /// The start of the visual row holding `cursor` (of its paragraph when
    /// the paragraph is not laid out).
    pub fn row_start(&self, cursor: usize) -> usize {
        self.within_row(cursor, ParagraphLayout::row_start, |p| p.start)
    }

    /// The end of the visual row holding `cursor`.
    pub fn row_end(&self, cursor: usize) -> usize {
        self.within_row(cursor, ParagraphLayout::row_end, |p| p.end)
    }

    fn within_row(
        &self,
        cursor: usize,
        in_layout: impl Fn(&ParagraphLayout, usize) -> usize,
        otherwise: impl Fn(&std::ops::Range<usize>) -> usize,
    ) -> usize {
        let index = self.paragraph_of_char(cursor);
        let Some(paragraph) = self.paragraphs.get(index) else {
            return cursor;
        };
        match self.galleys.get(&index) {
            Some(cached) => {
                let moved = in_layout(&cached.layout, cursor - paragraph.chars.start);
                paragraph.chars.start + moved.min(paragraph.chars.len())
            }
            None => otherwise(&paragraph.chars),
        }
    }

    /// One caret step on screen, left or right, from `cursor` within its
    /// row, in a paragraph drawn through the bidi step: `None` elsewhere
    /// (the caret moves by chars there) and at the row's edge.
    pub fn visual_step(&self, cursor: usize, left: bool) -> Option<usize> {
        let index = self.paragraph_of_char(cursor);
        let paragraph = self.paragraphs.get(index)?;
        let cached = self.galleys.get(&index)?;
        let local = cached
            .layout
            .visual_step(cursor - paragraph.chars.start, left)?;
        Some(paragraph.chars.start + local)
    }

    /// Whether the paragraph holding `cursor` runs right to left (its
    /// first strong character is, and it is laid out).
    pub fn is_rtl_at(&self, cursor: usize) -> bool {
        let index = self.paragraph_of_char(cursor);
        self.galleys
            .get(&index)
            .and_then(|cached| cached.layout.direction())
            .unwrap_or(false)
    }

    /// The char about `dy` points below (or above) `cursor`: PageDown and
    /// PageUp. Lands on a row of a laid-out paragraph, or at the start of
    /// one not laid out yet.
    pub fn page_move(&self, cursor: usize, dy: f32) -> usize {
        if self.paragraphs.is_empty() {
            return 0;
        }
        let index = self.paragraph_of_char(cursor);
        let paragraph = &self.paragraphs[index];
        let (x, within) = self.galleys.get(&index).map_or((0.0, 0.0), |cached| {
            let rect = cached
                .layout
                .caret_rect(cursor - paragraph.chars.start, false);
            (rect.min.x, rect.center().y)
        });
        let y = self.tops[index] + within + dy;
        if y <= 0.0 {
            return 0;
        }
        if y >= self.total_height() {
            return self.char_len();
        }
        let target = self.paragraph_at_y(y);
        let p = &self.paragraphs[target];
        match self.galleys.get(&target) {
            Some(cached) => {
                let local = cached.layout.char_at(vec2(x, y - self.tops[target]));
                p.chars.start + local.min(p.chars.len())
            }
            None => p.chars.start,
        }
    }

    /// The char one visual row up or down from `cursor`: the same x on the
    /// row above or below, or across into the neighbouring paragraph.
    pub fn vertical_move(&self, cursor: usize, up: bool) -> usize {
        let index = self.paragraph_of_char(cursor);
        let paragraph = &self.paragraphs[index];
        let Some(cached) = self.galleys.get(&index) else {
            return if up {
                paragraph.chars.start
            } else {
                paragraph.chars.end
            };
        };
        let local = cursor - paragraph.chars.start;
        let row = cached.layout.row_of(local);
        let last_row = cached.layout.row_count().saturating_sub(1);
        let x = cached.layout.caret_rect(local, true).min.x;
        if up && row == 0 {
            return match index.checked_sub(1) {
                Some(prev) => self.same_x_in(prev, x, false),
                None => 0,
            };
        }
        if !up && row >= last_row {
            return match self.paragraphs.get(index + 1) {
                Some(_) => self.same_x_in(index + 1, x, true),
                None => paragraph.chars.end,
            };
        }
        let row = if up { row - 1 } else { row + 1 };
        let y = cached.layout.row_centre_y(row);
        let target = cached.layout.char_at(vec2(x, y));
        paragraph.chars.start + target.min(paragraph.chars.len())
    }
}

impl ArticleView {
    /// The char at `x` on the first (or last) row of paragraph `index`:
    /// moving up or down into a neighbouring paragraph, or into the next
    /// piece of a long one, keeps the column. Without its layout, the
    /// paragraph's start (or end).
    fn same_x_in(&self, index: usize, x: f32, first_row: bool) -> usize {
        let paragraph = &self.paragraphs[index];
        let fallback = if first_row {
            paragraph.chars.start
        } else {
            paragraph.chars.end
        };
        let Some(cached) = self.galleys.get(&index) else {
            return fallback;
        };
        let rows = cached.layout.row_count();
        if rows == 0 {
            return fallback;
        }
        let row = if first_row { 0 } else { rows - 1 };
        let target = cached
            .layout
            .char_at(vec2(x, cached.layout.row_centre_y(row)));
        paragraph.chars.start + target.min(paragraph.chars.len())
    }
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

/// The reading font's format for a paragraph.
fn paragraph_format(ui: &Ui, key: LayoutKey) -> TextFormat {
    TextFormat {
        font_id: FontId::proportional(key.text_size),
        color: reading_colour(ui.visuals()),
        line_height: Some(key.text_size * LINE_HEIGHT),
        valign: egui::Align::Center,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_paragraph_is_laid_out_as_pieces_the_reader_treats_as_one() {
        let sentence = "Путин сказал, что 习近平 поставил 2450 👩‍👩‍👧 танков cafe\u{301}. ";
        let long = sentence.repeat(300);
        let text = format!("Title\n{long}\nLast.");
        let article = Article::new("Т", text.as_str());
        let view = ArticleView::new(&article, 1);
        let n = view.paragraphs.len();
        assert!(n > 5, "{n} pieces");
        let long_start = 6;
        let long_end = long_start + long.chars().count();
        // Triple-click anywhere in it takes the whole paragraph, not a piece.
        let second = view.paragraphs[2].chars.start;
        assert_eq!(view.whole_paragraph(second), long_start..long_end);
        assert_eq!(view.whole_paragraph(long_end - 1), long_start..long_end);
        assert_eq!(view.whole_paragraph(1), 0..5, "a short paragraph is itself");
        // At a piece boundary the char belongs to the next piece, the caret
        // position to the end of the previous one.
        assert_eq!(view.paragraph_holding_char(second), 2);
        assert_eq!(view.paragraph_of_char(second), 1);
        // At a paragraph's end (its newline), both mean that paragraph.
        assert_eq!(view.paragraph_holding_char(5), 0);
        // No gap between the pieces of one paragraph, a gap after it.
        assert_eq!(view.gap_after(1, 7.0), 0.0);
        assert_eq!(view.gap_after(0, 7.0), 7.0);
        assert_eq!(view.gap_after(n - 2, 7.0), 7.0);
        assert_eq!(view.gap_after(n - 1, 7.0), 7.0);
    }

    #[test]
    fn the_view_keeps_its_char_index_while_the_text_is_unchanged() {
        let mut article = Article::new("Т", "Путин и 习近平 👩‍👩‍👧 cafe\u{301}.\nВторой абзац.");
        let view = ArticleView::new(&article, 1);
        assert!(view.fits(&article, 1), "same text revision");
        assert!(view.shows(&article));
        assert_eq!(view.char_len(), article.text.chars().count());
        let chars = view.chars(&article.text);
        assert_eq!(chars.slice(8, 11), Some("习近平"));
        assert_eq!(chars.slice(12, 17), Some("👩‍👩‍👧"));
        assert_eq!(chars.slice(18, 23), Some("cafe\u{301}"));
        assert_eq!(view.paragraphs.len(), 2);

        // Any change of a text moves the text revision: the view is rebuilt.
        article.text = article.text.replace("Путин", "Лукаш");
        assert!(!view.fits(&article, 2), "a new text revision");
        article.text.push_str(" ещё");
        assert!(!view.fits(&article, 1), "another length");

        let other = Article::new("Т", article.text.clone());
        let view = ArticleView::new(&article, 8);
        assert!(!view.fits(&other, 8), "another article");
        assert!(!view.shows(&other));
    }
}
