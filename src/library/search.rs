//! Finding earlier checks of a text: BM25 over the analysed statement and
//! quote picks candidates, which are then scored 0–1 by IDF-weighted term
//! overlap or character n-gram overlap ([`super::grams`]), whichever is
//! higher, times how well their numbers, years and actors agree with the
//! query's ([`super::agreement`]); `same_claim` is that score over a
//! calibrated threshold. With an embedding model configured
//! ([`super::embedding`]), the embeddings' closeness may lift the
//! closeness before the agreement factor caps it ([`combined`]).

use super::LibraryError;
use super::agreement::agreement;
use super::analyze::{Analysis, Analyzer};
use super::embedding::EmbeddingModel;
use super::index::ClaimIndex;
use super::scope::Scope;
use crate::model::VerdictScale;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query as TantivyQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

/// At or above this score a match is called the same claim. Calibrated on
/// the labelled set in `tests/fixtures/library` (see `docs/library.md`).
pub const SAME_CLAIM_THRESHOLD: f64 = 0.36;
/// A query with fewer distinct terms is never called the same claim (one or
/// two words say too little).
const MIN_TERMS_FOR_SAME_CLAIM: usize = 3;
/// How many BM25 candidates are re-scored.
const CANDIDATES: usize = 50;
/// Weight of the claimant and tags against the statement and quote.
const CONTEXT_BOOST: f32 = 0.2;

/// What to look for.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pub text: String,
    /// Only claims from workspaces under these folders (canonical paths,
    /// see [`super::Library::refresh`]); all when empty.
    pub folders: Vec<PathBuf>,
    /// A claim to leave out (the one being matched): workspace and claim id.
    pub exclude: Option<(PathBuf, String)>,
    /// The id of the claim being matched, when it has one: a claim with the
    /// same id in another file is a copy of it (a *Save as*, a colleague's
    /// clone), marked [`Match::another_copy`] and never the same claim.
    /// Defaults to the id in `exclude`.
    pub copies_of: Option<String>,
    pub top: usize,
    /// The scale published reviews' ratings are mapped onto (the querying
    /// workspace's); the default scale when `None`.
    pub scale: Option<VerdictScale>,
}

/// One earlier check.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    pub workspace: PathBuf,
    pub claim: String,
    pub statement: String,
    pub quote: String,
    pub claimant: String,
    /// The verdict key, `None` while unrated.
    pub verdict: Option<String>,
    pub verdict_label: String,
    /// When the claim was last changed (`YYYY-MM-DD`).
    pub date: String,
    /// 0–1, higher is closer.
    pub score: f64,
    pub same_claim: bool,
    /// The same claim id as the claim matched, in another file: a copy of
    /// it, not an earlier check (never `same_claim`, never a conflict).
    pub another_copy: bool,
    /// Set for a published review read from a ClaimReview file: then
    /// `workspace` is the file, `claim` the review's URL, `verdict` its
    /// rating mapped onto the query's scale and `verdict_label` its rating.
    pub external: Option<Box<ExternalCheck>>,
}

/// What a published review says beyond a desk's check.
#[derive(Clone, Debug, PartialEq)]
pub struct ExternalCheck {
    /// The rating in the publisher's words (`alternateName`).
    pub rating: String,
    pub rating_value: Option<f64>,
    pub best: Option<f64>,
    pub worst: Option<f64>,
    pub publisher: String,
    pub url: String,
    pub language: String,
    /// Every file the review was found in (the same URL is one check).
    pub sources: Vec<PathBuf>,
}

/// The matches, best first, with each published review once: copies of
/// it (the same URL) in other files become its `sources`.
fn one_per_review(matches: Vec<Match>) -> Vec<Match> {
    let mut kept: Vec<Match> = Vec::with_capacity(matches.len());
    let mut by_url: HashMap<String, usize> = HashMap::new();
    for found in matches {
        let url = found
            .external
            .as_ref()
            .map(|e| e.url.clone())
            .filter(|u| !u.is_empty());
        match url {
            Some(url) => match by_url.get(&url) {
                Some(&at) => {
                    if let Some(first) = kept[at].external.as_mut() {
                        first.sources.push(found.workspace);
                    }
                }
                None => {
                    by_url.insert(url, kept.len());
                    kept.push(found);
                }
            },
            None => kept.push(found),
        }
    }
    kept
}

