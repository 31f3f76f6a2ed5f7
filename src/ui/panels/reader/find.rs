//! The find bar over the article (Ctrl+F): a phrase, the count of its
//! matches, next and previous (Enter / Shift+Enter in the field, F3 /
//! Shift+F3 anywhere), "Match case" and "Match diacritics", and *Mark
//! claim* on the current match. The current match is the reader's
//! selection, so Ctrl+M and the Mark button take it too. Matching itself is
//! [`crate::text::FoldedText`]; the folded article is kept while its text
//! and the options stay the same.

use super::{Reader, ReaderIntent, Selection};
use crate::model::{Article, ArticleId};
use crate::text::{FindOptions, FoldedText, step_match};
use crate::ui::widgets::name_widget;
use egui::{Key, Ui};

/// The find bar's state.
#[derive(Default)]
pub(super) struct FindBar {
    pub open: bool,
    pub query: String,
    pub options: FindOptions,
    /// The folded article, for (article, text revision, options).
    folded: Option<((ArticleId, u64), FoldedText)>,
    /// Every match of `query`, in article chars, in order.
    pub matches: Vec<(usize, usize)>,
    matches_for: Option<((ArticleId, u64), FindOptions, String)>,
    /// Index into `matches` of the match gone to last.
    current: Option<usize>,
    /// Give the phrase field the keyboard on the next frame.
    focus_field: bool,
    /// Whether the field had the keyboard at the end of last frame (egui
    /// takes it away on Escape before the frame starts).
    field_had_focus: bool,
}

impl FindBar {
    /// Recomputes the matches when the phrase, the options or the text changed.
    fn refresh(&mut self, article: &Article, text_revision: u64) {
        let text_key = (article.id, text_revision);
        let wanted = (text_key, self.options, self.query.clone());
        if self.matches_for.as_ref() == Some(&wanted) {
            return;
        }
        let folded_fits = self
            .folded
            .as_ref()
            .is_some_and(|(key, f)| *key == text_key && f.options() == self.options);
        if !folded_fits {
            self.folded = Some((text_key, FoldedText::new(&article.text, self.options)));
        }
        self.matches = match &self.folded {
            Some((_, folded)) => folded.find_all(&self.query),
            None => Vec::new(),
        };
        self.current = None;
        self.matches_for = Some(wanted);
    }

    /// The match `current` stands for, if the selection is still on it.
    fn current_at(&self, selection: Option<(usize, usize)>) -> Option<usize> {
        let i = self.current?;
        (self.matches.get(i).copied() == selection).then_some(i)
    }
}

impl Reader {
    /// Opens the find bar (Ctrl+F) with the keyboard in its field; a
    /// selection on one line becomes the phrase.
    pub fn open_find(&mut self, article: &Article) {
        if let Some(text) = self.selected_text(article)
            && !text.contains('\n')
            && text.chars().count() <= 200
        {
            self.find.query = text;
        }
        self.find.open = true;
        self.find.focus_field = true;
    }

    /// Whether the find bar is showing.
    pub fn find_open(&self) -> bool {
        self.find.open
    }

    /// The matches of the find bar's phrase (article chars), as of the last
    /// frame; empty while the bar is closed.
    pub fn find_matches(&self) -> &[(usize, usize)] {
        if self.find.open {
            &self.find.matches
        } else {
            &[]
        }
    }

    /// Goes to the next (or previous) match (F3, Shift+F3), opening the
    /// bar when it is closed.
    pub fn find_step(&mut self, article: &Article, text_revision: u64, forward: bool) {
        if !self.find.open {
            self.open_find(article);
        }
        self.find.refresh(article, text_revision);
        let selection = self.selection.map(Selection::range);
        let current = self.find.current_at(selection);
        let from = self.selection.map_or(0, |s| s.cursor);
        let Some(next) = step_match(&self.find.matches, current, from, forward) else {
            return;
        };
        self.find.current = Some(next);
        let (start, end) = self.find.matches[next];
        self.set_selection(start, end);
        self.scroll_to = Some(start);
    }

    /// Closes the bar and gives the article the keyboard.
    fn close_find(&mut self) {
        self.find.open = false;
        self.request_focus = true;
    }

