//! Audiences: a workspace with drafts, published and withdrawn claims, a
//! correction after publication, claimants of both kinds and internal
//! notes everywhere. The public export of every format holds the published
//! claims and nothing internal or unpublished; the internal copy holds
//! everything and says it is a draft.

use factbench::anchor::find_quote;
use factbench::export::{self, Audience, ExportOptions, Format, TextShown};
use factbench::model::{
    ClaimantKind, Correction, FieldChange, PublicField, PublicationAction, PublicationEvent,
    Review, ReviewOutcome,
};
use factbench::{Article, Claim, Evidence, Source, SourceKind, Stance, Workspace};

const TEXT: &str = "Министр заявил, что экспорт вырос на 38 процентов. Аналитики сомневаются.\n外交部表示贸易增长了百分之二十六。Второй абзац 👩‍👩‍👧 говорит о ценах.";

/// Every internal text of the workspace, which a public export must never hold.
const INTERNAL: [&str; 6] = [
    "ARTICLE-NOTE-секрет",
    "SOURCE-NOTE-秘密",
    "CLAIM-NOTE-intern",
    "REVIEW-NOTE-back",
    "DRAFT-STATEMENT-черновик",
    "WITHDRAWN-STATEMENT-отозвано",
];

fn published(by: &str) -> PublicationEvent {
    PublicationEvent {
        action: PublicationAction::Published,
        date: "2026-03-01T09:00:00Z".parse().unwrap(),
        by: by.into(),
    }
}

fn claim(article: &Article, quote: &str, statement: &str) -> Claim {
    let mut claim = Claim::new(
        article.id,
        find_quote(&article.text, quote, 0).unwrap(),
        "Outlet",
    );
    claim.statement = statement.into();
    claim.claimant = "Министр".into();
    claim.verdict = Some("false".into());
    claim.rationale = format!("Rationale of {statement}");
    claim
}

fn workspace() -> Workspace {
    let mut ws = Workspace::new("Аудитории");
    ws.publisher.name = "Desk".into();
    ws.publisher.url = "https://desk.example.org/".into();
    ws.report_url = "https://desk.example.org/report".into();
    let mut article = Article::new("Статья", TEXT);
    article.url = "https://news.example.org/a".into();
    article.notes = INTERNAL[0].into();
    let mut source = Source::new("Росстат", "https://rosstat.example/", SourceKind::Dataset);
    source.notes = INTERNAL[1].into();

    let mut public = claim(&article, "экспорт вырос на 38 процентов", "PUBLISHED-ONE");
    public.internal_note = INTERNAL[2].into();
    public.reviews.push(Review {
        outcome: ReviewOutcome::SentBack,
        date: "2026-02-01T09:00:00Z".parse().unwrap(),
        by: "Редактор".into(),
        note: INTERNAL[3].into(),
    });
    public.publication.push(published("Редактор"));
    public.corrections.push(Correction {
        date: "2026-04-01T09:00:00Z".parse().unwrap(),
        note: "PUBLIC-CORRECTION-исправлено".into(),
        changes: vec![FieldChange {
            field: PublicField::Verdict,
            old: "mixed".into(),
            new: "false".into(),
        }],
        by: "Редактор".into(),
    });
    public.evidence.push(Evidence {
        id: Default::default(),
        source: source.id,
        stance: Stance::Refutes,
        excerpt: "PUBLIC-EXCERPT".into(),
        note: "PUBLIC-EVIDENCE-NOTE".into(),
        anchor: None,
    });
    let mut organisation = claim(&article, "贸易增长了百分之二十六", "PUBLISHED-TWO");
    organisation.claimant = "外交部".into();
    organisation.claimant_kind = ClaimantKind::Organization;
    organisation.publication.push(published("Редактор"));
    let draft = claim(&article, "Аналитики сомневаются", INTERNAL[4]);
    let mut withdrawn = claim(&article, "говорит о ценах", INTERNAL[5]);
    withdrawn.publication.push(published("Редактор"));
    withdrawn.publication.push(PublicationEvent {
        action: PublicationAction::Unpublished,
        ..published("Редактор")
    });

    ws.claims = vec![public, organisation, draft, withdrawn];
    ws.sources.push(source);
    ws.articles.push(article);
    ws
}

