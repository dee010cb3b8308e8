//! Scheduler properties over random histories, the queue's order, and the
//! optimizer on a simulated review history.

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use pyquiz::schedule::{
    CardState, Clock, DayCounts, Grade, Interval, Kind, Limits, NewOrder, OptimizeError, Phase,
    ReviewRecord, Scheduler, SchedulerConfig, build_queue, card_seed, optimize,
};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

fn base() -> Timestamp {
    "2026-01-05T10:00:00Z".parse().unwrap()
}

fn clock(at: Timestamp) -> Clock {
    Clock::new(at, TimeZone::UTC)
}

fn grade_of(n: u8) -> Grade {
    Grade::ALL[(n % 4) as usize]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// With fuzz on: answering does what the preview said, review cards
    /// always preview Hard < Good < Easy, and intervals stay in range.
    #[test]
    fn previews_hold_over_random_histories(
        id in "[0-9a-f]{12}",
        steps in prop::collection::vec((any::<u8>(), 0u32..400, 0u32..1440), 1..25),
    ) {
        let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
        let mut card = CardState::default();
        let mut now = base();
        for (g, days, minutes) in steps {
            let c = clock(now);
            let previews = scheduler.preview(card_seed(&id), &card, &c).unwrap();
            if card.phase == Phase::Review {
                let days_of = |o: &pyquiz::schedule::Outcome| match o.interval {
                    Interval::Days { days } => days,
                    Interval::Step { .. } => panic!("passing review grades are in days"),
                };
                let (h, g2, e) = (days_of(&previews[1]), days_of(&previews[2]), days_of(&previews[3]));
                prop_assert!(h < g2 && g2 < e, "hard {} good {} easy {}", h, g2, e);
                prop_assert!(e <= 36_500);
            }
            let grade = grade_of(g);
            let answered = scheduler.answer(card_seed(&id), &card, grade, &c).unwrap();
            prop_assert_eq!(&answered, &previews[grade.index()]);
            let s = answered.card.stability.unwrap();
            let d = answered.card.difficulty.unwrap();
            prop_assert!(s.is_finite() && s > 0.0);
            prop_assert!((1.0..=10.0).contains(&d));
            card = answered.card;
            now = now
                .checked_add(SignedDuration::from_hours(i64::from(days) * 24))
                .unwrap()
                .checked_add(SignedDuration::from_mins(i64::from(minutes)))
                .unwrap();
        }
    }
}

#[test]
fn queue_puts_learning_then_reviews_then_new_and_respects_limits() {
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let now = base();
    let c = clock(now);
    let answer = |id: &str, g: Grade, at: Timestamp| {
        scheduler
            .answer(card_seed(id), &CardState::default(), g, &clock(at))
            .unwrap()
            .card
    };
    let earlier = now
        .checked_sub(SignedDuration::from_hours(24 * 30))
        .unwrap();
    let learning = answer(
        "l",
        Grade::Again,
        now.checked_sub(SignedDuration::from_mins(5)).unwrap(),
    );
    let learning_soon = answer(
        "s",
        Grade::Good,
        now.checked_sub(SignedDuration::from_mins(1)).unwrap(),
    );
    let review = answer("r", Grade::Easy, earlier);
    let mut suspended = review.clone();
    suspended.suspended = true;
    let buried = CardState {
        buried_until: Some(Clock::add_days(c.today(), 1)),
        ..CardState::default()
    };
    let cards: Vec<(&str, Option<&CardState>)> = vec![
        ("n1", None),
        ("r", Some(&review)),
        ("n2", None),
        ("l", Some(&learning)),
        ("x", Some(&suspended)),
        ("b", Some(&buried)),
        ("s", Some(&learning_soon)),
        ("n3", None),
    ];
    let q = build_queue(
        cards.clone(),
        &scheduler,
        &c,
        Limits::default(),
        DayCounts::default(),
        NewOrder::Source,
    );
    let order: Vec<(&str, Kind)> = q.entries.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    assert_eq!(
        order,
        vec![
            ("l", Kind::Learning),
            ("r", Kind::Review),
            ("n1", Kind::New),
            ("n2", Kind::New),
            ("n3", Kind::New)
        ]
    );
    // "s" is due in 9 minutes: it is the next card, and comes forward
    // (learn ahead) once nothing else is left.
    assert_eq!(q.next_due, learning_soon.due);
    let limits = Limits {
        new_per_day: 2,
        reviews_per_day: 1,
    };
    let q = build_queue(
        cards.clone(),
        &scheduler,
        &c,
        limits,
        DayCounts { new: 1, reviews: 1 },
        NewOrder::Source,
    );
    let order: Vec<&str> = q.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(order, vec!["l", "n1"]);
    let only_soon: Vec<(&str, Option<&CardState>)> = vec![("s", Some(&learning_soon))];
    let q = build_queue(
        only_soon,
        &scheduler,
        &c,
        limits,
        DayCounts::default(),
        NewOrder::Source,
    );
    assert_eq!(
        q.entries.len(),
        1,
        "learn-ahead card shown when nothing else is left"
    );
}

