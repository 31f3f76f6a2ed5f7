//! The worker on the labelled library: searches are answered off the
//! calling thread, and an answer a newer search overtook is dropped.

use super::*;
use crate::model::{Anchor, ArticleId};
use std::time::{Duration, Instant};

/// The labelled fixture workspaces, copied into a folder of their own.
fn library_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    folder
}

fn claim(statement: &str) -> Claim {
    let anchor = Anchor {
        start: 0,
        end: statement.chars().count(),
        exact: statement.to_owned(),
        prefix: String::new(),
        suffix: String::new(),
    };
    Claim::new(ArticleId::new(), anchor, "")
}

/// Waits (a bounded while) for the next envelope, as the window's polls would.
fn next_envelope(worker: &LibraryWorker) -> Envelope {
    worker
        .answers
        .recv_timeout(Duration::from_secs(60))
        .expect("the worker answers")
}

/// The next envelope that is not the rescan each search starts with.
fn next_search_envelope(worker: &LibraryWorker) -> Envelope {
    loop {
        let envelope = next_envelope(worker);
        if !matches!(envelope.answer, Answer::Refreshed(_)) {
            return envelope;
        }
    }
}

fn started(index: &Path) -> LibraryWorker {
    LibraryWorker::start(index.to_owned(), Box::new(|| {})).unwrap()
}

#[test]
fn an_answer_overtaken_by_a_newer_search_is_dropped() {
    let folder = library_folder();
    let index = tempfile::tempdir().unwrap();
    let mut worker = started(index.path());
    worker.refresh(vec![folder.path().to_owned()]);
    assert!(matches!(
        next_envelope(&worker).answer,
        Answer::Refreshed(Ok(_))
    ));
    let gas = claim("Russia earned 245 billion dollars from oil and gas exports in 2022");
    let chips = claim("China supplied Russia with 90% of its imported microchips in 2023");
    worker.search(Search::for_claim(
        &gas,
        vec![folder.path().to_owned()],
        None,
    ));
    let first = next_search_envelope(&worker);
    // The user typed on: a newer search was sent before the first answer was polled.
    worker.search(Search::for_claim(
        &chips,
        vec![folder.path().to_owned()],
        None,
    ));
    assert!(worker.searching());
    assert!(
        worker.accept(first).is_none(),
        "the overtaken answer is dropped"
    );
    assert!(worker.searching(), "still waiting for the newest answer");
    let second = worker
        .accept(next_search_envelope(&worker))
        .expect("the newest answer is kept");
    let Answer::Found(search, Ok(matches)) = second else {
        panic!("a search answer");
    };
    assert_eq!(search.claim, chips.id);
    assert!(matches[0].statement.contains("microchips"), "{matches:?}");
    assert!(!worker.searching());
}

