//! Layout of `python-fundamentals-accordion.md` (Mintlify MDX): sections
//! `## 1. Python Basics`, each holding `<AccordionGroup>` with one
//! `<Accordion title="N. question">` per question; the body starts with an
//! `**Answer**:` label and is indented inside the tag.

use super::{Layout, RawCard, heading};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{decode_entities, dedent, section_title, strip_numbering};

pub struct MdxAccordion;

/// The `title` attribute of an `<Accordion …>` opening tag.
fn accordion_title(line: &str) -> Option<String> {
    let t = line.trim_ws();
    let rest = t.strip_prefix("<Accordion")?;
    if !rest.starts_with([' ', '>']) {
        return None; // <AccordionGroup>
    }
    let at = rest.find("title=")?;
    let value = &rest[at + "title=".len()..];
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &value[1..];
    let end = value.find(quote)?;
    Some(decode_entities(&value[..end]))
}

fn is_answer_label(line: &str) -> Option<&str> {
    let t = line.trim_ws();
    t.strip_prefix("**Answer**:")
        .or_else(|| t.strip_prefix("**Answer:**"))
        .map(Trim::trim_ws)
}

impl Layout for MdxAccordion {
    fn name(&self) -> &'static str {
        "mdx-accordion"
    }

    fn about(&self) -> &'static str {
        "MDX `<Accordion title=\"question\">` blocks"
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines
            .iter()
            .filter(|l| accordion_title(l).is_some())
            .count()
            * 2
    }

    fn parse(&self, file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if let Some(text) = heading(line, 2) {
                section = section_title(strip_numbering(text));
            }
            let Some(title) = accordion_title(line) else {
                i += 1;
                continue;
            };
            let start = i;
            let close = (i + 1..lines.len())
                .find(|&j| lines[j].trim_ws() == "</Accordion>")
                .ok_or_else(|| BankError::Parse {
                    file: file.to_string(),
                    line: start + 1,
                    message: format!(
                        "<Accordion title=\"{title}\"> is never closed by </Accordion>"
                    ),
                })?;
            let mut body: Vec<&str> = lines[start + 1..close].to_vec();
            // The answer starts after the `**Answer**:` label.
            if let Some(pos) = body.iter().position(|l| !l.trim_ws().is_empty())
                && let Some(rest) = is_answer_label(body[pos])
            {
                if rest.is_empty() {
                    body.drain(..=pos);
                } else {
                    body[pos] = rest;
                }
            }
            let (answer, has_code) = answer_markdown(&dedent(&body));
            // MDX shows a character reference in inline code as the
            // character (`&lt;` is written there because `<` opens JSX).
            let answer = crate::bank::literal::entities_in_code_spans(&answer).into_owned();
            cards.push(RawCard {
                line: start + 1,
                question: strip_numbering(&title),
                answer,
                has_code,
                section: section.clone(),
                ..RawCard::default()
            });
            i = close + 1;
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_accordions() {
        let text = "## 2. Data Structures\n\n<AccordionGroup>\n  <Accordion title=\"7. What is &quot;x&quot;?\">\n    **Answer**:\n    Text.\n\n    ```python theme={null}\n    # a comment\n    x = 1\n    ```\n\n    **Follow-up:**\n\n    1. \"Why?\"\n  </Accordion>\n</AccordionGroup>\n";
        let lines: Vec<&str> = text.lines().collect();
        let cards = MdxAccordion.parse("t.md", &lines).unwrap();
        assert_eq!(cards.len(), 1);
        assert_eq!(cards[0].question, "What is \"x\"?");
        assert_eq!(cards[0].section, "Data Structures");
        assert_eq!(
            cards[0].answer,
            "Text.\n\n```python\n# a comment\nx = 1\n```\n\n**Follow-up:**\n\n1. \"Why?\""
        );
        assert!(cards[0].has_code);
    }

    #[test]
    fn unclosed_accordion_is_an_error_with_line() {
        let lines = ["", "<Accordion title=\"Q\">", "text"];
        let err = MdxAccordion.parse("deck.md", &lines).unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert_eq!(err.file(), Some("deck.md"));
    }
}
