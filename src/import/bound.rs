//! A linear first pass over a web page, before anything builds a tree of it:
//! html5tokenizer tokenizes the page the way html5ever will (the raw-text
//! elements — script, style, iframe, noembed, noframes, xmp, title,
//! textarea — read to their end tag; SVG and MathML as foreign content,
//! where a self-closing `<title/>` is empty and `<![CDATA[` is text; see
//! [`super::foreign`]). A page with more than [`MAX_ELEMENTS`] elements is
//! refused. A page within every other limit is returned as it is, byte for
//! byte. Otherwise it is written out again with its nesting flattened
//! beyond [`MAX_DEPTH`], at most [`MAX_ATTRIBUTES`] attributes per element,
//! each value cut to [`MAX_ATTRIBUTE_VALUE_BYTES`], comments dropped, the
//! content of raw-text elements as it was. Every element the pass closes
//! by implication (an open `<b>` inside a `<p>` that a new `<p>` closes, a
//! `<span>` left open inside a `</div>`) is closed by an explicit end tag,
//! and at most [`MAX_OPEN_FORMATTING`] formatting elements (`<b>`, `<i>`,
//! `<a>`, `<font>`…) are open at once; the others are dropped, their text
//! kept. What sends a page to be written again: an element past the depth
//! or formatting caps, an element with too many attributes, a value over
//! [`LONG_VALUE_REWRITTEN`], or more than [`MAX_OPEN_FORMATTING`]
//! formatting elements closed by implication. Of 1,301 real pages (see
//! `docs/import.md`), 3 were written again, each with the same text.
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

use super::foreign::{
    Namespace, breaks_out_of_foreign_content, is_integration_point, namespace_of_html_child,
    state_after,
};
use html5tokenizer::offset::NoopOffset;
use html5tokenizer::{BasicEmitter, Event, StartTag, State, Token, Tokenizer};
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

/// An attribute value longer than this sends the page to be written again
/// (with every value cut to [`MAX_ATTRIBUTE_VALUE_BYTES`]); shorter long
/// values (inline images, JSON) are read in linear time and left as they
/// are.
pub const LONG_VALUE_REWRITTEN: usize = 1024 * 1024;

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

/// The page, within the limits above. A page that needs none of them is
/// returned as it is, byte for byte; one that does is written again.
pub fn bounded_html(html: &str) -> Result<String, TooComplex> {
    let stand_in = !html.contains(AMPERSAND);
    let input = if stand_in {
        html.replace('&', "\u{F8FF}")
    } else {
        html.to_owned()
    };
    let mut pass = BoundingPass::with_capacity(input.len());
    let mut tokenizer = Tokenizer::new(input.as_str(), BasicEmitter::<NoopOffset>::default());
    while let Some(event) = tokenizer.next() {
        let Ok(event) = event;
        match event {
            Event::CdataOpen => tokenizer.handle_cdata_open(pass.in_foreign_content()),
            Event::Token(token) => {
                if let Some(state) = pass.on_token(token) {
                    tokenizer.set_state(state);
                }
            }
        }
        if pass.elements > MAX_ELEMENTS {
            return Err(TooComplex {
                limit: MAX_ELEMENTS,
            });
        }
    }
    Ok(match (pass.changed, stand_in) {
        (false, _) => html.to_owned(),
        (true, true) => pass.out.replace(AMPERSAND, "&"),
        (true, false) => pass.out,
    })
}

/// An element written and not closed yet.
struct Open {
    name: String,
    namespace: Namespace,
}

/// How the chars read now are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Text, escaped.
    Text,
    /// The content of a raw-text element that was written (`<script>`,
    /// `<style>`, `<title>`…): as it was, since the tree builder reads it
    /// raw again.
    Raw,
}

/// The state of the pass: what was written, which elements are open.
struct BoundingPass {
    out: String,
    /// The elements written and not closed yet, innermost last; never
    /// deeper than [`MAX_DEPTH`].
    open: Vec<Open>,
    /// How many start tags were dropped (for depth, or past the open
    /// formatting elements' cap) and not closed yet, by name: their end
    /// tags are dropped too.
    flattened: HashMap<String, usize>,
    /// How many of `open` are formatting elements.
    open_formatting: usize,
    elements: usize,
    content: Content,
    /// How many formatting elements were closed by something other than
    /// their own end tag: the tree builder may reopen each of them before
    /// every later run of text. A few are common and cheap; past
    /// [`MAX_OPEN_FORMATTING`] the page is written again with them closed.
    implicitly_closed_formatting: usize,
    /// Whether the page went past a limit (an element dropped, an
    /// attribute dropped or cut, too many formatting elements closed by
    /// implication): only then is it written again.
    changed: bool,
}

impl BoundingPass {
    fn with_capacity(bytes: usize) -> Self {
        BoundingPass {
            out: String::with_capacity(bytes),
            open: Vec::new(),
            flattened: HashMap::new(),
            open_formatting: 0,
            elements: 0,
            content: Content::Text,
            implicitly_closed_formatting: 0,
            changed: false,
        }
    }

