//! Layout of Obsidian spaced-repetition notes (the plugin's default
//! syntax):
//!
//! - `Question::Answer` on one line; `Question:::Answer` also makes the
//!   reversed card (the answer asked, the question expected);
//! - multi-line cards: question lines, a line holding only `?`, answer
//!   lines, up to a blank line outside code; `??` also makes the reversed
//!   card;
//! - the plugin's scheduling comments (`<!--SR:!2024-01-01,3,250-->`) and
//!   deck tags on their own line (`#flashcards/python`) are ignored.
//!
//! A `::` in code (`xs[::2]`, `std::vector`) is not a separator: it must be
//! outside backticks and brackets, with at least two words before it.

use super::{FenceTracker, Layout, RawCard, any_heading, kind, question_text};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, fence, section_title, strip_numbering};

pub struct ObsidianSr;

/// Removes the plugin's `<!--SR:…-->` comments from a line.
fn without_sr_comment(line: &str) -> &str {
    match line.find("<!--SR:") {
        Some(at) => line[..at].trim_end_ws(),
        None => line,
    }
}

/// A line of deck tags only: `#flashcards`, `#flashcards/python #review`.
fn is_tag_line(line: &str) -> bool {
    let t = line.trim_ws();
    !t.is_empty()
        && t.split_whitespace()
            .all(|w| w.len() > 1 && w.starts_with('#') && !w[1..].starts_with('#'))
}

/// `question::answer` (or `:::` for a reversible card): the two sides and
/// whether the card goes both ways.
pub(crate) fn one_liner(line: &str) -> Option<(&str, &str, bool)> {
    let line = without_sr_comment(line);
    let bytes = line.as_bytes();
    let (mut depth, mut in_code) = (0i32, false);
    let mut i = 0;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'`' => in_code = !in_code,
            b'(' | b'[' | b'{' if !in_code => depth += 1,
            b')' | b']' | b'}' if !in_code => depth -= 1,
            b':' if !in_code && depth == 0 && bytes[i + 1] == b':' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b':').count();
                if run > 3 {
                    return None;
                }
                let (q, a) = (line[..i].trim_ws(), line[i + run..].trim_ws());
                let words = q.split_whitespace().count();
                let ok = words >= 2 && !a.is_empty() && !q.starts_with(['-', '*', '|', '>']);
                return ok.then_some((q, a, run == 3));
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// `?` or `??` alone on a line: a multi-line card's separator.
fn separator(line: &str) -> Option<bool> {
    match line.trim_ws() {
        "?" => Some(false),
        "??" => Some(true),
        _ => None,
    }
}

fn card(line: usize, question: &[&str], answer_lines: &[&str], section: &str) -> RawCard {
    let (answer, has_code) = answer_markdown(&dedent(answer_lines));
    RawCard {
        line,
        question: strip_numbering(&question_text(question)),
        answer,
        has_code,
        section: section.to_string(),
        ..RawCard::default()
    }
}

impl Layout for ObsidianSr {
    fn name(&self) -> &'static str {
        "obsidian-sr"
    }

    fn about(&self) -> &'static str {
        "Obsidian spaced-repetition cards: Question::Answer, ? between lines"
    }

    fn kinds(&self) -> u16 {
        // `?` separators, `::` one-liners, SR comments on their own line.
        kind::MARK | kind::COLONS | kind::TAG
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines
            .iter()
            .filter(|l| {
                separator(l).is_some()
                    // Both an SR comment and a one-liner hold a colon.
                    || l.as_bytes().contains(&b':')
                        && (l.contains("<!--SR:")
                            || l.contains("::") && fence(l).is_none() && one_liner(l).is_some())
            })
            .count()
            * 2
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut fences = FenceTracker::default();
        // Start of the paragraph being read (a multi-line card's question).
        let mut paragraph: Option<usize> = None;
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if fences.in_code(line) {
                i += 1;
                continue;
            }
            let text = without_sr_comment(line);
            if text.trim_ws().is_empty() || is_tag_line(text) {
                paragraph = None;
                i += 1;
                continue;
            }
            if let Some((_, title)) = any_heading(text) {
                section = section_title(strip_numbering(title));
                paragraph = None;
                i += 1;
                continue;
            }
            if let Some(both_ways) = separator(text) {
                let start = paragraph.unwrap_or(i);
                let question: Vec<&str> = lines[start..i].to_vec();
                // The answer runs to a blank line outside code.
                let mut end = i + 1;
                let mut answer_fences = FenceTracker::default();
                while end < lines.len() {
                    let in_code = answer_fences.in_code(lines[end]);
                    if !in_code && without_sr_comment(lines[end]).trim_ws().is_empty() {
                        break;
                    }
                    end += 1;
                }
                let answer: Vec<&str> = lines[i + 1..end]
                    .iter()
                    .map(|l| without_sr_comment(l))
                    .collect();
                if !question.is_empty() {
                    cards.push(card(start + 1, &question, &answer, &section));
                    if both_ways {
                        cards.push(card(start + 1, &answer, &question, &section));
                    }
                }
                paragraph = None;
                // The answer's own fences were tracked above.
                fences = FenceTracker::default();
                i = end;
                continue;
            }
            if let Some((q, a, both_ways)) = one_liner(text) {
                cards.push(card(i + 1, &[q], &[a], &section));
                if both_ways {
                    cards.push(card(i + 1, &[a], &[q], &section));
                }
                paragraph = None;
                i += 1;
                continue;
            }
            paragraph.get_or_insert(i);
            i += 1;
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        ObsidianSr.parse("t.md", &lines).unwrap()
    }

    #[test]
    fn separators_in_code_are_not_cards() {
        assert!(one_liner("`xs[::2]` takes every other item").is_none());
        assert!(one_liner("xs[::2]").is_none());
        assert!(one_liner("std::vector").is_none());
        assert_eq!(
            one_liner("What does `xs[::2]` do::every other item <!--SR:!2024-01-01,3,250-->"),
            Some(("What does `xs[::2]` do", "every other item", false))
        );
        assert_eq!(
            one_liner("Capital of France:::Paris"),
            Some(("Capital of France", "Paris", true))
        );
    }

    #[test]
    fn one_liners_multi_line_and_reversed() {
        let cards = parse(
            "#flashcards/python\n\n## Basics\n\nWhat is PEP 8::The style guide\n\nWhat does this print?\n```python\nprint(1)\n```\n?\nIt prints `1`.\n\n```text\n1\n```\n<!--SR:!2024-02-01,4,270-->\n\nGIL\n??\nGlobal interpreter lock\n",
        );
        assert_eq!(cards.len(), 4, "{cards:#?}");
        assert_eq!(cards[0].question, "What is PEP 8");
        assert_eq!(cards[0].answer, "The style guide");
        assert_eq!(cards[0].section, "Basics");
        assert_eq!(cards[1].line, 7);
        assert_eq!(cards[1].question, "What does this print? `print(1)`");
        assert_eq!(cards[1].answer, "It prints `1`.");
        assert_eq!(cards[2].question, "GIL");
        assert_eq!(cards[3].question, "Global interpreter lock");
        assert_eq!(cards[3].answer, "GIL");
    }
}
