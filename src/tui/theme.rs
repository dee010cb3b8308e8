//! The one place colours live: semantic roles mapped onto the terminal's
//! ANSI palette, or onto plain text attributes when colour is off
//! (`NO_COLOR`, `--color never`).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Colour codes may be written at all.
    pub color: bool,
    pub text: Style,
    pub accent: Style,
    pub muted: Style,
    pub heading: Style,
    pub strong: Style,
    pub emphasis: Style,
    pub link: Style,
    pub inline_code: Style,
    /// Background of code blocks.
    pub code_block: Style,
    pub quote: Style,
    pub callout_title: Style,
    pub correct: Style,
    pub wrong: Style,
    pub warning: Style,
}

impl Theme {
    /// Colours from the terminal's own palette.
    pub fn ansi() -> Theme {
        Theme {
            color: true,
            text: Style::default(),
            accent: Style::default().fg(Color::Cyan),
            muted: Style::default().fg(Color::DarkGray),
            heading: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            strong: Style::default().add_modifier(Modifier::BOLD),
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            link: Style::default()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            inline_code: Style::default().fg(Color::Yellow),
            code_block: Style::default().bg(Color::Black),
            quote: Style::default().fg(Color::Magenta),
            callout_title: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            correct: Style::default().fg(Color::Green),
            wrong: Style::default().fg(Color::Red),
            warning: Style::default().fg(Color::Yellow),
        }
    }

    /// No colour at all: bold, italics and underline still carry meaning.
    pub fn plain() -> Theme {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Theme {
            color: false,
            text: Style::default(),
            accent: bold,
            muted: Style::default(),
            heading: bold,
            strong: bold,
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            link: Style::default().add_modifier(Modifier::UNDERLINED),
            inline_code: Style::default(),
            code_block: Style::default(),
            quote: Style::default(),
            callout_title: bold,
            correct: bold,
            wrong: bold,
            warning: bold,
        }
    }

    /// `NO_COLOR` (any non-empty value) turns colour off.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::ansi(),
        }
    }
}
