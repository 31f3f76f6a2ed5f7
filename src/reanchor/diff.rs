//! The old→new alignment of two texts, in char offsets: which stretches
//! stayed equal and which were deleted, inserted or replaced.
//!
//! The texts are compared line by line first (fast on long articles, whose
//! lines are paragraphs), then the lines that changed are compared token by
//! token. A token is a whole word, one CJK character, a run of spaces, or one
//! other character cluster (punctuation, an emoji with its joiners, a flag),
//! so a changed stretch always starts and ends on whole words and never
//! splits a character cluster. Diffing is the `similar` crate's Myers.

use crate::anchor::CharIndex;
use crate::text::CharCategory;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::ops::Range;
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// How long one diff may search for the shortest edit before it settles
/// for a longer (still correct) one. Only pathological texts get near it.
const DIFF_DEADLINE: Duration = Duration::from_secs(2);

/// Longest changed stretch (in chars, either side) looked into char by char
/// to place a quote's edge that falls inside it.
const MAX_REFINED_CHARS: usize = 2_000;

/// One stretch of the alignment: chars `old` of the old text became chars
/// `new` of the new text, unchanged when `equal`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub equal: bool,
}

/// The whole alignment: segments in order, covering both texts without gaps.
#[derive(Clone, Debug)]
pub struct Alignment {
    segments: Vec<Segment>,
    old_len: usize,
    new_len: usize,
}

impl Alignment {
    /// Aligns `old` with `new`.
    pub fn new(old: &CharIndex<'_>, new: &CharIndex<'_>) -> Self {
        let old_lines: Vec<&str> = old.text().split_inclusive('\n').collect();
        let new_lines: Vec<&str> = new.text().split_inclusive('\n').collect();
        let old_starts = char_starts(&old_lines);
        let new_starts = char_starts(&new_lines);
        let mut builder = Builder::default();
        for (equal, o, n) in regions(&old_lines, &new_lines) {
            let old_chars = old_starts[o.start]..old_starts[o.end];
            let new_chars = new_starts[n.start]..new_starts[n.end];
            if equal || o.is_empty() || n.is_empty() {
                builder.push(old_chars, new_chars, equal);
            } else {
                let old_text = old_lines[o].concat();
                let new_text = new_lines[n].concat();
                builder.push_tokens(&old_text, &new_text, old_chars.start, new_chars.start);
            }
        }
        let mut segments = builder.segments;
        slide_to_boundaries(&mut segments, old, new);
        Alignment {
            segments,
            old_len: old.char_len(),
            new_len: new.char_len(),
        }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Where a quote starting at old char `pos` starts in the new text: after
    /// anything inserted right there; inside a changed stretch, where a
    /// char-by-char comparison of that stretch puts it, on a token edge.
    pub fn map_start(&self, pos: usize, old: &CharIndex<'_>, new: &CharIndex<'_>) -> usize {
        let i = self.segments.partition_point(|s| s.old.end <= pos);
        match self.segments.get(i) {
            None => self.new_len,
            Some(s) if s.equal => s.new.start + (pos - s.old.start),
            Some(s) => refine(s, pos, Edge::Start, old, new),
        }
    }

    /// Where a quote ending at old char `pos` ends in the new text: before
    /// anything inserted right there; inside a changed stretch, as for
    /// [`Self::map_start`].
    pub fn map_end(&self, pos: usize, old: &CharIndex<'_>, new: &CharIndex<'_>) -> usize {
        if pos == 0 {
            return 0;
        }
        let i = self.segments.partition_point(|s| s.old.end < pos);
        match self.segments.get(i) {
            None => self.new_len,
            Some(s) if s.equal => s.new.start + (pos - s.old.start),
            Some(s) => refine(s, pos, Edge::End, old, new),
        }
    }

    /// The segments touching old chars `start..end` (insertions inside it
    /// included, insertions at its edges not).
    fn overlapping(&self, start: usize, end: usize) -> impl Iterator<Item = &Segment> {
        let first = self.segments.partition_point(|s| s.old.end <= start);
        self.segments[first..]
            .iter()
            .take_while(move |s| s.old.start < end)
            .filter(move |s| !(s.old.is_empty() && s.old.start == start))
    }

    /// Whether old chars `start..end` came through unchanged and in one piece.
    pub fn kept_whole(&self, start: usize, end: usize) -> bool {
        start < end && self.overlapping(start, end).all(|s| s.equal)
    }

    /// Whether new chars `start..end` are all an unchanged copy of old text.
    pub fn new_is_unchanged(&self, start: usize, end: usize) -> bool {
        let first = self.segments.partition_point(|s| s.new.end <= start);
        self.segments[first..]
            .iter()
            .take_while(|s| s.new.start < end)
            .all(|s| s.equal || s.new.is_empty())
    }

    /// The share of the word characters of old chars `start..end` that came
    /// through unchanged (of all its chars when it has no word characters).
    pub fn kept_share(&self, start: usize, end: usize, old: &CharIndex<'_>) -> f64 {
        let count = |range: Range<usize>| -> (usize, usize) {
            let text = old.slice(range.start, range.end).unwrap_or_default();
            let words = text
                .chars()
                .filter(|c| CharCategory::of(*c).is_wordlike())
                .count();
            (words, text.chars().count())
        };
        let (total_words, total_chars) = count(start..end);
        let (mut kept_words, mut kept_chars) = (0, 0);
        for s in self.overlapping(start, end).filter(|s| s.equal) {
            let (w, c) = count(s.old.start.max(start)..s.old.end.min(end));
            kept_words += w;
            kept_chars += c;
        }
        if total_words > 0 {
            kept_words as f64 / total_words as f64
        } else if total_chars > 0 {
            kept_chars as f64 / total_chars as f64
        } else {
            0.0
        }
    }

    /// The stretches of the new text that are not an unchanged copy of old
    /// text, merged where they touch.
    pub fn changed_in_new(&self) -> Vec<Range<usize>> {
        self.changed(|s| &s.new)
    }

    /// The stretches of the old text that did not come through unchanged,
    /// merged where they touch.
    pub fn changed_in_old(&self) -> Vec<Range<usize>> {
        self.changed(|s| &s.old)
    }

    fn changed(&self, side: impl Fn(&Segment) -> &Range<usize>) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        for range in self.segments.iter().filter(|s| !s.equal).map(side) {
            match out.last_mut() {
                Some(last) if last.end >= range.start => last.end = last.end.max(range.end),
                _ => out.push(range.clone()),
            }
        }
        out
    }

