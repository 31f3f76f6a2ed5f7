//! Every date format the parser reads, and what it does not take for one.

use super::*;
use NumericOrder::{DayFirst, MonthFirst};

fn d(y: i16, m: i8, day: i8) -> Option<Date> {
    Some(Date::constant(y, m, day))
}

#[test]
fn iso_and_rfc_3339() {
    assert_eq!(parse_date("2022-05-05", DayFirst), d(2022, 5, 5));
    assert_eq!(parse_date("2022-5-5", DayFirst), d(2022, 5, 5));
    assert_eq!(parse_date("2022/05/05", MonthFirst), d(2022, 5, 5));
    assert_eq!(
        parse_date("2022-05-05T23:30:00-07:00", DayFirst),
        d(2022, 5, 5)
    );
    assert_eq!(
        parse_date("Published: 2019-11-18T08:00Z", DayFirst),
        d(2019, 11, 18)
    );
    assert_eq!(parse_date("20220505", DayFirst), d(2022, 5, 5));
}

#[test]
fn numbers_day_or_month_first() {
    assert_eq!(
        parse_date("10/05/2022 05:22 pm", MonthFirst),
        d(2022, 10, 5)
    );
    assert_eq!(parse_date("10/05/2022 05:22 pm", DayFirst), d(2022, 5, 10));
    assert_eq!(parse_date("25/01/2022", MonthFirst), d(2022, 1, 25));
    assert_eq!(
        parse_date("Di., 25.01.2022 - 14:45", MonthFirst),
        d(2022, 1, 25)
    );
    assert_eq!(parse_date("05.05.22", MonthFirst), d(2022, 5, 5));
}

#[test]
fn month_names_in_many_languages() {
    let cases = [
        ("May 5, 2022", d(2022, 5, 5)),
        ("Monday, November 18, 2019", d(2019, 11, 18)),
        ("Thu, 05 May 2022 10:00:00 GMT", d(2022, 5, 5)),
        ("5. Mai 2022", d(2022, 5, 5)),
        ("25. Jänner 2021", d(2021, 1, 25)),
        ("5 de mayo de 2022", d(2022, 5, 5)),
        ("18 novembre 2019", d(2019, 11, 18)),
        ("12 dicembre 2020", d(2020, 12, 12)),
        ("3 października 2021", d(2021, 10, 3)),
        ("5 мая 2022 г.", d(2022, 5, 5)),
        ("7 березня 2022", d(2022, 3, 7)),
        ("Dec. 1, 2018", d(2018, 12, 1)),
        ("Fri Feb 18 10:27:24 2022", d(2022, 2, 18)),
        (
            "Pressemitteilung vom 25. Januar 2022 | Berlin",
            d(2022, 1, 25),
        ),
        ("January 13, 2020 at 08:45 AM | categories:", d(2020, 1, 13)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_date(text, DayFirst), expected, "{text}");
    }
}

#[test]
fn unix_seconds_and_milliseconds() {
    assert_eq!(parse_date("1651766400", DayFirst), d(2022, 5, 5));
    assert_eq!(parse_date("1651766400000", DayFirst), d(2022, 5, 5));
}

#[test]
fn year_month_and_day_with_their_units_in_chinese_japanese_and_korean() {
    assert_eq!(parse_date("2019年4月13日", DayFirst), d(2019, 4, 13));
    assert_eq!(
        parse_date("公開日：2019年04月21日 10時00分", DayFirst),
        d(2019, 4, 21)
    );
    assert_eq!(
        parse_date("2022년 11월 5일 오후 3:10", MonthFirst),
        d(2022, 11, 5)
    );
    assert_eq!(parse_date("2019年の政策", DayFirst), None);
}

#[test]
fn what_is_not_a_date() {
    for text in [
        "",
        "yesterday",
        "3 days ago",
        "Version 2.1",
        "13/13/2022",
        "May 2022",
        "(4＋4＝6でもない｡8はパーなのだ｡)",
        "Chapter 3, verse 4 of 150",
    ] {
        assert_eq!(parse_date(text, DayFirst), None, "{text}");
    }
}

