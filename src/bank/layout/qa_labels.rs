//! Layout of decks that label each part of a card:
//!
//! - `Q:` / `A:` line pairs, also bold (`**Q:**`, `**Q**:`) and spelt out
//!   (`Question:` / `Answer:`, `Question 3:`);
//! - sections labelled `Question:`, `Hints:`, `Solution:` (or
//!   `Explanation:`, `Notes:`), on their own line, bold, or as headings
//!   (`### Solution`).
//!
//! A question label starts a card; its text runs (over several lines if
//! need be) to the first answer label. Answer sections run to the next
//! question label, heading or rule. When a card has several sections
//! (hints and a solution) each keeps its label, in the order written.

use super::{FenceTracker, Layout, RawCard, any_heading, kind, question_text, take_meta};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, is_rule, section_title, strip_numbering, strip_outer_bold};

pub struct QaLabels;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Question,
    /// The answer proper.
    Answer,
    /// Hints, explanation, notes: kept with their label.
    Extra,
    /// hashcards' `C:`: a cloze note, its deletions in `[brackets]`.
    Cloze,
}

/// Label words, lowercase, and what they label.
const WORDS: &[(&str, Kind)] = &[
    ("q", Kind::Question),
    ("question", Kind::Question),
    ("problem", Kind::Question),
    ("a", Kind::Answer),
    ("c", Kind::Cloze),
    ("ans", Kind::Answer),
    ("answer", Kind::Answer),
    ("solution", Kind::Answer),
    ("hint", Kind::Extra),
    ("hints", Kind::Extra),
    ("explanation", Kind::Extra),
    ("notes", Kind::Extra),
    ("note", Kind::Extra),
];

/// Could the line start with a label (cheap test for candidate lines)?
pub(crate) fn label_start(t: &str) -> bool {
    let b = t.as_bytes();
    let word = b
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count()
        .min(12);
    word > 0
        && matches!(b.get(word), Some(b':' | b' ' | b'*' | b'_'))
        && WORDS
            .iter()
            .any(|(w, _)| w.len() == word && w.as_bytes().eq_ignore_ascii_case(&b[..word]))
}

/// A label at the start of a line: its kind, the label as written, and the
/// text after it.
fn label(line: &str) -> Option<(Kind, &str, &str)> {
    let t = line.trim_ws();
    if let Some((_, text)) = any_heading(t) {
        // `### Solution`, `## Question 3: text`.
        let text = strip_outer_bold(text);
        if let Some(found) = inline_label(text, true) {
            return Some(found);
        }
        let word = text.trim_end_matches(':').trim_ws();
        return WORDS
            .iter()
            .find(|(w, _)| w.len() > 1 && w.eq_ignore_ascii_case(word))
            .map(|&(_, kind)| (kind, word, ""));
    }
    if let Some(found) = inline_label(t, false) {
        return Some(found);
    }
    // `**Solution**` or `**Hints:**` alone on its line.
    let inner = t.strip_prefix("**")?.strip_suffix("**")?;
    let word = inner.trim_end_matches(':').trim_ws();
    WORDS
        .iter()
        .find(|(w, _)| w.len() > 1 && w.eq_ignore_ascii_case(word))
        .map(|&(_, kind)| (kind, word, ""))
}

/// `Q: text`, `**Q:** text`, `**Q**: text`, `Question 3: text`,
/// `__A:__ text`. In a heading the colon may be left out after a number.
fn inline_label(t: &str, heading: bool) -> Option<(Kind, &str, &str)> {
    let (bold, rest) = match t.get(..2) {
        Some("**") | Some("__") => (&t[..2], &t[2..]),
        _ => ("", t),
    };
    let word_len = rest.bytes().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = &rest[..word_len];
    let &(_, kind) = WORDS.iter().find(|(w, _)| w.eq_ignore_ascii_case(word))?;
    let mut after = &rest[word_len..];
    let mut numbered = false;
    if kind == Kind::Question {
        let spaced = after.trim_start_matches(' ');
        let digits = spaced.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            after = &spaced[digits..];
            numbered = true;
        }
    }
    let after = after.trim_start_matches(' ');
    let after = if bold.is_empty() {
        after.strip_prefix(':')
    } else {
        after
            .strip_prefix(':')
            .and_then(|a| a.strip_prefix(bold))
            .or_else(|| after.strip_prefix(bold).and_then(|a| a.strip_prefix(':')))
            .or_else(|| {
                (heading && numbered)
                    .then(|| after.strip_prefix(bold))
                    .flatten()
            })
    }
    .or_else(|| (heading && numbered).then(|| after.strip_prefix(['.', ')']).unwrap_or(after)))?;
    // One-letter labels must be capitals: `a: 1` in prose is not an answer.
    if word_len == 1 && !word.as_bytes()[0].is_ascii_uppercase() {
        return None;
    }
    Some((kind, word, after.trim_ws()))
}

/// One labelled part of a card's answer.
struct Section<'a> {
    kind: Kind,
    label: &'a str,
    lines: Vec<&'a str>,
}

