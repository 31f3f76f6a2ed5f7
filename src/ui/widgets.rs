//! Small pieces shared by the panels and dialogs.

/// Gives a widget an accessible name (what screen readers say, and what
/// tests find it by), for fields whose visible label is a separate widget.
/// A named widget that just got the keyboard — by Tab, or from a screen
/// reader (AT-SPI `grabFocus`) — is scrolled into view: egui scrolls a
/// text field only once its text changes.
pub(crate) fn name_widget(ui: &egui::Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
}

/// A verdict's colour as egui paints it.
pub fn verdict_colour(verdict: &crate::model::Verdict) -> egui::Color32 {
    let crate::model::Rgb(r, g, b) = verdict.colour;
    egui::Color32::from_rgb(r, g, b)
}

/// Text colour that reads on a fill of the verdict's colour.
pub fn text_on_verdict(verdict: &crate::model::Verdict) -> egui::Color32 {
    if verdict.colour.wants_dark_text() {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    }
}

/// One button of a [`choice_prompt`] row.
#[derive(Clone, Debug)]
pub struct Choice<'a, T> {
    pub label: &'a str,
    pub value: T,
    pub enabled: bool,
}

impl<'a, T> Choice<'a, T> {
    pub fn new(label: &'a str, value: T) -> Self {
        Choice {
            label,
            value,
            enabled: true,
        }
    }

    /// Greyed out unless `enabled`.
    pub fn enabled(self, enabled: bool) -> Self {
        Choice { enabled, ..self }
    }
}

/// A row of buttons; the value of the one clicked.
pub fn choice_row<T: Clone>(ui: &mut egui::Ui, choices: &[Choice<'_, T>]) -> Option<T> {
    let mut picked = None;
    ui.horizontal(|ui| {
        for choice in choices {
            if ui
                .add_enabled(choice.enabled, egui::Button::new(choice.label))
                .clicked()
            {
                picked = Some(choice.value.clone());
            }
        }
    });
    picked
}

/// How a modal prompt looks: its id, width and title.
#[derive(Clone, Copy, Debug)]
pub struct PromptFrame<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub width: f32,
}

/// The skeleton of every modal prompt: a modal window of `frame.width`
/// with `frame.title` as heading, then `body`, which answers (`Some`) or
/// not yet (`None`). Escape or a click outside answers `on_escape`, when
/// there is one (a prompt without it can only be answered by a button).
pub fn modal_prompt<T>(
    ctx: &egui::Context,
    frame: PromptFrame<'_>,
    on_escape: Option<T>,
    body: impl FnOnce(&mut egui::Ui) -> Option<T>,
) -> Option<T> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique(("prompt", frame.id))).show(ctx, |ui| {
        ui.set_max_width(frame.width);
        name_dialog(ui, frame.title);
        ui.heading(frame.title);
        answer = body(ui);
    });
    if answer.is_none() && modal.should_close() {
        answer = on_escape;
    }
    answer
}

/// Names the modal dialog `ui` is in (screen readers otherwise announce
/// an unnamed dialog): its title.
pub fn name_dialog(ui: &egui::Ui, name: &str) {
    let dialog = ui
        .stack()
        .iter()
        .find(|frame| frame.kind() == Some(egui::UiKind::Modal))
        .map(|frame| frame.unique_id);
    if let Some(dialog) = dialog {
        ui.ctx().accesskit_node_builder(dialog, |node| {
            node.set_label(name);
        });
    }
}

