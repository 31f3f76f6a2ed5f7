//! `factbench mark WORKSPACE --quote TEXT …` and `mark WORKSPACE --from
//! FILE.jsonl`: find pasted quotes in an article (folded as
//! [`PastedQuoteFinder`] says) and mark each as a claim through
//! [`Command::MarkClaim`], with the window's trimming; then set the fields
//! given with it. With `--from`, every line is marked under one lock and
//! saved once; a line that fails is reported and the others are kept.

use super::claim_json::{ClaimRecord, claim_record};
use super::desk::{
    self, escape_for_terminal, finish, json_line, open_for_writing, quoted, verdict_key,
};
use crate::anchor::{Anchor, CharIndex};
use crate::edit::{ClaimChange, ClaimText, Command, Document, Outcome, marked_span};
use crate::model::{Article, ArticleId, ClaimId, ClaimantKind, Status, Workspace};
use crate::reanchor::PassageFinder;
use crate::text::{PastedQuoteFinder, is_cluster_boundary, one_line};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The longest `--from` input read (lines beyond are refused).
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The quote to mark, as pasted (spaces, quote marks, dashes and
    /// invisible characters need not match exactly).
    #[arg(long, required_unless_present_any = ["from", "media"], conflicts_with_all = ["from", "media"])]
    pub quote: Option<String>,
    /// Read one JSON object per line (`quote`, `article`, `nth`,
    /// `statement`, `claimant`, `claimant_kind`, `tags`, `verdict`,
    /// `status`) from FILE, or from standard input with `-`.
    #[arg(long, value_name = "FILE.jsonl")]
    pub from: Option<PathBuf>,
    /// The article's id; may be left out when the workspace has one.
    #[arg(long, value_name = "ID")]
    pub article: Option<String>,
    /// Which occurrence to mark when the quote occurs more than once (from 1).
    #[arg(long, value_name = "N")]
    pub nth: Option<usize>,
    /// The claim in checkable words (default: the quote).
    #[arg(long)]
    pub statement: Option<String>,
    /// Who made the claim.
    #[arg(long)]
    pub claimant: Option<String>,
    /// person or organization.
    #[arg(long, value_name = "KIND")]
    pub claimant_kind: Option<String>,
    /// A tag (repeatable).
    #[arg(long = "tag", value_name = "T")]
    pub tags: Vec<String>,
    /// A verdict key (or label) of the workspace's scale.
    #[arg(long, value_name = "KEY")]
    pub verdict: Option<String>,
    /// to-check, in-progress, needs-review or done.
    #[arg(long, value_name = "S")]
    pub status: Option<String>,
    /// Print the claim as `claims --json` prints it instead of its id.
    #[arg(long)]
    pub json: bool,
    /// Mark a claim about the image, video or recording at this http(s)
    /// URL instead of a quote (see `docs/media.md`).
    #[arg(long, value_name = "URL", conflicts_with = "from", requires = "kind")]
    pub media: Option<String>,
    /// With --media: image, video or audio.
    #[arg(long, value_name = "KIND", requires = "media")]
    pub kind: Option<String>,
    /// With --media (video or audio): where the claim's part starts,
    /// `12:03`, `1:02:03`, `723` or `723.5` (seconds); needs --end.
    #[arg(long, value_name = "TIME", requires_all = ["media", "end"])]
    pub start: Option<String>,
    /// With --media: where the claim's part ends; needs --start.
    #[arg(long, value_name = "TIME", requires_all = ["media", "start"])]
    pub end: Option<String>,
}

/// One quote to mark, from the flags or from one input line.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MarkRequest {
    pub(super) quote: String,
    #[serde(default)]
    pub(super) article: Option<String>,
    #[serde(default)]
    pub(super) nth: Option<usize>,
    #[serde(default)]
    pub(super) statement: Option<String>,
    #[serde(default)]
    pub(super) claimant: Option<String>,
    #[serde(default)]
    pub(super) claimant_kind: Option<String>,
    #[serde(default, alias = "tag")]
    pub(super) tags: Tags,
    #[serde(default)]
    pub(super) verdict: Option<String>,
    #[serde(default)]
    pub(super) status: Option<String>,
}

