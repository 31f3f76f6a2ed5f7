//! `factbench import ARTICLE… --into WORKSPACE [--json]`.

use super::FAILURE;
use crate::edit::{Command, Document};
use crate::import::{ImportOptions, Imported, encoding_for_label, import_file_detailed};
use crate::model::Workspace;
use crate::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// Article files: text (.txt), Markdown (.md), saved web pages (.html,
    /// .htm), PDF (.pdf), Word documents (.docx) or transcripts (WebVTT .vtt, SRT .srt, time-coded text), in
    /// UTF-8, UTF-16 or a legacy encoding (detected, or named with
    /// --encoding). What looked wrong in a file is reported as
    /// `warning: FILE: …` on stderr.
    #[arg(required = true)]
    pub articles: Vec<PathBuf>,
    /// The workspace file to add them to (created when missing).
    #[arg(long, value_name = "WORKSPACE")]
    pub into: PathBuf,
    /// Title (default: the file's first line).
    #[arg(long)]
    pub title: Option<String>,
    /// The outlet that published the article.
    #[arg(long)]
    pub outlet: Option<String>,
    /// The article's web address.
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub published: Option<jiff::civil::Date>,
    /// Read the files in this encoding instead of detecting it
    /// (utf-8, utf-16le, windows-1251, koi8-r, koi8-u, gb18030, big5, shift_jis, …).
    #[arg(long, value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Read the files as transcripts or as text, whatever they look like
    /// (by default .vtt and .srt files, and .txt files whose lines mostly
    /// carry time codes, are transcripts).
    #[arg(long = "as", value_name = "KIND")]
    pub read_as: Option<crate::import::ReadAs>,
    /// The recording the articles transcribe (a video page or a media
    /// file); reports link to each claim's moment in it.
    #[arg(long, value_name = "URL")]
    pub media_url: Option<String>,
    /// Once the workspace is saved, print one JSON line per file instead of
    /// the summary: {file, article, title, format, encoding, language,
    /// chars, warnings, pages, fingerprint}.
    #[arg(long)]
    pub json: bool,
}

pub(super) fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_for_label(label).ok_or_else(|| {
        format!("{label:?} is not an encoding Factbench knows; try utf-8, utf-16le, windows-1251, koi8-r, koi8-u, gb18030, big5 or shift_jis")
    })
}

fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    text.parse()
        .map_err(|_| format!("{text:?} is not a date of the form YYYY-MM-DD"))
}

/// Imports every article or none: the workspace is saved once, atomically,
/// only when all of them were read.
pub fn run(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match import_all(args, out, err) {
        Ok((_, _)) if args.json => 0,
        Ok((count, created)) => {
            let _ = writeln!(
                out,
                "{}: {} {count} article{}",
                args.into.display(),
                if created { "created with" } else { "added" },
                if count == 1 { "" } else { "s" }
            );
            0
        }
        Err(message) => {
            let _ = writeln!(err, "error: {message}");
            let _ = writeln!(err, "{}: unchanged", args.into.display());
            FAILURE
        }
    }
}

/// `ru.txt: "Визит в Москву", text, windows-1251 (detected), ru, 1 234 characters`;
/// a transcript says its format, cues and speakers.
fn describe_import(path: &Path, imported: &Imported) -> String {
    let article = &imported.article;
    let format = match &article.transcript {
        Some(t) => format!(
            "{}, {} cues, {} speakers",
            t.format.label(),
            t.cues.len(),
            t.speakers.len()
        ),
        None if !imported.pages.is_empty() => format!(
            "{}, {} page{}",
            imported.format.label(),
            imported.pages.len(),
            if imported.pages.len() == 1 { "" } else { "s" }
        ),
        None => format!(
            "{}, {} ({})",
            imported.format.label(),
            imported.encoding.name(),
            imported.detection.describe()
        ),
    };
    format!(
        "{}: “{}”, {}, language {}, {} characters",
        path.display(),
        article.title,
        format,
        if article.language.is_empty() {
            "unknown"
        } else {
            &article.language
        },
        article.char_len(),
    )
}

/// `{"file":…,"article":ID,"title":…,"format":"web page","encoding":"UTF-8",
/// "language":"de","chars":1234,"warnings":[…],"pages":[…],"fingerprint":…}`;
/// `pages` (`{page, label, start}`, start a char offset) and `fingerprint`
/// (`{sha256, pdf_id}`) for PDF and Word documents, else `[]` and `null`.
fn json_line(path: &Path, imported: &Imported) -> String {
    let article = &imported.article;
    serde_json::json!({
        "file": path.display().to_string(),
        "article": article.id.to_string(),
        "title": article.title,
        "format": imported.format.label(),
        "encoding": imported.encoding.name(),
        "language": article.language,
        "chars": article.char_len(),
        "warnings": imported.warnings,
        "pages": imported.pages,
        "fingerprint": imported.fingerprint,
    })
    .to_string()
}

/// The articles are read before the workspace is locked, so the lock is
/// held only for the change and the save.
fn import_all(
    args: &ImportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(usize, bool), String> {
    let options = ImportOptions {
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        url: args.url.clone(),
        published: args.published,
        encoding: args.encoding,
        read_as: args.read_as,
        media_url: args.media_url.clone(),
    };
    let mut articles = Vec::with_capacity(args.articles.len());
    let mut json_lines = Vec::new();
    for path in &args.articles {
        let imported = import_file_detailed(path, &options).map_err(|e| e.to_string())?;
        if args.json {
            json_lines.push(json_line(path, &imported));
        } else {
            let _ = writeln!(out, "{}", describe_import(path, &imported));
        }
        for warning in &imported.warnings {
            let _ = writeln!(err, "warning: {}: {warning}", path.display());
        }
        articles.push(imported.article);
    }
    let (mut change, loaded) =
        store::open_for_change(&args.into, "import").map_err(|e| e.to_string())?;
    let created = loaded.is_none();
    let workspace = match loaded {
        Some(loaded) => loaded.workspace,
        None => Workspace::new(crate::import::title_from_file_name(&args.into)),
    };
    let mut doc = Document::new(workspace, Some(args.into.clone()));
    doc.execute(Command::AddArticles(articles), 0.0)
        .map_err(|e| format!("{}: {e}", args.into.display()))?;
    change.save(doc.workspace()).map_err(|e| e.to_string())?;
    for line in json_lines {
        let _ = writeln!(out, "{line}");
    }
    Ok((args.articles.len(), created))
}
