//! A news article under investigation.

use super::ArticleId;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// An article: its metadata and its normalised text (NFC, `\n` line ends),
/// which is what claim anchors count into, in `char`s.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: Option<Date>,
    pub retrieved: Option<Date>,
    /// BCP 47 language tag (`"en"`, `"ru"`, `"zh-Hans"`), empty when unknown.
    pub language: String,
    pub text: String,
    pub notes: String,
}

impl Article {
    /// A new article with a fresh id and only a title and text.
    pub fn new(title: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: ArticleId::new(),
            title: title.into(),
            outlet: String::new(),
            author: String::new(),
            url: String::new(),
            published: None,
            retrieved: None,
            language: String::new(),
            text: text.into(),
            notes: String::new(),
        }
    }

    /// Length of the text in `char`s, the unit of anchors.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }
}
