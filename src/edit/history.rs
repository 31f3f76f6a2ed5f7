//! Undo and redo: a bounded list of steps, each an [`Edit`] that takes the
//! workspace across it, and the *state serial* of every state the history
//! can reach, so the document can tell whether it is back at the state it
//! last saved — even after the oldest steps were forgotten.

use super::change::Edit;
use super::vocabulary::FieldKey;
use std::collections::VecDeque;

/// The most undo steps kept; older ones are forgotten.
pub const MAX_UNDO_STEPS: usize = 2_000;

/// How long a pause (seconds) ends one typing step and starts the next.
pub const TYPING_PAUSE: f64 = 1.0;

/// Identifies one state of the document; no two states share one.
pub type StateSerial = u64;

/// One undo (or redo) step.
#[derive(Debug)]
struct Step {
    /// Applying this edit takes the document across the step.
    edit: Edit,
    /// The state this step leads to, going forwards (for undo steps: the
    /// state before undoing it).
    serial: StateSerial,
    /// Keystrokes in this field may still merge into this step.
    typing: Option<FieldKey>,
    /// When the step was last extended (seconds, from the caller's clock).
    at: f64,
    /// Its last keystroke left a space or punctuation at the end.
    gap: bool,
    /// What the step changed ("the verdict"), for *Undo …* and *Redo …*.
    what: String,
}

/// A step taken off a stack to be undone or redone: the edit to apply,
/// and what to hand back to [`History::undone`] or [`History::redone`].
#[derive(Debug)]
pub struct Taken {
    pub edit: Edit,
    pub step: StepInfo,
}

/// Which state a step leads to and what it changed.
#[derive(Debug)]
pub struct StepInfo {
    serial: StateSerial,
    what: String,
}

/// Typing that may merge into the last step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Keystroke {
    pub field: FieldKey,
    /// The change left a space or punctuation at the end. Typed after a
    /// word, it starts a new undo step, which the next word joins: a step
    /// is a word with the space before it, so undoing it leaves no space
    /// behind.
    pub ends_word: bool,
    /// The caller's clock, in seconds.
    pub at: f64,
}

impl Keystroke {
    /// Typing that left `text` in `field`.
    pub fn new(field: FieldKey, text: &str, at: f64) -> Self {
        let ends_word = text
            .chars()
            .next_back()
            .is_some_and(|c| c.is_whitespace() || c.is_ascii_punctuation());
        Keystroke {
            field,
            ends_word,
            at,
        }
    }
}

/// The undo and redo stacks.
#[derive(Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    /// The state below the oldest undo step still held.
    oldest: StateSerial,
    next_serial: StateSerial,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::with_limit(MAX_UNDO_STEPS)
    }
}

impl History {
    /// A history keeping at most `limit` undo steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            oldest: 0,
            next_serial: 1,
            limit: limit.max(1),
        }
    }

    /// The state the document is in now.
    pub fn current(&self) -> StateSerial {
        self.undo.back().map_or(self.oldest, |s| s.serial)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Records an applied change, given the edit that undoes it. Typing in
    /// the field the last step typed in, without a pause, merges into that
    /// step (unless `sealed` is that step's state: it was saved).
    pub fn record(
        &mut self,
        inverse: Edit,
        typing: Option<Keystroke>,
        sealed: StateSerial,
        what: String,
    ) {
        self.redo.clear();
        if let (Some(key), Some(top)) = (typing, self.undo.back_mut())
            && top.typing == Some(key.field)
            && key.at - top.at < TYPING_PAUSE
            && top.serial != sealed
            && (!key.ends_word || top.gap)
        {
            // A field's step inverse already restores the state before its
            // first keystroke, so this keystroke's inverse is not needed;
            // an edit of an article's text is undone before the earlier ones.
            if key.field.steps_compose() {
                prepend(&mut top.edit, inverse);
            }
            top.at = key.at;
            top.gap = key.ends_word;
            return;
        }
        let serial = self.next_serial;
        self.next_serial += 1;
        self.undo.push_back(Step {
            edit: inverse,
            serial,
            typing: typing.map(|k| k.field),
            at: typing.map_or(0.0, |k| k.at),
            gap: typing.is_some_and(|k| k.ends_word),
            what,
        });
        if self.undo.len() > self.limit
            && let Some(forgotten) = self.undo.pop_front()
        {
            self.oldest = forgotten.serial;
        }
    }

    /// Ends the typing step on top, so the next keystroke starts a new one.
    pub fn seal(&mut self) {
        if let Some(step) = self.undo.back_mut() {
            step.typing = None;
        }
    }

    /// What the next *Undo* undoes ("the verdict").
    pub fn undo_what(&self) -> Option<&str> {
        self.undo.back().map(|s| s.what.as_str())
    }

    /// What the next *Redo* redoes.
    pub fn redo_what(&self) -> Option<&str> {
        self.redo.last().map(|s| s.what.as_str())
    }

    /// Takes the edit that undoes the last step; hand its inverse to
    /// [`History::undone`].
    pub fn take_undo(&mut self) -> Option<Taken> {
        self.undo.pop_back().map(Step::taken)
    }

    /// Keeps the edit that redoes a step just undone.
    pub fn undone(&mut self, redo: Edit, step: StepInfo) {
        self.redo.push(Step::settled(redo, step));
    }

    /// Takes the edit that redoes the last undone step; hand its inverse to
    /// [`History::redone`].
    pub fn take_redo(&mut self) -> Option<Taken> {
        self.redo.pop().map(Step::taken)
    }

    /// Keeps the edit that undoes a step just redone.
    pub fn redone(&mut self, undo: Edit, step: StepInfo) {
        self.undo.push_back(Step::settled(undo, step));
    }
}