/// `"tags": ["a", "b"]` or `"tag": "a"`.
#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
pub(super) enum Tags {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

/// What marking one quote did.
pub(super) struct Marked {
    pub(super) claim: ClaimId,
    /// The quote was marked already: this is that claim.
    pub(super) existing: bool,
}

pub fn run(args: &MarkArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = match (&args.from, &args.media) {
        (_, Some(_)) => super::mark_media::mark_media(args, out),
        (Some(from), None) => mark_from(args, from, out),
        (None, None) => mark_one(args, out, err),
    };
    finish(result, &args.workspace, true, err)
}

/// `--quote`: one claim, or an error and nothing written.
fn mark_one(args: &MarkArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let request = MarkRequest {
        quote: args.quote.clone().unwrap_or_default(),
        article: args.article.clone(),
        nth: args.nth,
        statement: args.statement.clone(),
        claimant: args.claimant.clone(),
        claimant_kind: args.claimant_kind.clone(),
        tags: Tags::Many(args.tags.clone()),
        verdict: args.verdict.clone(),
        status: args.status.clone(),
    };
    let (mut change, mut doc) = open_for_writing(&args.workspace, "mark")?;
    let mut finders = HashMap::new();
    let marked = mark(&mut doc, &mut finders, request, &args.workspace)?;
    desk::save(&mut change, &mut doc)?;
    if marked.existing {
        let _ = writeln!(
            err,
            "{}: the quote is already marked as this claim; nothing added or changed (`factbench set` changes its fields)",
            escape_for_terminal(&args.workspace.display().to_string())
        );
    }
    let numbers = doc.workspace().claim_numbers();
    let line = result_line(doc.workspace(), &numbers, &marked, args.json, None);
    let _ = out.write_all(line.as_bytes());
    Ok(0)
}

/// `--from`: every line under one lock and one save; exit 1 if any failed.
/// Results are printed after the save, numbered as the saved file numbers
/// its claims.
fn mark_from(args: &MarkArgs, from: &Path, out: &mut dyn Write) -> Result<u8, String> {
    let lines = read_lines(from)?;
    let (mut change, mut doc) = open_for_writing(&args.workspace, "mark")?;
    let mut finders = HashMap::new();
    let mut outcomes = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let outcome = serde_json::from_str::<MarkRequest>(line)
            .map_err(|e| {
                format!(
                    "{}: line {}: not an object of the fields `mark` takes (quote, article, nth, statement, claimant, claimant_kind, tags, verdict, status): {e}",
                    from.display(),
                    n + 1
                )
            })
            .and_then(|request| mark(&mut doc, &mut finders, request, &args.workspace));
        outcomes.push((n + 1, outcome));
    }
    desk::save(&mut change, &mut doc)?;
    let ws = doc.workspace();
    let numbers = ws.claim_numbers();
    let mut results = String::new();
    for (line, outcome) in &outcomes {
        results.push_str(&match outcome {
            Ok(marked) => result_line(ws, &numbers, marked, args.json, Some(*line)),
            Err(message) => error_line(message, args.json, *line),
        });
    }
    let _ = out.write_all(results.as_bytes());
    let failed = outcomes.iter().any(|(_, o)| o.is_err());
    Ok(if failed { super::FAILURE } else { 0 })
}

/// The lines of `--from`, read before the workspace is locked.
fn read_lines(from: &Path) -> Result<Vec<String>, String> {
    let named = || from.display().to_string();
    let reader: Box<dyn BufRead> = if from == Path::new("-") {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let file = std::fs::File::open(from)
            .map_err(|e| format!("--from {}: cannot read it: {e}", quoted(&named())))?;
        if !file.metadata().map(|m| m.is_file()).unwrap_or(false) {
            return Err(format!("--from {}: not a regular file", quoted(&named())));
        }
        Box::new(std::io::BufReader::new(file))
    };
    let mut text = String::new();
    std::io::Read::read_to_string(
        &mut std::io::Read::take(reader, MAX_INPUT_BYTES + 1),
        &mut text,
    )
    .map_err(|e| format!("--from {}: not UTF-8 text: {e}", quoted(&named())))?;
    if text.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "--from {}: longer than {} MB",
            quoted(&named()),
            MAX_INPUT_BYTES >> 20
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    Ok(text.lines().map(str::to_owned).collect())
}

