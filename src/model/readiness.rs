//! Whether a claim is ready to publish, and what it still lacks: a
//! verdict, a rationale, a claimant, at least one piece of evidence, and a
//! cited source with a working `http(s)` URL. *Publish* refuses a claim
//! without a verdict or a rationale; the rest are listed as what an editor
//! should still see to (`factbench check --ready`, the Problems window).

use super::{Claim, ClaimId, Workspace};
use std::collections::HashMap;
use std::fmt;

/// One thing a claim lacks before it can be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lack {
    Verdict,
    Rationale,
    Claimant,
    Evidence,
    /// No cited source has an `http(s)` URL a reader can follow.
    WebSource,
}

impl Lack {
    /// Whether *Publish* refuses a claim lacking this.
    pub fn blocks_publishing(self) -> bool {
        matches!(self, Lack::Verdict | Lack::Rationale)
    }
}

impl fmt::Display for Lack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Lack::Verdict => "a verdict",
            Lack::Rationale => "a rationale",
            Lack::Claimant => "a claimant",
            Lack::Evidence => "at least one piece of evidence",
            Lack::WebSource => "a cited source with a working http(s) URL",
        })
    }
}

/// A claim not ready to publish, with its number in the report.
pub struct Unready<'a> {
    pub number: usize,
    pub claim: &'a Claim,
    pub lacks: Vec<Lack>,
}

/// Every claim not ready to publish, in report order, numbered as the
/// report numbers them (`numbers`, from [`Workspace::claim_numbers`]).
pub fn unready_claims<'a>(
    ws: &'a Workspace,
    numbers: &HashMap<ClaimId, usize>,
) -> Vec<Unready<'a>> {
    let mut unready: Vec<Unready<'a>> = ws
        .claims
        .iter()
        .filter_map(|claim| {
            let lacks = lacks(ws, claim);
            (!lacks.is_empty()).then(|| Unready {
                number: numbers.get(&claim.id).copied().unwrap_or(0),
                claim,
                lacks,
            })
        })
        .collect();
    unready.sort_by_key(|u| u.number);
    unready
}

/// What `claim` still lacks before publication, in the order above; empty
/// when it is ready.
pub fn lacks(ws: &Workspace, claim: &Claim) -> Vec<Lack> {
    let mut out = Vec::new();
    if claim
        .verdict
        .as_deref()
        .and_then(|k| ws.scale.get(k))
        .is_none()
    {
        out.push(Lack::Verdict);
    }
    if claim.rationale.trim().is_empty() {
        out.push(Lack::Rationale);
    }
    if claim.claimant.trim().is_empty() {
        out.push(Lack::Claimant);
    }
    if claim.evidence.is_empty() {
        out.push(Lack::Evidence);
    }
    let web_source = claim
        .evidence
        .iter()
        .any(|e| ws.source(e.source).is_some_and(|s| is_http_url(&s.url)));
    if !web_source {
        out.push(Lack::WebSource);
    }
    out
}

/// `lacks` as one sentence: "a rationale, a claimant and at least one piece of evidence".
pub fn describe(lacks: &[Lack]) -> String {
    let parts: Vec<String> = lacks.iter().map(Lack::to_string).collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Whether `url` is an `http://` or `https://` address with a host and no spaces.
pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let rest = url
        .get(..8)
        .filter(|h| h.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])
        .or_else(|| {
            url.get(..7)
                .filter(|h| h.eq_ignore_ascii_case("http://"))
                .map(|_| &url[7..])
        });
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Evidence, Source, SourceKind, Stance};

    #[test]
    fn a_bare_claim_lacks_everything_and_a_complete_one_nothing() {
        let mut ws = Workspace::new("t");
        let article = Article::new("a", "Москва 习近平 👩‍👩‍👧");
        let anchor = crate::anchor::find_quote(&article.text, "习近平", 0).unwrap();
        let mut claim = Claim::new(article.id, anchor, "");
        assert_eq!(
            lacks(&ws, &claim),
            [
                Lack::Verdict,
                Lack::Rationale,
                Lack::Claimant,
                Lack::Evidence,
                Lack::WebSource
            ]
        );
        let offline = Source::new("Archive", "example.org/doc", SourceKind::Other);
        claim.evidence.push(Evidence {
            id: Default::default(),
            source: offline.id,
            stance: Stance::Supports,
            excerpt: String::new(),
            note: String::new(),
            anchor: None,
        });
        ws.sources.push(offline);
        claim.verdict = Some("nonsense".into());
        claim.rationale = "Потому что".into();
        claim.claimant = "Kremlin".into();
        assert_eq!(lacks(&ws, &claim), [Lack::Verdict, Lack::WebSource]);
        claim.verdict = Some("true".into());
        ws.sources[0].url = "https://example.org/doc".into();
        assert!(lacks(&ws, &claim).is_empty());
    }

    #[test]
    fn lacks_read_as_one_sentence() {
        assert_eq!(describe(&[Lack::Rationale]), "a rationale");
        assert_eq!(
            describe(&[Lack::Verdict, Lack::Rationale, Lack::Claimant]),
            "a verdict, a rationale and a claimant"
        );
        assert!(Lack::Verdict.blocks_publishing() && !Lack::Evidence.blocks_publishing());
        assert!(
            is_http_url("HTTPS://x.org") && !is_http_url("https:// x") && !is_http_url("ftp://x")
        );
    }
}
