//! The article text and side table made of cues, in several scripts.

use super::*;

fn texts(table: &Transcript, text: &str) -> Vec<String> {
    table
        .cues
        .iter()
        .map(|c| text.chars().skip(c.start).take(c.end - c.start).collect())
        .collect()
}

#[test]
fn speaker_turns_are_blank_lines_and_ranges_count_chars() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Мария>Привет, мир! 👋🏽</v>\n\n00:00:02.000 --> 00:00:03.000\n<v Мария>Второй\nстрочкой</v>\n\n00:00:03.000 --> 00:00:04.500\n<v 李>你好，世界\n\n00:00:05.000 --> 00:00:06.000\n<v أحمد>مرحبا cafe\u{301}\n";
    let cues = read_cues(TranscriptFormat::WebVtt, vtt).unwrap();
    let (text, table) = assemble(TranscriptFormat::WebVtt, cues);
    assert_eq!(
        text,
        "Привет, мир! 👋🏽\nВторой строчкой\n\n你好，世界\n\nمرحبا café"
    );
    assert_eq!(
        texts(&table, &text),
        [
            "Привет, мир! 👋🏽",
            "Второй строчкой",
            "你好，世界",
            "مرحبا café"
        ]
    );
    let names: Vec<_> = table.speakers.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(names, ["Мария", "李", "أحمد"]);
    assert_eq!(table.cues[3].from_ms, 5000);
    assert!(table.faults(text.chars().count()).is_empty());
}

#[test]
fn a_caption_label_carries_to_the_next_cues_until_another() {
    let srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\nSPEAKER_00: We cut\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\ntaxes.\r\n\r\n3\r\n00:00:03,000 --> 00:00:04,000\r\nSPEAKER_01: No.\r\n";
    let cues = read_cues(TranscriptFormat::Srt, srt).unwrap();
    let (text, table) = assemble(TranscriptFormat::Srt, cues);
    assert_eq!(text, "We cut\ntaxes.\n\nNo.");
    let speakers: Vec<_> = table.cues.iter().map(|c| c.speaker).collect();
    assert_eq!(speakers, [Some(0), Some(0), Some(1)]);
}

#[test]
fn a_voice_names_only_its_cue() {
    let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Bob>One\n\n00:02.000 --> 00:03.000\nTwo\n";
    let (text, table) = assemble(
        TranscriptFormat::WebVtt,
        read_cues(TranscriptFormat::WebVtt, vtt).unwrap(),
    );
    assert_eq!(text, "One\n\nTwo");
    assert_eq!(table.cues[1].speaker, None);
}

#[test]
fn formats_are_told_by_signature_extension_and_shape() {
    let p = Path::new;
    let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\nx";
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nx";
    let txt = "[00:01] A: x\n[00:02] B: y";
    assert_eq!(
        format_of(p("a.txt"), vtt, None),
        Some(TranscriptFormat::WebVtt)
    );
    assert_eq!(
        format_of(p("a.SRT"), srt, None),
        Some(TranscriptFormat::Srt)
    );
    assert_eq!(
        format_of(p("a.txt"), srt, None),
        Some(TranscriptFormat::Srt)
    );
    assert_eq!(
        format_of(p("a.txt"), txt, None),
        Some(TranscriptFormat::Text)
    );
    assert_eq!(format_of(p("a.txt"), txt, Some(ReadAs::Text)), None);
    assert_eq!(format_of(p("a.md"), txt, None), None);
    assert_eq!(format_of(p("a.txt"), "Prose.\nMore.", None), None);
    assert_eq!(
        format_of(p("a.txt"), "Prose.", Some(ReadAs::Transcript)),
        Some(TranscriptFormat::Text)
    );
}

#[test]
fn empty_and_signature_less_files_are_refused_with_a_line() {
    let error = read_cues(TranscriptFormat::WebVtt, "WEBVTT\n\nNOTE nothing\n").unwrap_err();
    assert_eq!((error.line, error.what.as_str()), (1, "has no cues"));
    let error = read_cues(TranscriptFormat::WebVtt, "<html>").unwrap_err();
    assert!(error.what.contains("WEBVTT"));
}
