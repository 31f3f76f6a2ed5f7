//! The lines above the article text: title, outlet, author, dates, URL and
//! the "Details…" button. A title with right-to-left text is laid out
//! like a paragraph of the article (the bidi step, rows right-aligned and
//! wrapped in logical order), its accessible name in logical order.

use crate::model::Article;
use egui::Ui;

/// The article's title, outlet, author, dates and URL; true when its
/// "Details…" button was clicked.
pub(super) fn article_header(ui: &mut Ui, article: &Article) -> bool {
    let strong = ui.visuals().strong_text_color();
    heading(ui, &article.title, strong);
    let mut facts: Vec<String> = Vec::new();
    if !article.outlet.is_empty() {
        facts.push(article.outlet.clone());
    }
    if !article.author.is_empty() {
        facts.push(format!("by {}", article.author));
    }
    if let Some(date) = article.published {
        facts.push(format!("published {date}"));
    }
    if let Some(date) = article.retrieved {
        facts.push(format!("retrieved {date}"));
    }
    if !article.language.is_empty() {
        facts.push(format!("language: {}", article.language));
    }
    let mut edit = false;
    ui.horizontal_wrapped(|ui| {
        if facts.is_empty() {
            ui.weak("No outlet, author or date recorded");
        } else {
            ui.label(facts.join("  ·  "));
        }
        if !article.url.is_empty() {
            crate::ui::widgets::link(
                ui,
                crate::text::readable_address(&article.url),
                &article.url,
            );
        }
        edit = ui
            .small_button("Details…")
            .on_hover_text("Edit the title, outlet, author, URL and dates")
            .clicked();
    });
    edit
}

/// A title as a heading in `colour`: a plain label, or for a title with
/// right-to-left text the reader's own paragraph layout (egui's label
/// would wrap a reordered line from its left end, putting the title's
/// first words on its last row). Its accessible name is the title as
/// written.
pub(crate) fn heading(ui: &mut Ui, title: &str, colour: egui::Color32) {
    if !crate::text::has_rtl(title) {
        ui.add(egui::Label::new(egui::RichText::new(title).heading().color(colour)).wrap());
        return;
    }
    let format = egui::TextFormat {
        font_id: egui::TextStyle::Heading.resolve(ui.style()),
        color: colour,
        ..Default::default()
    };
    let width = ui.available_width();
    let layout = super::paragraph_layout::lay_out(ui, title, format, width);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, layout.size().y), egui::Sense::hover());
    ui.painter().galley(rect.min, layout.galley.clone(), colour);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, title));
}
