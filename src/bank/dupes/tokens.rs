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
];

/// Question words and filler that say nothing about the subject.
const STOP: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "between",
    "can",
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
    "there",
    "these",
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
    "basic",
    "basics",
    "common",
    "correctly",
    "effectively",
    "exactly",
    "good",
    "properly",
    "really",
    "simple",
    "usage",
];

/// The tables above as hash lookups: phrases by their first word.
struct Tables {
    phrases: FxHashMap<&'static str, Vec<(&'static [&'static str], &'static str)>>,
    words: FxHashMap<&'static str, &'static str>,
    stop: FxHashSet<&'static str>,
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
        }
    })
}

/// How much a token counts in a similarity.
pub fn weight(token: &str) -> f32 {
    if WEAK.contains(&token) { 0.25 } else { 1.0 }
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

/// Calls `found` with each content token of a question (repeats possible).
fn for_each_token(question: &str, mut found: impl FnMut(&str)) {
    let tables = tables();
    let lower;
    let text = if question
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        lower = question.to_lowercase();
        lower.as_str()
    } else {
        question
    };
    // Words as `text::words` splits them; this iterator can be cloned to
    // look ahead for a phrase.
    let mut words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty());
    let mut mainguard = false;
    'words: while let Some(word) = words.next() {
        if let Some(phrases) = tables.phrases.get(word) {
            for (phrase, token) in phrases {
                let mut ahead = words.clone();
                if phrase[1..].iter().all(|p| ahead.next() == Some(p)) {
                    words = ahead;
                    found(token);
                    continue 'words;
                }
            }
        }
        if let Some(token) = tables.words.get(word) {
            mainguard |= *token == "mainguard";
            found(token);
        } else if !tables.stop.contains(word)
            && (word.len() > 1 || word.bytes().all(|b| b.is_ascii_digit()))
        {
            found(&stem(word));
        }
    }
    // Operators are the subject of some questions (`is` vs `==`); inside
    // `if __name__ == "__main__"` they are not.
    if !mainguard {
        if text.contains("==") {
            found("op:==");
        }
        if text.contains("`is`") || text.contains("is operator") {
            found("op:is");
        }
    }
}

/// The content tokens of a question, sorted and without repeats.
pub fn tokens(question: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for_each_token(question, |t| out.push(t.to_string()));
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
