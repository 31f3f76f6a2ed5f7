//! The claim library on a worker thread, so that the window never waits for
//! it: the index is opened, refreshed and searched there, and earlier
//! checks are read from their workspace files there. The window sends
//! requests down one channel and polls answers from another; each search
//! carries a ticket, and only the answer to the newest search is handed
//! back (an answer to a search the typing has since overtaken is dropped).
//! Requests that pile up while the worker is busy are coalesced first:
//! the last refresh, the last search and the last consistency check.
//! The optional embedding model is read here too, so that a large one never
//! holds up the window.

use crate::library::{
    ClaimKey, EmbeddingModel, Library, Match, Query, Refresh, VerdictConflict, claim_text,
    verdict_conflicts,
};
use crate::model::{Claim, ClaimId, Evidence, Source, Verdict};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// How many matches a search asks the index for: the open workspace's own
/// claims and those the checker called "not the same" are dropped after.
const SEARCH_DEPTH: usize = 30;

/// Matches scoring less share a word or two with the claim and nothing
/// more (the lowest earlier check in another language that the labelled
/// set ranks first scores 0.08): they are not suggested.
const LEAST_SUGGESTED_SCORE: f64 = 0.05;

/// Called from the worker when an answer is ready (the window repaints).
pub type Waker = Box<dyn Fn() + Send>;

/// A search for earlier checks of one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Search {
    pub claim: ClaimId,
    /// What is matched ([`claim_text`]).
    pub text: String,
    pub folders: Vec<PathBuf>,
    /// The open workspace's file: none of its claims is suggested.
    pub own_workspace: Option<PathBuf>,
    /// The open workspace's scale, which published ratings are mapped onto.
    pub scale: Option<crate::model::VerdictScale>,
}

impl Search {
    /// A search for `claim` of the workspace at `own_workspace`.
    pub fn for_claim(claim: &Claim, folders: Vec<PathBuf>, own_workspace: Option<PathBuf>) -> Self {
        Search {
            claim: claim.id,
            text: claim_text(claim),
            folders,
            own_workspace,
            scale: None,
        }
    }
}

/// A consistency check of the open workspace's rated claims.
#[derive(Clone, Debug)]
pub struct ConsistencyCheck {
    pub folders: Vec<PathBuf>,
    pub own_workspace: Option<PathBuf>,
    pub claims: Vec<Claim>,
    /// Pairs the checker called "not the same": never a conflict.
    pub not_same: HashSet<(ClaimKey, ClaimKey)>,
}

/// Why an earlier check is read from its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenFor {
    /// To show it in its read-only window.
    Show,
    /// To cite it as evidence for this claim.
    Cite(ClaimId),
}

/// An earlier check as its workspace file holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierCheck {
    pub workspace: PathBuf,
    pub workspace_title: String,
    /// The workspace's published report, if any.
    pub report_url: String,
    pub claim: Claim,
    /// The claim's verdict on its own workspace's scale.
    pub verdict: Option<Verdict>,
    pub article_title: String,
    /// The text around the quote: before, quote, after (with "…" where
    /// the article goes on).
    pub context: (String, String, String),
    /// Each piece of evidence with its source, when the library has it.
    pub evidence: Vec<(Evidence, Option<Source>)>,
}

impl EarlierCheck {
    /// Reads claim `claim` of the workspace at `workspace`.
    pub fn read(workspace: &Path, claim: &str) -> Result<EarlierCheck, String> {
        let loaded = crate::store::load(workspace).map_err(|e| e.to_string())?;
        let ws = loaded.workspace;
        let found = ws
            .claims
            .iter()
            .find(|c| c.id.to_string() == claim)
            .ok_or_else(|| {
                format!(
                    "{}: has no claim {claim} any more (the library will drop it at its next refresh)",
                    workspace.display()
                )
            })?;
        let article = ws.article(found.article);
        Ok(EarlierCheck {
            workspace: workspace.to_owned(),
            workspace_title: ws.title.clone(),
            report_url: ws.report_url.clone(),
            verdict: found
                .verdict
                .as_deref()
                .and_then(|k| ws.scale.get(k))
                .cloned(),
            article_title: article.map_or_else(String::new, |a| a.title.clone()),
            context: quote_in_context(found, article.map(|a| a.text.as_str())),
            evidence: found
                .evidence
                .iter()
                .map(|e| (e.clone(), ws.source(e.source).cloned()))
                .collect(),
            claim: found.clone(),
        })
    }
}

