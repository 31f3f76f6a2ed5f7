//! The CSV files of a Check export ZIP, unpacked within limits: the ZIP
//! itself, the number of entries, each CSV and all of them together. An
//! entry that claims to be small but unpacks past its limit (a zip bomb)
//! is stopped at the limit, not read whole.

use std::io::{Cursor, Read};

/// The largest export ZIP read.
pub const MAX_ZIP_BYTES: u64 = 256 * 1024 * 1024;
/// The most entries an export may hold.
pub const MAX_ENTRIES: usize = 10_000;
/// The most one CSV may unpack to.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;
/// The most all CSVs together may unpack to.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

/// The limits a reading obeys (the tests make them small).
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub entries: usize,
    pub csv_bytes: u64,
    pub total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            entries: MAX_ENTRIES,
            csv_bytes: MAX_CSV_BYTES,
            total_bytes: MAX_TOTAL_BYTES,
        }
    }
}

/// One CSV of the ZIP: its name there and its bytes.
pub struct CsvEntry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// What the ZIP holds: its CSVs in ZIP order, and the names of the other
/// files (reported, not read).
pub struct Unpacked {
    pub csvs: Vec<CsvEntry>,
    pub others: Vec<String>,
}

/// The CSV entries of `zip`; an error says what is wrong, naming the entry.
pub fn unpack(zip: &[u8], limits: Limits) -> Result<Unpacked, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).map_err(|e| {
        format!("it is not a ZIP file ({e}); a Check export is a .zip of CSV files")
    })?;
    if archive.len() > limits.entries {
        return Err(format!(
            "it holds {} entries; a Check export has far fewer (at most {} are read)",
            archive.len(),
            limits.entries
        ));
    }
    let mut unpacked = Unpacked {
        csvs: Vec::new(),
        others: Vec::new(),
    };
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| format!("its entry #{} cannot be read ({e})", index + 1))?;
        let name = entry
            .name()
            .map_err(|e| {
                format!(
                    "its entry #{} has a name that cannot be read ({e})",
                    index + 1
                )
            })?
            .into_owned();
        if entry.is_dir() || is_system_file(&name) {
            continue;
        }
        if !name.to_lowercase().ends_with(".csv") {
            unpacked.others.push(name);
            continue;
        }
        let limit = limits.csv_bytes.min(limits.total_bytes - total);
        let declared = entry.size();
        let bytes = read_entry(&mut entry, declared, &name, (limit, limits))?;
        total += bytes.len() as u64;
        unpacked.csvs.push(CsvEntry { name, bytes });
    }
    Ok(unpacked)
}

/// Folders and files that archivers add (`__MACOSX/`, `.DS_Store`).
fn is_system_file(name: &str) -> bool {
    name.starts_with("__MACOSX/") || name.rsplit('/').next().is_some_and(|n| n == ".DS_Store")
}

/// The entry's bytes, at most `limit` of them whatever it declares.
pub(super) fn read_entry(
    entry: &mut dyn Read,
    declared: u64,
    name: &str,
    (limit, limits): (u64, Limits),
) -> Result<Vec<u8>, String> {
    let too_large = || {
        format!(
            "{name} unpacks to more than {} (a zip bomb?); at most {} per file and {} in all are read",
            megabytes(limit),
            megabytes(limits.csv_bytes),
            megabytes(limits.total_bytes)
        )
    };
    if declared > limit {
        return Err(too_large());
    }
    let mut out = Vec::with_capacity(declared.min(limit) as usize);
    let read = entry
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("{name} cannot be unpacked ({e})"))?;
    if read as u64 > limit {
        return Err(too_large());
    }
    Ok(out)
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{bytes} bytes")
    }
}
