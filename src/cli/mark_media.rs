//! `factbench mark WORKSPACE --media URL --kind image|video|audio [--start
//! 12:03 --end 12:19] [--article ID|N]`: mark a claim about an image, a
//! video or a recording that appeared in an article, through
//! [`Command::MarkMedia`]; then set the fields given with it (statement,
//! claimant, tags, verdict, status), as `mark --quote` does. Prints the
//! claim's id, or with `--json` the claim as `claims --json` prints it.

use super::desk::{self, open_for_writing, quoted};
use super::mark::{Fields, MarkArgs, MarkRequest, Marked, Tags, choose_article, result_line};
use crate::edit::{Command, CommandError, Document, Outcome};
use crate::model::{ArticleId, ClaimId, MediaKind, MediaTarget, Workspace};
use std::io::Write;
use std::path::Path;

/// `mark --media`: one claim, or an error and nothing written.
pub(super) fn mark_media(args: &MarkArgs, out: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let target = target(args, path)?;
    let request = MarkRequest {
        article: args.article.clone(),
        statement: args.statement.clone(),
        claimant: args.claimant.clone(),
        claimant_kind: args.claimant_kind.clone(),
        tags: Tags::Many(args.tags.clone()),
        verdict: args.verdict.clone(),
        status: args.status.clone(),
        ..MarkRequest::default()
    };
    let (mut change, mut doc) = open_for_writing(path, "mark")?;
    let fields = Fields::read(doc.workspace(), &request, path)?;
    let article = article(doc.workspace(), args.article.as_deref(), path)?;
    let mut steps = 0;
    let result = mark_and_fill(&mut doc, article, target, fields, &mut steps);
    let claim = match result {
        Ok(claim) => claim,
        Err(e) => {
            for _ in 0..steps {
                doc.undo();
            }
            return Err(format!("{}: {e}", path.display()));
        }
    };
    desk::save(&mut change, &mut doc)?;
    let marked = Marked {
        claim,
        existing: false,
    };
    let numbers = doc.workspace().claim_numbers();
    let line = result_line(doc.workspace(), &numbers, &marked, args.json, None);
    let _ = out.write_all(line.as_bytes());
    Ok(0)
}

/// The media target the flags give, checked only for what the flags
/// themselves say (the command checks the rest).
fn target(args: &MarkArgs, path: &Path) -> Result<MediaTarget, String> {
    let in_file = |e: String| format!("{}: {e}", path.display());
    let kind_text = args.kind.as_deref().unwrap_or_default();
    let kind = MediaKind::parse(kind_text).ok_or_else(|| {
        in_file(format!(
            "--kind {}: use image, video or audio",
            quoted(kind_text)
        ))
    })?;
    let time = |flag: &str, text: &Option<String>| {
        text.as_deref()
            .map(|t| {
                parse_time(t).ok_or_else(|| {
                    in_file(format!(
                        "--{flag} {}: not a time; write 12:03, 1:02:03 or 723.5 (seconds)",
                        quoted(t)
                    ))
                })
            })
            .transpose()
    };
    Ok(MediaTarget {
        url: args.media.clone().unwrap_or_default().trim().to_owned(),
        kind,
        start_s: time("start", &args.start)?,
        end_s: time("end", &args.end)?,
    })
}

/// `--article ID`, or `--article N` (the N-th article, from 1), or the only article.
fn article(ws: &Workspace, wanted: Option<&str>, path: &Path) -> Result<ArticleId, String> {
    let by_number = wanted
        .and_then(|w| w.trim().parse::<usize>().ok())
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| ws.articles.get(i));
    match by_number {
        Some(article) => Ok(article.id),
        None => choose_article(ws, wanted, path),
    }
}

/// Marks the media and sets the fields, counting the steps recorded.
fn mark_and_fill(
    doc: &mut Document,
    article: ArticleId,
    target: MediaTarget,
    fields: Fields,
    steps: &mut usize,
) -> Result<ClaimId, CommandError> {
    let mut clock = 0.0;
    let mut execute = |doc: &mut Document, command| {
        clock += 3600.0;
        let outcome = doc.execute(command, clock)?;
        if outcome != Outcome::Unchanged {
            *steps += 1;
        }
        Ok::<_, CommandError>(outcome)
    };
    let Outcome::Claim(claim) = execute(doc, Command::MarkMedia { article, target })? else {
        return Err(CommandError::NoSuchClaim);
    };
    for change in fields.changes() {
        execute(doc, Command::EditClaim { claim, change })?;
    }
    Ok(claim)
}

/// Seconds from `12:03`, `1:02:03`, `12:03.5`, `723` or `723.5`; `None`
/// for anything else (minutes and seconds past 59 after a colon included).
pub(super) fn parse_time(text: &str) -> Option<f64> {
    let parts: Vec<&str> = text.trim().split(':').collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let (last, whole) = parts.split_last()?;
    let seconds: f64 = last
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0)?;
    if last.starts_with('+') || (!whole.is_empty() && seconds >= 60.0) {
        return None;
    }
    let mut total = 0.0;
    for (i, part) in whole.iter().enumerate() {
        let value: u32 = part.parse().ok()?;
        if i > 0 && value >= 60 {
            return None;
        }
        total = total * 60.0 + f64::from(value);
    }
    Some(total * 60.0 + seconds)
}

#[cfg(test)]
mod tests {
    use super::parse_time;

    #[test]
    fn times_read_as_a_player_writes_them() {
        assert_eq!(parse_time("12:03"), Some(723.0));
        assert_eq!(parse_time("1:02:03"), Some(3723.0));
        assert_eq!(parse_time("12:03.5"), Some(723.5));
        assert_eq!(parse_time(" 723.5 "), Some(723.5));
        for bad in [
            "", "12:", ":03", "12:60", "1:60:00", "-3", "+3", "1:2:3:4", "abc", "NaN", "inf",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
