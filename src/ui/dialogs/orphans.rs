//! Article › Orphans…: every orphaned claim of the shown article with its
//! old quote and the passages of the current text nearest to it, each with
//! its score (from [`crate::reanchor::PassageFinder`]). Clicking a passage
//! selects the claim and that passage in the reader, so Edit › *Re-attach
//! claim to selection* can put the claim there (or the selection can be
//! adjusted first). Nothing is attached by itself. An orphan whose
//! sentence the outlet deleted can be kept as *removed by the outlet*: a
//! state (shown apart, and no longer a problem), which *Look for it again*
//! takes back.

use crate::model::{ArticleId, ClaimId, Workspace};
use crate::reanchor::PassageFinder;
use crate::text::one_line;

/// Passages shown per orphan.
const PASSAGES: usize = 3;
/// Longest quote or passage shown, in chars.
const SHOWN_CHARS: usize = 90;

/// One orphan and its nearest passages.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    claim: ClaimId,
    /// "3 · False · published": which claim, as the list numbers it.
    about: String,
    /// Published: readers have the check of a sentence the outlet removed.
    published: bool,
    /// Confirmed removed by the outlet.
    removed: bool,
    quote: String,
    /// `(start, end, shown text, score)`.
    passages: Vec<(usize, usize, String, f64)>,
}

/// What the rows were found for: the article, its text, its orphans.
type RowsKey = (ArticleId, u64, Vec<(ClaimId, bool)>);

/// The window's state: the rows, found again when the article's text or
/// its orphans change (not at every keystroke in a claim's fields).
#[derive(Default)]
pub struct OrphansView {
    cached: Option<(RowsKey, Vec<Row>)>,
}

/// A passage clicked: select `claim` and chars `start..end` of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PickedPassage {
    pub claim: ClaimId,
    pub start: usize,
    pub end: usize,
}

/// What the window asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrphansAnswer {
    /// Select the passage (and the claim) in the reader.
    Picked(PickedPassage),
    /// Keep the orphan as removed by the outlet (`true`), or look for its
    /// sentence again (`false`).
    RemovedByOutlet(ClaimId, bool),
}

impl OrphansView {
    /// Draws the window for `article`; `text_revision` tells when its text
    /// may have changed.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        open: &mut bool,
        ws: &Workspace,
        article: ArticleId,
        text_revision: u64,
    ) -> Option<OrphansAnswer> {
        if !*open {
            return None;
        }
        let rows = self.rows(ws, article, text_revision);
        let mut picked = None;
        egui::Window::new("Orphans")
            .open(open)
            .default_width(620.0)
            .vscroll(true)
            .show(ctx, |ui| {
                if rows.is_empty() {
                    ui.label("No orphaned claims on this article.");
                    return;
                }
                ui.label(
                    "Claims whose text is gone from this version. Click a passage to select it \
                     in the article, then Edit › Re-attach claim to selection.",
                );
                for row in rows.iter().filter(|r| !r.removed) {
                    ui.separator();
                    picked = picked.or(row_ui(ui, row));
                }
                let removed: Vec<&Row> = rows.iter().filter(|r| r.removed).collect();
                if !removed.is_empty() {
                    ui.separator();
                    ui.strong("Removed by the outlet");
                    ui.weak("Kept as checked; reports say the article no longer holds them.");
                    for row in removed {
                        picked = picked.or(removed_row_ui(ui, row));
                    }
                }
            });
        picked
    }

    fn rows(&mut self, ws: &Workspace, article: ArticleId, text_revision: u64) -> &[Row] {
        let orphans = ws
            .claims_in(article)
            .filter(|c| c.is_orphaned())
            .map(|c| (c.id, c.removed_by_outlet))
            .collect();
        let key = (article, text_revision, orphans);
        if self.cached.as_ref().is_none_or(|(k, _)| *k != key) {
            self.cached = Some((key, find_rows(ws, article)));
        }
        self.cached
            .as_ref()
            .map_or(&[], |(_, rows)| rows.as_slice())
    }
}

fn find_rows(ws: &Workspace, article: ArticleId) -> Vec<Row> {
    let Some(found) = ws.article(article) else {
        return Vec::new();
    };
    let finder = PassageFinder::new(&found.text);
    let index = crate::anchor::CharIndex::new(&found.text);
    let numbers = ws.claim_numbers();
    ws.claims_in(article)
        .filter(|c| c.is_orphaned())
        .map(|claim| Row {
            claim: claim.id,
            about: super::claim_about::claim_about(ws, &numbers, claim),
            published: crate::model::PublicField::needs_correction(claim),
            removed: claim.is_removed_by_outlet(),
            quote: one_line(&claim.anchor.exact, SHOWN_CHARS),
            passages: finder
                .nearest(&claim.anchor, PASSAGES)
                .into_iter()
                .map(|p| {
                    let text = index.slice(p.start, p.end).unwrap_or_default();
                    (p.start, p.end, one_line(text, SHOWN_CHARS), p.score)
                })
                .collect(),
        })
        .collect()
}

fn row_ui(ui: &mut egui::Ui, row: &Row) -> Option<OrphansAnswer> {
    let mut picked = None;
    if row.published {
        ui.label(
            egui::RichText::new(format!("Claim {} · ⚠ its sentence is gone", row.about))
                .color(ui.visuals().warn_fg_color)
                .strong(),
        )
        .on_hover_text(
            "A published claim whose quoted sentence is no longer in the article: \
             re-attach it, or correct the published check.",
        );
    } else {
        ui.label(format!("Claim {}", row.about));
    }
    let quote = format!("“{}”", crate::ui::bidi_text::isolate(&row.quote));
    crate::ui::bidi_text::line_label(ui, &quote, |t| t.strong());
    if row.passages.is_empty() {
        ui.weak("No passage of the current text shares a word with it.");
    }
    for (start, end, text, score) in &row.passages {
        ui.horizontal(|ui| {
            ui.weak(format!("{score:.2}"));
            let passage = format!("“{}”", crate::ui::bidi_text::isolate(text));
            let button = ui.button(crate::ui::bidi_text::one_line(&passage));
            crate::ui::bidi_text::name_as_written(
                ui,
                &button,
                &crate::ui::bidi_text::logical(&passage),
            );
            let button = button.on_hover_text("Select this passage in the article (and the claim)");
            if button.clicked() {
                picked = Some(OrphansAnswer::Picked(PickedPassage {
                    claim: row.claim,
                    start: *start,
                    end: *end,
                }));
            }
        });
    }
    let keep = ui.button("Removed by the outlet").on_hover_text(
        "The outlet deleted this sentence: keep the claim as checked, no longer a problem",
    );
    if keep.clicked() {
        picked = Some(OrphansAnswer::RemovedByOutlet(row.claim, true));
    }
    picked
}

/// An orphan kept as removed by the outlet: which claim, its quote, and
/// the way back.
fn removed_row_ui(ui: &mut egui::Ui, row: &Row) -> Option<OrphansAnswer> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Claim {} · “{}”", row.about, row.quote));
        if ui
            .small_button("Look for it again")
            .on_hover_text("An orphan to re-attach again, listed above")
            .clicked()
        {
            picked = Some(OrphansAnswer::RemovedByOutlet(row.claim, false));
        }
    });
    picked
}
