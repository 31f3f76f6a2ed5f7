//! The window: Article › Update to a newer version… shows what becomes of
//! each claim before anything changes, applies it as one undoable step, and
//! Edit › Re-attach claim to selection fixes an orphan.

use crate::support::{app, harness, one_article};
use egui_kittest::kittest::Queryable as _;
use factbench::anchor::find_quote;
use factbench::model::{Claim, ClaimId, Workspace};
use factbench::ui::Action;

const OLD: &str = "Власти сообщили, что эвакуированы 2450 жителей.\n\nМост закрыт до понедельника.\n\n两国贸易额增长了百分之十二。";
const NEW: &str = "ОБНОВЛЕНО: уточнено число эвакуированных.\n\nВласти сообщили, что эвакуированы 2448 жителей.\n\n两国贸易额增长了百分之十二。";
const QUOTES: [&str; 3] = [
    "эвакуированы 2450 жителей",
    "Мост закрыт до понедельника",
    "两国贸易额增长了百分之十二",
];

fn workspace() -> (Workspace, Vec<ClaimId>) {
    let mut ws = one_article("Эвакуация", OLD);
    let article = ws.articles[0].id;
    let mut ids = Vec::new();
    for quote in QUOTES {
        let claim = Claim::new(article, find_quote(OLD, quote, 0).unwrap(), "Outlet");
        ids.push(claim.id);
        ws.claims.push(claim);
    }
    (ws, ids)
}

/// A harness whose file dialog answers with a newer version of the article.
fn updating() -> (
    egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
    Vec<ClaimId>,
    tempfile::TempDir,
) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evacuation-v2.txt");
    std::fs::write(&file, format!("Эвакуация\n\n{NEW}\n")).unwrap();
    let (ws, ids) = workspace();
    let mut harness = harness(app(ws, vec![Some(file)]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::UpdateArticle);
    harness.run_steps(4);
    (harness, ids, dir)
}

#[test]
fn the_preview_shows_each_claim_and_changes_nothing_until_applied() {
    let (mut harness, ids, _dir) = updating();
    assert!(
        harness
            .query_by_label_contains("0 unchanged, 1 moved, 1 edited, 1 orphaned")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("эвакуированы 2448 жителей")
            .is_some(),
        "the new quote is shown"
    );
    assert_eq!(
        harness.state().workspace().articles[0].text,
        OLD,
        "nothing applied yet"
    );
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let ws = harness.state().workspace();
    assert_eq!(ws.articles[0].text, NEW);
    assert_eq!(ws.articles[0].versions.len(), 1);
    assert_eq!(
        ws.claim(ids[0]).unwrap().anchor.exact,
        "эвакуированы 2448 жителей"
    );
    assert!(ws.claim(ids[1]).unwrap().is_orphaned());
    assert!(harness.state().document().is_dirty());
    // One step: a single undo brings everything back.
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.run_steps(2);
    let (before, _) = workspace();
    let ws = harness.state().workspace();
    assert_eq!(ws.articles[0].text, OLD);
    assert!(ws.articles[0].versions.is_empty());
    assert_eq!(
        ws.claims.iter().map(|c| &c.anchor).collect::<Vec<_>>(),
        before.claims.iter().map(|c| &c.anchor).collect::<Vec<_>>()
    );
    assert!(ws.claims.iter().all(|c| !c.is_orphaned()));
}

#[test]
fn cancel_leaves_the_article_alone() {
    let (mut harness, _, _dir) = updating();
    assert!(
        harness.query_by_label_contains("Orphans only").is_none(),
        "no orphans, no orphans filter"
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Apply update").is_none());
    assert_eq!(harness.state().workspace().articles[0].text, OLD);
    assert!(!harness.state().document().can_undo());
}

#[test]
fn an_orphan_is_reattached_to_the_selection_and_undone() {
    let (mut harness, ids, _dir) = updating();
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, ids[1]);
    harness.run_steps(2);
    let target = find_quote(NEW, "уточнено число эвакуированных", 0).unwrap();
    harness
        .state_mut()
        .reader_mut()
        .set_selection(target.start, target.end);
    harness.run_steps(2);
    harness.state_mut().perform(&ctx, Action::ReattachClaim);
    harness.run_steps(2);
    let claim = harness.state().workspace().claim(ids[1]).unwrap().clone();
    assert!(!claim.is_orphaned());
    assert_eq!(claim.anchor, target);
    assert_eq!(
        claim.statement, "Мост закрыт до понедельника",
        "the rest of the claim is kept"
    );
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .workspace()
            .claim(ids[1])
            .unwrap()
            .is_orphaned()
    );
}

