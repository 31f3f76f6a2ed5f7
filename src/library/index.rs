//! The tantivy index of every claim in the library folders: its schema,
//! opening it (rebuilding it when it was made by another analysis version
//! or is damaged), and the incremental refresh that re-reads only workspace
//! files whose size, time or hash changed and never opens a `.ron` entry
//! that is not a regular file.

use super::LibraryError;
use super::analyze::Analyzer;
use super::manifest::{ANALYSIS_VERSION, Fingerprint, Manifest, NotRegular, nanos_since_epoch};
use crate::model::{Claim, Workspace};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term};

/// The tokenizer of pre-analysed fields: [`Analyzer`] already made the terms.
pub(super) const TERMS_TOKENIZER: &str = "factbench_terms";
/// Memory for the index writer (tantivy's minimum per thread is 15 MB).
const WRITER_MEMORY: usize = 64 * 1024 * 1024;

/// The fields of one indexed claim.
#[derive(Clone, Copy)]
pub struct Fields {
    pub workspace: Field,
    /// Every folder above the workspace file, to search some folders only.
    pub folder: Field,
    pub claim: Field,
    pub statement: Field,
    pub quote: Field,
    pub claimant: Field,
    pub verdict: Field,
    pub verdict_label: Field,
    pub rationale: Field,
    pub tags: Field,
    pub date: Field,
    /// Terms of the statement and the quote: what BM25 ranks on.
    pub text: Field,
    /// Terms of the claimant and tags: a light extra signal.
    pub context: Field,
    /// Character n-grams of the statement and the quote
    /// ([`super::grams`]): indexed only for their document frequencies.
    pub grams: Field,
    /// Terms of the rationale: indexed, not used for ranking.
    pub rationale_terms: Field,
    /// `"1"` for a published review read from a ClaimReview file.
    pub external: Field,
    /// A review's rating: words, value, best and worst, as given.
    pub rating: Field,
    pub rating_value: Field,
    pub best: Field,
    pub worst: Field,
    pub publisher: Field,
    pub url: Field,
    pub language: Field,
}

pub(super) fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let terms = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TERMS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let grams = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TERMS_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        workspace: builder.add_text_field("workspace", STRING | STORED),
        folder: builder.add_text_field("folder", STRING),
        claim: builder.add_text_field("claim", STRING | STORED),
        statement: builder.add_text_field("statement", STORED),
        quote: builder.add_text_field("quote", STORED),
        claimant: builder.add_text_field("claimant", STORED),
        verdict: builder.add_text_field("verdict", STRING | STORED),
        verdict_label: builder.add_text_field("verdict_label", STORED),
        rationale: builder.add_text_field("rationale", STORED),
        tags: builder.add_text_field("tags", STORED),
        date: builder.add_text_field("date", STORED),
        text: builder.add_text_field("text", terms.clone()),
        context: builder.add_text_field("context", terms.clone()),
        grams: builder.add_text_field("grams", grams),
        rationale_terms: builder.add_text_field("rationale_terms", terms),
        external: builder.add_text_field("external", STRING | STORED),
        rating: builder.add_text_field("rating", STORED),
        rating_value: builder.add_text_field("rating_value", STORED),
        best: builder.add_text_field("best", STORED),
        worst: builder.add_text_field("worst", STORED),
        publisher: builder.add_text_field("publisher", STORED),
        url: builder.add_text_field("url", STORED),
        language: builder.add_text_field("language", STORED),
    };
    (builder.build(), fields)
}

/// An open index and the fingerprints of the files in it.
pub struct ClaimIndex {
    pub dir: PathBuf,
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    manifest: Manifest,
    /// Document frequencies counted by earlier queries ([`super::scope`]).
    pub(super) counted: std::sync::Mutex<super::scope::Counted>,
}

/// What one refresh did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Workspaces read and (re)indexed.
    pub indexed: Vec<PathBuf>,
    /// Workspaces found unchanged.
    pub unchanged: usize,
    /// Workspaces gone from disk, taken out of the index.
    pub removed: Vec<PathBuf>,
    /// Workspaces that could not be read, with the reason (naming the file).
    pub skipped: Vec<String>,
    /// What happened to the index itself (found damaged and rebuilt), one
    /// line each, naming its folder.
    pub notes: Vec<String>,
}

