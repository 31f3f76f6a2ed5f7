//! The optional embedding re-ranker's model: a *static* embedding — one
//! vector per token in a `[vocab × dim]` matrix — read from a folder the
//! user points to (Preferences › Library, `--embedding-model DIR`); never
//! downloaded. The folder (or one level of subfolders) holds a safetensors
//! file and a Hugging Face `tokenizer.json`: a Model2Vec model (tensor
//! `embeddings`, optional `weights` and `mapping`) or WordLlama (tensor
//! `embedding.weight`, fp16). A text's embedding is the mean of its
//! tokens' vectors (special and unknown tokens left out), L2-normalised.
//!
//! [`EmbeddingModel::closeness`] turns a cosine into a 0–1 closeness
//! above the model's own *floor*: static embeddings give statements on
//! the same topic a high cosine whatever they claim, so the floor is set
//! [`RELATED_SHARE`] of the way from the mean cosine of the built-in
//! unrelated statements ([`UNRELATED`], measured once when the model is
//! loaded) to 1. [`lifted`] then combines that closeness with the lexical
//! one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Largest weights file read (a 500,000-token, 1,024-dimension fp32
/// matrix is 2 GB).
const MAX_WEIGHTS_BYTES: u64 = 4 << 30;
/// Largest tokenizer file read.
const MAX_TOKENIZER_BYTES: u64 = 256 << 20;
/// Characters of a text embedded (a claim's statement and quote are far
/// shorter; a pasted article is cut).
const MAX_CHARS: usize = 4_000;
/// Tokens of a text averaged.
const MAX_TOKENS: usize = 512;
/// Tensor names of the matrix, by convention (Model2Vec, WordLlama).
const MATRIX_NAMES: [&str; 2] = ["embeddings", "embedding.weight"];

/// Statements about unrelated things, in the library's languages: the mean
/// cosine of their pairs is a model's floor (its "nothing in common").
const UNRELATED: [&str; 16] = [
    "The city council approved a new bus route to the airport",
    "Scientists found water ice near the moon's south pole",
    "The football club sold its stadium to a bank",
    "Inflation fell to its lowest level in three years",
    "A famous painter's lost work was discovered in an attic",
    "The vaccine causes infertility in young women",
    "Teachers went on strike over pensions",
    "The president was photographed with a celebrity chef",
    "Wildfires destroyed thousands of homes in the north",
    "A new law bans mobile phones in schools",
    "Правительство повысило пенсии учителям",
    "Учені знайшли нові види риб у Чорному морі",
    "在北京发现了一座古代寺庙",
    "Electric cars are more expensive to insure",
    "The singer cancelled her world tour",
    "Farmers blocked the motorway with tractors",
];

/// Why a model folder could not be used: the file (or folder) and what was
/// wrong with it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}: {what}", path.display())]
pub struct EmbeddingError {
    pub path: PathBuf,
    pub what: String,
}

fn error(path: &Path, what: impl Into<String>) -> EmbeddingError {
    EmbeddingError {
        path: path.to_owned(),
        what: what.into(),
    }
}

/// A loaded static embedding model.
pub struct EmbeddingModel {
    name: String,
    folder: PathBuf,
    tokenizer: tokenizers::Tokenizer,
    /// `rows × dim`, row-major.
    matrix: Vec<f32>,
    rows: usize,
    dim: usize,
    /// Row of each token id, when the model maps ids onto fewer rows
    /// (Model2Vec's `mapping`).
    mapping: Option<Vec<usize>>,
    /// Weight of each token id (Model2Vec's `weights`).
    token_weights: Option<Vec<f32>>,
    /// Ids never averaged: special tokens and the unknown token.
    skipped: HashSet<u32>,
    /// Mean cosine of [`UNRELATED`]'s pairs.
    unrelated: f64,
}

impl std::fmt::Debug for EmbeddingModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddingModel")
            .field("name", &self.name)
            .field("folder", &self.folder)
            .field("vocab", &self.vocab())
            .field("dim", &self.dim)
            .field("unrelated", &self.unrelated)
            .finish()
    }
}

