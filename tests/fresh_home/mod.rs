//! The `factbench` binary as the command-line tests run it: as on a fresh
//! machine, with a HOME and XDG config, cache and data folders of its own
//! (one per test binary run, under the test target's temporary folder), so
//! that the developer's Preferences, claim library cache, claim decisions
//! and recovery files neither change a test's answer nor get written by
//! it. A test that needs its own folders sets them after this.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// `factbench` (assert_cmd) in the fresh home.
pub fn factbench() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::cargo_bin("factbench").unwrap();
    for (name, value) in variables() {
        command.env(name, value);
    }
    command
}

/// `factbench` (std) in the fresh home, for tests that spawn and wait.
pub fn factbench_std() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_factbench"));
    for (name, value) in variables() {
        command.env(name, value);
    }
    command
}

/// The environment that points every folder the app reads into the home.
pub fn variables() -> Vec<(&'static str, PathBuf)> {
    let home = home();
    vec![
        ("HOME", home.to_path_buf()),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_CACHE_HOME", home.join("cache")),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_STATE_HOME", home.join("state")),
    ]
}

/// This run's home: `fresh-home/BINARY-PID`, made on first use after
/// removing the homes earlier runs of the same test binary left.
fn home() -> &'static Path {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fresh-home");
        let binary = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "tests".into());
        remove_earlier_homes(&root, &binary);
        let home = root.join(format!("{binary}-{}", std::process::id()));
        std::fs::create_dir_all(&home).unwrap();
        home
    })
}

fn remove_earlier_homes(root: &Path, binary: &str) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    let prefix = format!("{binary}-");
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}
