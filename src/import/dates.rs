//! Reading the dates web pages write: ISO 8601 and RFC 3339 (`2022-05-05`,
//! `2022-5-5`, `2022-05-05T10:00:00+02:00`, `2022/05/05`), day-first and
//! month-first numbers (`25.01.2022`, `10/05/2022 05:22 pm`), month names
//! in a dozen languages (`May 5, 2022`, `5. Mai 2022`, `5 de mayo de
//! 2022`, `Monday, November 18, 2019`), weekday prefixes
//! (`Di., 25.01.2022 - 14:45`), Unix seconds and milliseconds, and dates in a URL
//! (`/2022/05/05/`). Only the calendar date is kept; a date is credible
//! when it is neither before 1990 nor in the future.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

/// The first day a credible publication date can fall on.
const EARLIEST_CREDIBLE: (i16, i8, i8) = (1990, 1, 1);

/// Whether `date` can be a web page's publication date: from 1990 on and
/// not after `today` (a day of slack for time zones ahead of ours).
pub fn credible(date: Date, today: Date) -> bool {
    let (y, m, d) = EARLIEST_CREDIBLE;
    date >= Date::constant(y, m, d) && date <= today.tomorrow().unwrap_or(today)
}

/// Today's date, where this runs.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

/// How to read `01/02/2022`: month first (US English) or day first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumericOrder {
    MonthFirst,
    DayFirst,
}

/// Month names and abbreviations, lower case, in English, German, French,
/// Spanish, Portuguese, Italian, Dutch, Polish, Czech, Hungarian, Russian,
/// Ukrainian, Turkish, Finnish and the Scandinavian languages (nominative
/// and genitive forms: dates write either).
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "janeiro",
        "gennaio",
        "gen",
        "januari",
        "stycznia",
        "styczeń",
        "ledna",
        "января",
        "янв",
        "січня",
        "leden",
        "január",
        "январь",
        "січень",
        "ocak",
        "tammikuuta",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "févr",
        "fevrier",
        "febrero",
        "fevereiro",
        "fev",
        "febbraio",
        "februari",
        "lutego",
        "luty",
        "února",
        "февраля",
        "фев",
        "лютого",
        "únor",
        "február",
        "febr",
        "февраль",
        "лютий",
        "şubat",
        "helmikuuta",
    ],
    &[
        "march",
        "mar",
        "märz",
        "mars",
        "marzo",
        "março",
        "maart",
        "marca",
        "marzec",
        "března",
        "марта",
        "мар",
        "березня",
        "březen",
        "március",
        "márc",
        "март",
        "березень",
        "mart",
        "maaliskuuta",
        "mrt",
    ],
    &[
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwietnia",
        "dubna",
        "апреля",
        "апр",
        "квітня",
        "duben",
        "április",
        "ápr",
        "апрель",
        "квітень",
        "nisan",
        "huhtikuuta",
        "kwiecień",
    ],
    &[
        "may",
        "mai",
        "mayo",
        "maio",
        "maggio",
        "mag",
        "mei",
        "maja",
        "května",
        "мая",
        "травня",
        "květen",
        "május",
        "máj",
        "май",
        "травень",
        "mayıs",
        "toukokuuta",
        "maj",
    ],
    &[
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "junho",
        "giugno",
        "giu",
        "czerwca",
        "června",
        "июня",
        "червня",
        "červen",
        "június",
        "jún",
        "июнь",
        "червень",
        "haziran",
        "kesäkuuta",
        "czerwiec",
        "июн",
    ],
    &[
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "julho",
        "luglio",
        "lug",
        "lipca",
        "července",
        "июля",
        "липня",
        "červenec",
        "július",
        "júl",
        "июль",
        "липень",
        "temmuz",
        "heinäkuuta",
        "lipiec",
        "июл",
    ],
    &[
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "augustus",
        "sierpnia",
        "srpna",
        "августа",
        "авг",
        "серпня",
        "srpen",
        "augusztus",
        "август",
        "серпень",
        "ağustos",
        "elokuuta",
        "sierpień",
        "augusti",
    ],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setembro",
        "set",
        "settembre",
        "września",
        "září",
        "сентября",
        "сен",
        "вересня",
        "szeptember",
        "szept",
        "сентябрь",
        "вересень",
        "eylül",
        "syyskuuta",
        "wrzesień",
    ],
    &[
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "outubro",
        "out",
        "ottobre",
        "ott",
        "października",
        "října",
        "октября",
        "окт",
        "жовтня",
        "október",
        "říjen",
        "октябрь",
        "жовтень",
        "ekim",
        "lokakuuta",
        "październik",
    ],
    &[
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopada",
        "listopadu",
        "ноября",
        "ноя",
        "листопада",
        "listopad",
        "ноябрь",
        "листопад",
        "kasım",
        "marraskuuta",
    ],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "déc",
        "decembre",
        "diciembre",
        "dic",
        "dezembro",
        "dicembre",
        "grudnia",
        "prosince",
        "декабря",
        "дек",
        "грудня",
        "prosinec",
        "декабрь",
        "грудень",
        "aralık",
        "joulukuuta",
        "grudzień",
        "desember",
    ],
];

