//! Killing `factbench import` with SIGKILL at random moments never leaves a
//! partial workspace: the file is always the old one or the new one, whole,
//! and the `.bak` is whole too.

use factbench::store::{self, backup_path};
use std::fs;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const ROUNDS: u64 = 60;

/// A small deterministic generator, so a failure can be replayed.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

#[test]
fn killed_imports_leave_a_whole_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "Заголовок\n".to_owned() + &"Текст статьи про 习近平 и 😀.\n".repeat(8_000),
    )
    .unwrap();
    let import = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_factbench"));
        command.arg("import").arg(&article).arg("--into").arg(&ws);
        command
    };
    let started = Instant::now();
    assert!(import().output().unwrap().status.success());
    let full_run_micros = started.elapsed().as_micros() as u64 * 6 / 5 + 1;
    let mut articles = 1;
    let (mut completed, mut interrupted) = (0, 0);
    let mut state = 7;
    for round in 0..ROUNDS {
        let mut child = import().stdout(Stdio::null()).spawn().unwrap();
        sleep(Duration::from_micros(next(&mut state) % full_run_micros));
        let _ = child.kill();
        let _ = child.wait();
        let loaded = store::load(&ws).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let now = loaded.workspace.articles.len();
        assert!(
            now == articles || now == articles + 1,
            "round {round}: {articles} → {now}"
        );
        assert!(loaded.problems.is_empty());
        if now == articles {
            interrupted += 1;
        } else {
            completed += 1;
        }
        articles = now;
        if backup_path(&ws).exists() {
            store::load(&backup_path(&ws)).unwrap_or_else(|e| panic!("round {round}: backup: {e}"));
        }
    }
    assert!(
        completed > 0 && interrupted > 0,
        "kills never landed on both sides of the save: {completed} completed, {interrupted} interrupted"
    );
}
