//! The claim library on the labelled set in `tests/fixtures/library`: past
//! checks in five workspaces with near misses (another number, year or
//! actor), and new wordings in English, Russian, Ukrainian and Chinese.
//! Also the incremental refresh and unreadable workspaces.

use factbench::library::{Library, Match, Query, SAME_CLAIM_THRESHOLD};
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

/// `(expected claim id, language, new wording)` for every labelled query.
fn queries() -> Vec<(String, String, String)> {
    fs::read_to_string(fixtures().join("queries.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[0].to_owned(), cols[2].to_owned(), cols[3].to_owned())
        })
        .collect()
}

/// Claim id → its key in the labelled set ("gas", "gas~year", …).
fn keys() -> HashMap<String, String> {
    fs::read_to_string(fixtures().join("claims.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols[0].to_owned(), cols[1].to_owned())
        })
        .collect()
}

fn library_of(folder: &Path) -> (tempfile::TempDir, Library) {
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    let report = library.refresh(&[folder.to_owned()]).unwrap();
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    (cache, library)
}

fn search(library: &Library, folder: &Path, text: &str, top: usize) -> Vec<Match> {
    library
        .similar(&Query {
            text: text.to_owned(),
            folders: library.folders(&[folder.to_owned()]).unwrap(),
            exclude: None,
            copies_of: None,
            scale: None,
            top,
        })
        .unwrap()
}

#[test]
fn labelled_set_ranks_earlier_checks_first_and_near_misses_below() {
    let (_cache, library) = library_of(&fixtures());
    assert_eq!(library.claim_count(), 34);
    let keys = keys();
    let (mut reciprocal, mut at_1, mut at_5) = (0.0, 0, 0);
    let mut true_scores = Vec::new();
    let mut other_scores = Vec::new();
    let all = queries();
    for (expected, language, text) in &all {
        let matches = search(&library, &fixtures(), text, 10);
        let rank = matches.iter().position(|m| &m.claim == expected);
        let listing: Vec<String> = matches
            .iter()
            .map(|m| format!("{} {:.3}", keys[&m.claim], m.score))
            .collect();
        eprintln!("[{language}] {text}\n    rank {rank:?}: {listing:?}");
        if let Some(rank) = rank {
            reciprocal += 1.0 / (rank as f64 + 1.0);
            at_1 += usize::from(rank == 0);
            at_5 += usize::from(rank < 5);
            true_scores.push(matches[rank].score);
        }
        other_scores.extend(
            matches
                .iter()
                .filter(|m| &m.claim != expected)
                .map(|m| m.score),
        );
    }
    let n = all.len() as f64;
    let (mrr, r1, r5) = (reciprocal / n, at_1 as f64 / n, at_5 as f64 / n);
    true_scores.sort_by(f64::total_cmp);
    other_scores.sort_by(f64::total_cmp);
    eprintln!(
        "queries {n}: MRR {mrr:.3}, recall@1 {r1:.3}, recall@5 {r5:.3}; lowest true score {:.3}, highest other score {:.3}",
        true_scores.first().unwrap_or(&0.0),
        other_scores.last().unwrap_or(&0.0)
    );
    assert_eq!(r5, 1.0, "every earlier check in the top five");
    assert!(r1 >= 0.9, "recall@1 {r1}");
    assert!(mrr >= 0.93, "MRR {mrr}");
}

