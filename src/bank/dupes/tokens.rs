//! A question's content tokens, for finding the same question asked in other
//! words: lowercase words, Python-aware synonyms folded into one token
//! (`deep copy`/`deepcopy`, `multithreading`/`threads`, `__main__`), the
//! `is` and `==` operators kept, question words and filler dropped, plural
//! `s` removed.

use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Phrases that name one thing, as lowercase word sequences, and the token
/// each becomes. Longer phrases are tried first at each position.
const PHRASES: &[(&[&str], &str)] = &[
    (&["global", "interpreter", "lock"], "gil"),
    (&["method", "resolution", "order"], "mro"),
    (&["deep", "copy"], "deepcopy"),
    (&["deep", "copies"], "deepcopy"),
    (&["deep", "copying"], "deepcopy"),
    (&["shallow", "copy"], "shallowcopy"),
    (&["shallow", "copies"], "shallowcopy"),
    (&["shallow", "copying"], "shallowcopy"),
    (&["multi", "threading"], "threading"),
    (&["multi", "processing"], "multiprocessing"),
    (&["static", "method"], "staticmethod"),
    (&["static", "methods"], "staticmethod"),
    (&["class", "method"], "classmethod"),
    (&["class", "methods"], "classmethod"),
    (&["instance", "method"], "instancemethod"),
    (&["instance", "methods"], "instancemethod"),
    (&["context", "manager"], "contextmanager"),
    (&["context", "managers"], "contextmanager"),
    (&["with", "statement"], "contextmanager"),
    (&["with", "statements"], "contextmanager"),
    (&["list", "comprehension"], "listcomp"),
    (&["list", "comprehensions"], "listcomp"),
    (&["dict", "comprehension"], "dictcomp"),
    (&["dict", "comprehensions"], "dictcomp"),
    (&["dictionary", "comprehension"], "dictcomp"),
    (&["dictionary", "comprehensions"], "dictcomp"),
    (&["lambda", "function"], "lambda"),
    (&["lambda", "functions"], "lambda"),
    (&["anonymous", "function"], "lambda"),
    (&["anonymous", "functions"], "lambda"),
    (&["pep", "8"], "pep8"),
    (&["garbage", "collection"], "gc"),
    (&["garbage", "collector"], "gc"),
    (&["keyword", "arguments"], "kwargs"),
    (&["monkey", "patching"], "monkeypatch"),
    (&["duck", "typing"], "ducktyping"),
    (&["magic", "method"], "dunder"),
    (&["magic", "methods"], "dunder"),
    (&["dunder", "method"], "dunder"),
    (&["dunder", "methods"], "dunder"),
    (&["name", "mangling"], "namemangling"),
    (&["virtual", "environment"], "venv"),
    (&["virtual", "environments"], "venv"),
    (&["regular", "expression"], "regex"),
    (&["regular", "expressions"], "regex"),
    (&["re", "module"], "regex"),
    (&["assignment", "expression"], "walrus"),
    (&["assignment", "expressions"], "walrus"),
    (&["abstract", "base", "class"], "abc"),
    (&["abstract", "base", "classes"], "abc"),
    (&["background", "task"], "backgroundtask"),
    (&["background", "tasks"], "backgroundtask"),
    (&["f", "string"], "fstring"),
    (&["f", "strings"], "fstring"),
    (&["type", "hint"], "typehint"),
    (&["type", "hints"], "typehint"),
    (&["type", "hinting"], "typehint"),
    (&["typing", "hints"], "typehint"),
    (&["type", "annotations"], "typehint"),
    (&["set", "up"], DO),
    (&["asyncio", "event", "loop"], "eventloop"),
    (&["event", "loop"], "eventloop"),
    (&["descriptor", "protocol"], "descriptor"),
    (&["iterator", "protocol"], "iterator"),
    (&["property", "decorator"], "property"),
    (&["property", "decorators"], "property"),
    (&["weak", "reference"], "weakref"),
    (&["weak", "references"], "weakref"),
    (&["static", "analysis"], "staticanalysis"),
    (&["static", "type", "checking"], "staticanalysis"),
];

