//! A card rendered for one width: the question with its metadata line, and
//! the answer under a rule. Built when the card is shown (or the terminal
//! resized) and kept, so drawing only copies lines.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::highlight::Highlighter;
use super::markdown;
use super::theme::Theme;
use crate::bank::{Difficulty, Record};
use crate::schedule::Kind;

#[derive(Debug, Clone, Default)]
pub struct CardView {
    pub width: usize,
    /// The question, its metadata, and a blank line.
    pub question: Vec<Line<'static>>,
    /// The answer under its rule; `None` while the highlighter loads.
    pub answer: Option<Vec<Line<'static>>>,
}

impl CardView {
    /// `shown`: which of a merged card's answers (0, the richest, first).
    #[allow(clippy::too_many_arguments)]
    pub fn render(
        record: &Record,
        shown: usize,
        kind: Kind,
        lapses: u32,
        width: usize,
        theme: &Theme,
        hl: Option<&Highlighter>,
        answer_now: bool,
    ) -> CardView {
        let mut question: Vec<Line<'static>> = markdown::render(&record.question, width, theme, hl)
            .into_iter()
            .map(|line| {
                let spans: Vec<Span<'static>> = line
                    .spans
                    .into_iter()
                    .map(|s| {
                        let style = s.style.add_modifier(Modifier::BOLD);
                        Span::styled(s.content, style)
                    })
                    .collect();
                Line::from(spans)
            })
            .collect();
        question.push(Line::default());
        question.extend(wrap_items(meta(record, kind, lapses, theme), width, theme));
        if !record.has_answer {
            let note = "*The source has no written answer for this question: \
                        answer it aloud, then grade yourself.*";
            question.extend(markdown::render(note, width, theme, None));
        }
        question.push(Line::default());

        // Waiting for the highlighter leaves the answer for later; without
        // one (it failed to load) code is shown plain.
        let answer = answer_now.then(|| answer_lines(record, shown, width, theme, hl));
        CardView {
            width,
            question,
            answer,
        }
    }
}

fn answer_lines(
    record: &Record,
    shown: usize,
    width: usize,
    theme: &Theme,
    hl: Option<&Highlighter>,
) -> Vec<Line<'static>> {
    let members = &record.members;
    let shown = if members.is_empty() {
        0
    } else {
        shown % members.len()
    };
    let label = if members.len() > 1 {
        format!(
            " Answer {} of {} · {} ",
            shown + 1,
            members.len(),
            members[shown].source
        )
    } else {
        " Answer ".to_string()
    };
    let rest = width.saturating_sub(label.width() + 2);
    let mut lines = vec![Line::from(vec![
        Span::styled("──", theme.muted),
        Span::styled(label, theme.accent.add_modifier(Modifier::BOLD)),
        Span::styled("─".repeat(rest), theme.muted),
    ])];
    if members.len() > 1 {
        // The other answers, one key away: each source once, with how many
        // answers it gives when it asks the question more than once.
        let mut others: Vec<(&str, usize)> = Vec::new();
        for k in 1..members.len() {
            let source = members[(shown + k) % members.len()].source.as_str();
            match others.iter_mut().find(|(s, _)| *s == source) {
                Some((_, n)) => *n += 1,
                None => others.push((source, 1)),
            }
        }
        let named: Vec<String> = others
            .iter()
            .map(|&(s, n)| {
                if n > 1 {
                    format!("{s} ×{n}")
                } else {
                    s.to_string()
                }
            })
            .collect();
        let count = members.len() - 1;
        let text = format!(
            "{count} more answer{}: {} · press {}",
            if count == 1 { "" } else { "s" },
            named.join(", "),
            super::keymap::key_for(super::action::Action::OtherAnswer)
        );
        lines.extend(
            markdown::render(&text, width, theme, None)
                .into_iter()
                .map(|l| {
                    Line::from(
                        l.spans
                            .into_iter()
                            .map(|s| Span::styled(s.content, theme.muted))
                            .collect::<Vec<_>>(),
                    )
                }),
        );
    }
    lines.push(Line::default());
    let answer = members
        .get(shown)
        .map_or(record.answer.as_str(), |m| m.answer.as_str());
    if record.has_answer {
        lines.extend(markdown::render(answer, width, theme, hl));
    } else {
        lines.push(Line::from(Span::styled(
            "(no written answer in the source)",
            theme.muted,
        )));
    }
    lines
}

/// The difficulty's badge style: green, yellow, red (bold without colour).
pub fn difficulty_style(d: Difficulty, theme: &Theme) -> Style {
    match d {
        Difficulty::Easy => theme.correct,
        Difficulty::Medium => theme.warning,
        Difficulty::Hard => theme.wrong,
    }
}

/// Metadata items: difficulty, topics, source, state.
fn meta(record: &Record, kind: Kind, lapses: u32, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    let mut items = vec![vec![Span::styled(
        format!("● {}", record.difficulty.as_str()),
        difficulty_style(record.difficulty, theme),
    )]];
    if !record.topics.is_empty() {
        let topics = record
            .topics
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        items.push(vec![Span::styled(topics, theme.accent)]);
    }
    items.push(vec![Span::styled(record.source.clone(), theme.muted)]);
    let state = match kind {
        Kind::New => "new".to_string(),
        Kind::Learning => "learning".to_string(),
        Kind::Review => "review".to_string(),
    };
    let state = if lapses > 0 {
        format!(
            "{state}, {lapses} lapse{}",
            if lapses == 1 { "" } else { "s" }
        )
    } else {
        state
    };
    items.push(vec![Span::styled(state, theme.muted)]);
    items
}

/// Lays items out on as few lines as fit, separated by ` · `; an item
/// longer than a line is cut with `…`.
fn wrap_items(items: Vec<Vec<Span<'static>>>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut current: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for item in items {
        let item = truncate(item, width);
        let w: usize = item.iter().map(|s| s.content.width()).sum();
        if used > 0 && used + 3 + w > width {
            lines.push(Line::from(std::mem::take(&mut current)));
            used = 0;
        }
        if used > 0 {
            current.push(Span::styled(" · ", theme.muted));
            used += 3;
        }
        current.extend(item);
        used += w;
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    lines
}

fn truncate(item: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = item.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return item;
    }
    let mut out = Vec::new();
    let mut left = width.saturating_sub(1);
    for span in item {
        let mut text = String::new();
        for ch in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if w > left {
                break;
            }
            left -= w;
            text.push(ch);
        }
        let done = text.width() < span.content.width();
        out.push(Span::styled(text, span.style));
        if done {
            break;
        }
    }
    out.push(Span::raw("…"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::markdown::plain_text;

    #[test]
    fn meta_items_wrap_and_cut_to_the_width() {
        let theme = Theme::plain();
        let items = vec![
            vec![Span::raw("● medium")],
            vec![Span::raw("decorators, closures, functions")],
            vec![Span::raw("python-interview-questions.md")],
        ];
        let lines = wrap_items(items.clone(), 80, &theme);
        assert_eq!(
            plain_text(&lines),
            "● medium · decorators, closures, functions · python-interview-questions.md"
        );
        let lines = wrap_items(items, 20, &theme);
        assert!(lines.iter().all(|l| l.width() <= 20), "{lines:?}");
        assert_eq!(
            plain_text(&lines),
            "● medium\ndecorators, closure…\npython-interview-qu…"
        );
    }
}
