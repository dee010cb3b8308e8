//! Layout of `python-fastapi-qa-notes.md`: several question series pasted
//! one after another, with no code fences anywhere.
//!
//! - `### 12. question` with the answer below, often after a `👉` marker;
//! - `### Q12. question` (sometimes without the `###`) with `A: answer`;
//! - `### question` (sometimes without the `###`) with `Answer: answer`.
//!
//! Headings that label sections are not questions: ones that start with a
//! symbol (`### 🔹 Python Internals Interview Q&A`), ones that announce a
//! count (`### 1. Core Python (30 Questions)`, plain `2. Advanced Python
//! (15 Questions)`), and unnumbered headings with no `Answer:` below them
//! (the tutorials' `### What it is:`). Code in answers is found and fenced
//! (see `code::fence_bare_code`).

use super::{Layout, RawCard, any_heading, heading};
use crate::bank::code::{answer_markdown, fence_bare_code};
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{
    is_rule, section_title, squash_spaces, starts_with_symbol, strip_numbering,
};

pub struct QaSeries;

const MARKERS: &[&str] = &["Answer:", "A:", "👉"];

fn marker(line: &str) -> Option<&str> {
    let t = line.trim_start_ws();
    MARKERS
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .map(Trim::trim_ws)
}

fn has_explicit_answer_marker(line: &str) -> bool {
    let t = line.trim_start_ws();
    t.starts_with("Answer:") || t.starts_with("A:")
}

/// `12. text` or `Q12. text`: the text.
fn numbered(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('Q').unwrap_or(text);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (digits > 0)
        .then(|| rest[digits..].strip_prefix(". "))
        .flatten()
        .map(Trim::trim_ws)
}

/// `Core Python (30 Questions)`, `Advanced Python (25)`.
fn announces_count(text: &str) -> bool {
    let t = text.trim_end_ws();
    let Some(inner) = t
        .strip_suffix(')')
        .and_then(|r| r.rsplit_once('('))
        .map(|(_, inner)| inner)
    else {
        return false;
    };
    let inner = inner.trim_ws();
    let inner = inner
        .strip_suffix("Questions")
        .or_else(|| inner.strip_suffix("questions"))
        .unwrap_or(inner);
    let inner = inner.trim_ws();
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit())
}

/// A plain line such as `2. Advanced Python (15 Questions)`.
fn plain_section_label(line: &str) -> Option<String> {
    let text = numbered(line.trim_ws())?;
    (announces_count(text) && line.trim_ws() == line).then(|| strip_numbering(line.trim_ws()))
}

fn next_nonblank<'a>(lines: &[&'a str], from: usize) -> Option<&'a str> {
    lines[from.min(lines.len())..]
        .iter()
        .copied()
        .find(|l| !l.trim_ws().is_empty())
}

/// What a line starts, if anything.
enum Start {
    Question(String),
    Section(String),
}

fn classify(lines: &[&str], i: usize) -> Option<Start> {
    let line = lines[i];
    if let Some((level, text)) = any_heading(line) {
        if level == 1 {
            // In this layout a top-level `#` line inside an answer is a
            // code comment; only the document title is a heading.
            return (i == 0).then(|| Start::Section(text.to_string()));
        }
        if level == 2 || starts_with_symbol(text) {
            return Some(Start::Section(
                text.trim_start_matches(|c: char| !c.is_alphanumeric())
                    .to_string(),
            ));
        }
        if level > 3 {
            return None;
        }
        if let Some(q) = numbered(text) {
            return Some(if announces_count(q) {
                Start::Section(strip_numbering(text))
            } else {
                Start::Question(q.to_string())
            });
        }
        return match next_nonblank(lines, i + 1) {
            Some(next) if has_explicit_answer_marker(next) => {
                Some(Start::Question(text.to_string()))
            }
            // A tutorial's sub-heading (`### What it is:`) ends an answer
            // (see `ends_answer`) but starts nothing.
            _ => None,
        };
    }
    if let Some(label) = plain_section_label(line) {
        return Some(Start::Section(label));
    }
    let t = line.trim_ws();
    if t.is_empty() || line.starts_with([' ', '\t']) || has_explicit_answer_marker(t) {
        return None;
    }
    // A question written without its `###`: `Q15. …` or a short sentence,
    // directly followed by `A:` / `Answer:`.
    let next = lines.get(i + 1).copied().unwrap_or("");
    let looks_like_question = numbered(t).is_some() && t.starts_with('Q')
        || (t.len() < 200
            && (t.ends_with('?') || t.ends_with('.'))
            && i > 0
            && lines[i - 1].trim_ws().is_empty());
    (looks_like_question && has_explicit_answer_marker(next))
        .then(|| Start::Question(numbered(t).unwrap_or(t).to_string()))
}

