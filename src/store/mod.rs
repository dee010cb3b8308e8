//! The progress store. reviews.jsonl, the review log, is the record of
//! truth: every change (an answer, a suspend, a bury, a settings change,
//! an undo) is one line appended and fsynced, and nothing in it is ever
//! rewritten. Card states, today's counts and the undo stack are derived
//! from it; progress.json is a checkpoint of that state as of a position in
//! the log, written now and then, verified on open and rolled forward.
//!
//! - A checkpoint that is missing, damaged or does not match the log (a
//!   restored backup of either file) is rebuilt from the log, with a notice.
//! - The only bytes ever dropped are a final line with no newline, which a
//!   crash cut short; a damaged line elsewhere stops everything with its
//!   line number and `pyquiz recover`.
//! - Format 1 (progress.json held the truth) is read as it is and migrated
//!   on the first write: both files are copied aside, and the state is
//!   carried into the log as one `baseline` event.
//!
//! One writer at a time (progress.lock); readers never block.

mod answer_index;
mod error;
mod files;
mod lock;
mod log;
mod progress;

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::Deserialize;

pub use error::StoreError;
pub use lock::LOCK_FILE;
pub use log::{AnswerFacts, AnswerKind, Event, LogEntry, LoggedState, Verdict};
pub use progress::{
    FORMAT_VERSION, KIND_REVIEW, LogMark, Progress, Repair, Settings, Snapshot, ThemeSetting,
    Today, UNDO_DEPTH, UndoAction, UndoEntry,
};

use crate::schedule::{CardState, Clock, DayCounts, Grade, Outcome, ReviewRecord};

pub const PROGRESS_FILE: &str = "progress.json";
pub const LOG_FILE: &str = "reviews.jsonl";
/// Where `pyquiz recover` puts lines of the log it could not read.
pub const DAMAGED_FILE: &str = "reviews.damaged.jsonl";
/// Copies of format 1 files, kept when they are migrated.
pub const V1_PROGRESS_COPY: &str = "progress.v1.json";
pub const V1_LOG_COPY: &str = "reviews.v1.jsonl";
/// The kinds of answer outside the schedule.
pub const KIND_PRACTICE: &str = "practice";
pub const KIND_INTERVIEW: &str = "interview";

/// An answer given outside the schedule (practice, interview).
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraAnswer<'a> {
    /// [`KIND_PRACTICE`] or [`KIND_INTERVIEW`].
    pub kind: &'a str,
    pub grade: Grade,
    pub mark: Option<&'a str>,
    pub seconds: Option<u32>,
}

/// A card merged from several sources' questions, as the bank made it.
#[derive(Debug, Clone, Copy)]
pub struct MergedCard<'a> {
    /// The id the bank gave it (its best-phrased member's).
    pub default: &'a str,
    pub members: &'a [String],
}

/// Whether the store may change anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// No lock is taken; the files are only read.
    ReadOnly,
    /// Takes the data directory's lock; refused while another writer has it.
    ReadWrite,
}

/// How far back `undo` may reach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UndoScope {
    /// Changes made on the current study day only.
    Today,
    /// The most recent change, whenever it was made.
    AnyDay,
}

/// What `undo` did.
#[derive(Debug, Clone, PartialEq)]
pub enum Undone {
    /// Took this change back.
    Done(UndoEntry),
    /// Nothing is left to undo.
    Nothing,
    /// The most recent change is from an earlier study day; it was left
    /// alone (`UndoScope::AnyDay` takes it back).
    EarlierDay(UndoEntry),
}

/// The platform data directory (`~/.local/share/pyquiz` on Linux).
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "pyquiz")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Events a grade may leave unchecked before the checkpoint is written
/// again: a small store checkpoints after every change; a store of 100k
/// cards every ~100 changes (its checkpoint is ~25 MB).
fn checkpoint_due(events_since: u64, bytes_since: u64, cards: usize) -> bool {
    events_since > (cards as u64) / 1024 || bytes_since > (1 << 20)
}

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    /// The state as of `progress.review_log`, the end of the log.
    progress: Progress,
    lock: Option<lock::WriterLock>,
    /// The log position progress.json on disk was written at.
    checkpointed: LogMark,
    /// Bytes after the last complete line (a crash cut a line short).
    torn: u64,
    /// A format 1 data directory, migrated on the first write.
    migrate: bool,
    /// Merged cards' members noted since the last write.
    pending_merged: BTreeMap<String, Vec<String>>,
    /// What opening found and did, one line each, for the person.
    notices: Vec<String>,
    /// The system's time zone, for the study day of format 1 lines (read
    /// once, not at every change).
    tz: TimeZone,
}

