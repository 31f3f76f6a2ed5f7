//! Numbers in claims, normalised across their spellings: "$245bn",
//! "245 billion dollars", "245 млрд долларов" and "2450亿美元" are all the
//! amount 2.45 × 10¹¹; "24,5 %" and "24.5 percent" the same percentage;
//! a bare 1800–2100 (or "2024年") a year. Digits are read by
//! [`crate::text::read_number`], so the Arabic "٢٤٥ مليار" is the same
//! amount and the Persian "۱۲٫۵٪" the percentage 12.5. English numbers
//! in words ("sixteenth", "forty-five thousand") are amounts too
//! ([`super::number_words`]).

use crate::text::{WrittenNumber, is_digit, is_percent_sign, read_number};

/// One number found in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    /// A count or an amount, scale words applied (currency is not kept).
    Amount(f64),
    /// A percentage, as written (24.5 for "24.5%").
    Percent(f64),
    /// A calendar year.
    Year(i32),
    /// A span of years, first and last: a decade ("the 1990s"), a century
    /// ("the 1800s", "19th-century", "nineteenth century").
    Years(i32, i32),
}

impl Quantity {
    /// The index term standing for this quantity, equal for equal values
    /// whatever the spelling (four significant digits).
    pub fn term(self) -> String {
        match self {
            Quantity::Amount(value) => format!("#{}", significant(value)),
            Quantity::Percent(value) => format!("%{}", significant(value)),
            Quantity::Year(year) => format!("@{year}"),
            Quantity::Years(first, last) => format!("@{first}-{last}"),
        }
    }

    /// Whether two quantities are the same (amounts within 0.5 %).
    pub fn agrees_with(self, other: Quantity) -> bool {
        match (self, other) {
            (Quantity::Amount(a), Quantity::Amount(b))
            | (Quantity::Percent(a), Quantity::Percent(b)) => close(a, b),
            (Quantity::Year(a), Quantity::Year(b)) => a == b,
            (Quantity::Year(year), Quantity::Years(first, last))
            | (Quantity::Years(first, last), Quantity::Year(year)) => {
                (first..=last).contains(&year)
            }
            (Quantity::Years(a, b), Quantity::Years(c, d)) => a <= d && c <= b,
            _ => false,
        }
    }

    pub fn is_year(self) -> bool {
        matches!(self, Quantity::Year(_) | Quantity::Years(..))
    }
}

fn close(a: f64, b: f64) -> bool {
    let largest = a.abs().max(b.abs());
    largest == 0.0 || (a - b).abs() <= largest * 0.005
}

/// `value` rounded to four significant digits, in a fixed spelling.
fn significant(value: f64) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    format!("{value:.3e}")
}

/// Every quantity in `text`, in order.
pub fn quantities(text: &str) -> Vec<Quantity> {
    quantities_with_spans(text)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// Every quantity in `text` with the chars it was written in (digits and
/// unit words, as char offsets).
pub fn quantities_with_spans(text: &str) -> Vec<(Quantity, std::ops::Range<usize>)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let number = starts_a_number(&chars, at)
            .then(|| read_number(&chars, at))
            .flatten();
        match number {
            Some(number) if ends_a_name(&chars, at, &number) => at = number.digits.end.max(at + 1),
            Some(number) => {
                let (quantity, next) = read_unit(&chars, &number);
                found.push((quantity, at..next));
                at = next.max(at + 1);
            }
            None => at += 1,
        }
    }
    let taken: Vec<std::ops::Range<usize>> = found.iter().map(|(_, span)| span.clone()).collect();
    found.extend(super::number_words::number_words(&chars, &taken));
    found.sort_by_key(|(_, span)| span.start);
    found
}

/// A digit starts a number unless it continues one or is glued to a Latin
/// or Cyrillic word ("G7", "covid19"); Chinese characters may touch it
/// ("在2024年"), and so may Arabic and Hebrew letters, which are prefixes
/// there ("و٢٤٥", "ב245").
fn starts_a_number(chars: &[char], at: usize) -> bool {
    if !is_digit(chars[at]) {
        return false;
    }
    match at.checked_sub(1).map(|i| chars[i]) {
        None => true,
        Some(prev) => !(is_digit(prev) || (prev.is_alphabetic() && !may_touch_digits(prev))),
    }
}

/// Whether the number at `at` ends a name joined to a Latin or Cyrillic
/// word by a hyphen ("Covid-19", "F-16", "Ковид-19"): no amount, unless
/// it reads as a year ("mid-2020", "post-2014"). (A Hebrew or Arabic
/// letter before the hyphen is a prefix: "ב-245" is 245.)
fn ends_a_name(chars: &[char], at: usize, number: &WrittenNumber) -> bool {
    let after_word = at >= 2
        && chars[at - 1] == '-'
        && chars[at - 2].is_alphabetic()
        && !may_touch_digits(chars[at - 2]);
    let year = number.plain_integer && (1800.0..=2100.0).contains(&number.value);
    after_word && !year && number.percent.is_none()
}

