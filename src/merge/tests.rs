//! Tests of the three-way merge by id: fields, lists, text and conflicts.

use super::*;
use crate::edit::Document;
use crate::model::{Resolution, Side, SourceKind};
use crate::sample::sample_workspace;

/// [`super::merge`] of inputs known to have unique ids.
fn merge(base: Workspace, ours: Workspace, theirs: Workspace) -> Merged {
    super::merge(base, ours, theirs).expect("the inputs' ids are unique")
}

fn claim_verdict(ws: &Workspace, n: usize) -> Option<&str> {
    ws.claims[n].verdict.as_deref()
}

fn sides() -> (Workspace, Workspace, Workspace) {
    let base = sample_workspace();
    (base.clone(), base.clone(), base)
}

#[test]
fn disjoint_field_changes_merge_without_conflict() {
    let (base, mut ours, mut theirs) = sides();
    ours.claims[0].rationale = "Ours wrote this.".into();
    theirs.claims[0].claimant = "Дмитрий Песков".into();
    theirs.sources[1].notes = "проверено".into();
    let merged = merge(base, ours, theirs);
    assert_eq!(merged.new_conflicts, 0);
    let ws = &merged.workspace;
    assert_eq!(ws.claims[0].rationale, "Ours wrote this.");
    assert_eq!(ws.claims[0].claimant, "Дмитрий Песков");
    assert_eq!(ws.sources[1].notes, "проверено");
    assert!(ws.conflicts.is_empty());
}

#[test]
fn the_same_field_changed_two_ways_is_a_conflict_described_with_labels() {
    let (base, mut ours, mut theirs) = sides();
    let keys: Vec<String> = base.scale.verdicts.iter().map(|v| v.key.clone()).collect();
    ours.claims[6].verdict = Some(keys[0].clone());
    theirs.claims[6].verdict = Some(keys[1].clone());
    let merged = merge(base.clone(), ours, theirs);
    assert_eq!(merged.new_conflicts, 1);
    let ws = &merged.workspace;
    assert_eq!(
        claim_verdict(ws, 6),
        Some(keys[0].as_str()),
        "ours is kept meanwhile"
    );
    let conflict = &ws.conflicts[0];
    assert_eq!(conflict.item, ConflictItem::Claim(base.claims[6].id));
    assert_eq!(conflict.field, "verdict");
    let words = describe_conflict(conflict, ws);
    let label = |n: usize| base.scale.verdicts[n].label.clone();
    assert!(words.starts_with("claim 7 '"), "{words}");
    assert!(
        words.contains(&format!(
            "verdict is *{}* on our side and *{}* on theirs",
            label(0),
            label(1)
        )),
        "{words}"
    );
    // The window shows the same sentence without the terminal's marks.
    let plain = super::describe_conflict_plain(conflict, ws);
    assert_eq!(plain, words.replace('*', ""));
    assert!(!plain.contains('*'), "{plain}");
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let (base, mut ours, mut theirs) = sides();
    ours.claims[2].tags.push("economy".into());
    theirs.claims[2].tags.push("economy".into());
    ours.title = "Новое название".into();
    theirs.title = "Новое название".into();
    let merged = merge(base, ours.clone(), theirs);
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.workspace, ours);
}

#[test]
fn delete_against_edit_keeps_the_edit_and_records_it() {
    let (base, mut ours, mut theirs) = sides();
    let id = base.claims[3].id;
    ours.claims.remove(3);
    theirs.claims[3].rationale = "他们改了".into();
    let merged = merge(base, ours, theirs);
    let ws = &merged.workspace;
    assert_eq!(ws.claim(id).unwrap().rationale, "他们改了");
    assert_eq!(
        ws.claims.iter().position(|c| c.id == id),
        Some(3),
        "kept in place"
    );
    assert_eq!(merged.new_conflicts, 1);
    assert!(ws.conflicts[0].is_whole_item());
    assert_eq!(ws.conflicts[0].ours, None);
    assert!(describe_conflict(&ws.conflicts[0], ws).contains("deleted on our side"));
}

