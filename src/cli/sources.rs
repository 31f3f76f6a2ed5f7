//! `factbench source add WORKSPACE --title T …` (a source for the library,
//! or the one already there with the same web address) and `factbench
//! sources WORKSPACE [--json]` (the library, with the claims citing each).

use super::claim_json::source_record;
use super::desk::{
    self, escape_for_terminal, finish, json_line, open_for_reading, open_for_writing, quoted,
};
use crate::edit::Command;
use crate::model::{Source, Workspace};
use crate::text::one_line;
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum SourceCommand {
    /// Add a source to the workspace's library; prints its id.
    Add(SourceAddArgs),
    /// Change a source: mark it protected (withheld from public reports) or not.
    Set(SourceSetArgs),
}

#[derive(Debug, clap::Args)]
pub struct SourceSetArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// The source's id (or a unique start of it).
    #[arg(long, value_name = "ID")]
    pub source: String,
    /// true: withheld from public reports for the source's safety; false: listed again.
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true")]
    pub protected: Option<bool>,
    /// Print the source as `sources --json` prints it instead of its id.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SourceAddArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    #[arg(long)]
    pub title: String,
    /// Its web address.
    #[arg(long, default_value = "")]
    pub url: String,
    #[arg(long, default_value = "")]
    pub publisher: String,
    /// official-statement, primary-document, dataset, news-report (as the
    /// window's new sources), expert or other.
    #[arg(long, default_value = "news-report")]
    pub kind: String,
    /// Publication date, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// When it was consulted, YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub accessed: Option<String>,
    /// An archived copy's web address.
    #[arg(long, default_value = "")]
    pub archive_url: String,
    /// Withhold it from public reports for the source's safety.
    #[arg(long)]
    pub protected: bool,
    /// Print the source as `sources --json` prints it instead of its id.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, clap::Args)]
pub struct SourcesArgs {
    /// The workspace file (.ron).
    pub workspace: PathBuf,
    /// One JSON object per source per line (fields in docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
}

pub fn run_source(command: &SourceCommand, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match command {
        SourceCommand::Add(args) => {
            let result = add(args, out, err);
            finish(result, &args.workspace, true, err)
        }
        SourceCommand::Set(args) => {
            let result = set(args, out);
            finish(result, &args.workspace, true, err)
        }
    }
}

fn set(args: &SourceSetArgs, out: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let in_file = |e: String| format!("{}: {e}", path.display());
    let Some(protected) = args.protected else {
        return Err(in_file(
            "nothing to change: give --protected true or false".to_owned(),
        ));
    };
    let (mut change, mut doc) = open_for_writing(path, "source set")?;
    let source = desk::find_source(doc.workspace(), "--source", &args.source, path)?;
    let command = Command::EditSource {
        source,
        change: crate::edit::SourceChange::SetProtected(protected),
    };
    doc.execute(command, 0.0)
        .map_err(|e| in_file(e.to_string()))?;
    desk::save(&mut change, &mut doc)?;
    print_source(doc.workspace(), source, args.json, out);
    Ok(0)
}

fn add(args: &SourceAddArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let path = &args.workspace;
    let in_file = |e: String| format!("{}: {e}", path.display());
    if args.title.trim().is_empty() {
        return Err(in_file("--title is empty".to_owned()));
    }
    let kind = desk::parse_source_kind(&args.kind).map_err(in_file)?;
    let date = |flag: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|d| {
                d.trim().parse::<jiff::civil::Date>().map_err(|_| {
                    in_file(format!(
                        "{flag} {}: not a date of the form YYYY-MM-DD",
                        quoted(d)
                    ))
                })
            })
            .transpose()
    };
    let published = date("--published", &args.published)?;
    let accessed = date("--accessed", &args.accessed)?;
    let (mut change, mut doc) = open_for_writing(path, "source add")?;
    if let Some(known) = same_address(doc.workspace(), &args.url) {
        let _ = writeln!(
            err,
            "note: {}: a source with the same web address is already in the library: {} ({}); nothing added",
            escape_for_terminal(&path.display().to_string()),
            known.id,
            escape_for_terminal(&one_line(&known.title, 60))
        );
        print_source(doc.workspace(), known.id, args.json, out);
        return Ok(0);
    }
    // Kept as given, as the window keeps what is typed.
    let mut source = Source::new(args.title.as_str(), args.url.as_str(), kind);
    source.publisher = args.publisher.clone();
    source.published = published;
    source.accessed = accessed;
    source.archive_url = args.archive_url.clone();
    source.protected = args.protected;
    let id = source.id;
    doc.execute(Command::AddSource(Box::new(source)), 0.0)
        .map_err(|e| in_file(e.to_string()))?;
    desk::save(&mut change, &mut doc)?;
    print_source(doc.workspace(), id, args.json, out);
    Ok(0)
}

fn print_source(ws: &Workspace, id: crate::model::SourceId, json: bool, out: &mut dyn Write) {
    let Some(source) = ws.source(id) else {
        return;
    };
    let line = if json {
        json_line(&source_record(ws, source, &ws.claim_numbers()))
    } else {
        format!("{id}\n")
    };
    let _ = out.write_all(line.as_bytes());
}

/// The source of the library whose web address is `url`'s, compared
/// normalised ([`address_key`]); none for an empty address.
fn same_address<'a>(ws: &'a Workspace, url: &str) -> Option<&'a Source> {
    let key = address_key(url)?;
    ws.sources
        .iter()
        .find(|s| address_key(&s.url).as_deref() == Some(key.as_str()))
}

/// A web address compared without what does not change the page: case of
/// the scheme and host, a `www.` prefix, the fragment, a trailing slash,
/// and `http` against `https`.
fn address_key(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let url = url.split('#').next().unwrap_or(url);
    let (scheme, rest) = match url.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => (String::new(), url),
    };
    let scheme = if scheme == "http" {
        "https".to_owned()
    } else {
        scheme
    };
    let (host, path) = match rest.find(['/', '?']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = path.trim_end_matches('/');
    Some(format!("{scheme}://{host}{path}"))
}

pub fn run_sources(args: &SourcesArgs, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let result = list(args, out, err);
    finish(result, &args.workspace, false, err)
}

fn list(args: &SourcesArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<u8, String> {
    let ws = open_for_reading(&args.workspace, err)?;
    let numbers = ws.claim_numbers();
    for source in &ws.sources {
        let line = if args.json {
            json_line(&source_record(&ws, source, &numbers))
        } else {
            let cited = ws.claims_citing(source.id).count();
            let fields = [
                source.id.to_string(),
                desk::name_of(source.kind),
                escape_for_terminal(&one_line(&source.title, 80)),
                format!("cited by {cited}"),
                escape_for_terminal(&one_line(&source.url, 200)),
            ];
            format!("{}\n", fields.join("\t"))
        };
        let _ = out.write_all(line.as_bytes());
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::address_key;

    #[test]
    fn addresses_compare_without_case_www_fragment_or_trailing_slash() {
        assert_eq!(
            address_key("HTTP://WWW.Example.org/Путь/#top"),
            address_key("https://example.org/Путь")
        );
        assert_ne!(
            address_key("https://example.org/a"),
            address_key("https://example.org/A")
        );
        assert_eq!(address_key("  "), None);
    }
}
