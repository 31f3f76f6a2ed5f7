//! The Factbench window (eframe/egui), by role:
//!
//! - [`app`]: the application object, which owns the open document, draws
//!   the panels, and applies what they ask for in one place;
//! - [`panels`]: the article reader, the claims list, the claim inspector,
//!   the source library and the status bar;
//! - [`dialogs`]: prompts, details windows, import, recovery, problems,
//!   shortcuts and preferences;
//! - [`actions`]: the one table of menu entries and shortcuts;
//! - [`services`]: file dialogs, remembered settings and autosave;
//! - [`widgets`]: the small pieces shared by panels and dialogs;
//! - [`bidi_text`]: right-to-left labels and text fields outside the
//!   article, laid out as the reader lays out its paragraphs.
//!
//! Everything that changes the workspace is a [`crate::edit::Command`];
//! nothing in here keeps its own undo.

pub(crate) mod actions;
pub(crate) mod app;
pub(crate) mod bidi_text;
pub(crate) mod dialogs;
pub(crate) mod fonts;
pub(crate) mod panels;
pub(crate) mod services;
pub(crate) mod widgets;

// What the binary, the integration tests and the benchmarks use; the rest
// of the window is the crate's own.
pub use actions::{Action, SpanMove};
pub use app::{FactbenchApp, Pane, RightTab};
pub use dialogs::import::{ImportDialog, ImportOutcome, PasteDialog};
pub use fonts::install as install_fonts;
pub use panels::claim_inspector::checked_before::{CheckedBefore, LibraryStatus, Suggestion};
pub use panels::claim_list::{ClaimList, VerdictFilter};
pub use panels::reader::{EDITING_HINT, Reader};
pub use services::autosave::{install_panic_hook, set_aside_path};
pub use services::files::{FilePicker, ScriptedPicker};
pub use services::library_worker::{EarlierCheck, EmbeddingStatus};
pub use services::settings::Settings;

use services::files::NativePicker;
use std::path::PathBuf;

/// Opens the window and runs it until it is closed.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let settings_path = Settings::default_path();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Factbench")
            .with_app_id("factbench")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Factbench",
        options,
        Box::new(move |cc| {
            let app = FactbenchApp::launch(
                &cc.egui_ctx,
                file.as_deref(),
                settings_path,
                Box::new(NativePicker::default()),
            );
            services::autosave::install_panic_hook(app.panic_slot());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}
