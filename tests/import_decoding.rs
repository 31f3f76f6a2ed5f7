//! Decoding saved pages the way a browser does (issue 22, item 2): stray
//! bytes in UTF-8 become U+FFFD with a warning, NULs in a page are dropped,
//! only `<meta>` declares a page's charset, and a refusal names the
//! encodings worth trying.

mod fresh_home;

use encoding_rs::{WINDOWS_1251, WINDOWS_1252};
use factbench::import::{self, Detection, ImportOptions};
use std::path::Path;

fn page(body: &[u8]) -> Vec<u8> {
    let mut bytes = b"<html><head><title>T</title></head><body><article><p>".to_vec();
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(b"</p></article></body></html>");
    bytes
}

const MIXED: &str = "Президент посетит Москву. 国家主席将于下周访问莫斯科。 قال الرئيس إنه سيزور موسكو. 👋 Cafe\u{301} au lait.";

#[test]
fn a_utf8_page_with_stray_bytes_is_read_with_a_warning_saying_where() {
    let mut body = MIXED.repeat(3).into_bytes();
    let stray = body.len();
    body.extend_from_slice(b" \xe9t\xe9 and a cut \xe6\x96");
    let imported = import::import_bytes(
        Path::new("стр.html"),
        &page(&body),
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(imported.encoding, encoding_rs::UTF_8);
    let text = &imported.article.text;
    assert!(text.contains("国家主席将于下周访问莫斯科。"), "{text}");
    assert!(text.contains("Café au lait."), "{text}");
    assert_eq!(text.matches('\u{FFFD}').count(), 3, "{text}");
    let warning = imported.warnings.join("\n");
    assert!(
        warning.contains("3 byte sequences not valid in UTF-8"),
        "{warning}"
    );
    let offset = stray + b"<html><head><title>T</title></head><body><article><p>".len() + 1;
    assert!(warning.contains(&format!("at byte {offset}")), "{warning}");
}

#[test]
fn nuls_in_a_page_are_dropped_not_taken_for_binary() {
    let body = format!("{MIXED}\0 more\0 text").into_bytes();
    let imported = import::import_bytes(
        Path::new("nul.html"),
        &page(&body),
        &ImportOptions::default(),
    )
    .unwrap();
    assert!(!imported.article.text.contains('\0'));
    assert!(
        imported.article.text.contains("more text"),
        "{}",
        imported.article.text
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w == "2 NUL bytes left out"),
        "{:?}",
        imported.warnings
    );
}

#[test]
fn a_script_charset_is_not_the_pages_declaration() {
    let mut bytes = b"<html><head><script charset=\"utf-8\" src=\"a.js\"></script>\
        <meta charset=\"windows-1251\"><title>T</title></head><body><p>"
        .to_vec();
    bytes.extend_from_slice(
        &WINDOWS_1251
            .encode("Президент посетит Москву на следующей неделе.")
            .0,
    );
    bytes.extend_from_slice(b"</p></body></html>");
    let imported =
        import::import_bytes(Path::new("ru.html"), &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(
        (imported.encoding, imported.detection),
        (WINDOWS_1251, Detection::HtmlMeta)
    );
    assert!(imported.article.text.contains("Президент посетит Москву"));
}

#[test]
fn a_page_declaring_utf8_in_windows_1252_is_read() {
    let mut bytes =
        b"<html><head><meta charset=\"utf-8\"><title>T</title></head><body><p>".to_vec();
    let french = "Les élèves ont été très contents de leur journée à la mer. Ça coûte cher !";
    bytes.extend_from_slice(&WINDOWS_1252.encode(french).0);
    bytes.extend_from_slice(b"</p></body></html>");
    let imported =
        import::import_bytes(Path::new("fr.html"), &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(imported.encoding, WINDOWS_1252);
    assert_eq!(imported.detection, Detection::GuessedOverDeclared);
    assert!(
        imported.article.text.contains(french),
        "{}",
        imported.article.text
    );
}

#[test]
fn a_wrong_encoding_named_is_refused_suggesting_others() {
    let bytes = WINDOWS_1251
        .encode("Заголовок\n\nПрезидент посетит Москву.")
        .0;
    let options = ImportOptions {
        encoding: Some(encoding_rs::UTF_8),
        ..ImportOptions::default()
    };
    let message = import::import_bytes(Path::new("ru.txt"), &bytes, &options)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with("ru.txt: is not valid UTF-8 text"),
        "{message}"
    );
    for suggested in ["windows-1251", "windows-1252", "ISO-8859-2"] {
        assert!(message.contains(suggested), "{message}");
    }
}

#[test]
fn the_command_line_prints_each_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("статья.html");
    let mut body = MIXED.repeat(3).into_bytes();
    body.push(0xff);
    std::fs::write(&article, page(&body)).unwrap();
    let output = fresh_home::factbench()
        .arg("import")
        .arg(&article)
        .arg("--into")
        .arg(dir.path().join("desk.ron"))
        .output()
        .unwrap();
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "warning: {}: 1 byte sequence not valid in UTF-8 was read as U+FFFD",
        article.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
}
