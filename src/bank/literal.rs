//! Python's names, kept as written. In Markdown a bare `__init__` is strong
//! emphasis: it shows as a bold "init", and `if __name__ == "__main__":`
//! loses four underscores. Normalization turns such identifier-shaped
//! emphasis in prose into inline code, which every renderer (the study
//! screen, `list`, the Anki and Markdown exports) shows literally. Code
//! (spans and blocks), HTML and ordinary emphasis (`_really_`,
//! `__Note__`) are left as they are.
//!
//! Also, for MDX sources: character references inside inline code
//! (`` `&lt;=` ``, written so because `<` opens JSX in MDX) become the
//! characters they stand for, as MDX shows them.

use crate::bank::text::Trim;
use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The options every renderer of pyquiz parses answers with.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Is emphasis written as `source` (delimiters included) with plain text
/// `inner` a Python name? Underscore delimiters, and either a dunder
/// (`__name__`, lower case first) or a name joined by underscores
/// (`_private_name_`, `__post_init__`).
fn is_identifier_emphasis(source: &str, inner: &str) -> bool {
    let bytes = source.as_bytes();
    if bytes.len() < 3 || bytes[0] != b'_' || bytes[bytes.len() - 1] != b'_' {
        return false;
    }
    if inner.is_empty() || !inner.bytes().all(is_ident_byte) {
        return false;
    }
    let dunder = source.starts_with("__")
        && source.ends_with("__")
        && inner.as_bytes()[0].is_ascii_lowercase();
    dunder || inner.contains('_')
}

/// Widens `range` over the name characters around it: `obj.__dict__`,
/// `__init__.py`, `x__y__` (a dot only between name characters).
fn widen(text: &str, mut range: Range<usize>) -> Range<usize> {
    let b = text.as_bytes();
    let name_before = |s: usize| {
        (s > 0 && is_ident_byte(b[s - 1])) || (s > 1 && b[s - 1] == b'.' && is_ident_byte(b[s - 2]))
    };
    while name_before(range.start) {
        range.start -= 1;
    }
    let name_after = |e: usize| {
        (e < b.len() && is_ident_byte(b[e]))
            || (e + 1 < b.len() && b[e] == b'.' && is_ident_byte(b[e + 1]))
    };
    while name_after(range.end) {
        range.end += 1;
    }
    range
}

/// Could `markdown` hold underscore emphasis at all? Only an underscore
/// that does not follow a letter, digit or underscore can open it (inside
/// a word it is literal), on a line that is not plainly code (in a ```
/// or ~~~ fence, or indented four spaces). Most answers have none, and are
/// not parsed again; for the rest the parse decides. One pass.
fn may_open_underscore_emphasis(markdown: &str) -> bool {
    if memchr::memchr(b'_', markdown.as_bytes()).is_none() {
        return false;
    }
    let mut fenced: Option<&str> = None;
    for line in crate::bank::text::lines(markdown) {
        let trimmed = line.trim_start_ws();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fenced, marker) {
            (None, Some(m)) => {
                fenced = Some(m);
                continue;
            }
            (Some(open), Some(m)) if open == m => {
                fenced = None;
                continue;
            }
            (Some(_), _) => continue,
            (None, None) => {}
        }
        if line.starts_with("    ") || line.starts_with('\t') {
            continue;
        }
        // Outside inline code: after an even number of backticks on the
        // line (one left open only makes the parse run).
        let b = line.as_bytes();
        let mut ticks = 0usize;
        let mut inside = false;
        for i in memchr::memchr2_iter(b'_', b'`', b) {
            if b[i] == b'`' {
                ticks += 1;
            } else if (i == 0 || !is_ident_byte(b[i - 1]))
                && b.get(i + 1)
                    .is_some_and(|&n| n == b'_' || n.is_ascii_alphanumeric())
            {
                if ticks.is_multiple_of(2) {
                    return true;
                }
                inside = true;
            }
        }
        // A backtick never closed is literal: what followed it counts.
        if inside && !ticks.is_multiple_of(2) {
            return true;
        }
    }
    false
}

