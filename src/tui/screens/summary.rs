//! The end of a session: what was done and when the next card comes.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use crate::schedule::format;
use crate::tui::app::App;
use crate::tui::layout::Areas;
use crate::tui::widgets::{bold, centered_lines};

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = &app.theme;
    let clock = app.session.clock();
    let s = &app.session.stats;
    let practice = app.session.mode == crate::session::drill::Mode::Practice;
    let row = |label: &str, value: Span<'static>| {
        Line::from(vec![
            Span::styled(format!("{label:<16}"), theme.muted),
            value,
        ])
    };
    let mut lines = vec![
        Line::from(Span::styled(
            if practice {
                "✓ Practice complete"
            } else {
                "✓ Session complete"
            },
            bold(theme.correct),
        )),
        Line::default(),
        row(
            "Cards",
            Span::styled(
                format!(
                    "{} · {}",
                    s.cards,
                    crate::display::plural(s.reviewed as usize, "answer")
                ),
                bold(theme.text),
            ),
        ),
        row(
            "Again",
            Span::styled(
                format!("✗ {}", s.again),
                if s.again > 0 { theme.wrong } else { theme.text },
            ),
        ),
        row(
            "Retention",
            Span::styled(
                s.retention().map_or("– (no reviews)".to_string(), |r| {
                    format!(
                        "{:.0}% of {}",
                        r * 100.0,
                        crate::display::plural(s.reviews as usize, "review")
                    )
                }),
                theme.text,
            ),
        ),
        row(
            "Time",
            Span::styled(
                format::elapsed(
                    app.session
                        .finished_at
                        .unwrap_or(clock.now())
                        .duration_since(app.session.started),
                ),
                theme.text,
            ),
        ),
    ];
    if practice {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Practice answers are logged; no card's schedule changed.",
            theme.muted,
        )));
    } else {
        lines.push(row(
            "Next card",
            Span::styled(app.session.next_due(), theme.accent),
        ));
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            "Progress is saved. Learning cards that come due appear here.",
            theme.muted,
        )));
    }
    centered_lines(lines, crate::tui::layout::message_area(areas), buf);
}
