//! From what a Check export holds to workspaces: one per Check workspace,
//! each built through [`Command::AddImportedChecks`] on a new document.
//! An item becomes an article (its claim text, its Check page) with one
//! claim over the whole text; its fact-check (the one whose title is the
//! item's claim, in the same workspace) gives the rationale and, with its
//! URL, a source the claim cites; a published report becomes a published
//! verdict dated when Check published it. A fact-check no item matches is
//! a claim of its own; an explainer is a source. Status → verdict comes
//! from a [`StatusMap`] the user confirmed; with a status unmapped nothing
//! is built.

use super::mapping::{StatusMap, Unmapped};
use super::{Explainer, FactCheck, Item, Read};
use crate::anchor::CharIndex;
use crate::edit::{Command, Document, ImportedChecks};
use crate::model::{
    Article, Claim, Evidence, PublicationAction, PublicationEvent, Source, SourceKind, Stance,
    Status, VerdictScale, Workspace,
};
use jiff::Timestamp;

/// Who published, when the export does not say.
const PUBLISHED_BY: &str = "Meedan Check";

/// What went into one workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub items: usize,
    pub fact_checks: usize,
    pub explainers: usize,
    pub claims: usize,
    pub rated: usize,
    pub published: usize,
    pub sources: usize,
    pub tags: usize,
    /// Records with no text to make a claim of (named in the warnings).
    pub skipped: usize,
}

/// One workspace to write: the Check workspace's name, the file name
/// (`SLUG.ron`) and the workspace.
pub struct PlannedWorkspace {
    pub check_workspace: String,
    pub file_name: String,
    pub workspace: Workspace,
    pub counts: Counts,
    pub warnings: Vec<String>,
}

/// The workspaces for `read`, or the statuses `map` leaves out. `export`
/// names the ZIP (workspace descriptions, records without a workspace).
pub fn plan_workspaces(
    read: &Read,
    map: &StatusMap,
    scale: &VerdictScale,
    export: &str,
) -> Result<Result<Vec<PlannedWorkspace>, String>, Vec<Unmapped>> {
    let unmapped = map.unmapped(read, scale);
    if !unmapped.is_empty() {
        return Err(unmapped);
    }
    let names = workspace_names(read, export);
    Ok(names
        .iter()
        .map(|name| plan_one(read, map, scale, (name, export)))
        .collect())
}

/// The Check workspaces of the export, in the order first seen; records
/// that name none belong to the only one, or to one named after the ZIP.
fn workspace_names(read: &Read, export: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let named = read
        .items
        .iter()
        .map(|i| &i.workspace)
        .chain(read.fact_checks.iter().map(|f| &f.workspace))
        .chain(read.explainers.iter().map(|e| &e.workspace));
    let mut unnamed = false;
    for name in named {
        match name {
            Some(n) if !names.contains(n) => names.push(n.clone()),
            Some(_) => {}
            None => unnamed = true,
        }
    }
    if unnamed && names.len() != 1 {
        names.push(fallback_name(export));
    }
    names
}

