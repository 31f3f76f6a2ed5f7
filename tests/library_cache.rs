//! The claim library's index is a cache: damaged in any way (meta.json
//! lost or garbled, segment files cut short or deleted, a manifest that
//! disagrees with the index), `similar` rebuilds it with a one-line note and
//! still finds the earlier check, never panicking nor answering empty. And
//! a library folder's `.ron` entries that are not regular files (a FIFO, a
//! link to `/dev/zero`) are left out at once, said once, and remembered.

mod fresh_home;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The index's folder in the cache, named for the analysis version.
fn index_folder() -> String {
    format!("claims-v{}", factbench::library::ANALYSIS_VERSION)
}

const QUERY: &str = "In 2022 Russian oil and gas export revenue reached 245 billion dollars";
const EARLIER_CHECK: &str = "01a22065-6084-7000-8c00-000000000000";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/library")
        .join(name)
}

/// A library folder holding one workspace of the labelled set, and a cache.
struct Desk {
    folder: tempfile::TempDir,
    cache: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Desk {
            folder: tempfile::tempdir().unwrap(),
            cache: tempfile::tempdir().unwrap(),
        };
        desk.add("desk-en-2024.ron");
        desk
    }

    fn add(&self, name: &str) {
        fs::copy(fixture(name), self.folder.path().join(name)).unwrap();
    }

    fn index(&self) -> PathBuf {
        self.cache.path().join(index_folder())
    }

    /// `factbench similar` with these arguments: exit code, stdout, stderr.
    fn similar(&self, args: &[&str]) -> (i32, String, String) {
        let out = fresh_home::factbench()
            .arg("similar")
            .args(args)
            .arg("--in")
            .arg(self.folder.path())
            .arg("--index-dir")
            .arg(self.cache.path())
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// Searches for the earlier check and asserts it is found.
    fn finds_the_earlier_check(&self) -> String {
        let (code, out, err) = self.similar(&[QUERY, "--json"]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(
            out.lines()
                .next()
                .is_some_and(|l| l.contains(EARLIER_CHECK)),
            "{out}{err}"
        );
        err
    }

    /// The index's segment files (not meta.json, the manifest, tantivy's
    /// own bookkeeping or locks).
    fn segment_files(&self) -> Vec<PathBuf> {
        let files: Vec<PathBuf> = fs::read_dir(self.index())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                !name.starts_with('.') && name != "meta.json" && name != "manifest.json"
            })
            .collect();
        assert!(!files.is_empty());
        files
    }
}

/// Builds the index, damages it with `damage`, then checks that the next
/// search rebuilds it with one note and the one after is quiet again.
fn survives(damage: impl FnOnce(&Desk)) {
    let desk = Desk::new();
    let first = desk.finds_the_earlier_check();
    assert!(!first.contains("damaged"), "{first}");
    damage(&desk);
    let err = desk.finds_the_earlier_check();
    let notes: Vec<&str> = err.lines().filter(|l| l.contains("damaged")).collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].contains("rebuilding"), "{err}");
    assert!(notes[0].contains(&index_folder()), "{err}");
    let again = desk.finds_the_earlier_check();
    assert!(!again.contains("damaged"), "{again}");
}

#[test]
fn a_lost_meta_json_is_rebuilt() {
    survives(|desk| fs::remove_file(desk.index().join("meta.json")).unwrap());
}

#[test]
fn a_garbled_meta_json_is_rebuilt() {
    survives(|desk| fs::write(desk.index().join("meta.json"), "{\"segments\": [garbled").unwrap());
}

#[test]
fn segment_files_cut_short_are_rebuilt() {
    survives(|desk| {
        for file in desk.segment_files() {
            let bytes = fs::read(&file).unwrap();
            fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
        }
    });
}

