//! Reading a Meedan Check export: a ZIP of the CSV files Check's export
//! code writes (items, fact-checks, explainers, a feed's fact-checks; see
//! `docs/import-check.md` for the columns and where they come from), into
//! plain records that [`build`] turns into one workspace per Check
//! workspace. Nothing here writes anything.

mod archive;
pub mod build;
pub mod mapping;
mod tables;
#[cfg(test)]
mod tests;
mod write;

pub use archive::{Limits, MAX_CSV_BYTES, MAX_ENTRIES, MAX_TOTAL_BYTES, MAX_ZIP_BYTES};
pub use build::{Counts, PlannedWorkspace, plan_workspaces};
pub use mapping::{StatusMap, Unmapped, best_guess, statuses_seen};
pub use write::{target_paths, write_workspaces};

use jiff::Timestamp;
use std::path::Path;

/// Where a record was read: the file's name in the ZIP and the line its
/// row starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: u64,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}", self.file, self.line)
    }
}

/// An item (a claim sent to or found by the team) with its status.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The Check workspace (slug) it belongs to, when the export says.
    pub workspace: Option<String>,
    pub claim: String,
    pub item_url: String,
    /// The status's label, as the workspace named it.
    pub status: String,
    pub created_by: String,
    pub submitted: Option<Timestamp>,
    /// When the media was posted on social media.
    pub posted: Option<Timestamp>,
    /// When the item's report (the fact-check) was published.
    pub report_published: Option<Timestamp>,
    pub reviewed_by: String,
    pub tags: Vec<String>,
    /// Check's other columns (number of media, shares…), when not empty.
    pub details: Vec<(String, String)>,
    /// The team's own fields (annotations, task answers) and any column
    /// Check does not write, by column name, when not empty.
    pub annotations: Vec<(String, String)>,
    pub place: Place,
}

/// A fact-check (from the fact-check or articles list, or a feed's
/// fact-check view).
#[derive(Clone, Debug, PartialEq)]
pub struct FactCheck {
    pub workspace: Option<String>,
    /// Check's id of the fact-check (empty in a feed's view).
    pub check_id: String,
    pub title: String,
    pub summary: String,
    pub url: String,
    pub language: String,
    /// Whether its report is published.
    pub published: bool,
    /// The report status as written (`published`, `unpublished`, `paused`).
    pub report_status: String,
    /// The rating (a status id), in a feed's view only.
    pub rating: Option<String>,
    pub updated: Option<Timestamp>,
    pub tags: Vec<String>,
    /// Check's "Imported?": made by a bot rather than in Check.
    pub imported: bool,
    pub annotations: Vec<(String, String)>,
    pub place: Place,
}

/// An explainer: an article the team wrote, with a link.
#[derive(Clone, Debug, PartialEq)]
pub struct Explainer {
    pub workspace: Option<String>,
    pub check_id: String,
    pub title: String,
    pub description: String,
    pub url: String,
    pub language: String,
    pub place: Place,
}

/// Everything read from an export.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Read {
    pub items: Vec<Item>,
    pub fact_checks: Vec<FactCheck>,
    pub explainers: Vec<Explainer>,
    /// What the user should know (columns kept as annotations, files
    /// left unread).
    pub warnings: Vec<String>,
    /// CSVs that are none of Check's exports.
    pub not_check: Vec<String>,
}

/// Reads the export at `path` within the default limits.
pub fn read_export(path: &Path) -> Result<Read, String> {
    let bytes = crate::read_limited::read_limited(path, MAX_ZIP_BYTES).map_err(|failure| {
        use crate::read_limited::ReadFailure;
        let path = path.display();
        match failure {
            ReadFailure::NotFound => format!("{path}: no such file"),
            ReadFailure::IsDirectory => format!("{path}: is a folder, not a ZIP file"),
            ReadFailure::NotRegular { kind } => {
                format!("{path}: {}", ReadFailure::not_regular_message(kind))
            }
            ReadFailure::TooLarge { size } => format!(
                "{path}: {} MB; a Check export of at most {} MB is read",
                size >> 20,
                MAX_ZIP_BYTES >> 20
            ),
            ReadFailure::Io(e) => format!("{path}: {e}"),
        }
    })?;
    read_export_bytes(&bytes, Limits::default()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads an export from its bytes; errors name the file in the ZIP.
pub fn read_export_bytes(zip: &[u8], limits: Limits) -> Result<Read, String> {
    let unpacked = archive::unpack(zip, limits)?;
    let mut read = Read::default();
    for csv in &unpacked.csvs {
        let before = (
            read.items.len(),
            read.fact_checks.len(),
            read.explainers.len(),
        );
        tables::read_csv(&csv.name, &csv.bytes, &mut read)?;
        assign_workspace(&csv.name, before, &mut read);
    }
    if read.items.is_empty() && read.fact_checks.is_empty() && read.explainers.is_empty() {
        return Err(not_an_export(&unpacked.csvs, &read.not_check));
    }
    if !read.not_check.is_empty() {
        read.warnings.push(format!(
            "not read, none of Check's exports: {}",
            read.not_check.join(", ")
        ));
    }
    if !unpacked.others.is_empty() {
        read.warnings
            .push(format!("not read, not CSV: {}", unpacked.others.join(", ")));
    }
    Ok(read)
}

fn not_an_export(csvs: &[archive::CsvEntry], not_check: &[String]) -> String {
    let found = match csvs.is_empty() {
        true => "it holds no CSV file".to_owned(),
        false => format!("none of its CSV files is one ({})", not_check.join(", ")),
    };
    format!(
        "not a Meedan Check export: {found}; Check's exports have the columns Claim, Item page URL, Status (items) or ID, Title, Summary, URL, Language, Report Status, Imported? (fact-checks)"
    )
}

/// The workspace of the records one file added: the ZIP folder it lies
/// in, else what the row says (an item's page URL, a feed's Workspace
/// column), else the slug in a `workspace-data-SLUG-DATE.csv` name.
fn assign_workspace(
    name: &str,
    (items, facts, explainers): (usize, usize, usize),
    read: &mut Read,
) {
    let folder = name.split_once('/').map(|(folder, _)| folder.to_owned());
    let from_name = slug_in_file_name(name);
    let pick = |own: &mut Option<String>| {
        let chosen = folder.clone().or(own.take()).or(from_name.clone());
        *own = chosen;
    };
    read.items[items..]
        .iter_mut()
        .for_each(|i| pick(&mut i.workspace));
    read.fact_checks[facts..]
        .iter_mut()
        .for_each(|f| pick(&mut f.workspace));
    read.explainers[explainers..]
        .iter_mut()
        .for_each(|e| pick(&mut e.workspace));
}

/// `workspace-data-SLUG-2024-05-01.csv` (the workspace data task's name) → `SLUG`.
fn slug_in_file_name(name: &str) -> Option<String> {
    let file = name.rsplit('/').next()?.strip_suffix(".csv")?;
    let rest = file.strip_prefix("workspace-data-")?;
    let slug = rest.get(..rest.len().checked_sub(11)?)?;
    let date = &rest[slug.len()..];
    (date.len() == 11 && date.starts_with('-') && !slug.is_empty()).then(|| slug.to_owned())
}