impl ClaimIndex {
    /// Opens the index kept under `cache`, creating it. Each analysis
    /// version has its own subfolder, so a newer Factbench builds afresh.
    /// The index is a cache: when it is damaged (see [`super::health`]) it
    /// is emptied, to be filled again by the next refresh, and the second
    /// value says so in one line.
    pub fn open(cache: &Path) -> Result<(Self, Option<String>), LibraryError> {
        let dir = &cache.join(format!("claims-v{ANALYSIS_VERSION}"));
        create_folder(dir)?;
        let manifest = Manifest::read(dir);
        match super::health::open_checked(dir, &manifest) {
            Ok(opened) => Ok((Self::from_parts(dir, opened, manifest), None)),
            Err(damage) => {
                let note = super::health::rebuild_note(dir, &damage);
                Ok((Self::emptied(dir)?, Some(note)))
            }
        }
    }

    /// Throws away the index in `dir` and starts an empty one.
    pub fn emptied(dir: &Path) -> Result<Self, LibraryError> {
        super::health::clear_folder(dir)?;
        let manifest = Manifest::default();
        let opened = super::health::open_checked(dir, &manifest).map_err(|damage| {
            LibraryError::Damaged {
                dir: dir.to_owned(),
                why: damage.to_string(),
            }
        })?;
        Ok(Self::from_parts(dir, opened, manifest))
    }

    fn from_parts(dir: &Path, (index, reader): (Index, IndexReader), manifest: Manifest) -> Self {
        ClaimIndex {
            dir: dir.to_owned(),
            index,
            reader,
            fields: schema().1,
            manifest,
            counted: Default::default(),
        }
    }

    /// Brings the index up to date with the workspaces under `folders`:
    /// new and changed files are read; deleted ones, and those of folders
    /// no longer given, removed; unreadable ones skipped (and their old
    /// claims dropped).
    pub fn refresh(&mut self, folders: &[PathBuf]) -> Result<Refresh, LibraryError> {
        let folders = &canonical(folders)?;
        let mut report = Refresh::default();
        let (on_disk, not_regular) = workspace_files(folders)?;
        let manifest_changed = self.remember_not_regular(not_regular, &mut report);
        let mut writer: Option<IndexWriter> = None;
        let mut analyzer = Analyzer::new();
        for path in &on_disk {
            match self.manifest.files.get(path) {
                Some(known) if known.unchanged_on_disk(path) => report.unchanged += 1,
                _ => {
                    let writer = self.writer(&mut writer)?;
                    self.reindex(writer, path, &mut analyzer, &mut report);
                }
            }
        }
        for gone in self.files_not_listed(&on_disk) {
            let writer = self.writer(&mut writer)?;
            writer.delete_term(self.workspace_term(&gone));
            self.manifest.files.remove(&gone);
            report.removed.push(gone);
        }
        if let Some(mut writer) = writer {
            self.commit(&mut writer)?;
        } else if manifest_changed {
            self.write_manifest()?;
        }
        Ok(report)
    }

    /// Records the entries under `folders` that are not regular files,
    /// reporting in `report.skipped` those new or changed since the last
    /// refresh; whether the manifest changed.
    fn remember_not_regular(
        &mut self,
        found: BTreeMap<PathBuf, NotRegular>,
        report: &mut Refresh,
    ) -> bool {
        let remembered = &mut self.manifest.not_regular;
        let before = remembered.len();
        // Entries outside the folders are forgotten too: the manifest, like
        // the index, describes the configured folders and nothing else.
        remembered.retain(|path, _| found.contains_key(path));
        let mut changed = remembered.len() != before;
        for (path, entry) in found {
            if remembered.get(&path) != Some(&entry) {
                report.skipped.push(format!(
                    "{}: is {}, not a regular file; left out of the claim library while it stays so",
                    path.display(),
                    entry.kind
                ));
                remembered.insert(path, entry);
                changed = true;
            }
        }
        changed
    }

