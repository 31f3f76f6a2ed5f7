//! The import dialog: detection shown, encoding overridden with the preview
//! following, metadata edited before import, bad dates and refused files
//! blocking nothing else.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::ui::{ImportDialog, ImportOutcome, PasteDialog};
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
        .with_context_setup(factbench::ui::install_fonts)
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
    assert_eq!(
        entry.result().as_ref().unwrap().encoding,
        encoding_rs::KOI8_U
    );
    assert!(
        entry
            .preview()
            .starts_with("Председатель Китайской Народной Республики")
    );
    entry.set_encoding(Some(encoding_rs::WINDOWS_1251));
    let mojibake = entry.preview();
    assert!(!mojibake.contains("Председатель"), "{mojibake}");
    assert_ne!(entry.form.details.title, "Визит председателя КНР в Москву");
    entry.set_encoding(Some(encoding_rs::KOI8_R));
    assert_eq!(entry.form.details.title, "Визит председателя КНР в Москву");
    entry.set_encoding(Some(encoding_rs::UTF_8));
    assert!(
        entry
            .result()
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
    entry.form.details.outlet = "Новая газета".into();
    entry.set_encoding(Some(encoding_rs::WINDOWS_1251));
    assert_eq!(
        entry.form.details.outlet, "Новая газета",
        "typed by the user: kept"
    );
    assert_ne!(
        entry.form.details.title, "Визит председателя КНР в Москву",
        "read from the file: follows"
    );
    entry.set_encoding(Some(encoding_rs::KOI8_R));
    assert_eq!(entry.form.details.title, "Визит председателя КНР в Москву");
    assert_eq!(entry.form.details.outlet, "Новая газета");
}

#[test]
fn edited_metadata_is_what_gets_imported() {
    let mut dialog = ImportDialog::new(vec![
        fixture("en-news-page.html"),
        fixture("zh-hant-big5.txt"),
    ]);
    assert_eq!(dialog.entries[0].form.details.outlet, "The Example Herald");
    dialog.entries[0].form.details.title = "  Edited title ".into();
    dialog.entries[1].form.details.outlet = "中央社".into();
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
            .result()
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
    dialog.form.details.title = "Own title".into();
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

#[test]
fn ready_counts_what_would_be_imported_without_building_it() {
    let mut dialog = ImportDialog::new(vec![
        fixture("en-news-page.html"),
        fixture("zh-hant-big5.txt"),
    ]);
    assert_eq!(dialog.ready(), Ok(2));
    dialog.entries[0].include = false;
    assert_eq!(dialog.ready(), Ok(1));
    assert_eq!(dialog.articles().unwrap().len(), 1);
    dialog.entries[1].form.published = "2025-13-40".into();
    let problem = dialog.ready().unwrap_err();
    assert!(
        problem.starts_with("zh-hant-big5.txt: “2025-13-40”"),
        "{problem}"
    );
    assert_eq!(dialog.articles().unwrap_err(), problem);
    dialog.entries[1].include = false;
    assert_eq!(dialog.ready().unwrap_err(), "No file can be imported.");
}

#[test]
fn the_window_edits_the_form_by_its_labels_and_a_bad_date_blocks_import() {
    let mut harness = harness(vec![fixture("uk-koi8-u.txt")]);
    for label in ["Title", "Outlet", "Author", "URL", "Published", "Language"] {
        harness.get_by_role_and_label(Role::TextInput, label);
    }
    harness
        .get_by_role_and_label(Role::TextInput, "Outlet")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Outlet")
        .type_text("Укрінформ");
    harness.run_steps(2);
    assert_eq!(
        harness.state().dialog.entries[0].form.details.outlet,
        "Укрінформ"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .type_text("2025-0");
    harness.run_steps(2);
    harness.get_by_label("“2025-0” is not a date of the form YYYY-MM-DD");
    harness.get_by_label("uk-koi8-u.txt: “2025-0” is not a date of the form YYYY-MM-DD");
    harness.get_by_label("Import 0 articles").click();
    harness.run_steps(2);
    assert!(harness.state().outcome.is_none(), "nothing to import yet");
    assert_eq!(harness.state().dialog.entries[0].form.published, "2025-0");
}

#[test]
fn escape_cancels_the_import_dialog() {
    let mut harness = harness(vec![fixture("ja-shift-jis.txt")]);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(matches!(
        harness.state().outcome,
        Some(ImportOutcome::Cancel)
    ));
}

fn paste_harness(text: &str) -> Harness<'static, (PasteDialog, Option<Option<String>>)> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 700.0))
        .build_ui_state(
            |ui, (dialog, outcome): &mut (PasteDialog, Option<Option<String>>)| {
                if outcome.is_none() {
                    *outcome = dialog
                        .show(ui.ctx())
                        .map(|article| article.map(|a| a.title));
                }
            },
            (PasteDialog::new(text.into()), None),
        );
    harness.run();
    // The dialog settles its height over its first frames (the details'
    // grid measures itself first).
    harness.run_steps(4);
    harness
}

#[test]
fn the_paste_dialog_adds_with_the_typed_title_and_escape_cancels() {
    let mut harness = paste_harness("First line\n\nBody.");
    harness.get_by_label("Article text to add");
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Typed title");
    harness.run_steps(2);
    harness.get_by_label("Add article").click();
    harness.run_steps(2);
    assert_eq!(harness.state().1, Some(Some("Typed title".to_owned())));

    let mut harness = paste_harness("  ");
    harness.get_by_label("Add article").click();
    harness.run_steps(2);
    assert_eq!(harness.state().1, None, "no text: the dialog stays");
    harness.get_by_label_contains("paste it above");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().1, Some(None));
}