impl EmbeddingModel {
    /// Reads the model in `folder`. Every failure names the file and what
    /// was wrong; nothing panics.
    pub fn load(folder: &Path) -> Result<Self, EmbeddingError> {
        if !folder.is_dir() {
            return Err(error(folder, "is not a folder"));
        }
        let weights_path = weights_file(folder)?;
        let tokenizer_path = tokenizer_file(folder)?;
        let tokenizer = read_tokenizer(&tokenizer_path)?;
        let bytes = read(&weights_path, MAX_WEIGHTS_BYTES)?;
        let tensors = safetensors::SafeTensors::deserialize(&bytes)
            .map_err(|e| error(&weights_path, format!("is not a safetensors file: {e}")))?;
        let (matrix, rows, dim) = read_matrix(&tensors, &weights_path)?;
        let vocab = tokenizer.get_vocab_size(true);
        let mapping = read_mapping(&tensors, &weights_path, vocab, rows)?;
        let token_weights = read_token_weights(&tensors, &weights_path, vocab)?;
        if mapping.is_none() && vocab > rows {
            return Err(error(
                &weights_path,
                format!(
                    "its matrix has {rows} rows but the tokenizer ({}) has {vocab} tokens",
                    tokenizer_path.display()
                ),
            ));
        }
        let mut skipped: HashSet<u32> = tokenizer
            .get_added_tokens_decoder()
            .into_iter()
            .filter(|(_, token)| token.special)
            .map(|(id, _)| id)
            .collect();
        for unknown in ["[UNK]", "<unk>", "<UNK>"] {
            skipped.extend(tokenizer.token_to_id(unknown));
        }
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| folder.display().to_string());
        let mut model = EmbeddingModel {
            name,
            folder: folder.to_owned(),
            tokenizer,
            matrix,
            rows,
            dim,
            mapping,
            token_weights,
            skipped,
            unrelated: 0.0,
        };
        model.unrelated = model.unrelated_cosine();
        Ok(model)
    }

    /// The model folder's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The folder it was read from.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Tokens the tokenizer knows.
    pub fn vocab(&self) -> usize {
        self.tokenizer.get_vocab_size(true)
    }

    /// Length of each vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// The cosine two unrelated statements have on average under this
    /// model.
    pub fn unrelated(&self) -> f64 {
        self.unrelated
    }

    /// The cosine at and below which the closeness is 0.
    pub fn floor(&self) -> f64 {
        self.unrelated + RELATED_SHARE * (1.0 - self.unrelated)
    }

    /// The text's embedding, L2-normalised; `None` when none of its tokens
    /// has a vector (or the tokenizer fails on it).
    pub fn embed(&self, text: &str) -> Option<Vec<f32>> {
        let text: String = text.chars().take(MAX_CHARS).collect();
        let encoding = self.tokenizer.encode_fast(text.as_str(), false).ok()?;
        let mut sum = vec![0f32; self.dim];
        let mut total = 0f32;
        for &id in encoding.get_ids().iter().take(MAX_TOKENS) {
            if self.skipped.contains(&id) {
                continue;
            }
            let Some(row) = self.row_of(id) else {
                continue;
            };
            let weight = self
                .token_weights
                .as_ref()
                .and_then(|w| w.get(id as usize).copied())
                .unwrap_or(1.0);
            let vector = &self.matrix[row * self.dim..(row + 1) * self.dim];
            for (s, v) in sum.iter_mut().zip(vector) {
                *s += weight * v;
            }
            total += weight;
        }
        if total <= 0.0 {
            return None;
        }
        let norm = sum.iter().map(|v| v * v).sum::<f32>().sqrt();
        if !norm.is_finite() || norm == 0.0 {
            return None;
        }
        sum.iter_mut().for_each(|v| *v /= norm);
        Some(sum)
    }

    fn row_of(&self, id: u32) -> Option<usize> {
        let row = match &self.mapping {
            Some(mapping) => *mapping.get(id as usize)?,
            None => id as usize,
        };
        (row < self.rows).then_some(row)
    }

    /// 0–1 closeness of two embeddings: their cosine above the model's
    /// floor, as a share of what lies above it.
    pub fn closeness(&self, a: &[f32], b: &[f32]) -> f64 {
        let floor = self.floor();
        ((cosine(a, b) - floor) / (1.0 - floor).max(1e-6)).clamp(0.0, 1.0)
    }

    /// Mean cosine of the pairs of [`UNRELATED`] the model can embed
    /// (0 when fewer than two).
    fn unrelated_cosine(&self) -> f64 {
        let vectors: Vec<Vec<f32>> = UNRELATED.iter().filter_map(|t| self.embed(t)).collect();
        let mut sum = 0.0;
        let mut pairs = 0usize;
        for (i, a) in vectors.iter().enumerate() {
            for b in &vectors[i + 1..] {
                sum += cosine(a, b);
                pairs += 1;
            }
        }
        if pairs == 0 {
            0.0
        } else {
            (sum / pairs as f64).clamp(0.0, 0.95)
        }
    }
}

/// Where closeness starts: this share of the way from the model's mean
/// cosine of unrelated statements to 1 (0.456 for WordLlama's, whose
/// unrelated statements average 0.029). Calibrated with WordLlama on the
/// tuning set and the labelled desk set (`docs/library.md`): from 0.42 to
/// 0.46 at [`SEMANTIC_WEIGHT`] 0.6 the figures do not move.
pub const RELATED_SHARE: f64 = 0.44;

