//! W3C Web Annotation JSON-LD: an `AnnotationCollection` with its first
//! (and only) `AnnotationPage` inline, one `Annotation` per claim.
//!
//! Each annotation has `motivation: "assessing"` and targets a
//! `SpecificResource` whose source is the article URL (or `urn:uuid:` and
//! the article id when it has no `http(s)` URL), selected by a
//! `TextQuoteSelector` (quote and up to 32 chars of context, taken from the
//! current text) and a `TextPositionSelector` counted in Unicode code points;
//! a claim of a transcript adds a third: a `FragmentSelector` conforming to
//! W3C Media Fragments (`t=723,739`, the claim's time in the recording)
//! refined by the same `TextQuoteSelector`; a claim of a PDF or Word
//! document adds a `FragmentSelector` conforming to RFC 3778 (`page=12`,
//! the 1-based index of the page its quote starts on) refined by the same
//! `TextQuoteSelector`, the article-wide position selector kept beside it
//! as an alternative.
//! Bodies: a `TextualBody` for the verdict (`assessing`), the rationale
//! (`commenting`) and each tag (`tagging`); each evidence source as a
//! `SpecificResource` with `purpose: "linking"` (an external web resource
//! body may not carry a purpose itself); an excerpt found in the source's
//! archived copy adds a `SpecificResource` whose source is that copy, named
//! by its hash (`ni:///sha-256;…`, RFC 6920), selected by a
//! `TextQuoteSelector`. `created` and `modified` are the
//! claim's; `creator` is the workspace publisher.
//!
//! Claims whose anchor does not match their article's text, or whose article
//! is missing, are left out: a wrong offset is worse than no annotation.

use super::ExportError;
use super::escape::{is_web_url, safe_link};
use super::plan::{Plan, PlannedArticle, PlannedClaim, VerdictState};
use serde::Serialize;
use std::io;
use uuid::Uuid;

const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Debug, Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    created: String,
    modified: String,
    first: Page,
}

#[derive(Debug, Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Debug, Serialize)]
struct Annotation {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    created: String,
    modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    body: Vec<Body>,
    target: Target,
}

#[derive(Debug, Clone, Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    homepage: Option<String>,
}

// The variants are named by the model's body types (`TextualBody`).
#[allow(clippy::enum_variant_names)]
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
enum Body {
    TextualBody {
        purpose: &'static str,
        value: String,
        format: &'static str,
    },
    SpecificResource {
        purpose: &'static str,
        source: String,
    },
    /// An excerpt's place in the archived copy it was found in.
    #[serde(rename = "SpecificResource")]
    Archived {
        purpose: &'static str,
        source: String,
        selector: Selector,
    },
}

#[derive(Debug, Serialize)]
struct Target {
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    selector: Vec<Selector>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "type")]
enum Selector {
    #[serde(rename = "TextQuoteSelector")]
    Quote {
        exact: String,
        prefix: String,
        suffix: String,
    },
    #[serde(rename = "TextPositionSelector")]
    Position { start: usize, end: usize },
    #[serde(rename = "FragmentSelector")]
    Fragment {
        #[serde(rename = "conformsTo")]
        conforms_to: &'static str,
        value: String,
        #[serde(rename = "refinedBy")]
        refined_by: Box<Selector>,
    },
}

/// The specification a time `FragmentSelector` conforms to.
const MEDIA_FRAGMENTS: &str = "http://www.w3.org/TR/media-frags/";

/// The specification a page `FragmentSelector` conforms to (PDF fragment
/// identifiers), as the Web Annotation model names it.
const PDF_FRAGMENTS: &str = "http://tools.ietf.org/rfc/rfc3778";

/// Writes the plan as an `AnnotationCollection`, pretty-printed.
pub(super) fn write(plan: &Plan<'_>, out: &mut dyn io::Write) -> Result<(), ExportError> {
    serde_json::to_writer_pretty(&mut *out, &collection(plan))?;
    out.write_all(b"\n")?;
    Ok(())
}

