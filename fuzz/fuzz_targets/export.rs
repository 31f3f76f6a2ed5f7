//! Hostile text in every field a user or a web page fills, through every
//! exporter: never a panic, never a live script or link in the HTML report,
//! and positions in the Web Annotations always slice to their quotes.
#![no_main]

use factbench::anchor::CharIndex;
use factbench::export::{self, ExportOptions, Format};
use factbench::sample::sample_workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, String, String, String, u8)| {
    let (text, rationale, url, label, cut) = input;
    let mut ws = sample_workspace();
    let article_text = format!("{text} {}", ws.articles[0].text);
    let index = CharIndex::new(&article_text);
    let len = index.char_len();
    let article = ws.articles[0].id;
    for (n, claim) in ws.claims.iter_mut().enumerate() {
        let start = (n * 7 + usize::from(cut)) % len;
        let end = (start + 1 + n % 13).min(len);
        if let Ok(anchor) = index.capture(start, end) {
            claim.anchor = anchor;
        }
        claim.article = article;
        claim.rationale = rationale.clone();
        claim.statement = label.clone();
    }
    ws.articles[0].text = article_text;
    ws.articles[0].url = url.clone();
    ws.sources[0].url = url;
    ws.scale.verdicts[0].label = label;
    for format in Format::ALL {
        let mut out = Vec::new();
        export::write(format, &ws, &ExportOptions::default(), &mut out).expect("export to memory");
        let out = String::from_utf8(out).expect("exports are UTF-8");
        if format == Format::Html {
            let lower = out.to_lowercase();
            assert_eq!(lower.matches("<script").count(), 1, "one JSON-LD block, nothing else");
            assert!(!lower.contains("href=\"javascript:"));
            assert!(!lower.contains("<iframe") && !lower.contains("<img"));
        }
    }
});
