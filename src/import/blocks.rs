//! Knowing when the text extracted from a page is not its article: a
//! cookie or consent notice, a "browser outdated" banner, a login form, a
//! table of e-mail addresses, or a sliver of a long page. The page's other
//! candidate blocks — JSON-LD `articleBody`, the `<article>` element,
//! `<main>` — are tried, the first that does not look wrong is kept, and
//! what looked wrong is said in a warning. Every candidate is handed back
//! with the import, so that a reader can pick another block.

use super::second_opinion::{PART_PERCENT, shared_percent};
use dom_query::Document;

/// A block of the page that may be its article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Where it came from: "main text" (Readability), "JSON-LD
    /// articleBody", "<article>", "<main>".
    pub source: &'static str,
    /// Its text, paragraphs separated by blank lines.
    pub text: String,
}

impl Candidate {
    /// Its first line, for a list to pick from.
    pub fn first_line(&self) -> &str {
        self.text.trim_start().lines().next().unwrap_or("")
    }
}

/// Phrases of the blocks that stand in for articles (in English, German,
/// French, Spanish, Italian, Portuguese and Dutch), lower case.
const SIGNATURES: &[&str] = &[
    "cookie",
    "consent",
    "accept all",
    "privacy settings",
    "privacy policy",
    "we use cookies",
    "datenschutz",
    "einwilligung",
    "zustimmen",
    "alle akzeptieren",
    "akzeptieren",
    "nous utilisons des cookies",
    "accepter",
    "utilizamos cookies",
    "aceptar",
    "usiamo i cookie",
    "accetta",
    "utilizamos cookies",
    "gebruik van cookies",
    "log in",
    "login",
    "sign in",
    "password",
    "passwort",
    "anmelden",
    "mot de passe",
    "contraseña",
    "forgot your password",
    "passwort vergessen",
    "browser is outdated",
    "outdated browser",
    "update your browser",
    "veralteter browser",
    "browser aktualisieren",
    "enable javascript",
    "javascript is disabled",
    "javascript aktivieren",
    "please enable",
    "are you a robot",
    "captcha",
    "access denied",
    "subscribe to continue",
    "to continue reading",
    "already a subscriber",
    "advertiser disclosure",
];

/// Phrases that alone mark a short text as a notice, not an article,
/// when it starts with one.
const STRONG_SIGNATURES: &[&str] = &[
    "advertiser disclosure",
    "we use cookies",
    "wir verwenden cookies",
    "diese website verwendet cookies",
    "this website uses cookies",
    "your browser is outdated",
    "ihr browser ist veraltet",
    "please enable javascript",
    "are you a robot",
    "access denied",
    "bitte aktivieren sie javascript",
];

/// How much longer (times) a structured block (JSON-LD `articleBody`,
/// `<article>`) must be than the main text for the main text to be
/// doubted, and its least length.
const LONGER_BLOCK_FACTOR: usize = 2;
const LONGER_BLOCK_MIN_CHARS: usize = 1_500;

/// Least chars of page text below which a short extract is not doubted.
const LONG_PAGE_CHARS: usize = 3_000;

/// Least share (in percent) of the page's paragraph text an extract from a
/// long page should hold.
const MIN_SHARE_PERCENT: usize = 10;

/// Least chars a replacement block must have.
pub const MIN_BLOCK_CHARS: usize = 200;

/// What looks wrong with `text` as a page's article, given how many chars
/// of paragraph text the page holds; empty when nothing does.
pub fn doubts(text: &str, page_chars: usize) -> Vec<String> {
    let chars = text.chars().count();
    let mut doubts = Vec::new();
    let lower = text.to_lowercase();
    let hits: Vec<&str> = SIGNATURES
        .iter()
        .copied()
        .filter(|s| lower.contains(s))
        .collect();
    let dense = hits.len() * 1000 >= chars.max(1) * 3;
    let start: String = lower.chars().take(300).collect();
    let strong = chars < 1500 && STRONG_SIGNATURES.iter().any(|s| start.contains(s));
    if strong || (hits.len() >= 2 && chars < 1500) || (hits.len() >= 3 && dense) {
        doubts.push(format!(
            "it reads like a notice or form, not an article ({})",
            hits.iter().take(3).copied().collect::<Vec<_>>().join(", ")
        ));
    }
    let words = text.split_whitespace().count();
    let addresses = text
        .split_whitespace()
        .filter(|w| w.contains('@') && w.contains('.'))
        .count();
    if addresses >= 5 && addresses * 20 > words {
        doubts.push(format!("it is mostly e-mail addresses ({addresses})"));
    }
    if let Some(doubt) = list_of_names(text) {
        doubts.push(doubt);
    }
    if holds_little(chars, page_chars) {
        doubts.push(format!(
            "it holds {chars} of the page's {page_chars} characters of text"
        ));
    }
    doubts
}

