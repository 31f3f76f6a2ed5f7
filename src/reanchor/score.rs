//! How alike two short texts are, and how well a candidate's surroundings
//! match the context a claim kept.

use crate::anchor::{Anchor, CharIndex};
use std::time::Instant;

/// How alike two texts are, char by char: twice the chars they share in
/// order over their total length (1.0 the same, 0.0 nothing in common).
pub fn likeness(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    f64::from(similar::TextDiff::from_chars(a, b).ratio())
}

/// Like [`likeness`], but the char diff stops searching at `deadline`
/// and counts what it has not matched by then as different: never more
/// alike than [`likeness`] says, never slower than the deadline allows
/// (plus a linear pass).
pub fn likeness_until(a: &str, b: &str, deadline: Instant) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .deadline(deadline)
        .diff_chars(a, b);
    f64::from(diff.ratio())
}

/// How well the text around new chars `start..end` matches the anchor's
/// prefix and suffix: `(prefix, suffix)` likeness. A side the anchor kept
/// nothing for (the quote was at the text's start or end) counts as matching;
/// where the new text ends sooner, only what it has is compared.
pub fn context(anchor: &Anchor, new: &CharIndex<'_>, start: usize, end: usize) -> (f64, f64) {
    let before = anchor.prefix.chars().count();
    let after = anchor.suffix.chars().count();
    let prefix = new
        .slice(start.saturating_sub(before), start)
        .unwrap_or_default();
    let suffix = new
        .slice(end, (end + after).min(new.char_len()))
        .unwrap_or_default();
    let found_len = |found: &str| found.chars().count();
    let kept_prefix: String = {
        let skip = before.saturating_sub(found_len(prefix));
        anchor.prefix.chars().skip(skip).collect()
    };
    let kept_suffix: String = anchor.suffix.chars().take(found_len(suffix)).collect();
    let side = |kept: &str, found: &str| {
        if kept.is_empty() {
            1.0
        } else {
            likeness(kept, found)
        }
    };
    (side(&kept_prefix, prefix), side(&kept_suffix, suffix))
}

/// Longest stretch of a line (in bytes, either side of a quote) compared by
/// [`line_context`].
const MAX_LINE_BYTES: usize = 600;

/// The rest of the line (paragraph) around chars `start..end`: what comes
/// before the quote on its line and what comes after it.
fn rest_of_line<'t>(index: &CharIndex<'t>, start: usize, end: usize) -> (&'t str, &'t str) {
    let text = index.text();
    let (Some(from), Some(to)) = (index.byte_of(start), index.byte_of(end)) else {
        return ("", "");
    };
    let mut low = from.saturating_sub(MAX_LINE_BYTES);
    while !text.is_char_boundary(low) {
        low -= 1;
    }
    let mut high = (to + MAX_LINE_BYTES).min(text.len());
    while !text.is_char_boundary(high) {
        high += 1;
    }
    let before = &text[low..from];
    let before = before.rsplit('\n').next().unwrap_or(before);
    let after = &text[to..high];
    let after = after.split('\n').next().unwrap_or(after);
    (before, after)
}

/// How alike the rest of the quote's line is in the old and the new text: a
/// paragraph moved whole keeps its line even when the text around it (the
/// prefix and suffix) changed. A quote that is a whole line on both sides
/// counts as matching when it is at least `whole_line_chars` long.
pub fn line_context(
    old: &CharIndex<'_>,
    old_span: (usize, usize),
    new: &CharIndex<'_>,
    new_span: (usize, usize),
    whole_line_chars: usize,
) -> f64 {
    let (ob, oa) = rest_of_line(old, old_span.0, old_span.1);
    let (nb, na) = rest_of_line(new, new_span.0, new_span.1);
    if ob.is_empty() && oa.is_empty() && nb.is_empty() && na.is_empty() {
        return if old_span.1 - old_span.0 >= whole_line_chars {
            1.0
        } else {
            0.0
        };
    }
    likeness(&format!("{ob}\u{0}{oa}"), &format!("{nb}\u{0}{na}"))
}

/// How near a candidate is to where the diff says the quote went: 1.0 there,
/// falling with the distance in chars.
pub fn nearness(found: usize, expected: usize) -> f64 {
    1.0 / (1.0 + found.abs_diff(expected) as f64 / 256.0)
}

/// A candidate's score: mostly how alike its text is to the quote, then how
/// well its context matches, then how near it is.
pub fn combine(quote: f64, (prefix, suffix): (f64, f64), near: f64) -> f64 {
    (0.6 * quote + 0.3 * (prefix + suffix) / 2.0 + 0.1 * near).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likeness_counts_shared_chars_in_order() {
        assert_eq!(likeness("2450 погибших", "2450 погибших"), 1.0);
        assert_eq!(likeness("", "x"), 0.0);
        let close = likeness("2450 people died", "2448 people died");
        assert!(close > 0.85 && close < 1.0, "{close}");
        assert!(likeness("两国贸易额增长", "完全不同的句子") < 0.2);
    }

    #[test]
    fn context_compares_both_sides() {
        let text = "Он сказал: 2450 человек погибли вчера.";
        let index = CharIndex::new(text);
        let anchor = index.capture(11, 22).unwrap();
        assert_eq!(context(&anchor, &index, 11, 22), (1.0, 1.0));
        let (prefix, suffix) = context(&anchor, &index, 23, 31);
        assert!(prefix < 0.9 && suffix < 0.9, "{prefix} {suffix}");
        // At the text's start there is nothing to compare: it matches.
        assert_eq!(context(&anchor, &index, 0, 5).0, 1.0);
        assert!(nearness(10, 10) == 1.0 && nearness(10_000, 10) < 0.05);
    }
}
