//! Where each claim falls in each paragraph (its highlight spans), the
//! underline lane each claim gets so overlapping and nested claims all stay
//! visible, and which claim a click or hover at a char means.

use super::layout::ArticleView;
use crate::model::{Article, Claim, ClaimId, Workspace};
use crate::text::Paragraph;
use crate::ui::widgets::verdict_colour;
use egui::Color32;
use std::collections::HashSet;

/// Underline lanes drawn; deeper nesting shares the last lane.
const MAX_LANES: usize = 4;

/// A claim's stretch within one paragraph.
#[derive(Clone, Debug)]
pub(super) struct Span {
    pub claim: ClaimId,
    /// Paragraph-relative chars.
    pub start: usize,
    pub end: usize,
    pub lane: usize,
    /// The verdict's colour; `None` while unrated.
    pub colour: Option<Color32>,
    /// Whether the claim has a problem (shown with an error outline).
    pub problem: bool,
    /// Whether the claim is published (a dot marks where it starts).
    pub published: bool,
    /// Whether the claim starts in this span (not only continues into it).
    pub starts_here: bool,
    /// Length of the whole claim in chars (shorter wins a click).
    len: usize,
    claim_start: usize,
}

/// Where each claim of the article falls in each paragraph.
pub(super) fn claim_spans(
    ws: &Workspace,
    article: &Article,
    paragraphs: &[Paragraph],
    problems: &HashSet<ClaimId>,
) -> Vec<Vec<Span>> {
    let len = paragraphs.last().map_or(0, |p| p.chars.end);
    let mut claims: Vec<&Claim> = ws
        .claims_in(article.id)
        .filter(|c| c.anchor.start < c.anchor.end && c.anchor.end <= len && !c.is_orphaned())
        .collect();
    claims.sort_by_key(|c| (c.anchor.start, std::cmp::Reverse(c.anchor.end)));
    let mut spans = vec![Vec::new(); paragraphs.len()];
    let mut lane_ends: Vec<usize> = Vec::new();
    for claim in claims {
        let (start, end) = (claim.anchor.start, claim.anchor.end);
        let lane = match lane_ends.iter().position(|e| *e <= start) {
            Some(lane) => {
                lane_ends[lane] = end;
                lane
            }
            None => {
                lane_ends.push(end);
                lane_ends.len() - 1
            }
        };
        let colour = claim
            .verdict
            .as_deref()
            .and_then(|key| ws.scale.get(key))
            .map(verdict_colour);
        let first = paragraphs.partition_point(|p| p.chars.end <= start);
        for (index, p) in paragraphs.iter().enumerate().skip(first) {
            if p.chars.start >= end {
                break;
            }
            let from = start.max(p.chars.start) - p.chars.start;
            let to = end.min(p.chars.end) - p.chars.start;
            if from < to {
                spans[index].push(Span {
                    claim: claim.id,
                    start: from,
                    end: to,
                    lane: lane.min(MAX_LANES - 1),
                    colour,
                    problem: problems.contains(&claim.id),
                    published: claim.is_published(),
                    starts_here: start >= p.chars.start,
                    len: end - start,
                    claim_start: start,
                });
            }
        }
    }
    spans
}

/// The claim a click at char `at` selects: the shortest claim there, or,
/// when the selected claim is there already, the next one (so repeated
/// clicks reach every nested or overlapping claim).
pub(super) fn claim_to_select(
    view: &ArticleView,
    at: usize,
    selected: Option<ClaimId>,
) -> Option<ClaimId> {
    let here = claims_at(view, at);
    let current = here.iter().position(|s| Some(s.claim) == selected);
    let next = current.map_or(0, |i| (i + 1) % here.len().max(1));
    here.get(next).map(|s| s.claim)
}

/// The claims covering char `at`, shortest first.
pub(super) fn claims_at(view: &ArticleView, at: usize) -> Vec<&Span> {
    let index = view.paragraph_holding_char(at);
    let Some(paragraph) = view.paragraphs.get(index) else {
        return Vec::new();
    };
    let local = at.saturating_sub(paragraph.chars.start);
    let mut here: Vec<&Span> = view.spans[index]
        .iter()
        .filter(|s| s.start <= local && local < s.end)
        .collect();
    here.sort_by_key(|s| (s.len, s.claim_start));
    here.dedup_by_key(|s| s.claim);
    here
}
