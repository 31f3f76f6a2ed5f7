//! File › Import Meedan Check export…: the ZIP picked through the (scripted)
//! file dialog and read on a worker, every status listed with its best guess, a verdict changed
//! in its picker, and *Import* writing one workspace per Check workspace
//! beside the export; a bad export or an existing file refused with an
//! error and nothing written.

use crate::support::*;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::sample::sample_workspace;
use factbench::ui::{Action, FactbenchApp};
use std::path::{Path, PathBuf};

/// A copy of a Check export fixture in `dir`.
fn export_in(dir: &Path, name: &str) -> PathBuf {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check-export")
        .join(name);
    let copy = dir.join(name);
    std::fs::copy(fixture, &copy).unwrap();
    copy
}

fn open_dialog(export: PathBuf) -> Harness<'static, FactbenchApp> {
    let mut harness = harness(app(sample_workspace(), vec![Some(export)]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::ImportCheckExport);
    // The export is read on a worker: draw until the dialog or an error is up.
    for _ in 0..500 {
        harness.run_steps(1);
        let state = harness.state();
        if state.check_import_statuses().is_some() || state.errors().next().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run_steps(2);
    harness
}

fn click(harness: &mut Harness<'static, FactbenchApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(4);
}

#[test]
fn the_dialog_lists_the_statuses_and_importing_writes_the_workspaces() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_dialog(export_in(dir.path(), "two-workspaces.zip"));
    let statuses = harness
        .state()
        .check_import_statuses()
        .expect("the dialog is open");
    let pairs: Vec<(&str, Option<&str>)> = statuses
        .iter()
        .map(|s| (s.status.as_str(), s.verdict.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("False", Some("false")),
            ("Verified", Some("true")),
            ("In Progress", None),
            ("زائف", Some("false")),
        ]
    );
    assert!(harness.query_by_label_contains("In Progress (1)").is_some());
    assert!(harness.query_by_label_contains("زائف (1)").is_some());
    assert!(
        harness
            .query_by_label_contains("5 items, 4 fact-checks, 1 explainer.")
            .is_some()
    );

    // In progress becomes "Unverifiable" through its picker.
    click(&mut harness, "Verdict for In Progress");
    click(&mut harness, "Unverifiable");
    let statuses = harness.state().check_import_statuses().unwrap();
    assert_eq!(statuses[2].verdict.as_deref(), Some("unverifiable"));

    click(&mut harness, "Import");
    assert!(harness.state().check_import_statuses().is_none(), "closed");
    assert_eq!(harness.state().errors().count(), 0);
    let folder = dir.path().join("two-workspaces");
    for name in ["newsroom-kyiv.ron", "cairo-desk.ron", "Beijing-Desk.ron"] {
        assert!(folder.join(name).is_file(), "{name} written");
    }
    let kyiv = factbench::store::load(&folder.join("newsroom-kyiv.ron"))
        .unwrap()
        .workspace;
    let schools = kyiv
        .claims
        .iter()
        .find(|c| c.statement == "Мэр закрыл все школы 🏫")
        .unwrap();
    assert_eq!(schools.verdict.as_deref(), Some("unverifiable"));
    let notice = harness
        .state()
        .notices()
        .next()
        .expect("a notice says what was written");
    assert!(notice.1.contains("3 workspace(s) written"), "{}", notice.1);
    assert_eq!(
        harness.state().workspace(),
        &sample_workspace(),
        "the open workspace is untouched"
    );
}

#[test]
fn an_existing_file_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("two-workspaces");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("cairo-desk.ron"), "mine").unwrap();
    let mut harness = open_dialog(export_in(dir.path(), "two-workspaces.zip"));
    click(&mut harness, "Import");
    let error = harness.state().errors().next().expect("an error").1.clone();
    assert!(error.contains("cairo-desk.ron exists already"), "{error}");
    assert_eq!(
        std::fs::read_to_string(folder.join("cairo-desk.ron")).unwrap(),
        "mine"
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn a_zip_that_is_not_a_check_export_is_an_error_naming_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let harness = open_dialog(export_in(dir.path(), "not-check.zip"));
    assert!(harness.state().check_import_statuses().is_none());
    let error = harness.state().errors().next().expect("an error").1.clone();
    assert!(error.contains("not a Meedan Check export"), "{error}");
    assert!(error.contains("people.csv"), "{error}");
}
