//! Arabic joining without a shaping engine: each Arabic letter becomes the
//! Arabic Presentation Form (Unicode blocks FB50–FDFF and FE70–FEFF) of
//! its place in the word — isolated, final, initial or medial — after the
//! joining rules of Unicode's `ArabicShaping.txt` (dual-joining letters
//! join both sides, right-joining ones only to the letter before them,
//! marks are transparent, tatweel and ZWJ join, ZWNJ and anything else
//! breaks), and lam followed by an alef becomes the lam-alef ligature.
//!
//! This is what the reader draws Arabic, Persian and Urdu with (see
//! `docs/rtl.md`): every form here has a glyph in the bundled Noto Sans
//! Arabic (a test in `ui::fonts` checks), and each drawn unit maps back to
//! known logical chars. Letters with no presentation form (some rare
//! letters of the Arabic Supplement and Extended blocks) are drawn in
//! their isolated shape and break the joining around them.

/// The place of a letter in a joined word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    Isolated,
    Final,
    Initial,
    Medial,
}

/// Every form, in the order the presentation-form blocks list them.
pub const ALL_FORMS: [Form; 4] = [Form::Isolated, Form::Final, Form::Initial, Form::Medial];

/// How a char joins its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joining {
    /// Joins the letter before and the letter after.
    Dual,
    /// Joins the letter before only.
    Right,
    /// Tatweel and ZWJ: joins both sides, never changes shape.
    Causing,
    /// Marks: skipped when looking for neighbours.
    Transparent,
    None,
}

/// The letters of the basic Arabic block that have presentation forms,
/// in the order of the FE81.. block, with whether they are dual-joining.
const BASIC: [(char, bool); 35] = [
    ('\u{0622}', false),
    ('\u{0623}', false),
    ('\u{0624}', false),
    ('\u{0625}', false),
    ('\u{0626}', true),
    ('\u{0627}', false),
    ('\u{0628}', true),
    ('\u{0629}', false),
    ('\u{062A}', true),
    ('\u{062B}', true),
    ('\u{062C}', true),
    ('\u{062D}', true),
    ('\u{062E}', true),
    ('\u{062F}', false),
    ('\u{0630}', false),
    ('\u{0631}', false),
    ('\u{0632}', false),
    ('\u{0633}', true),
    ('\u{0634}', true),
    ('\u{0635}', true),
    ('\u{0636}', true),
    ('\u{0637}', true),
    ('\u{0638}', true),
    ('\u{0639}', true),
    ('\u{063A}', true),
    ('\u{0641}', true),
    ('\u{0642}', true),
    ('\u{0643}', true),
    ('\u{0644}', true),
    ('\u{0645}', true),
    ('\u{0646}', true),
    ('\u{0647}', true),
    ('\u{0648}', false),
    ('\u{0649}', false),
    ('\u{064A}', true),
];

/// Persian and Urdu letters: the letter and the first of its forms in
/// Presentation Forms-A (isolated, final, then initial and medial when
/// dual-joining), and whether it is dual-joining.
const EXTENDED: [(char, u32, bool); 15] = [
    ('\u{0671}', 0xFB50, false), // alef wasla
    ('\u{067E}', 0xFB56, true),  // peh
    ('\u{0679}', 0xFB66, true),  // tteh
    ('\u{06A4}', 0xFB6A, true),  // veh
    ('\u{0686}', 0xFB7A, true),  // tcheh
    ('\u{0688}', 0xFB88, false), // ddal
    ('\u{0698}', 0xFB8A, false), // jeh
    ('\u{0691}', 0xFB8C, false), // rreh
    ('\u{06A9}', 0xFB8E, true),  // keheh
    ('\u{06AF}', 0xFB92, true),  // gaf
    ('\u{06BA}', 0xFB9E, false), // noon ghunna (its two forms only)
    ('\u{06C0}', 0xFBA4, false), // heh with yeh above
    ('\u{06C1}', 0xFBA6, true),  // heh goal
    ('\u{06BE}', 0xFBAA, true),  // heh doachashmee
    ('\u{06CC}', 0xFBFC, true),  // Farsi yeh
];

/// Right-joining Urdu letters whose two forms follow each other.
const EXTENDED_RIGHT: [(char, u32); 2] = [('\u{06D2}', 0xFBAE), ('\u{06D3}', 0xFBB0)];

/// The first presentation form of `c` (its isolated form) and whether it
/// has the two more of a dual-joining letter.
fn forms_of(c: char) -> Option<(u32, bool)> {
    if c == '\u{0621}' {
        return Some((0xFE80, false));
    }
    let mut next = 0xFE81;
    for (letter, dual) in BASIC {
        if letter == c {
            return Some((next, dual));
        }
        next += if dual { 4 } else { 2 };
    }
    EXTENDED
        .iter()
        .find(|(letter, _, _)| *letter == c)
        .map(|&(_, first, dual)| (first, dual))
        .or_else(|| {
            EXTENDED_RIGHT
                .iter()
                .find(|(letter, _)| *letter == c)
                .map(|&(_, first)| (first, false))
        })
}

/// The presentation form of letter `c` in `form`; `None` when `c` has no
/// such form (a right-joining letter has no initial or medial form, hamza
/// only an isolated one).
pub fn presentation_form(c: char, form: Form) -> Option<char> {
    let (first, dual) = forms_of(c)?;
    if c == '\u{0621}' && form != Form::Isolated {
        return None;
    }
    let step = match form {
        Form::Isolated => 0,
        Form::Final => 1,
        Form::Initial if dual => 2,
        Form::Medial if dual => 3,
        _ => return None,
    };
    char::from_u32(first + step)
}

