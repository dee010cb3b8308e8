//! Keys as data: one table (`defaults.rs`) of every screen's bindings,
//! each naming its screens, keys, action, when it applies and a
//! description. Key lookup, the help overlay, the footer hints and every
//! key named on screen read that table, so they cannot drift from what
//! the keys do.

mod defaults;

pub use defaults::{BINDINGS, WHEEL_LINES};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use crate::session::drill::Mode;

/// When a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Always,
    /// The question is shown, the answer not yet.
    Question,
    /// The answer is shown.
    Answer,
    /// The answer is shown, and other sources answer the question too.
    OtherAnswers,
    /// A card is on screen, question or answer.
    Card,
    /// A card is on screen and does not fit: there is something to scroll.
    Scrolls,
    /// The interview is over and some questions were not nailed.
    Drill,
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

/// Which screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// A session: study, practice or interview.
    #[default]
    Session,
    Browse,
    Stats,
}

/// What the keys apply to right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ctx {
    pub screen: Screen,
    pub mode: Mode,
    /// A card is on screen.
    pub card: bool,
    /// Its answer is shown.
    pub revealed: bool,
    /// It is merged from several sources' questions (more than one answer).
    pub others: bool,
    /// The help overlay is open over `screen` and has the keys.
    pub help: bool,
    /// The card on screen does not fit: it scrolls.
    pub scrolls: bool,
    /// After an interview: questions not nailed to drill.
    pub drill: bool,
}

impl Ctx {
    pub fn study(card: bool, revealed: bool) -> Ctx {
        Ctx {
            screen: Screen::Session,
            mode: Mode::Study,
            card,
            revealed,
            others: false,
            help: false,
            scrolls: card,
            drill: false,
        }
    }
}

/// The screens a binding works on (a set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screens(u8);

impl Screens {
    pub const SESSION: Screens = Screens(1);
    pub const BROWSE: Screens = Screens(2);
    pub const STATS: Screens = Screens(4);
    /// The help overlay, while it is open.
    pub const HELP: Screens = Screens(8);

    pub const fn and(self, other: Screens) -> Screens {
        Screens(self.0 | other.0)
    }

    pub const fn has(self, other: Screens) -> bool {
        self.0 & other.0 != 0
    }
}

impl Screen {
    fn screens(self) -> Screens {
        match self {
            Screen::Session => Screens::SESSION,
            Screen::Browse => Screens::BROWSE,
            Screen::Stats => Screens::STATS,
        }
    }
}

/// A key, with Ctrl held or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub screens: Screens,
    pub keys: &'static [Key],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    pub action: Action,
    /// What the study screen must show for it to apply.
    pub when: When,
    pub modes: Modes,
    pub description: &'static str,
    /// Shown in the footer (short description) when it applies.
    pub hint: Option<&'static str>,
}

/// A binding that applies always, in every session, with no footer hint.
pub const fn on(
    screens: Screens,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    description: &'static str,
) -> Binding {
    Binding {
        screens,
        keys,
        label,
        action,
        when: When::Always,
        modes: Modes::All,
        description,
        hint: None,
    }
}

impl Binding {
    pub const fn when(self, when: When) -> Binding {
        Binding { when, ..self }
    }

    pub const fn modes(self, modes: Modes) -> Binding {
        Binding { modes, ..self }
    }

    pub const fn hint(self, hint: &'static str) -> Binding {
        Binding {
            hint: Some(hint),
            ..self
        }
    }

    /// Whether it belongs to sessions of `mode`.
    pub fn modes_contain(&self, mode: Mode) -> bool {
        self.modes.contains(mode)
    }

    fn has(&self, code: KeyCode, ctrl: bool) -> bool {
        self.keys.iter().any(|k| k.code == code && k.ctrl == ctrl)
    }
}

/// The bindings that have the keys now: the help overlay's while it is
/// open, else the screen's; on the study screen, those whose state and
/// session match.
fn live(ctx: Ctx) -> impl Iterator<Item = &'static Binding> {
    let screens = if ctx.help {
        Screens::HELP
    } else {
        ctx.screen.screens()
    };
    BINDINGS
        .iter()
        .filter(move |b| b.screens.has(screens) && (ctx.help || applies(b, ctx)))
}

