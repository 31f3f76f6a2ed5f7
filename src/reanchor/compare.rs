//! What the outlet changed between two versions of an article, sentence by
//! sentence: sentences removed, added, and changed — a changed one with its
//! changed words marked, and the numbers that changed listed, since a
//! corrected figure is what a fact-checker most needs to see.
//!
//! Sentences are Unicode's sentence boundaries (UAX #29, from the
//! `unicode-segmentation` crate); the diff is `similar`'s patience diff over
//! sentences, then over words inside each changed pair.
//!
//! Bounded, whatever the texts: one deadline ([`COMPARE_BUDGET`] from the
//! start) is passed to every diff, which past it reports what is left as
//! removed and added instead of searching further; a removed sentence is
//! scored against at most [`PAIRING_WINDOW`] added ones; and once the
//! deadline has passed, nothing more is scored: the rest is listed as
//! removed and added sentences, in one linear pass. An article rewritten
//! line by line (every removed sentence unlike every added one) was
//! quadratic before: 1,000 lines took 15 s.

use super::diff::tokens;
use super::score::likeness_until;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// How long a comparison may search for the best alignment before it
/// settles for a coarser one (well inside the 1 s budget for two 1 MB
/// articles in `docs/budgets.md`; the rest is linear work).
pub const COMPARE_BUDGET: Duration = Duration::from_millis(400);

/// How many added sentences, from the one after the last pair, a removed
/// sentence is scored against to find the one it became. An outlet's edit
/// changes a sentence in place, or near it.
pub const PAIRING_WINDOW: usize = 8;

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

/// The sentence-level differences from `old` to `new`, in reading order,
/// searched for at most [`COMPARE_BUDGET`].
pub fn compare(old: &str, new: &str) -> Vec<SentenceChange> {
    compare_within(old, new, COMPARE_BUDGET)
}

/// Like [`compare`], searching for at most `budget`; with a budget of zero
/// the comparison is linear (changed sentences are still paired within the
/// sentence diff's stretches, as far as the pairing window reaches, but
/// nothing is scored).
pub fn compare_within(old: &str, new: &str, budget: Duration) -> Vec<SentenceChange> {
    let deadline = Instant::now() + budget;
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
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_keys, &new_keys, Some(deadline));
    for op in ops {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            pair_up(&removed, &added, deadline, &mut out);
            removed.clear();
            added.clear();
            continue;
        }
        removed.extend(&old_keys[o]);
        added.extend(&new_keys[n]);
    }
    pair_up(&removed, &added, deadline, &mut out);
    out
}

