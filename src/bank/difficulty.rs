//! Difficulty of questions whose source gives no label.
//!
//! The rule (documented in the README's "How difficulty is decided"):
//! 1. A hard subject in the question (metaclasses, descriptors, the GIL,
//!    MRO, `__new__`, `__slots__`, bytecode, garbage collection, coroutines
//!    and the event loop, weak references, interning, scaling, distributed
//!    systems, production, optimizing) makes the card hard.
//! 2. Otherwise the question's evidence is summed: −2 when it names an
//!    elementary subject (a builtin such as `sorted()`, a list, dict, set or
//!    string and their everyday methods, variables, loops, `self`,
//!    `__init__`, inheritance, try/except, imports, pip and venv, `os`,
//!    logging, reading files, PEP 8, unit testing), −1 for a plain form (a
//!    short "What is X?", "Explain X", "Difference between X and Y", "X vs
//!    Y", "What is the use of X", "What does X return", "How do you ..." in
//!    at most eight words), −1 more for a definition of a name in three
//!    words ("What is NumPy?"), +1 for a question that asks for depth
//!    (why, how does it work, when should, trade-offs, best practices,
//!    design, custom, implement, internally, large).
//! 3. Two weak hints add half a point each: the section name (Basics, Core,
//!    Fundamentals, Introduction → −½; Advanced, Internals, Expert,
//!    Architecture, System Design, Deep Dive → +½) and the card's main
//!    topic (the foundations → −½; memory and internals, threads and
//!    processes, system design → +½). Neither decides alone.
//! 4. The sum decides: −2 or less → easy, +2 or more → hard, else medium.

use super::model::Difficulty;
use super::phrases::{Encoded, PhraseIndex};

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
/// Subjects a beginner meets first: a question about one is easy unless
/// it asks for depth.
const ELEMENTARY: &[&str] = &[
    // Builtins.
    "sorted",
    "filter",
    "map",
    "len",
    "sum",
    "min",
    "max",
    "print",
    "input",
    "range",
    "zip",
    "enumerate",
    "bool",
    "type",
    "isinstance",
    "reversed",
    "abs",
    "round",
    // Containers and their everyday operations.
    "list",
    "lists",
    "tuple",
    "tuples",
    "dict",
    "dicts",
    "dictionary",
    "dictionaries",
    "a set",
    "the set",
    "sets",
    "set comprehension",
    "string",
    "strings",
    "keys",
    "values",
    "items",
    "slicing",
    "slice",
    "split",
    "join",
    "escape characters",
    // The language.
    "a variable",
    "variable in python",
    "variables in python",
    "data type",
    "data types",
    "self",
    "__init__",
    "class",
    "classes",
    "inheritance",
    "is and",
    "is vs",
    "and is",
    "identity",
    "mutable",
    "immutable",
    "boolean",
    "truthy",
    "falsy",
    "comment",
    "comments",
    "indentation",
    "loop",
    "loops",
    "lambda",
    "comprehension",
    "list comprehension",
    "try",
    "except",
    "exception",
    "exceptions",
    "traceback",
    "none",
    "pass",
    "break",
    "continue",
    "operator",
    "operators",
    "docstring",
    "docstrings",
    "static method",
    "class method",
    "instance method",
    "python 2",
    "main features",
    "key features",
    // Modules, tools and files.
    "module and package",
    "module vs package",
    "a module",
    "a package",
    "import",
    "pip",
    "virtual environment",
    "venv",
    "os module",
    "sys module",
    "sys argv",
    "argv",
    "logging",
    "datetime",
    "read a file",
    "write a file",
    "file exists",
    "read and write",
    "readline",
    "readlines",
    "pep 8",
    "unit testing",
    "unittest",
    "requirements txt",
    "local and global",
    "global variables",
    "local variables",
];
/// Phrases that are none of the above, read whole so that their words are
/// not: an SQL join is not a string's `join`.
const NEUTRAL: &[&str] = &[
    "left join",
    "inner join",
    "outer join",
    "right join",
    "sql join",
];
/// Words of a question that asks for more than a definition or a usage.
const DEPTH: &[&str] = &[
    "why",
    "how does",
    "memory model",
    "internally",
    "under the hood",
    "when should",
    "when to",
    "trade off",
    "trade offs",
    "tradeoffs",
    "best practices",
    "large",
    "efficiently",
    "custom",
    "design",
    "implement",
    "work",
    "works",
    "architecture",
    "pitfalls",
    "importance",
    "advantages",
    "disadvantages",
    "pros and cons",
    "hierarchy",
];

/// Which list a phrase belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cue {
    EasySection,
    HardSection,
    HardQuestion,
    Elementary,
    Depth,
    Neutral,
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
                .chain(tagged(Cue::Elementary, ELEMENTARY))
                .chain(tagged(Cue::Depth, DEPTH))
                .chain(tagged(Cue::Neutral, NEUTRAL)),
        )
    })
}

/// A text's words for both the cues and the topics (`topics::hits_encoded`).
pub fn encode(text: &str) -> Encoded {
    index().encode(text)
}

fn cues(text: &Encoded) -> Vec<Cue> {
    let mut found = Vec::new();
    index().for_each_longest_match(text, |cue| found.push(cue));
    found
}

