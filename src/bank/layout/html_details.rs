//! Layout of decks written with HTML disclosure widgets, as many GitHub
//! question lists are: `<details><summary>Question</summary> answer
//! </details>`, on one line or many, at the top level or inside list items,
//! with the answer as Markdown or in `<p>`, `<pre><code>`, `<ul>` and inline
//! tags. A `<details>` inside an answer (a hint, a longer explanation)
//! stays part of that answer. An unclosed `<details>` runs to the next one
//! at its level, or to the end of the file.

use super::{FenceTracker, Layout, RawCard, any_heading, kind};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{
    decode_entities, dedent, section_title, squash_spaces, strip_numbering, strip_outer_bold,
};

pub struct HtmlDetails;

/// Byte offset of the tag `needle` (ASCII, lowercase, starting with `<`)
/// in `haystack`, any case; only the `<`s are looked at.
fn find_tag(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let n = needle.as_bytes();
    let mut i = from;
    while let Some(off) = haystack.get(i..)?.find('<') {
        let at = i + off;
        if haystack
            .as_bytes()
            .get(at..at + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// An opening `<details>` or `<details open>` tag at `at`.
fn opens_details(text: &str, at: usize) -> bool {
    let rest = &text.as_bytes()[at..];
    rest.len() > 8
        && rest[..8].eq_ignore_ascii_case(b"<details")
        && matches!(rest[8], b'>' | b' ' | b'\t' | b'\n')
}

/// Every `<details>` block's end (the index just past its `</details>`),
/// by the offset of its opening tag, in one pass over the tags: an
/// opening tag is matched with the closing tag that brings its depth back
/// to zero; an unclosed one has no entry. Linear in the text.
fn block_ends(text: &str) -> rustc_hash::FxHashMap<usize, usize> {
    let mut ends = rustc_hash::FxHashMap::default();
    let mut open: Vec<usize> = Vec::new();
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b'<', bytes) {
        let rest = &bytes[at..];
        if rest.len() >= 10 && rest[..10].eq_ignore_ascii_case(b"</details>") {
            if let Some(start) = open.pop() {
                ends.insert(start, at + 10);
            }
        } else if opens_details(text, at) {
            open.push(at);
        }
    }
    ends
}

/// Inline HTML to Markdown: emphasis, code, line breaks, links; other tags
/// are dropped and entities decoded.
fn inline_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            rest = "";
            break;
        };
        let tag = rest[lt + 1..lt + gt].trim_ws().to_ascii_lowercase();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or("");
        out.push_str(match name {
            "b" | "strong" => "**",
            "i" | "em" => "*",
            "code" | "kbd" => "`",
            "br" => "\n",
            _ => "",
        });
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// An answer's HTML as Markdown lines: `<pre><code>` becomes a fenced block
/// (its language from `class="language-x"`), `<p>` a paragraph, `<li>` a
/// bullet, a nested `<details>` a bold title over its text; Markdown is
/// kept as it is.
fn answer_lines(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(pre) = find_tag(rest, "<pre", 0) {
        out.extend(block_text(&rest[..pre]));
        let open_end = rest[pre..].find('>').map_or(rest.len(), |g| pre + g + 1);
        let close = find_tag(rest, "</pre>", open_end).unwrap_or(rest.len());
        let mut code = &rest[open_end..close];
        let mut language = "";
        if let Some(c) = find_tag(code, "<code", 0) {
            let tag_end = code[c..].find('>').map_or(code.len(), |g| c + g + 1);
            let tag = &code[c..tag_end];
            if let Some(i) = tag.find("language-") {
                language = tag[i + 9..]
                    .split(|ch: char| !(ch.is_alphanumeric() || ch == '+' || ch == '#'))
                    .next()
                    .unwrap_or("");
            }
            code = &code[tag_end..];
            if let Some(end) = find_tag(code, "</code>", 0) {
                code = &code[..end];
            }
        }
        out.push(String::new());
        out.push(format!("```{language}"));
        out.extend(
            decode_entities(code.trim_matches('\n'))
                .lines()
                .map(str::to_string),
        );
        out.push("```".to_string());
        out.push(String::new());
        rest = &rest[(close + "</pre>".len()).min(rest.len())..];
    }
    out.extend(block_text(rest));
    out
}

/// Block-level HTML outside code: paragraphs, list items, nested details.
/// One pass over the tags (each replaced where it stands).
fn block_text(html: &str) -> Vec<String> {
    const BLOCK_TAGS: [(&str, &str); 11] = [
        ("<p>", "\n\n"),
        ("</p>", "\n\n"),
        ("<ul>", "\n"),
        ("</ul>", "\n"),
        ("<ol>", "\n"),
        ("</ol>", "\n"),
        ("<li>", "\n- "),
        ("</li>", "\n"),
        ("<summary>", "\n\n<strong>"),
        ("</summary>", "</strong>\n\n"),
        ("</details>", "\n\n"),
    ];
    let bytes = html.as_bytes();
    let mut text = String::with_capacity(html.len());
    let mut copied = 0;
    let mut next = 0;
    for at in memchr::memchr_iter(b'<', bytes) {
        if at < next {
            continue;
        }
        let rest = &bytes[at..];
        let replaced = BLOCK_TAGS
            .iter()
            .find(|(tag, _)| {
                rest.len() >= tag.len() && rest[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
            })
            .map(|&(tag, with)| (at + tag.len(), with))
            .or_else(|| {
                (rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"<details")).then(|| {
                    let end = html[at..].find('>').map_or(html.len(), |g| at + g + 1);
                    (end, "\n\n")
                })
            });
        if let Some((end, with)) = replaced {
            text.push_str(&html[copied..at]);
            text.push_str(with);
            copied = end;
            next = end;
        }
    }
    text.push_str(&html[copied..]);
    let lines: Vec<&str> = text.lines().collect();
    dedent(&lines)
        .into_iter()
        .map(|l| {
            if super::super::text::fence(&l).is_some() {
                l.into_owned()
            } else {
                inline_markdown(&l)
            }
        })
        .collect()
}

/// Line number (1-based) of a byte offset.
fn line_of(starts: &[usize], at: usize) -> usize {
    starts.partition_point(|&s| s <= at)
}

impl Layout for HtmlDetails {
    fn name(&self) -> &'static str {
        "html-details"
    }

    fn about(&self) -> &'static str {
        "`<details><summary>question</summary> answer </details>`"
    }

    fn kinds(&self) -> u16 {
        kind::TAG | kind::DIGIT
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines
            .iter()
            .filter(|l| l.as_bytes().contains(&b'<') && find_tag(l, "<summary", 0).is_some())
            .count()
            * 2
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        // Headings and code fences, by line, so that `<details>` shown in
        // code is left alone and each card knows its section.
        let mut fences = FenceTracker::default();
        let in_code: Vec<bool> = lines.iter().map(|l| fences.in_code(l)).collect();
        let text = lines.join("\n");
        let mut starts = Vec::with_capacity(lines.len());
        let mut offset = 0;
        for l in lines {
            starts.push(offset);
            offset += l.len() + 1;
        }
        let mut sections: Vec<(usize, String)> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if !in_code[i]
                && let Some((_, t)) = any_heading(l)
            {
                sections.push((i + 1, section_title(strip_numbering(&inline_markdown(t)))));
            }
        }
        let section_at = |line: usize| match sections.partition_point(|(l, _)| *l <= line) {
            0 => String::new(),
            n => sections[n - 1].1.clone(),
        };
        let ends = block_ends(&text);
        // Where each opening tag is, for an unclosed block's end: the next
        // `<details` after it (any, as a search from it would find).
        let openers: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"<")
            .filter(|&at| {
                text.as_bytes()
                    .get(at..at + 8)
                    .is_some_and(|w| w.eq_ignore_ascii_case(b"<details"))
            })
            .collect();

        let mut cards = Vec::new();
        let mut i = 0;
        while let Some(at) = find_tag(&text, "<details", i) {
            let line = line_of(&starts, at);
            if in_code[line - 1] || !opens_details(&text, at) {
                i = at + 1;
                continue;
            }
            let (end, closed) = match ends.get(&at) {
                Some(&end) => (end, true),
                // Unclosed: up to the next `<details>` tag.
                None => {
                    let k = openers.partition_point(|&o| o <= at);
                    (openers.get(k).copied().unwrap_or(text.len()), false)
                }
            };
            let block = &text[at..end];
            let inner_end = if closed {
                block.len() - "</details>".len()
            } else {
                block.len()
            };
            let inner = &block[block.find('>').map_or(0, |g| g + 1)..inner_end];
            i = end;
            let (question, body) = match find_tag(inner, "<summary", 0) {
                Some(s) => {
                    let q_start = inner[s..].find('>').map_or(inner.len(), |g| s + g + 1);
                    let q_end = find_tag(inner, "</summary>", q_start).unwrap_or(inner.len());
                    let after = (q_end + "</summary>".len()).min(inner.len());
                    (&inner[q_start..q_end], &inner[after..])
                }
                None => continue,
            };
            let question =
                strip_numbering(strip_outer_bold(&squash_spaces(&inline_markdown(question))));
            if question.is_empty() {
                continue;
            }
            let (answer, has_code) = answer_markdown(&answer_lines(body));
            cards.push(RawCard {
                line,
                question,
                answer,
                has_code,
                section: section_at(line),
                ..RawCard::default()
            });
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        HtmlDetails.parse("t.md", &lines).unwrap()
    }

    #[test]
    fn blocks_inline_nested_and_in_lists() {
        let cards = parse(
            "# Python\n\n## Basics\n\n<details>\n<summary><b>1. What is a list?</b></summary>\n\nA **mutable** sequence.\n\n```python\nxs = [1]\n```\n</details>\n\n- <details><summary>What is a tuple?</summary><p>An immutable sequence.</p><p>Use <code>tuple()</code>.</p></details>\n- <details><summary>What is a set?</summary>\n  <p>Unique items.</p>\n  <details><summary>Hint</summary>Think of math.</details>\n  </details>\n",
        );
        assert_eq!(cards.len(), 3, "{cards:#?}");
        assert_eq!(cards[0].question, "What is a list?");
        assert_eq!(cards[0].section, "Basics");
        assert_eq!(cards[0].line, 5);
        assert_eq!(
            cards[0].answer,
            "A **mutable** sequence.\n\n```python\nxs = [1]\n```"
        );
        assert!(cards[0].has_code);
        assert_eq!(cards[1].question, "What is a tuple?");
        assert_eq!(cards[1].answer, "An immutable sequence.\n\nUse `tuple()`.");
        assert_eq!(cards[2].question, "What is a set?");
        assert_eq!(
            cards[2].answer,
            "Unique items.\n\n**Hint**\n\nThink of math."
        );
    }

    #[test]
    fn pre_code_becomes_a_fence_and_code_blocks_are_skipped() {
        let cards = parse(
            "```html\n<details><summary>Not a card</summary>x</details>\n```\n\n<details>\n<summary>Show &lt;x&gt;?</summary>\n<pre><code class=\"language-python\">print(&quot;hi&quot;)\n</code></pre>\n</details>\n\n<details>\n<summary>Unclosed?</summary>\nStill an answer.\n",
        );
        assert_eq!(cards.len(), 2, "{cards:#?}");
        assert_eq!(cards[0].question, "Show <x>?");
        assert_eq!(cards[0].answer, "```python\nprint(\"hi\")\n```");
        assert_eq!(cards[1].question, "Unclosed?");
        assert_eq!(cards[1].answer, "Still an answer.");
    }
}
