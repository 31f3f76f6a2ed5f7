//! The left panel: the workspace's articles, then the claims list with a
//! search box and filters (verdict, status, publication, tag, claimant,
//! article). Each row starts with the claim's number in the report. The
//! list is virtualized (only rows in view are drawn) and its filtered order
//! is cached until the workspace or the filter changes. F6 puts the
//! keyboard on a row; Enter (or Space) there opens its claim.

use crate::model::{ArticleId, ClaimId, Status, Workspace};
use crate::ui::widgets::{labelled_combo, name_widget};
use egui::{Color32, CornerRadius, Sense, Stroke, StrokeKind, Ui, vec2};
use std::collections::HashSet;

mod row;
use row::Row;

/// Height of one row of the claims list.
const ROW_HEIGHT: f32 = 40.0;
/// Width of the filters' combo boxes.
const FILTER_WIDTH: f32 = 150.0;

/// Which claims the list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub search: String,
    pub verdict: VerdictFilter,
    pub status: Option<Status>,
    pub tag: Option<String>,
    pub claimant: Option<String>,
    pub article: Option<ArticleId>,
    /// `Some(true)`: published claims only; `Some(false)`: drafts only.
    pub published: Option<bool>,
    /// Only claims whose text a newer version of their article lost.
    pub orphans_only: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum VerdictFilter {
    #[default]
    Any,
    Unrated,
    Key(String),
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Whether a claim passes; `needle` is the lower-cased search text.
    fn accepts(&self, ws: &Workspace, claim: &crate::model::Claim, needle: &str) -> bool {
        let verdict_ok = match &self.verdict {
            VerdictFilter::Any => true,
            VerdictFilter::Unrated => claim.verdict.is_none(),
            VerdictFilter::Key(key) => claim.verdict.as_deref() == Some(key),
        };
        verdict_ok
            && self.status.is_none_or(|s| claim.status == s)
            && self.tag.as_ref().is_none_or(|t| claim.tags.contains(t))
            && self.claimant.as_ref().is_none_or(|c| &claim.claimant == c)
            && self.article.is_none_or(|a| claim.article == a)
            && self.published.is_none_or(|p| claim.is_published() == p)
            && (!self.orphans_only || claim.is_orphaned())
            && (needle.is_empty() || matches_search(ws, claim, needle))
    }
}

fn matches_search(ws: &Workspace, claim: &crate::model::Claim, needle: &str) -> bool {
    let fields = [
        &claim.statement,
        &claim.anchor.exact,
        &claim.claimant,
        &claim.reported_by,
        &claim.rationale,
    ];
    fields.iter().any(|f| f.to_lowercase().contains(needle))
        || claim.tags.iter().any(|t| t.to_lowercase().contains(needle))
        || claim
            .verdict
            .as_deref()
            .and_then(|k| ws.scale.get(k))
            .is_some_and(|v| v.label.to_lowercase().contains(needle))
}

/// What the left panel asks the window to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListIntent {
    ShowArticle(ArticleId),
    SelectClaim(ClaimId),
    ImportArticle,
}

/// The left panel's state.
#[derive(Default)]
pub struct ClaimList {
    pub filter: Filter,
    rows: Vec<usize>,
    cached_for: Option<(u64, Filter)>,
    /// Tags and claimants in use, for the filters, as of a revision.
    choices: FilterChoices,
    /// Scroll the list to the selected claim on the next frame.
    scroll_to_selected: bool,
    focus_search: bool,
    /// Give the selected row (or the first in view) the keyboard next frame.
    focus_rows: bool,
}

/// Inputs the panel needs each frame.
pub struct ListContext<'a> {
    pub workspace: &'a Workspace,
    pub revision: u64,
    pub shown_article: Option<ArticleId>,
    pub selected_claim: Option<ClaimId>,
    pub problem_claims: &'a HashSet<ClaimId>,
    /// Each claim's number, as the reports show it.
    pub numbers: &'a std::collections::HashMap<ClaimId, usize>,
}

impl ClaimList {
    /// Puts the keyboard in the search box on the next frame.
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// Puts the keyboard on the selected row (or the first in view) on the
    /// next frame; Enter there opens the claim.
    pub fn focus_rows(&mut self) {
        self.focus_rows = true;
    }

