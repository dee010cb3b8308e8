//! Keys as data: each binding names its keys, the action, when it applies,
//! and a description. The help overlay and the footer hints are generated
//! from this table, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::browse::BrowseAction;
use crate::schedule::Grade;
use crate::session::drill::{Mark, Mode};

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
        &[KeyCode::Char('a')],
        "a",
        Action::OtherAnswer,
        When::OtherAnswers,
        "Next source's answer (merged cards)",
        Some("other answers"),
    ),
    b(
        &[KeyCode::Char('u')],
        "u",
        Action::Undo,
        When::Always,
        "Undo today's last grade (the card comes back)",
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
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('/')],
            "/",
            Action::OpenBrowse,
            When::Always,
            "Browse and search the questions",
            Some("browse"),
        ),
    ),
    only(
        Modes::Graded,
        b(
            &[KeyCode::Char('t')],
            "t",
            Action::OpenStats,
            When::Always,
            "Statistics of this selection",
            Some("stats"),
        ),
    ),
    b(
        &[KeyCode::Char('?'), KeyCode::F(1)],
        "?/F1",
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
    if ctx.help {
        // Help scrolls with the scroll keys; every other key closes it
        // (never quits, never opens another screen).
        return Some(bound(help_bindings(), key.code, ctrl).unwrap_or(Action::CloseHelp));
    }
    match ctx.screen {
        Screen::Browse => browse_action(key, ctrl),
        Screen::Stats => bound(stats_bindings(), key.code, ctrl),
        Screen::Session if ctrl => None,
        Screen::Session => BINDINGS
            .iter()
            .find(|b| applies(b, ctx) && b.keys.contains(&key.code))
            .map(|b| b.action),
    }
}

fn browse_action(key: KeyEvent, ctrl: bool) -> Option<Action> {
    if let Some(b) = BROWSE_BINDINGS
        .iter()
        .find(|b| b.ctrl == ctrl && b.key == key.code)
    {
        return Some(Action::Browse(b.action));
    }
    match key.code {
        KeyCode::F(1) => Some(Action::ToggleHelp),
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            Some(Action::Browse(BrowseAction::Type(c)))
        }
        _ => None,
    }
}

/// The action of the first of `bindings` that has `key` (none with Ctrl).
fn bound<'a>(
    mut bindings: impl Iterator<Item = &'a Binding>,
    key: KeyCode,
    ctrl: bool,
) -> Option<Action> {
    bindings
        .find(|b| !ctrl && b.keys.contains(&key))
        .map(|b| b.action)
}

/// Lines one notch of the mouse wheel scrolls.
pub const WHEEL_LINES: u16 = 3;

/// The mouse wheel, one notch `down` or up, with the pointer over the
/// browser's preview pane or not.
pub fn action_for_wheel(down: bool, over_preview: bool, ctx: Ctx) -> Action {
    match ctx.screen {
        Screen::Browse if !ctx.help => Action::Browse(match (over_preview, down) {
            (true, true) => BrowseAction::PreviewDown,
            (true, false) => BrowseAction::PreviewUp,
            (false, true) => BrowseAction::Down,
            (false, false) => BrowseAction::Up,
        }),
        _ if down => Action::ScrollDown(WHEEL_LINES),
        _ => Action::ScrollUp(WHEEL_LINES),
    }
}

/// The help's line for the mouse wheel on a screen.
pub fn wheel_help(screen: Screen) -> (&'static str, &'static str) {
    match screen {
        Screen::Browse => (
            "wheel",
            "Move the selection, or scroll the preview under the pointer",
        ),
        Screen::Session | Screen::Stats => ("wheel", "Scroll"),
    }
}

/// Footer hints for the current state: `label description` pairs.
pub fn hints(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    if ctx.help {
        return help_bindings()
            .filter_map(|b| b.hint.map(|h| (short(b.label), h)))
            .collect();
    }
    match ctx.screen {
        Screen::Browse => BROWSE_BINDINGS
            .iter()
            .filter_map(|b| b.hint.map(|h| (b.label, h)))
            .collect(),
        Screen::Stats => stats_bindings()
            .filter_map(|b| b.hint.map(|h| (short(b.label), h)))
            .collect(),
        Screen::Session => BINDINGS
            .iter()
            .filter(|b| applies(b, ctx))
            .filter_map(|b| b.hint.map(|h| (short(b.label), h)))
            .collect(),
    }
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
        help_bindings()
            .find(|b| b.action == action)
            .map_or("", |b| short(b.label))
    };
    format!(
        "{}/{}",
        first(Action::ScrollDown(1)),
        first(Action::ScrollUp(1))
    )
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

