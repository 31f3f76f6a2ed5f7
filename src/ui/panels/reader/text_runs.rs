//! The article's whole text cut into AccessKit text runs, so a screen
//! reader reads it as one document with a caret and a selection (the
//! AT-SPI Text interface): every char of the article is in exactly one run,
//! in order, so an offset a screen reader names is the article's own char
//! offset. A paragraph in view gets one run per row on screen (a screen
//! reader's "line" is the row the checker sees); the paragraphs just above
//! and below the view one line each, cut into runs of at most
//! [`MAX_RUN_CHARS`] chars linked as one line, with their word starts; the
//! rest of the article, far from the view, comes in long runs of whole
//! paragraphs (up to [`FAR_RUN_CHARS`] chars, no word starts): its text is
//! all there, for reading and counting, at a cost of a few dozen nodes a
//! frame for a 1 MB article instead of thousands. (The caret is always in
//! view — the reader scrolls to it — so words are only asked for near it.)
//! The text between paragraphs (the `\n`) ends the run before it, so
//! paragraph ends are where AccessKit looks for them.

use super::layout::ArticleView;
use egui::Rect;
use std::ops::Range;

/// AccessKit counts word starts in a run with a `u8`.
pub(super) const MAX_RUN_CHARS: usize = 255;
/// The longest run of paragraphs far from the view.
pub(super) const FAR_RUN_CHARS: usize = 16_384;
/// Paragraphs this close to the view (above or below) are near it.
const NEAR_PARAGRAPHS: usize = 24;

/// One text run: a stretch of the article on one line.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct TextRun {
    /// Article chars.
    pub chars: Range<usize>,
    /// The same stretch in bytes of the article's text.
    pub bytes: Range<usize>,
    /// Bytes of each char (what AccessKit calls character lengths).
    pub char_lengths: Vec<u8>,
    /// Where words start, as char indices within the run.
    pub word_starts: Vec<u8>,
    /// Runs of one line share its number; the first run of a line starts it.
    pub line: usize,
    /// Where the row is drawn, for a paragraph in view.
    pub bounds: Option<Rect>,
    /// Each char's left edge from `bounds`' left and its advance, for a row
    /// in view laid out left to right.
    pub metrics: Option<CharMetrics>,
    /// The paragraph reads right to left (`None`: not looked at, far from
    /// the view).
    pub rtl: Option<bool>,
}

/// Where a run's chars are: each one's left edge from the run's left, and
/// its advance (AccessKit's character positions and widths).
pub(super) type CharMetrics = (Vec<f32>, Vec<f32>);

/// One line of text, before it is cut into runs.
struct Line {
    chars: Range<usize>,
    bounds: Option<Rect>,
    /// Left edge and advance of each char, from `bounds`' left.
    metrics: Option<Vec<(f32, f32)>>,
    rtl: Option<bool>,
    /// Far from the view: one long run, no word starts.
    far: bool,
}

/// Every run of the article `text` as `view` shows it now.
pub(super) fn article_runs(view: &ArticleView, text: &str) -> Vec<TextRun> {
    let index = view.chars(text);
    let byte_of = |c: usize| index.byte_of(c).unwrap_or(text.len());
    let mut runs = Vec::new();
    for (number, line) in article_lines(view, text).into_iter().enumerate() {
        let mut start = line.chars.start;
        loop {
            let end = if line.far {
                line.chars.end
            } else {
                (start + MAX_RUN_CHARS).min(line.chars.end)
            };
            let bytes = byte_of(start)..byte_of(end);
            let before = text[..bytes.start].chars().next_back();
            let slice = &text[bytes.clone()];
            let (char_lengths, word_starts) = if line.far {
                (
                    slice.chars().map(|c| c.len_utf8() as u8).collect(),
                    Vec::new(),
                )
            } else {
                chars_and_words(slice, before)
            };
            let (bounds, metrics) = run_geometry(&line, start..end);
            runs.push(TextRun {
                chars: start..end,
                bytes,
                char_lengths,
                word_starts,
                line: number,
                bounds,
                metrics,
                rtl: line.rtl,
            });
            if end >= line.chars.end {
                break;
            }
            start = end;
        }
    }
    runs
}

/// Where the run of `chars` on `line` is drawn and where its chars are,
/// from the run's own left edge.
fn run_geometry(line: &Line, chars: Range<usize>) -> (Option<Rect>, Option<CharMetrics>) {
    let Some(bounds) = line.bounds else {
        return (None, None);
    };
    let Some(all) = &line.metrics else {
        return (Some(bounds), None);
    };
    let from = chars.start - line.chars.start;
    let to = chars.end - line.chars.start;
    let Some(metrics) = all.get(from..to) else {
        return (Some(bounds), None);
    };
    let left = metrics.first().map_or(0.0, |(x, _)| *x);
    let mut run_bounds = bounds;
    run_bounds.min.x += left;
    let positions = metrics.iter().map(|(x, _)| x - left).collect();
    let widths = metrics.iter().map(|(_, w)| *w).collect();
    (Some(run_bounds), Some((positions, widths)))
}

