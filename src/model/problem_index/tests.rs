//! Tests of the incremental problem index: after each kind of edit it
//! reports exactly what a full check of the workspace reports.

use super::*;
use crate::anchor::{self, Anchor, AnchorFault};
use crate::model::{
    Article, Evidence, Source, SourceKind, Stance, UrlOwner, Verdict, url_lacks_scheme,
};
use crate::sample::sample_workspace;
use proptest::prelude::*;

/// Texts for inserted articles, in mixed scripts.
const TEXTS: [&str; 3] = [
    "Путин и 习近平 👩‍👩‍👧 подписали заявление; café owners disagreed.",
    "外交部发言人表示，贸易额增长了百分之二十六 📈 — по данным министерства.",
    "",
];

/// A quote that matches none of the texts.
const WRONG_QUOTE: &str = "неверно 错误 🚫";

/// Asserts that the index says exactly what a full check says.
fn assert_agrees(index: &ProblemIndex, ws: &Workspace) {
    let full = ws.problems();
    assert_eq!(index.problems(ws), full);
    assert_eq!(index.len(), full.len());
    assert_eq!(index.is_empty(), full.is_empty());
    let claims: HashSet<ClaimId> = full.iter().filter_map(Problem::claim).collect();
    assert_eq!(index.claims_with_problems(), &claims);
    for id in ws.claims.iter().map(|c| c.id).chain(claims.iter().copied()) {
        let about: Vec<Problem> = full
            .iter()
            .filter(|p| p.claim() == Some(id))
            .cloned()
            .collect();
        assert_eq!(index.for_claim(id), &about[..], "problems of claim {id}");
    }
}

fn article(text: &str) -> Article {
    Article::new("Статья 文章", text)
}

/// A workspace with one article in mixed scripts and one good claim on it.
fn mixed_workspace() -> Workspace {
    let mut ws = Workspace::new("Mixed");
    ws.articles.push(article(TEXTS[0]));
    let anchor = anchor::find_quote(TEXTS[0], "习近平 👩‍👩‍👧", 0).unwrap();
    ws.claims
        .push(Claim::new(ws.articles[0].id, anchor, "Example Outlet"));
    ws.sources.push(Source::new(
        "Заявление",
        "https://example.org/statement",
        SourceKind::ALL[0],
    ));
    ws
}

fn cite(claim: &mut Claim, source: SourceId) {
    claim.evidence.push(Evidence {
        id: Default::default(),
        source,
        stance: Stance::Supports,
        excerpt: String::new(),
        note: String::new(),
        anchor: None,
    });
}

#[test]
fn touched_merges_each_id_once() {
    let (a, b) = (ClaimId::new(), ClaimId::new());
    let mut touched = Touched::claim(a);
    assert!(!touched.is_empty());
    touched.merge(Touched::claim(b));
    touched.merge(Touched::claim(a));
    assert_eq!(touched.claims.len(), 2);
    assert!(touched.claims.contains(&a) && touched.claims.contains(&b));
    assert!(!touched.everything);
    touched.merge(Touched::everything());
    assert!(touched.everything);
    assert!(Touched::default().is_empty());
    assert!(!Touched::everything().is_empty());
}

#[test]
fn a_clean_workspace_has_no_problems_and_the_sample_agrees() {
    let ws = mixed_workspace();
    let index = ProblemIndex::new(&ws);
    assert!(index.is_empty());
    assert_eq!(index.problems(&ws), vec![]);
    let sample = sample_workspace();
    assert_agrees(&ProblemIndex::new(&sample), &sample);
}

#[test]
fn a_bad_anchor_in_mixed_scripts_is_found_and_cleared() {
    let mut ws = mixed_workspace();
    let mut index = ProblemIndex::new(&ws);
    let id = ws.claims[0].id;
    let good = ws.claims[0].anchor.clone();
    ws.claims[0].anchor = Anchor {
        exact: WRONG_QUOTE.into(),
        ..good.clone()
    };
    index.update(&ws, &Touched::claim(id));
    assert_eq!(
        index.for_claim(id),
        &[Problem::BadAnchor {
            claim: id,
            fault: AnchorFault::Mismatch {
                expected: WRONG_QUOTE.into(),
                found: "习近平 👩‍👩‍👧".into(),
            },
        }]
    );
    assert!(index.claims_with_problems().contains(&id));
    assert_agrees(&index, &ws);
    ws.claims[0].anchor = good;
    index.update(&ws, &Touched::claim(id));
    assert!(index.is_empty());
    assert!(index.claims_with_problems().is_empty());
}

