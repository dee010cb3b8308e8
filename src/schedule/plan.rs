//! An exam plan: how many new cards a day cover a selection before a date.

use jiff::civil::Date;
use serde::Serialize;

use super::card::{CardState, Phase};
use super::clock::Clock;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub today: Date,
    pub exam: Date,
    /// Study days left before the exam day (today included).
    pub days: u32,
    /// Cards in the selection never studied (suspended ones left out).
    pub remaining_new: u32,
    /// Cards in the selection studied at least once.
    pub started: u32,
    /// New cards a day that learn the rest the day before the exam at the
    /// latest.
    pub new_per_day: u32,
    /// The current daily limit, and the day the last new card would be seen
    /// at that pace.
    pub current_new_per_day: u32,
    pub finish_at_current: Option<Date>,
    pub on_track: bool,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("the exam date {exam} is not after today ({today}); give a later date")]
    NotInFuture { exam: Date, today: Date },
}

/// Plans the selection's new cards (`cards`: each card's state, None for
/// never seen) to be seen before `exam`.
pub fn plan(
    cards: &[Option<&CardState>],
    exam: Date,
    clock: &Clock,
    current_new_per_day: u32,
) -> Result<Plan, PlanError> {
    let today = clock.today();
    let days = Clock::days_between(today, exam);
    if days <= 0 {
        return Err(PlanError::NotInFuture { exam, today });
    }
    let days = days as u32;
    let mut remaining_new: u32 = 0;
    let mut started: u32 = 0;
    for card in cards {
        match card {
            Some(c) if c.suspended => {}
            Some(c) if c.phase != Phase::New => started += 1,
            _ => remaining_new += 1,
        }
    }
    let new_per_day = remaining_new.div_ceil(days);
    let finish_at_current = (current_new_per_day > 0).then(|| {
        let needed = remaining_new.div_ceil(current_new_per_day).max(1);
        Clock::add_days(today, i64::from(needed) - 1)
    });
    let on_track = remaining_new == 0 || finish_at_current.is_some_and(|d| d < exam);
    Ok(Plan {
        today,
        exam,
        days,
        remaining_new,
        started,
        new_per_day,
        current_new_per_day,
        finish_at_current,
        on_track,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::TimeZone;

    #[test]
    fn spreads_the_new_cards_over_the_days_left() {
        let clock = Clock::new("2026-03-02T09:00:00Z".parse().unwrap(), TimeZone::UTC);
        let seen = CardState {
            phase: Phase::Review,
            ..CardState::default()
        };
        let suspended = CardState {
            suspended: true,
            ..CardState::default()
        };
        let mut cards: Vec<Option<&CardState>> = vec![None; 95];
        cards.push(Some(&seen));
        cards.push(Some(&suspended));
        // 95 new over 10 days (03-02 .. 03-11): 10 a day.
        let p = plan(&cards, "2026-03-12".parse().unwrap(), &clock, 20).unwrap();
        assert_eq!(
            (p.days, p.remaining_new, p.started, p.new_per_day),
            (10, 95, 1, 10)
        );
        // At 20 a day the last is seen on the 5th day.
        assert_eq!(p.finish_at_current, Some("2026-03-06".parse().unwrap()));
        assert!(p.on_track);
        let slow = plan(&cards, "2026-03-12".parse().unwrap(), &clock, 5).unwrap();
        assert_eq!(slow.finish_at_current, Some("2026-03-20".parse().unwrap()));
        assert!(!slow.on_track);
        assert!(plan(&cards, "2026-03-02".parse().unwrap(), &clock, 5).is_err());
    }
}
