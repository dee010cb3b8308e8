//! `pyquiz check`: what pyquiz makes of one deck file, before anyone
//! studies it. The same pipeline as loading (decode, repair, detect,
//! parse, normalize), plus what loading does not say: every layout's score
//! (why this layout was picked), and warnings about things that are
//! probably mistakes in the deck.

use crate::bank::text::Trim;
use serde::Serialize;

use super::layout::{self, FenceTracker, Layout, any_heading, front_matter, question_like};
use super::model::{Difficulty, DifficultySource, Record};
use super::{BankError, decode, mojibake, native, parse_repaired, parse_source_with};

/// What pyquiz makes of one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileCheck {
    pub file: String,
    /// The layout used, and whether `--layout` chose it.
    pub layout: Option<&'static str>,
    pub layout_about: Option<&'static str>,
    pub forced: bool,
    /// Every layout that recognized something, best first.
    pub scores: Vec<LayoutScore>,
    pub questions: usize,
    pub answered: usize,
    pub unanswered: usize,
    pub with_code: usize,
    /// Questions whose difficulty the deck states (per card, by front
    /// matter, or through a duplicate), per level.
    pub difficulty_labelled: LevelCounts,
    /// Questions whose difficulty pyquiz infers, per level.
    pub difficulty_inferred: LevelCounts,
    /// Questions with tags of their own.
    pub tagged: usize,
    /// Topics found, with question counts, most first.
    pub topics: Vec<(String, usize)>,
    pub front_matter: Option<FrontMatterOut>,
    /// The first three questions, with their lines.
    pub first: Vec<FirstQuestion>,
    pub warnings: Vec<Warning>,
    /// Why nothing was read, when nothing was.
    pub error: Option<String>,
    /// The file could not be read as text (its `error` says why).
    pub unreadable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LayoutScore {
    pub layout: &'static str,
    pub score: usize,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct LevelCounts {
    pub easy: usize,
    pub medium: usize,
    pub hard: usize,
}

impl LevelCounts {
    fn add(&mut self, d: Difficulty) {
        match d {
            Difficulty::Easy => self.easy += 1,
            Difficulty::Medium => self.medium += 1,
            Difficulty::Hard => self.hard += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.easy + self.medium + self.hard
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FrontMatterOut {
    pub lines: usize,
    pub title: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FirstQuestion {
    pub line: usize,
    pub question: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl FileCheck {
    /// Did the file give at least one question?
    pub fn recognized(&self) -> bool {
        self.error.is_none() && self.questions > 0
    }
}

/// Answers that stand in for one not written yet.
fn placeholder(answer: &str) -> bool {
    let t = answer
        .trim_ws()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '`' || c == '.' || c == ' ');
    let lower = t.to_lowercase();
    matches!(
        lower.as_str(),
        "todo" | "tbd" | "tba" | "fixme" | "wip" | "…" | "?" | "??" | "-" | "n/a" | "xxx"
    ) || t.is_empty() && !answer.trim_ws().is_empty()
        || [
            "todo",
            "tbd",
            "fixme",
            "coming soon",
            "answer here",
            "your answer",
            "to be written",
        ]
        .iter()
        .any(|p| lower.starts_with(p) && lower.len() < p.len() + 30)
}

/// Checks one file's bytes. `forced`: the `--layout` given, if any.
pub fn check(file: &str, bytes: &[u8], forced: Option<&'static dyn Layout>) -> FileCheck {
    let mut report = FileCheck {
        file: file.to_string(),
        layout: None,
        layout_about: None,
        forced: forced.is_some(),
        scores: Vec::new(),
        questions: 0,
        answered: 0,
        unanswered: 0,
        with_code: 0,
        difficulty_labelled: LevelCounts::default(),
        difficulty_inferred: LevelCounts::default(),
        tagged: 0,
        topics: Vec::new(),
        front_matter: None,
        first: Vec::new(),
        warnings: Vec::new(),
        error: None,
        unreadable: false,
    };
    let text = match decode::decode(file, bytes) {
        Ok(text) => text,
        Err(e) => {
            report.error = Some(e.to_string());
            report.unreadable = true;
            return report;
        }
    };
    let native = forced.is_none() && native::is_native(&text);
    let text = mojibake::repair(&text).into_owned();
    let mut lines: Vec<&str> = crate::bank::text::lines(&text);
    // The layout to parse with: the one given, or the best of the scores
    // shown (so detection runs once).
    let mut layout = forced;
    if !native {
        let fm = front_matter::read(&lines);
        if fm.lines > 0 {
            report.front_matter = Some(FrontMatterOut {
                lines: fm.lines,
                title: fm.title.clone(),
                difficulty: fm.difficulty,
                tags: fm.tags.clone(),
            });
            for line in lines.iter_mut().take(fm.lines) {
                *line = &line[..0];
            }
        }
        let all = layout::scores(&text, &lines);
        layout = layout.or_else(|| layout::best(&all));
        let mut scores: Vec<LayoutScore> = all
            .into_iter()
            .filter(|&(_, score)| score > 0)
            .map(|(l, score)| LayoutScore {
                layout: l.name(),
                score,
            })
            .collect();
        scores.sort_by_key(|s| std::cmp::Reverse(s.score));
        report.scores = scores;
    }
    let parsed = if native {
        parse_source_with(file, bytes, None)
    } else {
        parse_repaired(file, &text, layout)
    };
    let records = match parsed {
        Ok((name, records)) => {
            report.layout = Some(name);
            report.layout_about = layout::by_name(name).map(|l| l.about());
            records
        }
        Err(e) => {
            report.error = Some(match e {
                BankError::NoQuestions { .. } => match forced {
                    Some(l) => format!(
                        "the {} layout found no question in this file (try without --layout to detect it)",
                        l.name()
                    ),
                    None => format!(
                        "no question was recognized; layouts tried: {}",
                        layout::layout_names()
                    ),
                },
                other => other.to_string(),
            });
            Vec::new()
        }
    };
    summarize(&mut report, &records);
    report.warnings = warnings(&lines, &records);
    report
}

fn summarize(report: &mut FileCheck, records: &[Record]) {
    report.questions = records.len();
    report.answered = records.iter().filter(|r| r.has_answer).count();
    report.unanswered = report.questions - report.answered;
    report.with_code = records.iter().filter(|r| r.has_code).count();
    report.tagged = records.iter().filter(|r| !r.tags.is_empty()).count();
    let mut topics: Vec<(String, usize)> = Vec::new();
    for r in records {
        match r.difficulty_source {
            DifficultySource::Inferred => report.difficulty_inferred.add(r.difficulty),
            _ => report.difficulty_labelled.add(r.difficulty),
        }
        for t in &r.topics {
            let name = t.to_string();
            match topics.iter_mut().find(|(n, _)| *n == name) {
                Some((_, count)) => *count += 1,
                None => topics.push((name, 1)),
            }
        }
    }
    topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    report.topics = topics;
    report.first = records
        .iter()
        .take(3)
        .map(|r| FirstQuestion {
            line: r.line,
            question: r.question.clone(),
        })
        .collect();
}

/// Probable mistakes: answers missing or left as placeholders, a question
/// asked twice, question-like headings that did not become questions, and
/// code fences never closed.
fn warnings(lines: &[&str], records: &[Record]) -> Vec<Warning> {
    let mut out = Vec::new();
    for r in records {
        if !r.has_answer {
            out.push(Warning {
                line: r.line,
                message: format!("no answer: {}", short(&r.question)),
            });
        } else if placeholder(&r.answer) {
            out.push(Warning {
                line: r.line,
                message: format!(
                    "placeholder answer {:?}: {}",
                    r.answer.trim_ws(),
                    short(&r.question)
                ),
            });
        }
    }
    // The first line of each question, by the words the id is made from.
    let mut first_asked: std::collections::HashMap<String, usize> = Default::default();
    for r in records {
        let first = *first_asked
            .entry(super::id::normalize_question(&r.question))
            .or_insert(r.line);
        if first != r.line {
            out.push(Warning {
                line: r.line,
                message: format!(
                    "asks the same question as line {first} (both kept, as separate cards)"
                ),
            });
        }
    }
    let question_lines: std::collections::HashSet<usize> = records.iter().map(|r| r.line).collect();
    let mut fences = FenceTracker::default();
    let mut open_fence: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let was_open = fences.is_open();
        let in_code = fences.in_code(line);
        match (was_open, fences.is_open()) {
            (false, true) => open_fence = Some(i + 1),
            (true, false) => open_fence = None,
            _ => {}
        }
        if in_code {
            continue;
        }
        if let Some((_, text)) = any_heading(line)
            && question_like(text)
            && !question_lines.contains(&(i + 1))
        {
            out.push(Warning {
                line: i + 1,
                message: format!(
                    "heading looks like a question but was not read as one: {}",
                    short(text)
                ),
            });
        }
    }
    if let Some(line) = open_fence {
        out.push(Warning {
            line,
            message: "code fence opened here is never closed: the rest of the file is code"
                .to_string(),
        });
    }
    out.sort_by_key(|w| w.line);
    out
}

/// A question cut to one short line for messages.
fn short(text: &str) -> String {
    let t = text.trim_ws();
    if t.chars().count() <= 60 {
        t.to_string()
    } else {
        let cut: String = t.chars().take(57).collect();
        format!("{cut}...")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "TODO",
            "**TBD**",
            "...",
            "todo: write this",
            "Coming soon!",
            "?",
        ] {
            assert!(placeholder(p), "{p}");
        }
        for a in ["A list is mutable.", "`x`", "To do this, use a set."] {
            assert!(!placeholder(a), "{a}");
        }
    }
}
