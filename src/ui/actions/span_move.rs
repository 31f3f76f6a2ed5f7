//! Moving one end of a claim's quote from the keyboard: the eight
//! [`SpanMove`]s, their labels, help and shortcuts.

use super::keys::{ALT, ALT_SHIFT, COMMAND_ALT, COMMAND_ALT_SHIFT, key};
use crate::text::{SpanEnd, Step};
use egui::{Key, KeyboardShortcut};

/// One step of one end of a claim's quote: Alt+arrows move its start,
/// Alt+Shift+arrows its end, by a character; with Ctrl, by a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpanMove {
    pub end: SpanEnd,
    pub step: Step,
    /// Towards the text's end (right, in left-to-right text).
    pub forward: bool,
}

impl SpanMove {
    const fn new(end: SpanEnd, step: Step, forward: bool) -> Self {
        SpanMove { end, step, forward }
    }

    /// Every move, in the order Help lists them.
    pub const ALL: [SpanMove; 8] = [
        SpanMove::new(SpanEnd::Start, Step::Char, false),
        SpanMove::new(SpanEnd::Start, Step::Char, true),
        SpanMove::new(SpanEnd::End, Step::Char, false),
        SpanMove::new(SpanEnd::End, Step::Char, true),
        SpanMove::new(SpanEnd::Start, Step::Word, false),
        SpanMove::new(SpanEnd::Start, Step::Word, true),
        SpanMove::new(SpanEnd::End, Step::Word, false),
        SpanMove::new(SpanEnd::End, Step::Word, true),
    ];

    pub(super) fn label(self) -> String {
        let which = match self.end {
            SpanEnd::Start => "starts",
            SpanEnd::End => "ends",
        };
        let unit = match self.step {
            Step::Char => "character",
            Step::Word => "word",
        };
        let way = if self.forward { "later" } else { "earlier" };
        format!("Quote {which} a {unit} {way}")
    }

    pub(super) fn help(self) -> &'static str {
        let widens = (self.end == SpanEnd::End) == self.forward;
        match (widens, self.step) {
            (true, Step::Char) => "Widen the selected claim's quote by one character",
            (false, Step::Char) => "Narrow the selected claim's quote by one character",
            (true, Step::Word) => "Widen the selected claim's quote by one word",
            (false, Step::Word) => "Narrow the selected claim's quote by one word",
        }
    }

    pub(super) fn shortcut(self) -> Option<KeyboardShortcut> {
        let modifiers = match (self.end, self.step) {
            (SpanEnd::Start, Step::Char) => ALT,
            (SpanEnd::End, Step::Char) => ALT_SHIFT,
            (SpanEnd::Start, Step::Word) => COMMAND_ALT,
            (SpanEnd::End, Step::Word) => COMMAND_ALT_SHIFT,
        };
        let arrow = if self.forward {
            Key::ArrowRight
        } else {
            Key::ArrowLeft
        };
        key(modifiers, arrow)
    }
}
