//! The semantic diff of two workspaces: articles, claims and sources added,
//! removed and changed (with the fields that changed), article text changes
//! summarised by sentence — for `factbench diff`, git's diff driver, and
//! File › Compare with… in the window.

use super::describe::{item_name, shorten, value_in_words};
use super::fields::to_value;
use crate::model::{ConflictItem, Workspace};
use crate::reanchor::{SentenceChange, compare};
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Longest value shown in a changed-field line.
const SHOWN_CHARS: usize = 60;

/// One difference from the old workspace to the new one.
#[derive(Clone, Debug, PartialEq)]
pub enum Difference {
    Added(String),
    Removed(String),
    /// An item whose fields changed: its name, and one line per field.
    Changed {
        item: String,
        lines: Vec<String>,
    },
}

/// The differences from `old` to `new`, workspace details first, then
/// articles, claims and sources in the new file's order (removed ones last).
pub fn diff(old: &Workspace, new: &Workspace) -> Vec<Difference> {
    let mut out = Vec::new();
    let old_details = details_value(old);
    let new_details = details_value(new);
    let lines = changed_fields(&old_details, &new_details, new);
    if !lines.is_empty() {
        out.push(Difference::Changed {
            item: "the workspace".to_owned(),
            lines,
        });
    }
    list_diff(
        &old.articles,
        &new.articles,
        |a| a.id,
        ConflictItem::Article,
        old,
        new,
        &mut out,
    );
    list_diff(
        &old.claims,
        &new.claims,
        |c| c.id,
        ConflictItem::Claim,
        old,
        new,
        &mut out,
    );
    list_diff(
        &old.sources,
        &new.sources,
        |s| s.id,
        ConflictItem::Source,
        old,
        new,
        &mut out,
    );
    let (old_n, new_n) = (old.conflicts.len(), new.conflicts.len());
    if old_n != new_n {
        out.push(Difference::Changed {
            item: "the merge conflicts".to_owned(),
            lines: vec![format!("{old_n} unsettled, now {new_n}")],
        });
    }
    out
}

/// The differences as text, one item per paragraph; "no differences" when
/// there are none.
pub fn render_diff(differences: &[Difference]) -> String {
    if differences.is_empty() {
        return "no differences\n".to_owned();
    }
    let mut text = String::new();
    for d in differences {
        match d {
            Difference::Added(item) => _ = writeln!(text, "+ added {item}"),
            Difference::Removed(item) => _ = writeln!(text, "- removed {item}"),
            Difference::Changed { item, lines } => {
                _ = writeln!(text, "~ changed {item}");
                for line in lines {
                    _ = writeln!(text, "    {line}");
                }
            }
        }
    }
    text
}

fn details_value(ws: &Workspace) -> Value {
    let mut value = to_value(&Workspace {
        articles: Vec::new(),
        claims: Vec::new(),
        sources: Vec::new(),
        conflicts: Vec::new(),
        scale: ws.scale.clone(),
        publisher: ws.publisher.clone(),
        title: ws.title.clone(),
        description: ws.description.clone(),
        methodology: ws.methodology.clone(),
        report_url: ws.report_url.clone(),
        ..Workspace::new("")
    });
    if let Some(map) = value.as_object_mut() {
        for noise in [
            "articles",
            "claims",
            "sources",
            "conflicts",
            "created",
            "modified",
        ] {
            map.remove(noise);
        }
    }
    value
}

#[allow(clippy::too_many_arguments)]
fn list_diff<T: Serialize + PartialEq, K: Eq + std::hash::Hash + Copy>(
    old_items: &[T],
    new_items: &[T],
    id: fn(&T) -> K,
    item: fn(K) -> ConflictItem,
    old: &Workspace,
    new: &Workspace,
    out: &mut Vec<Difference>,
) {
    let old_by_id: HashMap<K, &T> = old_items.iter().map(|t| (id(t), t)).collect();
    let new_ids: HashSet<K> = new_items.iter().map(id).collect();
    for new_item in new_items {
        let key = id(new_item);
        match old_by_id.get(&key) {
            None => out.push(Difference::Added(item_name(item(key), new))),
            Some(old_item) if *old_item == new_item => {}
            Some(old_item) => {
                let lines = changed_fields(&to_value(*old_item), &to_value(new_item), new);
                if !lines.is_empty() {
                    out.push(Difference::Changed {
                        item: item_name(item(key), new),
                        lines,
                    });
                }
            }
        }
    }
    for old_item in old_items {
        let key = id(old_item);
        if !new_ids.contains(&key) {
            out.push(Difference::Removed(item_name(item(key), old)));
        }
    }
}

/// One line per field that differs; article text by sentence.
fn changed_fields(old: &Value, new: &Value, ws: &Workspace) -> Vec<String> {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (key, new_value) in new {
        let old_value = old.get(key).unwrap_or(&Value::Null);
        if old_value == new_value || key == "updated" {
            continue;
        }
        if key == "text"
            && let (Some(a), Some(b)) = (old_value.as_str(), new_value.as_str())
        {
            lines.extend(text_lines(a, b));
            continue;
        }
        let word = |v: &Value| value_in_words(key, Some(&v.to_string()), ws);
        lines.push(format!(
            "{}: {} became {}",
            key.replace('_', " "),
            word(old_value),
            word(new_value)
        ));
    }
    lines
}

fn text_lines(old: &str, new: &str) -> Vec<String> {
    compare(old, new)
        .into_iter()
        .map(|change| match change {
            SentenceChange::Removed(s) => {
                format!("text: sentence removed: {}", shorten(&s, SHOWN_CHARS))
            }
            SentenceChange::Added(s) => {
                format!("text: sentence added: {}", shorten(&s, SHOWN_CHARS))
            }
            SentenceChange::Changed { old, new, .. } => {
                let join = |pieces: &[crate::reanchor::Piece]| {
                    pieces.iter().map(|p| p.text.as_str()).collect::<String>()
                };
                format!(
                    "text: sentence changed: {} became {}",
                    shorten(&join(&old), SHOWN_CHARS),
                    shorten(&join(&new), SHOWN_CHARS)
                )
            }
        })
        .collect()
}

/// One workspace as lines to compare with a line diff (git's `textconv`):
/// each item's name, then one line per field, article text one sentence
/// a line. Ids are left out; items are named as in [`diff`].
pub fn outline(ws: &Workspace) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut text = String::new();
    let mut item_lines = |name: String, value: Value| {
        _ = writeln!(text, "{name}");
        let Value::Object(fields) = value else {
            return;
        };
        for (key, v) in &fields {
            if key == "id" {
                continue;
            }
            if key == "text"
                && let Some(body) = v.as_str()
            {
                for sentence in body.split_sentence_bounds().map(str::trim) {
                    if !sentence.is_empty() {
                        _ = writeln!(text, "    text: {sentence}");
                    }
                }
                continue;
            }
            let words = value_in_words(key, Some(&v.to_string()), ws);
            _ = writeln!(text, "    {}: {words}", key.replace('_', " "));
        }
    };
    item_lines("the workspace".to_owned(), details_value(ws));
    for a in &ws.articles {
        item_lines(item_name(ConflictItem::Article(a.id), ws), to_value(a));
    }
    for c in &ws.claims {
        item_lines(item_name(ConflictItem::Claim(c.id), ws), to_value(c));
    }
    for s in &ws.sources {
        item_lines(item_name(ConflictItem::Source(s.id), ws), to_value(s));
    }
    for c in &ws.conflicts {
        _ = writeln!(text, "conflict: {}", super::describe_conflict(c, ws));
    }
    text
}
