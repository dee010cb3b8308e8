//! Layout of `company-interview-questions.md` (MkDocs Material): a heading
//! `### question - Google, Meta Interview Question`, a metadata line
//! `**Difficulty:** 🟢 Easy | **Tags:** `A`, `B` | **Asked by:** X, Y`, and
//! the answer inside a collapsible admonition `??? success "View Answer"`
//! indented four spaces, which may hold `!!! tip "Title"` call-outs.
//!
//! The same document also lists questions without answers: rows of a table
//! with a "Question" column, and bullet lists under "Questions asked in X
//! interview" headings. They become prompt-only cards.

use super::{FenceTracker, Layout, RawCard, heading};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::model::Difficulty;
use crate::bank::text::Trim;
use crate::bank::text::{
    indent_width, section_title, squash_spaces, strip_indent, strip_numbering,
};
use std::borrow::Cow;

pub struct MkDocsAdmonition;

/// `??? success "View Answer"` → ("success", "View Answer").
fn admonition(line: &str) -> Option<(&str, String)> {
    let t = line.trim_start_ws();
    let rest = t
        .strip_prefix("???+")
        .or_else(|| t.strip_prefix("???"))
        .or_else(|| t.strip_prefix("!!!"))?;
    let rest = rest.trim_ws();
    let (kind, title) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let title = title.trim_ws().trim_matches('"').to_string();
    (!kind.is_empty()).then_some((kind, title))
}

/// Removes the trailing ` - Google, Meta Interview Question` from a title;
/// an inner ` - ` stays.
fn clean_title(title: &str) -> String {
    let title = title.trim_ws();
    let title = if title.ends_with("Interview Question") {
        title.rfind(" - ").map_or(title, |i| &title[..i])
    } else {
        title
    };
    strip_numbering(title)
}

#[derive(Default)]
struct Meta {
    difficulty: Option<Difficulty>,
    tags: Vec<String>,
    asked_by: Vec<String>,
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|s| s.trim_ws().trim_matches('`').trim_ws().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Parses `**Difficulty:** … | **Tags:** … | **Asked by:** …`.
fn meta_line(line: &str) -> Option<Meta> {
    let t = line.trim_ws();
    if !t.starts_with("**Difficulty:**") {
        return None;
    }
    let mut meta = Meta::default();
    for part in t.split(" | ") {
        let part = part.trim_ws();
        let Some((key, value)) = part.strip_prefix("**").and_then(|p| p.split_once("**")) else {
            continue;
        };
        let key = key.trim_end_matches(':').to_ascii_lowercase();
        let value = value.trim_start_matches(':').trim_ws();
        match key.as_str() {
            "difficulty" => meta.difficulty = Difficulty::from_label(value),
            "tags" => meta.tags = split_list(value),
            "asked by" => meta.asked_by = split_list(value),
            _ => {}
        }
    }
    Some(meta)
}

/// The lines of an indented block starting after `start`: blank lines and
/// lines indented at least `width`. Returns the block dedented and the
/// index after it.
fn indented_block<'a, S: AsRef<str>>(
    lines: &'a [S],
    start: usize,
    width: usize,
) -> (Vec<Cow<'a, str>>, usize) {
    let line = |i: usize| lines[i].as_ref();
    let mut end = start;
    while end < lines.len() && (line(end).trim_ws().is_empty() || indent_width(line(end)) >= width)
    {
        end += 1;
    }
    while end > start && line(end - 1).trim_ws().is_empty() {
        end -= 1;
    }
    let block = lines[start..end]
        .iter()
        .map(|l| strip_indent(l.as_ref(), width))
        .collect();
    (block, end)
}

