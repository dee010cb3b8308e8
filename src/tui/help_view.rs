//! The help overlay's lines: every key binding of the screen under it
//! with its description, generated from the keymap.

use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::keymap::{self, Ctx};
use super::theme::Theme;

/// The overlay's lines for a screen `width` columns wide: one per binding,
/// its description wrapped under itself where the screen is narrow.
pub fn lines(ctx: Ctx, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let entries = keymap::help_for(ctx);
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