/// The study day of a time in the system's time zone, for format 1 lines,
/// which do not record it.
fn system_day_of(tz: &TimeZone) -> impl Fn(Timestamp) -> Date + '_ {
    move |t| Clock::new(t, tz.clone()).day_of(t)
}

/// What reading progress.json gave.
enum Checkpoint {
    Missing,
    Read(Progress),
    Damaged(StoreError),
}

impl Store {
    pub fn open(dir: &Path, access: Access) -> Result<Store, StoreError> {
        let lock = match access {
            Access::ReadOnly => None,
            Access::ReadWrite => {
                fs::create_dir_all(dir).map_err(|e| StoreError::io("create", dir, e))?;
                Some(lock::acquire(dir)?)
            }
        };
        let mut store = Store {
            dir: dir.to_path_buf(),
            progress: Progress::default(),
            lock,
            checkpointed: LogMark::default(),
            torn: 0,
            migrate: false,
            pending_merged: BTreeMap::new(),
            notices: Vec::new(),
            tz: TimeZone::system(),
        };
        store.load()?;
        if store.lock.is_some() {
            store.remove_stale_temp_files();
            if store.progress.undone.is_none() {
                // A checkpoint from before the undone events were kept:
                // found once, and kept from the next checkpoint on.
                let end = Some(store.progress.review_log.bytes);
                store.progress.undone = Some(log::undone_targets(&store.log_path(), end)?);
            }
            if store.checkpointed != store.progress.review_log && !store.migrate {
                // Rebuilt or rolled forward: keep the next open quick. A
                // failure here loses nothing (the log has it all).
                if let Err(e) = store.checkpoint() {
                    store
                        .notices
                        .push(format!("could not write a checkpoint: {e}"));
                }
            }
        }
        Ok(store)
    }

    /// Whether this store holds the lock and may write.
    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    /// Reads the checkpoint and the log and derives the state.
    fn load(&mut self) -> Result<(), StoreError> {
        let cp_path = self.progress_path();
        let tz = self.tz.clone();
        let day_of = system_day_of(&tz);
        let checkpoint = match files::read_if_exists(&cp_path)? {
            None => Checkpoint::Missing,
            Some(bytes) => match parse(&cp_path, &bytes) {
                Ok(p) => Checkpoint::Read(p),
                Err(e @ StoreError::NewerVersion { .. }) => return Err(e),
                Err(e) => Checkpoint::Damaged(e),
            },
        };
        match checkpoint {
            Checkpoint::Read(p) if p.version >= 2 => {
                if self.matches_log(&p.review_log)? {
                    let mark = p.review_log;
                    self.progress = p;
                    self.checkpointed = mark;
                    self.roll_forward(&day_of)?;
                } else {
                    self.rebuild(Settings::default(), &day_of)?;
                    self.notices.push(format!(
                        "{} does not match {} (one of them was restored from an older copy?); the state was rebuilt from the review log, which holds {} changes",
                        PROGRESS_FILE, LOG_FILE, self.progress.review_log.entries
                    ));
                }
            }
            Checkpoint::Read(p) => self.load_format_1(p, &day_of)?,
            Checkpoint::Missing => {
                self.rebuild(Settings::default(), &day_of)?;
                if self.progress.review_log.entries > 0 {
                    self.notices.push(format!(
                        "{} was missing; the state was rebuilt from {} ({} changes)",
                        PROGRESS_FILE, LOG_FILE, self.progress.review_log.entries
                    ));
                }
            }
            Checkpoint::Damaged(error) => {
                let format_2 = self.rebuild(Settings::default(), &day_of)?;
                if !format_2 {
                    // Format 1 kept settings and suspensions only in
                    // progress.json: the log alone cannot stand in for it.
                    return Err(error);
                }
                if self.lock.is_some() {
                    let aside = self.dir.join(format!("{PROGRESS_FILE}.damaged"));
                    fs::copy(&cp_path, &aside).map_err(|e| StoreError::io("copy", &cp_path, e))?;
                }
                self.notices.push(format!(
                    "{error}. The state was rebuilt from {} ({} changes); a writing command keeps the damaged file as {PROGRESS_FILE}.damaged and writes a new one",
                    LOG_FILE, self.progress.review_log.entries
                ));
            }
        }
        let path = self.progress_path();
        let repairs = self.progress.sanitize();
        self.notices.extend(
            repairs
                .into_iter()
                .map(|r| format!("{}: {} is {}: {}", path.display(), r.field, r.value, r.done)),
        );
        Ok(())
    }