/// The bytes of each char of `slice`, and where its words start (a word
/// starting the slice right after a line break needs no mark: AccessKit
/// starts one at each line's start after a break).
fn chars_and_words(slice: &str, before: Option<char>) -> (Vec<u8>, Vec<u8>) {
    let mut lengths = Vec::with_capacity(slice.len());
    let mut words = Vec::new();
    let mut previous = before;
    for (i, c) in slice.chars().enumerate() {
        let word_char = c.is_alphanumeric();
        let after_word = previous.is_some_and(char::is_alphanumeric);
        let at_line_start = i == 0 && previous.is_none_or(|p| p == '\n');
        if word_char && !after_word && !at_line_start {
            words.push(i as u8);
        }
        lengths.push(c.len_utf8() as u8);
        previous = Some(c);
    }
    (lengths, words)
}

/// The article's lines, together every char of the text once, in order:
/// rows of the paragraphs in view, whole paragraphs near it, and long
/// stretches of paragraphs far from it.
fn article_lines(view: &ArticleView, text: &str) -> Vec<Line> {
    let paragraphs = &view.paragraphs;
    let (first_shown, last_shown) = match (view.visible.first(), view.visible.last()) {
        (Some((first, _)), Some((last, _))) => (*first, *last),
        _ => (0, 0),
    };
    let near = first_shown.saturating_sub(NEAR_PARAGRAPHS)..last_shown + NEAR_PARAGRAPHS + 1;
    let mut lines: Vec<Line> = Vec::with_capacity(paragraphs.len().min(512));
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let own = own_chars(view, index);
        let shown = view.visible.iter().find(|(i, _)| *i == index);
        match (shown, view.galleys.get(&index)) {
            (Some((_, rect)), Some(cached)) => {
                let rows = cached.layout.row_chars();
                let rtl = cached.layout.direction().or(Some(false));
                for (row, local) in rows.iter().enumerate() {
                    let start = if row == 0 {
                        own.start
                    } else {
                        paragraph.chars.start + local.start
                    };
                    let end = match rows.get(row + 1) {
                        Some(next) => paragraph.chars.start + next.start,
                        None => own.end,
                    };
                    let bounds = cached.layout.row_rect(row).translate(rect.min.to_vec2());
                    let chars = start..end.max(start);
                    let metrics = cached
                        .layout
                        .row_char_metrics(row)
                        .and_then(|glyphs| line_metrics(glyphs, chars.len(), bounds.width()));
                    lines.push(Line {
                        chars,
                        bounds: Some(bounds),
                        metrics,
                        rtl,
                        far: false,
                    });
                }
            }
            _ if near.contains(&index) => {
                let slice = text.get(paragraph.bytes.clone()).unwrap_or_default();
                lines.push(Line {
                    chars: own,
                    bounds: None,
                    metrics: None,
                    rtl: Some(crate::text::has_rtl(slice)),
                    far: false,
                });
            }
            _ => add_far(&mut lines, own),
        }
    }
    lines
}

/// A row's char metrics for a line of `chars` chars: the row's glyphs
/// (one a char), then the line break after the row's last char, drawn at
/// the row's end with no width. `None` when they do not add up.
fn line_metrics(mut glyphs: Vec<(f32, f32)>, chars: usize, width: f32) -> Option<Vec<(f32, f32)>> {
    if glyphs.len() > chars {
        return None;
    }
    glyphs.resize(chars, (width, 0.0));
    Some(glyphs)
}

/// The chars paragraph `index` owns: from its start (the text's start for
/// the first) to the next one's start (the text's end for the last), so
/// the `\n` after it is its own.
fn own_chars(view: &ArticleView, index: usize) -> Range<usize> {
    let paragraphs = &view.paragraphs;
    let start = if index == 0 {
        0
    } else {
        paragraphs[index].chars.start
    };
    let end = paragraphs
        .get(index + 1)
        .map_or(view.char_len(), |p| p.chars.start);
    start..end
}

/// Adds a paragraph far from the view: to the far line before it while
/// that stays under [`FAR_RUN_CHARS`], else as new far lines.
fn add_far(lines: &mut Vec<Line>, own: Range<usize>) {
    if own.is_empty() {
        // The empty paragraph after a final line break: nothing to read.
        if lines.is_empty() {
            lines.push(far_line(own));
        }
        return;
    }
    if let Some(last) = lines.last_mut()
        && last.far
        && last.chars.end == own.start
        && own.end - last.chars.start <= FAR_RUN_CHARS
    {
        last.chars.end = own.end;
        return;
    }
    let mut start = own.start;
    while start < own.end {
        let end = (start + FAR_RUN_CHARS).min(own.end);
        lines.push(far_line(start..end));
        start = end;
    }
}