/// The month a word names (1–12), ignoring case and a final dot.
pub fn month_named(word: &str) -> Option<i8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .and_then(|i| i8::try_from(i + 1).ok())
}

/// A date written in `text` in any of the formats above; `order` says how
/// to read two small numbers (`10/05/2022`).
pub fn parse_date(text: &str, order: NumericOrder) -> Option<Date> {
    let text = text.trim();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    unix_time(text)
        .or_else(|| cjk_date(text))
        .or_else(|| year_first(text))
        .or_else(|| with_month_name(text))
        .or_else(|| numeric_day_and_month_first(text, order))
}

/// Like [`parse_date`], but a time given in UTC (`…Z`, `+00:00`, `GMT`)
/// is read in `zone`, the page's own time zone: the date its readers saw
/// (`2022-11-06T23:00:00Z` is 7 November in Berlin). Times with another
/// offset are already local and kept as written, and so is a UTC
/// midnight (`2025-01-04T00:00:00.000Z`): a date stored as an instant,
/// not a time anyone published at.
pub fn parse_date_in(text: &str, order: NumericOrder, zone: Option<&TimeZone>) -> Option<Date> {
    if let Some(zone) = zone
        && let Some(timestamp) = utc_timestamp(text).filter(|t| !at_midnight(*t))
    {
        return Some(timestamp.to_zoned_datetime(zone.clone()).date());
    }
    parse_date(text, order)
}

/// Whether an instant falls exactly on a UTC midnight.
fn at_midnight(timestamp: Timestamp) -> bool {
    timestamp.as_second().rem_euclid(86_400) == 0 && timestamp.subsec_nanosecond() == 0
}

/// An instant written in UTC, in RFC 3339 or RFC 2822.
fn utc_timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let in_utc = ["Z", "z", "+00:00", "+0000", "GMT", "UTC"]
        .iter()
        .any(|end| text.ends_with(end));
    if !in_utc {
        return None;
    }
    text.parse::<Timestamp>().ok().or_else(|| {
        jiff::fmt::rfc2822::DateTimeParser::new()
            .parse_timestamp(text)
            .ok()
    })
}

/// Words and numbers of `text` (runs of letters, runs of digits), with
/// their byte offsets.
fn tokens(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, bool)> = None;
    for (at, c) in text.char_indices() {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (current, kind) {
            (Some((_, digits)), Some(k)) if digits == k => {}
            (Some((start, _)), _) => {
                out.push((start, &text[start..at]));
                current = kind.map(|k| (at, k));
            }
            (None, Some(k)) => current = Some((at, k)),
            (None, None) => {}
        }
    }
    if let Some((start, _)) = current {
        out.push((start, &text[start..]));
    }
    out
}

/// The words and numbers alone.
fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|(_, t)| t).collect()
}

fn number(token: &str) -> Option<i32> {
    token
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| token.parse().ok())
        .flatten()
}

