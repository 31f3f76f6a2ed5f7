//! Making untrusted text inert where no library does it for us: Markdown,
//! CSV cells, JSON inside a `<script>` block, which URLs may become links,
//! and bidirectional controls. HTML escaping itself is the report
//! template's (maud escapes every value by construction, see
//! [`super::html`]); this module only splits out the overrides it shows.
//!
//! Everything in a workspace (article text and titles, notes, URLs,
//! rationales) comes from the web or from users, so every exporter passes it
//! through one of these functions before it reaches the output.
//!
//! **Bidirectional controls.** The explicit embedding, override and isolate
//! controls (U+202A–U+202E, U+2066–U+2069) are invisible and can reorder the
//! text around them. In HTML and Markdown they are replaced by a visible
//! `⟨U+202E⟩` placeholder, so they can neither reorder the report's own text
//! (claim numbers, labels) nor hide that they were there — a fact-checker
//! wants to see them. The marks U+200E, U+200F and U+061C are legitimate in
//! Arabic and Hebrew text and stay; the HTML report additionally isolates
//! every piece of user text (`<bdi>` inline, `dir="auto"` on blocks), so
//! neither marks nor right-to-left letters can move the report's text.
//! Data formats (CSV, JSON) keep the text exactly as it is.

/// URL schemes that may become links; anything else is shown as text.
const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Whether `c` is an explicit bidirectional embedding, override or isolate
/// control, which can reorder the text that follows it.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is any bidirectional formatting character: the overrides and
/// isolates of [`is_bidi_override`] and the marks LRM, RLM and ALM.
pub fn is_bidi_control(c: char) -> bool {
    is_bidi_override(c) || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The visible stand-in for a bidirectional override: `⟨U+202E⟩`.
pub fn bidi_placeholder(c: char) -> String {
    format!("⟨U+{:04X}⟩", u32::from(c))
}

/// The URL to link to, if `url` may become a link: trimmed, with an `http`,
/// `https` or `mailto` scheme (any case), an `http(s)` URL with a host, and
/// no whitespace, control or bidirectional characters anywhere (browsers
/// drop tabs and newlines inside URLs, which would let `java\nscript:`
/// through a naive check). Relative URLs are refused: a report must not
/// link into the reader's file system.
pub fn safe_link(url: &str) -> Option<&str> {
    let url = url.trim();
    if url.is_empty()
        || url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_bidi_control(c))
    {
        return None;
    }
    let (scheme, rest) = url.split_once(':')?;
    let scheme = LINK_SCHEMES
        .into_iter()
        .find(|allowed| scheme.eq_ignore_ascii_case(allowed))?;
    let has_target = if scheme == "mailto" {
        !rest.is_empty()
    } else {
        rest.strip_prefix("//")
            .and_then(|r| r.split(['/', '?', '#']).next())
            .is_some_and(|host| !host.is_empty())
    };
    has_target.then_some(url)
}

/// Whether a link to `url` (already passed through [`safe_link`]) is an
/// `http(s)` web address, as JSON-LD `url` properties need.
pub fn is_web_url(url: &str) -> bool {
    safe_link(url).is_some_and(|u| {
        let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    })
}

/// A piece of user text: a run of ordinary text, or one bidirectional
/// override to show as a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BidiPiece<'t> {
    Text(&'t str),
    Override(char),
}

/// `text` split at its bidirectional overrides, in order (the HTML report
/// escapes the text runs through its template engine and shows each
/// override as a visible placeholder).
pub fn bidi_pieces(text: &str) -> impl Iterator<Item = BidiPiece<'_>> {
    let mut rest = text;
    let mut pending: Option<char> = None;
    std::iter::from_fn(move || {
        if let Some(control) = pending.take() {
            return Some(BidiPiece::Override(control));
        }
        if rest.is_empty() {
            return None;
        }
        match rest.char_indices().find(|&(_, c)| is_bidi_override(c)) {
            Some((0, control)) => {
                rest = &rest[control.len_utf8()..];
                Some(BidiPiece::Override(control))
            }
            Some((at, control)) => {
                let run = &rest[..at];
                rest = &rest[at + control.len_utf8()..];
                pending = Some(control);
                Some(BidiPiece::Text(run))
            }
            None => {
                let run = rest;
                rest = "";
                Some(BidiPiece::Text(run))
            }
        }
    })
}

/// `text` with every bidirectional override replaced by its placeholder,
/// for places that hold only text (the page `<title>`).
pub fn with_bidi_placeholders(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_bidi_override) {
        return text.into();
    }
    bidi_pieces(text)
        .map(|piece| match piece {
            BidiPiece::Text(run) => run.to_owned(),
            BidiPiece::Override(c) => bidi_placeholder(c),
        })
        .collect::<String>()
        .into()
}

/// The Unicode name of a bidirectional override, for the placeholder's tooltip.
pub fn bidi_name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => "bidirectional control",
    }
}

/// JSON text made safe to place inside an HTML `<script>` element: `<`,
/// `>` and `&` become `\u003c`, `\u003e` and `\u0026` (so neither
/// `</script>` nor `<!--` can appear), and U+2028/U+2029 are escaped too.
/// These characters can only occur inside JSON strings, where the escapes
/// mean the same characters, so the JSON value is unchanged.
pub fn json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A CSV cell value that a spreadsheet will not run as a formula: a value
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading apostrophe (the OWASP recommendation). Other values are kept as
/// they are; quoting is the CSV writer's job.
pub fn csv_cell(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// Characters that mean something to Markdown anywhere in a line, and that
/// are escaped with a backslash. `<` and `&` are escaped so no raw HTML or
/// entity can form; `[`, `]` so no link or image can form.
const MARKDOWN_INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '{', '}', '$', '#',
];

