//! The source library: every source of the workspace, editable, with its
//! snapshots and custody log (`snapshots.rs`) and the claims that cite each, and *New source…*, a form that adds nothing
//! until it is saved. Also the source form (title, URL, publisher, kind,
//! dates, archive URL, notes) the claim inspector reuses to create a source
//! in place.

use super::snapshots::{SnapshotIntent, SnapshotsContext, SnapshotsView};
use crate::edit::{Command, SourceChange, SourceText};
use crate::model::{ClaimId, Source, SourceId, SourceKind};
use crate::text::one_line;
use crate::ui::widgets::{labelled_combo, labelled_field, name_widget, url_warning};
use egui::Ui;
use jiff::civil::Date;

/// What the library asks the window to do.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryIntent {
    Command(Command),
    SelectClaim(ClaimId),
    Snapshot(SnapshotIntent),
}

/// The library view's state.
#[derive(Default)]
pub struct SourceLibrary {
    search: String,
    /// Open this source's entry on the next frame.
    reveal: Option<SourceId>,
    /// A source being written after *New source*, added only on *Add*.
    draft: Option<Source>,
    /// The sources' snapshots: the text shown, the passage selected.
    pub snapshots: SnapshotsView,
}

impl SourceLibrary {
    /// Opens a source's entry (after "show in library").
    pub fn reveal(&mut self, id: SourceId) {
        self.reveal = Some(id);
    }

