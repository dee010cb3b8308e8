//! The help overlay: every key binding with its description, generated
//! from the keymap, in a box over the screen. Scrolls when it does not fit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::keymap;

/// Bindings that are not keys.
const MOUSE: (&str, &str) = ("wheel", "Scroll (mouse)");

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut entries = keymap::help_for(context(app));
    entries.push(MOUSE);
    let key_width = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    entries
        .into_iter()
        .map(|(key, description)| {
            Line::from(vec![
                Span::styled(
                    format!("{key:>key_width$}"),
                    theme.accent.add_modifier(Modifier::BOLD),
                ),
                Span::raw("  "),
                Span::styled(description, theme.text),
            ])
        })
        .collect()
}

/// The screen under the help overlay.
fn context(app: &App) -> keymap::Ctx {
    keymap::Ctx {
        screen: match &app.overlay {
            Some(crate::tui::app::Overlay::Browse(_)) => keymap::Screen::Browse,
            Some(crate::tui::app::Overlay::Stats(_)) => keymap::Screen::Stats,
            None => keymap::Screen::Session,
        },
        ..app.key_context()
    }
}

/// Rows of the overlay's list that fit on a screen `height` rows high.
fn visible_rows(entries: usize, height: u16) -> usize {
    (entries as u16 + 2).min(height).saturating_sub(2) as usize
}

/// How far the list can scroll on a screen `height` rows high.
pub fn max_scroll(app: &App) -> u16 {
    let height = app.size.height;
    let entries = keymap::help_for(context(app)).len() + 1;
    entries.saturating_sub(visible_rows(entries, height)) as u16
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lines = lines(app);
    let content_width = lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let width = (content_width + 4).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    let visible = visible_rows(lines.len(), area.height);
    let max_scroll = lines.len().saturating_sub(visible);
    let scroll = (app.help_scroll as usize).min(max_scroll);
    let title = if max_scroll > 0 {
        format!(
            " Keys ({}–{} of {}, j/k) ",
            scroll + 1,
            scroll + visible,
            lines.len()
        )
    } else {
        " Keys ".to_string()
    };
    Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.accent)
        .title(Span::styled(
            title,
            theme.accent.add_modifier(Modifier::BOLD),
        ))
        .title_bottom(Line::from(Span::styled(" any key closes ", theme.muted)).right_aligned());
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
