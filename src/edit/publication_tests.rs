//! Tests of publishing, reviewing and correcting claims: drafting changes
//! are not corrections, changes after publication are, and every step undoes.

use super::*;
use crate::model::{
    Article, Claim, ClaimId, ClaimantKind, Evidence, EvidenceId, PublicField, ReviewOutcome,
    Source, SourceKind, Stance, Status, Workspace,
};

/// A workspace with one draft claim on a Cyrillic quote, and a web source.
fn draft() -> (Document, ClaimId) {
    let mut ws = Workspace::new("t");
    let article = Article::new("Статья", "Министр заявил: экспорт вырос на 38 % 📈.");
    let anchor = crate::anchor::find_quote(&article.text, "экспорт вырос на 38 %", 0).unwrap();
    let claim = Claim::new(article.id, anchor, "");
    let id = claim.id;
    ws.articles.push(article);
    ws.claims.push(claim);
    ws.sources.push(Source::new(
        "Росстат",
        "https://rosstat.example/",
        SourceKind::Dataset,
    ));
    (Document::new(ws, None), id)
}

fn edit(doc: &mut Document, claim: ClaimId, change: ClaimChange) -> Result<Outcome, CommandError> {
    doc.execute(Command::EditClaim { claim, change }, 0.0)
}

fn claim(doc: &Document, id: ClaimId) -> &Claim {
    doc.workspace().claim(id).unwrap()
}

fn publish(doc: &mut Document, id: ClaimId) {
    edit(
        doc,
        id,
        ClaimChange::Publish {
            by: "Ирина".into()
        },
    )
    .unwrap();
}

fn rate(doc: &mut Document, id: ClaimId) {
    edit(doc, id, ClaimChange::SetVerdict(Some("false".into()))).unwrap();
    doc.execute(
        Command::set_claim_text(id, ClaimText::Rationale, "Данные Росстата: рост 3 %."),
        0.0,
    )
    .unwrap();
}

#[test]
fn publishing_needs_a_verdict_and_a_rationale_and_says_so() {
    let (mut doc, id) = draft();
    let err = edit(
        &mut doc,
        id,
        ClaimChange::Publish {
            by: "Ирина".into()
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        CommandError::NotReady("a verdict and a rationale".into())
    );
    assert!(!doc.is_dirty());
    rate(&mut doc, id);
    publish(&mut doc, id);
    let c = claim(&doc, id);
    assert!(c.is_published());
    assert_eq!(c.approved_by(), Some("Ирина"));
    assert_eq!(c.status, Status::Done);
    assert!(c.first_published().is_some());
}

#[test]
fn drafting_verdict_changes_are_not_corrections() {
    let (mut doc, id) = draft();
    for key in ["true", "mixed", "false"] {
        edit(&mut doc, id, ClaimChange::SetVerdict(Some(key.into()))).unwrap();
    }
    assert!(claim(&doc, id).corrections.is_empty());
}

#[test]
fn after_publication_public_fields_change_only_through_a_correction() {
    let (mut doc, id) = draft();
    rate(&mut doc, id);
    publish(&mut doc, id);
    let published = claim(&doc, id).clone();
    assert_eq!(
        edit(&mut doc, id, ClaimChange::SetVerdict(Some("mixed".into()))),
        Err(CommandError::PublishedNeedsCorrection(PublicField::Verdict))
    );
    for (field, public) in [
        (ClaimText::Rationale, PublicField::Rationale),
        (ClaimText::Statement, PublicField::Statement),
        (ClaimText::Claimant, PublicField::Claimant),
    ] {
        assert_eq!(
            doc.execute(Command::set_claim_text(id, field, "другое"), 0.0),
            Err(CommandError::PublishedNeedsCorrection(public))
        );
    }
    assert_eq!(
        edit(&mut doc, id, ClaimChange::SetSpan { start: 0, end: 7 }),
        Err(CommandError::PublishedNeedsCorrection(PublicField::Quote))
    );
    let source = doc.workspace().sources[0].id;
    let cite = ClaimChange::Cite(Evidence {
        id: EvidenceId::new(),
        source,
        stance: Stance::Refutes,
        excerpt: String::new(),
        note: String::new(),
        anchor: None,
    });
    assert_eq!(
        edit(&mut doc, id, cite),
        Err(CommandError::PublishedNeedsCorrection(
            PublicField::Evidence
        ))
    );
    // Internal fields stay editable.
    doc.execute(
        Command::set_claim_text(id, ClaimText::InternalNote, "проверить ещё"),
        0.0,
    )
    .unwrap();
    doc.undo();
    let correct = |note: &str| ClaimChange::Correct {
        fields: Corrected {
            verdict: Some(Some("mixed".into())),
            rationale: Some("Рост 38 % — только по станкам.".into()),
            statement: Some("Экспорт станков вырос на 38 %".into()),
            claimant: Some(String::new()),
            cite: Vec::new(),
        },
        note: note.into(),
        by: "Олег".into(),
    };
    assert_eq!(
        edit(&mut doc, id, correct("  ")),
        Err(CommandError::EmptyCorrectionNote)
    );
    let unsigned = ClaimChange::AddCorrection {
        note: "Новые данные.".into(),
        by: " ".into(),
    };
    assert_eq!(edit(&mut doc, id, unsigned), Err(CommandError::Unsigned));
    let unsigned = ClaimChange::Unpublish { by: String::new() };
    assert_eq!(edit(&mut doc, id, unsigned), Err(CommandError::Unsigned));
    edit(&mut doc, id, correct("Новые данные 海关.")).unwrap();
    let c = claim(&doc, id);
    assert_eq!(c.verdict.as_deref(), Some("mixed"));
    assert_eq!(c.statement, "Экспорт станков вырос на 38 %");
    assert_eq!(c.corrections.len(), 1);
    let correction = &c.corrections[0];
    assert_eq!(
        correction.verdict_change(),
        Some((Some("false"), Some("mixed")))
    );
    let fields: Vec<_> = correction.changes.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            PublicField::Statement,
            PublicField::Verdict,
            PublicField::Rationale
        ],
        "the claimant was empty and stays so: not a change"
    );
    assert_eq!(correction.changes[0].old, "экспорт вырос на 38 %");
    assert_eq!(correction.changes[2].old, "Данные Росстата: рост 3 %.");
    assert_eq!(correction.by, "Олег");
    assert_eq!(c.last_corrected(), Some(correction.date));
    assert_eq!(c.first_published(), published.first_published());
    doc.undo();
    assert_eq!(claim(&doc, id), &published, "one undo step");
}

