//! Small drawing helpers the screens share.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// Centres `lines` in `area` as a block; when one is wider than the
/// area, they are wrapped from its top-left instead.
pub fn centered_lines(lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    if lines.iter().any(|l| l.width() > area.width as usize) {
        // Wrapped with a margin, centred on the estimated wrapped height.
        let width = area.width.saturating_sub(2).max(1) as usize;
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
        let height = (rows as u16).min(area.height);
        let rect = Rect::new(
            area.x + 1,
            area.y + (area.height - height) / 2,
            width as u16,
            area.height - (area.height - height) / 2,
        );
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(rect, buf);
        return;
    }
    let height = (lines.len() as u16).min(area.height);
    let width = lines
        .iter()
        .map(|l| l.width() as u16)
        .max()
        .unwrap_or(0)
        .min(area.width);
    let x = area.x + (area.width - width) / 2;
    let y = area.y + (area.height - height) / 2;
    for (i, line) in lines.into_iter().take(height as usize).enumerate() {
        line.render(Rect::new(x, y + i as u16, width, 1), buf);
    }
}

/// A style with the given modifier, for labels in summaries.
pub fn bold(style: Style) -> Style {
    style.add_modifier(Modifier::BOLD)
}