/// Least lines, and least share (percent) of them that read as names,
/// for a text to be a list of names.
const NAME_LIST_MIN_LINES: usize = 20;
const NAME_LIST_PERCENT: usize = 70;

/// Most words a line of a list of names has ("Saladin Ambar, Rutgers
/// University").
const NAME_LINE_MAX_WORDS: usize = 8;

/// Small words that stand inside names and affiliations ("University of
/// Chicago", "Ursula von der Leyen").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "at", "de", "la", "le", "von", "van", "der", "den", "da", "du", "y",
    "e", "et", "und", "di", "del",
];

/// A doubt when most of the text's lines are names (a signatory list, a
/// staff or member directory): lines of a few words, each capitalised
/// but for connectors, none ending a sentence.
fn list_of_names(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < NAME_LIST_MIN_LINES {
        return None;
    }
    let names = lines.iter().filter(|l| reads_as_name(l)).count();
    (names * 100 >= lines.len() * NAME_LIST_PERCENT).then(|| {
        format!(
            "it is mostly a list of names ({names} of its {} lines)",
            lines.len()
        )
    })
}

/// A line that is a name, alone or with what the person is after a comma
/// ("Marie Arana, author").
fn reads_as_name(line: &str) -> bool {
    let name = line.split(',').next().unwrap_or(line);
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().next().is_some_and(char::is_uppercase) || NAME_CONNECTORS.contains(&w)
    };
    (1..=NAME_LINE_MAX_WORDS).contains(&line.split_whitespace().count())
        && (1..=5).contains(&name_words.len())
        && name_words.iter().all(capitalised)
        && !line.ends_with(['!', '?', ':'])
        && name.chars().any(char::is_alphabetic)
}

/// Whether a text of `chars` is a sliver of a long page's text.
fn holds_little(chars: usize, page_chars: usize) -> bool {
    page_chars >= LONG_PAGE_CHARS && chars * 100 < page_chars * MIN_SHARE_PERCENT
}

/// The page's candidate blocks after the extractor's text: JSON-LD
/// `articleBody`, the `<article>` with the most text, `<main>`.
pub fn other_candidates(document: &Document, linked_body: Option<&str>) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    if let Some(body) = linked_body
        .map(readable_body)
        .filter(|b| b.chars().count() >= MIN_BLOCK_CHARS)
    {
        candidates.push(Candidate {
            source: "JSON-LD articleBody",
            text: body,
        });
    }
    for (selector, source) in [("article", "<article>"), ("main, [role=main]", "<main>")] {
        let best = document
            .select(selector)
            .iter()
            .map(|element| paragraphs_in(&element))
            .max_by_key(|text| text.len());
        if let Some(text) = best.filter(|t| t.chars().count() >= MIN_BLOCK_CHARS) {
            candidates.push(Candidate { source, text });
        }
    }
    candidates
}

