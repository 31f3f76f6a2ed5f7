//! Property tests: for any text in mixed scripts and any set of claims on
//! it (nested, overlapping, sharing ends, or broken), every export
//! succeeds, the report reproduces the article text exactly with balanced
//! highlights, and every Web Annotation's position slices to its quote.

use factbench::anchor::capture;
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Workspace};
use proptest::prelude::*;

const PIECES: [&str; 12] = [
    "a",
    " ",
    "\n",
    "Путин",
    "习近平",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u{301}",
    "<b>",
    "&amp;",
    "\u{202E}",
    "ال",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1..40).prop_map(|p| p.concat())
}

fn workspace(text: &str, ranges: &[(usize, usize, bool)]) -> Workspace {
    let mut ws = Workspace::new("Property");
    let article = Article::new("A", text);
    let len = text.chars().count();
    for &(a, b, broken) in ranges {
        let (start, end) = (a % len, b % (len + 1));
        let (start, end) = (start.min(end), start.max(end));
        let Ok(mut anchor) = capture(text, start, end) else {
            continue;
        };
        if broken {
            anchor.exact.push('x');
        }
        ws.claims.push(Claim::new(article.id, anchor, ""));
    }
    ws.articles.push(article);
    ws
}

fn export_string(format: Format, ws: &Workspace) -> String {
    let mut out = Vec::new();
    export::write(format, ws, &ExportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The article text back from the report: tags and claim numbers removed,
/// bidi placeholders turned back into their characters, entities decoded.
fn text_back(html: &str) -> String {
    let start = html.find("<div class=\"text\"").unwrap();
    let start = start + html[start..].find('>').unwrap() + 1;
    let end = start + html[start..].find("</div>").unwrap();
    let mut text = String::new();
    let mut rest = &html[start..end];
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').unwrap();
        let tag = &rest[open..=close];
        rest = &rest[close + 1..];
        if tag.starts_with("<a class=\"ref") {
            rest = &rest[rest.find("</a>").unwrap() + 4..];
        } else if tag.starts_with("<span class=\"ctl\"") {
            let end = rest.find("</span>").unwrap();
            let code = rest[..end].trim_start_matches("⟨U+").trim_end_matches('⟩');
            text.push(char::from_u32(u32::from_str_radix(code, 16).unwrap()).unwrap());
            rest = &rest[end + 7..];
        }
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn report_text_is_the_article_text_with_balanced_highlights(
        text in text_strategy(),
        ranges in prop::collection::vec((0usize..200, 0usize..200, prop::bool::weighted(0.2)), 0..8),
    ) {
        let ws = workspace(&text, &ranges);
        let html = export_string(Format::Html, &ws);
        prop_assert_eq!(text_back(&html), text.clone());
        prop_assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
        for format in Format::ALL {
            prop_assert!(!export_string(format, &ws).is_empty());
        }
    }

    #[test]
    fn annotation_positions_slice_to_their_quotes(
        text in text_strategy(),
        ranges in prop::collection::vec((0usize..200, 0usize..200, prop::bool::weighted(0.2)), 0..8),
    ) {
        let ws = workspace(&text, &ranges);
        let doc: serde_json::Value =
            serde_json::from_str(&export_string(Format::WebAnnotation, &ws)).unwrap();
        let items = doc["first"]["items"].as_array().unwrap();
        let intact = ws.claims.iter().filter(|c| factbench::anchor::check(&c.anchor, &text).is_ok()).count();
        prop_assert_eq!(items.len(), intact);
        for item in items {
            let selectors = &item["target"]["selector"];
            let start = selectors[1]["start"].as_u64().unwrap() as usize;
            let end = selectors[1]["end"].as_u64().unwrap() as usize;
            let slice: String = text.chars().skip(start).take(end - start).collect();
            prop_assert_eq!(selectors[0]["exact"].as_str().unwrap(), slice);
        }
    }
}
