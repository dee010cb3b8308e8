//! The progress store: progress.json (card states, settings, undo) written
//! atomically after every change, and reviews.jsonl, the append-only review
//! log beside it. One writer at a time; readers never block.
//!
//! Crash safety: a grade first appends its log line (fsync), then replaces
//! progress.json (temp file, fsync, rename, fsync the directory). The
//! progress file records how many log bytes it accounts for, so a log line
//! whose grade never reached progress.json is cut off on the next open.

mod error;
mod lock;
mod log;
mod progress;

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use error::StoreError;
pub use lock::LOCK_FILE;
pub use log::{LogEntry, LoggedState};
pub use progress::{
    FORMAT_VERSION, LogMark, Progress, Settings, Today, UNDO_DEPTH, UndoAction, UndoEntry,
};

use crate::schedule::{CardState, Clock, DayCounts, Grade, Outcome, Phase, ReviewRecord};

pub const PROGRESS_FILE: &str = "progress.json";
/// Log kinds: a scheduled review, and the two kinds outside the schedule.
pub const KIND_REVIEW: &str = "review";
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
pub const LOG_FILE: &str = "reviews.jsonl";

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

/// The platform data directory (`~/.local/share/pyquiz` on Linux).
pub fn default_data_dir() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "pyquiz")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    progress: Progress,
    lock: Option<lock::WriterLock>,
}

impl Store {
    pub fn open(dir: &Path, access: Access) -> Result<Store, StoreError> {
        let progress_path = dir.join(PROGRESS_FILE);
        let log_path = dir.join(LOG_FILE);
        let lock = match access {
            Access::ReadOnly => None,
            Access::ReadWrite => {
                fs::create_dir_all(dir).map_err(|e| StoreError::io("create", dir, e))?;
                Some(lock::acquire(dir)?)
            }
        };
        let progress = match fs::read(&progress_path) {
            Ok(bytes) => parse(&progress_path, &bytes)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Progress::default(),
            Err(e) => return Err(StoreError::io("read", &progress_path, e)),
        };
        let store = Store {
            dir: dir.to_path_buf(),
            progress,
            lock,
        };
        let log_len = match fs::metadata(&log_path) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(StoreError::io("read", &log_path, e)),
        };
        let mark = store.progress.review_log.bytes;
        if log_len < mark {
            return Err(StoreError::LogShort {
                path: log_path,
                expected: mark,
                found: log_len,
            });
        }
        if store.lock.is_some() {
            store.remove_stale_temp_files();
            if log_len > mark {
                if !progress_path.exists() {
                    // A log with no progress file: keep it, out of the way.
                    let aside = dir.join(format!("{LOG_FILE}.orphaned"));
                    fs::rename(&log_path, &aside)
                        .map_err(|e| StoreError::io("move aside", &log_path, e))?;
                } else {
                    truncate(&log_path, mark)?;
                }
            }
        }
        Ok(store)
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

    /// Records a graded answer: logs it, updates the card and today's
    /// counts, remembers how to undo it, and saves. On any failure the
    /// store and both files are as they were.
    pub fn record_grade(
        &mut self,
        id: &str,
        before: &CardState,
        outcome: &Outcome,
        clock: &Clock,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let entry = LogEntry {
            card: id.to_string(),
            time: clock.now(),
            kind: KIND_REVIEW.to_string(),
            grade: outcome.grade,
            mark: None,
            seconds: None,
            elapsed_days: outcome.elapsed_days,
            before: logged(before),
            after: logged(&outcome.card),
        };
        let today = clock.today();
        self.log_answer(&entry, UndoAction::Grade, clock, |progress| {
            let counts = &mut progress.today;
            if counts.date != Some(today) {
                *counts = Today {
                    date: Some(today),
                    new: 0,
                    reviews: 0,
                };
            }
            match before.phase {
                Phase::New => counts.new += 1,
                Phase::Review => counts.reviews += 1,
                Phase::Learning | Phase::Relearning => {}
            }
            progress.cards.insert(id.to_string(), outcome.card.clone());
        })
    }