    pub fn scroll_to_selected(&mut self) {
        self.scroll_to_selected = true;
    }

    /// The claims shown, in list order (article order, then position).
    pub fn visible_claims(&mut self, ws: &Workspace, revision: u64) -> Vec<ClaimId> {
        self.refresh(ws, revision);
        self.rows.iter().map(|&i| ws.claims[i].id).collect()
    }

    /// The claim `step` rows after (or before) `from` in the list.
    pub fn neighbour(
        &mut self,
        ws: &Workspace,
        revision: u64,
        from: Option<ClaimId>,
        step: isize,
    ) -> Option<ClaimId> {
        self.refresh(ws, revision);
        let n = self.rows.len();
        if n == 0 {
            return None;
        }
        let at = from.and_then(|id| self.rows.iter().position(|&i| ws.claims[i].id == id));
        let next = match at {
            Some(i) => i.checked_add_signed(step).filter(|j| *j < n)?,
            None if step >= 0 => 0,
            None => n - 1,
        };
        Some(ws.claims[self.rows[next]].id)
    }

    fn refresh(&mut self, ws: &Workspace, revision: u64) {
        if self
            .cached_for
            .as_ref()
            .is_some_and(|(r, f)| *r == revision && *f == self.filter)
        {
            return;
        }
        let needle = self.filter.search.trim().to_lowercase();
        let article_order: std::collections::HashMap<ArticleId, usize> = ws
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect();
        let mut rows: Vec<usize> = ws
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| self.filter.accepts(ws, c, &needle))
            .map(|(i, _)| i)
            .collect();
        rows.sort_by_cached_key(|&i| {
            let c = &ws.claims[i];
            (
                article_order.get(&c.article).copied().unwrap_or(usize::MAX),
                c.anchor.start,
                usize::MAX - c.anchor.end,
            )
        });
        self.rows = rows;
        self.cached_for = Some((revision, self.filter.clone()));
    }

    /// Draws the panel.
    pub fn show(&mut self, ui: &mut Ui, cx: &ListContext) -> Vec<ListIntent> {
        let mut intents = Vec::new();
        articles_section(ui, cx, &mut intents);
        ui.separator();
        self.filters(ui, cx);
        self.refresh(cx.workspace, cx.revision);
        ui.horizontal(|ui| {
            ui.strong(format!(
                "{} of {} claims",
                self.rows.len(),
                cx.workspace.claims.len()
            ));
            if self.filter.is_active() && ui.small_button("Clear filters").clicked() {
                self.filter = Filter::default();
            }
        });
        self.rows_ui(ui, cx, &mut intents);
        intents
    }

    fn filters(&mut self, ui: &mut Ui, cx: &ListContext) {
        self.search_box(ui);
        let ws = cx.workspace;
        let (filter, choices) = (&mut self.filter, &mut self.choices);
        egui::Grid::new("claim-filters")
            .num_columns(2)
            .spacing(vec2(6.0, 4.0))
            .show(ui, |ui| {
                verdict_filter(ui, ws, &mut filter.verdict);
                status_filter(ui, &mut filter.status);
                publication_filter(ui, &mut filter.published);
                choice_filter(ui, "Tag", "filter-tag", &mut filter.tag, || {
                    &choices.of(cx).tags
                });
                choice_filter(
                    ui,
                    "Claimant",
                    "filter-claimant",
                    &mut filter.claimant,
                    || &choices.of(cx).claimants,
                );
                article_filter(ui, ws, &mut filter.article);
            });
        // Offered once there are orphans (and while it is on).
        if self.filter.orphans_only || ws.orphans().next().is_some() {
            ui.checkbox(
                &mut self.filter.orphans_only,
                "Orphans only (text gone from a newer version)",
            );
        }
    }

    /// The search box, given the keyboard when asked for.
    fn search_box(&mut self, ui: &mut Ui) {
        let search = egui::TextEdit::singleline(&mut self.filter.search)
            .hint_text("Search claims (Ctrl+Shift+F)")
            .desired_width(f32::INFINITY);
        let response = ui.add(search);
        name_widget(ui, &response, "Search claims");
        if std::mem::take(&mut self.focus_search) {
            response.request_focus();
        }
    }

    fn rows_ui(&mut self, ui: &mut Ui, cx: &ListContext, intents: &mut Vec<ListIntent>) {
        let ws = cx.workspace;
        let mut area = egui::ScrollArea::vertical()
            .id_salt("claims-list")
            .auto_shrink([false, false])
            // With thousands of rows a bar that comes and goes animated forever.
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible);
        if std::mem::take(&mut self.scroll_to_selected)
            && let Some(row) = cx
                .selected_claim
                .and_then(|id| self.rows.iter().position(|&i| ws.claims[i].id == id))
        {
            let spacing = ui.spacing().item_spacing.y;
            let y = row as f32 * (ROW_HEIGHT + spacing);
            let visible = ui.available_height();
            area = area.vertical_scroll_offset((y - visible / 2.0).max(0.0));
        }
        let focus_rows = std::mem::take(&mut self.focus_rows);
        let shown = self.rows.len();
        area.show_rows(ui, ROW_HEIGHT, shown, |ui, range| {
            let mut first = None;
            let mut focused = false;
            let start = range.start;
            for (offset, &index) in self.rows[range].iter().enumerate() {
                let claim = &ws.claims[index];
                let response = claim_row(ui, cx, claim);
                // Screen readers say "3 of 14", also for rows off screen
                // (AccessKit counts positions from 0; AT-SPI's from 1).
                ui.ctx().accesskit_node_builder(response.id, |node| {
                    node.set_position_in_set(start + offset);
                    node.set_size_of_set(shown);
                });
                if focus_rows && cx.selected_claim == Some(claim.id) {
                    response.request_focus();
                    focused = true;
                }
                // A focused row is clicked by Enter or Space.
                if response.clicked() {
                    intents.push(ListIntent::SelectClaim(claim.id));
                }
                first.get_or_insert(response);
            }
            if focus_rows
                && !focused
                && let Some(first) = first
            {
                first.request_focus();
            }
        });
        if self.rows.is_empty() {
            ui.weak(if ws.claims.is_empty() {
                "No claims yet: select text in the article and press Ctrl+M."
            } else {
                "No claim matches the filters."
            });
        }
    }
}