#[test]
fn additions_on_both_sides_are_kept_ours_first() {
    let (base, mut ours, mut theirs) = sides();
    let mut mine = base.claims[0].clone();
    mine.id = crate::model::ClaimId::new();
    mine.statement = "ours".into();
    let mut yours = base.claims[1].clone();
    yours.id = crate::model::ClaimId::new();
    yours.statement = "theirs".into();
    ours.claims.push(mine.clone());
    theirs.claims.push(yours.clone());
    let source =
        crate::model::Source::new("Росстат", "https://rosstat.gov.ru", SourceKind::Dataset);
    theirs.sources.push(source.clone());
    let a = merge(base.clone(), ours.clone(), theirs.clone()).workspace;
    let n = base.claims.len();
    assert_eq!(a.claims.len(), n + 2);
    assert_eq!(a.claims[n].id, mine.id);
    assert_eq!(a.claims[n + 1].id, yours.id);
    assert_eq!(a.sources.last(), Some(&source));
    let again = merge(base, ours, theirs).workspace;
    assert_eq!(a, again, "deterministic");
}

#[test]
fn a_deleted_source_still_cited_on_the_other_side_comes_back() {
    let (base, mut ours, mut theirs) = sides();
    let cited = base.claims.iter().find(|c| !c.evidence.is_empty()).unwrap();
    let source = cited.evidence[0].source;
    for claim in &mut ours.claims {
        claim.evidence.retain(|e| e.source != source);
    }
    ours.sources.retain(|s| s.id != source);
    let at = theirs.claims.iter().position(|c| c.id == cited.id).unwrap();
    theirs.claims[at].evidence[0].note = "still relevant".into();
    let merged = merge(base, ours, theirs);
    let ws = &merged.workspace;
    assert!(ws.source(source).is_some(), "the cited source is kept");
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    assert!(merged.new_conflicts >= 1);
}

#[test]
fn modified_never_conflicts_the_later_wins() {
    let (base, mut ours, mut theirs) = sides();
    ours.modified = "2030-01-01T00:00:00Z".parse().unwrap();
    theirs.modified = "2031-01-01T00:00:00Z".parse().unwrap();
    ours.claims[0].updated = "2031-05-05T00:00:00Z".parse().unwrap();
    theirs.claims[0].updated = "2030-05-05T00:00:00Z".parse().unwrap();
    ours.claims[0].rationale = "a".into();
    theirs.claims[0].statement = "b".into();
    let merged = merge(base, ours, theirs.clone());
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.workspace.modified, theirs.modified);
    assert_eq!(
        merged.workspace.claims[0].updated.to_string(),
        "2031-05-05T00:00:00Z"
    );
}

#[test]
fn text_changed_on_both_sides_apart_is_merged_and_claims_follow() {
    let mut base = Workspace::new("t");
    let text = "Первый абзац о торговле.\nВторой абзац: 习近平 прибыл в Москву.\nТретий абзац 👩‍👩‍👧 о ценах.\nЧетвёртый.";
    let article = Article::new("Статья", text);
    let id = article.id;
    base.articles.push(article);
    let mut doc = Document::new(base.clone(), None);
    let start = text.chars().take_while(|&c| c != '习').count();
    doc.execute(
        crate::edit::Command::MarkClaim {
            article: id,
            start,
            end: start + 3,
        },
        0.0,
    )
    .unwrap();
    let base = doc.workspace().clone();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.articles[0].text = format!("Вставка в начале.\n{text}");
    ours.claims[0].anchor = crate::anchor::find_quote(&ours.articles[0].text, "习近平", 0).unwrap();
    theirs.articles[0].text = text.replace("Четвёртый.", "Четвёртый, исправленный.");
    let merged = merge(base, ours, theirs);
    assert_eq!(merged.new_conflicts, 0);
    let ws = &merged.workspace;
    assert!(ws.articles[0].text.starts_with("Вставка в начале.\n"));
    assert!(ws.articles[0].text.ends_with("Четвёртый, исправленный."));
    assert!(ws.problems().is_empty(), "{:?}", ws.problems());
    assert_eq!(ws.claims[0].anchor.exact, "习近平");
}

