//! Stand-ins for the chars html5ever's serialiser escapes, so that the
//! extractor's serialisation of the article stays linear.
//!
//! dom_smoothie always serialises the article it extracts as HTML (its
//! `Article::content`), although import reads only its text. html5ever's
//! `write_escaped` looks for the next `<`, `>` (or `"`) and only then for
//! `&` or a byte `0xC2` (the lead byte of U+0080–U+00BF: `«`, `»`, `°`,
//! no-break space…) before it, and starts again after each one it finds:
//! a text node or attribute value holding many of those and no `<` or `>`
//! is scanned again from each of them to its end — quadratic (a 2 MB page
//! of `&amp;` took 1.2 s, 8 MB 16 s).
//!
//! So before extraction every text node and attribute value of the parsed
//! page has those chars replaced by private-use stand-ins that the
//! serialiser passes over, and the extracted text, title and byline get
//! them back ([`restore`]). The no-break space (and U+0085, next line) in
//! text become plain spaces instead, since the extractor folds whitespace
//! runs into one space anyway, and a stand-in would not be folded. A
//! private-use char the page itself holds in the stand-ins' range becomes
//! U+FFFD, so that it is never mistaken for one.

use dom_query::{Document, NodeData};

/// The first of the stand-ins: U+0080 + n stands in as `FIRST + n`.
const FIRST: u32 = 0xF780;
/// The stand-in for `&`, just after those for U+0080–U+00BF.
const AMPERSAND: char = '\u{F7C0}';
/// What a private-use char of the page in the stand-ins' range becomes.
const REPLACEMENT: char = '\u{FFFD}';

/// The stand-in for `c`, or `c` itself. `in_text`: no-break spaces become
/// plain spaces rather than stand-ins.
fn stand_in_for(c: char, in_text: bool) -> char {
    match c {
        '&' => AMPERSAND,
        '\u{85}' | '\u{a0}' if in_text => ' ',
        '\u{80}'..='\u{bf}' => char::from_u32(FIRST + (c as u32 - 0x80)).unwrap_or(REPLACEMENT),
        c if is_stand_in(c) => REPLACEMENT,
        c => c,
    }
}

fn is_stand_in(c: char) -> bool {
    (FIRST..=AMPERSAND as u32).contains(&(c as u32))
}

/// Whether `text` holds a char that [`stand_in_for`] changes.
fn needs_stand_ins(text: &str) -> bool {
    text.bytes().any(|b| b == b'&' || b == 0xC2 || b == 0xEF) && text.chars().any(is_changed)
}

fn is_changed(c: char) -> bool {
    c == '&' || ('\u{80}'..='\u{bf}').contains(&c) || is_stand_in(c)
}

fn with_stand_ins(text: &str, in_text: bool) -> String {
    text.chars().map(|c| stand_in_for(c, in_text)).collect()
}

/// Replaces, in every text node and attribute value of `document`, the
/// chars the serialiser escapes by their stand-ins. Linear in the page.
pub fn put_stand_ins(document: &Document) {
    for node in document.root().descendants() {
        node.update(|node| match &mut node.data {
            NodeData::Text { contents } if needs_stand_ins(contents) => {
                *contents = with_stand_ins(contents, true).as_str().into();
            }
            NodeData::Element(element) => {
                for attribute in &mut element.attrs {
                    if needs_stand_ins(&attribute.value) {
                        attribute.value = with_stand_ins(&attribute.value, false).as_str().into();
                    }
                }
            }
            _ => {}
        });
    }
}

/// The text with each stand-in replaced by the char it stands for.
pub fn restore(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            AMPERSAND => '&',
            c if is_stand_in(c) => char::from_u32(c as u32 - FIRST + 0x80).unwrap_or(REPLACEMENT),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_escaped_char_has_a_stand_in_that_comes_back() {
        let text = "AT&T «Газпром» 25°C ½ © e\u{301} 会谈 👋 \u{F780}";
        let stood_in = with_stand_ins(text, false);
        assert!(!stood_in.contains(['&', '«', '»', '°', '½', '©']));
        assert!(!stood_in.bytes().any(|b| b == 0xC2));
        assert_eq!(
            restore(&stood_in),
            "AT&T «Газпром» 25°C ½ © e\u{301} 会谈 👋 \u{FFFD}"
        );
        assert_eq!(with_stand_ins("a\u{a0}b", true), "a b");
        assert_eq!(restore(&with_stand_ins("a\u{a0}b", false)), "a\u{a0}b");
    }

    #[test]
    fn text_and_attributes_of_a_parsed_page_are_stood_in() {
        let document =
            Document::from("<p title=\"Q&amp;A «1»\">Tom &amp; Jerry&nbsp;«Мир» 世界</p>");
        put_stand_ins(&document);
        let p = document.select("p");
        let text = p.text();
        assert!(!text.contains(['&', '«', '\u{a0}']), "{text}");
        assert_eq!(restore(&text), "Tom & Jerry «Мир» 世界");
        assert_eq!(restore(&p.attr("title").unwrap()), "Q&A «1»");
        assert!(!p.html().contains("&amp;"));
    }
}
