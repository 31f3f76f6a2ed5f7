//! Transcripts with time codes and speakers: WebVTT (`webvtt.rs`, the
//! browsers' parsing algorithm, with `cue_text.rs` for the cue text), SRT
//! (`srt.rs`) and plain-text transcripts (`plain.rs`). Each gives
//! [`RawCue`]s; [`assemble`] makes the article's text of them (only what
//! was said, cues joined by a line break, speaker turns by a blank line)
//! and the side table ([`Transcript`]) mapping its chars to times and
//! speakers. See `docs/transcripts.md`.

mod cue_text;
mod generate;
mod label;
mod plain;
mod srt;
pub mod webvtt;

pub use cue_text::{CueText, flatten};
pub use generate::debate_vtt;
pub use label::split_label;
pub use plain::{looks_like_transcript, stamped_line};

use crate::model::{Cue, Speaker, Transcript, TranscriptFormat};
use std::collections::HashMap;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// How the user asked a file to be read (`import --as`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReadAs {
    /// As an article, whatever it looks like.
    Text,
    /// As a transcript: WebVTT, SRT or time-coded text.
    Transcript,
}

/// A cue as a file gives it, before the article's text is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawCue {
    /// The line (from 1) the cue starts at, for messages.
    pub line: usize,
    pub from_ms: u64,
    pub to_ms: u64,
    /// What was said; lines are subtitle line wraps.
    pub text: String,
    /// Who said it, as the file labels them.
    pub speaker: Option<String>,
    /// Whether the speaker goes on to the next cues that name nobody (a
    /// caption's label marks a change of turn; a voice span marks one cue).
    pub carries: bool,
}

impl RawCue {
    pub fn new(line: usize, from_ms: u64, to_ms: u64, text: String) -> Self {
        RawCue {
            line,
            from_ms,
            to_ms,
            text,
            speaker: None,
            carries: true,
        }
    }
}

/// Why a transcript could not be read, at which line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranscriptError {
    pub line: usize,
    pub what: String,
}

impl TranscriptError {
    pub fn new(line: usize, what: String) -> Self {
        TranscriptError { line, what }
    }
}

/// Largest number of cues read from one file.
pub const MAX_CUES: usize = 200_000;

/// The transcript format `text` is to be read in, if any: by the user's
/// `read_as`, a `WEBVTT` signature, the `.vtt` or `.srt` extension, or,
/// for text, when most non-blank lines carry a time code.
pub fn format_of(path: &Path, text: &str, read_as: Option<ReadAs>) -> Option<TranscriptFormat> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match (read_as, extension.as_str()) {
        (Some(ReadAs::Text), _) => None,
        _ if webvtt::has_signature(text) => Some(TranscriptFormat::WebVtt),
        (_, "vtt") => Some(TranscriptFormat::WebVtt),
        (_, "srt") => Some(TranscriptFormat::Srt),
        (Some(ReadAs::Transcript), _) | (None, "txt" | "") => guess(text, read_as.is_some()),
        _ => None,
    }
}

/// SRT when a timing line comes within the first three non-blank lines;
/// a text transcript when most lines have a time code (or when forced).
fn guess(text: &str, forced: bool) -> Option<TranscriptFormat> {
    let head = text.lines().filter(|l| !l.trim().is_empty()).take(3);
    if head.into_iter().any(|l| srt::timing(l).is_some()) {
        return Some(TranscriptFormat::Srt);
    }
    (forced || looks_like_transcript(text)).then_some(TranscriptFormat::Text)
}

/// The cues of `text` in `format`.
pub fn read_cues(format: TranscriptFormat, text: &str) -> Result<Vec<RawCue>, TranscriptError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let cues = match format {
        TranscriptFormat::WebVtt => vtt_cues(text)?,
        TranscriptFormat::Srt => srt::parse(&unified_lines(text))?
            .into_iter()
            .map(labelled)
            .collect(),
        TranscriptFormat::Text => plain::parse(&unified_lines(text))?,
    };
    if let Some(cue) = cues.get(MAX_CUES) {
        return Err(TranscriptError::new(
            cue.line,
            format!("more than {MAX_CUES} cues; split the file"),
        ));
    }
    if cues.is_empty() {
        return Err(TranscriptError::new(1, "has no cues".to_owned()));
    }
    Ok(cues)
}