/// A result line of `--from --json`: the input line, whether the quote
/// was marked already, and the claim.
#[derive(Serialize)]
struct MarkedLine<'a> {
    line: usize,
    existing: bool,
    #[serde(flatten)]
    claim: ClaimRecord<'a>,
}

/// A failed line of `--from --json`.
#[derive(Serialize)]
struct FailedLine<'a> {
    line: usize,
    error: &'a str,
}

/// The claim's id (or JSON), prefixed by the input line in `--from` mode.
pub(super) fn result_line(
    ws: &Workspace,
    numbers: &HashMap<ClaimId, usize>,
    marked: &Marked,
    json: bool,
    line: Option<usize>,
) -> String {
    let Some(claim) = ws.claim(marked.claim) else {
        return String::new();
    };
    let number = numbers.get(&claim.id).copied().unwrap_or(0);
    match (json, line) {
        (true, Some(line)) => json_line(&MarkedLine {
            line,
            existing: marked.existing,
            claim: claim_record(ws, claim, number),
        }),
        (true, None) => json_line(&claim_record(ws, claim, number)),
        (false, Some(line)) => {
            let existing = if marked.existing {
                " (already marked)"
            } else {
                ""
            };
            format!("line {line}: {}{existing}\n", claim.id)
        }
        (false, None) => format!("{}\n", claim.id),
    }
}

fn error_line(message: &str, json: bool, line: usize) -> String {
    if json {
        json_line(&FailedLine {
            line,
            error: message,
        })
    } else {
        format!(
            "line {line}: error: {}\n",
            escape_for_terminal(&one_line(message, 2000))
        )
    }
}

