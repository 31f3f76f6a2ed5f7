//! The claim inspector: every field of the selected claim — quote,
//! statement, claimant, reported-by, tags, status, priority, verdict,
//! rationale, evidence and corrections. Each edit becomes one
//! [`ClaimChange`] of the claim, planned against the claim as it is when
//! applied; keystrokes in one field merge into one undo step there.

use crate::edit::{ClaimChange, ClaimText, Command, EvidenceText};
use crate::model::{
    Claim, ClaimId, Evidence, Priority, PublicField, Source, SourceId, SourceKind, Stance, Status,
    Workspace,
};
use crate::text::one_line;
use crate::ui::actions::{Action, ActionContext};
use crate::ui::panels::source_library::source_form;
use crate::ui::widgets::{labelled_combo, name_widget};
use crate::ui::widgets::{text_on_verdict, verdict_colour};
use egui::{RichText, Ui};

pub mod checked_before;
mod moment;
mod publication;
mod quote;

/// What the inspector asks the window to do.
#[derive(Clone, Debug, PartialEq)]
pub enum InspectorIntent {
    Command(Command),
    ShowSource(SourceId),
    /// Scroll the article to the claim and flash it.
    Reveal(ClaimId),
    /// Do what a menu entry does (adjust the quote, pick a verdict…).
    Action(Action),
    /// Earlier checks from the claim library: open, cite, decide.
    CheckedBefore(checked_before::CheckedBeforeIntent),
}

/// A source being written in place, before it is added and cited.
struct SourceDraft {
    source: Source,
    stance: Stance,
    excerpt: String,
    /// Scroll the form into view on its first frame.
    just_opened: bool,
}

/// The inspector's state.
#[derive(Default)]
pub struct Inspector {
    focus_statement: bool,
    tag_input: String,
    cite_source: Option<SourceId>,
    cite_stance: Option<Stance>,
    draft: Option<SourceDraft>,
    /// The claim the drafts above belong to.
    drafts_for: Option<ClaimId>,
    /// The claim library's earlier checks, filled in by the window.
    pub checked_before: checked_before::CheckedBefore,
    publication: publication::PublicationState,
    /// Preferences › Your name, for publishing, reviews and corrections.
    your_name: String,
    /// The selected claim's number, as the report shows it.
    number: Option<usize>,
}

impl Inspector {
    /// Who is working (Preferences › Your name) and the selected claim's
    /// number in the report; set before each [`Inspector::show`].
    pub fn set_context(&mut self, your_name: &str, number: Option<usize>) {
        if self.your_name != your_name {
            self.your_name = your_name.to_owned();
        }
        self.number = number;
    }

    /// Puts the keyboard in the statement field on the next frame.
    pub fn focus_statement(&mut self) {
        self.focus_statement = true;
    }