#[test]
fn overlapping_text_changes_are_a_conflict() {
    let (base, mut ours, mut theirs) = sides();
    ours.articles[0].text = ours.articles[0].text.replacen("Moscow", "Moskva", 1);
    theirs.articles[0].text = theirs.articles[0].text.replacen("Moscow", "Москва", 1);
    let merged = merge(base, ours.clone(), theirs);
    assert!(merged.workspace.conflicts.iter().any(|c| c.field == "text"));
    assert_eq!(merged.workspace.articles[0].text, ours.articles[0].text);
}

#[test]
fn keep_theirs_is_one_undoable_step() {
    let (base, mut ours, mut theirs) = sides();
    let others: Vec<_> = crate::model::Status::ALL
        .into_iter()
        .filter(|s| *s != base.claims[1].status)
        .collect();
    ours.claims[1].status = others[0];
    theirs.claims[1].status = others[1];
    theirs.claims[2].rationale = "theirs".into();
    ours.claims[2].rationale = "ours".into();
    let merged = merge(base, ours, theirs).workspace;
    assert_eq!(merged.conflicts.len(), 2);
    let mut doc = Document::new(merged.clone(), None);
    let keep = |resolution| crate::edit::Command::ResolveConflict {
        index: 0,
        resolution,
    };
    doc.execute(keep(Resolution::KeepTheirs), 0.0).unwrap();
    assert_eq!(doc.workspace().claims[1].status, others[1]);
    assert_eq!(doc.workspace().conflicts.len(), 1);
    assert_eq!(doc.workspace().conflicts[0].field, "rationale");
    doc.execute(keep(Resolution::KeepCurrent), 1.0).unwrap();
    assert_eq!(doc.workspace().claims[2].rationale, "ours");
    assert!(doc.workspace().conflicts.is_empty());
    doc.undo();
    doc.undo();
    assert_eq!(doc.workspace(), &merged);
    let theirs_text = serde_json::to_string(&others[1]).unwrap();
    assert_eq!(
        merged.conflicts[0].value(Side::Theirs),
        Some(theirs_text.as_str())
    );
}

#[test]
fn keep_ours_of_a_deleted_claim_deletes_it() {
    let (base, mut ours, mut theirs) = sides();
    let id = base.claims[3].id;
    ours.claims.remove(3);
    theirs.claims[3].rationale = "changed".into();
    let merged = merge(base, ours, theirs).workspace;
    let mut doc = Document::new(merged, None);
    doc.execute(
        crate::edit::Command::ResolveConflict {
            index: 0,
            resolution: Resolution::KeepOurs,
        },
        0.0,
    )
    .unwrap();
    assert!(doc.workspace().claim(id).is_none());
    assert!(doc.workspace().conflicts.is_empty());
}

#[test]
fn diff_names_added_removed_and_changed_items() {
    let (old, mut new, _) = sides();
    new.claims[0].verdict = None;
    let removed = new.sources.remove(0);
    new.articles[0].text.push_str(" A new closing sentence.");
    let text = render_diff(&diff(&old, &new));
    assert!(text.contains("~ changed claim 1 '"), "{text}");
    assert!(text.contains("verdict: *"), "{text}");
    assert!(text.contains("became *unrated*"), "{text}");
    assert!(
        text.contains(&format!(
            "- removed source '{}",
            removed.title.chars().take(10).collect::<String>()
        )),
        "{text}"
    );
    assert!(text.contains("text: sentence"), "{text}");
    assert_eq!(render_diff(&diff(&old, &old)), "no differences\n");
}

#[test]
fn the_benchmark_sides_merge_with_a_few_conflicts_and_lose_nothing() {
    let base = crate::sample::generated_workspace(2, 4_000, 200);
    let [ours, theirs] = crate::sample::merge_sides(&base, 60);
    let merged = merge(base.clone(), ours.clone(), theirs.clone());
    let ws = &merged.workspace;
    for side in [&ours, &theirs] {
        for claim in side.claims.iter().filter(|c| base.claim(c.id).is_none()) {
            assert!(ws.claim(claim.id).is_some());
        }
    }
    assert!(ws.claims.iter().any(|c| c.rationale.starts_with("Side 0")));
    assert!(ws.claims.iter().any(|c| c.rationale.starts_with("Side 1")));
    assert!(merged.new_conflicts < 10, "{:?}", ws.conflicts);
}

