//! Errors raised while turning content files into a question bank.

use std::path::PathBuf;

/// Everything that can go wrong while loading a deck. Every variant that is
/// about file content names the file and a 1-based line number.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error(
        "{}:{line}: not valid UTF-8 (byte offset {offset}){looks_like}; save the file as UTF-8",
        crate::display::escape_line(file)
    )]
    NotUtf8 {
        file: String,
        line: usize,
        offset: usize,
        /// What the bytes look like instead, as ": it looks like …".
        looks_like: String,
    },
    #[error(
        "{}: {what}, not a regular file; pyquiz reads decks from regular files only",
        crate::display::escape_line(&path.display().to_string())
    )]
    NotRegular { path: PathBuf, what: &'static str },
    #[error(
        "{}: {:.1} MiB, larger than the {} MiB a deck file may be; split it into several files",
        crate::display::escape_line(&path.display().to_string()),
        *size as f64 / 1_048_576.0,
        limit >> 20
    )]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error(
        "{}:{line}: no question was recognized (layouts tried: {tried}); \
         `pyquiz check FILE` shows what each layout found",
        crate::display::escape_line(file)
    )]
    NoQuestions {
        file: String,
        line: usize,
        tried: String,
    },
    #[error(
        "{}:{line}: {}",
        crate::display::escape_line(file),
        crate::display::escape_line(message)
    )]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{}: {source}", crate::display::escape_line(&path.display().to_string()))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{name:?} is not a layout; the layouts are: {known}")]
    UnknownLayout { name: String, known: String },
    #[error("{}: no .md files in this directory", crate::display::escape_line(&path.display().to_string()))]
    EmptyDirectory { path: PathBuf },
    #[error(
        "{}: two questions produce the same id {id}; rename one of them",
        crate::display::escape_line(file)
    )]
    DuplicateId { file: String, id: String },
}

impl BankError {
    /// The file a content error is about, if any.
    pub fn file(&self) -> Option<&str> {
        match self {
            BankError::NotUtf8 { file, .. }
            | BankError::NoQuestions { file, .. }
            | BankError::Parse { file, .. }
            | BankError::DuplicateId { file, .. } => Some(file),
            BankError::Io { .. }
            | BankError::NotRegular { .. }
            | BankError::TooLarge { .. }
            | BankError::EmptyDirectory { .. }
            | BankError::UnknownLayout { .. } => None,
        }
    }

    /// The same error about `path` (the file as the person gave it) rather
    /// than the source name the parsers know it by.
    pub fn at_path(mut self, path: &str) -> Self {
        match &mut self {
            BankError::NotUtf8 { file, .. }
            | BankError::NoQuestions { file, .. }
            | BankError::Parse { file, .. }
            | BankError::DuplicateId { file, .. } => *file = path.to_string(),
            _ => {}
        }
        self
    }

    /// The 1-based line a content error is about, if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            BankError::NotUtf8 { line, .. }
            | BankError::NoQuestions { line, .. }
            | BankError::Parse { line, .. } => Some(*line),
            _ => None,
        }
    }
}
