//! `factbench diff OLD NEW`: the semantic diff of two workspace files.
//! Also git's diff drivers: `factbench diff --textconv FILE` (the file as
//! comparable lines) and the seven arguments of `diff.<driver>.command`.

use crate::merge::{diff, outline, render_diff};
use crate::store;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// OLD and NEW workspace files (or, from git's diff.<driver>.command:
    /// PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE).
    #[arg(required = true, num_args = 1..=7)]
    pub files: Vec<PathBuf>,
    /// Print one file as lines for a line diff (git's diff.<driver>.textconv).
    #[arg(long)]
    pub textconv: bool,
}

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match diff_text(args) {
        Ok(text) => {
            let _ = out.write_all(text.as_bytes());
            0
        }
        Err(message) => {
            let _ = writeln!(err, "factbench diff: {message}");
            super::FAILURE
        }
    }
}

fn diff_text(args: &DiffArgs) -> Result<String, String> {
    let load = |p: &PathBuf| {
        // git passes /dev/null for a side that does not exist.
        if p.as_os_str() == "/dev/null" {
            return Ok(crate::model::Workspace::new(""));
        }
        store::load(p)
            .map(|l| l.workspace)
            .map_err(|e| e.to_string())
    };
    match (args.textconv, args.files.as_slice()) {
        (true, [file]) => Ok(outline(&load(file)?)),
        (false, [old, new]) => Ok(render_diff(&diff(&load(old)?, &load(new)?))),
        (false, [path, old, _, _, new, _, _]) => Ok(format!(
            "factbench diff {}\n{}",
            path.display(),
            render_diff(&diff(&load(old)?, &load(new)?))
        )),
        _ => Err("give OLD and NEW workspace files (or --textconv FILE)".to_owned()),
    }
}
