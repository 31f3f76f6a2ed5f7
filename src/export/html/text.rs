//! The report's building blocks for user text: [`Text`], which the template
//! escapes for element content and whose bidirectional overrides it shows as
//! placeholders; isolated inline text, paragraphs, links that only become
//! links for allowed schemes, and dates.

use crate::export::escape::{BidiPiece, bidi_name, bidi_pieces, bidi_placeholder, safe_link};
use jiff::Timestamp;
use jiff::civil::Date;
use maud::{Markup, Render, html};

/// User text as element content: `&`, `<` and `>` escaped (quotes need no
/// escaping outside attributes), each bidirectional override shown as a
/// visible `⟨U+202E⟩` placeholder so it can reorder nothing.
pub(super) struct Text<'t>(pub &'t str);

impl Render for Text<'_> {
    fn render_to(&self, out: &mut String) {
        for piece in bidi_pieces(self.0) {
            match piece {
                BidiPiece::Text(run) => {
                    html_escape::encode_text_to_string(run, out);
                }
                BidiPiece::Override(control) => {
                    let title = format!("hidden control character: {}", bidi_name(control));
                    html! { span.ctl title=(title) { (bidi_placeholder(control)) } }.render_to(out);
                }
            }
        }
    }
}

/// User text inline, isolated so its direction cannot leak.
pub(super) fn bdi(text: &str) -> Markup {
    html! { bdi { (Text(text)) } }
}

/// User text as paragraphs, one per non-empty line.
pub(super) fn paragraphs(text: &str) -> Markup {
    html! {
        @for line in text.lines().filter(|l| !l.trim().is_empty()) {
            p dir="auto" { (Text(line.trim())) }
            "\n"
        }
    }
}

/// A link to `url` labelled `label` (the URL when the label is empty), or
/// the label as text when the URL may not become a link.
pub(super) fn link(url: &str, label: &str) -> Markup {
    let label = if label.trim().is_empty() {
        url.trim()
    } else {
        label
    };
    html! {
        @match safe_link(url) {
            Some(href) => a href=(href) rel="noopener noreferrer" { (bdi(label)) },
            None => (bdi(label)),
        }
    }
}

pub(super) fn date(date: Date) -> Markup {
    html! { time datetime=(date.to_string()) { (date.strftime("%-d %B %Y").to_string()) } }
}

/// The UTC day of a moment.
pub(super) fn day(moment: Timestamp) -> Date {
    moment.to_zoned_datetime(jiff::tz::TimeZone::UTC).date()
}

pub(super) fn plural<'s>(n: usize, one: &'s str, many: &'s str) -> &'s str {
    if n == 1 { one } else { many }
}

pub(super) fn title_or_untitled(title: &str) -> &str {
    if title.trim().is_empty() {
        "Untitled"
    } else {
        title
    }
}

/// `lang` for an article whose language tag looks like a BCP 47 tag.
pub(super) fn plausible_lang(language: &str) -> Option<&str> {
    let tag = language.trim();
    let plausible = !tag.is_empty()
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    plausible.then_some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_overrides_are_visible() {
        assert_eq!(
            Text("<img src=x onerror=alert(1)> & \u{202E}evil \"q\"")
                .render()
                .into_string(),
            "&lt;img src=x onerror=alert(1)&gt; &amp; <span class=\"ctl\" title=\"hidden control character: RIGHT-TO-LEFT OVERRIDE\">⟨U+202E⟩</span>evil \"q\""
        );
        assert_eq!(
            Text("שלום\u{200F}!").render().into_string(),
            "שלום\u{200F}!",
            "marks stay, isolation contains them"
        );
    }

    #[test]
    fn only_safe_urls_become_links() {
        assert_eq!(
            link("javascript:alert(1)", "x").into_string(),
            "<bdi>x</bdi>"
        );
        assert_eq!(
            link("https://example.org/?a=1&b=\"2\"", "").into_string(),
            "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\"><bdi>https://example.org/?a=1&amp;b=\"2\"</bdi></a>"
        );
    }
}