struct Card<'a> {
    line: usize,
    /// A cloze note: `question` holds its text, blank lines included.
    cloze: bool,
    question: Vec<&'a str>,
    /// A blank line has ended the question's paragraph.
    question_done: bool,
    sections: Vec<Section<'a>>,
}

impl<'a> Card<'a> {
    /// A line that is not a label: the question's paragraph goes on until
    /// a blank line; text after it with no label is the answer.
    fn push(&mut self, line: &'a str) {
        if self.cloze && self.sections.is_empty() {
            self.question.push(line);
        } else if let Some(s) = self.sections.last_mut() {
            s.lines.push(line);
        } else if line.trim_ws().is_empty() {
            self.question_done |= !self.question.is_empty();
        } else if !self.question_done {
            self.question.push(line);
        } else {
            self.sections.push(Section {
                kind: Kind::Answer,
                label: "Answer",
                lines: vec![line],
            });
        }
    }
}

fn finish(card: Card<'_>, section: &str, cards: &mut Vec<RawCard>) {
    if card.cloze {
        return finish_cloze(card, section, cards);
    }
    let question = strip_numbering(strip_outer_bold(&question_text(&card.question)));
    let mut raw = RawCard {
        line: card.line,
        section: section.to_string(),
        ..RawCard::default()
    };
    let labelled = card.sections.len() > 1 || card.sections.iter().any(|s| s.kind == Kind::Extra);
    let mut lines: Vec<String> = Vec::new();
    for s in card.sections {
        if labelled {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.push(format!("**{}**", capitalize(s.label)));
            lines.push(String::new());
        }
        let body = take_meta(&mut raw, s.lines);
        // The text on the label's line, then the lines under it, whose
        // indentation is their own.
        let (first, rest) = body.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
        lines.push(first.trim_ws().to_string());
        lines.extend(dedent(rest).into_iter().map(|l| l.into_owned()));
    }
    (raw.answer, raw.has_code) = answer_markdown(&lines);
    raw.question = question;
    cards.push(raw);
}

