//! Narrowing the bank: by difficulty, topic, source, text, and whether
//! prompt-only entries are included. Shared by every command.

use super::model::{Difficulty, Record};
use super::topics::Topic;
use crate::bank::text::Trim;

/// A bad filter value. The message lists the valid values and, where one
/// is close, suggests it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FilterError {
    #[error("unknown {kind} '{given}'{}; valid {}: {}", suggestion_text(.suggestion), plural(.kind), .valid.join(", "))]
    Unknown {
        kind: &'static str,
        given: String,
        suggestion: Option<String>,
        valid: Vec<String>,
    },
    #[error("--{kind} needs a value; valid {}: {}", plural(.kind), .valid.join(", "))]
    Empty {
        kind: &'static str,
        valid: Vec<String>,
    },
    #[error("--search needs some text to look for")]
    EmptySearch,
    #[error("{kind} '{given}' is ambiguous: it could be {}", .matches.join(", "))]
    Ambiguous {
        kind: &'static str,
        given: String,
        matches: Vec<String>,
    },
}

fn plural(kind: &str) -> String {
    match kind.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{kind}s"),
    }
}

fn suggestion_text(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!(" (did you mean '{s}'?)"))
        .unwrap_or_default()
}

/// Which records to keep. Empty lists mean "any".
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub difficulties: Vec<Difficulty>,
    pub topics: Vec<Topic>,
    /// Source file names (already resolved against the bank).
    pub sources: Vec<String>,
    /// Case-insensitive text looked for in question and answer (inline
    /// code's backticks left out of both).
    pub search: Option<String>,
    pub include_unanswered: bool,
}

impl Filter {
    /// Whether it keeps only part of the bank (a difficulty, topic, source
    /// or search); `--include-unanswered` alone widens, not narrows.
    pub fn narrows(&self) -> bool {
        !self.difficulties.is_empty()
            || !self.topics.is_empty()
            || !self.sources.is_empty()
            || self.search.is_some()
    }

    pub fn matches(&self, r: &Record) -> bool {
        (self.include_unanswered || r.has_answer)
            && (self.difficulties.is_empty() || self.difficulties.contains(&r.difficulty))
            && (self.topics.is_empty() || r.topics.iter().any(|t| self.topics.contains(t)))
            && (self.sources.is_empty() || r.sources().any(|s| self.sources.iter().any(|f| f == s)))
            && self.search.as_ref().is_none_or(|needle| {
                // Inline code marks do not count: "__slots__ to" finds
                // "`__slots__` to", and "`is`" finds "is".
                let plain = |text: &str| text.to_lowercase().replace('`', "");
                let needle = plain(needle);
                let has = |text: &str| plain(text).contains(&needle);
                has(&r.question)
                    || has(&r.answer)
                    || r.members.iter().any(|m| has(&m.question) || has(&m.answer))
            })
    }
}

/// Splits repeatable, comma-separated values.
/// A filter's values, each argument split at commas. An argument with no
/// value in it (`--topic ""`, `--topic ,`) is an error, not "any".
fn values(kind: &'static str, raw: &[String], valid: &[&str]) -> Result<Vec<String>, FilterError> {
    let mut out = Vec::new();
    for arg in raw {
        let before = out.len();
        out.extend(
            arg.split(',')
                .map(|v| v.trim_ws().to_lowercase())
                .filter(|v| !v.is_empty()),
        );
        if out.len() == before {
            return Err(FilterError::Empty {
                kind,
                valid: valid.iter().map(|v| v.to_string()).collect(),
            });
        }
    }
    Ok(out)
}

/// `--search` text: none, or some text.
pub fn parse_search(raw: Option<&str>) -> Result<Option<String>, FilterError> {
    match raw {
        None => Ok(None),
        Some(text) if text.trim_ws().is_empty() => Err(FilterError::EmptySearch),
        Some(text) => Ok(Some(text.to_string())),
    }
}

