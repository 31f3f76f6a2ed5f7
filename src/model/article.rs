//! A news article under investigation, with the earlier versions of its
//! text that it replaced.

use super::ArticleId;
use super::pages::{Location, PageStart};
use super::transcript::Transcript;
use jiff::Timestamp;
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
    /// Internal notes; never in a public export.
    pub notes: String,
    /// Whether a public report may show the whole annotated text (the
    /// publisher's own article, a public-domain speech); otherwise it shows
    /// each claim in the sentences around it, with a link to the article.
    pub publish_full_text: bool,
    /// Where the current text came from: a file name, `"clipboard"`, or
    /// empty when unknown (articles from before versions were kept).
    pub source: String,
    /// The texts this article had before, oldest first.
    pub versions: Vec<ArticleVersion>,
    /// The recording the text transcribes (a video page or a media file),
    /// which reports link to at each claim's time.
    #[serde(default)]
    pub media_url: Option<String>,
    /// When the text is a transcript: which chars were said when and by
    /// whom (see `docs/transcripts.md`).
    #[serde(default)]
    pub transcript: Option<Transcript>,
    /// When the text was read from a PDF or Word document: where each of
    /// its pages starts (see `docs/pdf.md`); written only when there are
    /// pages (format 11).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageStart>,
}

/// An earlier text of an article, replaced by a newer version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleVersion {
    /// When this text was fetched (the article's `retrieved` date then).
    pub retrieved: Option<Date>,
    /// Where it came from: a file name, `"clipboard"`, or empty when unknown.
    pub source: String,
    /// When a newer version replaced it.
    pub replaced: Timestamp,
    pub text: String,
    /// The side table of this text, when it was a transcript.
    #[serde(default)]
    pub transcript: Option<Transcript>,
    /// Where this text's pages started, when it was a paged document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<PageStart>,
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
            publish_full_text: false,
            source: String::new(),
            versions: Vec::new(),
            media_url: None,
            transcript: None,
            pages: Vec::new(),
        }
    }

    /// Length of the text in `char`s, the unit of anchors.
    pub fn char_len(&self) -> usize {
        self.text.chars().count()
    }

    /// When and by whom the chars `start..end` were said, for a transcript.
    pub fn moment(&self, start: usize, end: usize) -> Option<super::Moment> {
        self.transcript.as_ref()?.moment(start, end)
    }

    /// The pages the chars `start..end` lie on, for a paged document.
    pub fn location(&self, start: usize, end: usize) -> Option<Location> {
        super::pages::location(&self.pages, start, end)
    }

    /// When the text last changed to a newer version, if it ever did.
    pub fn last_changed(&self) -> Option<Timestamp> {
        self.versions.last().map(|v| v.replaced)
    }
}