/// Item 20 of the working day: a pasted article gets its outlet, URL,
/// author and date in the dialog, as an imported file does; a bad date
/// says why and adds nothing.
#[test]
fn the_paste_dialog_takes_outlet_url_author_and_date() {
    let mut dialog = PasteDialog::new("Заявление МИД\n\nМинистерство отвергло обвинения.".into());
    dialog.form.details.outlet = " ТАСС ".into();
    dialog.form.details.url = "https://tass.ru/politika/1".into();
    dialog.form.details.author = "Иван Петров".into();
    dialog.form.published = "2024-03-05".into();
    let article = dialog.article().unwrap();
    assert_eq!(
        article.title, "Заявление МИД",
        "a blank title is the first line"
    );
    assert_eq!(article.outlet, "ТАСС");
    assert_eq!(article.url, "https://tass.ru/politika/1");
    assert_eq!(article.author, "Иван Петров");
    assert_eq!(article.published.unwrap().to_string(), "2024-03-05");
    assert!(article.retrieved.is_some(), "the retrieval date is kept");

    let mut harness = paste_harness("First line\n\nBody.");
    for label in ["Title", "Outlet", "Author", "URL", "Published", "Language"] {
        harness.get_by_role_and_label(Role::TextInput, label);
    }
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Published")
        .type_text("5 March");
    harness.run_steps(2);
    harness.get_by_label("Add article").click();
    harness.run_steps(2);
    assert_eq!(harness.state().1, None, "a bad date adds nothing");
    assert!(
        harness
            .query_all_by_label("“5 March” is not a date of the form YYYY-MM-DD")
            .count()
            >= 1
    );
}

/// A decoder that waits for the test's word before decoding for real:
/// a stand-in for a slow one.
fn gated_decoder() -> (
    std::sync::mpsc::Sender<()>,
    factbench::import::background::Decoder,
) {
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(gate);
    let decoder: factbench::import::background::Decoder =
        std::sync::Arc::new(move |path, bytes, options| {
            let _ = gate.lock().unwrap().recv();
            factbench::import::import_bytes(path, bytes, options)
        });
    (release, decoder)
}

struct Slow {
    dialog: ImportDialog,
    outcome: Option<ImportOutcome>,
    frames: usize,
}

fn slow_harness(decoder: factbench::import::background::Decoder) -> Harness<'static, Slow> {
    let state = Slow {
        dialog: ImportDialog::in_background_with(vec![fixture("zh-hans-gb18030.txt")], decoder),
        outcome: None,
        frames: 0,
    };
    Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .with_context_setup(factbench::ui::install_fonts)
        .build_ui_state(
            |ui, state: &mut Slow| {
                state.frames += 1;
                if state.outcome.is_none() {
                    state.outcome = state.dialog.show(ui.ctx());
                }
            },
            state,
        )
}

