//! PDF import (issue 24): pages in reading order with their starts, running
//! headers and footers kept out, labels, metadata and fingerprint, pages
//! without text reported, and hostile files refused quickly with the
//! file's name and the reason.

use factbench::import::pdf::make::{self, Placed, Spec, column};
use factbench::import::{self, Format, ImportOptions, Imported};
use std::path::Path;
use std::time::{Duration, Instant};

fn import_named(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    import::import_bytes(Path::new(name), bytes, &ImportOptions::default())
        .map_err(|e| e.to_string())
}

fn line(x: f32, y: f32, text: &str) -> Placed {
    Placed {
        x,
        y,
        size: 11.0,
        text: text.to_owned(),
    }
}

/// Three pages with a running header and a page-number footer.
fn three_pages() -> Spec {
    let bodies = [
        [
            "Statement on the budget",
            "The ministry said the defi-",
            "cit fell to 2.1 per cent.",
        ],
        [
            "Second page text",
            "Unemployment rose in the",
            "north of the country.",
        ],
        [
            "Third page text",
            "Exports grew by four per",
            "cent over the year.",
        ],
    ];
    Spec {
        pages: bodies
            .iter()
            .enumerate()
            .map(|(i, body)| {
                let mut page = vec![line(72.0, 760.0, "Ministry of Finance - Press office")];
                page.extend(column(body, 72.0, 700.0));
                page.push(line(300.0, 40.0, &format!("Page {} of 3", i + 1)));
                page
            })
            .collect(),
        title: Some("Budget statement".to_owned()),
        author: Some("Press office".to_owned()),
        created: Some("D:20240305120000Z".to_owned()),
        labels: Some("0 << /S /r >> 1 << /S /D /St 7 >>".to_owned()),
        ..Spec::default()
    }
}

#[test]
fn a_pdf_becomes_an_article_of_its_pages() {
    let imported = import_named("budget.pdf", &make::write(&three_pages())).unwrap();
    let article = &imported.article;
    assert_eq!(imported.format, Format::Pdf);
    assert_eq!(article.title, "Budget statement");
    assert_eq!(article.author, "Press office");
    assert_eq!(article.published, "2024-03-05".parse().ok());
    assert!(
        article.text.starts_with(
            "Statement on the budget\nThe ministry said the deficit fell to 2.1 per cent."
        ) || article
            .text
            .starts_with("Statement on the budget The ministry said the deficit fell"),
        "{:?}",
        article.text
    );
    assert!(!article.text.contains("Press office"), "{:?}", article.text);
    assert!(!article.text.contains("of 3"), "{:?}", article.text);
    let starts: Vec<(usize, &str)> = imported
        .pages
        .iter()
        .map(|p| (p.page, p.label.as_str()))
        .collect();
    assert_eq!(starts, [(1, "i"), (2, "7"), (3, "8")]);
    for page in &imported.pages[1..] {
        let rest: String = article.text.chars().skip(page.start).collect();
        let expected = if page.page == 2 {
            "Second page text"
        } else {
            "Third page text"
        };
        assert!(
            rest.starts_with(expected),
            "page {} starts {rest:?}",
            page.page
        );
    }
    let fingerprint = imported.fingerprint.as_ref().unwrap();
    assert_eq!(fingerprint.pdf_id.as_deref(), Some("0a1b2c3d"));
    assert_eq!(fingerprint.sha256.len(), 64);
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn two_columns_are_read_column_by_column() {
    let left: Vec<String> = (0..12)
        .map(|i| format!("Left column sentence number {i} ends here."))
        .collect();
    let right: Vec<String> = (0..12)
        .map(|i| format!("Right column sentence number {i} ends here."))
        .collect();
    let left: Vec<&str> = left.iter().map(String::as_str).collect();
    let right: Vec<&str> = right.iter().map(String::as_str).collect();
    let mut page = vec![Placed {
        size: 18.0,
        ..line(
            72.0,
            740.0,
            "A headline across the whole page width of the report",
        )
    }];
    page.extend(column(&left, 50.0, 700.0));
    page.extend(column(&right, 320.0, 700.0));
    let spec = Spec {
        pages: vec![page],
        ..Spec::default()
    };
    let text = import_named("columns.pdf", &make::write(&spec))
        .unwrap()
        .article
        .text;
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} in {text:?}"))
    };
    assert!(at("A headline") < at("Left column sentence number 0"));
    assert!(at("Left column sentence number 11") < at("Right column sentence number 0"));
    assert!(at("Right column sentence number 0") < at("Right column sentence number 11"));
}

