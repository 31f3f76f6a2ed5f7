//! The optional embedding re-ranker, with a tiny static model the tests
//! write (`sample::write_synonym_embedding_model`: a word-level
//! `tokenizer.json` and a `model.safetensors` in which synonyms share a
//! vector): a rewording made only of synonyms becomes the same claim with
//! the model and not without; a near miss with another number stays below
//! the line, with the very score it has without a model; without a model
//! nothing changes; a broken model gives an error naming its file.

mod fresh_home;

use factbench::library::{EmbeddingModel, Library, Match, Query, SAME_CLAIM_THRESHOLD};
use factbench::sample::write_synonym_embedding_model;
use std::fs;
use std::path::Path;
use std::sync::Arc;

const SYNONYMS: &[&[&str]] = &[
    &["physicians", "doctors", "врачи"],
    &["warn", "caution", "предупреждают"],
    &["drinking", "sipping"],
    &["coffee", "кофе"],
    &["cups", "mugs", "чашки"],
    &["daily", "day"],
    &["damages", "harms", "вредят"],
    &["kidneys", "renal", "почкам"],
    &["3"],
    &["5"],
    &["bridge"],
    &["collapsed"],
];

const CHECK: &str = "Physicians warn that drinking 3 cups of coffee daily damages kidneys";
const REWORDING: &str = "Doctors caution that sipping 3 mugs of coffee each day harms renal health";
const NEAR_MISS: &str = "Doctors caution that sipping 5 mugs of coffee each day harms renal health";

/// A library folder of published reviews claiming `claims`.
fn reviews(claims: &[&str]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    factbench::sample::write_review_lines(folder.path(), claims).unwrap();
    folder
}

fn tiny_model() -> (tempfile::TempDir, EmbeddingModel) {
    let dir = tempfile::tempdir().unwrap();
    write_synonym_embedding_model(dir.path(), SYNONYMS).unwrap();
    let model = EmbeddingModel::load(dir.path()).unwrap();
    (dir, model)
}

fn search(library: &Library, folder: &Path, text: &str) -> Vec<Match> {
    library
        .similar(&Query {
            text: text.to_owned(),
            folders: library.folders(&[folder.to_owned()]).unwrap(),
            top: 5,
            ..Query::default()
        })
        .unwrap()
}

fn opened(folder: &Path) -> (tempfile::TempDir, Library) {
    let cache = tempfile::tempdir().unwrap();
    let mut library = Library::open(cache.path()).unwrap();
    library.refresh(&[folder.to_owned()]).unwrap();
    (cache, library)
}

fn the_check(matches: &[Match]) -> &Match {
    matches
        .iter()
        .find(|m| m.statement == CHECK)
        .expect("the check is among the matches")
}

#[test]
fn the_tiny_model_loads_with_its_vocabulary_and_dimensions() {
    let (_dir, model) = tiny_model();
    let words: usize = SYNONYMS.iter().map(|g| g.len()).sum();
    assert_eq!(model.vocab(), words + 1, "every word and [UNK]");
    assert_eq!(model.dim(), SYNONYMS.len());
    let a = model.embed("Doctors caution").unwrap();
    let b = model.embed("PHYSICIANS WARN!").unwrap();
    assert!(factbench::library::embedding_cosine(&a, &b) > 0.999);
    assert_eq!(model.embed("nothing it knows"), None);
}

#[test]
fn a_rewording_in_synonyms_is_the_same_claim_only_with_the_model() {
    let folder = reviews(&[CHECK, "The bridge collapsed in 2019"]);
    let (_cache, mut library) = opened(folder.path());
    let without = search(&library, folder.path(), REWORDING);
    let before = the_check(&without).clone();
    assert!(!before.same_claim, "lexically far: {}", before.score);
    assert!(before.score < SAME_CLAIM_THRESHOLD);

    let (_dir, model) = tiny_model();
    library.set_embedding_model(Some(Arc::new(model)));
    let with = search(&library, folder.path(), REWORDING);
    let after = the_check(&with);
    assert!(after.same_claim, "lifted by the synonyms: {}", after.score);
    assert!(after.score > before.score && after.score <= 1.0);
    assert_eq!(with[0].statement, CHECK, "ranked first");
}

