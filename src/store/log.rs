//! The review log, reviews.jsonl: the record of truth. One JSON object a
//! line, appended and fsynced for every change (an answer, a suspend, a
//! bury, a settings change, an undo); nothing in it is ever rewritten.
//! Card states, today's counts and the undo stack are derived from it
//! (see `progress.rs`); progress.json only caches them.
//!
//! An answer is a line with no `event` field, as format 1 wrote it (format 1
//! logs only answers); every other change names itself in `event`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::files;
use super::progress::{Settings, Snapshot};
use crate::schedule::{CardState, Grade, Phase};

/// Memory state on one side of an answer. An answer written by this
/// version also carries, in `after`, the scheduling fields a replay needs
/// (`step`, `interval_days`, `reps`, `lapses`); format 1 lines lack them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LoggedState {
    pub phase: Phase,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stability: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lapses: Option<u32>,
}

impl LoggedState {
    /// The memory state only (what `before` records).
    pub fn memory(card: &CardState) -> LoggedState {
        LoggedState {
            phase: card.phase,
            stability: card.stability,
            difficulty: card.difficulty,
            due: card.due,
            step: None,
            interval_days: None,
            reps: None,
            lapses: None,
        }
    }

    /// Everything a replay needs to put the card back as it was (`after`).
    pub fn full(card: &CardState) -> LoggedState {
        LoggedState {
            step: card.step,
            interval_days: card.interval_days,
            reps: Some(card.reps),
            lapses: Some(card.lapses),
            ..LoggedState::memory(card)
        }
    }
}

/// One answer: graded in the schedule (`review`), or given outside it
/// (`practice`, `interview`).
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
    /// The study day the answer counts on (absent in format 1 lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<Date>,
    pub before: LoggedState,
    pub after: LoggedState,
}

/// One line of the log. Nearly every line is an answer, so the answer is
/// kept inline rather than boxed (one allocation fewer per line read).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Answer(LogEntry),
    /// Suspends (`true`) or unsuspends a card.
    Suspend {
        card: String,
        time: Timestamp,
        suspended: bool,
    },
    /// Hides a card until `until` begins.
    Bury {
        card: String,
        time: Timestamp,
        until: Date,
    },
    /// The settings from now on (all of them).
    Settings {
        time: Timestamp,
        settings: Settings,
    },
    /// Takes back the change at line `target` (0-based, counting events).
    Undo {
        time: Timestamp,
        target: u64,
    },
    /// Merged cards' members, by the id each is kept under.
    Merged {
        time: Timestamp,
        cards: BTreeMap<String, Vec<String>>,
    },
    /// The whole state as a format 1 progress.json held it, written once
    /// when that data directory is first written by this version: format 1
    /// kept suspends, burials and settings only there.
    Baseline {
        time: Timestamp,
        state: Box<Snapshot>,
    },
    /// A line `pyquiz recover` found damaged, kept as text in its place.
    Damaged {
        time: Timestamp,
        text: String,
    },
}

impl Event {
    pub fn time(&self) -> Timestamp {
        match self {
            Event::Answer(e) => e.time,
            Event::Suspend { time, .. }
            | Event::Bury { time, .. }
            | Event::Settings { time, .. }
            | Event::Undo { time, .. }
            | Event::Merged { time, .. }
            | Event::Baseline { time, .. }
            | Event::Damaged { time, .. } => *time,
        }
    }