/// A `C:` note: one card per `[deletion]`, the note's other sections
/// under each answer. Without a deletion it is a prompt with no answer.
fn finish_cloze(card: Card<'_>, section: &str, cards: &mut Vec<RawCard>) {
    let mut raw = RawCard {
        line: card.line,
        section: section.to_string(),
        ..RawCard::default()
    };
    let mut lines = take_meta(&mut raw, card.question);
    while lines.last().is_some_and(|l| l.trim_ws().is_empty()) {
        lines.pop();
    }
    let (first, rest) = lines.split_first().map_or(("", &[][..]), |(f, r)| (*f, r));
    let mut text_lines = vec![first.trim_ws().to_string()];
    text_lines.extend(dedent(rest).into_iter().map(|l| l.into_owned()));
    let text = text_lines.join("\n");
    let deletions = crate::bank::cloze::brackets(&text);
    let extra: Vec<String> = card
        .sections
        .into_iter()
        .flat_map(|s| s.lines)
        .map(|l| l.trim_end_ws().to_string())
        .collect();
    if deletions.is_empty() {
        raw.question = question_text(&text_lines);
        cards.push(raw);
    } else {
        cards.extend(crate::bank::cloze::cards(&text, &deletions, &extra, &raw));
    }
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

impl Layout for QaLabels {
    fn name(&self) -> &'static str {
        "qa-labels"
    }

    fn about(&self) -> &'static str {
        "labelled parts: Q:/A:, **Q:**/**A:**, Question:/Hints:/Solution:"
    }

    fn kinds(&self) -> u16 {
        kind::LABEL
    }

    fn score(&self, lines: &[&str]) -> usize {
        let (mut questions, mut answers, mut clozes) = (0, 0, 0);
        for l in lines {
            // Every label word starts with one of these letters, after
            // heading marks and emphasis.
            let first = l
                .bytes()
                .find(|b| !matches!(b, b'#' | b' ' | b'*' | b'_' | b'\t'))
                .map(|b| b.to_ascii_lowercase());
            if !matches!(
                first,
                Some(b'q' | b'p' | b'a' | b's' | b'h' | b'e' | b'n' | b'c')
            ) {
                continue;
            }
            match label(l) {
                Some((Kind::Question, _, _)) => questions += 1,
                Some((Kind::Answer | Kind::Extra, _, _)) => answers += 1,
                Some((Kind::Cloze, _, text)) if text.is_empty() || text.contains('[') => {
                    clozes += 1
                }
                Some((Kind::Cloze, _, _)) | None => {}
            }
        }
        // Answer labels alone (the 003 deck's `A:` after numbered
        // headings) are some other layout's.
        2 * (questions.min(answers) + clozes)
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut cards = Vec::new();
        let mut section = String::new();
        let mut fences = FenceTracker::default();
        let mut current: Option<Card> = None;
        for (i, &line) in lines.iter().enumerate() {
            if fences.in_code(line) {
                if let Some(card) = &mut current {
                    card.push(line);
                }
                continue;
            }
            // repeater's one-line cards beside its `Q:`/`A:` ones:
            // `question::answer`, flush left.
            if !line.starts_with([' ', '\t'])
                && line.contains("::")
                && let Some((question, answer, _)) = super::obsidian_sr::one_liner(line)
            {
                if let Some(card) = current.take() {
                    finish(card, &section, &mut cards);
                }
                let (answer, has_code) = answer_markdown(&[answer]);
                cards.push(RawCard {
                    line: i + 1,
                    question: strip_numbering(question),
                    answer,
                    has_code,
                    section: section.clone(),
                    ..RawCard::default()
                });
                continue;
            }
            if let Some((kind, word, rest)) = label(line) {
                // `A: ```python` opens a code block on the label's line
                // (hashcards writes answers so): the lines up to its
                // closing fence are code, not labels.
                fences.in_code(rest);
                if kind == Kind::Cloze && !(rest.is_empty() || rest.contains('[')) {
                    // `C: some option` with nothing to hide is no cloze.
                    if let Some(card) = &mut current {
                        card.push(line);
                    }
                    continue;
                }
                if kind == Kind::Question || kind == Kind::Cloze {
                    if let Some(card) = current.take() {
                        finish(card, &section, &mut cards);
                    }
                    current = Some(Card {
                        line: i + 1,
                        cloze: kind == Kind::Cloze,
                        question: if rest.is_empty() { vec![] } else { vec![rest] },
                        question_done: false,
                        sections: Vec::new(),
                    });
                } else if let Some(card) = &mut current {
                    card.sections.push(Section {
                        kind,
                        label: word,
                        lines: vec![rest],
                    });
                }
                continue;
            }
            if let Some((_, text)) = any_heading(line) {
                if let Some(card) = current.take() {
                    finish(card, &section, &mut cards);
                }
                section = section_title(strip_numbering(text));
                continue;
            }
            if is_rule(line) && !line.trim_start_ws().starts_with("**") {
                if let Some(card) = current.take() {
                    finish(card, &section, &mut cards);
                }
                continue;
            }
            if let Some(card) = &mut current {
                card.push(line);
            }
        }
        if let Some(card) = current.take() {
            finish(card, &section, &mut cards);
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        QaLabels.parse("t.md", &lines).unwrap()
    }

    #[test]
    fn labels_in_every_spelling() {
        assert_eq!(label("Q: What?"), Some((Kind::Question, "Q", "What?")));
        assert_eq!(label("**Q:** What?"), Some((Kind::Question, "Q", "What?")));
        assert_eq!(label("**Q**: What?"), Some((Kind::Question, "Q", "What?")));
        assert_eq!(
            label("Question 12: What?"),
            Some((Kind::Question, "Question", "What?"))
        );
        assert_eq!(
            label("### Question 3 What?"),
            Some((Kind::Question, "Question", "What?"))
        );
        assert_eq!(label("### Solution"), Some((Kind::Answer, "Solution", "")));
        assert_eq!(label("**Hints:**"), Some((Kind::Extra, "Hints", "")));
        assert_eq!(label("a: 1"), None);
        assert_eq!(label("Answering: no"), None);
        assert_eq!(label("Questions about X"), None);
    }

    #[test]
    fn pairs_and_sections() {
        let cards = parse(
            "# Deck\n\nQ: What is a list?\nA: A mutable sequence.\n\n**Q:** Two\nlines?\n**A:** Yes.\n\n```python\nx = 1\n```\n\n## Problems\n\nQuestion: Reverse a string.\n\nHints:\n- slicing\n\nSolution:\n```python\ns[::-1]\n```\n",
        );
        assert_eq!(cards.len(), 3, "{cards:#?}");
        assert_eq!(cards[0].question, "What is a list?");
        assert_eq!(cards[0].answer, "A mutable sequence.");
        assert_eq!(cards[0].section, "Deck");
        assert_eq!(cards[1].question, "Two lines?");
        assert_eq!(cards[1].answer, "Yes.\n\n```python\nx = 1\n```");
        assert!(cards[1].has_code);
        assert_eq!(cards[2].question, "Reverse a string.");
        assert_eq!(cards[2].section, "Problems");
        assert_eq!(
            cards[2].answer,
            "**Hints**\n\n- slicing\n\n**Solution**\n\n```python\ns[::-1]\n```"
        );
    }

    #[test]
    fn an_answer_may_open_a_code_block_on_its_label_line() {
        // hashcards' documented form: the code of `A:` starts on its line.
        let text = "Q: What does this print?\nA: ```python\nprint(1)\n```\n\nQ: Second?\nA: ```\nQ: not a label inside code\n```\n\nQ: Third?\nA: Three.\n";
        let lines: Vec<&str> = text.lines().collect();
        let cards = QaLabels.parse("t.md", &lines).unwrap();
        let questions: Vec<&str> = cards.iter().map(|c| c.question.as_str()).collect();
        assert_eq!(questions, ["What does this print?", "Second?", "Third?"]);
        assert!(cards[0].answer.contains("print(1)") && cards[0].has_code);
        assert!(cards[1].answer.contains("Q: not a label inside code"));
        assert_eq!(cards[2].answer, "Three.");
    }
}
