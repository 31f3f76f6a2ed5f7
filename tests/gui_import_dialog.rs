//! The import dialog: detection shown, encoding overridden with the preview
//! following, metadata edited before import, bad dates and refused files
//! blocking nothing else.

#![cfg(feature = "gui")]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::ui::dialogs::import::{ImportDialog, ImportOutcome, PasteDialog};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

struct State {
    dialog: ImportDialog,
    outcome: Option<ImportOutcome>,
}

fn harness(paths: Vec<PathBuf>) -> Harness<'static, State> {
    let state = State {
        dialog: ImportDialog::new(paths),
        outcome: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .with_context_setup(factbench::ui::fonts::install)
        .build_ui_state(
            |ui, state: &mut State| {
                if state.outcome.is_none() {
                    state.outcome = state.dialog.show(ui.ctx());
                }
            },
            state,
        );
    harness.run();
    harness
}

#[test]
fn choosing_another_encoding_decodes_again_and_refreshes_the_preview() {
    let mut dialog = ImportDialog::new(vec![fixture("ru-koi8-r.txt")]);
    let entry = &mut dialog.entries[0];
    assert_eq!(entry.result.as_ref().unwrap().encoding, encoding_rs::KOI8_U);
    assert!(
        entry
            .preview()
            .starts_with("Председатель Китайской Народной Республики")
    );
    entry.set_encoding(Some(encoding_rs::WINDOWS_1251));
    let mojibake = entry.preview();
    assert!(!mojibake.contains("Председатель"), "{mojibake}");
    assert_ne!(entry.form.title, "Визит председателя КНР в Москву");
    entry.set_encoding(Some(encoding_rs::KOI8_R));
    assert_eq!(entry.form.title, "Визит председателя КНР в Москву");
    entry.set_encoding(Some(encoding_rs::UTF_8));
    assert!(
        entry
            .result
            .as_ref()
            .unwrap_err()
            .contains("is not valid UTF-8 text (as requested)")
    );
    assert!(dialog.articles().is_err());
}

#[test]
fn fields_the_user_edited_survive_a_change_of_encoding() {
    let mut dialog = ImportDialog::new(vec![fixture("ru-koi8-r.txt")]);
    let entry = &mut dialog.entries[0];
    entry.form.outlet = "Новая газета".into();
    entry.set_encoding(Some(encoding_rs::WINDOWS_1251));
    assert_eq!(entry.form.outlet, "Новая газета", "typed by the user: kept");
    assert_ne!(
        entry.form.title, "Визит председателя КНР в Москву",
        "read from the file: follows"
    );
    entry.set_encoding(Some(encoding_rs::KOI8_R));
    assert_eq!(entry.form.title, "Визит председателя КНР в Москву");
    assert_eq!(entry.form.outlet, "Новая газета");
}

#[test]
fn edited_metadata_is_what_gets_imported() {
    let mut dialog = ImportDialog::new(vec![
        fixture("en-news-page.html"),
        fixture("zh-hant-big5.txt"),
    ]);
    assert_eq!(dialog.entries[0].form.outlet, "The Example Herald");
    dialog.entries[0].form.title = "  Edited title ".into();
    dialog.entries[1].form.outlet = "中央社".into();
    dialog.entries[1].form.published = "2025-05-06".into();
    let articles = dialog.articles().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].title, "Edited title");
    assert_eq!(articles[0].author, "Jane Reporter");
    assert_eq!(articles[1].outlet, "中央社");
    assert_eq!(articles[1].published.unwrap().to_string(), "2025-05-06");
    assert_eq!(articles[1].language, "zh-Hant");

    dialog.entries[1].form.published = "6 May".into();
    let problem = dialog.articles().unwrap_err();
    assert!(
        problem.contains("zh-hant-big5.txt: “6 May” is not a date of the form YYYY-MM-DD"),
        "{problem}"
    );
}

#[test]
fn a_refused_file_is_shown_and_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("scan.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    let dialog = ImportDialog::new(vec![pdf, fixture("uk-koi8-u.txt")]);
    assert!(
        dialog.entries[0]
            .result
            .as_ref()
            .unwrap_err()
            .contains("is a PDF document")
    );
    assert!(!dialog.entries[0].include);
    let articles = dialog.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].language, "uk");
}

#[test]
fn the_window_shows_what_was_read_and_imports_on_click() {
    let mut harness = harness(vec![fixture("zh-hans-gb18030.txt")]);
    harness.get_by_label_contains("GBK (detected)");
    harness.get_by_label_contains("国家主席习近平将于五月七日至十日");
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(2);
    match &harness.state().outcome {
        Some(ImportOutcome::Import(articles)) => {
            assert_eq!(articles[0].title, "习近平将赴莫斯科出席胜利日活动");
        }
        other => panic!("expected an import, got {other:?}"),
    }
}

#[test]
fn cancel_imports_nothing() {
    let mut harness = harness(vec![fixture("ja-shift-jis.txt")]);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(matches!(
        harness.state().outcome,
        Some(ImportOutcome::Cancel)
    ));
}

#[test]
fn pasted_text_becomes_an_article_with_its_first_line_as_title() {
    let mut dialog =
        PasteDialog::new("Заявление МИД\r\n\r\nМинистерство отвергло обвинения.  ".into());
    let article = dialog.article().unwrap();
    assert_eq!(
        (article.title.as_str(), article.text.as_str()),
        ("Заявление МИД", "Министерство отвергло обвинения.")
    );
    dialog.title = "Own title".into();
    assert_eq!(dialog.article().unwrap().title, "Own title");
    assert_eq!(
        dialog.article().unwrap().text,
        "Заявление МИД\n\nМинистерство отвергло обвинения."
    );
    assert!(
        PasteDialog::new(" \n ".into())
            .article()
            .unwrap_err()
            .contains("paste it above")
    );
}
