//! `pyquiz grade ID GRADE`: grades a card from the command line, as the
//! study screen would.

use std::io::Write;

use serde::Serialize;

use crate::cli::env::{self, Env, when};
use crate::cli::error::CliError;
use crate::schedule::{Grade, Interval};
use crate::store::Access;

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

pub fn run(
    env: &mut Env,
    id: &str,
    grade: &str,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let grade = Grade::parse(grade).ok_or_else(|| CliError::BadGrade(grade.to_string()))?;
    let store = &mut env.store(Access::ReadWrite)?;
    let record = env.card(id)?;
    let clock = env::clock()?;
    let scheduler = env::scheduler(store.settings())?;
    if store.card(&record.id).is_some_and(|c| c.suspended) {
        return Err(CliError::Suspended(record.id.clone()));
    }
    let outcome = crate::session::grade_and_save(store, &scheduler, &record.id, grade, &clock)?;
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
