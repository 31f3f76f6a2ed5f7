//! Merging media claims (format 8): two sides changing different claims'
//! media both land; both changing one claim's media differently is a
//! recorded conflict on `media`; a media claim added on one side merges in.

use factbench::merge::merge;
use factbench::model::{Article, Claim, MediaKind, MediaTarget, Workspace};

fn video(url: &str, range: Option<(f64, f64)>) -> MediaTarget {
    MediaTarget {
        url: url.into(),
        kind: MediaKind::Video,
        start_s: range.map(|r| r.0),
        end_s: range.map(|r| r.1),
    }
}

fn base() -> Workspace {
    let mut ws = Workspace::new("t");
    let article = Article::new("Clips", "Two clips went round.");
    for url in ["https://example.org/a.mp4", "https://example.org/b.mp4"] {
        ws.claims
            .push(Claim::on_media(article.id, video(url, None), "Outlet"));
    }
    ws.articles.push(article);
    ws
}

#[test]
fn different_claims_media_changed_on_each_side_both_land() {
    let base = base();
    let mut ours = base.clone();
    ours.claims[0].media = Some(video("https://example.org/a.mp4", Some((723.0, 739.0))));
    let mut theirs = base.clone();
    theirs.claims[1].media = Some(MediaTarget::whole(
        "https://example.org/b.jpg",
        MediaKind::Image,
    ));
    let merged = merge(base, ours.clone(), theirs.clone()).unwrap();
    assert_eq!(merged.new_conflicts, 0, "{:?}", merged.workspace.conflicts);
    assert_eq!(merged.workspace.claims[0].media, ours.claims[0].media);
    assert_eq!(merged.workspace.claims[1].media, theirs.claims[1].media);
    assert!(merged.workspace.problems().is_empty());
}

#[test]
fn one_claims_media_changed_differently_on_both_sides_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.claims[0].media = Some(video("https://example.org/a.mp4", Some((1.0, 2.0))));
    let mut theirs = base.clone();
    theirs.claims[0].media = Some(video("https://example.org/a.mp4", Some((3.0, 4.0))));
    let merged = merge(base, ours.clone(), theirs).unwrap();
    assert_eq!(merged.new_conflicts, 1);
    assert_eq!(merged.workspace.conflicts[0].field, "media");
    // Ours stays until the conflict is settled; the range is never mixed.
    assert_eq!(merged.workspace.claims[0].media, ours.claims[0].media);
}

#[test]
fn a_media_claim_added_on_one_side_merges_in() {
    let base = base();
    let mut ours = base.clone();
    let article = ours.articles[0].id;
    let target = MediaTarget::whole("https://example.org/c.png", MediaKind::Image);
    ours.claims
        .push(Claim::on_media(article, target.clone(), "Outlet"));
    let merged = merge(base.clone(), ours, base).unwrap();
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.workspace.claims[2].media, Some(target));
}

#[test]
fn media_dropped_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = base();
    let mut ours = base.clone();
    ours.claims[0].media = None;
    let mut theirs = base.clone();
    theirs.claims[0].media = Some(video("https://example.org/a.mp4", Some((1.0, 2.0))));
    let merged = merge(base.clone(), ours, theirs).unwrap();
    assert_eq!(merged.new_conflicts, 1, "{:?}", merged.workspace.conflicts);
    assert_eq!(merged.workspace.conflicts[0].field, "media");
    // Dropped on one side, untouched on the other: dropped.
    let mut ours = base.clone();
    ours.claims[1].media = None;
    let merged = merge(base.clone(), ours, base).unwrap();
    assert_eq!(merged.new_conflicts, 0);
    assert_eq!(merged.workspace.claims[1].media, None);
}
