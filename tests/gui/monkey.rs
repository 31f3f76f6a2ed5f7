//! Random clicks, drags and keys all over the window must never panic, and
//! every change they make must stay undoable back to the opened workspace.

use crate::support::*;
use egui::{Key, Modifiers, PointerButton, Pos2};

/// A small deterministic random generator (xorshift), so failures repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pos(&mut self) -> Pos2 {
        Pos2::new(self.below(1400) as f32, self.below(900) as f32)
    }
}

const KEYS: [Key; 16] = [
    Key::Num1,
    Key::Num4,
    Key::Num0,
    Key::Delete,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::Home,
    Key::End,
    Key::Escape,
    Key::Enter,
    Key::J,
    Key::K,
    Key::M,
    Key::Z,
];

fn modifiers(rng: &mut Rng) -> Modifiers {
    match rng.below(4) {
        0 => Modifiers::SHIFT,
        1 => Modifiers::COMMAND,
        _ => Modifiers::NONE,
    }
}

/// Runs one random session; returns how many undo steps it made.
fn random_session(seed: u64, workspace: factbench::Workspace) -> usize {
    let mut rng = Rng(seed);
    let opened = workspace.clone();
    let mut harness = harness(app(workspace, vec![]));
    for _ in 0..150 {
        match rng.below(5) {
            0 | 1 => {
                let pos = rng.pos();
                harness.hover_at(pos);
                for pressed in [true, false] {
                    harness.event(egui::Event::PointerButton {
                        pos,
                        button: PointerButton::Primary,
                        pressed,
                        modifiers: Modifiers::NONE,
                    });
                    harness.step();
                }
            }
            2 => {
                let (from, to) = (rng.pos(), rng.pos());
                harness.drag_at(from);
                harness.step();
                harness.hover_at(to);
                harness.step();
                harness.drop_at(to);
                harness.step();
            }
            3 => {
                let key = KEYS[rng.below(KEYS.len() as u64) as usize];
                let modifiers = modifiers(&mut rng);
                if !(modifiers.command && matches!(key, Key::Q | Key::O | Key::N)) {
                    harness.key_press_modifiers(modifiers, key);
                    harness.step();
                }
            }
            _ => {
                harness.event(egui::Event::Text("Путин 习近平 x".into()));
                harness.step();
            }
        }
    }
    harness.run_steps(2);
    // Close any dialog, then undo everything.
    for _ in 0..3 {
        harness.key_press(Key::Escape);
        harness.step();
    }
    let ctx = harness.ctx.clone();
    let mut steps = 0;
    for _ in 0..400 {
        if !harness.state().document().can_undo() {
            break;
        }
        steps += 1;
        harness
            .state_mut()
            .perform(&ctx, factbench::ui::Action::Undo);
    }
    harness.run_steps(2);
    let ws = harness.state().workspace();
    assert_eq!(
        ws.claims, opened.claims,
        "seed {seed}: undo restores every claim"
    );
    assert_eq!(
        ws.sources, opened.sources,
        "seed {seed}: undo restores the library"
    );
    assert_eq!(ws.articles.len(), opened.articles.len());
    steps
}

#[test]
fn random_input_on_the_sample_never_panics_and_undoes_cleanly() {
    let changes: usize = [1, 7, 42]
        .into_iter()
        .map(|seed| random_session(seed, factbench::sample::sample_workspace()))
        .sum();
    assert!(changes > 0, "the random input changed something to undo");
}

#[test]
fn random_input_on_mixed_scripts_never_panics() {
    let ws = factbench::sample::generated_workspace(2, 20_000, 60);
    random_session(99, ws);
}