#[test]
fn a_segment_file_garbled_in_the_middle_is_rebuilt() {
    survives(|desk| {
        for file in desk.segment_files() {
            let mut bytes = fs::read(&file).unwrap();
            let (middle, len) = (bytes.len() / 2, bytes.len());
            for byte in &mut bytes[middle.saturating_sub(8)..(middle + 8).min(len)] {
                *byte ^= 0x5a;
            }
            fs::write(&file, bytes).unwrap();
        }
    });
}

#[test]
fn deleted_segment_files_are_rebuilt() {
    survives(|desk| {
        for file in desk.segment_files() {
            fs::remove_file(file).unwrap();
        }
    });
}

#[test]
fn an_index_older_than_its_manifest_is_rebuilt() {
    let desk = Desk::new();
    desk.finds_the_earlier_check();
    let old = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(desk.index()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, old.path().join(path.file_name().unwrap())).unwrap();
    }
    desk.add("desk-ru.ron");
    desk.finds_the_earlier_check();
    // Put back the index of one workspace under the manifest of two.
    for file in desk.segment_files() {
        fs::remove_file(file).unwrap();
    }
    for entry in fs::read_dir(old.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "manifest.json" {
            fs::copy(&path, desk.index().join(path.file_name().unwrap())).unwrap();
        }
    }
    let russian = desk.folder.path().join("desk-ru.ron");
    let (code, out, err) = desk.similar(&[
        "--claim",
        "01a22065-6084-7000-8c00-00000000000c",
        russian.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("damaged") && err.contains("manifest"), "{err}");
    assert!(
        out.contains("01a22065-6084-7000-8c00-00000000000d"),
        "the other workspace's claims are found again: {out}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_link_to_a_device_are_left_out_at_once_and_remembered() {
    let desk = Desk::new();
    let fifo = desk.folder.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", desk.folder.path().join("zero.ron")).unwrap();
    let err = desk.finds_the_earlier_check();
    for name in ["pipe.ron", "zero.ron"] {
        let line = err.lines().find(|l| l.contains(name));
        assert!(
            line.is_some_and(|l| l.contains("not a regular file")),
            "{err}"
        );
    }
    assert!(err.contains("FIFO") && err.contains("device"), "{err}");
    let again = desk.finds_the_earlier_check();
    assert!(
        !again.contains("pipe.ron") && !again.contains("zero.ron"),
        "said once, then remembered: {again}"
    );
    // Replaced by a workspace, the name is read again.
    fs::remove_file(&fifo).unwrap();
    desk.add("desk-ru.ron");
    fs::rename(desk.folder.path().join("desk-ru.ron"), &fifo).unwrap();
    let (code, out, err) = desk.similar(&[
        "--claim",
        "01a22065-6084-7000-8c00-00000000000c",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("01a22065-6084-7000-8c00-00000000000d"),
        "{out}{err}"
    );
}

#[test]
fn check_with_a_library_rebuilds_a_damaged_index_instead_of_passing() {
    let desk = Desk::new();
    desk.add("desk-en-2025.ron");
    desk.finds_the_earlier_check();
    fs::remove_file(desk.index().join("meta.json")).unwrap();
    // A later desk rates the grain claim False; the library says True.
    let library_copy = desk.folder.path().join("desk-en-2025.ron");
    let mut workspace = factbench::store::load(&library_copy).unwrap().workspace;
    workspace
        .claims
        .retain(|c| c.statement.starts_with("Ukraine exported 40"));
    workspace.claims[0].id = factbench::ClaimId::new();
    workspace.claims[0].verdict = Some("false".into());
    let today = tempfile::tempdir().unwrap();
    let path = today.path().join("today.ron");
    factbench::store::save(&path, &workspace).unwrap();
    let out = fresh_home::factbench()
        .arg("check")
        .arg(&path)
        .arg("--library")
        .arg(desk.folder.path())
        .arg("--index-dir")
        .arg(desk.cache.path())
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.contains("verdict differs"), "{stdout}{stderr}");
    assert!(stderr.contains("meta.json is missing"), "{stderr}");
}
