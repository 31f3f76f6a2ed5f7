//! Russian and Ukrainian numbers written as words, in all their case
//! forms: "шестнадцатый пакет" and "шістнадцятого пакета" are 16 like
//! "16-й", "сорок пять тысяч" 45,000, "двухсот сорока" 240, "п'ятдесят"
//! 50. As in English ([`super::number_words`]), "one" ("один", "одна",
//! "один") and the ordinals first to third ("первый", "второй",
//! "третий", which say "the first time" as often as a count) count only
//! inside a compound or before a scale word; "семью" (also "family") is
//! left out.

/// A number word's value and whether it is a unit (1–9), a teen or ten
/// (10–19), a ten (20–90) or a hundred (100–900): the slots of a
/// compound, which must come in that order, largest first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Unit,
    Teen,
    Ten,
    Hundred,
}

/// Cardinal forms, Russian then Ukrainian, with their value.
const CARDINALS: &[(f64, &[&str])] = &[
    (
        2.0,
        &[
            "два",
            "две",
            "двух",
            "двум",
            "двумя",
            "дві",
            "двох",
            "двом",
            "двома",
        ],
    ),
    (
        3.0,
        &[
            "три",
            "трёх",
            "трех",
            "трём",
            "трем",
            "тремя",
            "трьох",
            "трьом",
            "трьома",
        ],
    ),
    (
        4.0,
        &[
            "четыре",
            "четырёх",
            "четырех",
            "четырём",
            "четырем",
            "четырьмя",
            "чотири",
            "чотирьох",
            "чотирьом",
            "чотирма",
        ],
    ),
    (
        5.0,
        &[
            "пять",
            "пяти",
            "пятью",
            "п'ять",
            "п'яти",
            "п'ятьох",
            "п'ятьма",
        ],
    ),
    (
        6.0,
        &["шесть", "шести", "шестью", "шість", "шістьох", "шістьма"],
    ),
    (7.0, &["семь", "семи", "сім", "сімох", "сьома"]),
    (
        8.0,
        &[
            "восемь",
            "восьми",
            "восемью",
            "вісім",
            "вісьмох",
            "вісьмома",
        ],
    ),
    (
        9.0,
        &[
            "девять",
            "девяти",
            "девятью",
            "дев'ять",
            "дев'яти",
            "дев'ятьох",
        ],
    ),
    (10.0, &["десять", "десяти", "десятью", "десятьох"]),
    (40.0, &["сорок", "сорока"]),
    (
        90.0,
        &["девяносто", "девяноста", "дев'яносто", "дев'яноста"],
    ),
    (100.0, &["сто", "ста"]),
    (
        200.0,
        &["двести", "двухсот", "двумстам", "двісті", "двохсот"],
    ),
    (300.0, &["триста", "трёхсот", "трехсот", "трьохсот"]),
    (
        400.0,
        &[
            "четыреста",
            "четырёхсот",
            "четырехсот",
            "чотириста",
            "чотирьохсот",
        ],
    ),
];

/// Cardinals of 11–19, 20, 30 and 50–80 and 500–900: a stem whose
/// forms add "ь"/"и"/"ью" (Russian) or "ь"/"и"/"ьох" (Ukrainian).
const SOFT_CARDINALS: &[(f64, &[&str])] = &[
    (11.0, &["одиннадцат", "одинадцят"]),
    (12.0, &["двенадцат", "дванадцят"]),
    (13.0, &["тринадцат", "тринадцят"]),
    (14.0, &["четырнадцат", "чотирнадцят"]),
    (15.0, &["пятнадцат", "п'ятнадцят"]),
    (16.0, &["шестнадцат", "шістнадцят"]),
    (17.0, &["семнадцат", "сімнадцят"]),
    (18.0, &["восемнадцат", "вісімнадцят"]),
    (19.0, &["девятнадцат", "дев'ятнадцят"]),
    (20.0, &["двадцат", "двадцят"]),
    (30.0, &["тридцат", "тридцят"]),
];

/// Cardinals of 50–80 and 500–900, every form written out.
const COMPOUND_CARDINALS: &[(f64, &[&str])] = &[
    (
        50.0,
        &[
            "пятьдесят",
            "пятидесяти",
            "пятьюдесятью",
            "п'ятдесят",
            "п'ятдесяти",
        ],
    ),
    (
        60.0,
        &[
            "шестьдесят",
            "шестидесяти",
            "шестьюдесятью",
            "шістдесят",
            "шістдесяти",
        ],
    ),
    (
        70.0,
        &[
            "семьдесят",
            "семидесяти",
            "семьюдесятью",
            "сімдесят",
            "сімдесяти",
        ],
    ),
    (
        80.0,
        &[
            "восемьдесят",
            "восьмидесяти",
            "восемьюдесятью",
            "вісімдесят",
            "вісімдесяти",
        ],
    ),
    (500.0, &["пятьсот", "пятисот", "п'ятсот", "п'ятисот"]),
    (600.0, &["шестьсот", "шестисот", "шістсот", "шестисот"]),
    (700.0, &["семьсот", "семисот", "сімсот", "семисот"]),
    (800.0, &["восемьсот", "восьмисот", "вісімсот", "восьмисот"]),
    (
        900.0,
        &["девятьсот", "девятисот", "дев'ятсот", "дев'ятисот"],
    ),
];

