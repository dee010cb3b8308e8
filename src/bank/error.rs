//! Errors raised while turning content files into a question bank.

use std::path::PathBuf;

/// Everything that can go wrong while loading a deck. Every variant that is
/// about file content names the file and a 1-based line number.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    #[error("{file}:{line}: not valid UTF-8 (byte offset {offset}); save the file as UTF-8")]
    NotUtf8 {
        file: String,
        line: usize,
        offset: usize,
    },
    #[error(
        "{file}:{line}: no question was recognized (layouts tried: {tried}); \
         `pyquiz check FILE` shows what each layout found"
    )]
    NoQuestions {
        file: String,
        line: usize,
        tried: String,
    },
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{name:?} is not a layout; the layouts are: {known}")]
    UnknownLayout { name: String, known: String },
    #[error("{path}: no .md files in this directory")]
    EmptyDirectory { path: PathBuf },
    #[error("{file}: two questions produce the same id {id}; rename one of them")]
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
            | BankError::EmptyDirectory { .. }
            | BankError::UnknownLayout { .. } => None,
        }
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