    pub fn new_len(&self) -> usize {
        self.new_len
    }

    pub fn old_len(&self) -> usize {
        self.old_len
    }
}

/// Which edge of a quote is being placed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// Places a quote's edge that falls inside a changed stretch: the stretch is
/// compared char by char, and the position found is moved outwards to the
/// nearest token edge of the new text. Long stretches are not looked into:
/// the edge then closes the quote off (start at the stretch's end, end at its
/// start), which leaves the quote shorter, never longer.
fn refine(s: &Segment, pos: usize, edge: Edge, old: &CharIndex<'_>, new: &CharIndex<'_>) -> usize {
    if s.old.len() > MAX_REFINED_CHARS || s.new.len() > MAX_REFINED_CHARS {
        return match edge {
            Edge::Start => s.new.end,
            Edge::End => s.new.start,
        };
    }
    let old_chars: Vec<char> = old
        .slice(s.old.start, s.old.end)
        .unwrap_or_default()
        .chars()
        .collect();
    let new_text = new.slice(s.new.start, s.new.end).unwrap_or_default();
    let new_chars: Vec<char> = new_text.chars().collect();
    let at = pos - s.old.start;
    let mut mapped = match edge {
        Edge::Start => new_chars.len(),
        Edge::End => 0,
    };
    for (equal, o, n) in contiguous_ops(&diff(&old_chars, &new_chars)) {
        let inside = match edge {
            Edge::Start => o.start <= at && at < o.end,
            Edge::End => o.start < at && at <= o.end,
        };
        if !inside {
            continue;
        }
        mapped = match (equal, edge) {
            (true, _) => n.start + (at - o.start),
            (_, Edge::Start) => n.start,
            (_, Edge::End) => n.end,
        };
        break;
    }
    let edges = token_edges(new_text);
    let snapped = match edge {
        Edge::Start => edges.iter().rev().find(|e| **e <= mapped).copied(),
        Edge::End => edges.iter().find(|e| **e >= mapped).copied(),
    };
    s.new.start + snapped.unwrap_or(mapped)
}