/// Whether a binding applies in this state (the study screen's `when` and
/// `modes`; other screens have no such state).
fn applies(b: &Binding, ctx: Ctx) -> bool {
    if ctx.screen != Screen::Session {
        return true;
    }
    let when = match b.when {
        When::Always => true,
        When::Card => ctx.card,
        When::Scrolls => ctx.card && ctx.scrolls,
        When::Drill => !ctx.card && ctx.drill,
        When::Question => ctx.card && !ctx.revealed,
        When::Answer => ctx.card && ctx.revealed,
        When::OtherAnswers => ctx.card && ctx.revealed && ctx.others,
        When::Done => !ctx.card,
    };
    when && b.modes.contains(ctx.mode)
}

/// The action for a key event, if any. Only presses count (no double
/// firing on release or repeat-as-release terminals); Ctrl-C quits and
/// Ctrl-Z puts the session in the background, on every screen.
pub fn action_for(key: KeyEvent, ctx: Ctx) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Exit);
    }
    if ctrl && key.code == KeyCode::Char('z') {
        return Some(Action::Background);
    }
    let bound = live(ctx).find(|b| b.has(key.code, ctrl)).map(|b| b.action);
    match bound {
        Some(action) => Some(action),
        // Help: every other key closes it (never quits, never opens
        // another screen).
        None if ctx.help => Some(Action::CloseHelp),
        // The browser: typing goes to the query.
        None if ctx.screen == Screen::Browse => match key.code {
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                Some(Action::Type(c))
            }
            _ => None,
        },
        None => None,
    }
}

/// The mouse wheel, one notch `down` or up, with the pointer over the
/// browser's preview pane or not.
pub fn action_for_wheel(down: bool, over_preview: bool, ctx: Ctx) -> Action {
    match ctx.screen {
        Screen::Browse if !ctx.help => match (over_preview, down) {
            (true, true) => Action::PreviewDown,
            (true, false) => Action::PreviewUp,
            (false, true) => Action::SelectDown,
            (false, false) => Action::SelectUp,
        },
        _ if down => Action::ScrollDown(WHEEL_LINES),
        _ => Action::ScrollUp(WHEEL_LINES),
    }
}

/// Footer hints for the current state: `label description` pairs.
pub fn hints(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    live(ctx)
        .filter_map(|b| b.hint.map(|h| (short(b.label), h)))
        .collect()
}

/// The first of a label's keys (`Space/Enter` → `Space`), for the footer.
fn short(label: &'static str) -> &'static str {
    label
        .split('/')
        .next()
        .filter(|first| !first.is_empty())
        .unwrap_or(label)
}

/// The help overlay's scroll keys, as its frame names them (`j/k`).
pub fn scroll_label_for_help() -> String {
    let first = |action| {
        BINDINGS
            .iter()
            .find(|b| b.screens.has(Screens::HELP) && b.action == action)
            .map_or("", |b| short(b.label))
    };
    format!(
        "{}/{}",
        first(Action::ScrollDown(1)),
        first(Action::ScrollUp(1))
    )
}

/// How the keys of the (first) study-screen binding for `action` are
/// written.
pub fn label_for(action: Action) -> Option<&'static str> {
    BINDINGS
        .iter()
        .find(|b| b.screens.has(Screens::SESSION) && b.action == action)
        .map(|b| b.label)
}

/// The first key of the study screen's binding for `action`, as the
/// footer writes it (`q` for `q/Esc`); `?` if none is bound.
pub fn key_for(action: Action) -> &'static str {
    label_for(action).map_or("?", short)
}

/// The bindings of a session for the help overlay: `label`, `description`.
pub fn help(mode: Mode) -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.screens.has(Screens::SESSION) && b.modes.contains(mode))
        .map(|b| (b.label, b.description))
        .collect()
}

