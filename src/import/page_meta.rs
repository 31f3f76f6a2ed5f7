//! A web page's metadata as a fact-checker needs it, from every common
//! source: JSON-LD ([`super::jsonld`]), OpenGraph, Dublin Core and other
//! `<meta>` tags, microdata (`itemprop` on any element), `<time>`
//! elements, bylines and the URL. Dates are parsed in many formats
//! ([`super::dates`]) and only credible ones kept; authors are cleaned
//! ([`super::authors`]); the title loses site decoration that repeats the
//! site's name; the canonical address is resolved against `og:url` and the
//! page's own address and kept only when absolute http(s).

use super::authors::clean_author;
use super::dates::{NumericOrder, date_in_url};
use super::jsonld::{LinkedData, read_linked_data};
use super::published::{DateEvidence, DateReader, publication_date};
use super::zones::likely_zone;
use dom_query::Document;
use jiff::civil::Date;
use std::collections::HashMap;

/// What the page says about its article, apart from the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: Option<Date>,
    pub modified: Option<Date>,
    /// The language the page declares, as written.
    pub declared_language: String,
    /// The article's text as its JSON-LD gives it (`articleBody`).
    pub body: Option<String>,
    /// The page's description (`og:description`, `description`,
    /// `twitter:description`; one with 20 letters or more), the only text
    /// some pages built by scripts carry before they run.
    pub description: Option<String>,
}

/// What extraction found that the metadata may fall back on.
#[derive(Clone, Debug, Default)]
pub struct Fallbacks<'a> {
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published: Option<&'a str>,
    /// The page's own address (where it was saved from), if known.
    pub address: Option<&'a str>,
    /// The start of the extracted text, where a dateline may be.
    pub text_start: Option<&'a str>,
}

/// `<meta>` keys (name, property, itemprop or http-equiv, lower case)
/// naming the publication date, most trusted first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "rnews:datepublished",
    "originalpublicationdate",
    "article:post_date",
    "cxenseparse:recs:publishtime",
];

/// Generic `<meta>` keys for a date, often the day the page was generated:
/// they give way to a date the page shows.
const GENERIC_DATE_KEYS: &[&str] = &["dc.date", "dcterms.date", "date"];

/// `<meta>` keys naming the modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// `<meta>` keys naming the author.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "og:article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "citation_author",
    "article:author_name",
];

/// `<meta>` keys naming the language.
const LANGUAGE_KEYS: &[&str] = &[
    "content-language",
    "og:locale",
    "dc.language",
    "dcterms.language",
    "language",
];

/// Reads the metadata of a parsed page.
pub fn read_meta(document: &Document, fallbacks: &Fallbacks) -> PageMeta {
    let metas = meta_values(document);
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.get(*k).and_then(|v| v.first().cloned()))
    };
    let linked = read_linked_data(json_ld_scripts(document).iter().map(String::as_str));
    let declared_language = declared_language(document, &metas, &linked);
    let order = numeric_order(&declared_language);
    let outlet = meta(&["og:site_name"])
        .or_else(|| linked.publisher.clone())
        .or_else(|| meta(&["application-name", "dc.publisher"]))
        .unwrap_or_default();
    let url = resolved_url(document, &metas, fallbacks.address);
    let zone = likely_zone(&url, &declared_language);
    let dates = DateReader { order, zone };
    let mut metadata: Vec<String> = linked.published.iter().take(1).cloned().collect();
    metadata.extend(all_values(&metas, PUBLISHED_KEYS));
    metadata.extend(microdata(document, "datePublished").into_iter().take(1));
    // A whole date in the page's own address was set when the article was
    // first filed, in the publisher's own time: it outranks metadata that
    // site migrations and republishing rewrite.
    let evidence = DateEvidence {
        in_url: date_in_url(&url),
        metadata,
        generic: all_values(&metas, GENERIC_DATE_KEYS),
        text_start: fallbacks.text_start,
        fallback: fallbacks.published,
    };
    let published = publication_date(document, &evidence, &texts_under_headline(document), &dates);
    let mut modified_texts = linked.modified.clone();
    modified_texts.extend(all_values(&metas, MODIFIED_KEYS));
    modified_texts.extend(microdata(document, "dateModified"));
    let modified = dates.latest_credible(&modified_texts);
    PageMeta {
        title: page_title(document, &metas, &linked, fallbacks, &outlet),
        author: author(document, &metas, &linked, fallbacks, &outlet),
        outlet,
        url,
        published,
        modified: modified.filter(|m| published.is_none_or(|p| *m >= p)),
        declared_language,
        body: linked.body.clone(),
        description: all_values(&metas, DESCRIPTION_KEYS)
            .into_iter()
            .map(|d| squeeze(&d))
            .find(|d| d.chars().filter(|c| c.is_alphabetic()).count() >= 20),
    }
}

