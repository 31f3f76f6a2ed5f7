//! Killing `factbench import` with SIGKILL at random moments never leaves a
//! partial workspace: the file is always the old one or the new one, whole,
//! and the `.bak` is whole too. 60 rounds here; `kill_during_save_200.rs`
//! runs the same loop 200 times on request.

mod fresh_home;
mod kill_loop;

#[test]
fn killed_imports_leave_a_whole_workspace() {
    kill_loop::killed_imports_leave_a_whole_workspace(60);
}
