//! The import dialog's metadata form: title, outlet, author, URL, date and
//! language as the user edits them, following what the file says when it
//! is decoded again, except where the user typed.

use crate::edit::ArticleDetails;
use crate::model::Article;
use crate::ui::widgets::labelled_field;

/// The metadata the user can edit before importing: the article's details
/// as [`ArticleDetails`], with the publication date kept as typed, so a
/// half-typed date is not lost (`details.published` is what the file said;
/// the date imported is parsed from `published`).
#[derive(Clone, Debug, PartialEq)]
pub struct MetadataForm {
    pub details: ArticleDetails,
    pub published: String,
}

/// One editable text field of the form: its label (also its accessible
/// name) and where its text is.
type FormField = (&'static str, fn(&mut MetadataForm) -> &mut String);

/// The form's fields, in the order shown. The rows, [`MetadataForm::follow`]
/// and [`MetadataForm::apply_to`] all go by this one list.
const FORM_FIELDS: [FormField; 6] = [
    ("Title", |form| &mut form.details.title),
    ("Outlet", |form| &mut form.details.outlet),
    ("Author", |form| &mut form.details.author),
    ("URL", |form| &mut form.details.url),
    ("Published", |form| &mut form.published),
    ("Language", |form| &mut form.details.language),
];

impl MetadataForm {
    /// The form filled in from what `article` says.
    pub fn of(article: &Article) -> Self {
        MetadataForm {
            details: ArticleDetails::of(article),
            published: article.published.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// The publication date, or a message saying what is wrong with it.
    pub fn published_date(&self) -> Result<Option<jiff::civil::Date>, String> {
        let text = self.published.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|_| format!("“{text}” is not a date of the form YYYY-MM-DD"))
    }

    /// Becomes what the file now says (`now`), except for the fields the
    /// user changed from what it said before (`before`): those are kept, so
    /// choosing another encoding does not undo their typing. Returns `now`,
    /// to compare with next time.
    pub(super) fn follow(&mut self, mut before: MetadataForm, now: MetadataForm) -> MetadataForm {
        let mut shown = std::mem::replace(self, now.clone());
        for (_, field) in FORM_FIELDS {
            let typed = field(&mut shown);
            if typed != field(&mut before) {
                std::mem::swap(field(self), typed);
            }
        }
        now
    }

    /// This form with each field left blank filled in from `article` (its
    /// other details, such as the retrieval date, are `article`'s too).
    pub(super) fn with_blanks_from(&self, article: &Article) -> MetadataForm {
        let mut filled = MetadataForm::of(article);
        let mut typed = self.clone();
        for (_, field) in FORM_FIELDS {
            let value = field(&mut typed);
            if !value.trim().is_empty() {
                std::mem::swap(field(&mut filled), value);
            }
        }
        filled
    }

    /// Puts the form's details, trimmed, on `article` (whose text it leaves
    /// alone), or says why the form cannot be used.
    pub(super) fn apply_to(&self, article: &mut Article) -> Result<(), String> {
        let published = self.published_date()?;
        let mut form = self.clone();
        for (_, field) in FORM_FIELDS {
            let value = field(&mut form);
            *value = value.trim().to_owned();
        }
        form.details.published = published;
        form.details.apply_to(article);
        Ok(())
    }
}

impl Default for MetadataForm {
    fn default() -> Self {
        MetadataForm::of(&Article::new("", ""))
    }
}

pub(super) fn metadata_form(ui: &mut egui::Ui, form: &mut MetadataForm) {
    egui::Grid::new("import-metadata")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for (label, field) in FORM_FIELDS {
                let hint = if label == "Published" {
                    "YYYY-MM-DD"
                } else {
                    ""
                };
                let edit = egui::TextEdit::singleline(field(form))
                    .desired_width(400.0)
                    .hint_text(hint)
                    .id_salt(label);
                labelled_field(ui, label, edit);
                ui.end_row();
                if label == "URL" && crate::model::url_lacks_scheme(field(form)) {
                    ui.label("");
                    crate::ui::widgets::url_warning(ui, field(form));
                    ui.end_row();
                }
            }
        });
    if let Err(problem) = form.published_date() {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_keeps_a_half_typed_date_and_applies_trimmed_fields() {
        let mut article = Article::new("Old", "Text stays.");
        article.notes = "kept".into();
        let mut form = MetadataForm::of(&article);
        form.published = "2025-0".into();
        assert!(form.apply_to(&mut article.clone()).is_err());
        assert_eq!(form.published, "2025-0", "the typing is not lost");
        form.published = " 2025-05-06 ".into();
        form.details.title = "  New title ".into();
        form.details.language = " ru ".into();
        form.apply_to(&mut article).unwrap();
        assert_eq!(article.title, "New title");
        assert_eq!(article.language, "ru");
        assert_eq!(article.published.unwrap().to_string(), "2025-05-06");
        assert_eq!(
            (article.text.as_str(), article.notes.as_str()),
            ("Text stays.", "kept")
        );
        assert_eq!(FORM_FIELDS.map(|(label, _)| label)[4], "Published");
    }
}
