//! Scheduling and progress through the real binary: previews, limits,
//! rollover, undo across restarts, the writer lock, damaged files.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

use pyquiz::bank::{Bank, LoadOptions};

fn ids(n: usize) -> Vec<String> {
    let bank = Bank::load(&LoadOptions::default()).unwrap();
    bank.records
        .iter()
        .filter(|r| r.has_answer)
        .take(n)
        .map(|r| r.id.clone())
        .collect()
}

fn pyquiz(dir: &Path, now: &str) -> Command {
    let mut cmd = common::pyquiz(dir, now);
    // Fuzz on: intervals as a learner gets them.
    cmd.env_remove("PYQUIZ_FUZZ");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("valid JSON")
}

fn grade(dir: &Path, now: &str, id: &str, g: &str) -> Value {
    json(pyquiz(dir, now).args(["grade", id, g, "--json"]))
}

fn card(dir: &Path, now: &str, id: &str) -> Value {
    json(pyquiz(dir, now).args(["card", id, "--json"]))
}

fn due(dir: &Path, now: &str, extra: &[&str]) -> Value {
    json(pyquiz(dir, now).arg("due").arg("--json").args(extra))
}

/// Takes a card to review and then through reviews at its due times, so
/// that later answers are fuzzed.
fn graduate(dir: &Path, id: &str) -> String {
    grade(dir, "2026-01-05T10:00:00Z", id, "easy");
    let c = card(dir, "2026-01-05T10:00:00Z", id);
    c["state"]["due"].as_str().unwrap().to_string()
}

#[test]
fn preview_is_exactly_what_the_grade_then_does_with_fuzz_on() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let cards = ids(12);
    let mut checked = 0;
    for (i, id) in cards.iter().enumerate() {
        let mut now = graduate(dir, id);
        for round in 0..3 {
            let before = card(dir, &now, id);
            let g = ["again", "hard", "good", "easy"][(i + round) % 4];
            let preview = before["previews"]
                .as_array()
                .unwrap()
                .iter()
                .find(|p| p["grade"] == g)
                .unwrap()
                .clone();
            let after = grade(dir, &now, id, g);
            assert_eq!(after["due"], preview["due"], "{id} {g} at {now}");
            assert_eq!(after["interval"], preview["interval"], "{id} {g} at {now}");
            checked += 1;
            now = after["due"].as_str().unwrap().to_string();
            if after["phase"] != "review" {
                // finish relearning so the next round is a fuzzed review again
                let a = grade(dir, &now, id, "good");
                now = a["due"].as_str().unwrap().to_string();
            }
        }
    }
    assert_eq!(checked, 36);
}

#[test]
fn fuzz_moves_intervals_and_pyquiz_fuzz_0_turns_it_off() {
    // Twelve cards graduated the same way: with fuzz the next Good intervals
    // spread over Anki's range; without it they are all equal.
    let spread = |fuzz: bool| {
        let tmp = TempDir::new().unwrap();
        let mut days = std::collections::BTreeSet::new();
        for id in ids(12) {
            let mut c = pyquiz(tmp.path(), "2026-01-05T10:00:00Z");
            if !fuzz {
                c.env("PYQUIZ_FUZZ", "0");
            }
            json(c.args(["grade", &id, "easy", "--json"]));
            let mut c = pyquiz(tmp.path(), "2026-01-13T10:00:00Z");
            if !fuzz {
                c.env("PYQUIZ_FUZZ", "0");
            }
            let g = json(c.args(["grade", &id, "good", "--json"]));
            days.insert(g["interval"]["days"].as_u64().unwrap());
        }
        days
    };
    assert_eq!(spread(false).len(), 1, "no fuzz: one interval");
    assert!(spread(true).len() >= 3, "fuzz spreads intervals");
}

