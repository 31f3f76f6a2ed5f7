//! Claims about media in the window: the claims list row shows "Video
//! 12:03–12:19: URL" (or "Image: URL") where a text claim shows its quote,
//! with no problem mark for the empty anchor; the inspector shows the media
//! as a link that opens it at its time range.

use crate::support::*;
use egui::OutputCommand;
use egui_kittest::kittest::Queryable as _;
use factbench::model::{Article, Claim, MediaKind, MediaTarget, Workspace};

const VIDEO: &str = "https://media.example.org/parade.mp4";
const IMAGE: &str = "https://media.example.org/crowd.jpg";

fn workspace() -> (Workspace, factbench::model::ClaimId) {
    let mut ws = Workspace::new("Media");
    let article = Article::new("A clip went round", "A clip of the parade went round.");
    let video = MediaTarget {
        url: VIDEO.into(),
        kind: MediaKind::Video,
        start_s: Some(723.0),
        end_s: Some(739.0),
    };
    let claim = Claim::on_media(article.id, video, "Outlet");
    let id = claim.id;
    ws.claims.push(claim);
    let image = MediaTarget::whole(IMAGE, MediaKind::Image);
    ws.claims.push(Claim::on_media(article.id, image, "Outlet"));
    ws.articles.push(article);
    (ws, id)
}

#[test]
fn the_list_row_shows_the_media_and_the_inspector_links_it_at_its_time() {
    let (ws, id) = workspace();
    let mut harness = harness(app(ws, vec![]));
    harness.run_steps(3);
    let row = format!("Video 12:03–12:19: {VIDEO}");
    harness.get_by_label_contains(&row);
    harness.get_by_label_contains(&format!("Image: {IMAGE}"));
    assert!(
        harness.query_by_label_contains("(!)").is_none(),
        "an empty anchor is no problem"
    );
    let ctx = harness.ctx.clone();
    harness.state_mut().select_claim(&ctx, id);
    harness.run_steps(3);
    harness.get_by_label("Video 12:03–12:19:");
    let link = harness.get_by_role_and_label(egui::accesskit::Role::Link, VIDEO);
    link.click();
    harness.run_steps(1);
    let sent = harness.output().platform_output.commands.clone();
    let want = format!("{VIDEO}#t=723,739");
    assert!(
        sent.iter()
            .any(|c| matches!(c, OutputCommand::OpenUrl(open) if open.url == want)),
        "{sent:?}"
    );
}
