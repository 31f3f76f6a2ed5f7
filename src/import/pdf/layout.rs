//! Reading order from positioned glyphs: glyphs become segments (runs of
//! text on one baseline without a wide gap), segments become lines, and a
//! page whose segments leave a vertical gutter free is read column by
//! column, full-width segments (titles, captions) between the column
//! blocks. Lines become paragraphs at wide line gaps and size changes;
//! within a paragraph a line-end hyphen before a lower-case letter is
//! joined away and lines are joined with a space (none between CJK).

use super::glyphs::Glyph;

/// A run of text on one baseline: its left and right edges, baseline
/// (from the top of the page) and glyph size, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub x: f32,
    pub end: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// A gap wider than this many glyph sizes ends a segment.
const SEGMENT_GAP: f32 = 1.0;
/// A gap wider than this many glyph sizes is a space between words.
const WORD_GAP: f32 = 0.15;

/// The segments of a page's glyphs, in the order they were drawn.
pub fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    let mut last_x = f32::NAN;
    for g in glyphs {
        let size = g.size.max(0.1);
        if let Some(seg) = out.last_mut() {
            let same_line = (g.y - seg.y).abs() < 0.35 * size.max(seg.size);
            let gap = g.x - seg.end;
            if same_line && gap > -0.6 * size && gap < SEGMENT_GAP * size {
                let repeated =
                    seg.text.ends_with(g.text.as_str()) && (g.x - last_x).abs() < 0.1 * size;
                if !repeated {
                    if (g.space_before || gap > WORD_GAP * size) && !seg.text.ends_with(' ') {
                        seg.text.push(' ');
                    }
                    seg.text.push_str(&g.text);
                    seg.end = seg.end.max(g.end);
                }
                last_x = g.x;
                continue;
            }
        }
        last_x = g.x;
        out.push(Segment {
            x: g.x,
            end: g.end.max(g.x),
            y: g.y,
            size,
            text: g.text.clone(),
        });
    }
    for seg in &mut out {
        let trimmed = seg.text.trim_end().len();
        seg.text.truncate(trimmed);
    }
    out
}

/// Segments on one baseline, left to right, merged into lines; the input
/// sorted top to bottom first.
pub fn lines(mut segs: Vec<Segment>) -> Vec<Segment> {
    segs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Segment>> = Vec::new();
    for seg in segs {
        match rows.last_mut() {
            Some(row) if (seg.y - row[0].y).abs() < 0.4 * seg.size.max(row[0].size) => {
                row.push(seg)
            }
            _ => rows.push(vec![seg]),
        }
    }
    rows.into_iter()
        .map(|mut row| {
            row.sort_by(|a, b| a.x.total_cmp(&b.x));
            let mut line = row[0].clone();
            for seg in &row[1..] {
                if !joins_without_space(&line.text, &seg.text)
                    || seg.x - line.end > WORD_GAP * seg.size
                {
                    line.text.push(' ');
                }
                line.text.push_str(&seg.text);
                line.end = line.end.max(seg.end);
                line.size = line.size.max(seg.size);
            }
            line
        })
        .collect()
}

/// Blocks of segments in reading order, by recursive XY cuts: a band is
/// first split at a vertical strip of white space running its whole
/// height (a gutter between columns, a margin of line numbers), read
/// left to right; failing that, at horizontal strips of white space wider
/// than a line's leading (paragraph and section gaps), read top to bottom.
/// A two-column page under a full-width title is so read title, left
/// column, right column.
pub fn blocks(segs: Vec<Segment>) -> Vec<Vec<Segment>> {
    let mut out = Vec::new();
    cut(segs, 0, &mut out);
    out
}

/// Deepest recursion of the cuts.
const MAX_CUT_DEPTH: usize = 24;

fn cut(segs: Vec<Segment>, depth: usize, out: &mut Vec<Vec<Segment>>) {
    if segs.len() < 2 || depth >= MAX_CUT_DEPTH {
        flush(out, &mut { segs });
        return;
    }
    let parts = vertical_cut(&segs).or_else(|| horizontal_cut(&segs));
    match parts {
        Some(parts) => {
            for part in parts {
                cut(part, depth + 1, out);
            }
        }
        None => flush(out, &mut { segs }),
    }
}

