//! The one table of user actions: each has one label, one help text, at
//! most one shortcut (and an alternative) and a scope, all given by `match`
//! on the [`Action`] so that no action can be left out. Menus, buttons, the
//! shortcut handler and Help › Keyboard shortcuts all read them from here,
//! and [`Action::enabled`] says, from an [`ActionContext`], what can be done
//! now so that menus grey out the rest.

mod context;
mod keys;
pub mod menus;
mod span_move;

pub use context::{ActionContext, RightTab, Scope, Unmet};
pub use keys::{VERDICT_KEYS, pressed, verdict_key_pressed};
pub use span_move::SpanMove;

use crate::export::Format;
use crate::ui::services::settings::ThemeChoice;
use egui::{Key, KeyboardShortcut};
use keys::{COMMAND, COMMAND_SHIFT, NONE, SHIFT, key};
use std::borrow::Cow;

/// Something the user can ask the window to do. Its kinds
/// (`ActionKind`, without their data) are listed by `strum`, so a test can
/// tell that each is in the menus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(ActionKind), derive(strum::EnumIter))]
pub enum Action {
    New,
    Open,
    /// The n-th workspace (0-based) of File › Open recent.
    OpenRecent(usize),
    ClearRecent,
    Save,
    SaveAs,
    ImportArticle,
    /// Turns a Meedan Check export into workspaces, one per Check workspace.
    ImportCheckExport,
    NewArticleFromClipboard,
    /// Replaces the shown article's text by a newer version of it.
    UpdateArticle,
    /// Replaces the shown article's text by a newer version copied to the
    /// clipboard.
    UpdateArticleFromClipboard,
    /// Shows what changed between two versions of the shown article.
    CompareVersions,
    /// Shows the orphans of the shown article with the passages nearest to
    /// their old quotes.
    ShowOrphans,
    /// Turns the reader's edit mode on or off: correcting the article's
    /// text in place, the claims following each edit.
    EditArticleText,
    /// A transcript: scrolls to the cue said at a typed time (`12:03`) and
    /// selects it.
    GoToTime,
    /// A PDF or Word article: scrolls to where a typed page (`12`, `iv`)
    /// starts.
    GoToPage,
    /// A transcript: gives a speaker label (`SPEAKER_00`) a name, once for
    /// the whole article.
    RenameSpeaker,
    /// Shows what differs between another workspace file and this one.
    CompareWith,
    Export(Format),
    /// Turns "open the HTML report in the browser afterwards" on or off.
    ToggleOpenReportAfterExport,
    Quit,
    Undo,
    Redo,
    MarkClaim,
    DeleteClaim,
    /// Publishes the selected claim, approved by Preferences › Your name.
    PublishClaim,
    /// Attaches the selected orphaned claim to the text selection.
    ReattachClaim,
    /// Focuses the claims list's search box.
    Find,
    /// Opens the find bar over the article.
    FindInArticle,
    FindNext,
    FindPrevious,
    /// Moves the keyboard to the next pane (claims list → article →
    /// inspector) or back.
    NextPane,
    PreviousPane,
    CopySelection,
    ClearVerdict,
    /// Moves one end of the selected claim's quote a step.
    AdjustSpan(SpanMove),
    /// The reader's selection becomes the selected claim's quote.
    ReanchorToSelection,
    /// Opens the verdict picker: every verdict of the scale, by number or
    /// by typing part of its name (for scales of more than nine).
    PickVerdict,
    /// Edit › Verdict scale…: add, rename, recolour, reorder, remove.
    EditScale,
    NextClaim,
    PreviousClaim,
    ShowProblems,
    /// Lists the merge conflicts waiting to be settled.
    ShowConflicts,
    ArticleDetails,
    WorkspaceDetails,
    Theme(ThemeChoice),
    TextLarger,
    TextSmaller,
    TextReset,
    /// Shows a tab of the right panel.
    ShowTab(RightTab),
    Preferences,
    ShowShortcuts,
    About,
}

