//! `factbench merge BASE OURS THEIRS [-o OUT]`: the three-way merge of
//! workspace files, usable as git's merge driver (`factbench merge %O %A
//! %B` writes the result over `%A`).

use crate::merge::{DuplicateIds, merge};
use crate::model::Workspace;
use crate::store::{self, LoadError};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit code when the merge recorded conflicts.
const CONFLICTS: u8 = 1;
/// Exit code when an input could not be read or merged.
const UNREADABLE: u8 = 2;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A); the result is written here unless -o says otherwise.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Where to write the merged workspace (default: OURS).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Merges; 0 when clean, 1 when conflicts were recorded, 2 when an input
/// cannot be read or holds two items of one id (or the result cannot be
/// written).
pub fn run(args: &MergeArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let target = args.output.as_deref().unwrap_or(&args.ours);
    // Locked before anything is read: the result replaces the file only if
    // nobody changed it meanwhile.
    let mut change = match store::lock_for_writing(target, "merge") {
        Ok(change) => change,
        Err(error) => {
            let _ = writeln!(err, "factbench merge: {error}");
            return UNREADABLE;
        }
    };
    let inputs = match read_three([&args.base, &args.ours, &args.theirs]) {
        Ok(inputs) => inputs,
        Err(error) => {
            let _ = writeln!(err, "factbench merge: {error}");
            return UNREADABLE;
        }
    };
    let [base, ours, theirs] = inputs;
    let merged = match merge(base, ours, theirs) {
        Ok(merged) => merged,
        Err(refused) => return refuse_shared_ids(&refused, args, err),
    };
    if let Err(error) = change.save_without_backup(&merged.workspace) {
        let _ = writeln!(err, "factbench merge: {error}");
        return UNREADABLE;
    }
    for claim in &merged.orphaned {
        let _ = writeln!(
            err,
            "factbench merge: claim {claim}: its quote is no longer in the merged article text; it waits to be attached again"
        );
    }
    if merged.new_conflicts == 0 {
        let earlier = match merged.workspace.conflicts.len() {
            0 => String::new(),
            n => format!(" ({n} conflict(s) recorded earlier are still unsettled)"),
        };
        let _ = writeln!(out, "{}: merged cleanly{earlier}", target.display());
        return 0;
    }
    let ws = &merged.workspace;
    let _ = writeln!(
        err,
        "{}: {} conflict(s) recorded in the workspace; open it in Factbench or run `factbench check` to see them",
        target.display(),
        merged.new_conflicts
    );
    for conflict in &ws.conflicts[ws.conflicts.len() - merged.new_conflicts..] {
        let _ = writeln!(
            err,
            "  conflict: {}",
            crate::merge::describe_conflict(conflict, ws)
        );
    }
    CONFLICTS
}

/// Names every id two items of an input share; nothing is written (git
/// then keeps the file as a conflict).
fn refuse_shared_ids(refused: &DuplicateIds, args: &MergeArgs, err: &mut dyn Write) -> u8 {
    let paths = [&args.base, &args.ours, &args.theirs];
    for shared in &refused.0 {
        let path = paths[shared.input.index()].display();
        let _ = writeln!(
            err,
            "factbench merge: {path}: {shared}; a merge would keep only one of them, so nothing was merged: give all but one a new id (or remove them), then merge again"
        );
    }
    UNREADABLE
}

/// Reads the three files at once (they may each be many megabytes). An
/// empty base is git saying both sides added the file: nothing in common.
fn read_three([base, ours, theirs]: [&PathBuf; 3]) -> Result<[Workspace; 3], LoadError> {
    let read = |path: &PathBuf, is_base: bool| match store::read_workspace(path) {
        Err(LoadError::Empty { .. }) if is_base => Ok(Workspace::new("")),
        other => other,
    };
    let joined = |handle: std::thread::ScopedJoinHandle<'_, _>, path: &Path| {
        handle.join().unwrap_or_else(|_| Err(panicked(path)))
    };
    std::thread::scope(|scope| {
        let b = scope.spawn(|| read(base, true));
        let o = scope.spawn(|| read(ours, false));
        let t = read(theirs, false);
        Ok([joined(b, base)?, joined(o, ours)?, t?])
    })
}

fn panicked(path: &Path) -> LoadError {
    LoadError::Io {
        path: path.to_owned(),
        source: std::io::Error::other("reading failed unexpectedly"),
    }
}
