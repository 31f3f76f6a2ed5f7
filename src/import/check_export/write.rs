//! Writing the planned workspaces as new files in a folder, shared by
//! `factbench import-check` and the window: every target is checked free
//! before the first is written, none is ever replaced (even one that
//! appears meanwhile), and should one write fail, those this run wrote
//! are removed again.

use super::PlannedWorkspace;
use std::path::{Path, PathBuf};

/// `FOLDER/NAME.ron` for each workspace; two workspaces with the same file
/// name get `NAME-2.ron`. Refused, naming the file, when one is there.
pub fn target_paths(folder: &Path, planned: &[PlannedWorkspace]) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for plan in planned {
        let mut path = folder.join(&plan.file_name);
        let mut n = 2;
        while paths.contains(&path) {
            let stem = plan.file_name.trim_end_matches(".ron");
            path = folder.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        if path.symlink_metadata().is_ok() {
            return Err(format!(
                "{} exists already (Check workspace {}); it is never overwritten: move it or import into another folder",
                path.display(),
                plan.check_workspace
            ));
        }
        paths.push(path);
    }
    Ok(paths)
}

/// Writes every workspace to its target (creating the folder); returns
/// the files written, in plan order.
pub fn write_workspaces(
    folder: &Path,
    planned: &[PlannedWorkspace],
) -> Result<Vec<PathBuf>, String> {
    let targets = target_paths(folder, planned)?;
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("{}: the folder cannot be created ({e})", folder.display()))?;
    let mut written = Vec::new();
    for (plan, path) in planned.iter().zip(&targets) {
        if let Err(e) = crate::store::save_new(path, &plan.workspace) {
            for done in &written {
                let _ = std::fs::remove_file(done);
            }
            return Err(e.to_string());
        }
        written.push(path.clone());
    }
    Ok(written)
}
