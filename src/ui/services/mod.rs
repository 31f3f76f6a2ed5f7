//! What the window uses besides drawing: file dialogs and remembered
//! settings ([`files`]), and autosave to recovery files ([`autosave`]).

pub mod autosave;
pub mod files;
