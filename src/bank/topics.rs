//! The canonical topics and the one table that maps words onto them.
//!
//! A record's topics come from its question's words, read as their longest
//! phrases (a keyword weighs 3, a weak word 1), its raw tags (2), its
//! section name (1) and the modules its answer's code imports (1); see
//! [`classify`].

use crate::bank::text::Trim;
use serde::{Deserialize, Serialize};

use super::phrases::{Encoded, PhraseIndex};
use std::fmt;

macro_rules! topics {
    ($($variant:ident => $slug:literal, $title:literal, [$($kw:literal),* $(,)?];)*) => {
        /// A canonical topic.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum Topic {
            $(#[serde(rename = $slug)] $variant,)*
        }

        impl Topic {
            /// Every topic, in display order.
            pub const ALL: &'static [Topic] = &[$(Topic::$variant,)*];

            /// The slug used on the command line and in JSON.
            pub fn slug(self) -> &'static str {
                match self { $(Topic::$variant => $slug,)* }
            }

            /// A human title.
            pub fn title(self) -> &'static str {
                match self { $(Topic::$variant => $title,)* }
            }

            /// Words and phrases (lowercase, tokenized) that point to it.
            pub fn keywords(self) -> &'static [&'static str] {
                match self { $(Topic::$variant => &[$($kw),*],)* }
            }
        }
    };
}