    fn writer<'w>(
        &self,
        slot: &'w mut Option<IndexWriter>,
    ) -> Result<&'w mut IndexWriter, LibraryError> {
        if slot.is_none() {
            let writer =
                self.index
                    .writer(WRITER_MEMORY)
                    .map_err(|source| LibraryError::Index {
                        dir: self.dir.clone(),
                        source,
                    })?;
            *slot = Some(writer);
        }
        Ok(slot.as_mut().expect("the writer was just made"))
    }

    fn commit(&mut self, writer: &mut IndexWriter) -> Result<(), LibraryError> {
        let index_error = |source| LibraryError::Index {
            dir: self.dir.clone(),
            source,
        };
        writer.commit().map_err(index_error)?;
        self.reader.reload().map_err(index_error)?;
        self.write_manifest()
    }

    fn write_manifest(&mut self) -> Result<(), LibraryError> {
        self.manifest
            .write(&self.dir)
            .map_err(|source| LibraryError::Io {
                path: self.dir.join("manifest.json"),
                action: "could not write the library manifest",
                source,
            })
    }

    fn reindex(
        &mut self,
        writer: &mut IndexWriter,
        path: &Path,
        analyzer: &mut Analyzer,
        report: &mut Refresh,
    ) {
        writer.delete_term(self.workspace_term(path));
        if super::external::is_review_file(path) {
            return self.reindex_reviews(writer, path, analyzer, report);
        }
        match crate::store::load(path) {
            Ok(loaded) => {
                // Only a file whose fingerprint is known is indexed, so that
                // the manifest counts every claim the index holds.
                let Some(disk) = loaded.disk else {
                    self.manifest.files.remove(path);
                    return;
                };
                for claim in &loaded.workspace.claims {
                    let doc = self.document(path, &loaded.workspace, claim, analyzer);
                    // Adding only fails once the writer has died; commit reports that.
                    let _ = writer.add_document(doc);
                }
                let claims = loaded.workspace.claims.len() as u64;
                self.manifest
                    .files
                    .insert(path.to_owned(), Fingerprint::of(disk, claims));
                report.indexed.push(path.to_owned());
            }
            Err(error) => {
                self.manifest.files.remove(path);
                report.skipped.push(error.to_string());
            }
        }
    }

    /// Indexes the published reviews in a ClaimReview file, each a
    /// read-only earlier check; a file holding none is remembered (so it
    /// is not read again until it changes) and adds nothing.
    fn reindex_reviews(
        &mut self,
        writer: &mut IndexWriter,
        path: &Path,
        analyzer: &mut Analyzer,
        report: &mut Refresh,
    ) {
        let read = super::external::read_file(path);
        let disk = crate::store::DiskState::read(path);
        let (read, disk) = match (read, disk) {
            (Ok(read), Ok(disk)) => (read, disk),
            (Err(why), _) => {
                self.manifest.files.remove(path);
                report.skipped.push(why);
                return;
            }
            (_, Err(e)) => {
                self.manifest.files.remove(path);
                report
                    .skipped
                    .push(format!("{}: could not be read: {e}", path.display()));
                return;
            }
        };
        report.skipped.extend(read.notes);
        for doc in review_documents(&self.fields, path, &read.reviews, analyzer) {
            // Adding only fails once the writer has died; commit reports that.
            let _ = writer.add_document(doc);
        }
        let count = read.reviews.len() as u64;
        self.manifest
            .files
            .insert(path.to_owned(), Fingerprint::of(disk, count));
        if count > 0 {
            report.indexed.push(path.to_owned());
        }
    }
}

/// Reviews in a file of at least this many are analysed on several threads.
const PARALLEL_REVIEWS: usize = 2_000;

