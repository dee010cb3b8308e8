//! Keys as data: each binding names its keys, the action, when it applies,
//! and a description. The help overlay and the footer hints are generated
//! from this table, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::Action;
use super::drill::{Mark, Mode};
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
    /// No card on screen (the session is over).
    Done,
}

/// Which sessions a binding belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modes {
    All,
    /// Study and practice (grades).
    Graded,
    Interview,
}

impl Modes {
    fn contains(self, mode: Mode) -> bool {
        match self {
            Modes::All => true,
            Modes::Graded => mode != Mode::Interview,
            Modes::Interview => mode == Mode::Interview,
        }
    }
}

/// What the keys apply to right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    pub mode: Mode,
    /// A card is on screen.
    pub card: bool,
    /// Its answer is shown.
    pub revealed: bool,
}

impl Ctx {
    pub fn study(card: bool, revealed: bool) -> Ctx {
        Ctx {
            mode: Mode::Study,
            card,
            revealed,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: &'static [KeyCode],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    pub when: When,
    pub modes: Modes,
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
        modes: Modes::All,
        description,
        hint,
    }
}

/// A binding of some sessions only.
const fn only(modes: Modes, binding: Binding) -> Binding {
    Binding { modes, ..binding }
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
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('1')],
            "1",
            Action::Grade(Grade::Again),
            When::Answer,
            "Again: forgot it",
            None,
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('2')],
            "2",
            Action::Grade(Grade::Hard),
            When::Answer,
            "Hard: recalled with effort",
            None,
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('3')],
            "3",
            Action::Grade(Grade::Good),
            When::Answer,
            "Good: recalled",
            None,
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('4')],
            "4",
            Action::Grade(Grade::Easy),
            When::Answer,
            "Easy: recalled at once",
            None,
        ),
    ),
    only(
        Modes::Interview,
        b(
            &[KeyCode::Char('1')],
            "1",
            Action::Mark(Mark::Missed),
            When::Answer,
            "Missed: could not answer",
            Some("missed"),
        ),
    ),
    only(
        Modes::Interview,
        b(
            &[KeyCode::Char('2')],
            "2",
            Action::Mark(Mark::Partial),
            When::Answer,
            "Partial: part of the answer",
            Some("partial"),
        ),
    ),
    only(
        Modes::Interview,
        b(
            &[KeyCode::Char('3')],
            "3",
            Action::Mark(Mark::Nailed),
            When::Answer,
            "Nailed: a full answer",
            Some("nailed"),
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char(' '), KeyCode::Enter],
            "Space/Enter",
            Action::Confirm,
            When::Answer,
            "Good (after the answer is shown)",
            Some("good"),
        ),
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
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('s')],
            "s",
            Action::Suspend,
            When::Card,
            "Suspend this card",
            Some("suspend"),
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('b')],
            "b",
            Action::Bury,
            When::Card,
            "Bury this card until tomorrow",
            Some("bury"),
        ),
    ),
    only(
        Modes::Interview,
        b(
            &[KeyCode::Char('d')],
            "d",
            Action::DrillMissed,
            When::Done,
            "Practise the questions not nailed",
            Some("drill missed"),
        ),
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

fn applies(b: &Binding, ctx: Ctx) -> bool {
    let when = match b.when {
        When::Always => true,
        When::Card => ctx.card,
        When::Question => ctx.card && !ctx.revealed,
        When::Answer => ctx.card && ctx.revealed,
        When::Done => !ctx.card,
    };
    when && b.modes.contains(ctx.mode)
}

/// The action for a key event, if any. Only presses count (no double
/// firing on release or repeat-as-release terminals); Ctrl-C quits.
pub fn action_for(key: KeyEvent, ctx: Ctx) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c')).then_some(Action::Quit);
    }
    BINDINGS
        .iter()
        .find(|b| applies(b, ctx) && b.keys.contains(&key.code))
        .map(|b| b.action)
}

/// Footer hints for the current state: `label description` pairs.
pub fn hints(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| applies(b, ctx))
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

/// The bindings of a session for the help overlay: `label`, `description`.
pub fn help(mode: Mode) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(mode))
        .map(|b| (b.label, b.description))
        .collect()
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
            action_for(press(KeyCode::Char(' ')), Ctx::study(true, false)),
            Some(Action::Reveal)
        );
        assert_eq!(
            action_for(press(KeyCode::Char(' ')), Ctx::study(true, true)),
            Some(Action::Confirm)
        );
        assert_eq!(
            action_for(press(KeyCode::Char('3')), Ctx::study(true, false)),
            None
        );
        assert_eq!(
            action_for(press(KeyCode::Char('1')), Ctx::study(true, true)),
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
        assert_eq!(action_for(release, Ctx::study(true, false)), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(ctrl_c, Ctx::study(true, false)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        let q: Vec<&str> = hints(Ctx::study(true, false)).iter().map(|h| h.1).collect();
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
        let a: Vec<&str> = hints(Ctx::study(true, true)).iter().map(|h| h.1).collect();
        assert_eq!(
            a,
            ["good", "scroll", "undo", "suspend", "bury", "help", "quit"]
        );
        let none: Vec<&str> = hints(Ctx::study(false, false))
            .iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(none, ["undo", "help", "quit"]);
        // Study lacks the 3 verdicts and drill; interviews the 4 grades,
        // Space=Good, suspend and bury.
        assert_eq!(help(Mode::Study).len() + 4, help(Mode::Interview).len() + 7);
        let interview = Ctx {
            mode: Mode::Interview,
            card: true,
            revealed: true,
        };
        let a: Vec<&str> = hints(interview).iter().map(|h| h.1).collect();
        assert_eq!(
            a,
            [
                "missed", "partial", "nailed", "scroll", "undo", "help", "quit"
            ]
        );
        assert_eq!(
            action_for(press(KeyCode::Char('3')), interview),
            Some(Action::Mark(Mark::Nailed))
        );
        let over = Ctx {
            card: false,
            ..interview
        };
        assert_eq!(
            action_for(press(KeyCode::Char('d')), over),
            Some(Action::DrillMissed)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_state() {
        let modes = [Mode::Study, Mode::Practice, Mode::Interview];
        for ctx in modes.into_iter().flat_map(|mode| {
            [(true, false), (true, true), (false, false)].map(|(card, revealed)| Ctx {
                mode,
                card,
                revealed,
            })
        }) {
            let mut seen = std::collections::HashSet::new();
            for b in BINDINGS.iter().filter(|b| applies(b, ctx)) {
                for k in b.keys {
                    assert!(seen.insert(format!("{k:?}")), "{k:?} bound twice");
                }
            }
        }
    }
}
