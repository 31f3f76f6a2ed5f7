//! Planning the settling of a merge conflict (`model::Conflict`): keep our
//! value, keep theirs, or keep the item as it now is (after editing it by
//! hand). Planned as one invertible [`Edit`] — the item's new value and the
//! conflict removed — so it is one undo step like any other change. A
//! conflict whose field no longer fits the item is refused with
//! [`CommandError::BadConflictValue`], never settled by changing nothing.

use super::{CommandError, Edit};
use crate::model::{Article, Claim, Conflict, ConflictItem, Resolution, Source, Workspace};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn to_value<T: Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// The edit settling conflict `index` of `ws` as `resolution` says.
pub fn resolution_edit(
    ws: &Workspace,
    index: usize,
    resolution: Resolution,
) -> Result<Edit, CommandError> {
    let conflict = ws
        .conflicts
        .get(index)
        .ok_or(CommandError::NoSuchConflict)?;
    let remove = Edit::RemoveConflict { index };
    let chosen = match resolution {
        Resolution::KeepCurrent => return Ok(remove),
        Resolution::KeepOurs => conflict.ours.as_deref(),
        Resolution::KeepTheirs => conflict.theirs.as_deref(),
    };
    let chosen = match chosen {
        Some(text) => Some(serde_json::from_str::<Value>(text).map_err(bad_value)?),
        None => None,
    };
    let change = item_edit(ws, conflict, chosen)?;
    Ok(Edit::Group(vec![change, remove]))
}

fn bad_value(error: serde_json::Error) -> CommandError {
    CommandError::BadConflictValue(error.to_string())
}

fn item_edit(
    ws: &Workspace,
    conflict: &Conflict,
    chosen: Option<Value>,
) -> Result<Edit, CommandError> {
    let field = conflict.field.as_str();
    match conflict.item {
        ConflictItem::Workspace => workspace_edit(ws, field, chosen),
        ConflictItem::Article(id) => {
            let at = ws.articles.iter().position(|a| a.id == id);
            let new = new_item(at.map(|i| &ws.articles[i]), field, chosen)?;
            Ok(list_edit(
                at,
                ws.articles.len(),
                new,
                |index| Edit::RemoveArticle { index },
                |index, article: Article| Edit::InsertArticle {
                    index,
                    article: Box::new(article),
                },
            ))
        }
        ConflictItem::Claim(id) => {
            let at = ws.claims.iter().position(|c| c.id == id);
            let new = new_item(at.map(|i| &ws.claims[i]), field, chosen)?;
            Ok(claim_edit(ws, at, new))
        }
        ConflictItem::Source(id) => {
            let at = ws.sources.iter().position(|s| s.id == id);
            let new = new_item(at.map(|i| &ws.sources[i]), field, chosen)?;
            Ok(list_edit(
                at,
                ws.sources.len(),
                new,
                |index| Edit::RemoveSource { index },
                |index, source: Source| Edit::InsertSource {
                    index,
                    source: Box::new(source),
                },
            ))
        }
        ConflictItem::Evidence { claim, evidence } => {
            let at = ws
                .claims
                .iter()
                .position(|c| c.id == claim)
                .ok_or(CommandError::NoSuchClaim)?;
            let mut value = to_value(&ws.claims[at]);
            let pieces = value
                .get_mut("evidence")
                .and_then(Value::as_array_mut)
                .ok_or(CommandError::NoSuchClaim)?;
            let key = Value::String(evidence.to_string());
            let piece = pieces.iter().position(|p| p.get("id") == Some(&key));
            match (piece, field.is_empty(), chosen) {
                (Some(i), true, None) => {
                    pieces.remove(i);
                }
                (Some(i), true, Some(new)) => pieces[i] = new,
                (None, true, Some(new)) => pieces.push(new),
                (Some(i), false, Some(new)) => set_path(&mut pieces[i], field, new)?,
                // Deleted, and already gone: only the conflict goes.
                (None, true, None) => return Ok(Edit::Group(Vec::new())),
                (None, false, _) => return Err(path_error(field, "the evidence is gone")),
                (Some(_), false, None) => return Err(path_error(field, "no value to set")),
            }
            let new: Claim = serde_json::from_value(value).map_err(bad_value)?;
            Ok(claim_edit(ws, Some(at), Some(new)))
        }
    }
}

fn claim_edit(ws: &Workspace, at: Option<usize>, new: Option<Claim>) -> Edit {
    list_edit(
        at,
        ws.claims.len(),
        new,
        |index| Edit::RemoveClaim { index },
        |index, claim| Edit::InsertClaim {
            index,
            claim: Box::new(claim),
        },
    )
}

/// The item as it becomes: the chosen whole item, or the current item with
/// the chosen value in `field`; `None` to delete it.
fn new_item<T: Serialize + DeserializeOwned>(
    current: Option<&T>,
    field: &str,
    chosen: Option<Value>,
) -> Result<Option<T>, CommandError> {
    let value = match (field.is_empty(), current, chosen) {
        (true, _, None) => return Ok(None),
        (true, _, Some(whole)) => whole,
        (false, Some(item), Some(new)) => {
            let mut value = to_value(item);
            set_path(&mut value, field, new)?;
            value
        }
        (false, None, _) => return Err(CommandError::NoSuchItem(0)),
        (false, Some(_), None) => return Err(CommandError::BadConflictValue("no value".into())),
    };
    serde_json::from_value(value).map(Some).map_err(bad_value)
}