/// Characters of article text shown on each side of a quote.
const CONTEXT_CHARS: usize = 200;

/// The quote with the text around it in its article, or with the anchor's
/// own prefix and suffix when the article no longer holds it.
fn quote_in_context(claim: &Claim, text: Option<&str>) -> (String, String, String) {
    let anchor = &claim.anchor;
    if let Some(text) = text
        && crate::anchor::check(anchor, text).is_ok()
    {
        let before_start = anchor.start.saturating_sub(CONTEXT_CHARS);
        let chars = text.chars().count();
        let after_end = (anchor.end + CONTEXT_CHARS).min(chars);
        let slice = |a, b| crate::anchor::slice_chars(text, a, b).unwrap_or_default();
        let cut = |cut: bool| if cut { "…" } else { "" };
        return (
            format!(
                "{}{}",
                cut(before_start > 0),
                slice(before_start, anchor.start)
            ),
            anchor.exact.clone(),
            format!("{}{}", slice(anchor.end, after_end), cut(after_end < chars)),
        );
    }
    (
        anchor.prefix.clone(),
        anchor.exact.clone(),
        anchor.suffix.clone(),
    )
}

/// The embedding model as Preferences shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum EmbeddingStatus {
    /// None set: matching goes without one.
    NotSet,
    /// Set, and not read yet (the library opens with the first folder).
    Loading(PathBuf),
    Loaded {
        folder: PathBuf,
        name: String,
        vocab: usize,
        dim: usize,
    },
    /// Set but unusable: matching goes without one.
    Failed { folder: PathBuf, error: String },
}

impl EmbeddingStatus {
    /// The folder it is about, if any.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            EmbeddingStatus::NotSet => None,
            EmbeddingStatus::Loading(folder)
            | EmbeddingStatus::Loaded { folder, .. }
            | EmbeddingStatus::Failed { folder, .. } => Some(folder),
        }
    }

    /// One line for Preferences.
    pub fn describe(&self) -> String {
        match self {
            EmbeddingStatus::NotSet => {
                "Not set: matching uses words and character n-grams only.".into()
            }
            EmbeddingStatus::Loading(folder) => format!(
                "Reading {}… (once the claim library is in use)",
                folder.display()
            ),
            EmbeddingStatus::Loaded {
                name, vocab, dim, ..
            } => format!("Loaded: {name} ({vocab} tokens × {dim} dimensions)"),
            EmbeddingStatus::Failed { error, .. } => {
                format!("Not used: {error}")
            }
        }
    }
}

enum Request {
    /// Read the embedding model in this folder (or use none).
    EmbeddingModel(Option<PathBuf>),
    Refresh(Vec<PathBuf>),
    Search(u64, Search),
    Consistency(u64, ConsistencyCheck),
    Open(OpenFor, PathBuf, String),
}

/// What the worker says.
#[derive(Debug)]
pub enum Answer {
    Refreshed(Result<Refresh, String>),
    /// The matches of a search (the newest one), best first.
    Found(Search, Result<Vec<Match>, String>),
    Conflicts(Result<Vec<VerdictConflict>, String>),
    Opened(OpenFor, Result<Box<EarlierCheck>, String>),
    /// The embedding model asked for, and how reading it went.
    EmbeddingModel(EmbeddingStatus),
}

/// An answer with the ticket of the request it answers.
#[derive(Debug)]
struct Envelope {
    ticket: Option<Ticket>,
    answer: Answer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ticket {
    Search(u64),
    Consistency(u64),
}

/// The window's end of the worker.
pub struct LibraryWorker {
    requests: Sender<Request>,
    answers: Receiver<Envelope>,
    last_search: u64,
    last_consistency: u64,
    /// Requests sent and not yet answered (to show "searching…").
    searching: bool,
}

impl LibraryWorker {
    /// Starts the worker on the index kept in `index_dir`; `wake` is
    /// called whenever an answer is ready.
    pub fn start(index_dir: PathBuf, wake: Waker) -> Result<Self, String> {
        let (requests, inbox) = channel();
        let (outbox, answers) = channel();
        std::thread::Builder::new()
            .name("factbench-library".to_owned())
            .spawn(move || serve(&index_dir, &inbox, &outbox, &wake))
            .map_err(|e| format!("could not start the claim library's thread: {e}"))?;
        Ok(LibraryWorker {
            requests,
            answers,
            last_search: 0,
            last_consistency: 0,
            searching: false,
        })
    }

