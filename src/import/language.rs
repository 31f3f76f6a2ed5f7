//! Guessing an article's language (whatlang) as a BCP 47 tag, telling
//! Simplified from Traditional Chinese by the characters used; writing the
//! tags pages declare in canonical form (`de-de` → `de-DE`, `en_US` →
//! `en-US`, `EN` → `en`, `deu` → `de`); and choosing the text's language
//! when the declaration says another.

use whatlang::Lang;

/// Characters written differently in Simplified and Traditional Chinese,
/// common in news text: (simplified, traditional).
const HAN_PAIRS: &[(char, char)] = &[
    ('国', '國'),
    ('说', '說'),
    ('这', '這'),
    ('们', '們'),
    ('为', '為'),
    ('时', '時'),
    ('会', '會'),
    ('发', '發'),
    ('来', '來'),
    ('对', '對'),
    ('个', '個'),
    ('经', '經'),
    ('过', '過'),
    ('后', '後'),
    ('还', '還'),
    ('进', '進'),
    ('关', '關'),
    ('问', '問'),
    ('题', '題'),
    ('与', '與'),
    ('战', '戰'),
    ('将', '將'),
    ('访', '訪'),
    ('罗', '羅'),
    ('总', '總'),
    ('统', '統'),
    ('议', '議'),
    ('华', '華'),
    ('东', '東'),
    ('长', '長'),
    ('门', '門'),
    ('动', '動'),
    ('开', '開'),
    ('业', '業'),
    ('报', '報'),
    ('间', '間'),
    ('现', '現'),
    ('区', '區'),
    ('边', '邊'),
    ('应', '應'),
    ('军', '軍'),
];

/// The language of `text` as a BCP 47 tag (`"en"`, `"ru"`, `"uk"`,
/// `"zh-Hans"`, `"zh-Hant"`, `"ja"`…), or `None` when unsure.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(20_000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(match info.lang() {
        Lang::Cmn => chinese_script(&sample).to_owned(),
        lang => bcp47(lang),
    })
}

/// Least text (in chars) whose detected language may overrule a
/// declaration: shorter texts are guessed less surely.
const OVERRULING_CHARS: usize = 200;

