//! The report's archived copies: a source's latest snapshot (*Archived
//! copy, captured DATE, SHA-256 abcd…*, the full hash in its title, linked
//! to the published copy with `--with-snapshots`), where an evidence
//! excerpt was found in it, and in the internal copy the custody log of
//! each source's snapshots.

use super::Report;
use super::text::{Text, bdi};
use crate::export::archived::{archived_copy, excerpt_place};
use crate::export::escape::safe_link;
use crate::model::{Evidence, Source};
use maud::{Markup, html};

impl Report<'_, '_> {
    /// *Archived copy, captured DATE, SHA-256 abcd…* for a source with a
    /// snapshot; nothing for one without.
    pub(super) fn archived_line(&self, source: &Source) -> Markup {
        let Some(copy) = archived_copy(self.plan, source) else {
            return html! {};
        };
        html! {
            " " span.archived {
                @match (&copy.href, safe_link(&source.archive_url)) {
                    (Some(href), _) => a href=(href) type=(copy.snapshot.media_type) { "Archived copy" },
                    (None, Some(href)) => a href=(href) rel="noopener noreferrer" { "Archived copy" },
                    (None, None) => "Archived copy",
                }
                ", captured " time datetime=(copy.captured) { (copy.captured) }
                ", SHA-256 " code.sha256 title=(copy.snapshot.sha256) { (copy.short_hash()) }
                @if let Some(note) = copy.location_note() {
                    " (" span.location-removed { (note) } ")"
                }
                "."
            }
        }
    }

    /// Where the excerpt of `evidence` was found in a snapshot, if it was.
    pub(super) fn excerpt_place(&self, evidence: &Evidence) -> Markup {
        let place = self
            .plan
            .source(evidence.source)
            .and_then(|source| excerpt_place(source, evidence));
        html! {
            @if let Some(place) = place {
                "\n" div.excerpt-place { (place.label()) "." }
            }
        }
    }

    /// The internal copy's custody log: per cited source with snapshots,
    /// every entry (time, who, what), oldest first.
    pub(super) fn custody_log(&self) -> Markup {
        let plan = self.plan;
        let logged: Vec<&Source> = plan
            .sources
            .iter()
            .copied()
            .filter(|s| plan.workspace.custody.iter().any(|e| e.source == s.id))
            .collect();
        html! {
            @if self.internal() && !logged.is_empty() {
                section #custody.internal { "\n"
                    h2 { "Custody of the evidence" } "\n"
                    @for source in logged {
                        h3 { (bdi(&source.title)) } "\n"
                        ol.custody { "\n"
                            @for entry in plan.workspace.custody.iter().filter(|e| e.source == source.id) {
                                li { (Text(&entry.describe())) } "\n"
                            }
                        } "\n"
                    }
                } "\n"
            }
        }
    }
}
