//! Errors at the command line's edge, each mapped to an exit code.

use std::path::PathBuf;

use crate::bank::{BankError, FilterError};
use crate::schedule::{ClockError, OptimizeError, ScheduleError};
use crate::store::StoreError;

/// Errors at the command line's edge, each mapped to an exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Bank(#[from] BankError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Clock(#[from] ClockError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
    #[error(transparent)]
    Optimize(#[from] OptimizeError),
    #[error("no card has the id {0:?} (see `pyquiz list` for ids)")]
    UnknownCard(String),
    #[error(
        "no card has the id {0:?}, and a shorter part of an id is not looked up: give at least 4 characters of it"
    )]
    ShortId(String),
    #[error("{count} cards have ids starting with {id:?}; give more of the id")]
    AmbiguousCard { id: String, count: usize },
    #[error("{0} is suspended, so it is not graded; `pyquiz unsuspend {0}` first")]
    Suspended(String),
    #[error("{0:?} is not a grade; use again, hard, good or easy (or 1-4)")]
    BadGrade(String),
    #[error("{0}")]
    BadSetting(String),
    #[error(
        "{0} is a study-session option; with a command, put filters after the command (`pyquiz list --topic x`)"
    )]
    StudyOptionWithCommand(&'static str),
    #[error(transparent)]
    Plan(#[from] crate::schedule::PlanError),
    #[error("pyquiz {0} needs a terminal (standard input and output)")]
    NeedsTerminal(&'static str),
    #[error("no question matches the filters, so there is nothing to {0}")]
    NothingSelected(&'static str),
    #[error("could not write {}: {source}", crate::display::escape_line(&path.display().to_string()))]
    Output {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("stopped by signal {0}; every grade given is saved")]
    Signal(i32),
    #[error(
        "the last grade ({grade} on {id}) was not saved and is lost; grade it again when the disk has room. ({reason})"
    )]
    Unsaved {
        id: String,
        grade: &'static str,
        reason: String,
    },
    #[error(
        "{unrecognized} of {files} files: no question was recognized (layouts tried: {tried}){also}"
    )]
    Unrecognized {
        unrecognized: usize,
        files: usize,
        tried: String,
        /// What else went wrong (files that could not be read).
        also: String,
    },
    #[error("{unreadable} of {files} files could not be read as text (see each file's error)")]
    Unreadable { unreadable: usize, files: usize },
}

impl CliError {
    /// 2 for bad command-line values (like clap's usage errors), 3 when
    /// another pyquiz holds the data directory, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Filter(_)
            | CliError::Clock(_)
            | CliError::UnknownCard(_)
            | CliError::ShortId(_)
            | CliError::AmbiguousCard { .. }
            | CliError::BadGrade(_)
            | CliError::BadSetting(_)
            | CliError::Plan(_)
            | CliError::StudyOptionWithCommand(_) => 2,
            CliError::Store(StoreError::Locked { .. }) => 3,
            // The shell's convention for a process ended by a signal.
            CliError::Signal(sig) => 128 + sig,
            _ => 1,
        }
    }

    /// Output closed early (`pyquiz list | head`): not an error.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Io(e) | CliError::Output { source: e, .. } => {
                e.kind() == std::io::ErrorKind::BrokenPipe
            }
            CliError::Json(e) => e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

impl From<crate::session::GradeError> for CliError {
    fn from(e: crate::session::GradeError) -> CliError {
        match e {
            crate::session::GradeError::Schedule(e) => CliError::Schedule(e),
            crate::session::GradeError::Save(e) => CliError::Store(e),
        }
    }
}