/// `markdown` with identifier-shaped emphasis in prose turned into inline
/// code (see the module's comment); unchanged (borrowed) when it has none.
pub fn identifiers_as_code(markdown: &str) -> Cow<'_, str> {
    if !may_open_underscore_emphasis(markdown) {
        return Cow::Borrowed(markdown);
    }
    let mut spans: Vec<Range<usize>> = Vec::new();
    // The emphasis being read: where it starts, its text, and whether
    // anything but plain text is inside it.
    let mut open: Option<(Range<usize>, String, bool)> = None;
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Strong | Tag::Emphasis) => {
                depth += 1;
                if depth == 1 {
                    open = Some((range, String::new(), false));
                } else if let Some(o) = &mut open {
                    o.2 = true;
                }
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some((range, inner, mixed)) = open.take()
                    && !mixed
                    && is_identifier_emphasis(&markdown[range.clone()], &inner)
                {
                    spans.push(widen(markdown, range));
                }
            }
            Event::Text(text) if depth > 0 => {
                if let Some(o) = &mut open {
                    o.1.push_str(&text);
                }
            }
            _ if depth > 0 => {
                if let Some(o) = &mut open {
                    o.2 = true;
                }
            }
            _ => {}
        }
    }
    if spans.is_empty() {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 2 * spans.len());
    let mut at = 0;
    for span in spans {
        if span.start < at {
            continue;
        }
        out.push_str(&markdown[at..span.start]);
        out.push('`');
        out.push_str(&markdown[span.clone()]);
        out.push('`');
        at = span.end;
    }
    out.push_str(&markdown[at..]);
    Cow::Owned(out)
}

/// `markdown` with the character references inside its inline code spans
/// decoded (`` `&lt;=` `` becomes `` `<=` ``); code blocks untouched.
pub fn entities_in_code_spans(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains('&') {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::new();
    let mut at = 0;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        if let Event::Code(_) = event {
            let span = &markdown[range.clone()];
            if span.contains('&') {
                out.push_str(&markdown[at..range.start]);
                out.push_str(&super::text::decode_entities(span));
                at = range.end;
            }
        }
    }
    if at == 0 {
        return Cow::Borrowed(markdown);
    }
    out.push_str(&markdown[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dunder_names_in_prose_become_code() {
        for (given, expected) in [
            (
                "What is the difference between __new__ and __init__?",
                "What is the difference between `__new__` and `__init__`?",
            ),
            (
                "How do you use if __name__ == \"__main__\":?",
                "How do you use if `__name__` == \"`__main__`\":?",
            ),
            (
                "What is __init__.py used for?",
                "What is `__init__.py` used for?",
            ),
            (
                "Look at obj.__dict__ first.",
                "Look at `obj.__dict__` first.",
            ),
            (
                "Use __post_init__ and _private_name_ here.",
                "Use `__post_init__` and `_private_name_` here.",
            ),
            ("- __slots__ saves memory", "- `__slots__` saves memory"),
            ("| __eq__ | == |", "| `__eq__` | == |"),
        ] {
            assert_eq!(identifiers_as_code(given), expected, "{given}");
        }
    }

    #[test]
    fn code_html_and_ordinary_emphasis_stay_as_they_are() {
        for given in [
            "Already `__init__` in code.",
            "```python\nclass A:\n    def __init__(self): ...\n```",
            "    __init__ in an indented block",
            "This is _really_ important, and __Note__ is bold.",
            "**bold** and *italic* and snake_case_name",
            "<div>__init__</div>",
            "A ___mixed **thing**___ stays.",
            "no underscores at all",
        ] {
            assert_eq!(identifiers_as_code(given), given, "{given}");
        }
    }

    /// The cheap look that spares most texts the parse: names in inline
    /// code or code blocks, and underscores inside words, need none.
    #[test]
    fn only_texts_that_may_hold_underscore_emphasis_are_parsed() {
        for none in [
            "Already `__init__` and `obj.__dict__` in code.",
            "snake_case_name and CONSTANT_VALUE",
            "```python\ndef __init__(self): ...\n```",
            "    __init__ indented",
        ] {
            assert!(!may_open_underscore_emphasis(none), "{none}");
        }
        for some in ["`a` __init__ `b`", "a __init__", "_x_y_", "`open __init__"] {
            assert!(may_open_underscore_emphasis(some), "{some}");
        }
    }

    #[test]
    fn entities_in_code_spans_are_decoded_and_nowhere_else() {
        assert_eq!(
            entities_in_code_spans("| `A &lt;= B` | `&lt;` and `&amp;&amp;` |"),
            "| `A <= B` | `<` and `&&` |"
        );
        let block = "```\nif a &lt; b: pass\n```\n\nText &lt; here.";
        assert_eq!(entities_in_code_spans(block), block);
    }
}
