//! Guessing whether a claimant is an organisation from its name, so that
//! *Claimant is* starts right for "Chinese customs data", "Ministry of
//! Defence", "МИД России", "国家统计局" or "BBC" instead of *Person*. Only
//! an organisation is ever guessed: a name with none of these marks keeps
//! whatever kind the claim has, and the checker's choice always wins
//! afterwards (the guess runs only when the claimant's name changes).

use super::ClaimantKind;

/// Words naming an institution, a body of data or a collective, compared
/// whole and in lower case (Latin, Cyrillic, Arabic script).
const ORGANISATION_WORDS: &[&str] = &[
    // English
    "administration",
    "agency",
    "army",
    "association",
    "authorities",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "campaign",
    "channel",
    "club",
    "commission",
    "committee",
    "company",
    "congress",
    "corp",
    "corporation",
    "council",
    "court",
    "customs",
    "data",
    "department",
    "embassy",
    "figures",
    "forces",
    "foundation",
    "fund",
    "government",
    "group",
    "inc",
    "institute",
    "kremlin",
    "llc",
    "ltd",
    "media",
    "military",
    "ministry",
    "network",
    "news",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "pentagon",
    "police",
    "press",
    "radio",
    "senate",
    "service",
    "spokespeople",
    "statistics",
    "survey",
    "team",
    "tv",
    "union",
    "university",
    // Russian and Ukrainian
    "агентство",
    "администрация",
    "адміністрація",
    "банк",
    "ведомство",
    "комиссия",
    "комитет",
    "комітет",
    "компания",
    "компанія",
    "кремль",
    "минобороны",
    "министерство",
    "міністерство",
    "партия",
    "партія",
    "правительство",
    "рада",
    "совет",
    "служба",
    "статистика",
    "уряд",
    "штаб",
    "университет",
    "університет",
    // Arabic
    "وزارة",
    "الحكومة",
    "حكومة",
    "وكالة",
    "هيئة",
    "شركة",
    "جامعة",
    "مجلس",
    "حزب",
    "الجيش",
];

/// Parts of Chinese and Japanese names of institutions (no spaces to split
/// words on: looked for inside the name).
const ORGANISATION_PARTS: &[&str] = &[
    "政府",
    "委员会",
    "公司",
    "集团",
    "银行",
    "大学",
    "研究所",
    "研究院",
    "海关",
    "外交部",
    "国防部",
    "商务部",
    "统计局",
    "新华社",
    "通讯社",
    "办公室",
    "总署",
    "省",
    "省庁",
    "会社",
];

impl ClaimantKind {
    /// `Some(Organization)` when `name` reads as an institution's: one of
    /// its words names one, or it is an acronym (two to six capitals:
    /// "WHO", "TASS", "МИД").
    pub fn guessed_from(name: &str) -> Option<ClaimantKind> {
        let name = name.trim();
        let words = name
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty());
        let mut organisation = false;
        for word in words {
            let lower = word.to_lowercase();
            let lower = lower.trim_end_matches("'s");
            if ORGANISATION_WORDS.contains(&lower) || is_acronym(word) {
                organisation = true;
            }
        }
        organisation |= ORGANISATION_PARTS.iter().any(|part| name.contains(part));
        organisation.then_some(ClaimantKind::Organization)
    }
}

/// Capitals that name a country or a person's office, not an
/// organisation ("US President …", "Labour MP …", "Charles III").
const NOT_ORGANISATIONS: &[&str] = &[
    "US", "USA", "UK", "UAE", "РФ", "США", "MP", "MEP", "CEO", "PM", "II", "III", "IV", "VI",
];

/// Two to six letters, all capitals (digits allowed after the first).
fn is_acronym(word: &str) -> bool {
    let word = word.trim_end_matches("'s");
    if NOT_ORGANISATIONS.contains(&word) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let first_is_capital = word.chars().next().is_some_and(char::is_uppercase);
    (2..=6).contains(&word.chars().count())
        && letters >= 2
        && first_is_capital
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: Option<ClaimantKind> = Some(ClaimantKind::Organization);

    #[test]
    fn institutions_and_data_read_as_organisations() {
        for name in [
            "Chinese customs data",
            "Ministry of Defence",
            "the Kremlin",
            "Reuters news agency",
            "МИД России",
            "Министерство обороны РФ",
            "Міністерство закордонних справ України",
            "国家统计局",
            "中国海关",
            "وزارة الخارجية",
            "BBC",
            "NATO's spokespeople",
            "NATO's",
        ] {
            assert_eq!(ClaimantKind::guessed_from(name), ORG, "{name}");
        }
    }

    #[test]
    fn people_are_not_guessed() {
        for name in [
            "Volodymyr Zelenskyy",
            "Marija Zakharova",
            "Мария Захарова",
            "王毅",
            "Joe Biden",
            "Ai Weiwei",
            "O'Brien",
            "US President Joe Biden",
            "Labour MP Diane Abbott",
            "King Charles III",
            "محمد بن سلمان",
            "",
        ] {
            assert_eq!(ClaimantKind::guessed_from(name), None, "{name}");
        }
    }
}
