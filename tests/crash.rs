//! Kill -9 at random moments while a child process grades in a loop: after
//! every kill, progress.json parses and holds every grade the child had
//! reported done, and the review log agrees with it.
//!
//! The child is this test binary run again with `--ignored crash_child`.
//! `PYQUIZ_CRASH_ROUNDS` raises the number of kills (default 200).

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use pyquiz::schedule::{Clock, Grade, Scheduler, SchedulerConfig, card_seed};
use pyquiz::store::{Access, Store};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

const CARDS: usize = 40;

#[test]
#[ignore = "helper process for kill_9_never_loses_a_reported_grade"]
fn crash_child() {
    let Ok(dir) = std::env::var("PYQUIZ_CRASH_DIR") else {
        return;
    };
    let mut store = Store::open(Path::new(&dir), Access::ReadWrite).expect("open store");
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let base: Timestamp = "2026-01-05T10:00:00Z".parse().unwrap();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    loop {
        let n = store.progress().review_log.entries;
        let id = format!("card-{:03}", n as usize % CARDS);
        let now = base
            .checked_add(SignedDuration::from_mins(n as i64 * 7))
            .unwrap();
        let clock = Clock::new(now, TimeZone::UTC);
        let before = store.card_or_new(&id);
        let grade = Grade::ALL[(n as usize / CARDS + n as usize) % 4];
        let outcome = scheduler
            .answer(card_seed(&id), &before, grade, &clock)
            .unwrap();
        store.record_grade(&id, &before, &outcome, &clock).unwrap();
        writeln!(out, "done {id} {now}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn kill_9_never_loses_a_reported_grade() {
    let rounds: usize = std::env::var("PYQUIZ_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path();
    let exe = std::env::current_exe().unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(0x5eed);
    let mut reported: HashSet<(String, String)> = HashSet::new();
    let mut killed_mid_run = 0;
    let mut uncommitted_tails = 0;
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PYQUIZ_CRASH_DIR", dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| {
                    let mut parts = l.strip_prefix("done ")?.split(' ');
                    Some((parts.next()?.to_string(), parts.next()?.to_string()))
                })
                .collect::<Vec<_>>()
        });
        let wait = rng.random_range(5..60u64);
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        let done = reader.join().unwrap();
        if status.code().is_none() && !done.is_empty() {
            killed_mid_run += 1;
        }
        reported.extend(done);

        // The files as the next pyquiz finds them.
        let log_len = std::fs::metadata(dir.join("reviews.jsonl")).map_or(0, |m| m.len());
        let store = Store::open(dir, Access::ReadOnly)
            .unwrap_or_else(|e| panic!("round {round}: store does not open: {e}"));
        let log = store
            .read_log()
            .unwrap_or_else(|e| panic!("round {round}: log does not read: {e}"));
        if log_len > store.progress().review_log.bytes {
            uncommitted_tails += 1; // killed between the log append and the rename
        }
        assert_eq!(
            log.len() as u64,
            store.progress().review_log.entries,
            "round {round}"
        );
        let logged: HashSet<(String, String)> = log
            .iter()
            .map(|e| (e.card.clone(), e.time.to_string()))
            .collect();
        let missing: Vec<_> = reported.difference(&logged).collect();
        assert!(missing.is_empty(), "round {round}: lost {missing:?}");
        for (card, time) in &reported {
            let state = store.card(card).unwrap_or_else(|| panic!("{card} missing"));
            assert!(state.last_review.unwrap().to_string() >= *time);
        }
    }
    assert!(
        killed_mid_run >= rounds / 4,
        "most kills should land while grading: {killed_mid_run} of {rounds}"
    );
    assert!(
        reported.len() > rounds,
        "grades were made: {}",
        reported.len()
    );
    eprintln!(
        "{rounds} kills, {killed_mid_run} while grading, {uncommitted_tails} between log append and rename, {} grades reported and kept",
        reported.len()
    );
}
