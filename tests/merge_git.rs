//! Team work through git, as a team would do it: a repository set up with
//! `factbench git-setup`, two branches editing one workspace, `git merge`.
//! Each scenario checks that nothing either side did is lost, that real
//! disagreements are recorded (and told by `factbench check`) and that
//! nothing that agrees is reported as a conflict.

use factbench::model::Workspace;
use factbench::sample::sample_workspace;
use factbench::store;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILE: &str = "desk.ron";

fn factbench_exe() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_factbench"))
}

fn run(dir: &Path, program: &Path, args: &[&str]) -> Output {
    Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "Checker")
        .env("GIT_AUTHOR_EMAIL", "checker@example.org")
        .env("GIT_COMMITTER_NAME", "Checker")
        .env("GIT_COMMITTER_EMAIL", "checker@example.org")
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) -> Output {
    run(dir, Path::new("git"), args)
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?}: {}", text(&out));
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A repository on `main` holding the sample workspace, set up for Factbench.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        git_ok(repo.path(), &["init", "-q", "-b", "main"]);
        let setup = run(repo.path(), &factbench_exe(), &["git-setup"]);
        assert!(setup.status.success(), "{}", text(&setup));
        repo.write(&sample_workspace());
        git_ok(repo.path(), &["add", "-A"]);
        git_ok(repo.path(), &["commit", "-q", "-m", "base"]);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn write(&self, ws: &Workspace) {
        fs::write(self.path().join(FILE), store::to_ron(ws).unwrap()).unwrap();
    }

    fn read(&self) -> Workspace {
        store::load(&self.path().join(FILE)).unwrap().workspace
    }

    /// Commits `change` of the workspace on a new branch off main.
    fn branch(&self, name: &str, change: impl FnOnce(&mut Workspace)) {
        git_ok(self.path(), &["checkout", "-q", "-b", name, "main"]);
        let mut ws = self.read();
        change(&mut ws);
        self.write(&ws);
        git_ok(self.path(), &["commit", "-q", "-am", name]);
    }

    /// Two branches off main, `ours` checked out, `theirs` merged into it.
    fn merge(
        &self,
        ours: impl FnOnce(&mut Workspace),
        theirs: impl FnOnce(&mut Workspace),
    ) -> Output {
        self.branch("theirs", theirs);
        self.branch("ours", ours);
        git(self.path(), &["merge", "--no-edit", "theirs"])
    }

    fn check(&self) -> Output {
        run(self.path(), &factbench_exe(), &["check", FILE])
    }
}

fn verdict_keys(ws: &Workspace) -> Vec<String> {
    ws.scale.verdicts.iter().map(|v| v.key.clone()).collect()
}

#[test]
fn git_setup_twice_changes_nothing_and_says_so() {
    let repo = Repo::new();
    let attributes = fs::read_to_string(repo.path().join(".gitattributes")).unwrap();
    assert_eq!(
        attributes,
        "*.ron merge=factbench diff=factbench\n*.snapshots/** binary\n"
    );
    let config = fs::read_to_string(repo.path().join(".git/config")).unwrap();
    let again = run(repo.path(), &factbench_exe(), &["git-setup", "."]);
    assert!(again.status.success());
    let said = text(&again);
    assert!(said.contains("already has"), "{said}");
    assert!(said.contains("merge.factbench.driver is already"), "{said}");
    assert!(!said.contains("set "), "{said}");
    assert_eq!(
        fs::read_to_string(repo.path().join(".gitattributes")).unwrap(),
        attributes
    );
    assert_eq!(
        fs::read_to_string(repo.path().join(".git/config")).unwrap(),
        config
    );
    assert!(config.contains("merge %O %A %B"), "{config}");
}

