//! Layout of multiple-choice quizzes: a question (a paragraph, a numbered
//! line or a heading), its options (`A) …`, `b. …`, `(c) …`, as list items
//! or not, or task-list boxes `- [ ] …` / `- [x] …`), then the answer
//! (`Answer: B`, `**Correct answer:** (b)`, or the ticked box) and any
//! explanation up to the next question.
//!
//! The card asks the question with its options on one line (`… A) list ·
//! B) tuple`), so they can be weighed before the answer is shown; the
//! answer names the right option in bold, then the explanation.

use super::{FenceTracker, Layout, RawCard, any_heading, kind, question_text};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::{dedent, is_rule, section_title, strip_numbering, strip_outer_bold};

pub struct MultipleChoice;

/// Does the text start like a multiple-choice option, `A) ` or `b. `?
fn option_start(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() > 2 && b[0].is_ascii_alphabetic() && matches!(b[1], b')' | b'.') && b[2] == b' '
}

/// An option line: its position (0 for A), text, and whether it is ticked.
fn option(line: &str) -> Option<(Option<usize>, &str, bool)> {
    let t = line.trim_ws();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .unwrap_or(t);
    if let Some(rest) = t.strip_prefix("[ ] ") {
        return Some((None, rest.trim_ws(), false));
    }
    if let Some(rest) = t.strip_prefix("[x] ").or_else(|| t.strip_prefix("[X] ")) {
        return Some((None, rest.trim_ws(), true));
    }
    let t = t.strip_prefix("**").unwrap_or(t);
    let (letter, rest) = if let Some(r) = t.strip_prefix('(') {
        let b = r.as_bytes();
        (b.len() > 2 && b[1] == b')' && b[2] == b' ').then(|| (b[0], &r[3..]))?
    } else if option_start(t) {
        (t.as_bytes()[0], &t[3..])
    } else {
        return None;
    };
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let index = usize::from(letter.to_ascii_lowercase() - b'a');
    let rest = rest.trim_ws().trim_start_matches("**").trim_ws();
    (index < 12 && !rest.is_empty()).then_some((Some(index), rest, false))
}

/// Labels of the answer line, lowercase.
const ANSWER_LABELS: &[&str] = &[
    "correct answer",
    "correct option",
    "correct",
    "answer",
    "ans",
];

/// The answer line's options (0 for A) and any text after them:
/// `Answer: B`, `**Answer:** (b) because …`, `Correct answer: B, D`.
fn answer_line(line: &str) -> Option<(Vec<usize>, &str)> {
    let t = line
        .trim_ws()
        .trim_start_matches(['✅', '✔', '👉', ' '])
        .trim_start_matches("**");
    if !t.starts_with(['a', 'A', 'c', 'C']) {
        return None;
    }
    let label = ANSWER_LABELS
        .iter()
        .find(|l| t.get(..l.len()).is_some_and(|w| w.eq_ignore_ascii_case(l)))?;
    let rest = t[label.len()..].trim_start_ws();
    let rest = rest
        .strip_prefix(':')
        .map(|r| r.trim_start_ws().trim_start_matches("**"))
        .or_else(|| rest.strip_prefix("**:"))
        .or_else(|| {
            rest.strip_prefix("**")
                .and_then(|r| r.trim_start_ws().strip_prefix(':'))
        })?
        .trim_ws();
    let mut letters = Vec::new();
    let mut rest = rest;
    loop {
        let token_end = rest
            .find(|c: char| c.is_whitespace() || c == ',')
            .unwrap_or(rest.len());
        let token = &rest[..token_end];
        let bare = token.trim_matches(|c: char| "*()[].:`".contains(c));
        let after = rest[token_end..].trim_start_matches([',', ' ']);
        let is_letter = bare.len() == 1 && bare.as_bytes()[0].is_ascii_alphabetic();
        // `Answer: A list is …` is prose, not option A.
        let prose = token.len() == 1
            && after
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase) && !matches!(w, "and" | "or"));
        if !is_letter || prose {
            break;
        }
        letters.push(usize::from(bare.as_bytes()[0].to_ascii_lowercase() - b'a'));
        rest = after.strip_prefix("and ").unwrap_or(after);
        rest = rest.strip_prefix("or ").unwrap_or(rest);
    }
    (!letters.is_empty()).then_some((letters, rest.trim_start_matches(['—', '–', '-', ' '])))
}

