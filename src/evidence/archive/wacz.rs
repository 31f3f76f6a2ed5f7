//! WACZ packages (Web Archive Collection Zipped, 1.x) as ArchiveWeb.page,
//! Browsertrix and py-wacz write them: a ZIP (read with the `zip` crate,
//! entry by entry into memory, never to disk) holding `datapackage.json`,
//! `pages/pages.jsonl` and the WARC files under `archive/`. The page is
//! the package's main page (`mainPageURL` in `datapackage.json`, else the
//! first page of `pages.jsonl`), read from the WARC that holds it — whose
//! record says where and when it was captured.
//!
//! Before anything is unpacked the entries are checked: a name that would
//! leave a folder (`../`, absolute, a drive), too many entries, and an
//! entry that claims to unpack past the limits or over [`MAX_RATIO`]
//! times its packed size (a zip bomb) are refused. Each entry read must
//! match its CRC and the SHA-256 `datapackage.json` gives it, and
//! `datapackage.json` the one `datapackage-digest.json` gives: a changed
//! byte anywhere read is refused as damage.

use super::{ArchivedPage, MAX_EXPANDED_BYTES, MAX_RATIO, RATIO_FREE_BYTES, parse_archive_time};
use crate::store::snapshots::sha256_hex;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Most entries a package may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// Most bytes `datapackage.json` or `pages.jsonl` may unpack to.
const MAX_INDEX_BYTES: u64 = 16 * 1024 * 1024;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// Whether `bytes` are a ZIP holding a `datapackage.json` (a WACZ), or a
/// ZIP named `.wacz` (which, cut short, may have lost that name).
pub fn looks_like_wacz(bytes: &[u8], file_name: &str) -> bool {
    let named = file_name.to_lowercase().ends_with(".wacz");
    bytes.starts_with(b"PK\x03\x04")
        && (named || memchr::memmem::find(bytes, b"datapackage.json").is_some())
}

/// Reads the main page of a WACZ package.
pub fn read_wacz(bytes: &[u8]) -> Result<ArchivedPage, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| format!("it is not a readable ZIP archive ({e}): truncated or damaged"))?;
    check_entries(&mut archive)?;
    let mut budget = MAX_EXPANDED_BYTES;
    let package = entry(
        &mut archive,
        "datapackage.json",
        MAX_INDEX_BYTES,
        &mut budget,
    )?
    .ok_or("it is a ZIP archive without datapackage.json: not a WACZ")?;
    check_digest(&mut archive, &package, &mut budget)?;
    let package: serde_json::Value = serde_json::from_slice(&package)
        .map_err(|e| format!("its datapackage.json is not JSON ({e}) (malformed)"))?;
    let hashes = resource_hashes(&package);
    let main = main_page(&mut archive, &package, &hashes, &mut budget)?;
    let warcs = warc_entries(&archive);
    if warcs.is_empty() {
        return Err("it holds no WARC file under archive/ (malformed)".to_owned());
    }
    let mut first_found: Option<ArchivedPage> = None;
    for name in &warcs {
        let warc = entry(&mut archive, name, MAX_EXPANDED_BYTES, &mut budget)?
            .ok_or_else(|| format!("its entry {name} cannot be found"))?;
        check_hash(name, &warc, &hashes)?;
        let page = super::warc::read_warc(&warc, main.url.as_deref())
            .map_err(|why| format!("its {name}: {why}"))?;
        let found_main = page.html.is_some() && page.notes.is_empty();
        if found_main {
            return Ok(with_page_list(page, &main));
        }
        if first_found.is_none() {
            first_found = Some(page);
        }
    }
    Ok(with_page_list(first_found.unwrap_or_default(), &main))
}

/// What `datapackage.json` and `pages.jsonl` say of the main page.
#[derive(Debug, Default)]
struct MainPage {
    url: Option<String>,
    ts: Option<jiff::Timestamp>,
}

/// The WARC's own address and time win; the page list's fill in.
fn with_page_list(mut page: ArchivedPage, main: &MainPage) -> ArchivedPage {
    if page.url.is_empty() {
        page.url = main.url.clone().unwrap_or_default();
    }
    if page.captured.is_none() {
        page.captured = main.ts;
    }
    page
}

