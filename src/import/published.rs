//! Choosing a web page's publication date among everything that names
//! one: the page's address, a date labelled as the publication date in
//! its text ("Erschienen am: 01.11.2023"), its metadata (JSON-LD,
//! OpenGraph, microdata), a dateline the article starts with, the dates
//! shown in its header (`<time>`, bylines, short texts under the
//! headline), and what Readability found.
//!
//! When the metadata disagree, a date the page also *shows* in its header
//! wins: site migrations and CMS templates rewrite metadata, the visible
//! date is the one readers saw. Each metadata value is read every way it
//! can be (a UTC time as written and in the page's time zone, `11/01/2023`
//! day or month first), and a reading that is shown wins over one that is
//! not. The generic `date` / `DC.date` tags (often the day the page was
//! generated) give way to a date shown under the headline (unless it lies
//! months later: a masthead's "today") or to an earlier one the header
//! shows. Dates labelled as
//! modifications ("Aktualisiert am", "Updated"), and those of comments,
//! are never taken for the publication date.

use super::dates::{NumericOrder, credible, month_named, parse_date, parse_date_in, today};
use dom_query::{Document, Selection};
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// How a page's dates are read: numbers in its order, UTC times in its
/// likely time zone.
pub struct DateReader {
    pub order: NumericOrder,
    pub zone: Option<TimeZone>,
}

impl DateReader {
    /// The date `text` names, if credible.
    pub fn credible(&self, text: &str) -> Option<Date> {
        parse_date_in(text, self.order, self.zone.as_ref()).filter(|d| credible(*d, today()))
    }

    /// Every credible way to read `text`, the usual one first: as written
    /// (no time zone applied) and with numbers in the other order.
    fn readings(&self, text: &str) -> Vec<Date> {
        let other = match self.order {
            NumericOrder::DayFirst => NumericOrder::MonthFirst,
            NumericOrder::MonthFirst => NumericOrder::DayFirst,
        };
        let mut readings: Vec<Date> = [
            self.credible(text),
            parse_date(text, self.order),
            parse_date(text, other),
        ]
        .into_iter()
        .flatten()
        .filter(|d| credible(*d, today()))
        .collect();
        readings.dedup();
        readings
    }

    /// The latest credible date among `texts`.
    pub fn latest_credible(&self, texts: &[String]) -> Option<Date> {
        texts.iter().filter_map(|t| self.credible(t)).max()
    }
}

/// What names the page's publication date, most trusted first.
#[derive(Debug, Default)]
pub struct DateEvidence<'a> {
    /// A whole date in the page's own address.
    pub in_url: Option<Date>,
    /// Article metadata: JSON-LD, specific `<meta>` tags, microdata.
    pub metadata: Vec<String>,
    /// Generic `<meta>` tags (`date`, `DC.date`), often the day the page
    /// was generated.
    pub generic: Vec<String>,
    /// The start of the extracted text, where a dateline may be.
    pub text_start: Option<&'a str>,
    /// What Readability found.
    pub fallback: Option<&'a str>,
}

/// The page's publication date: see the module's documentation.
pub fn publication_date(
    document: &Document,
    evidence: &DateEvidence,
    texts_under_headline: &[String],
    dates: &DateReader,
) -> Option<Date> {
    let shown = shown_dates(document, texts_under_headline, dates);
    let under_headline = (document.select("h1").length() > 0)
        .then(|| first_date_in(texts_under_headline, dates))
        .flatten();
    evidence
        .in_url
        .filter(|d| credible(*d, today()))
        .or_else(|| labelled_publication_date(document, dates))
        .or_else(|| from_metadata(&evidence.metadata, &shown, dates))
        .or_else(|| from_generic_metadata(&evidence.generic, under_headline, &shown, dates))
        .or_else(|| evidence.text_start.and_then(|t| dateline(t, dates)))
        .or_else(|| shown.first().copied())
        .or_else(|| evidence.fallback.and_then(|t| dates.credible(t)))
        // The page shows only when it was changed: better than nothing.
        .or_else(|| shown_modification(document, texts_under_headline, dates))
}

