//! The claim library as the window keeps it ([`ClaimLibrary`]): its
//! worker, when it refreshes and searches (a new selection at once, typing
//! after a pause), the checker's same / not-same decisions, the earlier
//! check being read, and the verdict conflicts found. Each frame the app
//! hands it a [`LibraryView`] and gets back a [`Tick`]: intents (an
//! earlier check cited), errors, and what *Checked before* shows.

use super::Intent;
use crate::edit::{Command, Document};
use crate::library::{ClaimKey, Decision, Decisions, Match, VerdictConflict, claim_text};
use crate::model::{ClaimId, Evidence, Source, SourceKind, Stance, Workspace};
use crate::ui::dialogs::earlier_check::EarlierCheckWindow;
use crate::ui::panels::claim_inspector::checked_before::{
    CheckedBefore, CheckedBeforeIntent, LibraryStatus, Suggestion,
};
use crate::ui::services::library_worker::{
    Answer, ConsistencyCheck, EarlierCheck, EmbeddingStatus, LibraryWorker, OpenFor, Search,
};
use std::collections::HashSet;
use std::path::PathBuf;

/// How long typing pauses before the statement is searched for.
const TYPING_PAUSE_SECS: f64 = 0.3;
/// How long edits pause before the verdicts are checked again.
const CONSISTENCY_PAUSE_SECS: f64 = 1.0;

/// The window's side of the claim library.
#[derive(Default)]
pub(super) struct ClaimLibrary {
    /// Where the index is kept; `None`: no library (tests that do not ask for one).
    index_dir: Option<PathBuf>,
    worker: Option<LibraryWorker>,
    /// The worker could not be started: why.
    broken: Option<String>,
    decisions: Decisions,
    /// Where decisions are saved; `None`: kept for this run only.
    decisions_path: Option<PathBuf>,
    /// The folders the worker was last asked to refresh.
    refreshed: Option<Vec<PathBuf>>,
    /// The open workspace's file as given and made absolute without links.
    own: Option<(PathBuf, PathBuf)>,
    /// The search last sent: claim and text.
    asked: Option<(ClaimId, String)>,
    /// The claim's text changed at this time and is not searched yet.
    typed: Option<(ClaimId, String, f64)>,
    /// The newest answer.
    found: Option<(ClaimId, Result<Vec<Match>, String>)>,
    skipped: Vec<String>,
    /// When the last rescan of the folders finished ("14:02:31 UTC").
    scanned: Option<String>,
    /// Whether the window had the focus last frame (a rescan when it comes back).
    focused: bool,
    /// Verdict conflicts, for the document revision they were asked for.
    conflicts: Vec<VerdictConflict>,
    conflicts_asked: Option<(u64, f64)>,
    /// The earlier check being read.
    earlier: Option<EarlierCheckWindow>,
    /// Whether *Checked before* shows the matches called not the same.
    show_rejected: bool,
    /// The embedding model folder the worker was last asked to use.
    embedding_asked: Option<Option<PathBuf>>,
    /// What the worker said of it.
    embedding: Option<EmbeddingStatus>,
}

impl ClaimLibrary {
    /// A library kept in `index_dir`, decisions saved to `decisions_path`.
    pub(super) fn new(
        index_dir: Option<PathBuf>,
        decisions_path: Option<PathBuf>,
    ) -> (Self, Option<String>) {
        let (decisions, error) = match decisions_path.as_deref().map(Decisions::load) {
            Some(Ok(decisions)) => (decisions, None),
            Some(Err(e)) => (Decisions::default(), Some(e)),
            None => (Decisions::default(), None),
        };
        // A broken decisions file is not overwritten: decisions stay in memory.
        let decisions_path = if error.is_some() {
            None
        } else {
            decisions_path
        };
        let library = ClaimLibrary {
            index_dir,
            decisions,
            decisions_path,
            ..ClaimLibrary::default()
        };
        (library, error)
    }
}

/// What the library reads of the window each frame.
pub(super) struct LibraryView<'a> {
    pub(super) doc: &'a Document,
    pub(super) selected: Option<ClaimId>,
    /// The folders it covers: the preferences', else the workspace's.
    pub(super) folders: Vec<PathBuf>,
    /// Preferences › Embedding model.
    pub(super) embedding_model: Option<PathBuf>,
    /// The Problems window is open (verdicts are then checked against it).
    pub(super) problems_open: bool,
}

