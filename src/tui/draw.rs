//! Drawing: reads the `App`, never changes it. The screen is chosen from
//! the state (too small, study, summary, empty day) and the help overlay
//! goes on top when open.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Overlay};
use super::keymap;
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};
use super::screens;
use super::theme::Theme;
use crate::session::drill::{Mode, clock_face};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        render_screen(self, area, buf);
        neutralize(area, buf);
    }
}

/// The last step of every frame: no cell may carry a control character
/// or a bidi embedding, override or isolate from a deck (they could move
/// the cursor, or make a line read backwards). They are dropped from the
/// cell; what is left of it is drawn.
fn neutralize(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if cell.symbol().chars().any(crate::display::is_unsafe_char) {
                let kept: String = cell
                    .symbol()
                    .chars()
                    .filter(|&c| !crate::display::is_unsafe_char(c))
                    .collect();
                cell.set_symbol(if kept.is_empty() { " " } else { &kept });
            }
        }
    }
}

fn render_screen(app: &App, area: Rect, buf: &mut Buffer) {
    let areas = Areas::compute(area, app.session.status.is_some());
    if areas.too_small {
        too_small(area, buf, &app.theme);
        return;
    }
    if let Some(overlay) = &app.overlay {
        match overlay {
            Overlay::Browse(view) => screens::browse::render(app, view, area, buf),
            Overlay::Stats(view) => screens::stats::render(app, view, area, buf),
        }
        let bottom = area.bottom();
        status_line(app, Rect::new(area.x, bottom - 2, area.width, 1), buf);
        footer(app, Rect::new(area.x, bottom - 1, area.width, 1), buf);
        if app.help {
            screens::help::render(app, area, buf);
        }
        return;
    }
    header(app, &areas, buf);
    match &app.session.current {
        Some(_) => screens::study::render(app, &areas, buf),
        None if app.session.mode == Mode::Interview => {
            screens::interview_end::render(app, &areas, buf)
        }
        None if app.session.empty_at_start => screens::empty_day::render(app, &areas, buf),
        None => screens::summary::render(app, &areas, buf),
    }
    status(app, &areas, buf);
    footer(app, areas.footer, buf);
    if app.help {
        screens::help::render(app, area, buf);
    }
}

fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme) {
    let text = vec![
        Line::from(Span::styled("Terminal too small", theme.warning)),
        Line::from(format!("{}×{}", area.width, area.height)),
        Line::from(format!("pyquiz needs at least {MIN_WIDTH}×{MIN_HEIGHT}")),
        Line::from(Span::styled(
            format!("{} quits", keymap::key_for(Action::Quit)),
            theme.muted,
        )),
    ];
    let top = area.y + area.height.saturating_sub(text.len() as u16) / 2;
    let rect = Rect::new(
        area.x,
        top,
        area.width,
        area.height.saturating_sub(top - area.y),
    );
    Paragraph::new(text)
        .centered()
        .wrap(Wrap { trim: true })
        .render(rect, buf);
}

/// `pyquiz · all questions` on the left, the counts on the right, and the
/// session's progress under them.
fn header(app: &App, areas: &Areas, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = areas.header;
    let c = app.session.session_counts();
    let counts = [
        (c.new, "new", theme.accent),
        (c.learning, "learning", theme.wrong),
        (c.review, "review", theme.correct),
    ];
    let long: Vec<Span> = counts
        .iter()
        .enumerate()
        .flat_map(|(i, (n, label, style))| {
            let sep = (i > 0).then(|| Span::styled(" · ", theme.muted));
            sep.into_iter().chain([
                Span::styled(n.to_string(), style.add_modifier(Modifier::BOLD)),
                Span::styled(format!(" {label}"), theme.muted),
            ])
        })
        .collect();
    let right = match app.session.mode {
        Mode::Study => Line::from(long),
        Mode::Practice => Line::from(vec![
            Span::styled(
                app.session.remaining().to_string(),
                theme.accent.add_modifier(Modifier::BOLD),
            ),
            Span::styled(" left · practice, no schedule change", theme.muted),
        ]),
        Mode::Interview => interview_clocks(app),
    };
    let right_width = right.width() as u16;
    let title_room = area.width.saturating_sub(right_width + 2);
    // " pyquiz · " is 10 columns; the rest is the selection, cut with `…`.
    let room = (title_room as usize).saturating_sub(10);
    let selection = if room >= 4 {
        crate::display::truncate(&app.session.title, room)
    } else {
        String::new()
    };
    let mut title = vec![Span::styled(
        " pyquiz",
        theme.accent.add_modifier(Modifier::BOLD),
    )];
    if !selection.is_empty() {
        title.push(Span::styled(" · ", theme.muted));
        title.push(Span::styled(selection, theme.text));
    }
    let title = Line::from(title);
    title.render(Rect::new(area.x, area.y, title_room, 1), buf);
    right.render(
        Rect::new(
            area.right().saturating_sub(right_width + 1),
            area.y,
            right_width.min(area.width),
            1,
        ),
        buf,
    );
    gauge(app, areas.gauge, buf);
}

