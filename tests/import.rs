//! Article import: every listed encoding and script, saved web pages with
//! their clutter and metadata, Markdown, refusals that change nothing, and
//! a property test that decoding gives back exactly the normalised text.

mod fresh_home;

use encoding_rs::{
    BIG5, Encoding, GB18030, KOI8_R, KOI8_U, SHIFT_JIS, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1251,
};
use factbench::import::{self, Detection, Format, ImportError, ImportOptions, normalise};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn expected(key: &str) -> (String, String) {
    let text = fs::read_to_string(fixture(&format!("{key}.expected.txt"))).unwrap();
    let (title, body) = text.split_once('\n').unwrap();
    (title.to_owned(), body.to_owned())
}

#[test]
fn every_encoding_and_script_is_detected_and_decoded() {
    let cases: [(&str, &str, &Encoding, Detection, &str); 12] = [
        (
            "ru-windows-1251.txt",
            "ru",
            WINDOWS_1251,
            Detection::Guessed,
            "ru",
        ),
        ("ru-koi8-r.txt", "ru", KOI8_U, Detection::Guessed, "ru"),
        ("uk-koi8-u.txt", "uk", KOI8_U, Detection::Guessed, "uk"),
        (
            "uk-windows-1251.txt",
            "uk",
            WINDOWS_1251,
            Detection::Guessed,
            "uk",
        ),
        (
            "zh-hans-gb18030.txt",
            "zh-hans",
            encoding_rs::GBK,
            Detection::Guessed,
            "zh-Hans",
        ),
        (
            "zh-hant-big5.txt",
            "zh-hant",
            BIG5,
            Detection::Guessed,
            "zh-Hant",
        ),
        (
            "ja-shift-jis.txt",
            "ja",
            SHIFT_JIS,
            Detection::Guessed,
            "ja",
        ),
        ("mixed-utf8.txt", "mixed", UTF_8, Detection::Utf8, "en"),
        (
            "mixed-utf8-bom.txt",
            "mixed",
            UTF_8,
            Detection::ByteOrderMark,
            "en",
        ),
        (
            "mixed-utf16le-bom.txt",
            "mixed",
            UTF_16LE,
            Detection::ByteOrderMark,
            "en",
        ),
        (
            "mixed-utf16be-bom.txt",
            "mixed",
            UTF_16BE,
            Detection::ByteOrderMark,
            "en",
        ),
        ("ru-utf8-crlf.txt", "ru", UTF_8, Detection::Utf8, "ru"),
    ];
    for (file, key, encoding, detection, language) in cases {
        let imported =
            import::import_file_detailed(&fixture(file), &ImportOptions::default()).unwrap();
        let (title, text) = expected(key);
        assert_eq!(imported.article.title, title, "{file}");
        assert_eq!(imported.article.text, text, "{file}");
        assert_eq!(imported.encoding, encoding, "{file}");
        assert_eq!(imported.detection, detection, "{file}");
        assert_eq!(imported.article.language, language, "{file}");
        assert_eq!(imported.format, Format::Text);
    }
}

#[test]
fn the_user_can_override_the_encoding() {
    let options = ImportOptions {
        encoding: Some(KOI8_R),
        ..Default::default()
    };
    let article = import::import_file(&fixture("ru-koi8-r.txt"), &options).unwrap();
    assert_eq!(article.text, expected("ru").1);
    let wrong = ImportOptions {
        encoding: Some(UTF_8),
        ..Default::default()
    };
    let error = import::import_file(&fixture("ru-windows-1251.txt"), &wrong).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, ImportError::Malformed { .. }));
    assert!(
        message.contains("ru-windows-1251.txt: is not valid UTF-8 text (as requested)"),
        "{message}"
    );
    assert!(message.contains("--encoding"), "{message}");
}

