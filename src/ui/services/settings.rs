//! What the window remembers between runs ([`Settings`]: recent files,
//! theme, text size, your name, autosave, the export dialog's answers,
//! the claim library's folders and optional embedding model), kept in the platform's config folder
//! (found with the `directories` crate) as a small RON file.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The window's light or dark look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// What the window remembers between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    /// Article text size in points.
    pub text_size: f32,
    /// After File › Export › HTML report, open it in the default browser
    /// (saved as soon as it is changed; older files without it get `true`).
    #[serde(default = "default_open_report")]
    pub open_report_after_export: bool,
    /// Seconds between autosaves of unsaved work to the recovery file.
    #[serde(default = "default_autosave_secs")]
    pub autosave_secs: u32,
    /// Preferences › Claim library folders; when empty, the open
    /// workspace's folder (older files without it get none).
    #[serde(default)]
    pub library_folders: Vec<PathBuf>,
    /// Preferences › Claim library › Embedding model: the folder of a
    /// static embedding model that re-ranks matches; none by default (the
    /// command line reads it too, `cli/embedding_model.rs`).
    #[serde(default)]
    pub embedding_model: Option<PathBuf>,
    /// Preferences › Your name: who publishes, reviews and corrects claims.
    #[serde(default)]
    pub your_name: String,
    /// What the last export was asked to hold, offered again next time.
    #[serde(default)]
    pub last_export: ExportChoice,
}

/// The export dialog's answers, remembered between exports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportChoice {
    /// The internal review copy rather than the public export.
    pub internal: bool,
    /// Only the article shown in the reader rather than every article.
    pub shown_article_only: bool,
    /// Claims in context even for articles marked *publish full text*.
    pub context_only: bool,
}

fn default_open_report() -> bool {
    true
}

fn default_autosave_secs() -> u32 {
    super::autosave::DEFAULT_INTERVAL_SECS
}

/// Default article text size.
pub const DEFAULT_TEXT_SIZE: f32 = 16.0;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            theme: ThemeChoice::System,
            open_report_after_export: default_open_report(),
            text_size: DEFAULT_TEXT_SIZE,
            autosave_secs: default_autosave_secs(),
            library_folders: Vec::new(),
            embedding_model: None,
            your_name: String::new(),
            last_export: ExportChoice::default(),
        }
    }
}

/// Largest settings file read: a few recent files and choices take a few
/// kilobytes.
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

impl Settings {
    /// Where settings live: `factbench/settings.ron` in the platform config folder.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "Factbench", "Factbench")
            .map(|dirs| dirs.config_dir().join("settings.ron"))
    }

    /// Reads settings; anything missing or unreadable (not a regular file,
    /// over [`MAX_SETTINGS_BYTES`], not UTF-8) gives the defaults.
    pub fn load(path: &Path) -> Settings {
        crate::read_limited::read_limited(path, MAX_SETTINGS_BYTES)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes settings (atomically, like workspaces).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::store::replace_atomically(path, text.as_bytes()).map_err(|e| e.to_string())
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_recent_files_stay_unique_and_short() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("settings.ron");
        let mut settings = Settings::default();
        for n in 0..15 {
            settings.remember(Path::new(&format!("/nonexistent/{n}.ron")));
        }
        settings.remember(Path::new("/nonexistent/3.ron"));
        assert_eq!(settings.recent.len(), MAX_RECENT);
        assert_eq!(settings.recent[0], Path::new("/nonexistent/3.ron"));
        assert_eq!(
            settings
                .recent
                .iter()
                .filter(|p| p.ends_with("3.ron"))
                .count(),
            1
        );
        settings.save(&path).unwrap();
        assert_eq!(Settings::load(&path), settings);
        assert_eq!(
            Settings::load(&dir.path().join("missing.ron")),
            Settings::default()
        );
    }

    #[test]
    fn the_open_report_choice_is_kept_and_old_files_without_it_load() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.ron");
        let settings = Settings {
            open_report_after_export: false,
            theme: ThemeChoice::Dark,
            ..Settings::default()
        };
        settings.save(&path).unwrap();
        assert!(!Settings::load(&path).open_report_after_export);
        // A file written before the choice was saved keeps its other settings.
        std::fs::write(&path, "(recent: [], theme: Light, text_size: 20.0)").unwrap();
        let old = Settings::load(&path);
        assert_eq!(old.theme, ThemeChoice::Light);
        assert_eq!(old.text_size, 20.0);
        assert!(old.open_report_after_export, "the default: open the report");
    }
}
