//! Pages made to be awkward, the way hostile or merely badly built pages
//! are: the corpus that the import tests, the import benchmark and the fuzz
//! seeds are made from. Each page is generated (nothing large is kept in
//! the repository), at full size or as a small seed of the same shape.

/// How large to make each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// The sizes of the budgets in `docs/budgets.md` (up to 5 MB a page).
    Full,
    /// A few kilobytes a page, for fuzz seeds.
    Seed,
}

/// What import must do with a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Imported, and the article text contains this.
    Imported(&'static str),
    /// Refused with a message naming the file.
    Refused,
}

/// One awkward page: its file name, its bytes, what import must do.
#[derive(Clone, Debug)]
pub struct Page {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub expected: Expected,
}

/// Every page of the corpus.
pub fn corpus(scale: Scale) -> Vec<Page> {
    let full = scale == Scale::Full;
    let pick = |large: usize, small: usize| if full { large } else { small };
    vec![
        page("deep-nesting.html", deep_nesting(pick(20_000, 600)), "deep"),
        page(
            "many-attributes.html",
            many_attributes(pick(200_000, 200)),
            "attributes",
        ),
        page(
            "huge-attribute.html",
            huge_attribute(pick(5_000_000, 20_000)),
            "beside",
        ),
        page(
            "one-line-5mb.html",
            one_line(pick(5_000_000, 4_000)),
            "line",
        ),
        page(
            "tiny-paragraphs.html",
            tiny_paragraphs(pick(20_000, 200)),
            "word",
        ),
        page("all-tables.html", all_tables(pick(2_000, 10)), "cell"),
        page("all-rtl.html", all_rtl(pick(5_000, 20)), "مرحبا"),
        page(
            "combining-marks.html",
            combining_marks(pick(2_000, 20)),
            "b",
        ),
        page(
            "unclosed-tags.html",
            unclosed_tags(pick(100_000, 600)),
            "open",
        ),
        page(
            "reopened-formatting.html",
            reopened_formatting(500, pick(100_000, 40)),
            "x",
        ),
        page(
            "ampersands.html",
            ampersands(pick(2_000_000, 4_000)),
            "AT&T «",
        ),
        Page {
            name: "too-many-elements.html",
            bytes: too_many_elements(pick(300_000, 300)).into_bytes(),
            expected: Expected::Refused,
        },
    ]
}

fn page(name: &'static str, html: String, contains: &'static str) -> Page {
    Page {
        name,
        bytes: html.into_bytes(),
        expected: Expected::Imported(contains),
    }
}

fn document(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body>{body}</body></html>"
    )
}

/// `depth` nested `<div>`s around one paragraph.
pub fn deep_nesting(depth: usize) -> String {
    let body = format!(
        "{}<p>A paragraph deep inside the page.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    document("Deep nesting", &body)
}

/// One `<p>` with `count` distinct attributes.
pub fn many_attributes(count: usize) -> String {
    let attributes: String = (0..count).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    document(
        "Many attributes",
        &format!("<p{attributes}>A paragraph with too many attributes.</p>"),
    )
}

/// An image whose `alt` holds `bytes` bytes, beside a paragraph.
fn huge_attribute(bytes: usize) -> String {
    let value = "x".repeat(bytes);
    document(
        "Huge attribute",
        &format!("<img alt=\"{value}\"><p>The paragraph beside a huge attribute.</p>"),
    )
}

/// A paragraph of about `bytes` bytes without a line break.
fn one_line(bytes: usize) -> String {
    let sentence = "One long line of words that never ends. ";
    let text = sentence.repeat(bytes / sentence.len() + 1);
    document("One line", &format!("<p>{text}</p>")).replace('\n', " ")
}

fn tiny_paragraphs(count: usize) -> String {
    document("Tiny paragraphs", &"<p>word</p>".repeat(count))
}

fn all_tables(count: usize) -> String {
    let row = format!("<tr>{}</tr>", "<td>cell</td>".repeat(5));
    let table = format!("<table>{}</table>", row.repeat(5));
    document("Tables", &table.repeat(count))
}

fn all_rtl(count: usize) -> String {
    let paragraph = "<p>مرحبا بالعالم، هذا نص عربي طويل للاختبار. שלום עולם, זהו טקסט בעברית.</p>";
    document("RTL", &paragraph.repeat(count)).replace("<html lang=\"en\">", "<html dir=\"rtl\">")
}

/// Words of letters each carrying dozens of combining marks.
fn combining_marks(count: usize) -> String {
    let marks: String = ('\u{300}'..='\u{36f}').collect();
    let word = format!("a{marks}b{marks} ");
    document("Combining marks", &format!("<p>{}</p>", word.repeat(count)))
}

/// `count` inline elements opened and never closed.
fn unclosed_tags(count: usize) -> String {
    document(
        "Unclosed",
        &format!("{}<p>open tags everywhere</p>", "<b>".repeat(count)),
    )
}

/// `tags` distinct formatting elements (the tree builder reopens distinct
/// ones without limit) left open inside a `<div>`, then `paragraphs`
/// paragraphs, into each of which the tree builder clones all of them
/// (806 KB once took 3.6 GB).
pub fn reopened_formatting(tags: usize, paragraphs: usize) -> String {
    let formatting: String = (0..tags)
        .map(|i| format!("<{} class=\"c{i}\">", ["b", "i", "em", "u"][i % 4]))
        .collect();
    document(
        "Reopened formatting",
        &format!("<div>{formatting}</div>{}", "<p>x</p>".repeat(paragraphs)),
    )
}

/// One paragraph of about `bytes` bytes full of `&` and chars U+0080–U+00BF
/// (`«`, `»`, no-break spaces), each of which html5ever's serialiser
/// followed by a scan of the rest of the text: quadratic.
pub fn ampersands(bytes: usize) -> String {
    let words = "AT&amp;T &laquo;Q&amp;A&raquo; 25&deg;C&nbsp;& ";
    let text = words.repeat(bytes / words.len() + 1);
    document("Ampersands", &format!("<p>{text}</p>"))
}

fn too_many_elements(count: usize) -> String {
    document("Too many elements", &"<br>".repeat(count))
}
