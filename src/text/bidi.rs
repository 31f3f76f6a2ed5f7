//! Right-to-left paragraphs, as plain logic: the Unicode Bidirectional
//! Algorithm's embedding levels (from the `unicode-bidi` crate, the
//! paragraph's direction taken from its first strong character), the units
//! a paragraph is drawn in, each one's place on a line (rule L1's trailing
//! whitespace, rule L2's reversals) and the caret stops of a line from left
//! to right. The reader (`ui::panels::reader`) measures the units and
//! draws them; everything it keeps and reports stays in logical char
//! offsets.
//!
//! A *unit* is what the window draws as one piece and hit-tests as one
//! box: one grapheme cluster at a right-to-left level (Arabic letters in
//! their contextual presentation form, lam followed by alef as one
//! ligature covering both, brackets mirrored), or a run of clusters at a
//! left-to-right level made only of characters below the Hebrew block
//! (Latin, digits, spaces, punctuation), drawn as written, one glyph per
//! char. Anything else (Arabic-Indic digits, CJK…) is a unit per cluster.
//! A paragraph with no right-to-left character never comes here.

use super::arabic::{Form, contextual_forms, lam_alef, presentation_form};
use std::ops::Range;
use unicode_bidi::{BidiClass, BidiInfo, bidi_class};
use unicode_segmentation::UnicodeSegmentation;

/// Whether `text` has a character that makes it need the bidi step: a
/// char of a right-to-left script (letters, but also Arabic-Indic digits,
/// which egui's shaper would otherwise run right to left on its own), or
/// an explicit right-to-left embedding, override or isolate. A text with
/// no byte from U+0590 on is answered without decoding.
pub fn has_rtl(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xD6)
        && text.chars().any(|c| {
            matches!(c,
                '\u{0590}'..='\u{08FF}'
                | '\u{FB1D}'..='\u{FDFF}'
                | '\u{FE70}'..='\u{FEFF}'
                | '\u{10800}'..='\u{10FFF}'
                | '\u{1E800}'..='\u{1EFFF}')
                || matches!(
                    bidi_class(c),
                    BidiClass::R | BidiClass::AL | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
                )
        })
}

/// Whether a paragraph of `text` runs right to left as a whole: its first
/// strong character is right to left (rules P2–P3; none → left to right).
pub fn is_rtl_paragraph(text: &str) -> bool {
    has_rtl(text) && unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// One drawn piece of a paragraph (see the module's doc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The paragraph's chars it stands for.
    pub logical: Range<usize>,
    /// What is drawn, in logical order (a right-to-left unit is one
    /// cluster, so there is no order within it to speak of).
    pub display: String,
    /// Its bidi embedding level (odd: right to left).
    pub level: u8,
    /// A run of left-to-right chars drawn as written, one glyph per char
    /// (`display` is then exactly the chars of `logical`).
    pub run: bool,
}

impl Unit {
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// A paragraph ready to be drawn in visual order.
#[derive(Clone, Debug)]
pub struct BidiParagraph {
    /// Right to left as a whole (its lines are aligned to the right).
    pub rtl: bool,
    /// The units in logical order.
    pub units: Vec<Unit>,
    /// Whitespace per char (rule L1 puts trailing whitespace at the
    /// paragraph's level).
    spaces: Vec<bool>,
}

impl BidiParagraph {
    /// Levels and units of one paragraph's text (with no paragraph break in it).
    pub fn new(text: &str) -> Self {
        let info = BidiInfo::new(text, None);
        let rtl = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
        let chars: Vec<char> = text.chars().collect();
        let levels: Vec<u8> = text
            .char_indices()
            .map(|(byte, _)| info.levels[byte].number())
            .collect();
        let spaces = chars.iter().map(|c| c.is_whitespace()).collect();
        let units = units_of(text, &chars, &levels);
        BidiParagraph { rtl, units, spaces }
    }

    /// The paragraph's own level.
    fn base_level(&self) -> u8 {
        u8::from(self.rtl)
    }

