//! Speaker labels written into caption text: `SPEAKER_00: …` (diarised
//! transcripts), `[SPEAKER_01]: …`, `>> MODERATOR: …` and `MR. SMITH: …`
//! (broadcast captions name a speaker in capitals when the turn changes).
//! A label is taken only in those shapes, so `Note: …` or `[Applause]`
//! stay text.

/// Longest label taken for a speaker's name.
const MAX_LABEL_CHARS: usize = 40;

/// The speaker label starting `text`, and the text after it.
pub fn split_label(text: &str) -> Option<(String, &str)> {
    let text = text.trim_start();
    let text = text.strip_prefix(">>").unwrap_or(text).trim_start();
    if let Some(inner) = text.strip_prefix('[') {
        let (label, rest) = inner.split_once(']')?;
        let rest = rest.strip_prefix(':')?;
        return name_like(label, true).then(|| (label.trim().to_owned(), rest.trim_start()));
    }
    let (label, rest) = text.split_once(':')?;
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    (diarised(label) || capitals(label)).then(|| (label.trim().to_owned(), rest.trim_start()))
}

/// `SPEAKER_00`, `SPEAKER 1`, `Speaker 2`.
fn diarised(label: &str) -> bool {
    let upper = label.trim().to_uppercase();
    let Some(number) = upper
        .strip_prefix("SPEAKER")
        .map(|n| n.trim_start_matches([' ', '_']))
    else {
        return false;
    };
    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
}

/// A name in capitals: letters (at least two, none lower case), spaces,
/// dots, hyphens and apostrophes, at most four words.
fn capitals(label: &str) -> bool {
    let label = label.trim();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !label.chars().any(char::is_lowercase)
        && label.chars().any(char::is_uppercase)
        && name_like(label, false)
}

/// Short enough, few words, only name characters (digits too when
/// `digits`, for bracketed labels such as `SPEAKER_01`).
fn name_like(label: &str, digits: bool) -> bool {
    let label = label.trim();
    !label.is_empty()
        && label.chars().count() <= MAX_LABEL_CHARS
        && label.split_whitespace().count() <= 4
        && label.chars().all(|c| {
            c.is_alphabetic()
                || matches!(c, ' ' | '.' | '-' | '\'' | '’')
                || (digits && (c.is_ascii_digit() || c == '_'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_the_usual_shapes_are_taken() {
        let label = |t| split_label(t).map(|(l, r)| (l, r.to_owned()));
        assert_eq!(
            label("SPEAKER_00: Hello"),
            Some(("SPEAKER_00".into(), "Hello".into()))
        );
        assert_eq!(
            label("[SPEAKER_01]: Да"),
            Some(("SPEAKER_01".into(), "Да".into()))
        );
        assert_eq!(
            label(">> MR. O'BRIEN: Thanks."),
            Some(("MR. O'BRIEN".into(), "Thanks.".into()))
        );
        assert_eq!(
            label("ПУТИН: Спасибо"),
            Some(("ПУТИН".into(), "Спасибо".into()))
        );
    }

    #[test]
    fn ordinary_text_is_not_a_label() {
        for text in [
            "Note: this is text",
            "[Applause]",
            "At 10:30 we met",
            "USA:Canada",
            "I said: no",
            "THE PRESIDENT OF THE UNITED STATES SAID: x",
            "习近平：你好",
        ] {
            assert_eq!(split_label(text), None, "{text}");
        }
    }
}