    pub fn show(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        problems: &[String],
        cx: &ActionContext,
    ) -> Vec<InspectorIntent> {
        if self.drafts_for != Some(claim.id) {
            self.tag_input.clear();
            self.cite_source = None;
            self.draft = None;
            self.publication.clear();
            self.drafts_for = Some(claim.id);
        }
        let mut out = Vec::new();
        egui::ScrollArea::vertical()
            // Each claim's own scroll position: a claim just marked or
            // picked shows from its top.
            .id_salt(("inspector", claim.id))
            .auto_shrink([false, false])
            // A bar that comes and goes can make the layout (and repaints) oscillate.
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                for problem in problems {
                    ui.colored_label(ui.visuals().error_fg_color, format!("Problem: {problem}"));
                }
                if let Some(number) = self.number {
                    let public = claim
                        .public_number
                        .map_or_else(String::new, |n| format!(" · public no. {n}"));
                    ui.strong(format!("Claim {number}{public}"));
                }
                quote::quote_section(ui, ws, claim, cx, &mut out);
                ui.add_space(4.0);
                self.verdict(ui, ws, claim, &mut out);
                ui.separator();
                self.text_fields(ui, claim, &mut out);
                let earlier = checked_before::checked_before(ui, &self.checked_before, claim.id);
                out.extend(earlier.into_iter().map(InspectorIntent::CheckedBefore));
                ui.separator();
                self.tags(ui, ws, claim, &mut out);
                status_and_priority(ui, claim, &mut out);
                ui.separator();
                self.evidence(ui, ws, claim, &mut out);
                ui.separator();
                self.publication
                    .show(ui, ws, claim, &self.your_name, &mut out);
                ui.separator();
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(Action::DeleteClaim.label())
                        .on_hover_text(Action::DeleteClaim.tooltip(ui.ctx()))
                        .clicked()
                    {
                        out.push(InspectorIntent::Command(Command::DeleteClaim(claim.id)));
                    }
                    ui.weak(format!(
                        "created {} · updated {}",
                        short_time(claim.created),
                        short_time(claim.updated)
                    ));
                });
            });
        out
    }

    fn verdict(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        out: &mut Vec<InspectorIntent>,
    ) {
        let published = claim.first_published().is_some();
        ui.horizontal_wrapped(|ui| {
            ui.strong("Verdict");
            let current = claim.verdict.as_deref().and_then(|k| ws.scale.get(k));
            match current {
                Some(v) => crate::ui::bidi_text::line_label(ui, &v.label, |t| t.strong()),
                None => ui.weak("unrated"),
            };
        });
        ui.weak(format!(
            "Keys 1–9 right after marking or outside text fields (Esc leaves a field); Alt+1–9 anywhere; {} lists every verdict",
            Action::PickVerdict.shortcut_text(ui.ctx())
        ));
        ui.horizontal_wrapped(|ui| {
            for (i, verdict) in ws.scale.verdicts.iter().enumerate() {
                let selected = claim.verdict.as_deref() == Some(verdict.key.as_str());
                let fill = verdict_colour(verdict);
                let text_colour = text_on_verdict(verdict);
                let name = crate::ui::bidi_text::isolate(&verdict.label);
                let label = if i < 9 {
                    format!("{} {name}", i + 1)
                } else {
                    name.into_owned()
                };
                let text = if selected {
                    format!("• {label}")
                } else {
                    label
                };
                let shown = crate::ui::bidi_text::one_line(&text);
                let mut button =
                    egui::Button::new(RichText::new(shown).color(text_colour).strong())
                        .fill(fill)
                        .selected(selected);
                if selected {
                    button =
                        button.stroke(egui::Stroke::new(2.5, ui.visuals().strong_text_color()));
                }
                let response = ui.add(button);
                crate::ui::bidi_text::name_as_written(
                    ui,
                    &response,
                    &crate::ui::bidi_text::logical(&text),
                );
                let response = response.on_hover_text(if verdict.description.is_empty() {
                    verdict.label.clone()
                } else {
                    verdict.description.clone()
                });
                if response.clicked() && !selected {
                    if published {
                        // After publication a new verdict is a correction: ask for its note.
                        self.publication
                            .start_correction(claim, Some(verdict.key.clone()));
                    } else {
                        out.push(change(
                            claim,
                            ClaimChange::SetVerdict(Some(verdict.key.clone())),
                        ));
                    }
                }
            }
            if ui
                .add_enabled(
                    claim.verdict.is_some() && !published,
                    egui::Button::new(Action::ClearVerdict.label()),
                )
                .on_hover_text(Action::ClearVerdict.tooltip(ui.ctx()))
                .clicked()
            {
                out.push(change(claim, ClaimChange::SetVerdict(None)));
            }
        });
    }

    fn text_fields(&mut self, ui: &mut Ui, claim: &Claim, out: &mut Vec<InspectorIntent>) {
        let focus = std::mem::take(&mut self.focus_statement);
        ui.strong("Statement");
        let statement = public_text_field(
            ui,
            claim,
            ClaimText::Statement,
            Some(2),
            "The claim in checkable words",
            out,
        );
        if focus && let Some(statement) = statement {
            crate::ui::widgets::focus_with_all_selected(ui, &statement, &claim.statement);
        }
        egui::Grid::new("claim-people")
            .num_columns(2)
            .show(ui, |ui| {
                for (field, hint) in [
                    (ClaimText::Claimant, "Who made the claim"),
                    (ClaimText::ReportedBy, "Who reported it"),
                ] {
                    ui.label(field.label());
                    public_text_field(ui, claim, field, None, hint, out);
                    ui.end_row();
                }
            });
        ui.strong("Rationale");
        public_text_field(
            ui,
            claim,
            ClaimText::Rationale,
            Some(4),
            "Why this verdict: what the sources show",
            out,
        );
        if PublicField::needs_correction(claim) {
            ui.weak("Published: the statement, claimant, verdict and rationale change with “Correct…” below.");
        }
    }

    fn tags(&mut self, ui: &mut Ui, ws: &Workspace, claim: &Claim, out: &mut Vec<InspectorIntent>) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Tags");
            for tag in &claim.tags {
                let chip = egui::Button::new(format!("{tag}  ×"))
                    .small()
                    .corner_radius(8.0);
                if ui.add(chip).on_hover_text("Remove this tag").clicked() {
                    out.push(change(claim, ClaimChange::RemoveTag(tag.clone())));
                }
            }
        });
        // Enter ends a single-line field's focus in the same frame, so ask
        // whether it had the keyboard before it saw the key.
        let field_id = ui.make_persistent_id("tag-entry-field");
        let enter =
            ui.input(|i| i.key_pressed(egui::Key::Enter)) && ui.memory(|m| m.has_focus(field_id));
        let response = ui.add(
            egui::TextEdit::singleline(&mut self.tag_input)
                .id(field_id)
                .hint_text("Add a tag and press Enter")
                .desired_width(f32::INFINITY),
        );
        name_widget(ui, &response, "Add tag");
        let entered = enter;
        let typed = self.tag_input.trim().to_owned();
        if entered && !typed.is_empty() {
            self.add_tag(claim, typed.clone(), out);
            response.request_focus();
        }
        if !typed.is_empty() {
            let needle = typed.to_lowercase();
            let suggestions: Vec<String> = ws
                .tags_in_use()
                .into_iter()
                .filter(|t| t.to_lowercase().contains(&needle) && !claim.tags.contains(t))
                .take(8)
                .collect();
            ui.horizontal_wrapped(|ui| {
                for tag in suggestions {
                    if ui.small_button(format!("＋ {tag}")).clicked() {
                        self.add_tag(claim, tag, out);
                    }
                }
            });
        }
    }

    fn add_tag(&mut self, claim: &Claim, tag: String, out: &mut Vec<InspectorIntent>) {
        self.tag_input.clear();
        out.push(change(claim, ClaimChange::AddTag(tag)));
    }

    fn evidence(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        out: &mut Vec<InspectorIntent>,
    ) {
        ui.strong(format!("Evidence ({})", claim.evidence.len()));
        let locked = PublicField::needs_correction(claim);
        ui.add_enabled_ui(!locked, |ui| {
            for (i, evidence) in claim.evidence.iter().enumerate() {
                evidence_entry(ui, ws, claim, i, evidence, out);
            }
        });
        ui.add_space(4.0);
        if locked {
            ui.weak(
                "Published: evidence is only added, through a correction (`factbench correct --cite`).",
            );
            return;
        }
        self.cite_existing(ui, ws, claim, out);
        self.new_source(ui, claim, out);
    }

    fn cite_existing(
        &mut self,
        ui: &mut Ui,
        ws: &Workspace,
        claim: &Claim,
        out: &mut Vec<InspectorIntent>,
    ) {
        if ws.sources.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let chosen = self.cite_source.and_then(|id| ws.source(id));
            let combo = crate::ui::widgets::combo(
                ui,
                egui::ComboBox::from_id_salt("cite-source")
                    .selected_text(chosen.map_or("Cite a library source…", |s| s.title.as_str()))
                    .width(200.0)
                    .truncate(),
                |ui| {
                    for source in &ws.sources {
                        ui.selectable_value(&mut self.cite_source, Some(source.id), &source.title);
                    }
                },
            );
            name_widget(ui, &combo.response, "Cite source");
            let stance = self.cite_stance.get_or_insert(Stance::Supports);
            stance_combo(ui, "cite-stance", stance);
            if ui
                .add_enabled(chosen.is_some(), egui::Button::new("Cite"))
                .clicked()
                && let Some(source) = self.cite_source.take()
            {
                out.push(change(
                    claim,
                    ClaimChange::Cite(Evidence::new(source, *stance, "")),
                ));
            }
        });
    }

    fn new_source(&mut self, ui: &mut Ui, claim: &Claim, out: &mut Vec<InspectorIntent>) {
        let Some(draft) = &mut self.draft else {
            if ui
                .button("New source…")
                .on_hover_text("Create a source in the library and cite it")
                .clicked()
            {
                self.draft = Some(SourceDraft {
                    source: Source::new("", "", SourceKind::NewsReport),
                    stance: Stance::Supports,
                    excerpt: String::new(),
                    just_opened: true,
                });
            }
            return;
        };
        let mut close = false;
        let form = egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong("New source");
            let salt = draft.source.id;
            if let Some(change) = source_form(ui, &draft.source, salt) {
                change.apply_to(&mut draft.source);
            }
            ui.horizontal_wrapped(|ui| {
                ui.label("Stance");
                stance_combo(ui, "draft-stance", &mut draft.stance);
            });
            ui.add(
                egui::TextEdit::multiline(&mut draft.excerpt)
                    .hint_text("Excerpt: what the source says")
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            );
            ui.horizontal_wrapped(|ui| {
                let ready = !draft.source.title.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new("Add to library and cite"))
                    .on_disabled_hover_text("Give the source a title first")
                    .clicked()
                {
                    out.push(InspectorIntent::Command(Command::AddSourceAndCite {
                        source: Box::new(draft.source.clone()),
                        claim: claim.id,
                        evidence: Box::new(Evidence::new(
                            draft.source.id,
                            draft.stance,
                            draft.excerpt.clone(),
                        )),
                    }));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if std::mem::take(&mut draft.just_opened) {
            form.response.scroll_to_me(Some(egui::Align::Center));
        }
        if close {
            self.draft = None;
        }
    }
}

fn evidence_entry(
    ui: &mut Ui,
    ws: &Workspace,
    claim: &Claim,
    index: usize,
    evidence: &Evidence,
    out: &mut Vec<InspectorIntent>,
) {
    let cited = Cited {
        claim,
        index,
        evidence,
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let source = ws.source(evidence.source);
        evidence_source(ui, source, out);
        evidence_stance(ui, cited, out);
        for (field, label, hint) in [
            (EvidenceText::Excerpt, "Excerpt", "What the source says"),
            (EvidenceText::Note, "Note", "Your note on this evidence"),
        ] {
            evidence_text(ui, cited, (field, label, hint), out);
        }
    });
}