/// A run of options: lines `start..end`, each option's text and tick.
struct Run<'a> {
    start: usize,
    end: usize,
    options: Vec<(&'a str, bool)>,
}

/// Runs of two or more options lettered in order (blank lines between
/// them allowed), outside code.
fn runs<'a>(lines: &[&'a str], code: &[bool]) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let first = (!code[i]).then(|| option(lines[i])).flatten();
        let Some((index, text, ticked)) = first else {
            i += 1;
            continue;
        };
        if index.is_some_and(|n| n != 0) {
            i += 1;
            continue;
        }
        let boxes = index.is_none();
        let mut options = vec![(text, ticked)];
        let mut end = i + 1;
        let mut j = i + 1;
        while j < lines.len() && !code[j] {
            if lines[j].trim_ws().is_empty() {
                j += 1;
                continue;
            }
            match option(lines[j]) {
                Some((n, text, ticked))
                    if (boxes && n.is_none()) || (!boxes && n == Some(options.len())) =>
                {
                    options.push((text, ticked));
                    j += 1;
                    end = j;
                }
                _ => break,
            }
        }
        if options.len() >= 2 {
            runs.push(Run {
                start: i,
                end,
                options,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

fn letter(n: usize) -> char {
    char::from(b'A' + n as u8)
}

impl Layout for MultipleChoice {
    fn name(&self) -> &'static str {
        "multiple-choice"
    }

    fn about(&self) -> &'static str {
        "a question, options A) B) C) or - [ ] boxes, then Answer: B"
    }

    fn kinds(&self) -> u16 {
        kind::LABEL | kind::POINTER | kind::TICK
    }

    fn score(&self, lines: &[&str]) -> usize {
        lines
            .iter()
            .filter(|l| {
                answer_line(l).is_some()
                    || l.trim_start_ws().starts_with("- [")
                        && option(l).is_some_and(|(n, _, ticked)| n.is_none() && ticked)
            })
            .count()
            * 3
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        let mut fences = FenceTracker::default();
        let code: Vec<bool> = lines.iter().map(|l| fences.in_code(l)).collect();
        let runs = runs(lines, &code);
        // Each question: the lines before its options, back to a blank
        // line, a heading or the previous card.
        let mut starts = Vec::with_capacity(runs.len());
        let mut floor = 0;
        for run in &runs {
            let mut s = run.start;
            while s > floor && lines[s - 1].trim_ws().is_empty() {
                s -= 1;
            }
            let text_end = s;
            while s > floor
                && !lines[s - 1].trim_ws().is_empty()
                && any_heading(lines[s - 1]).is_none()
            {
                s -= 1;
            }
            if s == text_end && s > floor && any_heading(lines[s - 1]).is_some() {
                // The question is a heading.
                s -= 1;
            }
            starts.push((s, text_end));
            floor = run.end;
        }
        let mut cards = Vec::with_capacity(runs.len());
        let mut section = String::new();
        let mut last_heading = 0;
        for (k, run) in runs.iter().enumerate() {
            let (q_start, q_end) = starts[k];
            for (i, line) in lines.iter().enumerate().take(q_start).skip(last_heading) {
                if !code[i]
                    && let Some((_, t)) = any_heading(line)
                {
                    section = section_title(strip_numbering(t));
                }
            }
            // The question's own heading is not the next card's section.
            last_heading = run.end;
            let stem_lines: Vec<&str> = lines[q_start..q_end]
                .iter()
                .map(|l| any_heading(l).map_or(*l, |(_, t)| t))
                .collect();
            let stem = strip_numbering(strip_outer_bold(&question_text(&stem_lines)));
            let stem = strip_label(&stem);
            let options: Vec<String> = run
                .options
                .iter()
                .enumerate()
                .map(|(n, (text, _))| format!("{}) {}", letter(n), text))
                .collect();
            let question = format!("{stem} {}", options.join(" · "));
            // The answer region: up to the next question, or a heading.
            let region_end = starts.get(k + 1).map_or(lines.len(), |s| s.0);
            let mut end = run.end;
            while end < region_end && (code[end] || any_heading(lines[end]).is_none()) {
                end += 1;
            }
            let mut correct: Vec<usize> = run
                .options
                .iter()
                .enumerate()
                .filter(|(_, (_, ticked))| *ticked)
                .map(|(n, _)| n)
                .collect();
            let mut body: Vec<&str> = Vec::new();
            let mut note = "";
            for i in run.end..end {
                if correct.is_empty()
                    && !code[i]
                    && let Some((letters, rest)) = answer_line(lines[i])
                {
                    correct = letters;
                    note = rest;
                    continue;
                }
                if !code[i] && is_rule(lines[i]) {
                    continue;
                }
                body.push(lines[i]);
            }
            correct.retain(|&n| n < run.options.len());
            let mut answer_lines: Vec<String> = correct
                .iter()
                .map(|&n| format!("**{}) {}**", letter(n), run.options[n].0))
                .collect();
            if correct.len() > 1 {
                answer_lines = answer_lines.into_iter().map(|l| format!("- {l}")).collect();
            }
            if !note.is_empty() {
                answer_lines.push(String::new());
                answer_lines.push(note.to_string());
            }
            if !correct.is_empty() {
                answer_lines.push(String::new());
                answer_lines.extend(dedent(&body).into_iter().map(|l| l.into_owned()));
            }
            let (answer, has_code) = answer_markdown(&answer_lines);
            cards.push(RawCard {
                line: q_start + 1,
                question,
                answer,
                has_code,
                section: section.clone(),
                ..RawCard::default()
            });
        }
        Ok(cards)
    }
}

/// `Question 3:` or `Q3.` labels in front of a stem.
fn strip_label(stem: &str) -> String {
    let lower = stem.to_ascii_lowercase();
    if lower.starts_with("question") {
        let rest = stem["question".len()..].trim_start_ws();
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let rest = rest[digits..].trim_start_ws();
        if let Some(r) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('.')) {
            return r.trim_ws().to_string();
        }
        if digits > 0 {
            return rest.to_string();
        }
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        MultipleChoice.parse("t.md", &lines).unwrap()
    }

    #[test]
    fn answer_lines() {
        assert_eq!(answer_line("Answer: B"), Some((vec![1], "")));
        assert_eq!(
            answer_line("**Answer:** (c) because"),
            Some((vec![2], "because"))
        );
        assert_eq!(
            answer_line("**Correct answer**: B, D"),
            Some((vec![1, 3], ""))
        );
        assert_eq!(
            answer_line("Answer: A and C — both"),
            Some((vec![0, 2], "both"))
        );
        assert_eq!(answer_line("Answer: A list is mutable"), None);
        assert_eq!(answer_line("The answer: B"), None);
    }

    #[test]
    fn lettered_and_boxed_options() {
        let cards = parse(
            "## Types\n\n1. Which type is immutable?\n\nA) list\nB) tuple\nC) dict\n\n**Answer:** B\n\nTuples cannot change.\n\n### 2. Pick the **falsy** values\n- [x] `0`\n- [ ] `\"a\"`\n- [x] `[]`\n\nQuestion 3: Which keyword defines a function?\n(a) def\n(b) fun\n",
        );
        assert_eq!(cards.len(), 3, "{cards:#?}");
        assert_eq!(
            cards[0].question,
            "Which type is immutable? A) list · B) tuple · C) dict"
        );
        assert_eq!(cards[0].answer, "**B) tuple**\n\nTuples cannot change.");
        assert_eq!(cards[0].section, "Types");
        assert_eq!(cards[0].line, 3);
        assert_eq!(
            cards[1].question,
            "Pick the **falsy** values A) `0` · B) `\"a\"` · C) `[]`"
        );
        assert_eq!(cards[1].answer, "- **A) `0`**\n- **C) `[]`**");
        assert_eq!(
            cards[2].question,
            "Which keyword defines a function? A) def · B) fun"
        );
        assert_eq!(cards[2].answer, "");
    }
}
