//! The field-by-field three-way merge of one item, generic over serde: each
//! version of the item is turned into a JSON value, its fields are merged by
//! name, and the result is read back. Fields added to the model later merge
//! with no change here; only fields that need more than "the side that
//! changed it wins" have a rule ([`rule_for`]).

use super::lines::{TextBudget, merge_within};
use super::lists::{merged_order, set_merge};
use crate::model::{Conflict, ConflictItem};
use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// What kind of item a field belongs to, which decides its rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Workspace,
    Article,
    Claim,
    Source,
    Evidence,
}

/// How a field both sides changed is merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    /// Different values are a conflict; ours is kept meanwhile.
    Whole,
    /// A moment: the later one wins, never a conflict.
    Later,
    /// A moment of creation: the earlier one wins, never a conflict.
    Earlier,
    /// A date (`Some("YYYY-MM-DD")` or `None`): the later one wins.
    LaterDate,
    /// Names (an article's `source` files): both, ours first, joined.
    Joined(&'static str),
    /// A list of values treated as a set: additions and removals of both
    /// sides are applied.
    Set,
    /// Like [`Rule::Set`], then sorted by the named timestamp field, an
    /// entry with the same `text` as an earlier one dropped.
    SetSortedBy(&'static str),
    /// A nested struct merged field by field.
    Fields,
    /// Article text: merged line by line when the changes do not overlap.
    Text,
    /// A claim's evidence: merged entry by entry, matched by their ids.
    Evidence,
    /// A list of structs with a unique field (a scale's verdicts by `key`):
    /// merged element by element, each field by field.
    Keyed(&'static str),
    /// The smaller of two numbers; a number rather than none.
    Smaller,
}

/// The rule for a field, by its path inside the item (`"verdict"`,
/// `"scale.verdicts"`); fields with no rule of their own are [`Rule::Whole`].
fn rule_for(kind: Kind, path: &str) -> Rule {
    match (kind, path) {
        (Kind::Workspace, "modified") | (Kind::Claim, "updated") => Rule::Later,
        (Kind::Workspace | Kind::Claim, "created") => Rule::Earlier,
        (Kind::Workspace, "publisher" | "scale") => Rule::Fields,
        (Kind::Workspace, "scale.verdicts") => Rule::Keyed("key"),
        (Kind::Article, "text") => Rule::Text,
        (Kind::Article, "retrieved") => Rule::LaterDate,
        (Kind::Article, "source") => Rule::Joined(" + "),
        (Kind::Article, "versions") => Rule::SetSortedBy("replaced"),
        // A transcript's side table: speakers merged by label (a name given
        // on one side, speakers added by a longer file on the other); the
        // cues belong to one text, so both sides changing them conflict.
        (Kind::Article, "transcript") => Rule::Fields,
        (Kind::Article, "transcript.speakers") => Rule::Keyed("label"),
        // Page starts (format 12) count into one text, as cues do: the side
        // that changed them (with its text: a newer document, an in-place
        // edit) wins; both sides changing them differently conflict.
        (Kind::Article, "pages") => Rule::Whole,
        (Kind::Claim, "tags" | "corrections") => Rule::Set,
        (Kind::Claim, "evidence") => Rule::Evidence,
        // A claim's media target (format 8) is one thing: its URL, kind and
        // range go together, so two sides changing it differently conflict.
        (Kind::Claim, "media") => Rule::Whole,
        // Snapshots (format 9) are named by their bytes' hash and never
        // change: each side's additions are kept.
        (Kind::Source, "snapshots") => Rule::Keyed("sha256"),
        // Protection (format 10) is one flag, written only when set: the
        // side that changed it wins, as for any whole field.
        (Kind::Source, "protected") => Rule::Whole,
        // A public number (format 12) given on both sides to the same
        // claim (each published it): the smaller stands; numbers two
        // claims share after the merge are settled over the whole
        // workspace (`Workspace::settle_public_numbers`).
        (Kind::Claim, "public_number") => Rule::Smaller,
        _ => Rule::Whole,
    }
}

/// JSON value of an item; every model type serializes to JSON.
pub(super) fn to_value<T: Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// JSON text of an item, as a conflict keeps it.
pub(super) fn to_text<T: Serialize>(item: &T) -> String {
    serde_json::to_string(item).unwrap_or_default()
}

/// Merges one item changed on both sides, recording conflicts under `item`
/// (texts merged within `budget`). Falls back to ours, with a whole-item
/// conflict, should the merged value not read back (it always does for
/// values the model wrote).
pub(super) fn merge_item<T: Serialize + DeserializeOwned + Clone>(
    kind: Kind,
    item: ConflictItem,
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    conflicts: &mut Vec<Conflict>,
    budget: TextBudget,
) -> T {
    let base_value = base.map(to_value);
    let merged = FieldMerge {
        item,
        conflicts,
        budget,
    }
    .merge_object(
        kind,
        "",
        base_value.as_ref(),
        &to_value(ours),
        &to_value(theirs),
    );
    match serde_json::from_value(merged) {
        Ok(value) => value,
        Err(_) => {
            conflicts.push(Conflict {
                item,
                field: String::new(),
                base: base.map(to_text),
                ours: Some(to_text(ours)),
                theirs: Some(to_text(theirs)),
            });
            ours.clone()
        }
    }
}

struct FieldMerge<'a> {
    item: ConflictItem,
    conflicts: &'a mut Vec<Conflict>,
    budget: TextBudget,
}

impl FieldMerge<'_> {
    fn merge_object(
        &mut self,
        kind: Kind,
        prefix: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        let (Value::Object(o), Value::Object(t)) = (ours, theirs) else {
            return self.merge_field(kind, prefix, "", base, ours, theirs);
        };
        let b = base.and_then(Value::as_object);
        let mut out = Map::new();
        let keys: Vec<&String> = o
            .keys()
            .chain(t.keys().filter(|k| !o.contains_key(*k)))
            .collect();
        // A field written only when set (a claim's `media`) is absent on a
        // side that has none: it merges as `null` there, so dropping it on
        // one side and changing it on the other is a conflict, not undone.
        let null = Value::Null;
        for key in keys {
            let bv = b.map(|b| b.get(key).unwrap_or(&null));
            let value = match (o.get(key), t.get(key)) {
                (Some(ov), Some(tv)) => self.merge_field(kind, prefix, key, bv, ov, tv),
                (Some(ov), None) => self.merge_field(kind, prefix, key, bv, ov, &null),
                (None, Some(tv)) => self.merge_field(kind, prefix, key, bv, &null, tv),
                (None, None) => continue,
            };
            out.insert(key.clone(), value);
        }
        Value::Object(out)
    }

    fn merge_field(
        &mut self,
        kind: Kind,
        prefix: &str,
        key: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        if ours == theirs || base == Some(theirs) {
            return ours.clone();
        }
        if base == Some(ours) {
            return theirs.clone();
        }
        let path = join(prefix, key);
        let rule = rule_for(kind, &path);
        match rule {
            Rule::Later => later(ours, theirs),
            Rule::Earlier => later(theirs, ours),
            Rule::LaterDate => later_date(ours, theirs),
            Rule::Smaller => smaller(ours, theirs),
            Rule::Joined(separator) => joined(ours, theirs, separator),
            Rule::Set => set_values(base, ours, theirs),
            Rule::SetSortedBy(field) => {
                let mut merged = set_values(base, ours, theirs);
                if let Value::Array(items) = &mut merged {
                    items.sort_by_key(|v| timestamp(v.get(field).unwrap_or(&Value::Null)));
                    // Both sides bringing in the same text keep it once.
                    let mut seen = Vec::new();
                    items.retain(|v| {
                        let text = v.get("text").cloned();
                        let new = text.is_none() || !seen.contains(&text);
                        seen.push(text);
                        new
                    });
                }
                merged
            }
            // An optional struct (a transcript) set on one side only.
            Rule::Fields if !ours.is_object() || !theirs.is_object() => {
                self.conflict(&path, base, ours, theirs)
            }
            Rule::Fields => self.merge_object(kind, &path, base, ours, theirs),
            Rule::Keyed(field) => self.merge_keyed(kind, &path, field, base, ours, theirs),
            Rule::Text => match merge_texts(base, ours, theirs, self.budget) {
                Some(text) => Value::String(text),
                None => self.conflict(&path, base, ours, theirs),
            },
            Rule::Evidence => self.merge_evidence(base, ours, theirs),
            Rule::Whole => self.conflict(&path, base, ours, theirs),
        }
    }

    fn conflict(
        &mut self,
        path: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        self.conflicts.push(Conflict {
            item: self.item,
            field: path.to_owned(),
            base: base.map(Value::to_string),
            ours: Some(ours.to_string()),
            theirs: Some(theirs.to_string()),
        });
        ours.clone()
    }

    /// A list of structs keyed by their `field`: each element merged field by
    /// field under the path `list[key]`; one deleted on one side and changed
    /// on the other is kept, with a conflict on the whole element.
    fn merge_keyed(
        &mut self,
        kind: Kind,
        path: &str,
        field: &str,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
    ) -> Value {
        fn list(v: Option<&Value>) -> &[Value] {
            v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
        }
        let key_of = |v: &Value| match v.get(field) {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => v.to_string(),
        };
        let keys = |items: &[Value]| items.iter().map(key_of).collect::<Vec<String>>();
        let by_key = |items: &[Value]| -> HashMap<String, Value> {
            items.iter().map(|v| (key_of(v), v.clone())).collect()
        };
        let (b, o, t) = (list(base), list(Some(ours)), list(Some(theirs)));
        let (bk, ok, tk) = (keys(b), keys(o), keys(t));
        let (bm, om, tm) = (by_key(b), by_key(o), by_key(t));
        let mut kept: HashMap<String, Value> = HashMap::new();
        for key in ok.iter().chain(tk.iter()) {
            if kept.contains_key(key) {
                continue;
            }
            let element = format!("{path}[{key}]");
            let value = match (bm.get(key), om.get(key), tm.get(key)) {
                (b, Some(o), Some(t)) => Some(self.merge_object(kind, &element, b, o, t)),
                (None, Some(v), None) | (None, None, Some(v)) => Some(v.clone()),
                (Some(b), Some(v), None) | (Some(b), None, Some(v)) if b == v => None,
                (Some(b), o, t) => {
                    self.conflicts.push(Conflict {
                        item: self.item,
                        field: element,
                        base: Some(b.to_string()),
                        ours: o.map(Value::to_string),
                        theirs: t.map(Value::to_string),
                    });
                    o.or(t).cloned()
                }
                (None, None, None) => None,
            };
            if let Some(value) = value {
                kept.insert(key.clone(), value);
            }
        }
        let keep: HashSet<String> = kept.keys().cloned().collect();
        let order = merged_order(&bk, &ok, &tk, &keep);
        Value::Array(order.into_iter().filter_map(|k| kept.remove(&k)).collect())
    }

    /// A claim's evidence entries, matched by their ids, each merged field
    /// by field; conflicts are recorded on the entry, not the claim.
    fn merge_evidence(&mut self, base: Option<&Value>, ours: &Value, theirs: &Value) -> Value {
        let ConflictItem::Claim(claim) = self.item else {
            return self.conflict("evidence", base, ours, theirs);
        };
        let mut found = Vec::new();
        let merged = FieldMerge {
            item: self.item,
            conflicts: &mut found,
            budget: self.budget,
        }
        .merge_keyed(Kind::Evidence, "", "id", base, ours, theirs);
        for mut conflict in found {
            conflict.item = evidence_item(claim, &conflict.field);
            conflict.field = evidence_field(&conflict.field);
            self.conflicts.push(conflict);
        }
        merged
    }
}

