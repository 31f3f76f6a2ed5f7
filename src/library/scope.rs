//! The statistics a score is computed from, counted over the claims a query
//! may find and nothing else: live documents (not those deleted and not yet
//! merged away) in the folders asked for. So the same query in the same
//! folders gets the same scores whatever else the index holds or held.

use super::index::ClaimIndex;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tantivy::index::{InvertedIndexReader, SegmentId};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocSet, Searcher, SegmentReader, TERMINATED, Term};

/// The documents of one segment a query may find.
struct SegmentScope {
    text: Arc<InvertedIndexReader>,
    grams: Arc<InvertedIndexReader>,
    /// `None`: every document of the segment (none deleted, all in scope),
    /// so a term's document frequency is read from the dictionary.
    members: Option<BitSet>,
}

/// The documents a query may find, for counting document frequencies.
pub(super) struct Scope<'i> {
    segments: Vec<SegmentScope>,
    docs: u64,
    grams_field: Field,
    counted: &'i Mutex<Counted>,
}

/// Which segments (with their deletions) and folders counts were made in.
type CountedIn = (BTreeMap<SegmentId, Option<u64>>, Vec<PathBuf>);

/// Document frequencies already counted, kept between queries while the
/// index's segments, their deletions and the folders stay the same (so
/// they are the counts a fresh count would give): counting past deleted
/// documents or within some folders walks a term's postings, and a query
/// looks up hundreds of character n-grams.
#[derive(Default)]
pub(super) struct Counted {
    counted_in: Option<CountedIn>,
    counts: HashMap<Term, u64>,
}

impl<'i> Scope<'i> {
    /// The live documents of `searcher` under any of `folders` (all live
    /// documents when `folders` is empty).
    pub fn new(
        searcher: &Searcher,
        index: &'i ClaimIndex,
        folders: &[PathBuf],
    ) -> tantivy::Result<Self> {
        let mut segments = Vec::new();
        let mut docs = 0;
        for reader in searcher.segment_readers() {
            let members = members(reader, index.fields.folder, folders)?;
            docs += members
                .as_ref()
                .map_or(u64::from(reader.max_doc()), |m| m.len() as u64);
            segments.push(SegmentScope {
                text: reader.inverted_index(index.fields.text)?,
                grams: reader.inverted_index(index.fields.grams)?,
                members,
            });
        }
        let counted_in = (searcher.generation().segments().clone(), folders.to_vec());
        let mut counted = index.counted.lock().unwrap_or_else(|e| e.into_inner());
        if counted.counted_in.as_ref() != Some(&counted_in) {
            counted.counts.clear();
            counted.counted_in = Some(counted_in);
        }
        Ok(Scope {
            segments,
            docs,
            grams_field: index.fields.grams,
            counted: &index.counted,
        })
    }

    /// How many documents are in scope.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// How many documents in scope hold `term` (of the statement-and-quote
    /// terms or of the character n-grams).
    pub fn doc_freq(&self, term: &Term) -> u64 {
        let known = |counted: &Counted| counted.counts.get(term).copied();
        if let Some(count) = known(&self.counted.lock().unwrap_or_else(|e| e.into_inner())) {
            return count;
        }
        let count = self.count(term);
        let mut counted = self.counted.lock().unwrap_or_else(|e| e.into_inner());
        counted.counts.insert(term.clone(), count);
        count
    }

    fn count(&self, term: &Term) -> u64 {
        let grams = term.field() == self.grams_field;
        self.segments
            .iter()
            .map(|segment| {
                let field = if grams { &segment.grams } else { &segment.text };
                segment_doc_freq(field, segment.members.as_ref(), term)
            })
            .sum()
    }
}

fn segment_doc_freq(field: &InvertedIndexReader, members: Option<&BitSet>, term: &Term) -> u64 {
    match members {
        None => u64::from(field.doc_freq(term).unwrap_or(0)),
        Some(members) => {
            let Ok(Some(mut postings)) = field.read_postings(term, IndexRecordOption::Basic) else {
                return 0;
            };
            let mut count = 0;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if members.contains(doc) {
                    count += 1;
                }
                doc = postings.advance();
            }
            count
        }
    }
}

/// The live documents of one segment under `folders`; `None` when that is
/// every document of the segment.
fn members(
    reader: &SegmentReader,
    folder_field: Field,
    folders: &[PathBuf],
) -> tantivy::Result<Option<BitSet>> {
    let alive = reader.alive_bitset();
    if folders.is_empty() && alive.is_none() {
        return Ok(None);
    }
    let mut members = BitSet::with_max_value(reader.max_doc());
    let is_alive = |doc| alive.is_none_or(|a| a.is_alive(doc));
    if folders.is_empty() {
        for doc in (0..reader.max_doc()).filter(|&d| is_alive(d)) {
            members.insert(doc);
        }
        return Ok(Some(members));
    }
    let inverted = reader.inverted_index(folder_field)?;
    for folder in folders {
        let term = Term::from_field_text(folder_field, &folder.to_string_lossy());
        let Some(mut postings) = inverted.read_postings(&term, IndexRecordOption::Basic)? else {
            continue;
        };
        let mut doc = postings.doc();
        while doc != TERMINATED {
            if is_alive(doc) {
                members.insert(doc);
            }
            doc = postings.advance();
        }
    }
    if members.len() == reader.max_doc() as usize {
        return Ok(None);
    }
    Ok(Some(members))
}
