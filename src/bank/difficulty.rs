//! Difficulty of questions whose source gives no label.
//!
//! The rule, in order (documented in the README):
//! 1. The section name sets a starting point: words such as Basics,
//!    Fundamentals, Core, Beginner or Introduction → −1; Advanced,
//!    Internals, System Design, Expert, Architecture or Deep Dive → +1
//!    (both kinds of word → 0).
//! 2. The question adds evidence: a hard subject (metaclasses, descriptors,
//!    the GIL, MRO, `__new__`, `__slots__`, bytecode, garbage collection,
//!    coroutines and the event loop, weak references, scaling, distributed
//!    systems, production deployments, optimizing) → +1; a short definition
//!    question ("What is X?" in at most five words) or an introductory
//!    subject (PEP 8, comments, variables, lists vs tuples) → −1.
//! 3. The sum decides: below 0 → easy, 0 → medium, above 0 → hard.

use super::model::Difficulty;
use super::topics::tokenize;

const EASY_SECTION: &[&str] = &[
    "basic",
    "basics",
    "fundamental",
    "fundamentals",
    "core",
    "beginner",
    "beginners",
    "introduction",
    "intro",
    "essentials",
];
const HARD_SECTION: &[&str] = &[
    "advanced",
    "internals",
    "internal",
    "expert",
    "architecture",
    "deep",
];
const HARD_SECTION_PHRASES: &[&str] = &["system design", "deep dive"];

const HARD_QUESTION: &[&str] = &[
    "metaclass",
    "metaclasses",
    "descriptor",
    "descriptors",
    "gil",
    "mro",
    "__new__",
    "__slots__",
    "slots",
    "bytecode",
    "garbage",
    "coroutine",
    "coroutines",
    "weakref",
    "internally",
    "internals",
    "scale",
    "scalable",
    "scaling",
    "distributed",
    "production",
    "optimize",
    "optimise",
    "cpython",
    "deadlock",
    "deadlocks",
    "race",
    "reentrant",
    "backpressure",
    "metaprogramming",
    "monkey",
    "multiprocessing",
    "contextvars",
    "settrace",
    "microservices",
    "horizontally",
];
const HARD_QUESTION_PHRASES: &[&str] = &[
    "event loop",
    "memory leak",
    "reference counting",
    "thread safe",
    "high traffic",
    "buffer protocol",
];
const EASY_QUESTION_PHRASES: &[&str] = &[
    "what is python",
    "pep 8",
    "comments in python",
    "what is a variable",
    "list and tuple",
    "list vs tuple",
    "lists and tuples",
    "tuple and list",
    "what is pip",
    "how do you install",
];

fn contains_phrase(tokens: &[String], phrase: &str) -> bool {
    let p = tokenize(phrase);
    !p.is_empty() && tokens.windows(p.len()).any(|w| w == p.as_slice())
}

fn section_prior(section: &str) -> i32 {
    let tokens = tokenize(section);
    let easy = tokens.iter().any(|t| EASY_SECTION.contains(&t.as_str()));
    let hard = tokens.iter().any(|t| HARD_SECTION.contains(&t.as_str()))
        || HARD_SECTION_PHRASES
            .iter()
            .any(|p| contains_phrase(&tokens, p));
    match (easy, hard) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    }
}

fn question_evidence(question: &str) -> i32 {
    let tokens = tokenize(question);
    let hard = tokens.iter().any(|t| HARD_QUESTION.contains(&t.as_str()))
        || HARD_QUESTION_PHRASES
            .iter()
            .any(|p| contains_phrase(&tokens, p));
    if hard {
        return 1;
    }
    let short_definition = tokens.len() <= 5
        && matches!(tokens.first().map(String::as_str), Some("what"))
        && matches!(tokens.get(1).map(String::as_str), Some("is" | "are"));
    let easy = short_definition
        || EASY_QUESTION_PHRASES
            .iter()
            .any(|p| contains_phrase(&tokens, p));
    if easy { -1 } else { 0 }
}

/// Infers a difficulty from the section name and the question.
pub fn infer(section: &str, question: &str) -> Difficulty {
    match section_prior(section) + question_evidence(question) {
        s if s < 0 => Difficulty::Easy,
        0 => Difficulty::Medium,
        _ => Difficulty::Hard,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_then_question() {
        assert_eq!(
            infer("Python Basics", "How do you handle exceptions in Python?"),
            Difficulty::Easy
        );
        assert_eq!(
            infer(
                "Python Internals Interview Q&A",
                "What is a Python frame object?"
            ),
            Difficulty::Hard
        );
        assert_eq!(infer("", "What are Python metaclasses?"), Difficulty::Hard);
        assert_eq!(infer("", "What is FastAPI?"), Difficulty::Easy);
        assert_eq!(
            infer("", "How do you manage database connections in FastAPI?"),
            Difficulty::Medium
        );
        assert_eq!(
            infer("Advanced Topics", "What is threading?"),
            Difficulty::Medium
        );
        assert_eq!(
            infer("Core Python (30 Questions)", "What is Python's GIL?"),
            Difficulty::Medium
        );
    }
}
