//! A library one can trust: the index holds exactly the workspaces under
//! the folders it was last given, the same query in the same folders gets
//! the same answer (same scores, same order) whatever was indexed before,
//! and a copy of a claim (its id in another file) is "another copy of this
//! claim", never an earlier check nor a verdict conflict.

use factbench::library::{Library, Match, Query, claim_text, verdict_conflicts};
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

fn folder_with(names: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    for name in names {
        fs::copy(fixtures().join(name), folder.path().join(name)).unwrap();
    }
    folder
}

fn wordings() -> Vec<String> {
    fs::read_to_string(fixtures().join("queries.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').nth(3).unwrap().to_owned())
        .collect()
}

fn answers(library: &Library, folders: &[PathBuf]) -> Vec<Vec<(PathBuf, String, u64, bool)>> {
    let folders = library.folders(folders).unwrap();
    wordings()
        .iter()
        .map(|text| {
            let query = Query {
                text: text.clone(),
                folders: folders.clone(),
                top: 5,
                ..Query::default()
            };
            library
                .similar(&query)
                .unwrap()
                .into_iter()
                .map(|m: Match| (m.workspace, m.claim, m.score.to_bits(), m.same_claim))
                .collect()
        })
        .collect()
}

#[test]
fn answers_do_not_depend_on_what_was_indexed_before() {
    let desk = folder_with(&["desk-en-2024.ron", "desk-ru.ron"]);
    let other = folder_with(&["desk-en-2025.ron", "desk-uk.ron", "desk-zh.ron"]);
    let desk_only = vec![desk.path().to_owned()];
    let both = vec![desk.path().to_owned(), other.path().to_owned()];

    let fresh_cache = tempfile::tempdir().unwrap();
    let mut fresh = Library::open(fresh_cache.path()).unwrap();
    fresh.refresh(&desk_only).unwrap();
    let expected = answers(&fresh, &desk_only);
    assert!(expected.iter().any(|a| !a.is_empty()));

    // Another history: the unrelated folder first, then both, then the desk alone.
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    library.refresh(&[other.path().to_owned()]).unwrap();
    library.refresh(&both).unwrap();
    assert_eq!(
        answers(&library, &desk_only),
        expected,
        "searching one folder of two"
    );
    // Counts kept between queries are those of the folders asked for.
    assert_ne!(answers(&library, &both), expected);
    assert_eq!(
        answers(&library, &desk_only),
        expected,
        "again, after searching both folders"
    );
    let pruned = library.refresh(&desk_only).unwrap();
    assert_eq!(pruned.removed.len(), 3, "{pruned:?}");
    assert_eq!(library.claim_count(), fresh.claim_count());
    assert_eq!(answers(&library, &desk_only), expected, "after pruning");
    // And in a new process, from the manifest on disk.
    drop(library);
    let mut reopened = Library::open(cache.path()).unwrap();
    let again = reopened.refresh(&desk_only).unwrap();
    assert!(
        again.indexed.is_empty() && again.removed.is_empty(),
        "{again:?}"
    );
    assert_eq!(answers(&reopened, &desk_only), expected, "reopened");
}

#[test]
fn a_deleted_folder_leaves_nothing_behind() {
    let desk = folder_with(&["desk-en-2024.ron"]);
    let gone = folder_with(&["desk-zh.ron"]);
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    let one = library.refresh(&[desk.path().to_owned()]).unwrap();
    assert_eq!(one.indexed.len(), 1);
    let count = library.claim_count();
    library
        .refresh(&[desk.path().to_owned(), gone.path().to_owned()])
        .unwrap();
    assert!(library.claim_count() > count);
    drop(gone);
    let after = library.refresh(&[desk.path().to_owned()]).unwrap();
    assert_eq!(after.removed.len(), 1);
    assert_eq!(library.claim_count(), count);
}

#[test]
fn a_copy_of_the_claim_is_grouped_apart_and_never_a_conflict() {
    let desk = folder_with(&["desk-en-2024.ron"]);
    let original = desk.path().join("desk-en-2024.ron");
    let copy = desk.path().join("desk-en-2024 copy.ron");
    // The copy carries another verdict for every claim: still no conflict.
    let text = fs::read_to_string(&original).unwrap();
    fs::write(
        &copy,
        text.replace("verdict: Some(\"", "verdict: Some(\"x-"),
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    library.refresh(&[desk.path().to_owned()]).unwrap();
    let workspace = factbench::store::load(&original).unwrap().workspace;
    let claim = &workspace.claims[0];
    let query = Query {
        text: claim_text(claim),
        folders: library.folders(&[desk.path().to_owned()]).unwrap(),
        exclude: Some((original.clone(), claim.id.to_string())),
        top: 5,
        ..Query::default()
    };
    let matches = library.similar(&query).unwrap();
    let copy_match = matches
        .iter()
        .find(|m| m.claim == claim.id.to_string())
        .expect("the copy is listed");
    assert!(
        copy_match.another_copy && !copy_match.same_claim,
        "{copy_match:?}"
    );
    assert!(copy_match.workspace.ends_with("desk-en-2024 copy.ron"));
    assert!(matches.iter().filter(|m| m.another_copy).count() == 1);
    let conflicts = verdict_conflicts(
        &library,
        &[desk.path().to_owned()],
        Some(&original),
        &workspace.claims,
        |_, _| true,
    )
    .unwrap();
    assert!(
        conflicts
            .iter()
            .all(|c| c.other.claim != c.claim.to_string()),
        "{conflicts:?}"
    );
}