    /// The units of the line holding chars `line`, in visual order from
    /// left to right; a run cut by the line's ends is cut too.
    pub fn line(&self, line: Range<usize>) -> Vec<Unit> {
        let first = self.units.partition_point(|u| u.logical.end <= line.start);
        let mut units: Vec<Unit> = self.units[first..]
            .iter()
            .take_while(|u| u.logical.start < line.end)
            .map(|u| clipped(u, &line))
            .collect();
        // L1: whitespace at the end of the line takes the paragraph's level.
        let base = self.base_level();
        self.split_trailing_space(&mut units);
        for unit in units.iter_mut().rev() {
            let all_space = unit.logical.clone().all(|i| self.spaces[i]);
            if !all_space {
                break;
            }
            unit.level = base;
        }
        let order = visual_order(&units.iter().map(|u| u.level).collect::<Vec<_>>());
        order.into_iter().map(|i| units[i].clone()).collect()
    }
}

impl BidiParagraph {
    /// A run ending the line with whitespace gives up that whitespace, a
    /// unit per char, so that rule L1 can move it.
    fn split_trailing_space(&self, units: &mut Vec<Unit>) {
        let Some(last) = units.last_mut() else {
            return;
        };
        if !last.run {
            return;
        }
        let mut end = last.logical.end;
        while end > last.logical.start + 1 && self.spaces[end - 1] {
            end -= 1;
        }
        if end == last.logical.end {
            return;
        }
        let spaces: Vec<Unit> = (end..last.logical.end)
            .zip(last.display.chars().skip(end - last.logical.start))
            .map(|(at, c)| Unit {
                logical: at..at + 1,
                display: c.to_string(),
                level: last.level,
                run: false,
            })
            .collect();
        last.display = last
            .display
            .chars()
            .take(end - last.logical.start)
            .collect();
        last.logical.end = end;
        units.extend(spaces);
    }
}

/// `unit` cut to the chars of `line` (only a run can straddle a line end).
fn clipped(unit: &Unit, line: &Range<usize>) -> Unit {
    if !unit.run || (unit.logical.start >= line.start && unit.logical.end <= line.end) {
        return unit.clone();
    }
    let start = unit.logical.start.max(line.start);
    let end = unit.logical.end.min(line.end);
    let display = unit
        .display
        .chars()
        .skip(start - unit.logical.start)
        .take(end - start)
        .collect();
    Unit {
        logical: start..end,
        display,
        ..unit.clone()
    }
}

/// Rule L2: the indices of items with these levels, in visual order from
/// left to right — from the highest level down to the lowest odd one,
/// every maximal sequence at that level or above is reversed.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&highest) = levels.iter().max() else {
        return order;
    };
    // The lowest odd level at or above the lowest level present.
    let lowest_odd = levels.iter().min().map_or(1, |l| l | 1);
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < order.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
    }
    order
}

/// What a caret stands beside on screen: one unit, or one char of a run,
/// with the logical chars it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaretBox {
    pub logical: Range<usize>,
    pub rtl: bool,
}

impl CaretBox {
    /// The logical offsets at its left and right edges on screen.
    pub fn edges(&self) -> (usize, usize) {
        if self.rtl {
            (self.logical.end, self.logical.start)
        } else {
            (self.logical.start, self.logical.end)
        }
    }
}

/// The boxes of a line drawn as `units` (left to right): a unit each, a
/// char each for a run.
pub fn caret_boxes(units: &[Unit]) -> Vec<CaretBox> {
    let mut boxes = Vec::new();
    for unit in units {
        if unit.run {
            boxes.extend(unit.logical.clone().map(|c| CaretBox {
                logical: c..c + 1,
                rtl: unit.is_rtl(),
            }));
        } else {
            boxes.push(CaretBox {
                logical: unit.logical.clone(),
                rtl: unit.is_rtl(),
            });
        }
    }
    boxes
}