/// "One", counted only inside a compound or before a scale word.
const ONE: &[&str] = &[
    "один",
    "одна",
    "одно",
    "одного",
    "одной",
    "одному",
    "одним",
    "одну",
    "одне",
    "однієї",
    "одній",
];

/// Ordinal stems (adjectival endings follow), Russian then Ukrainian,
/// besides those of 11–30, which are the soft cardinals' stems
/// ("двадцат-ый"). "First" to "third" are left to compounds
/// ([`ORDINALS_IN_COMPOUNDS`]).
const ORDINALS: &[(f64, &[&str])] = &[
    (4.0, &["четвёрт", "четверт"]),
    (5.0, &["пят", "п'ят"]),
    (6.0, &["шест", "шост"]),
    (7.0, &["седьм", "сьом"]),
    (8.0, &["восьм"]),
    (9.0, &["девят", "дев'ят"]),
    (10.0, &["десят"]),
    (40.0, &["сороков"]),
    (50.0, &["пятидесят", "п'ятдесят"]),
    (60.0, &["шестидесят", "шістдесят"]),
    (70.0, &["семидесят", "сімдесят"]),
    (80.0, &["восьмидесят", "вісімдесят"]),
    (90.0, &["девяност", "дев'яност"]),
    (100.0, &["сот"]),
];

/// "First" to "third": only after a ten ("двадцать первый").
const ORDINALS_IN_COMPOUNDS: &[(f64, &[&str])] =
    &[(1.0, &["перв"]), (2.0, &["втор", "друг"]), (3.0, &["трет"])];

/// Adjectival endings of ordinals in both languages.
const ORDINAL_ENDINGS: &[&str] = &[
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им",
    "ом", "ем", "ую", "юю", "ых", "их", "ыми", "ими", "ої", "ій", "ьего", "ьему", "ьей", "ья",
    "ье", "ьи", "ьим", "ьих",
];

/// The short Ukrainian endings ("п'ята", "шосте", "сьому"), which after
/// a Russian stem make other words ("пята" a heel, "шеста" a pole's).
const SHORT_ENDINGS: &[&str] = &["а", "е", "є", "і", "у", "ю", "я"];
/// Russian ordinal stems that take no short ending.
const RUSSIAN_STEMS_OF_NOUNS: &[&str] = &["пят", "шест", "сот"];

/// Endings of the soft cardinals ("двадцать", "двадцати", "двадцатью";
/// "двадцять", "двадцяти", "двадцятьох").
const SOFT_ENDINGS: &[&str] = &["ь", "и", "ью", "ьох", "ьма", "ьом"];

/// Scale words after a number ("тысяч", "мільйонів"); digits before them
/// are read by [`super::numbers`].
fn scale(word: &str) -> Option<f64> {
    const SCALES: [(f64, &[&str]); 4] = [
        (1e3, &["тысяч", "тисяч"]),
        (1e6, &["миллион", "мільйон"]),
        (1e9, &["миллиард", "мільярд"]),
        (1e12, &["триллион", "трильйон"]),
    ];
    SCALES
        .iter()
        .find(|(_, stems)| stems.iter().any(|stem| word.starts_with(stem)))
        .map(|(value, _)| *value)
}

/// The slot a value fills in a compound.
fn slot_of(value: f64) -> Slot {
    match value {
        v if v < 10.0 => Slot::Unit,
        v if v < 20.0 => Slot::Teen,
        v if v < 100.0 => Slot::Ten,
        _ => Slot::Hundred,
    }
}

/// The value of one cardinal word, if it is one.
fn cardinal(word: &str) -> Option<f64> {
    let listed = |table: &[(f64, &[&str])]| {
        table
            .iter()
            .find(|(_, forms)| forms.contains(&word))
            .map(|(v, _)| *v)
    };
    listed(CARDINALS)
        .or_else(|| listed(COMPOUND_CARDINALS))
        .or_else(|| {
            SOFT_CARDINALS
                .iter()
                .find(|(_, stems)| {
                    stems.iter().any(|stem| {
                        word.strip_prefix(stem)
                            .is_some_and(|end| SOFT_ENDINGS.contains(&end))
                    })
                })
                .map(|(v, _)| *v)
        })
}

