//! The embedded seed documents, ingested exactly: counts, question texts,
//! rulings, mojibake repair and rendering.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use pyquiz::bank::{
    Bank, Difficulty, DifficultySource, LoadOptions, Record, Topic, mojibake::MOJIBAKE_MARKERS,
};

const F000: &str = "practical-code-questions.md";
const F001: &str = "company-interview-questions.md";
const F002: &str = "top-python-questions.md";
const F003: &str = "python-fastapi-qa-notes.md";
const F004: &str = "python-fundamentals-accordion.md";

fn bank() -> Bank {
    Bank::load(&LoadOptions::default()).expect("embedded content loads")
}

fn from<'a>(bank: &'a Bank, source: &str) -> Vec<&'a Record> {
    bank.records.iter().filter(|r| r.source == source).collect()
}

fn questions<'a>(bank: &'a Bank, source: &str) -> Vec<&'a str> {
    from(bank, source)
        .iter()
        .map(|r| r.question.as_str())
        .collect()
}

fn card<'a>(bank: &'a Bank, source: &str, question: &str) -> &'a Record {
    bank.records
        .iter()
        .find(|r| r.source == source && r.question == question)
        .unwrap_or_else(|| panic!("no card {question:?} in {source}"))
}

/// Code blocks as pulldown-cmark renders them: (fenced?, language).
fn code_blocks(markdown: &str) -> Vec<(bool, String)> {
    Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                Some((true, info.to_string()))
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => Some((false, String::new())),
            _ => None,
        })
        .collect()
}

#[test]
fn per_file_counts() {
    let bank = bank();
    let expected = [
        (F000, 100, 0),
        (F001, 49, 150),
        (F002, 184, 0),
        (F003, 476, 0),
        (F004, 46, 0),
    ];
    for (file, answered, prompt_only) in expected {
        let records = from(&bank, file);
        let with = records.iter().filter(|r| r.has_answer).count();
        assert_eq!(with, answered, "{file} answered");
        assert_eq!(records.len() - with, prompt_only, "{file} prompt-only");
    }
    assert_eq!(bank.records.iter().filter(|r| r.has_answer).count(), 855);
    assert_eq!(bank.records.iter().filter(|r| !r.has_answer).count(), 150);
    let layouts: Vec<&str> = bank.sources.iter().map(|s| s.layout).collect();
    assert_eq!(
        layouts,
        [
            "question-headings",
            "mkdocs-admonition",
            "bold-numbered-list",
            "qa-series",
            "mdx-accordion"
        ]
    );
}

#[test]
fn exact_question_texts() {
    let bank = bank();
    let q000 = questions(&bank, F000);
    assert_eq!(
        q000[0],
        "How do you optimize memory usage when processing large datasets in Python?"
    );
    assert_eq!(
        q000[1],
        "How do you ensure resources (files, sockets) are properly closed even if errors occur?"
    );
    assert_eq!(q000[99], "What is `pylint`?");

    let q001 = questions(&bank, F001);
    assert_eq!(
        q001[0],
        "What is the Global Interpreter Lock (GIL) in Python?"
    );
    assert_eq!(
        q001[2],
        "What is the Difference Between `*args` and `**kwargs`?"
    );
    // Only the trailing " - … Interview Question" goes; inner " - " stays.
    for inner in [
        "Explain `__slots__` in Python - When and Why to Use It?",
        "Explain Python Descriptors - What Are `__get__`, `__set__`, `__delete__`?",
        "Explain Python's Logging Module - How Do You Use It Effectively?",
    ] {
        assert!(q001.contains(&inner), "{inner}");
    }
    assert!(q001.contains(&"What is `__name__ == \"__main__\"`? Why Use It?"));
    // Quick-reference rows: `**[HARD]**` removed, backticks kept.
    assert!(q001.contains(&"What is Python? Interpreted or Compiled?"));
    assert!(q001.contains(&"What is `__import__` vs `importlib`?"));
    assert!(q001.contains(&"How to perform zero-copy data transfer (Buffer Protocol)?"));
    // Company bullets.
    assert!(q001.contains(&"Explain what `if __name__ == \"__main__\":` does."));
    assert_eq!(
        *q001.last().unwrap(),
        "Write code to process a stream of data using generators."
    );

    let q002 = questions(&bank, F002);
    assert_eq!(q002[0], "What is Python?");
    assert!(q002.contains(&"What are *args and **kwargs?"));
    assert!(q002.contains(&"What is the difference between `==` and `is`?"));
    assert_eq!(
        *q002.last().unwrap(),
        "How does garbage collection work in Python?"
    );

    let q003 = questions(&bank, F003);
    assert_eq!(q003[0], "What are some must-know built-in Python modules?");
    assert!(
        q003.contains(&"What’s the difference between Python’s Standard Library and Ecosystem?")
    );
    assert!(q003.contains(&"What is the purpose of if `__name__` == \"`__main__`\":?"));
    // Questions written without `###`.
    assert!(
        q003.contains(&"Difference between @staticmethod, @classmethod, and instance methods?")
    );
    assert!(q003.contains(&"How to define a GET endpoint in FastAPI?"));
    assert!(q003.contains(&"How to add middleware in FastAPI?"));
    assert!(q003.contains(&"How does FastAPI auto\u{2011}generate docs?"));
    assert_eq!(*q003.last().unwrap(), "How to implement RBAC?");

    let q004 = questions(&bank, F004);
    assert_eq!(q004[0], "What is Python and what are its key features?");
    assert!(q004.contains(&"PEP 8"));
    assert!(q004.contains(&"Context Managers and the 'with' Statement"));
    assert_eq!(
        *q004.last().unwrap(),
        "Common Python Anti-Patterns and How to Fix Them"
    );
}

