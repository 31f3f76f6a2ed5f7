//! Marking claims in the reader: selecting text with the mouse and the
//! keyboard and pressing Ctrl+M gives a claim with the exact quote and
//! char offsets, in Latin, Cyrillic and Chinese articles.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::slice_chars;

/// Clicks at the start of the text, extends the selection by `chars`
/// with Shift+Right, marks it, and returns the new claim's anchor.
fn mark_first_chars(text: &str, chars: usize) -> (factbench::Anchor, factbench::ui::FactbenchApp) {
    let mut harness = harness(app(one_article("Article", text), vec![]));
    click_text_start(&mut harness);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, chars);
    assert_eq!(harness.state().text_selection(), Some((0, chars)));
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    let statement = harness.get_by_role_and_label(egui::Role::MultilineTextInput, "Statement");
    assert!(
        statement.is_focused(),
        "the inspector puts the cursor in the statement"
    );
    let state = harness.into_state();
    let claim = state
        .workspace()
        .claims
        .last()
        .expect("a claim was marked")
        .clone();
    assert_eq!(
        state.selected_claim(),
        Some(claim.id),
        "the new claim is selected"
    );
    (claim.anchor, state)
}

#[test]
fn marks_a_latin_selection_with_exact_quote_and_context() {
    let text = "Zelenskyy accused China of supplying Russia with weapons.\nSecond paragraph.";
    let (anchor, app) = mark_first_chars(text, 9);
    assert_eq!((anchor.start, anchor.end), (0, 9));
    assert_eq!(anchor.exact, "Zelenskyy");
    assert_eq!(anchor.suffix, " accused China of supplying Russ");
    assert!(app.document().is_dirty());
}

#[test]
fn marks_a_cyrillic_selection() {
    let text = "Зеленский обвинил Китай в поставках оружия России.";
    let (anchor, _) = mark_first_chars(text, 17);
    assert_eq!(anchor.exact, "Зеленский обвинил");
    assert_eq!((anchor.start, anchor.end), (0, 17));
}

#[test]
fn marks_a_chinese_selection_in_simplified_and_traditional() {
    let text = "外交部发言人表示，中方始终保持中立。\n習近平將訪問莫斯科。";
    let (anchor, _) = mark_first_chars(text, 6);
    assert_eq!(anchor.exact, "外交部发言人");
    assert_eq!(anchor.suffix.chars().next(), Some('表'));
}

#[test]
fn a_mouse_drag_selects_text_and_the_mark_button_marks_it() {
    let text = "Officials called the claim completely unfounded on Tuesday.";
    let mut harness = harness(app(one_article("Drag", text), vec![]));
    let rect = harness.get_by_label("Article text").rect();
    let from = rect.min + egui::vec2(1.0, 10.0);
    let to = from + egui::vec2(120.0, 0.0);
    harness.drag_at(from);
    harness.run_steps(1);
    harness.hover_at(from + egui::vec2(60.0, 0.0));
    harness.run_steps(1);
    harness.hover_at(to);
    harness.run_steps(1);
    harness.drop_at(to);
    harness.run_steps(2);
    let (start, end) = harness
        .state()
        .text_selection()
        .expect("the drag selected text");
    assert_eq!(start, 0);
    assert!(
        end > 5 && end < text.chars().count(),
        "selected {start}..{end}"
    );
    // Two buttons mark: one in the bar above the text, one beside the selection.
    let buttons: Vec<_> = harness.get_all_by_label("Mark claim (Ctrl+M)").collect();
    assert_eq!(
        buttons.len(),
        2,
        "the floating button shows beside the selection"
    );
    buttons[1].click();
    harness.run_steps(2);
    let claim = harness.state().workspace().claims.last().unwrap().clone();
    assert_eq!(claim.anchor.exact, slice_chars(text, start, end).unwrap());
    assert_eq!(claim.statement, claim.anchor.exact);
}

#[test]
fn marking_with_no_selection_explains_instead_of_failing_silently() {
    let mut harness = harness(app(one_article("Empty", "Some text."), vec![]));
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    assert!(harness.state().workspace().claims.is_empty());
    assert!(
        harness
            .state()
            .errors()
            .any(|(title, _)| title == "Nothing to mark")
    );
}

