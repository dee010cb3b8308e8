//! Small text helpers shared by the layout parsers.

use std::borrow::Cow;

/// Tab stop used when a file mixes tabs and spaces.
pub const TAB_WIDTH: usize = 4;

/// Width of a line's leading whitespace, with tabs to the next tab stop.
pub fn indent_width(line: &str) -> usize {
    let mut width = 0;
    for c in line.chars() {
        match c {
            ' ' => width += 1,
            '\t' => width += TAB_WIDTH - width % TAB_WIDTH,
            _ => break,
        }
    }
    width
}

/// The line with its leading whitespace rewritten as spaces.
pub fn expand_leading_tabs(line: &str) -> String {
    let rest = line.trim_start_matches([' ', '\t']);
    let width = indent_width(line);
    let mut out = String::with_capacity(width + rest.len());
    out.extend(std::iter::repeat_n(' ', width));
    out.push_str(rest);
    out
}

/// Removes `width` columns of leading whitespace (tabs expanded), or all of
/// it when the line is indented less.
pub fn strip_indent(line: &str, width: usize) -> Cow<'_, str> {
    let rest = line.trim_start_matches([' ', '\t']);
    let leading = &line[..line.len() - rest.len()];
    if !leading.contains('\t') {
        return Cow::Borrowed(&line[leading.len().min(width)..]);
    }
    let expanded = expand_leading_tabs(line);
    let have = indent_width(&expanded);
    Cow::Owned(expanded[have.min(width)..].to_string())
}

/// Removes the indentation common to all non-blank lines.
pub fn dedent<S: AsRef<str>>(lines: &[S]) -> Vec<Cow<'_, str>> {
    let common = lines
        .iter()
        .map(AsRef::as_ref)
        .filter(|l| !l.trim_ws().is_empty())
        .map(indent_width)
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            let l = l.as_ref();
            if l.trim_ws().is_empty() {
                Cow::Borrowed("")
            } else {
                strip_indent(l, common)
            }
        })
        .collect()
}

/// Is this line the opening or closing line of a fenced code block?
/// Returns the fence marker (``` or ~~~ run) and the info string.
pub fn fence(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start_matches([' ', '\t']);
    let marker = if t.starts_with("```") {
        '`'
    } else if t.starts_with("~~~") {
        '~'
    } else {
        return None;
    };
    let len = t.chars().take_while(|&c| c == marker).count();
    let (run, info) = t.split_at(len);
    if marker == '`' && info.contains('`') {
        return None;
    }
    Some((run, info.trim_ws()))
}

/// A line that separates parts of a document: a thematic break of three or
/// more `-`, `*` or `_`, or a run of `=`.
pub fn is_rule(line: &str) -> bool {
    let t = line.trim_ws();
    t.len() >= 3
        && ['-', '*', '_', '=']
            .iter()
            .any(|&m| t.chars().all(|c| c == m))
}

/// The words of a text, as written: runs of letters, digits and `_`;
/// everything else separates them (`*args` → `args`, `a.txt` → `a`, `txt`).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// Collapses internal whitespace to single spaces and trims.
pub fn squash_spaces(text: &str) -> String {
    // Most texts are already squashed: plain ASCII with single spaces.
    let bytes = text.as_bytes();
    let squashed = bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && bytes
            .iter()
            .all(|&b| b.is_ascii() && (b == b' ' || !b.is_ascii_whitespace()))
        && !text.contains("  ");
    if squashed {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The longest a section name is kept, in characters. Every card under a
/// heading carries its name, so a heading of megabytes (a damaged or
/// hostile file) would be copied into each card; real headings are short
/// (the built-in deck's longest is 94).
pub const MAX_SECTION_CHARS: usize = 200;

/// A heading's text as a section name: cut to [`MAX_SECTION_CHARS`]
/// characters, ending in `…` when cut.
pub fn section_title(mut title: String) -> String {
    if let Some((at, _)) = title.char_indices().nth(MAX_SECTION_CHARS) {
        title.truncate(at);
        title.push('…');
    }
    title
}

/// Removes numbering such as `Q12:`, `Q12.`, `12.`, `12)` and a leading
/// `**[HARD]**` marker from the start of a question.
pub fn strip_numbering(question: &str) -> String {
    let mut q = question.trim_ws();
    if let Some(rest) = q.strip_prefix("**[HARD]**") {
        q = rest.trim_start_ws();
    }
    let after_q = q
        .strip_prefix('Q')
        .or_else(|| q.strip_prefix('q'))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(q);
    let digits = after_q.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &after_q[digits..];
        if let Some(rest) = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(": "))
            .or_else(|| rest.strip_prefix(") "))
        {
            q = rest.trim_start_ws();
        }
    }
    if let Some(rest) = q.strip_prefix("**[HARD]**") {
        q = rest.trim_start_ws();
    }
    q.to_string()
}

