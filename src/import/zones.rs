//! The time zone a page's readers likely live in, from its address's
//! country domain or its declared language, so that a publication time
//! given in UTC is read as the date they saw (see
//! [`super::dates::parse_date_in`]). A guess: `None` where there is no
//! good one (English, international domains), and then the UTC date is
//! kept.

use jiff::tz::TimeZone;

/// Country codes (domains and BCP 47 regions, lower case) and their most
/// populous time zone.
const COUNTRIES: &[(&str, &str)] = &[
    ("de", "Europe/Berlin"),
    ("at", "Europe/Vienna"),
    ("ch", "Europe/Zurich"),
    ("fr", "Europe/Paris"),
    ("be", "Europe/Brussels"),
    ("lu", "Europe/Luxembourg"),
    ("it", "Europe/Rome"),
    ("es", "Europe/Madrid"),
    ("nl", "Europe/Amsterdam"),
    ("pl", "Europe/Warsaw"),
    ("cz", "Europe/Prague"),
    ("sk", "Europe/Bratislava"),
    ("hu", "Europe/Budapest"),
    ("dk", "Europe/Copenhagen"),
    ("se", "Europe/Stockholm"),
    ("no", "Europe/Oslo"),
    ("fi", "Europe/Helsinki"),
    ("uk", "Europe/London"),
    ("gb", "Europe/London"),
    ("ie", "Europe/Dublin"),
    ("pt", "Europe/Lisbon"),
    ("gr", "Europe/Athens"),
    ("ro", "Europe/Bucharest"),
    ("bg", "Europe/Sofia"),
    ("ua", "Europe/Kyiv"),
    ("ru", "Europe/Moscow"),
    ("tr", "Europe/Istanbul"),
    ("br", "America/Sao_Paulo"),
    ("ar", "America/Argentina/Buenos_Aires"),
    ("bo", "America/La_Paz"),
    ("cl", "America/Santiago"),
    ("co", "America/Bogota"),
    ("mx", "America/Mexico_City"),
    ("pe", "America/Lima"),
    ("ve", "America/Caracas"),
    ("uy", "America/Montevideo"),
    ("py", "America/Asuncion"),
    ("ec", "America/Guayaquil"),
    ("pa", "America/Panama"),
    ("sv", "America/El_Salvador"),
    ("jp", "Asia/Tokyo"),
    ("cn", "Asia/Shanghai"),
    ("tw", "Asia/Taipei"),
    ("hk", "Asia/Hong_Kong"),
    ("kr", "Asia/Seoul"),
    ("in", "Asia/Kolkata"),
    ("il", "Asia/Jerusalem"),
    ("au", "Australia/Sydney"),
    ("nz", "Pacific/Auckland"),
    ("ca", "America/Toronto"),
];

/// Languages spoken mostly in one time zone (or one band of them).
const LANGUAGES: &[(&str, &str)] = &[
    ("de", "Europe/Berlin"),
    ("fr", "Europe/Paris"),
    ("it", "Europe/Rome"),
    ("nl", "Europe/Amsterdam"),
    ("pl", "Europe/Warsaw"),
    ("cs", "Europe/Prague"),
    ("sk", "Europe/Bratislava"),
    ("hu", "Europe/Budapest"),
    ("da", "Europe/Copenhagen"),
    ("sv", "Europe/Stockholm"),
    ("nb", "Europe/Oslo"),
    ("no", "Europe/Oslo"),
    ("fi", "Europe/Helsinki"),
    ("el", "Europe/Athens"),
    ("ro", "Europe/Bucharest"),
    ("bg", "Europe/Sofia"),
    ("uk", "Europe/Kyiv"),
    ("ru", "Europe/Moscow"),
    ("tr", "Europe/Istanbul"),
    ("ja", "Asia/Tokyo"),
    ("zh", "Asia/Shanghai"),
    ("ko", "Asia/Seoul"),
    ("he", "Asia/Jerusalem"),
    ("es", "Europe/Madrid"),
    ("pt", "America/Sao_Paulo"),
];

/// The likely time zone of a page at `url` declaring `language`.
pub fn likely_zone(url: &str, language: &str) -> Option<TimeZone> {
    let name = country_of_url(url)
        .and_then(|country| lookup(COUNTRIES, &country))
        .or_else(|| {
            let mut parts = language.split(['-', '_']);
            let primary = parts.next().unwrap_or("").to_ascii_lowercase();
            let region = parts.find(|p| p.len() == 2).map(str::to_ascii_lowercase);
            region
                .and_then(|r| lookup(COUNTRIES, &r))
                .or_else(|| lookup(LANGUAGES, &primary))
        })?;
    TimeZone::get(name).ok()
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, zone)| *zone)
}

/// The country domain of a URL's host (`www.lanacion.com.ar` → `ar`).
fn country_of_url(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let tld = host.rsplit('.').next()?;
    (tld.len() == 2).then(|| tld.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_from_domains_then_languages() {
        assert_eq!(
            country_of_url("https://www.lanacion.com.ar/x"),
            Some("ar".to_owned())
        );
        assert_eq!(country_of_url("https://example.com/x"), None);
        assert_eq!(lookup(COUNTRIES, "bo"), Some("America/La_Paz"));
        assert_eq!(lookup(LANGUAGES, "de"), Some("Europe/Berlin"));
        assert_eq!(likely_zone("https://example.com/", "en"), None);
        if TimeZone::get("Europe/Berlin").is_ok() {
            assert!(likely_zone("https://example.com/", "de-DE").is_some());
            assert!(likely_zone("https://e.de/", "").is_some());
        }
    }
}
