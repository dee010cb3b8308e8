//! Today's queue: due learning cards, then due reviews (lowest recall
//! probability first), then new cards, within the daily limits.

use jiff::{SignedDuration, Timestamp};
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;
use serde::Serialize;

use super::card::{CardState, Phase};
use super::clock::Clock;
use super::scheduler::Scheduler;

pub const DEFAULT_NEW_PER_DAY: u32 = 20;
pub const DEFAULT_REVIEWS_PER_DAY: u32 = 200;
/// Learning cards due this soon are shown when nothing else is left
/// (Anki's "learn ahead limit").
pub const LEARN_AHEAD: SignedDuration = SignedDuration::from_mins(20);

/// What has been answered on one study day, for the daily limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub new: u32,
    pub reviews: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            new_per_day: DEFAULT_NEW_PER_DAY,
            reviews_per_day: DEFAULT_REVIEWS_PER_DAY,
        }
    }
}

/// How new cards are ordered in a queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NewOrder {
    /// The order the cards are given in: the content files' order, or the
    /// learning path when the caller orders them so (`bank::path`).
    #[default]
    Source,
    /// Shuffled with this seed.
    Shuffled(u64),
}

/// The new-card order a person chooses (`--order`, `pyquiz config
/// new-order`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NewCardOrder {
    /// Easy and foundational first, topics mixed (`bank::path`).
    #[default]
    Path,
    /// As the content files have them.
    Source,
    /// Shuffled afresh each session.
    Random,
}

impl NewCardOrder {
    pub const ALL: [NewCardOrder; 3] = [
        NewCardOrder::Path,
        NewCardOrder::Source,
        NewCardOrder::Random,
    ];

    pub fn name(self) -> &'static str {
        match self {
            NewCardOrder::Path => "path",
            NewCardOrder::Source => "source",
            NewCardOrder::Random => "random",
        }
    }

    pub fn parse(text: &str) -> Option<NewCardOrder> {
        let text = text.trim();
        NewCardOrder::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(text))
    }

    pub fn is_path(&self) -> bool {
        *self == NewCardOrder::Path
    }

    /// The queue's order: a shuffle with `seed` for `Random`.
    pub fn queue_order(self, seed: u64) -> NewOrder {
        match self {
            NewCardOrder::Random => NewOrder::Shuffled(seed),
            NewCardOrder::Path | NewCardOrder::Source => NewOrder::Source,
        }
    }
}