/// One piece of evidence a claim cites, and its place in the claim's list.
#[derive(Clone, Copy)]
struct Cited<'a> {
    claim: &'a Claim,
    index: usize,
    evidence: &'a Evidence,
}

/// The cited source's title (a link to it in the library), kind and
/// address, or a problem when the library no longer has it.
fn evidence_source(ui: &mut Ui, source: Option<&Source>, out: &mut Vec<InspectorIntent>) {
    ui.horizontal_wrapped(|ui| match source {
        Some(s) => {
            let title = crate::ui::bidi_text::one_line(&s.title);
            let link = ui
                .link(RichText::new(title).strong())
                .on_hover_text("Show in the source library");
            crate::ui::bidi_text::name_as_written(ui, &link, &s.title);
            if link.clicked() {
                out.push(InspectorIntent::ShowSource(s.id));
            }
            ui.weak(s.kind.label());
        }
        None => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                "Problem: this source is missing from the library",
            );
        }
    });
    if let Some(s) = source
        && !s.url.is_empty()
    {
        crate::ui::widgets::link(
            ui,
            one_line(&crate::text::readable_address(&s.url), 60),
            &s.url,
        );
    }
}

/// The evidence's stance, and "Remove" to stop citing it.
fn evidence_stance(ui: &mut Ui, cited: Cited, out: &mut Vec<InspectorIntent>) {
    let Cited {
        claim,
        index,
        evidence,
    } = cited;
    ui.horizontal_wrapped(|ui| {
        ui.label("Stance");
        let mut stance = evidence.stance;
        if stance_combo(ui, ("stance", index), &mut stance) {
            out.push(change(
                claim,
                ClaimChange::SetStance {
                    evidence: index,
                    stance,
                },
            ));
        }
        if ui
            .small_button("Remove")
            .on_hover_text("Stop citing this source here")
            .clicked()
        {
            out.push(change(claim, ClaimChange::Uncite(index)));
        }
    });
}

