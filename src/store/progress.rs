//! The state derived from the review log (card states, settings, today's
//! counts, the undo stack, merged cards' members), and progress.json, its
//! checkpoint: the same state as of a position in the log.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::log::{Event, LogEntry};
use crate::schedule::{
    CardState, DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION, DEFAULT_REVIEWS_PER_DAY, DayCounts, Grade,
    NewCardOrder, Phase,
};

/// The checkpoint format this build writes and the newest it reads.
/// Format 1 (progress.json held the truth, the log only answers) is read
/// and migrated on the first write.
pub const FORMAT_VERSION: u32 = 2;

/// How many undo steps are kept (at least 30 are promised).
pub const UNDO_DEPTH: usize = 50;

/// Kinds of answer in the log: a scheduled review, and two outside it.
pub const KIND_REVIEW: &str = "review";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    #[serde(default)]
    pub settings: Settings,
    /// Answers counted against today's limits.
    #[serde(default)]
    pub today: Today,
    /// How much of reviews.jsonl this state accounts for.
    #[serde(default)]
    pub review_log: LogMark,
    /// Cards that have been answered, suspended or buried, by id. Entries
    /// for ids that are no longer in the bank are kept as they are.
    #[serde(default, deserialize_with = "cards_in_bulk")]
    pub cards: BTreeMap<String, CardState>,
    /// The most recent changes, newest last, for `undo`.
    #[serde(default)]
    pub undo: Vec<UndoEntry>,
    /// Each merged card's members as last seen, by the id the card is kept
    /// under: its history survives members being added, removed or edited.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub merged: BTreeMap<String, Vec<String>>,
    /// The events that undo events name (whose answers the history leaves
    /// out), so that reading the history needs no search for them. `None`
    /// in a checkpoint written before it was kept: found by a search then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undone: Option<BTreeSet<u64>>,
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
            undone: Some(BTreeSet::new()),
        }
    }
}

/// Reads a map of cards into a vector first and builds the tree from it
/// in one pass (the keys come sorted): at 100k cards this is several times
/// quicker than inserting them one by one.
fn cards_in_bulk<'de, D>(deserializer: D) -> Result<BTreeMap<String, CardState>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Entries;
    impl<'de> serde::de::Visitor<'de> for Entries {
        type Value = Vec<(String, CardState)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map of card ids to card states")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(entry) = map.next_entry()? {
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    // A later duplicate key wins, as with one-by-one inserts.
    Ok(deserializer.deserialize_map(Entries)?.into_iter().collect())
}

/// The state a format 1 progress.json held, carried into the log once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub settings: Settings,
    pub today: Today,
    pub cards: BTreeMap<String, CardState>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub merged: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub desired_retention: f32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
    /// Personal FSRS-6 parameters from `pyquiz optimize`; empty = defaults.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameters: Vec<f32>,
    /// The order new cards come in (the learning path unless changed).
    #[serde(default, skip_serializing_if = "NewCardOrder::is_path")]
    pub new_order: NewCardOrder,
    /// Colours for a light or a dark terminal, or detected (`auto`).
    #[serde(default, skip_serializing_if = "ThemeSetting::is_auto")]
    pub theme: ThemeSetting,
}

impl Settings {
    /// What differs from `before` to `self`, one `name old → new` per
    /// setting, named as `pyquiz config` names them.
    pub fn changes_from(&self, before: &Settings) -> Vec<String> {
        let mut out = Vec::new();
        let mut diff = |name: &str, old: String, new: String| {
            if old != new {
                out.push(format!("{name} {old} → {new}"));
            }
        };
        diff(
            "desired-retention",
            before.desired_retention.to_string(),
            self.desired_retention.to_string(),
        );
        diff(
            "new-per-day",
            before.new_per_day.to_string(),
            self.new_per_day.to_string(),
        );
        diff(
            "reviews-per-day",
            before.reviews_per_day.to_string(),
            self.reviews_per_day.to_string(),
        );
        let parameters = |p: &[f32]| if p.is_empty() { "default" } else { "personal" }.to_string();
        if before.parameters != self.parameters {
            // Personal parameters replaced by others still read "personal".
            diff(
                "parameters",
                format!(
                    "{} ({} values)",
                    parameters(&before.parameters),
                    before.parameters.len()
                ),
                format!(
                    "{} ({} values)",
                    parameters(&self.parameters),
                    self.parameters.len()
                ),
            );
        }
        diff(
            "new-order",
            before.new_order.name().to_string(),
            self.new_order.name().to_string(),
        );
        diff(
            "theme",
            before.theme.name().to_string(),
            self.theme.name().to_string(),
        );
        out
    }
}

