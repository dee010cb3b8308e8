//! `pyquiz plan --exam DATE`: how many new cards a day cover the selection
//! before the exam; `--accept` makes that the daily new-card limit.

use std::io::Write;

use crate::bank::{Bank, Filter};
use crate::cli::args::FilterArgs;
use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::schedule::{Plan, plan};
use crate::store::{Access, Store};

/// `pyquiz plan`: the new cards a day it takes to have seen the selection
/// by the exam; `--accept` makes that the daily limit.
pub fn run(
    env: &mut Env,
    filter: &FilterArgs,
    exam: &str,
    accept: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let resolved = env.filter(filter)?;
    let access = if accept {
        Access::ReadWrite
    } else {
        Access::ReadOnly
    };
    let mut store = env.store(access)?;
    let computed = compute(&env.bank, &resolved, &store, exam)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &computed)?;
        writeln!(out)?;
    } else {
        write_text(&computed, &super::study::describe(&resolved), out)?;
    }
    if accept {
        let note = self::accept(&mut store, &computed, !resolved.narrows(), exam)?;
        if !json {
            writeln!(out, "{note}")?;
        }
    }
    Ok(())
}

/// Parses `YYYY-MM-DD`.
pub fn exam_date(raw: &str) -> Result<jiff::civil::Date, CliError> {
    raw.trim()
        .parse()
        .map_err(|_| CliError::BadSetting(format!("--exam {raw:?}: give the date as YYYY-MM-DD")))
}

/// The plan for the filtered bank.
pub fn compute(bank: &Bank, filter: &Filter, store: &Store, exam: &str) -> Result<Plan, CliError> {
    let clock = env::clock()?;
    let states: Vec<_> = bank.filtered(filter).map(|r| store.card(&r.id)).collect();
    Ok(plan(
        &states,
        exam_date(exam)?,
        &clock,
        store.settings().new_per_day,
    )?)
}

pub fn write_text(p: &Plan, title: &str, out: &mut dyn Write) -> Result<(), CliError> {
    writeln!(out, "Plan for {title}: exam on {}", p.exam)?;
    writeln!(
        out,
        "{} new cards left ({} already started), {} study day{} before the exam",
        p.remaining_new,
        p.started,
        p.days,
        if p.days == 1 { "" } else { "s" }
    )?;
    writeln!(
        out,
        "needed: {} new cards a day (current limit {} a day{})",
        p.new_per_day,
        p.current_new_per_day,
        match p.finish_at_current {
            Some(d) if p.remaining_new > 0 => format!(", which sees the last new card on {d}"),
            _ => String::new(),
        }
    )?;
    writeln!(
        out,
        "{}",
        if p.on_track {
            "on track"
        } else {
            "behind: accept the plan (`pyquiz plan --exam DATE --accept`) or study with `pyquiz --exam DATE`"
        }
    )?;
    Ok(())
}

/// `--accept`: the plan's count becomes the daily new-card limit, which
/// every selection shares. For part of the bank it is only raised: a lower
/// count already fits under the limit when that part is studied, and
/// lowering the limit would starve everything else. Returns what was done,
/// in one sentence.
pub fn accept(
    store: &mut Store,
    p: &Plan,
    whole_bank: bool,
    exam: &str,
) -> Result<String, CliError> {
    let current = store.settings().new_per_day;
    let n = p.new_per_day;
    if !whole_bank && n < current {
        return Ok(format!(
            "new-per-day stays {current}: it is shared by every selection, and this \
             selection needs only {n} a day, which `pyquiz --exam {exam}` with the same \
             filters studies; `pyquiz config new-per-day {n}` lowers it for everything"
        ));
    }
    let clock = env::clock()?;
    if store.update_settings(&clock, |s| s.new_per_day = n)? {
        Ok(format!(
            "new-per-day = {n} (was {current}; `pyquiz undo` takes it back)"
        ))
    } else {
        Ok(format!("new-per-day is already {n}; nothing changed"))
    }
}
