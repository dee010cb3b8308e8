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
use super::phrases::{Encoded, PhraseIndex};
use super::text::words;

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
    "frame object",
    "frame objects",
    "stored in memory",
    "interning",
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

/// Which list a phrase belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    EasySection,
    HardSection,
    HardQuestion,
    EasyQuestion,
}

/// The cues, over a vocabulary that extends the topics' (so that one
/// encoding of a question serves both).
fn index() -> &'static PhraseIndex<Cue> {
    static INDEX: std::sync::OnceLock<PhraseIndex<Cue>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let tagged = |cue: Cue, list: &'static [&'static str]| list.iter().map(move |p| (cue, *p));
        PhraseIndex::extending(
            super::topics::index(),
            tagged(Cue::EasySection, EASY_SECTION)
                .chain(tagged(Cue::HardSection, HARD_SECTION))
                .chain(tagged(Cue::HardSection, HARD_SECTION_PHRASES))
                .chain(tagged(Cue::HardQuestion, HARD_QUESTION))
                .chain(tagged(Cue::HardQuestion, HARD_QUESTION_PHRASES))
                .chain(tagged(Cue::EasyQuestion, EASY_QUESTION_PHRASES)),
        )
    })
}

/// A text's words for both the cues and the topics (`topics::hits_encoded`).
pub fn encode(text: &str) -> Encoded {
    index().encode(text)
}

fn cues(text: &Encoded) -> Vec<Cue> {
    let mut found = Vec::new();
    index().for_each_match(text, |cue| found.push(cue));
    found
}

/// How a card's main topic leans its level: −1 for the foundations of the
/// learning path, +1 for internals, threads and processes, and system
/// design, 0 for the rest.
pub fn topic_lean(topic: super::Topic) -> i32 {
    use super::Topic;
    match topic {
        Topic::MemoryInternals | Topic::Concurrency | Topic::SystemDesign => 1,
        t if super::path::tier(t) == 0 => -1,
        _ => 0,
    }
}

/// The section name's starting point: −1, 0 or +1.
pub fn section_prior(section: &str) -> i32 {
    let found = cues(&encode(section));
    let easy = found.contains(&Cue::EasySection);
    let hard = found.contains(&Cue::HardSection);
    match (easy, hard) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    }
}

fn question_evidence(question: &str, encoded: &Encoded) -> i32 {
    let found = cues(encoded);
    if found.contains(&Cue::HardQuestion) {
        return 1;
    }
    let mut leading = words(question);
    let first = leading
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("what"));
    let second = leading
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("is") || w.eq_ignore_ascii_case("are"));
    let short_definition = first && second && leading.count() <= 3;
    if short_definition || found.contains(&Cue::EasyQuestion) {
        -1
    } else {
        0
    }
}

/// Infers a difficulty from the section name and the question.
#[cfg(test)]
pub fn infer(section: &str, question: &str) -> Difficulty {
    infer_with_prior(section_prior(section), question, &encode(question))
}

/// As [`infer`], with the section's prior already computed and the
/// question encoded.
///
/// The question's evidence weighs twice the section's: a section name is a
/// weak hint that can hold a card back from the level its question points
/// to, never set a level on its own ("How do you add/remove elements from
/// a set?" under "OOP, Advanced Functions and Error Handling" was hard).
pub fn infer_with_prior(prior: i32, question: &str, encoded: &Encoded) -> Difficulty {
    match 2 * question_evidence(question, encoded) + prior {
        s if s <= -2 => Difficulty::Easy,
        s if s >= 2 => Difficulty::Hard,
        _ => Difficulty::Medium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_then_question() {
        // A section name alone sets no level, in either direction.
        assert_eq!(
            infer("Python Basics", "How do you handle exceptions in Python?"),
            Difficulty::Medium
        );
        assert_eq!(
            infer(
                "OOP, Advanced Functions and Error Handling",
                "How do you add/remove elements from a set?"
            ),
            Difficulty::Medium
        );
        // With the question's evidence it holds a card back, or confirms.
        assert_eq!(infer("Python Basics", "What is a tuple?"), Difficulty::Easy);
        assert_eq!(
            infer("Advanced Topics", "What is a tuple?"),
            Difficulty::Medium
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
