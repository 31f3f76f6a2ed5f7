//! A transcript's side table: which chars of an article's text were said
//! when, and by whom. The text itself holds only what was said (no time
//! codes, no speaker labels); each [`Cue`] maps a char range of it to the
//! cue's times and speaker.

use serde::{Deserialize, Serialize};

/// The file format a transcript was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TranscriptFormat {
    WebVtt,
    Srt,
    /// Plain text with time codes: `[00:12:03] SPEAKER: text` or
    /// `SPEAKER (00:12:03): text`.
    Text,
}

impl TranscriptFormat {
    pub fn label(self) -> &'static str {
        match self {
            TranscriptFormat::WebVtt => "WebVTT transcript",
            TranscriptFormat::Srt => "SRT transcript",
            TranscriptFormat::Text => "text transcript",
        }
    }
}

/// A speaker as the file labelled them (`SPEAKER_00`, `Esme`), and the
/// name the checker gave that label, once for the whole article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    pub label: String,
    /// The name given to the label; empty while it was not renamed.
    #[serde(default)]
    pub name: String,
}

impl Speaker {
    /// The name shown: the one given, or else the file's label.
    pub fn shown(&self) -> &str {
        if self.name.is_empty() {
            &self.label
        } else {
            &self.name
        }
    }
}

/// One cue: the chars `start..end` of the text, said from `from_ms` to
/// `to_ms` (milliseconds from the start of the recording).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    pub start: usize,
    pub end: usize,
    pub from_ms: u64,
    pub to_ms: u64,
    /// Index into [`Transcript::speakers`]; `None` when the file names
    /// nobody.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<usize>,
}

/// The side table of an article read from a transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transcript {
    pub format: TranscriptFormat,
    pub speakers: Vec<Speaker>,
    /// In text order; ranges never overlap (times may: overlapping speech
    /// is kept in the file's order).
    pub cues: Vec<Cue>,
}

/// When a span of text was said and by whom: the first touched cue's
/// start, the last one's end, the first cue's speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moment {
    pub from_ms: u64,
    pub to_ms: u64,
    pub speaker: Option<String>,
}

impl Moment {
    /// `12:03–12:19`, or with hours `1:02:03–1:02:19`.
    pub fn range_label(&self) -> String {
        format!("{}–{}", clock(self.from_ms), clock(self.to_ms))
    }

    /// Whole seconds of the start, as media links use them.
    pub fn from_s(&self) -> u64 {
        self.from_ms / 1000
    }

    /// Whole seconds of the end, rounded up so the span is inside.
    pub fn to_s(&self) -> u64 {
        self.to_ms.div_ceil(1000)
    }
}

/// `m:ss` under an hour, `h:mm:ss` from one hour.
pub fn clock(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds as JSON and Media Fragments write them: `723`, `723.5`.
pub fn seconds(ms: u64) -> f64 {
    ms as f64 / 1000.0
}

/// What is wrong with a side table, for `factbench check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CueFault {
    /// The cue's range is reversed or past the text's end.
    OutOfBounds { cue: usize },
    /// The cue starts before the previous one ends.
    OutOfOrder { cue: usize },
    /// The cue names a speaker the table does not have.
    UnknownSpeaker { cue: usize },
}

impl std::fmt::Display for CueFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CueFault::OutOfBounds { cue } => {
                write!(f, "cue {} is reversed or past the end of the text", cue + 1)
            }
            CueFault::OutOfOrder { cue } => {
                write!(f, "cue {} starts before the previous cue ends", cue + 1)
            }
            CueFault::UnknownSpeaker { cue } => {
                write!(f, "cue {} names a speaker the table lacks", cue + 1)
            }
        }
    }
}

impl Transcript {
    /// The cues the chars `start..end` touch (an empty span touches the
    /// cue it is in), found by binary search.
    pub fn touched(&self, start: usize, end: usize) -> &[Cue] {
        let first = self.cues.partition_point(|c| c.end <= start);
        let last = self.cues.partition_point(|c| c.start < end.max(start + 1));
        &self.cues[first..last.max(first)]
    }

    /// When the chars `start..end` were said and by whom; `None` when they
    /// touch no cue.
    pub fn moment(&self, start: usize, end: usize) -> Option<Moment> {
        let touched = self.touched(start, end);
        let (first, last) = (touched.first()?, touched.last()?);
        Some(Moment {
            from_ms: first.from_ms,
            to_ms: last.to_ms.max(first.from_ms),
            speaker: first.speaker.and_then(|s| self.speaker_name(s)),
        })
    }

    /// The shown name of the speaker at `index`.
    pub fn speaker_name(&self, index: usize) -> Option<String> {
        self.speakers.get(index).map(|s| s.shown().to_owned())
    }

    /// The index of the speaker labelled or named `who`.
    pub fn speaker_index(&self, who: &str) -> Option<usize> {
        let position = |f: &dyn Fn(&Speaker) -> bool| self.speakers.iter().position(f);
        position(&|s| s.label == who).or_else(|| position(&|s| s.name == who))
    }