/// How far (days) a date the header shows may lie from the metadata's
/// earliest and still win over it: a day or two of time zones and
/// scheduled publication, not another item's date or a modification.
const SHOWN_WITHIN_DAYS: i32 = 7;

/// Among the metadata's dates, the earliest the header shows (as usually
/// read, else in another reading) when it lies near the earliest; else
/// the earliest.
fn from_metadata(texts: &[String], shown: &[Date], dates: &DateReader) -> Option<Date> {
    let readings: Vec<Vec<Date>> = texts.iter().map(|t| dates.readings(t)).collect();
    let earliest = readings.iter().filter_map(|r| r.first()).min().copied()?;
    let near =
        |d: &&Date| shown.contains(d) && (**d - earliest).get_days().abs() <= SHOWN_WITHIN_DAYS;
    let usual = readings.iter().filter_map(|r| r.first()).filter(near).min();
    let other = readings
        .iter()
        .flat_map(|r| r.iter().skip(1))
        .filter(near)
        .min();
    Some(*usual.or(other).unwrap_or(&earliest))
}

/// How many days after a generic `date` tag's date a date shown under
/// the headline may lie and still win over it: a record created before
/// its article was published, not a masthead showing the day's date.
const GENERIC_BEFORE_DAYS: i32 = 60;

/// A generic `date` tag's date, unless the first date under the headline
/// is another (earlier, or not long after); on a page without one, unless
/// its header shows an earlier date. The tag often holds the day the page
/// was generated.
fn from_generic_metadata(
    texts: &[String],
    under_headline: Option<Date>,
    shown: &[Date],
    dates: &DateReader,
) -> Option<Date> {
    let headline: Vec<Date> = under_headline.into_iter().collect();
    let generic = from_metadata(texts, &headline, dates)?;
    let headline_date = under_headline.filter(|d| (*d - generic).get_days() <= GENERIC_BEFORE_DAYS);
    let shown_before = || shown.first().copied().filter(|d| *d < generic);
    Some(headline_date.or_else(shown_before).unwrap_or(generic))
}

/// Labels that say the date after them is a publication date, lower case.
const PUBLISHED_LABELS: &[&str] = &[
    "erschienen am",
    "erstellt am",
    "veröffentlicht am",
    "veröffentlicht:",
    "publiziert am",
    "published on",
    "published:",
    "written:",
    "publié le",
    "publicado el",
    "publicado em",
    "pubblicato il",
    "opublikowano",
    "publikováno",
    "megjelent:",
    "опубликовано",
    "опубліковано",
];

/// Words that label the publication date only when they stand alone
/// (`Published <time>August 13, 2025</time>`): as the start of a longer
/// text ("Published by …", "Posted in News") they say something else.
const LABELS_ALONE: &[&str] = &[
    "published",
    "posted",
    "posted on",
    "date published",
    "publication date",
    "veröffentlicht",
    "erschienen",
    "publié",
    "publicado",
    "pubblicato",
];

/// Labels that say the date after them is a modification, lower case.
const MODIFIED_LABELS: &[&str] = &[
    "letzte änderung",
    "zuletzt geändert",
    "aktualisiert",
    "geändert am",
    "stand:",
    "updated",
    "last modified",
    "last edited",
    "modified",
    "mis à jour",
    "modifié",
    "actualizado",
    "actualización",
    "atualizado",
    "aggiornato",
    "zaktualizowano",
    "aktualizováno",
    "frissítve",
    "обновлено",
    "оновлено",
];

/// Whether a short text labels a modification date ("Aktualisiert am …").
pub fn labels_modification(text: &str) -> bool {
    let lower = text.to_lowercase();
    MODIFIED_LABELS.iter().any(|label| lower.contains(label))
}

/// How many text nodes of the page are looked at for a labelled date.
const LABEL_SCAN_NODES: usize = 5_000;