/// What a frame of the library hands back to the window.
#[derive(Default)]
pub(super) struct Tick {
    /// What the worker's answers ask of the workspace (an earlier check cited).
    pub(super) intents: Vec<Intent>,
    /// Errors to show: (title, message).
    pub(super) errors: Vec<(String, String)>,
    /// What the inspector's *Checked before* shows.
    pub(super) checked_before: CheckedBefore,
}

impl ClaimLibrary {
    /// Once a frame: start the worker, refresh when the folders changed,
    /// take its answers, search for the selected claim, check verdicts
    /// while the Problems window is open, and say what *Checked before* shows.
    pub(super) fn tick(&mut self, ctx: &egui::Context, view: &LibraryView<'_>) -> Tick {
        self.note_own_path(view.doc.path());
        let mut tick = Tick::default();
        if !view.folders.is_empty() && self.ensure_worker(ctx) {
            self.use_embedding_model(&view.embedding_model);
            if self.refreshed.as_ref() != Some(&view.folders) {
                self.start_refresh(view.folders.clone());
            }
            self.take_answers(view.doc.workspace(), &mut tick);
            self.rescan_on_focus(ctx);
            self.search_selected(ctx, view);
            self.check_consistency(ctx, view);
        }
        tick.checked_before = self.checked_before_view(view);
        tick
    }