/// A published review's verdict: its rating mapped onto `scale`.
fn map_rating(found: &mut Match, scale: &VerdictScale) {
    if let Some(external) = &found.external {
        found.verdict = super::external::mapped_verdict(
            &external.rating,
            external.rating_value,
            external.best,
            external.worst,
            scale,
        );
    }
}

/// Highest score first; equal scores by file and claim id, so that the
/// order never depends on where the index happened to store them.
fn best_first(a: &Match, b: &Match) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| a.workspace.cmp(&b.workspace))
        .then_with(|| a.claim.cmp(&b.claim))
}

/// The best `query.top` earlier checks, best first, re-ranked with
/// `model` when one is configured.
pub fn search(
    index: &ClaimIndex,
    query: &Query,
    model: Option<&EmbeddingModel>,
) -> Result<Vec<Match>, LibraryError> {
    let mut analyzer = Analyzer::new();
    let wanted = analyzer.analyze(&query.text);
    let distinct: HashSet<&str> = wanted.terms.iter().map(String::as_str).collect();
    if distinct.is_empty() || query.top == 0 {
        return Ok(Vec::new());
    }
    let searcher = index.reader.searcher();
    let tantivy_query = candidate_query(index, &distinct, &query.folders);
    let candidates = searcher
        .search(
            &tantivy_query,
            &TopDocs::with_limit(CANDIDATES + 1).order_by_score(),
        )
        .map_err(|source| LibraryError::Index {
            dir: index.dir.clone(),
            source,
        })?;
    let scope =
        Scope::new(&searcher, index, &query.folders).map_err(|source| LibraryError::Index {
            dir: index.dir.clone(),
            source,
        })?;
    let mut idf = Idf::new(&scope, index.fields.text);
    let query_weights = idf.weights(&wanted.terms);
    let mut gram_idf = Idf::new(&scope, index.fields.grams);
    let query_grams = super::grams::weighted_grams(&query.text);
    let query_grams = super::grams::counts(&query_grams);
    let query_vector = model.and_then(|m| Some((m, m.embed(&query.text)?)));
    let exclude = query.exclude.as_ref().map(|(workspace, claim)| {
        let workspace = std::fs::canonicalize(workspace).unwrap_or_else(|_| workspace.clone());
        (workspace, claim.as_str())
    });
    let copies_of = query
        .copies_of
        .as_deref()
        .or(query.exclude.as_ref().map(|(_, claim)| claim.as_str()));
    let mut matches = Vec::new();
    for (_, address) in candidates {
        let Ok(doc) = searcher.doc::<TantivyDocument>(address) else {
            continue;
        };
        let found = matched(index, &doc);
        if exclude.as_ref().is_some_and(|(workspace, claim)| {
            &found.workspace == workspace && found.claim == *claim
        }) {
            continue;
        }
        let score = rescore(
            Wanted {
                analysis: &wanted,
                weights: &query_weights,
                grams: &query_grams,
                vector: query_vector.as_ref().map(|(m, v)| (*m, v.as_slice())),
            },
            &found,
            &mut analyzer,
            (&mut idf, &mut gram_idf),
        );
        let another_copy = copies_of.is_some_and(|id| found.claim == id);
        let same_claim = !another_copy
            && score >= SAME_CLAIM_THRESHOLD
            && distinct.len() >= MIN_TERMS_FOR_SAME_CLAIM;
        matches.push(Match {
            score,
            same_claim,
            another_copy,
            ..found
        });
    }
    Ok(best_of(matches, query))
}

/// The best `query.top` of `matches`, best first, each published review
/// once and its rating mapped onto the query's scale.
fn best_of(mut matches: Vec<Match>, query: &Query) -> Vec<Match> {
    matches.sort_by(best_first);
    let scale = query.scale.clone().unwrap_or_default();
    let mut matches = one_per_review(matches);
    for found in &mut matches {
        map_rating(found, &scale);
    }
    matches.truncate(query.top);
    matches
}

