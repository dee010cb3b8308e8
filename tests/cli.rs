//! The command line, run as a real process.

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

mod common;

fn pyquiz() -> Command {
    let mut cmd = Command::cargo_bin("pyquiz").unwrap();
    cmd.env_remove("COLUMNS");
    cmd
}

fn json_of(args: &[&str]) -> Vec<Value> {
    match common::json_output(pyquiz().args(args)) {
        Value::Array(items) => items,
        other => panic!("not a JSON array: {other}"),
    }
}

#[test]
fn list_prints_a_table_cut_to_the_width() {
    let out = pyquiz()
        .args(["list", "--no-merge"])
        .env("COLUMNS", "72")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 856, "header + 855 answered questions");
    assert!(
        lines[0].starts_with("ID")
            && lines[0].contains("LEVEL")
            && lines[0].contains("TOPICS")
            && lines[0].ends_with("QUESTION")
    );
    for l in &lines {
        assert!(
            unicode_width::UnicodeWidthStr::width(*l) <= 72,
            "too wide: {l}"
        );
    }
    assert!(
        lines.iter().any(|l| l.ends_with('…')),
        "long questions are cut"
    );
    assert!(
        lines[1].contains("medium") && lines[1].contains("How do you optimize memory usage"),
        "{}",
        lines[1]
    );
}

#[test]
fn list_without_a_width_prints_whole_lines_and_says_when_nothing_matches() {
    // Piped, no $COLUMNS: nothing is cut, topics included.
    let out = pyquiz()
        .args(["list"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let records = json_of(&["list", "--json"]);
    let mut long_topics = 0;
    for r in &records {
        let topics: Vec<&str> = r["topics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap())
            .collect();
        let topics = topics.join(",");
        let question = r["question"].as_str().unwrap().replace('\n', " ");
        let id = r["id"].as_str().unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} not listed"));
        assert!(line.contains(&format!(" {topics} ")), "{line}");
        assert!(line.ends_with(question.trim()), "{line}");
        long_topics += usize::from(topics.chars().count() > 26);
    }
    assert!(long_topics > 10, "{long_topics}");
    pyquiz()
        .args(["list", "--search", "zzzzqqq"])
        .assert()
        .success()
        .stdout("No question matches the filters.\n");
}

#[test]
fn list_json_has_exactly_the_record_fields() {
    let records = json_of(&["list", "--json", "--no-merge"]);
    assert_eq!(records.len(), 855);
    let unclustered = records.iter().find(|r| r.get("cluster").is_none()).unwrap();
    let fields: Vec<&str> = unclustered
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "id",
        "source",
        "question",
        "answer",
        "has_answer",
        "has_code",
        "difficulty",
        "difficulty_source",
        "topics",
        "section",
        "tags",
        "asked_by",
    ];
    let mut got = fields.clone();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected);
    // A question several sources ask names its cluster; merged, the card
    // also lists its members.
    let clustered = records.iter().find(|r| r.get("cluster").is_some()).unwrap();
    assert_eq!(clustered.as_object().unwrap().len(), expected.len() + 1);
    let merged = json_of(&["list", "--json"]);
    let card = merged.iter().find(|r| r.get("members").is_some()).unwrap();
    assert_eq!(card.as_object().unwrap().len(), expected.len() + 2);
    assert!(card["cluster"].as_str().unwrap().starts_with('c'));
    assert_eq!(
        json_of(&["list", "--json", "--include-unanswered", "--no-merge"]).len(),
        1005
    );
    for r in &records {
        assert!(["easy", "medium", "hard"].contains(&r["difficulty"].as_str().unwrap()));
        assert!(
            ["labeled", "cluster", "inferred"].contains(&r["difficulty_source"].as_str().unwrap())
        );
        assert!(!r["topics"].as_array().unwrap().is_empty());
    }
}