#[test]
fn review_previews_are_ordered_hard_good_easy() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    for (i, id) in ids(20).iter().enumerate() {
        let mut now = graduate(dir, id);
        for round in 0..4 {
            let c = card(dir, &now, id);
            let days: Vec<u64> = c["previews"].as_array().unwrap()[1..]
                .iter()
                .map(|p| {
                    p["interval"]["days"]
                        .as_u64()
                        .expect("review grades are in days")
                })
                .collect();
            assert!(days[0] < days[1] && days[1] < days[2], "{id}: {days:?}");
            // vary the history: a late review or an early one
            let g = ["good", "hard", "easy", "good"][(i + round) % 4];
            let a = grade(dir, &now, id, g);
            now = a["due"].as_str().unwrap().to_string();
        }
    }
}

#[test]
fn reviews_become_due_at_four_in_the_morning() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    let g = grade(dir, "2026-01-05T10:00:00Z", id, "easy");
    let due_at = g["due"].as_str().unwrap();
    assert!(
        due_at.ends_with("T04:00:00Z"),
        "review due at rollover: {due_at}"
    );
    let day = &due_at[..10];
    let before = due(dir, &format!("{day}T03:59:59Z"), &["--new-limit", "0"]);
    assert_eq!(before["review"], 0);
    let next = before["next_due"].as_str().unwrap();
    assert_eq!(next, due_at);
    let after = due(dir, &format!("{day}T04:00:00Z"), &["--new-limit", "0"]);
    assert_eq!(after["review"], 1);
    // The counts of "today" roll over at 4 a.m. too.
    let before_midnight = due(dir, "2026-01-06T03:30:00Z", &[]);
    assert_eq!(before_midnight["today"], "2026-01-05");
    assert_eq!(before_midnight["done_today"]["new"], 1);
    let morning = due(dir, "2026-01-06T04:00:00Z", &[]);
    assert_eq!(morning["done_today"]["new"], 0);
}

#[test]
fn daily_limits_count_answers_per_day() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let now = "2026-01-05T10:00:00Z";
    let first = due(dir, now, &["--new-limit", "3", "--order", "source"]);
    assert_eq!(first["new"], 3);
    let queue: Vec<String> = first["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(queue, ids(3), "new cards in source order");
    grade(dir, now, &queue[0], "good");
    grade(dir, now, &queue[1], "again");
    let later = due(dir, "2026-01-05T10:30:00Z", &["--new-limit", "3"]);
    assert_eq!(later["new"], 1, "two of three new cards used today");
    assert_eq!(later["learning"], 2);
    assert_eq!(later["queue"][0]["kind"], "learning");
    // The setting gives the default limit; the flag overrides it.
    pyquiz(dir, now)
        .args(["config", "new-per-day", "2"])
        .assert()
        .success();
    assert_eq!(due(dir, "2026-01-05T10:30:00Z", &[])["new"], 0);
    assert_eq!(
        due(dir, "2026-01-05T10:30:00Z", &["--new-limit", "5"])["new"],
        3
    );
    // Next day: the new-card allowance is back.
    assert_eq!(due(dir, "2026-01-06T10:00:00Z", &[])["new"], 2);
}