    /// The line as written, newline included.
    pub fn encode(&self) -> Result<Vec<u8>, serde_json::Error> {
        #[derive(Serialize)]
        #[serde(tag = "event", rename_all = "lowercase")]
        enum Tagged<'a> {
            Suspend {
                card: &'a str,
                time: Timestamp,
                suspended: bool,
            },
            Bury {
                card: &'a str,
                time: Timestamp,
                until: Date,
            },
            Settings {
                time: Timestamp,
                settings: &'a Settings,
            },
            Undo {
                time: Timestamp,
                target: u64,
            },
            Merged {
                time: Timestamp,
                cards: &'a BTreeMap<String, Vec<String>>,
            },
            Baseline {
                time: Timestamp,
                state: &'a Snapshot,
            },
            Damaged {
                time: Timestamp,
                text: &'a str,
            },
        }
        let mut line = match self {
            Event::Answer(entry) => serde_json::to_vec(entry)?,
            Event::Suspend {
                card,
                time,
                suspended,
            } => serde_json::to_vec(&Tagged::Suspend {
                card,
                time: *time,
                suspended: *suspended,
            })?,
            Event::Bury { card, time, until } => serde_json::to_vec(&Tagged::Bury {
                card,
                time: *time,
                until: *until,
            })?,
            Event::Settings { time, settings } => serde_json::to_vec(&Tagged::Settings {
                time: *time,
                settings,
            })?,
            Event::Undo { time, target } => serde_json::to_vec(&Tagged::Undo {
                time: *time,
                target: *target,
            })?,
            Event::Merged { time, cards } => {
                serde_json::to_vec(&Tagged::Merged { time: *time, cards })?
            }
            Event::Baseline { time, state } => {
                serde_json::to_vec(&Tagged::Baseline { time: *time, state })?
            }
            Event::Damaged { time, text } => {
                serde_json::to_vec(&Tagged::Damaged { time: *time, text })?
            }
        };
        line.push(b'\n');
        Ok(line)
    }

    /// Reads one line (without its newline).
    pub fn decode(line: &[u8]) -> Result<Event, String> {
        #[derive(Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum Tag {
            Suspend,
            Bury,
            Settings,
            Undo,
            Merged,
            Baseline,
            Damaged,
        }
        /// Every field any line has; which ones must be there depends on
        /// `event`. One struct (no `flatten`, no untagged enum) keeps a
        /// line to one pass of the parser.
        #[derive(Deserialize)]
        struct Line {
            #[serde(default)]
            event: Option<Tag>,
            time: Timestamp,
            #[serde(default)]
            card: Option<String>,
            #[serde(default)]
            kind: Option<String>,
            #[serde(default)]
            grade: Option<Grade>,
            #[serde(default)]
            mark: Option<String>,
            #[serde(default)]
            seconds: Option<u32>,
            #[serde(default)]
            elapsed_days: Option<u32>,
            #[serde(default)]
            day: Option<Date>,
            #[serde(default)]
            before: Option<LoggedState>,
            #[serde(default)]
            after: Option<LoggedState>,
            #[serde(default)]
            suspended: Option<bool>,
            #[serde(default)]
            until: Option<Date>,
            #[serde(default)]
            settings: Option<Settings>,
            #[serde(default)]
            target: Option<u64>,
            #[serde(default)]
            cards: Option<BTreeMap<String, Vec<String>>>,
            #[serde(default)]
            state: Option<Box<Snapshot>>,
            #[serde(default)]
            text: Option<String>,
        }
        fn need<T>(v: Option<T>, what: &str) -> Result<T, String> {
            v.ok_or_else(|| format!("missing field `{what}`"))
        }
        let l: Line = serde_json::from_slice(line).map_err(|e| e.to_string())?;
        let time = l.time;
        Ok(match l.event {
            None => Event::Answer(LogEntry {
                card: need(l.card, "card")?,
                time,
                kind: need(l.kind, "kind")?,
                grade: need(l.grade, "grade")?,
                mark: l.mark,
                seconds: l.seconds,
                elapsed_days: need(l.elapsed_days, "elapsed_days")?,
                day: l.day,
                before: need(l.before, "before")?,
                after: need(l.after, "after")?,
            }),
            Some(Tag::Suspend) => Event::Suspend {
                card: need(l.card, "card")?,
                time,
                suspended: need(l.suspended, "suspended")?,
            },
            Some(Tag::Bury) => Event::Bury {
                card: need(l.card, "card")?,
                time,
                until: need(l.until, "until")?,
            },
            Some(Tag::Settings) => Event::Settings {
                time,
                settings: need(l.settings, "settings")?,
            },
            Some(Tag::Undo) => Event::Undo {
                time,
                target: need(l.target, "target")?,
            },
            Some(Tag::Merged) => Event::Merged {
                time,
                cards: need(l.cards, "cards")?,
            },
            Some(Tag::Baseline) => Event::Baseline {
                time,
                state: need(l.state, "state")?,
            },
            Some(Tag::Damaged) => Event::Damaged {
                time,
                text: need(l.text, "text")?,
            },
        })
    }
}

