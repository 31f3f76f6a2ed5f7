//! Right-to-left articles in the exports: the HTML report gives each
//! article and quote its direction and language and lays a report of
//! Arabic or Hebrew articles out right to left; user text stays isolated in
//! the report's English lines; Markdown and CSV keep the text in logical
//! order, as written.

use factbench::anchor::find_quote;
use factbench::export::{self, ExportOptions, Format};
use factbench::{Article, Claim, Workspace};

const ARABIC: &str = "قال المتحدث إن عدد الضحايا بلغ 123 شخصاً.\nوأضاف أن Joe Biden سيزور المنطقة.";
const HEBREW: &str = "ראש הממשלה אמר כי 42 אחוז תומכים.";
const ENGLISH: &str = "The minister said 42 percent agreed.";

fn export(ws: &Workspace, format: Format) -> String {
    let mut out = Vec::new();
    export::write(format, ws, &ExportOptions::default(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// A workspace of these articles (text, language tag), one claim on
/// `quote` in the first.
fn workspace(articles: &[(&str, &str)], quote: &str, claimant: &str) -> Workspace {
    let mut ws = Workspace::new("تقرير");
    for (i, (text, language)) in articles.iter().enumerate() {
        let mut article = Article::new(format!("Article {i}"), *text);
        article.language = (*language).to_owned();
        if i == 0 {
            let anchor = find_quote(text, quote, 0).unwrap();
            let mut claim = Claim::new(article.id, anchor, "عدد الضحايا 123");
            claim.claimant = claimant.to_owned();
            ws.claims.push(claim);
        }
        ws.articles.push(article);
    }
    ws
}

#[test]
fn a_report_of_arabic_and_hebrew_articles_is_laid_out_right_to_left() {
    let ws = workspace(
        &[(ARABIC, "ar"), (HEBREW, "he"), (ENGLISH, "en")],
        "عدد الضحايا بلغ 123",
        "المتحدث",
    );
    let html = export(&ws, Format::Html);
    assert!(
        html.contains("<html lang=\"en\" dir=\"rtl\">"),
        "{}",
        &html[..200]
    );
    // Each article's text has its own direction and language.
    assert!(html.contains("<div class=\"text\" dir=\"rtl\" lang=\"ar\">"));
    assert!(html.contains("<div class=\"text\" dir=\"rtl\" lang=\"he\">"));
    assert!(html.contains("<div class=\"text\" dir=\"ltr\" lang=\"en\">"));
    // The quote takes its article's language, its direction from itself.
    assert!(
        html.contains(
            "<blockquote class=\"quote\" dir=\"auto\" lang=\"ar\">عدد الضحايا بلغ 123</blockquote>"
        ),
        "quote"
    );
    // The claimant is isolated in the English line around it.
    assert!(html.contains("<dd><bdi>المتحدث</bdi></dd>"));
    // Text in logical order, never reversed.
    assert!(html.contains("وأضاف أن Joe Biden سيزور"));
    // Each paragraph of an article's text takes its own direction.
    let css = factbench::export::html::STYLESHEET;
    assert!(css.contains("unicode-bidi: plaintext"));
    // On a right-to-left page the report's English lines keep their own
    // order ("…listed with it." ends with its full stop).
    assert!(css.contains(":where(html[dir=\"rtl\"]) :where(h1, h2, h3, h4, p, li,"));
    assert!(
        !css.contains("padding-left") && !css.contains("border-left"),
        "logical sides only"
    );
}

#[test]
fn a_report_of_mostly_english_articles_stays_left_to_right() {
    let ws = workspace(
        &[(ENGLISH, ""), (ARABIC, ""), ("Second English article.", "")],
        "42 percent",
        "Minister",
    );
    let html = export(&ws, Format::Html);
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    // Without a language tag, the text's first strong character decides.
    assert!(
        html.contains("<div class=\"text\" dir=\"rtl\">"),
        "the Arabic one"
    );
    assert!(html.contains("<blockquote class=\"quote\" dir=\"auto\">42 percent</blockquote>"));
}

#[test]
fn markdown_and_csv_keep_logical_order() {
    let ws = workspace(&[(ARABIC, "ar")], "Joe Biden سيزور المنطقة", "מישהו");
    let markdown = export(&ws, Format::Markdown);
    let csv = export(&ws, Format::Csv);
    for (name, out) in [("markdown", &markdown), ("csv", &csv)] {
        assert!(
            out.contains("Joe Biden سيزور المنطقة"),
            "{name}: the quote as written"
        );
        assert!(out.contains("عدد الضحايا 123"), "{name}: the statement");
        assert!(out.contains("מישהו"), "{name}: the claimant");
        // Nothing reordered or wrapped in invisible controls.
        assert!(!out.contains("ةقطنملا"), "{name}: never reversed");
        for control in ['\u{202E}', '\u{202B}', '\u{2067}', '\u{2068}'] {
            assert!(!out.contains(control), "{name}: {control:?}");
        }
    }
}

/// A workspace of one Arabic or one Hebrew article, with or without a
/// language tag (then the text's own direction decides), is a
/// right-to-left page: the `<html>` element's direction, so the page's
/// own layout (headings, lists, the verdict boxes' logical sides) mirrors.
#[test]
fn a_report_of_one_arabic_or_one_hebrew_article_is_a_right_to_left_page() {
    for (text, language, quote, claimant) in [
        (ARABIC, "ar", "عدد الضحايا بلغ 123", "المتحدث"),
        (ARABIC, "", "عدد الضحايا بلغ 123", "المتحدث"),
        (HEBREW, "he", "42 אחוז תומכים", "ראש הממשלה"),
        (HEBREW, "", "42 אחוז תומכים", "ראש הממשלה"),
    ] {
        let ws = workspace(&[(text, language)], quote, claimant);
        let html = export(&ws, Format::Html);
        assert!(
            html.contains("<html lang=\"en\" dir=\"rtl\">"),
            "{language:?}: {}",
            &html[..200]
        );
        assert!(
            html.contains(&format!("<bdi>{claimant}</bdi>")),
            "{language:?}"
        );
        // The public report, before anything is published, has no article
        // in it: the workspace's articles still give the page its direction.
        let mut public = Vec::new();
        export::write(Format::Html, &ws, &ExportOptions::public(), &mut public).unwrap();
        let public = String::from_utf8(public).unwrap();
        assert!(
            public.contains("<html lang=\"en\" dir=\"rtl\">"),
            "{language:?} public"
        );
    }
}
