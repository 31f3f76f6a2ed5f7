//! Articles made of pages (PDF, DOCX): the text is the pages' text in
//! order, a blank line between pages, and where each page starts is kept
//! beside it ([`PageStart`], char offsets into the article text) as the
//! article's `pages`.

use super::{ImportOptions, normalise};
use crate::model::{Article, PageStart};
use jiff::civil::Date;

/// A page's label and text, as a reader gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageText {
    pub label: String,
    pub text: String,
}

/// A document read page by page, before it becomes an article.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadDocument {
    pub pages: Vec<PageText>,
    pub meta: DocumentMeta,
    /// What looked wrong, each a sentence.
    pub warnings: Vec<String>,
    pub fingerprint: super::Fingerprint,
}

/// What a document says about itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentMeta {
    pub title: String,
    pub author: String,
    pub created: Option<Date>,
}

/// The article of `pages`, with where each page starts (also kept as
/// the article's `pages`). The title is the
/// user's, else the document's (a word processor's "Microsoft Word - "
/// prefix left out), else the first line when short, else
/// `fallback_title`; the first line stays in the text either way, so
/// that page offsets count from the document's first char.
pub fn paged_article(
    pages: &[PageText],
    meta: &DocumentMeta,
    options: &ImportOptions,
    fallback_title: &str,
) -> (Article, Vec<PageStart>) {
    let mut text = String::new();
    let mut chars = 0;
    let mut starts = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let body = normalise(&page.text);
        if !body.is_empty() && !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        starts.push(PageStart {
            page: i + 1,
            label: page.label.clone(),
            start: chars,
        });
        chars += body.chars().count();
        text.push_str(&body);
    }
    // A page without text starts where the next page with text does (or
    // at the end), not before the blank line that comes ahead of it.
    let mut next = chars;
    for (start, page) in starts.iter_mut().zip(pages).rev() {
        if page.text.trim().is_empty() {
            start.start = next;
        } else {
            next = start.start;
        }
    }
    let title = options
        .title
        .clone()
        .or_else(|| document_title(&meta.title))
        .or_else(|| first_line_title(&text))
        .unwrap_or_else(|| fallback_title.to_owned());
    let mut article = Article::new(title, text);
    article.author = meta.author.trim().to_owned();
    article.outlet = options.outlet.clone().unwrap_or_default();
    article.url = options.url.clone().unwrap_or_default();
    article.published = options.published.or(meta.created);
    article.retrieved = Some(jiff::ZonedDateTime::now().date());
    article.pages.clone_from(&starts);
    (article, starts)
}

fn document_title(title: &str) -> Option<String> {
    let title = title.trim();
    let title = title.strip_prefix("Microsoft Word - ").unwrap_or(title);
    let generic = ["untitled", "title", "document", "slide 1"];
    let lower = title.to_lowercase();
    let file_like = [".doc", ".docx", ".pdf", ".indd", ".rtf"]
        .iter()
        .any(|e| lower.ends_with(e));
    (!title.is_empty() && !generic.contains(&lower.as_str()) && !file_like)
        .then(|| title.to_owned())
}

fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().next()?.trim();
    (!line.is_empty() && line.chars().count() <= 120).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(label: &str, text: &str) -> PageText {
        PageText {
            label: label.to_owned(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn pages_are_joined_and_their_starts_are_char_offsets() {
        let pages = [
            page("i", "Доклад\n\nПервая страница."),
            page("ii", ""),
            page("1", "会谈 second page\r\n"),
        ];
        let meta = DocumentMeta {
            title: "Microsoft Word - Report 2024".to_owned(),
            author: "Jane Roe".to_owned(),
            created: Date::new(2024, 3, 1).ok(),
        };
        let (article, starts) = paged_article(&pages, &meta, &ImportOptions::default(), "file");
        assert_eq!(
            article.text,
            "Доклад\n\nПервая страница.\n\n会谈 second page"
        );
        assert_eq!(article.title, "Report 2024");
        assert_eq!(article.author, "Jane Roe");
        assert_eq!(article.published, Date::new(2024, 3, 1).ok());
        let at: Vec<(usize, &str, usize)> = starts
            .iter()
            .map(|s| (s.page, s.label.as_str(), s.start))
            .collect();
        assert_eq!(at, [(1, "i", 0), (2, "ii", 26), (3, "1", 26)]);
        let third: String = article.text.chars().skip(26).take(2).collect();
        assert_eq!(third, "会谈");
    }

    #[test]
    fn a_generic_document_title_gives_way_to_the_first_line() {
        let meta = DocumentMeta {
            title: "draft.docx".to_owned(),
            ..DocumentMeta::default()
        };
        let (article, _) = paged_article(
            &[page("1", "Budget statement\nBody.")],
            &meta,
            &ImportOptions::default(),
            "f",
        );
        assert_eq!(article.title, "Budget statement");
        assert!(article.text.starts_with("Budget statement"));
    }
}
