//! The article's whole text cut into AccessKit text runs, so a screen
//! reader reads it as one document with a caret and a selection (the
//! AT-SPI Text interface): every char of the article is in exactly one run,
//! in order, so an offset a screen reader names is the article's own char
//! offset. A paragraph in view gets one run per row on screen (a screen
//! reader's "line" is the row the checker sees); one out of view is one
//! line, cut into runs of at most [`MAX_RUN_CHARS`] chars linked as one
//! line. The text between paragraphs (the `\n`) ends the run before it, so
//! paragraph ends are where AccessKit looks for them.

use super::layout::ArticleView;
use egui::Rect;
use std::ops::Range;

/// AccessKit counts word starts in a run with a `u8`.
pub(super) const MAX_RUN_CHARS: usize = 255;

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
    /// The paragraph reads right to left.
    pub rtl: bool,
}

/// One line of text, before it is cut into runs.
struct Line {
    chars: Range<usize>,
    bounds: Option<Rect>,
    rtl: bool,
}

/// Every run of the article `text` as `view` shows it now.
pub(super) fn article_runs(view: &ArticleView, text: &str) -> Vec<TextRun> {
    let lines = article_lines(view, text);
    let mut runs = Vec::with_capacity(lines.len());
    let mut chars = text.char_indices().peekable();
    let mut at_char = 0;
    // Before the text's first char, as after a paragraph's end: a word
    // starting there needs no mark (AccessKit starts one at each line's
    // start after a line break).
    let mut word_char_before = false;
    let mut after_break = true;
    for (line_number, line) in lines.iter().enumerate() {
        debug_assert_eq!(line.chars.start, at_char);
        let mut run_start = line.chars.start;
        while run_start < line.chars.end || (run_start == line.chars.end && line.chars.is_empty()) {
            let run_end = (run_start + MAX_RUN_CHARS).min(line.chars.end);
            let byte_start = chars.peek().map_or(text.len(), |(b, _)| *b);
            let mut char_lengths = Vec::with_capacity(run_end - run_start);
            let mut word_starts = Vec::new();
            for i in 0..run_end - run_start {
                let Some((_, c)) = chars.next() else { break };
                let word_char = c.is_alphanumeric();
                if word_char && !word_char_before && !(i == 0 && after_break) {
                    word_starts.push(i as u8);
                }
                word_char_before = word_char;
                after_break = c == '\n';
                char_lengths.push(c.len_utf8() as u8);
            }
            let byte_end = chars.peek().map_or(text.len(), |(b, _)| *b);
            at_char = run_end;
            runs.push(TextRun {
                chars: run_start..run_end,
                bytes: byte_start..byte_end,
                char_lengths,
                word_starts,
                line: line_number,
                bounds: line.bounds,
                rtl: line.rtl,
            });
            if run_end == line.chars.end {
                break;
            }
            run_start = run_end;
        }
    }
    runs
}

/// The article's lines: rows of the paragraphs in view, whole paragraphs
/// out of view; together every char of the text once, in order.
fn article_lines(view: &ArticleView, text: &str) -> Vec<Line> {
    let total = view.char_len();
    let paragraphs = &view.paragraphs;
    let mut lines = Vec::with_capacity(paragraphs.len());
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let own_start = if index == 0 { 0 } else { paragraph.chars.start };
        let own_end = paragraphs.get(index + 1).map_or(total, |p| p.chars.start);
        let shown = view.visible.iter().find(|(i, _)| *i == index);
        let cached = view.galleys.get(&index);
        match (shown, cached) {
            (Some((_, rect)), Some(cached)) => {
                let rows = cached.layout.row_chars();
                let rtl = cached.layout.direction().unwrap_or(false);
                for (row, local) in rows.iter().enumerate() {
                    let start = if row == 0 {
                        own_start
                    } else {
                        paragraph.chars.start + local.start
                    };
                    let end = match rows.get(row + 1) {
                        Some(next) => paragraph.chars.start + next.start,
                        None => own_end,
                    };
                    let bounds = cached.layout.row_rect(row).translate(rect.min.to_vec2());
                    lines.push(Line {
                        chars: start..end.max(start),
                        bounds: Some(bounds),
                        rtl,
                    });
                }
            }
            _ => {
                let slice = text.get(paragraph.bytes.clone()).unwrap_or_default();
                lines.push(Line {
                    chars: own_start..own_end,
                    bounds: None,
                    rtl: crate::text::has_rtl(slice),
                });
            }
        }
    }
    lines
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
            assert!(run.chars.len() <= MAX_RUN_CHARS);
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
            runs.iter().any(|r| r.rtl),
            "the Arabic paragraph is right to left"
        );
        assert!(!runs[0].rtl);
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
