//! The review log: reviews.jsonl, one JSON object per graded answer,
//! appended beside progress.json so a grade's write does not grow with
//! history.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use crate::schedule::{Grade, Phase};

/// Memory state on one side of a review.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoggedState {
    pub phase: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
}

/// One graded answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub card: String,
    pub time: Timestamp,
    /// `review` (scheduled: FSRS state changed), `practice` or `interview`
    /// (outside the schedule: the card's state is untouched).
    pub kind: String,
    pub grade: Grade,
    /// An interview's verdict: `nailed`, `partial` or `missed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<String>,
    /// Seconds spent on the question (interviews).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u32>,
    /// Study days since the card's previous review.
    pub elapsed_days: u32,
    pub before: LoggedState,
    pub after: LoggedState,
}

/// Reads the first `bytes` bytes of the log (what progress.json accounts for).
pub fn read(path: &Path, bytes: u64) -> Result<Vec<LogEntry>, StoreError> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && bytes == 0 => return Ok(Vec::new()),
        Err(e) => return Err(StoreError::io("read", path, e)),
    };
    let reader = BufReader::with_capacity(1 << 20, file.take(bytes));
    let mut entries = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| StoreError::io("read", path, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let entry = serde_json::from_str(&line).map_err(|e| StoreError::LogCorrupt {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        entries.push(entry);
    }
    Ok(entries)
}