#[test]
fn a_question_asked_twice_gives_two_cards() {
    let bank = bank();
    let twice: Vec<&Record> = from(&bank, F002)
        .into_iter()
        .filter(|r| r.question == "What is method overriding?")
        .collect();
    assert_eq!(twice.len(), 2);
    assert_eq!(twice[1].id, format!("{}-2", twice[0].id));
    // `Explain *args and **kwargs.` is asked in two of 003's series.
    let args = from(&bank, F003)
        .into_iter()
        .filter(|r| r.question == "Explain *args and **kwargs.")
        .count();
    assert_eq!(args, 2);
}

#[test]
fn rulings_on_what_is_not_a_card() {
    let bank = bank();
    for r in &bank.records {
        let q = &r.question;
        assert!(!q.ends_with("Interview Question"), "{q}");
        assert!(!q.contains("**[HARD]**") && !q.starts_with("**"), "{q}");
        assert!(
            !q.contains("Questions)") && !q.ends_with("(25)") && !q.ends_with("(20)"),
            "section label as card: {q}"
        );
        assert!(
            !q.starts_with("Q1")
                && !q.starts_with(|c: char| c.is_ascii_digit() && q.contains(". ")),
            "numbering left: {q}"
        );
        assert!(!q.contains("Q&A") && !q.contains("Summary of Key"), "{q}");
        for not_a_card in [
            "What it is:",
            "Table of Contents",
            "Timer",
            // (The company file's worked examples, "Decorator for Timing
            // Functions" among them, are cards since issue 15.)
            "psycopg (Driver level)",
            "Threading Example",
            "Basic Unit Test Example",
        ] {
            assert!(!q.contains(not_a_card), "{q}");
        }
        let a = &r.answer;
        for decoration in [
            "Back to Top",
            "<div",
            "AccordionGroup",
            "<Accordion",
            "</Accordion>",
            "...existing code...",
            "theme={null}",
            "??? success",
            "!!! tip",
            "View Answer",
        ] {
            assert!(!a.contains(decoration), "{decoration} in answer of {q}");
        }
        // Plain section labels are not glued onto the previous answer.
        for label in [
            "Advanced Python (15 Questions)",
            "FastAPI (25 Questions)",
            "System Design & DevOps (20)",
            "Core Python (30 Questions)",
        ] {
            assert!(!a.contains(label), "{label} glued onto {q}");
        }
    }
    assert!(!bank.records.iter().any(|r| r.question.starts_with("---")));
}

#[test]
fn follow_ups_belong_to_the_answer() {
    let bank = bank();
    let c = card(&bank, F004, "What is Python and what are its key features?");
    assert!(c.answer.contains("**Follow-up:**"));
    assert!(c.answer.contains(
        "What is the difference between CPython, PyPy, and Cython, and when would you choose each?"
    ));
    assert!(!bank.records.iter().any(|r| {
        r.question
            .contains("What is the difference between CPython, PyPy, and Cython, and when")
    }));
    assert!(
        c.answer.starts_with("Python is a high-level"),
        "answer starts after the **Answer**: label"
    );
}