/// `<meta>` keys of the page's description, most trusted first.
const DESCRIPTION_KEYS: &[&str] = &["og:description", "description", "twitter:description"];

/// Every `<meta>`'s content, by its name, property, itemprop or
/// http-equiv in lower case, in page order.
fn meta_values(document: &Document) -> HashMap<String, Vec<String>> {
    let mut values: HashMap<String, Vec<String>> = HashMap::new();
    for meta in document.select("meta").iter() {
        let Some(content) = meta.attr("content").map(|c| c.trim().to_owned()) else {
            continue;
        };
        if content.is_empty() {
            continue;
        }
        let in_head = meta.ancestors(Some(3)).is("head");
        for attribute in ["name", "property", "itemprop", "http-equiv"] {
            // Microdata in the body belongs to whatever item holds it (a
            // list of other articles, often): read by `microdata`.
            if attribute == "itemprop" && !in_head {
                continue;
            }
            if let Some(key) = meta.attr(attribute) {
                values
                    .entry(key.trim().to_lowercase())
                    .or_default()
                    .push(content.clone());
            }
        }
    }
    values
}

fn all_values(metas: &HashMap<String, Vec<String>>, keys: &[&str]) -> Vec<String> {
    keys.iter()
        .filter_map(|k| metas.get(*k))
        .flatten()
        .cloned()
        .collect()
}