    /// The find bar's row, when open.
    pub(super) fn find_bar(
        &mut self,
        ui: &mut Ui,
        article: &Article,
        text_revision: u64,
        intents: &mut Vec<ReaderIntent>,
    ) {
        if !self.find.open {
            return;
        }
        self.find.refresh(article, text_revision);
        let field_id = ui.make_persistent_id("find-in-article");
        let keys = FindKeys::read(ui, field_id);
        let mut step = None;
        // Wrapped, so a narrow article column never grows to fit the bar.
        ui.horizontal_wrapped(|ui| {
            let field = self.find_field(ui, field_id);
            if keys.had_focus && keys.enter {
                step = Some(!keys.shift);
                field.request_focus();
            }
            self.find.refresh(article, text_revision);
            let current = self.find.current_at(self.selection());
            let count = match_count(current, self.find.matches.len(), &self.find.query);
            ui.label(count);
            step = step_buttons(ui, !self.find.matches.is_empty()).or(step);
            ui.checkbox(&mut self.find.options.match_case, "Match case");
            ui.checkbox(&mut self.find.options.match_diacritics, "Match diacritics");
            if mark_button(ui, current.is_some()) {
                intents.push(ReaderIntent::MarkClaim);
            }
            if close_button(ui) || (self.find.field_had_focus && keys.escape) {
                self.close_find();
            }
            self.find.field_had_focus = field.has_focus();
        });
        if let Some(forward) = step {
            self.find_step(article, text_revision, forward);
        }
    }

    /// The phrase field, given the keyboard when the bar was just opened.
    fn find_field(&mut self, ui: &mut Ui, field_id: egui::Id) -> egui::Response {
        let response = ui.add(
            egui::TextEdit::singleline(&mut self.find.query)
                .id(field_id)
                .hint_text("Find in article")
                .desired_width(180.0),
        );
        name_widget(ui, &response, "Find in article");
        if std::mem::take(&mut self.find.focus_field) {
            response.request_focus();
        }
        response
    }
}

/// The keys the find bar answers this frame, and whether its field had
/// the keyboard before them.
struct FindKeys {
    had_focus: bool,
    enter: bool,
    shift: bool,
    escape: bool,
}

impl FindKeys {
    fn read(ui: &Ui, field_id: egui::Id) -> Self {
        // A single-line field lets go of the keyboard on Enter and Escape in
        // the same frame, so ask first whether it has it.
        let had_focus = ui.memory(|m| m.has_focus(field_id));
        ui.input(|i| FindKeys {
            had_focus,
            enter: i.key_pressed(Key::Enter),
            shift: i.modifiers.shift,
            escape: i.key_pressed(Key::Escape),
        })
    }
}

/// Previous and Next, enabled when there are matches; which way to step
/// when one is clicked (forward for Next).
fn step_buttons(ui: &mut Ui, some: bool) -> Option<bool> {
    let mut step = None;
    if ui
        .add_enabled(some, egui::Button::new("Previous"))
        .on_hover_text("Previous match (Shift+Enter, Shift+F3)")
        .clicked()
    {
        step = Some(false);
    }
    if ui
        .add_enabled(some, egui::Button::new("Next"))
        .on_hover_text("Next match (Enter, F3)")
        .clicked()
    {
        step = Some(true);
    }
    step
}

/// "Mark claim" on the current match; whether it was clicked.
fn mark_button(ui: &mut Ui, on_a_match: bool) -> bool {
    ui.add_enabled(on_a_match, egui::Button::new("Mark claim"))
        .on_hover_text("Mark the current match as a claim")
        .on_disabled_hover_text("Go to a match first (Enter)")
        .clicked()
}

/// "Close"; whether it was clicked.
fn close_button(ui: &mut Ui) -> bool {
    ui.button("Close")
        .on_hover_text("Close the find bar (Escape)")
        .clicked()
}

/// "3 of 12", "12 matches", "No matches", or nothing before a phrase is typed.
fn match_count(current: Option<usize>, total: usize, query: &str) -> String {
    match (current, total) {
        _ if query.is_empty() => String::new(),
        (_, 0) => "No matches".to_owned(),
        (Some(i), n) => format!("{} of {n}", i + 1),
        (None, 1) => "1 match".to_owned(),
        (None, n) => format!("{n} matches"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_says_where_the_current_match_is() {
        assert_eq!(match_count(None, 0, ""), "");
        assert_eq!(match_count(None, 0, "x"), "No matches");
        assert_eq!(match_count(None, 1, "x"), "1 match");
        assert_eq!(match_count(None, 12, "x"), "12 matches");
        assert_eq!(match_count(Some(2), 12, "x"), "3 of 12");
    }

    #[test]
    fn matches_follow_the_phrase_the_options_and_the_text() {
        let mut article = Article::new("Т", "Путин, ПУТИН и путин.");
        let mut bar = FindBar {
            query: "путин".into(),
            ..FindBar::default()
        };
        bar.refresh(&article, 1);
        assert_eq!(bar.matches, [(0, 5), (7, 12), (15, 20)]);
        bar.options.match_case = true;
        bar.refresh(&article, 1);
        assert_eq!(bar.matches, [(15, 20)]);
        article.text = "путин".into();
        bar.refresh(&article, 2);
        assert_eq!(
            bar.matches,
            [(0, 5)],
            "a new text revision folds the new text"
        );
    }
}
