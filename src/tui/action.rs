//! The one seam between input and state: every key, mouse event and
//! terminal event becomes an `Action`, and `App::update` applies it.

use crate::schedule::Grade;
use crate::session::drill::Mark;

/// Everything a key, the mouse or the terminal can ask the session to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reveal,
    Grade(Grade),
    /// An interview verdict, once the answer is shown.
    Mark(Mark),
    /// At the end of an interview: practise the questions not nailed.
    DrillMissed,
    OpenBrowse,
    OpenStats,
    /// A key in the browser.
    Browse(super::browse::BrowseAction),
    /// `Space` after the reveal: Good.
    Confirm,
    /// A merged card: show the next source's answer.
    OtherAnswer,
    Undo,
    Suspend,
    Bury,
    ScrollDown(u16),
    ScrollUp(u16),
    ScrollTop,
    ScrollBottom,
    /// Half a screen down or up (`PgDn`/`PgUp`).
    PageDown,
    PageUp,
    ToggleHelp,
    /// Close the help overlay (any key but a scroll key, while it is open).
    CloseHelp,
    /// Leave this screen: quits the session, closes an overlay.
    Quit,
    /// `Ctrl-C`: quit the whole session from any screen.
    Exit,
    /// `Ctrl-Z`: give the terminal back and stop until resumed (the
    /// terminal loop does it; the session's state does not change).
    Background,
    /// The terminal has a new size.
    Resize(u16, u16),
    /// Time passed with no input: learning cards may have come due.
    Tick,
}
