//! Files in the window: saving through the (scripted) file dialog and
//! reloading, the Save / Discard / Cancel prompt on close, Open and New,
//! a broken file that leaves the open workspace alone, and the problems
//! panel for a claim whose anchor no longer matches.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::edit::{ClaimText, Command};
use factbench::sample::sample_workspace;
use factbench::ui::FactbenchApp;
use std::path::PathBuf;

/// Makes an unsaved change (a verdict on the first unrated claim).
fn make_a_change(harness: &mut Harness<'static, FactbenchApp>) {
    let ctx = harness.ctx.clone();
    let ws = harness.state().workspace();
    let claim = ws.claims.iter().find(|c| c.verdict.is_none()).unwrap().id;
    let verdict = Some(ws.scale.verdicts[0].key.clone());
    harness
        .state_mut()
        .execute(&ctx, Command::set_verdict(claim, verdict));
    harness.run_steps(2);
    assert!(harness.state().document().is_dirty());
}

fn request_close(harness: &mut Harness<'static, FactbenchApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(3);
}

fn click(harness: &mut Harness<'static, FactbenchApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(3);
}

#[test]
fn save_through_the_dialog_and_reload_gives_an_equal_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("checked");
    let mut harness = harness(app(sample_workspace(), vec![Some(target.clone())]));
    make_a_change(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    harness.run_steps(2);
    let saved = dir.path().join("checked.ron");
    assert!(saved.is_file(), "Save As added the .ron extension");
    let state = harness.state();
    assert!(!state.document().is_dirty());
    assert_eq!(state.document().path(), Some(saved.as_path()));
    let reloaded = factbench::store::load(&saved).unwrap();
    assert_eq!(&reloaded.workspace, state.workspace());
    assert!(!state.window_title().starts_with("• "));
    // A second save goes to the same file without asking.
    make_a_change_again(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::S, 1);
    assert!(!harness.state().document().is_dirty());
    assert!(
        factbench::store::backup_path(&saved).is_file(),
        "the previous file is kept as .bak"
    );
}

fn make_a_change_again(harness: &mut Harness<'static, FactbenchApp>) {
    let ctx = harness.ctx.clone();
    let ws = harness.state().workspace();
    // A draft: a published claim's rationale changes only by a correction.
    let claim = ws
        .claims
        .iter()
        .find(|c| !factbench::model::PublicField::needs_correction(c))
        .unwrap();
    let command = Command::set_claim_text(
        claim.id,
        ClaimText::Rationale,
        format!("{} More.", claim.rationale),
    );
    harness.state_mut().execute(&ctx, command);
    harness.run_steps(1);
    assert!(harness.state().document().is_dirty());
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    make_a_change(&mut harness);
    request_close(&mut harness);
    assert!(harness.state().unsaved_prompt_open());
    assert!(!harness.state().close_allowed());
    click(&mut harness, "Cancel");
    assert!(!harness.state().unsaved_prompt_open());
    assert!(!harness.state().close_allowed());
    assert!(harness.state().document().is_dirty());
    request_close(&mut harness);
    click(&mut harness, "Discard changes");
    assert!(harness.state().close_allowed());
}

#[test]
fn closing_with_no_changes_does_not_ask() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    request_close(&mut harness);
    assert!(!harness.state().unsaved_prompt_open());
    assert!(harness.state().close_allowed());
}

