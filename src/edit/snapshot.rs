//! Snapshots and custody as edits: [`Command::AddSnapshot`] adds a
//! snapshot to a source (nothing when the source holds those bytes
//! already), replacing the latest of the same page (which is kept), with
//! the custody log saying so and every excerpt citing the source
//! anchored again in the new text; [`Command::RecordCustody`] appends to
//! the custody log (what `verify` found). The bytes are stored by the
//! caller (`store::snapshots`) before the workspace is saved.

use super::change::{ClaimEdit, Edit};
use super::command::{Command, CommandError, Outcome};
use crate::evidence::excerpt;
use crate::model::{CustodyEntry, CustodyEvent, Snapshot, SourceId, Workspace};
use crate::reanchor::Reanchorer;
use jiff::Timestamp;

/// What adding `snapshot` to `source` does, by `by` at `at`.
pub(super) fn plan_add_snapshot(
    ws: &Workspace,
    source: SourceId,
    mut snapshot: Snapshot,
    at: Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    let index = ws
        .sources
        .iter()
        .position(|s| s.id == source)
        .ok_or(CommandError::NoSuchSource)?;
    let old = &ws.sources[index];
    if old.snapshot(&snapshot.sha256).is_some() {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let replaced = old.snapshots.iter().rev().find(|s| s.same_page(&snapshot));
    snapshot.replaces = replaced.map(|s| s.sha256.clone());
    let mut custody = vec![CustodyEntry::new(
        at,
        &snapshot.by,
        source,
        &snapshot.sha256,
        CustodyEvent::Added,
    )];
    if let Some(old_sha) = &snapshot.replaces {
        custody.push(CustodyEntry::new(
            at,
            &snapshot.by,
            source,
            &snapshot.sha256,
            CustodyEvent::Replaced {
                old: old_sha.clone(),
            },
        ));
    }
    let mut edits = excerpt_edits(ws, source, &snapshot, at);
    let mut changed = old.clone();
    changed.snapshots.push(snapshot);
    edits.insert(
        0,
        Edit::ReplaceSource {
            index,
            source: Box::new(changed),
        },
    );
    edits.push(Edit::PushCustody(custody));
    Ok((Edit::Group(edits), Outcome::Source(source)))
}

/// Every excerpt citing `source` anchored again in `new`, when it holds
/// text (the latest text snapshot is where excerpts are anchored).
fn excerpt_edits(ws: &Workspace, source: SourceId, new: &Snapshot, at: Timestamp) -> Vec<Edit> {
    let Some(new_text) = new.text.as_deref() else {
        return Vec::new();
    };
    let old = ws.source(source).and_then(|s| s.latest_text_snapshot());
    let old_text = old.and_then(|s| s.text.as_deref());
    let reanchorer = old_text.map(|old_text| Reanchorer::new(old_text, new_text));
    let mut edits = Vec::new();
    for (claim_index, claim) in ws.claims.iter().enumerate() {
        for (index, evidence) in claim.evidence.iter().enumerate() {
            if evidence.source != source || evidence.excerpt.trim().is_empty() {
                continue;
            }
            let in_old = evidence
                .anchor
                .as_ref()
                .filter(|a| old.is_some_and(|o| o.sha256 == a.snapshot));
            let followed = match in_old {
                Some(_) => excerpt::follow(reanchorer.as_ref(), evidence, new),
                None => excerpt::follow(None, evidence, new),
            };
            edits.push(Edit::ChangeClaim {
                index: claim_index,
                edit: ClaimEdit::SetEvidenceAnchor {
                    index,
                    anchor: Some(Box::new(followed)),
                },
                updated: at,
            });
        }
    }
    edits
}

/// Appends `entries` to the custody log.
pub(super) fn plan_record_custody(entries: Vec<CustodyEntry>) -> (Edit, Outcome) {
    match entries.is_empty() {
        true => (Edit::NOTHING, Outcome::Unchanged),
        false => (Edit::PushCustody(entries), Outcome::Done),
    }
}

/// Applies [`Edit::PushCustody`]: returns its inverse.
pub(super) fn push_custody(ws: &mut Workspace, entries: Vec<CustodyEntry>) -> Edit {
    let count = entries.len();
    ws.custody.extend(entries);
    Edit::PopCustody(count)
}

/// Applies [`Edit::PopCustody`]: the last `count` entries taken off.
pub(super) fn pop_custody(ws: &mut Workspace, count: usize) -> Edit {
    let keep = ws.custody.len().saturating_sub(count);
    Edit::PushCustody(ws.custody.split_off(keep))
}

impl Command {
    /// Adds a snapshot to a source.
    pub fn add_snapshot(source: SourceId, snapshot: Snapshot) -> Self {
        Command::AddSnapshot {
            source,
            snapshot: Box::new(snapshot),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Document;
    use crate::model::{CaptureMethod, CapturedFrom, Evidence, Source, SourceKind, Stance};

    fn snapshot(text: &str, sha: char) -> Snapshot {
        Snapshot {
            sha256: sha.to_string().repeat(64),
            size: text.len() as u64,
            media_type: "text/plain".into(),
            file_name: "a.txt".into(),
            url: "https://example.org/a".into(),
            captured: Timestamp::UNIX_EPOCH,
            captured_from: CapturedFrom::Given,
            captured_in_file: None,
            url_in_file: String::new(),
            method: CaptureMethod::PlainText,
            by: "Ana".into(),
            added: Timestamp::UNIX_EPOCH,
            text: Some(text.into()),
            note: String::new(),
            image: None,
            replaces: None,
            pages: Vec::new(),
        }
    }

    #[test]
    fn adding_replacing_and_undoing_a_snapshot_keeps_log_and_anchors_in_step() {
        let mut ws = crate::sample::sample_workspace();
        let source = Source::new("Report", "https://example.org/a", SourceKind::Dataset);
        let id = source.id;
        ws.sources.push(source);
        ws.claims[0]
            .evidence
            .push(Evidence::new(id, Stance::Refutes, "exports fell 3 %"));
        let mut doc = Document::new(ws.clone(), None);
        let first = snapshot("In May exports fell 3 % year on year.", 'a');
        doc.execute(Command::add_snapshot(id, first.clone()), 0.0)
            .unwrap();
        let second = snapshot("Revised: in May exports fell 3 % year on year.", 'b');
        doc.execute(Command::add_snapshot(id, second), 10_000.0)
            .unwrap();
        let now = doc.workspace();
        let evidence = now.claims[0].evidence.last().unwrap();
        let anchored = evidence.anchor.as_deref().unwrap();
        assert_eq!(anchored.snapshot, "b".repeat(64));
        assert_eq!(
            anchored.anchor.as_ref().unwrap().start,
            "Revised: in May ".len()
        );
        assert_eq!(now.custody.len(), 3, "added, added, replaced");
        let added_again = doc.execute(Command::add_snapshot(id, first), 20_000.0);
        assert_eq!(added_again, Ok(Outcome::Unchanged));
        let replaced = &doc.workspace().source(id).unwrap().snapshots[1];
        assert_eq!(replaced.replaces.as_deref(), Some(&*"a".repeat(64)));
        doc.undo();
        doc.undo();
        assert_eq!(doc.workspace().custody, ws.custody);
        assert_eq!(doc.workspace().claims, ws.claims);
        assert_eq!(doc.workspace().sources, ws.sources);
    }
}
