//! Quoting input in messages without repeating all of it: a message about
//! a 100 KB token shows its first [`QUOTE_CHARS`] characters and "…", so
//! that an error stays one readable line whatever the file holds.

/// How many characters of an input a message quotes.
pub const QUOTE_CHARS: usize = 80;

/// `text` cut to `max_chars` chars with "…" when longer (never inside a
/// char; a cut may fall inside a grapheme cluster, which is harmless in a
/// message).
pub fn cut(text: &str, max_chars: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max_chars) {
        Some((byte, _)) => format!("{}…", &text[..byte]).into(),
        None => text.into(),
    }
}

/// `text` quoted for a message as Rust's `{:?}` would (escapes and all),
/// cut to [`QUOTE_CHARS`] chars with "…" inside the quotes when longer.
pub fn quoted(text: &str) -> String {
    format!("{:?}", cut(text, QUOTE_CHARS))
}

/// A message from a parser with every quoted part (between backticks or
/// double quotes) cut to [`QUOTE_CHARS`] chars with "…"; the words around
/// the quotes are kept as the parser wrote them.
pub fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let delimiter = rest[open..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        let (quote, after) = match inside.find(delimiter) {
            Some(close) => (&inside[..close], &inside[close..]),
            None => (inside, ""),
        };
        out.push_str(&cut(quote, QUOTE_CHARS));
        match after.chars().next() {
            Some(close) => {
                out.push(close);
                rest = &after[close.len_utf8()..];
            }
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quotes_are_cut_short_ones_kept() {
        let long = "ы".repeat(100_000);
        let message = format!("unexpected field named `{long}`, expected \"title\"");
        let short = shorten_quotes(&message);
        assert_eq!(
            short,
            format!(
                "unexpected field named `{}…`, expected \"title\"",
                "ы".repeat(80)
            )
        );
        assert_eq!(shorten_quotes("no quotes at all"), "no quotes at all");
        assert_eq!(shorten_quotes("`a` and \"习近平\""), "`a` and \"习近平\"");
        let unclosed = shorten_quotes(&format!("found `{}", "x".repeat(500)));
        assert_eq!(unclosed, format!("found `{}…", "x".repeat(80)));
    }

    #[test]
    fn quoted_escapes_and_cuts() {
        assert_eq!(quoted("Путин \"сказал\""), "\"Путин \\\"сказал\\\"\"");
        let long = "👩\u{200d}👧".repeat(100);
        assert!(quoted(&long).ends_with("…\""));
        assert_eq!(cut(&long, QUOTE_CHARS).chars().count(), QUOTE_CHARS + 1);
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "abc…");
    }
}
