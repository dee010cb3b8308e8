//! Layout of decks where each question is a heading and the text under it
//! the answer: `## Q. …`, `### Q12: …`, `### Question 12`, `#### 3. …`,
//! or any heading ending in a question mark (`?`, `？`, `؟`).
//!
//! The question level is the heading level most question headings use;
//! headings above it name sections, headings below it belong to the answer.
//! A bare `### Question 12` takes its question from the first paragraph
//! under it. `Difficulty:` and `Tags:` lines in a body are read as the
//! card's own labels.

use super::{
    FenceTracker, Layout, RawCard, any_heading, kind, open_card, question_like, question_text,
    strip_question_number, take_meta,
};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, is_rule, section_title, strip_outer_bold};

pub struct HeadingQuestions;

/// Question-like headings per level.
fn question_counts<'a>(headings: impl Iterator<Item = (usize, &'a str)>) -> [usize; 7] {
    let mut counts = [0usize; 7];
    for (level, text) in headings {
        if question_like(text) {
            counts[level] += 1;
        }
    }
    counts
}

/// The heading level most question-like headings use (ties: the deeper).
fn question_level<'a>(headings: impl Iterator<Item = (usize, &'a str)>) -> Option<usize> {
    let counts = question_counts(headings);
    (1..=6)
        .rev()
        .max_by_key(|&l| counts[l])
        .filter(|&l| counts[l] > 0)
}

impl Layout for HeadingQuestions {
    fn name(&self) -> &'static str {
        "heading-questions"
    }

    fn about(&self) -> &'static str {
        "a heading per question (## Q. …, ### Question 12, #### 3. …, or ending in ?), the text under it the answer"
    }

    fn kinds(&self) -> u16 {
        kind::HEADING
    }

    fn score(&self, lines: &[&str]) -> usize {
        let counts = question_counts(lines.iter().filter_map(|l| any_heading(l)));
        counts.iter().copied().max().unwrap_or(0)
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut fences = FenceTracker::default();
        let code: Vec<bool> = lines.iter().map(|l| fences.in_code(l)).collect();
        let heading_at = |i: usize| (!code[i]).then(|| any_heading(lines[i])).flatten();
        let Some(level) = question_level((0..lines.len()).filter_map(heading_at)) else {
            return Ok(Vec::new());
        };
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut current: Option<(RawCard, Vec<&str>)> = None;
        let finish = |current: Option<(RawCard, Vec<&str>)>, cards: &mut Vec<RawCard>| {
            let Some((mut card, body)) = current else {
                return;
            };
            let mut body = take_meta(&mut card, body);
            if card.question.is_empty() {
                // `### Question 12`: the first paragraph asks.
                let start = body.iter().position(|l| !l.trim_ws().is_empty());
                if let Some(start) = start {
                    let end = body[start..]
                        .iter()
                        .position(|l| l.trim_ws().is_empty())
                        .map_or(body.len(), |e| start + e);
                    card.question = question_text(&body[start..end]);
                    body.drain(..end);
                }
            }
            body.retain(|l| !is_rule(l));
            (card.answer, card.has_code) = answer_markdown(&dedent(&body));
            cards.push(card);
        };
        for (i, &line) in lines.iter().enumerate() {
            if let Some((l, text)) = heading_at(i)
                && l <= level
            {
                finish(current.take(), &mut cards);
                if l < level {
                    section = section_title(strip_question_number(strip_outer_bold(text)));
                } else if question_like(text) {
                    // `Question 12` alone leaves an empty question: see `finish`.
                    let question = strip_question_number(strip_outer_bold(text));
                    current = Some(open_card(i, question, &section));
                }
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

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        HeadingQuestions.parse("t.md", &lines).unwrap()
    }

    #[test]
    fn level_four_numbered_questions_under_level_two_and_three_sections() {
        let cards = parse(
            "## Python\n\n### Basics\n\n#### 3. What is PEP 8?\n\nThe style guide.\n\n#### 5. Why `is None`?\n\nNone is a singleton.\n\n### Tools\n\n#### 6. What does pip do?\n\nInstalls packages.\n",
        );
        let got: Vec<(&str, &str, &str)> = cards
            .iter()
            .map(|c| (c.question.as_str(), c.section.as_str(), c.answer.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("What is PEP 8?", "Basics", "The style guide."),
                ("Why `is None`?", "Basics", "None is a singleton."),
                ("What does pip do?", "Tools", "Installs packages."),
            ]
        );
    }

    #[test]
    fn question_heading_forms() {
        let cards = parse(
            "# Deck\n\n## Basics\n\n### Q. What is a list?\n\nA mutable sequence.\n\n#### Example\n\n```python\n# not a heading\nxs = [1]\n```\n\n### Question 12\n\nWhat is a tuple?\n\nAn immutable sequence.\n\n**Difficulty:** easy\n\n### 3. Why use sets?\nFast membership.\n\n### Summary\n\nNot a question.\n\n## 数据类型\n\n### 什么是字典？\n\n键值对。\n",
        );
        assert_eq!(cards.len(), 4, "{cards:#?}");
        assert_eq!(cards[0].question, "What is a list?");
        assert_eq!(cards[0].section, "Basics");
        assert_eq!(
            cards[0].answer,
            "A mutable sequence.\n\n#### Example\n\n```python\n# not a heading\nxs = [1]\n```"
        );
        assert_eq!(cards[1].question, "What is a tuple?");
        assert_eq!(cards[1].answer, "An immutable sequence.");
        assert_eq!(cards[1].difficulty, Some(crate::bank::Difficulty::Easy));
        assert_eq!(cards[2].question, "Why use sets?");
        assert_eq!(cards[2].answer, "Fast membership.");
        assert_eq!(cards[3].question, "什么是字典？");
        assert_eq!(cards[3].section, "数据类型");
        assert_eq!(cards[3].answer, "键值对。");
    }
}
