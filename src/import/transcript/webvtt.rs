//! The WebVTT file parsing algorithm (W3C WebVTT, "WebVTT parser
//! algorithm"), as browsers run it: the signature, blocks split on blank
//! lines or at a timing line, cue identifiers, cue timings (settings are
//! read past and never make a cue fail), and `NOTE`, `STYLE` and `REGION`
//! blocks, which hold no cue and are skipped. A cue whose timing line does
//! not parse is dropped, as the specification says, and parsing goes on.

/// A cue as the file has it: its identifier, times and raw cue text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VttCue {
    pub id: String,
    pub from_ms: u64,
    pub to_ms: u64,
    /// The cue text, tags and entities still in it.
    pub text: String,
    /// The line (from 1) of the timing line.
    pub line: usize,
}

/// The text does not start with the `WEBVTT` signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoSignature;

/// Whether `text` (BOM already removed) starts like a WebVTT file.
pub fn has_signature(text: &str) -> bool {
    let rest = match text.strip_prefix("WEBVTT") {
        Some(rest) => rest,
        None => return false,
    };
    matches!(rest.chars().next(), None | Some(' ' | '\t' | '\n' | '\r'))
}

/// Every cue of a WebVTT file, in file order.
pub fn parse(text: &str) -> Result<Vec<VttCue>, NoSignature> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !has_signature(text) {
        return Err(NoSignature);
    }
    let prepared = prepare(text);
    let mut reader = Lines::new(&prepared);
    reader.next_line(); // the signature line; the rest of it is ignored
    if reader.at_end() {
        return Ok(Vec::new());
    }
    if !reader.at_blank() {
        reader.block(true);
    }
    let mut cues = Vec::new();
    reader.skip_blank();
    while !reader.at_end() {
        if let Some(cue) = reader.block(false) {
            cues.push(cue);
        }
        reader.skip_blank();
    }
    Ok(cues)
}

/// NUL becomes U+FFFD; CRLF and CR become LF.
fn prepare(text: &str) -> Vec<&str> {
    // Splitting on the three line ends at once keeps lines borrowed; NULs
    // are replaced later, in the few strings kept.
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\n', '\r']) {
        lines.push(&rest[..at]);
        let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + skip..];
    }
    lines.push(rest);
    lines
}

fn without_nul(text: &str) -> String {
    text.replace('\0', "\u{fffd}")
}

/// The file as lines, with the position of the next one. The input's
/// last line (after the last line end) is kept even when empty, so a file
/// ending in a line end has an empty last line, which the algorithm reads
/// as "past the end" once reached.
struct Lines<'a> {
    lines: Vec<&'a str>,
    next: usize,
}

impl<'a> Lines<'a> {
    fn new(lines: &[&'a str]) -> Self {
        let mut lines = lines.to_vec();
        if lines.last() == Some(&"") {
            lines.pop();
        }
        Lines { lines, next: 0 }
    }

    fn at_end(&self) -> bool {
        self.next >= self.lines.len()
    }

    fn at_blank(&self) -> bool {
        self.lines.get(self.next).is_some_and(|l| l.is_empty())
    }

    fn next_line(&mut self) -> &'a str {
        let line = self.lines.get(self.next).copied().unwrap_or("");
        self.next += 1;
        line
    }

    fn skip_blank(&mut self) {
        while self.at_blank() {
            self.next += 1;
        }
    }

