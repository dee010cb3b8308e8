//! The browser: the search line, the list of matching questions (state,
//! difficulty, question, due) and the selected card's rendered answer.
//! Side by side from 80 columns, one above the other below that.

use jiff::SignedDuration;
use ratatui::buffer::Buffer;
use ratatui::layout::{Rect, Size};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::bank::Difficulty;
use crate::display::{pad, truncate};
use crate::schedule::{Phase, format};
use crate::tui::app::{App, BrowseView};
use crate::tui::browse::Brief;
use crate::tui::layout::browse_areas;
use crate::tui::widgets::bold;

fn state_glyph(brief: &Brief, app: &App) -> Span<'static> {
    let t = &app.theme;
    if brief.suspended {
        return Span::styled("S", t.warning);
    }
    match brief.phase {
        Phase::New => Span::styled("N", t.accent),
        Phase::Learning | Phase::Relearning => Span::styled("L", t.wrong),
        Phase::Review => Span::styled("R", t.correct),
    }
}

fn due_text(brief: &Brief, now: i64) -> String {
    match brief.due {
        None => "–".to_string(),
        Some(due) if due <= now => "now".to_string(),
        Some(due) => format::interval(SignedDuration::from_secs(due - now)),
    }
}

pub fn render(app: &App, view: &BrowseView, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let b = &view.browse;
    let a = browse_areas(Size::new(area.width, area.height));

    // Search line: the query with a cursor, the filters, the count.
    let mut left = vec![
        Span::styled(" / ", bold(t.accent)),
        Span::styled(b.query.clone(), bold(t.text)),
        Span::styled("▏", t.accent),
    ];
    if b.query.is_empty() {
        left.push(Span::styled("type to search", t.muted));
    }
    let mut flags: Vec<String> = Vec::new();
    if b.search_answers {
        flags.push("+answers".into());
    }
    if let Some(d) = b.difficulty {
        flags.push(d.as_str().into());
    }
    if let Some(topic) = b.topic {
        flags.push(topic.slug().into());
    }
    flags.push(format!("by {}", b.sort.name()));
    let right = format!(
        "{} · {}/{} ",
        flags.join(" · "),
        b.matches.len(),
        app.session.records.len()
    );
    let right_w = right.width() as u16;
    Line::from(left).render(
        Rect::new(
            a.search.x,
            a.search.y,
            a.search.width.saturating_sub(right_w + 1),
            1,
        ),
        buf,
    );
    if right_w < a.search.width {
        buf.set_string(a.search.right() - right_w, a.search.y, &right, t.muted);
    }
    buf.set_string(0, a.rule.y, "─".repeat(a.rule.width as usize), t.muted);

    // The list.
    let now = app.session.clock().now().as_second();
    let list = a.list;
    let q_width = (list.width as usize).saturating_sub(1 + 2 + 2 + 6);
    for (row, &index) in b
        .matches
        .iter()
        .skip(b.offset)
        .take(list.height as usize)
        .enumerate()
    {
        let record = &app.session.records[index];
        let brief = &b.briefs[index];
        let selected = b.offset + row == b.selected;
        let level = match record.difficulty {
            Difficulty::Easy => Span::styled("E", t.correct),
            Difficulty::Medium => Span::styled("M", t.warning),
            Difficulty::Hard => Span::styled("H", t.wrong),
        };
        let marker = if selected { "▌" } else { " " };
        let question_style = if selected { bold(t.text) } else { t.text };
        let mut line = Line::from(vec![
            Span::styled(marker, t.accent),
            state_glyph(brief, app),
            Span::raw(" "),
            level,
            Span::raw(" "),
            Span::styled(
                pad(&truncate(&view.browse.titles[index], q_width), q_width),
                question_style,
            ),
            Span::styled(format!(" {:>5}", due_text(brief, now)), t.muted),
        ]);
        if selected {
            line = line.patch_style(t.text.add_modifier(Modifier::REVERSED));
        }
        line.render(Rect::new(list.x, list.y + row as u16, list.width, 1), buf);
    }
    if b.matches.is_empty() {
        buf.set_string(list.x + 2, list.y, "no question matches", t.muted);
    }

    // Divider and preview.
    if a.divider.width == 1 {
        for y in a.divider.top()..a.divider.bottom() {
            buf.set_string(a.divider.x, y, "│", t.muted);
        }
    } else {
        buf.set_string(
            a.divider.x,
            a.divider.y,
            "─".repeat(a.divider.width as usize),
            t.muted,
        );
    }
    for (row, line) in view
        .preview
        .iter()
        .skip(b.preview_scroll as usize)
        .take(a.preview.height as usize)
        .enumerate()
    {
        line.render(
            Rect::new(a.preview.x, a.preview.y + row as u16, a.preview.width, 1),
            buf,
        );
    }
}
