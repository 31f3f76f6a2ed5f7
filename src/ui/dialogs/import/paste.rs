//! File ▸ New article from clipboard: pasted text, checked before it is
//! added; a long text is made into an article on a worker, with Cancel.

use super::DECODED_AT_ONCE_BYTES;
use super::form::{MetadataForm, metadata_form};
use crate::import::background::Job;
use crate::import::{self, ImportOptions};
use crate::model::Article;
use crate::ui::widgets::{Choice, PromptFrame, choice_row, modal_prompt, name_widget};
use std::time::Duration;

/// Text pasted as a new article, with its details (title, outlet, author,
/// URL, publication date, language) as for an imported file; the title
/// is the text's first line unless given.
#[derive(Debug, Default)]
pub struct PasteDialog {
    pub text: String,
    pub form: MetadataForm,
    problem: Option<String>,
    /// The article being made on a worker, for a long text.
    job: Option<Job<Result<Article, String>>>,
}

impl PasteDialog {
    /// The dialog holding `text` (what the clipboard had, perhaps nothing).
    pub fn new(text: String) -> Self {
        PasteDialog {
            text,
            ..Default::default()
        }
    }

    /// The article the text makes, or why it makes none.
    pub fn article(&self) -> Result<Article, String> {
        article_from_pasted(&self.text, &self.form)
    }

    /// Makes the article at once for a short text, or starts making it on
    /// a worker for a long one (`None`: it is being made).
    fn add(&mut self) -> Option<Result<Article, String>> {
        if self.text.len() as u64 <= DECODED_AT_ONCE_BYTES {
            return Some(self.article());
        }
        let (text, form) = (self.text.clone(), self.form.clone());
        self.job = Some(Job::spawn(move |_| article_from_pasted(&text, &form)));
        None
    }

    /// The worker's article, once it is made.
    fn poll(&mut self, ctx: &egui::Context) -> Option<Result<Article, String>> {
        let done = self.job.as_ref()?.poll();
        let Some(done) = done else {
            ctx.request_repaint_after(Duration::from_millis(50));
            return None;
        };
        self.job = None;
        Some(done.unwrap_or_else(|| Err("The text could not be read.".to_owned())))
    }

    /// Draws the dialog: `Some(Some(article))` to add, `Some(None)` on cancel.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Option<Article>> {
        let frame = PromptFrame {
            id: "paste-dialog",
            title: "New article from clipboard",
            width: 640.0,
        };
        let made = self.poll(ctx);
        modal_prompt(ctx, frame, Some(None), |ui| {
            ui.set_width(640.0);
            ui.label(
                "The first line becomes the title unless you give one; the language is detected unless you give it.",
            );
            metadata_form(ui, &mut self.form);
            // The details above and the buttons below stay on screen in a small window.
            let room = ui.ctx().content_rect().height() - 360.0;
            egui::ScrollArea::vertical()
                .max_height(room.clamp(100.0, 360.0))
                .auto_shrink([false, false])
                .id_salt("paste-text")
                .show(ui, |ui| {
                    let response = ui.add(
                        egui::TextEdit::multiline(&mut self.text)
                            .hint_text("Paste the article's text here (Ctrl+V)")
                            .desired_width(f32::INFINITY)
                            .desired_rows(16),
                    );
                    name_widget(ui, &response, "Article text to add");
                });
            if self.job.is_some() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Making the article… Cancel stops it; nothing is added.");
                });
            }
            let pressed = choice_row(
                ui,
                &[
                    Choice::new("Add article", true).enabled(self.job.is_none()),
                    Choice::new("Cancel", false),
                ],
            );
            let made = match pressed {
                Some(true) => self.add(),
                Some(false) => return Some(None),
                None => made,
            };
            let answer = match made {
                Some(Ok(article)) => Some(Some(article)),
                Some(Err(problem)) => {
                    self.problem = Some(problem);
                    None
                }
                None => None,
            };
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().warn_fg_color, problem);
            }
            answer
        })
    }
}

/// The article pasted `text` makes, with the details typed in `form`
/// (those left blank as the text gives them: its first line as title, its
/// language as detected).
fn article_from_pasted(text: &str, form: &MetadataForm) -> Result<Article, String> {
    form.published_date()?;
    let title = form.details.title.trim();
    let options = ImportOptions {
        title: (!title.is_empty()).then(|| title.to_owned()),
        ..Default::default()
    };
    let mut article = import::article_from_clipboard(text, &options).map_err(|_| {
        "There is no text to make an article of: paste it above (Ctrl+V).".to_owned()
    })?;
    form.with_blanks_from(&article).apply_to(&mut article)?;
    Ok(article)
}