/// The conflict item of the entry a keyed-merge path (`[ID]`, `[ID].note`)
/// is about; the claim itself should the id not read (never, for ids the
/// model wrote).
fn evidence_item(claim: crate::model::ClaimId, path: &str) -> ConflictItem {
    let id = path
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(id, _)| crate::model::EvidenceId::parse(id));
    match id {
        Some(evidence) => ConflictItem::Evidence { claim, evidence },
        None => ConflictItem::Claim(claim),
    }
}

/// The field inside the entry a keyed-merge path names (`""` for the
/// whole entry).
fn evidence_field(path: &str) -> String {
    match path.split_once("].") {
        Some((_, field)) => field.to_owned(),
        None => String::new(),
    }
}

fn join(prefix: &str, key: &str) -> String {
    match (prefix.is_empty(), key.is_empty()) {
        (true, _) => key.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) => format!("{prefix}.{key}"),
    }
}

fn timestamp(value: &Value) -> Option<Timestamp> {
    value.as_str().and_then(|s| s.parse().ok())
}

/// The later of two moments (`b` when they are the same or unreadable).
fn later(a: &Value, b: &Value) -> Value {
    if timestamp(a) > timestamp(b) {
        a.clone()
    } else {
        b.clone()
    }
}

/// The smaller of two numbers; a number rather than none (null); ours
/// when they are the same.
fn smaller(ours: &Value, theirs: &Value) -> Value {
    match (ours.as_u64(), theirs.as_u64()) {
        (Some(a), Some(b)) if b < a => theirs.clone(),
        (None, Some(_)) => theirs.clone(),
        _ => ours.clone(),
    }
}