#[test]
fn open_with_unsaved_changes_can_save_first_then_opens() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    let mut other_ws = factbench::Workspace::new("The other investigation");
    other_ws.articles.push(factbench::Article::new(
        "Другая статья",
        "Текст статьи о перемирии.",
    ));
    factbench::store::save(&other, &other_ws).unwrap();
    let saved_here = dir.path().join("current.ron");
    let answers = vec![Some(saved_here.clone()), Some(other.clone())];
    let mut harness = harness(app(sample_workspace(), answers));
    make_a_change(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::O, 1);
    assert!(harness.state().unsaved_prompt_open(), "Open asks first");
    click(&mut harness, "Cancel");
    assert_eq!(
        harness.state().workspace().title,
        sample_workspace().title,
        "Cancel keeps the workspace"
    );
    press(&mut harness, Modifiers::COMMAND, Key::O, 1);
    click(&mut harness, "Save");
    harness.run_steps(3);
    assert!(
        saved_here.is_file(),
        "the changes were saved before opening"
    );
    let saved = factbench::store::load(&saved_here).unwrap().workspace;
    let rated =
        |ws: &factbench::Workspace| ws.claims.iter().filter(|c| c.verdict.is_some()).count();
    assert_eq!(
        rated(&saved),
        rated(&sample_workspace()) + 1,
        "the new verdict is in the saved file"
    );
    assert_eq!(harness.state().workspace().title, "The other investigation");
    assert_eq!(harness.state().document().path(), Some(other.as_path()));
    assert!(
        harness.query_all_by_label_contains("Другая статья").count() > 0,
        "the Cyrillic title is shown"
    );
}

#[test]
fn new_with_unsaved_changes_asks_and_discard_starts_empty() {
    let mut harness = harness(app(sample_workspace(), vec![]));
    make_a_change(&mut harness);
    press(&mut harness, Modifiers::COMMAND, Key::N, 1);
    // The new workspace's verdict scale is asked for first (the default).
    click(&mut harness, "Create");
    assert!(harness.state().unsaved_prompt_open(), "New asks first");
    click(&mut harness, "Discard changes");
    assert!(harness.state().workspace().claims.is_empty());
    assert!(harness.state().workspace().articles.is_empty());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_broken_file_shows_the_error_and_keeps_the_open_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "Workspace(format_version: 1, title: \"unterminated",
    )
    .unwrap();
    let mut harness = harness(app(sample_workspace(), vec![Some(broken.clone())]));
    make_a_change(&mut harness);
    let before = harness.state().workspace().clone();
    press(&mut harness, Modifiers::COMMAND, Key::O, 1);
    click(&mut harness, "Discard changes");
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace(),
        &before,
        "the open workspace is untouched"
    );
    let (title, message) = harness
        .state()
        .errors()
        .next()
        .expect("an error is shown")
        .clone();
    assert_eq!(title, "Could not open the workspace");
    assert!(message.contains("broken.ron"), "{message}");
    assert!(
        harness.query_by_label_contains("broken.ron").is_some(),
        "the message is on screen"
    );
    click(&mut harness, "OK");
    assert!(harness.state().errors().next().is_none());
}

#[test]
fn the_problems_panel_lists_a_claim_whose_anchor_no_longer_matches() {
    let mut ws = sample_workspace();
    let broken = ws.claims[2].id;
    ws.claims[2].anchor.exact = "words that are not in the article".into();
    let mut harness = harness(app(ws, vec![]));
    let lines = harness.state().problem_lines().to_vec();
    assert!(
        lines
            .iter()
            .any(|l| l.claim == Some(broken) && l.message.contains("does not match")),
        "{lines:?}"
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::ShowProblems);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("does not match the text there")
            .is_some()
    );
    assert!(
        harness.state().workspace().claim(broken).is_some(),
        "the claim is kept"
    );
    assert!(
        harness.query_by_label_contains("(!) ").is_some()
            || harness.query_by_label_contains("Unrated").is_some()
    );
    // The first "Select claim" is the broken claim's; the claims not ready
    // to publish are listed after it.
    harness
        .get_all_by_label("Select claim")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().selected_claim(), Some(broken));
    assert!(
        harness.query_by_label_contains("Problem: ").is_some(),
        "the inspector says what is wrong"
    );
}

#[test]
fn path_entry_appears_when_no_dialog_can_be_shown() {
    let dir = tempfile::tempdir().unwrap();
    // No scripted answers: the picker reports that no dialog can be shown.
    let mut harness = harness(app(sample_workspace(), Vec::<Option<PathBuf>>::new()));
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::S,
        1,
    );
    harness.run_steps(2);
    let field = harness.get_by_label("File path");
    field.focus();
    harness.run_steps(1);
    let target = dir.path().join("typed.ron");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run_steps(1);
    harness
        .get_by_label("File path")
        .type_text(&target.display().to_string());
    harness.run_steps(1);
    assert!(
        harness.get_by_label("File path").is_focused(),
        "the field has the keyboard"
    );
    assert_eq!(
        harness.get_by_label("File path").value().as_deref(),
        Some(target.display().to_string().as_str())
    );
    press(&mut harness, Modifiers::NONE, Key::Enter, 1);
    harness.run_steps(2);
    assert!(target.is_file(), "Enter saves to the typed path");
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_file(harness: &mut Harness<'static, FactbenchApp>, path: PathBuf) {
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
    harness.run_steps(3);
}

