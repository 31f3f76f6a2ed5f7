//! Cleaning the author names pages give: "By "/"von "/"Por " and other
//! labels taken off, comment-form labels ("Name *"), "Posted", "Follow"
//! and the like dropped, dates glued to a name cut off ("Jeff
//! FoustMonday, November 18, 2019"), handles and e-mail addresses
//! removed, publishers (the outlet itself, "Condé Nast", "… GmbH") not
//! taken for authors. Several authors are joined with "; ".

use super::dates::{NumericOrder, month_named, parse_date};

/// Words that introduce a name ("By Jane Doe", "von Max Muster"), in
/// any case.
const PREFIXES: &[&str] = &[
    "view all posts by",
    "all posts by",
    "more posts by",
    "articles by",
    "zeige alle beiträge von",
    "alle beiträge von",
    "alle artikel von",
    "voir tous les articles de",
    "pressemitteilung von",
    "press release by",
    "written by",
    "posted by",
    "published by",
    "reported by",
    "text by",
    "words by",
    "story by",
    "eingestellt von",
    "veröffentlicht von",
    "erstellt von",
    "artikel von",
    "verfasst von",
    "geschrieben von",
    "ein beitrag von",
    "by",
    "von",
    "autor",
    "autorin",
    "author",
    "auteur",
    "por",
    "par",
    "автор",
];

/// Words that introduce a name only in lower case: capitalised, they
/// start one ("Di Maria", "Van Dyke").
const LOWER_CASE_PREFIXES: &[&str] = &["di", "door", "av", "af", "od", "text"];

/// Words that end a byline after the name ("Jane Doe am 5. Mai", "Stand:
/// …", "Fr, 5.5."): the name ends before them.
const TRAILING: &[&str] = &[
    "am",
    "um",
    "stand",
    "on",
    "le",
    "el",
    "fr",
    "mo",
    "di",
    "mi",
    "do",
    "sa",
    "so",
    "veröffentlicht",
    "published",
    "updated",
    "aktualisiert",
    "publiziert",
    "last",
    "sponsored",
];

/// What a part of an author field starting with these is not: a photo or
/// illustration credit.
const CREDITS: &[&str] = &[
    "foto",
    "fotos",
    "photo",
    "photos",
    "bild",
    "bilder",
    "illustration",
    "grafik",
    "image",
];

/// What is never a name: labels of forms, buttons and bylines.
const NOT_NAMES: &[&str] = &[
    "publisher",
    "nom",
    "nombre",
    "unbenannt",
    "anónimo",
    "anonimo",
    "anonym",
    "red",
    "unnamed",
    "untitled",
    "name",
    "posted",
    "posted on",
    "follow",
    "follow author",
    "author",
    "authors",
    "admin",
    "administrator",
    "by",
    "share",
    "guest",
    "anonymous",
    "unknown",
    "staff",
    "editor",
    "autor",
    "comments",
    "leave a comment",
    "read more",
    "more",
    "home",
    "subscribe",
    "login",
    "log in",
    "sign in",
    "contact",
    "email",
    "e-mail",
    "website",
    "updated",
    "published",
    "view all posts",
    "all posts",
    "publiziert",
    "veröffentlicht",
    "eingestellt",
    "erstellt",
    "text",
    "interview",
    "the author",
    "topic author",
    "post author",
    "article author",
];

/// Words of comment-form labels for a required field ("Name
/// (erforderlich)", "Name (required)"): a part holding one is no name.
const REQUIRED_FIELD_WORDS: &[&str] = &[
    "required",
    "erforderlich",
    "pflichtfeld",
    "obligatoire",
    "obligatorio",
    "obbligatorio",
];

/// Lower-case words that may stand inside a name ("Ursula von der Leyen",
/// "Luiz Inácio Lula da Silva", "Abu Bakr al Baghdadi"); any other
/// lower-case Latin word makes a sentence or a list of topics, not a name.
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "dei", "da", "das", "do", "dos", "du", "di",
    "la", "le", "el", "al", "bin", "ibn", "ben", "y", "e", "i", "zu", "ter", "ten", "af", "av",
    "und", "and",
];