#[test]
fn both_sides_updating_an_article_to_the_same_text_keep_its_old_text_once() {
    let (base, mut ours, mut theirs) = sides();
    let old = base.articles[0].text.clone();
    for (side, at) in [
        (&mut ours, "2026-12-01T10:00:00Z"),
        (&mut theirs, "2026-12-01T11:00:00Z"),
    ] {
        side.articles[0]
            .versions
            .push(crate::model::ArticleVersion {
                retrieved: None,
                source: String::new(),
                replaced: at.parse().unwrap(),
                text: old.clone(),
                transcript: None,
                pages: Vec::new(),
            });
        side.articles[0].text = format!("{old}\nUPDATE: a correction.");
    }
    let merged = merge(base, ours, theirs);
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.workspace.articles[0].versions.len(), 1);
}

#[test]
fn scale_edits_on_both_sides_merge_verdict_by_verdict() {
    let (base, mut ours, mut theirs) = sides();
    ours.scale.verdicts[2].label = "Half true".into();
    let mut unproven = base.scale.verdicts[6].clone();
    unproven.key = "unproven".into();
    unproven.label = "Недоказано".into();
    theirs.scale.verdicts.push(unproven);
    theirs.claims[5].verdict = Some("unproven".into());
    let merged = merge(base.clone(), ours, theirs);
    assert_eq!(merged.new_conflicts, 0);
    let scale = &merged.workspace.scale;
    assert_eq!(scale.verdicts.len(), base.scale.verdicts.len() + 1);
    assert_eq!(scale.verdicts[2].label, "Half true");
    assert_eq!(scale.verdicts.last().unwrap().key, "unproven");
    assert!(
        merged.workspace.problems().is_empty(),
        "{:?}",
        merged.workspace.problems()
    );
}

#[test]
fn a_verdict_relabelled_two_ways_is_a_conflict_settled_by_keep_theirs() {
    let (base, mut ours, mut theirs) = sides();
    let key = base.scale.verdicts[2].key.clone();
    ours.scale.verdicts[2].label = "Half true".into();
    theirs.scale.verdicts[2].label = "Наполовину правда".into();
    let merged = merge(base, ours, theirs).workspace;
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].field,
        format!("scale.verdicts[{key}].label")
    );
    let mut doc = Document::new(merged, None);
    doc.execute(
        crate::edit::Command::ResolveConflict {
            index: 0,
            resolution: Resolution::KeepTheirs,
        },
        0.0,
    )
    .unwrap();
    assert_eq!(doc.workspace().scale.verdicts[2].label, "Наполовину правда");
    assert!(doc.workspace().conflicts.is_empty());
}

#[test]
fn two_items_sharing_an_id_in_any_input_are_refused_with_every_shared_id_named() {
    let (base, mut ours, mut theirs) = sides();
    let mut twin = ours.claims[0].clone();
    twin.rationale = "Двойник 双 👯".into();
    ours.claims.push(twin);
    theirs.sources.push(theirs.sources[1].clone());
    theirs.articles.insert(0, theirs.articles[0].clone());
    let refused = super::merge(base.clone(), ours, theirs).expect_err("nothing may be dropped");
    let named: Vec<(Input, &str, String, usize)> = refused
        .0
        .iter()
        .map(|d| (d.input, d.items.as_str(), d.id.clone(), d.count))
        .collect();
    assert_eq!(
        named,
        vec![
            (Input::Ours, "claims", base.claims[0].id.to_string(), 2),
            (
                Input::Theirs,
                "articles",
                base.articles[0].id.to_string(),
                2
            ),
            (Input::Theirs, "sources", base.sources[1].id.to_string(), 2),
        ]
    );
    let said = refused.to_string();
    assert!(
        said.contains(&format!(
            "Ours: 2 claims share the id {}",
            base.claims[0].id
        )),
        "{said}"
    );
}

