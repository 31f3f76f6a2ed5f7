//! How the publication date is chosen when the page's sources disagree.

use super::*;
use jiff::civil::Date;

fn d(y: i16, m: i8, day: i8) -> Option<Date> {
    Some(Date::constant(y, m, day))
}

fn german() -> DateReader {
    DateReader {
        order: NumericOrder::DayFirst,
        zone: Some(TimeZone::get("Europe/Berlin").unwrap()),
    }
}

fn english() -> DateReader {
    DateReader {
        order: NumericOrder::MonthFirst,
        zone: None,
    }
}

fn date_of(html: &str, evidence: &DateEvidence, dates: &DateReader) -> Option<Date> {
    let document = Document::from(html);
    let under_headline = crate::import::page_meta::texts_under_headline(&document);
    publication_date(&document, evidence, &under_headline, dates)
}

fn metadata(values: &[&str]) -> Vec<String> {
    values.iter().map(|v| (*v).to_owned()).collect()
}

#[test]
fn a_labelled_publication_date_outranks_metadata_and_modifications_are_skipped() {
    let html =
        "<body><p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023</p></body>";
    let evidence = DateEvidence {
        generic: metadata(&["11/01/2023 12:43:42"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2023, 11, 1));
    // The label and its date in two elements.
    let html = "<body><p><b>Veröffentlicht am</b> 17.01.2021</p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &german()),
        d(2021, 1, 17)
    );
    // A labelled modification is not the publication date the metadata
    // give; it is taken only when the page names no other date.
    let html = "<body><p><b>Aktualisiert am</b> 17.01.2021</p></body>";
    let evidence = DateEvidence {
        metadata: metadata(&["2021-01-15"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2021, 1, 15));
    let html = "<body><h1>Heliumkerne</h1><p>Aktualisiert: 17.01.2021</p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &german()),
        d(2021, 1, 17)
    );
    assert!(labels_modification("Last updated 04 Jun 2020"));
    assert!(!labels_modification("Published 17 Jun 2019"));
}

