//! Every country the hand-written actors ([`super::actors`]) leave out,
//! as an actor: its name in English, Russian, Ukrainian and Chinese and
//! its English demonym, from `countries.tsv` (generated from CLDR and the
//! `countryinfo` data by `scripts/build_countries.py`). "Farmers in
//! Denmark" and "Danish farmers" then name the same actor, and "farmers
//! in the Netherlands" another.
//!
//! Latin and Cyrillic names match only as written with their capital
//! ("Turkey", not "turkey"; "Того", never the Russian word "того"):
//! English names and demonyms as whole words, Russian and Ukrainian ones
//! by their stem (the name without its case ending, at least four
//! letters) so "Дании" is "Дания". Chinese names match as substrings.

/// The countries' columns, one per line after a `#` header.
const TABLE: &str = include_str!("countries.tsv");

/// Countries the hand-written list already knows (with their Russian and
/// Ukrainian stems and leaders), and names that are also common words or
/// people ("Chad", "Jordan", "Georgia" the US state).
const LEFT_OUT: &[&str] = &[
    "ru", "cn", "ua", "us", "de", "fr", "gb", "in", "jp", "tr", "pl", "by", "kp", "kr", "eg", "sa",
    "hu", "rs", "au", "td", "jo", "ge", "je", "gn", "tg",
];

/// Each country's id (its ISO 3166 code) and spellings as search
/// patterns, `(kind, pattern)` as in [`super::actors`]: 0 a Chinese
/// substring, 2 a pattern in the text's words as written.
pub fn countries() -> Vec<(&'static str, Vec<(usize, String)>)> {
    TABLE
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let cells: Vec<&'static str> = line.split('\t').collect();
            let [id, english, demonym, russian, ukrainian, chinese] = cells[..] else {
                return None;
            };
            (!LEFT_OUT.contains(&id)).then(|| {
                let mut spellings = Vec::new();
                for name in [english, demonym].into_iter().flat_map(short_forms) {
                    spellings.push((2, format!(" {} ", super_spaced(name))));
                }
                for name in [russian, ukrainian].into_iter().flat_map(short_forms) {
                    spellings.push((2, cyrillic_pattern(name)));
                }
                spellings.extend(
                    short_forms(chinese)
                        .filter(|n| is_safe_han(n))
                        .map(|n| (0, n.to_owned())),
                );
                (id, spellings)
            })
        })
        .collect()
}

/// A name and, when it has a qualifier ("Congo - Kinshasa", "刚果（金）"),
/// the name before it; nothing for an empty cell.
fn short_forms(name: &'static str) -> impl Iterator<Item = &'static str> {
    let short = name
        .split([' ', '（', '('])
        .next()
        .filter(|_| name.contains(" - ") || name.contains(" – ") || name.contains('（'));
    let short = short.map(|s| s.trim_end_matches([' ', '-', '–']));
    [Some(name), short].into_iter().flatten().filter(|n| {
        !n.trim().is_empty() && !n.contains(" - ") && !n.contains(" – ") && !n.contains('（')
    })
}

/// A name as the actors' word matching sees text: words joined by one
/// space, other chars dropped ("Bosnia & Herzegovina" → "Bosnia Herzegovina").
fn super_spaced(name: &str) -> String {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Russian or Ukrainian name's pattern: one word by its stem (the name
/// without a final vowel or soft sign when at least four letters stay),
/// several words as written.
fn cyrillic_pattern(name: &str) -> String {
    let name = super_spaced(name);
    if name.contains(' ') {
        return format!(" {name} ");
    }
    let chars: Vec<char> = name.chars().collect();
    let ends_in_ending = chars.last().is_some_and(|c| "аяыиіоеьйу".contains(*c));
    if ends_in_ending && chars.len() > 4 {
        format!(" {}", chars[..chars.len() - 1].iter().collect::<String>())
    } else {
        format!(" {name} ")
    }
}

/// Whether a Chinese name is safe to look for as a substring: at least
/// two characters, and not a two-character one that starts a common
/// phrase ("中非" is also "China–Africa").
fn is_safe_han(name: &str) -> bool {
    let count = name.chars().count();
    count >= 2 && !(count == 2 && name.starts_with('中')) && name.chars().all(crate::text::is_han)
}

#[cfg(test)]
mod tests {
    use crate::library::actors::actors_in;

    #[test]
    fn a_country_in_four_languages_and_its_demonym_is_one_actor() {
        let denmark = actors_in("Farmers in Denmark must grow flowers");
        assert_eq!(denmark, vec!["dk"]);
        assert_eq!(actors_in("Danish farmers must grow flowers"), denmark);
        assert_eq!(actors_in("Фермеры Дании обязаны"), denmark);
        assert_eq!(actors_in("Фермери Данії мають"), denmark);
        assert_eq!(actors_in("丹麦农民必须种花"), denmark);
        assert_eq!(actors_in("Farmers in the Netherlands"), vec!["nl"]);
        assert_eq!(actors_in("Dutch farmers"), vec!["nl"]);
    }

    #[test]
    fn common_words_and_the_hand_written_actors_stay_as_they_were() {
        assert_eq!(actors_in("a hanging chad"), Vec::<&str>::new());
        assert_eq!(actors_in("того же года"), Vec::<&str>::new());
        assert_eq!(actors_in("Michael Jordan scored"), Vec::<&str>::new());
        assert_eq!(actors_in("Russia and China"), vec!["russia", "china"]);
        assert_eq!(actors_in("along the Congo river"), vec!["cd", "cg"]);
    }
}
