//! What can go wrong with the progress files. Every message names the file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{} is in use by another pyquiz{} (lock file {}); close that one first, or pass --data-dir to use separate progress",
        dir.display(),
        pid.map(|p| format!(" (pid {p})")).unwrap_or_default(),
        lock.display()
    )]
    Locked {
        dir: PathBuf,
        lock: PathBuf,
        pid: Option<u32>,
    },
    #[error(
        "{}:{line}:{column}: the progress file is damaged ({message}); it was left untouched. Restore it from a backup, or move it aside to start over: mv {0} {0}.bad",
        path.display()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: written by a newer pyquiz (format version {found}; this one reads up to {supported}); it was left untouched. Upgrade pyquiz to use it",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    #[error(
        "{}:{line}: the review log is damaged ({message}); nothing was changed. Keep a copy of the file, then run `pyquiz recover`: it sets damaged lines aside in reviews.damaged.jsonl and keeps every other line",
        path.display()
    )]
    LogCorrupt {
        path: PathBuf,
        line: u64,
        message: String,
    },
    #[error(
        "{}: the review log holds {found} bytes, fewer than the {expected} this session has read; it was replaced or cut while pyquiz ran. Nothing was written: quit, and the next start rebuilds the state from the log as it is now",
        path.display()
    )]
    LogShrank {
        path: PathBuf,
        expected: u64,
        found: u64,
    },
    #[error(
        "{} is {what}, not a regular file; pyquiz neither follows nor writes through it. Move it out of the way, or point --data-dir at the folder that really holds your progress",
        path.display()
    )]
    NotRegular { path: PathBuf, what: &'static str },
    #[error(
        "{}: {field} is {value}, which pyquiz cannot use; {fix}",
        path.display()
    )]
    BadValue {
        path: PathBuf,
        field: String,
        value: String,
        fix: String,
    },
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "no data directory could be found for this user; pass --data-dir or set PYQUIZ_DATA_DIR"
    )]
    NoDataDir,
    #[error("this command changes progress, but the store was opened read-only")]
    ReadOnly,
}

impl StoreError {
    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        StoreError::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