#[test]
fn mojibake_is_repaired_everywhere() {
    let bank = bank();
    for r in &bank.records {
        let fields = [&r.question, &r.answer, &r.section]
            .into_iter()
            .chain(r.tags.iter())
            .chain(r.asked_by.iter());
        for f in fields {
            for m in MOJIBAKE_MARKERS {
                assert!(!f.contains(m), "{m:?} left in {} ({})", r.id, r.question);
            }
        }
    }
    // Repaired characters, where the seeds had them broken.
    let gil = card(
        &bank,
        F001,
        "What is the Global Interpreter Lock (GIL) in Python?",
    );
    assert_eq!(
        (gil.difficulty, gil.difficulty_source),
        (Difficulty::Hard, DifficultySource::Labeled),
        "🔴 Hard read after repair"
    );
    let exceptions = card(&bank, F001, "How Do You Handle Exceptions in Python?");
    assert!(exceptions.answer.contains("├── SystemExit"));
    assert!(
        bank.records
            .iter()
            .any(|r| r.source == F001 && r.answer.contains('✅'))
    );
    assert!(
        bank.records
            .iter()
            .any(|r| r.source == F001 && r.answer.contains('❌'))
    );
    let di = card(
        &bank,
        F003,
        "How does FastAPI implement dependency injection?",
    );
    assert!(di.answer.contains("👉 get_db() runs first"));
    let modules = card(
        &bank,
        F003,
        "What are some must-know built-in Python modules?",
    );
    assert!(modules.answer.starts_with("os → file system operations"));
}

#[test]
fn genuine_non_ascii_is_untouched() {
    let bank = bank();
    let duck = card(&bank, F002, "What is duck typing?");
    assert!(duck.answer.contains(
        "Python’s dynamic typing: \"If it looks like a duck and quacks like a duck, it’s a duck.\""
    ));
    let yf = card(&bank, F002, "What is the use of `yield from`?");
    assert!(yf.answer.contains("generator’s operations"));
}

#[test]
fn answered_cards_render_code_blocks() {
    let bank = bank();
    // Five of 004's accordions hold no code at all in the published file
    // (checked by hand: no fence between their tags); every other answered
    // card of 000, 001 and 004 renders a code block.
    let no_code_in_source = [
        "What is Python and what are its key features?",
        "What are Python's built-in data types?",
        "Python Naming Conventions (PEP 8)",
        "Four Pillars of OOP",
        "PEP 8",
    ];
    let mut without = Vec::new();
    for file in [F000, F001, F004] {
        for r in from(&bank, file).into_iter().filter(|r| r.has_answer) {
            if !code_blocks(&r.answer).iter().any(|(fenced, _)| *fenced) {
                without.push((file, r.question.as_str()));
            }
        }
    }
    let expected: Vec<(&str, &str)> = no_code_in_source.iter().map(|q| (F004, *q)).collect();
    assert_eq!(without, expected);
    let source = std::str::from_utf8(pyquiz::bank::content::EMBEDDED[4].1).unwrap();
    for q in no_code_in_source {
        let start = source
            .find(&format!(". {q}\">"))
            .unwrap_or_else(|| panic!("{q}"));
        let end = start + source[start..].find("</Accordion>").unwrap();
        assert!(
            !source[start..end].contains("```"),
            "{q} has code in the source"
        );
    }
    // 003 has no fences at all; its code is found and fenced.
    let with_code: Vec<&Record> = from(&bank, F003)
        .into_iter()
        .filter(|r| r.has_code)
        .collect();
    assert_eq!(with_code.len(), 32);
    for q in [
        "What is `__all__` in Python modules?",
        "What are Python metaclasses?",
        "How does FastAPI implement dependency injection?",
        "How does FastAPI scale horizontally?",
        "How to define a GET endpoint in FastAPI?",
        "How to mount static files?",
        "What are Python descriptors?",
        "How would you implement API versioning in FastAPI?",
    ] {
        let blocks = code_blocks(&card(&bank, F003, q).answer);
        assert!(!blocks.is_empty(), "no code block for {q:?}");
    }
    assert_eq!(
        code_blocks(&card(&bank, F003, "How does FastAPI scale horizontally?").answer)[0].1,
        "bash"
    );
    // Prose, even with code words in it, stays prose.
    for q in [
        "How do you manage Python environments and dependencies?",
        "Difference between import module vs from module import func vs import module as alias?",
        "What are Python modules and packages?",
        "What are some must-know built-in Python modules?",
    ] {
        assert!(
            code_blocks(&card(&bank, F003, q).answer).is_empty(),
            "prose fenced in {q:?}"
        );
    }
    let env = card(
        &bank,
        F003,
        "How do you manage Python environments and dependencies?",
    );
    assert!(
        env.answer
            .contains("pip freeze > requirements.txt → save dependencies.")
    );
}

