//! Markdown → styled terminal lines: headings, emphasis, inline code,
//! nested lists, aligned tables with wrapped cells, block quotes (the
//! sources' call-outs arrive as block quotes headed by their title), links
//! as text, and syntax-highlighted code blocks on a distinct background
//! with their indentation kept exactly. Prose is wrapped to the width here,
//! once per card and width, so drawing only copies lines.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::highlight::Highlighter;
use super::theme::Theme;

/// Renders `markdown` into lines at most `width` columns wide (code lines
/// longer than that are left whole, to be clipped, never re-flowed).
/// Without a highlighter (still loading) code blocks come out plain, on
/// their background.
pub fn render(
    markdown: &str,
    width: usize,
    theme: &Theme,
    hl: Option<&Highlighter>,
) -> Vec<Line<'static>> {
    let mut r = Renderer {
        theme,
        hl,
        width: width.max(8),
        out: Vec::new(),
        styles: Vec::new(),
        inline: Vec::new(),
        containers: Vec::new(),
        lists: Vec::new(),
        code: None,
        table: None,
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        r.event(event);
    }
    r.flush_inline();
    while r.out.last().is_some_and(is_blank) {
        r.out.pop();
    }
    r.out
}

/// Plain text of the lines (tests and search).
pub fn plain_text(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.as_ref())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_blank(line: &Line) -> bool {
    line.spans.iter().all(|s| s.content.trim().is_empty())
}

/// A container's prefix: what its first line starts with, and the rest.
struct Container {
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
    first_used: bool,
}

struct TableState {
    aligns: Vec<Alignment>,
    rows: Vec<Vec<Vec<Span<'static>>>>,
    header_rows: usize,
    in_head: bool,
}

struct Renderer<'a> {
    theme: &'a Theme,
    hl: Option<&'a Highlighter>,
    width: usize,
    out: Vec<Line<'static>>,
    styles: Vec<Style>,
    inline: Vec<Span<'static>>,
    containers: Vec<Container>,
    /// Next number of each open list (`None` for bullets).
    lists: Vec<Option<u64>>,
    code: Option<(String, String)>,
    table: Option<TableState>,
}

