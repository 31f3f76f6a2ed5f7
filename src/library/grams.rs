//! Character n-grams of a claim, the second matching signal beside whole
//! words: a rewording that changes a word's form or builds another word
//! from the same stem ("Chinese" for "China", "supplies" for "supplying",
//! "drones" for "drone", "Ukrainian" for "Ukraine") still shares most of
//! its 3- and 4-grams. Grams are taken inside each word, padded with `_`
//! at both ends so that a word's start and end count; runs of Chinese
//! characters give their 2- and 3-grams; every number (digits or words,
//! [`super::numbers`]) is one gram of its normalised value, so "16th" and
//! "sixteenth" share it.

use super::numbers::quantities_with_spans;
use crate::text::is_han;
use std::collections::BTreeMap;
use unicode_segmentation::UnicodeSegmentation;

/// The marker at both ends of a word (never inside a term: the index
/// splits terms at whitespace).
const EDGE: char = '_';

/// Every gram of `text`, in order, repeated as often as it occurs.
pub fn character_grams(text: &str) -> Vec<String> {
    weighted_grams(text)
        .into_iter()
        .map(|(gram, _)| gram)
        .collect()
}

/// Every gram of `text` with its share of its word: `1/√k` for each of a
/// word's `k` grams, so that a long word weighs about as much as a short
/// one (as in the term cosine) instead of `k` times more; 1 for a number.
pub fn weighted_grams(text: &str) -> Vec<(String, f64)> {
    let spans = quantities_with_spans(text);
    let mut chars: Vec<char> = text.chars().collect();
    for (_, span) in &spans {
        // Letters glued to digits ("16th", "5bn") belong to the number.
        let mut end = span.end;
        if end > 0 && crate::text::is_digit(chars[end - 1]) {
            while chars.get(end).is_some_and(|c| c.is_alphabetic()) {
                end += 1;
            }
        }
        for c in &mut chars[span.start..end] {
            *c = ' ';
        }
    }
    let words: String = chars.into_iter().collect();
    let mut grams: Vec<(String, f64)> = Vec::new();
    let mut han_run: Vec<char> = Vec::new();
    let mut han_end = 0;
    for (at, word) in words.unicode_word_indices() {
        let lower: Vec<char> = super::analyze::without_latin_accents(&word.to_lowercase())
            .chars()
            .collect();
        if lower.iter().all(|c| is_han(*c)) {
            if at != han_end {
                han_grams(&han_run, &mut grams);
                han_run.clear();
            }
            han_run.extend(&lower);
            han_end = at + word.len();
            continue;
        }
        if lower.iter().any(|c| crate::text::is_digit(*c)) {
            continue;
        }
        word_grams(&lower, &mut grams);
    }
    han_grams(&han_run, &mut grams);
    grams.extend(spans.iter().map(|(quantity, _)| (quantity.term(), 1.0)));
    grams
}

/// Adds `grams` as the grams of one word, each with weight `1/√k`.
fn add_word(grams: Vec<String>, into: &mut Vec<(String, f64)>) {
    let share = 1.0 / (grams.len().max(1) as f64).sqrt();
    into.extend(grams.into_iter().map(|gram| (gram, share)));
}

/// The 3- and 4-grams of one lowercased word padded with [`EDGE`].
fn word_grams(word: &[char], into: &mut Vec<(String, f64)>) {
    let padded: Vec<char> = std::iter::once(EDGE)
        .chain(word.iter().copied())
        .chain(std::iter::once(EDGE))
        .collect();
    let grams = [3, 4]
        .into_iter()
        .flat_map(|n| {
            padded
                .windows(n)
                .map(|gram| gram.iter().collect::<String>())
        })
        .collect();
    add_word(grams, into);
}

/// The 2- and 3-grams of a run of Chinese characters (the character
/// itself when the run is one long). Chinese has no spaces to find words
/// by: each character starts a bigram and a trigram, weighed as the two
/// grams of one short word.
fn han_grams(run: &[char], into: &mut Vec<(String, f64)>) {
    if run.len() == 1 {
        into.push((run[0].to_string(), 1.0));
    }
    let share = 1.0 / 2f64.sqrt();
    for n in [2, 3] {
        into.extend(
            run.windows(n)
                .map(|gram| (gram.iter().collect::<String>(), share)),
        );
    }
}

