//! What the window uses besides drawing: file dialogs ([`files`]), the
//! settings it remembers ([`settings`]), autosave to recovery files
//! ([`autosave`]), the claim library on its worker thread
//! ([`library_worker`]), snapshots made and verified on workers
//! ([`evidence_worker`]), and opening written files in other programs
//! ([`opener`]).

pub mod autosave;
pub mod evidence_worker;
pub mod files;
pub mod library_worker;
pub mod opener;
pub mod settings;
