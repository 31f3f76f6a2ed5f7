//! Which way text runs in the exports: an article's direction from its
//! language tag (Arabic, Persian, Urdu, Hebrew… are right to left), or
//! without one from its text's first strong character; and a workspace's,
//! from its articles, so a report of Arabic or Hebrew articles lays its
//! own page out right to left. Markdown and CSV carry text in logical
//! order and need none of this; the HTML report sets `dir` and `lang`.

use crate::model::Article;
use unicode_bidi::{BidiClass, bidi_class};

/// A base direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Languages written right to left (ISO 639 codes as BCP 47 uses them).
const RTL_LANGUAGES: [&str; 16] = [
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "prs", "ps", "sd", "syr", "ug",
    "ur", "yi",
];

/// The direction a BCP 47 tag says: its script subtag when it has one
/// (`Arab`, `Hebr`, `Syrc`, `Thaa` right to left, any other left to
/// right), else its language; `None` for an empty or unknown tag.
pub fn language_direction(tag: &str) -> Option<Direction> {
    let tag = tag.trim().to_ascii_lowercase();
    if tag.is_empty() {
        return None;
    }
    let mut subtags = tag.split(['-', '_']);
    let language = subtags.next()?;
    if let Some(script) =
        subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
    {
        let rtl = matches!(script, "arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm");
        return Some(if rtl { Direction::Rtl } else { Direction::Ltr });
    }
    if RTL_LANGUAGES.contains(&language) {
        return Some(Direction::Rtl);
    }
    // A known left-to-right language looks like a two- or three-letter code.
    let code =
        (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
    code.then_some(Direction::Ltr)
}

/// The direction of `text`'s first strong character (as `dir="auto"`
/// finds it); `None` when it has none.
pub fn text_direction(text: &str) -> Option<Direction> {
    text.chars().find_map(|c| match bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        BidiClass::R | BidiClass::AL => Some(Direction::Rtl),
        _ => None,
    })
}

/// An article's direction: its language's, else its text's (title
/// first), else left to right.
pub fn article_direction(article: &Article) -> Direction {
    language_direction(&article.language)
        .or_else(|| text_direction(&article.text))
        .or_else(|| text_direction(&article.title))
        .unwrap_or(Direction::Ltr)
}

/// The direction of a report of these articles: right to left when more
/// than half of them are.
pub fn workspace_direction<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Direction {
    let (mut rtl, mut all) = (0, 0);
    for article in articles {
        all += 1;
        if article_direction(article) == Direction::Rtl {
            rtl += 1;
        }
    }
    if rtl * 2 > all {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_say_the_direction() {
        assert_eq!(language_direction("ar"), Some(Direction::Rtl));
        assert_eq!(language_direction("fa-IR"), Some(Direction::Rtl));
        assert_eq!(language_direction("he"), Some(Direction::Rtl));
        assert_eq!(language_direction("ur"), Some(Direction::Rtl));
        assert_eq!(language_direction("en"), Some(Direction::Ltr));
        assert_eq!(language_direction("zh-Hans"), Some(Direction::Ltr));
        assert_eq!(
            language_direction("az-Arab"),
            Some(Direction::Rtl),
            "a script subtag wins"
        );
        assert_eq!(language_direction("ar-Latn"), Some(Direction::Ltr));
        assert_eq!(language_direction(""), None);
        assert_eq!(language_direction("Arabic language"), None);
    }

    #[test]
    fn without_a_tag_the_first_strong_char_decides() {
        assert_eq!(text_direction("123 مرحبا World"), Some(Direction::Rtl));
        assert_eq!(text_direction("« 42 » Hello مرحبا"), Some(Direction::Ltr));
        assert_eq!(text_direction("42 ..."), None);
        let mut article = Article::new("", "שלום 42 עולם");
        assert_eq!(article_direction(&article), Direction::Rtl);
        article.language = "en".into();
        assert_eq!(article_direction(&article), Direction::Ltr, "the tag first");
        let english = Article::new("", "Hello");
        let arabic = Article::new("", "مرحبا");
        assert_eq!(
            workspace_direction([&arabic, &arabic, &english]),
            Direction::Rtl
        );
        assert_eq!(workspace_direction([&arabic, &english]), Direction::Ltr);
        assert_eq!(workspace_direction([]), Direction::Ltr);
    }
}
