//! A claim about an image, a video or a recording rather than words
//! (issue 25 item 5): the [`MediaTarget`] it is about, the whole media or a
//! time range of it. A media claim still belongs to the article the media
//! appeared in, with an empty anchor (no text quoted).

use super::Moment;
use serde::{Deserialize, Serialize};

/// What kind of media a claim is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MediaKind {
    Image,
    Video,
    Audio,
}

impl MediaKind {
    pub const ALL: [MediaKind; 3] = [MediaKind::Image, MediaKind::Video, MediaKind::Audio];

    pub fn label(self) -> &'static str {
        match self {
            MediaKind::Image => "Image",
            MediaKind::Video => "Video",
            MediaKind::Audio => "Audio",
        }
    }

    /// The word the command line and `claims --json` use: `image`, `video`, `audio`.
    pub fn key(self) -> &'static str {
        match self {
            MediaKind::Image => "image",
            MediaKind::Video => "video",
            MediaKind::Audio => "audio",
        }
    }

    /// The kind named by `key` (`image`, `video`, `audio`, any case).
    pub fn parse(key: &str) -> Option<MediaKind> {
        MediaKind::ALL
            .into_iter()
            .find(|k| k.key().eq_ignore_ascii_case(key.trim()))
    }

    /// The schema.org type of such media: `ImageObject`, `VideoObject`, `AudioObject`.
    pub fn schema_type(self) -> &'static str {
        match self {
            MediaKind::Image => "ImageObject",
            MediaKind::Video => "VideoObject",
            MediaKind::Audio => "AudioObject",
        }
    }
}

/// The media a claim is about: the whole of it, or (video and audio only)
/// the seconds `start_s..end_s` of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaTarget {
    pub url: String,
    pub kind: MediaKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_s: Option<f64>,
}

/// What is wrong with a media target.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum MediaFault {
    #[error("the media URL {} is not an http:// or https:// address", crate::text::quoted(.0))]
    Url(String),
    #[error("an image has no time range; give --from and --to only for a video or audio")]
    RangeOnImage,
    #[error("a time range needs both a start and an end")]
    HalfRange,
    #[error("the time range must start before it ends, at 0 seconds or later")]
    BadRange,
}

impl MediaTarget {
    /// A target on the whole media.
    pub fn whole(url: impl Into<String>, kind: MediaKind) -> Self {
        MediaTarget {
            url: url.into(),
            kind,
            start_s: None,
            end_s: None,
        }
    }

    /// The first thing wrong with the target, if any.
    pub fn fault(&self) -> Option<MediaFault> {
        if !super::url_opens_in_browser(self.url.trim()) || self.url.trim().starts_with("mailto:") {
            return Some(MediaFault::Url(self.url.clone()));
        }
        match (self.start_s, self.end_s) {
            (None, None) => None,
            (Some(_), Some(_)) if self.kind == MediaKind::Image => Some(MediaFault::RangeOnImage),
            (Some(start), Some(end)) => {
                let good = start.is_finite() && end.is_finite() && start >= 0.0 && start < end;
                (!good).then_some(MediaFault::BadRange)
            }
            _ if self.kind == MediaKind::Image => Some(MediaFault::RangeOnImage),
            _ => Some(MediaFault::HalfRange),
        }
    }

    /// The time range as a [`Moment`] (no speaker), when one is given and good.
    pub fn moment(&self) -> Option<Moment> {
        let (start, end) = (self.start_s?, self.end_s?);
        let good = start.is_finite() && end.is_finite() && 0.0 <= start && start < end;
        good.then(|| Moment {
            from_ms: (start * 1000.0).round() as u64,
            to_ms: (end * 1000.0).round() as u64,
            speaker: None,
        })
    }

    /// `Image`, `Video 12:03–12:19`: what the window shows before the URL.
    pub fn short_label(&self) -> String {
        match self.moment() {
            Some(m) => format!("{} {}", self.kind.label(), m.range_label()),
            None => self.kind.label().to_owned(),
        }
    }

    /// `Image: https://…`, `Video 12:03–12:19: https://…`: what the
    /// claims list and `factbench claims` show for a media claim.
    pub fn list_label(&self) -> String {
        format!("{}: {}", self.short_label(), self.url.trim())
    }

    /// `About the video at 12:03–12:19`, `About the image`: what reports show.
    pub fn about(&self) -> String {
        let kind = self.kind.key();
        match self.moment() {
            Some(m) => format!("About the {kind} at {}", m.range_label()),
            None => format!("About the {kind}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(kind: MediaKind, range: Option<(f64, f64)>) -> MediaTarget {
        MediaTarget {
            url: "https://example.org/v.mp4".into(),
            kind,
            start_s: range.map(|r| r.0),
            end_s: range.map(|r| r.1),
        }
    }

    #[test]
    fn faults_name_what_is_wrong() {
        assert_eq!(target(MediaKind::Video, Some((723.0, 739.0))).fault(), None);
        assert_eq!(target(MediaKind::Image, None).fault(), None);
        let image = target(MediaKind::Image, Some((1.0, 2.0)));
        assert_eq!(image.fault(), Some(MediaFault::RangeOnImage));
        let back = target(MediaKind::Video, Some((9.0, 3.0)));
        assert_eq!(back.fault(), Some(MediaFault::BadRange));
        let nan = target(MediaKind::Audio, Some((f64::NAN, 3.0)));
        assert_eq!(nan.fault(), Some(MediaFault::BadRange));
        let mut half = target(MediaKind::Video, None);
        half.start_s = Some(3.0);
        assert_eq!(half.fault(), Some(MediaFault::HalfRange));
        for url in [
            "",
            "file:///etc/passwd",
            "example.org/x.jpg",
            "mailto:a@b.c",
        ] {
            let t = MediaTarget::whole(url, MediaKind::Image);
            assert_eq!(t.fault(), Some(MediaFault::Url(url.into())), "{url}");
        }
    }

    #[test]
    fn labels_show_the_kind_and_range() {
        let video = target(MediaKind::Video, Some((723.0, 739.0)));
        assert_eq!(video.about(), "About the video at 12:03–12:19");
        assert_eq!(video.short_label(), "Video 12:03–12:19");
        assert_eq!(target(MediaKind::Image, None).about(), "About the image");
    }
}
