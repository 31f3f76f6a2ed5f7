//! Making untrusted text inert in each output context: HTML text and
//! attributes, Markdown, CSV cells, JSON inside a `<script>` block, and
//! which URLs may become links.
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

use std::fmt::Write as _;

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

/// Appends `text` escaped for HTML element content, with bidirectional
/// overrides replaced by visible placeholders.
pub fn push_html_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((at, control)) = rest.char_indices().find(|&(_, c)| is_bidi_override(c)) {
        html_escape::encode_text_to_string(&rest[..at], out);
        let name = bidi_name(control);
        let _ = write!(
            out,
            "<span class=\"ctl\" title=\"hidden control character: {name}\">{}</span>",
            bidi_placeholder(control)
        );
        rest = &rest[at + control.len_utf8()..];
    }
    html_escape::encode_text_to_string(rest, out);
}

/// Appends `text` escaped for an element that holds only text, such as
/// `<title>` (no markup is possible there): overrides become the plain
/// placeholder text.
pub fn push_html_plain_text(out: &mut String, text: &str) {
    if text.chars().any(is_bidi_override) {
        let shown: String = text
            .chars()
            .map(|c| {
                if is_bidi_override(c) {
                    bidi_placeholder(c)
                } else {
                    c.to_string()
                }
            })
            .collect();
        html_escape::encode_text_to_string(shown, out);
    } else {
        html_escape::encode_text_to_string(text, out);
    }
}

/// Appends `text` escaped for a double-quoted HTML attribute value, with
/// bidirectional overrides removed (attribute values are never shown as
/// part of the report's text).
pub fn push_html_attr(out: &mut String, text: &str) {
    if text.chars().any(is_bidi_override) {
        let cleaned: String = text.chars().filter(|&c| !is_bidi_override(c)).collect();
        html_escape::encode_double_quoted_attribute_to_string(cleaned, out);
    } else {
        html_escape::encode_double_quoted_attribute_to_string(text, out);
    }
}

/// The Unicode name of a bidirectional override, for the placeholder's tooltip.
fn bidi_name(c: char) -> &'static str {
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
    fn html_text_is_escaped_and_overrides_are_visible() {
        let mut out = String::new();
        push_html_text(&mut out, "<img src=x onerror=alert(1)> & \u{202E}evil");
        assert_eq!(
            out,
            "&lt;img src=x onerror=alert(1)&gt; &amp; <span class=\"ctl\" title=\"hidden control character: RIGHT-TO-LEFT OVERRIDE\">⟨U+202E⟩</span>evil"
        );
        let mut kept = String::new();
        push_html_text(&mut kept, "שלום\u{200F}!");
        assert_eq!(kept, "שלום\u{200F}!", "marks stay, isolation contains them");
    }

    #[test]
    fn plain_text_elements_get_placeholders_without_markup() {
        let mut out = String::new();
        push_html_plain_text(&mut out, "a\u{202E}<b>");
        assert_eq!(out, "a⟨U+202E⟩&lt;b&gt;");
    }

    #[test]
    fn html_attributes_escape_quotes_and_drop_overrides() {
        let mut out = String::new();
        push_html_attr(&mut out, "\" onmouseover=\"alert(1)\u{2066}");
        assert_eq!(out, "&quot; onmouseover=&quot;alert(1)");
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
