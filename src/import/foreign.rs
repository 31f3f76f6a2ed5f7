//! What the bounding pass ([`super::bound`]) must know of the tree
//! builder to tokenize a page the way html5ever does: which elements hold
//! raw text (the tokenizer reads `<script>`, `<style>`, `<iframe>`… to
//! their end tag without seeing tags inside), and where SVG and MathML
//! ("foreign content") begin and end — inside them a self-closing
//! `<title/>` is an empty element, not the start of a title running to the
//! end of the page, `<style>` holds markup, and `<![CDATA[…]]>` is text.

use html5tokenizer::State;

/// The namespace an element is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Namespace {
    Html,
    Svg,
    MathMl,
}

/// How the tokenizer reads what follows an HTML start tag: the raw-text
/// elements' content up to their end tag, as text.
///
/// A script is read as RAWTEXT, not in html5tokenizer's script data
/// state: in 0.5.2 that state goes back to the *data* state after an end
/// tag that does not end the script (`"</h4>"` in a string), and reads the
/// rest of the script as markup. RAWTEXT ends at the first `</script`, as
/// script data does except in a script that writes one inside `<!--`
/// after a `<script` (the "double-escaped" state), which pages hardly do.
pub fn state_after(name: &str) -> Option<State> {
    Some(match name {
        "title" | "textarea" => State::Rcdata,
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "script" => State::Rawtext,
        "plaintext" => State::Plaintext,
        _ => return None,
    })
}

/// The namespace of an element started inside HTML (or at an integration
/// point): `<svg>` and `<math>` open foreign content.
pub fn namespace_of_html_child(name: &str) -> Namespace {
    match name {
        "svg" => Namespace::Svg,
        "math" => Namespace::MathMl,
        _ => Namespace::Html,
    }
}

/// Foreign elements whose content is HTML again: SVG's `foreignObject`,
/// `desc` and `title` (when they have content), MathML's text elements.
pub fn is_integration_point(name: &str, namespace: Namespace) -> bool {
    match namespace {
        Namespace::Html => false,
        Namespace::Svg => matches!(name, "foreignobject" | "desc" | "title"),
        Namespace::MathMl => matches!(name, "mi" | "mo" | "mn" | "ms" | "mtext"),
    }
}

/// HTML start tags that end foreign content: the tree builder closes the
/// open SVG or MathML elements and reads the tag as HTML. (`<font>` only
/// with `color`, `face` or `size`.)
pub fn breaks_out_of_foreign_content(name: &str, has_font_attributes: bool) -> bool {
    const BREAKOUT: &[&str] = &[
        "b",
        "big",
        "blockquote",
        "body",
        "br",
        "center",
        "code",
        "dd",
        "div",
        "dl",
        "dt",
        "em",
        "embed",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "i",
        "img",
        "li",
        "listing",
        "menu",
        "meta",
        "nobr",
        "ol",
        "p",
        "pre",
        "ruby",
        "s",
        "small",
        "span",
        "strong",
        "strike",
        "sub",
        "sup",
        "table",
        "tt",
        "u",
        "ul",
        "var",
    ];
    BREAKOUT.contains(&name) || (name == "font" && has_font_attributes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_text_elements_switch_the_tokenizer() {
        for name in ["script", "style", "iframe", "noembed", "noframes", "xmp"] {
            assert!(matches!(state_after(name), Some(State::Rawtext)), "{name}");
        }
        assert!(matches!(state_after("title"), Some(State::Rcdata)));
        assert!(
            state_after("noscript").is_none(),
            "html5ever reads it with scripting off"
        );
        assert!(state_after("div").is_none());
    }

    #[test]
    fn foreign_content_starts_breaks_out_and_integrates() {
        assert_eq!(namespace_of_html_child("svg"), Namespace::Svg);
        assert_eq!(namespace_of_html_child("math"), Namespace::MathMl);
        assert!(is_integration_point("foreignobject", Namespace::Svg));
        assert!(!is_integration_point("title", Namespace::Html));
        assert!(breaks_out_of_foreign_content("p", false));
        assert!(!breaks_out_of_foreign_content("font", false));
        assert!(breaks_out_of_foreign_content("font", true));
        assert!(!breaks_out_of_foreign_content("a", false));
    }
}