/// Removes one pair of `**…**` wrapping the whole text; literal `*args`
/// and `**kwargs` inside stay.
pub fn strip_outer_bold(text: &str) -> &str {
    let t = text.trim_ws();
    if t.len() > 4
        && let Some(inner) = t.strip_prefix("**").and_then(|r| r.strip_suffix("**"))
    {
        return inner.trim_ws();
    }
    t
}

/// Decodes the few HTML entities seen in titles and attributes.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Does the line start with an emoji or pictographic symbol? Headings that
/// do (`### 🔹 Summary`) are section labels in the seed files.
pub fn starts_with_symbol(text: &str) -> bool {
    text.trim_start_ws().chars().next().is_some_and(|c| {
        let cp = c as u32;
        (0x2190..=0x2BFF).contains(&cp) || (0x1F000..=0x1FAFF).contains(&cp)
    })
}

/// `text.lines().collect()`, finding the line ends with one SIMD search of
/// the whole text instead of a search per line (most lines are short, and
/// std's per-call setup cost more than the search). Same lines as
/// `str::lines`: split at `\n`, a `\r` before it dropped, no empty last
/// line.
pub fn lines(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 32 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        let line = &text[start..end];
        out.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// `str::trim` and its one-sided forms, with the same results, that skip
/// ASCII whitespace a byte at a time and only decode characters where a
/// non-ASCII one meets the edge (where a Unicode space may be). Ingestion
/// trims every line several times, and std's trim decodes each edge
/// character.
pub trait Trim {
    fn trim_ws(&self) -> &str;
    fn trim_start_ws(&self) -> &str;
    fn trim_end_ws(&self) -> &str;
}

fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

impl Trim for str {
    fn trim_ws(&self) -> &str {
        self.trim_start_ws().trim_end_ws()
    }

    fn trim_start_ws(&self) -> &str {
        let bytes = self.as_bytes();
        let skip = bytes.iter().take_while(|&&b| ascii_space(b)).count();
        let rest = &self[skip..];
        if rest.as_bytes().first().is_some_and(|&b| b >= 0x80) {
            str::trim_start(rest)
        } else {
            rest
        }
    }

    fn trim_end_ws(&self) -> &str {
        let bytes = self.as_bytes();
        let keep = bytes.len() - bytes.iter().rev().take_while(|&&b| ascii_space(b)).count();
        let rest = &self[..keep];
        if rest.as_bytes().last().is_some_and(|&b| b >= 0x80) {
            str::trim_end(rest)
        } else {
            rest
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indent_widths() {
        assert_eq!(indent_width("\t x"), 5);
        assert_eq!(indent_width("  \tx"), 4);
        assert_eq!(indent_width("   x"), 3);
    }

    #[test]
    fn dedent_mixed_tabs() {
        let lines = ["\t- a", "\t\t - b", "", "\t\t\t c"];
        assert_eq!(dedent(&lines), vec!["- a", "     - b", "", "         c"]);
    }

    #[test]
    fn numbering_is_stripped() {
        assert_eq!(strip_numbering("Q12: How?"), "How?");
        assert_eq!(strip_numbering("Q12. How?"), "How?");
        assert_eq!(strip_numbering("12. How?"), "How?");
        assert_eq!(strip_numbering("**[HARD]** Explain it"), "Explain it");
        assert_eq!(strip_numbering("3D graphics?"), "3D graphics?");
        assert_eq!(strip_numbering("2.5 release?"), "2.5 release?");
    }

    #[test]
    fn outer_bold_only() {
        assert_eq!(
            strip_outer_bold("**What are *args and **kwargs?**"),
            "What are *args and **kwargs?"
        );
        assert_eq!(strip_outer_bold("Use **kwargs"), "Use **kwargs");
    }

    proptest::proptest! {
        /// The same lines as `str::lines`, whatever the line ends.
        #[test]
        fn lines_agree_with_std(s in "[a\\r\\n é]{0,16}") {
            proptest::prop_assert_eq!(lines(&s), s.lines().collect::<Vec<_>>());
        }
    }

    proptest::proptest! {
        /// The fast trims give std's results on any text, Unicode spaces
        /// included.
        #[test]
        fn trims_agree_with_std(s in "[ \t\r\n\u{0b}\u{0c}\u{a0}\u{85}\u{2003}\u{3000}a-zé😀]{0,12}") {
            proptest::prop_assert_eq!(s.trim_ws(), s.trim());
            proptest::prop_assert_eq!(s.trim_start_ws(), s.trim_start());
            proptest::prop_assert_eq!(s.trim_end_ws(), s.trim_end());
        }
    }
}
