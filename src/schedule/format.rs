//! Intervals written the way Anki writes them on its answer buttons.

use jiff::{SignedDuration, Timestamp};

use super::Clock;

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const MONTH: f64 = 30.0 * DAY;
const YEAR: f64 = 365.0 * DAY;

/// `<1m`, `10m`, `6m`, `1.5h`, `1d`, `25d`, `3.5mo`, `1.2y`.
pub fn interval(span: SignedDuration) -> String {
    let secs = span.as_secs_f64().max(0.0);
    if secs < MINUTE {
        "<1m".to_string()
    } else if secs < HOUR {
        format!("{}m", (secs / MINUTE).round() as u64)
    } else if secs < DAY {
        format!("{}h", one_decimal(secs / HOUR))
    } else if secs < MONTH {
        format!("{}d", (secs / DAY).round() as u64)
    } else if secs < YEAR {
        format!("{}mo", one_decimal(secs / MONTH))
    } else {
        format!("{}y", one_decimal(secs / YEAR))
    }
}

/// A whole number of days, as on a review card's buttons.
pub fn days(days: u32) -> String {
    interval(SignedDuration::from_secs(i64::from(days) * 86_400))
}

/// A local time as `2026-11-21 09:30`.
pub fn local_time(clock: &Clock, ts: Timestamp) -> String {
    clock
        .tz()
        .to_datetime(ts)
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// `2026-11-24 04:00 (in 3d)`, or `... (now)` for what is already due.
pub fn when(clock: &Clock, ts: Timestamp) -> String {
    let wait = ts.duration_since(clock.now());
    if wait.is_negative() || wait.is_zero() {
        format!("{} (now)", local_time(clock, ts))
    } else {
        format!("{} (in {})", local_time(clock, ts), wait_for(wait))
    }
}

/// A wait until something, in one format at every length: `<1m`, `42m`,
/// `7h 42m`, `18h 00m`, then days and beyond as `interval` writes them.
pub fn wait_for(span: SignedDuration) -> String {
    let secs = span.as_secs().max(0);
    match secs {
        0..60 => "<1m".to_string(),
        60..3600 => format!("{}m", (secs + 30) / 60),
        3600..86_400 => {
            let minutes = (secs + 30) / 60;
            if minutes >= 24 * 60 {
                "1d".to_string()
            } else {
                format!("{}h {:02}m", minutes / 60, minutes % 60)
            }
        }
        _ => interval(span),
    }
}

/// A length of time spent: `45s`, `8m 12s`, `1h 05m`.
pub fn elapsed(span: SignedDuration) -> String {
    let secs = span.as_secs().max(0);
    match secs {
        0..60 => format!("{secs}s"),
        60..3600 => format!("{}m {:02}s", secs / 60, secs % 60),
        _ => format!("{}h {:02}m", secs / 3600, secs % 3600 / 60),
    }
}

fn one_decimal(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as u64)
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_alike_at_every_length() {
        let w = |secs| wait_for(SignedDuration::from_secs(secs));
        assert_eq!(w(20), "<1m");
        assert_eq!(w(59 * 60 + 10), "59m");
        assert_eq!(w(7 * 3600 + 42 * 60), "7h 42m");
        assert_eq!(w(18 * 3600), "18h 00m");
        assert_eq!(w(86_400 - 10), "1d");
        assert_eq!(w(3 * 86_400), "3d");
    }

    #[test]
    fn formats_like_anki() {
        let s = SignedDuration::from_secs;
        assert_eq!(interval(s(30)), "<1m");
        assert_eq!(interval(s(60)), "1m");
        assert_eq!(interval(s(330)), "6m");
        assert_eq!(interval(s(600)), "10m");
        assert_eq!(interval(s(5400)), "1.5h");
        assert_eq!(days(1), "1d");
        assert_eq!(days(29), "29d");
        assert_eq!(days(105), "3.5mo");
        assert_eq!(days(30), "1mo");
        assert_eq!(days(438), "1.2y");
        assert_eq!(days(36500), "100y");
    }
}