/// Marks one quote (or finds it marked already) and sets the fields given
/// with it; on any error the document is as it was.
fn mark(
    doc: &mut Document,
    finders: &mut HashMap<ArticleId, PastedQuoteFinder>,
    request: MarkRequest,
    path: &Path,
) -> Result<Marked, String> {
    let mut fields = Fields::read(doc.workspace(), &request, path)?;
    let article = choose_article(doc.workspace(), request.article.as_deref(), path)?;
    let span = locate(doc.workspace(), article, finders, &request, path)?;
    if fields.claimant.is_none() {
        fields.claimant = speaker_at(doc.workspace(), article, span);
    }
    if let Some(claim) = marked_already(doc.workspace(), article, span) {
        return Ok(Marked {
            claim,
            existing: true,
        });
    }
    let mut steps = 0;
    let result = mark_and_fill(doc, article, span, fields, &mut steps);
    if result.is_err() {
        for _ in 0..steps {
            doc.undo();
        }
    }
    result
        .map(|claim| Marked {
            claim,
            existing: false,
        })
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The speaker of a transcript at the start of `span`: the claimant a
/// claim marked there gets unless one is given.
fn speaker_at(ws: &Workspace, article: ArticleId, (start, end): (usize, usize)) -> Option<String> {
    ws.article(article)?.moment(start, end)?.speaker
}

/// The fields to set on the new claim, checked before anything is marked.
pub(super) struct Fields {
    statement: Option<String>,
    claimant: Option<String>,
    claimant_kind: Option<ClaimantKind>,
    tags: Vec<String>,
    verdict: Option<String>,
    status: Option<Status>,
}

impl Fields {
    pub(super) fn read(
        ws: &Workspace,
        request: &MarkRequest,
        path: &Path,
    ) -> Result<Fields, String> {
        let in_file = |e: String| format!("{}: {e}", path.display());
        let tags = match &request.tags {
            Tags::None => Vec::new(),
            Tags::One(tag) => vec![tag.clone()],
            Tags::Many(tags) => tags.clone(),
        };
        Ok(Fields {
            statement: request.statement.clone(),
            claimant: request.claimant.clone(),
            claimant_kind: request
                .claimant_kind
                .as_deref()
                .map(desk::parse_claimant_kind)
                .transpose()
                .map_err(in_file)?,
            tags,
            verdict: request
                .verdict
                .as_deref()
                .map(|v| verdict_key(ws, v, path))
                .transpose()?,
            status: request
                .status
                .as_deref()
                .map(desk::parse_status)
                .transpose()
                .map_err(in_file)?,
        })
    }

    /// The claim changes that set these fields.
    pub(super) fn changes(self) -> Vec<ClaimChange> {
        let mut changes = Vec::new();
        let text = |field, text| ClaimChange::SetText { field, text };
        if let Some(statement) = self.statement {
            changes.push(text(ClaimText::Statement, statement));
        }
        if let Some(claimant) = self.claimant {
            changes.push(text(ClaimText::Claimant, claimant));
        }
        if let Some(kind) = self.claimant_kind {
            changes.push(ClaimChange::SetClaimantKind(kind));
        }
        changes.extend(self.tags.into_iter().map(ClaimChange::AddTag));
        if let Some(verdict) = self.verdict {
            changes.push(ClaimChange::SetVerdict(Some(verdict)));
        }
        if let Some(status) = self.status {
            changes.push(ClaimChange::SetStatus(status));
        }
        changes
    }
}

/// Marks `span` and sets the fields, counting the steps recorded.
fn mark_and_fill(
    doc: &mut Document,
    article: ArticleId,
    (start, end): (usize, usize),
    fields: Fields,
    steps: &mut usize,
) -> Result<ClaimId, crate::edit::CommandError> {
    // Far-apart clock readings: no two changes merge into one undo step.
    let mut clock = 0.0;
    let mut execute = |doc: &mut Document, command| {
        clock += 3600.0;
        let outcome = doc.execute(command, clock)?;
        if outcome != Outcome::Unchanged {
            *steps += 1;
        }
        Ok::<_, crate::edit::CommandError>(outcome)
    };
    let Outcome::Claim(claim) = execute(
        doc,
        Command::MarkClaim {
            article,
            start,
            end,
        },
    )?
    else {
        return Err(crate::edit::CommandError::NoSuchClaim);
    };
    for change in fields.changes() {
        execute(doc, Command::EditClaim { claim, change })?;
    }
    Ok(claim)
}

/// The article `wanted` names, or the only one.
pub(super) fn choose_article(
    ws: &Workspace,
    wanted: Option<&str>,
    path: &Path,
) -> Result<ArticleId, String> {
    let listing = || {
        ws.articles
            .iter()
            .map(|a| {
                format!(
                    "\n  {}  {}",
                    a.id,
                    escape_for_terminal(&one_line(&a.title, 60))
                )
            })
            .collect::<String>()
    };
    match wanted {
        Some(wanted) => ws
            .articles
            .iter()
            .find(|a| a.id.to_string().eq_ignore_ascii_case(wanted.trim()))
            .map(|a| a.id)
            .ok_or_else(|| {
                format!(
                    "{}: --article {}: no article has that id; its articles are:{}",
                    path.display(),
                    quoted(wanted),
                    listing()
                )
            }),
        None => match ws.articles.as_slice() {
            [only] => Ok(only.id),
            [] => Err(format!(
                "{}: the workspace has no article to mark a quote in",
                path.display()
            )),
            many => Err(format!(
                "{}: the workspace holds {} articles; choose one with --article ID:{}",
                path.display(),
                many.len(),
                listing()
            )),
        },
    }
}

/// The chars of the article the quote names: its only occurrence, or the
/// `nth`; refused when there is none, several, or it would split a
/// character.
fn locate(
    ws: &Workspace,
    article: ArticleId,
    finders: &mut HashMap<ArticleId, PastedQuoteFinder>,
    request: &MarkRequest,
    path: &Path,
) -> Result<(usize, usize), String> {
    let Some(article) = ws.article(article) else {
        return Err(format!("{}: the article is gone", path.display()));
    };
    let quote = &request.quote;
    if PastedQuoteFinder::is_blank(quote) {
        return Err(format!(
            "{}: --quote {}: empty (nothing but spaces or invisible characters)",
            path.display(),
            quoted(quote)
        ));
    }
    let finder = finders
        .entry(article.id)
        .or_insert_with(|| PastedQuoteFinder::new(&article.text));
    let found = finder.find(quote);
    let (start, end) = match (found.as_slice(), request.nth) {
        (_, Some(0)) => {
            return Err(format!(
                "{}: --nth 0: occurrences are numbered from 1",
                path.display()
            ));
        }
        ([], _) => return Err(not_found(ws, article, quote, path)),
        ([only], None) => *only,
        (many, None) => return Err(ambiguous(article, quote, many, path)),
        (many, Some(nth)) => *many.get(nth - 1).ok_or_else(|| {
            format!(
                "{}: --nth {nth}: the quote {} occurs {} time(s) in the article",
                path.display(),
                quoted(quote),
                many.len()
            )
        })?,
    };
    let index = CharIndex::new(&article.text);
    if !is_cluster_boundary(&index, start) || !is_cluster_boundary(&index, end) {
        return Err(format!(
            "{}: --quote {}: it starts or ends inside a character of the article (an accent, an emoji sequence or a flag) at chars {start}–{end}; quote the whole character",
            path.display(),
            quoted(quote)
        ));
    }
    marked_span(article, start, end)
        .map_err(|e| format!("{}: --quote {}: {e}", path.display(), quoted(quote)))
}

/// "not found; the closest passage is …", or the other articles that
/// hold the quote.
fn not_found(ws: &Workspace, article: &Article, quote: &str, path: &Path) -> String {
    let elsewhere: Vec<String> = ws
        .articles
        .iter()
        .filter(|a| a.id != article.id)
        .filter(|a| !PastedQuoteFinder::new(&a.text).find(quote).is_empty())
        .map(|a| {
            format!(
                "{} ({})",
                a.id,
                escape_for_terminal(&one_line(&a.title, 60))
            )
        })
        .collect();
    if !elsewhere.is_empty() {
        return format!(
            "{}: --quote {}: not found in article {}, but found in {}; choose it with --article",
            path.display(),
            quoted(quote),
            article.id,
            elsewhere.join(", ")
        );
    }
    let probe = Anchor {
        start: 0,
        end: 0,
        exact: quote.to_owned(),
        prefix: String::new(),
        suffix: String::new(),
    };
    let closest = PassageFinder::new(&article.text).nearest(&probe, 1);
    let hint = match closest.first() {
        Some(p) => format!(
            "; the closest passage is at chars {}–{}: {}",
            p.start,
            p.end,
            quoted(&one_line(
                crate::anchor::slice_chars(&article.text, p.start, p.end).unwrap_or_default(),
                80
            ))
        ),
        None => "; no passage shares a word with it".to_owned(),
    };
    format!(
        "{}: --quote {}: not found in article {} ({}){hint}",
        path.display(),
        quoted(quote),
        article.id,
        escape_for_terminal(&one_line(&article.title, 60))
    )
}

/// Each occurrence, numbered from 1, with its chars and context.
fn ambiguous(article: &Article, quote: &str, found: &[(usize, usize)], path: &Path) -> String {
    let header = format!(
        "{}: --quote {}: occurs {} times in article {}; choose one with --nth N:",
        path.display(),
        quoted(quote),
        found.len(),
        article.id
    );
    desk::occurrences(header, &article.text, found)
}

/// The claim (not an orphan) already on exactly these chars of the article.
fn marked_already(
    ws: &Workspace,
    article: ArticleId,
    (start, end): (usize, usize),
) -> Option<ClaimId> {
    ws.claims_in(article)
        .find(|c| !c.is_orphaned() && c.anchor.start == start && c.anchor.end == end)
        .map(|c| c.id)
}
