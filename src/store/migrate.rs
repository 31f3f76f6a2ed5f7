//! Reading files written in older workspace format versions.
//!
//! Each older version keeps a frozen copy of the parts of the model that
//! changed since, and a conversion to the next version. Loading an old file
//! parses it with its own version's types and converts it step by step.
//!
//! Version 0 was the pre-release layout: the workspace had `name` instead of
//! `title`, `publisher` was a plain string, and there was no `methodology`.

use super::LoadError;
use super::format::parse;
use crate::model::{Article, Claim, FORMAT_VERSION, Publisher, Source, VerdictScale, Workspace};
use jiff::Timestamp;
use serde::Deserialize;
use std::path::Path;

/// Just enough of any version's file to read its `format_version`.
#[derive(Deserialize)]
#[serde(rename = "Workspace")]
struct VersionProbe {
    format_version: u32,
}

/// The `format_version` a file declares, if it can be read at all.
pub(super) fn declared_version(text: &str, path: &Path) -> Option<u32> {
    parse::<VersionProbe>(text, path)
        .ok()
        .map(|p| p.format_version)
}

/// Reads a file of an older `version` and brings it up to the current one.
pub(super) fn upgrade(version: u32, text: &str, path: &Path) -> Result<Workspace, LoadError> {
    match version {
        0 => parse::<v0::Workspace>(text, path).map(Workspace::from),
        FORMAT_VERSION => parse::<Workspace>(text, path),
        _ => unreachable_version(version, path),
    }
}

fn unreachable_version(version: u32, path: &Path) -> Result<Workspace, LoadError> {
    Err(LoadError::NewerVersion {
        path: path.to_owned(),
        found: version,
        supported: FORMAT_VERSION,
    })
}

mod v0 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Workspace {
        #[allow(dead_code)]
        pub format_version: u32,
        pub name: String,
        pub description: String,
        pub created: Timestamp,
        pub modified: Timestamp,
        pub publisher: String,
        pub report_url: String,
        pub scale: VerdictScale,
        pub articles: Vec<Article>,
        pub claims: Vec<Claim>,
        pub sources: Vec<Source>,
    }
}

impl From<v0::Workspace> for Workspace {
    fn from(old: v0::Workspace) -> Self {
        Workspace {
            format_version: FORMAT_VERSION,
            title: old.name,
            description: old.description,
            methodology: String::new(),
            created: old.created,
            modified: old.modified,
            publisher: Publisher {
                name: old.publisher,
                url: String::new(),
            },
            report_url: old.report_url,
            scale: old.scale,
            articles: old.articles,
            claims: old.claims,
            sources: old.sources,
        }
    }
}
