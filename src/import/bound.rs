//! A linear first pass over a web page, before anything builds a tree of it:
//! html5tokenizer tokenizes the page (WHATWG rules; script, style, title
//! and textarea as raw text) and the page is written out again with its
//! nesting flattened beyond [`MAX_DEPTH`], at most [`MAX_ATTRIBUTES`]
//! attributes per element, each value cut to [`MAX_ATTRIBUTE_VALUE_BYTES`],
//! comments dropped. A page with more than [`MAX_ELEMENTS`] elements is
//! refused. Every element the pass closes by implication (an open `<b>`
//! inside a `<p>` that a new `<p>` closes, a `<span>` left open inside a
//! `</div>`) is closed by an explicit end tag, and at most
//! [`MAX_OPEN_FORMATTING`] formatting elements (`<b>`, `<i>`, `<a>`,
//! `<font>`…) are open at once; the others are dropped, their text kept.
//!
//! Why the formatting elements: the tree builder keeps a list of the
//! "active formatting elements", and when a formatting element was closed
//! by implication it is *reconstructed* — cloned with its attributes —
//! before every later run of text. A page of 500 distinct formatting tags
//! left open inside a block, then `<p>x</p>` 10,000 times, became 5 million
//! elements (86 KB: 2.7 s and 1.27 GB; 806 KB: aborted at 3.6 GB). Closed
//! explicitly they are never reconstructed; the cap bounds what is
//! reconstructed where the tree builder closes elements the pass does not
//! know of.
//!
//! Why: html5ever's tree builder and Readability's scoring walk the open
//! elements or the ancestors of every node, which is quadratic in the
//! nesting depth, and html5ever's tokenizer looks for a duplicate among all
//! the attributes of a tag read so far, which is quadratic in the
//! attributes of one tag. After this pass both are bounded by constants, so
//! every later pass is linear in the size of the page. (html5gum, the other
//! WHATWG tokenizer, recurses once per quoted attribute and overflows the
//! stack on a tag with 200,000 of them; html5tokenizer keeps a tag's
//! attributes in a map and runs in a loop.)

use html5tokenizer::{NaiveParser, StartTag, Token};
use std::collections::HashMap;

/// Deepest nesting kept; elements opened deeper are dropped, their content
/// kept in the element at this depth. Real pages, even those saved from
/// CMSs that wrap content in hundreds of `<div>`s, stay well below 512, and
/// browsers' own parsers stop nesting at a similar depth (Blink at 512).
pub const MAX_DEPTH: usize = 512;

/// Attributes kept per element; the rest are dropped. Real elements carry a
/// handful (class, id, href, a dozen `data-` and `aria-` attributes at
/// most); none of what import reads depends on the 65th.
pub const MAX_ATTRIBUTES: usize = 64;

/// Longest attribute value kept, in bytes; longer ones are cut at a char
/// boundary. Titles, descriptions, URLs and dates in `<meta>` and `<link>`
/// are far shorter; what is longer is inline data (`data:` images, JSON
/// blobs) that import never reads.
pub const MAX_ATTRIBUTE_VALUE_BYTES: usize = 16 * 1024;

/// Most elements a page may have. A very large real page (a long live blog,
/// a whole book chapter) has some tens of thousands; a page with more than
/// this many is refused rather than built into a tree of millions of nodes.
/// The same as the extractor's own limit (`max_elements_to_parse` in
/// `html.rs`); each element costs about 0.4 KB through import, so a page
/// at the limit peaks near 85 MB (240,000 took 98 MB, over the 100 MB a
/// page that imports may take).
pub const MAX_ELEMENTS: usize = 200_000;

/// Most formatting elements open at once; a formatting start tag beyond
/// them is dropped (with its end tag), its content kept. Real pages nest a
/// few (`<a><strong><em>`); the tree builder may clone each open one before
/// every run of text, so this is also how many elements one run of text
/// can cost at most.
pub const MAX_OPEN_FORMATTING: usize = 12;

/// The formatting elements of the WHATWG tree builder: those it reopens
/// (reconstructs) after they were closed by implication.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Blocks whose start tag closes an open `<p>`, as the tree builder does.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// What a start tag closes by implication, as the tree builder does with
/// unclosed `<p>`, `<li>`, `<td>`, `<tr>`….
struct ImpliedEnd {
    /// The open elements it closes (the nearest one and all inside it).
    closes: &'static [&'static str],
    /// The elements past which it does not look.
    boundaries: &'static [&'static str],
    /// Whether reaching a boundary closes all inside it: table parts clear
    /// the stack back to their table, row or section.
    clears_to_boundary: bool,
}

