//! The end of a mock interview: the verdicts, time per question, the
//! weakest topics, and the offer to drill what was not nailed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::display::{pad, truncate};
use crate::session::drill::{Mark, clock_face};
use crate::tui::app::App;
use crate::tui::layout::Areas;
use crate::tui::layout::message_area;
use crate::tui::widgets::bold;

pub fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(interview) = &app.session.interview else {
        return Vec::new();
    };
    let now = app.session.clock().now();
    let answered = &interview.answered;
    let count = |m: Mark| answered.iter().filter(|a| a.mark == m).count();
    let asked = answered.len() + app.session.drill.queue.len();
    let title = if interview.total_left(now) <= 0 && !app.session.drill.queue.is_empty() {
        Span::styled("⏱ Time is up: interview over", bold(theme.warning))
    } else {
        Span::styled("✓ Interview over", bold(theme.correct))
    };
    let mut lines = vec![
        Line::from(title),
        Line::default(),
        Line::from(vec![
            Span::styled(
                format!("{} of {asked} questions · ", answered.len()),
                theme.text,
            ),
            Span::styled(format!("✓ {} nailed", count(Mark::Nailed)), theme.correct),
            Span::styled(" · ", theme.muted),
            Span::styled(format!("~ {} partial", count(Mark::Partial)), theme.warning),
            Span::styled(" · ", theme.muted),
            Span::styled(format!("✗ {} missed", count(Mark::Missed)), theme.wrong),
        ]),
    ];
    let total_secs: u32 = answered.iter().map(|a| a.seconds).sum();
    if !answered.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "answer time {} · {} per question (limit {})",
                clock_face(i64::from(total_secs)),
                clock_face(i64::from(total_secs) / answered.len() as i64),
                clock_face(i64::from(interview.config.per_question)),
            ),
            theme.muted,
        )));
    }
    lines.push(Line::default());
    // `  1 question…  ✓ nailed  1:12`
    let question_width = width.saturating_sub(4 + 10 + 7).max(10);
    for (n, a) in answered.iter().enumerate() {
        let (symbol, style) = theme.mark(a.mark);
        let over = a.seconds > interview.config.per_question;
        let question = &crate::display::markdown_line(&app.session.records[a.index].question);
        lines.push(Line::from(vec![
            Span::styled(format!("{:>3} ", n + 1), theme.muted),
            Span::styled(
                pad(&truncate(question, question_width), question_width),
                theme.text,
            ),
            Span::styled(format!(" {symbol} {:<7}", a.mark.name()), style),
            Span::styled(
                format!("{:>6}", clock_face(i64::from(a.seconds))),
                if over { theme.wrong } else { theme.text },
            ),
        ]));
    }
    let weakest = interview.weakest_topics(|i| app.session.records[i].topics.clone());
    let weak: Vec<String> = weakest
        .iter()
        .filter(|(_, credit, _)| *credit < 1.0)
        .take(3)
        .map(|(t, credit, n)| format!("{} ({:.0}% of {n})", t.title(), credit * 100.0))
        .collect();
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Weakest topics: ", theme.muted),
        Span::styled(
            if weak.is_empty() {
                "none: every topic nailed".to_string()
            } else {
                weak.join(", ")
            },
            theme.text,
        ),
    ]));
    let to_drill = interview.to_drill().len();
    if to_drill > 0 {
        lines.push(Line::from(vec![
            Span::styled(
                crate::tui::keymap::key_for(crate::tui::action::Action::DrillMissed),
                bold(theme.accent),
            ),
            Span::styled(
                format!(
                    " drill the {to_drill} question{} not nailed now (practice, no schedule change)",
                    if to_drill == 1 { "" } else { "s" }
                ),
                theme.muted,
            ),
        ]));
    }
    lines
}

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let area = message_area(areas);
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    for (i, line) in lines(app, inner.width as usize)
        .into_iter()
        .take(inner.height as usize)
        .enumerate()
    {
        line.render(Rect::new(inner.x, inner.y + i as u16, inner.width, 1), buf);
    }
}