/// `⏱ 2:41 · total 27:12`: the question's countdown (stopped at the
/// reveal; red when over) and the interview's.
fn interview_clocks(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let Some(interview) = &app.session.interview else {
        return Line::default();
    };
    let now = app.session.clock().now();
    let total = interview.total_left(now);
    let total_style = if total <= 0 { theme.wrong } else { theme.text };
    let mut spans = Vec::new();
    if app.session.current.is_some() {
        // A question never has more time than the interview has left.
        let left = interview.question_left(now).min(total.max(0));
        let style = if left < 0 {
            theme.wrong
        } else if left <= 30 {
            theme.warning
        } else {
            theme.text
        };
        spans.push(Span::styled("⏱ ", theme.muted));
        spans.push(Span::styled(
            clock_face(left),
            style.add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(" · ", theme.muted));
    }
    if total <= 0 {
        spans.push(Span::styled("time's up", total_style));
    } else {
        spans.push(Span::styled("total ", theme.muted));
        spans.push(Span::styled(clock_face(total), total_style));
    }
    Line::from(spans)
}

/// `━━━━━━────────── 4/20` : answered in this session out of answered plus
/// what is left.
fn gauge(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let done = app.session.stats.reviewed as usize;
    let total = done + app.session.remaining();
    let label = format!(" {done}/{total} ");
    let bar_width = (area.width as usize).saturating_sub(label.width() + 2);
    let filled = (bar_width * done).checked_div(total).unwrap_or(0);
    Line::from(vec![
        Span::raw(" "),
        Span::styled("━".repeat(filled), theme.accent),
        Span::styled("─".repeat(bar_width - filled), theme.muted),
        Span::styled(label, theme.muted),
    ])
    .render(area, buf);
}

fn status(app: &App, areas: &Areas, buf: &mut Buffer) {
    status_line(app, areas.status, buf);
}

/// The last action's message: a problem in the warning style behind a
/// bold `!`, anything else as plain information.
fn status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(message) = &app.session.status else {
        return;
    };
    let line = if app.session.problem {
        Line::from(vec![
            Span::styled(" ! ", app.theme.warning.add_modifier(Modifier::BOLD)),
            Span::styled(message.clone(), app.theme.warning),
        ])
    } else {
        Line::from(vec![
            Span::styled(" · ", app.theme.muted),
            Span::styled(message.clone(), app.theme.text),
        ])
    };
    line.render(area, buf);
}

/// Key hints for the current state, from the keymap, as many as fit in
/// table order until one does not; help and quit always show.
fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let hints = keymap::hints(app.key_context());
    let essential = |hint: &str| matches!(hint, "help" | "quit" | "close");
    let cost = |key: &str, hint: &str| key.width() + 1 + hint.width() + 3;
    let width = area.width as usize;
    let mut room = width.saturating_sub(1);
    for (key, hint) in hints.iter().filter(|(_, h)| essential(h)) {
        room = room.saturating_sub(cost(key, hint));
    }
    let mut full = false;
    let shown: Vec<(&str, &str)> = hints
        .iter()
        .filter(|(key, hint)| {
            if essential(hint) {
                return true;
            }
            let c = cost(key, hint);
            full |= c > room;
            if !full {
                room -= c;
            }
            !full
        })
        .copied()
        .collect();
    let mut spans: Vec<Span> = vec![Span::raw(" ")];
    for (i, (key, hint)) in shown.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted));
        }
        spans.push(Span::styled(
            key.to_string(),
            theme.accent.add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::styled(format!(" {hint}"), theme.muted));
    }
    Line::from(spans).render(area, buf);
}