fn median_size(segs: &[Segment]) -> f32 {
    let mut sizes: Vec<f32> = segs.iter().map(|s| s.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes[sizes.len() / 2]
}

/// The band split at its widest gutter: an x range no segment covers,
/// between segments on both sides, at least 0.9 glyphs wide in a band of
/// five lines or more (1.5 in three or four, 3 in fewer).
fn vertical_cut(segs: &[Segment]) -> Option<Vec<Vec<Segment>>> {
    let size = median_size(segs);
    let rows = rows_of(segs).len();
    // LaTeX sets two columns 10 pt apart in 10 pt type; word spaces (a
    // third of a glyph) do not line up down five lines of prose.
    let least = match rows {
        5.. => 0.9 * size,
        3..=4 => 1.5 * size,
        _ => 3.0 * size,
    };
    let mut spans: Vec<(f32, f32)> = segs.iter().map(|s| (s.x, s.end.max(s.x))).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f32, f32)> = None;
    let mut reach = spans[0].1;
    for &(x, end) in &spans[1..] {
        if x - reach >= least && best.is_none_or(|(w, _)| x - reach > w) {
            best = Some((x - reach, (x + reach) / 2.0));
        }
        reach = reach.max(end);
    }
    let (_, at) = best?;
    let (left, right): (Vec<Segment>, Vec<Segment>) =
        segs.iter().cloned().partition(|s| s.end <= at);
    Some(vec![left, right])
}

/// The band split at every horizontal gap wider than 0.6 glyphs between
/// the lines' extents (a baseline less 0.8 glyphs to 0.2 below it).
fn horizontal_cut(segs: &[Segment]) -> Option<Vec<Vec<Segment>>> {
    let mut sorted = segs.to_vec();
    sorted.sort_by(|a, b| (a.y - 0.8 * a.size).total_cmp(&(b.y - 0.8 * b.size)));
    let size = median_size(segs);
    let mut parts = vec![Vec::new()];
    let mut bottom = f32::NEG_INFINITY;
    for seg in sorted {
        let top = seg.y - 0.8 * seg.size;
        if top - bottom > 0.6 * size && !parts[parts.len() - 1].is_empty() {
            parts.push(Vec::new());
        }
        bottom = bottom.max(seg.y + 0.2 * seg.size);
        if let Some(last) = parts.last_mut() {
            last.push(seg);
        }
    }
    (parts.len() > 1).then_some(parts)
}

/// The baselines of a band, as lines would be made of them.
fn rows_of(segs: &[Segment]) -> Vec<f32> {
    let mut ys: Vec<(f32, f32)> = segs.iter().map(|s| (s.y, s.size)).collect();
    ys.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rows: Vec<f32> = Vec::new();
    for (y, size) in ys {
        if rows
            .last()
            .is_none_or(|last| (y - last).abs() >= 0.4 * size)
        {
            rows.push(y);
        }
    }
    rows
}

fn flush(out: &mut Vec<Vec<Segment>>, block: &mut Vec<Segment>) {
    if !block.is_empty() {
        out.push(std::mem::take(block));
    }
}

/// The text of a block's lines: paragraphs separated by a blank line.
pub fn block_text(lines: &[Segment]) -> String {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[1].y - w[0].y)
        .filter(|g| *g > 0.0)
        .collect();
    gaps.sort_by(f32::total_cmp);
    let typical = gaps.get(gaps.len() / 2).copied().unwrap_or(0.0);
    let mut text = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let previous = &lines[i - 1];
            let gap = line.y - previous.y;
            let size_change =
                (line.size - previous.size).abs() > 0.2 * previous.size.max(line.size);
            let wide = gap > 1.45 * typical.max(previous.size) || gap < -previous.size;
            if wide || size_change {
                text.push_str("\n\n");
            } else {
                join_line(&mut text, &line.text);
                continue;
            }
        }
        text.push_str(&line.text);
    }
    text
}

/// Appends the next line of a paragraph: a hyphen after a letter at the
/// end of the text is taken out before a lower-case letter (a word broken
/// at the line end) and kept without a space before another, a soft
/// hyphen always goes; otherwise a space, except between two
/// CJK chars.
fn join_line(text: &mut String, next: &str) {
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    let mut tail = text.chars().rev();
    let last = tail.next();
    let before = tail.next();
    match last {
        Some('\u{ad}') => {
            text.pop();
        }
        Some('-' | '\u{2010}') if before.is_some_and(char::is_alphabetic) => {
            // A word broken at the line end loses its hyphen; a compound
            // (Anglo-Saxon) keeps it, without a space.
            if next_lower {
                text.pop();
            }
        }
        _ if joins_without_space(text, next) => {}
        _ => text.push(' '),
    }
    text.push_str(next);
}

