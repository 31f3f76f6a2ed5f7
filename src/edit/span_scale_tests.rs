//! Tests of the span and scale commands: recapture, trimming on marking,
//! one undo step that restores exactly, and no-ops that record nothing.

use super::*;
use crate::model::{Article, ClaimId, Problem, VerdictScale};
use crate::sample::sample_workspace;

fn doc_with_text(text: &str) -> (Document, Article) {
    let mut ws = sample_workspace();
    let article = Article::new("Тест", text);
    ws.articles.push(article.clone());
    (Document::new(ws, None), article)
}

fn mark(doc: &mut Document, article: &Article, start: usize, end: usize) -> ClaimId {
    let command = Command::MarkClaim {
        article: article.id,
        start,
        end,
    };
    match doc.execute(command, 0.0).unwrap() {
        Outcome::Claim(id) => id,
        other => panic!("expected a claim, got {other:?}"),
    }
}

fn set_span(doc: &mut Document, claim: ClaimId, start: usize, end: usize) -> Outcome {
    let change = ClaimChange::SetSpan { start, end };
    doc.execute(Command::EditClaim { claim, change }, 10.0)
        .unwrap()
}

const TEXT: &str = "Путин сказал: «29 heads of state, 👩‍👩‍👧 и 习近平», — добавил он.";

fn at(needle: &str) -> usize {
    TEXT[..TEXT.find(needle).unwrap()].chars().count()
}

#[test]
fn marking_trims_spaces_and_punctuation_for_every_caller() {
    let (mut doc, article) = doc_with_text(TEXT);
    // «29 heads of state, with the guillemet, the comma and a space.
    let id = mark(&mut doc, &article, at("«") - 1, at(" 👩"));
    let claim = doc.workspace().claim(id).unwrap();
    assert_eq!(claim.anchor.exact, "29 heads of state");
    assert_eq!(claim.anchor.start, at("29"));
    assert_eq!(claim.statement, "29 heads of state");
    let before = doc.workspace().clone();
    let err = doc
        .execute(
            Command::MarkClaim {
                article: article.id,
                start: at("»"),
                end: at(" —") + 2,
            },
            0.0,
        )
        .unwrap_err();
    assert!(matches!(err, CommandError::NothingToQuote(_)), "{err}");
    assert_eq!(doc.workspace(), &before, "nothing marked");
}

#[test]
fn a_new_span_recaptures_the_quote_keeps_every_field_and_undoes_in_one_step() {
    let (mut doc, article) = doc_with_text(TEXT);
    let id = mark(&mut doc, &article, at("29"), at(" of"));
    let verdict = doc.workspace().scale.verdicts[0].key.clone();
    doc.execute(Command::set_verdict(id, Some(verdict.clone())), 1.0)
        .unwrap();
    doc.execute(
        Command::set_claim_text(id, ClaimText::Rationale, "Счёт 习"),
        2.0,
    )
    .unwrap();
    let before = doc.workspace().clone();
    let end = at("»");
    assert_eq!(set_span(&mut doc, id, at("29"), end), Outcome::Claim(id));
    let claim = doc.workspace().claim(id).unwrap();
    assert_eq!(claim.anchor.exact, "29 heads of state, 👩‍👩‍👧 и 习近平");
    assert_eq!(claim.anchor.suffix, "», — добавил он.");
    assert_eq!(claim.anchor.prefix, "Путин сказал: «");
    assert_eq!(claim.verdict.as_deref(), Some(verdict.as_str()));
    assert_eq!(claim.rationale, "Счёт 习");
    assert_eq!(
        claim.statement, "29 heads",
        "the statement is the user's own"
    );
    assert!(
        doc.problems().for_claim(id).is_empty(),
        "the new anchor is checked again and fits"
    );
    doc.undo();
    assert_eq!(doc.workspace(), &before, "one step back restores exactly");
    doc.redo();
    assert_eq!(doc.workspace().claim(id).unwrap().anchor.end, end);
}

#[test]
fn the_same_span_again_records_nothing_and_bad_spans_are_refused() {
    let (mut doc, article) = doc_with_text(TEXT);
    let id = mark(&mut doc, &article, 0, 5);
    let steps_before = doc.workspace().clone();
    assert_eq!(set_span(&mut doc, id, 0, 5), Outcome::Unchanged);
    doc.undo();
    assert!(
        doc.workspace().claim(id).is_none(),
        "the no-op was not a step: undo removed the claim itself"
    );
    doc.redo();
    assert_eq!(doc.workspace(), &steps_before);
    for (start, end) in [(5, 5), (6, 2), (0, 10_000)] {
        let change = ClaimChange::SetSpan { start, end };
        let err = doc
            .execute(Command::EditClaim { claim: id, change }, 0.0)
            .unwrap_err();
        assert!(matches!(err, CommandError::BadSelection(_)), "{err}");
    }
    assert_eq!(doc.workspace(), &steps_before);
}

#[test]
fn a_span_repairs_a_broken_anchor() {
    let (mut doc, article) = doc_with_text(TEXT);
    let id = mark(&mut doc, &article, 0, 5);
    let mut ws = doc.workspace().clone();
    ws.claims.last_mut().unwrap().anchor.exact = "Ельцин".into();
    let mut doc = Document::new(ws, None);
    assert!(matches!(
        doc.problems().for_claim(id),
        [Problem::BadAnchor { .. }]
    ));
    set_span(&mut doc, id, 0, 5);
    assert!(doc.problems().for_claim(id).is_empty());
}

