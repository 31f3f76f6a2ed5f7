//! Tests of correcting an article's text in place: the claims follow
//! the edit, and undo restores text and quotes exactly.

use crate::anchor::find_quote;
use crate::edit::{Command, Document, Outcome};
use crate::model::{Article, ArticleId, Claim, ClaimId, Workspace};

const TEXT: &str = "Tbe mayor said 2450 people left Йошкар-Ола.\n\n\
                    中国外交部 said the 👩‍👩‍👧 family of café owners stayed.";

/// A document holding `TEXT` and one claim on each quote.
fn document(quotes: &[&str]) -> (Document, ArticleId, Vec<ClaimId>) {
    let mut ws = Workspace::new("Corrections");
    let article = Article::new("Storm", TEXT);
    let id = article.id;
    ws.articles.push(article);
    let mut claims = Vec::new();
    for quote in quotes {
        let claim = Claim::new(id, find_quote(TEXT, quote, 0).unwrap(), "Outlet");
        claims.push(claim.id);
        ws.claims.push(claim);
    }
    (Document::new(ws, None), id, claims)
}

fn char_at(phrase: &str) -> usize {
    let byte = TEXT.find(phrase).unwrap();
    TEXT[..byte].chars().count()
}

fn edit(doc: &mut Document, article: ArticleId, start: usize, end: usize, text: &str, now: f64) {
    let command = Command::EditArticleText {
        article,
        start,
        end,
        text: text.to_owned(),
    };
    doc.execute(command, now).unwrap();
}

fn quote(doc: &Document, claim: ClaimId) -> (String, bool) {
    let claim = doc.workspace().claim(claim).unwrap();
    (claim.anchor.exact.clone(), claim.is_orphaned())
}

/// Every claim that is not an orphan quotes its article exactly, with the
/// context the text has around it.
fn assert_anchors_hold(doc: &Document) {
    let ws = doc.workspace();
    for claim in ws.claims.iter().filter(|c| !c.is_orphaned()) {
        let text = &ws.article(claim.article).unwrap().text;
        let fresh = crate::anchor::capture(text, claim.anchor.start, claim.anchor.end).unwrap();
        assert_eq!(claim.anchor, fresh, "in {text:?}");
    }
}

#[test]
fn a_typo_fixed_inside_a_quote_keeps_the_claim_on_the_fixed_words() {
    let (mut doc, article, claims) = document(&["Tbe mayor said 2450"]);
    let b = char_at("b");
    edit(&mut doc, article, b, b + 1, "h", 0.0);
    assert_eq!(
        quote(&doc, claims[0]),
        ("The mayor said 2450".into(), false)
    );
    assert_anchors_hold(&doc);
}

#[test]
fn claims_after_an_edit_shift_and_their_context_is_taken_again() {
    let (mut doc, article, claims) =
        document(&["2450 people", "Йошкар-Ола", "中国外交部", "café owners"]);
    edit(&mut doc, article, 0, 0, "UPDATED: ", 0.0);
    for (claim, expected) in
        claims
            .iter()
            .zip(["2450 people", "Йошкар-Ола", "中国外交部", "café owners"])
    {
        assert_eq!(quote(&doc, *claim), (expected.into(), false));
    }
    let ws = doc.workspace();
    assert_eq!(
        ws.claim(claims[0]).unwrap().anchor.start,
        char_at("2450") + 9
    );
    assert!(
        ws.claim(claims[0])
            .unwrap()
            .anchor
            .prefix
            .contains("UPDATED")
    );
    assert_anchors_hold(&doc);
}

#[test]
fn deleting_part_of_a_quote_shrinks_it_and_deleting_all_of_it_orphans_it() {
    let (mut doc, article, claims) = document(&["2450 people left", "Йошкар-Ола"]);
    let people = char_at(" people");
    edit(&mut doc, article, people, people + " people".len(), "", 0.0);
    assert_eq!(quote(&doc, claims[0]), ("2450 left".into(), false));
    let city = doc.workspace().claim(claims[1]).unwrap().anchor.clone();
    edit(&mut doc, article, city.start, city.end, "", 5.0);
    let orphan = doc.workspace().claim(claims[1]).unwrap();
    assert!(orphan.is_orphaned(), "its whole quote is gone");
    assert_eq!(orphan.anchor, city, "an orphan keeps its quote and context");
    assert_anchors_hold(&doc);
}

#[test]
fn replacing_a_whole_quote_by_other_text_orphans_it() {
    let (mut doc, article, claims) = document(&["2450"]);
    let at = char_at("2450");
    edit(&mut doc, article, at, at + 4, "2448", 0.0);
    assert!(doc.workspace().claim(claims[0]).unwrap().is_orphaned());
}

