//! The index is a cache, so damage to it is repaired, not reported as an
//! error: opening checks that `meta.json` is there when the manifest says
//! claims were indexed, that tantivy can open the index and every segment,
//! that every segment file's checksum holds, that stored documents and the
//! workspace terms can be read, and that the index holds as many claims as
//! the manifest counts. Anything else — and any panic from tantivy while
//! doing so — is [`Damage`], and the caller starts an empty index that the
//! next refresh fills again from the workspaces.

use super::LibraryError;
use super::index::{TERMS_TOKENIZER, schema};
use super::manifest::Manifest;
use std::cell::Cell;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::Once;
use tantivy::directory::MmapDirectory;
use tantivy::tokenizer::{TextAnalyzer, WhitespaceTokenizer};
use tantivy::{Index, IndexReader, ReloadPolicy, TantivyDocument};

/// What was found wrong with an index, worded to follow "the index …".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Damage(pub String);

/// The one line telling that the index in `dir` was damaged and is rebuilt.
pub fn rebuild_note(dir: &Path, damage: &Damage) -> String {
    format!(
        "{}: the claim library index was damaged ({}); rebuilding it from the workspaces",
        dir.display(),
        crate::text::one_line(&damage.0, 240)
    )
}

/// Opens the index in `dir` and checks it against `manifest`.
pub fn open_checked(dir: &Path, manifest: &Manifest) -> Result<(Index, IndexReader), Damage> {
    if !dir.join("meta.json").exists() && !manifest.files.is_empty() {
        return Err(Damage("its meta.json is missing".to_owned()));
    }
    without_panic(|| open_and_check(dir, manifest)).unwrap_or_else(Err)
}