fn implied_end(name: &str) -> Option<ImpliedEnd> {
    const CELLS: &[&str] = &["td", "th"];
    const SECTIONS: &[&str] = &["tbody", "thead", "tfoot"];
    let (closes, boundaries, clears_to_boundary): (&[&str], &[&str], bool) = match name {
        "td" | "th" => (CELLS, &["tr", "table"], true),
        "tr" => (&["tr"], &["tbody", "thead", "tfoot", "table"], true),
        "tbody" | "thead" | "tfoot" => (SECTIONS, &["table"], true),
        "li" => (&["li"], &["ul", "ol"], false),
        "dt" | "dd" => (&["dt", "dd"], &["dl"], false),
        "option" => (&["option"], &["select", "datalist"], false),
        name if CLOSES_P.contains(&name) => {
            (&["p"], &["button", "table", "td", "th", "template"], false)
        }
        _ => return None,
    };
    Some(ImpliedEnd {
        closes,
        boundaries,
        clears_to_boundary,
    })
}

/// Why a page was refused by the first pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooComplex {
    /// The limit the page went past.
    pub limit: usize,
}

impl TooComplex {
    /// "is a web page with more than 250,000 elements; …", for messages.
    pub fn describe(&self) -> String {
        let limit = thousands(self.limit);
        format!(
            "is a web page with more than {limit} elements; Factbench reads pages of up to {limit} elements"
        )
    }
}

/// Stands for `&` while the page is tokenized, so that character references
/// pass through the tokenizer as they are, for html5ever to decode: the
/// tokenizer's own lookup costs microseconds a reference, seconds for a
/// page of millions of `&amp;`. A private-use char; a page that holds it
/// is tokenized as it is.
const AMPERSAND: char = '\u{F8FF}';

/// The page, written again within the limits above.
pub fn bounded_html(html: &str) -> Result<String, TooComplex> {
    let stand_in = !html.contains(AMPERSAND);
    let input = if stand_in {
        html.replace('&', "\u{F8FF}")
    } else {
        html.to_owned()
    };
    let mut pass = BoundingPass::with_capacity(input.len());
    for token in NaiveParser::new(input.as_str()) {
        let Ok(token) = token;
        pass.on_token(token);
        if pass.elements > MAX_ELEMENTS {
            return Err(TooComplex {
                limit: MAX_ELEMENTS,
            });
        }
    }
    Ok(if stand_in {
        pass.out.replace(AMPERSAND, "&")
    } else {
        pass.out
    })
}

/// The state of the pass: what was written, which elements are open.
struct BoundingPass {
    out: String,
    /// The elements written and not closed yet, innermost last; never
    /// deeper than [`MAX_DEPTH`].
    open: Vec<String>,
    /// How many start tags were dropped (for depth, or past the open
    /// formatting elements' cap) and not closed yet, by name: their end
    /// tags are dropped too.
    flattened: HashMap<String, usize>,
    /// How many of `open` are formatting elements.
    open_formatting: usize,
    elements: usize,
}

impl BoundingPass {
    fn with_capacity(bytes: usize) -> Self {
        BoundingPass {
            out: String::with_capacity(bytes),
            open: Vec::new(),
            flattened: HashMap::new(),
            open_formatting: 0,
            elements: 0,
        }
    }

    fn on_token(&mut self, token: Token) {
        match token {
            Token::Char(c) => push_escaped_char(&mut self.out, c, false),
            Token::StartTag(tag) => self.start_tag(tag),
            Token::EndTag(tag) => self.end_tag(tag.name),
            Token::Doctype(doctype) => {
                self.out.push_str("<!DOCTYPE ");
                self.out.push_str(doctype.name.as_deref().unwrap_or("html"));
                self.out.push('>');
            }
            Token::Comment(_) | Token::EndOfFile => {}
        }
    }

