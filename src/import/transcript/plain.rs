//! Plain-text transcripts: lines `[00:12:03] SPEAKER: text` (the speaker
//! optional) or `SPEAKER (00:12:03): text`. A line without a time code
//! continues the cue before it. A cue lasts until the next one starts.

use super::{RawCue, TranscriptError};

/// Longest speaker name taken in either shape.
const MAX_SPEAKER_CHARS: usize = 60;

/// A line in one of the two shapes: its start, speaker and text.
#[derive(Debug, PartialEq, Eq)]
pub struct Stamped<'a> {
    pub from_ms: u64,
    pub speaker: Option<&'a str>,
    pub text: &'a str,
}

/// Whether most non-blank lines of `text` have one of the two shapes.
pub fn looks_like_transcript(text: &str) -> bool {
    let (mut lines, mut stamped) = (0usize, 0usize);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        lines += 1;
        stamped += usize::from(stamped_line(line).is_some());
    }
    lines > 0 && stamped * 2 > lines
}

/// Every cue of a text transcript. Text before the first time code is
/// refused, naming its line.
pub fn parse(text: &str) -> Result<Vec<RawCue>, TranscriptError> {
    let mut cues: Vec<RawCue> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match (stamped_line(line), cues.last_mut()) {
            (Some(stamped), _) => {
                let mut cue = RawCue::new(
                    n + 1,
                    stamped.from_ms,
                    stamped.from_ms,
                    stamped.text.to_owned(),
                );
                cue.speaker = stamped.speaker.map(str::to_owned);
                cues.push(cue);
            }
            (None, Some(cue)) => {
                cue.text.push('\n');
                cue.text.push_str(line);
            }
            (None, None) => {
                return Err(TranscriptError::new(
                    n + 1,
                    "text before the first time code such as [00:12:03]".to_owned(),
                ));
            }
        }
    }
    let starts: Vec<u64> = cues.iter().map(|c| c.from_ms).collect();
    for (cue, next) in cues.iter_mut().zip(starts.iter().skip(1)) {
        cue.to_ms = (*next).max(cue.from_ms);
    }
    Ok(cues)
}

/// The line's time, speaker and text, when it has one of the shapes.
pub fn stamped_line(line: &str) -> Option<Stamped<'_>> {
    let line = line.trim();
    match line.strip_prefix('[') {
        Some(inner) => bracketed(inner),
        None => named(line),
    }
}

/// `00:12:03] SPEAKER: text` (after the `[`).
fn bracketed(inner: &str) -> Option<Stamped<'_>> {
    let (time, rest) = inner.split_once(']')?;
    let from_ms = clock_ms(time)?;
    let rest = rest.trim_start();
    let (speaker, text) = match rest.split_once(':') {
        Some((who, said)) if speaker_like(who) && said.starts_with([' ', '\t']) => {
            (Some(who.trim()), said.trim_start())
        }
        _ => (None, rest),
    };
    Some(Stamped {
        from_ms,
        speaker,
        text,
    })
}

/// `SPEAKER (00:12:03): text`.
fn named(line: &str) -> Option<Stamped<'_>> {
    let (who, rest) = line.split_once('(')?;
    let (time, rest) = rest.split_once(')')?;
    let from_ms = clock_ms(time)?;
    let text = rest.strip_prefix(':').unwrap_or(rest).trim_start();
    speaker_like(who).then_some(Stamped {
        from_ms,
        speaker: Some(who.trim()),
        text,
    })
}

fn speaker_like(who: &str) -> bool {
    let who = who.trim();
    !who.is_empty()
        && who.chars().count() <= MAX_SPEAKER_CHARS
        && who.split_whitespace().count() <= 6
        && !who.contains(['[', ']', '(', ')', '?', '!', ',', ';', '"'])
}

/// `12:03`, `00:12:03` or `0:12:03.250`, in milliseconds.
fn clock_ms(text: &str) -> Option<u64> {
    let (clock, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), "0"));
    if fraction.is_empty() || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: u64 = format!("{fraction:0<3}").parse().ok()?;
    let parts = clock
        .split(':')
        .map(|p| {
            let ok = (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| p.parse::<u64>().ok()).flatten()
        })
        .collect::<Option<Vec<u64>>>()?;
    let seconds = match parts[..] {
        [h, m, s] if m < 60 && s < 60 => (h * 60 + m) * 60 + s,
        [m, s] if s < 60 => m * 60 + s,
        _ => return None,
    };
    Some(seconds * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_are_read() {
        let s = stamped_line("[00:12:03] SPEAKER_00: We cut taxes.").unwrap();
        assert_eq!(
            (s.from_ms, s.speaker, s.text),
            (723_000, Some("SPEAKER_00"), "We cut taxes.")
        );
        let s = stamped_line("Ольга Петрова (1:02:03): Это не так.").unwrap();
        assert_eq!(
            (s.from_ms, s.speaker, s.text),
            (3_723_000, Some("Ольга Петрова"), "Это не так.")
        );
        let s = stamped_line("[12:03.5] no speaker here").unwrap();
        assert_eq!((s.from_ms, s.speaker), (723_500, None));
        assert_eq!(stamped_line("Biden (D) said it"), None);
        assert_eq!(stamped_line("[Applause]"), None);
    }

    #[test]
    fn a_cue_lasts_until_the_next_and_continuation_lines_join_it() {
        let cues = parse("[00:00:01] A: one\nmore\n\n[00:00:05] B: two\n").unwrap();
        assert_eq!(cues.len(), 2);
        assert_eq!(
            (cues[0].from_ms, cues[0].to_ms, cues[0].text.as_str()),
            (1000, 5000, "one\nmore")
        );
        assert_eq!(cues[1].speaker.as_deref(), Some("B"));
        assert_eq!(parse("Title\n[00:01] A: x").unwrap_err().line, 1);
    }

    #[test]
    fn most_lines_must_have_a_shape() {
        assert!(looks_like_transcript(
            "[00:01] A: x\n[00:02] B: y\nfree text\n"
        ));
        assert!(!looks_like_transcript(
            "Prose (12:03) here.\nMore prose.\nAnd more.\n"
        ));
        assert!(!looks_like_transcript(""));
    }
}
