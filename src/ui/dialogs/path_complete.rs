//! Completing a typed path, as a shell's Tab does: the entries of the
//! folder typed so far whose names start with the last part typed, and the
//! longest start they share. Names are compared as text, in any script.

use std::path::{MAIN_SEPARATOR, Path};

/// What Tab offers for `typed`: the text completed as far as the matching
/// names agree (a folder gets its separator), and every matching name
/// (folders ending with the separator), sorted. Nothing matches in a
/// folder that cannot be read.
pub fn complete_path(typed: &str) -> (String, Vec<String>) {
    let (folder, stem) = match typed.rfind(['/', MAIN_SEPARATOR]) {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    };
    let dir = if folder.is_empty() { "." } else { folder };
    let mut names: Vec<String> = std::fs::read_dir(expand(dir))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let hidden = name.starts_with('.') && !stem.starts_with('.');
            (name.starts_with(stem) && !hidden).then(|| {
                match entry.file_type().is_ok_and(|t| t.is_dir()) {
                    true => format!("{name}{MAIN_SEPARATOR}"),
                    false => name,
                }
            })
        })
        .collect();
    names.sort();
    let completed = match names.as_slice() {
        [] => typed.to_owned(),
        [only] => format!("{folder}{only}"),
        many => format!("{folder}{}", common_start(many)),
    };
    (completed, names)
}

/// `~/x` read as the home folder's `x`.
fn expand(dir: &str) -> std::path::PathBuf {
    match (dir.strip_prefix('~'), directories::UserDirs::new()) {
        (Some(rest), Some(dirs)) => dirs.home_dir().join(rest.trim_start_matches('/')),
        _ => Path::new(dir).to_owned(),
    }
}

/// The longest start every name shares, cut at a char boundary.
fn common_start(names: &[String]) -> String {
    let first = &names[0];
    let mut end = first.len();
    for name in &names[1..] {
        end = first
            .char_indices()
            .zip(name.chars())
            .find(|((_, a), b)| a != b)
            .map_or(end.min(name.len()), |((at, _), _)| at.min(end));
    }
    first[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_completes_to_the_shared_start_then_the_whole_name() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["отчёт-май.ron", "отчёт-июнь.ron", "习近平.ron"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("👩‍👩‍👧 archive")).unwrap();
        let base = format!("{}{MAIN_SEPARATOR}", dir.path().display());
        let (completed, names) = complete_path(&format!("{base}от"));
        assert_eq!(completed, format!("{base}отчёт-"));
        assert_eq!(names, vec!["отчёт-июнь.ron", "отчёт-май.ron"]);
        let (completed, _) = complete_path(&format!("{base}习"));
        assert_eq!(completed, format!("{base}习近平.ron"));
        let (completed, _) = complete_path(&format!("{base}👩"));
        assert_eq!(completed, format!("{base}👩‍👩‍👧 archive{MAIN_SEPARATOR}"));
        let (completed, names) = complete_path(&format!("{base}zzz"));
        assert_eq!(completed, format!("{base}zzz"), "nothing to complete");
        assert!(names.is_empty());
        let missing = format!("{base}no-such-folder{MAIN_SEPARATOR}x");
        assert_eq!(complete_path(&missing).0, missing);
    }
}
