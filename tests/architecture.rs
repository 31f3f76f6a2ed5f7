//! The house rules of `src/`, checked: a rule broken fails here, naming the
//! file and line. Exceptions go in `EXCEPTIONS` (none today); that list
//! may only shrink — an exception that no longer breaks its rule fails too,
//! so it is taken off when its code is fixed.
//!
//! The rules:
//! - no source file over 700 lines;
//! - no non-test function over 80 lines (a match arm on one line does not
//!   count, so a table of one arm a line may be longer);
//! - egui and eframe only under `src/ui/`;
//! - `src/edit/` does not use `crate::merge` (merging builds on editing);
//! - panels, dialogs, actions, widgets and services do not reach into the
//!   application object (`crate::ui::app`);
//! - only `src/ui/app/intents.rs` runs commands on the open document
//!   (`execute`, `run_command`, `undo`, `redo`): everything else in the
//!   window returns intents;
//! - combo boxes open only through `ui::widgets::combo` (`show_ui` nowhere
//!   else), which makes them work from the keyboard and tells screen
//!   readers their current value;
//! - every module opens with a `//!` doc comment;
//! - the tests run the `factbench` binary only through `tests/fresh_home/`
//!   (its own HOME and XDG folders), never in the developer's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 700;
const MAX_FUNCTION_LINES: usize = 80;

/// Exceptions: (rule, file, function or "" for the file). There are none
/// left; the list stays so a rule can be brought in before the code meets
/// it, and then it may only shrink.
const EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// Test files that name the binary without `fresh_home`, and why: git
/// runs it there as a merge driver, in the environment the test gives git.
const BINARY_OUTSIDE_FRESH_HOME: &[&str] = &["tests/merge_git.rs", "tests/snapshot_git.rs"];

#[test]
fn the_tests_run_the_binary_in_a_fresh_home() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut breaches = Vec::new();
    for path in rust_files(&root.join("tests")) {
        let name = relative_name(root, &path);
        let text = std::fs::read_to_string(&path).unwrap();
        let allowed = name == "tests/fresh_home/mod.rs"
            || name == "tests/architecture.rs"
            || BINARY_OUTSIDE_FRESH_HOME.contains(&name.as_str())
            || text.contains("fresh_home::variables()");
        for (at, line) in text.lines().enumerate() {
            let names_binary = line.contains("cargo_bin(") || line.contains("CARGO_BIN_EXE_");
            if names_binary && !allowed {
                breaches.push(format!(
                    "{name}:{}: runs the binary outside fresh_home",
                    at + 1
                ));
            }
        }
    }
    assert!(breaches.is_empty(), "{}", breaches.join("\n"));
}

/// A rule broken: which rule, where, and what was found.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Breach {
    rule: &'static str,
    file: String,
    item: String,
    detail: String,
}

#[test]
fn the_source_tree_keeps_the_house_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = rust_files(&root.join("src"));
    assert!(files.len() > 50, "the source files were found");
    let mut breaches = Vec::new();
    for path in &files {
        let name = relative_name(root, path);
        let text = std::fs::read_to_string(path).unwrap();
        breaches.extend(check_file(&name, &text));
    }
    let report = compare_with_exceptions(&breaches);
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// Everything wrong with one file.
fn check_file(name: &str, text: &str) -> Vec<Breach> {
    let code = code_only(text);
    let mut found = Vec::new();
    let breach = |rule, item: &str, detail: String| Breach {
        rule,
        file: name.to_owned(),
        item: item.to_owned(),
        detail,
    };
    let lines = text.lines().count();
    if lines > MAX_FILE_LINES {
        found.push(breach("file-length", "", format!("{lines} lines")));
    }
    if !text.starts_with("//!") {
        found.push(breach("module-doc", "", "no //! doc on line 1".into()));
    }
    for f in long_functions(&code, is_test_file(name)) {
        found.push(breach("function-length", &f.0, format!("{} lines", f.1)));
    }
    for (rule, line) in forbidden_uses(name, &code) {
        found.push(breach(rule, "", format!("line {}", line + 1)));
    }
    found
}

