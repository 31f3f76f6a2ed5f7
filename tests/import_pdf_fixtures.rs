//! Real PDFs (`tests/fixtures/pdf/`, see its README): a two-column LaTeX
//! article read column by column, Arabic in logical order, Cyrillic from a
//! CID font, an encrypted file that needs no password opened, one that
//! needs a password refused with the reason.

use factbench::import::{self, ImportOptions, Imported};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

fn import(name: &str) -> Result<Imported, String> {
    import::import_file_detailed(&fixture(name), &ImportOptions::default())
        .map_err(|e| e.to_string())
}

#[test]
fn a_two_column_article_is_read_column_by_column() {
    let imported = import("two-column-latex.pdf").unwrap();
    let text = &imported.article.text;
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"))
    };
    // The left column's start, its end, then the right column's start.
    assert!(
        at("Two-Column Document with Lorem Ipsum")
            < at("This is a sample document with two columns")
    );
    assert!(
        at("This is a sample document with two columns") < at("Curabitur dictum gravida mauris")
    );
    assert!(
        at("Curabitur dictum gravida mauris")
            < at("pellentesque ante. Phasellus adipiscing semper elit.")
    );
    // A word broken at a line end is joined; the ligature is expanded.
    assert!(text.contains("filled with Lorem Ipsum text"), "{text}");
    assert!(!text.contains('\u{fb01}'));
    assert!(imported.pages.len() >= 2);
    assert_eq!(imported.pages[0].start, 0);
}

#[test]
fn arabic_and_cyrillic_come_out_as_letters_in_order() {
    let arabic = import("arabic-habibi.pdf").unwrap().article.text;
    assert!(arabic.contains("حَبيبي habibi حَبيبي"), "{arabic:?}");
    let cyrillic = import("cyrillic-issue5421.pdf").unwrap().article.text;
    assert!(cyrillic.contains("РЕСПУБЛИКАСЫ"), "{cyrillic:?}");
}

#[test]
fn an_encrypted_pdf_opens_when_it_needs_no_password() {
    let imported = import("encrypted-no-password-issue17215.pdf").unwrap();
    assert!(
        imported.article.text.contains("Dummy PDF file"),
        "{}",
        imported.article.text
    );
    let refused = import("encrypted-password-issue6010.pdf").unwrap_err();
    assert!(
        refused.contains("encrypted-password-issue6010.pdf: is a PDF document that Factbench cannot import: it is protected by a password"),
        "{refused}"
    );
}
