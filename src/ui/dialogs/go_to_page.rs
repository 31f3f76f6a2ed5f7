//! Article › Go to page… (Ctrl+Shift+G) in a PDF or Word article: a page
//! typed as it is printed (`iv`, `12`, `A-3`) or as its index from 1 finds
//! where that page starts, which the window then scrolls to (the page's
//! marker on screen, the caret at its first char). A page the document
//! does not have is explained in the dialog, which stays open.

use crate::model::PageStart;
use crate::ui::widgets::{GoToPressed, PromptFrame, go_to_field, modal_prompt};

/// The dialog's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct GoToPageDialog {
    text: String,
    /// Why the last page typed found nothing.
    problem: Option<String>,
    /// The field was given the keyboard (on the first frame).
    focused: bool,
}

/// What the dialog answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoToPageAnswer {
    /// Go to the char `start` of the article, where the page starts.
    Go {
        start: usize,
    },
    Cancel,
}

impl GoToPageDialog {
    /// Draws the dialog over the article's `pages`; the answer, once given.
    pub fn show(&mut self, ctx: &egui::Context, pages: &[PageStart]) -> Option<GoToPageAnswer> {
        let frame = PromptFrame {
            id: "go-to-page",
            title: "Go to page",
            width: 360.0,
        };
        modal_prompt(ctx, frame, Some(GoToPageAnswer::Cancel), |ui| {
            ui.set_width(360.0);
            ui.label(format!(
                "A page as it is printed ({}), or its number from 1 to {}:",
                label_range(pages),
                pages.len()
            ));
            let pressed = go_to_field(
                ui,
                &mut self.text,
                &mut self.focused,
                self.problem.as_deref(),
                ("12", "Page"),
            );
            match pressed? {
                GoToPressed::Cancel => Some(GoToPageAnswer::Cancel),
                GoToPressed::Go => self.go(pages),
            }
        })
    }

    /// The start of the typed page, or `None` with the reason kept.
    fn go(&mut self, pages: &[PageStart]) -> Option<GoToPageAnswer> {
        match page_named(pages, &self.text) {
            Ok(page) => Some(GoToPageAnswer::Go { start: page.start }),
            Err(problem) => {
                self.problem = Some(problem);
                None
            }
        }
    }
}

/// `i–36`: the first and last printed labels.
fn label_range(pages: &[PageStart]) -> String {
    match (pages.first(), pages.last()) {
        (Some(first), Some(last)) if pages.len() > 1 => format!("{}–{}", first.label, last.label),
        (Some(only), _) => only.label.clone(),
        _ => String::new(),
    }
}

/// The page printed as `text` (labels first, case ignored), else the page
/// whose index it is; or why none.
pub fn page_named<'p>(pages: &'p [PageStart], text: &str) -> Result<&'p PageStart, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Type a page, such as 12.".to_owned());
    }
    let lower = text.to_lowercase();
    if let Some(page) = pages.iter().find(|p| p.label.to_lowercase() == lower) {
        return Ok(page);
    }
    match text.parse::<usize>() {
        Ok(n) if (1..=pages.len()).contains(&n) => Ok(&pages[n - 1]),
        _ => Err(format!(
            "This document has no page “{text}”: its pages are {} (1 to {} by number).",
            label_range(pages),
            pages.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages() -> Vec<PageStart> {
        ["i", "ii", "1", "2", "3"]
            .iter()
            .enumerate()
            .map(|(i, label)| PageStart {
                page: i + 1,
                label: (*label).to_owned(),
                start: i * 100,
            })
            .collect()
    }

    #[test]
    fn a_page_by_its_label_first_then_by_its_number() {
        let p = pages();
        assert_eq!(page_named(&p, "II").map(|p| p.page), Ok(2));
        assert_eq!(page_named(&p, " 2 ").map(|p| p.page), Ok(4), "the label 2");
        assert_eq!(page_named(&p, "5").map(|p| p.page), Ok(5), "the 5th page");
        let missing = page_named(&p, "40").unwrap_err();
        assert!(missing.contains("no page “40”"), "{missing}");
        assert!(missing.contains("i–3 (1 to 5 by number)"), "{missing}");
        assert!(page_named(&p, "").is_err());
        assert!(page_named(&p, "0").is_err());
    }
}
