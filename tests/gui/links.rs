//! Only web and mail addresses become links in the window: an article URL
//! of `file://` or a bare path is shown as text, and clicking it hands
//! nothing to the system opener (which would open or run a local file).

use crate::support::*;
use egui::OutputCommand;
use egui_kittest::kittest::Queryable as _;

type Harness = egui_kittest::Harness<'static, factbench::ui::FactbenchApp>;

fn with_url(url: &str) -> Harness {
    let mut ws = one_article("Ссылки", "Путин и 习近平 встретились в Москве. 👩‍👩‍👧");
    ws.articles[0].url = url.into();
    harness(app(ws, vec![]))
}

/// What clicking the header's `url` sends to the platform.
fn click_sends(url: &str) -> Vec<OutputCommand> {
    let mut harness = with_url(url);
    harness.get_by_label(url).click();
    harness.run_steps(1);
    harness.output().platform_output.commands.clone()
}

fn opens_something(sent: &[OutputCommand]) -> bool {
    sent.iter().any(|c| matches!(c, OutputCommand::OpenUrl(_)))
}

#[test]
fn a_file_url_or_a_bare_path_is_text_not_a_link() {
    for url in [
        "file:///etc/passwd",
        "/usr/bin/xcalc",
        "javascript:alert(1)",
    ] {
        let sent = click_sends(url);
        assert!(!opens_something(&sent), "{url} must not open: {sent:?}");
        let harness = with_url(url);
        assert!(harness.query_by_label(url).is_some(), "{url} is shown");
        assert!(
            harness
                .query_by_role_and_label(egui::accesskit::Role::Link, url)
                .is_none(),
            "{url} is no link"
        );
    }
}

#[test]
fn a_web_address_still_opens() {
    let url = "https://news.example.org/2025/05/путин";
    let harness = with_url(url);
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Link, url)
            .is_some()
    );
    let sent = click_sends(url);
    assert!(
        sent.iter()
            .any(|c| matches!(c, OutputCommand::OpenUrl(open) if open.url == url)),
        "{sent:?}"
    );
}
