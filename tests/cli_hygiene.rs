//! What the command line prints is safe for a terminal: titles, quotes and
//! messages holding escape sequences or bidi overrides (from a hostile
//! page, or typed into a workspace file) are shown escaped by every
//! command, and an import stores titles without them.

mod fresh_home;

use assert_cmd::Command;
use factbench::model::{Article, Claim, Workspace};
use factbench::store;
use std::fs;
use std::path::Path;

/// Sets the terminal's title, then clears the screen; then an override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}Victory\u{1b}[2J day\u{9b}2J \u{202e}gnp.exe";

fn factbench() -> Command {
    fresh_home::factbench()
}

/// Runs `command`: exit code and everything it printed, out then err.
fn printed(command: &mut Command) -> (i32, String) {
    let out = command.output().unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), text)
}

fn assert_terminal_safe(text: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{c:?} printed raw in {text:?}");
    }
    assert!(!text.contains("panicked"), "{text}");
}

/// A workspace whose article title, URL and claim statement are hostile.
fn hostile_workspace(title: &str) -> Workspace {
    let mut ws = Workspace::new("Desk");
    let mut article = Article::new(
        title,
        "Xi visited Moscow. Zelenskyy accused China of supplying Russia with weapons.",
    );
    article.url = format!("example.org/{HOSTILE}");
    let anchor =
        factbench::anchor::find_quote(&article.text, "accused China of supplying Russia", 0)
            .unwrap();
    let mut claim = Claim::new(article.id, anchor, "");
    claim.statement = format!("China supplies Russia with weapons {HOSTILE}");
    ws.articles.push(article);
    ws.claims.push(claim);
    ws
}

fn save(path: &Path, ws: &Workspace) {
    store::save(path, ws).unwrap();
}

#[test]
fn import_stores_and_prints_a_hostile_page_title_without_controls() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    fs::write(
        &page,
        format!(
            "<html><head><title>{HOSTILE}</title><meta name=\"author\" content=\"A\u{1b}[31mB\"></head>\
             <body><article><p>Xi visited Moscow on Friday for the parade.</p>\
             <p>Zelenskyy accused China of supplying Russia with weapons.</p></article></body></html>"
        ),
    )
    .unwrap();
    let ws = dir.path().join("ws.ron");
    let (code, text) = printed(factbench().arg("import").arg(&page).arg("--into").arg(&ws));
    assert_eq!(code, 0, "{text}");
    assert_terminal_safe(&text);
    let article = &store::load(&ws).unwrap().workspace.articles[0];
    for field in [
        &article.title,
        &article.author,
        &article.outlet,
        &article.url,
    ] {
        assert!(!field.chars().any(char::is_control), "{field:?}");
        assert!(!field.contains('\u{202e}'), "{field:?}");
    }
    assert!(article.title.contains("Victory"), "{:?}", article.title);
}

#[test]
fn list_check_diff_textconv_and_similar_escape_what_they_print() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    let new = dir.path().join("new.ron");
    save(&old, &hostile_workspace(HOSTILE));
    let mut changed = hostile_workspace(&format!("{HOSTILE} (updated)"));
    changed.articles[0].id = store::load(&old).unwrap().workspace.articles[0].id;
    save(&new, &changed);
    let cache = tempfile::tempdir().unwrap();
    let runs: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["list".as_ref(), old.as_os_str()],
        vec!["check".as_ref(), old.as_os_str()],
        vec!["diff".as_ref(), old.as_os_str(), new.as_os_str()],
        vec!["diff".as_ref(), "--textconv".as_ref(), old.as_os_str()],
        vec![
            "similar".as_ref(),
            "China supplies Russia with weapons".as_ref(),
            "--in".as_ref(),
            dir.path().as_os_str(),
            "--index-dir".as_ref(),
            cache.path().as_os_str(),
        ],
    ];
    for args in runs {
        let (_, text) = printed(factbench().args(&args));
        assert!(
            text.contains("\\u001b") || text.contains("\\u{1b}"),
            "{args:?} shows the escape: {text}"
        );
        assert_terminal_safe(&text);
    }
}