#[test]
fn filters_narrow_the_list() {
    let all = json_of(&["list", "--json"]);
    let easy_medium = json_of(&["list", "--json", "--difficulty", "easy,MEDIUM"]);
    let expected = all.iter().filter(|r| r["difficulty"] != "hard").count();
    assert_eq!(easy_medium.len(), expected);
    assert!(expected > 0 && expected < all.len());

    let conc = json_of(&["list", "--json", "--topic", "conc"]);
    assert!(!conc.is_empty());
    assert!(conc.iter().all(|r| {
        r["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "concurrency")
    }));
    let two = json_of(&[
        "list",
        "--json",
        "--topic",
        "CONCURRENCY",
        "--topic",
        "async",
    ]);
    assert!(two.len() > conc.len());

    let company = json_of(&[
        "list",
        "--json",
        "--source",
        "company-interview-questions",
        "--include-unanswered",
    ]);
    // 199 questions; two it asks twice (copy vs deepcopy, staticmethod vs
    // classmethod) are one card each (issue 15 §4).
    assert_eq!(company.len(), 197);
    let by_prefix = json_of(&["list", "--json", "--source", "company"]);
    assert_eq!(by_prefix.len(), 47);

    // What the GIL is (asked seven times), getting past it for CPU-bound
    // work, its effect on concurrency, and on FastAPI apps: four cards.
    let gil = json_of(&["list", "--json", "--search", "global interpreter lock"]);
    assert_eq!(gil.len(), 4);
    for r in &gil {
        let text = format!("{} {}", r["question"], r["answer"]).to_lowercase();
        assert!(text.contains("global interpreter lock"));
    }
    // Inline code marks do not count, either way round.
    let question = "How do you use `__slots__` to optimize memory?";
    for needle in ["use __slots__ to optimize", "use `__slots__` to optimize"] {
        let found = json_of(&["list", "--json", "--no-merge", "--search", needle]);
        assert!(
            found.iter().any(|r| r["question"] == question),
            "{needle}: {found:?}"
        );
    }
}

#[test]
fn unknown_topic_is_a_usage_error_with_a_suggestion() {
    pyquiz()
        .args(["list", "--topic", "concurency"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown topic 'concurency' (did you mean 'concurrency'?)",
        ))
        .stderr(predicate::str::contains(
            "valid topics: basics, data-structures",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn unknown_or_ambiguous_values_exit_2() {
    pyquiz()
        .args(["list", "--difficulty", "hrad"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("did you mean 'hard'?").and(predicate::str::contains(
                "valid difficulties: easy, medium, hard",
            )),
        );
    // An empty value is not "any": it is refused, with what it takes.
    for (flag, message) in [
        ("--topic", "--topic needs a value; valid topics: basics,"),
        (
            "--difficulty",
            "--difficulty needs a value; valid difficulties: easy, medium, hard",
        ),
        ("--source", "--source needs a value; valid sources: "),
        ("--search", "--search needs some text to look for"),
    ] {
        for value in ["", " ", ","] {
            if flag == "--search" && value == "," {
                continue;
            }
            pyquiz()
                .args(["list", flag, value])
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::contains(message));
        }
    }
    // A trailing comma among values is fine.
    pyquiz()
        .args(["list", "--difficulty", "easy,", "--topic", "oop,async"])
        .assert()
        .success();
    pyquiz()
        .args(["list", "--topic", "data"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ambiguous"));
    pyquiz()
        .args(["topics", "--source", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown source"));
    pyquiz().args(["list", "--no-such-flag"]).assert().code(2);
}

#[test]
fn topics_counts_per_difficulty() {
    let out = pyquiz()
        .args(["topics", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let topics: Vec<Value> = serde_json::from_slice(&out).unwrap();
    assert!((20..=26).contains(&topics.len()));
    for t in &topics {
        let sum = t["easy"].as_u64().unwrap()
            + t["medium"].as_u64().unwrap()
            + t["hard"].as_u64().unwrap();
        assert_eq!(sum, t["total"].as_u64().unwrap());
        assert!(
            t["total"].as_u64().unwrap() * 3 <= 855,
            "{} holds over a third",
            t["topic"]
        );
    }
    let concurrency = topics.iter().find(|t| t["topic"] == "concurrency").unwrap();
    let listed = json_of(&["list", "--json", "--topic", "concurrency"]).len() as u64;
    assert_eq!(concurrency["total"].as_u64().unwrap(), listed);

    pyquiz()
        .args(["topics"])
        .assert()
        .success()
        .stdout(predicate::str::contains("TOPIC").and(predicate::str::contains("concurrency")));
}

#[test]
fn output_closed_early_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("pyquiz");
    let mut child = StdCommand::new(bin)
        .arg("list")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, as `head -1` would.
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("ID"));
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn export_into_a_closed_pipe_is_not_an_error() {
    for format in ["anki", "csv", "json", "markdown"] {
        let bin = assert_cmd::cargo::cargo_bin("pyquiz");
        let mut child = StdCommand::new(bin)
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(!first.is_empty(), "{format}");
        assert!(out.status.success(), "{format}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

const USER_DECK: &str = "# My deck\n\n### Q1: What does `zip` return?\n\n**Difficulty**: Beginner\n\nAn iterator of tuples.\n\n```python\nlist(zip([1], [2]))\n```\n";

#[test]
fn user_decks_add_to_or_replace_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("mine.md");
    std::fs::write(&deck, USER_DECK).unwrap();
    let d = deck.to_str().unwrap();
    let only = json_of(&["list", "--json", "--no-default-content", "--content", d]);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["question"], "What does `zip` return?");
    assert_eq!(only[0]["source"], "mine.md");
    assert_eq!(only[0]["difficulty"], "easy");
    assert_eq!(
        json_of(&["list", "--json", "--content", d]).len(),
        json_of(&["list", "--json"]).len() + 1
    );

    // A directory: decks load, a README is reported on stderr and skipped.
    std::fs::write(
        dir.path().join("README.md"),
        "# Notes\n\nNothing to study here.\n",
    )
    .unwrap();
    pyquiz()
        .args([
            "list",
            "--json",
            "--no-default-content",
            "--content",
            dir.path().to_str().unwrap(),
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "README.md: no question was recognized; skipped",
        ));
}

#[test]
fn a_file_with_no_questions_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "# Notes\n\nJust prose, no questions.\n").unwrap();
    pyquiz()
        .args(["list", "--content", notes.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "notes.md:1: no question was recognized (layouts tried: question-headings,",
        ));
}

#[test]
fn a_non_utf8_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.md");
    std::fs::write(&bad, b"### Q1: Caf\xe9?\n\nAnswer.\n").unwrap();
    pyquiz()
        .args(["list", "--content", bad.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.md:1: not valid UTF-8"));
    pyquiz()
        .args(["list", "--content", "/definitely/not/here.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("/definitely/not/here.md:"));
}

#[test]
fn works_from_any_directory() {
    let dir = tempfile::tempdir().unwrap();
    pyquiz()
        .current_dir(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "855 answered questions (150 prompt-only) from 5 sources",
        ));
}

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    for shell in ["bash", "zsh", "fish"] {
        let out = pyquiz().args(["completions", shell]).assert().success();
        let script = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        for word in ["grade", "suspend", "topic", "data-dir", "never"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    // the bash script is valid bash
    let out = pyquiz().args(["completions", "bash"]).assert().success();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pyquiz.bash");
    std::fs::write(&path, &out.get_output().stdout).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    pyquiz()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH pyquiz 1"))
        .stdout(predicate::str::contains("Drill Python interview questions"))
        .stdout(predicate::str::contains("\\-\\-data\\-dir"));
    pyquiz().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn global_options_go_before_the_command_and_study_options_do_not() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let id = json_of(&["list", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .args(["--data-dir", d, "grade", &id, "good"])
        .assert()
        .success();
    pyquiz()
        .args(["--topic", "decorators", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--topic is a study-session option; with a command, put filters after the command",
        ));
}

#[test]
fn export_json_and_csv_carry_records_and_progress() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let records = json_of(&["list", "--json", "--no-merge"]);
    let graded = records[1]["id"].as_str().unwrap().to_string();
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .args(["--data-dir", d, "grade", &graded, "easy"])
        .assert()
        .success();

    // JSON to a file: the records as `list --json` has them, plus progress.
    let file = data.path().join("deck.json");
    pyquiz()
        .args(["--data-dir", d, "export", "--format", "json", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    let exported: Vec<Value> = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(exported.len(), records.len());
    for (e, r) in exported.iter().zip(&records) {
        for (key, value) in r.as_object().unwrap() {
            assert_eq!(&e[key], value, "{key} of {}", r["id"]);
        }
        let progress = &e["progress"];
        if r["id"] == graded.as_str() {
            assert_eq!(progress["phase"], "review");
            assert_eq!(progress["reps"], 1);
        } else {
            assert!(progress.is_null());
        }
    }

    // CSV on stdout, filtered: parses back with answers (multi-line, with
    // commas and quotes) intact.
    let out = pyquiz()
        .args([
            "--data-dir",
            d,
            "export",
            "--format",
            "csv",
            "--difficulty",
            "hard",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    assert_eq!(&header[8], "state");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let hard: Vec<&Value> = records
        .iter()
        .filter(|r| r["difficulty"] == "hard")
        .collect();
    assert_eq!(rows.len(), hard.len());
    for (row, r) in rows.iter().zip(&hard) {
        assert_eq!(&row[0], r["id"].as_str().unwrap());
        assert_eq!(&row[5], r["answer"].as_str().unwrap());
        assert_eq!(&row[8], "new");
    }
    assert!(
        rows.iter()
            .any(|row| row[5].contains('\n') && row[5].contains(','))
    );
}

#[test]
fn markdown_export_reimports_to_identical_records() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("deck.md");
    pyquiz()
        .args([
            "export",
            "--format",
            "markdown",
            "--include-unanswered",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("<!-- pyquiz deck v1 -->\n# Python interview questions\n"));
    let original = json_of(&["list", "--json", "--include-unanswered"]);
    let back = json_of(&[
        "--no-default-content",
        "--content",
        file.to_str().unwrap(),
        "list",
        "--json",
        "--include-unanswered",
    ]);
    assert_eq!(
        original.len(),
        json_of(&["list", "--json", "--include-unanswered", "--no-merge"]).len()
            - original
                .iter()
                .map(|r| r["members"].as_array().map_or(0, |m| m.len() - 1))
                .sum::<usize>()
    );
    assert_eq!(back, original);
    // Filters on the re-imported deck see the cards' own sources.
    let company = json_of(&[
        "--no-default-content",
        "--content",
        file.to_str().unwrap(),
        "list",
        "--json",
        "--source",
        "company",
    ]);
    assert_eq!(company, json_of(&["list", "--json", "--source", "company"]));
    // Together with the default deck it is the same cards twice: refused.
    pyquiz()
        .args(["--content", file.to_str().unwrap(), "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("same id"));
}

#[test]
fn anki_export_has_anki_headers_and_html_fields() {
    let out = pyquiz()
        .args(["export", "--format", "anki", "--topic", "async"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let headers: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(
        headers,
        [
            "#separator:tab",
            "#html:true",
            "#notetype:Basic",
            "#deck:pyquiz::Python interview",
            "#columns:GUID\tFront\tBack\tTags",
            "#guid column:1",
            "#tags column:4",
        ]
    );
    let body: String = text
        .lines()
        .skip(headers.len())
        .map(|l| format!("{l}\n"))
        .collect();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .from_reader(body.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Exports are of every source's questions (`list --no-merge`).
    let records = json_of(&["list", "--json", "--topic", "async", "--no-merge"]);
    assert_eq!(rows.len(), records.len());
    let mut with_code = 0;
    for (row, r) in rows.iter().zip(&records) {
        assert_eq!(&row[0], r["id"].as_str().unwrap());
        assert!(row[1].starts_with("<p>"), "{}", &row[1]);
        let tags: Vec<&str> = row[3].split(' ').collect();
        assert!(tags.contains(&"pyquiz::topic::async"), "{tags:?}");
        let level = format!("pyquiz::difficulty::{}", r["difficulty"].as_str().unwrap());
        assert!(tags.contains(&level.as_str()));
        if r["has_code"] == true {
            with_code += 1;
            assert!(
                row[2].contains("<pre><code class=\"language-"),
                "{}",
                &row[2]
            );
        }
    }
    assert!(with_code > 0);
    // Another deck name.
    pyquiz()
        .args(["export", "--format", "anki", "--deck", "Work::Python"])
        .assert()
        .success()
        .stdout(predicate::str::contains("#deck:Work::Python\n"));
}

#[test]
fn plan_spreads_new_cards_before_the_exam_and_can_be_accepted() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let async_cards = json_of(&["list", "--json", "--topic", "async"]).len() as u64;
    let out = pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .env("TZ", "UTC")
        .args([
            "--data-dir",
            d,
            "plan",
            "--exam",
            "2026-03-12",
            "--topic",
            "async",
            "--json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let plan: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(plan["days"], 10);
    assert_eq!(plan["remaining_new"], async_cards);
    assert_eq!(plan["new_per_day"], async_cards.div_ceil(10));
    assert_eq!(plan["on_track"], true);
    // Every card, over two days (one card per question several sources ask).
    let per_day = json_of(&["list", "--json"]).len().div_ceil(2);
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .args(["--data-dir", d, "plan", "--exam", "2026-03-04", "--accept"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "needed: {per_day} new cards a day"
        )))
        .stdout(predicate::str::contains(format!(
            "new-per-day = {per_day} (was 20; `pyquiz undo` takes it back)"
        )));
    pyquiz()
        .args(["--data-dir", d, "config", "new-per-day"])
        .assert()
        .success()
        .stdout(format!("{per_day}\n"));
    // Undone, the limit is 20 again.
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:05:00Z")
        .args(["--data-dir", d, "undo"])
        .assert()
        .success()
        .stdout(format!(
            "Undid the settings change from 09:00 today: new-per-day {per_day} → 20.\n"
        ));
    let limit = || {
        pyquiz()
            .args(["--data-dir", d, "config", "new-per-day"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(limit(), b"20\n");
    // A narrow selection's smaller count does not lower the limit every
    // selection shares; it says so and changes nothing.
    let narrow = async_cards.div_ceil(10);
    assert!(narrow < 20);
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .env("TZ", "UTC")
        .args([
            "--data-dir", d, "plan", "--exam", "2026-03-12", "--topic", "async", "--accept",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "new-per-day stays 20: it is shared by every selection, and this selection needs only {narrow} a day"
        )));
    assert_eq!(limit(), b"20\n");
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:10:00Z")
        .args(["--data-dir", d, "undo"])
        .assert()
        .success()
        .stdout("Nothing to undo.\n");
    // For the whole bank the plan's count is the limit, lower or not (the
    // bank's prompt-only questions are not a filter).
    let slow = json_of(&["list", "--json"]).len().div_ceil(365);
    assert!(slow < 20);
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .env("TZ", "UTC")
        .args(["--data-dir", d, "plan", "--exam", "2027-03-02", "--accept"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "new-per-day = {slow} (was 20; `pyquiz undo` takes it back)"
        )));
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .args(["--data-dir", d, "plan", "--exam", "yesterday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    // A date that is not ahead is a bad value too (exit 2, as documented).
    pyquiz()
        .env("PYQUIZ_NOW", "2026-03-02T09:00:00Z")
        .env("TZ", "UTC")
        .args(["--data-dir", d, "plan", "--exam", "2026-02-15"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not after today (2026-03-02)"));
}

#[test]
fn messages_at_the_edge_say_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path();
    // A part of an id too short to look up says so (walkthrough 3.10).
    pyquiz()
        .args(["--data-dir", dir.to_str().unwrap(), "card", "a7"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at least 4 characters"));
    // A Latin-1 file: the summary names the real cause.
    let latin1 = dir.join("latin1.md");
    std::fs::write(&latin1, b"Q: caf\xe9?\nA: yes\n").unwrap();
    pyquiz()
        .arg("check")
        .arg(&latin1)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "1 of 1 files could not be read as text",
        ))
        .stderr(predicate::str::contains("no question was recognized").not());
    // pyquiz's own format has no description to put after a colon
    // (walkthrough 4.4).
    let deck = dir.join("deck.md");
    pyquiz()
        .args([
            "--data-dir",
            dir.to_str().unwrap(),
            "export",
            "--format",
            "markdown",
            "-o",
        ])
        .arg(&deck)
        .assert()
        .success();
    pyquiz()
        .arg("check")
        .arg(&deck)
        .assert()
        .success()
        .stdout(predicate::str::contains("(pyquiz's own deck format)\n"));
    // With PYQUIZ_DATA_DIR set, the usage line does not make --data-dir
    // look required (walkthrough 4.2), and the directory is used.
    pyquiz()
        .env("PYQUIZ_DATA_DIR", dir)
        .arg("grade")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: pyquiz grade <ID> <GRADE>"));
}

#[cfg(unix)]
#[test]
fn an_export_is_created_as_the_umask_says_and_a_bad_path_is_named_as_given() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("deck.csv");
    let bin = assert_cmd::cargo::cargo_bin("pyquiz");
    let status = StdCommand::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" --data-dir \"$1\" export --format csv -o \"$2\"")
        .arg(&bin)
        .arg(data.path())
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "{mode:o}");
    let missing = data.path().join("no/such/dir/deck.csv");
    let assert = pyquiz()
        .args([
            "--data-dir",
            data.path().to_str().unwrap(),
            "export",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&missing)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    // The path as given, and no temporary file's after it.
    let expected = format!("could not write {}: No such file", missing.display());
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!stderr.contains("at path"), "{stderr}");
}
