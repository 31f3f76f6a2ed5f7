//! The positioned glyphs of each page: pdf-extract interprets the content
//! streams and decodes the fonts (ToUnicode maps, simple and CID
//! encodings); this collector keeps every glyph with where it was drawn,
//! so that the layout pass ([`super::layout`]) can put them in reading
//! order itself.
//!
//! A page that fails (an error or a panic in the interpreter) is reported
//! and left empty; the pages after it are still read.

use super::layout::{Segment, segments};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};

/// Most glyphs drawn on one page (a dense page has some 5,000).
pub const MAX_PAGE_GLYPHS: usize = 1_000_000;
/// Most glyphs drawn in the whole document (a 10,000-page report of
/// dense text has some 30 million).
pub const MAX_GLYPHS: usize = 40_000_000;

/// One glyph as drawn: its left edge, baseline (from the top of the
/// page), right edge and size, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub end: f32,
    pub size: f32,
    pub text: String,
    /// A space glyph (or word spacing) came just before it.
    pub space_before: bool,
}

/// A page's size and text segments (its glyphs are turned into segments
/// as soon as the page ends, so that only one page's glyphs are held).
#[derive(Clone, Debug, Default)]
pub struct RawPage {
    pub height: f32,
    pub segments: Vec<Segment>,
    /// Why the page could not be read, when it could not.
    pub failure: Option<String>,
    /// The page's text as the simpler reader gives it (no positions), for
    /// a page the glyph reader left empty.
    pub fallback: Option<String>,
}

/// Why collecting stopped early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Cancelled,
    TooManyGlyphs,
}

struct Collector<'a> {
    pages: Vec<RawPage>,
    glyphs: Vec<Glyph>,
    flip_height: f64,
    pending_space: bool,
    total: usize,
    stop: Option<Stop>,
    cancelled: &'a AtomicBool,
}

impl Collector<'_> {
    fn halt(&mut self, why: Stop) -> Result<(), OutputError> {
        self.stop = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }
}

impl OutputDev for Collector<'_> {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        if self.cancelled.load(Ordering::Relaxed) {
            return self.halt(Stop::Cancelled);
        }
        self.flip_height = media_box.ury;
        self.pages.push(RawPage {
            height: (media_box.ury - media_box.lly).abs() as f32,
            ..RawPage::default()
        });
        self.pending_space = false;
        self.glyphs.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        if let Some(page) = self.pages.last_mut() {
            page.segments = segments(&self.glyphs);
        }
        self.glyphs.clear();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if text.chars().all(char::is_whitespace) {
            self.pending_space = true;
            return Ok(());
        }
        self.total += 1;
        if self.total > MAX_GLYPHS || self.glyphs.len() >= MAX_PAGE_GLYPHS {
            return self.halt(Stop::TooManyGlyphs);
        }
        if self.total.is_multiple_of(4096) && self.cancelled.load(Ordering::Relaxed) {
            return self.halt(Stop::Cancelled);
        }
        // The font size as drawn: the side of the square whose area is
        // that of the transformed size vector.
        let sx = font_size * (trm.m11 + trm.m21);
        let sy = font_size * (trm.m12 + trm.m22);
        let size = (sx * sy).abs().sqrt();
        let size = if size.is_finite() && size > 0.01 {
            size
        } else {
            1.0
        };
        let (x, y) = (trm.m31, self.flip_height - trm.m32);
        let advance = (width * size).max(0.0);
        let glyph = Glyph {
            x: x as f32,
            y: y as f32,
            end: (x + advance) as f32,
            size: size as f32,
            text: text.to_owned(),
            space_before: std::mem::take(&mut self.pending_space),
        };
        if glyph.x.is_finite() && glyph.y.is_finite() {
            self.glyphs.push(glyph);
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// The glyphs of every page of `doc`, `page_count` pages in all, or why
/// reading stopped. Reading goes through the document in one pass; when a
/// page fails, it is marked and the following pages are read one by one.
pub fn collect(
    doc: &pdf_extract::Document,
    page_count: usize,
    cancelled: &AtomicBool,
) -> Result<Vec<RawPage>, Stop> {
    let mut collector = Collector {
        pages: Vec::with_capacity(page_count.min(100_000)),
        glyphs: Vec::new(),
        flip_height: 0.0,
        pending_space: false,
        total: 0,
        stop: None,
        cancelled,
    };
    let whole = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::output_doc(doc, &mut collector)
    }));
    if let Some(stop) = collector.stop {
        return Err(stop);
    }
    if matches!(whole, Ok(Ok(()))) && collector.pages.len() == page_count {
        return Ok(collector.pages);
    }
    // A page failed: it is the last one begun. Keep the pages before it,
    // mark it, and go on page by page.
    let failed_at = collector.pages.len().max(1);
    collector.pages.truncate(failed_at - 1);
    collector.pages.push(failed_page(describe(&whole)));
    for number in failed_at + 1..=page_count {
        let before = collector.pages.len();
        let one = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(doc, &mut collector, number as u32)
        }));
        if let Some(stop) = collector.stop {
            return Err(stop);
        }
        if !matches!(one, Ok(Ok(()))) {
            collector.pages.truncate(before);
            collector.pages.push(failed_page(describe(&one)));
        }
    }
    Ok(collector.pages)
}

/// Most pages read again by the simpler reader (each looks the page up
/// from the top of the page tree).
pub const MAX_FALLBACK_PAGES: usize = 200;

/// Reads the pages left empty (or failed) again with lopdf's own text
/// extraction, which knows nothing of positions but decodes some fonts the
/// glyph reader does not.
pub fn fill_empty_pages(
    doc: &pdf_extract::Document,
    pages: &mut [RawPage],
    cancelled: &AtomicBool,
) {
    let mut tried = 0;
    for (i, page) in pages.iter_mut().enumerate() {
        if !page.segments.is_empty() {
            continue;
        }
        if tried >= MAX_FALLBACK_PAGES || cancelled.load(Ordering::Relaxed) {
            return;
        }
        tried += 1;
        let Ok(number) = u32::try_from(i + 1) else {
            return;
        };
        let text = catch_unwind(AssertUnwindSafe(|| doc.extract_text(&[number])));
        if let Ok(Ok(text)) = text
            && !text.trim().is_empty()
        {
            page.fallback = Some(text);
        }
    }
}

fn failed_page(why: String) -> RawPage {
    RawPage {
        failure: Some(why),
        ..RawPage::default()
    }
}

fn describe(outcome: &std::thread::Result<Result<(), OutputError>>) -> String {
    match outcome {
        Ok(Ok(())) => "it was left out by the reader".to_owned(),
        Ok(Err(e)) => format!("it could not be read ({e})"),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "an internal error".to_owned());
            format!("its reader failed ({})", first_line(&what))
        }
    }
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(120)
        .collect()
}
