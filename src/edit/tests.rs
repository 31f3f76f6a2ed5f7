//! Tests of the editing core: commands, undo, redo, typing and dirtiness.

use super::*;
use crate::model::{Article, ArticleId, ClaimId, Evidence, Source};
use crate::model::{SourceKind, Stance};
use crate::sample::sample_workspace;
use jiff::civil::Date;
use std::path::PathBuf;

/// Claims of the sample that were never published, so every field of
/// theirs can be edited without a correction.
const DRAFT: usize = 5;
const OTHER_DRAFT: usize = 6;

fn doc() -> Document {
    Document::new(sample_workspace(), None)
}

fn first_article(doc: &Document) -> ArticleId {
    doc.workspace().articles[0].id
}

#[test]
fn marking_creates_a_claim_with_the_exact_quote_and_undo_removes_it() {
    let mut doc = doc();
    let before = doc.workspace().clone();
    let article = first_article(&doc);
    let outcome = doc
        .execute(
            Command::MarkClaim {
                article,
                start: 0,
                end: 5,
            },
            0.0,
        )
        .unwrap();
    let Outcome::Claim(id) = outcome else {
        panic!("expected a claim, got {outcome:?}")
    };
    let claim = doc.workspace().claim(id).unwrap();
    let text = &doc.workspace().articles[0].text;
    assert_eq!(claim.anchor.exact, text.chars().take(5).collect::<String>());
    assert_eq!(claim.statement, claim.anchor.exact);
    assert!(doc.is_dirty());
    doc.undo();
    assert_eq!(doc.workspace(), &before);
    assert!(!doc.is_dirty(), "undoing to the opened state is clean");
    doc.redo();
    assert!(doc.workspace().claim(id).is_some());
}

#[test]
fn a_bad_selection_is_refused_and_changes_nothing() {
    let mut doc = doc();
    let article = first_article(&doc);
    let err = doc
        .execute(
            Command::MarkClaim {
                article,
                start: 5,
                end: usize::MAX,
            },
            0.0,
        )
        .unwrap_err();
    assert!(matches!(err, CommandError::BadSelection(_)));
    assert!(!doc.is_dirty());
    assert!(!doc.can_undo());
}

#[test]
fn unknown_verdicts_are_refused() {
    let mut doc = doc();
    let claim = doc.workspace().claims[DRAFT].id;
    let err = doc
        .execute(Command::set_verdict(claim, Some("nonsense".into())), 0.0)
        .unwrap_err();
    assert_eq!(err, CommandError::UnknownVerdict("nonsense".into()));
}

fn type_statement(doc: &mut Document, id: ClaimId, text: &str, now: f64) {
    doc.execute(Command::set_claim_text(id, ClaimText::Statement, text), now)
        .unwrap();
}

#[test]
fn typing_is_coalesced_into_words_and_pauses() {
    let mut doc = doc();
    let id = doc.workspace().claims[DRAFT].id;
    let original = doc.workspace().claim(id).unwrap().statement.clone();
    type_statement(&mut doc, id, "C", 0.0);
    type_statement(&mut doc, id, "Ch", 0.1);
    type_statement(&mut doc, id, "Chi", 0.2);
    type_statement(&mut doc, id, "Chi ", 0.3);
    type_statement(&mut doc, id, "Chi s", 0.4);
    type_statement(&mut doc, id, "Chi se", 0.5);
    type_statement(&mut doc, id, "Chi sen", 5.0); // after a pause
    let statement = |doc: &Document| doc.workspace().claim(id).unwrap().statement.clone();
    doc.undo();
    assert_eq!(statement(&doc), "Chi se");
    // A word goes with the space typed before it: no space is left behind.
    doc.undo();
    assert_eq!(statement(&doc), "Chi");
    doc.undo();
    assert_eq!(statement(&doc), original);
    assert!(!doc.is_dirty());
    doc.redo();
    assert_eq!(statement(&doc), "Chi");
}

#[test]
fn typing_in_another_field_starts_a_new_step() {
    let mut doc = doc();
    let id = doc.workspace().claims[DRAFT].id;
    type_statement(&mut doc, id, "A", 0.0);
    doc.execute(Command::set_claim_text(id, ClaimText::Claimant, "B"), 0.1)
        .unwrap();
    doc.undo();
    assert_eq!(doc.workspace().claim(id).unwrap().statement, "A");
}

