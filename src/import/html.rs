//! Saved web pages: the article's main text, extracted by dom_smoothie (a
//! port of Mozilla's Readability, which drops navigation, ads, comments,
//! scripts, styles and share buttons), and its metadata from the page's
//! `<title>`, Open Graph and `<meta>` tags, canonical link and `lang`.
//! The page first goes through [`bounded_html`], so that neither reads a
//! page deeper, or with more attributes, than a real one, and the chars
//! the extractor's serialiser escapes are stood in for while it runs
//! ([`super::stand_in`]), so that it stays linear.

use super::bound::{TooComplex, bounded_html};
use super::stand_in::{put_stand_ins, restore};
use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};
use jiff::civil::Date;

/// What a web page says about its article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageArticle {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: Option<Date>,
    pub language: String,
    /// The main text, paragraphs separated by blank lines (not yet normalised).
    pub text: String,
}

/// Reads a web page's article and metadata; refuses a page with more
/// elements than [`super::bound::MAX_ELEMENTS`].
pub fn read_page(html: &str) -> Result<PageArticle, TooComplex> {
    let html = bounded_html(html)?;
    Ok(read_bounded_page(&html))
}

fn read_bounded_page(html: &str) -> PageArticle {
    let document = Document::from(html);
    let meta = |selector: &str| first_attr(&document, selector, "content");
    let page_title = first_text(&document, "title");
    let headline = first_text(&document, "h1");
    let extracted = extract_main_text(html);
    let extracted = extracted.as_ref();

    let title = meta("meta[property=\"og:title\"]")
        .or_else(|| headline_if_title_starts_with_it(&page_title, &headline))
        .or_else(|| {
            extracted
                .map(|a| a.title.trim().to_owned())
                .filter(|t| !t.is_empty())
        })
        .unwrap_or(page_title);
    let author = meta("meta[name=author]")
        .or_else(|| meta("meta[property=\"article:author\"]").filter(|a| !is_link(a)))
        .or_else(|| extracted.and_then(|a| a.byline.clone()))
        .unwrap_or_default();
    let published = meta("meta[property=\"article:published_time\"]")
        .or_else(|| meta("meta[name=\"article:published_time\"]"))
        .or_else(|| meta("meta[itemprop=datePublished]"))
        .or_else(|| extracted.and_then(|a| a.published_time.clone()))
        .and_then(|p| date_prefix(&p));
    let url = first_attr(&document, "link[rel=canonical]", "href")
        .or_else(|| meta("meta[property=\"og:url\"]"))
        .unwrap_or_default();
    let text = match extracted {
        Some(article) if !article.text_content.trim().is_empty() => {
            article.text_content.to_string()
        }
        _ => paragraphs_of(&document),
    };
    PageArticle {
        text: without_leading_byline(&text, &author),
        title,
        outlet: meta("meta[property=\"og:site_name\"]").unwrap_or_default(),
        author,
        url,
        published,
        language: first_attr(&document, "html[lang]", "lang").unwrap_or_default(),
    }
}

fn first_attr(document: &Document, selector: &str, attribute: &str) -> Option<String> {
    document
        .try_select(selector)
        .and_then(|s| s.first().attr(attribute))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn first_text(document: &Document, selector: &str) -> String {
    document
        .try_select(selector)
        .map(|s| collapse_spaces(&s.first().text()))
        .unwrap_or_default()
}

/// The article as Readability finds it, with its title, byline, date and
/// text (never its HTML, which dom_smoothie also makes: see
/// [`super::stand_in`] for why that is linear only with stand-ins).
fn extract_main_text(html: &str) -> Option<dom_smoothie::Article> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: super::bound::MAX_ELEMENTS,
        ..Default::default()
    };
    let document = Document::from(html);
    put_stand_ins(&document);
    let mut article = Readability::with_document(document, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    article.content = Default::default();
    article.title = restore(&article.title);
    article.byline = article.byline.as_deref().map(restore);
    article.published_time = article.published_time.as_deref().map(restore);
    article.text_content = restore(&article.text_content).into();
    Some(article)
}

/// The page's paragraphs, for pages too small for Readability to score.
fn paragraphs_of(document: &Document) -> String {
    document
        .try_select("body p, body h1, body h2, body h3, body li, body blockquote")
        .map(|s| {
            s.iter()
                .map(|p| p.text().split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default()
}

fn is_link(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}

/// `2025-05-04T10:00:00+03:00` → 2025-05-04.
fn date_prefix(text: &str) -> Option<Date> {
    text.trim().get(..10)?.parse().ok()
}

/// The page's `<h1>` when the `<title>` is that headline plus decoration
/// (`Headline_World news_Site`, `Headline | Site`).
fn headline_if_title_starts_with_it(page_title: &str, headline: &str) -> Option<String> {
    let long_enough = headline.chars().count() >= 5;
    (long_enough && page_title.starts_with(headline)).then(|| headline.to_owned())
}

/// Drops a short first paragraph that is only the byline ("By Jane Reporter, 4 May").
fn without_leading_byline(text: &str, author: &str) -> String {
    let trimmed = text.trim_start();
    let (first, rest) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    let is_byline = !author.is_empty() && first.contains(author) && first.chars().count() <= 120;
    if is_byline && !rest.trim().is_empty() {
        rest.to_owned()
    } else {
        text.to_owned()
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