#[test]
fn frames_keep_coming_while_a_slow_decode_runs_and_cancel_adds_nothing() {
    let (release, decoder) = gated_decoder();
    let mut harness = slow_harness(decoder);
    harness.run_steps(10);
    assert!(harness.state().frames >= 10, "the window kept drawing");
    assert!(harness.state().dialog.entries[0].is_decoding());
    harness.get_by_label_contains("Reading and extracting the article…");
    assert!(harness.state().dialog.ready().is_err(), "Import waits");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(matches!(
        harness.state().outcome,
        Some(ImportOutcome::Cancel)
    ));
    release.send(()).ok();
}

#[test]
fn once_the_slow_decode_ends_the_preview_and_import_appear() {
    let (release, decoder) = gated_decoder();
    let mut harness = slow_harness(decoder);
    harness.run_steps(3);
    release.send(()).unwrap();
    // The decode ends on its own thread: wait for it by the clock, not by
    // a count of yields (a loaded machine may not schedule it that soon).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while harness.state_mut().dialog.poll() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    assert!(!harness.state().dialog.entries[0].is_decoding());
    harness.run();
    harness.get_by_label_contains("GBK (detected)");
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(2);
    let Some(ImportOutcome::Import(articles)) = &harness.state().outcome else {
        panic!("imported nothing: {:?}", harness.state().outcome)
    };
    assert_eq!(articles.len(), 1);
}

/// A file dropped on the window that is a pipe nobody writes to: its read
/// would block for ever, so it is not read at all (only regular files are,
/// issue 19): the dialog says so at once, naming it, and Cancel leaves the
/// workspace as it was. (A slow read is the gated decoder's test above.)
#[cfg(unix)]
#[test]
fn a_dropped_fifo_is_refused_at_once_and_the_workspace_is_unchanged() {
    #[derive(Debug)]
    struct Dropped(PathBuf);
    impl egui::DroppedFile for Dropped {
        fn path(&self) -> &Path {
            &self.0
        }
        fn bytes(&self) -> Result<Vec<u8>, String> {
            Err("not read by the test".to_owned())
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("slow.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let workspace = crate::support::one_article("Kept", "The article already here.");
    let mut harness = crate::support::harness(crate::support::app(workspace.clone(), vec![]));
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(pipe.clone())));
    let mut refused = false;
    for _ in 0..200 {
        harness.run_steps(1);
        if harness
            .query_by_label_contains("slow.txt: is a named pipe (FIFO), not a regular file")
            .is_some()
        {
            refused = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(refused, "the dialog does not say the pipe is refused");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert_eq!(harness.state().workspace(), &workspace);
    assert!(!harness.state().document().is_dirty());
}

const NOTICE_PAGE: &str = "<html><head><title>Notice</title></head><body>\
<div class=\"consent\"><p>We use cookies to improve your experience on our site. \
Accept all cookies or manage your privacy settings. Log in or sign in to continue reading.</p></div>\
<article><h1>Minister denies export claim</h1>\
<p>The minister said on Tuesday that exports of machine tools rose by 38 per cent last year, a figure analysts dispute.</p>\
<p>Trade economists said they had seen no evidence of that rise in the customs data published in March.</p></article>\
</body></html>";

#[test]
fn a_doubtful_page_shows_its_warnings_and_another_block_can_be_picked() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("notice.html");
    std::fs::write(&page, NOTICE_PAGE).unwrap();
    let mut harness = harness(vec![page]);
    // The importer took the page's <article> over a cookie notice, and says so.
    harness.get_by_label_contains("⚠ the main text did not look like the article");
    harness.get_by_label_contains("The minister said on Tuesday");
    // The notice is offered as another block; picking it is the text imported.
    harness
        .get_by_role_and_label(Role::ComboBox, "Article block")
        .click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("main text: We use cookies")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Import 1 article").click();
    harness.run_steps(2);
    match &harness.state().outcome {
        Some(ImportOutcome::Import(articles)) => {
            assert!(
                articles[0].text.starts_with("We use cookies"),
                "{}",
                articles[0].text
            );
        }
        other => panic!("expected an import, got {other:?}"),
    }
    // Left alone, the block the importer chose is imported.
    let dialog = ImportDialog::new(vec![dir.path().join("notice.html")]);
    let articles = dialog.articles().unwrap();
    assert!(
        articles[0].text.starts_with("The minister said"),
        "{}",
        articles[0].text
    );
}
