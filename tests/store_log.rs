//! The review log as the record of truth (reliability review F5, F6, F12;
//! walkthrough 1.1 is in progress_cli.rs): nothing a command does cuts or
//! rewrites history; a missing, older or damaged checkpoint is rebuilt from
//! the log; format 1 data directories read the same and migrate without
//! losing a line; the lock and the log never follow links.

mod common;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const NOW: &str = "2026-11-05T10:00:00Z";
const V1: &str = "tests/fixtures/store-v1";

fn pyquiz(dir: &Path, now: &str) -> Command {
    common::pyquiz(dir, now)
}

fn run(dir: &Path, now: &str, args: &[&str]) -> (i32, String, String) {
    let out = pyquiz(dir, now).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn json(dir: &Path, now: &str, args: &[&str]) -> Value {
    let (code, out, err) = run(dir, now, args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn v1_dir() -> TempDir {
    let tmp = TempDir::new().unwrap();
    for f in ["progress.json", "reviews.jsonl"] {
        std::fs::copy(Path::new(V1).join(f), tmp.path().join(f)).unwrap();
    }
    tmp
}

fn v1_ids() -> Vec<String> {
    let cards: Value =
        serde_json::from_slice(&read(&Path::new(V1).join("expected-cards.json"))).unwrap();
    cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn cards_now(dir: &Path) -> Vec<Value> {
    v1_ids()
        .iter()
        .map(|id| json(dir, NOW, &["card", "--json", id]))
        .collect()
}

fn lines(dir: &Path) -> Vec<Value> {
    String::from_utf8(read(&dir.join("reviews.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn a_format_1_directory_reads_exactly_as_it_did_and_migrates_without_losing_a_line() {
    let tmp = v1_dir();
    let dir = tmp.path();
    let expected_cards: Value =
        serde_json::from_slice(&read(&Path::new(V1).join("expected-cards.json"))).unwrap();
    let expected_due: Value =
        serde_json::from_slice(&read(&Path::new(V1).join("expected-due.json"))).unwrap();
    // Read by this version, before any write: what format 1's pyquiz printed.
    assert_eq!(Value::Array(cards_now(dir)), expected_cards);
    // (Format 1's pyquiz showed new cards in the files' order.) The cards
    // under study are exactly as they were; the new cards are the ones
    // format 1 showed that are still cards of their own (a question since
    // merged into another card's is that card), in its order, then the
    // next ones in the files' order.
    let mut due = json(dir, NOW, &["due", "--json", "--order", "source"]);
    let cards: Vec<String> = json(dir, NOW, &["list", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let is_new = |q: &Value| q["kind"] == "new";
    let split = |due: &Value| -> (Vec<Value>, Vec<String>) {
        let queue = due["queue"].as_array().unwrap();
        (
            queue.iter().filter(|q| !is_new(q)).cloned().collect(),
            queue
                .iter()
                .filter(|q| is_new(q))
                .map(|q| q["id"].as_str().unwrap().to_string())
                .collect(),
        )
    };
    let (studied, new) = split(&due);
    let (expected_studied, expected_new) = split(&expected_due);
    assert_eq!(studied, expected_studied);
    let kept: Vec<String> = expected_new
        .into_iter()
        .filter(|id| cards.contains(id))
        .collect();
    assert!(kept.len() >= 5, "{kept:?}");
    assert_eq!(new[..kept.len()], kept[..]);
    due["queue"] = Value::Null;
    // Added since the fixture was written: learning cards waiting on a
    // step later today (none here).
    assert_eq!(due["waiting"], 0);
    if let Some(fields) = due.as_object_mut() {
        fields.remove("waiting");
    }
    let mut expected_due = expected_due.clone();
    expected_due["queue"] = Value::Null;
    assert_eq!(due, expected_due);
    let old_log = read(&dir.join("reviews.jsonl"));
    let old_progress = read(&dir.join("progress.json"));
    // The first write migrates: both files copied aside, the old lines kept
    // byte for byte, the state carried into the log, then the change.
    let ids = v1_ids();
    let (code, _, err) = run(dir, NOW, &["grade", &ids[5], "good"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(read(&dir.join("progress.v1.json")), old_progress);
    assert_eq!(read(&dir.join("reviews.v1.jsonl")), old_log);
    let log = read(&dir.join("reviews.jsonl"));
    assert!(log.starts_with(&old_log), "no old line changed");
    let l = lines(dir);
    let new: Vec<&Value> = l[8..].iter().collect();
    assert_eq!(new[0]["event"], "baseline");
    assert_eq!(
        new[0]["state"]["settings"]["new_per_day"], 7,
        "settings kept"
    );
    assert_eq!(new.last().unwrap()["card"], ids[5].as_str());
    let p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    assert_eq!(p["version"], 2);
    // Every other card is as it was, and stays so when the checkpoint is
    // deleted and the state rebuilt from the log alone.
    let after: Vec<Value> = cards_now(dir);
    for (i, (a, e)) in after
        .iter()
        .zip(expected_cards.as_array().unwrap())
        .enumerate()
    {
        if i != 5 {
            assert_eq!(a["state"], e["state"], "{}", ids[i]);
            assert_eq!(a["history"], e["history"], "{}", ids[i]);
        }
    }
    std::fs::remove_file(dir.join("progress.json")).unwrap();
    let (code, _, err) = run(dir, NOW, &["due"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("was missing; the state was rebuilt"), "{err}");
    assert_eq!(cards_now(dir), after);
    // Suspended and buried cards came through the baseline.
    assert_eq!(after[3]["state"]["suspended"], true);
    assert!(after[4]["state"]["buried_until"].is_string());
}

/// F5 (a): a progress.json of `{"version": 1}` emptied the whole log at
/// the first writing command.
#[test]
fn a_format_1_progress_file_that_records_nothing_no_longer_empties_the_log() {
    let tmp = v1_dir();
    let dir = tmp.path();
    std::fs::write(dir.join("progress.json"), "{\"version\": 1}").unwrap();
    let log = read(&dir.join("reviews.jsonl"));
    let (code, _, err) = run(dir, NOW, &["suspend", &v1_ids()[0]]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("8 answers"), "says what it applied: {err}");
    assert!(read(&dir.join("reviews.jsonl")).starts_with(&log));
    // The answers the log holds are history again.
    let card = json(dir, NOW, &["card", "--json", &v1_ids()[1]]);
    assert_eq!(card["history"].as_array().unwrap().len(), 3);
    assert_eq!(card["state"]["phase"], "review");
}

/// F5 (b): restoring an older progress.json (as pyquiz's own advice said)
/// deleted every newer review.
#[test]
fn an_older_checkpoint_is_rolled_forward_never_cut() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let ids = v1_ids();
    for (i, at) in ["09:00", "09:05", "09:10"].iter().enumerate() {
        let now = format!("2026-11-05T{at}:00Z");
        assert_eq!(run(dir, &now, &["grade", &ids[i], "good"]).0, 0);
    }
    let old = read(&dir.join("progress.json"));
    for (i, at) in ["09:20", "09:25", "09:30", "09:35"].iter().enumerate() {
        let now = format!("2026-11-05T{at}:00Z");
        assert_eq!(run(dir, &now, &["grade", &ids[i + 2], "easy"]).0, 0);
    }
    let log = read(&dir.join("reviews.jsonl"));
    let expected = cards_now(dir);
    std::fs::write(dir.join("progress.json"), &old).unwrap();
    // read-only and writing commands alike see every review
    assert_eq!(cards_now(dir), expected);
    let (code, out, err) = run(dir, NOW, &["optimize"]);
    assert!(code <= 1, "{out}{err}");
    assert!(
        read(&dir.join("reviews.jsonl")).starts_with(&log),
        "nothing cut"
    );
    assert_eq!(cards_now(dir), expected);
}

/// F5 (c): a format 1 mark inside a line cut the log mid-line and made it
/// unreadable for good.
#[test]
fn a_mark_inside_a_line_rebuilds_from_the_log_and_cuts_nothing() {
    let tmp = v1_dir();
    let dir = tmp.path();
    let mut p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    p["review_log"]["bytes"] = 1000.into();
    std::fs::write(dir.join("progress.json"), p.to_string()).unwrap();
    let log = read(&dir.join("reviews.jsonl"));
    let (code, _, err) = run(dir, NOW, &["grade", &v1_ids()[2], "good"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("inside a line"), "{err}");
    assert!(read(&dir.join("reviews.jsonl")).starts_with(&log));
    for args in [
        vec!["stats", "--json"],
        vec!["card", "--json", &v1_ids()[0]],
    ] {
        let (code, _, err) = run(dir, NOW, &args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    // F12: an undo mark beyond the log no longer bricks every command.
    p["review_log"]["bytes"] = 1_000_000_000u64.into();
    std::fs::write(dir.join("progress.json"), p.to_string()).unwrap();
    let (code, _, err) = run(dir, NOW, &["due"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn only_a_torn_final_line_is_ever_dropped_and_a_damaged_line_is_reported_then_recovered() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path();
    let ids = v1_ids();
    for (i, id) in ids.iter().take(3).enumerate() {
        let now = format!("2026-11-05T09:0{i}:00Z");
        assert_eq!(run(dir, &now, &["grade", id, "good"]).0, 0);
    }
    let path = dir.join("reviews.jsonl");
    let good = read(&path);
    // A crash cut the last line short: readers ignore it, a writer drops
    // exactly those bytes before appending.
    let mut torn = good.clone();
    torn.extend_from_slice(b"{\"card\":\"x\",\"ti");
    std::fs::write(&path, &torn).unwrap();
    assert_eq!(run(dir, NOW, &["due"]).0, 0);
    assert_eq!(read(&path), torn, "a reader changes nothing");
    assert_eq!(run(dir, NOW, &["grade", &ids[3], "good"]).0, 0);
    let after = read(&path);
    assert!(after.starts_with(&good));
    assert!(!String::from_utf8_lossy(&after).contains("\"ti{"));
    assert_eq!(
        lines(dir).len(),
        good.iter().filter(|&&b| b == b'\n').count() + 1
    );
    // A damaged line in the middle: every command says where and what to
    // do, and nothing is cut or written.
    let text = String::from_utf8(after.clone()).unwrap();
    let mut ls: Vec<&str> = text.lines().collect();
    let damaged_line = 2; // 1-based
    let broken = ls[damaged_line - 1].replacen("\"grade\":\"good\"", "\"grade\":\"go", 1);
    ls[damaged_line - 1] = &broken;
    let damaged = ls.join("\n") + "\n";
    std::fs::write(&path, &damaged).unwrap();
    std::fs::remove_file(dir.join("progress.json")).unwrap();
    for args in [
        vec!["due"],
        vec!["stats", "--json"],
        vec!["grade", &ids[4], "good"],
        vec!["undo"],
    ] {
        let (code, _, err) = run(dir, NOW, &args);
        assert_eq!(code, 1, "{args:?}");
        assert!(
            err.contains(&format!("reviews.jsonl:{damaged_line}:")),
            "{err}"
        );
        assert!(err.contains("pyquiz recover"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(read(&path), damaged.as_bytes(), "{args:?} changed the log");
    }
    let (code, out, err) = run(dir, NOW, &["recover"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("line 2"), "{out}");
    let copies: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("before-recover"))
        .collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(read(&copies[0].path()), damaged.as_bytes());
    let l = lines(dir);
    assert_eq!(l[1]["event"], "damaged");
    assert!(l[1]["text"].as_str().unwrap().contains("\"grade\":\"go"));
    assert_eq!(l.len(), damaged.lines().count(), "every other line kept");
    assert_eq!(run(dir, NOW, &["grade", &ids[4], "good"]).0, 0);
    let (_, out, _) = run(dir, NOW, &["recover"]);
    assert!(out.contains("no damaged line"), "{out}");
}

/// F6: a symlinked lock file or log had its target overwritten.
#[cfg(unix)]
#[test]
fn the_lock_and_the_log_never_follow_a_symbolic_link() {
    let ids = v1_ids();
    for name in ["progress.lock", "reviews.jsonl"] {
        let tmp = TempDir::new().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        let victim = tmp.path().join("victim");
        std::fs::write(&victim, "keep-me\n").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join(name)).unwrap();
        let (code, _, err) = run(&dir, NOW, &["grade", &ids[0], "good"]);
        assert_eq!(code, 1, "{name}: {err}");
        assert!(err.contains("is a symbolic link"), "{err}");
        assert!(err.contains(name), "{err}");
        assert_eq!(read(&victim), b"keep-me\n", "{name}: target untouched");
    }
    // A log that is a directory or a FIFO is named for what it is.
    let tmp = TempDir::new().unwrap();
    std::fs::create_dir(tmp.path().join("reviews.jsonl")).unwrap();
    let (code, _, err) = run(tmp.path(), NOW, &["due"]);
    assert_eq!(code, 1);
    assert!(err.contains("is a directory, not a regular file"), "{err}");
    let tmp = TempDir::new().unwrap();
    let fifo = tmp.path().join("reviews.jsonl");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let (code, _, err) = run(tmp.path(), NOW, &["grade", &ids[0], "good"]);
    assert_eq!(code, 1);
    assert!(err.contains("is a FIFO"), "{err}");
}

/// F12: hostile but well-formed values were accepted silently, or made
/// every command fail without naming the file or the fix.
#[test]
fn hostile_values_are_clamped_with_a_note_naming_the_file_the_field_and_the_fix() {
    let tmp = v1_dir();
    let dir = tmp.path();
    let ids = v1_ids();
    let mut p: Value = serde_json::from_slice(&read(&dir.join("progress.json"))).unwrap();
    p["settings"]["desired_retention"] = 5.0.into();
    p["settings"]["parameters"] = serde_json::json!([0.1, 0.2, 0.3]);
    p["cards"][&ids[0]]["stability"] = 1e308.into();
    p["cards"][&ids[1]]["difficulty"] = 1e38.into();
    p["cards"][&ids[1]]["reps"] = u32::MAX.into();
    p["today"]["new"] = u32::MAX.into();
    std::fs::write(dir.join("progress.json"), p.to_string()).unwrap();
    // Noted at every start until something is written; the first write
    // (which migrates this format 1 directory) carries the clamped values.
    for args in [vec!["due"], vec!["grade", &ids[1], "good"]] {
        let (code, _, err) = run(dir, NOW, &args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            err.contains("progress.json: settings.desired_retention is 5"),
            "{err}"
        );
        assert!(err.contains("pyquiz config desired-retention"), "{err}");
        assert!(err.contains("settings.parameters is 3 values"), "{err}");
        assert!(err.contains("pyquiz optimize"), "{err}");
        assert!(err.contains("(and 1 more cards)"), "{err}");
    }
    let card = json(dir, NOW, &["card", "--json", &ids[0]]);
    let s = card["state"]["stability"].as_f64().unwrap();
    assert!((36_000.0..=36_500.0).contains(&s), "{s}");
    let (code, _, err) = run(dir, NOW, &["undo"]);
    assert_eq!((code, err.as_str()), (0, ""));
    // The same value from the log itself (a hand-edited settings event) is
    // noted at every start until the fix the note names is run.
    let mut log = read(&dir.join("reviews.jsonl"));
    log.extend_from_slice(
        b"{\"event\":\"settings\",\"time\":\"2026-11-05T10:00:00Z\",\"settings\":{\"desired_retention\":5.0,\"new_per_day\":7,\"reviews_per_day\":200}}\n",
    );
    std::fs::write(dir.join("reviews.jsonl"), &log).unwrap();
    for _ in 0..2 {
        let (code, _, err) = run(dir, NOW, &["due"]);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("settings.desired_retention is 5"), "{err}");
    }
    assert_eq!(run(dir, NOW, &["config", "desired-retention", "0.9"]).0, 0);
    let (_, _, err) = run(dir, NOW, &["due"]);
    assert_eq!(err, "");
}

/// One answer line as pyquiz writes it (about 330 bytes), `day` left out
/// as format 1 did when `day` is `None`.
fn answer_line(card: &str, k: usize, kind: &str, mark: Option<&str>, day: Option<&str>) -> String {
    let grade = ["again", "hard", "good", "easy"][k % 4];
    let phase = if k.is_multiple_of(3) { "new" } else { "review" };
    let day_field = day.map_or(String::new(), |d| format!(",\"day\":\"{d}\""));
    let mark_field = mark.map_or(String::new(), |m| {
        format!(",\"mark\":\"{m}\",\"seconds\":40")
    });
    let date = day.unwrap_or("2026-10-01");
    format!(
        "{{\"card\":\"{card}\",\"time\":\"{date}T10:{:02}:00Z\",\"kind\":\"{kind}\",\"grade\":\"{grade}\"{mark_field},\"elapsed_days\":3{day_field},\"before\":{{\"phase\":\"{phase}\",\"stability\":3.25,\"difficulty\":5.5,\"due\":\"{date}T04:00:00Z\"}},\"after\":{{\"phase\":\"review\",\"stability\":7.5,\"difficulty\":5.25,\"due\":\"2026-11-20T04:00:00Z\",\"interval_days\":9,\"reps\":3,\"lapses\":0}}}}\n",
        k % 60
    )
}

/// The answer index (what the statistics read of each answer, cached for
/// logs over 4 MB) never changes what they say: built, read back, a log
/// grown a little (its tail decoded) or a lot (the index brought up to
/// date), answers undone after it was made, a damaged index, and a log
/// restored from an older copy all give what reading the log directly
/// gives.
#[test]
fn the_answer_index_never_changes_the_statistics() {
    let tmp = TempDir::new().unwrap();
    let data = tmp.path().join("data");
    let cache = tmp.path().join("cache");
    std::fs::create_dir_all(&data).unwrap();
    let list = json(&data, NOW, &["list", "--json"]);
    let ids: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .take(300)
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    let mut log = String::new();
    let mut seq = 0usize;
    let mut add = |log: &mut String, k: usize| {
        let card = &ids[k % ids.len()];
        let day = format!("2026-{:02}-{:02}", 9 + (k / 6000) % 2, 1 + (k / 250) % 28);
        let line = match k % 11 {
            0 => answer_line(card, k, "practice", None, Some(&day)),
            1 => answer_line(
                card,
                k,
                "interview",
                Some(["nailed", "partial", "missed", "odd"][k % 4]),
                Some(&day),
            ),
            // Format 1 lines carry no study day.
            2 => answer_line(card, k, "review", None, None),
            _ => answer_line(card, k, "review", None, Some(&day)),
        };
        log.push_str(&line);
        seq += 1;
        if k % 500 == 7 {
            log.push_str(&format!(
                "{{\"event\":\"undo\",\"time\":\"2026-10-02T10:00:00Z\",\"target\":{}}}\n",
                seq - 5
            ));
            seq += 1;
        }
    };
    let mut k = 0;
    while log.len() < 5 << 20 {
        add(&mut log, k);
        k += 1;
    }
    let log_path = data.join("reviews.jsonl");
    std::fs::write(&log_path, &log).unwrap();
    let stats = |cache_dir: &Path, args: &[&str]| -> Value {
        let mut cmd = pyquiz(&data, NOW);
        cmd.env("PYQUIZ_CACHE_DIR", cache_dir)
            .args(["stats", "--json"])
            .args(args);
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let direct = |args: &[&str]| stats(Path::new(""), args);
    let index_file = || -> Vec<u8> {
        let files: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().collect();
        assert_eq!(files.len(), 1, "one index file");
        read(&files[0].path())
    };
    // A writer makes the checkpoint (with the undone events) once.
    assert_eq!(run(&data, NOW, &["config"]).0, 0);
    let expected = direct(&[]);
    assert!(expected["practice"]["interview"].as_u64().unwrap() > 100);
    assert_eq!(stats(&cache, &[]), expected, "index built");
    let built = index_file();
    assert_eq!(stats(&cache, &[]), expected, "index read");
    for filter in [&["--difficulty", "easy"][..], &["--topic", "decorators"]] {
        assert_eq!(stats(&cache, filter), direct(filter), "{filter:?}");
    }
    // Grown a little: the tail is decoded, the index stays as it was.
    let before_growth = read(&log_path);
    let (code, _, err) = run(&data, NOW, &["grade", &ids[3], "good"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stats(&cache, &[]), direct(&[]));
    assert_eq!(index_file(), built);
    // An answer the index holds is undone after it was made.
    let mut more = String::new();
    more.push_str("{\"event\":\"undo\",\"time\":\"2026-10-02T10:00:00Z\",\"target\":20}\n");
    // Grown a lot: the index is brought up to date.
    while more.len() < 2 << 20 {
        add(&mut more, k);
        k += 1;
    }
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&log_path)
        .unwrap();
    std::io::Write::write_all(&mut file, more.as_bytes()).unwrap();
    drop(file);
    assert_eq!(run(&data, NOW, &["config"]).0, 0);
    let grown = direct(&[]);
    assert_ne!(grown, expected);
    assert_eq!(stats(&cache, &[]), grown);
    assert_ne!(index_file(), built, "index brought up to date");
    assert_eq!(stats(&cache, &[]), grown);
    // A damaged index is ignored and made again.
    let files: Vec<_> = std::fs::read_dir(&cache).unwrap().flatten().collect();
    let index_path = files[0].path();
    let good = read(&index_path);
    std::fs::write(&index_path, &good[..good.len() / 3]).unwrap();
    assert_eq!(stats(&cache, &[]), grown);
    let mut garbled = good.clone();
    for b in garbled.iter_mut().skip(good.len() / 2).step_by(4099) {
        *b ^= 0x5a;
    }
    std::fs::write(&index_path, &garbled).unwrap();
    assert_eq!(stats(&cache, &[]), grown);
    // The log restored from an older copy (the index covers more than it
    // now holds): ignored.
    std::fs::write(&log_path, &before_growth).unwrap();
    std::fs::remove_file(data.join("progress.json")).unwrap();
    assert_eq!(run(&data, NOW, &["config"]).0, 0);
    assert_eq!(stats(&cache, &[]), expected);
    assert_eq!(stats(&cache, &[]), direct(&[]));
}
