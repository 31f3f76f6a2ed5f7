//! Check statuses onto a verdict scale: the statuses an export uses, the
//! mapping the user gives (`--map 'Check status=verdict-key'`, or the
//! window's dialog), and a best guess from each status's label, offered
//! for the user to confirm and never applied on its own.

use super::Read;
use crate::model::VerdictScale;

/// The word that maps a status to no verdict (the claim stays unrated).
pub const UNRATED: &str = "none";

/// A status the mapping does not cover, with how many records use it and
/// the best guess for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unmapped {
    pub status: String,
    pub uses: usize,
    pub guess: Option<String>,
}

/// Statuses (compared without regard to case or surrounding spaces) and
/// the verdict key each becomes, `None` for unrated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusMap {
    entries: Vec<(String, Option<String>)>,
}

impl StatusMap {
    /// Adds `STATUS=KEY` (the last `=` splits; `KEY` is a key or label of
    /// `scale`, or `none`); an error says what is wrong with it.
    pub fn add_flag(&mut self, flag: &str, scale: &VerdictScale) -> Result<(), String> {
        let (status, key) = flag
            .rsplit_once('=')
            .ok_or_else(|| format!("--map {flag:?}: write it as 'Check status=verdict-key'"))?;
        if status.trim().is_empty() {
            return Err(format!("--map {flag:?}: the Check status is empty"));
        }
        let verdict = resolve_key(key, scale).ok_or_else(|| {
            format!(
                "--map {flag:?}: {:?} is not a verdict of the scale {:?} (its keys: {}, or {UNRATED} for unrated)",
                key.trim(),
                scale.name,
                scale.verdicts.iter().map(|v| v.key.as_str()).collect::<Vec<_>>().join(", ")
            )
        })?;
        self.set(status, verdict);
        Ok(())
    }

    /// Maps `status` to `verdict` (a key of the scale, or `None`).
    pub fn set(&mut self, status: &str, verdict: Option<String>) {
        let folded = fold(status);
        self.entries.retain(|(s, _)| *s != folded);
        self.entries.push((folded, verdict));
    }

    /// What `status` becomes: `Some(None)` for unrated, `None` when unmapped.
    pub fn verdict(&self, status: &str) -> Option<Option<&str>> {
        let folded = fold(status);
        self.entries
            .iter()
            .find(|(s, _)| *s == folded)
            .map(|(_, v)| v.as_deref())
    }

    /// The statuses of `read` this map leaves out, in the order first seen.
    pub fn unmapped(&self, read: &Read, scale: &VerdictScale) -> Vec<Unmapped> {
        statuses_seen(read)
            .into_iter()
            .filter(|(status, _)| self.verdict(status).is_none())
            .map(|(status, uses)| Unmapped {
                guess: best_guess(&status, scale),
                status,
                uses,
            })
            .collect()
    }