/// Appends one line of `text` (no newlines) escaped for Markdown inline
/// content; `line_start` says whether it begins a line, where `-`, `+`,
/// `=` and `1.` would start a block (`#` is escaped everywhere, as a
/// heading's closing sequence would drop it).
pub fn push_markdown_inline(out: &mut String, text: &str, line_start: bool) {
    let text = if line_start {
        guard_block_start(out, text.trim_start())
    } else {
        text
    };
    for c in text.chars() {
        if MARKDOWN_INLINE.contains(&c) {
            out.push('\\');
            out.push(c);
        } else if is_bidi_override(c) {
            out.push_str(&bidi_placeholder(c));
        } else if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
}

/// Escapes what would make a line a heading, list item or thematic break,
/// and returns the rest of the line for the caller to write.
fn guard_block_start<'t>(out: &mut String, text: &'t str) -> &'t str {
    if matches!(text.chars().next(), Some('-' | '+' | '=')) {
        out.push('\\');
        return text;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
        out.push_str(&text[..digits]);
        out.push('\\');
        return &text[digits..];
    }
    text
}

/// Multi-line user text as Markdown paragraphs: each non-empty line becomes
/// its own paragraph, escaped, with a blank line between them.
pub fn push_markdown_paragraphs(out: &mut String, text: &str) {
    let mut first = true;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if !first {
            out.push_str("\n\n");
        }
        push_markdown_inline(out, line, true);
        first = false;
    }
}

/// Text on one line for Markdown (list items, table cells, headings):
/// newlines become spaces.
pub fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let single_line = text.replace(['\n', '\r'], " ");
    push_markdown_inline(&mut out, &single_line, false);
    out
}

/// A Markdown link to `url` with `label` as its text, or the label alone
/// (with the URL as escaped text) when the URL may not become a link.
pub fn markdown_link(label: &str, url: &str) -> String {
    let label = if label.trim().is_empty() { url } else { label };
    match safe_link(url) {
        Some(url) => format!("[{}](<{}>)", markdown_inline(label), markdown_url(url)),
        None => markdown_inline(label),
    }
}

/// A safe URL for a Markdown `<…>` link destination: the characters that
/// could end it (`<`, `>`) or be read as escapes (`\`) are percent-encoded.
fn markdown_url(url: &str) -> String {
    url.replace('\\', "%5C")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_https_and_mailto_become_links() {
        assert_eq!(
            safe_link(" https://example.org/a "),
            Some("https://example.org/a")
        );
        assert_eq!(safe_link("HTTP://EXAMPLE.ORG"), Some("HTTP://EXAMPLE.ORG"));
        assert_eq!(
            safe_link("mailto:desk@example.org"),
            Some("mailto:desk@example.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\nscript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "//evil.example.org/x",
            "/relative/path",
            "reports/x.html",
            "https:evil.example.org",
            "https://",
            "https:///path",
            "mailto:",
            "https://example.org/a b",
            "https://exa\u{202E}mple.org",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?} must not become a link");
        }
    }

    #[test]
    fn web_urls_are_only_http_and_https() {
        assert!(is_web_url("https://example.org"));
        assert!(is_web_url("Http://example.org"));
        assert!(!is_web_url("mailto:desk@example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
    }

    #[test]
    fn text_splits_at_overrides_and_keeps_marks() {
        let pieces: Vec<BidiPiece<'_>> =
            bidi_pieces("\u{202E}gnp.exe\u{202C} שלום\u{200F}").collect();
        assert_eq!(
            pieces,
            [
                BidiPiece::Override('\u{202E}'),
                BidiPiece::Text("gnp.exe"),
                BidiPiece::Override('\u{202C}'),
                BidiPiece::Text(" שלום\u{200F}"),
            ]
        );
        assert_eq!(bidi_pieces("").count(), 0);
        assert_eq!(with_bidi_placeholders("a\u{202E}<b>"), "a⟨U+202E⟩<b>");
    }

    #[test]
    fn json_cannot_close_a_script_block() {
        let json = serde_json::to_string("</script><!-- & \u{2028}\u{2029}").unwrap();
        let safe = json_for_script(&json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert!(!safe.contains('\u{2028}') && !safe.contains('\u{2029}'));
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}\u{2029}");
    }

    #[test]
    fn formula_cells_get_an_apostrophe() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(formula), format!("'{formula}"));
        }
        assert_eq!(csv_cell("plain, \"quoted\""), "plain, \"quoted\"");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(
            markdown_inline("<script>[x](javascript:y) *a* _b_ `c` | &amp; C# ##"),
            "\\<script\\>\\[x\\](javascript:y) \\*a\\* \\_b\\_ \\`c\\` \\| \\&amp; C\\# \\#\\#"
        );
        let mut out = String::new();
        push_markdown_paragraphs(&mut out, "# not a heading\n- not a list\n2024. not a list");
        assert_eq!(
            out,
            "\\# not a heading\n\n\\- not a list\n\n2024\\. not a list"
        );
    }

    #[test]
    fn markdown_links_only_for_safe_urls() {
        assert_eq!(
            markdown_link("Report [1]", "https://example.org/a>b"),
            "[Report \\[1\\]](<https://example.org/a%3Eb>)"
        );
        assert_eq!(markdown_link("Click", "javascript:alert(1)"), "Click");
        assert_eq!(
            markdown_link("", "javascript:alert(1)"),
            "javascript:alert(1)"
        );
    }
}
