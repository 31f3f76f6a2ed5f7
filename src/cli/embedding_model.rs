//! The claim library's optional embedding model for `similar` and `check
//! --library`: `--embedding-model DIR` when given, else Preferences ›
//! Library › *Embedding model* as the window saved it (`settings.ron`,
//! read without the window's code, like [`super::your_name`]), else none —
//! and then nothing changes. Never downloaded.

use crate::library::{EmbeddingModel, Library};
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Only the field wanted; the others are skipped.
#[derive(Deserialize)]
#[serde(rename = "Settings")]
struct Settings {
    #[serde(default)]
    embedding_model: Option<PathBuf>,
}

/// The model folder saved in the preferences, if any.
fn preference() -> Option<PathBuf> {
    let text = super::your_name::settings_text()?;
    from_settings(&text)
}

fn from_settings(text: &str) -> Option<PathBuf> {
    let settings: Settings = ron::from_str(text).ok()?;
    settings
        .embedding_model
        .filter(|p| !p.as_os_str().is_empty())
}

/// Gives `library` the model in `flag`'s folder (an error when it cannot
/// be read), else the preferences' (a warning on `err` when it cannot be
/// read, and the search goes on without).
pub(super) fn configure(
    library: &mut Library,
    flag: Option<&Path>,
    err: &mut dyn Write,
) -> Result<(), String> {
    if let Some(dir) = flag {
        let model = EmbeddingModel::load(dir).map_err(|e| format!("--embedding-model: {e}"))?;
        library.set_embedding_model(Some(Arc::new(model)));
        return Ok(());
    }
    let Some(dir) = preference() else {
        return Ok(());
    };
    match EmbeddingModel::load(&dir) {
        Ok(model) => library.set_embedding_model(Some(Arc::new(model))),
        Err(e) => {
            let _ = writeln!(
                err,
                "factbench: the embedding model set in Preferences could not be used, so matching goes without it: {e}"
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_settings_file_gives_the_model_folder() {
        let text =
            "Settings(recent: [], your_name: \"Ana\", embedding_model: Some(\"/models/potion\"))";
        assert_eq!(from_settings(text), Some(PathBuf::from("/models/potion")));
        assert_eq!(from_settings("Settings(recent: [])"), None);
        assert_eq!(from_settings("Settings(embedding_model: None)"), None);
    }
}