/// The documents of a file's reviews, numbered in file order: analysed on
/// one thread per core for a large file (analysis is most of the cost of
/// indexing one), else on this one.
fn review_documents(
    fields: &Fields,
    path: &Path,
    reviews: &[super::external::Review],
    analyzer: &mut Analyzer,
) -> Vec<TantivyDocument> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    if reviews.len() < PARALLEL_REVIEWS || threads < 2 {
        return reviews
            .iter()
            .enumerate()
            .map(|(number, review)| review_document(fields, path, number, review, analyzer))
            .collect();
    }
    let chunk = reviews.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = reviews
            .chunks(chunk)
            .enumerate()
            .map(|(part, reviews)| {
                scope.spawn(move || {
                    let mut analyzer = Analyzer::new();
                    reviews
                        .iter()
                        .enumerate()
                        .map(|(i, review)| {
                            review_document(fields, path, part * chunk + i, review, &mut analyzer)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The document of the `number`th review of the file at `path`.
fn review_document(
    fields: &Fields,
    path: &Path,
    number: usize,
    review: &super::external::Review,
    analyzer: &mut Analyzer,
) -> TantivyDocument {
    let f = fields;
    let mut doc = TantivyDocument::default();
    doc.add_text(f.workspace, path.to_string_lossy());
    for folder in path.ancestors().skip(1) {
        doc.add_text(f.folder, folder.to_string_lossy());
    }
    let id = if review.url.is_empty() {
        format!("#{}", number + 1)
    } else {
        review.url.clone()
    };
    doc.add_text(f.claim, id);
    doc.add_text(f.statement, &review.claim_reviewed);
    doc.add_text(f.quote, "");
    doc.add_text(f.claimant, &review.claimant);
    doc.add_text(f.verdict, "");
    doc.add_text(f.verdict_label, &review.rating);
    doc.add_text(f.rationale, "");
    doc.add_text(f.tags, "");
    doc.add_text(f.date, &review.date);
    let text = analyzer.analyze(&review.claim_reviewed).terms.join(" ");
    doc.add_text(f.text, text);
    doc.add_text(f.grams, distinct_grams(&review.claim_reviewed));
    doc.add_text(
        f.context,
        analyzer.analyze(&review.claimant).terms.join(" "),
    );
    doc.add_text(f.rationale_terms, "");
    doc.add_text(f.external, "1");
    doc.add_text(f.rating, &review.rating);
    let number = |n: Option<f64>| n.map(|n| n.to_string()).unwrap_or_default();
    doc.add_text(f.rating_value, number(review.rating_value));
    doc.add_text(f.best, number(review.best));
    doc.add_text(f.worst, number(review.worst));
    doc.add_text(f.publisher, &review.publisher);
    doc.add_text(f.url, &review.url);
    doc.add_text(f.language, &review.language);
    doc
}

impl ClaimIndex {
    fn document(
        &self,
        path: &Path,
        workspace: &Workspace,
        claim: &Claim,
        analyzer: &mut Analyzer,
    ) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.workspace, path.to_string_lossy());
        for folder in path.ancestors().skip(1) {
            doc.add_text(f.folder, folder.to_string_lossy());
        }
        doc.add_text(f.claim, claim.id.to_string());
        doc.add_text(f.statement, &claim.statement);
        doc.add_text(f.quote, &claim.anchor.exact);
        doc.add_text(f.claimant, &claim.claimant);
        let key = claim.verdict.clone().unwrap_or_default();
        let label = workspace
            .scale
            .verdicts
            .iter()
            .find(|v| v.key == key)
            .map_or(key.clone(), |v| v.label.clone());
        doc.add_text(f.verdict, &key);
        doc.add_text(f.verdict_label, label);
        doc.add_text(f.rationale, &claim.rationale);
        doc.add_text(f.tags, claim.tags.join(", "));
        doc.add_text(f.date, claim.updated.strftime("%Y-%m-%d").to_string());
        let text = analyzer.analyze(&claim_text(claim)).terms.join(" ");
        doc.add_text(f.text, text);
        doc.add_text(f.grams, distinct_grams(&claim_text(claim)));
        let context = format!("{} {}", claim.claimant, claim.tags.join(" "));
        doc.add_text(f.context, analyzer.analyze(&context).terms.join(" "));
        doc.add_text(
            f.rationale_terms,
            analyzer.analyze(&claim.rationale).terms.join(" "),
        );
        doc
    }

    fn workspace_term(&self, path: &Path) -> Term {
        Term::from_field_text(self.fields.workspace, &path.to_string_lossy())
    }

    /// Files indexed before that are no longer among the workspaces of the
    /// folders: deleted, moved, or under a folder no longer configured. The
    /// index holds exactly the configured folders' files, so its answers
    /// never depend on what was indexed before.
    fn files_not_listed(&self, on_disk: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
        self.manifest
            .files
            .keys()
            .filter(|path| !on_disk.contains(*path))
            .cloned()
            .collect()
    }

    /// How many claims the index holds.
    pub fn claim_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// The distinct character n-grams of `text`, space-separated: only their
/// document frequencies are read, so each is indexed once.
fn distinct_grams(text: &str) -> String {
    let grams = super::grams::character_grams(text);
    let distinct: BTreeSet<&str> = grams.iter().map(String::as_str).collect();
    distinct.into_iter().collect::<Vec<_>>().join(" ")
}

/// What is matched of a claim: its statement and, when it says more, its quote.
pub fn claim_text(claim: &Claim) -> String {
    if claim.anchor.exact.trim().is_empty() || claim.anchor.exact == claim.statement {
        claim.statement.clone()
    } else {
        format!("{}\n{}", claim.statement, claim.anchor.exact)
    }
}

/// Every `.ron` regular file — and every file of published reviews
/// (`.json`, `.jsonld`, `.jsonl`, `.ndjson`, `.csv`) — under `folders`
/// (recursively; hidden folders and files, such as `.git` or recovery
/// files, and snapshot folders are left out), with
/// canonical paths; and, apart, the `.ron` entries that are something else
/// (a FIFO, a device, a link to one, a dangling link), which are never opened.
fn workspace_files(
    folders: &[PathBuf],
) -> Result<(BTreeSet<PathBuf>, BTreeMap<PathBuf, NotRegular>), LibraryError> {
    let mut found = Found::default();
    for folder in folders {
        collect_workspaces(folder, &mut found).map_err(|source| LibraryError::Io {
            path: folder.clone(),
            action: "could not read the library folder",
            source,
        })?;
    }
    Ok((found.workspaces, found.not_regular))
}

#[derive(Default)]
struct Found {
    workspaces: BTreeSet<PathBuf>,
    not_regular: BTreeMap<PathBuf, NotRegular>,
}

fn collect_workspaces(folder: &Path, found: &mut Found) -> std::io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type()?;
        // Snapshot folders (`NAME.snapshots/`) hold only bytes named by
        // their hash: never a workspace, and maybe thousands of files.
        let snapshots = kind.is_dir() && path.extension().is_some_and(|e| e == "snapshots");
        if hidden || snapshots {
            continue;
        }
        if kind.is_dir() {
            // A subfolder that cannot be read is left out, not fatal.
            let _ = collect_workspaces(&path, found);
        } else if path.extension().is_some_and(|e| e == "ron")
            || super::external::is_review_file(&path)
        {
            match not_regular(&path) {
                None => {
                    found.workspaces.insert(path);
                }
                Some(entry) => {
                    found.not_regular.insert(path, entry);
                }
            }
        }
    }
    Ok(())
}

/// `None` when `path` is (or links to) a regular file; else what it is,
/// found without opening it (opening a FIFO would wait for a writer).
fn not_regular(path: &Path) -> Option<NotRegular> {
    let own_time = fs::symlink_metadata(path)
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(nanos_since_epoch);
    let kind = match fs::metadata(path) {
        Ok(meta) if meta.is_file() => return None,
        Ok(meta) => describe_file_type(meta.file_type()),
        Err(_) => "a link to nothing that can be read".to_owned(),
    };
    Some(NotRegular {
        kind,
        modified: own_time,
    })
}

fn describe_file_type(kind: fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)".to_owned();
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device".to_owned();
        }
        if kind.is_socket() {
            return "a socket".to_owned();
        }
    }
    if kind.is_dir() {
        "a folder".to_owned()
    } else {
        "a special file".to_owned()
    }
}

