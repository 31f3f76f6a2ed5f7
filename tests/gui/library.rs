//! The claim library in the window, on a library folder of the labelled
//! fixture workspaces: *Checked before* finds the earlier check of the
//! selected claim and follows its typed statement, never suggests the open
//! workspace's own claims, *Not the same* hides a suggestion for good,
//! *Cite this check* adds a source in one undo step, an earlier check opens
//! read-only, the Problems window lists a verdict that differs,
//! Preferences › Claim library folders takes a typed folder, a colleague's
//! workspace pulled into the folder appears once the window gets the focus
//! back, and a copy of the open claim (same id, another file) is listed
//! apart, never as an earlier check.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::edit::{ClaimChange, ClaimText, Command};
use factbench::library::Decisions;
use factbench::model::{Claim, ClaimId, Workspace};
use factbench::ui::Action;
use factbench::ui::FactbenchApp;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const GAS_CHECK: &str = "01a22065-6084-7000-8c00-000000000000";
const CHIPS_CHECK: &str = "01a22065-6084-7000-8c00-000000000002";

/// A library folder, the open workspace's folder, the index and the
/// decisions file, all temporary.
struct Desk {
    library: tempfile::TempDir,
    own: tempfile::TempDir,
    index: tempfile::TempDir,
    decisions: PathBuf,
}

fn desk() -> Desk {
    let library = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, library.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let own = tempfile::tempdir().unwrap();
    let decisions = own.path().join("state").join("claim-decisions.ron");
    Desk {
        library,
        own,
        index: tempfile::tempdir().unwrap(),
        decisions,
    }
}

/// A saved workspace of one article whose one claim says `text`.
fn workspace_saying(
    desk: &Desk,
    text: &str,
    verdict: Option<&str>,
) -> (Workspace, PathBuf, ClaimId) {
    let mut ws = one_article("Новая проверка", text);
    let article = &ws.articles[0];
    let anchor = factbench::anchor::capture(&article.text, 0, text.chars().count()).unwrap();
    let mut claim = Claim::new(article.id, anchor, "Test Outlet");
    claim.verdict = verdict.map(str::to_owned);
    let id = claim.id;
    ws.claims.push(claim);
    let path = desk.own.path().join("today.ron");
    factbench::store::save(&path, &ws).unwrap();
    (ws, path, id)
}

/// The window on `ws` (saved at `path`), its library folder the fixtures.
fn window(
    desk: &Desk,
    ws: Workspace,
    path: PathBuf,
    claim: ClaimId,
) -> Harness<'static, FactbenchApp> {
    let mut app = app(Workspace::new("Untitled"), vec![]);
    app.open_workspace(ws, Some(path));
    app.settings_mut().library_folders = vec![desk.library.path().to_owned()];
    app.set_claim_library(desk.index.path().to_owned(), Some(desk.decisions.clone()));
    let mut harness = harness(app);
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness.run_steps(2);
    harness
}

/// Runs frames (a bounded while, the worker answering meanwhile) until `done`.
fn run_until(
    harness: &mut Harness<'static, FactbenchApp>,
    what: &str,
    done: impl Fn(&FactbenchApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(10));
        harness.run_steps(1);
    }
    harness.run_steps(2);
}

fn suggested(app: &FactbenchApp) -> Vec<String> {
    app.checked_before()
        .suggestions
        .iter()
        .map(|s| s.found.claim.clone())
        .collect()
}

/// Runs frames until the newest search is answered and shown.
fn settled(harness: &mut Harness<'static, FactbenchApp>) {
    harness.run_steps(3);
    run_until(harness, "the search", |app| {
        !app.library_searching()
            && matches!(
                app.checked_before().status,
                factbench::ui::LibraryStatus::Ready { stale: false }
            )
    });
}

#[test]
fn an_earlier_check_is_suggested_and_follows_the_typed_statement() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "In 2022 Russian oil and gas export revenue reached 245 billion dollars",
        None,
    );
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    let first = harness.state().checked_before().suggestions[0].clone();
    assert_eq!(first.found.claim, GAS_CHECK);
    assert!(first.found.same_claim);
    assert_eq!(first.found.verdict_label, "True");
    assert!(first.verdict.is_some(), "the badge has the scale's colour");
    harness.get_by_label("Checked before");
    harness.get_by_label(&format!("Earlier check: {}", first.found.statement));
    harness.get_by_label("likely the same claim");
    // The checker rewrites the statement: the suggestions follow.
    let ctx = harness.ctx.clone();
    harness.state_mut().execute(
        &ctx,
        Command::EditClaim {
            claim,
            change: ClaimChange::SetText {
                field: ClaimText::Statement,
                text: "China supplied Russia with 90% of its imported microchips in 2023".into(),
            },
        },
    );
    settled(&mut harness);
    assert_eq!(suggested(harness.state())[0], CHIPS_CHECK);
}

