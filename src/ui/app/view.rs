//! What the window shows — the article, the selected claim, the right
//! panel's tab — and [`ViewState::reconcile`], the one place that keeps
//! them pointing at things that exist after any change.

use crate::model::{ArticleId, ClaimId, Workspace};

pub use crate::ui::actions::RightTab;

/// What the window shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ViewState {
    pub(super) shown_article: Option<ArticleId>,
    pub(super) selected_claim: Option<ClaimId>,
    pub(super) right_tab: RightTab,
}

impl ViewState {
    /// A claim that is gone is no longer selected; an article that is gone
    /// is no longer shown, and with none shown the first article is. Returns
    /// whether the shown article changed (the reader then drops its
    /// selection).
    pub(super) fn reconcile(&mut self, ws: &Workspace) -> bool {
        if self.selected_claim.is_some_and(|id| ws.claim(id).is_none()) {
            self.selected_claim = None;
        }
        let shown = self
            .shown_article
            .filter(|id| ws.article(*id).is_some())
            .or_else(|| ws.articles.first().map(|a| a.id));
        let changed = shown != self.shown_article;
        self.shown_article = shown;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_workspace;

    #[test]
    fn reconcile_drops_what_is_gone_and_falls_back_to_the_first_article() {
        let mut ws = sample_workspace();
        let first = ws.articles[0].id;
        let claim = ws.claims[0].id;
        let mut view = ViewState {
            shown_article: Some(ArticleId::new()),
            selected_claim: Some(claim),
            right_tab: RightTab::Sources,
        };
        assert!(view.reconcile(&ws), "a missing article is replaced");
        assert_eq!(view.shown_article, Some(first));
        assert_eq!(view.selected_claim, Some(claim));
        assert!(!view.reconcile(&ws), "nothing more to change");
        ws.claims.clear();
        ws.articles.clear();
        view.reconcile(&ws);
        assert_eq!(view.selected_claim, None);
        assert_eq!(view.shown_article, None);
        assert_eq!(
            view.right_tab,
            RightTab::Sources,
            "the tab is the user's choice"
        );
    }
}
