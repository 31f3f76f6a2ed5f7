//! Dragging either end of the selected claim's highlight: pressing within a
//! few points of its start or end grabs that end, the drag shows the new
//! span as the selection, and the release asks for the claim's span to
//! change (one undoable step, every other field kept; see
//! [`crate::edit::ClaimChange::SetSpan`]).

use super::layout::ArticleView;
use super::{Reader, ReaderContext, ReaderIntent, Selection};
use egui::{Pos2, Rect, Ui};

/// How near (points) to a highlight's edge a press grabs it.
const GRAB_DISTANCE: f32 = 5.0;

/// Which end of the quote is being dragged, and the end that stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct SpanDrag {
    claim: crate::model::ClaimId,
    fixed: usize,
    /// The start is dragged (else the end).
    start_end: bool,
    /// Where the dragged end was when grabbed.
    grabbed: usize,
    /// Where the dragged end is now.
    at: usize,
    /// The pointer has moved the end: a press that never moves it is a
    /// plain click on the highlight.
    moved: bool,
}

impl Reader {
    /// Starts a drag of the selected claim's start or end when `pos` is on
    /// it; true when it did (the press then selects nothing else).
    pub(super) fn grab_span_end(
        &mut self,
        view: &ArticleView,
        cx: &ReaderContext,
        response: &egui::Response,
        pos: Pos2,
    ) -> bool {
        if response.clicked() {
            return false;
        }
        let Some((claim, start, end)) = selected_span(view, cx) else {
            return false;
        };
        let published = cx
            .workspace
            .claim(claim)
            .is_some_and(crate::model::PublicField::needs_correction);
        if published {
            // A published quote stays where it was published.
            return false;
        }
        let near = |at: usize| view.caret_rect(at).is_some_and(|r| is_near(r, pos));
        let (fixed, start_end) = if near(start) {
            (end, true)
        } else if near(end) {
            (start, false)
        } else {
            return false;
        };
        self.span_drag = Some(SpanDrag {
            claim,
            fixed,
            start_end,
            grabbed: if start_end { start } else { end },
            at: if start_end { start } else { end },
            moved: false,
        });
        self.selection = None;
        true
    }

    /// Follows a grabbed end to `at` (the char under the pointer, when it
    /// is over the text) while the button is held — egui reports a drag
    /// only once the pointer has moved a few points, so the button, not
    /// `dragged()`, tells when it ends; on release, asks for the new span.
    /// Returns true while a span drag is under way (or just ended); false
    /// for a press released without moving (a click, handled as such).
    pub(super) fn follow_span_drag(
        &mut self,
        held: bool,
        at: Option<usize>,
        intents: &mut Vec<ReaderIntent>,
    ) -> bool {
        let Some(mut drag) = self.span_drag else {
            return false;
        };
        if let Some(at) = at {
            // The grabbed end never crosses the one that stays.
            drag.at = if drag.start_end {
                at.min(drag.fixed.saturating_sub(1))
            } else {
                at.max(drag.fixed + 1)
            };
        }
        let at = drag.at;
        drag.moved |= at != drag.grabbed;
        if !held {
            self.span_drag = None;
            self.selection = None;
            if drag.moved {
                let (start, end) = (drag.fixed.min(at), drag.fixed.max(at));
                intents.push(ReaderIntent::SetSpan {
                    claim: drag.claim,
                    start,
                    end,
                });
            }
            return drag.moved;
        }
        if drag.moved {
            self.selection = Some(Selection {
                anchor: drag.fixed,
                cursor: at,
            });
        }
        self.span_drag = Some(drag);
        true
    }

    /// A resize cursor over the selected claim's ends, so they look grabbable.
    pub(super) fn hint_span_ends(
        &self,
        ui: &Ui,
        view: &ArticleView,
        cx: &ReaderContext,
        pos: Pos2,
    ) {
        let Some((_, start, end)) = selected_span(view, cx) else {
            return;
        };
        let on_end = [start, end]
            .into_iter()
            .any(|at| view.caret_rect(at).is_some_and(|r| is_near(r, pos)));
        if on_end {
            ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
        }
    }
}

/// The selected claim's span, when it is a placed claim of this article.
fn selected_span(
    view: &ArticleView,
    cx: &ReaderContext,
) -> Option<(crate::model::ClaimId, usize, usize)> {
    let claim = cx.workspace.claim(cx.selected_claim?)?;
    (claim.article == view.article && !claim.is_orphaned()).then_some((
        claim.id,
        claim.anchor.start,
        claim.anchor.end,
    ))
}

fn is_near(caret: Rect, pos: Pos2) -> bool {
    (caret.center().x - pos.x).abs() <= GRAB_DISTANCE
        && pos.y >= caret.min.y
        && pos.y <= caret.max.y
}
