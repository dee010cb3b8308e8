//! Plain-text table output that fits the terminal.

pub use crate::display::{pad, truncate};

/// Width to fit output into: the terminal's when stdout is one, else
/// `$COLUMNS`, else none (pipes get whole lines).
pub fn output_width() -> Option<usize> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size()
    {
        return Some(w as usize);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w| w > 0)
}
