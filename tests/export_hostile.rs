//! A hostile workspace (script tags, event-handler attributes, `javascript:`
//! URLs, `</script>` and `<!--` in rationales, formula-leading CSV cells,
//! right-to-left overrides) exports with none of it live.

use factbench::anchor::find_quote;
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Evidence, Source, SourceKind, Stance, Workspace};
use serde_json::Value;

const ARTICLE_TEXT: &str = "Officials said <script>alert(\"text\")</script> was harmless.\n\u{202E}gnp.exe\u{202C} arrived <!-- hidden --> on time.";

fn hostile_workspace() -> Workspace {
    let mut ws = Workspace::new("<script>alert('title')</script>");
    ws.description = "<img src=x onerror=alert(1)>".into();
    ws.methodology = "</style><script>alert('style')</script>".into();
    ws.publisher.name = "\"><svg onload=alert(1)>".into();
    ws.publisher.url = "javascript:alert('publisher')".into();
    ws.report_url = "https://checks.example.org/report".into();

    let mut article = Article::new(
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        ARTICLE_TEXT,
    );
    article.url = "java\nscript:alert('article')".into();
    article.outlet = "<b onmouseover=alert(1)>Outlet</b>".into();
    article.language = "en\" onload=\"alert(1)".into();

    let mut source = Source::new(
        "<a href=javascript:alert(1)>source</a>",
        "javascript:alert('source')",
        SourceKind::Other,
    );
    source.archive_url = "  JaVaScRiPt:alert('archive')".into();
    source.notes = "[click](javascript:alert(1))".into();
    let data_source = Source::new(
        "Data URL",
        "data:text/html,<script>alert(1)</script>",
        SourceKind::Dataset,
    );

    let anchor = find_quote(ARTICLE_TEXT, "<script>alert(\"text\")</script>", 0).unwrap();
    let mut claim = Claim::new(article.id, anchor, "+SUM(1,2)");
    claim.statement = "</script><script>alert('statement')</script>".into();
    claim.rationale = "</script><!-- <script>alert('rationale')</script> \u{2028}end".into();
    claim.claimant = "=HYPERLINK(\"http://evil.example/\",\"click\")".into();
    claim.tags = vec!["-2+3".into(), "@cmd".into()];
    claim.verdict = Some("false".into());
    for (s, excerpt) in [
        (&source, "<img src=x onerror=alert('excerpt')>"),
        (&data_source, ""),
    ] {
        claim.evidence.push(Evidence {
            id: Default::default(),
            source: s.id,
            stance: Stance::Refutes,
            excerpt: excerpt.into(),
            note: "\u{2066}note".into(),
            anchor: None,
        });
    }
    let rtl_anchor = find_quote(ARTICLE_TEXT, "gnp.exe", 0).unwrap();
    let mut rtl = Claim::new(article.id, rtl_anchor, "\u{202E}reversed");
    rtl.claimant = "Evil\u{202E} Corp".into();
    rtl.verdict = Some("misleading".into());
    rtl.rationale = "\t=cmd|' /C calc'!A0".into();

    ws.articles.push(article);
    ws.claims = vec![claim, rtl];
    ws.sources = vec![source, data_source];
    ws
}

