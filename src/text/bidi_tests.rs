//! The bidi layout on the strings the issue measured failing, and on
//! mixed and wrapped lines.

use super::*;

fn visual_text(units: &[Unit]) -> String {
    units.iter().map(|u| u.display.as_str()).collect()
}

fn starts(units: &[Unit]) -> Vec<usize> {
    units.iter().map(|u| u.logical.start).collect()
}

/// The grapheme clusters a reader sees (lam-alef counted once).
fn visible_clusters(text: &str) -> usize {
    let clusters = text.graphemes(true).count();
    let ligatures = text.matches("لا").count() + text.matches("لأ").count();
    clusters - ligatures
}

/// Every offset of a one-line paragraph is a caret stop exactly once, and
/// stepping right from the leftmost stop visits them all.
fn assert_round_trip(text: &str) {
    let paragraph = BidiParagraph::new(text);
    let len = text.chars().count();
    let line = paragraph.line(0..len);
    let boxes = caret_boxes(&line);
    let stops = caret_stops(&boxes, 0..len, true);
    let mut sorted = stops.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (0..=len).collect::<Vec<_>>(), "{text}: {stops:?}");
    let mut at = stops[0];
    let mut seen = vec![at];
    while let Some(next) = visual_step(&stops, at, false) {
        assert_eq!(visual_step(&stops, next, true), Some(at), "{text}: back");
        at = next;
        seen.push(at);
    }
    assert_eq!(seen, stops);
}

#[test]
fn only_text_with_right_to_left_letters_needs_the_step() {
    assert!(!has_rtl("Путин сказал 习近平 👩‍👩‍👧 cafe\u{301} 123"));
    assert!(has_rtl("Он сказал: مرحبا"));
    assert!(has_rtl("שלום"));
    assert!(has_rtl("a\u{202E}b"), "an override");
    assert!(
        has_rtl("١٢٣"),
        "Arabic-Indic digits, which egui's shaper reverses"
    );
    let digits = BidiParagraph::new("١٢٣");
    assert!(!digits.rtl, "no strong char: left to right");
    assert_eq!(visual_text(&digits.line(0..3)), "١٢٣", "in their order");
}

#[test]
fn numbers_stay_left_to_right_inside_arabic() {
    let text = "عدد 123 مرحبا";
    let p = BidiParagraph::new(text);
    assert!(p.rtl);
    let line = p.line(0..13);
    assert_eq!(starts(&line), [12, 11, 10, 9, 8, 7, 4, 3, 2, 1, 0]);
    let digits = line.iter().find(|u| u.run).expect("the digits' run");
    assert_eq!((digits.display.as_str(), digits.level), ("123", 2));
    // Drawn: مرحبا (shaped, reversed), the number as written, عدد.
    let shown = visual_text(&line);
    assert_eq!(
        shown,
        "\u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3} 123 \u{FEA9}\u{FEAA}\u{FECB}"
    );
    assert_eq!(shown.chars().count(), visible_clusters(text));
    assert_round_trip(text);
}

#[test]
fn a_latin_name_keeps_its_order_in_an_arabic_paragraph() {
    let text = "مرحبا World";
    let p = BidiParagraph::new(text);
    assert!(p.rtl, "the first strong char is Arabic");
    let line = p.line(0..11);
    let shown = visual_text(&line);
    assert!(shown.starts_with("World "), "{shown}");
    assert!(!shown.contains("dlroW"));
    assert_eq!(shown.chars().count(), visible_clusters(text));
    assert_round_trip(text);
    // From the right end (the logical start), Left goes into the word.
    let boxes = caret_boxes(&line);
    let stops = caret_stops(&boxes, 0..11, true);
    assert_eq!(stops.last(), Some(&0));
    assert_eq!(visual_step(&stops, 0, true), Some(1));
    assert_eq!(visual_step(&stops, 0, false), None, "the right edge");
}

#[test]
fn hebrew_with_a_number() {
    let text = "שלום 42 עולם";
    let p = BidiParagraph::new(text);
    let line = p.line(0..12);
    assert_eq!(starts(&line), [11, 10, 9, 8, 7, 5, 4, 3, 2, 1, 0]);
    assert_eq!(visual_text(&line), "םלוע 42 םולש");
    assert_eq!(visual_text(&line).chars().count(), visible_clusters(text));
    assert_round_trip(text);
}

#[test]
fn an_english_paragraph_quoting_arabic_stays_left_to_right() {
    let text = "He said مرحبا (hello).";
    let p = BidiParagraph::new(text);
    assert!(!p.rtl);
    let shown = visual_text(&p.line(0..text.chars().count()));
    assert_eq!(
        shown,
        "He said \u{FE8E}\u{FE92}\u{FEA3}\u{FEAE}\u{FEE3} (hello)."
    );
    assert_round_trip(text);
}

#[test]
fn brackets_mirror_and_lam_alef_is_one_unit() {
    let text = "قال (لا)";
    let p = BidiParagraph::new(text);
    let line = p.line(0..8);
    // Logical "(" drawn right to left is ")" on screen, and the other way.
    assert_eq!(visual_text(&line), "(\u{FEFB}) \u{FEDD}\u{FE8E}\u{FED7}");
    let ligature = line.iter().find(|u| u.logical == (5..7)).expect("lam-alef");
    assert_eq!(ligature.display, "\u{FEFB}");
    assert_eq!(visual_text(&line).chars().count(), visible_clusters(text));
    // The offset between lam and alef is no caret stop; every other is.
    let stops = caret_stops(&caret_boxes(&line), 0..8, true);
    assert!(!stops.contains(&6));
    assert_eq!(stops.len(), 8);
}