/// A 64-bit FNV-1a hash: ties a checkpoint to the exact line it ends on.
pub fn line_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// What reading the log from some offset found.
#[derive(Debug, Default)]
pub struct Tail {
    /// How many complete events were read.
    pub events: u64,
    /// Where the last complete line ends (bytes from the file's start).
    pub end: u64,
    /// The last complete line's length and hash (for the next checkpoint).
    pub last_line: Option<(u64, u64)>,
    /// Bytes after the last newline: a line a crash cut short.
    pub torn: u64,
}

/// Reads the log from byte `from` (a line boundary) onwards, handing each
/// event to `f` with its sequence number (numbered from `first_seq`), one
/// at a time: a rebuild from a million events never holds them all. A
/// complete line that does not parse is damage and an error naming its
/// line; a final line with no newline is torn (reported in `torn`, never
/// parsed).
pub fn read_from(
    path: &Path,
    from: u64,
    first_seq: u64,
    f: &mut dyn FnMut(u64, Event),
) -> Result<Tail, StoreError> {
    let file = match files::open_log_for_reading(path)? {
        Some(f) => f,
        None => return Ok(Tail::default()),
    };
    read_file_from(file, path, from, first_seq, f)
}

fn read_file_from(
    mut file: File,
    path: &Path,
    from: u64,
    first_seq: u64,
    f: &mut dyn FnMut(u64, Event),
) -> Result<Tail, StoreError> {
    file.seek(SeekFrom::Start(from))
        .map_err(|e| StoreError::io("read", path, e))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut tail = Tail {
        end: from,
        ..Tail::default()
    };
    let mut seq = first_seq;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| StoreError::io("read", path, e))?;
        if n == 0 {
            break;
        }
        if buf.last() != Some(&b'\n') {
            tail.torn = n as u64;
            break;
        }
        let start = tail.end;
        tail.end += n as u64;
        let text = trim_line(&buf);
        if !text.iter().all(u8::is_ascii_whitespace) {
            let event = match Event::decode(text) {
                Ok(event) => event,
                Err(message) => {
                    return Err(StoreError::LogCorrupt {
                        path: path.to_path_buf(),
                        line: line_number_at(path, start),
                        message,
                    });
                }
            };
            f(seq, event);
            tail.events += 1;
            tail.last_line = Some((n as u64, line_hash(&buf)));
            seq += 1;
        }
    }
    Ok(tail)
}

/// The 1-based number of the line that starts at byte `offset` (for a
/// message: counts the newlines before it).
fn line_number_at(path: &Path, offset: u64) -> u64 {
    let Ok(Some(file)) = files::open_log_for_reading(path) else {
        return 0;
    };
    let mut reader = BufReader::with_capacity(1 << 20, file.take(offset));
    let mut lines = 1;
    loop {
        let Ok(buf) = reader.fill_buf() else {
            return 0;
        };
        if buf.is_empty() {
            return lines;
        }
        let n = buf.len();
        lines += memchr::memchr_iter(b'\n', buf).count() as u64;
        reader.consume(n);
    }
}

