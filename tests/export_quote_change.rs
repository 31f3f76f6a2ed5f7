//! The reports say when the outlet changed an article under a claim after
//! it was checked: a figure corrected inside the quote, or the quoted
//! sentence removed.

use factbench::anchor::find_quote;
use factbench::edit::{ArticleUpdate, ClaimChange, Command, Document};
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Workspace};

const BEFORE: &str =
    "Министр заявил, что Россия поставила 2450 танков. 中国没有参与。\nAnalysts doubt it.";
const AFTER: &str = "Министр заявил, что Россия поставила 2448 танков. 中国没有参与。";

fn published_claim(ws: &mut Workspace, quote: &str) -> factbench::ClaimId {
    let article = &ws.articles[0];
    let mut claim = Claim::new(article.id, find_quote(&article.text, quote, 0).unwrap(), "");
    claim.claimant = "Министр".into();
    claim.verdict = Some(ws.scale.verdicts[0].key.clone());
    claim.rationale = "Checked against the registry.".into();
    let id = claim.id;
    ws.claims.push(claim);
    id
}

fn export(ws: &Workspace, format: Format) -> String {
    let mut out = Vec::new();
    export::write(format, ws, &ExportOptions::public(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn an_update_after_publication_is_named_in_the_public_report() {
    let mut ws = Workspace::new("Quote changes");
    ws.publisher.name = "Desk".into();
    ws.publisher.url = "https://desk.example.org".into();
    ws.report_url = "https://desk.example.org/report".into();
    let mut article = Article::new("Танки", BEFORE);
    article.url = "https://news.example.org/a".into();
    ws.articles.push(article);
    let figure = published_claim(&mut ws, "Россия поставила 2450 танков");
    let unchanged = published_claim(&mut ws, "中国没有参与");
    let removed = published_claim(&mut ws, "Analysts doubt it");
    let mut doc = Document::new(ws, None);
    for claim in [figure, unchanged, removed] {
        let publish = Command::EditClaim {
            claim,
            change: ClaimChange::Publish {
                by: "Editor".into(),
            },
        };
        doc.execute(publish, 0.0).unwrap();
    }
    // Checked and published yesterday; the outlet changes the text today.
    let mut checked = doc.workspace().clone();
    for claim in &mut checked.claims {
        let yesterday = claim.created - jiff::SignedDuration::from_hours(24);
        claim.created = yesterday;
        claim.publication[0].date = yesterday;
    }
    let mut doc = Document::new(checked, None);
    let article = doc.workspace().articles[0].id;
    let update =
        ArticleUpdate::prepare(doc.workspace(), article, AFTER.into(), "v2.txt", None).unwrap();
    doc.execute(Command::UpdateArticle(Box::new(update)), 1.0)
        .unwrap();

    let ws = doc.workspace();
    let replaced = ws.articles[0].versions[0].replaced;
    let day = replaced.strftime("%-d %B %Y").to_string();
    for format in [Format::Html, Format::Markdown] {
        let report = export(ws, format);
        let changed = "after this check; the quote above is from the changed text.";
        let gone = "after this check, and no longer holds this quote.";
        assert_eq!(
            report.matches(changed).count(),
            1,
            "{format:?}: only the claim whose figure changed"
        );
        let line = report.lines().find(|l| l.contains(changed)).unwrap();
        assert!(line.contains("The article was changed on"), "{line}");
        assert!(line.contains(&day), "{format:?} dates the update: {line}");
        let orphan_shown = ws.claim(removed).unwrap().is_orphaned();
        assert!(orphan_shown, "the removed sentence orphans its claim");
        assert!(report.contains("2448"), "{format:?} quotes the new wording");
        // …and beside it the wording that was checked (issue 28 item 15).
        let checked = report
            .find("As checked:")
            .unwrap_or_else(|| panic!("{format:?} shows the quote as checked"));
        let after = &report[checked..];
        assert!(
            after.contains("Россия поставила 2450 танков"),
            "{format:?}: the checked wording follows"
        );
        assert_eq!(report.matches("As checked:").count(), 1, "{format:?}: once");
        if report.contains("Analysts doubt it") {
            assert!(
                report.contains(gone),
                "{format:?}: the orphan says its text is gone"
            );
        }
    }
}