#[test]
fn the_orphans_filter_lists_only_orphaned_claims() {
    let (mut harness, ids, _dir) = updating();
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    // Offered now that there is an orphan.
    harness.get_by_label_contains("Orphans only").click();
    harness.run_steps(3);
    assert!(harness.state_mut().list_mut().filter.orphans_only);
    let ws = harness.state().workspace().clone();
    let revision = harness.state().document().revision();
    let shown = harness.state_mut().list_mut().visible_claims(&ws, revision);
    assert_eq!(shown, vec![ids[1]]);
}

#[test]
fn compare_versions_shows_the_changed_number_and_the_removed_sentence() {
    let (mut harness, _, _dir) = updating();
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::CompareVersions);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_role_and_label(egui::Role::Dialog, "Compare versions")
            .is_some(),
        "the window is open"
    );
    assert!(
        harness
            .query_by_label("Numbers changed: 2450 to 2448")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Removed: Мост закрыт до понедельника.")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Added: ОБНОВЛЕНО")
            .is_some()
    );
    harness.get_by_label("Close").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Numbers changed").is_none());
}

/// The newer version has no place for the bridge's sentence, only a
/// lookalike of it at the end.
const LOOKALIKE: &str = "Власти сообщили, что эвакуированы 2450 жителей.\n\n两国贸易额增长了百分之十二。\n\nПо словам мэра, мост закрыт.";

#[test]
fn an_update_from_the_clipboard_goes_through_the_preview_as_one_step() {
    let (ws, ids) = workspace();
    let article = ws.articles[0].id;
    let mut harness = harness(app(ws, vec![]));
    harness
        .state_mut()
        .prepare_update_from_clipboard(article, format!("Эвакуация\n\n{NEW}\n"));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("from clipboard").is_some());
    assert_eq!(harness.state().workspace().articles[0].text, OLD);
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let ws = harness.state().workspace();
    assert_eq!(ws.articles[0].text, NEW);
    assert_eq!(ws.articles[0].versions[0].text, OLD);
    assert!(ws.claim(ids[1]).unwrap().is_orphaned());
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::Undo);
    harness.run_steps(2);
    assert_eq!(harness.state().workspace().articles[0].text, OLD);
    // An empty clipboard says so and changes nothing.
    harness
        .state_mut()
        .prepare_update_from_clipboard(article, "  \n".into());
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .errors()
            .any(|(_, m)| m.contains("clipboard holds no text"))
    );
}

#[test]
fn a_file_dropped_onto_the_article_is_shown_as_its_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evacuation-v2.txt");
    std::fs::write(&file, format!("Эвакуация\n\n{NEW}\n")).unwrap();
    let (ws, _) = workspace();
    let mut harness = harness(app(ws, vec![]));
    let over = harness.get_by_label("Article text").rect().center();
    harness.hover_at(over);
    harness.run_steps(1);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(file)));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("0 unchanged, 1 moved, 1 edited, 1 orphaned")
            .is_some(),
        "the preview of the update, not an import"
    );
    assert_eq!(harness.state().workspace().articles.len(), 1);
}

#[test]
fn the_orphans_window_offers_the_nearest_passages_and_one_click_selects_it_for_reattach() {
    let (mut ws, ids) = workspace();
    let article = ws.articles[0].id;
    // The orphan to be is published with a verdict (issue 28 item 14).
    let verdict = ws.scale.verdicts[0].clone();
    let published = ws.claims.iter_mut().find(|c| c.id == ids[1]).unwrap();
    published.verdict = Some(verdict.key.clone());
    published.rationale = "Checked.".into();
    published
        .publication
        .push(factbench::model::PublicationEvent {
            action: factbench::model::PublicationAction::Published,
            date: jiff::Timestamp::now(),
            by: "Editor".into(),
        });
    let mut harness = harness(app(ws, vec![]));
    harness
        .state_mut()
        .prepare_update_from_clipboard(article, format!("Эвакуация\n\n{LOOKALIKE}\n"));
    harness.run_steps(3);
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    assert!(
        harness
            .state()
            .workspace()
            .claim(ids[1])
            .unwrap()
            .is_orphaned()
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::ShowOrphans);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("“Мост закрыт до понедельника”")
            .is_some()
    );
    // Which claim, its verdict, and that readers have its check.
    let number = harness.state().workspace().claim_numbers()[&ids[1]];
    let named = format!(
        "Claim {number} · {} · published · ⚠ its sentence is gone",
        verdict.label
    );
    assert!(harness.query_by_label(&named).is_some(), "{named}");
    harness.get_by_label("“мост закрыт”").click();
    harness.run_steps(3);
    let target = find_quote(LOOKALIKE, "мост закрыт", 0).unwrap();
    assert_eq!(harness.state().selected_claim(), Some(ids[1]));
    assert_eq!(
        harness.state().text_selection(),
        Some((target.start, target.end))
    );
    harness.state_mut().perform(&ctx, Action::ReattachClaim);
    harness.run_steps(3);
    let claim = harness.state().workspace().claim(ids[1]).unwrap();
    assert!(!claim.is_orphaned());
    assert_eq!(claim.anchor, target);
}