/// The colours a person chooses (`--theme`, `pyquiz config theme`): for
/// the terminal's background as detected, or for a light or dark one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeSetting {
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeSetting {
    pub const ALL: [ThemeSetting; 3] =
        [ThemeSetting::Auto, ThemeSetting::Light, ThemeSetting::Dark];

    pub fn name(self) -> &'static str {
        match self {
            ThemeSetting::Auto => "auto",
            ThemeSetting::Light => "light",
            ThemeSetting::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<ThemeSetting> {
        let text = text.trim();
        ThemeSetting::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(text))
    }

    pub fn is_auto(&self) -> bool {
        *self == ThemeSetting::Auto
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: DEFAULT_RETENTION,
            new_per_day: DEFAULT_NEW_PER_DAY,
            reviews_per_day: DEFAULT_REVIEWS_PER_DAY,
            parameters: Vec::new(),
            new_order: NewCardOrder::Path,
            theme: ThemeSetting::Auto,
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

/// A position in the log: `entries` events, ending at byte `bytes`; the
/// last of them `last_line` long with hash `hash` (format 2), so a
/// checkpoint can tell the log it was made from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogMark {
    pub entries: u64,
    pub bytes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_line: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hash: Option<u64>,
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
    /// `pyquiz config`, `plan --accept`, `optimize`: the settings as they
    /// were are in the entry.
    Settings,
}

impl UndoAction {
    pub fn name(self) -> &'static str {
        match self {
            UndoAction::Grade => "grade",
            UndoAction::Suspend => "suspend",
            UndoAction::Unsuspend => "unsuspend",
            UndoAction::Bury => "bury",
            UndoAction::Practice => "practice answer",
            UndoAction::Settings => "settings change",
        }
    }
}

/// Enough to put one change back exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UndoEntry {
    pub action: UndoAction,
    pub card: String,
    pub time: Timestamp,
    /// The event in the log that made the change.
    #[serde(default)]
    pub seq: u64,
    /// The study day it counted on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Date>,
    /// The grade, for an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The card's entry before the change (`None`: it had none).
    pub before: Option<CardState>,
    /// Today's counts before the change.
    pub today: Today,
    /// The settings before a settings change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<Box<Settings>>,
    /// An interview answer's verdict (`nailed`, `partial`, `missed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
}

impl Progress {
    /// Applies the event at `seq`. `day_of` gives the study day of a time,
    /// for format 1 answers, which do not record it.
    pub fn apply(&mut self, seq: u64, event: &Event, day_of: &dyn Fn(Timestamp) -> Date) {
        match event {
            Event::Answer(entry) => self.apply_answer(seq, entry, day_of),
            Event::Suspend {
                card,
                time,
                suspended,
            } => {
                let action = if *suspended {
                    UndoAction::Suspend
                } else {
                    UndoAction::Unsuspend
                };
                self.change_card(seq, action, card, *time, day_of(*time), |c| {
                    c.suspended = *suspended
                });
            }
            Event::Bury { card, time, until } => {
                self.change_card(seq, UndoAction::Bury, card, *time, day_of(*time), |c| {
                    c.buried_until = Some(*until)
                });
            }
            Event::Settings { settings, time } => {
                let before = std::mem::replace(&mut self.settings, settings.clone());
                self.push_undo(UndoEntry {
                    action: UndoAction::Settings,
                    card: String::new(),
                    time: *time,
                    seq,
                    day: None,
                    grade: None,
                    before: None,
                    today: self.today,
                    settings: Some(Box::new(before)),
                    verdict: None,
                });
            }
            Event::Merged { cards, .. } => {
                for (key, members) in cards {
                    self.merged.insert(key.clone(), members.clone());
                }
            }
            Event::Baseline { state, .. } => {
                self.settings = state.settings.clone();
                self.today = state.today;
                self.cards = state.cards.clone();
                self.merged = state.merged.clone();
                self.undo.clear();
            }
            Event::Undo { target, .. } => {
                self.apply_undo(*target);
                if let Some(undone) = &mut self.undone {
                    undone.insert(*target);
                }
            }
            Event::Damaged { .. } => {}
        }
    }