#[test]
fn of_disagreeing_metadata_the_date_the_header_shows_wins() {
    let html =
        "<body><h1>Vanlife</h1><div class=\"article__info\"><time>06.01.2022</time></div></body>";
    let evidence = DateEvidence {
        metadata: metadata(&["2022-01-04T07:29:00.000Z", "2022-01-06T08:29:34"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2022, 1, 6));
    // Nothing shown: the earliest.
    assert_eq!(
        date_of("<body></body>", &evidence, &german()),
        d(2022, 1, 4)
    );
}

#[test]
fn a_utc_time_is_read_as_written_when_the_page_shows_that_day() {
    let shown = "<body><div class=\"ArticleHeader-Date\">6 May 2022 - 2:00 a. m.</div></body>";
    let evidence = DateEvidence {
        metadata: metadata(&["2022-05-06T02:00:00.824Z"]),
        ..Default::default()
    };
    let bogota = DateReader {
        order: NumericOrder::DayFirst,
        zone: Some(TimeZone::get("America/Bogota").unwrap()),
    };
    assert_eq!(date_of("<body></body>", &evidence, &bogota), d(2022, 5, 5));
    assert_eq!(date_of(shown, &evidence, &bogota), d(2022, 5, 6));
}

#[test]
fn a_generic_date_tag_gives_way_to_the_shown_date() {
    let html = "<body><h1>Riesling</h1><span class=\"date\">27.01.2022</span></body>";
    let evidence = DateEvidence {
        generic: metadata(&["2021-12-20T11:02:44+01:00"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2022, 1, 27));
    assert_eq!(
        date_of("<body></body>", &evidence, &german()),
        d(2021, 12, 20)
    );
    // A specific tag does not.
    let evidence = DateEvidence {
        metadata: metadata(&["2021-12-20T11:02:44+01:00"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2021, 12, 20));
}

#[test]
fn comment_dates_are_not_the_article_s() {
    let html = "<body><div class=\"comments\"><span class=\"comment-date\">02.12.2022</span></div>\
                <p><span class=\"date\">29.11.2022</span></p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &german()),
        d(2022, 11, 29)
    );
}

#[test]
fn a_reply_nested_deep_in_a_comment_thread_is_still_a_comment() {
    let mut thread = String::from("<span class=\"date\">2024-08-14</span>");
    for _ in 0..20 {
        thread = format!("<div class=\"reply\"><ol><li>{thread}</li></ol></div>");
    }
    let html = format!(
        "<body><p><span class=\"date\">2024-08-12</span></p>\
         <div class=\"comments\">{thread}</div></body>"
    );
    let document = Document::from(html.as_str());
    let shown = shown_dates(&document, &[], &english());
    assert_eq!(shown, vec![Date::constant(2024, 8, 12)]);
}

#[test]
fn a_label_standing_alone_before_the_date_labels_it() {
    // clickondetroit.com: `article:published_time` is the day the story
    // was filed, the page shows when it was published.
    let html = "<body><h1>Story</h1><div class=\"article-body__published\"> Published \
                <time pubdate datetime=\"2025-08-13\">August 13, 2025</time></div></body>";
    let evidence = DateEvidence {
        metadata: metadata(&["2025-08-08T00:00:00-04:00"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &english()), d(2025, 8, 13));
    // "Published by" is not a label of the date that follows.
    let html = "<body><p>Published by</p><p>March 3, 2020</p></body>";
    let evidence = DateEvidence {
        metadata: metadata(&["2025-08-08"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &english()), d(2025, 8, 8));
}

#[test]
fn a_masthead_showing_today_is_not_a_date_of_the_article() {
    // empower.com: the masthead's "todays-date-custom" came before the
    // article's date block.
    let html = "<body><div class=\"field__item\"><p id=\"todays-date-custom\">\
                <strong>Friday</strong>, December 19, 2025</p></div>\
                <h1>What are taxes?</h1><div class=\"block-content\">\
                <span class=\"date\">December 12, 2025</span></div></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &english()),
        d(2025, 12, 12)
    );
}

#[test]
fn a_dateline_at_the_start_of_the_text() {
    let evidence = DateEvidence {
        text_start: Some("29.11.2022 – Mehrfach und vehement hatte die Branche gewarnt"),
        ..Default::default()
    };
    assert_eq!(
        date_of("<body></body>", &evidence, &german()),
        d(2022, 11, 29)
    );
    let evidence = DateEvidence {
        text_start: Some("WASHINGTON, May 5, 2022 (Reuters) - The Senate voted"),
        ..Default::default()
    };
    assert_eq!(
        date_of("<body></body>", &evidence, &english()),
        d(2022, 5, 5)
    );
    let evidence = DateEvidence {
        text_start: Some("On July 31, 2019, U.S. Senators submitted a bill"),
        ..Default::default()
    };
    assert_eq!(date_of("<body></body>", &evidence, &english()), None);
    let evidence = DateEvidence {
        text_start: Some("2021 war ein gutes Jahr für die 12 Vereine"),
        ..Default::default()
    };
    assert_eq!(date_of("<body></body>", &evidence, &german()), None);
}

#[test]
fn the_address_outranks_everything() {
    let evidence = DateEvidence {
        in_url: d(2019, 12, 9),
        metadata: metadata(&["2019-12-10"]),
        ..Default::default()
    };
    let html = "<body><p>Erschienen am 10.12.2019</p></body>";
    assert_eq!(date_of(html, &evidence, &german()), d(2019, 12, 9));
}

// Excerpts of pages from trafilatura's evaluation set (github
// adbar/trafilatura, tests/eval, Apache-2.0), cut down to the parts that
// name a date.

#[test]
fn a_masthead_date_long_after_the_generic_tag_is_not_the_article_s() {
    // deutschlandfunk.de: the `<h1>` is the logo, the date after it the
    // day the page was saved; the `date` tag is the broadcast's.
    let html = "<body><header><h1><a href=\"/\" class=\"logo\">Deutschlandfunk</a></h1>\
                <span class=\"dlf-date\"><span>Mittwoch, </span>26.02.2020</span></header>\
                <div><span class=\"current\">01.05.2017</span></div></body>";
    let evidence = DateEvidence {
        generic: metadata(&["2017-05-01T17:05:00+0200"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2017, 5, 1));
    // deutscheweine.de: the tag holds when the record was created, the
    // date under the headline (five weeks later) when it was published.
    let html = "<body><h1 class=\"sr-only\">Details</h1><h2>#RieslingBirthday Posts gewinnen</h2>\
                <span class=\"date\">27.01.2022</span></body>";
    let evidence = DateEvidence {
        generic: metadata(&["2021-12-20T11:02:44+01:00"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2022, 1, 27));
}

#[test]
fn a_generic_tag_gives_way_to_an_earlier_date_the_header_shows() {
    // ejwue.de: `<meta name="date" content="2020-02-12">`, the news item
    // shows 05.02.2020 above its `<h1>`.
    let html = "<body><div class=\"news-single-timedata\">05.02.2020 <span>- Redaktion: E. B.</span></div>\
                <h1>Faire Lieferketten</h1><p>Aktionen planen</p></body>";
    let evidence = DateEvidence {
        generic: metadata(&["2020-02-12"]),
        ..Default::default()
    };
    assert_eq!(date_of(html, &evidence, &german()), d(2020, 2, 5));
    // A later date shown is not taken for an earlier tag.
    let later = html.replace("05.02.2020", "15.02.2020");
    assert_eq!(date_of(&later, &evidence, &german()), d(2020, 2, 12));
}

#[test]
fn written_labels_the_publication_date() {
    // world.kbs.co.kr: related items' dates come first in the page.
    let html = "<body><p class=\"date\">2023-11-03</p><h1>Temperatures Forecast</h1>\
                <p class=\"date\">Written: 2023-11-07 15:03:30<span> / </span>\
                Updated: 2023-11-07 15:30:46</p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &english()),
        d(2023, 11, 7)
    );
}

#[test]
fn a_teaser_s_date_is_not_the_article_s_but_a_byline_s_is() {
    // The article's own text, long beside a teaser.
    const ARTICLE: &str =
        "Die Energiepreiskrise trifft Haushalte hart: Entlastungen und Rechte auf einen Blick. ";
    // energieverbraucher.de: a news menu of teasers (a picture linked,
    // a headline in its title) comes before the article.
    let html = "<body><div class=\"newsitem\"><a href=\"/de/news__1700/NewsDetail__18727/\" \
                title=\"Die Rückkehr des Preisprotestes\"><img src=\"t.jpg\"></a>\
                <span class=\"newsitem-time\">29.11.2022</span></div>\
                <main><p class=\"date\">21.11.2022</p><p>{ARTICLE}</p></main></body>";
    let html = html.replace("{ARTICLE}", &ARTICLE.repeat(4));
    assert_eq!(
        date_of(&html, &DateEvidence::default(), &german()),
        d(2022, 11, 21)
    );
    // A byline linking its author's page is not a teaser.
    let html = "<body><div class=\"meta\">Von <a href=\"/autor/anna\">Anna Muster</a> | \
                12.01.2022</div><p>Text</p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &german()),
        d(2022, 1, 12)
    );
    // techlog.iij.ad.jp (postlight/parser's fixture): the author link's
    // title reads like a headline; it is still a byline.
    let html = "<body><h1>2019年のスマホ政策</h1><div class=\"entry-meta\">Posted on \
                <a href=\"https://techlog.iij.ad.jp/archives/2562\" rel=\"bookmark\">\
                <time class=\"entry-date\" datetime=\"2019-04-13T16:08:44+09:00\">2019年4月13日</time></a> \
                by <a href=\"https://techlog.iij.ad.jp/archives/author/doumae\" \
                title=\"View all posts by doumae\" rel=\"author\">doumae</a></div>\
                <p>(4＋4＝6でもない｡8はパーなのだ｡)</p></body>";
    assert_eq!(
        date_of(html, &DateEvidence::default(), &german()),
        d(2019, 4, 13)
    );
}