    /// Every fault of the table against a text of `char_len` chars.
    pub fn faults(&self, char_len: usize) -> Vec<CueFault> {
        let mut faults = Vec::new();
        let mut previous_end = 0;
        for (cue, c) in self.cues.iter().enumerate() {
            if c.start > c.end || c.end > char_len {
                faults.push(CueFault::OutOfBounds { cue });
            } else if c.start < previous_end {
                faults.push(CueFault::OutOfOrder { cue });
            }
            if c.speaker.is_some_and(|s| s >= self.speakers.len()) {
                faults.push(CueFault::UnknownSpeaker { cue });
            }
            previous_end = previous_end.max(c.end);
        }
        faults
    }

    /// Follows an in-place edit of the text: the chars `start..end` became
    /// `inserted` chars. Cues after the edit move; a cue the edit is inside
    /// grows or shrinks; cue ends inside the replaced chars go to the end
    /// of the new ones. Returns the table as it was when that lost a cue
    /// boundary (so undo can give it back exactly), else `None`.
    pub fn splice(&mut self, start: usize, end: usize, inserted: usize) -> Option<Transcript> {
        let inside = |p: usize| start < p && p < end;
        let lossy = self.cues.iter().any(|c| inside(c.start) || inside(c.end));
        let before = lossy.then(|| self.clone());
        let moved = |pos: usize| match pos {
            p if p <= start => p,
            p if p >= end => p - (end - start) + inserted,
            _ => start + inserted,
        };
        for cue in &mut self.cues {
            cue.start = moved(cue.start);
            cue.end = moved(cue.end).max(cue.start);
        }
        before
    }

    /// Gives the names of `earlier`'s renamed speakers to the same labels
    /// here (a transcript updated with a longer file keeps its names).
    pub fn keep_names(&mut self, earlier: &Transcript) {
        for speaker in &mut self.speakers {
            if let Some(old) = earlier.speakers.iter().find(|s| s.label == speaker.label) {
                speaker.name.clone_from(&old.name);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Transcript {
        let cue = |start, end, from_ms, to_ms, speaker| Cue {
            start,
            end,
            from_ms,
            to_ms,
            speaker,
        };
        Transcript {
            format: TranscriptFormat::WebVtt,
            speakers: vec![
                Speaker {
                    label: "SPEAKER_00".into(),
                    name: String::new(),
                },
                Speaker {
                    label: "Мария".into(),
                    name: String::new(),
                },
            ],
            cues: vec![
                cue(0, 10, 723_000, 730_000, Some(0)),
                cue(11, 20, 730_000, 739_400, Some(0)),
                cue(22, 30, 740_000, 745_000, Some(1)),
            ],
        }
    }

    #[test]
    fn a_span_gets_the_first_cues_start_the_last_ones_end_and_the_first_speaker() {
        let t = table();
        let m = t.moment(5, 25).unwrap();
        assert_eq!((m.from_ms, m.to_ms), (723_000, 745_000));
        assert_eq!(m.speaker.as_deref(), Some("SPEAKER_00"));
        assert_eq!(m.range_label(), "12:03–12:25");
        let m = t.moment(12, 15).unwrap();
        assert_eq!((m.from_ms, m.to_ms, m.to_s()), (730_000, 739_400, 740));
        assert_eq!(t.moment(22, 22).unwrap().speaker.as_deref(), Some("Мария"));
        assert_eq!(t.moment(40, 50), None);
    }

    #[test]
    fn faults_name_the_cue() {
        let mut t = table();
        assert!(t.faults(30).is_empty());
        assert_eq!(t.faults(25), vec![CueFault::OutOfBounds { cue: 2 }]);
        t.cues[1].start = 5;
        t.cues[2].speaker = Some(7);
        let faults = t.faults(30);
        assert_eq!(
            faults,
            vec![
                CueFault::OutOfOrder { cue: 1 },
                CueFault::UnknownSpeaker { cue: 2 }
            ]
        );
        assert_eq!(
            faults[0].to_string(),
            "cue 2 starts before the previous cue ends"
        );
    }

    #[test]
    fn an_edit_inside_a_cue_moves_the_later_ones() {
        let mut t = table();
        assert_eq!(t.splice(12, 14, 5), None, "inside one cue: nothing lost");
        assert_eq!((t.cues[0].start, t.cues[0].end), (0, 10));
        assert_eq!((t.cues[1].start, t.cues[1].end), (11, 23));
        assert_eq!((t.cues[2].start, t.cues[2].end), (25, 33));
        assert_eq!(t.splice(12, 17, 2), None);
        assert_eq!((t.cues[1].start, t.cues[1].end), (11, 20));
        assert_eq!((t.cues[2].start, t.cues[2].end), (22, 30));
        assert!(t.faults(30).is_empty());
        let before = t.clone();
        assert_eq!(
            t.splice(5, 25, 0),
            Some(before),
            "two cue boundaries swallowed"
        );
        assert!(t.faults(10).is_empty());
    }

    #[test]
    fn clocks_read_like_players() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(723_999), "12:03");
        assert_eq!(clock(3_723_000), "1:02:03");
        assert_eq!(seconds(723_500), 723.5);
    }
}
