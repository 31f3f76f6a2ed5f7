//! The three-way merge of a text line by line, as git's merge does it, with
//! a bound on its time: each side's changes against the base are found by
//! a line diff ([`similar`]'s Myers) that stops at a deadline, and are
//! applied together when no change of one side overlaps or touches a
//! change of the other.
//!
//! A diff cut short by its deadline is still a true diff, only coarser (the
//! part it did not finish is one replaced block), so a merge from it is
//! still right; it merely finds an overlap, a conflict on the whole text,
//! where a finished diff might have found none. That is what happens to a
//! rewrite of a long text on one side: a conflict, within the budget.

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::ops::Range;
use std::time::{Duration, Instant};

/// How long all the text merges of one workspace merge may take together.
const TOTAL: Duration = Duration::from_millis(250);
/// How long each text merge may take once that is spent (a small text
/// finishes well within it).
const EACH: Duration = Duration::from_millis(2);

/// The time the text merges of one workspace merge may take.
#[derive(Clone, Copy, Debug)]
pub(super) struct TextBudget {
    until: Instant,
}

impl TextBudget {
    /// A budget starting now.
    pub fn start() -> Self {
        TextBudget {
            until: Instant::now() + TOTAL,
        }
    }

    /// When the next text merge must stop diffing.
    fn deadline(self) -> Instant {
        self.until.max(Instant::now() + EACH)
    }
}

/// [`merge_lines`] within `budget`.
pub(super) fn merge_within(
    base: &str,
    ours: &str,
    theirs: &str,
    budget: TextBudget,
) -> Option<String> {
    merge_lines(base, ours, theirs, budget.deadline())
}

/// One side's change: base lines `base` replaced by the side's lines `side`.
#[derive(Clone, Debug, PartialEq)]
struct Change {
    base: Range<usize>,
    side: Range<usize>,
}

/// A change with the lines it puts in.
#[derive(Clone, Copy)]
struct Placed<'a> {
    base: (usize, usize),
    lines: &'a [&'a str],
}

/// The merged text, or `None` when the two sides' changes overlap.
fn merge_lines(base: &str, ours: &str, theirs: &str, deadline: Instant) -> Option<String> {
    let (b, o, t) = (split_lines(base), split_lines(ours), split_lines(theirs));
    let ours_changes = placed(&o, changes(&b, &o, deadline));
    let theirs_changes = placed(&t, changes(&b, &t, deadline));
    let merged = combine(ours_changes, theirs_changes)?;
    Some(apply(&b, &merged))
}

/// The lines of `text`, each with its `\n` (the last may have none).
fn split_lines(text: &str) -> Vec<&str> {
    text.split_inclusive('\n').collect()
}

/// The blocks of `side` that differ from `base`, in base order.
fn changes(base: &[&str], side: &[&str], deadline: Instant) -> Vec<Change> {
    let ops = capture_diff_slices_deadline(Algorithm::Myers, base, side, Some(deadline));
    let mut out: Vec<Change> = Vec::new();
    for op in ops {
        if let DiffOp::Equal { .. } = op {
            continue;
        }
        let (old, new) = (op.old_range(), op.new_range());
        match out.last_mut() {
            // Edits next to each other (a delete, then an insert) are one change.
            Some(last) if last.base.end == old.start && last.side.end == new.start => {
                last.base.end = old.end;
                last.side.end = new.end;
            }
            _ => out.push(Change {
                base: old,
                side: new,
            }),
        }
    }
    out
}

