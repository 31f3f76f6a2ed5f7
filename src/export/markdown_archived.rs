//! The Markdown report's archived copies: each source's latest snapshot
//! (*Archived copy, captured DATE, SHA-256 `abcd…`*, the full hash in a
//! footnote, linked to the published copy with `--with-snapshots`, else to
//! the archive URL), where an excerpt was found in it, and in the internal
//! copy the custody log.

use super::archived::{archived_copy, excerpt_place};
use super::escape::{markdown_inline, markdown_link};
use super::plan::Plan;
use crate::model::{Evidence, Source};
use std::fmt::Write as _;

/// `, Archived copy, captured DATE, SHA-256 `abcd…`[^sha256-K]` for the
/// `k`-th source (from 1) when it has a snapshot.
pub(super) fn archived(plan: &Plan<'_>, source: &Source, k: usize, md: &mut String) {
    let Some(copy) = archived_copy(plan, source) else {
        return;
    };
    let label = match &copy.href {
        Some(href) => format!("[Archived copy](<{href}>)"),
        None => markdown_link("Archived copy", &source.archive_url),
    };
    let _ = write!(
        md,
        ". {label}, captured {}, SHA-256 `{}`[^sha256-{k}]",
        copy.captured,
        copy.short_hash()
    );
    if let Some(note) = copy.location_note() {
        let _ = write!(md, " ({note})");
    }
}

/// The footnotes giving each archived copy's full hash.
pub(super) fn footnotes(plan: &Plan<'_>, md: &mut String) {
    let mut any = false;
    for (k, source) in plan.sources.iter().enumerate() {
        if let Some(copy) = archived_copy(plan, source) {
            if !any {
                md.push('\n');
                any = true;
            }
            let _ = writeln!(
                md,
                "[^sha256-{}]: SHA-256 of the archived copy of \\[S{}\\]: `{}`",
                k + 1,
                k + 1,
                copy.snapshot.sha256
            );
        }
    }
}

/// ` (found in the archived copy captured DATE …)` after an excerpt
/// anchored in a snapshot.
pub(super) fn excerpt_place_of(plan: &Plan<'_>, item: &Evidence, md: &mut String) {
    let place = plan
        .source(item.source)
        .and_then(|source| excerpt_place(source, item));
    if let Some(place) = place {
        let _ = write!(md, " ({})", markdown_inline(&place.label()));
    }
}

/// The internal copy's custody log: per cited source with snapshots,
/// every entry (time, who, what), oldest first.
pub(super) fn custody_log(plan: &Plan<'_>, md: &mut String) {
    if plan.audience.is_public() {
        return;
    }
    let custody = &plan.workspace.custody;
    let mut heading = false;
    for (k, source) in plan.sources.iter().enumerate() {
        let mut entries = custody.iter().filter(|e| e.source == source.id).peekable();
        if entries.peek().is_none() {
            continue;
        }
        if !heading {
            md.push_str("\n## Custody of the evidence\n");
            heading = true;
        }
        let _ = writeln!(
            md,
            "\n### \\[S{}\\] {}\n",
            k + 1,
            markdown_inline(&source.title)
        );
        for entry in entries {
            let _ = writeln!(md, "- {}", markdown_inline(&entry.describe()));
        }
    }
}
