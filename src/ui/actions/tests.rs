//! Tests of the action table: labels, shortcuts, scopes and menus.

use super::*;
use crate::ui::services::settings::MAX_RECENT;

fn all_shortcuts() -> Vec<(Action, KeyboardShortcut)> {
    Action::all()
        .iter()
        .flat_map(|a| a.shortcuts().map(move |s| (*a, s)))
        .collect()
}

#[test]
fn every_action_is_listed_once_with_a_label_and_help() {
    for (i, action) in Action::all().iter().enumerate() {
        assert!(!action.label().trim().is_empty(), "{action:?} has no label");
        assert!(!action.help().trim().is_empty(), "{action:?} has no help");
        assert!(
            !Action::all()[..i].contains(action),
            "{action:?} is listed twice"
        );
    }
    for format in Format::ALL {
        assert!(
            Action::all().contains(&Action::Export(format)),
            "{format:?}"
        );
    }
    for theme in [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark] {
        assert!(Action::all().contains(&Action::Theme(theme)), "{theme:?}");
    }
    for tab in [RightTab::Claim, RightTab::Sources] {
        assert!(Action::all().contains(&Action::ShowTab(tab)), "{tab:?}");
    }
    let recent: Vec<usize> = Action::all()
        .iter()
        .filter_map(|a| match a {
            Action::OpenRecent(n) => Some(*n),
            _ => None,
        })
        .collect();
    assert_eq!(recent, (0..MAX_RECENT).collect::<Vec<_>>());
}

#[test]
fn every_kind_of_action_is_in_the_menus() {
    use strum::IntoEnumIterator;
    for kind in ActionKind::iter() {
        assert!(
            Action::all().iter().any(|a| ActionKind::from(a) == kind),
            "{kind:?} is in no menu, so neither the menu bar nor Help shows it"
        );
    }
}

#[test]
fn a_shortcut_for_what_cannot_be_done_now_says_why_or_nothing() {
    let cx = ActionContext {
        has_shown_article: true,
        ..ActionContext::default()
    };
    match Action::MarkClaim.precondition(&cx) {
        Err(Unmet::Explained { title, message }) => {
            assert_eq!(title, "Nothing to mark");
            assert!(message.contains("Select a passage"));
        }
        other => panic!("marking with no selection: {other:?}"),
    }
    assert_eq!(Action::Undo.precondition(&cx), Err(Unmet::Quietly));
    let selected = ActionContext {
        has_text_selection: true,
        ..cx
    };
    assert_eq!(Action::MarkClaim.precondition(&selected), Ok(()));
    for action in Action::all() {
        assert_eq!(
            action.enabled(&selected),
            action.precondition(&selected).is_ok(),
            "{action:?}"
        );
    }
}

#[test]
fn labels_differ_so_menus_and_help_can_be_told_apart() {
    for (i, a) in Action::all().iter().enumerate() {
        for b in &Action::all()[..i] {
            assert_ne!(a.label(), b.label(), "{a:?} and {b:?}");
        }
    }
}

/// Shortcuts differing only in Alt count as the same (egui matches Ctrl+X
/// when Alt+Ctrl+X is pressed).
#[test]
fn no_two_actions_share_a_shortcut() {
    let shortcuts = all_shortcuts();
    for (i, (a, s)) in shortcuts.iter().enumerate() {
        for (b, t) in &shortcuts[..i] {
            let same = s.logical_key == t.logical_key
                && s.modifiers.shift == t.modifiers.shift
                && s.modifiers.command == t.modifiers.command;
            assert!(!same, "{a:?} and {b:?} share a shortcut");
        }
    }
}

#[test]
fn no_shortcut_takes_a_verdict_digit() {
    for (action, s) in all_shortcuts() {
        let plain_or_alt = !s.modifiers.command && !s.modifiers.ctrl && !s.modifiers.shift;
        assert!(
            !(plain_or_alt && VERDICT_KEYS.contains(&s.logical_key)),
            "{action:?} takes a verdict key"
        );
    }
}

#[test]
fn the_right_panel_tabs_preferences_and_themes_are_in_the_table() {
    assert!(Action::ShowTab(RightTab::Sources).shortcut().is_some());
    assert!(Action::ShowTab(RightTab::Claim).shortcut().is_some());
    assert!(Action::Preferences.shortcut().is_some());
    assert_eq!(Action::Preferences.label(), "Preferences…");
    assert_eq!(Action::ShowTab(RightTab::Sources).label(), "Source library");
}

