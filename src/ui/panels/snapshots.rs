//! A source's snapshots in the source library (`docs/evidence.md`): each
//! saved copy with its kind, file name, where and when it was captured,
//! its short SHA-256, size, who added it and how its last verification
//! went; *Add snapshot…*, *Verify*, *Open*; a snapshot's extracted text in
//! a read-only view where a passage is selected and cited for the selected
//! claim, anchored there as `factbench cite --excerpt` anchors it; and the
//! source's custody log. Everything comes back as intents.

use crate::edit::{ClaimChange, Command};
use crate::evidence::excerpt::evidence_at;
use crate::model::{
    ByteCheck, ClaimId, CustodyEvent, Snapshot, Source, SourceId, Stance, Workspace, short_hash,
};
use crate::ui::widgets::name_widget;
use egui::Ui;

/// What the snapshots section asks the window to do.
#[derive(Clone, Debug, PartialEq)]
pub enum SnapshotIntent {
    /// Pick a file and keep it as a snapshot of the source.
    Add(SourceId),
    /// Re-hash the source's snapshots and record the result.
    Verify(SourceId),
    /// Open the stored copy (its SHA-256) in the desktop's program.
    Open(String),
    /// A change to the workspace (citing an excerpt).
    Command(Command),
}

/// The section's state: which snapshot's text is shown, what is selected.
#[derive(Default)]
pub struct SnapshotsView {
    /// The source and snapshot (SHA-256) whose text is shown.
    reading: Option<(SourceId, String)>,
    /// The passage selected in it (chars), kept while buttons are pressed.
    selection: Option<(usize, usize)>,
    /// What the last verification of a source found, in words.
    verified: Vec<(SourceId, String)>,
}

/// What the section needs to know besides the source.
pub struct SnapshotsContext<'a> {
    pub ws: &'a Workspace,
    pub selected_claim: Option<ClaimId>,
    /// A snapshot is being added or verified.
    pub busy: bool,
}

impl SnapshotsView {
    /// Says what the last verification of `source` found.
    pub fn set_verified(&mut self, source: SourceId, summary: String) {
        self.verified.retain(|(s, _)| *s != source);
        self.verified.push((source, summary));
    }

    /// Shows `source`'s snapshot `sha256` in the text view (tests, and
    /// after adding one).
    pub fn read(&mut self, source: SourceId, sha256: &str) {
        self.reading = Some((source, sha256.to_owned()));
        self.selection = None;
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        cx: &SnapshotsContext<'_>,
        source: &Source,
    ) -> Vec<SnapshotIntent> {
        // Within the visible width, even when the source form above is wider.
        let visible = ui.clip_rect().right() - ui.cursor().left() - 12.0;
        ui.scope(|ui| {
            ui.set_max_width(visible.max(160.0));
            self.section(ui, cx, source)
        })
        .inner
    }

