//! Property tests: anchors over texts mixing ASCII, Cyrillic, CJK, emoji
//! (with ZWJ sequences and flags) and combining marks never panic, and
//! always quote exactly the chars they point at; any text survives the
//! workspace file unchanged.

use factbench::anchor::{self, CONTEXT_CHARS, CharIndex};
use factbench::model::{Article, Claim, Workspace};
use factbench::store;
use proptest::prelude::*;
use std::path::Path;

const PIECES: &[&str] = &[
    "a",
    "Z",
    " ",
    "\n",
    "\n\n",
    ".",
    "\"",
    "\\",
    "r#\"",
    "\"#",
    "Москва",
    "Київ",
    "ї",
    "习近平",
    "俄羅斯",
    "日本語",
    "😀",
    "👩‍👩‍👧",
    "🇺🇦",
    "👍🏽",
    "e\u{301}",
    "a\u{308}\u{301}",
    "\u{200d}",
    "\u{feff}",
    "\t",
];

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|p| p.concat())
}

fn chars_of(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn capture_quotes_exactly_the_chars_it_points_at(text in mixed_text(), a in 0usize..80, b in 0usize..80) {
        let len = text.chars().count();
        let result = anchor::capture(&text, a, b);
        if a < b && b <= len {
            let anchor = result.expect("a valid range captures");
            prop_assert_eq!(&anchor.exact, &chars_of(&text, a, b));
            prop_assert_eq!(&anchor.prefix, &chars_of(&text, a.saturating_sub(CONTEXT_CHARS), a));
            prop_assert_eq!(&anchor.suffix, &chars_of(&text, b, (b + CONTEXT_CHARS).min(len)));
            prop_assert_eq!(anchor::check(&anchor, &text), Ok(()));
        } else {
            prop_assert!(result.is_err());
        }
    }

    #[test]
    fn conversions_agree_and_never_panic(text in mixed_text(), pos in 0usize..300) {
        let index = CharIndex::new(&text);
        prop_assert_eq!(index.byte_of(pos), anchor::char_to_byte(&text, pos));
        prop_assert_eq!(index.char_of(pos), anchor::byte_to_char(&text, pos));
        if let Some(byte) = index.byte_of(pos) {
            prop_assert!(text.is_char_boundary(byte));
            prop_assert_eq!(index.char_of(byte), Some(pos));
        }
        prop_assert_eq!(index.slice(pos / 2, pos), anchor::slice_chars(&text, pos / 2, pos));
    }

    #[test]
    fn check_rejects_any_anchor_that_does_not_quote_its_text(text in mixed_text(), a in 0usize..80, b in 0usize..80, exact in mixed_text()) {
        let anchor = factbench::model::Anchor { start: a, end: b, exact: exact.clone(), prefix: String::new(), suffix: String::new() };
        let len = text.chars().count();
        let ok = a < b && b <= len && chars_of(&text, a, b) == exact;
        prop_assert_eq!(anchor::check(&anchor, &text).is_ok(), ok);
    }

    #[test]
    fn any_text_survives_the_workspace_file(text in any::<String>(), title in mixed_text(), note in any::<String>()) {
        let mut workspace = Workspace::new(title);
        let article = Article::new("t", text.clone());
        let len = article.char_len();
        if len > 0 {
            let anchor = anchor::capture(&text, 0, len).unwrap();
            let mut claim = Claim::new(article.id, anchor, "outlet");
            claim.rationale = note;
            workspace.claims.push(claim);
        }
        workspace.articles.push(article);
        let file = store::to_ron(&workspace).unwrap();
        let loaded = store::parse(&file, Path::new("prop.ron")).unwrap();
        prop_assert_eq!(&loaded.workspace, &workspace);
        prop_assert_eq!(loaded.problems, vec![]);
        prop_assert_eq!(store::to_ron(&loaded.workspace).unwrap(), file);
    }
}