/// The bindings of a screen for the help overlay.
pub fn help_for(ctx: Ctx) -> Vec<(&'static str, &'static str)> {
    match ctx.screen {
        Screen::Session => help(ctx.mode),
        Screen::Browse => {
            let mut all: Vec<_> = BROWSE_BINDINGS
                .iter()
                .map(|b| (b.label, b.description))
                .collect();
            all.push((
                "letters",
                "Type to search (fuzzy; ^x prefix, 'x exact, !x not)",
            ));
            all.push(("F1", "Show or hide this help"));
            all
        }
        Screen::Stats => stats_bindings().map(|b| (b.label, b.description)).collect(),
    }
}

/// A browser key: typing goes to the query, so commands use Ctrl or keys
/// that do not type.
#[derive(Debug, Clone)]
pub struct BrowseBinding {
    pub key: KeyCode,
    pub ctrl: bool,
    pub label: &'static str,
    pub action: BrowseAction,
    pub description: &'static str,
    pub hint: Option<&'static str>,
}

const fn bb(
    key: KeyCode,
    ctrl: bool,
    label: &'static str,
    action: BrowseAction,
    description: &'static str,
    hint: Option<&'static str>,
) -> BrowseBinding {
    BrowseBinding {
        key,
        ctrl,
        label,
        action,
        description,
        hint,
    }
}

pub const BROWSE_BINDINGS: &[BrowseBinding] = &[
    bb(
        KeyCode::Up,
        false,
        "↑",
        BrowseAction::Up,
        "Previous card",
        None,
    ),
    bb(
        KeyCode::Down,
        false,
        "↓",
        BrowseAction::Down,
        "Next card",
        Some("move"),
    ),
    bb(
        KeyCode::Char('p'),
        true,
        "Ctrl-P",
        BrowseAction::Up,
        "Previous card",
        None,
    ),
    bb(
        KeyCode::Char('n'),
        true,
        "Ctrl-N",
        BrowseAction::Down,
        "Next card",
        None,
    ),
    bb(
        KeyCode::PageUp,
        false,
        "PgUp",
        BrowseAction::PageUp,
        "A page up",
        None,
    ),
    bb(
        KeyCode::PageDown,
        false,
        "PgDn",
        BrowseAction::PageDown,
        "A page down",
        None,
    ),
    bb(
        KeyCode::Home,
        false,
        "Home",
        BrowseAction::Top,
        "First card",
        None,
    ),
    bb(
        KeyCode::End,
        false,
        "End",
        BrowseAction::Bottom,
        "Last card",
        None,
    ),
    bb(
        KeyCode::Backspace,
        false,
        "Bksp",
        BrowseAction::Backspace,
        "Delete a character",
        None,
    ),
    bb(
        KeyCode::Char('u'),
        true,
        "Ctrl-U",
        BrowseAction::ClearQuery,
        "Clear the search",
        None,
    ),
    bb(
        KeyCode::Tab,
        false,
        "Tab",
        BrowseAction::ToggleAnswers,
        "Search the answers too (or not)",
        Some("answers"),
    ),
    bb(
        KeyCode::Char('d'),
        true,
        "Ctrl-D",
        BrowseAction::CycleDifficulty,
        "Next difficulty filter",
        Some("level"),
    ),
    bb(
        KeyCode::Char('t'),
        true,
        "Ctrl-T",
        BrowseAction::CycleTopic,
        "Next topic filter",
        Some("topic"),
    ),
    bb(
        KeyCode::Char('o'),
        true,
        "Ctrl-O",
        BrowseAction::CycleSort,
        "Next sort order",
        Some("sort"),
    ),
    bb(
        KeyCode::Char('s'),
        true,
        "Ctrl-S",
        BrowseAction::ToggleSuspend,
        "Suspend or unsuspend the card",
        Some("suspend"),
    ),
    bb(
        KeyCode::Char('e'),
        true,
        "Ctrl-E",
        BrowseAction::PreviewDown,
        "Scroll the preview down",
        None,
    ),
    bb(
        KeyCode::Char('y'),
        true,
        "Ctrl-Y",
        BrowseAction::PreviewUp,
        "Scroll the preview up",
        None,
    ),
    bb(
        KeyCode::Enter,
        false,
        "Enter",
        BrowseAction::Practice,
        "Practise the listed cards from this one",
        Some("practise"),
    ),
    bb(
        KeyCode::Esc,
        false,
        "Esc",
        BrowseAction::Close,
        "Close the browser",
        Some("close"),
    ),
];

