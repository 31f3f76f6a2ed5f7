//! Exports: the annotated HTML report and the standard formats
//! fact-checkers publish (Markdown, CSV, ClaimReview JSON-LD, W3C Web
//! Annotation JSON-LD).
//!
//! The window and the command line share one entry point:
//!
//! ```
//! use factbench::export::{self, ExportOptions, Format};
//! let workspace = factbench::sample::sample_workspace();
//! let mut html = Vec::new();
//! export::write(Format::Html, &workspace, &ExportOptions::default(), &mut html)?;
//! assert!(html.starts_with(b"<!DOCTYPE html>"));
//! # Ok::<(), export::ExportError>(())
//! ```
//!
//! Every exporter takes a `&Workspace`, writes to any `io::Write` and is
//! deterministic: the same workspace gives the same bytes (no current time,
//! no random ids). All text from articles and users is escaped for its
//! context (see [`escape`]); only `http`, `https` and `mailto` URLs become
//! links.
//!
//! A workspace with problems still exports. Claims whose anchor no longer
//! matches the text are never given wrong offsets: they are not highlighted
//! in the report and Markdown, their start and end are left empty in CSV,
//! and they are left out of the Web Annotation export. [`warnings`] says
//! what an export will leave out or change, so the caller can tell the user.

pub mod archived;
mod checked_quote;
pub mod claimreview;
pub mod csv;
pub mod direction;
pub mod escape;
pub mod html;
pub mod markdown;
mod markdown_archived;
pub mod mediareview;
mod missing;
pub mod moment;
pub mod pages;
mod plan;
mod segments;
mod updated;
pub mod webanno;
pub mod withheld;

use crate::model::{ArticleId, Workspace};
pub use archived::SnapshotLinks;
pub use missing::{Missing, missing_data};
use std::fmt;
use std::io;
use std::str::FromStr;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// The self-contained annotated report for readers.
    Html,
    /// The report's content for pasting into a CMS.
    Markdown,
    /// One row per claim, for spreadsheets.
    Csv,
    /// schema.org ClaimReview JSON-LD, one per rated claim.
    ClaimReview,
    /// W3C Web Annotation JSON-LD, one annotation per claim.
    WebAnnotation,
    /// schema.org MediaReview JSON-LD, one per rated claim about media.
    MediaReview,
}

impl Format {
    /// Every format, in menu order.
    pub const ALL: [Format; 6] = [
        Format::Html,
        Format::Markdown,
        Format::Csv,
        Format::ClaimReview,
        Format::WebAnnotation,
        Format::MediaReview,
    ];

    /// What a menu shows.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML report",
            Format::Markdown => "Markdown",
            Format::Csv => "CSV spreadsheet",
            Format::ClaimReview => "ClaimReview JSON-LD",
            Format::WebAnnotation => "W3C Web Annotations",
            Format::MediaReview => "MediaReview JSON-LD",
        }
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::ClaimReview => "json",
            Format::WebAnnotation => "jsonld",
            Format::MediaReview => "json",
        }
    }

    /// Every extension a file of this format is given (the usual one first).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Html => &["html", "htm", "xhtml"],
            Format::Markdown => &["md", "markdown", "txt"],
            Format::Csv => &["csv", "tsv", "txt"],
            Format::ClaimReview => &["json", "jsonld"],
            Format::WebAnnotation => &["jsonld", "json"],
            Format::MediaReview => &["json", "jsonld"],
        }
    }

    /// The name used by `factbench export --format`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::ClaimReview => "claimreview",
            Format::WebAnnotation => "webanno",
            Format::MediaReview => "mediareview",
        }
    }

    /// A file name for saving `workspace` in this format, from its title
    /// (`xi-jinping-s-victory-day-visit.html`).
    pub fn suggested_file_name(self, workspace: &Workspace) -> String {
        let mut stem = String::new();
        for c in workspace.title.chars().flat_map(char::to_lowercase) {
            if c.is_alphanumeric() {
                stem.push(c);
            } else if !stem.is_empty() && !stem.ends_with('-') {
                stem.push('-');
            }
            if stem.chars().count() >= 60 {
                break;
            }
        }
        let stem = stem.trim_end_matches('-');
        let stem = if stem.is_empty() {
            "factbench-export"
        } else {
            stem
        };
        let suffix = match self {
            Format::ClaimReview => ".claimreview",
            Format::WebAnnotation => ".annotations",
            Format::MediaReview => ".mediareview",
            _ => "",
        };
        format!("{stem}{suffix}.{}", self.extension())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cli_name())
    }
}

