//! The article as screen readers get it (AccessKit): under the "Article
//! text" document, one paragraph node per paragraph in view holding its
//! text, and inside it one node per claim highlight, named by its number in
//! reading order and its verdict ("claim 3, False", described by its
//! statement). Built only
//! while an assistive technology asks for the tree (egui turns AccessKit on
//! then), so ordinary frames pay nothing.

use super::layout::ArticleView;
use super::{Reader, ReaderContext};
use crate::model::{Article, ClaimId};
use egui::{Role, Sense, Ui, UiBuilder, WidgetInfo};
use std::collections::HashMap;

impl Reader {
    /// Adds the paragraph and highlight nodes under `document`.
    pub(super) fn accessibility_nodes(
        &self,
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
        let numbers = cx.numbers;
        let builder = UiBuilder::new().accessibility_parent(document.id);
        ui.scope_builder(builder, |ui| {
            for &(index, rect) in &view.visible {
                let paragraph = &view.paragraphs[index];
                let text = article
                    .text
                    .get(paragraph.bytes.clone())
                    .unwrap_or_default();
                let id = document.id.with(("paragraph", index));
                let node = ui.interact(rect, id, Sense::hover());
                node.widget_info(|| WidgetInfo::labeled(Role::Paragraph, true, text));
                let Some(cached) = view.galleys.get(&index) else {
                    continue;
                };
                let inner = UiBuilder::new().accessibility_parent(id);
                ui.scope_builder(inner, |ui| {
                    for (span_index, span) in view.spans[index].iter().enumerate() {
                        let Some(local) = cached
                            .rects
                            .iter()
                            .find(|(i, _)| *i == span_index)
                            .map(|(_, r)| *r)
                        else {
                            continue;
                        };
                        let (name, statement) = highlight_name(cx, numbers, span.claim);
                        let mark_id = id.with(("claim", span.claim));
                        let mark = ui.interact(
                            local.translate(rect.min.to_vec2()),
                            mark_id,
                            Sense::hover(),
                        );
                        mark.widget_info(|| WidgetInfo::labeled(Role::Mark, true, &name));
                        ui.ctx().accesskit_node_builder(mark_id, |node| {
                            node.set_description(statement);
                        });
                    }
                });
            }
        });
    }
}

/// The name of a highlight, "claim 3, False" (or "claim 3, Unrated";
/// "claim 3, False, published" once published), numbered as in the
/// reports, and its description, the claim's statement.
fn highlight_name(
    cx: &ReaderContext,
    numbers: &HashMap<ClaimId, usize>,
    claim: ClaimId,
) -> (String, String) {
    let number = numbers.get(&claim).copied().unwrap_or(0);
    let Some(claim) = cx.workspace.claim(claim) else {
        return (format!("claim {number}"), String::new());
    };
    let verdict = claim
        .verdict
        .as_deref()
        .and_then(|k| cx.workspace.scale.get(k))
        .map_or("Unrated", |v| v.label.as_str());
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