/// A modal question: a title, a message, a row of choices. Escape (or a
/// click outside) answers `on_escape` when given.
pub fn choice_prompt<T: Clone>(
    ctx: &egui::Context,
    frame: PromptFrame<'_>,
    message: &str,
    choices: &[Choice<'_, T>],
    on_escape: Option<T>,
) -> Option<T> {
    modal_prompt(ctx, frame, on_escape, |ui| {
        ui.add(egui::Label::new(message).wrap().selectable(true));
        ui.add_space(8.0);
        choice_row(ui, choices)
    })
}

/// A label, then a text field named after it for screen readers and
/// tests; in a grid the two take one row's cells (the caller ends the row).
pub fn labelled_field(ui: &mut egui::Ui, label: &str, edit: egui::TextEdit<'_>) -> egui::Response {
    labelled_field_named(ui, label, label, edit)
}

/// Like [`labelled_field`], with an accessible name other than the label.
pub fn labelled_field_named(
    ui: &mut egui::Ui,
    label: &str,
    name: &str,
    edit: egui::TextEdit<'_>,
) -> egui::Response {
    ui.label(label);
    let response = ui.add(edit);
    name_widget(ui, &response, name);
    response
}

/// A label, then a combo box named `name` for screen readers and tests
/// (the visible label is a separate widget); `combo` says its id, shown
/// text and size, `options` draws its choices. In a grid the two take one
/// row's cells (the caller ends the row).
pub fn labelled_combo<R>(
    ui: &mut egui::Ui,
    label: &str,
    name: &str,
    combo: egui::ComboBox,
    options: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    ui.label(label);
    let response = self::combo(ui, combo, options);
    name_widget(ui, &response.response, name);
    response
}

/// Gives a text field the keyboard with all of `text` (its content)
/// selected, so typing replaces it and arrows start from either end; a
/// caret left from another text (the field of another claim) never lands
/// mid-word.
pub fn focus_with_all_selected(ui: &egui::Ui, response: &egui::Response, text: &str) {
    response.request_focus();
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), response.id).unwrap_or_default();
    let all = egui::text_selection::CCursorRange::select_all_str(text);
    state.cursor.set_char_range(Some(all));
    state.store(ui.ctx(), response.id);
}

/// A link that opens in the browser, with a context menu (right click or
/// the menu key) to copy its address or open it. Only a web or mail address
/// ([`crate::model::url_opens_in_browser`]) is a link; anything else
/// (`file://`, a bare path) is plain text whose address can be copied.
pub fn link(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>, url: &str) -> egui::Response {
    if !crate::model::url_opens_in_browser(url) {
        return address_as_text(ui, text, url);
    }
    let response = ui
        .add(egui::Hyperlink::from_label_and_url(text, url))
        .on_hover_text(format!(
            "{}\nClick to open in the browser; right-click to copy",
            crate::text::readable_address(url)
        ));
    response.context_menu(|ui| {
        if ui.button("Copy link address").clicked() {
            ui.ctx().copy_text(url.to_owned());
            ui.close();
        }
        if ui.button("Open in the browser").clicked() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
            ui.close();
        }
    });
    response
}

/// An address that is not opened from Factbench, shown as text with a
/// context menu to copy it.
fn address_as_text(
    ui: &mut egui::Ui,
    text: impl Into<egui::WidgetText>,
    url: &str,
) -> egui::Response {
    let response = ui.label(text).on_hover_text(format!(
        "{url}\nNot opened from Factbench: only web (http, https) and mailto addresses open; right-click to copy"
    ));
    response.context_menu(|ui| {
        if ui.button("Copy link address").clicked() {
            ui.ctx().copy_text(url.to_owned());
            ui.close();
        }
    });
    response
}

/// Under a URL field: a warning when the URL is filled in without
/// `http://` or `https://` (it would print as plain text in reports, and
/// `factbench check` lists it). Draws nothing for a good or empty URL.
pub fn url_warning(ui: &mut egui::Ui, url: &str) {
    if crate::model::url_lacks_scheme(url) {
        ui.colored_label(ui.visuals().warn_fg_color, "⚠ Start the URL with https://")
            .on_hover_text(
                "Without https:// (or http://) the report prints it as plain text that readers cannot follow; factbench check lists it too.",
            );
    }
}

/// A child of `ui` filling its whole space that cannot make it wider: a
/// resizable side panel drawn through it keeps the width the user gave it
/// whatever it shows (a wide title is clipped, never widens the panel, so
/// the article beside it is not wrapped again). The space is taken in
/// `ui` at once.
pub fn steady_width_child(ui: &mut egui::Ui) -> egui::Ui {
    let rect = ui.max_rect();
    ui.expand_to_include_rect(rect);
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    child.set_clip_rect(rect.intersect(ui.clip_rect()));
    child
}