    /// "Collect a WebVTT block": a cue, or `None` for a block without one
    /// (the header, a comment, a style sheet, a region).
    fn block(&mut self, in_header: bool) -> Option<VttCue> {
        let mut line_count = 0;
        let mut previous = self.next;
        let mut buffer = String::new();
        let mut seen_arrow = false;
        let mut cue: Option<VttCue> = None;
        loop {
            let line_at = self.next;
            let line = self.next_line();
            line_count += 1;
            if line.contains("-->") {
                let may_start = line_count == 1 || (line_count == 2 && !seen_arrow);
                if in_header || !may_start {
                    self.next = previous;
                    break;
                }
                seen_arrow = true;
                previous = self.next;
                cue = timings(line).map(|(from_ms, to_ms)| VttCue {
                    id: without_nul(&buffer),
                    from_ms,
                    to_ms,
                    text: String::new(),
                    line: line_at + 1,
                });
                if cue.is_some() {
                    buffer.clear();
                }
            } else if line.is_empty() {
                break;
            } else {
                if !buffer.is_empty() {
                    buffer.push('\n');
                }
                buffer.push_str(line);
                previous = self.next;
            }
            if self.at_end() {
                break;
            }
        }
        cue.map(|cue| VttCue {
            text: without_nul(&buffer),
            ..cue
        })
    }
}

/// ASCII whitespace as the WebVTT parser skips it (not vertical tab).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

/// "Collect WebVTT cue timings and settings": the start and end time; the
/// settings after them never make the line fail.
fn timings(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim_start_matches(is_space);
    let (from, rest) = timestamp(rest)?;
    let rest = rest.trim_start_matches(is_space).strip_prefix("-->")?;
    let (to, _settings) = timestamp(rest.trim_start_matches(is_space))?;
    Some((from, to))
}

/// Leading ASCII digits of `text` and what follows them.
fn digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

/// "Collect a WebVTT timestamp": `mm:ss.ttt` or `h…h:mm:ss.ttt`, in
/// milliseconds, with the rest of the text.
pub fn timestamp(text: &str) -> Option<(u64, &str)> {
    let (first, rest) = digits(text);
    if first.is_empty() {
        return None;
    }
    let hours_first = first.len() != 2 || first.parse::<u64>().ok()? > 59;
    let rest = rest.strip_prefix(':')?;
    let (second, rest) = digits(rest);
    if second.len() != 2 {
        return None;
    }
    let (hours, minutes, seconds, rest) = if hours_first || rest.starts_with(':') {
        let rest = rest.strip_prefix(':')?;
        let (third, rest) = digits(rest);
        if third.len() != 2 {
            return None;
        }
        (first, second, third, rest)
    } else {
        ("0", first, second, rest)
    };
    let rest = rest.strip_prefix('.')?;
    let (millis, rest) = digits(rest);
    if millis.len() != 3 {
        return None;
    }
    let (minutes, seconds): (u64, u64) = (minutes.parse().ok()?, seconds.parse().ok()?);
    if minutes > 59 || seconds > 59 {
        return None;
    }
    let hours: u64 = hours.parse().ok().filter(|h| *h < 1_000_000_000)?;
    let ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis.parse::<u64>().ok()?;
    Some((ms, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_follow_the_spec() {
        assert_eq!(timestamp("00:01.500"), Some((1500, "")));
        assert_eq!(timestamp("01:00:00.000 x"), Some((3_600_000, " x")));
        assert_eq!(timestamp("60:00:00.000").map(|t| t.0), Some(216_000_000));
        assert_eq!(timestamp("000:00:00.000").map(|t| t.0), Some(0));
        assert_eq!(timestamp("0:00.000"), None);
        assert_eq!(timestamp("00:60.000"), None);
        assert_eq!(timestamp("00:00.00"), None);
        assert_eq!(timestamp("99999999999999999999:00:00.000"), None);
    }

    #[test]
    fn a_cue_right_after_the_signature_is_read() {
        let cues = parse("WEBVTT\n00:00.000 --> 00:01.000\ntext").unwrap();
        assert_eq!(cues.len(), 1);
        assert_eq!((cues[0].text.as_str(), cues[0].line), ("text", 2));
    }

    #[test]
    fn the_signature_is_required() {
        assert_eq!(parse("WEBVTTX\n"), Err(NoSignature));
        assert_eq!(
            parse("1\n00:00:01,000 --> 00:00:02,000\nhi"),
            Err(NoSignature)
        );
        assert_eq!(parse("\u{feff}WEBVTT"), Ok(Vec::new()));
    }
}