#[test]
fn clear_verdict_needs_a_rated_claim_and_delete_any_claim() {
    let unrated = ActionContext {
        selected_claim_rated: Some(false),
        ..ActionContext::default()
    };
    assert!(!Action::ClearVerdict.enabled(&unrated));
    assert!(Action::DeleteClaim.enabled(&unrated));
    let rated = ActionContext {
        selected_claim_rated: Some(true),
        ..unrated
    };
    assert!(Action::ClearVerdict.enabled(&rated));
    let none = ActionContext::default();
    assert!(!Action::ClearVerdict.enabled(&none));
    assert!(!Action::DeleteClaim.enabled(&none));
}

#[test]
fn undo_redo_marking_and_copying_follow_the_context() {
    let idle = ActionContext {
        has_shown_article: true,
        ..ActionContext::default()
    };
    for action in [
        Action::Undo,
        Action::Redo,
        Action::MarkClaim,
        Action::CopySelection,
    ] {
        assert!(!action.enabled(&idle), "{action:?}");
    }
    let busy = ActionContext {
        can_undo: true,
        can_redo: true,
        has_text_selection: true,
        ..idle
    };
    for action in [
        Action::Undo,
        Action::Redo,
        Action::MarkClaim,
        Action::CopySelection,
    ] {
        assert!(action.enabled(&busy), "{action:?}");
    }
    let no_article = ActionContext {
        has_shown_article: false,
        ..busy
    };
    assert!(!Action::MarkClaim.enabled(&no_article));
    assert!(!Action::ArticleDetails.enabled(&no_article));
    assert!(Action::ArticleDetails.enabled(&busy));
}

#[test]
fn recent_entries_exist_only_for_remembered_files() {
    let two = ActionContext {
        recent_count: 2,
        ..ActionContext::default()
    };
    assert!(Action::OpenRecent(1).enabled(&two));
    assert!(!Action::OpenRecent(2).enabled(&two));
    assert!(Action::ClearRecent.enabled(&two));
    assert!(!Action::ClearRecent.enabled(&ActionContext::default()));
    let listed = Action::all().iter().filter(|a| a.listed_in_help()).count();
    assert_eq!(listed, Action::all().len() - (MAX_RECENT - 1));
}

#[test]
fn save_is_for_changes_or_untitled_work() {
    let saved = ActionContext {
        has_path: true,
        ..ActionContext::default()
    };
    assert!(!Action::Save.enabled(&saved));
    assert!(Action::Save.enabled(&ActionContext {
        dirty: true,
        ..saved
    }));
    assert!(Action::Save.enabled(&ActionContext::default()));
}

#[test]
fn choices_are_checked_from_the_context() {
    let cx = ActionContext {
        theme: ThemeChoice::Dark,
        open_report_after_export: false,
        right_tab: RightTab::Sources,
        ..ActionContext::default()
    };
    assert_eq!(Action::Theme(ThemeChoice::Dark).checked(&cx), Some(true));
    assert_eq!(Action::Theme(ThemeChoice::Light).checked(&cx), Some(false));
    assert_eq!(
        Action::ToggleOpenReportAfterExport.checked(&cx),
        Some(false)
    );
    assert_eq!(Action::ShowTab(RightTab::Sources).checked(&cx), Some(true));
    assert_eq!(Action::Save.checked(&cx), None);
}

#[test]
fn span_actions_need_a_selected_claim_and_re_anchoring_a_selection_beside_it() {
    let claim = ActionContext {
        selected_claim_rated: Some(false),
        ..ActionContext::default()
    };
    for step in SpanMove::ALL {
        assert!(!Action::AdjustSpan(step).enabled(&ActionContext::default()));
        assert!(Action::AdjustSpan(step).enabled(&claim), "{step:?}");
        assert_eq!(Action::AdjustSpan(step).scope(), Scope::Reading);
        assert!(Action::all().contains(&Action::AdjustSpan(step)));
    }
    assert!(Action::PickVerdict.enabled(&claim));
    assert!(!Action::PickVerdict.enabled(&ActionContext::default()));
    let selection_elsewhere = ActionContext {
        has_text_selection: true,
        ..claim
    };
    assert!(!Action::ReanchorToSelection.enabled(&selection_elsewhere));
    let beside = ActionContext {
        selected_claim_shown: true,
        ..selection_elsewhere
    };
    assert!(Action::ReanchorToSelection.enabled(&beside));
    // A published quote stays where it was published.
    let published = ActionContext {
        selected_claim_published: true,
        ..beside
    };
    assert!(!Action::ReanchorToSelection.enabled(&published));
    assert!(!Action::AdjustSpan(SpanMove::ALL[0]).enabled(&published));
    assert!(Action::PickVerdict.enabled(&published));
    let labels: std::collections::HashSet<_> = SpanMove::ALL
        .iter()
        .map(|s| Action::AdjustSpan(*s).label())
        .collect();
    assert_eq!(labels.len(), 8, "every move has its own label");
}
