//! `pyquiz grade`, `undo`, `suspend`, `unsuspend` and `bury`.

use std::io::Write;

use serde::Serialize;

use super::CliError;
use super::study::{self, when};
use crate::bank::Bank;
use crate::schedule::{Grade, Interval};
use crate::store::{Store, UndoAction, UndoScope, Undone};

#[derive(Serialize)]
struct Graded<'a> {
    id: &'a str,
    grade: Grade,
    phase: &'static str,
    due: Option<jiff::Timestamp>,
    interval: Interval,
    interval_label: String,
    stability: Option<f32>,
    difficulty: Option<f32>,
}

pub fn grade(
    bank: &Bank,
    store: &mut Store,
    id: &str,
    grade: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let grade = Grade::parse(grade).ok_or_else(|| CliError::BadGrade(grade.to_string()))?;
    let record = study::find_card(bank, id)?;
    let clock = study::clock()?;
    let scheduler = study::scheduler(store.settings())?;
    if store.card(&record.id).is_some_and(|c| c.suspended) {
        return Err(CliError::Suspended(record.id.clone()));
    }
    let outcome = crate::session::grade_and_save(store, &scheduler, &record.id, grade, &clock)
        .map_err(|e| match e {
            crate::session::GradeError::Schedule(e) => CliError::from(e),
            crate::session::GradeError::Save(e) => CliError::from(e),
        })?;
    let card = &outcome.card;
    if json {
        let graded = Graded {
            id: &record.id,
            grade,
            phase: card.phase.name(),
            due: card.due,
            interval: outcome.interval,
            interval_label: outcome.interval.label(),
            stability: card.stability,
            difficulty: card.difficulty,
        };
        serde_json::to_writer_pretty(&mut *out, &graded)?;
        writeln!(out)?;
    } else {
        let due = card.due.map(|d| when(&clock, d)).unwrap_or_default();
        writeln!(
            out,
            "{} {}: {}, due {due}",
            record.id,
            grade.name(),
            card.phase.name()
        )?;
    }
    Ok(())
}

pub fn undo(
    bank: &Bank,
    store: &mut Store,
    any_day: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let clock = study::clock()?;
    let scope = if any_day {
        UndoScope::AnyDay
    } else {
        UndoScope::Today
    };
    let question = |id: &str| {
        bank.records
            .iter()
            .find(|r| r.id == id || r.members.iter().any(|m| m.id == id))
            .map(|r| super::output::truncate(&r.question, 60))
    };
    let settings_before = store.settings().clone();
    match store.undo(&clock, scope)? {
        Undone::Nothing => writeln!(out, "Nothing to undo.")?,
        Undone::EarlierDay(entry) => {
            let what = entry.describe(question(&entry.card).as_deref(), &clock);
            writeln!(
                out,
                "Nothing to undo today. The last change was {what}; `pyquiz undo --any-day` takes it back."
            )?;
        }
        Undone::Done(entry) if entry.action == UndoAction::Settings => {
            let what = entry.describe(None, &clock);
            let changes = store.settings().changes_from(&settings_before);
            writeln!(out, "Undid {what}: {}.", changes.join(", "))?;
        }
        Undone::Done(entry) => {
            let what = entry.describe(question(&entry.card).as_deref(), &clock);
            let state = entry
                .before
                .as_ref()
                .map(|c| c.phase.name())
                .unwrap_or("new");
            writeln!(out, "Undid {what}; the card is {state} again.")?;
        }
    }
    Ok(())
}

/// `pyquiz recover`: sets the log's damaged lines aside.
pub fn recover(dir: &std::path::Path, out: &mut dyn Write) -> Result<(), CliError> {
    let done = crate::store::recover(dir)?;
    match &done.copy {
        None => writeln!(
            out,
            "The review log has no damaged line; nothing was changed."
        )?,
        Some(copy) => {
            let lines: Vec<String> = done.lines.iter().map(u64::to_string).collect();
            writeln!(
                out,
                "Set aside {} damaged line{} of the review log (line {}); each is kept as text in its place. The log as it was is in {}.",
                lines.len(),
                if lines.len() == 1 { "" } else { "s" },
                lines.join(", "),
                crate::display::escape_line(&copy.display().to_string())
            )?;
        }
    }
    Ok(())
}

/// What `suspend`, `unsuspend` and `bury` do.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Suspend,
    Unsuspend,
    Bury,
}

pub fn mark(
    bank: &Bank,
    store: &mut Store,
    ids: &[String],
    mark: Mark,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let clock = study::clock()?;
    // Resolve every id before changing anything.
    let records = ids
        .iter()
        .map(|id| study::find_card(bank, id))
        .collect::<Result<Vec<_>, _>>()?;
    for record in records {
        let changed = match mark {
            Mark::Suspend => store.set_suspended(&record.id, true, &clock)?,
            Mark::Unsuspend => store.set_suspended(&record.id, false, &clock)?,
            Mark::Bury => store.bury(&record.id, &clock)?,
        };
        let said = match (mark, changed) {
            (Mark::Suspend, true) => "suspended",
            (Mark::Suspend, false) => "is already suspended; nothing changed",
            (Mark::Unsuspend, true) => "unsuspended",
            (Mark::Unsuspend, false) => "is not suspended; nothing changed",
            (Mark::Bury, true) => "buried until tomorrow",
            (Mark::Bury, false) => "is already buried until tomorrow; nothing changed",
        };
        writeln!(out, "{} {said}", record.id)?;
    }
    Ok(())
}
