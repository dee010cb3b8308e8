//! Statistics over a selection of cards: the review heatmap and streak, the
//! due forecast, true retention, readiness per topic and per difficulty,
//! counts by state, and the answers given outside the schedule. The stats
//! screen and `pyquiz stats --json` both show exactly this struct.

use std::collections::HashMap;

use jiff::civil::Date;
use serde::Serialize;

use crate::bank::{Difficulty, Record, Topic};
use crate::schedule::{CardState, Clock, Grade, Phase, Scheduler};
use crate::store::{AnswerFacts, AnswerKind, LogEntry, Verdict};

/// Days the heatmap covers, today included (26 weeks).
pub const HEATMAP_DAYS: usize = 182;
/// Days the forecast covers, today included.
pub const FORECAST_DAYS: usize = 30;
/// Weeks of retention history.
pub const RETENTION_WEEKS: usize = 12;
/// A review card with at least this interval is mature (Anki's rule).
pub const MATURE_DAYS: u32 = 21;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Today's study day (days begin at 4 a.m.).
    pub today: Date,
    pub counts: Counts,
    pub today_reviews: u32,
    /// Share of today's review-card reviews not answered Again.
    pub today_retention: Option<f64>,
    pub streak: Streak,
    pub heatmap: Heatmap,
    /// Cards due on each of the next 30 days; overdue ones count today.
    pub forecast: Vec<DayCount>,
    /// True retention of review cards, per 7-day week, oldest first.
    pub retention: Vec<Week>,
    /// Readiness per topic, weakest first.
    pub topics: Vec<Readiness>,
    /// Readiness per difficulty, weakest first.
    pub difficulties: Vec<Readiness>,
    /// Answers outside the schedule.
    pub practice: Practice,
}

/// Cards by state. Suspended cards count only as suspended.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub total: u32,
    pub new: u32,
    pub learning: u32,
    pub review: u32,
    pub relearning: u32,
    pub suspended: u32,
    /// Review cards with an interval of 21 days or more.
    pub mature: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Consecutive study days with reviews, ending today (or yesterday when
    /// today has none yet).
    pub current: u32,
    pub longest: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heatmap {
    /// First day shown; `reviews[i]` is the day `from + i`.
    pub from: Date,
    pub reviews: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    pub date: Date,
    pub due: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Week {
    /// First day of the week.
    pub from: Date,
    /// Reviews of cards that were in review (not learning).
    pub reviews: u32,
    /// Those not answered Again.
    pub passed: u32,
    pub retention: Option<f64>,
}

/// How ready a group of cards is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Readiness {
    /// Topic slug or difficulty.
    pub name: String,
    pub title: String,
    pub total: u32,
    /// Cards studied at least once.
    pub seen: u32,
    pub mature: u32,
    /// mature / total.
    pub mature_share: f64,
    /// Mean probability of recall now, over the seen cards.
    pub mean_retrievability: Option<f64>,
    pub lapses: u32,
    /// Expected share of the group recalled now: the sum of retrievability
    /// over all cards (unseen ones count 0) / total. Sorted on this.
    pub readiness: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Practice {
    /// Practice answers (`pyquiz practice`), and those not Again.
    pub practice: u32,
    pub practice_passed: u32,
    /// Interview questions, by verdict.
    pub interview: u32,
    pub nailed: u32,
    pub partial: u32,
    pub missed: u32,
}

/// Rounded to 4 decimals, as shown and as written in JSON.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| round4(f64::from(part) / f64::from(whole)))
}

#[derive(Default)]
struct Group {
    total: u32,
    seen: u32,
    mature: u32,
    lapses: u32,
    r_sum: f64,
    r_count: u32,
}

impl Group {
    fn add(&mut self, card: Option<&CardState>, r: Option<f64>) {
        self.total += 1;
        if let Some(c) = card.filter(|c| c.phase != Phase::New) {
            self.seen += 1;
            self.lapses += c.lapses;
            if is_mature(c) {
                self.mature += 1;
            }
        }
        if let Some(r) = r {
            self.r_sum += r;
            self.r_count += 1;
        }
    }

    fn readiness(&self, name: &str, title: &str) -> Readiness {
        Readiness {
            name: name.to_string(),
            title: title.to_string(),
            total: self.total,
            seen: self.seen,
            mature: self.mature,
            mature_share: share(self.mature, self.total).unwrap_or(0.0),
            mean_retrievability: (self.r_count > 0)
                .then(|| round4(self.r_sum / f64::from(self.r_count))),
            lapses: self.lapses,
            readiness: if self.total > 0 {
                round4(self.r_sum / f64::from(self.total))
            } else {
                0.0
            },
        }
    }
}

fn is_mature(card: &CardState) -> bool {
    card.phase == Phase::Review && card.interval_days.is_some_and(|d| d >= MATURE_DAYS)
}

/// Weakest first: lowest readiness, then most lapses, then the given order.
fn weakest_first(groups: &mut [Readiness]) {
    groups.sort_by(|a, b| {
        a.readiness
            .total_cmp(&b.readiness)
            .then(b.lapses.cmp(&a.lapses))
    });
}

/// Computes the statistics of `records` (the selection) from their states
/// and the review log.
pub fn compute(
    records: &[&Record],
    cards: &dyn Fn(&str) -> Option<CardState>,
    log: &[LogEntry],
    scheduler: &Scheduler,
    clock: &Clock,
) -> Stats {
    let fed = compute_from(
        records,
        cards,
        |keep: &(dyn Fn(&str) -> bool + Sync), sink: &mut dyn FnMut(AnswerFacts)| {
            log.iter()
                .filter(|e| keep(&e.card))
                .map(AnswerFacts::of)
                .for_each(sink);
            Ok::<(), std::convert::Infallible>(())
        },
        scheduler,
        clock,
    );
    match fed {
        Ok(stats) => stats,
        Err(never) => match never {},
    }
}

/// A set of card ids for a million look-ups. pyquiz's own ids (up to 15
/// lowercase hex digits) are kept as numbers, 8 bytes each, so that the
/// table of 100k cards stays in a core's cache and a look-up compares no
/// string elsewhere in memory (that was most of a look-up's time); other
/// ids are kept as strings.
#[derive(Default)]
struct IdSet<'a> {
    hex: rustc_hash::FxHashSet<u64>,
    other: rustc_hash::FxHashSet<&'a str>,
}

