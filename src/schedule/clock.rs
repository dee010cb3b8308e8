//! Time as the scheduler sees it: an instant, a time zone, and local days
//! that roll over at 4 a.m. (Anki's default "next day starts at").

use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// The hour of the local day at which "today" becomes "tomorrow".
pub const ROLLOVER_HOUR: i8 = 4;

/// The moment "now" plus the zone local days are counted in. Injected
/// everywhere so tests can pin both.
#[derive(Debug, Clone)]
pub struct Clock {
    now: Timestamp,
    tz: TimeZone,
}

/// `PYQUIZ_NOW` held something that is not an RFC 3339 instant.
#[derive(Debug, thiserror::Error)]
#[error("PYQUIZ_NOW={value:?} is not an RFC 3339 time such as 2026-11-21T09:30:00Z ({reason})")]
pub struct ClockError {
    pub value: String,
    pub reason: String,
}

impl Clock {
    pub fn new(now: Timestamp, tz: TimeZone) -> Clock {
        Clock { now, tz }
    }

    /// The real clock in the system time zone (`TZ` is honoured), unless
    /// `PYQUIZ_NOW` pins the instant.
    pub fn from_env() -> Result<Clock, ClockError> {
        let tz = TimeZone::system();
        match std::env::var("PYQUIZ_NOW") {
            Ok(value) if !value.trim().is_empty() => {
                let now = value.trim().parse::<Timestamp>().map_err(|e| ClockError {
                    value: value.clone(),
                    reason: e.to_string(),
                })?;
                Ok(Clock::new(now, tz))
            }
            _ => Ok(Clock::new(Timestamp::now(), tz)),
        }
    }

    pub fn now(&self) -> Timestamp {
        self.now
    }

    pub fn tz(&self) -> &TimeZone {
        &self.tz
    }

    /// The same zone at another instant.
    pub fn at(&self, now: Timestamp) -> Clock {
        Clock::new(now, self.tz.clone())
    }

    /// The local study day an instant belongs to: its local date, where the
    /// hours before 4 a.m. still count as the day before.
    pub fn day_of(&self, ts: Timestamp) -> Date {
        let local: DateTime = self.tz.to_datetime(ts);
        local
            .checked_sub(SignedDuration::from_hours(i64::from(ROLLOVER_HOUR)))
            .unwrap_or(local)
            .date()
    }

    /// Today's study day.
    pub fn today(&self) -> Date {
        self.day_of(self.now)
    }

    /// The instant a study day begins (4 a.m. local; across a DST gap, the
    /// first valid instant after it).
    pub fn day_start(&self, day: Date) -> Timestamp {
        let at = day.at(ROLLOVER_HOUR, 0, 0, 0);
        self.tz
            .to_ambiguous_timestamp(at)
            .compatible()
            .unwrap_or(self.now)
    }

    /// `day` moved by `days` (saturating at the calendar's ends).
    pub fn add_days(day: Date, days: i64) -> Date {
        day.checked_add(jiff::Span::new().days(days)).unwrap_or(day)
    }

    /// Whole study days from `from` to `to` (negative when `to` is earlier).
    pub fn days_between(from: Date, to: Date) -> i64 {
        to.duration_since(from).as_hours().div_euclid(24)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(now: &str, tz: &str) -> Clock {
        Clock::new(now.parse().unwrap(), TimeZone::get(tz).unwrap())
    }

    #[test]
    fn day_rolls_over_at_four_local() {
        let c = clock("2026-03-10T12:00:00Z", "America/New_York");
        // 03:59 local (EDT is not yet in force on 10 March: EDT starts 8 March 2026)
        let before = "2026-03-10T07:59:00Z".parse().unwrap(); // 03:59 EDT
        let after = "2026-03-10T08:00:00Z".parse().unwrap(); // 04:00 EDT
        assert_eq!(c.day_of(before).to_string(), "2026-03-09");
        assert_eq!(c.day_of(after).to_string(), "2026-03-10");
        assert_eq!(c.day_start(c.day_of(after)), after);
    }

    #[test]
    fn days_between_counts_study_days() {
        let c = clock("2026-11-21T03:00:00Z", "UTC");
        let a = c.day_of("2026-11-21T03:59:59Z".parse().unwrap());
        let b = c.day_of("2026-11-21T04:00:00Z".parse().unwrap());
        assert_eq!(Clock::days_between(a, b), 1);
        assert_eq!(Clock::days_between(b, a), -1);
        assert_eq!(Clock::days_between(a, Clock::add_days(a, 40)), 40);
    }
}