impl Step {
    fn taken(self) -> Taken {
        Taken {
            edit: self.edit,
            step: StepInfo {
                serial: self.serial,
                what: self.what,
            },
        }
    }

    /// A step that no keystroke merges into any more.
    fn settled(edit: Edit, step: StepInfo) -> Step {
        Step {
            edit,
            serial: step.serial,
            typing: None,
            at: 0.0,
            gap: false,
            what: step.what,
        }
    }
}

/// Makes `step` undo `first` before what it undid already.
fn prepend(step: &mut Edit, first: Edit) {
    match step {
        Edit::Group(edits) => edits.insert(0, first),
        _ => {
            let earlier = std::mem::replace(step, Edit::NOTHING);
            *step = Edit::Group(vec![first, earlier]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(history: &mut History) {
        history.record(Edit::NOTHING, None, StateSerial::MAX, String::new());
    }

    #[test]
    fn forgetting_the_oldest_step_moves_the_bottom_state() {
        let mut history = History::with_limit(3);
        let opened = history.current();
        for _ in 0..5 {
            step(&mut history);
        }
        assert_eq!(history.undo_len(), 3);
        while let Some(Taken { edit, step }) = history.take_undo() {
            history.undone(edit, step);
        }
        assert_ne!(
            history.current(),
            opened,
            "two changes are no longer undoable, so this is not the opened state"
        );
        while let Some(Taken { edit, step }) = history.take_redo() {
            history.redone(edit, step);
        }
        assert_eq!(history.undo_len(), 3);
    }

    #[test]
    fn every_state_has_its_own_serial() {
        let mut history = History::default();
        let mut seen = vec![history.current()];
        for _ in 0..3 {
            step(&mut history);
            seen.push(history.current());
        }
        let taken = history.take_undo().unwrap();
        history.undone(taken.edit, taken.step);
        assert_eq!(history.current(), seen[2]);
        step(&mut history);
        assert!(
            !seen.contains(&history.current()),
            "a new branch is a new state"
        );
    }

    #[test]
    fn undo_and_redo_say_what_they_take_back() {
        let mut history = History::default();
        history.record(Edit::NOTHING, None, StateSerial::MAX, "the verdict".into());
        history.record(
            Edit::NOTHING,
            None,
            StateSerial::MAX,
            "marking a claim".into(),
        );
        assert_eq!(history.undo_what(), Some("marking a claim"));
        let taken = history.take_undo().unwrap();
        history.undone(taken.edit, taken.step);
        assert_eq!(history.undo_what(), Some("the verdict"));
        assert_eq!(history.redo_what(), Some("marking a claim"));
        let taken = history.take_redo().unwrap();
        history.redone(taken.edit, taken.step);
        assert_eq!(history.undo_what(), Some("marking a claim"));
        assert_eq!(history.redo_what(), None);
    }
}