fn export(ws: &Workspace, format: Format, options: &ExportOptions) -> String {
    let mut out = Vec::new();
    export::write(format, ws, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn public_exports_hold_published_claims_and_nothing_internal() {
    let ws = workspace();
    for format in Format::ALL {
        let out = export(&ws, format, &ExportOptions::public());
        for secret in INTERNAL {
            assert!(!out.contains(secret), "{format}: {secret} in public");
        }
        // Web Annotations quote 32 chars of context around each published
        // quote, which may hold a draft's words: the article text is public.
        if format != Format::WebAnnotation {
            assert!(
                !out.contains("Аналитики сомневаются"),
                "{format}: the draft's quote"
            );
        }
        assert!(!out.contains("Draft — not for publication"), "{format}");
        for statement in ["PUBLISHED-ONE", "PUBLISHED-TWO"] {
            assert!(
                // MediaReview holds only claims about media; these quote text.
                matches!(format, Format::WebAnnotation | Format::MediaReview)
                    || out.contains(statement),
                "{format}: {statement} missing"
            );
        }
    }
}

#[test]
fn public_report_shows_third_party_text_in_context_and_own_text_in_full() {
    let mut ws = workspace();
    let html = export(&ws, Format::Html, &ExportOptions::public());
    assert!(html.contains("The claims in context"));
    assert!(
        html.contains("Министр заявил, что "),
        "the sentence of the claim"
    );
    assert!(
        !html.contains("Второй абзац"),
        "a sentence without a published claim"
    );
    assert!(html.contains("Read the whole article: <a href=\"https://news.example.org/a\""));
    ws.articles[0].publish_full_text = true;
    let full = export(&ws, Format::Html, &ExportOptions::public());
    assert!(full.contains("Второй абзац") && !full.contains("The claims in context"));
    assert_eq!(
        full.matches("<a class=\"ref ").count(),
        2,
        "only published claims marked"
    );
    let context_only = ExportOptions {
        text: TextShown::ContextOnly,
        ..ExportOptions::public()
    };
    assert!(!export(&ws, Format::Html, &context_only).contains("Второй абзац"));
}

#[test]
fn the_public_report_carries_dated_corrections_and_publication() {
    let ws = workspace();
    let html = export(&ws, Format::Html, &ExportOptions::public());
    assert!(html.contains("<section id=\"corrections\">"));
    assert!(html.contains("verdict changed from “<bdi>Mixed</bdi>” to “<bdi>False</bdi>”. <bdi>PUBLIC-CORRECTION-исправлено</bdi>"));
    assert!(html.contains("<time datetime=\"2026-04-01\">1 April 2026</time>"));
    assert!(html.contains("<dt>Published</dt><dd><time datetime=\"2026-03-01\">"));
    assert!(
        html.contains("PUBLIC-EXCERPT") && html.contains("PUBLIC-EVIDENCE-NOTE"),
        "evidence is public"
    );
    let md = export(&ws, Format::Markdown, &ExportOptions::public());
    assert!(md.contains("## Corrections"));
    // Other public fields a correction changed are said too, the
    // statement and claimant with their values.
    let mut corrected = ws.clone();
    let claim = corrected
        .claims
        .iter_mut()
        .find(|c| !c.corrections.is_empty())
        .unwrap();
    let changes = &mut claim.corrections[0].changes;
    changes.insert(
        0,
        FieldChange {
            field: PublicField::Statement,
            old: "Старое <утверждение>".into(),
            new: "Новое *утверждение*".into(),
        },
    );
    changes.push(FieldChange {
        field: PublicField::Rationale,
        old: "a".into(),
        new: "b".into(),
    });
    let html = export(&corrected, Format::Html, &ExportOptions::public());
    assert!(html.contains("statement changed from “<bdi>Старое &lt;утверждение&gt;</bdi>” to “<bdi>Новое *утверждение*</bdi>”. rationale revised. verdict changed from"), "{html}");
    let md = export(&corrected, Format::Markdown, &ExportOptions::public());
    assert!(md.contains("statement changed from “Старое \\<утверждение\\>” to “Новое \\*утверждение\\*”. rationale revised. verdict changed"), "{md}");
    let md = export(&ws, Format::Markdown, &ExportOptions::public());
    assert!(md.contains("- Claim 1, 1 April 2026: verdict changed from “Mixed” to “False”. PUBLIC-CORRECTION-исправлено"));
    let csv = export(&ws, Format::Csv, &ExportOptions::public());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][column("Number")], "1");
    assert_eq!(&rows[0][column("Published")], "2026-03-01");
    assert_eq!(&rows[0][column("Approved by")], "Редактор");
    assert_eq!(&rows[0][column("Corrections")], "1");
    assert_eq!(&rows[1][column("Claimant kind")], "Organisation");
    assert!(header.iter().all(|h| h != "Internal note" && h != "Status"));
}

#[test]
fn the_internal_copy_holds_everything_and_says_it_is_a_draft() {
    let ws = workspace();
    for format in [Format::Html, Format::Markdown, Format::Csv] {
        let out = export(&ws, format, &ExportOptions::internal());
        for text in INTERNAL {
            // A CSV row is a claim: it has no column for source notes.
            if format == Format::Csv && text == INTERNAL[1] {
                continue;
            }
            assert!(
                out.contains(text),
                "{format}: {text} missing from the review copy"
            );
        }
        assert!(out.contains("Аналитики сомневаются"), "{format}");
    }
    let html = export(&ws, Format::Html, &ExportOptions::internal());
    assert_eq!(
        html.matches("Draft — not for publication").count(),
        2,
        "top and bottom"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    assert!(html.contains("Withdrawn "));
    assert!(html.contains("Sent back "));
    assert!(
        export(&ws, Format::Markdown, &ExportOptions::internal())
            .starts_with("**Draft — not for publication**")
    );
    let csv = export(&ws, Format::Csv, &ExportOptions::internal());
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        4
    );
}

#[test]
fn claim_numbers_are_the_same_in_both_audiences() {
    let ws = workspace();
    let numbers = ws.claim_numbers();
    for audience in Audience::ALL {
        let options = ExportOptions {
            audience,
            ..ExportOptions::default()
        };
        let csv = export(&ws, Format::Csv, &options);
        for row in csv::Reader::from_reader(csv.as_bytes())
            .records()
            .map(Result::unwrap)
        {
            let id = ws
                .claims
                .iter()
                .find(|c| c.id.to_string() == row[1])
                .unwrap()
                .id;
            assert_eq!(
                row[0].parse::<usize>().unwrap(),
                numbers[&id],
                "{audience:?}"
            );
        }
    }
}