fn check_entries(archive: &mut Archive) -> Result<(), String> {
    if archive.len() > MAX_ENTRIES {
        return Err(format!(
            "it holds {} entries; a WACZ of one capture has far fewer (at most {MAX_ENTRIES} are read)",
            archive.len()
        ));
    }
    let mut declared = 0u64;
    for index in 0..archive.len() {
        let file = archive
            .by_index_raw(index)
            .map_err(|e| format!("its entry {index} cannot be read ({e}): damaged"))?;
        let name = file
            .name()
            .map_err(|e| format!("it holds an entry whose name cannot be read ({e})"))?
            .into_owned();
        let escapes = name.starts_with('/')
            || name.starts_with('\\')
            || name.contains('\0')
            || name.get(1..2) == Some(":")
            || name.split(['/', '\\']).any(|part| part == "..");
        if escapes {
            return Err(format!(
                "it holds an entry named {name:?}, which points outside the package (a path trick); nothing is unpacked"
            ));
        }
        let (size, packed) = (file.size(), file.compressed_size().max(1));
        declared = declared.saturating_add(size);
        if size > RATIO_FREE_BYTES && size > packed.saturating_mul(MAX_RATIO) {
            return Err(format!(
                "its entry {name} unpacks to {} MB from {} KB, over {MAX_RATIO} times its size (a zip bomb?)",
                size >> 20,
                packed >> 10
            ));
        }
    }
    if declared > MAX_EXPANDED_BYTES {
        return Err(format!(
            "its entries unpack to {} MB, more than the {} MB a snapshot's archive may (a zip bomb?)",
            declared >> 20,
            MAX_EXPANDED_BYTES >> 20
        ));
    }
    Ok(())
}

/// The bytes of entry `name`, unpacked within `limit` and what is left of
/// `budget`; `None` when there is no such entry. A CRC that does not match
/// is damage.
fn entry(
    archive: &mut Archive,
    name: &str,
    limit: u64,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("its entry {name} cannot be read ({e}): damaged")),
    };
    let limit = limit.min(*budget);
    let too_large = || {
        format!(
            "its entry {name} unpacks to more than {} MB (a zip bomb?)",
            limit >> 20
        )
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut out = Vec::with_capacity(file.size() as usize);
    let read = (&mut file)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("its entry {name} cannot be unpacked ({e}): damaged or truncated"))?;
    if read as u64 > limit {
        return Err(too_large());
    }
    *budget -= read as u64;
    Ok(Some(out))
}

/// `datapackage-digest.json`, when there, must give `datapackage.json`'s hash.
fn check_digest(archive: &mut Archive, package: &[u8], budget: &mut u64) -> Result<(), String> {
    let Some(digest) = entry(archive, "datapackage-digest.json", MAX_INDEX_BYTES, budget)? else {
        return Ok(());
    };
    let digest: serde_json::Value = serde_json::from_slice(&digest)
        .map_err(|e| format!("its datapackage-digest.json is not JSON ({e}) (malformed)"))?;
    let Some(hash) = digest.get("hash").and_then(|h| h.as_str()) else {
        return Ok(());
    };
    match hash.strip_prefix("sha256:") {
        Some(expected) if !expected.eq_ignore_ascii_case(&sha256_hex(package)) => Err(
            "its datapackage.json does not match the hash datapackage-digest.json gives (damaged or altered)"
                .to_owned(),
        ),
        _ => Ok(()),
    }
}

/// Each resource's SHA-256 as `datapackage.json` lists it, by path.
fn resource_hashes(package: &serde_json::Value) -> HashMap<String, String> {
    let resources = package.get("resources").and_then(|r| r.as_array());
    resources
        .into_iter()
        .flatten()
        .filter_map(|r| {
            let path = r.get("path")?.as_str()?;
            let hash = r.get("hash")?.as_str()?.strip_prefix("sha256:")?;
            Some((path.to_owned(), hash.to_ascii_lowercase()))
        })
        .collect()
}

fn check_hash(name: &str, bytes: &[u8], hashes: &HashMap<String, String>) -> Result<(), String> {
    match hashes.get(name) {
        Some(expected) if *expected != sha256_hex(bytes) => Err(format!(
            "its entry {name} does not match the SHA-256 its datapackage.json gives (damaged or altered)"
        )),
        _ => Ok(()),
    }
}

/// The main page: `mainPageURL`/`mainPageDate`, else the first page of
/// `pages/pages.jsonl`.
fn main_page(
    archive: &mut Archive,
    package: &serde_json::Value,
    hashes: &HashMap<String, String>,
    budget: &mut u64,
) -> Result<MainPage, String> {
    let text = |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).map(str::to_owned);
    let mut main = MainPage {
        url: text(package.get("mainPageURL")),
        ts: text(package.get("mainPageDate"))
            .as_deref()
            .and_then(parse_archive_time),
    };
    if main.url.is_some() {
        return Ok(main);
    }
    let name = "pages/pages.jsonl";
    let Some(pages) = entry(archive, name, MAX_INDEX_BYTES, budget)? else {
        return Ok(main);
    };
    check_hash(name, &pages, hashes)?;
    let first = String::from_utf8_lossy(&pages)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .find(|page| page.get("url").is_some());
    if let Some(page) = first {
        main.url = text(page.get("url"));
        main.ts = text(page.get("ts")).as_deref().and_then(parse_archive_time);
    }
    Ok(main)
}

/// The WARC entries under `archive/`, in the package's order.
fn warc_entries(archive: &Archive) -> Vec<String> {
    archive
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("archive/") && (n.ends_with(".warc") || n.ends_with(".warc.gz")))
        .map(std::borrow::Cow::into_owned)
        .collect()
}