/// Any of the terms in the statement or quote (claimant and tags weigh
/// less), within the folders asked for.
fn candidate_query(
    index: &ClaimIndex,
    terms: &HashSet<&str>,
    folders: &[PathBuf],
) -> Box<dyn TantivyQuery> {
    let f = &index.fields;
    let mut clauses: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
    for term in terms {
        clauses.push((Occur::Should, term_query(f.text, term)));
        let context = BoostQuery::new(term_query(f.context, term), CONTEXT_BOOST);
        clauses.push((Occur::Should, Box::new(context)));
    }
    let words: Box<dyn TantivyQuery> = Box::new(BooleanQuery::new(clauses));
    if folders.is_empty() {
        return words;
    }
    let within = folders
        .iter()
        .map(|folder| {
            let term = Term::from_field_text(f.folder, &folder.to_string_lossy());
            let query: Box<dyn TantivyQuery> =
                Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    let within: Box<dyn TantivyQuery> = Box::new(BooleanQuery::new(within));
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, words),
        (Occur::Must, within),
    ]))
}

fn term_query(field: tantivy::schema::Field, text: &str) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

fn matched(index: &ClaimIndex, doc: &TantivyDocument) -> Match {
    let f = &index.fields;
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    let verdict = text(f.verdict);
    Match {
        workspace: PathBuf::from(text(f.workspace)),
        claim: text(f.claim),
        statement: text(f.statement),
        quote: text(f.quote),
        claimant: text(f.claimant),
        verdict: (!verdict.is_empty()).then_some(verdict),
        verdict_label: text(f.verdict_label),
        date: text(f.date),
        score: 0.0,
        same_claim: false,
        another_copy: false,
        external: (text(f.external) == "1").then(|| {
            let number = |field| text(field).parse::<f64>().ok();
            Box::new(ExternalCheck {
                rating: text(f.rating),
                rating_value: number(f.rating_value),
                best: number(f.best),
                worst: number(f.worst),
                publisher: text(f.publisher),
                url: text(f.url),
                language: text(f.language),
                sources: vec![PathBuf::from(text(f.workspace))],
            })
        }),
    }
}

/// What the query is, for re-scoring: its analysis, its weighted terms
/// and its character n-grams.
#[derive(Clone, Copy)]
struct Wanted<'q> {
    analysis: &'q Analysis,
    weights: &'q BTreeMap<String, f64>,
    grams: &'q BTreeMap<&'q str, f64>,
    /// The query's embedding and its model, when one is configured.
    vector: Option<(&'q EmbeddingModel, &'q [f32])>,
}

/// Closeness to the statement, the quote or both, whichever is closest —
/// by whole terms and by character n-grams ([`combined`]) — times
/// agreement of numbers, years and actors with the whole claim.
fn rescore(
    wanted: Wanted,
    found: &Match,
    analyzer: &mut Analyzer,
    (idf, gram_idf): (&mut Idf, &mut Idf),
) -> f64 {
    let statement = analyzer.analyze(&found.statement);
    let quote = analyzer.analyze(&found.quote);
    let both = joined(&statement, &quote);
    let words = [&statement, &quote, &both]
        .into_iter()
        .map(|side| cosine(wanted.weights, &idf.weights(&side.terms)))
        .fold(0.0, f64::max);
    // The statement's n-grams, and when there is a quote that says more,
    // the quote's and both together (n-grams stay inside words, so those
    // of both are the sum of each's).
    let has_quote = !found.quote.trim().is_empty() && found.quote != found.statement;
    let of_statement = super::grams::weighted_grams(&found.statement);
    let of_quote = if has_quote {
        super::grams::weighted_grams(&found.quote)
    } else {
        Vec::new()
    };
    let mut sides = vec![super::grams::counts(&of_statement)];
    if has_quote {
        let quote = super::grams::counts(&of_quote);
        let mut both = sides[0].clone();
        for (gram, weight) in &quote {
            *both.entry(gram).or_insert(0.0) += weight;
        }
        sides.push(quote);
        sides.push(both);
    }
    let grams = sides
        .iter()
        .map(|side| super::grams::cosine(wanted.grams, side, |g| gram_idf.of(g)))
        .fold(0.0, f64::max);
    let agree = agreement(wanted.analysis, &both);
    // The embeddings vouch only for a candidate whose details do not
    // conflict with the query's: a near miss is left as it was.
    let semantic = wanted
        .vector
        .filter(|_| agree >= super::embedding::LIFT_MIN_AGREEMENT)
        .map(|(model, query)| semantic_closeness(model, query, found, has_quote));
    combined(words, grams, semantic) * agree
}

