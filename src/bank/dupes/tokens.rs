//! A question's content tokens, for finding the same question asked in other
//! words: lowercase words, Python-aware synonyms folded into one token
//! (`deep copy`/`deepcopy`, `multithreading`/`threads`, `__main__`), the
//! `is` and `==` operators kept, question words and filler dropped, plural
//! `s` removed.

use crate::bank::text::words;

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

/// How much a token counts in a similarity.
pub fn weight(token: &str) -> f32 {
    if WEAK.contains(&token) { 0.25 } else { 1.0 }
}

fn stem(word: &str) -> String {
    if word.starts_with("__") {
        return word.to_string();
    }
    if word.len() > 4
        && let Some(base) = word.strip_suffix("ies")
    {
        return format!("{base}y");
    }
    // classes → class, matches → match, boxes → box
    if word.len() > 4
        && ["sses", "ches", "shes", "xes"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return word[..word.len() - 2].to_string();
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

/// The content tokens of a question, sorted and without repeats.
pub fn tokens(question: &str) -> Vec<String> {
    let lower = question.to_lowercase();
    let words: Vec<&str> = words(&lower).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    'words: while i < words.len() {
        for (phrase, token) in PHRASES {
            if words[i..].starts_with(phrase) {
                out.push((*token).to_string());
                i += phrase.len();
                continue 'words;
            }
        }
        let word = words[i];
        i += 1;
        if let Some((_, token)) = WORDS.iter().find(|(w, _)| *w == word) {
            out.push((*token).to_string());
        } else if !STOP.contains(&word)
            && (word.len() > 1 || word.bytes().all(|b| b.is_ascii_digit()))
        {
            out.push(stem(word));
        }
    }
    // Operators are the subject of some questions (`is` vs `==`); inside
    // `if __name__ == "__main__"` they are not.
    if !out.iter().any(|t| t == "mainguard") {
        if lower.contains("==") {
            out.push("op:==".into());
        }
        if lower.contains("`is`") || lower.contains("is operator") {
            out.push("op:is".into());
        }
    }
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
