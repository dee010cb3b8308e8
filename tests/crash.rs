//! Kill -9 at random moments while a child process changes progress in a
//! loop (grades, with a suspend and an undo now and then): after every
//! kill, the store opens; every change the child reported done is in the
//! log; every complete line of the log as it was before that round is still
//! there, byte for byte (only a torn final line may go); and the state from
//! the checkpoint rolled forward is exactly the state rebuilt from the log
//! alone.
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
use pyquiz::store::{Access, Event, Store, UndoScope};
use rand::rngs::Xoshiro256PlusPlus;
use rand::{RngExt, SeedableRng};

const CARDS: usize = 40;

#[test]
#[ignore = "helper process for kill_9_never_loses_a_reported_change_or_any_line"]
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
        match n % 11 {
            5 => {
                // Toggled: a change to what the card already is would not
                // be logged (and the loop counts log lines).
                let suspended = store.card(&id).is_some_and(|c| c.suspended);
                assert!(store.set_suspended(&id, !suspended, &clock).unwrap());
                writeln!(out, "done suspend {id} {now}").unwrap();
            }
            9 => {
                store.undo(&clock, UndoScope::AnyDay).unwrap();
                writeln!(out, "done undo - {now}").unwrap();
            }
            _ => {
                let before = store.card_or_new(&id);
                let grade = Grade::ALL[(n as usize / CARDS + n as usize) % 4];
                let outcome = scheduler
                    .answer(card_seed(&id), &before, grade, &clock)
                    .unwrap();
                store.record_grade(&id, &before, &outcome, &clock).unwrap();
                writeln!(out, "done grade {id} {now}").unwrap();
            }
        }
        out.flush().unwrap();
    }
}

/// The log's complete lines (a torn final line left out).
fn complete_lines(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap_or_default();
    match bytes.iter().rposition(|&b| b == b'\n') {
        Some(end) => bytes[..=end].to_vec(),
        None => Vec::new(),
    }
}

#[test]
fn kill_9_never_loses_a_reported_change_or_any_line() {
    let rounds: usize = std::env::var("PYQUIZ_CRASH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(200);
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    let replay_dir = tmp.path().join("replay");
    std::fs::create_dir(&replay_dir).unwrap();
    let log_path = dir.join("reviews.jsonl");
    let exe = std::env::current_exe().unwrap();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(0x5eed);
    let mut reported: HashSet<(String, String, String)> = HashSet::new();
    let mut killed_mid_run = 0;
    let mut torn_tails = 0;
    let mut previous = Vec::new();
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("PYQUIZ_CRASH_DIR", &dir)
            .env("TZ", "UTC")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (first, started) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut done = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let parsed = (|| {
                    let mut parts = line.strip_prefix("done ")?.split(' ');
                    Some((
                        parts.next()?.to_string(),
                        parts.next()?.to_string(),
                        parts.next()?.to_string(),
                    ))
                })();
                if let Some(change) = parsed {
                    if done.is_empty() {
                        let _ = first.send(());
                    }
                    done.push(change);
                }
            }
            done
        });
        // Kill while the child is writing, however long it took to start:
        // after its first reported change, a random moment later.
        let _ = started.recv_timeout(Duration::from_secs(30));
        let wait = rng.random_range(0..40u64);
        std::thread::sleep(Duration::from_millis(wait));
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        let done = reader.join().unwrap();
        if status.code().is_none() && !done.is_empty() {
            killed_mid_run += 1;
        }
        reported.extend(done);

        // No complete line of before this round went missing or changed.
        let now = complete_lines(&log_path);
        assert!(
            now.starts_with(&previous),
            "round {round}: a line written before was lost or changed"
        );
        if std::fs::metadata(&log_path).map_or(0, |m| m.len()) > now.len() as u64 {
            torn_tails += 1;
        }
        previous = now;

        // The files as the next pyquiz finds them.
        let store = Store::open(&dir, Access::ReadOnly)
            .unwrap_or_else(|e| panic!("round {round}: store does not open: {e}"));
        let events = store
            .read_events()
            .unwrap_or_else(|e| panic!("round {round}: log does not read: {e}"));
        assert_eq!(
            events.len() as u64,
            store.progress().review_log.entries,
            "round {round}"
        );
        let logged: HashSet<(String, String, String)> = events
            .iter()
            .map(|(_, e)| match e {
                Event::Answer(a) => ("grade".into(), a.card.clone(), a.time.to_string()),
                Event::Suspend { card, time, .. } => {
                    ("suspend".into(), card.clone(), time.to_string())
                }
                Event::Undo { time, .. } => ("undo".into(), "-".into(), time.to_string()),
                other => ("other".into(), String::new(), other.time().to_string()),
            })
            .collect();
        let missing: Vec<_> = reported.difference(&logged).collect();
        assert!(missing.is_empty(), "round {round}: lost {missing:?}");
        // The checkpoint rolled forward is the state the log alone gives.
        std::fs::copy(&log_path, replay_dir.join("reviews.jsonl")).unwrap();
        let rebuilt = Store::open(&replay_dir, Access::ReadOnly).unwrap();
        let (a, b) = (store.progress(), rebuilt.progress());
        assert_eq!(a.cards, b.cards, "round {round}: card states differ");
        assert_eq!(a.today, b.today, "round {round}");
        assert_eq!(a.undo, b.undo, "round {round}");
    }
    assert!(
        killed_mid_run >= rounds / 4,
        "most kills should land while writing: {killed_mid_run} of {rounds}"
    );
    assert!(
        reported.len() > rounds,
        "changes were made: {}",
        reported.len()
    );
    eprintln!(
        "{rounds} kills, {killed_mid_run} while writing, {torn_tails} left a torn final line, {} changes reported and kept, {} log lines",
        reported.len(),
        previous.iter().filter(|&&b| b == b'\n').count()
    );
}