#[test]
fn shuffled_new_order_is_repeatable_by_seed() {
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let c = clock(base());
    let ids: Vec<String> = (0..30).map(|i| format!("c{i:02}")).collect();
    let build = |order| {
        build_queue(
            ids.iter().map(|i| (i.as_str(), None)),
            &scheduler,
            &c,
            Limits {
                new_per_day: 30,
                reviews_per_day: 0,
            },
            DayCounts::default(),
            order,
        )
        .entries
        .into_iter()
        .map(|e| e.id)
        .collect::<Vec<_>>()
    };
    assert_eq!(build(NewOrder::Source), ids);
    let a = build(NewOrder::Shuffled(7));
    assert_eq!(a, build(NewOrder::Shuffled(7)));
    assert_ne!(a, ids);
    assert_ne!(a, build(NewOrder::Shuffled(8)));
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, ids);
}

/// Simulates a learner whose memory follows FSRS with other parameters, so
/// the fit has something to find.
fn simulated_history(cards: usize, days: i64) -> Vec<ReviewRecord> {
    let scheduler = Scheduler::new(SchedulerConfig {
        fuzz: true,
        ..SchedulerConfig::default()
    })
    .unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(11);
    let mut states: Vec<CardState> = vec![CardState::default(); cards];
    let mut records = Vec::new();
    for day in 0..days {
        let now = base()
            .checked_add(SignedDuration::from_hours(day * 24))
            .unwrap();
        let c = clock(now);
        for (i, card) in states.iter_mut().enumerate() {
            let id = format!("sim{i}");
            let is_due = match card.due {
                None => (i as i64) < (day + 1) * 10, // ten new cards a day
                Some(due) => due <= now,
            };
            if !is_due {
                continue;
            }
            // true recall: a little worse than FSRS's default model predicts
            let recall = match scheduler.retrievability(card, now) {
                Some(r) => r * 0.93,
                None => 0.7,
            };
            let grade = if rng.random::<f32>() < recall {
                if rng.random::<f32>() < 0.15 {
                    Grade::Easy
                } else {
                    Grade::Good
                }
            } else {
                Grade::Again
            };
            let out = scheduler.answer(card_seed(&id), card, grade, &c).unwrap();
            records.push(ReviewRecord {
                card: id,
                time: now,
                grade,
                elapsed_days: out.elapsed_days,
            });
            // learning steps are finished the same day
            let mut next = out.card;
            while next.phase != Phase::Review {
                let later = next.due.unwrap();
                let o = scheduler
                    .answer(
                        card_seed(&format!("sim{i}")),
                        &next,
                        Grade::Good,
                        &clock(later),
                    )
                    .unwrap();
                records.push(ReviewRecord {
                    card: format!("sim{i}"),
                    time: later,
                    grade: Grade::Good,
                    elapsed_days: o.elapsed_days,
                });
                next = o.card;
            }
            *card = next;
        }
    }
    records
}

#[test]
fn optimizer_waits_for_enough_history_then_fits_and_compares() {
    let short = simulated_history(5, 3);
    match optimize(&short, &fsrs_defaults()) {
        Err(OptimizeError::NotEnough { have, need }) => assert!(have < need),
        other => panic!("expected NotEnough, got {other:?}"),
    }
    let history = simulated_history(120, 60);
    let fit = optimize(&history, &fsrs_defaults()).unwrap();
    assert!(fit.items >= 64, "{} items", fit.items);
    assert_eq!(fit.parameters.len(), 21);
    assert!(fit.current.log_loss.is_finite() && fit.fitted.log_loss.is_finite());
    assert!(fit.fitted.rmse_bins >= 0.0);
    // Fitted to this history, the new parameters predict it better.
    assert!(fit.is_better(), "{:?} vs {:?}", fit.fitted, fit.current);
    eprintln!(
        "{} reviews, {} items: current {:?}, fitted {:?}",
        history.len(),
        fit.items,
        fit.current,
        fit.fitted
    );
}

fn fsrs_defaults() -> Vec<f32> {
    Scheduler::new(SchedulerConfig::default())
        .unwrap()
        .parameters()
}