#[test]
fn a_page_without_text_is_named_in_a_warning() {
    let mut spec = three_pages();
    spec.pages[1].clear();
    let imported = import_named("scan.pdf", &make::write(&spec)).unwrap();
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.starts_with("page 2 has no text layer")),
        "{:?}",
        imported.warnings
    );
    assert_eq!(imported.pages.len(), 3);
    assert_eq!(imported.pages[1].start, imported.pages[2].start);
}

/// Imported or refused within the time limit, never a panic; a refusal
/// names the file.
fn survives(name: &str, bytes: &[u8]) -> Result<Imported, String> {
    let started = Instant::now();
    let outcome = import_named(name, bytes);
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "{name} took {:?}",
        started.elapsed()
    );
    if let Err(message) = &outcome {
        assert!(message.starts_with(name), "{message}");
    }
    outcome
}

#[test]
fn damaged_pdfs_are_refused_with_the_reason() {
    let good = make::write(&three_pages());
    let garbage = survives(
        "garbage.pdf",
        b"%PDF-1.7\n\x00\x01 this is not a PDF at all",
    )
    .unwrap_err();
    assert!(
        garbage.contains("is a PDF document that Factbench cannot import"),
        "{garbage}"
    );
    for cut in [20, good.len() / 3, good.len() / 2, good.len() - 40] {
        let _ = survives("truncated.pdf", &good[..cut]);
    }
    let mut scrambled = good.clone();
    for i in (100..scrambled.len()).step_by(37) {
        scrambled[i] = scrambled[i].wrapping_add(1);
    }
    let _ = survives("scrambled.pdf", &scrambled);
}

#[test]
fn a_form_that_draws_itself_is_refused() {
    let mut spec = three_pages();
    spec.page_resources = "/XObject << /X1 90 0 R >>".to_owned();
    spec.extra_objects.push((
        90,
        make::stream("/X1 Do").replace("<< /Length", "<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 90 0 R >> >> /Length"),
    ));
    let message = survives("loop.pdf", &make::write(&spec)).unwrap_err();
    assert!(message.contains("includes itself"), "{message}");
}

#[test]
fn a_decompression_bomb_is_refused() {
    use std::io::Write;
    // One megabyte of zeros, flushed so that every copy deflates the same;
    // repeated, it unpacks to 300 MB from a file of a few hundred KB.
    let mut compress = flate2::Compress::new(flate2::Compression::best(), true);
    let mut chunk = Vec::with_capacity(1 << 20);
    compress
        .compress_vec(&vec![0u8; 1 << 20], &mut chunk, flate2::FlushCompress::Full)
        .unwrap();
    let mut data = chunk.clone();
    for _ in 0..300 {
        data.extend_from_slice(&chunk[2..]);
    }
    let mut pdf = Vec::new();
    write!(
        pdf,
        "%PDF-1.4\n1 0 obj << /Length {} /Filter /FlateDecode >>\nstream\n",
        data.len()
    )
    .unwrap();
    pdf.extend_from_slice(&data);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let message = survives("bomb.pdf", &pdf).unwrap_err();
    assert!(message.contains("decompression bomb"), "{message}");
}

#[test]
fn ten_thousand_pages_are_read_or_refused_in_time() {
    let spec = Spec {
        pages: (0..10_000)
            .map(|i| vec![line(72.0, 700.0, &format!("Page {i}"))])
            .collect(),
        ..Spec::default()
    };
    if let Ok(imported) = survives("long.pdf", &make::write(&spec)) {
        assert_eq!(imported.pages.len(), 10_000);
        assert!(imported.article.text.contains("Page 9999"));
    }
}

#[test]
fn the_report_used_by_the_bench_reads_back() {
    let imported = import_named("report.pdf", &make::report(3)).unwrap();
    assert_eq!(imported.pages.len(), 3);
    assert!(
        imported
            .article
            .text
            .contains("Page 3 line 39: the office counted 339 households")
    );
    assert!(
        !imported
            .article
            .text
            .contains("Annual report of the Statistics Office")
    );
}