#[test]
fn dates_in_urls() {
    let cases = [
        ("https://example.org/2022/05/05/title/", d(2022, 5, 5)),
        (
            "https://example.org/news/2019-11-18-launch.html",
            d(2019, 11, 18),
        ),
        ("https://example.org/a/20220505/b", d(2022, 5, 5)),
        ("https://example.org/2022/05/title", None),
        ("https://example.org/item/12345678", None),
        ("https://example.org/?date=2022-05-05", None),
    ];
    for (url, expected) in cases {
        assert_eq!(date_in_url(url), expected, "{url}");
    }
}

#[test]
fn credible_dates_are_from_1990_to_today() {
    let today = Date::constant(2024, 6, 1);
    assert!(credible(Date::constant(1990, 1, 1), today));
    assert!(
        credible(Date::constant(2024, 6, 2), today),
        "a day of slack"
    );
    assert!(!credible(Date::constant(1989, 12, 31), today));
    assert!(!credible(Date::constant(2024, 7, 1), today));
}

#[test]
fn month_names_ignore_case_and_dots() {
    assert_eq!(month_named("SEPT."), Some(9));
    assert_eq!(month_named("Février"), Some(2));
    assert_eq!(month_named("Monday"), None);
}

#[test]
fn utc_times_are_read_in_the_pages_time_zone() {
    let berlin = TimeZone::fixed(jiff::tz::Offset::constant(1));
    let la_paz = TimeZone::fixed(jiff::tz::Offset::constant(-4));
    assert_eq!(
        parse_date_in("2022-11-06T23:00:00.000Z", DayFirst, Some(&berlin)),
        d(2022, 11, 7)
    );
    assert_eq!(
        parse_date_in("Wed, 04 May 2022 02:41:00 GMT", DayFirst, Some(&la_paz)),
        d(2022, 5, 3)
    );
    assert_eq!(
        parse_date_in("2022-11-06T23:00:00+05:00", DayFirst, Some(&berlin)),
        d(2022, 11, 6),
        "a local time stays as written"
    );
    assert_eq!(
        parse_date_in("2022-11-06T23:00:00Z", DayFirst, None),
        d(2022, 11, 6)
    );
}

#[test]
fn a_utc_midnight_is_a_date_stored_as_an_instant_and_kept_as_written() {
    // nucamp.co's JSON-LD: "datePublished":"2025-01-04T00:00:00.000Z" for
    // a post of 4 January; read in New York it would be the 3rd.
    let new_york = TimeZone::fixed(jiff::tz::Offset::constant(-5));
    assert_eq!(
        parse_date_in("2025-01-04T00:00:00.000Z", MonthFirst, Some(&new_york)),
        d(2025, 1, 4)
    );
    assert_eq!(
        parse_date_in("2025-01-04T00:00:01Z", MonthFirst, Some(&new_york)),
        d(2025, 1, 3),
        "a second past midnight is a time, read in the page's zone"
    );
}

#[test]
fn dots_between_day_and_month_mean_day_first_whatever_else_the_text_holds() {
    // "//" elsewhere in the text does not make "02.11.2021" month first.
    assert_eq!(
        parse_date("Thema des Tages // 02.11.2021", MonthFirst),
        d(2021, 11, 2)
    );
    assert_eq!(
        parse_date("11/01/2023 12:43:42", MonthFirst),
        d(2023, 11, 1)
    );
    assert_eq!(parse_date("11/01/2023 12:43:42", DayFirst), d(2023, 1, 11));
}

#[test]
fn more_languages_and_nominative_month_names() {
    let cases = [
        ("2022. május 5.", d(2022, 5, 5)),
        ("2021. szeptember 13.", d(2021, 9, 13)),
        ("5 maj 2022", d(2022, 5, 5)),
        ("7 březen 2022", d(2022, 3, 7)),
        ("12 kasım 2020", d(2020, 11, 12)),
        ("3. joulukuuta 2019", d(2019, 12, 3)),
        ("7 листопад 2021", d(2021, 11, 7)),
        ("1 декабрь 2020", d(2020, 12, 1)),
        ("18 desember 2019", d(2019, 12, 18)),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_date(text, DayFirst), expected, "{text}");
    }
}
