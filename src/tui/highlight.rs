//! Syntax highlighting for code blocks: syntect with bat's syntax set (via
//! `two-face`, which adds TOML and more to syntect's defaults) and bat's
//! `ansi` theme, whose colours name entries of the terminal's own palette,
//! so highlighted code follows the person's colour scheme. Our own small
//! converter turns syntect styles into ratatui styles.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use syntect::easy::HighlightLines;
use syntect::highlighting::{FontStyle, Theme};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;
use two_face::theme::EmbeddedThemeName;

/// Loaded once (the syntax set takes a few milliseconds to deserialize) and
/// shared by every card.
pub struct Highlighter {
    syntaxes: SyntaxSet,
    theme: Theme,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter::new()
    }
}

impl Highlighter {
    pub fn new() -> Highlighter {
        Highlighter {
            syntaxes: two_face::syntax::extra_newlines(),
            theme: two_face::theme::extra()
                .get(EmbeddedThemeName::Ansi)
                .clone(),
        }
    }

    /// Highlights a line of each common language once: syntect compiles a
    /// grammar's patterns on first use, which would otherwise land on the
    /// first reveal that shows that language.
    pub fn warm(&self) {
        for (lang, code) in [
            (
                "python",
                "@dec\nasync def f(x: int = 1) -> str:\n    return f\"{x!r}\"  # c\n",
            ),
            (
                "bash",
                "for f in *.py; do echo \"$f\" | grep -q x && ls; done\n",
            ),
            (
                "sql",
                "SELECT a, COUNT(*) FROM t WHERE b = 'x' GROUP BY a;\n",
            ),
            ("json", "{\"a\": [1, true, null, \"s\"]}\n"),
            ("toml", "[tool.x]\nname = \"y\"\n"),
            ("js", "const f = async (x) => { return `${x}`; };\n"),
        ] {
            self.highlight(code, lang);
        }
    }

    /// The syntax for a fence label (`python`, `bash`, `toml`, ...), if known.
    pub fn syntax(&self, lang: &str) -> Option<&SyntaxReference> {
        let lang = lang.trim().to_ascii_lowercase();
        let token = match lang.as_str() {
            "" | "text" | "plain" | "plaintext" | "output" | "console" => return None,
            "shell" | "sh" | "zsh" | "bash" => "bash",
            "py" | "python3" | "pycon" => "python",
            "js" | "jsx" => "js",
            "yml" => "yaml",
            other => other,
        };
        self.syntaxes.find_syntax_by_token(token)
    }

    /// One styled line per line of `code`, with every character kept
    /// (indentation exactly as written). Unknown languages come back plain.
    pub fn highlight(&self, code: &str, lang: &str) -> Vec<Line<'static>> {
        let Some(syntax) = self.syntax(lang) else {
            return code.lines().map(|l| Line::from(l.to_string())).collect();
        };
        let mut h = HighlightLines::new(syntax, &self.theme);
        let mut out = Vec::new();
        for line in LinesWithEndings::from(code) {
            let spans = match h.highlight_line(line, &self.syntaxes) {
                Ok(regions) => regions
                    .into_iter()
                    .filter_map(|(style, text)| {
                        let text = text.trim_end_matches(['\n', '\r']);
                        (!text.is_empty()).then(|| Span::styled(text.to_string(), convert(style)))
                    })
                    .collect(),
                // A grammar error on odd input: show the line plain.
                Err(_) => vec![Span::raw(line.trim_end_matches(['\n', '\r']).to_string())],
            };
            out.push(Line::from(spans));
        }
        out
    }
}

/// The highlighter, or the thread still building it. Loading the syntax
/// set takes longer than drawing the first frame should, so the session
/// starts it on another thread and waits for it only after that frame.
pub enum HighlighterSlot {
    Ready(Box<Highlighter>),
    Loading(std::thread::JoinHandle<Highlighter>),
    /// The loading thread panicked: code stays plain, nothing else breaks.
    Failed,
}

impl HighlighterSlot {
    pub fn ready(h: Highlighter) -> HighlighterSlot {
        HighlighterSlot::Ready(Box::new(h))
    }

