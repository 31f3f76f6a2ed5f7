//! Article › Go to time… (Ctrl+G) in a transcript: a time typed as the
//! margin and players show it (`12:03`, `1:02:03`, `723` seconds, with an
//! optional `.5`) finds the cue said at that moment, which the window then
//! scrolls to and selects. A time that cannot be read, or one after the
//! recording's end, is explained in the dialog, which stays open.

use crate::model::{Transcript, clock};
use crate::ui::widgets::{GoToPressed, PromptFrame, go_to_field, modal_prompt};

/// The dialog's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct GoToTimeDialog {
    text: String,
    /// Why the last time typed found nothing.
    problem: Option<String>,
    /// The field was given the keyboard (on the first frame).
    focused: bool,
}

/// What the dialog answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoToTimeAnswer {
    /// Select the chars `start..end` of the article (one cue).
    Go {
        start: usize,
        end: usize,
    },
    Cancel,
}

impl GoToTimeDialog {
    /// Draws the dialog over `transcript`; the answer, once given.
    pub fn show(&mut self, ctx: &egui::Context, transcript: &Transcript) -> Option<GoToTimeAnswer> {
        let frame = PromptFrame {
            id: "go-to-time",
            title: "Go to time",
            width: 360.0,
        };
        modal_prompt(ctx, frame, Some(GoToTimeAnswer::Cancel), |ui| {
            ui.set_width(360.0);
            let last = transcript.cues.last().map_or(0, |c| c.to_ms);
            ui.label(format!(
                "A time in the recording (0:00 to {}), as 12:03 or 1:02:03:",
                clock(last)
            ));
            let pressed = go_to_field(
                ui,
                &mut self.text,
                &mut self.focused,
                self.problem.as_deref(),
                ("12:03", "Time"),
            );
            match pressed? {
                GoToPressed::Cancel => Some(GoToTimeAnswer::Cancel),
                GoToPressed::Go => self.go(transcript),
            }
        })
    }

    /// The cue at the typed time, or `None` with the reason kept.
    fn go(&mut self, transcript: &Transcript) -> Option<GoToTimeAnswer> {
        let found = parse_time(&self.text).and_then(|ms| cue_at(transcript, ms));
        match found {
            Ok((start, end)) => Some(GoToTimeAnswer::Go { start, end }),
            Err(problem) => {
                self.problem = Some(problem);
                None
            }
        }
    }
}

/// Milliseconds of a time typed as `m:ss`, `h:mm:ss` or plain seconds,
/// each with an optional fraction; or why it cannot be read.
pub fn parse_time(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let bad = || {
        format!("“{text}” is not a time: type minutes and seconds as 12:03, or 1:02:03 with hours")
    };
    if text.is_empty() {
        return Err("Type a time, such as 12:03.".to_owned());
    }
    let parts: Vec<&str> = text.split(':').collect();
    if parts.len() > 3 {
        return Err(bad());
    }
    let (whole, last) = parts.split_at(parts.len() - 1);
    let seconds: f64 = match last[0].parse::<f64>() {
        Ok(s)
            if s.is_finite()
                && s >= 0.0
                && last[0].bytes().all(|b| b.is_ascii_digit() || b == b'.') =>
        {
            s
        }
        _ => return Err(bad()),
    };
    if !whole.is_empty() && seconds >= 60.0 {
        return Err(format!("“{text}”: the seconds must be under 60."));
    }
    let mut total_s: u64 = 0;
    for (n, part) in whole.iter().enumerate() {
        let value: u64 = match part.parse() {
            Ok(v) if part.bytes().all(|b| b.is_ascii_digit()) => v,
            _ => return Err(bad()),
        };
        if n > 0 && value >= 60 {
            return Err(format!("“{text}”: the minutes must be under 60."));
        }
        total_s = total_s.saturating_mul(60).saturating_add(value);
    }
    let ms = (seconds * 1000.0).round() as u64;
    Ok(total_s.saturating_mul(60_000).saturating_add(ms))
}

/// The chars of the cue said at `ms`: the first in text order whose time
/// holds it, else the first to start after it (a pause); or why none.
pub fn cue_at(transcript: &Transcript, ms: u64) -> Result<(usize, usize), String> {
    let cues = &transcript.cues;
    let holding = cues
        .iter()
        .find(|c| c.from_ms <= ms && ms < c.to_ms.max(c.from_ms + 1));
    let next = || {
        cues.iter()
            .filter(|c| c.from_ms >= ms)
            .min_by_key(|c| c.from_ms)
    };
    match holding.or_else(next) {
        Some(cue) => Ok((cue.start, cue.end)),
        None => Err(match cues.last() {
            Some(_) => {
                let end = cues.iter().map(|c| c.to_ms).max().unwrap_or(0);
                format!(
                    "{} is after the end of the transcript, which ends at {}.",
                    clock(ms),
                    clock(end)
                )
            }
            None => "This transcript has no cue times.".to_owned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cue, TranscriptFormat};

    #[test]
    fn times_read_as_players_write_them() {
        assert_eq!(parse_time("12:03"), Ok(723_000));
        assert_eq!(parse_time(" 1:02:03 "), Ok(3_723_000));
        assert_eq!(parse_time("723"), Ok(723_000));
        assert_eq!(parse_time("0:05.5"), Ok(5_500));
        assert_eq!(parse_time("90"), Ok(90_000));
        for bad in [
            "", "12:", "a:03", "1:2:3:4", "12:60", "1:60:00", "-5", "1e3", "12:0x",
        ] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert!(parse_time("12:75").unwrap_err().contains("under 60"));
    }

    #[test]
    fn the_cue_holding_the_time_or_the_next_one() {
        let cue = |start, end, from_ms, to_ms| Cue {
            start,
            end,
            from_ms,
            to_ms,
            speaker: None,
        };
        let t = Transcript {
            format: TranscriptFormat::WebVtt,
            speakers: vec![],
            cues: vec![cue(0, 5, 1_000, 3_000), cue(6, 9, 5_000, 8_000)],
        };
        assert_eq!(cue_at(&t, 2_000), Ok((0, 5)));
        assert_eq!(cue_at(&t, 0), Ok((0, 5)), "before the first: the first");
        assert_eq!(cue_at(&t, 4_000), Ok((6, 9)), "a pause: the next");
        assert_eq!(cue_at(&t, 5_000), Ok((6, 9)));
        let after = cue_at(&t, 9_000).unwrap_err();
        assert!(after.contains("ends at 0:08"), "{after}");
    }
}