#[test]
fn unpublishing_is_recorded_and_publishing_again_keeps_the_first_date() {
    let (mut doc, id) = draft();
    rate(&mut doc, id);
    publish(&mut doc, id);
    let first = claim(&doc, id).first_published();
    edit(
        &mut doc,
        id,
        ClaimChange::Unpublish {
            by: "Ирина".into()
        },
    )
    .unwrap();
    assert!(!claim(&doc, id).is_published());
    assert_eq!(claim(&doc, id).publication.len(), 2);
    assert_eq!(
        edit(&mut doc, id, ClaimChange::Unpublish { by: "x".into() }),
        Err(CommandError::NotPublished)
    );
    publish(&mut doc, id);
    assert_eq!(claim(&doc, id).first_published(), first);
    doc.undo();
    doc.undo();
    assert!(claim(&doc, id).is_published());
    assert_eq!(claim(&doc, id).publication.len(), 1);
}

#[test]
fn hand_written_corrections_need_a_publication() {
    let (mut doc, id) = draft();
    let hand = ClaimChange::AddCorrection {
        note: "Опечатка в дате.".into(),
        by: "Олег".into(),
    };
    assert_eq!(
        edit(&mut doc, id, hand.clone()),
        Err(CommandError::NeverPublished)
    );
    rate(&mut doc, id);
    publish(&mut doc, id);
    edit(&mut doc, id, hand).unwrap();
    let c = claim(&doc, id);
    assert!(c.corrections[0].changes.is_empty());
    assert_eq!(c.corrections[0].verdict_change(), None);
}

#[test]
fn review_approves_or_sends_back_with_a_note() {
    let (mut doc, id) = draft();
    edit(&mut doc, id, ClaimChange::SetStatus(Status::NeedsReview)).unwrap();
    edit(
        &mut doc,
        id,
        ClaimChange::SendBack {
            by: "Редактор".into(),
            note: "Нужен второй источник.".into(),
        },
    )
    .unwrap();
    let c = claim(&doc, id);
    assert_eq!(c.status, Status::InProgress);
    assert_eq!(c.reviews[0].outcome, ReviewOutcome::SentBack);
    assert_eq!(c.reviews[0].note, "Нужен второй источник.");
    edit(
        &mut doc,
        id,
        ClaimChange::Approve {
            by: "Редактор".into(),
        },
    )
    .unwrap();
    assert_eq!(claim(&doc, id).status, Status::Done);
    doc.undo();
    assert_eq!(claim(&doc, id).status, Status::InProgress);
    assert_eq!(claim(&doc, id).reviews.len(), 1);
}