/// The later of two ISO dates (`YYYY-MM-DD`, which sort as text); a date
/// is later than none; ours when they are the same.
fn later_date(ours: &Value, theirs: &Value) -> Value {
    if theirs.as_str() > ours.as_str() {
        theirs.clone()
    } else {
        ours.clone()
    }
}

/// Both texts joined by `separator` (one of them when either is empty).
fn joined(ours: &Value, theirs: &Value, separator: &str) -> Value {
    match (ours.as_str().unwrap_or(""), theirs.as_str().unwrap_or("")) {
        ("", other) | (other, "") => Value::String(other.to_owned()),
        (o, t) => Value::String(format!("{o}{separator}{t}")),
    }
}

fn set_values(base: Option<&Value>, ours: &Value, theirs: &Value) -> Value {
    fn list(v: Option<&Value>) -> &[Value] {
        v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
    }
    Value::Array(set_merge(list(base), list(Some(ours)), list(Some(theirs))))
}

/// Both sides' text changes, when they do not overlap (line by line,
/// within the merge's time budget).
fn merge_texts(
    base: Option<&Value>,
    ours: &Value,
    theirs: &Value,
    budget: TextBudget,
) -> Option<String> {
    let base = base?.as_str()?;
    merge_within(base, ours.as_str()?, theirs.as_str()?, budget)
}