#[test]
fn dropped_articles_import_and_dropped_workspaces_open() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("заявление.txt");
    std::fs::write(
        &article,
        "Заявление МИД\n\nМинистерство отвергло обвинения.",
    )
    .unwrap();
    let workspace = dir.path().join("other.ron");
    factbench::store::save(&workspace, &factbench::Workspace::new("Dropped workspace")).unwrap();
    let mut harness = harness(app(sample_workspace(), vec![]));
    let articles = harness.state().workspace().articles.len();
    drop_file(&mut harness, article);
    assert_eq!(
        harness.state().workspace().articles.len(),
        articles,
        "nothing is added before the import dialog is confirmed"
    );
    harness.get_by_label_contains("UTF-8 (valid UTF-8)");
    click(&mut harness, "Import 1 article");
    assert_eq!(harness.state().workspace().articles.len(), articles + 1);
    assert_eq!(
        harness.state().workspace().articles.last().unwrap().title,
        "Заявление МИД"
    );
    let shown = harness.state().shown_article().unwrap();
    assert_eq!(
        harness.state().workspace().articles.last().unwrap().id,
        shown,
        "the new article is shown"
    );
    assert!(
        harness.state().document().is_dirty(),
        "an import is an undoable change"
    );
    drop_file(&mut harness, workspace.clone());
    assert!(
        harness.state().unsaved_prompt_open(),
        "dropping a workspace asks about unsaved changes first"
    );
    click(&mut harness, "Discard changes");
    assert_eq!(harness.state().workspace().title, "Dropped workspace");
}

#[test]
fn file_export_writes_each_format_where_the_dialog_says() {
    use factbench::export::{self, ExportOptions, Format};
    let dir = tempfile::tempdir().unwrap();
    let answers = Format::ALL
        .iter()
        .map(|f| Some(dir.path().join(format!("report-{}", f.cli_name()))))
        .collect();
    let mut harness = harness(app(desk_workspace(), answers));
    harness.state_mut().settings_mut().open_report_after_export = false;
    for format in Format::ALL {
        let ctx = harness.ctx.clone();
        harness
            .state_mut()
            .perform(&ctx, factbench::ui::Action::Export(format));
        harness.run_steps(2);
        click(&mut harness, "Choose file…");
        let path = dir.path().join(format!(
            "report-{}.{}",
            format.cli_name(),
            format.extension()
        ));
        let written = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut expected = Vec::new();
        export::write(
            format,
            &desk_workspace(),
            &ExportOptions::public(),
            &mut expected,
        )
        .unwrap();
        assert_eq!(
            written, expected,
            "{format:?}: the public export unless asked"
        );
    }
    assert!(
        !harness.state().document().is_dirty(),
        "exporting does not change the workspace"
    );
    assert_eq!(harness.state().errors().count(), 0);
}

#[test]
fn the_export_dialog_asks_for_the_audience_and_remembers_it() {
    use factbench::export::Format;
    let dir = tempfile::tempdir().unwrap();
    let answers = vec![
        Some(dir.path().join("review-copy")),
        Some(dir.path().join("again")),
    ];
    let mut harness = harness(app(sample_workspace(), answers));
    harness.state_mut().settings_mut().open_report_after_export = false;
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::Export(Format::Html));
    harness.run_steps(2);
    click(
        &mut harness,
        "Internal review copy (everything, marked Draft)",
    );
    click(&mut harness, "Choose file…");
    let copy = std::fs::read_to_string(dir.path().join("review-copy.html")).unwrap();
    assert!(copy.contains("Draft — not for publication"));
    assert!(
        copy.contains("Ask the trade desk"),
        "internal notes are in the review copy"
    );
    assert!(harness.state_mut().settings_mut().last_export.internal);
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::Export(Format::Html));
    harness.run_steps(2);
    click(&mut harness, "Public (published claims only)");
    click(&mut harness, "Choose file…");
    let public = std::fs::read_to_string(dir.path().join("again.html")).unwrap();
    assert!(!public.contains("Draft — not for publication"));
    assert!(!public.contains("Ask the trade desk"));
    assert!(!harness.state_mut().settings_mut().last_export.internal);
}