fn trim_line(buf: &[u8]) -> &[u8] {
    let mut end = buf.len();
    while end > 0 && matches!(buf[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &buf[..end]
}

/// The hash of the `len` bytes that end at `end`, if the file has them.
pub fn hash_of_line_ending_at(path: &Path, end: u64, len: u64) -> Result<Option<u64>, StoreError> {
    let Some(mut file) = files::open_log_for_reading(path)? else {
        return Ok(None);
    };
    let size = file
        .metadata()
        .map_err(|e| StoreError::io("read", path, e))?
        .len();
    if len > end || end > size {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(end - len))
        .map_err(|e| StoreError::io("read", path, e))?;
    let mut bytes = Vec::with_capacity(len as usize);
    (&mut file)
        .take(len)
        .read_to_end(&mut bytes)
        .map_err(|e| StoreError::io("read", path, e))?;
    if bytes.last() != Some(&b'\n') {
        return Ok(None);
    }
    Ok(Some(line_hash(&bytes)))
}

/// The byte at `offset`, if the file has one there.
pub fn byte_at(path: &Path, offset: u64) -> Result<Option<u8>, StoreError> {
    let Some(mut file) = files::open_log_for_reading(path)? else {
        return Ok(None);
    };
    file.seek(SeekFrom::Start(offset))
        .map_err(|e| StoreError::io("read", path, e))?;
    let mut b = [0u8; 1];
    match file.read(&mut b) {
        Ok(1) => Ok(Some(b[0])),
        Ok(_) => Ok(None),
        Err(e) => Err(StoreError::io("read", path, e)),
    }
}

/// The sequence numbers that `undo` events in the log name. Only lines
/// holding `"event":"undo"` are parsed (one substring search of the file).
pub fn undone_targets(path: &Path, end: Option<u64>) -> Result<BTreeSet<u64>, StoreError> {
    let mut undone = BTreeSet::new();
    for_each_block(path, 0, end, &mut |block, _, _| {
        for at in memchr::memmem::find_iter(block, b"\"event\":\"undo\"") {
            let start = block[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let end = block[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(block.len(), |i| at + i);
            if let Ok(Event::Undo { target, .. }) = Event::decode(trim_line(&block[start..end])) {
                undone.insert(target);
            }
        }
        Ok(())
    })?;
    Ok(undone)
}

/// Calls `f` with each block of complete lines of the log (about 8 MB,
/// cut at a newline), the number of events before it and the 1-based line
/// number it starts on. A final line with no newline is left out.
/// Handles one block of lines: (the lines, events before it, its first
/// line's number).
type BlockFn<'a> = dyn FnMut(&[u8], u64, u64) -> Result<(), StoreError> + 'a;

/// Reading starts at byte `from` (a line boundary; events and line
/// numbers are then counted from there) and, with `end`, stops at byte
/// `end`.
fn for_each_block(
    path: &Path,
    from: u64,
    end: Option<u64>,
    f: &mut BlockFn<'_>,
) -> Result<(), StoreError> {
    // Small blocks in unit tests, so that they cross many block edges.
    const BLOCK: usize = if cfg!(test) { 4096 } else { 8 << 20 };
    let Some(mut file) = files::open_log_for_reading(path)? else {
        return Ok(());
    };
    if from > 0 {
        file.seek(SeekFrom::Start(from))
            .map_err(|e| StoreError::io("read", path, e))?;
    }
    let mut file = file.take(end.map_or(u64::MAX, |end| end.saturating_sub(from)));
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + (1 << 16));
    let mut events = 0u64;
    let mut line = 1u64;
    loop {
        let kept = buf.len();
        buf.resize(kept + BLOCK, 0);
        let n =
            read_full(&mut file, &mut buf[kept..]).map_err(|e| StoreError::io("read", path, e))?;
        buf.truncate(kept + n);
        let Some(last_newline) = buf.iter().rposition(|&b| b == b'\n') else {
            if n == 0 {
                return Ok(());
            }
            continue;
        };
        let block = &buf[..=last_newline];
        f(block, events, line)?;
        let (lines, blank) = count_lines(block);
        events += lines - blank;
        line += lines;
        buf.drain(..=last_newline);
        if n == 0 {
            return Ok(());
        }
    }
}

/// The newline-ended lines of `block`, and how many of them are blank
/// (the check stops at the first byte that is not white space, which
/// for a JSON line is its first).
fn count_lines(block: &[u8]) -> (u64, u64) {
    let (mut lines, mut blank) = (0u64, 0u64);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', block) {
        lines += 1;
        if block[start..end].iter().all(u8::is_ascii_whitespace) {
            blank += 1;
        }
        start = end + 1;
    }
    (lines, blank)
}

fn read_full(file: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// What a store already knows of its log when it reads it again.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    /// Where the part it derived its state from ends: what comes after
    /// (another process's appends) is left out, so that what is read
    /// agrees with the state. `None`: the whole file.
    pub end: Option<u64>,
    /// The events that undo events name; `None`: found by a scan.
    pub undone: Option<&'a BTreeSet<u64>>,
}

impl<'a> Known<'a> {
    /// The undone events: as known, or found by a search of the log (up to
    /// `end`) at `path`.
    pub fn undone_or_scan(&self, path: &Path) -> Result<Cow<'a, BTreeSet<u64>>, StoreError> {
        Ok(match self.undone {
            Some(undone) => Cow::Borrowed(undone),
            None => Cow::Owned(undone_targets(path, self.end)?),
        })
    }
}

/// Every answer in the log that no `undo` names, oldest first, handed to
/// `f` one at a time (so that a log of a million answers is never held in
/// memory at once). Blocks of lines are decoded on two threads.
pub fn for_each_answer(
    path: &Path,
    known: Known<'_>,
    f: &mut dyn FnMut(LogEntry),
) -> Result<(), StoreError> {
    for_each_decoded(path, known, &whole_answer, f)
}

/// Like [`for_each_answer`], for the answers to one card. Lines that
/// cannot be about it (they hold neither its id nor a `\u` escape, the
/// only way to write an id of letters, digits, `-`, `_` and `.` otherwise)
/// are passed over without being decoded.
pub fn for_each_answer_to(
    path: &Path,
    known: Known<'_>,
    card: &str,
    f: &mut dyn FnMut(LogEntry),
) -> Result<(), StoreError> {
    let plain = card
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let id = memchr::memmem::Finder::new(card.as_bytes());
    let escape = memchr::memmem::Finder::new(b"\\u");
    let decode = |line: &[u8]| -> Result<Option<LogEntry>, String> {
        if plain && id.find(line).is_none() && escape.find(line).is_none() {
            return Ok(None);
        }
        Ok(whole_answer(line)?.filter(|e| e.card == card))
    };
    for_each_decoded(path, known, &decode, f)
}

/// Like [`for_each_answer`], for the answers to the cards `keep` accepts,
/// with only what the statistics read of each: a lighter decode (no memory
/// state, no times but where the study day is missing), and the choice of
/// cards made on the decoding threads. A line that is not JSON is still
/// reported by its number.
pub fn for_each_answer_facts(
    path: &Path,
    known: Known<'_>,
    keep: &(dyn Fn(&str) -> bool + Sync),
    f: &mut dyn FnMut(AnswerFacts),
) -> Result<(), StoreError> {
    let decode = |line: &[u8]| -> Result<Option<AnswerFacts>, String> {
        Ok(AnswerFacts::decode(line)?.and_then(|(card, facts)| keep(&card).then_some(facts)))
    };
    for_each_decoded(path, known, &decode, f)
}

/// Every answer from byte `from` of the log (a line boundary, with
/// `first_seq` events before it) to `end`, each with its card and its
/// sequence number, undone or not (for the answer index).
pub fn for_each_answer_facts_from(
    path: &Path,
    from: u64,
    first_seq: u64,
    end: Option<u64>,
    f: &mut dyn FnMut(u64, String, AnswerFacts),
) -> Result<(), StoreError> {
    let decode =
        |line: &[u8]| AnswerFacts::decode(line).map(|d| d.map(|(c, f)| (c.into_owned(), f)));
    decode_span(
        path,
        from,
        first_seq,
        end,
        &decode,
        &mut |seq, (card, facts)| f(seq, card, facts),
    )
}

/// A line's answer, if it is one (and wanted).
type DecodeFn<'a, T> = &'a (dyn Fn(&[u8]) -> Result<Option<T>, String> + Sync);

fn whole_answer(line: &[u8]) -> Result<Option<LogEntry>, String> {
    Ok(match Event::decode(line)? {
        Event::Answer(entry) => Some(entry),
        _ => None,
    })
}

fn for_each_decoded<T: Send>(
    path: &Path,
    known: Known<'_>,
    decode: DecodeFn<'_, T>,
    f: &mut dyn FnMut(T),
) -> Result<(), StoreError> {
    let undone = known.undone_or_scan(path)?;
    decode_span(path, 0, 0, known.end, decode, &mut |seq, answer| {
        if !undone.contains(&seq) {
            f(answer)
        }
    })
}

/// Decodes the answers from byte `from` (a line boundary, `first_seq`
/// events before it) to `end` in blocks, each block on two threads, and
/// hands them over in order with their sequence numbers.
fn decode_span<T: Send>(
    path: &Path,
    from: u64,
    first_seq: u64,
    end: Option<u64>,
    decode: DecodeFn<'_, T>,
    f: &mut dyn FnMut(u64, T),
) -> Result<(), StoreError> {
    let result = for_each_block(path, from, end, &mut |block, events_before, first_line| {
        let first_seq = first_seq + events_before;
        let mid = block.len() / 2;
        let cut = block[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(block.len(), |i| mid + i + 1);
        let (a, b) = block.split_at(cut);
        let (lines_in_a, blank_in_a) = count_lines(a);
        let events_in_a = lines_in_a - blank_in_a;
        let (ra, rb) = std::thread::scope(|scope| {
            let second = scope.spawn(|| {
                decode_answers(b, first_seq + events_in_a, first_line + lines_in_a, decode)
            });
            let first = decode_answers(a, first_seq, first_line, decode);
            (
                first,
                second
                    .join()
                    .unwrap_or_else(|_| Err((0, "decoding failed".to_string()))),
            )
        });
        for part in [ra, rb] {
            match part {
                Ok(answers) => {
                    for (seq, answer) in answers {
                        f(seq, answer);
                    }
                }
                Err((line, message)) => {
                    return Err(StoreError::LogCorrupt {
                        path: path.to_path_buf(),
                        line,
                        message,
                    });
                }
            }
        }
        Ok(())
    });
    match result {
        // Line numbers were counted from `from`.
        Err(StoreError::LogCorrupt {
            path: at,
            line,
            message,
        }) if from > 0 => Err(StoreError::LogCorrupt {
            line: line + line_number_at(path, from) - 1,
            path: at,
            message,
        }),
        other => other,
    }
}

/// The answers among `lines` (complete lines) with their sequence numbers;
/// or the first damaged line's number and what is wrong with it.
fn decode_answers<T>(
    lines: &[u8],
    first_seq: u64,
    first_line: u64,
    decode: DecodeFn<'_, T>,
) -> Result<Vec<(u64, T)>, (u64, String)> {
    let mut out = Vec::new();
    let mut seq = first_seq;
    // Lines found with memchr: splitting byte by byte was a fifth of the
    // decoding time.
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', lines).chain(std::iter::once(lines.len()));
    for (i, end) in ends.enumerate() {
        let raw = &lines[start..end];
        start = (end + 1).min(lines.len());
        let text = trim_line(raw);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if let Some(answer) = decode(text).map_err(|m| (first_line + i as u64, m))? {
            out.push((seq, answer));
        }
        seq += 1;
    }
    Ok(out)
}

/// What kind of answer a line records (see `LogEntry::kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Review,
    Practice,
    Interview,
    /// A kind this version does not know (a newer pyquiz's).
    Other,
}

impl AnswerKind {
    pub fn of(kind: &str) -> AnswerKind {
        match kind {
            super::KIND_REVIEW => AnswerKind::Review,
            super::KIND_PRACTICE => AnswerKind::Practice,
            super::KIND_INTERVIEW => AnswerKind::Interview,
            _ => AnswerKind::Other,
        }
    }
}

/// An interview answer's verdict (`mark` in the log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Nailed,
    Partial,
    /// `missed`, or a mark this version does not know.
    Missed,
}