#[test]
fn disjoint_edits_merge_clean() {
    let repo = Repo::new();
    let out = repo.merge(
        |ws| {
            ws.claims[0].rationale = "Проверено по стенограмме.".into();
            ws.modified = "2030-01-01T00:00:00Z".parse().unwrap();
        },
        |ws| {
            ws.claims[1].verdict = None;
            ws.claims[0].tags.push("外交".into());
            ws.modified = "2030-01-02T00:00:00Z".parse().unwrap();
        },
    );
    assert!(out.status.success(), "{}", text(&out));
    let ws = repo.read();
    assert_eq!(ws.claims[0].rationale, "Проверено по стенограмме.");
    assert!(ws.claims[0].tags.contains(&"外交".to_owned()));
    assert_eq!(ws.claims[1].verdict, None);
    assert!(ws.conflicts.is_empty());
    assert_eq!(ws.modified.to_string(), "2030-01-02T00:00:00Z");
    assert!(repo.check().status.success(), "{}", text(&repo.check()));
}

#[test]
fn the_same_verdict_changed_both_ways_is_recorded_and_reported() {
    let repo = Repo::new();
    let base = sample_workspace();
    let keys = verdict_keys(&base);
    let (k0, k1) = (keys[0].clone(), keys[1].clone());
    let out = repo.merge(
        |ws| ws.claims[6].verdict = Some(k0.clone()),
        |ws| ws.claims[6].verdict = Some(k1.clone()),
    );
    assert!(
        !out.status.success(),
        "git sees the conflict: {}",
        text(&out)
    );
    let file = fs::read_to_string(repo.path().join(FILE)).unwrap();
    assert!(!file.contains("<<<<<<<"), "no line-merge markers");
    let ws = repo.read();
    assert_eq!(ws.conflicts.len(), 1);
    let check = repo.check();
    assert_eq!(check.status.code(), Some(1));
    let label = |k: &str| base.scale.get(k).unwrap().label.clone();
    let said = text(&check);
    assert!(
        said.contains(&format!(
            "claim 7 '{}",
            base.claims[6]
                .statement
                .chars()
                .take(10)
                .collect::<String>()
        )),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "verdict is *{}* on our side and *{}* on theirs",
            label(&k0),
            label(&k1)
        )),
        "{said}"
    );
}

#[test]
fn delete_against_edit_keeps_the_edit() {
    let repo = Repo::new();
    let id = sample_workspace().claims[4].id;
    let out = repo.merge(
        |ws| {
            ws.claims.remove(4);
        },
        |ws| ws.claims[4].rationale = "Edited on the other branch.".into(),
    );
    assert!(!out.status.success());
    let ws = repo.read();
    assert_eq!(
        ws.claim(id).unwrap().rationale,
        "Edited on the other branch."
    );
    assert_eq!(ws.conflicts.len(), 1);
    assert!(text(&repo.check()).contains("was deleted on our side"));
}

#[test]
fn both_sides_adding_claims_and_sources_keeps_all() {
    let repo = Repo::new();
    let base = sample_workspace();
    let article = base.articles[0].id;
    let text_of = base.articles[0].text.clone();
    let claim_on = |quote: &str| {
        let anchor = factbench::anchor::find_quote(&text_of, quote, 0).unwrap();
        factbench::model::Claim::new(article, anchor, "")
    };
    let (ours_claim, theirs_claim) = (claim_on("Moscow"), claim_on("Xi Jinping"));
    let ours_source = factbench::model::Source::new(
        "ТАСС",
        "https://tass.ru",
        factbench::model::SourceKind::NewsReport,
    );
    let theirs_source = factbench::model::Source::new(
        "新华社",
        "https://xinhuanet.com",
        factbench::model::SourceKind::NewsReport,
    );
    let (oc, tc, os, ts) = (
        ours_claim.clone(),
        theirs_claim.clone(),
        ours_source.clone(),
        theirs_source.clone(),
    );
    let out = repo.merge(
        move |ws| {
            ws.claims.push(oc);
            ws.sources.push(os);
        },
        move |ws| {
            ws.claims.push(tc);
            ws.sources.push(ts);
        },
    );
    assert!(out.status.success(), "{}", text(&out));
    let ws = repo.read();
    assert_eq!(ws.claims.len(), base.claims.len() + 2);
    assert!(ws.claim(ours_claim.id).is_some() && ws.claim(theirs_claim.id).is_some());
    assert!(ws.source(ours_source.id).is_some() && ws.source(theirs_source.id).is_some());
    assert!(ws.conflicts.is_empty());
    assert!(repo.check().status.success(), "{}", text(&repo.check()));
}

