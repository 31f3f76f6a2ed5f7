//! Plain-text articles: the first line is the title unless one is given.

use super::{ImportOptions, normalise};
use crate::model::Article;

/// Longest first line still taken for a title rather than a paragraph.
const MAX_TITLE_CHARS: usize = 200;

/// Makes an article of plain text. Without `options.title`, a short first
/// line becomes the title and the rest the text; when the first line is a
/// paragraph, the title is `fallback_title` (say, the file name).
pub fn article_from_text(raw: &str, options: &ImportOptions, fallback_title: &str) -> Article {
    let text = normalise(raw);
    let (title, body) = match &options.title {
        Some(title) => (title.trim().to_owned(), text),
        None => split_title(text, fallback_title),
    };
    let mut article = Article::new(title, body);
    article.outlet = options.outlet.clone().unwrap_or_default();
    article.url = options.url.clone().unwrap_or_default();
    article.published = options.published;
    article.retrieved = Some(jiff::ZonedDateTime::now().date());
    article
}

fn split_title(text: String, fallback_title: &str) -> (String, String) {
    match text.split_once('\n') {
        Some((first, rest)) if first.chars().count() <= MAX_TITLE_CHARS => (
            first.trim().to_owned(),
            rest.trim_start_matches('\n').to_owned(),
        ),
        _ => (fallback_title.to_owned(), text),
    }
}

/// A readable title from a file name: `xi-moscow_visit.txt` → `xi moscow visit`.
pub fn title_from_file_name(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default()
}