/// Longest agency code after a slash ("Saibal Dasgupta / TNN", "Peter
/// Maahn/SP-X"), which is not part of the name.
const MAX_AGENCY_CODE_CHARS: usize = 6;

/// Words that mark a publisher rather than a person.
const PUBLISHER_WORDS: &[&str] = &[
    "kg",
    "co.",
    "rights reserved",
    "alle rechte",
    "condé nast",
    "conde nast",
    "gmbh",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "ag",
    "verlag",
    "e.v.",
    "e. v.",
    "media group",
    "publishing",
    "press association",
    "newsroom",
    "news service",
    "nachrichtenagentur",
];

/// Weekday names (English, German, French, Spanish) that start a date glued
/// to a name.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// Longest author field kept, in chars; longer ones are not bylines.
const MAX_AUTHOR_CHARS: usize = 120;
/// Most words in one name.
const MAX_NAME_WORDS: usize = 6;

/// The cleaned names in `raw` (one or several), none that is the
/// `outlet`, joined with "; "; empty when nothing in it is a name.
pub fn clean_author(raw: &str, outlet: &str) -> String {
    // Some pages escape twice ("Redacci&amp;oacute;n"): the entity left
    // would be split at its ";".
    let raw = squeeze(&html_escape::decode_html_entities(raw));
    if raw.chars().count() > MAX_AUTHOR_CHARS * 3 {
        return String::new();
    }
    let mut names: Vec<String> = Vec::new();
    for part in split_names(&raw) {
        if let Some(name) = clean_name(&part, outlet)
            && !names.iter().any(|n| n.eq_ignore_ascii_case(&name))
        {
            names.push(name);
        }
    }
    let joined = names.join("; ");
    if joined.chars().count() > MAX_AUTHOR_CHARS {
        return String::new();
    }
    joined
}

/// Parts of an author field that each hold one name: split at ";", "|",
/// " and ", " und ", " y ", " et ", "&", and at "," unless the comma only
/// separates a name from a title or a date.
fn split_names(raw: &str) -> Vec<String> {
    let mut parts = vec![raw.to_owned()];
    for separator in [
        ";", "|", "•", "·", " and ", " und ", " y ", " et ", " e ", " & ", "\n",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| p.split(separator).map(str::to_owned).collect::<Vec<_>>())
            .collect();
    }
    parts
        .into_iter()
        .flat_map(|p| {
            let pieces: Vec<String> = p.split(',').map(|s| s.trim().to_owned()).collect();
            if let Some(name) = surname_first(&pieces) {
                return vec![name];
            }
            if pieces.len() > 1 && pieces.iter().all(|s| looks_like_name(s)) {
                pieces
            } else {
                vec![p]
            }
        })
        .collect()
}

/// "Roy, Aniruddha" → "Aniruddha Roy": two single capitalised words
/// around one comma are a name written surname first, as catalogues and
/// some CMSs write it, not two people.
fn surname_first(pieces: &[String]) -> Option<String> {
    let single = |p: &String| {
        !p.contains(' ')
            && p.chars().next().is_some_and(char::is_uppercase)
            && p.chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            && p.chars().count() >= 2
    };
    match pieces {
        [surname, given] if single(surname) && single(given) => Some(format!("{given} {surname}")),
        _ => None,
    }
}