    /// The complete `--map` list for the statuses of `read`: this map's
    /// choice where it has one, else the best guess (or `none`).
    pub fn suggested_flags(&self, read: &Read, scale: &VerdictScale) -> String {
        statuses_seen(read)
            .iter()
            .map(|(status, _)| {
                let key = match self.verdict(status) {
                    Some(chosen) => chosen.map(str::to_owned),
                    None => best_guess(status, scale),
                };
                let flag = format!("{status}={}", key.as_deref().unwrap_or(UNRATED));
                format!("--map {}", shell_quoted(&flag))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A key or label of `scale` (any case), or `none`/empty: `Some(None)`.
fn resolve_key(key: &str, scale: &VerdictScale) -> Option<Option<String>> {
    let key = key.trim();
    if key.is_empty() || key.eq_ignore_ascii_case(UNRATED) {
        return Some(None);
    }
    scale
        .verdicts
        .iter()
        .find(|v| v.key.eq_ignore_ascii_case(key) || fold(&v.label) == fold(key))
        .map(|v| Some(v.key.clone()))
}

/// Every status the export uses (items' Status, fact-checks' Rating),
/// first spelling kept, with how many records use it, in the order seen.
pub fn statuses_seen(read: &Read) -> Vec<(String, usize)> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    let statuses = read
        .items
        .iter()
        .map(|i| i.status.as_str())
        .chain(read.fact_checks.iter().filter_map(|f| f.rating.as_deref()));
    for status in statuses.filter(|s| !s.trim().is_empty()) {
        match seen.iter_mut().find(|(s, _)| fold(s) == fold(status)) {
            Some((_, uses)) => *uses += 1,
            None => seen.push((status.trim().to_owned(), 1)),
        }
    }
    seen
}

/// Lower case, `_` and `-` as spaces, spaces collapsed.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of status labels (Check's defaults, common custom ones in a few
/// languages) and what they mean on a scale.
enum Meaning {
    True,
    False,
    Misleading,
    Unverifiable,
    /// A workflow step, not a verdict.
    Workflow,
}

const MEANINGS: &[(&str, Meaning)] = &[
    ("verified", Meaning::True),
    ("true", Meaning::True),
    ("correct", Meaning::True),
    ("accurate", Meaning::True),
    ("правда", Meaning::True),
    ("صحيح", Meaning::True),
    ("正确", Meaning::True),
    ("属实", Meaning::True),
    ("false", Meaning::False),
    ("not true", Meaning::False),
    ("fake", Meaning::False),
    ("incorrect", Meaning::False),
    ("ложь", Meaning::False),
    ("фейк", Meaning::False),
    ("неправда", Meaning::False),
    ("زائف", Meaning::False),
    ("كاذب", Meaning::False),
    ("错误", Meaning::False),
    ("虚假", Meaning::False),
    ("misleading", Meaning::Misleading),
    ("partly", Meaning::Misleading),
    ("missing context", Meaning::Misleading),
    ("манипуляция", Meaning::Misleading),
    ("заблуждение", Meaning::Misleading),
    ("مضلل", Meaning::Misleading),
    ("误导", Meaning::Misleading),
    ("inconclusive", Meaning::Unverifiable),
    ("not applicable", Meaning::Unverifiable),
    ("unverifiable", Meaning::Unverifiable),
    ("unverified", Meaning::Unverifiable),
    ("unproven", Meaning::Unverifiable),
    ("не подтверждено", Meaning::Unverifiable),
    ("غير مؤكد", Meaning::Unverifiable),
    ("无法证实", Meaning::Unverifiable),
    ("unstarted", Meaning::Workflow),
    ("undetermined", Meaning::Workflow),
    ("pending", Meaning::Workflow),
    ("in progress", Meaning::Workflow),
    ("ready", Meaning::Workflow),
    ("translated", Meaning::Workflow),
    ("error", Meaning::Workflow),
];

/// The verdict key a status most likely means on `scale`, from its label:
/// a key or label of the scale, else a known word (`None` for a workflow
/// step such as *In progress*, or a label nothing matches).
pub fn best_guess(status: &str, scale: &VerdictScale) -> Option<String> {
    let folded = fold(status);
    if let Some(v) = scale
        .verdicts
        .iter()
        .find(|v| fold(&v.key) == folded || fold(&v.label) == folded)
    {
        return Some(v.key.clone());
    }
    let meaning = MEANINGS
        .iter()
        .filter(|(word, _)| folded.contains(word))
        .max_by_key(|(word, _)| word.chars().count())
        .map(|(_, meaning)| meaning)?;
    let key_of = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| scale.get(k))
            .map(|v| v.key.clone())
    };
    match meaning {
        Meaning::True => key_of(&["true"]).or_else(|| rated_extreme(scale, true)),
        Meaning::False => key_of(&["false"]).or_else(|| rated_extreme(scale, false)),
        Meaning::Misleading => key_of(&["misleading", "mixed", "mixture", "half-true"]),
        Meaning::Unverifiable => key_of(&["unverifiable", "unproven", "not-enough-info"]),
        Meaning::Workflow => None,
    }
}

/// The best (or worst) rated verdict of the scale.
fn rated_extreme(scale: &VerdictScale, best: bool) -> Option<String> {
    let rated = scale.verdicts.iter().filter(|v| v.rating.is_some());
    let found = match best {
        true => rated.max_by_key(|v| v.rating),
        false => rated.min_by_key(|v| v.rating),
    };
    found.map(|v| v.key.clone())
}

/// `text` in single quotes for a POSIX shell (a `'` written `'\''`).
pub fn shell_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}