    /// Writes the token; returns how the tokenizer is to read on.
    fn on_token(&mut self, token: Token) -> Option<State> {
        match token {
            Token::Char(c) if self.content == Content::Raw => self.out.push(c),
            Token::Char(c) => push_escaped_char(&mut self.out, c, false),
            Token::StartTag(tag) => return self.start_tag(tag),
            Token::EndTag(tag) => {
                self.content = Content::Text;
                self.end_tag(tag.name);
            }
            Token::Doctype(doctype) => {
                self.out.push_str("<!DOCTYPE ");
                self.out.push_str(doctype.name.as_deref().unwrap_or("html"));
                self.out.push('>');
            }
            Token::Comment(_) | Token::EndOfFile => {}
        }
        None
    }

    /// Whether the adjusted current node is an SVG or MathML element
    /// (where `<![CDATA[` starts text rather than a bogus comment).
    fn in_foreign_content(&self) -> bool {
        self.open
            .last()
            .is_some_and(|open| open.namespace != Namespace::Html)
    }

    fn start_tag(&mut self, tag: StartTag) -> Option<State> {
        self.elements += 1;
        let namespace = self.namespace_for(&tag);
        let html = namespace == Namespace::Html;
        let state = if html { state_after(&tag.name) } else { None };
        let is_void = if html {
            VOID.contains(&tag.name.as_str())
        } else {
            tag.self_closing
        };
        if is_void {
            self.write_start_tag(&tag);
            return None;
        }
        if html {
            self.close_implied_by(&tag.name);
        }
        let formatting = html && FORMATTING.contains(&tag.name.as_str());
        let too_much_formatting = formatting && self.open_formatting >= MAX_OPEN_FORMATTING;
        if self.open.len() >= MAX_DEPTH || too_much_formatting {
            self.changed = true;
            *self.flattened.entry(tag.name).or_default() += 1;
            return state;
        }
        self.write_start_tag(&tag);
        self.open_formatting += usize::from(formatting);
        if state.is_some() {
            self.content = Content::Raw;
        }
        self.open.push(Open {
            name: tag.name,
            namespace,
        });
        state
    }

    /// The namespace of a new element: that of the element it is in,
    /// unless that is HTML or an integration point; an HTML tag that
    /// breaks out of SVG or MathML first closes them, as the tree builder
    /// does.
    fn namespace_for(&mut self, tag: &StartTag) -> Namespace {
        let Some(current) = self.open.last() else {
            return namespace_of_html_child(&tag.name);
        };
        if current.namespace == Namespace::Html
            || is_integration_point(&current.name, current.namespace)
        {
            return namespace_of_html_child(&tag.name);
        }
        let font_attributes = ["color", "face", "size"]
            .iter()
            .any(|name| tag.attributes.get(name).is_some());
        if !breaks_out_of_foreign_content(&tag.name, font_attributes) {
            return current.namespace;
        }
        while let Some(open) = self.open.last()
            && open.namespace != Namespace::Html
            && !is_integration_point(&open.name, open.namespace)
        {
            self.close_down_to(self.open.len() - 1);
        }
        Namespace::Html
    }

    fn write_start_tag(&mut self, tag: &StartTag) {
        self.out.push('<');
        self.out.push_str(&tag.name);
        for (index, attribute) in (&tag.attributes).into_iter().enumerate() {
            if index == MAX_ATTRIBUTES {
                self.changed = true;
                break;
            }
            self.out.push(' ');
            self.out.push_str(attribute.name());
            let value = attribute.value();
            if !value.is_empty() {
                self.out.push_str("=\"");
                let cut = floor_char_boundary(value, MAX_ATTRIBUTE_VALUE_BYTES);
                self.changed |= value.len() > LONG_VALUE_REWRITTEN;
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
            let open = self.open[at].name.as_str();
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
    /// their end tags. A formatting element closed this way, not by its
    /// own end tag, is one the tree builder would have reopened.
    fn close_down_to(&mut self, at: usize) {
        while self.open.len() > at {
            let Some(open) = self.open.pop() else {
                return;
            };
            if is_formatting(&open) {
                self.open_formatting -= 1;
                self.implicitly_closed_formatting += 1;
                self.changed |= self.implicitly_closed_formatting > MAX_OPEN_FORMATTING;
            }
            self.write_end_tag(&open.name);
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
        match self.open.iter().rposition(|open| open.name == name) {
            Some(at) => {
                self.close_down_to(at + 1);
                if let Some(own) = self.open.pop() {
                    self.open_formatting -= usize::from(is_formatting(&own));
                    self.write_end_tag(&own.name);
                }
            }
            None => self.write_end_tag(&name),
        }
    }

    fn write_end_tag(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

/// An HTML formatting element, one the tree builder reopens.
fn is_formatting(open: &Open) -> bool {
    open.namespace == Namespace::Html && FORMATTING.contains(&open.name.as_str())
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
#[path = "bound_tests.rs"]
mod tests;
