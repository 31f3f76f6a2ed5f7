//! `factbench git-setup [DIR]`: makes git merge and diff workspace files
//! with Factbench — `*.ron merge=factbench diff=factbench` in the
//! repository's `.gitattributes`, and snapshot files (`NAME.snapshots/`,
//! never modified) marked binary, so git neither diffs nor merges them as
//! text — the drivers in its config, lock files in its exclude list. Running it
//! again changes nothing; it says what it did.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `.gitattributes` line.
pub const ATTRIBUTES: &str = "*.ron merge=factbench diff=factbench";
/// The `.gitattributes` line for snapshot bytes: `binary` is `-diff
/// -merge -text` (no diff, no line-end conversion, no text merge).
pub const SNAPSHOT_ATTRIBUTES: &str = "*.snapshots/** binary";

pub fn run(dir: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match setup(dir.unwrap_or(Path::new(".")), out) {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "factbench git-setup: {message}");
            super::FAILURE
        }
    }
}

fn setup(dir: &Path, out: &mut dyn Write) -> Result<(), String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?.trim());
    let exe =
        std::env::current_exe().map_err(|e| format!("cannot tell where this factbench is: {e}"))?;
    let exe = shell_quote(&exe.to_string_lossy());
    add_attributes(&top, out)?;
    exclude_lock_files(dir, out)?;
    let settings = [
        (
            "merge.factbench.name",
            "Factbench workspace merge".to_owned(),
        ),
        ("merge.factbench.driver", format!("{exe} merge %O %A %B")),
        ("diff.factbench.textconv", format!("{exe} diff --textconv")),
    ];
    for (key, value) in settings {
        let current = git(&top, &["config", "--local", "--get", key]).ok();
        if current.as_deref().map(str::trim_end) == Some(value.as_str()) {
            let _ = writeln!(out, "{key} is already `{value}`");
        } else {
            git(&top, &["config", "--local", key, &value])?;
            let _ = writeln!(out, "set {key} = `{value}`");
        }
    }
    Ok(())
}

fn add_attributes(top: &Path, out: &mut dyn Write) -> Result<(), String> {
    let path = top.join(".gitattributes");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut new = text.clone();
    for line in [ATTRIBUTES, SNAPSHOT_ATTRIBUTES] {
        if text.lines().any(|l| l.trim() == line) {
            let _ = writeln!(out, "{} already has `{line}`", path.display());
            continue;
        }
        if !new.is_empty() && !new.ends_with('\n') {
            new.push('\n');
        }
        new.push_str(line);
        new.push('\n');
        let _ = writeln!(out, "added `{line}` to {}", path.display());
    }
    if new != text {
        std::fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// What Factbench leaves beside a workspace and git must never commit: lock
/// files, the `.bak` of the previous save, and the temporary files of a save
/// (a killed save leaves one until the next save sweeps it).
const EXCLUDED: [(&str, &str); 4] = [
    (".*.ron.lock", "lock files"),
    ("*.ron.bak", "the previous version kept by each save"),
    (".*.ron.*.tmp", "temporary files of a save in progress"),
    (
        "*.snapshots/.incoming-*",
        "snapshot files still being written",
    ),
];

/// Adds [`EXCLUDED`] to the repository's own exclude list
/// (`.git/info/exclude`), each pattern once.
fn exclude_lock_files(dir: &Path, out: &mut dyn Write) -> Result<(), String> {
    let info = PathBuf::from(git(dir, &["rev-parse", "--git-path", "info/exclude"])?.trim());
    let info = if info.is_absolute() {
        info
    } else {
        dir.join(info)
    };
    let text = std::fs::read_to_string(&info).unwrap_or_default();
    let missing: Vec<_> = EXCLUDED
        .iter()
        .filter(|(pattern, _)| !text.lines().any(|l| l.trim() == *pattern))
        .collect();
    if missing.is_empty() {
        let _ = writeln!(
            out,
            "{} already excludes Factbench's lock, backup and temporary files",
            info.display()
        );
        return Ok(());
    }
    if let Some(folder) = info.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    let mut new = text;
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    for (pattern, _) in &missing {
        new.push_str(pattern);
        new.push('\n');
    }
    std::fs::write(&info, new).map_err(|e| format!("{}: {e}", info.display()))?;
    for (pattern, what) in missing {
        let _ = writeln!(
            out,
            "added `{pattern}` to {} ({what} stay out of commits)",
            info.display()
        );
    }
    Ok(())
}

/// Runs git in `dir`; its output, or why it failed.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "{}: `git {}` failed: {}",
            dir.display(),
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// A path as git's shell reads it: bare when safe, else single-quoted.
fn shell_quote(text: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
