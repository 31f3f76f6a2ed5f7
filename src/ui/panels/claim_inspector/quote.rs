//! The inspector's Quote section: where the claim sits, the quote in its
//! context, and the buttons that adjust it — either end moved by a word or
//! a character, or the whole quote put on the article's selection. The
//! buttons are the same [`Action`]s as the menu entries and shortcuts.

use super::InspectorIntent;
use crate::model::{Claim, Workspace};
use crate::text::{SpanEnd, Step};
use crate::ui::actions::{Action, ActionContext, SpanMove};
use egui::{RichText, Ui};

pub(super) fn quote_section(
    ui: &mut Ui,
    ws: &Workspace,
    claim: &Claim,
    cx: &ActionContext,
    out: &mut Vec<InspectorIntent>,
) {
    if let Some(media) = &claim.media {
        return media_section(ui, ws, claim, media);
    }
    ui.horizontal_wrapped(|ui| {
        ui.strong("Quote");
        if ui.small_button("Show in article").clicked() {
            out.push(InspectorIntent::Reveal(claim.id));
        }
    });
    let article = ws
        .article(claim.article)
        .map_or("(missing article)", |a| a.title.as_str());
    let place = format!(
        "characters {}–{} of “{}”",
        claim.anchor.start,
        claim.anchor.end,
        crate::ui::bidi_text::isolate(article)
    );
    let shown = crate::ui::bidi_text::one_line(&place);
    let label = ui.add(egui::Label::new(RichText::new(shown).weak()).truncate());
    crate::ui::bidi_text::name_as_written(ui, &label, &crate::ui::bidi_text::logical(&place));
    super::moment::moment_section(ui, ws, claim, out);
    quote_in_context(ui, claim);
    adjust_buttons(ui, cx, out);
}

/// A claim about media quotes no text: what it is about ("Video
/// 12:03–12:19:" and a link opening the media there) and where it appeared.
fn media_section(ui: &mut Ui, ws: &Workspace, claim: &Claim, media: &crate::model::MediaTarget) {
    ui.strong("Media");
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", media.short_label()));
        let link = crate::export::moment::media_target_link(media);
        let url = media.url.trim();
        crate::ui::widgets::link(
            ui,
            crate::text::readable_address(url),
            link.as_deref().unwrap_or(url),
        );
    });
    let article = ws
        .article(claim.article)
        .map_or("(missing article)", |a| a.title.as_str());
    let place = format!("in “{article}”");
    ui.add(egui::Label::new(RichText::new(place).weak()).truncate());
}

fn quote_in_context(ui: &mut Ui, claim: &Claim) {
    let anchor = &claim.anchor;
    if crate::text::has_rtl(&anchor.exact) || crate::text::has_rtl(&anchor.prefix) {
        // Laid out by the bidi step, the quote on the selection's colour.
        let prefix = format!("…{}", anchor.prefix.replace('\n', " "));
        let start = prefix.chars().count();
        let text = format!(
            "{prefix}{}{}…",
            anchor.exact,
            anchor.suffix.replace('\n', " ")
        );
        let ground = ui.visuals().selection.bg_fill.gamma_multiply(0.5);
        let end = start + anchor.exact.chars().count();
        let quote = std::iter::once(start..end).collect::<Vec<_>>();
        crate::ui::bidi_text::highlighted_label(ui, &text, &quote, ground);
        return;
    }
    let weak = ui.visuals().weak_text_color();
    let mut job = egui::text::LayoutJob::default();
    let body = egui::FontId::proportional(14.0);
    let context = |text: &str| text.replace('\n', " ");
    job.append(
        &format!("…{}", context(&claim.anchor.prefix)),
        0.0,
        egui::TextFormat::simple(body.clone(), weak),
    );
    job.append(
        &claim.anchor.exact,
        0.0,
        egui::TextFormat {
            background: ui.visuals().selection.bg_fill.gamma_multiply(0.5),
            ..egui::TextFormat::simple(body.clone(), ui.visuals().strong_text_color())
        },
    );
    job.append(
        &format!("{}…", context(&claim.anchor.suffix)),
        0.0,
        egui::TextFormat::simple(body, weak),
    );
    ui.add(egui::Label::new(job).wrap().selectable(true));
}

/// Two rows of arrows, one per end of the quote (⏴⏴ a word, ⏴ a
/// character), and *Re-anchor to selection*.
fn adjust_buttons(ui: &mut Ui, cx: &ActionContext, out: &mut Vec<InspectorIntent>) {
    for (end, name) in [(SpanEnd::Start, "Start"), (SpanEnd::End, "End")] {
        ui.horizontal_wrapped(|ui| {
            ui.label(name);
            for (step, forward, glyph) in [
                (Step::Word, false, "⏴⏴ word"),
                (Step::Char, false, "⏴ char"),
                (Step::Char, true, "char ⏵"),
                (Step::Word, true, "word ⏵⏵"),
            ] {
                let action = Action::AdjustSpan(SpanMove { end, step, forward });
                action_button(ui, cx, action, glyph, out);
            }
        });
    }
    action_button(
        ui,
        cx,
        Action::ReanchorToSelection,
        Action::ReanchorToSelection.label().as_ref(),
        out,
    );
}

/// A small button doing `action`, greyed out when it cannot apply, named
/// after the action for screen readers and tests.
fn action_button(
    ui: &mut Ui,
    cx: &ActionContext,
    action: Action,
    text: &str,
    out: &mut Vec<InspectorIntent>,
) {
    // Tooltip and name are made only when shown or asked for, not every frame.
    let tooltip = |ui: &mut Ui| {
        ui.label(action.tooltip(ui.ctx()));
    };
    let response = ui
        .add_enabled(action.enabled(cx), egui::Button::new(text).small())
        .on_hover_ui(tooltip)
        .on_disabled_hover_ui(tooltip);
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(action.label()));
    if response.clicked() {
        out.push(InspectorIntent::Action(action));
    }
}
