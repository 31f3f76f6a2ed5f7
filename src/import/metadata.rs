//! The last step of every import: the article's metadata (title, outlet,
//! author, URL, and the file name it came from) cleaned of characters
//! that are not text. A page's `<title>` can carry terminal escape
//! sequences or bidi overrides; kept, they would reach every terminal that
//! lists the workspace and every report. Each field is one line, so:
//! - tabs, newlines and other whitespace controls become one space;
//! - every other control (C0, DEL, C1) is removed;
//! - bidi embeddings and overrides (U+202A–U+202E) are removed: unbalanced
//!   in a title they reorder whatever is shown after it. Isolates
//!   (U+2066–U+2069) and the plain marks stay, as Arabic and Hebrew titles
//!   use them and they cannot leak past their own text (terminals still
//!   show isolates escaped, see [`crate::text::for_terminal`]);
//! - the result is trimmed. A URL also loses every space, as a web address
//!   holds none.

use crate::model::Article;

/// Cleans `article`'s metadata in place (its text is normalised elsewhere).
pub fn clean_metadata(article: &mut Article) {
    for field in [
        &mut article.title,
        &mut article.outlet,
        &mut article.author,
        &mut article.source,
    ] {
        *field = clean_line(field);
    }
    article.url = clean_url(&article.url);
}

/// One line of metadata as text: whitespace controls as single spaces,
/// other controls and bidi overrides gone, trimmed.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space_pending = true;
        } else if !is_removed(c) {
            if space_pending && !out.is_empty() {
                out.push(' ');
            }
            space_pending = false;
            out.push(c);
        }
    }
    out
}

/// A URL without controls, bidi overrides or whitespace.
pub fn clean_url(url: &str) -> String {
    url.chars()
        .filter(|&c| !c.is_whitespace() && !is_removed(c))
        .collect()
}

fn is_removed(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_taken_out_of_a_title() {
        assert_eq!(
            clean_line("\u{1b}]0;pwned\u{7}Путин \u{1b}[2Jответил\u{9b}31m"),
            "]0;pwnedПутин [2Jответил31m"
        );
        assert_eq!(
            clean_line("  习近平\t访问\r\n莫斯科 "),
            "习近平 访问 莫斯科"
        );
        assert_eq!(clean_line("abc\u{202e}fdp.exe"), "abcfdp.exe");
        assert_eq!(
            clean_line("\u{2067}قال الرئيس\u{2069} cafe\u{301} 👩\u{200d}👧"),
            "\u{2067}قال الرئيس\u{2069} cafe\u{301} 👩\u{200d}👧"
        );
    }

    #[test]
    fn a_url_loses_controls_and_spaces() {
        assert_eq!(
            clean_url(" https://example.org/\u{1b}[2Ja b\n"),
            "https://example.org/[2Jab"
        );
    }

    #[test]
    fn every_field_is_cleaned() {
        let mut article = Article::new("T\u{7}itle", "text");
        article.outlet = "Out\u{1b}let".into();
        article.author = "A\u{85}uthor".into();
        article.url = "https://e.org/\u{0}".into();
        article.source = "page\u{1b}.html".into();
        clean_metadata(&mut article);
        assert_eq!(
            (
                article.title.as_str(),
                article.outlet.as_str(),
                article.author.as_str(),
                article.url.as_str(),
                article.source.as_str()
            ),
            ("Title", "Outlet", "A uthor", "https://e.org/", "page.html")
        );
    }
}
