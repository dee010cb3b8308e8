//! Display-width helpers shared by the command line and the study screen.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` must never reach a terminal as it is: C0 controls (newline
/// and tab aside when `keep_lines`), ESC, DEL, C1 controls, and the bidi
/// embeddings, overrides and isolates that can make text read backwards.
/// Whether `c` must never reach a terminal in drawn text: every control
/// character (newlines included) and every bidi control.
pub fn is_unsafe_char(c: char) -> bool {
    is_unsafe(c, false)
}

fn is_unsafe(c: char, keep_lines: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_lines,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

fn escape_with(text: &str, keep_lines: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c, keep_lines)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c, keep_lines) {
            out.push(c);
        } else if c == '\n' {
            out.push_str("\\n");
        } else if c == '\t' {
            out.push_str("\\t");
        } else if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
    Cow::Owned(out)
}

/// Text from a deck or a file for a terminal: control characters and bidi
/// overrides become visible escapes (`\x1b`, `\u{202e}`); newlines and
/// tabs stay. JSON output needs none of this (serde escapes controls).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_with(text, true)
}

/// Like [`escape`] for text that must stay on one line (a file name, a
/// question in a table): newlines and tabs are escaped too.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_with(text, false)
}

/// What a file is, in words, for messages: "a regular file", "a
/// directory", "a symbolic link", "a FIFO", "a socket" or "a device".
pub fn file_kind(t: std::fs::FileType) -> &'static str {
    if t.is_file() {
        return "a regular file";
    }
    if t.is_dir() {
        return "a directory";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// A writer for a terminal: passes text through and turns every control
/// character (newline and tab aside), C1 control and bidi override in it
/// into a visible escape, as [`escape`] does. Everything pyquiz prints as
/// text goes through one, so no deck can clear the screen, set the
/// clipboard (OSC 52) or reorder a line, whatever the command. JSON and
/// exports are written as they are (serde escapes controls itself).
pub struct EscapingWriter<W: std::io::Write> {
    inner: W,
    /// The start of a UTF-8 sequence cut by the end of the last write.
    carry: Vec<u8>,
}

impl<W: std::io::Write> EscapingWriter<W> {
    pub fn new(inner: W) -> Self {
        EscapingWriter {
            inner,
            carry: Vec::new(),
        }
    }
}

/// Length of the UTF-8 sequence a lead byte starts (1 for anything else).
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

impl<W: std::io::Write> std::io::Write for EscapingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.carry);
        bytes.extend_from_slice(buf);
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7f {
                    let _ = write!(out, "\\x{b:02x}");
                } else {
                    out.push(b);
                }
                i += 1;
                continue;
            }
            let n = utf8_len(b);
            if i + n > bytes.len() {
                // Finished by the next write.
                self.carry = bytes[i..].to_vec();
                break;
            }
            let seq = &bytes[i..i + n];
            match std::str::from_utf8(seq).ok().and_then(|s| s.chars().next()) {
                Some(c) if is_unsafe(c, true) => {
                    if (c as u32) < 0x100 {
                        let _ = write!(out, "\\x{:02x}", c as u32);
                    } else {
                        let _ = write!(out, "\\u{{{:x}}}", c as u32);
                    }
                }
                _ => out.extend_from_slice(seq),
            }
            i += n;
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.carry.is_empty() {
            let rest = std::mem::take(&mut self.carry);
            self.inner.write_all(&rest)?;
        }
        self.inner.flush()
    }
}

/// A Markdown question as one line of text: emphasis marks, backticks and
/// link targets dropped, the words and code kept, breaks as spaces (for
/// lists and reports that show a question on one row).
pub fn markdown_line(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `n word` with the word in the plural unless `n` is 1 ("1 card",
/// "3 cards").
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Cuts `text` to at most `width` display columns, ending in `…` if cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads `text` with spaces to `width` display columns.
pub fn pad(text: &str, width: usize) -> String {
    let w = text.width();
    if w >= width {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(width - w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_questions_read_as_one_plain_line() {
        assert_eq!(
            markdown_line("What is the use of `yield from`?"),
            "What is the use of yield from?"
        );
        assert_eq!(
            markdown_line("**Bold**ly _go_ to [the docs](https://x.y)\nnow"),
            "Boldly go to the docs now"
        );
        assert_eq!(markdown_line("What is `__init__`?"), "What is __init__?");
        assert_eq!(markdown_line("a < b & c"), "a < b & c");
    }

    #[test]
    fn the_writer_escapes_across_split_writes() {
        use std::io::Write;
        let text = "ok \u{1b}]52;c;x\u{7} \u{202e}rev\u{9b} é\r\n";
        let mut expected = Vec::new();
        expected.extend_from_slice(escape(text).as_bytes());
        for cut in 0..text.len() {
            let mut w = EscapingWriter::new(Vec::new());
            w.write_all(&text.as_bytes()[..cut]).unwrap();
            w.write_all(&text.as_bytes()[cut..]).unwrap();
            w.flush().unwrap();
            assert_eq!(
                String::from_utf8(w.inner.clone()).unwrap(),
                escape(text),
                "cut at {cut}"
            );
        }
        assert_eq!(
            escape(text),
            "ok \\x1b]52;c;x\\x07 \\u{202e}rev\\x9b é\\x0d\n"
        );
    }

    #[test]
    fn escapes_controls_and_bidi_overrides() {
        let hostile = "a\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}b\u{8}\u{9b}c\u{202e}d\u{2066}e\tf\ng";
        assert_eq!(
            escape(hostile),
            "a\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07b\\x08\\x9bc\\u{202e}d\\u{2066}e\tf\ng"
        );
        assert_eq!(escape_line("x\ny\tz"), "x\\ny\\tz");
        assert!(matches!(escape("plain — text ✓ 是"), Cow::Borrowed(_)));
    }

    #[test]
    fn truncates_by_display_width() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(pad("日本", 6), "日本  ");
    }
}
