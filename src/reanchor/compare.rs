//! What the outlet changed between two versions of an article, sentence by
//! sentence: sentences removed, added, and changed — a changed one with its
//! changed words marked, and the numbers that changed listed, since a
//! corrected figure is what a fact-checker most needs to see.
//!
//! Sentences are Unicode's sentence boundaries (UAX #29, from the
//! `unicode-segmentation` crate); the diff is `similar`'s patience diff over
//! sentences, then over words inside each changed pair.

use super::diff::tokens;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

/// One piece of a changed sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// Not in the other version.
    pub changed: bool,
}

/// One difference between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SentenceChange {
    Removed(String),
    Added(String),
    Changed {
        old: Vec<Piece>,
        new: Vec<Piece>,
        /// Numbers of the old sentence that are not in the new one, and the
        /// new numbers in their place (`["2450"]`, `["2448"]`).
        numbers: (Vec<String>, Vec<String>),
    },
}

/// The sentence-level differences from `old` to `new`, in reading order.
pub fn compare(old: &str, new: &str) -> Vec<SentenceChange> {
    let old_sentences: Vec<&str> = old.split_sentence_bounds().collect();
    let new_sentences: Vec<&str> = new.split_sentence_bounds().collect();
    // Sentences as read: trimmed, and blank ones (paragraph breaks) left out.
    let trimmed = |s: &[&str]| -> Vec<String> {
        s.iter()
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect()
    };
    let (old_keys, new_keys) = (trimmed(&old_sentences), trimmed(&new_sentences));
    let mut out = Vec::new();
    // Consecutive removals and additions are one stretch to pair up.
    let (mut removed, mut added): (Vec<&String>, Vec<&String>) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Patience, &old_keys, &new_keys) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            pair_up(&removed, &added, &mut out);
            removed.clear();
            added.clear();
            continue;
        }
        removed.extend(&old_keys[o]);
        added.extend(&new_keys[n]);
    }
    pair_up(&removed, &added, &mut out);
    out
}

/// Pairs each removed sentence with the most alike added one after the
/// last pair (so the order is kept), when they have enough in common to be
/// the same sentence changed; the others are removed or added.
fn pair_up(removed: &[&String], added: &[&String], out: &mut Vec<SentenceChange>) {
    let mut next = 0;
    for old in removed {
        let best = (next..added.len())
            .map(|j| (j, super::likeness(old, added[j])))
            .filter(|(_, likeness)| *likeness >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((j, _)) => {
                out.extend(
                    added[next..j]
                        .iter()
                        .map(|s| SentenceChange::Added((*s).clone())),
                );
                out.push(changed(old, added[j]));
                next = j + 1;
            }
            None => out.push(SentenceChange::Removed((*old).clone())),
        }
    }
    out.extend(
        added[next..]
            .iter()
            .map(|s| SentenceChange::Added((*s).clone())),
    );
}

/// A changed sentence, word by word.
fn changed(old: &str, new: &str) -> SentenceChange {
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let mut old_pieces = Vec::new();
    let mut new_pieces = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_tokens, &new_tokens) {
        let (tag, o, n) = op.as_tag_tuple();
        let changed = tag != DiffTag::Equal;
        push_piece(&mut old_pieces, old_tokens[o].concat(), changed);
        push_piece(&mut new_pieces, new_tokens[n].concat(), changed);
    }
    let numbers = (changed_numbers(&old_pieces), changed_numbers(&new_pieces));
    SentenceChange::Changed {
        old: old_pieces,
        new: new_pieces,
        numbers,
    }
}

fn push_piece(pieces: &mut Vec<Piece>, text: String, changed: bool) {
    if !text.is_empty() {
        pieces.push(Piece { text, changed });
    }
}

/// The numbers in the changed pieces.
fn changed_numbers(pieces: &[Piece]) -> Vec<String> {
    pieces
        .iter()
        .filter(|p| p.changed)
        .flat_map(|p| {
            tokens(&p.text)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|t| t.chars().any(|c| c.is_numeric()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_is_a_changed_sentence_with_its_numbers() {
        let old = "Officials said 2450 people left. The bridge is closed. Schools reopen Friday.";
        let new = "UPDATED. Officials said 2448 people left. Schools reopen Friday.";
        let changes = compare(old, new);
        assert_eq!(changes.len(), 3, "{changes:#?}");
        assert_eq!(changes[0], SentenceChange::Added("UPDATED.".into()));
        let SentenceChange::Changed { old, new, numbers } = &changes[1] else {
            panic!("{changes:#?}");
        };
        assert_eq!(numbers, &(vec!["2450".to_owned()], vec!["2448".to_owned()]));
        assert!(old.iter().any(|p| p.changed && p.text == "2450"));
        assert!(
            new.iter()
                .any(|p| !p.changed && p.text.contains("people left"))
        );
        assert_eq!(
            changes[2],
            SentenceChange::Removed("The bridge is closed.".into())
        );
    }

    #[test]
    fn paragraph_breaks_do_not_split_a_stretch_of_changes() {
        let old = "Эвакуированы 2450 жителей.\n\nМост закрыт.\n\n两国贸易额增长了。";
        let new = "ОБНОВЛЕНО: уточнено.\n\nЭвакуированы 2448 жителей.\n\n两国贸易额增长了。";
        let changes = compare(old, new);
        assert_eq!(changes.len(), 3, "{changes:#?}");
        assert!(
            matches!(&changes[1], SentenceChange::Changed { numbers, .. }
            if numbers == &(vec!["2450".to_owned()], vec!["2448".to_owned()]))
        );
        assert_eq!(changes[2], SentenceChange::Removed("Мост закрыт.".into()));
    }

    #[test]
    fn russian_and_chinese_sentences_are_compared_and_same_texts_have_no_changes() {
        let old = "Сбито 38 беспилотников. 会谈在友好的气氛中进行。";
        let new = "Сбито 36 беспилотников. 会谈在友好的气氛中进行。";
        let changes = compare(old, new);
        assert_eq!(changes.len(), 1, "{changes:#?}");
        assert!(
            matches!(&changes[0], SentenceChange::Changed { numbers, .. }
            if numbers == &(vec!["38".to_owned()], vec!["36".to_owned()]))
        );
        assert!(compare(new, new).is_empty());
    }
}
