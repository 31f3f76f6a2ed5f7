//! Real saved pages (excerpts, see `tests/fixtures/pages/README.md`):
//! each comes out of the bounding pass byte for byte as it went in, and
//! imports with the text, date, author and language its annotation
//! expects.

use factbench::import::{self, ImportOptions};
use std::path::{Path, PathBuf};

fn pages() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 6, "{} pages", pages.len());
    pages
}

fn expected(page: &Path) -> serde_json::Value {
    let json = std::fs::read_to_string(page.with_extension("json")).unwrap();
    serde_json::from_str(&json).unwrap()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn ordinary_pages_come_out_of_the_bounding_pass_unchanged() {
    for page in pages() {
        let html = std::fs::read_to_string(&page).unwrap();
        let bounded = import::bounded_html(&html).unwrap();
        assert!(bounded == html, "{} was rewritten", page.display());
    }
}

#[test]
fn each_page_imports_with_its_expected_text_and_metadata() {
    for page in pages() {
        let expected = expected(&page);
        let bytes = std::fs::read(&page).unwrap();
        let imported = import::import_bytes(&page, &bytes, &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{e}"));
        let article = &imported.article;
        let text = squeeze(&format!("{}\n{}", article.title, article.text));
        let name = page.display();
        for snippet in expected["with"].as_array().unwrap() {
            let snippet = squeeze(snippet.as_str().unwrap());
            assert!(text.contains(&snippet), "{name}: missing {snippet:?}");
        }
        for snippet in expected["without"].as_array().unwrap() {
            let snippet = squeeze(snippet.as_str().unwrap());
            assert!(!text.contains(&snippet), "{name}: kept {snippet:?}");
        }
        if let Some(date) = expected["date"].as_str() {
            let published = article.published.map(|d| d.to_string());
            assert_eq!(published.as_deref(), Some(date), "{name}");
        }
        if let Some(author) = expected["author"].as_str().filter(|a| !a.is_empty()) {
            assert_eq!(article.author, author, "{name}");
        }
        if let Some(language) = expected["language"].as_str() {
            assert_eq!(article.language.split('-').next(), Some(language), "{name}");
        }
        assert!(
            article.url.is_empty() || article.url.starts_with("http"),
            "{name}: {}",
            article.url
        );
    }
}