/// A line with right-to-left text, in display order (egui has no bidi
/// step; the row's accessible name keeps the logical text): cut in
/// logical order, so a long Arabic statement shows its beginning, then
/// reordered.
pub fn display_ordered_line(
    ui: &egui::Ui,
    text: &str,
    font: egui::FontId,
    colour: egui::Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let lay_out = |shown: String| {
        let ordered = crate::text::display_order(&shown).into_owned();
        ui.painter().layout_no_wrap(ordered, font.clone(), colour)
    };
    let whole = lay_out(text.to_owned());
    if whole.size().x <= width {
        return whole;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = ((chars.len() as f32 * width / whole.size().x) as usize).min(chars.len());
    loop {
        let cut: String = chars[..keep].iter().collect::<String>() + "…";
        let galley = lay_out(cut);
        if galley.size().x <= width || keep == 0 {
            return galley;
        }
        keep -= 1;
    }
}

/// Shows a combo box that works from the keyboard as it does from the
/// mouse: Enter or Space on an entry picks it *and closes the list*, and a
/// list closed from the keyboard (a pick, or Escape) gives the keyboard
/// back to the box, so Tab goes on from there. egui alone leaves the list
/// open after a keyboard pick and the keyboard nowhere once it closes.
pub fn combo<R>(
    ui: &mut egui::Ui,
    combo: egui::ComboBox,
    options: impl FnOnce(&mut egui::Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    let shown = combo.show_ui(ui, |ui| {
        let inner = options(ui);
        if picked_from_the_keyboard(ui) {
            ui.close();
        }
        inner
    });
    let was_open_id = shown.response.id.with("open-last-frame");
    let open_now = shown.inner.is_some();
    let was_open = ui.ctx().data_mut(|d| {
        let was = d.get_temp::<bool>(was_open_id).unwrap_or(false);
        d.insert_temp(was_open_id, open_now);
        was
    });
    let clicked = ui.input(|i| i.pointer.any_click());
    if was_open && !open_now && !clicked {
        shown.response.request_focus();
    }
    describe_with_value(ui, &shown.response);
    shown
}

/// The combo box's current value as its description too: AT-SPI (the
/// Linux accessibility bus) carries no text value for a combo box, so a
/// screen reader would say "Status, combo box" and not what it is set to.
fn describe_with_value(ui: &egui::Ui, response: &egui::Response) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        if let Some(value) = node.value().map(str::to_owned) {
            node.set_description(value);
        }
    });
}

/// Whether Enter or Space was pressed on a widget of this (popup) layer.
fn picked_from_the_keyboard(ui: &egui::Ui) -> bool {
    let key = ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Space));
    key && ui
        .ctx()
        .memory(|m| m.focused())
        .and_then(|id| ui.ctx().read_response(id))
        .is_some_and(|r| r.layer_id == ui.layer_id())
}

/// What a "go to" prompt's field and buttons asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoToPressed {
    Go,
    Cancel,
}

/// The field and buttons of a "go to" prompt (Go to page, Go to time):
/// a one-line field named `name` with `hint`, which takes the keyboard
/// when the prompt opens (`focused` remembers that it did) and keeps it
/// after Enter; the `problem` with the last try under it; Go (or Enter)
/// and Cancel.
pub fn go_to_field(
    ui: &mut egui::Ui,
    text: &mut String,
    focused: &mut bool,
    problem: Option<&str>,
    (hint, name): (&str, &str),
) -> Option<GoToPressed> {
    let field = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    );
    name_widget(ui, &field, name);
    let typing = field.has_focus() || field.lost_focus();
    let enter = typing && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if !std::mem::replace(focused, true) || enter {
        field.request_focus();
    }
    if let Some(problem) = problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.add_space(6.0);
    let pressed = choice_row(
        ui,
        &[
            Choice::new("Go", GoToPressed::Go),
            Choice::new("Cancel", GoToPressed::Cancel),
        ],
    );
    pressed.or(enter.then_some(GoToPressed::Go))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_arabic_line_keeps_its_beginning_and_is_reordered() {
        let ctx = egui::Context::default();
        crate::ui::fonts::install(&ctx);
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::FontId::proportional(14.0);
            let text = "1. قال المتحدث إن عدد الضحايا بلغ 123 شخصا في المدينة";
            let colour = egui::Color32::WHITE;
            let galley = super::display_ordered_line(ui, text, font.clone(), colour, 150.0);
            let shown = galley.job.text.as_str();
            assert!(galley.size().x <= 150.0, "{}", galley.size().x);
            assert!(
                shown.contains("قال"),
                "the logical beginning is kept: {shown}"
            );
            assert!(!shown.contains("المدينة"), "the end is cut: {shown}");
            // In display order: the ellipsis (after the cut, logically) is
            // drawn left of the first Arabic word.
            assert!(shown.find('…') < shown.find("قال"), "{shown}");
            let short = super::display_ordered_line(ui, "مرحبا World", font, colour, 400.0);
            assert_eq!(short.job.text, "World مرحبا");
        })
        .drop_without_applying_deltas();
    }
}
