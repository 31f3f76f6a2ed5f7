//! Tests of the bounding pass: what it keeps, what it bounds, and that
//! ordinary pages come out of it as they went in.

use super::*;

#[test]
fn ordinary_markup_is_written_back_as_it_was() {
    let page = "<html lang=\"en\"><body><p class=\"lead\">A &amp; B &lt; C</p><br></body></html>";
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
    // A long value alone leaves the page as it is; one over a
    // megabyte has it written again with every value cut.
    let page = format!("<p title=\"{long}\">x</p>");
    assert_eq!(bounded_html(&page).unwrap(), page);
    let huge = "é".repeat(LONG_VALUE_REWRITTEN / 2 + 1);
    let page = format!("<p title=\"{huge}\">x</p>");
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

/// An element with more attributes than are kept, so that the page is
/// written again.
fn rewritten(page: &str) -> String {
    let attributes: String = (0..=MAX_ATTRIBUTES).map(|i| format!(" a{i}")).collect();
    let out = bounded_html(&format!("{page}<p{attributes}>end</p>")).unwrap();
    assert!(out.ends_with("end</p>"), "not written again");
    out
}

/// The text html5ever reads in each element `selector` finds.
fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = dom_query::Document::from(html);
    document
        .select(selector)
        .iter()
        .map(|node| node.text().to_string())
        .collect()
}

#[test]
fn raw_text_elements_keep_their_content_when_a_page_is_written_again() {
    let raw = [
        (
            "script",
            "if (a < b && c > d) { s = \"<p>Ж</p>\" + '</h4>' + \"<div cl\"; }",
        ),
        ("style", "p > a::after { content: \"<b>文</b>\"; }"),
        ("iframe", "<span class=\"x\">مرحبا &amp; 👋</span>"),
        ("noembed", "<b>e\u{301}</b>"),
        ("noframes", "<i>frames</i>"),
        ("xmp", "<em>Пример</em> &lt;"),
        ("textarea", "<b>a</b> & b"),
        ("title", "A < B & C"),
    ];
    for (name, content) in raw {
        let page = format!("<{name}>{content}</{name}><p>after</p>");
        assert_eq!(bounded_html(&page).unwrap(), page, "{name}");
        let out = rewritten(&page);
        assert_eq!(texts(&out, name), texts(&page, name), "{name}: {out}");
        assert_eq!(texts(&out, "p")[0], "after", "{name}: {out}");
    }
}

#[test]
fn a_self_closing_title_in_svg_does_not_swallow_the_page() {
    let page = "<p>before</p><svg><title/><path d=\"M0 0\"/><style><![CDATA[ a>b{} ]]></style></svg>\
                <p>Статья 文章 👋</p><math><mi>x</mi></math><p>end of article</p>";
    let out = rewritten(page);
    let paragraphs = texts(&out, "p");
    assert_eq!(
        paragraphs[..4],
        ["before", "Статья 文章 👋", "end of article", "end"]
    );
    assert_eq!(texts(&out, "svg style"), [" a>b{} "]);
}

#[test]
fn html_breaks_out_of_svg_left_open() {
    let page = "<svg><g><p>out</p><script>x = '<b>not a tag</b>';</script>";
    let out = rewritten(page);
    assert_eq!(texts(&out, "script"), ["x = '<b>not a tag</b>';"]);
    assert!(out.contains("</g></svg><p>out</p>"), "{out}");
}

#[test]
fn json_ld_wrapped_in_cdata_is_left_as_it_is() {
    let json = "/*<![CDATA[*/{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-05-05\",\"name\":\"A &amp; B <i>\"}/*]]>*/";
    let page = format!("<script type=\"application/ld+json\">{json}</script>");
    assert_eq!(texts(&rewritten(&page), "script"), [json]);
}

#[test]
fn a_page_with_too_many_elements_is_refused() {
    let page = "<b>".repeat(MAX_ELEMENTS + 1);
    assert!(bounded_html(&page).is_err());
    assert_eq!(thousands(1_234_567), "1,234,567");
}