#[test]
fn clicking_a_highlight_selects_its_claim_and_nested_claims_are_reachable() {
    let text = "The ministry said exports of machine tools rose by 38 per cent last year.";
    let mut ws = one_article("Nested", text);
    let article = ws.articles[0].id;
    let outer = factbench::Claim::new(
        article,
        factbench::anchor::capture(text, 0, 40).unwrap(),
        "",
    );
    let inner = factbench::Claim::new(
        article,
        factbench::anchor::capture(text, 0, 12).unwrap(),
        "",
    );
    let (outer_id, inner_id) = (outer.id, inner.id);
    ws.claims.push(outer);
    ws.claims.push(inner);
    let mut harness = harness(app(ws, vec![]));
    click_text_start(&mut harness);
    assert_eq!(
        harness.state().selected_claim(),
        Some(inner_id),
        "the innermost claim first"
    );
    click_text_start(&mut harness);
    assert_eq!(
        harness.state().selected_claim(),
        Some(outer_id),
        "a second click reaches the outer claim"
    );
}

#[test]
fn shift_click_extends_the_selection() {
    let text = "Officials called the claim completely unfounded on Tuesday.";
    let mut harness = harness(app(one_article("Shift", text), vec![]));
    click_text_start(&mut harness);
    let rect = harness.get_by_label("Article text").rect();
    let pos = rect.min + egui::vec2(150.0, 10.0);
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        });
        harness.run_steps(1);
    }
    let (start, end) = harness.state().text_selection().expect("a selection");
    assert_eq!(start, 0);
    assert!(end > 10, "extended to {end}");
}

#[test]
fn picking_a_far_claim_scrolls_a_long_article_to_it_and_the_wheel_scrolls() {
    let ws = factbench::sample::generated_workspace(1, 200_000, 300);
    let far = ws
        .claims
        .iter()
        .max_by_key(|c| c.anchor.start)
        .unwrap()
        .clone();
    let mut harness = harness(app(ws, vec![]));
    assert_eq!(
        harness.state_mut().reader_mut().first_visible_char(),
        Some(0)
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, far.id);
    harness.run_steps(4);
    let shown = harness.state_mut().reader_mut().visible_chars().unwrap();
    assert!(
        shown.contains(&far.anchor.start),
        "claim at {} not in view {shown:?}",
        far.anchor.start
    );
    // Back to the top, then the mouse wheel brings later text into view.
    let first = ws_first_claim(&harness);
    harness.state_mut().select_claim(&ctx, first);
    harness.run_steps(4);
    let before = harness
        .state_mut()
        .reader_mut()
        .first_visible_char()
        .unwrap();
    let rect = harness.get_by_label("Article text").rect();
    harness.hover_at(egui::pos2(rect.center().x, 400.0));
    for _ in 0..10 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(10);
    let after = harness
        .state_mut()
        .reader_mut()
        .first_visible_char()
        .unwrap();
    assert!(after > before, "scrolled from {before} to {after}");
}

fn ws_first_claim(
    harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
) -> factbench::ClaimId {
    harness
        .state()
        .workspace()
        .claims
        .iter()
        .min_by_key(|c| c.anchor.start)
        .unwrap()
        .id
}

#[test]
fn copy_puts_the_selected_article_text_on_the_clipboard() {
    let text = "Зеленский обвинил Китай в поставках оружия России.";
    let mut harness = harness(app(one_article("Copy", text), vec![]));
    click_text_start(&mut harness);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 9);
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<&egui::OutputCommand> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter(|c| matches!(c, egui::OutputCommand::CopyText(_)))
        .collect();
    assert_eq!(
        copied,
        vec![&egui::OutputCommand::CopyText("Зеленский".into())]
    );
}

