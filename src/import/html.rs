//! Saved web pages: the article's main text, extracted by dom_smoothie (a
//! port of Mozilla's Readability, which drops navigation, ads, comments,
//! scripts, styles and share buttons), without ruby annotations or an
//! archive's toolbar, and its metadata ([`super::page_meta`]), its language
//! chosen between the declared one and the text's.
//! The page first goes through [`bounded_html`], so that neither reads a
//! page deeper, or with more attributes, than a real one, and the chars
//! the extractor's serialiser escapes are stood in for while it runs
//! ([`super::stand_in`]), so that it stays linear.

use super::archive::{Capture, capture_of_page, remove_archive_traces, saved_from};
use super::blocks::{Candidate, choose, link_list, other_candidates};
use super::bound::{TooComplex, bounded_html};
use super::language::choose_language;
use super::page_meta::{Fallbacks, read_meta};
use super::second_opinion::{second_opinion, weigh};
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
    /// The article's address: absolute http(s), or empty.
    pub url: String,
    pub published: Option<Date>,
    /// When the article was last changed, as the page says.
    pub modified: Option<Date>,
    /// When an archive (the Wayback Machine, archive.today) captured the
    /// page, for a page saved from one; never the publication date.
    pub captured: Option<Date>,
    /// Canonical BCP 47: the text's language when the page declares another.
    pub language: String,
    /// The main text, paragraphs separated by blank lines (not yet normalised).
    pub text: String,
    /// The page's blocks that may be its article, the extractor's first;
    /// `text` is one of them.
    pub candidates: Vec<Candidate>,
    /// What looked wrong with the text, and what was done about it.
    pub warnings: Vec<String>,
}

/// Reads a web page's article and metadata; refuses a page with more
/// elements than [`super::bound::MAX_ELEMENTS`].
pub fn read_page(html: &str) -> Result<PageArticle, TooComplex> {
    read_page_from(html, None)
}

/// Like [`read_page`], knowing the page's own address (where it was
/// saved from), against which relative addresses are resolved.
pub fn read_page_from(html: &str, address: Option<&str>) -> Result<PageArticle, TooComplex> {
    let html = bounded_html(html)?;
    Ok(read_bounded_page(&html, address))
}

fn read_bounded_page(html: &str, address: Option<&str>) -> PageArticle {
    let document = Document::from(html);
    let address = address.or_else(|| saved_from(html));
    let capture = capture_of_page(&document, address);
    prune(&document, capture.as_ref());
    let extracted = extract_main_text(html, capture.as_ref());
    let extracted = extracted.as_ref();
    let fallbacks = Fallbacks {
        title: extracted.map(|a| a.title.trim()),
        byline: extracted.and_then(|a| a.byline.as_deref()),
        published: extracted.and_then(|a| a.published_time.as_deref()),
        text_start: extracted.map(|a| text_start(&a.text_content)),
        address: capture
            .as_ref()
            .map(|c| c.original_url.as_str())
            .or(address),
    };
    let meta = read_meta(&document, &fallbacks);
    let page_text = paragraphs_of(&document);
    let main_text = match extracted {
        Some(article) if !article.text_content.trim().is_empty() => {
            article.text_content.to_string()
        }
        _ => page_text.clone(),
    };
    let mut candidates = vec![Candidate {
        source: "main text",
        text: main_text,
    }];
    candidates.extend(other_candidates(&document, meta.body.as_deref()));
    let first_doubts = link_list(&candidates[0].text, &link_texts(&document))
        .into_iter()
        .collect();
    let page_chars = page_text.chars().count();
    let (chosen, mut warnings) = choose(&candidates, page_chars, &meta.title, first_doubts);
    let second = second_opinion(html);
    let chosen = weigh(
        &mut candidates,
        chosen,
        &mut warnings,
        &second.text,
        page_chars,
        &meta.title,
    );
    let text = candidates[chosen].text.clone();
    let url = match &capture {
        Some(capture) if meta.url.is_empty() || meta.url.contains("archive") => {
            super::page_meta::resolve_article_url(Some(&capture.original_url), None, None, None)
        }
        _ => meta.url,
    };
    let mut text = without_leading_byline(&text, &meta.author);
    if text.trim().is_empty()
        && let Some(description) = meta.description
    {
        text = description;
        warnings.push(SCRIPTED_PAGE.to_owned());
    }
    PageArticle {
        language: choose_language(&meta.declared_language, &text).unwrap_or_default(),
        text,
        title: meta.title,
        outlet: meta.outlet,
        author: meta.author,
        url,
        // The second extractor's date only when the page's own evidence
        // named none.
        published: meta.published.or(second.published),
        modified: meta.modified,
        captured: capture.and_then(|c| c.captured),
        candidates,
        warnings,
    }
}

/// How many bytes of `html` are inside `<script>` elements (a plain
/// scan: the page is not parsed again).
pub fn script_bytes(html: &str) -> usize {
    let lower = html.to_ascii_lowercase();
    let mut total = 0;
    let mut rest = lower.as_str();
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let Some(close) = after.find("</script") else {
            return total + after.len();
        };
        total += close;
        rest = &after[close + "</script".len()..];
    }
    total
}

