//! The window's tests (egui_kittest drives `FactbenchApp` without a
//! platform), one test crate with a module per area, so egui is linked
//! once rather than once per file. The real binary under Xvfb is tested by
//! `tests/e2e/run.sh`.

#![cfg(feature = "gui")]

#[path = "../fresh_home/mod.rs"]
mod fresh_home;
#[path = "../support/mod.rs"]
mod support;

mod access;
mod conflicts;
mod editing;
mod file_safety;
mod files;
mod find;
mod import_check;
mod import_dialog;
mod keyboard;
mod launch;
mod layout;
mod library;
mod links;
mod long_paragraph;
mod marking;
mod media;
mod monkey;
mod open_large;
mod pages;
mod platform;
mod publish;
mod recovery;
mod rtl;
mod scale;
mod snapshots;
mod span;
mod text_edit;
mod transcripts;
mod update;
