//! List and page numbers written as documents write them: lower-case
//! Roman numerals ("xiv") and letters ("a", … "z", "aa", "bb", …), as
//! Word numbering formats and PDF page labels both count.

/// `n` in lower-case Roman numerals; 0 and numbers beyond 100,000 (no
/// document counts so far) in digits.
pub fn roman(mut n: usize) -> String {
    if n == 0 || n > 100_000 {
        return n.to_string();
    }
    const TABLE: [(usize, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The `n`th letter label counting from 1: a … z, then aa … zz, aaa …
/// (up to 2,600; smaller numbers count as 1).
pub fn letters(n: usize) -> String {
    let n = n.clamp(1, 2600) - 1;
    let letter = char::from(b'a' + (n % 26) as u8);
    std::iter::repeat_n(letter, n / 26 + 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_and_letters_count_as_documents_do() {
        assert_eq!(roman(14), "xiv");
        assert_eq!(roman(1994), "mcmxciv");
        assert_eq!(roman(0), "0");
        assert_eq!(roman(200_000), "200000");
        assert_eq!(letters(1), "a");
        assert_eq!(letters(26), "z");
        assert_eq!(letters(28), "bb");
        assert_eq!(letters(0), "a");
    }
}
