//! Decks in the layouts people write Q&A in, from fixtures with real-world
//! quirks (tests/fixtures/layouts/): layout detected, exact questions and
//! counts, the same records with a BOM and CRLF line ends, and what
//! `pyquiz check` says of each.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use pyquiz::bank::{Bank, Difficulty, DifficultySource, LoadOptions, Record};

fn load(name: &str) -> Bank {
    Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/layouts")
                .join(name),
        ],
        layout: None,
    })
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn questions(bank: &Bank) -> Vec<&str> {
    bank.records.iter().map(|r| r.question.as_str()).collect()
}

fn by_question<'a>(bank: &'a Bank, q: &str) -> &'a Record {
    bank.records.iter().find(|r| r.question == q).unwrap()
}

#[test]
fn html_details() {
    let bank = load("details.md");
    assert_eq!(bank.sources[0].layout, "html-details");
    assert_eq!(
        questions(&bank),
        [
            "What is the difference between a list and a tuple?",
            "What does `len()` return?",
            "What is a lambda?",
            "What are *args and **kwargs?",
            "What is a closure?",
            "What is a decorator?",
            "What is a generator?",
            "What is the GIL?",
        ]
    );
    assert_eq!(bank.records.iter().filter(|r| r.has_answer).count(), 7);
    assert_eq!(bank.records.iter().filter(|r| r.has_code).count(), 2);
    let args = by_question(&bank, "What are *args and **kwargs?");
    assert_eq!(args.section, "Functions");
    assert_eq!(
        args.answer,
        "Extra positional and keyword arguments.\n\n```python\ndef f(*args, **kwargs):\n    return args, kwargs\n```"
    );
    // A nested <details> stays in its answer; an unclosed one runs to the end.
    assert!(
        by_question(&bank, "What is a closure?")
            .answer
            .ends_with("**Hint**\n\nThink of `nonlocal`.")
    );
    assert_eq!(
        by_question(&bank, "What is the GIL?").answer,
        "A lock that lets one thread run Python bytecode at a time."
    );
    assert_eq!(by_question(&bank, "What is a generator?").answer, "");
}

fn fixture(name: &str) -> PathBuf {
    common::fixture(&format!("layouts/{name}"))
}

fn answered(bank: &Bank) -> usize {
    bank.records.iter().filter(|r| r.has_answer).count()
}

fn with_code(bank: &Bank) -> usize {
    bank.records.iter().filter(|r| r.has_code).count()
}

/// `pyquiz check` on one fixture: its standard output (the run must
/// succeed).
fn check(name: &str) -> String {
    let out = Command::cargo_bin("pyquiz")
        .unwrap()
        .arg("check")
        .arg(fixture(name))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// The line of `check`'s report that starts with `label`.
fn report_line<'a>(report: &'a str, label: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .unwrap_or_else(|| panic!("no {label} line in\n{report}"))
}