#[test]
fn a_new_scale_is_one_step_and_claims_of_a_removed_verdict_get_what_was_chosen() {
    let mut doc = Document::new(sample_workspace(), None);
    let before = doc.workspace().clone();
    let used: Vec<String> = before
        .claims
        .iter()
        .filter_map(|c| c.verdict.clone())
        .collect();
    assert!(!used.is_empty(), "the sample has rated claims");
    assert!(
        used.iter().all(|k| VerdictScale::fever().get(k).is_none()),
        "FEVER shares no key with the default scale"
    );
    let fever = VerdictScale::fever();
    let dropped = verdicts_in_use_dropped(doc.workspace(), &fever);
    let err = doc
        .execute(
            Command::SetScale {
                scale: Box::new(fever.clone()),
                reassign: Vec::new(),
            },
            0.0,
        )
        .unwrap_err();
    assert!(matches!(err, CommandError::VerdictInUse { .. }), "{err}");
    assert_eq!(doc.workspace(), &before);
    let reassign: Reassign = dropped
        .iter()
        .map(|(key, _)| (key.clone(), Some("refuted".to_owned())))
        .collect();
    let outcome = doc
        .execute(
            Command::SetScale {
                scale: Box::new(fever.clone()),
                reassign,
            },
            0.0,
        )
        .unwrap();
    assert_eq!(outcome, Outcome::Done);
    assert_eq!(doc.workspace().scale, fever);
    for claim in &doc.workspace().claims {
        if let Some(key) = &claim.verdict {
            assert!(fever.get(key).is_some(), "{key} is on the new scale");
        }
    }
    let moved = dropped.iter().map(|(_, n)| n).sum::<usize>();
    let refuted = doc
        .workspace()
        .claims
        .iter()
        .filter(|c| c.verdict.as_deref() == Some("refuted"))
        .count();
    assert_eq!(refuted, moved);
    assert!(doc.problems().is_empty(), "{:?}", doc.problems());
    doc.undo();
    assert_eq!(
        doc.workspace(),
        &before,
        "scale and verdicts come back together"
    );
    assert!(!doc.is_dirty());
}

#[test]
fn scale_edits_rename_reorder_unrate_and_refuse_bad_scales() {
    let mut doc = Document::new(sample_workspace(), None);
    let before = doc.workspace().clone();
    let mut scale = before.scale.clone();
    assert_eq!(
        doc.execute(
            Command::SetScale {
                scale: Box::new(scale.clone()),
                reassign: Vec::new()
            },
            0.0
        )
        .unwrap(),
        Outcome::Unchanged
    );
    assert!(!doc.can_undo(), "the same scale is not a step");
    scale.verdicts[0].label = "Правда".into();
    scale.verdicts.swap(1, 2);
    let removed = scale.verdicts.remove(4);
    let reassign = vec![(removed.key.clone(), None)];
    doc.execute(
        Command::SetScale {
            scale: Box::new(scale.clone()),
            reassign,
        },
        0.0,
    )
    .unwrap();
    assert_eq!(doc.workspace().scale.verdicts[0].label, "Правда");
    assert!(
        doc.workspace()
            .claims
            .iter()
            .all(|c| c.verdict.as_deref() != Some(removed.key.as_str()))
    );
    for bad in [
        VerdictScale {
            name: "empty".into(),
            verdicts: Vec::new(),
        },
        VerdictScale {
            verdicts: vec![scale.verdicts[0].clone(), scale.verdicts[0].clone()],
            ..scale.clone()
        },
    ] {
        let err = doc
            .execute(
                Command::SetScale {
                    scale: Box::new(bad),
                    reassign: Vec::new(),
                },
                0.0,
            )
            .unwrap_err();
        assert!(matches!(err, CommandError::BadScale(_)), "{err}");
    }
    doc.undo();
    assert_eq!(doc.workspace(), &before);
}

/// Text with clusters of several chars: "é" as e + U+0301 (chars 3..5), a
/// family emoji (6..11), a flag (12..14), Devanagari "नि" (15..17), then
/// Cyrillic and Chinese.
const CLUSTERED: &str = "cafe\u{301} 👩\u{200d}👩\u{200d}👧 🇺🇦 नि Путин 习近平";

#[test]
fn marking_and_resizing_never_split_a_cluster() {
    let (mut doc, article) = doc_with_text(CLUSTERED);
    // Each selection ends inside a cluster; the claim takes it whole.
    for ((start, end), quote) in [
        ((0, 4), "cafe\u{301}"),
        ((4, 8), "e\u{301} 👩\u{200d}👩\u{200d}👧"),
        ((13, 16), "🇺🇦 नि"),
    ] {
        let id = mark(&mut doc, &article, start, end);
        let claim = doc.workspace().claim(id).unwrap();
        assert_eq!(claim.anchor.exact, quote, "{start}..{end}");
    }
    let id = mark(&mut doc, &article, 18, 23);
    assert_eq!(doc.workspace().claim(id).unwrap().anchor.exact, "Путин");
    set_span(&mut doc, id, 16, 25);
    let claim = doc.workspace().claim(id).unwrap();
    assert_eq!(claim.anchor.exact, "नि Путин 习");
    assert!(
        doc.workspace()
            .problems()
            .iter()
            .all(|p| !matches!(p, Problem::SplitsCluster { .. })),
        "{:?}",
        doc.workspace().problems()
    );
}