/// How far the embeddings' closeness lifts the lexical closeness toward
/// itself when it is higher (1 would take it whole). Calibrated with
/// [`RELATED_SHARE`]: 0.5 to 0.65 give the same figures.
pub const SEMANTIC_WEIGHT: f64 = 0.6;

/// The lowest agreement factor at which the embeddings may lift a
/// candidate: "one side names more" (0.85). A candidate whose numbers,
/// years or actors conflict is scored as without a model, so a near miss
/// stays capped and can not climb over a better match.
pub const LIFT_MIN_AGREEMENT: f64 = 0.85;

/// The lexical closeness (terms, n-grams) lifted toward the embeddings'
/// closeness when that is higher; never lowered, never above 1, so the
/// agreement factor still caps a near miss below the threshold.
pub fn lifted(lexical: f64, semantic: f64) -> f64 {
    (lexical + SEMANTIC_WEIGHT * (semantic - lexical).max(0.0)).clamp(0.0, 1.0)
}

/// Cosine of two L2-normalised vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    f64::from(dot).clamp(-1.0, 1.0)
}

fn read(path: &Path, limit: u64) -> Result<Vec<u8>, EmbeddingError> {
    use crate::read_limited::ReadFailure;
    crate::read_limited::read_limited(path, limit).map_err(|failure| {
        let what = match failure {
            ReadFailure::NotFound => "does not exist".to_owned(),
            ReadFailure::IsDirectory => "is a folder, not a file".to_owned(),
            ReadFailure::NotRegular { kind } => ReadFailure::not_regular_message(kind),
            ReadFailure::TooLarge { size } => {
                format!("is {size} bytes, more than the {limit} read")
            }
            ReadFailure::Io(e) => format!("could not be read: {e}"),
        };
        error(path, what)
    })
}

/// The files in `folder` and its immediate subfolders, sorted.
fn files_within(folder: &Path) -> Result<Vec<PathBuf>, EmbeddingError> {
    let list = |dir: &Path| -> Result<Vec<PathBuf>, EmbeddingError> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| error(dir, format!("could not be listed: {e}")))?;
        Ok(entries.filter_map(Result::ok).map(|e| e.path()).collect())
    };
    let mut files = Vec::new();
    for path in list(folder)? {
        if path.is_dir() {
            files.extend(list(&path)?.into_iter().filter(|p| p.is_file()));
        } else if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// `model.safetensors`, else the one `.safetensors` file.
fn weights_file(folder: &Path) -> Result<PathBuf, EmbeddingError> {
    let files = files_within(folder)?;
    let named = |p: &PathBuf, name: &str| p.file_name().is_some_and(|n| n == name);
    if let Some(found) = files.iter().find(|p| named(p, "model.safetensors")) {
        return Ok(found.clone());
    }
    let candidates: Vec<&PathBuf> = files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "safetensors"))
        .collect();
    one_of(folder, &candidates, ".safetensors weights file")
}

/// `tokenizer.json`, else the one `.json` file whose name has "tokenizer".
fn tokenizer_file(folder: &Path) -> Result<PathBuf, EmbeddingError> {
    let files = files_within(folder)?;
    if let Some(found) = files
        .iter()
        .find(|p| p.file_name().is_some_and(|n| n == "tokenizer.json"))
    {
        return Ok(found.clone());
    }
    let candidates: Vec<&PathBuf> = files
        .iter()
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains("tokenizer"))
        })
        .collect();
    one_of(folder, &candidates, "tokenizer.json file")
}

