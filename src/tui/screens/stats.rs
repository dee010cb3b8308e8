//! The statistics screen: the title row and the body `stats_view` built
//! for this width, scrolled.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::app::{App, StatsView};
use crate::tui::layout;
use crate::tui::widgets::bold;

pub fn render(app: &App, view: &StatsView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let title = Line::from(vec![
        Span::styled(" pyquiz", bold(t.accent)),
        Span::styled(" · statistics · ", t.muted),
        Span::styled(app.session.title.clone(), t.text),
    ]);
    let date = format!(" {} ", view.stats.today);
    let date_w = if (date.len() as u16) < area.width / 2 {
        buf.set_string(area.right() - date.len() as u16, area.y, &date, t.muted);
        date.len() as u16
    } else {
        0
    };
    title.render(Rect::new(area.x, area.y, area.width - date_w, 1), buf);
    buf.set_string(area.x, area.y + 1, "─".repeat(area.width as usize), t.muted);
    let b = layout::stats_body(area);
    for (row, line) in view
        .lines
        .iter()
        .skip(view.scroll as usize)
        .take(b.height as usize)
        .enumerate()
    {
        line.render(Rect::new(b.x, b.y + row as u16, b.width, 1), buf);
    }
}