/// The scroll keys of every screen that scrolls as a whole (statistics,
/// help); one table, so they are the same everywhere.
pub const SCROLL_BINDINGS: &[Binding] = &[
    b(
        &[KeyCode::Char('j'), KeyCode::Down],
        "j/↓",
        Action::ScrollDown(1),
        When::Always,
        "Scroll down",
        Some("scroll"),
    ),
    b(
        &[KeyCode::Char('k'), KeyCode::Up],
        "k/↑",
        Action::ScrollUp(1),
        When::Always,
        "Scroll up",
        None,
    ),
    b(
        &[KeyCode::PageDown],
        "PgDn",
        Action::PageDown,
        When::Always,
        "Scroll down half a screen",
        None,
    ),
    b(
        &[KeyCode::PageUp],
        "PgUp",
        Action::PageUp,
        When::Always,
        "Scroll up half a screen",
        None,
    ),
    b(
        &[KeyCode::Home],
        "Home",
        Action::ScrollTop,
        When::Always,
        "Scroll to the top",
        None,
    ),
    b(
        &[KeyCode::End],
        "End",
        Action::ScrollBottom,
        When::Always,
        "Scroll to the end",
        None,
    ),
];

/// The statistics' own keys, after the scroll keys.
const STATS_KEYS: &[Binding] = &[
    b(
        &[KeyCode::Char('?'), KeyCode::F(1)],
        "?/F1",
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
        "Close the statistics",
        Some("close"),
    ),
];

/// The help overlay's own key, after the scroll keys; any other key closes
/// it too.
const HELP_KEYS: &[Binding] = &[b(
    &[
        KeyCode::Esc,
        KeyCode::Char('q'),
        KeyCode::Char('?'),
        KeyCode::F(1),
    ],
    "Esc/q/?/F1",
    Action::CloseHelp,
    When::Always,
    "Close the help (so does any other key)",
    Some("close help"),
)];

/// Every key of the statistics screen.
pub fn stats_bindings() -> impl Iterator<Item = &'static Binding> {
    SCROLL_BINDINGS.iter().chain(STATS_KEYS)
}

/// Every key while the help overlay is open.
pub fn help_bindings() -> impl Iterator<Item = &'static Binding> {
    SCROLL_BINDINGS.iter().chain(HELP_KEYS)
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
                "show answer",
                "scroll",
                "undo",
                "suspend",
                "bury",
                "browse",
                "stats",
                "help",
                "quit"
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
            Some(Action::Browse(BrowseAction::Type('q')))
        );
        assert_eq!(
            action_for(ctrl('o'), browse),
            Some(Action::Browse(BrowseAction::CycleSort))
        );
        assert_eq!(action_for(ctrl('c'), browse), Some(Action::Exit));
        assert_eq!(
            action_for(press(KeyCode::Esc), browse),
            Some(Action::Browse(BrowseAction::Close))
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

    #[test]
    fn the_wheel_scrolls_what_is_under_the_pointer() {
        let browse = Ctx {
            screen: Screen::Browse,
            ..Ctx::study(true, false)
        };
        let wheel = |down, preview, ctx| action_for_wheel(down, preview, ctx);
        assert_eq!(
            wheel(true, false, browse),
            Action::Browse(BrowseAction::Down)
        );
        assert_eq!(
            wheel(false, false, browse),
            Action::Browse(BrowseAction::Up)
        );
        assert_eq!(
            wheel(true, true, browse),
            Action::Browse(BrowseAction::PreviewDown)
        );
        assert_eq!(
            wheel(false, true, browse),
            Action::Browse(BrowseAction::PreviewUp)
        );
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
        for ctx in [stats, help] {
            for b in SCROLL_BINDINGS {
                for &k in b.keys {
                    assert_eq!(action_for(press(k), ctx), Some(b.action), "{k:?}");
                }
            }
        }
        // End was missing from the statistics (walkthrough §4.5).
        assert_eq!(
            action_for(press(KeyCode::End), stats),
            Some(Action::ScrollBottom)
        );
    }
}
