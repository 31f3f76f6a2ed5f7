//! Numbers as they are written, in whichever digits: "2,450", "7,5 %",
//! "1 500 000", "3.75", the Arabic "٢٤٤٫٨" (Arabic-Indic digits with the
//! Arabic decimal separator U+066B), the Persian "۱۲٫۵٪" (Extended
//! Arabic-Indic digits and the Arabic percent sign U+066A), "١٬٥٠٠"
//! (the Arabic thousands separator U+066C). One reader for every place
//! that compares numbers: the claim library's quantities and the figures
//! *Compare versions* names.
//!
//! A number is made of digits of one script. A separator followed by a
//! group of exactly three digits is a thousands separator when it is `'`
//! or `٬`; `,` unless earlier groups were cut by `.`; `.` when another
//! group follows ("1.234.567", "1.234,5") or came before; a space in a
//! number grouped so far or of at most three digits ("1 500 000", not
//! "2024 245"). Otherwise `.`, `,` or `٫` is its one decimal separator
//! ("1,234.5", "244.8", "٢٤٤٫٨").

use std::ops::Range;

/// The char of digit zero of each script whose ten decimal digits follow
/// it in order: ASCII, Arabic-Indic, Extended Arabic-Indic (Persian and
/// Urdu), N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil,
/// Telugu, Kannada, Malayalam, Thai, Lao, Tibetan, Myanmar, Khmer,
/// Mongolian and the full-width forms.
const ZEROS: [char; 20] = [
    '0', '\u{0660}', '\u{06F0}', '\u{07C0}', '\u{0966}', '\u{09E6}', '\u{0A66}', '\u{0AE6}',
    '\u{0B66}', '\u{0BE6}', '\u{0C66}', '\u{0CE6}', '\u{0D66}', '\u{0E50}', '\u{0ED0}', '\u{0F20}',
    '\u{1040}', '\u{17E0}', '\u{1810}', '\u{FF10}',
];

/// The Arabic decimal separator.
pub const ARABIC_DECIMAL_SEPARATOR: char = '\u{066B}';
/// The Arabic thousands separator.
pub const ARABIC_THOUSANDS_SEPARATOR: char = '\u{066C}';

/// The value of `c` as a decimal digit of any script above, with the zero
/// of its script (so that a number keeps to one script).
fn digit_and_zero(c: char) -> Option<(u32, char)> {
    ZEROS.iter().find_map(|&zero| {
        let value = (c as u32).checked_sub(zero as u32)?;
        (value < 10).then_some((value, zero))
    })
}

/// Whether `c` is a decimal digit: `0`–`9`, `٠`–`٩`, `۰`–`۹` and the
/// digits of the other scripts above.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (c as u32 >= 0x0660 && digit_and_zero(c).is_some())
}

/// Whether `c` is a percent sign: `%`, the Arabic `٪`, the small and
/// full-width forms.
pub fn is_percent_sign(c: char) -> bool {
    matches!(c, '%' | '\u{066A}' | '\u{FE6A}' | '\u{FF05}')
}

/// The spaces that may stand between a number's groups of digits, or
/// between a number and its percent sign.
fn is_number_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// One number as written.
#[derive(Clone, Debug, PartialEq)]
pub struct WrittenNumber {
    /// The chars of its digits and separators (char offsets).
    pub digits: Range<usize>,
    /// Its value, separators read.
    pub value: f64,
    /// Written with neither a decimal part nor a thousands separator (so
    /// it may be a year).
    pub plain_integer: bool,
    /// The percent sign right after it, or after one space, when there is
    /// one: the chars from the end of the digits to the end of the sign.
    pub percent: Option<Range<usize>>,
}

impl WrittenNumber {
    /// The chars of the number with its percent sign, if any.
    pub fn chars(&self) -> Range<usize> {
        let end = self.percent.as_ref().map_or(self.digits.end, |p| p.end);
        self.digits.start..end
    }
}

/// The number whose first digit is `chars[start]`, read as far as it
/// goes; `None` when `chars[start]` is not a digit.
pub fn read_number(chars: &[char], start: usize) -> Option<WrittenNumber> {
    let (_, zero) = digit_and_zero(*chars.get(start)?)?;
    let run = |at: usize| digit_run(chars, at, zero);
    let mut integer = String::new();
    let mut fraction = String::new();
    let mut grouped_by: Option<char> = None;
    let mut at = take_digits(chars, start, run(start), &mut integer);
    while let Some(&separator) = chars.get(at) {
        let group_len = run(at + 1);
        if group_len == 0 {
            break;
        }
        let after_group = at + 1 + group_len;
        let thousands = group_len == 3
            && match separator {
                ',' => grouped_by != Some('.'),
                '\'' | ARABIC_THOUSANDS_SEPARATOR => true,
                '.' => {
                    let next_group = matches!(chars.get(after_group), Some('.' | ','))
                        && run(after_group + 1) > 0;
                    next_group || grouped_by == Some('.')
                }
                _ if is_number_space(separator) => grouped_by.is_some() || integer.len() <= 3,
                _ => false,
            };
        let decimal = matches!(separator, ',' | '.' | ARABIC_DECIMAL_SEPARATOR);
        if thousands {
            grouped_by = Some(separator);
            at = take_digits(chars, at + 1, group_len, &mut integer);
        } else if decimal && fraction.is_empty() {
            at = take_digits(chars, at + 1, group_len, &mut fraction);
            break;
        } else {
            break;
        }
    }
    let spelled = if fraction.is_empty() {
        integer
    } else {
        format!("{integer}.{fraction}")
    };
    Some(WrittenNumber {
        digits: start..at,
        value: spelled.parse::<f64>().unwrap_or(0.0),
        plain_integer: grouped_by.is_none() && fraction.is_empty(),
        percent: percent_sign_after(chars, at).map(|end| at..end),
    })
}

