//! pyquiz's own deck layout: what `pyquiz export --format markdown` writes,
//! read back without any inference, so that exporting and re-importing a
//! deck gives identical records (ids, topics, difficulty, section, tags).
//!
//! ```markdown
//! <!-- pyquiz deck v1 -->
//! # Python interview questions
//!
//! <!-- pyquiz-card {"id":"…","source":"…","difficulty":"easy",…} -->
//! ## What is a decorator?
//!
//! Answer Markdown, as it is, up to the next card marker.
//! ```
//!
//! The metadata is JSON inside an HTML comment, so the document renders as
//! ordinary Markdown. Every metadata field is optional: a card written by
//! hand with only a heading gets its id, topics and difficulty inferred like
//! any other deck's.

use crate::bank::text::Trim;
use serde::{Deserialize, Serialize};

use super::error::BankError;
use super::model::{CardKind, Difficulty, DifficultySource, Record};
use super::topics::{self, Topic};
use super::{difficulty, id, text};

/// First line of a native deck.
pub const MAGIC: &str = "<!-- pyquiz deck v1 -->";
/// Start of each card's metadata line.
const CARD: &str = "<!-- pyquiz-card ";
const CARD_END: &str = " -->";

/// Name of this layout in messages and `pyquiz list --sources`.
pub const LAYOUT: &str = "pyquiz-deck";

/// Is this text a native deck?
pub fn is_native(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .lines()
        .next()
        .is_some_and(|l| l.trim_end_ws() == MAGIC)
}

#[derive(Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    difficulty: Option<Difficulty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    difficulty_source: Option<DifficultySource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    topics: Option<Vec<Topic>>,
    #[serde(default)]
    section: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    asked_by: Vec<String>,
    #[serde(default, skip_serializing_if = "CardKind::is_basic")]
    kind: CardKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

/// Writes records as one native deck. Fails only if an answer has a line
/// that would read as a card marker (no real deck has one).
pub fn write(title: &str, records: &[&Record]) -> Result<String, String> {
    let mut out = String::new();
    out.push_str(MAGIC);
    out.push('\n');
    out.push_str("# ");
    out.push_str(title);
    out.push('\n');
    for r in records {
        if let Some(line) = r.answer.lines().find(|l| l.starts_with(CARD)) {
            return Err(format!(
                "card {}: its answer has a line starting with `{}` ({line}); \
                 it cannot be written in pyquiz's own layout",
                r.id,
                CARD.trim_end_ws()
            ));
        }
        let meta = Meta {
            id: Some(r.id.clone()),
            source: Some(r.source.clone()),
            difficulty: Some(r.difficulty),
            difficulty_source: Some(r.difficulty_source),
            topics: Some(r.topics.clone()),
            section: r.section.clone(),
            tags: r.tags.clone(),
            asked_by: r.asked_by.clone(),
            kind: r.kind,
            note: r.note.clone(),
        };
        // `-->` would end the comment early; `\u003e` is the same JSON.
        let json = serde_json::to_string(&meta)
            .map_err(|e| e.to_string())?
            .replace("-->", "--\\u003e");
        out.push('\n');
        out.push_str(CARD);
        out.push_str(&json);
        out.push_str(CARD_END);
        out.push('\n');
        out.push_str("## ");
        out.push_str(&r.question);
        out.push('\n');
        if !r.answer.is_empty() {
            out.push('\n');
            out.push_str(&r.answer);
            out.push('\n');
        }
    }
    Ok(out)
}

/// Reads a native deck. `file` names the file in errors and is the source
/// of cards whose metadata gives none.
pub fn parse(file: &str, text: &str) -> Result<Vec<Record>, BankError> {
    let text = text.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text::lines(text);
    let error = |line: usize, message: String| BankError::Parse {
        file: file.to_string(),
        line,
        message,
    };
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with(CARD))
        .collect();
    let mut ids = id::IdAssigner::default();
    let mut records = Vec::with_capacity(starts.len());
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let json = lines[start][CARD.len()..]
            .trim_end_ws()
            .strip_suffix(CARD_END.trim_start_ws())
            .ok_or_else(|| error(start + 1, "card marker is not closed with `-->`".into()))?;
        let meta: Meta = serde_json::from_str(json)
            .map_err(|e| error(start + 1, format!("card metadata: {e}")))?;
        let heading = start + 1;
        let question = lines
            .get(heading)
            .filter(|_| heading < end)
            .and_then(|l| l.strip_prefix("## "))
            .map(Trim::trim_ws)
            .filter(|q| !q.is_empty())
            .ok_or_else(|| {
                error(
                    heading + 1,
                    "expected the question as a `## ` heading right after the card marker".into(),
                )
            })?;
        let mut body = &lines[heading + 1..end];
        while body.first().is_some_and(|l| l.trim_ws().is_empty()) {
            body = &body[1..];
        }
        while body.last().is_some_and(|l| l.trim_ws().is_empty()) {
            body = &body[..body.len() - 1];
        }
        let answer = body.join("\n");
        records.push(record(file, heading + 1, question, answer, meta, &mut ids));
    }
    if records.is_empty() {
        return Err(BankError::NoQuestions {
            file: file.to_string(),
            line: 1,
            tried: LAYOUT.to_string(),
        });
    }
    Ok(records)
}

