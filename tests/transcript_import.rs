//! Importing transcripts: real captions in four scripts, WebVTT with
//! voices and skipped blocks, SRT by its de-facto rules, time-coded text;
//! the article text is only what was said, the side table maps it to times
//! and speakers; bad files are refused naming their line, within seconds.

use factbench::import::{ImportOptions, ReadAs, import_bytes, import_file};
use factbench::model::{Article, Transcript, TranscriptFormat};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/transcripts")
        .join(name)
}

fn import(name: &str) -> Article {
    import_file(&fixture(name), &ImportOptions::default()).unwrap()
}

fn table(article: &Article) -> &Transcript {
    article.transcript.as_ref().expect("a transcript")
}

/// Each cue's text, time and speaker, from the article and its table.
fn cues(article: &Article) -> Vec<(String, u64, u64, Option<String>)> {
    let t = table(article);
    t.cues
        .iter()
        .map(|c| {
            let text: String = article
                .text
                .chars()
                .skip(c.start)
                .take(c.end - c.start)
                .collect();
            (
                text,
                c.from_ms,
                c.to_ms,
                c.speaker.and_then(|s| t.speaker_name(s)),
            )
        })
        .collect()
}

#[test]
fn real_captions_in_four_scripts_keep_every_cue_and_time() {
    for (lang, first, fourth) in [
        (
            "en",
            "At the left we can see...",
            "Everything is safe. Perfectly safe.",
        ),
        (
            "ru",
            "Слева мы видим...",
            "всё в порядке. в полном порядке.",
        ),
        ("ja", "左に見えるのは…", "すべて安全 完璧に安全だ"),
        (
            "ar",
            "...إلى... إلى الشمال يمكن أن نرى ...يمكن أن نرى الـ",
            "كل شيئ آمن آمن كلية",
        ),
    ] {
        let article = import(&format!("elephants-dream.{lang}.vtt"));
        let cues = cues(&article);
        assert_eq!(cues.len(), 12, "{lang}");
        assert_eq!(cues[0].0, first, "{lang}");
        assert_eq!(cues[3].0, fourth, "{lang}");
        assert!(
            cues.iter().all(|c| c.3.is_none()),
            "{lang}: nobody is named"
        );
        assert!(!article.text.contains("-->") && !article.text.contains("WEBVTT"));
        assert_eq!(article.text.lines().count(), 12, "{lang}: one line per cue");
        assert!(table(&article).faults(article.char_len()).is_empty());
        assert_eq!(article.language, lang);
    }
    let en = cues(&import("elephants-dream.en.vtt"));
    assert_eq!((en[0].1, en[0].2), (15_000, 17_951));
    assert_eq!((en[11].1, en[11].2), (63_610, 65_114));
}

#[test]
fn webvtt_voices_tags_entities_and_skipped_blocks() {
    let article = import("debate.vtt");
    assert_eq!(table(&article).format, TranscriptFormat::WebVtt);
    assert_eq!(
        article.text,
        "Welcome to the debate & thank you for joining.\n\n\
         Unemployment fell by half since 2019.\n\
         We built 40\u{a0}000 homes last year.\n\n\
         That is not true: it fell by a third.\n\
         Ends before it starts, kept as browsers keep it.\n\n\
         Overlapping, kept in order."
    );
    let got = cues(&article);
    let speakers: Vec<Option<&str>> = got.iter().map(|c| c.3.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Moderator"),
            Some("SPEAKER_00"),
            Some("SPEAKER_00"),
            Some("SPEAKER_01"),
            Some("SPEAKER_01"),
            Some("Moderator")
        ]
    );
    let times: Vec<(u64, u64)> = got.iter().map(|c| (c.1, c.2)).collect();
    assert_eq!(
        times,
        [
            (720_000, 723_000),
            (723_000, 730_500),
            (730_500, 739_000),
            (739_000, 744_250),
            (745_000, 744_000),
            (743_000, 747_000)
        ]
    );
    // A span over both cues of SPEAKER_00: the first start, the last end.
    let start = article.text.find("Unemployment").unwrap();
    let start = article.text[..start].chars().count();
    let moment = article.moment(start + 5, start + 50).unwrap();
    assert_eq!((moment.from_ms, moment.to_ms), (723_000, 739_000));
    assert_eq!(moment.speaker.as_deref(), Some("SPEAKER_00"));
    assert_eq!(moment.range_label(), "12:03–12:19");
}

#[test]
fn srt_with_bom_crlf_missing_indices_and_blank_line_variations() {
    let article = import("interview.srt");
    assert_eq!(table(&article).format, TranscriptFormat::Srt);
    assert_eq!(
        article.text,
        "Inflation is down to 2 per cent.\nWe did that.\n\nPrices rose 30 per cent.\nЦены выросли на 30 %."
    );
    let got = cues(&article);
    let summary: Vec<(u64, u64, Option<&str>)> =
        got.iter().map(|c| (c.1, c.2, c.3.as_deref())).collect();
    assert_eq!(
        summary,
        [
            (1000, 4000, Some("SPEAKER_00")),
            (4500, 7250, Some("SPEAKER_00")),
            (11_000, 13_500, Some("SPEAKER_01")),
            (14_000, 16_000, Some("SPEAKER_01"))
        ]
    );
}