    fn section(
        &mut self,
        ui: &mut Ui,
        cx: &SnapshotsContext<'_>,
        source: &Source,
    ) -> Vec<SnapshotIntent> {
        let mut intents = Vec::new();
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("Snapshots ({})", source.snapshots.len())).strong());
            let add = ui
                .add_enabled(!cx.busy, egui::Button::new("Add snapshot…"))
                .on_hover_text("Keep a saved copy of the source: a page (HTML, MHTML), a WARC or WACZ web archive, a screenshot, a PDF or a text");
            if add.clicked() {
                intents.push(SnapshotIntent::Add(source.id));
            }
            let verify = ui
                .add_enabled(!cx.busy && !source.snapshots.is_empty(), egui::Button::new("Verify"))
                .on_hover_text("Hash every snapshot of this source again and look for its excerpts; the result goes in the custody log");
            if verify.clicked() {
                intents.push(SnapshotIntent::Verify(source.id));
            }
            if cx.busy {
                ui.spinner();
            }
        });
        if let Some((_, summary)) = self.verified.iter().find(|(s, _)| *s == source.id) {
            ui.label(summary);
        }
        if source.snapshots.is_empty() {
            ui.weak("No snapshot yet: add the page as you saved it, so what it said can be shown later.");
        }
        for snapshot in source.snapshots.iter().rev() {
            self.snapshot_row(ui, cx.ws, source, snapshot, &mut intents);
        }
        self.text_view(ui, cx, source, &mut intents);
        custody_log(ui, cx.ws, source);
        intents
    }

    fn snapshot_row(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        source: &Source,
        snapshot: &Snapshot,
        intents: &mut Vec<SnapshotIntent>,
    ) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(kind_label(snapshot));
                ui.label(&snapshot.file_name);
                ui.weak(size_label(snapshot.size));
            });
            let url = if snapshot.url.is_empty() {
                "an unknown address"
            } else {
                &snapshot.url
            };
            ui.label(format!(
                "Captured {} ({}) from {url}",
                snapshot.captured.strftime("%Y-%m-%d %H:%M UTC"),
                captured_from(snapshot)
            ));
            ui.horizontal_wrapped(|ui| {
                ui.monospace(format!("SHA-256 {}", snapshot.short_hash()))
                    .on_hover_text(&snapshot.sha256);
                ui.label(format!("added by {}", snapshot.by));
                ui.label(verification_label(ws, source.id, &snapshot.sha256));
            });
            if !snapshot.note.is_empty() {
                ui.weak(&snapshot.note);
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Open")
                    .on_hover_text("Open the stored copy in the program your desktop uses for it")
                    .clicked()
                {
                    intents.push(SnapshotIntent::Open(snapshot.sha256.clone()));
                }
                let reading = self.is_reading(source.id, &snapshot.sha256);
                let show = ui.add_enabled(
                    snapshot.text.is_some() && !reading,
                    egui::Button::new("Show text"),
                );
                if show
                    .on_disabled_hover_text("No text was taken out of this snapshot")
                    .clicked()
                {
                    self.read(source.id, &snapshot.sha256);
                }
            });
        });
    }

    fn is_reading(&self, source: SourceId, sha256: &str) -> bool {
        self.reading
            .as_ref()
            .is_some_and(|(s, h)| *s == source && h == sha256)
    }

    /// The snapshot's text, read-only, and the buttons citing its selection.
    fn text_view(
        &mut self,
        ui: &mut Ui,
        cx: &SnapshotsContext<'_>,
        source: &Source,
        intents: &mut Vec<SnapshotIntent>,
    ) {
        let Some((_, sha256)) = self.reading.clone().filter(|(s, _)| *s == source.id) else {
            return;
        };
        let Some(snapshot) = source.snapshot(&sha256) else {
            return;
        };
        let Some(mut text) = snapshot.text.as_deref() else {
            return;
        };
        ui.horizontal(|ui| {
            ui.label(
                egui::RichText::new(format!("Text of snapshot {}", snapshot.short_hash())).strong(),
            );
            if ui.small_button("Close").clicked() {
                self.reading = None;
            }
        });
        let output = egui::ScrollArea::vertical()
            .id_salt(("snapshot-text", source.id))
            .max_height(220.0)
            .show(ui, |ui| {
                egui::TextEdit::multiline(&mut text)
                    .desired_width(f32::INFINITY)
                    .show(ui)
            })
            .inner;
        name_widget(ui, &output.response, "Snapshot text");
        if let Some(range) = output.cursor_range {
            let chars = range.as_sorted_char_range();
            // A read-only view's cursor may run past the end: kept within it.
            let len = text.chars().count();
            let (start, end): (usize, usize) = (chars.start.into(), chars.end.into());
            let (start, end) = (start.min(len), end.min(len));
            self.selection = (start < end).then_some((start, end));
        }
        self.cite_buttons(ui, cx, source, snapshot, intents);
    }

    fn cite_buttons(
        &mut self,
        ui: &mut Ui,
        cx: &SnapshotsContext<'_>,
        source: &Source,
        snapshot: &Snapshot,
        intents: &mut Vec<SnapshotIntent>,
    ) {
        let claim = cx.selected_claim.filter(|c| cx.ws.claim(*c).is_some());
        let evidence_for = |stance| evidence_at(source.id, snapshot, self.selection?, stance);
        let why_not = match (claim, self.selection) {
            (None, _) => Some("Select a claim first (in the list)"),
            (_, None) => Some("Select a passage of the snapshot's text first"),
            _ if evidence_for(Stance::Context).is_none() => {
                Some("The selection splits a character: select whole letters")
            }
            _ => None,
        };
        ui.horizontal_wrapped(|ui| {
            ui.label("Cite for the selected claim:");
            for stance in Stance::ALL {
                let button = ui.add_enabled(why_not.is_none(), egui::Button::new(stance.label()));
                let button = button.on_disabled_hover_text(why_not.unwrap_or_default());
                if let (true, Some(claim), Some(evidence)) =
                    (button.clicked(), claim, evidence_for(stance))
                {
                    intents.push(SnapshotIntent::Command(Command::EditClaim {
                        claim,
                        change: ClaimChange::Cite(evidence),
                    }));
                }
            }
        });
        if let Some(why) = why_not {
            ui.weak(why);
        }
    }
}