/// The Myers diff of two sequences, settling for a longer edit script when
/// the shortest takes too long to find.
fn diff<T: Eq + std::hash::Hash + Ord>(old: &[T], new: &[T]) -> Vec<similar::DiffOp> {
    diff_with(Algorithm::Myers, old, new)
}

fn diff_with<T: Eq + std::hash::Hash + Ord>(
    algorithm: Algorithm,
    old: &[T],
    new: &[T],
) -> Vec<similar::DiffOp> {
    capture_diff_slices_deadline(algorithm, old, new, Some(Instant::now() + DIFF_DEADLINE))
}

/// The line diff as regions `(equal, old lines, new lines)`: changed lines
/// with the blank lines between them taken as one region, so that a line
/// inserted above a changed one (an "UPDATED" line and its blank line) does
/// not pair the changed line with the wrong one.
fn regions(old: &[&str], new: &[&str]) -> Vec<(bool, Range<usize>, Range<usize>)> {
    let blank = |lines: &[&str]| lines.iter().all(|l| l.trim().is_empty());
    let ops = contiguous_ops(&diff(old, new));
    let mut out = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        let (equal, mut o, mut n) = ops[i].clone();
        i += 1;
        if !equal {
            while let Some((next_equal, no, nn)) = ops.get(i) {
                let bridges = blank(&old[no.clone()]) && ops.get(i + 1).is_some_and(|op| !op.0);
                if *next_equal && !bridges {
                    break;
                }
                o.end = no.end;
                n.end = nn.end;
                i += 1;
            }
        }
        out.push((equal, o, n));
    }
    out
}

/// Diff ops as `(equal, old range, new range)`, each starting where the one
/// before ended (the ranges of an insertion or a deletion on the side it
/// leaves alone are placed at the cursor, whatever index the op reports).
fn contiguous_ops(ops: &[similar::DiffOp]) -> Vec<(bool, Range<usize>, Range<usize>)> {
    let (mut old_at, mut new_at) = (0, 0);
    ops.iter()
        .map(|op| {
            let (tag, o, n) = op.as_tag_tuple();
            let o = old_at..old_at + o.len();
            let n = new_at..new_at + n.len();
            old_at = o.end;
            new_at = n.end;
            (tag == DiffTag::Equal, o, n)
        })
        .collect()
}

/// The char offset where each line starts, and the total at the end.
fn char_starts(lines: &[&str]) -> Vec<usize> {
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut at = 0;
    starts.push(0);
    for line in lines {
        at += line.chars().count();
        starts.push(at);
    }
    starts
}

/// Splits text into diff tokens (see the module's doc comment).
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut run: Option<(usize, CharCategory)> = None;
    for (byte, cluster) in text.grapheme_indices(true) {
        let category = cluster
            .chars()
            .next()
            .map_or(CharCategory::Other, CharCategory::of);
        let joins = matches!(category, CharCategory::Word | CharCategory::Space);
        match run {
            Some((_, open)) if joins && open == category => {}
            Some((from, _)) => {
                out.push(&text[from..byte]);
                run = Some((byte, category));
            }
            None => run = Some((byte, category)),
        }
    }
    if let Some((from, _)) = run {
        out.push(&text[from..]);
    }
    out
}

/// The char offsets of every token edge of `text`, from 0 to its length.
fn token_edges(text: &str) -> Vec<usize> {
    let mut edges = vec![0];
    let mut at = 0;
    for token in tokens(text) {
        at += token.chars().count();
        edges.push(at);
    }
    edges
}

/// Collects segments, merging neighbours of the same kind.
#[derive(Default)]
struct Builder {
    segments: Vec<Segment>,
}

impl Builder {
    fn push(&mut self, old: Range<usize>, new: Range<usize>, equal: bool) {
        if old.is_empty() && new.is_empty() {
            return;
        }
        if let Some(last) = self.segments.last_mut()
            && last.equal == equal
            && last.old.end == old.start
            && last.new.end == new.start
        {
            last.old.end = old.end;
            last.new.end = new.end;
            return;
        }
        self.segments.push(Segment { old, new, equal });
    }