    /// Loads the highlighter on another thread and warms the grammars
    /// the content uses most, so the first reveal does not pay for them.
    pub fn load_in_background() -> HighlighterSlot {
        HighlighterSlot::Loading(std::thread::spawn(|| {
            let h = Highlighter::new();
            h.warm();
            h
        }))
    }

    /// Nothing left to wait for.
    pub fn is_ready(&self) -> bool {
        !matches!(self, HighlighterSlot::Loading(_))
    }

    /// The loading thread has finished (joining will not block).
    pub fn is_finished(&self) -> bool {
        match self {
            HighlighterSlot::Loading(handle) => handle.is_finished(),
            _ => true,
        }
    }

    /// Waits for the loading thread, if any.
    pub fn wait(&mut self) {
        if let HighlighterSlot::Loading(_) = self
            && let HighlighterSlot::Loading(handle) =
                std::mem::replace(self, HighlighterSlot::Failed)
            && let Ok(h) = handle.join()
        {
            *self = HighlighterSlot::ready(h);
        }
    }

    pub fn get(&self) -> Option<&Highlighter> {
        match self {
            HighlighterSlot::Ready(h) => Some(h),
            _ => None,
        }
    }
}

/// syntect style → ratatui style. bat's ansi theme stores a palette index
/// in the red channel with alpha 0, and "the terminal's default" as alpha 1.
pub fn convert(style: syntect::highlighting::Style) -> Style {
    let mut out = Style::default();
    if let Some(fg) = color(style.foreground) {
        out = out.fg(fg);
    }
    let font = style.font_style;
    if font.contains(FontStyle::BOLD) {
        out = out.add_modifier(Modifier::BOLD);
    }
    if font.contains(FontStyle::ITALIC) {
        out = out.add_modifier(Modifier::ITALIC);
    }
    if font.contains(FontStyle::UNDERLINE) {
        out = out.add_modifier(Modifier::UNDERLINED);
    }
    out
}

fn color(c: syntect::highlighting::Color) -> Option<Color> {
    match c.a {
        0 => Some(match c.r {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            15 => Color::White,
            n => Color::Indexed(n),
        }),
        1 => None,
        _ => Some(Color::Rgb(c.r, c.g, c.b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::markdown::plain_text;

    fn colours(lines: &[Line]) -> std::collections::BTreeSet<String> {
        lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .filter_map(|s| s.style.fg.map(|c| format!("{c:?}")))
            .collect()
    }

    #[test]
    fn languages_the_bank_uses_are_known() {
        let h = Highlighter::new();
        for lang in [
            "python",
            "bash",
            "shell",
            "sql",
            "json",
            "toml",
            "javascript",
            "yaml",
            "dockerfile",
        ] {
            assert!(h.syntax(lang).is_some(), "{lang}");
        }
        assert!(h.syntax("text").is_none());
    }

    #[test]
    fn python_is_coloured_from_the_palette_and_keeps_indentation() {
        let h = Highlighter::new();
        let code = "def f(x):\n    return x + 1  # one more\n";
        let lines = h.highlight(code, "python");
        assert_eq!(
            plain_text(&lines),
            "def f(x):\n    return x + 1  # one more"
        );
        let used = colours(&lines);
        assert!(used.len() >= 2, "{used:?}");
        assert!(
            used.iter().all(|c| !c.starts_with("Rgb")),
            "palette colours only: {used:?}"
        );
    }

    #[test]
    fn unknown_languages_are_plain() {
        let h = Highlighter::new();
        let lines = h.highlight("just text\n  indented", "text");
        assert_eq!(plain_text(&lines), "just text\n  indented");
        assert!(colours(&lines).is_empty());
    }

    #[test]
    fn toml_and_sql_are_highlighted() {
        let h = Highlighter::new();
        assert!(!colours(&h.highlight("[tool.black]\nline-length = 88\n", "toml")).is_empty());
        assert!(!colours(&h.highlight("SELECT name FROM users WHERE id = 1;\n", "sql")).is_empty());
    }
}