#[test]
fn typing_in_the_statement_searches_once_typing_pauses() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(&desk, "Nothing to see here at all", None);
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Statement")
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    // Word by word, a frame (a quarter second) apart: faster than the pause.
    let searches = harness.state().library_searches_sent();
    let words = "Russia earned $245bn from oil and gas exports in 2022";
    for (i, word) in words.split(' ').enumerate() {
        let text = if i == 0 {
            word.to_owned()
        } else {
            format!(" {word}")
        };
        harness
            .get_by_role_and_label(egui::Role::MultilineTextInput, "Statement")
            .type_text(&text);
        harness.run_steps(1);
        assert_eq!(
            harness.state().library_searches_sent(),
            searches,
            "no search while typing"
        );
    }
    assert_eq!(
        harness.state().workspace().claim(claim).unwrap().statement,
        "Russia earned $245bn from oil and gas exports in 2022"
    );
    settled(&mut harness);
    assert_eq!(suggested(harness.state())[0], GAS_CHECK);
    assert_eq!(
        harness.state().library_searches_sent(),
        searches + 1,
        "one search once typing paused"
    );
}

#[test]
fn the_open_workspace_is_not_its_own_earlier_check() {
    let desk = desk();
    // Today's desk re-checks last year's claims, in the library folder itself.
    let last_year = desk.library.path().join("desk-en-2024.ron");
    let text = std::fs::read_to_string(&last_year).unwrap().replace(
        "01a22065-6084-7000-8c00-0000000000",
        "01a22065-6084-7000-8c00-0000000009",
    );
    let path = desk.library.path().join("today.ron");
    std::fs::write(&path, text).unwrap();
    let ws = factbench::store::load(&path).unwrap().workspace;
    let claim = ws.claims[0].id;
    let mut harness = window(&desk, ws, path.clone(), claim);
    settled(&mut harness);
    let own = std::fs::canonicalize(&path).unwrap();
    let shown = &harness.state().checked_before().suggestions;
    assert_eq!(
        shown[0].found.claim, GAS_CHECK,
        "last year's check comes first"
    );
    assert!(
        shown.iter().all(|s| s.found.workspace != own),
        "{:?}",
        shown.iter().map(|s| &s.found.workspace).collect::<Vec<_>>()
    );
}

#[test]
fn not_the_same_hides_the_suggestion_and_is_remembered() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "In 2022 Russian oil and gas export revenue reached 245 billion dollars",
        None,
    );
    let mut harness = window(&desk, ws.clone(), path.clone(), claim);
    settled(&mut harness);
    assert_eq!(suggested(harness.state())[0], GAS_CHECK);
    harness
        .query_all_by_label("Not the same")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(!suggested(harness.state()).contains(&GAS_CHECK.to_owned()));
    assert_eq!(harness.state().checked_before().hidden, 1);
    assert_eq!(
        Decisions::load(&desk.decisions).unwrap().len(),
        1,
        "saved to its own file"
    );
    // A later run still leaves it out.
    drop(harness);
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    assert!(!suggested(harness.state()).contains(&GAS_CHECK.to_owned()));
    assert_eq!(harness.state().checked_before().hidden, 1);
    // Taken back: suggested again.
    harness.get_by_label("Show them").click();
    harness.run_steps(2);
    harness.get_by_label("× not the same (your decision)");
    harness.get_by_label("Forget decision").click();
    harness.run_steps(2);
    assert_eq!(suggested(harness.state())[0], GAS_CHECK);
    assert_eq!(harness.state().checked_before().hidden, 0);
    assert!(Decisions::load(&desk.decisions).unwrap().is_empty());
}

#[test]
fn same_claim_shows_as_confirmed() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "In 2022 Russian oil and gas export revenue reached 245 billion dollars",
        None,
    );
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    harness
        .query_all_by_label("Same claim")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    let first = &harness.state().checked_before().suggestions[0];
    assert_eq!(first.found.claim, GAS_CHECK);
    assert!(first.confirmed);
    harness.get_by_label("✔ same claim (confirmed)");
}

