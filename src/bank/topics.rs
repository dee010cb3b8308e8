//! The canonical topics and the one table that maps words onto them.
//!
//! A record's topics come from keyword matches in, by weight: its question
//! (3), its raw tags (2) and its section name (1). Topics scoring at least 2
//! are kept, best first, at most three. A record with none of those takes
//! its section's best topic, then its answer's most frequent topic, and as
//! a last resort `basics`.

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
        "what is python", "pep 8", "pep8", "syntax", "variable", "variables", "indentation", "comment",
        "comments", "keyword", "keywords", "interpreted", "compiled", "dynamically typed", "dynamic typing",
        "operator", "operators", "basics", "basic", "fundamentals", "introduction", "key features",
        "pass statement", "none", "boolean", "truthy", "falsy", "ternary", "walrus", "loop", "loops",
        "break and continue", "range function", "user input", "identity", "equality", "is and", "and is",
        "mutable", "immutable", "scope", "scopes", "legb", "global keyword", "global variable",
        "global variables", "nonlocal", "type conversion", "casting", "data types",
        "built in types", "builtin types", "python 2", "python 3", "standards", "numbers", "integer",
        "integers", "float", "swap", "namespaces", "namespace", "ellipsis",
    ];
    DataStructures => "data-structures", "Data structures", [
        "list", "lists", "tuple", "tuples", "dict", "dicts", "dictionary", "dictionaries", "set",
        "sets", "frozenset", "array", "arrays", "deque", "heapq", "heap", "priority queue",
        "priority queues", "bisect", "namedtuple", "namedtuples", "counter", "defaultdict",
        "ordereddict", "data structures", "data structure", "comprehension", "comprehensions",
        "list comprehension", "slicing", "slice", "hash table", "hashable", "stack", "linked list",
        "sort", "sorting", "sorted", "append", "extend", "copy", "deepcopy", "deep copy",
        "shallow copy", "collections", "unpack", "unpacking", "merge",
    ];
    Strings => "strings", "Strings & text", [
        "string", "strings", "str", "f string", "f strings", "fstring", "formatting", "format",
        "regex", "regular expression", "regular expressions", "re", "unicode", "encoding", "bytes",
        "interning", "substring", "palindrome", "anagram", "join", "split", "text", "characters",
    ];
    Functions => "functions", "Functions", [
        "function", "functions", "lambda", "lambdas", "args", "kwargs", "arguments", "argument",
        "parameters", "default argument", "default arguments", "mutable default", "recursion",
        "recursive", "higher order", "map", "filter", "reduce", "partial", "functools", "first class",
        "callable", "callables", "functional programming", "zip", "enumerate", "return", "docstring",
        "docstrings", "functional",
    ];
    Oop => "oop", "Classes & OOP", [
        "class", "classes", "object", "objects", "oop", "object oriented", "inheritance",
        "polymorphism", "encapsulation", "abstraction", "method", "methods", "staticmethod",
        "classmethod", "static method", "class method", "instance method", "instance methods", "self",
        "__init__", "__new__", "mro", "method resolution order", "multiple inheritance", "super",
        "metaclass", "metaclasses", "descriptor", "descriptors", "property", "properties", "dunder",
        "magic methods", "magic method", "__str__", "__repr__", "abc", "abcs", "abstract",
        "abstract base classes", "dataclass", "dataclasses", "slots", "__slots__", "overriding",
        "overloading", "mixin", "mixins", "composition", "metaprogramming", "__getattr__",
        "__setattr__", "__call__", "__get__", "__set__", "instance", "instances", "attributes",
        "attribute", "enum", "immutability",
    ];
    IteratorsGenerators => "iterators-generators", "Iterators & generators", [
        "iterator", "iterators", "generator", "generators", "yield", "iterable", "iterables",
        "itertools", "generator expression", "generator expressions", "lazy evaluation", "lazy",
        "groupby", "__iter__", "__next__", "iteration", "iterate", "iterating",
    ];
    DecoratorsClosures => "decorators-closures", "Decorators & closures", [
        "decorator", "decorators", "closure", "closures", "wraps", "nested function",
        "nested functions", "memoization", "memoize", "lru_cache", "wrapper",
    ];
    ErrorHandling => "error-handling", "Errors & context managers", [
        "exception", "exceptions", "error", "errors", "try", "except", "finally", "raise",
        "traceback", "error handling", "exception handling", "custom exception", "custom exceptions",
        "assert", "assertion", "context manager", "context managers", "contextlib", "with statement",
        "__enter__", "__exit__", "crashing", "gracefully",
    ];
    FilesIo => "files-io", "Files & I/O", [
        "file", "files", "open", "csv", "io", "i o", "pathlib", "directory",
        "serialization", "serialize", "serializing", "deserialize", "pickle", "pickling", "json",
        "yaml", "stdin", "stdout", "stream", "streaming", "upload", "uploads", "buffer", "log file",
        "large file", "file handling",
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
        "standard library", "os", "sys", "datetime", "time", "math", "random", "logging", "subprocess",
        "argparse", "shutil", "glob", "uuid", "hashlib", "struct", "inspect", "contextvars",
        "shell commands", "dates", "timezone", "decimal", "built in modules", "builtins",
        "built in functions", "built ins", "must know", "cli",
    ];
    Typing => "typing", "Type hints", [
        "type hint", "type hints", "typing", "annotations", "annotation", "mypy", "static typing",
        "type checking", "type safety", "generics", "protocol", "typeddict", "pydantic",
        "response_model", "validation", "validate", "static analysis",
    ];
    Concurrency => "concurrency", "Threads & processes", [
        "thread", "threads", "threading", "multithreading", "multiprocessing", "processes",
        "gil", "global interpreter lock", "concurrency", "concurrent", "parallel", "parallelism",
        "parallelize", "lock", "locks", "race condition", "race conditions", "deadlock", "semaphore",
        "pool", "concurrent futures", "threadpoolexecutor", "processpoolexecutor", "thread safe",
        "producer consumer", "cpu bound", "os concepts",
    ];
    Async => "async", "Async & asyncio", [
        "async", "asyncio", "await", "coroutine", "coroutines", "event loop", "aiohttp", "gather",
        "non blocking", "asynchronous", "backpressure", "cooperative multitasking", "async def",
        "i o bound", "io bound", "uvloop", "trio", "anyio",
    ];
    MemoryInternals => "memory-internals", "Memory & internals", [
        "memory", "garbage collection", "garbage collector", "gc", "reference counting",
        "reference count", "internals", "internally", "cpython", "pypy", "jython", "cython",
        "bytecode", "pyc", "interpreter", "frame", "frame object", "weakref", "weak reference",
        "weak references", "memory leak", "memory management", "small integer", "dis",
        "disassembler", "settrace", "buffer protocol", "zero copy", "implemented", "under the hood",
        "execution loop",
    ];
    Performance => "performance", "Performance", [
        "performance", "optimize", "optimization", "optimise", "optimizing", "profile", "profiling",
        "cprofile", "profiler", "faster", "speed", "bottleneck", "bottlenecks", "benchmark", "timeit",
        "numba", "high performance", "latency", "throughput", "efficient", "efficiently", "big o",
        "time complexity", "complexity", "caching", "cache", "high throughput", "py spy",
    ];
    TestingDebugging => "testing-debugging", "Testing & debugging", [
        "test", "tests", "testing", "unit test", "unit tests", "unittest", "pytest", "mock",
        "mocking", "mocks", "stub", "stubs", "fixture", "fixtures", "debug", "debugging", "pdb",
        "breakpoint", "tdd", "coverage", "hypothesis", "doctest", "monkey patching", "monkeypatch",
        "dependency overrides", "override dependencies",
    ];
    WebFastapi => "web-fastapi", "Web & FastAPI", [
        "fastapi", "flask", "django", "web", "api", "apis", "rest", "restful", "http", "endpoint",
        "endpoints", "route", "routes", "routing", "middleware", "wsgi", "asgi", "uvicorn", "gunicorn",
        "uwsgi", "starlette", "request", "requests", "response", "responses", "cors", "websocket",
        "websockets", "apirouter", "dependency injection", "depends", "backgroundtasks",
        "background tasks", "openapi", "swagger", "pagination", "static files", "frontend",
        "full stack", "html", "template", "templates", "jinja", "graphql", "rate limiting",
        "rate limiter", "status code", "react", "web apps", "frameworks",
    ];
    Databases => "databases", "Databases & ORMs", [
        "database", "databases", "db", "sql", "sqlite", "sqlalchemy", "orm", "orms", "postgres",
        "postgresql", "psycopg", "psycopg2", "mongodb", "pymongo", "redis", "query", "queries",
        "transaction", "transactions", "migration", "migrations", "alembic", "connection pooling",
        "connection pool", "eager loading", "lazy loading", "bulk insert", "index", "indexes",
        "multi tenancy", "read replicas", "soft delete", "n 1", "cursor", "seed data", "integrity",
    ];
    DesignPatterns => "design-patterns", "Design patterns & idioms", [
        "design pattern", "design patterns", "singleton", "factory", "observer", "strategy pattern",
        "adapter", "dependency inversion", "solid", "duck typing", "anti pattern", "anti patterns",
        "best practices", "pythonic", "idiomatic", "clean code", "advanced patterns", "patterns",
        "pattern", "dry", "zen of python",
    ];
    Security => "security", "Security", [
        "security", "secure", "securely", "password", "passwords", "hashing", "encryption", "encrypt",
        "authentication", "authorization", "auth", "rbac", "jwt", "oauth2", "oauth",
        "oauth2passwordbearer", "sql injection", "xss", "csrf", "secrets", "secret",
        "eval", "sanitize", "vulnerability", "vulnerabilities", "tokens", "refresh tokens", "https",
        "tls", "ssl", "bcrypt", "cryptography", "protect routes",
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
        "write code", "write a", "implement a", "reverse a", "find the", "find duplicates",
        "fibonacci", "two sum", "binary search", "flatten", "most frequent", "coding problem",
        "coding problems", "algorithm", "algorithms", "count the", "sort a list", "fizzbuzz",
        "prime", "factorial", "interview coding problems", "code example", "code pattern",
    ];
    SystemDesign => "system-design", "System design & deployment", [
        "system design", "scale", "scalable", "scaling", "horizontally", "microservices",
        "microservice", "architecture", "distributed", "deployment", "deploy", "production",
        "kubernetes", "docker", "load balancer", "load balancing", "message queue", "celery",
        "kafka", "high traffic", "real time", "devops", "ci cd", "monitoring", "observability",
        "configuration", "versioning", "api versioning", "project structure", "rate limiter using",
        "contract stability", "deprecate",
    ];
    Tooling => "tooling", "Tooling & code quality", [
        "pylint", "flake8", "black", "ruff", "linter", "linting", "formatter", "pre commit", "ide",
        "repl", "ipython", "code quality", "pep 257", "documentation", "document code", "sphinx",
        "tox", "git", "code review", "static code analyzer", "style guide",
    ];
}