/// One name, cleaned; `None` when what is left is not a name.
fn clean_name(part: &str, outlet: &str) -> Option<String> {
    let first_word = part.split([' ', ':']).next().unwrap_or("").to_lowercase();
    if CREDITS.contains(&first_word.as_str()) {
        return None;
    }
    let lower_part = part.to_lowercase();
    if REQUIRED_FIELD_WORDS.iter().any(|w| lower_part.contains(w)) {
        return None;
    }
    let mut name = without_handles_and_emails(part);
    name = without_glued_date(&name);
    name = without_prefix(&name);
    name = without_labels(&name);
    name = without_agency_code(&name);
    name = without_glued_suffix(&name);
    name = without_trailing_words(&name);
    let name = name
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, ',' | ':' | '-' | '–' | '—' | '*' | '|' | '/' | '(' | ')')
        })
        .to_owned();
    let lower = name.to_lowercase();
    let is_outlet = !outlet.is_empty() && lower == outlet.trim().to_lowercase();
    // "The Commercial Appeal", "The Plain Dealer": a newspaper's name.
    let titled = name.starts_with("The ") && name.split_whitespace().count() >= 2;
    if name.is_empty()
        || NOT_NAMES.contains(&lower.as_str())
        || is_outlet
        || titled
        || is_publisher(&lower)
    {
        return None;
    }
    (looks_like_name(&name)
        && !is_agency_code(&name)
        && !has_words_no_name_has(&name)
        && parse_date(&name, NumericOrder::DayFirst).is_none())
    .then_some(name)
}

/// "Saibal Dasgupta / TNN" → "Saibal Dasgupta": an agency's code after a
/// slash is not part of the name.
fn without_agency_code(text: &str) -> String {
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || c == '/');
    match text.rsplit_once('/') {
        Some((name, code)) if is_agency_code(code.trim()) && !name.trim().is_empty() => {
            name.trim().to_owned()
        }
        _ => text.to_owned(),
    }
}

/// "CNN", "AFP", "SP-X": a short code in capitals, an agency or an
/// outlet rather than a person.
fn is_agency_code(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=MAX_AGENCY_CODE_CHARS).contains(&text.chars().count())
        && letters >= 2
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c.is_ascii_digit())
}

/// "Interview: Harald Willenbrock" → "Harald Willenbrock", "Katharina
/// Schmidt Kategorien: Mode" → "Katharina Schmidt": a word ending in a
/// colon is a label, before a name or after one.
fn without_labels(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(at) = words.iter().position(|w| w.len() > 1 && w.ends_with(':')) else {
        return name.to_owned();
    };
    if at == 0 {
        words[1..].join(" ")
    } else {
        words[..at].join(" ")
    }
}

/// "Gina TrapaniCEO" → "Gina Trapani", "Joe DavidsonWashington Post" →
/// "Joe Davidson": a role or a publisher glued to the last name, seen as
/// a capital after four or more lower-case letters inside a word (short
/// heads like "McDonald", "DeSantis", "MacGuill" stay whole). Only after
/// the name's first word.
fn without_glued_suffix(name: &str) -> String {
    let mut offset = 0;
    for (index, word) in name.split(' ').enumerate() {
        if index > 0
            && let Some(cut) = glue_point(word)
        {
            return name[..offset + cut].to_owned();
        }
        offset += word.len() + 1;
    }
    name.to_owned()
}

/// Where in `word` a capital follows a run of four or more lower-case
/// letters.
fn glue_point(word: &str) -> Option<usize> {
    let mut lower_run = 0;
    for (at, c) in word.char_indices() {
        if c.is_uppercase() && lower_run >= 4 {
            return Some(at);
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    None
}

/// Whether `name` has a lower-case Latin word that no name has ("Aravena
/// perdió la paciencia", "Atemschutzmaske über Exit-Strategie"): a
/// sentence, a dateline or a list of topics. Particles ([`NAME_PARTICLES`])
/// are allowed, and a one-word user name is judged elsewhere.
fn has_words_no_name_has(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() > 1
        && words.iter().any(|word| {
            let starts_lower_latin = word
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() && (c as u32) < 0x0250);
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            starts_lower_latin && !NAME_PARTICLES.contains(&bare) && !bare.contains('.')
        })
}

/// Whether text can be a person's name: a few words, mostly letters, no
/// URL, at least one capital or a script without case.
fn looks_like_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let uncased_script = text
        .chars()
        .any(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
    let user_name = words == 1 && letters >= 3;
    (1..=MAX_NAME_WORDS).contains(&words)
        && letters >= 2
        && (digits == 0 || user_name)
        && !text.contains("://")
        && !text.contains("www.")
        && !looks_like_domain(text)
        && !text.contains([
            '→', '←', '»', '«', '›', '‹', '©', '®', '™', '|', '#', '=', '<', '>',
        ])
        && (text.chars().any(char::is_uppercase) || uncased_script || user_name)
}

/// `oe24.at`, `facebook.com/jane`: a web address, not a name.
fn looks_like_domain(text: &str) -> bool {
    let host = text.split('/').next().unwrap_or(text);
    !text.contains(' ')
        && host.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty()
                && (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
        })
}

