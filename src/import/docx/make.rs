//! Word documents written from scratch, for the import bench and tests:
//! `pages` pages of paragraphs, a table and a list, each page ended by a
//! hard page break.

use std::io::Write;
use zip::write::SimpleFileOptions;

const NAMESPACE: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A report of `pages` pages, each of some 30 paragraphs (about 500
/// words), as a `.docx` file's bytes.
pub fn report(pages: usize) -> Vec<u8> {
    let mut body = String::new();
    for page in 1..=pages {
        for n in 0..30 {
            body.push_str(&format!(
                r#"<w:p><w:r><w:t xml:space="preserve">Page {page}, paragraph {n}: the committee heard that </w:t></w:r><w:ins w:id="{n}" w:author="Editor"><w:r><w:t>imports of grain </w:t></w:r></w:ins><w:r><w:t>fell by {n} per cent, a figure the ministry disputes.</w:t></w:r></w:p>"#
            ));
        }
        body.push_str("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Region</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Share</w:t></w:r></w:p></w:tc></w:tr></w:tbl>");
        body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACE}><w:body>{body}</w:body></w:document>"#
    );
    let core = r#"<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc"><dc:title>Committee report</dc:title></cp:coreProperties>"#;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("word/document.xml", document.as_str()),
        ("docProps/core.xml", core),
    ] {
        // Writing to memory cannot fail but for running out of it.
        let _ = writer.start_file(name, options);
        let _ = writer.write_all(text.as_bytes());
    }
    writer.finish().map(|c| c.into_inner()).unwrap_or_default()
}