/// A format name that is not one of `html`, `md`, `csv`, `claimreview`,
/// `webanno`, `mediareview`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format {0:?}; use html, md, csv, claimreview, webanno or mediareview")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Parses the command-line names, ignoring case.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.cli_name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| UnknownFormat(name.to_owned()))
    }
}

/// Who an export is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Audience {
    /// Readers: published claims only, no internal text, each article
    /// shown as its claims in context unless it is marked *publish full
    /// text*. What `factbench export` and the window write unless told.
    Public,
    /// The desk's review copy: every claim with its status, priority,
    /// reviews and internal notes, the full annotated text, every page
    /// marked *Draft — not for publication*. The library's
    /// [`ExportOptions::default`] is this copy, which leaves nothing out.
    #[default]
    Internal,
}

impl Audience {
    pub const ALL: [Audience; 2] = [Audience::Public, Audience::Internal];

    /// The name used by `factbench export --audience`.
    pub fn cli_name(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Internal => "internal",
        }
    }

    /// What the window shows.
    pub fn label(self) -> &'static str {
        match self {
            Audience::Public => "Public (published claims only)",
            Audience::Internal => "Internal review copy (everything, marked Draft)",
        }
    }

    pub fn is_public(self) -> bool {
        self == Audience::Public
    }
}

impl FromStr for Audience {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Audience::ALL
            .into_iter()
            .find(|a| a.cli_name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| format!("unknown audience {name:?}; use public or internal"))
    }
}

/// How a public export shows an article's text (the internal copy always
/// shows the full text).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextShown {
    /// The whole annotated text of articles marked *publish full text*,
    /// the claims in context for the others.
    #[default]
    AsMarked,
    /// Only the claims in context, whatever the articles say.
    ContextOnly,
}

/// What to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Export only this article and its claims; `None` exports everything.
    pub article: Option<ArticleId>,
    pub audience: Audience,
    pub text: TextShown,
    /// Whether snapshots are published beside the report and linked there.
    pub snapshots: SnapshotLinks,
}

impl ExportOptions {
    /// The public export of everything published.
    pub fn public() -> Self {
        ExportOptions {
            audience: Audience::Public,
            ..ExportOptions::default()
        }
    }

