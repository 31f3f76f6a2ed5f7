//! The report's source list (each source with the claims citing it), the
//! claims whose article is missing, and the dated corrections log.

use super::Report;
use super::text::{bdi, date, link, paragraphs, plural};
use crate::model::Source;
use maud::{Markup, html};

impl Report<'_, '_> {
    pub(super) fn orphans(&self) -> Markup {
        let plan = self.plan;
        html! {
            @if !plan.orphans.is_empty() {
                section #unplaced { "\n"
                    h2 { "Claims without an article" } "\n"
                    p.warn { "These claims belong to an article that is not in the workspace." } "\n"
                    div.cards { "\n"
                        @for &i in &plan.orphans { (self.card(&plan.claims[i])) }
                    } "\n"
                } "\n"
            }
        }
    }

    pub(super) fn has_corrections(&self) -> bool {
        self.plan
            .claims
            .iter()
            .any(|c| !c.claim.corrections.is_empty())
    }

    /// Every correction of the exported claims, oldest first, each linking
    /// to its claim.
    pub(super) fn corrections_log(&self) -> Markup {
        let mut entries: Vec<(usize, usize)> = self
            .plan
            .claims
            .iter()
            .enumerate()
            .flat_map(|(i, c)| (0..c.claim.corrections.len()).map(move |k| (i, k)))
            .collect();
        entries.sort_by_key(|&(i, k)| (self.plan.claims[i].claim.corrections[k].date, i, k));
        html! {
            @if !entries.is_empty() {
                section #corrections { "\n"
                    h2 { "Corrections" } "\n"
                    ol.corrections-log { "\n"
                        @for (i, k) in entries {
                            @let planned = &self.plan.claims[i];
                            li {
                                a href=(format!("#{}", planned.fragment)) { "Claim " (planned.number) } ", "
                                (self.correction_entry(&planned.claim.corrections[k]))
                            } "\n"
                        }
                    } "\n"
                } "\n"
            }
        }
    }

    pub(super) fn sources(&self) -> Markup {
        let plan = self.plan;
        html! {
            @if !plan.sources.is_empty() {
                section #sources { "\n"
                    h2 { "Sources" } "\n"
                    ol.sources { "\n"
                        @for (k, source) in plan.sources.iter().enumerate() {
                            li id=(format!("source-{}", k + 1)) {
                                (self.source_entry(source))
                                (self.cited_by(k))
                            } "\n"
                        }
                    } "\n"
                } "\n"
            }
        }
    }

    fn source_entry(&self, source: &Source) -> Markup {
        html! {
            (link(&source.url, &source.title))
            " " span.kind { (source.kind.label()) }
            @if !source.publisher.trim().is_empty() { " — " (bdi(&source.publisher)) }
            "."
            @if let Some(published) = source.published { " Published " (date(published)) "." }
            @if let Some(accessed) = source.accessed { " Accessed " (date(accessed)) "." }
            @if source.snapshots.is_empty() && !source.archive_url.trim().is_empty() { " " (link(&source.archive_url, "Archived copy")) "." }
            (self.archived_line(source))
            @if self.internal() && !source.notes.trim().is_empty() {
                div.note.internal { (paragraphs(&source.notes)) }
            }
        }
    }

    /// Links to the claims citing the `k`-th source of the list.
    fn cited_by(&self, k: usize) -> Markup {
        let plan = self.plan;
        let citing = &plan.citations[k];
        html! {
            @if !citing.is_empty() {
                p.cited {
                    "Cited for " (plural(citing.len(), "claim", "claims")) " "
                    @for (n, &i) in citing.iter().enumerate() {
                        @if n > 0 { ", " }
                        a href=(format!("#{}", plan.claims[i].fragment)) { (plan.claims[i].number) }
                    }
                }
            }
        }
    }
}
