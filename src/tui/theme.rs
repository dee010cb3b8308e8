//! The one place colours live: semantic roles for a dark or a light
//! terminal background, or plain text attributes when colour is off
//! (`NO_COLOR`, `--color never`).
//!
//! Two rules keep every glyph legible whatever the person's palette:
//! - Nothing is drawn on a fixed background with the terminal's default
//!   foreground (code blocks and inline code set both).
//! - Text meant to recede (labels, rules, separators) is a grey from the
//!   256-colour ramp, never palette colour 8, which is the background
//!   itself in Solarized Dark.
//!
//! The dark theme uses the terminal's own palette for accents, so it follows
//! the person's scheme; palette accents are tuned for a dark background. The
//! light theme uses fixed darker colours from the 256-colour cube, because
//! bright palette entries (yellow, cyan, green) are unreadable on white.

use ratatui::style::{Color, Modifier, Style};

/// The terminal's background, as detected or chosen (`--theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Palette {
    Dark,
    Light,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Colour codes may be written at all.
    pub color: bool,
    /// The background the colours are chosen for.
    pub palette: Palette,
    pub text: Style,
    pub accent: Style,
    pub muted: Style,
    pub heading: Style,
    pub strong: Style,
    pub emphasis: Style,
    pub link: Style,
    pub inline_code: Style,
    /// Foreground and background of code blocks (both always set when
    /// colour is on).
    pub code_block: Style,
    /// What sets a code block's lines apart on the left: a space inside the
    /// coloured band, or a bar when there is no colour.
    pub code_margin: &'static str,
    pub quote: Style,
    pub callout_title: Style,
    pub correct: Style,
    pub wrong: Style,
    pub warning: Style,
}

/// Greys of the 256-colour ramp (232 = #080808 … 255 = #eeeeee).
const GREY_DARK_MUTED: Color = Color::Indexed(245); // #8a8a8a
const GREY_LIGHT_MUTED: Color = Color::Indexed(242); // #6c6c6c
const LIGHT_CODE_BG: Color = Color::Indexed(254); // #e4e4e4
const LIGHT_CODE_FG: Color = Color::Indexed(235); // #262626

impl Theme {
    /// An interview verdict's symbol and style.
    pub fn mark(&self, mark: crate::session::drill::Mark) -> (&'static str, Style) {
        use crate::session::drill::Mark;
        match mark {
            Mark::Missed => ("✗", self.wrong),
            Mark::Partial => ("~", self.warning),
            Mark::Nailed => ("✓", self.correct),
        }
    }

    pub fn new(palette: Palette) -> Theme {
        match palette {
            Palette::Dark => Theme::dark(),
            Palette::Light => Theme::light(),
        }
    }