    /// Re-ranks with the model in `folder` from now on (none: without).
    pub fn set_embedding_model(&self, folder: Option<PathBuf>) {
        let _ = self.requests.send(Request::EmbeddingModel(folder));
    }

    /// Re-reads the workspaces under `folders` that changed.
    pub fn refresh(&self, folders: Vec<PathBuf>) {
        let _ = self.requests.send(Request::Refresh(folders));
    }

    /// Looks for earlier checks; any older search's answer is dropped.
    pub fn search(&mut self, search: Search) {
        self.last_search += 1;
        self.searching = true;
        let _ = self
            .requests
            .send(Request::Search(self.last_search, search));
    }

    /// Checks the workspace's verdicts against the library.
    pub fn check_consistency(&mut self, check: ConsistencyCheck) {
        self.last_consistency += 1;
        let _ = self
            .requests
            .send(Request::Consistency(self.last_consistency, check));
    }

    /// Reads an earlier check from its file.
    pub fn open(&self, purpose: OpenFor, workspace: PathBuf, claim: String) {
        let _ = self.requests.send(Request::Open(purpose, workspace, claim));
    }

    /// How many searches were sent.
    pub fn searches_sent(&self) -> u64 {
        self.last_search
    }

    /// Whether the newest search is still unanswered.
    pub fn searching(&self) -> bool {
        self.searching
    }

    /// The answers that arrived, stale ones left out.
    pub fn poll(&mut self) -> Vec<Answer> {
        let mut current = Vec::new();
        loop {
            match self.answers.try_recv() {
                Ok(envelope) => current.extend(self.accept(envelope)),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.searching = false;
                    break;
                }
            }
        }
        current
    }

    /// The answer, unless a newer request of its kind was sent since.
    fn accept(&mut self, envelope: Envelope) -> Option<Answer> {
        match envelope.ticket {
            Some(Ticket::Search(t)) if t != self.last_search => None,
            Some(Ticket::Consistency(t)) if t != self.last_consistency => None,
            Some(Ticket::Search(_)) => {
                self.searching = false;
                Some(envelope.answer)
            }
            _ => Some(envelope.answer),
        }
    }
}

/// The worker's loop: waits for requests, takes every one waiting,
/// coalesces them and answers.
fn serve(index_dir: &Path, inbox: &Receiver<Request>, outbox: &Sender<Envelope>, wake: &Waker) {
    let mut library: Option<Library> = None;
    while let Ok(first) = inbox.recv() {
        let batch: Vec<Request> = std::iter::once(first).chain(inbox.try_iter()).collect();
        let mut scanned = false;
        for request in coalesce(batch) {
            // Each search first rescans the folders' file states (cheap:
            // only changed files are read), so a workspace a colleague added
            // is found without a restart; once per batch is enough.
            if let Request::Search(_, search) = &request
                && !scanned
            {
                let rescan = Request::Refresh(search.folders.clone());
                if outbox
                    .send(answer(index_dir, &mut library, rescan))
                    .is_err()
                {
                    return;
                }
            }
            scanned |= matches!(request, Request::Refresh(_) | Request::Search(..));
            let envelope = answer(index_dir, &mut library, request);
            if outbox.send(envelope).is_err() {
                return;
            }
            wake();
        }
    }
}

/// The requests worth answering, in the order to answer them: the last
/// embedding model, the last refresh (searches then see the fresh index),
/// every read of an earlier check, the last search, the last consistency
/// check.
fn coalesce(batch: Vec<Request>) -> Vec<Request> {
    let mut model = None;
    let mut refresh = None;
    let mut opens = Vec::new();
    let mut search = None;
    let mut consistency = None;
    for request in batch {
        match request {
            Request::EmbeddingModel(_) => model = Some(request),
            Request::Refresh(_) => refresh = Some(request),
            Request::Open(..) => opens.push(request),
            Request::Search(..) => search = Some(request),
            Request::Consistency(..) => consistency = Some(request),
        }
    }
    model
        .into_iter()
        .chain(refresh)
        .chain(opens)
        .chain(search)
        .chain(consistency)
        .collect()
}

