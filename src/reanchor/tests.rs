//! Tests of re-anchoring claims into a newer version of their article.

use super::*;
use crate::anchor::find_quote;

fn follow(old: &str, new: &str, quote: &str, nth: usize) -> Reanchored {
    let anchor = find_quote(old, quote, nth).expect("the quote is in the old text");
    reanchor_all(old, new, &[&anchor]).remove(0)
}

fn span(r: &Reanchored) -> Option<&str> {
    r.anchor.as_ref().map(|a| a.exact.as_str())
}

#[test]
fn the_same_text_leaves_a_claim_unchanged() {
    let text = "Путин и 习近平 👩‍👩‍👧 встретились.";
    let r = follow(text, text, "习近平 👩‍👩‍👧", 0);
    assert_eq!(r.outcome, Outcome::Unchanged);
    assert_eq!(r.score, 1.0);
}

#[test]
fn a_changed_number_is_edited_never_unchanged() {
    let old = "Officials said 2450 people were evacuated from the coast on Monday.";
    let new = "Officials said 2448 people were evacuated from the coast on Monday.";
    let r = follow(old, new, "2450 people were evacuated from the coast", 0);
    assert_eq!(r.outcome, Outcome::Edited);
    assert_eq!(span(&r), Some("2448 people were evacuated from the coast"));
    assert!(r.score >= SCORE_FLOOR && r.score < 1.0);
}

#[test]
fn an_anchor_that_did_not_fit_is_looked_for_by_its_quote() {
    let old = "short";
    let new = "Zelenskyy called for a 30-day ceasefire instead.";
    let anchor = find_quote(new, "30-day ceasefire", 0).unwrap();
    let r = reanchor_all(old, new, &[&anchor]).remove(0);
    assert_eq!(r.outcome, Outcome::Unchanged);
    assert_eq!(r.anchor, Some(anchor));
}
