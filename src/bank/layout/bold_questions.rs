//! Layout of decks where each question is a bold paragraph and the
//! paragraphs after it the answer: `**What is a closure?**`,
//! `**Q3. What is a closure?**`, `**1. What …?**` or `1. **What …?**` with
//! the answer unindented below. A bold line that is not question-like
//! (`**Note:** …`, `**Example**`) stays in the answer. Headings name
//! sections; `Difficulty:` and `Tags:` lines label the card.

use super::{
    FenceTracker, Layout, RawCard, any_heading, kind, open_card, question_like,
    strip_question_number, take_meta,
};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, indent_width, is_rule, section_title, strip_numbering};

pub struct BoldQuestions;

/// `**What is X?**`, `**1. What is X?**`, `1. **What is X?**`,
/// `**What is X**?` → the question text.
fn bold_question(line: &str) -> Option<String> {
    let t = line.trim_end_ws();
    // Cheap tests first: most lines that start with `*` are bullets.
    if !(t.ends_with("**") || t.ends_with("**?")) || indent_width(line) > 0 {
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let t = if digits > 0 {
        t[digits..]
            .strip_prefix(". ")
            .or_else(|| t[digits..].strip_prefix(") "))?
            .trim_start_ws()
    } else {
        t
    };
    let inner = t.strip_prefix("**")?;
    let (inner, after) = inner.rsplit_once("**")?;
    let after = after.trim_ws();
    if inner.trim_ws().is_empty() || inner.contains("**") || !(after.is_empty() || after == "?") {
        return None;
    }
    (question_like(inner) || after == "?" || digits > 0)
        .then(|| format!("{}{after}", inner.trim_ws()))
}

impl Layout for BoldQuestions {
    fn name(&self) -> &'static str {
        "bold-questions"
    }

    fn about(&self) -> &'static str {
        "a bold question paragraph (**What is …?**), the paragraphs after it the answer"
    }

    fn kinds(&self) -> u16 {
        kind::EMPHASIS | kind::DIGIT
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines.iter().filter(|l| bold_question(l).is_some()).count()
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut fences = FenceTracker::default();
        let mut current: Option<(RawCard, Vec<&str>)> = None;
        let finish = |current: Option<(RawCard, Vec<&str>)>, cards: &mut Vec<RawCard>| {
            if let Some((mut card, body)) = current {
                let mut body = take_meta(&mut card, body);
                body.retain(|l| !is_rule(l));
                (card.answer, card.has_code) = answer_markdown(&dedent(&body));
                cards.push(card);
            }
        };
        for (i, &line) in lines.iter().enumerate() {
            if fences.in_code(line) {
                if let Some((_, body)) = &mut current {
                    body.push(line);
                }
                continue;
            }
            if let Some((_, text)) = any_heading(line) {
                finish(current.take(), &mut cards);
                section = section_title(strip_numbering(text));
                continue;
            }
            if let Some(question) = bold_question(line) {
                finish(current.take(), &mut cards);
                current = Some(open_card(i, strip_question_number(&question), &section));
                continue;
            }
            if let Some((_, body)) = &mut current {
                body.push(line);
            }
        }
        finish(current.take(), &mut cards);
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_question_forms() {
        let q = |l: &str| bold_question(l);
        assert_eq!(q("**What is X?**").as_deref(), Some("What is X?"));
        assert_eq!(q("**1. What is X?**").as_deref(), Some("1. What is X?"));
        assert_eq!(q("2. **Why?**").as_deref(), Some("Why?"));
        assert_eq!(q("**Explain GIL**?").as_deref(), Some("Explain GIL?"));
        assert_eq!(bold_question("**Note:** this"), None);
        assert_eq!(bold_question("**Example**"), None);
        assert_eq!(bold_question("  **Indented?**"), None);
    }

    #[test]
    fn answers_run_to_the_next_bold_question() {
        let lines: Vec<&str> = "# Python\n\n**What is a closure?**\n\nA function that keeps its scope.\n\n**Example**\n\n```python\ndef f():\n    x = 1\n    return lambda: x\n```\n\n**2. What is `yield`?**\nIt makes a generator.\nTags: generators\n"
            .lines()
            .collect();
        let cards = BoldQuestions.parse("t.md", &lines).unwrap();
        assert_eq!(cards.len(), 2, "{cards:#?}");
        assert_eq!(cards[0].question, "What is a closure?");
        assert_eq!(cards[0].section, "Python");
        assert!(
            cards[0]
                .answer
                .starts_with("A function that keeps its scope.\n\n**Example**\n\n```python")
        );
        assert_eq!(cards[1].question, "What is `yield`?");
        assert_eq!(cards[1].answer, "It makes a generator.");
        assert_eq!(cards[1].tags, ["generators"]);
    }
}