/// A date the page's text labels as its publication date: "Erschienen
/// am: 01.11.2023", or a label followed by the date in the next text
/// ("<b>Veröffentlicht am</b> 17.01.2021", "Published <time>…").
fn labelled_publication_date(document: &Document, dates: &DateReader) -> Option<Date> {
    let texts = short_texts(document, LABEL_SCAN_NODES);
    texts.iter().enumerate().find_map(|(at, text)| {
        let lower = text.to_lowercase();
        let label_chars = PUBLISHED_LABELS
            .iter()
            .find(|l| lower.starts_with(*l))
            .map(|l| l.chars().count())
            .or_else(|| {
                LABELS_ALONE
                    .contains(&lower.trim_end_matches(':').trim())
                    .then(|| text.chars().count())
            })?;
        let rest: String = text.chars().skip(label_chars).collect();
        if labels_modification(&rest) {
            return None;
        }
        dates
            .credible(&rest)
            .or_else(|| texts.get(at + 1).and_then(|next| dates.credible(next)))
    })
}

/// The page's body text nodes of at most 100 chars, squeezed, in order.
fn short_texts(document: &Document, limit: usize) -> Vec<String> {
    let body = document.select("body");
    let Some(root) = body.nodes().first() else {
        return Vec::new();
    };
    root.descendants_it()
        .filter(|n| n.is_text())
        .take(limit)
        .map(|n| squeeze(&n.text()))
        .filter(|t| !t.is_empty() && t.chars().count() <= 100)
        .collect()
}

/// How many of the text's first lines are looked at for a dateline.
const DATELINE_LINES: usize = 3;

/// A date the article's text starts with: "29.11.2022 – Mehrfach …",
/// "BERLIN, 5. Mai 2022 (dpa) – …", or one of its first short lines
/// ("21. Jan 2022 // Dominik Ricker"); not a modification date.
fn dateline(text_start: &str, dates: &DateReader) -> Option<Date> {
    text_start
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(DATELINE_LINES)
        .filter(|l| starts_like_a_dateline(l) && !labels_modification(l))
        .find_map(|line| {
            let head = line.split(' ').take(4).collect::<Vec<_>>().join(" ");
            let cut = head
                .find([')', '–', '—', '|'])
                .or_else(|| head.find(" - "))
                .or_else(|| head.find(" // "))
                .unwrap_or(head.len());
            let head = &head[..cut];
            head.chars()
                .any(|c| c.is_ascii_digit())
                .then(|| dates.credible(head))
                .flatten()
        })
}

/// Whether a line starts as datelines do: with a number, a month's name
/// or a place in capitals and a comma ("BERLIN, 5. Mai") — not "On July
/// 31, 2019, the Senate…", a date inside a sentence.
fn starts_like_a_dateline(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first.starts_with(|c: char| c.is_ascii_digit())
        || month_named(first).is_some()
        || (first.ends_with(',')
            && first.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !first.chars().any(char::is_lowercase))
}

/// The first date among short texts, not a modification's.
fn first_date_in(texts: &[String], dates: &DateReader) -> Option<Date> {
    texts
        .iter()
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && !labels_modification(t))
        .find_map(|t| dates.credible(t))
}

/// A modification date the header shows ("Aktualisiert: 30.12.2016").
fn shown_modification(document: &Document, texts: &[String], dates: &DateReader) -> Option<Date> {
    let byline = document
        .select("[class*=date], [class*=info], [class*=meta], [class*=updated]")
        .iter()
        .take(200)
        .map(|e| squeeze(&e.text()))
        .collect::<Vec<_>>();
    texts
        .iter()
        .chain(&byline)
        .filter(|t| t.chars().count() <= 100 && labels_modification(t))
        .find_map(|t| dates.credible(t))
}

/// Every date the page's header shows, first shown first: its `<time>`
/// elements, bylines and datelines, the short texts under its headline.
/// Comments and dates labelled as modifications are left out.
fn shown_dates(
    document: &Document,
    texts_under_headline: &[String],
    dates: &DateReader,
) -> Vec<Date> {
    let mut shown = time_elements(document, dates);
    shown.extend(byline_dates(document, dates));
    shown.extend(
        texts_under_headline
            .iter()
            .filter(|t| t.chars().any(|c| c.is_ascii_digit()) && !labels_modification(t))
            .filter_map(|t| dates.credible(t)),
    );
    shown
}

/// Whether a date shown on the page belongs elsewhere than the article:
/// a comment, a teaser for another page, a masthead's "today".
fn elsewhere(element: &Selection) -> bool {
    in_comments(element) || in_teaser(element) || shows_today(element)
}