/// The value of one ordinal word from `table`, if it is one.
fn ordinal(word: &str, table: &[(f64, &[&str])]) -> Option<f64> {
    table
        .iter()
        .filter(|(_, stems)| {
            stems.iter().any(|stem| {
                word.strip_prefix(stem).is_some_and(|end| {
                    ORDINAL_ENDINGS.contains(&end)
                        || (SHORT_ENDINGS.contains(&end) && !RUSSIAN_STEMS_OF_NOUNS.contains(stem))
                })
            })
        })
        // "шестнадцатый" also starts with "шест": the longest stem wins.
        .max_by_key(|(_, stems)| {
            stems
                .iter()
                .filter(|s| word.starts_with(**s))
                .map(|s| s.chars().count())
                .max()
        })
        .map(|(v, _)| *v)
}

/// The amount the first words (lowercased) say and how many say it:
/// hundreds, tens and units in that order, the last of them a cardinal
/// or an ordinal, then a scale word.
pub fn read_amount(words: &[&str]) -> Option<(f64, usize)> {
    let cyrillic = |c: char| matches!(c, '\u{0400}'..='\u{04FF}');
    if !words.first()?.starts_with(cyrillic) {
        return None;
    }
    let mut value = 0.0;
    let mut used = 0;
    let mut last_slot: Option<Slot> = None;
    let mut ended_by_ordinal = false;
    while let Some(word) = words.get(used) {
        let in_compound = used > 0;
        let found = cardinal(word)
            .map(|v| (v, false))
            .or_else(|| ONE.contains(word).then_some((1.0, false)))
            .or_else(|| ordinal(word, ORDINALS).map(|v| (v, true)))
            .or_else(|| ordinal(word, SOFT_CARDINALS).map(|v| (v, true)))
            .or_else(|| {
                ordinal(word, ORDINALS_IN_COMPOUNDS)
                    .filter(|_| in_compound)
                    .map(|v| (v, true))
            });
        let Some((v, is_ordinal)) = found else { break };
        let slot = slot_of(v);
        let fits = last_slot.is_none_or(|last| slot < last && last != Slot::Teen);
        if !fits {
            break;
        }
        value += v;
        used += 1;
        last_slot = Some(slot);
        if is_ordinal {
            ended_by_ordinal = true;
            break;
        }
    }
    if used == 0 {
        return None;
    }
    let scaled = (!ended_by_ordinal)
        .then(|| words.get(used).and_then(|w| scale(w)))
        .flatten();
    let lone_one = used == 1 && ONE.contains(&words[0]);
    match scaled {
        Some(scale) => Some((value * scale, used + 1)),
        None if lone_one => None,
        None => Some((value, used)),
    }
}

#[cfg(test)]
mod tests {
    use super::read_amount;

    fn read(text: &str) -> Option<(f64, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        read_amount(&words)
    }

    #[test]
    fn russian_cardinals_and_ordinals_in_their_cases() {
        assert_eq!(read("шестнадцатый пакет"), Some((16.0, 1)));
        assert_eq!(read("шестнадцатого пакета"), Some((16.0, 1)));
        assert_eq!(read("шестой пакет"), Some((6.0, 1)));
        assert_eq!(read("сорок пять тысяч беженцев"), Some((45_000.0, 3)));
        assert_eq!(read("двухсот сорока пяти миллиардов"), Some((245e9, 4)));
        assert_eq!(read("двадцать первый век"), Some((21.0, 2)));
        assert_eq!(read("девяносто процентов"), Some((90.0, 1)));
        assert_eq!(read("одна тысяча"), Some((1000.0, 2)));
        assert_eq!(read("двадцати"), Some((20.0, 1)));
    }

    #[test]
    fn ukrainian_cardinals_and_ordinals_with_apostrophes() {
        assert_eq!(read("шістнадцятий пакет"), Some((16.0, 1)));
        assert_eq!(read("п'ятдесят тисяч"), Some((50_000.0, 2)));
        assert_eq!(read("дев'ятнадцять"), Some((19.0, 1)));
        assert_eq!(read("сорок мільйонів тонн"), Some((40e6, 2)));
        assert_eq!(read("шостого пакета"), Some((6.0, 1)));
        assert_eq!(read("п'ята річниця"), Some((5.0, 1)));
    }

    #[test]
    fn words_that_only_look_like_numbers_are_left_alone() {
        for text in [
            "один из них",
            "первый раз",
            "второй раунд",
            "семью",
            "пятно",
            "стол",
            "третий",
            "друга",
            "сотня",
            "шестерня",
            "пята",
            "шеста",
            "сота",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
        // A ten after a unit is two numbers, not one.
        assert_eq!(read("пять двадцать"), Some((5.0, 1)));
    }
}