#[test]
fn a_near_miss_with_another_number_stays_below_with_the_model() {
    let folder = reviews(&[CHECK]);
    let (_cache, mut library) = opened(folder.path());
    let without = the_check(&search(&library, folder.path(), NEAR_MISS)).clone();
    let (_dir, model) = tiny_model();
    library.set_embedding_model(Some(Arc::new(model)));
    let with = the_check(&search(&library, folder.path(), NEAR_MISS)).clone();
    assert!(!with.same_claim, "another number: {}", with.score);
    assert!(with.score < SAME_CLAIM_THRESHOLD);
    assert_eq!(with.score.to_bits(), without.score.to_bits(), "not lifted");
}

#[test]
fn without_a_model_nothing_changes() {
    let folder = reviews(&[CHECK, "The bridge collapsed in 2019"]);
    let (_cache, fresh) = opened(folder.path());
    assert!(fresh.embedding_model().is_none(), "off by default");
    let (_cache2, mut toggled) = opened(folder.path());
    let (_dir, model) = tiny_model();
    toggled.set_embedding_model(Some(Arc::new(model)));
    assert!(search(&toggled, folder.path(), REWORDING)[0].same_claim);
    toggled.set_embedding_model(None);
    for text in [REWORDING, NEAR_MISS, CHECK, "bridge collapsed"] {
        let a = search(&fresh, folder.path(), text);
        let b = search(&toggled, folder.path(), text);
        let bits = |m: &[Match]| -> Vec<(String, u64, bool)> {
            m.iter()
                .map(|m| (m.claim.clone(), m.score.to_bits(), m.same_claim))
                .collect()
        };
        assert_eq!(bits(&a), bits(&b), "{text}");
    }
}

#[test]
fn a_multilingual_model_makes_an_english_wording_of_a_russian_check_the_same_claim() {
    let check = "Врачи предупреждают: 3 чашки кофе вредят почкам";
    let folder = reviews(&[check]);
    let (_cache, mut library) = opened(folder.path());
    let text = "Doctors caution 3 cups of coffee harms ☕ kidneys";
    let without = search(&library, folder.path(), text);
    assert_eq!(without[0].statement, check, "found by its number");
    assert!(!without[0].same_claim, "{}", without[0].score);
    let (_dir, model) = tiny_model();
    library.set_embedding_model(Some(Arc::new(model)));
    let with = search(&library, folder.path(), text);
    assert!(with[0].same_claim, "{}", with[0].score);
}