impl<'a> IdSet<'a> {
    /// The digits' value and their count (so `0a` and `a` differ).
    fn packed(id: &str) -> Option<u64> {
        if id.is_empty() || id.len() > 15 {
            return None;
        }
        let mut value = 0u64;
        for b in id.bytes() {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                _ => return None,
            };
            value = value << 4 | u64::from(digit);
        }
        Some(value << 4 | id.len() as u64)
    }

    fn insert(&mut self, id: &'a str) {
        match Self::packed(id) {
            Some(key) => self.hex.insert(key),
            None => self.other.insert(id),
        };
    }

    fn contains(&self, id: &str) -> bool {
        match Self::packed(id) {
            Some(key) => self.hex.contains(&key),
            None => self.other.contains(id),
        }
    }
}

/// Like [`compute`], with the log handed over one answer at a time by
/// `feed` (`Store::each_answer_facts`), so that no history is held in
/// memory. `feed` hands over the answers to the cards its first argument
/// accepts (the selection's).
pub fn compute_from<E>(
    records: &[&Record],
    cards: &dyn Fn(&str) -> Option<CardState>,
    feed: impl FnOnce(&(dyn Fn(&str) -> bool + Sync), &mut dyn FnMut(AnswerFacts)) -> Result<(), E>,
    scheduler: &Scheduler,
    clock: &Clock,
) -> Result<Stats, E> {
    let today = clock.today();
    let now = clock.now();
    let mut counts = Counts::default();
    let mut topics: HashMap<Topic, Group> = HashMap::new();
    let mut levels: HashMap<Difficulty, Group> = HashMap::new();
    let mut forecast = vec![0u32; FORECAST_DAYS];
    let mut selected = IdSet::default();
    for r in records {
        selected.insert(&r.id);
        let card = cards(&r.id);
        counts.total += 1;
        let state = card.clone().unwrap_or_default();
        if state.suspended {
            counts.suspended += 1;
        } else {
            match state.phase {
                Phase::New => counts.new += 1,
                Phase::Learning => counts.learning += 1,
                Phase::Review => counts.review += 1,
                Phase::Relearning => counts.relearning += 1,
            }
            if is_mature(&state) {
                counts.mature += 1;
            }
            if state.phase != Phase::New
                && let Some(due) = state.due
            {
                let day = clock.day_of(due).max(today);
                let offset = Clock::days_between(today, day);
                if let Some(slot) = usize::try_from(offset)
                    .ok()
                    .and_then(|o| forecast.get_mut(o))
                {
                    *slot += 1;
                }
            }
        }
        let r_now = scheduler
            .retrievability(&state, now)
            .filter(|_| state.phase != Phase::New)
            .map(f64::from);
        for t in &r.topics {
            topics.entry(*t).or_default().add(card.as_ref(), r_now);
        }
        levels
            .entry(r.difficulty)
            .or_default()
            .add(card.as_ref(), r_now);
    }

    let heat_from = Clock::add_days(today, -(HEATMAP_DAYS as i64 - 1));
    let mut heat = vec![0u32; HEATMAP_DAYS];
    let mut days_with_reviews: Vec<Date> = Vec::new();
    let mut weeks = vec![(0u32, 0u32); RETENTION_WEEKS];
    let mut today_reviews = 0;
    let (mut today_total, mut today_passed) = (0, 0);
    let mut practice = Practice::default();
    let mut add = |e: AnswerFacts| {
        // The study day the answer counted on (format 1 lines lack it).
        let day = e.day.unwrap_or_else(|time| clock.day_of(time));
        match e.kind {
            AnswerKind::Review => {}
            AnswerKind::Practice => {
                practice.practice += 1;
                if e.grade != Grade::Again {
                    practice.practice_passed += 1;
                }
                return;
            }
            AnswerKind::Interview => {
                practice.interview += 1;
                match e.verdict {
                    Some(Verdict::Nailed) => practice.nailed += 1,
                    Some(Verdict::Partial) => practice.partial += 1,
                    _ => practice.missed += 1,
                }
                return;
            }
            AnswerKind::Other => return,
        }
        if days_with_reviews.last() != Some(&day) {
            days_with_reviews.push(day);
        }
        let ago = Clock::days_between(day, today);
        if let Ok(ago) = usize::try_from(ago) {
            if ago < HEATMAP_DAYS {
                heat[HEATMAP_DAYS - 1 - ago] += 1;
            }
            if ago == 0 {
                today_reviews += 1;
            }
        }
        if e.was_review {
            let passed = u32::from(e.grade != Grade::Again);
            if let Ok(ago) = usize::try_from(Clock::days_between(day, today))
                && ago / 7 < RETENTION_WEEKS
            {
                let w = &mut weeks[RETENTION_WEEKS - 1 - ago / 7];
                w.0 += 1;
                w.1 += passed;
                if ago == 0 {
                    today_total += 1;
                    today_passed += passed;
                }
            }
        }
    };
    feed(&|card| selected.contains(card), &mut add)?;
    days_with_reviews.sort();
    days_with_reviews.dedup();

    let mut topic_rows: Vec<Readiness> = Topic::ALL
        .iter()
        .filter_map(|t| topics.get(t).map(|g| g.readiness(t.slug(), t.title())))
        .collect();
    weakest_first(&mut topic_rows);
    let mut level_rows: Vec<Readiness> = Difficulty::ALL
        .iter()
        .filter_map(|d| levels.get(d).map(|g| g.readiness(d.as_str(), d.as_str())))
        .collect();
    weakest_first(&mut level_rows);

    Ok(Stats {
        today,
        counts,
        today_reviews,
        today_retention: share(today_passed, today_total),
        streak: streaks(&days_with_reviews, today),
        heatmap: Heatmap {
            from: heat_from,
            reviews: heat,
        },
        forecast: forecast
            .into_iter()
            .enumerate()
            .map(|(i, due)| DayCount {
                date: Clock::add_days(today, i as i64),
                due,
            })
            .collect(),
        retention: weeks
            .into_iter()
            .enumerate()
            .map(|(i, (reviews, passed))| Week {
                from: Clock::add_days(today, -(7 * (RETENTION_WEEKS - i) as i64 - 1)),
                reviews,
                passed,
                retention: share(passed, reviews),
            })
            .collect(),
        topics: topic_rows,
        difficulties: level_rows,
        practice,
    })
}