#[test]
fn both_sides_importing_articles_keeps_both() {
    let repo = Repo::new();
    let import = |name: &str, body: &str| {
        fs::write(repo.path().join(name), body).unwrap();
        let out = run(
            repo.path(),
            &factbench_exe(),
            &["import", "--into", FILE, name],
        );
        assert!(out.status.success(), "{}", text(&out));
        fs::remove_file(repo.path().join(name)).unwrap();
        let _ = fs::remove_file(repo.path().join(format!("{FILE}.bak")));
    };
    git_ok(repo.path(), &["checkout", "-q", "-b", "theirs", "main"]);
    import(
        "kyiv.txt",
        "Київ, 9 травня.\n\nЦіни зросли вдвічі, кажуть продавці.",
    );
    git_ok(repo.path(), &["commit", "-q", "-am", "theirs imports"]);
    git_ok(repo.path(), &["checkout", "-q", "-b", "ours", "main"]);
    import(
        "beijing.txt",
        "北京，5月9日。\n\n外交部发言人表示双边贸易增长。",
    );
    git_ok(repo.path(), &["commit", "-q", "-am", "ours imports"]);
    let out = git(repo.path(), &["merge", "--no-edit", "theirs"]);
    assert!(out.status.success(), "{}", text(&out));
    let ws = repo.read();
    assert_eq!(ws.articles.len(), 3);
    assert!(ws.articles.iter().any(|a| a.text.contains("Ціни")));
    assert!(ws.articles.iter().any(|a| a.text.contains("外交部")));
    assert!(ws.conflicts.is_empty());
}

#[test]
fn rerunning_the_merge_gives_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample_workspace();
    let keys = verdict_keys(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.claims[2].verdict = Some(keys[2].clone());
    theirs.claims[2].verdict = Some(keys[3].clone());
    theirs.claims[3].rationale = "theirs".into();
    let path = |n: &str| dir.path().join(n);
    for (name, ws) in [
        ("base.ron", &base),
        ("ours.ron", &ours),
        ("theirs.ron", &theirs),
    ] {
        fs::write(path(name), store::to_ron(ws).unwrap()).unwrap();
    }
    let merge_into = |ours: &str, out: &str| {
        let o = run(
            dir.path(),
            &factbench_exe(),
            &["merge", "base.ron", ours, "theirs.ron", "-o", out],
        );
        (o.status.code(), fs::read(path(out)).unwrap())
    };
    let (first_code, first) = merge_into("ours.ron", "one.ron");
    let (_, second) = merge_into("ours.ron", "two.ron");
    assert_eq!(first_code, Some(1));
    assert_eq!(first, second);
    let (again_code, again) = merge_into("one.ron", "three.ron");
    assert_eq!(again_code, Some(0), "nothing new to record");
    assert_eq!(again, first, "merging the result again changes nothing");
}

#[test]
fn a_file_with_git_conflict_markers_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let sample = store::to_ron(&sample_workspace()).unwrap();
    let marked = sample.replacen(
        "    title:",
        "<<<<<<< HEAD\n    title: \"a\",\n=======\n    title: \"b\",\n>>>>>>> theirs\n    title:",
        1,
    );
    fs::write(dir.path().join("base.ron"), &sample).unwrap();
    fs::write(dir.path().join("ours.ron"), &sample).unwrap();
    fs::write(dir.path().join("marked.ron"), marked).unwrap();
    let out = run(
        dir.path(),
        &factbench_exe(),
        &["merge", "base.ron", "ours.ron", "marked.ron"],
    );
    assert_eq!(out.status.code(), Some(2));
    let said = text(&out);
    assert!(
        said.contains("marked.ron:3: holds git conflict markers"),
        "{said}"
    );
    let missing = run(
        dir.path(),
        &factbench_exe(),
        &["merge", "base.ron", "ours.ron", "nowhere.ron"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing).contains("nowhere.ron: no such file"));
}

