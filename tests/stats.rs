//! `pyquiz stats --json` against numbers worked out by hand.
//!
//! The fixture: six cards (tests/fixtures/stats-deck.md, topics and
//! difficulties stated), a progress.json and a review log written here, and
//! the clock fixed at 2026-03-10 12:00 UTC (study day 2026-03-10; days begin
//! at 4 a.m.). Every card that has been studied was last reviewed exactly
//! its stability ago (recall 0.9, FSRS's definition of stability) or just
//! now (recall 1.0), so each expected number below is simple arithmetic;
//! the comments show it.

use assert_cmd::Command;
use serde_json::{Value, json};

const NOW: &str = "2026-03-10T12:00:00Z";

fn card(
    phase: &str,
    s: f64,
    last: &str,
    due: &str,
    interval: Option<u32>,
    reps: u32,
    lapses: u32,
) -> Value {
    let mut c = json!({
        "phase": phase, "stability": s, "difficulty": 5.0, "due": due,
        "last_review": last, "reps": reps, "lapses": lapses,
    });
    if let Some(i) = interval {
        c["interval_days"] = json!(i);
    }
    c
}

fn entry(card: &str, time: &str, kind: &str, before: &str, grade: &str, extra: Value) -> String {
    let mut e = json!({
        "card": card, "time": time, "kind": kind, "grade": grade, "elapsed_days": 0,
        "before": {"phase": before}, "after": {"phase": "review"},
    });
    for (k, v) in extra.as_object().unwrap() {
        e[k] = v.clone();
    }
    format!("{e}\n")
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let log: String = [
        // Today (2026-03-10): two reviews of review cards, one passed.
        entry(
            "a1",
            "2026-03-10T09:00:00Z",
            "review",
            "review",
            "good",
            json!({}),
        ),
        entry(
            "a3",
            "2026-03-10T09:05:00Z",
            "review",
            "review",
            "again",
            json!({}),
        ),
        // Yesterday: a new card's first answer (not a review card) and a pass.
        entry(
            "a4",
            "2026-03-09T12:00:00Z",
            "review",
            "new",
            "good",
            json!({}),
        ),
        entry(
            "a2",
            "2026-03-09T13:00:00Z",
            "review",
            "review",
            "hard",
            json!({}),
        ),
        // 2026-03-07, and 02:00 on 03-08, which still is study day 03-07.
        entry(
            "a1",
            "2026-03-07T10:00:00Z",
            "review",
            "review",
            "good",
            json!({}),
        ),
        entry(
            "a3",
            "2026-03-08T02:00:00Z",
            "review",
            "review",
            "good",
            json!({}),
        ),
        // 2026-03-05 (the suspended card, before it was suspended).
        entry(
            "a6",
            "2026-03-05T12:00:00Z",
            "review",
            "review",
            "good",
            json!({}),
        ),
        // 18 days ago: a lapse.
        entry(
            "a2",
            "2026-02-20T10:00:00Z",
            "review",
            "review",
            "again",
            json!({}),
        ),
        // Outside the schedule.
        entry(
            "a5",
            "2026-03-10T11:00:00Z",
            "practice",
            "new",
            "again",
            json!({}),
        ),
        entry(
            "a1",
            "2026-03-10T11:01:00Z",
            "practice",
            "review",
            "good",
            json!({}),
        ),
        entry(
            "a2",
            "2026-03-10T11:30:00Z",
            "interview",
            "review",
            "good",
            json!({"mark": "nailed", "seconds": 95}),
        ),
        entry(
            "a3",
            "2026-03-10T11:35:00Z",
            "interview",
            "relearning",
            "again",
            json!({"mark": "missed", "seconds": 180}),
        ),
        // A card that is not in the deck: left out.
        entry(
            "zz",
            "2026-03-10T10:00:00Z",
            "review",
            "review",
            "good",
            json!({}),
        ),
    ]
    .concat();
    std::fs::write(dir.path().join("reviews.jsonl"), &log).unwrap();
    let progress = json!({
        "version": 1,
        "review_log": {"entries": 13, "bytes": log.len()},
        "cards": {
            // Reviewed 10 days ago with S = 10: recall 0.9. Mature (25 d). Due in 2 days.
            "a1": card("review", 10.0, "2026-02-28T12:00:00Z", "2026-03-12T12:00:00Z", Some(25), 4, 0),
            // Reviewed just now: recall 1.0. Mature (30 d). Due in 30 days: past the forecast.
            "a2": card("review", 30.0, NOW, "2026-04-09T12:00:00Z", Some(30), 6, 1),
            // S = 2, 2 days ago: 0.9. Overdue: counts today.
            "a3": card("relearning", 2.0, "2026-03-08T12:00:00Z", "2026-03-08T12:10:00Z", None, 5, 2),
            // S = 1, 1 day ago: 0.9. Overdue: counts today.
            "a4": card("learning", 1.0, "2026-03-09T12:00:00Z", "2026-03-09T12:10:00Z", None, 1, 0),
            // a5 is new (no entry). a6: S = 5, 5 days ago: 0.9, suspended.
            "a6": {
                "phase": "review", "stability": 5.0, "difficulty": 5.0, "due": "2026-03-11T12:00:00Z",
                "last_review": "2026-03-05T12:00:00Z", "interval_days": 6, "reps": 3, "lapses": 3,
                "suspended": true,
            },
            "zz": card("review", 3.0, "2026-03-10T10:00:00Z", "2026-03-13T10:00:00Z", Some(3), 1, 0),
        },
    });
    std::fs::write(
        dir.path().join("progress.json"),
        serde_json::to_string_pretty(&progress).unwrap(),
    )
    .unwrap();
    dir
}