/// Current and longest runs of consecutive days in `days` (sorted, unique).
fn streaks(days: &[Date], today: Date) -> Streak {
    let mut longest = 0;
    let mut run = 0;
    let mut prev: Option<Date> = None;
    for &d in days {
        run = match prev {
            Some(p) if Clock::days_between(p, d) == 1 => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        prev = Some(d);
    }
    let current = match prev {
        Some(last) if Clock::days_between(last, today) <= 1 => run,
        _ => 0,
    };
    Streak { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids kept as numbers and ids kept as strings: each found, and none
    /// taken for another (a shorter id, one with a NUL, one a byte longer).
    #[test]
    fn the_id_set_finds_exactly_its_ids() {
        let ids = [
            "0d4979fe1b14",
            "abc",
            "",
            "fifteen-bytes-x",
            "sixteen-bytes-xy",
            "é",
        ];
        let mut set = IdSet::default();
        for id in ids {
            set.insert(id);
        }
        for id in ids {
            assert!(set.contains(id), "{id:?}");
        }
        for other in [
            "0d4979fe1b1",
            "0d4979fe1b140",
            "abc\0",
            "ab",
            "\0",
            "sixteen-bytes-x",
            "sixteen-bytes-xyz",
            "e",
        ] {
            assert!(!set.contains(other), "{other:?}");
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn streak_counts_up_to_yesterday_until_today_has_reviews() {
        let days = [
            d("2026-01-01"),
            d("2026-01-03"),
            d("2026-01-04"),
            d("2026-01-05"),
        ];
        assert_eq!(
            streaks(&days, d("2026-01-05")),
            Streak {
                current: 3,
                longest: 3
            }
        );
        assert_eq!(
            streaks(&days, d("2026-01-06")),
            Streak {
                current: 3,
                longest: 3
            }
        );
        assert_eq!(
            streaks(&days, d("2026-01-07")),
            Streak {
                current: 0,
                longest: 3
            }
        );
        assert_eq!(streaks(&[], d("2026-01-07")), Streak::default());
    }
}
