//! Interval fuzz with Anki's ranges. The random factor is drawn from a
//! generator seeded with the card id and its review count, so a preview and
//! the answer that follows it land on the same day.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

/// (start, end, factor): the fuzz grows by `factor` per day of interval
/// between `start` and `end` (Anki's `FUZZ_RANGES`).
const FUZZ_RANGES: [(f32, f32, f32); 3] = [
    (2.5, 7.0, 0.15),
    (7.0, 20.0, 0.1),
    (20.0, f32::INFINITY, 0.05),
];

/// How many days an interval may move either way.
pub fn fuzz_delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    FUZZ_RANGES
        .iter()
        .fold(1.0, |delta, &(start, end, factor)| {
            delta + factor * (interval.min(end) - start).max(0.0)
        })
}

/// The lowest and highest day an interval may land on, kept within
/// `[minimum, maximum]`.
pub fn constrained_fuzz_bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let delta = fuzz_delta(interval);
    let mut lower = ((interval - delta).round().max(1.0) as u32).clamp(minimum, maximum);
    let mut upper = ((interval + delta).round().max(1.0) as u32).clamp(minimum, maximum);
    if interval >= 2.5 {
        lower = lower.max(2.min(maximum));
        upper = upper.max(lower);
    }
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// The fuzz factor in [0, 1) for a card at a given review count.
pub fn fuzz_factor(card_seed: u64, reps: u32) -> f32 {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(card_seed.wrapping_add(u64::from(reps)));
    rng.random::<f32>()
}

/// The whole-day interval: fuzzed within Anki's range when `factor` is
/// given, rounded otherwise; always within `[minimum, maximum]`.
pub fn apply(interval: f32, minimum: u32, maximum: u32, factor: Option<f32>) -> u32 {
    match factor {
        Some(factor) => {
            let (lower, upper) = constrained_fuzz_bounds(interval, minimum, maximum);
            let days = (lower as f32 + factor * (1 + upper - lower) as f32).floor() as u32;
            days.clamp(lower, upper)
        }
        None => (interval.round().max(1.0) as u32).clamp(minimum.min(maximum), maximum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_intervals_are_not_fuzzed() {
        assert_eq!(constrained_fuzz_bounds(1.0, 1, 36500), (1, 1));
        assert_eq!(constrained_fuzz_bounds(2.4, 1, 36500), (2, 2));
    }

    #[test]
    fn ranges_match_anki() {
        // 10 days: delta = 1 + 0.15*4.5 + 0.1*3 = 1.975 → 8..12
        assert_eq!(constrained_fuzz_bounds(10.0, 1, 36500), (8, 12));
        // 100 days: delta = 1 + 0.675 + 1.3 + 4 = 6.975 → 93..107
        assert_eq!(constrained_fuzz_bounds(100.0, 1, 36500), (93, 107));
        // the maximum caps both ends
        assert_eq!(constrained_fuzz_bounds(36500.0, 1, 36500).1, 36500);
    }

    #[test]
    fn fuzzed_days_stay_in_bounds_and_cover_them() {
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..2000u64 {
            let d = apply(30.0, 1, 36500, Some(fuzz_factor(seed, 3)));
            let (lo, hi) = constrained_fuzz_bounds(30.0, 1, 36500);
            assert!((lo..=hi).contains(&d), "{d} outside {lo}..={hi}");
            seen.insert(d);
        }
        let (lo, hi) = constrained_fuzz_bounds(30.0, 1, 36500);
        assert_eq!(
            seen.len() as u32,
            hi - lo + 1,
            "every day in range is reachable"
        );
    }

    #[test]
    fn factor_depends_on_seed_and_reps_only() {
        assert_eq!(fuzz_factor(42, 1), fuzz_factor(42, 1));
        assert_ne!(fuzz_factor(42, 1), fuzz_factor(42, 2));
    }
}