/// The app as the binary starts it, remembering settings in `settings`.
fn launched(settings: &std::path::Path) -> Harness<'static, FactbenchApp> {
    let ctx = egui::Context::default();
    let app = FactbenchApp::launch(
        &ctx,
        None,
        Some(settings.to_owned()),
        Box::new(factbench::ui::ScriptedPicker::default()),
    );
    harness(app)
}

#[test]
fn the_open_report_checkbox_is_saved_with_the_settings_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let settings = dir.path().join("settings.ron");
    let mut harness = launched(&settings);
    assert!(harness.state_mut().settings_mut().open_report_after_export);
    click(&mut harness, "File");
    click(&mut harness, "Export");
    click(
        &mut harness,
        "Open the HTML report in the browser afterwards",
    );
    assert!(!harness.state_mut().settings_mut().open_report_after_export);
    let saved = factbench::ui::Settings::load(&settings);
    assert!(
        !saved.open_report_after_export,
        "the next run remembers the box unticked"
    );
}

#[test]
fn open_recent_in_the_menu_opens_the_remembered_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("older.ron");
    factbench::store::save(&file, &factbench::Workspace::new("Older checks")).unwrap();
    let settings = dir.path().join("settings.ron");
    let mut harness = launched(&settings);
    harness.state_mut().settings_mut().remember(&file);
    let shown = std::fs::canonicalize(&file).unwrap().display().to_string();
    click(&mut harness, "File");
    click(&mut harness, "Open recent");
    click(&mut harness, &shown);
    assert_eq!(harness.state().workspace().title, "Older checks");
}

/// Whether each widget labelled `label` is greyed out (the menu entry and
/// the inspector's button).
fn disabled(harness: &Harness<'static, FactbenchApp>, label: &str) -> Vec<bool> {
    use egui_kittest::kittest::NodeT as _;
    harness
        .get_all_by_label(label)
        .map(|node| node.accesskit_node().is_disabled())
        .collect()
}

#[test]
fn clear_verdict_is_greyed_out_in_the_menu_for_an_unrated_claim() {
    let mut ws = sample_workspace();
    // Drafts: a published claim's verdict changes only through a correction.
    ws.claims.iter_mut().for_each(|c| c.publication.clear());
    let mut harness = harness(app(ws, vec![]));
    let ws = harness.state().workspace();
    let unrated = ws.claims.iter().find(|c| c.verdict.is_none()).unwrap().id;
    let rated = ws.claims.iter().find(|c| c.verdict.is_some()).unwrap().id;
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, unrated);
    harness.run_steps(2);
    let inspector_only = disabled(&harness, "Clear verdict").len();
    click(&mut harness, "Edit");
    let clear = disabled(&harness, "Clear verdict");
    assert_eq!(clear.len(), inspector_only + 1, "the menu entry is shown");
    assert!(clear.iter().all(|d| *d), "{clear:?}");
    assert!(!disabled(&harness, "Delete claim").contains(&true));
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    harness.state_mut().select_claim(&ctx, rated);
    harness.run_steps(2);
    click(&mut harness, "Edit");
    let clear = disabled(&harness, "Clear verdict");
    assert_eq!(clear.len(), inspector_only + 1, "the menu entry is shown");
    assert!(!clear.contains(&true), "{clear:?}");
}

