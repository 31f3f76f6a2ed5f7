//! Turning a claim's text into index terms, by script: Latin words through
//! tantivy's English stop words and Snowball stemmer, Cyrillic through the
//! Russian ones or, when the text is Ukrainian, Ukrainian stop words and a
//! light suffix stripper (Snowball has no Ukrainian); Chinese as character
//! bigrams; numbers as normalised quantities ([`super::numbers`]); named
//! actors as one term per actor whatever the language ([`super::actors`]).

use super::actors::{actors_in, names_a_source};
use super::numbers::{Quantity, quantities_with_spans};
use crate::text::is_han;
use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

/// What matching needs to know about one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Index terms, in order, repeated as often as they occur.
    pub terms: Vec<String>,
    pub quantities: Vec<Quantity>,
    /// Actor ids ([`super::actors`]) in the order they first appear.
    pub actors: Vec<&'static str>,
    /// Whether an actor is named as a source ("from China"), so that the
    /// order of actors says nothing about roles.
    pub names_a_source: bool,
    /// Its capitalised words, to tell another name from the same one.
    pub names: super::names::Capitalised,
}

/// Reusable analyzers (tantivy's need `&mut` to run).
#[derive(Clone)]
pub struct Analyzer {
    english: TextAnalyzer,
    russian: TextAnalyzer,
    ukrainian: TextAnalyzer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    pub fn new() -> Self {
        Analyzer {
            english: stemming(Language::English),
            russian: stemming(Language::Russian),
            ukrainian: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(LowerCaser)
                .filter(StopWordFilter::remove(
                    UKRAINIAN_STOP_WORDS.iter().map(|w| w.to_string()),
                ))
                .build(),
        }
    }

    /// Terms, quantities and actors of `text`.
    pub fn analyze(&mut self, text: &str) -> Analysis {
        let spans = quantities_with_spans(text);
        let words = without_spans(text, spans.iter().map(|(_, span)| span.clone()));
        let found: Vec<Quantity> = spans.into_iter().map(|(q, _)| q).collect();
        let mut terms = Vec::new();
        let (latin, cyrillic) = words_by_script(&words);
        run(
            &mut self.english,
            &without_latin_accents(&latin),
            &mut terms,
        );
        for term in &mut terms {
            if let Some(common) = super::synonyms::common_stem(term) {
                *term = common.to_owned();
            }
        }
        if is_ukrainian(text) {
            let mut words = Vec::new();
            run(&mut self.ukrainian, &cyrillic, &mut words);
            terms.extend(words.iter().map(|w| ukrainian_stem(w)));
        } else {
            run(&mut self.russian, &cyrillic, &mut terms);
        }
        terms.extend(han_bigrams(&words));
        terms.extend(found.iter().map(|q| q.term()));
        let actors = actors_in(text);
        terms.extend(actors.iter().map(|id| format!("${id}")));
        Analysis {
            terms,
            quantities: found,
            actors,
            names_a_source: names_a_source(text),
            names: super::names::capitalised(text),
        }
    }
}

/// `text` with the accents of Latin letters taken off ("Raúl" is "Raul",
/// "Łódź" "Lodz"), as writers and headlines often drop them; other
/// scripts keep theirs (the Cyrillic "й" is not "и").
pub fn without_latin_accents(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    if text.is_ascii() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut base_is_latin = false;
    for c in text.nfd() {
        if is_combining_mark(c) {
            if !base_is_latin {
                out.push(c);
            }
            continue;
        }
        base_is_latin = c.is_ascii_alphabetic();
        match c {
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ß' => out.push_str("ss"),
            other => out.push(other),
        }
    }
    out.nfc().collect()
}

/// `text` with the numbers (and their unit words) blanked out, so that
/// "млрд" or "billion" is not a word of its own.
fn without_spans(text: &str, spans: impl Iterator<Item = std::ops::Range<usize>>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for span in spans {
        for c in &mut chars[span] {
            *c = ' ';
        }
    }
    chars.into_iter().collect()
}

fn stemming(language: Language) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser);
    match StopWordFilter::new(language) {
        Some(stop) => builder.filter(stop).filter(Stemmer::new(language)).build(),
        None => builder.filter(Stemmer::new(language)).build(),
    }
}

fn run(analyzer: &mut TextAnalyzer, text: &str, into: &mut Vec<String>) {
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        into.push(stream.token().text.clone());
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// A Cyrillic text is taken as Ukrainian when it uses і, ї, є or ґ, which
/// Russian does not.
fn is_ukrainian(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'))
}

/// The Latin-script words and the Cyrillic ones, each joined by spaces;
/// words holding digits are left to the number reader.
fn words_by_script(text: &str) -> (String, String) {
    use unicode_segmentation::UnicodeSegmentation;
    let mut latin = String::new();
    let mut cyrillic = String::new();
    for word in text.unicode_words() {
        if word.chars().any(|c| crate::text::is_digit(c) || is_han(c)) {
            continue;
        }
        let target = if word.chars().any(is_cyrillic) {
            &mut cyrillic
        } else {
            &mut latin
        };
        target.push_str(word);
        target.push(' ');
    }
    (latin, cyrillic)
}

/// Overlapping pairs of characters in each run of Chinese characters; a
/// run of one character is kept as it is.
fn han_bigrams(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut run: Vec<char> = Vec::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_han(c) {
            run.push(c);
            continue;
        }
        match run.len() {
            0 => {}
            1 => terms.push(run[0].to_string()),
            _ => terms.extend(run.windows(2).map(|pair| pair.iter().collect::<String>())),
        }
        run.clear();
    }
    terms
}