/// One row: verdict chip, statement and claimant.
fn claim_row(ui: &mut Ui, cx: &ListContext, claim: &crate::model::Claim) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, ROW_HEIGHT), Sense::click());
    let row = Row::of(cx, claim);
    let label = row.accessible_label();
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ListBoxOption, true, row.selected, &label)
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    paint_row_background(ui, rect, &response, row.selected);
    let chip = egui::Rect::from_min_size(rect.min + vec2(4.0, 6.0), vec2(12.0, 12.0));
    paint_verdict_chip(ui, chip, row.verdict);
    let text_x = chip.max.x + 6.0;
    let text_width = (rect.max.x - text_x - 4.0).max(10.0);
    let visuals = ui.visuals();
    let strong = if row.selected {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let weak = visuals.weak_text_color();
    let first_line = row.first_line(cx);
    let from_right = crate::ui::bidi_text::starts_right_to_left(&first_line);
    let first = truncated_line(ui, first_line, 14.0, strong, text_width);
    // A right-to-left statement starts at the row's right edge.
    let first_x = if from_right {
        rect.max.x - 4.0 - first.size().x
    } else {
        text_x
    };
    ui.painter()
        .galley(egui::pos2(first_x, rect.min.y + 2.0), first, strong);
    let second = truncated_line(ui, row.second_line(), 12.0, weak, text_width);
    ui.painter()
        .galley(egui::pos2(text_x, rect.min.y + 22.0), second, weak);
    response
}

/// "12:03–12:19, Speaker" for a claim of a transcript, "p. 12–13" for one
/// of a PDF or Word document (not an orphan).
pub fn moment_label(ws: &Workspace, claim: &crate::model::Claim) -> Option<String> {
    if claim.is_orphaned() {
        return None;
    }
    let article = ws.article(claim.article)?;
    let (start, end) = (claim.anchor.start, claim.anchor.end);
    match article.moment(start, end) {
        Some(moment) => Some(crate::export::moment::label(&moment)),
        None => article.location(start, end).map(|l| l.label()),
    }
}

/// The selected row's fill, or the hovered row's.
fn paint_row_background(ui: &Ui, rect: egui::Rect, response: &egui::Response, selected: bool) {
    let visuals = ui.visuals();
    let fill = if selected {
        visuals.selection.bg_fill.gamma_multiply(0.6)
    } else if response.hovered() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        return;
    };
    ui.painter().rect_filled(rect, CornerRadius::same(3), fill);
}