#[test]
fn a_long_rewrite_against_a_one_line_fix_is_a_conflict_on_the_whole_text() {
    let [base, ours, theirs] = crate::sample::rewrite_against_fix(100_000);
    let article = base.articles[0].id;
    let merged = merge(base.clone(), ours.clone(), theirs.clone());
    assert_eq!(merged.new_conflicts, 1);
    let conflict = &merged.workspace.conflicts[0];
    assert_eq!(conflict.item, ConflictItem::Article(article));
    assert_eq!(conflict.field, "text");
    let theirs_text = serde_json::to_string(&theirs.articles[0].text).unwrap();
    assert_eq!(conflict.theirs.as_deref(), Some(theirs_text.as_str()));
    assert_eq!(merged.workspace.articles[0].text, ours.articles[0].text);
}

/// The sample with claim 0 citing source 1 twice: first "Supports" with
/// `first`, then "Refutes" with `second`.
fn citing_one_source_twice(first: &str, second: &str) -> Workspace {
    let mut ws = sample_workspace();
    let source = ws.sources[1].id;
    let claim = &mut ws.claims[0];
    claim.evidence.clear();
    claim.evidence.push(crate::model::Evidence::new(
        source,
        crate::model::Stance::Supports,
        first,
    ));
    claim.evidence.push(crate::model::Evidence::new(
        source,
        crate::model::Stance::Refutes,
        second,
    ));
    ws
}

#[test]
fn a_citation_deleted_on_one_side_and_edited_on_the_other_is_a_conflict_on_it_alone() {
    let base = citing_one_source_twice("Первая цитата", "第二段引文 📄");
    let (first, second) = (
        base.claims[0].evidence[0].clone(),
        base.claims[0].evidence[1].clone(),
    );
    let mut ours = base.clone();
    ours.claims[0].evidence.remove(0);
    let mut theirs = base.clone();
    theirs.claims[0].evidence[0].excerpt = "Первая цитата, уточнена e\u{301}".into();
    let merged = merge(base.clone(), ours, theirs.clone());
    let ws = &merged.workspace;
    assert_eq!(merged.new_conflicts, 1);
    let conflict = &ws.conflicts[0];
    assert_eq!(
        conflict.item,
        ConflictItem::Evidence {
            claim: base.claims[0].id,
            evidence: first.id
        }
    );
    assert!(conflict.is_whole_item());
    assert_eq!(conflict.ours, None, "deleted on our side");
    // The edited citation is kept meanwhile; the other one stays whole.
    assert_eq!(ws.claims[0].evidence, theirs.claims[0].evidence);
    assert_eq!(ws.claims[0].evidence[1], second);
    let words = describe_conflict(conflict, ws);
    assert!(words.contains("evidence 1 from source '"), "{words}");
    // Keeping our side deletes that citation and nothing else.
    let mut doc = Document::new(ws.clone(), None);
    let keep_ours = crate::edit::Command::ResolveConflict {
        index: 0,
        resolution: Resolution::KeepOurs,
    };
    doc.execute(keep_ours, 1.0).unwrap();
    let settled = doc.workspace();
    assert_eq!(settled.claims[0].evidence, vec![second]);
    assert!(settled.conflicts.is_empty());
}

#[test]
fn a_citation_edited_two_ways_is_a_conflict_on_its_field_by_id() {
    let base = citing_one_source_twice("one", "two");
    let second = base.claims[0].evidence[1].id;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.claims[0].evidence[1].note = "наша".into();
    theirs.claims[0].evidence[1].note = "их".into();
    theirs.claims[0].evidence[0].stance = crate::model::Stance::Context;
    let merged = merge(base.clone(), ours, theirs);
    let ws = &merged.workspace;
    assert_eq!(merged.new_conflicts, 1);
    assert_eq!(
        ws.conflicts[0].item,
        ConflictItem::Evidence {
            claim: base.claims[0].id,
            evidence: second
        }
    );
    assert_eq!(ws.conflicts[0].field, "note");
    assert_eq!(
        ws.claims[0].evidence[0].stance,
        crate::model::Stance::Context
    );
    assert_eq!(ws.claims[0].evidence[1].note, "наша");
}