fn record(
    file: &str,
    line: usize,
    question: &str,
    answer: String,
    meta: Meta,
    ids: &mut id::IdAssigner,
) -> Record {
    let source = meta.source.unwrap_or_else(|| file.to_string());
    let question = text::squash_spaces(question);
    let key = id::normalize_question(&question);
    let encoded = difficulty::encode(&key);
    let topics = meta.topics.filter(|t| !t.is_empty()).unwrap_or_else(|| {
        topics::classify(&topics::TopicEvidence {
            question: &encoded,
            tags: &meta.tags,
            section: &topics::hits(&meta.section),
            answer: &answer,
        })
    });
    let (difficulty, difficulty_source) = match meta.difficulty {
        Some(d) => (
            d,
            meta.difficulty_source.unwrap_or(DifficultySource::Labeled),
        ),
        None => (
            difficulty::infer(
                difficulty::Hints {
                    section: difficulty::section_prior(&meta.section),
                    topic: topics.first().copied(),
                },
                &key,
                &encoded,
            ),
            DifficultySource::Inferred,
        ),
    };
    Record {
        id: meta
            .id
            .unwrap_or_else(|| ids.assign_normalized(&source, &key)),
        source,
        has_answer: !answer.trim_ws().is_empty(),
        has_code: answer.lines().any(|l| text::fence(l).is_some()),
        question,
        answer,
        difficulty,
        difficulty_source,
        topics,
        section: meta.section,
        tags: meta.tags,
        asked_by: meta.asked_by,
        line,
        cluster: None,
        kind: meta.kind,
        note: meta.note,
        members: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_card_is_inferred() {
        let text = format!(
            "{MAGIC}\n# Mine\n\n<!-- pyquiz-card {{}} -->\n## What is a Python decorator?\n\n\
             A function that wraps another.\n\n```python\n@wraps\ndef f(): ...\n```\n"
        );
        let records = parse("mine.md", &text).expect("parses");
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert_eq!(r.source, "mine.md");
        assert_eq!(r.question, "What is a Python decorator?");
        assert!(r.has_code);
        assert_eq!(r.line, 5);
        assert_eq!(r.difficulty_source, DifficultySource::Inferred);
        assert!(
            r.topics.contains(&Topic::DecoratorsClosures),
            "{:?}",
            r.topics
        );
        assert_eq!(
            r.id,
            id::IdAssigner::default().assign("mine.md", &r.question)
        );
    }

    #[test]
    fn errors_name_the_line() {
        let text = format!("{MAGIC}\n\n<!-- pyquiz-card {{\"difficulty\":\"brutal\"}} -->\n## Q\n");
        let e = parse("d.md", &text).unwrap_err().to_string();
        assert!(e.starts_with("d.md:3: card metadata"), "{e}");
        let text = format!("{MAGIC}\n\n<!-- pyquiz-card {{}} -->\nno heading\n");
        let e = parse("d.md", &text).unwrap_err().to_string();
        assert!(e.starts_with("d.md:4: expected the question"), "{e}");
    }

    #[test]
    fn comment_closer_in_metadata_is_escaped() {
        let record = Record {
            id: "x".into(),
            source: "s.md".into(),
            question: "Q --> R?".into(),
            answer: "a --> b".into(),
            has_answer: true,
            has_code: false,
            difficulty: Difficulty::Hard,
            difficulty_source: DifficultySource::Labeled,
            topics: vec![Topic::Basics],
            section: "A --> B".into(),
            tags: vec!["-->".into()],
            asked_by: vec![],
            line: 5,
            cluster: None,
            kind: CardKind::Cloze,
            note: Some("n1".into()),
            members: Vec::new(),
        };
        let text = write("T", &[&record]).expect("writes");
        assert!(is_native(&text));
        let back = parse("other.md", &text).expect("parses");
        assert_eq!(back, vec![record]);
    }
}