    pub fn show(&mut self, ui: &mut Ui, cx: &SnapshotsContext<'_>) -> Vec<LibraryIntent> {
        let ws = cx.ws;
        let mut intents = Vec::new();
        ui.horizontal(|ui| {
            ui.strong(format!("{} sources", ws.sources.len()));
            let new = ui
                .add_enabled(self.draft.is_none(), egui::Button::new("New source…"))
                .on_hover_text("Write a new source; it is added to the library when you press Add");
            if new.clicked() {
                self.draft = Some(Source::new("", "", SourceKind::NewsReport));
            }
        });
        self.draft_form(ui, &mut intents);
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Search sources")
                .desired_width(f32::INFINITY),
        );
        name_widget(ui, &search, "Search sources");
        let needle = self.search.trim().to_lowercase();
        egui::ScrollArea::vertical()
            .id_salt("source-library")
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                for source in ws.sources.iter().filter(|s| source_matches(s, &needle)) {
                    self.source_entry(ui, cx, source, &mut intents);
                }
                if ws.sources.is_empty() {
                    ui.weak("No sources yet. Add one here, or from a claim's evidence.");
                }
            });
        intents
    }

    /// The form of a new source: nothing is added until *Add to library*.
    fn draft_form(&mut self, ui: &mut Ui, intents: &mut Vec<LibraryIntent>) {
        let Some(draft) = &mut self.draft else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong("New source");
            if let Some(change) = source_form(ui, draft, draft.id) {
                change.apply_to(draft);
            }
            ui.horizontal(|ui| {
                let ready = !draft.title.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Add to library"))
                    .on_disabled_hover_text("Give the source a title first")
                    .clicked()
                {
                    self.reveal = Some(draft.id);
                    intents.push(LibraryIntent::Command(Command::AddSource(Box::new(
                        draft.clone(),
                    ))));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.draft = None;
        }
    }

    fn source_entry(
        &mut self,
        ui: &mut Ui,
        cx: &SnapshotsContext<'_>,
        source: &Source,
        intents: &mut Vec<LibraryIntent>,
    ) {
        let ws = cx.ws;
        let citing: Vec<_> = ws.claims_citing(source.id).collect();
        let title = format!(
            "{}  ·  {}  ·  cited by {}",
            if source.title.is_empty() {
                "(untitled)".to_owned()
            } else {
                one_line(&source.title, 40)
            },
            source.kind.label(),
            citing.len()
        );
        let mut header = egui::CollapsingHeader::new(title).id_salt(("source", source.id));
        if self.reveal == Some(source.id) {
            header = header.open(Some(true));
            self.reveal = None;
        }
        header.show(ui, |ui| {
            if let Some(change) = source_form(ui, source, source.id) {
                intents.push(LibraryIntent::Command(Command::EditSource {
                    source: source.id,
                    change,
                }));
            }
            ui.separator();
            let snapshots = self.snapshots.show(ui, cx, source);
            intents.extend(snapshots.into_iter().map(LibraryIntent::Snapshot));
            ui.separator();
            ui.label(egui::RichText::new("Cited by").strong());
            if citing.is_empty() {
                ui.weak("No claim cites this source.");
            }
            for claim in &citing {
                if ui.link(one_line(&claim.statement, 60)).clicked() {
                    intents.push(LibraryIntent::SelectClaim(claim.id));
                }
            }
            let delete = ui
                .add_enabled(citing.is_empty(), egui::Button::new("Delete source"))
                .on_disabled_hover_text(
                    "Remove it from the evidence of the claims citing it first",
                );
            if delete.clicked() {
                intents.push(LibraryIntent::Command(Command::DeleteSource(source.id)));
            }
        });
    }
}

fn source_matches(source: &Source, needle: &str) -> bool {
    needle.is_empty()
        || [&source.title, &source.url, &source.publisher, &source.notes]
            .iter()
            .any(|f| f.to_lowercase().contains(needle))
}

/// Edits every field of a source: returns the change made, if any (a
/// draft applies it to itself; a source in the library sends it as a
/// command).
pub fn source_form(ui: &mut Ui, source: &Source, salt: SourceId) -> Option<SourceChange> {
    let mut changed = None;
    egui::Grid::new(("source-form", salt))
        .num_columns(2)
        .spacing(egui::vec2(8.0, 4.0))
        .show(ui, |ui| {
            for (label, field) in [
                ("Title", SourceText::Title),
                ("URL", SourceText::Url),
                ("Publisher", SourceText::Publisher),
                ("Archive URL", SourceText::ArchiveUrl),
            ] {
                changed = source_text_row(ui, label, source, field).or(changed.take());
            }
            changed = kind_row(ui, source, salt).or(changed.take());
            changed = date_rows(ui, source, salt).or(changed.take());
            let mut notes = source.notes.clone();
            let edit = egui::TextEdit::multiline(&mut notes)
                .desired_rows(2)
                .desired_width(f32::INFINITY);
            if labelled_field(ui, "Notes", edit).changed() {
                changed = Some(SourceChange::SetText {
                    field: SourceText::Notes,
                    text: notes,
                });
            }
            ui.end_row();
            ui.label("");
            let mut protected = source.protected;
            if ui
                .checkbox(
                    &mut protected,
                    "Protected source (withheld from public reports)",
                )
                .changed()
            {
                changed = Some(SourceChange::SetProtected(protected));
            }
            ui.end_row();
        });
    if !source.url.trim().is_empty() && !crate::model::url_lacks_scheme(&source.url) {
        crate::ui::widgets::link(ui, "Open URL in the browser", &source.url);
    }
    changed
}

/// One line of text of the form, with a warning under a URL without scheme.
fn source_text_row(
    ui: &mut Ui,
    label: &str,
    source: &Source,
    field: SourceText,
) -> Option<SourceChange> {
    let mut value = field.get(source).to_owned();
    let edit = egui::TextEdit::singleline(&mut value)
        .desired_width(f32::INFINITY)
        .hint_text(label);
    let response = labelled_field(ui, label, edit);
    ui.end_row();
    if matches!(field, SourceText::Url | SourceText::ArchiveUrl)
        && crate::model::url_lacks_scheme(&value)
    {
        ui.label("");
        url_warning(ui, &value);
        ui.end_row();
    }
    response
        .changed()
        .then_some(SourceChange::SetText { field, text: value })
}

fn kind_row(ui: &mut Ui, source: &Source, salt: SourceId) -> Option<SourceChange> {
    let mut changed = None;
    let combo =
        egui::ComboBox::from_id_salt(("source-kind", salt)).selected_text(source.kind.label());
    labelled_combo(ui, "Kind", "Kind", combo, |ui| {
        for kind in SourceKind::ALL {
            if ui
                .selectable_label(source.kind == kind, kind.label())
                .clicked()
                && source.kind != kind
            {
                changed = Some(SourceChange::SetKind(kind));
            }
        }
    });
    ui.end_row();
    changed
}

fn date_rows(ui: &mut Ui, source: &Source, salt: SourceId) -> Option<SourceChange> {
    let mut changed = None;
    ui.label("Published");
    if let Some(date) = date_field(ui, ("published", salt), source.published) {
        changed = Some(SourceChange::SetPublished(date));
    }
    ui.end_row();
    ui.label("Accessed");
    ui.horizontal(|ui| {
        if let Some(date) = date_field(ui, ("accessed", salt), source.accessed) {
            changed = Some(SourceChange::SetAccessed(date));
        }
        if ui.small_button("Today").clicked() {
            let today = Some(jiff::ZonedDateTime::now().date());
            changed = Some(SourceChange::SetAccessed(today));
        }
    });
    ui.end_row();
    changed
}

/// A date typed as YYYY-MM-DD. Returns the new value once the text is a
/// valid date or empty; a half-typed date stays in the field, marked.
pub fn date_field(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    value: Option<Date>,
) -> Option<Option<Date>> {
    let id = ui.scope_id().with(("date", salt));
    let shown = value.map(|d| d.to_string()).unwrap_or_default();
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| shown.clone());
    let parsed = parse_date(&text);
    let valid = parsed.is_some();
    let mut edit = egui::TextEdit::singleline(&mut text)
        .hint_text("YYYY-MM-DD")
        .desired_width(110.0);
    if !valid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit);
    name_widget(ui, &response, "Date (YYYY-MM-DD)");
    if !valid {
        response
            .clone()
            .on_hover_text("Write the date as YYYY-MM-DD, e.g. 2025-05-08");
    }
    let mut result = None;
    if response.changed() {
        match parse_date(&text) {
            Some(date) if date != value => result = Some(date),
            _ => {}
        }
    }
    if response.has_focus() || parse_date(&text).is_none() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    result
}

/// `Some(None)` for an empty text, `Some(Some(date))` for a valid date.
fn parse_date(text: &str) -> Option<Option<Date>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    text.parse::<Date>().ok().map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_or_are_refused() {
        assert_eq!(parse_date(""), Some(None));
        assert_eq!(
            parse_date("2025-05-08"),
            Some(Some(Date::new(2025, 5, 8).unwrap()))
        );
        assert_eq!(parse_date("2025-13-08"), None);
        assert_eq!(parse_date("8 May"), None);
    }
}