    /// Takes back the change made by event `target`, if the undo stack has
    /// it; returns what it took back.
    fn apply_undo(&mut self, target: u64) -> Option<UndoEntry> {
        let at = self.undo.iter().rposition(|u| u.seq == target)?;
        let entry = self.undo.remove(at);
        if let Some(settings) = &entry.settings {
            self.settings = (**settings).clone();
            return Some(entry);
        }
        match &entry.before {
            Some(card) => {
                self.cards.insert(entry.card.clone(), card.clone());
            }
            None => {
                self.cards.remove(&entry.card);
            }
        }
        // Today's counts go back only while that day is still the one
        // counted; undoing an earlier day's answer leaves today's alone.
        if entry.day.is_some() && self.today.date == entry.day {
            self.today = entry.today;
        }
        Some(entry)
    }

    fn apply_answer(&mut self, seq: u64, entry: &LogEntry, day_of: &dyn Fn(Timestamp) -> Date) {
        let day = entry.day.unwrap_or_else(|| day_of(entry.time));
        let before = self.cards.get(&entry.card).cloned();
        let mut undo = UndoEntry {
            action: UndoAction::Practice,
            card: entry.card.clone(),
            time: entry.time,
            seq,
            day: Some(day),
            grade: Some(entry.grade),
            before: before.clone(),
            today: self.today,
            settings: None,
            verdict: if entry.kind == super::KIND_INTERVIEW {
                entry.mark.clone()
            } else {
                None
            },
        };
        if entry.kind == KIND_REVIEW {
            undo.action = UndoAction::Grade;
            let counts = &mut self.today;
            if counts.date != Some(day) {
                *counts = Today {
                    date: Some(day),
                    new: 0,
                    reviews: 0,
                };
            }
            match entry.before.phase {
                Phase::New => counts.new = counts.new.saturating_add(1),
                Phase::Review => counts.reviews = counts.reviews.saturating_add(1),
                Phase::Learning | Phase::Relearning => {}
            }
            let card = after_answer(before.unwrap_or_default(), entry);
            self.cards.insert(entry.card.clone(), card);
        }
        self.push_undo(undo);
    }

    fn change_card(
        &mut self,
        seq: u64,
        action: UndoAction,
        id: &str,
        time: Timestamp,
        day: Date,
        change: impl FnOnce(&mut CardState),
    ) {
        let before = self.cards.get(id).cloned();
        let undo = UndoEntry {
            action,
            card: id.to_string(),
            time,
            seq,
            day: Some(day),
            grade: None,
            before: before.clone(),
            today: self.today,
            settings: None,
            verdict: None,
        };
        let mut card = before.unwrap_or_default();
        change(&mut card);
        if card.is_pristine() {
            self.cards.remove(id);
        } else {
            self.cards.insert(id.to_string(), card);
        }
        self.push_undo(undo);
    }

    fn push_undo(&mut self, entry: UndoEntry) {
        self.undo.push(entry);
        let excess = self.undo.len().saturating_sub(UNDO_DEPTH);
        if excess > 0 {
            self.undo.drain(..excess);
        }
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            settings: self.settings.clone(),
            today: self.today,
            cards: self.cards.clone(),
            merged: self.merged.clone(),
        }
    }
}