/// Where on a line the caret at logical offset `at` is drawn: the index
/// of the box boundary (0 is the left edge of the first box, `n` the right
/// edge of the last). The caret stands at the leading edge of the char
/// after it (the right edge of a right-to-left char), or at the line's
/// end, at the trailing edge of the char before it. `None` when `at` is
/// not on the line or falls inside a box (inside a ligature).
pub fn caret_boundary(boxes: &[CaretBox], at: usize) -> Option<usize> {
    if let Some(i) = boxes.iter().position(|b| b.logical.contains(&at)) {
        let b = &boxes[i];
        return match (b.logical.start == at, b.rtl) {
            (false, _) => None,
            (true, true) => Some(i + 1),
            (true, false) => Some(i),
        };
    }
    let i = boxes.iter().position(|b| b.logical.end == at)?;
    Some(if boxes[i].rtl { i } else { i + 1 })
}

/// The caret stops of a line, from left to right: every logical offset
/// from `line.start` to `line.end` (that last one only when `with_end`,
/// on a paragraph's last line; otherwise it belongs to the next line) at
/// the boundary [`caret_boundary`] draws it at. Each offset is there once,
/// so stepping through them never loops and reaches every one.
pub fn caret_stops(boxes: &[CaretBox], line: Range<usize>, with_end: bool) -> Vec<usize> {
    let last = if with_end { line.end + 1 } else { line.end };
    let mut stops: Vec<(usize, usize)> = (line.start..last)
        .filter_map(|at| caret_boundary(boxes, at).map(|b| (b, at)))
        .collect();
    stops.sort_unstable();
    stops.into_iter().map(|(_, at)| at).collect()
}

/// One caret step on screen from logical offset `at`, to the left or to
/// the right, over a line's caret stops; `None` at the line's edge (or
/// when `at` is not on the line).
pub fn visual_step(stops: &[usize], at: usize, left: bool) -> Option<usize> {
    let i = stops.iter().position(|s| *s == at)?;
    if left {
        i.checked_sub(1).map(|j| stops[j])
    } else {
        stops.get(i + 1).copied()
    }
}

/// Whether egui puts `c` in the same font run as the right-to-left
/// letters beside it (the chars only the bundled Arabic and Hebrew fonts
/// have, and the joiners that extend their clusters).
fn in_rtl_run(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{200C}'
        | '\u{200D}')
}

/// `text` put in the order egui's own layout draws correctly, for labels
/// that only show text (a title, a claim's statement in a list): egui
/// shapes each right-to-left word itself and draws it right to left, but
/// keeps words in logical order; this reorders, line by line, the words
/// and what lies between them (numbers and Latin names keeping their own
/// order, brackets mirrored) and leaves each right-to-left word as
/// written. Borrowed when there is nothing to reorder. Not for text a
/// user edits or copies: the result is no longer in logical order.
pub fn display_order(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_rtl(text) {
        return std::borrow::Cow::Borrowed(text);
    }
    let lines: Vec<String> = text.split('\n').map(display_line).collect();
    std::borrow::Cow::Owned(lines.join("\n"))
}

/// One line of [`display_order`]: its chars in visual order (rule L1's
/// trailing whitespace, rule L2's reversals, brackets mirrored at odd
/// levels, bidi controls left out), then each stretch egui shapes as one
/// right-to-left run (the chars of [`in_rtl_run`]) turned back, since
/// egui draws that stretch right to left itself: an Arabic word goes to
/// egui as written, and Arabic-Indic digits (drawn left to right) go
/// reversed, so that egui shows ٢٤٥ as ٢٤٥.
fn display_line(line: &str) -> String {
    if !has_rtl(line) {
        return line.to_owned();
    }
    let info = BidiInfo::new(line, None);
    let base = info.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    let mut chars: Vec<char> = Vec::new();
    let mut levels: Vec<u8> = Vec::new();
    for (byte, c) in line.char_indices() {
        if super::is_bidi_control(c) {
            // Obeyed by the levels, drawn by no font.
            continue;
        }
        let level = info.levels[byte].number();
        chars.push(if level % 2 == 1 { mirrored(c) } else { c });
        levels.push(level);
    }
    // L1: trailing whitespace at the line's own level.
    for (c, level) in chars.iter().zip(levels.iter_mut()).rev() {
        if !c.is_whitespace() {
            break;
        }
        *level = u8::from(base);
    }
    let mut visual: Vec<char> = visual_order(&levels)
        .into_iter()
        .map(|i| chars[i])
        .collect();
    let mut at = 0;
    while at < visual.len() {
        let run = visual[at..].iter().take_while(|c| in_rtl_run(**c)).count();
        visual[at..at + run].reverse();
        at += run.max(1);
    }
    visual.into_iter().collect()
}