/// One of the evidence's texts (field, label, hint), named "Evidence 2
/// excerpt" and the like.
fn evidence_text(
    ui: &mut Ui,
    cited: Cited,
    (field, label, hint): (EvidenceText, &str, &str),
    out: &mut Vec<InspectorIntent>,
) {
    let mut text = field.get(cited.evidence).to_owned();
    let rows = match field {
        EvidenceText::Excerpt => Some(1),
        EvidenceText::Note => None,
    };
    ui.label(label);
    let id = ui.make_persistent_id(("evidence-text", cited.index, label));
    let response = crate::ui::bidi_text::text_field(ui, id, &mut text, rows, hint);
    let name = format!("Evidence {} {}", cited.index + 1, label.to_lowercase());
    name_widget(ui, &response, &name);
    if response.changed() {
        let change_text = ClaimChange::SetEvidenceText {
            evidence: cited.index,
            field,
            text,
        };
        out.push(change(cited.claim, change_text));
    }
}

fn status_and_priority(ui: &mut Ui, claim: &Claim, out: &mut Vec<InspectorIntent>) {
    ui.horizontal_wrapped(|ui| {
        let mut status = claim.status;
        let combo = egui::ComboBox::from_id_salt("claim-status").selected_text(status.label());
        labelled_combo(ui, "Status", "Status", combo, |ui| {
            for s in Status::ALL {
                ui.selectable_value(&mut status, s, s.label());
            }
        });
        let mut priority = claim.priority;
        let combo = egui::ComboBox::from_id_salt("claim-priority").selected_text(priority.label());
        labelled_combo(ui, "Priority", "Priority", combo, |ui| {
            for p in Priority::ALL {
                ui.selectable_value(&mut priority, p, p.label());
            }
        });
        if status != claim.status {
            out.push(change(claim, ClaimChange::SetStatus(status)));
        }
        if priority != claim.priority {
            out.push(change(claim, ClaimChange::SetPriority(priority)));
        }
    });
}

