//! Proper names a claim mentions beyond the known actors: "Arizona",
//! "Moderna", "Asia". A near miss often changes only one of them ("won
//! Georgia" for "won Arizona"), so two texts that each name one the other
//! lacks are a substitution, and their score is cut ([`super::agreement`]).
//!
//! A name is a capitalised Latin or Cyrillic word inside a sentence, or a
//! sentence's first word that the other text capitalises inside one. A
//! Title Case Headline says nothing (every word is capitalised), and an
//! acronym spelled out on the other side ("JFK", "John F. Kennedy")
//! agrees with it.

use std::collections::BTreeSet;

/// The capitalised words of one text, by where they stand.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Capitalised {
    /// Inside a sentence: names, in lower case.
    pub inside: BTreeSet<String>,
    /// First words of sentences, in lower case: names only if the other
    /// text has them inside a sentence.
    pub first: BTreeSet<String>,
    /// Initials of each run of capitalised words ("jfk" for "John F. Kennedy").
    pub initials: BTreeSet<String>,
    /// Most words are capitalised: the text says nothing about names.
    pub title_case: bool,
}

/// The capitalised words of `text`.
pub fn capitalised(text: &str) -> Capitalised {
    let mut found = Capitalised::default();
    let mut at_start = true;
    let mut run = String::new();
    for word in text.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let end = word.chars().last().unwrap_or(' ');
        let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        let word = super::analyze::without_latin_accents(&word);
        let Some(first) = word.chars().next() else {
            at_start |= ends_sentence(end);
            continue;
        };
        if first.is_uppercase() && !at_start && is_function_word(&word) {
            found.title_case = true;
        }
        if first.is_uppercase() {
            run.extend(first.to_lowercase());
            if word.chars().count() >= 2 {
                let lower = word.to_lowercase();
                if at_start {
                    found.first.insert(lower);
                } else {
                    found.inside.insert(lower);
                }
            }
        } else if !run.is_empty() {
            found.initials.insert(std::mem::take(&mut run));
        }
        at_start = ends_sentence(end);
    }
    if !run.is_empty() {
        found.initials.insert(run);
    }
    found
}

/// Short words only a Title Case Headline capitalises inside a sentence.
fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "the", "this", "that", "these", "does", "did", "was", "were", "has", "have", "had", "show",
        "shows", "from", "with", "for", "and", "are", "will", "into", "about", "over", "its",
        "his", "her", "their", "not", "but", "who", "what", "can", "to", "of", "in", "on", "at",
        "by", "is", "an", "as",
    ];
    WORDS.contains(&word.to_lowercase().as_str())
}

fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | ':' | '"' | '“' | '”' | '«' | '»' | '\n'
    )
}

/// Whether each text names something the other does not: a substitution.
pub fn substituted(a: &Capitalised, b: &Capitalised) -> bool {
    if a.title_case || b.title_case {
        return false;
    }
    let names = |this: &Capitalised, other: &Capitalised| -> BTreeSet<String> {
        let mut names = this.inside.clone();
        names.extend(
            this.first
                .iter()
                .filter(|w| other.inside.contains(*w))
                .cloned(),
        );
        names
    };
    let (in_a, in_b) = (names(a, b), names(b, a));
    let lacking = |names: &BTreeSet<String>, other: &BTreeSet<String>, spelled: &Capitalised| {
        names
            .iter()
            .filter(|n| !other.iter().any(|o| same_name(n, o)) && !spelled_out(n, spelled))
            .count()
    };
    lacking(&in_a, &in_b, b) > 0 && lacking(&in_b, &in_a, a) > 0
}

/// Whether two names are forms of one: the same word, another ending of
/// it ("Ukraine", "Ukrainian"; "China", "Chinese": a common start of at
/// least four letters and three quarters of the shorter), or spellings
/// of the same actor in two languages ("Украины", "Україні").
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let shorter = a.chars().count().min(b.chars().count());
    if common >= 4 && common * 4 >= shorter * 3 {
        return true;
    }
    // Short names were lowercased: "us" is the actor only as "US".
    let actors_of = |name: &str| match name.chars().count() {
        ..=3 => super::actors::actors_in(&name.to_uppercase()),
        _ => super::actors::actors_in(name),
    };
    let actors = actors_of(a);
    !actors.is_empty() && actors == actors_of(b)
}

/// Whether `name` is an acronym of a run of capitalised words of `other`,
/// or a word `other` has at all (capitalised at the start of a sentence).
fn spelled_out(name: &str, other: &Capitalised) -> bool {
    other.first.contains(name)
        || (name.chars().count() >= 2 && other.initials.iter().any(|i| i.contains(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn swapped(a: &str, b: &str) -> bool {
        substituted(&capitalised(a), &capitalised(b))
    }

    #[test]
    fn another_place_product_or_state_is_a_substitution() {
        assert!(swapped(
            "The EU puts a 40% tariff on food from Asia",
            "The EU has a 40% tariff on food from Africa."
        ));
        assert!(swapped(
            "Donald Trump won the state of Georgia",
            "Says Donald Trump “won Arizona.”"
        ));
    }

    #[test]
    fn other_forms_of_a_name_are_the_same_name() {
        assert!(!swapped(
            "Since 2022 Poland has received 1.5 million refugees from Ukraine",
            "Poland has taken in 1.5 million Ukrainian refugees since 2022."
        ));
        assert!(!swapped(
            "Россия повредила инфраструктуру Украины за зиму",
            "За зиму Росія пошкодила інфраструктуру в Україні"
        ));
        assert!(!swapped(
            "Beijing sends drones to Moscow",
            "Chinese drones reach Moscow via Beijing"
        ));
        // Names that merely start alike are not one.
        assert!(swapped(
            "The state of Austria banned it",
            "The state of Australia banned it"
        ));
    }

    #[test]
    fn the_same_names_or_fewer_are_not() {
        assert!(!swapped(
            "Donald Trump actually won the state of Arizona",
            "Says Donald Trump “won Arizona.”"
        ));
        assert!(!swapped(
            "Kayleigh McEnany is the daughter of JFK Jr.",
            "Says Kayleigh McEnany is John F. Kennedy Jr.’s daughter."
        ));
        assert!(!swapped(
            "Jabs broke the link between catching Covid and dying",
            "Vaccines have severed the link between Covid-19 infections and death."
        ));
        // A Title Case Headline tells nothing: another test decides.
        assert!(!swapped(
            "Does This Image Show A London Protest Against Vaccines?",
            "A photo shows a protest in Paris against vaccines"
        ));
    }
}