impl fmt::Display for Topic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

pub(crate) fn index() -> &'static PhraseIndex<Topic> {
    static INDEX: std::sync::OnceLock<PhraseIndex<Topic>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        PhraseIndex::new(
            Topic::ALL
                .iter()
                .flat_map(|&t| t.keywords().iter().map(move |k| (t, *k))),
        )
    })
}

/// Keyword occurrences per topic, indexed by `Topic as usize`.
pub type Hits = [u32; Topic::ALL.len()];

/// How many times keyword phrases of each topic occur in `text`.
pub fn hits(text: &str) -> Hits {
    hits_encoded(&index().encode(text))
}

/// [`hits`] of a text already encoded (by this index or one extending it).
pub fn hits_encoded(text: &Encoded) -> Hits {
    let mut counts = [0u32; Topic::ALL.len()];
    index().for_each_match(text, |topic| counts[topic as usize] += 1);
    counts
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

/// Assigns canonical topics (at least one, at most three), best first.
pub fn classify(evidence: &TopicEvidence<'_>) -> Vec<Topic> {
    let question = hits_encoded(evidence.question);
    let tags = if evidence.tags.is_empty() {
        [0; Topic::ALL.len()]
    } else {
        hits(&evidence.tags.join(" , "))
    };
    let section = evidence.section;
    let mut scored: Vec<(u32, Topic)> = Topic::ALL
        .iter()
        .map(|&t| {
            let i = t as usize;
            (
                question[i].min(2) * 3 + tags[i].min(2) * 2 + section[i].min(1),
                t,
            )
        })
        .filter(|(score, _)| *score >= 2)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut topics: Vec<Topic> = scored.into_iter().take(3).map(|(_, t)| t).collect();
    if topics.is_empty() {
        topics.extend(best(section));
    }
    if topics.is_empty() {
        let answer = hits(evidence.answer);
        topics.extend(best(&answer));
    }
    if topics.is_empty() {
        topics.push(Topic::Basics);
    }
    topics
}

fn best(counts: &[u32; Topic::ALL.len()]) -> Option<Topic> {
    let (i, &n) = counts
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    (n > 0).then(|| Topic::ALL[i])
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