#[test]
fn typing_in_a_claim_keeps_the_generation() {
    let mut ws = mixed_workspace();
    ws.claims[0].verdict = Some("not-on-the-scale".into());
    let mut index = ProblemIndex::new(&ws);
    let before = index.generation();
    ws.claims[0].rationale.push_str("Проверено по 官方 data 🙂");
    index.update(&ws, &Touched::claim(ws.claims[0].id));
    assert_eq!(index.generation(), before, "no problem changed");
    ws.claims[0].verdict = None;
    index.update(&ws, &Touched::claim(ws.claims[0].id));
    assert_ne!(index.generation(), before, "a problem went away");
    assert!(index.is_empty());
}

#[test]
fn no_two_indexes_share_a_generation() {
    let ws = mixed_workspace();
    assert_ne!(
        ProblemIndex::new(&ws).generation(),
        ProblemIndex::new(&ws).generation()
    );
}

#[test]
fn only_what_was_touched_is_checked_again() {
    let mut ws = mixed_workspace();
    let second = anchor::find_quote(TEXTS[0], "café", 0).unwrap();
    ws.claims
        .push(Claim::new(ws.articles[0].id, second, "Example Outlet"));
    let mut index = ProblemIndex::new(&ws);
    // Break the second claim but report only the first: the index, which
    // checks only what it is told, still sees no problem.
    ws.claims[1].anchor.exact = WRONG_QUOTE.into();
    index.update(&ws, &Touched::claim(ws.claims[0].id));
    assert!(index.is_empty());
    index.update(&ws, &Touched::claim(ws.claims[1].id));
    assert_eq!(index.len(), 1);
    assert_agrees(&index, &ws);
}

#[test]
fn a_claim_inserted_with_an_id_already_present_is_a_duplicate_until_removed() {
    let mut ws = mixed_workspace();
    let mut index = ProblemIndex::new(&ws);
    let id = ws.claims[0].id;
    let mut copy = ws.claims[0].clone();
    copy.verdict = Some("ложь".into());
    ws.claims.insert(0, copy);
    index.update(&ws, &Touched::claim(id));
    assert_eq!(
        index.for_claim(id),
        &[
            Problem::DuplicateClaimId { id },
            Problem::UnknownVerdict {
                claim: id,
                key: "ложь".into()
            },
        ]
    );
    assert_agrees(&index, &ws);
    ws.claims.remove(0);
    index.update(&ws, &Touched::claim(id));
    assert!(index.is_empty());
}

#[test]
fn removing_the_article_of_a_claim_and_undoing_it() {
    let mut ws = mixed_workspace();
    let mut index = ProblemIndex::new(&ws);
    let before = ws.clone();
    let removed = ws.articles.remove(0);
    let touched = Touched {
        articles: vec![removed.id],
        ..Touched::default()
    };
    index.update(&ws, &touched);
    assert_eq!(
        index.problems(&ws),
        vec![Problem::MissingArticle {
            claim: ws.claims[0].id,
            article: removed.id,
        }]
    );
    let ws = before;
    index.update(&ws, &touched);
    assert!(index.is_empty());
}

#[test]
fn removing_a_cited_source_and_undoing_it() {
    let mut ws = mixed_workspace();
    let cited = ws.sources[0].id;
    cite(&mut ws.claims[0], cited);
    let mut index = ProblemIndex::new(&ws);
    assert!(index.is_empty());
    let before = ws.clone();
    ws.sources.clear();
    let touched = Touched {
        sources: vec![cited],
        ..Touched::default()
    };
    index.update(&ws, &touched);
    let claim = ws.claims[0].id;
    assert_eq!(
        index.problems(&ws),
        vec![Problem::MissingSource { claim, cited }]
    );
    let ws = before;
    index.update(&ws, &touched);
    assert!(index.is_empty());
}

