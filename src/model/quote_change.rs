//! Whether an article was changed under a claim after the claim was
//! checked: a newer version of the article that changed the quoted words
//! (the claim now quotes the newer wording) or removed them (the claim is
//! an orphan). Reports say so, so a reader knows the outlet changed the
//! text after the fact-check.

use super::{Article, Claim};
use jiff::Timestamp;

/// How a newer version of an article touched a claim checked before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteChange {
    /// The version that replaced the text at this moment changed the
    /// quote's words; the claim quotes the newer wording.
    Changed(Timestamp),
    /// The version that replaced the text at this moment no longer held the
    /// quote: the claim is an orphan.
    Removed(Timestamp),
}

/// When the claim counts as checked: its first publication, else when it
/// was marked.
pub fn checked_at(claim: &Claim) -> Timestamp {
    claim.first_published().unwrap_or(claim.created)
}

/// The newest change of `article` after `claim` was checked that touched
/// its quote, if any.
pub fn quote_change_after_check(article: &Article, claim: &Claim) -> Option<QuoteChange> {
    let checked = checked_at(claim);
    if let Some(orphaned) = claim.orphaned {
        return (orphaned > checked).then_some(QuoteChange::Removed(orphaned));
    }
    let quote = claim.anchor.exact.as_str();
    if quote.is_empty() || !article.text.contains(quote) {
        return None;
    }
    // Walking back from the current text, the first earlier text without
    // the quote is the one the quote's present wording replaced.
    article
        .versions
        .iter()
        .rev()
        .take_while(|version| version.replaced > checked)
        .find(|version| !version.text.contains(quote))
        .map(|version| QuoteChange::Changed(version.replaced))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::find_quote;
    use crate::model::{ArticleVersion, Claim};

    fn at(seconds: i64) -> Timestamp {
        Timestamp::from_second(1_780_000_000 + seconds).unwrap()
    }

    fn version(text: &str, replaced: Timestamp) -> ArticleVersion {
        ArticleVersion {
            retrieved: None,
            source: String::new(),
            replaced,
            text: text.to_owned(),
            transcript: None,
            pages: Vec::new(),
        }
    }

    fn claim_on(article: &Article, quote: &str, created: Timestamp) -> Claim {
        let mut claim = Claim::new(article.id, find_quote(&article.text, quote, 0).unwrap(), "");
        claim.created = created;
        claim
    }

    #[test]
    fn a_changed_figure_after_the_check_is_reported_with_the_date_of_that_update() {
        let mut article = Article::new("Т", "Россия поставила 2448 танков. 中国没有。");
        article.versions = vec![
            version("Россия поставила 2450 танков. 中国没有。", at(100)),
            version("Россия поставила 2450 танков. 中国没有。Ещё.", at(200)),
        ];
        // Checked before both updates; its quote took its wording at the
        // second (the one that replaced "2450").
        let claim = claim_on(&article, "поставила 2448 танков", at(0));
        assert_eq!(
            quote_change_after_check(&article, &claim),
            Some(QuoteChange::Changed(at(200)))
        );
        // A claim whose words never changed: nothing to say.
        let untouched = claim_on(&article, "中国没有", at(0));
        assert_eq!(quote_change_after_check(&article, &untouched), None);
        // Marked after the updates: checked on the current text.
        let later = claim_on(&article, "поставила 2448 танков", at(300));
        assert_eq!(quote_change_after_check(&article, &later), None);
    }

    #[test]
    fn an_orphan_says_the_quote_was_removed_after_the_check() {
        let article = Article::new("T", "Nothing left 👩‍👩‍👧.");
        let mut claim = claim_on(&article, "Nothing", at(0));
        claim.orphaned = Some(at(50));
        assert_eq!(
            quote_change_after_check(&article, &claim),
            Some(QuoteChange::Removed(at(50)))
        );
        claim.created = at(60);
        assert_eq!(quote_change_after_check(&article, &claim), None);
    }
}
