//! What the window hands the platform (egui's output commands, which
//! egui-winit carries out): Ctrl+C in the article copies to the clipboard,
//! a settled selection becomes the PRIMARY selection (middle-click paste),
//! a link opens in the browser, and its context menu copies the address.

use crate::support::*;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::kittest::Queryable as _;

const URL: &str = "https://news.example.org/2025/05/xi-moscow";

type Harness = egui_kittest::Harness<'static, factbench::ui::FactbenchApp>;

fn with_url() -> Harness {
    let mut ws = one_article("Links", "Путин и 习近平 встретились в Москве.");
    ws.articles[0].url = URL.into();
    harness(app(ws, vec![]))
}

/// Runs the queued events (a frame each) and returns the commands the
/// last frame sent.
fn commands(harness: &mut Harness) -> Vec<OutputCommand> {
    harness.run_steps(1);
    harness.output().platform_output.commands.clone()
}

#[test]
fn a_settled_selection_becomes_the_primary_selection() {
    let mut harness = with_url();
    // The key press alone, so that its frame is the one looked at.
    harness.event(egui::Event::Key {
        key: Key::ArrowRight,
        pressed: true,
        modifiers: Modifiers::SHIFT | Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    let sent = commands(&mut harness);
    assert!(
        sent.contains(&OutputCommand::TextSelectionSettled("Путин".into())),
        "{sent:?}"
    );
    // Unchanged, it is not sent again.
    assert!(commands(&mut harness).is_empty());
}

#[test]
fn the_header_link_opens_in_the_browser_and_its_menu_copies_it() {
    let mut harness = with_url();
    harness.get_by_label(URL).click();
    let sent = commands(&mut harness);
    assert!(
        sent.iter()
            .any(|c| matches!(c, OutputCommand::OpenUrl(open) if open.url == URL)),
        "a click opens the link: {sent:?}"
    );
    harness.run_steps(2);
    harness.get_by_label(URL).click_secondary();
    harness.run_steps(2);
    harness.get_by_label("Copy link address").click();
    let sent = commands(&mut harness);
    assert!(
        sent.contains(&OutputCommand::CopyText(URL.into())),
        "the menu copies the address: {sent:?}"
    );
}

#[test]
fn ctrl_c_in_the_article_copies_the_selection() {
    let mut harness = with_url();
    press(&mut harness, Modifiers::SHIFT, Key::End, 1);
    harness.event(egui::Event::Copy);
    let sent = commands(&mut harness);
    assert!(
        sent.contains(&OutputCommand::CopyText(
            "Путин и 习近平 встретились в Москве.".into()
        )),
        "{sent:?}"
    );
}