#[test]
fn cite_this_check_adds_a_source_in_one_undo_step() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "In 2022 Russian oil and gas export revenue reached 245 billion dollars",
        None,
    );
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    harness
        .query_all_by_label("Cite this check")
        .next()
        .unwrap()
        .click();
    run_until(&mut harness, "the citation", |app| {
        !app.workspace().claim(claim).unwrap().evidence.is_empty()
    });
    let ws = harness.state().workspace();
    let evidence = &ws.claim(claim).unwrap().evidence[0];
    let source = ws.source(evidence.source).unwrap();
    assert_eq!(
        source.url,
        format!("https://factcheck.example.org/reports/xi-moscow-victory-day#claim-{GAS_CHECK}")
    );
    assert!(
        source.notes.contains("desk-en-2024.ron"),
        "{}",
        source.notes
    );
    assert!(
        evidence.excerpt.starts_with("Verdict: True"),
        "{}",
        evidence.excerpt
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.run_steps(2);
    let ws = harness.state().workspace();
    assert!(ws.claim(claim).unwrap().evidence.is_empty());
    assert!(ws.sources.is_empty(), "one undo removes the source too");
}

#[test]
fn an_earlier_check_opens_read_only() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "China supplied Russia with 90% of its imported microchips in 2023",
        None,
    );
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    let first = harness.state().checked_before().suggestions[0]
        .found
        .clone();
    harness
        .get_by_label(&format!("Earlier check: {}", first.statement))
        .click();
    run_until(&mut harness, "the earlier check", |app| {
        app.earlier_check_shown().is_some()
    });
    let shown = harness.state().earlier_check_shown().unwrap();
    assert_eq!(shown.claim.id.to_string(), CHIPS_CHECK);
    harness.get_by_label("Read-only: this claim belongs to another workspace.");
    harness.get_by_label("Quote in context");
    assert!(
        !harness.state().document().is_dirty(),
        "reading changes nothing"
    );
}

#[test]
fn the_problems_window_lists_a_verdict_that_differs_from_the_library() {
    let desk = desk();
    // The library called it true in 2024; this desk says false today.
    let (ws, path, claim) = workspace_saying(
        &desk,
        "Russia earned $245bn from oil and gas exports in 2022.",
        Some("false"),
    );
    let mut harness = window(&desk, ws, path, claim);
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::ShowProblems);
    run_until(&mut harness, "the verdict check", |app| {
        !app.library_conflict_lines().is_empty()
    });
    let lines = harness.state().library_conflict_lines();
    assert_eq!(lines[0].claim, Some(claim));
    assert!(
        lines[0].message.contains("desk-en-2024.ron"),
        "{}",
        lines[0].message
    );
    assert!(lines[0].message.contains("is True"), "{}", lines[0].message);
    harness.get_by_label(&lines[0].message);
    // Told it is not the same claim, the window stops listing it.
    let mut found = harness.state().checked_before().suggestions.clone();
    found.retain(|s| s.found.claim == GAS_CHECK);
    assert_eq!(found.len(), 1);
    harness
        .query_all_by_label("Not the same")
        .next()
        .unwrap()
        .click();
    harness.run_steps(2);
    run_until(&mut harness, "the check again", |app| {
        app.library_conflict_lines().is_empty()
    });
}

#[test]
fn a_typed_library_folder_is_added_and_kept_in_the_settings() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(&desk, "Nothing to see here", None);
    let mut harness = window(&desk, ws, path, claim);
    harness.state_mut().settings_mut().library_folders.clear();
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Preferences);
    harness.run_steps(2);
    harness.get_by_label("Claim library folders");
    harness.get_by_label("Library folder path").focus();
    harness.run_steps(1);
    let typed = desk.library.path().display().to_string();
    harness
        .get_by_label("Library folder path")
        .type_text(&typed);
    harness.run_steps(1);
    harness.get_by_label("Add").click();
    harness.run_steps(2);
    assert_eq!(
        harness.state_mut().settings_mut().library_folders,
        vec![desk.library.path().to_owned()]
    );
    // An older settings file, without the field, reads as no folders.
    let old = desk.own.path().join("old-settings.ron");
    std::fs::write(&old, "(recent: [], theme: System, text_size: 16.0)").unwrap();
    assert!(
        factbench::ui::Settings::load(&old)
            .library_folders
            .is_empty()
    );
    assert_eq!(factbench::ui::Settings::load(&old).text_size, 16.0);
}