/// Ukrainian inflections, longest first; one is taken off a word that keeps
/// at least three letters.
const UKRAINIAN_ENDINGS: &[&str] = &[
    "ськими",
    "ського",
    "ському",
    "ською",
    "ськими",
    "ський",
    "ська",
    "ське",
    "ські",
    "ами",
    "ями",
    "ого",
    "ому",
    "ими",
    "іми",
    "ість",
    "ості",
    "ення",
    "ання",
    "ються",
    "ується",
    "ють",
    "ать",
    "ять",
    "уть",
    "ить",
    "іть",
    "ила",
    "ило",
    "или",
    "ала",
    "ало",
    "али",
    "ів",
    "їв",
    "ах",
    "ях",
    "ою",
    "ею",
    "ий",
    "ій",
    "им",
    "ім",
    "их",
    "іх",
    "ої",
    "ом",
    "ем",
    "ся",
    "ти",
    "ть",
    "ла",
    "ло",
    "ли",
    "ав",
    "ив",
    "а",
    "я",
    "о",
    "е",
    "є",
    "у",
    "ю",
    "і",
    "ї",
    "и",
    "ь",
    "в",
];

fn ukrainian_stem(word: &str) -> String {
    let letters = word.chars().count();
    UKRAINIAN_ENDINGS
        .iter()
        .find(|ending| word.ends_with(**ending) && letters >= ending.chars().count() + 3)
        .map(|ending| word[..word.len() - ending.len()].to_owned())
        .unwrap_or_else(|| word.to_owned())
}

const UKRAINIAN_STOP_WORDS: &[&str] = &[
    "і",
    "й",
    "та",
    "в",
    "у",
    "на",
    "з",
    "із",
    "зі",
    "до",
    "що",
    "не",
    "це",
    "як",
    "від",
    "за",
    "по",
    "про",
    "для",
    "його",
    "її",
    "їх",
    "був",
    "була",
    "було",
    "були",
    "буде",
    "є",
    "а",
    "але",
    "або",
    "чи",
    "ще",
    "вже",
    "так",
    "які",
    "який",
    "яка",
    "яке",
    "цей",
    "ця",
    "ці",
    "той",
    "та",
    "ті",
    "при",
    "під",
    "над",
    "між",
    "через",
    "після",
    "також",
    "він",
    "вона",
    "воно",
    "вони",
    "ми",
    "ви",
    "я",
    "ти",
    "свій",
    "своїх",
    "своє",
    "тому",
    "році",
    "року",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Analyzer::new().analyze(text).terms
    }

    #[test]
    fn english_is_stemmed_without_stop_words() {
        assert_eq!(terms("The exports are rising"), vec!["export", "rise"]);
        assert_eq!(terms("exported"), terms("exports"));
    }

    #[test]
    fn russian_forms_share_a_stem() {
        assert_eq!(terms("поставки газа"), terms("поставкам газом"));
        assert!(!terms("и в на").iter().any(|t| t == "и"));
    }

    #[test]
    fn ukrainian_forms_share_a_stem() {
        assert_eq!(terms("постачання газу"), terms("постачанням газом"));
        assert_eq!(
            terms("Україна експортувала зерно"),
            terms("України експортувала зерна")
        );
        assert!(terms("і та в").is_empty());
    }

    #[test]
    fn chinese_becomes_bigrams() {
        assert_eq!(terms("天然气"), vec!["天然", "然气"]);
        assert_eq!(terms("俄 天然气"), vec!["俄", "天然", "然气", "$russia"]);
    }

    #[test]
    fn numbers_become_one_term_in_every_script() {
        let en = terms("$245bn");
        assert_eq!(en, terms("245 млрд"));
        assert_eq!(en, terms("2450亿"));
        assert_eq!(en, vec!["#2.450e11"]);
        assert_eq!(terms("Китай"), vec!["кита", "$china"]);
    }

    #[test]
    fn mixed_texts_keep_every_script() {
        let analysis = Analyzer::new().analyze("Gazprom: Газпром поставил 天然气 in 2024");
        assert!(analysis.terms.contains(&"gazprom".to_owned()));
        assert!(
            analysis.terms.contains(&"газпр".to_owned())
                || analysis.terms.contains(&"газпром".to_owned())
        );
        assert!(analysis.terms.contains(&"天然".to_owned()));
        assert_eq!(analysis.quantities, vec![Quantity::Year(2024)]);
        assert_eq!(analysis.actors, vec!["gazprom"]);
        assert!(analysis.terms.contains(&"$gazprom".to_owned()));
    }

    #[test]
    fn latin_accents_are_dropped_and_other_scripts_kept() {
        assert_eq!(
            without_latin_accents("Raúl Łódź Straße"),
            "Raul Lodz Strasse"
        );
        assert_eq!(without_latin_accents("Йошкар-Ола ё"), "Йошкар-Ола ё");
        assert_eq!(without_latin_accents("e\u{301}té"), "ete");
        let mut analyzer = Analyzer::new();
        assert_eq!(
            analyzer.analyze("Raúl Castro").terms,
            analyzer.analyze("Raul Castro").terms
        );
    }
}