#[test]
fn a_wrapped_line_puts_its_trailing_space_at_the_paragraph_level() {
    // An Arabic paragraph whose first line ends inside the Latin words.
    let text = "قال Joe Biden اليوم";
    let p = BidiParagraph::new(text);
    let first = p.line(0..8); // "قال Joe "
    let shown = visual_text(&first);
    // The run is cut at the line's end; its trailing space goes to the
    // left end (the paragraph's end side), the name's order kept.
    assert_eq!(shown, " Joe \u{FEDD}\u{FE8E}\u{FED7}");
    assert_eq!(first[0].logical, 7..8);
    assert_eq!(first[0].level, 1);
    let second = p.line(8..text.chars().count());
    // The line starts on the right: the name there, the Arabic word left of it.
    assert!(
        visual_text(&second).ends_with(" Biden"),
        "{}",
        visual_text(&second)
    );
    let stops = caret_stops(&caret_boxes(&first), 0..8, false);
    assert!(
        !stops.contains(&8),
        "the line's end belongs to the next line"
    );
    assert_eq!(stops.len(), 8);
}

#[test]
fn levels_reorder_as_rule_l2_says() {
    assert_eq!(visual_order(&[0, 0, 0]), [0, 1, 2]);
    assert_eq!(visual_order(&[1, 1, 1]), [2, 1, 0]);
    assert_eq!(visual_order(&[1, 2, 2, 1]), [3, 1, 2, 0]);
    assert_eq!(visual_order(&[0, 1, 1, 0, 1]), [0, 2, 1, 3, 4]);
    assert_eq!(visual_order(&[]), Vec::<usize>::new());
}

#[test]
fn labels_get_their_words_in_display_order() {
    assert!(matches!(
        display_order("Путин 习近平"),
        std::borrow::Cow::Borrowed(_)
    ));
    // Words swap places, each word kept as written (egui draws it right to
    // left itself), numbers and Latin names in their own order.
    assert_eq!(display_order("عدد 123 مرحبا"), "مرحبا 123 عدد");
    assert_eq!(display_order("مرحبا World"), "World مرحبا");
    assert_eq!(display_order("שלום 42 עולם"), "עולם 42 שלום");
    assert_eq!(display_order("المتحدث: عدد"), "عدد :المتحدث");
    assert_eq!(display_order("قال (لا)"), "(لا) قال", "brackets mirrored");
    assert_eq!(display_order("He said مرحبا (hi)."), "He said مرحبا (hi).");
    // Arabic-Indic digits read left to right: sent reversed, since egui
    // runs them right to left with the Arabic letters' font.
    assert_eq!(display_order("بلغت ٢٤٥ مليار"), "مليار ٥٤٢ بلغت");
    assert_eq!(display_order("إلى ١٢٫٥٪"), "٥٫٢١٪ إلى");
    assert_eq!(
        display_order("قال \u{2068}Joe\u{2069}: نعم"),
        "نعم :Joe قال",
        "isolates obeyed, not drawn"
    );
    assert_eq!(
        display_order("سطر أول\nثاني 2"),
        "أول سطر\n2 ثاني",
        "line by line"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Text mixing Arabic (with a lam-alef and a mark), Hebrew, Latin,
    /// digits of both kinds, spaces, brackets and punctuation.
    fn mixed() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "قال",
            "لا",
            "بَ",
            "مرحبا",
            "שלום",
            "עולם",
            "World",
            "Joe",
            "123",
            "١٢٣",
            " ",
            " ",
            "(",
            ")",
            ".",
            "،",
            "-",
            "é",
        ]);
        prop::collection::vec(pieces, 1..14).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn every_char_is_drawn_once_and_every_offset_is_one_caret_stop(
            text in mixed(),
            cut in 0usize..40,
        ) {
            let paragraph = BidiParagraph::new(&text);
            let len = text.chars().count();
            // Lines break between units (or inside a run), as egui's rows do.
            let starts: Vec<usize> = paragraph.units.iter().map(|u| u.logical.start).collect();
            let unit = &paragraph.units[cut % starts.len()];
            let cut = if unit.run {
                unit.logical.start + cut % unit.logical.len()
            } else {
                unit.logical.start
            };
            let lines: Vec<Range<usize>> = if cut == 0 || cut == len {
                std::iter::once(0..len).collect()
            } else {
                vec![0..cut, cut..len]
            };
            for (i, line) in lines.iter().enumerate() {
                let units = paragraph.line(line.clone());
                let mut covered: Vec<usize> = units.iter().flat_map(|u| u.logical.clone()).collect();
                covered.sort_unstable();
                prop_assert_eq!(covered, line.clone().collect::<Vec<_>>(), "each char once");
                let boxes = caret_boxes(&units);
                let last = i + 1 == lines.len();
                let stops = caret_stops(&boxes, line.clone(), last);
                let mut sorted = stops.clone();
                sorted.sort_unstable();
                sorted.dedup();
                prop_assert_eq!(sorted.len(), stops.len(), "no offset twice");
                let end = line.end + usize::from(last);
                let reachable: Vec<usize> = (line.start..end)
                    .filter(|o| !boxes.iter().any(|b| b.logical.start < *o && *o < b.logical.end))
                    .collect();
                prop_assert_eq!(&sorted, &reachable, "every caret offset is a stop");
                // Stepping right from the left end visits every stop.
                if let Some(&first) = stops.first() {
                    let mut at = first;
                    let mut steps = 1;
                    while let Some(next) = visual_step(&stops, at, false) {
                        at = next;
                        steps += 1;
                    }
                    prop_assert_eq!(steps, stops.len());
                }
            }
        }
    }
}