/// Issue 28 item 14: an orphan whose sentence the outlet deleted is kept
/// as *removed by the outlet* from the Orphans window — listed apart, no
/// longer a problem — and *Look for it again* takes it back.
#[test]
fn the_orphans_window_keeps_an_orphan_as_removed_by_the_outlet() {
    let (ws, ids) = workspace();
    let article = ws.articles[0].id;
    let mut harness = harness(app(ws, vec![]));
    harness
        .state_mut()
        .prepare_update_from_clipboard(article, format!("Эвакуация\n\n{LOOKALIKE}\n"));
    harness.run_steps(3);
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::ShowOrphans);
    harness.run_steps(3);
    let problems = |h: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>| {
        h.state().workspace().problems().len()
    };
    let before = problems(&harness);
    harness.get_by_label("Removed by the outlet").click();
    harness.run_steps(3);
    let claim = harness.state().workspace().claim(ids[1]).unwrap().clone();
    assert!(claim.is_removed_by_outlet());
    assert_eq!(problems(&harness), before - 1, "no longer a problem");
    assert!(harness.query_by_label("Look for it again").is_some());
    harness.get_by_label("Look for it again").click();
    harness.run_steps(3);
    assert!(
        !harness
            .state()
            .workspace()
            .claim(ids[1])
            .unwrap()
            .removed_by_outlet
    );
    assert_eq!(problems(&harness), before);
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_preview_names_each_claim_and_flags_a_published_figure_that_changed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evacuation-v2.txt");
    std::fs::write(&file, format!("Эвакуация\n\n{NEW}\n")).unwrap();
    let (mut ws, ids) = workspace();
    // The first claim (2450 evacuated) was published with a verdict.
    let verdict = ws.scale.verdicts[0].clone();
    let claim = ws.claims.iter_mut().find(|c| c.id == ids[0]).unwrap();
    claim.verdict = Some(verdict.key.clone());
    claim.publication.push(factbench::model::PublicationEvent {
        action: factbench::model::PublicationAction::Published,
        date: "2025-05-04T10:00:00Z".parse().unwrap(),
        by: "Ирина".into(),
    });
    let mut harness = harness(app(ws, vec![Some(file)]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::UpdateArticle);
    harness.run_steps(4);
    let flagged = format!("1 · {} · published · ⚠ figure changed", verdict.label);
    assert!(
        harness.query_by_label(&flagged).is_some(),
        "the published claim whose 2450 became 2448 is flagged: {flagged}"
    );
    assert!(
        harness.query_by_label("2 · Unrated").is_some(),
        "a draft is named plainly"
    );
}

/// An Arabic article whose figure was corrected from Western to
/// Arabic-Indic digits with the Arabic decimal separator: Compare versions
/// names the two figures whole, not the changed digits one by one.
#[test]
fn compare_versions_names_an_arabic_indic_figure_whole() {
    const BEFORE: &str = "بلغت صادرات النفط 245 مليار دولار.\n\nأغلق الجسر حتى الاثنين.";
    const AFTER: &str = "بلغت صادرات النفط ٢٤٤٫٨ مليار دولار.\n\nأغلق الجسر حتى الاثنين.";
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("exports-v2.txt");
    std::fs::write(&file, format!("الصادرات\n\n{AFTER}\n")).unwrap();
    let mut ws = one_article("الصادرات", BEFORE);
    let article = ws.articles[0].id;
    let quote = find_quote(BEFORE, "245 مليار دولار", 0).unwrap();
    ws.claims.push(Claim::new(article, quote, "الوزارة"));
    let mut harness = harness(app(ws, vec![Some(file)]));
    let ctx = harness.ctx.clone();
    harness.state_mut().perform(&ctx, Action::UpdateArticle);
    harness.run_steps(4);
    harness.get_by_label("Apply update").click();
    harness.run_steps(3);
    harness.state_mut().perform(&ctx, Action::CompareVersions);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Numbers changed: 245 to ٢٤٤٫٨")
            .is_some(),
        "the pair of figures, whole"
    );
}