    /// Whether the log holds, at `mark`, the line the checkpoint ended on.
    fn matches_log(&self, mark: &LogMark) -> Result<bool, StoreError> {
        if mark.bytes == 0 {
            return Ok(mark.entries == 0);
        }
        let (Some(len), Some(hash)) = (mark.last_line, mark.hash) else {
            return Ok(false);
        };
        Ok(log::hash_of_line_ending_at(&self.log_path(), mark.bytes, len)? == Some(hash))
    }

    /// Applies the log's lines after the state's position; returns how
    /// many there were.
    fn roll_forward(&mut self, day_of: &dyn Fn(Timestamp) -> Date) -> Result<u64, StoreError> {
        let mark = self.progress.review_log;
        let path = self.log_path();
        let progress = &mut self.progress;
        let tail = log::read_from(&path, mark.bytes, mark.entries, &mut |seq, event| {
            progress.apply(seq, &event, day_of)
        })?;
        let n = tail.events;
        self.progress.review_log = LogMark {
            entries: mark.entries + n,
            bytes: tail.end,
            last_line: tail.last_line.map(|l| l.0).or(mark.last_line),
            hash: tail.last_line.map(|l| l.1).or(mark.hash),
        };
        self.torn = tail.torn;
        Ok(n)
    }

    /// Derives the state from the whole log, starting from `settings`.
    /// Returns whether the log was written by this format (it holds an
    /// event format 1 never wrote).
    fn rebuild(
        &mut self,
        settings: Settings,
        day_of: &dyn Fn(Timestamp) -> Date,
    ) -> Result<bool, StoreError> {
        self.progress = Progress {
            settings,
            ..Progress::default()
        };
        let mut format_2 = false;
        let path = self.log_path();
        let progress = &mut self.progress;
        let tail = log::read_from(&path, 0, 0, &mut |seq, event| {
            format_2 |= !matches!(&event, Event::Answer(e) if e.day.is_none());
            progress.apply(seq, &event, day_of);
        })?;
        self.progress.review_log = LogMark {
            entries: tail.events,
            bytes: tail.end,
            last_line: tail.last_line.map(|l| l.0),
            hash: tail.last_line.map(|l| l.1),
        };
        self.torn = tail.torn;
        Ok(format_2)
    }

    /// A format 1 progress.json: it holds the truth up to its mark; lines
    /// after the mark (grades whose save never finished, or a progress.json
    /// restored from an older copy) are rolled forward, never cut.
    fn load_format_1(
        &mut self,
        p: Progress,
        day_of: &dyn Fn(Timestamp) -> Date,
    ) -> Result<(), StoreError> {
        self.migrate = true;
        let mark = p.review_log.bytes;
        let at_boundary = mark == 0 || {
            let path = self.log_path();
            log::byte_at(&path, mark - 1)? == Some(b'\n')
        };
        if at_boundary {
            let entries = p.review_log.entries;
            self.progress = Progress {
                version: FORMAT_VERSION,
                undo: Vec::new(),
                review_log: LogMark {
                    entries,
                    bytes: mark,
                    last_line: None,
                    hash: None,
                },
                ..p
            };
            let n = self.roll_forward(day_of)?;
            if n > 0 {
                self.notices.push(format!(
                    "{} holds {n} answers after what {} records; they were kept and applied",
                    LOG_FILE, PROGRESS_FILE
                ));
            }
        } else {
            let (merged, cards) = (p.merged.clone(), p.cards.len());
            self.rebuild(p.settings, day_of)?;
            self.progress.merged = merged;
            self.notices.push(format!(
                "{} records a position inside a line of {}; card states were rebuilt from the log ({} answers; progress.json had {cards} cards)",
                PROGRESS_FILE, LOG_FILE, self.progress.review_log.entries
            ));
        }
        Ok(())
    }

