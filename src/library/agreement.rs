//! Whether a candidate agrees with the query on the details that make a
//! claim true or false: its amounts and percentages, its years, and who
//! does what to whom. A disagreement multiplies the score down, so a near
//! miss that shares every other word falls below a real rewording.

use super::analyze::Analysis;
use super::numbers::Quantity;

/// Nothing in common where both sides name a detail of this kind.
const CONFLICT: f64 = 0.3;
/// Some in common, but each side also names one the other lacks.
const PARTLY: f64 = 0.35;
/// One side names more, or only one side names any.
const EXTRA: f64 = 0.85;
/// The same two actors in the opposite order ("who supplies whom"),
/// unless either text names a source ("imported from China"), which
/// frees the order.
const SWAPPED_ROLES: f64 = 0.35;
/// Each text names a person, place or product the other does not ("won
/// Georgia" for "won Arizona"; [`super::names`]).
const OTHER_NAME: f64 = 0.45;

/// A factor in (0, 1]: 1 when numbers, years and actors all agree.
pub fn agreement(query: &Analysis, candidate: &Analysis) -> f64 {
    let amounts = |a: &Analysis| -> Vec<Quantity> {
        a.quantities
            .iter()
            .copied()
            .filter(|q| !q.is_year())
            .collect()
    };
    let years = |a: &Analysis| -> Vec<Quantity> {
        a.quantities
            .iter()
            .copied()
            .filter(|q| q.is_year())
            .collect()
    };
    let numbers = compare(&amounts(query), &amounts(candidate), |a, b| {
        a.agrees_with(*b)
    });
    let dates = compare(&years(query), &years(candidate), |a, b| a.agrees_with(*b));
    let roles = if query.names_a_source || candidate.names_a_source {
        1.0
    } else {
        role_order(&query.actors, &candidate.actors)
    };
    let actors = compare(&query.actors, &candidate.actors, |a, b| a == b) * roles;
    let names = if super::names::substituted(&query.names, &candidate.names) {
        OTHER_NAME
    } else {
        1.0
    };
    numbers * dates * actors * names
}

/// How well two lists of details agree, by the factors above.
fn compare<T>(query: &[T], candidate: &[T], same: impl Fn(&T, &T) -> bool) -> f64 {
    if query.is_empty() && candidate.is_empty() {
        return 1.0;
    }
    if query.is_empty() || candidate.is_empty() {
        return EXTRA;
    }
    let only_in_query = query
        .iter()
        .filter(|q| !candidate.iter().any(|c| same(q, c)))
        .count();
    let only_in_candidate = candidate
        .iter()
        .filter(|c| !query.iter().any(|q| same(q, c)))
        .count();
    match (only_in_query, only_in_candidate) {
        (q, _) if q == query.len() => CONFLICT,
        (0, 0) => 1.0,
        (0, _) | (_, 0) => EXTRA,
        _ => PARTLY,
    }
}

/// Whether the two actors both name come in the same order.
fn role_order(query: &[&'static str], candidate: &[&'static str]) -> f64 {
    let shared_in = |list: &[&'static str], other: &[&'static str]| -> Vec<&'static str> {
        list.iter().copied().filter(|a| other.contains(a)).collect()
    };
    let in_query = shared_in(query, candidate);
    let in_candidate = shared_in(candidate, query);
    // Two actors in the other order swap roles; three or more are a list,
    // whose order says nothing ("Zambia, Tanzania and Haiti").
    if in_query.len() == 2 && in_query != in_candidate {
        SWAPPED_ROLES
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::analyze::Analyzer;

    fn agree(a: &str, b: &str) -> f64 {
        let mut analyzer = Analyzer::new();
        agreement(&analyzer.analyze(a), &analyzer.analyze(b))
    }

    #[test]
    fn the_same_details_in_other_words_agree() {
        assert_eq!(
            agree(
                "Russia sold $245bn of gas in 2023",
                "In 2023 Russian gas sales reached 245 billion dollars"
            ),
            1.0
        );
        assert_eq!(
            agree(
                "Россия продала газа на 245 млрд долларов в 2023 году",
                "Russia sold $245bn of gas in 2023"
            ),
            1.0
        );
    }

    #[test]
    fn another_number_year_or_actor_disagrees() {
        let base = "Russia sold $245bn of gas to China in 2023";
        assert!(agree(base, "Russia sold $254bn of gas to China in 2023") <= CONFLICT);
        assert!(agree(base, "Russia sold $245bn of gas to China in 2021") <= CONFLICT);
        assert!(agree(base, "Russia sold $245bn of gas to India in 2023") <= PARTLY);
        assert!(agree(base, "China sold $245bn of gas to Russia in 2023") <= SWAPPED_ROLES);
    }

    #[test]
    fn russian_and_ukrainian_number_words_agree_with_digits() {
        let digits = "ЕС принял 16-й пакет санкций против России";
        assert_eq!(
            agree("ЕС принял шестнадцатый пакет санкций против России", digits),
            1.0
        );
        assert!(agree("ЕС принял пятнадцатый пакет санкций против России", digits) <= CONFLICT);
        assert_eq!(
            agree(
                "Польща прийняла п'ятдесят тисяч біженців",
                "Польща прийняла 50 тисяч біженців"
            ),
            1.0
        );
    }

    #[test]
    fn a_list_of_three_actors_in_another_order_agrees() {
        assert_eq!(
            agree(
                "The leaders of Zambia, Tanzania and Haiti died",
                "The presidents of Haiti, Tanzania and Zambia died"
            ),
            1.0
        );
    }

    #[test]
    fn a_missing_detail_weighs_less_than_a_wrong_one() {
        let missing = agree(
            "Russia sold $245bn of gas in 2023",
            "Russia sold gas in 2023",
        );
        let wrong = agree(
            "Russia sold $245bn of gas in 2023",
            "Russia sold $12bn of gas in 2023",
        );
        assert!(missing > wrong, "{missing} vs {wrong}");
        assert!(missing < 1.0);
    }
}