/// Verbs of doing something with the subject ("How do you implement /
/// create / write / handle X?"): one token, so that the verb a source
/// happened to choose does not tell two askings of a question apart, while
/// "How do you implement X?" still differs from "What is X?".
pub const DO: &str = "do:";
const DOING: &[&str] = &[
    "implement",
    "implementing",
    "create",
    "creating",
    "write",
    "writing",
    "make",
    "build",
    "handle",
    "handling",
    "integrate",
    "add",
    "support",
    "run",
    "apply",
    "define",
    "setup",
    "read",
    "reading",
    "serve",
    "serving",
    "mount",
    "deploy",
    "deploying",
    "solve",
];

/// Verbs whose doing is their own subject: "How do you test code?" asks
/// how to write tests, "How to profile code?" how to do profiling.
const ACTIVITIES: &[&str] = &[
    "test",
    "profile",
    "debug",
    "benchmark",
    "log",
    "lint",
    "document",
    "package",
    "refactor",
    "version",
];

/// Single words folded into another token.
const WORDS: &[(&str, &str)] = &[
    ("deepcopy", "deepcopy"),
    ("multithreading", "threading"),
    ("thread", "threading"),
    ("threads", "threading"),
    ("multiprocessing", "multiprocessing"),
    ("processes", "multiprocessing"),
    ("staticmethod", "staticmethod"),
    ("classmethod", "classmethod"),
    ("lambdas", "lambda"),
    ("pep8", "pep8"),
    ("__slots__", "slot"),
    ("slots", "slot"),
    ("args", "args"),
    ("kwargs", "kwargs"),
    ("asynchronous", "async"),
    ("__main__", "mainguard"),
    ("__name__", "mainguard"),
    ("dunders", "dunder"),
    ("testing", "test"),
    ("workaround", "bypass"),
    ("workarounds", "bypass"),
    ("management", "manage"),
    ("managing", "manage"),
    ("abcs", "abc"),
    ("regexes", "regex"),
    ("backgroundtasks", "backgroundtask"),
    ("fstrings", "fstring"),
    ("weakrefs", "weakref"),
    ("pickle", "serialize"),
    ("pickling", "serialize"),
    ("pickled", "serialize"),
    ("serialization", "serialize"),
    ("serializing", "serialize"),
    ("serialisation", "serialize"),
    ("equality", "op:=="),
    ("identity", "op:is"),
];

/// Question words and filler that say nothing about the subject.
const STOP: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "between",
    "can",
    "code",
    "concept",
    "could",
    "define",
    "describe",
    "difference",
    "differences",
    "different",
    "do",
    "does",
    "explain",
    "for",
    "give",
    "how",
    "i",
    "if",
    "in",
    "is",
    "it",
    "its",
    "key",
    "main",
    "me",
    "mean",
    "meaning",
    "means",
    "of",
    "on",
    "or",
    "purpose",
    "python",
    "pythons",
    "role",
    "s",
    "should",
    "tell",
    "that",
    "the",
    "their",
    "them",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "type",
    "types",
    "use",
    "used",
    "using",
    "versus",
    "vs",
    "way",
    "ways",
    "we",
    "what",
    "whats",
    "when",
    "which",
    "why",
    "with",
    "without",
    "work",
    "works",
    "would",
    "you",
    "your",
];

/// Words that count for little when they differ: a question that only adds
/// one of them asks the same thing.
const WEAK: &[&str] = &[
    "actually",
    "advantage",
    "app",
    "application",
    "benefit",
    "basic",
    "basics",
    "common",
    "correctly",
    "endpoint",
    "effectively",
    "exactly",
    "example",
    "good",
    "gracefully",
    "manually",
    "matching",
    "object",
    "operator",
    "performance",
    "practice",
    "problem",
    "properly",
    "really",
    "safely",
    "securely",
    "simple",
    "tool",
    "usage",
];

/// How much a token said aside counts.
const ASIDE_WEIGHT: f32 = 0.05;

/// How much a weak token counts, against 1 for any other.
pub const WEAK_WEIGHT: f32 = 0.15;