    /// What opening the store found and did (a rebuilt checkpoint, values
    /// clamped), one line each; empty when all was as expected.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    pub fn progress_path(&self) -> PathBuf {
        self.dir.join(PROGRESS_FILE)
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    pub fn settings(&self) -> &Settings {
        &self.progress.settings
    }

    pub fn card(&self, id: &str) -> Option<&CardState> {
        self.progress.cards.get(id)
    }

    /// A card's state, or the new-card state when it has none.
    pub fn card_or_new(&self, id: &str) -> CardState {
        self.card(id).cloned().unwrap_or_default()
    }

    /// Answers already counted against the limits of `clock`'s day.
    pub fn done_today(&self, clock: &Clock) -> DayCounts {
        self.progress.today.on(clock.today())
    }

    /// Records a graded answer: one line appended to the log (the commit
    /// point), then the state updated from it. On failure nothing changed.
    pub fn record_grade(
        &mut self,
        id: &str,
        before: &CardState,
        outcome: &Outcome,
        clock: &Clock,
    ) -> Result<(), StoreError> {
        let entry = LogEntry {
            card: id.to_string(),
            time: clock.now(),
            kind: KIND_REVIEW.to_string(),
            grade: outcome.grade,
            mark: None,
            seconds: None,
            elapsed_days: outcome.elapsed_days,
            day: Some(clock.today()),
            before: LoggedState::memory(before),
            after: LoggedState::full(&outcome.card),
        };
        self.append(Event::Answer(entry))?;
        // The state replayed from the line must be the scheduler's.
        debug_assert_eq!(self.card(id), Some(&outcome.card));
        Ok(())
    }

    /// Logs an answer given outside the schedule. The card's state, today's
    /// counts and the limits are untouched; undo takes it back.
    pub fn record_extra(
        &mut self,
        id: &str,
        answer: &ExtraAnswer,
        clock: &Clock,
    ) -> Result<(), StoreError> {
        let card = self.card_or_new(id);
        let elapsed_days = card.last_review.map_or(0, |last| {
            Clock::days_between(clock.day_of(last), clock.today()).max(0) as u32
        });
        let entry = LogEntry {
            card: id.to_string(),
            time: clock.now(),
            kind: answer.kind.to_string(),
            grade: answer.grade,
            mark: answer.mark.map(str::to_string),
            seconds: answer.seconds,
            elapsed_days,
            day: Some(clock.today()),
            before: LoggedState::memory(&card),
            after: LoggedState::memory(&card),
        };
        self.append(Event::Answer(entry))
    }

    /// Suspends or unsuspends a card. A card already so is left alone
    /// (nothing logged, nothing to undo): false.
    pub fn set_suspended(
        &mut self,
        id: &str,
        suspended: bool,
        clock: &Clock,
    ) -> Result<bool, StoreError> {
        if self.card(id).is_some_and(|c| c.suspended) == suspended {
            return Ok(false);
        }
        self.append(Event::Suspend {
            card: id.to_string(),
            time: clock.now(),
            suspended,
        })?;
        Ok(true)
    }

    /// Hides a card until the next study day. A card already hidden until
    /// then is left alone: false.
    pub fn bury(&mut self, id: &str, clock: &Clock) -> Result<bool, StoreError> {
        let until = Clock::add_days(clock.today(), 1);
        if self.card(id).is_some_and(|c| c.buried_until >= Some(until)) {
            return Ok(false);
        }
        self.append(Event::Bury {
            card: id.to_string(),
            time: clock.now(),
            until,
        })?;
        Ok(true)
    }

    /// Changes the settings: logs all of them as they are afterwards
    /// (`undo` takes the change back). A change that changes nothing is
    /// not logged: false.
    pub fn update_settings(
        &mut self,
        clock: &Clock,
        change: impl FnOnce(&mut Settings),
    ) -> Result<bool, StoreError> {
        let mut settings = self.progress.settings.clone();
        change(&mut settings);
        if settings == self.progress.settings {
            return Ok(false);
        }
        self.append(Event::Settings {
            time: clock.now(),
            settings,
        })?;
        Ok(true)
    }

