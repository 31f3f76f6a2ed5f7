//! The claim library in the window: which folders it covers, when the
//! worker refreshes and searches (a new selection at once, typing after a
//! pause), what the inspector's *Checked before* shows, the checker's
//! decisions, citing an earlier check, the read-only earlier-check window
//! and the verdict conflicts the Problems window lists.

use super::*;
use crate::library::{ClaimKey, Decision, Decisions, Match, VerdictConflict, claim_text};
use crate::model::{Claim, Evidence, Source, SourceKind, Stance};
use crate::ui::dialogs::earlier_check::EarlierCheckWindow;
use crate::ui::dialogs::library_folders::{FoldersChange, library_folders_section};
use crate::ui::panels::claim_inspector::checked_before::{
    CheckedBefore, CheckedBeforeIntent, LibraryStatus, Suggestion,
};
use crate::ui::services::library_worker::{
    Answer, ConsistencyCheck, EarlierCheck, LibraryWorker, OpenFor, Search,
};
use std::collections::HashSet;

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

impl FactbenchApp {
    /// Uses the claim library kept in `index_dir` (the platform cache
    /// folder when the binary runs), with the checker's decisions in
    /// `decisions` (a file; `None` keeps them for this run only).
    pub fn set_claim_library(&mut self, index_dir: PathBuf, decisions: Option<PathBuf>) {
        let (library, error) = ClaimLibrary::new(Some(index_dir), decisions);
        self.services.library = library;
        if let Some(message) = error {
            self.error("The claim decisions could not be read", message);
        }
    }

    /// What the inspector's *Checked before* shows now.
    pub fn checked_before(&self) -> &CheckedBefore {
        &self.panels.inspector.checked_before
    }

    /// Whether the library's worker still owes an answer to the newest search.
    pub fn library_searching(&self) -> bool {
        self.services
            .library
            .worker
            .as_ref()
            .is_some_and(LibraryWorker::searching)
    }

    /// How many searches the window has sent to the library (typing sends
    /// one per pause, not one per key).
    pub fn library_searches_sent(&self) -> u64 {
        self.services
            .library
            .worker
            .as_ref()
            .map_or(0, LibraryWorker::searches_sent)
    }

    /// The earlier check open in its read-only window.
    pub fn earlier_check_shown(&self) -> Option<&EarlierCheck> {
        self.services
            .library
            .earlier
            .as_ref()
            .map(EarlierCheckWindow::check)
    }

    /// The verdict conflicts with the library, as the Problems window lists them.
    pub fn library_conflict_lines(&self) -> Vec<ProblemLine> {
        self.services
            .library
            .conflicts
            .iter()
            .map(|c| conflict_line(self.workspace(), c))
            .collect()
    }

    /// The folders the library covers: those set in the preferences, else
    /// the open workspace's.
    pub(super) fn library_folders(&self) -> Vec<PathBuf> {
        if !self.services.settings.library_folders.is_empty() {
            return self.services.settings.library_folders.clone();
        }
        self.workspace_folder().into_iter().collect()
    }

