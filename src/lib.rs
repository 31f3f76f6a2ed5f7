//! Factbench: a desktop fact-checking workbench.
//!
//! The library holds everything: the domain model ([`model`]), char-offset
//! anchors ([`anchor`]), the RON workspace file ([`store`]), article import
//! ([`import`]), the command line ([`cli`]) and the window ([`ui`]). `main.rs` only parses
//! arguments and hands over to [`cli::run`].

pub mod anchor;
pub mod cli;
pub mod import;
pub mod model;
pub mod sample;
pub mod store;
pub mod ui;

pub use model::{
    Anchor, Article, ArticleId, Claim, ClaimId, Correction, Evidence, Priority, Problem, Publisher,
    Source, SourceId, SourceKind, Stance, Status, Verdict, VerdictScale, Workspace,
};
