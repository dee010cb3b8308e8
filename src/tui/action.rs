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
    /// The browser: a character typed into its query.
    Type(char),
    /// The browser: the query's last character deleted.
    DeleteChar,
    ClearQuery,
    SelectUp,
    SelectDown,
    SelectPageUp,
    SelectPageDown,
    SelectFirst,
    SelectLast,
    /// Search the answers too (or not).
    ToggleAnswers,
    CycleDifficulty,
    CycleTopic,
    /// The topic filter before this one.
    CycleTopicBack,
    CycleSort,
    /// Suspend or unsuspend the browser's selected card.
    ToggleSuspend,
    /// Practise what the browser lists, from the selected card on.
    PractiseListed,
    PreviewDown,
    PreviewUp,
    CloseBrowse,
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
    /// A key with nothing bound to it here: it does nothing but clear the
    /// last message.
    Unbound,
}

impl Action {
    /// An action only the browser takes.
    pub fn is_browse(self) -> bool {
        matches!(
            self,
            Action::Type(_)
                | Action::DeleteChar
                | Action::ClearQuery
                | Action::SelectUp
                | Action::SelectDown
                | Action::SelectPageUp
                | Action::SelectPageDown
                | Action::SelectFirst
                | Action::SelectLast
                | Action::ToggleAnswers
                | Action::CycleDifficulty
                | Action::CycleTopic
                | Action::CycleTopicBack
                | Action::CycleSort
                | Action::ToggleSuspend
                | Action::PractiseListed
                | Action::PreviewDown
                | Action::PreviewUp
                | Action::CloseBrowse
        )
    }
}