#[test]
fn urls_without_a_scheme_are_problems_kept_up_to_date() {
    let mut ws = mixed_workspace();
    let mut index = ProblemIndex::new(&ws);
    assert!(index.is_empty());
    ws.articles[0].url = "rg.ru/2026/05/07/путин.html".into();
    let details = Touched {
        details: true,
        ..Touched::default()
    };
    index.update(&ws, &details);
    assert_agrees(&index, &ws);
    assert!(matches!(
        &index.problems(&ws)[..],
        [Problem::UrlWithoutScheme { owner: UrlOwner::Article { .. }, url }] if url.starts_with("rg.ru")
    ));
    let generation = index.generation();
    index.update(&ws, &Touched::claim(ws.claims[0].id));
    assert_eq!(
        index.generation(),
        generation,
        "a claim edit leaves URLs alone"
    );
    ws.sources[0].archive_url = "web.archive.org/web/2026/习近平".into();
    ws.sources[0].url = "HTTPS://Example.org/ok".into();
    let source = ws.sources[0].id;
    let sources = Touched {
        sources: vec![source],
        ..Touched::default()
    };
    index.update(&ws, &sources);
    assert_agrees(&index, &ws);
    assert_eq!(index.len(), 2, "{:?}", index.problems(&ws));
    ws.articles[0].url = "https://rg.ru/".into();
    ws.sources[0].archive_url.clear();
    index.update(&ws, &details);
    assert_agrees(&index, &ws);
    assert!(index.is_empty());
    assert!(url_lacks_scheme("ftp://x") && url_lacks_scheme(" www.x.org "));
    assert!(!url_lacks_scheme("  ") && !url_lacks_scheme("http://👩‍👩‍👧.example"));
}

#[test]
fn a_change_of_scale_is_noticed_even_when_not_reported() {
    let mut ws = mixed_workspace();
    ws.claims[0].verdict = Some(ws.scale.verdicts[0].key.clone());
    let mut index = ProblemIndex::new(&ws);
    ws.scale.verdicts.clear();
    index.update(&ws, &Touched::default());
    assert_eq!(
        index.problems(&ws),
        vec![
            Problem::EmptyScale,
            Problem::UnknownVerdict {
                claim: ws.claims[0].id,
                key: ws.claims[0].verdict.clone().unwrap(),
            },
        ]
    );
}

#[test]
fn claims_inserted_without_being_reported_are_still_checked() {
    let mut ws = mixed_workspace();
    let mut index = ProblemIndex::new(&ws);
    let mut copy = ws.claims[0].clone();
    copy.id = ClaimId::new();
    copy.anchor.exact = WRONG_QUOTE.into();
    ws.claims.push(copy);
    index.update(&ws, &Touched::default());
    assert_eq!(index.len(), 1);
    assert_agrees(&index, &ws);
}

#[test]
fn moving_a_claim_reorders_its_problems_and_changes_the_generation() {
    let mut ws = mixed_workspace();
    let mut second = ws.claims[0].clone();
    second.id = ClaimId::new();
    second.verdict = Some("второй".into());
    ws.claims[0].verdict = Some("第一".into());
    ws.claims.push(second);
    let mut index = ProblemIndex::new(&ws);
    let before = index.generation();
    let moved = ws.claims.remove(1);
    ws.claims.insert(0, moved);
    index.update(&ws, &Touched::claim(ws.claims[0].id));
    assert_agrees(&index, &ws);
    assert!(matches!(
        &index.problems(&ws)[0],
        Problem::UnknownVerdict { key, .. } if key == "второй"
    ));
    assert_ne!(index.generation(), before);
}

/// One random change.
#[derive(Clone, Debug)]
enum Op {
    EditRationale(usize),
    GoodAnchor(usize, usize, usize),
    BadAnchor(usize, u8),
    Verdict(usize, u8),
    Cite(usize, usize, bool),
    MoveToArticle(usize, usize, bool),
    InsertClaim(usize, usize, Option<usize>),
    RemoveClaim(usize),
    MoveClaim(usize, usize),
    Reid(usize, Option<usize>),
    InsertArticle(usize, usize, Option<usize>),
    RemoveArticle(usize),
    EditText(usize, usize),
    InsertSource(usize, Option<usize>),
    RemoveSource(usize),
    Scale(u8),
    Undo,
}