#[test]
fn time_coded_text_is_a_transcript_unless_asked_otherwise() {
    let article = import("press.txt");
    assert_eq!(table(&article).format, TranscriptFormat::Text);
    assert_eq!(
        article.text,
        "Exports rose by 38 per cent last year.\n\
         That is the highest in a decade, and the ministry stands by it.\n\n\
         Analysts say 12 per cent.\n\n\
         Это не так, рост составил 12 %.\n\n\
         出口增长了百分之三十八。"
    );
    let got = cues(&article);
    assert_eq!((got[1].1, got[1].2), (12_000, 20_000), "until the next cue");
    assert_eq!(got[3].3.as_deref(), Some("Мария Петрова"));
    assert_eq!(got[4].3.as_deref(), Some("李明"));
    let as_text = ImportOptions {
        read_as: Some(ReadAs::Text),
        ..Default::default()
    };
    let plain = import_file(&fixture("press.txt"), &as_text).unwrap();
    assert!(plain.transcript.is_none());
    assert!(plain.text.contains("[00:00:12] MINISTER:"));
}

#[test]
fn a_media_url_is_kept_with_the_article() {
    let options = ImportOptions {
        media_url: Some("https://www.youtube.com/watch?v=xyz".into()),
        ..Default::default()
    };
    let article = import_file(&fixture("debate.vtt"), &options).unwrap();
    assert_eq!(
        article.media_url.as_deref(),
        Some("https://www.youtube.com/watch?v=xyz")
    );
}

fn refusal(name: &str, bytes: &[u8], options: &ImportOptions) -> String {
    let started = Instant::now();
    let result = import_bytes(Path::new(name), bytes, options);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{name} took {:?}",
        started.elapsed()
    );
    result.err().map(|e| e.to_string()).unwrap_or_default()
}

#[test]
fn files_that_are_not_subtitles_are_refused_naming_file_and_line() {
    let none = ImportOptions::default();
    let message = refusal("letter.srt", b"Dear editor,\nplease find attached\n", &none);
    assert!(
        message.starts_with("letter.srt:1: expected a cue number"),
        "{message}"
    );
    let message = refusal("empty.vtt", b"WEBVTT\n\nNOTE only a comment\n", &none);
    assert_eq!(message, "empty.vtt:1: has no cues");
    let message = refusal("page.vtt", b"<p>not a track</p>\n", &none);
    assert!(
        message.contains("page.vtt:1:") && message.contains("WEBVTT"),
        "{message}"
    );
    let backwards = b"1\n00:00:05,000 --> 00:00:01,000\nBackwards\n";
    let message = refusal("backwards.srt", backwards, &none);
    assert_eq!(message, "backwards.srt:2: the cue ends before it starts");
    let forced = ImportOptions {
        read_as: Some(ReadAs::Transcript),
        ..Default::default()
    };
    let message = refusal("essay.txt", b"An essay.\nWith no times.\n", &forced);
    assert!(
        message.starts_with("essay.txt:1: text before the first time code"),
        "{message}"
    );
}

fn srt_of(cues: usize, text: &str) -> String {
    let mut srt = String::with_capacity(cues * (60 + text.len()));
    for n in 0..cues {
        let (a, b) = (n as u64 * 2000, n as u64 * 2000 + 2500);
        srt.push_str(&format!(
            "{}\n{:02}:{:02}:{:02},{:03} --> {:02}:{:02}:{:02},{:03}\n{text} {n}\n\n",
            n + 1,
            a / 3_600_000,
            a / 60_000 % 60,
            a / 1000 % 60,
            a % 1000,
            b / 3_600_000,
            b / 60_000 % 60,
            b / 1000 % 60,
            b % 1000,
        ));
    }
    srt
}

#[test]
fn a_hundred_thousand_overlapping_cues_are_imported_in_order_within_seconds() {
    let srt = srt_of(100_000, "Мы построили 40 000 домов 🏠");
    let started = Instant::now();
    let article = import_bytes(
        Path::new("marathon.srt"),
        srt.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap()
    .article;
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    let t = table(&article);
    assert_eq!(t.cues.len(), 100_000);
    assert!(t.cues.windows(2).all(|w| w[0].end < w[1].start));
    assert_eq!(
        (t.cues[1].from_ms, t.cues[0].to_ms),
        (2000, 2500),
        "overlaps kept"
    );
    assert!(t.faults(article.char_len()).is_empty());
}

#[test]
fn a_large_file_is_refused_quickly_with_its_name() {
    let big = "x".repeat(50 * 1024 * 1024);
    let message = refusal("huge.vtt", big.as_bytes(), &ImportOptions::default());
    assert!(
        message.starts_with("huge.vtt:") && message.contains("20 MB"),
        "{message}"
    );
    let noise = b"WEBVTT\n-->\x0c\t <v &;\n00:00.000 --> ";
    let garbage: Vec<u8> = noise.iter().copied().cycle().take(3_000_000).collect();
    let started = Instant::now();
    let _ = import_bytes(Path::new("noise.vtt"), &garbage, &ImportOptions::default());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

/// The 3-hour debate of the bench (`benches/transcript.rs`, ≤ 100 ms in a
/// release build); a debug build is given ten times as long.
#[test]
fn a_three_hour_debate_imports_within_its_budget_even_in_a_debug_build() {
    let vtt = factbench::import::transcript::debate_vtt(4_000);
    let started = Instant::now();
    let article = import_bytes(
        Path::new("debate.vtt"),
        vtt.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap()
    .article;
    let took = started.elapsed();
    let t = table(&article);
    assert_eq!(t.cues.len(), 4_000);
    assert_eq!(t.speakers.len(), 3);
    assert_eq!(t.cues[3_999].from_ms, 3_999 * 2700);
    assert!(article.text.contains("40\u{a0}000 homes") && !article.text.contains("<b>"));
    assert!(took < Duration::from_secs(1), "{took:?}");
    eprintln!(
        "3-hour debate (4,000 cues, {} KB): {took:?}",
        vtt.len() / 1024
    );
}
