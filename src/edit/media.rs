//! Marking a claim about media ([`super::Command::MarkMedia`]): an image,
//! or a video or recording (whole, or a time range of it) that appeared in
//! an article. The claim quotes no text: its anchor is empty.

use super::change::Edit;
use super::command::{CommandError, Outcome};
use crate::model::{ArticleId, Claim, MediaTarget, Workspace};

/// The edit inserting a new claim about `target` in `article`; refused
/// when the target's URL, kind or range is wrong.
pub(super) fn plan_mark_media(
    ws: &Workspace,
    article: ArticleId,
    target: MediaTarget,
) -> Result<(Edit, Outcome), CommandError> {
    let article = ws.article(article).ok_or(CommandError::NoSuchArticle)?;
    if let Some(fault) = target.fault() {
        return Err(CommandError::BadMedia(fault));
    }
    let target = MediaTarget {
        url: target.url.trim().to_owned(),
        ..target
    };
    let claim = Claim::on_media(article.id, target, article.outlet.clone());
    let id = claim.id;
    let edit = Edit::InsertClaim {
        index: ws.claims.len(),
        claim: Box::new(claim),
    };
    Ok((edit, Outcome::Claim(id)))
}

#[cfg(test)]
mod tests {
    use crate::edit::{Command, CommandError, Document, Outcome};
    use crate::model::{Article, MediaFault, MediaKind, MediaTarget, Workspace};

    fn doc() -> (Document, crate::model::ArticleId) {
        let article = Article::new("Clip", "A clip went round.");
        let id = article.id;
        let mut doc = Document::new(Workspace::new("t"), None);
        doc.execute(Command::add_article(article), 0.0).unwrap();
        (doc, id)
    }

    #[test]
    fn a_media_claim_is_marked_undone_and_has_no_problems() {
        let (mut doc, article) = doc();
        let before = doc.workspace().clone();
        let target = MediaTarget {
            url: " https://example.org/clip.mp4 ".into(),
            kind: MediaKind::Video,
            start_s: Some(723.0),
            end_s: Some(739.0),
        };
        let mark = Command::MarkMedia { article, target };
        let Outcome::Claim(id) = doc.execute(mark, 1.0).unwrap() else {
            panic!("no claim")
        };
        let ws = doc.workspace();
        let claim = ws.claim(id).unwrap();
        assert_eq!(
            claim.media.as_ref().unwrap().url,
            "https://example.org/clip.mp4"
        );
        assert_eq!((claim.anchor.start, claim.anchor.end), (0, 0));
        assert_eq!(claim.anchor.exact, "");
        assert_eq!(ws.problems(), []);
        doc.undo();
        assert_eq!(doc.workspace(), &before);
    }

    #[test]
    fn bad_targets_are_refused_with_what_is_wrong() {
        let (mut doc, article) = doc();
        let mut image = MediaTarget::whole("https://example.org/a.jpg", MediaKind::Image);
        image.start_s = Some(1.0);
        image.end_s = Some(2.0);
        let mut backwards = MediaTarget::whole("https://example.org/a.mp4", MediaKind::Video);
        backwards.start_s = Some(20.0);
        backwards.end_s = Some(10.0);
        for (target, fault) in [
            (image, MediaFault::RangeOnImage),
            (backwards, MediaFault::BadRange),
            (
                MediaTarget::whole("javascript:alert(1)", MediaKind::Image),
                MediaFault::Url("javascript:alert(1)".into()),
            ),
        ] {
            let error = doc
                .execute(Command::MarkMedia { article, target }, 1.0)
                .unwrap_err();
            assert!(error.to_string().starts_with("cannot mark this media: "));
            assert_eq!(error, CommandError::BadMedia(fault));
        }
        assert!(doc.workspace().claims.is_empty());
        let gone = crate::model::ArticleId::new();
        let target = MediaTarget::whole("https://example.org/a.jpg", MediaKind::Image);
        let error = doc.execute(
            Command::MarkMedia {
                article: gone,
                target,
            },
            1.0,
        );
        assert_eq!(error.unwrap_err(), CommandError::NoSuchArticle);
    }

    #[test]
    fn a_media_claim_keeps_its_target_through_text_changes_and_takes_no_span() {
        let (mut doc, article) = doc();
        let target = MediaTarget::whole("https://example.org/a.jpg", MediaKind::Image);
        let mark = Command::MarkMedia { article, target };
        let Outcome::Claim(id) = doc.execute(mark, 1.0).unwrap() else {
            panic!("no claim")
        };
        let before = doc.workspace().claim(id).unwrap().clone();
        let put = Command::EditClaim {
            claim: id,
            change: crate::edit::ClaimChange::SetSpan { start: 0, end: 6 },
        };
        let error = doc.execute(put, 2.0).unwrap_err();
        assert_eq!(error, CommandError::MediaHasNoQuote);
        let text = "Nothing of the old text is left.".to_owned();
        let update =
            crate::edit::ArticleUpdate::prepare(doc.workspace(), article, text, "new", None)
                .unwrap();
        assert!(update.claims.is_empty(), "a media claim is not followed");
        doc.execute(update.into_command(), 3.0).unwrap();
        let edit = Command::EditArticleText {
            article,
            start: 0,
            end: 7,
            text: "All".into(),
        };
        doc.execute(edit, 4.0).unwrap();
        let ws = doc.workspace();
        assert_eq!(ws.claim(id), Some(&before), "neither orphaned nor moved");
        assert_eq!(ws.problems(), []);
    }
}
