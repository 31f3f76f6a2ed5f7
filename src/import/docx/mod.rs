//! Word documents (`.docx`) as articles: a small reader over the zip
//! container and a streaming XML walk ([`body`]), not a document model.
//! The text is the body's, then the footnotes and endnotes it refers to
//! (`[1] …`); tracked changes are taken as accepted and comments left
//! out. Title, author and creation date come from `docProps/core.xml`.
//!
//! The container is checked before anything is unpacked: an entry whose
//! name would leave a folder it was unpacked in (`../`, absolute paths),
//! too many entries, and parts that unpack past [`MAX_PART_BYTES`] (a zip
//! bomb) are refused with the reason.

mod body;
pub mod make;
mod numbering;
mod xml;

use super::Fingerprint;
use super::paged::{DocumentMeta, PageText, ReadDocument};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{Cursor, Read};
use xml::{XmlEvent, attr, for_each_event};

/// Most bytes one part may unpack to.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Most entries a document may hold.
pub const MAX_ENTRIES: usize = 20_000;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Reads a Word document's pages, metadata and fingerprint. The error is
/// the reason, a phrase to follow the file's name.
pub fn read_docx(bytes: &[u8]) -> Result<ReadDocument, String> {
    read_docx_within(bytes, MAX_PART_BYTES)
}

/// [`read_docx`] with another limit on the bytes one part unpacks to.
pub fn read_docx_within(bytes: &[u8], limit: u64) -> Result<ReadDocument, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("it is not a readable ZIP archive ({e})"))?;
    check_entries(&archive)?;
    let main = main_part(&mut archive)?;
    let Some(document) = part(&mut archive, &main, limit)? else {
        return Err(format!(
            "it is a ZIP archive without a Word document in it (no {main}); Factbench imports .docx files"
        ));
    };
    let folder = main.rsplit_once('/').map_or("", |(f, _)| f);
    let sibling = |name: &str| {
        if folder.is_empty() {
            name.to_owned()
        } else {
            format!("{folder}/{name}")
        }
    };
    let mut numbering = part(&mut archive, &sibling("numbering.xml"), limit)?
        .map(|xml| numbering::Numbering::parse(&xml))
        .unwrap_or_default();
    let mut walk = body::Walk::default();
    for_each_event(&document, |e| {
        walk.event(e, &mut numbering);
        Ok(())
    })
    .map_err(|e| format!("{main} is {e}"))?;
    let (mut pages, refs) = walk.finish();
    let mut notes = Vec::new();
    for (file, endnote) in [("footnotes.xml", false), ("endnotes.xml", true)] {
        if !refs.iter().any(|r| r.endnote == endnote) {
            continue;
        }
        if let Some(xml) = part(&mut archive, &sibling(file), limit)? {
            let texts = note_texts(&xml, &mut numbering).map_err(|e| format!("{file} is {e}"))?;
            for r in refs.iter().filter(|r| r.endnote == endnote) {
                if let Some(text) = texts.get(&r.id).filter(|t| !t.trim().is_empty()) {
                    notes.push(format!("{} {}", r.marker, text.trim()));
                }
            }
        }
    }
    if !notes.is_empty()
        && let Some(last) = pages.last_mut()
    {
        last.push_str("\n\n");
        last.push_str(&notes.join("\n\n"));
    }
    let meta = match part(&mut archive, "docProps/core.xml", limit)? {
        Some(xml) => core_properties(&xml),
        None => DocumentMeta::default(),
    };
    Ok(ReadDocument {
        pages: pages
            .into_iter()
            .enumerate()
            .map(|(i, text)| PageText {
                label: (i + 1).to_string(),
                text,
            })
            .collect(),
        meta,
        warnings: Vec::new(),
        fingerprint: Fingerprint {
            sha256: Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
            pdf_id: None,
        },
    })
}

/// Refuses archives with too many entries or an entry named to escape
/// the folder it would be unpacked in.
fn check_entries(archive: &Archive) -> Result<(), String> {
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "it holds {} entries; a Word document has far fewer (at most {MAX_ENTRIES} are read)",
            archive.len()
        ));
    }
    for name in archive.file_names() {
        let name =
            name.map_err(|e| format!("it holds an entry whose name cannot be read ({e})"))?;
        let escapes = name.starts_with('/')
            || name.starts_with('\\')
            || name.contains('\0')
            || name.get(1..2) == Some(":")
            || name.split(['/', '\\']).any(|part| part == "..");
        if escapes {
            return Err(format!(
                "it holds an entry named {name:?}, which points outside the document (a path trick)"
            ));
        }
    }
    Ok(())
}

/// The main document part named by `_rels/.rels`, else `word/document.xml`.
fn main_part(archive: &mut Archive) -> Result<String, String> {
    let mut main = None;
    if let Some(rels) = part(archive, "_rels/.rels", MAX_PART_BYTES)? {
        let _ = for_each_event(&rels, |e| {
            if let XmlEvent::Start("Relationship", attrs) = e
                && attr(attrs, "Type").is_some_and(|t| t.ends_with("/officeDocument"))
            {
                main = attr(attrs, "Target");
            }
            Ok(())
        });
    }
    Ok(main
        .map(|t| t.trim_start_matches('/').to_owned())
        .unwrap_or_else(|| "word/document.xml".to_owned()))
}

/// The bytes of entry `name`, unpacked up to the limit; `None` when there
/// is no such entry.
fn part(archive: &mut Archive, name: &str, limit: u64) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("its part {name} cannot be read ({e})")),
    };
    let too_large = || {
        format!(
            "its part {name} unpacks to more than {} MB (a zip bomb?)",
            limit >> 20
        )
    };
    if entry.size() > limit {
        return Err(too_large());
    }
    let mut out = Vec::with_capacity(entry.size().min(limit) as usize);
    let read = (&mut entry)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("its part {name} cannot be unpacked ({e})"))?;
    if read as u64 > limit {
        return Err(too_large());
    }
    Ok(Some(out))
}

/// The text of each footnote (or endnote) by id.
fn note_texts(
    xml: &[u8],
    numbering: &mut numbering::Numbering,
) -> Result<HashMap<String, String>, String> {
    let mut texts = HashMap::new();
    let mut current: Option<(String, body::Walk)> = None;
    for_each_event(xml, |e| {
        match e {
            XmlEvent::Start("footnote" | "endnote", attrs) => {
                current = attr(attrs, "id").map(|id| (id, body::Walk::default()));
            }
            XmlEvent::End("footnote" | "endnote") => {
                if let Some((id, walk)) = current.take() {
                    let (pages, _) = walk.finish();
                    texts.insert(id, pages.join("\n\n").replace("\n\n", " "));
                }
            }
            e => {
                if let Some((_, walk)) = current.as_mut() {
                    walk.event(e, numbering);
                }
            }
        }
        Ok(())
    })?;
    Ok(texts)
}

/// Title, author (creator) and creation date of `docProps/core.xml`.
fn core_properties(xml: &[u8]) -> DocumentMeta {
    let mut meta = DocumentMeta::default();
    let mut field: Option<String> = None;
    let _ = for_each_event(xml, |e| {
        match e {
            XmlEvent::Start(name, _) => field = Some(name.to_owned()),
            XmlEvent::End(_) => field = None,
            XmlEvent::Text(text) => match field.as_deref() {
                Some("title") => meta.title.push_str(text),
                Some("creator") => meta.author.push_str(text),
                Some("created") => {
                    meta.created = text.get(..10).and_then(|d| d.parse().ok());
                }
                _ => {}
            },
        }
        Ok(())
    });
    meta
}
