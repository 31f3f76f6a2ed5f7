//! A source's snapshots from the window: *Add snapshot…* asks for a file
//! (in the workspace's folder) and makes it a snapshot on a worker, as
//! `factbench snapshot` does; *Verify* runs `verify` on a worker and
//! records its findings in the custody log, as `factbench verify` does;
//! *Open* opens the stored copy. The results come back on a later frame
//! and become commands like any other change (applied in `intents.rs`).

use super::intents::Intent;
use super::*;
use crate::edit::Command;
use crate::evidence::verify::custody_of;
use crate::evidence::{Finding, Found};
use crate::model::ByteCheck;
use crate::ui::panels::snapshots::SnapshotIntent;
use crate::ui::services::evidence_worker::{CaptureJob, EvidenceDone};

impl FactbenchApp {
    pub(super) fn on_snapshot_intent(&mut self, ctx: &egui::Context, intent: SnapshotIntent) {
        match intent {
            SnapshotIntent::Add(source) => {
                if self.snapshot_preconditions().is_some() {
                    let request = PathRequest::add_snapshot(self.dialog_folder(), source);
                    self.files.picker.request(request, ctx);
                }
            }
            SnapshotIntent::Verify(source) => self.verify_source(ctx, source),
            SnapshotIntent::Open(sha256) => {
                let path = self
                    .doc
                    .path()
                    .and_then(|p| crate::store::snapshots::snapshot_path(p, &sha256));
                match path {
                    Some(path) if path.exists() => self.open_in_other_program(ctx, &path),
                    Some(path) => self.error(
                        "The snapshot's file is missing",
                        format!("{} is not there: the snapshot was deleted or moved. Verify the source to record it.", path.display()),
                    ),
                    None => {}
                }
            }
            SnapshotIntent::Command(command) => self.intents.push_back(Intent::Command(command)),
        }
    }

    /// The workspace's file and who is adding or verifying; each missing
    /// one is said in an error (and `None`).
    fn snapshot_preconditions(&mut self) -> Option<(PathBuf, String)> {
        let Some(path) = self.doc.path().map(Path::to_owned) else {
            self.error(
                "Save the workspace first",
                "Snapshots are kept in a folder beside the workspace file: save the workspace (File › Save As…), then add the snapshot.".to_owned(),
            );
            return None;
        };
        let by = self.remembered.settings.your_name.trim().to_owned();
        if by.is_empty() {
            self.windows.open(windows::Window::Preferences);
            self.error(
                "Who adds this?",
                "A snapshot's custody records who added and verified it: write your name in Preferences (now open), then try again.".to_owned(),
            );
            return None;
        }
        Some((path, by))
    }

    /// Makes the file at `file` a snapshot of `source`, on a worker.
    pub(super) fn add_snapshot_from(
        &mut self,
        ctx: &egui::Context,
        source: SourceId,
        file: PathBuf,
    ) {
        let Some((workspace, by)) = self.snapshot_preconditions() else {
            return;
        };
        let source_url = self
            .workspace()
            .source(source)
            .map_or_else(String::new, |s| s.url.clone());
        let job = CaptureJob {
            workspace,
            file,
            source,
            source_url,
            by,
            now: crate::model::now(),
        };
        let repaint = ctx.clone();
        self.evidence
            .capture(job, move || repaint.request_repaint());
    }

    fn verify_source(&mut self, ctx: &egui::Context, source: SourceId) {
        let Some((workspace, _)) = self.snapshot_preconditions() else {
            return;
        };
        let ws = self.workspace().clone();
        let repaint = ctx.clone();
        self.evidence
            .verify(ws, workspace, source, move || repaint.request_repaint());
    }

    /// The workers' results: a snapshot added (or refused), findings
    /// recorded in the custody log and said beside the snapshots.
    pub(super) fn take_evidence_results(&mut self) {
        for done in self.evidence.finished() {
            match done {
                EvidenceDone::Captured {
                    result: Err(why), ..
                } => self.error("Could not keep that file as a snapshot", why),
                EvidenceDone::Captured {
                    source,
                    result: Ok(snapshot),
                } => {
                    if snapshot.text.is_some() {
                        self.panels.sources.snapshots.read(source, &snapshot.sha256);
                    }
                    let command = Command::add_snapshot(source, *snapshot);
                    self.intents.push_back(Intent::Command(command));
                }
                EvidenceDone::Verified { source, findings } => {
                    self.record_findings(source, &findings)
                }
            }
        }
    }

    fn record_findings(&mut self, source: SourceId, findings: &[Finding]) {
        let by = self.remembered.settings.your_name.trim().to_owned();
        self.panels
            .sources
            .snapshots
            .set_verified(source, summary(findings));
        if !findings.is_empty() {
            let custody = custody_of(findings, &by, crate::model::now());
            self.intents
                .push_back(Intent::Command(Command::RecordCustody(custody)));
        }
    }

    /// Whether a snapshot is being added or verified (tests wait for it).
    pub fn evidence_busy(&self) -> bool {
        self.evidence.is_busy()
    }
}

/// What a verification found, in a sentence.
fn summary(findings: &[Finding]) -> String {
    let count =
        |wanted: &dyn Fn(&Found) -> bool| findings.iter().filter(|f| wanted(&f.what)).count();
    let ok = count(&|f| matches!(f, Found::Bytes(ByteCheck::Ok)));
    let changed = count(&|f| matches!(f, Found::Bytes(ByteCheck::Changed(_))));
    let missing = count(&|f| matches!(f, Found::Bytes(ByteCheck::Missing)));
    let excerpts = count(&|f| matches!(f, Found::Excerpt { .. }));
    let lost = findings
        .iter()
        .filter(|f| f.is_problem() && matches!(f.what, Found::Excerpt { .. }))
        .count();
    format!(
        "Verified now: {ok} ok, {changed} changed, {missing} missing; {} of {excerpts} excerpt(s) found",
        excerpts - lost
    )
}
