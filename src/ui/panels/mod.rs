//! The window's panels: the article in the middle, the claims list on the
//! left, the claim inspector and source library on the right, the status
//! bar at the bottom. Each reads the workspace and returns intents.

pub mod claim_inspector;
pub mod claim_list;
pub mod reader;
pub mod snapshots;
pub mod source_library;
pub mod status_bar;