/// Calibration of [`SAME_CLAIM_THRESHOLD`]: the scores of the true earlier
/// check and of the best other candidate for every labelled query.
#[test]
fn same_claim_holds_for_rewordings_and_not_for_near_misses() {
    let (_cache, library) = library_of(&fixtures());
    let keys = keys();
    let (mut same_language, mut called_same) = (0, 0);
    let mut cross_language_same = 0;
    let mut wrongly_same = Vec::new();
    for (expected, language, text) in queries() {
        let matches = search(&library, &fixtures(), &text, 10);
        let truth = matches.iter().find(|m| m.claim == expected).unwrap();
        let best_other = matches.iter().find(|m| m.claim != expected);
        eprintln!(
            "calibration [{language}] true {:.3} {}, best other {:?}",
            truth.score,
            truth.same_claim,
            best_other.map(|m| (keys[&m.claim].clone(), (m.score * 1000.0).round() / 1000.0))
        );
        if language_of(&truth.statement) == language {
            same_language += 1;
            called_same += usize::from(truth.same_claim);
        } else {
            cross_language_same += usize::from(truth.same_claim);
        }
        wrongly_same.extend(
            matches
                .iter()
                .filter(|m| m.claim != expected && m.same_claim)
                .map(|m| keys[&m.claim].clone()),
        );
    }
    eprintln!(
        "{called_same} of {same_language} same-language rewordings called the same claim, {cross_language_same} across languages; wrongly: {wrongly_same:?}"
    );
    // The one known failure: "…microchips Russia imported … came from China"
    // names Russia first, as the swapped near miss does.
    assert!(
        wrongly_same.iter().all(|k| k == "chips~swap"),
        "{wrongly_same:?}"
    );
    assert!(wrongly_same.len() <= 1);
    // With character n-grams: 19 of 20, and 2 of 10 across languages
    // (Russian wordings of Ukrainian checks share most n-grams).
    assert!(
        called_same >= 19 && same_language == 20,
        "{called_same} of {same_language}"
    );
    assert!(cross_language_same >= 2, "{cross_language_same} of 10");
}

/// The language of a past check in the labelled set, by its script.
fn language_of(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        "zh"
    } else if text.chars().any(|c| "іїєґ".contains(c)) {
        "uk"
    } else if text.chars().any(|c| ('а'..='я').contains(&c)) {
        "ru"
    } else {
        "en"
    }
}

#[test]
fn near_misses_rank_below_the_check_they_imitate() {
    let (_cache, library) = library_of(&fixtures());
    let keys = keys();
    let exact = "Russia earned $245bn from oil and gas exports in 2022.";
    let matches = search(&library, &fixtures(), exact, 5);
    assert_eq!(keys[&matches[0].claim], "gas");
    assert_eq!(keys[&matches[1].claim], "gas~year");
    assert!(matches[0].score > 0.9 && matches[1].score < SAME_CLAIM_THRESHOLD);
    let swapped = search(
        &library,
        &fixtures(),
        "China supplied Russia with 90% of its imported microchips in 2023",
        3,
    );
    assert_eq!(keys[&swapped[0].claim], "chips");
    let others: Vec<_> = swapped
        .iter()
        .skip(1)
        .map(|m| (keys[&m.claim].clone(), m.score, m.same_claim))
        .collect();
    assert!(others.iter().all(|o| !o.2), "{others:?}");
}

fn copy_fixtures(into: &Path) {
    for entry in fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ron") {
            fs::copy(&path, into.join(path.file_name().unwrap())).unwrap();
        }
    }
}

