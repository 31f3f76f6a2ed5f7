//! Tests of updating an article to a newer version: claims followed,
//! moved, changed or orphaned, and the whole update undone in one step.

use super::*;
use crate::anchor::find_quote;
use crate::edit::{ClaimChange, Document};
use crate::model::{Article, Problem};
use crate::reanchor::Outcome as Found;

const OLD: &str = "Officials said 2450 people were evacuated.\n\nThe bridge was closed on Monday.\n\nSchools reopen on Friday.";
const NEW: &str = "UPDATED: figures corrected.\n\nOfficials said 2448 people were evacuated.\n\nSchools reopen on Friday.";

/// A document with one article and claims on three quotes of `OLD`.
fn document() -> (Document, ArticleId, Vec<ClaimId>) {
    let mut ws = Workspace::new("Versions");
    let article = Article::new("Storm", OLD);
    let id = article.id;
    ws.articles.push(article);
    let mut claims = Vec::new();
    for quote in [
        "2450 people were evacuated",
        "The bridge was closed",
        "Schools reopen",
    ] {
        let claim = Claim::new(id, find_quote(OLD, quote, 0).unwrap(), "Outlet");
        claims.push(claim.id);
        ws.claims.push(claim);
    }
    (Document::new(ws, None), id, claims)
}

fn prepare(doc: &Document, article: ArticleId, text: &str) -> ArticleUpdate {
    ArticleUpdate::prepare(
        doc.workspace(),
        article,
        text.to_owned(),
        "storm-v2.txt",
        None,
    )
    .unwrap()
}

#[test]
fn an_update_is_one_undo_step_that_keeps_the_old_text_as_a_version() {
    let (mut doc, article, claims) = document();
    let before = doc.workspace().clone();
    let update = prepare(&doc, article, NEW);
    assert_eq!(
        update.summary(),
        "0 unchanged, 1 moved, 1 edited, 1 orphaned"
    );
    let outcome = doc.execute(update.into_command(), 0.0).unwrap();
    assert_eq!(outcome, Outcome::Article(article));
    let ws = doc.workspace();
    let updated = ws.article(article).unwrap();
    assert_eq!(updated.text, NEW);
    assert_eq!(updated.source, "storm-v2.txt");
    assert_eq!(updated.versions.len(), 1);
    assert_eq!(updated.versions[0].text, OLD);
    assert_eq!(
        ws.claim(claims[0]).unwrap().anchor.exact,
        "2448 people were evacuated"
    );
    let orphan = ws.claim(claims[1]).unwrap();
    assert!(orphan.is_orphaned());
    assert_eq!(
        orphan.anchor.exact, "The bridge was closed",
        "an orphan keeps its quote"
    );
    // The orphan is listed as one, not as a bad anchor.
    let problems: Vec<Problem> = doc.problems().problems(doc.workspace());
    assert_eq!(problems, ws.problems());
    assert!(
        matches!(problems.as_slice(), [Problem::Orphaned { claim, .. }] if *claim == claims[1])
    );
    assert!(doc.undo().is_some());
    assert_eq!(doc.workspace(), &before);
    assert!(doc.problems().problems(doc.workspace()).is_empty());
    assert!(doc.redo().is_some());
    assert_eq!(doc.workspace().article(article).unwrap().text, NEW);
}

#[test]
fn the_same_text_is_no_step_and_a_stale_update_is_refused() {
    let (mut doc, article, claims) = document();
    let same = prepare(&doc, article, OLD);
    assert_eq!(same.summary(), "3 unchanged, 0 moved, 0 edited, 0 orphaned");
    assert_eq!(
        doc.execute(same.into_command(), 0.0),
        Ok(Outcome::Unchanged)
    );
    assert!(!doc.can_undo());
    let stale = prepare(&doc, article, NEW);
    doc.execute(Command::DeleteClaim(claims[2]), 0.0).unwrap();
    let before = doc.workspace().clone();
    assert_eq!(
        doc.execute(stale.into_command(), 0.0),
        Err(CommandError::StaleUpdate)
    );
    assert_eq!(doc.workspace(), &before);
}

