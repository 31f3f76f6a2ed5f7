//! Version pairs written for re-anchoring, in English, Russian and Chinese:
//! each claim with the outcome and the span it must get in the new text.

use factbench::anchor::{Anchor, find_quote};
use factbench::reanchor::{Outcome, reanchor_all};

/// A claim on the `nth` occurrence of `quote` in the old text, expected to
/// become `outcome` on the `at`-th occurrence of `span` in the new text
/// (`None` for an orphan).
struct Expect {
    quote: &'static str,
    nth: usize,
    outcome: Outcome,
    span: Option<(&'static str, usize)>,
}

const fn claim(quote: &'static str, outcome: Outcome, span: &'static str) -> Expect {
    Expect {
        quote,
        nth: 0,
        outcome,
        span: Some((span, 0)),
    }
}

const fn orphan(quote: &'static str) -> Expect {
    Expect {
        quote,
        nth: 0,
        outcome: Outcome::Orphaned,
        span: None,
    }
}

fn check(name: &str, old: &str, new: &str, claims: &[Expect]) {
    let anchors: Vec<Anchor> = claims
        .iter()
        .map(|c| {
            find_quote(old, c.quote, c.nth)
                .unwrap_or_else(|| panic!("{name}: {:?} is not in the old text", c.quote))
        })
        .collect();
    let refs: Vec<&Anchor> = anchors.iter().collect();
    let results = reanchor_all(old, new, &refs);
    for (expect, got) in claims.iter().zip(&results) {
        let what = format!("{name}: {:?} (occurrence {})", expect.quote, expect.nth);
        assert_eq!(got.outcome, expect.outcome, "{what}: {got:?}");
        assert!(
            (0.0..=1.0).contains(&got.score),
            "{what}: score {}",
            got.score
        );
        match (expect.span, &got.anchor) {
            (None, None) => {}
            (Some((span, at)), Some(anchor)) => {
                let want = find_quote(new, span, at)
                    .unwrap_or_else(|| panic!("{what}: {span:?} is not in the new text"));
                assert_eq!((anchor.start, anchor.end), (want.start, want.end), "{what}");
                assert_eq!(anchor, &want, "{what}: prefix and suffix are recaptured");
            }
            (want, got) => panic!("{what}: expected span {want:?}, got {got:?}"),
        }
    }
}

const EN_OLD: &str = "\
City officials said 2450 residents were evacuated before the storm reached the coast.

The mayor called the response \"the fastest in the city's history\" and thanked volunteers.

Power was restored to most homes by Tuesday, the utility company said.

Critics said the goverment had ignored earlier warnings about the levee.

The storm damaged three bridges and closed the main highway for two days.

The storm damaged three schools, officials said.

Officials will review the evacuation plan next month.
";

const EN_NEW: &str = "\
UPDATED on 12 May: this article was corrected to give the final number of evacuees.

City officials said 2448 residents were evacuated before the storm reached the coast.

Power was restored to most homes by Tuesday, the utility company said.

The mayor called the response \"the fastest in the city's history\" and thanked volunteers.

Critics said the government had ignored earlier warnings about the levee.

The storm damaged three schools, officials said.

Officials will review the evacuation plan next month.
";

#[test]
fn english_corrections_moves_and_removals() {
    check(
        "en",
        EN_OLD,
        EN_NEW,
        &[
            // A number changed inside the quote (and an update line on top).
            claim(
                "2450 residents were evacuated before the storm",
                Outcome::Edited,
                "2448 residents were evacuated before the storm",
            ),
            // Reordered paragraphs.
            claim(
                "\"the fastest in the city's history\"",
                Outcome::Moved,
                "\"the fastest in the city's history\"",
            ),
            claim(
                "Power was restored to most homes by Tuesday",
                Outcome::Moved,
                "Power was restored to most homes by Tuesday",
            ),
            // A typo fixed inside the quote.
            claim(
                "the goverment had ignored earlier warnings",
                Outcome::Edited,
                "the government had ignored earlier warnings",
            ),
            // A sentence removed, with a lookalike left where it was.
            orphan("The storm damaged three bridges and closed the main highway"),
            claim(
                "The storm damaged three schools",
                Outcome::Moved,
                "The storm damaged three schools",
            ),
            claim(
                "Officials will review the evacuation plan",
                Outcome::Moved,
                "Officials will review the evacuation plan",
            ),
        ],
    );
}

const EN_TWICE_OLD: &str = "\
The minister said exports grew by 12 per cent last year.

Analysts doubted the figure. A spokesman repeated that exports grew by 12 per cent, citing customs data.
";

const EN_TWICE_NEW: &str = "\
Analysts doubted the figure. A spokesman repeated that exports grew by 12 per cent, citing customs data.

The minister said exports grew by 12 per cent last year.

Correction: an earlier version misnamed the ministry.
";

#[test]
fn a_phrase_that_occurs_twice_follows_its_own_occurrence() {
    check(
        "en-twice",
        EN_TWICE_OLD,
        EN_TWICE_NEW,
        &[
            Expect {
                quote: "exports grew by 12 per cent",
                nth: 0,
                outcome: Outcome::Moved,
                span: Some(("exports grew by 12 per cent", 1)),
            },
            Expect {
                quote: "exports grew by 12 per cent",
                nth: 1,
                outcome: Outcome::Moved,
                span: Some(("exports grew by 12 per cent", 0)),
            },
        ],
    );
}

#[test]
fn a_removed_occurrence_is_not_attached_to_the_one_that_stays() {
    let new = "\
Analysts doubted the figure. A spokesman repeated that exports grew by 12 per cent, citing customs data.
";
    check(
        "en-twice-removed",
        EN_TWICE_OLD,
        new,
        &[
            Expect {
                quote: "exports grew by 12 per cent",
                nth: 0,
                outcome: Outcome::Orphaned,
                span: None,
            },
            Expect {
                quote: "exports grew by 12 per cent",
                nth: 1,
                outcome: Outcome::Moved,
                span: Some(("exports grew by 12 per cent", 0)),
            },
        ],
    );
}

const RU_OLD: &str = "\
Министерство обороны сообщило, что за сутки сбито 38 беспилотников над тремя областями.

По словам губернатора, в результате атаки пострадали пять человек.

Ранее власти заявляли о резком росте числа атак на энергетическую инфраструктуру.

В министерстве отметили, что ремонт подстанции займёт около недели.

Пострадали пять человек, сообщили в больнице.
";

const RU_NEW: &str = "\
ОБНОВЛЕНО: добавлены данные больницы.

Министерство обороны сообщило, что за сутки сбито 36 беспилотников над тремя областями.

Ранее власти заявляли о значительном росте числа атак на энергетическую инфраструктуру.

В министерстве отметили, что ремонт подстанции займёт около недели.

Пострадали пять человек, сообщили в больнице.
";

#[test]
fn russian_number_changed_word_replaced_paragraph_removed() {
    check(
        "ru",
        RU_OLD,
        RU_NEW,
        &[
            claim(
                "за сутки сбито 38 беспилотников над тремя областями",
                Outcome::Edited,
                "за сутки сбито 36 беспилотников над тремя областями",
            ),
            // The paragraph is gone; the same words remain in another one.
            orphan("в результате атаки пострадали пять человек"),
            claim(
                "о резком росте числа атак на энергетическую инфраструктуру",
                Outcome::Edited,
                "о значительном росте числа атак на энергетическую инфраструктуру",
            ),
            claim(
                "ремонт подстанции займёт около недели",
                Outcome::Moved,
                "ремонт подстанции займёт около недели",
            ),
            claim(
                "Пострадали пять человек",
                Outcome::Moved,
                "Пострадали пять человек",
            ),
        ],
    );
}

const ZH_OLD: &str = "\
外交部发言人表示，两国贸易额去年增长了百分之十二，达到2450亿美元。

双方同意在能源领域加强合作。

发言人还说，会谈在友好的气氛中进行。

专家认为，这一数字可能被高估。
";

const ZH_NEW: &str = "\
【更新】本文已更正贸易数据和标题。

发言人还说，会谈在友好的气氛中进行。

外交部发言人表示，两国贸易额去年增长了百分之十二，达到2448亿美元。

专家认为，这一数字可能被高估。
";

#[test]
fn chinese_update_line_reorder_number_and_removed_paragraph() {
    check(
        "zh",
        ZH_OLD,
        ZH_NEW,
        &[
            claim(
                "两国贸易额去年增长了百分之十二，达到2450亿美元",
                Outcome::Edited,
                "两国贸易额去年增长了百分之十二，达到2448亿美元",
            ),
            orphan("双方同意在能源领域加强合作"),
            claim(
                "会谈在友好的气氛中进行",
                Outcome::Moved,
                "会谈在友好的气氛中进行",
            ),
            claim("这一数字可能被高估", Outcome::Moved, "这一数字可能被高估"),
        ],
    );
}

#[test]
fn emoji_flags_and_combining_marks_keep_their_clusters() {
    let old = "Le café\u{301} 👩‍👩‍👧 a fermé 🇺🇦 mardi, selon la mairie.";
    let new = "Mise à jour. Le café\u{301} 👩‍👩‍👧 a fermé 🇺🇦 lundi, selon la mairie.";
    check(
        "fr-emoji",
        old,
        new,
        &[claim(
            "café\u{301} 👩‍👩‍👧 a fermé 🇺🇦 mardi",
            Outcome::Edited,
            "café\u{301} 👩‍👩‍👧 a fermé 🇺🇦 lundi",
        )],
    );
}

#[test]
fn an_unchanged_text_region_stays_unchanged_after_an_edit_further_on() {
    let old = "First sentence stays put. Second sentence has 10 items.";
    let new = "First sentence stays put. Second sentence has 11 items.";
    check(
        "en-same-place",
        old,
        new,
        &[claim(
            "First sentence stays put",
            Outcome::Unchanged,
            "First sentence stays put",
        )],
    );
}

#[test]
fn a_lookalike_left_where_the_quoted_sentence_was_is_not_taken() {
    let old = "The ministry said 40 people were injured in the blast. The ministry said 40 people were killed in the blast.";
    let new = "The ministry said 40 people were killed in the blast.";
    check(
        "en-lookalike",
        old,
        new,
        &[
            orphan("The ministry said 40 people were injured in the blast."),
            Expect {
                quote: "The ministry said 40 people were killed in the blast.",
                nth: 0,
                outcome: Outcome::Moved,
                span: Some(("The ministry said 40 people were killed in the blast.", 0)),
            },
        ],
    );
    let ru_old = "Мэр сообщил о трёх погибших.\nМэр сообщил о трёх пострадавших.\n";
    let ru_new = "Мэр сообщил о трёх пострадавших.\n";
    check(
        "ru-lookalike",
        ru_old,
        ru_new,
        &[orphan("Мэр сообщил о трёх погибших.")],
    );
}

#[test]
fn a_sentence_rewritten_from_scratch_orphans_its_claim() {
    let old = "Intro.\n\nThe governor promised new schools by spring.\n\nOutro.";
    let new = "Intro.\n\nBudget talks stalled again on Friday evening.\n\nOutro.";
    check(
        "en-rewritten",
        old,
        new,
        &[
            orphan("The governor promised new schools by spring."),
            claim("Outro", Outcome::Moved, "Outro"),
        ],
    );
}
