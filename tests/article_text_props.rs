//! Property tests of correcting an article's text in place: whatever the
//! edits (typing, deleting, replacing, pasting, in Latin, Cyrillic, Chinese,
//! emoji and combining marks), every claim that is not an orphan quotes the
//! text exactly with the context it has now, no claim is lost, and undoing
//! everything gives back exactly the workspace opened.

use factbench::anchor::capture;
use factbench::edit::{Command, Document};
use factbench::model::{Article, Claim, Workspace};
use proptest::prelude::*;

/// Pieces texts and edits are made of.
const PIECES: &[&str] = &[
    "the ",
    "mayor",
    " said ",
    "2450",
    "Путин",
    " заявил ",
    "中国外交部",
    "表示",
    "👩\u{200d}👩\u{200d}👧",
    "🇺🇦",
    "e\u{301}",
    "\u{301}",
    "café",
    ", ",
    ". ",
    "\n\n",
    " ",
];

fn text_from(picks: &[usize]) -> String {
    picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
}

/// One article of `text` with claims on the spans `spans` picks (as
/// fractions of its length), skipping empty ones.
fn workspace(text: &str, spans: &[(u16, u8)]) -> Workspace {
    let mut ws = Workspace::new("Props");
    let article = Article::new("Props", text);
    let id = article.id;
    ws.articles.push(article);
    let len = text.chars().count();
    for &(at, width) in spans {
        let start = usize::from(at) * len / usize::from(u16::MAX).max(1);
        let end = (start + 1 + usize::from(width) % 24).min(len);
        if let Ok(anchor) = capture(text, start, end) {
            ws.claims.push(Claim::new(id, anchor, "Outlet"));
        }
    }
    ws
}

/// An edit: where (a fraction of the length), how many chars it replaces,
/// and what it puts in (maybe nothing).
type EditSpec = (u16, u8, Vec<usize>);

fn apply(doc: &mut Document, (at, removed, picks): &EditSpec, now: f64) {
    let ws = doc.workspace();
    let article = &ws.articles[0];
    let len = article.text.chars().count();
    let start = usize::from(*at) * len / usize::from(u16::MAX);
    let end = (start + usize::from(*removed) % 12).min(len);
    let command = Command::EditArticleText {
        article: article.id,
        start,
        end,
        text: text_from(picks),
    };
    doc.execute(command, now)
        .expect("an edit inside the text applies");
}

/// Every claim that is not an orphan slices its article to its `exact`, with
/// the prefix and suffix the text has around it now.
fn anchors_hold(doc: &Document) -> Result<(), TestCaseError> {
    let ws = doc.workspace();
    let text = &ws.articles[0].text;
    for claim in ws.claims.iter().filter(|c| !c.is_orphaned()) {
        let fresh = capture(text, claim.anchor.start, claim.anchor.end);
        prop_assert_eq!(Ok(&claim.anchor), fresh.as_ref(), "in {:?}", text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn edits_keep_every_anchor_exact_and_undo_restores_the_workspace(
        text in prop::collection::vec(0usize..64, 4..40),
        spans in prop::collection::vec((any::<u16>(), any::<u8>()), 0..8),
        edits in prop::collection::vec(
            (any::<u16>(), any::<u8>(), prop::collection::vec(0usize..64, 0..3)),
            1..24,
        ),
        pauses in prop::collection::vec(any::<bool>(), 24),
    ) {
        let opened = workspace(&text_from(&text), &spans);
        let mut doc = Document::new(opened.clone(), None);
        let mut clock = 0.0;
        for (edit, pause) in edits.iter().zip(&pauses) {
            // Some edits follow each other quickly and merge into one step.
            clock += if *pause { 2.0 } else { 0.1 };
            apply(&mut doc, edit, clock);
            anchors_hold(&doc)?;
            prop_assert_eq!(doc.workspace().claims.len(), opened.claims.len());
        }
        let reached = doc.workspace().clone();
        while doc.undo().is_some() {}
        prop_assert_eq!(doc.workspace(), &opened);
        while doc.redo().is_some() {}
        prop_assert_eq!(doc.workspace(), &reached);
    }
}