/// Turns `!!! tip "Title"` call-outs into block quotes headed by the title,
/// which every Markdown renderer shows as a call-out.
fn convert_callouts<'a>(lines: &'a [Cow<'a, str>]) -> Vec<Cow<'a, str>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut fences = FenceTracker::default();
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if !fences.in_code(line)
            && indent_width(line) == 0
            && let Some((kind, title)) = admonition(line)
        {
            let (body, end) = indented_block(lines, i + 1, 4);
            let title = if title.is_empty() {
                let mut chars = kind.chars();
                chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            } else {
                title
            };
            out.push(Cow::Owned(format!("> **{title}**")));
            out.push(Cow::Borrowed(">"));
            for l in convert_callouts(&body) {
                out.push(if l.is_empty() {
                    Cow::Borrowed(">")
                } else {
                    Cow::Owned(format!("> {l}"))
                });
            }
            i = end;
            continue;
        }
        out.push(Cow::Borrowed(line));
        i += 1;
    }
    out
}

fn table_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim_ws();
    let inner = t.strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(|c| c.trim_ws().to_string()).collect())
}

fn is_delimiter_row(line: &str) -> bool {
    table_cells(line).is_some_and(|cells| {
        cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
    })
}

/// Column positions of a question table, if the header row has a
/// "Question" column.
struct TableColumns {
    question: usize,
    difficulty: Option<usize>,
    companies: Option<usize>,
    topics: Option<usize>,
}

fn table_columns(header: &[String]) -> Option<TableColumns> {
    let find = |words: &[&str]| {
        header.iter().position(|h| {
            let h = h.to_ascii_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    };
    Some(TableColumns {
        question: find(&["question"])?,
        difficulty: find(&["difficulty", "level"]),
        companies: find(&["compan", "asked"]),
        topics: find(&["topic", "tag"]),
    })
}

impl Layout for MkDocsAdmonition {
    fn name(&self) -> &'static str {
        "mkdocs-admonition"
    }

    fn about(&self) -> &'static str {
        "question headings with MkDocs `??? answer` admonitions"
    }

    fn score(&self, lines: &[&str]) -> usize {
        let blocks = lines
            .iter()
            .filter(|l| {
                indent_width(l) == 0 && admonition(l).is_some_and(|(_, t)| is_answer_title(&t))
            })
            .count();
        if blocks == 0 {
            return 0;
        }
        blocks + lines.iter().filter(|l| meta_line(l).is_some()).count()
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut pending: Option<RawCard> = None;
        let mut fences = FenceTracker::default();
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if fences.in_code(line) || indent_width(line) > 0 {
                i += 1;
                continue;
            }
            if let Some(text) = heading(line, 2).or_else(|| heading(line, 1)) {
                section = section_title(strip_numbering(text));
                pending = None;
            } else if let Some(text) = heading(line, 3) {
                pending = Some(RawCard {
                    line: i + 1,
                    question: clean_title(text),
                    section: section.clone(),
                    ..RawCard::default()
                });
            } else if let Some(meta) = meta_line(line) {
                if let Some(card) = pending.as_mut() {
                    card.difficulty = meta.difficulty;
                    card.tags = meta.tags;
                    card.asked_by = meta.asked_by;
                }
            } else if let Some((_, title)) = admonition(line) {
                let (mut body, end) = indented_block(lines, i + 1, 4);
                if let Some(mut card) = pending.take().filter(|_| is_answer_title(&title)) {
                    // A worked example carries its metadata line inside.
                    if let Some(first) = body.iter().position(|l| !l.trim_ws().is_empty())
                        && let Some(meta) = meta_line(&body[first])
                    {
                        card.difficulty = meta.difficulty;
                        card.tags = meta.tags;
                        card.asked_by = meta.asked_by;
                        body.drain(..=first);
                    }
                    (card.answer, card.has_code) = answer_markdown(&convert_callouts(&body));
                    cards.push(card);
                }
                i = end;
                continue;
            } else if let Some(header) = table_cells(line) {
                if let Some(columns) = table_columns(&header)
                    .filter(|_| lines.get(i + 1).is_some_and(|l| is_delimiter_row(l)))
                {
                    i += 2;
                    while let Some(cells) = lines.get(i).and_then(|l| table_cells(l)) {
                        if let Some(card) = table_row_card(&cells, &columns, &section, i + 1) {
                            cards.push(card);
                        }
                        i += 1;
                    }
                    continue;
                }
            } else if let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "))
                && let Some(company) = company_section(&section)
            {
                cards.push(RawCard {
                    line: i + 1,
                    question: strip_numbering(&squash_spaces(item)),
                    section: section.clone(),
                    asked_by: vec![company.to_string()],
                    ..RawCard::default()
                });
            }
            i += 1;
        }
        Ok(cards)
    }
}