#[test]
fn english_page_keeps_the_story_and_drops_the_clutter() {
    let imported =
        import::import_file_detailed(&fixture("en-news-page.html"), &ImportOptions::default())
            .unwrap();
    let a = &imported.article;
    assert_eq!(imported.format, Format::Html);
    assert_eq!(a.title, "Xi to join Victory Day parade in Moscow");
    assert_eq!(a.outlet, "The Example Herald");
    assert_eq!(a.author, "Jane Reporter");
    assert_eq!(a.url, "https://herald.example.com/world/xi-moscow-parade");
    assert_eq!(a.published.unwrap().to_string(), "2025-05-04");
    assert_eq!(a.language, "en-GB");
    assert!(
        a.text
            .starts_with("Chinese President Xi Jinping will travel to Moscow next week"),
        "{}",
        a.text
    );
    assert!(
        a.text.ends_with("says it is neutral in the conflict."),
        "{}",
        a.text
    );
    assert_eq!(
        a.text.matches("\n\n").count(),
        3,
        "four paragraphs: {}",
        a.text
    );
    for clutter in [
        "Subscribe now",
        "ADVERTISEMENT",
        "Share on Facebook",
        "TrollUser99",
        "Comments (213)",
        "All rights reserved",
        "Cookie settings",
        "trackPageView",
        "font-family",
        "Related stories",
        "By Jane Reporter",
    ] {
        assert!(
            !a.text.contains(clutter),
            "{clutter:?} was kept: {}",
            a.text
        );
    }
    assert!(
        !a.text.starts_with(&a.title),
        "title repeated as the first line"
    );
}

#[test]
fn russian_page_in_windows_1251_honours_its_meta_charset() {
    let imported = import::import_file_detailed(
        &fixture("ru-news-page-windows-1251.html"),
        &ImportOptions::default(),
    )
    .unwrap();
    let a = &imported.article;
    assert_eq!(
        (imported.encoding, imported.detection),
        (WINDOWS_1251, Detection::HtmlMeta)
    );
    assert_eq!(
        a.title,
        "Си Цзиньпин посетит Москву в дни празднования Победы"
    );
    assert_eq!(a.outlet, "Пример Новостей");
    assert_eq!(a.author, "Иван Корреспондентов");
    assert_eq!(
        a.url,
        "https://novosti.example.ru/world/2025/05/04/xi-moscow"
    );
    assert_eq!(a.published.unwrap().to_string(), "2025-05-04");
    assert_eq!(a.language, "ru");
    assert!(
        a.text
            .starts_with("Председатель КНР Си Цзиньпин посетит Россию с 7 по 10 мая"),
        "{}",
        a.text
    );
    for clutter in [
        "РЕКЛАМА",
        "Главная",
        "Поделиться",
        "пропаганда",
        "Перепечатка",
        "YaCounter",
    ] {
        assert!(
            !a.text.contains(clutter),
            "{clutter:?} was kept: {}",
            a.text
        );
    }
}

#[test]
fn chinese_page_in_gb2312_uses_its_headline_as_title() {
    let imported = import::import_file_detailed(
        &fixture("zh-news-page-gb2312.html"),
        &ImportOptions::default(),
    )
    .unwrap();
    let a = &imported.article;
    assert_eq!(imported.detection, Detection::HtmlMeta);
    assert_eq!(a.title, "习近平将赴莫斯科出席胜利日庆典");
    assert_eq!(a.outlet, "示例网");
    assert_eq!(a.author, "记者 王明");
    assert_eq!(a.url, "https://news.example.cn/world/2025-05/05/c_1.htm");
    assert_eq!(a.published.unwrap().to_string(), "2025-05-05");
    assert_eq!(a.language, "zh-Hans");
    assert!(a.text.starts_with("新华社北京五月五日电"), "{}", a.text);
    assert!(
        a.text.ends_with("中方一贯主张通过对话谈判解决危机。"),
        "{}",
        a.text
    );
    for clutter in ["首页", "广告", "分享到", "网友评论", "版权所有", "_hmt"] {
        assert!(
            !a.text.contains(clutter),
            "{clutter:?} was kept: {}",
            a.text
        );
    }
}

#[test]
fn options_override_what_the_page_says() {
    let options = ImportOptions {
        title: Some("My title".into()),
        outlet: Some("My outlet".into()),
        url: Some("https://example.org/mine".into()),
        published: Some("2024-01-02".parse().unwrap()),
        encoding: None,
        ..Default::default()
    };
    let a = import::import_file(&fixture("en-news-page.html"), &options).unwrap();
    assert_eq!(
        (
            a.title.as_str(),
            a.outlet.as_str(),
            a.url.as_str(),
            a.published.unwrap().to_string()
        ),
        (
            "My title",
            "My outlet",
            "https://example.org/mine",
            "2024-01-02".to_owned()
        )
    );
    assert_eq!(a.author, "Jane Reporter");
}

