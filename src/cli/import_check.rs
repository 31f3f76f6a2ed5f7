//! `factbench import-check EXPORT.zip --into FOLDER [--map 'STATUS=KEY']…
//! [--scale NAME] [--json]`: one workspace per Check workspace of a
//! Meedan Check export (`docs/import-check.md`). Nothing is written unless
//! every status is mapped, every file is new and every workspace is built;
//! a file that appears meanwhile is never replaced.

use super::FAILURE;
use crate::import::check_export::{
    self, PlannedWorkspace, StatusMap, Unmapped, mapping::shell_quoted, plan_workspaces,
};
use crate::model::VerdictScale;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportCheckArgs {
    /// The export: a ZIP of Check's CSV files (items, fact-checks,
    /// explainers, a feed's fact-checks).
    pub export: PathBuf,
    /// The folder to write the workspaces to (SLUG.ron each); created
    /// when missing; an existing file is never replaced.
    #[arg(long, value_name = "FOLDER")]
    pub into: PathBuf,
    /// What a Check status becomes: 'Check status=verdict-key' (a key or
    /// label of the scale, or `none` for unrated); repeatable. Every
    /// status of the export must be mapped; without, the import stops and
    /// prints a complete suggested list.
    #[arg(long = "map", value_name = "STATUS=KEY")]
    pub map: Vec<String>,
    /// The verdict scale of the new workspaces: default, politifact,
    /// snopes or fever (or a scale's name).
    #[arg(long, value_name = "NAME", default_value = "default")]
    pub scale: String,
    /// Print one JSON line per workspace written: {file, workspace,
    /// items, fact_checks, explainers, claims, rated, published, sources,
    /// tags, skipped}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ImportCheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match import(args, out, err) {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            let _ = writeln!(err, "nothing written");
            FAILURE
        }
    }
}

/// The scale `name` picks among the presets.
pub fn scale_named(name: &str) -> Result<VerdictScale, String> {
    let wanted = name.trim().to_lowercase();
    let alias = match wanted.as_str() {
        "default" | "factbench" => "factbench default",
        "snopes" => "snopes-style",
        other => other,
    };
    VerdictScale::presets()
        .into_iter()
        .find(|s| s.name.to_lowercase() == alias)
        .ok_or_else(|| {
            format!("--scale {name:?}: no such scale; use default, politifact, snopes or fever")
        })
}

fn import(args: &ImportCheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), String> {
    let scale = scale_named(&args.scale)?;
    let mut map = StatusMap::default();
    for flag in &args.map {
        map.add_flag(flag, &scale)?;
    }
    let read = check_export::read_export(&args.export)?;
    let export = args.export.display().to_string();
    let label = args
        .export
        .file_name()
        .map_or(export.clone(), |n| n.to_string_lossy().into_owned());
    for warning in &read.warnings {
        let _ = writeln!(err, "warning: {export}: {warning}");
    }
    let planned = match plan_workspaces(&read, &map, &scale, &label) {
        Ok(planned) => planned?,
        Err(unmapped) => {
            return Err(unmapped_message(
                &export,
                &unmapped,
                &map.suggested_flags(&read, &scale),
                &scale,
            ));
        }
    };
    let targets = check_export::write_workspaces(&args.into, &planned)?;
    for (plan, path) in planned.iter().zip(&targets) {
        for warning in &plan.warnings {
            let _ = writeln!(err, "warning: {export}: {warning}");
        }
        let _ = writeln!(out, "{}", summary(plan, path, args.json));
    }
    Ok(())
}

/// Every unmapped status with its best guess, then the complete list.
fn unmapped_message(
    export: &str,
    unmapped: &[Unmapped],
    flags: &str,
    scale: &VerdictScale,
) -> String {
    let mut message = format!(
        "{export}: {} Check status{} not mapped onto the scale {:?} (keys: {}; or none for unrated):",
        unmapped.len(),
        if unmapped.len() == 1 { " is" } else { "es are" },
        scale.name,
        scale
            .verdicts
            .iter()
            .map(|v| v.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    for u in unmapped {
        message.push_str(&format!(
            "\n  {} ({} record{}): best guess {}",
            shell_quoted(&u.status),
            u.uses,
            if u.uses == 1 { "" } else { "s" },
            u.guess.as_deref().unwrap_or("none")
        ));
    }
    message.push_str("\nconfirm (or correct) the mapping and run again with:\n  ");
    message.push_str(flags);
    message
}

fn summary(plan: &PlannedWorkspace, path: &Path, json: bool) -> String {
    let c = &plan.counts;
    if json {
        return serde_json::json!({
            "file": path.display().to_string(),
            "workspace": plan.check_workspace,
            "items": c.items,
            "fact_checks": c.fact_checks,
            "explainers": c.explainers,
            "claims": c.claims,
            "rated": c.rated,
            "published": c.published,
            "sources": c.sources,
            "tags": c.tags,
            "skipped": c.skipped,
        })
        .to_string();
    }
    format!(
        "{}: Check workspace {}: {} claims ({} rated, {} published), {} sources, {} tags",
        path.display(),
        plan.check_workspace,
        c.claims,
        c.rated,
        c.published,
        c.sources,
        c.tags
    )
}
