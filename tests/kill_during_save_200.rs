//! The kill loop of `kill_during_import.rs`, 200 rounds: a save killed with
//! SIGKILL at any moment leaves the workspace old or new, whole and
//! loadable, and its `.bak` whole. It takes a few minutes, so it runs only
//! on request: `cargo test --release --test kill_during_save_200 -- --ignored`.

mod fresh_home;
mod kill_loop;

#[test]
#[ignore = "200 kill rounds take minutes; run with `cargo test --release -- --ignored`"]
fn two_hundred_killed_saves_leave_a_whole_workspace() {
    kill_loop::killed_imports_leave_a_whole_workspace(200);
}