fn stance_combo(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug,
    stance: &mut Stance,
) -> bool {
    let mut changed = false;
    let combo = egui::ComboBox::from_id_salt(("stance-combo", salt)).selected_text(stance.label());
    let combo = crate::ui::widgets::combo(ui, combo, |ui| {
        for s in Stance::ALL {
            changed |= ui.selectable_value(stance, s, s.label()).changed();
        }
    });
    name_widget(ui, &combo.response, "Stance");
    changed
}

fn change(claim: &Claim, change: ClaimChange) -> InspectorIntent {
    InspectorIntent::Command(Command::EditClaim {
        claim: claim.id,
        change,
    })
}

/// One of the claim's text fields, full width (`rows` lines, or one line
/// when `None`), named for screen readers; typing in it becomes a
/// [`ClaimChange::SetText`].
/// A claim's text field, or — for a public field of a claim that was
/// published, which changes only through a correction — its text, read-only.
fn public_text_field(
    ui: &mut Ui,
    claim: &Claim,
    field: ClaimText,
    rows: Option<usize>,
    hint: &str,
    out: &mut Vec<InspectorIntent>,
) -> Option<egui::Response> {
    if field.public_field().is_some() && PublicField::needs_correction(claim) {
        let text = field.get(claim);
        if crate::text::has_rtl(text) {
            crate::ui::bidi_text::label(ui, text);
        } else {
            ui.add(egui::Label::new(text).wrap().selectable(true));
        }
        return None;
    }
    Some(claim_text_field(ui, claim, field, rows, hint, out))
}

fn claim_text_field(
    ui: &mut Ui,
    claim: &Claim,
    field: ClaimText,
    rows: Option<usize>,
    hint: &str,
    out: &mut Vec<InspectorIntent>,
) -> egui::Response {
    let mut text = field.get(claim).to_owned();
    let id = ui.make_persistent_id(("claim-text", field.label()));
    let response = crate::ui::bidi_text::text_field(ui, id, &mut text, rows, hint);
    name_widget(ui, &response, field.label());
    if response.changed() {
        out.push(change(claim, ClaimChange::SetText { field, text }));
    }
    response
}

fn short_time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}
