//! Cloze notes: a text with deletions becomes one card per deletion group,
//! the text with that group hidden (`[…]`, or `[hint]`) asking and the text
//! with it shown (in bold, or as it is inside code) answering. The cards of
//! one note are siblings (`Record::note`), buried like a cluster's copies.
//!
//! Two syntaxes: Anki's `{{c1::text}}` / `{{c1::text::hint}}`, where every
//! deletion numbered alike is one card, and hashcards' `[text]`, where each
//! bracket pair is a card of its own (an image's `![alt]`, a link's
//! `[text](url)` and escaped `\[` `\]` are not deletions).

use super::CardKind;
use super::layout::{FenceTracker, RawCard, question_text};
use super::text::fence;

/// One deletion: bytes `start..end` of the text, its group and what it
/// hides.
#[derive(Debug, Clone, PartialEq)]
pub struct Deletion<'a> {
    pub start: usize,
    pub end: usize,
    pub group: u32,
    pub text: &'a str,
    pub hint: Option<&'a str>,
}

/// Anki's deletions: `{{c2::text::hint}}`.
pub fn anki(text: &str) -> Vec<Deletion<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{{c").map(|i| from + i) {
        let body = open + 3;
        let digits = text[body..].bytes().take_while(u8::is_ascii_digit).count();
        let after = body + digits;
        let close = text[after..].find("}}").map(|i| after + i);
        match (digits, text[after..].starts_with("::"), close) {
            (1..=9, true, Some(close)) => {
                let inner = &text[after + 2..close];
                let (hidden, hint) = match inner.split_once("::") {
                    Some((a, h)) => (a, Some(h)),
                    None => (inner, None),
                };
                found.push(Deletion {
                    start: open,
                    end: close + 2,
                    group: text[body..after].parse().unwrap_or(0),
                    text: hidden,
                    hint,
                });
                from = close + 2;
            }
            _ => from = body,
        }
    }
    found
}

/// hashcards' deletions: each `[text]` is a group of its own.
pub fn brackets(text: &str) -> Vec<Deletion<'_>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    let mut group = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                // An image: skip to its closing bracket.
                i = text[i..].find(']').map_or(bytes.len(), |c| i + c + 1);
            }
            b'[' => {
                let Some(close) = text[i + 1..].find(']').map(|c| i + 1 + c) else {
                    break;
                };
                if bytes.get(close + 1) == Some(&b'(') {
                    // A link's text.
                    i = close + 1;
                    continue;
                }
                group += 1;
                found.push(Deletion {
                    start: i,
                    end: close + 1,
                    group,
                    text: &text[i + 1..close],
                    hint: None,
                });
                i = close + 1;
            }
            _ => i += 1,
        }
    }
    found
}

/// Whether byte `at` of Markdown `text` lies inside a fenced code block.
fn in_code(text: &str, at: usize) -> bool {
    let mut fences = FenceTracker::default();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        let code = fences.in_code(line);
        if at <= end {
            return code && fence(line).is_none();
        }
        start = end + 1;
    }
    false
}

/// The text with `group`'s deletions replaced by `hidden(d)` and the
/// others by their text.
fn fill(
    text: &str,
    all: &[Deletion<'_>],
    group: u32,
    hidden: impl Fn(&Deletion) -> String,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for d in all {
        out.push_str(&text[at..d.start]);
        if d.group == group {
            out.push_str(&hidden(d));
        } else {
            out.push_str(d.text);
        }
        at = d.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The key of a note's cards (`Record::note`), from its text.
pub fn note_key(text: &str) -> String {
    format!("n{:011x}", super::id::fnv1a(text.bytes()) >> 20)
}

/// The cards of a cloze note: `text` (Markdown) with its `deletions`, and
/// `extra` lines shown under every answer. Each card starts as `template`
/// (line, section, tags …). Groups come in order of first appearance.
pub fn cards(
    text: &str,
    deletions: &[Deletion<'_>],
    extra: &[String],
    template: &RawCard,
) -> Vec<RawCard> {
    let mut groups: Vec<u32> = Vec::new();
    for d in deletions {
        if !groups.contains(&d.group) {
            groups.push(d.group);
        }
    }
    let note = note_key(text);
    groups
        .into_iter()
        .map(|group| {
            let asked = fill(text, deletions, group, |d| {
                format!("[{}]", d.hint.unwrap_or("…"))
            });
            // Bold shows the deletion in prose; in code it would be taken
            // literally.
            let shown = fill(text, deletions, group, |d| {
                if in_code(text, d.start) {
                    d.text.to_string()
                } else {
                    format!("**{}**", d.text)
                }
            });
            let mut answer: Vec<String> = shown.split('\n').map(str::to_string).collect();
            if !extra.is_empty() {
                answer.push(String::new());
                answer.extend(extra.iter().cloned());
            }
            let asked: Vec<&str> = asked.split('\n').collect();
            let (answer, has_code) = super::code::answer_markdown(&answer);
            RawCard {
                question: question_text(&asked),
                answer,
                has_code,
                kind: CardKind::Cloze,
                note: Some(note.clone()),
                ..template.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_deletions_group_by_number() {
        let text = "{{c1::a}} {{c1::b::hint}} {{c}} {{c2::}}";
        let d = anki(text);
        assert_eq!(d.len(), 3);
        assert_eq!((d[1].group, d[1].text, d[1].hint), (1, "b", Some("hint")));
        assert_eq!(fill(text, &d, 1, |_| "_".into()), "_ _ {{c}} ");
    }

    #[test]
    fn hashcards_brackets_are_each_a_card() {
        let text = "An [agonist] binds and [activates it]; ![img](x.png), [a link](u), \\[not\\].";
        let d = brackets(text);
        let hidden: Vec<&str> = d.iter().map(|d| d.text).collect();
        assert_eq!(hidden, ["agonist", "activates it"]);
        let cards = cards(text, &d, &[], &RawCard::default());
        assert_eq!(cards.len(), 2);
        assert!(
            cards[0]
                .question
                .starts_with("An […] binds and activates it;")
        );
        assert!(
            cards[1]
                .answer
                .starts_with("An agonist binds and **activates it**;")
        );
        assert_eq!(cards[0].note, cards[1].note);
        assert_eq!(cards[0].kind, CardKind::Cloze);
    }

    #[test]
    fn a_deletion_in_code_stays_code() {
        let text = "```python\nfor i in {{c1::range}}(3):\n    print(i)\n```";
        let cards = cards(text, &anki(text), &[], &RawCard::default());
        assert!(cards[0].question.contains("[…]"));
        assert!(cards[0].has_code);
        assert!(
            cards[0].answer.contains("for i in range(3):"),
            "{}",
            cards[0].answer
        );
    }
}
