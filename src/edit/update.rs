//! Updating an article to a newer version of its text, and attaching a
//! claim again by hand.
//!
//! An update is prepared first ([`ArticleUpdate::prepare`]): every claim of
//! the article is followed into the new text by [`crate::reanchor`], so the
//! window can show the outcome per claim and the command line can print it.
//! Executing [`Command::UpdateArticle`] then applies exactly what was
//! prepared, as one undo step: the new text (the old one kept as an earlier
//! version) and each claim's new anchor or orphan marker. An update
//! prepared against an article or claims that changed since is refused.

use super::change::{ClaimEdit, Edit, NewVersion};
use super::command::{Command, CommandError, Outcome};
use crate::model::{Anchor, ArticleId, Claim, ClaimId, Workspace};
use crate::reanchor::{self, Reanchored, Reanchorer};
use jiff::Timestamp;
use jiff::civil::Date;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// What updating one article to a newer text will do.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleUpdate {
    pub article: ArticleId,
    pub text: String,
    /// Where the new text came from: a file name or `"clipboard"`.
    pub source: String,
    /// When the new text was got.
    pub retrieved: Option<Date>,
    /// Every claim of the article quoting its text, in file order (a
    /// claim about media quotes none: the update leaves it as it is).
    pub claims: Vec<ClaimUpdate>,
    /// When the update was prepared: the old text's `replaced` time and the
    /// orphans' marker.
    pub prepared: Timestamp,
    /// The new text's side table when it is a transcript (see
    /// [`ArticleUpdate::with_transcript`]); without one the article stops
    /// being a transcript.
    pub transcript: Option<crate::model::Transcript>,
    /// The new text's page starts when it is a paged document (see
    /// [`ArticleUpdate::with_pages`]); without them the article has none.
    pub pages: Vec<crate::model::PageStart>,
    /// A fingerprint of the article's text and claims it was prepared for.
    base: u64,
}

/// What becomes of one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimUpdate {
    pub claim: ClaimId,
    /// The claim's anchor before the update (into the old text, or into an
    /// earlier one for a claim that was already an orphan).
    pub before: Anchor,
    /// Whether it was an orphan already.
    pub was_orphaned: bool,
    pub result: Reanchored,
}

impl ArticleUpdate {
    /// Follows every claim of `article` into `text`.
    pub fn prepare(
        ws: &Workspace,
        article: ArticleId,
        text: String,
        source: impl Into<String>,
        retrieved: Option<Date>,
    ) -> Result<Self, CommandError> {
        let found = ws.article(article).ok_or(CommandError::NoSuchArticle)?;
        let reanchorer = Reanchorer::new(&found.text, &text);
        let claims = ws
            .claims_in(article)
            .filter(|claim| !claim.is_media())
            .map(|claim| ClaimUpdate {
                claim: claim.id,
                before: claim.anchor.clone(),
                was_orphaned: claim.is_orphaned(),
                result: if claim.is_orphaned() {
                    reanchorer.refind(&claim.anchor)
                } else {
                    reanchorer.reanchor(&claim.anchor)
                },
            })
            .collect();
        Ok(ArticleUpdate {
            article,
            base: fingerprint(ws, article),
            text,
            source: source.into(),
            retrieved,
            claims,
            prepared: crate::model::now(),
            transcript: None,
            pages: Vec::new(),
        })
    }

    /// The update with the new text's page starts (a newer PDF or Word
    /// document): they replace the article's with the text.
    pub fn with_pages(mut self, pages: Vec<crate::model::PageStart>) -> Self {
        self.pages = pages;
        self
    }

    /// The update with the new text's side table: the names given to the
    /// old table's speakers carry over to the same labels, so a live
    /// transcript updated with a longer file keeps its times and names.
    pub fn with_transcript(
        mut self,
        ws: &Workspace,
        transcript: Option<crate::model::Transcript>,
    ) -> Self {
        let earlier = ws.article(self.article).and_then(|a| a.transcript.as_ref());
        self.transcript = transcript.map(|mut table| {
            if let Some(earlier) = earlier {
                table.keep_names(earlier);
            }
            table
        });
        self
    }