#[test]
fn refresh_reads_only_the_workspace_that_changed() {
    let folder = tempfile::tempdir().unwrap();
    copy_fixtures(folder.path());
    let cache = tempfile::tempdir().unwrap();
    let folders = vec![folder.path().to_owned()];
    let mut library = Library::open(cache.path()).unwrap();
    let first = library.refresh(&folders).unwrap();
    assert_eq!(first.indexed.len(), 5);
    // A new process: the manifest on disk says nothing changed.
    drop(library);
    let mut library = Library::open(cache.path()).unwrap();
    let again = library.refresh(&folders).unwrap();
    assert!(again.indexed.is_empty());
    assert_eq!(again.unchanged, 5);
    let changed = folder.path().join("desk-ru.ron");
    let text = fs::read_to_string(&changed).unwrap();
    fs::write(
        &changed,
        text.replace("8 млн тонн пшеницы", "12 млн тонн пшеницы"),
    )
    .unwrap();
    fs::remove_file(folder.path().join("desk-zh.ron")).unwrap();
    let after = library.refresh(&folders).unwrap();
    assert_eq!(after.indexed.len(), 1);
    assert!(after.indexed[0].ends_with("desk-ru.ron"));
    assert_eq!(after.removed.len(), 1);
    assert!(after.removed[0].ends_with("desk-zh.ron"));
    assert_eq!(after.unchanged, 3);
    assert_eq!(library.claim_count(), 34 - 8);
    let wheat = search(
        &library,
        folder.path(),
        "Россия экспортировала в Египет 12 млн тонн пшеницы",
        1,
    );
    assert!(wheat[0].statement.contains("12 млн"), "{wheat:?}");
    assert!(
        search(&library, folder.path(), "2024年中俄贸易额达到2450亿美元", 5)
            .iter()
            .all(|m| !m.workspace.ends_with("desk-zh.ron"))
    );
}

#[test]
fn an_unreadable_workspace_is_skipped_with_its_name() {
    let folder = tempfile::tempdir().unwrap();
    copy_fixtures(folder.path());
    fs::write(
        folder.path().join("broken.ron"),
        "Workspace(format_version: 1, title: ",
    )
    .unwrap();
    fs::write(folder.path().join("binary.ron"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    let report = library.refresh(&[folder.path().to_owned()]).unwrap();
    assert_eq!(report.indexed.len(), 5);
    assert_eq!(report.skipped.len(), 2);
    assert!(
        report.skipped.iter().any(|m| m.contains("broken.ron")),
        "{:?}",
        report.skipped
    );
    assert!(
        report.skipped.iter().any(|m| m.contains("binary.ron")),
        "{:?}",
        report.skipped
    );
    assert_eq!(library.claim_count(), 34);
}

#[test]
fn a_missing_folder_is_an_error_naming_it() {
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    let error = library
        .refresh(&[PathBuf::from("/no/such/library/folder")])
        .unwrap_err();
    assert!(
        error.to_string().contains("/no/such/library/folder"),
        "{error}"
    );
}

#[test]
fn the_library_can_be_queried_from_another_thread() {
    fn send_and_sync<T: Send + Sync>(_: &T) {}
    let (_cache, library) = library_of(&fixtures());
    send_and_sync(&library);
    let library = std::sync::Arc::new(library);
    let worker = std::sync::Arc::clone(&library);
    let found = std::thread::spawn(move || {
        search(&worker, &fixtures(), "习近平5月7日至10日赴莫斯科访问", 1)
    })
    .join()
    .unwrap();
    assert!(
        found[0].statement.starts_with("习近平于5月7日"),
        "{found:?}"
    );
}

/// Arabic-Indic and Persian digits are numbers: an Arabic or Persian
/// wording of a past English check shares its amount and year with it
/// (the words themselves have nothing in common), so the check is found
/// first and its near miss with another year below it.
#[test]
fn arabic_and_persian_digits_match_the_amount_of_an_english_check() {
    let (_cache, library) = library_of(&fixtures());
    let keys = keys();
    for text in [
        "حققت روسيا ٢٤٥ مليار دولار من صادرات النفط والغاز في عام ٢٠٢٢",
        "روسیه در سال ۲۰۲۲ از صادرات نفت و گاز ۲۴۵ میلیارد دلار درآمد داشت",
    ] {
        let matches = search(&library, &fixtures(), text, 5);
        let ranked: Vec<&str> = matches.iter().map(|m| keys[&m.claim].as_str()).collect();
        assert_eq!(ranked.first(), Some(&"gas"), "{text}: {ranked:?}");
        let near_miss = ranked.iter().position(|k| *k == "gas~year");
        assert!(near_miss.is_none_or(|at| at > 0), "{ranked:?}");
    }
}