topics! {
    Basics => "basics", "Language basics", [
        "pep 8", "pep8", "main features", "syntax", "variable", "variables", "indentation",
        "comment", "comments", "interpreted", "compiled", "dynamically typed", "dynamic typing",
        "operator", "operators", "key features", "pass statement", "none", "boolean", "truthy",
        "falsy", "ternary", "walrus", "loop", "loops", "break and continue", "range function",
        "user input", "identity", "equality", "is and", "and is", "mutable", "immutable", "scope",
        "scopes", "legb", "global keyword", "global variable", "global variables", "nonlocal",
        "type conversion", "casting", "data types", "built in types", "builtin types", "python 2",
        "python 3", "integer", "integers", "float", "swap", "namespaces", "namespace", "ellipsis",
        "bool", "pattern matching", "python version", "python versions", "new features",
        "immutability",
    ];
    DataStructures => "data-structures", "Data structures", [
        "list", "lists", "tuple", "tuples", "dict", "dicts", "dictionary", "dictionaries", "set",
        "sets", "frozenset", "array", "arrays", "deque", "heapq", "heap", "priority queue",
        "priority queues", "bisect", "namedtuple", "namedtuples", "counter", "defaultdict",
        "ordereddict", "data structures", "data structure", "comprehension", "comprehensions",
        "list comprehension", "slicing", "slice", "hash table", "hashable", "linked list", "sort",
        "sorting", "sorted", "append", "extend", "copy", "deepcopy", "deep copy", "shallow copy",
        "collections", "unpack", "unpacking",
    ];
    Strings => "strings", "Strings & text", [
        "string", "strings", "str", "f string", "f strings", "fstring", "formatting", "regex",
        "regular expression", "regular expressions", "re", "unicode", "encoding", "bytes",
        "substring", "palindrome", "anagram", "join", "split",
    ];
    Functions => "functions", "Functions", [
        "lambda", "lambdas", "args", "kwargs", "default argument", "default arguments",
        "mutable default", "recursion", "recursive", "higher order", "map", "filter", "reduce",
        "partial", "functools", "first class", "callable", "callables", "functional programming",
        "zip", "enumerate", "docstring", "docstrings", "functional", "keyword arguments",
        "keyword argument", "positional arguments", "positional argument", "sum", "len", "abs",
        "round", "min", "max", "divmod", "isinstance", "built in functions",
    ];
    Oop => "oop", "Classes & OOP", [
        "class", "classes", "oop", "object oriented", "inheritance", "polymorphism", "descriptor protocol",
        "encapsulation", "abstraction", "staticmethod", "classmethod", "static method",
        "class method", "instance method", "instance methods", "self", "__init__", "__new__", "mro",
        "method resolution order", "multiple inheritance", "super", "metaclass", "metaclasses",
        "descriptor", "descriptors", "property", "properties", "dunder", "magic methods",
        "magic method", "__str__", "__repr__", "abc", "abcs", "abstract", "abstract base classes",
        "dataclass", "dataclasses", "slots", "__slots__", "overriding", "overloading", "mixin",
        "mixins", "composition", "metaprogramming", "__getattr__", "__setattr__", "__call__",
        "__get__", "__set__", "enum", "private", "protected", "name mangling", "access modifiers",
    ];
    IteratorsGenerators => "iterators-generators", "Iterators & generators", [
        "iterator", "iterators", "generator", "generators", "yield", "iterable", "iterables",
        "itertools", "generator expression", "generator expressions", "lazy evaluation", "lazy",
        "groupby", "__iter__", "__next__", "iterator protocol", "iteration", "iterate", "iterating",
    ];
    DecoratorsClosures => "decorators-closures", "Decorators & closures", [
        "decorator", "decorators", "closure", "closures", "wraps", "nested function",
        "nested functions", "memoization", "memoize", "lru_cache", "wrapper",
    ];
    ErrorHandling => "error-handling", "Errors & context managers", [
        "exception", "exceptions", "try", "except", "finally", "raise", "traceback",
        "error handling", "exception handling", "custom exception", "custom exceptions", "assert",
        "assertion", "context manager", "context managers", "contextlib", "with statement",
        "__enter__", "__exit__", "crashing", "gracefully", "stack trace",
    ];
    FilesIo => "files-io", "Files & I/O", [
        "open", "csv", "io", "i o", "pathlib", "directory", "serialization", "serialize",
        "serializing", "deserialize", "pickle", "pickling", "json", "yaml", "stdin", "stdout", "log file", "large file", "file handling",
    ];
    ModulesPackaging => "modules-packaging", "Modules & packaging", [
        "package", "packages", "import", "what is a module", "what are modules", "modules installed",
        "installed modules", "create a module", "own module", "module vs package", "imports", "importlib", "__init__ py",
        "pip", "pypi", "virtual environment", "virtual environments", "venv", "virtualenv", "pipenv",
        "poetry", "conda", "requirements txt", "wheel", "wheels", "whl", "setup py", "pyproject",
        "dependencies", "dependency management", "site packages", "sys path", "circular import",
        "circular imports", "__name__", "__main__", "entry points", "__all__", "distribution",
        "pipfile", "__pycache__", "ecosystem", "install",
    ];
    Stdlib => "stdlib", "Standard library", [
        "standard library", "os", "sys", "datetime", "math", "logging", "subprocess", "argparse",
        "shutil", "glob", "uuid", "hashlib", "struct", "inspect", "contextvars", "shell commands",
        "dates", "timezone", "decimal", "built in modules", "builtins", "built ins",
    ];
    Typing => "typing", "Type hints", [
        "type hint", "type hints", "typing", "annotations", "annotation", "mypy", "static typing",
        "type checking", "type safety", "generics", "protocol", "typeddict", "pydantic",
        "response_model", "static analysis",
    ];
    Concurrency => "concurrency", "Threads & processes", [
        "thread", "threads", "threading", "multithreading", "multiprocessing", "processes", "gil",
        "global interpreter lock", "concurrency", "concurrent", "parallel", "parallelism",
        "parallelize", "lock", "locks", "race condition", "race conditions", "deadlock",
        "semaphore", "concurrent futures", "threadpoolexecutor", "processpoolexecutor",
        "thread safe", "producer consumer", "cpu bound", "os concepts",
    ];
    Async => "async", "Async & asyncio", [
        "async", "asyncio", "await", "coroutine", "coroutines", "event loop", "aiohttp", "gather",
        "non blocking", "asynchronous", "backpressure", "cooperative multitasking", "async def",
        "i o bound", "io bound", "uvloop", "trio", "anyio",
    ];
    MemoryInternals => "memory-internals", "Memory & internals", [
        "memory", "garbage collection", "garbage collector", "gc", "reference counting",
        "reference count", "internals", "internally", "cpython", "pypy", "jython", "cython",
        "bytecode", "pyc", "frame object", "weakref", "weak reference", "weak references",
        "memory leak", "memory management", "small integer", "dis", "disassembler", "settrace",
        "buffer protocol", "zero copy", "under the hood", "execution loop", "interning", "string interning",
    ];
    Performance => "performance", "Performance", [
        "performance", "optimize", "optimization", "optimise", "optimizing", "profile", "profiling",
        "cprofile", "profiler", "bottleneck", "bottlenecks", "benchmark", "timeit", "numba",
        "high performance", "latency", "throughput", "big o", "time complexity", "complexity",
        "caching", "cache", "high throughput", "py spy",
    ];
    TestingDebugging => "testing-debugging", "Testing & debugging", [
        "test", "tests", "testing", "unit test", "unit tests", "unittest", "pytest", "mock",
        "mocking", "mocks", "stub", "stubs", "fixture", "fixtures", "debug", "debugging", "pdb",
        "breakpoint", "tdd", "coverage", "hypothesis", "doctest", "monkey patching", "monkeypatch",
        "dependency overrides", "override dependencies",
    ];
    WebFastapi => "web-fastapi", "Web & FastAPI", [
        "fastapi", "flask", "django", "web", "api", "apis", "rest", "restful", "http", "endpoint",
        "endpoints", "route", "routes", "routing", "middleware", "wsgi", "asgi", "uvicorn",
        "gunicorn", "uwsgi", "starlette", "cors", "websocket", "websockets", "apirouter",
        "dependency injection", "depends", "backgroundtasks", "background tasks", "openapi",
        "swagger", "pagination", "static files", "frontend", "full stack", "html", "jinja",
        "graphql", "rate limiting", "rate limiter", "status code", "react", "web apps",
        "query parameters", "query parameter", "path parameters", "path parameter",
        "upload", "uploads", "file upload", "file uploads",
    ];
    Databases => "databases", "Databases & ORMs", [
        "database", "databases", "db", "sql", "sqlite", "sqlalchemy", "orm", "orms", "postgres",
        "postgresql", "psycopg", "psycopg2", "mongodb", "pymongo", "redis", "transaction",
        "transactions", "migration", "migrations", "alembic", "connection pooling",
        "connection pool", "eager loading", "lazy loading", "bulk insert", "multi tenancy",
        "read replicas", "soft delete", "n 1", "seed data", "left join", "inner join", "outer join", "joins",
    ];
    DesignPatterns => "design-patterns", "Design patterns & idioms", [
        "design pattern", "design patterns", "singleton", "factory", "observer", "strategy pattern",
        "adapter", "dependency inversion", "solid", "duck typing", "anti pattern", "anti patterns",
        "pythonic", "idiomatic", "clean code", "dry", "zen of python",
    ];
    Security => "security", "Security", [
        "security", "password", "passwords", "encryption", "encrypt", "authentication",
        "authorization", "auth", "rbac", "jwt", "oauth2", "oauth", "oauth2passwordbearer",
        "sql injection", "xss", "csrf", "secrets", "eval", "sanitize", "vulnerability",
        "vulnerabilities", "refresh tokens", "https", "tls", "ssl", "bcrypt", "cryptography",
        "protect routes", "password hashing", "hash passwords", "hash a password",
    ];
    Networking => "networking", "Networking", [
        "socket", "sockets", "network", "networking", "tcp", "udp", "http requests", "urllib",
        "web scraping", "scraping", "dns", "grpc", "ip", "network applications",
    ];
    DataScience => "data-science", "Data science", [
        "numpy", "pandas", "matplotlib", "scipy", "scikit learn", "sklearn", "tensorflow", "pytorch",
        "dataframe", "dataframes", "data science", "machine learning", "ndarray", "vectorization",
        "vectorized", "broadcasting", "jupyter", "data analysis", "numerical", "data scientists",
    ];
    CodingProblems => "coding-problems", "Coding problems", [
        "write code", "reverse a", "find duplicates", "fibonacci", "two sum", "binary search",
        "flatten", "most frequent", "coding problem", "coding problems", "algorithm", "algorithms", "fizzbuzz", "prime", "factorial", "interview coding problems",
        "code pattern", "write a function", "write a program", "write a python",
        "implement a function", "program to",
    ];
    SystemDesign => "system-design", "System design & deployment", [
        "system design", "scale", "scalable", "scaling", "horizontally", "microservices",
        "microservice", "architecture", "distributed", "deployment", "deploy", "kubernetes",
        "docker", "load balancer", "load balancing", "message queue", "celery", "kafka",
        "high traffic", "real time", "devops", "ci cd", "monitoring", "observability", "versioning",
        "api versioning", "project structure", "rate limiter using", "contract stability",
        "deprecate",
    ];
    Tooling => "tooling", "Tooling & code quality", [
        "pylint", "flake8", "black", "ruff", "linter", "linting", "formatter", "pre commit", "ide",
        "repl", "ipython", "code quality", "pep 257", "documentation", "document code", "sphinx",
        "tox", "git", "code review", "static code analyzer", "style guide",
    ];
}