/// Each gram's summed weight, in gram order.
pub fn counts(grams: &[(String, f64)]) -> BTreeMap<&str, f64> {
    let mut counts = BTreeMap::new();
    for (gram, weight) in grams {
        *counts.entry(gram.as_str()).or_insert(0.0) += weight;
    }
    counts
}

/// Cosine of two weighted gram bags, each gram's weight times its `idf`
/// (summed in gram order, so the same texts give the same bits).
pub fn cosine(
    a: &BTreeMap<&str, f64>,
    b: &BTreeMap<&str, f64>,
    mut idf: impl FnMut(&str) -> f64,
) -> f64 {
    let wa = weighted(a, &mut idf);
    let wb = weighted(b, &mut idf);
    let norm = |m: &BTreeMap<&str, f64>| m.values().map(|w| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(&wa), norm(&wb));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let shared: f64 = wa
        .iter()
        .filter_map(|(gram, w)| wb.get(gram).map(|v| w * v))
        .sum();
    (shared / (na * nb)).clamp(0.0, 1.0)
}

fn weighted<'g>(
    counts: &BTreeMap<&'g str, f64>,
    idf: &mut impl FnMut(&str) -> f64,
) -> BTreeMap<&'g str, f64> {
    counts
        .iter()
        .map(|(gram, weight)| (*gram, weight * idf(gram)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn similarity(a: &str, b: &str) -> f64 {
        let (ga, gb) = (weighted_grams(a), weighted_grams(b));
        cosine(&counts(&ga), &counts(&gb), |_| 1.0)
    }

    #[test]
    fn grams_stay_inside_words_with_their_edges() {
        assert_eq!(
            character_grams("Drone"),
            vec![
                "_dr", "dro", "ron", "one", "ne_", "_dro", "dron", "rone", "one_"
            ]
        );
        assert_eq!(character_grams("ab"), vec!["_ab", "ab_", "_ab_"]);
    }

    #[test]
    fn numbers_are_one_gram_whatever_the_spelling() {
        let ordinal = character_grams("its 16th package");
        assert!(ordinal.contains(&"#1.600e1".to_owned()), "{ordinal:?}");
        assert!(character_grams("its sixteenth package").contains(&"#1.600e1".to_owned()));
        assert!(!ordinal.iter().any(|g| g.contains("th_")), "{ordinal:?}");
    }

    #[test]
    fn other_forms_of_a_word_share_most_grams() {
        let reworded = similarity(
            "Beijing is now sending Moscow strike drones",
            "China supplies drones to Russia, sending strike drones",
        );
        let unrelated = similarity(
            "Beijing is now sending Moscow strike drones",
            "A photo shows peanut butter sold in plastic",
        );
        assert!(reworded > 0.3 && unrelated < 0.1, "{reworded} {unrelated}");
        assert!(similarity("Chinese drone supplies", "China supplying drones") > 0.4);
    }

    #[test]
    fn cyrillic_chinese_and_arabic_texts_give_grams() {
        let russian = character_grams("Китай поставляет дроны");
        assert!(russian.contains(&"_кит".to_owned()), "{russian:?}");
        assert!(
            similarity("Китай поставляет дроны", "Китайские поставки дронов") > 0.4,
            "{}",
            similarity("Китай поставляет дроны", "Китайские поставки дронов")
        );
        let chinese = character_grams("中国向俄罗斯提供无人机");
        assert!(chinese.contains(&"无人机".to_owned()), "{chinese:?}");
        assert!(chinese.contains(&"俄罗".to_owned()), "{chinese:?}");
        // Two runs of Chinese apart are not joined.
        let apart = character_grams("中国 and 俄罗斯");
        assert!(!apart.contains(&"国俄".to_owned()), "{apart:?}");
        let arabic = character_grams("الصين ترسل طائرات مسيرة");
        assert!(arabic.contains(&"_الص".to_owned()), "{arabic:?}");
        assert!(similarity("طائرات مسيرة", "الطائرات المسيرة") > 0.5);
        // A Latin accent is dropped ("café" is "cafe"), a Cyrillic one
        // kept inside its word; an emoji is no word.
        let marked = character_grams("cafe\u{301} 🚀");
        assert_eq!(marked, character_grams("cafe"));
        let cyrillic = character_grams("йод");
        assert!(cyrillic.contains(&"_йо".to_owned()), "{cyrillic:?}");
        assert!(!marked.iter().any(|g| g.contains('🚀')), "{marked:?}");
    }
}