thread_local! {
    /// Set while this thread runs tantivy under [`without_panic`].
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` on the index, turning a tantivy panic into [`Damage`]. The
/// panic is caught, so it is not reported as one: the process's panic
/// hook (the default message, the window's recovery writer) is skipped
/// for panics on this thread while `f` runs, and the damage note says
/// what tantivy said instead.
pub fn without_panic<T>(f: impl FnOnce() -> T) -> Result<T, Damage> {
    install_quiet_hook();
    let was = CATCHING.with(|c| c.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was));
    result.map_err(|panic| {
        Damage(format!(
            "reading it failed: {}",
            panic_message(panic.as_ref())
        ))
    })
}

/// Wraps the panic hook in place (once per process) so that it is not
/// called for a panic that [`without_panic`] catches on its own thread;
/// every other panic goes to the hook as before.
fn install_quiet_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

fn open_and_check(dir: &Path, manifest: &Manifest) -> Result<(Index, IndexReader), Damage> {
    let directory = MmapDirectory::open(dir)
        .map_err(|e| Damage(format!("its folder cannot be opened: {e}")))?;
    let index = Index::open_or_create(directory, schema().0)
        .map_err(|e| Damage(format!("it cannot be opened: {e}")))?;
    index.tokenizers().register(
        TERMS_TOKENIZER,
        TextAnalyzer::from(WhitespaceTokenizer::default()),
    );
    let reader: IndexReader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| Damage(format!("its segments cannot be read: {e}")))?;
    check_checksums(&index)?;
    check_readable(&reader)?;
    check_count(&reader, manifest)?;
    Ok((index, reader))
}

fn check_checksums(index: &Index) -> Result<(), Damage> {
    let damaged = index
        .validate_checksum()
        .map_err(|e| Damage(format!("its files cannot be checked: {e}")))?;
    match damaged.iter().next() {
        Some(file) => Err(Damage(format!(
            "its file {} does not match its checksum",
            file.display()
        ))),
        None => Ok(()),
    }
}

/// Reads the first and last stored claim of every segment and walks the
/// workspace terms with their postings.
fn check_readable(reader: &IndexReader) -> Result<(), Damage> {
    let fields = schema().1;
    let unreadable = |e: tantivy::TantivyError| Damage(format!("a segment cannot be read: {e}"));
    for segment in reader.searcher().segment_readers() {
        let store = segment
            .get_store_reader(0)
            .map_err(|e| unreadable(e.into()))?;
        let max_doc = segment.max_doc();
        if max_doc > 0 {
            store.get::<TantivyDocument>(0).map_err(unreadable)?;
            store
                .get::<TantivyDocument>(max_doc - 1)
                .map_err(unreadable)?;
        }
        let inverted = segment
            .inverted_index(fields.workspace)
            .map_err(unreadable)?;
        let mut terms = inverted
            .terms()
            .stream()
            .map_err(|e| unreadable(e.into()))?;
        while terms.advance() {
            let info = terms.value().clone();
            let postings = inverted
                .read_postings_from_terminfo(&info, tantivy::schema::IndexRecordOption::Basic)
                .map_err(|e| unreadable(e.into()))?;
            if postings.doc_freq() > max_doc {
                return Err(Damage(
                    "a segment's postings point past its claims".to_owned(),
                ));
            }
        }
    }
    Ok(())
}

fn check_count(reader: &IndexReader, manifest: &Manifest) -> Result<(), Damage> {
    let held = reader.searcher().num_docs();
    let counted = manifest.claim_total();
    if held == counted {
        Ok(())
    } else {
        Err(Damage(format!(
            "it holds {held} claims where its manifest counts {counted}"
        )))
    }
}

/// Removes everything in `dir` (the index and its manifest), keeping the folder.
pub fn clear_folder(dir: &Path) -> Result<(), LibraryError> {
    let failed = |source| LibraryError::Io {
        path: dir.to_owned(),
        action: "could not clear the damaged library index",
        source,
    };
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(failed)?;
    }
    fs::create_dir_all(dir).map_err(failed)
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "tantivy stopped".to_owned());
    crate::text::one_line(&text, 120)
}

#[cfg(test)]
mod tests {
    use super::super::{Library, Query};
    use std::path::{Path, PathBuf};

    fn desk() -> (tempfile::TempDir, tempfile::TempDir) {
        let folder = tempfile::tempdir().unwrap();
        let fixture =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library/desk-ru.ron");
        std::fs::copy(fixture, folder.path().join("desk-ru.ron")).unwrap();
        (folder, tempfile::tempdir().unwrap())
    }

    /// How many claims a search for Russian words finds, with the notes of
    /// the refresh before it.
    fn refresh_and_search(cache: &Path, folder: &Path) -> (Vec<String>, usize) {
        let mut library = Library::open(cache).unwrap();
        let folders = vec![PathBuf::from(folder)];
        let refresh = library.refresh(&folders).unwrap();
        let query = Query {
            text: "Россия экспорт нефти газа миллиардов долларов".into(),
            folders: library.folders(&folders).unwrap(),
            exclude: None,
            copies_of: None,
            scale: None,
            top: 50,
        };
        (refresh.notes, library.similar(&query).unwrap().len())
    }

    #[test]
    fn a_panic_inside_is_damage_and_the_thread_carries_on() {
        let caught =
            super::without_panic(|| -> u32 { panic!("index out of bounds: the len is 3") });
        let damage = caught.unwrap_err();
        assert!(damage.0.contains("index out of bounds"), "{damage}");
        assert_eq!(super::without_panic(|| 7), Ok(7));
    }

    /// The index's folder in the cache, named for the analysis version.
    fn index_folder() -> String {
        format!("claims-v{}", crate::library::manifest::ANALYSIS_VERSION)
    }

    #[test]
    fn a_damaged_index_is_rebuilt_once_with_a_note_for_the_window() {
        let (folder, cache) = desk();
        let (notes, found) = refresh_and_search(cache.path(), folder.path());
        assert!(notes.is_empty() && found > 0, "{notes:?} {found}");
        let index = cache.path().join(index_folder());
        std::fs::write(index.join("meta.json"), "{ garbled").unwrap();
        let (notes, again) = refresh_and_search(cache.path(), folder.path());
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("damaged") && notes[0].contains(&index_folder()));
        assert_eq!(again, found);
        let (notes, _) = refresh_and_search(cache.path(), folder.path());
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn an_index_with_claims_its_manifest_does_not_count_is_damaged() {
        let (folder, cache) = desk();
        refresh_and_search(cache.path(), folder.path());
        let manifest = cache.path().join(index_folder()).join("manifest.json");
        let text = std::fs::read_to_string(&manifest).unwrap();
        let miscounted = text.replacen("\"claims\":", "\"claims\":1", 1);
        assert_ne!(text, miscounted);
        std::fs::write(&manifest, miscounted).unwrap();
        let (notes, found) = refresh_and_search(cache.path(), folder.path());
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("manifest counts"), "{notes:?}");
        assert!(found > 0);
    }
}