/// Letters that may be written against a number: Chinese characters, and
/// Hebrew and Arabic letters (one-letter prefixes such as "and", "in").
fn may_touch_digits(c: char) -> bool {
    crate::text::is_han(c) || matches!(c, '\u{0590}'..='\u{06FF}')
}

/// What follows the digits: a scale word, a percent sign, a year mark.
/// Returns the quantity and the end of what was read.
fn read_unit(chars: &[char], number: &WrittenNumber) -> (Quantity, usize) {
    let (value, at) = (number.value, number.digits.end);
    if let Some(percent) = &number.percent {
        return (Quantity::Percent(value), percent.end);
    }
    let glued = chars.get(at).is_some_and(|c| c.is_alphabetic());
    let word_start = skip_gap(chars, at);
    let (word, word_end) = next_word(chars, word_start);
    if let Some((unit, len)) = han_unit(&chars[word_start.min(chars.len())..]) {
        let end = word_start + len;
        return match unit {
            HanUnit::Scale(scale) => (Quantity::Amount(value * scale), end),
            HanUnit::Year if number.plain_integer => (Quantity::Year(value as i32), end),
            HanUnit::Year => (Quantity::Amount(value), end),
        };
    }
    if chars.get(word_start).is_some_and(|c| is_percent_sign(*c)) {
        return (Quantity::Percent(value), word_start + 1);
    }
    if let Some(end) = percent_words(&word, chars, word_end) {
        return (Quantity::Percent(value), end);
    }
    if let Some(scale) = scale_word(&word, glued) {
        return (Quantity::Amount(value * scale), word_end);
    }
    if let Some(found) = period_after(chars, number, (&word, word_end), glued) {
        return found;
    }
    let year = number.plain_integer && (1800.0..=2100.0).contains(&value);
    let quantity = if year {
        Quantity::Year(value as i32)
    } else {
        Quantity::Amount(value)
    };
    (quantity, at)
}

/// A decade or century written with digits: "1990s", "1800s" (glued
/// "s" after a round year), "19th century", "19th-century".
fn period_after(
    chars: &[char],
    number: &WrittenNumber,
    (word, word_end): (&str, usize),
    glued: bool,
) -> Option<(Quantity, usize)> {
    let value = number.value;
    if !number.plain_integer || !glued {
        return None;
    }
    let round_year = (1000.0..=2100.0).contains(&value) && value % 10.0 == 0.0;
    if word == "s" && round_year {
        let first = value as i32;
        let last = first + if first % 100 == 0 { 99 } else { 9 };
        return Some((Quantity::Years(first, last), word_end));
    }
    let ordinal = matches!(word, "st" | "nd" | "rd" | "th");
    let (next, next_end) = next_word(chars, skip_gap(chars, word_end));
    (ordinal && (1.0..=21.0).contains(&value) && next.starts_with("centur"))
        .then(|| (century(value as i32), next_end))
}

/// The years of the `n`th century (the 19th: 1801–1900).
pub fn century(n: i32) -> Quantity {
    Quantity::Years((n - 1) * 100 + 1, n * 100)
}

/// Skips one space or hyphen between a number and its unit.
fn skip_gap(chars: &[char], at: usize) -> usize {
    match chars.get(at) {
        Some(' ' | '\u{a0}' | '\u{202f}' | '-') => at + 1,
        _ => at,
    }
}

/// The lowercased letters from `at` (a Latin, Cyrillic, Arabic or Hebrew
/// word).
fn next_word(chars: &[char], at: usize) -> (String, usize) {
    let len = chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_alphabetic() && !crate::text::is_han(**c))
        .count();
    let word = chars[at..at + len]
        .iter()
        .collect::<String>()
        .to_lowercase();
    (word, at + len)
}

/// The end of the word or two saying "percent" after a number, when
/// they do: "percent", "per cent", "процента", "відсотка", the Arabic
/// "بالمئة" and "في المئة", the Persian "درصد", the Hebrew "אחוז".
fn percent_words(word: &str, chars: &[char], word_end: usize) -> Option<usize> {
    const FIRST_OF_TWO: [(&str, &[&str]); 2] =
        [("per", &["cent"]), ("في", &["المئة", "المائة", "المية"])];
    for (first, seconds) in FIRST_OF_TWO {
        if word == first {
            let (next, next_end) = next_word(chars, skip_gap(chars, word_end));
            return seconds.contains(&next.as_str()).then_some(next_end);
        }
    }
    let one_word = matches!(
        word,
        "percent" | "pct" | "بالمئة" | "بالمائة" | "بالمية" | "درصد"
    ) || ["процент", "відсот", "відсо", "אחוז"]
        .iter()
        .any(|stem| word.starts_with(stem));
    one_word.then_some(word_end)
}

