//! Windows for the details of an article (title, outlet, author, URL,
//! dates, language, notes) and of the workspace (title, description,
//! methodology, publisher, report URL) — what reports and ClaimReview
//! need besides the claims. Edits come back as [`Command`]s.

use crate::edit::{ArticleDetails, ArticleText, Command, WorkspaceDetails, WorkspaceText};
use crate::model::{Article, Workspace};
use crate::ui::panels::source_library::date_field;
use crate::ui::widgets::{labelled_field, labelled_field_named, url_warning};
use egui::Ui;

/// The "Article details" window; returns the edit to make, if any.
pub fn article_window(ctx: &egui::Context, open: &mut bool, article: &Article) -> Option<Command> {
    let mut command = None;
    egui::Window::new("Article details")
        .open(open)
        .default_width(480.0)
        .show(ctx, |ui| {
            let mut details = ArticleDetails::of(article);
            let mut typed = None;
            let mut changed = false;
            egui::Grid::new(("article-details", article.id))
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, field, value) in [
                        ("Title", ArticleText::Title, &mut details.title),
                        ("Outlet", ArticleText::Outlet, &mut details.outlet),
                        ("Author", ArticleText::Author, &mut details.author),
                        ("URL", ArticleText::Url, &mut details.url),
                        ("Language", ArticleText::Language, &mut details.language),
                    ] {
                        if text_row(ui, label, value) {
                            typed = Some(field);
                        }
                    }
                    ui.label("Published");
                    if let Some(date) =
                        date_field(ui, ("article-published", article.id), details.published)
                    {
                        details.published = date;
                        changed = true;
                    }
                    ui.end_row();
                    ui.label("Retrieved");
                    if let Some(date) =
                        date_field(ui, ("article-retrieved", article.id), details.retrieved)
                    {
                        details.retrieved = date;
                        changed = true;
                    }
                    ui.end_row();
                    let notes = egui::TextEdit::multiline(&mut details.notes)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY);
                    if labelled_field_named(ui, "Notes", "Article notes (internal)", notes).changed() {
                        typed = Some(ArticleText::Notes);
                    }
                    ui.end_row();
                    ui.label("Public report");
                    changed |= ui
                        .checkbox(
                            &mut details.publish_full_text,
                            "Publish the full text (our own article, a public-domain speech)",
                        )
                        .on_hover_text("Otherwise the public report shows each claim in its sentences, with a link to the article")
                        .changed();
                    ui.end_row();
                });
            ui.weak(format!(
                "{} characters of text. New claims take “reported by” from the outlet.",
                article.char_len()
            ));
            if changed || typed.is_some() {
                command = Some(Command::EditArticle {
                    article: article.id,
                    details: Box::new(details),
                    typing: typed,
                });
            }
        });
    command
}

/// The "Workspace details" window; returns the edit to make, if any.
pub fn workspace_window(ctx: &egui::Context, open: &mut bool, ws: &Workspace) -> Option<Command> {
    let mut command = None;
    egui::Window::new("Workspace details")
        .open(open)
        .default_width(520.0)
        .show(ctx, |ui| {
            let mut details = WorkspaceDetails::of(ws);
            let mut typed = None;
            egui::Grid::new("workspace-details").num_columns(2).show(ui, |ui| {
                for (label, field, value) in [
                    ("Title", WorkspaceText::Title, &mut details.title),
                    ("Publisher", WorkspaceText::PublisherName, &mut details.publisher.name),
                    ("Publisher URL", WorkspaceText::PublisherUrl, &mut details.publisher.url),
                    ("Report URL", WorkspaceText::ReportUrl, &mut details.report_url),
                ] {
                    if text_row(ui, label, value) {
                        typed = Some(field);
                    }
                }
                for (label, field, value) in [
                    ("Description", WorkspaceText::Description, &mut details.description),
                    ("Methodology", WorkspaceText::Methodology, &mut details.methodology),
                ] {
                    let edit = egui::TextEdit::multiline(value)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY);
                    if labelled_field(ui, label, edit).changed() {
                        typed = Some(field);
                    }
                    ui.end_row();
                }
            });
            ui.weak("The publisher and report URL go into the published report and its ClaimReview data.");
            if typed.is_some() {
                command = Some(Command::EditWorkspace {
                    details: Box::new(details),
                    typing: typed,
                });
            }
        });
    command
}

/// A labelled single-line field in a grid; true when it changed.
fn text_row(ui: &mut Ui, label: &str, value: &mut String) -> bool {
    let edit = egui::TextEdit::singleline(value).desired_width(f32::INFINITY);
    let changed = labelled_field(ui, label, edit).changed();
    ui.end_row();
    if label.contains("URL") && crate::model::url_lacks_scheme(value) {
        ui.label("");
        url_warning(ui, value);
        ui.end_row();
    }
    changed
}