    /// The internal review copy of everything.
    pub fn internal() -> Self {
        ExportOptions {
            audience: Audience::Internal,
            ..ExportOptions::default()
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the workspace has no article with the id {id}")]
    UnknownArticle { id: ArticleId },
    #[error("could not write the export: {0}")]
    Io(#[from] io::Error),
    #[error("could not write the export as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("could not write the export as CSV: {0}")]
    Csv(#[from] ::csv::Error),
    #[error(
        "the workspace has {0} unsettled merge conflict(s); settle them first (the conflict list in the window, or `factbench check` to see them)"
    )]
    UnsettledConflicts(usize),
}

/// Writes `workspace` in `format` to `out`. This is the one entry point the
/// window and the command line use.
pub fn write(
    format: Format,
    workspace: &Workspace,
    options: &ExportOptions,
    out: &mut dyn io::Write,
) -> Result<(), ExportError> {
    if !workspace.conflicts.is_empty() {
        return Err(ExportError::UnsettledConflicts(workspace.conflicts.len()));
    }
    let shown = shown_to(workspace, options.audience);
    let plan = plan::Plan::new(&shown, options)?;
    match format {
        Format::Html => html::write(&plan, out),
        Format::Markdown => markdown::write(&plan, out),
        Format::Csv => csv::write(&plan, out),
        Format::ClaimReview => claimreview::write(&plan, out),
        Format::WebAnnotation => webanno::write(&plan, out),
        Format::MediaReview => mediareview::write(&plan, out),
    }
}

/// The workspace an export for `audience` is written from: protected
/// sources withheld from the public ([`withheld::public_view`]).
fn shown_to(workspace: &Workspace, audience: Audience) -> std::borrow::Cow<'_, Workspace> {
    match audience {
        Audience::Public => withheld::public_view(workspace),
        Audience::Internal => std::borrow::Cow::Borrowed(workspace),
    }
}

/// The snapshots an export of `workspace` publishes beside the report
/// (`--with-snapshots`): (SHA-256, file name in `NAME_files/`), each once.
/// A protected source's are never among them in a public export.
pub fn snapshot_files(
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Vec<(String, String)>, ExportError> {
    let shown = shown_to(workspace, options.audience);
    let plan = plan::Plan::new(&shown, options)?;
    Ok(archived::files_to_publish(&plan))
}

/// What an export of `workspace` in `format` will leave out or change,
/// one sentence each, for the user to read (the command line prints them
/// to stderr). Empty when the export is complete.
pub fn warnings(
    format: Format,
    workspace: &Workspace,
    options: &ExportOptions,
) -> Result<Vec<String>, ExportError> {
    let plan = plan::Plan::new(workspace, options)?;
    let mut out = Vec::new();
    for planned in &plan.claims {
        let n = format!("{} ({})", planned.number, planned.claim.id);
        let positioned = matches!(format, Format::Html | Format::Markdown | Format::Csv);
        if let Some(fault) = &planned.fault {
            match format {
                Format::WebAnnotation => out.push(format!(
                    "claim {n} left out: its anchor does not match the article text ({fault})"
                )),
                _ if positioned => out.push(format!(
                    "claim {n} is not placed in the article text: its anchor does not match ({fault})"
                )),
                _ => {}
            }
        }
        if planned.claim.is_media() && format == Format::WebAnnotation {
            out.push(format!(
                "claim {n} left out: it is about media, not a quote of the text"
            ));
        }
        if planned.article.is_none() && format == Format::WebAnnotation {
            out.push(format!("claim {n} left out: its article is missing"));
        }
        if let plan::VerdictState::Unknown(key) = planned.verdict
            && matches!(format, Format::ClaimReview | Format::Html)
        {
            out.push(format!(
                "claim {n} has verdict {key:?}, which is not on the scale; no ClaimReview is published for it"
            ));
        }
    }
    if options.audience == Audience::Public
        && workspace.publisher.name.trim() == crate::sample::SAMPLE_PUBLISHER
    {
        out.push(format!(
            "the publisher is still the bundled sample's (“{}”): name your desk, its logo and its methodology in Workspace › Details before publishing",
            crate::sample::SAMPLE_PUBLISHER
        ));
    }
    if options.audience == Audience::Public {
        out.extend(plan.sources.iter().filter(|s| s.protected).map(|s| {
            format!(
                "source {} is protected: the export shows it only as “{}”",
                s.id,
                withheld::WITHHELD
            )
        }));
    }
    if format == Format::MediaReview {
        out.extend(mediareview::uncategorised(&plan).map(|p| format!(
            "claim {} ({}): its verdict names none of schema.org's media categories (Original media, Transformed, Edited or cropped, Satire or parody, Decontextualized, Staged); its MediaReview has no mediaAuthenticityCategory",
            p.number, p.claim.id
        )));
    }
    if matches!(
        format,
        Format::ClaimReview | Format::Html | Format::MediaReview
    ) && plan.report_link("x").is_none()
        && plan.claims.iter().any(|c| c.claim.is_rated())
    {
        out.push(
            "the workspace has no http(s) report URL, which every ClaimReview needs; no ClaimReview is published".to_owned(),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_cli_names_and_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.cli_name().parse::<Format>(), Ok(format));
            assert_eq!(format.to_string().parse::<Format>(), Ok(format));
        }
        assert_eq!("HTML".parse::<Format>(), Ok(Format::Html));
        assert_eq!("webanno".parse::<Format>(), Ok(Format::WebAnnotation));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn suggested_file_names_use_the_title_and_extension() {
        let ws = crate::sample::sample_workspace();
        assert_eq!(
            Format::Html.suggested_file_name(&ws),
            "xi-jinping-s-victory-day-visit-to-moscow.html"
        );
        assert_eq!(
            Format::WebAnnotation.suggested_file_name(&ws),
            "xi-jinping-s-victory-day-visit-to-moscow.annotations.jsonld"
        );
        let untitled = Workspace::new("  ¿?  ");
        assert_eq!(
            Format::Csv.suggested_file_name(&untitled),
            "factbench-export.csv"
        );
    }

    #[test]
    fn unknown_article_is_an_error_not_an_empty_export() {
        let ws = crate::sample::sample_workspace();
        let options = ExportOptions {
            article: Some(ArticleId::new()),
            ..ExportOptions::default()
        };
        let result = write(Format::Csv, &ws, &options, &mut Vec::new());
        assert!(matches!(result, Err(ExportError::UnknownArticle { .. })));
    }
}