/// Resolves one value against names: exact match, else an unambiguous
/// prefix, else an error with the closest name.
fn resolve<'a>(kind: &'static str, given: &str, names: &[&'a str]) -> Result<&'a str, FilterError> {
    if let Some(&exact) = names.iter().find(|n| n.eq_ignore_ascii_case(given)) {
        return Ok(exact);
    }
    let prefixed: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| n.to_lowercase().starts_with(given))
        .collect();
    match prefixed.as_slice() {
        [one] => Ok(one),
        [] => {
            let suggestion = names
                .iter()
                .map(|n| (strsim::jaro_winkler(given, &n.to_lowercase()), *n))
                .filter(|(score, _)| *score > 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, n)| n.to_string());
            Err(FilterError::Unknown {
                kind,
                given: given.to_string(),
                suggestion,
                valid: names.iter().map(|n| n.to_string()).collect(),
            })
        }
        many => Err(FilterError::Ambiguous {
            kind,
            given: given.to_string(),
            matches: many.iter().map(|n| n.to_string()).collect(),
        }),
    }
}

/// `--topic` values (repeatable, comma-separated, case-insensitive,
/// unambiguous prefixes accepted).
pub fn parse_topics(raw: &[String]) -> Result<Vec<Topic>, FilterError> {
    let names: Vec<&str> = Topic::ALL.iter().map(|t| t.slug()).collect();
    let mut out = Vec::new();
    for v in values("topic", raw, &names)? {
        let slug = resolve("topic", &v, &names)?;
        let topic = Topic::ALL
            .iter()
            .copied()
            .find(|t| t.slug() == slug)
            .expect("slug comes from Topic::ALL");
        if !out.contains(&topic) {
            out.push(topic);
        }
    }
    Ok(out)
}

/// `--difficulty` values.
pub fn parse_difficulties(raw: &[String]) -> Result<Vec<Difficulty>, FilterError> {
    let names: Vec<&str> = Difficulty::ALL.iter().map(|d| d.as_str()).collect();
    let mut out = Vec::new();
    for v in values("difficulty", raw, &names)? {
        let name = resolve("difficulty", &v, &names)?;
        let d: Difficulty = name.parse().map_err(|_| FilterError::Unknown {
            kind: "difficulty",
            given: v.clone(),
            suggestion: None,
            valid: names.iter().map(|n| n.to_string()).collect(),
        })?;
        if !out.contains(&d) {
            out.push(d);
        }
    }
    Ok(out)
}

/// `--source` values, against the loaded sources: a file name, its name
/// without `.md`, or an unambiguous prefix.
pub fn parse_sources(raw: &[String], available: &[&str]) -> Result<Vec<String>, FilterError> {
    let mut out = Vec::new();
    for v in values("source", raw, available)? {
        let v = v.strip_suffix(".md").unwrap_or(&v).to_string();
        let name = resolve("source", &v, available)?;
        if !out.iter().any(|s: &String| s == name) {
            out.push(name.to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn topics_prefix_case_and_commas() {
        assert_eq!(
            parse_topics(&s(&["CONC,async"])).unwrap(),
            [Topic::Concurrency, Topic::Async]
        );
        assert_eq!(parse_topics(&s(&["oop", "oop"])).unwrap(), [Topic::Oop]);
    }

    #[test]
    fn unknown_topic_suggests_closest() {
        let err = parse_topics(&s(&["concurency"])).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("did you mean 'concurrency'?"), "{msg}");
        assert!(msg.contains("valid topics: basics,"), "{msg}");
    }

    #[test]
    fn ambiguous_prefix_is_an_error() {
        let err = parse_topics(&s(&["data"])).unwrap_err();
        assert!(matches!(err, FilterError::Ambiguous { .. }));
        assert!(err.to_string().contains("data-structures"), "{err}");
    }

    #[test]
    fn difficulties() {
        assert_eq!(
            parse_difficulties(&s(&["easy,Hard"])).unwrap(),
            [Difficulty::Easy, Difficulty::Hard]
        );
        assert_eq!(
            parse_difficulties(&s(&["med"])).unwrap(),
            [Difficulty::Medium]
        );
        let msg = parse_difficulties(&s(&["hrad"])).unwrap_err().to_string();
        assert!(
            msg.contains("did you mean 'hard'?") && msg.contains("easy, medium, hard"),
            "{msg}"
        );
    }

    #[test]
    fn sources_by_stem_or_prefix() {
        let avail = ["a-deck.md", "b-deck.md"];
        assert_eq!(
            parse_sources(&s(&["a-deck"]), &avail).unwrap(),
            ["a-deck.md"]
        );
        assert_eq!(parse_sources(&s(&["B"]), &avail).unwrap(), ["b-deck.md"]);
        assert!(parse_sources(&s(&["c"]), &avail).is_err());
    }
}