#[test]
fn corrections_added_on_both_sides_are_both_kept_with_their_recorded_changes() {
    use crate::edit::{ClaimChange, Command, Corrected};
    let (base, ours, theirs) = sides();
    let id = base.claims[0].id;
    assert!(base.claims[0].is_published());
    let correct = |ws: Workspace, change: ClaimChange| {
        let mut doc = Document::new(ws, None);
        doc.execute(Command::EditClaim { claim: id, change }, 0.0)
            .unwrap();
        doc.workspace().clone()
    };
    let ours = correct(
        ours,
        ClaimChange::Correct {
            fields: Corrected {
                verdict: Some(Some("mixed".into())),
                statement: Some("Си посетит Москву 7–10 мая.".into()),
                ..Corrected::default()
            },
            note: "Новые данные 海关 📈".into(),
            by: "Олег".into(),
        },
    );
    let theirs = correct(
        theirs,
        ClaimChange::AddCorrection {
            note: "Typo in the date fixed.".into(),
            by: "Ирина".into(),
        },
    );
    let merged = merge(base, ours.clone(), theirs.clone());
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.workspace.conflicts);
    let claim = &merged.workspace.claims[0];
    assert_eq!(claim.corrections.len(), 2);
    assert_eq!(claim.corrections[0], ours.claims[0].corrections[0]);
    assert_eq!(claim.corrections[1], theirs.claims[0].corrections[0]);
    assert_eq!(claim.corrections[0].changes.len(), 2);
    assert_eq!(claim.verdict.as_deref(), Some("mixed"));
    assert_eq!(claim.statement, "Си посетит Москву 7–10 мая.");
}

#[test]
fn a_source_protected_on_one_side_stays_protected_beside_the_others_edits() {
    let (base, mut ours, mut theirs) = sides();
    ours.sources[1].protected = true;
    theirs.sources[1].title = "Retitled on their side".into();
    theirs.sources[0].protected = true;
    let merged = merge(base, ours.clone(), theirs.clone());
    assert_eq!(merged.new_conflicts, 0);
    let ws = &merged.workspace;
    assert!(ws.sources[1].protected && ws.sources[0].protected);
    assert_eq!(ws.sources[1].title, "Retitled on their side");
    // Lifting the protection is a change like any other: taken when the
    // other side left the field alone.
    let mut lifted = ws.clone();
    lifted.sources[1].protected = false;
    let mut edited = ws.clone();
    edited.sources[1].notes = "checked again".into();
    let again = merge(ws.clone(), lifted, edited);
    assert_eq!(again.new_conflicts, 0);
    assert!(!again.workspace.sources[1].protected);
    assert_eq!(again.workspace.sources[1].notes, "checked again");
}

#[test]
fn two_branches_each_publishing_a_claim_as_the_next_number_end_with_distinct_numbers() {
    use crate::model::{PublicationAction, PublicationEvent};
    let (mut base, _, _) = sides();
    for claim in &mut base.claims {
        claim.publication.clear();
        claim.public_number = None;
    }
    let next = base.next_public_number();
    let publish = |ws: &mut Workspace, index: usize, seconds: i64| {
        let claim = &mut ws.claims[index];
        claim.publication.push(PublicationEvent {
            action: PublicationAction::Published,
            date: jiff::Timestamp::from_second(1_780_000_000 + seconds).unwrap(),
            by: "Editor".into(),
        });
        claim.public_number = Some(next);
    };
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    publish(&mut ours, 0, 200);
    publish(&mut theirs, 1, 100);
    let merged = merge(base, ours.clone(), theirs.clone());
    assert_eq!(merged.new_conflicts, 0);
    let number = |i: usize| merged.workspace.claims[i].public_number;
    assert_eq!(number(1), Some(next), "the earlier publication keeps it");
    assert_eq!(number(0), Some(next + 1), "the later one gets the next");
    // The same claim published on both sides keeps the smaller number.
    let (mut again_ours, mut again_theirs) = (merged.workspace.clone(), merged.workspace.clone());
    again_ours.claims[2].public_number = Some(next + 2);
    again_theirs.claims[2].public_number = Some(next + 5);
    let again = merge(merged.workspace.clone(), again_ours, again_theirs);
    assert_eq!(again.workspace.claims[2].public_number, Some(next + 2));
}
