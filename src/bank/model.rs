//! The normalized question record and its small value types.

use crate::bank::text::Trim;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use super::topics::Topic;

/// How hard a question is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// Reads a source's own label: Beginner/Easy, Intermediate/Medium,
    /// Advanced/Hard (any case, surrounding emoji ignored).
    pub fn from_label(label: &str) -> Option<Difficulty> {
        let lower = label.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        words.iter().find_map(|w| match *w {
            "beginner" | "easy" | "basic" => Some(Difficulty::Easy),
            "intermediate" | "medium" => Some(Difficulty::Medium),
            "advanced" | "hard" | "expert" => Some(Difficulty::Hard),
            _ => None,
        })
    }
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Difficulty {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Difficulty::ALL
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(s.trim_ws()))
            .ok_or(())
    }
}

/// Whether a difficulty was stated by the source, taken from the labeled
/// questions it duplicates in other sources, or inferred by pyquiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DifficultySource {
    Labeled,
    Cluster,
    Inferred,
}

/// One source's version of a merged card's question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: String,
    pub source: String,
    pub question: String,
    pub answer: String,
    pub has_code: bool,
    pub difficulty: Difficulty,
    pub difficulty_source: DifficultySource,
    /// Similarity of the link that joined it to the cluster.
    pub similarity: Option<f32>,
}

/// What kind of card a record is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardKind {
    /// A question and its answer.
    #[default]
    Basic,
    /// One deletion of a cloze note: the text with the deletion hidden
    /// asks, the text with it shown answers.
    Cloze,
}

impl CardKind {
    pub fn is_basic(&self) -> bool {
        *self == CardKind::Basic
    }
}

/// One question of the bank, normalized. The JSON field names are part of
/// pyquiz's interface (`pyquiz list --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub source: String,
    pub question: String,
    pub answer: String,
    pub has_answer: bool,
    pub has_code: bool,
    pub difficulty: Difficulty,
    pub difficulty_source: DifficultySource,
    pub topics: Vec<Topic>,
    pub section: String,
    pub tags: Vec<String>,
    pub asked_by: Vec<String>,
    /// 1-based line of the question in its source (not part of the JSON).
    #[serde(skip)]
    pub line: usize,
    /// The duplicate cluster the question belongs to (`pyquiz dupes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// A cloze deletion is `cloze`; plain cards leave the field out.
    #[serde(default, skip_serializing_if = "CardKind::is_basic")]
    pub kind: CardKind,
    /// The note a card was made from with its siblings (the deletions of
    /// one cloze note): siblings are buried like a cluster's copies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For a card merged from a cluster: every source's version, the answer
    /// shown first leading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
}

impl Record {
    /// The group whose cards wait for tomorrow once one of them is answered
    /// today (sibling burying): its cluster's copies, or its note's other
    /// deletions.
    pub fn siblings(&self) -> Option<&str> {
        self.cluster.as_deref().or(self.note.as_deref())
    }

    /// Sources the record speaks for: its own, or all its members'.
    pub fn sources(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.source.as_str()).chain(self.members.iter().map(|m| m.source.as_str()))
    }
}
