//! Layout of `top-python-questions.md`: sections `## Python Basics`, each a
//! numbered list whose items are `N. **question**` with the answer as the
//! item's indented body: bullets, and fenced code indented with any mix of
//! tabs and spaces. Numbering restarts per section. Editor artifacts such as
//! `// ...existing code...` are dropped.

use super::{Layout, RawCard, any_heading};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{
    expand_leading_tabs, fence, indent_width, is_rule, section_title, strip_numbering,
    strip_outer_bold,
};

pub struct BoldNumberedList;

/// `12. **What is X?**` → `What is X?`.
fn item_question(line: &str) -> Option<&str> {
    if indent_width(line) > 0 {
        return None;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = line[digits..]
        .strip_prefix(". ")
        .or_else(|| line[digits..].strip_prefix(") "))?;
    let rest = rest.trim_ws();
    (rest.starts_with("**") && rest.ends_with("**") && rest.len() > 4)
        .then(|| strip_outer_bold(rest))
}

fn is_artifact(line: &str) -> bool {
    let t = line
        .trim_ws()
        .trim_start_matches("//")
        .trim_start_matches('#')
        .trim_ws();
    t.trim_matches('.')
        .trim_ws()
        .eq_ignore_ascii_case("existing code")
}

/// Rewrites an item body as clean Markdown: tabs become spaces, the common
/// indentation goes, and code inside fences keeps its indentation relative
/// to its fence.
fn normalize_body(lines: &[&str]) -> (String, bool) {
    let mut expanded: Vec<(usize, String)> = Vec::with_capacity(lines.len());
    let mut fence_indent: Option<(usize, String)> = None;
    for line in lines {
        if line.trim_ws().is_empty() {
            expanded.push((usize::MAX, String::new()));
            continue;
        }
        let width = indent_width(line);
        let text = expand_leading_tabs(line).trim_start_ws().to_string();
        if let Some((run, info)) = fence(line) {
            match &fence_indent {
                None => fence_indent = Some((width, run.to_string())),
                Some((open_width, open_run))
                    if info.is_empty() && run.starts_with(open_run.as_str()) =>
                {
                    expanded.push((*open_width, text));
                    fence_indent = None;
                    continue;
                }
                Some(_) => {}
            }
            expanded.push((width, text));
            continue;
        }
        match &fence_indent {
            // Code: keep indentation relative to the fence.
            Some((open_width, _)) => {
                let relative = width.saturating_sub(*open_width);
                expanded.push((*open_width, format!("{}{}", " ".repeat(relative), text)));
            }
            None => expanded.push((width, text)),
        }
    }
    let common = expanded.iter().map(|(w, _)| *w).min().unwrap_or(0);
    let out: Vec<String> = expanded
        .into_iter()
        .map(|(w, text)| {
            if w == usize::MAX {
                text
            } else {
                format!("{}{}", " ".repeat(w - common), text)
            }
        })
        .collect();
    answer_markdown(&out)
}

impl Layout for BoldNumberedList {
    fn name(&self) -> &'static str {
        "bold-numbered-list"
    }

    fn about(&self) -> &'static str {
        "a numbered list of bold questions, answers indented under them"
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines.iter().filter(|l| item_question(l).is_some()).count()
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut current: Option<(RawCard, Vec<&str>)> = None;
        let mut in_code = false;
        let finish = |card: Option<(RawCard, Vec<&str>)>, cards: &mut Vec<RawCard>| {
            if let Some((mut card, body)) = card {
                (card.answer, card.has_code) = normalize_body(&body);
                cards.push(card);
            }
        };
        for (i, &line) in lines.iter().enumerate() {
            if fence(line).is_some() {
                in_code = !in_code;
            }
            if !in_code && fence(line).is_none() {
                if let Some((_, text)) = any_heading(line) {
                    finish(current.take(), &mut cards);
                    if !text.to_ascii_lowercase().contains("contents") {
                        section = section_title(strip_numbering(text));
                    }
                    continue;
                }
                if let Some(q) = item_question(line) {
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
                if is_rule(line) {
                    finish(current.take(), &mut cards);
                    continue;
                }
                if is_artifact(line) {
                    continue;
                }
            }
            if let Some((_, body)) = current.as_mut() {
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
    fn parses_items_with_tabbed_code() {
        let text = "## Basics\n\n10. **What is a function?**\n\t- A reusable block.\n\t\t - Example:\n\t\t\t ```python\n\t\t\t def add(a, b):\n\t\t\t\t\t return a + b\n\t\t\t ```\n\n// ...existing code...\n\n11. **What are *args and **kwargs?**\n\t- *args: positional\n---\n- **Networking:** not a question\n";
        let lines: Vec<&str> = text.lines().collect();
        let cards = BoldNumberedList.parse("t.md", &lines).unwrap();
        assert_eq!(cards.len(), 2);
        assert_eq!(cards[0].question, "What is a function?");
        assert_eq!(
            cards[0].answer,
            "- A reusable block.\n     - Example:\n         ```python\n         def add(a, b):\n                 return a + b\n         ```"
        );
        assert_eq!(cards[1].question, "What are *args and **kwargs?");
        assert_eq!(cards[1].answer, "- *args: positional");
    }
}