#[test]
fn searches_sent_in_a_burst_give_only_the_last_answer() {
    let folder = library_folder();
    let index = tempfile::tempdir().unwrap();
    let mut worker = started(index.path());
    worker.refresh(vec![folder.path().to_owned()]);
    let words = [
        "Russia",
        "Russia earned",
        "Russia earned $245bn",
        "Russia earned $245bn from oil and gas exports in 2022",
    ];
    let claims: Vec<Claim> = words.iter().map(|w| claim(w)).collect();
    for c in &claims {
        worker.search(Search::for_claim(c, vec![folder.path().to_owned()], None));
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut found = Vec::new();
    while worker.searching() && Instant::now() < deadline {
        for answer in worker.poll() {
            if let Answer::Found(search, result) = answer {
                found.push((search.claim, result.unwrap()));
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(found.len(), 1, "one answer: the newest");
    let (id, matches) = &found[0];
    assert_eq!(*id, claims[3].id);
    assert!(matches[0].same_claim, "{matches:?}");
}

#[test]
fn the_open_workspace_is_never_its_own_earlier_check() {
    let folder = library_folder();
    // Today's desk re-checks last year's claims, in the library folder itself.
    let last_year = folder.path().join("desk-en-2024.ron");
    let text = std::fs::read_to_string(&last_year).unwrap().replace(
        "01a22065-6084-7000-8c00-0000000000",
        "01a22065-6084-7000-8c00-0000000009",
    );
    let own = folder.path().join("today.ron");
    std::fs::write(&own, text).unwrap();
    let index = tempfile::tempdir().unwrap();
    let mut worker = started(index.path());
    worker.refresh(vec![folder.path().to_owned()]);
    let gas = claim("Russia earned $245bn from oil and gas exports in 2022.");
    worker.search(Search::for_claim(
        &gas,
        vec![folder.path().to_owned()],
        Some(own.clone()),
    ));
    let answer = loop {
        let envelope = next_envelope(&worker);
        if let Some(answer @ Answer::Found(..)) = worker.accept(envelope) {
            break answer;
        }
    };
    let Answer::Found(_, Ok(matches)) = answer else {
        panic!("matches");
    };
    let own = std::fs::canonicalize(own).unwrap();
    assert_eq!(
        matches[0].workspace,
        std::fs::canonicalize(last_year).unwrap()
    );
    assert!(matches.iter().all(|m| m.workspace != own), "{matches:?}");
}

#[test]
fn an_earlier_check_is_read_with_its_quote_in_context() {
    let folder = library_folder();
    let path = folder.path().join("desk-en-2024.ron");
    let ws = crate::store::load(&path).unwrap().workspace;
    let first = &ws.claims[0];
    let check = EarlierCheck::read(&path, &first.id.to_string()).unwrap();
    assert_eq!(check.claim.id, first.id);
    assert_eq!(check.context.1, first.anchor.exact);
    assert_eq!(check.report_url, ws.report_url);
    let missing = EarlierCheck::read(&path, "no-such-claim").unwrap_err();
    assert!(missing.contains("desk-en-2024.ron"), "{missing}");
}

#[test]
fn a_search_rescans_the_folders_first() {
    let folder = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    let mut worker = started(index.path());
    worker.refresh(vec![folder.path().to_owned()]);
    assert!(matches!(
        next_envelope(&worker).answer,
        Answer::Refreshed(Ok(_))
    ));
    // A colleague's workspace arrives (a `git pull`) while the window is open.
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    std::fs::copy(
        fixtures.join("desk-en-2024.ron"),
        folder.path().join("pulled.ron"),
    )
    .unwrap();
    let gas = claim("Russia earned 245 billion dollars from oil and gas exports in 2022");
    worker.search(Search::for_claim(
        &gas,
        vec![folder.path().to_owned()],
        None,
    ));
    let Answer::Refreshed(Ok(rescan)) = next_envelope(&worker).answer else {
        panic!("the rescan comes first");
    };
    assert_eq!(rescan.indexed.len(), 1);
    let Answer::Found(_, Ok(matches)) = next_search_envelope(&worker).answer else {
        panic!("matches");
    };
    assert!(matches[0].workspace.ends_with("pulled.ron"), "{matches:?}");
}

#[test]
fn a_model_asked_for_is_read_before_a_refresh_sent_with_it_and_a_broken_one_says_why() {
    let model = tempfile::tempdir().unwrap();
    crate::sample::write_synonym_embedding_model(model.path(), &[&["gas", "газ"], &["oil"]])
        .unwrap();
    let folder = library_folder();
    let index = tempfile::tempdir().unwrap();
    let worker = started(index.path());
    // Both waiting: the model is read first, so the refresh (and any search
    // after it) already uses it.
    let batch = vec![
        Request::Refresh(vec![folder.path().to_owned()]),
        Request::EmbeddingModel(Some(model.path().to_owned())),
    ];
    assert!(matches!(
        coalesce(batch).first(),
        Some(Request::EmbeddingModel(_))
    ));
    worker.set_embedding_model(Some(model.path().to_owned()));
    match next_envelope(&worker).answer {
        Answer::EmbeddingModel(EmbeddingStatus::Loaded { vocab, dim, .. }) => {
            assert_eq!((vocab, dim), (4, 2));
        }
        other => panic!("expected the model loaded, got {other:?}"),
    }
    worker.set_embedding_model(Some(folder.path().to_owned()));
    match next_envelope(&worker).answer {
        Answer::EmbeddingModel(EmbeddingStatus::Failed { folder: f, error }) => {
            assert_eq!(f, folder.path());
            assert!(
                error.contains("has no .safetensors weights file"),
                "{error}"
            );
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    worker.set_embedding_model(None);
    assert!(matches!(
        next_envelope(&worker).answer,
        Answer::EmbeddingModel(EmbeddingStatus::NotSet)
    ));
}