/// The multiplier a scale word stands for. Single letters ("$5m", "3bn")
/// count only when glued to the digits.
fn scale_word(word: &str, glued: bool) -> Option<f64> {
    const SCALES: [(f64, &[&str], &[&str]); 4] = [
        (
            1e3,
            &[
                "k",
                "thousand",
                "thousands",
                "тыс",
                "тис",
                "ألف",
                "الف",
                "آلاف",
                "الاف",
                "هزار",
            ],
            &["тысяч", "тисяч", "אלף", "אלפי"],
        ),
        (
            1e6,
            &["m", "mn", "mln", "million", "millions", "млн", "ملايين"],
            &["миллион", "мільйон", "мiльйон", "مليون", "میلیون", "מיליון"],
        ),
        (
            1e9,
            &["b", "bn", "bln", "billion", "billions", "млрд"],
            &[
                "миллиард",
                "мільярд",
                "мiльярд",
                "مليار",
                "بليون",
                "میلیارد",
                "מיליארד",
            ],
        ),
        (
            1e12,
            &["t", "tn", "trillion", "trillions", "трлн"],
            &[
                "триллион",
                "трильйон",
                "تريليون",
                "ترليون",
                "تریلیون",
                "טריליון",
            ],
        ),
    ];
    if word.chars().count() == 1 && !glued {
        return None;
    }
    SCALES
        .iter()
        .find(|(_, exact, stems)| {
            exact.contains(&word) || stems.iter().any(|stem| word.starts_with(stem))
        })
        .map(|(scale, _, _)| *scale)
}

enum HanUnit {
    Scale(f64),
    Year,
}