#[test]
fn hovering_a_highlight_names_its_claims() {
    let text = "The ministry said exports of machine tools rose by 38 per cent last year.";
    let mut ws = one_article("Hover", text);
    let article = ws.articles[0].id;
    let mut claim = factbench::Claim::new(
        article,
        factbench::anchor::capture(text, 0, 30).unwrap(),
        "",
    );
    claim.statement = "Exports of machine tools rose".into();
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let rect = harness.get_by_label("Article text").rect();
    harness.hover_at(rect.min + egui::vec2(20.0, 10.0));
    for _ in 0..10 {
        harness.step();
    }
    assert!(
        harness
            .query_by_label("Exports of machine tools rose")
            .is_some(),
        "the tooltip names the claim"
    );
}

#[test]
fn a_digit_right_after_marking_gives_the_verdict_instead_of_typing() {
    let text = "Zelenskyy accused China of supplying Russia with weapons.";
    let mut harness = harness(app(one_article("Verdict", text), vec![]));
    click_text_start(&mut harness);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 9);
    press(&mut harness, Modifiers::COMMAND, Key::M, 1);
    // A real keyboard sends both the key and its text.
    harness.key_press(Key::Num4);
    harness.event(egui::Event::Text("4".into()));
    harness.run_steps(2);
    let claim = harness.state().workspace().claims[0].clone();
    let fourth = harness.state().workspace().scale.verdicts[3].key.clone();
    assert_eq!(claim.verdict, Some(fourth));
    assert_eq!(claim.statement, "Zelenskyy", "the digit was not typed");
    // After that, digits type into the statement as usual (End first: the
    // whole statement is selected after marking, so typing would replace it).
    press(&mut harness, Modifiers::NONE, Key::End, 1);
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Statement")
        .type_text(" 2");
    harness.run_steps(2);
    let claim = harness.state().workspace().claims[0].clone();
    assert_eq!(claim.statement, "Zelenskyy 2");
}

#[test]
fn arrows_and_double_click_keep_accents_and_emoji_whole() {
    // "Cafe\u{301}" is 5 chars, 👩‍👩‍👧 5, then " Путин".
    let text = "Cafe\u{301} 👩‍👩‍👧 Путин";
    // Frames of 0.1 s, so that two clicks can make a double click.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(0.1)
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(
            |ui, app: &mut factbench::ui::FactbenchApp| app.show(ui),
            app(one_article("Clusters", text), vec![]),
        );
    harness.run_steps(3);
    click_text_start(&mut harness);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 4);
    assert_eq!(
        harness.state().text_selection(),
        Some((0, 5)),
        "four steps reach past the accent"
    );
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 2);
    assert_eq!(harness.state().text_selection(), Some((0, 11)));
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((0, 6)),
        "one step back skips the whole family emoji"
    );
    let word = Modifiers::SHIFT | Modifiers::COMMAND;
    press(&mut harness, word, Key::ArrowRight, 2);
    assert_eq!(harness.state().text_selection(), Some((0, 17)));
    press(&mut harness, Modifiers::NONE, Key::Escape, 1);
    assert_eq!(harness.state().text_selection(), None);
    // Two quick clicks on the first word select it, accent included.
    double_click_text_start(&mut harness);
    assert_eq!(harness.state().text_selection(), Some((0, 5)));
    let selected = harness
        .state()
        .shown_article()
        .and_then(|id| harness.state().workspace().article(id).cloned())
        .and_then(|article| harness.state_mut().reader_mut().selected_text(&article));
    assert_eq!(selected.as_deref(), Some("Cafe\u{301}"));
}