fn unified_lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{fffd}")
}

fn vtt_cues(text: &str) -> Result<Vec<RawCue>, TranscriptError> {
    let cues = webvtt::parse(text).map_err(|_| {
        TranscriptError::new(1, "does not start with the WEBVTT signature".to_owned())
    })?;
    Ok(cues
        .into_iter()
        .map(|cue| {
            let flat = flatten(&cue.text);
            let raw = RawCue::new(cue.line, cue.from_ms, cue.to_ms, flat.text);
            match flat.voice {
                Some(voice) => RawCue {
                    speaker: Some(voice),
                    carries: false,
                    ..raw
                },
                None => labelled(raw),
            }
        })
        .collect())
}

/// A caption naming its speaker in its text (`SPEAKER_00: …`), unless a
/// voice span named it already.
fn labelled(cue: RawCue) -> RawCue {
    if cue.speaker.is_some() {
        return cue;
    }
    match split_label(&cue.text) {
        Some((label, rest)) => RawCue {
            text: rest.to_owned(),
            speaker: Some(label),
            ..cue
        },
        None => cue,
    }
}

/// The article's text and side table of `cues`. Each cue's lines are
/// joined by a space (they are line wraps), NFC, trimmed; a cue with no
/// text is left out. Cues are joined by `\n`; where the speaker changes,
/// by a blank line.
pub fn assemble(format: TranscriptFormat, cues: Vec<RawCue>) -> (String, Transcript) {
    let mut text = String::new();
    let mut chars = 0;
    let mut table = Transcript {
        format,
        speakers: Vec::new(),
        cues: Vec::with_capacity(cues.len()),
    };
    let mut labels: HashMap<String, usize> = HashMap::new();
    let (mut current, mut carried): (Option<usize>, Option<usize>) = (None, None);
    for cue in cues {
        let said = one_line(&cue.text);
        if said.is_empty() {
            continue;
        }
        let speaker = match &cue.speaker {
            Some(label) => Some(speaker_index(&mut table, &mut labels, label)),
            None => carried,
        };
        carried = if cue.carries { speaker } else { None };
        if !text.is_empty() {
            let turn = speaker != current;
            text.push_str(if turn { "\n\n" } else { "\n" });
            chars += if turn { 2 } else { 1 };
        }
        current = speaker;
        let len = said.chars().count();
        table.cues.push(Cue {
            start: chars,
            end: chars + len,
            from_ms: cue.from_ms,
            to_ms: cue.to_ms,
            speaker,
        });
        text.push_str(&said);
        chars += len;
    }
    (text, table)
}

fn speaker_index(
    table: &mut Transcript,
    labels: &mut HashMap<String, usize>,
    label: &str,
) -> usize {
    *labels.entry(label.to_owned()).or_insert_with(|| {
        table.speakers.push(Speaker {
            label: label.to_owned(),
            name: String::new(),
        });
        table.speakers.len() - 1
    })
}

/// A cue's text on one line: NFC, lines trimmed and joined by a space,
/// runs of spaces and control characters made one space.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .nfc()
        .collect::<String>()
        .split(|c: char| c.is_whitespace() && c != '\u{a0}' || c.is_control() || c == '\u{feff}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Makes an article of a transcript file's text. The title is the one
/// given or `fallback_title` (a transcript's first line is speech).
pub fn article_from_transcript(
    format: TranscriptFormat,
    text: &str,
    options: &super::ImportOptions,
    fallback_title: &str,
) -> Result<crate::model::Article, TranscriptError> {
    let cues = read_cues(format, text)?;
    let (body, table) = assemble(format, cues);
    let title = options
        .title
        .as_deref()
        .map(str::trim)
        .unwrap_or(fallback_title);
    let mut article = crate::model::Article::new(title, body);
    article.outlet = options.outlet.clone().unwrap_or_default();
    article.url = options.url.clone().unwrap_or_default();
    article.published = options.published;
    article.retrieved = Some(jiff::ZonedDateTime::now().date());
    article.transcript = Some(table);
    Ok(article)
}

#[cfg(test)]
mod tests;
