//! The answer index: what the statistics read of every answer in a long
//! review log, kept in the cache directory as fixed-size records, so that
//! `pyquiz stats` reads about 28 bytes an answer instead of decoding a
//! 340-byte JSON line (a million answers: 28 MB instead of 341 MB).
//!
//! It is derived from the log and never replaces it. It covers the log's
//! first `covered.bytes` bytes, and names the length and hash of the line
//! that ends there (as a checkpoint does): an index whose line is not
//! where it says, or that is damaged or from another format, is ignored
//! and made again. The log after what it covers is decoded as usual, and
//! the index is brought up to date when that part has grown past
//! [`REFRESH_BYTES`]. Undone answers stay in it (an undo can come later);
//! they are left out on reading, as in the log. Logs under [`MIN_BYTES`]
//! are read directly. Failing to write an index is not an error.

use std::collections::BTreeSet;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::log::{self, AnswerFacts, AnswerKind, Verdict};
use super::progress::LogMark;
use crate::schedule::Grade;

/// Logs shorter than this are decoded directly (a few milliseconds).
pub const MIN_BYTES: u64 = 4 << 20;

/// How much of the log past the index makes reading it write a new one.
pub const REFRESH_BYTES: u64 = 1 << 20;

/// Bumped whenever the record's shape changes.
const FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct IndexFile {
    format: u32,
    /// The data directory it was made for.
    dir: String,
    /// The log's first `bytes` bytes, `entries` events, the last line
    /// `last_line` long with hash `hash`.
    covered: Covered,
    /// Card ids, which records name by position.
    cards: Vec<String>,
    answers: Vec<Record>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Default, PartialEq, Eq, Debug)]
struct Covered {
    entries: u64,
    bytes: u64,
    last_line: u64,
    hash: u64,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
struct Record {
    seq: u64,
    card: u32,
    /// The study day as `yyyymmdd`, or (`TIME`) the answer's time in
    /// seconds (and `nanos`).
    when: i64,
    nanos: i32,
    kind: u8,
    grade: u8,
    verdict: u8,
    flags: u8,
}

const WAS_REVIEW: u8 = 1;
/// The line had no study day (format 1): `when` is its time.
const TIME: u8 = 2;

impl Record {
    fn of(seq: u64, card: u32, facts: &AnswerFacts) -> Option<Record> {
        let (when, nanos, time) = match facts.day {
            Ok(day) => (
                i64::from(day.year()) * 10_000
                    + i64::from(day.month()) * 100
                    + i64::from(day.day()),
                0,
                0,
            ),
            Err(time) => (time.as_second(), time.subsec_nanosecond(), TIME),
        };
        Some(Record {
            seq,
            card,
            when,
            nanos,
            kind: match facts.kind {
                AnswerKind::Review => 0,
                AnswerKind::Practice => 1,
                AnswerKind::Interview => 2,
                AnswerKind::Other => 3,
            },
            grade: match facts.grade {
                Grade::Again => 0,
                Grade::Hard => 1,
                Grade::Good => 2,
                Grade::Easy => 3,
            },
            verdict: match facts.verdict {
                None => 0,
                Some(Verdict::Nailed) => 1,
                Some(Verdict::Partial) => 2,
                Some(Verdict::Missed) => 3,
            },
            flags: time | if facts.was_review { WAS_REVIEW } else { 0 },
        })
    }