/// Words that point to a topic only weakly: generic nouns that also name
/// what a question is about ("methods" of a dict, "files" of a package).
/// Each is worth a third of a keyword, so alone it files a card (when
/// nothing else does) but never adds a second topic.
const WEAK: &[(Topic, &[&str])] = &[
    (
        Topic::Basics,
        &[
            "keyword",
            "keywords",
            "basics",
            "basic",
            "fundamentals",
            "introduction",
            "standards",
            "numbers",
        ],
    ),
    (
        Topic::Oop,
        &[
            "object",
            "objects",
            "method",
            "methods",
            "instance",
            "instances",
            "attributes",
            "attribute",
        ],
    ),
    (
        Topic::Functions,
        &[
            "function",
            "functions",
            "arguments",
            "argument",
            "parameters",
            "return",
        ],
    ),
    (Topic::Stdlib, &["time", "random", "cli", "must know"]),
    (
        Topic::FilesIo,
        &["file", "files", "stream", "streaming", "buffer"],
    ),
    (Topic::DataStructures, &["merge", "stack"]),
    (Topic::Strings, &["text", "characters", "format"]),
    (Topic::ErrorHandling, &["error", "errors"]),
    (Topic::Typing, &["validation", "validate"]),
    (Topic::Concurrency, &["pool"]),
    (
        Topic::MemoryInternals,
        &["implemented", "interpreter", "frame"],
    ),
    (
        Topic::Performance,
        &["efficient", "efficiently", "faster", "speed"],
    ),
    (
        Topic::WebFastapi,
        &[
            "request",
            "requests",
            "response",
            "responses",
            "template",
            "templates",
            "frameworks",
        ],
    ),
    (
        Topic::Databases,
        &[
            "query",
            "queries",
            "index",
            "indexes",
            "cursor",
            "integrity",
        ],
    ),
    (
        Topic::DesignPatterns,
        &["best practices", "patterns", "pattern", "advanced patterns"],
    ),
    (
        Topic::Security,
        &["hashing", "tokens", "secret", "secure", "securely"],
    ),
    (Topic::CodingProblems, &["find the", "count the"]),
    (
        Topic::SystemDesign,
        &["production", "configuration", "structure", "project"],
    ),
];