    /// The window came back into focus: search again, which rescans the
    /// folders first (a colleague's workspace pulled meanwhile shows up).
    fn rescan_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        if focused && !self.focused {
            self.asked = None;
        }
        self.focused = focused;
    }

    /// Asks the worker for the model set in the preferences when it
    /// changed; searches and checks run again with it.
    fn use_embedding_model(&mut self, folder: &Option<PathBuf>) {
        if self.embedding_asked.as_ref() == Some(folder) {
            return;
        }
        if let Some(worker) = &self.worker {
            worker.set_embedding_model(folder.clone());
        }
        self.embedding_asked = Some(folder.clone());
        self.embedding = None;
        self.asked = None;
        self.conflicts_asked = None;
    }

    /// The model's state for `folder` (the preferences'): what the worker
    /// said once it has read it.
    pub(super) fn embedding_status(&self, folder: Option<&std::path::Path>) -> EmbeddingStatus {
        match (folder, &self.embedding) {
            (None, _) => EmbeddingStatus::NotSet,
            (Some(folder), Some(status)) if status.folder() == Some(folder) => status.clone(),
            (Some(folder), _) => EmbeddingStatus::Loading(folder.to_owned()),
        }
    }

    /// Another workspace is open: what was found for the one before (its
    /// verdict conflicts, the last search) no longer applies.
    pub(super) fn forget_workspace(&mut self) {
        self.conflicts.clear();
        self.conflicts_asked = None;
        self.found = None;
        self.asked = None;
        self.typed = None;
    }

    /// The workspace was saved: its file (and maybe its folder) is new to the index.
    pub(super) fn after_save(&mut self) {
        self.refreshed = None;
    }

    /// Whether the worker still owes an answer to the newest search.
    pub(super) fn searching(&self) -> bool {
        self.worker.as_ref().is_some_and(LibraryWorker::searching)
    }

    pub(super) fn searches_sent(&self) -> u64 {
        self.worker.as_ref().map_or(0, LibraryWorker::searches_sent)
    }

    pub(super) fn earlier_check(&self) -> Option<&EarlierCheck> {
        self.earlier.as_ref().map(EarlierCheckWindow::check)
    }

    pub(super) fn verdict_conflicts(&self) -> &[VerdictConflict] {
        &self.conflicts
    }

    /// The earlier-check window, when one is open.
    pub(super) fn show_earlier_check(&mut self, ctx: &egui::Context) {
        if let Some(window) = &mut self.earlier
            && !window.show(ctx)
        {
            self.earlier = None;
        }
    }

    /// What *Checked before* asked for: open or cite an earlier check, show
    /// the rejected ones, decide same or not. A published review opens in
    /// the browser and is cited at once (an intent comes back); an error
    /// comes back in words.
    pub(super) fn on_intent(
        &mut self,
        ctx: &egui::Context,
        ws: &Workspace,
        intent: CheckedBeforeIntent,
    ) -> Result<Option<Intent>, (String, String)> {
        match intent {
            CheckedBeforeIntent::Open(found) if found.external.is_some() => {
                let url = found.external.map(|e| e.url).unwrap_or_default();
                if crate::model::url_opens_in_browser(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            CheckedBeforeIntent::Cite(claim, found) if found.external.is_some() => {
                if ws.claim(claim).is_some() {
                    return Ok(review_citation(&found).map(|(source, evidence)| {
                        Intent::Command(Command::AddSourceAndCite {
                            source: Box::new(source),
                            claim,
                            evidence: Box::new(evidence),
                        })
                    }));
                }
            }
            CheckedBeforeIntent::Open(found) => {
                if let Some(worker) = &self.worker {
                    worker.open(OpenFor::Show, found.workspace, found.claim);
                }
            }
            CheckedBeforeIntent::Cite(claim, found) => {
                if let Some(worker) = &self.worker {
                    worker.open(OpenFor::Cite(claim), found.workspace, found.claim);
                }
            }
            CheckedBeforeIntent::ShowRejected(show) => self.show_rejected = show,
            CheckedBeforeIntent::Decide(claim, found, decision) => {
                let here = self.here_key(claim);
                self.decisions.set(here, earlier_key(&found), decision);
                self.conflicts_asked = None;
                if let Some(path) = self.decisions_path.clone()
                    && let Err(e) = self.decisions.save(&path)
                {
                    return Err(("Could not save the claim decision".into(), e));
                }
            }
        }
        Ok(None)
    }

    fn note_own_path(&mut self, path: Option<&std::path::Path>) {
        if self.own.as_ref().map(|(given, _)| given.as_path()) != path {
            self.own = path.map(|p| {
                let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
                (p.to_owned(), canonical)
            });
            self.asked = None;
        }
    }

    fn ensure_worker(&mut self, ctx: &egui::Context) -> bool {
        if self.worker.is_some() {
            return true;
        }
        let Some(index_dir) = self.index_dir.clone() else {
            return false;
        };
        if self.broken.is_some() {
            return false;
        }
        let repaint = ctx.clone();
        match LibraryWorker::start(index_dir, Box::new(move || repaint.request_repaint())) {
            Ok(worker) => self.worker = Some(worker),
            Err(e) => self.broken = Some(e),
        }
        self.worker.is_some()
    }

    fn start_refresh(&mut self, folders: Vec<PathBuf>) {
        if let Some(worker) = &self.worker {
            worker.refresh(folders.clone());
        }
        self.refreshed = Some(folders);
        // Search again (and check again) once the index is fresh.
        self.asked = None;
        self.conflicts_asked = None;
    }

    fn take_answers(&mut self, ws: &Workspace, tick: &mut Tick) {
        let answers = match &mut self.worker {
            Some(worker) => worker.poll(),
            None => return,
        };
        for answer in answers {
            match answer {
                Answer::Refreshed(Ok(refresh)) => {
                    self.scanned =
                        Some(jiff::Timestamp::now().strftime("%H:%M:%S UTC").to_string());
                    let skipped = refresh.skipped.iter().map(|s| format!("Skipped: {s}"));
                    self.skipped = refresh.notes.into_iter().chain(skipped).collect();
                }
                Answer::Refreshed(Err(e)) => {
                    self.found = None;
                    self.skipped = vec![e];
                }
                Answer::Found(search, result) => self.found = Some((search.claim, result)),
                Answer::EmbeddingModel(status) => {
                    // Only the answer about the folder last asked for counts.
                    let asked = self.embedding_asked.as_ref().and_then(|a| a.as_deref());
                    if status.folder() == asked {
                        self.asked = None;
                        self.embedding = Some(status);
                    }
                }
                Answer::Conflicts(Ok(conflicts)) => self.conflicts = conflicts,
                Answer::Conflicts(Err(e)) => {
                    self.conflicts.clear();
                    self.skipped = vec![e];
                }
                Answer::Opened(purpose, result) => match self.on_earlier_check(ws, purpose, result)
                {
                    Ok(intent) => tick.intents.extend(intent),
                    Err(error) => tick.errors.push(error),
                },
            }
        }
    }

    /// An earlier check read: shown in its window, or cited by its claim.
    fn on_earlier_check(
        &mut self,
        ws: &Workspace,
        purpose: OpenFor,
        result: Result<Box<EarlierCheck>, String>,
    ) -> Result<Option<Intent>, (String, String)> {
        let check = result.map_err(|e| ("Could not read the earlier check".to_owned(), e))?;
        match purpose {
            OpenFor::Show => {
                self.earlier = Some(EarlierCheckWindow::new(check));
                Ok(None)
            }
            OpenFor::Cite(claim) if ws.claim(claim).is_some() => {
                let (source, evidence) = citation(&check);
                Ok(Some(Intent::Command(Command::AddSourceAndCite {
                    source: Box::new(source),
                    claim,
                    evidence: Box::new(evidence),
                })))
            }
            OpenFor::Cite(_) => Ok(None),
        }
    }

    /// Searches for the selected claim: at once for a new selection, after
    /// a pause in typing for a changed text.
    fn search_selected(&mut self, ctx: &egui::Context, view: &LibraryView<'_>) {
        let ws = view.doc.workspace();
        let Some(claim) = view.selected.and_then(|id| ws.claim(id)) else {
            return;
        };
        let text = claim_text(claim);
        if self.waits_for_typing(ctx, claim.id, &text) {
            return;
        }
        let own = self.own.as_ref().map(|(given, _)| given.clone());
        let search = Search {
            scale: Some(ws.scale.clone()),
            ..Search::for_claim(claim, view.folders.clone(), own)
        };
        self.asked = Some((claim.id, text));
        self.typed = None;
        if let Some(worker) = &mut self.worker {
            worker.search(search);
        }
    }

    /// Whether the search for `claim`'s `text` is already sent, or waits for
    /// a pause in typing (a repaint is asked for when it is due).
    fn waits_for_typing(&mut self, ctx: &egui::Context, claim: ClaimId, text: &str) -> bool {
        let now = ctx.input(|i| i.time);
        let asked = self.asked.as_ref();
        if asked.is_some_and(|(id, t)| *id == claim && t == text) {
            self.typed = None;
            return true;
        }
        if asked.is_none_or(|(id, _)| *id != claim) {
            return false;
        }
        match &self.typed {
            Some((id, t, since)) if *id == claim && t == text => {
                let waited = now - since;
                if waited < TYPING_PAUSE_SECS {
                    ctx.request_repaint_after_secs((TYPING_PAUSE_SECS - waited) as f32);
                    return true;
                }
                false
            }
            _ => {
                self.typed = Some((claim, text.to_owned(), now));
                ctx.request_repaint_after_secs(TYPING_PAUSE_SECS as f32);
                true
            }
        }
    }

    /// While the Problems window is open, checks the verdicts against the
    /// library after each pause in editing.
    fn check_consistency(&mut self, ctx: &egui::Context, view: &LibraryView<'_>) {
        if !view.problems_open {
            return;
        }
        let revision = view.doc.revision();
        let now = ctx.input(|i| i.time);
        if let Some((asked, at)) = self.conflicts_asked {
            if asked == revision {
                return;
            }
            if now - at < CONSISTENCY_PAUSE_SECS {
                ctx.request_repaint_after_secs((CONSISTENCY_PAUSE_SECS - (now - at)) as f32);
                return;
            }
        }
        let ws = view.doc.workspace();
        let check = ConsistencyCheck {
            folders: view.folders.clone(),
            own_workspace: self.own.as_ref().map(|(given, _)| given.clone()),
            claims: ws.claims.clone(),
            not_same: self.not_same_pairs(ws),
        };
        self.conflicts_asked = Some((revision, now));
        if let Some(worker) = &mut self.worker {
            worker.check_consistency(check);
        }
    }

    fn not_same_pairs(&self, ws: &Workspace) -> HashSet<(ClaimKey, ClaimKey)> {
        ws.claims
            .iter()
            .flat_map(|claim| {
                let here = self.here_key(claim.id);
                let pairs: Vec<_> = self.decisions.not_same_for(&here).collect();
                pairs
            })
            .collect()
    }

    /// What *Checked before* shows for the selected claim.
    fn checked_before_view(&self, view: &LibraryView<'_>) -> CheckedBefore {
        let Some(claim) = view.selected else {
            return CheckedBefore::default();
        };
        let mut shown = CheckedBefore {
            claim: Some(claim),
            show_rejected: self.show_rejected,
            skipped: self.skipped.clone(),
            scanned: self.scanned.clone(),
            ..CheckedBefore::default()
        };
        if view.folders.is_empty() || self.index_dir.is_none() {
            return shown;
        }
        if let Some(broken) = &self.broken {
            shown.status = LibraryStatus::Failed(broken.clone());
            return shown;
        }
        let pending = self.asked.as_ref().is_none_or(|(id, _)| *id != claim)
            || self.typed.is_some()
            || self.searching();
        shown.status = match &self.found {
            Some((id, Ok(matches))) if *id == claim => {
                self.sort_suggestions(view.doc.workspace(), claim, matches, &mut shown);
                LibraryStatus::Ready { stale: pending }
            }
            Some((id, Err(e))) if *id == claim => LibraryStatus::Failed(e.clone()),
            _ => LibraryStatus::Searching,
        };
        shown
    }

    /// The matches as suggestions, those called not the same apart.
    fn sort_suggestions(
        &self,
        ws: &Workspace,
        claim: ClaimId,
        matches: &[Match],
        shown: &mut CheckedBefore,
    ) {
        let here = self.here_key(claim);
        for found in matches {
            if found.another_copy {
                shown.copies.push(found.clone());
                continue;
            }
            let decision = self.decisions.get(&here, &earlier_key(found));
            let suggestion = Suggestion {
                found: found.clone(),
                confirmed: decision == Some(Decision::Same),
                verdict: verdict_for_badge(ws, found),
            };
            match decision {
                Some(Decision::NotSame) => {
                    shown.hidden += 1;
                    shown.rejected.push(suggestion);
                }
                _ => shown.suggestions.push(suggestion),
            }
        }
    }

    /// The key decisions about `claim` of the open workspace are kept
    /// under: its file and id (untitled work: the id alone, until saved).
    fn here_key(&self, claim: ClaimId) -> ClaimKey {
        ClaimKey {
            workspace: self
                .own
                .as_ref()
                .map(|(_, canonical)| canonical.clone())
                .unwrap_or_default(),
            claim: claim.to_string(),
        }
    }
}

/// The verdict of the open workspace's scale with the match's key, for
/// its colour (desks share scales; another key is shown grey).
fn verdict_for_badge(ws: &Workspace, found: &Match) -> Option<crate::model::Verdict> {
    let key = found.verdict.as_deref()?;
    ws.scale.get(key).cloned()
}

/// The key of a match (whose workspace path the index made canonical).
fn earlier_key(found: &Match) -> ClaimKey {
    ClaimKey {
        workspace: found.workspace.clone(),
        claim: found.claim.clone(),
    }
}

/// The source and evidence that cite an earlier check: its report's URL
/// with the claim's fragment when the workspace has a published report;
/// the workspace file is named in the source's notes either way (a file
/// path is no web address a report's reader could follow).
fn citation(check: &EarlierCheck) -> (Source, Evidence) {
    let claim = &check.claim;
    let url = match check.report_url.trim() {
        "" => String::new(),
        report => {
            let page = report.split('#').next().unwrap_or(report);
            format!("{page}#claim-{}", claim.id)
        }
    };
    let mut source = Source::new(
        format!(
            "Earlier check: {}",
            crate::text::one_line(&claim.statement, 100)
        ),
        url,
        SourceKind::Other,
    );
    source.publisher = check.workspace_title.clone();
    source.published = Some(
        claim
            .updated
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .date(),
    );
    source.notes = format!(
        "Checked in the workspace {}, claim {}.",
        check.workspace.display(),
        claim.id
    );
    let verdict = check
        .verdict
        .as_ref()
        .map_or("unrated".to_owned(), |v| v.label.clone());
    let excerpt = match claim.rationale.trim() {
        "" => format!("Verdict: {verdict}."),
        rationale => format!("Verdict: {verdict}. {rationale}"),
    };
    let evidence = Evidence::new(source.id, Stance::Context, excerpt);
    (source, evidence)
}

/// The source and evidence that cite a published review: its page, its
/// publisher and date, the rating in the publisher's words.
fn review_citation(found: &Match) -> Option<(Source, Evidence)> {
    let review = found.external.as_ref()?;
    let mut source = Source::new(
        format!(
            "Fact-check: {}",
            crate::text::one_line(&found.statement, 100)
        ),
        review.url.clone(),
        SourceKind::NewsReport,
    );
    source.publisher = review.publisher.clone();
    source.published = found.date.parse::<jiff::civil::Date>().ok();
    source.notes = format!(
        "A published review (ClaimReview) found in {}.",
        found.workspace.display()
    );
    let evidence = Evidence::new(
        source.id,
        Stance::Context,
        format!("Rated “{}” by {}.", review.rating, review.publisher),
    );
    Some((source, evidence))
}