fn one_of(folder: &Path, candidates: &[&PathBuf], what: &str) -> Result<PathBuf, EmbeddingError> {
    match candidates {
        [one] => Ok((*one).clone()),
        [] => Err(error(
            folder,
            format!("has no {what} (looked in the folder and its subfolders)"),
        )),
        several => Err(error(
            folder,
            format!(
                "has several candidates for {what}: {}",
                several
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

fn read_tokenizer(path: &Path) -> Result<tokenizers::Tokenizer, EmbeddingError> {
    let bytes = read(path, MAX_TOKENIZER_BYTES)?;
    if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
        return Err(error(
            path,
            format!(
                "is not JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        ));
    }
    tokenizers::Tokenizer::from_bytes(&bytes)
        .map_err(|e| error(path, format!("is not a Hugging Face tokenizer: {e}")))
}

/// The `[vocab × dim]` matrix: the tensor named by convention, else the
/// only two-dimensional one; as f32.
fn read_matrix(
    tensors: &safetensors::SafeTensors,
    path: &Path,
) -> Result<(Vec<f32>, usize, usize), EmbeddingError> {
    let mut names = tensors.names();
    names.sort();
    let chosen = MATRIX_NAMES
        .iter()
        .find(|n| names.contains(n))
        .map(|n| (*n).to_owned())
        .or_else(|| {
            let two_dims: Vec<&&str> = names
                .iter()
                .filter(|n| tensors.tensor(n).is_ok_and(|t| t.shape().len() == 2))
                .collect();
            (two_dims.len() == 1).then(|| (*two_dims[0]).to_owned())
        });
    let described = || {
        names
            .iter()
            .filter_map(|n| {
                tensors
                    .tensor(n)
                    .ok()
                    .map(|t| format!("{n} {:?}", t.shape()))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some(name) = chosen else {
        return Err(error(
            path,
            format!(
                "has no [vocab × dim] matrix named {} (nor a single two-dimensional tensor); it holds: {}",
                MATRIX_NAMES.join(" or "),
                described()
            ),
        ));
    };
    let tensor = tensors
        .tensor(&name)
        .map_err(|e| error(path, format!("tensor {name}: {e}")))?;
    let (rows, dim) = match tensor.shape() {
        [rows, dim] if *rows > 0 && *dim > 0 => (*rows, *dim),
        shape => {
            return Err(error(
                path,
                format!("tensor {name} has shape {shape:?}, not [vocab, dim]"),
            ));
        }
    };
    let values = floats(&tensor).map_err(|what| error(path, format!("tensor {name}: {what}")))?;
    if values.len() != rows * dim {
        return Err(error(
            path,
            format!(
                "tensor {name} holds {} values, not {rows} × {dim}",
                values.len()
            ),
        ));
    }
    if values.iter().any(|v| !v.is_finite()) {
        return Err(error(
            path,
            format!("tensor {name} holds NaN or infinite values"),
        ));
    }
    Ok((values, rows, dim))
}

/// A tensor's values as f32 (from F32, F16 or BF16, little-endian).
fn floats(tensor: &safetensors::tensor::TensorView) -> Result<Vec<f32>, String> {
    use safetensors::Dtype;
    let data = tensor.data();
    Ok(match tensor.dtype() {
        Dtype::F32 => data
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
        Dtype::F16 => data
            .chunks_exact(2)
            .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
            .collect(),
        Dtype::BF16 => data
            .chunks_exact(2)
            .map(|b| half::bf16::from_le_bytes([b[0], b[1]]).to_f32())
            .collect(),
        other => return Err(format!("is {other:?}, not F32, F16 or BF16")),
    })
}

/// Integers of a one-dimensional tensor (I64 or I32).
fn integers(tensor: &safetensors::tensor::TensorView) -> Result<Vec<i64>, String> {
    use safetensors::Dtype;
    let data = tensor.data();
    Ok(match tensor.dtype() {
        Dtype::I64 => data
            .chunks_exact(8)
            .map(|b| i64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
            .collect(),
        Dtype::I32 => data
            .chunks_exact(4)
            .map(|b| i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]])))
            .collect(),
        other => return Err(format!("is {other:?}, not I64 or I32")),
    })
}

/// Model2Vec's `mapping`: the matrix row of each token id.
fn read_mapping(
    tensors: &safetensors::SafeTensors,
    path: &Path,
    vocab: usize,
    rows: usize,
) -> Result<Option<Vec<usize>>, EmbeddingError> {
    let Ok(tensor) = tensors.tensor("mapping") else {
        return Ok(None);
    };
    let values = integers(&tensor).map_err(|what| error(path, format!("tensor mapping {what}")))?;
    if values.len() < vocab || values.iter().any(|&v| v < 0 || v as usize >= rows) {
        return Err(error(
            path,
            format!(
                "tensor mapping has {} entries for {vocab} tokens, or a row outside 0–{rows}",
                values.len()
            ),
        ));
    }
    Ok(Some(values.into_iter().map(|v| v as usize).collect()))
}

/// Model2Vec's `weights`: one weight per token id.
fn read_token_weights(
    tensors: &safetensors::SafeTensors,
    path: &Path,
    vocab: usize,
) -> Result<Option<Vec<f32>>, EmbeddingError> {
    let Ok(tensor) = tensors.tensor("weights") else {
        return Ok(None);
    };
    let values = floats(&tensor).map_err(|what| error(path, format!("tensor weights {what}")))?;
    if tensor.shape().len() != 1 || values.len() < vocab {
        return Err(error(
            path,
            format!(
                "tensor weights has shape {:?}, not [{vocab}]",
                tensor.shape()
            ),
        ));
    }
    Ok(Some(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_a_normalised_vector_with_itself_is_one() {
        let v = [0.6f32, 0.8];
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-6);
        assert!(cosine(&v, &[0.8, -0.6]).abs() < 1e-6);
    }
}
