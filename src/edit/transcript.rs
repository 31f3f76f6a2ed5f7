//! Changes to a transcript's side table. Naming a speaker: a diarised
//! label (`SPEAKER_00`) gets a name once for the whole article
//! ([`super::Command::RenameSpeaker`]), and the draft claims of the article whose
//! claimant was the old name follow, as one undo step; published claims
//! keep their claimant (changing it is a correction). Putting a side table
//! back, for undoing an in-place text edit that swallowed cue boundaries.

use super::change::{ClaimEdit, Edit};
use super::command::{ClaimText, CommandError, Outcome};
use crate::model::{ArticleId, PublicField, Transcript, Workspace};

/// The edits renaming the speaker `who` (a label or the name it has) of
/// `article` to `name` (empty: back to the file's label).
pub(super) fn plan_rename(
    ws: &Workspace,
    article: ArticleId,
    who: &str,
    name: &str,
    at: jiff::Timestamp,
) -> Result<(Edit, Outcome), CommandError> {
    let index = ws
        .articles
        .iter()
        .position(|a| a.id == article)
        .ok_or(CommandError::NoSuchArticle)?;
    let table = ws.articles[index]
        .transcript
        .as_ref()
        .ok_or_else(|| CommandError::NoSuchSpeaker(who.trim().to_owned()))?;
    let speaker = table
        .speaker_index(who.trim())
        .ok_or_else(|| CommandError::NoSuchSpeaker(who.trim().to_owned()))?;
    let old = &table.speakers[speaker];
    let name = name.trim();
    let new_shown = if name.is_empty() { &old.label } else { name };
    if old.name == name {
        return Ok((Edit::NOTHING, Outcome::Unchanged));
    }
    let mut edits = vec![Edit::SetSpeakerName {
        article: index,
        speaker,
        name: name.to_owned(),
    }];
    let now = at;
    for (claim_index, claim) in ws.claims.iter().enumerate() {
        let follows = claim.article == article
            && claim.claimant == old.shown()
            && !PublicField::needs_correction(claim);
        if follows {
            edits.push(Edit::ChangeClaim {
                index: claim_index,
                edit: ClaimEdit::SetText {
                    field: ClaimText::Claimant,
                    text: new_shown.to_owned(),
                },
                updated: now,
            });
        }
    }
    Ok((Edit::Group(edits), Outcome::Article(article)))
}

/// Gives the speaker `speaker` of the article at `article` the name
/// `name`; returns the edit giving back the one it had.
pub(super) fn set_speaker_name(
    ws: &mut Workspace,
    article: usize,
    speaker: usize,
    name: String,
) -> Edit {
    let slot = ws
        .articles
        .get_mut(article)
        .and_then(|a| a.transcript.as_mut())
        .and_then(|t| t.speakers.get_mut(speaker));
    match slot {
        Some(slot) => Edit::SetSpeakerName {
            article,
            speaker,
            name: std::mem::replace(&mut slot.name, name),
        },
        None => Edit::NOTHING,
    }
}

/// Puts `transcript` as the side table of the article at `article`;
/// returns the edit putting back the one it had.
pub(super) fn set_transcript(
    ws: &mut Workspace,
    article: usize,
    transcript: Option<Box<Transcript>>,
) -> Edit {
    match ws.articles.get_mut(article) {
        Some(found) => Edit::SetTranscript {
            article,
            transcript: std::mem::replace(&mut found.transcript, transcript.map(|t| *t))
                .map(Box::new),
        },
        None => Edit::NOTHING,
    }
}

/// The inverse of an in-place text edit, followed (when the edit swallowed
/// cue boundaries, which moving cues cannot undo) by the side table as it
/// was before.
pub(super) fn with_cues_restored(inverse: Edit, article: usize, lost: Option<Transcript>) -> Edit {
    match lost {
        Some(table) => Edit::Group(vec![
            inverse,
            Edit::SetTranscript {
                article,
                transcript: Some(Box::new(table)),
            },
        ]),
        None => inverse,
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::{Command, CommandError, Document, Outcome};
    use crate::import::transcript::{assemble, read_cues};
    use crate::model::{Article, TranscriptFormat, Workspace};

    fn debate() -> (Document, crate::model::ArticleId) {
        let vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v SPEAKER_00>Мы снизили налоги.\n\n00:02.000 --> 00:04.000\n<v SPEAKER_01>不是这样。\n";
        let cues = read_cues(TranscriptFormat::WebVtt, vtt).unwrap();
        let (text, table) = assemble(TranscriptFormat::WebVtt, cues);
        let mut article = Article::new("Дебаты", text);
        article.transcript = Some(table);
        let id = article.id;
        let mut doc = Document::new(Workspace::new("t"), None);
        doc.execute(Command::add_article(article), 0.0).unwrap();
        (doc, id)
    }

    fn rename(article: crate::model::ArticleId, who: &str, name: &str) -> Command {
        Command::RenameSpeaker {
            article,
            speaker: who.into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_rename_names_every_cue_and_the_draft_claims_and_undoes_in_one_step() {
        let (mut doc, id) = debate();
        let Outcome::Claim(claim) = doc
            .execute(
                Command::MarkClaim {
                    article: id,
                    start: 0,
                    end: 5,
                },
                10.0,
            )
            .unwrap()
        else {
            panic!("no claim");
        };
        let set = crate::edit::Command::set_claim_text(
            claim,
            crate::edit::ClaimText::Claimant,
            "SPEAKER_00",
        );
        doc.execute(set, 20.0).unwrap();
        let before = doc.workspace().clone();
        doc.execute(rename(id, "SPEAKER_00", "Ольга Петрова"), 30.0)
            .unwrap();
        let ws = doc.workspace();
        let moment = ws.articles[0].moment(0, 5).unwrap();
        assert_eq!(moment.speaker.as_deref(), Some("Ольга Петрова"));
        assert_eq!(ws.claims[0].claimant, "Ольга Петрова");
        // Named again by its new name; then back to the label.
        doc.execute(rename(id, "Ольга Петрова", "Olga"), 40.0)
            .unwrap();
        assert_eq!(doc.workspace().claims[0].claimant, "Olga");
        doc.undo();
        doc.undo();
        assert_eq!(doc.workspace(), &before);
    }

    #[test]
    fn unknown_speakers_and_plain_articles_are_refused() {
        let (mut doc, id) = debate();
        let error = doc.execute(rename(id, "SPEAKER_09", "X"), 0.0).unwrap_err();
        assert_eq!(error, CommandError::NoSuchSpeaker("SPEAKER_09".into()));
        assert!(error.to_string().contains("SPEAKER_09"));
        let same = doc.execute(rename(id, "SPEAKER_01", ""), 0.0).unwrap();
        assert_eq!(same, Outcome::Unchanged);
    }
}