mod common;

fn stats(dir: &std::path::Path, extra: &[&str]) -> Value {
    common::json_output(
        Command::cargo_bin("pyquiz")
            .unwrap()
            .env("PYQUIZ_NOW", NOW)
            .env("TZ", "UTC")
            .args([
                "--no-default-content",
                "--content",
                "tests/fixtures/stats-deck.md",
            ])
            .arg("--data-dir")
            .arg(dir)
            .args(["stats", "--json"])
            .args(extra),
    )
}

fn zeros_but(len: usize, set: &[(usize, u32)]) -> Vec<u32> {
    let mut v = vec![0; len];
    for &(i, n) in set {
        v[i] = n;
    }
    v
}

#[test]
fn stats_json_matches_the_hand_computed_fixture() {
    let dir = fixture();
    let got = stats(dir.path(), &[]);

    assert_eq!(got["today"], "2026-03-10");
    // a5 new; a4 learning; a1, a2 review (both mature); a3 relearning; a6 suspended.
    assert_eq!(
        got["counts"],
        json!({"total": 6, "new": 1, "learning": 1, "review": 2, "relearning": 1,
               "suspended": 1, "mature": 2})
    );
    // Today: a1 Good and a3 Again, both review cards: 1 of 2.
    assert_eq!(got["today_reviews"], 2);
    assert_eq!(got["today_retention"], 0.5);
    // Study days with reviews: 03-10, 03-09, 03-07, 03-05, 02-20.
    assert_eq!(got["streak"], json!({"current": 2, "longest": 2}));

    // 182 days ending today begin 2025-09-10; today is index 181.
    assert_eq!(got["heatmap"]["from"], "2025-09-10");
    let expected_heat = zeros_but(182, &[(181, 2), (180, 2), (178, 2), (176, 1), (163, 1)]);
    assert_eq!(got["heatmap"]["reviews"], json!(expected_heat));

    // Forecast: a3 and a4 overdue (today), a1 on 03-12; a2 after the 30 days;
    // a6 suspended.
    let forecast = got["forecast"].as_array().unwrap();
    assert_eq!(forecast.len(), 30);
    assert_eq!(forecast[0], json!({"date": "2026-03-10", "due": 2}));
    assert_eq!(forecast[2], json!({"date": "2026-03-12", "due": 1}));
    assert_eq!(forecast[29]["date"], "2026-04-08");
    let due: Vec<u64> = forecast
        .iter()
        .map(|d| d["due"].as_u64().unwrap())
        .collect();
    assert_eq!(due.iter().sum::<u64>(), 3);

    // Retention of review cards, 12 weeks of 7 days ending today. This week
    // (03-04..03-10): a1 Good, a3 Again, a2 Hard, a1 Good, a3 Good, a6 Good
    // (a4's first answer was a new card's): 5 of 6. Three weeks back
    // (02-18..02-24): a2 Again, 0 of 1.
    let weeks = got["retention"].as_array().unwrap();
    assert_eq!(weeks.len(), 12);
    assert_eq!(
        weeks[11],
        json!({"from": "2026-03-04", "reviews": 6, "passed": 5, "retention": 0.8333})
    );
    assert_eq!(
        weeks[9],
        json!({"from": "2026-02-18", "reviews": 1, "passed": 0, "retention": 0.0})
    );
    assert_eq!(weeks[0]["from"], "2025-12-17");
    for (i, w) in weeks.iter().enumerate() {
        if i != 9 && i != 11 {
            assert_eq!(w["reviews"], 0, "week {i}");
            assert_eq!(w["retention"], Value::Null, "week {i}");
        }
    }

    // Readiness, weakest first.
    // functions: a2 (1.0, mature, 1 lapse) and a5 (new): ready (1.0 + 0) / 2.
    // concurrency: a3 (0.9, 2 lapses), a4 (0.9): 0.9.
    // data-structures: a1 (0.9, mature), a2 (1.0, mature, 1), a6 (0.9, 3): 2.8 / 3.
    assert_eq!(
        got["topics"],
        json!([
            {"name": "functions", "title": "Functions", "total": 2, "seen": 1, "mature": 1,
             "mature_share": 0.5, "mean_retrievability": 1.0, "lapses": 1, "readiness": 0.5},
            {"name": "concurrency", "title": "Threads & processes", "total": 2, "seen": 2,
             "mature": 0, "mature_share": 0.0, "mean_retrievability": 0.9, "lapses": 2,
             "readiness": 0.9},
            {"name": "data-structures", "title": "Data structures", "total": 3, "seen": 3,
             "mature": 2, "mature_share": 0.6667, "mean_retrievability": 0.9333, "lapses": 4,
             "readiness": 0.9333},
        ])
    );
    // easy: a1 (0.9, mature), a5 (new): 0.45. hard: a3 (0.9, 2), a6 (0.9, 3):
    // 0.9. medium: a2 (1.0, mature, 1), a4 (0.9): 0.95.
    assert_eq!(
        got["difficulties"],
        json!([
            {"name": "easy", "title": "easy", "total": 2, "seen": 1, "mature": 1,
             "mature_share": 0.5, "mean_retrievability": 0.9, "lapses": 0, "readiness": 0.45},
            {"name": "hard", "title": "hard", "total": 2, "seen": 2, "mature": 0,
             "mature_share": 0.0, "mean_retrievability": 0.9, "lapses": 5, "readiness": 0.9},
            {"name": "medium", "title": "medium", "total": 2, "seen": 2, "mature": 1,
             "mature_share": 0.5, "mean_retrievability": 0.95, "lapses": 1, "readiness": 0.95},
        ])
    );
    // Practice: a5 Again, a1 Good. Interview: a2 nailed, a3 missed.
    assert_eq!(
        got["practice"],
        json!({"practice": 2, "practice_passed": 1, "interview": 2, "nailed": 1,
               "partial": 0, "missed": 1})
    );
}

#[test]
fn stats_follow_the_filters() {
    let dir = fixture();
    // Only the hard cards: a3 (relearning, due) and a6 (suspended).
    let got = stats(dir.path(), &["--difficulty", "hard"]);
    assert_eq!(got["counts"]["total"], 2);
    assert_eq!(got["counts"]["relearning"], 1);
    assert_eq!(got["counts"]["suspended"], 1);
    // Reviews of a3 (today, 03-07) and a6 (03-05).
    assert_eq!(got["today_reviews"], 1);
    assert_eq!(got["streak"], json!({"current": 1, "longest": 1}));
    assert_eq!(got["forecast"][0]["due"], 1);
    assert_eq!(got["practice"]["interview"], 1);
    assert_eq!(got["practice"]["missed"], 1);
}