#[test]
fn git_diff_shows_the_change_in_words() {
    let repo = Repo::new();
    let mut ws = repo.read();
    ws.claims[0].claimant = "Пресс-служба Кремля".into();
    repo.write(&ws);
    let out = git(repo.path(), &["diff"]);
    let said = text(&out);
    assert!(
        said.contains("+    claimant: *Пресс-служба Кремля*"),
        "{said}"
    );
    let semantic = run(repo.path(), &factbench_exe(), &["diff", FILE, FILE]);
    assert_eq!(text(&semantic), "no differences\n");
}

#[test]
fn exports_refuse_while_conflicts_remain() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample_workspace();
    let keys = verdict_keys(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.claims[0].verdict = Some(keys[1].clone());
    theirs.claims[0].verdict = Some(keys[2].clone());
    let merged = factbench::merge::merge(base, ours, theirs)
        .unwrap()
        .workspace;
    let path = dir.path().join("merged.ron");
    fs::write(&path, store::to_ron(&merged).unwrap()).unwrap();
    let out = run(
        dir.path(),
        &factbench_exe(),
        &[
            "export",
            "merged.ron",
            "--format",
            "html",
            "-o",
            "report.html",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out).contains("1 unsettled merge conflict"),
        "{}",
        text(&out)
    );
    assert!(!dir.path().join("report.html").exists());
}

#[test]
fn a_workspace_added_on_both_branches_merges_from_an_empty_base() {
    let repo = Repo::new();
    let mut first = sample_workspace();
    first.claims.truncate(3);
    let mut second = sample_workspace();
    second.claims.drain(..3);
    git_ok(repo.path(), &["checkout", "-q", "-b", "theirs", "main"]);
    fs::write(repo.path().join("new.ron"), store::to_ron(&second).unwrap()).unwrap();
    git_ok(repo.path(), &["add", "new.ron"]);
    git_ok(repo.path(), &["commit", "-q", "-m", "theirs adds"]);
    git_ok(repo.path(), &["checkout", "-q", "-b", "ours", "main"]);
    fs::write(repo.path().join("new.ron"), store::to_ron(&first).unwrap()).unwrap();
    git_ok(repo.path(), &["add", "new.ron"]);
    git_ok(repo.path(), &["commit", "-q", "-m", "ours adds"]);
    let out = git(repo.path(), &["merge", "--no-edit", "theirs"]);
    assert!(out.status.success(), "{}", text(&out));
    let ws = store::load(&repo.path().join("new.ron")).unwrap().workspace;
    assert_eq!(ws.claims.len(), sample_workspace().claims.len());
    assert!(ws.conflicts.is_empty());
}