#[test]
fn a_broken_model_is_an_error_naming_the_file_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    write_synonym_embedding_model(dir.path(), SYNONYMS).unwrap();
    let tokenizer = dir.path().join("tokenizer.json");
    let weights = dir.path().join("model.safetensors");

    fs::write(&tokenizer, "{\"version\": \"1.0\", \"model\": [1,").unwrap();
    let error = EmbeddingModel::load(dir.path()).unwrap_err();
    assert_eq!(error.path, tokenizer);
    assert!(error.to_string().contains("is not JSON (line 1"), "{error}");

    write_synonym_embedding_model(dir.path(), SYNONYMS).unwrap();
    fs::write(&weights, b"\x10\x00\x00\x00\x00\x00\x00\x00{not a header}").unwrap();
    let error = EmbeddingModel::load(dir.path()).unwrap_err();
    assert_eq!(error.path, weights);
    assert!(error.what.contains("not a safetensors file"), "{error}");

    // A weights file whose tensor has another name and one dimension.
    let other = tempfile::tempdir().unwrap();
    write_synonym_embedding_model(other.path(), &[&["a", "b"], &["c"]]).unwrap();
    let bytes: Vec<u8> = [1f32, 2.0].iter().flat_map(|v| v.to_le_bytes()).collect();
    let view =
        safetensors::tensor::TensorView::new(safetensors::Dtype::F32, vec![2], &bytes).unwrap();
    fs::write(
        &weights,
        safetensors::serialize([("bias", view)], None).unwrap(),
    )
    .unwrap();
    let error = EmbeddingModel::load(dir.path()).unwrap_err();
    assert!(
        error.what.contains("no [vocab × dim] matrix") && error.what.contains("bias [2]"),
        "{error}"
    );

    // A matrix with fewer rows than the tokenizer has tokens.
    fs::copy(other.path().join("model.safetensors"), &weights).unwrap();
    let error = EmbeddingModel::load(dir.path()).unwrap_err();
    assert_eq!(error.path, weights);
    assert!(error.what.contains("rows but the tokenizer"), "{error}");

    fs::remove_file(&weights).unwrap();
    let error = EmbeddingModel::load(dir.path()).unwrap_err();
    assert_eq!(error.path, dir.path());
    assert!(
        error.what.contains("has no .safetensors weights file"),
        "{error}"
    );

    let error = EmbeddingModel::load(&dir.path().join("missing")).unwrap_err();
    assert!(error.what.contains("is not a folder"), "{error}");
}

#[test]
fn a_wordllama_style_folder_is_found_in_subfolders_with_fp16_weights() {
    let dir = tempfile::tempdir().unwrap();
    let flat = tempfile::tempdir().unwrap();
    write_synonym_embedding_model(flat.path(), SYNONYMS).unwrap();
    fs::create_dir(dir.path().join("weights")).unwrap();
    fs::create_dir(dir.path().join("tokenizers")).unwrap();
    fs::copy(
        flat.path().join("tokenizer.json"),
        dir.path().join("tokenizers/l2_tokenizer_config.json"),
    )
    .unwrap();
    // The same matrix as fp16, under WordLlama's tensor name.
    let f32_model = EmbeddingModel::load(flat.path()).unwrap();
    let (rows, dim) = (f32_model.vocab(), f32_model.dim());
    // Row 0 is [UNK]; then each group's words in order, along its dimension.
    let mut bytes: Vec<u8> = vec![0; dim * 2];
    for (g, words) in SYNONYMS.iter().enumerate() {
        for _ in words.iter() {
            for d in 0..dim {
                let value = if d == g { 1.0f32 } else { 0.0 };
                bytes.extend(half::f16::from_f32(value).to_le_bytes());
            }
        }
    }
    let view =
        safetensors::tensor::TensorView::new(safetensors::Dtype::F16, vec![rows, dim], &bytes)
            .unwrap();
    fs::write(
        dir.path().join("weights/l2_256.safetensors"),
        safetensors::serialize([("embedding.weight", view)], None).unwrap(),
    )
    .unwrap();
    let model = EmbeddingModel::load(dir.path()).unwrap();
    assert_eq!((model.vocab(), model.dim()), (rows, dim));
    let a = model.embed("doctors warn").unwrap();
    let b = f32_model.embed("physicians caution").unwrap();
    assert!(factbench::library::embedding_cosine(&a, &b) > 0.999);
}

