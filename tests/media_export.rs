//! Claims about media in every export: the HTML and Markdown reports say
//! "About the video at 12:03–12:19" and link to the media at that time;
//! CSV adds media columns at the end only when a claim is about media;
//! ClaimReview's appearance is the media object; MediaReview gives one
//! review per rated media claim in the shape schema.org and fact-checkers
//! publish.

use factbench::export::{self, ExportOptions, Format};
use factbench::model::{
    Claim, Evidence, MediaKind, MediaTarget, PublicationAction, PublicationEvent, Rgb, Source,
    SourceKind, Stance, Verdict, Workspace,
};
use factbench::sample::sample_workspace;
use serde_json::{Value, json};

const VIDEO: &str = "https://media.example.org/parade.mp4";
const IMAGE: &str = "https://media.example.org/crowd.jpg";
const ORIGINAL: &str = "https://archive.example.org/original-parade";

fn published(claim: &mut Claim) {
    claim.publication.push(PublicationEvent {
        action: PublicationAction::Published,
        date: "2026-05-09T12:00:00Z".parse().unwrap(),
        by: "Editor".into(),
    });
}

/// The sample with a "Decontextualized" verdict, a published video claim
/// (12:03–12:19, rated Decontextualized, citing the original as context)
/// and a published image claim rated "False" (no media category).
fn with_media() -> Workspace {
    let mut ws = sample_workspace();
    // A desk of its own (the sample's publisher is warned about).
    ws.publisher.name = "Northern Verification Desk".into();
    ws.scale.verdicts.push(Verdict {
        key: "decontextualized".into(),
        label: "Decontextualized".into(),
        colour: Rgb(0xcc, 0x79, 0xa7),
        rating: None,
        description: "Real footage shown as something it is not.".into(),
    });
    let article = ws.articles[0].id;
    let source = Source::new("The original broadcast", ORIGINAL, SourceKind::Dataset);
    let mut video = Claim::on_media(
        article,
        MediaTarget {
            url: VIDEO.into(),
            kind: MediaKind::Video,
            start_s: Some(723.0),
            end_s: Some(739.0),
        },
        "Outlet",
    );
    video.statement = "The clip shows this year's parade.".into();
    video.claimant = "A viral post".into();
    video.verdict = Some("decontextualized".into());
    video.rationale = "The footage is from 2015.".into();
    video.evidence.push(Evidence::new(
        source.id,
        Stance::Context,
        "Broadcast of 2015",
    ));
    published(&mut video);
    let mut image = Claim::on_media(
        article,
        MediaTarget::whole(IMAGE, MediaKind::Image),
        "Outlet",
    );
    image.verdict = Some("false".into());
    image.rationale = "Another city.".into();
    published(&mut image);
    ws.sources.push(source);
    ws.claims.push(video);
    ws.claims.push(image);
    ws
}

