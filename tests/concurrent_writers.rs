//! Several writers on one workspace at once, as a desk's scripts and
//! windows meet them: every writer takes the one workspace lock, so either
//! each change is kept or the writer that could not make it says so and
//! exits non-zero. Nothing is lost silently. Counts what survived over many
//! runs rather than timing anything.

use factbench::model::Workspace;
use factbench::store::{self, LockOutcome, Role};
use std::fs;
mod fresh_home;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn factbench() -> Command {
    fresh_home::factbench_std()
}

fn spawn(command: &mut Command) -> Child {
    command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn article(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("статья-{n}.txt"));
    let text = format!(
        "Заметка {n}: 北京 и Москва 🇨🇳\n\nТекст заметки номер {n}, с цифрой {} и e\u{301}.\n",
        n * 7
    );
    fs::write(&path, text).unwrap();
    path
}

fn titles(path: &Path) -> Vec<String> {
    let mut titles: Vec<String> = store::load(path)
        .unwrap()
        .workspace
        .articles
        .iter()
        .map(|a| a.title.clone())
        .collect();
    titles.sort();
    titles
}

#[test]
fn twenty_imports_at_once_keep_all_twenty_articles() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = dir.path().join("desk.ron");
    let articles: Vec<PathBuf> = (0..20).map(|n| article(dir.path(), n)).collect();
    let children: Vec<Child> = articles
        .iter()
        .map(|a| {
            spawn(
                factbench()
                    .arg("import")
                    .arg(a)
                    .arg("--into")
                    .arg(&workspace),
            )
        })
        .collect();
    let outputs: Vec<Output> = children
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    let succeeded = outputs.iter().filter(|o| o.status.success()).count();
    for failed in outputs.iter().filter(|o| !o.status.success()) {
        let err = String::from_utf8_lossy(&failed.stderr);
        assert!(err.contains("unchanged"), "a refusal says so: {err}");
    }
    assert_eq!(succeeded, 20, "every import waited for the one before");
    assert_eq!(titles(&workspace).len(), 20, "{:?}", titles(&workspace));
    assert!(
        !store::lock_path(&workspace).exists(),
        "every lock released"
    );
}

/// A workspace with one article whose text a newer version replaces, and
/// a colleague's copy of it with one claim more.
struct UpdateAndMerge {
    _dir: tempfile::TempDir,
    workspace: PathBuf,
    base: PathBuf,
    theirs: PathBuf,
    new_version: PathBuf,
}

impl UpdateAndMerge {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = factbench::sample::sample_workspace();
        let base = dir.path().join("base.ron");
        store::save(&base, &ws).unwrap();
        let workspace = dir.path().join("desk.ron");
        store::save(&workspace, &ws).unwrap();
        let mut extra = ws.claims[0].clone();
        extra.id = factbench::model::ClaimId::new();
        extra.statement = "Их новая проверка".into();
        ws.claims.push(extra);
        let theirs = dir.path().join("theirs.ron");
        store::save(&theirs, &ws).unwrap();
        let new_version = dir.path().join("newer.txt");
        let text = ws.articles[0].text.clone() + "\n\nUpdate: a paragraph added by the outlet.\n";
        fs::write(&new_version, text).unwrap();
        UpdateAndMerge {
            _dir: dir,
            workspace,
            base,
            theirs,
            new_version,
        }
    }

    fn result(&self) -> Workspace {
        store::load(&self.workspace).unwrap().workspace
    }
}

#[test]
fn update_racing_merge_keeps_both_changes_every_time() {
    for round in 0..5 {
        let race = UpdateAndMerge::new();
        let update = spawn(
            factbench()
                .arg("update")
                .arg(&race.workspace)
                .arg(&race.new_version),
        );
        let merge = spawn(
            factbench()
                .arg("merge")
                .arg(&race.base)
                .arg(&race.workspace)
                .arg(&race.theirs),
        );
        let update = update.wait_with_output().unwrap();
        let merge = merge.wait_with_output().unwrap();
        let ws = race.result();
        let updated = ws.articles[0]
            .text
            .contains("a paragraph added by the outlet");
        let merged = ws.claims.iter().any(|c| c.statement == "Их новая проверка");
        let said = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(
            updated || !update.status.success(),
            "round {round}: update exited 0 but its text is gone: {}",
            said(&update)
        );
        assert!(
            merged || !merge.status.success(),
            "round {round}: merge exited 0 but its claim is gone: {}",
            said(&merge)
        );
        assert!(updated && merged, "round {round}: both wait their turn");
    }
}

#[test]
fn a_command_is_refused_at_once_while_a_window_has_the_workspace_open() {
    let race = UpdateAndMerge::new();
    let before = fs::read(&race.workspace).unwrap();
    let LockOutcome::Acquired { lock: _window, .. } =
        store::try_lock(&race.workspace, Role::Window).unwrap()
    else {
        panic!("free");
    };
    let started = Instant::now();
    let out = factbench()
        .arg("update")
        .arg(&race.workspace)
        .arg(&race.new_version)
        .output()
        .unwrap();
    assert!(started.elapsed() < Duration::from_secs(3), "no waiting");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("open in a Factbench window"), "{err}");
    assert!(
        err.contains(&format!("process {}", std::process::id())),
        "{err}"
    );
    assert_eq!(fs::read(&race.workspace).unwrap(), before, "untouched");
}

#[test]
fn a_command_waits_for_another_command_holding_the_lock() {
    let race = UpdateAndMerge::new();
    let LockOutcome::Acquired { lock: held, .. } =
        store::try_lock(&race.workspace, Role::Command("mark".into())).unwrap()
    else {
        panic!("free");
    };
    let update = spawn(
        factbench()
            .arg("update")
            .arg(&race.workspace)
            .arg(&race.new_version),
    );
    std::thread::sleep(Duration::from_millis(700));
    drop(held);
    let out = update.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        race.result().articles[0]
            .text
            .contains("a paragraph added by the outlet")
    );
}

#[cfg(unix)]
#[test]
fn importing_through_a_symlink_locks_and_writes_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.ron");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let a = article(dir.path(), 1);
    let out = factbench()
        .arg("import")
        .arg(&a)
        .arg("--into")
        .arg(&link)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
    assert_eq!(
        titles(&real).len(),
        1,
        "the dangling link's target was created"
    );
}