    /// How many claims get each outcome, in the order of
    /// [`reanchor::Outcome::ALL`].
    pub fn counts(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for claim in &self.claims {
            let i = reanchor::Outcome::ALL
                .iter()
                .position(|o| *o == claim.result.outcome)
                .unwrap_or(3);
            counts[i] += 1;
        }
        counts
    }

    /// `2 unchanged, 1 moved, 0 edited, 1 orphaned`.
    pub fn summary(&self) -> String {
        let counts = self.counts();
        reanchor::Outcome::ALL
            .iter()
            .zip(counts)
            .map(|(o, n)| format!("{n} {}", o.label()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The command that applies this update.
    pub fn into_command(self) -> Command {
        Command::UpdateArticle(Box::new(self))
    }
}

/// The article's text and the anchors and orphan markers of its claims.
fn fingerprint(ws: &Workspace, article: ArticleId) -> u64 {
    let mut hasher = DefaultHasher::new();
    if let Some(found) = ws.article(article) {
        found.text.hash(&mut hasher);
    }
    for claim in ws.claims_in(article) {
        claim.id.to_string().hash(&mut hasher);
        let a = &claim.anchor;
        (
            a.start,
            a.end,
            &a.exact,
            claim.orphaned.map(|t| t.as_second()),
        )
            .hash(&mut hasher);
    }
    hasher.finish()
}

/// The edits of a prepared update; nothing when the text is the same.
pub(super) fn plan_update(
    ws: &Workspace,
    update: ArticleUpdate,
) -> Result<(Edit, Outcome), CommandError> {
    let index = ws
        .articles
        .iter()
        .position(|a| a.id == update.article)
        .ok_or(CommandError::NoSuchArticle)?;
    if fingerprint(ws, update.article) != update.base {
        return Err(CommandError::StaleUpdate);
    }
    let article = &ws.articles[index];
    let same_side_tables = article.transcript == update.transcript && article.pages == update.pages;
    if article.text == update.text && same_side_tables {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let now = update.prepared;
    let mut edits = Vec::with_capacity(update.claims.len() + 1);
    let positions = claim_positions(ws, update.article);
    for change in &update.claims {
        let Some(&claim_index) = positions.get(&change.claim) else {
            return Err(CommandError::StaleUpdate);
        };
        let claim = &ws.claims[claim_index];
        if let Some(edit) = reanchor_edit(claim, &change.result, now) {
            edits.push(Edit::ChangeClaim {
                index: claim_index,
                edit,
                updated: now,
            });
        }
    }
    edits.insert(
        0,
        Edit::PushArticleVersion {
            index,
            version: Box::new(NewVersion {
                text: update.text,
                source: update.source,
                retrieved: update.retrieved,
                replaced: now,
                transcript: update.transcript,
                pages: update.pages,
            }),
        },
    );
    Ok((Edit::Group(edits), Outcome::Article(update.article)))
}

/// The change of one claim: its new anchor (no longer an orphan), or the
/// orphan marker (its anchor kept); nothing when that is what it has.
fn reanchor_edit(claim: &Claim, result: &Reanchored, now: Timestamp) -> Option<ClaimEdit> {
    let (anchor, orphaned) = match &result.anchor {
        Some(anchor) => (anchor.clone(), None),
        None => (claim.anchor.clone(), Some(claim.orphaned.unwrap_or(now))),
    };
    // A confirmed removal stays confirmed while the claim stays an orphan.
    let removed_by_outlet = orphaned.is_some() && claim.removed_by_outlet;
    (anchor != claim.anchor || orphaned != claim.orphaned).then(|| ClaimEdit::Reanchor {
        anchor: Box::new(anchor),
        orphaned,
        removed_by_outlet,
    })
}

/// Where each claim of the article is in the workspace's claims, looked up
/// once (not once per claim: thousands of claims are common).
fn claim_positions(ws: &Workspace, article: ArticleId) -> HashMap<ClaimId, usize> {
    ws.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.article == article)
        .map(|(i, c)| (c.id, i))
        .collect()
}

#[cfg(test)]
mod tests;
