//! Guessing an article's language (whatlang) as a BCP 47 tag, telling
//! Simplified from Traditional Chinese by the characters used.

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
    let two = match lang {
        Lang::Eng => "en",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Pol => "pl",
        Lang::Ces => "cs",
        Lang::Slk => "sk",
        Lang::Nld => "nl",
        Lang::Tur => "tr",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Vie => "vi",
        Lang::Kat => "ka",
        Lang::Ell => "el",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Lit => "lt",
        Lang::Lav => "lv",
        Lang::Est => "et",
        Lang::Fin => "fi",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Hrv => "hr",
        Lang::Slv => "sl",
        Lang::Uzb => "uz",
        Lang::Ind => "id",
        Lang::Tha => "th",
        other => return other.code().to_owned(),
    };
    two.to_owned()
}

#[cfg(test)]
mod tests {
    use super::detect_language;

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