    /// Aligns two changed stretches token by token: patience diff (words
    /// found once on each side line the stretches up first, so a moved
    /// paragraph is not paired with whatever took its place), then the
    /// chance agreements between changes (a space, "the") are dropped.
    fn push_tokens(&mut self, old: &str, new: &str, old_base: usize, new_base: usize) {
        let old_tokens = tokens(old);
        let new_tokens = tokens(new);
        let old_starts = char_starts(&old_tokens);
        let new_starts = char_starts(&new_tokens);
        let mut region = Builder::default();
        let ops = diff_with(Algorithm::Patience, &old_tokens, &new_tokens);
        for (equal, o, n) in contiguous_ops(&ops) {
            region.push(
                old_base + old_starts[o.start]..old_base + old_starts[o.end],
                new_base + new_starts[n.start]..new_base + new_starts[n.end],
                equal,
            );
        }
        for segment in without_chance_agreements(region.segments) {
            self.push(segment.old, segment.new, segment.equal);
        }
    }
}

/// Most chars a deletion or insertion is slid along the text around it.
const MAX_SLIDE: usize = 500;

/// Slides each pure deletion and insertion along the equal text around it
/// to where it starts and ends on the best boundaries (a line, a sentence, a
/// word). "A. B." with "A." gone can be read as "A." deleted or as the end
/// of A and the start of B deleted when A and B start alike; the boundary
/// picks the first reading, so a lookalike is not stitched from two.
fn slide_to_boundaries(segments: &mut Vec<Segment>, old: &CharIndex<'_>, new: &CharIndex<'_>) {
    for i in 1..segments.len().saturating_sub(1) {
        let (before, changed, after) = (&segments[i - 1], &segments[i], &segments[i + 1]);
        if !before.equal || changed.equal || !after.equal {
            continue;
        }
        let deleted = changed.new.is_empty();
        if !deleted && !changed.old.is_empty() {
            continue;
        }
        let (index, range, b, a) = if deleted {
            (old, &changed.old, &before.old, &after.old)
        } else {
            (new, &changed.new, &before.new, &after.new)
        };
        let chars = |r: Range<usize>| -> Vec<char> {
            index
                .slice(r.start, r.end)
                .unwrap_or_default()
                .chars()
                .collect()
        };
        let left_from = b.start.max(b.end.saturating_sub(MAX_SLIDE));
        let right_to = a.end.min(a.start + MAX_SLIDE);
        let around = chars(left_from..right_to);
        if around.len() != right_to - left_from || range.is_empty() {
            continue;
        }
        let offset = |pos: usize| pos - left_from;
        let body: Vec<char> = around[offset(range.start)..offset(range.end)].to_vec();
        let mut left = 0;
        while left < range.start - left_from
            && around[offset(range.start) - left - 1] == body[body.len() - 1 - left % body.len()]
            && left < body.len()
        {
            left += 1;
        }
        let mut right = 0;
        while range.end + right < right_to
            && around[offset(range.end) + right] == body[right % body.len()]
            && right < body.len()
        {
            right += 1;
        }
        let score = |start: usize| {
            boundary_score(&around, offset(start))
                + boundary_score(&around, offset(start + body.len()))
        };
        let best = (range.start - left..=range.start + right)
            .max_by_key(|&start| (score(start), std::cmp::Reverse(start.abs_diff(range.start))))
            .unwrap_or(range.start);
        if best == range.start {
            continue;
        }
        let shift = best as isize - range.start as isize;
        let moved = |r: &mut Range<usize>, start: bool, end: bool| {
            if start {
                r.start = (r.start as isize + shift) as usize;
            }
            if end {
                r.end = (r.end as isize + shift) as usize;
            }
        };
        moved(&mut segments[i - 1].old, false, true);
        moved(&mut segments[i - 1].new, false, true);
        moved(&mut segments[i].old, true, true);
        moved(&mut segments[i].new, true, true);
        moved(&mut segments[i + 1].old, true, false);
        moved(&mut segments[i + 1].new, true, false);
    }
    segments.retain(|s| !(s.old.is_empty() && s.new.is_empty()));
}

/// How good a place char offset `at` of `chars` is for a change to start or
/// end: a text's edge or a line start best, then a sentence's end, a word's
/// edge, any non-word char; inside a word worst.
fn boundary_score(chars: &[char], at: usize) -> u8 {
    let (Some(&before), Some(&after)) =
        (at.checked_sub(1).and_then(|i| chars.get(i)), chars.get(at))
    else {
        return 6;
    };
    let is_word = |c: char| CharCategory::of(c).is_wordlike();
    if before == '\n' || after == '\n' {
        5
    } else if matches!(before, '.' | '!' | '?' | '。' | '！' | '？')
        || after.is_whitespace() && matches!(chars.get(at.wrapping_sub(2)), Some('.' | '!' | '?'))
    {
        4
    } else if before.is_whitespace() || after.is_whitespace() {
        3
    } else if !is_word(before) || !is_word(after) {
        1
    } else {
        0
    }
}

