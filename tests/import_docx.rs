//! Word document import (issue 24, step c): paragraphs, breaks, tabs,
//! lists, tables, notes after the body, tracked changes accepted,
//! comments left out, metadata; zip bombs and path tricks refused.

use factbench::import::docx::read_docx_within;
use factbench::import::{self, Format, ImportOptions};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, body) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(body.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn body(inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{inner}</w:body></w:document>"#
    )
}

fn para(runs: &str) -> String {
    format!("<w:p>{runs}</w:p>")
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

const NUMBERING: &str = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num></w:numbering>"#;

const CORE: &str = r#"<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc" xmlns:dcterms="dcterms"><dc:title>Ministry statement</dc:title><dc:creator>Олена Коваль</dc:creator><dcterms:created>2023-11-02T09:00:00Z</dcterms:created></cp:coreProperties>"#;

const FOOTNOTES: &str = r#"<w:footnotes xmlns:w="w"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Source: customs data, 2023.</w:t></w:r></w:p></w:footnote></w:footnotes>"#;

fn statement() -> Vec<u8> {
    let list = |text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            run(text)
        )
    };
    let document = body(&[
        para(&run("Exports rose by 12 per cent")),
        para(&format!(
            "{}<w:r><w:tab/><w:t>after a tab</w:t><w:br/><w:t>next line</w:t></w:r>",
            run("Line one")
        )),
        para(&format!(
            r#"{}<w:ins w:id="1" w:author="A"><w:r><w:t>accepted insertion </w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>deleted words </w:delText></w:r></w:del>{}"#,
            run("Edited: "),
            run("end.")
        )),
        para(&format!(
            r#"{}<w:commentRangeStart w:id="0"/><w:r><w:t>commented text</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>{}<w:r><w:footnoteReference w:id="2"/></w:r>"#,
            run("Claim with "),
            run(" and a note")
        )),
        list("First item"),
        list("Second item"),
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            para(&run("Region")),
            para(&run("Share")),
            para(&run("North")),
            para(&run("41 %"))
        ),
        para(&format!(r#"{}<w:r><w:br w:type="page"/></w:r>{}"#, run("Before the break."), run("Second page."))),
    ]
    .concat());
    docx(&[
        ("word/document.xml", &document),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", FOOTNOTES),
        (
            "word/comments.xml",
            r#"<w:comments xmlns:w="w"><w:comment w:id="0"><w:p><w:r><w:t>REVIEWER NOTE</w:t></w:r></w:p></w:comment></w:comments>"#,
        ),
        ("docProps/core.xml", CORE),
    ])
}

#[test]
fn a_word_document_becomes_an_article() {
    let imported = import::import_bytes(
        Path::new("statement.docx"),
        &statement(),
        &ImportOptions::default(),
    )
    .unwrap();
    let article = &imported.article;
    assert_eq!(imported.format, Format::Docx);
    assert_eq!(article.title, "Ministry statement");
    assert_eq!(article.author, "Олена Коваль");
    assert_eq!(article.published, "2023-11-02".parse().ok());
    let expected = "Exports rose by 12 per cent\n\n\
        Line one\tafter a tab\nnext line\n\n\
        Edited: accepted insertion end.\n\n\
        Claim with commented text and a note[1]\n\n\
        1. First item\n\n\
        2. Second item\n\n\
        Region\tShare\nNorth\t41 %\n\n\
        Before the break.\n\n\
        Second page.\n\n\
        [1] Source: customs data, 2023.";
    assert_eq!(article.text, expected);
    assert!(!article.text.contains("deleted") && !article.text.contains("REVIEWER"));
    let starts: Vec<(usize, usize)> = imported.pages.iter().map(|p| (p.page, p.start)).collect();
    let second = article.text.chars().count()
        - "Second page.\n\n[1] Source: customs data, 2023."
            .chars()
            .count();
    assert_eq!(starts, [(1, 0), (2, second)]);
    assert!(imported.fingerprint.is_some());
}

#[test]
fn an_entry_named_outside_the_document_is_refused() {
    let bytes = docx(&[
        ("word/document.xml", &body(&para(&run("x")))),
        ("../../etc/evil.xml", "x"),
    ]);
    let error = import::import_bytes(Path::new("trick.docx"), &bytes, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("trick.docx: is a Word document that Factbench cannot import"),
        "{error}"
    );
    assert!(error.contains("path trick"), "{error}");
}

#[test]
fn a_part_that_unpacks_too_far_is_refused() {
    let huge = format!("{}{}", body(&para(&run("x"))), " ".repeat(3 << 20));
    let bytes = docx(&[("word/document.xml", &huge)]);
    assert!(bytes.len() < 100_000, "compressed to {}", bytes.len());
    let error = read_docx_within(&bytes, 1 << 20).unwrap_err();
    assert!(error.contains("more than 1 MB (a zip bomb?)"), "{error}");
    assert!(read_docx_within(&bytes, 4 << 20).is_ok());
}

#[test]
fn a_zip_without_a_document_and_a_broken_zip_are_refused() {
    let other = docx(&[("mimetype", "application/epub+zip")]);
    let error = import::import_bytes(Path::new("book.docx"), &other, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(error.contains("without a Word document"), "{error}");
    let mut cut = statement();
    cut.truncate(cut.len() / 2);
    let error = import::import_bytes(Path::new("cut.docx"), &cut, &ImportOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("cut.docx: is a Word document that Factbench cannot import"),
        "{error}"
    );
}

#[test]
fn a_text_box_inside_a_paragraph_keeps_the_paragraph_whole() {
    let inner = r#"<w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#;
    let document = body(&para(&format!(
        "{}{inner}{}",
        run("Before the box, "),
        run("after it.")
    )));
    let bytes = docx(&[("word/document.xml", &document)]);
    let text = import::import_bytes(Path::new("box.docx"), &bytes, &ImportOptions::default())
        .unwrap()
        .article
        .text;
    assert_eq!(text, "Box text\n\nBefore the box, after it.");
}