/// Two clicks at the start of the text, one pointer event per frame (as
/// the harness delivers them): with 0.1 s frames the releases are 0.2 s
/// apart, within egui's 0.3 s for a double click.
fn double_click_text_start(
    harness: &mut egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
) {
    let rect = harness.get_by_label("Article text").rect();
    let pos = rect.min + egui::vec2(1.0, 10.0);
    harness.hover_at(pos);
    harness.run_steps(1);
    for pressed in [true, false, true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(1);
}

/// Drags over the article text from `from` to `to` (points from its top left).
fn drag_over_text(
    harness: &mut egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    from: f32,
    to: f32,
) {
    let rect = harness.get_by_label("Article text").rect();
    let start = rect.min + egui::vec2(from, 10.0);
    let end = rect.min + egui::vec2(to, 10.0);
    harness.drag_at(start);
    harness.run_steps(1);
    harness.hover_at(egui::pos2((start.x + end.x) / 2.0, start.y));
    harness.run_steps(1);
    harness.hover_at(end);
    harness.run_steps(1);
    harness.drop_at(end);
    harness.run_steps(2);
}

#[test]
fn a_drag_that_ends_inside_words_selects_them_whole() {
    let text = "Officials called the claim completely unfounded on Tuesday.";
    let mut harness = harness(app(one_article("Drag", text), vec![]));
    drag_over_text(&mut harness, 20.0, 150.0);
    let (start, end) = harness.state().text_selection().expect("a selection");
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: char| c.is_alphanumeric();
    assert!(
        start == 0 || !is_word(chars[start - 1]),
        "the selection starts at a word's start: {start}..{end}"
    );
    assert!(
        end == chars.len() || !is_word(chars[end]),
        "the selection ends at a word's end: {start}..{end}"
    );
    assert!(
        start < 9 && end > 10,
        "the drag covered part of two words: {start}..{end}"
    );
}

#[test]
fn dragging_the_start_of_the_selected_claims_highlight_moves_only_its_start() {
    let text = "Officials called the claim completely unfounded on Tuesday.";
    let mut ws = one_article("Drag", text);
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(text, 0, 9).unwrap();
    let mut claim = factbench::Claim::new(article, anchor, "Test Outlet");
    claim.verdict = Some(ws.scale.verdicts[0].key.clone());
    claim.rationale = "Kept through the drag.".into();
    let id = claim.id;
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(2);
    drag_over_text(&mut harness, 0.5, 30.0);
    let moved = harness.state().workspace().claim(id).unwrap().clone();
    assert_eq!(moved.anchor.end, 9, "the end stays");
    assert!(
        moved.anchor.start > 0 && moved.anchor.start < 9,
        "the start moved into the word: {:?}",
        moved.anchor
    );
    assert_eq!(
        moved.anchor.exact,
        slice_chars(text, moved.anchor.start, 9).unwrap()
    );
    assert_eq!(moved.rationale, "Kept through the drag.");
    assert!(moved.verdict.is_some(), "the verdict stays");
    assert_eq!(
        harness.state().text_selection(),
        None,
        "no text left selected"
    );
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::Undo);
    harness.run_steps(1);
    assert_eq!(
        harness.state().workspace().claim(id).unwrap().anchor.start,
        0
    );
}

/// A real hand: the pointer creeps a point a frame (under egui's drag
/// threshold, so no drag is reported yet) before it moves on. The grab
/// must hold through those frames.
#[test]
fn a_highlight_end_dragged_slowly_through_the_threshold_still_moves() {
    let text = "Officials called the claim completely unfounded on Tuesday.";
    let mut ws = one_article("Drag", text);
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(text, 0, 9).unwrap();
    let claim = factbench::Claim::new(article, anchor, "Test Outlet");
    let id = claim.id;
    ws.claims.push(claim);
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(2);
    let rect = harness.get_by_label("Article text").rect();
    let start = rect.min + egui::vec2(0.5, 10.0);
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=4 {
        harness.hover_at(start + egui::vec2(step as f32, 0.0));
        harness.run_steps(1);
    }
    for x in [12.0, 22.0, 30.0] {
        harness.hover_at(rect.min + egui::vec2(x, 10.0));
        harness.run_steps(1);
    }
    let end = rect.min + egui::vec2(30.0, 10.0);
    harness.drop_at(end);
    harness.run_steps(2);
    let moved = harness.state().workspace().claim(id).unwrap().clone();
    assert_eq!(moved.anchor.end, 9, "the end stays");
    assert!(
        moved.anchor.start > 1 && moved.anchor.start < 9,
        "the start followed the pointer into the word: {:?}",
        moved.anchor
    );
    assert_eq!(
        harness.state().text_selection(),
        None,
        "nothing else selected"
    );
    assert!(
        harness.state().document().is_dirty(),
        "one change, undoable"
    );
}

