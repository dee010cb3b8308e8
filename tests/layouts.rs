//! Decks in the layouts people write Q&A in, from fixtures with real-world
//! quirks (tests/fixtures/layouts/): layout detected and exact counts.

use std::path::PathBuf;

use pyquiz::bank::{Bank, LoadOptions, Record};

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
