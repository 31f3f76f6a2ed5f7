//! Any mix of the pieces transcripts are made of — signatures, timings good
//! and broken, voices, tags, entities, labels, blank lines, CR, NUL, emoji,
//! combining marks — imports as WebVTT, SRT or time-coded text without a
//! panic: either refused naming the file, or an article whose side table
//! is in bounds and in order, with no voice tag left in a subtitle's text.

use factbench::import::{ImportOptions, ReadAs, import_bytes};
use proptest::prelude::*;
use std::path::Path;

const PIECES: &[&str] = &[
    "WEBVTT",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "00:00:01.000 --> 00:00:02.500",
    "00:01.000 --> 00:00.500 align:start",
    "01:00:00,000 --> 01:00:03,250",
    "0:00 --> x",
    "-->",
    "12",
    "NOTE ",
    "STYLE",
    "<v Мария>",
    "<v.loud SPEAKER_00>",
    "</v>",
    "<i>",
    "</b>",
    "<ruby>漢<rt>かん</rt></ruby>",
    "<00:00:01.500>",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "SPEAKER_01: ",
    ">> MODERATOR: ",
    "[00:12:03] ",
    "Ольга (00:12:03): ",
    "{\\an8}",
    "Привет",
    "你好",
    "مرحبا",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{0}",
    " ",
    "\t",
];

fn file() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn check(name: &str, text: &str) -> Result<(), TestCaseError> {
    let options = ImportOptions {
        read_as: Some(ReadAs::Transcript),
        encoding: Some(encoding_rs::UTF_8),
        ..Default::default()
    };
    match import_bytes(Path::new(name), text.as_bytes(), &options) {
        Ok(imported) => {
            let article = imported.article;
            let table = article.transcript.as_ref().expect("read as a transcript");
            prop_assert!(table.faults(article.char_len()).is_empty());
            prop_assert!(table.cues.windows(2).all(|w| w[0].end < w[1].start));
            prop_assert!(!article.text.contains('\r') && !article.text.contains('\0'));
            if !name.ends_with(".txt") {
                // Time-coded text has no markup: its `<` are words.
                prop_assert!(!article.text.contains("<v") && !article.text.contains("</v>"));
            }
            prop_assert!(!article.text.starts_with('\n') && !article.text.ends_with('\n'));
        }
        Err(error) => {
            let message = error.to_string();
            prop_assert!(message.starts_with(name), "{message}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_mix_imports_or_is_refused_cleanly(text in file()) {
        check("any.vtt", &text)?;
        check("any.srt", &text)?;
        check("any.txt", &text)?;
        check("any.vtt", &format!("WEBVTT\n\n{text}"))?;
    }
}
