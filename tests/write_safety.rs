//! What the writers leave on disk, run as a user would: an export never
//! replaces a workspace by mistake, a save through a symlink keeps the link,
//! a killed save's temporary file is swept by the next save, and git never
//! sees Factbench's backups, temporary or lock files.

mod fresh_home;

use assert_cmd::Command;
use factbench::sample::sample_workspace;
use factbench::store;
use std::fs;
use std::path::Path;

fn factbench() -> Command {
    fresh_home::factbench()
}

fn output_of(command: &mut Command) -> (i32, String, String) {
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample_in(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    store::save(&path, &sample_workspace()).unwrap();
    path
}

#[test]
fn export_over_the_workspace_itself_is_refused_and_leaves_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_in(dir.path(), "desk.ron");
    let before = fs::read(&ws).unwrap();
    let (code, _, err) = output_of(
        factbench()
            .args(["export", "--format", "html", "-o"])
            .arg(&ws)
            .arg(&ws),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is a workspace file"), "{err}");
    assert_eq!(fs::read(&ws).unwrap(), before);
    // Even under a report's name, a workspace is never overwritten silently.
    let disguised = sample_in(dir.path(), "report.html");
    let (code, _, err) = output_of(
        factbench()
            .args(["export", "--format", "html", "-o"])
            .arg(&disguised)
            .arg(&ws),
    );
    assert_eq!(code, 1, "{err}");
    assert!(store::load(&disguised).is_ok(), "still a workspace");
}

#[test]
fn export_to_a_name_of_another_format_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_in(dir.path(), "desk.ron");
    let out = dir.path().join("отчёт.csv");
    let (code, _, err) = output_of(
        factbench()
            .args(["export", "--format", "md", "-o"])
            .arg(&out)
            .arg(&ws),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("written to a .md file, not a .csv one"),
        "{err}"
    );
    assert!(!out.exists());
    let (code, _, err) = output_of(
        factbench()
            .args(["export", "--format", "md", "--force", "-o"])
            .arg(&out)
            .arg(&ws),
    );
    assert_eq!(code, 0, "{err}");
    assert!(fs::read_to_string(&out).unwrap().starts_with('#'));
    let ok = dir.path().join("report.HTM");
    let (code, _, err) = output_of(
        factbench()
            .args(["export", "--format", "html", "-o"])
            .arg(&ok)
            .arg(&ws),
    );
    assert_eq!(code, 0, "an .HTM file takes HTML: {err}");
}

#[cfg(unix)]
#[test]
fn saving_through_a_dangling_symlink_creates_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("shared")).unwrap();
    let link = dir.path().join("desk.ron");
    std::os::unix::fs::symlink("shared/Рабочая.ron", &link).unwrap();
    store::save(&link, &sample_workspace()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let target = dir.path().join("shared/Рабочая.ron");
    assert_eq!(
        store::load(&target).unwrap().workspace,
        store::load(&link).unwrap().workspace
    );
    // A second save keeps the previous version beside the target.
    store::save(&link, &sample_workspace()).unwrap();
    assert!(dir.path().join("shared/Рабочая.ron.bak").exists());
    assert!(!dir.path().join("desk.ron.bak").exists());
}

#[test]
fn a_killed_saves_temporary_file_is_swept_by_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let ws = sample_in(dir.path(), "desk.ron");
    let left = dir.path().join(".desk.ron.k1Ll3d.tmp");
    fs::write(&left, "Workspace(format_version: 4, title: \"half").unwrap();
    let someone_elses = dir.path().join(".notes.txt.k1Ll3d.tmp");
    fs::write(&someone_elses, "not ours").unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, "Заголовок\n\nТекст 北京 🙂.\n").unwrap();
    let (code, _, err) = output_of(
        factbench()
            .arg("import")
            .arg(&article)
            .arg("--into")
            .arg(&ws),
    );
    assert_eq!(code, 0, "{err}");
    assert!(!left.exists());
    assert!(someone_elses.exists(), "only the workspace's own are swept");
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn after_git_setup_git_never_sees_backups_temporary_or_lock_files() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    let ws = sample_in(dir.path(), "desk.ron");
    let (code, _, err) = output_of(factbench().arg("git-setup").arg(dir.path()));
    assert_eq!(code, 0, "{err}");
    // A second setup adds nothing twice.
    let (code, out, _) = output_of(factbench().arg("git-setup").arg(dir.path()));
    assert_eq!(code, 0);
    assert!(out.contains("already excludes"), "{out}");
    let mut newer = sample_workspace().articles[0].text.clone();
    newer.push_str("\n\nОбновление: новый абзац.\n");
    fs::write(dir.path().join("newer.txt"), newer).unwrap();
    let (code, _, err) = output_of(
        factbench()
            .arg("update")
            .arg(&ws)
            .arg(dir.path().join("newer.txt")),
    );
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("desk.ron.bak").exists());
    fs::write(dir.path().join(".desk.ron.Ab12Cd.tmp"), "x").unwrap();
    fs::write(dir.path().join(".desk.ron.lock"), "1\nhost\nwindow\n").unwrap();
    let status = git(
        dir.path(),
        &["status", "--porcelain", "--untracked-files=all"],
    );
    let listed: Vec<&str> = status.lines().map(|l| &l[3..]).collect();
    for name in ["desk.ron.bak", ".desk.ron.Ab12Cd.tmp", ".desk.ron.lock"] {
        assert!(!listed.contains(&name), "{name} in {listed:?}");
    }
    assert!(listed.contains(&"desk.ron"), "{listed:?}");
}
