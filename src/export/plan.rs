//! What an export contains, worked out once and shared by every format:
//! which articles and claims (after the `--article` filter), in which order
//! and with which numbers, each claim's verdict and whether its anchor still
//! points at its quote, the sources cited, and each claim's fragment in the
//! report (`#claim-…`, the ClaimReview `url` fragment).
//!
//! Claims are ordered by article, then by where they start in the text
//! (outer claims before the claims nested in them), then in file order;
//! claims whose anchor is broken follow the others of their article, and
//! claims whose article is missing come last. The internal copy numbers
//! them from 1 in that order — over the whole workspace, whatever the
//! export shows — as the window does ([`Workspace::claim_numbers`]); the
//! public report shows each claim's public number, given at its first
//! publication and never changed (see `model::public_numbers`), in the
//! same text order.
//!
//! The audience decides which claims are in: the public export holds only
//! published claims (and the articles and sources they need); the internal
//! copy holds every claim. For a public article not shown in full, each
//! claim is shown in context: the sentences holding its quote
//! ([`PlannedArticle::excerpts`]).

use super::{Audience, ExportError, ExportOptions, TextShown};
use crate::anchor::{AnchorFault, CharIndex};
use crate::model::{
    Article, Claim, QuoteChange, Source, SourceId, Verdict, Workspace, quote_change_after_check,
};
use crate::text::widen_to_clusters;
use std::collections::{HashMap, HashSet};

/// A claim's char range in its article's text, or why its anchor does not match.
type Checked = Result<(usize, usize), AnchorFault>;

/// A claim's verdict, resolved against the scale.
#[derive(Clone, Copy, Debug)]
pub enum VerdictState<'a> {
    Rated(&'a Verdict),
    Unrated,
    /// A key that is not on the scale; shown as such, never guessed.
    Unknown(&'a str),
}

/// One claim of the export.
#[derive(Debug)]
pub struct PlannedClaim<'a> {
    /// Its number in the report, from 1.
    pub number: usize,
    pub claim: &'a Claim,
    pub article: Option<&'a Article>,
    pub verdict: VerdictState<'a>,
    /// The char range of the quote when the anchor still matches the text,
    /// widened so that neither end falls inside a character cluster.
    pub span: Option<(usize, usize)>,
    /// Why the anchor does not match, when it does not (and the article exists).
    pub fault: Option<AnchorFault>,
    /// The fragment id of its card in the HTML report, unique in the report.
    pub fragment: String,
    /// Whether the article was changed under the quote after the check.
    pub quote_change: Option<QuoteChange>,
    /// The quote's wording when the claim was checked, when the article
    /// changed it since.
    pub quote_as_checked: Option<String>,
}

impl PlannedClaim<'_> {
    /// What a report heads the claim with: its statement, else its quote,
    /// else (a claim about media) what it is about.
    pub fn heading(&self) -> String {
        let claim = self.claim;
        match &claim.media {
            _ if !claim.statement.trim().is_empty() => claim.statement.clone(),
            Some(media) if self.quote().trim().is_empty() => media.about(),
            _ => self.quote().to_owned(),
        }
    }

    /// The quote as a report shows it: the article's text over
    /// [`PlannedClaim::span`] (whole clusters), else the anchor's quote.
    pub fn quote(&self) -> &str {
        let shown = self
            .span
            .zip(self.article)
            .and_then(|((start, end), article)| {
                crate::anchor::slice_chars(&article.text, start, end)
            });
        shown.unwrap_or(&self.claim.anchor.exact)
    }
}

/// One article of the export, with its claims (indices into [`Plan::claims`]).
#[derive(Debug)]
pub struct PlannedArticle<'a> {
    pub article: &'a Article,
    pub index: CharIndex<'a>,
    pub claims: Vec<usize>,
    /// `None` when the whole text is shown; otherwise the char ranges of
    /// the text shown (the sentences holding the claims' quotes, merged
    /// where they touch), in order.
    pub excerpts: Option<Vec<(usize, usize)>>,
}

