//! Commands decoded from a stream of bytes, for the fuzz target and the
//! property tests: every byte string is a sequence of commands, some aimed
//! at things that exist, some at things that do not, with text in several
//! scripts. Nothing here is used by the window.

use super::command::{
    ArticleDetails, ArticleText, ClaimChange, ClaimText, Command, EvidenceText, SourceChange,
    SourceText, WorkspaceDetails,
};
use crate::model::{
    Article, ArticleId, ClaimId, Evidence, Priority, Source, SourceId, SourceKind, Stance, Status,
    Workspace,
};

const TEXTS: &[&str] = &[
    "",
    "a",
    "China supplies 40%",
    "Москва, 9 мая",
    "Київ",
    "习近平说",
    "👩‍👩‍👧 🇺🇦",
    "e\u{301}",
    " ",
    "line\nbreak",
];

/// Reads bytes one at a time; past the end, every read is 0.
struct Bytes<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn next(&mut self) -> u8 {
        let b = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::from(self.next()) % n
        }
    }

    fn text(&mut self) -> String {
        TEXTS[self.below(TEXTS.len())].to_owned()
    }
}

/// The next command `bytes` describes for `ws`, and how many bytes it took;
/// `None` once the bytes are used up.
pub fn next_command(ws: &Workspace, bytes: &[u8]) -> Option<(Command, usize)> {
    if bytes.is_empty() {
        return None;
    }
    let mut b = Bytes { bytes, at: 0 };
    let command = command(ws, &mut b);
    Some((command, b.at.min(bytes.len()).max(1)))
}

fn command(ws: &Workspace, b: &mut Bytes) -> Command {
    match b.next() % 12 {
        0 => {
            let article = article_id(ws, b);
            let len = ws.article(article).map_or(10, |a| a.char_len());
            let start = b.below(len + 2);
            let end = start + b.below(12);
            Command::MarkClaim {
                article,
                start,
                end,
            }
        }
        1..=4 => Command::EditClaim {
            claim: claim_id(ws, b),
            change: claim_change(ws, b),
        },
        5 => Command::DeleteClaim(claim_id(ws, b)),
        6 => Command::AddSource(Box::new(Source::new(b.text(), b.text(), SourceKind::Other))),
        7 => {
            let source = Source::new(b.text(), "", SourceKind::Dataset);
            Command::AddSourceAndCite {
                evidence: Box::new(evidence(source.id, b)),
                source: Box::new(source),
                claim: claim_id(ws, b),
            }
        }
        8 => edit_source(ws, b),
        9 => Command::DeleteSource(source_id(ws, b)),
        10 => {
            let n = b.below(3);
            let articles = (0..n).map(|_| Article::new(b.text(), b.text())).collect();
            Command::AddArticles(articles)
        }
        _ => details(ws, b),
    }
}

fn claim_change(ws: &Workspace, b: &mut Bytes) -> ClaimChange {
    let index = b.below(4);
    match b.next() % 11 {
        0 => ClaimChange::SetText {
            field: ClaimText::ALL[b.below(ClaimText::ALL.len())],
            text: b.text(),
        },
        1 => ClaimChange::AddTag(b.text()),
        2 => ClaimChange::RemoveTag(b.text()),
        3 => ClaimChange::SetStatus(Status::ALL[b.below(Status::ALL.len())]),
        4 => ClaimChange::SetPriority(Priority::ALL[b.below(Priority::ALL.len())]),
        5 => {
            let n = ws.scale.verdicts.len();
            let pick = b.below(n + 2);
            ClaimChange::SetVerdict(match pick {
                p if p < n => Some(ws.scale.verdicts[p].key.clone()),
                p if p == n => None,
                _ => Some("not-a-verdict".into()),
            })
        }
        6 => ClaimChange::Cite(evidence(source_id(ws, b), b)),
        7 => ClaimChange::Uncite(index),
        8 => ClaimChange::SetStance {
            evidence: index,
            stance: Stance::ALL[b.below(Stance::ALL.len())],
        },
        9 => ClaimChange::SetEvidenceText {
            evidence: index,
            field: if b.next().is_multiple_of(2) {
                EvidenceText::Excerpt
            } else {
                EvidenceText::Note
            },
            text: b.text(),
        },
        _ => ClaimChange::SetCorrectionNote {
            correction: index,
            note: b.text(),
        },
    }
}

