//! Any two texts as two versions of an article (`reanchor::compare`, behind
//! `factbench diff` and *Compare versions*): the comparison ends, and what
//! it lists is in bounds — every removed sentence (or old side of a change)
//! is a sentence of the old text, every added one (or new side) a sentence
//! of the new text, each in reading order, and as many sentences are left
//! unlisted on both sides (those the texts share). A short time budget
//! keeps each run quick; past it the comparison must stay just as whole.
#![no_main]

use factbench::reanchor::{Piece, SentenceChange, compare_within};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;
use unicode_segmentation::UnicodeSegmentation;

/// The sentences of a text as compared: trimmed, blank ones left out.
fn sentences(text: &str) -> Vec<String> {
    text.split_sentence_bounds()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether `part` is `whole` with some items left out.
fn is_in_order(part: &[String], whole: &[String]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|p| rest.any(|w| w == p))
}

fn joined(pieces: &[Piece]) -> String {
    pieces.iter().map(|p| p.text.as_str()).collect()
}

fuzz_target!(|input: (String, String, bool)| {
    let (old, new, no_time) = input;
    let budget = if no_time {
        Duration::ZERO
    } else {
        Duration::from_millis(50)
    };
    let changes = compare_within(&old, &new, budget);
    let (mut gone, mut came) = (Vec::new(), Vec::new());
    for change in &changes {
        match change {
            SentenceChange::Removed(s) => gone.push(s.clone()),
            SentenceChange::Added(s) => came.push(s.clone()),
            SentenceChange::Changed { old, new, numbers } => {
                gone.push(joined(old));
                came.push(joined(new));
                let changed_text = |pieces: &[Piece]| {
                    pieces
                        .iter()
                        .filter(|p| p.changed)
                        .map(|p| p.text.clone())
                        .collect::<String>()
                };
                assert!(numbers.0.iter().all(|n| changed_text(old).contains(n.as_str())));
                assert!(numbers.1.iter().all(|n| changed_text(new).contains(n.as_str())));
            }
        }
    }
    let (old, new) = (sentences(&old), sentences(&new));
    assert!(is_in_order(&gone, &old), "a listed old sentence is not in the old text");
    assert!(is_in_order(&came, &new), "a listed new sentence is not in the new text");
    assert_eq!(old.len() - gone.len(), new.len() - came.len());
});
