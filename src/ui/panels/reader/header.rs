//! The lines above the article text: title, outlet, author, dates, URL and
//! the "Details…" button. A right-to-left title is shown in display
//! order (`text::display_order`).

use crate::model::Article;
use egui::Ui;

/// The article's title, outlet, author, dates and URL; true when its
/// "Details…" button was clicked.
pub(super) fn article_header(ui: &mut Ui, article: &Article) -> bool {
    // A right-to-left title in display order (egui has no bidi step), its
    // accessible name kept in logical order.
    let shown = crate::text::display_order(&article.title);
    let title = egui::Label::new(egui::RichText::new(shown.as_ref()).heading().strong()).wrap();
    let response = ui.add(title);
    if shown != article.title.as_str() {
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &article.title));
    }
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
