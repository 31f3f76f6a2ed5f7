//! Reading one CSV of a Check export: which of Check's exports it is (by
//! its header row, whatever the file is called), then its rows as
//! [`Item`]s, [`FactCheck`]s and [`Explainer`]s. Columns Check's export
//! code does not write are kept (as annotations) and reported; a column
//! Check always writes that is missing, a row with the wrong number of
//! fields, text that is not UTF-8 or a date that cannot be read stops the
//! reading with the file's name in the ZIP and the line.

use super::{Explainer, FactCheck, Item, Place, Read};
use jiff::Timestamp;

/// Which of Check's CSV exports a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// The item list (`CheckSearch.get_exported_data`) or the workspace
    /// data task (`check:data:export_workspace_data`).
    Items,
    /// The fact-check list, or the articles list (fact-checks, then
    /// explainer rows of five fields) (`FactCheck.get_exported_data`).
    FactChecks,
    /// The explainer list (`Explainer.get_exported_data`).
    Explainers,
    /// The fact-check view of a shared feed.
    FeedFactChecks,
}

const ITEM_COLUMNS: [&str; 3] = ["Claim", "Item page URL", "Status"];
/// Every column of the two item exports besides the team's own fields.
const ITEM_KNOWN: [&str; 16] = [
    "Claim",
    "Item page URL",
    "Status",
    "Created by",
    "Created by organization",
    "Submitted at",
    "Social Media Posted at",
    "Published at",
    "Report Published at",
    "Number of media",
    "Media: Shares",
    "Media: Reactions",
    "Media: Comments",
    "Tags",
    "Reviewed by",
    "Reviewed by organization",
];
const FACT_CHECK_COLUMNS: [&str; 7] = [
    "ID",
    "Title",
    "Summary",
    "URL",
    "Language",
    "Report Status",
    "Imported?",
];
const EXPLAINER_COLUMNS: [&str; 5] = ["ID", "Title", "Description", "URL", "Language"];
const FEED_COLUMNS: [&str; 7] = [
    "Fact-check title",
    "Fact-check summary",
    "Fact-check URL",
    "Tags",
    "Workspace",
    "Updated at",
    "Rating",
];

/// Reads one CSV into `read`; `folder` is the ZIP folder it lies in, if any.
pub(super) fn read_csv(name: &str, bytes: &[u8], read: &mut Read) -> Result<(), String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let Some(header) = records.next() else {
        read.not_check.push(format!("{name} (empty)"));
        return Ok(());
    };
    let header = text_fields(&header.map_err(|e| csv_error(name, &e))?, name, 1)?;
    let Some(kind) = recognise(name, &header)? else {
        read.not_check.push(name.to_owned());
        return Ok(());
    };
    report_unknown_columns(name, kind, &header, read);
    let table = Table { name, header };
    for record in records {
        let record = record.map_err(|e| csv_error(name, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        let fields = text_fields(&record, name, line)?;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let place = Place {
            file: name.to_owned(),
            line,
        };
        table.row(kind, fields, place, read)?;
    }
    Ok(())
}

/// The kind of export whose columns `header` has; `None` for a CSV that
/// is none of them; an error for one that has some of a kind's columns
/// but not all.
fn recognise(name: &str, header: &[String]) -> Result<Option<Kind>, String> {
    let kinds: [(Kind, &[&str]); 4] = [
        (Kind::Items, &ITEM_COLUMNS),
        (Kind::FactChecks, &FACT_CHECK_COLUMNS),
        (Kind::FeedFactChecks, &FEED_COLUMNS),
        (Kind::Explainers, &EXPLAINER_COLUMNS),
    ];
    let has = |column: &&str| header.iter().any(|h| h.trim() == *column);
    for (kind, columns) in kinds {
        if columns.iter().all(has) {
            return Ok(Some(kind));
        }
    }
    let partial = kinds
        .iter()
        .filter(|(_, columns)| columns.iter().filter(|c| has(c)).count() >= 2)
        .max_by_key(|(_, columns)| columns.iter().filter(|c| has(c)).count());
    match partial {
        Some((kind, columns)) => {
            let missing: Vec<&str> = columns.iter().copied().filter(|c| !has(c)).collect();
            Err(format!(
                "{name} looks like Check's {} export but lacks the column{} {}",
                kind_name(*kind),
                if missing.len() == 1 { "" } else { "s" },
                missing.join(", ")
            ))
        }
        None => Ok(None),
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Items => "item",
        Kind::FactChecks => "fact-check",
        Kind::Explainers => "explainer",
        Kind::FeedFactChecks => "feed fact-check",
    }
}

fn known_columns(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Items => &ITEM_KNOWN,
        Kind::FactChecks => &FACT_CHECK_COLUMNS,
        Kind::Explainers => &EXPLAINER_COLUMNS,
        Kind::FeedFactChecks => &FEED_COLUMNS,
    }
}