    fn workspace_folder(&self) -> Option<PathBuf> {
        let parent = self.doc.path()?.parent()?;
        Some(if parent.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            parent.to_owned()
        })
    }

    /// Once a frame: start the worker, refresh when the folders changed,
    /// take its answers, search for the selected claim, check verdicts
    /// while the Problems window is open, and fill in the inspector.
    pub(super) fn library_tick(&mut self, ctx: &egui::Context) {
        let folders = self.library_folders();
        self.note_own_path();
        if !folders.is_empty() && self.ensure_worker(ctx) {
            if self.services.library.refreshed.as_ref() != Some(&folders) {
                self.start_refresh(folders.clone());
            }
            self.take_answers(ctx);
            self.rescan_on_focus(ctx);
            self.search_selected(ctx, &folders);
            self.check_consistency(ctx, &folders);
        }
        self.panels.inspector.checked_before = self.checked_before_view(folders.is_empty());
    }

    /// The window came back into focus: search again, which rescans the
    /// folders first (a colleague's workspace pulled meanwhile shows up).
    fn rescan_on_focus(&mut self, ctx: &egui::Context) {
        let focused = ctx.input(|i| i.focused);
        let lib = &mut self.services.library;
        if focused && !lib.focused {
            lib.asked = None;
        }
        lib.focused = focused;
    }

    /// The workspace was saved: its file (and maybe its folder) is new to the index.
    pub(super) fn library_after_save(&mut self) {
        self.services.library.refreshed = None;
    }

    fn note_own_path(&mut self) {
        let path = self.doc.path();
        let lib = &mut self.services.library;
        if lib.own.as_ref().map(|(given, _)| given.as_path()) != path {
            lib.own = path.map(|p| {
                let canonical = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
                (p.to_owned(), canonical)
            });
            lib.asked = None;
        }
    }

    fn ensure_worker(&mut self, ctx: &egui::Context) -> bool {
        let lib = &mut self.services.library;
        if lib.worker.is_some() {
            return true;
        }
        let Some(index_dir) = lib.index_dir.clone() else {
            return false;
        };
        if lib.broken.is_some() {
            return false;
        }
        let repaint = ctx.clone();
        match LibraryWorker::start(index_dir, Box::new(move || repaint.request_repaint())) {
            Ok(worker) => lib.worker = Some(worker),
            Err(e) => lib.broken = Some(e),
        }
        lib.worker.is_some()
    }

    fn start_refresh(&mut self, folders: Vec<PathBuf>) {
        let lib = &mut self.services.library;
        if let Some(worker) = &lib.worker {
            worker.refresh(folders.clone());
        }
        lib.refreshed = Some(folders);
        // Search again (and check again) once the index is fresh.
        lib.asked = None;
        lib.conflicts_asked = None;
    }

    fn take_answers(&mut self, ctx: &egui::Context) {
        let answers = match &mut self.services.library.worker {
            Some(worker) => worker.poll(),
            None => return,
        };
        for answer in answers {
            match answer {
                Answer::Refreshed(Ok(refresh)) => {
                    self.services.library.scanned =
                        Some(jiff::Timestamp::now().strftime("%H:%M:%S UTC").to_string());
                    let skipped = refresh.skipped.iter().map(|s| format!("Skipped: {s}"));
                    self.services.library.skipped =
                        refresh.notes.into_iter().chain(skipped).collect();
                }
                Answer::Refreshed(Err(e)) => {
                    self.services.library.found = None;
                    self.services.library.skipped = vec![e];
                }
                Answer::Found(search, result) => {
                    self.services.library.found = Some((search.claim, result));
                }
                Answer::Conflicts(Ok(conflicts)) => self.services.library.conflicts = conflicts,
                Answer::Conflicts(Err(e)) => {
                    self.services.library.conflicts.clear();
                    self.services.library.skipped = vec![e];
                }
                Answer::Opened(purpose, result) => self.on_earlier_check(ctx, purpose, result),
            }
        }
    }

    /// Searches for the selected claim: at once for a new selection, after
    /// a pause in typing for a changed text.
    fn search_selected(&mut self, ctx: &egui::Context, folders: &[PathBuf]) {
        let Some(claim) = self
            .view
            .selected_claim
            .and_then(|id| self.doc.workspace().claim(id))
        else {
            return;
        };
        let text = claim_text(claim);
        let now = ctx.input(|i| i.time);
        let lib = &mut self.services.library;
        if lib
            .asked
            .as_ref()
            .is_some_and(|(id, t)| *id == claim.id && *t == text)
        {
            lib.typed = None;
            return;
        }
        let same_claim = lib.asked.as_ref().is_some_and(|(id, _)| *id == claim.id);
        if same_claim {
            match &lib.typed {
                Some((id, t, since)) if *id == claim.id && *t == text => {
                    let waited = now - since;
                    if waited < TYPING_PAUSE_SECS {
                        ctx.request_repaint_after_secs((TYPING_PAUSE_SECS - waited) as f32);
                        return;
                    }
                }
                _ => {
                    lib.typed = Some((claim.id, text, now));
                    ctx.request_repaint_after_secs(TYPING_PAUSE_SECS as f32);
                    return;
                }
            }
        }
        let own = lib.own.as_ref().map(|(given, _)| given.clone());
        let search = Search {
            scale: Some(self.doc.workspace().scale.clone()),
            ..Search::for_claim(claim, folders.to_vec(), own)
        };
        lib.asked = Some((claim.id, text));
        lib.typed = None;
        if let Some(worker) = &mut lib.worker {
            worker.search(search);
        }
    }

    /// While the Problems window is open, checks the verdicts against the
    /// library after each pause in editing.
    fn check_consistency(&mut self, ctx: &egui::Context, folders: &[PathBuf]) {
        if !self.modals.show_problems {
            return;
        }
        let revision = self.doc.revision();
        let now = ctx.input(|i| i.time);
        let lib = &self.services.library;
        if let Some((asked, at)) = lib.conflicts_asked {
            if asked == revision {
                return;
            }
            if now - at < CONSISTENCY_PAUSE_SECS {
                ctx.request_repaint_after_secs((CONSISTENCY_PAUSE_SECS - (now - at)) as f32);
                return;
            }
        }
        let check = ConsistencyCheck {
            folders: folders.to_vec(),
            own_workspace: lib.own.as_ref().map(|(given, _)| given.clone()),
            claims: self.doc.workspace().claims.clone(),
            not_same: self.not_same_pairs(),
        };
        let lib = &mut self.services.library;
        lib.conflicts_asked = Some((revision, now));
        if let Some(worker) = &mut lib.worker {
            worker.check_consistency(check);
        }
    }

    fn not_same_pairs(&self) -> HashSet<(ClaimKey, ClaimKey)> {
        self.doc
            .workspace()
            .claims
            .iter()
            .flat_map(|claim| {
                let here = self.here_key(claim.id);
                let pairs: Vec<_> = self
                    .services
                    .library
                    .decisions
                    .not_same_for(&here)
                    .collect();
                pairs
            })
            .collect()
    }

    /// What *Checked before* shows for the selected claim.
    fn checked_before_view(&self, no_folders: bool) -> CheckedBefore {
        let lib = &self.services.library;
        let Some(claim) = self.view.selected_claim else {
            return CheckedBefore::default();
        };
        let mut view = CheckedBefore {
            claim: Some(claim),
            show_rejected: lib.show_rejected,
            skipped: lib.skipped.clone(),
            scanned: lib.scanned.clone(),
            ..CheckedBefore::default()
        };
        if no_folders || lib.index_dir.is_none() {
            return view;
        }
        if let Some(broken) = &lib.broken {
            view.status = LibraryStatus::Failed(broken.clone());
            return view;
        }
        let pending = lib.asked.as_ref().is_none_or(|(id, _)| *id != claim)
            || lib.typed.is_some()
            || self.library_searching();
        view.status = match &lib.found {
            Some((id, Ok(matches))) if *id == claim => {
                let here = self.here_key(claim);
                for found in matches {
                    if found.another_copy {
                        view.copies.push(found.clone());
                        continue;
                    }
                    let decision = lib.decisions.get(&here, &earlier_key(found));
                    let suggestion = Suggestion {
                        found: found.clone(),
                        confirmed: decision == Some(Decision::Same),
                        verdict: self.verdict_for_badge(found),
                    };
                    match decision {
                        Some(Decision::NotSame) => {
                            view.hidden += 1;
                            view.rejected.push(suggestion);
                        }
                        _ => view.suggestions.push(suggestion),
                    }
                }
                LibraryStatus::Ready { stale: pending }
            }
            Some((id, Err(e))) if *id == claim => LibraryStatus::Failed(e.clone()),
            _ => LibraryStatus::Searching,
        };
        view
    }

    /// The verdict of the open workspace's scale with the match's key, for
    /// its colour (desks share scales; another key is shown grey).
    fn verdict_for_badge(&self, found: &Match) -> Option<crate::model::Verdict> {
        let key = found.verdict.as_deref()?;
        self.doc.workspace().scale.get(key).cloned()
    }

    /// The key decisions about `claim` of the open workspace are kept
    /// under: its file and id (untitled work: the id alone, until saved).
    fn here_key(&self, claim: ClaimId) -> ClaimKey {
        ClaimKey {
            workspace: self
                .services
                .library
                .own
                .as_ref()
                .map(|(_, canonical)| canonical.clone())
                .unwrap_or_default(),
            claim: claim.to_string(),
        }
    }

    pub(super) fn on_checked_before(&mut self, ctx: &egui::Context, intent: CheckedBeforeIntent) {
        let lib = &mut self.services.library;
        match intent {
            CheckedBeforeIntent::Open(found) if found.external.is_some() => {
                // A published review lives on the web, not in a workspace.
                let url = found.external.map(|e| e.url).unwrap_or_default();
                if crate::model::url_opens_in_browser(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
            CheckedBeforeIntent::Cite(claim, found) if found.external.is_some() => {
                self.cite_published_review(ctx, claim, &found);
            }
            CheckedBeforeIntent::Open(found) => {
                if let Some(worker) = &lib.worker {
                    worker.open(OpenFor::Show, found.workspace, found.claim);
                }
            }
            CheckedBeforeIntent::Cite(claim, found) => {
                if let Some(worker) = &lib.worker {
                    worker.open(OpenFor::Cite(claim), found.workspace, found.claim);
                }
            }
            CheckedBeforeIntent::ShowRejected(show) => lib.show_rejected = show,
            CheckedBeforeIntent::Decide(claim, found, decision) => {
                let here = self.here_key(claim);
                let lib = &mut self.services.library;
                let earlier = earlier_key(&found);
                lib.decisions.set(here, earlier, decision);
                lib.conflicts_asked = None;
                if let Some(path) = lib.decisions_path.clone()
                    && let Err(e) = lib.decisions.save(&path)
                {
                    self.error("Could not save the claim decision", e);
                }
            }
        }
    }

    /// Cites a published review: a source for the review, evidence for the claim.
    fn cite_published_review(&mut self, ctx: &egui::Context, claim: ClaimId, found: &Match) {
        if self.doc.workspace().claim(claim).is_none() {
            return;
        }
        let Some((source, evidence)) = review_citation(found) else {
            return;
        };
        self.run_command(
            ctx,
            Command::AddSourceAndCite {
                source: Box::new(source),
                claim,
                evidence: Box::new(evidence),
            },
        );
    }

    fn on_earlier_check(
        &mut self,
        ctx: &egui::Context,
        purpose: OpenFor,
        result: Result<Box<EarlierCheck>, String>,
    ) {
        let check = match result {
            Ok(check) => check,
            Err(e) => return self.error("Could not read the earlier check", e),
        };
        match purpose {
            OpenFor::Show => self.services.library.earlier = Some(EarlierCheckWindow::new(check)),
            OpenFor::Cite(claim) => {
                if self.doc.workspace().claim(claim).is_none() {
                    return;
                }
                let (source, evidence) = citation(&check);
                self.run_command(
                    ctx,
                    Command::AddSourceAndCite {
                        source: Box::new(source),
                        claim,
                        evidence: Box::new(evidence),
                    },
                );
            }
        }
    }

    /// The earlier-check window, when one is open.
    pub(super) fn library_windows(&mut self, ctx: &egui::Context) {
        if let Some(window) = &mut self.services.library.earlier
            && !window.show(ctx)
        {
            self.services.library.earlier = None;
        }
    }

    /// Preferences › Claim library folders.
    pub(super) fn library_preferences(&mut self, ui: &mut egui::Ui) {
        let default = self.workspace_folder();
        let folders = &mut self.services.settings.library_folders;
        match library_folders_section(ui, folders, default.as_deref()) {
            Some(FoldersChange::Changed) => self.save_settings(),
            Some(FoldersChange::Choose) => {
                let request = PathRequest::library_folder(self.dialog_folder());
                self.services.picker.request(request, ui.ctx());
            }
            None => {}
        }
    }

    /// A folder chosen in the folder dialog (or typed in its stead).
    pub(super) fn add_library_folder(&mut self, folder: PathBuf) {
        let folders = &mut self.services.settings.library_folders;
        match crate::ui::dialogs::library_folders::add_folder(folders, &folder) {
            Ok(()) => self.save_settings(),
            Err(e) => self.error("Could not add the library folder", e),
        }
    }
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
    let evidence = Evidence {
        source: source.id,
        stance: Stance::Context,
        excerpt,
        note: String::new(),
    };
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
    let evidence = Evidence {
        source: source.id,
        stance: Stance::Context,
        excerpt: format!("Rated “{}” by {}.", review.rating, review.publisher),
        note: String::new(),
    };
    Some((source, evidence))
}

/// A conflict as a line of the Problems window.
fn conflict_line(ws: &Workspace, conflict: &VerdictConflict) -> ProblemLine {
    let statement = ws
        .claim(conflict.claim)
        .map_or_else(String::new, |c: &Claim| {
            crate::text::one_line(&c.statement, 60)
        });
    let ours = ws
        .scale
        .get(&conflict.verdict)
        .map_or(conflict.verdict.as_str(), |v| v.label.as_str());
    let other = &conflict.other;
    let file = other.workspace.file_name().map_or_else(
        || other.workspace.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ProblemLine {
        claim: Some(conflict.claim),
        message: format!(
            "“{statement}” is {ours} here, but the same claim in {file} ({}) is {}",
            other.date, other.verdict_label
        ),
    }
}
