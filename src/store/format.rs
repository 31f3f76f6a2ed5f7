//! The RON text of a workspace: how it is written, and how parse errors are
//! turned into messages with a line and column.

use super::LoadError;
use crate::model::Workspace;
use ron::ser::PrettyConfig;
use std::path::Path;

mod markers;

/// Deepest nesting accepted when reading; a workspace needs about ten levels.
pub const RECURSION_LIMIT: usize = 64;

fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(true)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(false)
}

/// The file text of a workspace: pretty RON, struct names, `\n` line ends,
/// long texts as multi-line strings, no line starting with a git conflict
/// marker. The same workspace always gives the same text.
pub fn to_ron(workspace: &Workspace) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(workspace, pretty_config())?;
    text.push('\n');
    Ok(markers::escape_marker_lines(text))
}

pub(super) fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// Parses RON text as `T`, turning a RON error into a [`LoadError::Syntax`].
pub(super) fn parse<T: serde::de::DeserializeOwned>(
    text: &str,
    path: &Path,
) -> Result<T, LoadError> {
    ron_options()
        .from_str(text)
        .map_err(|e| syntax_error(path, text, &e))
}

fn syntax_error(path: &Path, text: &str, error: &ron::error::SpannedError) -> LoadError {
    let mut message = describe(&error.code);
    let says_truncated = matches!(error.code, ron::Error::Eof | ron::Error::ExpectedStringEnd);
    if !says_truncated && !text.trim_end().ends_with(')') {
        message.push_str(
            "; also, the file does not end with the `)` that closes the workspace (is it truncated?)",
        );
    }
    LoadError::Syntax {
        path: path.to_owned(),
        line: error.span.start.line,
        column: error.span.start.col,
        message,
    }
}

fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::Eof => "the file ends too early (is it truncated?)".to_owned(),
        ron::Error::ExpectedStringEnd => {
            "the string that starts here is never closed (is the file truncated?)".to_owned()
        }
        ron::Error::ExceededRecursionLimit => {
            format!("nested more than {RECURSION_LIMIT} levels deep; a workspace file never is")
        }
        other => crate::text::shorten_quotes(&lower_first_word(&other.to_string())),
    }
}

/// The parser's message to follow "file:line:column: ": its first word in
/// lower case when it is an ordinary capitalised word ("Expected …" →
/// "expected …"); an acronym or a name ("UUID parsing failed") is kept as
/// the parser wrote it.
fn lower_first_word(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_owned(),
    }
}