/// The tables above as hash lookups: phrases by their first word.
struct Tables {
    phrases: FxHashMap<&'static str, Vec<(&'static [&'static str], &'static str)>>,
    words: FxHashMap<&'static str, &'static str>,
    stop: FxHashSet<&'static str>,
    doing: FxHashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut phrases: FxHashMap<&str, Vec<(&[&str], &str)>> = FxHashMap::default();
        for &(phrase, token) in PHRASES {
            phrases.entry(phrase[0]).or_default().push((phrase, token));
        }
        for list in phrases.values_mut() {
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
        Tables {
            phrases,
            words: WORDS.iter().copied().collect(),
            stop: STOP.iter().copied().collect(),
            doing: DOING.iter().copied().collect(),
        }
    })
}

/// How much a token counts in a similarity: a word said aside a tenth,
/// weak words [`WEAK_WEIGHT`], the rest 1.
pub fn weight(token: &str) -> f32 {
    if token.starts_with(ASIDE) {
        ASIDE_WEIGHT
    } else if WEAK.contains(&token) {
        WEAK_WEIGHT
    } else {
        1.0
    }
}

fn stem(word: &str) -> Cow<'_, str> {
    if word.starts_with("__") {
        return Cow::Borrowed(word);
    }
    if word.len() > 4
        && let Some(base) = word.strip_suffix("ies")
    {
        return Cow::Owned(format!("{base}y"));
    }
    // classes → class, matches → match, boxes → box
    if word.len() > 4
        && ["sses", "ches", "shes", "xes"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return Cow::Borrowed(&word[..word.len() - 2]);
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return Cow::Borrowed(&word[..word.len() - 1]);
    }
    Cow::Borrowed(word)
}

/// A token, marked with its role when it has one (see [`weight`]).
fn emit(token: &str, role: &str, found: &mut impl FnMut(&str)) {
    if role.is_empty() {
        found(token);
    } else {
        found(&format!("{role}{token}"));
    }
}

fn role(aside: bool) -> &'static str {
    if aside { ASIDE } else { "" }
}

/// The mark of a token said aside: what follows "in Python", a subject's
/// own doing ("How does FastAPI handle ...").
const ASIDE: &str = "for:";
/// Marks a question that names Python itself ("What is dependency injection
/// in Python?", "How to optimize Python performance?"): within notes on a
/// framework it asks about the language, not the framework (see
/// `dupes::find`). Not a token of the similarity.
pub const IN_PYTHON: &str = "in:python";

