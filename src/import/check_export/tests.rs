//! Unit tests of the Check export reader: dates as Check writes them,
//! workspace names from file names and item URLs, best guesses on each
//! preset scale, the `--map` flags, and the entry and size limits.

use super::build::file_stem;
use super::mapping::{StatusMap, best_guess, shell_quoted};
use super::tables::parse_date;
use super::{Limits, plan_workspaces, read_export_bytes, slug_in_file_name};
use crate::model::VerdictScale;
use std::io::Write;

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn dates_are_read_as_check_writes_them() {
    let at = |t: &str| parse_date(t).unwrap().map(|t| t.to_string());
    assert_eq!(
        at("2026-03-04 12:00:00").as_deref(),
        Some("2026-03-04T12:00:00Z")
    );
    assert_eq!(at("1775001600").as_deref(), Some("2026-04-01T00:00:00Z"));
    assert_eq!(at("2026-03-04").as_deref(), Some("2026-03-04T00:00:00Z"));
    assert_eq!(
        at("2026-03-04T12:00:00+02:00").as_deref(),
        Some("2026-03-04T10:00:00Z")
    );
    assert_eq!(at("  "), None);
    assert!(parse_date("4 March").is_err());
    assert!(parse_date("2026-02-30 10:00:00").is_err());
}

#[test]
fn the_workspace_data_file_name_gives_the_slug() {
    assert_eq!(
        slug_in_file_name("workspace-data-cairo-desk-2026-05-01.csv").as_deref(),
        Some("cairo-desk")
    );
    assert_eq!(
        slug_in_file_name("exports/workspace-data-киев-2026-05-01.csv").as_deref(),
        Some("киев")
    );
    assert_eq!(slug_in_file_name("workspace-data--2026-05-01.csv"), None);
    assert_eq!(slug_in_file_name("items.csv"), None);
}

#[test]
fn best_guesses_follow_each_scale() {
    let default = VerdictScale::default_scale();
    let guess = |s: &str, scale: &VerdictScale| best_guess(s, scale);
    assert_eq!(guess("Verified", &default).as_deref(), Some("true"));
    assert_eq!(guess("FALSE", &default).as_deref(), Some("false"));
    assert_eq!(guess("Not true", &default).as_deref(), Some("false"));
    assert_eq!(
        guess("Mostly False", &default).as_deref(),
        Some("mostly-false")
    );
    assert_eq!(
        guess("mostly_true", &default).as_deref(),
        Some("mostly-true")
    );
    assert_eq!(
        guess("Partly false", &default).as_deref(),
        Some("misleading")
    );
    assert_eq!(
        guess("Inconclusive", &default).as_deref(),
        Some("unverifiable")
    );
    assert_eq!(guess("In Progress", &default), None);
    assert_eq!(guess("Unstarted", &default), None);
    assert_eq!(guess("Ложь", &default).as_deref(), Some("false"));
    assert_eq!(guess("زائف", &default).as_deref(), Some("false"));
    assert_eq!(guess("虚假信息", &default).as_deref(), Some("false"));
    assert_eq!(guess("Satire 🎭", &default), None);
    let politifact = VerdictScale::politifact();
    assert_eq!(guess("Verified", &politifact).as_deref(), Some("true"));
    assert_eq!(
        guess("Misleading", &politifact).as_deref(),
        Some("half-true")
    );
    assert_eq!(guess("Inconclusive", &politifact), None);
    let fever = VerdictScale::fever();
    assert_eq!(guess("Verified", &fever).as_deref(), Some("supported"));
    assert_eq!(guess("False", &fever).as_deref(), Some("refuted"));
    assert_eq!(
        guess("Unverified", &fever).as_deref(),
        Some("not-enough-info")
    );
}

#[test]
fn map_flags_take_keys_labels_and_none() {
    let scale = VerdictScale::default_scale();
    let mut map = StatusMap::default();
    map.add_flag("Verified=TRUE", &scale).unwrap();
    map.add_flag("Частично = Mostly false", &scale).unwrap();
    map.add_flag("a=b=none", &scale).unwrap();
    assert_eq!(map.verdict("verified"), Some(Some("true")));
    assert_eq!(map.verdict("частично"), Some(Some("mostly-false")));
    assert_eq!(map.verdict("A=B"), Some(None));
    assert_eq!(map.verdict("Other"), None);
    assert!(
        map.add_flag("False", &scale)
            .unwrap_err()
            .contains("'Check status=verdict-key'")
    );
    assert!(
        map.add_flag("=false", &scale)
            .unwrap_err()
            .contains("status is empty")
    );
    assert!(
        map.add_flag("X=nope", &scale)
            .unwrap_err()
            .contains("\"nope\" is not a verdict")
    );
    assert_eq!(shell_quoted("It's=false"), "'It'\\''s=false'");
}