#[test]
fn review_limit_caps_reviews_and_orders_lowest_recall_first() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let cards = ids(6);
    for id in &cards {
        grade(dir, "2026-01-05T10:00:00Z", id, "easy");
    }
    let now = "2026-03-01T10:00:00Z";
    let all = due(dir, now, &["--new-limit", "0"]);
    assert_eq!(all["review"], 6);
    let limited = due(dir, now, &["--new-limit", "0", "--review-limit", "4"]);
    assert_eq!(limited["review"], 4);
    grade(
        dir,
        now,
        limited["queue"][0]["id"].as_str().unwrap(),
        "good",
    );
    let after = due(dir, now, &["--new-limit", "0", "--review-limit", "4"]);
    assert_eq!(after["review"], 3, "one of four reviews used today");
    assert_eq!(after["done_today"]["reviews"], 1);
    // Cards reviewed more recently (and so with a higher recall probability)
    // come after the ones most overdue for their stability.
    let answered_in_march = limited["queue"][0]["id"].as_str().unwrap();
    let fresh = cards
        .iter()
        .find(|c| c.as_str() != answered_in_march)
        .unwrap();
    grade(dir, "2026-01-13T10:00:00Z", fresh, "good");
    let q = due(dir, "2026-12-01T10:00:00Z", &["--new-limit", "0"]);
    let order: Vec<&str> = q["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(order.len(), 6);
    assert_eq!(order[4], fresh.as_str(), "{order:?}");
    assert_eq!(order[5], answered_in_march, "{order:?}");
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The log's lines, each with its sequence number, less the `merged`
/// events that note merged cards' members.
fn log_lines(dir: &Path) -> Vec<(u64, Value)> {
    String::from_utf8(read(&dir.join("reviews.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .enumerate()
        .map(|(i, v)| (i as u64, v))
        .filter(|(_, v)| v["event"] != "merged")
        .collect()
}

#[test]
fn undo_restores_the_exact_previous_state_across_restarts_and_keeps_the_log() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    grade(dir, "2026-01-05T10:00:00Z", id, "good");
    grade(dir, "2026-01-05T10:10:00Z", id, "good");
    let before = card(dir, "2026-01-07T10:00:00Z", id);
    let progress_before: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    let log_before = read(&dir.join("reviews.jsonl"));
    grade(dir, "2026-01-07T10:00:00Z", id, "again");
    assert_ne!(
        card(dir, "2026-01-07T10:00:00Z", id)["state"],
        before["state"]
    );
    // a new process undoes it, saying what and when
    pyquiz(dir, "2026-01-07T10:01:00Z")
        .arg("undo")
        .assert()
        .success()
        .stdout(predicates::str::contains("Undid Again on '"))
        .stdout(predicates::str::contains("from 10:00 today"));
    let after = card(dir, "2026-01-07T10:00:00Z", id);
    assert_eq!(after["state"], before["state"]);
    assert_eq!(
        after["history"], before["history"],
        "the undone answer is not history"
    );
    // nothing was cut: the answer and the undo naming it are both there
    let log = read(&dir.join("reviews.jsonl"));
    assert!(log.starts_with(&log_before), "history kept");
    let lines = log_lines(dir);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[2].1["grade"], "again");
    assert_eq!(lines[3].1["event"], "undo");
    assert_eq!(
        lines[3].1["target"], lines[2].0,
        "the undo names the answer"
    );
    let p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    assert_eq!(p["cards"], progress_before["cards"]);
    assert_eq!(p["today"], progress_before["today"]);
    // 35 grades, then 31 undos in separate processes: back to after grade 4.
    let many = ids(35);
    for (i, id) in many.iter().enumerate() {
        grade(dir, &format!("2026-01-07T11:{:02}:00Z", i), id, "good");
    }
    for _ in 0..31 {
        pyquiz(dir, "2026-01-07T12:00:00Z")
            .arg("undo")
            .assert()
            .success();
    }
    assert_eq!(log_lines(dir).len(), 4 + 35 + 31);
    let p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    assert!(p["cards"].get(&many[3]).is_some());
    assert!(p["cards"].get(&many[4]).is_none(), "card 5 is new again");
    // many[0] is the first card (a review by now), so the four grades left
    // today are one review and three new cards.
    assert_eq!(many[0], *id);
    assert_eq!(p["today"]["new"], 3, "{}", p["today"]);
    assert_eq!(p["today"]["reviews"], 1, "{}", p["today"]);
    // Deleting the checkpoint loses nothing: the log rebuilds the same state.
    std::fs::remove_file(dir.join("progress.json")).unwrap();
    let out = pyquiz(dir, "2026-01-07T12:00:00Z")
        .args(["due", "--json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("rebuilt"));
    // a writer rebuilds it, and checkpoints the rebuilt state with its change
    pyquiz(dir, "2026-01-07T12:00:00Z")
        .arg("bury")
        .arg(&many[20])
        .assert()
        .success();
    let mut rebuilt: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    assert!(rebuilt["cards"][&many[20]]["buried_until"].is_string());
    rebuilt["cards"].as_object_mut().unwrap().remove(&many[20]);
    assert_eq!(rebuilt["cards"], p["cards"]);
    assert_eq!(rebuilt["today"], p["today"]);
}

/// Walkthrough 1.1: a stray `u` a week later took back last week's review
/// and deleted it from the log.
#[test]
fn undo_stays_within_the_study_day_unless_asked_and_never_deletes() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    grade(dir, "2026-12-01T10:00:00Z", id, "good");
    grade(dir, "2026-12-01T10:11:00Z", id, "good");
    let state = card(dir, "2026-12-09T10:00:00Z", id)["state"].clone();
    pyquiz(dir, "2026-12-09T10:00:00Z")
        .arg("undo")
        .assert()
        .success()
        .stdout(predicates::str::contains("Nothing to undo today"))
        .stdout(predicates::str::contains("Good on '"))
        .stdout(predicates::str::contains("on 1 Dec 2026"))
        .stdout(predicates::str::contains("--any-day"));
    assert_eq!(card(dir, "2026-12-09T10:00:00Z", id)["state"], state);
    assert_eq!(log_lines(dir).len(), 2);
    pyquiz(dir, "2026-12-09T10:00:00Z")
        .args(["undo", "--any-day"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Undid Good on '"));
    let lines = log_lines(dir);
    assert_eq!(lines.len(), 3, "the review stays; the undo is added");
    assert_eq!(lines[1].1["grade"], "good");
    assert_eq!(lines[2].1["target"], lines[1].0);
    assert_eq!(
        card(dir, "2026-12-09T10:00:00Z", id)["state"]["phase"],
        "learning"
    );
}

#[test]
fn a_second_writer_is_refused_with_the_lock_holder_named() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    grade(dir, "2026-01-05T10:00:00Z", id, "good");
    let held = pyquiz::store::Store::open(dir, pyquiz::store::Access::ReadWrite).unwrap();
    let before = read(&dir.join("progress.json"));
    let out = pyquiz(dir, "2026-01-05T10:10:00Z")
        .args(["grade", id, "good"])
        .assert()
        .code(3)
        .get_output()
        .stderr
        .clone();
    let msg = String::from_utf8(out).unwrap();
    assert!(msg.contains("in use by another pyquiz"), "{msg}");
    assert!(
        msg.contains(&format!("pid {}", std::process::id())),
        "{msg}"
    );
    assert!(msg.contains("progress.lock"), "{msg}");
    assert_eq!(read(&dir.join("progress.json")), before);
    // readers go on
    let c = card(dir, "2026-01-05T10:10:00Z", id);
    assert_eq!(c["state"]["phase"], "learning");
    assert_eq!(due(dir, "2026-01-05T10:10:00Z", &[])["learning"], 1);
    drop(held);
    grade(dir, "2026-01-05T10:10:00Z", id, "good");
}

#[test]
fn damaged_or_newer_files_are_reported_and_left_byte_identical() {
    let id = &ids(1)[0];
    let good = {
        let tmp = TempDir::new().unwrap();
        grade(tmp.path(), "2026-01-05T10:00:00Z", id, "good");
        read(&tmp.path().join("progress.json"))
    };
    let text = String::from_utf8(good.clone()).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "progress.json:",
        ),
        (
            "corrupt",
            text.replacen("\"reps\":1", "\"reps\":one", 1).into_bytes(),
            ":1:",
        ),
        (
            "newer",
            text.replacen("\"version\":2", "\"version\":7", 1)
                .into_bytes(),
            "newer pyquiz (format version 7",
        ),
        ("not json", b"\x00\x01garbage".to_vec(), "damaged"),
    ];
    for (what, bytes, needle) in cases {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path();
        let path = dir.join("progress.json");
        std::fs::write(&path, &bytes).unwrap();
        for args in [
            vec!["grade", id.as_str(), "good"],
            vec!["due"],
            vec!["undo"],
            vec!["card", id.as_str()],
        ] {
            let out = pyquiz(dir, "2026-01-06T10:00:00Z")
                .args(&args)
                .assert()
                .code(1)
                .get_output()
                .stderr
                .clone();
            let msg = String::from_utf8(out).unwrap();
            assert!(msg.contains(needle), "{what} {args:?}: {msg}");
            assert!(
                msg.contains(&path.display().to_string()),
                "{what}: names the file: {msg}"
            );
            assert_eq!(msg.lines().count(), 1, "one line: {msg}");
            assert_eq!(read(&path), bytes, "{what} {args:?}: file untouched");
        }
    }
}

/// Runs `pyquiz grade ID good` under a file-size limit of `blocks` KiB, as
/// a full disk would fail it (SIGXFSZ ignored, so the write returns EFBIG).
fn grade_under_size_limit(dir: &Path, id: &str, blocks: usize) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("pyquiz");
    let script = format!(
        "trap '' XFSZ; ulimit -f {blocks}; exec '{}' grade {id} good",
        bin.display(),
    );
    std::process::Command::new("bash")
        .args(["-c", &script])
        .env("PYQUIZ_DATA_DIR", dir)
        .env("PYQUIZ_NOW", "2026-01-05T10:01:00Z")
        .env("TZ", "UTC")
        .output()
        .unwrap()
}

#[test]
fn a_failed_append_keeps_both_files_and_a_failed_checkpoint_loses_nothing() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let cards = ids(40);
    for id in &cards[..30] {
        grade(dir, "2026-01-05T10:00:00Z", id, "good");
    }
    let progress = read(&dir.join("progress.json"));
    let log = read(&dir.join("reviews.jsonl"));
    // The log cannot grow: the grade is refused, both files as they were.
    let out = grade_under_size_limit(dir, &cards[35], log.len() / 1024);
    let msg = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("reviews.jsonl"), "{msg}");
    assert!(msg.to_lowercase().contains("file too large"), "{msg}");
    assert_eq!(read(&dir.join("progress.json")), progress);
    assert_eq!(read(&dir.join("reviews.jsonl")), log);
    // The log grows but the checkpoint cannot be written: the grade is in
    // the log, so it is saved; the next run rolls the checkpoint forward.
    assert!(
        progress.len() > log.len() + 2048,
        "the checkpoint is the larger file"
    );
    let out = grade_under_size_limit(dir, &cards[36], log.len() / 1024 + 2);
    let msg = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{msg}");
    assert_eq!(
        read(&dir.join("progress.json")),
        progress,
        "checkpoint not written"
    );
    assert!(read(&dir.join("reviews.jsonl")).len() > log.len());
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert_eq!(
        card(dir, "2026-01-05T10:02:00Z", &cards[36])["state"]["reps"],
        1
    );
    assert_eq!(
        card(dir, "2026-01-05T10:02:00Z", &cards[35])["state"]["reps"],
        0
    );
    grade(dir, "2026-01-05T10:01:00Z", &cards[35], "good");
}