/// The uses a file may not make, by where it is: (rule, line index).
fn forbidden_uses(name: &str, code: &[String]) -> Vec<(&'static str, usize)> {
    let in_ui = name.starts_with("src/ui/");
    let in_edit = name.starts_with("src/edit/");
    let below_app = [
        "src/ui/panels/",
        "src/ui/dialogs/",
        "src/ui/actions",
        "src/ui/widgets",
        "src/ui/services/",
    ]
    .iter()
    .any(|p| name.starts_with(p));
    let runs_commands = in_ui && name != "src/ui/app/intents.rs";
    let mut found = Vec::new();
    for (i, line) in code.iter().enumerate() {
        if !in_ui && (has_word(line, "egui") || has_word(line, "eframe")) {
            found.push(("egui-outside-ui", i));
        }
        if in_edit && (line.contains("crate::merge") || line.contains("super::merge")) {
            found.push(("edit-uses-merge", i));
        }
        if below_app && (line.contains("ui::app") || line.contains("super::app")) {
            found.push(("reaches-into-app", i));
        }
        if in_ui && name != "src/ui/widgets.rs" && line.contains(".show_ui(") {
            found.push(("combo-outside-widgets", i));
        }
        let runs = [".execute(", "run_command(", ".undo()", ".redo()"];
        if runs_commands && runs.iter().any(|r| line.contains(r)) {
            found.push(("command-outside-intents", i));
        }
    }
    found
}

/// Whether `word` is in `line` as a whole identifier.
fn has_word(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}

/// Files of tests only (`tests.rs`, `*_tests.rs`, `tests/` under `src/`).
fn is_test_file(name: &str) -> bool {
    name.ends_with("/tests.rs") || name.ends_with("_tests.rs") || name.contains("/tests/")
}

/// The functions over the limit: (name, counted lines). Test functions,
/// `#[cfg(test)]` items and test files are left out.
fn long_functions(code: &[String], test_file: bool) -> Vec<(String, usize)> {
    if test_file {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut skip_until = 0;
    let mut attribute_test = false;
    for (i, line) in code.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("#[cfg(test)]") || trimmed.starts_with("#[test]") {
            attribute_test = true;
            continue;
        }
        if i < skip_until {
            continue;
        }
        let item_start = is_item_start(trimmed);
        if attribute_test && item_start {
            skip_until = item_end(code, i) + 1;
            attribute_test = false;
            continue;
        }
        if let Some(name) = function_name(trimmed) {
            let end = item_end(code, i);
            let counted = counted_lines(&code[i..=end]);
            if counted > MAX_FUNCTION_LINES {
                found.push((name, counted));
            }
        }
    }
    found
}

fn is_item_start(trimmed: &str) -> bool {
    !trimmed.is_empty() && !trimmed.starts_with("#[") && !trimmed.starts_with("//")
}

/// The name of the function a line declares, if it declares one.
fn function_name(trimmed: &str) -> Option<String> {
    let mut words = trimmed.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let qualifier = word.starts_with("pub")
            || ["const", "async", "unsafe", "extern", "\"C\""].contains(&word);
        if word == "fn" {
            let name: String = words
                .next()?
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            return (!name.is_empty()).then_some(name);
        }
        if !qualifier {
            return None;
        }
    }
    None
}

/// The line where the item starting at `start` ends: its closing brace, or
/// its `;` when it has no body.
fn item_end(code: &[String], start: usize) -> usize {
    let mut depth = 0usize;
    let mut opened = false;
    for (i, line) in code.iter().enumerate().skip(start) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth = depth.saturating_sub(1),
                ';' if !opened && depth == 0 => return i,
                _ => {}
            }
            if opened && depth == 0 {
                return i;
            }
        }
    }
    code.len() - 1
}

/// A function's lines, less the match arms written on one line.
fn counted_lines(body: &[String]) -> usize {
    body.iter().filter(|line| !is_one_line_arm(line)).count()
}