#[test]
fn markdown_becomes_prose_with_its_heading_as_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.md");
    fs::write(&path, "# Заявление МИД\r\n\r\nМинистр **заявил**, что [поставки](https://example.org) прекращены.\r\n\r\n* первое\r\n* второе\r\n").unwrap();
    let a = import::import_file(&path, &ImportOptions::default()).unwrap();
    assert_eq!(a.title, "Заявление МИД");
    assert_eq!(
        a.text,
        "Министр заявил, что поставки прекращены.\n\n• первое\n• второе"
    );
    assert_eq!(a.language, "ru");
}

#[test]
fn pasted_text_becomes_an_article() {
    let a =
        import::article_from_clipboard("Заголовок\r\n\r\nТекст статьи.", &ImportOptions::default())
            .unwrap();
    assert_eq!(
        (a.title.as_str(), a.text.as_str()),
        ("Заголовок", "Текст статьи.")
    );
    let single = import::article_from_clipboard(
        "Only one paragraph of text with no title line at all.",
        &ImportOptions::default(),
    )
    .unwrap();
    assert_eq!(single.title, "Pasted article");
    assert!(import::article_from_clipboard("  \n\n ", &ImportOptions::default()).is_err());
}

fn refused(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    import::import_file(&path, &ImportOptions::default())
        .unwrap_err()
        .to_string()
}

#[test]
fn pdfs_images_archives_and_binaries_are_refused_by_what_they_are() {
    let cases: [(&[u8], &str, &str); 5] = [
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "photo.png",
            "is a PNG image, not an article",
        ),
        (
            b"\xff\xd8\xff\xe0\0\x10JFIF",
            "photo.txt",
            "is a JPEG image, not an article",
        ),
        (
            b"GIF89a\x01\0\x01\0",
            "anim.html",
            "is a GIF image, not an article",
        ),
        (b"PK\x03\x04\x14\0\x06\0", "story.zip", "ZIP archive"),
        (
            b"ELF\x02\x01\x01\0\0\0\0",
            "program",
            "binary file (it has a NUL byte at offset 6)",
        ),
    ];
    for (bytes, name, what) in cases {
        let message = refused(bytes, name);
        assert!(message.contains(name), "{message}");
        assert!(message.contains(what), "{name}: {message}");
        assert!(
            message.contains(
                "Factbench imports articles as text (.txt), Markdown (.md), saved web pages"
            ),
            "{message}"
        );
    }
    // PDF and Word documents are read, and refused when they cannot be,
    // with the reason.
    let documents: [(&[u8], &str, &str); 2] = [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "report.pdf",
            "report.pdf: is a PDF document that Factbench cannot import: it could not be read as a PDF",
        ),
        (
            b"PK\x03\x04\x14\0\x06\0",
            "story.docx",
            "story.docx: is a Word document that Factbench cannot import: it is not a readable ZIP archive",
        ),
    ];
    for (bytes, name, what) in documents {
        let message = refused(bytes, name);
        assert!(message.contains(what), "{name}: {message}");
    }
}

#[test]
fn files_over_20_mb_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(import::MAX_ARTICLE_BYTES + 1).unwrap();
    let message = import::import_file(&path, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(message.contains("huge.txt: is 20971521 bytes"), "{message}");
    assert!(
        message.contains("up to 20971520 bytes (20 MB)"),
        "{message}"
    );
}

#[test]
fn refusals_leave_the_workspace_byte_for_byte_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/xi-moscow-victory-day.ron"),
        &ws,
    )
    .unwrap();
    let before = fs::read(&ws).unwrap();
    let pdf = dir.path().join("scan.pdf");
    fs::write(&pdf, b"%PDF-1.4\n").unwrap();
    let huge = dir.path().join("huge.txt");
    fs::File::create(&huge)
        .unwrap()
        .set_len(import::MAX_ARTICLE_BYTES + 10)
        .unwrap();
    let image = dir.path().join("image.webp");
    fs::write(&image, b"RIFF\x10\0\0\0WEBPVP8 ").unwrap();
    for bad in [&pdf, &huge, &image, &dir.path().to_path_buf()] {
        let out = fresh_home::factbench()
            .arg("import")
            .arg(fixture("ru-koi8-r.txt"))
            .arg(bad)
            .arg("--into")
            .arg(&ws)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("unchanged"), "{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(fs::read(&ws).unwrap(), before, "{}", bad.display());
    }
}

