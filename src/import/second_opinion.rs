//! A second extractor's opinion on a web page: the `trafilatura` crate
//! (a Rust port of go-trafilatura, after Adrien Barbaresi's Python
//! trafilatura), whose rules — XPath-like selectors for the main block,
//! paragraph-level pruning of boilerplate — are independent of
//! Readability's scoring. When the two extracts share almost no text, one
//! of them took another block of the page (a thread list, an author's bio
//! box, a teaser): the one that looks like the article by clear signals is
//! taken, and either way a warning says they disagreed. Its publication
//! date stands in when the page's own evidence gave none.

use super::blocks::{Candidate, MIN_BLOCK_CHARS, doubts, title_absent};
use super::dates::{credible, today};
use jiff::civil::Date;
use std::collections::HashSet;

/// Where a candidate from the second extractor comes from.
pub const SOURCE: &str = "trafilatura";

/// What the second extractor found on a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecondOpinion {
    /// Its main text, paragraphs separated by blank lines.
    pub text: String,
    /// Its publication date, if credible.
    pub published: Option<Date>,
}

/// Most paragraphs (`<p>` tags) a page may have for the second extractor
/// to read it: its time grows faster than the page (a 2 MB page of 8,000
/// paragraphs took it a second). The real pages of the tuning halves have
/// at most 409.
pub const MAX_PARAGRAPHS: usize = 1_500;

/// Most bytes a page may have for the second extractor to read it: the
/// budget's largest page (a 5 MB page of one line took it 1.3 s).
pub const MAX_BYTES: usize = 2_200_000;

/// Most table cells (`<td>`, `<th>` tags) a page may have for the second
/// extractor to read it: on a page of 50,000 cells (770 KB) it took
/// 430 ms, more than half of the import. The real pages of the tuning
/// halves have at most 7,121.
pub const MAX_CELLS: usize = 12_000;

/// Runs the second extractor over an (already bounded) page; nothing for
/// a page of more than [`MAX_PARAGRAPHS`] paragraphs, [`MAX_CELLS`] table
/// cells or [`MAX_BYTES`].
pub fn second_opinion(html: &str) -> SecondOpinion {
    if html.len() > MAX_BYTES
        || start_tags(html, &[b"p"]) > MAX_PARAGRAPHS
        || start_tags(html, &[b"td", b"th"]) > MAX_CELLS
    {
        return SecondOpinion::default();
    }
    // A third party's parser on any page: should it panic, the page is
    // read by Readability alone rather than the import failing.
    let extracted =
        std::panic::catch_unwind(|| trafilatura::extract(html, &trafilatura::Options::default()));
    let Ok(Ok(result)) = extracted else {
        return SecondOpinion::default();
    };
    let published = result
        .metadata
        .date
        // Written as ISO 8601 (`2022-05-05`), as jiff reads it.
        .and_then(|d| d.to_string().parse::<Date>().ok())
        .filter(|d| credible(*d, today()));
    SecondOpinion {
        text: paragraphs(&result.content_text),
        published,
    }
}

/// How many start tags of the given (lower-case) names a page has, in
/// any case.
fn start_tags(html: &str, names: &[&[u8]]) -> usize {
    let bytes = html.as_bytes();
    memchr::memchr_iter(b'<', bytes)
        .filter(|&at| {
            names.iter().any(|name| {
                let end = at + 1 + name.len();
                bytes
                    .get(at + 1..end)
                    .is_some_and(|tag| tag.eq_ignore_ascii_case(name))
                    && bytes
                        .get(end)
                        .is_some_and(|b| *b == b'>' || b.is_ascii_whitespace())
            })
        })
        .count()
}

/// Lines as paragraphs (blank lines between them), runs of spaces squeezed.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Chars in a shingle: long enough that two unrelated texts of a page
/// share few, short enough for a sentence of CJK text to hold many.
const SHINGLE_CHARS: usize = 12;

/// Below this share (percent) of either text's shingles found in the
/// other, the two extracts are taken to be different blocks. Measured on
/// the tuning half: under 20 %, 16 pages, in none of which both extracts
/// held the article.
pub const DISAGREE_PERCENT: usize = 20;

/// How many times shorter than an undoubted text the second extractor's
/// may be before its disagreement is no longer told: it then found a
/// fragment (its usual failure), not another block. On the tuning half,
/// the four such pages all had the article imported.
const FRAGMENT_FACTOR: usize = 3;

/// Least share (percent) of the chosen text's shingles the second
/// extractor's text must hold for the chosen text to be a part of it.
pub const PART_PERCENT: usize = 80;

/// Least chars the second extractor's text must have beyond the chosen
/// one's before the chosen one is taken for a part of the article: a few
/// paragraphs, more than an author box or a comment or two.
const PART_MISSING_CHARS: usize = 1_500;