#[test]
fn a_report_no_program_could_open_is_said_naming_the_file() {
    use factbench::export::Format;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let mut harness = harness(app(desk_workspace(), vec![Some(report.clone())]));
    harness.state_mut().settings_mut().open_report_after_export = true;
    let tried = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = tried.clone();
    harness
        .state_mut()
        .set_file_launcher(std::sync::Arc::new(move |path: &std::path::Path| {
            seen.lock().unwrap().push(path.to_owned());
            Err(std::io::Error::other(
                "xdg-open: no method available for opening it",
            ))
        }));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::Export(Format::Html));
    harness.run_steps(2);
    click(&mut harness, "Choose file…");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while harness.state().errors().count() == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.run_steps(1);
    }
    assert!(report.exists(), "the report is written first");
    assert_eq!(*tried.lock().unwrap(), vec![report.clone()]);
    let errors: Vec<String> = harness
        .state()
        .errors()
        .map(|(title, message)| format!("{title}: {message}"))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(&report.display().to_string())
            && errors[0].contains("no method available"),
        "{errors:?}"
    );
}

#[test]
fn a_public_report_still_under_the_samples_publisher_is_exported_with_a_warning() {
    use factbench::export::Format;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let mut harness = harness(app(sample_workspace(), vec![Some(report.clone())]));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::Export(Format::Markdown));
    harness.run_steps(2);
    click(&mut harness, "Choose file…");
    assert!(report.exists(), "the report is still written");
    let errors: Vec<String> = harness
        .state()
        .errors()
        .map(|(title, message)| format!("{title}: {message}"))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("Example Fact-Check Desk") && errors[0].contains("Workspace › Details"),
        "{errors:?}"
    );
}

#[test]
fn save_as_takes_the_evidence_snapshots_along() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.ron");
    let mut ws = sample_workspace();
    ws.publisher.name = "Desk".into();
    let source = ws.sources[0].id;
    factbench::store::save(&first, &ws).unwrap();
    let page = dir.path().join("statement.txt");
    std::fs::write(&page, "Exports rose by 38 per cent, the ministry said.").unwrap();
    let added = crate::fresh_home::factbench_std()
        .arg("snapshot")
        .arg(&first)
        .arg(&page)
        .args(["--source", &source.to_string(), "--by", "Test Checker"])
        .output()
        .unwrap();
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let hash = String::from_utf8(added.stdout).unwrap().trim().to_owned();
    let loaded = factbench::store::load(&first).unwrap().workspace;
    let second = dir.path().join("second.ron");
    let mut app = app(
        factbench::model::Workspace::new("x"),
        vec![Some(second.clone())],
    );
    app.open_workspace(loaded, Some(first.clone()));
    let mut harness = harness(app);
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::SaveAs);
    harness.run_steps(3);
    assert_eq!(harness.state().document().path(), Some(second.as_path()));
    let copied = dir.path().join("second.snapshots").join(&hash);
    assert_eq!(
        std::fs::read(&copied).ok(),
        std::fs::read(dir.path().join("first.snapshots").join(&hash)).ok(),
        "{} holds the snapshot's bytes",
        copied.display()
    );
    assert_eq!(harness.state().errors().count(), 0);
}

#[test]
fn the_edit_menu_says_what_undo_and_redo_take_back() {
    let mut ws = sample_workspace();
    ws.claims.iter_mut().for_each(|c| c.publication.clear());
    let mut harness = harness(app(ws, vec![]));
    click(&mut harness, "Edit");
    assert!(
        harness.query_by_label("Undo").is_some(),
        "nothing to undo yet"
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    let ws = harness.state().workspace();
    let claim = ws.claims.iter().find(|c| c.verdict.is_none()).unwrap().id;
    let verdict = Some(ws.scale.verdicts[0].key.clone());
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .execute(&ctx, Command::set_verdict(claim, verdict));
    harness.run_steps(2);
    click(&mut harness, "Edit");
    let undo: Vec<String> = harness
        .query_all_by_label_contains("Undo")
        .filter_map(|n| egui_kittest::kittest::NodeT::accesskit_node(&n).label())
        .collect();
    assert_eq!(undo, ["Undo the verdict"]);
    click(&mut harness, "Undo the verdict");
    click(&mut harness, "Edit");
    assert!(harness.query_by_label("Redo the verdict").is_some());
}