#[test]
fn a_newer_article_version_on_one_branch_and_new_claims_on_the_other_both_survive() {
    let repo = Repo::new();
    let base = sample_workspace();
    let old_text = base.articles[0].text.clone();
    let quote = "The visit marks Xi's third trip to Russia";
    assert!(old_text.contains(quote));
    git_ok(repo.path(), &["checkout", "-q", "-b", "theirs", "main"]);
    let newer = format!("UPDATED: the Kremlin confirmed the dates.\n\n{old_text}");
    fs::write(repo.path().join("v2.txt"), format!("Title\n\n{newer}\n")).unwrap();
    let out = run(repo.path(), &factbench_exe(), &["update", FILE, "v2.txt"]);
    assert!(out.status.success(), "{}", text(&out));
    fs::remove_file(repo.path().join("v2.txt")).unwrap();
    let _ = fs::remove_file(repo.path().join(format!("{FILE}.bak")));
    git_ok(repo.path(), &["commit", "-q", "-am", "newer version"]);
    git_ok(repo.path(), &["checkout", "-q", "-b", "ours", "main"]);
    let mut ws = repo.read();
    let anchor = factbench::anchor::find_quote(&old_text, quote, 0).unwrap();
    let claim = factbench::model::Claim::new(ws.articles[0].id, anchor, "");
    let id = claim.id;
    ws.claims.push(claim);
    ws.claims[0].rationale = "Наш комментарий.".into();
    repo.write(&ws);
    git_ok(
        repo.path(),
        &["commit", "-q", "-am", "new claim on the old text"],
    );
    let out = git(repo.path(), &["merge", "--no-edit", "theirs"]);
    assert!(out.status.success(), "{}", text(&out));
    let merged = repo.read();
    assert!(merged.articles[0].text.starts_with("UPDATED:"));
    assert_eq!(merged.articles[0].versions.len(), 1);
    assert_eq!(merged.claims[0].rationale, "Наш комментарий.");
    let followed = merged.claim(id).unwrap();
    assert_eq!(followed.anchor.exact, quote);
    assert!(!followed.is_orphaned());
    let check = repo.check();
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn an_article_quoting_a_conflict_block_merges_into_a_file_git_and_factbench_open() {
    let quoted = "Он показал:\n<<<<<<< HEAD\n对 👍🏽\n=======\nнет\n>>>>>>> other\nконец.";
    let repo = Repo::new();
    let out = repo.merge(
        |ws| ws.articles[0].notes = quoted.into(),
        |ws| ws.claims[0].rationale = format!("Quoted: \"{quoted}\""),
    );
    assert!(out.status.success(), "{}", text(&out));
    let file = fs::read_to_string(repo.path().join(FILE)).unwrap();
    let marker_lines = file
        .lines()
        .filter(|l| {
            l.starts_with("<<<<<<<") || l.starts_with("=======") || l.starts_with(">>>>>>>")
        })
        .count();
    assert_eq!(marker_lines, 0, "{file}");
    let ws = repo.read();
    assert_eq!(ws.articles[0].notes, quoted);
    assert_eq!(ws.claims[0].rationale, format!("Quoted: \"{quoted}\""));
    assert!(ws.conflicts.is_empty());
    let check = repo.check();
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn a_side_holding_two_claims_of_one_id_is_refused_naming_the_id_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let base = sample_workspace();
    let mut theirs = base.clone();
    let mut twin = theirs.claims[2].clone();
    twin.statement = "Копия с тем же id — 同一个 id 🆔".into();
    theirs.claims.push(twin);
    let ours_text = store::to_ron(&base).unwrap();
    fs::write(dir.path().join("base.ron"), &ours_text).unwrap();
    fs::write(dir.path().join("ours.ron"), &ours_text).unwrap();
    fs::write(
        dir.path().join("theirs.ron"),
        store::to_ron(&theirs).unwrap(),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &factbench_exe(),
        &["merge", "base.ron", "ours.ron", "theirs.ron"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    let said = text(&out);
    assert!(
        said.contains(&format!(
            "theirs.ron: 2 claims share the id {}",
            base.claims[2].id
        )),
        "{said}"
    );
    assert!(!said.contains("merged cleanly"), "{said}");
    assert_eq!(
        fs::read_to_string(dir.path().join("ours.ron")).unwrap(),
        ours_text
    );
}

#[test]
fn a_version_four_side_merges_with_a_version_five_side_citation_by_citation() {
    let dir = tempfile::tempdir().unwrap();
    let v4 = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4-workspace.ron"),
    )
    .unwrap();
    // Theirs stayed on version 4 and wrote an excerpt for the first citation.
    let old_note = "note: \"Lists Xi Jinping among the foreign leaders at the parade.\",";
    assert_eq!(v4.matches(old_note).count(), 1);
    let theirs = v4.replacen(
        &format!("excerpt: \"\",\n                    {old_note}"),
        &format!("excerpt: \"Си Цзиньпин 习近平 🎖\",\n                    {old_note}"),
        1,
    );
    assert_ne!(theirs, v4);
    // Ours moved to version 5 and changed the same citation's stance.
    let mut ours = sample_workspace();
    ours.claims[0].evidence[0].stance = factbench::model::Stance::Context;
    fs::write(dir.path().join("base.ron"), &v4).unwrap();
    fs::write(dir.path().join("ours.ron"), store::to_ron(&ours).unwrap()).unwrap();
    fs::write(dir.path().join("theirs.ron"), &theirs).unwrap();
    let out = run(
        dir.path(),
        &factbench_exe(),
        &["merge", "base.ron", "ours.ron", "theirs.ron"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let merged = store::load(&dir.path().join("ours.ron")).unwrap().workspace;
    assert_eq!(merged.claims[0].evidence.len(), 1, "the citation is one");
    let citation = &merged.claims[0].evidence[0];
    assert_eq!(citation.id, ours.claims[0].evidence[0].id);
    assert_eq!(citation.stance, factbench::model::Stance::Context);
    assert_eq!(citation.excerpt, "Си Цзиньпин 习近平 🎖");
}

/// Commits `factbench update` of the sample's article to `text` on a new
/// branch `name` off main, the new text read from `file`.
fn update_on_branch(repo: &Repo, name: &str, file: &str, new_text: &str) {
    git_ok(repo.path(), &["checkout", "-q", "-b", name, "main"]);
    fs::write(repo.path().join(file), format!("Title\n\n{new_text}\n")).unwrap();
    let out = run(repo.path(), &factbench_exe(), &["update", FILE, file]);
    assert!(out.status.success(), "{}", text(&out));
    fs::remove_file(repo.path().join(file)).unwrap();
    let _ = fs::remove_file(repo.path().join(format!("{FILE}.bak")));
    git_ok(repo.path(), &["commit", "-q", "-am", name]);
}

#[test]
fn both_branches_updating_one_article_in_different_paragraphs_merge_cleanly() {
    let repo = Repo::new();
    let base = sample_workspace();
    let old_text = base.articles[0].text.clone();
    let paragraphs: Vec<&str> = old_text.split('\n').collect();
    assert!(paragraphs.len() >= 4, "{}", paragraphs.len());
    let with = |n: usize, changed: String| {
        let mut p: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
        p[n] = changed;
        p.join("\n")
    };
    let last = paragraphs.len() - 1;
    let theirs_text = with(
        1,
        format!("Обновлено: Кремль подтвердил даты. {}", paragraphs[1]),
    );
    let ours_text = with(
        last,
        format!("{} 更新：新增一句。 👍🏽 e\u{301}", paragraphs[last]),
    );
    update_on_branch(&repo, "theirs", "theirs-v2.txt", &theirs_text);
    update_on_branch(&repo, "ours", "ours-v2.txt", &ours_text);
    let out = git(repo.path(), &["merge", "--no-edit", "theirs"]);
    assert!(out.status.success(), "git stopped: {}", text(&out));

    let merged = repo.read();
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let article = &merged.articles[0];
    let mut both = paragraphs.iter().map(|p| p.to_string()).collect::<Vec<_>>();
    both[1] = format!("Обновлено: Кремль подтвердил даты. {}", paragraphs[1]);
    // Imported text is normalised (NFC): e + U+0301 is é.
    both[last] = format!("{} 更新：新增一句。 👍🏽 \u{e9}", paragraphs[last]);
    assert_eq!(article.text, both.join("\n"));
    assert_eq!(article.source, "ours-v2.txt + theirs-v2.txt");
    assert_eq!(article.versions.len(), 1, "the base text, once");
    assert_eq!(article.versions[0].text, old_text);
    // Claims nobody touched are the base claims, followed into the text.
    assert_eq!(merged.claims.len(), base.claims.len());
    for (claim, before) in merged.claims.iter().zip(&base.claims) {
        assert!(!claim.is_orphaned(), "{}", claim.statement);
        assert_eq!(claim.anchor.exact, before.anchor.exact);
        let quoted: String = article
            .text
            .chars()
            .skip(claim.anchor.start)
            .take(claim.anchor.end - claim.anchor.start)
            .collect();
        assert_eq!(quoted, before.anchor.exact);
        let mut unmoved = claim.clone();
        unmoved.anchor = before.anchor.clone();
        assert_eq!(&unmoved, before, "nothing else of the claim changed");
    }
    let check = repo.check();
    assert!(check.status.success(), "{}", text(&check));
}
