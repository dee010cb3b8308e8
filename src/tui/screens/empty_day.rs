//! Nothing to study when the session opened: say why, when the next card
//! is due, and how to study anyway.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use crate::session::Empty;
use crate::tui::app::App;
use crate::tui::layout::Areas;
use crate::tui::layout::message_area;
use crate::tui::widgets::{bold, centered_lines};

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = &app.theme;
    // Only what would help here: the daily limits are the same for every
    // selection, so another selection would be just as empty.
    let practise = ("pyquiz practice", "practise without the schedule");
    let commands: &[(&str, &str)] = match app.session.empty {
        Some(Empty::NoMatch) | None => &[
            ("pyquiz topics", "the topics and their counts"),
            ("pyquiz list --search TEXT", "what a search finds"),
        ],
        Some(Empty::NewOff) => &[
            ("pyquiz --new 10", "10 new cards now"),
            ("pyquiz config new-per-day 20", "new cards every day"),
            practise,
        ],
        Some(Empty::NewDone) => &[
            ("pyquiz --new 10", "10 more new cards now"),
            ("pyquiz config new-per-day 30", "a higher daily limit"),
            practise,
        ],
        Some(Empty::ReviewsDone) => &[
            ("pyquiz config reviews-per-day 400", "a higher daily limit"),
            practise,
        ],
        Some(Empty::NothingDue) => &[practise, ("pyquiz browse", "look through the questions")],
    };
    let pad = commands.iter().map(|c| c.0.len()).max().unwrap_or(0) + 2;
    let cmd = |c: &str, what: &str| {
        Line::from(vec![
            Span::styled(format!("  {c:<pad$}"), theme.accent),
            Span::styled(what.to_string(), theme.muted),
        ])
    };
    let mut lines = vec![
        Line::from(Span::styled("Nothing to study right now", bold(theme.text))),
        Line::default(),
        Line::from(Span::styled(app.session.empty_reason.clone(), theme.text)),
        Line::from(vec![
            Span::styled("Next card: ", theme.muted),
            Span::styled(app.session.next_due(), theme.accent),
        ]),
        Line::default(),
        Line::from(Span::styled(
            if app.session.records.is_empty() {
                "To find a selection:"
            } else {
                "To study anyway:"
            },
            theme.text,
        )),
    ];
    let wide = (areas.body.width as usize) >= pad + 2 + 24;
    for &(c, what) in commands {
        if wide {
            lines.push(cmd(c, what));
        } else {
            lines.push(Line::from(Span::styled(format!("  {c}"), theme.accent)));
            lines.push(Line::from(Span::styled(format!("    {what}"), theme.muted)));
        }
    }
    centered_lines(lines, message_area(areas), buf);
}