#[test]
fn letters_typed_against_a_quote_join_its_word_and_a_space_stays_outside() {
    let (mut doc, article, claims) = document(&["mayor said"]);
    let end = doc.workspace().claim(claims[0]).unwrap().anchor.end;
    edit(&mut doc, article, end, end, "s", 0.0);
    assert_eq!(quote(&doc, claims[0]).0, "mayor saids");
    edit(&mut doc, article, end + 1, end + 1, " ", 0.1);
    assert_eq!(quote(&doc, claims[0]).0, "mayor saids");
    let start = doc.workspace().claim(claims[0]).unwrap().anchor.start;
    edit(&mut doc, article, start, start, "Lord-", 0.2);
    assert_eq!(quote(&doc, claims[0]).0, "Lord-mayor saids");
    assert_anchors_hold(&doc);
}

#[test]
fn a_combining_mark_typed_after_a_quote_stays_with_its_letter() {
    let (mut doc, article, claims) = document(&["the"]);
    let end = doc.workspace().claim(claims[0]).unwrap().anchor.end;
    // "the" + U+0301: the accent belongs to the quote's last letter.
    edit(&mut doc, article, end, end, "\u{301}", 0.0);
    assert_eq!(
        quote(&doc, claims[0]).0,
        "th\u{e9}",
        "composed, and in the quote"
    );
    assert!(doc.workspace().articles[0].text.contains("said th\u{e9} "));
    let (mut doc, article, claims) = document(&["family"]);
    // A ZWJ sequence typed before the quote belongs to the emoji before it.
    let start = doc.workspace().claim(claims[0]).unwrap().anchor.start - 1;
    edit(&mut doc, article, start, start, "\u{200d}🧑", 0.0);
    assert_eq!(quote(&doc, claims[0]).0, "family");
    assert_anchors_hold(&doc);
}

#[test]
fn typing_merges_into_one_step_that_undo_takes_back_exactly() {
    let (mut doc, article, _) = document(&["Tbe mayor", "2450 people", "中国外交部", "café"]);
    let before = doc.workspace().clone();
    let at = char_at("2450");
    // Select "2450" and type "2448" key by key; then delete a CJK char.
    edit(&mut doc, article, at, at + 4, "2", 0.0);
    for (i, c) in ["4", "4", "8"].iter().enumerate() {
        edit(
            &mut doc,
            article,
            at + 1 + i,
            at + 1 + i,
            c,
            0.1 * (i + 1) as f64,
        );
    }
    let cjk = char_at("外");
    edit(&mut doc, article, cjk, cjk + 1, "", 0.5);
    assert!(
        doc.workspace()
            .article(article)
            .unwrap()
            .text
            .contains("2448 people")
    );
    assert_anchors_hold(&doc);
    doc.undo();
    assert_eq!(*doc.workspace(), before, "one undo takes back the typing");
    assert!(!doc.can_undo());
    doc.redo();
    assert!(
        doc.workspace()
            .article(article)
            .unwrap()
            .text
            .contains("中国交部")
    );
    assert_anchors_hold(&doc);
}

#[test]
fn an_edit_outside_the_text_is_refused_and_changes_nothing() {
    let (mut doc, article, _) = document(&[]);
    let before = doc.workspace().clone();
    let len = TEXT.chars().count();
    let command = Command::EditArticleText {
        article,
        start: len,
        end: len + 1,
        text: "x".into(),
    };
    assert!(doc.execute(command, 0.0).is_err());
    assert_eq!(*doc.workspace(), before);
    let same = Command::EditArticleText {
        article,
        start: 0,
        end: 3,
        text: "Tbe".into(),
    };
    assert_eq!(doc.execute(same, 0.0), Ok(Outcome::Unchanged));
}

#[test]
fn an_edit_is_a_correction_not_a_new_version() {
    let (mut doc, article, _) = document(&[]);
    edit(&mut doc, article, 0, 3, "The", 0.0);
    let found = doc.workspace().article(article).unwrap();
    assert!(found.versions.is_empty());
    assert!(found.text.starts_with("The mayor"));
}

#[test]
fn pasted_line_breaks_are_stored_as_newlines_and_composed() {
    let (mut doc, article, _) = document(&[]);
    let command = Command::EditArticleText {
        article,
        start: 0,
        end: 0,
        text: "Cafe\u{301}\r\n".into(),
    };
    assert_eq!(
        doc.execute(command, 0.0),
        Ok(Outcome::TextEdited { caret: 5 })
    );
    let text = &doc.workspace().article(article).unwrap().text;
    assert!(text.starts_with("Café\nTbe"), "{text:?}");
}
