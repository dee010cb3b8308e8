//! The default deck, compiled into the binary so that `pyquiz` works from
//! any directory. The files are kept byte for byte as published; see
//! `content/SOURCES.md`.

/// (file name, bytes) of every embedded content file, in deck order.
pub const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "practical-code-questions.md",
        include_bytes!("../../content/practical-code-questions.md"),
    ),
    (
        "company-interview-questions.md",
        include_bytes!("../../content/company-interview-questions.md"),
    ),
    (
        "top-python-questions.md",
        include_bytes!("../../content/top-python-questions.md"),
    ),
    (
        "python-fastapi-qa-notes.md",
        include_bytes!("../../content/python-fastapi-qa-notes.md"),
    ),
    (
        "python-fundamentals-accordion.md",
        include_bytes!("../../content/python-fundamentals-accordion.md"),
    ),
];
