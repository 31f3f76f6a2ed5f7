//! The keyboard side of the action table: the modifier sets shortcuts are
//! written with, the verdict digits, and reading this frame's input for the
//! actions whose shortcut was pressed.

use super::{Action, Scope};
use egui::{Key, KeyboardShortcut, Modifiers};

pub(super) const COMMAND: Modifiers = Modifiers::COMMAND;
pub(super) const COMMAND_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
pub(super) const NONE: Modifiers = Modifiers::NONE;
pub(super) const SHIFT: Modifiers = Modifiers::SHIFT;
pub(super) const ALT: Modifiers = Modifiers::ALT;
pub(super) const ALT_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::ALT
};
pub(super) const COMMAND_ALT: Modifiers = Modifiers {
    alt: true,
    ..Modifiers::COMMAND
};
pub(super) const COMMAND_ALT_SHIFT: Modifiers = Modifiers {
    alt: true,
    shift: true,
    ..Modifiers::COMMAND
};

pub(super) const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

/// The keys that give the selected claim the n-th verdict of the scale.
pub const VERDICT_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// The actions whose shortcut was pressed this frame, consuming the keys.
/// `typing` is whether a text field has the keyboard.
pub fn pressed(input: &mut egui::InputState, typing: bool) -> Vec<Action> {
    let mut pressed = Vec::new();
    // Longer shortcuts first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
    let mut actions: Vec<Action> = Action::all()
        .iter()
        .copied()
        .filter(|a| a.shortcut().is_some())
        .collect();
    actions.sort_by_key(|a| {
        std::cmp::Reverse(a.shortcut().map_or(0, |s| modifier_count(s.modifiers)))
    });
    for action in actions {
        if typing && action.scope() == Scope::Reading {
            continue;
        }
        if action.shortcuts().any(|s| input.consume_shortcut(&s)) {
            pressed.push(action);
        }
    }
    pressed
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.ctrl || m.command || m.mac_cmd) + u8::from(m.shift)
}

/// The n-th verdict key (0-based) pressed this frame, consuming it.
pub fn verdict_key_pressed(input: &mut egui::InputState, modifiers: Modifiers) -> Option<usize> {
    VERDICT_KEYS
        .iter()
        .position(|key| input.consume_key(modifiers, *key))
}
