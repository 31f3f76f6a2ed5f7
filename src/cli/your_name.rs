//! Preferences › Your name, as the window saved it, for the commands
//! whose `--by` defaults to it (`snapshot`, `verify`). Read from the
//! window's settings file (`ui/services/settings.rs`: `settings.ron` in
//! the platform's config folder) without the window's code, so builds
//! without the window read it too.

use serde::Deserialize;

/// Largest settings file read (as the window reads it).
const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Only the field wanted; the others are skipped.
#[derive(Deserialize)]
#[serde(rename = "Settings")]
struct Settings {
    #[serde(default)]
    your_name: String,
}

/// The window's settings file as text, when there is one to read.
pub(super) fn settings_text() -> Option<String> {
    let dirs = directories::ProjectDirs::from("org", "Factbench", "Factbench")?;
    let path = dirs.config_dir().join("settings.ron");
    let bytes = crate::read_limited::read_limited(&path, MAX_SETTINGS_BYTES).ok()?;
    String::from_utf8(bytes).ok()
}

/// The name saved in Preferences › Your name, if any.
pub(super) fn your_name() -> Option<String> {
    let text = settings_text()?;
    let settings: Settings = ron::from_str(&text).ok()?;
    let name = settings.your_name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// `--by` if given, else Preferences › Your name; `None` when neither says.
pub(super) fn by_or_preference(by: Option<&str>) -> Option<String> {
    match by.map(str::trim) {
        Some(name) if !name.is_empty() => Some(name.to_owned()),
        _ => your_name(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_settings_file_gives_the_name() {
        let text = "Settings(recent: [], theme: Dark, text_size: 16.0, your_name: \"Ana Lima\", last_export: ExportChoice(internal: true, shown_article_only: false, context_only: false))";
        let settings: Settings = ron::from_str(text).unwrap();
        assert_eq!(settings.your_name, "Ana Lima");
        assert_eq!(by_or_preference(Some(" Bo ")).as_deref(), Some("Bo"));
    }
}