#[test]
fn saving_seals_the_typing_step_and_tracks_dirtiness() {
    let mut doc = doc();
    let id = doc.workspace().claims[DRAFT].id;
    type_statement(&mut doc, id, "A", 0.0);
    doc.mark_saved(PathBuf::from("x.ron"), None);
    assert!(!doc.is_dirty());
    type_statement(&mut doc, id, "AB", 0.1);
    assert!(doc.is_dirty(), "typing after a save is a new change");
    doc.undo();
    assert!(!doc.is_dirty(), "back at the saved state");
    doc.undo();
    assert!(doc.is_dirty(), "before the saved state");
}

#[test]
fn delete_and_undo_restores_the_claim_in_place() {
    let mut doc = doc();
    let before = doc.workspace().clone();
    let id = before.claims[OTHER_DRAFT].id;
    doc.execute(Command::DeleteClaim(id), 0.0).unwrap();
    assert!(doc.workspace().claim(id).is_none());
    assert_eq!(doc.undo().map(|t| t.claims), Some(vec![id]));
    assert_eq!(doc.workspace(), &before);
    assert!(doc.execute(Command::DeleteClaim(id), 0.0).is_ok());
    assert_eq!(
        doc.execute(Command::DeleteClaim(id), 0.0).unwrap_err(),
        CommandError::NoSuchClaim
    );
}

#[test]
fn adding_a_source_and_citing_it_is_one_step() {
    let mut doc = doc();
    let before = doc.workspace().clone();
    let claim = before.claims[DRAFT].id;
    let source = Source::new("Customs data", "https://example.org", SourceKind::Dataset);
    let sid = source.id;
    doc.execute(
        Command::AddSourceAndCite {
            source: Box::new(source),
            claim,
            evidence: Box::new(Evidence {
                id: Default::default(),
                source: sid,
                stance: Stance::Refutes,
                excerpt: "x".into(),
                note: String::new(),
                anchor: None,
            }),
        },
        0.0,
    )
    .unwrap();
    assert_eq!(doc.workspace().claims_citing(sid).count(), 1);
    assert_eq!(
        doc.execute(Command::DeleteSource(sid), 0.0).unwrap_err(),
        CommandError::SourceInUse(1)
    );
    doc.undo();
    assert_eq!(doc.workspace(), &before);
}

#[test]
fn articles_can_be_added_and_undone() {
    let mut doc = doc();
    let n = doc.workspace().articles.len();
    let article = Article::new("Новость", "Текст статьи.");
    doc.execute(Command::add_article(article), 0.0).unwrap();
    assert_eq!(doc.workspace().articles.len(), n + 1);
    doc.undo();
    assert_eq!(doc.workspace().articles.len(), n);
}

#[test]
fn article_and_workspace_details_are_edited_without_copying_the_text() {
    let mut doc = doc();
    let before = doc.workspace().clone();
    let article = before.articles[0].id;
    let mut details = ArticleDetails::of(&before.articles[0]);
    details.outlet = "Reuters".into();
    details.published = Some(Date::new(2025, 5, 5).unwrap());
    doc.execute(
        Command::EditArticle {
            article,
            details: Box::new(details),
            typing: None,
        },
        0.0,
    )
    .unwrap();
    let mut ws_details = WorkspaceDetails::of(doc.workspace());
    ws_details.publisher.name = "Example Fact-Check Desk".into();
    doc.execute(
        Command::EditWorkspace {
            details: Box::new(ws_details),
            typing: None,
        },
        1.0,
    )
    .unwrap();
    assert_eq!(doc.workspace().articles[0].outlet, "Reuters");
    assert_eq!(doc.workspace().articles[0].text, before.articles[0].text);
    assert_eq!(doc.workspace().publisher.name, "Example Fact-Check Desk");
    doc.undo();
    doc.undo();
    assert_eq!(doc.workspace(), &before);
}

