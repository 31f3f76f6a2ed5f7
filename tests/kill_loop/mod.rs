//! The kill loop shared by `kill_during_import.rs` (60 rounds in every
//! `cargo test`) and `kill_during_save_200.rs` (200 rounds, ignored by
//! default): `factbench import` saving a large workspace is killed with
//! SIGKILL at random moments, and after each kill the workspace must be the
//! old one or the new one, whole and loadable, and its `.bak` whole too.

use factbench::sample::generated_workspace;
use factbench::store::{self, backup_path};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A small deterministic generator, so a failure can be replayed.
fn next(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *state >> 33
}

fn import(article: &Path, ws: &Path) -> Command {
    let mut command = super::fresh_home::factbench_std();
    command
        .arg("import")
        .arg(article)
        .arg("--into")
        .arg(ws)
        .stdout(Stdio::null());
    command
}

/// Runs one import to the end; returns how long it took.
fn timed_import(article: &Path, ws: &Path) -> Duration {
    let started = Instant::now();
    assert!(import(article, ws).status().unwrap().success());
    started.elapsed()
}

/// Kills `rounds` imports into a 2 MB workspace at random moments and
/// checks the workspace and its `.bak` after each one.
pub fn killed_imports_leave_a_whole_workspace(rounds: u64) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws.ron");
    // A workspace of about 2 MB, so that writing it takes a real share of each run.
    store::save(&ws, &generated_workspace(2, 400_000, 300)).unwrap();
    let article = dir.path().join("article.txt");
    fs::write(
        &article,
        "Заголовок\n".to_owned() + &"Текст статьи про 习近平 и 😀.\n".repeat(500),
    )
    .unwrap();

    let mut articles = 2;
    let mut window = Duration::ZERO;
    let (mut completed, mut interrupted) = (0, 0);
    let mut state = 7;
    for round in 0..rounds {
        if round % 10 == 0 {
            window = window.max(timed_import(&article, &ws) * 3 / 2);
            articles += 1;
        }
        let mut child = import(&article, &ws).spawn().unwrap();
        let micros = window.as_micros() as u64 + 1;
        sleep(Duration::from_micros(next(&mut state) % micros));
        let _ = child.kill();
        let _ = child.wait();

        let loaded = store::load(&ws).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let now = loaded.workspace.articles.len();
        assert!(
            now == articles || now == articles + 1,
            "round {round}: {articles} → {now}"
        );
        assert!(
            loaded.problems.is_empty(),
            "round {round}: {:?}",
            loaded.problems
        );
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
        interrupted > 0,
        "no kill landed before an import finished ({completed} completed)"
    );
    eprintln!("{interrupted} imports killed before they finished, {completed} finished first");
}
