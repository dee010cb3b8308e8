//! `pyquiz suspend`, `unsuspend` and `bury`: set cards aside (or back).

use std::io::Write;

use crate::cli::env::{self, Env};
use crate::cli::error::CliError;
use crate::store::Access;

/// What `suspend`, `unsuspend` and `bury` do.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Suspend,
    Unsuspend,
    Bury,
}

pub fn run(env: &mut Env, ids: &[String], mark: Mark, out: &mut dyn Write) -> Result<(), CliError> {
    let store = &mut env.store(Access::ReadWrite)?;
    let clock = env::clock()?;
    // Resolve every id before changing anything.
    let records = ids
        .iter()
        .map(|id| env.card(id))
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