/// Replacing, removing or adding the item at `at` of a list of `len` items.
fn list_edit<T>(
    at: Option<usize>,
    len: usize,
    new: Option<T>,
    remove: impl Fn(usize) -> Edit,
    insert: impl Fn(usize, T) -> Edit,
) -> Edit {
    match (at, new) {
        (Some(index), Some(item)) => Edit::Group(vec![remove(index), insert(index, item)]),
        (Some(index), None) => remove(index),
        (None, Some(item)) => insert(len, item),
        (None, None) => Edit::Group(Vec::new()),
    }
}

fn workspace_edit(
    ws: &Workspace,
    field: &str,
    chosen: Option<Value>,
) -> Result<Edit, CommandError> {
    let mut details = Workspace::new("");
    details.title = ws.title.clone();
    details.description = ws.description.clone();
    details.methodology = ws.methodology.clone();
    details.publisher = ws.publisher.clone();
    details.report_url = ws.report_url.clone();
    details.scale = ws.scale.clone();
    let mut value = to_value(&details);
    set_or_remove(&mut value, field, chosen)?;
    let changed: Workspace = serde_json::from_value(value).map_err(bad_value)?;
    let mut edits = vec![Edit::SetWorkspaceDetails {
        details: Box::new(crate::edit::WorkspaceDetails::of(&changed)),
    }];
    if changed.scale != ws.scale {
        edits.push(Edit::SetScale {
            scale: Box::new(changed.scale),
        });
    }
    Ok(Edit::Group(edits))
}

fn path_error(path: &str, why: &str) -> CommandError {
    CommandError::BadConflictValue(format!(
        "the conflict's field “{path}” does not apply: {why}"
    ))
}

/// Sets the dot-separated `path` inside `value`; a part `list[k]` is the
/// element of `list` whose `key` is `k` (added when missing).
fn set_path(value: &mut Value, path: &str, new: Value) -> Result<(), CommandError> {
    set_or_remove(value, path, Some(new))
}

/// Like [`set_path`]; `None` removes the element a `list[k]` path ends on
/// (already gone: nothing to do). A path through something that is not an
/// object or a list, or through a missing element, is an error.
fn set_or_remove(value: &mut Value, path: &str, new: Option<Value>) -> Result<(), CommandError> {
    let mut slot = value;
    let parts: Vec<&str> = path.split('.').collect();
    for (n, part) in parts.iter().enumerate() {
        let last = n + 1 == parts.len();
        let object = slot
            .as_object_mut()
            .ok_or_else(|| path_error(path, &format!("“{part}” is inside a plain value")))?;
        let (name, key) = match part.strip_suffix(']').and_then(|p| p.split_once('[')) {
            Some((name, key)) => (name, Some(key)),
            None => (*part, None),
        };
        let field = object.entry(name.to_owned()).or_insert(Value::Null);
        let Some(key) = key else {
            slot = field;
            continue;
        };
        let items = field
            .as_array_mut()
            .ok_or_else(|| path_error(path, &format!("“{name}” is not a list")))?;
        let at = items
            .iter()
            .position(|v| v.get("key").and_then(Value::as_str) == Some(key));
        match (at, last, &new) {
            (Some(i), true, None) => {
                items.remove(i);
                return Ok(());
            }
            (None, true, None) => return Ok(()),
            (None, true, Some(_)) => {
                items.push(Value::Null);
                let end = items.len() - 1;
                slot = &mut items[end];
            }
            (Some(i), _, _) => slot = &mut items[i],
            (None, false, _) => {
                return Err(path_error(path, &format!("no “{key}” in “{name}”")));
            }
        }
    }
    match new {
        Some(new) => *slot = new,
        None => return Err(path_error(path, "a field cannot be removed")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_path_sets_the_keyed_element_and_adds_a_missing_one() {
        let mut value = json!({"scale": {"verdicts": [{"key": "true", "label": "True"}]}});
        set_path(&mut value, "scale.verdicts[true].label", json!("Accurate")).unwrap();
        set_path(&mut value, "scale.verdicts[false]", json!({"key": "false"})).unwrap();
        assert_eq!(value["scale"]["verdicts"][0]["label"], "Accurate");
        assert_eq!(value["scale"]["verdicts"][1]["key"], "false");
        set_or_remove(&mut value, "scale.verdicts[true]", None).unwrap();
        assert_eq!(value["scale"]["verdicts"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_path_that_does_not_fit_is_an_error_naming_it() {
        let mut value = json!({"title": "T", "tags": [{"key": "a"}]});
        let before = value.clone();
        for (path, why) in [
            ("title.text", "inside a plain value"),
            ("title[a]", "not a list"),
            ("tags[b].label", "no “b”"),
        ] {
            let error = set_path(&mut value, path, json!(1))
                .unwrap_err()
                .to_string();
            assert!(
                error.contains(path) && error.contains(why),
                "{path}: {error}"
            );
        }
        assert!(set_or_remove(&mut value, "title", None).is_err());
        assert_eq!(value, before, "nothing changed by a refused path");
    }
}
