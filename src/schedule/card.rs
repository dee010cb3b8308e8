//! A card's scheduling state and the four grades.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Where a card is in its life, as in Anki.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Never answered.
    New,
    /// Going through the learning steps (1m, 10m by default).
    Learning,
    /// Graduated: due on a day, interval from FSRS.
    Review,
    /// Forgotten in review; going through the relearning steps (10m).
    Relearning,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::New => "new",
            Phase::Learning => "learning",
            Phase::Review => "review",
            Phase::Relearning => "relearning",
        }
    }
}

/// The answer a person gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// FSRS's rating number, 1 (again) to 4 (easy).
    pub fn rating(self) -> u32 {
        self as u32 + 1
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    /// Accepts the name, its first letter, or the rating number.
    pub fn parse(s: &str) -> Option<Grade> {
        match s.trim().to_ascii_lowercase().as_str() {
            "again" | "a" | "1" => Some(Grade::Again),
            "hard" | "h" | "2" => Some(Grade::Hard),
            "good" | "g" | "3" => Some(Grade::Good),
            "easy" | "e" | "4" => Some(Grade::Easy),
            _ => None,
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Everything the scheduler knows about one card. A card with no entry in the
/// progress file is `CardState::default()`: new, never seen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub phase: Phase,
    /// Index into the learning or relearning steps while in those phases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    /// FSRS memory state, once the card has been answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_review: Option<Timestamp>,
    /// The last review interval in days (review phase), for display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_days: Option<u32>,
    #[serde(default)]
    pub reps: u32,
    #[serde(default)]
    pub lapses: u32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suspended: bool,
    /// Hidden from the queue until this study day begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buried_until: Option<Date>,
}

impl Default for CardState {
    fn default() -> Self {
        CardState {
            phase: Phase::New,
            step: None,
            stability: None,
            difficulty: None,
            due: None,
            last_review: None,
            interval_days: None,
            reps: 0,
            lapses: 0,
            suspended: false,
            buried_until: None,
        }
    }
}

impl CardState {
    /// True when the entry carries nothing a default (new) card lacks.
    pub fn is_pristine(&self) -> bool {
        *self == CardState::default()
    }

    pub fn is_buried_on(&self, today: Date) -> bool {
        self.buried_until.is_some_and(|until| until > today)
    }
}