/// Phrases that point nowhere but keep their words from being read alone:
/// "`__init__.py` files" are not file I/O, nor is "set up" a set.
const NEUTRAL: &[&str] = &["py file", "py files", "set up"];

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// What a phrase of the index says.
#[derive(Clone, Copy)]
pub(crate) enum Cue {
    Strong(Topic),
    Weak(Topic),
    Neutral,
}

pub(crate) fn index() -> &'static PhraseIndex<Cue> {
    static INDEX: std::sync::OnceLock<PhraseIndex<Cue>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let strong = Topic::ALL
            .iter()
            .flat_map(|&t| t.keywords().iter().map(move |k| (Cue::Strong(t), *k)));
        let weak = WEAK
            .iter()
            .flat_map(|&(t, words)| words.iter().map(move |k| (Cue::Weak(t), *k)));
        let neutral = NEUTRAL.iter().map(|k| (Cue::Neutral, *k));
        PhraseIndex::new(strong.chain(weak).chain(neutral))
    })
}

const TOPICS: usize = Topic::ALL.len();

/// Keyword occurrences per topic, indexed by `Topic as usize`: keywords,
/// and weak words (see [`WEAK`]).
#[derive(Clone, Copy, Default)]
pub struct Hits {
    strong: [u32; TOPICS],
    weak: [u32; TOPICS],
}