fn export_string(format: Format) -> String {
    let mut out = Vec::new();
    export::write(
        format,
        &hostile_workspace(),
        &ExportOptions::default(),
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// The report without its stylesheet and JSON-LD block: the markup a
/// browser builds elements from.
fn markup_of(html: &str) -> String {
    let mut markup = html.to_owned();
    for (open, close) in [
        ("<style>", "</style>"),
        ("<script type=\"application/ld+json\">", "</script>"),
    ] {
        let start = markup.find(open).expect("block present");
        let end = start + markup[start..].find(close).expect("block closed") + close.len();
        markup.replace_range(start..end, "");
    }
    markup
}

/// Every tag in the markup: its name and its attribute names. Attribute
/// values are quoted with `"` and contain no `<`, `>` or `"` (they are
/// escaped), so a simple scan is exact.
fn tags(markup: &str) -> Vec<(String, Vec<String>)> {
    let mut tags = Vec::new();
    for piece in markup.split('<').skip(1) {
        let inside = &piece[..piece.find('>').expect("every tag closes")];
        if inside.starts_with('/') || inside.starts_with('!') {
            continue;
        }
        let mut parts = inside.splitn(2, [' ', '\n']);
        let name = parts.next().unwrap().to_owned();
        let mut attributes = Vec::new();
        let mut rest = parts.next().unwrap_or("").trim();
        while !rest.is_empty() {
            let (attr, after) = rest.split_once('=').unwrap_or((rest, ""));
            attributes.push(attr.trim().to_owned());
            let after = after.trim_start();
            rest = match after.strip_prefix('"') {
                Some(value) => value[value.find('"').expect("value closes") + 1..].trim_start(),
                None => "",
            };
        }
        tags.push((name, attributes));
    }
    tags
}

#[test]
fn html_has_only_the_reports_own_elements_and_attributes() {
    let html = export_string(Format::Html);
    let markup = markup_of(&html);
    let allowed_tags = [
        "html",
        "head",
        "meta",
        "title",
        "body",
        "header",
        "main",
        "footer",
        "nav",
        "section",
        "article",
        "div",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "ol",
        "ul",
        "li",
        "dl",
        "dt",
        "dd",
        "a",
        "span",
        "bdi",
        "mark",
        "blockquote",
        "time",
        "table",
        "caption",
        "tr",
        "th",
        "td",
        "em",
    ];
    let allowed_attributes = [
        "lang",
        "charset",
        "name",
        "content",
        "http-equiv",
        "class",
        "id",
        "href",
        "rel",
        "title",
        "dir",
        "datetime",
        "style",
        "scope",
        "aria-label",
    ];
    for (name, attributes) in tags(&markup) {
        assert!(
            allowed_tags.contains(&name.as_str()),
            "unexpected element <{name}>"
        );
        for attribute in attributes {
            assert!(
                allowed_attributes.contains(&attribute.as_str()),
                "unexpected attribute {attribute:?} on <{name}>"
            );
        }
    }
    assert!(
        !markup.contains("<script"),
        "no script element outside the JSON-LD block"
    );
    assert_eq!(html.matches("<script").count(), 1);
}

#[test]
fn html_links_are_only_web_mail_or_in_page() {
    let html = export_string(Format::Html);
    let hrefs: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(!hrefs.is_empty());
    for href in &hrefs {
        assert!(
            href.starts_with('#') || href.starts_with("https://") || href.starts_with("http://"),
            "unsafe link {href:?}"
        );
    }
    for piece in html.split("<a href=\"http").skip(1) {
        let tag_end = piece.find('>').unwrap();
        assert!(
            piece[..tag_end].contains("rel=\"noopener noreferrer\""),
            "{}",
            &piece[..tag_end]
        );
    }
}

#[test]
fn html_escapes_user_text_and_the_lang_attribute_cannot_be_broken_out_of() {
    let html = export_string(Format::Html);
    assert!(html.contains("&lt;script&gt;alert(\"text\")&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("&lt;/style&gt;&lt;script&gt;alert('style')&lt;/script&gt;"));
    assert!(html.contains("&lt;!-- hidden --&gt;"));
    assert_eq!(
        html.matches(" lang=\"").count(),
        1,
        "only <html lang=\"en\">: the article's implausible tag is dropped"
    );
    assert!(
        html.contains("<dt>Language</dt><dd><bdi>en\" onload=\"alert(1)</bdi></dd>"),
        "shown as text only"
    );
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
    );
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "the stylesheet cannot be closed early"
    );
}

#[test]
fn html_json_ld_cannot_close_its_script_block() {
    let html = export_string(Format::Html);
    let open = "<script type=\"application/ld+json\">";
    let start = html.find(open).unwrap() + open.len();
    let end = start + html[start..].find("</script>").unwrap();
    let block = &html[start..end];
    assert!(!block.contains('<') && !block.contains('>') && !block.contains('&'));
    assert!(!block.contains('\u{2028}'));
    assert!(block.contains("\\u003c/script\\u003e\\u003cscript\\u003e"));
    let reviews: Value = serde_json::from_str(block).unwrap();
    assert_eq!(
        reviews[0]["claimReviewed"],
        "</script><script>alert('statement')</script>"
    );
}

#[test]
fn bidi_overrides_are_shown_not_obeyed_in_html_and_markdown() {
    for format in [Format::Html, Format::Markdown] {
        let out = export_string(format);
        let visible = if format == Format::Html {
            markup_of(&out)
        } else {
            out.clone()
        };
        for control in ['\u{202E}', '\u{202C}', '\u{2066}'] {
            assert!(
                !visible.contains(control),
                "{format}: raw {control:?} left in"
            );
        }
        assert_eq!(
            visible.matches("⟨U+202E⟩").count(),
            3,
            "{format}: article, claimant, reported by"
        );
        assert!(visible.contains("⟨U+202C⟩"), "{format}");
        assert!(visible.contains("⟨U+2066⟩"), "{format}");
    }
    let md = export_string(Format::Markdown);
    assert!(md.contains("⟨U+202E⟩**gnp.exe**[²][claim-"));
    assert!(md.contains("Evil⟨U+202E⟩ Corp"));
    let html = export_string(Format::Html);
    assert!(
        html.contains("<bdi>Evil<span class=\"ctl\""),
        "claimant isolated in <bdi>"
    );
}

#[test]
fn markdown_has_no_raw_html_and_no_unsafe_links() {
    let md = export_string(Format::Markdown);
    for (at, _) in md.match_indices('<') {
        let before = &md[..at];
        let after = &md[at..];
        assert!(
            before.ends_with('\\') || (before.ends_with("](") && after.starts_with("<http")),
            "raw '<' at {:?}",
            &md[at.saturating_sub(20)..(at + 20).min(md.len())]
        );
    }
    for (at, _) in md.match_indices("](") {
        let escaped = md[..at].ends_with('\\');
        let web = md[at..].starts_with("](<https://") || md[at..].starts_with("](<http://");
        assert!(
            escaped || web,
            "link at {:?}",
            &md[at..(at + 30).min(md.len())]
        );
    }
    assert!(md.contains("\\[click\\](javascript:alert(1))"));
    assert!(md.contains("\\<script\\>alert(\"text\")\\</script\\>"));
}

#[test]
fn csv_cells_cannot_start_formulas() {
    let csv = export_string(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        &rows[0][column("Claimant")],
        "'=HYPERLINK(\"http://evil.example/\",\"click\")"
    );
    assert_eq!(&rows[0][column("Reported by")], "'+SUM(1,2)");
    assert_eq!(&rows[0][column("Tags")], "'-2+3; @cmd");
    assert_eq!(&rows[1][column("Rationale")], "'\t=cmd|' /C calc'!A0");
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula-leading cell {cell:?}"
            );
        }
    }
}

fn assert_only_safe_iris(value: &Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                if ["url", "source", "homepage", "id"].contains(&key.as_str())
                    && let Some(iri) = v.as_str()
                {
                    assert!(
                        iri.starts_with("https://") || iri.starts_with("urn:uuid:"),
                        "{key}: {iri:?}"
                    );
                }
                assert_only_safe_iris(v);
            }
        }
        Value::Array(items) => items.iter().for_each(assert_only_safe_iris),
        _ => {}
    }
}

#[test]
fn json_exports_carry_no_unsafe_urls() {
    for format in [Format::ClaimReview, Format::WebAnnotation] {
        let out = export_string(format);
        assert!(
            !out.to_lowercase().contains("javascript:alert('"),
            "{format}"
        );
        assert!(!out.contains("data:text/html"), "{format}");
        assert_only_safe_iris(&serde_json::from_str(&out).unwrap());
    }
    let annotations: Value = serde_json::from_str(&export_string(Format::WebAnnotation)).unwrap();
    let exact = &annotations["first"]["items"][0]["target"]["selector"][0]["exact"];
    assert_eq!(
        exact, "<script>alert(\"text\")</script>",
        "data formats keep the text exactly"
    );
}