/// The tokens of one clause of a question; whether it named `__main__`.
fn clause_tokens(tables: &Tables, clause: &str, found: &mut impl FnMut(&str)) -> bool {
    // Words as `text::words` splits them, a qualified name by its last part
    // (`functools.lru_cache` is `lru_cache`, `__init__.py` stays); this
    // iterator can be cloned to look ahead for a phrase.
    let mut words = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .flat_map(|w| {
            let w = w.trim_matches('.');
            let (parts, last) = match w.rfind('.') {
                None => (1, w),
                Some(at) => (w.split('.').count(), &w[at + 1..]),
            };
            let skip = if FILE_SUFFIXES.contains(&last) {
                0
            } else {
                parts - 1
            };
            w.split('.').skip(skip)
        })
        .filter(|w| !w.is_empty());
    let mut mainguard = false;
    // The words after "in Python" say where ("slots in Python classes"),
    // and count for little.
    let mut aside = false;
    // After "in": "in Python" names the question's scope.
    let mut within = false;
    // "How does FastAPI handle middleware?" describes what the subject
    // does: its verb is not the learner's doing.
    let mut described = false;
    // The word before, if it gave a content token: "the `logging` module"
    // is `logging`, while "a module" or "modules and packages" stay.
    let mut named = false;
    // Where "How do you / How to" leaves off: the next word is the
    // learner's doing ("How do you test code?"), whatever the verb.
    let mut asking_how = 0u8;
    // "use X to Y": what follows "to" is the purpose, said aside ("use
    // `__slots__` to optimize memory" asks about `__slots__`).
    let mut using = false;
    'words: while let Some(word) = words.next() {
        // 1 after "how", 2 after "how do" / "how can", 3 where the verb
        // stands ("how do you", "how to").
        let stage = asking_how;
        asking_how = match (stage, word) {
            (_, "how") => 1,
            (1, "to") => 3,
            (1, "do" | "can" | "could" | "should" | "would" | "will") => 2,
            (2, "you" | "i" | "we" | "one") => 3,
            _ => 0,
        };
        if stage == 3 && ACTIVITIES.contains(&word) {
            emit(DO, role(aside), found);
        }
        if word == "use" || word == "using" {
            using = true;
        } else if word == "to" && using && named {
            aside = true;
        } else if word == "without" {
            // "without crashing the app" says how, not what.
            aside = true;
        }
        if let Some(phrases) = tables.phrases.get(word) {
            for (phrase, token) in phrases {
                let mut ahead = words.clone();
                if phrase[1..].iter().all(|p| ahead.next() == Some(p)) {
                    words = ahead;
                    emit(token, role(aside), found);
                    named = *token != DO;
                    continue 'words;
                }
            }
        }
        if word == "does" {
            described = true;
        } else if word == "in" {
            within = true;
        } else if ["and", "or", "vs", "versus", "with", "for"].contains(&word) {
            within = false;
            // "the GIL in Python and its implications for FastAPI": a
            // second subject after a conjunction is not said aside.
            if ["and", "or", "vs", "versus"].contains(&word) {
                aside = false;
                using = false;
            }
        }
        if word == "python" || word == "pythons" {
            found(IN_PYTHON);
            aside |= within;
            continue;
        }
        if (word == "module" || word == "modules") && named {
            named = false;
            found(MODULE);
            continue;
        }
        // "the memory management model", "FastAPI's dependency injection
        // system", "Pydantic models" are the thing named.
        if [
            "model",
            "models",
            "system",
            "systems",
            "mechanism",
            "mechanisms",
        ]
        .contains(&word)
            && named
        {
            named = false;
            continue;
        }
        named = false;
        if let Some(token) = tables.words.get(word) {
            mainguard |= *token == "mainguard";
            emit(token, role(aside), found);
            named = true;
        } else if tables.doing.contains(word) {
            // "How does FastAPI integrate with SQLAlchemy?" is the
            // learner's integrating, as "How to integrate SQLAlchemy with
            // FastAPI?".
            let together = words.clone().next() == Some("with");
            emit(DO, role(aside || (described && !together)), found);
        } else if !tables.stop.contains(word)
            && (word.len() > 1 || word.bytes().all(|b| b.is_ascii_digit()))
        {
            emit(&stem(word), role(aside), found);
            named = true;
        }
    }
    mainguard
}

/// Follows a token that named a module ("the `copy` module"); removed by
/// [`tokens`].
const MODULE: &str = "mod:";

/// Suffixes that make a dotted word a file name, not a qualified name.
const FILE_SUFFIXES: &[&str] = &[
    "py", "pyc", "txt", "toml", "cfg", "ini", "json", "yaml", "yml", "md", "whl", "csv", "lock",
];

/// Calls `found` with each content token of a question (repeats possible).
fn for_each_token(question: &str, mut found: impl FnMut(&str)) {
    let tables = tables();
    let lower;
    let text = if !question.is_ascii() {
        lower = question.to_lowercase();
        lower.as_str()
    } else if question.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = question.to_ascii_lowercase();
        lower.as_str()
    } else {
        question
    };
    let mut mainguard = false;
    // Roles reset at each clause: "What is X? How do you use it?"
    for clause in text.split(['?', ',', ';', '!', '(', ')', ':']) {
        mainguard |= clause_tokens(tables, clause, &mut found);
    }
    // Operators are the subject of some questions (`is` vs `==`); inside
    // `if __name__ == "__main__"` they are not. A bare "is" is the operator
    // when it is one of two things compared: "between is and ==", "== vs
    // is".
    // `import *` is its own subject, not imports in general.
    if text.contains("import *") {
        found("op:import*");
    }
    if !mainguard {
        let equals = text.contains("==");
        if equals {
            found("op:==");
        }
        let compared = || {
            let words: Vec<&str> = text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty())
                .collect();
            words.iter().enumerate().any(|(i, &w)| {
                w == "is"
                    && (i > 0 && ["and", "vs", "or", "between"].contains(&words[i - 1])
                        || words
                            .get(i + 1)
                            .is_some_and(|n| ["and", "vs", "or"].contains(n)))
            })
        };
        if text.contains("`is`") || text.contains("is operator") || (equals && compared()) {
            found("op:is");
        }
    }
}