/// Presses and releases the primary button at `pos` with `modifiers`,
/// `times` times in a row (2: a double-click).
fn click_at(
    harness: &mut egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    pos: egui::Pos2,
    modifiers: Modifiers,
    times: usize,
) {
    harness.event(egui::Event::ModifiersChanged(modifiers));
    harness.hover_at(pos);
    harness.run_steps(1);
    for _ in 0..times {
        for pressed in [true, false] {
            harness.event(egui::Event::PointerButton {
                pos,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers,
            });
            harness.step();
        }
    }
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    // Past egui's double-click time, so the next click is a click of its own.
    harness.run_steps(5);
}

#[test]
fn shift_click_after_a_double_click_extends_by_whole_words() {
    let text = "Ministerstvoinostrannykh deklarirovalo kategoricheskoe oproverzhenie segodnya.";
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: char| c.is_alphanumeric();
    // Frames of 0.1 s, so that two clicks can make a double click.
    let mut harness = egui_kittest::Harness::builder()
        .with_size(WINDOW)
        .with_step_dt(0.1)
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(
            |ui, app: &mut factbench::ui::FactbenchApp| app.show(ui),
            app(one_article("Words", text), vec![]),
        );
    harness.run_steps(3);
    let rect = harness.get_by_label("Article text").rect();
    click_at(
        &mut harness,
        rect.min + egui::vec2(40.0, 10.0),
        Modifiers::NONE,
        2,
    );
    let (first_start, first_end) = harness.state().text_selection().expect("a word");
    assert_eq!(
        (first_start, first_end),
        (0, 24),
        "the first word, double-clicked"
    );
    for x in [250.0, 330.0, 410.0] {
        click_at(
            &mut harness,
            rect.min + egui::vec2(x, 10.0),
            Modifiers::SHIFT,
            1,
        );
        let (start, end) = harness.state().text_selection().expect("extended");
        assert_eq!(start, 0, "the first word stays selected");
        assert!(end > first_end, "extended forward: {end}");
        assert!(
            end == chars.len() || !is_word(chars[end]),
            "extended to a word's end, not into it: {start}..{end} ({:?})",
            chars[start..end].iter().collect::<String>()
        );
    }
}

#[test]
fn the_caret_steps_over_a_paragraph_break_in_one_move() {
    let text = "First paragraph.\n\nSecond one.";
    let mut harness = harness(app(one_article("Breaks", text), vec![]));
    click_text_start(&mut harness);
    press(&mut harness, Modifiers::NONE, Key::End, 1);
    press(&mut harness, Modifiers::NONE, Key::ArrowRight, 1);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((18, 19)),
        "from the first paragraph's end one step reaches the second's start"
    );
    press(&mut harness, Modifiers::NONE, Key::ArrowLeft, 2);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowLeft, 1);
    assert_eq!(
        harness.state().text_selection(),
        Some((15, 16)),
        "and back: the break is one step, never selected alone"
    );
}

/// The floating Mark claim button stands beside the selection's row and
/// never over the next line (issue 28 item 19).
#[test]
fn the_floating_mark_button_leaves_the_next_line_readable() {
    let text = "Officials called the claim unfounded.\nThe ministry published its figures on Tuesday.\nA third line follows.";
    let mut harness = harness(app(one_article("Lines", text), vec![]));
    click_text_start(&mut harness);
    press(
        &mut harness,
        Modifiers::SHIFT | Modifiers::COMMAND,
        Key::ArrowRight,
        2,
    );
    assert!(harness.state().text_selection().is_some());
    let buttons: Vec<_> = harness.get_all_by_label("Mark claim (Ctrl+M)").collect();
    assert_eq!(buttons.len(), 2, "the floating button shows at 1400×900");
    let button = buttons[1].rect();
    let first = paragraph_rect(&harness, "Officials called the claim unfounded.");
    let second = paragraph_rect(&harness, "The ministry published its figures on Tuesday.");
    assert!(
        !button.intersects(second),
        "the button {button:?} covers the next line {second:?}"
    );
    assert!(
        (first.min.y..=first.max.y).contains(&button.center().y),
        "the button {button:?} stands on the selection's row {first:?}"
    );
}
