//! Exports cite pages (issue 24, step d): a claim of a PDF article carries
//! `p. 1`, `p. 1–2` (across a page break) or `p. 3` beside its quote in
//! the HTML and Markdown reports, page columns at the end of the CSV, the
//! pages as a part of the appearance in ClaimReview, and an RFC 3778
//! `page=N` fragment selector in Web Annotations. The PDF is the real
//! three-page fixture of `tests/pdf_pages.rs` (Japanese on page 1).

mod fresh_home;

use factbench::store;
use serde_json::Value;
use std::fs;
use std::path::Path;

/// The quotes marked, in report order, with the pages each is on.
const QUOTES: [(&str, &str, u64, u64); 3] = [
    ("絶縁電線に該当しないと解釈し", "p. 1", 1, 1),
    (
        "１．２ ケーブル関係 Two-Column Document with Lorem Ipsum",
        "p. 1–2",
        1,
        2,
    ),
    ("lacus vel est. Curabitur consectetuer", "p. 3", 3, 3),
];

fn ok(args: &[&str]) -> String {
    let out = fresh_home::factbench().args(args).output().unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(out.status.success(), "{args:?}\n{stdout}\n{stderr}");
    stdout.into_owned()
}

/// The exports of a workspace holding the PDF and its three published,
/// rated claims, by format.
fn exports(dir: &Path) -> impl Fn(&str) -> String {
    let ws = dir.join("notice.ron");
    let p = ws.to_str().unwrap().to_owned();
    let pdf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf/japanese-and-two-column.pdf");
    ok(&[
        "import",
        pdf.to_str().unwrap(),
        "--into",
        &p,
        "--url",
        "https://example.org/docs/notice.pdf",
    ]);
    for (n, (quote, ..)) in QUOTES.iter().enumerate() {
        ok(&["mark", &p, "--quote", quote, "--verdict", "false"]);
        let n = (n + 1).to_string();
        ok(&[
            "set",
            &p,
            "--claim",
            &n,
            "--rationale",
            "The notice says otherwise.",
            "--claimant",
            "Министерство",
        ]);
        ok(&["publish", &p, "--claim", &n, "--by", "Editor"]);
    }
    let mut loaded = store::load(&ws).unwrap().workspace;
    loaded.report_url = "https://checks.example.org/notice".into();
    loaded.publisher.name = "Проверка фактов".into();
    store::save(&ws, &loaded).unwrap();
    let dir = dir.to_owned();
    move |format: &str| {
        let out = dir.join(format!("out.{format}"));
        ok(&[
            "export",
            &p,
            "-f",
            format,
            "-o",
            out.to_str().unwrap(),
            "--force",
        ]);
        fs::read_to_string(out).unwrap()
    }
}

#[test]
fn every_format_cites_the_pages_of_each_quote() {
    let dir = tempfile::tempdir().unwrap();
    let export = exports(dir.path());

    let html = export("html");
    let mut at = 0;
    for (quote, label, ..) in QUOTES {
        let first_words: String = quote.chars().take(8).collect();
        let card = at + html[at..].find("<blockquote class=\"quote\"").expect(quote);
        let quote_at = card + html[card..].find(&first_words).expect(quote);
        let marker = format!("<p class=\"pages\"><bdi>{label}</bdi></p>");
        let label_at = quote_at + html[quote_at..].find(&marker).expect(label);
        assert!(label_at - quote_at < 200, "{label} right after its quote");
        at = label_at;
    }

    let md = export("md");
    for (quote, label, ..) in QUOTES {
        let first_words: String = quote.chars().take(8).collect();
        let quote_at = md.find(&format!("> {first_words}")).expect(quote);
        let rest = &md[quote_at..];
        let next_line = rest.split("\n\n").nth(1).unwrap();
        assert_eq!(next_line, format!("*{label}*"), "{rest}");
    }

    let csv = export("csv");
    let mut rows = ::csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[header.len() - 4..],
        ["Page", "End page", "Page label", "End page label"]
    );
    for (row, (_, _, page, end)) in rows.records().zip(QUOTES) {
        let row = row.unwrap();
        let n = row.len();
        let (page, end) = (page.to_string(), end.to_string());
        assert_eq!(
            [&row[n - 4], &row[n - 3], &row[n - 2], &row[n - 1]],
            [page.as_str(), end.as_str(), page.as_str(), end.as_str()]
        );
    }

    let reviews: Value = serde_json::from_str(&export("claimreview")).unwrap();
    for (review, (_, label, page, _)) in reviews.as_array().unwrap().iter().zip(QUOTES) {
        let part = &review["itemReviewed"]["appearance"]["hasPart"];
        assert_eq!(part["@type"], "CreativeWork");
        assert_eq!(part["name"], label);
        assert_eq!(
            part["url"],
            format!("https://example.org/docs/notice.pdf#page={page}")
        );
    }

    let annotations: Value = serde_json::from_str(&export("webanno")).unwrap();
    let items = annotations["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    for (item, (quote, _, page, _)) in items.iter().zip(QUOTES) {
        let selectors = item["target"]["selector"].as_array().unwrap();
        let kinds: Vec<&str> = selectors
            .iter()
            .map(|s| s["type"].as_str().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "TextQuoteSelector",
                "TextPositionSelector",
                "FragmentSelector"
            ]
        );
        let fragment = &selectors[2];
        assert_eq!(fragment["conformsTo"], "http://tools.ietf.org/rfc/rfc3778");
        assert_eq!(fragment["value"], format!("page={page}"));
        assert_eq!(fragment["refinedBy"], selectors[0]);
        let exact = selectors[0]["exact"].as_str().unwrap();
        assert_eq!(
            exact.split_whitespace().collect::<Vec<_>>(),
            quote.split_whitespace().collect::<Vec<_>>()
        );
    }
}

#[test]
fn articles_without_pages_get_no_page_citations() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("speech.txt");
    fs::write(&text, "Мы снизили налоги вдвое, сказал министр.\n").unwrap();
    let ws = dir.path().join("t.ron");
    let p = ws.to_str().unwrap();
    ok(&["import", text.to_str().unwrap(), "--into", p]);
    ok(&["mark", p, "--quote", "снизили налоги вдвое"]);
    let claims = ok(&["claims", p, "--json"]);
    let claim: Value = serde_json::from_str(claims.lines().next().unwrap()).unwrap();
    assert!(claim["location"].is_null());
    let out = dir.path().join("out.csv");
    ok(&[
        "export",
        p,
        "-f",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "--audience",
        "internal",
    ]);
    let csv = fs::read_to_string(out).unwrap();
    assert!(!csv.lines().next().unwrap().contains("Page"), "{csv}");
    let md_out = dir.path().join("out.md");
    ok(&[
        "export",
        p,
        "-f",
        "md",
        "-o",
        md_out.to_str().unwrap(),
        "--audience",
        "internal",
    ]);
    assert!(!fs::read_to_string(md_out).unwrap().contains("*p. "));
}
