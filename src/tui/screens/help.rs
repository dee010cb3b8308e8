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

/// The overlay's lines for a screen `width` columns wide: one per binding,
/// its description wrapped under itself where the screen is narrow.
pub fn lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let ctx = context(app);
    let mut entries = keymap::help_for(ctx);
    entries.push(keymap::wheel_help(ctx.screen));
    let key_width = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    // Border, a space each side and the gap after the key column.
    let room = (width as usize).saturating_sub(4 + key_width + 2).max(8);
    let mut lines = Vec::new();
    for (key, description) in entries {
        for (i, part) in wrap_words(description, room).into_iter().enumerate() {
            let key = if i == 0 { key } else { "" };
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{key:>key_width$}"),
                    theme.accent.add_modifier(Modifier::BOLD),
                ),
                Span::raw("  "),
                Span::styled(part, theme.text),
            ]));
        }
    }
    lines
}

/// Splits `text` at spaces into lines of at most `width` columns (a word
/// longer than that stands alone).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("starts with one line");
        if line.is_empty() {
            line.push_str(word);
        } else if line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

/// The screen under the help overlay.
fn context(app: &App) -> keymap::Ctx {
    keymap::Ctx {
        help: false,
        ..app.key_context()
    }
}

/// Rows of the overlay's list that fit on a screen `height` rows high.
fn visible_rows(entries: usize, height: u16) -> usize {
    (entries as u16 + 2).min(height).saturating_sub(2) as usize
}

/// How far the list can scroll on the app's screen.
pub fn max_scroll(app: &App) -> u16 {
    let entries = lines(app, app.size.width).len();
    entries.saturating_sub(visible_rows(entries, app.size.height)) as u16
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let lines = lines(app, area.width);
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

#[cfg(test)]
mod tests {
    use super::wrap_words;

    #[test]
    fn descriptions_wrap_at_spaces() {
        assert_eq!(
            wrap_words("Hard: recalled with effort", 12),
            ["Hard:", "recalled", "with effort"]
        );
        assert_eq!(wrap_words("short", 12), ["short"]);
        assert_eq!(
            wrap_words("unbreakable-word x", 4),
            ["unbreakable-word", "x"]
        );
    }
}