impl Hits {
    /// Whether anything in the text points to the topic.
    fn any(&self, i: usize) -> bool {
        self.strong[i] + self.weak[i] > 0
    }

    fn best(&self) -> Option<Topic> {
        let (i, n) = (0..TOPICS)
            .map(|i| (i, 3 * self.strong[i] + self.weak[i]))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
        (n > 0).then(|| Topic::ALL[i])
    }
}

/// How many times keyword phrases of each topic occur in `text`.
pub fn hits(text: &str) -> Hits {
    hits_encoded(&index().encode(text))
}

/// [`hits`] of a text already encoded (by this index or one extending it),
/// read as its longest phrases: "event loop" is not also a loop.
pub fn hits_encoded(text: &Encoded) -> Hits {
    let mut hits = Hits::default();
    index().for_each_longest_match(text, |cue| match cue {
        Cue::Strong(t) => hits.strong[t as usize] += 1,
        Cue::Weak(t) => hits.weak[t as usize] += 1,
        Cue::Neutral => {}
    });
    hits
}

/// Topics the answer's code imports: `import asyncio`, `from fastapi
/// import ...`. Evidence as weak as a section name.
fn imported(answer: &str) -> [bool; TOPICS] {
    let mut found = [false; TOPICS];
    let bytes = answer.as_bytes();
    let mut last_line = usize::MAX;
    // Only lines with "import " in them are read.
    for at in memchr::memmem::find_iter(bytes, b"import ") {
        let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |n| n + 1);
        if start == last_line {
            continue;
        }
        last_line = start;
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        let line = answer[start..end].trim_start_ws();
        let module = if let Some(rest) = line.strip_prefix("import ") {
            rest
        } else if let Some(rest) = line.strip_prefix("from ") {
            if !rest.contains(" import") {
                continue;
            }
            rest
        } else {
            continue;
        };
        let top = module
            .trim_start_ws()
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if let Some(topic) = module_topic(top) {
            found[topic as usize] = true;
        }
    }
    found
}

/// The topic a top-level module belongs to, for the modules that say it.
fn module_topic(module: &str) -> Option<Topic> {
    use Topic::*;
    Some(match module {
        "asyncio" | "aiohttp" | "trio" | "anyio" | "uvloop" => Async,
        "threading" | "multiprocessing" | "concurrent" | "queue" => Concurrency,
        "re" | "string" | "textwrap" | "unicodedata" => Strings,
        "unittest" | "pytest" | "doctest" | "hypothesis" | "pdb" => TestingDebugging,
        "numpy" | "pandas" | "matplotlib" | "scipy" | "sklearn" | "torch" | "tensorflow" => {
            DataScience
        }
        "sqlite3" | "sqlalchemy" | "psycopg2" | "psycopg" | "pymongo" | "redis" | "alembic" => {
            Databases
        }
        "fastapi" | "flask" | "django" | "starlette" | "uvicorn" => WebFastapi,
        "socket" | "urllib" | "requests" | "http" | "httpx" | "ssl" => Networking,
        "json" | "csv" | "pickle" | "pathlib" | "io" | "shutil" | "tempfile" => FilesIo,
        "typing" | "pydantic" | "typing_extensions" => Typing,
        "dataclasses" | "abc" | "enum" => Oop,
        "itertools" => IteratorsGenerators,
        "collections" | "heapq" | "bisect" | "array" => DataStructures,
        "contextlib" => ErrorHandling,
        "gc" | "weakref" | "dis" | "ctypes" | "tracemalloc" => MemoryInternals,
        "logging" | "datetime" | "os" | "time" | "random" | "argparse" | "subprocess" | "uuid"
        | "math" | "decimal" | "contextvars" => Stdlib,
        "hashlib" | "bcrypt" | "secrets" | "jwt" | "cryptography" | "passlib" => Security,
        "timeit" | "cProfile" | "pstats" => Performance,
        "importlib" => ModulesPackaging,
        _ => return None,
    })
}

/// The evidence a record offers for its topics.
pub struct TopicEvidence<'a> {
    /// The question, encoded (see `difficulty::encode`).
    pub question: &'a Encoded,
    pub tags: &'a [String],
    /// `hits` of the section name (computed once per section).
    pub section: &'a Hits,
    pub answer: &'a str,
}