/// `factbench similar TEXT --in FOLDER --json` with `extra` arguments and
/// the config folder `config`: exit code, the lines, standard error.
fn similar_cli(
    folder: &Path,
    config: &Path,
    text: &str,
    extra: &[&std::ffi::OsStr],
) -> (i32, Vec<serde_json::Value>, String) {
    let cache = tempfile::tempdir().unwrap();
    let out = fresh_home::factbench()
        .args(["similar", text, "--json", "--top", "3", "--in"])
        .arg(folder)
        .arg("--index-dir")
        .arg(cache.path())
        .args(extra)
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (
        out.status.code().unwrap_or(-1),
        lines,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn similar_reads_the_model_from_its_flag_or_the_preferences() {
    let folder = reviews(&[CHECK]);
    let config = tempfile::tempdir().unwrap();
    let (model_dir, _) = tiny_model();
    let model = model_dir.path().as_os_str();

    let (code, lines, _) = similar_cli(folder.path(), config.path(), REWORDING, &[]);
    assert_eq!(code, 0);
    assert_eq!(lines[0]["same_claim"], false, "no model, no preference");
    let plain_score = lines[0]["score"].as_f64().unwrap();

    let flag = [std::ffi::OsStr::new("--embedding-model"), model];
    let (code, lines, _) = similar_cli(folder.path(), config.path(), REWORDING, &flag);
    assert_eq!(code, 0);
    assert_eq!(lines[0]["same_claim"], true);
    assert!(lines[0]["score"].as_f64().unwrap() > plain_score);

    // The window's settings file names the model: the same answer.
    let settings = config.path().join("factbench");
    fs::create_dir_all(&settings).unwrap();
    let saved = format!(
        "(recent: [], your_name: \"Ана\", embedding_model: Some({:?}))",
        model_dir.path().display().to_string()
    );
    fs::write(settings.join("settings.ron"), saved).unwrap();
    let (code, lines, _) = similar_cli(folder.path(), config.path(), REWORDING, &[]);
    assert_eq!(code, 0);
    assert_eq!(lines[0]["same_claim"], true, "from the preferences");

    // A preference that points to nothing usable warns and goes without.
    fs::write(
        settings.join("settings.ron"),
        "(embedding_model: Some(\"/nonexistent/model\"))",
    )
    .unwrap();
    let (code, lines, err) = similar_cli(folder.path(), config.path(), REWORDING, &[]);
    assert_eq!(code, 0);
    assert_eq!(lines[0]["same_claim"], false);
    assert!(err.contains("/nonexistent/model: is not a folder"), "{err}");

    // A broken model given on the command line is an error naming its file.
    fs::write(model_dir.path().join("tokenizer.json"), "{oops").unwrap();
    let (code, lines, err) = similar_cli(folder.path(), config.path(), REWORDING, &flag);
    assert_eq!(code, 1);
    assert!(lines.is_empty());
    assert!(
        err.contains(&format!(
            "--embedding-model: {}: is not JSON",
            model_dir.path().join("tokenizer.json").display()
        )),
        "{err}"
    );
}

#[test]
fn check_library_takes_the_model_and_then_sees_the_published_rating_of_a_rewording() {
    let library = reviews(&[CHECK]);
    let own = tempfile::tempdir().unwrap();
    let mut ws = factbench::Workspace::new("Desk");
    let article = factbench::Article::new("Today", REWORDING);
    let anchor = factbench::anchor::capture(&article.text, 0, REWORDING.chars().count()).unwrap();
    let mut claim = factbench::Claim::new(article.id, anchor, "Test Outlet");
    claim.verdict = Some("true".to_owned());
    ws.articles.push(article);
    ws.claims.push(claim);
    let path = own.path().join("today.ron");
    factbench::store::save(&path, &ws).unwrap();
    let (model_dir, _) = tiny_model();
    let check = |extra: &[&std::ffi::OsStr]| {
        let cache = tempfile::tempdir().unwrap();
        let out = fresh_home::factbench()
            .arg("check")
            .arg(&path)
            .arg("--library")
            .arg(library.path())
            .arg("--index-dir")
            .arg(cache.path())
            .args(extra)
            .env("XDG_CONFIG_HOME", own.path())
            .env("HOME", own.path())
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = check(&[]);
    assert!(!out.contains("published elsewhere"), "{out}");
    let (with_code, with) = check(&["--embedding-model".as_ref(), model_dir.path().as_os_str()]);
    assert!(with.contains("published elsewhere"), "{with}");
    assert!(with.contains("https://checks.example/0"), "{with}");
    assert_eq!(
        code, with_code,
        "a published rating never changes the exit code"
    );
}