impl Action {
    /// Every action, in menu order (the order Help lists them), actions
    /// with data once per value: read from [`menus::MENUS`].
    pub fn all() -> &'static [Action] {
        menus::actions_in_menus()
    }

    /// What menus and Help call it.
    pub fn label(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Action::New => "New workspace",
            Action::Open => "Open…",
            Action::OpenRecent(n) => return Cow::Owned(format!("Recent workspace {}", n + 1)),
            Action::ClearRecent => "Clear the list",
            Action::Save => "Save",
            Action::SaveAs => "Save as…",
            Action::ImportArticle => "Import article…",
            Action::ImportCheckExport => "Import Meedan Check export…",
            Action::UpdateArticle => "Update to a newer version…",
            Action::CompareVersions => "Compare versions…",
            Action::UpdateArticleFromClipboard => "Update from the clipboard…",
            Action::EditArticleText => "Edit article text",
            Action::GoToTime => "Go to time…",
            Action::GoToPage => "Go to page…",
            Action::RenameSpeaker => "Rename speaker…",
            Action::ShowOrphans => "Orphans…",
            Action::NewArticleFromClipboard => "New article from clipboard…",
            Action::Export(Format::Html) => "HTML report…",
            Action::Export(Format::Markdown) => "Markdown…",
            Action::Export(Format::Csv) => "CSV…",
            Action::Export(Format::ClaimReview) => "ClaimReview JSON-LD…",
            Action::Export(Format::WebAnnotation) => "W3C Web Annotations…",
            Action::Export(Format::MediaReview) => "MediaReview JSON-LD…",
            Action::ToggleOpenReportAfterExport => "Open the HTML report in the browser afterwards",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::MarkClaim => "Mark claim",
            Action::ReattachClaim => "Re-attach claim to selection",
            Action::DeleteClaim => "Delete claim",
            Action::PublishClaim => "Publish claim",
            Action::Find => "Find claims",
            Action::FindInArticle => "Find in article…",
            Action::FindNext => "Find next",
            Action::FindPrevious => "Find previous",
            Action::NextPane => "Next pane",
            Action::PreviousPane => "Previous pane",
            Action::CopySelection => "Copy",
            Action::ClearVerdict => "Clear verdict",
            Action::AdjustSpan(step) => return Cow::Owned(step.label()),
            Action::ReanchorToSelection => "Re-anchor to selection",
            Action::PickVerdict => "Give a verdict…",
            Action::EditScale => "Verdict scale…",
            Action::NextClaim => "Next claim",
            Action::PreviousClaim => "Previous claim",
            Action::ShowProblems => "Problems…",
            Action::ShowConflicts => "Merge conflicts…",
            Action::CompareWith => "Compare with…",
            Action::ArticleDetails => "Article details…",
            Action::WorkspaceDetails => "Workspace details…",
            Action::Theme(ThemeChoice::System) => "Follow the system",
            Action::Theme(ThemeChoice::Light) => "Light",
            Action::Theme(ThemeChoice::Dark) => "Dark",
            Action::TextLarger => "Larger text",
            Action::TextSmaller => "Smaller text",
            Action::TextReset => "Default text size",
            Action::ShowTab(RightTab::Claim) => "Claim inspector",
            Action::ShowTab(RightTab::Sources) => "Source library",
            Action::Preferences => "Preferences…",
            Action::ShowShortcuts => "Keyboard shortcuts",
            Action::About => "About Factbench",
        })
    }

    /// What it does, for the shortcuts list and hover texts.
    pub fn help(&self) -> &'static str {
        match self {
            Action::New => "Start an empty workspace",
            Action::Open => "Open a workspace file (.ron)",
            Action::OpenRecent(_) => "Open a workspace listed in File › Open recent",
            Action::ClearRecent => "Forget the recently opened workspaces",
            Action::Save => "Save the workspace",
            Action::SaveAs => "Save the workspace to a new file",
            Action::ImportArticle => {
                "Add articles from text, Markdown or web-page files, or transcripts (WebVTT, SRT)"
            }
            Action::ImportCheckExport => {
                "Turn a Meedan Check export (a ZIP of its CSV files) into workspaces, one per Check workspace, its statuses mapped onto a verdict scale"
            }
            Action::UpdateArticle => {
                "Replace the article's text by a newer version from a file; every claim follows its text, or is kept as an orphan when its text is gone"
            }
            Action::UpdateArticleFromClipboard => {
                "Replace the article's text by a newer version copied to the clipboard; every claim follows its text, or is kept as an orphan when its text is gone"
            }
            Action::ShowOrphans => {
                "List the claims whose text is gone, with the passages of the text nearest to each"
            }
            Action::EditArticleText => {
                "Correct the article's text in place (a paste or OCR error); claims follow every edit, and Esc finishes"
            }
            Action::NewArticleFromClipboard => "Add an article from text copied elsewhere",
            Action::GoToPage => {
                "In a PDF or Word article, go to a page, as it is printed (12, iv) or by its number"
            }
            Action::GoToTime => {
                "In a transcript, go to what was said at a time (12:03 or 1:02:03) and select it"
            }
            Action::RenameSpeaker => {
                "In a transcript, give a speaker label such as SPEAKER_00 a name, everywhere in the article"
            }
            Action::Export(Format::Html) => {
                "Export the annotated report as one self-contained HTML file"
            }
            Action::Export(Format::Markdown) => {
                "Export the report as Markdown, for pasting into a CMS"
            }
            Action::Export(Format::Csv) => "Export one row per claim, for a spreadsheet",
            Action::Export(Format::ClaimReview) => {
                "Export schema.org ClaimReview markup for the rated claims"
            }
            Action::Export(Format::WebAnnotation) => {
                "Export the claims as W3C Web Annotations (JSON-LD)"
            }
            Action::Export(Format::MediaReview) => {
                "Export schema.org MediaReview markup for the rated claims about media"
            }
            Action::ToggleOpenReportAfterExport => {
                "After exporting the HTML report, open it in the default browser"
            }
            _ => self.help_editing_and_viewing(),
        }
    }

    /// [`Action::help`] for the Edit, Claim, View and Help menus' entries.
    fn help_editing_and_viewing(&self) -> &'static str {
        match self {
            Action::Quit => "Close Factbench",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::MarkClaim => "Mark the selected text as a claim",
            Action::CompareVersions => {
                "Show what changed between two versions of the article, sentence by sentence, with changed numbers listed"
            }
            Action::ReattachClaim => {
                "Attach the selected orphaned claim to the text selected in the article"
            }
            Action::DeleteClaim => "Delete the selected claim",
            Action::PublishClaim => {
                "Publish the selected claim (it needs a verdict and a rationale), approved by your name from Preferences"
            }
            Action::Find => "Search the claims list",
            Action::FindInArticle => {
                "Find a phrase in the shown article, whatever its case and accents"
            }
            Action::FindNext => "Go to the next match in the article",
            Action::FindPrevious => "Go to the previous match in the article",
            Action::NextPane => {
                "Move the keyboard to the next pane: claims list, article, inspector"
            }
            Action::PreviousPane => "Move the keyboard to the previous pane",
            Action::CopySelection => "Copy the selected article text",
            Action::ClearVerdict => "Remove the selected claim's verdict",
            Action::AdjustSpan(step) => step.help(),
            Action::ReanchorToSelection => {
                "Put the selected claim on the text selected in the article, keeping its verdict and notes"
            }
            Action::PickVerdict => {
                "Choose the selected claim's verdict from the whole scale, by number or by name"
            }
            Action::EditScale => {
                "Add, rename, recolour, reorder or remove the verdicts of this workspace"
            }
            Action::NextClaim => "Select the next claim in the list",
            Action::PreviousClaim => "Select the previous claim in the list",
            Action::ShowProblems => "List what is wrong in the workspace",
            Action::ShowConflicts => {
                "List the disagreements a merge left, to keep ours, theirs or an edit"
            }
            Action::CompareWith => {
                "Show what differs between another workspace file (a colleague's copy) and this one"
            }
            Action::ArticleDetails => {
                "Edit the shown article's title, outlet, author, URL and dates"
            }
            Action::WorkspaceDetails => "Edit the workspace's title, publisher and report URL",
            Action::Theme(ThemeChoice::System) => "Light or dark as the system is",
            Action::Theme(ThemeChoice::Light) => "Always the light look",
            Action::Theme(ThemeChoice::Dark) => "Always the dark look",
            Action::TextLarger => "Make the article text larger",
            Action::TextSmaller => "Make the article text smaller",
            Action::TextReset => "Reset the article text size",
            Action::ShowTab(RightTab::Claim) => "Show the selected claim in the right panel",
            Action::ShowTab(RightTab::Sources) => "Show the workspace's sources in the right panel",
            Action::Preferences => {
                "Your name, autosave, the claim library's folders and its optional embedding model"
            }
            Action::ShowShortcuts => "List every shortcut",
            Action::About => "Version and licences",
            _ => "",
        }
    }

    /// The shortcut shown in menus.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Action::New => key(COMMAND, Key::N),
            Action::Open => key(COMMAND, Key::O),
            Action::Save => key(COMMAND, Key::S),
            Action::SaveAs => key(COMMAND_SHIFT, Key::S),
            Action::ImportArticle => key(COMMAND, Key::I),
            Action::NewArticleFromClipboard => key(COMMAND_SHIFT, Key::V),
            Action::Export(Format::Html) => key(COMMAND, Key::E),
            Action::Quit => key(COMMAND, Key::Q),
            Action::Undo => key(COMMAND, Key::Z),
            Action::Redo => key(COMMAND_SHIFT, Key::Z),
            Action::MarkClaim => key(COMMAND, Key::M),
            Action::DeleteClaim => key(NONE, Key::Delete),
            Action::PublishClaim => key(COMMAND_SHIFT, Key::P),
            Action::Find => key(COMMAND_SHIFT, Key::F),
            Action::FindInArticle => key(COMMAND, Key::F),
            Action::FindNext => key(NONE, Key::F3),
            Action::FindPrevious => key(SHIFT, Key::F3),
            Action::NextPane => key(NONE, Key::F6),
            Action::PreviousPane => key(SHIFT, Key::F6),
            Action::CopySelection => key(COMMAND, Key::C),
            Action::ClearVerdict => key(NONE, Key::Num0),
            Action::AdjustSpan(step) => step.shortcut(),
            Action::ReanchorToSelection => key(COMMAND_SHIFT, Key::M),
            Action::PickVerdict => key(COMMAND, Key::R),
            Action::NextClaim => key(NONE, Key::J),
            Action::PreviousClaim => key(NONE, Key::K),
            Action::TextLarger => key(COMMAND, Key::Plus),
            Action::TextSmaller => key(COMMAND, Key::Minus),
            Action::TextReset => key(COMMAND, Key::Num0),
            Action::ShowTab(RightTab::Claim) => key(COMMAND_SHIFT, Key::I),
            Action::ShowTab(RightTab::Sources) => key(COMMAND_SHIFT, Key::L),
            Action::Preferences => key(COMMAND, Key::Comma),
            Action::ShowShortcuts => key(NONE, Key::F1),
            Action::EditArticleText => key(COMMAND_SHIFT, Key::E),
            Action::GoToTime => key(COMMAND, Key::G),
            Action::GoToPage => key(COMMAND_SHIFT, Key::G),
            Action::OpenRecent(_)
            | Action::ClearRecent
            | Action::UpdateArticle
            | Action::UpdateArticleFromClipboard
            | Action::CompareVersions
            | Action::ShowOrphans
            | Action::RenameSpeaker
            | Action::CompareWith
            | Action::ImportCheckExport
            | Action::ReattachClaim
            | Action::Export(_)
            | Action::ToggleOpenReportAfterExport
            | Action::ShowProblems
            | Action::ShowConflicts
            | Action::ArticleDetails
            | Action::WorkspaceDetails
            | Action::EditScale
            | Action::Theme(_)
            | Action::About => None,
        }
    }

    /// A second shortcut doing the same (Ctrl+Y for redo).
    pub fn alternative(&self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => key(COMMAND, Key::Y),
            Action::TextLarger => key(COMMAND, Key::Equals),
            _ => None,
        }
    }

    /// When its shortcuts apply.
    pub fn scope(&self) -> Scope {
        match self {
            Action::DeleteClaim
            | Action::CopySelection
            | Action::ClearVerdict
            | Action::AdjustSpan(_)
            | Action::NextClaim
            | Action::PreviousClaim => Scope::Reading,
            _ => Scope::Global,
        }
    }

    /// Whether it can be done now; menus grey out the rest.
    pub fn enabled(&self, cx: &ActionContext) -> bool {
        self.precondition(cx).is_ok()
    }

    /// Whether it can be done now, and if not, what to tell a user who asks
    /// for it anyway. Every way of asking (menu, button, shortcut) goes
    /// through this one check before the action runs.
    pub fn precondition(&self, cx: &ActionContext) -> Result<(), Unmet> {
        match self {
            Action::MarkClaim if !(cx.has_shown_article && cx.has_text_selection) => {
                Err(Unmet::Explained {
                    title: "Nothing to mark",
                    message: "Select a passage of the article first (drag over it, double-click a word, or Shift+arrow keys), then press Ctrl+M.",
                })
            }
            Action::ReanchorToSelection if reanchor_lacks_selection(cx) => Err(Unmet::Explained {
                title: "Nothing to re-anchor to",
                message: "Select the passage of the claim's own article that the claim should quote, then choose Re-anchor to selection.",
            }),
            _ if self.possible(cx) => Ok(()),
            _ => Err(Unmet::Quietly),
        }
    }

    /// Whether it can be done now, as far as the menus tell.
    fn possible(&self, cx: &ActionContext) -> bool {
        match self {
            Action::OpenRecent(n) => *n < cx.recent_count,
            Action::ClearRecent => cx.recent_count > 0,
            Action::Save => cx.dirty || !cx.has_path,
            Action::Undo => cx.can_undo,
            Action::Redo => cx.can_redo,
            Action::MarkClaim => cx.has_shown_article && cx.has_text_selection,
            Action::CopySelection => cx.has_text_selection,
            Action::DeleteClaim => cx.selected_claim_rated.is_some(),
            Action::PublishClaim => cx.selected_claim_rated == Some(true),
            Action::ClearVerdict => cx.selected_claim_rated == Some(true),
            Action::PickVerdict => cx.selected_claim_rated.is_some(),
            Action::AdjustSpan(_) => {
                cx.selected_claim_rated.is_some() && !cx.selected_claim_published
            }
            Action::ReanchorToSelection => {
                cx.selected_claim_shown
                    && cx.has_text_selection
                    && !cx.selected_claim_orphaned
                    && !cx.selected_claim_published
            }
            Action::NextClaim | Action::PreviousClaim => cx.has_claims,
            Action::ArticleDetails
            | Action::UpdateArticle
            | Action::UpdateArticleFromClipboard
            | Action::EditArticleText
            | Action::ShowOrphans
            | Action::FindInArticle
            | Action::FindNext
            | Action::FindPrevious => cx.has_shown_article,
            Action::CompareVersions => cx.shown_article_has_versions,
            Action::GoToTime | Action::RenameSpeaker => cx.shown_article_is_transcript,
            Action::GoToPage => cx.shown_article_has_pages,
            Action::ReattachClaim => {
                cx.selected_claim_orphaned && cx.has_shown_article && cx.has_text_selection
            }
            Action::New
            | Action::Open
            | Action::SaveAs
            | Action::ImportArticle
            | Action::ImportCheckExport
            | Action::NewArticleFromClipboard
            | Action::Export(_)
            | Action::ToggleOpenReportAfterExport
            | Action::Quit
            | Action::Find
            | Action::NextPane
            | Action::PreviousPane
            | Action::ShowProblems
            | Action::ShowConflicts
            | Action::CompareWith
            | Action::WorkspaceDetails
            | Action::EditScale
            | Action::Theme(_)
            | Action::TextLarger
            | Action::TextSmaller
            | Action::TextReset
            | Action::ShowTab(_)
            | Action::Preferences
            | Action::ShowShortcuts
            | Action::About => true,
        }
    }

    /// For an on/off or one-of-several choice, whether it is chosen now
    /// (menus show a check box or a radio button); `None` for the others.
    pub fn checked(&self, cx: &ActionContext) -> Option<bool> {
        match self {
            Action::ToggleOpenReportAfterExport => Some(cx.open_report_after_export),
            Action::Theme(choice) => Some(cx.theme == *choice),
            Action::ShowTab(tab) => Some(cx.right_tab == *tab),
            Action::EditArticleText => Some(cx.editing_text),
            _ => None,
        }
    }

    /// Whether Help › Keyboard shortcuts lists it: one line stands for the
    /// whole recent list.
    pub fn listed_in_help(&self) -> bool {
        !matches!(self, Action::OpenRecent(n) if *n > 0)
    }

    /// The shortcut as shown in menus (`Ctrl+M`), or empty.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// What the action does, and its shortcut if it has one: the hover text
    /// of a button that does it.
    pub fn tooltip(&self, ctx: &egui::Context) -> String {
        match self.shortcut_text(ctx) {
            keys if keys.is_empty() => self.help().to_owned(),
            keys => format!("{} ({keys})", self.help()),
        }
    }

    /// Both shortcuts, as Help lists them.
    pub fn shortcuts(&self) -> impl Iterator<Item = KeyboardShortcut> {
        [self.shortcut(), self.alternative()].into_iter().flatten()
    }
}

/// A claim that could be re-anchored is selected, but no text of its
/// article is.
fn reanchor_lacks_selection(cx: &ActionContext) -> bool {
    let movable = cx.selected_claim_rated.is_some()
        && !cx.selected_claim_published
        && !cx.selected_claim_orphaned;
    let has_target = cx.has_text_selection && cx.selected_claim_shown;
    movable && !has_target
}

#[cfg(test)]
mod tests;
