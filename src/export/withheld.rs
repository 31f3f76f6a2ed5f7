//! Protected sources in public exports (issue 23, item 7): a source marked
//! *protected* is kept whole in the workspace and the internal copy, but a
//! public export shows it only as withheld for the source's safety — no
//! title, address, publisher, dates, archived copy, snapshot, excerpt or
//! note. The exporters never see what is withheld: [`public_view`] gives
//! them a copy of the workspace with it taken out, so no format can leak
//! it by forgetting to ask.

use crate::model::{SourceKind, Workspace};
use std::borrow::Cow;

/// What a public export says in place of a protected source's title.
pub const WITHHELD: &str = "Withheld for the source's safety";

/// The workspace a public export is written from: `workspace` itself when
/// no source is protected, else a copy with every protected source reduced
/// to [`WITHHELD`] and the excerpts, notes and anchors of the evidence
/// citing it emptied.
pub fn public_view(workspace: &Workspace) -> Cow<'_, Workspace> {
    if !workspace.sources.iter().any(|s| s.protected) {
        return Cow::Borrowed(workspace);
    }
    let mut ws = workspace.clone();
    let protected: Vec<_> = ws
        .sources
        .iter()
        .filter(|s| s.protected)
        .map(|s| s.id)
        .collect();
    for source in ws.sources.iter_mut().filter(|s| s.protected) {
        source.title = WITHHELD.to_owned();
        source.url.clear();
        source.publisher.clear();
        source.kind = SourceKind::Other;
        source.published = None;
        source.accessed = None;
        source.archive_url.clear();
        source.notes.clear();
        source.snapshots.clear();
    }
    for evidence in ws
        .claims
        .iter_mut()
        .flat_map(|c| c.evidence.iter_mut())
        .filter(|e| protected.contains(&e.source))
    {
        evidence.excerpt.clear();
        evidence.note.clear();
        evidence.anchor = None;
    }
    ws.custody
        .retain(|entry| !protected.contains(&entry.source));
    Cow::Owned(ws)
}