/// A square in the verdict's colour, or an empty one while unrated.
fn paint_verdict_chip(ui: &Ui, chip: egui::Rect, verdict: Option<&crate::model::Verdict>) {
    let painter = ui.painter();
    match verdict {
        Some(v) => {
            let colour = crate::ui::widgets::verdict_colour(v);
            painter.rect_filled(chip, CornerRadius::same(3), colour);
        }
        None => {
            let stroke = Stroke::new(1.5, ui.visuals().text_color());
            painter.rect_stroke(chip, CornerRadius::same(3), stroke, StrokeKind::Inside);
        }
    }
}

/// `text` on one line, cut with "…" to fit `width`.
fn truncated_line(
    ui: &Ui,
    text: String,
    size: f32,
    colour: Color32,
    width: f32,
) -> std::sync::Arc<egui::Galley> {
    let font = egui::FontId::proportional(size);
    if crate::text::has_rtl(&text) {
        return crate::ui::widgets::display_ordered_line(ui, &text, font, colour, width);
    }
    let mut job = egui::text::LayoutJob::simple_singleline(text, font, colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    ui.painter().layout_job(job)
}

/// One row of the filter grid: `label`, then `combo` (made
/// `FILTER_WIDTH` wide) named "`label` filter".
fn filter_row(ui: &mut Ui, label: &str, combo: egui::ComboBox, options: impl FnOnce(&mut Ui)) {
    let name = format!("{label} filter");
    labelled_combo(ui, label, &name, combo.width(FILTER_WIDTH), options);
    ui.end_row();
}

fn verdict_filter(ui: &mut Ui, ws: &Workspace, verdict: &mut VerdictFilter) {
    let shown = match &*verdict {
        VerdictFilter::Any => "Any".to_owned(),
        VerdictFilter::Unrated => "Unrated".to_owned(),
        VerdictFilter::Key(k) => ws.scale.get(k).map_or(k.clone(), |v| v.label.clone()),
    };
    let combo = egui::ComboBox::from_id_salt("filter-verdict").selected_text(shown);
    filter_row(ui, "Verdict", combo, |ui| {
        ui.selectable_value(verdict, VerdictFilter::Any, "Any");
        ui.selectable_value(verdict, VerdictFilter::Unrated, "Unrated");
        for v in &ws.scale.verdicts {
            ui.selectable_value(verdict, VerdictFilter::Key(v.key.clone()), &v.label);
        }
    });
}

fn status_filter(ui: &mut Ui, status: &mut Option<Status>) {
    let combo = egui::ComboBox::from_id_salt("filter-status")
        .selected_text(status.map_or("Any", Status::label));
    filter_row(ui, "Status", combo, |ui| {
        ui.selectable_value(status, None, "Any");
        for s in Status::ALL {
            ui.selectable_value(status, Some(s), s.label());
        }
    });
}

fn publication_filter(ui: &mut Ui, published: &mut Option<bool>) {
    let shown = match *published {
        None => "Any",
        Some(true) => "Published",
        Some(false) => "Drafts",
    };
    let combo = egui::ComboBox::from_id_salt("filter-published").selected_text(shown);
    filter_row(ui, "Publication", combo, |ui| {
        ui.selectable_value(published, None, "Any");
        ui.selectable_value(published, Some(true), "Published");
        ui.selectable_value(published, Some(false), "Drafts");
    });
}

fn article_filter(ui: &mut Ui, ws: &Workspace, article: &mut Option<ArticleId>) {
    let shown = article
        .and_then(|id| ws.article(id))
        .map_or("All".to_owned(), |a| a.title.clone());
    let combo = egui::ComboBox::from_id_salt("filter-article")
        .selected_text(shown)
        .truncate();
    filter_row(ui, "Article", combo, |ui| {
        ui.selectable_value(article, None, "All");
        for a in &ws.articles {
            ui.selectable_value(article, Some(a.id), &a.title);
        }
    });
}

/// A filter choosing one of `options` or "Any"; the options are only
/// asked for while the box is open.
fn choice_filter<'o>(
    ui: &mut Ui,
    label: &str,
    id: &str,
    value: &mut Option<String>,
    options: impl FnOnce() -> &'o [String],
) {
    let combo = egui::ComboBox::from_id_salt(id)
        .selected_text(value.clone().unwrap_or_else(|| "Any".to_owned()))
        .truncate();
    filter_row(ui, label, combo, |ui| {
        ui.selectable_value(value, None, "Any");
        for option in options() {
            ui.selectable_value(value, Some(option.clone()), option);
        }
    });
}