    /// Takes back the most recent change (within `scope`): an `undo` event
    /// naming it is appended; the change itself stays in the log.
    pub fn undo(&mut self, clock: &Clock, scope: UndoScope) -> Result<Undone, StoreError> {
        self.writable()?;
        let Some(entry) = self.progress.undo.last().cloned() else {
            return Ok(Undone::Nothing);
        };
        let day = entry.day.unwrap_or_else(|| clock.day_of(entry.time));
        if scope == UndoScope::Today && day != clock.today() {
            return Ok(Undone::EarlierDay(entry));
        }
        self.append(Event::Undo {
            time: clock.now(),
            target: entry.seq,
        })?;
        Ok(Undone::Done(entry))
    }

    /// Every event in the log, each with its sequence number.
    pub fn read_events(&self) -> Result<Vec<(u64, Event)>, StoreError> {
        let mut events = Vec::new();
        log::read_from(&self.log_path(), 0, 0, &mut |seq, event| {
            events.push((seq, event))
        })?;
        Ok(events)
    }

    /// The answers in the log that were not undone, oldest first.
    pub fn read_log(&self) -> Result<Vec<LogEntry>, StoreError> {
        let mut entries = Vec::new();
        self.each_answer(&mut |e| entries.push(e))?;
        Ok(entries)
    }

    /// Each answer in the log that was not undone, oldest first, one at a
    /// time: nothing holds the whole history in memory.
    pub fn each_answer(&self, f: &mut dyn FnMut(LogEntry)) -> Result<(), StoreError> {
        log::for_each_answer(&self.log_path(), self.known(), f)
    }

    /// Like [`Store::each_answer`], for the answers to one card (lines
    /// about other cards are passed over undecoded).
    pub fn each_answer_to(
        &self,
        card: &str,
        f: &mut dyn FnMut(LogEntry),
    ) -> Result<(), StoreError> {
        log::for_each_answer_to(&self.log_path(), self.known(), card, f)
    }

