//! A source's snapshots in the source library: *Add snapshot…* through the
//! file dialog keeps a WACZ (made by py-wacz, `tests/fixtures/archives/`)
//! beside the workspace and lists it with its kind, short SHA-256 and
//! verification state; *Verify* records `ok`, and after the stored copy is
//! tampered with on disk, `changed`; a passage selected in the snapshot's
//! read-only text and cited for the selected claim is anchored there, as
//! `factbench cite --excerpt` anchors it.

use crate::support::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use factbench::edit::Command;
use factbench::model::{ByteCheck, CustodyEvent, Source, SourceKind};
use factbench::store::{self, snapshots};
use factbench::ui::{FactbenchApp, RightTab};
use std::path::{Path, PathBuf};

const WACZ: &str = "tests/fixtures/archives/reservoir.wacz";

/// A saved workspace of one article, one claim and one source, open in the
/// window with the Sources tab shown and the source's entry open; the file
/// dialog answers with the WACZ.
fn desk(dir: &Path) -> Harness<'static, FactbenchApp> {
    let mut ws = one_article(
        "Reservoir",
        "The reservoir is at 41 per cent, the board said.",
    );
    ws.sources.push(Source::new(
        "Harbour Ledger: reservoir levels",
        "https://news.example.org/2026/05/reservoir-levels",
        SourceKind::NewsReport,
    ));
    let path = dir.join("case.ron");
    store::save(&path, &ws).unwrap();
    let wacz = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(WACZ);
    let mut harness = harness(app(ws.clone(), vec![Some(wacz)]));
    let ctx = harness.ctx.clone();
    let state = harness.state_mut();
    state.open_workspace(ws.clone(), Some(path));
    state.settings_mut().your_name = "Ana Lima".into();
    state.execute(
        &ctx,
        Command::MarkClaim {
            article: ws.articles[0].id,
            start: 0,
            end: 13,
        },
    );
    harness.state_mut().set_right_tab(RightTab::Sources);
    harness.run_steps(2);
    harness.get_by_label_contains("Harbour Ledger").click();
    harness.run_steps(3);
    harness
}

/// Runs frames until the snapshot worker is done.
fn wait_for_worker(harness: &mut Harness<'static, FactbenchApp>) {
    for _ in 0..600 {
        harness.run_steps(1);
        if !harness.state().evidence_busy() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the snapshot worker did not finish");
}

fn add_wacz(harness: &mut Harness<'static, FactbenchApp>) -> String {
    harness.get_by_label("Add snapshot…").click();
    harness.run_steps(3);
    wait_for_worker(harness);
    let ws = harness.state().workspace();
    let snapshot = ws.sources[0].snapshots.first().expect("the WACZ was added");
    assert_eq!(snapshot.media_type, "application/wacz");
    assert_eq!(snapshot.by, "Ana Lima");
    snapshot.sha256.clone()
}

fn click_verify(harness: &mut Harness<'static, FactbenchApp>) {
    harness.get_by_label("Verify").click();
    harness.run_steps(2);
    wait_for_worker(harness);
}

#[test]
fn the_list_shows_a_snapshot_s_kind_hash_and_verification_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = desk(dir.path());
    let sha = add_wacz(&mut harness);
    let workspace = dir.path().join("case.ron");
    assert!(snapshots::snapshot_path(&workspace, &sha).unwrap().exists());
    assert!(harness.query_by_label("WACZ archive").is_some());
    assert!(
        harness
            .query_by_label(&format!("SHA-256 {}", &sha[..12]))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("from https://news.example.org/2026/05/reservoir-levels")
            .is_some()
    );
    assert!(harness.query_by_label("not verified yet").is_some());
    assert!(harness.query_by_label("added by Ana Lima").is_some());
    assert!(harness.query_by_label("Custody log (1)").is_some());

    click_verify(&mut harness);
    assert!(harness.query_by_label_contains("verified: ok").is_some());
    assert!(
        harness
            .query_by_label_contains("Verified now: 1 ok, 0 changed")
            .is_some()
    );
    let custody = &harness.state().workspace().custody;
    assert!(custody.iter().any(|e| e.snapshot == sha
        && e.event == CustodyEvent::Verified(ByteCheck::Ok)
        && e.by == "Ana Lima"));
}

#[test]
fn verify_after_the_stored_copy_is_tampered_with_shows_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = desk(dir.path());
    let sha = add_wacz(&mut harness);
    let stored = snapshots::snapshot_path(&dir.path().join("case.ron"), &sha).unwrap();
    let mut bytes = std::fs::read(&stored).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    let mut permissions = std::fs::metadata(&stored).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&stored, permissions).unwrap();
    std::fs::write(&stored, &bytes).unwrap();

    click_verify(&mut harness);
    let now = snapshots::sha256_hex(&bytes);
    assert!(
        harness
            .query_by_label_contains(&format!(
                "verified: changed — its file now hashes to {}",
                &now[..12]
            ))
            .is_some()
    );
    assert!(harness.query_by_label_contains("0 ok, 1 changed").is_some());
    let custody = &harness.state().workspace().custody;
    assert!(
        custody.iter().any(|e| e.snapshot == sha
            && e.event == CustodyEvent::Verified(ByteCheck::Changed(now.clone())))
    );
}

#[test]
fn a_passage_selected_in_the_snapshot_s_text_is_cited_and_anchored_there() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = desk(dir.path());
    let sha = add_wacz(&mut harness);
    // The new snapshot's text is shown at once; nothing is selected yet.
    assert!(
        harness
            .query_by_label_contains("Text of snapshot")
            .is_some()
    );
    assert!(is_disabled(&harness, "Supports"));
    harness.get_by_label("Snapshot text").focus();
    harness.run_steps(1);
    let ctrl = Modifiers {
        ctrl: true,
        command: true,
        ..Modifiers::NONE
    };
    press(&mut harness, ctrl, Key::Home, 1);
    press(&mut harness, Modifiers::SHIFT, Key::ArrowRight, 10);
    assert!(
        harness
            .query_by_label("Select a claim first (in the list)")
            .is_none(),
        "the claim marked is selected"
    );
    assert!(
        harness
            .query_by_label("Select a passage of the snapshot's text first")
            .is_none(),
        "the passage is selected"
    );
    assert!(
        harness
            .query_by_label_contains("splits a character")
            .is_none(),
        "whole letters"
    );
    assert!(!is_disabled(&harness, "Supports"));
    harness.get_by_label("Supports").click();
    harness.run_steps(3);

    let ws = harness.state().workspace();
    let claim = &ws.claims[0];
    let evidence = claim.evidence.last().expect("cited");
    assert_eq!(evidence.source, ws.sources[0].id);
    assert_eq!(evidence.excerpt, "The Kessel");
    let anchored = evidence.anchor.as_deref().unwrap();
    assert_eq!(anchored.snapshot, sha);
    assert!(!anchored.unverified);
    let anchor = anchored.anchor.as_ref().unwrap();
    assert_eq!((anchor.start, anchor.end), (0, 10));
    assert_eq!(anchor.exact, "The Kessel");
    assert!(anchor.suffix.starts_with(" reservoir stood at 41 per cent"));
    // verify finds the excerpt where it was anchored.
    let findings = factbench::evidence::verify(ws, &dir.path().join("case.ron"));
    assert!(
        findings
            .iter()
            .any(|f| f.label() == "ok"
                && matches!(f.what, factbench::evidence::Found::Excerpt { .. }))
    );
    // Undo takes the citation back, as every command.
    press(&mut harness, Modifiers::COMMAND, Key::Z, 1);
    assert!(harness.state().workspace().claims[0].evidence.is_empty());
}