/// Longest unchanged stretch (in chars) between two changes that may be a
/// chance agreement (" the ", "的", ", ").
const CHANCE_CHARS: usize = 8;

/// Merges an unchanged stretch into the changes around it when it is short
/// and no longer than the change on either side: two changed sentences that
/// share a few spaces and little words are one change, not a patchwork.
fn without_chance_agreements(segments: Vec<Segment>) -> Vec<Segment> {
    let size = |s: &Segment| s.old.len().max(s.new.len());
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for segment in segments {
        out.push(segment);
        while let [.., before, between, after] = out.as_slice() {
            let short = between.old.len() <= size(before).min(size(after)).min(CHANCE_CHARS);
            let chance = between.equal && !before.equal && !after.equal && short;
            if !chance {
                break;
            }
            let merged = Segment {
                old: before.old.start..after.old.end,
                new: before.new.start..after.new.end,
                equal: false,
            };
            out.truncate(out.len() - 3);
            out.push(merged);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn align(old: &str, new: &str) -> Alignment {
        Alignment::new(&CharIndex::new(old), &CharIndex::new(new))
    }

    #[test]
    fn tokens_keep_words_clusters_and_cjk_characters_whole() {
        assert_eq!(
            tokens("Путин сказал: 2450 café\u{301}"),
            ["Путин", " ", "сказал", ":", " ", "2450", " ", "café\u{301}"]
        );
        assert_eq!(tokens("习近平说👩‍👩‍👧🇺🇦"), ["习", "近", "平", "说", "👩‍👩‍👧", "🇺🇦"]);
        assert_eq!(tokens("a  \n b").concat(), "a  \n b");
    }

    #[test]
    fn segments_cover_both_texts_in_order() {
        let old = "One line.\nThe figure was 2450 people.\nLast line.\n";
        let new = "UPDATED.\nOne line.\nThe figure was 2448 people.\nLast line.\n";
        let a = align(old, new);
        let mut at = (0, 0);
        for s in a.segments() {
            assert_eq!((s.old.start, s.new.start), at);
            at = (s.old.end, s.new.end);
        }
        assert_eq!(at, (old.chars().count(), new.chars().count()));
        let changed: Vec<&Segment> = a.segments().iter().filter(|s| !s.equal).collect();
        assert_eq!(changed.len(), 2, "{changed:?}");
        assert_eq!(changed[1].old, 25..29, "only the number changed");
    }

    #[test]
    fn edges_map_through_insertions_and_replacements() {
        let old = "он сказал 2450 человек погибли";
        let new = "он заявил, что 2448 человек погибли";
        let (o, n) = (CharIndex::new(old), CharIndex::new(new));
        let a = Alignment::new(&o, &n);
        // "2450 человек" starts at 10, ends at 22 in the old text.
        let start = a.map_start(10, &o, &n);
        let end = a.map_end(22, &o, &n);
        assert_eq!(n.slice(start, end), Some("2448 человек"));
        assert!(!a.kept_whole(10, 22));
        assert!(a.kept_whole(15, 22));
        assert!((a.kept_share(10, 22, &o) - 7.0 / 11.0).abs() < 1e-9);
    }
    /// Many small random pairs (a fixed pseudo-random sequence): the
    /// segments always cover both texts, in order and without gaps.
    #[test]
    fn segments_always_cover_both_texts() {
        let words = [
            "said",
            "增长",
            "。",
            " ",
            "the",
            "\n\n",
            "👩\u{200d}👩\u{200d}👧",
            ", ",
        ];
        let mut seed: u64 = 1;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        for _ in 0..5_000 {
            let old: String = (0..next(20)).map(|_| words[next(words.len())]).collect();
            let new: String = (0..next(20)).map(|_| words[next(words.len())]).collect();
            let a = align(&old, &new);
            let mut at = (0, 0);
            for s in a.segments() {
                assert_eq!((s.old.start, s.new.start), at, "{old:?} → {new:?}");
                at = (s.old.end, s.new.end);
            }
            assert_eq!(at, (old.chars().count(), new.chars().count()));
        }
    }
}
