//! Small PDFs written from scratch, for the tests and the import bench:
//! pages of lines in Helvetica (Latin-1 text), at positions given, with
//! optional running header and footer, page labels, metadata and `/ID`.
//! Also the hostile shapes import must refuse or survive.

use std::fmt::Write;

/// A line of text drawn at `(x, y)` points from the bottom left.
#[derive(Clone, Debug)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// A document to write.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub pages: Vec<Vec<Placed>>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// `D:…` date string.
    pub created: Option<String>,
    /// The `/PageLabels` dictionary's `Nums` array, as PDF source.
    pub labels: Option<String>,
    /// Extra objects (number, body) and extra page resources.
    pub extra_objects: Vec<(usize, String)>,
    pub page_resources: String,
}

/// The lines of one page of body text, 11 pt, single column, from the top.
pub fn column(lines: &[&str], x: f32, top: f32) -> Vec<Placed> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| Placed {
            x,
            y: top - 14.0 * i as f32,
            size: 11.0,
            text: (*line).to_owned(),
        })
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 256 => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// The bytes of the PDF described; text chars above U+00FF become `?`.
pub fn write(spec: &Spec) -> Vec<u8> {
    let n = spec.pages.len();
    // Objects: 1 catalog, 2 pages, 3 font, 4 info, then page i at 5 + 2i
    // and its content at 6 + 2i, then the extra objects.
    let mut objects: Vec<(usize, String)> = Vec::new();
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 5 + 2 * i)).collect();
    let labels = spec
        .labels
        .as_ref()
        .map(|nums| format!("/PageLabels << /Nums [{nums}] >>"))
        .unwrap_or_default();
    objects.push((1, format!("<< /Type /Catalog /Pages 2 0 R {labels} >>")));
    objects.push((2, format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>")));
    objects.push((
        3,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_owned(),
    ));
    let mut info = String::from("<< ");
    for (key, value) in [
        ("Title", &spec.title),
        ("Author", &spec.author),
        ("CreationDate", &spec.created),
    ] {
        if let Some(value) = value {
            let _ = write!(info, "/{key} ({}) ", escape(value));
        }
    }
    info.push_str(">>");
    objects.push((4, info));
    for (i, page) in spec.pages.iter().enumerate() {
        let mut content = String::new();
        for line in page {
            let _ = writeln!(
                content,
                "BT /F1 {} Tf 1 0 0 1 {} {} Tm ({}) Tj ET",
                line.size,
                line.x,
                line.y,
                escape(&line.text)
            );
        }
        objects.push((
            5 + 2 * i,
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R /Resources << /Font << /F1 3 0 R >> {} >> >>",
                6 + 2 * i,
                spec.page_resources
            ),
        ));
        objects.push((6 + 2 * i, stream(&content)));
    }
    objects.extend(spec.extra_objects.iter().cloned());
    assemble(objects)
}

/// An uncompressed stream object's body.
pub fn stream(content: &str) -> String {
    format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len()
    )
}

/// The file: header, objects, cross-reference table, trailer with `/ID`.
fn assemble(mut objects: Vec<(usize, String)>) -> Vec<u8> {
    objects.sort_by_key(|(n, _)| *n);
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let size = objects.last().map_or(1, |(n, _)| n + 1);
    let mut offsets = vec![None; size];
    for (number, body) in &objects {
        offsets[*number] = Some(out.len());
        out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let xref = out.len();
    let mut table = format!("xref\n0 {size}\n0000000000 65535 f \n");
    for offset in &offsets[1..] {
        match offset {
            Some(at) => {
                let _ = writeln!(table, "{at:010} 00000 n ");
            }
            None => table.push_str("0000000000 65535 f \n"),
        }
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {size} /Root 1 0 R /Info 4 0 R /ID [<0a1b2c3d> <0a1b2c3d>] >>\nstartxref\n{xref}\n%%EOF\n"
    );
    out.extend_from_slice(table.as_bytes());
    out
}

/// A plain report of `pages` pages of numbered paragraphs, with a running
/// header and a page-number footer: the bench's 100-page PDF.
pub fn report(pages: usize) -> Vec<u8> {
    let spec = Spec {
        pages: (1..=pages)
            .map(|p| {
                let mut lines = vec![Placed {
                    x: 72.0,
                    y: 760.0,
                    size: 9.0,
                    text: "Annual report of the Statistics Office".to_owned(),
                }];
                let body: Vec<String> = (0..40)
                    .map(|l| {
                        format!(
                            "Page {p} line {l}: the office counted {} households in the region.",
                            p * 100 + l
                        )
                    })
                    .collect();
                let body: Vec<&str> = body.iter().map(String::as_str).collect();
                lines.extend(column(&body, 72.0, 720.0));
                lines.push(Placed {
                    x: 300.0,
                    y: 40.0,
                    size: 9.0,
                    text: p.to_string(),
                });
                lines
            })
            .collect(),
        title: Some("Annual report".to_owned()),
        ..Spec::default()
    };
    write(&spec)
}
