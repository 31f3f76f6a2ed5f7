//! English numbers written as words, read as the amounts digits would
//! give: "sixteen" and "sixteenth" are 16 like "16" and "16th", "fifty"
//! 50, "forty-five thousand" 45,000, "a hundred thousand" 100,000, "one
//! million" 10⁶. "One", "a", "first", "second" and "third" say too often
//! something else ("one of", "a third of", "the first time"), so they
//! count only before a scale word ("one million", "a hundred"). An
//! ordinal before "century" is that century's span of years, and "half
//! a percent" the percentage 0.5. Russian and Ukrainian ones are read
//! by [`super::cyrillic_number_words`].

use super::numbers::Quantity;
use std::ops::Range;

/// One word of the text: its lowercased letters and its char span.
struct Word {
    text: String,
    span: Range<usize>,
}

/// Every amount written in words in `chars`, with its char span, leaving
/// out words inside `taken` (numbers already read from digits).
pub fn number_words(chars: &[char], taken: &[Range<usize>]) -> Vec<(Quantity, Range<usize>)> {
    let words: Vec<Word> = words(chars)
        .into_iter()
        .filter(|w| {
            !taken
                .iter()
                .any(|t| t.start < w.span.end && w.span.start < t.end)
        })
        .collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match read_quantity(&words[at..]) {
            Some((quantity, used)) => {
                let span = words[at].span.start..words[at + used - 1].span.end;
                found.push((quantity, span));
                at += used;
            }
            None => at += 1,
        }
    }
    found
}

/// The words of `chars` (runs of letters; a hyphen separates words; an
/// apostrophe between Cyrillic letters is inside one, as in "п'ять").
fn words(chars: &[char]) -> Vec<Word> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in chars.iter().chain(std::iter::once(&' ')).enumerate() {
        let in_word = c.is_alphabetic() || is_apostrophe_in_cyrillic(chars, at);
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                let text: String = chars[from..at]
                    .iter()
                    .map(|c| if c.is_alphabetic() { *c } else { '\'' })
                    .collect();
                found.push(Word {
                    text: text.to_lowercase(),
                    span: from..at,
                });
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// Whether the char at `at` is an apostrophe between two Cyrillic
/// letters (Ukrainian writes "п'ять", "п’ять" and "пʼять").
fn is_apostrophe_in_cyrillic(chars: &[char], at: usize) -> bool {
    let cyrillic = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
    };
    matches!(chars.get(at), Some('\'' | '’' | 'ʼ'))
        && cyrillic(at.checked_sub(1))
        && cyrillic(Some(at + 1))
}

/// The quantity the first words say and how many words say it: a
/// fraction of a percent ("half a percent"), a century ("nineteenth
/// century", "twenty-first-century") or an amount.
fn read_quantity(words: &[Word]) -> Option<(Quantity, usize)> {
    if let Some(found) = fraction_of_a_percent(words) {
        return Some(found);
    }
    let (value, used) = read_amount(words).or_else(|| {
        let texts: Vec<&str> = words.iter().take(8).map(|w| w.text.as_str()).collect();
        super::cyrillic_number_words::read_amount(&texts)
    })?;
    let last = words[used - 1].text.as_str();
    let ordinal = last.ends_with("th") || matches!(last, "first" | "second" | "third");
    let next = words.get(used).map(|w| w.text.as_str());
    if ordinal && value <= 21.0 && next.is_some_and(|w| w.starts_with("centur")) {
        return Some((super::numbers::century(value as i32), used + 1));
    }
    Some((Quantity::Amount(value), used))
}

/// "half a percent", "a quarter of a per cent", "half of one percent".
fn fraction_of_a_percent(words: &[Word]) -> Option<(Quantity, usize)> {
    let word = |i: usize| words.get(i).map(|w| w.text.as_str());
    let mut at = usize::from(matches!(word(0)?, "a" | "one"));
    let fraction = match word(at)? {
        "half" => 0.5,
        "quarter" => 0.25,
        _ => return None,
    };
    at += 1;
    while matches!(word(at), Some("a" | "of" | "one")) {
        at += 1;
    }
    match (word(at)?, word(at + 1)) {
        ("percent", _) => Some((Quantity::Percent(fraction), at + 1)),
        ("per", Some("cent")) => Some((Quantity::Percent(fraction), at + 2)),
        _ => None,
    }
}

/// The amount the first words say and how many words say it.
fn read_amount(words: &[Word]) -> Option<(f64, usize)> {
    let word = |i: usize| words.get(i).map(|w| w.text.as_str());
    let (mut value, mut used) = match small(word(0)?) {
        Some(n) => (n, 1),
        None if matches!(word(0)?, "a" | "one") && word(1).is_some_and(is_scale) => (1.0, 1),
        None => return None,
    };
    let compound = value >= 20.0 && value % 10.0 == 0.0;
    if let Some(unit) = word(1).and_then(unit_of_compound).filter(|_| compound) {
        value += unit;
        used += 1;
    }
    if word(used) == Some("hundred") {
        value *= 100.0;
        used += 1;
    }
    if let Some(scale) = word(used).and_then(scale) {
        value *= scale;
        used += 1;
    }
    Some((value, used))
}

