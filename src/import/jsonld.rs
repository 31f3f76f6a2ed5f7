//! What a page's JSON-LD (`<script type="application/ld+json">`) says of
//! its article: the objects of an article type (NewsArticle, BlogPosting,
//! Article, Report…) wherever they are — at the top, in a list, in an
//! `@graph` (the layout of WordPress SEO plugins), or nested as
//! `mainEntity` — and, failing those, the WebPage. Scripts wrapped in
//! `<![CDATA[ … ]]>` or comments, and JSON with raw line breaks in its
//! strings, are read too.

use serde_json::Value;
use std::collections::HashMap;

/// What the JSON-LD of a page says about its article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkedData {
    pub published: Vec<String>,
    pub modified: Vec<String>,
    pub authors: Vec<String>,
    pub headline: Option<String>,
    pub language: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub body: Option<String>,
}

/// Types whose objects are the article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "Posting",
];

/// Types whose objects stand for the article when no article object does.
const PAGE_TYPES: &[&str] = &["WebPage", "ItemPage", "AboutPage", "CollectionPage"];

/// How deep objects are looked for.
const MAX_DEPTH: usize = 8;

/// Reads every JSON-LD script's text; the article objects come first.
pub fn read_linked_data<'a>(scripts: impl Iterator<Item = &'a str>) -> LinkedData {
    let values: Vec<Value> = scripts.filter_map(parse_script).collect();
    let mut articles = Vec::new();
    let mut pages = Vec::new();
    for value in &values {
        collect(value, 0, &mut articles, &mut pages);
    }
    let mut nodes = HashMap::new();
    for value in &values {
        index_nodes(value, 0, &mut nodes);
    }
    let mut data = LinkedData::default();
    for object in articles.iter().chain(pages.iter()) {
        merge(&mut data, object, &nodes);
    }
    data
}

/// Every object with an `@id` and more than a reference's keys, by its
/// `@id`: an `@graph` names its article's author as `{"@id": "…#author"}`
/// and describes the person in another node.
fn index_nodes<'v>(value: &'v Value, depth: usize, nodes: &mut HashMap<&'v str, &'v Value>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|i| index_nodes(i, depth + 1, nodes)),
        Value::Object(object) => {
            if let Some(id) = object.get("@id").and_then(Value::as_str)
                && object.len() > 1
            {
                nodes.entry(id).or_insert(value);
            }
            object
                .values()
                .for_each(|child| index_nodes(child, depth + 1, nodes));
        }
        _ => {}
    }
}

/// A reference (`{"@id": …}` alone) replaced by the node it names.
fn resolved<'v>(value: &'v Value, nodes: &HashMap<&str, &'v Value>) -> &'v Value {
    match value.as_object() {
        Some(object) if object.get("name").is_none() => object
            .get("@id")
            .and_then(Value::as_str)
            .and_then(|id| nodes.get(id).copied())
            .unwrap_or(value),
        _ => value,
    }
}

/// The names of a list of authors or of one, references resolved.
fn author_names(value: Option<&Value>, nodes: &HashMap<&str, &Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .flat_map(|i| names(Some(resolved(i, nodes))))
            .collect(),
        Some(one) => names(Some(resolved(one, nodes))),
        None => Vec::new(),
    }
}

/// The JSON of a script, without CDATA or comment wrappers.
fn parse_script(script: &str) -> Option<Value> {
    let mut text = script.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("/*<![CDATA[*/", "/*]]>*/"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        text = text.trim();
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.strip_suffix(close).unwrap_or(inner);
        }
    }
    let text = text.trim().trim_end_matches(';');
    serde_json::from_str(text).ok().or_else(|| {
        let flattened: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&flattened).ok()
    })
}

fn collect<'v>(
    value: &'v Value,
    depth: usize,
    articles: &mut Vec<&'v Value>,
    pages: &mut Vec<&'v Value>,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect(item, depth + 1, articles, pages);
            }
        }
        Value::Object(object) => {
            if has_type(value, ARTICLE_TYPES) {
                articles.push(value);
            } else if has_type(value, PAGE_TYPES) {
                pages.push(value);
            }
            for (key, child) in object {
                if matches!(
                    key.as_str(),
                    "@graph"
                        | "mainEntity"
                        | "mainEntityOfPage"
                        | "hasPart"
                        | "itemListElement"
                        | "item"
                ) {
                    collect(child, depth + 1, articles, pages);
                }
            }
        }
        _ => {}
    }
}

fn has_type(value: &Value, types: &[&str]) -> bool {
    let named = |t: &Value| {
        t.as_str()
            .map(|t| t.rsplit(['/', ':']).next().unwrap_or(t))
            .is_some_and(|t| types.contains(&t))
    };
    match value.get("@type") {
        Some(Value::Array(list)) => list.iter().any(named),
        Some(t) => named(t),
        None => false,
    }
}