#[test]
fn commands_that_change_nothing_record_nothing() {
    let mut doc = doc();
    let ws = doc.workspace().clone();
    let unrated = ws.claims.iter().find(|c| c.verdict.is_none()).unwrap();
    let rated = ws.claims.iter().find(|c| c.verdict.is_some()).unwrap();
    let same_source = ws.sources[0].clone();
    let unchanged = [
        Command::set_verdict(unrated.id, None),
        Command::set_verdict(rated.id, rated.verdict.clone()),
        Command::set_claim_text(rated.id, ClaimText::Statement, rated.statement.clone()),
        Command::EditClaim {
            claim: rated.id,
            change: ClaimChange::SetStatus(rated.status),
        },
        Command::EditClaim {
            claim: rated.id,
            change: ClaimChange::AddTag("  ".into()),
        },
        Command::EditClaim {
            claim: rated.id,
            change: ClaimChange::RemoveTag("no such tag".into()),
        },
        Command::EditSource {
            source: same_source.id,
            change: SourceChange::SetText {
                field: SourceText::Title,
                text: same_source.title.clone(),
            },
        },
        Command::EditArticle {
            article: ws.articles[0].id,
            details: Box::new(ArticleDetails::of(&ws.articles[0])),
            typing: None,
        },
        Command::EditWorkspace {
            details: Box::new(WorkspaceDetails::of(&ws)),
            typing: None,
        },
        Command::AddArticles(Vec::new()),
    ];
    for command in unchanged {
        let described = format!("{command:?}");
        assert_eq!(
            doc.execute(command, 0.0),
            Ok(Outcome::Unchanged),
            "{described}"
        );
        assert!(!doc.can_undo(), "{described} recorded an undo step");
        assert!(!doc.is_dirty(), "{described} marked the document unsaved");
    }
    assert_eq!(doc.workspace(), &ws);
    assert_eq!(doc.revision(), 0, "nothing was applied");
}

#[test]
fn a_second_tag_that_is_already_there_changes_nothing() {
    let mut doc = doc();
    let id = doc.workspace().claims[DRAFT].id;
    let add = |tag: &str| Command::EditClaim {
        claim: id,
        change: ClaimChange::AddTag(tag.into()),
    };
    assert_eq!(doc.execute(add("экономика"), 0.0), Ok(Outcome::Claim(id)));
    assert_eq!(doc.execute(add(" экономика "), 1.0), Ok(Outcome::Unchanged));
    let tags = &doc.workspace().claim(id).unwrap().tags;
    assert_eq!(tags.iter().filter(|t| *t == "экономика").count(), 1);
    doc.undo();
    assert!(
        !doc.workspace()
            .claim(id)
            .unwrap()
            .tags
            .contains(&"экономика".to_owned())
    );
    assert!(!doc.is_dirty());
}

#[test]
fn past_the_history_limit_undoing_everything_is_still_unsaved() {
    let mut doc = Document::new(sample_workspace(), None).with_history_limit(5);
    let id = doc.workspace().claims[DRAFT].id;
    for i in 0..8 {
        doc.execute(
            Command::set_claim_text(id, ClaimText::Claimant, format!("claimant {i}")),
            f64::from(i) * 10.0,
        )
        .unwrap();
    }
    while doc.undo().is_some() {}
    assert_eq!(
        doc.workspace().claim(id).unwrap().claimant,
        "claimant 2",
        "the three oldest changes are no longer undoable"
    );
    assert!(
        doc.is_dirty(),
        "the first changes are still applied, so the document differs from its file"
    );
}

#[test]
fn keystrokes_in_two_claims_are_two_steps() {
    let mut doc = doc();
    let a = doc.workspace().claims[DRAFT].id;
    let b = doc.workspace().claims[OTHER_DRAFT].id;
    let b_before = doc.workspace().claim(b).unwrap().statement.clone();
    type_statement(&mut doc, a, "x", 0.0);
    type_statement(&mut doc, b, "y", 0.1);
    doc.undo();
    assert_eq!(doc.workspace().claim(b).unwrap().statement, b_before);
    assert_eq!(doc.workspace().claim(a).unwrap().statement, "x");
}

#[test]
fn evidence_is_cited_edited_and_uncited_in_place() {
    let mut doc = doc();
    let before = doc.workspace().clone();
    let claim = before.claims[DRAFT].id;
    let source = before.sources[0].id;
    let n = before.claims[DRAFT].evidence.len();
    let change = |change| Command::EditClaim { claim, change };
    doc.execute(
        change(ClaimChange::Cite(Evidence {
            id: Default::default(),
            source,
            stance: Stance::Context,
            excerpt: String::new(),
            note: String::new(),
            anchor: None,
        })),
        0.0,
    )
    .unwrap();
    doc.execute(
        change(ClaimChange::SetEvidenceText {
            evidence: n,
            field: EvidenceText::Excerpt,
            text: "数据显示 👩‍👩‍👧 e\u{301}".into(),
        }),
        2.0,
    )
    .unwrap();
    doc.execute(
        change(ClaimChange::SetStance {
            evidence: n,
            stance: Stance::Refutes,
        }),
        4.0,
    )
    .unwrap();
    let cited = &doc.workspace().claim(claim).unwrap().evidence[n];
    assert_eq!(cited.excerpt, "数据显示 👩‍👩‍👧 e\u{301}");
    assert_eq!(cited.stance, Stance::Refutes);
    assert_eq!(
        doc.execute(change(ClaimChange::Uncite(n + 5)), 5.0),
        Err(CommandError::NoSuchItem(n + 5))
    );
    doc.execute(change(ClaimChange::Uncite(n)), 6.0).unwrap();
    assert_eq!(doc.workspace().claim(claim).unwrap().evidence.len(), n);
    while doc.undo().is_some() {}
    assert_eq!(doc.workspace(), &before);
}