/// The embeddings' closeness to the statement, the quote or both,
/// whichever is closest (0 when the model knows none of their tokens).
fn semantic_closeness(
    model: &EmbeddingModel,
    query: &[f32],
    found: &Match,
    has_quote: bool,
) -> f64 {
    let both = has_quote.then(|| format!("{} {}", found.statement, found.quote));
    let mut sides = vec![found.statement.as_str()];
    if let Some(both) = &both {
        sides.push(found.quote.as_str());
        sides.push(both.as_str());
    }
    sides
        .into_iter()
        .filter_map(|side| model.embed(side))
        .map(|vector| model.closeness(query, &vector))
        .fold(0.0, f64::max)
}

/// One 0–1 closeness from the term cosine and the n-gram cosine: the
/// higher of the two. The n-grams lift a rewording whose words are other
/// forms of the check's ("Ukrainian" for "Ukraine", "reinfections" for
/// "infections", Russian forms of Ukrainian words). With a model, the
/// embeddings' closeness lifts it further ([`super::embedding::lifted`]).
/// Since none exceeds 1, a near miss's agreement factor caps it as before.
fn combined(words: f64, grams: f64, semantic: Option<f64>) -> f64 {
    let lexical = words.max(grams);
    match semantic {
        Some(semantic) => super::embedding::lifted(lexical, semantic),
        None => lexical,
    }
}

/// The analysis of a statement and a quote together, from theirs.
fn joined(statement: &Analysis, quote: &Analysis) -> Analysis {
    let mut actors = statement.actors.clone();
    actors.extend(
        quote
            .actors
            .iter()
            .filter(|a| !statement.actors.contains(a)),
    );
    Analysis {
        terms: [statement.terms.as_slice(), quote.terms.as_slice()].concat(),
        quantities: [statement.quantities.as_slice(), quote.quantities.as_slice()].concat(),
        actors,
        names_a_source: statement.names_a_source || quote.names_a_source,
        names: merged_names(&statement.names, &quote.names),
    }
}

/// The capitalised words of a statement and its quote together.
fn merged_names(
    statement: &super::names::Capitalised,
    quote: &super::names::Capitalised,
) -> super::names::Capitalised {
    let mut names = statement.clone();
    names.inside.extend(quote.inside.iter().cloned());
    names.first.extend(quote.first.iter().cloned());
    names.initials.extend(quote.initials.iter().cloned());
    names.title_case = statement.title_case;
    names
}

/// Cosine of two sets of terms weighted by IDF (summed in term order, so
/// that the same texts give the same bits in every run).
fn cosine(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> f64 {
    let norm = |m: &BTreeMap<String, f64>| m.values().map(|w| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let shared: f64 = a
        .iter()
        .filter_map(|(term, w)| b.get(term).map(|v| w * v))
        .sum();
    (shared / (na * nb)).clamp(0.0, 1.0)
}

/// Inverse document frequencies of the statement-and-quote terms among the
/// claims the query may find ([`Scope`]), looked up once per query.
struct Idf<'s> {
    scope: &'s Scope<'s>,
    field: tantivy::schema::Field,
    docs: f64,
    known: HashMap<String, f64>,
}

impl<'s> Idf<'s> {
    fn new(scope: &'s Scope<'s>, field: tantivy::schema::Field) -> Self {
        Idf {
            scope,
            field,
            docs: scope.docs() as f64,
            known: HashMap::new(),
        }
    }

    fn of(&mut self, term: &str) -> f64 {
        if let Some(&weight) = self.known.get(term) {
            return weight;
        }
        let df = self
            .scope
            .doc_freq(&Term::from_field_text(self.field, term)) as f64;
        let weight = (1.0 + ((self.docs - df).max(0.0) + 0.5) / (df + 0.5)).ln();
        self.known.insert(term.to_owned(), weight);
        weight
    }

    fn weights(&mut self, terms: &[String]) -> BTreeMap<String, f64> {
        terms.iter().map(|t| (t.clone(), self.of(t))).collect()
    }
}
