//! The article as screen readers get it (AccessKit): the "Article text"
//! document holds the whole text as text runs (`text_runs`, paragraphs out
//! of view included), with the caret and the selection, so a screen reader
//! reads it by caret, hears Shift+arrow selections before Ctrl+M, and can
//! move the caret itself; beside the runs, one node per claim highlight in
//! view, named by its number in reading order and its verdict ("claim 3,
//! False", described by its statement). Built only while an assistive
//! technology asks for the tree (egui turns AccessKit on then), so ordinary
//! frames pay nothing.

use super::layout::ArticleView;
use super::text_runs::{TextRun, article_runs, run_position};
use super::{Reader, ReaderContext, Selection};
use crate::model::{Article, ClaimId};
use egui::{Id, Rect, Role, Sense, Ui, UiBuilder, WidgetInfo, accesskit};

impl Reader {
    /// Adds the text runs, the caret and selection, and the highlight
    /// nodes under `document`; moves the caret or selection where a screen
    /// reader asks.
    pub(super) fn accessibility_nodes(
        &mut self,
        ui: &mut Ui,
        view: &ArticleView,
        article: &Article,
        cx: &ReaderContext,
        document: &egui::Response,
    ) {
        if ui
            .ctx()
            .accesskit_node_builder(document.id, |_| ())
            .is_none()
        {
            return; // AccessKit is off (or the text is hidden).
        }
        let runs = article_runs(view, &article.text);
        let run_ids: Vec<Id> = runs
            .iter()
            .map(|run| document.id.with(("run", run.chars.start)))
            .collect();
        self.take_screen_reader_selection(ui, document.id, &runs, &run_ids);
        let selection = self.selection.unwrap_or_else(|| {
            let start = view
                .visible
                .first()
                .map_or(0, |(i, _)| view.paragraphs[*i].chars.start);
            Selection {
                anchor: start,
                cursor: start,
            }
        });
        let position = |pos: usize| {
            run_position(&runs, pos).map(|(run, index)| accesskit::TextPosition {
                node: run_ids[run].accesskit_id(),
                character_index: index,
            })
        };
        if let (Some(anchor), Some(focus)) =
            (position(selection.anchor), position(selection.cursor))
        {
            ui.ctx().accesskit_node_builder(document.id, |node| {
                node.set_text_selection(accesskit::TextSelection { anchor, focus });
            });
        }
        let builder = UiBuilder::new().accessibility_parent(document.id);
        ui.scope_builder(builder, |ui| {
            add_run_nodes(ui, &article.text, &runs, &run_ids);
            add_highlight_nodes(ui, view, cx, document.id);
        });
    }

    /// A screen reader moved the caret or the selection (AT-SPI
    /// `SetCaretOffset`, `SetSelection`): the reader's selection follows.
    fn take_screen_reader_selection(
        &mut self,
        ui: &Ui,
        document: Id,
        runs: &[TextRun],
        run_ids: &[Id],
    ) {
        let requests: Vec<accesskit::ActionRequest> = ui.input(|i| {
            i.accesskit_action_requests(document, accesskit::Action::SetTextSelection)
                .cloned()
                .collect()
        });
        let char_of = |position: accesskit::TextPosition| {
            let run = run_ids
                .iter()
                .position(|id| id.accesskit_id() == position.node)?;
            let run = &runs[run];
            Some(run.chars.start + position.character_index.min(run.chars.len()))
        };
        for request in requests {
            let Some(accesskit::ActionData::SetTextSelection(selection)) = request.data else {
                continue;
            };
            if let (Some(anchor), Some(cursor)) =
                (char_of(selection.anchor), char_of(selection.focus))
            {
                self.selection = Some(Selection { anchor, cursor });
                self.scroll_to = Some(cursor);
            }
        }
    }
}

/// One node per text run, linked to its neighbours on the same line.
fn add_run_nodes(ui: &mut Ui, text: &str, runs: &[TextRun], ids: &[Id]) {
    for (index, run) in runs.iter().enumerate() {
        let id = ids[index];
        // Registers the run under the document (no hit area of its own).
        ui.interact(Rect::NOTHING, id, Sense::hover());
        let same_line = |other: usize| runs.get(other).is_some_and(|o| o.line == run.line);
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(Role::TextRun);
            match run.rtl {
                Some(true) => node.set_text_direction(accesskit::TextDirection::RightToLeft),
                Some(false) => node.set_text_direction(accesskit::TextDirection::LeftToRight),
                None => {}
            }
            if let Some(rect) = run.bounds {
                node.set_bounds(accesskit::Rect {
                    x0: rect.min.x.into(),
                    y0: rect.min.y.into(),
                    x1: rect.max.x.into(),
                    y1: rect.max.y.into(),
                });
            }
            if let Some((positions, widths)) = &run.metrics {
                node.set_character_positions(positions.clone());
                node.set_character_widths(widths.clone());
            }
            node.set_value(text.get(run.bytes.clone()).unwrap_or_default());
            node.set_character_lengths(run.char_lengths.clone());
            node.set_word_starts(run.word_starts.clone());
            if index > 0 && same_line(index - 1) {
                node.set_previous_on_line(ids[index - 1].accesskit_id());
            }
            if same_line(index + 1) {
                node.set_next_on_line(ids[index + 1].accesskit_id());
            }
        });
    }
}

/// One node per claim highlight in view, named by number and verdict.
fn add_highlight_nodes(ui: &mut Ui, view: &ArticleView, cx: &ReaderContext, document: Id) {
    for &(index, rect) in &view.visible {
        let Some(cached) = view.galleys.get(&index) else {
            continue;
        };
        for (span_index, span) in view.spans[index].iter().enumerate() {
            let Some(local) = cached
                .rects
                .iter()
                .find(|(i, _)| *i == span_index)
                .map(|(_, r)| *r)
            else {
                continue;
            };
            let (name, statement) = highlight_name(cx, span.claim);
            let mark_id = document.with(("claim", index, span.claim));
            let mark = ui.interact(local.translate(rect.min.to_vec2()), mark_id, Sense::hover());
            mark.widget_info(|| WidgetInfo::labeled(Role::Mark, true, &name));
            ui.ctx().accesskit_node_builder(mark_id, |node| {
                node.set_description(statement);
            });
        }
    }
}

/// The name of a highlight, "claim 3, False" (or "claim 3, Unrated";
/// "claim 3, False, published" once published), numbered as in the
/// reports, and its description, the claim's statement.
fn highlight_name(cx: &ReaderContext, claim: ClaimId) -> (String, String) {
    let number = cx.numbers.get(&claim).copied().unwrap_or(0);
    let Some(claim) = cx.workspace.claim(claim) else {
        return (format!("claim {number}"), String::new());
    };
    let verdict = cx.workspace.scale.label_of(claim.verdict.as_deref());
    let published = if claim.is_published() {
        ", published"
    } else {
        ""
    };
    (
        format!("claim {number}, {verdict}{published}"),
        crate::text::one_line(&claim.statement, 200),
    )
}
