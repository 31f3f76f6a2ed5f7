//! The passages of a text nearest to an orphan's old quote, for a person
//! to choose from (an orphan is never attached by itself): every run of as
//! many words as the quote has is counted for the words it shares with the
//! quote, and the runs sharing most are scored as the re-anchoring scores
//! a candidate — likeness of the quote, then of its context, then nearness
//! to where it was.

use super::diff::tokens;
use super::score;
use crate::anchor::{Anchor, CharIndex};
use crate::text::is_trimmable;
use std::collections::HashMap;

/// How many of the best-sharing runs are scored.
const SCORED_RUNS: usize = 24;

/// A passage of the current text that may be what an orphan quoted.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// Char offsets in the text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// 0 to 1, as [`super::Reanchored::score`].
    pub score: f64,
}

/// A text split into words once, to look for passages in it.
pub struct PassageFinder<'a> {
    index: CharIndex<'a>,
    /// Each word (no spaces) of the text: its char span and its folded form.
    words: Vec<(usize, usize, String)>,
}

impl<'a> PassageFinder<'a> {
    pub fn new(text: &'a str) -> Self {
        PassageFinder {
            index: CharIndex::new(text),
            words: words_of(text),
        }
    }

    /// At most `count` passages nearest to the anchor's quote, best first,
    /// none overlapping another; none when no word is shared.
    pub fn nearest(&self, anchor: &Anchor, count: usize) -> Vec<Passage> {
        let quote: Vec<String> = words_of(&anchor.exact).into_iter().map(|w| w.2).collect();
        let runs = self.best_runs(&quote);
        let mut passages: Vec<Passage> = runs
            .into_iter()
            .flat_map(|first| self.spans_of_run(&quote, first))
            .filter_map(|(first, last)| self.scored(anchor, first, last))
            .collect();
        passages.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut chosen: Vec<Passage> = Vec::new();
        for passage in passages {
            let overlaps = chosen
                .iter()
                .any(|c| passage.start < c.end && c.start < passage.end);
            if !overlaps {
                chosen.push(passage);
            }
            if chosen.len() == count {
                break;
            }
        }
        chosen
    }

    /// The first word of the runs of `quote.len()` words sharing the most
    /// words with the quote (at least one).
    fn best_runs(&self, quote: &[String]) -> Vec<usize> {
        let width = quote.len();
        if width == 0 || self.words.len() < width {
            return Vec::new();
        }
        let mut wanted: HashMap<&str, i32> = HashMap::new();
        for word in quote {
            *wanted.entry(word).or_default() += 1;
        }
        // `wanted[w]` counts down as the window takes copies of `w`; a
        // copy is shared while the count it met was positive.
        let mut shared = 0usize;
        let mut shares: Vec<(usize, usize)> = Vec::new();
        for (i, (_, _, word)) in self.words.iter().enumerate() {
            if let Some(left) = wanted.get_mut(word.as_str()) {
                if *left > 0 {
                    shared += 1;
                }
                *left -= 1;
            }
            if i >= width {
                let gone = &self.words[i - width].2;
                if let Some(left) = wanted.get_mut(gone.as_str()) {
                    *left += 1;
                    if *left > 0 {
                        shared -= 1;
                    }
                }
            }
            if i + 1 >= width && shared > 0 {
                shares.push((shared, i + 1 - width));
            }
        }
        shares.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        shares
            .into_iter()
            .take(SCORED_RUNS)
            .map(|(_, first)| first)
            .collect()
    }

    /// The run of `quote.len()` words from `first`, and the same run cut
    /// to its first and last shared word (a lookalike surrounded by other
    /// words), as first and last word indices.
    fn spans_of_run(&self, quote: &[String], first: usize) -> Vec<(usize, usize)> {
        let last = (first + quote.len()).min(self.words.len()) - 1;
        let shared = |i: &usize| quote.contains(&self.words[*i].2);
        let mut spans = vec![(first, last)];
        let cut_first = (first..=last).find(shared);
        let cut_last = (first..=last).rev().find(shared);
        if let (Some(a), Some(b)) = (cut_first, cut_last)
            && (a, b) != (first, last)
        {
            spans.push((a, b));
        }
        spans
    }

    fn scored(&self, anchor: &Anchor, first: usize, last: usize) -> Option<Passage> {
        let start = self.words.get(first)?.0;
        let end = self.words.get(last)?.1;
        let span = self.index.slice(start, end)?;
        let quote = score::likeness(&anchor.exact, span);
        let context = score::context(anchor, &self.index, start, end);
        let near = score::nearness(start, anchor.start);
        Some(Passage {
            start,
            end,
            score: score::combine(quote, context, near),
        })
    }
}

/// The words of a text (tokens that are not spaces or punctuation), with
/// their char spans and lower-cased forms.
fn words_of(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    for token in tokens(text) {
        let len = token.chars().count();
        if !token.chars().all(is_trimmable) {
            out.push((at, at + len, token.to_lowercase()));
        }
        at += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::capture;

    #[test]
    fn the_nearest_passage_is_the_quote_reworded_and_lookalikes_follow() {
        let old = "Власти сообщили: эвакуированы 2450 жителей города.";
        let anchor = capture(old, 17, 42).unwrap();
        assert_eq!(anchor.exact, "эвакуированы 2450 жителей");
        let new = "Мост закрыт. Власти сообщили: вывезены 2448 жителей города. \
                   Позже жителей вернули.";
        let found = PassageFinder::new(new).nearest(&anchor, 3);
        assert!(!found.is_empty() && found.len() <= 3);
        let best = CharIndex::new(new)
            .slice(found[0].start, found[0].end)
            .unwrap();
        assert!(best.contains("2448 жителей"), "{best:?}");
        assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        assert!(found.iter().all(|p| (0.0..=1.0).contains(&p.score)));
    }

    #[test]
    fn chinese_is_matched_char_by_char_and_nothing_shared_finds_nothing() {
        let old = "外交部表示两国贸易额增长了百分之十二。";
        let anchor = capture(old, 5, 18).unwrap();
        let new = "据报道，两国贸易额增长了百分之十一。";
        let found = PassageFinder::new(new).nearest(&anchor, 2);
        let best = CharIndex::new(new)
            .slice(found[0].start, found[0].end)
            .unwrap();
        assert!(best.contains("贸易额增长"), "{best:?}");
        assert!(
            PassageFinder::new("nothing alike here")
                .nearest(&anchor, 3)
                .is_empty()
        );
    }
}
