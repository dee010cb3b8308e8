//! The help overlay: the keys of the screen under it, in a box over the
//! screen. Scrolls when it does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::layout;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lines = app.help_lines(area.width);
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let width = (content_width + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let visible = layout::help_rows(lines.len(), area.height);
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = (app.help_scroll as usize).min(max_scroll);
    let (title, closing) = if max_scroll > 0 {
        let keys = keymap::scroll_label_for_help();
        (
            format!(
                " Keys {}–{} of {} ",
                scroll + 1,
                scroll + visible,
                lines.len()
            ),
            format!(" {keys} scroll · other keys close "),
        )
    } else {
        (" Keys ".to_string(), " any key closes ".to_string())
    };
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.accent)
        .title(Span::styled(
            title,
            theme.accent.add_modifier(Modifier::BOLD),
        ))
        .title_bottom(Line::from(Span::styled(closing, theme.muted)).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (i, line) in lines.into_iter().skip(scroll).take(visible).enumerate() {
        line.render(
            Rect::new(
                inner.x + 1,
                inner.y + i as u16,
                inner.width.saturating_sub(1),
                1,
            ),
            buf,
        );
    }
}
