//! What screen readers get (AccessKit): the article's paragraphs with
//! their text, each claim highlight named by number and verdict, and a name
//! on every text field of the window.

use crate::support::*;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use factbench::ui::RightTab;

const TEXT: &str = "Путин встретил Си. ПУТИН заявил, что путин…\nСи Цзиньпин (习近平) прибыл в Москву; 习近平 выступил.";

#[test]
fn screen_readers_get_the_paragraphs_and_named_highlights() {
    let mut ws = one_article("Access", TEXT);
    let article = ws.articles[0].id;
    let anchor = factbench::anchor::capture(TEXT, 0, 18).unwrap();
    let mut claim = factbench::model::Claim::new(article, anchor, "Outlet");
    claim.verdict = Some(ws.scale.verdicts[0].key.clone());
    let label = ws.scale.verdicts[0].label.clone();
    claim.statement = "Putin met Xi".into();
    ws.claims.push(claim);
    let harness = harness(app(ws, vec![]));
    let first_paragraph = TEXT.split('\n').next().unwrap();
    let paragraph = harness.get_by_role_and_label(egui::Role::Paragraph, first_paragraph);
    let name = format!("claim 1, {label}");
    let mark = harness.get_by_role_and_label(egui::Role::Mark, &name);
    assert!(
        paragraph.rect().contains_rect(mark.rect()),
        "the highlight is inside its paragraph"
    );
    assert_eq!(
        mark.accesskit_node().description(),
        Some("Putin met Xi".to_owned())
    );
    let second = TEXT.split('\n').nth(1).unwrap();
    assert!(
        harness
            .query_by_role_and_label(egui::Role::Paragraph, second)
            .is_some()
    );
}

#[test]
fn every_text_field_has_a_name() {
    let ws = factbench::sample::sample_workspace();
    let claim = ws.claims[0].id;
    let mut harness = harness(app(ws, vec![]));
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, claim);
    harness
        .state_mut()
        .perform(&ctx, factbench::ui::Action::FindInArticle);
    harness.run_steps(3);
    let mut checked = assert_fields_named(&harness);
    harness.state_mut().set_right_tab(RightTab::Sources);
    harness.run_steps(3);
    checked += assert_fields_named(&harness);
    assert!(
        checked >= 10,
        "the inspector, list, find bar and library have fields: {checked}"
    );
}

/// Asserts every text field in view has a name; returns how many there are.
fn assert_fields_named(
    harness: &egui_kittest::Harness<'static, factbench::ui::FactbenchApp>,
) -> usize {
    let mut count = 0;
    for role in [egui::Role::TextInput, egui::Role::MultilineTextInput] {
        for node in harness.query_all_by_role(role) {
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(
                !label.trim().is_empty(),
                "a {role:?} without a name: {node:?}"
            );
            count += 1;
        }
    }
    count
}

/// Issue 28 item 27: claim rows say where they are ("3 of 14").
#[test]
fn claim_rows_give_their_position_in_the_list() {
    use egui_kittest::kittest::NodeT as _;
    let ws = factbench::sample::sample_workspace();
    let total = ws.claims.len();
    let harness = harness(app(ws, vec![]));
    let rows: Vec<_> = harness
        .query_all_by_role(egui::accesskit::Role::ListBoxOption)
        .map(|n| {
            let node = n.accesskit_node();
            (node.position_in_set(), node.size_of_set())
        })
        .collect();
    assert!(!rows.is_empty());
    assert_eq!(rows[0], (Some(1), Some(total)));
    assert!(rows.iter().all(|(_, size)| *size == Some(total)));
}