fn op() -> impl Strategy<Value = Op> {
    let n = || 0..64usize;
    prop_oneof![
        n().prop_map(Op::EditRationale),
        (n(), 0..400usize, 1..8usize).prop_map(|(c, s, l)| Op::GoodAnchor(c, s, l)),
        (n(), 0..4u8).prop_map(|(c, k)| Op::BadAnchor(c, k)),
        (n(), 0..3u8).prop_map(|(c, k)| Op::Verdict(c, k)),
        (n(), n(), any::<bool>()).prop_map(|(c, s, m)| Op::Cite(c, s, m)),
        (n(), n(), any::<bool>()).prop_map(|(c, a, m)| Op::MoveToArticle(c, a, m)),
        (n(), n(), proptest::option::of(n())).prop_map(|(p, a, d)| Op::InsertClaim(p, a, d)),
        n().prop_map(Op::RemoveClaim),
        (n(), n()).prop_map(|(c, to)| Op::MoveClaim(c, to)),
        (n(), proptest::option::of(n())).prop_map(|(c, d)| Op::Reid(c, d)),
        (n(), 0..TEXTS.len(), proptest::option::of(n()))
            .prop_map(|(p, t, d)| Op::InsertArticle(p, t, d)),
        n().prop_map(Op::RemoveArticle),
        (n(), 0..400usize).prop_map(|(a, at)| Op::EditText(a, at)),
        (n(), proptest::option::of(n())).prop_map(|(p, d)| Op::InsertSource(p, d)),
        n().prop_map(Op::RemoveSource),
        (0..6u8).prop_map(Op::Scale),
        Just(Op::Undo),
    ]
}

/// A scale for `Op::Scale`: presets, and broken ones.
fn scale(kind: u8) -> VerdictScale {
    let mut scale = match kind % 3 {
        0 => VerdictScale::default_scale(),
        1 => VerdictScale::politifact(),
        _ => VerdictScale::fever(),
    };
    match kind {
        3 => scale.verdicts.clear(),
        4 => {
            let copy: Verdict = scale.verdicts[0].clone();
            scale.verdicts.push(copy);
        }
        5 => scale.verdicts[0].rating = Some(0),
        _ => {}
    }
    scale
}

fn claims(ids: &[ClaimId]) -> Touched {
    Touched {
        claims: ids.to_vec(),
        ..Touched::default()
    }
}

/// A good anchor of up to `len` chars from `start` (wrapped) in `text`, or a
/// bad one when the text is empty.
fn anchor_in(text: &str, start: usize, len: usize) -> Anchor {
    let chars = text.chars().count();
    if chars == 0 {
        return bad_anchor(0);
    }
    let start = start % chars;
    anchor::capture(text, start, (start + len).min(chars)).unwrap()
}

fn bad_anchor(kind: u8) -> Anchor {
    let (start, end) = match kind {
        0 => (0, 3),
        1 => (5, 2),
        2 => (4, 4),
        _ => (10_000, 10_003),
    };
    Anchor {
        start,
        end,
        exact: WRONG_QUOTE.into(),
        prefix: String::new(),
        suffix: String::new(),
    }
}