#[test]
fn merge_conflict_lines_escape_titles() {
    let dir = tempfile::tempdir().unwrap();
    let base = hostile_workspace("Base title");
    let mut ours = base.clone();
    ours.articles[0].title = format!("Ours {HOSTILE}");
    let mut theirs = base.clone();
    theirs.articles[0].title = format!("Theirs {HOSTILE}");
    let paths = ["base.ron", "ours.ron", "theirs.ron"].map(|n| dir.path().join(n));
    for (path, ws) in paths.iter().zip([&base, &ours, &theirs]) {
        save(path, ws);
    }
    let (code, text) = printed(factbench().arg("merge").args(&paths));
    assert_eq!(code, 1, "a conflict is recorded: {text}");
    assert!(text.contains("Ours \\u001b]0;pwned\\u0007"), "{text}");
    assert_terminal_safe(&text);
}

#[test]
fn check_reports_a_quote_that_splits_a_character() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("split.ron");
    let text = "Кафе\u{301} 👩\u{200d}👩\u{200d}👧 и 习近平 🇺🇦";
    let mut ws = Workspace::new("Desk");
    let article = Article::new("Clusters", text);
    // Chars 4..8: after "Каф" + "е" and before U+0301; inside the family emoji.
    let anchor = factbench::anchor::CharIndex::new(text)
        .capture(4, 8)
        .unwrap();
    let mut claim = Claim::new(article.id, anchor, "");
    claim.statement = "A family in a café".into();
    ws.articles.push(article);
    ws.claims.push(claim);
    save(&path, &ws);
    let (code, text) = printed(factbench().arg("check").arg(&path));
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("starts at character 4, inside \"е\u{301}\""),
        "{text}"
    );
}

fn sample_text() -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("workspaces/xi-moscow-victory-day.ron"),
    )
    .unwrap()
}

/// `check` of a workspace file holding `text`: exit code and what it printed.
fn check_text(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.ron");
    fs::write(&path, text).unwrap();
    printed(factbench().arg("check").arg(&path))
}

#[test]
fn messages_quote_at_most_a_line_of_a_huge_token() {
    let huge = "ы".repeat(100_000);
    let sample = sample_text();
    let field = sample.replacen("title:", &format!("{huge}: 1,\n    title:"), 1);
    let variant = {
        let at = sample.find("status: ").unwrap() + "status: ".len();
        let end = at + sample[at..].find([',', '\n']).unwrap();
        format!("{}{huge}{}", &sample[..at], &sample[end..])
    };
    for text in [field, variant] {
        let (code, printed) = check_text(&text);
        assert_eq!(code, 1, "{printed}");
        assert!(
            printed.len() < 1_000,
            "{} bytes: {printed:.300}",
            printed.len()
        );
        assert!(
            printed.contains(&format!("{}…", "ы".repeat(80))),
            "{printed}"
        );
    }
    // A problem quoting a huge URL is bounded too.
    let mut ws = hostile_workspace("Title");
    ws.articles[0].url = format!("example.org/{huge}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("url.ron");
    save(&path, &ws);
    let (code, printed) = printed(factbench().arg("check").arg(&path));
    assert_eq!(code, 1, "{printed:.300}");
    assert!(
        printed.len() < 1_000,
        "{} bytes: {printed:.300}",
        printed.len()
    );
}

#[test]
fn parser_messages_keep_their_words() {
    let sample = sample_text();
    let id_at = sample.find("id: \"").unwrap() + "id: \"".len();
    let id_end = id_at + sample[id_at..].find('"').unwrap();
    let bad_id = format!("{}zz{}", &sample[..id_at], &sample[id_end..]);
    let (code, printed) = check_text(&bad_id);
    assert_eq!(code, 1, "{printed}");
    assert!(printed.contains(": UUID parsing failed"), "{printed}");
    let unknown_field = sample.replacen("title:", "titel: \"x\",\n    title:", 1);
    let (_, printed) = check_text(&unknown_field);
    assert!(
        printed.contains(": unexpected field named `titel`"),
        "{printed}"
    );
}