/// What import says of a page whose text a browser builds with scripts.
const SCRIPTED_PAGE: &str = "the page holds no text of its own (a browser builds it with the page's scripts): only its description was imported; to import the text, save the page from the browser once it has loaded (Save Page As…, complete) or print it to PDF";

/// Takes out of a parsed page what is not the article's text: ruby
/// annotations (`<rt>`, `<rp>`: the readings printed over Japanese and
/// Chinese characters, which would break every quote) and, in a page
/// saved from an archive, the archive's toolbar.
fn prune(document: &Document, capture: Option<&Capture>) {
    document.select("rt, rp").remove();
    unwrap_links_over_lines(document);
    if let Some(capture) = capture {
        remove_archive_traces(document, capture);
    }
}

/// How long (chars, spaces not counted) a link over several lines must
/// be to be a passage: a menu item broken over two lines ("Informationen /
/// zum Naturschutz in Bayern") is shorter.
const PASSAGE_LINK_CHARS: usize = 60;

/// What a teaser's card holds and a passage of text does not: a link
/// holding any of these stays a link.
const TEASER_PARTS: &str =
    "img, picture, figure, svg, video, h1, h2, h3, h4, h5, h6, div, p, ul, ol, li, time";

/// Links that run over several lines of plain text become plain text: an
/// annotated passage (a song's lines on a lyrics page, a quoted paragraph
/// with a reader's note) is no menu, but Readability counts a link's text as
/// navigation, so a text made of them was never taken for the article.
fn unwrap_links_over_lines(document: &Document) {
    for link in document.select("a").nodes() {
        let link_selection = dom_query::Selection::from(*link);
        let over_lines = link_selection.select("br").length() > 0
            && link_selection.select(TEASER_PARTS).length() == 0
            && link_selection
                .text()
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
                >= PASSAGE_LINK_CHARS;
        if over_lines && let Some(child) = link.first_child() {
            child.unwrap_node();
        }
    }
}

/// The article as Readability finds it, with its title, byline, date and
/// text (never its HTML, which dom_smoothie also makes: see
/// [`super::stand_in`] for why that is linear only with stand-ins).
fn extract_main_text(html: &str, capture: Option<&Capture>) -> Option<dom_smoothie::Article> {
    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: super::bound::MAX_ELEMENTS,
        ..Default::default()
    };
    let document = Document::from(html);
    prune(&document, capture);
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

/// The texts of the page's links, squeezed.
fn link_texts(document: &Document) -> std::collections::HashSet<String> {
    document
        .select("a")
        .iter()
        .map(|a| a.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The first 200 bytes (or so) of a text, where a dateline would be.
fn text_start(text: &str) -> &str {
    &text[..text.floor_char_boundary(200)]
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

#[cfg(test)]
mod tests {
    use super::{Document, read_page, unwrap_links_over_lines};

    /// A lyrics page as genius.com lays one out (postlight/parser's
    /// fixture, shortened): every line of the song inside an annotation
    /// link, beside a shorter note about the song.
    const LYRICS_PAGE: &str = r#"<html><body>
      <div class="song_body"><div class="lyrics"><p>
        <a href="/3569532/Prince-purple-rain/I-never-meant">I never meant to cause you any sorrow<br>
        I never meant to cause you any pain<br>
        I only wanted to one time to see you laughing</a><br>
        <a href="/3569533/Prince-purple-rain/Purple-rain">Purple rain, purple rain<br>
        Purple rain, purple rain<br>
        I only wanted to see you bathing in the purple rain</a><br>
        <a href="/3569534/Prince-purple-rain/Friend">I never wanted to be your weekend lover<br>
        I only wanted to be some kind of a friend<br>
        Baby, I could never steal you from another</a></p></div>
      <div class="about"><p>The title track of his 1984 album and film, Purple Rain
        chronicles a nostalgic yearning for a pure love.</p>
        <p>For Prince, the international success of Purple Rain was simply the
        culmination of many years of hard work, coupled with a strong sense of
        self-confidence. In 1985 he told a magazine that he had always thought so.</p>
        <p>His definitive power ballad peaked at number two on the album chart on
        the seventeenth of November in the year it was released, and a music
        magazine later named it the best song of the decade.</p></div></div>
    </body></html>"#;

    #[test]
    fn a_song_whose_lines_are_annotation_links_is_the_text() {
        let page = read_page(LYRICS_PAGE).unwrap();
        assert!(
            page.text
                .contains("I never wanted to be your weekend lover"),
            "{}",
            page.text
        );
    }

    #[test]
    fn teaser_cards_and_short_menu_items_stay_links() {
        let document = Document::from(
            r#"<body>
            <a href="/news/1"><img src="t.jpg"><br>Eine lange Überschrift eines anderen Artikels über den Naturschutz</a>
            <a href="/info">Informationen<br>zum Naturschutz</a>
            <a href="/note">I never meant to cause you any sorrow<br>I never meant to cause you any pain<br>I only wanted to see you laughing</a>
            </body>"#,
        );
        unwrap_links_over_lines(&document);
        let links: Vec<String> = document
            .select("a")
            .iter()
            .map(|a| a.text().to_string())
            .collect();
        assert_eq!(links.len(), 2, "{links:?}");
        assert!(links[1].starts_with("Informationen"), "{links:?}");
    }
}
