//! `factbench mark` of any substring that starts and ends on character
//! (grapheme cluster) boundaries and occurs once in the article gives the
//! claim whose quote is that substring trimmed as the window trims a
//! selection, in texts of Cyrillic, Chinese, emoji, flags and combining
//! marks.

mod fresh_home;

use factbench::anchor::CharIndex;
use factbench::model::{Article, Workspace};
use factbench::store;
use factbench::text::trim_selection;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Words whose characters are one or more chars each; no two texts built
/// from them differ only in what marking folds away (spaces are single,
/// no quote marks, dashes or invisible characters).
const PIECES: [&str; 10] = ["я", "Б", "习", "近", "a", "q\u{307}", "👍🏽", "🇺🇦", "é", "%"];

fn word() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(&PIECES[..]), 1..4),
        proptest::option::of(proptest::sample::select(&[",", ".", "»"][..])),
    )
        .prop_map(|(pieces, punct)| pieces.concat() + punct.unwrap_or(""))
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(word(), 3..24).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn marking_a_cluster_aligned_substring_quotes_it_trimmed(
        text in text(),
        picks in proptest::collection::vec((0usize..1000, 1usize..12), 1..10),
    ) {
        let clusters: Vec<&str> = text.graphemes(true).collect();
        // (the substring, what the quote must be)
        let mut wanted = Vec::new();
        for (at, len) in picks {
            let start = at % clusters.len();
            let end = (start + len).min(clusters.len());
            let substring: String = clusters[start..end].concat();
            let needle = substring.trim_matches(' ');
            if needle.is_empty() || text.matches(needle).count() != 1 {
                continue;
            }
            let index = CharIndex::new(&text);
            let char_start = text[..text.find(&substring).unwrap()].chars().count();
            let char_end = char_start + substring.chars().count();
            let (s, e) = trim_selection(&index, char_start, char_end);
            if s == e {
                continue;
            }
            wanted.push((substring, index.slice(s, e).unwrap().to_owned()));
        }
        prop_assume!(!wanted.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        let mut ws = Workspace::new("p");
        ws.articles.push(Article::new("p", text.clone()));
        store::save(&path, &ws).unwrap();
        let input: String = wanted
            .iter()
            .map(|(quote, _)| format!("{}\n", serde_json::json!({ "quote": quote })))
            .collect();
        let out = fresh_home::factbench()
            .args(["mark", path.to_str().unwrap(), "--from", "-", "--json"])
            .write_stdin(input)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        prop_assert_eq!(out.status.code(), Some(0), "{} {}", stdout, String::from_utf8_lossy(&out.stderr));
        let results: Vec<serde_json::Value> =
            stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        prop_assert_eq!(results.len(), wanted.len());
        for (result, (quote, exact)) in results.iter().zip(&wanted) {
            prop_assert_eq!(result["exact"].as_str(), Some(exact.as_str()), "quote {:?}", quote);
        }
    }
}