fn create_folder(dir: &Path) -> Result<(), LibraryError> {
    fs::create_dir_all(dir).map_err(|source| LibraryError::Io {
        path: dir.to_owned(),
        action: "could not create the library index folder",
        source,
    })
}

/// The folders as absolute paths without links, so that paths in the index
/// compare equal however a folder was named.
pub fn canonical(folders: &[PathBuf]) -> Result<Vec<PathBuf>, LibraryError> {
    folders
        .iter()
        .map(|folder| {
            fs::canonicalize(folder).map_err(|source| LibraryError::Io {
                path: folder.clone(),
                action: "could not open the library folder",
                source,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_folders_are_never_walked() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("case.ron"), "").unwrap();
        let snapshots = dir.path().join("case.snapshots");
        fs::create_dir(&snapshots).unwrap();
        fs::write(snapshots.join("odd.ron"), "").unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("other.ron"), "").unwrap();
        let (found, _) = workspace_files(&[dir.path().to_owned()]).unwrap();
        let names: Vec<_> = found
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(!names.contains(&"odd.ron".to_owned()));
    }

    #[test]
    fn a_large_file_analysed_on_several_threads_gives_the_documents_one_thread_gives() {
        let (_, fields) = schema();
        let reviews: Vec<super::super::external::Review> = (0..PARALLEL_REVIEWS + 501)
            .map(|n| super::super::external::Review {
                claim_reviewed: format!("Russia sent {n} drones to Moscow in 2024, posts claim"),
                rating: "False".into(),
                rating_value: Some(1.0),
                best: Some(5.0),
                worst: Some(1.0),
                publisher: "Desk".into(),
                claimant: "A viral post".into(),
                date: "2024-03-01".into(),
                url: format!("https://checks.example/{n}"),
                language: "en".into(),
            })
            .collect();
        let path = Path::new("/feeds/reviews.jsonl");
        let mut analyzer = Analyzer::new();
        let parallel = review_documents(&fields, path, &reviews, &mut analyzer);
        let one_by_one: Vec<TantivyDocument> = reviews
            .iter()
            .enumerate()
            .map(|(n, r)| review_document(&fields, path, n, r, &mut analyzer))
            .collect();
        assert_eq!(parallel.len(), reviews.len());
        for (a, b) in parallel.iter().zip(&one_by_one) {
            assert_eq!(format!("{a:?}"), format!("{b:?}"));
        }
    }
}