    fn start_tag(&mut self, tag: StartTag) {
        self.elements += 1;
        let is_void = VOID.contains(&tag.name.as_str());
        if is_void {
            self.write_start_tag(&tag);
            return;
        }
        self.close_implied_by(&tag.name);
        let formatting = FORMATTING.contains(&tag.name.as_str());
        let too_much_formatting = formatting && self.open_formatting >= MAX_OPEN_FORMATTING;
        if self.open.len() >= MAX_DEPTH || too_much_formatting {
            *self.flattened.entry(tag.name).or_default() += 1;
            return;
        }
        self.write_start_tag(&tag);
        self.open_formatting += usize::from(formatting);
        self.open.push(tag.name);
    }

    fn write_start_tag(&mut self, tag: &StartTag) {
        self.out.push('<');
        self.out.push_str(&tag.name);
        for attribute in (&tag.attributes).into_iter().take(MAX_ATTRIBUTES) {
            self.out.push(' ');
            self.out.push_str(attribute.name());
            let value = attribute.value();
            if !value.is_empty() {
                self.out.push_str("=\"");
                let cut = floor_char_boundary(value, MAX_ATTRIBUTE_VALUE_BYTES);
                for c in value[..cut].chars() {
                    push_escaped_char(&mut self.out, c, true);
                }
                self.out.push('"');
            }
        }
        if tag.self_closing {
            self.out.push('/');
        }
        self.out.push('>');
    }

    /// `<p>` after an open `<p>`, `<tr>` after an open `<td>`: the open one
    /// and all inside it are closed, with end tags written for them (the
    /// tree builder would close them too, and reopen the formatting ones).
    /// Looks at most [`MAX_DEPTH`] elements down.
    fn close_implied_by(&mut self, name: &str) {
        let Some(implied) = implied_end(name) else {
            return;
        };
        for at in (0..self.open.len()).rev() {
            let open = self.open[at].as_str();
            if implied.closes.contains(&open) {
                self.close_down_to(at);
                return;
            }
            if implied.boundaries.contains(&open) {
                if implied.clears_to_boundary {
                    self.close_down_to(at + 1);
                }
                return;
            }
        }
    }

    /// Closes the open elements from `at` up, innermost first, writing
    /// their end tags.
    fn close_down_to(&mut self, at: usize) {
        while self.open.len() > at {
            let Some(name) = self.open.pop() else {
                return;
            };
            self.open_formatting -= usize::from(FORMATTING.contains(&name.as_str()));
            self.write_end_tag(&name);
        }
    }

    fn end_tag(&mut self, name: String) {
        if let Some(count) = self.flattened.get_mut(&name) {
            *count -= 1;
            if *count == 0 {
                self.flattened.remove(&name);
            }
            return;
        }
        match self.open.iter().rposition(|open| *open == name) {
            Some(at) => self.close_down_to(at),
            None => self.write_end_tag(&name),
        }
    }

    fn write_end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

/// A char of text or of an attribute value, escaped so that it reads back
/// as itself.
fn push_escaped_char(out: &mut String, c: char, in_attribute: bool) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' if !in_attribute => out.push_str("&lt;"),
        '>' if !in_attribute => out.push_str("&gt;"),
        '"' if in_attribute => out.push_str("&quot;"),
        c => out.push(c),
    }
}

