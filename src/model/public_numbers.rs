//! Public claim numbers: the number a claim has in public reports, given
//! at its first publication — 1, 2, 3… in order of publication — and never
//! changed or reused afterwards, so a reader's "claim 4" stays claim 4
//! however many claims are marked earlier in the text, withdrawn or
//! corrected. The window keeps its own working numbers in text order
//! ([`Workspace::claim_numbers`]) and shows the public one beside them.
//!
//! A claim once published keeps its number when withdrawn, and such a claim
//! cannot be deleted (the editing core refuses), so no number is reused.

use super::{Claim, ClaimId, Workspace};

impl Workspace {
    /// The number the next claim published gets: one past the highest
    /// given so far.
    pub fn next_public_number(&self) -> u32 {
        self.claims
            .iter()
            .filter_map(|c| c.public_number)
            .max()
            .unwrap_or(0)
            + 1
    }

    /// Gives a public number to every claim that was published and has
    /// none (a file from before public numbers, or a claim published on a
    /// branch that was merged), and a new one to a claim whose number
    /// another claim published earlier already holds (two branches each
    /// publishing their claim 5). Numbers go in order of first publication
    /// (then of claim id); numbers already held are kept. Returns the
    /// claims renumbered.
    pub fn settle_public_numbers(&mut self) -> Vec<ClaimId> {
        let mut order: Vec<usize> = (0..self.claims.len())
            .filter(|&i| self.claims[i].first_published().is_some())
            .collect();
        order.sort_by_key(|&i| publication_order(&self.claims[i]));
        let mut held = std::collections::HashSet::new();
        let mut unnumbered = Vec::new();
        for &i in &order {
            match self.claims[i].public_number {
                Some(n) if held.insert(n) => {}
                _ => unnumbered.push(i),
            }
        }
        let first_free = self.next_public_number_after(&held);
        let mut renumbered = Vec::new();
        for (number, i) in (first_free..).zip(unnumbered) {
            self.claims[i].public_number = Some(number);
            renumbered.push(self.claims[i].id);
        }
        renumbered
    }

    fn next_public_number_after(&self, held: &std::collections::HashSet<u32>) -> u32 {
        held.iter()
            .copied()
            .max()
            .unwrap_or(0)
            .max(self.next_public_number() - 1)
            + 1
    }
}

/// When a claim was first published, then its id: the order numbers are
/// given in.
fn publication_order(claim: &Claim) -> (Option<jiff::Timestamp>, String) {
    (claim.first_published(), claim.id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, PublicationAction, PublicationEvent};

    fn published_at(ws: &mut Workspace, quote: &str, seconds: i64) -> ClaimId {
        let article = &ws.articles[0];
        let anchor = crate::anchor::find_quote(&article.text, quote, 0).unwrap();
        let mut claim = Claim::new(article.id, anchor, "");
        claim.publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date: jiff::Timestamp::from_second(1_780_000_000 + seconds).unwrap(),
            by: "Editor".into(),
        });
        let id = claim.id;
        ws.claims.push(claim);
        id
    }

    #[test]
    fn old_files_number_their_published_claims_in_order_of_publication() {
        let mut ws = Workspace::new("Числа");
        ws.articles
            .push(Article::new("Т", "Первое. 第二。 Third one. Четвёртое."));
        let late = published_at(&mut ws, "Первое.", 300);
        let early = published_at(&mut ws, "第二。", 100);
        let middle = published_at(&mut ws, "Third one.", 200);
        let article = ws.articles[0].id;
        let draft = crate::anchor::find_quote(&ws.articles[0].text, "Четвёртое.", 0).unwrap();
        ws.claims.push(Claim::new(article, draft, ""));
        ws.settle_public_numbers();
        let number = |id: ClaimId| ws.claim(id).unwrap().public_number;
        assert_eq!(
            (number(early), number(middle), number(late)),
            (Some(1), Some(2), Some(3))
        );
        assert_eq!(ws.claims[3].public_number, None, "a draft has none");
        assert_eq!(ws.next_public_number(), 4);
        assert!(
            ws.settle_public_numbers().is_empty(),
            "settled stays settled"
        );
    }

    #[test]
    fn two_branches_giving_the_same_number_keep_the_earlier_and_renumber_the_later() {
        let mut ws = Workspace::new("Merge");
        ws.articles.push(Article::new("T", "One. Two. Three."));
        let first = published_at(&mut ws, "One.", 100);
        let theirs = published_at(&mut ws, "Two.", 300);
        let ours = published_at(&mut ws, "Three.", 200);
        ws.claims[0].public_number = Some(1);
        ws.claims[1].public_number = Some(2);
        ws.claims[2].public_number = Some(2);
        let renumbered = ws.settle_public_numbers();
        assert_eq!(renumbered, vec![theirs]);
        assert_eq!(ws.claim(first).unwrap().public_number, Some(1));
        assert_eq!(ws.claim(ours).unwrap().public_number, Some(2));
        assert_eq!(ws.claim(theirs).unwrap().public_number, Some(3));
    }
}
