//! Layout of [carddown](https://github.com/martintrojer/carddown) notes
//! (its doc/GUIDE.md, "Card format"): cards marked inside ordinary notes.
//!
//! - One line, `prompt : response 🧠` or `prompt : response #flashcard`,
//!   with `#tags` after the response (`#flashcard` itself is no tag).
//! - Several lines: `prompt #flashcard #tags`, then the response's lines up
//!   to a separator (`---`, `- - -`, `***`, `* * *`); a card left open at
//!   the end of the file is not a card.
//! - A file holding `@carddown-ignore` has no cards.
//!
//! The rest of the notes is not read. Where a line has several colons, the
//! spaced ` : ` separates the prompt (else the last colon, as carddown's
//! own rule reads it).

use super::{FenceTracker, Layout, RawCard, kind};
use crate::bank::code::answer_markdown;
use crate::bank::error::BankError;
use crate::bank::text::Trim;
use crate::bank::text::dedent;

pub struct Carddown;

const BRAIN: &str = "🧠";
const MARKER: &str = "#flashcard";

/// Where the line's marker is: `🧠`, or `#flashcard` as a word of its own
/// (Obsidian's `#flashcards` tag is not it).
fn marker(line: &str) -> Option<usize> {
    let brain = line.find(BRAIN);
    let tag = line.match_indices(MARKER).map(|(at, _)| at).find(|&at| {
        let end = at + MARKER.len();
        !line[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-')
    });
    match (brain, tag) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// A `#tag` word: `#` and letters, digits, `-` or `_`.
fn is_tag(word: &str) -> bool {
    word.strip_prefix('#').is_some_and(|t| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    })
}

/// The text before the line's marker and tags, and the tags (without
/// `#flashcard`).
fn split_tags(text: &str) -> (&str, Vec<String>) {
    let mut body = text.trim_end_ws();
    let mut tags = Vec::new();
    loop {
        body = body.trim_end_ws();
        if let Some(rest) = body.strip_suffix(BRAIN) {
            body = rest;
            continue;
        }
        let word_start = body.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let word = &body[word_start..];
        if is_tag(word) {
            if word != MARKER {
                tags.push(word[1..].to_string());
            }
            body = &body[..word_start];
            continue;
        }
        break;
    }
    tags.reverse();
    (body.trim_ws(), tags)
}

/// The prompt and response of a one-line card, if the line has a colon.
fn one_line(line: &str) -> Option<(&str, &str)> {
    let at = line
        .find(" : ")
        .map(|i| (i, 3))
        .or_else(|| line.rfind(':').map(|i| (i, 1)))?;
    Some((&line[..at.0], &line[at.0 + at.1..]))
}

fn is_separator(line: &str) -> bool {
    let squeezed: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    (squeezed == "---" || squeezed == "***") && !line.trim_ws().is_empty()
}

impl Layout for Carddown {
    fn name(&self) -> &'static str {
        "carddown"
    }

    fn about(&self) -> &'static str {
        "carddown's marked cards: `prompt : response 🧠`, `prompt #flashcard` … `---`"
    }

    fn kinds(&self) -> u16 {
        kind::CARD_MARKER
    }

    fn score(&self, lines: &[&str]) -> usize {
        // Each marked line is a card; three points each, as a card's
        // question and answer lines would count in another layout.
        3 * lines.iter().filter(|l| marker(l).is_some()).count()
    }

    fn parse(&self, _file: &str, lines: &[&str]) -> Result<Vec<RawCard>, BankError> {
        if lines.iter().any(|l| l.contains("@carddown-ignore")) {
            return Ok(Vec::new());
        }
        let mut cards = Vec::new();
        // An open multi-line card: its line, prompt, tags and response.
        let mut open: Option<(usize, String, Vec<String>, Vec<&str>)> = None;
        let mut fences = FenceTracker::default();
        for (i, &line) in lines.iter().enumerate() {
            let in_code = fences.in_code(line);
            if !in_code && let Some(at) = marker(line) {
                let (text, tags) = split_tags(line);
                if let Some((prompt, response)) = one_line(&line[..at]).or_else(|| one_line(text)) {
                    let prompt = prompt.trim_ws();
                    let (response, _) = split_tags(response);
                    if prompt.is_empty() {
                        continue;
                    }
                    let (answer, has_code) = answer_markdown(&[response]);
                    cards.push(RawCard {
                        line: i + 1,
                        question: prompt.to_string(),
                        answer,
                        has_code,
                        tags,
                        ..RawCard::default()
                    });
                    open = None;
                    continue;
                }
                if line[at..].starts_with(MARKER) && !text.is_empty() {
                    open = Some((i + 1, text.to_string(), tags, Vec::new()));
                }
                continue;
            }
            match &mut open {
                Some(_) if !in_code && is_separator(line) => {
                    if let Some((line, prompt, tags, body)) = open.take() {
                        let (answer, has_code) = answer_markdown(&dedent(&body));
                        cards.push(RawCard {
                            line,
                            question: prompt,
                            answer,
                            has_code,
                            tags,
                            ..RawCard::default()
                        });
                    }
                }
                Some((_, _, _, body)) => body.push(line),
                None => {}
            }
        }
        Ok(cards)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<RawCard> {
        let lines: Vec<&str> = text.lines().collect();
        Carddown.parse("notes.md", &lines).unwrap()
    }

    #[test]
    fn the_guides_examples() {
        let cards = parse(
            "Capital of France? : Paris 🧠\nWhat is HTTP? : HyperText Transfer Protocol #flashcard #web\n\nExplain the Bohr model #flashcard #physics\nElectrons orbit in quantized energy levels.\nTransitions between levels emit/absorb photons.\n---\nWhat is DNA? : Deoxyribonucleic acid 🧠 #biology #genetics\n",
        );
        let got: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.question.as_str(), c.answer.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Capital of France?", "Paris"),
                ("What is HTTP?", "HyperText Transfer Protocol"),
                (
                    "Explain the Bohr model",
                    "Electrons orbit in quantized energy levels.\nTransitions between levels emit/absorb photons."
                ),
                ("What is DNA?", "Deoxyribonucleic acid"),
            ]
        );
        assert_eq!(cards[1].tags, ["web"]);
        assert_eq!(cards[2].tags, ["physics"]);
        assert_eq!(cards[3].tags, ["biology", "genetics"]);
        assert_eq!(cards[2].line, 4);
    }

    #[test]
    fn carddowns_own_edge_cases() {
        // Every separator form; an unclosed card and an empty prompt are
        // no cards; Obsidian's #flashcards tag is no marker; ignore.
        for sep in ["---", "- - -", "***", "* * *"] {
            let cards = parse(&format!(
                "Q1 #flashcard\nA1\n{sep}\nQ2 #flashcard\nA2\n{sep}\n"
            ));
            assert_eq!(cards.len(), 2, "{sep}");
        }
        assert!(parse("prompt #flashcard\nq1\na1").is_empty());
        assert!(parse(": answer #flashcard").is_empty());
        assert!(parse("#flashcards\nWhat::Answer").is_empty());
        assert!(parse("@carddown-ignore\nq: a 🧠").is_empty());
        let cards = parse("Docs? : https://docs.python.org 🧠\n`xs[1:]` slices? : yes 🧠 #py\n");
        assert_eq!(cards[0].answer, "https://docs.python.org");
        assert_eq!(cards[1].question, "`xs[1:]` slices?");
        let cards = parse("Which language? : C# #flashcard #langs\n");
        assert_eq!(cards[0].answer, "C#");
        assert_eq!(cards[0].tags, ["langs"]);
    }
}