fn json_ld_scripts(document: &Document) -> Vec<String> {
    document
        .select("script")
        .iter()
        .filter(|s| {
            s.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .map(|s| s.text().to_string())
        .collect()
}

/// Values of `itemprop=NAME` on any element other than `<meta>`: its
/// `content` or `datetime`, else its text.
fn microdata(document: &Document, name: &str) -> Vec<String> {
    let selector = format!("[itemprop=\"{name}\"]");
    document
        .select(&selector)
        .iter()
        .filter_map(|e| {
            e.attr("content")
                .or_else(|| e.attr("datetime"))
                .map(|v| v.to_string())
                .or_else(|| Some(squeeze(&e.text())))
        })
        .filter(|v| !v.is_empty() && v.chars().count() < 200)
        .collect()
}

/// How many short texts after the headline are looked at for a date or
/// a byline.
const TEXTS_AFTER_HEADLINE: usize = 40;

/// The first short texts after the page's `<h1>` (all of the body's
/// when it has none), where datelines and bylines are.
pub fn texts_under_headline(document: &Document) -> Vec<String> {
    let body = document.select("body");
    let Some(root) = body.nodes().first() else {
        return Vec::new();
    };
    let mut after_headline = document.select("h1").length() == 0;
    let mut texts = Vec::new();
    for node in root.descendants_it() {
        if node.is_element() {
            after_headline |= node.node_name().is_some_and(|n| n.as_ref() == "h1");
            continue;
        }
        if !after_headline || !node.is_text() {
            continue;
        }
        let text = squeeze(&node.text());
        if text.is_empty() || text.chars().count() > 100 {
            continue;
        }
        texts.push(text);
        if texts.len() == TEXTS_AFTER_HEADLINE {
            break;
        }
    }
    texts
}

/// Words that start a byline in the text ("von Daniela Obers"), or label
/// the name that follows ("Autor:").
const BYLINE_STARTS: &[&str] = &[
    "by ", "von ", "par ", "por ", "di ", "door ", "autor:", "author:", "auteur:", "text:",
    "texto:",
];

/// A byline among the first short texts after the headline: one that
/// starts with "By", "von", "Par"…, or the text after an "Autor:" label.
fn byline_under_headline(document: &Document) -> Option<String> {
    let texts = texts_under_headline(document);
    for (at, text) in texts.iter().enumerate() {
        let lower = text.to_lowercase();
        if !BYLINE_STARTS.iter().any(|s| lower.starts_with(s)) {
            continue;
        }
        let is_label = lower.ends_with(':') && lower.split_whitespace().count() == 1;
        return if is_label {
            texts.get(at + 1).cloned()
        } else {
            Some(text.clone())
        };
    }
    None
}

/// How numbers like `10/05/2022` are read: month first in English (as
/// most English-language sites are American), else day first.
fn numeric_order(language: &str) -> NumericOrder {
    let lower = language.to_ascii_lowercase().replace('_', "-");
    let english = lower == "en" || lower.starts_with("en-us") || lower.is_empty();
    if english {
        NumericOrder::MonthFirst
    } else {
        NumericOrder::DayFirst
    }
}

fn declared_language(
    document: &Document,
    metas: &HashMap<String, Vec<String>>,
    linked: &LinkedData,
) -> String {
    let html = document.select("html");
    html.attr("lang")
        .or_else(|| html.attr("xml:lang"))
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .or_else(|| linked.language.clone())
        .or_else(|| {
            LANGUAGE_KEYS
                .iter()
                .find_map(|k| metas.get(*k).and_then(|v| v.first().cloned()))
        })
        .unwrap_or_default()
}

/// The first author any source names that is still a name once cleaned.
fn author(
    document: &Document,
    metas: &HashMap<String, Vec<String>>,
    linked: &LinkedData,
    fallbacks: &Fallbacks,
    outlet: &str,
) -> String {
    let mut candidates = vec![linked.authors.join("; ")];
    candidates.extend(
        all_values(metas, AUTHOR_KEYS)
            .into_iter()
            .filter(|a| !is_link(a)),
    );
    candidates.extend(labelled_meta_author(metas));
    candidates.extend(microdata_authors(document));
    candidates.extend(
        document
            .select("[rel=author], [class*=byline], [class*=author-name], [class=author], [class*=autor]")
            .iter()
            .take(20)
            .map(|e| squeeze(&e.text())),
    );
    candidates.extend(labelled_byline(document));
    candidates.extend(byline_under_headline(document));
    candidates.extend(fallbacks.byline.map(str::to_owned));
    candidates
        .iter()
        .map(|c| clean_author(c, outlet))
        .find(|a| !a.is_empty())
        .unwrap_or_default()
}

/// Labels that say the next words name the article's author.
const AUTHOR_LABELS: &[&str] = &[
    "written by",
    "by",
    "author",
    "authored by",
    "posted by",
    "words by",
    "von",
    "autor",
    "autorin",
    "por",
    "par",
    "auteur",
    "di",
    "автор",
];

/// Whether `text` is an author label alone ("Written by", "Author:").
fn is_author_label(text: &str) -> bool {
    let label = text.trim().trim_end_matches(':').trim().to_lowercase();
    AUTHOR_LABELS.contains(&label.as_str())
}

/// The author in the label–value pairs sites add for link previews
/// (`twitter:label1` "Written by", `twitter:data1` the name).
fn labelled_meta_author(metas: &HashMap<String, Vec<String>>) -> Option<String> {
    (1..=4).find_map(|n| {
        let label = metas.get(&format!("twitter:label{n}"))?.first()?;
        is_author_label(label)
            .then(|| metas.get(&format!("twitter:data{n}"))?.first().cloned())
            .flatten()
    })
}

/// Most elements looked at for a label standing alone.
const LABEL_ELEMENTS: usize = 3_000;

/// Longest text (chars) the element after a label may have to be a name.
const LABELLED_NAME_CHARS: usize = 60;

/// A name in the element after one that holds only an author label
/// (`<p>Written by</p><p>Edzel Tabing</p>`).
fn labelled_byline(document: &Document) -> Option<String> {
    document
        .select("p, div, span, dt, strong, small, em")
        .iter()
        .take(LABEL_ELEMENTS)
        .filter(|e| e.children().length() == 0 && is_author_label(&e.text()))
        .find_map(|label| {
            let name = squeeze(&label.next_sibling().text());
            (2..=LABELLED_NAME_CHARS)
                .contains(&name.chars().count())
                .then_some(name)
        })
}

/// `itemprop=author` elements: the name inside them, or their content.
fn microdata_authors(document: &Document) -> Vec<String> {
    document
        .select("[itemprop=author]")
        .iter()
        .take(10)
        .filter_map(|e| {
            let inner = e.select("[itemprop=name]");
            let name = inner
                .attr("content")
                .map(|c| c.to_string())
                .or_else(|| (inner.length() > 0).then(|| squeeze(&inner.text())));
            name.or_else(|| e.attr("content").map(|c| c.to_string()))
                .or_else(|| Some(squeeze(&e.text())))
        })
        .filter(|n| !n.is_empty() && !is_link(n))
        .collect()
}

fn is_link(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}

/// The headline: `og:title`, the `<h1>` the `<title>` starts with, the
/// JSON-LD headline, what extraction found, or the `<title>`; without
/// site decoration that repeats the site's name.
fn page_title(
    document: &Document,
    metas: &HashMap<String, Vec<String>>,
    linked: &LinkedData,
    fallbacks: &Fallbacks,
    outlet: &str,
) -> String {
    let page_title = squeeze(&document.select("title").first().text());
    let headline = squeeze(&document.select("h1").first().text());
    let title = metas
        .get("og:title")
        .and_then(|v| v.first().cloned())
        .or_else(|| {
            (headline.chars().count() >= 5 && page_title.starts_with(&headline))
                .then(|| headline.clone())
        })
        .or_else(|| linked.headline.clone())
        .or_else(|| {
            fallbacks
                .title
                .map(str::to_owned)
                .filter(|t| !t.trim().is_empty())
        })
        .unwrap_or(page_title);
    without_site_decoration(&squeeze(&title), outlet)
}

/// "Headline | Site" → "Headline", "Site: Headline" → "Headline", when
/// "Site" is the site's name (or its domain).
pub fn without_site_decoration(title: &str, outlet: &str) -> String {
    let site = comparable(outlet);
    if site.is_empty() {
        return title.to_owned();
    }
    for separator in [
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", ": ", " « ", " » ",
    ] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && comparable(tail) == site
            && !head.trim().is_empty()
        {
            return head.trim().to_owned();
        }
        if let Some((head, tail)) = title.split_once(separator)
            && comparable(head) == site
            && !tail.trim().is_empty()
        {
            return tail.trim().to_owned();
        }
    }
    title.to_owned()
}

/// A site name compared without case, "www." or a top-level domain.
fn comparable(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower.strip_prefix("www.").unwrap_or(&lower);
    let base = match lower.rsplit_once('.') {
        Some((base, tld)) if (2..=4).contains(&tld.len()) && !base.contains(' ') => base,
        _ => lower,
    };
    base.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The article's address: the canonical link or `og:url`, resolved
/// against each other and the page's own address; empty unless absolute
/// http(s).
fn resolved_url(
    document: &Document,
    metas: &HashMap<String, Vec<String>>,
    address: Option<&str>,
) -> String {
    let canonical = document
        .select("link[rel=canonical]")
        .attr("href")
        .map(|h| h.trim().to_owned());
    let og_url = metas.get("og:url").and_then(|v| v.first().cloned());
    let base_href = document
        .select("base[href]")
        .attr("href")
        .map(|h| h.trim().to_owned());
    resolve_article_url(
        canonical.as_deref(),
        og_url.as_deref(),
        base_href.as_deref(),
        address,
    )
}

/// See [`resolved_url`]: the first of canonical and `og:url` that is or
/// can be made absolute http(s), else the page's own address.
pub fn resolve_article_url(
    canonical: Option<&str>,
    og_url: Option<&str>,
    base_href: Option<&str>,
    address: Option<&str>,
) -> String {
    let absolute = |text: Option<&str>| {
        text.and_then(|t| url::Url::parse(t.trim()).ok())
            .filter(|u| matches!(u.scheme(), "http" | "https"))
    };
    let address = absolute(address);
    let bases: Vec<url::Url> = [
        absolute(base_href),
        absolute(og_url),
        absolute(canonical),
        address.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    for candidate in [canonical, og_url]
        .into_iter()
        .flatten()
        .filter(|c| !c.trim().is_empty())
    {
        if let Some(url) = absolute(Some(candidate)) {
            return url.to_string();
        }
        if let Some(url) = bases.iter().find_map(|b| b.join(candidate.trim()).ok()) {
            return url.to_string();
        }
    }
    address.map(|u| u.to_string()).unwrap_or_default()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "page_meta_tests.rs"]
mod tests;