/// A JSON-LD `articleBody` as text: pages write it as plain text, as
/// HTML, or as HTML escaped once or twice (`&lt;p&gt;`, `&amp;ccedil;`).
fn readable_body(body: &str) -> String {
    let mut text = html_escape::decode_html_entities(body).into_owned();
    if text.contains("&lt;") || text.contains("&amp;") {
        text = html_escape::decode_html_entities(&text).into_owned();
    }
    if !(text.contains('<') && text.contains('>')) {
        return text;
    }
    let document = Document::from(format!("<html><body>{text}</body></html>").as_str());
    let paragraphs = paragraphs_in(&document.select("body"));
    if paragraphs.chars().count() * 2 >= text.chars().count() / 2 {
        paragraphs
    } else {
        document
            .select("body")
            .text()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Blocks inside a candidate that are not its article: navigation,
/// asides, footers, forms, comments, related links, share buttons.
const NOT_ARTICLE: &str = "nav, aside, footer, form, [class*=comment], [id*=comment], \
    [class*=related], [class*=share], [class*=social], [class*=newsletter], [class*=teaser]";

/// The paragraphs (and headings, items, quotes) inside an element, but
/// those in [`NOT_ARTICLE`] blocks and items that are mostly a link.
pub fn paragraphs_in(element: &dom_query::Selection) -> String {
    element
        .select("p, h2, h3, h4, li, blockquote, pre")
        .iter()
        .filter(|p| !p.ancestors(Some(12)).is(NOT_ARTICLE) && !mostly_link(p))
        .map(|p| p.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Whether most of an element's text is the text of its links.
fn mostly_link(element: &dom_query::Selection) -> bool {
    let text = element
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    let linked = element
        .select("a")
        .text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .count();
    text > 0 && linked * 10 >= text * 8
}

/// Which candidate to import (the first is the extractor's) and the
/// warnings to give: when the first looks wrong, the first other one that
/// does not; when all do, the first, with what looks wrong about it.
/// `first_doubts` are what the page's structure says against the first
/// (see [`link_list`]).
pub fn choose(
    candidates: &[Candidate],
    page_chars: usize,
    title: &str,
    first_doubts: Vec<String>,
) -> (usize, Vec<String>) {
    let Some(first) = candidates.first() else {
        return (0, Vec::new());
    };
    let mut first_doubts = [first_doubts, doubts(&first.text, page_chars)].concat();
    first_doubts.extend(longer_structured_block(candidates));
    first_doubts.extend(linked_body_absent(candidates));
    // The title is held against the text only when another block of the
    // page does carry its words: some titles name no word of their text.
    let title_elsewhere = candidates.iter().skip(1).any(|c| {
        c.text.chars().count() >= MIN_BLOCK_CHARS && title_absent(&c.text, title).is_none()
    });
    if title_elsewhere {
        first_doubts.extend(title_absent(&first.text, title));
    }
    if first_doubts.is_empty() {
        return (0, Vec::new());
    }
    // A text doubted only for being short beside the page (a forum's
    // first post, a product's blurb) may well be the article: another
    // block replaces it only when it holds it (more of the same article),
    // not when it is another block (the forum's topic list).
    let only_short =
        first_doubts.len() == 1 && holds_little(first.text.chars().count(), page_chars);
    let better = candidates.iter().enumerate().skip(1).find(|(_, c)| {
        c.text.chars().count() >= MIN_BLOCK_CHARS
            && doubts(&c.text, page_chars).is_empty()
            && title_absent(&c.text, title).is_none()
            && (!only_short || shared_percent(&first.text, &c.text) >= PART_PERCENT)
    });
    match better {
        Some((at, candidate)) => (
            at,
            vec![format!(
                "the main text did not look like the article ({}); imported the page's {} instead",
                first_doubts.join("; "),
                candidate.source
            )],
        ),
        None => (
            0,
            vec![format!(
                "the text may not be the article: {}",
                first_doubts.join("; ")
            )],
        ),
    }
}

/// Short words of many languages that say nothing of a title's subject.
const TITLE_STOPWORDS: &[&str] = &[
    "this", "that", "with", "from", "have", "will", "what", "when", "your", "about", "after",
    "este", "esta", "para", "como", "sobre", "pour", "avec", "dans", "sont", "über", "nach",
    "sich", "eine", "einer", "nicht", "oder", "auch", "wird", "mehr", "dass", "della", "delle",
    "sono", "questo", "news", "home", "page",
];

/// Least content words a title needs before the text is held to it.
const TITLE_MIN_WORDS: usize = 3;

/// A doubt when none of the title's content words (four letters or more,
/// compared by their first letters so inflections still match) is in the
/// text: the extractor took another story of the page. Titles in scripts
/// written without spaces are not judged.
pub fn title_absent(text: &str, title: &str) -> Option<String> {
    if title.chars().any(written_without_spaces) {
        return None;
    }
    let lower_title = title.to_lowercase();
    let words: Vec<&str> = lower_title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
        .filter(|w| !TITLE_STOPWORDS.contains(w))
        .collect();
    if words.len() < TITLE_MIN_WORDS {
        return None;
    }
    let lower_text = text.to_lowercase();
    let found = words.iter().any(|word| {
        let keep = word.chars().count().saturating_sub(2).max(4);
        let stem: String = word.chars().take(keep).collect();
        lower_text.contains(&stem)
    });
    (!found).then(|| {
        format!(
            "none of the title's words ({}) is in it",
            words.iter().take(4).copied().collect::<Vec<_>>().join(", ")
        )
    })
}

/// Han, kana, Hangul syllables and Thai: scripts whose words are not
/// separated by spaces (or, for Hangul, not reliably stemmed by letters).
fn written_without_spaces(c: char) -> bool {
    crate::text::is_han(c)
        || matches!(c, '\u{3040}'..='\u{30ff}' | '\u{ac00}'..='\u{d7af}' | '\u{0e00}'..='\u{0e7f}')
}

/// Least lines a text needs before it is judged a list of links, and the
/// share (percent) of its chars in lines that are links.
const LINK_LIST_MIN_LINES: usize = 8;
const LINK_LIST_PERCENT: usize = 60;

/// A doubt when most of the text is lines that are the page's links (a
/// list of threads, a menu, related stories): `links` holds the page's
/// link texts, squeezed. A count after a link ("Neue Datenpartition(11)")
/// still makes it a link line.
pub fn link_list(text: &str, links: &std::collections::HashSet<String>) -> Option<String> {
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < LINK_LIST_MIN_LINES {
        return None;
    }
    let is_link = |line: &str| links.contains(line) || links.contains(without_count(line));
    let chars = |l: &String| l.chars().count();
    let all: usize = lines.iter().map(chars).sum();
    let linked: usize = lines.iter().filter(|l| is_link(l)).map(chars).sum();
    (linked * 100 >= all * LINK_LIST_PERCENT).then(|| {
        format!("it is mostly a list of the page's links ({linked} of its {all} characters)")
    })
}

/// A line without a count in brackets at its end ("Thema (Teil 2)(44)"
/// → "Thema (Teil 2)").
fn without_count(line: &str) -> &str {
    line.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .filter(|(_, count)| !count.is_empty() && count.chars().all(|c| c.is_ascii_digit()))
        .map_or(line, |(head, _)| head.trim_end())
}

/// Words compared in a window when looking for the JSON-LD `articleBody`
/// in the main text, and how many windows are tried.
const BODY_WINDOW_WORDS: usize = 6;
const BODY_WINDOWS: usize = 3;

/// A doubt when the page's JSON-LD `articleBody` (the article as the
/// page itself gives it) shares no run of words with the main text: the
/// extractor took another block (a forum's reply, a teaser).
fn linked_body_absent(candidates: &[Candidate]) -> Option<String> {
    let first = candidates.first()?;
    let body = candidates
        .iter()
        .find(|c| c.source == "JSON-LD articleBody")?;
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let body_words = words(&body.text);
    if body_words.len() < BODY_WINDOW_WORDS * 4 {
        return None;
    }
    let text = format!(" {} ", words(&first.text).join(" "));
    let step = (body_words.len() - BODY_WINDOW_WORDS) / BODY_WINDOWS;
    let found = (0..BODY_WINDOWS).any(|i| {
        let window = &body_words[i * step..i * step + BODY_WINDOW_WORDS];
        text.contains(&format!(" {} ", window.join(" ")))
    });
    (!found).then(|| "it shares no passage with the page's JSON-LD articleBody".to_owned())
}

/// A doubt when a structured block of the page (JSON-LD `articleBody`,
/// `<article>`) is much longer than the main text: the extractor took a
/// part of the article, or another block.
fn longer_structured_block(candidates: &[Candidate]) -> Option<String> {
    let first = candidates.first()?.text.chars().count();
    candidates
        .iter()
        .skip(1)
        .filter(|c| c.source != "<main>")
        .map(|c| (c.source, c.text.chars().count()))
        .find(|(_, chars)| *chars >= LONGER_BLOCK_MIN_CHARS && *chars > first * LONGER_BLOCK_FACTOR)
        .map(|(source, chars)| {
            format!("the page's {source} holds {chars} characters, the main text {first}")
        })
}

#[cfg(test)]
#[path = "blocks_tests.rs"]
mod tests;
