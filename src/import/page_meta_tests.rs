//! Metadata from each source a page may give it in.

use super::*;

fn meta_of(html: &str) -> PageMeta {
    read_meta(&Document::from(html), &Fallbacks::default())
}

fn d(y: i16, m: i8, day: i8) -> Option<Date> {
    Some(Date::constant(y, m, day))
}

#[test]
fn dates_from_each_source() {
    let cases = [
        (
            "<meta property=\"og:article:published_time\" content=\"2021-03-04T10:00:00Z\">",
            d(2021, 3, 4),
        ),
        (
            "<meta name=\"DC.date.issued\" content=\"2020-02-03\">",
            d(2020, 2, 3),
        ),
        (
            "<span itemprop=\"datePublished\" content=\"2019-11-18\">18. November</span>",
            d(2019, 11, 18),
        ),
        (
            "<div itemprop=\"datePublished\">Di., 25.01.2022 - 14:45</div>",
            d(2022, 1, 25),
        ),
        (
            "<article><time datetime=\"2018-07-06T09:00\">6 July</time></article>",
            d(2018, 7, 6),
        ),
        (
            "<p class=\"byline-date\">5 de mayo de 2022</p>",
            d(2022, 5, 5),
        ),
        (
            "<link rel=canonical href=\"https://e.org/2017/08/09/story/\">",
            d(2017, 8, 9),
        ),
        (
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"datePublished\":\"1651766400\"}]}</script>",
            d(2022, 5, 5),
        ),
    ];
    for (head, expected) in cases {
        assert_eq!(meta_of(head).published, expected, "{head}");
    }
}

#[test]
fn the_earliest_credible_date_wins_and_modified_is_kept_apart() {
    let page = "<meta property=\"article:published_time\" content=\"2022-05-06\">\
        <meta name=\"DC.date.issued\" content=\"2022-05-05\">\
        <meta name=\"date\" content=\"2022-05-01\">\
        <meta name=\"pubdate\" content=\"1970-01-01\">\
        <meta property=\"article:published_time\" content=\"2999-01-01\">\
        <meta property=\"article:modified_time\" content=\"2022-06-01\">";
    let meta = meta_of(page);
    assert_eq!(meta.published, d(2022, 5, 5));
    assert_eq!(meta.modified, d(2022, 6, 1));
    // The generic `date` tag only when nothing specific names one.
    let generic = "<meta name=\"date\" content=\"2022-05-01\">";
    assert_eq!(meta_of(generic).published, d(2022, 5, 1));
}

#[test]
fn month_first_in_english_day_first_elsewhere() {
    let english = "<html lang=en><meta name=date content=\"10/05/2022 05:22 pm\"></html>";
    let german = "<html lang=de><meta name=date content=\"10/05/2022 05:22 pm\"></html>";
    assert_eq!(meta_of(english).published, d(2022, 10, 5));
    assert_eq!(meta_of(german).published, d(2022, 5, 10));
}

#[test]
fn authors_from_each_source_cleaned() {
    let cases = [
        (
            "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"author\":{\"name\":\"By Jane Doe\"}}</script>",
            "Jane Doe",
        ),
        (
            "<meta name=author content=\"Name *\"><meta name=\"dc.creator\" content=\"von Max Muster\">",
            "Max Muster",
        ),
        (
            "<div itemprop=author><span itemprop=name>Анна Петрова</span></div>",
            "Анна Петрова",
        ),
        (
            "<a rel=author href=/a>by Jeff FoustMonday, November 18, 2019</a>",
            "Jeff Foust",
        ),
        (
            "<meta property=og:site_name content=\"Condé Nast\"><meta name=author content=\"Condé Nast\">",
            "",
        ),
        // Link-preview pairs (getbellhops.com, digit.in).
        (
            "<meta name=\"twitter:label1\" content=\"Reading time\"><meta name=\"twitter:data1\" content=\"7 minutes\">\
             <meta name=\"twitter:label2\" content=\"Written by\"><meta name=\"twitter:data2\" content=\"Tyler Brown\">",
            "Tyler Brown",
        ),
        // A label standing alone before the name (tapcheck.com, a Tailwind
        // page); a label with more in it is not one.
        (
            "<div><p class=\"text-grey-1200\">Written by</p><p class=\"text-grey-700\">Edzel Tabing</p></div>",
            "Edzel Tabing",
        ),
        (
            "<div><span>Автор:</span> <a href=\"/a/ivanova\">Мария Иванова</a></div>",
            "Мария Иванова",
        ),
        (
            "<div><p>Written by hand</p><p>Our recipes, tested in our kitchen</p></div>",
            "",
        ),
    ];
    for (page, expected) in cases {
        assert_eq!(meta_of(page).author, expected, "{page}");
    }
}

#[test]
fn site_decoration_that_repeats_the_site_name_goes() {
    assert_eq!(
        without_site_decoration("Fachkräfte fehlen | HR Innovation", "HR Innovation"),
        "Fachkräfte fehlen"
    );
    assert_eq!(
        without_site_decoration("Example.com: Rates rise", "example"),
        "Rates rise"
    );
    assert_eq!(
        without_site_decoration("Rates rise - a story", "Example"),
        "Rates rise - a story"
    );
    let page = "<title>Зарплаты растут — Ведомости</title><meta property=og:site_name content=\"Ведомости\">";
    assert_eq!(meta_of(page).title, "Зарплаты растут");
}

#[test]
fn addresses_resolved_and_kept_only_when_absolute_http() {
    assert_eq!(
        resolve_article_url(Some("/news/a"), Some("https://e.org/x"), None, None),
        "https://e.org/news/a"
    );
    assert_eq!(
        resolve_article_url(
            Some("news/a"),
            None,
            None,
            Some("https://e.org/dir/page.html")
        ),
        "https://e.org/dir/news/a"
    );
    assert_eq!(resolve_article_url(Some("/news/a"), None, None, None), "");
    assert_eq!(
        resolve_article_url(Some("ftp://e.org/a"), None, None, None),
        ""
    );
    assert_eq!(
        resolve_article_url(None, Some("https://e.org/文章"), None, None),
        "https://e.org/%E6%96%87%E7%AB%A0"
    );
}

#[test]
fn bylines_under_the_headline() {
    let cases = [
        (
            "<h1>Titel</h1><p><i>von Daniela Obers</i></p><p>Text</p>",
            "Daniela Obers",
        ),
        (
            "<h1>T</h1><h5>Autor:</h5>Peter Maahn<br><p>Text</p>",
            "Peter Maahn",
        ),
        (
            "<h1>Заголовок</h1><p>Par Jean-Luc Ménard</p>",
            "Jean-Luc Ménard",
        ),
        ("<h1>T</h1><p>Byzantium was an empire.</p>", ""),
    ];
    for (page, expected) in cases {
        assert_eq!(meta_of(page).author, expected, "{page}");
    }
}
