//! An earlier check from the claim library, read-only: statement, quote in
//! its context, verdict, rationale, evidence, and the workspace file and
//! date it comes from.

use crate::text::one_line;
use crate::ui::services::library_worker::EarlierCheck;
use crate::ui::widgets::{text_on_verdict, verdict_colour};
use egui::RichText;

/// The window's state: the check shown.
pub struct EarlierCheckWindow {
    check: Box<EarlierCheck>,
    open: bool,
}

impl EarlierCheckWindow {
    pub fn new(check: Box<EarlierCheck>) -> Self {
        EarlierCheckWindow { check, open: true }
    }

    /// The check shown.
    pub fn check(&self) -> &EarlierCheck {
        &self.check
    }

    /// Draws the window; false once it was closed.
    pub fn show(&mut self, ctx: &egui::Context) -> bool {
        let check = &self.check;
        egui::Window::new("Earlier check")
            .id(egui::Id::unique("earlier-check-window"))
            .open(&mut self.open)
            .default_width(520.0)
            .vscroll(true)
            .show(ctx, |ui| body(ui, check));
        self.open
    }
}

/// The quote, strong and underlined, in the weaker text around it.
fn quote_in_context(
    ui: &egui::Ui,
    (before, quote, after): &(String, String, String),
) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let weak = egui::TextFormat::simple(font.clone(), ui.visuals().weak_text_color());
    let strong = egui::TextFormat {
        underline: egui::Stroke::new(1.0, ui.visuals().strong_text_color()),
        ..egui::TextFormat::simple(font, ui.visuals().strong_text_color())
    };
    let mut job = egui::text::LayoutJob::default();
    job.append(before, 0.0, weak.clone());
    job.append(quote, 0.0, strong);
    job.append(after, 0.0, weak);
    job
}

fn body(ui: &mut egui::Ui, check: &EarlierCheck) {
    let claim = &check.claim;
    ui.weak("Read-only: this claim belongs to another workspace.");
    ui.horizontal_wrapped(|ui| {
        ui.strong("Verdict");
        match &check.verdict {
            Some(v) => {
                ui.label(
                    RichText::new(format!(" {} ", v.label))
                        .color(text_on_verdict(v))
                        .background_color(verdict_colour(v))
                        .strong(),
                );
            }
            None => {
                ui.weak("unrated");
            }
        }
    });
    ui.strong("Statement");
    crate::ui::bidi_text::label(ui, &claim.statement);
    if !claim.claimant.is_empty() {
        let line = format!(
            "Claimant: {}",
            crate::ui::bidi_text::isolate(&claim.claimant)
        );
        crate::ui::bidi_text::line_label(ui, &line, |t| t);
    }
    ui.strong("Quote in context");
    ui.label(quote_in_context(ui, &check.context));
    if !check.article_title.is_empty() {
        ui.weak(format!("in “{}”", check.article_title));
    }
    ui.strong("Rationale");
    if claim.rationale.trim().is_empty() {
        ui.weak("No rationale written.");
    } else {
        crate::ui::bidi_text::label(ui, &claim.rationale);
    }
    ui.strong(format!("Evidence ({})", check.evidence.len()));
    for (evidence, source) in &check.evidence {
        ui.horizontal_wrapped(|ui| {
            ui.label(evidence.stance.label());
            match source {
                Some(s) if !s.url.is_empty() => {
                    crate::ui::widgets::link(ui, &s.title, &s.url);
                }
                Some(s) => {
                    ui.label(&s.title);
                }
                None => {
                    ui.weak("(a source missing from its library)");
                }
            }
        });
        if !evidence.excerpt.is_empty() {
            ui.weak(one_line(&evidence.excerpt, 200));
        }
    }
    ui.separator();
    ui.label(format!("Workspace: {}", check.workspace_title));
    ui.weak(check.workspace.display().to_string());
    ui.weak(format!(
        "Last changed {}",
        claim.updated.strftime("%Y-%m-%d")
    ));
    if !check.report_url.is_empty() {
        crate::ui::widgets::link(ui, "Published report", &check.report_url);
    }
}