#[test]
fn progress_of_cards_no_longer_in_the_bank_is_kept_untouched() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    grade(dir, "2026-01-05T10:00:00Z", id, "good");
    let mut p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    let gone = p["cards"][id.as_str()].clone();
    p["cards"]["deadbeef0000"] = gone.clone();
    std::fs::write(
        dir.join("progress.json"),
        serde_json::to_vec_pretty(&p).unwrap(),
    )
    .unwrap();
    for other in ids(5).iter().skip(1) {
        grade(dir, "2026-01-05T10:05:00Z", other, "easy");
    }
    let p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    assert_eq!(p["cards"]["deadbeef0000"], gone);
}

#[test]
fn bad_ids_and_grades_are_usage_errors() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let id = &ids(1)[0];
    pyquiz(dir, "2026-01-05T10:00:00Z")
        .args(["grade", "nope", "good"])
        .assert()
        .code(2);
    pyquiz(dir, "2026-01-05T10:00:00Z")
        .args(["grade", id, "meh"])
        .assert()
        .code(2);
    pyquiz(dir, "not a time").args(["due"]).assert().code(2);
    // a unique prefix works
    grade(dir, "2026-01-05T10:00:00Z", &id[..6], "good");
}

#[test]
fn suspend_and_bury_take_cards_out_of_the_queue() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let cards = ids(3);
    let now = "2026-01-05T10:00:00Z";
    pyquiz(dir, now)
        .args(["suspend", &cards[0]])
        .assert()
        .success();
    pyquiz(dir, now)
        .args(["bury", &cards[1]])
        .assert()
        .success();
    let q = due(dir, now, &["--new-limit", "3", "--order", "source"]);
    let ids_in: Vec<&str> = q["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(!ids_in.contains(&cards[0].as_str()));
    assert!(!ids_in.contains(&cards[1].as_str()));
    assert!(ids_in.contains(&cards[2].as_str()));
    // buried until tomorrow's rollover; suspended until unsuspended
    let tomorrow = due(
        dir,
        "2026-01-06T04:00:00Z",
        &["--new-limit", "3", "--order", "source"],
    );
    let ids_t: Vec<&str> = tomorrow["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(ids_t.contains(&cards[1].as_str()));
    assert!(!ids_t.contains(&cards[0].as_str()));
    pyquiz(dir, now)
        .args(["unsuspend", &cards[0]])
        .assert()
        .success();
    let back = due(dir, now, &["--new-limit", "3", "--order", "source"]);
    assert_eq!(back["queue"][0]["id"], cards[0].as_str());
    // and undo takes an unsuspend back
    pyquiz(dir, now).arg("undo").assert().success();
    assert_eq!(card(dir, now, &cards[0])["state"]["suspended"], true);
}

#[test]
fn changes_that_change_nothing_say_so_and_a_suspended_card_is_not_graded() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let cards = ids(2);
    let now = "2026-01-05T10:00:00Z";
    let say = |args: &[&str], expected: String| {
        pyquiz(dir, now)
            .args(args)
            .assert()
            .success()
            .stdout(expected);
    };
    say(
        &["unsuspend", &cards[0]],
        format!("{} is not suspended; nothing changed\n", cards[0]),
    );
    say(&["suspend", &cards[0]], format!("{} suspended\n", cards[0]));
    say(
        &["suspend", &cards[0], &cards[1]],
        format!(
            "{} is already suspended; nothing changed\n{} suspended\n",
            cards[0], cards[1]
        ),
    );
    say(
        &["bury", &cards[1]],
        format!("{} buried until tomorrow\n", cards[1]),
    );
    say(
        &["bury", &cards[1]],
        format!(
            "{} is already buried until tomorrow; nothing changed\n",
            cards[1]
        ),
    );
    // A suspended card is refused, and nothing is logged for it.
    pyquiz(dir, now)
        .args(["grade", &cards[0], "good"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "{} is suspended, so it is not graded; `pyquiz unsuspend {}` first",
            cards[0], cards[0]
        )));
    assert_eq!(card(dir, now, &cards[0])["state"]["reps"], 0);
    // Three real changes, three undos; the no-ops left nothing to undo.
    for _ in 0..3 {
        pyquiz(dir, now)
            .arg("undo")
            .assert()
            .success()
            .stdout(predicates::str::starts_with("Undid "));
    }
    say(&["undo"], "Nothing to undo.\n".to_string());
    assert_ne!(card(dir, now, &cards[0])["state"]["suspended"], true);
}