/// The article's language: the declared one in canonical form, unless the
/// text is surely in another language (then the text's); the text's when
/// nothing (valid) is declared.
pub fn choose_language(declared: &str, text: &str) -> Option<String> {
    let declared = canonical_tag(declared);
    let Some(declared) = declared else {
        return detect_language(text);
    };
    if text.chars().nth(OVERRULING_CHARS).is_none() {
        return Some(declared);
    }
    let sample: String = text.chars().take(20_000).collect();
    let Some(info) = whatlang::detect(&sample).filter(|i| i.is_reliable()) else {
        return Some(declared);
    };
    let detected = match info.lang() {
        Lang::Cmn => chinese_script(&sample).to_owned(),
        lang => bcp47(lang),
    };
    if primary(&detected) == primary(&declared) || related(primary(&detected), primary(&declared)) {
        Some(declared)
    } else {
        Some(detected)
    }
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Languages whatlang confuses with each other, where the declaration is
/// likelier right: Norwegian Bokmål/Nynorsk/Danish, Serbian/Croatian/Bosnian,
/// Malay/Indonesian.
fn related(a: &str, b: &str) -> bool {
    const GROUPS: &[&[&str]] = &[
        &["no", "nb", "nn", "da"],
        &["sr", "hr", "bs"],
        &["ms", "id"],
    ];
    GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// A language tag as BCP 47 writes it: primary language in lower case
/// (ISO 639-1 where one exists), script in title case, region in upper
/// case, `_` as `-`. `None` for what is not a tag.
pub fn canonical_tag(tag: &str) -> Option<String> {
    let tag = tag.trim();
    let mut parts = tag.split(['-', '_']).filter(|p| !p.is_empty());
    let language = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let mut out = two_letter(&language).unwrap_or(&language).to_owned();
    for part in parts {
        if !part.bytes().all(|b| b.is_ascii_alphanumeric()) || part.len() > 8 {
            return None;
        }
        out.push('-');
        match part.len() {
            4 if part.bytes().all(|b| b.is_ascii_alphabetic()) => {
                out.push_str(&part[..1].to_ascii_uppercase());
                out.push_str(&part[1..].to_ascii_lowercase());
            }
            2 | 3 => out.push_str(&part.to_ascii_uppercase()),
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

/// ISO 639-2/3 codes and their ISO 639-1 equivalents.
const ISO_639_1: &[(&str, &str)] = &[
    ("eng", "en"),
    ("deu", "de"),
    ("ger", "de"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("spa", "es"),
    ("por", "pt"),
    ("ita", "it"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("bel", "be"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("slk", "sk"),
    ("slo", "sk"),
    ("jpn", "ja"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("cmn", "zh"),
    ("kor", "ko"),
    ("ara", "ar"),
    ("arb", "ar"),
    ("heb", "he"),
    ("tur", "tr"),
    ("ell", "el"),
    ("gre", "el"),
    ("hun", "hu"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("bul", "bg"),
    ("srp", "sr"),
    ("hrv", "hr"),
    ("bos", "bs"),
    ("slv", "sl"),
    ("mkd", "mk"),
    ("mac", "mk"),
    ("swe", "sv"),
    ("dan", "da"),
    ("nor", "no"),
    ("nob", "nb"),
    ("nno", "nn"),
    ("fin", "fi"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("fas", "fa"),
    ("per", "fa"),
    ("pes", "fa"),
    ("hin", "hi"),
    ("urd", "ur"),
    ("ben", "bn"),
    ("vie", "vi"),
    ("tha", "th"),
    ("ind", "id"),
    ("msa", "ms"),
    ("may", "ms"),
    ("zsm", "ms"),
    ("cat", "ca"),
    ("eus", "eu"),
    ("baq", "eu"),
    ("glg", "gl"),
    ("kat", "ka"),
    ("geo", "ka"),
    ("sqi", "sq"),
    ("alb", "sq"),
    ("hye", "hy"),
    ("arm", "hy"),
    ("aze", "az"),
    ("azj", "az"),
    ("kaz", "kk"),
    ("uzb", "uz"),
    ("uzn", "uz"),
    ("tam", "ta"),
    ("tel", "te"),
    ("mar", "mr"),
    ("guj", "gu"),
    ("pan", "pa"),
    ("kan", "kn"),
    ("mal", "ml"),
    ("sin", "si"),
    ("nep", "ne"),
    ("npi", "ne"),
    ("afr", "af"),
    ("swa", "sw"),
    ("swh", "sw"),
    ("tgl", "tl"),
    ("lat", "la"),
    ("epo", "eo"),
    ("cym", "cy"),
    ("wel", "cy"),
    ("gle", "ga"),
    ("isl", "is"),
    ("ice", "is"),
    ("mlt", "mt"),
    ("ltz", "lb"),
    ("yid", "yi"),
    ("amh", "am"),
    ("som", "so"),
    ("zul", "zu"),
    ("xho", "xh"),
    ("yor", "yo"),
    ("ibo", "ig"),
    ("hau", "ha"),
    ("khm", "km"),
    ("lao", "lo"),
    ("mya", "my"),
    ("bur", "my"),
    ("mon", "mn"),
    ("khk", "mn"),
    ("pus", "ps"),
    ("kur", "ku"),
    ("tat", "tt"),
    ("tuk", "tk"),
    ("kir", "ky"),
    ("tgk", "tg"),
    ("sna", "sn"),
    ("aka", "ak"),
    ("ori", "or"),
    ("ory", "or"),
    ("jav", "jv"),
    ("est", "et"),
    ("ekk", "et"),
    ("lvs", "lv"),
];

/// The ISO 639-1 code of an ISO 639-2/3 code, where there is one.
fn two_letter(code: &str) -> Option<&'static str> {
    ISO_639_1
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

fn chinese_script(text: &str) -> &'static str {
    let (mut simplified, mut traditional) = (0usize, 0usize);
    for c in text.chars() {
        for &(s, t) in HAN_PAIRS {
            simplified += usize::from(c == s);
            traditional += usize::from(c == t);
        }
    }
    if traditional > simplified {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

/// Two-letter ISO 639-1 codes where they exist, else whatlang's ISO 639-3 code.
fn bcp47(lang: Lang) -> String {
    two_letter(lang.code()).unwrap_or(lang.code()).to_owned()
}

#[cfg(test)]
mod tests {
    use super::{canonical_tag, choose_language, detect_language};

    #[test]
    fn declared_tags_are_written_canonically() {
        let cases = [
            ("de-de", Some("de-DE")),
            ("en_US", Some("en-US")),
            ("EN", Some("en")),
            ("deu", Some("de")),
            ("zh-hant-tw", Some("zh-Hant-TW")),
            ("es-419", Some("es-419")),
            ("fil", Some("fil")),
            ("", None),
            ("english", None),
            ("{{lang}}", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(canonical_tag(tag).as_deref(), expected, "{tag}");
        }
    }

    #[test]
    fn the_text_overrules_a_declaration_in_another_language() {
        let german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für \
            erneuerbare Energien deutlich auszuweiten. Der Minister sagte, man wolle damit \
            die Klimaziele schneller erreichen und zugleich die Strompreise senken.";
        assert_eq!(choose_language("en", german).as_deref(), Some("de"));
        assert_eq!(choose_language("de-de", german).as_deref(), Some("de-DE"));
        assert_eq!(choose_language("", german).as_deref(), Some("de"));
        assert_eq!(
            choose_language("EN", "Too short to overrule.").as_deref(),
            Some("en")
        );
    }

    #[test]
    fn detects_the_languages_factbench_sees_most() {
        let cases = [
            (
                "The president will travel to Moscow next week to attend the parade and hold talks.",
                "en",
            ),
            (
                "Президент посетит Москву на следующей неделе, чтобы принять участие в параде.",
                "ru",
            ),
            (
                "Президент відвідає Москву наступного тижня, щоб взяти участь у параді та переговорах.",
                "uk",
            ),
            (
                "国家主席将于下周访问莫斯科，出席阅兵式并同俄罗斯总统举行会谈。这是他们的第三次会见。",
                "zh-Hans",
            ),
            (
                "國家主席將於下週訪問莫斯科，出席閱兵式並同俄羅斯總統舉行會談。這是他們的第三次會見。",
                "zh-Hant",
            ),
            (
                "国家主席は来週モスクワを訪問し、パレードに出席する予定だ。",
                "ja",
            ),
        ];
        for (text, tag) in cases {
            assert_eq!(detect_language(text).as_deref(), Some(tag), "{text}");
        }
    }
}
