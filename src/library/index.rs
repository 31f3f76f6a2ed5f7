//! The tantivy index of every claim in the library folders: its schema,
//! opening it (rebuilding it when it was made by another analysis
//! version), and the incremental refresh that re-reads only workspace
//! files whose size, time or hash changed.

use super::LibraryError;
use super::analyze::Analyzer;
use super::manifest::{ANALYSIS_VERSION, Fingerprint, Manifest};
use crate::model::{Claim, Workspace};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The tokenizer of pre-analysed fields: [`Analyzer`] already made the terms.
const TERMS_TOKENIZER: &str = "factbench_terms";
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
    /// Terms of the rationale: indexed, not used for ranking.
    pub rationale_terms: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let terms = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TERMS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs),
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
        rationale_terms: builder.add_text_field("rationale_terms", terms),
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
}

impl ClaimIndex {
    /// Opens the index kept under `cache`, creating it. Each analysis
    /// version has its own subfolder, so a newer Factbench builds afresh.
    pub fn open(cache: &Path) -> Result<Self, LibraryError> {
        let dir = &cache.join(format!("claims-v{ANALYSIS_VERSION}"));
        let manifest = Manifest::read(dir);
        fs::create_dir_all(dir).map_err(|source| LibraryError::Io {
            path: dir.to_owned(),
            action: "could not create the library index folder",
            source,
        })?;
        let (schema, fields) = schema();
        let index_error = |source| LibraryError::Index {
            dir: dir.to_owned(),
            source,
        };
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| index_error(tantivy::TantivyError::from(e)))?;
        let index = Index::open_or_create(directory, schema).map_err(index_error)?;
        index.tokenizers().register(
            TERMS_TOKENIZER,
            TextAnalyzer::from(WhitespaceTokenizer::default()),
        );
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_error)?;
        Ok(ClaimIndex {
            dir: dir.to_owned(),
            index,
            reader,
            fields,
            manifest,
        })
    }

    /// Brings the index up to date with the workspaces under `folders`:
    /// new and changed files are read, deleted ones removed, unreadable
    /// ones skipped (and their old claims dropped).
    pub fn refresh(&mut self, folders: &[PathBuf]) -> Result<Refresh, LibraryError> {
        let folders = &canonical(folders)?;
        let mut report = Refresh::default();
        let on_disk = workspace_files(folders)?;
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
        for gone in self.files_gone(folders, &on_disk) {
            let writer = self.writer(&mut writer)?;
            writer.delete_term(self.workspace_term(&gone));
            self.manifest.files.remove(&gone);
            report.removed.push(gone);
        }
        if let Some(mut writer) = writer {
            self.commit(&mut writer)?;
        }
        Ok(report)
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
        match crate::store::load(path) {
            Ok(loaded) => {
                for claim in &loaded.workspace.claims {
                    let doc = self.document(path, &loaded.workspace, claim, analyzer);
                    // Adding only fails once the writer has died; commit reports that.
                    let _ = writer.add_document(doc);
                }
                match loaded.disk {
                    Some(disk) => {
                        self.manifest
                            .files
                            .insert(path.to_owned(), Fingerprint::of(disk));
                    }
                    None => {
                        self.manifest.files.remove(path);
                    }
                }
                report.indexed.push(path.to_owned());
            }
            Err(error) => {
                self.manifest.files.remove(path);
                report.skipped.push(error.to_string());
            }
        }
    }

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

    /// Files indexed before, under one of `folders`, that are no longer there.
    fn files_gone(&self, folders: &[PathBuf], on_disk: &BTreeSet<PathBuf>) -> Vec<PathBuf> {
        self.manifest
            .files
            .keys()
            .filter(|path| folders.iter().any(|f| path.starts_with(f)) && !on_disk.contains(*path))
            .cloned()
            .collect()
    }

    /// How many claims the index holds.
    pub fn claim_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// What is matched of a claim: its statement and, when it says more, its quote.
pub fn claim_text(claim: &Claim) -> String {
    if claim.anchor.exact.trim().is_empty() || claim.anchor.exact == claim.statement {
        claim.statement.clone()
    } else {
        format!("{}\n{}", claim.statement, claim.anchor.exact)
    }
}

/// Every `.ron` file under `folders` (recursively; hidden folders and files,
/// such as `.git` or recovery files, are left out), with canonical paths.
fn workspace_files(folders: &[PathBuf]) -> Result<BTreeSet<PathBuf>, LibraryError> {
    let mut found = BTreeSet::new();
    for folder in folders {
        collect_workspaces(folder, &mut found).map_err(|source| LibraryError::Io {
            path: folder.clone(),
            action: "could not read the library folder",
            source,
        })?;
    }
    Ok(found)
}

fn collect_workspaces(folder: &Path, found: &mut BTreeSet<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type()?;
        if hidden {
            continue;
        }
        if kind.is_dir() {
            // A subfolder that cannot be read is left out, not fatal.
            let _ = collect_workspaces(&path, found);
        } else if path.extension().is_some_and(|e| e == "ron") {
            found.insert(path);
        }
    }
    Ok(())
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