#[test]
fn an_orphan_is_reattached_to_a_selection_and_found_again_later() {
    let (mut doc, article, claims) = document();
    doc.execute(prepare(&doc, article, NEW).into_command(), 0.0)
        .unwrap();
    // Re-attach the orphan to "Schools reopen on Friday".
    let start = NEW.chars().count() - "Schools reopen on Friday.".chars().count();
    let outcome = doc.execute(
        Command::EditClaim {
            claim: claims[1],
            change: ClaimChange::SetSpan {
                start,
                end: start + 24,
            },
        },
        0.0,
    );
    assert_eq!(outcome, Ok(Outcome::Claim(claims[1])));
    let claim = doc.workspace().claim(claims[1]).unwrap();
    assert!(!claim.is_orphaned());
    assert_eq!(claim.anchor.exact, "Schools reopen on Friday");
    doc.undo();
    assert!(doc.workspace().claim(claims[1]).unwrap().is_orphaned());
    // A later version that has the sentence back finds the orphan again.
    let back = format!("{NEW}\n\nThe bridge was closed on Monday.");
    let update = prepare(&doc, article, &back);
    let result = &update.claims[1].result;
    assert_eq!(result.outcome, Found::Moved, "{result:?}");
    doc.execute(update.into_command(), 0.0).unwrap();
    let claim = doc.workspace().claim(claims[1]).unwrap();
    assert!(!claim.is_orphaned());
    assert_eq!(crate::anchor::check(&claim.anchor, &back), Ok(()));
    assert_eq!(doc.workspace().article(article).unwrap().versions.len(), 2);
}

/// Issue 28 item 14: an orphan whose sentence the outlet deleted is kept
/// as removed by the outlet — no longer a problem, kept through a further
/// update, taken back by re-attaching it or by undo.
#[test]
fn an_orphan_kept_as_removed_by_the_outlet_is_a_state_not_a_problem() {
    let (mut doc, article, claims) = document();
    let bridge = claims[1];
    doc.execute(prepare(&doc, article, NEW).into_command(), 0.0)
        .unwrap();
    let problem = |doc: &Document| {
        doc.workspace()
            .problems()
            .iter()
            .any(|p| matches!(p, Problem::Orphaned { claim, .. } if *claim == bridge))
    };
    assert!(problem(&doc), "an orphan waits to be re-attached");
    let keep = |removed| Command::EditClaim {
        claim: bridge,
        change: ClaimChange::SetRemovedByOutlet(removed),
    };
    doc.execute(keep(true), 0.0).unwrap();
    assert!(
        doc.workspace()
            .claim(bridge)
            .unwrap()
            .is_removed_by_outlet()
    );
    assert!(!problem(&doc), "kept as removed: not a problem");
    // A further update keeps the state while the sentence stays gone.
    let newer = format!("{NEW}\n\nA line added later.");
    doc.execute(prepare(&doc, article, &newer).into_command(), 0.0)
        .unwrap();
    assert!(
        doc.workspace()
            .claim(bridge)
            .unwrap()
            .is_removed_by_outlet()
    );
    // Undo steps back through the update to the plain orphan.
    doc.undo();
    doc.undo();
    assert!(problem(&doc));
    // Only an orphan can be kept so.
    assert_eq!(
        doc.execute(
            Command::EditClaim {
                claim: claims[2],
                change: ClaimChange::SetRemovedByOutlet(true),
            },
            0.0
        )
        .unwrap_err(),
        CommandError::NotOrphaned
    );
    // Re-attaching it to a passage ends the state.
    doc.execute(keep(true), 0.0).unwrap();
    let (start, end) = (0, 7);
    doc.execute(
        Command::EditClaim {
            claim: bridge,
            change: ClaimChange::SetSpan { start, end },
        },
        0.0,
    )
    .unwrap();
    let claim = doc.workspace().claim(bridge).unwrap();
    assert!(!claim.is_orphaned() && !claim.removed_by_outlet);
}