/// Adds what `object` says to what is known, first found first.
fn merge(data: &mut LinkedData, object: &Value, nodes: &HashMap<&str, &Value>) {
    data.published.extend(strings(object.get("datePublished")));
    data.published.extend(strings(object.get("dateCreated")));
    data.modified.extend(strings(object.get("dateModified")));
    if data.authors.is_empty() {
        data.authors = author_names(object.get("author"), nodes);
        if data.authors.is_empty() {
            data.authors = author_names(object.get("creator"), nodes);
        }
    }
    let first = |slot: &mut Option<String>, value: Option<String>| {
        if slot.is_none() {
            *slot = value.filter(|v| !v.trim().is_empty());
        }
    };
    first(
        &mut data.headline,
        strings(object.get("headline")).into_iter().next(),
    );
    first(
        &mut data.language,
        strings(object.get("inLanguage")).into_iter().next(),
    );
    first(
        &mut data.publisher,
        names(object.get("publisher")).into_iter().next(),
    );
    first(&mut data.url, strings(object.get("url")).into_iter().next());
    first(
        &mut data.body,
        strings(object.get("articleBody")).into_iter().next(),
    );
}

/// The strings of a value: itself, or each of a list's, or an object's
/// `@value` or `name`.
fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::String(s)) => vec![s.trim().to_owned()],
        Some(Value::Number(n)) => vec![n.to_string()],
        Some(Value::Array(items)) => items.iter().flat_map(|i| strings(Some(i))).collect(),
        Some(Value::Object(o)) => strings(o.get("@value").or_else(|| o.get("name"))),
        _ => Vec::new(),
    }
}

/// Names of authors or publishers: strings, or objects' `name`.
fn names(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items.iter().flat_map(|i| names(Some(i))).collect(),
        Some(Value::Object(o)) => strings(o.get("name")),
        Some(Value::String(s)) => vec![s.trim().to_owned()],
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_article_in_a_graph() {
        let script = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","name":"Site","url":"https://e.org/"},
            {"@type":"WebPage","datePublished":"2000-01-01","inLanguage":"de-DE"},
            {"@type":["Article","NewsArticle"],"headline":"Über den Dächern",
             "datePublished":"2022-05-05T10:00:00+02:00","dateModified":"2022-05-06",
             "author":[{"@type":"Person","name":"Анна Петрова"},{"@type":"Person","name":"李明"}],
             "publisher":{"@type":"Organization","name":"Site"}}]}"#;
        let data = read_linked_data([script].into_iter());
        assert_eq!(data.published[0], "2022-05-05T10:00:00+02:00");
        assert_eq!(
            data.published[1], "2000-01-01",
            "the page's date comes after"
        );
        assert_eq!(data.modified, ["2022-05-06"]);
        assert_eq!(data.authors, ["Анна Петрова", "李明"]);
        assert_eq!(data.headline.as_deref(), Some("Über den Dächern"));
        assert_eq!(data.language.as_deref(), Some("de-DE"));
        assert_eq!(data.publisher.as_deref(), Some("Site"));
    }

    #[test]
    fn an_author_named_by_reference_is_the_graph_s_person() {
        // The Yoast layout (digit.in): the article's author is an `@id`,
        // the person a node of its own, in another script too.
        let article = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"NewsArticle","datePublished":"2025-12-18",
             "author":{"@id":"https://www.digit.in/author/jayesh-shinde/#author"}}]}"#;
        let person = r#"{"@graph":[{"@type":"Person",
            "@id":"https://www.digit.in/author/jayesh-shinde/#author",
            "name":"Jayesh Shinde","url":"https://www.digit.in/author/jayesh-shinde/"}]}"#;
        let data = read_linked_data([article, person].into_iter());
        assert_eq!(data.authors, ["Jayesh Shinde"]);
        // A reference to nothing known names no one.
        let dangling = r##"{"@type":"BlogPosting","author":[{"@id":"#nobody"},{"name":"Ана"}]}"##;
        assert_eq!(read_linked_data([dangling].into_iter()).authors, ["Ана"]);
    }

    #[test]
    fn reads_nested_articles_and_wrapped_scripts() {
        let nested = r#"/*<![CDATA[*/{"@type":"WebPage","mainEntity":{"@type":"NewsArticle",
            "datePublished":"2021-03-04","author":"Jane Doe"}}/*]]>*/"#;
        let data = read_linked_data([nested].into_iter());
        assert_eq!(data.published, ["2021-03-04"]);
        assert_eq!(data.authors, ["Jane Doe"]);
        let raw_line_break = "{\"@type\":\"BlogPosting\",\"articleBody\":\"one\ntwo\"}";
        let data = read_linked_data([raw_line_break].into_iter());
        assert_eq!(data.body.as_deref(), Some("one two"));
        assert_eq!(
            read_linked_data(["not json"].into_iter()),
            LinkedData::default()
        );
    }
}