/// A subject and a token that, beside it, is part of it (see [`tokens`]).
const PARTS: &[(&str, &str)] = &[
    ("generator", "yield"),
    ("eventloop", "asyncio"),
    ("await", "asyncio"),
    ("memory", "gc"),
    ("typehint", "staticanalysis"),
    ("descriptor", "__get__"),
    ("descriptor", "__set__"),
    ("descriptor", "__delete__"),
    ("descriptor", "__set_name__"),
    ("iterator", "__iter__"),
    ("iterator", "__next__"),
    ("contextmanager", "__enter__"),
    ("contextmanager", "__exit__"),
    ("sqlalchemy", "orm"),
];

/// Kinds of test besides unit tests.
const OTHER_TESTS: &[&str] = &[
    "integration",
    "functional",
    "e2e",
    "end",
    "acceptance",
    "load",
    "smoke",
    "regression",
    "property",
    "system",
    "performance",
];

fn has_token(tokens: &[String], token: &str) -> bool {
    tokens.iter().any(|t| t == token)
}

/// The content tokens of a question, sorted and without repeats.
pub fn tokens(question: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The modules named as modules ("deepcopy in the copy module").
    let mut modules: Vec<String> = Vec::new();
    for_each_token(question, |t| {
        if t == MODULE {
            if let Some(last) = out.last() {
                modules.push(last.clone());
            }
        } else {
            out.push(t.to_string());
        }
    });
    out.sort_unstable();
    out.dedup();
    // "Generators (yield)": beside generators, `yield` is how they are
    // made, not a second subject; so is asyncio beside its event loop or
    // async/await, garbage collection beside memory management, static
    // analysis beside type hints (what they are for), the methods of a
    // protocol beside it ("Descriptors: what are `__get__`, `__set__`?"),
    // the ORM beside SQLAlchemy, and the `copy` module beside `deepcopy`.
    for (subject, part) in PARTS {
        if has_token(&out, subject) {
            out.retain(|t| t != part);
        }
    }
    if has_token(&out, "deepcopy") && modules.iter().any(|m| m == "copy") {
        out.retain(|t| t != "copy");
    }
    // "def and async def endpoints", "sync vs async routes": the two
    // styles are the subject, whatever they are applied to.
    if has_token(&out, "async") {
        if let Some(at) = out.iter().position(|t| t == "def") {
            out[at] = "sync".to_string();
        }
        if has_token(&out, "sync") {
            out.retain(|t| {
                !["function", "route", "endpoint", "method", "def"].contains(&t.as_str())
            });
        }
        out.sort_unstable();
        out.dedup();
    }
    // Unit tests are what "tests" means unless another kind is named.
    if has_token(&out, "test")
        && has_token(&out, "unit")
        && !OTHER_TESTS.iter().any(|k| has_token(&out, k))
    {
        out.retain(|t| t != "unit");
    }
    // "Instance vs class vs static methods": the adjectives share the noun
    // (two of them at least, so "a class with a static method" stays).
    let kinds = ["instance", "class", "static"];
    let bare = kinds.iter().filter(|k| has_token(&out, k)).count();
    let method = || {
        ["instancemethod", "classmethod", "staticmethod", "method"]
            .iter()
            .any(|k| has_token(&out, k))
    };
    if bare >= 2 && method() {
        for k in kinds {
            if has_token(&out, k) {
                out.push(format!("{k}method"));
            }
        }
        out.retain(|t| !["instance", "class", "static", "method"].contains(&t.as_str()));
        out.sort_unstable();
        out.dedup();
    }
    // "Shallow vs deep copy": both adjectives share the noun.
    let has = |out: &[String], w: &str| out.iter().any(|t| t == w);
    for (adjective, other) in [("shallow", "deepcopy"), ("deep", "shallowcopy")] {
        if has(&out, adjective) && has(&out, other) {
            out.retain(|t| t != adjective);
            out.push(format!("{adjective}copy"));
            out.sort_unstable();
            out.dedup();
        }
    }
    // Beside a deep copy, a plain "copy" is the shallow one ("`copy` and
    // `deepcopy`").
    if has_token(&out, "deepcopy")
        && let Some(at) = out.iter().position(|t| t == "copy")
    {
        out.remove(at);
        if !out.iter().any(|t| t == "shallowcopy") {
            out.push("shallowcopy".to_string());
            out.sort_unstable();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The similarity's tokens, without the mark of a Python scope.
    fn tokens(question: &str) -> Vec<String> {
        let mut out = super::tokens(question);
        out.retain(|t| t != IN_PYTHON);
        out
    }

    #[test]
    fn scope_and_purpose_are_marked() {
        assert!(super::tokens("What is DI in Python?").contains(&IN_PYTHON.to_string()));
        assert!(!super::tokens("What is DI in FastAPI?").contains(&IN_PYTHON.to_string()));
        assert!(
            super::tokens("How to optimize Python performance?").contains(&IN_PYTHON.to_string())
        );
        // A scope ends with its clause or at a conjunction.
        let gil = super::tokens("Explain the GIL in Python, and its implications for FastAPI");
        assert_eq!(gil, ["fastapi", "gil", "implication", "in:python"]);
        assert_eq!(weight("for:memory"), ASIDE_WEIGHT);
        assert_eq!(
            tokens("How to enable CORS in FastAPI?"),
            ["cor", "enable", "fastapi"]
        );
    }

    #[test]
    fn manner_purpose_and_parts_count_for_little() {
        // What follows "without", and the purpose of a use, are said aside.
        assert_eq!(
            tokens("How do you safely handle exceptions without crashing the app?"),
            ["do:", "exception", "for:app", "for:crashing", "safely"]
        );
        // A conjunction ends a word said aside.
        assert_eq!(
            tokens("Explain the GIL in Python and its implications for FastAPI."),
            ["fastapi", "gil", "implication"]
        );
        // Parts of a subject beside it.
        assert_eq!(
            tokens("Explain Python Descriptors - What Are `__get__`, `__set__`, `__delete__`?"),
            ["descriptor"]
        );
        assert_eq!(tokens("Type Hints and Static Analysis"), ["typehint"]);
        assert_eq!(tokens("Async/Await and Asyncio"), ["async", "await"]);
        assert_eq!(
            tokens("Python's Memory Management and Garbage Collection"),
            ["manage", "memory"]
        );
        assert_eq!(
            tokens("How does Python's garbage collector detect cycles?"),
            ["cycle", "detect", "gc"]
        );
        // The copy module beside deepcopy is where deepcopy lives; pickle
        // is serialization.
        assert_eq!(
            tokens(
                "Explain difference between deepcopy in copy module and serialization (pickle)."
            ),
            ["deepcopy", "serialize"]
        );
        assert_eq!(
            tokens("What is the difference between `copy` and `deepcopy`?"),
            ["deepcopy", "shallowcopy"]
        );
        // Sync and async styles, whatever they apply to.
        assert_eq!(
            tokens("What is the difference between def and async def endpoints in FastAPI?"),
            tokens("What is difference between Sync and Async routes in FastAPI?")
        );
        // Unit tests unless another kind is named; testing is a doing.
        assert_eq!(
            tokens("How do you implement unit tests?"),
            tokens("How do you test Python code?")
        );
        assert_eq!(
            tokens("Difference between unit test and integration test?"),
            ["integration", "test", "unit"]
        );
        assert_ne!(
            tokens("What is unit testing?"),
            tokens("How do you test code?")
        );
        // "X model / system" is X; "custom" still counts.
        assert_eq!(
            tokens("What is Python’s memory management model?"),
            ["manage", "memory"]
        );
        assert_ne!(
            tokens("How to handle custom exceptions?"),
            tokens("How do you handle exceptions?")
        );
        // The learner integrates, whichever name comes first.
        assert_eq!(
            tokens("How does FastAPI integrate with SQLAlchemy?"),
            tokens("How to integrate SQLAlchemy with FastAPI?")
        );
    }

    #[test]
    fn synonyms_fold_and_filler_goes() {
        assert_eq!(
            tokens("What is the difference between shallow copy and deep copy?"),
            tokens("Difference between `deepcopy` and `shallow copy`?")
        );
        assert_eq!(
            tokens("Deep Copy vs Shallow Copy"),
            ["deepcopy", "shallowcopy"]
        );
        assert_eq!(
            tokens("When to use multithreading vs multiprocessing in Python?"),
            ["multiprocessing", "threading"]
        );
        assert_eq!(
            tokens("Explain Threading vs Multiprocessing in Python"),
            ["multiprocessing", "threading"]
        );
        assert_eq!(tokens("What is the use of `__main__`?"), ["mainguard"]);
        assert_eq!(tokens("What is `__name__ == '__main__'`?"), ["mainguard"]);
        assert_eq!(
            tokens("What is the difference between `==` and `is`?"),
            ["op:==", "op:is"]
        );
        assert_eq!(tokens("What are *args and **kwargs?"), ["args", "kwargs"]);
        assert_eq!(tokens("Explain `__slots__` in Python"), ["slot"]);
        assert_eq!(
            tokens("What are Metaclasses?"),
            tokens("What is a metaclass?")
        );
        assert_eq!(
            tokens("What is the Difference Between `copy` and `deepcopy`?"),
            ["deepcopy", "shallowcopy"]
        );
        assert_eq!(
            tokens("Difference between is and == in Python?"),
            ["op:==", "op:is"]
        );
        assert_eq!(
            tokens("Equality (==) vs Identity (is) operators"),
            ["op:==", "op:is", "operator"]
        );
        assert_eq!(
            tokens("How to implement rate limiting?"),
            tokens("How to handle rate-limiting?")
        );
        assert_ne!(tokens("What is a string?"), tokens("What are f-strings?"));
        assert_eq!(tokens("What is the `logging` module?"), ["logging"]);
        assert_eq!(tokens("What is a module?"), ["module"]);
        assert_eq!(
            tokens("How do you use `__slots__` to optimize memory?"),
            ["for:memory", "for:optimize", "slot"]
        );
        assert_eq!(tokens("What is event loop in asyncio?"), ["eventloop"]);
        assert_ne!(
            tokens("What is `Protocol` in typing?"),
            tokens("What is the `typing` module?")
        );
        assert_ne!(
            tokens("How does import * work?"),
            tokens("What types of imports are there?")
        );
        assert_eq!(
            tokens("Difference between asyncio and threading?"),
            ["asyncio", "threading"]
        );
        assert_eq!(tokens("How do you use Generators (yield)?"), ["generator"]);
        assert_eq!(
            tokens("Explain shallow vs deep copy."),
            ["deepcopy", "shallowcopy"]
        );
        assert_eq!(tokens("What is functools.lru_cache?"), ["lru_cache"]);
        assert_eq!(
            tokens("What is `__init__.py` used for?"),
            ["__init__", "py"]
        );
        assert_eq!(
            tokens("What are slots in Python classes?"),
            ["for:class", "slot"]
        );
        assert_eq!(
            tokens("Instance vs Class vs Static Methods"),
            ["classmethod", "instancemethod", "staticmethod"]
        );
        assert_eq!(
            tokens("How does FastAPI handle middleware?"),
            ["fastapi", "for:do:", "middleware"]
        );
        assert_eq!(
            tokens("What is the difference between yield and return?"),
            ["return", "yield"]
        );
    }
}
