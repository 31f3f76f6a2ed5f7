//! What a command changes, in a few words, for *Undo …* and *Redo …*
//! ("Undo the verdict", "Redo marking a claim").

use super::command::{ClaimChange, Command};
use super::vocabulary::{ClaimText, EvidenceText, SourceChange, SourceText};

impl Command {
    /// What the command changes, as the object of *Undo* ("the verdict",
    /// "marking a claim").
    pub fn what(&self) -> String {
        let what = match self {
            Command::MarkClaim { .. } => "marking a claim",
            Command::MarkMedia { .. } => "marking a claim about media",
            Command::EditClaim { change, .. } => return change.what(),
            Command::DeleteClaim(_) => "deleting a claim",
            Command::AddSource(_) => "adding a source",
            Command::AddSourceAndCite { .. } => "citing a new source",
            Command::EditSource { change, .. } => return source_what(change),
            Command::DeleteSource(_) => "deleting a source",
            Command::AddArticles(articles) if articles.len() == 1 => "adding an article",
            Command::AddArticles(_) => "adding articles",
            Command::EditArticle { .. } => "the article's details",
            Command::EditWorkspace { .. } => "the workspace's details",
            Command::SetScale { .. } => "the verdict scale",
            Command::UpdateArticle(_) => "updating the article",
            Command::EditArticleText { .. } => "the article's text",
            Command::RenameSpeaker { .. } => "renaming a speaker",
            Command::AddSnapshot { .. } => "adding a snapshot",
            Command::RecordCustody(_) => "the custody log",
            Command::ResolveConflict { .. } => "settling a conflict",
            Command::AddImportedChecks(_) => "importing checks",
        };
        what.to_owned()
    }
}

impl ClaimChange {
    /// What the change touches, as the object of *Undo*.
    fn what(&self) -> String {
        let what = match self {
            ClaimChange::SetText { field, .. } => match field {
                ClaimText::Statement => "the statement",
                ClaimText::Claimant => "the claimant",
                ClaimText::ReportedBy => "who reported it",
                ClaimText::Rationale => "the rationale",
                ClaimText::InternalNote => "the internal note",
            },
            ClaimChange::AddTag(_) => "adding a tag",
            ClaimChange::RemoveTag(_) => "removing a tag",
            ClaimChange::SetStatus(_) => "the status",
            ClaimChange::SetPriority(_) => "the priority",
            ClaimChange::SetVerdict(_) => "the verdict",
            ClaimChange::SetClaimantKind(_) => "the kind of claimant",
            ClaimChange::SetRemovedByOutlet(_) => "an orphan removed by the outlet",
            ClaimChange::Publish { .. } => "publishing",
            ClaimChange::Unpublish { .. } => "withdrawing",
            ClaimChange::Approve { .. } => "the approval",
            ClaimChange::SendBack { .. } => "sending back",
            ClaimChange::Correct { .. } => "the correction",
            ClaimChange::AddCorrection { .. } => "the correction",
            ClaimChange::Cite(_) => "citing a source",
            ClaimChange::Uncite(_) => "removing a citation",
            ClaimChange::SetStance { .. } => "the stance",
            ClaimChange::SetEvidenceText {
                field: EvidenceText::Excerpt,
                ..
            } => "the excerpt",
            ClaimChange::SetEvidenceText {
                field: EvidenceText::Note,
                ..
            } => "the evidence note",
            ClaimChange::SetCorrectionNote { .. } => "the correction note",
            ClaimChange::SetSpan { .. } => "the quote's span",
        };
        what.to_owned()
    }
}

/// What a change to a source touches.
fn source_what(change: &SourceChange) -> String {
    match change {
        SourceChange::SetText { field, .. } => match field {
            SourceText::Title => "the source's title",
            SourceText::Url => "the source's URL",
            SourceText::Publisher => "the source's publisher",
            SourceText::ArchiveUrl => "the source's archive URL",
            SourceText::Notes => "the source's notes",
        },
        SourceChange::SetKind(_) => "the source's kind",
        SourceChange::SetPublished(_) => "the source's publication date",
        SourceChange::SetAccessed(_) => "the source's access date",
        SourceChange::SetProtected(_) => "the source's protection",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimId;

    #[test]
    fn changes_say_what_they_touch() {
        let claim = ClaimId::new();
        assert_eq!(
            Command::set_verdict(claim, Some("false".into())).what(),
            "the verdict"
        );
        assert_eq!(
            Command::set_claim_text(claim, ClaimText::ReportedBy, "x").what(),
            "who reported it"
        );
        assert_eq!(Command::DeleteClaim(claim).what(), "deleting a claim");
    }
}
