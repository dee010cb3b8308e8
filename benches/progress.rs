//! Progress store and queue at scale: load and one grade's save at 10k
//! cards / 100k logged reviews and at 100k cards / 1M reviews, and building
//! today's queue at 100k cards.

use std::hint::black_box;
use std::io::{BufWriter, Write};
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use pyquiz::schedule::{
    CardState, Clock, DayCounts, Grade, Limits, NewOrder, Phase, Scheduler, SchedulerConfig,
    build_queue, card_seed,
};
use pyquiz::store::{Access, Event, LogEntry, LoggedState, Store};

fn now() -> Timestamp {
    "2026-11-21T10:00:00Z".parse().unwrap()
}

fn card_id(i: usize) -> String {
    format!(
        "{:012x}",
        (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 16
    )
}

/// A review-phase card with every field set, due around now.
fn card_state(i: usize) -> CardState {
    let last = now()
        .checked_sub(SignedDuration::from_hours(24 * (1 + (i % 90) as i64)))
        .unwrap();
    CardState {
        phase: Phase::Review,
        step: None,
        stability: Some(1.0 + (i % 97) as f32 * 1.37),
        difficulty: Some(1.0 + (i % 9) as f32 + 0.123),
        due: Some(
            last.checked_add(SignedDuration::from_hours(24 * (1 + (i % 60) as i64)))
                .unwrap(),
        ),
        last_review: Some(last),
        interval_days: Some(1 + (i % 60) as u32),
        reps: 3 + (i % 20) as u32,
        lapses: (i % 4) as u32,
        suspended: false,
        buried_until: None,
    }
}

/// Writes a data directory with `cards` card states and `reviews` log
/// lines, as this version writes them (each answer carries the card's state
/// after it), then opens it once so the checkpoint is made from the log.
fn fixture(dir: &Path, cards: usize, reviews: usize) {
    let log_path = dir.join("reviews.jsonl");
    let mut log = BufWriter::with_capacity(1 << 20, std::fs::File::create(&log_path).unwrap());
    for r in 0..reviews {
        let i = r % cards;
        let s = card_state(i);
        let time = s.last_review.unwrap();
        let entry = LogEntry {
            card: card_id(i),
            time,
            kind: "review".into(),
            grade: Grade::ALL[r % 4],
            mark: None,
            seconds: None,
            elapsed_days: (r % 40) as u32,
            day: Some(Clock::new(time, TimeZone::UTC).day_of(time)),
            before: LoggedState::memory(&s),
            after: LoggedState::full(&s),
        };
        log.write_all(&Event::Answer(entry).encode().unwrap())
            .unwrap();
    }
    log.flush().unwrap();
    drop(log);
    let store = Store::open(dir, Access::ReadWrite).unwrap();
    assert_eq!(store.progress().cards.len(), cards.min(reviews));
}

fn scale(c: &mut Criterion, name: &str, cards: usize, reviews: usize) {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path();
    fixture(dir, cards, reviews);
    let size = std::fs::metadata(dir.join("progress.json")).unwrap().len();
    let log = std::fs::metadata(dir.join("reviews.jsonl")).unwrap().len();
    eprintln!(
        "{name}: progress.json {:.1} MB, reviews.jsonl {:.1} MB",
        size as f64 / 1e6,
        log as f64 / 1e6
    );
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.bench_function("load (open for writing)", |b| {
        b.iter(|| black_box(Store::open(dir, Access::ReadWrite).unwrap()))
    });
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let mut k = 0usize;
    group.bench_function("grade + save", |b| {
        b.iter(|| {
            k += 1;
            let id = card_id(k % cards);
            let at = now()
                .checked_add(SignedDuration::from_secs(k as i64))
                .unwrap();
            let clock = Clock::new(at, TimeZone::UTC);
            let before = store.card_or_new(&id);
            let out = scheduler
                .answer(card_seed(&id), &before, Grade::Good, &clock)
                .unwrap();
            store.record_grade(&id, &before, &out, &clock).unwrap();
        })
    });
    drop(store);
    let store = Store::open(dir, Access::ReadOnly).unwrap();
    let mut read_history = |what: &str, cache: Option<&Path>| {
        // SAFETY: the benches run on this one thread; nothing else reads the
        // environment while it changes.
        unsafe {
            std::env::set_var("PYQUIZ_CACHE_DIR", cache.unwrap_or(Path::new("")));
        }
        group.bench_function(what, |b| {
            b.iter(|| {
                let mut n = 0u64;
                store.each_answer_facts(&|_| true, &mut |_| n += 1).unwrap();
                black_box(n)
            })
        });
    };
    read_history("history for stats, from the log", None);
    let cache = tempfile::TempDir::new().unwrap();
    read_history(
        "history for stats, from the answer index",
        Some(cache.path()),
    );
    group.bench_function("one card's history", |b| {
        b.iter(|| {
            let mut n = 0u64;
            store.each_answer_to(&card_id(7), &mut |_| n += 1).unwrap();
            black_box(n)
        })
    });
    group.finish();
}

fn store_10k(c: &mut Criterion) {
    scale(c, "store 10k cards, 100k reviews", 10_000, 100_000);
}

fn store_100k(c: &mut Criterion) {
    // `cargo test --all-targets` runs each bench once, unoptimized: there a
    // million-line log would be most of the test run; 100k cards with one
    // review each still tries every step.
    if std::env::args().any(|a| a == "--bench") {
        scale(c, "store 100k cards, 1M reviews", 100_000, 1_000_000);
    } else {
        scale(c, "store 100k cards, 100k reviews", 100_000, 100_000);
    }
}

fn queue_100k(c: &mut Criterion) {
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let clock = Clock::new(now(), TimeZone::UTC);
    let ids: Vec<String> = (0..100_000).map(card_id).collect();
    // two thirds answered, one third new
    let states: Vec<Option<CardState>> = (0..100_000)
        .map(|i| (i % 3 != 0).then(|| card_state(i)))
        .collect();
    let mut group = c.benchmark_group("queue");
    group.sample_size(20);
    group.bench_function("build today's queue, 100k cards", |b| {
        b.iter(|| {
            let q = build_queue(
                ids.iter()
                    .zip(&states)
                    .map(|(id, s)| (id.as_str(), s.as_ref())),
                &scheduler,
                &clock,
                Limits::default(),
                DayCounts::default(),
                NewOrder::Source,
            );
            black_box(q)
        })
    });
    group.finish();
}

criterion_group!(benches, store_10k, store_100k, queue_100k);
criterion_main!(benches);