#[test]
fn a_claimants_kind_is_guessed_from_earlier_claims_by_the_same_claimant() {
    let (mut doc, first) = draft();
    doc.execute(
        Command::set_claim_text(first, ClaimText::Claimant, "Кремль"),
        0.0,
    )
    .unwrap();
    edit(
        &mut doc,
        first,
        ClaimChange::SetClaimantKind(ClaimantKind::Organization),
    )
    .unwrap();
    let article = doc.workspace().articles[0].id;
    let Outcome::Claim(second) = doc
        .execute(
            Command::MarkClaim {
                article,
                start: 0,
                end: 7,
            },
            10.0,
        )
        .unwrap()
    else {
        panic!("a claim")
    };
    doc.execute(
        Command::set_claim_text(second, ClaimText::Claimant, " кремль "),
        20.0,
    )
    .unwrap();
    assert_eq!(
        claim(&doc, second).claimant_kind,
        ClaimantKind::Organization
    );
    doc.undo();
    assert_eq!(claim(&doc, second).claimant_kind, ClaimantKind::Person);
}

#[test]
fn an_institution_named_as_claimant_is_an_organisation_unless_the_checker_says_otherwise() {
    let (mut doc, id) = draft();
    doc.execute(
        Command::set_claim_text(id, ClaimText::Claimant, "Chinese customs data"),
        0.0,
    )
    .unwrap();
    assert_eq!(claim(&doc, id).claimant_kind, ClaimantKind::Organization);
    edit(
        &mut doc,
        id,
        ClaimChange::SetClaimantKind(ClaimantKind::Person),
    )
    .unwrap();
    assert_eq!(
        claim(&doc, id).claimant_kind,
        ClaimantKind::Person,
        "the checker's choice stands"
    );
    doc.execute(
        Command::set_claim_text(id, ClaimText::Claimant, "Volodymyr Zelenskyy"),
        10.0,
    )
    .unwrap();
    assert_eq!(claim(&doc, id).claimant_kind, ClaimantKind::Person);
}

#[test]
fn internal_notes_are_claim_text_fields_with_undo() {
    let (mut doc, id) = draft();
    doc.execute(
        Command::set_claim_text(id, ClaimText::InternalNote, "Спросить у отдела 数据"),
        0.0,
    )
    .unwrap();
    assert_eq!(claim(&doc, id).internal_note, "Спросить у отдела 数据");
    doc.undo();
    assert_eq!(claim(&doc, id).internal_note, "");
}

#[test]
fn publishing_trims_the_public_texts_in_the_same_undo_step() {
    let (mut doc, id) = draft();
    rate(&mut doc, id);
    for (field, text) in [
        (ClaimText::Statement, "  Экспорт вырос на 38 % 📈 "),
        (ClaimText::Claimant, "Министр\u{a0}"),
    ] {
        doc.execute(Command::set_claim_text(id, field, text), 10.0)
            .unwrap();
    }
    let before = claim(&doc, id).clone();
    publish(&mut doc, id);
    let published = claim(&doc, id);
    assert_eq!(published.statement, "Экспорт вырос на 38 % 📈");
    assert_eq!(published.claimant, "Министр");
    assert!(published.is_published());
    doc.undo();
    assert_eq!(claim(&doc, id), &before, "one undo step back");
}

/// Issue 28 item 13: public numbers are given at first publication, in
/// order of publication, and never change or return.
#[test]
fn a_claim_gets_its_public_number_at_first_publication_and_keeps_it() {
    let (mut doc, first) = draft();
    let article = doc.workspace().articles[0].id;
    // A second claim earlier in the text, published after the first.
    let Outcome::Claim(second) = doc
        .execute(
            Command::MarkClaim {
                article,
                start: 0,
                end: 7,
            },
            0.0,
        )
        .unwrap()
    else {
        panic!("a claim")
    };
    rate(&mut doc, first);
    rate(&mut doc, second);
    publish(&mut doc, first);
    publish(&mut doc, second);
    assert_eq!(claim(&doc, first).public_number, Some(1));
    assert_eq!(claim(&doc, second).public_number, Some(2));
    let working = doc.workspace().claim_numbers();
    assert_eq!(working[&second], 1, "the window numbers in text order");

    // Withdrawn and published again: the same number.
    edit(&mut doc, first, ClaimChange::Unpublish { by: "x".into() }).unwrap();
    assert_eq!(claim(&doc, first).public_number, Some(1));
    publish(&mut doc, first);
    assert_eq!(claim(&doc, first).public_number, Some(1));
    // A claim once published is kept, so its number is never given again.
    assert_eq!(
        doc.execute(Command::DeleteClaim(second), 0.0).unwrap_err(),
        CommandError::PublishedOnce(2)
    );
    // Undoing a republication keeps the number; undoing a first
    // publication takes it back.
    doc.undo();
    assert!(!claim(&doc, first).is_published());
    assert_eq!(claim(&doc, first).public_number, Some(1));
    let (mut doc, id) = draft();
    rate(&mut doc, id);
    publish(&mut doc, id);
    doc.undo();
    assert_eq!(claim(&doc, id).public_number, None);
}