#[test]
fn cli_reports_what_it_read_and_accepts_an_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    let out = fresh_home::factbench()
        .arg("import")
        .arg(fixture("ru-koi8-r.txt"))
        .args(["--encoding", "koi8-r", "--into"])
        .arg(&ws)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("ru-koi8-r.txt: “Визит председателя КНР в Москву”, text, KOI8-R (as requested), language ru"), "{stdout}");
    let bad = fresh_home::factbench()
        .arg("import")
        .arg(fixture("ru-koi8-r.txt"))
        .args(["--encoding", "klingon", "--into"])
        .arg(&ws)
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("\"klingon\" is not an encoding Factbench knows")
    );
}

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n\n",
    ".",
    "\"",
    "Москва",
    "Київ",
    "ґ",
    "习近平",
    "俄罗斯",
    "國際",
    "日本語",
    "カタカナ",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{feff}",
    "\t",
    "№",
    "—",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..80).prop_map(|p| p.concat())
}

fn encode(text: &str, encoding: &'static Encoding) -> Option<Vec<u8>> {
    if encoding == UTF_16LE {
        return Some(
            [0xff, 0xfe]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
        );
    }
    if encoding == UTF_16BE {
        return Some(
            [0xfe, 0xff]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
                .collect(),
        );
    }
    let (bytes, _, unmappable) = encoding.encode(text);
    (!unmappable).then(|| bytes.into_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_of_encoded_text_is_the_normalised_text(
        text in text_strategy(),
        encoding in prop::sample::select(vec![UTF_8, UTF_16LE, UTF_16BE, WINDOWS_1251, KOI8_R, KOI8_U, GB18030, BIG5, SHIFT_JIS]),
    ) {
        let expected = normalise(&text);
        prop_assume!(!expected.is_empty());
        let bytes = encode(&text, encoding);
        prop_assume!(bytes.is_some());
        let requested = (encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding);
        let options = ImportOptions { title: Some("T".into()), encoding: requested, ..Default::default() };
        let imported = import::import_bytes(Path::new("article.txt"), &bytes.unwrap(), &options).unwrap();
        prop_assert_eq!(imported.article.text, expected);
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400), html in any::<bool>()) {
        let name = if html { "page.html" } else { "article.txt" };
        if let Ok(imported) = import::import_bytes(Path::new(name), &bytes, &ImportOptions::default()) {
            prop_assert!(!imported.article.text.is_empty());
            prop_assert_eq!(normalise(&imported.article.text), imported.article.text);
        }
    }
}

/// A page built by its scripts, as saved before they ran (the shape of a
/// Next.js shop page: a title, a description, and a script of data).
fn scripted_page(description: &str) -> String {
    let data = format!(
        "{{\"props\":{{\"pageProps\":{{\"product\":{{\"name\":\"Rug\",\"blurb\":\"{}\"}}}}}}}}",
        "x".repeat(4_000)
    );
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Beatrice Tan Rug | Ruggable US</title>\
         {description}</head><body><div id=\"__next\"></div>\
         <script id=\"__NEXT_DATA__\" type=\"application/json\">{data}</script>\
         <script src=\"/_next/static/chunks/main.js\"></script></body></html>"
    )
}

#[test]
fn a_page_built_by_scripts_gives_its_description_with_a_warning_or_a_refusal_that_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rug.html");
    let description = "<meta name=\"description\" content=\"Shop the Beatrice Tan Rug from \
        Ruggable. Our washable rugs are made-to-order, stain-resistant and machine washable.\">";
    fs::write(&path, scripted_page(description)).unwrap();
    let imported = import::import_file_detailed(&path, &ImportOptions::default()).unwrap();
    assert!(
        imported
            .article
            .text
            .starts_with("Shop the Beatrice Tan Rug"),
        "{:?}",
        imported.article.text
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("only its description was imported")),
        "{:?}",
        imported.warnings
    );
    // No description: refused, saying why and what to do.
    let message = refused(scripted_page("").as_bytes(), "rug.html");
    assert!(
        message.contains("rug.html: has no article text of its own"),
        "{message}"
    );
    assert!(message.contains("(5 KB of them)"), "{message}");
    assert!(message.contains("Save Page As"), "{message}");
    // An empty page without scripts is simply empty.
    let message = refused(b"<html><body><div></div></body></html>", "blank.html");
    assert!(
        message.ends_with("blank.html: has no article text"),
        "{message}"
    );
}