fn is_publisher(lower: &str) -> bool {
    lower
        .split_whitespace()
        .any(|w| PUBLISHER_WORDS.contains(&w.trim_matches(',')))
        || PUBLISHER_WORDS
            .iter()
            .any(|p| p.contains(' ') && lower.contains(p))
}

/// "By Jane Doe" → "Jane Doe", "von: Max" → "Max"; a prefix only when a
/// name follows it.
fn without_prefix(name: &str) -> String {
    let mut name = name.trim().to_owned();
    loop {
        // Compared on the name's own bytes: lower-casing can change a
        // char's length (`İ`, the Kelvin sign), so offsets into a
        // lower-cased copy would not fall on the name's char boundaries.
        let starts_with_any_case = |p: &str| {
            name.get(..p.len())
                .is_some_and(|head| head.to_lowercase() == p)
        };
        let followed = |p: &str| {
            name.get(p.len()..).is_some_and(|rest| {
                rest.starts_with(|c: char| c.is_whitespace() || c == ':')
                    || (p.contains(' ') && rest.starts_with(char::is_uppercase))
                    || (name.starts_with(char::is_uppercase) && starts_capitalised_word(rest))
            })
        };
        let prefix = PREFIXES
            .iter()
            .find(|p| starts_with_any_case(p) && followed(p))
            .or_else(|| {
                LOWER_CASE_PREFIXES
                    .iter()
                    .find(|p| name.starts_with(*p) && followed(p))
            });
        let Some(rest) = prefix.and_then(|p| name.get(p.len()..)) else {
            return name;
        };
        name = rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
            .to_owned();
    }
}

/// Whether `text` starts with a capital and then a lower-case letter
/// ("Travis" in "ByTravis Haney").
fn starts_capitalised_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// "Jane Doe am" → "Jane Doe": words left over from a date that was cut.
fn without_trailing_words(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            let w = w.trim_end_matches([':', ',', '.']).to_lowercase();
            TRAILING.contains(&w.as_str())
        })
    {
        words.pop();
    }
    words.join(" ")
}

/// "@handle" words and e-mail addresses taken out; "jane@x.org (Jane
/// Doe)" keeps "Jane Doe".
fn without_handles_and_emails(text: &str) -> String {
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|word| !word.contains('@'))
        .collect();
    kept.join(" ")
}

/// "Jeff FoustMonday, November 18, 2019" → "Jeff Foust"; "Jane Doe 5.
/// Mai 2022" → "Jane Doe": a weekday or month name (glued to the name or
/// not) or a number starts a date, and the name ends there.
fn without_glued_date(text: &str) -> String {
    let mut cut = text.len();
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() && !text[..at].ends_with(|c: char| c.is_ascii_alphanumeric()) {
            cut = at;
            break;
        }
        let previous_is_lower = text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_lowercase);
        let starts_word = at == 0
            || text[..at].ends_with(char::is_whitespace)
            || (previous_is_lower && c.is_uppercase());
        if starts_word && starts_date_word(&text[at..]) {
            cut = at;
            break;
        }
    }
    text[..cut]
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '–' | '·'))
        .to_owned()
}

/// Whether `text` starts with a weekday or month name that a date follows.
fn starts_date_word(text: &str) -> bool {
    let word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    let lower = word.to_lowercase();
    if WEEKDAYS.contains(&lower.as_str()) {
        return true;
    }
    word.chars().count() >= 3
        && month_named(&lower).is_some()
        && text[word.len()..]
            .trim_start_matches(['.', ' ', ','])
            .starts_with(|c: char| c.is_ascii_digit())
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[path = "authors_tests.rs"]
mod tests;