/// A card's state after an answer logged in `entry`. Lines this version
/// writes carry every scheduling field; a format 1 line has the memory
/// state only, and the rest is reconstructed as the scheduler makes it.
fn after_answer(before: CardState, entry: &LogEntry) -> CardState {
    let a = &entry.after;
    let lapsed = entry.before.phase == Phase::Review && entry.grade == Grade::Again;
    let interval_days = match (a.interval_days, a.reps) {
        (Some(d), _) => Some(d),
        (None, Some(_)) => None,
        // Format 1: a review card's interval is the days to its due date.
        (None, None) => match (a.phase, a.due) {
            (Phase::Review, Some(due)) => {
                let days = due.duration_since(entry.time).as_hours().max(0) / 24;
                Some(u32::try_from(days.max(1)).unwrap_or(u32::MAX))
            }
            _ => before.interval_days,
        },
    };
    let step = match (a.step, a.reps) {
        (Some(s), _) => Some(s),
        (None, Some(_)) => None,
        (None, None) => match a.phase {
            Phase::Learning | Phase::Relearning => Some(0),
            _ => None,
        },
    };
    CardState {
        phase: a.phase,
        step,
        stability: a.stability,
        difficulty: a.difficulty,
        due: a.due,
        last_review: Some(entry.time),
        interval_days,
        reps: a.reps.unwrap_or_else(|| before.reps.saturating_add(1)),
        lapses: a
            .lapses
            .unwrap_or_else(|| before.lapses.saturating_add(u32::from(lapsed))),
        suspended: before.suspended,
        buried_until: None,
    }
}

/// A value found in the progress files that pyquiz cannot use as it is,
/// and what was done about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Repair {
    pub field: String,
    pub value: String,
    pub done: String,
}

/// Largest stability (days) a card may have: 100 years, as Anki caps.
const MAX_STABILITY: f32 = 36_500.0;
const MIN_STABILITY: f32 = 0.001;

impl Progress {
    /// Clamps values no scheduler could use (they can only come from a file
    /// edited by hand or damaged), and says what it changed.
    pub fn sanitize(&mut self) -> Vec<Repair> {
        let mut repairs = Vec::new();
        let s = &mut self.settings;
        if !(0.7..=0.99).contains(&s.desired_retention) {
            repairs.push(Repair {
                field: "settings.desired_retention".into(),
                value: s.desired_retention.to_string(),
                done: format!(
                    "using {DEFAULT_RETENTION} (must be 0.70 to 0.99); to keep a value, run: pyquiz config desired-retention 0.9"
                ),
            });
            s.desired_retention = DEFAULT_RETENTION;
        }
        let params_ok = s.parameters.is_empty()
            || (s.parameters.len() == 21
                && s.parameters
                    .iter()
                    .all(|p| p.is_finite() && p.abs() <= 100.0));
        if !params_ok {
            repairs.push(Repair {
                field: "settings.parameters".into(),
                value: format!("{} values", s.parameters.len()),
                done: "using the default FSRS-6 parameters (21 finite values are needed); run `pyquiz optimize` to fit your own".into(),
            });
            s.parameters.clear();
        }
        let mut bad_cards = 0usize;
        let mut first: Option<(String, String)> = None;
        for (id, card) in &mut self.cards {
            let mut what = Vec::new();
            if let Some(st) = card.stability
                && !(MIN_STABILITY..=MAX_STABILITY).contains(&st)
            {
                what.push(format!("stability {st}"));
                card.stability = Some(if st.is_nan() || st < MIN_STABILITY {
                    MIN_STABILITY
                } else {
                    MAX_STABILITY
                });
            }
            if let Some(d) = card.difficulty
                && !(1.0..=10.0).contains(&d)
            {
                what.push(format!("difficulty {d}"));
                card.difficulty = Some(if d.is_nan() { 5.0 } else { d.clamp(1.0, 10.0) });
            }
            if !what.is_empty() {
                bad_cards += 1;
                if first.is_none() {
                    first = Some((id.clone(), what.join(", ")));
                }
            }
        }
        if let Some((id, what)) = first {
            let more = if bad_cards > 1 {
                format!(" (and {} more cards)", bad_cards - 1)
            } else {
                String::new()
            };
            repairs.push(Repair {
                field: format!("cards.{id}"),
                value: format!("{what}{more}"),
                done: format!(
                    "clamped to stability {MIN_STABILITY}..{MAX_STABILITY} days and difficulty 1..10"
                ),
            });
        }
        repairs
    }
}