/// How a card's main topic leans its level: −1 for the foundations of the
/// learning path, +1 for internals, threads and processes, and system
/// design, 0 for the rest (weighed as half a point, see [`infer`]).
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

/// What a card offers besides its question: its section's prior (−1, 0
/// or +1, see [`section_prior`]) and its main topic.
#[derive(Clone, Copy, Default)]
pub struct Hints {
    pub section: i32,
    pub topic: Option<super::Topic>,
}

/// What the question's own words say, in points (see the module's rule).
///
/// An elementary subject counts only in a question about the foundations
/// or a first library (not "exceptions globally in FastAPI") that asks for
/// no depth ("immutability in custom classes").
fn question_evidence(words: &[&str], found: &[Cue], topic: Option<super::Topic>) -> i32 {
    let starts = |prefix: &[&str]| words.starts_with(prefix);
    let n = words.len();
    let what_is = starts(&["what", "is"]) || starts(&["what", "are"]);
    let plain = (what_is && n <= 5)
        || (starts(&["explain"]) && n <= 4)
        || (starts(&["difference"]) && n <= 6)
        || (words.contains(&"vs") && n <= 6)
        || (starts(&["what", "is", "the", "use", "of"]))
        || (starts(&["what", "does"]) && n <= 7)
        || (words.ends_with(&["used", "for"]) && n <= 7)
        || ((starts(&["how", "do", "you"])
            || starts(&["how", "can", "you"])
            || starts(&["how", "to"]))
            && n <= 8);
    let depth = found.contains(&Cue::Depth);
    let foundational = topic.is_none_or(|t| super::path::tier(t) <= 1);
    let elementary = foundational
        && !depth
        && (found.contains(&Cue::Elementary) || words == ["what", "is", "python"]);
    let named = n <= 3 && starts(&["what"]);
    -2 * i32::from(elementary) - i32::from(plain) - i32::from(named) + i32::from(depth)
}

/// Infers a difficulty from a question (lowercase words, as
/// `id::normalize_question` gives them, and encoded) and its hints.
pub fn infer(hints: Hints, question: &str, encoded: &Encoded) -> Difficulty {
    let found = cues(encoded);
    let lean = hints.topic.map_or(0, topic_lean);
    if found.contains(&Cue::HardQuestion) {
        return Difficulty::Hard;
    }
    let words: Vec<&str> = question.split(' ').filter(|w| !w.is_empty()).collect();
    // In half points: the question's evidence counts twice each hint.
    match 2 * question_evidence(&words, &found, hints.topic) + hints.section + lean {
        s if s <= -4 => Difficulty::Easy,
        s if s >= 4 => Difficulty::Hard,
        _ => Difficulty::Medium,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::Topic;

    fn level(section: &str, topic: Topic, question: &str) -> Difficulty {
        let key = crate::bank::id::normalize_question(question);
        let hints = Hints {
            section: section_prior(section),
            topic: Some(topic),
        };
        infer(hints, &key, &encode(&key))
    }

    #[test]
    fn the_question_decides_and_hints_only_tip_the_balance() {
        use Topic::*;
        // Elementary subjects asked plainly are easy, whatever the section.
        let advanced = "OOP, Advanced Functions and Error Handling";
        let set = "How do you add/remove elements from a set?";
        assert_eq!(level(advanced, DataStructures, set), Difficulty::Easy);
        assert_eq!(
            level("Python Basics", DataStructures, "What is a tuple?"),
            Difficulty::Easy
        );
        assert_eq!(
            level("", Stdlib, "What does `sys.argv` return?"),
            Difficulty::Easy
        );
        assert_eq!(level("", DataScience, "What is NumPy?"), Difficulty::Easy);
        // A section name alone sets no level, in either direction.
        let exceptions = "How do you handle exceptions in Python?";
        assert_eq!(
            level("Python Basics", ErrorHandling, exceptions),
            Difficulty::Easy
        );
        assert_eq!(
            level("Advanced Topics", ErrorHandling, exceptions),
            Difficulty::Easy
        );
        let db = "How do you manage database connections in FastAPI?";
        assert_eq!(level("Python Basics", Databases, db), Difficulty::Medium);
        assert_eq!(level("Advanced Topics", Databases, db), Difficulty::Medium);
        // Asking for depth about an elementary subject is not easy.
        let model = "How does Python's memory model handle small integers and strings?";
        assert_ne!(level("", Strings, model), Difficulty::Easy);
        let custom = "How do you implement a custom exception hierarchy?";
        assert_eq!(level("", ErrorHandling, custom), Difficulty::Medium);
        // Hard subjects are hard, whatever the hints.
        let frame = "What is a Python frame object?";
        assert_eq!(
            level("Python Internals Interview Q&A", MemoryInternals, frame),
            Difficulty::Hard
        );
        assert_eq!(
            level("", Oop, "What are Python metaclasses?"),
            Difficulty::Hard
        );
        let gil = "What is Python's GIL?";
        assert_eq!(
            level("Core Python (30 Questions)", Concurrency, gil),
            Difficulty::Hard
        );
        // Neither elementary nor deep: medium.
        assert_eq!(
            level("Advanced Topics", Concurrency, "What is threading?"),
            Difficulty::Medium
        );
        assert_eq!(
            level(
                "",
                WebFastapi,
                "How to customize OpenAPI schema in FastAPI?"
            ),
            Difficulty::Medium
        );
    }
}