fn joins_without_space(before: &str, after: &str) -> bool {
    let last = before.chars().next_back();
    let first = after.chars().next();
    matches!((last, first), (Some(a), Some(b)) if is_cjk(a) && is_cjk(b))
}

/// Han, kana, Hangul and the CJK punctuation, which are written without
/// spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

/// Ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) expanded to their letters; Arabic
/// presentation forms to the letters they show. Nothing else changes.
pub fn expand_ligatures(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if !text.chars().any(is_compat_form) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_compat_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_compat_form(c: char) -> bool {
    matches!(c as u32, 0xFB00..=0xFB06 | 0xFB50..=0xFDFF | 0xFE70..=0xFEFC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f32, y: f32, text: &str) -> Glyph {
        Glyph {
            x,
            y,
            end: x + 5.0 * text.chars().count() as f32,
            size: 10.0,
            text: text.to_owned(),
            space_before: false,
        }
    }

    fn seg(x: f32, y: f32, text: &str) -> Segment {
        Segment {
            x,
            end: x + 150.0,
            y,
            size: 10.0,
            text: text.to_owned(),
        }
    }

    #[test]
    fn glyphs_with_gaps_become_words_and_far_ones_new_segments() {
        let glyphs = [
            glyph(10.0, 50.0, "Th"),
            glyph(20.0, 50.0, "e"),
            glyph(28.0, 50.0, "cat"),
            glyph(300.0, 50.0, "far"),
            glyph(10.0, 70.0, "next"),
        ];
        let segs = segments(&glyphs);
        let texts: Vec<&str> = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["The cat", "far", "next"]);
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut segs = vec![Segment {
            x: 50.0,
            end: 500.0,
            y: 20.0,
            size: 16.0,
            text: "A title across both columns".to_owned(),
        }];
        for row in 0..6 {
            let y = 60.0 + row as f32 * 12.0;
            segs.push(seg(50.0, y, &format!("left {row}")));
            segs.push(seg(300.0, y, &format!("right {row}")));
        }
        let order: Vec<String> = blocks(segs)
            .into_iter()
            .flat_map(|b| lines(b).into_iter().map(|l| l.text))
            .collect();
        assert_eq!(order[0], "A title across both columns");
        assert_eq!(
            order[1..7],
            ["left 0", "left 1", "left 2", "left 3", "left 4", "left 5"]
        );
        assert_eq!(order[7], "right 0");
    }

    #[test]
    fn one_column_is_one_block_per_paragraph() {
        let mut segs: Vec<Segment> = (0..10)
            .map(|row| Segment {
                end: 500.0,
                ..seg(50.0, 20.0 + row as f32 * 12.0, &format!("line {row}"))
            })
            .collect();
        segs.push(seg(50.0, 180.0, "after a gap"));
        let blocks = blocks(segs);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].len(), 10);
        assert_eq!(blocks[1][0].text, "after a gap");
    }

    #[test]
    fn a_margin_of_line_numbers_is_read_apart() {
        let mut segs = Vec::new();
        for row in 0..5 {
            let y = 100.0 + row as f32 * 12.0;
            segs.push(Segment {
                end: 60.0,
                ..seg(50.0, y, &row.to_string())
            });
            segs.push(seg(120.0, y, &format!("text {row}")));
        }
        let order: Vec<String> = blocks(segs)
            .into_iter()
            .flat_map(|b| lines(b).into_iter().map(|l| l.text))
            .collect();
        assert_eq!(
            order,
            [
                "0", "1", "2", "3", "4", "text 0", "text 1", "text 2", "text 3", "text 4"
            ]
        );
    }

    #[test]
    fn hyphens_join_broken_words_and_gaps_make_paragraphs() {
        let lines = [
            seg(0.0, 10.0, "The govern-"),
            seg(0.0, 22.0, "ment said the Anglo-"),
            seg(0.0, 34.0, "Saxon model"),
            seg(0.0, 70.0, "New paragraph 会"),
            seg(0.0, 82.0, "谈 here."),
        ];
        assert_eq!(
            block_text(&lines),
            "The government said the Anglo-Saxon model\n\nNew paragraph 会谈 here."
        );
    }

    #[test]
    fn ligatures_and_presentation_forms_are_expanded_only() {
        assert_eq!(expand_ligatures("e\u{fb03}cient ﬁ ½ ²"), "efficient fi ½ ²");
        assert_eq!(expand_ligatures("\u{fee3}"), "\u{645}");
    }
}