#[test]
fn citing_a_source_not_in_the_library_is_refused() {
    let mut doc = doc();
    let claim = doc.workspace().claims[DRAFT].id;
    let stray = Source::new("Not added", "", SourceKind::Other);
    let err = doc
        .execute(
            Command::EditClaim {
                claim,
                change: ClaimChange::Cite(Evidence {
                    id: Default::default(),
                    source: stray.id,
                    stance: Stance::Supports,
                    excerpt: String::new(),
                    note: String::new(),
                    anchor: None,
                }),
            },
            0.0,
        )
        .unwrap_err();
    assert_eq!(err, CommandError::NoSuchSource);
    assert!(!doc.can_undo());
}

#[test]
fn several_imported_articles_are_one_step_and_ids_stay_unique() {
    let mut doc = doc();
    let n = doc.workspace().articles.len();
    let articles = vec![
        Article::new("Новость", "Текст."),
        Article::new("新闻", "文本。"),
        Article::new("Emoji", "🎉 e\u{301}"),
    ];
    let last: ArticleId = articles[2].id;
    assert_eq!(
        doc.execute(Command::AddArticles(articles), 0.0),
        Ok(Outcome::Article(last))
    );
    assert_eq!(doc.workspace().articles.len(), n + 3);
    let again = doc.workspace().articles[n].clone();
    assert!(matches!(
        doc.execute(Command::add_article(again), 1.0),
        Err(CommandError::DuplicateId(_))
    ));
    doc.undo();
    assert_eq!(doc.workspace().articles.len(), n);
    assert!(!doc.is_dirty());
}

#[test]
fn a_recovered_document_is_unsaved_until_saved() {
    let mut doc = Document::recovered(sample_workspace(), None, None);
    assert!(doc.is_dirty());
    assert!(doc.path().is_none());
    doc.mark_saved(PathBuf::from("r.ron"), None);
    assert!(!doc.is_dirty());
    assert_eq!(doc.path(), Some(std::path::Path::new("r.ron")));
}

/// `modified` changes with the content, inside history: an unchanged
/// workspace keeps it (so a save leaves the file as it was), undo restores
/// it, redo sets it again.
#[test]
fn the_modified_time_follows_the_content_through_undo_and_redo() {
    let ws = sample_workspace();
    let opened_at = ws.modified;
    let mut doc = Document::new(ws, Some("desk.ron".into()));
    assert_eq!(doc.workspace().modified, opened_at, "nothing changed");
    // A draft: a published claim's verdict changes only through a correction.
    let claim = doc
        .workspace()
        .claims
        .iter()
        .find(|c| !c.is_published() && c.verdict.is_none())
        .unwrap()
        .id;
    let verdict = doc.workspace().scale.verdicts[0].key.clone();
    doc.execute(Command::set_verdict(claim, Some(verdict)), 0.0)
        .unwrap();
    let changed_at = doc.workspace().modified;
    assert_ne!(changed_at, opened_at, "the content changed");
    doc.undo();
    assert_eq!(
        doc.workspace().modified,
        opened_at,
        "undone back to the saved state"
    );
    doc.redo();
    assert_eq!(doc.workspace().modified, changed_at, "redone");
}

#[test]
fn citing_one_entry_twice_gives_the_second_citation_a_fresh_id() {
    let mut doc = doc();
    let claim = doc.workspace().claims[DRAFT].id;
    let source = doc.workspace().sources[0].id;
    let n = doc.workspace().claims[DRAFT].evidence.len();
    let cite = Evidence::new(source, Stance::Supports, "Цитата 引文 📎");
    for now in [0.0, 2.0] {
        let change = ClaimChange::Cite(cite.clone());
        doc.execute(Command::EditClaim { claim, change }, now)
            .unwrap();
    }
    let evidence = &doc.workspace().claim(claim).unwrap().evidence;
    assert_eq!(evidence.len(), n + 2);
    assert_eq!(evidence[n].id, cite.id);
    assert_ne!(evidence[n + 1].id, cite.id);
    assert_eq!(evidence[n + 1].excerpt, cite.excerpt);
}