    /// What the state was derived from: the log up to where this store has
    /// read and written it (another process's later appends are left out),
    /// and the undone events.
    fn known(&self) -> log::Known<'_> {
        log::Known {
            end: Some(self.progress.review_log.bytes),
            undone: self.progress.undone.as_ref(),
        }
    }

    /// Like [`Store::each_answer`], for the answers to the cards `keep`
    /// accepts, with only what the statistics read of each (a quicker
    /// decode).
    pub fn each_answer_facts(
        &self,
        keep: &(dyn Fn(&str) -> bool + Sync),
        f: &mut dyn FnMut(AnswerFacts),
    ) -> Result<(), StoreError> {
        let undone = self.known().undone_or_scan(&self.log_path())?;
        answer_index::for_each(
            &self.dir,
            &self.log_path(),
            self.progress.review_log,
            &undone,
            keep,
            f,
        )
    }

    /// The log in the optimizer's terms (scheduled answers not undone).
    pub fn review_records(&self) -> Result<Vec<ReviewRecord>, StoreError> {
        let mut records = Vec::new();
        self.each_answer(&mut |e| {
            if e.kind == KIND_REVIEW {
                records.push(ReviewRecord {
                    card: e.card,
                    time: e.time,
                    grade: e.grade,
                    elapsed_days: e.elapsed_days,
                });
            }
        })?;
        Ok(records)
    }

    /// Appends `event` (after any migration baseline and merged members
    /// waiting to be written), fsyncs it, and applies it. On failure the
    /// state is unchanged and the log is as it was.
    fn append(&mut self, event: Event) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.log_path();
        let mut events = Vec::with_capacity(3);
        if self.migrate {
            self.keep_format_1_copies()?;
            events.push(Event::Baseline {
                time: event.time(),
                state: Box::new(self.progress.snapshot()),
            });
        }
        if !self.pending_merged.is_empty() {
            events.push(Event::Merged {
                time: event.time(),
                cards: self.pending_merged.clone(),
            });
        }
        events.push(event);
        let mut bytes = Vec::new();
        let mut ends = Vec::with_capacity(events.len());
        for e in &events {
            let line = e.encode().map_err(|err| {
                StoreError::io("encode a change for", &path, std::io::Error::other(err))
            })?;
            bytes.extend_from_slice(&line);
            ends.push((line.len() as u64, log::line_hash(&line)));
        }
        let (mut file, created) = files::open_log_for_append(&path)?;
        let len = file
            .metadata()
            .map_err(|e| StoreError::io("read", &path, e))?
            .len();
        let mark = self.progress.review_log;
        if len < mark.bytes {
            return Err(StoreError::LogShrank {
                path,
                expected: mark.bytes,
                found: len,
            });
        }
        if len > mark.bytes && self.torn != len - mark.bytes {
            // Lines this session has not seen (another copy of the data
            // directory synced in): take them in before adding to them.
            let tz = self.tz.clone();
            self.roll_forward(&system_day_of(&tz))?;
        }
        let mark = self.progress.review_log;
        if self.torn > 0 {
            // The one thing ever cut: a final line a crash left unfinished.
            file.set_len(mark.bytes)
                .map_err(|e| StoreError::io("truncate", &path, e))?;
            self.torn = 0;
        }
        let written = file.write_all(&bytes).and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Whatever reached the file is an unfinished line: take it back.
            let _ = file.set_len(mark.bytes);
            return Err(StoreError::io("append to", &path, e));
        }
        if created {
            sync_dir(&self.dir)?;
        }
        self.migrate = false;
        self.pending_merged.clear();
        let tz = self.tz.clone();
        let day_of = system_day_of(&tz);
        let mut at = mark;
        for (e, (len, hash)) in events.iter().zip(ends) {
            self.progress.apply(at.entries, e, &day_of);
            at = LogMark {
                entries: at.entries + 1,
                bytes: at.bytes + len,
                last_line: Some(len),
                hash: Some(hash),
            };
        }
        self.progress.review_log = at;
        let since = at.entries - self.checkpointed.entries.min(at.entries);
        let bytes_since = at.bytes - self.checkpointed.bytes.min(at.bytes);
        if checkpoint_due(since, bytes_since, self.progress.cards.len()) {
            // The change is committed; a checkpoint that fails is retried
            // at the next change or at the end of the session.
            let _ = self.checkpoint();
        }
        Ok(())
    }

    /// Copies format 1 files aside before the first write changes them.
    fn keep_format_1_copies(&self) -> Result<(), StoreError> {
        for (from, to) in [(PROGRESS_FILE, V1_PROGRESS_COPY), (LOG_FILE, V1_LOG_COPY)] {
            let from = self.dir.join(from);
            let to = self.dir.join(to);
            if from.exists() && !to.exists() {
                fs::copy(&from, &to).map_err(|e| StoreError::io("copy", &from, e))?;
            }
        }
        Ok(())
    }

    /// Writes progress.json, the checkpoint of the state as of the end of
    /// the log, atomically: a temporary file in the same directory, fsync,
    /// rename over the old one, fsync the directory. Nothing is lost when
    /// it fails: the log holds every change.
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        self.writable()?;
        if self.migrate {
            // Format 1 files stay as they are until the first change.
            return Ok(());
        }
        if !self.pending_merged.is_empty() {
            // Log them first so that the checkpoint holds nothing the log lacks.
            let cards = std::mem::take(&mut self.pending_merged);
            let event = Event::Merged {
                time: Timestamp::now(),
                cards: cards.clone(),
            };
            if let Err(e) = self.append(event) {
                self.pending_merged = cards;
                return Err(e);
            }
        }
        if self.checkpointed == self.progress.review_log && self.progress_path().exists() {
            return Ok(());
        }
        let path = self.progress_path();
        let mut tmp = tempfile::Builder::new()
            .prefix(".progress.")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(|e| StoreError::io("create a temporary file in", &self.dir, e))?;
        {
            let mut w = BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
            serde_json::to_writer(&mut w, &self.progress)
                .map_err(|e| StoreError::io("write", &path, std::io::Error::other(e)))?;
            w.write_all(b"\n")
                .and_then(|()| w.flush())
                .map_err(|e| StoreError::io("write", &path, e))?;
        }
        tmp.as_file()
            .sync_all()
            .map_err(|e| StoreError::io("sync", &path, e))?;
        tmp.persist(&path)
            .map_err(|e| StoreError::io("replace", &path, e.error))?;
        sync_dir(&self.dir)?;
        self.checkpointed = self.progress.review_log;
        Ok(())
    }

    /// Whether every change is in the checkpoint too.
    pub fn checkpoint_is_current(&self) -> bool {
        self.checkpointed == self.progress.review_log && self.pending_merged.is_empty()
    }

    /// The id each merged card is kept under, chosen so that its history
    /// survives content changes:
    /// 1. the id it was kept under before, found through a member it still
    ///    has (the most shared members win);
    /// 2. else its member answered most recently (history from `--no-merge`
    ///    or from before the merge);
    /// 3. else `default`.
    ///
    /// No id goes to two cards, nor to a card when `in_use` says another
    /// record of the bank has it.
    pub fn merged_keys(
        &self,
        cards: &[MergedCard<'_>],
        in_use: &dyn Fn(&str) -> bool,
    ) -> Vec<String> {
        let mut keys: Vec<Option<String>> = vec![None; cards.len()];
        let mut claimed: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut held_by: std::collections::HashMap<&str, Vec<&str>> =
            std::collections::HashMap::new();
        for (key, members) in &self.progress.merged {
            for m in members {
                held_by.entry(m.as_str()).or_default().push(key.as_str());
            }
        }
        let mut before: Vec<(usize, usize, &str)> = Vec::new();
        for (c, card) in cards.iter().enumerate() {
            let mut overlap: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            for m in card.members {
                for key in held_by.get(m.as_str()).into_iter().flatten() {
                    *overlap.entry(key).or_default() += 1;
                }
            }
            before.extend(overlap.into_iter().map(|(key, n)| (n, c, key)));
        }
        before.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
        let usable = |c: usize, key: &str, claimed: &std::collections::HashSet<String>| {
            !claimed.contains(key) && (cards[c].members.iter().any(|m| m == key) || !in_use(key))
        };
        for (_, c, key) in before {
            if keys[c].is_none() && usable(c, key, &claimed) {
                claimed.insert(key.to_string());
                keys[c] = Some(key.to_string());
            }
        }
        for (c, card) in cards.iter().enumerate() {
            if keys[c].is_some() {
                continue;
            }
            let answered = card
                .members
                .iter()
                .filter(|m| usable(c, m, &claimed))
                .filter_map(|m| self.card(m).map(|s| (m, s)))
                .max_by(|(a, x), (b, y)| {
                    (x.last_review, x.reps)
                        .cmp(&(y.last_review, y.reps))
                        .then(b.cmp(a))
                })
                .map(|(m, _)| m.as_str());
            let key = answered
                .or_else(|| usable(c, card.default, &claimed).then_some(card.default))
                .or_else(|| {
                    card.members
                        .iter()
                        .map(String::as_str)
                        .find(|m| usable(c, m, &claimed))
                })
                .unwrap_or(card.default);
            claimed.insert(key.to_string());
            keys[c] = Some(key.to_string());
        }
        keys.into_iter()
            .zip(cards)
            .map(|(k, card)| k.unwrap_or_else(|| card.default.to_string()))
            .collect()
    }

    /// Notes each merged card's members under the id it is kept under;
    /// logged with the next change.
    pub fn remember_merged<'a>(
        &mut self,
        cards: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) {
        for (key, members) in cards {
            if self.progress.merged.get(key).map(Vec::as_slice) != Some(members) {
                self.progress
                    .merged
                    .insert(key.to_string(), members.to_vec());
                self.pending_merged
                    .insert(key.to_string(), members.to_vec());
            }
        }
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.lock.is_some() {
            Ok(())
        } else {
            Err(StoreError::ReadOnly)
        }
    }

    fn remove_stale_temp_files(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(".progress.") && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

/// What `recover` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// 1-based line numbers of the lines set aside.
    pub lines: Vec<u64>,
    /// The untouched copy of the log as it was, when anything changed.
    pub copy: Option<PathBuf>,
}

