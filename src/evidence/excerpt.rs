//! Evidence excerpts anchored in a source's text snapshot, the way claims
//! are anchored in an article: found with `mark`'s folding (spaces, quote
//! marks, dashes, invisible characters need not match), kept as quote,
//! context and char offsets, followed into a newer snapshot of the same
//! source, and checked again by `verify`.

use crate::anchor::{Anchor, CharIndex};
use crate::model::{Evidence, ExcerptAnchor, ExcerptCheck, Snapshot, Source};
use crate::reanchor::Reanchorer;
use crate::text::{PastedQuoteFinder, is_cluster_boundary};

/// Every place `excerpt` occurs in `text` (char offsets), in order.
pub fn occurrences(text: &str, excerpt: &str) -> Vec<(usize, usize)> {
    if PastedQuoteFinder::is_blank(excerpt) {
        return Vec::new();
    }
    let index = CharIndex::new(text);
    PastedQuoteFinder::new(text)
        .find(excerpt)
        .into_iter()
        .filter(|(s, e)| is_cluster_boundary(&index, *s) && is_cluster_boundary(&index, *e))
        .collect()
}

/// The anchor of chars `start..end` of `text`.
pub fn anchor_at(text: &str, start: usize, end: usize) -> Option<Anchor> {
    CharIndex::new(text).capture(start, end).ok()
}

/// Evidence citing chars `start..end` of `snapshot`'s text with `stance`,
/// the excerpt anchored at that place — what `cite --excerpt` makes of an
/// excerpt found there (the window's *Cite for the selected claim*).
/// `None` when the range is empty, outside the text, or splits a
/// character (an emoji sequence, a letter and its marks).
pub fn evidence_at(
    source: crate::model::SourceId,
    snapshot: &Snapshot,
    (start, end): (usize, usize),
    stance: crate::model::Stance,
) -> Option<Evidence> {
    let text = snapshot.text.as_deref()?;
    let index = CharIndex::new(text);
    let anchor = index.capture(start, end).ok()?;
    if !(is_cluster_boundary(&index, start) && is_cluster_boundary(&index, end)) {
        return None;
    }
    let excerpt = anchor.exact.clone();
    Some(Evidence {
        anchor: Some(Box::new(ExcerptAnchor {
            snapshot: snapshot.sha256.clone(),
            anchor: Some(anchor),
            unverified: false,
        })),
        ..Evidence::new(source, stance, excerpt)
    })
}

/// Where `excerpt` is in `snapshot`: its only occurrence, anchored; not
/// found (or found several times: no place can be told) gives no anchor.
pub fn anchor_in(snapshot: &Snapshot, excerpt: &str) -> ExcerptAnchor {
    let text = snapshot.text.as_deref().unwrap_or_default();
    let anchor = match occurrences(text, excerpt).as_slice() {
        [(start, end)] => anchor_at(text, *start, *end),
        _ => None,
    };
    ExcerptAnchor {
        snapshot: snapshot.sha256.clone(),
        anchor,
        unverified: false,
    }
}

/// Follows an excerpt from the snapshot it was anchored in (`old`, when
/// known) into `new`: through the alignment of the two texts when it had
/// a place, else by looking for it again. One cited `--unverified` and
/// still not found stays unverified; one that was found and is lost is
/// flagged (no anchor).
pub fn follow(
    reanchorer: Option<&Reanchorer<'_>>,
    evidence: &Evidence,
    new: &Snapshot,
) -> ExcerptAnchor {
    let previous = evidence.anchor.as_ref();
    let followed = reanchorer
        .zip(previous.and_then(|p| p.anchor.as_ref()))
        .and_then(|(r, anchor)| r.reanchor(anchor).anchor);
    let mut anchored = match followed {
        Some(anchor) => ExcerptAnchor {
            snapshot: new.sha256.clone(),
            anchor: Some(anchor),
            unverified: false,
        },
        None => anchor_in(new, &evidence.excerpt),
    };
    if anchored.anchor.is_none() {
        anchored.unverified = previous.is_some_and(|p| p.unverified);
    }
    anchored
}

/// What an evidence entry's anchor says now, against its source's
/// snapshots (no bytes read: the text is in the workspace). `None` for
/// evidence that is not anchored (no excerpt, or no text snapshot).
pub fn check(source: &Source, evidence: &Evidence) -> Option<ExcerptCheck> {
    let anchored = evidence.anchor.as_ref()?;
    if anchored.unverified {
        return Some(ExcerptCheck::Unverified);
    }
    let text = source
        .snapshot(&anchored.snapshot)
        .and_then(|s| s.text.as_deref());
    let found = match (text, &anchored.anchor) {
        (Some(text), Some(anchor)) => {
            CharIndex::new(text).check(anchor).is_ok()
                && same_words(&anchor.exact, &evidence.excerpt)
        }
        _ => false,
    };
    Some(match found {
        true => ExcerptCheck::Found,
        false => ExcerptCheck::NotFound,
    })
}