fn collection(plan: &Plan<'_>) -> Collection {
    let ws = plan.workspace;
    let creator = publisher(plan);
    let items: Vec<Annotation> = plan
        .articles
        .iter()
        .flat_map(|article| {
            plan.claims_of(article)
                .filter_map(|claim| annotation(plan, article, claim, &creator))
                .collect::<Vec<_>>()
        })
        .collect();
    let id = collection_id(plan);
    Collection {
        context: CONTEXT,
        label: ws.title.clone(),
        total: items.len(),
        creator,
        created: ws.created.to_string(),
        modified: ws.modified.to_string(),
        first: Page {
            id: format!("{id}-page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
        id,
        kind: "AnnotationCollection",
    }
}

fn annotation(
    plan: &Plan<'_>,
    article: &PlannedArticle<'_>,
    planned: &PlannedClaim<'_>,
    creator: &Option<Agent>,
) -> Option<Annotation> {
    let (start, end) = planned.span?;
    let anchor = article.index.capture(start, end).ok()?;
    let claim = planned.claim;
    Some(Annotation {
        context: CONTEXT,
        id: format!("urn:uuid:{}", claim.id),
        kind: "Annotation",
        motivation: "assessing",
        created: claim.created.to_string(),
        modified: claim.updated.to_string(),
        creator: creator.clone(),
        body: bodies(plan, planned),
        target: Target {
            kind: "SpecificResource",
            source: article_iri(article),
            selector: selectors(planned, anchor, start, end),
        },
    })
}

/// The quote and position selectors, and for a claim of a transcript the
/// time fragment (of a paged document the page fragment) refined by the
/// quote.
fn selectors(
    planned: &PlannedClaim<'_>,
    anchor: crate::model::Anchor,
    start: usize,
    end: usize,
) -> Vec<Selector> {
    let quote = || Selector::Quote {
        exact: anchor.exact.clone(),
        prefix: anchor.prefix.clone(),
        suffix: anchor.suffix.clone(),
    };
    let mut selectors = vec![quote(), Selector::Position { start, end }];
    if let Some(moment) = super::moment::moment_of(planned) {
        selectors.push(Selector::Fragment {
            conforms_to: MEDIA_FRAGMENTS,
            value: super::moment::media_fragment(&moment),
            refined_by: Box::new(quote()),
        });
    }
    if let Some(location) = super::pages::location_of(planned) {
        selectors.push(Selector::Fragment {
            conforms_to: PDF_FRAGMENTS,
            value: super::pages::pdf_fragment(&location),
            refined_by: Box::new(quote()),
        });
    }
    selectors
}

fn bodies(plan: &Plan<'_>, planned: &PlannedClaim<'_>) -> Vec<Body> {
    let claim = planned.claim;
    let mut bodies = Vec::new();
    if let VerdictState::Rated(verdict) = planned.verdict {
        bodies.push(text_body("assessing", &verdict.label));
    }
    if !claim.rationale.trim().is_empty() {
        bodies.push(text_body("commenting", &claim.rationale));
    }
    for tag in claim.tags.iter().filter(|t| !t.trim().is_empty()) {
        bodies.push(text_body("tagging", tag));
    }
    for evidence in &claim.evidence {
        let link = plan
            .source(evidence.source)
            .and_then(|s| safe_link(&s.url).or_else(|| safe_link(&s.archive_url)));
        if let Some(url) = link {
            bodies.push(Body::SpecificResource {
                purpose: "linking",
                source: url.to_owned(),
            });
        }
        if let Some(found) = plan
            .source(evidence.source)
            .and_then(|source| super::archived::anchored_excerpt(source, evidence))
        {
            bodies.push(Body::Archived {
                purpose: "linking",
                source: found.iri,
                selector: Selector::Quote {
                    exact: found.exact,
                    prefix: found.prefix,
                    suffix: found.suffix,
                },
            });
        }
    }
    bodies
}

fn text_body(purpose: &'static str, value: &str) -> Body {
    Body::TextualBody {
        purpose,
        value: value.to_owned(),
        format: "text/plain",
    }
}

/// The article's `http(s)` URL, or `urn:uuid:` and its id when it has none.
fn article_iri(article: &PlannedArticle<'_>) -> String {
    match safe_link(&article.article.url).filter(|u| is_web_url(u)) {
        Some(url) => url.to_owned(),
        None => format!("urn:uuid:{}", article.article.id),
    }
}

fn publisher(plan: &Plan<'_>) -> Option<Agent> {
    let publisher = &plan.workspace.publisher;
    let homepage = safe_link(&publisher.url)
        .filter(|u| is_web_url(u))
        .map(str::to_owned);
    let name = publisher.name.trim();
    (!name.is_empty() || homepage.is_some()).then(|| Agent {
        kind: "Organization",
        name: (!name.is_empty()).then(|| name.to_owned()),
        homepage,
    })
}

/// The collection's IRI: the report URL with an `#annotations` fragment, or
/// else a name-based `urn:uuid:` derived from the workspace's title,
/// creation time and the exported articles, so that it is stable across
/// exports and different between workspaces.
fn collection_id(plan: &Plan<'_>) -> String {
    let suffix = match plan.articles.as_slice() {
        [one] if plan.articles.len() < plan.workspace.articles.len() => {
            format!("annotations-{}", one.article.id)
        }
        _ => "annotations".to_owned(),
    };
    if let Some(link) = plan.report_link(&suffix) {
        return link;
    }
    let mut name = format!("{}\n{}", plan.workspace.title, plan.workspace.created);
    for article in &plan.articles {
        name.push('\n');
        name.push_str(&article.article.id.to_string());
    }
    format!("urn:uuid:{}", stable_uuid(&name))
}

/// A UUID (version 8, custom) made from two FNV-1a hashes of `name`: the same
/// name always gives the same UUID.
fn stable_uuid(name: &str) -> Uuid {
    let hash = |seed: u64| {
        name.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    let high = hash(0xcbf2_9ce4_8422_2325);
    let low = hash(0x6c62_272e_07bb_0142);
    let mut bytes = [0; 16];
    bytes[..8].copy_from_slice(&high.to_be_bytes());
    bytes[8..].copy_from_slice(&low.to_be_bytes());
    uuid::Builder::from_custom_bytes(bytes).into_uuid()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_uuids_are_stable_and_distinct() {
        assert_eq!(stable_uuid("a"), stable_uuid("a"));
        assert_ne!(stable_uuid("a"), stable_uuid("b"));
        assert_eq!(stable_uuid("a").get_version_num(), 8);
    }
}
