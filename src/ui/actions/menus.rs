//! The menus, as one table: the menu bar draws it, Help › Keyboard
//! shortcuts lists the actions in its order, and [`super::Action::all`] is
//! read from it — so an action is placed once, here. A test checks that
//! every kind of action is in it exactly once.

use super::{Action, RightTab, SpanMove};
use crate::export::Format;
use crate::ui::services::settings::{MAX_RECENT, ThemeChoice};
use std::sync::LazyLock;

/// One line of a menu.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry {
    Action(Action),
    Separator,
    /// A heading inside a menu (View › Theme).
    Heading(&'static str),
    Submenu(&'static str, &'static [Entry]),
    /// File › Open recent: the recent workspaces and *Clear recent*.
    Recent,
    /// View's line showing the article text's size.
    TextSize,
}

use Entry::{Action as A, Separator as Sep};

const EXPORT: &[Entry] = &[
    A(Action::Export(Format::Html)),
    A(Action::Export(Format::Markdown)),
    A(Action::Export(Format::Csv)),
    A(Action::Export(Format::ClaimReview)),
    A(Action::Export(Format::WebAnnotation)),
    A(Action::Export(Format::MediaReview)),
    Sep,
    A(Action::ToggleOpenReportAfterExport),
];

const FILE: &[Entry] = &[
    A(Action::New),
    A(Action::Open),
    Entry::Recent,
    Sep,
    A(Action::Save),
    A(Action::SaveAs),
    Sep,
    A(Action::ImportArticle),
    A(Action::NewArticleFromClipboard),
    A(Action::ImportCheckExport),
    A(Action::CompareWith),
    Entry::Submenu("Export", EXPORT),
    Sep,
    A(Action::Quit),
];

const ADJUST_QUOTE: &[Entry] = &[
    A(Action::ReanchorToSelection),
    Sep,
    A(Action::AdjustSpan(SpanMove::ALL[0])),
    A(Action::AdjustSpan(SpanMove::ALL[1])),
    A(Action::AdjustSpan(SpanMove::ALL[2])),
    A(Action::AdjustSpan(SpanMove::ALL[3])),
    A(Action::AdjustSpan(SpanMove::ALL[4])),
    A(Action::AdjustSpan(SpanMove::ALL[5])),
    A(Action::AdjustSpan(SpanMove::ALL[6])),
    A(Action::AdjustSpan(SpanMove::ALL[7])),
];

const EDIT: &[Entry] = &[
    A(Action::Undo),
    A(Action::Redo),
    Sep,
    A(Action::MarkClaim),
    A(Action::DeleteClaim),
    A(Action::PublishClaim),
    A(Action::ReattachClaim),
    A(Action::ClearVerdict),
    A(Action::PickVerdict),
    Entry::Submenu("Adjust quote", ADJUST_QUOTE),
    Sep,
    A(Action::CopySelection),
    A(Action::FindInArticle),
    A(Action::FindNext),
    A(Action::FindPrevious),
    A(Action::Find),
    A(Action::NextClaim),
    A(Action::PreviousClaim),
    Sep,
    A(Action::WorkspaceDetails),
    A(Action::EditScale),
    A(Action::ShowProblems),
    A(Action::ShowConflicts),
];

const ARTICLE: &[Entry] = &[
    A(Action::EditArticleText),
    Sep,
    A(Action::UpdateArticle),
    A(Action::UpdateArticleFromClipboard),
    A(Action::CompareVersions),
    A(Action::ShowOrphans),
    Sep,
    A(Action::GoToTime),
    A(Action::GoToPage),
    A(Action::RenameSpeaker),
    Sep,
    A(Action::ArticleDetails),
];

const VIEW: &[Entry] = &[
    Entry::Heading("Theme"),
    A(Action::Theme(ThemeChoice::System)),
    A(Action::Theme(ThemeChoice::Light)),
    A(Action::Theme(ThemeChoice::Dark)),
    Sep,
    Entry::TextSize,
    A(Action::TextLarger),
    A(Action::TextSmaller),
    A(Action::TextReset),
    Sep,
    A(Action::ShowTab(RightTab::Claim)),
    A(Action::ShowTab(RightTab::Sources)),
    A(Action::NextPane),
    A(Action::PreviousPane),
    Sep,
    A(Action::Preferences),
];

const HELP: &[Entry] = &[A(Action::ShowShortcuts), A(Action::About)];

/// The menu bar, left to right.
pub const MENUS: &[(&str, &[Entry])] = &[
    ("File", FILE),
    ("Edit", EDIT),
    ("Article", ARTICLE),
    ("View", VIEW),
    ("Help", HELP),
];

/// Every action in menu order, the recent workspaces once per place.
pub(super) fn actions_in_menus() -> &'static [Action] {
    static ALL: LazyLock<Vec<Action>> = LazyLock::new(|| {
        let mut all = Vec::new();
        for (_, entries) in MENUS {
            collect(entries, &mut all);
        }
        all
    });
    &ALL
}

fn collect(entries: &[Entry], into: &mut Vec<Action>) {
    for entry in entries {
        match entry {
            Entry::Action(action) => into.push(*action),
            Entry::Submenu(_, inner) => collect(inner, into),
            Entry::Recent => {
                into.extend((0..MAX_RECENT).map(Action::OpenRecent));
                into.push(Action::ClearRecent);
            }
            Entry::Separator | Entry::Heading(_) | Entry::TextSize => {}
        }
    }
}
