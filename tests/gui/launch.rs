//! How the window starts: on the last workspace, on the bundled sample, on
//! a workspace or article given on the command line, and with a visible
//! error (never a silent exit) when the given file cannot be read.

use factbench::ui::FactbenchApp;
use factbench::ui::{ScriptedPicker, Settings};
use std::path::Path;

fn launch(file: Option<&Path>, settings: Option<&Path>) -> FactbenchApp {
    let ctx = egui::Context::default();
    FactbenchApp::launch(
        &ctx,
        file,
        settings.map(Path::to_owned),
        Box::new(ScriptedPicker::default()),
    )
}

#[test]
fn with_nothing_remembered_it_opens_the_bundled_sample() {
    let dir = tempfile::tempdir().unwrap();
    let app = launch(None, Some(&dir.path().join("settings.ron")));
    assert_eq!(app.workspace(), &factbench::sample::sample_workspace());
    assert_eq!(
        app.document().path(),
        None,
        "the sample is not tied to a file"
    );
    assert!(app.errors().next().is_none());
}

#[test]
fn it_reopens_the_last_workspace_remembered_in_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("last.ron");
    let mut ws = factbench::Workspace::new("Yesterday's checks");
    ws.articles
        .push(factbench::Article::new("Статья", "Текст."));
    factbench::store::save(&file, &ws).unwrap();
    let settings_path = dir.path().join("settings.ron");
    let mut settings = Settings::default();
    settings.remember(&file);
    settings.save(&settings_path).unwrap();
    let app = launch(None, Some(&settings_path));
    assert_eq!(app.workspace().title, "Yesterday's checks");
    assert!(app.document().path().is_some());
}

#[test]
fn a_workspace_given_on_the_command_line_opens() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("given.ron");
    factbench::store::save(&file, &factbench::sample::sample_workspace()).unwrap();
    let app = launch(Some(&file), Some(&dir.path().join("settings.ron")));
    assert_eq!(app.document().path(), Some(file.as_path()));
    assert!(!app.document().is_dirty());
    let remembered = Settings::load(&dir.path().join("settings.ron"));
    assert_eq!(
        remembered.recent.len(),
        1,
        "opening is remembered for next time"
    );
}

#[test]
fn an_article_given_on_the_command_line_starts_a_new_workspace_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.txt");
    std::fs::write(&file, "外交部发言人表示\n\n中方始终保持中立。").unwrap();
    let app = launch(Some(&file), None);
    assert_eq!(app.workspace().articles.len(), 1);
    assert!(
        app.workspace().articles[0]
            .text
            .contains("中方始终保持中立")
    );
    assert_eq!(app.document().path(), None);
}

#[test]
fn a_broken_file_on_the_command_line_opens_the_window_with_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.ron");
    std::fs::write(&file, "not a workspace").unwrap();
    let app = launch(Some(&file), None);
    let (title, message) = app
        .errors()
        .next()
        .expect("the error is shown in the window");
    assert_eq!(title, "Could not open the workspace");
    assert!(message.contains("broken.ron"));
    assert!(app.workspace().articles.is_empty());
}

/// The app started on the bundled sample, its file dialog answering `path`.
fn on_the_sample(path: &Path, settings: &Path) -> egui_kittest::Harness<'static, FactbenchApp> {
    let ctx = egui::Context::default();
    let app = FactbenchApp::launch_in(
        &ctx,
        None,
        Some(settings.to_owned()),
        None,
        Box::new(ScriptedPicker::answering(vec![Some(path.to_owned())])),
    );
    crate::support::harness(app)
}

#[test]
fn the_first_import_on_the_untouched_sample_starts_a_new_investigation() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("statement.txt");
    std::fs::write(
        &article,
        "Заявление МИД\n\nМинистерство отвергло обвинения 🚫.",
    )
    .unwrap();
    let mut harness = on_the_sample(&article, &dir.path().join("settings.ron"));
    let sample = factbench::sample::sample_workspace();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::ImportArticle);
    harness.run_steps(3);
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(3);
    let ws = harness.state().workspace();
    assert_eq!(ws.articles.len(), 1, "only the imported article");
    assert_eq!(ws.articles[0].title, "Заявление МИД");
    assert_eq!(ws.title, "Заявление МИД", "named after its first article");
    assert!(ws.claims.is_empty() && ws.sources.is_empty());
    assert_ne!(
        ws.publisher.name, sample.publisher.name,
        "the sample's example desk does not carry over"
    );
    assert_eq!(ws.scale, sample.scale, "the sample's scale is kept");
    assert!(harness.state().document().is_dirty(), "new work to save");
}

#[test]
fn once_the_sample_was_changed_an_import_adds_to_it() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("statement.txt");
    std::fs::write(&article, "Statement\n\nThe ministry denied it.").unwrap();
    let mut harness = on_the_sample(&article, &dir.path().join("settings.ron"));
    let ctx = harness.ctx.clone();
    let mut details = factbench::edit::WorkspaceDetails::of(harness.state().workspace());
    details.title = "My own investigation".into();
    let rename = factbench::edit::Command::EditWorkspace {
        details: Box::new(details),
        typing: None,
    };
    harness.state_mut().execute(&ctx, rename);
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::ImportArticle);
    harness.run_steps(3);
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(3);
    let ws = harness.state().workspace();
    assert_eq!(ws.title, "My own investigation");
    let sample = factbench::sample::sample_workspace();
    assert_eq!(ws.articles.len(), sample.articles.len() + 1);
}

#[test]
fn a_workspace_with_problems_opens_without_the_problems_window() {
    use egui_kittest::kittest::Queryable as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.ron");
    let mut ws = factbench::sample::sample_workspace();
    ws.claims[2].anchor.exact = "words that are not in the article".into();
    factbench::store::save(&path, &ws).unwrap();
    let app = launch(Some(&path), Some(&dir.path().join("settings.ron")));
    let mut harness = crate::support::harness(app);
    harness.run_steps(3);
    assert!(
        !harness.state().problem_lines().is_empty(),
        "the problem is found"
    );
    assert!(
        harness
            .query_by_label_contains("does not match the text there")
            .is_none(),
        "the Problems window waits to be asked for"
    );
}

#[test]
fn a_doubtful_page_given_on_the_command_line_opens_with_its_warning() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("notice.html");
    std::fs::write(
        &page,
        "<html><body><div><p>We use cookies to improve your experience on our site. \
         Accept all cookies or manage your privacy settings. Log in or sign in to continue.</p></div>\
         <article><h1>Minister denies export claim</h1>\
         <p>The minister said on Tuesday that exports of machine tools rose by 38 per cent last year, a figure analysts dispute.</p>\
         <p>Trade economists said they had seen no evidence of that rise in the customs data.</p></article></body></html>",
    )
    .unwrap();
    let app = launch(Some(&page), None);
    assert_eq!(app.workspace().articles.len(), 1);
    assert!(
        app.workspace().articles[0]
            .text
            .contains("The minister said")
    );
    let (title, message) = app.errors().next().expect("the warning is shown");
    assert_eq!(title, "Imported with warnings");
    assert!(
        message.contains("the article") && message.contains("cookie"),
        "{message}"
    );
    // An ordinary article opens with nothing to say.
    let text = dir.path().join("report.txt");
    std::fs::write(&text, "Заявление\n\nМинистерство отвергло обвинения.").unwrap();
    assert!(launch(Some(&text), None).errors().next().is_none());
}