impl Verdict {
    pub fn of(mark: &str) -> Verdict {
        match mark {
            "nailed" => Verdict::Nailed,
            "partial" => Verdict::Partial,
            _ => Verdict::Missed,
        }
    }
}

/// What the statistics need of one answer (to a card they count).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerFacts {
    pub kind: AnswerKind,
    pub grade: Grade,
    /// An interview's verdict.
    pub verdict: Option<Verdict>,
    /// The study day it counted on, or, for a format 1 line, which lacks
    /// it, the time it was given (the day then depends on the clock).
    pub day: Result<Date, Timestamp>,
    /// Whether the card was in review before it (retention counts those).
    pub was_review: bool,
}

impl AnswerFacts {
    pub fn of(entry: &LogEntry) -> AnswerFacts {
        AnswerFacts {
            kind: AnswerKind::of(&entry.kind),
            grade: entry.grade,
            verdict: entry.mark.as_deref().map(Verdict::of),
            day: entry.day.ok_or(entry.time),
            was_review: entry.before.phase == Phase::Review,
        }
    }

    /// Reads an answer line's card and facts; `None` for another event's
    /// line.
    fn decode(line: &[u8]) -> Result<Option<(Cow<'_, str>, AnswerFacts)>, String> {
        #[derive(Deserialize)]
        struct Before {
            phase: Phase,
        }
        #[derive(Deserialize)]
        struct Line<'a> {
            #[serde(default)]
            event: Option<serde::de::IgnoredAny>,
            #[serde(borrow)]
            time: Cow<'a, str>,
            #[serde(default, borrow)]
            card: Option<Cow<'a, str>>,
            #[serde(default, borrow)]
            kind: Option<Cow<'a, str>>,
            #[serde(default)]
            grade: Option<Grade>,
            #[serde(default, borrow)]
            mark: Option<Cow<'a, str>>,
            #[serde(default)]
            day: Option<Date>,
            #[serde(default)]
            before: Option<Before>,
        }
        fn need<T>(v: Option<T>, what: &str) -> Result<T, String> {
            v.ok_or_else(|| format!("missing field `{what}`"))
        }
        let l: Line<'_> = serde_json::from_slice(line).map_err(|e| e.to_string())?;
        if l.event.is_some() {
            return Ok(None);
        }
        let card = need(l.card, "card")?;
        let day = match l.day {
            Some(day) => Ok(day),
            None => Err(l
                .time
                .parse::<Timestamp>()
                .map_err(|e| format!("time: {e}"))?),
        };
        let facts = AnswerFacts {
            kind: AnswerKind::of(&need(l.kind, "kind")?),
            grade: need(l.grade, "grade")?,
            verdict: l.mark.as_deref().map(Verdict::of),
            day,
            was_review: need(l.before, "before")?.phase == Phase::Review,
        };
        Ok(Some((card, facts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(k: usize) -> Event {
        let time: Timestamp = "2026-01-05T10:00:00Z".parse().unwrap();
        let state = LoggedState::memory(&CardState::default());
        Event::Answer(LogEntry {
            card: format!("card-{k:05}"),
            time: time
                .checked_add(jiff::SignedDuration::from_secs(k as i64))
                .unwrap(),
            kind: "review".into(),
            grade: Grade::Good,
            mark: None,
            seconds: None,
            elapsed_days: 0,
            day: None,
            before: state,
            after: state,
        })
    }

    /// One card's answers: its own lines, also one that writes its id
    /// with `\u` escapes, less the undone; no other card's.
    #[test]
    fn one_cards_answers_include_an_escaped_id_and_leave_out_the_undone() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("reviews.jsonl");
        let mut bytes = Vec::new();
        let with_card = |k: usize, card: &str| {
            let Event::Answer(mut e) = answer(k) else {
                unreachable!()
            };
            e.card = card.to_string();
            Event::Answer(e).encode().unwrap()
        };
        bytes.extend(with_card(0, "abc-1"));
        bytes.extend(with_card(1, "abc-12"));
        bytes.extend(with_card(2, "abc-1"));
        let escaped = String::from_utf8(with_card(3, "abc-1"))
            .unwrap()
            .replace("\"abc-1\"", "\"\\u0061bc\\u002d1\"");
        assert!(escaped.contains("\\u0061"), "{escaped}");
        bytes.extend(escaped.as_bytes());
        bytes.extend(with_card(4, "xyz"));
        std::fs::write(&path, &bytes).unwrap();
        let times = |known: Known<'_>| {
            let mut got = Vec::new();
            for_each_answer_to(&path, known, "abc-1", &mut |e| {
                assert_eq!(e.card, "abc-1");
                got.push(e.time.as_second() % 100);
            })
            .unwrap();
            got
        };
        let base = answer(0);
        let Event::Answer(base) = base else {
            unreachable!()
        };
        let t0 = base.time.as_second() % 100;
        assert_eq!(times(Known::default()), vec![t0, t0 + 2, t0 + 3]);
        let undone: BTreeSet<u64> = [2].into();
        let known = Known {
            end: None,
            undone: Some(&undone),
        };
        assert_eq!(times(known), vec![t0, t0 + 3]);
    }

    /// Many blocks, split between two threads each: every answer that no
    /// undo names comes out once, in order, and sequence numbers match
    /// `read_from`'s (blank lines are not events); a damaged line is named
    /// by its line number wherever it falls.
    #[test]
    fn answers_stream_in_order_across_blocks_less_the_undone() {
        let dir = tempfile::TempDir::new().unwrap();
        let path = dir.path().join("reviews.jsonl");
        let mut bytes = Vec::new();
        let mut seq = 0u64;
        let mut expected = Vec::new();
        for k in 0..3000 {
            bytes.extend(answer(k).encode().unwrap());
            let this = seq;
            seq += 1;
            if k % 97 == 0 {
                bytes.extend_from_slice(b"\n   \n");
            }
            if k % 10 == 3 {
                let undo = Event::Undo {
                    time: "2026-01-06T10:00:00Z".parse().unwrap(),
                    target: this,
                };
                bytes.extend(undo.encode().unwrap());
                seq += 1;
            } else {
                expected.push(format!("card-{k:05}"));
            }
        }
        bytes.extend_from_slice(b"{\"card\":\"torn");
        std::fs::write(&path, &bytes).unwrap();
        let mut got = Vec::new();
        for_each_answer(&path, Known::default(), &mut |e| got.push(e.card)).unwrap();
        assert_eq!(got, expected);
        let tail = read_from(&path, 0, 0, &mut |_, _| {}).unwrap();
        assert_eq!(tail.events, seq);
        assert!(tail.torn > 0);
        // a damaged line far in: its number is exact
        let text = String::from_utf8(bytes).unwrap();
        let mut lines: Vec<&str> = text.split('\n').collect();
        let bad = 2345;
        lines[bad - 1] = "{\"card\": broken";
        std::fs::write(&path, lines.join("\n")).unwrap();
        match for_each_answer(&path, Known::default(), &mut |_| {}) {
            Err(StoreError::LogCorrupt { line, .. }) => assert_eq!(line, bad as u64),
            other => panic!("{other:?}"),
        }
        match read_from(&path, 0, 0, &mut |_, _| {}) {
            Err(StoreError::LogCorrupt { line, .. }) => assert_eq!(line, bad as u64),
            other => panic!("{other:?}"),
        }
    }
}