fn is_one_line_arm(line: &str) -> bool {
    let trimmed = line.trim();
    let balanced = |open, close| {
        trimmed.chars().filter(|c| *c == open).count()
            == trimmed.chars().filter(|c| *c == close).count()
    };
    trimmed.contains("=>")
        && trimmed.ends_with(',')
        && balanced('{', '}')
        && balanced('(', ')')
        && balanced('[', ']')
}

/// The text with comments, strings and char literals blanked out, line by
/// line (so braces and names in them are not read as code).
fn code_only(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let skipped = skip_literal_or_comment(&chars, i);
        if skipped > i {
            // Keep the line breaks, blank the rest.
            out.extend(
                chars[i..skipped]
                    .iter()
                    .map(|&c| if c == '\n' { '\n' } else { ' ' }),
            );
            i = skipped;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out.lines().map(str::to_owned).collect()
}

/// Where the comment or literal starting at `i` ends, or `i` when none starts there.
fn skip_literal_or_comment(chars: &[char], i: usize) -> usize {
    let at = |k: usize| chars.get(k).copied();
    match (at(i), at(i + 1)) {
        (Some('/'), Some('/')) => (i..chars.len())
            .find(|&k| chars[k] == '\n')
            .unwrap_or(chars.len()),
        (Some('/'), Some('*')) => block_comment_end(chars, i),
        (Some('"'), _) => string_end(chars, i + 1),
        (Some('r'), Some('"' | '#')) if !prev_is_ident(chars, i) => raw_string_end(chars, i),
        (Some('b'), Some('"')) if !prev_is_ident(chars, i) => string_end(chars, i + 2),
        (Some('\''), _) => char_literal_end(chars, i),
        _ => i,
    }
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn block_comment_end(chars: &[char], start: usize) -> usize {
    let (mut depth, mut k) = (0usize, start);
    while k + 1 < chars.len() {
        match (chars[k], chars[k + 1]) {
            ('/', '*') => {
                depth += 1;
                k += 2;
            }
            ('*', '/') => {
                depth -= 1;
                k += 2;
                if depth == 0 {
                    return k;
                }
            }
            _ => k += 1,
        }
    }
    chars.len()
}

/// The end of a string whose text starts at `k` (after the quote).
fn string_end(chars: &[char], mut k: usize) -> usize {
    while k < chars.len() {
        match chars[k] {
            '\\' => k += 2,
            '"' => return k + 1,
            _ => k += 1,
        }
    }
    chars.len()
}

fn raw_string_end(chars: &[char], start: usize) -> usize {
    let hashes = chars[start + 1..].iter().take_while(|&&c| c == '#').count();
    let open = start + 1 + hashes;
    if chars.get(open) != Some(&'"') {
        return start; // An identifier starting with r.
    }
    let closing: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    (open + 1..chars.len())
        .find(|&k| chars[k..].starts_with(&closing))
        .map_or(chars.len(), |k| k + closing.len())
}

/// A char literal ('a', '\n', '\u{1F600}'), not a lifetime ('a).
fn char_literal_end(chars: &[char], start: usize) -> usize {
    let at = |k: usize| chars.get(k).copied();
    match (at(start + 1), at(start + 2)) {
        (Some('\\'), _) => (start + 2..chars.len())
            .find(|&k| chars[k] == '\'')
            .map_or(chars.len(), |k| k + 1),
        (Some(_), Some('\'')) => start + 3,
        _ => start,
    }
}

/// Every breach not excepted, and every exception no longer needed.
fn compare_with_exceptions(breaches: &[Breach]) -> Vec<String> {
    let excepted = |b: &Breach| {
        EXCEPTIONS
            .iter()
            .any(|(rule, file, item)| *rule == b.rule && *file == b.file && *item == b.item)
    };
    let mut report: Vec<String> = breaches
        .iter()
        .filter(|b| !excepted(b))
        .map(|b| format!("{}: {} {} ({})", b.rule, b.file, b.item, b.detail))
        .collect();
    let present: BTreeSet<(&str, &str, &str)> = breaches
        .iter()
        .map(|b| (b.rule, b.file.as_str(), b.item.as_str()))
        .collect();
    for exception in EXCEPTIONS {
        if !present.contains(exception) {
            report.push(format!(
                "no longer broken, take it off EXCEPTIONS: {exception:?}"
            ));
        }
    }
    report
}

/// `path` under the repository's `root`, with forward slashes.
fn relative_name(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

// ----- the checker checks itself -----

fn lines(text: &str) -> Vec<String> {
    code_only(text)
}

#[test]
fn a_long_function_is_found_and_a_table_of_arms_is_not() {
    let body: String = (0..90).map(|i| format!("    let x{i} = {i};\n")).collect();
    let long = format!("fn long() {{\n{body}}}\n");
    assert_eq!(
        long_functions(&lines(&long), false),
        vec![("long".to_owned(), 92)]
    );
    let arms: String = (0..90)
        .map(|i| format!("        {i} => \"{i}\",\n"))
        .collect();
    let table = format!(
        "pub fn table(n: u8) -> &'static str {{\n    match n {{\n{arms}        _ => \"\",\n    }}\n}}\n"
    );
    assert!(long_functions(&lines(&table), false).is_empty());
    let tested = format!("#[cfg(test)]\nmod tests {{\n{long}}}\n");
    assert!(long_functions(&lines(&tested), false).is_empty());
    assert!(
        long_functions(&lines(&long), true).is_empty(),
        "a test file"
    );
}

#[test]
fn braces_and_names_in_strings_and_comments_are_not_code() {
    let text = "//! Doc.\nfn f() {\n    let s = \"}}} egui::Ui\"; // egui::Context {\n    let r = r#\"\"}\"#;\n    let c = '}';\n}\nfn g<'a>(x: &'a str) {}\n";
    let code = lines(text);
    assert!(forbidden_uses("src/model/x.rs", &code).is_empty());
    assert_eq!(item_end(&code, 1), 5);
    assert_eq!(function_name(code[6].trim()).as_deref(), Some("g"));
}

#[test]
fn each_rule_names_what_breaks_it() {
    let check = |name: &str, text: &str| -> Vec<&'static str> {
        check_file(name, text).into_iter().map(|b| b.rule).collect()
    };
    assert_eq!(
        check("src/model/a.rs", "//! A.\nuse egui::Ui;\n"),
        ["egui-outside-ui"]
    );
    assert_eq!(
        check("src/edit/a.rs", "//! A.\nuse crate::merge::Resolution;\n"),
        ["edit-uses-merge"]
    );
    assert_eq!(
        check(
            "src/ui/panels/a.rs",
            "//! A.\nuse crate::ui::app::RightTab;\n"
        ),
        ["reaches-into-app"]
    );
    assert_eq!(
        check(
            "src/ui/app/modals.rs",
            "//! A.\nfn f(d: &mut D) { d.execute(c, 0.0); }\n"
        ),
        ["command-outside-intents"]
    );
    assert!(
        check(
            "src/ui/app/intents.rs",
            "//! A.\nfn f(d: &mut D) { d.execute(c, 0.0); }\n"
        )
        .is_empty()
    );
    assert_eq!(
        check(
            "src/ui/dialogs/a.rs",
            "//! A.\nfn f(ui: &mut Ui) { ComboBox::new(1).show_ui(ui, |_| ()); }\n"
        ),
        ["combo-outside-widgets"]
    );
    assert_eq!(
        check("src/model/a.rs", "/// Not a module doc.\n"),
        ["module-doc"]
    );
    let long: String = "//! A.\n".to_owned() + &"\n".repeat(MAX_FILE_LINES);
    assert_eq!(check("src/model/a.rs", &long), ["file-length"]);
}

#[test]
fn an_exception_no_longer_needed_is_reported() {
    let breach = Breach {
        rule: "file-length",
        file: "src/x.rs".into(),
        item: String::new(),
        detail: "701 lines".into(),
    };
    let report = compare_with_exceptions(std::slice::from_ref(&breach));
    assert_eq!(report.len(), 1 + EXCEPTIONS.len());
    assert!(report[0].starts_with("file-length: src/x.rs"));
}