/// Where comments are: their dates are not the article's.
const COMMENTS: &str = "[class*=comment], [id*=comment], [class*=Comment]";

fn in_comments(element: &Selection) -> bool {
    // Replies nest comments deeply (a thread of 20 levels is common).
    element.is(COMMENTS) || element.ancestors(None).is(COMMENTS)
}

/// Where a page shows the day it is viewed ("Friday, December 19, 2025"
/// in a masthead): not a date of the article.
const TODAY: &str = "[id*=today], [class*=today], [id*=Today], [class*=Today], \
                     [id*=current-date], [class*=current-date], [class*=currentDate]";

/// How many levels up from a date a "today" widget is looked for.
const TODAY_LEVELS: usize = 3;

fn shows_today(element: &Selection) -> bool {
    element.is(TODAY) || element.ancestors(Some(TODAY_LEVELS)).is(TODAY)
}

/// How many levels up from a date a teaser's block is looked for.
const TEASER_LEVELS: usize = 4;

/// Whether a date belongs to a teaser for another page ("Das könnte Dich
/// auch interessieren", a news menu): the nearest block around it that
/// holds a link is short and links a headline or a picture — not the
/// page's own headline (`<h1>`, `rel=bookmark`) nor a byline's name.
fn in_teaser(element: &Selection) -> bool {
    let mut block = element.clone();
    for _ in 0..TEASER_LEVELS {
        let links = block.select("a[href]");
        if links.length() > 0 {
            let short = block.text().chars().filter(|c| !c.is_whitespace()).count() < 250;
            return short && links.iter().any(|a| links_another_story(&a));
        }
        block = block.parent();
    }
    false
}

/// Whether a link reads like a teaser's: to another page, with a headline
/// (four words or more, in its text or title) or a picture.
fn links_another_story(link: &Selection) -> bool {
    let href = link.attr("href").unwrap_or_default();
    // The page's own headline, and a byline's links to its author or its
    // sections ("Posted on … by doumae", whose title "View all posts by
    // doumae" reads like a headline).
    let rel = link.attr("rel").unwrap_or_default().to_lowercase();
    let own = href.starts_with('#')
        || ["bookmark", "author", "tag", "category"]
            .iter()
            .any(|r| rel.contains(r))
        || href.contains("/author/")
        || link.is("h1 a");
    let words = |t: &str| t.split_whitespace().count();
    let headline = words(&link.text()) >= 4
        || link.attr("title").is_some_and(|t| words(&t) >= 4)
        || link.select("img").length() > 0;
    !own && headline
}

/// How many `<time>` elements are read.
const TIME_ELEMENTS: usize = 10;

/// The credible dates of the page's `<time>` elements (those marked as
/// the publication date first): `datetime`, else their text.
fn time_elements(document: &Document, dates: &DateReader) -> Vec<Date> {
    let date_of = |e: &Selection| {
        e.attr("datetime")
            .and_then(|v| dates.credible(&v))
            .or_else(|| dates.credible(&squeeze(&e.text())))
    };
    let mut found = Vec::new();
    for selector in [
        "time[pubdate], time[itemprop], time[class*=publish], time[class*=date]",
        "article time, header time, main time",
        "time",
    ] {
        found.extend(
            document
                .select(selector)
                .iter()
                .take(TIME_ELEMENTS)
                .filter(|e| !elsewhere(e) && !labels_modification(&e.text()))
                .filter_map(|e| date_of(&e)),
        );
    }
    found
}

/// Dates in bylines and datelines: short elements whose class or id says
/// they hold one.
fn byline_dates(document: &Document, dates: &DateReader) -> Vec<Date> {
    let selector = "[class*=date], [class*=Date], [class*=publish], [class*=posted], [class*=byline], \
                    [class*=datum], [class*=fecha], [id*=date], [class*=meta], [class*=time]";
    document
        .select(selector)
        .iter()
        .take(200)
        .filter(|e| !elsewhere(e))
        .map(|e| squeeze(&e.text()))
        .filter(|t| (6..=100).contains(&t.chars().count()) && !labels_modification(t))
        .filter_map(|t| dates.credible(&t))
        .take(TIME_ELEMENTS)
        .collect()
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "published_tests.rs"]
mod tests;
