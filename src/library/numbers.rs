//! Numbers in claims, normalised across their spellings: "$245bn",
//! "245 billion dollars", "245 млрд долларов" and "2450亿美元" are all the
//! amount 2.45 × 10¹¹; "24,5 %" and "24.5 percent" the same percentage;
//! a bare 1800–2100 (or "2024年") a year.

/// One number found in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quantity {
    /// A count or an amount, scale words applied (currency is not kept).
    Amount(f64),
    /// A percentage, as written (24.5 for "24.5%").
    Percent(f64),
    /// A calendar year.
    Year(i32),
}

impl Quantity {
    /// The index term standing for this quantity, equal for equal values
    /// whatever the spelling (four significant digits).
    pub fn term(self) -> String {
        match self {
            Quantity::Amount(value) => format!("#{}", significant(value)),
            Quantity::Percent(value) => format!("%{}", significant(value)),
            Quantity::Year(year) => format!("@{year}"),
        }
    }

    /// Whether two quantities are the same (amounts within 0.5 %).
    pub fn agrees_with(self, other: Quantity) -> bool {
        match (self, other) {
            (Quantity::Amount(a), Quantity::Amount(b))
            | (Quantity::Percent(a), Quantity::Percent(b)) => close(a, b),
            (Quantity::Year(a), Quantity::Year(b)) => a == b,
            _ => false,
        }
    }

    pub fn is_year(self) -> bool {
        matches!(self, Quantity::Year(_))
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
        if chars[at].is_ascii_digit() && starts_a_number(&chars, at) {
            let (digits, after_digits) = read_digits(&chars, at);
            let (quantity, next) = read_unit(&chars, after_digits, digits);
            found.extend(quantity.map(|q| (q, at..next)));
            at = next.max(at + 1);
        } else {
            at += 1;
        }
    }
    found
}

/// A digit starts a number unless it is glued to a Latin or Cyrillic word
/// ("G7", "covid19"); Chinese characters may touch it ("在2024年").
fn starts_a_number(chars: &[char], at: usize) -> bool {
    match at.checked_sub(1).map(|i| chars[i]) {
        None => true,
        Some(prev) => {
            !(prev.is_ascii_digit() || (prev.is_alphabetic() && !crate::text::is_han(prev)))
        }
    }
}

/// The digits of one written number.
struct Digits {
    value: f64,
    /// Written with a decimal part or thousands separators: never a year.
    plain_integer: bool,
}

/// Reads "1,234,567", "2 450", "245,5", "3.75" starting at `start`.
fn read_digits(chars: &[char], start: usize) -> (Digits, usize) {
    let mut at = start;
    let mut integer = String::new();
    let mut fraction = String::new();
    let mut grouped = false;
    at = take_digits(chars, at, &mut integer);
    while let Some(&separator) = chars.get(at) {
        let group_len = digit_run(chars, at + 1);
        if group_len == 0 {
            break;
        }
        let after_group = at + 1 + group_len;
        let is_space = matches!(separator, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
        let thousands = match separator {
            ',' | '\'' => group_len == 3,
            '.' => group_len == 3 && chars.get(after_group) == Some(&'.'),
            _ if is_space => group_len == 3 && (grouped || integer.len() <= 3),
            _ => false,
        };
        if thousands {
            grouped = true;
            at = take_digits(chars, at + 1, &mut integer);
        } else if matches!(separator, ',' | '.') && fraction.is_empty() {
            at = take_digits(chars, at + 1, &mut fraction);
            break;
        } else {
            break;
        }
    }
    let text = if fraction.is_empty() {
        integer
    } else {
        format!("{integer}.{fraction}")
    };
    let value = text.parse::<f64>().unwrap_or(0.0);
    let plain_integer = !grouped && fraction.is_empty();
    (
        Digits {
            value,
            plain_integer,
        },
        at,
    )
}

fn digit_run(chars: &[char], at: usize) -> usize {
    chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

fn take_digits(chars: &[char], at: usize, into: &mut String) -> usize {
    let len = digit_run(chars, at);
    into.extend(&chars[at..at + len]);
    at + len
}

/// What follows the digits: a scale word, a percent sign, a year mark.
fn read_unit(chars: &[char], at: usize, digits: Digits) -> (Option<Quantity>, usize) {
    let glued = chars
        .get(at)
        .is_some_and(|c| c.is_alphabetic() || *c == '%');
    let word_start = skip_gap(chars, at);
    let (word, word_end) = next_word(chars, word_start);
    let value = digits.value;
    if let Some((unit, len)) = han_unit(&chars[word_start.min(chars.len())..]) {
        let end = word_start + len;
        return match unit {
            HanUnit::Scale(scale) => (Some(Quantity::Amount(value * scale)), end),
            HanUnit::Year if digits.plain_integer => (Some(Quantity::Year(value as i32)), end),
            HanUnit::Year => (Some(Quantity::Amount(value)), end),
        };
    }
    if chars.get(word_start) == Some(&'%') || is_percent_word(&word, chars, word_end) {
        return (Some(Quantity::Percent(value)), word_end.max(word_start + 1));
    }
    if let Some(scale) = scale_word(&word, glued) {
        return (Some(Quantity::Amount(value * scale)), word_end);
    }
    let year = digits.plain_integer && (1800.0..=2100.0).contains(&value);
    let quantity = if year {
        Quantity::Year(value as i32)
    } else {
        Quantity::Amount(value)
    };
    (Some(quantity), at)
}

/// Skips one space or hyphen between a number and its unit.
fn skip_gap(chars: &[char], at: usize) -> usize {
    match chars.get(at) {
        Some(' ' | '\u{a0}' | '\u{202f}' | '-') => at + 1,
        _ => at,
    }
}

/// The lowercased letters from `at` (a Latin or Cyrillic word).
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

fn is_percent_word(word: &str, chars: &[char], word_end: usize) -> bool {
    if word == "per" {
        let (next, _) = next_word(chars, skip_gap(chars, word_end));
        return next == "cent";
    }
    matches!(word, "percent" | "pct")
        || ["процент", "відсот", "відсо"]
            .iter()
            .any(|stem| word.starts_with(stem))
}

/// The multiplier a scale word stands for. Single letters ("$5m", "3bn")
/// count only when glued to the digits.
fn scale_word(word: &str, glued: bool) -> Option<f64> {
    const SCALES: [(f64, &[&str], &[&str]); 4] = [
        (
            1e3,
            &["k", "thousand", "thousands", "тыс", "тис"],
            &["тысяч", "тисяч"],
        ),
        (
            1e6,
            &["m", "mn", "mln", "million", "millions", "млн"],
            &["миллион", "мільйон", "мiльйон"],
        ),
        (
            1e9,
            &["b", "bn", "bln", "billion", "billions", "млрд"],
            &["миллиард", "мільярд", "мiльярд"],
        ),
        (
            1e12,
            &["t", "tn", "trillion", "trillions", "трлн"],
            &["триллион", "трильйон"],
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
    fn agreement_tolerates_rounding_only() {
        assert!(Quantity::Amount(245e9).agrees_with(Quantity::Amount(245.5e9)));
        assert!(!Quantity::Amount(245e9).agrees_with(Quantity::Amount(254e9)));
        assert!(!Quantity::Year(2019).agrees_with(Quantity::Year(2020)));
        assert!(!Quantity::Percent(5.0).agrees_with(Quantity::Amount(5.0)));
    }
}