/// Everything an exporter needs, resolved.
#[derive(Debug)]
pub struct Plan<'a> {
    pub workspace: &'a Workspace,
    pub audience: Audience,
    pub articles: Vec<PlannedArticle<'a>>,
    pub claims: Vec<PlannedClaim<'a>>,
    /// Indices into `claims` of claims whose article is not in the workspace.
    pub orphans: Vec<usize>,
    /// Sources cited by the exported claims, in order of first citation.
    pub sources: Vec<&'a Source>,
    /// For each source of `sources`, the indices into `claims` citing it.
    pub citations: Vec<Vec<usize>>,
    /// Where the report links the sources' snapshots.
    pub snapshot_links: super::SnapshotLinks,
    source_numbers: HashMap<SourceId, usize>,
}

impl<'a> Plan<'a> {
    /// Works out the export of `workspace` under `options`.
    pub fn new(workspace: &'a Workspace, options: &ExportOptions) -> Result<Self, ExportError> {
        if let Some(id) = options.article
            && workspace.article(id).is_none()
        {
            return Err(ExportError::UnknownArticle { id });
        }
        let mut plan = Plan {
            workspace,
            audience: options.audience,
            articles: Vec::new(),
            claims: Vec::new(),
            orphans: Vec::new(),
            sources: Vec::new(),
            citations: Vec::new(),
            snapshot_links: options.snapshots.clone(),
            source_numbers: HashMap::new(),
        };
        let mut numbering = Numbering::default();
        let mut seen = HashSet::new();
        // Two articles sharing an id (a reported problem) are exported once.
        for article in workspace.articles.iter().filter(|a| seen.insert(a.id)) {
            let selected = options.article.is_none_or(|id| id == article.id);
            plan.add_article(article, selected, options.text, &mut numbering);
        }
        if options.article.is_none() {
            plan.add_orphans(&mut numbering);
        }
        plan.collect_sources();
        Ok(plan)
    }

    /// Whether the export shows `claim`.
    fn shows(&self, claim: &Claim) -> bool {
        match self.audience {
            Audience::Public => claim.is_published(),
            Audience::Internal => true,
        }
    }