/// The largest index ≤ `at` that is a char boundary of `text`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// 250000 → "250,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markup_is_written_back_as_it_was() {
        let page =
            "<html lang=\"en\"><body><p class=\"lead\">A &amp; B &lt; C</p><br></body></html>";
        assert_eq!(bounded_html(page).unwrap(), page);
    }

    #[test]
    fn character_references_reach_the_tree_builder_as_written() {
        let page = "<p title=\"a &amp; b &quot;c&quot;\">AT&T &amp; &lt;b&gt; &#x41;</p>";
        assert_eq!(bounded_html(page).unwrap(), page);
        let holding_the_stand_in = "<p>\u{F8FF} &amp; x</p>";
        assert_eq!(
            bounded_html(holding_the_stand_in).unwrap(),
            "<p>\u{F8FF} &amp; x</p>"
        );
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened_and_its_text_kept() {
        let depth = MAX_DEPTH * 3;
        let page = format!(
            "{}<p>deep</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let out = bounded_html(&page).unwrap();
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep"));
    }

    #[test]
    fn only_the_first_attributes_are_kept_and_long_values_are_cut() {
        let attributes: String = (0..1000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let long = "é".repeat(MAX_ATTRIBUTE_VALUE_BYTES);
        let page = format!("<p{attributes} title=\"{long}\">x</p>");
        let out = bounded_html(&page).unwrap();
        assert_eq!(out.matches('=').count(), MAX_ATTRIBUTES);
        assert!(out.len() < 1000);
        let page = format!("<p title=\"{long}\">x</p>");
        let out = bounded_html(&page).unwrap();
        assert!(out.len() <= MAX_ATTRIBUTE_VALUE_BYTES + 20);
    }

    #[test]
    fn unclosed_paragraphs_do_not_count_as_nesting() {
        let page = "<p>one".repeat(MAX_DEPTH * 2) + "<div><b>kept</b></div>";
        let out = bounded_html(&page).unwrap();
        assert!(
            out.ends_with("<div><b>kept</b></div>"),
            "{}",
            &out[out.len() - 40..]
        );
    }

    #[test]
    fn unclosed_cells_rows_and_items_do_not_count_as_nesting() {
        let rows = "<tr><td>a<td>b".repeat(MAX_DEPTH * 2);
        let items = "<li>item".repeat(MAX_DEPTH * 2);
        let page = format!("<table>{rows}</table><ul>{items}</ul><div><b>kept</b></div>");
        let out = bounded_html(&page).unwrap();
        assert_eq!(out.matches("<td>").count(), MAX_DEPTH * 4);
        assert!(out.ends_with("<div><b>kept</b></div>"));
    }

    /// Elements of the tree html5ever builds of `html`.
    fn elements_built(html: &str) -> usize {
        dom_query::Document::from(html).select("*").length()
    }

    /// Distinct formatting tags (the tree builder reopens each of them,
    /// distinct ones without limit) left open inside a block, then
    /// paragraphs, each of which had every one of them cloned into it.
    fn formatting_then_paragraphs(tags: usize, paragraphs: usize) -> String {
        let formatting: String = (0..tags)
            .map(|i| format!("<{} class=\"c{i}\">", ["b", "i", "em", "u"][i % 4]))
            .collect();
        format!(
            "<div>{formatting}</div>{}",
            "<p>x — Ж 文 👋 e\u{301}</p>".repeat(paragraphs)
        )
    }

    #[test]
    fn formatting_left_open_is_closed_and_never_reopened_for_each_paragraph() {
        let page = formatting_then_paragraphs(500, 200);
        // Unbounded, the tree builder clones the 500 into each paragraph.
        assert!(elements_built(&page) >= 500 * 200);
        let out = bounded_html(&page).unwrap();
        assert!(
            elements_built(&out) < 1_000,
            "{} elements",
            elements_built(&out)
        );
        assert_eq!(out.matches("x — Ж 文 👋 e\u{301}").count(), 200);
    }

    #[test]
    fn formatting_left_open_in_a_paragraph_or_a_table_is_not_reopened() {
        let formatting: String = (0..300).map(|i| format!("<b id=\"b{i}\">")).collect();
        let in_paragraph = format!("<p>{formatting}{}", "<p>x".repeat(300));
        let in_table = format!("<table>{formatting}{}</table>", "<tr><td>x".repeat(300));
        for page in [in_paragraph, in_table] {
            let out = bounded_html(&page).unwrap();
            let built = elements_built(&out);
            assert!(built < 300 * MAX_OPEN_FORMATTING, "{built} elements");
            assert_eq!(out.matches('x').count(), 300);
        }
    }

    #[test]
    fn at_most_so_many_formatting_elements_are_open_at_once() {
        let page = format!("{}deep{}", "<i>".repeat(100), "</i>".repeat(100));
        let out = bounded_html(&page).unwrap();
        assert_eq!(out.matches("<i>").count(), MAX_OPEN_FORMATTING);
        assert_eq!(out.matches("</i>").count(), MAX_OPEN_FORMATTING);
        assert!(out.contains("deep"));
        // Closed ones make room again.
        let page = "<b>a</b>".repeat(100);
        assert_eq!(bounded_html(&page).unwrap(), page);
    }

    #[test]
    fn a_page_with_too_many_elements_is_refused() {
        let page = "<b>".repeat(MAX_ELEMENTS + 1);
        assert!(bounded_html(&page).is_err());
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