impl Renderer<'_> {
    fn style(&self) -> Style {
        self.styles
            .iter()
            .fold(self.theme.text, |acc, s| acc.patch(*s))
    }

    fn prefix_width(&self) -> usize {
        self.containers
            .iter()
            .map(|c| {
                let spans = if c.first_used { &c.rest } else { &c.first };
                spans.iter().map(|s| s.content.width()).sum::<usize>()
            })
            .sum()
    }

    /// The prefix for the next line, marking first-line markers used.
    fn take_prefix(&mut self) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for c in &mut self.containers {
            if c.first_used {
                spans.extend(c.rest.iter().cloned());
            } else {
                spans.extend(c.first.iter().cloned());
                c.first_used = true;
            }
        }
        spans
    }

    fn push_line(&mut self, body: Vec<Span<'static>>) {
        let mut spans = self.take_prefix();
        spans.extend(body);
        self.out.push(Line::from(spans));
    }

    /// A blank line between blocks (not at the very top, not twice, and not
    /// right after a list marker that has not been used yet).
    fn gap(&mut self) {
        if self.out.is_empty() || self.out.last().is_some_and(is_blank) {
            return;
        }
        if self.containers.iter().any(|c| !c.first_used) {
            return;
        }
        let prefix: Vec<Span<'static>> = self
            .containers
            .iter()
            .filter(|c| c.rest.iter().any(|s| !s.content.trim().is_empty()))
            .flat_map(|c| c.rest.iter().cloned())
            .collect();
        self.out.push(Line::from(prefix));
    }

    fn text(&mut self, text: &str) {
        if let Some((_, buf)) = &mut self.code {
            buf.push_str(text);
            return;
        }
        let style = self.style();
        self.inline.push(Span::styled(text.to_string(), style));
    }

    fn flush_inline(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        let spans = std::mem::take(&mut self.inline);
        if let Some(table) = &mut self.table {
            if let Some(row) = table.rows.last_mut()
                && let Some(cell) = row.last_mut()
            {
                cell.extend(spans);
            }
            return;
        }
        // Hard breaks arrive as "\n" spans: wrap each part separately.
        let mut parts: Vec<Vec<Span<'static>>> = vec![Vec::new()];
        for span in spans {
            let mut pieces = span.content.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                if !piece.is_empty()
                    && let Some(p) = parts.last_mut()
                {
                    p.push(Span::styled(piece.to_string(), span.style))
                }
                if pieces.peek().is_some() {
                    parts.push(Vec::new());
                }
            }
        }
        for part in parts {
            let avail = self.width.saturating_sub(self.prefix_width()).max(4);
            for line in wrap(&part, avail) {
                self.push_line(line);
            }
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                let style = self.style().patch(self.theme.inline_code);
                self.inline.push(Span::styled(t.to_string(), style));
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Html(t) | Event::InlineHtml(t) => {
                let t = t.trim_end_matches('\n').to_string();
                if !t.trim().is_empty() {
                    let style = self.style().patch(self.theme.muted);
                    self.inline.push(Span::styled(t, style));
                }
            }
            Event::Rule => {
                self.flush_inline();
                self.gap();
                let avail = self.width.saturating_sub(self.prefix_width());
                self.push_line(vec![Span::styled("─".repeat(avail), self.theme.muted)]);
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph if self.table.is_none() => {
                self.flush_inline();
                self.gap();
            }
            Tag::Heading { .. } => {
                self.flush_inline();
                self.gap();
                self.styles.push(self.theme.heading);
            }
            Tag::BlockQuote(_) => {
                self.flush_inline();
                self.gap();
                let bar = vec![Span::styled("│ ", self.theme.quote)];
                self.containers.push(Container {
                    first: bar.clone(),
                    rest: bar,
                    first_used: false,
                });
            }
            Tag::CodeBlock(kind) => {
                self.flush_inline();
                self.gap();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => {
                self.flush_inline();
                if self.lists.is_empty() {
                    self.gap();
                }
                self.lists.push(start);
            }
            Tag::Item => {
                self.flush_inline();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => ["• ", "◦ ", "▪ "][(self.lists.len().max(1) - 1) % 3].to_string(),
                };
                let pad = " ".repeat(marker.width());
                self.containers.push(Container {
                    first: vec![Span::styled(marker, self.theme.accent)],
                    rest: vec![Span::raw(pad)],
                    first_used: false,
                });
            }
            Tag::Emphasis => self.styles.push(self.theme.emphasis),
            Tag::Strong => self.styles.push(self.theme.strong),
            Tag::Strikethrough => self
                .styles
                .push(Style::default().add_modifier(ratatui::style::Modifier::CROSSED_OUT)),
            Tag::Link { .. } => self.styles.push(self.theme.link),
            Tag::Image { .. } => self.styles.push(self.theme.muted),
            Tag::Table(aligns) => {
                self.flush_inline();
                self.gap();
                self.table = Some(TableState {
                    aligns,
                    rows: Vec::new(),
                    header_rows: 0,
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.rows.push(Vec::new());
                }
                self.styles.push(self.theme.strong);
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(t) = &mut self.table
                    && let Some(row) = t.rows.last_mut()
                {
                    row.push(Vec::new());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush_inline(),
            TagEnd::Heading(_) => {
                self.flush_inline();
                self.styles.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.flush_inline();
                self.containers.pop();
                self.gap();
            }
            TagEnd::CodeBlock => {
                if let Some((lang, code)) = self.code.take() {
                    self.code_block(&lang, &code);
                }
            }
            TagEnd::List(_) => {
                self.flush_inline();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush_inline();
                if let Some(c) = self.containers.last()
                    && !c.first_used
                {
                    // An empty item still shows its marker.
                    self.push_line(Vec::new());
                }
                self.containers.pop();
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image => {
                self.styles.pop();
            }
            TagEnd::TableHead => {
                self.flush_inline();
                self.styles.pop();
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::TableCell | TagEnd::TableRow => self.flush_inline(),
            TagEnd::Table => {
                self.flush_inline();
                if let Some(t) = self.table.take() {
                    self.render_table(t);
                }
            }
            _ => {}
        }
    }

    fn code_block(&mut self, lang: &str, code: &str) {
        let avail = self.width.saturating_sub(self.prefix_width());
        let bg = self.theme.code_block;
        let code = code.trim_end_matches('\n');
        let lines = match self.hl {
            Some(hl) if self.theme.color => hl.highlight(code, lang),
            _ => code.lines().map(|l| Line::from(l.to_string())).collect(),
        };
        let inner = lines
            .iter()
            .map(|l| l.width())
            .max()
            .unwrap_or(0)
            .max(avail.saturating_sub(2));
        let margin = self.theme.code_margin;
        let margin_style = if self.theme.color {
            bg
        } else {
            self.theme.muted
        };
        for line in lines {
            let used = line.width();
            let mut body = vec![Span::styled(margin, margin_style)];
            body.extend(
                line.spans
                    .into_iter()
                    .map(|s| Span::styled(s.content, self.theme.code_token(s.style))),
            );
            if self.theme.color {
                body.push(Span::styled(" ".repeat(inner.saturating_sub(used) + 1), bg));
            }
            self.push_line(body);
        }
        self.gap();
    }

    fn render_table(&mut self, t: TableState) {
        let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return;
        }
        let avail = self.width.saturating_sub(self.prefix_width());
        // Natural widths, then shrink the widest columns until it fits.
        let mut widths: Vec<usize> = (0..cols)
            .map(|c| {
                t.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| cell.iter().map(|s| s.content.width()).sum::<usize>())
                    .max()
                    .unwrap_or(0)
                    .max(1)
            })
            .collect();
        let chrome = 3 * cols + 1;
        while widths.iter().sum::<usize>() + chrome > avail {
            let Some((i, &w)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else {
                break;
            };
            if w <= 3 {
                break;
            }
            widths[i] = w - 1;
        }
        let border = self.theme.muted;
        let rule = |left: &str, mid: &str, right: &str| {
            let mut s = String::from(left);
            for (i, w) in widths.iter().enumerate() {
                s.push_str(&"─".repeat(w + 2));
                s.push_str(if i + 1 == widths.len() { right } else { mid });
            }
            Span::styled(s, border)
        };
        self.push_line(vec![rule("┌", "┬", "┐")]);
        for (r, row) in t.rows.iter().enumerate() {
            let wrapped: Vec<Vec<Vec<Span<'static>>>> = (0..cols)
                .map(|c| {
                    let cell = row.get(c).cloned().unwrap_or_default();
                    wrap(&cell, widths[c])
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
            for k in 0..height {
                let mut body = vec![Span::styled("│", border)];
                for c in 0..cols {
                    let line = wrapped[c].get(k).cloned().unwrap_or_default();
                    let used: usize = line.iter().map(|s| s.content.width()).sum();
                    let spare = widths[c].saturating_sub(used);
                    let (left, right) = match t.aligns.get(c) {
                        Some(Alignment::Right) => (spare, 0),
                        Some(Alignment::Center) => (spare / 2, spare - spare / 2),
                        _ => (0, spare),
                    };
                    body.push(Span::raw(" ".repeat(left + 1)));
                    body.extend(line);
                    body.push(Span::raw(" ".repeat(right + 1)));
                    body.push(Span::styled("│", border));
                }
                self.push_line(body);
            }
            if r + 1 == t.header_rows && t.rows.len() > t.header_rows {
                self.push_line(vec![rule("├", "┼", "┤")]);
            }
        }
        self.push_line(vec![rule("└", "┴", "┘")]);
        self.gap();
    }
}

/// Greedy word wrap of styled spans into lines at most `width` wide; words
/// longer than a line are split.
fn wrap(spans: &[Span<'static>], width: usize) -> Vec<Vec<Span<'static>>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    let mut pending_space: Option<Style> = None;
    for span in spans {
        let style = span.style;
        let text = span.content.as_ref();
        let mut rest = text;
        while !rest.is_empty() {
            let ws_len = rest.len() - rest.trim_start().len();
            if ws_len > 0 {
                if used > 0 {
                    pending_space = Some(style);
                }
                rest = &rest[ws_len..];
                continue;
            }
            let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let mut word = &rest[..word_len];
            rest = &rest[word_len..];
            // CJK text has no spaces: a line may break between any two
            // wide characters, so such a run fills the line it starts on.
            let breakable = word.chars().any(|c| c.width() == Some(2));
            loop {
                let w = word.width();
                let space = usize::from(pending_space.is_some());
                if used > 0 && used + space + w > width && (!breakable || used + space >= width) {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                    pending_space = None;
                }
                if let Some(s) = pending_space.take() {
                    line.push(Span::styled(" ", s));
                    used += 1;
                }
                if used + w <= width {
                    push_merged(&mut line, word, style);
                    used += w;
                    break;
                }
                // Longer than a whole line: split at the width.
                let mut cut = 0;
                let mut cw = 0;
                for (i, c) in word.char_indices() {
                    let cwid = c.width().unwrap_or(0);
                    if used + cw + cwid > width {
                        break;
                    }
                    cw += cwid;
                    cut = i + c.len_utf8();
                }
                if cut == 0 && used > 0 {
                    // Not even one character fits after what the line
                    // holds: go on on the next line.
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                    continue;
                }
                if cut == 0 {
                    cut = word.chars().next().map_or(word.len(), char::len_utf8);
                }
                push_merged(&mut line, &word[..cut], style);
                lines.push(std::mem::take(&mut line));
                used = 0;
                word = &word[cut..];
                if word.is_empty() {
                    break;
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn push_merged(line: &mut Vec<Span<'static>>, text: &str, style: Style) {
    if let Some(last) = line.last_mut()
        && last.style == style
    {
        last.content.to_mut().push_str(text);
        return;
    }
    line.push(Span::styled(text.to_string(), style));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    fn show(md: &str, width: usize) -> (String, Vec<Line<'static>>) {
        let lines = render(md, width, &Theme::ansi(), Some(&Highlighter::new()));
        (plain_text(&lines), lines)
    }

    #[test]
    fn cjk_breaks_between_characters_and_rtl_keeps_its_order() {
        // Two columns a character: 8 of them fill a 16-wide line exactly.
        let (text, _) = show("答案：全局解释器锁让同一时刻只有一个线程执行字节码。", 16);
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows.iter().all(|r| r.width() <= 16), "{text}");
        assert_eq!(rows[0].width(), 16, "the first line is filled: {text}");
        assert_eq!(
            rows.concat(),
            "答案：全局解释器锁让同一时刻只有一个线程执行字节码。"
        );
        // Mixed: Latin words, then CJK filling what is left of the line.
        let (text, _) = show("Python 是全局解释器锁", 12);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["Python 是全", "局解释器锁"]
        );
        // Odd width: a wide character never straddles the edge.
        let (text, _) = show("一二三四五六七八九十", 9);
        assert_eq!(
            text.lines().collect::<Vec<_>>(),
            ["一二三四", "五六七八", "九十"]
        );
        // Right-to-left text is kept in logical order (the terminal lays it
        // out) and its combining marks take no column.
        let (text, _) = show("ما هو المُزخرف في بايثون؟", 40);
        assert_eq!(text.trim_end(), "ما هو المُزخرف في بايثون؟");
        assert_eq!("المُزخرف".width(), 7);
    }

    #[test]
    fn prose_wraps_to_the_width_and_keeps_styles() {
        let (text, lines) = show(
            "Use **generators** to stream `yield` values lazily, one at a time, instead of building lists.",
            30,
        );
        assert!(text.lines().all(|l| l.width() <= 30), "{text}");
        assert!(text.contains("generators"));
        let bold = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .find(|s| s.content.contains("generators"))
            .unwrap();
        assert!(
            bold.style
                .add_modifier
                .contains(ratatui::style::Modifier::BOLD)
        );
        let code = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .find(|s| s.content == "yield")
            .unwrap();
        assert_eq!(code.style.fg, Some(Color::Yellow));
    }

    #[test]
    fn nested_lists_indent_their_continuation_lines() {
        let (text, _) = show(
            "1. first item that is long enough to wrap around\n   - nested bullet\n2. second",
            24,
        );
        let expected = "1. first item that is\n   long enough to wrap\n   around\n   ◦ nested bullet\n2. second";
        assert_eq!(text, expected);
    }

    #[test]
    fn code_blocks_keep_indentation_and_get_a_background() {
        let md = "Text.\n\n```python\ndef f():\n    if x:\n        return 1\n```\n";
        let (text, lines) = show(md, 40);
        assert!(text.contains(" def f():"), "{text}");
        assert!(text.contains("     if x:"), "{text}");
        assert!(text.contains("         return 1"), "{text}");
        let code_line = lines
            .iter()
            .find(|l| plain_text(&[(*l).clone()]).contains("return"))
            .unwrap();
        // The band's background always comes with a foreground: default
        // text on a fixed background is invisible on some palette.
        assert!(
            code_line
                .spans
                .iter()
                .all(|s| s.style.bg == Some(Color::Black) && s.style.fg.is_some()),
            "{code_line:?}"
        );
        let colours: std::collections::BTreeSet<_> = code_line
            .spans
            .iter()
            .map(|s| format!("{:?}", s.style.fg))
            .collect();
        assert!(colours.len() >= 2, "highlighted: {colours:?}");
    }

    #[test]
    fn code_blocks_without_colour_keep_a_bar() {
        let md = "Text.\n\n```python\ndef f():\n    return 1\n```\n\nAfter.";
        let lines = render(md, 40, &Theme::plain(), Some(&Highlighter::new()));
        let text = plain_text(&lines);
        assert!(text.contains("\n│ def f():\n│     return 1\n"), "{text}");
    }

    #[test]
    fn light_code_blocks_use_a_light_band_with_dark_text() {
        let md = "```python\nx = max(1, 2)  # c\n```\n";
        let lines = render(md, 40, &Theme::light(), Some(&Highlighter::new()));
        for span in lines.iter().flat_map(|l| l.spans.iter()) {
            assert_eq!(span.style.bg, Theme::light().code_block.bg, "{span:?}");
            assert!(
                matches!(span.style.fg, Some(Color::Indexed(_))),
                "fixed colour, not the palette: {span:?}"
            );
        }
    }

    #[test]
    fn tables_are_aligned_and_wrapped() {
        let md = "| Method | What it does |\n|:--|--:|\n| `append` | adds one item at the end of the list |\n| `extend` | adds many |\n";
        let (text, _) = show(md, 36);
        let rows: Vec<&str> = text.lines().collect();
        assert!(
            rows[0].starts_with('┌') && rows.last().unwrap().starts_with('└'),
            "{text}"
        );
        let widths: std::collections::BTreeSet<usize> = rows.iter().map(|r| r.width()).collect();
        assert_eq!(widths.len(), 1, "every row the same width:\n{text}");
        assert!(rows.iter().all(|r| r.width() <= 36), "{text}");
        assert!(text.contains("├"), "header separator:\n{text}");
    }

    #[test]
    fn quotes_and_callouts_get_a_bar() {
        let (text, _) = show("> **Interviewer's Insight**\n>\n> They test recall.", 40);
        assert_eq!(text, "│ Interviewer's Insight\n│ \n│ They test recall.");
    }

    #[test]
    fn no_colour_theme_writes_no_colours() {
        let md = "# Title\n\nSome `code` and a [link](http://x).\n\n```python\nx = 1\n```\n";
        let lines = render(md, 40, &Theme::plain(), Some(&Highlighter::new()));
        let text = plain_text(&lines);
        assert!(text.contains("Title") && text.contains("x = 1"), "{text}");
        for span in lines.iter().flat_map(|l| l.spans.iter()) {
            assert_eq!((span.style.fg, span.style.bg), (None, None), "{span:?}");
        }
        // and the same Markdown in colour does use colours
        let coloured = render(md, 40, &Theme::ansi(), Some(&Highlighter::new()));
        assert!(
            coloured
                .iter()
                .flat_map(|l| l.spans.iter())
                .any(|s| s.style.fg.is_some())
        );
    }
}
