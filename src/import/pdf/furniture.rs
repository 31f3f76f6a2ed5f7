//! Running headers and footers: the top or bottom line of a page that
//! comes back on most pages (digits aside, so "Page 3 of 40" and a bare
//! page number count as the same line) is page furniture, kept apart from
//! the body text.

use super::layout::Segment;
use std::collections::HashMap;

/// A line at the top or bottom of a page; `segments` are its parts.
#[derive(Clone, Debug)]
pub struct EdgeLine {
    pub key: String,
    pub text: String,
    pub segments: Vec<usize>,
}

/// The top and bottom lines of a page's segments: those whose baseline is
/// within half a glyph of the highest (lowest) one, when that is in the
/// top (bottom) fifth of a page `height` points high.
pub fn edges(segs: &[Segment], height: f32) -> (Option<EdgeLine>, Option<EdgeLine>) {
    if segs.len() < 2 {
        return (None, None);
    }
    let top = segs.iter().map(|s| s.y).fold(f32::INFINITY, f32::min);
    let bottom = segs.iter().map(|s| s.y).fold(f32::NEG_INFINITY, f32::max);
    let pick = |at: f32| {
        let mut parts: Vec<usize> = (0..segs.len())
            .filter(|&i| (segs[i].y - at).abs() < 0.5 * segs[i].size)
            .collect();
        parts.sort_by(|&a, &b| segs[a].x.total_cmp(&segs[b].x));
        let text = parts
            .iter()
            .map(|&i| segs[i].text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        EdgeLine {
            key: key_of(&text),
            text,
            segments: parts,
        }
    };
    let near = |y: f32, edge: f32| height <= 0.0 || (y - edge).abs() < 0.2 * height;
    (
        near(top, 0.0).then(|| pick(top)),
        near(bottom, height).then(|| pick(bottom)),
    )
}

/// The line compared across pages: lower case, digits as `#`, spaces
/// folded.
fn key_of(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| if c.is_numeric() { '#' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    let mut key = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    while key.contains("##") {
        key = key.replace("##", "#");
    }
    key
}

/// Which pages' top and bottom lines are furniture: a key seen on at least
/// half the pages, and on three or more (two for a two-page document).
pub fn repeated(keys: &[Option<String>]) -> Vec<bool> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(key.as_str()).or_default() += 1;
    }
    let pages = keys.len();
    let needed = (pages.div_ceil(2)).max(if pages <= 2 { 2 } else { 3 });
    keys.iter()
        .map(|key| {
            key.as_deref()
                .is_some_and(|k| !k.is_empty() && counts.get(k).copied().unwrap_or(0) >= needed)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(y: f32, text: &str) -> Segment {
        Segment {
            x: 50.0,
            end: 200.0,
            y,
            size: 10.0,
            text: text.to_owned(),
        }
    }

    #[test]
    fn top_and_bottom_lines_are_found_and_keyed_without_digits() {
        let segs = [
            seg(20.0, "Annual Report 2024"),
            seg(60.0, "body"),
            seg(780.0, "Page 12 of 40"),
        ];
        let (top, bottom) = edges(&segs, 792.0);
        assert_eq!(top.unwrap().key, "annual report #");
        let bottom = bottom.unwrap();
        assert_eq!(bottom.key, "page # of #");
        assert_eq!(bottom.segments, [2]);
        let middle = [seg(300.0, "a"), seg(320.0, "b")];
        assert!(matches!(edges(&middle, 792.0), (None, None)));
    }

    #[test]
    fn a_line_on_most_pages_is_furniture_and_a_unique_one_is_not() {
        let keys: Vec<Option<String>> = ["page #", "page #", "introduction", "page #"]
            .iter()
            .map(|k| Some((*k).to_owned()))
            .collect();
        assert_eq!(repeated(&keys), [true, true, false, true]);
        let two = [Some("x".to_owned()), Some("y".to_owned())];
        assert_eq!(repeated(&two), [false, false]);
    }
}
