//! SubRip (`.srt`) by its de-facto rules: a cue is an optional number, a
//! timing line `00:00:01,000 --> 00:00:04,000` (a comma or a dot before the
//! milliseconds, one to three of them, one or more hour digits, anything
//! after the end time ignored) and text lines; cues are separated by blank
//! lines, or by nothing when a timing line (or a number before one) comes
//! straight after text. Formatting tags (`<i>`, `<font …>`) and ASS
//! overrides (`{\an8}`) are stripped.

use super::{RawCue, TranscriptError};

/// Every cue of an SRT file (line ends already `\n`).
pub fn parse(text: &str) -> Result<Vec<RawCue>, TranscriptError> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut cues: Vec<RawCue> = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        let line = lines[n].trim();
        if line.is_empty() {
            n += 1;
            continue;
        }
        let timing_at = if is_index(line) && lines.get(n + 1).is_some_and(|l| timing(l).is_some()) {
            n + 1
        } else {
            n
        };
        let Some((from_ms, to_ms)) = timing(lines[timing_at]) else {
            continue_or_refuse(&mut cues, line, n)?;
            n += 1;
            continue;
        };
        if to_ms < from_ms {
            return Err(TranscriptError::new(
                timing_at + 1,
                "the cue ends before it starts".to_owned(),
            ));
        }
        let (text, next) = cue_lines(&lines, timing_at + 1);
        let mut cue = RawCue::new(timing_at + 1, from_ms, to_ms, strip_tags(&text));
        if let Some(voice) = voice_span(&text) {
            cue.speaker = Some(voice);
            cue.carries = false;
        }
        cues.push(cue);
        n = next;
    }
    Ok(cues)
}

/// Text outside any cue: after a cue it belongs to that cue (a blank line
/// inside its text); before the first cue the file is not SRT.
fn continue_or_refuse(cues: &mut [RawCue], line: &str, n: usize) -> Result<(), TranscriptError> {
    match cues.last_mut() {
        Some(cue) => {
            cue.text.push('\n');
            cue.text.push_str(&strip_tags(line));
            Ok(())
        }
        None => Err(TranscriptError::new(
            n + 1,
            "expected a cue number or a timing such as 00:00:01,000 --> 00:00:04,000".to_owned(),
        )),
    }
}

/// The text lines of a cue from line `from`, and where the next cue starts.
fn cue_lines(lines: &[&str], from: usize) -> (String, usize) {
    let mut text = String::new();
    let mut n = from;
    while let Some(line) = lines.get(n) {
        let starts_next = timing(line).is_some()
            || (is_index(line.trim()) && lines.get(n + 1).is_some_and(|l| timing(l).is_some()));
        if line.trim().is_empty() || starts_next {
            break;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
        n += 1;
    }
    (text, n)
}

fn is_index(line: &str) -> bool {
    !line.is_empty() && line.len() <= 9 && line.bytes().all(|b| b.is_ascii_digit())
}

/// The start and end of a timing line, in milliseconds.
pub fn timing(line: &str) -> Option<(u64, u64)> {
    let (from, to) = line.split_once("-->")?;
    let from = time(from.trim())?;
    let to = time(to.split_whitespace().next()?)?;
    Some((from, to))
}

/// `h:mm:ss,ttt` or `h:mm:ss.ttt` (one to three millisecond digits, read
/// as a fraction: `,5` is 500 ms), or `mm:ss,ttt`.
fn time(text: &str) -> Option<u64> {
    let (clock, fraction) = text.split_once([',', '.']).unwrap_or((text, "0"));
    if fraction.is_empty() || fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let millis: u64 = format!("{fraction:0<3}").parse().ok()?;
    let parts: Vec<&str> = clock.split(':').collect();
    let numbers = parts
        .iter()
        .map(|p| {
            let ok = !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| p.parse::<u64>().ok()).flatten()
        })
        .collect::<Option<Vec<u64>>>()?;
    let seconds = match numbers[..] {
        [h, m, s] if m < 60 && s < 60 => (h * 60 + m) * 60 + s,
        [m, s] if s < 60 => m * 60 + s,
        _ => return None,
    };
    Some(seconds * 1000 + millis)
}

/// The speaker of a WebVTT voice span left in an SRT cue (`<v Bob>…`),
/// as files converted from WebVTT have them.
fn voice_span(text: &str) -> Option<String> {
    let at = text.find("<v")?;
    let tag = &text[at..];
    let end = tag.find('>')?;
    super::flatten(&tag[..=end]).voice
}

/// Removes `<tag …>` / `</tag>` formatting and `{\…}` overrides.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['<', '{']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (is_tag, close) = match tail.starts_with('<') {
            true => (
                tail[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'),
                '>',
            ),
            false => (tail.starts_with("{\\"), '}'),
        };
        match tail.find(close).filter(|_| is_tag) {
            Some(end) => rest = &tail[end + 1..],
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_take_a_comma_or_a_dot() {
        assert_eq!(
            timing("00:12:03,000 --> 00:12:19,500"),
            Some((723_000, 739_500))
        );
        assert_eq!(
            timing("0:12:03.5 --> 0:12:04.25 X1:10"),
            Some((723_500, 724_250))
        );
        assert_eq!(timing("00:61:00,000 --> 00:62:00,000"), None);
        assert_eq!(timing("hello --> there"), None);
    }

    #[test]
    fn cues_without_numbers_or_blank_lines_are_read() {
        let cues = parse("00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n00:00:05,000 --> 00:00:06,000\n<i>Three</i> {\\an8}x\n").unwrap();
        let texts: Vec<_> = cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["One", "Two", "Three x"]);
        assert_eq!(cues[2].line, 6);
    }

    #[test]
    fn a_voice_span_names_its_cue() {
        let cues =
            parse("1\n00:00:01,000 --> 00:00:02,000\n<v.loud Мария  Петрова>Да</v>\n").unwrap();
        assert_eq!(cues[0].speaker.as_deref(), Some("Мария Петрова"));
        assert_eq!((cues[0].text.as_str(), cues[0].carries), ("Да", false));
        assert_eq!(voice_span("a <video> b"), None);
    }

    #[test]
    fn text_after_a_blank_line_inside_a_cue_stays_with_it() {
        let cues = parse("1\n00:00:01,000 --> 00:00:02,000\nLine one\n\nLine two\n\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n").unwrap();
        let texts: Vec<_> = cues.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["Line one\nLine two", "Next"]);
    }

    #[test]
    fn a_file_that_is_not_srt_is_refused_at_its_first_line() {
        let error = parse("\nDear editor,\nplease see\n").unwrap_err();
        assert_eq!(error.line, 2);
        let error = parse("1\n00:00:05,000 --> 00:00:01,000\nBackwards\n").unwrap_err();
        assert_eq!(
            (error.line, error.what.as_str()),
            (2, "the cue ends before it starts")
        );
    }

    #[test]
    fn angle_brackets_that_are_not_tags_stay() {
        assert_eq!(strip_tags("a < b and 3<4 {x}"), "a < b and 3<4 {x}");
        assert_eq!(strip_tags("<font color=\"red\">red</font>"), "red");
    }
}
