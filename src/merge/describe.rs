//! Conflicts in words, for `factbench check` and the conflict list: which
//! item (claim 7 'China supplies…'), which field, and what each side made
//! of it, with verdict keys shown as the scale's labels.

use crate::model::{Conflict, ConflictItem, Workspace};
use serde_json::Value;

/// Longest quote of a statement or title naming an item.
const NAME_CHARS: usize = 40;
/// Longest value shown in full.
const VALUE_CHARS: usize = 80;

/// One conflict in a sentence, its values marked `*like this*` (for the
/// terminal and for Markdown).
pub fn describe_conflict(conflict: &Conflict, ws: &Workspace) -> String {
    describe_marked(conflict, ws, "*")
}

/// One conflict in a sentence with its values unmarked, for the window.
pub fn describe_conflict_plain(conflict: &Conflict, ws: &Workspace) -> String {
    describe_marked(conflict, ws, "")
}

fn describe_marked(conflict: &Conflict, ws: &Workspace, mark: &str) -> String {
    let item = item_name(conflict.item, ws);
    if conflict.is_whole_item() {
        return whole_item_sentence(&item, conflict);
    }
    let field = conflict.field.replace(['_', '.'], " ");
    let word = |v: &Option<String>| value_marked(&conflict.field, v.as_deref(), ws, mark);
    let mut sentence = format!(
        "{item}: {field} is {} on our side and {} on theirs",
        word(&conflict.ours),
        word(&conflict.theirs)
    );
    if conflict.base.is_some() {
        sentence.push_str(&format!(" (it was {})", word(&conflict.base)));
    }
    sentence
}

fn whole_item_sentence(item: &str, conflict: &Conflict) -> String {
    match (&conflict.ours, &conflict.theirs) {
        (None, Some(_)) => format!(
            "{item} was deleted on our side but changed or still used on theirs; their version is kept"
        ),
        (Some(_), None) => format!(
            "{item} was deleted on their side but changed or still used on ours; our version is kept"
        ),
        (None, None) => {
            format!("{item} was deleted on both sides but is still used; the last version is kept")
        }
        (Some(_), Some(_)) => format!("{item} differs on the two sides; ours is kept"),
    }
}

/// "claim 7 'China supplies…'", "article 'Xi in Moscow'", "the workspace".
pub fn item_name(item: ConflictItem, ws: &Workspace) -> String {
    match item {
        ConflictItem::Workspace => "the workspace".to_owned(),
        ConflictItem::Article(id) => match ws.article(id) {
            Some(a) => format!("article '{}'", shorten(&a.title, NAME_CHARS)),
            None => format!("article {id}"),
        },
        ConflictItem::Claim(id) => claim_name(ws, id),
        ConflictItem::Source(id) => source_name(ws, id),
        ConflictItem::Evidence { claim, evidence } => {
            format!(
                "{}, {}",
                claim_name(ws, claim),
                evidence_name(ws, claim, evidence)
            )
        }
    }
}

/// "evidence 2 from source 'Customs data'", by the entry's place in its
/// claim; "evidence ID" when the claim no longer holds it.
fn evidence_name(
    ws: &Workspace,
    claim: crate::model::ClaimId,
    id: crate::model::EvidenceId,
) -> String {
    let found = ws.claim(claim).and_then(|c| {
        let n = c.evidence.iter().position(|e| e.id == id)?;
        Some((n, c.evidence[n].source))
    });
    match found {
        Some((n, source)) => format!("evidence {} from {}", n + 1, source_name(ws, source)),
        None => format!("evidence {id}"),
    }
}

fn claim_name(ws: &Workspace, id: crate::model::ClaimId) -> String {
    match ws.claims.iter().position(|c| c.id == id) {
        Some(n) => format!(
            "claim {} '{}'",
            n + 1,
            shorten(&ws.claims[n].statement, NAME_CHARS)
        ),
        None => format!("claim {id}"),
    }
}

fn source_name(ws: &Workspace, id: crate::model::SourceId) -> String {
    match ws.source(id) {
        Some(s) => format!("source '{}'", shorten(&s.title, NAME_CHARS)),
        None => format!("source {id}"),
    }
}

/// A field's value as a reader would say it: `*False*`, `*unrated*`,
/// `*empty*`, a list joined with commas.
pub fn value_in_words(field: &str, value: Option<&str>, ws: &Workspace) -> String {
    value_marked(field, value, ws, "*")
}

/// A field's value in words between two `mark`s.
fn value_marked(field: &str, value: Option<&str>, ws: &Workspace, mark: &str) -> String {
    let Some(text) = value else {
        return format!("{mark}absent{mark}");
    };
    let parsed: Value = serde_json::from_str(text).unwrap_or(Value::String(text.to_owned()));
    let words = match (field, &parsed) {
        ("verdict", Value::Null) => "unrated".to_owned(),
        ("verdict", Value::String(key)) => ws
            .scale
            .get(key)
            .map_or_else(|| key.clone(), |v| v.label.clone()),
        _ => plain_words(&parsed),
    };
    format!("{mark}{}{mark}", shorten(&words, VALUE_CHARS))
}

fn plain_words(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(s) if s.is_empty() => "empty".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "none".to_owned(),
        Value::Array(items) => items.iter().map(plain_words).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| format!("{k}: {}", plain_words(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// The first `max` chars of a one-line version of `text`, with `…` when cut.
pub fn shorten(text: &str, max: usize) -> String {
    crate::text::one_line(text, max)
}
