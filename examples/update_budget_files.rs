//! Writes the files for measuring `factbench update` against `factbench
//! import` as whole processes (docs/budgets.md): the 1 MB / 5,000-claim
//! workspace of the re-anchoring bench, its article made NFC as imported
//! text always is (claims placed on the same words), a newer version of
//! that article with about 1% of it changed (a hundred edits spread evenly,
//! as `benches/reanchor.rs` makes them), and a small article to import.
//!
//! `cargo run --release --no-default-features --example update_budget_files -- DIR [--as-generated] [--articles N]`
//!
//! With `--articles N` the workspace holds N such articles (N × 5,000
//! claims; 19 make a workspace of about 190 MB), for measuring the memory
//! of an update of one article of a very large workspace; `--chars N`
//! makes each article N characters long instead of 1,000,000.
//!
//! With `--as-generated` the article keeps the generated text, which is not
//! NFC (it holds decomposed combining marks): the newer version, read as
//! an import reads it, then differs at every combining mark.

use factbench::anchor::CharIndex;
use factbench::sample::generated_workspace;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let args: Vec<String> = std::env::args().skip(2).collect();
    let articles = args
        .iter()
        .position(|a| a == "--articles")
        .and_then(|i| args.get(i + 1))
        .map_or(1, |n| n.parse().expect("--articles takes a number"));
    let chars = args
        .iter()
        .position(|a| a == "--chars")
        .and_then(|i| args.get(i + 1))
        .map_or(1_000_000, |n| n.parse().expect("--chars takes a number"));
    let mut ws = generated_workspace(articles, chars, 5_000 * articles);
    if !args.iter().any(|a| a == "--as-generated") {
        make_nfc(&mut ws);
    }
    let text = ws.articles[0].text.clone();
    factbench::store::save(&dir.join("workspace.ron"), &ws).expect("the workspace is written");
    let title = &ws.articles[0].title;
    std::fs::write(
        dir.join("v2.txt"),
        format!(
            "{title}\n\n{}\n",
            factbench::sample::edited_about_one_percent(&text)
        ),
    )
    .expect("the newer version is written");
    std::fs::write(
        dir.join("small.txt"),
        "A small article\n\nThe ministry said exports rose by 38 per cent last year.\n",
    )
    .expect("the small article is written");
    eprintln!("wrote {}", dir.display());
}

/// Makes the (only) article's text NFC, piece by piece between the claims'
/// ends, and puts every claim on the same words of the new text.
fn make_nfc(ws: &mut factbench::Workspace) {
    let old = ws.articles[0].text.clone();
    let index = CharIndex::new(&old);
    let mut cuts: Vec<usize> = ws
        .claims
        .iter()
        .flat_map(|c| [c.anchor.start, c.anchor.end])
        .chain([0, index.char_len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut text = String::with_capacity(old.len());
    let mut moved = std::collections::HashMap::new();
    let mut at = 0;
    for pair in cuts.windows(2) {
        moved.insert(pair[0], at);
        let piece: String = index.slice(pair[0], pair[1]).unwrap().nfc().collect();
        at += piece.chars().count();
        text.push_str(&piece);
    }
    moved.insert(index.char_len(), at);
    let new = CharIndex::new(&text);
    for claim in &mut ws.claims {
        let (start, end) = (moved[&claim.anchor.start], moved[&claim.anchor.end]);
        claim.anchor = new.capture(start, end).unwrap();
    }
    ws.articles[0].text = text;
}
