//! The pathological corpus (`factbench::import::pathological`): every page
//! written to a file and imported, through the library and the command
//! line, is imported with its text or refused with a message naming the
//! file, never a panic; the fuzz seeds in `fuzz/corpus/import_html/` are
//! the corpus's small pages.

mod fresh_home;

use factbench::import::pathological::{Expected, Page, Scale, corpus};
use factbench::import::{ImportOptions, import_file};
use std::fs;
use std::path::{Path, PathBuf};

fn written(dir: &Path, page: &Page) -> PathBuf {
    let path = dir.join(page.name);
    fs::write(&path, &page.bytes).unwrap();
    path
}

fn check(path: &Path, page: &Page) {
    let result = import_file(path, &ImportOptions::default());
    match (page.expected, result) {
        (Expected::Imported(contains), Ok(article)) => {
            assert!(
                article.text.contains(contains),
                "{}: the article text lacks {contains:?}",
                page.name
            );
        }
        (Expected::Refused, Err(error)) => {
            assert!(
                error.to_string().contains(page.name),
                "{}: {error}",
                page.name
            );
        }
        (expected, outcome) => panic!("{}: expected {expected:?}, got {outcome:?}", page.name),
    }
}

#[test]
fn every_full_size_page_is_imported_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let kept = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pathological");
    let keep = std::env::var_os("FACTBENCH_WRITE_CORPUS").is_some();
    for page in corpus(Scale::Full) {
        let path = written(if keep { &kept } else { dir.path() }, &page);
        check(&path, &page);
    }
}

#[test]
fn every_seed_page_is_imported_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    for page in corpus(Scale::Seed) {
        let path = written(dir.path(), &page);
        check(&path, &page);
    }
}

#[test]
fn deep_nesting_keeps_its_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let page = &corpus(Scale::Full)[0];
    let article = import_file(&written(dir.path(), page), &ImportOptions::default()).unwrap();
    assert_eq!(article.text, "A paragraph deep inside the page.");
}

#[test]
fn the_command_line_refuses_a_page_of_too_many_elements_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = corpus(Scale::Full)
        .into_iter()
        .find(|p| p.expected == Expected::Refused)
        .unwrap();
    let path = written(dir.path(), &page);
    let workspace = dir.path().join("w.ron");
    let output = fresh_home::factbench()
        .arg("import")
        .arg(&path)
        .arg("--into")
        .arg(&workspace)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("too-many-elements.html"), "{stderr}");
    assert!(stderr.contains("200,000 elements"), "{stderr}");
    assert!(!workspace.exists());
}

#[test]
fn the_fuzz_seeds_are_the_small_pages() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import_html");
    if std::env::var_os("FACTBENCH_WRITE_SEEDS").is_some() {
        fs::create_dir_all(&seeds).unwrap();
        for page in corpus(Scale::Seed) {
            fs::write(seeds.join(page.name), &page.bytes).unwrap();
        }
    }
    for page in corpus(Scale::Seed) {
        let seed = fs::read(seeds.join(page.name)).unwrap_or_default();
        assert!(
            seed == page.bytes,
            "fuzz/corpus/import_html/{} is not the seed page; run this test with FACTBENCH_WRITE_SEEDS=1",
            page.name
        );
        assert!(
            seed.len() < 64 * 1024,
            "{} is too large for a seed",
            page.name
        );
    }
}