fn far_line(chars: Range<usize>) -> Line {
    Line {
        chars,
        bounds: None,
        metrics: None,
        rtl: None,
        far: true,
    }
}

/// The run holding caret position `pos` and the index within it (the end
/// of the last run for the text's end).
pub(super) fn run_position(runs: &[TextRun], pos: usize) -> Option<(usize, usize)> {
    let after = runs.partition_point(|run| run.chars.start <= pos);
    let index = after.checked_sub(1)?;
    let run = &runs[index];
    Some((index, pos.min(run.chars.end) - run.chars.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str) -> Vec<TextRun> {
        let article = crate::model::Article::new("Runs", text);
        let view = ArticleView::new(&article, 0);
        article_runs(&view, text)
    }

    /// The runs cover the text exactly once, in order.
    fn assert_cover(text: &str, runs: &[TextRun]) {
        let joined: String = runs.iter().map(|r| &text[r.bytes.clone()]).collect();
        assert_eq!(joined, text);
        let mut at = 0;
        for run in runs {
            assert_eq!(run.chars.start, at);
            assert_eq!(run.char_lengths.len(), run.chars.len());
            assert!(run.chars.len() <= FAR_RUN_CHARS);
            if !run.word_starts.is_empty() || run.rtl.is_some() {
                assert!(run.chars.len() <= MAX_RUN_CHARS, "a run near the view");
            }
            let bytes: usize = run.char_lengths.iter().map(|l| *l as usize).sum();
            assert_eq!(bytes, run.bytes.len());
            at = run.chars.end;
        }
        assert_eq!(at, text.chars().count());
    }

    #[test]
    fn runs_cover_every_char_of_many_scripts_once() {
        let text =
            "Путин встретил Си.\n\n习近平 выступил 🇺🇦 e\u{301}te\u{301}.\nمرحبا بالعالم 2024\n";
        let runs = runs_of(text);
        assert_cover(text, &runs);
        assert!(
            runs.iter().any(|r| r.rtl == Some(true)),
            "the Arabic paragraph is right to left"
        );
        assert_eq!(runs[0].rtl, Some(false));
        assert!(text[runs[0].bytes.clone()].ends_with('\n'));
    }

    #[test]
    fn long_paragraphs_are_cut_into_linked_runs() {
        let text = format!("{}\nend", "слово ".repeat(200));
        let runs = runs_of(&text);
        assert_cover(&text, &runs);
        assert!(runs.len() >= 6, "{} runs", runs.len());
        assert_eq!(runs[0].line, runs[1].line, "one paragraph, one line");
        assert_ne!(runs.first().unwrap().line, runs.last().unwrap().line);
    }

    #[test]
    fn paragraphs_far_from_the_view_come_in_long_runs() {
        let text: String = (0..2_000)
            .map(|i| format!("Абзац {i}: 习近平 🇺🇦 e\u{301} مرحبا {i}.\n"))
            .collect();
        let runs = runs_of(&text);
        assert_cover(&text, &runs);
        let far: Vec<_> = runs.iter().filter(|r| r.rtl.is_none()).collect();
        assert!(!far.is_empty());
        assert!(far.iter().all(|r| r.chars.len() <= FAR_RUN_CHARS));
        assert!(
            runs.len() < 200,
            "{} runs for 2,000 paragraphs: far ones are grouped",
            runs.len()
        );
        for run in &far {
            let value = &text[run.bytes.clone()];
            assert!(value.ends_with('\n'), "a far run ends at a paragraph's end");
        }
    }

    #[test]
    fn words_start_after_spaces_and_punctuation() {
        let text = "Ab, cd ef-gh";
        let runs = runs_of(text);
        assert_eq!(runs[0].word_starts, vec![4, 7, 10]);
    }

    #[test]
    fn an_empty_article_has_one_empty_run() {
        let runs = runs_of("");
        assert_eq!(runs.len(), 1);
        assert!(runs[0].chars.is_empty());
    }

    #[test]
    fn positions_find_their_run() {
        let text = "one\ntwo\n";
        let runs = runs_of(text);
        assert_eq!(run_position(&runs, 0), Some((0, 0)));
        assert_eq!(run_position(&runs, 4), Some((1, 0)));
        assert_eq!(run_position(&runs, 6), Some((1, 2)));
        let last = runs.len() - 1;
        assert_eq!(run_position(&runs, 8), Some((last, runs[last].chars.len())));
    }
}