fn fallback_name(export: &str) -> String {
    std::path::Path::new(export).file_stem().map_or_else(
        || "check-export".into(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// Whether a record's workspace is `name` (a record naming none belongs
/// to the workspace that takes the unnamed ones).
fn belongs(own: &Option<String>, name: &str, takes_unnamed: bool) -> bool {
    match own {
        Some(n) => n == name,
        None => takes_unnamed,
    }
}

fn plan_one(
    read: &Read,
    map: &StatusMap,
    scale: &VerdictScale,
    (name, export): (&str, &str),
) -> Result<PlannedWorkspace, String> {
    let names = workspace_names(read, export);
    let takes_unnamed = names.len() == 1 || name == fallback_name(export);
    let items: Vec<&Item> = read
        .items
        .iter()
        .filter(|i| belongs(&i.workspace, name, takes_unnamed))
        .collect();
    let facts: Vec<&FactCheck> = read
        .fact_checks
        .iter()
        .filter(|f| belongs(&f.workspace, name, takes_unnamed))
        .collect();
    let explainers: Vec<&Explainer> = read
        .explainers
        .iter()
        .filter(|e| belongs(&e.workspace, name, takes_unnamed))
        .collect();
    let mut builder = Builder {
        map,
        scale,
        workspace: name,
        batch: ImportedChecks::default(),
        counts: Counts {
            items: items.len(),
            fact_checks: facts.len(),
            explainers: explainers.len(),
            ..Counts::default()
        },
        warnings: Vec::new(),
    };
    let mut used = vec![false; facts.len()];
    for item in &items {
        let fact = facts
            .iter()
            .enumerate()
            .find(|(i, f)| !used[*i] && same_text(&f.title, &item.claim));
        if let Some((i, _)) = fact {
            used[i] = true;
        }
        builder.add_item(item, fact.map(|(_, f)| *f))?;
    }
    for (fact, _) in facts.iter().zip(&used).filter(|(_, used)| !**used) {
        builder.add_fact_check(fact)?;
    }
    for explainer in explainers {
        builder.add_explainer(explainer);
    }
    builder.finish((name, export))
}

/// Texts equal but for case and spacing.
fn same_text(a: &str, b: &str) -> bool {
    let fold = |t: &str| {
        t.to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    !a.trim().is_empty() && fold(a) == fold(b)
}

/// The records of one workspace, made into articles, claims and sources.
struct Builder<'a> {
    map: &'a StatusMap,
    scale: &'a VerdictScale,
    workspace: &'a str,
    batch: ImportedChecks,
    counts: Counts,
    warnings: Vec<String>,
}

impl Builder<'_> {
    fn add_item(&mut self, item: &Item, fact: Option<&FactCheck>) -> Result<(), String> {
        let text = crate::import::normalise(&item.claim).trim().to_owned();
        let text = match (text.is_empty(), fact) {
            (true, Some(f)) => crate::import::normalise(&f.title).trim().to_owned(),
            _ => text,
        };
        if text.is_empty() {
            self.skip(&item.place, "the item has no claim text");
            return Ok(());
        }
        let verdict = self.map.verdict(&item.status).flatten().map(str::to_owned);
        let mut article = Article::new(crate::text::one_line(&text, 80), text.clone());
        article.outlet = PUBLISHED_BY.into();
        article.published = item.posted.map(utc_date);
        article.source = item.place.to_string();
        article.language = fact.map(|f| f.language.clone()).unwrap_or_default();
        self.set_url(&mut article.url, &item.item_url, &item.place);
        let mut claim = self.claim_on(&article, &text)?;
        claim.tags = item.tags.clone();
        claim.created = item.submitted.unwrap_or(claim.created);
        claim.status = workflow_status(&verdict, &item.status);
        claim.verdict = verdict;
        claim.internal_note = item_note(item);
        let published_at = item
            .report_published
            .or_else(|| fact.filter(|f| f.published).and(item.submitted));
        if let Some(fact) = fact {
            self.attach_fact_check(&mut claim, fact);
        }
        let by = if item.reviewed_by.is_empty() {
            PUBLISHED_BY
        } else {
            &item.reviewed_by
        };
        self.publish(&mut claim, published_at, by, &item.place);
        self.push(article, claim);
        Ok(())
    }

    fn add_fact_check(&mut self, fact: &FactCheck) -> Result<(), String> {
        let raw = if fact.title.is_empty() {
            &fact.summary
        } else {
            &fact.title
        };
        let text = crate::import::normalise(raw).trim().to_owned();
        if text.is_empty() {
            self.skip(&fact.place, "the fact-check has neither title nor summary");
            return Ok(());
        }
        let mut article = Article::new(crate::text::one_line(&text, 80), text.clone());
        article.outlet = PUBLISHED_BY.into();
        article.source = fact.place.to_string();
        article.language = fact.language.clone();
        let mut claim = self.claim_on(&article, &text)?;
        let verdict = fact
            .rating
            .as_deref()
            .and_then(|r| self.map.verdict(r).flatten())
            .map(str::to_owned);
        claim.status = workflow_status(&verdict, fact.rating.as_deref().unwrap_or(""));
        claim.verdict = verdict;
        claim.tags = fact.tags.clone();
        claim.created = fact.updated.unwrap_or(claim.created);
        self.attach_fact_check(&mut claim, fact);
        let at = fact
            .published
            .then(|| fact.updated.unwrap_or(claim.created));
        self.publish(&mut claim, at, PUBLISHED_BY, &fact.place);
        self.push(article, claim);
        Ok(())
    }

    fn add_explainer(&mut self, explainer: &Explainer) {
        let title = if explainer.title.is_empty() {
            "Explainer"
        } else {
            &explainer.title
        };
        let mut source = Source::new(title, "", SourceKind::Other);
        source.publisher = self.workspace.to_owned();
        self.set_url(&mut source.url, &explainer.url, &explainer.place);
        source.notes = labelled(&[
            ("Meedan Check explainer", &explainer.check_id),
            ("Language", &explainer.language),
            ("Description", &explainer.description),
        ]);
        self.batch.sources.push(source);
    }

    /// The fact-check's summary as the rationale, its URL as a cited
    /// source, its fields in the internal note.
    fn attach_fact_check(&mut self, claim: &mut Claim, fact: &FactCheck) {
        claim.rationale = fact.summary.clone();
        for tag in &fact.tags {
            if !claim.tags.contains(tag) {
                claim.tags.push(tag.clone());
            }
        }
        let mut extra: Vec<(&str, &str)> = vec![
            ("Fact-check", &fact.check_id),
            ("Fact-check title", &fact.title),
            ("Report status", &fact.report_status),
            (
                "Imported into Check",
                if fact.imported { "yes" } else { "" },
            ),
        ];
        extra.extend(
            fact.annotations
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str())),
        );
        append(&mut claim.internal_note, &labelled(&extra));
        if fact.url.is_empty() {
            return;
        }
        let title = if fact.title.is_empty() {
            "Fact-check"
        } else {
            &fact.title
        };
        let mut source = Source::new(title, "", SourceKind::NewsReport);
        source.publisher = self.workspace.to_owned();
        source.published = fact.updated.map(utc_date);
        self.set_url(&mut source.url, &fact.url, &fact.place);
        source.notes = "The fact-check as published from Meedan Check.".into();
        let mut evidence = Evidence::new(source.id, Stance::Context, "");
        evidence.note = "The published fact-check".into();
        claim.evidence.push(evidence);
        self.batch.sources.push(source);
    }

    /// Published when Check published it and the status is a verdict.
    fn publish(
        &mut self,
        claim: &mut Claim,
        at: Option<Timestamp>,
        by: &str,
        place: &super::Place,
    ) {
        let Some(at) = at else { return };
        if claim.verdict.is_none() {
            self.warnings.push(format!(
                "{place}: published in Check, but its status maps to no verdict; kept as a draft"
            ));
            return;
        }
        claim.publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date: at,
            by: by.to_owned(),
        });
    }

    fn claim_on(&self, article: &Article, text: &str) -> Result<Claim, String> {
        let len = text.chars().count();
        let anchor = CharIndex::new(&article.text)
            .capture(0, len)
            .map_err(|e| format!("{}: {e}", article.source))?;
        Ok(Claim::new(article.id, anchor, PUBLISHED_BY))
    }

    /// A web address kept where it belongs only when it is one (else in
    /// the notes, with a warning).
    fn set_url(&mut self, field: &mut String, url: &str, place: &super::Place) {
        let url = url.trim();
        if url.is_empty() {
            return;
        }
        if url.starts_with("http://") || url.starts_with("https://") {
            *field = url.to_owned();
        } else {
            self.warnings
                .push(format!("{place}: {url:?} is not a web address; left out"));
        }
    }

    fn push(&mut self, article: Article, mut claim: Claim) {
        // Last changed when Check published it, else when it was submitted.
        claim.updated = claim
            .first_published()
            .unwrap_or(claim.created)
            .max(claim.created);
        self.counts.claims += 1;
        self.counts.rated += usize::from(claim.verdict.is_some());
        self.counts.published += usize::from(claim.is_published());
        self.batch.articles.push(article);
        self.batch.claims.push(claim);
    }

    fn skip(&mut self, place: &super::Place, why: &str) {
        self.counts.skipped += 1;
        self.warnings.push(format!("{place}: {why}; not imported"));
    }

    fn finish(mut self, (name, export): (&str, &str)) -> Result<PlannedWorkspace, String> {
        let mut workspace = Workspace::new(name);
        workspace.scale = self.scale.clone();
        workspace.description =
            format!("Imported from the Meedan Check export {export} (workspace {name}).");
        workspace.publisher.name = name.to_owned();
        self.counts.sources = self.batch.sources.len();
        let mut doc = Document::new(workspace, None);
        doc.execute(Command::AddImportedChecks(Box::new(self.batch)), 0.0)
            .map_err(|e| format!("workspace {name}: {e}"))?;
        let workspace = doc.workspace().clone();
        self.counts.tags = workspace.tags_in_use().len();
        Ok(PlannedWorkspace {
            check_workspace: name.to_owned(),
            file_name: format!("{}.ron", file_stem(name)),
            workspace,
            counts: self.counts,
            warnings: self.warnings,
        })
    }
}

/// Rated claims are done; an unrated one is in progress when its status
/// says so, else still to check.
fn workflow_status(verdict: &Option<String>, status: &str) -> Status {
    if verdict.is_some() {
        Status::Done
    } else if status.to_lowercase().contains("progress") {
        Status::InProgress
    } else {
        Status::ToCheck
    }
}

/// The item's other fields, one `Label: value` a line.
fn item_note(item: &Item) -> String {
    let mut fields: Vec<(&str, &str)> = vec![
        ("Meedan Check item", &item.item_url),
        ("Check status", &item.status),
        ("Created by", &item.created_by),
        ("Reviewed by", &item.reviewed_by),
    ];
    fields.extend(item.details.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    fields.extend(
        item.annotations
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str())),
    );
    labelled(&fields)
}

fn labelled(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| format!("{k}: {}", v.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn append(note: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !note.is_empty() {
        note.push('\n');
    }
    note.push_str(more);
}

fn utc_date(t: Timestamp) -> jiff::civil::Date {
    t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

/// A file name for a Check workspace: letters, digits, `-` and `_` kept
/// (any script), everything else `-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "check-workspace".into()
    } else {
        stem.to_owned()
    }
}