#[test]
fn every_code_block_is_fenced_and_labelled() {
    let bank = bank();
    let known = [
        "python",
        "bash",
        "sql",
        "json",
        "toml",
        "javascript",
        "text",
    ];
    for r in &bank.records {
        let blocks = code_blocks(&r.answer);
        assert_eq!(
            r.has_code,
            !blocks.is_empty(),
            "has_code of {:?}",
            r.question
        );
        for (fenced, lang) in blocks {
            assert!(
                fenced,
                "indented code block (a dedent went wrong) in {:?}",
                r.question
            );
            assert!(
                known.contains(&lang.as_str()),
                "label {lang:?} in {:?}",
                r.question
            );
        }
    }
}

#[test]
fn fence_labels_say_what_the_code_is() {
    let bank = bank();
    // 000 labels Python and shell as `javascript`.
    let q1 = card(
        &bank,
        F000,
        "How do you optimize memory usage when processing large datasets in Python?",
    );
    assert_eq!(code_blocks(&q1.answer)[0].1, "python");
    let pip = card(&bank, F000, "How do you install packages?");
    assert_eq!(code_blocks(&pip.answer)[0].1, "bash");
    assert!(
        pip.answer
            .contains("```bash\npip install package_name\n```")
    );
    let venv = card(
        &bank,
        F001,
        "What Are Virtual Environments and How Do You Manage Dependencies?",
    );
    let langs: Vec<String> = code_blocks(&venv.answer)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert!(
        langs.contains(&"toml".to_string()) && langs.contains(&"bash".to_string()),
        "{langs:?}"
    );
    // `# comment` lines inside code stay code.
    assert!(
        q1.answer
            .contains("```python\n# BAD: Loads all 1M items into memory")
    );
}

#[test]
fn code_keeps_its_indentation() {
    let bank = bank();
    let f = card(&bank, F002, "What is a function? How do you define one?");
    assert!(f.answer.contains("def add(a, b):\n"), "{}", f.answer);
    let code: String = Parser::new(&f.answer)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert!(
        code.contains("def add(a, b):\n        return a + b"),
        "{code}"
    );
    let gil = card(
        &bank,
        F001,
        "What is the Global Interpreter Lock (GIL) in Python?",
    );
    assert!(
        gil.answer
            .contains("    with multiprocessing.Pool(4) as pool:\n        start = time.time()")
    );
    assert!(gil.answer.contains("> **Interviewer's Insight**"));
}

#[test]
fn metadata_from_the_sources() {
    let bank = bank();
    let gil = card(
        &bank,
        F001,
        "What is the Global Interpreter Lock (GIL) in Python?",
    );
    assert_eq!(gil.tags, ["Internals", "Concurrency", "Performance"]);
    assert_eq!(
        gil.asked_by,
        ["Google", "Meta", "Amazon", "Apple", "Netflix"]
    );
    assert!(gil.topics.contains(&Topic::Concurrency));
    let row = card(&bank, F001, "What is `__import__` vs `importlib`?");
    assert_eq!((row.difficulty, row.has_answer), (Difficulty::Hard, false));
    assert_eq!(row.asked_by, ["Google", "Meta", "Frameworks"]);
    let bullet = card(
        &bank,
        F001,
        "Write code to reverse a string without using built-in methods.",
    );
    assert_eq!(bullet.asked_by, ["Amazon"]);
    let first = card(
        &bank,
        F000,
        "How do you optimize memory usage when processing large datasets in Python?",
    );
    assert_eq!(
        (first.difficulty, first.difficulty_source),
        (Difficulty::Medium, DifficultySource::Labeled)
    );
    let basics = card(&bank, F004, "What is Python and what are its key features?");
    assert_eq!(basics.section, "Python Basics");
    assert_eq!(
        (basics.difficulty, basics.difficulty_source),
        (Difficulty::Easy, DifficultySource::Inferred)
    );
}

#[test]
fn every_record_has_difficulty_and_topics_and_no_topic_dominates() {
    let bank = bank();
    let answered: Vec<&Record> = bank.records.iter().filter(|r| r.has_answer).collect();
    let mut per_topic: HashMap<Topic, usize> = HashMap::new();
    for r in &bank.records {
        assert!(
            !r.topics.is_empty() && r.topics.len() <= 3,
            "{:?}",
            r.question
        );
        assert_eq!(
            r.topics.iter().collect::<HashSet<_>>().len(),
            r.topics.len()
        );
    }
    for r in &answered {
        for t in &r.topics {
            *per_topic.entry(*t).or_default() += 1;
        }
    }
    for (topic, n) in &per_topic {
        assert!(
            *n * 3 <= answered.len(),
            "{topic} holds {n} of {}",
            answered.len()
        );
    }
    assert!(
        per_topic.len() >= 20,
        "only {} topics used",
        per_topic.len()
    );
    for d in Difficulty::ALL {
        assert!(
            answered.iter().filter(|r| r.difficulty == d).count() > 100,
            "few {d}"
        );
    }
}