/// Whether the excerpt as written is the anchored quote, folded as `mark`
/// folds (an excerpt edited since it was anchored is not).
fn same_words(exact: &str, excerpt: &str) -> bool {
    let len = exact.chars().count();
    PastedQuoteFinder::new(exact)
        .find(excerpt)
        .contains(&(0, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(text: &str) -> Snapshot {
        Snapshot {
            sha256: "a".repeat(64),
            size: 1,
            media_type: "text/plain".into(),
            file_name: "x.txt".into(),
            url: String::new(),
            captured: jiff::Timestamp::UNIX_EPOCH,
            captured_from: crate::model::CapturedFrom::Given,
            captured_in_file: None,
            url_in_file: String::new(),
            method: crate::model::CaptureMethod::PlainText,
            by: "t".into(),
            added: jiff::Timestamp::UNIX_EPOCH,
            text: Some(text.into()),
            note: String::new(),
            image: None,
            replaces: None,
            pages: Vec::new(),
        }
    }

    #[test]
    fn a_selection_is_cited_anchored_where_it_is_and_never_splits_a_character() {
        use crate::model::{SourceId, Stance};
        let text = "Мэр: «рост 5 %» 🇺🇦 Zoe\u{308} 水は命です";
        let snap = snapshot(text);
        let source = SourceId::new();
        let cited = evidence_at(source, &snap, (5, 15), Stance::Refutes).unwrap();
        assert_eq!(cited.excerpt, "«рост 5 %»");
        assert_eq!(cited.stance, Stance::Refutes);
        let anchored = cited.anchor.unwrap();
        assert_eq!(anchored.snapshot, snap.sha256);
        let anchor = anchored.anchor.unwrap();
        assert_eq!(
            (anchor.start, anchor.end, anchor.prefix.as_str()),
            (5, 15, "Мэр: ")
        );
        assert_eq!(
            evidence_at(source, &snap, (0, 3), Stance::Context)
                .unwrap()
                .excerpt,
            "Мэр"
        );
        let cjk = text.chars().count() - 5;
        assert_eq!(
            evidence_at(source, &snap, (cjk, cjk + 5), Stance::Context)
                .unwrap()
                .excerpt,
            "水は命です"
        );
        // Half a flag, a letter without its combining mark, nothing, past the end.
        let flag = text.chars().position(|c| c == '🇺').unwrap();
        assert!(evidence_at(source, &snap, (flag, flag + 1), Stance::Context).is_none());
        let e = text.chars().position(|c| c == 'Z').unwrap() + 2;
        assert!(evidence_at(source, &snap, (e - 2, e + 1), Stance::Context).is_none());
        assert!(evidence_at(source, &snap, (e - 2, e + 2), Stance::Context).is_some());
        assert!(evidence_at(source, &snap, (3, 3), Stance::Context).is_none());
        assert!(evidence_at(source, &snap, (3, 999), Stance::Context).is_none());
    }

    #[test]
    fn offsets_are_chars_in_every_script() {
        // (text as import leaves it: NFC; excerpt as pasted; the quote found)
        let cases = [
            (
                "Президент сказал: «рост 5 %» вчера.",
                "«рост 5 %»",
                "«рост 5 %»",
            ),
            (
                "北京时间五月九日，习近平抵达莫斯科。",
                "习近平抵达莫斯科",
                "习近平抵达莫斯科",
            ),
            (
                "قال الرئيس إن النمو بلغ خمسة بالمئة.",
                "النمو بلغ خمسة",
                "النمو بلغ خمسة",
            ),
            (
                "Prices 📈 rose 👩‍👩‍👧 fast today",
                "rose 👩‍👩‍👧 fast",
                "rose 👩‍👩‍👧 fast",
            ),
            // Decomposed accents in the excerpt find the composed text.
            (
                "Café au lait, crème brûlée",
                "cre\u{300}me bru\u{302}le\u{301}e",
                "crème brûlée",
            ),
            // A mark with no composed form stays two chars in the text.
            (
                "the q\u{307}adi said: yes",
                "q\u{307}adi said",
                "q\u{307}adi said",
            ),
        ];
        for (text, excerpt, quote) in cases {
            let anchored = anchor_in(&snapshot(text), excerpt);
            let anchor = anchored
                .anchor
                .unwrap_or_else(|| panic!("{excerpt} in {text}"));
            let start = text.find(quote).unwrap();
            assert_eq!(anchor.start, text[..start].chars().count(), "{quote}");
            assert_eq!(anchor.end - anchor.start, quote.chars().count(), "{quote}");
            assert_eq!(anchor.exact, quote);
        }
    }

    #[test]
    fn a_quote_folded_like_mark_is_found_and_an_edited_excerpt_is_not() {
        let snap = snapshot("He said \u{201c}we won\u{201d} \u{2014} twice.");
        let anchored = anchor_in(&snap, "\"we won\" - twice");
        assert!(anchored.anchor.is_some());
        let source = crate::model::Source {
            snapshots: vec![snap.clone()],
            ..crate::model::Source::new("s", "", crate::model::SourceKind::Other)
        };
        let mut evidence = Evidence::new(
            source.id,
            crate::model::Stance::Supports,
            "\"we won\" - twice",
        );
        evidence.anchor = Some(Box::new(anchored));
        assert_eq!(check(&source, &evidence), Some(ExcerptCheck::Found));
        evidence.excerpt = "we lost".into();
        assert_eq!(check(&source, &evidence), Some(ExcerptCheck::NotFound));
    }
}
