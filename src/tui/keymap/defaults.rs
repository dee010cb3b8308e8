//! Every key of every screen, one binding per line. The help overlay, the
//! footer hints and every key named on screen come from this table.
//!
//! Columns: the screens it works on, its keys, how help writes them, the
//! action, the description; then, where they apply, the state it needs
//! (`when`, study screen only), the sessions it belongs to (`modes`) and
//! its footer hint. Rows with no keys only describe (typing, the wheel).
//! Order matters: the help lists rows in this order, and the first row
//! that applies to a key wins.

use ratatui::crossterm::event::KeyCode::{
    self, Backspace, Char, Down, End, Enter, Esc, F, Home, PageDown, PageUp, Tab, Up,
};

use super::{Binding, Key, Modes, Screens, When, on};
use crate::schedule::Grade;
use crate::session::drill::Mark;
use crate::tui::action::Action;

const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: Char(c),
        ctrl: true,
    }
}

const S: Screens = Screens::SESSION;
const BR: Screens = Screens::BROWSE;
const ST: Screens = Screens::STATS;
const H: Screens = Screens::HELP;
/// Every screen that scrolls as a whole: the card, the statistics, help.
const SCROLLS: Screens = S.and(ST).and(H);

/// Lines one notch of the mouse wheel scrolls.
pub const WHEEL_LINES: u16 = 3;