/// Applies `op` to `ws`; returns what it touched, `None` when it did nothing.
fn apply(ws: &mut Workspace, op: &Op) -> Option<Touched> {
    let claim_at = |ws: &Workspace, i: usize| (!ws.claims.is_empty()).then(|| i % ws.claims.len());
    match *op {
        Op::EditRationale(i) => {
            let i = claim_at(ws, i)?;
            ws.claims[i].rationale.push('я');
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::GoodAnchor(i, start, len) => {
            let i = claim_at(ws, i)?;
            let text = ws.article(ws.claims[i].article)?.text.clone();
            ws.claims[i].anchor = anchor_in(&text, start, len);
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::BadAnchor(i, kind) => {
            let i = claim_at(ws, i)?;
            ws.claims[i].anchor = bad_anchor(kind);
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::Verdict(i, kind) => {
            let i = claim_at(ws, i)?;
            ws.claims[i].verdict = match kind {
                0 => None,
                1 => Some(
                    ws.scale
                        .verdicts
                        .first()
                        .map_or("true".into(), |v| v.key.clone()),
                ),
                _ => Some("не-на-шкале".into()),
            };
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::Cite(i, s, missing) => {
            let i = claim_at(ws, i)?;
            let source = match ws.sources.len() {
                n if n > 0 && !missing => ws.sources[s % n].id,
                _ => SourceId::new(),
            };
            cite(&mut ws.claims[i], source);
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::MoveToArticle(i, a, missing) => {
            let i = claim_at(ws, i)?;
            ws.claims[i].article = match ws.articles.len() {
                n if n > 0 && !missing => ws.articles[a % n].id,
                _ => ArticleId::new(),
            };
            Some(Touched::claim(ws.claims[i].id))
        }
        Op::InsertClaim(position, a, dup) => {
            let (article, anchor) = match ws.articles.len() {
                0 => (ArticleId::new(), bad_anchor(0)),
                n => {
                    let article = &ws.articles[a % n];
                    (article.id, anchor_in(&article.text, a * 7, 1 + a % 5))
                }
            };
            let mut claim = Claim::new(article, anchor, "Outlet");
            if let Some(k) = dup.and_then(|k| claim_at(ws, k)) {
                claim.id = ws.claims[k].id;
            }
            let id = claim.id;
            ws.claims.insert(position % (ws.claims.len() + 1), claim);
            Some(Touched::claim(id))
        }
        Op::RemoveClaim(i) => {
            let i = claim_at(ws, i)?;
            Some(Touched::claim(ws.claims.remove(i).id))
        }
        Op::MoveClaim(i, to) => {
            let i = claim_at(ws, i)?;
            let claim = ws.claims.remove(i);
            let id = claim.id;
            ws.claims.insert(to % (ws.claims.len() + 1), claim);
            Some(Touched::claim(id))
        }
        Op::Reid(i, other) => {
            let i = claim_at(ws, i)?;
            let new = other
                .and_then(|k| claim_at(ws, k))
                .map_or_else(ClaimId::new, |k| ws.claims[k].id);
            let old = std::mem::replace(&mut ws.claims[i].id, new);
            Some(claims(&[old, new]))
        }
        Op::InsertArticle(position, text, dup) => {
            let mut new = article(TEXTS[text]);
            if let Some(n) = dup.filter(|_| !ws.articles.is_empty()) {
                new.id = ws.articles[n % ws.articles.len()].id;
            }
            let touched = Touched {
                articles: vec![new.id],
                ..Touched::default()
            };
            ws.articles.insert(position % (ws.articles.len() + 1), new);
            Some(touched)
        }
        Op::RemoveArticle(a) => {
            let n = ws.articles.len();
            let removed = (n > 0).then(|| ws.articles.remove(a % n))?;
            Some(Touched {
                articles: vec![removed.id],
                ..Touched::default()
            })
        }
        Op::EditText(a, at) => {
            let n = ws.articles.len();
            let article = (n > 0).then(|| &mut ws.articles[a % n])?;
            let at = at % (article.char_len() + 1);
            let byte = anchor::char_to_byte(&article.text, at)?;
            article.text.insert_str(byte, "Ой, 中文 🙂 ");
            Some(Touched {
                articles: vec![article.id],
                ..Touched::default()
            })
        }
        Op::InsertSource(position, dup) => {
            let mut source =
                Source::new("Источник 来源", "https://example.org", SourceKind::ALL[0]);
            if let Some(n) = dup.filter(|_| !ws.sources.is_empty()) {
                source.id = ws.sources[n % ws.sources.len()].id;
            }
            let touched = Touched {
                sources: vec![source.id],
                ..Touched::default()
            };
            ws.sources.insert(position % (ws.sources.len() + 1), source);
            Some(touched)
        }
        Op::RemoveSource(s) => {
            let n = ws.sources.len();
            let removed = (n > 0).then(|| ws.sources.remove(s % n))?;
            Some(Touched {
                sources: vec![removed.id],
                ..Touched::default()
            })
        }
        Op::Scale(kind) => {
            ws.scale = scale(kind);
            Some(Touched::everything())
        }
        Op::Undo => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn incremental_updates_agree_with_a_full_check(
        groups in proptest::collection::vec(proptest::collection::vec(op(), 1..4), 1..24)
    ) {
        let mut ws = sample_workspace();
        let mut index = ProblemIndex::new(&ws);
        assert_agrees(&index, &ws);
        let mut history: Vec<(Workspace, Touched)> = Vec::new();
        for group in &groups {
            let before = (ws.problems(), index.generation());
            let mut touched = Touched::default();
            for op in group {
                if let Op::Undo = op {
                    if let Some((earlier, undone)) = history.pop() {
                        ws = earlier;
                        touched.merge(undone);
                    }
                    continue;
                }
                let earlier = ws.clone();
                if let Some(done) = apply(&mut ws, op) {
                    history.push((earlier, done.clone()));
                    touched.merge(done);
                }
            }
            index.update(&ws, &touched);
            assert_agrees(&index, &ws);
            if ws.problems() != before.0 {
                prop_assert_ne!(index.generation(), before.1, "problems changed after {:?}", group);
            }
        }
    }
}