fn date(year: i32, month: i32, day: i32) -> Option<Date> {
    let year = if (0..100).contains(&year) && year < 70 {
        2000 + year
    } else if (70..100).contains(&year) {
        1900 + year
    } else {
        year
    };
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// `1651766400` (seconds) or `1651766400000` (milliseconds).
fn unix_time(text: &str) -> Option<Date> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: i64 = match text.len() {
        9 | 10 => text.parse().ok()?,
        12 | 13 => text.parse::<i64>().ok()? / 1000,
        _ => return None,
    };
    let timestamp = jiff::Timestamp::from_second(seconds).ok()?;
    Some(timestamp.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}

/// `2022-05-05…`, `2022-5-5`, `2022/05/05`, `2022.05.05`, `20220505`: a
/// four-digit year first. An offset later in an RFC 3339 stamp is not
/// applied: the date the page wrote is the one it means.
fn year_first(text: &str) -> Option<Date> {
    let tokens = tokens(text);
    let at = tokens.iter().position(|(_, t)| number(t).is_some())?;
    let (offset, first) = tokens[at];
    let rest: Vec<&str> = tokens[at + 1..].iter().map(|(_, t)| *t).collect();
    if first.len() == 8 && rest.len() <= 2 {
        let n = number(first)?;
        return date(n / 10_000, n / 100 % 100, n % 100);
    }
    let [month, day, ..] = rest.as_slice() else {
        return None;
    };
    let separated = text[offset + first.len()..].starts_with(['-', '/', '.']);
    (first.len() == 4 && separated && month.len() <= 2 && day.len() <= 2)
        .then(|| date(number(first)?, number(month)?, number(day)?))
        .flatten()
}

/// `2019年4月13日` (Japanese, Chinese), `2019년 4월 13일` (Korean): year,
/// month and day each followed by its unit.
fn cjk_date(text: &str) -> Option<Date> {
    let tokens = words(text);
    tokens.windows(5).find_map(|w| {
        let units = (w[1], w[3]);
        let cjk = matches!(units, ("年", "月") | ("년", "월"));
        (cjk && w[0].len() == 4 && w[2].len() <= 2 && w[4].len() <= 2)
            .then(|| date(number(w[0])?, number(w[2])?, number(w[4])?))
            .flatten()
    })
}

/// `May 5, 2022`, `5 May 2022`, `5. Mai 2022`, `5 de mayo de 2022`,
/// `Monday, November 18, 2019`, `Thu, 05 May 2022 10:00:00 GMT`.
fn with_month_name(text: &str) -> Option<Date> {
    let tokens = words(text);
    let at = tokens.iter().position(|t| month_named(t).is_some())?;
    let month = i32::from(month_named(tokens[at])?);
    let after: Vec<i32> = tokens[at + 1..]
        .iter()
        .take(6)
        .filter_map(|t| number(t))
        .collect();
    let before = tokens[..at].iter().rev().take(2).find_map(|t| number(t));
    let year = after
        .iter()
        .chain(before.iter())
        .copied()
        .find(|n| (1000..3000).contains(n));
    let day = before
        .filter(|d| (1..=31).contains(d))
        .or_else(|| after.first().copied().filter(|d| (1..=31).contains(d)))?;
    date(year?, month, day)
}

/// `25.01.2022`, `Di., 25.01.2022 - 14:45`, `10/05/2022 05:22 pm`,
/// `5-5-22`: day and month before the year, in `order` unless one of them
/// is over 12 or a dot separates them (dotted dates are day first
/// everywhere).
fn numeric_day_and_month_first(text: &str, order: NumericOrder) -> Option<Date> {
    let tokens = tokens(text);
    let first_number = tokens.iter().position(|(_, t)| number(t).is_some())?;
    let [(at_a, a), (at_b, b), (_, year)] = tokens.get(first_number..first_number + 3)? else {
        return None;
    };
    let between = &text[at_a + a.len()..*at_b];
    // A date's numbers are joined by a dot, slash, dash or space, and its
    // year has two or four digits: "4＋4＝6" is sums, not 4 April 2006.
    if !matches!(between.trim(), "." | "/" | "-" | "") || ![2, 4].contains(&year.len()) {
        return None;
    }
    let (a, b, year) = (number(a)?, number(b)?, number(year)?);
    let dotted = between.trim() == ".";
    let (day, month) = if a > 12 || dotted {
        (a, b)
    } else if b > 12 || order == NumericOrder::MonthFirst {
        (b, a)
    } else {
        (a, b)
    };
    date(year, month, day)
}

/// A date in a URL's path: `/2022/05/05/`, `/2022-05-05-title`,
/// `/20220505/`. Year and month alone (`/2022/05/`) are not a date.
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        if segment.len() == 4
            && let (Some(year), Some(month), Some(day)) = (
                number(segment),
                segments.get(i + 1).and_then(|s| number(s)),
                segments.get(i + 2).and_then(|s| two_digit_prefix(s)),
            )
            && (1990..2100).contains(&year)
        {
            return date(year, month, day);
        }
        if let Some(found) = dashed_or_compact_date(segment) {
            return Some(found);
        }
    }
    None
}

/// The day number a URL segment starts with (`05`, `05-title`).
fn two_digit_prefix(segment: &str) -> Option<i32> {
    let digits: String = segment.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 2 || digits.len() == 1)
        .then(|| digits.parse().ok())
        .flatten()
}

/// `2022-05-05-title` or `20220505` in one URL segment.
fn dashed_or_compact_date(segment: &str) -> Option<Date> {
    let bytes = segment.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        segment
            .get(range)
            .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|s| s.parse::<i32>().ok())
    };
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        let year = digits(0..4)?;
        if (1990..2100).contains(&year) {
            return date(year, digits(5..7)?, digits(8..10)?);
        }
    }
    if bytes.len() == 8 {
        let year = digits(0..4)?;
        if (1990..2100).contains(&year) {
            return date(year, digits(4..6)?, digits(6..8)?);
        }
    }
    None
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