/// The unit of "twenty-five" or "twenty-first": 1–9 as a cardinal or
/// ordinal word (here "one", "first", "second" and "third" are safe).
fn unit_of_compound(word: &str) -> Option<f64> {
    match word {
        "one" | "first" => Some(1.0),
        "second" => Some(2.0),
        "third" => Some(3.0),
        _ => small(word).filter(|n| *n < 10.0),
    }
}

fn is_scale(word: &str) -> bool {
    word == "hundred" || scale(word).is_some()
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// 2–99 as a cardinal or ordinal word ("sixteen", "sixteenth",
/// "twenty", "twentieth"; the unit of a compound: "five", "fifth").
fn small(word: &str) -> Option<f64> {
    const CARDINALS: [&str; 20] = [
        "",
        "",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const ORDINALS: [&str; 20] = [
        "",
        "",
        "",
        "",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const TENS: [(&str, &str, f64); 8] = [
        ("twenty", "twentieth", 20.0),
        ("thirty", "thirtieth", 30.0),
        ("forty", "fortieth", 40.0),
        ("fifty", "fiftieth", 50.0),
        ("sixty", "sixtieth", 60.0),
        ("seventy", "seventieth", 70.0),
        ("eighty", "eightieth", 80.0),
        ("ninety", "ninetieth", 90.0),
    ];
    if word.is_empty() {
        return None;
    }
    if let Some(n) = CARDINALS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    if let Some(n) = ORDINALS.iter().position(|w| *w == word) {
        return Some(n as f64);
    }
    TENS.iter()
        .find(|(cardinal, ordinal, _)| *cardinal == word || *ordinal == word)
        .map(|(_, _, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(f64, String)> {
        let chars: Vec<char> = text.chars().collect();
        number_words(&chars, &[])
            .into_iter()
            .map(|(q, span)| match q {
                Quantity::Amount(v) => (v, chars[span].iter().collect()),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn fractions_of_a_percent_and_centuries() {
        let found = |text: &str| {
            let chars: Vec<char> = text.chars().collect();
            number_words(&chars, &[])
                .into_iter()
                .map(|(q, span)| (q, chars[span].iter().collect::<String>()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("only half a percent of cases"),
            vec![(Quantity::Percent(0.5), "half a percent".to_owned())]
        );
        assert_eq!(
            found("a quarter of a per cent"),
            vec![(
                Quantity::Percent(0.25),
                "a quarter of a per cent".to_owned()
            )]
        );
        assert_eq!(found("half of the votes"), vec![]);
        assert_eq!(
            found("a nineteenth-century man"),
            vec![(Quantity::Years(1801, 1900), "nineteenth-century".to_owned())]
        );
        assert_eq!(
            found("the twenty-first century"),
            vec![(
                Quantity::Years(2001, 2100),
                "twenty-first century".to_owned()
            )]
        );
        assert_eq!(
            found("nineteen centuries"),
            vec![(Quantity::Amount(19.0), "nineteen".to_owned())]
        );
    }

    #[test]
    fn russian_and_ukrainian_words_in_a_text() {
        assert_eq!(
            amounts("ЕС принял шестнадцатый пакет санкций"),
            vec![(16.0, "шестнадцатый".into())]
        );
        assert_eq!(
            amounts("Польща прийняла півтора мільйона, тобто п’ятдесят тисяч на місяць"),
            vec![(50_000.0, "п’ятдесят тисяч".into())]
        );
    }

    #[test]
    fn cardinals_ordinals_and_compounds() {
        assert_eq!(
            amounts("its sixteenth package"),
            vec![(16.0, "sixteenth".into())]
        );
        assert_eq!(amounts("Sixteen drones"), vec![(16.0, "Sixteen".into())]);
        assert_eq!(
            amounts("forty-five thousand deaths"),
            vec![(45_000.0, "forty-five thousand".into())]
        );
        assert_eq!(
            amounts("a hundred thousand pupils"),
            vec![(100_000.0, "a hundred thousand".into())]
        );
        assert_eq!(
            amounts("one million injured"),
            vec![(1e6, "one million".into())]
        );
        assert_eq!(
            amounts("the twenty-first round"),
            vec![(21.0, "twenty-first".into())]
        );
    }

    #[test]
    fn words_that_are_rarely_numbers_are_left_alone() {
        assert!(amounts("one of the first ones, a third of them").is_empty());
        assert!(amounts("someone donated a fortune").is_empty());
    }

    #[test]
    fn other_scripts_and_taken_spans_are_left_alone() {
        // Chinese and Arabic number words are left alone (their digits
        // are read); Cyrillic ones are read by cyrillic_number_words.
        assert!(amounts("第十六轮制裁, الحزمة السادسة عشرة").is_empty());
        let text: Vec<char> = "Россия: sixteen 🚀 é́ ten".chars().collect();
        let digits_read = [Range { start: 8, end: 15 }];
        let found = number_words(&text, &digits_read);
        assert_eq!(found.len(), 1);
        let span: String = text[found[0].1.clone()].iter().collect();
        assert_eq!((found[0].0, span.as_str()), (Quantity::Amount(10.0), "ten"));
    }
}