/// Most chars of a chosen text short enough that a text twice as long
/// holding it is the article around it (an author's bio box of two
/// sentences taken for a short report).
const SHORT_TEXT_CHARS: usize = 500;

/// Whether `other` holds `text` and is much longer (three times, and by
/// [`PART_MISSING_CHARS`]; twice, for a short text): the chosen text is
/// then one section of an article laid out in several blocks (a code
/// listing and the step after it, one of a feature's text bands, the
/// author's box under a short report), and `other` the article.
fn holds_much_more(text: &str, other: &str, shared: usize) -> bool {
    let (chars, other_chars) = (text.chars().count(), other.chars().count());
    let long_enough = if chars < SHORT_TEXT_CHARS {
        other_chars >= chars * 2
    } else {
        other_chars >= chars * FRAGMENT_FACTOR && other_chars >= chars + PART_MISSING_CHARS
    };
    shared >= PART_PERCENT && long_enough
}

/// Least chars both texts need before they are compared.
const MIN_COMPARED_CHARS: usize = 100;

/// The greater share (percent) of one text's shingles found in the other:
/// 100 when one holds the other, near 0 for unrelated texts. Only letters
/// and digits count, lower case, so that layout and punctuation do not.
pub fn shared_percent(a: &str, b: &str) -> usize {
    let (a, b) = (shingles(a), shingles(b));
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let shared = a.intersection(&b).count();
    shared * 100 / a.len().min(b.len())
}

fn shingles(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let chars: Vec<char> = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    chars
        .windows(SHINGLE_CHARS)
        .map(|w| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
        .collect()
}

/// Held against the chosen text: when the second extractor's `other`
/// shares almost nothing with `candidates[chosen]`, either the chosen text
/// is kept with a warning or — when something on the page was already
/// doubted (`warnings` not empty) and `other` gives fewer doubts than the
/// chosen text ([`doubt_count`]) — `other` is taken. When `other` holds
/// the chosen text and much more ([`holds_much_more`]) and is no more
/// doubtful, it is taken: the chosen text was a part; and so it is when
/// the chosen text is almost empty. Returns the index to
/// import; `other` is added to `candidates` when it is long enough to pick.
pub fn weigh(
    candidates: &mut Vec<Candidate>,
    chosen: usize,
    warnings: &mut Vec<String>,
    other: &str,
    page_chars: usize,
    title: &str,
) -> usize {
    let other_chars = other.chars().count();
    if other_chars >= MIN_COMPARED_CHARS {
        candidates.push(Candidate {
            source: SOURCE,
            text: other.to_owned(),
        });
    }
    let text = &candidates[chosen].text;
    let text_chars = text.chars().count();
    let no_more_doubtful =
        || doubt_count(other, page_chars, title) <= doubt_count(text, page_chars, title);
    if text_chars < MIN_COMPARED_CHARS && other_chars >= MIN_BLOCK_CHARS && no_more_doubtful() {
        // What was said of the near-empty text no longer applies.
        warnings.clear();
        warnings.push(format!(
            "the main text was almost empty ({text_chars} characters); imported the text a second extractor (trafilatura) found"
        ));
        return candidates.len() - 1;
    }
    if other_chars < MIN_COMPARED_CHARS || text_chars < MIN_COMPARED_CHARS {
        return chosen;
    }
    let shared = shared_percent(text, other);
    if shared >= DISAGREE_PERCENT {
        if holds_much_more(text, other, shared) && no_more_doubtful() {
            return candidates.len() - 1;
        }
        return chosen;
    }
    if !warnings.is_empty()
        && doubt_count(other, page_chars, title) < doubt_count(text, page_chars, title)
    {
        let doubted = std::mem::take(warnings).join("; ");
        warnings.push(format!(
            "{doubted}; a second extractor (trafilatura) found another text, sharing {shared} % with it and less doubtful: imported that instead"
        ));
        return candidates.len() - 1;
    }
    if warnings.is_empty() && other_chars * FRAGMENT_FACTOR < text.chars().count() {
        return chosen;
    }
    warnings.push(format!(
        "a second extractor (trafilatura) found another text, sharing {shared} % with this one; it starts: {}",
        first_words(other)
    ));
    chosen
}

/// How many things look wrong with a text as the page's article: the
/// doubts of [`doubts`] (a notice, addresses, a sliver of a long page) and
/// a title none of whose words it holds.
fn doubt_count(text: &str, page_chars: usize, title: &str) -> usize {
    doubts(text, page_chars).len() + usize::from(title_absent(text, title).is_some())
}

/// The first words of a text, for a warning.
fn first_words(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    let more = text.split_whitespace().nth(12).is_some();
    format!("“{}{}”", words.join(" "), if more { " …" } else { "" })
}

#[cfg(test)]
#[path = "second_opinion_tests.rs"]
mod tests;
