//! Normalising article text so that char offsets stay stable.

use unicode_normalization::UnicodeNormalization;

/// NFC; `\r\n` and `\r` become `\n`; byte-order marks and zero-width
/// no-break spaces go, and so do soft hyphens (U+00AD: hyphenation hints
/// German and Dutch sites put inside words, `Mit&shy;tel&shy;al&shy;ter`;
/// invisible, but a quote or a search for "Mittelalter" would not match);
/// trailing spaces are trimmed; runs of blank lines become one paragraph
/// break; no blank lines at either end.
pub fn normalise(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let composed: String = unified
        .chars()
        .filter(|&c| c != '\u{feff}' && c != '\u{ad}')
        .nfc()
        .collect();
    let mut out = String::with_capacity(composed.len());
    let mut blank_run = 0;
    for line in composed.split('\n').map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn unifies_line_ends_and_blank_runs() {
        assert_eq!(
            normalise("\u{feff}One  \r\ntwo\r\r\n\n\nthree\n\n"),
            "One\ntwo\n\nthree"
        );
    }

    #[test]
    fn soft_hyphens_go() {
        // weinkenner.de writes every long word with `&shy;`.
        assert_eq!(
            normalise("Ita\u{ad}li\u{ad}ens, neben Baro\u{ad}lo und Bar\u{ad}ba\u{ad}res\u{ad}co"),
            "Italiens, neben Barolo und Barbaresco"
        );
        // A visible hyphen stays.
        assert_eq!(normalise("Mussolini-Regime"), "Mussolini-Regime");
    }

    #[test]
    fn composes_combining_marks() {
        assert_eq!(normalise("cafe\u{301}"), "caf\u{e9}");
        assert_eq!(normalise("и\u{306}"), "й");
    }
}
