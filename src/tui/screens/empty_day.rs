//! Nothing to study when the session opened: say why, when the next card
//! is due, and how to study anyway.

use ratatui::buffer::Buffer;
use ratatui::text::{Line, Span};

use super::summary::{body_area, next_due};
use crate::tui::app::App;
use crate::tui::draw::{bold, centered_lines};
use crate::tui::layout::Areas;

/// Why the queue is empty, in one sentence (`App::new` keeps it).
pub fn reason(app: &App) -> String {
    if app.records.is_empty() {
        return "No questions match these filters.".to_string();
    }
    let clock = app.clock();
    let done = app.store.done_today(&clock);
    let unseen = app
        .records
        .iter()
        .filter(|r| app.store.card(&r.id).is_none())
        .count();
    let limits = app.limits();
    if unseen > 0 && limits.new_per_day == 0 {
        "New cards are off today (new-per-day is 0), and no review is due.".to_string()
    } else if unseen > 0 && done.new >= limits.new_per_day {
        format!(
            "You have learned today's {} new cards (limit {}), and no review is due.",
            done.new, limits.new_per_day
        )
    } else if done.reviews >= limits.reviews_per_day {
        format!(
            "You have done today's {} reviews (limit {}).",
            done.reviews, limits.reviews_per_day
        )
    } else {
        "No card in this selection is due.".to_string()
    }
}

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = &app.theme;
    let commands: &[(&str, &str)] = if app.records.is_empty() {
        &[
            ("pyquiz topics", "the topics and their counts"),
            ("pyquiz list --search TEXT", "what a search finds"),
        ]
    } else {
        &[
            ("pyquiz --new 10", "10 more new cards now"),
            ("pyquiz --topic decorators", "another selection"),
            ("pyquiz config new-per-day 30", "a higher daily limit"),
        ]
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
        Line::from(Span::styled(app.empty_reason.clone(), theme.text)),
        Line::from(vec![
            Span::styled("Next card: ", theme.muted),
            Span::styled(next_due(app), theme.accent),
        ]),
        Line::default(),
        Line::from(Span::styled(
            if app.records.is_empty() {
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
    centered_lines(lines, body_area(areas), buf);
}