/// The tags and claimants the filters offer, for one document revision;
/// gathered only when a filter's list is opened.
#[derive(Default)]
struct FilterChoices {
    revision: Option<u64>,
    tags: Vec<String>,
    claimants: Vec<String>,
}

impl FilterChoices {
    fn of(&mut self, cx: &ListContext) -> &Self {
        if self.revision != Some(cx.revision) {
            self.tags = cx.workspace.tags_in_use();
            self.claimants = claimants_in_use(cx.workspace);
            self.revision = Some(cx.revision);
        }
        self
    }
}

/// The claimants named in any claim, sorted, without repeats or blanks.
pub fn claimants_in_use(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = ws
        .claims
        .iter()
        .map(|c| c.claimant.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    names.sort_by_cached_key(|n| n.to_lowercase());
    names.dedup();
    names
}

/// The list of articles, with claim counts, and the import button.
fn articles_section(ui: &mut Ui, cx: &ListContext, intents: &mut Vec<ListIntent>) {
    let ws = cx.workspace;
    ui.horizontal(|ui| {
        ui.strong(format!("Articles ({})", ws.articles.len()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("Import…")
                .on_hover_text(
                    "Add an article from a .txt, .md or .html file, or a .vtt or .srt transcript",
                )
                .clicked()
            {
                intents.push(ListIntent::ImportArticle);
            }
        });
    });
    egui::ScrollArea::vertical()
        .id_salt("articles-list")
        .max_height(140.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if ws.articles.is_empty() {
                ui.weak("No articles: File › Import article…, or drop a .txt file here.");
            }
            for article in &ws.articles {
                let count = ws.claims_in(article.id).count();
                let selected = cx.shown_article == Some(article.id);
                // The title gives way (truncated) so the count always shows.
                let button = egui::Button::selectable(selected, article.title.as_str())
                    .right_text(format!("({count})"))
                    .truncate()
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                let response = ui.add(button);
                let name = format!("{} ({count} claims)", article.title);
                crate::ui::widgets::name_widget(ui, &response, &name);
                if response.clicked() {
                    intents.push(ListIntent::ShowArticle(article.id));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::generated_workspace;

    #[test]
    fn filters_combine_and_the_order_follows_the_text() {
        let ws = generated_workspace(2, 2_000, 40);
        let mut list = ClaimList::default();
        let all = list.visible_claims(&ws, 1);
        assert_eq!(all.len(), 40);
        let starts: Vec<(usize, usize)> = all
            .iter()
            .map(|id| {
                let c = ws.claim(*id).unwrap();
                let a = ws.articles.iter().position(|a| a.id == c.article).unwrap();
                (a, c.anchor.start)
            })
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        list.filter.verdict = VerdictFilter::Unrated;
        let unrated = list.visible_claims(&ws, 1);
        assert_eq!(
            unrated.len(),
            ws.claims.iter().filter(|c| c.verdict.is_none()).count()
        );
        assert!(!unrated.is_empty());
        list.filter.article = Some(ws.articles[1].id);
        let both = list.visible_claims(&ws, 1);
        assert!(both.len() < unrated.len());
        assert!(
            both.iter()
                .all(|id| ws.claim(*id).unwrap().article == ws.articles[1].id)
        );
    }

    #[test]
    fn neighbours_step_through_the_list_and_stop_at_the_ends() {
        let ws = generated_workspace(1, 2_000, 5);
        let mut list = ClaimList::default();
        let ids = list.visible_claims(&ws, 0);
        assert_eq!(list.neighbour(&ws, 0, None, 1), Some(ids[0]));
        assert_eq!(list.neighbour(&ws, 0, Some(ids[0]), 1), Some(ids[1]));
        assert_eq!(list.neighbour(&ws, 0, Some(ids[4]), 1), None);
        assert_eq!(list.neighbour(&ws, 0, Some(ids[0]), -1), None);
    }
}