#[test]
fn too_many_entries_and_too_large_files_are_refused() {
    let header = b"Claim,Item page URL,Status\nA,https://x.org/t/media/1,False\n";
    let zip = zip_of(&[("a.csv", header), ("b.csv", header), ("c.csv", header)]);
    let small = Limits {
        entries: 2,
        ..Limits::default()
    };
    let error = read_export_bytes(&zip, small).unwrap_err();
    assert!(error.contains("it holds 3 entries"), "{error}");

    let tight = Limits {
        csv_bytes: 40,
        ..Limits::default()
    };
    let error = read_export_bytes(&zip, tight).unwrap_err();
    assert!(
        error.contains("a.csv unpacks to more than 40 bytes"),
        "{error}"
    );

    let all = Limits {
        total_bytes: 100,
        ..Limits::default()
    };
    let error = read_export_bytes(&zip, all).unwrap_err();
    assert!(error.contains("b.csv unpacks to more than"), "{error}");
}

#[test]
fn text_that_is_not_utf8_is_named_by_line() {
    let zip = zip_of(&[(
        "t/items.csv",
        b"Claim,Item page URL,Status\nok,https://x.org/t/media/1,False\n\xff\xfe,https://x.org/t/media/2,False\n",
    )]);
    let error = read_export_bytes(&zip, Limits::default()).unwrap_err();
    assert_eq!(
        error,
        "t/items.csv line 3: field 1 is not UTF-8 text (Check writes UTF-8)"
    );
}

#[test]
fn a_bad_date_is_named_by_file_line_and_column() {
    let zip = zip_of(&[(
        "t/items.csv",
        "Claim,Item page URL,Status,Submitted at\nДа,https://x.org/t/media/1,False,вчера\n"
            .as_bytes(),
    )]);
    let error = read_export_bytes(&zip, Limits::default()).unwrap_err();
    assert!(
        error.starts_with("t/items.csv line 2: column Submitted at: \"вчера\" is not a date"),
        "{error}"
    );
}

#[test]
fn an_entry_that_unpacks_past_what_it_declares_is_stopped_at_the_limit() {
    let mut endless = std::io::repeat(b'0');
    let error = super::archive::read_entry(&mut endless, 10, "x.csv", (100, Limits::default()))
        .unwrap_err();
    assert!(
        error.starts_with("x.csv unpacks to more than 100 bytes"),
        "{error}"
    );
}

#[test]
fn workspace_names_become_safe_file_names() {
    assert_eq!(file_stem("newsroom-kyiv"), "newsroom-kyiv");
    assert_eq!(file_stem("Beijing Desk"), "Beijing-Desk");
    assert_eq!(file_stem("Редакция Київ"), "Редакция-Київ");
    assert_eq!(file_stem("../../etc"), "etc");
    assert_eq!(file_stem(".."), "check-workspace");
    assert_eq!(file_stem("a/b\\c"), "a-b-c");
}

#[test]
fn rows_naming_no_workspace_go_to_the_only_one_or_to_one_named_after_the_zip() {
    let items = "Claim,Item page URL,Status\nОдин,https://c.org/alpha/media/1,False\n";
    let facts =
        "ID,Title,Summary,URL,Language,Report Status,Imported?\n1,Два,S,,ru,unpublished,false\n";
    let scale = VerdictScale::default_scale();
    let mut map = StatusMap::default();
    map.add_flag("False=false", &scale).unwrap();
    let one = zip_of(&[
        ("items.csv", items.as_bytes()),
        ("facts.csv", facts.as_bytes()),
    ]);
    let read = read_export_bytes(&one, Limits::default()).unwrap();
    let planned = plan_workspaces(&read, &map, &scale, "export.zip")
        .unwrap()
        .unwrap();
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].check_workspace, "alpha");
    assert_eq!(planned[0].workspace.claims.len(), 2);

    let more = items.replace("alpha", "beta").replace("Один", "Три");
    let two = zip_of(&[
        ("items.csv", items.as_bytes()),
        ("more.csv", more.as_bytes()),
        ("facts.csv", facts.as_bytes()),
    ]);
    let read = read_export_bytes(&two, Limits::default()).unwrap();
    let planned = plan_workspaces(&read, &map, &scale, "export.zip")
        .unwrap()
        .unwrap();
    let names: Vec<&str> = planned.iter().map(|p| p.check_workspace.as_str()).collect();
    assert_eq!(names, ["alpha", "beta", "export"]);
    assert_eq!(planned[2].workspace.claims[0].statement, "Два");
}