/// The units of a paragraph, in logical order.
fn units_of(text: &str, chars: &[char], levels: &[u8]) -> Vec<Unit> {
    let forms = contextual_forms(chars);
    let clusters: Vec<Range<usize>> = {
        let mut at = 0;
        text.graphemes(true)
            .map(|g| {
                let n = g.chars().count();
                at += n;
                at - n..at
            })
            .collect()
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut i = 0;
    while i < clusters.len() {
        let cluster = clusters[i].clone();
        let level = levels[cluster.start];
        let simple =
            level.is_multiple_of(2) && chars[cluster.clone()].iter().all(|c| *c < '\u{0590}');
        if simple {
            match units.last_mut() {
                Some(last) if last.run && last.level == level => {
                    last.logical.end = cluster.end;
                    last.display.extend(&chars[cluster]);
                }
                _ => units.push(Unit {
                    display: chars[cluster.clone()].iter().collect(),
                    logical: cluster,
                    level,
                    run: true,
                }),
            }
            i += 1;
            continue;
        }
        if let Some(unit) = ligature(chars, &forms, &clusters, i, level) {
            units.push(unit);
            i += 2;
            continue;
        }
        let display = chars[cluster.clone()]
            .iter()
            .zip(&forms[cluster.clone()])
            .map(|(c, form)| shown(*c, *form, level))
            .collect();
        units.push(Unit {
            logical: cluster,
            display,
            level,
            run: false,
        });
        i += 1;
    }
    units
}

/// A char as drawn: its presentation form, or mirrored at a
/// right-to-left level, or itself.
fn shown(c: char, form: Option<Form>, level: u8) -> char {
    if let Some(shaped) = form.and_then(|f| presentation_form(c, f)) {
        return shaped;
    }
    if level % 2 == 1 {
        return mirrored(c);
    }
    c
}

/// Cluster `i` (a lam) and the next (an alef) as one lam-alef ligature,
/// the marks of both kept after it.
fn ligature(
    chars: &[char],
    forms: &[Option<Form>],
    clusters: &[Range<usize>],
    i: usize,
    level: u8,
) -> Option<Unit> {
    let lam = clusters[i].clone();
    let alef = clusters.get(i + 1)?.clone();
    if chars[lam.start] != '\u{0644}' {
        return None;
    }
    let joins_before = matches!(forms[lam.start], Some(Form::Final | Form::Medial));
    let shape = lam_alef(chars[alef.start], joins_before)?;
    let mut display = String::from(shape);
    display.extend(&chars[lam.start + 1..lam.end]);
    display.extend(&chars[alef.start + 1..alef.end]);
    Some(Unit {
        logical: lam.start..alef.end,
        display,
        level,
        run: false,
    })
}

/// The mirror image of a bracket or quote sign drawn right to left.
fn mirrored(c: char) -> char {
    const PAIRS: [(char, char); 8] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⟨', '⟩'),
    ];
    for (a, b) in PAIRS {
        if c == a {
            return b;
        }
        if c == b {
            return a;
        }
    }
    c
}

#[cfg(test)]
#[path = "bidi_tests.rs"]
mod tests;