/// `View Answer`, `Solution`, and the worked examples' `View Code
/// Example` (its heading's title is the question, its code the answer).
fn is_answer_title(title: &str) -> bool {
    let t = title.to_ascii_lowercase();
    t.contains("answer") || t.contains("solution") || t.contains("example")
}

/// "Questions asked in Google interview" → "Google".
fn company_section(section: &str) -> Option<&str> {
    let rest = section.strip_prefix("Questions asked in ")?;
    Some(
        rest.strip_suffix(" interview")
            .or_else(|| rest.strip_suffix(" Interview"))
            .unwrap_or(rest)
            .trim_ws(),
    )
}

fn table_row_card(
    cells: &[String],
    columns: &TableColumns,
    section: &str,
    line: usize,
) -> Option<RawCard> {
    let question = cells.get(columns.question)?;
    let question = strip_numbering(question);
    if question.is_empty() {
        return None;
    }
    let cell = |col: Option<usize>| {
        col.and_then(|c| cells.get(c))
            .map(String::as_str)
            .unwrap_or("")
    };
    Some(RawCard {
        line,
        question,
        section: section.to_string(),
        difficulty: Difficulty::from_label(cell(columns.difficulty)),
        tags: split_list(cell(columns.topics)),
        asked_by: split_list(cell(columns.companies)),
        ..RawCard::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "## Premium\n\n### What is `x`? - When to Use It? - Google, Meta Interview Question\n\n**Difficulty:** 🔴 Hard | **Tags:** `Internals`, `GC` | **Asked by:** Google, Meta\n\n??? success \"View Answer\"\n\n    **Intro**\n\n    ```python\n    # not a heading\n    x = 1\n    ```\n\n    !!! tip \"Interviewer's Insight\"\n        Knows it.\n\n---\n\n## Code Examples\n\n### 1. Timer\n\n??? success \"View Code Example\"\n\n\n    **Difficulty:** 🟢 Easy | **Tags:** `Code Example` | **Asked by:** Code Pattern\n    ```python\n    t = 1\n    ```\n\n## Quick Reference\n\n| Sno | Question Title | Companies Asking | Difficulty | Topics |\n|---|---|---|---|---|\n| 1 | **[HARD]** What is `y`? | Google, Meta | Hard | Internals, Memory |\n\n## Questions asked in Google interview\n- Explain the GIL.\n";

    #[test]
    fn parses_answers_tables_and_bullets() {
        let lines: Vec<&str> = DOC.lines().collect();
        let cards = MkDocsAdmonition.parse("t.md", &lines).unwrap();
        assert_eq!(cards.len(), 4, "{cards:#?}");
        let c = &cards[0];
        assert_eq!(c.question, "What is `x`? - When to Use It?");
        assert_eq!(c.difficulty, Some(Difficulty::Hard));
        assert_eq!(c.tags, ["Internals", "GC"]);
        assert_eq!(c.asked_by, ["Google", "Meta"]);
        assert_eq!(
            c.answer,
            "**Intro**\n\n```python\n# not a heading\nx = 1\n```\n\n> **Interviewer's Insight**\n>\n> Knows it."
        );
        // A worked example: its title the question, its code the answer,
        // the metadata line inside it read, not shown.
        let example = &cards[1];
        assert_eq!(example.question, "Timer");
        assert_eq!(example.answer, "```python\nt = 1\n```");
        assert_eq!(example.difficulty, Some(Difficulty::Easy));
        assert_eq!(example.tags, ["Code Example"]);
        assert_eq!(cards[2].question, "What is `y`?");
        assert_eq!(cards[2].tags, ["Internals", "Memory"]);
        assert!(cards[2].answer.is_empty());
        assert_eq!(cards[3].question, "Explain the GIL.");
        assert_eq!(cards[3].asked_by, ["Google"]);
    }
}