#[test]
fn optimize_says_what_is_missing_then_fits_a_real_log() {
    use pyquiz::schedule::{Clock, Grade, Scheduler, SchedulerConfig, card_seed};
    use pyquiz::store::{Access, Store};

    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    pyquiz(dir, "2026-01-05T10:00:00Z")
        .arg("optimize")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Not enough review history to optimize yet: 0 of 64",
        ));

    // Two months of daily study written through the store, answered by a
    // simulated learner who forgets more than the default model expects.
    let mut store = Store::open(dir, Access::ReadWrite).unwrap();
    let scheduler = Scheduler::new(SchedulerConfig::default()).unwrap();
    let cards = ids(80);
    let base: jiff::Timestamp = "2026-01-05T10:00:00Z".parse().unwrap();
    let mut n = 0u32;
    for day in 0..60i64 {
        let now = base
            .checked_add(jiff::SignedDuration::from_hours(day * 24))
            .unwrap();
        let clock = Clock::new(now, jiff::tz::TimeZone::UTC);
        for (i, id) in cards.iter().enumerate() {
            let card = store.card_or_new(id);
            let due = match card.due {
                None => i < (day as usize + 1) * 8,
                Some(d) => d <= now,
            };
            if !due {
                continue;
            }
            n += 1;
            let r = scheduler.retrievability(&card, now).unwrap_or(0.6);
            let grade = if n.wrapping_mul(2654435761) as f32 / u32::MAX as f32 > r * 0.9 {
                Grade::Again
            } else {
                Grade::Good
            };
            let mut out = scheduler
                .answer(card_seed(id), &card, grade, &clock)
                .unwrap();
            store.record_grade(id, &card, &out, &clock).unwrap();
            while out.card.phase != pyquiz::schedule::Phase::Review {
                let at = Clock::new(out.card.due.unwrap(), jiff::tz::TimeZone::UTC);
                let before = out.card.clone();
                out = scheduler
                    .answer(card_seed(id), &before, Grade::Good, &at)
                    .unwrap();
                store.record_grade(id, &before, &out, &at).unwrap();
            }
        }
    }
    drop(store);
    let out = pyquiz(dir, "2026-03-10T10:00:00Z")
        .arg("optimize")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("current parameters: log loss"), "{text}");
    assert!(text.contains("fitted parameters:  log loss"), "{text}");
    let p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    if text.contains("Kept the fitted parameters") {
        assert_eq!(p["settings"]["parameters"].as_array().unwrap().len(), 21);
        pyquiz(dir, "2026-03-10T10:00:00Z")
            .arg("config")
            .assert()
            .stdout(predicates::str::contains("personal"));
    } else {
        assert!(text.contains("Kept the current parameters"), "{text}");
        assert!(p["settings"].get("parameters").is_none());
    }
}