#[test]
fn ids_are_unique_and_stable() {
    let bank = bank();
    let ids: HashSet<&str> = bank.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), bank.records.len());
    // Pinned: these ids are what a person's progress is keyed on.
    assert_eq!(
        card(&bank, F000, "What is `pylint`?").id,
        pyquiz_id(F000, "What is `pylint`?")
    );
    // Editing an answer or reordering sources does not change ids.
    let reordered = Bank::from_files(
        pyquiz::bank::content::EMBEDDED
            .iter()
            .rev()
            .map(|(n, b)| (*n, *b)),
    )
    .unwrap();
    let mut by_q: HashMap<(&str, &str), &str> = HashMap::new();
    for r in &bank.records {
        by_q.entry((r.source.as_str(), r.question.as_str()))
            .or_insert(r.id.as_str());
    }
    let mut occurrences: HashMap<(&str, &str), usize> = HashMap::new();
    for r in &reordered.records {
        let n = occurrences.entry((&r.source, &r.question)).or_default();
        *n += 1;
        if *n == 1 {
            assert_eq!(by_q[&(r.source.as_str(), r.question.as_str())], r.id);
        }
    }
    let edited = String::from_utf8(pyquiz::bank::content::EMBEDDED[4].1.to_vec())
        .unwrap()
        .replace(
            "Python is a high-level, interpreted",
            "Python is a high-level (edited), interpreted",
        );
    let edited_bank = Bank::from_files([(F004, edited.as_bytes())]).unwrap();
    assert_eq!(edited_bank.records[0].id, from(&bank, F004)[0].id);
    assert_ne!(edited_bank.records[0].answer, from(&bank, F004)[0].answer);
}

/// The id formula, restated: 48 bits of FNV-1a over "source\0normalized".
fn pyquiz_id(source: &str, question: &str) -> String {
    let normalized: Vec<String> = question
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut h: u64 = 0xcbf29ce484222325;
    for b in source
        .bytes()
        .chain([0])
        .chain(normalized.join(" ").bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:012x}", h >> 16)
}

/// Python's names survive rendering (issue 15 §1): every `__name__`-like
/// token written in a card's question or answer, in prose or code, is
/// visible with its underscores in the study screen's rendering and in the
/// Anki export's HTML, and MDX character references in code show as the
/// characters they stand for.
#[test]
fn python_names_are_shown_as_written_on_screen_and_in_anki() {
    let bank = bank();
    let theme = pyquiz::tui::theme::Theme::plain();
    let dunder = |text: &str| -> Vec<String> {
        let mut found = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i + 4 < b.len() {
            if &b[i..i + 2] == b"__" && b[i + 2].is_ascii_alphabetic() {
                let mut j = i + 2;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                    j += 1;
                }
                if text[i..j].ends_with("__") && j - i > 4 {
                    found.push(text[i..j].to_string());
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        found
    };
    let mut checked = 0;
    let mut in_prose = 0;
    for r in &bank.records {
        for (field, text) in [("question", &r.question), ("answer", &r.answer)] {
            let names = dunder(text);
            if names.is_empty() {
                continue;
            }
            let shown = pyquiz::tui::markdown::plain_text(&pyquiz::tui::markdown::render(
                text, 100, &theme, None,
            ));
            let html = pyquiz::export::anki::html(text);
            for name in names {
                assert!(
                    shown.contains(&name),
                    "{} {field}: {name} not shown in {shown:?}",
                    r.id
                );
                assert!(
                    html.contains(&name),
                    "{} {field}: {name} not in {html}",
                    r.id
                );
                checked += 1;
            }
            in_prose += text.matches("`__").count();
        }
        assert!(
            !r.answer.contains("`&lt;") && !r.answer.contains("&lt;`"),
            "{}: an entity left in code: {}",
            r.id,
            r.answer
        );
    }
    assert!(checked > 500, "only {checked} names checked");
    assert!(in_prose > 100, "{in_prose}");
    // The ones the review saw bold.
    let q = |text: &str| bank.records.iter().any(|r| r.question == text);
    assert!(q("How do you use `__slots__` to optimize memory?"));
    assert!(q("How do you use if `__name__` == \"`__main__`\":?"));
}