/// Does a non-question line end the current answer?
fn ends_answer(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    if is_rule(line) {
        return true;
    }
    if let Some((level, _)) = any_heading(line) {
        return level > 1 && level <= 3;
    }
    false
}

/// The answer Markdown and whether it has code.
fn build_answer(body: &[&str]) -> (String, bool) {
    let mut lines: Vec<&str> = body.iter().map(|l| l.trim_end_ws()).collect();
    // Drop the answer marker (`👉`, `A:`, `Answer:`), keeping text after it.
    if let Some(pos) = lines.iter().position(|l| !l.trim_ws().is_empty())
        && let Some(rest) = marker(lines[pos])
    {
        if rest.is_empty() {
            lines.remove(pos);
        } else {
            lines[pos] = rest;
        }
    }
    answer_markdown(&fence_bare_code(&lines))
}

impl Layout for QaSeries {
    fn name(&self) -> &'static str {
        "qa-series"
    }

    fn about(&self) -> &'static str {
        "`### 12. question` series with `A:`, `Answer:` or 👉 answers"
    }

    fn score(&self, lines: &[&str]) -> usize {
        let markers = lines.iter().filter(|l| marker(l).is_some()).count();
        let numbered_headings = lines
            .iter()
            .filter(|l| heading(l, 3).and_then(numbered).is_some())
            .count();
        if markers == 0 {
            0
        } else {
            markers + numbered_headings
        }
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut current: Option<(RawCard, usize)> = None;
        let finish = |current: Option<(RawCard, usize)>, end: usize, cards: &mut Vec<RawCard>| {
            if let Some((mut card, start)) = current {
                (card.answer, card.has_code) = build_answer(&lines[start..end]);
                cards.push(card);
            }
        };
        for i in 0..lines.len() {
            match classify(lines, i) {
                Some(Start::Question(text)) => {
                    finish(current.take(), i, &mut cards);
                    let card = RawCard {
                        line: i + 1,
                        question: strip_numbering(&squash_spaces(&text)),
                        section: section.clone(),
                        ..RawCard::default()
                    };
                    current = Some((card, i + 1));
                }
                Some(Start::Section(text)) => {
                    finish(current.take(), i, &mut cards);
                    section = section_title(text.trim_ws().to_string());
                }
                None if ends_answer(lines, i) => {
                    finish(current.take(), i, &mut cards);
                    // A rule separates pasted series: what follows it is
                    // not in the previous series' section.
                    if is_rule(lines[i]) {
                        section.clear();
                    }
                }
                None => {}
            }
        }
        finish(current.take(), lines.len(), &mut cards);
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Python\n\n## Ecosystem (Q&A)\n\n### 1. What is pip?\n\n👉\n\nThe installer.\n\npip freeze > requirements.txt → save dependencies.\n\n### 🔹 Summary\n\nText.\n\n### 1. Core Python (30 Questions)\n\n### Q1. What is `x`?\nA: A value.\n\nQ2. Explain *args and **kwargs.\nA: *args → tuple.\n\n2. Advanced Python (15 Questions)\n\n### Q3. Decorators?\nA:\n\nExample:\n\n@timer\ndef f():\n    pass\n\n### What it is:\n\nA tutorial.\n\n### How to hash passwords?\nAnswer: Use bcrypt.\n\nExplain GIL.\nAnswer: A lock.\n\n-------\n";

    #[test]
    fn parses_all_series() {
        let lines: Vec<&str> = DOC.lines().collect();
        let cards = QaSeries.parse("t.md", &lines).unwrap();
        let questions: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        assert_eq!(
            questions,
            [
                "What is pip?",
                "What is `x`?",
                "Explain *args and **kwargs.",
                "Decorators?",
                "How to hash passwords?",
                "Explain GIL."
            ]
        );
        assert_eq!(
            cards[0].answer,
            "The installer.\n\npip freeze > requirements.txt → save dependencies."
        );
        assert_eq!(cards[0].section, "Ecosystem (Q&A)");
        assert_eq!(cards[1].answer, "A value.");
        assert_eq!(cards[1].section, "Core Python (30 Questions)");
        assert_eq!(cards[2].answer, "*args → tuple.");
        assert_eq!(cards[3].section, "Advanced Python (15 Questions)");
        assert_eq!(
            cards[3].answer,
            "Example:\n\n```python\n@timer\ndef f():\n    pass\n```"
        );
        assert_eq!(cards[4].answer, "Use bcrypt.");
        assert_eq!(cards[5].answer, "A lock.");
    }
}