#[test]
fn a_colleagues_new_workspace_appears_when_the_window_gets_the_focus_back() {
    let desk = desk();
    // The library folder starts without last year's English desk.
    let pulled = desk.library.path().join("desk-en-2024.ron");
    let kept = desk.own.path().join("desk-en-2024.ron.kept");
    std::fs::rename(&pulled, &kept).unwrap();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "Russia earned $245bn from oil and gas exports in 2022.",
        None,
    );
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    assert!(!suggested(harness.state()).contains(&GAS_CHECK.to_owned()));
    assert!(harness.state().checked_before().scanned.is_some());
    // A colleague's `git pull` brings it in while the window is open.
    std::fs::rename(&kept, &pulled).unwrap();
    harness.input_mut().focused = false;
    harness.run_steps(2);
    harness.input_mut().focused = true;
    harness.run_steps(2);
    run_until(&mut harness, "the pulled check", |app| {
        suggested(app).first().map(String::as_str) == Some(GAS_CHECK)
    });
}

#[test]
fn a_copy_of_the_open_claim_is_not_an_earlier_check() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(
        &desk,
        "Russia earned $245bn from oil and gas exports in 2022.",
        Some("false"),
    );
    // *Save as* into the library folder left a copy with the same claim id.
    std::fs::copy(&path, desk.library.path().join("today copy.ron")).unwrap();
    let mut harness = window(&desk, ws, path, claim);
    settled(&mut harness);
    let view = harness.state().checked_before();
    assert!(
        view.suggestions
            .iter()
            .all(|s| s.found.claim != claim.to_string()),
        "{:?}",
        suggested(harness.state())
    );
    assert_eq!(view.copies.len(), 1, "{:?}", view.copies);
    assert!(view.copies[0].workspace.ends_with("today copy.ron"));
    assert_eq!(suggested(harness.state())[0], GAS_CHECK);
}

/// Preferences › Embedding model (optional): a typed model folder is read
/// by the library's worker and shown with its name, vocabulary and
/// dimensions, kept in the settings; a folder that holds no model says
/// why; *Use none* goes back to matching without one.
#[test]
fn an_embedding_model_typed_in_preferences_is_loaded_and_shown() {
    let desk = desk();
    let (ws, path, claim) = workspace_saying(&desk, "Nothing to see here", None);
    let mut harness = window(&desk, ws, path, claim);
    let model = tempfile::tempdir().unwrap();
    let groups: &[&[&str]] = &[&["gas", "газ", "газу"], &["oil", "нефть"], &["russia"]];
    factbench::sample::write_synonym_embedding_model(model.path(), groups).unwrap();
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Preferences);
    harness.run_steps(2);
    harness.get_by_label("Embedding model (optional)");
    harness.get_by_label_contains("Not set: matching uses words");

    let use_folder = |harness: &mut Harness<'static, FactbenchApp>, folder: &Path| {
        harness.get_by_label("Embedding model folder path").focus();
        harness.run_steps(1);
        harness
            .get_by_label("Embedding model folder path")
            .type_text(&folder.display().to_string());
        harness.run_steps(1);
        harness.get_by_label("Use").click();
        harness.run_steps(2);
    };
    use_folder(&mut harness, model.path());
    assert_eq!(
        harness
            .state_mut()
            .settings_mut()
            .embedding_model
            .as_deref(),
        Some(model.path())
    );
    run_until(&mut harness, "the model to load", |app| {
        matches!(
            app.embedding_model_status(),
            factbench::ui::EmbeddingStatus::Loaded { .. }
        )
    });
    let name = model.path().file_name().unwrap().to_string_lossy();
    // (A label's accessible value is its text; its name says what it is of.)
    harness.get_by_label(&format!("Loaded: {name} (7 tokens × 3 dimensions)"));

    let empty = tempfile::tempdir().unwrap();
    use_folder(&mut harness, empty.path());
    run_until(&mut harness, "the model to fail", |app| {
        matches!(
            app.embedding_model_status(),
            factbench::ui::EmbeddingStatus::Failed { .. }
        )
    });
    harness.get_by_label_contains("has no .safetensors weights file");

    harness.get_by_label("Use none").click();
    harness.run_steps(2);
    assert_eq!(harness.state_mut().settings_mut().embedding_model, None);
    harness.get_by_label_contains("Not set: matching uses words");
}
