//! Factbench: a desktop fact-checking workbench.
//!
//! The library holds everything: the domain model ([`model`]), char-offset
//! anchors ([`anchor`]), plain-text paragraphs, words and caret motions
//! ([`text`]), the RON workspace file ([`store`]), article import
//! ([`import`]), snapshots of sources and their custody ([`evidence`]),
//! the claim library of earlier checks ([`library`]), merging
//! copies through git ([`merge`]), exports ([`export`]), the command line ([`cli`]) and the
//! window ([`ui`], behind the default `gui` feature). `main.rs` only parses
//! arguments and hands over to [`cli::run`].

pub mod anchor;
pub mod cli;
pub mod edit;
pub mod evidence;
pub mod export;
pub mod import;
pub mod library;
pub mod merge;
pub mod model;
mod read_limited;
pub mod reanchor;
pub mod sample;
pub mod store;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;

pub use model::{
    Anchor, Article, ArticleId, Claim, ClaimId, Correction, Evidence, Priority, Problem, Publisher,
    Source, SourceId, SourceKind, Stance, Status, Verdict, VerdictScale, Workspace,
};
