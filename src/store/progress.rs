//! The contents of progress.json.

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::schedule::{
    CardState, DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, DEFAULT_REVIEWS_PER_DAY, DayCounts,
};

/// The format this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// How many undo steps are kept (at least 30 are promised).
pub const UNDO_DEPTH: usize = 50;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub settings: Settings,
    /// Answers counted against today's limits.
    #[serde(default)]
    pub today: Today,
    /// How much of reviews.jsonl this file accounts for. Anything past it
    /// was written by a grade that never finished and is dropped on open.
    #[serde(default)]
    pub review_log: LogMark,
    /// Cards that have been answered, suspended or buried, by id. Entries
    /// for ids that are no longer in the bank are kept as they are.
    #[serde(default)]
    pub cards: BTreeMap<String, CardState>,
    /// The most recent changes, newest last, for `undo`.
    #[serde(default)]
    pub undo: Vec<UndoEntry>,
    /// Each merged card's members as last seen, by the id the card is kept
    /// under: its history survives members being added, removed or edited.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub merged: BTreeMap<String, Vec<String>>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: FORMAT_VERSION,
            settings: Settings::default(),
            today: Today::default(),
            review_log: LogMark::default(),
            cards: BTreeMap::new(),
            undo: Vec::new(),
            merged: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Personal FSRS-6 parameters from `pyquiz optimize`; empty = defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<f32>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: DEFAULT_RETENTION,
            new_per_day: DEFAULT_NEW_PER_DAY,
            reviews_per_day: DEFAULT_REVIEWS_PER_DAY,
            parameters: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub new: u32,
    pub reviews: u32,
}

impl Today {
    /// The counts for `day` (zero when the stored day is another one).
    pub fn on(&self, day: Date) -> DayCounts {
        if self.date == Some(day) {
            DayCounts {
                new: self.new,
                reviews: self.reviews,
            }
        } else {
            DayCounts::default()
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogMark {
    pub entries: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UndoAction {
    Grade,
    Suspend,
    Unsuspend,
    Bury,
    /// A practice or interview answer (logged; no scheduling change).
    Practice,
}

impl UndoAction {
    pub fn name(self) -> &'static str {
        match self {
            UndoAction::Grade => "grade",
            UndoAction::Suspend => "suspend",
            UndoAction::Unsuspend => "unsuspend",
            UndoAction::Bury => "bury",
            UndoAction::Practice => "practice answer",
        }
    }
}

/// Enough to put one change back exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoEntry {
    pub action: UndoAction,
    pub card: String,
    pub time: Timestamp,
    /// The card's entry before the change (`None`: it had none).
    pub before: Option<CardState>,
    /// The review log and today's counts before the change.
    pub log: LogMark,
    pub today: Today,
}