/// Sets aside the log's damaged lines: each is replaced, in place, by a
/// `damaged` event that keeps its text (so every other line keeps its
/// position and meaning), after a copy of the whole log is made. Takes the
/// writer lock. A final line with no newline is left for the next write.
pub fn recover(dir: &Path) -> Result<Recovered, StoreError> {
    let _lock = lock::acquire(dir)?;
    let path = dir.join(LOG_FILE);
    let Some(bytes) = files::read_if_exists(&path)? else {
        return Ok(Recovered {
            lines: Vec::new(),
            copy: None,
        });
    };
    let mut out = Vec::with_capacity(bytes.len());
    let mut lines = Vec::new();
    let mut rest = &bytes[..];
    let mut n = 0u64;
    while let Some(end) = memchr::memchr(b'\n', rest) {
        n += 1;
        let line = &rest[..=end];
        rest = &rest[end + 1..];
        let text = line.trim_ascii_end();
        if text.is_empty() || Event::decode(text).is_ok() {
            out.extend_from_slice(line);
            continue;
        }
        lines.push(n);
        let event = Event::Damaged {
            time: Timestamp::now(),
            text: String::from_utf8_lossy(text).into_owned(),
        };
        let encoded = event
            .encode()
            .map_err(|e| StoreError::io("encode a change for", &path, std::io::Error::other(e)))?;
        out.extend_from_slice(&encoded);
    }
    out.extend_from_slice(rest);
    if lines.is_empty() {
        return Ok(Recovered { lines, copy: None });
    }
    let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
    let copy = dir.join(format!("{LOG_FILE}.before-recover-{stamp}"));
    fs::write(&copy, &bytes).map_err(|e| StoreError::io("write", &copy, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".reviews.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| StoreError::io("create a temporary file in", dir, e))?;
    tmp.write_all(&out)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| StoreError::io("write", &path, e))?;
    tmp.persist(&path)
        .map_err(|e| StoreError::io("replace", &path, e.error))?;
    sync_dir(dir)?;
    Ok(Recovered {
        lines,
        copy: Some(copy),
    })
}

impl UndoEntry {
    /// "Good on 'What is a closure?' from 10:02 today": what was undone,
    /// on which question, and when it was done.
    pub fn describe(&self, question: Option<&str>, clock: &Clock) -> String {
        if self.action == UndoAction::Settings {
            return format!("the settings change from {}", self.when(clock));
        }
        let what = match (self.action, self.grade) {
            _ if self.verdict.is_some() => {
                format!(
                    "interview verdict {}",
                    self.verdict.as_deref().unwrap_or("")
                )
            }
            (UndoAction::Grade, Some(g)) => capitalize(g.name()),
            (UndoAction::Practice, Some(g)) => format!("practice answer {}", capitalize(g.name())),
            (action, _) => action.name().to_string(),
        };
        let on = match question {
            Some(q) => format!("'{q}'"),
            None => self.card.clone(),
        };
        format!("{what} on {on} from {}", self.when(clock))
    }

    /// When the change was made, as a person says it.
    fn when(&self, clock: &Clock) -> String {
        let local = self.time.to_zoned(clock.tz().clone());
        let day = clock.day_of(self.time);
        let today = clock.today();
        if day == today {
            format!("{} today", local.strftime("%H:%M"))
        } else if day == Clock::add_days(today, -1) {
            format!("{} yesterday", local.strftime("%H:%M"))
        } else {
            format!(
                "{} on {}",
                local.strftime("%H:%M"),
                local.strftime("%-d %b %Y")
            )
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync", dir, e))
}

/// Parses progress.json (format 1 or 2) in one pass. A file from a newer
/// pyquiz is reported as newer, not as damaged, even when its shape no
/// longer fits this one.
fn parse(path: &Path, bytes: &[u8]) -> Result<Progress, StoreError> {
    let newer = |found: u64| StoreError::NewerVersion {
        path: path.to_path_buf(),
        found,
        supported: FORMAT_VERSION,
    };
    match serde_json::from_slice::<Progress>(bytes) {
        Ok(p) if p.version > FORMAT_VERSION => Err(newer(u64::from(p.version))),
        Ok(p) if p.version >= 1 => Ok(p),
        Ok(_) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: "no valid \"version\" field".to_string(),
        }),
        Err(e) => {
            #[derive(Deserialize)]
            struct Probe {
                version: Option<u64>,
            }
            if let Ok(Probe { version: Some(v) }) = serde_json::from_slice::<Probe>(bytes)
                && v > u64::from(FORMAT_VERSION)
            {
                return Err(newer(v));
            }
            Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: without_position(&e),
            })
        }
    }
}

/// serde_json's message without its " at line L column C" tail (the error
/// reports those separately).
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let tail = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&tail).unwrap_or(&text).to_string()
}