fn placed<'a>(side: &'a [&'a str], changes: Vec<Change>) -> Vec<Placed<'a>> {
    changes
        .into_iter()
        .map(|c| Placed {
            base: (c.base.start, c.base.end),
            lines: &side[c.side],
        })
        .collect()
}

/// Both sides' changes in base order, or `None` when one of ours overlaps
/// or touches one of theirs (the same change made on both sides is taken
/// once).
fn combine<'a>(ours: Vec<Placed<'a>>, theirs: Vec<Placed<'a>>) -> Option<Vec<Placed<'a>>> {
    let mut out = Vec::with_capacity(ours.len() + theirs.len());
    let (mut o, mut t) = (ours.into_iter().peekable(), theirs.into_iter().peekable());
    loop {
        let next = match (o.peek().copied(), t.peek().copied()) {
            (None, None) => return Some(out),
            (Some(_), None) => o.next(),
            (None, Some(_)) => t.next(),
            (Some(a), Some(b)) if a.base == b.base && a.lines == b.lines => {
                t.next();
                o.next()
            }
            (Some(a), Some(b)) if collide(a.base, b.base) => return None,
            (Some(a), Some(b)) if a.base.0 < b.base.0 => o.next(),
            (Some(_), Some(_)) => t.next(),
        };
        out.extend(next);
    }
}

/// Whether two changed base ranges overlap or touch (an insertion counts
/// as touching the lines on either side of it).
fn collide(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// The base with `changes` (in base order, not overlapping) applied.
fn apply(base: &[&str], changes: &[Placed<'_>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for change in changes {
        base[at..change.base.0].iter().for_each(|l| out.push_str(l));
        change.lines.iter().for_each(|l| out.push_str(l));
        at = change.base.1;
    }
    base[at..].iter().for_each(|l| out.push_str(l));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soon() -> Instant {
        Instant::now() + Duration::from_secs(5)
    }

    #[test]
    fn changes_in_different_paragraphs_are_both_kept() {
        let base = "Первый абзац.\n\n中文段落。\n\nLast 👋🏽 line";
        let ours = "Первый абзац, исправлен.\n\n中文段落。\n\nLast 👋🏽 line";
        let theirs = "Первый абзац.\n\n中文段落。\n\nLast 👋🏽 line e\u{301}\n";
        let merged = merge_lines(base, ours, theirs, soon());
        assert_eq!(
            merged.as_deref(),
            Some("Первый абзац, исправлен.\n\n中文段落。\n\nLast 👋🏽 line e\u{301}\n")
        );
    }

    #[test]
    fn changes_to_the_same_or_neighbouring_lines_conflict_unless_identical() {
        let base = "a\nb\nc\n";
        assert_eq!(merge_lines(base, "a\nB\nc\n", "a\nb\nC\n", soon()), None);
        assert_eq!(merge_lines(base, "a\nX\nc\n", "a\nY\nc\n", soon()), None);
        assert_eq!(
            merge_lines(base, "a\nX\nc\n", "a\nX\nc\n", soon()).as_deref(),
            Some("a\nX\nc\n")
        );
        assert_eq!(
            merge_lines(base, "A\nb\nc\n", "a\nb\nC\n", soon()).as_deref(),
            Some("A\nb\nC\n")
        );
    }

    #[test]
    fn a_side_that_changed_nothing_gives_the_other_side() {
        let base = "one\ntwo\nthree";
        let changed = "zero\none\nthree\nfour";
        assert_eq!(
            merge_lines(base, base, changed, soon()).as_deref(),
            Some(changed)
        );
        assert_eq!(
            merge_lines(base, changed, base, soon()).as_deref(),
            Some(changed)
        );
    }

    #[test]
    fn a_deadline_already_past_gives_a_conflict_never_a_wrong_text() {
        let base: String = (0..2_000).map(|n| format!("line {n}\n")).collect();
        let rewrite: String = (0..2_000).map(|n| format!("строка {}\n", n * 7)).collect();
        let fix = base.replacen("line 1000\n", "line 1000 fixed\n", 1);
        let past = Instant::now();
        assert_eq!(merge_lines(&base, &rewrite, &fix, past), None);
        // With time to finish, a change far from the other's is merged.
        let far = base.replacen("line 5\n", "line five\n", 1);
        assert_eq!(
            merge_lines(&base, &far, &fix, soon()),
            Some(far.replacen("line 1000\n", "line 1000 fixed\n", 1))
        );
    }
}