/// Chinese units right after the digits: 万亿, 亿, 千万, 百万, 万, 千, 年, %.
fn han_unit(rest: &[char]) -> Option<(HanUnit, usize)> {
    const UNITS: [(&str, f64); 6] = [
        ("万亿", 1e12),
        ("亿", 1e8),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
        ("千", 1e3),
    ];
    let starts = |unit: &str| {
        unit.chars().zip(rest).filter(|(a, b)| a == *b).count() == unit.chars().count()
    };
    if starts("年") {
        return Some((HanUnit::Year, 1));
    }
    UNITS
        .iter()
        .find(|(unit, _)| starts(unit))
        .map(|(unit, scale)| (HanUnit::Scale(*scale), unit.chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        quantities(text).into_iter().map(Quantity::term).collect()
    }

    #[test]
    fn one_amount_spelled_four_ways_gives_one_term() {
        let expected = vec!["#2.450e11".to_owned()];
        assert_eq!(terms("$245bn"), expected);
        assert_eq!(terms("245 billion dollars"), expected);
        assert_eq!(terms("245 млрд долларов"), expected);
        assert_eq!(terms("245 мільярдів доларів"), expected);
        assert_eq!(terms("2450亿美元"), expected);
        assert_eq!(terms("US$245-billion"), expected);
        assert_eq!(terms("245,000,000,000"), expected);
    }

    #[test]
    fn a_number_ending_a_hyphenated_name_is_no_amount() {
        assert!(terms("Covid-19 vaccines").is_empty());
        assert!(terms("Ковид-19 и F-16").is_empty());
        assert_eq!(terms("since mid-2020"), vec!["@2020"]);
        assert_eq!(terms("a 15-20 range"), vec!["#1.500e1", "#2.000e1"]);
    }

    #[test]
    fn english_number_words_are_amounts() {
        assert_eq!(terms("its sixteenth package"), terms("its 16th package"));
        assert_eq!(terms("fifty nuggets"), vec!["#5.000e1"]);
        assert_eq!(terms("a hundred thousand pupils"), terms("100,000 pupils"));
        assert_eq!(
            terms("45 thousand or forty-five thousand"),
            vec!["#4.500e4"; 2]
        );
    }

    #[test]
    fn decimal_commas_and_thousand_spaces() {
        assert_eq!(terms("1,5 млн"), vec!["#1.500e6"]);
        assert_eq!(terms("1.5 million"), vec!["#1.500e6"]);
        assert_eq!(terms("2 450 человек"), vec!["#2.450e3"]);
        assert_eq!(terms("1 500 000"), vec!["#1.500e6"]);
        assert_eq!(terms("3.75"), vec!["#3.750e0"]);
    }

    #[test]
    fn percentages_in_four_languages() {
        for text in [
            "24.5%",
            "24,5 %",
            "24.5 per cent",
            "24,5 процента",
            "24,5 відсотка",
        ] {
            assert_eq!(terms(text), vec!["%2.450e1"], "{text}");
        }
    }

    #[test]
    fn years_are_told_from_amounts() {
        assert_eq!(terms("in 2024"), vec!["@2024"]);
        assert_eq!(terms("в 2019 году"), vec!["@2019"]);
        assert_eq!(terms("2019年"), vec!["@2019"]);
        assert_eq!(terms("2,024 people"), vec!["#2.024e3"]);
        assert_eq!(terms("2024 245 billion"), vec!["@2024", "#2.450e11"]);
    }

    #[test]
    fn digits_inside_words_and_lone_letters_are_not_scales() {
        assert_eq!(terms("G7 leaders"), Vec::<String>::new());
        assert_eq!(terms("5 m away"), vec!["#5.000e0"]);
        assert_eq!(terms("$5m"), vec!["#5.000e6"]);
    }

    #[test]
    fn arabic_persian_and_hebrew_amounts_are_the_same_terms() {
        let billions = vec!["#2.450e11".to_owned()];
        assert_eq!(terms("٢٤٥ مليار"), billions);
        assert_eq!(terms("٢٤٥ مليار دولار"), billions);
        assert_eq!(terms("۲۴۵ میلیارد دلار"), billions);
        assert_eq!(terms("245 מיליארד דולר"), billions);
        assert_eq!(terms("ב-245 מיליארד"), billions);
        assert_eq!(terms("و٢٤٥ مليار"), billions);
        assert_eq!(terms("١٫٥ مليون"), vec!["#1.500e6"]);
        assert_eq!(terms("١٬٥٠٠ شخص"), vec!["#1.500e3"]);
        assert_eq!(terms("٣ آلاف"), vec!["#3.000e3"]);
        assert_eq!(terms("40 מיליון טון"), vec!["#4.000e7"]);
        assert_eq!(terms("عام ٢٠٢٢"), vec!["@2022"]);
        assert_eq!(terms("در سال ۲۰۲۴"), vec!["@2024"]);
    }

    #[test]
    fn arabic_persian_and_hebrew_percentages() {
        for text in [
            "۱۲٫۵٪",
            "١٢٫٥٪",
            "١٢٫٥ ٪",
            "12.5 %",
            "١٢٫٥ في المئة",
            "١٢٫٥ بالمئة",
            "۱۲٫۵ درصد",
            "12.5 אחוזים",
        ] {
            assert_eq!(terms(text), vec!["%1.250e1"], "{text}");
        }
        assert_eq!(
            quantities("۱۲٫۵٪")[0],
            quantities("12.5 %")[0],
            "the Persian spelling is the same quantity"
        );
        assert_eq!(terms("١٢ في البيت"), vec!["#1.200e1"]);
    }

    #[test]
    fn the_span_of_an_arabic_amount_covers_its_unit_word() {
        let spans = quantities_with_spans("صدّرت ٢٤٥ مليار دولار");
        assert_eq!(spans, vec![(Quantity::Amount(245e9), 6..15)]);
    }

    #[test]
    fn decades_and_centuries_are_spans_of_years() {
        let found = |text: &str| quantities(text);
        assert_eq!(found("in the 1990s"), vec![Quantity::Years(1990, 1999)]);
        assert_eq!(
            found("an Englishman of the 1800s"),
            vec![Quantity::Years(1800, 1899)]
        );
        assert_eq!(
            found("a 19th-century man"),
            vec![Quantity::Years(1801, 1900)]
        );
        assert_eq!(found("the 21st century"), vec![Quantity::Years(2001, 2100)]);
        assert_eq!(
            found("a nineteenth-century man"),
            vec![Quantity::Years(1801, 1900)]
        );
        assert_eq!(found("1995s"), vec![Quantity::Year(1995)]);
        assert_eq!(found("his 19th birthday"), vec![Quantity::Amount(19.0)]);
        let nineteenth = Quantity::Years(1801, 1900);
        assert!(nineteenth.agrees_with(Quantity::Years(1800, 1899)));
        assert!(nineteenth.agrees_with(Quantity::Year(1854)));
        assert!(!nineteenth.agrees_with(Quantity::Year(1954)));
        assert!(!nineteenth.agrees_with(Quantity::Years(1990, 1999)));
    }

    #[test]
    fn agreement_tolerates_rounding_only() {
        assert!(Quantity::Amount(245e9).agrees_with(Quantity::Amount(245.5e9)));
        assert!(!Quantity::Amount(245e9).agrees_with(Quantity::Amount(254e9)));
        assert!(!Quantity::Year(2019).agrees_with(Quantity::Year(2020)));
        assert!(!Quantity::Percent(5.0).agrees_with(Quantity::Amount(5.0)));
    }
}
