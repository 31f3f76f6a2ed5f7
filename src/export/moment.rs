//! When and by whom a claim of a transcript was said, as every export
//! shows it: the time range and speaker of the cues its quote touches, the
//! W3C Media Fragment of that range (`t=723,739`), and a link that opens
//! the recording at that moment — YouTube `t=723s`, Vimeo `#t=723s`, any
//! other media address `#t=723,739`.

use super::escape::is_web_url;
use super::plan::PlannedClaim;
use crate::model::{Article, Moment, seconds};

/// The moment of a claim whose quote matches its article's transcript.
pub fn moment_of(planned: &PlannedClaim<'_>) -> Option<Moment> {
    let (start, end) = planned.span?;
    planned.article?.moment(start, end)
}

/// `12:03–12:19, Speaker` (or without the speaker when none is known).
pub fn label(moment: &Moment) -> String {
    match &moment.speaker {
        Some(speaker) => format!("{}, {speaker}", moment.range_label()),
        None => moment.range_label(),
    }
}

/// `Watch at 12:03`.
pub fn watch_label(moment: &Moment) -> String {
    format!("Watch at {}", crate::model::clock(moment.from_ms))
}

/// Seconds as Media Fragments write them: `723`, `723.5`, `723.25`.
pub fn npt(ms: u64) -> String {
    let text = format!("{:.3}", seconds(ms));
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The W3C Media Fragments temporal fragment of the moment: `t=723,739`.
pub fn media_fragment(moment: &Moment) -> String {
    format!("t={},{}", npt(moment.from_ms), npt(moment.to_ms))
}

/// The article's media address, when it is an `http(s)` URL.
pub fn media_url(article: &Article) -> Option<&str> {
    article
        .media_url
        .as_deref()
        .map(str::trim)
        .filter(|u| is_web_url(u))
}

/// The address that opens the article's recording at the moment, when the
/// article has an `http(s)` media URL.
pub fn watch_link(article: &Article, moment: &Moment) -> Option<String> {
    link_at(media_url(article)?, moment)
}

/// The address that opens the media at `url` at the moment, when `url` is
/// an `http(s)` address (a media claim's target, an article's recording).
pub fn link_at(url: &str, moment: &Moment) -> Option<String> {
    let url = url.trim();
    if !is_web_url(url) {
        return None;
    }
    let (base, _fragment) = url.split_once('#').unwrap_or((url, ""));
    let whole = moment.from_s();
    Some(match platform(base) {
        Platform::YouTube => {
            let base = without_query_param(base, "t");
            let joiner = if base.contains('?') { '&' } else { '?' };
            format!("{base}{joiner}t={whole}s")
        }
        Platform::Vimeo => format!("{base}#t={whole}s"),
        Platform::Media => format!("{base}#{}", media_fragment(moment)),
    })
}

/// The link a report gives a media claim's target: the media opened at
/// its time range when it has one, else its address; `None` for an
/// address that is not `http(s)`.
pub fn media_target_link(target: &crate::model::MediaTarget) -> Option<String> {
    match target.moment() {
        Some(moment) => link_at(&target.url, &moment),
        None => is_web_url(target.url.trim()).then(|| target.url.trim().to_owned()),
    }
}

/// What a media address is, for schema.org and for time links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    YouTube,
    Vimeo,
    /// A media file or any other page: W3C Media Fragments.
    Media,
}

/// The platform of an `http(s)` address, by its host.
pub fn platform(url: &str) -> Platform {
    let host = host_of(url);
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host.strip_prefix("m.").unwrap_or(host);
    match host {
        "youtube.com" | "youtu.be" | "music.youtube.com" | "youtube-nocookie.com" => {
            Platform::YouTube
        }
        "vimeo.com" | "player.vimeo.com" => Platform::Vimeo,
        _ => Platform::Media,
    }
}

/// Whether the address is audio rather than video, by its file extension.
pub fn is_audio(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    [
        ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac", ".aac",
    ]
    .iter()
    .any(|ext| path.ends_with(ext))
}

/// The host of an `scheme://host/…` address, lower case, without user
/// or port.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or(authority);
    host.split(':').next().unwrap_or(host).to_ascii_lowercase()
}

/// `url` without the query parameter `name` (a start time already there).
fn without_query_param(url: &str, name: &str) -> String {
    let Some((path, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| p.split('=').next() != Some(name) && !p.is_empty())
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(from_ms: u64, to_ms: u64) -> Moment {
        Moment {
            from_ms,
            to_ms,
            speaker: Some("Ольга".into()),
        }
    }

    fn article(media: &str) -> Article {
        let mut article = Article::new("t", "x");
        article.media_url = Some(media.into());
        article
    }

    #[test]
    fn links_open_the_recording_at_the_moment() {
        let m = at(723_400, 739_000);
        let link = |url| watch_link(&article(url), &m);
        assert_eq!(
            link("https://www.youtube.com/watch?v=abc&t=5s").as_deref(),
            Some("https://www.youtube.com/watch?v=abc&t=723s")
        );
        assert_eq!(
            link("https://youtu.be/abc").as_deref(),
            Some("https://youtu.be/abc?t=723s")
        );
        assert_eq!(
            link("https://vimeo.com/123#t=1s").as_deref(),
            Some("https://vimeo.com/123#t=723s")
        );
        assert_eq!(
            link("https://example.org/debate.mp4").as_deref(),
            Some("https://example.org/debate.mp4#t=723.4,739")
        );
        assert_eq!(link("javascript:alert(1)"), None);
        assert_eq!(watch_link(&Article::new("t", "x"), &m), None);
    }

    #[test]
    fn labels_and_fragments() {
        let m = at(723_000, 739_000);
        assert_eq!(media_fragment(&m), "t=723,739");
        assert_eq!(label(&m), "12:03–12:19, Ольга");
        assert_eq!(watch_label(&m), "Watch at 12:03");
        assert!(is_audio("https://x.org/a.MP3?x=1"));
        assert!(!is_audio("https://x.org/a.mp4"));
        assert_eq!(
            platform("https://user@M.YouTube.com:443/watch"),
            Platform::YouTube
        );
    }
}