#[test]
fn qa_pairs() {
    let bank = load("qa-pairs.md");
    assert_eq!(bank.sources[0].layout, "qa-labels");
    assert_eq!(
        questions(&bank),
        [
            "What is the difference between `is` and `==`?",
            "What does `bool([])` return?",
            "How do you swap two variables?",
            "What is a docstring?",
            "What is a closure?",
            "What is a closure?",
            "What does `functools.wraps` do?",
            "What is the difference between `*args` and `**kwargs`?",
            "What is a lambda?",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (8, 2));
    assert_eq!(
        bank.records[2].answer,
        "With tuple unpacking:\n\n```python\na, b = b, a\n```"
    );
    // A tab-indented continuation line is the answer's, not code.
    assert_eq!(
        bank.records[4].answer,
        "A function that remembers names from the scope it was defined in.\nIt keeps them alive after that scope returns."
    );
    // The same title twice: two cards, two ids.
    assert_ne!(bank.records[4].id, bank.records[5].id);
    assert_eq!(bank.records[4].section, "Functions");

    let report = check("qa-pairs.md");
    assert!(report_line(&report, "layout").contains("qa-labels (score 18)"));
    assert_eq!(
        report_line(&report, "questions"),
        "  questions    9: 8 answered, 1 without an answer, 2 with code"
    );
    assert!(report.contains("line 30: asks the same question as line 26"));
    assert!(
        report.contains("line 38: placeholder answer \"TODO\": What does `functools.wraps` do?")
    );
    assert!(report.contains("line 41: no answer: What is the difference"));
    assert!(report.contains(
        "line 45: heading looks like a question but was not read as one: What about lambdas?"
    ));
    assert!(report_line(&report, "4 warnings").starts_with("  4 warnings   line 30: "));
}

#[test]
fn labelled_sections() {
    let bank = load("sections.md");
    assert_eq!(bank.sources[0].layout, "qa-labels");
    assert_eq!(
        questions(&bank),
        [
            "Reverse a string without a loop.",
            "Count the vowels in a string.",
            "Remove duplicates from a list but keep the order.",
            "Flatten a list of lists.",
            "Find the most common word in a text.",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (5, 4));
    assert_eq!(
        bank.records[0].answer,
        "**Hints**\n\n- Slices take a step.\n- A negative step walks backwards.\n\n**Solution**\n\n```python\ndef reverse(s: str) -> str:\n    return s[::-1]\n```"
    );
    assert!(bank.records[1].answer.ends_with(
        "**Explanation**\n\neach `c in \"aeiou\"` is `True` or `False`, and `True == 1`."
    ));
    // `### Question 3` alone: the paragraph under it asks.
    assert_eq!(bank.records[2].line, 37);
    assert_eq!(bank.records[2].section, "Lists");
    assert_eq!(
        bank.records[3].answer,
        "```python\nflat = [x for row in rows for x in row]\n```"
    );

    let report = check("sections.md");
    assert_eq!(
        report_line(&report, "questions"),
        "  questions    5: 5 answered, 4 with code"
    );
    assert_eq!(report_line(&report, "warnings"), "  warnings     none");
}

#[test]
fn obsidian_spaced_repetition() {
    let bank = load("obsidian.md");
    assert_eq!(bank.sources[0].layout, "obsidian-sr");
    assert_eq!(
        questions(&bank),
        [
            "What method makes `len(obj)` work",
            "What does `xs[::2]` return",
            "Dunder method for `obj[key]`",
            "`__getitem__`",
            "What does this print? `print(type(1) is int)`",
            "Explain the difference between a shallow and a deep copy.",
            "GIL",
            "The global interpreter lock: one thread runs Python bytecode at a time.",
            "What is PEP 8?",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (8, 1));
    // SR comments are gone; reversed cards swap the sides.
    assert!(bank.records.iter().all(|r| !r.answer.contains("<!--SR")));
    assert_eq!(bank.records[0].answer, "`__len__`");
    assert_eq!(bank.records[3].answer, "Dunder method for `obj[key]`");
    assert_eq!(
        bank.records[4].answer,
        "`True`: `type(1)` is the class `int` itself."
    );
    assert_eq!(bank.records[7].answer, "GIL");
    // Front matter tags reach every card.
    assert!(
        bank.records
            .iter()
            .all(|r| r.tags == ["flashcards", "python"])
    );

    let report = check("obsidian.md");
    assert!(report_line(&report, "layout").contains("obsidian-sr (score 18)"));
    assert_eq!(
        report_line(&report, "front matter"),
        "  front matter lines 1-3; tags flashcards, python"
    );
    assert!(report.contains("line 41: no answer: What is PEP 8?"));
}

#[test]
fn heading_questions() {
    let bank = load("headings.md");
    assert_eq!(bank.sources[0].layout, "heading-questions");
    assert_eq!(
        questions(&bank),
        [
            "What is a list comprehension?",
            "What is the difference between a list and a tuple?",
            "What does `enumerate` return?",
            "How do you merge two dicts?",
            "How do you merge two dicts?",
            "What is a metaclass?",
            "Why is `__slots__` useful?",
            "What does `yield from` do?",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (7, 3));
    // A deeper heading and a `#` comment in code stay in the answer.
    assert!(
        bank.records[1]
            .answer
            .contains("#### Example\n\n```python\nt = (1, 2)\nt[0] = 3  # TypeError\n```")
    );
    let enumerate = &bank.records[2];
    assert_eq!(enumerate.answer, "An iterator of `(index, item)` pairs.");
    assert_eq!(
        (enumerate.difficulty, enumerate.difficulty_source),
        (Difficulty::Easy, DifficultySource::Labeled)
    );
    let merge = &bank.records[3];
    assert_eq!(merge.difficulty, Difficulty::Medium);
    assert_eq!(merge.tags, ["dict", "python39"]);
    assert_eq!(merge.answer, "Use `a | b` (Python 3.9+) or `{**a, **b}`.");
    assert!(bank.records[4].answer.contains("a.update(b)"));
    // An unclosed fence runs to the end of the file.
    assert!(
        bank.records[7]
            .answer
            .ends_with("def outer():\n    yield from inner()")
    );

    let report = check("headings.md");
    assert_eq!(
        report_line(&report, "questions"),
        "  questions    8: 7 answered, 1 without an answer, 3 with code"
    );
    assert_eq!(
        report_line(&report, "difficulty"),
        // A section name alone sets no level ("What does `yield from`
        // do?" under Advanced is medium); with the topic's lean it can
        // ("How do you merge two dicts?", data structures under Basics, is
        // easy).
        "  difficulty   stated for 2 (easy 1, medium 1); inferred for 6 (easy 3, medium 1, hard 2)"
    );
    assert!(report.contains("line 41: asks the same question as line 34"));
    assert!(report.contains("line 61: code fence opened here is never closed"));
}

#[test]
fn bold_questions() {
    let bank = load("bold.md");
    assert_eq!(bank.sources[0].layout, "bold-questions");
    assert_eq!(
        questions(&bank),
        [
            "What is a decorator?",
            "What is a generator?",
            "What is monkey patching?",
            "What is duck typing?",
            "Why does `0.1 + 0.2 != 0.3`?",
            "What is the walrus operator?",
            "What does `__init__.py` do?",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (6, 1));
    // Bold lines that are not questions stay in the answer.
    let decorator = &bank.records[0].answer;
    assert!(decorator.contains("**Example**\n\n```python"));
    assert!(decorator.ends_with("**Note:** `functools.wraps` keeps the name and docstring."));
    assert_eq!(bank.records[1].difficulty_source, DifficultySource::Labeled);
    assert_eq!(bank.records[5].answer, "");

    let report = check("bold.md");
    assert!(report_line(&report, "layout").contains("bold-questions (score 7)"));
    assert!(report.contains("line 41: no answer: What is the walrus operator?"));
}

#[test]
fn multiple_choice() {
    let bank = load("multiple-choice.md");
    assert_eq!(bank.sources[0].layout, "multiple-choice");
    assert_eq!(
        questions(&bank),
        [
            "Which of these types is immutable? A) list · B) tuple · C) dict · D) set",
            "What does `type([])` return? A) `<class 'list'>` · B) `<class 'tuple'>` · C) `list()`",
            "Which values are falsy? A) `0` · B) `\"0\"` · C) `[]` · D) `[0]`",
            "Which keyword defines a generator function? A) `def` with `yield` in the body · B) `gen` · C) `async`",
            "What does `nonlocal` do? A) Makes a name global · B) Binds a name in the enclosing function's scope · C) Deletes a name",
            "Which of these are mutable? A) `str` · B) `bytearray` · C) `frozenset` · D) `list`",
            "Which statement creates a new scope? A) `if` · B) `for` · C) `def`",
        ]
    );
    assert_eq!(answered(&bank), 6);
    let answers: Vec<&str> = bank.records.iter().map(|r| r.answer.as_str()).collect();
    assert_eq!(
        answers[0],
        "**B) tuple**\n\nTuples cannot be changed after they are made."
    );
    assert_eq!(answers[1], "**A) `<class 'list'>`**");
    assert_eq!(
        answers[2],
        "- **A) `0`**\n- **C) `[]`**\n\nEmpty containers and zero are falsy; a non-empty string is not."
    );
    assert_eq!(
        answers[3],
        "**A) `def` with `yield` in the body**\n\nany `def` containing `yield` is a generator function."
    );
    assert_eq!(answers[5], "- **B) `bytearray`**\n- **D) `list`**");
    assert_eq!(answers[6], "");
    let sections: Vec<&str> = bank.records.iter().map(|r| r.section.as_str()).collect();
    assert_eq!(
        sections,
        [
            "Types", "Types", "Types", "Types", "Scope", "Scope", "Scope"
        ]
    );

    let report = check("multiple-choice.md");
    assert!(report_line(&report, "layout").contains("multiple-choice (score 21)"));
    assert_eq!(
        report_line(&report, "questions"),
        "  questions    7: 6 answered, 1 without an answer, 0 with code"
    );
}

#[test]
fn front_matter() {
    let bank = load("front-matter.md");
    assert_eq!(bank.sources[0].layout, "qa-labels");
    assert_eq!(
        questions(&bank),
        ["What does `await` do?", "What is an event loop?"]
    );
    // The front matter's difficulty and tags apply to every card; a
    // card's own label wins.
    assert_eq!(bank.records[0].difficulty, Difficulty::Hard);
    assert_eq!(bank.records[1].difficulty, Difficulty::Easy);
    assert!(
        bank.records
            .iter()
            .all(|r| r.tags == ["asyncio", "concurrency"])
    );
    assert!(bank.records.iter().all(|r| r.section == "Async Python"));
    assert_eq!(bank.records[0].line, 10);

    let report = check("front-matter.md");
    assert_eq!(
        report_line(&report, "front matter"),
        "  front matter lines 1-8; title \"Async Python\"; difficulty hard for every question; tags asyncio, concurrency"
    );
}

#[test]
fn any_script() {
    let bank = load("scripts.md");
    assert_eq!(bank.sources[0].layout, "heading-questions");
    assert_eq!(
        questions(&bank),
        [
            "什么是列表推导式？",
            "Python 的 GIL 是什么？",
            "ما الفرق بين القائمة والصف؟",
            "ما هو المُزخرف في بايثون؟",
            "מה זה מילון בפייתון?",
            "デコレーターとは何ですか？",
        ]
    );
    assert_eq!((answered(&bank), with_code(&bank)), (6, 1));
    assert_eq!(bank.records[2].section, "أساسيات");
    assert_eq!(bank.records[4].answer, "מבנה נתונים של זוגות מפתח–ערך.");
    let ids: std::collections::HashSet<&str> = bank.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), 6, "every question has its own id");
    assert_eq!(
        report_line(&check("scripts.md"), "warnings"),
        "  warnings     none"
    );
}

/// Every fixture reads the same with a byte-order mark and CRLF line ends
/// (as Windows editors save it).
#[test]
fn bom_and_crlf_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let copy = dir.path().join(&name);
        std::fs::write(&copy, windows).unwrap();
        let plain = load(&name);
        let converted = Bank::load(&LoadOptions {
            no_default_content: true,
            content: vec![copy],
            layout: None,
        })
        .unwrap();
        assert_eq!(
            plain.sources[0].layout, converted.sources[0].layout,
            "{name}"
        );
        assert_eq!(plain.records, converted.records, "{name}");
    }
}

/// `--layout` overrides detection: the Q:/A: deck read as headings finds
/// no question, and the error names the layout; `check` reports it too.
#[test]
fn layout_override() {
    let forced = Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![fixture("headings.md")],
        layout: Some("bold-questions"),
    });
    let err = forced
        .expect_err("headings.md has no bold questions")
        .to_string();
    assert!(
        err.contains("headings.md:1: no question was recognized (layouts tried: bold-questions)"),
        "{err}"
    );
    // Forcing the layout detection would pick gives the same cards.
    let same = Bank::load(&LoadOptions {
        no_default_content: true,
        content: vec![fixture("headings.md")],
        layout: Some("heading-questions"),
    })
    .unwrap();
    assert_eq!(same.records, load("headings.md").records);

    let out = Command::cargo_bin("pyquiz")
        .unwrap()
        .args(["check", "--layout", "html-details"])
        .arg(fixture("qa-pairs.md"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("the html-details layout found no question"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim(),
        "pyquiz: error: 1 of 1 files: no question was recognized (layouts tried: html-details)"
    );
    Command::cargo_bin("pyquiz")
        .unwrap()
        .args(["check", "--layout", "no-such-layout"])
        .arg(fixture("qa-pairs.md"))
        .assert()
        .code(2);
}

/// A file that is not a deck: `check` says which layouts it tried and
/// exits non-zero; with several paths, every file is still reported.
#[test]
fn check_unrecognized_and_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.md"),
        "# Notes\n\nJust prose, no questions.\n",
    )
    .unwrap();
    let out = Command::cargo_bin("pyquiz")
        .unwrap()
        .arg("check")
        .arg(dir.path())
        .arg(fixture("bold.md"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("notes.md\n  layout       none\n  error        no question was recognized; layouts tried: question-headings, "), "{stdout}");
    assert!(
        stdout.contains("bold.md\n  layout       bold-questions"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("1 of 2 files: no question was recognized"),
        "{stderr}"
    );

    let json = Command::cargo_bin("pyquiz")
        .unwrap()
        .args(["check", "--json"])
        .arg(fixture(""))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let reports: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();
    assert_eq!(reports.len(), 9);
    let by_file = |name: &str| {
        reports
            .iter()
            .find(|r| r["file"].as_str().unwrap().ends_with(name))
            .unwrap()
    };
    let mc = by_file("multiple-choice.md");
    assert_eq!(mc["layout"], "multiple-choice");
    assert_eq!(
        (mc["questions"].as_u64(), mc["answered"].as_u64()),
        (Some(7), Some(6))
    );
    assert_eq!(mc["scores"][0]["layout"], "multiple-choice");
    assert_eq!(by_file("details.md")["with_code"], 2);
}