/// The snapshot's kind, in words.
pub fn kind_label(snapshot: &Snapshot) -> &'static str {
    match snapshot
        .media_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
    {
        "text/html" => "Saved page",
        "multipart/related" | "message/rfc822" => "MHTML page",
        "application/warc" => "WARC archive",
        "application/wacz" => "WACZ archive",
        "application/pdf" => "PDF",
        "text/plain" => "Text",
        media if media.starts_with("image/") => "Image",
        _ => "File",
    }
}

fn size_label(size: u64) -> String {
    match size {
        0..1_000 => format!("{size} bytes"),
        1_000..1_000_000 => format!("{:.1} KB", size as f64 / 1e3),
        _ => format!("{:.1} MB", size as f64 / 1e6),
    }
}

fn captured_from(snapshot: &Snapshot) -> &'static str {
    match snapshot.captured_from {
        crate::model::CapturedFrom::Given => "as given",
        crate::model::CapturedFrom::File => "as the file says",
        crate::model::CapturedFrom::FileTime => "the file's time",
        crate::model::CapturedFrom::Added => "when added",
    }
}

/// How the last verification of the snapshot went, from the custody log.
pub fn verification_label(ws: &Workspace, source: SourceId, sha256: &str) -> String {
    let last = ws
        .custody
        .iter()
        .rev()
        .find_map(|entry| match &entry.event {
            CustodyEvent::Verified(check) if entry.source == source && entry.snapshot == sha256 => {
                Some((entry.at, check))
            }
            _ => None,
        });
    match last {
        None => "not verified yet".to_owned(),
        Some((at, ByteCheck::Ok)) => format!("verified: ok ({})", at.strftime("%Y-%m-%d %H:%M")),
        Some((at, ByteCheck::Changed(now))) => format!(
            "verified: changed — its file now hashes to {} ({})",
            short_hash(now),
            at.strftime("%Y-%m-%d %H:%M")
        ),
        Some((at, ByteCheck::Missing)) => {
            format!("verified: missing ({})", at.strftime("%Y-%m-%d %H:%M"))
        }
    }
}

/// The custody log's entries about the source, oldest first.
fn custody_log(ui: &mut Ui, ws: &Workspace, source: &Source) {
    let entries: Vec<_> = ws
        .custody
        .iter()
        .filter(|e| e.source == source.id)
        .collect();
    egui::CollapsingHeader::new(format!("Custody log ({})", entries.len()))
        .id_salt(("custody", source.id))
        .show(ui, |ui| {
            if entries.is_empty() {
                ui.weak("Nothing recorded yet.");
            }
            for entry in entries {
                ui.label(entry.describe());
            }
        });
}