    fn add_article(
        &mut self,
        article: &'a Article,
        selected: bool,
        text: TextShown,
        numbering: &mut Numbering,
    ) {
        let index = CharIndex::new(&article.text);
        let mut placed: Vec<(&'a Claim, Checked)> = self
            .workspace
            .claims_in(article.id)
            .map(|claim| {
                // An end inside a character cluster (which `check` reports)
                // moves out to the cluster's edge: no report cuts one in two.
                let span = index
                    .check(&claim.anchor)
                    .map(|()| widen_to_clusters(&index, claim.anchor.start, claim.anchor.end));
                (claim, span)
            })
            .collect();
        // Stable sort: anchored claims by start, longer (outer) first; broken ones last.
        placed.sort_by_key(|(_, span)| match span {
            Ok((start, end)) => (0, *start, usize::MAX - *end),
            Err(_) => (1, 0, 0),
        });
        let mut claims = Vec::with_capacity(placed.len());
        for (claim, span) in placed {
            let number = numbering.next();
            if !selected || !self.shows(claim) {
                continue;
            }
            claims.push(self.claims.len());
            let (span, fault) = match span {
                Ok(span) => (Some(span), None),
                // A claim about media quotes no text: no span, nothing broken.
                Err(_) if claim.is_media() => (None, None),
                Err(fault) => (None, Some(fault)),
            };
            self.push_claim(number, claim, Some(article), span, fault, numbering);
        }
        if !selected || (self.audience.is_public() && claims.is_empty()) {
            return;
        }
        let full_text = match self.audience {
            Audience::Internal => true,
            Audience::Public => article.publish_full_text && text == TextShown::AsMarked,
        };
        let excerpts = (!full_text).then(|| {
            let spans: Vec<(usize, usize)> =
                claims.iter().filter_map(|&i| self.claims[i].span).collect();
            context_ranges(&article.text, &spans)
        });
        self.articles.push(PlannedArticle {
            article,
            index,
            claims,
            excerpts,
        });
    }

    fn add_orphans(&mut self, numbering: &mut Numbering) {
        let known: HashSet<_> = self.workspace.articles.iter().map(|a| a.id).collect();
        let orphans: Vec<&'a Claim> = self
            .workspace
            .claims
            .iter()
            .filter(|c| !known.contains(&c.article))
            .collect();
        for claim in orphans {
            let number = numbering.next();
            if !self.shows(claim) {
                continue;
            }
            self.orphans.push(self.claims.len());
            self.push_claim(number, claim, None, None, None, numbering);
        }
    }

    fn push_claim(
        &mut self,
        number: usize,
        claim: &'a Claim,
        article: Option<&'a Article>,
        span: Option<(usize, usize)>,
        fault: Option<AnchorFault>,
        numbering: &mut Numbering,
    ) {
        // Readers know a published claim by its public number.
        let number = match (self.audience, claim.public_number) {
            (Audience::Public, Some(public)) => public as usize,
            _ => number,
        };
        let mut fragment = format!("claim-{}", claim.id);
        if !numbering.fragments.insert(fragment.clone()) {
            // Two claims share an id (a reported problem): keep fragments unique.
            fragment = format!("claim-{}-{number}", claim.id);
            numbering.fragments.insert(fragment.clone());
        }
        let quote_change = article.and_then(|a| quote_change_after_check(a, claim));
        let quote_as_checked =
            article.and_then(|a| super::checked_quote::quote_as_checked(a, claim, quote_change));
        self.claims.push(PlannedClaim {
            number,
            claim,
            article,
            verdict: resolve_verdict(self.workspace, claim),
            span,
            fault,
            fragment,
            quote_change,
            quote_as_checked,
        });
    }

    fn collect_sources(&mut self) {
        let library: HashMap<SourceId, &'a Source> =
            self.workspace.sources.iter().map(|s| (s.id, s)).collect();
        for (index, planned) in self.claims.iter().enumerate() {
            for evidence in &planned.claim.evidence {
                let number = match self.source_numbers.get(&evidence.source) {
                    Some(&number) => number,
                    None => {
                        let Some(source) = library.get(&evidence.source) else {
                            continue;
                        };
                        self.sources.push(source);
                        self.citations.push(Vec::new());
                        self.source_numbers
                            .insert(evidence.source, self.sources.len());
                        self.sources.len()
                    }
                };
                let citing = &mut self.citations[number - 1];
                if citing.last() != Some(&index) {
                    citing.push(index);
                }
            }
        }
    }

    /// The number of a cited source in the source list, from 1; `None` when
    /// the source is not in the library.
    pub fn source_number(&self, id: SourceId) -> Option<usize> {
        self.source_numbers.get(&id).copied()
    }

    /// The source cited under `id`, if it is in the library.
    pub fn source(&self, id: SourceId) -> Option<&'a Source> {
        self.source_number(id)
            .and_then(|n| self.sources.get(n - 1))
            .copied()
    }

    /// The claims of one planned article, in report order.
    pub fn claims_of(
        &self,
        article: &PlannedArticle<'a>,
    ) -> impl Iterator<Item = &PlannedClaim<'a>> {
        article.claims.iter().map(|&i| &self.claims[i])
    }

    /// Claims per verdict of the scale (in scale order), then unrated and
    /// unknown-verdict counts, over the exported claims.
    pub fn verdict_counts(&self) -> (Vec<usize>, usize, usize) {
        let verdicts = &self.workspace.scale.verdicts;
        let mut counts = vec![0; verdicts.len()];
        let (mut unrated, mut unknown) = (0, 0);
        for planned in &self.claims {
            match planned.verdict {
                VerdictState::Rated(v) => {
                    if let Some(i) = verdicts.iter().position(|x| std::ptr::eq(x, v)) {
                        counts[i] += 1;
                    }
                }
                VerdictState::Unrated => unrated += 1,
                VerdictState::Unknown(_) => unknown += 1,
            }
        }
        (counts, unrated, unknown)
    }

    /// The report URL with `#fragment`, when the workspace has an `http(s)`
    /// report URL (any fragment it had is replaced).
    pub fn report_link(&self, fragment: &str) -> Option<String> {
        let url = self.workspace.report_url.trim();
        if !super::escape::is_web_url(url) {
            return None;
        }
        let base = url.split('#').next().unwrap_or(url);
        Some(format!("{base}#{fragment}"))
    }
}

