//! Evidence that outlives the web (`docs/evidence.md`): snapshots of a
//! source made from files the checker saved (`capture.rs`, with the kinds
//! of file and EXIF in `image.rs`), excerpts anchored in a snapshot's text
//! (`excerpt.rs`), and `verify`'s findings (`verify.rs`). The bytes are
//! kept beside the workspace by `store::snapshots`; every change to the
//! workspace goes through `edit` (`Command::AddSnapshot`,
//! `Command::RecordCustody`).

pub mod archive;
pub mod capture;
pub mod excerpt;
pub mod image;
pub mod verify;

pub use capture::{Captured, MAX_SNAPSHOT_BYTES, Request, capture};
pub use verify::{Finding, Found, verify};