/// Pairs each removed sentence with the most alike of the next
/// [`PAIRING_WINDOW`] added ones after the last pair (so the order is
/// kept), when they have enough in common to be the same sentence changed;
/// the others are removed or added. Past the deadline nothing more is
/// scored.
fn pair_up(
    removed: &[&String],
    added: &[&String],
    deadline: Instant,
    out: &mut Vec<SentenceChange>,
) {
    let mut next = 0;
    for old in removed {
        let best = if Instant::now() >= deadline {
            None
        } else {
            most_alike(old, added, next, deadline)
        };
        match best {
            Some(j) => {
                out.extend(
                    added[next..j]
                        .iter()
                        .map(|s| SentenceChange::Added((*s).clone())),
                );
                out.push(changed(old, added[j], deadline));
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

/// The index of the added sentence, among the [`PAIRING_WINDOW`] from
/// `from`, most alike `old`, if any is alike enough (half its chars shared).
fn most_alike(old: &str, added: &[&String], from: usize, deadline: Instant) -> Option<usize> {
    let to = added.len().min(from.saturating_add(PAIRING_WINDOW));
    (from..to)
        .filter(|&j| could_be_alike(old, added[j]))
        .map(|j| (j, likeness_until(old, added[j], deadline)))
        .filter(|(_, likeness)| *likeness >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(j, _)| j)
}

/// False when the lengths alone rule out sharing half the chars: the
/// likeness is at most twice the shorter length over the sum, under ½ when
/// one is more than three times the other.
fn could_be_alike(a: &str, b: &str) -> bool {
    let (a, b) = (a.chars().count(), b.chars().count());
    a.min(b) * 3 >= a.max(b)
}

/// A changed sentence, word by word.
fn changed(old: &str, new: &str, deadline: Instant) -> SentenceChange {
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let mut old_pieces = Vec::new();
    let mut new_pieces = Vec::new();
    let ops =
        capture_diff_slices_deadline(Algorithm::Myers, &old_tokens, &new_tokens, Some(deadline));
    for op in ops {
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

/// The numbers the changed pieces touch, whole: "244.8", "2,448",
/// "12 %" — read from the sentence, so a figure whose digits changed only
/// in part ("2,450" to "2,448") is still named in full.
fn changed_numbers(pieces: &[Piece]) -> Vec<String> {
    let mut text = String::new();
    let mut changed = Vec::new();
    for piece in pieces {
        let start = text.chars().count();
        text.push_str(&piece.text);
        if piece.changed {
            changed.push(start..text.chars().count());
        }
    }
    numbers_in(&text)
        .into_iter()
        .filter(|(range, _)| {
            changed
                .iter()
                .any(|c| c.start < range.end && range.start < c.end)
        })
        .map(|(_, number)| number)
        .collect()
}

/// Each number of `text` with its char range, as written: digits of one
/// script with their group and decimal separators, and a percent sign
/// after them (read by [`crate::text::written_numbers`], the claim
/// library's reader: "2,450", "7,5\u{a0}%", "٢٤٤٫٨", "۱۲٫۵٪").
fn numbers_in(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let chars: Vec<char> = text.chars().collect();
    crate::text::written_numbers(text)
        .into_iter()
        .map(|number| {
            let range = number.chars();
            (range.clone(), chars[range].iter().collect())
        })
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
    fn changed_figures_are_named_whole_with_decimals_groups_and_percent() {
        for (old, new, expected) in [
            (
                "It cost 245 euros.",
                "It cost 244.8 euros.",
                ("245", "244.8"),
            ),
            (
                "Officials said 2,450 people left.",
                "Officials said 2,448 people left.",
                ("2,450", "2,448"),
            ),
            (
                "Le chômage est de 7,5\u{00A0}% cette année.",
                "Le chômage est de 7,3\u{00A0}% cette année.",
                ("7,5\u{00A0}%", "7,3\u{00A0}%"),
            ),
            (
                "Рост составил 12% за год.",
                "Рост составил 15% за год.",
                ("12%", "15%"),
            ),
            (
                "بلغت الصادرات 245 مليار دولار.",
                "بلغت الصادرات ٢٤٤٫٨ مليار دولار.",
                ("245", "٢٤٤٫٨"),
            ),
            (
                "تورم به ۱۲٫۵٪ رسید.",
                "تورم به ۱۲٫۸٪ رسید.",
                ("۱۲٫۵٪", "۱۲٫۸٪"),
            ),
            ("נפגעו 1,500 בתים.", "נפגעו 1,450 בתים.", ("1,500", "1,450")),
        ] {
            let changes = compare(old, new);
            let Some(SentenceChange::Changed { numbers, .. }) = changes.first() else {
                panic!("{old} → {new}: {changes:#?}");
            };
            assert_eq!(
                numbers,
                &(vec![expected.0.to_owned()], vec![expected.1.to_owned()]),
                "{old} → {new}"
            );
        }
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

    /// The sentences of a text as compared: trimmed, blank ones left out.
    fn sentences(text: &str) -> Vec<String> {
        text.split_sentence_bounds()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Every sentence of `old` shows as removed or as the old side of a
    /// change, every one of `new` as added or the new side, in order, when
    /// the sentences in neither list are those the two texts share.
    fn assert_accounted_for(old: &str, new: &str, changes: &[SentenceChange]) {
        let join = |pieces: &[Piece]| pieces.iter().map(|p| p.text.as_str()).collect::<String>();
        let mut gone = Vec::new();
        let mut came = Vec::new();
        for change in changes {
            match change {
                SentenceChange::Removed(s) => gone.push(s.clone()),
                SentenceChange::Added(s) => came.push(s.clone()),
                SentenceChange::Changed { old, new, .. } => {
                    gone.push(join(old));
                    came.push(join(new));
                }
            }
        }
        let (old, new) = (sentences(old), sentences(new));
        let is_in = |part: &[String], whole: &[String]| {
            let mut rest = whole.iter();
            part.iter().all(|p| rest.any(|w| w == p))
        };
        assert!(
            is_in(&gone, &old),
            "removed sentences not in order in the old text"
        );
        assert!(
            is_in(&came, &new),
            "added sentences not in order in the new text"
        );
        let kept = old.len() - gone.len();
        assert_eq!(kept, new.len() - came.len(), "{changes:#?}");
    }

    /// An article rewritten line by line: no removed sentence is like any
    /// added one. Every removed sentence was scored against every added
    /// one (15 s for 1,000 lines); now against a few, or none once the
    /// deadline has passed.
    fn rewritten_line_by_line(lines: usize) -> (String, String) {
        let old: String = (0..lines)
            .map(|i| format!("Строка {i}: 会谈 👋 e\u{301} in the old wording number {i}.\n"))
            .collect();
        let new: String = (0..lines)
            .map(|i| format!("Quite another sentence, {}, written anew 🌍 {i}?\n", i * 7))
            .collect();
        (old, new)
    }

    #[test]
    fn a_rewrite_line_by_line_lists_every_sentence_removed_and_added() {
        let (old, new) = rewritten_line_by_line(1_000);
        let changes = compare(&old, &new);
        assert_accounted_for(&old, &new, &changes);
        assert!(
            changes
                .iter()
                .all(|c| !matches!(c, SentenceChange::Changed { .. }))
        );
    }

    #[test]
    fn with_no_time_left_the_comparison_is_coarser_but_whole() {
        let old = "Эвакуированы 2450 жителей. Мост закрыт. 两国贸易额增长了。 👨‍👩‍👧 e\u{301}.";
        let new = "ОБНОВЛЕНО. Эвакуированы 2448 жителей. 两国贸易额增长了。 👨‍👩‍👧 e\u{301}!";
        for budget in [Duration::ZERO, COMPARE_BUDGET] {
            let changes = compare_within(old, new, budget);
            assert_accounted_for(old, new, &changes);
        }
        let (old, new) = rewritten_line_by_line(300);
        assert_accounted_for(&old, &new, &compare_within(&old, &new, Duration::ZERO));
    }

    #[test]
    fn one_changed_sentence_far_from_its_place_is_not_searched_for() {
        // The pairing window: sentence 0 became the last of 20 added ones.
        let old = "The minister said 2450 people left.";
        let filler: String = (0..20)
            .map(|i| format!("Filler number {i} here. "))
            .collect();
        let new = format!("{filler}The minister said 2448 people left.");
        let changes = compare(old, &new);
        assert_accounted_for(old, &new, &changes);
        assert!(
            !changes
                .iter()
                .any(|c| matches!(c, SentenceChange::Changed { .. }))
        );
    }
}