fn export(format: Format, ws: &Workspace) -> String {
    let mut out = Vec::new();
    export::write(format, ws, &ExportOptions::public(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn html_and_markdown_say_what_the_media_claim_is_about_and_link_the_moment() {
    let ws = with_media();
    let html = export(Format::Html, &ws);
    assert!(html.contains("About the video at 12:03–12:19: <a href=\"https://media.example.org/parade.mp4#t=723,739\""), "{html}");
    assert!(html.contains("About the image: <a href=\"https://media.example.org/crowd.jpg\""));
    // The image claim has no statement: it is headed by what it is about.
    assert!(html.contains("<h4 dir=\"auto\">About the image</h4>"));
    assert!(
        !html.contains("could not be found at its place"),
        "no broken quote"
    );
    let md = export(Format::Markdown, &ws);
    assert!(md.contains("*About the video at 12:03–12:19:* [https://media.example.org/parade.mp4](<https://media.example.org/parade.mp4#t=723,739>)"), "{md}");
    assert!(md.contains("*About the image:* [https://media.example.org/crowd.jpg](<https://media.example.org/crowd.jpg>)"));
    assert!(md.contains(". About the image {#claim-"));
    assert!(!md.contains("could not be found at its place"));
    let warnings = export::warnings(Format::Html, &ws, &ExportOptions::public()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn csv_adds_media_columns_at_the_end_only_for_media_claims() {
    let plain = export(Format::Csv, &sample_workspace());
    assert!(
        !plain.contains("Media URL"),
        "no media columns without media claims"
    );
    let csv = export(Format::Csv, &with_media());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header[header.len() - 4..],
        [
            "Media URL",
            "Media kind",
            "Media start (s)",
            "Media end (s)"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let tail = |row: &Vec<String>| row[row.len() - 4..].to_vec();
    let video = rows.iter().find(|r| r.contains(&VIDEO.to_owned())).unwrap();
    assert_eq!(tail(video), [VIDEO, "video", "723", "739"]);
    let image = rows.iter().find(|r| r.contains(&IMAGE.to_owned())).unwrap();
    assert_eq!(tail(image), [IMAGE, "image", "", ""]);
    let text_claims = rows.iter().filter(|r| tail(r) == ["", "", "", ""]).count();
    assert_eq!(text_claims + 2, rows.len());
}

#[test]
fn claimreview_appearance_is_the_media_object() {
    let reviews: Vec<Value> =
        serde_json::from_str(&export(Format::ClaimReview, &with_media())).unwrap();
    let video = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "The clip shows this year's parade.")
        .unwrap();
    let appearance = &video["itemReviewed"]["appearance"];
    assert_eq!(appearance["@type"], "VideoObject");
    assert_eq!(appearance["contentUrl"], VIDEO);
    assert_eq!(appearance["hasPart"]["@type"], "Clip");
    assert_eq!(appearance["hasPart"]["startOffset"], 723.0);
    assert_eq!(appearance["hasPart"]["endOffset"], 739.0);
    assert_eq!(appearance["hasPart"]["url"], format!("{VIDEO}#t=723,739"));
    let image = reviews
        .iter()
        .find(|r| r["claimReviewed"] == "About the image")
        .unwrap();
    assert_eq!(
        image["itemReviewed"]["appearance"],
        json!({"@type": "ImageObject", "contentUrl": IMAGE})
    );
}

/// The shape checked against: schema.org's MediaReview and MediaReviewItem
/// definitions (https://schema.org/MediaReview,
/// https://schema.org/mediaItemAppearance — "indicates specific media
/// item(s) that are grouped using a MediaReviewItem", a MediaObject) and the
/// MediaReview markup fact-checkers publish through the Duke Reporters'
/// Lab / Google MediaReview programme, e.g. PolitiFact's review of a viral
/// image (2020-11-09): `{"@context": "https://schema.org", "@type":
/// "MediaReview", "datePublished", "author": {"@type": "Organization",
/// "name", "url"}, "mediaAuthenticityCategory", "itemReviewed": {"@type":
/// "MediaReviewItem", "creator": {...}, "mediaItemAppearance": [{"@type":
/// "ImageObject", "startTime", "endTime", ...}]}}` — an array of media
/// objects, each with `@type` and `contentUrl` (`startTime`/`endTime` for a
/// part of a video), the category one of the six enumeration values.
#[test]
fn mediareview_has_schema_orgs_shape() {
    let ws = with_media();
    let reviews: Vec<Value> = serde_json::from_str(&export(Format::MediaReview, &ws)).unwrap();
    assert_eq!(
        reviews.len(),
        2,
        "one per rated media claim, none for text claims"
    );
    let video = &reviews[0];
    let fragment = format!("claim-{}", ws.claims[ws.claims.len() - 2].id);
    assert_eq!(
        *video,
        json!({
            "@context": "https://schema.org",
            "@type": "MediaReview",
            "url": format!("{}#{fragment}", ws.report_url),
            "author": {"@type": "Organization", "name": "Northern Verification Desk", "url": "https://factcheck.example.org/"},
            "datePublished": "2026-05-09",
            "mediaAuthenticityCategory": "DecontextualizedContent",
            "originalMediaLink": ORIGINAL,
            "itemReviewed": {
                "@type": "MediaReviewItem",
                "creator": {"@type": "Person", "name": "A viral post"},
                "mediaItemAppearance": [{
                    "@type": "VideoObject",
                    "contentUrl": VIDEO,
                    "startTime": "PT12M3S",
                    "endTime": "PT12M19S"
                }]
            }
        })
    );
    let image = &reviews[1];
    assert!(
        image.get("mediaAuthenticityCategory").is_none(),
        "\"False\" names no category"
    );
    assert!(image.get("originalMediaLink").is_none());
    assert_eq!(
        image["itemReviewed"]["mediaItemAppearance"],
        json!([{"@type": "ImageObject", "contentUrl": IMAGE}])
    );
    let warnings = export::warnings(Format::MediaReview, &ws, &ExportOptions::public()).unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("names none of schema.org's media categories"));
    // Web Annotations leave media claims out, and say so.
    let warnings = export::warnings(Format::WebAnnotation, &ws, &ExportOptions::public()).unwrap();
    assert_eq!(
        warnings
            .iter()
            .filter(|w| w.contains("about media"))
            .count(),
        2
    );
}