fn evidence(source: SourceId, b: &mut Bytes) -> Evidence {
    Evidence {
        note: b.text(),
        ..Evidence::new(source, Stance::ALL[b.below(Stance::ALL.len())], b.text())
    }
}

fn edit_source(ws: &Workspace, b: &mut Bytes) -> Command {
    let source = source_id(ws, b);
    let change = if b.next().is_multiple_of(2) {
        SourceChange::SetText {
            field: SourceText::Title,
            text: b.text(),
        }
    } else {
        SourceChange::SetKind(SourceKind::ALL[usize::from(b.next()) % SourceKind::ALL.len()])
    };
    Command::EditSource { source, change }
}

fn details(ws: &Workspace, b: &mut Bytes) -> Command {
    if b.next().is_multiple_of(2) {
        let mut details = WorkspaceDetails::of(ws);
        details.title = b.text();
        return Command::EditWorkspace {
            details: Box::new(details),
            typing: None,
        };
    }
    let article = article_id(ws, b);
    let mut details = ws.article(article).map_or_else(
        || ArticleDetails::of(&Article::new("", "")),
        ArticleDetails::of,
    );
    details.outlet = b.text();
    Command::EditArticle {
        article,
        details: Box::new(details),
        typing: Some(ArticleText::Outlet),
    }
}

/// An id in the workspace, or (one time in a few) one that is not.
fn claim_id(ws: &Workspace, b: &mut Bytes) -> ClaimId {
    let i = b.below(ws.claims.len() + 1);
    ws.claims.get(i).map_or_else(ClaimId::new, |c| c.id)
}

fn article_id(ws: &Workspace, b: &mut Bytes) -> ArticleId {
    let i = b.below(ws.articles.len() + 1);
    ws.articles.get(i).map_or_else(ArticleId::new, |a| a.id)
}

fn source_id(ws: &Workspace, b: &mut Bytes) -> SourceId {
    let i = b.below(ws.sources.len() + 1);
    ws.sources.get(i).map_or_else(SourceId::new, |s| s.id)
}

/// Every command `bytes` describes, each decoded against the workspace as
/// the previous ones left it (so later commands can aim at new claims).
pub fn run_script(
    doc: &mut super::Document,
    bytes: &[u8],
    mut each: impl FnMut(&mut super::Document, Command),
) {
    let mut rest = bytes;
    while let Some((command, used)) = next_command(doc.workspace(), rest) {
        each(doc, command);
        rest = &rest[used..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_string_decodes_and_ends() {
        let ws = crate::sample::sample_workspace();
        for bytes in [&[][..], &[0], &[255; 64], &[1, 2, 3, 4, 5, 6, 7, 8, 9]] {
            let mut rest = bytes;
            let mut n = 0;
            while let Some((_, used)) = next_command(&ws, rest) {
                assert!(used >= 1);
                rest = &rest[used..];
                n += 1;
            }
            assert!(n <= bytes.len());
        }
    }

    #[test]
    fn the_decoder_reaches_every_kind_of_command() {
        let ws = crate::sample::sample_workspace();
        let mut kinds = std::collections::HashSet::new();
        for first in 0..=255u8 {
            for second in 0..4u8 {
                let bytes = [first, second, 3, 1, 2, 5];
                let (command, _) = next_command(&ws, &bytes).unwrap();
                kinds.insert(std::mem::discriminant(&command));
            }
        }
        assert_eq!(kinds.len(), 10, "every Command variant");
    }
}
