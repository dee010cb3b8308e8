//! The order of a practice or interview session (outside the schedule).

use jiff::Timestamp;
use rand::SeedableRng;
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;

use super::card::{CardState, Phase};
use super::scheduler::Scheduler;

/// Indices of `cards` in practice order: shuffled with `seed`, or with
/// `weakest`, the studied cards lowest probability of recall first and the
/// never-studied ones after them (shuffled). At most `count` of them.
pub fn practice_order(
    cards: &[Option<&CardState>],
    weakest: bool,
    seed: u64,
    count: Option<usize>,
    scheduler: &Scheduler,
    now: Timestamp,
) -> Vec<usize> {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..cards.len()).collect();
    order.shuffle(&mut rng);
    if weakest {
        let recall = |i: usize| {
            cards[i]
                .filter(|c| c.phase != Phase::New)
                .and_then(|c| scheduler.retrievability(c, now))
        };
        // Stable: ties (and the unseen) keep their shuffled order.
        order.sort_by(|&a, &b| match (recall(a), recall(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
    }
    if let Some(n) = count {
        order.truncate(n);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::SchedulerConfig;

    #[test]
    fn weakest_first_then_unseen_and_seeded() {
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let now: Timestamp = "2026-03-10T12:00:00Z".parse().unwrap();
        let reviewed = |days_ago: i64| CardState {
            phase: Phase::Review,
            stability: Some(5.0),
            difficulty: Some(5.0),
            last_review: Some(now - jiff::SignedDuration::from_hours(24 * days_ago)),
            ..CardState::default()
        };
        let (fresh, stale, staler) = (reviewed(1), reviewed(10), reviewed(30));
        let cards = [None, Some(&fresh), Some(&staler), None, Some(&stale)];
        let order = practice_order(&cards, true, 7, None, &scheduler, now);
        assert_eq!(&order[..3], [2, 4, 1]);
        let mut unseen = order[3..].to_vec();
        unseen.sort();
        assert_eq!(unseen, [0, 3]);
        let a = practice_order(&cards, false, 7, Some(3), &scheduler, now);
        assert_eq!(
            a,
            practice_order(&cards, false, 7, Some(3), &scheduler, now)
        );
        assert_eq!(a.len(), 3);
    }
}
