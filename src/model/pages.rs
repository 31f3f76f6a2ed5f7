//! The pages of an article read from a PDF or Word document: where each
//! page starts in the text ([`PageStart`], a char offset), kept beside the
//! text as a transcript's cues are. A claim's page ([`Location`]) is never
//! stored: it is found from its char span whenever it is shown.

use serde::{Deserialize, Serialize};

/// Where a page starts in the article text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageStart {
    /// The page's index, counted from 1.
    pub page: usize,
    /// Its printed label (`iv`, `12`), or the index as text.
    pub label: String,
    /// The char offset of its first char in the article text; a page
    /// without text starts where the next one does.
    pub start: usize,
}

/// The pages a span of text lies on: the page of its first char and of
/// its last (the same page for a span on one page or an empty span).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub page: usize,
    pub end_page: usize,
    pub page_label: String,
    pub end_page_label: String,
}

impl Location {
    /// `p. 12`, or `p. 12–13` across a page break (the printed labels).
    pub fn label(&self) -> String {
        if self.page == self.end_page {
            format!("p. {}", self.page_label)
        } else {
            format!("p. {}–{}", self.page_label, self.end_page_label)
        }
    }

    /// Whether the span runs over a page break.
    pub fn spans_pages(&self) -> bool {
        self.end_page != self.page
    }
}

/// The page the char at `offset` is on: the last page starting at or
/// before it (an empty page gives way to the page with text after it).
pub fn page_at(pages: &[PageStart], offset: usize) -> Option<&PageStart> {
    let after = pages.partition_point(|p| p.start <= offset);
    pages.get(after.checked_sub(1)?)
}

/// Where the chars `start..end` lie; `None` for a text without pages.
pub fn location(pages: &[PageStart], start: usize, end: usize) -> Option<Location> {
    let first = page_at(pages, start).or_else(|| pages.first())?;
    let last_char = end.saturating_sub(1).max(start);
    let last = page_at(pages, last_char).unwrap_or(first);
    Some(Location {
        page: first.page,
        end_page: last.page.max(first.page),
        page_label: first.label.clone(),
        end_page_label: if last.page > first.page {
            last.label.clone()
        } else {
            first.label.clone()
        },
    })
}

/// Follows an in-place edit of the text: the chars `start..end` became
/// `inserted` chars. A page starting at or before the edit stays; one
/// after it moves by the change in length; one inside the replaced chars
/// goes to the end of the new ones. Returns whether any start moved.
pub fn splice(pages: &mut [PageStart], start: usize, end: usize, inserted: usize) -> bool {
    let mut moved_any = false;
    for page in pages {
        let moved = match page.start {
            p if p <= start => p,
            p if p >= end => p - (end - start) + inserted,
            _ => start + inserted,
        };
        moved_any |= moved != page.start;
        page.start = moved;
    }
    moved_any
}

/// What is wrong with an article's page starts, for `factbench check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PageFault {
    /// The page starts after the end of the text.
    PastEnd { page: usize, start: usize },
    /// The page starts before the page ahead of it.
    OutOfOrder { page: usize },
    /// The page's index is not one more than the one ahead of it.
    Misnumbered { position: usize, page: usize },
}

impl std::fmt::Display for PageFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageFault::PastEnd { page, start } => {
                write!(
                    f,
                    "page {page} starts at char {start}, past the end of the text"
                )
            }
            PageFault::OutOfOrder { page } => {
                write!(f, "page {page} starts before the page ahead of it")
            }
            PageFault::Misnumbered { position, page } => write!(
                f,
                "the page start in place {} is numbered {page}, not {}",
                position + 1,
                position + 1
            ),
        }
    }
}

/// Every fault of `pages` against a text of `char_len` chars.
pub fn page_faults(pages: &[PageStart], char_len: usize) -> Vec<PageFault> {
    let mut faults = Vec::new();
    let mut previous = 0;
    for (position, p) in pages.iter().enumerate() {
        if p.page != position + 1 {
            faults.push(PageFault::Misnumbered {
                position,
                page: p.page,
            });
        }
        if p.start > char_len {
            faults.push(PageFault::PastEnd {
                page: p.page,
                start: p.start,
            });
        } else if p.start < previous {
            faults.push(PageFault::OutOfOrder { page: p.page });
        }
        previous = previous.max(p.start);
    }
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(starts: &[(usize, &str)]) -> Vec<PageStart> {
        starts
            .iter()
            .enumerate()
            .map(|(i, (start, label))| PageStart {
                page: i + 1,
                label: (*label).to_owned(),
                start: *start,
            })
            .collect()
    }

    #[test]
    fn a_span_is_on_the_pages_of_its_first_and_last_chars() {
        // Page 2 is empty: it starts where page 3 does.
        let p = pages(&[(0, "i"), (20, "ii"), (20, "1"), (40, "2")]);
        let at = |s, e| location(&p, s, e).map(|l| (l.page, l.end_page, l.label()));
        assert_eq!(at(0, 5), Some((1, 1, "p. i".into())));
        assert_eq!(at(19, 20), Some((1, 1, "p. i".into())));
        assert_eq!(at(20, 21), Some((3, 3, "p. 1".into())));
        assert_eq!(at(15, 25), Some((1, 3, "p. i–1".into())));
        assert_eq!(at(30, 45), Some((3, 4, "p. 1–2".into())));
        assert_eq!(at(41, 41), Some((4, 4, "p. 2".into())));
        assert_eq!(location(&[], 0, 3), None);
    }

    #[test]
    fn edits_move_the_pages_after_them() {
        let mut p = pages(&[(0, "1"), (10, "2"), (20, "3")]);
        assert!(splice(&mut p, 5, 5, 3));
        assert_eq!(p.iter().map(|p| p.start).collect::<Vec<_>>(), [0, 13, 23]);
        assert!(splice(&mut p, 12, 15, 1));
        assert_eq!(p.iter().map(|p| p.start).collect::<Vec<_>>(), [0, 13, 21]);
        assert!(!splice(&mut p, 25, 26, 1));
    }

    #[test]
    fn faults_name_the_page() {
        let mut p = pages(&[(0, "1"), (30, "2"), (10, "3"), (99, "4")]);
        p[3].page = 7;
        let faults: Vec<String> = page_faults(&p, 50).iter().map(|f| f.to_string()).collect();
        assert_eq!(
            faults,
            [
                "page 3 starts before the page ahead of it",
                "the page start in place 4 is numbered 7, not 4",
                "page 7 starts at char 99, past the end of the text",
            ]
        );
        assert!(page_faults(&pages(&[(0, "1"), (5, "2"), (5, "3")]), 5).is_empty());
    }
}
