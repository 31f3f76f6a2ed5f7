//! Two checkers on two git branches each add snapshots to the same
//! workspace (one also cites an excerpt anchored in hers); `git merge`
//! with the driver `git-setup` installs keeps every snapshot, every
//! custody entry and the anchored excerpt, with no conflict, and the
//! merged workspace verifies. Snapshot files are binary to git.

use factbench::model::{CustodyEvent, Workspace};
use factbench::sample::sample_workspace;
use factbench::store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILE: &str = "desk.ron";

fn run(dir: &Path, program: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Checker")
        .env("GIT_AUTHOR_EMAIL", "checker@example.org")
        .env("GIT_COMMITTER_NAME", "Checker")
        .env("GIT_COMMITTER_EMAIL", "checker@example.org")
        .env("XDG_CONFIG_HOME", dir.join(".config-none"))
        .output()
        .unwrap()
}

fn factbench(dir: &Path, args: &[&str]) -> Output {
    run(dir, Path::new(env!("CARGO_BIN_EXE_factbench")), args)
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, Path::new("git"), args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
    out
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Adds `content` as a snapshot of source `n` by `by`; its hash.
fn add(dir: &Path, n: usize, name: &str, content: &str, by: &str) -> String {
    let ws = store::load(&dir.join(FILE)).unwrap().workspace;
    let source = ws.sources[n].id.to_string();
    let file: PathBuf = dir.join("..").join(name);
    fs::write(&file, content).unwrap();
    let out = factbench(
        dir,
        &[
            "snapshot",
            FILE,
            file.to_str().unwrap(),
            "--source",
            &source,
            "--by",
            by,
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn load(dir: &Path) -> Workspace {
    store::load(&dir.join(FILE)).unwrap().workspace
}

#[test]
fn two_branches_each_adding_snapshots_merge_with_nothing_lost() {
    let outer = tempfile::tempdir().unwrap();
    let dir = outer.path().join("repo");
    fs::create_dir(&dir).unwrap();
    git(&dir, &["init", "-q", "-b", "main"]);
    let setup = factbench(&dir, &["git-setup"]);
    assert!(setup.status.success(), "{}", text(&setup));
    store::save(&dir.join(FILE), &sample_workspace()).unwrap();
    let first = add(&dir, 0, "base.txt", "A statement kept on main.", "Main");
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "base"]);

    git(&dir, &["checkout", "-q", "-b", "theirs", "main"]);
    let theirs = [
        add(&dir, 0, "t1.txt", "Their capture of the report.", "Tao"),
        add(&dir, 2, "t2.txt", "Their second source's page.", "Tao"),
    ];
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "theirs"]);

    git(&dir, &["checkout", "-q", "-b", "ours", "main"]);
    let ours = add(
        &dir,
        1,
        "o1.txt",
        "Our copy says the parade began at ten.",
        "Olga",
    );
    let claim = load(&dir)
        .claims
        .iter()
        .find(|c| !c.is_published())
        .unwrap()
        .id
        .to_string();
    let source = load(&dir).sources[1].id.to_string();
    let cite = factbench(
        &dir,
        &[
            "cite",
            FILE,
            "--claim",
            &claim,
            "--source",
            &source,
            "--stance",
            "supports",
            "--excerpt",
            "the parade began at ten",
        ],
    );
    assert!(cite.status.success(), "{}", text(&cite));
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "ours"]);

    let merge = run(&dir, Path::new("git"), &["merge", "--no-edit", "theirs"]);
    assert!(merge.status.success(), "{}", text(&merge));
    let ws = load(&dir);
    assert!(ws.conflicts.is_empty(), "{:?}", ws.conflicts);
    let held: Vec<&str> = ws
        .sources
        .iter()
        .flat_map(|s| s.snapshots.iter().map(|x| x.sha256.as_str()))
        .collect();
    for sha in [&first, &ours, &theirs[0], &theirs[1]] {
        assert!(held.contains(&sha.as_str()), "{sha} lost: {held:?}");
        assert!(dir.join("desk.snapshots").join(sha).exists());
    }
    let added = ws
        .custody
        .iter()
        .filter(|e| e.event == CustodyEvent::Added)
        .count();
    assert_eq!(added, 4, "{:?}", ws.custody);
    let anchored = ws
        .claims
        .iter()
        .flat_map(|c| &c.evidence)
        .find_map(|e| e.anchor.as_ref())
        .unwrap();
    assert_eq!(anchored.snapshot, ours);
    assert_eq!(
        anchored.anchor.as_ref().unwrap().exact,
        "the parade began at ten"
    );
    let verify = factbench(&dir, &["verify", FILE, "--by", "Editor"]);
    assert!(verify.status.success(), "{}", text(&verify));
    assert_eq!(
        String::from_utf8_lossy(&verify.stdout)
            .lines()
            .filter(|l| l.starts_with("ok "))
            .count(),
        5
    );
    let attr = git(
        &dir,
        &[
            "check-attr",
            "diff",
            "merge",
            "--",
            &format!("desk.snapshots/{ours}"),
        ],
    );
    let attr = String::from_utf8_lossy(&attr.stdout);
    assert!(
        attr.contains("diff: unset") && attr.contains("merge: unset"),
        "{attr}"
    );
}