/// Which part of the queue a card is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Learning,
    Review,
    New,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueueEntry {
    pub id: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QueueCounts {
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    /// Learning cards waiting on a step that falls later today (not in
    /// the queue yet; each comes back once).
    pub waiting: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Queue {
    pub entries: Vec<QueueEntry>,
    pub counts: QueueCounts,
    /// When the next card becomes available, if nothing is due now.
    pub next_due: Option<Timestamp>,
    /// Learning cards due within the learn-ahead limit that are not in
    /// `entries` (other cards are due first), soonest first: a session
    /// that may show none of `entries` (its `--limit` is reached) learns
    /// ahead with these.
    pub ahead: Vec<String>,
}

impl Queue {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Sibling burying: drops every card whose sibling (another source's copy
/// of the same question, sharing its cluster) was answered today while the
/// card itself was not, so that the siblings wait for tomorrow. Items are
/// (id, state, cluster).
pub fn without_answered_siblings<'a>(
    cards: impl IntoIterator<Item = (&'a str, Option<&'a CardState>, Option<&'a str>)>,
    clock: &Clock,
) -> Vec<(&'a str, Option<&'a CardState>)> {
    let today = clock.today();
    let answered_today = |state: Option<&CardState>| {
        state
            .and_then(|s| s.last_review)
            .is_some_and(|t| clock.day_of(t) == today)
    };
    let cards: Vec<_> = cards.into_iter().collect();
    let answered: std::collections::HashSet<&str> = cards
        .iter()
        .filter(|(_, state, _)| answered_today(*state))
        .filter_map(|(_, _, cluster)| *cluster)
        .collect();
    cards
        .into_iter()
        .filter(|(_, state, cluster)| {
            cluster.is_none_or(|c| !answered.contains(c)) || answered_today(*state)
        })
        .map(|(id, state, _)| (id, state))
        .collect()
}

/// Builds the queue from the cards in bank order (`None` = never seen).
pub fn build<'a>(
    cards: impl IntoIterator<Item = (&'a str, Option<&'a CardState>)>,
    scheduler: &Scheduler,
    clock: &Clock,
    limits: Limits,
    done_today: DayCounts,
    order: NewOrder,
) -> Queue {
    let now = clock.now();
    let today = clock.today();
    let tomorrow = clock.day_start(Clock::add_days(today, 1));
    let mut learning: Vec<(Timestamp, &str)> = Vec::new();
    let mut learning_ahead: Vec<(Timestamp, &str)> = Vec::new();
    let mut waiting = 0;
    let mut reviews: Vec<(f32, Timestamp, usize, &str)> = Vec::new();
    let mut new: Vec<&str> = Vec::new();
    let mut later: Option<Timestamp> = None;
    let mut note_later = |t: Timestamp| {
        later = Some(later.map_or(t, |l: Timestamp| l.min(t)));
    };

    for (position, (id, state)) in cards.into_iter().enumerate() {
        let Some(card) = state else {
            new.push(id);
            continue;
        };
        if card.suspended {
            continue;
        }
        if card.is_buried_on(today) {
            if let Some(until) = card.buried_until {
                note_later(clock.day_start(until));
            }
            continue;
        }
        match card.phase {
            Phase::New => new.push(id),
            Phase::Learning | Phase::Relearning => {
                let due = card.due.unwrap_or(now);
                if due <= now {
                    learning.push((due, id));
                } else if due <= now.saturating_add(LEARN_AHEAD).unwrap_or(now) {
                    learning_ahead.push((due, id));
                } else {
                    if due < tomorrow {
                        waiting += 1;
                    }
                    note_later(due);
                }
            }
            Phase::Review => {
                let due = card.due.unwrap_or(now);
                if clock.day_of(due) <= today {
                    let r = scheduler.retrievability_today(card, clock).unwrap_or(0.0);
                    reviews.push((r, due, position, id));
                } else {
                    note_later(due);
                }
            }
        }
    }

    learning.sort();
    learning_ahead.sort();
    reviews.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let review_room = limits.reviews_per_day.saturating_sub(done_today.reviews) as usize;
    if reviews.len() > review_room {
        if limits.reviews_per_day > 0 {
            // None tomorrow either with a limit of 0.
            note_later(tomorrow);
        }
        reviews.truncate(review_room);
    }
    if let NewOrder::Shuffled(seed) = order {
        new.shuffle(&mut Xoshiro256PlusPlus::seed_from_u64(seed));
    }
    let new_room = limits.new_per_day.saturating_sub(done_today.new) as usize;
    if new.len() > new_room {
        if limits.new_per_day > 0 {
            note_later(tomorrow);
        }
        new.truncate(new_room);
    }

    let mut entries: Vec<QueueEntry> = Vec::new();
    let push = |entries: &mut Vec<QueueEntry>, id: &str, kind| {
        entries.push(QueueEntry {
            id: id.to_string(),
            kind,
        })
    };
    for (_, id) in &learning {
        push(&mut entries, id, Kind::Learning);
    }
    for (_, _, _, id) in &reviews {
        push(&mut entries, id, Kind::Review);
    }
    for id in &new {
        push(&mut entries, id, Kind::New);
    }
    let mut ahead = Vec::new();
    if entries.is_empty() {
        for (_, id) in &learning_ahead {
            push(&mut entries, id, Kind::Learning);
        }
    } else if let Some((due, _)) = learning_ahead.first() {
        note_later(*due);
        waiting += learning_ahead.len();
        ahead = learning_ahead
            .iter()
            .map(|(_, id)| id.to_string())
            .collect();
    }
    let counts = QueueCounts {
        new: entries.iter().filter(|e| e.kind == Kind::New).count(),
        learning: entries.iter().filter(|e| e.kind == Kind::Learning).count(),
        review: entries.iter().filter(|e| e.kind == Kind::Review).count(),
        waiting,
    };
    Queue {
        next_due: later,
        entries,
        counts,
        ahead,
    }
}
