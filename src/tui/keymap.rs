//! Keys as data: each binding names its keys, the action, when it applies,
//! and a description. The help overlay and the footer hints are generated
//! from this table, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Action;
use crate::schedule::Grade;

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The question is shown, the answer not yet.
    Question,
    /// The answer is shown.
    Answer,
    /// A card is on screen, question or answer.
    Card,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    pub when: When,
    pub description: &'static str,
    /// Shown in the footer (short description) when it applies.
    pub hint: Option<&'static str>,
}

const fn b(
    keys: &'static [KeyCode],
    label: &'static str,
    action: Action,
    when: When,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        when,
        description,
        hint,
    }
}

pub const BINDINGS: &[Binding] = &[
    b(
        &[KeyCode::Char(' '), KeyCode::Enter],
        "Space/Enter",
        Action::Reveal,
        When::Question,
        "Show the answer",
        Some("show answer"),
    ),
    b(
        &[KeyCode::Char('1')],
        "1",
        Action::Grade(Grade::Again),
        When::Answer,
        "Again: forgot it",
        None,
    ),
    b(
        &[KeyCode::Char('2')],
        "2",
        Action::Grade(Grade::Hard),
        When::Answer,
        "Hard: recalled with effort",
        None,
    ),
    b(
        &[KeyCode::Char('3')],
        "3",
        Action::Grade(Grade::Good),
        When::Answer,
        "Good: recalled",
        None,
    ),
    b(
        &[KeyCode::Char('4')],
        "4",
        Action::Grade(Grade::Easy),
        When::Answer,
        "Easy: recalled at once",
        None,
    ),
    b(
        &[KeyCode::Char(' '), KeyCode::Enter],
        "Space/Enter",
        Action::Confirm,
        When::Answer,
        "Good (after the answer is shown)",
        Some("good"),
    ),
    b(
        &[KeyCode::Char('j'), KeyCode::Down],
        "j/↓",
        Action::ScrollDown(1),
        When::Card,
        "Scroll down",
        Some("scroll"),
    ),
    b(
        &[KeyCode::Char('k'), KeyCode::Up],
        "k/↑",
        Action::ScrollUp(1),
        When::Card,
        "Scroll up",
        None,
    ),
    b(
        &[KeyCode::PageDown],
        "PgDn",
        Action::PageDown,
        When::Card,
        "Scroll down half a screen",
        None,
    ),
    b(
        &[KeyCode::PageUp],
        "PgUp",
        Action::PageUp,
        When::Card,
        "Scroll up half a screen",
        None,
    ),
    b(
        &[KeyCode::Home],
        "Home",
        Action::ScrollTop,
        When::Card,
        "Scroll to the top",
        None,
    ),
    b(
        &[KeyCode::End],
        "End",
        Action::ScrollBottom,
        When::Card,
        "Scroll to the end",
        None,
    ),
    b(
        &[KeyCode::Char('u')],
        "u",
        Action::Undo,
        When::Always,
        "Undo the last grade (the card comes back)",
        Some("undo"),
    ),
    b(
        &[KeyCode::Char('s')],
        "s",
        Action::Suspend,
        When::Card,
        "Suspend this card",
        Some("suspend"),
    ),
    b(
        &[KeyCode::Char('b')],
        "b",
        Action::Bury,
        When::Card,
        "Bury this card until tomorrow",
        Some("bury"),
    ),
    b(
        &[KeyCode::Char('?')],
        "?",
        Action::ToggleHelp,
        When::Always,
        "Show or hide this help",
        Some("help"),
    ),
    b(
        &[KeyCode::Char('q'), KeyCode::Esc],
        "q/Esc",
        Action::Quit,
        When::Always,
        "Quit (progress is already saved)",
        Some("quit"),
    ),
];

fn applies(when: When, revealed: bool) -> bool {
    match when {
        When::Always | When::Card => true,
        When::Question => !revealed,
        When::Answer => revealed,
    }
}

/// The action for a key event, if any. Only presses count (no double
/// firing on release or repeat-as-release terminals); Ctrl-C quits.
pub fn action_for(key: KeyEvent, revealed: bool) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Action::Quit);
    }
    BINDINGS
        .iter()
        .find(|b| applies(b.when, revealed) && b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// Footer hints for the current state (`card`: a card is on screen):
/// `label description` pairs.
pub fn hints(revealed: bool, card: bool) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| applies(b.when, revealed) && (card || b.when == When::Always))
        .filter_map(|b| b.hint.map(|h| (short(b.label), h)))
        .collect()
}

/// The first of a label's keys (`Space/Enter` → `Space`), for the footer.
fn short(label: &'static str) -> &'static str {
    label.split('/').next().unwrap_or(label)
}

/// How the keys of the (first) binding for `action` are written.
pub fn label_for(action: Action) -> Option<&'static str> {
    BINDINGS
        .iter()
        .find(|b| b.action == action)
        .map(|b| b.label)
}

/// Every binding for the help overlay: `label`, `description`.
pub fn help() -> Vec<(&'static str, &'static str)> {
    BINDINGS.iter().map(|b| (b.label, b.description)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn space_reveals_then_confirms_good() {
        assert_eq!(
            action_for(press(KeyCode::Char(' ')), false),
            Some(Action::Reveal)
        );
        assert_eq!(
            action_for(press(KeyCode::Char(' ')), true),
            Some(Action::Confirm)
        );
        assert_eq!(action_for(press(KeyCode::Char('3')), false), None);
        assert_eq!(
            action_for(press(KeyCode::Char('1')), true),
            Some(Action::Grade(Grade::Again))
        );
    }

    #[test]
    fn releases_are_ignored_and_ctrl_c_quits() {
        let release = KeyEvent {
            code: KeyCode::Char('q'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        };
        assert_eq!(action_for(release, false), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(ctrl_c, false), Some(Action::Quit));
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        let q: Vec<&str> = hints(false, true).iter().map(|h| h.1).collect();
        assert_eq!(
            q,
            [
                "show answer",
                "scroll",
                "undo",
                "suspend",
                "bury",
                "help",
                "quit"
            ]
        );
        let a: Vec<&str> = hints(true, true).iter().map(|h| h.1).collect();
        assert_eq!(
            a,
            ["good", "scroll", "undo", "suspend", "bury", "help", "quit"]
        );
        let none: Vec<&str> = hints(false, false).iter().map(|h| h.1).collect();
        assert_eq!(none, ["undo", "help", "quit"]);
        assert_eq!(help().len(), BINDINGS.len());
    }

    #[test]
    fn no_key_is_bound_twice_in_one_state() {
        for revealed in [false, true] {
            let mut seen = std::collections::HashSet::new();
            for b in BINDINGS.iter().filter(|b| applies(b.when, revealed)) {
                for k in b.keys {
                    assert!(seen.insert(format!("{k:?}")), "{k:?} bound twice");
                }
            }
        }
    }
}