    /// For a dark background: accents from the terminal's own palette.
    pub fn dark() -> Theme {
        Theme {
            color: true,
            palette: Palette::Dark,
            text: Style::default(),
            accent: Style::default().fg(Color::Cyan),
            muted: Style::default().fg(GREY_DARK_MUTED),
            heading: Style::default()
                .fg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            strong: Style::default().add_modifier(Modifier::BOLD),
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            link: Style::default()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::UNDERLINED),
            inline_code: Style::default().fg(Color::Yellow),
            code_block: Style::default().fg(Color::Gray).bg(Color::Black),
            code_margin: " ",
            quote: Style::default().fg(Color::Magenta),
            callout_title: Style::default()
                .fg(Color::Magenta)
                .add_modifier(Modifier::BOLD),
            correct: Style::default().fg(Color::Green),
            wrong: Style::default().fg(Color::Red),
            warning: Style::default().fg(Color::Yellow),
        }
    }

    /// For a light background: fixed dark colours that read on any light
    /// background, whatever the palette's bright entries are.
    pub fn light() -> Theme {
        let blue = Color::Indexed(25); // #005faf
        let magenta = Color::Indexed(90); // #870087
        Theme {
            color: true,
            palette: Palette::Light,
            text: Style::default(),
            accent: Style::default().fg(blue),
            muted: Style::default().fg(GREY_LIGHT_MUTED),
            heading: Style::default().fg(blue).add_modifier(Modifier::BOLD),
            strong: Style::default().add_modifier(Modifier::BOLD),
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            link: Style::default().fg(blue).add_modifier(Modifier::UNDERLINED),
            inline_code: Style::default().fg(LIGHT_CODE_FG).bg(LIGHT_CODE_BG),
            code_block: Style::default().fg(LIGHT_CODE_FG).bg(LIGHT_CODE_BG),
            code_margin: " ",
            quote: Style::default().fg(magenta),
            callout_title: Style::default().fg(magenta).add_modifier(Modifier::BOLD),
            correct: Style::default().fg(Color::Indexed(28)), // #008700
            wrong: Style::default().fg(Color::Indexed(124)),  // #af0000
            warning: Style::default().fg(Color::Indexed(130)), // #af5f00
        }
    }

    /// The dark theme, the default when nothing says otherwise.
    pub fn ansi() -> Theme {
        Theme::dark()
    }

    /// No colour at all: bold, italics and underline still carry meaning,
    /// and code blocks keep a bar down their left side.
    pub fn plain() -> Theme {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        Theme {
            color: false,
            palette: Palette::Dark,
            text: Style::default(),
            accent: bold,
            muted: Style::default(),
            heading: bold,
            strong: bold,
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            link: Style::default().add_modifier(Modifier::UNDERLINED),
            inline_code: Style::default(),
            code_block: Style::default(),
            code_margin: "│ ",
            quote: Style::default(),
            callout_title: bold,
            correct: bold,
            wrong: bold,
            warning: bold,
        }
    }

    /// `NO_COLOR` (any non-empty value) turns colour off.
    pub fn from_env(palette: Palette) -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::plain(),
            _ => Theme::new(palette),
        }
    }

    /// A highlighted token's style inside a code block. The highlighter
    /// names palette entries (bat's `ansi` theme), tuned for dark
    /// backgrounds; on a light one each becomes a darker fixed colour.
    pub fn code_token(&self, token: Style) -> Style {
        let token = match (self.palette, token.fg) {
            (Palette::Light, Some(c)) => token.fg(darker(c)),
            // Palette blue is dark in many schemes (xterm's #0000ee is
            // 2.2:1 on black); the bright entry reads everywhere.
            (Palette::Dark, Some(Color::Blue)) => token.fg(Color::LightBlue),
            _ => token,
        };
        self.code_block.patch(token)
    }
}

/// A palette colour's counterpart that reads on a light background.
fn darker(c: Color) -> Color {
    match c {
        Color::Red | Color::LightRed => Color::Indexed(124), // #af0000
        Color::Green | Color::LightGreen => Color::Indexed(28), // #008700
        Color::Yellow | Color::LightYellow => Color::Indexed(130), // #af5f00
        Color::Blue | Color::LightBlue => Color::Indexed(25), // #005faf
        Color::Magenta | Color::LightMagenta => Color::Indexed(90), // #870087
        Color::Cyan | Color::LightCyan => Color::Indexed(30), // #008787
        Color::Gray | Color::DarkGray | Color::White => GREY_LIGHT_MUTED,
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fixed_background_is_paired_with_the_default_foreground() {
        for theme in [Theme::dark(), Theme::light()] {
            for style in [theme.code_block, theme.inline_code] {
                assert!(
                    style.bg.is_none() || style.fg.is_some(),
                    "{:?}: {style:?}",
                    theme.palette
                );
            }
            // A token the highlighter leaves at the default keeps the
            // block's own foreground.
            assert_eq!(theme.code_token(Style::default()).fg, theme.code_block.fg);
        }
    }

    #[test]
    fn nothing_is_drawn_in_palette_colour_eight() {
        for theme in [Theme::dark(), Theme::light()] {
            for style in [
                theme.text,
                theme.accent,
                theme.muted,
                theme.heading,
                theme.link,
                theme.inline_code,
                theme.code_block,
                theme.quote,
                theme.callout_title,
                theme.correct,
                theme.wrong,
                theme.warning,
            ] {
                assert_ne!(style.fg, Some(Color::DarkGray), "{style:?}");
                assert_ne!(style.bg, Some(Color::DarkGray), "{style:?}");
            }
        }
    }

    #[test]
    fn light_code_tokens_leave_the_palette() {
        let light = Theme::light();
        for c in [Color::Yellow, Color::Cyan, Color::Green, Color::Blue] {
            let fg = light.code_token(Style::default().fg(c)).fg;
            assert!(matches!(fg, Some(Color::Indexed(_))), "{c:?} -> {fg:?}");
        }
        let dark = Theme::dark();
        assert_eq!(
            dark.code_token(Style::default().fg(Color::Yellow)).fg,
            Some(Color::Yellow)
        );
    }
}
