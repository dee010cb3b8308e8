//! The statistics body for one width: counts, today and the streak, a heatmap of the
//! last 26 weeks (a calendar grid like Anki's), the due forecast as bars,
//! weekly retention, and readiness per topic and per difficulty, weakest
//! first. Everything shown comes from `stats::compute`, as `stats --json`.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::bold;
use crate::display::{pad, truncate};
use crate::stats::{Readiness, Stats};

fn percent(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |x| format!("{:.0}%", x * 100.0))
}

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(text.to_string(), bold(theme.heading)))
}

/// Shade for a day's review count: none, a few, some, many, lots.
fn shade(n: u32, max: u32, theme: &Theme) -> (&'static str, Style) {
    if n == 0 {
        return ("·", theme.muted);
    }
    let level = (u64::from(n) * 4).div_ceil(u64::from(max.max(1)));
    match level {
        0 | 1 => ("░", theme.correct),
        2 => ("▒", theme.correct),
        3 => ("▓", theme.correct),
        _ => ("█", theme.correct),
    }
}

fn heatmap(stats: &Stats, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let days = &stats.heatmap.reviews;
    let max = days.iter().copied().max().unwrap_or(0);
    // Row = weekday (Monday first), column = week.
    let lead = stats.heatmap.from.weekday().to_monday_zero_offset() as usize;
    let weeks = (lead + days.len()).div_ceil(7);
    let cell = if 4 + weeks * 2 <= width { 2 } else { 1 };
    let names = ["Mo", "  ", "We", "  ", "Fr", "  ", "Su"];
    let mut lines = Vec::new();
    for (row, name) in names.iter().enumerate() {
        let mut spans = vec![Span::styled(format!("{name}  "), theme.muted)];
        for week in 0..weeks {
            let slot = week * 7 + row;
            let text = match slot.checked_sub(lead).and_then(|i| days.get(i)) {
                Some(&n) => {
                    let (glyph, style) = shade(n, max, theme);
                    Span::styled(pad(glyph, cell), style)
                }
                None => Span::raw(" ".repeat(cell)),
            };
            spans.push(text);
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// Bars four rows tall, one column per day (two when there is room).
fn forecast(stats: &Stats, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    const EIGHTHS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
    let values: Vec<u32> = stats.forecast.iter().map(|d| d.due).collect();
    let max = values.iter().copied().max().unwrap_or(0);
    let cell = if 8 + values.len() * 2 <= width { 2 } else { 1 };
    let rows = 4usize;
    let mut lines = Vec::new();
    for row in 0..rows {
        let label = if row == 0 {
            format!("{max:>5} ")
        } else if row == rows - 1 {
            format!("{:>5} ", 0)
        } else {
            "      ".to_string()
        };
        let mut spans = vec![Span::styled(label, theme.muted)];
        for &v in &values {
            // Height in eighths of the whole chart.
            let height = if max == 0 {
                0
            } else {
                (u64::from(v) * (rows as u64 * 8)).div_ceil(u64::from(max)) as usize
            };
            let from_bottom = rows - 1 - row;
            let fill = height.saturating_sub(from_bottom * 8).min(8);
            let glyph = EIGHTHS[fill];
            spans.push(Span::styled(glyph.repeat(cell), theme.accent));
        }
        lines.push(Line::from(spans));
    }
    let mut axis = vec![Span::styled("      ", theme.muted)];
    axis.push(Span::styled(pad("today", cell * 7), theme.muted));
    axis.push(Span::styled(pad("+7d", cell * 7), theme.muted));
    axis.push(Span::styled(pad("+14d", cell * 7), theme.muted));
    axis.push(Span::styled("+21d", theme.muted));
    lines.push(Line::from(axis));
    lines
}

fn readiness_rows(rows: &[Readiness], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let name_w = width.saturating_sub(40).clamp(10, 26);
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{:<name_w$} {:>9} {:>6} {:>6} {:>6}  ready",
            "", "seen", "mature", "recall", "lapses"
        ),
        theme.muted,
    ))];
    for r in rows {
        let bar_w = 10usize;
        let filled = ((r.readiness * bar_w as f64).round() as usize).min(bar_w);
        let style = if r.readiness < 0.5 {
            theme.wrong
        } else if r.readiness < 0.8 {
            theme.warning
        } else {
            theme.correct
        };
        lines.push(Line::from(vec![
            Span::styled(pad(&truncate(&r.title, name_w), name_w), theme.text),
            Span::styled(
                format!(
                    " {:>9} {:>6} {:>6} {:>6}  ",
                    format!("{}/{}", r.seen, r.total),
                    percent(Some(r.mature_share)),
                    percent(r.mean_retrievability),
                    r.lapses
                ),
                theme.text,
            ),
            Span::styled("█".repeat(filled), style),
            Span::styled("░".repeat(bar_w - filled), theme.muted),
            Span::styled(format!(" {}", percent(Some(r.readiness))), theme.text),
        ]));
    }
    lines
}

/// The body's lines for a width; built when the screen opens or the
/// terminal is resized, not while drawing.
pub fn lines(s: &Stats, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let c = &s.counts;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{} cards", c.total), bold(t.text)),
            Span::styled(format!(" · {} new", c.new), t.accent),
            Span::styled(
                format!(" · {} learning", c.learning + c.relearning),
                t.wrong,
            ),
            Span::styled(format!(" · {} review", c.review), t.correct),
            Span::styled(format!(" ({} mature)", c.mature), t.muted),
            Span::styled(format!(" · {} suspended", c.suspended), t.muted),
        ]),
        Line::from(vec![
            Span::styled("Today ", t.muted),
            Span::styled(format!("{} reviews", s.today_reviews), t.text),
            Span::styled(", retention ", t.muted),
            Span::styled(percent(s.today_retention), t.text),
            Span::styled(" · streak ", t.muted),
            Span::styled(
                format!(
                    "{} day{}",
                    s.streak.current,
                    if s.streak.current == 1 { "" } else { "s" }
                ),
                bold(t.accent),
            ),
            Span::styled(format!(" (longest {})", s.streak.longest), t.muted),
        ]),
        Line::default(),
        heading(
            &format!("Reviews, last 26 weeks (from {})", s.heatmap.from),
            t,
        ),
    ];
    lines.extend(heatmap(s, width, t));
    lines.push(Line::default());
    lines.push(heading("Due, next 30 days", t));
    lines.extend(forecast(s, width, t));
    lines.push(Line::default());
    lines.push(heading(
        "Retention of review cards, per week (oldest first)",
        t,
    ));
    let weeks: Vec<String> = s.retention.iter().map(|w| percent(w.retention)).collect();
    lines.push(Line::from(Span::styled(weeks.join(" "), t.text)));
    lines.push(Line::default());
    lines.push(heading("Topics, weakest first", t));
    lines.extend(readiness_rows(&s.topics, width, t));
    lines.push(Line::default());
    lines.push(heading("Difficulty, weakest first", t));
    lines.extend(readiness_rows(&s.difficulties, width, t));
    lines.push(Line::default());
    let p = &s.practice;
    lines.push(heading("Outside the schedule", t));
    lines.push(Line::from(Span::styled(
        format!(
            "practice {} answers ({} not Again) · interview {} questions: {} nailed, {} partial, {} missed",
            p.practice, p.practice_passed, p.interview, p.nailed, p.partial, p.missed
        ),
        t.text,
    )));
    lines
}