/// A warning for the columns Check's code does not write (an item
/// export's team fields, or anything else): they are kept as annotations.
fn report_unknown_columns(name: &str, kind: Kind, header: &[String], read: &mut Read) {
    let known = known_columns(kind);
    let unknown: Vec<&str> = header
        .iter()
        .map(|h| h.trim())
        .filter(|h| !known.contains(h))
        .collect();
    if !unknown.is_empty() {
        read.warnings.push(format!(
            "{name}: column{} not in Check's {} export, kept as annotations in each claim's internal note: {}",
            if unknown.len() == 1 { "" } else { "s" },
            kind_name(kind),
            unknown.join(", ")
        ));
    }
}

fn text_fields(record: &csv::ByteRecord, name: &str, line: u64) -> Result<Vec<String>, String> {
    record
        .iter()
        .enumerate()
        .map(|(i, field)| {
            String::from_utf8(field.to_vec()).map_err(|_| {
                format!(
                    "{name} line {line}: field {} is not UTF-8 text (Check writes UTF-8)",
                    i + 1
                )
            })
        })
        .collect()
}

fn csv_error(name: &str, error: &csv::Error) -> String {
    match error.position() {
        Some(p) => format!("{name} line {}: malformed CSV ({error})", p.line()),
        None => format!("{name}: malformed CSV ({error})"),
    }
}

/// One CSV's header, to read its rows by column name.
struct Table<'a> {
    name: &'a str,
    header: Vec<String>,
}

/// One row, its fields by column name.
struct Row<'a> {
    header: &'a [String],
    fields: Vec<String>,
    place: Place,
}

impl Row<'_> {
    fn get(&self, column: &str) -> String {
        self.header
            .iter()
            .position(|h| h.trim() == column)
            .and_then(|i| self.fields.get(i))
            .map(|f| f.trim().to_owned())
            .unwrap_or_default()
    }

    /// The fields of the columns not in `known`, with their header, when
    /// not empty.
    fn others(&self, known: &[&str]) -> Vec<(String, String)> {
        self.header
            .iter()
            .zip(&self.fields)
            .filter(|(h, v)| !known.contains(&h.trim()) && !v.trim().is_empty())
            .map(|(h, v)| (h.trim().to_owned(), v.trim().to_owned()))
            .collect()
    }

    fn date(&self, column: &str) -> Result<Option<Timestamp>, String> {
        let text = self.get(column);
        parse_date(&text).map_err(|()| {
            format!(
                "{} line {}: column {column}: {text:?} is not a date Check writes (YYYY-MM-DD HH:MM:SS, or seconds since 1970)",
                self.place.file, self.place.line
            )
        })
    }
}

impl Table<'_> {
    fn row(
        &self,
        kind: Kind,
        fields: Vec<String>,
        place: Place,
        read: &mut Read,
    ) -> Result<(), String> {
        let count = fields.len();
        let expected = self.header.len();
        let explainer_row = kind == Kind::FactChecks && count == EXPLAINER_COLUMNS.len();
        if count != expected && !explainer_row {
            return Err(format!(
                "{} line {}: {count} field{} where the header has {expected} (a quote left open, or a row cut short?)",
                self.name,
                place.line,
                if count == 1 { "" } else { "s" }
            ));
        }
        if explainer_row {
            let header: Vec<String> = EXPLAINER_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
            let row = Row {
                header: &header,
                fields,
                place,
            };
            read.explainers.push(explainer(&row));
            return Ok(());
        }
        let row = Row {
            header: &self.header,
            fields,
            place,
        };
        match kind {
            Kind::Items => read.items.push(item(&row)?),
            Kind::FactChecks => read.fact_checks.push(fact_check(&row)),
            Kind::FeedFactChecks => read.fact_checks.push(feed_fact_check(&row)?),
            Kind::Explainers => read.explainers.push(explainer(&row)),
        }
        Ok(())
    }
}