    fn facts(&self) -> Option<AnswerFacts> {
        let day = if self.flags & TIME != 0 {
            Err(Timestamp::new(self.when, self.nanos).ok()?)
        } else {
            let (y, md) = (self.when / 10_000, self.when % 10_000);
            Ok(Date::new(i16::try_from(y).ok()?, (md / 100) as i8, (md % 100) as i8).ok()?)
        };
        Some(AnswerFacts {
            kind: match self.kind {
                0 => AnswerKind::Review,
                1 => AnswerKind::Practice,
                2 => AnswerKind::Interview,
                _ => AnswerKind::Other,
            },
            grade: match self.grade {
                0 => Grade::Again,
                1 => Grade::Hard,
                2 => Grade::Good,
                _ => Grade::Easy,
            },
            verdict: match self.verdict {
                0 => None,
                1 => Some(Verdict::Nailed),
                2 => Some(Verdict::Partial),
                _ => Some(Verdict::Missed),
            },
            day,
            was_review: self.flags & WAS_REVIEW != 0,
        })
    }
}

/// The index file for the data directory `dir`.
fn index_path(dir: &Path) -> Option<PathBuf> {
    let canonical = std::fs::canonicalize(dir).ok()?;
    let mut h = rustc_hash::FxHasher::default();
    h.write(canonical.as_os_str().as_encoded_bytes());
    Some(crate::caches::dir()?.join(format!("answers-{:016x}.bin", h.finish())))
}

/// Reads the answers of the log at `log_path` (the data directory `dir`'s)
/// up to `mark` (the state's position), through the index when the log is
/// long: each answer to a card `keep` accepts and no undo in `undone`
/// names, oldest first.
pub fn for_each(
    dir: &Path,
    log_path: &Path,
    mark: LogMark,
    undone: &BTreeSet<u64>,
    keep: &(dyn Fn(&str) -> bool + Sync),
    f: &mut dyn FnMut(AnswerFacts),
) -> Result<(), StoreError> {
    let end = mark.bytes;
    let known = log::Known {
        end: Some(end),
        undone: Some(undone),
    };
    let path = match index_path(dir) {
        Some(path) if end >= MIN_BYTES => path,
        _ => return log::for_each_answer_facts(log_path, known, keep, f),
    };
    let dir_name = dir.to_string_lossy().into_owned();
    let mut index = read(&path, &dir_name, log_path, end).unwrap_or(IndexFile {
        format: FORMAT,
        dir: dir_name,
        covered: Covered::default(),
        cards: Vec::new(),
        answers: Vec::new(),
    });
    let kept: Vec<bool> = index.cards.iter().map(|c| keep(c)).collect();
    for r in &index.answers {
        if kept.get(r.card as usize) == Some(&true)
            && !undone.contains(&r.seq)
            && let Some(facts) = r.facts()
        {
            f(facts);
        }
    }
    let from = index.covered;
    let refresh = end - from.bytes >= REFRESH_BYTES;
    let mut positions: rustc_hash::FxHashMap<String, u32> = if refresh {
        index
            .cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.clone(), i as u32))
            .collect()
    } else {
        Default::default()
    };
    log::for_each_answer_facts_from(
        log_path,
        from.bytes,
        from.entries,
        Some(end),
        &mut |seq, card, facts| {
            if refresh {
                let next = index.cards.len() as u32;
                let at = *positions.entry(card.clone()).or_insert_with(|| {
                    index.cards.push(card.clone());
                    next
                });
                if let Some(r) = Record::of(seq, at, &facts) {
                    index.answers.push(r);
                }
            }
            if !undone.contains(&seq) && keep(&card) {
                f(facts);
            }
        },
    )?;
    if refresh && let (Some(last_line), Some(hash)) = (mark.last_line, mark.hash) {
        index.covered = Covered {
            entries: mark.entries,
            bytes: mark.bytes,
            last_line,
            hash,
        };
        write(&path, &index);
    }
    Ok(())
}

/// The index at `path`, if it is this format's, for this data directory,
/// and covers a prefix of the log no longer than `end`.
fn read(path: &Path, dir: &str, log_path: &Path, end: u64) -> Option<IndexFile> {
    let index: IndexFile = crate::caches::read_bincode(path, FORMAT)?;
    let c = index.covered;
    if index.dir != dir || c.bytes > end || c.bytes == 0 {
        return None;
    }
    if log::hash_of_line_ending_at(log_path, c.bytes, c.last_line).ok()? != Some(c.hash) {
        return None;
    }
    let cards = index.cards.len();
    if index.answers.iter().any(|r| r.card as usize >= cards) {
        return None;
    }
    Some(index)
}

fn write(path: &Path, index: &IndexFile) {
    crate::caches::write_bincode(path, index);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fact a record holds comes back as it went in: study days,
    /// times (before 1970 too, with nanoseconds), kinds, grades, verdicts.
    #[test]
    fn a_record_gives_back_the_facts_it_was_made_from() {
        let days = [
            Ok("2026-12-01".parse::<Date>().unwrap()),
            Ok("0001-01-01".parse().unwrap()),
            Ok("9999-12-31".parse().unwrap()),
            Err("2026-03-04T05:06:07.123456789Z"
                .parse::<Timestamp>()
                .unwrap()),
            Err("1969-12-31T23:59:59.5Z".parse().unwrap()),
        ];
        let kinds = [
            AnswerKind::Review,
            AnswerKind::Practice,
            AnswerKind::Interview,
            AnswerKind::Other,
        ];
        let verdicts = [
            None,
            Some(Verdict::Nailed),
            Some(Verdict::Partial),
            Some(Verdict::Missed),
        ];
        let grades = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];
        let mut n = 0;
        for day in days {
            for kind in kinds {
                for verdict in verdicts {
                    for (i, grade) in grades.into_iter().enumerate() {
                        let facts = AnswerFacts {
                            kind,
                            grade,
                            verdict,
                            day,
                            was_review: i % 2 == 0,
                        };
                        let record = Record::of(n, 7, &facts).unwrap();
                        assert_eq!(record.facts(), Some(facts));
                        assert_eq!((record.seq, record.card), (n, 7));
                        n += 1;
                    }
                }
            }
        }
    }
}