/// New cards follow the learning path by default (issue 15 §5): easy and
/// foundational first, topics taking turns; `--order source` keeps the
/// files' order, `--order random` (or `--shuffle`) shuffles with `--seed`,
/// and `pyquiz config new-order` changes the default.
#[test]
fn new_cards_follow_the_learning_path_unless_another_order_is_chosen() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let now = "2026-01-05T10:00:00Z";
    let list = pyquiz(dir, now).args(["list", "--json"]).output().unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).unwrap();
    let by_id: std::collections::HashMap<&str, &serde_json::Value> = records
        .iter()
        .map(|r| (r["id"].as_str().unwrap(), r))
        .collect();
    let new_ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--new-limit", "40"];
        all.extend_from_slice(args);
        due(dir, now, &all)["queue"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    let path = new_ids(&[]);
    assert_eq!(path.len(), 40);
    let foundations = [
        "basics",
        "data-structures",
        "strings",
        "functions",
        "oop",
        "error-handling",
    ];
    let mut topics_seen = std::collections::HashSet::new();
    for id in &path {
        let r = by_id[id.as_str()];
        assert_eq!(r["difficulty"], "easy", "{}", r["question"]);
        let first = r["topics"][0].as_str().unwrap();
        assert!(foundations.contains(&first), "{first}: {}", r["question"]);
        topics_seen.insert(first);
    }
    assert!(topics_seen.len() >= 4, "{topics_seen:?}");
    // Each of the first five days of 20 new cards mixes at least four
    // topics, none of them half the day.
    let hundred: Vec<String> = due(dir, now, &["--new-limit", "100"])["queue"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(hundred[..40], path[..]);
    for day in hundred.chunks(20) {
        let mut count: std::collections::HashMap<&str, usize> = Default::default();
        for id in day {
            *count
                .entry(by_id[id.as_str()]["topics"][0].as_str().unwrap())
                .or_default() += 1;
        }
        assert!(count.len() >= 4, "{count:?}");
        assert!(count.values().all(|&n| n < 10), "{count:?}");
    }
    assert_eq!(new_ids(&["--order", "path"]), path);
    let source = new_ids(&["--order", "source"]);
    let in_files: Vec<String> = records
        .iter()
        .take(40)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(source, in_files);
    let random = new_ids(&["--order", "random", "--seed", "7"]);
    assert_eq!(random, new_ids(&["--shuffle", "--seed", "7"]));
    assert_ne!(random, source);
    assert_ne!(random, path);
    // The setting.
    pyquiz(dir, now)
        .args(["config", "new-order", "source"])
        .assert()
        .success()
        .stdout("new-order = source (was path; `pyquiz undo` takes it back)\n");
    assert_eq!(new_ids(&[]), source);
    assert_eq!(new_ids(&["--order", "path"]), path);
    pyquiz(dir, now)
        .args(["config", "new-order", "alphabetical"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "new-order is path, source or random",
        ));
}

/// `pyquiz config theme` keeps the colours chosen for the terminal's
/// background (the study screen reads it; tests/terminal.rs checks that).
#[test]
fn the_theme_setting_is_kept() {
    let tmp = TempDir::new().unwrap();
    let (dir, now) = (tmp.path(), "2026-03-02T09:00:00Z");
    pyquiz(dir, now)
        .args(["config", "theme"])
        .assert()
        .success()
        .stdout("auto\n");
    pyquiz(dir, now)
        .args(["config", "theme", "Light"])
        .assert()
        .success()
        .stdout("theme = light (was auto; `pyquiz undo` takes it back)\n");
    pyquiz(dir, now)
        .args(["config"])
        .assert()
        .success()
        .stdout(predicates::str::contains("theme = light\n"));
    pyquiz(dir, now)
        .args(["config", "theme", "sepia"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("theme is auto, light or dark"));
    pyquiz(dir, now)
        .args(["--theme", "sepia", "due"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "possible values: auto, light, dark",
        ));
}

/// A settings change is an event like any other: `undo` takes it back,
/// a change to the value already set is not made (nor undoable), and a
/// value of the wrong kind says what the setting takes.
#[test]
fn settings_changes_are_reported_exactly_and_can_be_undone() {
    let tmp = TempDir::new().unwrap();
    let (dir, now) = (tmp.path(), "2026-03-02T09:00:00Z");
    pyquiz(dir, now)
        .args(["config", "new-per-day", "20"])
        .assert()
        .success()
        .stdout("new-per-day is already 20; nothing changed\n");
    pyquiz(dir, now)
        .args(["undo"])
        .assert()
        .success()
        .stdout("Nothing to undo.\n");
    pyquiz(dir, now)
        .args(["config", "new-per-day", "abc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "new-per-day takes a whole number (0 or more), not \"abc\"",
        ));
    pyquiz(dir, now)
        .args(["config", "desired-retention", "high"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "desired-retention takes a number between 0.70 and 0.99, not \"high\"",
        ));
    pyquiz(dir, now)
        .args(["config", "new-per-day", "5"])
        .assert()
        .success()
        .stdout("new-per-day = 5 (was 20; `pyquiz undo` takes it back)\n");
    pyquiz(dir, now)
        .args(["config", "reviews-per-day", "100"])
        .assert()
        .success();
    // Newest first, each on its own; the log keeps all four events.
    pyquiz(dir, now)
        .args(["undo"])
        .assert()
        .success()
        .stdout("Undid the settings change from 09:00 today: reviews-per-day 100 → 200.\n");
    pyquiz(dir, now)
        .args(["undo"])
        .assert()
        .success()
        .stdout("Undid the settings change from 09:00 today: new-per-day 5 → 20.\n");
    pyquiz(dir, now)
        .args(["config", "new-per-day"])
        .assert()
        .success()
        .stdout("20\n");
    let log = std::fs::read_to_string(dir.join("reviews.jsonl")).unwrap();
    assert_eq!(log.matches("\"event\":\"settings\"").count(), 2, "{log}");
    assert_eq!(log.matches("\"event\":\"undo\"").count(), 2, "{log}");
}
