//! Plain-text logic for showing and selecting article texts, with no
//! window in sight: splitting a text into paragraphs, what counts as one
//! character on screen (a base char with its combining marks, an emoji
//! sequence, a flag), what counts as a word, and the caret motions built
//! on them.
//!
//! Offsets are char offsets (Unicode scalar values), as everywhere in
//! Factbench; conversions go through a [`CharIndex`](crate::anchor::CharIndex)
//! the caller keeps, so none of these functions walks the text from its
//! start.

mod clusters;
mod paragraphs;
mod words;

pub use clusters::{next_cluster_boundary, prev_cluster_boundary};
pub use paragraphs::{Paragraph, em_width, paragraph_of_char, split_paragraphs};
pub use words::{CharCategory, word_around, word_end_after, word_start_before};
