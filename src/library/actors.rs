//! Named actors — countries, blocs, organisations, leaders — recognised in
//! English, Russian, Ukrainian and Chinese and mapped to one id each, so
//! "Russia", "России", "Росії" and "俄罗斯" are the same actor and "Germany"
//! and "France" are not. Matching is by word prefix (Latin and Cyrillic
//! inflect) or by substring (Chinese has no spaces). Besides these
//! hand-written actors, every other country is known by its names in the
//! four languages and its English demonym ([`super::countries`]).

/// An actor and the ways it is written. Latin and Cyrillic spellings are
/// word prefixes (at least four letters) or, when shorter, whole words;
/// Chinese ones are substrings. A trailing `$` asks for a whole word; an
/// all-capitals spelling ("US") matches only in capitals.
struct Actor {
    id: &'static str,
    names: &'static [&'static str],
}

const fn actor(id: &'static str, names: &'static [&'static str]) -> Actor {
    Actor { id, names }
}

const ACTORS: &[Actor] = &[
    actor(
        "russia",
        &[
            "russia",
            "kremlin",
            "moscow",
            "росси",
            "россия",
            "кремл",
            "москв",
            "росі",
            "росія",
            "російськ",
            "російсь",
            "российск",
            "俄罗斯",
            "俄国",
            "俄",
            "克里姆林",
        ],
    ),
    actor(
        "china",
        &[
            "china",
            "chinese",
            "beijing",
            "китай",
            "китая",
            "китаю",
            "китае",
            "китаї",
            "пекин",
            "пекін",
            "中国",
            "中方",
            "北京",
        ],
    ),
    actor(
        "ukraine",
        &[
            "ukrain",
            "kyiv",
            "kiev",
            "украин",
            "україн",
            "киев",
            "київ",
            "乌克兰",
            "基辅",
        ],
    ),
    actor(
        "usa",
        &[
            "US",
            "u.s",
            "usa",
            "america",
            "american",
            "americans",
            "united states",
            "washington",
            "сша",
            "америк",
            "вашингтон",
            "美国",
            "美方",
            "华盛顿",
        ],
    ),
    actor(
        "eu",
        &[
            "eu",
            "european union",
            "brussels",
            "ес",
            "евросоюз",
            "евросою",
            "єс",
            "євросоюз",
            "євросою",
            "брюссел",
            "欧盟",
        ],
    ),
    actor("nato", &["nato", "нато", "北约"]),
    actor("un", &["UN", "united nations", "оон", "联合国"]),
    actor(
        "germany",
        &[
            "german",
            "berlin",
            "герман",
            "берлин",
            "німеч",
            "німецьк",
            "берлін",
            "德国",
            "柏林",
        ],
    ),
    actor(
        "france",
        &[
            "france",
            "french",
            "paris",
            "франци",
            "франц",
            "париж",
            "франці",
            "法国",
            "巴黎",
        ],
    ),
    actor(
        "uk",
        &[
            "uk",
            "britain",
            "british",
            "london",
            "великобритан",
            "британ",
            "лондон",
            "英国",
            "伦敦",
        ],
    ),
    actor(
        "india",
        &[
            "india",
            "indian",
            "new delhi",
            "индия",
            "индии",
            "индию",
            "индийск",
            "індія",
            "індії",
            "індію",
            "індійськ",
            "印度",
        ],
    ),
    actor(
        "japan",
        &["japan", "tokyo", "япони", "японі", "японс", "日本", "东京"],
    ),
    actor(
        "turkey",
        &[
            "turkey",
            "turkish",
            "türkiye",
            "ankara",
            "турци",
            "туреччин",
            "турецк",
            "турецьк",
            "土耳其",
        ],
    ),
    actor("iran", &["iran", "tehran", "иран", "іран", "伊朗"]),
    actor("israel", &["israel", "израил", "ізраїл", "以色列"]),
    actor(
        "poland",
        &[
            "poland",
            "polish",
            "warsaw",
            "польш",
            "польщ",
            "варшав",
            "波兰",
        ],
    ),
    actor(
        "belarus",
        &[
            "belarus",
            "minsk",
            "беларус",
            "белорус",
            "білорус",
            "мінськ",
            "минск",
            "白俄罗斯",
        ],
    ),
    actor("kazakhstan", &["kazakh", "казахстан", "哈萨克斯坦"]),
    actor("brazil", &["brazil", "бразили", "бразилі", "巴西"]),
    actor(
        "north_korea",
        &[
            "north korea",
            "pyongyang",
            "кндр",
            "северная корея",
            "северной коре",
            "пхеньян",
            "північна корея",
            "північної коре",
            "朝鲜",
        ],
    ),
    actor(
        "south_korea",
        &[
            "south korea",
            "seoul",
            "южная корея",
            "южной коре",
            "сеул",
            "південна корея",
            "південної коре",
            "韩国",
        ],
    ),
    actor(
        "egypt",
        &[
            "egypt",
            "cairo",
            "египет",
            "египт",
            "єгипет",
            "єгипт",
            "каир",
            "каїр",
            "埃及",
        ],
    ),
    actor(
        "saudi_arabia",
        &["saudi", "riyadh", "саудовск", "саудівськ", "沙特"],
    ),
    actor("syria", &["syria", "damascus", "сири", "сирі", "叙利亚"]),
    actor(
        "hungary",
        &["hungar", "budapest", "венгри", "угорщин", "匈牙利"],
    ),
    actor(
        "serbia",
        &["serbia", "belgrade", "серби", "сербі", "塞尔维亚"],
    ),
    actor("georgia", &["tbilisi", "грузи", "грузі", "格鲁吉亚"]),
    actor("moldova", &["moldova", "chisinau", "молдов", "摩尔多瓦"]),
    actor("canada", &["canad", "ottawa", "канад", "加拿大"]),
    actor(
        "australia",
        &["australia", "австрали", "австралі", "澳大利亚"],
    ),
    actor(
        "imf",
        &["imf", "international monetary fund", "мвф", "国际货币基金"],
    ),
    actor(
        "who",
        &["world health organization", "воз", "世卫", "世界卫生组织"],
    ),
    actor("putin", &["putin", "путин", "путін", "普京"]),
    actor(
        "xi",
        &[
            "xi jinping",
            "xi$",
            "си цзиньпин",
            "цзиньпин",
            "сі цзіньпін",
            "цзіньпін",
            "习近平",
            "习主席",
        ],
    ),
    actor(
        "zelensky",
        &["zelensk", "zelenskyy", "зеленск", "зеленськ", "泽连斯基"],
    ),
    actor("biden", &["biden", "байден", "拜登"]),
    actor("trump", &["trump$", "трамп", "特朗普"]),
    actor("macron", &["macron", "макрон", "马克龙"]),
    actor("scholz", &["scholz", "шольц", "朔尔茨"]),
    actor("modi", &["modi$", "моди$", "моді$", "莫迪"]),
    actor(
        "erdogan",
        &["erdogan", "erdoğan", "эрдоган", "ердоган", "埃尔多安"],
    ),
    actor("lukashenko", &["lukashenk", "лукашенк", "卢卡申科"]),
    actor(
        "gazprom",
        &["gazprom", "газпром", "俄气", "俄罗斯天然气工业"],
    ),
];

/// The actors named in `text`, each once, in the order they first appear.
pub fn actors_in(text: &str) -> Vec<&'static str> {
    let names = &*NAMES;
    let lower = format!(" {} ", spaced_words(&text.to_lowercase()));
    let cased = format!(" {} ", spaced_words(text));
    let ids = &names.ids;
    let mut first: Vec<Option<usize>> = vec![None; ids.len()];
    for (finder, haystack) in [
        (&names.han, text),
        (&names.lower, lower.as_str()),
        (&names.cased, cased.as_str()),
    ] {
        for found in finder.automaton.find_overlapping_iter(haystack) {
            let actor = finder.actor_of[found.pattern().as_usize()];
            let at = found.start();
            if first[actor].is_none_or(|seen| at < seen) {
                first[actor] = Some(at);
            }
        }
    }
    let mut found: Vec<(usize, &'static str)> = first
        .iter()
        .zip(ids)
        .filter_map(|(at, id)| at.map(|at| (at, *id)))
        .collect();
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

/// Every actor's spellings as search patterns, built once: Chinese ones
/// looked for in the text as written, all-capitals ones in its words as
/// written, the others in its lower-cased words (a space before each, and
/// after the whole-word ones).
struct Names {
    han: Finder,
    lower: Finder,
    cased: Finder,
    /// Each actor's id, by its index in the finders' `actor_of`.
    ids: Vec<&'static str>,
}

/// One automaton over many patterns, with the actor each pattern names.
struct Finder {
    automaton: aho_corasick::AhoCorasick,
    actor_of: Vec<usize>,
}

static NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(|| {
    let mut patterns: [(Vec<String>, Vec<usize>); 3] = Default::default();
    let mut ids = Vec::new();
    for (index, actor) in ACTORS.iter().enumerate() {
        ids.push(actor.id);
        for name in actor.names {
            let (kind, pattern) = search_pattern(name);
            patterns[kind].0.push(pattern);
            patterns[kind].1.push(index);
        }
    }
    for (id, spellings) in super::countries::countries() {
        let index = ids.len();
        ids.push(id);
        for (kind, pattern) in spellings {
            patterns[kind].0.push(pattern);
            patterns[kind].1.push(index);
        }
    }
    let [han, lower, cased] = patterns.map(|(patterns, actor_of)| Finder {
        automaton: aho_corasick::AhoCorasick::new(patterns)
            .expect("the actors' spellings are a fixed set"),
        actor_of,
    });
    Names {
        han,
        lower,
        cased,
        ids,
    }
});

/// Where a spelling is looked for (0 the text, 1 its lower-cased words, 2
/// its words as written) and the pattern looked for.
fn search_pattern(name: &str) -> (usize, String) {
    if name.chars().any(crate::text::is_han) {
        return (0, name.to_owned());
    }
    let (name, whole_word) = match name.strip_suffix('$') {
        Some(name) => (name, true),
        None => (name, name.chars().count() < 4),
    };
    let kind = if name.chars().all(|c| c.is_ascii_uppercase()) {
        2
    } else {
        1
    };
    let pattern = if whole_word {
        format!(" {name} ")
    } else {
        format!(" {name}")
    };
    (kind, pattern)
}

/// Whether `text` names an actor as a source ("from China", "из России",
/// "з Китаю", "从中国"): then who comes first no longer says who supplies
/// whom ("Russia imported chips from China").
pub fn names_a_source(text: &str) -> bool {
    const SOURCE_WORDS: [&str; 6] = ["from", "из", "от", "з", "із", "від"];
    let words: Vec<String> = spaced_words(&text.to_lowercase())
        .split(' ')
        .map(str::to_owned)
        .collect();
    let latin_or_cyrillic = words
        .windows(2)
        .any(|pair| SOURCE_WORDS.contains(&pair[0].as_str()) && !actors_in(&pair[1]).is_empty());
    let chinese = text.match_indices(['从', '自']).any(|(at, mark)| {
        let after: String = text[at + mark.len()..].chars().take(5).collect();
        !actors_in(&after).is_empty() && after.chars().next().is_some_and(crate::text::is_han)
    });
    latin_or_cyrillic || chinese
}

/// The text with every run of non-letters (except the dot of
/// "u.s.") turned into one space.
fn spaced_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '.' && !gap {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out.replace(". ", " ").trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_actor_in_four_languages() {
        for text in [
            "Russia supplies gas",
            "Россия поставляет газ",
            "поставки из России",
            "Росія постачає газ",
            "俄罗斯供应天然气",
        ] {
            assert_eq!(actors_in(text), vec!["russia"], "{text}");
        }
    }

    #[test]
    fn actors_come_in_the_order_written() {
        assert_eq!(
            actors_in("Russia supplies China with gas"),
            vec!["russia", "china"]
        );
        assert_eq!(
            actors_in("China supplies Russia with gas"),
            vec!["china", "russia"]
        );
        assert_eq!(
            actors_in("Германия обогнала Францию"),
            vec!["germany", "france"]
        );
    }

    #[test]
    fn a_source_is_named_after_from_in_four_languages() {
        assert!(names_a_source("microchips Russia imported from China"));
        assert!(names_a_source("Египет получил из России пшеницу"));
        assert!(names_a_source("імпорт з Китаю"));
        assert!(names_a_source("俄罗斯从中国进口芯片"));
        assert!(!names_a_source("China supplied Russia with microchips"));
        assert!(!names_a_source("data from customs"));
    }

    #[test]
    fn short_names_need_a_whole_word() {
        assert_eq!(actors_in("the U.S. economy"), vec!["usa"]);
        assert_eq!(actors_in("US exports"), vec!["usa"]);
        assert!(actors_in("told us").is_empty());
        assert!(actors_in("modified").is_empty());
        assert!(actors_in("a useful bus").is_empty());
        assert!(actors_in("весь текст").is_empty());
    }
}
