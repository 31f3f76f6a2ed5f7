//! Property tests for re-anchoring: the same text leaves every claim
//! unchanged; an insertion or a deletion away from every claim moves each
//! claim after it by exactly its length and leaves the others unchanged;
//! random edits in mixed scripts never panic, and every anchor found slices
//! to its own `exact` in the new text.

use factbench::anchor::{self, Anchor, CharIndex};
use factbench::reanchor::{Outcome, reanchor_all};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "ministry",
    "said",
    "2450",
    "people",
    "were",
    "evacuated",
    "Москва",
    "Київ",
    "сообщило",
    "погибших",
    "习近平",
    "贸易额",
    "增长",
    "👩‍👩‍👧",
    "🇺🇦",
    "café\u{301}",
    "naïve",
    "the",
    "of",
    "and",
];
const GLUE: &[&str] = &[" ", " ", " ", ", ", ". ", "\n\n", "。", "\n"];

/// A text of words and glue, with the char offsets where each word starts
/// and ends.
fn text_with_words() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    prop::collection::vec((0..WORDS.len(), 0..GLUE.len()), 4..60).prop_map(|parts| {
        let mut text = String::new();
        let mut words = Vec::new();
        let mut at = 0;
        for (w, g) in parts {
            let word = WORDS[w];
            let len = word.chars().count();
            words.push((at, at + len));
            text.push_str(word);
            text.push_str(GLUE[g]);
            at += len + GLUE[g].chars().count();
        }
        (text, words)
    })
}

/// Claims on runs of whole words: (first word, number of words).
fn claims(words: usize) -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..words, 1..4usize), 1..8)
}

fn anchors_on(text: &str, words: &[(usize, usize)], picks: &[(usize, usize)]) -> Vec<Anchor> {
    let index = CharIndex::new(text);
    picks
        .iter()
        .filter_map(|&(first, count)| {
            let first = first % words.len();
            let last = (first + count - 1).min(words.len() - 1);
            index.capture(words[first].0, words[last].1).ok()
        })
        .collect()
}

fn follow(old: &str, new: &str, anchors: &[Anchor]) -> Vec<factbench::reanchor::Reanchored> {
    let refs: Vec<&Anchor> = anchors.iter().collect();
    reanchor_all(old, new, &refs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_same_text_leaves_every_claim_unchanged(
        (text, words) in text_with_words(),
        picks in claims(60),
    ) {
        let anchors = anchors_on(&text, &words, &picks);
        for (anchor, got) in anchors.iter().zip(follow(&text, &text, &anchors)) {
            prop_assert_eq!(got.outcome, Outcome::Unchanged);
            prop_assert_eq!(got.anchor.as_ref(), Some(anchor));
            prop_assert_eq!(got.score, 1.0);
        }
    }

    #[test]
    fn an_insertion_away_from_every_claim_moves_the_claims_after_it_exactly(
        (text, words) in text_with_words(),
        picks in claims(60),
        at_word in 0..60usize,
        insert in "[⟦⟧§¶]{1,3}(新闻|Ж|x){0,2}",
    ) {
        let anchors = anchors_on(&text, &words, &picks);
        let at = words[at_word % words.len()].0;
        // Away from every claim: not inside one, nor at its edges.
        prop_assume!(anchors.iter().all(|a| at + 1 < a.start || at > a.end + 1));
        let insert = format!("{insert} ");
        let byte = anchor::char_to_byte(&text, at).unwrap();
        let new = format!("{}{}{}", &text[..byte], insert, &text[byte..]);
        let shift = insert.chars().count();
        for (anchor, got) in anchors.iter().zip(follow(&text, &new, &anchors)) {
            let found = got.anchor.as_ref().expect("found");
            prop_assert_eq!(&found.exact, &anchor.exact);
            if anchor.start > at {
                prop_assert_eq!(got.outcome, Outcome::Moved);
                prop_assert_eq!((found.start, found.end), (anchor.start + shift, anchor.end + shift));
            } else {
                prop_assert_eq!(got.outcome, Outcome::Unchanged);
                prop_assert_eq!((found.start, found.end), (anchor.start, anchor.end));
            }
        }
    }

    #[test]
    fn a_deletion_away_from_every_claim_moves_the_claims_after_it_exactly(
        (text, words) in text_with_words(),
        picks in claims(60),
        from_word in 0..60usize,
        count in 1..4usize,
    ) {
        let anchors = anchors_on(&text, &words, &picks);
        let first = from_word % words.len();
        let last = (first + count - 1).min(words.len() - 1);
        let (from, to) = (words[first].0, words[last].1);
        prop_assume!(anchors.iter().all(|a| a.end + 1 < from || a.start > to + 1));
        let (b0, b1) = (
            anchor::char_to_byte(&text, from).unwrap(),
            anchor::char_to_byte(&text, to).unwrap(),
        );
        let new = format!("{}{}", &text[..b0], &text[b1..]);
        let shift = to - from;
        for (anchor, got) in anchors.iter().zip(follow(&text, &new, &anchors)) {
            let found = got.anchor.as_ref().expect("found");
            prop_assert_eq!(&found.exact, &anchor.exact);
            if anchor.start > to {
                prop_assert_eq!(got.outcome, Outcome::Moved);
                prop_assert_eq!((found.start, found.end), (anchor.start - shift, anchor.end - shift));
            } else {
                prop_assert_eq!(got.outcome, Outcome::Unchanged);
            }
        }
    }

    #[test]
    fn random_edits_never_panic_and_anchors_slice_to_their_quote(
        (text, _) in text_with_words(),
        spans in prop::collection::vec((0..400usize, 1..30usize), 1..10),
        edits in prop::collection::vec((0..400usize, 0..10usize, 0..WORDS.len()), 1..8),
    ) {
        let index = CharIndex::new(&text);
        let len = index.char_len();
        let anchors: Vec<Anchor> = spans
            .iter()
            .filter_map(|&(s, l)| index.capture(s % len, (s % len + l).min(len)).ok())
            .collect();
        let mut chars: Vec<char> = text.chars().collect();
        for (at, cut, word) in edits {
            let at = at % (chars.len() + 1);
            let cut = cut.min(chars.len() - at);
            chars.splice(at..at + cut, WORDS[word].chars());
        }
        let new: String = chars.into_iter().collect();
        for (old, got) in anchors.iter().zip(follow(&text, &new, &anchors)) {
            prop_assert!((0.0..=1.0).contains(&got.score));
            match (&got.anchor, got.outcome) {
                (None, outcome) => prop_assert_eq!(outcome, Outcome::Orphaned),
                (Some(found), outcome) => {
                    prop_assert!(outcome != Outcome::Orphaned);
                    prop_assert_eq!(anchor::check(found, &new), Ok(()));
                    if outcome != Outcome::Edited {
                        prop_assert_eq!(&found.exact, &old.exact);
                    } else {
                        prop_assert!(found.exact != old.exact);
                    }
                }
            }
        }
    }
}
