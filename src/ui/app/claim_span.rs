//! Adjusting the selected claim's quote from the keyboard, the menu or the
//! inspector: one end moved a character or a word, or the whole quote put
//! on the reader's selection. Each is one `ClaimChange::SetSpan`, so the
//! verdict, notes and evidence stay and one Ctrl+Z undoes it.

use super::*;
use crate::anchor::CharIndex;
use crate::edit::ClaimChange;
use crate::text::{moved_span, trim_selection};
use crate::ui::actions::SpanMove;

impl FactbenchApp {
    /// Moves one end of the selected claim's quote by `step`; says why
    /// when it cannot (at the text's edge, or the quote would be empty).
    pub(super) fn adjust_span(&mut self, step: SpanMove) {
        let Some((claim, article)) = self.selected_claim_and_article() else {
            return;
        };
        let ws = self.doc.workspace();
        let (Some(found), Some(article)) = (ws.claim(claim), ws.article(article)) else {
            return;
        };
        let index = CharIndex::new(&article.text);
        let span = (found.anchor.start, found.anchor.end);
        match moved_span(&index, span, step.end, step.step, step.forward) {
            Some((start, end)) => self.set_span(claim, start, end),
            None => self.error(
                "The quote cannot move that way",
                "It would reach past the article's text or leave the quote empty.".into(),
            ),
        }
    }

    /// Puts the selected claim on the reader's selection (trimmed of
    /// spaces and punctuation at its ends, as marking does).
    pub(super) fn reanchor_to_selection(&mut self) {
        let Some((claim, article)) = self.selected_claim_and_article() else {
            return;
        };
        let selection = self.panels.reader.selection();
        let (Some((start, end)), true) = (selection, self.view.shown_article == Some(article))
        else {
            return; // Action::precondition said why.
        };
        let Some(text) = self.workspace().article(article).map(|a| &a.text) else {
            return;
        };
        let (start, end) = trim_selection(&CharIndex::new(text), start, end);
        if start < end {
            self.panels.reader.clear_selection();
        }
        self.set_span(claim, start, end);
    }

    /// Queues the change; `intents.rs` runs it next.
    fn set_span(&mut self, claim: ClaimId, start: usize, end: usize) {
        let change = ClaimChange::SetSpan { start, end };
        self.intents
            .push_back(Intent::Command(Command::EditClaim { claim, change }));
    }

    fn selected_claim_and_article(&self) -> Option<(ClaimId, ArticleId)> {
        let claim = self.workspace().claim(self.view.selected_claim?)?;
        Some((claim.id, claim.article))
    }
}