#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    on(S,       &[k(Char(' ')), k(Enter)], "Space/Enter", Action::Reveal,               "Show the answer").when(When::Question),
    on(S,       &[k(Char('1'))],           "1",           Action::Grade(Grade::Again),  "Again: forgot it").when(When::Answer).modes(Modes::Graded),
    on(S,       &[k(Char('2'))],           "2",           Action::Grade(Grade::Hard),   "Hard: recalled with effort").when(When::Answer).modes(Modes::Graded),
    on(S,       &[k(Char('3'))],           "3",           Action::Grade(Grade::Good),   "Good: recalled").when(When::Answer).modes(Modes::Graded),
    on(S,       &[k(Char('4'))],           "4",           Action::Grade(Grade::Easy),   "Easy: recalled at once").when(When::Answer).modes(Modes::Graded),
    on(S,       &[k(Char('1'))],           "1",           Action::Mark(Mark::Missed),   "Missed: could not answer").when(When::Answer).modes(Modes::Interview).hint("missed"),
    on(S,       &[k(Char('2'))],           "2",           Action::Mark(Mark::Partial),  "Partial: part of the answer").when(When::Answer).modes(Modes::Interview).hint("partial"),
    on(S,       &[k(Char('3'))],           "3",           Action::Mark(Mark::Nailed),   "Nailed: a full answer").when(When::Answer).modes(Modes::Interview).hint("nailed"),
    on(S,       &[k(Char(' ')), k(Enter)], "Space/Enter", Action::Confirm,              "Good (after the answer is shown)").when(When::Answer).modes(Modes::Graded).hint("good"),
    on(SCROLLS, &[k(Char('j')), k(Down)],  "j/↓",         Action::ScrollDown(1),        "Scroll down").when(When::Scrolls).hint("scroll"),
    on(SCROLLS, &[k(Char('k')), k(Up)],    "k/↑",         Action::ScrollUp(1),          "Scroll up").when(When::Scrolls),
    on(SCROLLS, &[k(PageDown)],            "PgDn",        Action::PageDown,             "Scroll down half a screen").when(When::Scrolls),
    on(SCROLLS, &[k(PageUp)],              "PgUp",        Action::PageUp,               "Scroll up half a screen").when(When::Scrolls),
    on(SCROLLS, &[k(Home)],                "Home",        Action::ScrollTop,            "Scroll to the top").when(When::Scrolls),
    on(SCROLLS, &[k(End)],                 "End",         Action::ScrollBottom,         "Scroll to the end").when(When::Scrolls),
    on(S,       &[k(Char('a'))],           "a",           Action::OtherAnswer,          "Next source's answer (merged cards)").when(When::OtherAnswers).hint("other answers"),
    on(S,       &[k(Char('u'))],           "u",           Action::Undo,                 "Undo today's last grade (the card comes back)").hint("undo"),
    on(S,       &[k(Char('s'))],           "s",           Action::Suspend,              "Suspend this card").when(When::Card).modes(Modes::Graded).hint("suspend"),
    on(S,       &[k(Char('b'))],           "b",           Action::Bury,                 "Bury this card until tomorrow").when(When::Card).modes(Modes::Graded).hint("bury"),
    on(S,       &[k(Char('d'))],           "d",           Action::DrillMissed,          "Practise the questions not nailed").when(When::Drill).modes(Modes::Interview).hint("drill"),
    on(S,       &[k(Char('/'))],           "/",           Action::OpenBrowse,           "Browse and search the questions").modes(Modes::Graded).hint("browse"),
    on(S,       &[k(Char('t'))],           "t",           Action::OpenStats,            "Statistics of this selection").modes(Modes::Graded).hint("stats"),
    on(S.and(ST), &[k(Char('?')), k(F(1))], "?/F1",       Action::ToggleHelp,           "Show or hide this help").hint("help"),
    on(S,       &[k(Char('q')), k(Esc)],   "q/Esc",       Action::Quit,                 "Quit (progress is already saved)").hint("quit"),
    on(ST,      &[k(Char('q')), k(Esc)],   "q/Esc",       Action::Quit,                 "Close the statistics").hint("close"),
    on(BR,      &[k(Up)],                  "↑",           Action::SelectUp,        "Previous card"),
    on(BR,      &[k(Down)],                "↓",           Action::SelectDown,      "Next card").hint("move"),
    on(BR,      &[k(Enter)],               "Enter",       Action::PractiseListed,  "Practise the listed cards from this one").hint("practise"),
    on(BR,      &[ctrl('p')],              "Ctrl-P",      Action::SelectUp,        "Previous card"),
    on(BR,      &[ctrl('n')],              "Ctrl-N",      Action::SelectDown,      "Next card"),
    on(BR,      &[k(PageUp)],              "PgUp",        Action::SelectPageUp,    "A page up"),
    on(BR,      &[k(PageDown)],            "PgDn",        Action::SelectPageDown,  "A page down"),
    on(BR,      &[k(Home)],                "Home",        Action::SelectFirst,       "First card"),
    on(BR,      &[k(End)],                 "End",         Action::SelectLast,    "Last card"),
    on(BR,      &[k(Backspace)],           "Bksp",        Action::DeleteChar, "Delete a character"),
    on(BR,      &[ctrl('u')],              "Ctrl-U",      Action::ClearQuery, "Clear the search"),
    on(BR,      &[k(Tab)],                 "Tab",         Action::ToggleAnswers, "Search the answers too (or not)").hint("answers"),
    on(BR,      &[ctrl('d')],              "Ctrl-D",      Action::CycleDifficulty, "Next difficulty filter").hint("level"),
    on(BR,      &[ctrl('t')],              "Ctrl-T",      Action::CycleTopic, "Next topic filter").hint("topic"),
    on(BR,      &[ctrl('r')],              "Ctrl-R",      Action::CycleTopicBack,  "Previous topic filter"),
    on(BR,      &[ctrl('o')],              "Ctrl-O",      Action::CycleSort, "Next sort order").hint("sort"),
    on(BR,      &[ctrl('s')],              "Ctrl-S",      Action::ToggleSuspend, "Suspend or unsuspend the card").hint("suspend"),
    on(BR,      &[ctrl('e')],              "Ctrl-E",      Action::PreviewDown, "Scroll the preview down"),
    on(BR,      &[ctrl('y')],              "Ctrl-Y",      Action::PreviewUp, "Scroll the preview up"),
    on(BR,      &[k(Esc)],                 "Esc",         Action::CloseBrowse,     "Clear the search; close the browser when it is empty").hint("close"),
    on(BR,      &[],                       "letters",     Action::Type(' '), "Type to search (fuzzy; ^x prefix, 'x exact, !x not)"),
    on(BR,      &[k(F(1))],                "F1",          Action::ToggleHelp,           "Show or hide this help").hint("help"),
    on(S.and(ST), &[],                     "wheel",       Action::ScrollDown(WHEEL_LINES), "Scroll"),
    on(BR,      &[],                       "wheel",       Action::SelectDown,      "Move the selection, or scroll the preview under the pointer"),
    on(H,       &[k(Esc), k(Char('q')), k(Char('?')), k(F(1))], "Esc/q/?/F1", Action::CloseHelp, "Close the help (so does any other key)").hint("close help"),
];