/// Claim numbers in report order over the whole workspace, and the
/// fragments given out so far.
#[derive(Default)]
struct Numbering {
    last: usize,
    fragments: HashSet<String>,
}

impl Numbering {
    fn next(&mut self) -> usize {
        self.last += 1;
        self.last
    }
}

/// The char ranges of `text` to show so that every span is read in its
/// sentences: each span widened to the sentences it touches (without the
/// spaces and line breaks around them), then merged where they overlap, in
/// order. Sentences are Unicode sentence
/// boundaries (UAX #29), and a line break always ends one.
pub fn context_ranges(text: &str, spans: &[(usize, usize)]) -> Vec<(usize, usize)> {
    use unicode_segmentation::UnicodeSegmentation;
    let chars: Vec<char> = text.chars().collect();
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        for sentence in line.split_sentence_bounds() {
            let len = sentence.chars().count();
            sentences.push((at, at + len));
            at += len;
        }
    }
    let mut ranges: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(start, end)| {
            // Sentences are in order: the first ending after the start,
            // the last starting before the end.
            let first = sentences
                .get(sentences.partition_point(|s| s.1 <= start))
                .map_or(start, |s| s.0);
            let last = sentences
                .partition_point(|s| s.0 < end.max(start + 1))
                .checked_sub(1)
                .and_then(|i| sentences.get(i))
                .map_or(end, |s| s.1);
            let (mut from, mut to) = (first.min(start), last.max(end));
            while from < start && chars.get(from).is_some_and(|c| c.is_whitespace()) {
                from += 1;
            }
            while to > end && chars.get(to - 1).is_some_and(|c| c.is_whitespace()) {
                to -= 1;
            }
            (from, to)
        })
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn resolve_verdict<'a>(workspace: &'a Workspace, claim: &'a Claim) -> VerdictState<'a> {
    match claim.verdict.as_deref() {
        None => VerdictState::Unrated,
        Some(key) => workspace
            .scale
            .get(key)
            .map_or(VerdictState::Unknown(key), VerdictState::Rated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::find_quote;
    use crate::model::{ArticleId, Evidence, Source, SourceKind, Stance};

    fn claim_on(article: &Article, quote: &str) -> Claim {
        Claim::new(article.id, find_quote(&article.text, quote, 0).unwrap(), "")
    }

    #[test]
    fn a_quote_splitting_clusters_is_shown_with_them_whole() {
        // Chars 4..8 cut "e" from its accent and the family emoji (6..11) apart.
        let text = "cafe\u{301} 👩\u{200d}👩\u{200d}👧 и 习近平";
        let mut ws = Workspace::new("t");
        let article = Article::new("a", text);
        let anchor = CharIndex::new(text).capture(4, 8).unwrap();
        let mut claim = Claim::new(article.id, anchor, "");
        claim.statement = "A family in a café".into();
        ws.claims.push(claim);
        ws.articles.push(article);
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        assert_eq!(plan.claims[0].span, Some((3, 11)));
        assert_eq!(plan.claims[0].quote(), "e\u{301} 👩\u{200d}👩\u{200d}👧");
        for format in [super::super::Format::Html, super::super::Format::Markdown] {
            let mut out = Vec::new();
            super::super::write(format, &ws, &ExportOptions::default(), &mut out).unwrap();
            let report = String::from_utf8(out).unwrap();
            assert!(!report.contains(">\u{301}"), "{format:?}: {report}");
            assert!(!report.contains("\u{200d}<"), "{format:?}: {report}");
            assert!(!report.contains("> \u{301}"), "{format:?}");
            assert!(
                report.contains("e\u{301} 👩\u{200d}👩\u{200d}👧"),
                "{format:?}: {report}"
            );
        }
    }

    #[test]
    fn claims_are_numbered_by_position_with_broken_and_orphan_claims_last() {
        let mut ws = Workspace::new("t");
        let first = Article::new("first", "alpha beta gamma delta");
        let second = Article::new("second", "один два три");
        let mut broken = claim_on(&first, "alpha");
        broken.anchor.exact = "changed".into();
        let mut orphan = claim_on(&second, "два");
        orphan.article = ArticleId::new();
        ws.claims = vec![
            claim_on(&second, "три"),
            claim_on(&first, "gamma"),
            broken,
            orphan,
            claim_on(&first, "beta gamma"),
            claim_on(&second, "один"),
        ];
        ws.articles = vec![first, second];
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        let order: Vec<&str> = plan
            .claims
            .iter()
            .map(|c| c.claim.anchor.exact.as_str())
            .collect();
        assert_eq!(
            order,
            ["beta gamma", "gamma", "changed", "один", "три", "два"]
        );
        assert_eq!(
            plan.claims.iter().map(|c| c.number).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5, 6]
        );
        assert!(plan.claims[2].fault.is_some() && plan.claims[2].span.is_none());
        assert_eq!(plan.orphans, [5]);
        assert!(plan.claims[5].article.is_none());
    }

    #[test]
    fn context_is_the_sentences_holding_each_quote_merged_where_they_overlap() {
        let text =
            "Первое предложение. Второе — с цифрой 38 %! 第三句话。\nNew line 😀 here. Last one.";
        let char_at = |needle: &str| text[..text.find(needle).unwrap()].chars().count();
        let span = |needle: &str| (char_at(needle), char_at(needle) + needle.chars().count());
        let ranges = context_ranges(
            text,
            &[span("38 %"), span("цифрой"), span("😀"), span("Last")],
        );
        let shown: Vec<String> = ranges
            .iter()
            .map(|&(a, b)| text.chars().skip(a).take(b - a).collect())
            .collect();
        assert_eq!(
            shown,
            ["Второе — с цифрой 38 %!", "New line 😀 here.", "Last one."]
        );
    }

    #[test]
    fn the_internal_copy_numbers_as_the_window_and_the_public_report_by_public_number() {
        let ws = crate::sample::sample_workspace();
        let numbers = ws.claim_numbers();
        let internal = Plan::new(&ws, &ExportOptions::internal()).unwrap();
        for planned in &internal.claims {
            assert_eq!(numbers[&planned.claim.id], planned.number);
        }
        let public = Plan::new(&ws, &ExportOptions::public()).unwrap();
        let mut shown: Vec<usize> = public.claims.iter().map(|c| c.number).collect();
        for planned in &public.claims {
            assert!(planned.claim.is_published());
            assert_eq!(planned.claim.public_number, Some(planned.number as u32));
        }
        // Every public number once, with no gap: 1..=8.
        shown.sort_unstable();
        assert_eq!(shown, (1..=8).collect::<Vec<_>>());
        let public = Plan::new(&ws, &ExportOptions::public()).unwrap();
        assert_eq!(public.claims.len(), 8);
        assert!(
            public.articles[0].excerpts.is_some(),
            "a third party's article is shown in context"
        );
        let internal = Plan::new(&ws, &ExportOptions::internal()).unwrap();
        assert_eq!(internal.claims.len(), 14);
        assert!(internal.articles[0].excerpts.is_none());
    }

    #[test]
    fn sources_are_numbered_in_order_of_first_citation_and_missing_ones_skipped() {
        let mut ws = Workspace::new("t");
        let article = Article::new("a", "one two");
        let (s1, s2) = (
            Source::new("S1", "", SourceKind::Other),
            Source::new("S2", "", SourceKind::Other),
        );
        let cite = |source| Evidence {
            id: Default::default(),
            source,
            stance: Stance::Supports,
            excerpt: String::new(),
            note: String::new(),
            anchor: None,
        };
        let mut one = claim_on(&article, "one");
        one.evidence = vec![cite(s2.id), cite(SourceId::new()), cite(s2.id)];
        let mut two = claim_on(&article, "two");
        two.evidence = vec![cite(s1.id), cite(s2.id)];
        ws.claims = vec![one, two];
        ws.sources = vec![s1.clone(), s2.clone()];
        ws.articles.push(article);
        let plan = Plan::new(&ws, &ExportOptions::default()).unwrap();
        let titles: Vec<&str> = plan.sources.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["S2", "S1"]);
        assert_eq!(plan.source_number(s1.id), Some(2));
        assert_eq!(plan.citations, [vec![0, 1], vec![1]]);
    }
}