    /// Appends `entry` to the log, applies `change`, remembers how to undo
    /// both, and saves; on any failure the store and both files are as
    /// they were.
    fn log_answer(
        &mut self,
        entry: &LogEntry,
        action: UndoAction,
        clock: &Clock,
        change: impl FnOnce(&mut Progress),
    ) -> Result<(), StoreError> {
        let mut line = serde_json::to_vec(entry).map_err(|e| {
            StoreError::io(
                "encode an answer for",
                self.log_path(),
                std::io::Error::other(e),
            )
        })?;
        line.push(b'\n');
        let old_mark = self.progress.review_log;
        self.append_log(&line, old_mark)?;
        let undo = self.undo_entry(action, &entry.card, clock);
        change(&mut self.progress);
        self.progress.review_log = LogMark {
            entries: old_mark.entries + 1,
            bytes: old_mark.bytes + line.len() as u64,
        };
        self.push_undo(undo);
        if let Err(e) = self.save() {
            self.revert_last();
            let _ = truncate(&self.log_path(), old_mark.bytes);
            return Err(e);
        }
        Ok(())
    }

    /// Logs an answer given outside the schedule. The card's state, today's
    /// counts and the limits are untouched; undo takes the line back.
    pub fn record_extra(
        &mut self,
        id: &str,
        answer: &ExtraAnswer,
        clock: &Clock,
    ) -> Result<(), StoreError> {
        self.writable()?;
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
            before: logged(&card),
            after: logged(&card),
        };
        self.log_answer(&entry, UndoAction::Practice, clock, |_| {})
    }

    /// Suspends or unsuspends a card (a no-op change is still saved and undoable).
    pub fn set_suspended(
        &mut self,
        id: &str,
        suspended: bool,
        clock: &Clock,
    ) -> Result<(), StoreError> {
        let action = if suspended {
            UndoAction::Suspend
        } else {
            UndoAction::Unsuspend
        };
        self.change_card(id, action, clock, |card| card.suspended = suspended)
    }

    /// Hides a card until the next study day.
    pub fn bury(&mut self, id: &str, clock: &Clock) -> Result<(), StoreError> {
        let tomorrow = Clock::add_days(clock.today(), 1);
        self.change_card(id, UndoAction::Bury, clock, |card| {
            card.buried_until = Some(tomorrow)
        })
    }

    /// Changes the settings and saves.
    pub fn update_settings(
        &mut self,
        change: impl FnOnce(&mut Settings),
    ) -> Result<(), StoreError> {
        self.writable()?;
        let old = self.progress.settings.clone();
        change(&mut self.progress.settings);
        if let Err(e) = self.save() {
            self.progress.settings = old;
            return Err(e);
        }
        Ok(())
    }

    /// Takes back the most recent change and returns what it was.
    pub fn undo(&mut self, clock: &Clock) -> Result<Option<UndoEntry>, StoreError> {
        self.writable()?;
        let Some(entry) = self.progress.undo.pop() else {
            return Ok(None);
        };
        let current_card = self.progress.cards.get(&entry.card).cloned();
        let current_today = self.progress.today;
        let current_mark = self.progress.review_log;
        match &entry.before {
            Some(card) => {
                self.progress.cards.insert(entry.card.clone(), card.clone());
            }
            None => {
                self.progress.cards.remove(&entry.card);
            }
        }
        // Today's counts go back only for a change made today; undoing an
        // answer from an earlier day leaves today's limits alone.
        if clock.day_of(entry.time) == clock.today() {
            self.progress.today = entry.today;
        }
        self.progress.review_log = entry.log;
        if let Err(e) = self.save() {
            match current_card {
                Some(card) => self.progress.cards.insert(entry.card.clone(), card),
                None => self.progress.cards.remove(&entry.card),
            };
            self.progress.today = current_today;
            self.progress.review_log = current_mark;
            self.progress.undo.push(entry);
            return Err(e);
        }
        if entry.log.bytes < current_mark.bytes {
            // progress.json no longer accounts for the undone line; cutting it
            // now is tidy, and if this fails the next open cuts it instead.
            let _ = truncate(&self.log_path(), entry.log.bytes);
        }
        Ok(Some(entry))
    }

    /// The review log as far as progress.json accounts for it.
    pub fn read_log(&self) -> Result<Vec<LogEntry>, StoreError> {
        log::read(&self.log_path(), self.progress.review_log.bytes)
    }

    /// The log in the optimizer's terms.
    pub fn review_records(&self) -> Result<Vec<ReviewRecord>, StoreError> {
        Ok(self
            .read_log()?
            .into_iter()
            .filter(|e| e.kind == KIND_REVIEW)
            .map(|e| ReviewRecord {
                card: e.card,
                time: e.time,
                grade: e.grade,
                elapsed_days: e.elapsed_days,
            })
            .collect())
    }

    /// Writes progress.json atomically: a temporary file in the same
    /// directory, fsync, rename over the old one, fsync the directory.
    pub fn save(&self) -> Result<(), StoreError> {
        self.writable()?;
        let path = self.progress_path();
        let mut tmp = tempfile::Builder::new()
            .prefix(".progress.")
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(|e| StoreError::io("create a temporary file in", &self.dir, e))?;
        {
            let mut w = BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
            serde_json::to_writer_pretty(&mut w, &self.progress)
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
        Ok(())
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
    /// written with the next save.
    pub fn remember_merged<'a>(
        &mut self,
        cards: impl IntoIterator<Item = (&'a str, &'a [String])>,
    ) {
        for (key, members) in cards {
            if self.progress.merged.get(key).map(Vec::as_slice) != Some(members) {
                self.progress
                    .merged
                    .insert(key.to_string(), members.to_vec());
            }
        }
    }

    /// Replaces the whole progress (benches and tests build large stores so).
    pub fn replace_progress(&mut self, progress: Progress) {
        self.progress = progress;
    }

    fn writable(&self) -> Result<(), StoreError> {
        if self.lock.is_some() {
            Ok(())
        } else {
            Err(StoreError::ReadOnly)
        }
    }

    fn change_card(
        &mut self,
        id: &str,
        action: UndoAction,
        clock: &Clock,
        change: impl FnOnce(&mut CardState),
    ) -> Result<(), StoreError> {
        self.writable()?;
        let undo = self.undo_entry(action, id, clock);
        let mut card = self.card_or_new(id);
        change(&mut card);
        if card.is_pristine() {
            self.progress.cards.remove(id);
        } else {
            self.progress.cards.insert(id.to_string(), card);
        }
        self.push_undo(undo);
        if let Err(e) = self.save() {
            self.revert_last();
            return Err(e);
        }
        Ok(())
    }

    fn undo_entry(&self, action: UndoAction, id: &str, clock: &Clock) -> UndoEntry {
        UndoEntry {
            action,
            card: id.to_string(),
            time: clock.now(),
            before: self.card(id).cloned(),
            log: self.progress.review_log,
            today: self.progress.today,
        }
    }

    fn push_undo(&mut self, entry: UndoEntry) {
        self.progress.undo.push(entry);
        let excess = self.progress.undo.len().saturating_sub(UNDO_DEPTH);
        if excess > 0 {
            self.progress.undo.drain(..excess);
        }
    }

    /// Puts back the change the last undo entry describes (in memory only).
    fn revert_last(&mut self) {
        if let Some(entry) = self.progress.undo.pop() {
            match entry.before {
                Some(card) => {
                    self.progress.cards.insert(entry.card, card);
                }
                None => {
                    self.progress.cards.remove(&entry.card);
                }
            }
            self.progress.today = entry.today;
            self.progress.review_log = entry.log;
        }
    }

    fn append_log(&self, line: &[u8], mark: LogMark) -> Result<(), StoreError> {
        let path = self.log_path();
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| StoreError::io("open", &path, e))?;
        let len = file
            .metadata()
            .map_err(|e| StoreError::io("read", &path, e))?
            .len();
        if len != mark.bytes {
            // Left over from an interrupted grade or undo: cut it first.
            file.set_len(mark.bytes)
                .map_err(|e| StoreError::io("truncate", &path, e))?;
        }
        let result = file.write_all(line).and_then(|()| file.sync_data());
        if let Err(e) = result {
            let _ = file.set_len(mark.bytes);
            return Err(StoreError::io("append to", &path, e));
        }
        if len == 0 && mark.bytes == 0 {
            sync_dir(&self.dir)?;
        }
        Ok(())
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

fn logged(card: &CardState) -> LoggedState {
    LoggedState {
        phase: card.phase,
        stability: card.stability,
        difficulty: card.difficulty,
        due: card.due,
    }
}

fn truncate(path: &Path, len: u64) -> Result<(), StoreError> {
    let file = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| StoreError::io("open", path, e))?;
    file.set_len(len)
        .and_then(|()| file.sync_all())
        .map_err(|e| StoreError::io("truncate", path, e))
}

fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| StoreError::io("sync", dir, e))
}

/// Parses progress.json in one pass. A file from a newer pyquiz is reported
/// as newer, not as damaged, even when its shape no longer fits this one.
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
