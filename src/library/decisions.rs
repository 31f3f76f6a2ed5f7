//! The checker's answers to the library's suggestions: for a claim of one
//! workspace and an earlier check in another, *same claim* or *not the
//! same*. They are kept in a small file of their own in the platform data
//! folder, keyed by both (workspace path, claim id) pairs, so that neither
//! workspace file changes and a decision about someone else's workspace
//! needs no write access to it.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// What the checker said about a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// It is the same claim (shown as confirmed).
    Same,
    /// It is another claim (not suggested again for this claim).
    NotSame,
}

/// One claim of one workspace: its file (absolute, without links) and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ClaimKey {
    pub workspace: PathBuf,
    pub claim: String,
}

impl ClaimKey {
    /// The key of claim `claim` in the workspace file `workspace` (made
    /// absolute without links when the file exists, so that one file has
    /// one key however it was named).
    pub fn new(workspace: &Path, claim: impl Into<String>) -> Self {
        ClaimKey {
            workspace: std::fs::canonicalize(workspace).unwrap_or_else(|_| workspace.to_owned()),
            claim: claim.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    claim: ClaimKey,
    earlier: ClaimKey,
    decision: Decision,
}

/// Every decision recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Decisions {
    entries: Vec<Entry>,
}

impl Decisions {
    /// Where decisions live: `claim-decisions.ron` in the platform data
    /// folder (`~/.local/share/factbench` on Linux).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("org", "Factbench", "Factbench")
            .map(|dirs| dirs.data_dir().join("claim-decisions.ron"))
    }

    /// Reads the decisions in `path`; none when the file does not exist.
    /// An unreadable or broken file is an error naming it.
    pub fn load(path: &Path) -> Result<Decisions, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Decisions::default()),
            Err(e) => return Err(format!("{}: could not be read: {e}", path.display())),
        };
        ron::from_str(&text).map_err(|e| {
            format!(
                "{}: line {}, column {}: not a file of claim decisions: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )
        })
    }

    /// Writes the decisions to `path` (atomically, like workspaces).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| e.to_string())?;
        crate::store::replace_atomically(path, text.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// What was decided about `earlier` as an earlier check of `claim`.
    pub fn get(&self, claim: &ClaimKey, earlier: &ClaimKey) -> Option<Decision> {
        self.entries
            .iter()
            .find(|e| &e.claim == claim && &e.earlier == earlier)
            .map(|e| e.decision)
    }

    /// Records a decision, or forgets it with `None`.
    pub fn set(&mut self, claim: ClaimKey, earlier: ClaimKey, decision: Option<Decision>) {
        self.entries
            .retain(|e| !(e.claim == claim && e.earlier == earlier));
        if let Some(decision) = decision {
            self.entries.push(Entry {
                claim,
                earlier,
                decision,
            });
        }
    }

    /// The earlier checks called "not the same" as `claim`, as pairs.
    pub fn not_same_for<'d>(
        &'d self,
        claim: &'d ClaimKey,
    ) -> impl Iterator<Item = (ClaimKey, ClaimKey)> + 'd {
        self.entries
            .iter()
            .filter(move |e| &e.claim == claim && e.decision == Decision::NotSame)
            .map(|e| (e.claim.clone(), e.earlier.clone()))
    }

    /// How many decisions are recorded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(workspace: &str, claim: &str) -> ClaimKey {
        ClaimKey {
            workspace: PathBuf::from(workspace),
            claim: claim.into(),
        }
    }

    #[test]
    fn a_decision_is_kept_per_pair_and_replaced_or_forgotten() {
        let mut decisions = Decisions::default();
        let here = key("/desk/новый.ron", "a");
        let there = key("/desk/старый 中文.ron", "b");
        decisions.set(here.clone(), there.clone(), Some(Decision::NotSame));
        assert_eq!(decisions.get(&here, &there), Some(Decision::NotSame));
        assert_eq!(decisions.get(&there, &here), None, "the pair is ordered");
        assert_eq!(decisions.get(&key("/desk/other.ron", "a"), &there), None);
        decisions.set(here.clone(), there.clone(), Some(Decision::Same));
        assert_eq!(decisions.get(&here, &there), Some(Decision::Same));
        assert_eq!(decisions.len(), 1);
        decisions.set(here.clone(), there.clone(), None);
        assert!(decisions.is_empty());
    }

    #[test]
    fn decisions_survive_a_save_and_a_missing_file_is_none() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("sub").join("claim-decisions.ron");
        assert_eq!(Decisions::load(&path).unwrap(), Decisions::default());
        let mut decisions = Decisions::default();
        decisions.set(key("/a.ron", "1"), key("/b.ron", "2"), Some(Decision::Same));
        decisions.save(&path).unwrap();
        assert_eq!(Decisions::load(&path).unwrap(), decisions);
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("claim-decisions.ron");
        std::fs::write(&path, "(entries: [oops").unwrap();
        let message = Decisions::load(&path).unwrap_err();
        assert!(message.contains("claim-decisions.ron"), "{message}");
        assert!(message.contains("line 1"), "{message}");
    }
}