/// The bindings of a screen for the help overlay.
pub fn help_for(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    match ctx.screen {
        Screen::Session => help(ctx.mode),
        screen => BINDINGS
            .iter()
            .filter(|b| b.screens.has(screen.screens()))
            .map(|b| (b.label, b.description))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::Grade;
    use crate::session::drill::Mark;
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
            Some(Action::Exit)
        );
        let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(ctrl_z, Ctx::study(true, false)),
            Some(Action::Background)
        );
    }

    #[test]
    fn hints_and_help_come_from_the_table() {
        let q: Vec<&str> = hints(Ctx::study(true, false)).iter().map(|h| h.1).collect();
        assert_eq!(
            q,
            [
                "scroll", "undo", "suspend", "bury", "browse", "stats", "help", "quit"
            ]
        );
        let a: Vec<&str> = hints(Ctx::study(true, true)).iter().map(|h| h.1).collect();
        assert_eq!(
            a,
            [
                "good", "scroll", "undo", "suspend", "bury", "browse", "stats", "help", "quit"
            ]
        );
        let none: Vec<&str> = hints(Ctx::study(false, false))
            .iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(none, ["undo", "browse", "stats", "help", "quit"]);
        // Study lacks the 3 verdicts and drill; interviews the 4 grades,
        // Space=Good, suspend, bury, browse and stats.
        assert_eq!(help(Mode::Study).len() + 4, help(Mode::Interview).len() + 9);
        let interview = Ctx {
            screen: Screen::Session,
            mode: Mode::Interview,
            card: true,
            revealed: true,
            others: false,
            help: false,
            scrolls: true,
            drill: true,
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
    fn browser_keys_type_unless_they_are_commands() {
        let browse = Ctx {
            screen: Screen::Browse,
            ..Ctx::study(true, false)
        };
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(
            action_for(press(KeyCode::Char('q')), browse),
            Some(Action::Type('q'))
        );
        assert_eq!(action_for(ctrl('o'), browse), Some(Action::CycleSort));
        assert_eq!(action_for(ctrl('c'), browse), Some(Action::Exit));
        assert_eq!(
            action_for(press(KeyCode::Esc), browse),
            Some(Action::CloseBrowse)
        );
        let hints: Vec<&str> = hints(browse).iter().map(|h| h.0).collect();
        assert!(hints.contains(&"Esc") && hints.contains(&"Tab"));
        assert_eq!(short("/"), "/");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_state() {
        let modes = [Mode::Study, Mode::Practice, Mode::Interview];
        for ctx in modes.into_iter().flat_map(|mode| {
            [(true, false), (true, true), (false, false)].map(|(card, revealed)| Ctx {
                screen: Screen::Session,
                mode,
                card,
                revealed,
                others: false,
                help: false,
                scrolls: true,
                drill: true,
            })
        }) {
            let mut seen = std::collections::HashSet::new();
            for b in live(ctx) {
                for k in b.keys {
                    assert!(seen.insert(format!("{k:?}")), "{k:?} bound twice");
                }
            }
        }
    }

    #[test]
    fn the_wheel_scrolls_what_is_under_the_pointer() {
        let browse = Ctx {
            screen: Screen::Browse,
            ..Ctx::study(true, false)
        };
        let wheel = |down, preview, ctx| action_for_wheel(down, preview, ctx);
        assert_eq!(wheel(true, false, browse), Action::SelectDown);
        assert_eq!(wheel(false, false, browse), Action::SelectUp);
        assert_eq!(wheel(true, true, browse), Action::PreviewDown);
        assert_eq!(wheel(false, true, browse), Action::PreviewUp);
        let help = Ctx {
            help: true,
            ..browse
        };
        assert_eq!(wheel(true, true, help), Action::ScrollDown(WHEEL_LINES));
        let study = Ctx::study(true, true);
        assert_eq!(wheel(false, true, study), Action::ScrollUp(WHEEL_LINES));
    }

    #[test]
    fn statistics_and_help_share_the_scroll_keys() {
        let stats = Ctx {
            screen: Screen::Stats,
            ..Ctx::study(true, false)
        };
        let help = Ctx {
            help: true,
            ..stats
        };
        let scroll_rows: Vec<_> = BINDINGS
            .iter()
            .filter(|b| b.screens.has(Screens::STATS) && b.screens.has(Screens::HELP))
            .collect();
        assert_eq!(scroll_rows.len(), 6);
        for ctx in [stats, help, Ctx::study(true, false)] {
            for b in &scroll_rows {
                for k in b.keys {
                    assert_eq!(action_for(press(k.code), ctx), Some(b.action), "{k:?}");
                }
            }
        }
        // End was missing from the statistics (walkthrough §4.5).
        assert_eq!(
            action_for(press(KeyCode::End), stats),
            Some(Action::ScrollBottom)
        );
    }

    #[test]
    fn footers_offer_only_what_a_key_would_do_now() {
        let fits = Ctx {
            scrolls: false,
            ..Ctx::study(true, false)
        };
        let shown: Vec<&str> = hints(fits).iter().map(|h| h.1).collect();
        assert!(!shown.contains(&"scroll"), "{shown:?}");
        // The room goes to keys that work before the reveal too.
        assert!(shown.contains(&"stats") && shown.contains(&"browse"));
        let over = Ctx {
            mode: Mode::Interview,
            card: false,
            drill: false,
            ..Ctx::study(false, false)
        };
        assert!(!hints(over).iter().any(|h| h.1 == "drill"));
        assert_eq!(action_for(press(KeyCode::Char('d')), over), None);
        let to_drill = Ctx {
            drill: true,
            ..over
        };
        assert!(hints(to_drill).iter().any(|h| h.1 == "drill"));
    }
}