fn item(row: &Row) -> Result<Item, String> {
    let item_url = row.get("Item page URL");
    let posted = match row.get("Social Media Posted at").is_empty() {
        true => row.date("Published at")?,
        false => row.date("Social Media Posted at")?,
    };
    let details = [
        "Created by organization",
        "Number of media",
        "Media: Shares",
        "Media: Reactions",
        "Media: Comments",
        "Reviewed by organization",
    ]
    .iter()
    .map(|c| ((*c).to_owned(), row.get(c)))
    .filter(|(_, v)| !v.is_empty())
    .collect();
    Ok(Item {
        workspace: slug_in_item_url(&item_url),
        claim: row.get("Claim"),
        item_url,
        status: row.get("Status"),
        created_by: row.get("Created by"),
        submitted: row.date("Submitted at")?,
        posted,
        report_published: row.date("Report Published at")?,
        reviewed_by: row.get("Reviewed by"),
        tags: split_tags(&row.get("Tags")),
        details,
        annotations: row.others(&ITEM_KNOWN),
        place: row.place.clone(),
    })
}

fn fact_check(row: &Row) -> FactCheck {
    FactCheck {
        workspace: None,
        check_id: row.get("ID"),
        title: row.get("Title"),
        summary: row.get("Summary"),
        url: row.get("URL"),
        language: row.get("Language"),
        published: row.get("Report Status").eq_ignore_ascii_case("published"),
        report_status: row.get("Report Status"),
        rating: None,
        updated: None,
        tags: Vec::new(),
        imported: row.get("Imported?").eq_ignore_ascii_case("true"),
        annotations: row.others(&FACT_CHECK_COLUMNS),
        place: row.place.clone(),
    }
}

/// A row of a feed's fact-check view: a published report, its rating
/// (the status id) and the workspace's name.
fn feed_fact_check(row: &Row) -> Result<FactCheck, String> {
    let workspace = row.get("Workspace");
    Ok(FactCheck {
        workspace: (!workspace.is_empty()).then_some(workspace),
        check_id: String::new(),
        title: row.get("Fact-check title"),
        summary: row.get("Fact-check summary"),
        url: row.get("Fact-check URL"),
        language: String::new(),
        published: true,
        report_status: "published".into(),
        rating: Some(row.get("Rating")).filter(|r| !r.is_empty()),
        updated: row.date("Updated at")?,
        tags: split_tags(&row.get("Tags")),
        imported: false,
        annotations: row.others(&FEED_COLUMNS),
        place: row.place.clone(),
    })
}

fn explainer(row: &Row) -> Explainer {
    Explainer {
        workspace: None,
        check_id: row.get("ID"),
        title: row.get("Title"),
        description: row.get("Description"),
        url: row.get("URL"),
        language: row.get("Language"),
        place: row.place.clone(),
    }
}

/// Check joins an item's tags with ", " (`tags_as_sentence`).
fn split_tags(text: &str) -> Vec<String> {
    text.split(", ")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `https://checkmedia.org/SLUG/media/123` → `SLUG` (`ProjectMedia#full_url`).
fn slug_in_item_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let segments: Vec<&str> = parsed.path_segments()?.collect();
    let media = segments.iter().rposition(|s| *s == "media")?;
    let slug = segments.get(media.checked_sub(1)?)?;
    (!slug.is_empty()).then(|| (*slug).to_owned())
}

/// `2024-03-05 14:02:11` (Check's `strftime("%Y-%m-%d %H:%M:%S")`, UTC),
/// an RFC 3339 timestamp, a bare date, or seconds since 1970 (the feed's
/// `Updated at`); empty is `None`.
pub(super) fn parse_date(text: &str) -> Result<Option<Timestamp>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(seconds) = text.parse::<i64>() {
        return Timestamp::from_second(seconds).map(Some).map_err(drop);
    }
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(Some(t));
    }
    if let Ok(dt) = text.replacen(' ', "T", 1).parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map(|z| Some(z.timestamp()))
            .map_err(drop);
    }
    let date = text.parse::<jiff::civil::Date>().map_err(drop)?;
    date.to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| Some(z.timestamp()))
        .map_err(drop)
}