fn answer(index_dir: &Path, library: &mut Option<Library>, request: Request) -> Envelope {
    match request {
        Request::EmbeddingModel(folder) => Envelope {
            ticket: None,
            answer: Answer::EmbeddingModel(use_model(index_dir, library, folder)),
        },
        Request::Open(purpose, workspace, claim) => Envelope {
            ticket: None,
            answer: Answer::Opened(
                purpose,
                EarlierCheck::read(&workspace, &claim).map(Box::new),
            ),
        },
        Request::Refresh(folders) => Envelope {
            ticket: None,
            answer: Answer::Refreshed(
                opened(index_dir, library)
                    .and_then(|l| l.refresh(&folders).map_err(|e| e.to_string())),
            ),
        },
        Request::Search(ticket, search) => {
            let result = opened(index_dir, library).and_then(|l| find(l, &search));
            Envelope {
                ticket: Some(Ticket::Search(ticket)),
                answer: Answer::Found(search, result),
            }
        }
        Request::Consistency(ticket, check) => Envelope {
            ticket: Some(Ticket::Consistency(ticket)),
            answer: Answer::Conflicts(
                opened(index_dir, library).and_then(|l| conflicts(l, &check)),
            ),
        },
    }
}

/// Reads the model in `folder` (if any) and searches with it from now on.
fn use_model(
    index_dir: &Path,
    library: &mut Option<Library>,
    folder: Option<PathBuf>,
) -> EmbeddingStatus {
    let library = match opened(index_dir, library) {
        Ok(library) => library,
        Err(error) => {
            return match folder {
                Some(folder) => EmbeddingStatus::Failed { folder, error },
                None => EmbeddingStatus::NotSet,
            };
        }
    };
    let Some(folder) = folder else {
        library.set_embedding_model(None);
        return EmbeddingStatus::NotSet;
    };
    match EmbeddingModel::load(&folder) {
        Ok(model) => {
            let status = EmbeddingStatus::Loaded {
                folder,
                name: model.name().to_owned(),
                vocab: model.vocab(),
                dim: model.dim(),
            };
            library.set_embedding_model(Some(Arc::new(model)));
            status
        }
        Err(e) => {
            library.set_embedding_model(None);
            EmbeddingStatus::Failed {
                folder,
                error: e.to_string(),
            }
        }
    }
}

/// The library, opened on first use.
fn opened<'l>(
    index_dir: &Path,
    library: &'l mut Option<Library>,
) -> Result<&'l mut Library, String> {
    if library.is_none() {
        *library = Some(Library::open(index_dir).map_err(|e| e.to_string())?);
    }
    library
        .as_mut()
        .ok_or_else(|| "the claim library is not open".to_owned())
}

/// The matches of `search`, the open workspace's own claims left out.
fn find(library: &Library, search: &Search) -> Result<Vec<Match>, String> {
    let own = search
        .own_workspace
        .as_deref()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned()));
    let query = Query {
        text: search.text.clone(),
        folders: library
            .folders(&search.folders)
            .map_err(|e| e.to_string())?,
        exclude: None,
        copies_of: Some(search.claim.to_string()),
        scale: None,
        top: SEARCH_DEPTH,
    };
    let matches = library.similar(&query).map_err(|e| e.to_string())?;
    Ok(matches
        .into_iter()
        .filter(|m| own.as_ref() != Some(&m.workspace) && m.score >= LEAST_SUGGESTED_SCORE)
        .collect())
}

fn conflicts(library: &Library, check: &ConsistencyCheck) -> Result<Vec<VerdictConflict>, String> {
    let own = check
        .own_workspace
        .as_deref()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned()));
    let keep = |claim: &Claim, other: &Match| {
        // The open workspace as it is now, not as last saved, is what counts.
        let elsewhere = own.as_ref() != Some(&other.workspace);
        let here = ClaimKey {
            // Untitled work's decisions are keyed by the claim alone.
            workspace: own.clone().unwrap_or_default(),
            claim: claim.id.to_string(),
        };
        let earlier = ClaimKey {
            workspace: other.workspace.clone(),
            claim: other.claim.clone(),
        };
        elsewhere && !check.not_same.contains(&(here, earlier))
    };
    verdict_conflicts(
        library,
        &check.folders,
        check.own_workspace.as_deref(),
        &check.claims,
        keep,
    )
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests;
