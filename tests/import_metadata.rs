//! What import reads of a saved page besides its text (issue 22, item 4):
//! ruby annotations left out, pages saved from the Wayback Machine, the
//! language chosen and written canonically, addresses resolved.

use factbench::import::{self, ImportOptions};
use jiff::civil::Date;
use std::path::Path;

fn import_page(html: &str, options: &ImportOptions) -> import::Imported {
    import::import_bytes(Path::new("page.html"), html.as_bytes(), options).unwrap()
}

const GERMAN: &str = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für \
    erneuerbare Energien deutlich auszuweiten. Der Minister sagte, man wolle damit die \
    Klimaziele schneller erreichen und zugleich die Strompreise für Haushalte senken.";

#[test]
fn ruby_readings_are_left_out_of_the_text() {
    let page = "<html lang=ja><body><article><h1>昔話</h1><p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby>\
        を読む。「<ruby>肉<rt>にく</rt></ruby>をくわえたイヌ」が橋を渡っていました。</p></article></body></html>";
    let text = import_page(page, &ImportOptions::default()).article.text;
    assert!(text.contains("漢字を読む。「肉をくわえたイヌ」"), "{text}");
    assert!(!text.contains("かん") && !text.contains("にく"), "{text}");
}

#[test]
fn a_page_saved_from_the_wayback_machine_gives_its_original_address() {
    let page = format!(
        "<html lang=de><head><link rel=canonical href=\"https://web.archive.org/web/20131110121040/http://www.e.de/2012/03/04/mozart/\">\
         <title>Mozart</title></head><body>\
         <div id=\"wm-ipp-base\"><div id=\"wm-ipp\">4 captures 10 Nov 2013 - 2 Feb 2016</div></div>\
         <article><h1>Mozart</h1><p>{GERMAN}</p></article></body></html>"
    );
    let imported = import_page(&page, &ImportOptions::default());
    let article = &imported.article;
    assert_eq!(article.url, "http://www.e.de/2012/03/04/mozart/");
    assert_eq!(article.published, Some(Date::constant(2012, 3, 4)));
    assert_eq!(imported.captured, Some(Date::constant(2013, 11, 10)));
    assert!(!article.text.contains("captures"), "{}", article.text);
}

#[test]
fn the_language_is_the_texts_and_written_canonically() {
    let template_says_english =
        format!("<html lang=en><body><article><p>{GERMAN}</p></article></body></html>");
    assert_eq!(
        import_page(&template_says_english, &ImportOptions::default())
            .article
            .language,
        "de"
    );
    let lower_case_region =
        format!("<html lang=de-de><body><article><p>{GERMAN}</p></article></body></html>");
    assert_eq!(
        import_page(&lower_case_region, &ImportOptions::default())
            .article
            .language,
        "de-DE"
    );
}

#[test]
fn a_relative_canonical_address_is_resolved_against_the_pages_own() {
    let page = format!(
        "<html><head><link rel=canonical href=\"/politik/artikel-1\"></head>\
         <body><article><p>{GERMAN}</p></article></body></html>"
    );
    let unresolvable = import_page(&page, &ImportOptions::default());
    assert_eq!(unresolvable.article.url, "");
    let saved_from = format!("<!-- saved from url=(0031)https://zeitung.example/a/b -->\n{page}");
    assert_eq!(
        import_page(&saved_from, &ImportOptions::default())
            .article
            .url,
        "https://zeitung.example/politik/artikel-1"
    );
}

#[test]
fn the_modification_date_is_kept_apart() {
    let page = format!(
        "<html><head><meta property=\"article:published_time\" content=\"2022-05-05T10:00:00+02:00\">\
         <meta property=\"article:modified_time\" content=\"2022-06-01T10:00:00+02:00\"></head>\
         <body><article><p>{GERMAN}</p></article></body></html>"
    );
    let imported = import_page(&page, &ImportOptions::default());
    assert_eq!(imported.article.published, Some(Date::constant(2022, 5, 5)));
    assert_eq!(imported.modified, Some(Date::constant(2022, 6, 1)));
}