/// The end of a percent sign at `at`, or after one space at `at`.
fn percent_sign_after(chars: &[char], at: usize) -> Option<usize> {
    let sign_at = if chars.get(at).is_some_and(|c| is_number_space(*c)) {
        at + 1
    } else {
        at
    };
    chars
        .get(sign_at)
        .is_some_and(|c| is_percent_sign(*c))
        .then_some(sign_at + 1)
}

/// How many digits of the script of `zero` start at `at`.
fn digit_run(chars: &[char], at: usize, zero: char) -> usize {
    chars[at.min(chars.len())..]
        .iter()
        .take_while(|c| digit_and_zero(**c).is_some_and(|(_, z)| z == zero))
        .count()
}

/// Appends the `len` digits at `at` to `into` as ASCII digits; returns
/// the offset after them.
fn take_digits(chars: &[char], at: usize, len: usize, into: &mut String) -> usize {
    for &c in &chars[at..at + len] {
        let (value, _) = digit_and_zero(c).unwrap_or((0, '0'));
        into.push(char::from_digit(value, 10).unwrap_or('0'));
    }
    at + len
}

/// Every number of `text`, in order: each starts at a digit that does not
/// continue a number read before it.
pub fn written_numbers(text: &str) -> Vec<WrittenNumber> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        match read_number(&chars, at) {
            Some(number) => {
                at = number.digits.end;
                found.push(number);
            }
            None => at += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (f64, bool, Option<String>, String) {
        let chars: Vec<char> = text.chars().collect();
        let number = read_number(&chars, 0).unwrap();
        let spelled: String = chars[number.chars()].iter().collect();
        let percent = number.percent.map(|p| chars[p].iter().collect::<String>());
        (number.value, number.plain_integer, percent, spelled)
    }

    #[test]
    fn every_script_listed_has_ten_digits_in_order() {
        for zero in ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero as u32 + value).unwrap();
                assert!(c.is_numeric(), "{c:?}");
                assert!(is_digit(c), "{c:?}");
                assert_eq!(digit_and_zero(c), Some((value, zero)));
            }
        }
        for c in ['a', 'ا', 'א', '٫', '½', '²', '一', ' '] {
            assert!(!is_digit(c), "{c:?}");
        }
    }

    #[test]
    fn latin_digits_with_their_separators() {
        assert_eq!(read("2,450 people"), (2450.0, false, None, "2,450".into()));
        assert_eq!(read("244.8 euros"), (244.8, false, None, "244.8".into()));
        assert_eq!(
            read("1.234.567"),
            (1_234_567.0, false, None, "1.234.567".into())
        );
        assert_eq!(
            read("1 500 000"),
            (1_500_000.0, false, None, "1 500 000".into())
        );
        assert_eq!(read("1.234,5"), (1234.5, false, None, "1.234,5".into()));
        assert_eq!(
            read("1,234.567"),
            (1234.567, false, None, "1,234.567".into())
        );
        assert_eq!(read("2.450"), (2.45, false, None, "2.450".into()));
        assert_eq!(read("2024 245"), (2024.0, true, None, "2024".into()));
        assert_eq!(
            read("7,5\u{a0}% cette"),
            (7.5, false, Some("\u{a0}%".into()), "7,5\u{a0}%".into())
        );
        assert_eq!(
            read("12% за год"),
            (12.0, true, Some("%".into()), "12%".into())
        );
    }

    #[test]
    fn arabic_indic_and_persian_digits_with_the_arabic_separators() {
        assert_eq!(read("٢٤٥ مليار"), (245.0, true, None, "٢٤٥".into()));
        assert_eq!(read("٢٤٤٫٨ مليار"), (244.8, false, None, "٢٤٤٫٨".into()));
        assert_eq!(read("١٬٥٠٠ شخص"), (1500.0, false, None, "١٬٥٠٠".into()));
        assert_eq!(
            read("۱۲٫۵٪"),
            (12.5, false, Some("٪".into()), "۱۲٫۵٪".into())
        );
        assert_eq!(read("٢٠٢٤"), (2024.0, true, None, "٢٠٢٤".into()));
        assert_eq!(read("٥ ٪"), (5.0, true, Some(" ٪".into()), "٥ ٪".into()));
    }

    #[test]
    fn a_number_keeps_to_the_digits_of_one_script() {
        let numbers = written_numbers("٢٤5 and ۱۲٣");
        let spelled: Vec<Range<usize>> = numbers.iter().map(WrittenNumber::chars).collect();
        assert_eq!(spelled, vec![0..2, 2..3, 8..10, 10..11]);
    }

    #[test]
    fn numbers_are_found_in_order_in_mixed_text() {
        let text = "عدد 123 مرحبا، ارتفع بنسبة ۱۲٫۵٪ عام ٢٠٢٤ 👋 в 2019 году, 会谈2450亿";
        let values: Vec<f64> = written_numbers(text).iter().map(|n| n.value).collect();
        assert_eq!(values, vec![123.0, 12.5, 2024.0, 2019.0, 2450.0]);
        assert!(written_numbers("e\u{301} ½ ² — no digits").is_empty());
    }
}
