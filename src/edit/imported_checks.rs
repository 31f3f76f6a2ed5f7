//! Planning [`Command::AddImportedChecks`]: articles, claims and sources
//! read from another tool's export (a Meedan Check export, see
//! `docs/import-check.md`), added as one undo step with the dates and the
//! publication history the export recorded. The batch is checked as a
//! whole before anything is planned: unused ids, every claim on an
//! article of the batch or the workspace with an anchor that matches its
//! text, every verdict on the scale, every cited source present, and a
//! verdict for every published claim.

use super::change::Edit;
use super::command::{CommandError, Outcome};
use crate::anchor::CharIndex;
use crate::model::{Article, Claim, Source, Workspace};
use std::collections::HashSet;

/// What an import adds to a workspace, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedChecks {
    pub articles: Vec<Article>,
    pub claims: Vec<Claim>,
    pub sources: Vec<Source>,
}

/// The insertions for `batch`, one undo step; refused, naming what is
/// wrong, when any part of it would break the workspace.
pub(super) fn plan_add_imported(
    ws: &Workspace,
    batch: ImportedChecks,
) -> Result<(Edit, Outcome), CommandError> {
    refuse_taken_ids(ws, &batch)?;
    refuse_bad_claims(ws, &batch)?;
    if batch.articles.is_empty() && batch.claims.is_empty() && batch.sources.is_empty() {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let mut edits = Vec::new();
    let first = ws.articles.len();
    edits.extend(
        batch
            .articles
            .into_iter()
            .enumerate()
            .map(|(i, article)| Edit::InsertArticle {
                index: first + i,
                article: Box::new(article),
            }),
    );
    let first = ws.sources.len();
    edits.extend(
        batch
            .sources
            .into_iter()
            .enumerate()
            .map(|(i, source)| Edit::InsertSource {
                index: first + i,
                source: Box::new(source),
            }),
    );
    let first = ws.claims.len();
    edits.extend(
        batch
            .claims
            .into_iter()
            .enumerate()
            .map(|(i, claim)| Edit::InsertClaim {
                index: first + i,
                claim: Box::new(claim),
            }),
    );
    Ok((Edit::Group(edits), Outcome::Done))
}

/// An id used twice in the batch, or already in the workspace.
fn refuse_taken_ids(ws: &Workspace, batch: &ImportedChecks) -> Result<(), CommandError> {
    let mut seen = HashSet::new();
    let ids = ws
        .articles
        .iter()
        .map(|a| a.id.to_string())
        .chain(ws.claims.iter().map(|c| c.id.to_string()))
        .chain(ws.sources.iter().map(|s| s.id.to_string()));
    seen.extend(ids);
    let new_ids = batch
        .articles
        .iter()
        .map(|a| a.id.to_string())
        .chain(batch.claims.iter().map(|c| c.id.to_string()))
        .chain(batch.sources.iter().map(|s| s.id.to_string()));
    for id in new_ids {
        if !seen.insert(id.clone()) {
            return Err(CommandError::DuplicateId(id));
        }
    }
    Ok(())
}

/// A claim whose article, anchor, verdict or evidence does not hold.
fn refuse_bad_claims(ws: &Workspace, batch: &ImportedChecks) -> Result<(), CommandError> {
    for claim in &batch.claims {
        let article = batch
            .articles
            .iter()
            .find(|a| a.id == claim.article)
            .or_else(|| ws.article(claim.article))
            .ok_or(CommandError::NoSuchArticle)?;
        CharIndex::new(&article.text).check(&claim.anchor)?;
        if let Some(key) = &claim.verdict
            && ws.scale.get(key).is_none()
        {
            return Err(CommandError::UnknownVerdict(key.clone()));
        }
        if claim.is_published() && claim.verdict.is_none() {
            return Err(CommandError::NotReady("a verdict".into()));
        }
        let cited_known = |e: &crate::model::Evidence| {
            batch.sources.iter().any(|s| s.id == e.source) || ws.source(e.source).is_some()
        };
        if !claim.evidence.iter().all(cited_known) {
            return Err(CommandError::NoSuchSource);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Command, Document};
    use crate::model::{PublicationAction, PublicationEvent};

    /// One article with one claim over its whole text (Arabic and emoji).
    fn batch() -> ImportedChecks {
        let text = "الحكومة رفعت أسعار الخبز 🍞";
        let article = Article::new("خبز", text);
        let anchor = CharIndex::new(text)
            .capture(0, text.chars().count())
            .unwrap();
        let claim = Claim::new(article.id, anchor, "Meedan Check");
        ImportedChecks {
            articles: vec![article],
            claims: vec![claim],
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_batch_is_one_undo_step_with_its_publication_dates() {
        let mut doc = Document::new(Workspace::new("t"), None);
        let mut checks = batch();
        let date: jiff::Timestamp = "2026-03-04T12:00:00Z".parse().unwrap();
        checks.claims[0].verdict = Some("false".into());
        checks.claims[0].publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date,
            by: "Meedan Check".into(),
        });
        doc.execute(Command::AddImportedChecks(Box::new(checks)), 0.0)
            .unwrap();
        assert_eq!(doc.workspace().claims[0].first_published(), Some(date));
        assert_eq!(doc.undo_what(), Some("importing checks"));
        doc.undo();
        assert!(doc.workspace().claims.is_empty());
        assert!(doc.workspace().articles.is_empty());
    }

    #[test]
    fn a_bad_batch_is_refused_whole() {
        let mut doc = Document::new(Workspace::new("t"), None);
        let mut unknown = batch();
        unknown.claims[0].verdict = Some("pants-on-fire".into());
        let refused = doc.execute(Command::AddImportedChecks(Box::new(unknown)), 0.0);
        assert!(matches!(refused, Err(CommandError::UnknownVerdict(_))));

        let mut moved = batch();
        moved.claims[0].anchor.start += 1;
        let refused = doc.execute(Command::AddImportedChecks(Box::new(moved)), 0.0);
        assert!(matches!(refused, Err(CommandError::BadSelection(_))));

        let mut unrated = batch();
        unrated.claims[0].publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date: crate::model::now(),
            by: "x".into(),
        });
        let refused = doc.execute(Command::AddImportedChecks(Box::new(unrated)), 0.0);
        assert!(matches!(refused, Err(CommandError::NotReady(_))));

        let mut twice = batch();
        twice.articles.push(twice.articles[0].clone());
        let refused = doc.execute(Command::AddImportedChecks(Box::new(twice)), 0.0);
        assert!(matches!(refused, Err(CommandError::DuplicateId(_))));
        assert!(doc.workspace().claims.is_empty() && !doc.can_undo());
    }
}