fn joining(c: char) -> Joining {
    match c {
        '\u{0640}' | '\u{200D}' => Joining::Causing,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'
        | '\u{06E8}'
        | '\u{06EA}'..='\u{06ED}' => Joining::Transparent,
        '\u{0621}' => Joining::None,
        _ => match forms_of(c) {
            Some((_, true)) => Joining::Dual,
            Some((_, false)) => Joining::Right,
            None => Joining::None,
        },
    }
}

/// Whether `c` is an Arabic mark drawn over or under the letter before it.
pub fn is_arabic_mark(c: char) -> bool {
    joining(c) == Joining::Transparent
}

/// The alefs lam joins into a ligature with, and the isolated form of each
/// ligature (the final form is the next code point).
const LAM_ALEF: [(char, u32); 4] = [
    ('\u{0622}', 0xFEF5),
    ('\u{0623}', 0xFEF7),
    ('\u{0625}', 0xFEF9),
    ('\u{0627}', 0xFEFB),
];

/// The lam-alef ligature of lam followed by `alef`, isolated or final
/// (when the lam joins the letter before it).
pub fn lam_alef(alef: char, joins_before: bool) -> Option<char> {
    let (_, first) = LAM_ALEF.iter().find(|(a, _)| *a == alef)?;
    char::from_u32(first + u32::from(joins_before))
}

/// The form each char of `chars` takes in its context: `Some(form)` for a
/// letter that has presentation forms, `None` for anything else.
pub fn contextual_forms(chars: &[char]) -> Vec<Option<Form>> {
    let kinds: Vec<Joining> = chars.iter().map(|c| joining(*c)).collect();
    let neighbour = |from: usize, forward: bool| -> Joining {
        let mut i = from;
        loop {
            if forward {
                i += 1;
                if i >= kinds.len() {
                    return Joining::None;
                }
            } else {
                if i == 0 {
                    return Joining::None;
                }
                i -= 1;
            }
            if kinds[i] != Joining::Transparent {
                return kinds[i];
            }
        }
    };
    let mut forms = Vec::with_capacity(chars.len());
    for (i, kind) in kinds.iter().enumerate() {
        let joins_before = matches!(neighbour(i, false), Joining::Dual | Joining::Causing);
        let form = match kind {
            Joining::Dual | Joining::Right => {
                let joins_after = *kind == Joining::Dual
                    && matches!(
                        neighbour(i, true),
                        Joining::Dual | Joining::Right | Joining::Causing
                    );
                Some(match (joins_before, joins_after) {
                    (true, true) => Form::Medial,
                    (true, false) => Form::Final,
                    (false, true) => Form::Initial,
                    (false, false) => Form::Isolated,
                })
            }
            _ => None,
        };
        forms.push(form);
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shaped(text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let forms = contextual_forms(&chars);
        chars
            .iter()
            .zip(forms)
            .map(|(c, form)| form.and_then(|f| presentation_form(*c, f)).unwrap_or(*c))
            .collect()
    }

    #[test]
    fn the_forms_follow_the_presentation_blocks() {
        assert_eq!(presentation_form('ء', Form::Isolated), Some('\u{FE80}'));
        assert_eq!(presentation_form('ء', Form::Final), None);
        assert_eq!(presentation_form('آ', Form::Final), Some('\u{FE82}'));
        assert_eq!(presentation_form('ب', Form::Isolated), Some('\u{FE8F}'));
        assert_eq!(presentation_form('ب', Form::Medial), Some('\u{FE92}'));
        assert_eq!(presentation_form('د', Form::Initial), None, "right-joining");
        assert_eq!(presentation_form('ع', Form::Initial), Some('\u{FECB}'));
        assert_eq!(presentation_form('ل', Form::Initial), Some('\u{FEDF}'));
        assert_eq!(presentation_form('ي', Form::Medial), Some('\u{FEF4}'));
        assert_eq!(presentation_form('گ', Form::Medial), Some('\u{FB95}'));
        assert_eq!(presentation_form('ی', Form::Final), Some('\u{FBFD}'));
        assert_eq!(presentation_form('ے', Form::Final), Some('\u{FBAF}'));
        assert_eq!(presentation_form('a', Form::Isolated), None);
        assert_eq!(lam_alef('ا', false), Some('\u{FEFB}'));
        assert_eq!(lam_alef('أ', true), Some('\u{FEF8}'));
        assert_eq!(lam_alef('ب', true), None);
    }

    #[test]
    fn words_join_by_their_letters() {
        // مرحبا: meem initial, reh final (right-joining), hah initial,
        // beh medial, alef final.
        assert_eq!(shaped("مرحبا"), "\u{FEE3}\u{FEAE}\u{FEA3}\u{FE92}\u{FE8E}");
        // عدد: ain initial, dal final, dal isolated (dal joins nothing after it).
        assert_eq!(shaped("عدد"), "\u{FECB}\u{FEAA}\u{FEA9}");
        // Marks are transparent: beh still joins the alef past the fatha.
        assert_eq!(shaped("بَا"), "\u{FE91}\u{064E}\u{FE8E}");
        // ZWNJ breaks the join (Persian می‌خواهم), tatweel keeps it.
        assert_eq!(shaped("می\u{200C}خ"), "\u{FEE3}\u{FBFD}\u{200C}\u{FEA5}");
        assert_eq!(shaped("بـب"), "\u{FE91}\u{0640}\u{FE90}");
        // Latin and spaces break words; digits too.
        assert_eq!(shaped("ب ب1ب"), "\u{FE8F} \u{FE8F}1\u{FE8F}");
    }
}