/// The least score that lists a topic: one keyword in the question, or
/// tags, section name and the answer's imports agreeing.
const LISTED: u32 = 3;

/// Assigns canonical topics (at least one, at most three), best first.
///
/// A topic scores 3 for each keyword of the question (two at most), 1 for
/// a weak word there, 2 when the tags name it, 1 when the section name
/// does and 1 when the answer's code imports one of its modules. Topics
/// scoring at least 3 are listed, best first, at most three; ties go to
/// the narrower topic. With none that high, the best score decides, then
/// the answer's words, then `basics`.
pub fn classify(evidence: &TopicEvidence<'_>) -> Vec<Topic> {
    let question = hits_encoded(evidence.question);
    let tags = if evidence.tags.is_empty() {
        Hits::default()
    } else {
        hits(&evidence.tags.join(" , "))
    };
    let section = evidence.section;
    let imports = imported(evidence.answer);
    let mut scored: Vec<(u32, Topic)> = Topic::ALL
        .iter()
        .map(|&t| {
            let i = t as usize;
            let score = question.strong[i].min(2) * 3
                + question.weak[i].min(1)
                + 2 * u32::from(tags.any(i))
                + u32::from(section.any(i))
                + u32::from(imports[i]);
            (score, t)
        })
        .filter(|(score, _)| *score > 0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(breadth(a.1).cmp(&breadth(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut topics: Vec<Topic> = scored
        .iter()
        .filter(|(score, _)| *score >= LISTED)
        .take(3)
        .map(|&(_, t)| t)
        .collect();
    if topics.is_empty() {
        topics.extend(scored.first().map(|&(_, t)| t));
    }
    if topics.is_empty() {
        topics.extend(hits(evidence.answer).best());
    }
    if topics.is_empty() {
        topics.push(Topic::Basics);
    }
    topics
}

/// How broad a topic is: on a tie the narrower one is the card's subject
/// ("a decorator that accepts parameters" is about decorators).
fn breadth(topic: Topic) -> u8 {
    match topic {
        Topic::Basics => 3,
        Topic::Functions | Topic::Oop | Topic::DataStructures | Topic::Stdlib => 2,
        Topic::FilesIo | Topic::Performance | Topic::DesignPatterns | Topic::CodingProblems => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics_of(question: &str) -> Vec<Topic> {
        classify(&TopicEvidence {
            question: &index().encode(question),
            tags: &[],
            section: &hits(""),
            answer: "",
        })
    }

    #[test]
    fn slugs_are_unique_and_tokenizable() {
        let mut slugs: Vec<&str> = Topic::ALL.iter().map(|t| t.slug()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), Topic::ALL.len());
        assert!((20..=26).contains(&Topic::ALL.len()));
    }

    #[test]
    fn question_keywords_decide() {
        assert_eq!(topics_of("What is the GIL?")[0], Topic::Concurrency);
        assert_eq!(
            topics_of("Explain Python decorators.")[0],
            Topic::DecoratorsClosures
        );
        assert!(topics_of("What are *args and **kwargs?").contains(&Topic::Functions));
        assert_eq!(
            topics_of("How to hash passwords securely?")[0],
            Topic::Security
        );
        assert_eq!(
            topics_of("Difference between deepcopy and copy.")[0],
            Topic::DataStructures
        );
    }

    #[test]
    fn falls_back_to_section_then_answer_then_basics() {
        let tags: Vec<String> = vec![];
        let e = TopicEvidence {
            question: &index().encode("Why?"),
            tags: &tags,
            section: &hits("Security"),
            answer: "",
        };
        assert_eq!(classify(&e), [Topic::Security]);
        let e = TopicEvidence {
            question: &index().encode("Why?"),
            tags: &tags,
            section: &hits(""),
            answer: "load it with pandas, then numpy",
        };
        assert_eq!(classify(&e)[0], Topic::DataScience);
        let e = TopicEvidence {
            question: &index().encode("Why?"),
            tags: &tags,
            section: &hits(""),
            answer: "",
        };
        assert_eq!(classify(&e), [Topic::Basics]);
    }
}
