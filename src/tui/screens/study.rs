//! The study screen: the card's question (and answer once revealed) in a
//! scrolling body with a scrollbar, and under it the grade buttons with
//! each grade's interval preview, or the reveal prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::schedule::Grade;
use crate::session::drill::{Mark, Mode};
use crate::tui::app::{Action, App, Current};
use crate::tui::keymap;
use crate::tui::layout::Areas;
use crate::tui::theme::Theme;

pub fn render(app: &App, areas: &Areas, buf: &mut Buffer) {
    let Some(current) = &app.session.current else {
        return;
    };
    body(app, current, areas, buf);
    if current.revealed && app.session.mode == Mode::Interview {
        mark_bar(app, areas.grade, buf);
    } else if current.revealed {
        grade_bar(app, current, areas.grade, buf);
    } else {
        reveal_prompt(&app.theme, areas.grade, buf);
    }
}

fn body(app: &App, current: &Current, areas: &Areas, buf: &mut Buffer) {
    let area = areas.body;
    let mut lines: Vec<&Line<'static>> = app.view.question.iter().collect();
    let loading;
    if current.revealed {
        match &app.view.answer {
            Some(answer) => lines.extend(answer.iter()),
            None => {
                loading = Line::from(Span::styled("(rendering the answer…)", app.theme.muted));
                lines.push(&loading);
            }
        }
    }
    let scroll = app.scroll as usize;
    for (i, line) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        (*line).render(Rect::new(area.x, area.y + i as u16, area.width, 1), buf);
    }
    scrollbar(&app.theme, lines.len(), scroll, areas.scrollbar, buf);
}

/// A track with a thumb sized to the visible share, only when the body is
/// taller than its area.
fn scrollbar(theme: &Theme, total: usize, scroll: usize, area: Rect, buf: &mut Buffer) {
    let height = area.height as usize;
    if total <= height || height == 0 {
        return;
    }
    let thumb = (height * height / total).clamp(1, height);
    let max_scroll = total - height;
    let top = ((height - thumb) * scroll.min(max_scroll) + max_scroll / 2) / max_scroll;
    for row in 0..height {
        let (symbol, style) = if (top..top + thumb).contains(&row) {
            ("█", theme.accent)
        } else {
            ("│", theme.muted)
        };
        buf.set_string(area.x, area.y + row as u16, symbol, style);
    }
}

fn reveal_prompt(theme: &Theme, area: Rect, buf: &mut Buffer) {
    let label = keymap::label_for(Action::Reveal).unwrap_or("Space");
    Line::from(vec![
        Span::styled(label, theme.accent.add_modifier(Modifier::BOLD)),
        Span::styled("  show the answer", theme.muted),
    ])
    .centered()
    .render(Rect::new(area.x, area.y, area.width, 1), buf);
}

fn grade_style(grade: Grade, theme: &Theme) -> Style {
    match grade {
        Grade::Again => theme.wrong,
        Grade::Hard => theme.warning,
        Grade::Good => theme.correct,
        Grade::Easy => theme.accent,
    }
}

/// `1 ✗ Again <1m`, `3 ✓ Good 10m`: key, pass/fail symbol, name, and when
/// the card would come back. Four columns, or two rows of two when narrow.
fn grade_bar(app: &App, current: &Current, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let buttons = Grade::ALL.map(|grade| {
        let symbol = if grade == Grade::Again { "✗" } else { "✓" };
        // Practice changes no schedule: no interval to preview.
        let interval = if app.session.mode == Mode::Practice {
            String::new()
        } else {
            current.previews[grade.index()].interval.label()
        };
        Button {
            key: keymap::label_for(Action::Grade(grade)).unwrap_or("?"),
            symbol,
            name: grade.name(),
            style: grade_style(grade, theme),
            note: interval,
        }
    });
    buttons_row(theme, &buttons, area, buf);
}

/// `1 ✗ Missed · 2 ~ Partial · 3 ✓ Nailed`: the interview verdicts.
fn mark_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let buttons = Mark::ALL.map(|mark| {
        let (symbol, style) = theme.mark(mark);
        Button {
            key: keymap::label_for(Action::Mark(mark)).unwrap_or("?"),
            symbol,
            name: mark.name(),
            style,
            note: String::new(),
        }
    });
    buttons_row(theme, &buttons, area, buf);
}

struct Button {
    key: &'static str,
    symbol: &'static str,
    name: &'static str,
    style: Style,
    /// After the name (an interval preview), if any.
    note: String,
}

/// The buttons in one row, or two rows when the area has two.
fn buttons_row(theme: &Theme, buttons: &[Button], area: Rect, buf: &mut Buffer) {
    let per_row = if area.height >= 2 { 2 } else { buttons.len() };
    let cell_width = area.width / per_row as u16;
    for (i, b) in buttons.iter().enumerate() {
        let mut spans = vec![
            Span::styled(
                format!(" {} ", b.key),
                theme
                    .accent
                    .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            ),
            Span::styled(
                format!(" {} {}", b.symbol, capitalized(b.name)),
                b.style.add_modifier(Modifier::BOLD),
            ),
        ];
        if !b.note.is_empty() {
            spans.push(Span::styled(format!(" {}", b.note), theme.text));
        }
        let col = (i % per_row) as u16;
        let row = (i / per_row) as u16;
        let cell = Rect::new(area.x + col * cell_width, area.y + row, cell_width, 1);
        Line::from(spans).centered().render(cell, buf);
    }
}

pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
