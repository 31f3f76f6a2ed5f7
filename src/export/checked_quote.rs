//! The quote as it read when the claim was checked, for a claim whose
//! article the outlet changed afterwards: reports show it beside the
//! current wording, so a reader sees what was checked ("2450 tanks") and
//! what the article says now ("2448 tanks").
//!
//! Found by following the claim's current anchor back into the text the
//! article had at the check (the version an update replaced after it),
//! with the same alignment an update uses going forward.

use crate::model::{Article, Claim, QuoteChange, checked_at};
use crate::reanchor::{Outcome, Reanchorer};

/// The quote's wording at the check, when the article changed it since
/// (`change` is what [`crate::model::quote_change_after_check`] said);
/// `None` when it did not, or when the old passage cannot be told apart.
pub fn quote_as_checked(
    article: &Article,
    claim: &Claim,
    change: Option<QuoteChange>,
) -> Option<String> {
    let Some(QuoteChange::Changed(_)) = change else {
        return None;
    };
    let checked = checked_at(claim);
    // The text the article had at the check: the first version replaced after it.
    let then = article.versions.iter().find(|v| v.replaced > checked)?;
    let back = Reanchorer::new(&article.text, &then.text).reanchor(&claim.anchor);
    let old = back.anchor.filter(|_| back.outcome != Outcome::Orphaned)?;
    (old.exact != claim.anchor.exact && !old.exact.trim().is_empty()).then_some(old.exact)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::find_quote;
    use crate::model::{ArticleVersion, quote_change_after_check};
    use jiff::Timestamp;

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_780_000_000 + seconds).unwrap()
    }

    #[test]
    fn the_checked_figure_is_found_in_the_text_of_the_check() {
        let before = "Вступление. Россия поставила 2450 танков в 2023 году. 中国没有回应。";
        let now = "Вступление. Россия поставила 2448 танков в 2023 году. 中国没有回应。";
        let mut article = Article::new("Т", now);
        article.versions = vec![ArticleVersion {
            retrieved: None,
            source: String::new(),
            replaced: at(100),
            text: before.to_owned(),
            transcript: None,
            pages: Vec::new(),
        }];
        let mut claim = Claim::new(
            article.id,
            find_quote(now, "Россия поставила 2448 танков", 0).unwrap(),
            "",
        );
        claim.created = at(0);
        let change = quote_change_after_check(&article, &claim);
        assert_eq!(change, Some(QuoteChange::Changed(at(100))));
        assert_eq!(
            quote_as_checked(&article, &claim, change).as_deref(),
            Some("Россия поставила 2450 танков")
        );
        // Marked after the update: nothing changed under it.
        claim.created = at(200);
        let change = quote_change_after_check(&article, &claim);
        assert_eq!(quote_as_checked(&article, &claim, change), None);
    }
}
