//! Layout of `practical-code-questions.md`: each question is a heading
//! `### Q12: question`, followed by `**Difficulty**: Beginner|Intermediate|
//! Advanced`, a strategy paragraph and a code example, and closed by a
//! "Back to Top" link and a rule.

use super::{FenceTracker, Layout, RawCard, any_heading, heading};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::model::Difficulty;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, is_rule, section_title, strip_numbering};

pub struct QuestionHeadings;

/// `Q12: text` → `text`.
fn numbered_question(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('Q')?;
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (digits > 0)
        .then(|| rest[digits..].strip_prefix(':'))
        .flatten()
        .map(Trim::trim_ws)
}

fn difficulty_line(line: &str) -> Option<&str> {
    let t = line.trim_ws();
    t.strip_prefix("**Difficulty**:")
        .or_else(|| t.strip_prefix("**Difficulty:**"))
        .map(Trim::trim_ws)
}

/// Navigation links back to the table of contents are not answer text.
pub(crate) fn is_back_to_top(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.contains("back to top") || lower.contains("href=\"#table-of-contents\"")
}

impl Layout for QuestionHeadings {
    fn name(&self) -> &'static str {
        "question-headings"
    }

    fn about(&self) -> &'static str {
        "`### Q12: question` headings with `**Difficulty**:` lines"
    }

    fn score(&self, lines: &[&str]) -> usize {
        let headings = lines
            .iter()
            .filter(|l| (2..=4).any(|lv| heading(l, lv).and_then(numbered_question).is_some()))
            .count();
        if headings == 0 {
            return 0;
        }
        headings
            + lines
                .iter()
                .filter(|l| difficulty_line(l).is_some())
                .count()
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut fences = FenceTracker::default();
        let mut section = String::new();
        let mut current: Option<(RawCard, Vec<&str>)> = None;
        let finish = |card: Option<(RawCard, Vec<&str>)>, cards: &mut Vec<RawCard>| {
            if let Some((mut card, body)) = card {
                (card.answer, card.has_code) = answer_markdown(&dedent(&body));
                cards.push(card);
            }
        };
        for (i, &line) in lines.iter().enumerate() {
            if fences.in_code(line) {
                if let Some((_, body)) = current.as_mut() {
                    body.push(line);
                }
                continue;
            }
            if let Some((level, text)) = any_heading(line) {
                if let Some(q) = (2..=4)
                    .contains(&level)
                    .then(|| numbered_question(text))
                    .flatten()
                {
                    finish(current.take(), &mut cards);
                    let card = RawCard {
                        line: i + 1,
                        question: strip_numbering(q),
                        section: section.clone(),
                        ..RawCard::default()
                    };
                    current = Some((card, Vec::new()));
                    continue;
                }
                if level <= 3 {
                    finish(current.take(), &mut cards);
                    if level <= 2 && !text.to_ascii_lowercase().contains("contents") {
                        section = section_title(strip_numbering(text));
                    }
                    continue;
                }
            }
            let Some((card, body)) = current.as_mut() else {
                continue;
            };
            if let Some(label) = difficulty_line(line)
                && card.difficulty.is_none()
                && body.iter().all(|l| l.trim_ws().is_empty())
            {
                card.difficulty = Difficulty::from_label(label);
                continue;
            }
            if is_back_to_top(line) || is_rule(line) {
                continue;
            }
            body.push(line);
        }
        finish(current.take(), &mut cards);
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_question_difficulty_and_answer() {
        let text = "## Table of Contents\n1. [Q](#q1)\n\n---\n\n### Q1: What is `x`?\n\n**Difficulty**: Advanced\n\n**Strategy:**\nUse it.\n\n```python\n# comment, not a heading\nx = 1\n```\n\n<div align=\"right\"><a href=\"#table-of-contents\">Back to Top</a></div>\n\n---\n\n### Q2: Second?\n\n**Difficulty**: Beginner\n\nBody.\n";
        let lines: Vec<&str> = text.lines().collect();
        let cards = QuestionHeadings.parse("t.md", &lines).unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].question, "What is `x`?");
        assert_eq!(cards[0].difficulty, Some(Difficulty::Hard));
        assert_eq!(cards[0].line, 6);
        assert_eq!(
            cards[0].answer,
            "**Strategy:**\nUse it.\n\n```python\n# comment, not a heading\nx = 1\n```"
        );
        assert_eq!(cards[1].difficulty, Some(Difficulty::Easy));
        assert_eq!(cards[1].answer, "Body.");
    }
}
